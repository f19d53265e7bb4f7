/* test-access.c: access by division on a shared database, enforced by PostgreSQL
 *
 * Runs on a throwaway server (tests/with-postgresql.sh). An administrator makes the schema
 * and gives a division manager each of two divisions and a controller the whole group;
 * each then sees and imports what she may, and raw SQL as a division manager can neither
 * read nor change the other division's rows.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <unistd.h>

#include "impact-test-store.h"
#include "impact-test-utils.h"
#include "import/impact-importer.h"
#include "storage/impact-store-access.h"
#include "storage/impact-store-sroi.h"
#include "storage/impact-watcher.h"

typedef struct
{
  char *dir;
  char *schema;
  /* Login roles: the administrator (the schema's owner), the managers of the divisions
   * SCH and CAT, and the group's controller. */
  char *admin, *anna, *bert, *carla;
  ImpactStore *store;
  gint64 sch_id, cat_id, cat_object_id;
} Fixture;

static char *
location_of (Fixture *f,
             const char *role)
{
  return g_strdup_printf ("%s user=%s options='-csearch_path=%s'", g_getenv ("IMPACT_TEST_POSTGRESQL"), role,
                          f->schema);
}

static ImpactStore *
open_as (Fixture *f,
         const char *role)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *location = location_of (f, role);
  ImpactStore *store = impact_store_open (location, &error);

  g_assert_no_error (error);
  return store;
}

static ImpactDb *
raw_as (Fixture *f,
        const char *role)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *location = location_of (f, role);
  ImpactDb *db = impact_db_open (location, &error);

  g_assert_no_error (error);
  return db;
}

static gint64
query (ImpactDb *db,
       const char *sql)
{
  g_autoptr (GError) error = NULL;
  gint64 value = -1;

  g_assert_true (impact_db_query_int (db, sql, &value, &error));
  g_assert_no_error (error);
  return value;
}

static gint64
query_printf (ImpactDb *db,
              const char *format,
              ...) G_GNUC_PRINTF (2, 3);

static gint64
query_printf (ImpactDb *db,
              const char *format,
              ...)
{
  g_autofree char *sql = NULL;
  va_list args;

  va_start (args, format);
  sql = g_strdup_vprintf (format, args);
  va_end (args);

  return query (db, sql);
}

static ImpactImportSummary *
import_as (ImpactStore *store,
           Fixture *f,
           ImpactImportTarget target,
           const char *name,
           const char *contents,
           GError **error)
{
  ImpactImportOptions options = { .target = target };
  g_autofree char *path = g_build_filename (f->dir, name, NULL);

  g_assert_true (g_file_set_contents (path, contents, -1, NULL));
  return impact_import_file (store, path, &options, NULL, error);
}

static ImpactImportSummary *
import_csv (ImpactStore *store,
            Fixture *f,
            const char *name,
            const char *contents,
            GError **error)
{
  return import_as (store, f, IMPACT_IMPORT_PURCHASES, name, contents, error);
}

#define HEADER "Factuurdatum;Leverancier;KvK;Divisie;Object;Factuurnummer;Bedrag\n"

