/* impact-reader-open.h: the reader for a file, chosen by what the file holds
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "impact-reader.h"

G_BEGIN_DECLS

ImpactReader *impact_reader_new_for_file (const char  *path,
                                          GError     **error);

G_END_DECLS
