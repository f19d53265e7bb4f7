/* impact-axis.c: nice tick values for chart axes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "impact-axis"

#include "config.h"

#include <math.h>

#include "impact-axis.h"

static double
nice_step (double range,
           guint max_intervals)
{
  static const double multipliers[] = { 1.0, 2.0, 2.5, 5.0, 10.0 };
  double rough = range / max_intervals;
  double magnitude = pow (10.0, floor (log10 (rough)));

  for (guint i = 0; i < G_N_ELEMENTS (multipliers); i++)
    if (multipliers[i] * magnitude >= rough * (1 - 1e-9))
      return multipliers[i] * magnitude;

  return 10.0 * magnitude;
}

void
impact_axis_init (ImpactAxis *axis,
                  double data_min,
                  double data_max,
                  guint max_ticks)
{
  double step;
  guint n;

  g_return_if_fail (axis != NULL);
  g_return_if_fail (max_ticks >= 2);

  max_ticks = MIN (max_ticks, IMPACT_AXIS_MAX_TICKS);
  if (!isfinite (data_min) || !isfinite (data_max))
    data_min = data_max = 0;
  if (data_min > data_max)
    {
      double tmp = data_min;

      data_min = data_max;
      data_max = tmp;
    }
  /* Amounts are compared against zero, so the axis starts there unless the data cross it. */
  data_min = MIN (data_min, 0);
  data_max = MAX (data_max, 0);
  if (data_max - data_min < 1e-12)
    data_max = data_min + 1;

  /* Rounding both ends outward can need one interval more than asked: then ask for fewer
   * intervals, which gives the next larger nice step. */
  for (guint intervals = max_ticks - 1;; intervals--)
    {
      step = nice_step (data_max - data_min, intervals);
      axis->min = floor (data_min / step + 1e-9) * step;
      axis->max = ceil (data_max / step - 1e-9) * step;
      if (floor ((axis->max - axis->min) / step + 0.5) + 1 <= max_ticks || intervals == 1)
        break;
    }

  /* Adding 0 turns -0 into 0, so no label ever reads "-0". */
  axis->min += 0.0;
  axis->max += 0.0;
  axis->step = step;
  n = (guint) floor ((axis->max - axis->min) / step + 0.5) + 1;
  axis->n_ticks = MIN (n, IMPACT_AXIS_MAX_TICKS);
  for (guint i = 0; i < axis->n_ticks; i++)
    {
      double tick = axis->min + i * step;

      /* Keep 0 exactly 0, not -1e-17. */
      axis->ticks[i] = fabs (tick) < step * 1e-9 ? 0 : tick;
    }
}

/* Where a value lies on the axis: 0 at min, 1 at max. */
double
impact_axis_normalize (const ImpactAxis *axis,
                       double value)
{
  g_return_val_if_fail (axis != NULL, 0);

  if (axis->max <= axis->min)
    return 0;

  return (value - axis->min) / (axis->max - axis->min);
}
