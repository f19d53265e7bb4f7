/* impact-chart.c: the dashboard charts, drawn with cairo and pango
 *
 * One layout function places everything (plot area, axes, items, legend) for a size; drawing
 * and hit-testing both use it, so what is hit is what is drawn. Colours come from the
 * palette, one per social class in every chart. The same code draws on screen (from the
 * chart widget's snapshot) and into PNG, SVG and PDF files.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "impact-chart"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "impact-axis.h"
#include "impact-chart.h"
#include "model/impact-format.h"

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
static const ImpactSocialClass stack_order[] = {
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

G_STATIC_ASSERT (G_N_ELEMENTS (stack_order) == IMPACT_N_SOCIAL_CLASSES);

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

static void
item_free (ImpactChartItem *item)
{
  g_free (item->label);
  g_free (item);
}

ImpactChart *
impact_chart_new (ImpactChartKind kind)
{
  ImpactChart *chart = g_new0 (ImpactChart, 1);

  g_atomic_ref_count_init (&chart->ref_count);
  chart->kind = kind;
  chart->items = g_ptr_array_new_with_free_func ((GDestroyNotify) item_free);
  chart->target = NAN;
  chart->projection = NAN;

  return chart;
}

ImpactChart *
impact_chart_ref (ImpactChart *chart)
{
  g_return_val_if_fail (chart != NULL, NULL);

  g_atomic_ref_count_inc (&chart->ref_count);
  return chart;
}

void
impact_chart_unref (ImpactChart *chart)
{
  if (chart == NULL || !g_atomic_ref_count_dec (&chart->ref_count))
    return;

  g_ptr_array_unref (chart->items);
  g_free (chart->compare_label);
  g_free (chart);
}

ImpactChartKind
impact_chart_get_kind (const ImpactChart *chart)
{
  g_return_val_if_fail (chart != NULL, IMPACT_CHART_COLUMNS);

  return chart->kind;
}

/* A new item at the end, with no spend yet; fill in its cents (and share). */
ImpactChartItem *
impact_chart_add_item (ImpactChart *chart,
                       const char *label)
{
  ImpactChartItem *item;

  g_return_val_if_fail (chart != NULL, NULL);

  item = g_new0 (ImpactChartItem, 1);
  item->label = g_strdup (label != NULL ? label : "");
  item->share = NAN;
  g_ptr_array_add (chart->items, item);

  return item;
}

guint
impact_chart_get_n_items (const ImpactChart *chart)
{
  g_return_val_if_fail (chart != NULL, 0);

  return chart->items->len;
}

const ImpactChartItem *
impact_chart_get_item (const ImpactChart *chart,
                       guint index)
{
  g_return_val_if_fail (chart != NULL, NULL);
  g_return_val_if_fail (index < chart->items->len, NULL);

  return g_ptr_array_index (chart->items, index);
}

void
impact_chart_set_share_line (ImpactChart *chart,
                             gboolean show)
{
  g_return_if_fail (chart != NULL);

  chart->share_line = show;
}

/* Whether the chart shows only social and not social spend (see IMPACT_CHART_SOCIAL). */
void
impact_chart_set_social_split (ImpactChart *chart,
                               gboolean split)
{
  g_return_if_fail (chart != NULL);

  chart->social_split = split;
}

/* Groups each column with a bar of the item's compare_cents, called @label in the legend
 * ("The year before"). */
void
impact_chart_set_compare (ImpactChart *chart,
                          const char *label)
{
  g_return_if_fail (chart != NULL);

  g_free (chart->compare_label);
  chart->compare_label = g_strdup (label);
}

const char *
impact_chart_get_compare (const ImpactChart *chart)
{
  g_return_val_if_fail (chart != NULL, NULL);

  return chart->compare_label;
}

/* The target a bullet chart measures its value against, in percent; NAN for none. */
void
impact_chart_set_target (ImpactChart *chart,
                         double target)
{
  g_return_if_fail (chart != NULL);

  chart->target = target;
}

/* For a bullet: where the value is heading, in percent (as a contract's social return
 * projected to its end); NAN for none. */
void
impact_chart_set_projection (ImpactChart *chart,
                             double projection)
{
  g_return_if_fail (chart != NULL);

  chart->projection = projection;
}

