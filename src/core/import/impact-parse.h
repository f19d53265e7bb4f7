/* impact-parse.h: amounts and dates as ERP exports write them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Which character separates the decimals; AUTO decides per value where it can. */
typedef enum
{
  IMPACT_DECIMAL_AUTO,
  IMPACT_DECIMAL_COMMA,
  IMPACT_DECIMAL_POINT,
} ImpactDecimalSeparator;

/* The order of day and month in dates such as 03-04-2025; ISO and yyyymmdd dates are
 * always year first. */
typedef enum
{
  IMPACT_DATE_ORDER_AUTO,
  IMPACT_DATE_ORDER_DMY,
  IMPACT_DATE_ORDER_MDY,
} ImpactDateOrder;

gboolean impact_parse_amount         (const char             *text,
                                      ImpactDecimalSeparator  decimal,
                                      gint64                 *cents);
ImpactDecimalSeparator impact_guess_decimal_separator (const char *text);
gboolean impact_parse_amount_in_locale (const char           *text,
                                      gint64                 *cents);
gboolean impact_parse_number         (const char             *text,
                                      double                 *value);
gboolean impact_parse_date           (const char             *text,
                                      ImpactDateOrder         order,
                                      guint32                *day);
ImpactDateOrder impact_guess_date_order (const char          *text);
guint32  impact_day_from_serial      (double                  serial,
                                      gboolean                date_1904);

G_END_DECLS
