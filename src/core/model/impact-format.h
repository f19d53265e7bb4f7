/* impact-format.h: days, money and counts for people, in their locale
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Days are GDate Julian day numbers (1 = 1 January of year 1), 0 means "no date". */
guint32  impact_day_from_ymd    (int          year,
                                 int          month,
                                 int          day);
guint32  impact_day_from_iso    (const char  *text);
char    *impact_day_to_iso      (guint32      day);
guint32  impact_day_today       (void);
guint32  impact_day_add_months  (guint32      day,
                                 int          months);

char    *impact_format_money    (gint64       cents);
char    *impact_format_amount   (gint64       cents);
gboolean impact_locale_uses_decimal_comma (void);
char    *impact_format_money_compact (gint64  cents);
char    *impact_format_count    (gint64       count);
char    *impact_format_day      (guint32      day);

G_END_DECLS