static void
fixture_set_up (Fixture *f,
                gconstpointer data)
{
  static guint n;
  g_autoptr (GError) error = NULL;
  g_autoptr (ImpactDb) super = NULL;
  g_autoptr (ImpactImportSummary) summary = NULL;
  g_autofree char *setup = NULL;
  g_autoptr (ImpactImportSummary) lines = NULL;
  ImpactSroiObligation obligation = { IMPACT_SROI_PERCENT, 5.0, -1, 0, 0.0, (char *) "default" };
  guint id = ++n;

  f->dir = impact_test_make_tmpdir ();
  f->schema = g_strdup_printf ("access_%d_%u", (int) getpid (), id);
  f->admin = g_strdup_printf ("admin_%d_%u", (int) getpid (), id);
  f->anna = g_strdup_printf ("anna_%d_%u", (int) getpid (), id);
  f->bert = g_strdup_printf ("bert_%d_%u", (int) getpid (), id);
  f->carla = g_strdup_printf ("carla_%d_%u", (int) getpid (), id);

  /* What the server's administrator does once: login roles, and a schema the group's
   * administrator owns. Names are the test's own, not data. */
  super = impact_db_open (g_getenv ("IMPACT_TEST_POSTGRESQL"), &error);
  g_assert_no_error (error);
  setup = g_strdup_printf ("CREATE ROLE %s LOGIN; CREATE ROLE %s LOGIN; CREATE ROLE %s LOGIN; CREATE ROLE %s LOGIN;"
                           "CREATE SCHEMA %s AUTHORIZATION %s",
                           f->admin, f->anna, f->bert, f->carla, f->schema, f->admin);
  g_assert_true (impact_db_exec (super, setup, &error));
  g_assert_no_error (error);

  /* The group's administrator: the schema, the organisation and a year of spend. */
  f->store = open_as (f, f->admin);
  summary = import_as (f->store, f, IMPACT_IMPORT_ORGANISATION, "organisatie.csv",
                       "Divisiecode;Divisie;Objectcode;Object\n"
                       "SCH;Schoonmaak;SCH-1;Stadhuis\n"
                       "CAT;Catering;CAT-1;Ziekenhuis\n",
                       &error);
  g_assert_no_error (error);
  g_assert_nonnull (summary);
  lines = import_csv (f->store, f, "inkoop.csv",
                      HEADER "03-02-2025;Jansen Schoonmaak B.V.;12345678;SCH;SCH-1;F1;1.000,00\n"
                             "04-02-2025;Groente Groothandel;23456789;CAT;CAT-1;F2;250,00\n"
                             "05-03-2025;Groente Groothandel;23456789;CAT;CAT-1;F3;750,50\n"
                             "06-03-2025;Jansen Schoonmaak B.V.;12345678;CAT;CAT-1;F4;99,50\n",
                      &error);
  g_assert_no_error (error);
  g_assert_cmpint (lines->rows_accepted, ==, 4);

  f->sch_id = query (impact_store_get_db (f->store), "SELECT id FROM nodes WHERE level = 1 AND code = 'SCH'");
  f->cat_id = query (impact_store_get_db (f->store), "SELECT id FROM nodes WHERE level = 1 AND code = 'CAT'");
  f->cat_object_id = query (impact_store_get_db (f->store), "SELECT id FROM nodes WHERE code = 'CAT-1'");
  g_assert_true (impact_store_set_sroi_obligation (f->store, f->cat_object_id, &obligation, &error));
  g_assert_no_error (error);

  g_assert_true (impact_store_grant (f->store, f->anna, "SCH", &error));
  g_assert_no_error (error);
  g_assert_true (impact_store_grant (f->store, f->bert, "CAT", &error));
  g_assert_no_error (error);
  g_assert_true (impact_store_grant (f->store, f->carla, NULL, &error));
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture *f,
                   gconstpointer data)
{
  g_clear_object (&f->store);
  impact_test_remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->schema);
  g_free (f->admin);
  g_free (f->anna);
  g_free (f->bert);
  g_free (f->carla);
}

static void
check_counts (ImpactStore *store,
              gint64 n_divisions,
              gint64 n_objects,
              gint64 n_lines,
              gint64 total_cents)
{
  g_autoptr (GError) error = NULL;
  ImpactStoreCounts counts;

  g_assert_true (impact_store_get_counts (store, &counts, &error));
  g_assert_no_error (error);
  g_assert_cmpint (counts.n_divisions, ==, n_divisions);
  g_assert_cmpint (counts.n_objects, ==, n_objects);
  g_assert_cmpint (counts.n_lines, ==, n_lines);
  g_assert_cmpint (counts.total_cents, ==, total_cents);
}

/* The group's spend per supplier and month (schema step 16) is spend_summary summed. */
static void
check_month_totals (Fixture *f)
{
  g_assert_cmpint (query (impact_store_get_db (f->store),
                          "SELECT count (*) FROM (SELECT month, supplier_id, class, sum (total_cents) AS t,"
                          " sum (n_lines) AS n FROM spend_summary GROUP BY month, supplier_id, class) AS a"
                          " FULL JOIN supplier_month_totals b USING (month, supplier_id, class)"
                          " WHERE a.t IS DISTINCT FROM b.total_cents OR a.n IS DISTINCT FROM b.n_lines"),
                   ==, 0);
  g_assert_cmpint (query (impact_store_get_db (f->store), "SELECT count (*) FROM supplier_month_totals"), >, 0);
}

/* Each sees what she was given: the division managers their division, the controller and
 * the administrator the whole group; the figures tables hold only what each may see. */
