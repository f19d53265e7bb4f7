/* test-store.c: the store API, classification through it, batches and bad files; the
 * fixture's tests run again on PostgreSQL as test-store-postgresql
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <sys/stat.h>

#include "impact-test-store.h"
#include "impact-test-utils.h"
#include "model/impact-format.h"
#include "storage/impact-db-stmt.h"
#include "storage/impact-migrations.h"
#include "storage/impact-store-dump.h"
#include "storage/impact-store.h"
#include "storage/impact-supplier-directory.h"

#define D(iso) impact_day_from_iso (iso)

typedef struct
{
  char *dir;
  char *path;
  ImpactStore *store;
  gint64 division_id;
  gint64 object_id;
  gint64 supplier_id;
} Fixture;

static void
fixture_set_up (Fixture *f,
                gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ImpactNode) group = impact_node_new (IMPACT_NODE_GROUP, "G", "Groep");
  g_autoptr (ImpactNode) division = impact_node_new (IMPACT_NODE_DIVISION, "CLN", "Schoonmaak");
  g_autoptr (ImpactNode) object = impact_node_new (IMPACT_NODE_OBJECT, "CLN-1", "Stadhuis");
  g_autoptr (ImpactSupplier) supplier = impact_supplier_new ("Jansen Schoonmaak B.V.");

  f->dir = impact_test_make_tmpdir ();
  if (impact_test_on_postgresql ())
    f->path = impact_test_database_location (f->dir);
  else
    f->path = g_build_filename (f->dir, "sub", "impact.sqlite", NULL);
  f->store = impact_store_open (f->path, &error);
  g_assert_no_error (error);

  division->parent_id = impact_store_add_node (f->store, group, &error);
  g_assert_no_error (error);
  f->division_id = impact_store_add_node (f->store, division, &error);
  g_assert_no_error (error);
  object->parent_id = f->division_id;
  object->client = g_strdup ("Gemeente Utrecht");
  object->contract_value_cents = 250000000;
  object->contract_start = D ("2024-01-01");
  object->contract_end = D ("2027-12-31");
  f->object_id = impact_store_add_node (f->store, object, &error);
  g_assert_no_error (error);

  supplier->kvk = g_strdup ("12345678");
  supplier->vat_id = g_strdup ("NL123456789B01");
  supplier->erp_id = g_strdup ("K10001");
  f->supplier_id = impact_store_add_supplier (f->store, supplier, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture *f,
                   gconstpointer data)
{
  g_clear_object (&f->store);
  impact_test_remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

static gint64
count (ImpactStore *store,
       const char *sql)
{
  g_autoptr (GError) error = NULL;
  gint64 n = -1;

  impact_db_query_int (impact_store_get_db (store), sql, &n, &error);
  g_assert_no_error (error);

  return n;
}

/* Whether the engine checks foreign keys now: SQLite's setting; PostgreSQL always does. */
static gint64
foreign_keys (Fixture *f)
{
  return impact_test_on_postgresql () ? 1 : count (f->store, "PRAGMA foreign_keys");
}

static void
test_new_database (Fixture *f,
                   gconstpointer data)
{
  GStatBuf st;
  int latest = impact_migrations_get_latest (impact_store_get_db (f->store));

  if (impact_test_on_postgresql ())
    {
      g_assert_cmpint (count (f->store, "SELECT version FROM impact_schema"), ==, latest);
      g_assert_cmpint (count (f->store, "SELECT application_id FROM impact_schema"), ==, IMPACT_APPLICATION_ID);
    }
  else
    {
      g_assert_cmpint (g_stat (f->path, &st), ==, 0);
      g_assert_cmpint (st.st_mode & 0777, ==, 0600);
      g_assert_cmpint (count (f->store, "PRAGMA user_version"), ==, latest);
      g_assert_cmpint (count (f->store, "PRAGMA application_id"), ==, IMPACT_APPLICATION_ID);
      g_assert_cmpint (count (f->store, "PRAGMA foreign_keys"), ==, 1);
    }
  g_assert_null (impact_store_get_backup_path (f->store));
  g_assert_false (impact_store_is_demo (f->store));
}

static void
test_nodes (Fixture *f,
            gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ImpactNode) found = impact_store_find_node (f->store, IMPACT_NODE_OBJECT, "CLN-1", &error);
  g_autoptr (ImpactNode) missing = NULL;
  g_autoptr (ImpactNode) duplicate = impact_node_new (IMPACT_NODE_DIVISION, "CLN", "Again");
  g_autoptr (ImpactNode) orphan = impact_node_new (IMPACT_NODE_DIVISION, "X", "No parent");
  g_autoptr (GPtrArray) divisions = NULL;

  g_assert_no_error (error);
  g_assert_cmpint (found->id, ==, f->object_id);
  g_assert_cmpint (found->parent_id, ==, f->division_id);
  g_assert_cmpstr (found->client, ==, "Gemeente Utrecht");
  g_assert_cmpint (found->contract_value_cents, ==, 250000000);
  g_assert_cmpint (found->contract_end, ==, D ("2027-12-31"));

  g_free (found->name);
  found->name = g_strdup ("Stadhuis Utrecht");
  found->contract_value_cents = -1;
  g_assert_true (impact_store_update_node (f->store, found, &error));
  g_clear_pointer (&found, impact_node_free);
  found = impact_store_find_node (f->store, IMPACT_NODE_OBJECT, "CLN-1", &error);
  g_assert_cmpstr (found->name, ==, "Stadhuis Utrecht");
  g_assert_cmpint (found->contract_value_cents, ==, -1);

  missing = impact_store_find_node (f->store, IMPACT_NODE_DIVISION, "NOPE", &error);
  g_assert_null (missing);
  g_assert_error (error, IMPACT_STORE_ERROR, IMPACT_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  duplicate->parent_id = f->division_id - 1;
  g_assert_cmpint (impact_store_add_node (f->store, duplicate, &error), ==, 0);
  g_assert_error (error, IMPACT_STORE_ERROR, IMPACT_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);

  /* Only the group may be without a parent. */
  g_assert_cmpint (impact_store_add_node (f->store, orphan, &error), ==, 0);
  g_assert_error (error, IMPACT_STORE_ERROR, IMPACT_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);

  divisions = impact_store_list_nodes (f->store, IMPACT_NODE_DIVISION, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (divisions->len, ==, 1);
}

static void
test_suppliers (Fixture *f,
                gconstpointer data)
{
  static const struct
  {
    const char *kvk;
    const char *vat;
    const char *erp;
    const char *name;
    gboolean found;
  } cases[] = {
    { "12345678", NULL, NULL, NULL, TRUE },
    { NULL, "NL123456789B01", NULL, NULL, TRUE },
    { NULL, NULL, "K10001", NULL, TRUE },
    { NULL, NULL, NULL, "JANSEN SCHOONMAAK BV", TRUE },
    { NULL, NULL, NULL, "Jansen-Schoonmaak", TRUE },
    { NULL, NULL, NULL, "Jansen Schoonmaak Holding", FALSE },
    { "87654321", NULL, NULL, "Jansen Schoonmaak B.V.", FALSE },
    { "", "", "", "", FALSE },
  };
  g_autoptr (GError) error = NULL;
  g_autoptr (ImpactSupplier) other = impact_supplier_new ("Bakker & Zn.");
  g_autoptr (ImpactSupplier) bad_kvk = impact_supplier_new ("Kort");
  g_autoptr (ImpactSupplier) by_alias = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (ImpactSupplier) s = impact_store_find_supplier (f->store, cases[i].kvk, cases[i].vat,
                                                                 cases[i].erp, cases[i].name, &error);

      g_test_message ("case %u", i);
      g_assert_no_error (error);
      if (cases[i].found)
        g_assert_cmpint (s->id, ==, f->supplier_id);
      else
        g_assert_null (s);
    }

  other->kvk = g_strdup ("12345678");
  g_assert_cmpint (impact_store_add_supplier (f->store, other, &error), ==, 0);
  g_assert_error (error, IMPACT_STORE_ERROR, IMPACT_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);

  bad_kvk->kvk = g_strdup ("1234567");
  g_assert_cmpint (impact_store_add_supplier (f->store, bad_kvk, &error), ==, 0);
  g_assert_error (error, IMPACT_STORE_ERROR, IMPACT_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);

  g_assert_true (impact_store_add_supplier_alias (f->store, f->supplier_id, "JSM Facilitair", &error));
  g_assert_no_error (error);
  by_alias = impact_store_find_supplier (f->store, NULL, NULL, NULL, "jsm facilitair b.v.", &error);
  g_assert_no_error (error);
  g_assert_nonnull (by_alias);
  g_assert_cmpint (by_alias->id, ==, f->supplier_id);
}

