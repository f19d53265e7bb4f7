/* impact-parse.c: amounts and dates as ERP exports write them
 *
 * Parsing never depends on the user's locale: the same file gives the same figures on
 * every machine.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "impact-parse"

#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "impact-parse.h"
#include "model/impact-format.h"

/* Amounts beyond a trillion euros are typing errors, and the limit keeps sums far from
 * overflowing 64 bits. */
#define MAX_CENTS (G_GINT64_CONSTANT (100000000000000))

static gboolean
is_space (const char *p,
          gsize *len)
{
  /* ASCII space and tab, no-break space (U+00A0) and narrow no-break space (U+202F), which
   * spreadsheets use as thousands separators. */
  if (*p == ' ' || *p == '\t')
    return (*len = 1);
  if ((guchar) p[0] == 0xC2 && (guchar) p[1] == 0xA0)
    return (*len = 2);
  if ((guchar) p[0] == 0xE2 && (guchar) p[1] == 0x80 && (guchar) p[2] == 0xAF)
    return (*len = 3);
  return FALSE;
}

/* Keeps digits, separators and signs; drops spaces and a currency mark (EUR, €). Returns
 * NULL when anything else is left. */
static char *
strip_amount (const char *text,
              gboolean *negative)
{
  GString *out = g_string_new (NULL);
  const char *p = text;
  gboolean open_paren = FALSE, close_paren = FALSE, minus = FALSE;

  while (*p != '\0')
    {
      gsize len;

      /* Digits and separators first: they are nearly all there is. */
      if (g_ascii_isdigit (*p) || *p == '.' || *p == ',' || *p == '\'')
        {
          if (close_paren)
            break;
          g_string_append_c (out, *p++);
        }
      else if (is_space (p, &len))
        p += len;
      else if ((*p == 'E' || *p == 'e') && g_ascii_strncasecmp (p, "EUR", 3) == 0)
        p += 3;
      else if (strncmp (p, "€", strlen ("€")) == 0)
        p += strlen ("€");
      else if (*p == '(' && out->len == 0 && !open_paren)
        open_paren = TRUE, p++;
      else if (*p == ')' && open_paren && !close_paren)
        close_paren = TRUE, p++;
      else if ((*p == '-' || *p == '+') && !minus && (out->len == 0 || p[1] == '\0' || g_ascii_isspace (p[1])))
        {
          minus = *p == '-';
          p++;
        }
      else
        {
          g_string_free (out, TRUE);
          return NULL;
        }
    }

  if (*p != '\0' || open_paren != close_paren || out->len == 0 || (minus && open_paren))
    {
      g_string_free (out, TRUE);
      return NULL;
    }

  *negative = minus || open_paren;
  return g_string_free (out, FALSE);
}

/* Looks at one value: a separator followed by exactly one or two digits at the end is a
 * decimal separator, a separator followed by three digits when the other one also occurs
 * is a thousands separator. AUTO when it cannot tell (as in 1.234 or 1234). */
ImpactDecimalSeparator
impact_guess_decimal_separator (const char *text)
{
  const char *comma, *point;
  gsize len;

  if (text == NULL)
    return IMPACT_DECIMAL_AUTO;

  comma = strrchr (text, ',');
  point = strrchr (text, '.');
  if (comma != NULL && point != NULL)
    return comma > point ? IMPACT_DECIMAL_COMMA : IMPACT_DECIMAL_POINT;

  if (comma == NULL && point == NULL)
    return IMPACT_DECIMAL_AUTO;

  {
    const char *sep = comma != NULL ? comma : point;
    const char *q = sep + 1;

    len = 0;
    while (g_ascii_isdigit (q[len]))
      len++;
    if (len == 1 || len == 2)
      return comma != NULL ? IMPACT_DECIMAL_COMMA : IMPACT_DECIMAL_POINT;
    /* Two of the same separator (1.234.567) are thousands separators. */
    if (strchr (text, *sep) != sep)
      return *sep == ',' ? IMPACT_DECIMAL_POINT : IMPACT_DECIMAL_COMMA;
  }

  return IMPACT_DECIMAL_AUTO;
}

