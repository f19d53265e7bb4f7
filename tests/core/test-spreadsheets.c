/* test-spreadsheets.c: the XLSX and ODS readers, with real and hostile files
 *
 * XLSX files come from libxlsxwriter, as a spreadsheet program writes them; the edge cases
 * and the hostile files are zipped by hand with libgsf.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <xlsxwriter.h>

#include "impact-test-utils.h"
#include "import/impact-importer.h"
#include "import/impact-ods-reader.h"
#include "import/impact-reader-open.h"
#include "import/impact-xlsx-reader.h"
#include "import/impact-zip-xml.h"
#include "model/impact-format.h"

static char *tmpdir;

/* Writes a zip with the given members: name, contents, name, contents, ..., NULL. */
static char *
write_zip (const char *file_name,
           ...)
{
  char *path = g_build_filename (tmpdir, file_name, NULL);
  g_autoptr (GError) error = NULL;
  GsfOutput *sink = gsf_output_stdio_new (path, &error);
  GsfOutfile *zip;
  va_list args;
  const char *member;

  g_assert_no_error (error);
  zip = gsf_outfile_zip_new (sink, &error);
  g_assert_no_error (error);

  va_start (args, file_name);
  while ((member = va_arg (args, const char *)) != NULL)
    {
      const char *contents = va_arg (args, const char *);
      g_auto (GStrv) parts = g_strsplit (member, "/", -1);
      GsfOutfile *dir = g_object_ref (zip);
      GsfOutput *out;
      guint n = g_strv_length (parts);

      /* Folders first, then the member in the last one. */
      for (guint i = 0; i + 1 < n; i++)
        {
          GsfOutfile *child = GSF_OUTFILE (gsf_outfile_new_child (dir, parts[i], TRUE));

          g_object_unref (dir);
          dir = child;
        }
      out = gsf_outfile_new_child (dir, parts[n - 1], FALSE);
      gsf_output_write (out, strlen (contents), (const guint8 *) contents);
      gsf_output_close (out);
      g_object_unref (out);
      for (GsfOutfile *d = dir; d != zip; d = GSF_OUTFILE (gsf_output_container (GSF_OUTPUT (d))))
        gsf_output_close (GSF_OUTPUT (d));
      g_object_unref (dir);
    }
  va_end (args);

  gsf_output_close (GSF_OUTPUT (zip));
  g_object_unref (zip);
  gsf_output_close (sink);
  g_object_unref (sink);

  return path;
}

#define RELS                                                                                                      \
  "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">" \
  "<Relationship Id=\"rId1\" Target=\"worksheets/sheet1.xml\" Type=\"x\"/></Relationships>"
#define WORKBOOK(extra)                                                                                  \
  "<?xml version=\"1.0\"?><workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"" \
  " xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">" extra              \
  "<sheets><sheet name=\"Blad1\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>"
#define SHEET(rows)                                                                                        \
  "<?xml version=\"1.0\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">" \
  "<sheetData>" rows "</sheetData></worksheet>"

