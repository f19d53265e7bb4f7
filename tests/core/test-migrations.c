/* test-migrations.c: a database of an older schema opened by this version
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "impact-test-utils.h"
#include "query/impact-query.h"
#include "storage/impact-migrations.h"
#include "storage/impact-store.h"

static char *
make_v1_database (const char *dir,
                  const char *extra_sql)
{
  g_autofree char *script_path = g_test_build_filename (G_TEST_DIST, "data", "schema-v1.sql", NULL);
  g_autofree char *script = NULL;
  char *path = g_build_filename (dir, "old.sqlite", NULL);
  sqlite3 *db = NULL;

  g_assert_true (g_file_get_contents (script_path, &script, NULL, NULL));
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, script, NULL, NULL, NULL), ==, SQLITE_OK);
  if (extra_sql != NULL)
    g_assert_cmpint (sqlite3_exec (db, extra_sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  return path;
}

static gint64
query (ImpactDb *db,
       const char *sql)
{
  gint64 value = -1;

  g_assert_true (impact_db_query_int (db, sql, &value, NULL));

  return value;
}

static void
test_migrate_v1 (void)
{
  g_autofree char *dir = impact_test_make_tmpdir ();
  g_autofree char *path = make_v1_database (dir, NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (ImpactStore) store = impact_store_open (path, &error);
  g_autoptr (ImpactDb) backup = NULL;
  g_autoptr (ImpactSupplier) supplier = NULL;
  ImpactStoreCounts counts;
  ImpactSocialClass klass;
  ImpactDb *db;

  g_assert_no_error (error);
  db = impact_store_get_db (store);
  g_assert_cmpint (query (db, "PRAGMA user_version"), ==, impact_migrations_get_latest (db));

  /* The data of version 1 is all there. */
  g_assert_true (impact_store_get_counts (store, &counts, &error));
  g_assert_cmpint (counts.n_lines, ==, 3);
  g_assert_cmpint (counts.total_cents, ==, 175000);
  g_assert_cmpint (counts.social_cents, ==, 75000);
  g_assert_true (impact_store_classify (store, 2, 739300, &klass, &error));
  g_assert_cmpint (klass, ==, IMPACT_SOCIAL_CLASS_SW);

  /* Version 6's summary is worked out from the lines that were there. */
  {
    g_autoptr (ImpactNode) group = impact_query_find_node (store, NULL, &error);
    g_autoptr (ImpactFigures) figures = NULL;
    ImpactPeriod period;

    g_assert_no_error (error);
    g_assert_true (impact_query_get_data_period (store, &period, &error));
    figures = impact_query_figures (store, group, &period, 10, &error);
    g_assert_no_error (error);
    g_assert_cmpint (figures->spend.total_cents, ==, 175000);
    g_assert_cmpint (figures->spend.social_cents, ==, 75000);
    g_assert_cmpint (query (db, "SELECT count(*) FROM summary_dirty"), ==, 0);
  }

  /* What version 2 added works. */
  g_assert_true (impact_store_add_supplier_alias (store, 1, "JS Facility", &error));
  supplier = impact_store_find_supplier (store, NULL, NULL, NULL, "JS Facility BV", &error);
  g_assert_no_error (error);
  g_assert_cmpint (supplier->id, ==, 1);

  /* Version 11 found the ids of the batch's lines, and undoing the batch removes them. */
  g_assert_cmpint (query (db, "SELECT first_line_id * 10 + last_line_id FROM import_batches WHERE id = 1"), ==, 13);
  g_assert_cmpint (query (db, "SELECT count(*) FROM sqlite_schema WHERE name = 'purchase_lines_batch'"), ==, 0);

  /* A copy of the old file was kept, as it was. */
  g_assert_nonnull (impact_store_get_backup_path (store));
  g_assert_true (g_str_has_suffix (impact_store_get_backup_path (store), "old.sqlite.schema-1.bak"));
  backup = impact_db_open (impact_store_get_backup_path (store), &error);
  g_assert_no_error (error);
  g_assert_cmpint (query (backup, "PRAGMA user_version"), ==, 1);
  g_assert_cmpint (query (backup, "SELECT count(*) FROM purchase_lines"), ==, 3);
  g_assert_cmpint (query (backup, "SELECT count(*) FROM sqlite_schema WHERE name = 'meta'"), ==, 0);

  g_assert_true (impact_store_delete_batch (store, 1, &error));
  g_assert_no_error (error);
  g_assert_cmpint (query (db, "SELECT count(*) FROM purchase_lines"), ==, 0);

  g_clear_object (&store);
  g_clear_pointer (&backup, impact_db_close);
  impact_test_remove_tree (dir);
}

static void
test_failed_step_rolls_back (void)
{
  g_autofree char *dir = impact_test_make_tmpdir ();
  /* Someone made a table the next step wants to create: the step fails. */
  g_autofree char *path = make_v1_database (dir, "CREATE TABLE meta (x);");
  g_autoptr (GError) error = NULL;
  g_autoptr (ImpactStore) store = impact_store_open (path, &error);
  g_autoptr (ImpactDb) db = NULL;

  g_assert_null (store);
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "schema 2"));
  g_clear_error (&error);

  db = impact_db_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (query (db, "PRAGMA user_version"), ==, 1);
  g_assert_cmpint (query (db, "SELECT count(*) FROM sqlite_schema WHERE name = 'supplier_aliases'"), ==, 0);
  g_assert_cmpint (query (db, "SELECT count(*) FROM purchase_lines"), ==, 3);

  g_clear_pointer (&db, impact_db_close);
  impact_test_remove_tree (dir);
}

static void
test_reopen_is_no_op (void)
{
  g_autofree char *dir = impact_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "new.sqlite", NULL);
  g_autoptr (GError) error = NULL;
  ImpactStore *store = impact_store_open (path, &error);

  g_assert_no_error (error);
  g_object_unref (store);
  store = impact_store_open (path, &error);
  g_assert_no_error (error);
  /* Up to date already: no backup is made. */
  g_assert_null (impact_store_get_backup_path (store));
  g_object_unref (store);
  impact_test_remove_tree (dir);
}

int
main (int argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/migrations/v1", test_migrate_v1);
  g_test_add_func ("/migrations/failed-step-rolls-back", test_failed_step_rolls_back);
  g_test_add_func ("/migrations/reopen-is-no-op", test_reopen_is_no_op);

  return g_test_run ();
}
