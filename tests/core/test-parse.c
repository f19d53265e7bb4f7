/* test-parse.c: amounts and dates as ERP exports write them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>

#include "import/impact-parse.h"
#include "model/impact-format.h"

typedef struct
{
  const char *text;
  ImpactDecimalSeparator decimal;
  gboolean ok;
  gint64 cents;
} AmountCase;

static const AmountCase amount_cases[] = {
  { "1.234,56", IMPACT_DECIMAL_AUTO, TRUE, 123456 },
  { "-1234.56", IMPACT_DECIMAL_AUTO, TRUE, -123456 },
  { "(1.234,56)", IMPACT_DECIMAL_AUTO, TRUE, -123456 },
  { "EUR 1.234,56", IMPACT_DECIMAL_AUTO, TRUE, 123456 },
  { "€ -12,50", IMPACT_DECIMAL_AUTO, TRUE, -1250 },
  { "1 234,56", IMPACT_DECIMAL_AUTO, TRUE, 123456 },
  { "1\xc2\xa0"
    "234,56",
    IMPACT_DECIMAL_AUTO, TRUE, 123456 },
  { "1234,56-", IMPACT_DECIMAL_AUTO, TRUE, -123456 },
  { "1,234,567.8", IMPACT_DECIMAL_AUTO, TRUE, 123456780 },
  { "1.234.567", IMPACT_DECIMAL_AUTO, TRUE, 123456700 },
  { "12", IMPACT_DECIMAL_AUTO, TRUE, 1200 },
  { "0,5", IMPACT_DECIMAL_AUTO, TRUE, 50 },
  { "12,500", IMPACT_DECIMAL_COMMA, TRUE, 1250 },
  { "0,005", IMPACT_DECIMAL_COMMA, TRUE, 1 },
  { "-0.994", IMPACT_DECIMAL_POINT, TRUE, -99 },
  { "0.995", IMPACT_DECIMAL_POINT, TRUE, 100 },
  { "+7.00", IMPACT_DECIMAL_AUTO, TRUE, 700 },
  /* Ambiguous on its own: the column decides. */
  { "1.234", IMPACT_DECIMAL_AUTO, FALSE, 0 },
  { "1.234", IMPACT_DECIMAL_COMMA, TRUE, 123400 },
  { "1.234", IMPACT_DECIMAL_POINT, TRUE, 123 },
  { "1,234", IMPACT_DECIMAL_POINT, TRUE, 123400 },
  /* Not amounts. */
  { "", IMPACT_DECIMAL_AUTO, FALSE, 0 },
  { "EUR", IMPACT_DECIMAL_AUTO, FALSE, 0 },
  { "12,34,56", IMPACT_DECIMAL_COMMA, FALSE, 0 },
  { "1.23.4", IMPACT_DECIMAL_COMMA, FALSE, 0 },
  { "abc", IMPACT_DECIMAL_AUTO, FALSE, 0 },
  { "=SUM(A1:A3)", IMPACT_DECIMAL_AUTO, FALSE, 0 },
  { "--5", IMPACT_DECIMAL_AUTO, FALSE, 0 },
  { "(5", IMPACT_DECIMAL_AUTO, FALSE, 0 },
  { "-(5)", IMPACT_DECIMAL_AUTO, FALSE, 0 },
  { "99999999999999999999", IMPACT_DECIMAL_AUTO, FALSE, 0 },
};

static void
test_amounts (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (amount_cases); i++)
    {
      const AmountCase *c = &amount_cases[i];
      gint64 cents = -1;
      gboolean ok = impact_parse_amount (c->text, c->decimal, &cents);

      g_test_message ("case %u: “%s”", i, c->text);
      g_assert_cmpint (ok, ==, c->ok);
      if (c->ok)
        g_assert_cmpint (cents, ==, c->cents);
    }
}

static void
test_amounts_ignore_locale (void)
{
  gint64 cents = 0;

  /* A Dutch user and an English one read the same file the same way. */
  if (setlocale (LC_ALL, "nl_NL.UTF-8") == NULL)
    {
      g_test_skip ("locale nl_NL.UTF-8 is not installed");
      return;
    }
  g_assert_true (impact_parse_amount ("1,234.56", IMPACT_DECIMAL_AUTO, &cents));
  g_assert_cmpint (cents, ==, 123456);
  setlocale (LC_ALL, "C");
}

typedef struct
{
  const char *text;
  ImpactDateOrder order;
  const char *iso;
} DateCase;

