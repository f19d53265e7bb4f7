/* impact-chart-columns.c: columns per division or month, stacked by social class, or areas
 *
 * Stacked columns (the social classes on the axis), optionally grouped with a lighter bar of
 * the period before, a social share line on the right axis, or stacked areas for a trend.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "impact-chart"

#include "config.h"

#include <math.h>
#include <string.h>

#include "impact-chart-private.h"
#include "model/impact-format.h"

void
_impact_chart_layout_columns (const ImpactChart *chart,
                              const ImpactChartStyle *style,
                              cairo_t *cr,
                              ImpactChartLayout *layout)
{
  double data_min = 0, data_max = 0, share_max = 0, tick_width = 0, share_width = 0;
  double legend_height;
  guint n = chart->items->len;

  for (guint i = 0; i < n; i++)
    {
      const ImpactChartItem *item = g_ptr_array_index (chart->items, i);
      gint64 up = 0, down = 0;

      for (guint k = 0; k < IMPACT_N_SOCIAL_CLASSES; k++)
        {
          if (item->cents[k] > 0)
            up += item->cents[k];
          else
            down += item->cents[k];
        }
      data_max = MAX (data_max, MAX (up, item->compare_cents) / 100.0);
      data_min = MIN (data_min, MIN (down, item->compare_cents) / 100.0);
      if (chart->share_line && isfinite (item->share))
        {
          share_max = MAX (share_max, item->share);
          layout->has_share = TRUE;
        }
    }

  impact_axis_init (&layout->axis, data_min, data_max, MAX_TICKS);
  for (guint t = 0; t < layout->axis.n_ticks; t++)
    {
      g_autofree char *label = impact_format_money_compact ((gint64) llround (layout->axis.ticks[t] * 100));
      double w;

      _impact_chart_text_size (cr, style, label, &w, &layout->text_height);
      tick_width = MAX (tick_width, w);
    }
  if (layout->has_share)
    {
      /* The share axis has the same number of intervals, so that its ticks meet the grid. */
      impact_axis_init (&layout->share_axis, 0, MAX (share_max, 1), layout->axis.n_ticks);
      for (guint t = 0; t < layout->share_axis.n_ticks; t++)
        {
          g_autofree char *label = _impact_chart_format_share_tick (layout->share_axis.ticks[t], layout->share_axis.step);
          double w;

          _impact_chart_text_size (cr, style, label, &w, NULL);
          share_width = MAX (share_width, w);
        }
    }

  legend_height = _impact_chart_place_legend (cr, chart, style, layout, MARGIN, 0, style->width - 2 * MARGIN, FALSE);
  layout->plot.x = MARGIN + tick_width + GAP;
  layout->plot.y = MARGIN + layout->text_height / 2;
  layout->plot.width = MAX (style->width - layout->plot.x - MARGIN - (layout->has_share ? share_width + GAP : 0), 1);
  layout->plot.height = MAX (style->height - layout->plot.y - layout->text_height - GAP - legend_height - GAP - MARGIN, 1);
  layout->legend_y = layout->plot.y + layout->plot.height + GAP + layout->text_height + GAP;
  layout->slot = n > 0 ? layout->plot.width / n : layout->plot.width;
  layout->bar = MIN (layout->slot * 0.7, MAX_COLUMN_WIDTH);
  if (chart->compare_label != NULL)
    layout->bar = MIN (layout->slot * 0.4, MAX_COLUMN_WIDTH / 2);
}

/* Stacked areas through the middle of each item's slot, in the columns' stacking order (only
 * what is above zero: an area of credit notes would hide the rest); a marker on the item
 * highlighted. */