/* An import's directory of suppliers finds whom the store finds, counts the names as the
 * store does (on a server from memory, in a file by asking the store), and writes what it
 * adds: at once in a file, with one COPY at the flush on a server (until then the server
 * has none of it). */
static void
test_supplier_directory (Fixture *f,
                         gconstpointer data)
{
  static const struct
  {
    const char *kvk, *vat, *erp, *name;
  } cases[] = {
    { "12345678", NULL, NULL, NULL },
    { NULL, "NL123456789B01", NULL, NULL },
    { NULL, NULL, "K10001", NULL },
    { NULL, NULL, NULL, "JANSEN SCHOONMAAK BV" },
    { NULL, NULL, NULL, "Jansen Schoonmaak Holding" },
    { "87654321", NULL, NULL, "Jansen Schoonmaak B.V." },
    { NULL, NULL, NULL, "jsm facilitair b.v." },
    { NULL, NULL, NULL, "Bakker" },
    { "99887766", NULL, NULL, "Bakker" },
    { "", "", "", "" },
  };
  g_autoptr (GError) error = NULL;
  g_autoptr (ImpactSupplierDirectory) directory = NULL;
  g_autoptr (ImpactSupplier) tab = impact_supplier_new ("Tab\tand \\ Co");
  g_autoptr (ImpactSupplier) bakker = impact_supplier_new ("Bakker B.V.");
  g_autoptr (ImpactSupplier) written = NULL;
  gboolean deferred = impact_test_on_postgresql ();
  const ImpactSupplier *found;
  gint64 tab_id;

  g_assert_true (impact_store_add_supplier_alias (f->store, f->supplier_id, "JSM Facilitair", &error));
  g_assert_no_error (error);
  g_assert_cmpint (impact_store_add_supplier (f->store, bakker, &error), >, 0);
  g_assert_no_error (error);
  bakker->kvk = g_strdup ("11112222");
  g_clear_pointer (&bakker->name, g_free);
  bakker->name = g_strdup ("Bakker");
  g_assert_cmpint (impact_store_add_supplier (f->store, bakker, &error), >, 0);
  g_assert_no_error (error);

  g_assert_true (impact_store_begin (f->store, &error));
  directory = impact_supplier_directory_load (f->store, TRUE, TRUE, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (ImpactSupplier) s = impact_store_find_supplier (f->store, cases[i].kvk, cases[i].vat, cases[i].erp,
                                                                 cases[i].name, &error);

      g_test_message ("case %u", i);
      g_assert_no_error (error);
      found = impact_supplier_directory_find (directory, cases[i].kvk, cases[i].vat, cases[i].erp, cases[i].name,
                                              &error);
      g_assert_no_error (error);
      g_assert_cmpint (found != NULL ? found->id : 0, ==, s != NULL ? s->id : 0);
      if (cases[i].name != NULL)
        g_assert_cmpint (impact_supplier_directory_count_named (directory, cases[i].name, NULL), ==,
                         impact_store_count_suppliers_named (f->store, cases[i].name, NULL));
    }
  g_assert_cmpint (impact_supplier_directory_count_named (directory, "Bakker", NULL), ==, 2);
  g_assert_cmpint (impact_supplier_directory_count_named (directory, "JSM Facilitair", NULL), ==, 1);

  tab->kvk = g_strdup ("55667788");
  tab_id = impact_supplier_directory_add (directory, tab, &error);
  g_assert_no_error (error);
  g_assert_cmpint (tab_id, >, f->supplier_id);
  g_assert_cmpint (count (f->store, "SELECT count (*) FROM suppliers WHERE kvk = '55667788'"), ==, deferred ? 0 : 1);
  found = impact_supplier_directory_find (directory, "55667788", NULL, NULL, NULL, NULL);
  g_assert_cmpint (found->id, ==, tab_id);
  found = impact_supplier_directory_find (directory, NULL, NULL, NULL, "TAB AND CO", NULL);
  g_assert_cmpint (found != NULL ? found->id : 0, ==, tab_id);
  /* Numbers found later go with it. */
  g_assert_true (impact_supplier_directory_add_numbers (directory, tab_id, NULL, "NL555666777B01", NULL, &error));
  g_assert_no_error (error);
  found = impact_supplier_directory_find (directory, NULL, "NL555666777B01", NULL, NULL, NULL);
  g_assert_cmpint (found->id, ==, tab_id);

  g_assert_true (impact_supplier_directory_flush (directory, &error));
  g_assert_no_error (error);
  written = impact_store_find_supplier (f->store, "55667788", NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (written);
  g_assert_cmpint (written->id, ==, tab_id);
  g_assert_cmpstr (written->name, ==, "Tab\tand \\ Co");
  g_assert_cmpstr (written->vat_id, ==, "NL555666777B01");
  /* An alias of a supplier already written, and one the flush wrote. */
  g_assert_true (impact_supplier_directory_add_alias (directory, tab_id, "Tab & Co Facilitair", &error));
  g_assert_no_error (error);
  g_assert_cmpint (impact_store_count_suppliers_named (f->store, "Tab & Co Facilitair", NULL), ==, 1);
  g_assert_true (impact_store_commit (f->store, &error));
  g_assert_no_error (error);

  /* The store's own ids go on after the ones the directory took. */
  g_free (bakker->kvk);
  bakker->kvk = g_strdup ("33334444");
  g_assert_cmpint (impact_store_add_supplier (f->store, bakker, &error), >, tab_id);
  g_assert_no_error (error);
}

static void
test_normalize_name (void)
{
  static const struct
  {
    const char *name;
    const char *expected;
  } cases[] = {
    { "Jansen Schoonmaak B.V.", "jansen schoonmaak" },
    { "JANSEN-SCHOONMAAK BV", "jansen schoonmaak" },
    { "Bakker & Zn. V.O.F.", "bakker zn" },
    { "Café de Ster N.V.", "cafe de ster" },
    { "  Werkbedrijf   Fryslân  ", "werkbedrijf fryslan" },
    { "B.V.", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *norm = impact_supplier_normalize_name (cases[i].name);

      g_assert_cmpstr (norm, ==, cases[i].expected);
    }
}

static void
test_statuses (Fixture *f,
               gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ImpactStatus) pso = impact_status_new (f->supplier_id, IMPACT_SOCIAL_CLASS_PSO_2,
                                                    D ("2024-03-15"), 0);
  g_autoptr (ImpactStatus) backwards = impact_status_new (f->supplier_id, IMPACT_SOCIAL_CLASS_SW,
                                                          D ("2025-01-02"), D ("2025-01-01"));
  g_autoptr (ImpactStatus) dangling = impact_status_new (9999, IMPACT_SOCIAL_CLASS_SW, 0, 0);
  g_autoptr (GPtrArray) statuses = NULL;
  ImpactStatus *stored;
  gint64 id;

  pso->certifying_body = g_strdup ("PSO-Nederland");
  id = impact_store_add_status (f->store, pso, &error);
  g_assert_no_error (error);
  statuses = impact_store_list_statuses (f->store, f->supplier_id, &error);
  g_assert_cmpuint (statuses->len, ==, 1);
  stored = g_ptr_array_index (statuses, 0);
  g_assert_cmpint (stored->id, ==, id);
  g_assert_cmpint (stored->kind, ==, IMPACT_SOCIAL_CLASS_PSO_2);
  /* Only a start was given: a PSO certificate then runs two years less a day. */
  g_assert_cmpint (stored->valid_until, ==, D ("2026-03-14"));
  g_assert_cmpstr (stored->certifying_body, ==, "PSO-Nederland");
  /* Known by supplier, kind and start; another kind or start is another status. */
  g_assert_cmpint (impact_store_has_status (f->store, f->supplier_id, IMPACT_SOCIAL_CLASS_PSO_2, D ("2024-03-15"), &error),
                   ==, 1);
  g_assert_cmpint (impact_store_has_status (f->store, f->supplier_id, IMPACT_SOCIAL_CLASS_PSO_3, D ("2024-03-15"), &error),
                   ==, 0);
  g_assert_cmpint (impact_store_has_status (f->store, f->supplier_id, IMPACT_SOCIAL_CLASS_PSO_2, 0, &error), ==, 0);
  g_assert_no_error (error);

  stored->kind = IMPACT_SOCIAL_CLASS_PSO_3;
  g_assert_true (impact_store_update_status (f->store, stored, &error));
  g_clear_pointer (&statuses, g_ptr_array_unref);
  statuses = impact_store_list_statuses (f->store, f->supplier_id, &error);
  g_assert_cmpint (((ImpactStatus *) g_ptr_array_index (statuses, 0))->kind, ==, IMPACT_SOCIAL_CLASS_PSO_3);

  g_assert_cmpint (impact_store_add_status (f->store, backwards, &error), ==, 0);
  g_assert_error (error, IMPACT_STORE_ERROR, IMPACT_STORE_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_cmpint (impact_store_add_status (f->store, dangling, &error), ==, 0);
  g_assert_error (error, IMPACT_STORE_ERROR, IMPACT_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);

  g_assert_true (impact_store_delete_status (f->store, id, &error));
  g_clear_pointer (&statuses, g_ptr_array_unref);
  statuses = impact_store_list_statuses (f->store, f->supplier_id, &error);
  g_assert_cmpuint (statuses->len, ==, 0);
}

static void
test_classify (Fixture *f,
               gconstpointer data)
{
  static const struct
  {
    const char *kind;
    const char *from;
    const char *until;
  } statuses[] = {
    { "pso-1", "2022-01-01", "2023-12-31" },
    { "pso-2", "2024-01-01", "2025-12-31" },
    { "sw", "2025-06-01", NULL },
    { "pso-aspirant", "2021-01-01", "2021-12-31" },
  };
  static const struct
  {
    const char *day;
    const char *expected;
  } cases[] = {
    { "2020-12-31", "none" },         /* before any status */
    { "2021-06-01", "pso-aspirant" }, /* an intention, not social */
    { "2023-12-31", "pso-1" },        /* expiry on the day */
    { "2024-01-01", "pso-2" },        /* renewal the next day */
    { "2025-06-01", "sw" },           /* overlap: the stronger wins */
    { "2030-01-01", "sw" },           /* open-ended */
  };
  g_autoptr (GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (statuses); i++)
    {
      ImpactSocialClass kind;
      g_autoptr (ImpactStatus) status = NULL;

      g_assert_true (impact_social_class_from_code (statuses[i].kind, &kind));
      status = impact_status_new (f->supplier_id, kind, D (statuses[i].from),
                                  statuses[i].until ? D (statuses[i].until) : 0);
      impact_store_add_status (f->store, status, &error);
      g_assert_no_error (error);
    }

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      ImpactSocialClass klass = IMPACT_N_SOCIAL_CLASSES;

      g_assert_true (impact_store_classify (f->store, f->supplier_id, D (cases[i].day), &klass, &error));
      g_assert_no_error (error);
      g_assert_cmpstr (impact_social_class_to_code (klass), ==, cases[i].expected);
    }
}

static ImpactPurchaseLine *
make_lines (Fixture *f,
            guint n)
{
  ImpactPurchaseLine *lines = g_new0 (ImpactPurchaseLine, n);

  for (guint i = 0; i < n; i++)
    {
      lines[i].invoice_day = D ("2025-01-01") + i % 365;
      lines[i].supplier_id = f->supplier_id;
      lines[i].division_id = f->division_id;
      lines[i].object_id = i % 2 ? f->object_id : 0;
      lines[i].amount_cents = i % 10 == 9 ? -500 : 1000 + (gint64) i;
      lines[i].invoice_number = "F-1";
      lines[i].category = "Schoonmaakmiddelen";
    }

  return lines;
}

static void
count_line_key (gint64 supplier_id,
                const char *invoice_number,
                gint64 amount_cents,
                gpointer user_data)
{
  gint64 *n = user_data;

  g_assert_cmpint (supplier_id, >, 0);
  g_assert_cmpstr (invoice_number, ==, "F-1");
  n[0]++;
  n[1] += amount_cents;
}

static void
test_batches (Fixture *f,
              gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ImpactBatch) batch = impact_batch_new ("spend.csv", "purchases");
  g_autoptr (ImpactBatch) stored = NULL;
  g_autoptr (GPtrArray) batches = NULL;
  g_autofree ImpactPurchaseLine *lines = make_lines (f, 1000);
  gint64 expected_total = 0, first, second;

  for (guint i = 0; i < 1000; i++)
    expected_total += lines[i].amount_cents;

  batch->content_hash = g_strdup ("abc");
  batch->rows_read = 1003;
  batch->rows_rejected = 3;
  first = impact_store_insert_lines (f->store, batch, lines, 1000, NULL, &error);
  g_assert_no_error (error);
  second = impact_store_insert_lines (f->store, batch, lines, 10, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (first, >, 0);
  g_assert_cmpint (second, >, first);

  stored = impact_store_get_batch (f->store, first, &error);
  g_assert_no_error (error);
  g_assert_cmpint (stored->rows_accepted, ==, 1000);
  g_assert_cmpint (stored->rows_read, ==, 1003);
  g_assert_cmpint (stored->rows_rejected, ==, 3);
  g_assert_cmpint (stored->total_cents, ==, expected_total);
  {
    gint64 keys[2] = { 0, 0 }, second_total = 0;

    /* Every stored line with an invoice number (of both batches), for an import's duplicate
     * check. */
    for (guint i = 0; i < 10; i++)
      second_total += lines[i].amount_cents;
    g_assert_true (impact_store_foreach_line_key (f->store, count_line_key, keys, &error));
    g_assert_cmpint (keys[0], ==, 1010);
    g_assert_cmpint (keys[1], ==, expected_total + second_total);
  }
  g_assert_cmpstr (stored->file_name, ==, "spend.csv");
  g_assert_cmpint (count (f->store, "SELECT count(*) FROM purchase_lines WHERE amount_cents < 0"), ==, 101);
  g_assert_cmpint (count (f->store, "SELECT count(*) FROM purchase_lines WHERE object_id IS NULL"), ==, 505);

  batches = impact_store_list_batches (f->store, &error);
  g_assert_cmpuint (batches->len, ==, 2);
  g_assert_cmpint (((ImpactBatch *) g_ptr_array_index (batches, 0))->id, ==, second);

  /* Foreign keys are enforced again after a batch, for everything else. */
  g_assert_cmpint (foreign_keys (f), ==, 1);

  /* Every line landed as it was given, in groups of rows per INSERT and the rest one by one. */
  g_assert_cmpint (count (f->store, "SELECT sum (amount_cents) FROM purchase_lines WHERE batch_id = (SELECT min (id) FROM import_batches)"),
                   ==, expected_total);
  g_assert_cmpint (count (f->store, "SELECT count(*) FROM purchase_lines WHERE invoice_number = 'F-1'"
                                    " AND category = 'Schoonmaakmiddelen' AND gl_account IS NULL AND description IS NULL"),
                   ==, 1010);
  g_assert_cmpint (count (f->store, "SELECT sum (invoice_day) FROM purchase_lines WHERE batch_id = (SELECT max (id) FROM import_batches)"),
                   ==, 10 * D ("2025-01-01") + 45);

  /* Each batch knows the range of ids its lines have. */
  g_assert_cmpint (count (f->store, "SELECT count(*) FROM import_batches b WHERE last_line_id - first_line_id + 1 = rows_accepted"
                                    " AND rows_accepted = (SELECT count(*) FROM purchase_lines l"
                                    "  WHERE l.id BETWEEN b.first_line_id AND b.last_line_id AND l.batch_id = b.id)"),
                   ==, 2);

  /* Undo the first import: its lines go, the second's stay. */
  g_assert_true (impact_store_delete_batch (f->store, first, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (f->store, "SELECT count(*) FROM purchase_lines"), ==, 10);
  g_assert_false (impact_store_delete_batch (f->store, first, &error));
  g_assert_error (error, IMPACT_STORE_ERROR, IMPACT_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* A batch without a range (the highest id was taken) is undone by its number alone. */
  g_assert_cmpint (count (f->store, "UPDATE import_batches SET first_line_id = NULL, last_line_id = NULL RETURNING id"), ==, second);
  g_assert_true (impact_store_delete_batch (f->store, second, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (f->store, "SELECT count(*) FROM purchase_lines"), ==, 0);
}

static void
test_batch_all_or_nothing (Fixture *f,
                           gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ImpactBatch) batch = impact_batch_new ("bad.csv", "purchases");
  g_autoptr (GCancellable) cancellable = g_cancellable_new ();
  g_autofree ImpactPurchaseLine *lines = make_lines (f, 5000);

  /* A line pointing at a supplier that does not exist, near the end: nothing lands. */
  lines[4990].supplier_id = 424242;
  g_assert_cmpint (impact_store_insert_lines (f->store, batch, lines, 5000, NULL, &error), ==, 0);
  g_assert_error (error, IMPACT_STORE_ERROR, IMPACT_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);
  g_assert_cmpint (count (f->store, "SELECT count(*) FROM purchase_lines"), ==, 0);
  g_assert_cmpint (count (f->store, "SELECT count(*) FROM import_batches"), ==, 0);

  /* A division id that is an object's: a foreign key would accept it, the batch does not. */
  lines[4990].supplier_id = f->supplier_id;
  lines[4990].division_id = f->object_id;
  g_assert_cmpint (impact_store_insert_lines (f->store, batch, lines, 5000, NULL, &error), ==, 0);
  g_assert_error (error, IMPACT_STORE_ERROR, IMPACT_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);
  g_assert_cmpint (count (f->store, "SELECT count(*) FROM purchase_lines"), ==, 0);
  g_assert_cmpint (foreign_keys (f), ==, 1);
  lines[4990].division_id = f->division_id;

  g_cancellable_cancel (cancellable);
  g_assert_cmpint (impact_store_insert_lines (f->store, batch, lines, 5000, cancellable, &error), ==, 0);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  g_assert_cmpint (count (f->store, "SELECT count(*) FROM purchase_lines"), ==, 0);

  /* Inside a transaction the caller began, a failed batch leaves the caller's work alone. */
  g_assert_true (impact_store_begin (f->store, &error));
  g_assert_true (impact_store_set_meta (f->store, "note", "kept", &error));
  lines[10].division_id = 31337;
  g_assert_cmpint (impact_store_insert_lines (f->store, batch, lines, 100, NULL, &error), ==, 0);
  g_clear_error (&error);
  g_assert_true (impact_store_commit (f->store, &error));
  g_assert_no_error (error);
  {
    g_autofree char *note = impact_store_get_meta (f->store, "note", NULL);

    g_assert_cmpstr (note, ==, "kept");
  }
  g_assert_cmpint (count (f->store, "SELECT count(*) FROM import_batches"), ==, 0);
}

/* Writes 20,000 lines with the writer thread; the batch's id, or 0. On the way, the store
 * is used between lines: it waits for the writer to write the lines handed to it (the
 * whole chunks of 4,096 lines before). */
static gint64
write_with_writer (Fixture *f,
                   const ImpactPurchaseLine *lines,
                   GError **error)
{
  g_autoptr (ImpactBatch) batch = impact_batch_new ("spend.csv", "purchases");
  g_autoptr (ImpactBulkInsert) insert = impact_store_begin_batch (f->store, batch, error);

  g_assert_nonnull (insert);
  impact_bulk_insert_start_writer (insert);
  for (guint i = 0; i < 20000; i++)
    {
      if (!impact_bulk_insert_add (insert, &lines[i], error))
        return 0;
      /* PostgreSQL's lines wait in the staging table until the commit. */
      if (i == 12345)
        g_assert_cmpint (count (f->store, impact_test_on_postgresql () ? "SELECT count(*) FROM impact_staged_lines"
                                                                       : "SELECT count(*) FROM purchase_lines"),
                         ==, 12346 - 12346 % 4096);
    }

  return impact_bulk_insert_commit (insert, error);
}

/* Lines written on the writer thread: all of them land, in order; a line SQLite refuses
 * there fails the batch at the next add or at the commit, and nothing of it stays. */
static void
test_batch_writer (Fixture *f,
                   gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree ImpactPurchaseLine *lines = make_lines (f, 20000);
  gint64 expected_total = 0, id;

  for (guint i = 0; i < 20000; i++)
    expected_total += lines[i].amount_cents;
  id = write_with_writer (f, lines, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  g_assert_cmpint (count (f->store, "SELECT count(*) FROM purchase_lines"), ==, 20000);
  g_assert_cmpint (count (f->store, "SELECT sum (amount_cents) FROM purchase_lines"), ==, expected_total);
  g_assert_cmpint (count (f->store, "SELECT sum (total_cents) FROM spend_summary"), ==, expected_total);
  /* In the order they were added: line i has amount 1000 + i, or -500 for every tenth. */
  g_assert_cmpint (count (f->store, "SELECT count(*) FROM purchase_lines l, import_batches b"
                                    " WHERE l.amount_cents <> CASE WHEN (l.id - b.first_line_id) % 10 = 9 THEN -500"
                                    " ELSE 1000 + l.id - b.first_line_id END"),
                   ==, 0);

  /* A day out of range passes the batch's own checks; SQLite refuses it on the writer. */
  g_assert_true (impact_store_delete_batch (f->store, id, &error));
  lines[15000].invoice_day = 0;
  g_assert_cmpint (write_with_writer (f, lines, &error), ==, 0);
  g_assert_error (error, IMPACT_STORE_ERROR, IMPACT_STORE_ERROR_CONSTRAINT);
  g_assert_cmpint (count (f->store, "SELECT count(*) FROM purchase_lines"), ==, 0);
  g_assert_cmpint (count (f->store, "SELECT count(*) FROM import_batches"), ==, 0);
  g_assert_cmpint (count (f->store, "SELECT count(*) FROM spend_summary"), ==, 0);
}

/* The month of a line in the summary tables (year * 12 + month - 1), worked out by the
 * engine's calendar: day 1 is 1 January of the year 1, Julian day 1721425.5 (SQLite) or
 * Julian day number 1721426 (PostgreSQL's 'J'). */
#define LINE_MONTH_SQLITE                                            \
  "(CAST (strftime ('%Y', invoice_day + 1721424.5) AS INTEGER) * 12" \
  " + CAST (strftime ('%m', invoice_day + 1721424.5) AS INTEGER) - 1)"
#define LINE_MONTH_PG                                                                       \
  "(CAST (extract (year FROM to_date ((invoice_day + 1721425)::text, 'J')) AS bigint) * 12" \
  " + CAST (extract (month FROM to_date ((invoice_day + 1721425)::text, 'J')) AS bigint) - 1)"
#define LINE_MONTH (impact_test_on_postgresql () ? LINE_MONTH_PG : LINE_MONTH_SQLITE)

/* Rows of the summary tables that differ from the sums of the lines (in either), with the
 * class 3 (PSO trede 1) for supplier ?1 between days ?2 and ?3 and none for the others. */
static gint64
summary_differences (Fixture *f,
                     gint64 pso_supplier,
                     guint32 from,
                     guint32 until)
{
  g_autofree char *klass = g_strdup_printf ("CASE WHEN supplier_id = %" G_GINT64_FORMAT " AND invoice_day BETWEEN %u"
                                            " AND %u THEN 3 ELSE 0 END",
                                            pso_supplier, from, until);
  g_autofree char *spend = g_strdup_printf ("SELECT division_id, coalesce (object_id, 0), %s, supplier_id, %s,"
                                            " CAST (sum (amount_cents) AS bigint), count(*) FROM purchase_lines GROUP BY 1, 2, 3, 4, 5",
                                            LINE_MONTH, klass);
  g_autofree char *node = g_strdup_printf ("SELECT division_id, coalesce (object_id, 0), %s, %s,"
                                           " CAST (sum (amount_cents) AS bigint), count(*) FROM purchase_lines GROUP BY 1, 2, 3, 4",
                                           LINE_MONTH, klass);
  g_autofree char *month = g_strdup_printf ("SELECT %s, supplier_id, %s, CAST (sum (amount_cents) AS bigint), count(*)"
                                            " FROM purchase_lines GROUP BY 1, 2, 3",
                                            LINE_MONTH, klass);
  const char *tables[][2] = {
    { spend, "SELECT division_id, object_id, month, supplier_id, class, total_cents, n_lines FROM spend_summary" },
    { node, "SELECT division_id, object_id, month, class, total_cents, n_lines FROM node_summary" },
    { month, "SELECT month, supplier_id, class, total_cents, n_lines FROM supplier_month_summary" },
  };
  gint64 n = 0;

  for (guint t = 0; t < G_N_ELEMENTS (tables); t++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT (SELECT count(*) FROM (%s EXCEPT %s) AS a)"
                                              " + (SELECT count(*) FROM (%s EXCEPT %s) AS b)",
                                              tables[t][0], tables[t][1], tables[t][1], tables[t][0]);

      n += count (f->store, sql);
    }

  return n;
}

/* The summary tables hold the sums of the lines by division, object, month, supplier and
 * class, after every import and every undo: also with thousands of sums (written many to a
 * statement, with a remainder), sums added to rows already there, and a supplier whose id
 * is beyond 32 bits (whose lines are summed apart). */
static void
test_summary_sums (Fixture *f,
                   gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ImpactBatch) batch = impact_batch_new ("spend.csv", "purchases");
  g_autoptr (ImpactNode) division = impact_node_new (IMPACT_NODE_DIVISION, "TEC", "Techniek");
  g_autoptr (ImpactStatus) status = impact_status_new (f->supplier_id, IMPACT_SOCIAL_CLASS_PSO_1,
                                                       D ("2025-04-01"), D ("2025-06-30"));
  const gint64 big_id = G_GINT64_CONSTANT (4294967303);
  g_autofree ImpactPurchaseLine *lines = g_new0 (ImpactPurchaseLine, 6000);
  gint64 suppliers[42], divisions[2], first, second;

  division->parent_id = count (f->store, "SELECT id FROM nodes WHERE level = 0");
  divisions[0] = f->division_id;
  divisions[1] = impact_store_add_node (f->store, division, &error);
  suppliers[0] = f->supplier_id;
  for (guint s = 2; s < G_N_ELEMENTS (suppliers); s++)
    {
      g_autofree char *name = g_strdup_printf ("Leverancier %u B.V.", s);
      g_autoptr (ImpactSupplier) other = impact_supplier_new (name);

      suppliers[s] = impact_store_add_supplier (f->store, other, &error);
      g_assert_no_error (error);
    }
  g_assert_true (impact_db_exec (impact_store_get_db (f->store),
                                 "INSERT INTO suppliers (id, name, norm_name) VALUES (4294967303, 'Groot', 'groot')",
                                 &error));
  g_assert_no_error (error);
  suppliers[1] = big_id;
  g_assert_cmpint (impact_store_add_status (f->store, status, &error), >, 0);

  for (guint i = 0; i < 6000; i++)
    {
      lines[i].invoice_day = D ("2024-11-20") + (i * 7) % 400;
      lines[i].supplier_id = suppliers[i % G_N_ELEMENTS (suppliers)];
      lines[i].division_id = divisions[i / 7 % 2];
      lines[i].object_id = lines[i].division_id == f->division_id && i % 5 != 0 ? f->object_id : 0;
      lines[i].amount_cents = i % 13 == 0 ? -(gint64) i : 100 + (gint64) i * 37;
    }

  first = impact_store_insert_lines (f->store, batch, lines, 6000, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (count (f->store, "SELECT count(*) FROM spend_summary"), >, 500);
  g_assert_cmpint (count (f->store, "SELECT count(*) FROM spend_summary WHERE class = 3"), >, 0);
  g_assert_cmpint (count (f->store, "SELECT count(*) FROM spend_summary WHERE supplier_id = 4294967303"), >, 0);
  g_assert_cmpint (summary_differences (f, f->supplier_id, D ("2025-04-01"), D ("2025-06-30")), ==, 0);

  /* The same lines again add to every row there is. */
  second = impact_store_insert_lines (f->store, batch, lines, 6000, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (summary_differences (f, f->supplier_id, D ("2025-04-01"), D ("2025-06-30")), ==, 0);
  g_assert_cmpint (count (f->store, "SELECT sum (n_lines) FROM node_summary"), ==, 12000);

  /* Undone, a batch's sums come off again. */
  g_assert_true (impact_store_delete_batch (f->store, first, &error));
  g_assert_cmpint (summary_differences (f, f->supplier_id, D ("2025-04-01"), D ("2025-06-30")), ==, 0);
  g_assert_true (impact_store_delete_batch (f->store, second, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (f->store, "SELECT (SELECT count(*) FROM spend_summary) + (SELECT count(*) FROM node_summary)"
                                    " + (SELECT count(*) FROM supplier_month_summary)"),
                   ==, 0);
}

static gboolean
collect_row (const ImpactValue *values,
             guint n_values,
             gpointer user_data,
             GError **error)
{
  GPtrArray *rows = user_data;
  GString *row = g_string_new (NULL);

  for (guint c = 0; c < n_values; c++)
    {
      if (c > 0)
        g_string_append_c (row, '|');
      switch (values[c].type)
        {
        case IMPACT_DB_NULL:
          g_string_append (row, "NULL");
          break;
        case IMPACT_DB_INTEGER:
          g_string_append_printf (row, "%" G_GINT64_FORMAT, values[c].integer);
          break;
        case IMPACT_DB_REAL:
          g_string_append_printf (row, "%.2f", values[c].real);
          break;
        case IMPACT_DB_TEXT:
          g_string_append_printf (row, "'%s'", values[c].text);
          break;
        }
    }
  g_ptr_array_add (rows, g_string_free (row, FALSE));
  if (rows->len == 2)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE, "full");
      return FALSE;
    }

  return TRUE;
}

/* A table's rows come out as plain values, typed as stored; the caller can stop them. */
static void
test_dump (Fixture *f,
           gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) rows = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *supplier = NULL;
  g_autofree ImpactPurchaseLine *lines = make_lines (f, 3);
  g_autoptr (ImpactBatch) batch = impact_batch_new ("spend.csv", "purchases");

  g_assert_true (impact_store_set_share_target (f->store, f->division_id, 12.5, &error));
  g_assert_true (impact_store_dump (f->store, IMPACT_DUMP_SHARE_TARGETS, collect_row, rows, &error));
  g_assert_cmpuint (rows->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (rows, 0), ==, "'division'|'CLN'|12.50");

  g_ptr_array_set_size (rows, 0);
  g_assert_true (impact_store_dump (f->store, IMPACT_DUMP_SUPPLIERS, collect_row, rows, &error));
  supplier = g_strdup_printf ("%" G_GINT64_FORMAT "|'Jansen Schoonmaak B.V.'|'12345678'|'NL123456789B01'|'K10001'",
                              f->supplier_id);
  g_assert_cmpstr (g_ptr_array_index (rows, 0), ==, supplier);

  /* A line without an object has NULL there; the second row's callback stops the dump. */
  g_assert_cmpint (impact_store_insert_lines (f->store, batch, lines, 3, NULL, &error), >, 0);
  g_ptr_array_set_size (rows, 0);
  g_assert_false (impact_store_dump (f->store, IMPACT_DUMP_PURCHASE_LINES, collect_row, rows, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE);
  g_assert_cmpuint (rows->len, ==, 2);
  g_assert_true (g_str_has_suffix (g_ptr_array_index (rows, 0), "|'CLN'|NULL|1000|'F-1'|'Schoonmaakmiddelen'|NULL|NULL"));
}

/* The statements the store writes with: parameters of each type in, rows and typed columns
 * out, reset and run again; wrong SQL and a refused row come back as errors. */
static void
test_db_stmt (Fixture *f,
              gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  ImpactDb *db = impact_store_get_db (f->store);
  g_autoptr (ImpactDbStmt) insert = NULL;
  g_autoptr (ImpactDbStmt) select = NULL;
  g_autoptr (ImpactDbStmt) bad = NULL;
  char *name = g_strdup ("Leverancier 1");

  /* Types both engines know; the id is the engine's own. */
  g_assert_true (impact_db_exec (db,
                                 impact_test_on_postgresql ()
                                     ? "CREATE TEMP TABLE t (id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,"
                                       " i bigint, r double precision, s text NOT NULL, n bigint)"
                                     : "CREATE TEMP TABLE t (id INTEGER PRIMARY KEY, i bigint, r double precision,"
                                       " s text NOT NULL, n bigint)",
                                 &error));
  insert = impact_db_stmt_new (db, "INSERT INTO t (i, r, s, n) VALUES (?, ?, ?, ?)", &error);
  g_assert_no_error (error);
  for (int i = 1; i <= 3; i++)
    {
      impact_db_stmt_bind_int64 (insert, 1, G_GINT64_CONSTANT (5000000000) * i);
      impact_db_stmt_bind_double (insert, 2, i / 4.0);
      impact_db_stmt_bind_text (insert, 3, name);
      impact_db_stmt_bind_null (insert, 4);
      /* The text is the statement's own: the caller's string may go before it runs. */
      g_free (name);
      name = g_strdup_printf ("Leverancier %d", i + 1);
      g_assert_true (impact_db_stmt_run (insert, &error));
      g_assert_no_error (error);
    }
  g_free (name);

  /* NOT NULL refuses the row; the error says what kind of failure it was. */
  impact_db_stmt_bind_text (insert, 3, NULL);
  g_assert_false (impact_db_stmt_run (insert, &error));
  g_assert_error (error, IMPACT_STORE_ERROR, IMPACT_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);

  select = impact_db_stmt_new (db, "SELECT i, r, s, n FROM t WHERE i > ? ORDER BY i", &error);
  g_assert_no_error (error);
  impact_db_stmt_bind_int64 (select, 1, 5000000000);
  g_assert_cmpint (impact_db_stmt_step (select, &error), ==, IMPACT_DB_ROW);
  g_assert_cmpint (impact_db_stmt_get_n_columns (select), ==, 4);
  g_assert_cmpint (impact_db_stmt_get_type (select, 0), ==, IMPACT_DB_INTEGER);
  g_assert_cmpint (impact_db_stmt_get_int64 (select, 0), ==, G_GINT64_CONSTANT (10000000000));
  g_assert_cmpint (impact_db_stmt_get_type (select, 1), ==, IMPACT_DB_REAL);
  g_assert_cmpfloat (impact_db_stmt_get_double (select, 1), ==, 0.5);
  g_assert_cmpint (impact_db_stmt_get_type (select, 2), ==, IMPACT_DB_TEXT);
  g_assert_cmpstr (impact_db_stmt_get_text (select, 2), ==, "Leverancier 2");
  g_assert_cmpint (impact_db_stmt_get_type (select, 3), ==, IMPACT_DB_NULL);
  g_assert_null (impact_db_stmt_get_text (select, 3));
  g_assert_cmpint (impact_db_stmt_step (select, &error), ==, IMPACT_DB_ROW);
  g_assert_cmpstr (impact_db_stmt_get_text (select, 2), ==, "Leverancier 3");
  g_assert_cmpint (impact_db_stmt_step (select, &error), ==, IMPACT_DB_DONE);
  g_assert_no_error (error);

  /* Reset, with another parameter: from the start again. */
  impact_db_stmt_reset (select);
  impact_db_stmt_bind_int64 (select, 1, 0);
  g_assert_cmpint (impact_db_stmt_step (select, &error), ==, IMPACT_DB_ROW);
  g_assert_cmpstr (impact_db_stmt_get_text (select, 2), ==, "Leverancier 1");

  /* A cached statement comes back reset, its parameters cleared; 0 and less bind as NULL. */
  for (int i = 0; i < 2; i++)
    {
      g_autoptr (ImpactDbStmt) cached =
          impact_db_stmt_new_cached (db, "INSERT INTO t (i, r, s, n) VALUES (?, 1.5, 'x', ?) RETURNING id", &error);
      gint64 id;

      g_assert_no_error (error);
      if (i == 0)
        impact_db_stmt_bind_int64 (cached, 1, 77);
      impact_db_stmt_bind_positive (cached, 2, i == 0 ? 0 : 12);
      /* The insert gives the new row's id (RETURNING), and counts as one change. */
      id = impact_db_stmt_insert (cached, &error);
      g_assert_no_error (error);
      g_assert_cmpint (id, >, 3);
      g_assert_cmpint (id, ==, count (f->store, "SELECT max (id) FROM t"));
      g_assert_cmpint (count (f->store, "SELECT count(*) FROM t"), ==, 4 + i);
      g_assert_cmpint (impact_db_stmt_get_changes (cached), ==, 1);
    }
  g_assert_cmpint (count (f->store, "SELECT count(*) FROM t WHERE i = 77 AND n IS NULL"), ==, 1);
  g_assert_cmpint (count (f->store, "SELECT count(*) FROM t WHERE i IS NULL AND n = 12"), ==, 1);

  bad = impact_db_stmt_new (db, "SELECT nothing FROM nowhere", &error);
  g_assert_null (bad);
  g_assert_error (error, IMPACT_STORE_ERROR, IMPACT_STORE_ERROR_FAILED);
}

static void
test_counts (Fixture *f,
             gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ImpactBatch) batch = impact_batch_new ("spend.csv", "purchases");
  g_autoptr (ImpactStatus) status = impact_status_new (f->supplier_id, IMPACT_SOCIAL_CLASS_PSO_1,
                                                       D ("2025-04-01"), D ("2025-06-30"));
  g_autoptr (ImpactStatus) aspirant = impact_status_new (f->supplier_id, IMPACT_SOCIAL_CLASS_PSO_ASPIRANT,
                                                         D ("2025-01-01"), D ("2025-12-31"));
  g_autofree ImpactPurchaseLine *lines = make_lines (f, 365);
  ImpactStoreCounts counts;
  gint64 total = 0, social = 0;

  impact_store_add_status (f->store, status, &error);
  impact_store_add_status (f->store, aspirant, &error);
  g_assert_no_error (error);
  impact_store_insert_lines (f->store, batch, lines, 365, NULL, &error);
  g_assert_no_error (error);

  /* The SQL of the counts must agree with the classification rule, line by line. */
  for (guint i = 0; i < 365; i++)
    {
      ImpactSocialClass klass;

      g_assert_true (impact_store_classify (f->store, lines[i].supplier_id, lines[i].invoice_day,
                                            &klass, &error));
      total += lines[i].amount_cents;
      if (impact_social_class_is_social (klass))
        social += lines[i].amount_cents;
    }

  g_assert_true (impact_store_get_counts (f->store, &counts, &error));
  g_assert_no_error (error);
  g_assert_cmpint (counts.n_divisions, ==, 1);
  g_assert_cmpint (counts.n_objects, ==, 1);
  g_assert_cmpint (counts.n_suppliers, ==, 1);
  g_assert_cmpint (counts.n_statuses, ==, 2);
  g_assert_cmpint (counts.n_lines, ==, 365);
  g_assert_cmpint (counts.total_cents, ==, total);
  g_assert_cmpint (counts.social_cents, ==, social);
  g_assert_cmpint (social, >, 0);
  g_assert_cmpint (social, <, total);
  g_assert_cmpint (counts.first_day, ==, D ("2025-01-01"));
  g_assert_cmpint (counts.last_day, ==, D ("2025-12-31"));
  g_assert_false (impact_store_is_empty (f->store, NULL));
}

static void
on_counts_cb (GObject *object,
              GAsyncResult *result,
              gpointer user_data)
{
  ImpactStoreCounts *counts = user_data;
  g_autoptr (GError) error = NULL;

  g_assert_true (impact_store_get_counts_finish (IMPACT_STORE (object), result, counts, &error));
  g_assert_no_error (error);
}

static void
on_open_cb (GObject *object,
            GAsyncResult *result,
            gpointer user_data)
{
  ImpactStore **store = user_data;
  g_autoptr (GError) error = NULL;

  *store = impact_store_open_finish (result, &error);
  g_assert_no_error (error);
}

static void
test_async (Fixture *f,
            gconstpointer data)
{
  ImpactStore *store = NULL;
  ImpactStoreCounts counts = { .n_divisions = -1 };

  impact_store_open_async (f->path, NULL, on_open_cb, &store);
  while (store == NULL)
    g_main_context_iteration (NULL, TRUE);

  impact_store_get_counts_async (store, NULL, on_counts_cb, &counts);
  while (counts.n_divisions == -1)
    g_main_context_iteration (NULL, TRUE);

  g_assert_cmpint (counts.n_divisions, ==, 1);
  g_assert_cmpint (counts.n_suppliers, ==, 1);
  g_object_unref (store);
}

/* Bad files: each open fails with a clear error and leaves the file as it was. */
static void
check_open_fails (const char *path,
                  int code,
                  const char *message_part)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ImpactStore) store = NULL;
  g_autofree char *before = impact_test_file_sha256 (path);
  g_autofree char *after = NULL;

  store = impact_store_open (path, &error);
  g_assert_null (store);
  g_assert_error (error, IMPACT_STORE_ERROR, code);
  g_assert_nonnull (strstr (error->message, message_part));
  after = impact_test_file_sha256 (path);
  g_assert_cmpstr (before, ==, after);
}

