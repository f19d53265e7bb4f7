/* impact-chart-export.c: a chart as a PNG, SVG or PDF file, and its data as a table
 *
 * The chart is drawn by the dashboard's renderer in the print palette (dark ink on white),
 * under its title, on a page of @width by @height (points for SVG and PDF; for PNG logical
 * pixels, times @scale for the image's pixels, 2 for sharp pictures on HiDPI screens and in
 * slides).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <glib/gi18n-lib.h>
#include <math.h>
#include <pango/pangocairo.h>

#include "impact-chart-export.h"
#include "impact-render-file.h"

#define PADDING 16.0

static void
draw (const ImpactChart *chart,
      const char *title,
      cairo_t *cr,
      double width,
      double height)
{
  const ImpactPalette *palette = impact_palette_get (IMPACT_PALETTE_PRINT);
  PangoFontDescription *font = pango_font_description_from_string ("Sans 9");
  double top = PADDING;

  impact_color_set_source (cr, &palette->background, 1);
  cairo_paint (cr);

  if (title != NULL && *title != '\0')
    {
      g_autoptr (PangoLayout) layout = pango_cairo_create_layout (cr);
      PangoFontDescription *bold = pango_font_description_from_string ("Sans Bold 12");
      int title_height;

      pango_layout_set_font_description (layout, bold);
      pango_font_description_free (bold);
      pango_layout_set_width (layout, (int) ((width - 2 * PADDING) * PANGO_SCALE));
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
      pango_layout_set_text (layout, title, -1);
      impact_color_set_source (cr, &palette->foreground, 1);
      cairo_move_to (cr, PADDING, top);
      pango_cairo_show_layout (cr, layout);
      pango_layout_get_size (layout, NULL, &title_height);
      top += (double) title_height / PANGO_SCALE + 8;
    }

  {
    ImpactChartStyle style = { palette, font, width - 2 * PADDING, MAX (height - top - PADDING, 1), -1 };

    cairo_save (cr);
    cairo_translate (cr, PADDING, top);
    impact_chart_draw (chart, cr, &style);
    cairo_restore (cr);
  }
  pango_font_description_free (font);
}

/* Writes @chart with @title to @path in @format. */
gboolean
impact_chart_write_file (const ImpactChart *chart,
                         const char *title,
                         const char *path,
                         ImpactChartFileFormat format,
                         double width,
                         double height,
                         double scale,
                         GError **error)
{
  cairo_surface_t *surface;
  cairo_t *cr;

  g_return_val_if_fail (chart != NULL && path != NULL, FALSE);
  g_return_val_if_fail (width >= 50 && height >= 50 && scale >= 1 && scale <= 4, FALSE);

  switch (format)
    {
    case IMPACT_CHART_FILE_SVG:
      surface = cairo_svg_surface_create (path, width, height);
      break;
    case IMPACT_CHART_FILE_PDF:
      surface = cairo_pdf_surface_create (path, width, height);
      break;
    case IMPACT_CHART_FILE_PNG:
    default:
      surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) (width * scale), (int) (height * scale));
      break;
    }

  cr = cairo_create (surface);
  if (format == IMPACT_CHART_FILE_PNG)
    cairo_scale (cr, scale, scale);
  draw (chart, title, cr, width, height);
  cairo_destroy (cr);
  return impact_render_finish_file (surface, path, error);
}

/* The chart's data as a table called @name: each item with its spend, social spend and
 * social share; for a comparison, this period, the period compared with and the change. */
ImpactTable *
impact_chart_to_table (const ImpactChart *chart,
                       const char *name)
{
  ImpactTable *table;

  g_return_val_if_fail (chart != NULL, NULL);

  if (impact_chart_get_compare (chart) != NULL)
    {
      const char *const titles[] = { "", _ ("This Period"), impact_chart_get_compare (chart), _ ("Change") };
      static const ImpactColumnKind kinds[] = { IMPACT_COLUMN_TEXT, IMPACT_COLUMN_MONEY, IMPACT_COLUMN_MONEY,
                                                IMPACT_COLUMN_MONEY };

      table = impact_table_new (name, G_N_ELEMENTS (kinds), titles, kinds);
      for (guint i = 0; i < impact_chart_get_n_items (chart); i++)
        {
          const ImpactChartItem *item = impact_chart_get_item (chart, i);
          gint64 now = impact_chart_item_total (item);

          impact_table_add_text (table, item->label);
          impact_table_add_number (table, now);
          impact_table_add_number (table, item->compare_cents);
          impact_table_add_number (table, now - item->compare_cents);
        }
      return table;
    }

  {
    const char *const titles[] = { "", _ ("Spend"), _ ("Social spend"), _ ("Social share (%)") };
    static const ImpactColumnKind kinds[] = { IMPACT_COLUMN_TEXT, IMPACT_COLUMN_MONEY, IMPACT_COLUMN_MONEY,
                                              IMPACT_COLUMN_PERCENT };

    table = impact_table_new (name, G_N_ELEMENTS (kinds), titles, kinds);
    for (guint i = 0; i < impact_chart_get_n_items (chart); i++)
      {
        const ImpactChartItem *item = impact_chart_get_item (chart, i);
        gint64 total = impact_chart_item_total (item);
        gint64 social = 0;

        for (guint k = 0; k < IMPACT_N_SOCIAL_CLASSES; k++)
          if (impact_social_class_is_social (k))
            social += item->cents[k];
        impact_table_add_text (table, item->label);
        impact_table_add_number (table, total);
        impact_table_add_number (table, social);
        impact_table_add_percent (table, total != 0 ? 100.0 * (double) social / (double) total : NAN);
      }
  }
  return table;
}
