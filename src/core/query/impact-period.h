/* impact-period.h: the periods figures are asked for: years, quarters, months, ranges
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  IMPACT_PERIOD_YEAR,
  IMPACT_PERIOD_QUARTER,
  IMPACT_PERIOD_MONTH,
  IMPACT_PERIOD_RANGE,
} ImpactPeriodKind;

/* Whole months, first to last inclusive, counted as year * 12 + month - 1 (the summary
 * tables' months). A year or quarter is of the financial year, which starts in
 * fy_start_month (1 = January); year is the year it starts in. */
typedef struct
{
  ImpactPeriodKind kind;
  gint32           first_month;
  gint32           last_month;
  guint            fy_start_month;
} ImpactPeriod;

gboolean  impact_period_parse       (const char         *text,
                                     guint               fy_start_month,
                                     ImpactPeriod       *period,
                                     GError            **error);
void      impact_period_init_year   (ImpactPeriod       *period,
                                     int                 year,
                                     guint               fy_start_month);
void      impact_period_previous    (const ImpactPeriod *period,
                                     ImpactPeriod       *previous);
guint     impact_period_n_months    (const ImpactPeriod *period);
char     *impact_period_to_code     (const ImpactPeriod *period);
char     *impact_period_to_string   (const ImpactPeriod *period);
char     *impact_month_to_code      (gint32              month);
char     *impact_month_to_string    (gint32              month);

G_END_DECLS
