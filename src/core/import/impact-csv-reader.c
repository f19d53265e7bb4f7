/* impact-csv-reader.c: CSV, TSV and TXT exports through libcsv
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "impact-csv-reader"

#include "config.h"

#include <csv.h>
#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <string.h>

#include "impact-csv-reader.h"

#define CHUNK_SIZE (64 * 1024)
#define SAMPLE_LINES 30

struct _ImpactCsvReader
{
  ImpactReader parent_instance;

  GInputStream *stream;
  struct csv_parser parser;
  gboolean parser_ready;
  char delimiter;
  gboolean had_bom;
  gboolean saw_windows_1252;
  gboolean eof;
  /* Rows parsed and not yet handed over, from rows_head on. Arrays rather than GQueues:
   * a GQueue allocates a link for every row. */
  GPtrArray *rows;
  guint rows_head;
  /* Rows handed over, kept for the next ones. */
  GPtrArray *spare;
  ImpactRow *current;
  guint n_rows;
  guchar *pending;
  gsize pending_len;
  goffset n_read;
  goffset size;
};

G_DEFINE_FINAL_TYPE (ImpactCsvReader, impact_csv_reader, IMPACT_TYPE_READER)

/* libcsv grows its field buffer with this, so a cell can never take more than the limit
 * (plus libcsv's block) however long the file makes it. */
static void *
limited_realloc (void *ptr,
                 size_t size)
{
  if (size > IMPACT_READER_MAX_CELL_BYTES + 4096)
    return NULL;

  return realloc (ptr, size);
}

static ImpactRow *
take_row (ImpactCsvReader *self)
{
  if (self->spare->len > 0)
    return g_ptr_array_steal_index_fast (self->spare, self->spare->len - 1);

  return impact_row_new ();
}

static void
on_field_cb (void *data,
             size_t length,
             void *user_data)
{
  ImpactCsvReader *self = user_data;

  if (self->current == NULL)
    self->current = take_row (self);

  /* The encoding is decided per field: files mix UTF-8 with Windows-1252 more often than
   * one would hope, and a field that is not valid UTF-8 is read as Windows-1252. */
  if (g_utf8_validate (data, length, NULL))
    impact_row_append_valid_text (self->current, data, length);
  else
    {
      g_autofree char *converted = g_convert_with_fallback (data, length, "UTF-8", "WINDOWS-1252",
                                                            "?", NULL, NULL, NULL);

      self->saw_windows_1252 = TRUE;
      impact_row_append_text (self->current, converted, -1);
    }
}

static void
on_row_cb (int terminator,
           void *user_data)
{
  ImpactCsvReader *self = user_data;

  if (self->current == NULL)
    self->current = take_row (self);
  self->current->number = ++self->n_rows;
  g_ptr_array_add (self->rows, g_steal_pointer (&self->current));
}

/* Chooses the delimiter that splits the first lines into the same number of fields most
 * often; quotes are respected. */
static char
detect_delimiter (const guchar *data,
                  gsize length)
{
  static const char candidates[] = { ';', ',', '\t', '|' };
  guint counts[G_N_ELEMENTS (candidates)][SAMPLE_LINES] = { { 0 } };
  guint n_lines = 0;
  gboolean quoted = FALSE;
  guint best = 0, best_score = 0, best_mode = 0;

  for (gsize i = 0; i < length && n_lines < SAMPLE_LINES; i++)
    {
      if (data[i] == '"')
        quoted = !quoted;
      else if (!quoted && data[i] == '\n')
        n_lines++;
      else if (!quoted)
        for (guint c = 0; c < G_N_ELEMENTS (candidates); c++)
          if (data[i] == (guchar) candidates[c])
            counts[c][n_lines]++;
    }
  if (n_lines < SAMPLE_LINES)
    n_lines++;

  for (guint c = 0; c < G_N_ELEMENTS (candidates); c++)
    {
      guint mode = 0, mode_freq = 0;

      for (guint l = 0; l < n_lines; l++)
        {
          guint freq = 0;

          if (counts[c][l] == 0)
            continue;
          for (guint m = 0; m < n_lines; m++)
            freq += counts[c][m] == counts[c][l];
          if (freq > mode_freq || (freq == mode_freq && counts[c][l] > mode))
            mode = counts[c][l], mode_freq = freq;
        }
      if (mode > 0 && (mode_freq > best_score || (mode_freq == best_score && mode > best_mode)))
        best = c, best_score = mode_freq, best_mode = mode;
    }

  return candidates[best];
}

