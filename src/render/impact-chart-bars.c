/* impact-chart-bars.c: horizontal bars, as for the largest suppliers
 *
 * One bar per item with its name on the left and its amount at the end, coloured by class.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "impact-chart"

#include "config.h"

#include "impact-chart-private.h"
#include "model/impact-format.h"

void
_impact_chart_layout_bars (const ImpactChart *chart,
                           const ImpactChartStyle *style,
                           cairo_t *cr,
                           ImpactChartLayout *layout)
{
  double data_max = 0;
  guint n = chart->items->len;

  for (guint i = 0; i < n; i++)
    {
      const ImpactChartItem *item = g_ptr_array_index (chart->items, i);
      double w;

      data_max = MAX (data_max, impact_chart_item_total (item) / 100.0);
      _impact_chart_text_size (cr, style, item->label, &w, &layout->text_height);
      layout->label_width = MAX (layout->label_width, w);
    }
  if (layout->text_height == 0)
    _impact_chart_text_size (cr, style, "Mg", NULL, &layout->text_height);

  /* Names take at most 40% of the width; longer ones are cut with an ellipsis. */
  layout->label_width = MIN (layout->label_width, style->width * 0.4);
  impact_axis_init (&layout->axis, 0, data_max, MAX_TICKS);
  layout->plot.x = MARGIN + layout->label_width + GAP;
  layout->plot.y = MARGIN;
  layout->plot.width = MAX (style->width - layout->plot.x - MARGIN, 1);
  layout->plot.height = MAX (style->height - 2 * MARGIN, 1);
  layout->slot = n > 0 ? MIN (layout->plot.height / n, MAX_BAR_HEIGHT + 8) : layout->plot.height;
  layout->bar = MIN (layout->slot * 0.7, MAX_BAR_HEIGHT);
}

void
_impact_chart_draw_bars (const ImpactChart *chart,
                         const ImpactChartStyle *style,
                         cairo_t *cr,
                         const ImpactChartLayout *layout)
{
  const ImpactPalette *palette = style->palette;

  for (guint i = 0; i < chart->items->len; i++)
    {
      const ImpactChartItem *item = g_ptr_array_index (chart->items, i);
      gint64 total = impact_chart_item_total (item);
      double y = layout->plot.y + i * layout->slot;
      double length = layout->plot.width * impact_axis_normalize (&layout->axis, MAX (total, 0) / 100.0);
      double alpha = style->highlight >= 0 && style->highlight != (int) i ? DIMMED : 1;
      g_autoptr (PangoLayout) name = _impact_chart_new_text (cr, style, item->label);
      g_autofree char *money = impact_format_money_compact (total);
      g_autoptr (PangoLayout) value = _impact_chart_new_text (cr, style, money);
      int w, h, vw, vh;

      if (style->highlight == (int) i)
        {
          impact_color_set_source (cr, &palette->foreground, 0.08);
          cairo_rectangle (cr, MARGIN, y, layout->plot.x + layout->plot.width - MARGIN, layout->slot);
          cairo_fill (cr);
        }

      pango_layout_set_width (name, (int) (layout->label_width * PANGO_SCALE));
      pango_layout_set_ellipsize (name, PANGO_ELLIPSIZE_END);
      pango_layout_set_alignment (name, PANGO_ALIGN_RIGHT);
      pango_layout_get_pixel_size (name, &w, &h);
      impact_color_set_source (cr, &palette->foreground, alpha);
      cairo_move_to (cr, MARGIN, y + (layout->slot - h) / 2);
      pango_cairo_show_layout (cr, name);

      impact_color_set_source (cr, &palette->classes[impact_chart_item_class (item)], alpha);
      cairo_rectangle (cr, layout->plot.x, y + (layout->slot - layout->bar) / 2, length, layout->bar);
      cairo_fill (cr);

      /* The amount after the bar, or inside it at its end when there is no room after it. */
      pango_layout_get_pixel_size (value, &vw, &vh);
      if (layout->plot.x + length + GAP + vw <= layout->plot.x + layout->plot.width)
        {
          impact_color_set_source (cr, &palette->foreground, alpha);
          cairo_move_to (cr, layout->plot.x + length + GAP, y + (layout->slot - vh) / 2);
        }
      else
        {
          impact_color_set_source (cr, &palette->background, alpha);
          cairo_move_to (cr, layout->plot.x + length - GAP - vw, y + (layout->slot - vh) / 2);
        }
      pango_cairo_show_layout (cr, value);
    }
}
