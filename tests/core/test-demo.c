/* test-demo.c: the demo group is believable, complete and the same every time
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "demo/impact-demo.h"
#include "impact-test-utils.h"
#include "model/impact-format.h"
#include "storage/impact-db-stmt.h"

/* Shared by the tests: generating takes a second or two. */
static char *demo_dir;
static char *demo_path;
static ImpactStore *demo_store;
static guint32 reference_day;

static gint64
query (ImpactStore *store,
       const char *sql,
       gint64 parameter)
{
  g_autoptr (ImpactDbStmt) stmt = impact_db_stmt_new (impact_store_get_db (store), sql, NULL);

  g_assert_nonnull (stmt);
  /* A parameter the SQL does not have is not bound. */
  impact_db_stmt_bind_int64 (stmt, 1, parameter);
  g_assert_true (impact_db_stmt_step_row (stmt, NULL));

  return impact_db_stmt_get_int64 (stmt, 0);
}

static void
test_shape (void)
{
  ImpactStoreCounts counts;
  g_autoptr (GError) error = NULL;

  g_assert_true (impact_store_get_counts (demo_store, &counts, &error));
  g_assert_cmpint (counts.n_divisions, ==, 6);
  g_assert_cmpint (counts.n_objects, ==, 150);
  g_assert_cmpint (counts.n_suppliers, ==, 3000);
  g_assert_cmpint (counts.n_lines, ==, 300000);
  g_assert_true (impact_store_is_demo (demo_store));

  /* Three years up to the reference day. */
  g_assert_cmpint (counts.last_day, <=, reference_day);
  g_assert_cmpint (counts.last_day, >, reference_day - 10);
  g_assert_cmpint (counts.first_day, >=, reference_day - 3 * 365 + 1);
  g_assert_cmpint (counts.first_day, <, reference_day - 3 * 365 + 10);

  /* Tens of millions a year, of which a believable part is social. */
  g_assert_cmpint (counts.total_cents / 3, >, 10 * G_GINT64_CONSTANT (1000000) * 100);
  g_assert_cmpint (counts.total_cents / 3, <, 99 * G_GINT64_CONSTANT (1000000) * 100);
  g_assert_cmpfloat ((double) counts.social_cents / counts.total_cents, >, 0.03);
  g_assert_cmpfloat ((double) counts.social_cents / counts.total_cents, <, 0.20);
}

static void
test_statuses (void)
{
  static const char *const kinds[] = {
    "pso-30plus",
    "pso-3",
    "pso-2",
    "pso-1",
    "pso-base",
    "pso-aspirant",
    "sw",
    "social-enterprise",
    "own-social",
  };
  gint64 n_with_status = query (demo_store, "SELECT count(DISTINCT supplier_id) FROM supplier_statuses", 0);
  g_autoptr (ImpactDbStmt) stmt = NULL;

  /* About a tenth of the suppliers, with every kind among them. */
  g_assert_cmpint (n_with_status, >=, 250);
  g_assert_cmpint (n_with_status, <=, 350);
  stmt = impact_db_stmt_new (impact_store_get_db (demo_store), "SELECT count(*) FROM supplier_statuses WHERE kind = ?",
                             NULL);
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      impact_db_stmt_bind_text (stmt, 1, kinds[i]);
      g_assert_true (impact_db_stmt_step_row (stmt, NULL));
      g_test_message ("%s: %" G_GINT64_FORMAT, kinds[i], impact_db_stmt_get_int64 (stmt, 0));
      g_assert_cmpint (impact_db_stmt_get_int64 (stmt, 0), >, 0);
      impact_db_stmt_reset (stmt);
    }

  /* Some expired, some expiring within 90 days, some open-ended. */
  g_assert_cmpint (query (demo_store, "SELECT count(*) FROM supplier_statuses WHERE valid_until < ?",
                          reference_day),
                   >, 20);
  g_assert_cmpint (query (demo_store,
                          "SELECT count(*) FROM supplier_statuses WHERE valid_until BETWEEN ?1 AND ?1 + 90",
                          reference_day),
                   >=, 5);
  g_assert_cmpint (query (demo_store, "SELECT count(*) FROM supplier_statuses WHERE valid_until IS NULL", 0),
                   >=, 30);
  g_assert_cmpint (query (demo_store,
                          "SELECT count(*) FROM suppliers s JOIN supplier_statuses t ON t.supplier_id = s.id"
                          " WHERE t.kind = 'own-social' AND s.name = 'Buitengewoon B.V.'",
                          0),
                   ==, 1);
}

