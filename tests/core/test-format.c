/* test-format.c: days, money and counts in the user's locale
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>

#include "model/impact-format.h"

static void
test_days (void)
{
  static const struct
  {
    const char *iso;
    gboolean valid;
  } cases[] = {
    { "2025-01-01", TRUE },
    { "2024-02-29", TRUE },
    { "2025-02-29", FALSE },
    { "2025-13-01", FALSE },
    { "2025-1-01", FALSE },
    { "2025-01-01x", FALSE },
    { "", FALSE },
    { "01-01-2025", FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      guint32 day = impact_day_from_iso (cases[i].iso);
      g_autofree char *back = day != 0 ? impact_day_to_iso (day) : NULL;

      g_assert_cmpint (day != 0, ==, cases[i].valid);
      if (cases[i].valid)
        g_assert_cmpstr (back, ==, cases[i].iso);
    }

  g_assert_cmpint (impact_day_from_iso ("2025-03-01") - impact_day_from_iso ("2025-02-28"), ==, 1);
  g_assert_cmpint (impact_day_from_iso ("2024-03-01") - impact_day_from_iso ("2024-02-28"), ==, 2);
  g_assert_cmpint (impact_day_add_months (impact_day_from_iso ("2025-01-31"), 1), ==,
                   impact_day_from_iso ("2025-02-28"));
  g_assert_cmpint (impact_day_add_months (impact_day_from_iso ("2025-03-31"), -1), ==,
                   impact_day_from_iso ("2025-02-28"));
}

typedef struct
{
  gint64 cents;
  const char *expected;
} MoneyCase;

static void
check_money (const MoneyCase *cases,
             guint n_cases)
{
  for (guint i = 0; i < n_cases; i++)
    {
      g_autofree char *text = impact_format_money (cases[i].cents);

      g_assert_cmpstr (text, ==, cases[i].expected);
    }
}

static gboolean
use_locale (const char *name)
{
  if (setlocale (LC_ALL, name) == NULL)
    {
      g_test_skip_printf ("locale %s is not installed; the README set-up generates it", name);
      return FALSE;
    }

  return TRUE;
}

static void
test_money_c (void)
{
  static const MoneyCase cases[] = {
    { 0, "EUR 0.00" },
    { 5, "EUR 0.05" },
    { -5, "-EUR 0.05" },
    { 123456, "EUR 1234.56" },
    { G_MININT64, "-EUR 92233720368547758.08" },
  };

  setlocale (LC_ALL, "C");
  check_money (cases, G_N_ELEMENTS (cases));
}

static void
test_money_dutch (void)
{
  static const MoneyCase cases[] = {
    { 123456, "EUR 1.234,56" },
    { -100, "-EUR 1,00" },
    { 123456789012, "EUR 1.234.567.890,12" },
    { 99999, "EUR 999,99" },
  };
  g_autofree char *count = NULL;

  if (!use_locale ("nl_NL.UTF-8"))
    return;
  check_money (cases, G_N_ELEMENTS (cases));
  count = impact_format_count (300000);
  g_assert_cmpstr (count, ==, "300.000");
  setlocale (LC_ALL, "C");
}

static void
test_money_english (void)
{
  static const MoneyCase cases[] = {
    { 123456, "EUR 1,234.56" },
    { -123456789, "-EUR 1,234,567.89" },
  };

  if (!use_locale ("C.UTF-8"))
    return;
  /* C.UTF-8 has no grouping: the digits stay together, with a point for decimals. */
  {
    g_autofree char *text = impact_format_money (123456);
    g_assert_cmpstr (text, ==, "EUR 1234.56");
  }
  if (!use_locale ("en_US.UTF-8"))
    {
      setlocale (LC_ALL, "C");
      return;
    }
  check_money (cases, G_N_ELEMENTS (cases));
  setlocale (LC_ALL, "C");
}

int
main (int argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/format/days", test_days);
  g_test_add_func ("/format/money/c", test_money_c);
  g_test_add_func ("/format/money/dutch", test_money_dutch);
  g_test_add_func ("/format/money/english", test_money_english);

  return g_test_run ();
}
