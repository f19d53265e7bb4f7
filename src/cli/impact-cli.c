/* impact-cli.c: what the application does without a window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "impact-cli"

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <stdio.h>

#include "demo/impact-demo.h"
#include "impact-cli.h"
#include "import/impact-column-guess.h"
#include "import/impact-importer.h"
#include "model/impact-format.h"
#include "export/impact-exchange-export.h"
#include "export/impact-table.h"
#include "impact-report.h"
#include "query/impact-impact-query.h"
#include "query/impact-query.h"
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
  { "summary", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_ ("Show the spend figures of a node and period and exit"), NULL },
  { "node", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_ ("For --summary, --report and the table exports: the division or object (default: the whole group)"), N_ ("CODE") },
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
print_row_in (const char *label,
              const char *value,
              glong width)
{
  /* Pad by characters, not bytes, so Dutch labels with accents still line up. */
  glong pad = width - g_utf8_strlen (label, -1);

  g_print ("  %s%*s%s\n", label, (int) MAX (pad, 2), "", value);
}

static void
print_row (const char *label,
           const char *value)
{
  print_row_in (label, value, 24);
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

      print_row (_ ("SROI obligations:"), obligations);
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

static const char *
level_code (ImpactNodeLevel level)
{
  static const char *const codes[] = { "group", "division", "object" };

  return codes[level];
}

static void
add_spend (JsonBuilder *builder,
           const ImpactSpend *spend)
{
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "total_cents");
  json_builder_add_int_value (builder, spend->total_cents);
  json_builder_set_member_name (builder, "social_cents");
  json_builder_add_int_value (builder, spend->social_cents);
  json_builder_end_object (builder);
}

static void
add_suppliers (JsonBuilder *builder,
               const char *name,
               GPtrArray *suppliers)
{
  json_builder_set_member_name (builder, name);
  json_builder_begin_array (builder);
  for (guint i = 0; i < suppliers->len; i++)
    {
      const ImpactSupplierFigures *supplier = g_ptr_array_index (suppliers, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "name");
      json_builder_add_string_value (builder, supplier->name);
      json_builder_set_member_name (builder, "kvk");
      if (supplier->kvk != NULL)
        json_builder_add_string_value (builder, supplier->kvk);
      else
        json_builder_add_null_value (builder);
      json_builder_set_member_name (builder, "class");
      json_builder_add_string_value (builder, impact_social_class_to_code (supplier->klass));
      json_builder_set_member_name (builder, "total_cents");
      json_builder_add_int_value (builder, supplier->total_cents);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

static void
add_optional_double (JsonBuilder *builder,
                     const char *name,
                     double value)
{
  json_builder_set_member_name (builder, name);
  if (isnan (value))
    json_builder_add_null_value (builder);
  else
    json_builder_add_double_value (builder, value);
}

static void
add_int (JsonBuilder *builder,
         const char *name,
         gint64 value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_int_value (builder, value);
}

static void
add_sroi (JsonBuilder *builder,
          const ImpactSroiOverview *sroi,
          const ImpactNode *node)
{
  const ImpactSroiResult *result = &sroi->total;

  json_builder_set_member_name (builder, "sroi");
  json_builder_begin_object (builder);
  add_int (builder, "obligation_cents", result->obligation_cents);
  add_int (builder, "realised_purchases_cents", result->realised_purchases_cents);
  add_int (builder, "realised_manual_cents", result->realised_manual_cents);
  add_optional_double (builder, "realised_share", result->realised_share);
  add_int (builder, "remaining_cents", result->remaining_cents);
  add_int (builder, "projected_cents", result->projected_cents);
  json_builder_set_member_name (builder, "status");
  json_builder_add_string_value (builder, impact_sroi_status_to_code (result->status));
  if (node->level == IMPACT_NODE_OBJECT && sroi->rows->len == 1)
    {
      const ImpactSroiRow *row = g_ptr_array_index (sroi->rows, 0);
      g_autofree char *from = impact_day_to_iso (row->rules.valid_from);

      json_builder_set_member_name (builder, "rule_set");
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "name");
      json_builder_add_string_value (builder, row->rules.name);
      json_builder_set_member_name (builder, "valid_from");
      json_builder_add_string_value (builder, from);
      json_builder_end_object (builder);
    }
  else
    add_int (builder, "objects_with_obligation", sroi->n_obligations);
  json_builder_end_object (builder);
}

static void
add_pso (JsonBuilder *builder,
         const ImpactPsoFigures *pso)
{
  const ImpactPsoEstimate *estimate = &pso->estimate;

  json_builder_set_member_name (builder, "pso_estimate");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "fte");
  json_builder_add_double_value (builder, pso->fte);
  json_builder_set_member_name (builder, "direct_share");
  json_builder_add_double_value (builder, estimate->direct_share);
  json_builder_set_member_name (builder, "indirect_fte");
  json_builder_add_double_value (builder, estimate->indirect_fte);
  json_builder_set_member_name (builder, "indirect_share");
  json_builder_add_double_value (builder, estimate->indirect_share);
  json_builder_set_member_name (builder, "capped");
  json_builder_add_boolean_value (builder, estimate->capped);
  json_builder_set_member_name (builder, "total_share");
  json_builder_add_double_value (builder, estimate->total_share);
  add_int (builder, "trede", estimate->trede);
  json_builder_set_member_name (builder, "extra_spend_next_trede_cents");
  if (estimate->extra_spend_next_trede_cents >= 0)
    json_builder_add_int_value (builder, estimate->extra_spend_next_trede_cents);
  else
    json_builder_add_null_value (builder);
  add_int (builder, "suppliers", pso->suppliers->len);
  add_int (builder, "suppliers_without_data", pso->n_without_data);
  json_builder_end_object (builder);
}

