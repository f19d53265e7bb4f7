/* impact-chart-draw.c: a chart drawn, and which item is at a point
 *
 * One layout for a size (each kind places its own items, beside the shared legend), then
 * the kind's renderer draws it; hit-testing uses the same layout, so what is hit is what is
 * drawn. The same code draws on screen and into PNG, SVG and PDF files.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "impact-chart"

#include "config.h"

#include <math.h>
#include <string.h>

#include "impact-chart-private.h"

static void
compute_classes (const ImpactChart *chart,
                 ImpactChartLayout *layout)
{
  for (guint i = 0; i < chart->items->len; i++)
    {
      const ImpactChartItem *item = g_ptr_array_index (chart->items, i);

      if (chart->kind == IMPACT_CHART_COLUMNS || chart->kind == IMPACT_CHART_AREA)
        {
          for (guint k = 0; k < IMPACT_N_SOCIAL_CLASSES; k++)
            layout->classes[k] |= item->cents[k] != 0;
        }
      else
        layout->classes[impact_chart_item_class (item)] = TRUE;
    }
}
static void
compute_layout (const ImpactChart *chart,
                const ImpactChartStyle *style,
                cairo_t *cr,
                ImpactChartLayout *layout)
{
  memset (layout, 0, sizeof *layout);
  compute_classes (chart, layout);

  switch (chart->kind)
    {
    case IMPACT_CHART_COLUMNS:
    case IMPACT_CHART_AREA:
      _impact_chart_layout_columns (chart, style, cr, layout);
      break;
    case IMPACT_CHART_BARS:
      _impact_chart_layout_bars (chart, style, cr, layout);
      break;
    case IMPACT_CHART_BULLET:
      _impact_chart_layout_bullet (chart, style, cr, layout);
      break;
    case IMPACT_CHART_DONUT:
    default:
      _impact_chart_layout_donut (chart, style, cr, layout);
      break;
    }
}

void
impact_chart_draw (const ImpactChart *chart,
                   cairo_t *cr,
                   const ImpactChartStyle *style)
{
  ImpactChartLayout layout;

  g_return_if_fail (chart != NULL && cr != NULL && style != NULL && style->palette != NULL);

  if (style->width < 4 || style->height < 4)
    return;

  cairo_save (cr);
  compute_layout (chart, style, cr, &layout);
  switch (chart->kind)
    {
    case IMPACT_CHART_COLUMNS:
    case IMPACT_CHART_AREA:
      _impact_chart_draw_columns (chart, style, cr, &layout);
      break;
    case IMPACT_CHART_BARS:
      _impact_chart_draw_bars (chart, style, cr, &layout);
      break;
    case IMPACT_CHART_BULLET:
      _impact_chart_draw_bullet (chart, style, cr, &layout);
      break;
    case IMPACT_CHART_DONUT:
    default:
      _impact_chart_draw_donut (chart, style, cr, &layout);
      break;
    }
  cairo_restore (cr);
}

/* Text is measured the same way on every call: with a scratch context of its own. */
static cairo_t *
scratch_context (void)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
  cairo_t *cr = cairo_create (surface);

  cairo_surface_destroy (surface);
  return cr;
}

gboolean
impact_chart_get_item_area (const ImpactChart *chart,
                            const ImpactChartStyle *style,
                            guint index,
                            cairo_rectangle_t *area)
{
  cairo_t *cr;
  ImpactChartLayout layout;
  gboolean found;

  g_return_val_if_fail (chart != NULL && style != NULL && area != NULL, FALSE);

  cr = scratch_context ();
  compute_layout (chart, style, cr, &layout);
  found = _impact_chart_item_area (chart, &layout, index, area);
  cairo_destroy (cr);

  return found;
}

/* The item under a point, or -1. */
int
impact_chart_hit_test (const ImpactChart *chart,
                       const ImpactChartStyle *style,
                       double x,
                       double y)
{
  cairo_t *cr;
  ImpactChartLayout layout;
  int hit = -1;

  g_return_val_if_fail (chart != NULL && style != NULL, -1);

  cr = scratch_context ();
  compute_layout (chart, style, cr, &layout);

  if (chart->kind == IMPACT_CHART_DONUT && layout.positive_total > 0)
    {
      double dx = x - layout.cx, dy = y - layout.cy, r = sqrt (dx * dx + dy * dy);

      if (r >= layout.r_inner && r <= layout.r_outer)
        {
          /* From twelve o'clock, clockwise, as the slices are drawn. */
          double turn = fmod (atan2 (dy, dx) + G_PI / 2 + 2 * G_PI, 2 * G_PI) / (2 * G_PI);
          double start = 0;

          for (guint i = 0; i < chart->items->len && hit < 0; i++)
            {
              gint64 total = impact_chart_item_total (g_ptr_array_index (chart->items, i));

              if (total <= 0)
                continue;
              start += (double) total / layout.positive_total;
              if (turn < start)
                hit = i;
            }
        }
    }

  for (guint i = 0; i < chart->items->len && hit < 0; i++)
    {
      cairo_rectangle_t area;

      if (_impact_chart_item_area (chart, &layout, i, &area) && x >= area.x && x < area.x + area.width && y >= area.y
          && y < area.y + area.height)
        hit = i;
    }

  cairo_destroy (cr);
  return hit;
}
