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
#include <stdlib.h>
#include <string.h>

#include "impact-parse.h"
#include "impact-xlsx-reader.h"
#include "impact-zip-xml.h"

struct _ImpactXlsxReader
{
  ImpactReader parent_instance;

  GsfInfile *zip;
  GPtrArray *sheet_members;
  GPtrArray *shared_strings;
  GArray *date_styles;
  gboolean date_1904;
  char *sheet;
  ImpactXmlPart *part;
};

G_DEFINE_FINAL_TYPE (ImpactXlsxReader, impact_xlsx_reader, IMPACT_TYPE_READER)

#define ELEMENT XML_READER_TYPE_ELEMENT
#define END_ELEMENT XML_READER_TYPE_END_ELEMENT

static const char *
file_name (ImpactXlsxReader *self)
{
  return impact_reader_get_path (IMPACT_READER (self));
}

/* Built-in formats that show dates (not times alone): ECMA-376, 18.8.30. */
static gboolean
is_date_format_id (guint id)
{
  return (id >= 14 && id <= 17) || id == 22 || (id >= 27 && id <= 36) || (id >= 50 && id <= 58);
}

/* A custom format shows a date when it has a day or year code outside quoted text and
 * [brackets]; "m" alone may be minutes. */
static gboolean
is_date_format_code (const char *code)
{
  gboolean quoted = FALSE, bracket = FALSE;

  for (const char *p = code; *p != '\0'; p++)
    {
      if (*p == '\\' && p[1] != '\0')
        p++;
      else if (*p == '"')
        quoted = !quoted;
      else if (!quoted && *p == '[')
        bracket = TRUE;
      else if (!quoted && *p == ']')
        bracket = FALSE;
      else if (!quoted && !bracket && strchr ("dDyY", *p) != NULL)
        return TRUE;
    }

  return FALSE;
}

