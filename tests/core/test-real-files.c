/* test-real-files.c: exports in the shapes other systems write, imported without help
 *
 * A Dutch contract register with its SROI obligations, a purchase file that names its
 * divisions by code, suppliers with KvK numbers and the same names, an English public
 * spend export with month names, the same register as XLSX, and columns that could be one
 * field or another.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <string.h>
#include <xlsxwriter.h>

#include "impact-test-store.h"
#include "impact-test-utils.h"
#include "import/impact-importer.h"
#include "model/impact-format.h"
#include "storage/impact-db-stmt.h"
#include "storage/impact-store-sroi.h"

typedef ImpactTestStore Fixture;

static ImpactImportSummary *
import (Fixture *f,
        const char *name,
        const char *contents,
        ImpactImportTarget target,
        GError **error)
{
  g_autofree char *path = g_build_filename (f->dir, name, NULL);
  ImpactImportOptions options = { .target = target };

  g_assert_true (g_file_set_contents (path, contents, -1, NULL));
  return impact_import_file (f->store, path, &options, NULL, error);
}

static gint64
query (Fixture *f,
       const char *sql,
       const char *text)
{
  ImpactDb *db = impact_store_get_db (f->store);
  g_autoptr (ImpactDbStmt) stmt = impact_db_stmt_new (db, sql, NULL);
  gint64 value = -1;

  g_assert_nonnull (stmt);
  if (text != NULL)
    impact_db_stmt_bind_text (stmt, 1, text);
  if (impact_db_stmt_step (stmt, NULL) == IMPACT_DB_ROW)
    value = impact_db_stmt_get_int64 (stmt, 0);
  return value;
}

/* The obligation of an object in cents, as the dashboard computes it. */
static gint64
obligation_of (Fixture *f,
               const char *code)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ImpactNode) node = impact_store_find_node (f->store, IMPACT_NODE_OBJECT, code, &error);
  ImpactSroiObligation obligation;
  gint64 cents;

  g_assert_no_error (error);
  g_assert_true (impact_store_get_sroi_obligation (f->store, node->id, &obligation, &error));
  cents = obligation.kind == IMPACT_SROI_NONE ? -1 : impact_sroi_obligation_cents (&obligation, node->contract_value_cents);
  impact_sroi_obligation_clear (&obligation);
  return cents;
}

static const char contract_register[] =
    "Divisiecode;Divisie;Objectcode;Object;Opdrachtgever;Contractwaarde;Startdatum;Einddatum;SROI-percentage;"
    "SROI-plafond;SROI-bedrag\n"
    "SCH;Schoonmaak Noord;OBJ-001;Stadhuis Utrecht;Gemeente Utrecht;1.200.000,00;01-01-2024;31-12-2027;5%;;\n"
    "SCH;Schoonmaak Noord;OBJ-002;Ziekenhuis Breda;Amphia;8.000.000,00;01-03-2024;28-02-2028;2%;"
    "100.000,00;\n"
    "CAT;Catering Zuid;OBJ-003;Kantine Provinciehuis;Provincie Brabant;450.000,00;01-07-2024;30-06-2026;;;"
    "25.000,00\n"
    "CAT;Catering Zuid;OBJ-004;Bedrijfsrestaurant;Philips;300.000,00;01-01-2025;31-12-2025;;;\n";

/* The register: its divisions by code with their names, each contract with its end and
 * its obligation, worked out here by hand. */