/* Parses "1.234,56", "-1234.56", "(1.234,56)", "EUR 1.234,56", "1 234,56", "1234,56-" into
 * cents. With AUTO, a value that reads two ways (1.234: one euro or a thousand?) is refused,
 * so that the caller decides for the whole column. */
gboolean
impact_parse_amount (const char *text,
                     ImpactDecimalSeparator decimal,
                     gint64 *cents)
{
  g_autofree char *digits = NULL;
  gboolean negative = FALSE;
  char sep_decimal, sep_thousands;
  guint64 units = 0, fraction = 0;
  guint n_fraction = 0;
  gboolean in_fraction = FALSE, seen_digit = FALSE, round_up = FALSE;

  g_return_val_if_fail (cents != NULL, FALSE);

  if (text == NULL)
    return FALSE;
  digits = strip_amount (text, &negative);
  if (digits == NULL)
    return FALSE;

  if (decimal == IMPACT_DECIMAL_AUTO)
    {
      decimal = impact_guess_decimal_separator (digits);
      /* No separator at all: whole euros. */
      if (decimal == IMPACT_DECIMAL_AUTO && strchr (digits, ',') == NULL && strchr (digits, '.') == NULL)
        decimal = IMPACT_DECIMAL_COMMA;
      if (decimal == IMPACT_DECIMAL_AUTO)
        return FALSE;
    }
  sep_decimal = decimal == IMPACT_DECIMAL_COMMA ? ',' : '.';
  sep_thousands = decimal == IMPACT_DECIMAL_COMMA ? '.' : ',';

  for (const char *p = digits; *p != '\0'; p++)
    {
      if (g_ascii_isdigit (*p))
        {
          seen_digit = TRUE;
          if (in_fraction)
            {
              /* Beyond the cents, the third decimal rounds (half away from zero). */
              if (++n_fraction == 3 && *p >= '5')
                round_up = TRUE;
              if (n_fraction <= 2)
                fraction = fraction * 10 + (*p - '0');
            }
          else
            {
              units = units * 10 + (*p - '0');
              if (units > (guint64) (MAX_CENTS / 100))
                return FALSE;
            }
        }
      else if (*p == sep_decimal && !in_fraction)
        in_fraction = TRUE;
      else if ((*p == sep_thousands || *p == '\'') && !in_fraction && seen_digit)
        {
          /* A thousands separator is followed by exactly three digits. */
          if (!(g_ascii_isdigit (p[1]) && g_ascii_isdigit (p[2]) && g_ascii_isdigit (p[3])
                && (p[4] == '\0' || !g_ascii_isdigit (p[4]))))
            return FALSE;
        }
      else
        return FALSE;
    }

  if (!seen_digit)
    return FALSE;
  if (n_fraction == 1)
    fraction *= 10;

  *cents = (gint64) (units * 100 + fraction + (round_up ? 1 : 0));
  if (negative)
    *cents = -*cents;

  return TRUE;
}

static gboolean
split_date (const char *text,
            int parts[3],
            guint widths[3])
{
  guint n = 0;
  const char *p = text;
  char sep = 0;

  while (n < 3)
    {
      guint width = 0;
      int value = 0;

      while (g_ascii_isdigit (*p) && width < 5)
        value = value * 10 + (*p++ - '0'), width++;
      if (width == 0 || width > 4)
        return FALSE;
      parts[n] = value;
      widths[n++] = width;
      if (n == 3)
        break;
      if (*p != '-' && *p != '/' && *p != '.')
        return FALSE;
      if (sep != 0 && *p != sep)
        return FALSE;
      sep = *p++;
    }

  /* A time after the date (as in "2025-03-01 00:00:00" or "2025-03-01T00:00") is ignored. */
  return *p == '\0' || *p == ' ' || *p == 'T';
}

