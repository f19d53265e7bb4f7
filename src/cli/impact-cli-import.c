/* impact-cli-import.c: --import, --imports and --undo-import
 *
 * Imports a file (with --target, --mapping, --sheet, --division, --dry-run and the other
 * import options), prints the columns it took and what was imported, refuses an uncertain
 * required column with its candidates (exit 1), and lists or undoes imports.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "impact-cli"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "impact-cli-private.h"
#include "import/impact-column-guess.h"
#include "import/impact-importer.h"
#include "model/impact-format.h"

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

      impact_cli_print_row (label, value);
    }
  else
    impact_cli_print_row (label, count);
}

/* Which column was taken for what, and why: nothing is guessed silently. */
static void
print_mapping (const ImpactMapping *mapping)
{
  g_print ("%s\n", _ ("Columns:"));
  for (guint c = 0; c < mapping->fields->len; c++)
    {
      ImpactField field = g_array_index (mapping->fields, ImpactField, c);
      g_autofree char *why = impact_mapping_describe_column (mapping, c);
      const char *header = g_ptr_array_index (mapping->headers, c);

      if (field == IMPACT_FIELD_IGNORE)
        /* Translators: an ignored column of an import: its name and why it is ignored. */
        g_print (_ ("  “%s” → ignored (%s)\n"), header, why);
      else
        /* Translators: a column of an import: its name, its field and why. */
        g_print (_ ("  “%s” → %s (%s)\n"), header, impact_field_to_string (field), why);
    }
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
  print_mapping (summary->mapping);
  impact_cli_print_row (_ ("Rows read:"), read);
  impact_cli_print_row (_ ("Accepted:"), accepted);
  impact_cli_print_row (_ ("Rejected:"), rejected);
  impact_cli_print_row (_ ("Duplicates skipped:"), duplicates);
  if (summary->mapping->target == IMPACT_IMPORT_PURCHASES)
    {
      impact_cli_print_row (_ ("Total rows skipped:"), skipped);
      impact_cli_print_row (_ ("Total amount:"), total);
    }
  if (summary->mapping->target != IMPACT_IMPORT_ORGANISATION)
    {
      print_names (_ ("New suppliers:"), summary->new_suppliers);
      if (summary->name_matches->len > 0)
        print_names (_ ("Matched by name only:"), summary->name_matches);
    }
  if (summary->mapping->target != IMPACT_IMPORT_SUPPLIERS)
    {
      print_names (_ ("New divisions:"), summary->new_divisions);
      print_names (_ ("New objects:"), summary->new_objects);
    }

  if (summary->obligations_set > 0)
    {
      g_autofree char *obligations = impact_format_count (summary->obligations_set);

      impact_cli_print_row (_ ("SROI obligations:"), obligations);
    }
  if (summary->statuses_added > 0)
    {
      g_autofree char *statuses = impact_format_count (summary->statuses_added);

      impact_cli_print_row (_ ("Certificates:"), statuses);
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

/* An import that stopped at a guess it is not sure of: the guess is shown, and written to
 * --save-mapping's file when given, for the user to correct and pass with --mapping. */
static int
refuse_uncertain (ImpactStore *store,
                  const char *path,
                  const ImpactImportOptions *import_options,
                  GVariantDict *options,
                  const GError *refusal)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ImpactImportSummary) guess = impact_import_preview (store, path, import_options, &error);
  g_autofree char *save_path = NULL;

  if (guess != NULL)
    print_mapping (guess->mapping);
  g_printerr ("%s\n", refusal->message);
  if (guess != NULL && g_variant_dict_lookup (options, "save-mapping", "^ay", &save_path))
    {
      g_autofree char *json = impact_mapping_to_json (guess->mapping, TRUE);

      if (!g_file_set_contents (save_path, json, -1, &error))
        g_printerr ("%s\n", error->message);
    }

  return IMPACT_CLI_EXIT_FAILED;
}

int
impact_cli_import_file (const char *database,
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
  if (summary == NULL && g_error_matches (error, IMPACT_IMPORT_ERROR, IMPACT_IMPORT_ERROR_UNCERTAIN))
    return refuse_uncertain (store, path, &import_options, options, error);
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

int
impact_cli_list_imports (const char *database)
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

int
impact_cli_undo_import (const char *database,
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
