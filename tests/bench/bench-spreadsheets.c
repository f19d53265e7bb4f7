/* bench-spreadsheets.c: the same 100,000 rows as CSV, XLSX and ODS, imported end to end
 *
 * Target: XLSX and ODS take at most 2x the time of the CSV. The XLSX is written by
 * libxlsxwriter as a spreadsheet program would (shared strings, a date format); the ODS by
 * hand, as LibreOffice writes one (value types, office:date-value).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gsf/gsf.h>
#include <stdio.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include "impact-test-store.h"
#include "impact-test-utils.h"
#include "import/impact-importer.h"

#define N_ROWS 100000

static void
row_values (guint i,
            int *day,
            int *month,
            int *year,
            guint *supplier,
            double *amount)
{
  *day = 1 + i % 28;
  *month = 1 + i / 28 % 12;
  *year = 2023 + i % 3;
  *supplier = (i * 7919) % 3000;
  *amount = (1000 + (i * 104729) % 250000) / 100.0;
}

static void
write_csv (const char *path)
{
  FILE *out = fopen (path, "w");

  fputs ("Factuurdatum;Factuurnummer;Leverancier;Bedrag excl. btw;Divisie\n", out);
  for (guint i = 0; i < N_ROWS; i++)
    {
      int d, m, y;
      guint s;
      double a;

      row_values (i, &d, &m, &y, &s, &a);
      fprintf (out, "%02d-%02d-%d;F%07u;Leverancier %u B.V.;%.2f;DIV%u\n", d, m, y, i, s, a, s % 6);
    }
  fclose (out);
}

static void
write_xlsx (const char *path)
{
  lxw_workbook *workbook = workbook_new (path);
  lxw_worksheet *sheet = workbook_add_worksheet (workbook, "Inkoop");
  lxw_format *date = workbook_add_format (workbook);
  static const char *const headers[] = { "Factuurdatum", "Factuurnummer", "Leverancier", "Bedrag excl. btw", "Divisie" };
  char text[64];

  format_set_num_format (date, "dd-mm-yyyy");
  for (guint c = 0; c < G_N_ELEMENTS (headers); c++)
    worksheet_write_string (sheet, 0, c, headers[c], NULL);
  for (guint i = 0; i < N_ROWS; i++)
    {
      int d, m, y;
      guint s;
      double a;
      lxw_datetime when = { 0 };

      row_values (i, &d, &m, &y, &s, &a);
      when = (lxw_datetime){ y, m, d, 0, 0, 0 };
      worksheet_write_datetime (sheet, i + 1, 0, &when, date);
      g_snprintf (text, sizeof text, "F%07u", i);
      worksheet_write_string (sheet, i + 1, 1, text, NULL);
      g_snprintf (text, sizeof text, "Leverancier %u B.V.", s);
      worksheet_write_string (sheet, i + 1, 2, text, NULL);
      worksheet_write_number (sheet, i + 1, 3, a, NULL);
      g_snprintf (text, sizeof text, "DIV%u", s % 6);
      worksheet_write_string (sheet, i + 1, 4, text, NULL);
    }
  workbook_close (workbook);
}

static void
write_ods (const char *path)
{
  g_autoptr (GError) error = NULL;
  GsfOutput *sink = gsf_output_stdio_new (path, &error);
  GsfOutfile *zip = gsf_outfile_zip_new (sink, &error);
  GsfOutput *mimetype = gsf_outfile_new_child (zip, "mimetype", FALSE);
  GsfOutput *content = gsf_outfile_new_child (zip, "content.xml", FALSE);

  gsf_output_puts (mimetype, "application/vnd.oasis.opendocument.spreadsheet");
  gsf_output_close (mimetype);
  gsf_output_puts (content,
                   "<?xml version=\"1.0\"?><office:document-content"
                   " xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\""
                   " xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\""
                   " xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\">"
                   "<office:body><office:spreadsheet><table:table table:name=\"Inkoop\"><table:table-row>"
                   "<table:table-cell office:value-type=\"string\"><text:p>Factuurdatum</text:p></table:table-cell>"
                   "<table:table-cell office:value-type=\"string\"><text:p>Factuurnummer</text:p></table:table-cell>"
                   "<table:table-cell office:value-type=\"string\"><text:p>Leverancier</text:p></table:table-cell>"
                   "<table:table-cell office:value-type=\"string\"><text:p>Bedrag excl. btw</text:p></table:table-cell>"
                   "<table:table-cell office:value-type=\"string\"><text:p>Divisie</text:p></table:table-cell>"
                   "</table:table-row>");
  for (guint i = 0; i < N_ROWS; i++)
    {
      int d, m, y;
      guint s;
      double a;

      row_values (i, &d, &m, &y, &s, &a);
      gsf_output_printf (content,
                         "<table:table-row><table:table-cell office:value-type=\"date\" office:date-value=\"%d-%02d-%02d\">"
                         "<text:p>%02d-%02d-%d</text:p></table:table-cell>"
                         "<table:table-cell office:value-type=\"string\"><text:p>F%07u</text:p></table:table-cell>"
                         "<table:table-cell office:value-type=\"string\"><text:p>Leverancier %u B.V.</text:p></table:table-cell>"
                         "<table:table-cell office:value-type=\"float\" office:value=\"%.2f\"><text:p>%.2f</text:p></table:table-cell>"
                         "<table:table-cell office:value-type=\"string\"><text:p>DIV%u</text:p></table:table-cell>"
                         "</table:table-row>",
                         y, m, d, d, m, y, i, s, a, a, s % 6);
    }
  gsf_output_puts (content, "</table:table></office:spreadsheet></office:body></office:document-content>");
  gsf_output_close (content);
  gsf_output_close (GSF_OUTPUT (zip));
  gsf_output_close (sink);
  g_object_unref (mimetype);
  g_object_unref (content);
  g_object_unref (zip);
  g_object_unref (sink);
}

/* Every import starts from a new database. */
static double
time_import (const char *path)
{
  static const ImpactImportOptions options = { .decimal = IMPACT_DECIMAL_POINT };
  g_autofree char *db = g_strconcat (path, ".sqlite", NULL);

  return impact_test_time_import (path, db, &options, N_ROWS);
}

