/* impact-ods-reader.c: OpenDocument spreadsheets (ODS)
 *
 * Reads content.xml as a stream. Cells carry their value in attributes (office:value,
 * office:date-value) and what they show in <text:p>; repeated rows and columns are
 * expanded, within limits, and empty repeats at the end of a sheet are dropped.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "impact-ods-reader"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <string.h>

#include "impact-ods-reader.h"
#include "impact-parse.h"
#include "impact-row-queue.h"
#include "impact-zip-xml.h"

#define ELEMENT XML_READER_TYPE_ELEMENT
#define END_ELEMENT XML_READER_TYPE_END_ELEMENT

/* A cell whose value is what it shows (a string, a boolean): its type and the paragraphs
 * it shows, collected in buffers kept from cell to cell. A number or date has its value
 * in its attributes and is added to the row at its start. */
struct OdsCell
{
  gboolean in_cell;
  int depth;
  gboolean wants_text;
  GString *value_type;
  gboolean boolean;
  guint repeat;
  GString *text;
  int text_depth;
};
typedef struct OdsCell OdsCell;

struct _ImpactOdsReader
{
  ImpactReader parent_instance;

  GsfInfile *zip;
  char *sheet;
  ImpactXmlPart *part;
  gboolean in_table;
  guint row_number;
  guint n_unnamed;
  /* The sheet's rows as the parser hands them over, and where it is in the sheet. */
  ImpactRowQueue *rows;
  /* The sheet looked for, until its table starts. */
  char *wanted;
  gboolean seeking;
  GError *failure;
  int depth;
  gboolean in_row;
  int row_depth;
  guint row_repeat;
  OdsCell *cell;
  /* Whether the sheets after the first were looked for: it takes a pass over the whole of
   * content.xml, which an import of the first sheet does without. */
  gboolean listed_all;
};

G_DEFINE_FINAL_TYPE (ImpactOdsReader, impact_ods_reader, IMPACT_TYPE_READER)

static const char *
file_name (ImpactOdsReader *self)
{
  return impact_reader_get_path (IMPACT_READER (self));
}

/* Lists the first sheet (when the file is opened), or with @rest the sheets after it (when
 * they are asked for). */
