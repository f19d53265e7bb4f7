/* impact-chart.c: a dashboard chart's data: its items, what they hold and their words
 *
 * A chart of a kind (columns, areas, bars, donut, bullet) holds items, each an amount per
 * social class, with a share line, a comparison, a target or a projection; and says what it
 * shows in words for screen readers. It is drawn by impact-chart-draw.c; colours come from
 * the palette, one per social class in every chart.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "impact-chart"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "impact-chart-private.h"
#include "model/impact-format.h"

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
