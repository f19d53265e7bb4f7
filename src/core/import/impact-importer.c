/* impact-importer.c: purchase lines from an export into the store, checked row by row
 *
 * The whole import is one transaction: the store holds all accepted rows of the file or,
 * after an error, a cancellation or a dry run, none of them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "impact-importer"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "impact-column-guess.h"
#include "impact-exchange.h"
#include "impact-import-purchases.h"
#include "impact-import-registers.h"
#include "impact-file-hash.h"
#include "impact-reader-open.h"
#include "impact-importer.h"
#include "impact-row-pump.h"
#include "storage/impact-store-access.h"

/* The header is looked for in the first rows; exports put a title or a date above it. */
#define HEADER_SEARCH_ROWS 20
/* Rows read ahead to tell decimal commas from points and day-month from month-day. */
#define SAMPLE_ROWS 1000

static void
add_line_key (gint64 supplier_id,
              const char *invoice_number,
              gint64 amount_cents,
              gpointer user_data)
{
  Import *im = user_data;

  impact_key_set_add (im->line_keys, _impact_import_line_key (supplier_id, invoice_number, amount_cents));
}

/* The group, divisions and objects there are, by code (and divisions by name too), and the
 * keys of the lines there are for the duplicate check. */
static gboolean
load_caches (Import *im,
             GError **error)
{
  static const ImpactNodeLevel levels[] = { IMPACT_NODE_GROUP, IMPACT_NODE_DIVISION, IMPACT_NODE_OBJECT };

  for (guint l = 0; l < G_N_ELEMENTS (levels); l++)
    {
      g_autoptr (GPtrArray) nodes = impact_store_list_nodes (im->store, levels[l], error);

      if (nodes == NULL)
        return FALSE;
      for (guint i = 0; i < nodes->len; i++)
        {
          const ImpactNode *node = g_ptr_array_index (nodes, i);

          if (node->level == IMPACT_NODE_GROUP)
            im->group_id = node->id;
          else if (node->level == IMPACT_NODE_DIVISION)
            {
              g_autofree char *folded = g_utf8_casefold (node->name, -1);

              /* A division's code wins over another's name. */
              g_hash_table_insert (im->divisions, g_strdup (node->code), GSIZE_TO_POINTER (node->id));
              if (!g_hash_table_contains (im->divisions, folded))
                g_hash_table_insert (im->divisions, g_steal_pointer (&folded), GSIZE_TO_POINTER (node->id));
            }
          else
            g_hash_table_insert (im->objects, g_strdup (node->code), GSIZE_TO_POINTER (node->id));
        }
    }

  return impact_store_foreach_line_key (im->store, add_line_key, im, error);
}

/* Decides, from the first rows, how the file writes decimals and dates, unless the options
 * say so; says so in a warning where it had to guess. */