static gboolean
read_sheet_names (ImpactOdsReader *self,
                  gboolean rest,
                  GError **error)
{
  g_autoptr (ImpactXmlPart) part = impact_xml_part_open (self->zip, "content.xml", file_name (self), error);
  g_autoptr (GError) local_error = NULL;
  guint n_tables = 0;

  if (part == NULL)
    return FALSE;

  self->n_unnamed = 0;
  while (impact_xml_part_next (part, &local_error))
    {
      if (impact_xml_part_is (part, ELEMENT, "table"))
        {
          g_autofree char *name = impact_xml_part_attribute (part, "name");

          if (name == NULL)
            name = g_strdup_printf ("%u", ++self->n_unnamed);
          if (rest == (n_tables++ > 0))
            impact_reader_add_sheet (IMPACT_READER (self), name);
          if (!rest)
            break;
          /* The sheet's rows are not needed to learn its name. */
          if (!impact_xml_part_skip (part, &local_error))
            break;
        }
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  return impact_reader_check_sheets (IMPACT_READER (self), error);
}

static char **
impact_ods_reader_list_sheets (ImpactReader *reader)
{
  ImpactOdsReader *self = IMPACT_ODS_READER (reader);

  /* A file that fails further on lists the sheets found until then; reading says why. */
  if (!self->listed_all)
    {
      self->listed_all = TRUE;
      read_sheet_names (self, TRUE, NULL);
    }

  return IMPACT_READER_CLASS (impact_ods_reader_parent_class)->list_sheets (reader);
}

static void sheet_start (gpointer data, const char *name, const ImpactXmlAttribute *attributes, guint n_attributes);
static void sheet_end (gpointer data, const char *name);
static void sheet_text (gpointer data, const char *text, gsize length);

static gboolean
impact_ods_reader_select_sheet (ImpactReader *reader,
                                const char *sheet,
                                GError **error)
{
  ImpactOdsReader *self = IMPACT_ODS_READER (reader);
  g_autoptr (ImpactXmlPart) part = NULL;
  g_autoptr (GError) local_error = NULL;

  static const ImpactXmlHandler handler = { sheet_start, sheet_end, sheet_text };

  part = impact_xml_part_open (self->zip, "content.xml", file_name (self), error);
  if (part == NULL)
    return FALSE;

  /* The handler looks for the table first, then builds its rows as the parser goes. */
  g_clear_pointer (&self->part, impact_xml_part_free);
  g_free (self->sheet);
  self->sheet = NULL;
  g_free (self->wanted);
  self->wanted = g_strdup (sheet);
  self->seeking = TRUE;
  self->in_table = FALSE;
  self->row_number = 0;
  self->depth = 0;
  self->in_row = FALSE;
  self->cell->in_cell = FALSE;
  self->cell->text_depth = -1;
  g_clear_error (&self->failure);
  impact_row_queue_clear (self->rows);
  impact_xml_part_set_handler (part, &handler, self);
  while (self->seeking && impact_xml_part_feed (part, &local_error))
    ;
  if (!self->seeking)
    {
      self->part = g_steal_pointer (&part);
      self->sheet = g_strdup (sheet);
      return TRUE;
    }
  self->seeking = FALSE;
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  /* Not a sheet of the file or, when it was listed before, the file changed since. */
  if (impact_reader_find_sheet (reader, sheet, error) >= 0)
    {
      g_autofree char *display = g_filename_display_basename (file_name (self));

      g_set_error (error, IMPACT_IMPORT_ERROR, IMPACT_IMPORT_ERROR_FORMAT,
                   _ ("“%s” changed while it was read: its sheet “%s” is gone."), display, sheet);
    }
  return FALSE;
}

static gboolean
is_number_type (const char *value_type)
{
  return impact_xml_name_is (value_type, "float") || impact_xml_name_is (value_type, "currency")
         || impact_xml_name_is (value_type, "percentage");
}

/* A cell, @repeat times over: a number's or date's value is in @value or @date_value,
 * what it shows in @text. */
static void
append_cell (ImpactRow *row,
             const char *value_type,
             const char *value,
             const char *date_value,
             gboolean boolean,
             const char *text,
             guint repeat)
{
  ImpactCell cell = { IMPACT_CELL_EMPTY, NULL, 0, 0 };

  if (value_type == NULL)
    cell.type = IMPACT_CELL_EMPTY;
  else if (is_number_type (value_type))
    {
      char *end = NULL;

      cell.number = value != NULL ? g_ascii_strtod (value, &end) : 0;
      cell.type = value != NULL && end != value && *end == '\0' ? IMPACT_CELL_NUMBER : IMPACT_CELL_TEXT;
      cell.text = (char *) (cell.type == IMPACT_CELL_NUMBER ? value : text);
    }
  else if (g_str_equal (value_type, "date"))
    {
      cell.type = date_value != NULL && impact_parse_date (date_value, IMPACT_DATE_ORDER_DMY, &cell.day)
                      ? IMPACT_CELL_DATE
                      : IMPACT_CELL_TEXT;
      cell.text = (char *) text;
    }
  else if (g_str_equal (value_type, "boolean"))
    {
      cell.type = IMPACT_CELL_BOOLEAN;
      cell.number = boolean;
      cell.text = (char *) text;
    }

  for (guint i = 0; i < repeat && row->cells->len < IMPACT_READER_MAX_COLUMNS; i++)
    {
      if (cell.type == IMPACT_CELL_TEXT || (value_type != NULL && g_str_equal (value_type, "string")))
        impact_row_append_text (row, text, -1);
      else
        impact_row_append_cell (row, &cell);
    }
}

static gboolean
is_cell (const char *name)
{
  return impact_xml_name_is (name, "table-cell") || impact_xml_name_is (name, "covered-table-cell");
}

static void
sheet_start (gpointer data,
             const char *name,
             const ImpactXmlAttribute *attributes,
             guint n_attributes)
{
  ImpactOdsReader *self = data;
  OdsCell *cell = self->cell;
  int depth = self->depth++;

  if (self->seeking)
    {
      if (impact_xml_name_is (name, "table")
          && g_strcmp0 (impact_xml_attribute_find (attributes, n_attributes, "name"), self->wanted) == 0)
        {
          self->seeking = FALSE;
          self->in_table = TRUE;
          /* Depths count from the table's content: its end is at -1. */
          self->depth = 0;
        }
      return;
    }
  if (!self->in_table)
    return;

  if (!self->in_row)
    {
      if (impact_xml_name_is (name, "table-row"))
        {
          const char *repeat = impact_xml_attribute_find (attributes, n_attributes, "number-rows-repeated");
          gint64 n = repeat != NULL ? g_ascii_strtoll (repeat, NULL, 10) : 1;

          self->in_row = TRUE;
          self->row_depth = depth;
          self->row_repeat = (guint) CLAMP (n, 1, G_MAXINT32);
          impact_row_clear (impact_row_queue_building (self->rows));
        }
      return;
    }

  if (!cell->in_cell && is_cell (name))
    {
      const char *repeat = NULL, *boolean = NULL, *value_type = NULL, *value = NULL, *date_value = NULL;
      gint64 n;

      /* One pass over the attributes, a sheet has millions of them. */
      for (guint a = 0; a < n_attributes; a++)
        {
          const char *attribute = attributes[a].name;

          if (impact_xml_name_is (attribute, "value-type"))
            value_type = attributes[a].value;
          else if (impact_xml_name_is (attribute, "value"))
            value = attributes[a].value;
          else if (impact_xml_name_is (attribute, "date-value"))
            date_value = attributes[a].value;
          else if (impact_xml_name_is (attribute, "number-columns-repeated"))
            repeat = attributes[a].value;
          else if (impact_xml_name_is (attribute, "boolean-value"))
            boolean = attributes[a].value;
        }
      n = repeat != NULL ? g_ascii_strtoll (repeat, NULL, 10) : 1;
      /* A merged area shows its value in its first cell only. */
      if (name[0] == 'c')
        value_type = NULL;
      cell->in_cell = TRUE;
      cell->depth = depth;
      cell->repeat = (guint) CLAMP (n, 1, G_MAXINT32);
      /* What the cell shows is its value unless the value is in the attributes. */
      cell->wants_text = value_type != NULL
                         && !(is_number_type (value_type)
                              || (impact_xml_name_is (value_type, "date") && date_value != NULL));
      if (!cell->wants_text)
        {
          append_cell (impact_row_queue_building (self->rows), value_type, value, date_value, FALSE, "", cell->repeat);
          return;
        }
      g_string_assign (cell->value_type, value_type);
      cell->boolean = g_strcmp0 (boolean, "true") == 0;
      g_string_truncate (cell->text, 0);
      cell->text_depth = -1;
    }
  else if (cell->in_cell && cell->wants_text && cell->text_depth < 0 && impact_xml_name_is (name, "p"))
    {
      /* Paragraphs are lines of the cell's text. */
      if (cell->text->len > 0)
        g_string_append_c (cell->text, '\n');
      cell->text_depth = depth;
    }
}

/* A row is complete: empty rows only count, rows with values are queued. */
static void
end_row (ImpactOdsReader *self)
{
  ImpactRow *row = impact_row_queue_building (self->rows);

  self->in_row = FALSE;
  /* Empty rows repeated to the end of the sheet are formatting, not data. */
  if (impact_row_is_empty (row))
    {
      self->row_number += self->row_repeat;
      impact_row_clear (row);
      return;
    }
  if (self->row_repeat > IMPACT_ODS_MAX_REPEATED_ROWS)
    {
      g_autofree char *display = g_filename_display_basename (file_name (self));

      g_set_error (&self->failure, IMPACT_IMPORT_ERROR, IMPACT_IMPORT_ERROR_TOO_LARGE,
                   _ ("Row %u of “%s” repeats %u times; Impact Dashboard reads at most %u "
                      "repeats of a row with values."),
                   self->row_number + 1, display, self->row_repeat, IMPACT_ODS_MAX_REPEATED_ROWS);
      /* The rows before it are read; nothing after it. */
      self->in_table = FALSE;
      return;
    }
  row->number = self->row_number + 1;
  self->row_number += self->row_repeat;
  impact_row_queue_push (self->rows, self->row_repeat);
}

static void
sheet_end (gpointer data,
           const char *name)
{
  ImpactOdsReader *self = data;
  OdsCell *cell = self->cell;
  int depth = --self->depth;

  if (!self->in_table)
    return;
  /* The end of the table the reading started in. */
  if (depth < 0)
    {
      self->in_table = FALSE;
      return;
    }

  if (depth == cell->text_depth)
    cell->text_depth = -1;
  else if (cell->in_cell && depth == cell->depth)
    {
      if (cell->wants_text)
        append_cell (impact_row_queue_building (self->rows), cell->value_type->str, NULL, NULL, cell->boolean,
                     cell->text->str, cell->repeat);
      cell->in_cell = FALSE;
    }
  else if (self->in_row && depth == self->row_depth)
    end_row (self);
}

static void
sheet_text (gpointer data,
            const char *text,
            gsize length)
{
  ImpactOdsReader *self = data;

  if (self->in_table && self->cell->text_depth >= 0)
    g_string_append_len (self->cell->text, text, length);
}

static gboolean
impact_ods_reader_read_row (ImpactReader *reader,
                            ImpactRow *row,
                            GError **error)
{
  ImpactOdsReader *self = IMPACT_ODS_READER (reader);

  if (self->part == NULL
      && !impact_ods_reader_select_sheet (reader, impact_reader_get_sheet_name (reader, 0), error))
    return FALSE;

  while (!impact_row_queue_pop (self->rows, row))
    {
      if (self->failure != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&self->failure));
          return FALSE;
        }
      if (!self->in_table || !impact_xml_part_feed (self->part, error))
        return FALSE;
    }

  return TRUE;
}

