/* impact-chart-figures.c: the dashboard's charts made from a node's figures
 *
 * The window, the reports and the benchmark make their charts here, so that they show the
 * same thing.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "impact-chart"

#include "config.h"

#include <glib/gi18n-lib.h>

#include <math.h>
#include <string.h>

#include "impact-chart-figures.h"

/* Spend per division (or object), stacked by social class, largest first. */
ImpactChart *
impact_chart_new_children (const ImpactFigures *figures)
{
  ImpactChart *chart;

  g_return_val_if_fail (figures != NULL, NULL);

  chart = impact_chart_new (IMPACT_CHART_COLUMNS);
  for (guint i = 0; i < figures->by_child->len; i++)
    {
      const ImpactChildFigures *child = g_ptr_array_index (figures->by_child, i);
      ImpactChartItem *item = impact_chart_add_item (chart, child->name);

      memcpy (item->cents, child->by_class, sizeof item->cents);
    }

  return chart;
}

/* Social spend per division (or object), each beside its social spend in the period before. */
ImpactChart *
impact_chart_new_children_compare (const ImpactFigures *figures)
{
  ImpactChart *chart;

  g_return_val_if_fail (figures != NULL, NULL);

  chart = impact_chart_new (IMPACT_CHART_COLUMNS);
  impact_chart_set_social_split (chart, TRUE);
  switch (figures->period.kind)
    {
    case IMPACT_PERIOD_MONTH:
      impact_chart_set_compare (chart, _ ("The month before"));
      break;
    case IMPACT_PERIOD_QUARTER:
      impact_chart_set_compare (chart, _ ("The quarter before"));
      break;
    case IMPACT_PERIOD_YEAR:
      impact_chart_set_compare (chart, _ ("The year before"));
      break;
    case IMPACT_PERIOD_RANGE:
    default:
      impact_chart_set_compare (chart, _ ("The period before"));
      break;
    }
  for (guint i = 0; i < figures->by_child->len; i++)
    {
      const ImpactChildFigures *child = g_ptr_array_index (figures->by_child, i);
      ImpactChartItem *item = impact_chart_add_item (chart, child->name);

      item->cents[IMPACT_CHART_SOCIAL] = child->spend.social_cents;
      item->compare_cents = child->previous.social_cents;
    }

  return chart;
}

/* Spend per month, social and not social, with the social share as a line: as columns or
 * as areas (@kind). */
ImpactChart *
impact_chart_new_trend (const ImpactFigures *figures,
                        ImpactChartKind kind)
{
  ImpactChart *chart;

  g_return_val_if_fail (figures != NULL, NULL);
  g_return_val_if_fail (kind == IMPACT_CHART_COLUMNS || kind == IMPACT_CHART_AREA, NULL);

  chart = impact_chart_new (kind);
  impact_chart_set_share_line (chart, TRUE);
  impact_chart_set_social_split (chart, TRUE);
  for (guint i = 0; i < figures->by_month->len; i++)
    {
      const ImpactMonthFigures *month = &g_array_index (figures->by_month, ImpactMonthFigures, i);
      g_autoptr (GDateTime) date = g_date_time_new_local (month->month / 12, month->month % 12 + 1, 1, 0, 0, 0);
      g_autofree char *label = NULL;
      ImpactChartItem *item;

      /* The month's short name under its column, with the year on the first column and on
       * January: "Mar", "Jan 2026" ("mrt", "jan 2026" in Dutch). */
      if (date == NULL)
        label = impact_month_to_code (month->month);
      else if (i == 0 || month->month % 12 == 0)
        label = g_date_time_format (date, "%b %Y");
      else
        label = g_date_time_format (date, "%b");
      item = impact_chart_add_item (chart, label);
      item->cents[IMPACT_CHART_SOCIAL] = month->spend.social_cents;
      item->cents[IMPACT_SOCIAL_CLASS_NONE] = month->spend.total_cents - month->spend.social_cents;
      item->share = month->spend.total_cents > 0 ? impact_spend_get_share (&month->spend) : NAN;
    }

  return chart;
}

/* Spend per social class, strongest first, the classes with spend only. */
ImpactChart *
impact_chart_new_classes (const ImpactFigures *figures)
{
  ImpactChart *chart;

  g_return_val_if_fail (figures != NULL, NULL);

  chart = impact_chart_new (IMPACT_CHART_DONUT);
  for (guint k = IMPACT_N_SOCIAL_CLASSES; k-- > 0;)
    {
      ImpactChartItem *item;

      if (figures->by_class[k] <= 0)
        continue;
      item = impact_chart_add_item (chart, impact_social_class_to_string (k));
      item->cents[k] = figures->by_class[k];
    }

  return chart;
}

/* A ranking of suppliers, as given (largest first). */
static int
compare_children_by_spend (gconstpointer a,
                           gconstpointer b,
                           gpointer user_data)
{
  const ImpactChildFigures *x = *(ImpactChildFigures *const *) a;
  const ImpactChildFigures *y = *(ImpactChildFigures *const *) b;

  return x->spend.total_cents > y->spend.total_cents ? -1 : x->spend.total_cents < y->spend.total_cents;
}

ImpactChart *
impact_chart_new_suppliers (GPtrArray *suppliers)
{
  ImpactChart *chart;

  g_return_val_if_fail (suppliers != NULL, NULL);

  chart = impact_chart_new (IMPACT_CHART_BARS);
  for (guint i = 0; i < suppliers->len; i++)
    {
      const ImpactSupplierFigures *supplier = g_ptr_array_index (suppliers, i);
      ImpactChartItem *item = impact_chart_add_item (chart, supplier->name);

      item->cents[supplier->klass] = supplier->total_cents;
    }

  return chart;
}

/* The @n children with the largest spend as horizontal bars, largest first, each labelled with
 * its social share: readable where columns of many children would have no room for their
 * names. */
ImpactChart *
impact_chart_new_children_bars (const ImpactFigures *figures,
                                guint n)
{
  g_autoptr (GPtrArray) sorted = NULL;
  ImpactChart *chart;

  g_return_val_if_fail (figures != NULL, NULL);

  /* A copy that owns nothing: g_ptr_array_copy() would take the original's free function. */
  sorted = g_ptr_array_sized_new (figures->by_child->len);
  for (guint i = 0; i < figures->by_child->len; i++)
    g_ptr_array_add (sorted, g_ptr_array_index (figures->by_child, i));
  g_ptr_array_sort_with_data (sorted, compare_children_by_spend, NULL);
  chart = impact_chart_new (IMPACT_CHART_BARS);
  for (guint i = 0; i < MIN (n, sorted->len); i++)
    {
      const ImpactChildFigures *child = g_ptr_array_index (sorted, i);
      /* Translators: a bar's label: the social share of a division or object, then its name, as in
       * "3.2% social · Stadhuis" (a long name is cut short at its end). */
      g_autofree char *label = g_strdup_printf (_ ("%.1f%% social · %s"), impact_spend_get_share (&child->spend), child->name);
      ImpactChartItem *item = impact_chart_add_item (chart, label);

      /* A bar takes the colour of its strongest class, so the spend goes in as one amount:
       * the label says how much of it is social. */
      item->cents[IMPACT_SOCIAL_CLASS_NONE] = child->spend.total_cents;
    }
  return chart;
}
