/* bench-charts.c: the time to draw each dashboard chart at 1920x1080
 *
 * Writes the demo data, takes the group's figures for its last full year and draws each of
 * the overview's charts 50 times into a 1920x1080 image; prints the median time per chart.
 * Target: under 8 ms each. With a folder as argument it also saves each chart there as PNG
 * (light and dark), to look at.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "demo/impact-demo.h"
#include "impact-chart-figures.h"
#include "impact-test-utils.h"
#include "model/impact-format.h"

#define N_RUNS 50

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static void
save (ImpactChart *chart,
      const char *folder,
      const char *name,
      ImpactPaletteVariant variant,
      int width,
      int height)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cairo_t *cr = cairo_create (surface);
  ImpactChartStyle style = { impact_palette_get (variant), NULL, width, height, -1 };
  g_autofree char *file = g_strdup_printf ("%s/%s-%s.png", folder, name, variant == IMPACT_PALETTE_DARK ? "dark" : "light");

  impact_color_set_source (cr, &style.palette->background, 1);
  cairo_paint (cr);
  impact_chart_draw (chart, cr, &style);
  cairo_surface_write_to_png (surface, file);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

static void
time_chart (ImpactChart *chart,
            const char *name)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1920, 1080);
  cairo_t *cr = cairo_create (surface);
  ImpactChartStyle style = { impact_palette_get (IMPACT_PALETTE_LIGHT), NULL, 1920, 1080, 2 };
  double times[N_RUNS];

  for (guint run = 0; run < N_RUNS; run++)
    {
      gint64 start = g_get_monotonic_time ();

      impact_chart_draw (chart, cr, &style);
      cairo_surface_flush (surface);
      times[run] = (g_get_monotonic_time () - start) / 1000.0;
    }
  qsort (times, N_RUNS, sizeof (double), compare_doubles);
  printf ("%-34s median %5.2f ms, slowest %5.2f ms (target < 8)\n", name, times[N_RUNS / 2], times[N_RUNS - 1]);

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

int
main (int argc,
      char *argv[])
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = impact_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "demo.sqlite", NULL);
  g_autoptr (ImpactStore) store = impact_store_open (path, &error);
  g_autoptr (ImpactNode) group = NULL;
  g_autoptr (ImpactFigures) figures = NULL;
  ImpactPeriod period;
  struct
  {
    const char *name;
    ImpactChart *chart;
  } charts[5];

  g_assert_no_error (error);
  g_assert_true (impact_demo_write (store, impact_day_from_iso ("2026-01-15"), NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  group = impact_query_find_node (store, NULL, &error);
  g_assert_true (impact_period_parse ("2025", 1, &period, &error));
  figures = impact_query_figures (store, group, &period, 10, &error);
  g_assert_no_error (error);

  charts[0].name = "divisions (stacked columns)";
  charts[0].chart = impact_chart_new_children (figures);
  charts[1].name = "monthly trend (columns + share)";
  charts[1].chart = impact_chart_new_trend (figures, IMPACT_CHART_COLUMNS);
  charts[2].name = "classes (donut)";
  charts[2].chart = impact_chart_new_classes (figures);
  charts[3].name = "top non-social suppliers (bars)";
  charts[3].chart = impact_chart_new_suppliers (figures->top_non_social);
  charts[4].name = "monthly trend (areas + share)";
  charts[4].chart = impact_chart_new_trend (figures, IMPACT_CHART_AREA);

  for (guint i = 0; i < G_N_ELEMENTS (charts); i++)
    {
      time_chart (charts[i].chart, charts[i].name);
      if (argc > 1)
        {
          g_autofree char *name = g_strdup_printf ("chart-%u", i);

          save (charts[i].chart, argv[1], name, IMPACT_PALETTE_LIGHT, 640, 360);
          save (charts[i].chart, argv[1], name, IMPACT_PALETTE_DARK, 640, 360);
        }
      impact_chart_unref (charts[i].chart);
    }

  g_clear_object (&store);
  impact_test_remove_tree (dir);
  return 0;
}
