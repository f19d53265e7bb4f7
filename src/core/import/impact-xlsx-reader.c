/* impact-xlsx-reader.c: Office Open XML workbooks (XLSX)
 *
 * Reads the workbook's sheet list, shared strings and number formats up front, then one
 * sheet as a stream of rows. A number cell whose format shows a date becomes a date (1900
 * and 1904 date systems); a formula gives its stored result.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "impact-xlsx-reader"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "impact-parse.h"
#include "impact-xlsx-reader-private.h"

G_DEFINE_FINAL_TYPE (ImpactXlsxReader, impact_xlsx_reader, IMPACT_TYPE_READER)

static void sheet_start (gpointer data, const char *name, const ImpactXmlAttribute *attributes, guint n_attributes);
static void sheet_end (gpointer data, const char *name);
static void sheet_text (gpointer data, const char *text, gsize length);
static void raw_cell_clear (RawCell *raw);

static gboolean
impact_xlsx_reader_select_sheet (ImpactReader *reader,
                                 const char *sheet,
                                 GError **error)
{
  ImpactXlsxReader *self = IMPACT_XLSX_READER (reader);
  int index = impact_reader_find_sheet (reader, sheet, error);
  ImpactXmlPart *part;

  if (index < 0)
    return FALSE;
  part = impact_xml_part_open (self->zip, g_ptr_array_index (self->sheet_members, index), _impact_xlsx_reader_file_name (self), error);
  if (part == NULL)
    return FALSE;

  static const ImpactXmlHandler handler = { sheet_start, sheet_end, sheet_text };

  g_clear_pointer (&self->part, impact_xml_part_free);
  self->part = part;
  g_free (self->sheet);
  self->sheet = g_strdup (sheet);

  /* The sheet's rows are built as the parser goes. */
  impact_row_queue_clear (self->rows);
  self->in_row = self->in_inline = FALSE;
  self->column = -1;
  self->last_number = 0;
  self->collect = NULL;
  self->depth = 0;
  raw_cell_clear (&self->raw);
  impact_xml_part_set_handler (part, &handler, self);

  return TRUE;
}

/* "AB12" -> 27 (zero-based column); -1 when there is no column. */
static int
column_of (const char *ref)
{
  int column = 0;
  guint n = 0;

  if (ref == NULL)
    return -1;
  for (; g_ascii_isalpha (*ref) && n < 4; ref++, n++)
    column = column * 26 + (g_ascii_toupper (*ref) - 'A' + 1);

  return n > 0 ? column - 1 : -1;
}

static void
raw_cell_clear (RawCell *raw)
{
  raw->type[0] = '\0';
  raw->style = 0;
  raw->has_value = FALSE;
  g_string_truncate (raw->value, 0);
  raw->has_inline = FALSE;
  g_string_truncate (raw->inline_text, 0);
  raw->has_formula = FALSE;
}

static void
append_cell (ImpactXlsxReader *self,
             ImpactRow *row,
             RawCell *raw)
{
  ImpactCell cell = { IMPACT_CELL_EMPTY, NULL, 0, 0 };
  const char *type = raw->type[0] != '\0' ? raw->type : "n";
  char *value = raw->value->str;
  guint style = raw->style;

  if (g_str_equal (type, "inlineStr"))
    {
      impact_row_append_text (row, raw->has_inline ? raw->inline_text->str : NULL, raw->inline_text->len);
      return;
    }
  if (!raw->has_value)
    {
      if (raw->has_formula)
        {
          cell.type = IMPACT_CELL_ERROR;
          cell.text = _ ("a formula without a stored result; open and save the file in a spreadsheet first");
        }
      impact_row_append_cell (row, &cell);
      return;
    }

  if (g_str_equal (type, "s"))
    {
      guint index = (guint) strtoul (value, NULL, 10);

      /* libxml2 hands over nothing but valid UTF-8: the text needs no second check. */
      if (index < self->shared_strings->len)
        {
          const SharedString *shared = &g_array_index (self->shared_strings, SharedString, index);

          impact_row_append_valid_text (row, self->shared_text->str + shared->offset, shared->length);
        }
      else
        impact_row_append_text (row, NULL, 0);
      return;
    }
  if (g_str_equal (type, "str"))
    {
      impact_row_append_text (row, value, raw->value->len);
      return;
    }
  if (g_str_equal (type, "e"))
    {
      g_autofree char *message = g_strdup_printf (_ ("the spreadsheet shows an error (%s)"), value);

      cell.type = IMPACT_CELL_ERROR;
      cell.text = message;
      impact_row_append_cell (row, &cell);
      return;
    }
  if (g_str_equal (type, "b"))
    {
      cell.type = IMPACT_CELL_BOOLEAN;
      cell.number = g_str_equal (value, "1");
      cell.text = value;
      impact_row_append_cell (row, &cell);
      return;
    }
  if (g_str_equal (type, "d"))
    {
      cell.type = impact_parse_date (value, IMPACT_DATE_ORDER_DMY, &cell.day) ? IMPACT_CELL_DATE : IMPACT_CELL_TEXT;
      cell.text = value;
      impact_row_append_cell (row, &cell);
      return;
    }

  /* A number; shown as a date when its style says so. */
  {
    char *end = NULL;
    double number = g_ascii_strtod (value, &end);

    if (end == value || *end != '\0')
      {
        impact_row_append_text (row, value, raw->value->len);
        return;
      }
    cell.number = number;
    cell.text = value;
    cell.type = IMPACT_CELL_NUMBER;
    if (style < self->date_styles->len && g_array_index (self->date_styles, gboolean, style))
      {
        cell.day = impact_day_from_serial (number, self->date_1904);
        if (cell.day != 0)
          cell.type = IMPACT_CELL_DATE;
      }
    impact_row_append_cell (row, &cell);
  }
}

