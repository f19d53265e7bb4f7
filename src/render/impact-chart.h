/* impact-chart.h: the dashboard charts, drawn with cairo and pango
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <pango/pango.h>

#include "impact-palette.h"

G_BEGIN_DECLS

typedef enum
{
  /* Vertical columns, stacked by social class; with a share line on a second axis. */
  IMPACT_CHART_COLUMNS,
  /* The same data as columns, drawn as stacked areas through the items: a trend line. */
  IMPACT_CHART_AREA,
  /* Horizontal bars, one per item, largest first as given: a ranking. */
  IMPACT_CHART_BARS,
  /* A ring of the classes' shares of the total. */
  IMPACT_CHART_DONUT,
  /* One value against a target, both in percent: the first item's share and the chart's
   * target (impact_chart_set_target()). */
  IMPACT_CHART_BULLET,
} ImpactChartKind;

/* One column, bar or slice: spend in cents per social class (a bar or slice uses the sum,
 * coloured by its strongest class with spend), and for columns with a share line the share in
 * percent (NAN where there is none). */
typedef struct
{
  char    *label;
  gint64   cents[IMPACT_N_SOCIAL_CLASSES];
  double   share;
  /* With impact_chart_set_compare(): the amount to compare with, drawn as a bar beside. */
  gint64   compare_cents;
} ImpactChartItem;

/* In a chart split in social and not social spend only, the social part is kept in this
 * class and the rest in IMPACT_SOCIAL_CLASS_NONE; the legend then says "Social". */
#define IMPACT_CHART_SOCIAL IMPACT_SOCIAL_CLASS_PSO_30PLUS

typedef struct _ImpactChart ImpactChart;

ImpactChart     *impact_chart_new           (ImpactChartKind            kind);
ImpactChart     *impact_chart_ref           (ImpactChart               *chart);
void             impact_chart_unref         (ImpactChart               *chart);
ImpactChartKind  impact_chart_get_kind      (const ImpactChart         *chart);
ImpactChartItem *impact_chart_add_item      (ImpactChart               *chart,
                                             const char                *label);
guint            impact_chart_get_n_items   (const ImpactChart         *chart);
const ImpactChartItem *impact_chart_get_item (const ImpactChart        *chart,
                                             guint                      index);
void             impact_chart_set_share_line (ImpactChart              *chart,
                                             gboolean                   show);
void             impact_chart_set_social_split (ImpactChart            *chart,
                                             gboolean                   split);
void             impact_chart_set_target    (ImpactChart               *chart,
                                             double                     target);
void             impact_chart_set_projection (ImpactChart              *chart,
                                             double                    projection);
void             impact_chart_set_compare   (ImpactChart               *chart,
                                             const char                *label);
const char      *impact_chart_get_compare   (const ImpactChart         *chart);
gint64           impact_chart_item_total    (const ImpactChartItem     *item);
ImpactSocialClass impact_chart_item_class   (const ImpactChartItem     *item);
char            *impact_chart_describe      (const ImpactChart         *chart);
char            *impact_chart_describe_item (const ImpactChart         *chart,
                                             guint                      index);

/* Where the chart lands and how it looks. */
typedef struct
{
  const ImpactPalette        *palette;
  const PangoFontDescription *font;
  double                      width;
  double                      height;
  /* The item drawn highlighted, or -1. */
  int                         highlight;
} ImpactChartStyle;

void             impact_chart_draw          (const ImpactChart         *chart,
                                             cairo_t                   *cr,
                                             const ImpactChartStyle    *style);
int              impact_chart_hit_test      (const ImpactChart         *chart,
                                             const ImpactChartStyle    *style,
                                             double                     x,
                                             double                     y);
gboolean         impact_chart_get_item_area (const ImpactChart         *chart,
                                             const ImpactChartStyle    *style,
                                             guint                      index,
                                             cairo_rectangle_t         *area);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ImpactChart, impact_chart_unref)

G_END_DECLS