gint64
impact_chart_item_total (const ImpactChartItem *item)
{
  gint64 total = 0;

  g_return_val_if_fail (item != NULL, 0);

  for (guint k = 0; k < IMPACT_N_SOCIAL_CLASSES; k++)
    total += item->cents[k];

  return total;
}

/* The strongest class the item has spend in: a bar's or slice's colour. */
ImpactSocialClass
impact_chart_item_class (const ImpactChartItem *item)
{
  g_return_val_if_fail (item != NULL, IMPACT_SOCIAL_CLASS_NONE);

  for (guint k = IMPACT_N_SOCIAL_CLASSES; k-- > 0;)
    if (item->cents[k] != 0)
      return k;

  return IMPACT_SOCIAL_CLASS_NONE;
}

static gint64
item_social (const ImpactChartItem *item)
{
  gint64 social = 0;

  for (guint k = 0; k < IMPACT_N_SOCIAL_CLASSES; k++)
    if (impact_social_class_is_social (k))
      social += item->cents[k];

  return social;
}

/* One item in words, for its tooltip and for screen readers. */
char *
impact_chart_describe_item (const ImpactChart *chart,
                            guint index)
{
  const ImpactChartItem *item;
  g_autofree char *total = NULL;
  GString *text;

  g_return_val_if_fail (chart != NULL, NULL);
  g_return_val_if_fail (index < chart->items->len, NULL);

  item = g_ptr_array_index (chart->items, index);
  total = impact_format_money (impact_chart_item_total (item));
  text = g_string_new (NULL);
  if (chart->kind == IMPACT_CHART_BULLET)
    {
      if (isnan (chart->target))
        /* Translators: a bullet chart in words: what it shows and the value, as in "Social share: 8.6%". */
        g_string_append_printf (text, _ ("%s: %.1f%%"), item->label, item->share);
      else
        /* Translators: a bullet chart in words, as in "Social share: 8.6% against a target of 10.0%". */
        g_string_append_printf (text, _ ("%s: %.1f%% against a target of %.1f%%"), item->label, item->share,
                                chart->target);
      if (isfinite (chart->projection))
        /* Translators: added to a bullet chart in words, as in "; 94.0% expected at the end". */
        g_string_append_printf (text, _ ("; %.1f%% expected at the end"), chart->projection);
    }
  else if (chart->kind == IMPACT_CHART_DONUT)
    g_string_append_printf (text, "%s: %s", item->label, total);
  else
    {
      gint64 all = impact_chart_item_total (item);
      g_autofree char *social = impact_format_money (item_social (item));

      /* Translators: an item of a chart: its name, its spend, its social spend and share, as in
       * "Catering: EUR 1,234.00, of which social EUR 123.00 (10.0%)". */
      g_string_append_printf (text, _ ("%s: %s, of which social %s (%.1f%%)"), item->label, total, social,
                              all != 0 ? 100.0 * item_social (item) / all : 0.0);
      if (chart->compare_label != NULL)
        {
          g_autofree char *compare = impact_format_money (item->compare_cents);

          /* Translators: what an item is compared with, as in "; the year before: EUR 1,000.00". */
          g_string_append_printf (text, _ ("; %s: %s"), chart->compare_label, compare);
        }
    }

  return g_string_free (text, FALSE);
}

/* The whole chart in words: every item, in order. */
char *
impact_chart_describe (const ImpactChart *chart)
{
  GString *text;

  g_return_val_if_fail (chart != NULL, NULL);

  text = g_string_new (NULL);
  if (chart->items->len == 0)
    return (g_string_free (text, TRUE), g_strdup (_ ("No spend in this period.")));

  for (guint i = 0; i < chart->items->len; i++)
    {
      g_autofree char *item = impact_chart_describe_item (chart, i);

      g_string_append_printf (text, "%s%s", i > 0 ? "; " : "", item);
    }
  g_string_append_c (text, '.');

  return g_string_free (text, FALSE);
}

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
} Layout;