static void
detect_formats (Import *im,
                GPtrArray *sample)
{
  static const ImpactField amount_fields[] = {
    IMPACT_FIELD_AMOUNT,
    IMPACT_FIELD_VAT,
    IMPACT_FIELD_AMOUNT_INCL,
    IMPACT_FIELD_CREDIT,
    IMPACT_FIELD_CONTRACT_VALUE,
  };
  static const ImpactField date_fields[] = {
    IMPACT_FIELD_INVOICE_DATE,
    IMPACT_FIELD_POSTING_DATE,
    IMPACT_FIELD_VALID_FROM,
    IMPACT_FIELD_VALID_UNTIL,
    IMPACT_FIELD_CONTRACT_START,
    IMPACT_FIELD_CONTRACT_END,
  };
  guint comma = 0, point = 0, unclear_amounts = 0, dmy = 0, mdy = 0, unclear_dates = 0;

  for (guint r = 0; r < sample->len; r++)
    {
      const ImpactRow *row = g_ptr_array_index (sample, r);

      for (guint f = 0; f < G_N_ELEMENTS (amount_fields); f++)
        {
          const char *text = _impact_import_field_text (im, row, amount_fields[f]);

          if (text == NULL || _impact_import_field_cell (im, row, amount_fields[f])->type != IMPACT_CELL_TEXT)
            continue;
          switch (impact_guess_decimal_separator (text))
            {
            case IMPACT_DECIMAL_COMMA:
              comma++;
              break;
            case IMPACT_DECIMAL_POINT:
              point++;
              break;
            case IMPACT_DECIMAL_AUTO:
            default:
              unclear_amounts += strchr (text, '.') != NULL || strchr (text, ',') != NULL;
              break;
            }
        }
      for (guint f = 0; f < G_N_ELEMENTS (date_fields); f++)
        {
          const char *text = _impact_import_field_text (im, row, date_fields[f]);
          ImpactDateOrder order;
          guint32 day;

          if (text == NULL || _impact_import_field_cell (im, row, date_fields[f])->type != IMPACT_CELL_TEXT)
            continue;
          /* Ambiguous: not year first (ISO, yyyymmdd) and both numbers 12 or less. */
          order = impact_guess_date_order (text);
          dmy += order == IMPACT_DATE_ORDER_DMY;
          mdy += order == IMPACT_DATE_ORDER_MDY;
          unclear_dates += order == IMPACT_DATE_ORDER_AUTO
                           && impact_parse_date (text, IMPACT_DATE_ORDER_DMY, &day)
                           && strspn (text, "0123456789") < 4;
        }
    }

  /* The user's choice, then a saved mapping's, then what the values show. */
  if (im->options->decimal != IMPACT_DECIMAL_AUTO)
    im->mapping->decimal = im->options->decimal;
  else if (im->mapping->decimal != IMPACT_DECIMAL_AUTO)
    ;
  else if (point > comma)
    im->mapping->decimal = IMPACT_DECIMAL_POINT;
  else
    {
      im->mapping->decimal = IMPACT_DECIMAL_COMMA;
      if (comma == 0 && unclear_amounts > 0)
        g_ptr_array_add (im->summary->warnings,
                         g_strdup (_ ("The amounts do not show whether a point separates thousands "
                                      "or decimals (as in 1.234); they were read as thousands, with a "
                                      "decimal comma. Choose a decimal point if that is wrong.")));
    }

  if (im->options->date_order != IMPACT_DATE_ORDER_AUTO)
    im->mapping->date_order = im->options->date_order;
  else if (im->mapping->date_order != IMPACT_DATE_ORDER_AUTO)
    ;
  else if (mdy > dmy)
    im->mapping->date_order = IMPACT_DATE_ORDER_MDY;
  else
    {
      im->mapping->date_order = IMPACT_DATE_ORDER_DMY;
      im->order_guessed = dmy == 0;
      if (dmy == 0 && unclear_dates > 0)
        g_ptr_array_add (im->summary->warnings,
                         g_strdup (_ ("The dates do not show which number is the day (as in "
                                      "03-04-2025); they were read as day-month-year. Choose "
                                      "month-day-year if that is wrong.")));
    }
  if (dmy > 0 && mdy > 0)
    g_ptr_array_add (im->summary->warnings,
                     g_strdup (_ ("Some dates are written day-month-year and others month-day-year; "
                                  "they were all read the way most are written.")));
}

static gboolean
process_any_row (Import *im,
                 const ImpactRow *row,
                 GError **error)
{
  if (im->mapping->target == IMPACT_IMPORT_SUPPLIERS)
    return _impact_import_status_row (im, row, error);
  if (im->mapping->target == IMPACT_IMPORT_ORGANISATION)
    return _impact_import_org_row (im, row, error);

  return _impact_import_purchase_row (im, row, error);
}

/* The row among the first ones that names the most known columns. */
static int
find_header (GPtrArray *head)
{
  int best = -1;
  guint best_score = 1;

  for (guint i = 0; i < head->len; i++)
    {
      guint score = impact_header_score (g_ptr_array_index (head, i));

      if (score > best_score)
        best = i, best_score = score;
    }

  return best;
}

