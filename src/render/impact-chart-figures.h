/* impact-chart-figures.h: the dashboard's charts made from a node's figures
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "impact-chart.h"
#include "query/impact-query.h"

G_BEGIN_DECLS

ImpactChart *impact_chart_new_children (const ImpactFigures  *figures);
ImpactChart *impact_chart_new_children_compare (const ImpactFigures *figures);
ImpactChart *impact_chart_new_trend    (const ImpactFigures  *figures,
                                        ImpactChartKind       kind);
ImpactChart *impact_chart_new_classes  (const ImpactFigures  *figures);
ImpactChart *impact_chart_new_suppliers (GPtrArray           *suppliers);
ImpactChart *impact_chart_new_children_bars (const ImpactFigures *figures,
                                        guint                 n);

G_END_DECLS
