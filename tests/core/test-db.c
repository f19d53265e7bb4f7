/* test-db.c: the connection under the store, whatever engine holds it: transactions that
 * nest, a bulk writer's transaction, statements in the forms every engine accepts, and a
 * server's address that is never taken for a file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "impact-test-utils.h"
#include "storage/impact-db-stmt.h"
#include "storage/impact-store.h"

typedef struct
{
  char *dir;
  ImpactStore *store;
  ImpactDb *db;
} Fixture;

static void
fixture_set_up (Fixture *f,
                gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = NULL;

  f->dir = impact_test_make_tmpdir ();
  path = g_build_filename (f->dir, "impact.sqlite", NULL);
  f->store = impact_store_open (path, &error);
  g_assert_no_error (error);
  f->db = impact_store_get_db (f->store);
  g_assert_true (impact_db_exec (f->db, "CREATE TEMP TABLE t (i INTEGER PRIMARY KEY, s TEXT)", &error));
}

static void
fixture_tear_down (Fixture *f,
                   gconstpointer data)
{
  g_clear_object (&f->store);
  impact_test_remove_tree (f->dir);
  g_free (f->dir);
}

static void
insert (Fixture *f,
        gint64 i)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ImpactDbStmt) stmt = impact_db_stmt_new (f->db, "INSERT INTO t (i) VALUES (?)", &error);

  g_assert_no_error (error);
  impact_db_stmt_bind_int64 (stmt, 1, i);
  g_assert_true (impact_db_stmt_run (stmt, &error));
  g_assert_no_error (error);
}

/* The rows of t as "1,3". */
static char *
rows (Fixture *f)
{
  g_autoptr (ImpactDbStmt) stmt = impact_db_stmt_new (f->db, "SELECT i FROM t ORDER BY i", NULL);
  GString *text = g_string_new (NULL);

  while (impact_db_stmt_step (stmt, NULL) == IMPACT_DB_ROW)
    g_string_append_printf (text, "%s%" G_GINT64_FORMAT, text->len > 0 ? "," : "", impact_db_stmt_get_int64 (stmt, 0));

  return g_string_free (text, FALSE);
}

static gint64
query (Fixture *f,
       const char *sql)
{
  g_autoptr (GError) error = NULL;
  gint64 value = -1;

  g_assert_true (impact_db_query_int (f->db, sql, &value, &error));
  g_assert_no_error (error);

  return value;
}

/* A transaction inside another one is undone on its own, and undone with the outer one. */
static void
test_nested (Fixture *f,
             gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *after_inner = NULL;
  g_autofree char *after_outer = NULL;

  g_assert_false (impact_db_in_transaction (f->db));
  g_assert_true (impact_db_begin (f->db, &error));
  insert (f, 1);
  g_assert_true (impact_db_begin (f->db, &error));
  insert (f, 2);
  impact_db_rollback (f->db);
  g_assert_true (impact_db_in_transaction (f->db));
  g_assert_true (impact_db_begin (f->db, &error));
  insert (f, 3);
  g_assert_true (impact_db_commit (f->db, &error));
  g_assert_true (impact_db_in_transaction (f->db));
  g_assert_true (impact_db_commit (f->db, &error));
  g_assert_no_error (error);
  g_assert_false (impact_db_in_transaction (f->db));
  after_inner = rows (f);
  g_assert_cmpstr (after_inner, ==, "1,3");

  /* An inner transaction that was committed goes with the outer one that is undone. */
  g_assert_true (impact_db_begin (f->db, &error));
  insert (f, 4);
  g_assert_true (impact_db_begin (f->db, &error));
  insert (f, 5);
  g_assert_true (impact_db_commit (f->db, &error));
  impact_db_rollback (f->db);
  g_assert_false (impact_db_in_transaction (f->db));
  after_outer = rows (f);
  g_assert_cmpstr (after_outer, ==, "1,3");

  /* A rollback with nothing open does nothing. */
  impact_db_rollback (f->db);
  g_assert_false (impact_db_in_transaction (f->db));
}

/* A bulk writer's transaction has the engine's foreign-key checks off until it ends; inside
 * another transaction it is a savepoint that keeps them. */
static void
test_bulk (Fixture *f,
           gconstpointer data)
{
  g_autoptr (GError) error = NULL;

  g_assert_cmpint (query (f, "PRAGMA foreign_keys"), ==, 1);
  g_assert_true (impact_db_begin_bulk (f->db, &error));
  g_assert_cmpint (query (f, "PRAGMA foreign_keys"), ==, 0);
  g_assert_true (impact_db_commit (f->db, &error));
  g_assert_cmpint (query (f, "PRAGMA foreign_keys"), ==, 1);

  g_assert_true (impact_db_begin_bulk (f->db, &error));
  impact_db_rollback (f->db);
  g_assert_cmpint (query (f, "PRAGMA foreign_keys"), ==, 1);

  g_assert_true (impact_db_begin (f->db, &error));
  g_assert_true (impact_db_begin_bulk (f->db, &error));
  g_assert_cmpint (query (f, "PRAGMA foreign_keys"), ==, 1);
  g_assert_true (impact_db_commit (f->db, &error));
  g_assert_true (impact_db_commit (f->db, &error));
  g_assert_no_error (error);
  g_assert_cmpint (query (f, "PRAGMA foreign_keys"), ==, 1);
}

