/* test-import.c: purchase lines from CSV and JSON exports, good and bad
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "impact-test-store.h"
#include "storage/impact-db-stmt.h"
#include "impact-test-utils.h"
#include "import/impact-csv-reader.h"
#include "import/impact-importer.h"
#include "model/impact-format.h"

typedef ImpactTestStore Fixture;

static char *
write_file (Fixture *f,
            const char *name,
            const char *contents,
            gssize length)
{
  char *path = g_build_filename (f->dir, name, NULL);

  g_assert_true (g_file_set_contents (path, contents, length, NULL));
  return path;
}

static gint64
query (Fixture *f,
       const char *sql)
{
  gint64 value = -1;

  g_assert_true (impact_db_query_int (impact_store_get_db (f->store), sql, &value, NULL));
  return value;
}

/* Whether SQLite checks foreign keys again (PostgreSQL always does). */
static gboolean
foreign_keys_on (Fixture *f)
{
  return impact_test_on_postgresql () || query (f, "PRAGMA foreign_keys") == 1;
}

static ImpactImportSummary *
import (Fixture *f,
        const char *name,
        const char *contents,
        const ImpactImportOptions *options,
        GError **error)
{
  static const ImpactImportOptions defaults = { 0 };
  g_autofree char *path = write_file (f, name, contents, -1);

  return impact_import_file (f->store, path, options != NULL ? options : &defaults, NULL, error);
}

static const ImpactImportProblem *
problem (const ImpactImportSummary *summary,
         guint index)
{
  g_assert_cmpuint (index, <, summary->problems->len);
  return g_ptr_array_index (summary->problems, index);
}

/* A Dutch export as it arrives: a title above the header, semicolons, decimal commas,
 * day-month dates, a credit note in brackets, a duplicate, a totals row. */
static const char dutch_csv[] =
    "Inkoopexport Facilitair Groep;;;;;;\n"
    "Periode: maart 2025;;;;;;\n"
    "Factuurdatum;Factuurnummer;Leverancier;KvK-nummer;Bedrag excl. btw;Divisie;Project\n"
    "15-03-2025;F-1001;Jansen Schoonmaak B.V.;12345678;1.234,56;SCHOON;SCH-101\n"
    "16-03-2025;F-1002;Werkbedrijf Twente;87654321;500,00;SCHOON;\n"
    "31-02-2025;F-1003;Jansen Schoonmaak B.V.;12345678;10,00;SCHOON;\n"
    "17-03-2025;C-1004;Bakker & Zn.;;(250,00);CATER;CAT-9\n"
    "17-03-2025;C-1004;Bakker & Zn.;;(250,00);CATER;CAT-9\n"
    "18-03-2025;F-1005;Onbekend BV;1234;99,00;CATER;\n"
    "20-03-2025;F-1006;JANSEN SCHOONMAAK BV;;EUR 1 000,50;SCHOON;SCH-101\n"
    "Totaal;;;;2.735,06;;\n";

static void
test_dutch_csv (Fixture *f,
                gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ImpactImportSummary) s = import (f, "inkoop.csv", dutch_csv, NULL, &error);
  g_autoptr (ImpactSupplier) jansen = NULL;
  g_autoptr (ImpactBatch) batch = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (s->header_row, ==, 3);
  g_assert_cmpint (s->rows_read, ==, 7);
  g_assert_cmpint (s->rows_accepted, ==, 4);
  g_assert_cmpint (s->rows_rejected, ==, 2);
  g_assert_cmpint (s->rows_duplicate, ==, 1);
  g_assert_cmpint (s->rows_skipped, ==, 1);
  g_assert_cmpint (s->total_cents, ==, 123456 + 50000 - 25000 + 100050);
  g_assert_cmpint (s->mapping->decimal, ==, IMPACT_DECIMAL_COMMA);
  g_assert_cmpint (s->mapping->date_order, ==, IMPACT_DATE_ORDER_DMY);

  /* Each rejected row says where and why. */
  g_assert_cmpuint (problem (s, 0)->row, ==, 6);
  g_assert_cmpstr (problem (s, 0)->column, ==, "Factuurdatum");
  g_assert_nonnull (strstr (problem (s, 0)->message, "31-02-2025"));
  g_assert_cmpuint (problem (s, 1)->row, ==, 9);
  g_assert_cmpstr (problem (s, 1)->column, ==, "KvK-nummer");

  /* "JANSEN SCHOONMAAK BV" without a KvK number is the Jansen with one. */
  g_assert_cmpuint (s->new_suppliers->len, ==, 3);
  g_assert_cmpuint (s->new_divisions->len, ==, 2);
  g_assert_cmpuint (s->new_objects->len, ==, 2);
  jansen = impact_store_find_supplier (f->store, "12345678", NULL, NULL, NULL, &error);
  g_assert_cmpint (query (f, "SELECT count(*) FROM purchase_lines WHERE supplier_id = (SELECT id FROM suppliers WHERE kvk = '12345678')"),
                   ==, 2);

  /* The import checked references itself; SQLite's own checks are on again after it. */
  g_assert_true (foreign_keys_on (f));

  /* What is stored is what the summary says. */
  g_assert_cmpint (query (f, "SELECT count(*) FROM purchase_lines"), ==, 4);
  g_assert_cmpint (query (f, "SELECT sum(amount_cents) FROM purchase_lines"), ==, s->total_cents);
  g_assert_cmpint (query (f, "SELECT count(*) FROM purchase_lines WHERE amount_cents < 0"), ==, 1);
  g_assert_cmpint (query (f, "SELECT count(*) FROM purchase_lines p JOIN nodes o ON o.id = p.object_id"
                             " JOIN nodes d ON d.id = p.division_id WHERE o.parent_id = d.id"),
                   ==, 3);
  batch = impact_store_get_batch (f->store, s->batch_id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (batch->rows_read, ==, 7);
  g_assert_cmpint (batch->rows_accepted, ==, 4);
  g_assert_cmpint (batch->rows_rejected, ==, 2);
  g_assert_cmpint (batch->rows_duplicate, ==, 1);
  /* The file's SHA-256, as GLib works it out too. */
  {
    g_autofree char *expected = g_compute_checksum_for_string (G_CHECKSUM_SHA256, dutch_csv, -1);

    g_assert_cmpstr (batch->content_hash, ==, expected);
  }
  g_assert_nonnull (strstr (batch->mapping, "\"Factuurdatum\":\"invoice-date\""));
}