static void
test_not_sqlite (void)
{
  g_autofree char *dir = impact_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "spend.csv", NULL);

  g_assert_true (g_file_set_contents (path, "datum;bedrag\n01-01-2025;12,50\n", -1, NULL));
  check_open_fails (path, IMPACT_STORE_ERROR_NOT_A_DATABASE, "spend.csv");
  impact_test_remove_tree (dir);
}

static void
make_raw_database (const char *path,
                   const char *sql)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

static void
test_foreign_sqlite (void)
{
  g_autofree char *dir = impact_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "other.db", NULL);

  make_raw_database (path, "CREATE TABLE photos (id INTEGER PRIMARY KEY, name TEXT);");
  check_open_fails (path, IMPACT_STORE_ERROR_FOREIGN_DATABASE, "other.db");
  impact_test_remove_tree (dir);
}

static void
test_too_new (void)
{
  g_autofree char *dir = impact_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "future.sqlite", NULL);
  g_autofree char *sql = g_strdup_printf ("CREATE TABLE future (x); PRAGMA user_version = 99;"
                                          "PRAGMA application_id = %d;",
                                          IMPACT_APPLICATION_ID);

  make_raw_database (path, sql);
  check_open_fails (path, IMPACT_STORE_ERROR_TOO_NEW, "99");
  impact_test_remove_tree (dir);
}

