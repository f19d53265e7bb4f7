/* impact-chart-layout.c: what every chart's renderer shares: text, the legend, item areas
 *
 * Texts in the style's font, the ticks of a share axis, the legend of the classes shown
 * (measured, then drawn in the same place), where a value sits on the axis, and the area of
 * each item that a pointer or the keyboard can pick.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "impact-chart"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "impact-chart-private.h"

/* Stacking order of a column, from the axis up: the social classes strongest first, then
 * the aspirant status, then what is not social, so that the social part sits on the axis. */
const ImpactSocialClass _impact_chart_stack_order[IMPACT_N_SOCIAL_CLASSES] = {
  IMPACT_SOCIAL_CLASS_PSO_30PLUS,
  IMPACT_SOCIAL_CLASS_SW,
  IMPACT_SOCIAL_CLASS_SOCIAL_ENTERPRISE,
  IMPACT_SOCIAL_CLASS_OWN_SOCIAL,
  IMPACT_SOCIAL_CLASS_PSO_3,
  IMPACT_SOCIAL_CLASS_PSO_2,
  IMPACT_SOCIAL_CLASS_PSO_1,
  IMPACT_SOCIAL_CLASS_PSO_BASE,
  IMPACT_SOCIAL_CLASS_PSO_ASPIRANT,
  IMPACT_SOCIAL_CLASS_NONE,
};

PangoLayout *
_impact_chart_new_text (cairo_t *cr,
                        const ImpactChartStyle *style,
                        const char *text)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  g_autoptr (PangoFontDescription) fallback = NULL;

  if (style->font == NULL)
    fallback = pango_font_description_from_string ("Sans 9");
  pango_layout_set_font_description (layout, style->font != NULL ? style->font : fallback);
  pango_layout_set_text (layout, text, -1);

  return layout;
}

void
_impact_chart_text_size (cairo_t *cr,
                         const ImpactChartStyle *style,
                         const char *text,
                         double *width,
                         double *height)
{
  g_autoptr (PangoLayout) layout = _impact_chart_new_text (cr, style, text);
  int w, h;

  pango_layout_get_pixel_size (layout, &w, &h);
  if (width != NULL)
    *width = w;
  if (height != NULL)
    *height = h;
}

/* A percentage tick, with a decimal when the step between ticks needs one (2.5%). */
char *
_impact_chart_format_share_tick (double value,
                                 double step)
{
  if (fabs (step - round (step)) > 1e-9)
    /* Translators: a percentage on a chart's axis, as in "2.5%". */
    return g_strdup_printf (_ ("%.1f%%"), value);

  /* Translators: a percentage on a chart's axis, as in "12%". */
  return g_strdup_printf (_ ("%.0f%%"), value);
}

/* The legend's swatches in rows from @y down, wrapped at @width; returns its height. */
double
_impact_chart_place_legend (cairo_t *cr,
                            const ImpactChart *chart,
                            const ImpactChartStyle *style,
                            const ImpactChartLayout *layout,
                            double x0,
                            double y,
                            double width,
                            gboolean draw)
{
  double x = x0, height = 0;
  guint n_entries = 0;

  for (guint s = 0; s <= G_N_ELEMENTS (_impact_chart_stack_order) + 1; s++)
    {
      gboolean share_entry = s == G_N_ELEMENTS (_impact_chart_stack_order);
      gboolean compare_entry = s == G_N_ELEMENTS (_impact_chart_stack_order) + 1;
      const char *name;
      double w, h;

      if (share_entry && !layout->has_share)
        continue;
      if (compare_entry && chart->compare_label == NULL)
        continue;
      if (!share_entry && !compare_entry && !layout->classes[_impact_chart_stack_order[s]])
        continue;

      if (compare_entry)
        name = chart->compare_label;
      else if (share_entry)
        name = _ ("Social share");
      else if (chart->social_split)
        name = _impact_chart_stack_order[s] == IMPACT_SOCIAL_CLASS_NONE ? _ ("Not social") : _ ("Social");
      else
        name = impact_social_class_to_string (_impact_chart_stack_order[s]);
      _impact_chart_text_size (cr, style, name, &w, &h);
      if (x > x0 && x + SWATCH + 4 + w > x0 + width)
        {
          x = x0;
          y += h + 2;
          height += h + 2;
        }
      if (n_entries++ == 0)
        height = h;
      if (draw)
        {
          g_autoptr (PangoLayout) text = _impact_chart_new_text (cr, style, name);

          if (compare_entry)
            {
              impact_color_set_source (cr, &style->palette->foreground, COMPARE_ALPHA);
              cairo_rectangle (cr, x, y + (h - SWATCH) / 2, SWATCH, SWATCH);
              cairo_fill (cr);
            }
          else if (share_entry)
            {
              impact_color_set_source (cr, &style->palette->foreground, 1);
              cairo_set_line_width (cr, 2);
              cairo_move_to (cr, x, y + h / 2);
              cairo_line_to (cr, x + SWATCH, y + h / 2);
              cairo_stroke (cr);
            }
          else
            {
              impact_color_set_source (cr, &style->palette->classes[_impact_chart_stack_order[s]], 1);
              cairo_rectangle (cr, x, y + (h - SWATCH) / 2, SWATCH, SWATCH);
              cairo_fill (cr);
            }
          impact_color_set_source (cr, &style->palette->foreground, 1);
          cairo_move_to (cr, x + SWATCH + 4, y);
          pango_cairo_show_layout (cr, text);
        }
      x += SWATCH + 4 + w + 12;
    }

  return height;
}

double
_impact_chart_value_y (const ImpactChartLayout *layout,
                       double euros)
{
  return layout->plot.y + layout->plot.height * (1 - impact_axis_normalize (&layout->axis, euros));
}

gboolean
_impact_chart_item_area (const ImpactChart *chart,
                         const ImpactChartLayout *layout,
                         guint index,
                         cairo_rectangle_t *area)
{
  if (index >= chart->items->len)
    return FALSE;

  switch (chart->kind)
    {
    case IMPACT_CHART_COLUMNS:
    case IMPACT_CHART_AREA:
      *area = (cairo_rectangle_t){ layout->plot.x + index * layout->slot, layout->plot.y, layout->slot,
                                   layout->plot.height };
      return TRUE;
    case IMPACT_CHART_BARS:
      *area = (cairo_rectangle_t){ MARGIN, layout->plot.y + index * layout->slot,
                                   layout->plot.x + layout->plot.width - MARGIN, layout->slot };
      return TRUE;
    case IMPACT_CHART_BULLET:
      *area = layout->plot;
      return index == 0;
    case IMPACT_CHART_DONUT:
    default:
      *area = (cairo_rectangle_t){ layout->legend_x, layout->legend_y + index * (layout->text_height + 2),
                                   SWATCH + 4 + 200, layout->text_height + 2 };
      return TRUE;
    }
}