/* The same rows far down a file: past the first thousand they are read on the row pump's
 * thread, which types their dates and amounts there. What they come to is the same. */
static void
test_rows_after_sample (Fixture *f,
                        gconstpointer data)
{
  const char *rows = strstr (dutch_csv, "15-03-2025");
  GString *csv = g_string_new ("Factuurdatum;Factuurnummer;Leverancier;KvK-nummer;Bedrag excl. btw;Divisie;Project\n");
  g_autoptr (GError) error = NULL;
  g_autoptr (ImpactImportSummary) s = NULL;
  g_autofree char *path = NULL;
  static const ImpactImportOptions options = { 0 };

  for (guint i = 0; i < 3000; i++)
    g_string_append_printf (csv, "01-01-2025;V-%u;Vulling B.V.;11223344;%u,%02u;SCHOON;\n", i, i, i % 100);
  g_string_append (csv, rows);
  path = write_file (f, "lang.csv", csv->str, csv->len);
  g_string_free (csv, TRUE);
  s = impact_import_file (f->store, path, &options, NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpint (s->rows_read, ==, 3000 + 7);
  g_assert_cmpint (s->rows_accepted, ==, 3000 + 4);
  g_assert_cmpint (s->rows_rejected, ==, 2);
  g_assert_cmpint (s->rows_duplicate, ==, 1);
  g_assert_cmpint (s->rows_skipped, ==, 1);
  /* 0,00 + 1,01 + 2,02 + ... : 100 * sum(i) + sum(i % 100) cents. */
  g_assert_cmpint (s->total_cents, ==, 100 * (2999 * 3000 / 2) + 30 * (99 * 100 / 2) + 123456 + 50000 - 25000 + 100050);
  g_assert_cmpint (query (f, "SELECT sum(amount_cents) FROM purchase_lines"), ==, s->total_cents);
  g_assert_cmpint (query (f, "SELECT amount_cents FROM purchase_lines WHERE invoice_number = 'C-1004'"), ==, -25000);
  g_assert_cmpint (query (f, "SELECT amount_cents FROM purchase_lines WHERE invoice_number = 'F-1006'"), ==, 100050);
  g_assert_cmpint (query (f, "SELECT invoice_day FROM purchase_lines WHERE invoice_number = 'F-1001'"), ==, impact_day_from_iso ("2025-03-15"));
  g_assert_cmpint (query (f, "SELECT invoice_day FROM purchase_lines WHERE invoice_number = 'V-2999'"), ==, impact_day_from_iso ("2025-01-01"));
  g_assert_cmpuint (problem (s, 0)->row, ==, 3004);
  g_assert_cmpstr (problem (s, 0)->column, ==, "Factuurdatum");
  g_assert_nonnull (strstr (problem (s, 0)->message, "31-02-2025"));
  g_assert_cmpuint (problem (s, 1)->row, ==, 3007);
}

static void
test_again_is_all_duplicates (Fixture *f,
                              gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ImpactImportSummary) first = import (f, "a.csv", dutch_csv, NULL, &error);
  g_autoptr (ImpactImportSummary) second = import (f, "a.csv", dutch_csv, NULL, &error);
  ImpactImportOptions with_duplicates = { .include_duplicates = TRUE };
  g_autoptr (ImpactImportSummary) third = import (f, "a.csv", dutch_csv, &with_duplicates, &error);

  g_assert_no_error (error);
  g_assert_cmpint (first->rows_accepted, ==, 4);
  g_assert_cmpint (second->rows_accepted, ==, 0);
  g_assert_cmpint (second->rows_duplicate, ==, 5);
  g_assert_cmpint (second->batch_id, ==, 0);
  /* The user may include them after all. */
  g_assert_cmpint (third->rows_accepted, ==, 5);
  g_assert_cmpint (query (f, "SELECT count(*) FROM import_batches"), ==, 2);
  g_assert_cmpint (query (f, "SELECT count(*) FROM purchase_lines"), ==, 9);
}

static void
test_dry_run_writes_nothing (Fixture *f,
                             gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  ImpactImportOptions dry = { .dry_run = TRUE };
  g_autoptr (ImpactImportSummary) s = import (f, "a.csv", dutch_csv, &dry, &error);

  g_assert_no_error (error);
  g_assert_cmpint (s->rows_accepted, ==, 4);
  g_assert_cmpuint (s->new_suppliers->len, ==, 3);
  g_assert_cmpint (s->batch_id, ==, 0);
  g_assert_true (impact_store_is_empty (f->store, NULL));
  g_assert_true (foreign_keys_on (f));
  g_assert_cmpint (query (f, "SELECT count(*) FROM import_batches"), ==, 0);
}

static void
test_english_csv (Fixture *f,
                  gconstpointer data)
{
  static const char csv[] =
      "\xEF\xBB\xBF"
      "Invoice Date,Supplier,Supplier ID,Amount,Debit/Credit,Currency,Cost Center\n"
      "03/25/2025,\"Smith, Jones & Co\",V100,\"1,234.50\",D,EUR,CC1\n"
      "04/01/2025,Smith Jones Co,V100,100.00,C,EUR,CC1\n"
      "04/02/2025,Acme Ltd,V200,50.00,D,USD,CC1\n";
  g_autoptr (GError) error = NULL;
  ImpactImportOptions options = { .division_code = "TECH" };
  g_autoptr (ImpactImportSummary) s = import (f, "export.txt", csv, &options, &error);

  g_assert_no_error (error);
  g_assert_cmpint (s->mapping->decimal, ==, IMPACT_DECIMAL_POINT);
  g_assert_cmpint (s->mapping->date_order, ==, IMPACT_DATE_ORDER_MDY);
  g_assert_cmpint (s->rows_accepted, ==, 2);
  /* The C in the debit/credit column makes the second line a credit note. */
  g_assert_cmpint (s->total_cents, ==, 123450 - 10000);
  g_assert_cmpint (s->rows_rejected, ==, 1);
  g_assert_nonnull (strstr (problem (s, 0)->message, "USD"));
  /* Matched by ERP id, so one supplier for both spellings. */
  g_assert_cmpint (query (f, "SELECT count(*) FROM suppliers"), ==, 1);
  g_assert_cmpstr (g_ptr_array_index (s->new_divisions, 0), ==, "TECH");
}