static void
add_expiring (JsonBuilder *builder,
              GPtrArray *expiring)
{
  json_builder_set_member_name (builder, "expiring");
  json_builder_begin_array (builder);
  for (guint i = 0; i < expiring->len; i++)
    {
      const ImpactExpiring *item = g_ptr_array_index (expiring, i);
      g_autofree char *until = impact_day_to_iso (item->valid_until);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "supplier");
      json_builder_add_string_value (builder, item->supplier);
      json_builder_set_member_name (builder, "kvk");
      if (item->kvk != NULL)
        json_builder_add_string_value (builder, item->kvk);
      else
        json_builder_add_null_value (builder);
      json_builder_set_member_name (builder, "kind");
      json_builder_add_string_value (builder, impact_social_class_to_code (item->kind));
      json_builder_set_member_name (builder, "valid_until");
      json_builder_add_string_value (builder, until);
      add_int (builder, "spend_at_risk_cents", item->spend_at_risk_cents);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

/* The figures as JSON, with the keys the README lists; amounts in cents, the share in
 * percent. */
static char *
figures_to_json (const ImpactReportData *data)
{
  const ImpactFigures *figures = data->figures;
  g_autoptr (JsonBuilder) builder = json_builder_new ();
  g_autoptr (JsonGenerator) generator = json_generator_new ();
  g_autoptr (JsonNode) root = NULL;
  g_autofree char *period = impact_period_to_code (&figures->period);
  g_autofree char *first = impact_month_to_code (figures->period.first_month);
  g_autofree char *last = impact_month_to_code (figures->period.last_month);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "node");
  json_builder_add_string_value (builder, figures->node->code);
  json_builder_set_member_name (builder, "node_name");
  json_builder_add_string_value (builder, figures->node->name);
  json_builder_set_member_name (builder, "level");
  json_builder_add_string_value (builder, level_code (figures->node->level));
  json_builder_set_member_name (builder, "period");
  json_builder_add_string_value (builder, period);
  json_builder_set_member_name (builder, "first_month");
  json_builder_add_string_value (builder, first);
  json_builder_set_member_name (builder, "last_month");
  json_builder_add_string_value (builder, last);
  json_builder_set_member_name (builder, "total_cents");
  json_builder_add_int_value (builder, figures->spend.total_cents);
  json_builder_set_member_name (builder, "social_cents");
  json_builder_add_int_value (builder, figures->spend.social_cents);
  json_builder_set_member_name (builder, "social_share");
  json_builder_add_double_value (builder, impact_spend_get_share (&figures->spend));
  json_builder_set_member_name (builder, "target_share");
  if (isnan (figures->target_share))
    json_builder_add_null_value (builder);
  else
    json_builder_add_double_value (builder, figures->target_share);
  json_builder_set_member_name (builder, "previous");
  add_spend (builder, &figures->previous);

  json_builder_set_member_name (builder, "by_class");
  json_builder_begin_object (builder);
  for (guint k = 0; k < IMPACT_N_SOCIAL_CLASSES; k++)
    if (figures->by_class[k] != 0)
      {
        json_builder_set_member_name (builder, impact_social_class_to_code (k));
        json_builder_add_int_value (builder, figures->by_class[k]);
      }
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "suppliers_per_class");
  json_builder_begin_object (builder);
  for (guint k = 0; k < IMPACT_N_SOCIAL_CLASSES; k++)
    if (figures->suppliers_per_class[k] != 0)
      {
        json_builder_set_member_name (builder, impact_social_class_to_code (k));
        json_builder_add_int_value (builder, figures->suppliers_per_class[k]);
      }
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "by_child");
  json_builder_begin_object (builder);
  for (guint i = 0; i < figures->by_child->len; i++)
    {
      const ImpactChildFigures *child = g_ptr_array_index (figures->by_child, i);

      /* Lines that name no object are listed under the empty code. */
      json_builder_set_member_name (builder, child->code != NULL ? child->code : "");
      add_spend (builder, &child->spend);
    }
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "by_month");
  json_builder_begin_object (builder);
  for (guint i = 0; i < figures->by_month->len; i++)
    {
      const ImpactMonthFigures *month = &g_array_index (figures->by_month, ImpactMonthFigures, i);
      g_autofree char *code = impact_month_to_code (month->month);

      json_builder_set_member_name (builder, code);
      add_spend (builder, &month->spend);
    }
  json_builder_end_object (builder);

  add_suppliers (builder, "top_suppliers", figures->top_suppliers);
  add_suppliers (builder, "top_non_social_suppliers", figures->top_non_social);
  add_sroi (builder, data->sroi, figures->node);
  if (data->pso != NULL)
    add_pso (builder, data->pso);
  add_expiring (builder, data->expiring);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);

  return json_generator_to_data (generator, NULL);
}