/* Tells day-month from month-day where one of the numbers is above 12. */
ImpactDateOrder
impact_guess_date_order (const char *text)
{
  int parts[3];
  guint widths[3];

  if (text == NULL || !split_date (text, parts, widths) || widths[0] == 4)
    return IMPACT_DATE_ORDER_AUTO;
  if (parts[0] > 12 && parts[1] <= 12)
    return IMPACT_DATE_ORDER_DMY;
  if (parts[1] > 12 && parts[0] <= 12)
    return IMPACT_DATE_ORDER_MDY;

  return IMPACT_DATE_ORDER_AUTO;
}

static int
full_year (int year,
           guint width)
{
  /* Two-digit years: 00-69 are 2000-2069, 70-99 are 1970-1999. */
  if (width <= 2)
    return year < 70 ? 2000 + year : 1900 + year;

  return year;
}

/* The month a name or abbreviation stands for, in English or Dutch ("Apr", "april", "mrt",
 * "okt.", "Sept"), or 0. */
static int
month_from_name (const char *text,
                 gsize len)
{
  static const char *const names[] = {
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
  };
  char lower[16];

  if (len < 3 || len >= sizeof lower)
    return 0;
  for (gsize i = 0; i < len; i++)
    lower[i] = g_ascii_tolower (text[i]);
  lower[len] = '\0';

  if (g_str_equal (lower, "mrt"))
    return 3;
  if (g_str_equal (lower, "sept"))
    return 9;
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (strncmp (names[i], lower, len) == 0)
      return i % 12 + 1;

  return 0;
}

/* Dates with the month as a word: "23-Apr-2012", "23 april 2012", "23-mrt-25", "April 23,
 * 2012", "2012-Apr-23", also after a day's name ("Mon, 23 Apr 2012") and before a time. */
static guint32
parse_named_date (const char *text)
{
  const char *p = text;
  int numbers[3];
  guint widths[3];
  guint n_numbers = 0, position = 0, month_at = 0;
  int month = 0, year, day_of_month;

  /* A day's name first: letters followed by a comma or a space and a digit. */
  if (g_ascii_isalpha (*p))
    {
      const char *q = p;

      while (g_ascii_isalpha (*q))
        q++;
      if (month_from_name (p, q - p) == 0 && (*q == ',' || (*q == ' ' && g_ascii_isdigit (q[1]))))
        {
          p = q + 1;
          while (*p == ' ')
            p++;
        }
    }

  while (position < 3)
    {
      const char *start = p;

      if (g_ascii_isdigit (*p))
        {
          int value = 0;

          while (g_ascii_isdigit (*p) && p - start < 4)
            value = value * 10 + (*p++ - '0');
          if (g_ascii_isdigit (*p))
            return 0;
          numbers[n_numbers] = value;
          widths[n_numbers++] = p - start;
        }
      else if (g_ascii_isalpha (*p))
        {
          while (g_ascii_isalpha (*p))
            p++;
          if (month != 0 || (month = month_from_name (start, p - start)) == 0)
            return 0;
          month_at = position;
          if (*p == '.')
            p++;
        }
      else
        return 0;
      if (++position == 3)
        break;
      /* One separator, or a comma and spaces ("April 23, 2012"). */
      if (*p == ',')
        p++;
      if (*p == '-' || *p == '/' || *p == '.' || *p == ' ')
        p++;
      else if (p[-1] != ',')
        return 0;
      while (*p == ' ')
        p++;
    }
  if (month == 0 || n_numbers != 2 || !(*p == '\0' || *p == ' ' || *p == 'T'))
    return 0;

  /* Year first only as four digits (2012-Apr-23); else the year comes last. */
  if (month_at == 1 && widths[0] == 4)
    year = numbers[0], day_of_month = numbers[1];
  else if (widths[1] == 4 || widths[1] == 2)
    year = full_year (numbers[1], widths[1]), day_of_month = numbers[0];
  else
    return 0;
  if (widths[month_at == 1 && widths[0] == 4 ? 1 : 0] > 2)
    return 0;

  return impact_day_from_ymd (year, month, day_of_month);
}