static void
test_contract_register (Fixture *f,
                        gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ImpactImportSummary) s = import (f, "contracten.csv", contract_register, IMPACT_IMPORT_ORGANISATION, &error);
  g_autoptr (ImpactNode) obj2 = NULL;
  g_autoptr (ImpactNode) sch = NULL;

  g_assert_no_error (error);
  g_assert_cmpint (s->rows_accepted, ==, 4);
  g_assert_cmpint (s->rows_rejected, ==, 0);
  g_assert_cmpint (s->obligations_set, ==, 3);
  g_assert_cmpuint (s->new_divisions->len, ==, 2);

  sch = impact_store_find_node (f->store, IMPACT_NODE_DIVISION, "SCH", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sch->name, ==, "Schoonmaak Noord");
  g_assert_cmpint (query (f, "SELECT count (*) FROM nodes WHERE level = 1", NULL), ==, 2);

  obj2 = impact_store_find_node (f->store, IMPACT_NODE_OBJECT, "OBJ-002", &error);
  g_assert_cmpstr (obj2->client, ==, "Amphia");
  g_assert_cmpint (obj2->contract_end, ==, impact_day_from_iso ("2028-02-28"));
  g_assert_cmpint (obj2->contract_value_cents, ==, 800000000);

  /* 5% of 1,200,000 = 60,000; 2% of 8,000,000 = 160,000 capped at 100,000; a fixed
   * 25,000; none. */
  g_assert_cmpint (obligation_of (f, "OBJ-001"), ==, 6000000);
  g_assert_cmpint (obligation_of (f, "OBJ-002"), ==, 10000000);
  g_assert_cmpint (obligation_of (f, "OBJ-003"), ==, 2500000);
  g_assert_cmpint (obligation_of (f, "OBJ-004"), ==, -1);

  /* A purchase file that names the division by its code lands under it. */
  {
    g_autoptr (ImpactImportSummary) p = import (f, "inkoop.csv",
                                                "Factuurdatum;Leverancier;Bedrag;Divisie;Object\n"
                                                "02-02-2025;Jansen;100,00;SCH;OBJ-001\n",
                                                IMPACT_IMPORT_PURCHASES, &error);

    g_assert_no_error (error);
    g_assert_cmpint (p->rows_accepted, ==, 1);
    g_assert_cmpuint (p->new_divisions->len, ==, 0);
    g_assert_cmpint (query (f, "SELECT count (*) FROM purchase_lines WHERE division_id = "
                               "(SELECT id FROM nodes WHERE code = 'SCH' AND level = 1)",
                            NULL),
                     ==, 1);
  }
}

/* 150 contracts in one file, with their obligations summed here by hand. */
static void
test_large_register (Fixture *f,
                     gconstpointer data)
{
  g_autoptr (GString) csv = g_string_new ("Division code;Division name;Contract code;Contract name;Contract value (EUR);"
                                          "Contract start;Contract end;Social return %;SROI cap\n");
  g_autoptr (GError) error = NULL;
  g_autoptr (ImpactImportSummary) s = NULL;
  gint64 expected = 0, stored = 0;

  for (guint i = 0; i < 150; i++)
    {
      gint64 value = 100000 + 1000 * (gint64) i;
      guint percent = 2 + i % 4;
      gint64 obligation = value * percent;

      /* Every fifth one with a cap of 5,000 euros. */
      if (i % 5 == 0)
        obligation = MIN (obligation, 500000);
      expected += obligation;
      g_string_append_printf (csv, "DIV%u;Division %u;C-%03u;Contract %u;%" G_GINT64_FORMAT ".00;2025-01-01;2027-12-31;%u;%s\n",
                              i % 3, i % 3, i, i, value, percent, i % 5 == 0 ? "5000" : "");
    }
  s = import (f, "register.csv", csv->str, IMPACT_IMPORT_ORGANISATION, &error);
  g_assert_no_error (error);
  g_assert_cmpint (s->rows_accepted, ==, 150);
  g_assert_cmpint (s->obligations_set, ==, 150);
  for (guint i = 0; i < 150; i++)
    {
      g_autofree char *code = g_strdup_printf ("C-%03u", i);

      stored += obligation_of (f, code);
    }
  g_assert_cmpint (stored, ==, expected);
}