static void
draw_areas (const ImpactChart *chart,
            const ImpactChartStyle *style,
            cairo_t *cr,
            const ImpactChartLayout *layout)
{
  guint n = chart->items->len;
  g_autofree double *lower = g_new0 (double, MAX (n, 1));
  g_autofree double *upper = g_new0 (double, MAX (n, 1));

  if (n == 0)
    return;

  for (guint s = 0; s < G_N_ELEMENTS (_impact_chart_stack_order); s++)
    {
      ImpactSocialClass k = _impact_chart_stack_order[s];
      gboolean any = FALSE;

      for (guint i = 0; i < n; i++)
        {
          const ImpactChartItem *item = g_ptr_array_index (chart->items, i);

          upper[i] = lower[i] + MAX (item->cents[k], 0) / 100.0;
          any |= item->cents[k] > 0;
        }
      if (!any)
        continue;

      for (guint i = 0; i < n; i++)
        {
          double x = layout->plot.x + (i + 0.5) * layout->slot;

          if (i == 0)
            cairo_move_to (cr, x, _impact_chart_value_y (layout, upper[i]));
          else
            cairo_line_to (cr, x, _impact_chart_value_y (layout, upper[i]));
        }
      for (guint i = n; i-- > 0;)
        cairo_line_to (cr, layout->plot.x + (i + 0.5) * layout->slot, _impact_chart_value_y (layout, lower[i]));
      cairo_close_path (cr);
      impact_color_set_source (cr, &style->palette->classes[k], style->highlight >= 0 ? 0.7 : 0.9);
      cairo_fill (cr);
      memcpy (lower, upper, n * sizeof (double));
    }

  /* The total's edge, and the highlighted item's point on it. */
  impact_color_set_source (cr, &style->palette->foreground, 0.6);
  cairo_set_line_width (cr, 1.5);
  for (guint i = 0; i < n; i++)
    {
      double x = layout->plot.x + (i + 0.5) * layout->slot;

      if (i == 0)
        cairo_move_to (cr, x, _impact_chart_value_y (layout, lower[i]));
      else
        cairo_line_to (cr, x, _impact_chart_value_y (layout, lower[i]));
    }
  cairo_stroke (cr);
  if (style->highlight >= 0 && (guint) style->highlight < n)
    {
      double x = layout->plot.x + (style->highlight + 0.5) * layout->slot;

      impact_color_set_source (cr, &style->palette->foreground, 0.4);
      cairo_move_to (cr, round (x) + 0.5, layout->plot.y);
      cairo_line_to (cr, round (x) + 0.5, layout->plot.y + layout->plot.height);
      cairo_stroke (cr);
      impact_color_set_source (cr, &style->palette->foreground, 1);
      cairo_arc (cr, x, _impact_chart_value_y (layout, lower[style->highlight]), 4, 0, 2 * G_PI);
      cairo_fill (cr);
    }
}