static ImpactReader *
open_reader (const char *path)
{
  g_autoptr (GError) error = NULL;
  ImpactReader *reader = impact_reader_new_for_file (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (reader);
  return reader;
}

static char *
cell_iso (const ImpactCell *cell)
{
  g_assert_cmpint (cell->type, ==, IMPACT_CELL_DATE);
  return impact_day_to_iso (cell->day);
}

static void
test_xlsx_from_libxlsxwriter (void)
{
  g_autofree char *path = g_build_filename (tmpdir, "export.xlsx", NULL);
  lxw_workbook *workbook = workbook_new (path);
  /* The export's own sheet first, so that the one to import is not the first. */
  lxw_worksheet *info = workbook_add_worksheet (workbook, "Info");
  lxw_worksheet *sheet = workbook_add_worksheet (workbook, "Inkoop");
  lxw_format *date = workbook_add_format (workbook);
  lxw_format *custom_date = workbook_add_format (workbook);
  lxw_format *money = workbook_add_format (workbook);
  lxw_datetime march_15 = { 2025, 3, 15, 0, 0, 0 };
  lxw_datetime march_16 = { 2025, 3, 16, 0, 0, 0 };
  g_autoptr (ImpactReader) reader = NULL;
  g_autoptr (ImpactRow) row = impact_row_new ();
  g_autoptr (GError) error = NULL;
  g_auto (GStrv) sheets = NULL;
  g_autofree char *iso = NULL;
  g_autoptr (ImpactStore) store = NULL;
  g_autoptr (ImpactImportSummary) summary = NULL;
  g_autofree char *db = g_build_filename (tmpdir, "xlsx.sqlite", NULL);
  ImpactImportOptions options = { .sheet = "Inkoop" };

  format_set_num_format (date, "dd-mm-yyyy");
  format_set_num_format (custom_date, "d mmmm yyyy \"(factuur)\"");
  format_set_num_format (money, "€ #,##0.00");
  worksheet_write_string (info, 0, 0, "Gemaakt door het ERP", NULL);
  worksheet_write_string (sheet, 0, 0, "Inkoopexport maart 2025", NULL);
  worksheet_write_string (sheet, 2, 0, "Factuurdatum", NULL);
  worksheet_write_string (sheet, 2, 1, "Leverancier", NULL);
  worksheet_write_string (sheet, 2, 2, "Bedrag excl. btw", NULL);
  worksheet_write_string (sheet, 2, 3, "Divisie", NULL);
  worksheet_write_string (sheet, 2, 4, "Omschrijving", NULL);
  worksheet_write_datetime (sheet, 3, 0, &march_15, date);
  worksheet_write_string (sheet, 3, 1, "Jansen B.V.", NULL);
  worksheet_write_number (sheet, 3, 2, 1234.56, money);
  worksheet_write_string (sheet, 3, 3, "ZORG", NULL);
  /* Column E left out: a sparse row. */
  worksheet_write_datetime (sheet, 4, 0, &march_16, custom_date);
  worksheet_write_string (sheet, 4, 1, "De Vries", NULL);
  worksheet_write_formula_num (sheet, 4, 2, "=C4/2", NULL, 617.28);
  worksheet_write_string (sheet, 4, 3, "ZORG", NULL);
  worksheet_merge_range (sheet, 4, 4, 4, 6, "Samengevoegd", NULL);
  worksheet_write_string (sheet, 5, 0, "Totaal", NULL);
  worksheet_write_formula_num (sheet, 5, 2, "=SUM(C4:C5)", NULL, 1851.84);
  g_assert_cmpint (workbook_close (workbook), ==, LXW_NO_ERROR);

  reader = open_reader (path);
  g_assert_true (IMPACT_IS_XLSX_READER (reader));
  sheets = impact_reader_list_sheets (reader);
  g_assert_cmpuint (g_strv_length (sheets), ==, 2);
  g_assert_cmpstr (sheets[0], ==, "Info");
  g_assert_cmpstr (sheets[1], ==, "Inkoop");

  g_assert_true (impact_reader_select_sheet (reader, "Inkoop", &error));
  g_assert_true (impact_reader_read_row (reader, row, &error));
  g_assert_cmpuint (row->number, ==, 1);
  g_assert_cmpstr (impact_row_get_cell (row, 0)->text, ==, "Inkoopexport maart 2025");
  g_assert_true (impact_reader_read_row (reader, row, &error));
  g_assert_cmpuint (row->number, ==, 3);
  g_assert_true (impact_reader_read_row (reader, row, &error));
  iso = cell_iso (impact_row_get_cell (row, 0));
  g_assert_cmpstr (iso, ==, "2025-03-15");
  g_assert_cmpint (impact_row_get_cell (row, 2)->type, ==, IMPACT_CELL_NUMBER);
  g_assert_cmpfloat (impact_row_get_cell (row, 2)->number, ==, 1234.56);
  g_assert_cmpint (impact_row_get_cell (row, 4)->type, ==, IMPACT_CELL_EMPTY);
  g_assert_true (impact_reader_read_row (reader, row, &error));
  g_clear_pointer (&iso, g_free);
  iso = cell_iso (impact_row_get_cell (row, 0));
  g_assert_cmpstr (iso, ==, "2025-03-16");
  /* A formula gives its stored result; a merged range its value in the first cell. */
  g_assert_cmpfloat (impact_row_get_cell (row, 2)->number, ==, 617.28);
  g_assert_cmpstr (impact_row_get_cell (row, 4)->text, ==, "Samengevoegd");
  g_assert_cmpint (impact_row_get_cell (row, 5)->type, ==, IMPACT_CELL_EMPTY);
  g_assert_no_error (error);

  /* And through the importer: the totals row skipped, amounts to the cent. */
  store = impact_store_open (db, &error);
  summary = impact_import_file (store, path, &options, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (summary->header_row, ==, 3);
  g_assert_cmpint (summary->rows_accepted, ==, 2);
  g_assert_cmpint (summary->rows_skipped, ==, 1);
  g_assert_cmpint (summary->total_cents, ==, 123456 + 61728);
  g_assert_nonnull (strstr (summary->format, "Inkoop"));
}

static void
test_xlsx_edge_cases (void)
{
  static const char styles[] =
      "<styleSheet><numFmts><numFmt numFmtId=\"164\" formatCode=\"[$-413]dd/mm/yy;@\"/>"
      "<numFmt numFmtId=\"165\" formatCode=\"&quot;day&quot; 0.00\"/></numFmts>"
      "<cellXfs><xf numFmtId=\"0\"/><xf numFmtId=\"164\"/><xf numFmtId=\"165\"/><xf numFmtId=\"14\"/></cellXfs>"
      "</styleSheet>";
  static const char shared[] =
      "<sst><si><t>Plain</t></si><si><r><t>Rich </t></r><r><t>text</t></r><rPh><t>ignored</t></rPh></si>"
      "<si/></sst>";
  static const char sheet[] = SHEET (
      "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"s\"><v>1</v></c>"
      "<c r=\"C1\" t=\"inlineStr\"><is><r><t>In</t></r><r><t>line</t></r></is></c><c r=\"D1\" t=\"s\"><v>99</v></c></row>"
      "<row r=\"2\"><c r=\"A2\" s=\"1\"><v>0</v></c><c r=\"B2\" s=\"2\"><v>12.5</v></c>"
      "<c r=\"C2\" s=\"3\"><v>43538</v></c><c r=\"E2\" t=\"b\"><v>1</v></c></row>"
      "<row r=\"4\"><c r=\"A4\" t=\"e\"><v>#DIV/0!</v></c><c r=\"B4\"><f>A1*2</f></c>"
      "<c r=\"C4\" t=\"str\"><f>\"x\"</f><v>result</v></c><c r=\"D4\" t=\"d\"><v>2025-03-15T00:00:00</v></c></row>"
      "<row r=\"5\"/><row><c t=\"inlineStr\"><is><t>R&amp;D</t></is></c></row>");
  g_autofree char *path = write_zip ("edge.xlsx", "xl/workbook.xml", WORKBOOK ("<workbookPr date1904=\"1\"/>"),
                                     "xl/_rels/workbook.xml.rels", RELS, "xl/styles.xml", styles,
                                     "xl/sharedStrings.xml", shared, "xl/worksheets/sheet1.xml", sheet, NULL);
  g_autoptr (ImpactReader) reader = open_reader (path);
  g_autoptr (ImpactRow) row = impact_row_new ();
  g_autoptr (GError) error = NULL;
  g_autofree char *a2 = NULL, *c2 = NULL, *d4 = NULL;

  g_assert_true (impact_reader_read_row (reader, row, &error));
  g_assert_cmpstr (impact_row_get_cell (row, 0)->text, ==, "Plain");
  g_assert_cmpstr (impact_row_get_cell (row, 1)->text, ==, "Rich text");
  g_assert_cmpstr (impact_row_get_cell (row, 2)->text, ==, "Inline");
  /* A shared string index past the end is an empty cell, not a crash. */
  g_assert_cmpint (impact_row_get_cell (row, 3)->type, ==, IMPACT_CELL_EMPTY);

  g_assert_true (impact_reader_read_row (reader, row, &error));
  /* The 1904 date system: day 0 is 1 January 1904. */
  a2 = cell_iso (impact_row_get_cell (row, 0));
  g_assert_cmpstr (a2, ==, "1904-01-01");
  /* A format with "day" in quotes is not a date. */
  g_assert_cmpint (impact_row_get_cell (row, 1)->type, ==, IMPACT_CELL_NUMBER);
  c2 = cell_iso (impact_row_get_cell (row, 2));
  g_assert_cmpstr (c2, ==, "2023-03-15");
  g_assert_cmpint (impact_row_get_cell (row, 3)->type, ==, IMPACT_CELL_EMPTY);
  g_assert_cmpint (impact_row_get_cell (row, 4)->type, ==, IMPACT_CELL_BOOLEAN);

  g_assert_true (impact_reader_read_row (reader, row, &error));
  g_assert_cmpuint (row->number, ==, 4);
  g_assert_cmpint (impact_row_get_cell (row, 0)->type, ==, IMPACT_CELL_ERROR);
  g_assert_nonnull (strstr (impact_row_get_cell (row, 0)->text, "#DIV/0!"));
  g_assert_cmpint (impact_row_get_cell (row, 1)->type, ==, IMPACT_CELL_ERROR);
  g_assert_cmpstr (impact_row_get_cell (row, 2)->text, ==, "result");
  d4 = cell_iso (impact_row_get_cell (row, 3));
  g_assert_cmpstr (d4, ==, "2025-03-15");

  g_assert_true (impact_reader_read_row (reader, row, &error));
  g_assert_cmpuint (row->number, ==, 5);
  g_assert_true (impact_row_is_empty (row));
  /* A row without a number follows the one before; an entity is part of the text. */
  g_assert_true (impact_reader_read_row (reader, row, &error));
  g_assert_cmpuint (row->number, ==, 6);
  g_assert_cmpstr (impact_row_get_cell (row, 0)->text, ==, "R&D");
  g_assert_false (impact_reader_read_row (reader, row, &error));
  g_assert_no_error (error);
}

#define ODS_CONTENT(tables)                                            \
  "<?xml version=\"1.0\"?><office:document-content"                    \
  " xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\"" \
  " xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\""   \
  " xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\"><office:body><office:spreadsheet>" tables "</office:spreadsheet></office:body></office:document-content>"
#define ODS_MIMETYPE "application/vnd.oasis.opendocument.spreadsheet"

static void
test_ods (void)
{
  static const char content[] = ODS_CONTENT (
      "<table:table table:name=\"Voorblad\"><table:table-row><table:table-cell office:value-type=\"string\">"
      "<text:p>x</text:p></table:table-cell>"
      "<table:table-cell office:value-type=\"boolean\" office:boolean-value=\"true\"><text:p>WAAR</text:p></table:table-cell>"
      "<table:table-cell office:value-type=\"string\"><text:p>R&amp;<text:span>D</text:span></text:p></table:table-cell>"
      "</table:table-row><table:table-row table:number-rows-repeated=\"3\"><table:table-cell office:value-type=\"string\">"
      "<text:p>y</text:p></table:table-cell></table:table-row></table:table>"
      "<table:table table:name=\"Leeg\"/>"
      "<table:table table:name=\"Inkoop\">"
      "<table:table-row><table:table-cell office:value-type=\"string\"><text:p>Factuurdatum</text:p></table:table-cell>"
      "<table:table-cell office:value-type=\"string\"><text:p>Leverancier</text:p></table:table-cell>"
      "<table:table-cell office:value-type=\"string\"><text:p>Bedrag</text:p></table:table-cell>"
      "<table:table-cell office:value-type=\"string\"><text:p>Divisie</text:p></table:table-cell></table:table-row>"
      "<table:table-row table:number-rows-repeated=\"2\">"
      "<table:table-cell office:value-type=\"date\" office:date-value=\"2025-03-15T00:00:00\"><text:p>15-03-25</text:p></table:table-cell>"
      "<table:table-cell office:value-type=\"string\"><text:p>Jansen</text:p><text:p>B.V.</text:p></table:table-cell>"
      "<table:table-cell office:value-type=\"currency\" office:value=\"1234.5\"><text:p>€ 1.234,50</text:p></table:table-cell>"
      "<table:table-cell table:number-columns-repeated=\"2\" office:value-type=\"string\"><text:p>ZORG</text:p></table:table-cell>"
      "<table:covered-table-cell office:value-type=\"string\"><text:p>hidden</text:p></table:covered-table-cell>"
      "<table:table-cell table:number-columns-repeated=\"16000\"/></table:table-row>"
      "<table:table-row table:number-rows-repeated=\"1048570\"><table:table-cell table:number-columns-repeated=\"1024\"/></table:table-row>"
      "</table:table>");
  g_autofree char *path = write_zip ("export.ods", "mimetype", ODS_MIMETYPE, "content.xml", content, NULL);
  g_autoptr (ImpactReader) reader = open_reader (path);
  g_autoptr (ImpactRow) row = impact_row_new ();
  g_autoptr (GError) error = NULL;
  g_auto (GStrv) sheets = impact_reader_list_sheets (reader);
  g_autofree char *iso = NULL;
  guint n_rows = 0;

  g_assert_true (IMPACT_IS_ODS_READER (reader));
  g_assert_cmpuint (g_strv_length (sheets), ==, 3);
  g_assert_cmpstr (sheets[2], ==, "Inkoop");
  g_assert_true (impact_reader_select_sheet (reader, "Inkoop", &error));

  g_assert_true (impact_reader_read_row (reader, row, &error));
  g_assert_cmpstr (impact_row_get_cell (row, 2)->text, ==, "Bedrag");
  while (impact_reader_read_row (reader, row, &error))
    {
      n_rows++;
      g_assert_cmpuint (row->number, ==, 1 + n_rows);
      g_clear_pointer (&iso, g_free);
      iso = cell_iso (impact_row_get_cell (row, 0));
      g_assert_cmpstr (iso, ==, "2025-03-15");
      g_assert_cmpstr (impact_row_get_cell (row, 1)->text, ==, "Jansen\nB.V.");
      g_assert_cmpfloat (impact_row_get_cell (row, 2)->number, ==, 1234.5);
      g_assert_cmpstr (impact_row_get_cell (row, 4)->text, ==, "ZORG");
      /* Merged away: empty. Columns stop at the limit. */
      g_assert_cmpint (impact_row_get_cell (row, 5)->type, ==, IMPACT_CELL_EMPTY);
      g_assert_cmpuint (row->cells->len, <=, IMPACT_READER_MAX_COLUMNS);
    }
  g_assert_no_error (error);
  /* Two rows with values; the million empty ones at the end are not rows. */
  g_assert_cmpuint (n_rows, ==, 2);

  g_assert_false (impact_reader_select_sheet (reader, "Nope", &error));
  g_assert_error (error, IMPACT_IMPORT_ERROR, IMPACT_IMPORT_ERROR_FAILED);
  g_clear_error (&error);

  /* An import asks for no list: a sheet is found by its name, and the first is read when
   * none is named. */
  {
    g_autoptr (ImpactReader) second = open_reader (path);
    g_autoptr (ImpactReader) third = open_reader (path);

    g_assert_true (impact_reader_select_sheet (second, "Inkoop", &error));
    g_assert_true (impact_reader_read_row (second, row, &error));
    g_assert_cmpstr (impact_row_get_cell (row, 3)->text, ==, "Divisie");
    g_assert_false (impact_reader_select_sheet (second, "Nope", &error));
    g_assert_error (error, IMPACT_IMPORT_ERROR, IMPACT_IMPORT_ERROR_FAILED);
    g_assert_nonnull (strstr (error->message, "Nope"));
    g_clear_error (&error);

    g_assert_true (impact_reader_read_row (third, row, &error));
    g_assert_cmpstr (impact_row_get_cell (row, 0)->text, ==, "x");
    /* A boolean with the text it shows has the value it holds. */
    g_assert_cmpint (impact_row_get_cell (row, 1)->type, ==, IMPACT_CELL_BOOLEAN);
    g_assert_cmpfloat (impact_row_get_cell (row, 1)->number, ==, 1);
    g_assert_cmpstr (impact_row_get_cell (row, 2)->text, ==, "R&D");
    /* A repeated row is read as often as it repeats, numbered on; the sheet ends at its
     * table, not at the next one's. */
    for (guint number = 2; number <= 4; number++)
      {
        g_assert_true (impact_reader_read_row (third, row, &error));
        g_assert_cmpuint (row->number, ==, number);
        g_assert_cmpstr (impact_row_get_cell (row, 0)->text, ==, "y");
        g_assert_cmpuint (row->cells->len, ==, 1);
      }
    g_assert_false (impact_reader_read_row (third, row, &error));
    g_assert_no_error (error);
  }
}

/* Sheets are parsed in pieces of 64 kB; rows cross from one to the next. */
static void
test_many_rows (void)
{
  g_autoptr (GString) sheet = g_string_new ("<?xml version=\"1.0\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/"
                                            "spreadsheetml/2006/main\"><sheetData>");
  g_autofree char *path = NULL;
  g_autoptr (ImpactReader) reader = NULL;
  g_autoptr (ImpactRow) row = impact_row_new ();
  g_autoptr (GError) error = NULL;
  guint n = 0;

  for (guint i = 1; i <= 5000; i++)
    g_string_append_printf (sheet,
                            "<row r=\"%u\"><c r=\"A%u\" t=\"inlineStr\"><is><t>Leverancier %u</t></is></c>"
                            "<c r=\"C%u\"><v>%u.25</v></c></row>",
                            i, i, i, i, i);
  g_string_append (sheet, "</sheetData></worksheet>");
  path = write_zip ("many.xlsx", "xl/workbook.xml", WORKBOOK (""), "xl/_rels/workbook.xml.rels", RELS,
                    "xl/worksheets/sheet1.xml", sheet->str, NULL);
  reader = open_reader (path);

  while (impact_reader_read_row (reader, row, &error))
    {
      g_autofree char *name = g_strdup_printf ("Leverancier %u", ++n);

      g_assert_cmpuint (row->number, ==, n);
      g_assert_cmpuint (row->cells->len, ==, 3);
      g_assert_cmpstr (impact_row_get_cell (row, 0)->text, ==, name);
      g_assert_cmpint (impact_row_get_cell (row, 1)->type, ==, IMPACT_CELL_EMPTY);
      g_assert_cmpfloat (impact_row_get_cell (row, 2)->number, ==, n + 0.25);
    }
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 5000);
}

/* A streaming reader hands out the rows before a damaged place, then says what is wrong. */
static void
test_rows_before_damage (void)
{
  static const char sheet[] = SHEET ("<row r=\"1\"><c t=\"inlineStr\"><is><t>a</t></is></c></row>"
                                     "<row r=\"2\"><c t=\"inlineStr\"><is><t>b</t></is></c></row>"
                                     "<row r=\"3\"><c><v>1</v></row>");
  static const char content[] = ODS_CONTENT ("<table:table table:name=\"A\"><table:table-row><table:table-cell "
                                             "office:value-type=\"string\"><text:p>a</text:p></table:table-cell>"
                                             "</table:table-row><table:table-row table:number-rows-repeated=\"5000\">"
                                             "<table:table-cell office:value-type=\"string\"><text:p>x</text:p>"
                                             "</table:table-cell></table:table-row></table:table>");
  g_autofree char *xlsx = write_zip ("damaged.xlsx", "xl/workbook.xml", WORKBOOK (""), "xl/_rels/workbook.xml.rels",
                                     RELS, "xl/worksheets/sheet1.xml", sheet, NULL);
  g_autofree char *ods = write_zip ("repeats.ods", "mimetype", ODS_MIMETYPE, "content.xml", content, NULL);
  g_autoptr (ImpactReader) xlsx_reader = open_reader (xlsx);
  g_autoptr (ImpactReader) ods_reader = open_reader (ods);
  g_autoptr (ImpactRow) row = impact_row_new ();
  g_autoptr (GError) error = NULL;

  g_assert_true (impact_reader_read_row (xlsx_reader, row, &error));
  g_assert_cmpstr (impact_row_get_cell (row, 0)->text, ==, "a");
  g_assert_true (impact_reader_read_row (xlsx_reader, row, &error));
  g_assert_cmpstr (impact_row_get_cell (row, 0)->text, ==, "b");
  g_assert_false (impact_reader_read_row (xlsx_reader, row, &error));
  g_assert_error (error, IMPACT_IMPORT_ERROR, IMPACT_IMPORT_ERROR_FORMAT);
  g_assert_nonnull (strstr (error->message, "sheet1.xml"));
  g_clear_error (&error);

  g_assert_true (impact_reader_read_row (ods_reader, row, &error));
  g_assert_cmpstr (impact_row_get_cell (row, 0)->text, ==, "a");
  g_assert_false (impact_reader_read_row (ods_reader, row, &error));
  g_assert_error (error, IMPACT_IMPORT_ERROR, IMPACT_IMPORT_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "Row 2 "));
}

