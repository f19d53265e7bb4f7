/* test-column-guess.c: column names read by meaning, and the guess confirmed by the values
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include "import/impact-column-guess.h"
#include "import/impact-header-words.h"

/* Column names as ERP exports, public spend files and registers write them, and the field
 * each must become for what is imported. */
static const struct
{
  const char *header;
  ImpactImportTarget target;
  ImpactField field;
} headers[] = {
  { "Factuurdatum", IMPACT_IMPORT_PURCHASES, IMPACT_FIELD_INVOICE_DATE },
  { "Factuur datum", IMPACT_IMPORT_PURCHASES, IMPACT_FIELD_INVOICE_DATE },
  { "Datum factuur", IMPACT_IMPORT_PURCHASES, IMPACT_FIELD_INVOICE_DATE },
  { "Invoice Date", IMPACT_IMPORT_PURCHASES, IMPACT_FIELD_INVOICE_DATE },
  { "invoice_date", IMPACT_IMPORT_PURCHASES, IMPACT_FIELD_INVOICE_DATE },
  { "InvoiceDate", IMPACT_IMPORT_PURCHASES, IMPACT_FIELD_INVOICE_DATE },
  { "date", IMPACT_IMPORT_PURCHASES, IMPACT_FIELD_INVOICE_DATE },
  { "Documentdatum", IMPACT_IMPORT_PURCHASES, IMPACT_FIELD_INVOICE_DATE },
  { "Transaction Date", IMPACT_IMPORT_PURCHASES, IMPACT_FIELD_INVOICE_DATE },
  { "Boekdatum", IMPACT_IMPORT_PURCHASES, IMPACT_FIELD_POSTING_DATE },
  { "Boekingsdatum", IMPACT_IMPORT_PURCHASES, IMPACT_FIELD_POSTING_DATE },
  { "Posting date", IMPACT_IMPORT_PURCHASES, IMPACT_FIELD_POSTING_DATE },
  { "Payment date", IMPACT_IMPORT_PURCHASES, IMPACT_FIELD_POSTING_DATE },
  { "Date paid", IMPACT_IMPORT_PURCHASES, IMPACT_FIELD_POSTING_DATE },
  { "Betaaldatum", IMPACT_IMPORT_PURCHASES, IMPACT_FIELD_POSTING_DATE },
  { "Factuurnummer", IMPACT_IMPORT_PURCHASES, IMPACT_FIELD_INVOICE_NUMBER },
  { "Factuurnr.", IMPACT_IMPORT_PURCHASES, IMPACT_FIELD_INVOICE_NUMBER },
  { "invoice_no", IMPACT_IMPORT_PURCHASES, IMPACT_FIELD_INVOICE_NUMBER },
  { "Invoice #", IMPACT_IMPORT_PURCHASES, IMPACT_FIELD_INVOICE_NUMBER },
  { "Boekstuknummer", IMPACT_IMPORT_PURCHASES, IMPACT_FIELD_INVOICE_NUMBER },
  { "Transaction Number", IMPACT_IMPORT_PURCHASES, IMPACT_FIELD_INVOICE_NUMBER },
  { "Leverancier", IMPACT_IMPORT_PURCHASES, IMPACT_FIELD_SUPPLIER_NAME },
  { "Leveranciersnaam", IMPACT_IMPORT_PURCHASES, IMPACT_FIELD_SUPPLIER_NAME },
  { "Naam leverancier", IMPACT_IMPORT_PURCHASES, IMPACT_FIELD_SUPPLIER_NAME },
  { "Supplier Name", IMPACT_IMPORT_PURCHASES, IMPACT_FIELD_SUPPLIER_NAME },
  { "supplier_name", IMPACT_IMPORT_PURCHASES, IMPACT_FIELD_SUPPLIER_NAME },
  { "VendorName", IMPACT_IMPORT_PURCHASES, IMPACT_FIELD_SUPPLIER_NAME },
  { "Crediteurnaam", IMPACT_IMPORT_PURCHASES, IMPACT_FIELD_SUPPLIER_NAME },
  { "Payee", IMPACT_IMPORT_PURCHASES, IMPACT_FIELD_SUPPLIER_NAME },
  { "Beneficiary", IMPACT_IMPORT_PURCHASES, IMPACT_FIELD_SUPPLIER_NAME },
  { "KvK-nummer", IMPACT_IMPORT_PURCHASES, IMPACT_FIELD_SUPPLIER_KVK },
  { "KvK nr", IMPACT_IMPORT_PURCHASES, IMPACT_FIELD_SUPPLIER_KVK },
  { "kvknummer", IMPACT_IMPORT_PURCHASES, IMPACT_FIELD_SUPPLIER_KVK },
  { "supplier_kvk", IMPACT_IMPORT_PURCHASES, IMPACT_FIELD_SUPPLIER_KVK },
  { "SupplierKvK", IMPACT_IMPORT_PURCHASES, IMPACT_FIELD_SUPPLIER_KVK },
  { "KvK-nummer leverancier", IMPACT_IMPORT_PURCHASES, IMPACT_FIELD_SUPPLIER_KVK },
  { "Chamber of Commerce number", IMPACT_IMPORT_PURCHASES, IMPACT_FIELD_SUPPLIER_KVK },
  { "CoC no.", IMPACT_IMPORT_PURCHASES, IMPACT_FIELD_SUPPLIER_KVK },
  { "BTW-nummer", IMPACT_IMPORT_PURCHASES, IMPACT_FIELD_SUPPLIER_VAT_ID },
  { "Btw-identificatienummer", IMPACT_IMPORT_PURCHASES, IMPACT_FIELD_SUPPLIER_VAT_ID },
  { "VAT number", IMPACT_IMPORT_PURCHASES, IMPACT_FIELD_SUPPLIER_VAT_ID },
  { "vat_id", IMPACT_IMPORT_PURCHASES, IMPACT_FIELD_SUPPLIER_VAT_ID },
  { "Supplier VAT No", IMPACT_IMPORT_PURCHASES, IMPACT_FIELD_SUPPLIER_VAT_ID },
  { "Crediteurnummer", IMPACT_IMPORT_PURCHASES, IMPACT_FIELD_SUPPLIER_ERP_ID },
  { "Leveranciersnummer", IMPACT_IMPORT_PURCHASES, IMPACT_FIELD_SUPPLIER_ERP_ID },
  { "Vendor ID", IMPACT_IMPORT_PURCHASES, IMPACT_FIELD_SUPPLIER_ERP_ID },
  { "supplier_code", IMPACT_IMPORT_PURCHASES, IMPACT_FIELD_SUPPLIER_ERP_ID },
  { "Relatienummer", IMPACT_IMPORT_PURCHASES, IMPACT_FIELD_SUPPLIER_ERP_ID },
  { "Bedrag excl. BTW", IMPACT_IMPORT_PURCHASES, IMPACT_FIELD_AMOUNT },
  { "Bedrag excl. btw (EUR)", IMPACT_IMPORT_PURCHASES, IMPACT_FIELD_AMOUNT },
  { "Bedrag", IMPACT_IMPORT_PURCHASES, IMPACT_FIELD_AMOUNT },
  { "Nettobedrag", IMPACT_IMPORT_PURCHASES, IMPACT_FIELD_AMOUNT },
  { "Net Amount", IMPACT_IMPORT_PURCHASES, IMPACT_FIELD_AMOUNT },
  { "amount_eur", IMPACT_IMPORT_PURCHASES, IMPACT_FIELD_AMOUNT },
  { "Amount (€)", IMPACT_IMPORT_PURCHASES, IMPACT_FIELD_AMOUNT },
  { "Amount ex VAT", IMPACT_IMPORT_PURCHASES, IMPACT_FIELD_AMOUNT },
  { "Inkoopwaarde", IMPACT_IMPORT_PURCHASES, IMPACT_FIELD_AMOUNT },
  { "Spend", IMPACT_IMPORT_PURCHASES, IMPACT_FIELD_AMOUNT },
  { "BTW", IMPACT_IMPORT_PURCHASES, IMPACT_FIELD_VAT },
  { "BTW-bedrag", IMPACT_IMPORT_PURCHASES, IMPACT_FIELD_VAT },
  { "VAT Amount", IMPACT_IMPORT_PURCHASES, IMPACT_FIELD_VAT },
  { "Bedrag incl. btw", IMPACT_IMPORT_PURCHASES, IMPACT_FIELD_AMOUNT_INCL },
  { "Totaal incl. BTW", IMPACT_IMPORT_PURCHASES, IMPACT_FIELD_AMOUNT_INCL },
  { "Gross Amount", IMPACT_IMPORT_PURCHASES, IMPACT_FIELD_AMOUNT_INCL },
  { "Brutobedrag", IMPACT_IMPORT_PURCHASES, IMPACT_FIELD_AMOUNT_INCL },
  { "D/C", IMPACT_IMPORT_PURCHASES, IMPACT_FIELD_DEBIT_CREDIT },
  { "Debet/Credit", IMPACT_IMPORT_PURCHASES, IMPACT_FIELD_DEBIT_CREDIT },
  { "Valuta", IMPACT_IMPORT_PURCHASES, IMPACT_FIELD_CURRENCY },
  { "Currency Code", IMPACT_IMPORT_PURCHASES, IMPACT_FIELD_CURRENCY },
  { "Divisie", IMPACT_IMPORT_PURCHASES, IMPACT_FIELD_DIVISION },
  { "Divisiecode", IMPACT_IMPORT_PURCHASES, IMPACT_FIELD_DIVISION },
  { "division", IMPACT_IMPORT_PURCHASES, IMPACT_FIELD_DIVISION },
  { "Company Code", IMPACT_IMPORT_PURCHASES, IMPACT_FIELD_DIVISION },
  { "Bedrijfscode", IMPACT_IMPORT_PURCHASES, IMPACT_FIELD_DIVISION },
  { "Werkmaatschappij", IMPACT_IMPORT_PURCHASES, IMPACT_FIELD_DIVISION },
  { "Service Label", IMPACT_IMPORT_PURCHASES, IMPACT_FIELD_DIVISION },
  { "Department", IMPACT_IMPORT_PURCHASES, IMPACT_FIELD_DIVISION },
  { "Kostenplaats", IMPACT_IMPORT_PURCHASES, IMPACT_FIELD_COST_CENTRE },
  { "Kostenplaatscode", IMPACT_IMPORT_PURCHASES, IMPACT_FIELD_COST_CENTRE },
  { "Cost Centre", IMPACT_IMPORT_PURCHASES, IMPACT_FIELD_COST_CENTRE },
  { "CostCenter", IMPACT_IMPORT_PURCHASES, IMPACT_FIELD_COST_CENTRE },
  { "Object", IMPACT_IMPORT_PURCHASES, IMPACT_FIELD_OBJECT },
  { "object_code", IMPACT_IMPORT_PURCHASES, IMPACT_FIELD_OBJECT },
  { "Projectnummer", IMPACT_IMPORT_PURCHASES, IMPACT_FIELD_OBJECT },
  { "Contract", IMPACT_IMPORT_PURCHASES, IMPACT_FIELD_OBJECT },
  { "Opdrachtnummer", IMPACT_IMPORT_PURCHASES, IMPACT_FIELD_OBJECT },
  { "Grootboekrekening", IMPACT_IMPORT_PURCHASES, IMPACT_FIELD_GL_ACCOUNT },
  { "GL Account", IMPACT_IMPORT_PURCHASES, IMPACT_FIELD_GL_ACCOUNT },
  { "General Ledger Code", IMPACT_IMPORT_PURCHASES, IMPACT_FIELD_GL_ACCOUNT },
  { "Categorie", IMPACT_IMPORT_PURCHASES, IMPACT_FIELD_CATEGORY },
  { "Inkoopcategorie", IMPACT_IMPORT_PURCHASES, IMPACT_FIELD_CATEGORY },
  { "Expenditure Category", IMPACT_IMPORT_PURCHASES, IMPACT_FIELD_CATEGORY },
  { "Expense Type", IMPACT_IMPORT_PURCHASES, IMPACT_FIELD_CATEGORY },
  { "Kostensoort", IMPACT_IMPORT_PURCHASES, IMPACT_FIELD_CATEGORY },
  { "Omschrijving", IMPACT_IMPORT_PURCHASES, IMPACT_FIELD_DESCRIPTION },
  { "Regelomschrijving", IMPACT_IMPORT_PURCHASES, IMPACT_FIELD_DESCRIPTION },
  { "Description", IMPACT_IMPORT_PURCHASES, IMPACT_FIELD_DESCRIPTION },
  { "Purpose", IMPACT_IMPORT_PURCHASES, IMPACT_FIELD_DESCRIPTION },
  { "Keurmerk", IMPACT_IMPORT_SUPPLIERS, IMPACT_FIELD_STATUS_KIND },
  { "PSO-trede", IMPACT_IMPORT_SUPPLIERS, IMPACT_FIELD_STATUS_KIND },
  { "Certificate type", IMPACT_IMPORT_SUPPLIERS, IMPACT_FIELD_STATUS_KIND },
  { "Geldig vanaf", IMPACT_IMPORT_SUPPLIERS, IMPACT_FIELD_VALID_FROM },
  { "Afgiftedatum", IMPACT_IMPORT_SUPPLIERS, IMPACT_FIELD_VALID_FROM },
  { "Valid from", IMPACT_IMPORT_SUPPLIERS, IMPACT_FIELD_VALID_FROM },
  { "Startdatum", IMPACT_IMPORT_SUPPLIERS, IMPACT_FIELD_VALID_FROM },
  { "Geldig t/m", IMPACT_IMPORT_SUPPLIERS, IMPACT_FIELD_VALID_UNTIL },
  { "Geldig tot", IMPACT_IMPORT_SUPPLIERS, IMPACT_FIELD_VALID_UNTIL },
  { "Vervaldatum", IMPACT_IMPORT_SUPPLIERS, IMPACT_FIELD_VALID_UNTIL },
  { "Expiry Date", IMPACT_IMPORT_SUPPLIERS, IMPACT_FIELD_VALID_UNTIL },
  { "Einddatum", IMPACT_IMPORT_SUPPLIERS, IMPACT_FIELD_VALID_UNTIL },
  { "Certificerende instelling", IMPACT_IMPORT_SUPPLIERS, IMPACT_FIELD_CERTIFYING_BODY },
  { "Issued by", IMPACT_IMPORT_SUPPLIERS, IMPACT_FIELD_CERTIFYING_BODY },
  { "Certifying body", IMPACT_IMPORT_SUPPLIERS, IMPACT_FIELD_CERTIFYING_BODY },
  { "Body Name", IMPACT_IMPORT_PURCHASES, IMPACT_FIELD_IGNORE },
  { "Certificaatnummer", IMPACT_IMPORT_SUPPLIERS, IMPACT_FIELD_EVIDENCE },
  { "Opmerkingen", IMPACT_IMPORT_SUPPLIERS, IMPACT_FIELD_NOTE },
  { "Jaaromzet", IMPACT_IMPORT_SUPPLIERS, IMPACT_FIELD_TURNOVER },
  { "Aantal FTE", IMPACT_IMPORT_SUPPLIERS, IMPACT_FIELD_FTE },
  { "Directe bijdrage", IMPACT_IMPORT_SUPPLIERS, IMPACT_FIELD_DIRECT_SHARE },
  { "Divisiecode", IMPACT_IMPORT_ORGANISATION, IMPACT_FIELD_DIVISION },
  { "Divisienaam", IMPACT_IMPORT_ORGANISATION, IMPACT_FIELD_DIVISION_NAME },
  { "Division name", IMPACT_IMPORT_ORGANISATION, IMPACT_FIELD_DIVISION_NAME },
  { "Objectcode", IMPACT_IMPORT_ORGANISATION, IMPACT_FIELD_OBJECT },
  { "Objectnaam", IMPACT_IMPORT_ORGANISATION, IMPACT_FIELD_OBJECT_NAME },
  { "Contract name", IMPACT_IMPORT_ORGANISATION, IMPACT_FIELD_OBJECT_NAME },
  { "Locatie", IMPACT_IMPORT_ORGANISATION, IMPACT_FIELD_OBJECT_NAME },
  { "Opdrachtgever", IMPACT_IMPORT_ORGANISATION, IMPACT_FIELD_CLIENT },
  { "Client", IMPACT_IMPORT_ORGANISATION, IMPACT_FIELD_CLIENT },
  { "Contractwaarde", IMPACT_IMPORT_ORGANISATION, IMPACT_FIELD_CONTRACT_VALUE },
  { "Contractwaarde excl. btw", IMPACT_IMPORT_ORGANISATION, IMPACT_FIELD_CONTRACT_VALUE },
  { "Contract value (EUR)", IMPACT_IMPORT_ORGANISATION, IMPACT_FIELD_CONTRACT_VALUE },
  { "Startdatum", IMPACT_IMPORT_ORGANISATION, IMPACT_FIELD_CONTRACT_START },
  { "Contract start", IMPACT_IMPORT_ORGANISATION, IMPACT_FIELD_CONTRACT_START },
  { "Ingangsdatum", IMPACT_IMPORT_ORGANISATION, IMPACT_FIELD_CONTRACT_START },
  { "Einddatum", IMPACT_IMPORT_ORGANISATION, IMPACT_FIELD_CONTRACT_END },
  { "Contract end date", IMPACT_IMPORT_ORGANISATION, IMPACT_FIELD_CONTRACT_END },
  { "SROI-percentage", IMPACT_IMPORT_ORGANISATION, IMPACT_FIELD_SROI_PERCENT },
  { "SROI %", IMPACT_IMPORT_ORGANISATION, IMPACT_FIELD_SROI_PERCENT },
  { "Social return %", IMPACT_IMPORT_ORGANISATION, IMPACT_FIELD_SROI_PERCENT },
  { "SROI-bedrag", IMPACT_IMPORT_ORGANISATION, IMPACT_FIELD_SROI_FIXED },
  { "SROI amount (EUR)", IMPACT_IMPORT_ORGANISATION, IMPACT_FIELD_SROI_FIXED },
  { "SROI-plafond", IMPACT_IMPORT_ORGANISATION, IMPACT_FIELD_SROI_CAP },
  { "Maximum SROI", IMPACT_IMPORT_ORGANISATION, IMPACT_FIELD_SROI_CAP },
  { "SROI cap", IMPACT_IMPORT_ORGANISATION, IMPACT_FIELD_SROI_CAP },
  { "SROI-regeling", IMPACT_IMPORT_ORGANISATION, IMPACT_FIELD_SROI_RULE_SET },
  { "Rule set", IMPACT_IMPORT_ORGANISATION, IMPACT_FIELD_SROI_RULE_SET },
  /* Nothing fits these. */
  { "Regel", IMPACT_IMPORT_PURCHASES, IMPACT_FIELD_IGNORE },
  { "Boekjaar", IMPACT_IMPORT_PURCHASES, IMPACT_FIELD_IGNORE },
  { "Aantal", IMPACT_IMPORT_PURCHASES, IMPACT_FIELD_IGNORE },
  { "", IMPACT_IMPORT_PURCHASES, IMPACT_FIELD_IGNORE },
};

