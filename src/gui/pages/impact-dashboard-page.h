/* impact-dashboard-page.h: the figures and charts of the group, a division or an object
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "impact-report.h"
#include "storage/impact-store.h"

G_BEGIN_DECLS

#define IMPACT_TYPE_DASHBOARD_PAGE (impact_dashboard_page_get_type ())

G_DECLARE_FINAL_TYPE (ImpactDashboardPage, impact_dashboard_page, IMPACT, DASHBOARD_PAGE, AdwBin)

void         impact_dashboard_page_set_store     (ImpactDashboardPage *self,
                                                  ImpactStore         *store);
ImpactStore *impact_dashboard_page_get_store     (ImpactDashboardPage *self);
void         impact_dashboard_page_reload        (ImpactDashboardPage *self);
gboolean     impact_dashboard_page_go_back       (ImpactDashboardPage *self);
gboolean     impact_dashboard_page_open_child    (ImpactDashboardPage *self,
                                                  guint                index);
const char  *impact_dashboard_page_get_node_code (ImpactDashboardPage *self);
gboolean     impact_dashboard_page_is_loading    (ImpactDashboardPage *self);
gboolean     impact_dashboard_page_jump          (ImpactDashboardPage *self,
                                                  const char          *text);
GtkWidget   *impact_dashboard_page_take_period_controls (ImpactDashboardPage *self);
gboolean     impact_dashboard_page_set_months    (ImpactDashboardPage *self,
                                                  const char          *first,
                                                  const char          *last);

void         impact_dashboard_page_save_report_async (ImpactDashboardPage *self,
                                                  const char          *path,
                                                  GAsyncReadyCallback  callback,
                                                  gpointer             user_data);
guint        impact_dashboard_page_save_report_finish (ImpactDashboardPage *self,
                                                  GAsyncResult        *result,
                                                  GError             **error);
ImpactReport *impact_dashboard_page_make_report  (ImpactDashboardPage *self,
                                                  double               width,
                                                  double               height,
                                                  GError             **error);
char        *impact_dashboard_page_get_report_name (ImpactDashboardPage *self);
gboolean     impact_dashboard_page_save_chart     (ImpactDashboardPage *self,
                                                  const char          *chart_name,
                                                  const char          *format,
                                                  const char          *path,
                                                  double               width,
                                                  double               height,
                                                  double               scale,
                                                  GError             **error);

G_END_DECLS