/* The store's statements: an insert gives its id (RETURNING), an upsert changes the row it
 * meets, counted as one change, and a DO NOTHING leaves it. */
static void
test_portable_forms (Fixture *f,
                     gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ImpactDbStmt) add = NULL;
  g_autoptr (ImpactDbStmt) upsert = NULL;
  g_autoptr (ImpactDbStmt) keep = NULL;
  g_autoptr (ImpactDbStmt) read = NULL;

  add = impact_db_stmt_new (f->db, "INSERT INTO t (s) VALUES (?) RETURNING i", &error);
  g_assert_no_error (error);
  impact_db_stmt_bind_text (add, 1, "a");
  g_assert_cmpint (impact_db_stmt_insert (add, &error), ==, 1);
  impact_db_stmt_bind_text (add, 1, "b");
  g_assert_cmpint (impact_db_stmt_insert (add, &error), ==, 2);
  g_assert_no_error (error);

  upsert = impact_db_stmt_new (f->db, "INSERT INTO t (i, s) VALUES (?1, ?2) ON CONFLICT (i) DO UPDATE SET s = excluded.s",
                               &error);
  g_assert_no_error (error);
  impact_db_stmt_bind_int64 (upsert, 1, 2);
  impact_db_stmt_bind_text (upsert, 2, "B");
  g_assert_true (impact_db_stmt_run (upsert, &error));
  g_assert_cmpint (impact_db_stmt_get_changes (upsert), ==, 1);

  keep = impact_db_stmt_new (f->db, "INSERT INTO t (i, s) VALUES (?, ?) ON CONFLICT (i) DO NOTHING", &error);
  g_assert_no_error (error);
  impact_db_stmt_bind_int64 (keep, 1, 1);
  impact_db_stmt_bind_text (keep, 2, "changed");
  g_assert_true (impact_db_stmt_run (keep, &error));
  g_assert_cmpint (impact_db_stmt_get_changes (keep), ==, 0);

  read = impact_db_stmt_new (f->db, "SELECT group_concat (s, '') FROM (SELECT s FROM t ORDER BY i)", &error);
  g_assert_true (impact_db_stmt_step_row (read, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (impact_db_stmt_get_text (read, 0), ==, "aB");
  g_assert_cmpint (query (f, "SELECT count(*) FROM t"), ==, 2);

  /* A query that must give a row and gives none is an error, not a zero. */
  g_clear_pointer (&read, impact_db_stmt_free);
  read = impact_db_stmt_new (f->db, "SELECT i FROM t WHERE i > 99", &error);
  g_assert_false (impact_db_stmt_step_row (read, &error));
  g_assert_error (error, IMPACT_STORE_ERROR, IMPACT_STORE_ERROR_FAILED);
}

/* A libpq URI or connection string is a server's address: recognised as one, and opening it
 * refuses it without creating a file or folder of that name. */
static void
test_server_location (void)
{
  static const char *const servers[] = {
    "postgresql://anna@db.example.org/impact",
    "postgres://localhost/impact",
    "service=impact",
    "host=/tmp/pg dbname=impact",
    " dbname = impact",
  };
  static const char *const files[] = {
    "impact.sqlite",
    "/home/anna/postgresql/impact.sqlite",
    "postgresql.sqlite",
    "./host=1.sqlite",
    "data/service.sqlite",
  };
  g_autofree char *dir = impact_test_make_tmpdir ();
  g_autofree char *cwd = g_get_current_dir ();
  g_autoptr (GDir) listing = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (servers); i++)
    g_assert_true (impact_db_location_is_server (servers[i]));
  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    g_assert_false (impact_db_location_is_server (files[i]));

  g_assert_cmpint (g_chdir (dir), ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (servers); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (ImpactDb) db = impact_db_open (servers[i], &error);

      g_assert_null (db);
      g_assert_error (error, IMPACT_STORE_ERROR, IMPACT_STORE_ERROR_UNSUPPORTED);
    }
  listing = g_dir_open (dir, 0, NULL);
  g_assert_null (g_dir_read_name (listing));
  g_assert_cmpint (g_chdir (cwd), ==, 0);
  impact_test_remove_tree (dir);
}

int
main (int argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/db/transactions/nested", test_nested);
  ADD ("/db/transactions/bulk", test_bulk);
  ADD ("/db/statements/portable-forms", test_portable_forms);
#undef ADD
  g_test_add_func ("/db/location/server", test_server_location);

  return g_test_run ();
}