/* Reads rows until @head holds @n, or the file ends. */
static gboolean
read_rows (ImpactReader *reader,
           GPtrArray *head,
           guint n,
           GError **error)
{
  g_autoptr (ImpactRow) row = impact_row_new ();
  g_autoptr (GError) local_error = NULL;

  while (head->len < n && impact_reader_read_row (reader, row, &local_error))
    {
      g_ptr_array_add (head, g_steal_pointer (&row));
      row = impact_row_new ();
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  return TRUE;
}

/* Reads the first rows, finds the header among them and suggests a mapping by the names
 * and values of the columns; head keeps the rows after the header. */
static gboolean
read_header (ImpactStore *store,
             ImpactReader *reader,
             const ImpactImportOptions *options,
             gboolean list_sheets,
             ImpactImportSummary *summary,
             GPtrArray *head,
             GError **error)
{
  int header;

  if (options->sheet != NULL && !impact_reader_select_sheet (reader, options->sheet, error))
    return FALSE;

  if (!read_rows (reader, head, HEADER_SEARCH_ROWS, error))
    return FALSE;
  if (head->len == 0)
    {
      g_set_error (error, IMPACT_IMPORT_ERROR, IMPACT_IMPORT_ERROR_EMPTY,
                   _ ("“%s” holds no rows: there is nothing to import."), summary->file_name);
      return FALSE;
    }

  header = find_header (head);
  if (header < 0)
    {
      g_set_error (error, IMPACT_IMPORT_ERROR, IMPACT_IMPORT_ERROR_NO_HEADER,
                   _ ("No row with column names was found in the first %u rows of “%s”. The file "
                      "needs a header such as Factuurdatum; Leverancier; Bedrag excl. btw."),
                   HEADER_SEARCH_ROWS, summary->file_name);
      return FALSE;
    }
  summary->header_row = ((ImpactRow *) g_ptr_array_index (head, header))->number;
  summary->format = impact_reader_describe (reader);
  /* Only the preview shows them; listing every sheet of an ODS file takes a pass of its own. */
  if (list_sheets)
    summary->sheets = impact_reader_list_sheets (reader);

  /* The header row goes first in the preview; head keeps the rows after it, enough of them
   * to confirm by their values what the names say. */
  g_ptr_array_remove_range (head, 0, header);
  g_ptr_array_add (summary->preview, g_ptr_array_steal_index (head, 0));
  if (!read_rows (reader, head, IMPACT_GUESS_ROWS, error))
    return FALSE;
  summary->mapping = impact_mapping_guess (g_ptr_array_index (summary->preview, 0), head, options->target);
  summary->mapping->division_code = g_strdup (options->division_code);

  /* A mapping the user gives, or else the one remembered for these columns. */
  if (options->mapping_json != NULL)
    {
      if (!impact_mapping_apply_json (summary->mapping, options->mapping_json, error))
        return FALSE;
    }
  else if (store != NULL)
    {
      g_autofree char *signature = impact_mapping_get_signature (summary->mapping);
      g_autofree char *remembered = impact_store_get_mapping_profile (store, signature, NULL);

      summary->remembered_mapping = remembered != NULL && impact_mapping_apply_json (summary->mapping, remembered, NULL);
    }
  if (options->fields != NULL)
    {
      for (guint i = 0; i < summary->mapping->fields->len && i < options->n_fields; i++)
        impact_mapping_set_field (summary->mapping, i, options->fields[i], IMPACT_MATCH_USER);
    }

  return TRUE;
}

/* Reads ahead until head holds n rows after the header, and copies the first of them into
 * the preview. */
static gboolean
read_sample (ImpactReader *reader,
             ImpactImportSummary *summary,
             GPtrArray *head,
             guint n,
             GError **error)
{
  if (!read_rows (reader, head, n, error))
    return FALSE;

  for (guint i = 0; i < head->len && i < IMPACT_IMPORT_PREVIEW_ROWS; i++)
    {
      ImpactRow *copy = impact_row_new ();

      impact_row_copy (copy, g_ptr_array_index (head, i));
      g_ptr_array_add (summary->preview, copy);
    }

  return TRUE;
}

/* The share of the file read after which its length tells how many lines to expect. */
#define ESTIMATE_AFTER_FRACTION 0.02

/* Makes room in the duplicate check, at once, for the lines the rest of the file will
 * hold by the rows read so far, and a tenth more: growing as they come, the set's old and
 * new tables would take 24 MB at a million lines, where a table made for 1.1 million takes
 * 13 MB. */
static void
reserve_line_keys (Import *im,
                   guint64 n_rows,
                   double fraction)
{
  double expected = n_rows / fraction * 1.1;

  if (im->mapping->target != IMPACT_IMPORT_PURCHASES || im->column[IMPACT_FIELD_INVOICE_NUMBER] < 0
      || im->options->include_duplicates)
    return;

  impact_key_set_reserve (im->line_keys,
                          impact_key_set_size (im->line_keys) + (guint64) MIN (expected, 1e8) - n_rows);
}

static void
import_clear (Import *im)
{
  g_clear_pointer (&im->insert, impact_bulk_insert_free);
  g_clear_pointer (&im->directory, impact_supplier_directory_free);
  g_clear_pointer (&im->suppliers, g_hash_table_unref);
  g_clear_pointer (&im->raw_suppliers, g_hash_table_unref);
  if (im->raw_key != NULL)
    g_string_free (g_steal_pointer (&im->raw_key), TRUE);
  g_clear_pointer (&im->divisions, g_hash_table_unref);
  g_clear_pointer (&im->objects, g_hash_table_unref);
  g_clear_pointer (&im->line_keys, impact_key_set_free);
  g_clear_pointer (&im->lines, g_array_unref);
  g_clear_pointer (&im->outside, g_hash_table_unref);
}

/* Imports the rows of @reader; the file's checksum is @content_hash or, when @hasher is
 * given, what that thread works out in the meantime (the caller joins it if this does not). */
static ImpactImportSummary *
import_reader (ImpactStore *store,
               ImpactReader *reader,
               const char *content_hash,
               ImpactFileHash **hasher,
               const ImpactImportOptions *options,
               GCancellable *cancellable,
               GError **error)
{
  g_autoptr (ImpactImportSummary) summary = NULL;
  g_autoptr (GPtrArray) head = g_ptr_array_new_with_free_func ((GDestroyNotify) impact_row_free);
  g_autoptr (ImpactRowPump) pump = NULL;
  ImpactRow *const *rows = NULL;
  guint n_rows = 0;
  g_autoptr (ImpactBatch) batch = NULL;
  g_autoptr (GError) local_error = NULL;
  g_autofree char *mapping_json = NULL;
  Import im = { 0 };
  gboolean ok = TRUE, reserved = FALSE;
  guint64 n_pumped = 0;
  gint64 start, checked;

  g_return_val_if_fail (IMPACT_IS_STORE (store), NULL);
  g_return_val_if_fail (IMPACT_IS_READER (reader), NULL);
  g_return_val_if_fail (options != NULL, NULL);

  summary = impact_import_summary_new (impact_reader_get_path (reader));
  start = g_get_monotonic_time ();
  if (!read_header (store, reader, options, FALSE, summary, head, error) || !impact_mapping_check (summary->mapping, error)
      || !impact_mapping_check_certain (summary->mapping, error) || !read_sample (reader, summary, head, SAMPLE_ROWS, error))
    return NULL;

  im.store = store;
  im.options = options;
  im.summary = summary;
  im.mapping = summary->mapping;
  for (guint f = 0; f < IMPACT_N_FIELDS; f++)
    {
      im.column[f] = impact_mapping_find (im.mapping, f);
      if (f != IMPACT_FIELD_IGNORE && im.column[f] >= 0)
        im.mapped[im.n_mapped++] = f;
    }
  detect_formats (&im, head);

  im.suppliers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  im.raw_suppliers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  im.raw_key = g_string_new (NULL);
  im.divisions = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  im.objects = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  im.line_keys = impact_key_set_new ();

  mapping_json = impact_mapping_to_json (im.mapping, FALSE);
  batch = impact_batch_new (summary->file_name, impact_import_target_to_code (options->target));
  batch->content_hash = g_strdup (content_hash);
  batch->mapping = g_strdup (mapping_json);

  if (!impact_store_begin_checked (store, error))
    {
      import_clear (&im);
      return NULL;
    }
  ok = load_caches (&im, error);
  /* A purchase file's new suppliers are written with its lines; a register's at once, as
   * their certificates refer to them. An organisation file names none. */
  if (ok && options->target != IMPACT_IMPORT_ORGANISATION)
    ok = (im.directory = impact_supplier_directory_load (store, !options->dry_run,
                                                         options->target == IMPACT_IMPORT_PURCHASES, error))
         != NULL;
  if (ok)
    {
      gboolean whole_group = TRUE;

      ok = impact_store_sees_whole_group (store, &whole_group, error);
      if (!whole_group)
        im.outside = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
    }
  if (ok && options->target != IMPACT_IMPORT_PURCHASES)
    ok = (im.batch_id = impact_store_add_batch (store, batch, error)) != 0;
  else if (ok)
    ok = (im.insert = impact_store_begin_batch (store, batch, error)) != NULL;
  /* The lines are written on a thread of their own while the next rows are checked. */
  if (ok && im.insert != NULL && !options->dry_run)
    impact_bulk_insert_start_writer (im.insert);

  for (guint i = 0; ok && i < head->len; i++)
    ok = process_any_row (&im, g_ptr_array_index (head, i), error);
  /* The rest of the file is read on a second thread while the rows are checked here. */
  if (ok)
    pump = impact_row_pump_new (reader,
                                im.mapping->target == IMPACT_IMPORT_PURCHASES ? _impact_import_type_purchase_row : NULL,
                                &im);
  while (ok && impact_row_pump_next_rows (pump, &rows, &n_rows, &local_error))
    {
      n_pumped += n_rows;
      /* Every block of rows: stop if cancelled, and say how far it is. */
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        {
          ok = FALSE;
          break;
        }
      if (options->progress != NULL)
        options->progress (impact_row_pump_get_fraction (pump), options->progress_data);
      if (im.mapping->target == IMPACT_IMPORT_PURCHASES)
        ok = _impact_import_purchase_rows (&im, rows, n_rows, error);
      else
        for (guint i = 0; ok && i < n_rows; i++)
          ok = process_any_row (&im, rows[i], error);
      if (ok && !reserved && impact_row_pump_get_fraction (pump) >= ESTIMATE_AFTER_FRACTION)
        {
          reserve_line_keys (&im, n_pumped, impact_row_pump_get_fraction (pump));
          reserved = TRUE;
        }
    }
  g_clear_pointer (&pump, impact_row_pump_free);
  checked = g_get_monotonic_time ();
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      ok = FALSE;
    }
  ok = ok && _impact_import_check_outside (&im, error);

  if (ok && summary->rows_accepted > 0 && !options->dry_run)
    {
      if (im.insert != NULL)
        {
          impact_bulk_insert_set_counts (im.insert, summary->rows_read, summary->rows_rejected,
                                         summary->rows_duplicate);
          /* The new suppliers go first: the lines refer to them. */
          summary->batch_id = impact_supplier_directory_flush (im.directory, error)
                                  ? impact_bulk_insert_commit (im.insert, error)
                                  : 0;
        }
      else
        {
          batch->id = im.batch_id;
          batch->rows_read = summary->rows_read;
          batch->rows_accepted = summary->rows_accepted;
          batch->rows_rejected = summary->rows_rejected;
          batch->rows_duplicate = summary->rows_duplicate;
          summary->batch_id = impact_store_update_batch_counts (store, batch, error) ? im.batch_id : 0;
        }
      if (summary->batch_id != 0 && hasher != NULL)
        {
          g_autofree char *hash = impact_file_hash_finish (hasher);

          ok = hash == NULL || impact_store_set_batch_content_hash (store, summary->batch_id, hash, error);
        }
      if (ok && summary->batch_id != 0)
        {
          g_autofree char *signature = impact_mapping_get_signature (im.mapping);

          /* The next file with these columns is mapped the same way. */
          ok = impact_store_save_mapping_profile (store, signature, mapping_json, error);
        }
      ok = ok && summary->batch_id != 0 && impact_store_commit (store, error);
      g_debug ("Rows read and checked in %.2f s, committed after %.2f s", (checked - start) / 1e6,
               (g_get_monotonic_time () - start) / 1e6);
    }

  /* A dry run, a file with nothing to import, an error: nothing of it stays. */
  import_clear (&im);
  if (!ok || summary->batch_id == 0)
    {
      summary->batch_id = 0;
      impact_store_rollback (store);
    }

  return ok ? g_steal_pointer (&summary) : NULL;
}

