/* impact-cli.c: what the application does without a window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "impact-cli"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "demo/impact-demo.h"
#include "impact-cli-private.h"

static const GOptionEntry option_entries[] = {
  { "version", 'v', 0, G_OPTION_ARG_NONE, NULL, N_ ("Show the version and exit"), NULL },
  { "database", 'd', 0, G_OPTION_ARG_FILENAME, NULL,
    N_ ("Use this database file, or the shared database at this address (postgresql://…, service=…), "
        "instead of the default file"),
    N_ ("FILE|URI") },
  { "demo", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_ ("Write the demo data into the database (which must be empty or new) and exit"), NULL },
  { "import", 'i', 0, G_OPTION_ARG_FILENAME, NULL,
    N_ ("Import purchase lines from a CSV, XLSX, ODS or JSON export and exit"), N_ ("FILE") },
  { "imports", 0, 0, G_OPTION_ARG_NONE, NULL, N_ ("List the imports in the database and exit"), NULL },
  { "undo-import", 0, 0, G_OPTION_ARG_INT64, NULL,
    N_ ("Remove an import and all its purchase lines, and exit"), N_ ("NUMBER") },
  { "mapping", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_ ("With --import: map the columns as this saved column mapping (JSON) says"), N_ ("FILE") },
  { "save-mapping", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_ ("With --import: save the column mapping that was used as JSON, for --mapping"), N_ ("FILE") },
  { "target", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_ ("With --import: what the file holds: purchase lines (default), the supplier certificate register, "
        "or the organisation's divisions and objects"),
    N_ ("purchases|suppliers|organisation") },
  { "sheet", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_ ("With --import: the sheet of an XLSX or ODS workbook to read (default: the first)"), N_ ("NAME") },
  { "division", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_ ("With --import: the division of every row, when the file has no division column"), N_ ("CODE") },
  { "dry-run", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_ ("With --import: check the file and show what would be imported, without writing"), NULL },
  { "include-duplicates", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_ ("With --import: also import lines that look like lines already imported"), NULL },
  { "decimal", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_ ("With --import: the decimal separator of the amounts (default: detected)"), N_ ("comma|point") },
  { "date-order", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_ ("With --import: the order of day and month in dates (default: detected)"), N_ ("dmy|mdy") },
  { "summary", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_ ("Show the spend figures of a node and period and exit"), NULL },
  { "node", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_ ("For --summary, --report and the table exports: the division or object (default: the whole group); with --grant and --revoke: the division"),
    N_ ("CODE") },
  { "period", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_ ("For --summary, --report and the table exports: the period (default: the financial year of the latest purchase)"),
    N_ ("2025|2025-Q2|2025-03|2025-01-01..2025-06-30") },
  { "format", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_ ("With --summary: text for people (default) or JSON for programs"), N_ ("text|json") },
  { "today", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_ ("For --summary, --report and the table exports: the day to project social return and certificate expiry from (default: today)"),
    N_ ("YYYY-MM-DD") },
  { "horizon", 0, 0, G_OPTION_ARG_INT, NULL,
    N_ ("For --summary, --report and the table exports: list certificates that end within this many days (default: 90)"), N_ ("DAYS") },
  { "report", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_ ("Write the report of a node and period as an A4 PDF (with --node, --period, --today) and exit"),
    N_ ("OUT.pdf") },
  { "export-csv", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_ ("Write the figures of a node and period as CSV files into a folder (with --node, --period, --today) and exit"),
    N_ ("FOLDER") },
  { "export-json", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_ ("Write the whole dataset in the exchange format (JSON), to import elsewhere, and exit"), N_ ("OUT.json") },
  { "export-xlsx", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_ ("Write the figures of a node and period as a spreadsheet, a sheet per table, and exit"), N_ ("OUT.xlsx") },
  { "publish", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_ ("Copy the whole dataset of the database into a new, empty shared database at this address, and exit"),
    N_ ("URI") },
  { "grant", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_ ("On a shared database: let this login role see and change the whole group, or with --node one "
        "division more, and exit"),
    N_ ("ROLE") },
  { "revoke", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_ ("On a shared database: take all access away from this login role, or with --node that division only, and "
        "exit"),
    N_ ("ROLE") },
  { "grants", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_ ("On a shared database: list who may see which divisions, and exit"), NULL },
  { "demo-date", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_ ("With --demo: the day the demo data ends on (default: today)"), N_ ("YYYY-MM-DD") },
  { NULL },
};
const GOptionEntry *
impact_cli_get_option_entries (void)
{
  return option_entries;
}

/* Runs the options that need no window. Returns an exit code, or -1 when the application
 * should go on and open its window. */