static char *
impact_ods_reader_describe (ImpactReader *reader)
{
  ImpactOdsReader *self = IMPACT_ODS_READER (reader);

  /* Translators: what was found in a spreadsheet: the format and the sheet name. */
  return g_strdup_printf (_ ("ODS, sheet “%s”"),
                          self->sheet != NULL ? self->sheet : (char *) impact_reader_get_sheet_name (reader, 0));
}

static double
impact_ods_reader_get_fraction (ImpactReader *reader)
{
  ImpactOdsReader *self = IMPACT_ODS_READER (reader);

  return self->part != NULL ? impact_xml_part_get_fraction (self->part) : 0;
}

static void
impact_ods_reader_finalize (GObject *object)
{
  ImpactOdsReader *self = IMPACT_ODS_READER (object);

  g_clear_pointer (&self->part, impact_xml_part_free);
  g_clear_pointer (&self->rows, impact_row_queue_free);
  g_clear_error (&self->failure);
  g_string_free (self->cell->value_type, TRUE);
  g_string_free (self->cell->text, TRUE);
  g_free (self->cell);
  g_clear_object (&self->zip);
  g_clear_pointer (&self->sheet, g_free);
  g_clear_pointer (&self->wanted, g_free);

  G_OBJECT_CLASS (impact_ods_reader_parent_class)->finalize (object);
}

