/* impact-json-reader.c: an array of flat JSON objects, read as rows
 *
 * The keys are the columns, in the order they first appear; the first row the reader
 * gives is that header, so JSON goes through the same mapping as a spreadsheet.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "impact-json-reader"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "impact-json-reader.h"

/* A JSON export is read whole; beyond this size, CSV is the better format. */
#define MAX_JSON_BYTES (256 * 1024 * 1024)

struct _ImpactJsonReader
{
  ImpactReader parent_instance;

  JsonNode *root;
  GPtrArray *keys;
  guint next;
};

G_DEFINE_FINAL_TYPE (ImpactJsonReader, impact_json_reader, IMPACT_TYPE_READER)

static void
append_value (ImpactRow *row,
              JsonNode *node)
{
  ImpactCell cell = { IMPACT_CELL_EMPTY, NULL, 0, 0 };
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    {
      impact_row_append_cell (row, &cell);
      return;
    }

  if (!JSON_NODE_HOLDS_VALUE (node))
    {
      cell.type = IMPACT_CELL_ERROR;
      cell.text = _ ("a nested list or object instead of a value");
      impact_row_append_cell (row, &cell);
      return;
    }

  switch (json_node_get_value_type (node))
    {
    case G_TYPE_INT64:
      cell.type = IMPACT_CELL_NUMBER;
      cell.number = (double) json_node_get_int (node);
      cell.text = g_ascii_formatd (buf, sizeof buf, "%.0f", cell.number);
      break;

    case G_TYPE_DOUBLE:
      cell.type = IMPACT_CELL_NUMBER;
      cell.number = json_node_get_double (node);
      cell.text = g_ascii_formatd (buf, sizeof buf, "%.15g", cell.number);
      break;

    case G_TYPE_BOOLEAN:
      cell.type = IMPACT_CELL_BOOLEAN;
      cell.number = json_node_get_boolean (node);
      cell.text = cell.number != 0 ? "true" : "false";
      break;

    default:
      impact_row_append_text (row, json_node_get_string (node), -1);
      return;
    }

  impact_row_append_cell (row, &cell);
}

static gboolean
impact_json_reader_read_row (ImpactReader *reader,
                             ImpactRow *row,
                             GError **error)
{
  ImpactJsonReader *self = IMPACT_JSON_READER (reader);
  JsonArray *array = json_node_get_array (self->root);
  JsonNode *element;

  /* Row 1 is the header made of the keys; row n + 1 is the n-th object. */
  if (self->next == 0)
    {
      for (guint i = 0; i < self->keys->len; i++)
        impact_row_append_text (row, g_ptr_array_index (self->keys, i), -1);
      row->number = ++self->next;
      return TRUE;
    }

  if (self->next > json_array_get_length (array))
    return FALSE;

  element = json_array_get_element (array, self->next - 1);
  row->number = ++self->next;
  if (!JSON_NODE_HOLDS_OBJECT (element))
    {
      ImpactCell cell = { IMPACT_CELL_ERROR, _ ("not an object with keys and values"), 0, 0 };

      impact_row_append_cell (row, &cell);
      return TRUE;
    }

  for (guint i = 0; i < self->keys->len; i++)
    append_value (row, json_object_get_member (json_node_get_object (element),
                                               g_ptr_array_index (self->keys, i)));

  return TRUE;
}

static char *
impact_json_reader_describe (ImpactReader *reader)
{
  ImpactJsonReader *self = IMPACT_JSON_READER (reader);
  guint n = json_array_get_length (json_node_get_array (self->root));

  /* Translators: what was found in a JSON file. */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "JSON, %u object", "JSON, %u objects", n), n);
}

static double
impact_json_reader_get_fraction (ImpactReader *reader)
{
  ImpactJsonReader *self = IMPACT_JSON_READER (reader);
  guint n = json_array_get_length (json_node_get_array (self->root));

  return n > 0 ? (double) self->next / (n + 1) : 0;
}

static void
impact_json_reader_finalize (GObject *object)
{
  ImpactJsonReader *self = IMPACT_JSON_READER (object);

  g_clear_pointer (&self->root, json_node_unref);
  g_clear_pointer (&self->keys, g_ptr_array_unref);

  G_OBJECT_CLASS (impact_json_reader_parent_class)->finalize (object);
}

static void
impact_json_reader_class_init (ImpactJsonReaderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  ImpactReaderClass *reader_class = IMPACT_READER_CLASS (klass);

  object_class->finalize = impact_json_reader_finalize;

  reader_class->read_row = impact_json_reader_read_row;
  reader_class->describe = impact_json_reader_describe;
  reader_class->get_fraction = impact_json_reader_get_fraction;
}

static void
impact_json_reader_init (ImpactJsonReader *self)
{
  self->keys = g_ptr_array_new_with_free_func (g_free);
}

ImpactReader *
impact_json_reader_new_for_data (const char *data,
                                 gssize length,
                                 const char *name,
                                 GError **error)
{
  g_autoptr (ImpactJsonReader) self = NULL;
  g_autoptr (JsonParser) parser = json_parser_new_immutable ();
  g_autoptr (GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GError) local_error = NULL;
  g_autofree char *display = g_filename_display_basename (name);
  JsonArray *array;

  if (!json_parser_load_from_data (parser, data, length, &local_error))
    {
      g_set_error (error, IMPACT_IMPORT_ERROR, IMPACT_IMPORT_ERROR_FORMAT,
                   _ ("“%s” is not valid JSON: %s"), display, local_error->message);
      return NULL;
    }

  if (json_parser_get_root (parser) == NULL || !JSON_NODE_HOLDS_ARRAY (json_parser_get_root (parser)))
    {
      g_set_error (error, IMPACT_IMPORT_ERROR, IMPACT_IMPORT_ERROR_UNSUPPORTED,
                   _ ("“%s” is JSON but not a list of rows. Impact Dashboard reads a list of "
                      "objects, one per row, such as [{\"Date\": \"2025-03-01\", \"Amount\": 12.5}]."),
                   display);
      return NULL;
    }

  self = g_object_new (IMPACT_TYPE_JSON_READER, "path", name, NULL);
  self->root = json_node_ref (json_parser_get_root (parser));
  array = json_node_get_array (self->root);

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      g_autoptr (GList) members = NULL;

      if (!JSON_NODE_HOLDS_OBJECT (element))
        continue;
      members = json_object_get_members (json_node_get_object (element));
      for (GList *l = members; l != NULL; l = l->next)
        {
          if (g_hash_table_contains (seen, l->data) || self->keys->len >= IMPACT_READER_MAX_COLUMNS)
            continue;
          g_ptr_array_add (self->keys, g_strdup (l->data));
          g_hash_table_add (seen, g_ptr_array_index (self->keys, self->keys->len - 1));
        }
    }

  return IMPACT_READER (g_steal_pointer (&self));
}

ImpactReader *
impact_json_reader_new (const char *path,
                        GError **error)
{
  g_autofree char *contents = NULL;
  g_autofree char *name = g_filename_display_basename (path);
  gsize length = 0;
  GStatBuf st;

  g_return_val_if_fail (path != NULL, NULL);

  if (g_stat (path, &st) == 0 && st.st_size > MAX_JSON_BYTES)
    {
      g_set_error (error, IMPACT_IMPORT_ERROR, IMPACT_IMPORT_ERROR_TOO_LARGE,
                   _ ("“%s” is larger than 256 MB; export the data as CSV instead."), name);
      return NULL;
    }
  if (!g_file_get_contents (path, &contents, &length, error))
    return NULL;

  return impact_json_reader_new_for_data (contents, length, path, error);
}