static void
test_windows_1252 (Fixture *f,
                   gconstpointer data)
{
  /* "Café" and "€" in Windows-1252, as an old ERP writes them. */
  static const char csv[] = "Datum;Leverancier;Bedrag;Divisie\n"
                            "01-02-2025;Caf\xE9 de Ster;\x80 12,50;ZORG\n";
  g_autoptr (GError) error = NULL;
  g_autoptr (ImpactImportSummary) s = import (f, "oud.csv", csv, NULL, &error);
  g_autoptr (ImpactSupplier) supplier = NULL;

  g_assert_no_error (error);
  g_assert_cmpint (s->rows_accepted, ==, 1);
  g_assert_cmpint (s->total_cents, ==, 1250);
  g_assert_nonnull (strstr (s->format, "Windows-1252"));
  supplier = impact_store_get_supplier (f->store, 1, &error);
  g_assert_cmpstr (supplier->name, ==, "Café de Ster");
}

static void
test_json (Fixture *f,
           gconstpointer data)
{
  static const char json[] =
      "[{\"Factuurdatum\": \"2025-03-01\", \"Leverancier\": \"Jansen\", \"Bedrag\": 12.5,"
      "  \"Divisie\": \"ZORG\"},"
      " {\"Factuurdatum\": \"2025-03-02\", \"Leverancier\": \"Jansen\", \"Bedrag\": -3,"
      "  \"Divisie\": \"ZORG\", \"Omschrijving\": \"creditnota\"},"
      " {\"Factuurdatum\": \"2025-03-03\", \"Leverancier\": {\"naam\": \"x\"}, \"Bedrag\": 1,"
      "  \"Divisie\": \"ZORG\"}]";
  g_autoptr (GError) error = NULL;
  g_autoptr (ImpactImportSummary) s = import (f, "export.json", json, NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpint (s->rows_accepted, ==, 2);
  g_assert_cmpint (s->total_cents, ==, 950);
  g_assert_cmpint (s->rows_rejected, ==, 1);
  g_assert_cmpstr (problem (s, 0)->column, ==, "Leverancier");
}

typedef struct
{
  const char *name;
  const char *file_name;
  const char *contents;
  gssize length;
  GQuark domain;
  int code;
  const char *message_part;
} BadFileCase;

/* Files that cannot be imported at all: a clear error, and the database as it was. */
static void
test_bad_files (Fixture *f,
                gconstpointer data)
{
  g_autofree char *long_cell = NULL;
  BadFileCase cases[] = {
    { "empty", "empty.csv", "", 0, IMPACT_IMPORT_ERROR, IMPACT_IMPORT_ERROR_EMPTY, "empty" },
    { "no header", "numbers.csv", "1;2;3\n4;5;6\n", -1, IMPACT_IMPORT_ERROR, IMPACT_IMPORT_ERROR_NO_HEADER, "column names" },
    { "header without amount", "partial.csv", "Factuurdatum;Leverancier;Divisie\n01-01-2025;A;B\n", -1,
      IMPACT_IMPORT_ERROR, IMPACT_IMPORT_ERROR_MAPPING, "amount" },
    { "no division", "nodiv.csv", "Factuurdatum;Leverancier;Bedrag\n01-01-2025;A;1\n", -1,
      IMPACT_IMPORT_ERROR, IMPACT_IMPORT_ERROR_MAPPING, "division" },
    { "zip named csv", "export.csv", "PK\003\004 truncated zip", -1, IMPACT_IMPORT_ERROR,
      IMPACT_IMPORT_ERROR_FORMAT, "damaged" },
    { "old excel", "export.xls", "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8, IMPACT_IMPORT_ERROR,
      IMPACT_IMPORT_ERROR_UNSUPPORTED, "XLS" },
    { "utf-16", "utf16.csv", "\xFF\xFE"
                             "D\0a\0t\0u\0m\0",
      12, IMPACT_IMPORT_ERROR,
      IMPACT_IMPORT_ERROR_ENCODING, "UTF-16" },
    { "broken json", "export.json", "[{\"Datum\": ", -1, IMPACT_IMPORT_ERROR, IMPACT_IMPORT_ERROR_FORMAT,
      "not valid JSON" },
    { "json not a list", "export.json", "{\"rows\": 3}", -1, IMPACT_IMPORT_ERROR,
      IMPACT_IMPORT_ERROR_UNSUPPORTED, "list of" },
    { "cell too long", "long.csv", NULL, -1, IMPACT_IMPORT_ERROR, IMPACT_IMPORT_ERROR_TOO_LARGE, "longer than" },
    { "missing file", NULL, NULL, -1, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, "nope.csv" },
  };

  /* A header, then an unclosed quote that runs on for a megabyte. */
  {
    GString *s = g_string_new ("Factuurdatum;Leverancier;Bedrag;Divisie\n01-01-2025;\"");

    for (guint i = 0; i < 1024 * 1024 / 8; i++)
      g_string_append (s, "abcdefg ");
    long_cell = g_string_free (s, FALSE);
    cases[9].contents = long_cell;
  }

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const BadFileCase *c = &cases[i];
      g_autoptr (GError) error = NULL;
      g_autofree char *path = c->file_name != NULL ? write_file (f, c->file_name, c->contents, c->length)
                                                   : g_build_filename (f->dir, "nope.csv", NULL);
      static const ImpactImportOptions options = { 0 };
      g_autoptr (ImpactImportSummary) s = NULL;

      g_test_message ("case %u: %s", i, c->name);
      s = impact_import_file (f->store, path, &options, NULL, &error);
      g_assert_null (s);
      g_assert_error (error, c->domain, c->code);
      g_test_message ("  %s", error->message);
      g_assert_nonnull (strstr (error->message, c->message_part));
      g_assert_true (impact_store_is_empty (f->store, NULL));
      g_assert_cmpint (query (f, "SELECT count(*) FROM import_batches"), ==, 0);
    }
}

