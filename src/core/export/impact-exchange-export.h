/* impact-exchange-export.h: the whole dataset in the application's JSON exchange format
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "storage/impact-store.h"

G_BEGIN_DECLS

gboolean impact_exchange_export (ImpactStore  *store,
                                 const char   *path,
                                 gint64       *n_lines,
                                 GError      **error);

G_END_DECLS