static char *
format_share (const ImpactSpend *spend)
{
  g_autofree char *money = impact_format_money (spend->social_cents);

  /* Translators: social spend and its share of the total, as in "EUR 12,00 (8.5%)". */
  return g_strdup_printf (_ ("%s (%.1f%%)"), money, impact_spend_get_share (spend));
}

static void
print_suppliers (const char *title,
                 GPtrArray *suppliers)
{
  glong width = 24;

  if (suppliers->len == 0)
    return;

  g_print ("\n%s\n", title);
  for (guint i = 0; i < suppliers->len; i++)
    {
      const ImpactSupplierFigures *supplier = g_ptr_array_index (suppliers, i);

      width = MAX (width, g_utf8_strlen (supplier->name, -1) + 6);
    }
  for (guint i = 0; i < suppliers->len; i++)
    {
      const ImpactSupplierFigures *supplier = g_ptr_array_index (suppliers, i);
      g_autofree char *money = impact_format_money (supplier->total_cents);
      g_autofree char *label = g_strdup_printf ("%2u. %s", i + 1, supplier->name);

      if (supplier->klass != IMPACT_SOCIAL_CLASS_NONE)
        {
          g_autofree char *value = g_strdup_printf ("%s  %s", money, impact_social_class_to_string (supplier->klass));

          print_row_in (label, value, width);
        }
      else
        print_row_in (label, money, width);
    }
}

