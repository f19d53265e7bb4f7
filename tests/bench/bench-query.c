/* bench-query.c: the figures of a dashboard page on a 1,000,000-line database
 *
 * Builds a group of 6 divisions and 150 objects with 3,000 suppliers (one in ten holding a
 * social status) and 1,000,000 purchase lines over three years, skewed as real spend is (a
 * few suppliers take most of it). Then times impact_query_figures(), everything one page
 * shows, for the group, every division and 30 objects, for a year and for a month, and
 * prints the median and the slowest per set. Target: at most 50 ms per page. Then the social
 * side of a page (social return of the contracts, which start and end part way through a month,
 * the PSO estimate, certificates ending, opportunities), read on the page's worker thread. For
 * comparison it also times one plain GROUP BY division, month over the lines.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "impact-test-store.h"
#include "impact-test-utils.h"
#include "model/impact-format.h"
#include "query/impact-impact-query.h"
#include "query/impact-query.h"
#include "storage/impact-store-sroi.h"

#define N_LINES 1000000
#define N_SUPPLIERS 3000
#define N_DIVISIONS 6
#define N_OBJECTS 150
#define N_RUNS 15

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

/* Times the figures of each node @n_runs times; prints the median and the slowest. */
static void
time_pages (ImpactStore *store,
            const char *label,
            GPtrArray *nodes,
            const char *period_text)
{
  g_autoptr (GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  ImpactPeriod period;

  g_assert_true (impact_period_parse (period_text, 1, &period, NULL));
  for (guint run = 0; run < N_RUNS; run++)
    for (guint i = 0; i < nodes->len; i++)
      {
        g_autoptr (GError) error = NULL;
        g_autoptr (ImpactFigures) figures = NULL;
        gint64 start = g_get_monotonic_time ();

        figures = impact_query_figures (store, g_ptr_array_index (nodes, i), &period, 10, &error);
        g_assert_no_error (error);
        g_array_append_vals (times, &(double){ (g_get_monotonic_time () - start) / 1000.0 }, 1);
      }

  qsort (times->data, times->len, sizeof (double), compare_doubles);
  printf ("%-28s %-8s median %6.2f ms, slowest %6.2f ms (target <= 50)\n", label, period_text,
          g_array_index (times, double, times->len / 2), g_array_index (times, double, times->len - 1));
}

/* Times the social side of each node's page: what the dashboard's worker thread reads
 * besides the figures. */
static void
time_social (ImpactStore *store,
             const char *label,
             GPtrArray *nodes,
             const char *period_text)
{
  g_autoptr (GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  guint32 today = impact_day_from_iso ("2025-06-30");
  ImpactPeriod period;

  g_assert_true (impact_period_parse (period_text, 1, &period, NULL));
  for (guint run = 0; run < 5; run++)
    for (guint i = 0; i < nodes->len; i++)
      {
        const ImpactNode *node = g_ptr_array_index (nodes, i);
        g_autoptr (GError) error = NULL;
        g_autoptr (ImpactFigures) figures = impact_query_figures (store, node, &period, 10, &error);
        gint64 start = g_get_monotonic_time ();
        g_autoptr (ImpactSroiOverview) sroi = impact_query_sroi (store, node, today, &error);
        g_autoptr (ImpactPsoFigures) pso = node->level != IMPACT_NODE_OBJECT ? impact_query_pso (store, node, &period, &error)
                                                                             : NULL;
        g_autoptr (GPtrArray) expiring = impact_query_list_expiring (store, node, today, 0, 90, &error);
        g_autoptr (GPtrArray) opportunities = impact_query_opportunities (store, figures, 3, &error);

        g_assert_no_error (error);
        g_assert_true (sroi != NULL && expiring != NULL && opportunities != NULL
                       && (pso != NULL || node->level == IMPACT_NODE_OBJECT));
        g_array_append_vals (times, &(double){ (g_get_monotonic_time () - start) / 1000.0 }, 1);
      }

  qsort (times->data, times->len, sizeof (double), compare_doubles);
  printf ("%-28s %-8s median %6.2f ms, slowest %6.2f ms (the first reads the categories)\n", label, period_text,
          g_array_index (times, double, times->len / 2), g_array_index (times, double, times->len - 1));
}

/* The same database, the same figures, on the backend at @path. */
static void
bench (const char *path)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ImpactStore) store = impact_store_open (path, &error);
  g_autoptr (ImpactNode) group = impact_node_new (IMPACT_NODE_GROUP, "G", "Groep");
  g_autoptr (ImpactBatch) batch = impact_batch_new ("bench.csv", "purchases");
  g_autoptr (ImpactBulkInsert) insert = NULL;
  g_autoptr (GPtrArray) groups = g_ptr_array_new_with_free_func ((GDestroyNotify) impact_node_free);
  g_autoptr (GPtrArray) divisions = NULL;
  g_autoptr (GPtrArray) all_objects = NULL;
  g_autoptr (GPtrArray) objects = g_ptr_array_new ();
  gint64 division_ids[N_DIVISIONS], object_ids[N_OBJECTS], supplier_ids[N_SUPPLIERS];
  GRand *rand = g_rand_new_with_seed (42);
  guint32 first_day = impact_day_from_iso ("2023-01-01");
  gint64 start, rows = 0, node_rows = 0;

  g_assert_no_error (error);
  impact_store_begin (store, &error);
  group->id = impact_store_add_node (store, group, &error);
  for (guint d = 0; d < N_DIVISIONS; d++)
    {
      g_autofree char *code = g_strdup_printf ("D%u", d);
      g_autoptr (ImpactNode) division = impact_node_new (IMPACT_NODE_DIVISION, code, code);

      division->parent_id = group->id;
      division_ids[d] = impact_store_add_node (store, division, &error);
    }
  for (guint o = 0; o < N_OBJECTS; o++)
    {
      g_autofree char *code = g_strdup_printf ("D%u-%u", o % N_DIVISIONS, o);
      g_autoptr (ImpactNode) object = impact_node_new (IMPACT_NODE_OBJECT, code, code);
      ImpactSroiObligation obligation = { IMPACT_SROI_PERCENT, 5, -1, 0, 0, (char *) IMPACT_SROI_DEFAULT_RULE_SET };

      /* Contracts that start and end part way through a month: their edge months are read
       * from the lines. */
      object->parent_id = division_ids[o % N_DIVISIONS];
      object->contract_value_cents = 100000000 + o * 1000000;
      object->contract_start = first_day + 10 + o;
      object->contract_end = first_day + 1000 + o;
      object_ids[o] = impact_store_add_node (store, object, &error);
      impact_store_set_sroi_obligation (store, object_ids[o], &obligation, &error);
    }
  for (guint s = 0; s < N_SUPPLIERS; s++)
    {
      g_autofree char *name = g_strdup_printf ("Leverancier %u B.V.", s);
      g_autoptr (ImpactSupplier) supplier = impact_supplier_new (name);

      supplier_ids[s] = impact_store_add_supplier (store, supplier, &error);
      if (s % 10 == 3)
        {
          g_autoptr (ImpactStatus) status = impact_status_new (supplier_ids[s], 1 + s % 9,
                                                               first_day + g_rand_int_range (rand, 0, 900), 0);

          impact_store_add_status (store, status, &error);
        }
    }
  impact_store_commit (store, &error);
  g_assert_no_error (error);

  start = g_get_monotonic_time ();
  insert = impact_store_begin_batch (store, batch, &error);
  for (guint i = 0; i < N_LINES && error == NULL; i++)
    {
      /* A supplier drawn with weight 1 / (rank + 10): the first hundred take half the spend. */
      guint s = (guint) (10 * (pow (N_SUPPLIERS / 10.0 + 1, g_rand_double (rand)) - 1)) % N_SUPPLIERS;
      guint o = (s * 7 + g_rand_int_range (rand, 0, 3)) % N_OBJECTS;
      ImpactPurchaseLine line = {
        .invoice_day = first_day + g_rand_int_range (rand, 0, 3 * 365),
        .supplier_id = supplier_ids[s],
        .division_id = division_ids[o % N_DIVISIONS],
        .object_id = g_rand_int_range (rand, 0, 4) ? object_ids[o] : 0,
        .amount_cents = g_rand_int_range (rand, -20000, 500000),
        .invoice_number = "F1",
        .category = s % 3 == 0 ? "Schoonmaak" : s % 3 == 1 ? "Catering"
                                                           : "Techniek",
      };

      impact_bulk_insert_add (insert, &line, &error);
    }
  if (error == NULL)
    impact_bulk_insert_commit (insert, &error);
  g_assert_no_error (error);
  g_clear_pointer (&insert, impact_bulk_insert_free);
  impact_db_query_int (impact_store_get_db (store), "SELECT count (*) FROM spend_summary", &rows, NULL);
  impact_db_query_int (impact_store_get_db (store), "SELECT count (*) FROM node_summary", &node_rows, NULL);
  printf ("%d lines written in %.2f s; summary rows: %" G_GINT64_FORMAT " by supplier, %" G_GINT64_FORMAT " by node\n",
          N_LINES, (g_get_monotonic_time () - start) / 1e6, rows, node_rows);

  g_ptr_array_add (groups, impact_query_find_node (store, NULL, &error));
  divisions = impact_store_list_nodes (store, IMPACT_NODE_DIVISION, &error);
  all_objects = impact_store_list_nodes (store, IMPACT_NODE_OBJECT, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < all_objects->len; i += 5)
    g_ptr_array_add (objects, g_ptr_array_index (all_objects, i));

  time_pages (store, "group page", groups, "2024");
  time_pages (store, "group page", groups, "2024-06");
  time_pages (store, "division pages (6)", divisions, "2024");
  time_pages (store, "division pages (6)", divisions, "2024-06");
  time_pages (store, "object pages (30)", objects, "2024");
  time_pages (store, "object pages (30)", objects, "2024-06");
  time_social (store, "social side, group", groups, "2024");
  time_social (store, "social side, divisions (6)", divisions, "2024");
  time_social (store, "social side, objects (30)", objects, "2024");

  start = g_get_monotonic_time ();
  g_assert_true (impact_db_exec (impact_store_get_db (store),
                                 "SELECT division_id, invoice_day / 30, sum (amount_cents) FROM purchase_lines"
                                 " GROUP BY 1, 2",
                                 &error));
  printf ("for comparison, one GROUP BY division, month over the lines: %.0f ms\n",
          (g_get_monotonic_time () - start) / 1000.0);

  g_rand_free (rand);
}

int
main (int argc,
      char *argv[])
{
  g_autofree char *dir = impact_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "bench.sqlite", NULL);

  printf ("SQLite:\n");
  bench (path);
  impact_test_remove_tree (dir);

  /* Under tests/with-postgresql.sh (meson's bench-query-postgresql): the server too. */
  if (g_getenv ("IMPACT_TEST_POSTGRESQL") != NULL)
    {
      g_autofree char *location = impact_test_server_location ();

      printf ("PostgreSQL:\n");
      bench (location);
    }

  return 0;
}