/* Whether the file starts with "{", after a BOM and white space. */
static gboolean
looks_like_json_object (const char *path)
{
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GFileInputStream) stream = g_file_read (file, NULL, NULL);
  char head[64];
  gsize n = 0, i = 0;

  if (stream == NULL || !g_input_stream_read_all (G_INPUT_STREAM (stream), head, sizeof head, &n, NULL, NULL))
    return FALSE;
  if (n >= 3 && memcmp (head, "\xEF\xBB\xBF", 3) == 0)
    i = 3;
  while (i < n && g_ascii_isspace (head[i]))
    i++;

  return i < n && head[i] == '{';
}

/* Imports a file of any kind. Its checksum is kept with the batch, to recognise a file
 * imported before; it is worked out on another thread while the rows are read. */
ImpactImportSummary *
impact_import_file (ImpactStore *store,
                    const char *path,
                    const ImpactImportOptions *options,
                    GCancellable *cancellable,
                    GError **error)
{
  g_autoptr (ImpactReader) reader = NULL;
  g_autoptr (GFile) file = NULL;
  g_autoptr (GFileInputStream) stream = NULL;
  ImpactImportSummary *summary;
  g_autoptr (GError) local_error = NULL;
  ImpactFileHash *hasher;

  g_return_val_if_fail (IMPACT_IS_STORE (store), NULL);
  g_return_val_if_fail (path != NULL, NULL);

  file = g_file_new_for_path (path);
  stream = g_file_read (file, cancellable, error);
  if (stream == NULL)
    {
      g_autofree char *name = g_filename_display_basename (path);

      g_prefix_error (error, _ ("Could not open “%s”: "), name);
      return NULL;
    }
  g_clear_object (&stream);
  hasher = impact_file_hash_start (path);

  /* The application's own exchange format is a whole dataset, not rows to map. */
  if (looks_like_json_object (path))
    {
      g_autoptr (JsonParser) parser = json_parser_new ();

      if (json_parser_load_from_mapped_file (parser, path, NULL)
          && impact_exchange_is_document (json_parser_get_root (parser)))
        {
          g_autofree char *hash = impact_file_hash_finish (&hasher);

          return impact_import_exchange (store, json_parser_get_root (parser), path, hash != NULL ? hash : "",
                                         options, cancellable, error);
        }
    }

  reader = impact_reader_new_for_file (path, &local_error);
  summary = reader != NULL ? import_reader (store, reader, NULL, &hasher, options, cancellable, &local_error) : NULL;

  /* Day-month was assumed and a date further on is month-day: the order is decided by the
   * whole column, so the file is read again that way (nothing of the first pass stays). */
  if (summary == NULL && g_error_matches (local_error, IMPACT_IMPORT_ERROR, IMPACT_IMPORT_ERROR_DATE_ORDER))
    {
      ImpactImportOptions again = *options;
      g_autofree char *why = g_strdup (local_error->message);

      g_clear_error (&local_error);
      g_clear_object (&reader);
      again.date_order = IMPACT_DATE_ORDER_MDY;
      reader = impact_reader_new_for_file (path, &local_error);
      summary = reader != NULL ? import_reader (store, reader, NULL, &hasher, &again, cancellable, &local_error) : NULL;
      if (summary != NULL)
        g_ptr_array_add (summary->warnings,
                         /* Translators: %s says which row showed it, as in “Row 1200 has “04-23-2025”, …”. */
                         g_strdup_printf (_ ("The dates were read as month-day-year: %s"), why));
    }
  impact_file_hash_cancel (&hasher);
  if (local_error != NULL)
    g_propagate_error (error, g_steal_pointer (&local_error));

  return summary;
}