static void
print_figures (const ImpactFigures *figures)
{
  g_autofree char *period = impact_period_to_string (&figures->period);
  g_autofree char *total = impact_format_money (figures->spend.total_cents);
  g_autofree char *social = format_share (&figures->spend);
  g_autofree char *previous_total = impact_format_money (figures->previous.total_cents);
  g_autofree char *previous_social = format_share (&figures->previous);
  guint n_suppliers = 0;
  glong width = 24;

  for (guint k = 0; k < IMPACT_N_SOCIAL_CLASSES; k++)
    {
      n_suppliers += figures->suppliers_per_class[k];
      width = MAX (width, g_utf8_strlen (impact_social_class_to_string (k), -1) + 2);
    }
  for (guint i = 0; i < figures->by_child->len; i++)
    width = MAX (width, g_utf8_strlen (((ImpactChildFigures *) g_ptr_array_index (figures->by_child, i))->name, -1) + 2);

  /* Translators: the node (group, division or object) and the period, as in "Schoonmaak (SCHOON), 2025". */
  g_print (_ ("%s (%s), %s\n"), figures->node->name, figures->node->code, period);
  print_row_in (_ ("Total spend:"), total, width);
  print_row_in (_ ("Social spend:"), social, width);
  {
    g_autofree char *count = impact_format_count (n_suppliers);

    print_row_in (_ ("Suppliers:"), count, width);
  }
  if (!isnan (figures->target_share))
    {
      /* Translators: the social share aimed for, in percent, as in "10.0%". */
      g_autofree char *target = g_strdup_printf (_ ("%.1f%%"), figures->target_share);

      print_row_in (_ ("Target social share:"), target, width);
    }
  print_row_in (_ ("Previous period:"), previous_total, width);
  print_row_in (_ ("Social, previous period:"), previous_social, width);

  g_print ("\n%s\n", _ ("Spend per social class"));
  for (guint k = IMPACT_N_SOCIAL_CLASSES; k-- > 0;)
    if (figures->by_class[k] != 0)
      {
        g_autofree char *money = impact_format_money (figures->by_class[k]);
        g_autofree char *count = impact_format_count (figures->suppliers_per_class[k]);
        /* Translators: an amount and a number of suppliers, as in "EUR 1.234,00 (12 suppliers)". */
        g_autofree char *value = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s (%s supplier)", "%s (%s suppliers)",
                                                               figures->suppliers_per_class[k]),
                                                  money, count);

        print_row_in (impact_social_class_to_string (k), value, width);
      }

  if (figures->by_child->len > 0)
    {
      g_print ("\n%s\n", figures->node->level == IMPACT_NODE_GROUP ? _ ("Per division") : _ ("Per object"));
      for (guint i = 0; i < figures->by_child->len; i++)
        {
          const ImpactChildFigures *child = g_ptr_array_index (figures->by_child, i);
          g_autofree char *money = impact_format_money (child->spend.total_cents);
          /* Translators: spend and its social share, as in "EUR 1.234,00, 8.5% social". */
          g_autofree char *value = g_strdup_printf (_ ("%s, %.1f%% social"), money, impact_spend_get_share (&child->spend));

          print_row_in (child->name, value, width);
        }
    }

  g_print ("\n%s\n", _ ("Per month"));
  for (guint i = 0; i < figures->by_month->len; i++)
    {
      const ImpactMonthFigures *month = &g_array_index (figures->by_month, ImpactMonthFigures, i);
      g_autofree char *label = impact_month_to_string (month->month);
      g_autofree char *money = impact_format_money (month->spend.total_cents);
      g_autofree char *value = g_strdup_printf (_ ("%s, %.1f%% social"), money, impact_spend_get_share (&month->spend));

      print_row_in (label, value, width);
    }

  print_suppliers (_ ("Largest suppliers"), figures->top_suppliers);
  print_suppliers (_ ("Largest non-social suppliers"), figures->top_non_social);
}

static void
print_money_row (const char *label,
                 gint64 cents,
                 glong width)
{
  g_autofree char *money = impact_format_money (cents);

  print_row_in (label, money, width);
}