/* Single runs on a shared machine vary by a quarter: the three imports take turns, ROUNDS
 * times, and their medians are compared. */
#define ROUNDS 5

int
main (int argc,
      char *argv[])
{
  g_autofree char *dir = impact_test_make_tmpdir ();
  g_autofree char *csv = g_build_filename (dir, "inkoop.csv", NULL);
  g_autofree char *xlsx = g_build_filename (dir, "inkoop.xlsx", NULL);
  g_autofree char *ods = g_build_filename (dir, "inkoop.ods", NULL);
  double t_csv[ROUNDS], t_xlsx[ROUNDS], t_ods[ROUNDS], m_csv, m_xlsx, m_ods;

  write_csv (csv);
  write_xlsx (xlsx);
  write_ods (ods);

  for (guint round = 0; round < ROUNDS; round++)
    {
      sync ();
      t_csv[round] = time_import (csv);
      sync ();
      t_xlsx[round] = time_import (xlsx);
      sync ();
      t_ods[round] = time_import (ods);
      printf ("round %u: CSV %.2f s, XLSX %.2f s, ODS %.2f s\n", round + 1, t_csv[round], t_xlsx[round], t_ods[round]);
    }
  m_csv = impact_test_median (t_csv, ROUNDS);
  m_xlsx = impact_test_median (t_xlsx, ROUNDS);
  m_ods = impact_test_median (t_ods, ROUNDS);

  printf ("import of %d rows, medians: CSV %.2f s, XLSX %.2f s (%.2fx CSV), ODS %.2f s (%.2fx CSV); target <= 2x\n",
          N_ROWS, m_csv, m_xlsx, m_xlsx / m_csv, m_ods, m_ods / m_csv);

  impact_test_remove_tree (dir);
  return 0;
}
