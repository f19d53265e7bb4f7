/* impact-xlsx-parts.c: the parts of an XLSX workbook read before its sheets
 *
 * Which cell styles are dates (built-in number formats and custom codes with day, month or
 * year in them), the shared strings (one after another in one buffer, a sheet refers to
 * them by number), and the workbook's sheets with the members that hold them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "impact-xlsx-reader"

#include "config.h"

#include <string.h>

#include "impact-xlsx-reader-private.h"

const char *
_impact_xlsx_reader_file_name (ImpactXlsxReader *self)
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

gboolean
_impact_xlsx_reader_read_styles (ImpactXlsxReader *self,
                                 GError **error)
{
  g_autoptr (ImpactXmlPart) part = NULL;
  g_autoptr (GHashTable) custom_dates = g_hash_table_new (g_direct_hash, g_direct_equal);
  gboolean in_cell_xfs = FALSE;
  g_autoptr (GError) local_error = NULL;

  /* A workbook without styles has no dates to find. */
  part = impact_xml_part_open (self->zip, "xl/styles.xml", _impact_xlsx_reader_file_name (self), NULL);
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
 * hints (<rPh>) are not part of it. The handler collects them one after another. */
typedef struct
{
  ImpactXlsxReader *self;
  int depth;
  gboolean in_item;
  int phonetic_depth;
  gboolean in_text;
  SharedString current;
} SharedReading;

static void
shared_start (gpointer data,
              const char *name,
              const ImpactXmlAttribute *attributes,
              guint n_attributes)
{
  SharedReading *reading = data;
  int depth = reading->depth++;

  if (impact_xml_name_is (name, "si"))
    {
      reading->in_item = TRUE;
      reading->current.offset = reading->self->shared_text->len;
    }
  else if (impact_xml_name_is (name, "rPh") && reading->phonetic_depth < 0)
    reading->phonetic_depth = depth;
  else if (impact_xml_name_is (name, "t") && reading->in_item && reading->phonetic_depth < 0)
    reading->in_text = TRUE;
}

static void
shared_end (gpointer data,
            const char *name)
{
  SharedReading *reading = data;
  GString *text = reading->self->shared_text;
  int depth = --reading->depth;

  reading->in_text = FALSE;
  if (depth == reading->phonetic_depth)
    reading->phonetic_depth = -1;
  else if (reading->in_item && impact_xml_name_is (name, "si"))
    {
      reading->in_item = FALSE;
      reading->current.length = text->len - reading->current.offset;
      g_string_append_c (text, '\0');
      g_array_append_val (reading->self->shared_strings, reading->current);
    }
}

static void
shared_text (gpointer data,
             const char *text,
             gsize length)
{
  SharedReading *reading = data;

  if (reading->in_text)
    g_string_append_len (reading->self->shared_text, text, length);
}

gboolean
_impact_xlsx_reader_read_shared_strings (ImpactXlsxReader *self,
                                         GError **error)
{
  static const ImpactXmlHandler handler = { shared_start, shared_end, shared_text };
  g_autoptr (ImpactXmlPart) part = NULL;
  g_autoptr (GError) local_error = NULL;
  SharedReading reading = { self, 0, FALSE, -1, FALSE, { 0, 0 } };

  part = impact_xml_part_open (self->zip, "xl/sharedStrings.xml", _impact_xlsx_reader_file_name (self), NULL);
  if (part == NULL)
    return TRUE;

  impact_xml_part_set_handler (part, &handler, &reading);
  while (impact_xml_part_feed (part, &local_error))
    ;
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  /* Offsets are 32 bits: a part is 512 MB at most, and so is its text. */
  G_STATIC_ASSERT (IMPACT_ZIP_MAX_PART_BYTES < G_MAXUINT32);

  return TRUE;
}

gboolean
_impact_xlsx_reader_read_workbook (ImpactXlsxReader *self,
                                   GError **error)
{
  g_autoptr (ImpactXmlPart) rels = NULL;
  g_autoptr (ImpactXmlPart) workbook = NULL;
  g_autoptr (GHashTable) targets = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr (GError) local_error = NULL;

  rels = impact_xml_part_open (self->zip, "xl/_rels/workbook.xml.rels", _impact_xlsx_reader_file_name (self), error);
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

  workbook = impact_xml_part_open (self->zip, "xl/workbook.xml", _impact_xlsx_reader_file_name (self), error);
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