static void
print_sroi (const ImpactSroiOverview *sroi,
            const ImpactNode *node)
{
  const ImpactSroiResult *total = &sroi->total;
  g_autofree char *today = impact_format_day (sroi->today);
  glong width = 32;

  /* Translators: a heading with a date, as in "Social return (SROI) on 20 Nov 2026". */
  g_print ("\n");
  g_print (_ ("Social return (SROI) on %s\n"), today);
  if (total->status == IMPACT_SROI_STATUS_NONE)
    {
      g_print ("  %s\n", node->level == IMPACT_NODE_OBJECT ? _ ("This contract has no social-return obligation.")
                                                           : _ ("None of these contracts has a social-return obligation."));
      return;
    }

  print_money_row (_ ("Obligation:"), total->obligation_cents, width);
  print_money_row (_ ("Realised through purchases:"), total->realised_purchases_cents, width);
  print_money_row (_ ("Realised otherwise:"), total->realised_manual_cents, width);
  {
    /* Translators: the share of the obligation realised, in percent. */
    g_autofree char *share = g_strdup_printf (_ ("%.1f%%"), total->realised_share);

    print_row_in (_ ("Realised:"), share, width);
  }
  print_money_row (_ ("Remaining:"), total->remaining_cents, width);
  print_money_row (_ ("Projected at contract end:"), total->projected_cents, width);
  print_row_in (_ ("Status:"), impact_sroi_status_to_string (total->status), width);

  if (node->level == IMPACT_NODE_OBJECT && sroi->rows->len == 1)
    {
      const ImpactSroiRow *row = g_ptr_array_index (sroi->rows, 0);
      g_autofree char *from = impact_format_day (row->rules.valid_from);
      /* Translators: a rule set and the day its version starts, as in "Regio Noord, from 1 Jan 2020". */
      g_autofree char *rules = row->rules.valid_from > 1 ? g_strdup_printf (_ ("%s, from %s"), impact_sroi_rule_set_to_string (row->rules.name), from)
                                                         : g_strdup (impact_sroi_rule_set_to_string (row->rules.name));

      print_row_in (_ ("Rule set:"), rules, width);
    }
  else
    {
      guint n_at_risk = 0;

      for (guint i = 0; i < sroi->rows->len; i++)
        if (((ImpactSroiRow *) g_ptr_array_index (sroi->rows, i))->result.status == IMPACT_SROI_STATUS_AT_RISK)
          n_at_risk++;

      {
        g_autofree char *count = impact_format_count (sroi->n_obligations);
        g_autofree char *risk = impact_format_count (n_at_risk);
        /* Translators: contracts with an obligation, and how many of them are at risk, as in "12, 3 at risk". */
        g_autofree char *value = g_strdup_printf (_ ("%s, %s at risk"), count, risk);

        print_row_in (_ ("Contracts with an obligation:"), value, width);
      }
    }
}

static void
print_pso (const ImpactPsoFigures *pso,
           const ImpactPeriod *period)
{
  const ImpactPsoEstimate *estimate = &pso->estimate;
  g_autofree char *period_text = impact_period_to_string (period);
  glong width = 32;

  g_print ("\n");
  /* Translators: a heading with a period, as in "PSO contribution through purchasing, 2025 (estimate)". */
  g_print (_ ("PSO contribution through purchasing, %s (estimate)\n"), period_text);
  if (!(pso->fte > 0))
    {
      g_print ("  %s\n", _ ("No FTE known for this organisation: nothing to estimate."));
      return;
    }

  {
    /* Translators: FTE and the direct social share, as in "239 FTE, 1.75% direct". */
    g_autofree char *value = g_strdup_printf (_ ("%.0f FTE, %.2f%% direct"), pso->fte, estimate->direct_share);

    print_row_in (_ ("Organisation:"), value, width);
  }
  {
    /* Translators: indirect FTE and share, as in "1.23 FTE, 0.51%". */
    g_autofree char *value = g_strdup_printf (estimate->capped ? _ ("%.2f FTE, %.2f%% (capped at 4 × direct)")
                                                               : _ ("%.2f FTE, %.2f%%"),
                                              estimate->indirect_fte, estimate->indirect_share);

    print_row_in (_ ("Indirect through purchases:"), value, width);
  }
  {
    /* Translators: the total share and the trede reached, as in "2.26%, trede 2". */
    g_autofree char *value = estimate->trede > 0 ? g_strdup_printf (_ ("%.2f%%, trede %u"), estimate->total_share, estimate->trede)
                                                 : g_strdup_printf (_ ("%.2f%%, below trede 1"), estimate->total_share);

    print_row_in (_ ("Total:"), value, width);
  }
  if (estimate->trede < pso->norms.n_treden)
    {
      g_autofree char *label = g_strdup_printf (_ ("To reach trede %u:"), estimate->trede + 1);

      if (estimate->extra_spend_next_trede_cents >= 0)
        {
          g_autofree char *money = impact_format_money (estimate->extra_spend_next_trede_cents);
          /* Translators: an amount of extra spend, as in "EUR 1.234,00 more at an average certified supplier". */
          g_autofree char *value = g_strdup_printf (_ ("%s more at an average certified supplier"), money);

          print_row_in (label, value, width);
        }
      else
        print_row_in (label, _ ("not within reach through purchasing"), width);
    }
  if (pso->n_without_data > 0)
    {
      g_autofree char *count = impact_format_count (pso->n_without_data);
      g_autofree char *value = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s supplier without turnover and FTE (counted as 0)",
                                                             "%s suppliers without turnover and FTE (counted as 0)",
                                                             pso->n_without_data),
                                                count);

      print_row_in (_ ("Missing data:"), value, width);
    }
  g_print ("  %s\n", _ ("Estimate: iFTE = spend ÷ turnover × FTE × direct share per supplier; "
                        "indirect % = ΣiFTE ÷ (FTE + ΣiFTE), at most 4 × the direct %."));
}

