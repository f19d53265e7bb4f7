/* impact-chart-bullet.c: a bullet: a share against its target, with a projection
 *
 * The share as a bar, where it is heading as a lighter bar, and the target as a mark.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "impact-chart"

#include "config.h"

#include <math.h>

#include "impact-chart-private.h"

/* A bullet: a band for the scale, the value as a bar in it, the target as a mark across it. */
void
_impact_chart_layout_bullet (const ImpactChart *chart,
                             const ImpactChartStyle *style,
                             cairo_t *cr,
                             ImpactChartLayout *layout)
{
  const ImpactChartItem *item = chart->items->len > 0 ? g_ptr_array_index (chart->items, 0) : NULL;
  double value = item != NULL && isfinite (item->share) ? item->share : 0;
  double target = isfinite (chart->target) ? chart->target : 0;
  double projection = isfinite (chart->projection) ? chart->projection : 0;

  /* The scale runs a little past the largest of value, projection and target, to a nice
   * round end. Without a target there is nothing to measure against but the whole: a share
   * of 8.6% on a scale that ends at 10% would look nearly full. */
  if (isnan (chart->target))
    impact_axis_init (&layout->axis, 0, MAX (MAX (value, projection), 100), MAX_TICKS);
  else
    impact_axis_init (&layout->axis, 0, MAX (MAX (MAX (value, target), projection) * 1.15, 1), MAX_TICKS);
  _impact_chart_text_size (cr, style, "0%", NULL, &layout->text_height);
  layout->plot.x = 2;
  layout->plot.y = 2;
  layout->plot.width = MAX (style->width - 4, 1);
  layout->plot.height = MAX (MIN (style->height - 4, 24), 1);
}

void
_impact_chart_draw_bullet (const ImpactChart *chart,
                           const ImpactChartStyle *style,
                           cairo_t *cr,
                           const ImpactChartLayout *layout)
{
  const ImpactPalette *palette = style->palette;
  const ImpactChartItem *item = chart->items->len > 0 ? g_ptr_array_index (chart->items, 0) : NULL;
  const cairo_rectangle_t *plot = &layout->plot;
  gboolean met;

  impact_color_set_source (cr, &palette->grid, 1);
  cairo_rectangle (cr, plot->x, plot->y, plot->width, plot->height);
  cairo_fill (cr);

  /* The projection: a lighter bar behind the value, green when it reaches the target. */
  if (isfinite (chart->projection))
    {
      gboolean reaches = isnan (chart->target) || chart->projection >= chart->target;

      impact_color_set_source (cr, &palette->classes[reaches ? IMPACT_SOCIAL_CLASS_PSO_30PLUS : IMPACT_SOCIAL_CLASS_NONE],
                               0.4);
      cairo_rectangle (cr, plot->x, plot->y + plot->height * 0.25,
                       plot->width * CLAMP (impact_axis_normalize (&layout->axis, chart->projection), 0, 1),
                       plot->height * 0.5);
      cairo_fill (cr);
    }

  if (item != NULL && isfinite (item->share))
    {
      /* Green once the target is met (or when there is none), grey below it. */
      met = isnan (chart->target) || item->share >= chart->target;
      impact_color_set_source (cr, &palette->classes[met ? IMPACT_SOCIAL_CLASS_PSO_30PLUS : IMPACT_SOCIAL_CLASS_NONE], 1);
      cairo_rectangle (cr, plot->x, plot->y + plot->height * 0.25,
                       plot->width * CLAMP (impact_axis_normalize (&layout->axis, item->share), 0, 1), plot->height * 0.5);
      cairo_fill (cr);
    }

  if (isfinite (chart->target))
    {
      double x = round (plot->x + plot->width * CLAMP (impact_axis_normalize (&layout->axis, chart->target), 0, 1));

      impact_color_set_source (cr, &palette->foreground, 1);
      cairo_rectangle (cr, x - 1.5, plot->y, 3, plot->height);
      cairo_fill (cr);
    }
}
