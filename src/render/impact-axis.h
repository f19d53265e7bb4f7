/* impact-axis.h: nice tick values for chart axes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define IMPACT_AXIS_MAX_TICKS 16

/* Ticks from min to max in equal steps of 1, 2, 2.5 or 5 times a power of ten; the range
 * covers the data and includes zero when the data do. */
typedef struct
{
  double min;
  double max;
  double step;
  guint  n_ticks;
  double ticks[IMPACT_AXIS_MAX_TICKS];
} ImpactAxis;

void   impact_axis_init      (ImpactAxis       *axis,
                              double            data_min,
                              double            data_max,
                              guint             max_ticks);
double impact_axis_normalize (const ImpactAxis *axis,
                              double            value);

G_END_DECLS