static void
print_expiring (GPtrArray *expiring,
                guint horizon)
{
  glong width = 24;

  g_print ("\n");
  g_print (g_dngettext (GETTEXT_PACKAGE, "Certificates ending within %u day\n", "Certificates ending within %u days\n",
                        horizon),
           horizon);
  if (expiring->len == 0)
    {
      g_print ("  %s\n", _ ("None."));
      return;
    }
  for (guint i = 0; i < expiring->len; i++)
    width = MAX (width, g_utf8_strlen (((ImpactExpiring *) g_ptr_array_index (expiring, i))->supplier, -1) + 2);
  for (guint i = 0; i < expiring->len; i++)
    {
      const ImpactExpiring *item = g_ptr_array_index (expiring, i);
      g_autofree char *until = impact_format_day (item->valid_until);
      g_autofree char *money = impact_format_money (item->spend_at_risk_cents);
      /* Translators: a status, its end and the spend of the last 12 months, as in
       * "PSO trede 2 until 31 May 2026, EUR 1.234,00 at risk". */
      g_autofree char *value = g_strdup_printf (_ ("%s until %s, %s at risk"), impact_social_class_to_string (item->kind),
                                                until, money);

      print_row_in (item->supplier, value, width);
    }
}

/* Reads what --summary, --report and the exports show: the node, period, day and horizon from
 * @options, then the node's figures. On failure prints why and returns the exit code, else -1. */
static int
read_node_data (const char *database,
                GVariantDict *options,
                ImpactReportData **data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *name = g_filename_display_name (database);
  g_autoptr (ImpactStore) store = NULL;
  g_autoptr (ImpactNode) node = NULL;
  const char *code = NULL, *period_text = NULL, *today_text = NULL;
  ImpactPeriod period;
  guint32 today;
  gint days = 90;

  g_variant_dict_lookup (options, "node", "&s", &code);
  g_variant_dict_lookup (options, "period", "&s", &period_text);
  g_variant_dict_lookup (options, "today", "&s", &today_text);
  today = today_text != NULL ? impact_day_from_iso (today_text) : impact_day_today ();
  if (today == 0)
    {
      g_printerr (_ ("“%s” is not a date; use YYYY-MM-DD.\n"), today_text);
      return IMPACT_CLI_EXIT_USAGE;
    }
  g_variant_dict_lookup (options, "horizon", "i", &days);
  if (days < 0 || days > 3650)
    {
      g_printerr (_ ("The horizon is a number of days from 0 to 3650.\n"));
      return IMPACT_CLI_EXIT_USAGE;
    }
  if (!g_file_test (database, G_FILE_TEST_EXISTS))
    {
      g_printerr (_ ("There is no database “%s”.\n"), name);
      return IMPACT_CLI_EXIT_FAILED;
    }
  store = impact_store_open (database, &error);
  if (store == NULL)
    {
      g_printerr ("%s\n", error->message);
      return IMPACT_CLI_EXIT_FAILED;
    }
  if (period_text != NULL ? !impact_period_parse (period_text, impact_query_get_fy_start (store), &period, &error)
                          : !impact_query_get_data_period (store, &period, &error))
    {
      g_printerr ("%s\n", error->message);
      return g_error_matches (error, IMPACT_QUERY_ERROR, IMPACT_QUERY_ERROR_PERIOD) ? IMPACT_CLI_EXIT_USAGE
                                                                                    : IMPACT_CLI_EXIT_FAILED;
    }
  node = impact_query_find_node (store, code, &error);
  if (node == NULL)
    {
      g_printerr ("%s\n", error->message);
      return IMPACT_CLI_EXIT_FAILED;
    }
  *data = impact_report_data_read (store, node, &period, today, days, &error);
  if (*data == NULL)
    {
      g_printerr ("%s\n", error->message);
      return IMPACT_CLI_EXIT_FAILED;
    }
  return -1;
}