void
_impact_chart_draw_columns (const ImpactChart *chart,
                            const ImpactChartStyle *style,
                            cairo_t *cr,
                            const ImpactChartLayout *layout)
{
  const ImpactPalette *palette = style->palette;
  double zero_y = _impact_chart_value_y (layout, 0);
  guint label_every = 1;
  double label_width = 0;

  /* Grid and money ticks on the left, share ticks on the right. */
  cairo_set_line_width (cr, 1);
  for (guint t = 0; t < layout->axis.n_ticks; t++)
    {
      double y = round (_impact_chart_value_y (layout, layout->axis.ticks[t])) + 0.5;
      g_autofree char *label = impact_format_money_compact ((gint64) llround (layout->axis.ticks[t] * 100));
      g_autoptr (PangoLayout) text = _impact_chart_new_text (cr, style, label);
      int w, h;

      impact_color_set_source (cr, &palette->grid, 1);
      cairo_move_to (cr, layout->plot.x, y);
      cairo_line_to (cr, layout->plot.x + layout->plot.width, y);
      cairo_stroke (cr);

      pango_layout_get_pixel_size (text, &w, &h);
      impact_color_set_source (cr, &palette->foreground, 0.7);
      cairo_move_to (cr, layout->plot.x - GAP - w, y - h / 2.0);
      pango_cairo_show_layout (cr, text);

      if (layout->has_share && t < layout->share_axis.n_ticks)
        {
          g_autofree char *share = _impact_chart_format_share_tick (layout->share_axis.ticks[t], layout->share_axis.step);
          g_autoptr (PangoLayout) share_text = _impact_chart_new_text (cr, style, share);

          cairo_move_to (cr, layout->plot.x + layout->plot.width + GAP, y - h / 2.0);
          pango_cairo_show_layout (cr, share_text);
        }
    }

  /* Labels under the columns: every one when they fit, else every second, third... */
  for (guint i = 0; i < chart->items->len; i++)
    {
      const ImpactChartItem *item = g_ptr_array_index (chart->items, i);
      double w;

      _impact_chart_text_size (cr, style, item->label, &w, NULL);
      label_width = MAX (label_width, w + GAP);
    }
  /* Months may skip labels; divisions and objects may not, so theirs are cut short. */
  if (layout->slot > 0 && (chart->share_line || chart->kind == IMPACT_CHART_AREA))
    label_every = MAX (1, (guint) ceil (label_width / layout->slot));

  if (chart->kind == IMPACT_CHART_AREA)
    draw_areas (chart, style, cr, layout);

  for (guint i = 0; i < chart->items->len; i++)
    {
      const ImpactChartItem *item = g_ptr_array_index (chart->items, i);
      double x = layout->plot.x + i * layout->slot + (layout->slot - layout->bar) / 2;
      double alpha = style->highlight >= 0 && style->highlight != (int) i ? DIMMED : 1;
      double up = 0, down = 0;

      /* Grouped: the bar to compare with on the left, the column itself on the right. */
      if (chart->compare_label != NULL && chart->kind == IMPACT_CHART_COLUMNS)
        {
          double centre = layout->plot.x + (i + 0.5) * layout->slot;
          double y0 = _impact_chart_value_y (layout, 0), y1 = _impact_chart_value_y (layout, item->compare_cents / 100.0);

          impact_color_set_source (cr, &palette->foreground, COMPARE_ALPHA * alpha);
          cairo_rectangle (cr, centre - layout->bar - 1, MIN (y0, y1), layout->bar, fabs (y0 - y1));
          cairo_fill (cr);
          x = centre + 1;
        }

      /* A light band behind the highlighted column. */
      if (style->highlight == (int) i)
        {
          impact_color_set_source (cr, &palette->foreground, 0.08);
          cairo_rectangle (cr, layout->plot.x + i * layout->slot, layout->plot.y, layout->slot, layout->plot.height);
          cairo_fill (cr);
        }

      for (guint s = 0; s < G_N_ELEMENTS (_impact_chart_stack_order) && chart->kind == IMPACT_CHART_COLUMNS; s++)
        {
          ImpactSocialClass k = _impact_chart_stack_order[s];
          double euros = item->cents[k] / 100.0;
          double y0, y1;

          if (item->cents[k] == 0)
            continue;
          if (euros > 0)
            {
              y0 = _impact_chart_value_y (layout, up);
              y1 = _impact_chart_value_y (layout, up + euros);
              up += euros;
            }
          else
            {
              y0 = _impact_chart_value_y (layout, down + euros);
              y1 = _impact_chart_value_y (layout, down);
              down += euros;
            }
          impact_color_set_source (cr, &palette->classes[k], alpha);
          cairo_rectangle (cr, x, MIN (y0, y1), layout->bar, fabs (y0 - y1));
          cairo_fill (cr);
        }

      if (i % label_every == 0)
        {
          g_autoptr (PangoLayout) text = _impact_chart_new_text (cr, style, item->label);
          int w, h;

          if (label_every == 1)
            {
              pango_layout_set_width (text, (int) (MAX (layout->slot - 4, 1) * PANGO_SCALE));
              pango_layout_set_ellipsize (text, PANGO_ELLIPSIZE_END);
            }
          pango_layout_get_pixel_size (text, &w, &h);
          impact_color_set_source (cr, &palette->foreground, style->highlight == (int) i ? 1 : 0.7);
          cairo_move_to (cr, layout->plot.x + (i + 0.5) * layout->slot - w / 2.0,
                         layout->plot.y + layout->plot.height + GAP);
          pango_cairo_show_layout (cr, text);
        }
    }

  /* The zero line over the columns. */
  impact_color_set_source (cr, &palette->foreground, 0.6);
  cairo_move_to (cr, layout->plot.x, round (zero_y) + 0.5);
  cairo_line_to (cr, layout->plot.x + layout->plot.width, round (zero_y) + 0.5);
  cairo_stroke (cr);

  if (layout->has_share)
    {
      gboolean drawing = FALSE;

      impact_color_set_source (cr, &palette->foreground, 1);
      cairo_set_line_width (cr, 2);
      cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
      for (guint i = 0; i < chart->items->len; i++)
        {
          const ImpactChartItem *item = g_ptr_array_index (chart->items, i);
          double x = layout->plot.x + (i + 0.5) * layout->slot;
          double y;

          if (!isfinite (item->share))
            {
              if (drawing)
                cairo_stroke (cr);
              drawing = FALSE;
              continue;
            }
          y = layout->plot.y + layout->plot.height * (1 - impact_axis_normalize (&layout->share_axis, item->share));
          if (drawing)
            cairo_line_to (cr, x, y);
          else
            cairo_move_to (cr, x, y);
          drawing = TRUE;
        }
      if (drawing)
        cairo_stroke (cr);
      for (guint i = 0; i < chart->items->len; i++)
        {
          const ImpactChartItem *item = g_ptr_array_index (chart->items, i);

          if (!isfinite (item->share))
            continue;
          cairo_arc (cr, layout->plot.x + (i + 0.5) * layout->slot,
                     layout->plot.y + layout->plot.height * (1 - impact_axis_normalize (&layout->share_axis, item->share)),
                     style->highlight == (int) i ? 4.5 : 3, 0, 2 * G_PI);
          cairo_fill (cr);
        }
    }

  _impact_chart_place_legend (cr, chart, style, layout, MARGIN, layout->legend_y, style->width - 2 * MARGIN, TRUE);
}