static void
sheet_start (gpointer data,
             const char *name,
             const ImpactXmlAttribute *attributes,
             guint n_attributes)
{
  ImpactXlsxReader *self = data;
  RawCell *raw = &self->raw;
  int depth = self->depth++;

  if (!self->in_row)
    {
      if (impact_xml_name_is (name, "row"))
        {
          const char *r = impact_xml_attribute_find (attributes, n_attributes, "r");
          ImpactRow *row = impact_row_queue_building (self->rows);

          impact_row_clear (row);
          row->number = r != NULL ? (guint) atoi (r) : self->last_number + 1;
          self->last_number = row->number;
          self->in_row = TRUE;
          self->column = -1;
        }
      return;
    }

  if (impact_xml_name_is (name, "c"))
    {
      ImpactRow *row = impact_row_queue_building (self->rows);
      const char *type = NULL, *style = NULL, *ref = NULL;
      int target;

      for (guint a = 0; a < n_attributes; a++)
        {
          const char *attribute = attributes[a].name;

          if (attribute[1] != '\0')
            continue;
          if (attribute[0] == 't')
            type = attributes[a].value;
          else if (attribute[0] == 's')
            style = attributes[a].value;
          else if (attribute[0] == 'r')
            ref = attributes[a].value;
        }
      raw_cell_clear (raw);
      /* A type too long to be one of the sheet's types is none of them either. */
      if (type != NULL)
        g_strlcpy (raw->type, type, sizeof raw->type);
      raw->style = style != NULL ? (guint) atoi (style) : 0;
      target = ref != NULL ? column_of (ref) : self->column + 1;
      /* Sparse rows leave cells out: those are empty. */
      while (target > self->column + 1 && row->cells->len < IMPACT_READER_MAX_COLUMNS)
        {
          impact_row_append_text (row, NULL, 0);
          self->column++;
        }
      self->column = MAX (target, self->column + 1);
    }
  else if (impact_xml_name_is (name, "v"))
    {
      /* A second value takes the place of the first, as it did. */
      raw->has_value = TRUE;
      g_string_truncate (raw->value, 0);
      self->collect = raw->value;
      self->collect_depth = depth;
    }
  else if (impact_xml_name_is (name, "f"))
    raw->has_formula = TRUE;
  else if (impact_xml_name_is (name, "is"))
    {
      self->in_inline = TRUE;
      raw->has_inline = TRUE;
      g_string_truncate (raw->inline_text, 0);
    }
  else if (self->in_inline && self->collect == NULL && impact_xml_name_is (name, "t"))
    {
      self->collect = raw->inline_text;
      self->collect_depth = depth;
    }
}

static void
sheet_end (gpointer data,
           const char *name)
{
  ImpactXlsxReader *self = data;
  int depth = --self->depth;

  if (self->collect != NULL && depth == self->collect_depth)
    self->collect = NULL;
  if (!self->in_row)
    return;

  if (impact_xml_name_is (name, "c"))
    append_cell (self, impact_row_queue_building (self->rows), &self->raw);
  else if (impact_xml_name_is (name, "is"))
    self->in_inline = FALSE;
  else if (impact_xml_name_is (name, "row"))
    {
      self->in_row = FALSE;
      self->in_inline = FALSE;
      raw_cell_clear (&self->raw);
      impact_row_queue_push (self->rows, 1);
    }
}