static gboolean
read_styles (ImpactXlsxReader *self,
             GError **error)
{
  g_autoptr (ImpactXmlPart) part = NULL;
  g_autoptr (GHashTable) custom_dates = g_hash_table_new (g_direct_hash, g_direct_equal);
  gboolean in_cell_xfs = FALSE;
  g_autoptr (GError) local_error = NULL;

  /* A workbook without styles has no dates to find. */
  part = impact_xml_part_open (self->zip, "xl/styles.xml", file_name (self), NULL);
  if (part == NULL)
    return TRUE;

  while (impact_xml_part_next (part, &local_error))
    {
      if (impact_xml_part_is (part, ELEMENT, "numFmt"))
        {
          g_autofree char *id = impact_xml_part_attribute (part, "numFmtId");
          g_autofree char *code = impact_xml_part_attribute (part, "formatCode");

          if (id != NULL && code != NULL && is_date_format_code (code))
            g_hash_table_add (custom_dates, GUINT_TO_POINTER (atoi (id)));
        }
      else if (impact_xml_part_is (part, ELEMENT, "cellXfs"))
        in_cell_xfs = TRUE;
      else if (impact_xml_part_is (part, END_ELEMENT, "cellXfs"))
        in_cell_xfs = FALSE;
      else if (in_cell_xfs && impact_xml_part_is (part, ELEMENT, "xf"))
        {
          g_autofree char *id = impact_xml_part_attribute (part, "numFmtId");
          guint n = id != NULL ? (guint) atoi (id) : 0;
          gboolean is_date = is_date_format_id (n) || g_hash_table_contains (custom_dates, GUINT_TO_POINTER (n));

          g_array_append_val (self->date_styles, is_date);
        }
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  return TRUE;
}

/* The text of a shared string: its <t>, or the <t> of each run of rich text; phonetic
 * hints (<rPh>) are not part of it. */
static gboolean
read_shared_strings (ImpactXlsxReader *self,
                     GError **error)
{
  g_autoptr (ImpactXmlPart) part = NULL;
  g_autoptr (GError) local_error = NULL;
  GString *current = NULL;
  int phonetic_depth = -1;

  part = impact_xml_part_open (self->zip, "xl/sharedStrings.xml", file_name (self), NULL);
  if (part == NULL)
    return TRUE;

  while (impact_xml_part_next (part, &local_error))
    {
      if (impact_xml_part_is (part, ELEMENT, "si"))
        {
          current = g_string_new (NULL);
          if (impact_xml_part_is_empty (part))
            g_ptr_array_add (self->shared_strings, g_string_free (g_steal_pointer (&current), FALSE));
        }
      else if (impact_xml_part_is (part, END_ELEMENT, "si") && current != NULL)
        g_ptr_array_add (self->shared_strings, g_string_free (g_steal_pointer (&current), FALSE));
      else if (impact_xml_part_is (part, ELEMENT, "rPh") && !impact_xml_part_is_empty (part))
        phonetic_depth = impact_xml_part_depth (part);
      else if (impact_xml_part_is (part, END_ELEMENT, "rPh") && impact_xml_part_depth (part) == phonetic_depth)
        phonetic_depth = -1;
      else if (impact_xml_part_is (part, ELEMENT, "t") && current != NULL && phonetic_depth < 0)
        {
          g_autofree char *text = impact_xml_part_text (part);

          g_string_append (current, text);
        }
    }
  if (current != NULL)
    g_string_free (current, TRUE);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  return TRUE;
}

static gboolean
read_workbook (ImpactXlsxReader *self,
               GError **error)
{
  g_autoptr (ImpactXmlPart) rels = NULL;
  g_autoptr (ImpactXmlPart) workbook = NULL;
  g_autoptr (GHashTable) targets = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr (GError) local_error = NULL;

  rels = impact_xml_part_open (self->zip, "xl/_rels/workbook.xml.rels", file_name (self), error);
  if (rels == NULL)
    return FALSE;
  while (impact_xml_part_next (rels, &local_error))
    {
      if (impact_xml_part_is (rels, ELEMENT, "Relationship"))
        {
          char *id = impact_xml_part_attribute (rels, "Id");
          char *target = impact_xml_part_attribute (rels, "Target");

          if (id != NULL && target != NULL)
            g_hash_table_insert (targets, id, target);
          else
            g_free (id), g_free (target);
        }
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  workbook = impact_xml_part_open (self->zip, "xl/workbook.xml", file_name (self), error);
  if (workbook == NULL)
    return FALSE;
  while (impact_xml_part_next (workbook, &local_error))
    {
      if (impact_xml_part_is (workbook, ELEMENT, "workbookPr"))
        {
          g_autofree char *date_1904 = impact_xml_part_attribute (workbook, "date1904");

          self->date_1904 = date_1904 != NULL && (g_str_equal (date_1904, "1") || g_str_equal (date_1904, "true"));
        }
      else if (impact_xml_part_is (workbook, ELEMENT, "sheet"))
        {
          g_autofree char *name = impact_xml_part_attribute (workbook, "name");
          g_autofree char *id = impact_xml_part_attribute (workbook, "id");
          const char *target = id != NULL ? g_hash_table_lookup (targets, id) : NULL;

          if (name == NULL || target == NULL)
            continue;
          /* Targets are relative to xl/, or absolute within the zip. */
          g_ptr_array_add (self->sheet_members,
                           target[0] == '/' ? g_strdup (target + 1) : g_strconcat ("xl/", target, NULL));
          impact_reader_add_sheet (IMPACT_READER (self), name);
        }
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  return impact_reader_check_sheets (IMPACT_READER (self), error);
}

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
  part = impact_xml_part_open (self->zip, g_ptr_array_index (self->sheet_members, index), file_name (self), error);
  if (part == NULL)
    return FALSE;

  g_clear_pointer (&self->part, impact_xml_part_free);
  self->part = part;
  g_free (self->sheet);
  self->sheet = g_strdup (sheet);

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

/* A cell as the sheet has it. Its type ("s", "n", "inlineStr", ...) is a short code, kept
 * without an allocation: a sheet has a million cells. */
typedef struct
{
  char type[16];
  guint style;
  /* The value: in small when it fits (numbers, shared string numbers), else allocated. */
  char *value;
  char small[40];
  char *inline_text;
  gboolean has_formula;
} RawCell;

static void
raw_cell_clear (RawCell *raw)
{
  if (raw->value != raw->small)
    g_free (raw->value);
  g_free (raw->inline_text);
  memset (raw, 0, sizeof *raw);
}

static void
append_cell (ImpactXlsxReader *self,
             ImpactRow *row,
             RawCell *raw)
{
  ImpactCell cell = { IMPACT_CELL_EMPTY, NULL, 0, 0 };
  const char *type = raw->type[0] != '\0' ? raw->type : "n";
  guint style = raw->style;

  if (g_str_equal (type, "inlineStr"))
    {
      impact_row_append_text (row, raw->inline_text, -1);
      return;
    }
  if (raw->value == NULL)
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
      guint index = (guint) strtoul (raw->value, NULL, 10);

      const char *text = index < self->shared_strings->len ? g_ptr_array_index (self->shared_strings, index) : NULL;

      /* libxml2 hands over nothing but valid UTF-8: the text needs no second check. */
      if (text != NULL)
        impact_row_append_valid_text (row, text, strlen (text));
      else
        impact_row_append_text (row, NULL, 0);
      return;
    }
  if (g_str_equal (type, "str"))
    {
      impact_row_append_text (row, raw->value, -1);
      return;
    }
  if (g_str_equal (type, "e"))
    {
      g_autofree char *message = g_strdup_printf (_ ("the spreadsheet shows an error (%s)"), raw->value);

      cell.type = IMPACT_CELL_ERROR;
      cell.text = message;
      impact_row_append_cell (row, &cell);
      return;
    }
  if (g_str_equal (type, "b"))
    {
      cell.type = IMPACT_CELL_BOOLEAN;
      cell.number = g_str_equal (raw->value, "1");
      cell.text = raw->value;
      impact_row_append_cell (row, &cell);
      return;
    }
  if (g_str_equal (type, "d"))
    {
      cell.type = impact_parse_date (raw->value, IMPACT_DATE_ORDER_DMY, &cell.day) ? IMPACT_CELL_DATE : IMPACT_CELL_TEXT;
      cell.text = raw->value;
      impact_row_append_cell (row, &cell);
      return;
    }

  /* A number; shown as a date when its style says so. */
  {
    char *end = NULL;
    double number = g_ascii_strtod (raw->value, &end);

    if (end == raw->value || *end != '\0')
      {
        impact_row_append_text (row, raw->value, -1);
        return;
      }
    cell.number = number;
    cell.text = raw->value;
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

static gboolean
impact_xlsx_reader_read_row (ImpactReader *reader,
                             ImpactRow *row,
                             GError **error)
{
  ImpactXlsxReader *self = IMPACT_XLSX_READER (reader);
  RawCell raw = { 0 };
  int column = -1;
  gboolean in_row = FALSE, in_inline = FALSE;
  guint last_number = 0;

  if (self->part == NULL
      && !impact_xlsx_reader_select_sheet (reader, impact_reader_get_sheet_name (reader, 0), error))
    return FALSE;

  while (impact_xml_part_next (self->part, error))
    {
      ImpactXmlPart *part = self->part;

      if (!in_row)
        {
          if (impact_xml_part_is (part, ELEMENT, "row"))
            {
              const char *r = impact_xml_part_peek_attribute (part, "r");

              row->number = r != NULL ? (guint) atoi (r) : last_number + 1;
              if (impact_xml_part_is_empty (part))
                return TRUE;
              in_row = TRUE;
            }
          continue;
        }

      /* The end of a value is the node seen most often, and nothing to do. */
      if (impact_xml_part_is (part, END_ELEMENT, "v"))
        continue;
      if (impact_xml_part_is (part, ELEMENT, "c"))
        {
          const char *type = impact_xml_part_peek_attribute (part, "t");
          const char *style = impact_xml_part_peek_attribute (part, "s");
          const char *ref = impact_xml_part_peek_attribute (part, "r");
          int target;

          raw_cell_clear (&raw);
          /* A type too long to be one of the sheet's types is none of them either. */
          if (type != NULL)
            g_strlcpy (raw.type, type, sizeof raw.type);
          raw.style = style != NULL ? (guint) atoi (style) : 0;
          target = ref != NULL ? column_of (ref) : column + 1;
          /* Sparse rows leave cells out: those are empty. */
          while (target > column + 1 && row->cells->len < IMPACT_READER_MAX_COLUMNS)
            {
              impact_row_append_text (row, NULL, 0);
              column++;
            }
          column = MAX (target, column + 1);
          if (impact_xml_part_is_empty (part))
            append_cell (self, row, &raw);
        }
      else if (impact_xml_part_is (part, ELEMENT, "v"))
        {
          if (raw.value != raw.small)
            g_free (raw.value);
          raw.value = (char *) impact_xml_part_text_into (part, raw.small, sizeof raw.small);
          if (raw.value == NULL)
            raw.value = impact_xml_part_text (part);
        }
      else if (impact_xml_part_is (part, ELEMENT, "f"))
        raw.has_formula = TRUE;
      else if (impact_xml_part_is (part, ELEMENT, "is"))
        {
          in_inline = TRUE;
          g_clear_pointer (&raw.inline_text, g_free);
          raw.inline_text = g_strdup ("");
        }
      else if (impact_xml_part_is (part, END_ELEMENT, "is"))
        in_inline = FALSE;
      else if (in_inline && impact_xml_part_is (part, ELEMENT, "t"))
        {
          g_autofree char *text = impact_xml_part_text (part);
          char *joined = g_strconcat (raw.inline_text, text, NULL);

          g_free (raw.inline_text);
          raw.inline_text = joined;
        }
      else if (impact_xml_part_is (part, END_ELEMENT, "c"))
        append_cell (self, row, &raw);
      else if (impact_xml_part_is (part, END_ELEMENT, "row"))
        {
          raw_cell_clear (&raw);
          return TRUE;
        }
    }

  raw_cell_clear (&raw);
  return FALSE;
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
  g_clear_pointer (&self->shared_strings, g_ptr_array_unref);
  g_clear_pointer (&self->date_styles, g_array_unref);
  g_clear_pointer (&self->sheet, g_free);

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
  self->shared_strings = g_ptr_array_new_with_free_func (g_free);
  self->date_styles = g_array_new (FALSE, FALSE, sizeof (gboolean));
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
  if (!read_workbook (self, error) || !read_styles (self, error) || !read_shared_strings (self, error))
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
