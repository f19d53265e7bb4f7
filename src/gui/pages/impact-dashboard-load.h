/* impact-dashboard-load.h: the figures of one dashboard page, read on a worker thread
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "impact-period-picker.h"
#include "query/impact-impact-query.h"
#include "query/impact-query.h"

G_BEGIN_DECLS

/* Everything one page shows. */
typedef struct
{
  ImpactFigures *figures;
  /* The financial years with purchases, latest first, and the one read. */
  GArray *years;
  int year;
  /* The group's certificates ending within the horizon. */
  gint64 n_expiring;
  ImpactSroiOverview *sroi;
  ImpactPsoFigures *pso;
  GPtrArray *expiring;
  /* The group's statuses ending within IMPACT_EXPIRY_WARNING_DAYS, or ended as long ago, and
   * those of them the user has not been told about before. */
  guint n_ending;
  guint n_ended;
  GPtrArray *notices;
  GPtrArray *opportunities;
} ImpactDashboardData;

void                 impact_dashboard_data_free   (ImpactDashboardData      *data);
void                 impact_dashboard_load_async  (const char               *database,
                                                   const ImpactNode         *node,
                                                   const ImpactPeriodChoice *choice,
                                                   guint                     horizon,
                                                   gboolean                  notify_expiry,
                                                   GCancellable             *cancellable,
                                                   GAsyncReadyCallback       callback,
                                                   gpointer                  user_data);
ImpactDashboardData *impact_dashboard_load_finish (GAsyncResult             *result,
                                                   GError                  **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ImpactDashboardData, impact_dashboard_data_free)

G_END_DECLS