static void
sheet_text (gpointer data,
            const char *text,
            gsize length)
{
  ImpactXlsxReader *self = data;

  if (self->collect != NULL)
    g_string_append_len (self->collect, text, length);
}

static gboolean
impact_xlsx_reader_read_row (ImpactReader *reader,
                             ImpactRow *row,
                             GError **error)
{
  ImpactXlsxReader *self = IMPACT_XLSX_READER (reader);

  if (self->part == NULL
      && !impact_xlsx_reader_select_sheet (reader, impact_reader_get_sheet_name (reader, 0), error))
    return FALSE;

  while (!impact_row_queue_pop (self->rows, row))
    if (!impact_xml_part_feed (self->part, error))
      return FALSE;

  return TRUE;
}

static char *
impact_xlsx_reader_describe (ImpactReader *reader)
{
  ImpactXlsxReader *self = IMPACT_XLSX_READER (reader);

  /* Translators: what was found in a spreadsheet: the format and the sheet name. */
  return g_strdup_printf (_ ("XLSX, sheet “%s”"),
                          self->sheet != NULL ? self->sheet : (char *) impact_reader_get_sheet_name (reader, 0));
}

static double
impact_xlsx_reader_get_fraction (ImpactReader *reader)
{
  ImpactXlsxReader *self = IMPACT_XLSX_READER (reader);

  return self->part != NULL ? impact_xml_part_get_fraction (self->part) : 0;
}

static void
impact_xlsx_reader_finalize (GObject *object)
{
  ImpactXlsxReader *self = IMPACT_XLSX_READER (object);

  g_clear_pointer (&self->part, impact_xml_part_free);
  g_clear_object (&self->zip);
  g_clear_pointer (&self->sheet_members, g_ptr_array_unref);
  g_clear_pointer (&self->shared_strings, g_array_unref);
  g_string_free (self->shared_text, TRUE);
  g_clear_pointer (&self->date_styles, g_array_unref);
  g_clear_pointer (&self->sheet, g_free);
  g_clear_pointer (&self->rows, impact_row_queue_free);
  g_string_free (self->raw.value, TRUE);
  g_string_free (self->raw.inline_text, TRUE);

  G_OBJECT_CLASS (impact_xlsx_reader_parent_class)->finalize (object);
}

static void
impact_xlsx_reader_class_init (ImpactXlsxReaderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  ImpactReaderClass *reader_class = IMPACT_READER_CLASS (klass);

  object_class->finalize = impact_xlsx_reader_finalize;

  reader_class->select_sheet = impact_xlsx_reader_select_sheet;
  reader_class->read_row = impact_xlsx_reader_read_row;
  reader_class->describe = impact_xlsx_reader_describe;
  reader_class->get_fraction = impact_xlsx_reader_get_fraction;
}

static void
impact_xlsx_reader_init (ImpactXlsxReader *self)
{
  self->sheet_members = g_ptr_array_new_with_free_func (g_free);
  self->shared_strings = g_array_new (FALSE, FALSE, sizeof (SharedString));
  self->shared_text = g_string_new (NULL);
  self->date_styles = g_array_new (FALSE, FALSE, sizeof (gboolean));
  self->rows = impact_row_queue_new ();
  self->raw.value = g_string_new (NULL);
  self->raw.inline_text = g_string_new (NULL);
}

static ImpactReader *
new_for_zip (GsfInfile *zip,
             const char *path,
             GError **error)
{
  g_autoptr (ImpactXlsxReader) self = NULL;

  if (zip == NULL)
    return NULL;

  self = g_object_new (IMPACT_TYPE_XLSX_READER, "path", path, NULL);
  self->zip = zip;
  if (!_impact_xlsx_reader_read_workbook (self, error) || !_impact_xlsx_reader_read_styles (self, error) || !_impact_xlsx_reader_read_shared_strings (self, error))
    return NULL;

  return IMPACT_READER (g_steal_pointer (&self));
}

ImpactReader *
impact_xlsx_reader_new (const char *path,
                        GError **error)
{
  g_return_val_if_fail (path != NULL, NULL);

  return new_for_zip (impact_zip_open (path, error), path, error);
}

ImpactReader *
impact_xlsx_reader_new_for_bytes (GBytes *bytes,
                                  const char *name,
                                  GError **error)
{
  g_return_val_if_fail (bytes != NULL, NULL);

  return new_for_zip (impact_zip_open_bytes (bytes, name, error), name != NULL ? name : "memory.xlsx", error);
}