static void
test_dates (void)
{
  static const DateCase cases[] = {
    { "15-03-2025", IMPACT_DATE_ORDER_AUTO, "2025-03-15" },
    { "5-3-25", IMPACT_DATE_ORDER_AUTO, "2025-03-05" },
    { "05/03/2025", IMPACT_DATE_ORDER_MDY, "2025-05-03" },
    { "05.03.2025", IMPACT_DATE_ORDER_DMY, "2025-03-05" },
    { "20250315", IMPACT_DATE_ORDER_AUTO, "2025-03-15" },
    { "2025-03-15", IMPACT_DATE_ORDER_MDY, "2025-03-15" },
    { "2025-03-15 00:00:00", IMPACT_DATE_ORDER_AUTO, "2025-03-15" },
    { "2025-03-15T10:00", IMPACT_DATE_ORDER_AUTO, "2025-03-15" },
    { "29-02-2024", IMPACT_DATE_ORDER_AUTO, "2024-02-29" },
    { "1-1-99", IMPACT_DATE_ORDER_AUTO, "1999-01-01" },
    { "29-02-2025", IMPACT_DATE_ORDER_AUTO, NULL },
    { "32-01-2025", IMPACT_DATE_ORDER_AUTO, NULL },
    { "15-13-2025", IMPACT_DATE_ORDER_AUTO, NULL },
    { "2025-3", IMPACT_DATE_ORDER_AUTO, NULL },
    { "15-03/2025", IMPACT_DATE_ORDER_AUTO, NULL },
    { "morgen", IMPACT_DATE_ORDER_AUTO, NULL },
    { "20251315", IMPACT_DATE_ORDER_AUTO, NULL },
    { "", IMPACT_DATE_ORDER_AUTO, NULL },
    { "15-03-20255", IMPACT_DATE_ORDER_AUTO, NULL },
    /* The month as a word, in English and Dutch, whatever the order option says. */
    { "23-Apr-2012", IMPACT_DATE_ORDER_MDY, "2012-04-23" },
    { "23 april 2012", IMPACT_DATE_ORDER_AUTO, "2012-04-23" },
    { "23-mrt-2025", IMPACT_DATE_ORDER_AUTO, "2025-03-23" },
    { "1 okt. 2024", IMPACT_DATE_ORDER_AUTO, "2024-10-01" },
    { "12 mei 25", IMPACT_DATE_ORDER_AUTO, "2025-05-12" },
    { "April 23, 2012", IMPACT_DATE_ORDER_DMY, "2012-04-23" },
    { "Sept 3 2024", IMPACT_DATE_ORDER_AUTO, "2024-09-03" },
    { "2012-Apr-23", IMPACT_DATE_ORDER_AUTO, "2012-04-23" },
    { "Mon, 23 Apr 2012", IMPACT_DATE_ORDER_AUTO, "2012-04-23" },
    { "maandag 23 april 2012", IMPACT_DATE_ORDER_AUTO, "2012-04-23" },
    { "23-Apr-2012 14:05", IMPACT_DATE_ORDER_AUTO, "2012-04-23" },
    { "31-Feb-2012", IMPACT_DATE_ORDER_AUTO, NULL },
    { "23-Foo-2012", IMPACT_DATE_ORDER_AUTO, NULL },
    { "23-Apr", IMPACT_DATE_ORDER_AUTO, NULL },
    { "Apr-2012-23", IMPACT_DATE_ORDER_AUTO, NULL },
    { "23 Apr 12345", IMPACT_DATE_ORDER_AUTO, NULL },
    { "April", IMPACT_DATE_ORDER_AUTO, NULL },
    { "Ma", IMPACT_DATE_ORDER_AUTO, NULL },
    /* ISO with a time, and serial numbers that a spreadsheet's date column became as text. */
    { "2025-03-23T00:00:00", IMPACT_DATE_ORDER_AUTO, "2025-03-23" },
    { "45739", IMPACT_DATE_ORDER_AUTO, "2025-03-23" },
    { "41022", IMPACT_DATE_ORDER_AUTO, "2012-04-23" },
    { "12345", IMPACT_DATE_ORDER_AUTO, NULL },
    { "99999", IMPACT_DATE_ORDER_AUTO, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      guint32 day = 0;
      gboolean ok = impact_parse_date (cases[i].text, cases[i].order, &day);
      g_autofree char *iso = ok ? impact_day_to_iso (day) : NULL;

      g_test_message ("case %u: “%s”", i, cases[i].text);
      g_assert_cmpstr (iso, ==, cases[i].iso);
    }
}

static void
test_guesses (void)
{
  g_assert_cmpint (impact_guess_date_order ("25-12-2025"), ==, IMPACT_DATE_ORDER_DMY);
  g_assert_cmpint (impact_guess_date_order ("12/25/2025"), ==, IMPACT_DATE_ORDER_MDY);
  g_assert_cmpint (impact_guess_date_order ("03-04-2025"), ==, IMPACT_DATE_ORDER_AUTO);
  g_assert_cmpint (impact_guess_date_order ("2025-12-25"), ==, IMPACT_DATE_ORDER_AUTO);
  g_assert_cmpint (impact_guess_decimal_separator ("1.234,5"), ==, IMPACT_DECIMAL_COMMA);
  g_assert_cmpint (impact_guess_decimal_separator ("1,234.5"), ==, IMPACT_DECIMAL_POINT);
  g_assert_cmpint (impact_guess_decimal_separator ("12,50"), ==, IMPACT_DECIMAL_COMMA);
  g_assert_cmpint (impact_guess_decimal_separator ("1.234.567"), ==, IMPACT_DECIMAL_COMMA);
  g_assert_cmpint (impact_guess_decimal_separator ("1.234"), ==, IMPACT_DECIMAL_AUTO);
}

static void
test_serial_dates (void)
{
  static const struct
  {
    double serial;
    gboolean date_1904;
    const char *iso;
  } cases[] = {
    { 1, FALSE, "1900-01-01" },
    { 59, FALSE, "1900-02-28" },
    { 60, FALSE, NULL },
    { 61, FALSE, "1900-03-01" },
    { 45000, FALSE, "2023-03-15" },
    { 45000.75, FALSE, "2023-03-15" },
    { 0, TRUE, "1904-01-01" },
    { 43538, TRUE, "2023-03-15" },
    { 0, FALSE, NULL },
    { -3, FALSE, NULL },
    { 1e12, FALSE, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      guint32 day = impact_day_from_serial (cases[i].serial, cases[i].date_1904);
      g_autofree char *iso = day != 0 ? impact_day_to_iso (day) : NULL;

      g_assert_cmpstr (iso, ==, cases[i].iso);
    }
}

int
main (int argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/parse/amounts", test_amounts);
  g_test_add_func ("/parse/amounts-ignore-locale", test_amounts_ignore_locale);
  g_test_add_func ("/parse/dates", test_dates);
  g_test_add_func ("/parse/guesses", test_guesses);
  g_test_add_func ("/parse/serial-dates", test_serial_dates);

  return g_test_run ();
}
