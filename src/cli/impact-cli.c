/* impact-cli.c: what the application does without a window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "impact-cli"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>

#include "demo/impact-demo.h"
#include "import/impact-importer.h"
#include "impact-cli.h"
#include "model/impact-format.h"
#include "storage/impact-store-counts.h"

static const GOptionEntry option_entries[] = {
  { "version", 'v', 0, G_OPTION_ARG_NONE, NULL, N_ ("Show the version and exit"), NULL },
  { "database", 'd', 0, G_OPTION_ARG_FILENAME, NULL,
    N_ ("Use this SQLite database instead of the default one"), N_ ("FILE") },
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
  { "demo-date", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_ ("With --demo: the day the demo data ends on (default: today)"), N_ ("YYYY-MM-DD") },
  { NULL },
};

const GOptionEntry *
impact_cli_get_option_entries (void)
{
  return option_entries;
}

static void
print_row (const char *label,
           const char *value)
{
  /* Pad by characters, not bytes, so Dutch labels with accents still line up. */
  glong pad = 24 - g_utf8_strlen (label, -1);

  g_print ("  %s%*s%s\n", label, (int) MAX (pad, 1), "", value);
}

static void
print_counts (const ImpactStoreCounts *counts)
{
  g_auto (ImpactCountsText) text = { 0 };

  impact_counts_text_init (&text, counts);
  print_row (_ ("Divisions:"), text.divisions);
  print_row (_ ("Objects:"), text.objects);
  print_row (_ ("Suppliers:"), text.suppliers);
  print_row (_ ("Supplier statuses:"), text.statuses);
  print_row (_ ("Purchase lines:"), text.lines);
  print_row (_ ("Period:"), text.period);
  print_row (_ ("Total spend:"), text.total);
  print_row (_ ("Social spend:"), text.social);
}

static int
write_demo (const char *path,
            const char *date)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ImpactStore) store = NULL;
  g_autofree char *name = g_filename_display_name (path);
  ImpactStoreCounts counts;
  guint32 day = date != NULL ? impact_day_from_iso (date) : impact_day_today ();

  if (day == 0)
    {
      /* Translators: %s is the date as the user typed it. */
      g_printerr (_ ("“%s” is not a date; write it as YYYY-MM-DD, for example 2025-12-31.\n"), date);
      return IMPACT_CLI_EXIT_USAGE;
    }

  store = impact_store_open (path, &error);
  if (store == NULL || !impact_demo_write (store, day, NULL, NULL, NULL, &error)
      || !impact_store_get_counts (store, &counts, &error))
    {
      g_printerr ("%s\n", error->message);
      return IMPACT_CLI_EXIT_FAILED;
    }

  g_print (_ ("Demo data written to “%s”.\n"), name);
  print_counts (&counts);

  return IMPACT_CLI_EXIT_OK;
}

static void
print_names (const char *label,
             GPtrArray *names)
{
  g_autoptr (GString) list = g_string_new (NULL);
  g_autofree char *count = impact_format_count (names->len);

  for (guint i = 0; i < names->len && i < 5; i++)
    g_string_append_printf (list, "%s%s", i > 0 ? ", " : "", (char *) g_ptr_array_index (names, i));
  if (names->len > 5)
    g_string_append (list, ", …");

  if (names->len > 0)
    {
      g_autofree char *value = g_strdup_printf ("%s (%s)", count, list->str);

      print_row (label, value);
    }
  else
    print_row (label, count);
}

static void
print_import_summary (const ImpactImportSummary *summary,
                      gboolean dry_run)
{
  g_autofree char *read = impact_format_count (summary->rows_read);
  g_autofree char *accepted = impact_format_count (summary->rows_accepted);
  g_autofree char *rejected = impact_format_count (summary->rows_rejected);
  g_autofree char *duplicates = impact_format_count (summary->rows_duplicate);
  g_autofree char *skipped = impact_format_count (summary->rows_skipped);
  g_autofree char *total = impact_format_money (summary->total_cents);

  if (summary->header_row > 0)
    /* Translators: the first %s is a file name, the second what was detected in it, the %u a row number. */
    g_print (_ ("Import of “%s” (%s; column names on row %u)\n"), summary->file_name, summary->format,
             summary->header_row);
  else
    /* Translators: the first %s is a file name, the second what it is. */
    g_print (_ ("Import of “%s” (%s)\n"), summary->file_name, summary->format);
  print_row (_ ("Rows read:"), read);
  print_row (_ ("Accepted:"), accepted);
  print_row (_ ("Rejected:"), rejected);
  print_row (_ ("Duplicates skipped:"), duplicates);
  if (summary->mapping->target == IMPACT_IMPORT_PURCHASES)
    {
      print_row (_ ("Total rows skipped:"), skipped);
      print_row (_ ("Total amount:"), total);
    }
  if (summary->mapping->target != IMPACT_IMPORT_ORGANISATION)
    print_names (_ ("New suppliers:"), summary->new_suppliers);
  if (summary->mapping->target != IMPACT_IMPORT_SUPPLIERS)
    {
      print_names (_ ("New divisions:"), summary->new_divisions);
      print_names (_ ("New objects:"), summary->new_objects);
    }

  if (summary->statuses_added > 0)
    {
      g_autofree char *statuses = impact_format_count (summary->statuses_added);

      print_row (_ ("Certificates:"), statuses);
    }
  if (summary->remembered_mapping)
    g_print ("%s\n", _ ("Columns mapped as for the last file with these columns."));
  for (guint i = 0; i < summary->warnings->len; i++)
    g_print (_ ("Note: %s\n"), (char *) g_ptr_array_index (summary->warnings, i));

  if (summary->problems->len > 0)
    g_print ("%s\n", _ ("Rejected rows:"));
  for (guint i = 0; i < summary->problems->len; i++)
    {
      const ImpactImportProblem *p = g_ptr_array_index (summary->problems, i);

      if (p->column != NULL)
        /* Translators: a rejected row: its number, the column name and the reason. */
        g_print (_ ("  Row %u, column “%s”: %s\n"), p->row, p->column, p->message);
      else
        g_print (_ ("  Row %u: %s\n"), p->row, p->message);
    }
  if (summary->rows_rejected > (gint64) summary->problems->len)
    g_print (_ ("  … and %s more\n"), rejected);

  if (dry_run)
    g_print ("%s\n", _ ("Dry run: nothing was written to the database."));
}