static void
test_read_only (void)
{
  g_autofree char *dir = impact_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "ro.sqlite", NULL);
  ImpactStore *store = impact_store_open (path, NULL);

  g_assert_nonnull (store);
  g_object_unref (store);
  g_assert_cmpint (g_chmod (path, 0400), ==, 0);
  check_open_fails (path, IMPACT_STORE_ERROR_READ_ONLY, "read-only");
  g_chmod (path, 0600);
  impact_test_remove_tree (dir);
}

static void
test_locked (void)
{
  g_autofree char *dir = impact_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "locked.sqlite", NULL);
  sqlite3 *other = NULL;

  /* Another program holds an exclusive lock on a database in rollback-journal mode. */
  make_raw_database (path, "CREATE TABLE t (x)");
  g_assert_cmpint (sqlite3_open (path, &other), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (other, "BEGIN EXCLUSIVE; INSERT INTO t VALUES (1);", NULL, NULL, NULL),
                   ==, SQLITE_OK);
  check_open_fails (path, IMPACT_STORE_ERROR_LOCKED, "another program");
  sqlite3_exec (other, "ROLLBACK", NULL, NULL, NULL);
  sqlite3_close (other);
  impact_test_remove_tree (dir);
}

static gpointer
open_in_thread (gpointer data)
{
  GError *error = NULL;
  ImpactStore *store = impact_store_open (data, &error);

  if (store == NULL)
    return error;
  g_object_unref (store);

  return NULL;
}