static PangoLayout *
new_text (cairo_t *cr,
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

static void
text_size (cairo_t *cr,
           const ImpactChartStyle *style,
           const char *text,
           double *width,
           double *height)
{
  g_autoptr (PangoLayout) layout = new_text (cr, style, text);
  int w, h;

  pango_layout_get_pixel_size (layout, &w, &h);
  if (width != NULL)
    *width = w;
  if (height != NULL)
    *height = h;
}

/* A percentage tick, with a decimal when the step between ticks needs one (2.5%). */
static char *
format_share_tick (double value,
                   double step)
{
  if (fabs (step - round (step)) > 1e-9)
    /* Translators: a percentage on a chart's axis, as in "2.5%". */
    return g_strdup_printf (_ ("%.1f%%"), value);

  /* Translators: a percentage on a chart's axis, as in "12%". */
  return g_strdup_printf (_ ("%.0f%%"), value);
}

static void
compute_classes (const ImpactChart *chart,
                 Layout *layout)
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

/* The legend's swatches in rows from @y down, wrapped at @width; returns its height. */
static double
place_legend (cairo_t *cr,
              const ImpactChart *chart,
              const ImpactChartStyle *style,
              const Layout *layout,
              double x0,
              double y,
              double width,
              gboolean draw)
{
  double x = x0, height = 0;
  guint n_entries = 0;

  for (guint s = 0; s <= G_N_ELEMENTS (stack_order) + 1; s++)
    {
      gboolean share_entry = s == G_N_ELEMENTS (stack_order);
      gboolean compare_entry = s == G_N_ELEMENTS (stack_order) + 1;
      const char *name;
      double w, h;

      if (share_entry && !layout->has_share)
        continue;
      if (compare_entry && chart->compare_label == NULL)
        continue;
      if (!share_entry && !compare_entry && !layout->classes[stack_order[s]])
        continue;

      if (compare_entry)
        name = chart->compare_label;
      else if (share_entry)
        name = _ ("Social share");
      else if (chart->social_split)
        name = stack_order[s] == IMPACT_SOCIAL_CLASS_NONE ? _ ("Not social") : _ ("Social");
      else
        name = impact_social_class_to_string (stack_order[s]);
      text_size (cr, style, name, &w, &h);
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
          g_autoptr (PangoLayout) text = new_text (cr, style, name);

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
              impact_color_set_source (cr, &style->palette->classes[stack_order[s]], 1);
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

static void
layout_columns (const ImpactChart *chart,
                const ImpactChartStyle *style,
                cairo_t *cr,
                Layout *layout)
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

      text_size (cr, style, label, &w, &layout->text_height);
      tick_width = MAX (tick_width, w);
    }
  if (layout->has_share)
    {
      /* The share axis has the same number of intervals, so that its ticks meet the grid. */
      impact_axis_init (&layout->share_axis, 0, MAX (share_max, 1), layout->axis.n_ticks);
      for (guint t = 0; t < layout->share_axis.n_ticks; t++)
        {
          g_autofree char *label = format_share_tick (layout->share_axis.ticks[t], layout->share_axis.step);
          double w;

          text_size (cr, style, label, &w, NULL);
          share_width = MAX (share_width, w);
        }
    }

  legend_height = place_legend (cr, chart, style, layout, MARGIN, 0, style->width - 2 * MARGIN, FALSE);
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

static void
layout_bars (const ImpactChart *chart,
             const ImpactChartStyle *style,
             cairo_t *cr,
             Layout *layout)
{
  double data_max = 0;
  guint n = chart->items->len;

  for (guint i = 0; i < n; i++)
    {
      const ImpactChartItem *item = g_ptr_array_index (chart->items, i);
      double w;

      data_max = MAX (data_max, impact_chart_item_total (item) / 100.0);
      text_size (cr, style, item->label, &w, &layout->text_height);
      layout->label_width = MAX (layout->label_width, w);
    }
  if (layout->text_height == 0)
    text_size (cr, style, "Mg", NULL, &layout->text_height);

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

static void
layout_donut (const ImpactChart *chart,
              const ImpactChartStyle *style,
              cairo_t *cr,
              Layout *layout)
{
  double legend_width = 0, size;

  for (guint i = 0; i < chart->items->len; i++)
    {
      const ImpactChartItem *item = g_ptr_array_index (chart->items, i);
      gint64 total = impact_chart_item_total (item);
      double w;

      if (total > 0)
        layout->positive_total += total;
      text_size (cr, style, item->label, &w, &layout->text_height);
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

/* A bullet: a band for the scale, the value as a bar in it, the target as a mark across it. */
static void
layout_bullet (const ImpactChart *chart,
               const ImpactChartStyle *style,
               cairo_t *cr,
               Layout *layout)
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
  text_size (cr, style, "0%", NULL, &layout->text_height);
  layout->plot.x = 2;
  layout->plot.y = 2;
  layout->plot.width = MAX (style->width - 4, 1);
  layout->plot.height = MAX (MIN (style->height - 4, 24), 1);
}

static void
compute_layout (const ImpactChart *chart,
                const ImpactChartStyle *style,
                cairo_t *cr,
                Layout *layout)
{
  memset (layout, 0, sizeof *layout);
  compute_classes (chart, layout);

  switch (chart->kind)
    {
    case IMPACT_CHART_COLUMNS:
    case IMPACT_CHART_AREA:
      layout_columns (chart, style, cr, layout);
      break;
    case IMPACT_CHART_BARS:
      layout_bars (chart, style, cr, layout);
      break;
    case IMPACT_CHART_BULLET:
      layout_bullet (chart, style, cr, layout);
      break;
    case IMPACT_CHART_DONUT:
    default:
      layout_donut (chart, style, cr, layout);
      break;
    }
}

static double
value_y (const Layout *layout,
         double euros)
{
  return layout->plot.y + layout->plot.height * (1 - impact_axis_normalize (&layout->axis, euros));
}

static gboolean
item_area (const ImpactChart *chart,
           const Layout *layout,
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

/* Stacked areas through the middle of each item's slot, in the columns' stacking order (only
 * what is above zero: an area of credit notes would hide the rest); a marker on the item
 * highlighted. */
static void
draw_areas (const ImpactChart *chart,
            const ImpactChartStyle *style,
            cairo_t *cr,
            const Layout *layout)
{
  guint n = chart->items->len;
  g_autofree double *lower = g_new0 (double, MAX (n, 1));
  g_autofree double *upper = g_new0 (double, MAX (n, 1));

  if (n == 0)
    return;

  for (guint s = 0; s < G_N_ELEMENTS (stack_order); s++)
    {
      ImpactSocialClass k = stack_order[s];
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
            cairo_move_to (cr, x, value_y (layout, upper[i]));
          else
            cairo_line_to (cr, x, value_y (layout, upper[i]));
        }
      for (guint i = n; i-- > 0;)
        cairo_line_to (cr, layout->plot.x + (i + 0.5) * layout->slot, value_y (layout, lower[i]));
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
        cairo_move_to (cr, x, value_y (layout, lower[i]));
      else
        cairo_line_to (cr, x, value_y (layout, lower[i]));
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
      cairo_arc (cr, x, value_y (layout, lower[style->highlight]), 4, 0, 2 * G_PI);
      cairo_fill (cr);
    }
}

static void
draw_columns (const ImpactChart *chart,
              const ImpactChartStyle *style,
              cairo_t *cr,
              const Layout *layout)
{
  const ImpactPalette *palette = style->palette;
  double zero_y = value_y (layout, 0);
  guint label_every = 1;
  double label_width = 0;

  /* Grid and money ticks on the left, share ticks on the right. */
  cairo_set_line_width (cr, 1);
  for (guint t = 0; t < layout->axis.n_ticks; t++)
    {
      double y = round (value_y (layout, layout->axis.ticks[t])) + 0.5;
      g_autofree char *label = impact_format_money_compact ((gint64) llround (layout->axis.ticks[t] * 100));
      g_autoptr (PangoLayout) text = new_text (cr, style, label);
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
          g_autofree char *share = format_share_tick (layout->share_axis.ticks[t], layout->share_axis.step);
          g_autoptr (PangoLayout) share_text = new_text (cr, style, share);

          cairo_move_to (cr, layout->plot.x + layout->plot.width + GAP, y - h / 2.0);
          pango_cairo_show_layout (cr, share_text);
        }
    }

  /* Labels under the columns: every one when they fit, else every second, third... */
  for (guint i = 0; i < chart->items->len; i++)
    {
      const ImpactChartItem *item = g_ptr_array_index (chart->items, i);
      double w;

      text_size (cr, style, item->label, &w, NULL);
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
          double y0 = value_y (layout, 0), y1 = value_y (layout, item->compare_cents / 100.0);

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

      for (guint s = 0; s < G_N_ELEMENTS (stack_order) && chart->kind == IMPACT_CHART_COLUMNS; s++)
        {
          ImpactSocialClass k = stack_order[s];
          double euros = item->cents[k] / 100.0;
          double y0, y1;

          if (item->cents[k] == 0)
            continue;
          if (euros > 0)
            {
              y0 = value_y (layout, up);
              y1 = value_y (layout, up + euros);
              up += euros;
            }
          else
            {
              y0 = value_y (layout, down + euros);
              y1 = value_y (layout, down);
              down += euros;
            }
          impact_color_set_source (cr, &palette->classes[k], alpha);
          cairo_rectangle (cr, x, MIN (y0, y1), layout->bar, fabs (y0 - y1));
          cairo_fill (cr);
        }

      if (i % label_every == 0)
        {
          g_autoptr (PangoLayout) text = new_text (cr, style, item->label);
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

  place_legend (cr, chart, style, layout, MARGIN, layout->legend_y, style->width - 2 * MARGIN, TRUE);
}

static void
draw_bars (const ImpactChart *chart,
           const ImpactChartStyle *style,
           cairo_t *cr,
           const Layout *layout)
{
  const ImpactPalette *palette = style->palette;

  for (guint i = 0; i < chart->items->len; i++)
    {
      const ImpactChartItem *item = g_ptr_array_index (chart->items, i);
      gint64 total = impact_chart_item_total (item);
      double y = layout->plot.y + i * layout->slot;
      double length = layout->plot.width * impact_axis_normalize (&layout->axis, MAX (total, 0) / 100.0);
      double alpha = style->highlight >= 0 && style->highlight != (int) i ? DIMMED : 1;
      g_autoptr (PangoLayout) name = new_text (cr, style, item->label);
      g_autofree char *money = impact_format_money_compact (total);
      g_autoptr (PangoLayout) value = new_text (cr, style, money);
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

static void
draw_donut (const ImpactChart *chart,
            const ImpactChartStyle *style,
            cairo_t *cr,
            const Layout *layout)
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
      item_area (chart, layout, i, &area);
      impact_color_set_source (cr, &palette->classes[impact_chart_item_class (item)], alpha);
      cairo_rectangle (cr, area.x, area.y + (area.height - SWATCH) / 2, SWATCH, SWATCH);
      cairo_fill (cr);
      /* Translators: a slice of a ring chart: its name and its share, as in "SW company 4.2%". */
      label = g_strdup_printf (_ ("%s  %.1f%%"), item->label,
                               layout->positive_total > 0 ? 100.0 * MAX (total, 0) / layout->positive_total : 0.0);
      name = new_text (cr, style, label);
      pango_layout_get_pixel_size (name, &w, &h);
      impact_color_set_source (cr, &palette->foreground, alpha);
      cairo_move_to (cr, area.x + SWATCH + 4, area.y + (area.height - h) / 2);
      pango_cairo_show_layout (cr, name);
    }

  /* The total in the middle. */
  {
    g_autofree char *money = impact_format_money_compact (layout->positive_total);
    g_autoptr (PangoLayout) text = new_text (cr, style, money);
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

static void
draw_bullet (const ImpactChart *chart,
             const ImpactChartStyle *style,
             cairo_t *cr,
             const Layout *layout)
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

void
impact_chart_draw (const ImpactChart *chart,
                   cairo_t *cr,
                   const ImpactChartStyle *style)
{
  Layout layout;

  g_return_if_fail (chart != NULL && cr != NULL && style != NULL && style->palette != NULL);

  if (style->width < 4 || style->height < 4)
    return;

  cairo_save (cr);
  compute_layout (chart, style, cr, &layout);
  switch (chart->kind)
    {
    case IMPACT_CHART_COLUMNS:
    case IMPACT_CHART_AREA:
      draw_columns (chart, style, cr, &layout);
      break;
    case IMPACT_CHART_BARS:
      draw_bars (chart, style, cr, &layout);
      break;
    case IMPACT_CHART_BULLET:
      draw_bullet (chart, style, cr, &layout);
      break;
    case IMPACT_CHART_DONUT:
    default:
      draw_donut (chart, style, cr, &layout);
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
  Layout layout;
  gboolean found;

  g_return_val_if_fail (chart != NULL && style != NULL && area != NULL, FALSE);

  cr = scratch_context ();
  compute_layout (chart, style, cr, &layout);
  found = item_area (chart, &layout, index, area);
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
  Layout layout;
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

      if (item_area (chart, &layout, i, &area) && x >= area.x && x < area.x + area.width && y >= area.y
          && y < area.y + area.height)
        hit = i;
    }

  cairo_destroy (cr);
  return hit;
}
