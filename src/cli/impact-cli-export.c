/* impact-cli-export.c: --report, --export-csv, --export-xlsx, --export-json and --publish
 *
 * The report of a node and period as an A4 PDF, its tables as CSV files or one workbook, the
 * whole dataset in the exchange format, and the whole dataset copied to a shared database.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "impact-cli"

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>

#include "impact-cli-private.h"
#include "export/impact-table.h"
#include "model/impact-format.h"
#include "export/impact-exchange-export.h"
#include "export/impact-publish.h"

int
impact_cli_write_report (const char *database,
                         const char *out,
                         GVariantDict *options)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ImpactReportData) data = NULL;
  g_autoptr (ImpactReport) report = NULL;
  g_autofree char *name = g_filename_display_name (out);
  int status = impact_cli_read_node_data (database, options, &data);

  if (status >= 0)
    return status;
  report = impact_report_new (data, IMPACT_REPORT_A4_WIDTH, IMPACT_REPORT_A4_HEIGHT);
  if (!impact_report_write_pdf (report, out, &error))
    {
      g_printerr ("%s\n", error->message);
      return IMPACT_CLI_EXIT_FAILED;
    }
  g_print (g_dngettext (GETTEXT_PACKAGE, "Report written to “%s”: %u page.\n", "Report written to “%s”: %u pages.\n",
                        impact_report_get_n_pages (report)),
           name, impact_report_get_n_pages (report));
  return IMPACT_CLI_EXIT_OK;
}

/* Writes the tables of a node and period: CSV files into the folder @out (created when
 * needed), or one XLSX workbook. */
int
impact_cli_export_tables (const char *database,
                          const char *out,
                          gboolean xlsx,
                          GVariantDict *options)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ImpactReportData) data = NULL;
  g_autoptr (GPtrArray) tables = NULL;
  g_autofree char *name = g_filename_display_name (out);
  int status = impact_cli_read_node_data (database, options, &data);

  if (status >= 0)
    return status;
  tables = impact_tables_from_figures (data->figures, data->sroi, data->expiring);

  if (xlsx)
    {
      if (!impact_tables_write_xlsx (tables, out, &error))
        {
          g_printerr ("%s\n", error->message);
          return IMPACT_CLI_EXIT_FAILED;
        }
      g_print (_ ("Figures written to “%s”, a sheet per table.\n"), name);
      return IMPACT_CLI_EXIT_OK;
    }

  if (g_mkdir_with_parents (out, 0700) != 0)
    {
      g_printerr (_ ("Could not make the folder “%s”: %s\n"), name, g_strerror (errno));
      return IMPACT_CLI_EXIT_FAILED;
    }
  for (guint i = 0; i < tables->len; i++)
    {
      const ImpactTable *table = g_ptr_array_index (tables, i);
      g_autofree char *file = g_strconcat (impact_table_get_name (table), ".csv", NULL);
      g_autofree char *path = g_build_filename (out, file, NULL);

      if (!impact_table_write_csv (table, path, impact_locale_uses_decimal_comma (), &error))
        {
          g_printerr ("%s\n", error->message);
          return IMPACT_CLI_EXIT_FAILED;
        }
    }
  g_print (g_dngettext (GETTEXT_PACKAGE, "Figures written to “%s”: %u CSV file.\n", "Figures written to “%s”: %u CSV files.\n",
                        tables->len),
           name, tables->len);
  return IMPACT_CLI_EXIT_OK;
}

int
impact_cli_export_json (const char *database,
                        const char *out)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ImpactStore) store = NULL;
  g_autofree char *out_name = g_filename_display_name (out);
  g_autofree char *count = NULL;
  gint64 n_lines = 0;

  store = impact_cli_open_existing (database);
  if (store == NULL)
    return IMPACT_CLI_EXIT_FAILED;
  if (!impact_exchange_export (store, out, &n_lines, &error))
    {
      g_printerr ("%s\n", error->message);
      return IMPACT_CLI_EXIT_FAILED;
    }
  count = impact_format_count (n_lines);
  g_print (g_dngettext (GETTEXT_PACKAGE, "Dataset written to “%s”: %s purchase line.\n",
                        "Dataset written to “%s”: %s purchase lines.\n", (gulong) n_lines),
           out_name, count);
  return IMPACT_CLI_EXIT_OK;
}

int
impact_cli_publish (const char *database,
                    const char *location)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ImpactStore) store = NULL;
  g_autofree char *name = impact_db_location_get_display_name (database);
  g_autofree char *shown = impact_db_location_get_display_name (location);
  ImpactStoreCounts counts;

  store = impact_cli_open_existing (database);
  if (store == NULL)
    return IMPACT_CLI_EXIT_FAILED;
  if (!impact_publish (store, location, NULL, &counts, &error))
    {
      g_printerr ("%s\n", error->message);
      return IMPACT_CLI_EXIT_FAILED;
    }

  /* Translators: the first %s is the local database, the second the shared one. */
  g_print (_ ("“%s” published to “%s”:\n"), name, shown);
  impact_cli_print_counts (&counts);
  g_print ("%s\n", _ ("Supplier engagement, letter templates and the import history stay in the local database."));

  return IMPACT_CLI_EXIT_OK;
}