static gboolean
parse_chunk (ImpactCsvReader *self,
             const guchar *data,
             gsize length,
             GError **error)
{
  if (csv_parse (&self->parser, data, length, on_field_cb, on_row_cb, self) != length)
    {
      g_autofree char *name = g_filename_display_basename (impact_reader_get_path (IMPACT_READER (self)));

      if (csv_error (&self->parser) == CSV_ENOMEM || csv_error (&self->parser) == CSV_ETOOBIG)
        g_set_error (error, IMPACT_IMPORT_ERROR, IMPACT_IMPORT_ERROR_TOO_LARGE,
                     _ ("Row %u of “%s” has a cell longer than %u characters. Check that the "
                        "file is a spend export and that its quotes are closed."),
                     self->n_rows + 1, name, IMPACT_READER_MAX_CELL_BYTES);
      else
        g_set_error (error, IMPACT_IMPORT_ERROR, IMPACT_IMPORT_ERROR_FORMAT,
                     _ ("Row %u of “%s” could not be read: %s"), self->n_rows + 1, name,
                     csv_strerror (csv_error (&self->parser)));
      return FALSE;
    }

  return TRUE;
}

static gboolean
impact_csv_reader_read_row (ImpactReader *reader,
                            ImpactRow *row,
                            GError **error)
{
  ImpactCsvReader *self = IMPACT_CSV_READER (reader);
  g_autoptr (ImpactRow) next = NULL;

  while (self->rows_head == self->rows->len && !self->eof)
    {
      guchar buffer[CHUNK_SIZE];
      gssize n;

      if (self->pending != NULL)
        {
          gboolean ok = parse_chunk (self, self->pending, self->pending_len, error);

          g_clear_pointer (&self->pending, g_free);
          if (!ok)
            return FALSE;
          continue;
        }

      n = g_input_stream_read (self->stream, buffer, sizeof buffer, NULL, error);
      if (n < 0)
        return FALSE;
      self->n_read += n;
      if (n == 0)
        {
          self->eof = TRUE;
          csv_fini (&self->parser, on_field_cb, on_row_cb, self);
        }
      else if (!parse_chunk (self, buffer, n, error))
        return FALSE;
    }

  if (self->rows_head == self->rows->len)
    return FALSE;
  next = g_ptr_array_index (self->rows, self->rows_head);
  g_ptr_array_index (self->rows, self->rows_head++) = NULL;
  if (self->rows_head == self->rows->len)
    {
      g_ptr_array_set_size (self->rows, 0);
      self->rows_head = 0;
    }

  /* The parsed row moves over as it is, and the caller's row is kept for a next one. */
  impact_row_swap (row, next);
  impact_row_clear (next);
  g_ptr_array_add (self->spare, g_steal_pointer (&next));

  return TRUE;
}

static char *
impact_csv_reader_describe (ImpactReader *reader)
{
  ImpactCsvReader *self = IMPACT_CSV_READER (reader);
  const char *delimiter;

  switch (self->delimiter)
    {
    case ';':
      delimiter = _ ("semicolon");
      break;
    case ',':
      delimiter = _ ("comma");
      break;
    case '\t':
      delimiter = _ ("tab");
      break;
    default:
      delimiter = _ ("vertical bar");
      break;
    }

  /* Translators: what was detected in a CSV file, as in "UTF-8, fields separated by semicolon". */
  return g_strdup_printf (_ ("%s, fields separated by %s"),
                          impact_csv_reader_get_encoding (self), delimiter);
}

static double
impact_csv_reader_get_fraction (ImpactReader *reader)
{
  ImpactCsvReader *self = IMPACT_CSV_READER (reader);

  return self->size > 0 ? (double) self->n_read / self->size : 0;
}

static void
impact_csv_reader_finalize (GObject *object)
{
  ImpactCsvReader *self = IMPACT_CSV_READER (object);

  if (self->parser_ready)
    csv_free (&self->parser);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->spare, g_ptr_array_unref);
  g_clear_pointer (&self->current, impact_row_free);
  g_clear_pointer (&self->pending, g_free);
  g_clear_object (&self->stream);

  G_OBJECT_CLASS (impact_csv_reader_parent_class)->finalize (object);
}

