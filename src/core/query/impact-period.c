/* impact-period.c: the periods figures are asked for: years, quarters, months, ranges
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "impact-query"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

#include "impact-period.h"
#include "impact-query-error.h"

#define MIN_YEAR 1900
#define MAX_YEAR 9999

static gint32
month_index (int year,
             int month)
{
  return year * 12 + month - 1;
}

void
impact_period_init_year (ImpactPeriod *period,
                         int year,
                         guint fy_start_month)
{
  g_return_if_fail (period != NULL);
  g_return_if_fail (fy_start_month >= 1 && fy_start_month <= 12);

  period->kind = IMPACT_PERIOD_YEAR;
  period->fy_start_month = fy_start_month;
  period->first_month = month_index (year, fy_start_month);
  period->last_month = period->first_month + 11;
}

static gboolean
parse_day (const char *text,
           GDate *date)
{
  unsigned year, month, day;
  int end = 0;

  if (sscanf (text, "%4u-%2u-%2u%n", &year, &month, &day, &end) != 3 || end != 10 || text[end] != '\0')
    return FALSE;
  if (!g_date_valid_dmy (day, month, year))
    return FALSE;
  g_date_clear (date, 1);
  g_date_set_dmy (date, day, month, year);

  return TRUE;
}

static gboolean
parse_range (const char *text,
             ImpactPeriod *period,
             GError **error)
{
  g_auto (GStrv) parts = g_strsplit (text, "..", 2);
  GDate first, last;

  if (g_strv_length (parts) != 2 || !parse_day (parts[0], &first) || !parse_day (parts[1], &last))
    return FALSE;

  if (g_date_compare (&first, &last) > 0)
    {
      g_set_error (error, IMPACT_QUERY_ERROR, IMPACT_QUERY_ERROR_PERIOD,
                   _ ("The period “%s” ends before it starts."), text);
      return FALSE;
    }
  if (g_date_get_day (&first) != 1
      || g_date_get_day (&last) != g_date_get_days_in_month (g_date_get_month (&last), g_date_get_year (&last)))
    {
      g_set_error (error, IMPACT_QUERY_ERROR, IMPACT_QUERY_ERROR_PERIOD,
                   _ ("The period “%s” does not cover whole months. Figures are kept per month: "
                      "start on the first of a month and end on the last day of a month, such as "
                      "2025-01-01..2025-06-30."),
                   text);
      return FALSE;
    }

  period->kind = IMPACT_PERIOD_RANGE;
  period->first_month = month_index (g_date_get_year (&first), g_date_get_month (&first));
  period->last_month = month_index (g_date_get_year (&last), g_date_get_month (&last));

  return TRUE;
}

/* Reads "2025" (a financial year), "2025-Q2", "2025-03" or "2025-01-01..2025-06-30". */
gboolean
impact_period_parse (const char *text,
                     guint fy_start_month,
                     ImpactPeriod *period,
                     GError **error)
{
  unsigned year = 0, part = 0;
  int end = 0;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (period != NULL, FALSE);
  g_return_val_if_fail (fy_start_month >= 1 && fy_start_month <= 12, FALSE);

  memset (period, 0, sizeof *period);
  period->fy_start_month = fy_start_month;

  if (strstr (text, "..") != NULL)
    {
      if (parse_range (text, period, error))
        return TRUE;
      if (error != NULL && *error != NULL)
        return FALSE;
    }
  else if (sscanf (text, "%4u%n", &year, &end) == 1 && end == 4 && text[end] == '\0'
           && year >= MIN_YEAR && year <= MAX_YEAR)
    {
      impact_period_init_year (period, year, fy_start_month);
      return TRUE;
    }
  else if (sscanf (text, "%4u-Q%1u%n", &year, &part, &end) == 2 && end == 7 && text[end] == '\0'
           && year >= MIN_YEAR && year <= MAX_YEAR && part >= 1 && part <= 4)
    {
      period->kind = IMPACT_PERIOD_QUARTER;
      period->first_month = month_index (year, fy_start_month) + 3 * (part - 1);
      period->last_month = period->first_month + 2;
      return TRUE;
    }
  else if (sscanf (text, "%4u-%2u%n", &year, &part, &end) == 2 && end == 7 && text[end] == '\0'
           && year >= MIN_YEAR && year <= MAX_YEAR && part >= 1 && part <= 12)
    {
      period->kind = IMPACT_PERIOD_MONTH;
      period->first_month = period->last_month = month_index (year, part);
      return TRUE;
    }

  g_set_error (error, IMPACT_QUERY_ERROR, IMPACT_QUERY_ERROR_PERIOD,
               _ ("“%s” is not a period. Write a year (2025), a quarter (2025-Q2), a month "
                  "(2025-03) or a range of whole months (2025-01-01..2025-06-30)."),
               text);
  return FALSE;
}