/* The scanner reads UTF-8; a sheet in another encoding is read by libxml2, from its start.
 * A damaged sheet is reported with the line of the damage. */
static void
test_encodings_and_lines (void)
{
  static const char latin1[] = "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>"
                               "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
                               "<sheetData><row r=\"1\"><c t=\"inlineStr\"><is><t>Caf\xe9 &amp; co</t></is></c>"
                               "<c><v>2.5</v></c></row></sheetData></worksheet>";
  static const char damaged[] = "<?xml version=\"1.0\"?>\n<worksheet>\n<sheetData>\n"
                                "<row r=\"1\"><c><v>1</v></row></sheetData></worksheet>";
  g_autofree char *latin1_path = write_zip ("latin1.xlsx", "xl/workbook.xml", WORKBOOK (""), "xl/_rels/workbook.xml.rels",
                                            RELS, "xl/worksheets/sheet1.xml", latin1, NULL);
  g_autofree char *damaged_path = write_zip ("lines.xlsx", "xl/workbook.xml", WORKBOOK (""), "xl/_rels/workbook.xml.rels",
                                             RELS, "xl/worksheets/sheet1.xml", damaged, NULL);
  g_autoptr (ImpactReader) reader = open_reader (latin1_path);
  g_autoptr (ImpactReader) damaged_reader = open_reader (damaged_path);
  g_autoptr (ImpactRow) row = impact_row_new ();
  g_autoptr (GError) error = NULL;

  g_assert_true (impact_reader_read_row (reader, row, &error));
  g_assert_cmpstr (impact_row_get_cell (row, 0)->text, ==, "Café & co");
  g_assert_cmpfloat (impact_row_get_cell (row, 1)->number, ==, 2.5);
  g_assert_false (impact_reader_read_row (reader, row, &error));
  g_assert_no_error (error);

  g_assert_false (impact_reader_read_row (damaged_reader, row, &error));
  g_assert_error (error, IMPACT_IMPORT_ERROR, IMPACT_IMPORT_ERROR_FORMAT);
  g_assert_nonnull (strstr (error->message, "line 4"));
}