/* Rows that cannot be imported: each rejected with row, column and reason. */
static void
test_bad_rows (Fixture *f,
               gconstpointer data)
{
  static const char csv[] =
      "Factuurdatum;Leverancier;KvK;Bedrag;Divisie\n"
      "morgen;A;;1,00;D\n"              /* 2: no date */
      ";A;;1,00;D\n"                    /* 3: empty date */
      "01-01-2025;A;;=SOM(D2:D3);D\n"   /* 4: a formula */
      "01-01-2025;A;;;D\n"              /* 5: no amount */
      "01-01-2025;;;5,00;D\n"           /* 6: no supplier */
      "01-01-2025;B;ABC;5,00;D\n"       /* 7: not a KvK number */
      "01-01-2025;C;;1.2.3;D\n"         /* 8: not an amount */
      "01-01-2025;D;;1,00;\n"           /* 9: no division */
      ";;;;\n"                          /* empty: not counted */
      "01-01-2025;E;12345678;7,00;D\n"; /* 11: fine */
  static const struct
  {
    guint row;
    const char *column;
  } expected[] = {
    { 2, "Factuurdatum" },
    { 3, "Factuurdatum" },
    { 4, "Bedrag" },
    { 5, "Bedrag" },
    { 6, "Leverancier" },
    { 7, "KvK" },
    { 8, "Bedrag" },
    { 9, "Divisie" },
  };
  g_autoptr (GError) error = NULL;
  g_autoptr (ImpactImportSummary) s = import (f, "bad.csv", csv, NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpint (s->rows_read, ==, 9);
  g_assert_cmpint (s->rows_accepted, ==, 1);
  g_assert_cmpint (s->rows_rejected, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_test_message ("row %u: %s", problem (s, i)->row, problem (s, i)->message);
      g_assert_cmpuint (problem (s, i)->row, ==, expected[i].row);
      g_assert_cmpstr (problem (s, i)->column, ==, expected[i].column);
      g_assert_cmpstr (problem (s, i)->message, !=, "");
    }
  g_assert_cmpint (query (f, "SELECT sum(amount_cents) FROM purchase_lines"), ==, 700);
}

static void
test_ambiguous_formats_warn (Fixture *f,
                             gconstpointer data)
{
  static const char csv[] = "Factuurdatum;Leverancier;Bedrag;Divisie\n"
                            "03-04-2025;A;1.234;D\n";
  g_autoptr (GError) error = NULL;
  g_autoptr (ImpactImportSummary) s = import (f, "a.csv", csv, NULL, &error);
  ImpactImportOptions options = { .decimal = IMPACT_DECIMAL_POINT, .date_order = IMPACT_DATE_ORDER_MDY, .include_duplicates = TRUE };
  g_autoptr (ImpactImportSummary) chosen = import (f, "a.csv", csv, &options, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (s->warnings->len, ==, 2);
  g_assert_cmpint (s->total_cents, ==, 123400);
  /* Day first: the 3rd of April. */
  g_assert_cmpint (query (f, "SELECT max(invoice_day) FROM purchase_lines"), ==,
                   impact_day_from_iso ("2025-04-03"));
  /* When the user says how, there is nothing to warn about. */
  g_assert_cmpuint (chosen->warnings->len, ==, 0);
  g_assert_cmpint (chosen->total_cents, ==, 123);
  /* Month first: the 4th of March. */
  g_assert_cmpint (query (f, "SELECT min(invoice_day) FROM purchase_lines"), ==,
                   impact_day_from_iso ("2025-03-04"));
}

static void
test_cancel (Fixture *f,
             gconstpointer data)
{
  GString *csv = g_string_new ("Factuurdatum;Factuurnummer;Leverancier;Bedrag;Divisie\n");
  g_autofree char *path = NULL;
  g_autoptr (GCancellable) cancellable = g_cancellable_new ();
  g_autoptr (GError) error = NULL;
  static const ImpactImportOptions options = { 0 };

  for (guint i = 0; i < 5000; i++)
    g_string_append_printf (csv, "01-01-2025;F%u;Leverancier %u;1,00;D\n", i, i % 50);
  path = write_file (f, "big.csv", csv->str, csv->len);
  g_string_free (csv, TRUE);

  g_cancellable_cancel (cancellable);
  g_assert_null (impact_import_file (f->store, path, &options, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_true (impact_store_is_empty (f->store, NULL));
}

/* The rows are read ahead on another thread, a few thousand at a time: a file that breaks
 * far into it still fails as a whole, with the row that broke it. */
static void
test_late_error (Fixture *f,
                 gconstpointer data)
{
  GString *csv = g_string_new ("Factuurdatum;Factuurnummer;Leverancier;Bedrag;Divisie\n");
  g_autofree char *path = NULL;
  g_autoptr (GError) error = NULL;
  static const ImpactImportOptions options = { 0 };

  for (guint i = 0; i < 9000; i++)
    g_string_append_printf (csv, "01-01-2025;F%u;Leverancier %u;1,00;D\n", i, i % 50);
  g_string_append (csv, "02-01-2025;\"");
  for (guint i = 0; i < 64 * 1024 / 8; i++)
    g_string_append (csv, "abcdefg ");
  path = write_file (f, "late.csv", csv->str, csv->len);
  g_string_free (csv, TRUE);

  g_assert_null (impact_import_file (f->store, path, &options, NULL, &error));
  g_assert_error (error, IMPACT_IMPORT_ERROR, IMPACT_IMPORT_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "Row 9002 "));
  g_assert_true (impact_store_is_empty (f->store, NULL));
  g_assert_cmpint (query (f, "SELECT count(*) FROM import_batches"), ==, 0);
}

static void
test_preview (Fixture *f,
              gconstpointer data)
{
  static const char incomplete[] = "Titel\nFactuurdatum;Leverancier;Omschrijving\n01-01-2025;A;x\n";
  g_autofree char *path = write_file (f, "inkoop.csv", dutch_csv, -1);
  g_autofree char *partial = write_file (f, "partial.csv", incomplete, -1);
  static const ImpactImportOptions options = { 0 };
  g_autoptr (GError) error = NULL;
  g_autoptr (ImpactImportSummary) s = impact_import_preview (NULL, path, &options, &error);
  g_autoptr (ImpactImportSummary) p = NULL;

  g_assert_no_error (error);
  g_assert_null (s->sheets);
  g_assert_cmpuint (s->header_row, ==, 3);
  /* The header and the eight rows after it. */
  g_assert_cmpuint (s->preview->len, ==, 9);
  g_assert_cmpstr (impact_row_get_cell (g_ptr_array_index (s->preview, 0), 4)->text, ==, "Bedrag excl. btw");
  g_assert_cmpint (impact_mapping_find (s->mapping, IMPACT_FIELD_AMOUNT), ==, 4);
  g_assert_cmpint (impact_mapping_find (s->mapping, IMPACT_FIELD_OBJECT), ==, 6);
  /* A preview reads, it does not write. */
  g_assert_true (impact_store_is_empty (f->store, NULL));

  /* An incomplete mapping still gives a preview, for the user to complete it. */
  p = impact_import_preview (NULL, partial, &options, &error);
  g_assert_no_error (error);
  g_assert_false (impact_mapping_check (p->mapping, NULL));
  g_assert_cmpuint (p->preview->len, ==, 2);
}

/* For "Factuurdatum;Leverancier;Bedrag;Divisie;Project;Omschrijving": the user ignores the
 * Project column and reads Omschrijving as the category. */
static const ImpactField project_ignored[] = {
  IMPACT_FIELD_INVOICE_DATE,
  IMPACT_FIELD_SUPPLIER_NAME,
  IMPACT_FIELD_AMOUNT,
  IMPACT_FIELD_DIVISION,
  IMPACT_FIELD_IGNORE,
  IMPACT_FIELD_CATEGORY,
};

static void
test_user_mapping (Fixture *f,
                   gconstpointer data)
{
  /* The user ignores the Project column and reads Omschrijving as the category. */
  static const char csv[] = "Factuurdatum;Leverancier;Bedrag;Divisie;Project;Omschrijving\n"
                            "01-01-2025;A;1,00;D;P1;Schoonmaak\n";
  ImpactImportOptions options = { .fields = project_ignored, .n_fields = G_N_ELEMENTS (project_ignored) };
  g_autoptr (GError) error = NULL;
  g_autoptr (ImpactImportSummary) s = import (f, "a.csv", csv, &options, &error);
  static const ImpactField no_amount[] = { IMPACT_FIELD_INVOICE_DATE, IMPACT_FIELD_SUPPLIER_NAME, IMPACT_FIELD_IGNORE };
  ImpactImportOptions broken = { .fields = no_amount, .n_fields = G_N_ELEMENTS (no_amount) };
  g_autoptr (ImpactImportSummary) none = NULL;

  g_assert_no_error (error);
  g_assert_cmpint (s->rows_accepted, ==, 1);
  g_assert_cmpuint (s->new_objects->len, ==, 0);
  g_assert_cmpint (query (f, "SELECT count(*) FROM purchase_lines WHERE category = 'Schoonmaak' AND description IS NULL"), ==, 1);

  /* Taking the amount away makes the mapping incomplete: nothing is imported. */
  none = import (f, "b.csv", csv, &broken, &error);
  g_assert_null (none);
  g_assert_error (error, IMPACT_IMPORT_ERROR, IMPACT_IMPORT_ERROR_MAPPING);
}

static void
test_status_names (void)
{
  static const struct
  {
    const char *text;
    const char *code;
  } cases[] = {
    { "PSO trede 2", "pso-2" },
    { "Trede 3", "pso-3" },
    { "pso-1", "pso-1" },
    { "PSO 30+", "pso-30plus" },
    { "PSO-basistrede", "pso-base" },
    { "Aspirant-status", "pso-aspirant" },
    { "SW-bedrijf", "sw" },
    { "Sociale werkvoorziening", "sw" },
    { "Sociale onderneming", "social-enterprise" },
    { "Social enterprise", "social-enterprise" },
    { "Eigen sociaal bedrijf", "own-social" },
    { "pso-30plus", "pso-30plus" },
    { "Groen keurmerk", NULL },
    { "none", NULL },
    { "", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      ImpactSocialClass kind = IMPACT_SOCIAL_CLASS_NONE;
      gboolean ok = impact_parse_status_kind (cases[i].text, &kind) && kind != IMPACT_SOCIAL_CLASS_NONE;

      g_test_message ("case %u: %s", i, cases[i].text);
      g_assert_cmpstr (ok ? impact_social_class_to_code (kind) : NULL, ==, cases[i].code);
    }
}

static void
test_certificate_register (Fixture *f,
                           gconstpointer data)
{
  static const char csv[] = "Leverancier;KvK-nummer;Keurmerk;Geldig vanaf;Geldig tot;Certificaatnummer;Omschrijving\n"
                            "Werkbedrijf Twente;87654321;SW-bedrijf;01-01-2020;;;x\n"
                            "Jansen Schoonmaak B.V.;12345678;PSO trede 2;15-03-2024;;PSO-123456;\n"
                            "Jansen Schoonmaak B.V.;12345678;PSO trede 2;15-03-2024;;PSO-123456;\n"
                            "Koffie & Kansen B.V.;;Sociale onderneming;01-06-2023;31-05-2025;;\n"
                            "Onbekend;;Groen keurmerk;01-01-2025;;;\n"
                            "Later;;PSO 30+;01-01-2025;01-01-2024;;\n"
                            "Datumloos;;PSO trede 1;gisteren;;;\n";
  ImpactImportOptions options = { .target = IMPACT_IMPORT_SUPPLIERS };
  g_autoptr (GError) error = NULL;
  g_autoptr (ImpactImportSummary) s = import (f, "register.csv", csv, &options, &error);
  g_autoptr (ImpactSupplier) jansen = NULL;
  g_autoptr (GPtrArray) statuses = NULL;
  g_autoptr (ImpactBatch) batch = NULL;
  ImpactStatus *pso;
  ImpactSocialClass klass;

  g_assert_no_error (error);
  g_assert_cmpint (s->rows_read, ==, 7);
  g_assert_cmpint (s->rows_accepted, ==, 3);
  g_assert_cmpint (s->rows_duplicate, ==, 1);
  g_assert_cmpint (s->rows_rejected, ==, 3);
  g_assert_cmpuint (problem (s, 0)->row, ==, 6);
  g_assert_cmpstr (problem (s, 0)->column, ==, "Keurmerk");
  g_assert_cmpstr (problem (s, 1)->column, ==, "Geldig tot");
  g_assert_cmpstr (problem (s, 2)->column, ==, "Geldig vanaf");
  /* "Omschrijving" belongs to purchase lines: not suggested for a register. */
  g_assert_cmpint (impact_mapping_find (s->mapping, IMPACT_FIELD_DESCRIPTION), ==, -1);
  g_assert_cmpint (query (f, "SELECT count(*) FROM purchase_lines"), ==, 0);

  jansen = impact_store_find_supplier (f->store, "12345678", NULL, NULL, NULL, &error);
  statuses = impact_store_list_statuses (f->store, jansen->id, &error);
  g_assert_cmpuint (statuses->len, ==, 1);
  pso = g_ptr_array_index (statuses, 0);
  g_assert_cmpint (pso->kind, ==, IMPACT_SOCIAL_CLASS_PSO_2);
  /* Only a start date: a PSO certificate runs two years less a day. */
  g_assert_cmpint (pso->valid_until, ==, impact_day_from_iso ("2026-03-14"));
  g_assert_cmpstr (pso->evidence, ==, "PSO-123456");
  g_assert_cmpint (pso->batch_id, ==, s->batch_id);

  /* The register counts at once for classification. */
  g_assert_true (impact_store_classify (f->store, jansen->id, impact_day_from_iso ("2025-01-01"), &klass, &error));
  g_assert_cmpint (klass, ==, IMPACT_SOCIAL_CLASS_PSO_2);

  batch = impact_store_get_batch (f->store, s->batch_id, &error);
  g_assert_cmpstr (batch->target, ==, "suppliers");
  g_assert_cmpint (batch->rows_accepted, ==, 3);
  g_assert_cmpint (batch->rows_rejected, ==, 3);

  /* Undo removes what the register brought. */
  g_assert_true (impact_store_delete_batch (f->store, s->batch_id, &error));
  g_assert_cmpint (query (f, "SELECT count(*) FROM supplier_statuses"), ==, 0);
}

static void
test_mapping_profiles (Fixture *f,
                       gconstpointer data)
{
  static const char march[] = "Factuurdatum;Leverancier;Bedrag;Divisie;Project;Omschrijving\n"
                              "01-03-2025;A;1,00;D;P1;Schoonmaak\n";
  /* The next month's export: the same columns, written a little differently. */
  static const char april[] = "FACTUURDATUM;Leverancier ;Bedrag;divisie;Project;Omschrijving\n"
                              "01-04-2025;B;2,00;D;P2;Catering\n";
  ImpactImportOptions chosen = { .fields = project_ignored, .n_fields = G_N_ELEMENTS (project_ignored) };
  g_autoptr (GError) error = NULL;
  g_autoptr (ImpactImportSummary) first = import (f, "maart.csv", march, &chosen, &error);
  g_autoptr (ImpactImportSummary) second = import (f, "april.csv", april, NULL, &error);
  g_autoptr (ImpactImportSummary) third = NULL;
  g_autofree char *json = NULL;
  g_autofree char *path = write_file (f, "mei.csv", march, -1);
  ImpactImportOptions explicit = { .include_duplicates = TRUE };

  g_assert_no_error (error);
  g_assert_false (first->remembered_mapping);
  g_assert_cmpuint (first->new_objects->len, ==, 0);

  /* Remembered for these columns: Project ignored, Omschrijving the category again. */
  g_assert_true (second->remembered_mapping);
  g_assert_cmpuint (second->new_objects->len, ==, 0);
  g_assert_cmpint (impact_mapping_find (second->mapping, IMPACT_FIELD_CATEGORY), ==, 5);
  g_assert_cmpint (query (f, "SELECT count(*) FROM purchase_lines WHERE category IN ('Schoonmaak', 'Catering')"), ==, 2);

  /* Exported and used explicitly: the same mapping. */
  json = impact_mapping_to_json (first->mapping, TRUE);
  g_assert_nonnull (strstr (json, "\"format\" : \"impact-dashboard-mapping\""));
  explicit.mapping_json = json;
  third = impact_import_file (f->store, path, &explicit, NULL, &error);
  g_assert_no_error (error);
  g_assert_false (third->remembered_mapping);
  g_assert_cmpint (impact_mapping_find (third->mapping, IMPACT_FIELD_OBJECT), ==, -1);
  g_assert_cmpint (impact_mapping_find (third->mapping, IMPACT_FIELD_CATEGORY), ==, 5);
}

static void
test_mapping_json_errors (Fixture *f,
                          gconstpointer data)
{
  static const struct
  {
    const char *json;
    const char *message_part;
  } cases[] = {
    { "{\"format\": ", "not valid JSON" },
    { "[1, 2]", "not valid JSON" },
    { "{\"columns\": {}}", "not a column mapping" },
    { "{\"format\": \"impact-dashboard-mapping\", \"version\": 2, \"columns\": {}}", "not a column mapping" },
    { "{\"format\": \"impact-dashboard-mapping\", \"version\": 1, \"target\": \"suppliers\", \"columns\": {}}", "“suppliers”" },
    { "{\"format\": \"impact-dashboard-mapping\", \"version\": 1, \"columns\": {\"Bedrag\": \"bedrag\"}}", "unknown field" },
    { "{\"format\": \"impact-dashboard-mapping\", \"version\": 1, \"columns\": {}, \"decimal\": \"dot\"}", "decimal" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GError) error = NULL;
      ImpactImportOptions options = { .mapping_json = cases[i].json };
      g_autoptr (ImpactImportSummary) s = import (f, "a.csv", dutch_csv, &options, &error);

      g_test_message ("case %u: %s", i, error != NULL ? error->message : "");
      g_assert_null (s);
      g_assert_error (error, IMPACT_IMPORT_ERROR, IMPACT_IMPORT_ERROR_MAPPING);
      g_assert_nonnull (strstr (error->message, cases[i].message_part));
      g_assert_true (impact_store_is_empty (f->store, NULL));
    }
}

static void
test_organisation (Fixture *f,
                   gconstpointer data)
{
  static const char org[] = "Divisie;Divisienaam;Object;Objectnaam;Opdrachtgever;Contractwaarde;Startdatum;Einddatum contract\n"
                            "SCHOON;Schoonmaak;SCH-101;Stadhuis;Gemeente Utrecht;2.500.000,00;01-01-2024;31-12-2027\n"
                            "SCHOON;;SCH-102;Campus;Hogeschool Utrecht;750.000,00;01-07-2025;30-06-2028\n"
                            "CATER;Catering;;;;;;\n"
                            "CATER;;CAT-1;Ziekenhuis;;-5,00;;\n"
                            "TECH;;TEC-1;Werf;;100,00;01-01-2026;01-01-2025\n";
  /* A later file updates one contract and leaves what it does not say. */
  static const char update[] = "Divisie;Object;Opdrachtgever;Einddatum contract\n"
                               "SCHOON;SCH-101;Gemeente Utrecht (Stadsbedrijven);31-12-2028\n";
  static const char purchases[] = "Factuurdatum;Leverancier;Bedrag;Divisie;Project\n"
                                  "01-03-2025;A;1,00;SCHOON;SCH-101\n";
  ImpactImportOptions options = { .target = IMPACT_IMPORT_ORGANISATION };
  g_autoptr (GError) error = NULL;
  g_autoptr (ImpactImportSummary) s = import (f, "org.csv", org, &options, &error);
  g_autoptr (ImpactImportSummary) u = NULL;
  g_autoptr (ImpactImportSummary) p = NULL;
  g_autoptr (ImpactNode) stadhuis = NULL;

  g_assert_no_error (error);
  g_assert_cmpint (s->rows_accepted, ==, 3);
  g_assert_cmpint (s->rows_rejected, ==, 2);
  g_assert_cmpstr (problem (s, 0)->column, ==, "Contractwaarde");
  g_assert_cmpstr (problem (s, 1)->column, ==, "Einddatum contract");
  g_assert_cmpuint (s->new_divisions->len, ==, 2);
  g_assert_cmpuint (s->new_objects->len, ==, 2);
  /* Rejected rows leave no units behind. */
  g_assert_cmpint (query (f, "SELECT count(*) FROM nodes WHERE code IN ('TECH', 'TEC-1', 'CAT-1')"), ==, 0);

  stadhuis = impact_store_find_node (f->store, IMPACT_NODE_OBJECT, "SCH-101", &error);
  g_assert_cmpstr (stadhuis->client, ==, "Gemeente Utrecht");
  g_assert_cmpint (stadhuis->contract_value_cents, ==, 250000000);
  g_assert_cmpint (stadhuis->contract_start, ==, impact_day_from_iso ("2024-01-01"));
  g_assert_cmpint (stadhuis->contract_end, ==, impact_day_from_iso ("2027-12-31"));
  g_clear_pointer (&stadhuis, impact_node_free);

  u = import (f, "update.csv", update, &options, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (u->new_objects->len, ==, 0);
  stadhuis = impact_store_find_node (f->store, IMPACT_NODE_OBJECT, "SCH-101", &error);
  g_assert_cmpstr (stadhuis->client, ==, "Gemeente Utrecht (Stadsbedrijven)");
  g_assert_cmpstr (stadhuis->name, ==, "Stadhuis");
  g_assert_cmpint (stadhuis->contract_value_cents, ==, 250000000);
  g_assert_cmpint (stadhuis->contract_end, ==, impact_day_from_iso ("2028-12-31"));

  /* Purchases refer to SCH-101 (and so SCHOON): undoing the organisation keeps those two. */
  p = import (f, "inkoop.csv", purchases, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (impact_store_delete_batch (f->store, s->batch_id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (query (f, "SELECT count(*) FROM nodes WHERE code IN ('SCHOON', 'SCH-101')"), ==, 2);
  g_assert_cmpint (query (f, "SELECT count(*) FROM nodes WHERE code IN ('SCH-102', 'CATER')"), ==, 0);
  g_assert_cmpint (query (f, "SELECT count(*) FROM purchase_lines"), ==, 1);
}

static void
test_exchange_format (Fixture *f,
                      gconstpointer data)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "exchange-v1.json", NULL);
  static const ImpactImportOptions options = { 0 };
  g_autoptr (GError) error = NULL;
  g_autoptr (ImpactImportSummary) s = impact_import_file (f->store, path, &options, NULL, &error);
  g_autoptr (ImpactImportSummary) again = NULL;
  g_autoptr (ImpactNode) stadhuis = NULL;
  g_autoptr (ImpactSupplier) jansen = NULL;
  ImpactSocialClass klass;

  g_assert_no_error (error);
  g_assert_cmpint (s->rows_read, ==, 5);
  g_assert_cmpint (s->rows_accepted, ==, 2);
  g_assert_cmpint (s->total_cents, ==, 123456 - 5000);
  g_assert_cmpint (s->statuses_added, ==, 2);
  g_assert_cmpint (s->rows_rejected, ==, 4);
  g_assert_cmpstr (problem (s, 0)->column, ==, "objects.division");
  g_assert_cmpuint (problem (s, 1)->row, ==, 3);
  g_assert_cmpstr (problem (s, 1)->column, ==, "purchase_lines.invoice_date");
  g_assert_cmpstr (problem (s, 3)->column, ==, "purchase_lines.amount_cents");

  stadhuis = impact_store_find_node (f->store, IMPACT_NODE_OBJECT, "SCH-101", &error);
  g_assert_cmpint (stadhuis->contract_value_cents, ==, 250000000);
  g_assert_cmpint (stadhuis->contract_end, ==, impact_day_from_iso ("2027-12-31"));
  jansen = impact_store_find_supplier (f->store, "12345678", NULL, NULL, NULL, &error);
  g_assert_true (impact_store_classify (f->store, jansen->id, impact_day_from_iso ("2025-03-15"), &klass, &error));
  g_assert_cmpint (klass, ==, IMPACT_SOCIAL_CLASS_PSO_2);
  g_assert_cmpint (query (f, "SELECT count(*) FROM purchase_lines WHERE object_id IS NOT NULL"), ==, 1);

  /* A whole dataset goes into a database without purchase lines only. */
  again = impact_import_file (f->store, path, &options, NULL, &error);
  g_assert_null (again);
  g_assert_error (error, IMPACT_IMPORT_ERROR, IMPACT_IMPORT_ERROR_UNSUPPORTED);
  g_clear_error (&error);

  /* Undo takes back all it brought: lines, statuses and the units nothing else uses. */
  g_assert_true (impact_store_delete_batch (f->store, s->batch_id, &error));
  g_assert_cmpint (query (f, "SELECT count(*) FROM purchase_lines"), ==, 0);
  g_assert_cmpint (query (f, "SELECT count(*) FROM supplier_statuses"), ==, 0);
  g_assert_cmpint (query (f, "SELECT count(*) FROM nodes WHERE level > 0"), ==, 0);
}

static void
record_fraction (double fraction,
                 gpointer user_data)
{
  g_array_append_val ((GArray *) user_data, fraction);
}

static void
test_progress (Fixture *f,
               gconstpointer data)
{
  GString *csv = g_string_new ("Factuurdatum;Factuurnummer;Leverancier;Bedrag;Divisie\n");
  g_autofree char *path = NULL;
  g_autoptr (GArray) fractions = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GError) error = NULL;
  g_autoptr (ImpactImportSummary) s = NULL;
  ImpactImportOptions options = { .progress = record_fraction, .progress_data = fractions };

  for (guint i = 0; i < 50000; i++)
    g_string_append_printf (csv, "01-01-2025;F%u;Leverancier %u;1,00;D\n", i, i % 50);
  path = write_file (f, "big.csv", csv->str, csv->len);
  g_string_free (csv, TRUE);

  s = impact_import_file (f->store, path, &options, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (s->rows_accepted, ==, 50000);
  /* Reported every few thousand rows, growing, never past the end. */
  g_assert_cmpuint (fractions->len, >=, 10);
  for (guint i = 1; i < fractions->len; i++)
    g_assert_cmpfloat (g_array_index (fractions, double, i), >=, g_array_index (fractions, double, i - 1));
  g_assert_cmpfloat (g_array_index (fractions, double, fractions->len - 1), <=, 1.0);
  g_assert_cmpfloat (g_array_index (fractions, double, fractions->len - 1), >, 0.8);
}

static void
test_csv_reader (void)
{
  static const struct
  {
    const char *csv;
    char delimiter;
    guint n_columns;
    const char *second_cell;
  } cases[] = {
    { "a;b;c\n1;2;3\n", ';', 3, "b" },
    { "a,b,c\n1,2,3\n", ',', 3, "b" },
    { "a\tb\tc\n1\t2\t3\n", '\t', 3, "b" },
    { "a|b|c\n1|2|3\n", '|', 3, "b" },
    /* Commas inside quotes do not count: the delimiter is the semicolon. */
    { "\"a, x\";\"b, y\"\n\"1, 2\";3\n", ';', 2, "b, y" },
    { "naam;bedrag\n\"Jansen \"\"de Jong\"\"\";\"1.234,56\"\n", ';', 2, "bedrag" },
    { "a;b\r\n1;2\r\n", ';', 2, "b" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GBytes) bytes = g_bytes_new_static (cases[i].csv, strlen (cases[i].csv));
      g_autoptr (GError) error = NULL;
      g_autoptr (ImpactReader) reader = impact_csv_reader_new_for_bytes (bytes, "t.csv", &error);
      g_autoptr (ImpactRow) row = impact_row_new ();
      guint n_rows = 0;

      g_assert_no_error (error);
      g_assert_cmpint (impact_csv_reader_get_delimiter (IMPACT_CSV_READER (reader)), ==, cases[i].delimiter);
      g_assert_true (impact_reader_read_row (reader, row, &error));
      g_assert_cmpuint (row->cells->len, ==, cases[i].n_columns);
      g_assert_cmpstr (impact_row_get_cell (row, 1)->text, ==, cases[i].second_cell);
      do
        n_rows++;
      while (impact_reader_read_row (reader, row, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (n_rows, ==, 2);
    }
}

/* The lines keep the file's order in their numbers, over several chunks of the bulk insert
 * (on a server: through the staging table, read back without sorting). */
static void
test_file_order (Fixture *f,
                 gconstpointer data)
{
  g_autoptr (GString) csv = g_string_new ("Factuurdatum;Factuurnummer;Leverancier;KvK-nummer;Bedrag;Divisie\n");
  g_autoptr (ImpactImportSummary) s = NULL;
  g_autoptr (ImpactDbStmt) stmt = NULL;
  g_autoptr (GError) error = NULL;
  const guint n = 10000;
  guint i = 0;

  /* Invoice numbers in an order of their own, so that neither sorting by number nor by
   * anything else of the line would give the file's. */
  for (guint r = 0; r < n; r++)
    g_string_append_printf (csv, "%02u-03-2025;F%05u;Leverancier %u;%08u;%u,00;DIV%u\n", 1 + r % 28, (r * 7919) % n,
                            r % 7, 10000000 + r % 7, 1 + r % 90, r % 3);
  s = import (f, "volgorde.csv", csv->str, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (s->rows_accepted, ==, n);

  stmt = impact_db_stmt_new (impact_store_get_db (f->store), "SELECT invoice_number FROM purchase_lines ORDER BY id",
                             &error);
  g_assert_no_error (error);
  while (impact_db_stmt_step (stmt, &error) == IMPACT_DB_ROW)
    {
      g_autofree char *expected = g_strdup_printf ("F%05u", (i * 7919) % n);

      g_assert_cmpstr (impact_db_stmt_get_text (stmt, 0), ==, expected);
      i++;
    }
  g_assert_no_error (error);
  g_assert_cmpuint (i, ==, n);
}

int
main (int argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, impact_test_store_set_up, func, impact_test_store_tear_down)
  ADD ("/import/dutch-csv", test_dutch_csv);
  ADD ("/import/rows-after-sample", test_rows_after_sample);
  ADD ("/import/again-is-all-duplicates", test_again_is_all_duplicates);
  ADD ("/import/dry-run-writes-nothing", test_dry_run_writes_nothing);
  ADD ("/import/english-csv", test_english_csv);
  ADD ("/import/windows-1252", test_windows_1252);
  ADD ("/import/json", test_json);
  ADD ("/import/bad-files", test_bad_files);
  ADD ("/import/bad-rows", test_bad_rows);
  ADD ("/import/ambiguous-formats-warn", test_ambiguous_formats_warn);
  ADD ("/import/cancel", test_cancel);
  ADD ("/import/late-error", test_late_error);
  ADD ("/import/preview", test_preview);
  ADD ("/import/user-mapping", test_user_mapping);
  ADD ("/import/certificate-register", test_certificate_register);
  ADD ("/import/mapping-profiles", test_mapping_profiles);
  ADD ("/import/mapping-json-errors", test_mapping_json_errors);
  ADD ("/import/organisation", test_organisation);
  ADD ("/import/exchange-format", test_exchange_format);
  ADD ("/import/progress", test_progress);
  ADD ("/import/file-order", test_file_order);
#undef ADD
  g_test_add_func ("/import/csv-reader", test_csv_reader);
  g_test_add_func ("/import/status-names", test_status_names);

  return g_test_run ();
}