static gboolean
parse_choice (const char *value,
              const char *first,
              const char *second,
              int *choice)
{
  if (value == NULL)
    *choice = 0;
  else if (g_str_equal (value, first))
    *choice = 1;
  else if (g_str_equal (value, second))
    *choice = 2;
  else
    return FALSE;

  return TRUE;
}

static int
import_file (const char *database,
             const char *path,
             GVariantDict *options)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ImpactStore) store = NULL;
  g_autoptr (ImpactImportSummary) summary = NULL;
  ImpactImportOptions import_options = { 0 };
  const char *decimal = NULL, *date_order = NULL;
  g_autofree char *mapping_path = NULL;
  g_autofree char *mapping_json = NULL;
  g_autofree char *save_path = NULL;
  int decimal_choice, order_choice;

  const char *target = NULL;

  g_variant_dict_lookup (options, "target", "&s", &target);
  if (target != NULL && !impact_import_target_from_code (target, &import_options.target))
    {
      g_printerr (_ ("--target takes “purchases”, “suppliers” or “organisation”.\n"));
      return IMPACT_CLI_EXIT_USAGE;
    }
  g_variant_dict_lookup (options, "sheet", "&s", &import_options.sheet);
  g_variant_dict_lookup (options, "division", "&s", &import_options.division_code);
  g_variant_dict_lookup (options, "decimal", "&s", &decimal);
  g_variant_dict_lookup (options, "date-order", "&s", &date_order);
  import_options.dry_run = g_variant_dict_contains (options, "dry-run");
  import_options.include_duplicates = g_variant_dict_contains (options, "include-duplicates");

  if (!parse_choice (decimal, "comma", "point", &decimal_choice))
    {
      g_printerr (_ ("--decimal takes “comma” or “point”.\n"));
      return IMPACT_CLI_EXIT_USAGE;
    }
  if (!parse_choice (date_order, "dmy", "mdy", &order_choice))
    {
      g_printerr (_ ("--date-order takes “dmy” or “mdy”.\n"));
      return IMPACT_CLI_EXIT_USAGE;
    }
  import_options.decimal = decimal_choice;
  import_options.date_order = order_choice;

  if (g_variant_dict_lookup (options, "mapping", "^ay", &mapping_path)
      && !g_file_get_contents (mapping_path, &mapping_json, NULL, &error))
    {
      g_printerr ("%s\n", error->message);
      return IMPACT_CLI_EXIT_FAILED;
    }
  import_options.mapping_json = mapping_json;

  store = impact_store_open (database, &error);
  if (store != NULL)
    summary = impact_import_file (store, path, &import_options, NULL, &error);
  if (summary == NULL)
    {
      g_printerr ("%s\n", error->message);
      return IMPACT_CLI_EXIT_FAILED;
    }

  print_import_summary (summary, import_options.dry_run);
  if (g_variant_dict_lookup (options, "save-mapping", "^ay", &save_path))
    {
      g_autofree char *json = impact_mapping_to_json (summary->mapping, TRUE);

      if (!g_file_set_contents (save_path, json, -1, &error))
        {
          g_printerr ("%s\n", error->message);
          return IMPACT_CLI_EXIT_FAILED;
        }
    }
  if (import_options.dry_run ? summary->rows_accepted + summary->statuses_added + summary->new_divisions->len == 0
                             : summary->batch_id == 0)
    {
      g_printerr (_ ("Nothing was imported: no row of “%s” could be taken in.\n"), summary->file_name);
      return IMPACT_CLI_EXIT_FAILED;
    }

  return IMPACT_CLI_EXIT_OK;
}

