/* impact-query-private.h: what the queries of figures share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "impact-query.h"
#include "storage/impact-db-stmt.h"

G_BEGIN_DECLS

GArray * _impact_query_months_new  (const ImpactPeriod  *period);
gboolean _impact_query_read_months (ImpactDbStmt        *stmt,
                                    const ImpactPeriod  *period,
                                    GArray              *months,
                                    GError             **error);
void     _impact_query_child_free (ImpactChildFigures *child);

G_END_DECLS
