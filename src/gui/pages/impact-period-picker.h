/* impact-period-picker.h: the financial year and the part of it the dashboard shows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "query/impact-period.h"

G_BEGIN_DECLS

/* The parts of a financial year the picker offers: the whole year, its four quarters and its
 * twelve months, in this order, then custom months. */
#define IMPACT_PART_YEAR 0
#define IMPACT_PART_FIRST_QUARTER 1
#define IMPACT_PART_FIRST_MONTH 5
#define IMPACT_PART_CUSTOM 17
#define IMPACT_N_PARTS 18

/* What the user chose: a financial year (0 for the latest with purchases) and a part of it,
 * or the months of @custom. */
typedef struct
{
  int year;
  guint part;
  ImpactPeriod custom;
} ImpactPeriodChoice;

void impact_period_choice_resolve (const ImpactPeriodChoice *choice,
                                   int                       year,
                                   guint                     fy_start,
                                   ImpactPeriod             *period);

#define IMPACT_TYPE_PERIOD_PICKER (impact_period_picker_get_type ())

G_DECLARE_FINAL_TYPE (ImpactPeriodPicker, impact_period_picker, IMPACT, PERIOD_PICKER, GtkWidget)

const ImpactPeriodChoice *impact_period_picker_get_choice (ImpactPeriodPicker *self);
void                      impact_period_picker_reset      (ImpactPeriodPicker *self);
void                      impact_period_picker_show       (ImpactPeriodPicker *self,
                                                           GArray             *years,
                                                           int                 year,
                                                           guint               fy_start,
                                                           const ImpactPeriod *shown);
gboolean                  impact_period_picker_set_months (ImpactPeriodPicker *self,
                                                           const char         *first,
                                                           const char         *last);

G_END_DECLS