static void
impact_ods_reader_class_init (ImpactOdsReaderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  ImpactReaderClass *reader_class = IMPACT_READER_CLASS (klass);

  object_class->finalize = impact_ods_reader_finalize;

  reader_class->list_sheets = impact_ods_reader_list_sheets;
  reader_class->select_sheet = impact_ods_reader_select_sheet;
  reader_class->read_row = impact_ods_reader_read_row;
  reader_class->describe = impact_ods_reader_describe;
  reader_class->get_fraction = impact_ods_reader_get_fraction;
}

static void
impact_ods_reader_init (ImpactOdsReader *self)
{
  self->rows = impact_row_queue_new ();
  self->cell = g_new0 (OdsCell, 1);
  self->cell->value_type = g_string_new (NULL);
  self->cell->text = g_string_new (NULL);
  self->cell->text_depth = -1;
}

static ImpactReader *
new_for_zip (GsfInfile *zip,
             const char *path,
             GError **error)
{
  g_autoptr (ImpactOdsReader) self = NULL;

  if (zip == NULL)
    return NULL;

  self = g_object_new (IMPACT_TYPE_ODS_READER, "path", path, NULL);
  self->zip = zip;
  if (!read_sheet_names (self, FALSE, error))
    return NULL;

  return IMPACT_READER (g_steal_pointer (&self));
}

ImpactReader *
impact_ods_reader_new (const char *path,
                       GError **error)
{
  g_return_val_if_fail (path != NULL, NULL);

  return new_for_zip (impact_zip_open (path, error), path, error);
}

ImpactReader *
impact_ods_reader_new_for_bytes (GBytes *bytes,
                                 const char *name,
                                 GError **error)
{
  g_return_val_if_fail (bytes != NULL, NULL);

  return new_for_zip (impact_zip_open_bytes (bytes, name, error), name != NULL ? name : "memory.ods", error);
}
