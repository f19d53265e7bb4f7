/* impact-chart-grid.h: the dashboard's charts of one node and period
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "impact-chart-card.h"
#include "query/impact-query.h"

G_BEGIN_DECLS

#define IMPACT_TYPE_CHART_GRID (impact_chart_grid_get_type ())

G_DECLARE_FINAL_TYPE (ImpactChartGrid, impact_chart_grid, IMPACT, CHART_GRID, AdwBin)

void             impact_chart_grid_show     (ImpactChartGrid     *self,
                                             const ImpactFigures *figures);
ImpactChartCard *impact_chart_grid_get_card (ImpactChartGrid     *self,
                                             const char          *chart_name);

G_END_DECLS