guint
impact_period_n_months (const ImpactPeriod *period)
{
  g_return_val_if_fail (period != NULL, 0);

  return period->last_month - period->first_month + 1;
}

/* The period of the same length just before. */
void
impact_period_previous (const ImpactPeriod *period,
                        ImpactPeriod *previous)
{
  guint n;

  g_return_if_fail (period != NULL && previous != NULL);

  n = impact_period_n_months (period);
  *previous = *period;
  previous->first_month -= n;
  previous->last_month -= n;
}

char *
impact_month_to_code (gint32 month)
{
  return g_strdup_printf ("%04d-%02d", month / 12, month % 12 + 1);
}

/* "March 2025", in the user's language. */
char *
impact_month_to_string (gint32 month)
{
  g_autoptr (GDateTime) date = g_date_time_new_local (month / 12, month % 12 + 1, 1, 0, 0, 0);

  /* Translators: a month and its year, as in "March 2025"; see the strftime() manual. */
  return date != NULL ? g_date_time_format (date, _ ("%OB %Y")) : impact_month_to_code (month);
}

static int
period_year (const ImpactPeriod *period)
{
  return (period->first_month - (int) period->fy_start_month + 1) / 12;
}

/* The period as --period writes it. */
char *
impact_period_to_code (const ImpactPeriod *period)
{
  g_return_val_if_fail (period != NULL, NULL);

  switch (period->kind)
    {
    case IMPACT_PERIOD_YEAR:
      return g_strdup_printf ("%04d", period_year (period));
    case IMPACT_PERIOD_QUARTER:
      return g_strdup_printf ("%04d-Q%d", period_year (period),
                              (period->first_month - month_index (period_year (period), period->fy_start_month)) / 3 + 1);
    case IMPACT_PERIOD_MONTH:
      return impact_month_to_code (period->first_month);
    case IMPACT_PERIOD_RANGE:
    default:
      {
        int last_year = period->last_month / 12, last_month = period->last_month % 12 + 1;

        return g_strdup_printf ("%04d-%02d-01..%04d-%02d-%02d", period->first_month / 12,
                                period->first_month % 12 + 1, last_year, last_month,
                                g_date_get_days_in_month (last_month, last_year));
      }
    }
}

/* The period for people: "2025", "Q2 2025", "March 2025", "January 2025 – June 2025". */
char *
impact_period_to_string (const ImpactPeriod *period)
{
  g_return_val_if_fail (period != NULL, NULL);

  switch (period->kind)
    {
    case IMPACT_PERIOD_YEAR:
      if (period->fy_start_month == 1)
        return g_strdup_printf ("%d", period_year (period));
      /* Translators: a financial year that does not start in January, as in "2025/2026". */
      return g_strdup_printf (_ ("%d/%d"), period_year (period), period_year (period) + 1);
    case IMPACT_PERIOD_QUARTER:
      {
        g_autofree char *code = impact_period_to_code (period);

        /* Translators: a quarter of a (financial) year, as in "Q2 2025". */
        return g_strdup_printf (_ ("Q%c %d"), code[6], period_year (period));
      }
    case IMPACT_PERIOD_MONTH:
      return impact_month_to_string (period->first_month);
    case IMPACT_PERIOD_RANGE:
    default:
      {
        g_autofree char *first = impact_month_to_string (period->first_month);
        g_autofree char *last = impact_month_to_string (period->last_month);

        if (period->first_month == period->last_month)
          return g_steal_pointer (&first);
        /* Translators: a period of whole months, as in "January 2025 – June 2025". */
        return g_strdup_printf (_ ("%s – %s"), first, last);
      }
    }
}
