/* impact-test-store.c: filling a store by hand in the core tests; each helper fails the
 * test when the store refuses
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <unistd.h>

#include "impact-test-store.h"
#include "impact-test-utils.h"
#include "query/impact-impact-query.h"

gint64
impact_test_add_node (ImpactStore *store,
                      ImpactNodeLevel level,
                      const char *code,
                      const char *name,
                      gint64 parent_id)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ImpactNode) node = impact_node_new (level, code, name);
  gint64 id;

  node->parent_id = parent_id;
  id = impact_store_add_node (store, node, &error);
  g_assert_no_error (error);
  return id;
}

gint64
impact_test_add_supplier (ImpactStore *store,
                          const char *name)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ImpactSupplier) supplier = impact_supplier_new (name);
  gint64 id = impact_store_add_supplier (store, supplier, &error);

  g_assert_no_error (error);
  return id;
}

/* A status from @from until @until (NULL: open-ended). */
gint64
impact_test_add_status (ImpactStore *store,
                        gint64 supplier_id,
                        ImpactSocialClass kind,
                        const char *from,
                        const char *until)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ImpactStatus) status = impact_status_new (supplier_id, kind, D (from), until != NULL ? D (until) : 0);
  gint64 id = impact_store_add_status (store, status, &error);

  g_assert_no_error (error);
  return id;
}

/* Inserts the lines as one import; returns its batch id. */
gint64
impact_test_insert (ImpactStore *store,
                    const ImpactPurchaseLine *lines,
                    gsize n_lines)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ImpactBatch) batch = impact_batch_new ("test.csv", "purchases");
  gint64 id = impact_store_insert_lines (store, batch, lines, n_lines, NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

/* How many statuses end within 90 days of @today, as the dashboard's key figure counts them. */
guint
impact_test_count_expiring (ImpactStore *store,
                            guint32 today)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) list = impact_query_list_expiring (store, NULL, today, 0, 90, &error);

  g_assert_no_error (error);
  return list->len;
}

/* Imports @path into the new database @db, checks that it accepted @n_rows rows, removes
 * the database again and returns how long the import took (opening the store not
 * counted). The benchmarks time imports this way. */
double
impact_test_time_import (const char *path,
                         const char *db,
                         const ImpactImportOptions *options,
                         gint64 n_rows)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ImpactStore) store = impact_store_open (db, &error);
  g_autoptr (ImpactImportSummary) summary = NULL;
  gint64 start;
  double seconds;

  g_assert_no_error (error);
  start = g_get_monotonic_time ();
  summary = impact_import_file (store, path, options, NULL, &error);
  seconds = (g_get_monotonic_time () - start) / 1e6;
  g_assert_no_error (error);
  g_assert_cmpint (summary->rows_accepted, ==, n_rows);

  g_clear_object (&store);
  impact_test_remove_database (db);

  return seconds;
}

/* Whether the store tests run on PostgreSQL (meson's *-postgresql tests set
 * IMPACT_TEST_BACKEND=postgresql and run under tests/with-postgresql.sh) or on SQLite. */
gboolean
impact_test_on_postgresql (void)
{
  return g_strcmp0 (g_getenv ("IMPACT_TEST_BACKEND"), "postgresql") == 0;
}

/* A schema of its own on the throwaway server (IMPACT_TEST_POSTGRESQL), made now: the
 * location of a new, empty database there. */
char *
impact_test_server_location (void)
{
  static guint n_schemas;
  g_autoptr (GError) error = NULL;
  g_autoptr (ImpactDb) db = NULL;
  g_autofree char *schema = NULL;
  g_autofree char *create = NULL;
  const char *server = g_getenv ("IMPACT_TEST_POSTGRESQL");

  if (server == NULL)
    g_error ("IMPACT_TEST_POSTGRESQL is not set: run this test through tests/with-postgresql.sh");
  db = impact_db_open (server, &error);
  g_assert_no_error (error);
  schema = g_strdup_printf ("test_%d_%u", (int) getpid (), ++n_schemas);
  create = g_strdup_printf ("CREATE SCHEMA %s", schema);
  g_assert_true (impact_db_exec (db, create, &error));
  g_assert_no_error (error);

  return g_strdup_printf ("%s options='-csearch_path=%s'", server, schema);
}

/* Where a test case's new, empty database is: a file in @dir, or on PostgreSQL a schema of
 * its own on the throwaway server. */
char *
impact_test_database_location (const char *dir)
{
  if (!impact_test_on_postgresql ())
    return g_build_filename (dir, "impact.sqlite", NULL);

  return impact_test_server_location ();
}

void
impact_test_store_set_up (ImpactTestStore *f,
                          gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = NULL;

  f->dir = impact_test_make_tmpdir ();
  path = impact_test_database_location (f->dir);
  f->store = impact_store_open (path, &error);
  g_assert_no_error (error);
}

void
impact_test_store_tear_down (ImpactTestStore *f,
                             gconstpointer data)
{
  g_clear_object (&f->store);
  impact_test_remove_tree (f->dir);
  g_free (f->dir);
}