typedef struct
{
  const char *name;
  char *path;
  int code;
  const char *message_part;
} HostileCase;

static void
test_hostile_files (void)
{
  static const char bomb[] =
      "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">"
      "<!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">"
      "<!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">]>"
      "<worksheet><sheetData><row><c t=\"inlineStr\"><is><t>&lol3;</t></is></c></row></sheetData></worksheet>";
  static const char external[] =
      "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY ext SYSTEM \"file:///etc/passwd\">]>"
      "<worksheet><sheetData><row><c t=\"inlineStr\"><is><t>&ext;</t></is></c></row></sheetData></worksheet>";
  g_autofree char *huge = NULL;
  g_autofree char *valid = write_zip ("valid.xlsx", "xl/workbook.xml", WORKBOOK (""), "xl/_rels/workbook.xml.rels", RELS,
                                      "xl/worksheets/sheet1.xml", SHEET ("<row><c><v>1</v></c></row>"), NULL);
  g_autofree char *contents = NULL;
  gsize length = 0;
  HostileCase cases[] = {
    { "entity bomb", write_zip ("bomb.xlsx", "xl/workbook.xml", WORKBOOK (""), "xl/_rels/workbook.xml.rels", RELS, "xl/worksheets/sheet1.xml", bomb, NULL),
      IMPACT_IMPORT_ERROR_FORMAT, "document type" },
    { "external entity", write_zip ("ext.xlsx", "xl/workbook.xml", WORKBOOK (""), "xl/_rels/workbook.xml.rels", RELS, "xl/worksheets/sheet1.xml", external, NULL),
      IMPACT_IMPORT_ERROR_FORMAT, "document type" },
    { "not xml", write_zip ("garbage.xlsx", "xl/workbook.xml", WORKBOOK (""), "xl/_rels/workbook.xml.rels", RELS, "xl/worksheets/sheet1.xml", "<worksheet><sheetData><row>", NULL),
      IMPACT_IMPORT_ERROR_FORMAT, "not valid XML" },
    { "missing sheet", write_zip ("nosheet.xlsx", "xl/workbook.xml", WORKBOOK (""), "xl/_rels/workbook.xml.rels", RELS, NULL),
      IMPACT_IMPORT_ERROR_FORMAT, "missing" },
    { "zip of something else", write_zip ("other.zip", "readme.txt", "hello", NULL),
      IMPACT_IMPORT_ERROR_UNSUPPORTED, "not an XLSX or ODS" },
    { "truncated", NULL, IMPACT_IMPORT_ERROR_FORMAT, "damaged" },
    { "unpacks to more than 512 MB", NULL, IMPACT_IMPORT_ERROR_TOO_LARGE, "512 MB" },
    { "a text longer than 10 MB", NULL, IMPACT_IMPORT_ERROR_TOO_LARGE, "10 MB" },
    { "elements nested too deep", NULL, IMPACT_IMPORT_ERROR_TOO_LARGE, "deep" },
    { "ods repeats a row too often", write_zip ("repeat.ods", "mimetype", ODS_MIMETYPE, "content.xml", ODS_CONTENT ("<table:table table:name=\"A\"><table:table-row table:number-rows-repeated=\"2000000\">"
                                                                                                                    "<table:table-cell office:value-type=\"string\"><text:p>x</text:p></table:table-cell>"
                                                                                                                    "</table:table-row></table:table>"),
                                                NULL),
      IMPACT_IMPORT_ERROR_TOO_LARGE, "repeats" },
  };

  /* Cut a valid workbook in half. */
  g_assert_true (g_file_get_contents (valid, &contents, &length, NULL));
  cases[5].path = g_build_filename (tmpdir, "truncated.xlsx", NULL);
  g_assert_true (g_file_set_contents (cases[5].path, contents, length / 2, NULL));

  /* 600 MB of the same byte: a small zip that unpacks beyond the limit. */
  huge = g_malloc (600 * 1024 * 1024 + 1);
  memset (huge, ' ', 600 * 1024 * 1024);
  huge[600 * 1024 * 1024] = '\0';
  cases[6].path = write_zip ("huge.xlsx", "xl/workbook.xml", WORKBOOK (""), "xl/_rels/workbook.xml.rels", RELS,
                             "xl/worksheets/sheet1.xml", huge, NULL);
  g_clear_pointer (&huge, g_free);

  /* A cell of 11 MB; a sheet nested 5,000 deep. */
  {
    g_autoptr (GString) sheet = g_string_new ("<worksheet><sheetData><row><c t=\"inlineStr\"><is><t>");

    for (guint i = 0; i < 11 * 1024 * 1024; i++)
      g_string_append_c (sheet, 'x');
    g_string_append (sheet, "</t></is></c></row></sheetData></worksheet>");
    cases[7].path = write_zip ("long.xlsx", "xl/workbook.xml", WORKBOOK (""), "xl/_rels/workbook.xml.rels", RELS,
                               "xl/worksheets/sheet1.xml", sheet->str, NULL);
    g_string_assign (sheet, "<worksheet><sheetData>");
    for (guint i = 0; i < 5000; i++)
      g_string_append (sheet, "<row>");
    cases[8].path = write_zip ("deep.xlsx", "xl/workbook.xml", WORKBOOK (""), "xl/_rels/workbook.xml.rels", RELS,
                               "xl/worksheets/sheet1.xml", sheet->str, NULL);
  }

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (ImpactReader) reader = NULL;
      g_autoptr (ImpactRow) row = impact_row_new ();

      g_test_message ("case %u: %s", i, cases[i].name);
      reader = impact_reader_new_for_file (cases[i].path, &error);
      while (reader != NULL && impact_reader_read_row (reader, row, &error))
        g_assert_true (row->cells->len <= IMPACT_READER_MAX_COLUMNS);
      g_assert_error (error, IMPACT_IMPORT_ERROR, cases[i].code);
      g_test_message ("  %s", error->message);
      g_assert_nonnull (strstr (error->message, cases[i].message_part));
      g_free (cases[i].path);
    }
}

int
main (int argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  tmpdir = impact_test_make_tmpdir ();

  g_test_add_func ("/spreadsheets/xlsx-from-libxlsxwriter", test_xlsx_from_libxlsxwriter);
  g_test_add_func ("/spreadsheets/xlsx-edge-cases", test_xlsx_edge_cases);
  g_test_add_func ("/spreadsheets/ods", test_ods);
  g_test_add_func ("/spreadsheets/many-rows", test_many_rows);
  g_test_add_func ("/spreadsheets/rows-before-damage", test_rows_before_damage);
  g_test_add_func ("/spreadsheets/encodings-and-lines", test_encodings_and_lines);
  g_test_add_func ("/spreadsheets/hostile-files", test_hostile_files);

  status = g_test_run ();
  impact_test_remove_tree (tmpdir);
  g_free (tmpdir);

  return status;
}
