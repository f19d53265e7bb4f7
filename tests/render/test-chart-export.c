/* test-chart-export.c: a chart as PNG (its size times the scale), SVG and PDF, and its data
 * as a CSV table
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "impact-chart-export.h"
#include "impact-chart-figures.h"
#include "impact-test-utils.h"

static ImpactChart *
make_chart (void)
{
  ImpactChart *chart = impact_chart_new (IMPACT_CHART_COLUMNS);
  ImpactChartItem *a = impact_chart_add_item (chart, "Schoonmaak");
  ImpactChartItem *b = impact_chart_add_item (chart, "Catering");

  a->cents[IMPACT_SOCIAL_CLASS_NONE] = 80000;
  a->cents[IMPACT_SOCIAL_CLASS_SW] = 20000;
  b->cents[IMPACT_SOCIAL_CLASS_NONE] = 123456;
  return chart;
}

static void
test_files (void)
{
  g_autofree char *dir = impact_test_make_tmpdir ();
  g_autofree char *png = g_build_filename (dir, "chart.png", NULL);
  g_autofree char *svg = g_build_filename (dir, "chart.svg", NULL);
  g_autofree char *pdf = g_build_filename (dir, "chart.pdf", NULL);
  g_autoptr (ImpactChart) chart = make_chart ();
  g_autoptr (GError) error = NULL;
  g_autofree char *contents = NULL;
  cairo_surface_t *image;

  g_assert_true (impact_chart_write_file (chart, "Spend per Division", png, IMPACT_CHART_FILE_PNG, 400, 300, 2, &error));
  g_assert_no_error (error);
  image = cairo_image_surface_create_from_png (png);
  g_assert_cmpint (cairo_surface_status (image), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (image), ==, 800);
  g_assert_cmpint (cairo_image_surface_get_height (image), ==, 600);
  {
    /* White paper at the corner; ink somewhere in the middle third (the columns). */
    const guint32 *pixels = (const guint32 *) cairo_image_surface_get_data (image);
    int stride = cairo_image_surface_get_stride (image) / 4;
    gboolean ink = FALSE;

    g_assert_cmphex (pixels[0] & 0xffffff, ==, 0xffffff);
    for (int y = 250; y < 550 && !ink; y++)
      for (int x = 100; x < 700 && !ink; x++)
        ink = (pixels[y * stride + x] & 0xffffff) != 0xffffff;
    g_assert_true (ink);
  }
  cairo_surface_destroy (image);

  g_assert_true (impact_chart_write_file (chart, "Spend per Division", svg, IMPACT_CHART_FILE_SVG, 400, 300, 1, &error));
  g_assert_true (g_file_get_contents (svg, &contents, NULL, &error));
  g_assert_nonnull (strstr (contents, "<svg"));
  g_assert_nonnull (strstr (contents, "width=\"400\""));
  g_clear_pointer (&contents, g_free);

  g_assert_true (impact_chart_write_file (chart, NULL, pdf, IMPACT_CHART_FILE_PDF, 400, 300, 1, &error));
  g_assert_true (g_file_get_contents (pdf, &contents, NULL, &error));
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));

  g_assert_false (impact_chart_write_file (chart, NULL, "/nonexistent/folder/c.png", IMPACT_CHART_FILE_PNG, 400, 300, 1,
                                           &error));
  g_assert_nonnull (error);

  impact_test_remove_tree (dir);
}

/* The chart's data as CSV, the Dutch way. */
static void
test_table (void)
{
  g_autofree char *dir = impact_test_make_tmpdir ();
  g_autofree char *csv = g_build_filename (dir, "table.csv", NULL);
  g_autoptr (ImpactChart) chart = make_chart ();
  g_autoptr (ImpactTable) table = impact_chart_to_table (chart, "per_division");
  g_autoptr (GError) error = NULL;
  g_autofree char *contents = NULL;

  g_assert_cmpuint (impact_table_get_n_rows (table), ==, 2);
  g_assert_true (impact_table_write_csv (table, csv, TRUE, &error));
  g_assert_true (g_file_get_contents (csv, &contents, NULL, &error));
  g_assert_true (g_str_has_prefix (contents, "\xef\xbb\xbf;Spend;Social spend;Social share (%)\r\n"));
  g_assert_nonnull (strstr (contents, "\r\nSchoonmaak;1000,00;200,00;20,00\r\n"));
  g_assert_nonnull (strstr (contents, "\r\nCatering;1234,56;0,00;0,00\r\n"));

  impact_test_remove_tree (dir);
}

static void
child_free (ImpactChildFigures *child)
{
  g_free (child->name);
  g_free (child);
}

/* The largest children as bars, each labelled with its social share; the figures keep
 * their children (the chart borrows nothing). */
static void
test_children_bars (void)
{
  g_autoptr (ImpactFigures) figures = g_new0 (ImpactFigures, 1);
  g_autoptr (ImpactChart) chart = NULL;
  static const struct
  {
    const char *name;
    gint64 total, social;
  } children[] = { { "Klein", 1000, 0 }, { "Groot", 9000, 900 }, { "Midden", 5000, 2500 } };

  figures->by_child = g_ptr_array_new_with_free_func ((GDestroyNotify) child_free);
  figures->by_month = g_array_new (FALSE, TRUE, sizeof (ImpactMonthFigures));
  figures->top_suppliers = g_ptr_array_new ();
  figures->top_non_social = g_ptr_array_new ();
  for (guint i = 0; i < G_N_ELEMENTS (children); i++)
    {
      ImpactChildFigures *child = g_new0 (ImpactChildFigures, 1);

      child->name = g_strdup (children[i].name);
      child->spend.total_cents = children[i].total;
      child->spend.social_cents = children[i].social;
      g_ptr_array_add (figures->by_child, child);
    }

  chart = impact_chart_new_children_bars (figures, 2);
  g_assert_cmpuint (impact_chart_get_n_items (chart), ==, 2);
  g_assert_cmpstr (impact_chart_get_item (chart, 0)->label, ==, "10.0% social · Groot");
  g_assert_cmpstr (impact_chart_get_item (chart, 1)->label, ==, "50.0% social · Midden");
  g_assert_cmpint (impact_chart_item_total (impact_chart_get_item (chart, 0)), ==, 9000);
  g_assert_cmpstr (((ImpactChildFigures *) g_ptr_array_index (figures->by_child, 0))->name, ==, "Klein");
}

int
main (int argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/chart-export/files", test_files);
  g_test_add_func ("/chart-export/table", test_table);
  g_test_add_func ("/chart-export/children-bars", test_children_bars);

  return g_test_run ();
}