static void
test_each_sees_hers (Fixture *f,
                     gconstpointer data)
{
  g_autoptr (ImpactStore) anna = open_as (f, f->anna);
  g_autoptr (ImpactStore) bert = open_as (f, f->bert);
  g_autoptr (ImpactStore) carla = open_as (f, f->carla);
  g_autoptr (GPtrArray) divisions = NULL;
  g_autoptr (GError) error = NULL;
  gboolean whole = TRUE;

  check_counts (f->store, 2, 2, 4, 210000);
  check_counts (carla, 2, 2, 4, 210000);
  check_counts (anna, 1, 1, 1, 100000);
  check_counts (bert, 1, 1, 3, 110000);

  divisions = impact_store_list_nodes (anna, IMPACT_NODE_DIVISION, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (divisions->len, ==, 1);
  g_assert_cmpstr (((ImpactNode *) g_ptr_array_index (divisions, 0))->code, ==, "SCH");

  g_assert_true (impact_store_sees_whole_group (anna, &whole, &error));
  g_assert_false (whole);
  g_assert_true (impact_store_sees_whole_group (carla, &whole, &error));
  g_assert_true (whole);

  /* The group's suppliers by month, as each may see them: Jansen has 1,000.00 in SCH and
   * 99.50 in CAT. */
  g_assert_cmpint (query (impact_store_get_db (anna), "SELECT coalesce (sum (total_cents), 0) FROM supplier_month_summary"),
                   ==, 100000);
  g_assert_cmpint (query (impact_store_get_db (bert), "SELECT coalesce (sum (total_cents), 0) FROM supplier_month_summary"),
                   ==, 110000);
  g_assert_cmpint (query (impact_store_get_db (carla), "SELECT coalesce (sum (total_cents), 0) FROM supplier_month_summary"),
                   ==, 210000);
  /* Shared reference data: both suppliers, for everyone. */
  g_assert_cmpint (query (impact_store_get_db (anna), "SELECT count(*) FROM suppliers"), ==, 2);
}

/* A statement that the server must refuse. */
static void
refused (ImpactDb *db,
         const char *sql)
{
  g_autoptr (GError) error = NULL;

  g_test_message ("refused: %s", sql);
  g_assert_false (impact_db_exec (db, sql, &error));
  g_assert_error (error, IMPACT_STORE_ERROR, IMPACT_STORE_ERROR_READ_ONLY);
}

/* Raw SQL as a division manager, as psql would send it: the other division's rows cannot
 * be read, added, changed or deleted in any table that holds them. */
static void
test_raw_sql (Fixture *f,
              gconstpointer data)
{
  g_autoptr (ImpactDb) anna = raw_as (f, f->anna);
  ImpactDb *admin = impact_store_get_db (f->store);
  g_autoptr (GError) error = NULL;
  const char *const division_tables[] = { "purchase_lines", "spend_summary", "node_summary" };
  gint64 supplier = query (admin, "SELECT id FROM suppliers WHERE kvk = '23456789'");
  gint64 batch = query (admin, "SELECT max (id) FROM import_batches");
  g_autofree char *sql = NULL;

  /* Reading: nothing of CAT, whatever the table. */
  for (guint t = 0; t < G_N_ELEMENTS (division_tables); t++)
    {
      g_assert_cmpint (query_printf (admin, "SELECT count(*) FROM %s WHERE division_id = %" G_GINT64_FORMAT,
                                     division_tables[t], f->cat_id),
                       >, 0);
      g_assert_cmpint (query_printf (anna, "SELECT count(*) FROM %s WHERE division_id = %" G_GINT64_FORMAT,
                                     division_tables[t], f->cat_id),
                       ==, 0);
    }
  g_assert_cmpint (query_printf (anna, "SELECT count(*) FROM nodes WHERE id = %" G_GINT64_FORMAT " OR parent_id = %" G_GINT64_FORMAT,
                                 f->cat_id, f->cat_id),
                   ==, 0);
  g_assert_cmpint (query (anna, "SELECT count(*) FROM sroi_obligations"), ==, 0);
  g_assert_cmpint (query (admin, "SELECT count(*) FROM sroi_obligations"), ==, 1);
  /* The administrator's imports are hers alone (and the group's). */
  g_assert_cmpint (query (anna, "SELECT count(*) FROM import_batches"), ==, 0);
  /* The group's spend per supplier and month is the group's; through the view she reads
   * her own division's, summed. */
  g_assert_cmpint (query (admin, "SELECT count(*) FROM supplier_month_totals"), >, 0);
  g_assert_cmpint (query (anna, "SELECT count(*) FROM supplier_month_totals"), ==, 0);
  g_assert_cmpint (query (anna, "SELECT coalesce (sum (total_cents), 0) FROM supplier_month_summary"), ==,
                   query_printf (admin, "SELECT sum (total_cents) FROM spend_summary WHERE division_id = %" G_GINT64_FORMAT,
                                 f->sch_id));

  /* Changing and deleting: the rows are not there for her, so nothing changes. */
  {
    gint64 cat = f->cat_id;
    char *changes[] = {
      g_strdup_printf ("UPDATE purchase_lines SET amount_cents = 0 WHERE division_id = %" G_GINT64_FORMAT, cat),
      g_strdup_printf ("DELETE FROM purchase_lines WHERE division_id = %" G_GINT64_FORMAT, cat),
      g_strdup_printf ("DELETE FROM spend_summary WHERE division_id = %" G_GINT64_FORMAT, cat),
      g_strdup_printf ("UPDATE node_summary SET total_cents = 0 WHERE division_id = %" G_GINT64_FORMAT, cat),
      g_strdup_printf ("DELETE FROM sroi_obligations WHERE object_id IN (SELECT id FROM nodes WHERE parent_id = %" G_GINT64_FORMAT ")",
                       cat),
      g_strdup_printf ("UPDATE nodes SET name = 'x' WHERE parent_id = %" G_GINT64_FORMAT " OR id = %" G_GINT64_FORMAT, cat, cat),
    };

    for (guint c = 0; c < G_N_ELEMENTS (changes); c++)
      {
        g_assert_true (impact_db_exec (anna, changes[c], &error));
        g_assert_no_error (error);
        g_free (changes[c]);
      }
    /* By the object's own id, which she knows from elsewhere. */
    g_clear_pointer (&sql, g_free);
    sql = g_strdup_printf ("DELETE FROM sroi_obligations WHERE object_id = %" G_GINT64_FORMAT, f->cat_object_id);
    g_assert_true (impact_db_exec (anna, sql, &error));
    g_assert_no_error (error);
  }
  g_assert_cmpint (query_printf (admin, "SELECT count(*) FROM purchase_lines WHERE division_id = %" G_GINT64_FORMAT " AND amount_cents <> 0", f->cat_id),
                   ==, 3);
  g_assert_cmpint (query_printf (admin, "SELECT count(*) FROM spend_summary WHERE division_id = %" G_GINT64_FORMAT, f->cat_id),
                   >, 0);
  g_assert_cmpint (query_printf (admin, "SELECT sum (total_cents) FROM node_summary WHERE division_id = %" G_GINT64_FORMAT,
                                 f->cat_id),
                   ==, 110000);
  g_assert_cmpint (query (admin, "SELECT count(*) FROM sroi_obligations"), ==, 1);
  g_assert_cmpint (query (admin, "SELECT count(*) FROM nodes WHERE code = 'CAT-1' AND name = 'Ziekenhuis'"), ==, 1);

  /* Adding rows to CAT, or moving her own there: refused by the policies' checks. */
  g_clear_pointer (&sql, g_free);
  sql = g_strdup_printf ("INSERT INTO purchase_lines (batch_id, invoice_day, supplier_id, division_id, amount_cents)"
                         " VALUES (%" G_GINT64_FORMAT ", 739000, %" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ", 100)",
                         batch, supplier, f->cat_id);
  refused (anna, sql);
  g_clear_pointer (&sql, g_free);
  sql = g_strdup_printf ("UPDATE purchase_lines SET division_id = %" G_GINT64_FORMAT, f->cat_id);
  refused (anna, sql);
  g_clear_pointer (&sql, g_free);
  sql = g_strdup_printf ("INSERT INTO spend_summary VALUES (%" G_GINT64_FORMAT ", 0, 24300, %" G_GINT64_FORMAT ", 0, 1, 1)",
                         f->cat_id, supplier);
  refused (anna, sql);
  g_clear_pointer (&sql, g_free);
  sql = g_strdup_printf ("INSERT INTO nodes (parent_id, level, code, name) VALUES (%" G_GINT64_FORMAT ", 2, 'CAT-9', 'x')",
                         f->cat_id);
  refused (anna, sql);
  g_clear_pointer (&sql, g_free);
  sql = g_strdup_printf ("INSERT INTO sroi_obligations (object_id, kind, percent) VALUES (%" G_GINT64_FORMAT ", 'percent', 1)",
                         f->cat_object_id);
  refused (anna, sql);
  refused (anna, "INSERT INTO nodes (parent_id, level, code, name) SELECT id, 1, 'NEW', 'Nieuw' FROM nodes WHERE level = 0");
  /* The certificates, the access list and the functions that give access are not hers to
   * change. */
  g_clear_pointer (&sql, g_free);
  sql = g_strdup_printf ("INSERT INTO supplier_statuses (supplier_id, kind) VALUES (%" G_GINT64_FORMAT ", 'sw')", supplier);
  refused (anna, sql);
  refused (anna, "UPDATE access_grants SET division_id = NULL");
  refused (anna, "INSERT INTO supplier_month_totals VALUES (24300, 1, 0, 100, 1)");
  refused (anna, "UPDATE supplier_month_totals SET total_cents = 0");
  g_clear_pointer (&sql, g_free);
  sql = g_strdup_printf ("SELECT impact_grant ('%s', NULL)", f->anna);
  refused (anna, sql);
  refused (anna, "ALTER TABLE purchase_lines DISABLE ROW LEVEL SECURITY");

  /* Her own division's rows are hers to change. */
  g_assert_true (impact_db_exec (anna, "UPDATE nodes SET name = 'Schoonmaak Noord' WHERE level = 1", &error));
  g_assert_no_error (error);
  g_assert_cmpint (query (admin, "SELECT count(*) FROM nodes WHERE name = 'Schoonmaak Noord'"), ==, 1);
}

/* A statement that breaks what the lines refer to (schema step 15): refused as a foreign
 * key would refuse it. */
static void
broken (ImpactDb *db,
        const char *sql)
{
  g_autoptr (GError) error = NULL;

  g_test_message ("broken: %s", sql);
  g_assert_false (impact_db_exec (db, sql, &error));
  g_assert_error (error, IMPACT_STORE_ERROR, IMPACT_STORE_ERROR_CONSTRAINT);
}

/* What purchase lines refer to, kept by the server's triggers instead of foreign keys: a
 * line must refer to a supplier, division and import that are there and that its writer
 * may see (not the administrator's import, not a division of another's); a supplier or
 * division with lines cannot be deleted, renumbered or truncated away, also when the lines
 * are ones the deleting role cannot see; deleting an import deletes its lines. */
static void
test_references (Fixture *f,
                 gconstpointer data)
{
  g_autoptr (ImpactDb) anna = raw_as (f, f->anna);
  ImpactDb *admin = impact_store_get_db (f->store);
  g_autoptr (GError) error = NULL;
  gint64 jansen = query (admin, "SELECT id FROM suppliers WHERE kvk = '12345678'");
  gint64 groente = query (admin, "SELECT id FROM suppliers WHERE kvk = '23456789'");
  gint64 batch = query (admin, "SELECT max (id) FROM import_batches");
  gint64 n_lines = query (admin, "SELECT count (*) FROM purchase_lines");
  gint64 anna_batch;
  char *statements[7];

  g_assert_true (impact_db_exec (anna, "INSERT INTO import_batches (file_name, content_hash, target, imported_at)"
                                       " VALUES ('eigen.csv', 'x', 'purchases', 0)",
                                 &error));
  g_assert_no_error (error);
  anna_batch = query (anna, "SELECT max (id) FROM import_batches");
  g_assert_cmpint (anna_batch, >, batch);

  /* Her own line, in her own import, division and supplier: taken. */
  statements[0] = g_strdup_printf ("INSERT INTO purchase_lines (batch_id, invoice_day, supplier_id, division_id, amount_cents)"
                                   " VALUES (%" G_GINT64_FORMAT ", 739000, %" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ", 100)",
                                   anna_batch, jansen, f->sch_id);
  g_assert_true (impact_db_exec (anna, statements[0], &error));
  g_assert_no_error (error);
  g_free (statements[0]);

  /* Under the administrator's import, with a supplier or an object that is not there. */
  statements[0] = g_strdup_printf ("INSERT INTO purchase_lines (batch_id, invoice_day, supplier_id, division_id, amount_cents)"
                                   " VALUES (%" G_GINT64_FORMAT ", 739000, %" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ", 100)",
                                   batch, jansen, f->sch_id);
  statements[1] = g_strdup_printf ("INSERT INTO purchase_lines (batch_id, invoice_day, supplier_id, division_id, amount_cents)"
                                   " VALUES (%" G_GINT64_FORMAT ", 739000, 424242, %" G_GINT64_FORMAT ", 100)",
                                   anna_batch, f->sch_id);
  statements[2] = g_strdup_printf ("INSERT INTO purchase_lines (batch_id, invoice_day, supplier_id, division_id, object_id,"
                                   " amount_cents) VALUES (%" G_GINT64_FORMAT ", 739000, %" G_GINT64_FORMAT
                                   ", %" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ", 100)",
                                   anna_batch, jansen, f->sch_id, f->cat_object_id);
  /* Moving her line to an import that is not there. */
  statements[3] = g_strdup ("UPDATE purchase_lines SET batch_id = 424242");
  /* A supplier whose lines are (also) in the other division; renumbering one. */
  statements[4] = g_strdup_printf ("DELETE FROM suppliers WHERE id = %" G_GINT64_FORMAT, groente);
  statements[5] = g_strdup_printf ("UPDATE suppliers SET id = 424242 WHERE id = %" G_GINT64_FORMAT, jansen);
  /* Her object with lines. */
  statements[6] = g_strdup ("DELETE FROM nodes WHERE code = 'SCH-1'");
  for (guint i = 0; i < G_N_ELEMENTS (statements); i++)
    {
      broken (anna, statements[i]);
      g_free (statements[i]);
    }
  broken (admin, "TRUNCATE suppliers CASCADE");
  g_assert_cmpint (query (admin, "SELECT count (*) FROM purchase_lines"), ==, n_lines + 1);

  /* Deleting an import deletes its lines, hers and the administrator's. */
  g_assert_true (impact_db_exec (admin, "DELETE FROM import_batches", &error));
  g_assert_no_error (error);
  g_assert_cmpint (query (admin, "SELECT count (*) FROM purchase_lines"), ==, 0);
}

/* A division manager imports her division's lines; a file with another division's lines is
 * refused whole, naming it and its first row, and nothing of it is written. */
static void
test_import (Fixture *f,
             gconstpointer data)
{
  g_autoptr (ImpactStore) anna = open_as (f, f->anna);
  g_autoptr (ImpactStore) carla = open_as (f, f->carla);
  g_autoptr (ImpactImportSummary) mine = NULL;
  g_autoptr (ImpactImportSummary) mixed = NULL;
  g_autoptr (GPtrArray) batches = NULL;
  g_autoptr (GError) error = NULL;

  mine = import_csv (anna, f, "sch.csv",
                     HEADER "10-04-2025;Jansen Schoonmaak B.V.;12345678;SCH;SCH-1;S1;200,00\n"
                            "11-04-2025;Nieuwe Leverancier;34567890;SCH;SCH-2;S2;50,00\n",
                     &error);
  g_assert_no_error (error);
  g_assert_cmpint (mine->rows_accepted, ==, 2);
  check_counts (anna, 1, 2, 3, 125000);
  check_counts (f->store, 2, 3, 6, 235000);
  check_month_totals (f);

  mixed = import_csv (anna, f, "gemengd.csv",
                      HEADER "12-04-2025;Jansen Schoonmaak B.V.;12345678;SCH;SCH-1;S3;10,00\n"
                             "13-04-2025;Groente Groothandel;23456789;CAT;CAT-1;S4;20,00\n"
                             "14-04-2025;Groente Groothandel;23456789;FAC;FAC-1;S5;30,00\n"
                             "15-04-2025;Groente Groothandel;23456789;CAT;CAT-1;S6;40,00\n",
                      &error);
  g_assert_null (mixed);
  g_assert_error (error, IMPACT_IMPORT_ERROR, IMPACT_IMPORT_ERROR_ACCESS);
  g_assert_nonnull (strstr (error->message, "CAT (row 3), FAC (row 4)"));
  g_assert_nonnull (strstr (error->message, "gemengd.csv"));
  g_clear_error (&error);
  check_counts (f->store, 2, 3, 6, 235000);

  /* Her import is hers and the group's, not her colleague's; she can undo it. */
  batches = impact_store_list_batches (anna, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (batches->len, ==, 1);
  g_clear_pointer (&batches, g_ptr_array_unref);
  batches = impact_store_list_batches (carla, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (batches->len, ==, 3);
  g_assert_true (impact_store_delete_batch (anna, mine->batch_id, &error));
  g_assert_no_error (error);
  /* The object the file named stays, as on undo in a file. */
  check_counts (f->store, 2, 3, 4, 210000);
  check_month_totals (f);
}

typedef struct
{
  Fixture *f;
  const char *role;
  const char *name;
  const char *contents;
  gint64 accepted;
  GError *error;
} Concurrent;

static gpointer
import_in_thread (gpointer data)
{
  Concurrent *c = data;
  g_autoptr (ImpactStore) store = open_as (c->f, c->role);
  g_autoptr (ImpactImportSummary) summary = import_csv (store, c->f, c->name, c->contents, &c->error);

  c->accepted = summary != NULL ? summary->rows_accepted : -1;

  return NULL;
}

/* Two managers import at the same moment, each into her own division, with a supplier both
 * know and one new to each: both imports land whole. */
static void
test_import_at_once (Fixture *f,
                     gconstpointer data)
{
  g_autoptr (GString) sch = g_string_new (HEADER);
  g_autoptr (GString) cat = g_string_new (HEADER);
  Concurrent imports[] = {
    { f, f->anna, "sch.csv", NULL, 0, NULL },
    { f, f->bert, "cat.csv", NULL, 0, NULL },
  };
  GThread *threads[G_N_ELEMENTS (imports)];

  /* Each file has a supplier of its own that is new, and one new to both (Samen B.V.): one
   * import creates it, the other finds it. */
  for (guint i = 0; i < 5000; i++)
    {
      gboolean shared = i % 5 == 0;

      g_string_append_printf (sch, "%02u-05-2025;%s;%s;SCH;SCH-1;A%u;10,00\n", 1 + i % 28,
                              shared ? "Samen B.V." : i % 2 ? "Jansen Schoonmaak B.V."
                                                            : "Nieuw Schoon",
                              shared ? "67890123" : i % 2 ? "12345678"
                                                          : "45678901",
                              i);
      g_string_append_printf (cat, "%02u-05-2025;%s;%s;CAT;CAT-1;B%u;20,00\n", 1 + i % 28,
                              shared ? "Samen B.V." : i % 2 ? "Jansen Schoonmaak B.V."
                                                            : "Nieuw Eten",
                              shared ? "67890123" : i % 2 ? "12345678"
                                                          : "56789012",
                              i);
    }
  imports[0].contents = sch->str;
  imports[1].contents = cat->str;
  for (guint i = 0; i < G_N_ELEMENTS (imports); i++)
    threads[i] = g_thread_new ("import", import_in_thread, &imports[i]);
  for (guint i = 0; i < G_N_ELEMENTS (imports); i++)
    {
      g_thread_join (threads[i]);
      g_assert_no_error (imports[i].error);
      g_assert_cmpint (imports[i].accepted, ==, 5000);
    }

  check_counts (f->store, 2, 2, 4 + 10000, 210000 + 5000 * 1000 + 5000 * 2000);
  g_assert_cmpint (query (impact_store_get_db (f->store), "SELECT count(*) FROM suppliers"), ==, 5);
  g_assert_cmpint (query (impact_store_get_db (f->store),
                          "SELECT count(*) FROM purchase_lines l JOIN suppliers s ON s.id = l.supplier_id"
                          " WHERE s.kvk = '67890123'"),
                   ==, 2000);
}

/* Waits up to 5 s for the watcher's socket, then reads what came. */
static GPtrArray *
wait_for_changes (ImpactWatcher *watcher)
{
  g_autoptr (GError) error = NULL;
  GPollFD poll_fd = { impact_watcher_get_fd (watcher), G_IO_IN, 0 };
  GPtrArray *changes = NULL;

  for (gint64 end = g_get_monotonic_time () + 5 * G_USEC_PER_SEC; g_get_monotonic_time () < end;)
    {
      g_poll (&poll_fd, 1, 100);
      changes = impact_watcher_read (watcher, &error);
      g_assert_no_error (error);
      if (changes->len > 0)
        return changes;
      g_ptr_array_unref (changes);
    }

  return g_ptr_array_new ();
}

/* Whether @changes has one of @kind by @role, made on @store's connection. */
static gboolean
has_change (GPtrArray *changes,
            const char *role,
            ImpactStore *store,
            ImpactChangeKind kind)
{
  gint64 session = impact_db_get_session (impact_store_get_db (store));

  g_assert_cmpint (session, >, 0);
  for (guint i = 0; i < changes->len; i++)
    {
      const ImpactChange *change = g_ptr_array_index (changes, i);

      if (g_str_equal (change->role, role) && change->session == session && change->kind == kind)
        return TRUE;
    }

  return FALSE;
}

/* An open window's watcher hears of a colleague's import, its undo and an edit, with who
 * made them, once each is committed; a change in another schema is not its business. */
static void
test_watch (Fixture *f,
            gconstpointer data)
{
  g_autofree char *location = location_of (f, f->carla);
  g_autoptr (GError) error = NULL;
  g_autoptr (ImpactWatcher) watcher = impact_watcher_new (location, &error);
  g_autoptr (ImpactStore) bert = open_as (f, f->bert);
  g_autoptr (ImpactImportSummary) summary = NULL;
  g_autoptr (GPtrArray) changes = NULL;
  g_autoptr (GPtrArray) none = NULL;
  g_autoptr (ImpactStore) other = NULL;
  g_autoptr (ImpactStore) carla = NULL;
  g_autofree char *elsewhere = impact_test_server_location ();

  g_assert_no_error (error);
  g_assert_true (impact_watcher_can_watch (location));
  g_assert_false (impact_watcher_can_watch ("/tmp/impact.sqlite"));

  summary = import_csv (bert, f, "cat.csv", HEADER "01-06-2025;Groente Groothandel;23456789;CAT;CAT-1;W1;5,00\n", &error);
  g_assert_no_error (error);
  changes = wait_for_changes (watcher);
  g_assert_true (has_change (changes, f->bert, bert, IMPACT_CHANGE_IMPORT));
  g_clear_pointer (&changes, g_ptr_array_unref);

  g_assert_true (impact_store_delete_batch (bert, summary->batch_id, &error));
  g_assert_no_error (error);
  changes = wait_for_changes (watcher);
  g_assert_true (has_change (changes, f->bert, bert, IMPACT_CHANGE_UNDO));
  g_clear_pointer (&changes, g_ptr_array_unref);

  g_assert_true (impact_store_set_share_target (f->store, f->cat_id, 12.5, &error));
  g_assert_no_error (error);
  changes = wait_for_changes (watcher);
  g_assert_true (has_change (changes, f->admin, f->store, IMPACT_CHANGE_EDIT));
  g_clear_pointer (&changes, g_ptr_array_unref);

  /* The watcher's own role on another connection (her second window, the command line):
   * told with that connection, which is not the watching window's store. */
  carla = open_as (f, f->carla);
  g_assert_true (impact_store_set_share_target (carla, f->cat_id, 15.0, &error));
  g_assert_no_error (error);
  changes = wait_for_changes (watcher);
  g_assert_true (has_change (changes, f->carla, carla, IMPACT_CHANGE_EDIT));
  g_assert_cmpstr (impact_watcher_get_role (watcher), ==, f->carla);

  /* Another dataset on the same server: nothing for this one. */
  other = impact_store_open (elsewhere, &error);
  g_assert_no_error (error);
  g_assert_cmpint (impact_test_add_node (other, IMPACT_NODE_GROUP, "G", "Ander", 0), >, 0);
  g_usleep (300 * 1000);
  none = impact_watcher_read (watcher, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (none->len, ==, 0);
}

/* Access is listed, taken away and refused where there is none; a file has no access to
 * give. */
static void
test_grant_revoke (Fixture *f,
                   gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) grants = NULL;
  g_autoptr (ImpactStore) anna = NULL;
  g_autoptr (ImpactStore) file = NULL;
  g_autofree char *location = NULL;
  g_autofree char *path = NULL;
  gboolean keeps = FALSE;

  grants = impact_store_list_grants (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (grants->len, ==, 4);
  for (guint i = 0; i < grants->len; i++)
    {
      const ImpactAccessGrant *grant = g_ptr_array_index (grants, i);

      if (g_str_equal (grant->role, f->anna))
        g_assert_cmpstr (grant->division_code, ==, "SCH");
      else if (g_str_equal (grant->role, f->bert))
        g_assert_cmpstr (grant->division_name, ==, "Catering");
      else
        g_assert_null (grant->division_code);
    }

  /* A second division for Anna. */
  g_assert_true (impact_store_grant (f->store, f->anna, "CAT", &error));
  g_assert_no_error (error);
  anna = open_as (f, f->anna);
  check_counts (anna, 2, 2, 4, 210000);
  g_clear_object (&anna);

  /* The whole group for Anna, then taken away again: she keeps her two divisions, and
   * their privileges only (no writing certificates, which the group may). */
  g_assert_true (impact_store_grant (f->store, f->anna, NULL, &error));
  g_assert_no_error (error);
  {
    g_autoptr (ImpactDb) raw = raw_as (f, f->anna);
    gint64 supplier = query (impact_store_get_db (f->store), "SELECT min (id) FROM suppliers");
    g_autofree char *certificate = g_strdup_printf ("INSERT INTO supplier_statuses (supplier_id, kind)"
                                                    " VALUES (%" G_GINT64_FORMAT ", 'sw')",
                                                    supplier);

    g_assert_true (impact_db_exec (raw, certificate, &error));
    g_assert_no_error (error);
    g_assert_true (impact_store_revoke_grant (f->store, f->anna, NULL, &keeps, &error));
    g_assert_no_error (error);
    g_assert_true (keeps);
    refused (raw, certificate);
  }
  anna = open_as (f, f->anna);
  check_counts (anna, 2, 2, 4, 210000);
  g_clear_object (&anna);
  /* One division taken away: the other stays. */
  keeps = FALSE;
  g_assert_true (impact_store_revoke_grant (f->store, f->anna, "CAT", &keeps, &error));
  g_assert_no_error (error);
  g_assert_true (keeps);
  anna = open_as (f, f->anna);
  check_counts (anna, 1, 1, 1, 100000);
  g_clear_object (&anna);

  /* A division manager may not give access. */
  anna = open_as (f, f->anna);
  g_assert_false (impact_store_grant (anna, f->anna, NULL, &error));
  g_assert_error (error, IMPACT_STORE_ERROR, IMPACT_STORE_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_clear_object (&anna);

  g_assert_false (impact_store_grant (f->store, "nobody_here", NULL, &error));
  g_assert_error (error, IMPACT_STORE_ERROR, IMPACT_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (impact_store_grant (f->store, f->anna, "NOPE", &error));
  g_assert_error (error, IMPACT_STORE_ERROR, IMPACT_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_true (impact_store_revoke (f->store, f->anna, &error));
  g_assert_no_error (error);
  location = location_of (f, f->anna);
  g_assert_null (impact_store_open (location, &error));
  g_assert_error (error, IMPACT_STORE_ERROR, IMPACT_STORE_ERROR_READ_ONLY);
  g_clear_error (&error);

  path = g_build_filename (f->dir, "impact.sqlite", NULL);
  file = impact_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_false (impact_store_grant (file, f->bert, NULL, &error));
  g_assert_error (error, IMPACT_STORE_ERROR, IMPACT_STORE_ERROR_UNSUPPORTED);
}

int
main (int argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  if (g_getenv ("IMPACT_TEST_POSTGRESQL") == NULL)
    g_error ("IMPACT_TEST_POSTGRESQL is not set: run this test through tests/with-postgresql.sh");

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/access/each-sees-hers", test_each_sees_hers);
  ADD ("/access/raw-sql", test_raw_sql);
  ADD ("/access/references", test_references);
  ADD ("/access/import", test_import);
  ADD ("/access/import-at-once", test_import_at_once);
  ADD ("/access/watch", test_watch);
  ADD ("/access/grant-revoke", test_grant_revoke);
#undef ADD

  return g_test_run ();
}
