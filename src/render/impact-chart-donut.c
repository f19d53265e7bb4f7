/* impact-chart-donut.c: a donut of spend per social class with its legend
 *
 * Slices from twelve o'clock, clockwise, with the legend and the shares beside it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "impact-chart"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "impact-chart-private.h"
#include "model/impact-format.h"

void
_impact_chart_layout_donut (const ImpactChart *chart,
                            const ImpactChartStyle *style,
                            cairo_t *cr,
                            ImpactChartLayout *layout)
{
  double legend_width = 0, size;

  for (guint i = 0; i < chart->items->len; i++)
    {
      const ImpactChartItem *item = g_ptr_array_index (chart->items, i);
      gint64 total = impact_chart_item_total (item);
      double w;

      if (total > 0)
        layout->positive_total += total;
      _impact_chart_text_size (cr, style, item->label, &w, &layout->text_height);
      legend_width = MAX (legend_width, SWATCH + 4 + w + 60);
    }

  /* The legend beside the ring or below it, whichever leaves the larger ring. */
  {
    double legend_height = chart->items->len * (layout->text_height + 2);
    double beside = MIN (style->height, style->width - legend_width) - 2 * MARGIN;
    double below = MIN (style->width, style->height - legend_height - GAP) - 2 * MARGIN;

    if (beside >= below)
      {
        size = beside;
        layout->legend_x = MARGIN + MAX (size, 0) + 2 * GAP;
        layout->legend_y = MAX (MARGIN, (style->height - legend_height) / 2);
      }
    else
      {
        size = below;
        layout->legend_x = MARGIN;
        layout->legend_y = MARGIN + MAX (size, 0) + GAP;
      }
  }
  size = MAX (size, 4);
  layout->r_outer = size / 2;
  layout->r_inner = layout->r_outer * 0.6;
  layout->cx = MARGIN + layout->r_outer;
  layout->cy = MARGIN + layout->r_outer;
}

void
_impact_chart_draw_donut (const ImpactChart *chart,
                          const ImpactChartStyle *style,
                          cairo_t *cr,
                          const ImpactChartLayout *layout)
{
  const ImpactPalette *palette = style->palette;
  double angle = -G_PI / 2;

  for (guint i = 0; i < chart->items->len; i++)
    {
      const ImpactChartItem *item = g_ptr_array_index (chart->items, i);
      gint64 total = impact_chart_item_total (item);
      double alpha = style->highlight >= 0 && style->highlight != (int) i ? DIMMED : 1;
      double sweep, grow = style->highlight == (int) i ? 4 : 0;
      g_autoptr (PangoLayout) name = NULL;
      g_autofree char *label = NULL;
      cairo_rectangle_t area;
      int w, h;

      if (total > 0 && layout->positive_total > 0)
        {
          sweep = 2 * G_PI * total / layout->positive_total;
          impact_color_set_source (cr, &palette->classes[impact_chart_item_class (item)], alpha);
          cairo_new_sub_path (cr);
          cairo_arc (cr, layout->cx, layout->cy, layout->r_outer - 4 + grow, angle, angle + sweep);
          cairo_arc_negative (cr, layout->cx, layout->cy, layout->r_inner, angle + sweep, angle);
          cairo_close_path (cr);
          cairo_fill (cr);
          angle += sweep;
        }

      /* Its legend row: swatch, name and share. */
      _impact_chart_item_area (chart, layout, i, &area);
      impact_color_set_source (cr, &palette->classes[impact_chart_item_class (item)], alpha);
      cairo_rectangle (cr, area.x, area.y + (area.height - SWATCH) / 2, SWATCH, SWATCH);
      cairo_fill (cr);
      /* Translators: a slice of a ring chart: its name and its share, as in "SW company 4.2%". */
      label = g_strdup_printf (_ ("%s  %.1f%%"), item->label,
                               layout->positive_total > 0 ? 100.0 * MAX (total, 0) / layout->positive_total : 0.0);
      name = _impact_chart_new_text (cr, style, label);
      pango_layout_get_pixel_size (name, &w, &h);
      impact_color_set_source (cr, &palette->foreground, alpha);
      cairo_move_to (cr, area.x + SWATCH + 4, area.y + (area.height - h) / 2);
      pango_cairo_show_layout (cr, name);
    }

  /* The total in the middle. */
  {
    g_autofree char *money = impact_format_money_compact (layout->positive_total);
    g_autoptr (PangoLayout) text = _impact_chart_new_text (cr, style, money);
    int w, h;

    pango_layout_get_pixel_size (text, &w, &h);
    if (w < 2 * layout->r_inner - 4)
      {
        impact_color_set_source (cr, &palette->foreground, 1);
        cairo_move_to (cr, layout->cx - w / 2.0, layout->cy - h / 2.0);
        pango_cairo_show_layout (cr, text);
      }
  }
}
