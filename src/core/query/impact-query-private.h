/* impact-query-private.h: what the queries of figures share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "impact-query.h"
#include "storage/impact-db.h"

G_BEGIN_DECLS

gboolean _impact_query_finish      (ImpactDb            *db,
                                    int                  rc,
                                    GError             **error);
GArray * _impact_query_months_new  (const ImpactPeriod  *period);
gboolean _impact_query_read_months (ImpactDb            *db,
                                    sqlite3_stmt        *stmt,
                                    const ImpactPeriod  *period,
                                    GArray              *months,
                                    GError             **error);
void     _impact_query_child_free (ImpactChildFigures *child);

G_END_DECLS