static int
list_imports (const char *database)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ImpactStore) store = impact_store_open (database, &error);
  g_autoptr (GPtrArray) batches = NULL;

  if (store != NULL)
    batches = impact_store_list_batches (store, &error);
  if (batches == NULL)
    {
      g_printerr ("%s\n", error->message);
      return IMPACT_CLI_EXIT_FAILED;
    }

  if (batches->len == 0)
    g_print ("%s\n", _ ("No imports yet."));
  for (guint i = 0; i < batches->len; i++)
    {
      const ImpactBatch *batch = g_ptr_array_index (batches, i);
      g_autoptr (GDateTime) when = g_date_time_new_from_unix_local (batch->imported_at);
      g_autofree char *time = g_date_time_format (when, "%Y-%m-%d %H:%M");
      g_autofree char *accepted = impact_format_count (batch->rows_accepted);
      g_autofree char *total = impact_format_money (batch->total_cents);

      /* Translators: one import in the list: its number, date and time, file name, number of
       * lines and total amount, as in "3  2025-03-01 10:15  inkoop.csv: 1.200 lines, EUR 12.345,67". */
      g_autofree char *number = g_strdup_printf ("%3" G_GINT64_FORMAT, batch->id);

      if (g_strcmp0 (batch->target, "organisation") == 0)
        /* Translators: one import of the organisation: number, date and time, file, rows. */
        g_print (g_dngettext (GETTEXT_PACKAGE, "%s  %s  %s: %s row of divisions and objects\n",
                              "%s  %s  %s: %s rows of divisions and objects\n", (gulong) batch->rows_accepted),
                 number, time, batch->file_name, accepted);
      else if (g_strcmp0 (batch->target, "suppliers") == 0)
        /* Translators: one import of a certificate register: number, date and time, file, count. */
        g_print (g_dngettext (GETTEXT_PACKAGE, "%s  %s  %s: %s certificate\n", "%s  %s  %s: %s certificates\n",
                              (gulong) batch->rows_accepted),
                 number, time, batch->file_name, accepted);
      else
        g_print (g_dngettext (GETTEXT_PACKAGE, "%s  %s  %s: %s line, %s\n", "%s  %s  %s: %s lines, %s\n",
                              (gulong) batch->rows_accepted),
                 number, time, batch->file_name, accepted, total);
    }

  return IMPACT_CLI_EXIT_OK;
}

static int
undo_import (const char *database,
             gint64 batch_id)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ImpactStore) store = impact_store_open (database, &error);
  g_autoptr (ImpactBatch) batch = NULL;
  g_autofree char *accepted = NULL;
  g_autofree char *total = NULL;
  g_autofree char *number = NULL;

  if (store != NULL)
    batch = impact_store_get_batch (store, batch_id, &error);
  if (batch == NULL || !impact_store_delete_batch (store, batch_id, &error))
    {
      g_printerr ("%s\n", error->message);
      return IMPACT_CLI_EXIT_FAILED;
    }

  accepted = impact_format_count (batch->rows_accepted);
  total = impact_format_money (batch->total_cents);
  /* Translators: the import number, the file name, the number of lines and their total. */
  number = g_strdup_printf ("%" G_GINT64_FORMAT, batch_id);
  if (g_strcmp0 (batch->target, "organisation") == 0)
    g_print (_ ("Import %s of “%s” removed: the divisions and objects it created that nothing refers to; "
                "changes to existing ones stay.\n"),
             number, batch->file_name);
  else if (g_strcmp0 (batch->target, "suppliers") == 0)
    g_print (_ ("Import %s of “%s” removed: %s certificates.\n"), number, batch->file_name, accepted);
  else
    g_print (_ ("Import %s of “%s” removed: %s purchase lines, %s.\n"), number, batch->file_name, accepted, total);

  return IMPACT_CLI_EXIT_OK;
}

/* Runs the options that need no window. Returns an exit code, or -1 when the application
 * should go on and open its window. */
int
impact_cli_handle_options (GVariantDict *options)
{
  g_autofree char *database = NULL;
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
      g_autofree char *path = database != NULL ? g_steal_pointer (&database)
                                               : impact_demo_get_default_path ();

      return write_demo (path, date);
    }

  if (g_variant_dict_contains (options, "imports") || g_variant_dict_contains (options, "undo-import"))
    {
      g_autofree char *path = database != NULL ? g_steal_pointer (&database)
                                               : impact_store_get_default_path ();
      gint64 batch_id = 0;

      if (g_variant_dict_lookup (options, "undo-import", "x", &batch_id))
        return undo_import (path, batch_id);
      return list_imports (path);
    }

  if (g_variant_dict_contains (options, "import"))
    {
      g_autofree char *file = NULL;
      g_autofree char *path = database != NULL ? g_steal_pointer (&database)
                                               : impact_store_get_default_path ();

      g_variant_dict_lookup (options, "import", "^ay", &file);
      return import_file (path, file, options);
    }

  if (date != NULL)
    {
      g_printerr (_ ("--demo-date goes with --demo.\n"));
      return IMPACT_CLI_EXIT_USAGE;
    }

  return -1;
}
