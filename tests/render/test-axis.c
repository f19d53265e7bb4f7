/* test-axis.c: nice ticks for chart axes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "impact-axis.h"

static void
test_ticks (void)
{
  static const struct
  {
    double min, max;
    guint max_ticks;
    double expect_min, expect_max, expect_step;
  } cases[] = {
    { 0, 100, 6, 0, 100, 20 },
    { 0, 97, 6, 0, 100, 20 },
    { 0, 1234567, 6, 0, 1250000, 250000 },
    { 13, 87, 5, 0, 100, 25 },
    { -30, 70, 6, -50, 75, 25 },
    { 0, 0, 5, 0, 1, 0.25 },
    { 5, 5, 5, 0, 6, 2 },
    { -5, -1, 5, -6, 0, 2 },
    { 0, 0.0734, 5, 0, 0.08, 0.02 },
    { 0, 147737369, 8, 0, 150000000, 25000000 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      ImpactAxis axis;

      impact_axis_init (&axis, cases[i].min, cases[i].max, cases[i].max_ticks);
      g_test_message ("case %u: %g..%g step %g", i, axis.min, axis.max, axis.step);
      g_assert_cmpfloat_with_epsilon (axis.min, cases[i].expect_min, 1e-9);
      g_assert_cmpfloat_with_epsilon (axis.max, cases[i].expect_max, 1e-9);
      g_assert_cmpfloat_with_epsilon (axis.step, cases[i].expect_step, 1e-9);
      g_assert_cmpuint (axis.n_ticks, <=, cases[i].max_ticks);
      g_assert_cmpfloat_with_epsilon (axis.ticks[0], axis.min, 1e-9);
      g_assert_cmpfloat_with_epsilon (axis.ticks[axis.n_ticks - 1], axis.max, 1e-6);
      /* The data fit inside the axis. */
      g_assert_cmpfloat (axis.min, <=, MIN (cases[i].min, 0));
      g_assert_cmpfloat (axis.max, >=, cases[i].max);
    }
}

static void
test_zero_is_exact (void)
{
  ImpactAxis axis;
  gboolean has_zero = FALSE;

  impact_axis_init (&axis, -0.3, 0.7, 6);
  for (guint i = 0; i < axis.n_ticks; i++)
    {
      if (axis.ticks[i] == 0)
        has_zero = TRUE;
      g_assert_false (axis.ticks[i] != 0 && fabs (axis.ticks[i]) < 1e-12);
    }
  g_assert_true (has_zero);
}

static void
test_normalize (void)
{
  ImpactAxis axis;

  impact_axis_init (&axis, 0, 100, 6);
  g_assert_cmpfloat_with_epsilon (impact_axis_normalize (&axis, 0), 0, 1e-12);
  g_assert_cmpfloat_with_epsilon (impact_axis_normalize (&axis, 50), 0.5, 1e-12);
  g_assert_cmpfloat_with_epsilon (impact_axis_normalize (&axis, 100), 1, 1e-12);

  impact_axis_init (&axis, NAN, INFINITY, 6);
  g_assert_true (isfinite (axis.min) && isfinite (axis.max));
}

int
main (int argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/axis/ticks", test_ticks);
  g_test_add_func ("/axis/zero-is-exact", test_zero_is_exact);
  g_test_add_func ("/axis/normalize", test_normalize);

  return g_test_run ();
}