int
impact_cli_handle_options (GVariantDict *options)
{
  g_autofree char *database = NULL;
  g_autofree char *path = NULL;
  const char *date = NULL;

  g_return_val_if_fail (options != NULL, IMPACT_CLI_EXIT_FAILED);

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("%s %s\n", GETTEXT_PACKAGE, PACKAGE_VERSION);
      return IMPACT_CLI_EXIT_OK;
    }

  g_variant_dict_lookup (options, "database", "^ay", &database);
  g_variant_dict_lookup (options, "demo-date", "&s", &date);

  if (g_variant_dict_contains (options, "demo"))
    {
      g_autofree char *demo = database != NULL ? g_steal_pointer (&database) : impact_demo_get_default_path ();

      return impact_cli_write_demo (demo, date);
    }

  /* Every other command works on the database given, or the user's own. */
  path = database != NULL ? g_steal_pointer (&database) : impact_store_get_default_path ();

  if (g_variant_dict_contains (options, "grant") || g_variant_dict_contains (options, "revoke")
      || g_variant_dict_contains (options, "grants"))
    {
      const char *role = NULL, *node = NULL;

      g_variant_dict_lookup (options, "node", "&s", &node);
      if (g_variant_dict_lookup (options, "grant", "&s", &role))
        return impact_cli_grant (path, role, node);
      if (g_variant_dict_lookup (options, "revoke", "&s", &role))
        return impact_cli_revoke (path, role, node);
      return impact_cli_list_grants (path);
    }

  if (g_variant_dict_contains (options, "imports") || g_variant_dict_contains (options, "undo-import"))
    {
      gint64 batch_id = 0;

      if (g_variant_dict_lookup (options, "undo-import", "x", &batch_id))
        return impact_cli_undo_import (path, batch_id);
      return impact_cli_list_imports (path);
    }

  if (g_variant_dict_contains (options, "export-json"))
    {
      g_autofree char *out = NULL;

      g_variant_dict_lookup (options, "export-json", "^ay", &out);
      return impact_cli_export_json (path, out);
    }

  if (g_variant_dict_contains (options, "publish"))
    {
      g_autofree char *location = NULL;

      g_variant_dict_lookup (options, "publish", "^ay", &location);
      return impact_cli_publish (path, location);
    }

  if (g_variant_dict_contains (options, "export-csv") || g_variant_dict_contains (options, "export-xlsx"))
    {
      g_autofree char *out = NULL;
      gboolean xlsx = g_variant_dict_lookup (options, "export-xlsx", "^ay", &out);

      if (!xlsx)
        g_variant_dict_lookup (options, "export-csv", "^ay", &out);
      return impact_cli_export_tables (path, out, xlsx, options);
    }

  if (g_variant_dict_contains (options, "report"))
    {
      g_autofree char *out = NULL;

      g_variant_dict_lookup (options, "report", "^ay", &out);
      return impact_cli_write_report (path, out, options);
    }

  if (g_variant_dict_contains (options, "summary"))
    {

      return impact_cli_show_summary (path, options);
    }

  if (g_variant_dict_contains (options, "import"))
    {
      g_autofree char *file = NULL;

      g_variant_dict_lookup (options, "import", "^ay", &file);
      return impact_cli_import_file (path, file, options);
    }

  if (date != NULL)
    {
      g_printerr (_ ("--demo-date goes with --demo.\n"));
      return IMPACT_CLI_EXIT_USAGE;
    }

  return -1;
}
