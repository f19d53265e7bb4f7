/* impact-query-rows.c: a statement's rows read into figures, for the queries
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "impact-query"

#include "config.h"

#include "impact-query-private.h"

/* Every month of @period, in order, with no spend yet. */
GArray *
_impact_query_months_new (const ImpactPeriod *period)
{
  GArray *months = g_array_sized_new (FALSE, TRUE, sizeof (ImpactMonthFigures), impact_period_n_months (period));

  for (gint32 m = period->first_month; m <= period->last_month; m++)
    {
      ImpactMonthFigures month = { m, { 0, 0 } };

      g_array_append_val (months, month);
    }

  return months;
}

/* Fills @months from a statement's rows of month, total and social spend. */
gboolean
_impact_query_read_months (ImpactDbStmt *stmt,
                           const ImpactPeriod *period,
                           GArray *months,
                           GError **error)
{
  ImpactDbStep step;

  while ((step = impact_db_stmt_step (stmt, error)) == IMPACT_DB_ROW)
    {
      gint64 m = impact_db_stmt_get_int64 (stmt, 0);
      ImpactMonthFigures *month;

      if (m < period->first_month || m > period->last_month)
        continue;
      month = &g_array_index (months, ImpactMonthFigures, m - period->first_month);
      month->spend.total_cents = impact_db_stmt_get_int64 (stmt, 1);
      month->spend.social_cents = impact_db_stmt_get_int64 (stmt, 2);
    }

  return step != IMPACT_DB_ERROR;
}

void
_impact_query_child_free (ImpactChildFigures *child)
{
  g_free (child->code);
  g_free (child->name);
  g_free (child);
}
