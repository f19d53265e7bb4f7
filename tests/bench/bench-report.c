/* bench-report.c: the whole group's report of the demo data, from the database to the PDF
 *
 * Writes the demo data (300,000 lines), then times reading the figures of the group for its
 * latest year (figures, social return, PSO estimate, certificates, imports), laying the
 * report out and writing the PDF, five times, and prints the median and the slowest, and the
 * number of pages. Target: under 2 s.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "demo/impact-demo.h"
#include "impact-report.h"
#include "impact-test-utils.h"
#include "model/impact-format.h"

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

int
main (int argc,
      char *argv[])
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = impact_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "demo.sqlite", NULL);
  g_autofree char *pdf = g_build_filename (dir, "report.pdf", NULL);
  g_autoptr (ImpactStore) store = impact_store_open (path, &error);
  g_autoptr (ImpactNode) group = NULL;
  double times[5];
  guint32 today = impact_day_from_iso ("2026-11-22");
  guint n_pages = 0;
  ImpactPeriod period;

  g_assert_no_error (error);
  g_assert_true (impact_demo_write (store, today, NULL, NULL, NULL, &error));
  group = impact_query_find_node (store, NULL, &error);
  g_assert_true (impact_period_parse ("2025", 1, &period, &error));

  for (guint run = 0; run < G_N_ELEMENTS (times); run++)
    {
      gint64 start = g_get_monotonic_time ();
      g_autoptr (ImpactReportData) data = impact_report_data_read (store, group, &period, today, 90, &error);
      g_autoptr (ImpactReport) report = NULL;

      g_assert_no_error (error);
      report = impact_report_new (data, IMPACT_REPORT_A4_WIDTH, IMPACT_REPORT_A4_HEIGHT);
      g_assert_true (impact_report_write_pdf (report, pdf, &error));
      n_pages = impact_report_get_n_pages (report);
      times[run] = (g_get_monotonic_time () - start) / 1e6;
    }

  qsort (times, G_N_ELEMENTS (times), sizeof (double), compare_doubles);
  printf ("group report of the demo data for 2025, %u pages: median %.2f s, slowest %.2f s (target < 2 s)\n", n_pages,
          times[G_N_ELEMENTS (times) / 2], times[G_N_ELEMENTS (times) - 1]);

  g_clear_object (&store);
  impact_test_remove_tree (dir);
  return 0;
}