static int
show_summary (const char *database,
              GVariantDict *options)
{
  g_autoptr (ImpactReportData) data = NULL;
  const char *format = "text";
  int status;

  g_variant_dict_lookup (options, "format", "&s", &format);
  if (!g_str_equal (format, "text") && !g_str_equal (format, "json"))
    {
      g_printerr (_ ("“%s” is not a format; use text or json.\n"), format);
      return IMPACT_CLI_EXIT_USAGE;
    }
  status = read_node_data (database, options, &data);
  if (status >= 0)
    return status;

  if (g_str_equal (format, "json"))
    {
      g_autofree char *json = figures_to_json (data);

      g_print ("%s\n", json);
    }
  else
    {
      print_figures (data->figures);
      print_sroi (data->sroi, data->figures->node);
      if (data->pso != NULL)
        print_pso (data->pso, &data->figures->period);
      print_expiring (data->expiring, data->horizon);
    }

  return IMPACT_CLI_EXIT_OK;
}

static int
write_report (const char *database,
              const char *out,
              GVariantDict *options)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ImpactReportData) data = NULL;
  g_autoptr (ImpactReport) report = NULL;
  g_autofree char *name = g_filename_display_name (out);
  int status = read_node_data (database, options, &data);

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
static int
export_tables (const char *database,
               const char *out,
               gboolean xlsx,
               GVariantDict *options)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ImpactReportData) data = NULL;
  g_autoptr (GPtrArray) tables = NULL;
  g_autofree char *name = g_filename_display_name (out);
  int status = read_node_data (database, options, &data);

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

static int
export_json (const char *database,
             const char *out)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ImpactStore) store = NULL;
  g_autofree char *name = g_filename_display_name (database);
  g_autofree char *out_name = g_filename_display_name (out);
  g_autofree char *count = NULL;
  gint64 n_lines = 0;

  if (!g_file_test (database, G_FILE_TEST_EXISTS))
    {
      g_printerr (_ ("There is no database “%s”.\n"), name);
      return IMPACT_CLI_EXIT_FAILED;
    }
  store = impact_store_open (database, &error);
  if (store == NULL || !impact_exchange_export (store, out, &n_lines, &error))
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

  if (g_variant_dict_contains (options, "export-json"))
    {
      g_autofree char *out = NULL;
      g_autofree char *path = database != NULL ? g_steal_pointer (&database)
                                               : impact_store_get_default_path ();

      g_variant_dict_lookup (options, "export-json", "^ay", &out);
      return export_json (path, out);
    }

  if (g_variant_dict_contains (options, "export-csv") || g_variant_dict_contains (options, "export-xlsx"))
    {
      g_autofree char *out = NULL;
      g_autofree char *path = database != NULL ? g_steal_pointer (&database)
                                               : impact_store_get_default_path ();
      gboolean xlsx = g_variant_dict_lookup (options, "export-xlsx", "^ay", &out);

      if (!xlsx)
        g_variant_dict_lookup (options, "export-csv", "^ay", &out);
      return export_tables (path, out, xlsx, options);
    }

  if (g_variant_dict_contains (options, "report"))
    {
      g_autofree char *out = NULL;
      g_autofree char *path = database != NULL ? g_steal_pointer (&database)
                                               : impact_store_get_default_path ();

      g_variant_dict_lookup (options, "report", "^ay", &out);
      return write_report (path, out, options);
    }

  if (g_variant_dict_contains (options, "summary"))
    {
      g_autofree char *path = database != NULL ? g_steal_pointer (&database)
                                               : impact_store_get_default_path ();

      return show_summary (path, options);
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
