/* impact-table-memory.h: memory for the large hash tables of an import
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

gpointer impact_table_memory_new  (gsize    size);
void     impact_table_memory_free (gpointer memory);

G_END_DECLS
