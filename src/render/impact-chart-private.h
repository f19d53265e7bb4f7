/* impact-chart-private.h: what the chart renderers share
 *
 * The chart's data, the layout one size gives (plot area, axes, legend), and the helpers
 * every renderer uses. Shared by the files of src/render that draw charts only.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <pango/pangocairo.h>

#include "impact-axis.h"
#include "impact-chart.h"

G_BEGIN_DECLS

#define MARGIN 8.0
#define GAP 6.0
#define SWATCH 10.0
#define MAX_TICKS 6
#define MAX_COLUMN_WIDTH 56.0
#define MAX_BAR_HEIGHT 22.0
#define DIMMED 0.45
#define COMPARE_ALPHA 0.3

/* Stacking order of a column, from the axis up: the social classes strongest first, then
 * the aspirant status, then what is not social, so that the social part sits on the axis. */
extern const ImpactSocialClass _impact_chart_stack_order[IMPACT_N_SOCIAL_CLASSES];

struct _ImpactChart
{
  gatomicrefcount ref_count;
  ImpactChartKind kind;
  GPtrArray *items;
  gboolean share_line;
  gboolean social_split;
  double target;
  /* For a bullet: where the value is heading (percent), drawn as a lighter bar; NAN for none. */
  double projection;
  /* Columns grouped with a bar to compare with, and what that bar is. */
  char *compare_label;
};

/* Where everything goes for one size. */
typedef struct
{
  cairo_rectangle_t plot;
  ImpactAxis axis;
  ImpactAxis share_axis;
  gboolean has_share;
  double label_width;
  double slot;
  double bar;
  double legend_y;
  double text_height;
  /* Donut */
  double cx, cy, r_outer, r_inner;
  double legend_x;
  gint64 positive_total;
  gboolean classes[IMPACT_N_SOCIAL_CLASSES];
} ImpactChartLayout;

PangoLayout * _impact_chart_new_text          (cairo_t                 *cr,
                                               const ImpactChartStyle  *style,
                                               const char              *text);
void          _impact_chart_text_size         (cairo_t                 *cr,
                                               const ImpactChartStyle  *style,
                                               const char              *text,
                                               double                  *width,
                                               double                  *height);
char *        _impact_chart_format_share_tick (double                  value,
                                               double                  step);
double        _impact_chart_place_legend      (cairo_t                 *cr,
                                               const ImpactChart       *chart,
                                               const ImpactChartStyle  *style,
                                               const ImpactChartLayout *layout,
                                               double                  x0,
                                               double                  y,
                                               double                  width,
                                               gboolean                draw);
void          _impact_chart_layout_columns    (const ImpactChart       *chart,
                                               const ImpactChartStyle  *style,
                                               cairo_t                 *cr,
                                               ImpactChartLayout       *layout);
void          _impact_chart_layout_bars       (const ImpactChart       *chart,
                                               const ImpactChartStyle  *style,
                                               cairo_t                 *cr,
                                               ImpactChartLayout       *layout);
void          _impact_chart_layout_donut      (const ImpactChart       *chart,
                                               const ImpactChartStyle  *style,
                                               cairo_t                 *cr,
                                               ImpactChartLayout       *layout);
void          _impact_chart_layout_bullet     (const ImpactChart       *chart,
                                               const ImpactChartStyle  *style,
                                               cairo_t                 *cr,
                                               ImpactChartLayout       *layout);
double        _impact_chart_value_y           (const ImpactChartLayout *layout,
                                               double                  euros);
gboolean      _impact_chart_item_area         (const ImpactChart       *chart,
                                               const ImpactChartLayout *layout,
                                               guint                   index,
                                               cairo_rectangle_t       *area);
void          _impact_chart_draw_columns      (const ImpactChart       *chart,
                                               const ImpactChartStyle  *style,
                                               cairo_t                 *cr,
                                               const ImpactChartLayout *layout);
void          _impact_chart_draw_bars         (const ImpactChart       *chart,
                                               const ImpactChartStyle  *style,
                                               cairo_t                 *cr,
                                               const ImpactChartLayout *layout);
void          _impact_chart_draw_donut        (const ImpactChart       *chart,
                                               const ImpactChartStyle  *style,
                                               cairo_t                 *cr,
                                               const ImpactChartLayout *layout);
void          _impact_chart_draw_bullet       (const ImpactChart       *chart,
                                               const ImpactChartStyle  *style,
                                               cairo_t                 *cr,
                                               const ImpactChartLayout *layout);

G_END_DECLS
