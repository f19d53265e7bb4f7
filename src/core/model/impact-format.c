/* impact-format.c: days, money and counts for people, in their locale
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "impact-format"

#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <string.h>

#include <glib/gi18n-lib.h>
#include <math.h>

#include "impact-format.h"

guint32
impact_day_from_ymd (int year,
                     int month,
                     int day)
{
  GDate date;

  if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1 || day > 31)
    return 0;
  if (!g_date_valid_dmy (day, month, year))
    return 0;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, day, month, year);

  return g_date_get_julian (&date);
}

/* Parses exactly "YYYY-MM-DD"; anything else is not a date. */
guint32
impact_day_from_iso (const char *text)
{
  int year, month, day;
  char tail;

  if (text == NULL || strlen (text) != 10)
    return 0;
  if (sscanf (text, "%4d-%2d-%2d%c", &year, &month, &day, &tail) != 3)
    return 0;

  return impact_day_from_ymd (year, month, day);
}

char *
impact_day_to_iso (guint32 day)
{
  GDate date;

  if (!g_date_valid_julian (day))
    return NULL;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, day);

  return g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (&date), g_date_get_month (&date),
                          g_date_get_day (&date));
}

guint32
impact_day_today (void)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  int year, month, day;

  g_date_time_get_ymd (now, &year, &month, &day);

  return impact_day_from_ymd (year, month, day);
}

/* Adds whole months, clamping to the last day of a shorter month (31 Jan + 1 = 28/29 Feb). */
guint32
impact_day_add_months (guint32 day,
                       int months)
{
  GDate date;

  g_return_val_if_fail (g_date_valid_julian (day), 0);

  g_date_clear (&date, 1);
  g_date_set_julian (&date, day);
  if (months >= 0)
    g_date_add_months (&date, months);
  else
    g_date_subtract_months (&date, -months);

  return g_date_get_julian (&date);
}

/* Groups the digits of a non-negative number with the locale's thousands separator. */
static char *
group_digits (guint64 value)
{
  const struct lconv *lc = localeconv ();
  const char *sep = lc->thousands_sep != NULL ? lc->thousands_sep : "";
  g_autofree char *digits = g_strdup_printf ("%" G_GUINT64_FORMAT, value);
  gsize len = strlen (digits);
  GString *out = g_string_sized_new (len + len / 3 * strlen (sep));

  /* Some locales (C, POSIX) have no separator; then the digits stay together. */
  for (gsize i = 0; i < len; i++)
    {
      if (i > 0 && (len - i) % 3 == 0)
        g_string_append (out, sep);
      g_string_append_c (out, digits[i]);
    }

  return g_string_free (out, FALSE);
}

/* Whether the locale writes a decimal comma (as Dutch does): CSV files then take ";" between
 * fields, and amounts typed in are read with a comma. */
gboolean
impact_locale_uses_decimal_comma (void)
{
  const struct lconv *lc = localeconv ();

  return lc->decimal_point != NULL && lc->decimal_point[0] == ',';
}

/* An amount without the currency, as the locale writes it: "1,234.56" or "1.234,56". */
char *
impact_format_amount (gint64 cents)
{
  const struct lconv *lc = localeconv ();
  const char *point = lc->decimal_point != NULL && *lc->decimal_point ? lc->decimal_point : ".";
  guint64 magnitude = cents < 0 ? (guint64) (-(cents + 1)) + 1 : (guint64) cents;
  g_autofree char *units = group_digits (magnitude / 100);

  return g_strdup_printf ("%s%s%s%02u", cents < 0 ? "-" : "", units, point, (guint) (magnitude % 100));
}

char *
impact_format_money (gint64 cents)
{
  g_autofree char *amount = impact_format_amount (cents);

  /* The minus goes before the currency: "-EUR 12.50". */
  return cents < 0 ? g_strdup_printf ("-EUR %s", amount + 1) : g_strdup_printf ("EUR %s", amount);
}

/* A number for a chart: "12.5" or "1.5" with their tenth, "350" or "12" without one; from
 * 100 up rounded to whole units. */
static char *
format_short (double units,
              const char *point)
{
  gint64 tenths = (gint64) llround (units * 10);

  if (units >= 99.95 || tenths % 10 == 0)
    return impact_format_count ((gint64) llround (units));

  return g_strdup_printf ("%" G_GINT64_FORMAT "%s%d", tenths / 10, point, (int) (tenths % 10));
}

/* Money for a chart's axis and labels, short: "EUR 1.2M" and "EUR 350k" in English, "EUR 1,2
 * mln" and "EUR 350k" in Dutch. */
char *
impact_format_money_compact (gint64 cents)
{
  const struct lconv *lc = localeconv ();
  const char *point = lc->decimal_point != NULL && *lc->decimal_point ? lc->decimal_point : ".";
  double euros = fabs (cents / 100.0);
  const char *sign = cents < 0 ? "-" : "";
  g_autofree char *number = NULL;

  if (euros >= 999500)
    {
      number = format_short (euros / 1e6, point);
      /* Translators: an amount in millions of euros on a chart, as in "EUR 1.2M"; the first
       * %s is the minus sign or nothing, the second the number. */
      return g_strdup_printf (_ ("%sEUR %sM"), sign, number);
    }
  if (euros >= 999.5)
    {
      number = format_short (euros / 1e3, point);
      /* Translators: an amount in thousands of euros on a chart, as in "EUR 350k"; the first
       * %s is the minus sign or nothing, the second the number. */
      return g_strdup_printf (_ ("%sEUR %sk"), sign, number);
    }

  return g_strdup_printf ("%sEUR %" G_GINT64_FORMAT, sign, (gint64) llround (euros));
}

char *
impact_format_count (gint64 count)
{
  g_autofree char *digits = group_digits (count < 0 ? (guint64) (-(count + 1)) + 1 : (guint64) count);

  return count < 0 ? g_strconcat ("-", digits, NULL) : g_steal_pointer (&digits);
}

/* A date for people: "24 Nov 2025" in English, "24 nov 2025" in Dutch; never ambiguous
 * about which number is the day. */
char *
impact_format_day (guint32 day)
{
  g_autoptr (GDateTime) date_time = NULL;
  GDate date;

  if (!g_date_valid_julian (day))
    return g_strdup ("");

  g_date_clear (&date, 1);
  g_date_set_julian (&date, day);
  date_time = g_date_time_new_local (g_date_get_year (&date), g_date_get_month (&date),
                                     g_date_get_day (&date), 12, 0, 0);

  /* Translators: a date, as in "24 Nov 2025"; see the GDateTime documentation for the codes. */
  return g_date_time_format (date_time, C_ ("date format", "%-d %b %Y"));
}