static void
impact_csv_reader_class_init (ImpactCsvReaderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  ImpactReaderClass *reader_class = IMPACT_READER_CLASS (klass);

  object_class->finalize = impact_csv_reader_finalize;

  reader_class->read_row = impact_csv_reader_read_row;
  reader_class->describe = impact_csv_reader_describe;
  reader_class->get_fraction = impact_csv_reader_get_fraction;
}

static void
impact_csv_reader_init (ImpactCsvReader *self)
{
  self->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) impact_row_free);
  self->spare = g_ptr_array_new_with_free_func ((GDestroyNotify) impact_row_free);
}

static ImpactReader *
new_for_stream (GInputStream *stream,
                const char *path,
                GError **error)
{
  g_autoptr (ImpactCsvReader) self = NULL;
  g_autofree char *name = g_filename_display_basename (path);
  g_autofree guchar *head = g_malloc (CHUNK_SIZE);
  gsize n_read = 0;
  gsize skip = 0;

  if (!g_input_stream_read_all (stream, head, CHUNK_SIZE, &n_read, NULL, error))
    return NULL;

  if (n_read >= 2 && ((head[0] == 0xFF && head[1] == 0xFE) || (head[0] == 0xFE && head[1] == 0xFF)))
    {
      g_set_error (error, IMPACT_IMPORT_ERROR, IMPACT_IMPORT_ERROR_ENCODING,
                   _ ("“%s” is in UTF-16, which is not supported. Save it as CSV in UTF-8 "
                      "and import that."),
                   name);
      return NULL;
    }

  self = g_object_new (IMPACT_TYPE_CSV_READER, "path", path, NULL);
  self->stream = g_object_ref (stream);
  if (n_read >= 3 && memcmp (head, "\xEF\xBB\xBF", 3) == 0)
    {
      self->had_bom = TRUE;
      skip = 3;
    }

  /* Lenient parsing: a stray quote in a field is taken as it is, as spreadsheets do. */
  if (csv_init (&self->parser, CSV_APPEND_NULL) != 0)
    {
      g_set_error_literal (error, IMPACT_IMPORT_ERROR, IMPACT_IMPORT_ERROR_FAILED,
                           _ ("Could not start the CSV reader."));
      return NULL;
    }
  self->parser_ready = TRUE;
  csv_set_realloc_func (&self->parser, limited_realloc);
  self->delimiter = detect_delimiter (head + skip, n_read - skip);
  csv_set_delim (&self->parser, (unsigned char) self->delimiter);

  self->pending = g_memdup2 (head + skip, n_read - skip);
  self->pending_len = n_read - skip;
  self->n_read = n_read;

  return IMPACT_READER (g_steal_pointer (&self));
}

ImpactReader *
impact_csv_reader_new (const char *path,
                       GError **error)
{
  g_autoptr (GFile) file = NULL;
  g_autoptr (GFileInputStream) stream = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  file = g_file_new_for_path (path);
  stream = g_file_read (file, NULL, error);
  if (stream == NULL)
    return NULL;

  {
    g_autoptr (GFileInfo) info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE,
                                                    NULL, NULL);
    ImpactReader *reader = new_for_stream (G_INPUT_STREAM (stream), path, error);

    if (reader != NULL && info != NULL)
      IMPACT_CSV_READER (reader)->size = g_file_info_get_size (info);
    return reader;
  }
}

/* For the fuzz target and tests: reads CSV from memory. */
ImpactReader *
impact_csv_reader_new_for_bytes (GBytes *bytes,
                                 const char *name,
                                 GError **error)
{
  g_autoptr (GInputStream) stream = NULL;

  g_return_val_if_fail (bytes != NULL, NULL);

  stream = g_memory_input_stream_new_from_bytes (bytes);

  return new_for_stream (stream, name != NULL ? name : "memory.csv", error);
}

char
impact_csv_reader_get_delimiter (ImpactCsvReader *self)
{
  g_return_val_if_fail (IMPACT_IS_CSV_READER (self), 0);

  return self->delimiter;
}

/* "UTF-8", or "Windows-1252" once a field was not valid UTF-8. */
const char *
impact_csv_reader_get_encoding (ImpactCsvReader *self)
{
  g_return_val_if_fail (IMPACT_IS_CSV_READER (self), NULL);

  return self->saw_windows_1252 ? "Windows-1252" : "UTF-8";
}