static void
test_spend_pattern (void)
{
  gint64 total = query (demo_store, "SELECT sum(amount_cents) FROM purchase_lines", 0);
  gint64 top10 = query (demo_store,
                        "SELECT sum(s) FROM (SELECT sum(amount_cents) AS s FROM purchase_lines"
                        " GROUP BY supplier_id ORDER BY s DESC LIMIT 10)",
                        0);
  gint64 credits = query (demo_store, "SELECT count(*) FROM purchase_lines WHERE amount_cents < 0", 0);
  gint64 linked = query (demo_store, "SELECT count(*) FROM purchase_lines WHERE object_id IS NOT NULL", 0);
  gint64 outside = query (demo_store,
                          "SELECT count(*) FROM purchase_lines p JOIN nodes o ON o.id = p.object_id"
                          " WHERE p.invoice_day NOT BETWEEN o.contract_start AND o.contract_end",
                          0);
  gint64 wrong_division = query (demo_store,
                                 "SELECT count(*) FROM purchase_lines p JOIN nodes o ON o.id = p.object_id"
                                 " WHERE o.parent_id <> p.division_id",
                                 0);

  /* Skewed: a few suppliers take a large part. */
  g_assert_cmpfloat ((double) top10 / total, >, 0.25);
  g_assert_cmpfloat ((double) top10 / total, <, 0.75);
  /* Credit notes, about 1.5% of the lines. */
  g_assert_cmpint (credits, >, 3000);
  g_assert_cmpint (credits, <, 6000);
  /* Lines linked to objects fall within the contract and belong to the object's division. */
  g_assert_cmpint (linked, >, 100000);
  g_assert_cmpint (outside, ==, 0);
  g_assert_cmpint (wrong_division, ==, 0);
  /* The twenty largest suppliers are not social: they are the engagement opportunities. */
  g_assert_cmpint (query (demo_store,
                          "SELECT count(*) FROM (SELECT supplier_id FROM purchase_lines"
                          " GROUP BY supplier_id ORDER BY sum(amount_cents) DESC LIMIT 15)"
                          " WHERE supplier_id IN (SELECT supplier_id FROM supplier_statuses)",
                          0),
                   ==, 0);
}

static void
test_deterministic (void)
{
  g_autofree char *dir = impact_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "again.sqlite", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (ImpactStore) store = impact_store_open (path, &error);
  ImpactStoreCounts a, b;
  const char *digest_sql = "SELECT sum(amount_cents * (id % 97)) + sum(invoice_day * supplier_id % 1000003)"
                           " FROM purchase_lines";

  g_assert_true (impact_demo_write (store, reference_day, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  impact_store_get_counts (store, &a, NULL);
  impact_store_get_counts (demo_store, &b, NULL);
  g_assert_cmpint (a.total_cents, ==, b.total_cents);
  g_assert_cmpint (a.social_cents, ==, b.social_cents);
  g_assert_cmpint (a.n_statuses, ==, b.n_statuses);
  g_assert_cmpint (query (store, digest_sql, 0), ==, query (demo_store, digest_sql, 0));

  g_clear_object (&store);
  impact_test_remove_tree (dir);
}

static void
test_refuses_data (void)
{
  g_autoptr (GError) error = NULL;

  g_assert_false (impact_demo_write (demo_store, reference_day, NULL, NULL, NULL, &error));
  g_assert_error (error, IMPACT_STORE_ERROR, IMPACT_STORE_ERROR_NOT_EMPTY);
  g_assert_cmpint (query (demo_store, "SELECT count(*) FROM purchase_lines", 0), ==, 300000);
}

static void
cancel_halfway (double fraction,
                gpointer user_data)
{
  if (fraction > 0.5)
    g_cancellable_cancel (user_data);
}

static void
test_cancel_leaves_nothing (void)
{
  g_autofree char *dir = impact_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "cancelled.sqlite", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (ImpactStore) store = impact_store_open (path, &error);
  g_autoptr (GCancellable) cancellable = g_cancellable_new ();

  g_assert_false (impact_demo_write (store, reference_day, cancellable, cancel_halfway, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_true (impact_store_is_empty (store, NULL));
  g_assert_false (impact_store_is_demo (store));

  g_clear_object (&store);
  impact_test_remove_tree (dir);
}

int
main (int argc,
      char *argv[])
{
  g_autoptr (GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);

  reference_day = impact_day_from_iso ("2026-11-22");
  demo_dir = impact_test_make_tmpdir ();
  demo_path = g_build_filename (demo_dir, "demo.sqlite", NULL);
  demo_store = impact_store_open (demo_path, &error);
  g_assert_no_error (error);
  g_assert_true (impact_demo_write (demo_store, reference_day, NULL, NULL, NULL, &error));
  g_assert_no_error (error);

  g_test_add_func ("/demo/shape", test_shape);
  g_test_add_func ("/demo/statuses", test_statuses);
  g_test_add_func ("/demo/spend-pattern", test_spend_pattern);
  g_test_add_func ("/demo/deterministic", test_deterministic);
  g_test_add_func ("/demo/refuses-data", test_refuses_data);
  g_test_add_func ("/demo/cancel-leaves-nothing", test_cancel_leaves_nothing);

  status = g_test_run ();

  g_clear_object (&demo_store);
  impact_test_remove_tree (demo_dir);
  g_free (demo_dir);
  g_free (demo_path);

  return status;
}