static void
test_header_table (void)
{
  guint wrong = 0;

  g_assert_cmpuint (G_N_ELEMENTS (headers), >=, 60);
  for (guint i = 0; i < G_N_ELEMENTS (headers); i++)
    {
      gboolean allowed[IMPACT_N_FIELDS] = { FALSE };
      ImpactField field;
      int score;

      for (guint f = 0; f < IMPACT_N_FIELDS; f++)
        allowed[f] = impact_field_is_for_target (f, headers[i].target);
      field = impact_header_best_field (headers[i].header, allowed, &score);
      if (field != headers[i].field)
        {
          g_autofree char *words = impact_header_words (headers[i].header);

          g_test_message ("“%s” (%s) became %s (score %d), not %s", headers[i].header, words,
                          impact_field_to_code (field), score, impact_field_to_code (headers[i].field));
          wrong++;
        }
    }
  g_assert_cmpuint (wrong, ==, 0);
}

static void
test_header_words (void)
{
  static const struct
  {
    const char *header;
    const char *words;
  } cases[] = {
    { "supplier_kvk", "supplier kvk" },
    /* A run that is all vocabulary stays one word; others split at their capitals. */
    { "InvoiceDate", "invoicedate" },
    { "SupplierXyzName", "supplier ?xyz name" },
    { "VATZorgNumber", "vat ?zorg number" },
    { "KvK-nummer", "kvk nummer" },
    { "Leveranciersnaam", "leveranciersnaam" },
    { "Bedrag excl. BTW (EUR)", "bedrag excl btw eur" },
    { "SROI %", "sroi %" },
    { "Geldig t/m", "geldig tm" },
    { "Zwrtq", "?zwrtq" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *words = impact_header_words (cases[i].header);

      g_assert_cmpstr (words, ==, cases[i].words);
    }
}

/* A header and rows of texts, as a CSV file gives them. */
static ImpactMapping *
guess (const char *const *header,
       const char *const *const *rows,
       ImpactImportTarget target)
{
  g_autoptr (ImpactRow) head = impact_row_new ();
  g_autoptr (GPtrArray) body = g_ptr_array_new_with_free_func ((GDestroyNotify) impact_row_free);

  for (guint c = 0; header[c] != NULL; c++)
    impact_row_append_text (head, header[c], -1);
  for (guint r = 0; rows[r] != NULL; r++)
    {
      ImpactRow *row = impact_row_new ();

      for (guint c = 0; rows[r][c] != NULL; c++)
        impact_row_append_text (row, rows[r][c], -1);
      g_ptr_array_add (body, row);
    }

  return impact_mapping_guess (head, body, target);
}

static ImpactField
field_of (const ImpactMapping *mapping,
          guint column)
{
  return g_array_index (mapping->fields, ImpactField, column);
}

/* "Divisiecode" and "Divisie": the column with codes is the code, the other the name. */
static void
test_code_and_name (void)
{
  static const char *const header[] = { "Divisie", "Divisiecode", "Objectcode", "Object", NULL };
  static const char *const r1[] = { "Schoonmaak Noord", "SCH", "O-1", "Gemeente Utrecht, stadhuis", NULL };
  static const char *const r2[] = { "Catering Zuid", "CAT", "O-2", "Ziekenhuis Breda", NULL };
  static const char *const *const rows[] = { r1, r2, NULL };
  g_autoptr (ImpactMapping) org = guess (header, rows, IMPACT_IMPORT_ORGANISATION);
  g_autoptr (ImpactMapping) purchases = guess (header, rows, IMPACT_IMPORT_PURCHASES);
  g_autoptr (GError) error = NULL;

  g_assert_cmpint (field_of (org, 0), ==, IMPACT_FIELD_DIVISION_NAME);
  g_assert_cmpint (field_of (org, 1), ==, IMPACT_FIELD_DIVISION);
  g_assert_cmpint (field_of (org, 2), ==, IMPACT_FIELD_OBJECT);
  g_assert_cmpint (field_of (org, 3), ==, IMPACT_FIELD_OBJECT_NAME);
  g_assert_cmpint (impact_mapping_get_match (org, 1)->reason, ==, IMPACT_MATCH_CODE);
  g_assert_false (impact_mapping_get_match (org, 1)->uncertain);

  /* A purchase file has no division names: that column is ignored, and says why. */
  g_assert_cmpint (field_of (purchases, 0), ==, IMPACT_FIELD_IGNORE);
  g_assert_cmpint (field_of (purchases, 1), ==, IMPACT_FIELD_DIVISION);
  g_assert_cmpint (impact_mapping_get_match (purchases, 0)->suggested, ==, IMPACT_FIELD_DIVISION_NAME);

  /* Where the values do not tell, the names do: the same file with codes everywhere. */
  {
    static const char *const c1[] = { "SCH", "SCH", "O-1", "O1", NULL };
    static const char *const *const coded[] = { c1, NULL };
    g_autoptr (ImpactMapping) m = guess (header, coded, IMPACT_IMPORT_ORGANISATION);

    g_assert_cmpint (field_of (m, 1), ==, IMPACT_FIELD_DIVISION);
    g_assert_cmpint (field_of (m, 0), ==, IMPACT_FIELD_DIVISION_NAME);
    g_assert_cmpint (impact_mapping_get_match (m, 1)->reason, ==, IMPACT_MATCH_NAME);
  }
  g_assert_true (impact_mapping_check_certain (org, &error));
}

/* Values confirm or overrule the name, and a guess the import needs is never silent. */
static void
test_values (void)
{
  /* "Date" holds no dates, "Paid" does: the date is taken from "Paid", uncertain. */
  static const char *const header[] = { "Date", "Supplier", "Paid", "Value", "Ref", "Company", NULL };
  static const char *const r1[] = { "Q1", "Acme Ltd", "23-Apr-2012", "1,234.50", "12345678", "HQ", NULL };
  static const char *const r2[] = { "Q2", "Bolt plc", "24-Apr-2012", "99.00", "87654321", "HQ", NULL };
  static const char *const *const rows[] = { r1, r2, NULL };
  g_autoptr (ImpactMapping) m = guess (header, rows, IMPACT_IMPORT_PURCHASES);
  g_autoptr (GError) error = NULL;
  g_autofree char *why = NULL;

  g_assert_cmpint (field_of (m, 0), ==, IMPACT_FIELD_IGNORE);
  g_assert_cmpint (field_of (m, 2), ==, IMPACT_FIELD_INVOICE_DATE);
  g_assert_cmpint (impact_mapping_get_match (m, 2)->reason, ==, IMPACT_MATCH_VALUES);
  g_assert_true (impact_mapping_get_match (m, 2)->uncertain);
  g_assert_cmpint (field_of (m, 3), ==, IMPACT_FIELD_AMOUNT);
  /* Eight digits under an unknown name: a KvK number, by the values. */
  g_assert_cmpint (field_of (m, 4), ==, IMPACT_FIELD_SUPPLIER_KVK);
  g_assert_cmpint (impact_mapping_get_match (m, 4)->reason, ==, IMPACT_MATCH_VALUES);

  g_assert_false (impact_mapping_check_certain (m, &error));
  g_assert_error (error, IMPACT_IMPORT_ERROR, IMPACT_IMPORT_ERROR_UNCERTAIN);
  g_assert_nonnull (strstr (error->message, "“Paid”"));
  /* A supplier's number decides which company a line is bought from: confirmed too. */
  g_assert_nonnull (strstr (error->message, "“Ref”"));
  g_assert_null (strstr (error->message, "“Value”"));
  why = impact_mapping_describe_column (m, 2);
  g_assert_cmpstr (why, ==, "by its values only (uncertain)");

  /* The user's choice settles it. */
  impact_mapping_set_field (m, 2, IMPACT_FIELD_INVOICE_DATE, IMPACT_MATCH_USER);
  g_assert_false (impact_mapping_check_certain (m, NULL));
  impact_mapping_set_field (m, 4, IMPACT_FIELD_SUPPLIER_KVK, IMPACT_MATCH_USER);
  g_clear_error (&error);
  g_assert_true (impact_mapping_check_certain (m, &error));
}

/* Two columns whose names fit a field the import needs equally well. */
static void
test_rivals (void)
{
  static const char *const header[] = { "Datum", "Date", "Leverancier", "Bedrag", "Divisie", NULL };
  static const char *const r1[] = { "01-02-2025", "02-02-2025", "Jansen", "10,00", "SCH", NULL };
  static const char *const *const rows[] = { r1, NULL };
  g_autoptr (ImpactMapping) m = guess (header, rows, IMPACT_IMPORT_PURCHASES);
  g_autoptr (GError) error = NULL;

  g_assert_cmpint (field_of (m, 0), ==, IMPACT_FIELD_INVOICE_DATE);
  g_assert_true (impact_mapping_get_match (m, 0)->uncertain);
  g_assert_cmpint (impact_mapping_get_match (m, 0)->rival, ==, 1);
  g_assert_false (impact_mapping_check_certain (m, &error));
  g_assert_nonnull (strstr (error->message, "“Date” fits as well"));
}

int
main (int argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/column-guess/header-table", test_header_table);
  g_test_add_func ("/column-guess/header-words", test_header_words);
  g_test_add_func ("/column-guess/code-and-name", test_code_and_name);
  g_test_add_func ("/column-guess/values", test_values);
  g_test_add_func ("/column-guess/rivals", test_rivals);

  return g_test_run ();
}
