/* impact-chart-card.h: one chart of the dashboard, with its table and Save menu
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "charts/impact-chart-view.h"

G_BEGIN_DECLS

#define IMPACT_TYPE_CHART_CARD (impact_chart_card_get_type ())

G_DECLARE_FINAL_TYPE (ImpactChartCard, impact_chart_card, IMPACT, CHART_CARD, AdwBin)

void             impact_chart_card_show           (ImpactChartCard *self,
                                                   ImpactChart     *chart,
                                                   const char      *title);
ImpactChartView *impact_chart_card_get_view       (ImpactChartCard *self);
const char      *impact_chart_card_get_chart_name (ImpactChartCard *self);
gboolean         impact_chart_card_save           (ImpactChartCard *self,
                                                   const char      *format,
                                                   const char      *path,
                                                   double           width,
                                                   double           height,
                                                   double           scale,
                                                   GError         **error);

G_END_DECLS