/* Four programs open the same new database at the same moment: each step of the schema is
 * run by one of them (under the schema's lock) and every one of them gets the database. */
static void
test_open_at_once (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ImpactStore) store = NULL;
  g_autofree char *dir = impact_test_make_tmpdir ();
  g_autofree char *path = impact_test_database_location (dir);
  GThread *threads[4];
  gint64 version = 0;

  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    threads[i] = g_thread_new ("open", open_in_thread, path);
  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    {
      g_autoptr (GError) failed = g_thread_join (threads[i]);

      g_assert_no_error (failed);
    }

  store = impact_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (impact_db_query_int (impact_store_get_db (store),
                                      impact_test_on_postgresql () ? "SELECT version FROM impact_schema"
                                                                   : "PRAGMA user_version",
                                      &version, &error));
  g_assert_no_error (error);
  g_assert_cmpint (version, ==, impact_migrations_get_latest (impact_store_get_db (store)));
  g_clear_object (&store);
  impact_test_remove_tree (dir);
}

int
main (int argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/store/new-database", test_new_database);
  ADD ("/store/nodes", test_nodes);
  ADD ("/store/suppliers", test_suppliers);
  ADD ("/store/supplier-directory", test_supplier_directory);
  ADD ("/store/statuses", test_statuses);
  ADD ("/store/classify", test_classify);
  ADD ("/store/batches", test_batches);
  ADD ("/store/batch-all-or-nothing", test_batch_all_or_nothing);
  ADD ("/store/batch-writer", test_batch_writer);
  ADD ("/store/summary-sums", test_summary_sums);
  ADD ("/store/dump", test_dump);
  ADD ("/store/db-stmt", test_db_stmt);
  ADD ("/store/counts", test_counts);
  ADD ("/store/async", test_async);
#undef ADD
  g_test_add_func ("/store/open-at-once", test_open_at_once);
  /* What follows is about SQLite files, and runs once, on SQLite. */
  if (impact_test_on_postgresql ())
    return g_test_run ();
  g_test_add_func ("/store/normalize-name", test_normalize_name);
  g_test_add_func ("/store/bad-file/not-sqlite", test_not_sqlite);
  g_test_add_func ("/store/bad-file/foreign-sqlite", test_foreign_sqlite);
  g_test_add_func ("/store/bad-file/too-new", test_too_new);
  g_test_add_func ("/store/bad-file/read-only", test_read_only);
  g_test_add_func ("/store/bad-file/locked", test_locked);

  return g_test_run ();
}
