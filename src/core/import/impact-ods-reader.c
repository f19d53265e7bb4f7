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
#include "impact-zip-xml.h"

#define ELEMENT XML_READER_TYPE_ELEMENT
#define END_ELEMENT XML_READER_TYPE_END_ELEMENT

struct _ImpactOdsReader
{
  ImpactReader parent_instance;

  GsfInfile *zip;
  char *sheet;
  ImpactXmlPart *part;
  gboolean in_table;
  guint row_number;
  ImpactRow *repeat;
  guint n_unnamed;
  guint repeats_left;
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

static guint
repeat_count (ImpactXmlPart *part,
              const char *attribute)
{
  g_autofree char *value = impact_xml_part_attribute (part, attribute);
  gint64 n = value != NULL ? g_ascii_strtoll (value, NULL, 10) : 1;

  return (guint) CLAMP (n, 1, G_MAXINT32);
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

static gboolean
impact_ods_reader_select_sheet (ImpactReader *reader,
                                const char *sheet,
                                GError **error)
{
  ImpactOdsReader *self = IMPACT_ODS_READER (reader);
  g_autoptr (ImpactXmlPart) part = NULL;
  g_autoptr (GError) local_error = NULL;

  part = impact_xml_part_open (self->zip, "content.xml", file_name (self), error);
  if (part == NULL)
    return FALSE;

  while (impact_xml_part_next (part, &local_error))
    {
      if (impact_xml_part_is (part, ELEMENT, "table"))
        {
          g_autofree char *name = impact_xml_part_attribute (part, "name");

          if (g_strcmp0 (name, sheet) == 0)
            {
              g_clear_pointer (&self->part, impact_xml_part_free);
              self->part = g_steal_pointer (&part);
              self->in_table = !impact_xml_part_is_empty (self->part);
              self->row_number = 0;
              self->repeats_left = 0;
              g_free (self->sheet);
              self->sheet = g_strdup (sheet);
              return TRUE;
            }
          if (!impact_xml_part_skip (part, &local_error))
            break;
        }
    }
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

static void
append_cell (ImpactRow *row,
             ImpactXmlPart *part,
             const char *value_type,
             char *value,
             char *date_value,
             const char *text,
             guint repeat)
{
  ImpactCell cell = { IMPACT_CELL_EMPTY, NULL, 0, 0 };

  if (value_type == NULL)
    cell.type = IMPACT_CELL_EMPTY;
  else if (g_str_equal (value_type, "float") || g_str_equal (value_type, "currency")
           || g_str_equal (value_type, "percentage"))
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
      g_autofree char *boolean = impact_xml_part_attribute (part, "boolean-value");

      cell.type = IMPACT_CELL_BOOLEAN;
      cell.number = g_strcmp0 (boolean, "true") == 0;
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

/* Reads the cells of the row the part stands on, up to its end. */
static gboolean
read_cells (ImpactOdsReader *self,
            ImpactRow *row,
            GError **error)
{
  ImpactXmlPart *part = self->part;
  g_autofree char *value_type = NULL;
  g_autofree char *value = NULL;
  g_autofree char *date_value = NULL;
  GString *text = NULL;
  guint repeat = 1;
  gboolean in_cell = FALSE;

  while (impact_xml_part_next (part, error))
    {
      gboolean cell_start = impact_xml_part_is (part, ELEMENT, "table-cell")
                            || impact_xml_part_is (part, ELEMENT, "covered-table-cell");

      if (cell_start)
        {
          static const char *const names[] = { "value-type", "value", "date-value", "number-columns-repeated" };
          char *values[G_N_ELEMENTS (names)];
          gint64 n;

          g_free (value_type);
          g_free (value);
          g_free (date_value);
          impact_xml_part_attributes (part, names, values, G_N_ELEMENTS (names));
          value_type = values[0];
          value = values[1];
          date_value = values[2];
          n = values[3] != NULL ? g_ascii_strtoll (values[3], NULL, 10) : 1;
          repeat = (guint) CLAMP (n, 1, G_MAXINT32);
          g_free (values[3]);
          /* A merged area shows its value in its first cell only. */
          if (impact_xml_part_is (part, ELEMENT, "covered-table-cell"))
            g_clear_pointer (&value_type, g_free);
          if (impact_xml_part_is_empty (part))
            append_cell (row, part, value_type, value, date_value, "", repeat);
          else if (value_type != NULL && (g_str_equal (value_type, "float") || g_str_equal (value_type, "currency") || g_str_equal (value_type, "percentage") || (g_str_equal (value_type, "date") && date_value != NULL)))
            {
              /* The value is in the attributes; what the cell shows is not needed. */
              append_cell (row, part, value_type, value, date_value, "", repeat);
              if (!impact_xml_part_skip (part, error))
                break;
            }
          else
            {
              in_cell = TRUE;
              text = g_string_new (NULL);
            }
        }
      else if (in_cell && impact_xml_part_is (part, ELEMENT, "p"))
        {
          g_autofree char *paragraph = impact_xml_part_text (part);

          if (text->len > 0)
            g_string_append_c (text, '\n');
          g_string_append (text, paragraph);
        }
      else if (in_cell && (impact_xml_part_is (part, END_ELEMENT, "table-cell") || impact_xml_part_is (part, END_ELEMENT, "covered-table-cell")))
        {
          append_cell (row, part, value_type, value, date_value, text->str, repeat);
          g_string_free (g_steal_pointer (&text), TRUE);
          in_cell = FALSE;
        }
      else if (impact_xml_part_is (part, END_ELEMENT, "table-row"))
        break;
    }

  if (text != NULL)
    g_string_free (text, TRUE);

  return error == NULL || *error == NULL;
}

static void
copy_row (ImpactRow *to,
          const ImpactRow *from)
{
  for (guint i = 0; i < from->cells->len; i++)
    impact_row_append_cell (to, impact_row_get_cell (from, i));
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

  if (self->repeats_left > 0)
    {
      self->repeats_left--;
      copy_row (row, self->repeat);
      row->number = ++self->row_number;
      return TRUE;
    }

  while (self->in_table && impact_xml_part_next (self->part, error))
    {
      if (impact_xml_part_is (self->part, END_ELEMENT, "table"))
        {
          self->in_table = FALSE;
          break;
        }
      if (impact_xml_part_is (self->part, ELEMENT, "table-row"))
        {
          guint repeat = repeat_count (self->part, "number-rows-repeated");
          gboolean empty_element = impact_xml_part_is_empty (self->part);

          if (!empty_element && !read_cells (self, row, error))
            return FALSE;

          /* Empty rows repeated to the end of the sheet are formatting, not data. */
          if (impact_row_is_empty (row))
            {
              self->row_number += repeat;
              impact_row_clear (row);
              continue;
            }
          if (repeat > IMPACT_ODS_MAX_REPEATED_ROWS)
            {
              g_autofree char *display = g_filename_display_basename (file_name (self));

              g_set_error (error, IMPACT_IMPORT_ERROR, IMPACT_IMPORT_ERROR_TOO_LARGE,
                           _ ("Row %u of “%s” repeats %u times; Impact Dashboard reads at most %u "
                              "repeats of a row with values."),
                           self->row_number + 1, display, repeat, IMPACT_ODS_MAX_REPEATED_ROWS);
              return FALSE;
            }
          row->number = ++self->row_number;
          if (repeat > 1)
            {
              g_clear_pointer (&self->repeat, impact_row_free);
              self->repeat = impact_row_new ();
              copy_row (self->repeat, row);
              self->repeats_left = repeat - 1;
            }
          return TRUE;
        }
    }

  return FALSE;
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
  g_clear_pointer (&self->repeat, impact_row_free);
  g_clear_object (&self->zip);
  g_clear_pointer (&self->sheet, g_free);

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