/* Parses dd-mm-yyyy, d-m-yy, dd/mm/yyyy, dd.mm.yyyy, yyyymmdd, ISO yyyy-mm-dd (with a time
 * after it or not), dates with the month as a word in English or Dutch (parse_named_date())
 * and spreadsheet serial numbers written as text ("41022", a date from 1954 to 2119). With
 * AUTO, day-month order is assumed for dates like 03-04-2025, as Dutch exports write them. */
gboolean
impact_parse_date (const char *text,
                   ImpactDateOrder order,
                   guint32 *day)
{
  int parts[3];
  guint widths[3];
  guint32 result;

  g_return_val_if_fail (day != NULL, FALSE);

  if (text == NULL)
    return FALSE;
  while (*text == ' ')
    text++;

  /* yyyymmdd */
  if (strlen (text) == 8 && strspn (text, "0123456789") == 8)
    {
      int v = atoi (text);

      result = impact_day_from_ymd (v / 10000, v / 100 % 100, v % 100);
      if (result == 0)
        return FALSE;
      *day = result;
      return TRUE;
    }

  /* A serial number, as a spreadsheet's date column exported as text. */
  if (strlen (text) == 5 && strspn (text, "0123456789") == 5 && atoi (text) >= 20000 && atoi (text) <= 80000)
    {
      *day = impact_day_from_serial (atoi (text), FALSE);
      return *day != 0;
    }

  if (!split_date (text, parts, widths))
    {
      result = parse_named_date (text);
      if (result == 0)
        return FALSE;
      *day = result;
      return TRUE;
    }

  if (widths[0] == 4)
    result = widths[1] <= 2 && widths[2] <= 2 ? impact_day_from_ymd (parts[0], parts[1], parts[2]) : 0;
  else if (widths[2] == 4 || widths[2] == 2)
    {
      int year = full_year (parts[2], widths[2]);

      if (widths[0] > 2 || widths[1] > 2)
        return FALSE;
      if (order == IMPACT_DATE_ORDER_MDY)
        result = impact_day_from_ymd (year, parts[0], parts[1]);
      else
        result = impact_day_from_ymd (year, parts[1], parts[0]);
    }
  else
    return FALSE;

  if (result == 0)
    return FALSE;

  *day = result;
  return TRUE;
}

/* Spreadsheet serial day numbers: in the 1900 system day 1 is 1900-01-01 and day 60 is
 * the 29 February 1900 that never was (kept for Lotus compatibility); in the 1904 system day
 * 0 is 1904-01-01. */
guint32
impact_day_from_serial (double serial,
                        gboolean date_1904)
{
  double whole = floor (serial);

  if (!isfinite (serial) || whole < (date_1904 ? 0 : 1) || whole > 2958465)
    return 0;
  if (date_1904)
    return impact_day_from_ymd (1904, 1, 1) + (guint32) whole;
  if (whole < 60)
    return impact_day_from_ymd (1899, 12, 31) + (guint32) whole;
  if (whole == 60)
    return 0;

  return impact_day_from_ymd (1899, 12, 30) + (guint32) whole;
}

/* An amount typed in by the user, read the way the locale writes numbers ("1.234,56" in Dutch,
 * "1,234.56" in English; "EUR" may precede it). */
gboolean
impact_parse_amount_in_locale (const char *text,
                               gint64 *cents)
{
  return impact_parse_amount (text, impact_locale_uses_decimal_comma () ? IMPACT_DECIMAL_COMMA : IMPACT_DECIMAL_POINT,
                              cents);
}

/* A plain number typed in, with a decimal point or comma, as in "5" or "2,5". */
gboolean
impact_parse_number (const char *text,
                     double *value)
{
  g_autofree char *copy = NULL;
  char *end = NULL;

  g_return_val_if_fail (value != NULL, FALSE);

  if (text == NULL)
    return FALSE;
  copy = g_strstrip (g_strdelimit (g_strdup (text), ",", '.'));
  if (*copy == '\0')
    return FALSE;
  *value = g_ascii_strtod (copy, &end);
  return end != NULL && *end == '\0' && isfinite (*value);
}
