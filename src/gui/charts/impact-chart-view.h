/* impact-chart-view.h: a chart on screen, with hover, tooltips, keys and drill-down
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "impact-chart.h"

G_BEGIN_DECLS

#define IMPACT_TYPE_CHART_VIEW (impact_chart_view_get_type ())

G_DECLARE_FINAL_TYPE (ImpactChartView, impact_chart_view, IMPACT, CHART_VIEW, GtkWidget)

GtkWidget   *impact_chart_view_new            (void);
void         impact_chart_view_set_chart      (ImpactChartView *self,
                                               ImpactChart     *chart);
ImpactChart *impact_chart_view_get_chart      (ImpactChartView *self);
int          impact_chart_view_get_highlight  (ImpactChartView *self);
void         impact_chart_view_set_highlight  (ImpactChartView *self,
                                               int              index);

G_END_DECLS
