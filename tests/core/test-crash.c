/* test-crash.c: a bulk insert killed at any moment leaves whole batches or none
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <signal.h>
#include <stdio.h>
#include <sys/wait.h>

#include "impact-test-utils.h"
#include "storage/impact-db-stmt.h"
#include "storage/impact-store.h"

#define N_KILLS 25
#define LINES_PER_BATCH 150000

static void
check_database (const char *path,
                gint64 *n_batches)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ImpactStore) store = impact_store_open (path, &error);
  g_autoptr (ImpactDbStmt) integrity = NULL;
  g_autoptr (ImpactDbStmt) batches = NULL;
  ImpactDb *db;
  gint64 orphans = -1;

  g_assert_no_error (error);
  db = impact_store_get_db (store);

  integrity = impact_db_stmt_new (db, "PRAGMA integrity_check", &error);
  g_assert_true (impact_db_stmt_step_row (integrity, &error));
  g_assert_cmpstr (impact_db_stmt_get_text (integrity, 0), ==, "ok");

  /* Every batch that is there is whole: its lines, their count and their sum, found the
   * way undo finds them, by the range of ids the batch recorded. */
  batches = impact_db_stmt_new (db,
                                "SELECT b.id, b.rows_accepted, b.total_cents, count(p.id),"
                                " total(p.amount_cents) FROM import_batches b"
                                " LEFT JOIN purchase_lines p ON p.id BETWEEN b.first_line_id AND b.last_line_id"
                                " AND p.batch_id = b.id GROUP BY b.id",
                                &error);
  *n_batches = 0;
  while (impact_db_stmt_step (batches, &error) == IMPACT_DB_ROW)
    {
      g_assert_cmpint (impact_db_stmt_get_int64 (batches, 1), ==, LINES_PER_BATCH);
      g_assert_cmpint (impact_db_stmt_get_int64 (batches, 3), ==, LINES_PER_BATCH);
      g_assert_cmpint (impact_db_stmt_get_int64 (batches, 2), ==, (gint64) impact_db_stmt_get_double (batches, 4));
      (*n_batches)++;
    }

  g_assert_true (impact_db_query_int (db,
                                      "SELECT count(*) FROM purchase_lines WHERE batch_id NOT IN"
                                      " (SELECT id FROM import_batches)",
                                      &orphans, &error));
  g_assert_cmpint (orphans, ==, 0);

  /* No line lies outside its batch's range. */
  g_assert_true (impact_db_query_int (db,
                                      "SELECT count(*) - (SELECT coalesce (sum (rows_accepted), 0) FROM import_batches)"
                                      " FROM purchase_lines",
                                      &orphans, &error));
  g_assert_cmpint (orphans, ==, 0);
}

/* How long the helper takes to commit its first batch on this machine and build (a build
 * with sanitizers is several times slower), so that the kills fall before, during and after
 * commits whatever the speed. */
static gint64
time_first_commit (const char *helper,
                   const char *path,
                   const char *lines)
{
  const char *argv[] = { helper, path, lines, NULL };
  g_autoptr (GError) error = NULL;
  FILE *out;
  char buf[64];
  GPid pid;
  int out_fd, status;
  gint64 start = g_get_monotonic_time (), elapsed;

  g_assert_true (g_spawn_async_with_pipes (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD, NULL,
                                           NULL, &pid, NULL, &out_fd, NULL, &error));
  g_assert_no_error (error);
  out = fdopen (out_fd, "r");
  g_assert_nonnull (fgets (buf, sizeof buf, out));
  elapsed = g_get_monotonic_time () - start;
  g_assert_true (g_str_has_prefix (buf, "committed 0"));
  kill (pid, SIGKILL);
  waitpid (pid, &status, 0);
  g_spawn_close_pid (pid);
  fclose (out);

  return elapsed;
}

static void
test_kill_during_bulk_insert (void)
{
  g_autofree char *dir = impact_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "crash.sqlite", NULL);
  g_autofree char *helper = g_test_build_filename (G_TEST_BUILT, "crash-helper", NULL);
  g_autofree char *lines = g_strdup_printf ("%d", LINES_PER_BATCH);
  g_autoptr (GError) error = NULL;
  g_autoptr (GRand) rand = g_rand_new_with_seed (4242);
  gint64 n_batches = 0, most_batches = 0, batch_time;

  {
    g_autoptr (ImpactStore) store = impact_store_open (path, &error);
    g_autoptr (ImpactNode) group = impact_node_new (IMPACT_NODE_GROUP, "G", "Groep");
    g_autoptr (ImpactNode) division = impact_node_new (IMPACT_NODE_DIVISION, "D", "Divisie");
    g_autoptr (ImpactSupplier) supplier = impact_supplier_new ("Leverancier");

    division->parent_id = impact_store_add_node (store, group, &error);
    g_assert_cmpint (impact_store_add_node (store, division, &error), ==, 2);
    g_assert_cmpint (impact_store_add_supplier (store, supplier, &error), ==, 1);
    g_assert_no_error (error);
  }

  batch_time = time_first_commit (helper, path, lines);
  g_test_message ("one batch of %d lines takes %" G_GINT64_FORMAT " µs", LINES_PER_BATCH, batch_time);
  check_database (path, &most_batches);
  g_assert_cmpint (most_batches, ==, 1);

  for (guint i = 0; i < N_KILLS; i++)
    {
      const char *argv[] = { helper, path, lines, NULL };
      GPid pid;
      int status = 0;
      /* Up to two and a half batches: before the first commit, during one, after some. */
      gulong delay = g_rand_int_range (rand, 0, (gint32) MIN (batch_time * 5 / 2, G_MAXINT32));

      g_assert_true (g_spawn_async (NULL, (char **) argv, NULL,
                                    G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_STDOUT_TO_DEV_NULL,
                                    NULL, NULL, &pid, &error));
      g_assert_no_error (error);
      g_usleep (delay);
      kill (pid, SIGKILL);
      g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
      g_spawn_close_pid (pid);
      g_test_message ("kill %u after %lu µs: %s", i, delay,
                      WIFSIGNALED (status) ? "killed" : "had exited");
      g_assert_true (WIFSIGNALED (status));

      check_database (path, &n_batches);
      g_assert_cmpint (n_batches, >=, most_batches);
      most_batches = n_batches;
    }

  /* Some kills fell after a commit: batches beyond the first landed whole. */
  g_assert_cmpint (most_batches, >, 1);
  impact_test_remove_tree (dir);
}

int
main (int argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/crash/kill-during-bulk-insert", test_kill_during_bulk_insert);

  return g_test_run ();
}