ImpactImportSummary *
impact_import_reader (ImpactStore *store,
                      ImpactReader *reader,
                      const char *content_hash,
                      const ImpactImportOptions *options,
                      GCancellable *cancellable,
                      GError **error)
{
  return import_reader (store, reader, content_hash, NULL, options, cancellable, error);
}

/* What the dialog shows before anything is checked: the sheets, the header with the
 * suggested (or remembered, when a store is given) mapping, and the first rows. The mapping
 * need not be complete yet. */
ImpactImportSummary *
impact_import_preview (ImpactStore *store,
                       const char *path,
                       const ImpactImportOptions *options,
                       GError **error)
{
  g_autoptr (ImpactReader) reader = NULL;
  g_autoptr (ImpactImportSummary) summary = NULL;
  g_autoptr (GPtrArray) head = g_ptr_array_new_with_free_func ((GDestroyNotify) impact_row_free);

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (options != NULL, NULL);

  reader = impact_reader_new_for_file (path, error);
  if (reader == NULL)
    return NULL;

  summary = impact_import_summary_new (path);
  if (!read_header (store, reader, options, TRUE, summary, head, error)
      || !read_sample (reader, summary, head, IMPACT_IMPORT_PREVIEW_ROWS, error))
    return NULL;

  return g_steal_pointer (&summary);
}