/* Undoing a register puts back the contracts and obligations as they were before it. */
static void
test_undo_restores_obligations (Fixture *f,
                                gconstpointer data)
{
  static const char changes[] = "Divisiecode;Objectcode;Contractwaarde;Einddatum;SROI-percentage;SROI-bedrag\n"
                                "SCH;OBJ-001;2.000.000,00;31-12-2029;;50.000,00\n"
                                "CAT;OBJ-004;300.000,00;31-12-2025;3%;\n"
                                "CAT;OBJ-005;100.000,00;31-12-2025;4%;\n";
  g_autoptr (GError) error = NULL;
  g_autoptr (ImpactImportSummary) first = import (f, "contracten.csv", contract_register, IMPACT_IMPORT_ORGANISATION, &error);
  g_autoptr (ImpactImportSummary) second = NULL;
  g_autoptr (ImpactNode) obj1 = NULL;

  g_assert_no_error (error);
  g_assert_cmpint (first->obligations_set, ==, 3);
  second = import (f, "wijzigingen.csv", changes, IMPACT_IMPORT_ORGANISATION, &error);
  g_assert_no_error (error);
  g_assert_cmpint (second->rows_accepted, ==, 3);
  g_assert_cmpint (obligation_of (f, "OBJ-001"), ==, 5000000);
  g_assert_cmpint (obligation_of (f, "OBJ-004"), ==, 900000);
  g_assert_cmpint (obligation_of (f, "OBJ-005"), ==, 400000);

  g_assert_true (impact_store_delete_batch (f->store, second->batch_id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (obligation_of (f, "OBJ-001"), ==, 6000000);
  g_assert_cmpint (obligation_of (f, "OBJ-004"), ==, -1);
  obj1 = impact_store_find_node (f->store, IMPACT_NODE_OBJECT, "OBJ-001", &error);
  g_assert_cmpint (obj1->contract_value_cents, ==, 120000000);
  g_assert_cmpint (obj1->contract_end, ==, impact_day_from_iso ("2027-12-31"));
  /* The object the undone import created is gone, with its obligation. */
  g_assert_cmpint (query (f, "SELECT count (*) FROM nodes WHERE code = 'OBJ-005'", NULL), ==, 0);
  g_assert_cmpint (query (f, "SELECT count (*) FROM sroi_obligations", NULL), ==, 3);
}

/* Bad obligations are refused row by row, with the column. */
static void
test_bad_obligations (Fixture *f,
                      gconstpointer data)
{
  static const char csv[] = "Divisiecode;Objectcode;Contractwaarde;SROI %;SROI-bedrag;Maximum SROI;SROI-regeling\n"
                            "SCH;O-1;1000;5%;500;;\n"     /* both */
                            "SCH;O-2;1000;vijf;;;\n"      /* not a percentage */
                            "SCH;O-3;1000;;;200;\n"       /* a cap without a percentage */
                            "SCH;O-4;1000;5;;;Onbekend\n" /* no such rule set */
                            "SCH;;;5;;;\n"                /* no object */
                            "SCH;O-6;1000;5;;;Standaard\n";
  g_autoptr (GError) error = NULL;
  g_autoptr (ImpactImportSummary) s = import (f, "fout.csv", csv, IMPACT_IMPORT_ORGANISATION, &error);
  static const char *const columns[] = { "SROI-bedrag", "SROI %", "Maximum SROI", "SROI-regeling", "Objectcode" };

  g_assert_no_error (error);
  g_assert_cmpint (s->rows_accepted, ==, 1);
  g_assert_cmpint (s->rows_rejected, ==, 5);
  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    {
      const ImpactImportProblem *p = g_ptr_array_index (s->problems, i);

      g_assert_cmpuint (p->row, ==, i + 2);
      g_assert_cmpstr (p->column, ==, columns[i]);
    }
  g_assert_cmpint (obligation_of (f, "O-6"), ==, 5000);
}

/* One company per KvK number: the same name with other numbers is another company, and a
 * row without a number is matched by name only where that tells, and says so. */
static void
test_suppliers_by_number (Fixture *f,
                          gconstpointer data)
{
  static const char csv[] = "date,supplier_kvk,supplier_name,division,object_code,category,amount_eur,invoice_no\n"
                            "2025-01-02,10000001,Jansen BV,D1,O1,cleaning,10.00,A1\n"
                            "2025-01-03,10000002,Jansen BV,D1,O1,cleaning,20.00,A2\n"
                            "2025-01-04,10000003,Jansen BV,D1,O1,cleaning,30.00,A3\n"
                            "2025-01-05,10000001,Jansen B.V.,D1,O1,cleaning,40.00,A4\n"
                            "2025-01-06,20000001,Pietersen,D1,O1,cleaning,50.00,A5\n"
                            "2025-01-07,,Pietersen,D1,O1,cleaning,60.00,A6\n"
                            "2025-01-08,,Jansen BV,D1,O1,cleaning,70.00,A7\n";
  g_autoptr (GError) error = NULL;
  g_autoptr (ImpactImportSummary) s = import (f, "spend.csv", csv, IMPACT_IMPORT_PURCHASES, &error);

  g_assert_no_error (error);
  g_assert_cmpint (g_array_index (s->mapping->fields, ImpactField, 1), ==, IMPACT_FIELD_SUPPLIER_KVK);
  g_assert_cmpint (query (f, "SELECT count (*) FROM suppliers", NULL), ==, 4);
  g_assert_cmpint (query (f, "SELECT count (*) FROM suppliers WHERE norm_name = "
                             "(SELECT norm_name FROM suppliers WHERE kvk = '10000001')",
                          NULL),
                   ==, 3);
  /* Pietersen without a number is the one Pietersen, matched by name and said so. */
  g_assert_cmpuint (s->name_matches->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (s->name_matches, 0), ==, "Pietersen");
  /* "Jansen BV" without a number could be any of three: refused. */
  g_assert_cmpint (s->rows_accepted, ==, 6);
  g_assert_cmpint (s->rows_rejected, ==, 1);
  g_assert_cmpuint (((ImpactImportProblem *) g_ptr_array_index (s->problems, 0))->row, ==, 8);
  g_assert_cmpint (query (f, "SELECT sum (amount_cents) FROM purchase_lines WHERE supplier_id = "
                             "(SELECT id FROM suppliers WHERE kvk = '10000001')",
                          NULL),
                   ==, 5000);
}

/* An English public spend export: other names, dates with month names, a service label
 * for the division. */
static void
test_english_spend (Fixture *f,
                    gconstpointer data)
{
  static const char csv[] = "Body Name,Service Label,Expenditure Category,Payment date,Transaction Number,"
                            "Net Amount,Supplier Name\n"
                            "Borough Council,Adult Social Care,Care homes,23-Apr-2012,4001,\"1,250.00\",Acme Care Ltd\n"
                            "Borough Council,Adult Social Care,Care homes,24-Apr-2012,4002,99.50,Bolt plc\n"
                            "Borough Council,Highways,Repairs,2-May-2012,4003,-10.00,Acme Care Ltd\n";
  g_autoptr (GError) error = NULL;
  g_autoptr (ImpactImportSummary) s = import (f, "spend-2012.csv", csv, IMPACT_IMPORT_PURCHASES, &error);

  g_assert_no_error (error);
  g_assert_cmpint (s->rows_accepted, ==, 3);
  g_assert_cmpint (s->total_cents, ==, 133950);
  g_assert_cmpint (query (f, "SELECT min (invoice_day) FROM purchase_lines", NULL), ==, impact_day_from_iso ("2012-04-23"));
  g_assert_cmpint (query (f, "SELECT max (invoice_day) FROM purchase_lines", NULL), ==, impact_day_from_iso ("2012-05-02"));
  g_assert_cmpint (query (f, "SELECT count (*) FROM nodes WHERE level = 1", NULL), ==, 2);
  g_assert_cmpint (query (f, "SELECT count (*) FROM purchase_lines WHERE category = 'Care homes'", NULL), ==, 2);
  /* The column nothing fits is ignored and says so. */
  g_assert_cmpint (g_array_index (s->mapping->fields, ImpactField, 0), ==, IMPACT_FIELD_IGNORE);
}

/* The contract register as a workbook: numbers as numbers, a percentage as 0.05, dates as
 * dates. */
static void
test_register_xlsx (Fixture *f,
                    gconstpointer data)
{
  g_autofree char *path = g_build_filename (f->dir, "contracten.xlsx", NULL);
  lxw_workbook *workbook = workbook_new (path);
  lxw_worksheet *sheet = workbook_add_worksheet (workbook, "Contracten");
  lxw_format *date = workbook_add_format (workbook);
  lxw_format *percent = workbook_add_format (workbook);
  lxw_datetime start = { 2024, 1, 1, 0, 0, 0 }, end = { 2027, 12, 31, 0, 0, 0 };
  static const char *const header[] = { "Divisiecode", "Divisie", "Objectcode", "Object", "Contractwaarde",
                                        "Startdatum", "Einddatum", "SROI-percentage" };
  ImpactImportOptions options = { .target = IMPACT_IMPORT_ORGANISATION };
  g_autoptr (GError) error = NULL;
  g_autoptr (ImpactImportSummary) s = NULL;
  g_autoptr (ImpactNode) node = NULL;

  format_set_num_format (date, "dd-mm-yyyy");
  format_set_num_format (percent, "0%");
  for (guint c = 0; c < G_N_ELEMENTS (header); c++)
    worksheet_write_string (sheet, 0, c, header[c], NULL);
  for (guint r = 1; r <= 2; r++)
    {
      worksheet_write_string (sheet, r, 0, r == 1 ? "SCH" : "CAT", NULL);
      worksheet_write_string (sheet, r, 1, r == 1 ? "Schoonmaak Noord" : "Catering Zuid", NULL);
      worksheet_write_string (sheet, r, 2, r == 1 ? "OBJ-001" : "OBJ-002", NULL);
      worksheet_write_string (sheet, r, 3, r == 1 ? "Stadhuis" : "Kantine", NULL);
      worksheet_write_number (sheet, r, 4, r == 1 ? 1200000 : 300000, NULL);
      worksheet_write_datetime (sheet, r, 5, &start, date);
      worksheet_write_datetime (sheet, r, 6, &end, date);
      worksheet_write_number (sheet, r, 7, r == 1 ? 0.05 : 0.035, percent);
    }
  g_assert_cmpint (workbook_close (workbook), ==, LXW_NO_ERROR);

  s = impact_import_file (f->store, path, &options, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (s->rows_accepted, ==, 2);
  g_assert_cmpint (obligation_of (f, "OBJ-001"), ==, 6000000);
  g_assert_cmpint (obligation_of (f, "OBJ-002"), ==, 1050000);
  node = impact_store_find_node (f->store, IMPACT_NODE_DIVISION, "CAT", &error);
  g_assert_cmpstr (node->name, ==, "Catering Zuid");
}

/* Two columns either of which could be the date: refused until a mapping says which; a
 * mapping remembered for these columns decides without asking. */
static void
test_uncertain_refused (Fixture *f,
                        gconstpointer data)
{
  static const char csv[] = "Datum;Date;Leverancier;Bedrag;Divisie\n"
                            "01-02-2025;02-02-2025;Jansen;10,00;SCH\n";
  static const char mapping[] = "{\"format\": \"impact-dashboard-mapping\", \"version\": 1, \"target\": \"purchases\","
                                " \"columns\": {\"Date\": \"invoice-date\", \"Leverancier\": \"supplier-name\","
                                " \"Bedrag\": \"amount\", \"Divisie\": \"division\"}}";
  g_autofree char *path = g_build_filename (f->dir, "twee.csv", NULL);
  ImpactImportOptions options = { 0 };
  g_autoptr (GError) error = NULL;
  g_autoptr (ImpactImportSummary) s = NULL;
  g_autoptr (ImpactImportSummary) again = NULL;

  g_assert_true (g_file_set_contents (path, csv, -1, NULL));
  s = impact_import_file (f->store, path, &options, NULL, &error);
  g_assert_null (s);
  g_assert_error (error, IMPACT_IMPORT_ERROR, IMPACT_IMPORT_ERROR_UNCERTAIN);
  g_assert_nonnull (strstr (error->message, "“Datum”"));
  g_assert_cmpint (query (f, "SELECT count (*) FROM purchase_lines", NULL), ==, 0);
  g_clear_error (&error);

  options.mapping_json = mapping;
  s = impact_import_file (f->store, path, &options, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (query (f, "SELECT max (invoice_day) FROM purchase_lines", NULL), ==, impact_day_from_iso ("2025-02-02"));

  /* The next file with these columns is mapped as that one was. */
  options.mapping_json = NULL;
  options.include_duplicates = TRUE;
  again = impact_import_file (f->store, path, &options, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (again->remembered_mapping);
}

/* Day and month are told apart by the whole column: 1,500 dates that read both ways, then
 * one that is month-day-year only. */
static void
test_date_order_whole_column (Fixture *f,
                              gconstpointer data)
{
  g_autoptr (GString) csv = g_string_new ("Invoice date;Supplier;Amount;Division\n");
  g_autoptr (GError) error = NULL;
  g_autoptr (ImpactImportSummary) s = NULL;

  for (guint i = 0; i < 1500; i++)
    g_string_append_printf (csv, "%02u/%02u/2025;Acme;1,00;D1\n", 1 + i % 12, 1 + i % 12 == 3 ? 4 : 3);
  g_string_append (csv, "04/23/2025;Acme;1,00;D1\n");
  s = import (f, "us.csv", csv->str, IMPACT_IMPORT_PURCHASES, &error);
  g_assert_no_error (error);
  g_assert_cmpint (s->rows_accepted, ==, 1501);
  g_assert_cmpint (s->rows_rejected, ==, 0);
  /* 01/03/2025 is the 3rd of January, not the 1st of March. */
  g_assert_cmpint (query (f, "SELECT min (invoice_day) FROM purchase_lines", NULL), ==, impact_day_from_iso ("2025-01-03"));
  g_assert_cmpint (query (f, "SELECT count (*) FROM import_batches", NULL), ==, 1);
  g_assert_nonnull (strstr (g_ptr_array_index (s->warnings, s->warnings->len - 1), "04/23/2025"));
}

int
main (int argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) g_test_add (name, Fixture, NULL, impact_test_store_set_up, func, impact_test_store_tear_down)
  ADD ("/real-files/contract-register", test_contract_register);
  ADD ("/real-files/large-register", test_large_register);
  ADD ("/real-files/undo-restores-obligations", test_undo_restores_obligations);
  ADD ("/real-files/bad-obligations", test_bad_obligations);
  ADD ("/real-files/suppliers-by-number", test_suppliers_by_number);
  ADD ("/real-files/english-spend", test_english_spend);
  ADD ("/real-files/register-xlsx", test_register_xlsx);
  ADD ("/real-files/uncertain-refused", test_uncertain_refused);
  ADD ("/real-files/date-order-whole-column", test_date_order_whole_column);
#undef ADD

  return g_test_run ();
}
