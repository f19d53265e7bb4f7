/* impact-reader.c: the base class of the spreadsheet, CSV and JSON readers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "impact-reader"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "impact-reader.h"

G_DEFINE_QUARK (impact - import - error - quark, impact_import_error)

typedef struct
{
  char *path;
  GPtrArray *sheet_names;
} ImpactReaderPrivate;

enum
{
  PROP_0,
  PROP_PATH,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (ImpactReader, impact_reader, G_TYPE_OBJECT)

ImpactRow *
impact_row_new (void)
{
  ImpactRow *row = g_new0 (ImpactRow, 1);

  row->cells = g_array_new (FALSE, TRUE, sizeof (ImpactCell));

  return row;
}

void
impact_row_free (ImpactRow *row)
{
  if (row == NULL)
    return;

  g_array_unref (row->cells);
  g_free (row->texts);
  g_free (row);
}

/* Empties the row and keeps its memory for the next one: readers and the row pump reuse
 * rows, so that a million-line file costs no allocation per cell. */
void
impact_row_clear (ImpactRow *row)
{
  g_return_if_fail (row != NULL);

  g_array_set_size (row->cells, 0);
  row->texts_len = 0;
  row->number = 0;
}

/* Exchanges the contents of two rows, cells and texts, without copying them. */
void
impact_row_swap (ImpactRow *a,
                 ImpactRow *b)
{
  ImpactRow tmp;

  g_return_if_fail (a != NULL && b != NULL);

  tmp = *a;
  *a = *b;
  *b = tmp;
}

/* Makes @to a copy of @from: its number, cells and texts. */
void
impact_row_copy (ImpactRow *to,
                 const ImpactRow *from)
{
  g_return_if_fail (to != NULL && from != NULL);

  impact_row_clear (to);
  to->number = from->number;
  for (guint i = 0; i < from->cells->len; i++)
    impact_row_append_cell (to, &g_array_index (from->cells, ImpactCell, i));
}

/* A cell past the end of the row reads as empty. */
const ImpactCell *
impact_row_get_cell (const ImpactRow *row,
                     guint column)
{
  static const ImpactCell empty = { IMPACT_CELL_EMPTY, NULL, 0, 0 };

  g_return_val_if_fail (row != NULL, &empty);

  if (column >= row->cells->len)
    return &empty;

  return &g_array_index (row->cells, ImpactCell, column);
}

/* A copy of @size bytes of @text, NUL-terminated, in the row's buffer. When the buffer
 * moves as it grows, the texts of the cells already in the row move with it. */
static char *
store_text (ImpactRow *row,
            const char *text,
            gsize size)
{
  char *copy;

  if (row->texts_len + size + 1 > row->texts_size)
    {
      char *old = row->texts;
      gsize needed = row->texts_len + size + 1;

      row->texts_size = MAX (MAX (row->texts_size * 2, needed), 256);
      row->texts = g_realloc (row->texts, row->texts_size);
      if (old != NULL && row->texts != old)
        for (guint i = 0; i < row->cells->len; i++)
          {
            ImpactCell *cell = &g_array_index (row->cells, ImpactCell, i);

            if (cell->text != NULL)
              cell->text = row->texts + (cell->text - old);
          }
    }

  copy = row->texts + row->texts_len;
  memcpy (copy, text, size);
  copy[size] = '\0';
  row->texts_len += size + 1;

  return copy;
}

void
impact_row_append_cell (ImpactRow *row,
                        const ImpactCell *cell)
{
  ImpactCell copy;

  g_return_if_fail (row != NULL && cell != NULL);

  if (row->cells->len >= IMPACT_READER_MAX_COLUMNS)
    return;

  copy = *cell;
  if (cell->text != NULL)
    copy.text = store_text (row, cell->text, strlen (cell->text));
  g_array_append_val (row->cells, copy);
}

static void
append_text (ImpactRow *row,
             const char *text,
             gssize length,
             gboolean valid)
{
  ImpactCell cell = { IMPACT_CELL_EMPTY, NULL, 0, 0 };

  g_return_if_fail (row != NULL);

  if (row->cells->len >= IMPACT_READER_MAX_COLUMNS)
    return;

  if (text != NULL)
    {
      gsize size = length < 0 ? strlen (text) : (gsize) length;

      /* The spaces are left out before the copy rather than stripped from it: this runs
       * for every cell of a million-line file. */
      while (size > 0 && g_ascii_isspace (*text))
        text++, size--;
      while (size > 0 && g_ascii_isspace (text[size - 1]))
        size--;

      /* Readers hand over what the file says; a JSON string with a lone surrogate
       * (\ud83d), say, is not valid UTF-8. Such bytes become U+FFFD here, so nothing
       * invalid reaches the database or the screen. */
      if (size == 0)
        ;
      else if (valid || g_utf8_validate (text, size, NULL))
        cell.text = store_text (row, text, size);
      else
        {
          g_autofree char *fixed = g_utf8_make_valid (text, size);

          cell.text = store_text (row, fixed, strlen (fixed));
        }
      if (cell.text != NULL)
        cell.type = IMPACT_CELL_TEXT;
    }
  g_array_append_val (row->cells, cell);
}

/* Appends a text cell, with leading and trailing spaces removed; an empty text is an
 * empty cell. Every text cell of every reader comes through here. */
void
impact_row_append_text (ImpactRow *row,
                        const char *text,
                        gssize length)
{
  append_text (row, text, length, FALSE);
}

/* The same, for a text the reader has just checked to be valid UTF-8. */
void
impact_row_append_valid_text (ImpactRow *row,
                              const char *text,
                              gsize length)
{
  append_text (row, text, length, TRUE);
}

gboolean
impact_row_is_empty (const ImpactRow *row)
{
  g_return_val_if_fail (row != NULL, TRUE);

  for (guint i = 0; i < row->cells->len; i++)
    if (g_array_index (row->cells, ImpactCell, i).type != IMPACT_CELL_EMPTY)
      return FALSE;

  return TRUE;
}

static void
impact_reader_finalize (GObject *object)
{
  ImpactReader *self = IMPACT_READER (object);
  ImpactReaderPrivate *priv = impact_reader_get_instance_private (self);

  g_clear_pointer (&priv->path, g_free);
  g_clear_pointer (&priv->sheet_names, g_ptr_array_unref);

  G_OBJECT_CLASS (impact_reader_parent_class)->finalize (object);
}

static void
impact_reader_get_property (GObject *object,
                            guint prop_id,
                            GValue *value,
                            GParamSpec *pspec)
{
  ImpactReader *self = IMPACT_READER (object);
  ImpactReaderPrivate *priv = impact_reader_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_PATH:
      g_value_set_string (value, priv->path);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
impact_reader_set_property (GObject *object,
                            guint prop_id,
                            const GValue *value,
                            GParamSpec *pspec)
{
  ImpactReader *self = IMPACT_READER (object);
  ImpactReaderPrivate *priv = impact_reader_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_PATH:
      priv->path = g_value_dup_string (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* The sheets a subclass added, or NULL for formats without sheets. */
static char **
impact_reader_real_list_sheets (ImpactReader *self)
{
  ImpactReaderPrivate *priv = impact_reader_get_instance_private (self);
  GStrvBuilder *builder;
  char **names;

  if (priv->sheet_names == NULL)
    return NULL;

  builder = g_strv_builder_new ();
  for (guint i = 0; i < priv->sheet_names->len; i++)
    g_strv_builder_add (builder, g_ptr_array_index (priv->sheet_names, i));
  names = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);

  return names;
}

static gboolean
impact_reader_real_select_sheet (ImpactReader *self,
                                 const char *sheet,
                                 GError **error)
{
  g_autofree char *name = g_filename_display_basename (impact_reader_get_path (self));

  g_set_error (error, IMPACT_IMPORT_ERROR, IMPACT_IMPORT_ERROR_UNSUPPORTED,
               _ ("“%s” has no sheets to choose from."), name);
  return FALSE;
}

static void
impact_reader_class_init (ImpactReaderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = impact_reader_finalize;
  object_class->get_property = impact_reader_get_property;
  object_class->set_property = impact_reader_set_property;

  klass->list_sheets = impact_reader_real_list_sheets;
  klass->select_sheet = impact_reader_real_select_sheet;

  /**
   * ImpactReader:path:
   *
   * The file being read, for messages.
   */
  properties[PROP_PATH] =
      g_param_spec_string ("path", NULL, NULL, NULL,
                           G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
impact_reader_init (ImpactReader *self)
{
}

const char *
impact_reader_get_path (ImpactReader *self)
{
  ImpactReaderPrivate *priv = impact_reader_get_instance_private (self);

  g_return_val_if_fail (IMPACT_IS_READER (self), NULL);

  return priv->path;
}

char **
impact_reader_list_sheets (ImpactReader *self)
{
  g_return_val_if_fail (IMPACT_IS_READER (self), NULL);

  return IMPACT_READER_GET_CLASS (self)->list_sheets (self);
}

gboolean
impact_reader_select_sheet (ImpactReader *self,
                            const char *sheet,
                            GError **error)
{
  g_return_val_if_fail (IMPACT_IS_READER (self), FALSE);
  g_return_val_if_fail (sheet != NULL, FALSE);

  return IMPACT_READER_GET_CLASS (self)->select_sheet (self, sheet, error);
}

gboolean
impact_reader_read_row (ImpactReader *self,
                        ImpactRow *row,
                        GError **error)
{
  g_return_val_if_fail (IMPACT_IS_READER (self), FALSE);
  g_return_val_if_fail (row != NULL, FALSE);

  impact_row_clear (row);

  return IMPACT_READER_GET_CLASS (self)->read_row (self, row, error);
}

char *
impact_reader_describe (ImpactReader *self)
{
  g_return_val_if_fail (IMPACT_IS_READER (self), NULL);

  if (IMPACT_READER_GET_CLASS (self)->describe == NULL)
    return g_strdup ("");

  return IMPACT_READER_GET_CLASS (self)->describe (self);
}

/* For subclasses with sheets: adds the next sheet's name, in the workbook's order. */
void
impact_reader_add_sheet (ImpactReader *self,
                         const char *name)
{
  ImpactReaderPrivate *priv = impact_reader_get_instance_private (self);

  g_return_if_fail (IMPACT_IS_READER (self));
  g_return_if_fail (name != NULL);

  if (priv->sheet_names == NULL)
    priv->sheet_names = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (priv->sheet_names, g_strdup (name));
}

/* The index of a sheet by name, or -1 (with an error that says so). */
int
impact_reader_find_sheet (ImpactReader *self,
                          const char *name,
                          GError **error)
{
  ImpactReaderPrivate *priv = impact_reader_get_instance_private (self);
  g_autofree char *display = NULL;

  g_return_val_if_fail (IMPACT_IS_READER (self), -1);

  for (guint i = 0; priv->sheet_names != NULL && i < priv->sheet_names->len; i++)
    if (g_strcmp0 (name, g_ptr_array_index (priv->sheet_names, i)) == 0)
      return (int) i;

  display = g_filename_display_basename (priv->path);
  g_set_error (error, IMPACT_IMPORT_ERROR, IMPACT_IMPORT_ERROR_FAILED, _ ("“%s” has no sheet named “%s”."), display,
               name);
  return -1;
}

/* The name of sheet i; the first sheet's name when i is -1. */
const char *
impact_reader_get_sheet_name (ImpactReader *self,
                              int i)
{
  ImpactReaderPrivate *priv = impact_reader_get_instance_private (self);

  g_return_val_if_fail (IMPACT_IS_READER (self), NULL);
  g_return_val_if_fail (priv->sheet_names != NULL && priv->sheet_names->len > 0, NULL);

  return g_ptr_array_index (priv->sheet_names, i < 0 ? 0 : i);
}

/* For subclasses, once the sheets are read: a workbook without sheets has nothing to import. */
gboolean
impact_reader_check_sheets (ImpactReader *self,
                            GError **error)
{
  ImpactReaderPrivate *priv = impact_reader_get_instance_private (self);
  g_autofree char *display = NULL;

  g_return_val_if_fail (IMPACT_IS_READER (self), FALSE);

  if (priv->sheet_names != NULL && priv->sheet_names->len > 0)
    return TRUE;

  display = g_filename_display_basename (priv->path);
  g_set_error (error, IMPACT_IMPORT_ERROR, IMPACT_IMPORT_ERROR_EMPTY,
               _ ("“%s” has no sheets: there is nothing to import."), display);
  return FALSE;
}

/* How far reading has come, 0 to 1; 0 when the reader cannot tell. */
double
impact_reader_get_fraction (ImpactReader *self)
{
  g_return_val_if_fail (IMPACT_IS_READER (self), 0);

  if (IMPACT_READER_GET_CLASS (self)->get_fraction == NULL)
    return 0;

  return CLAMP (IMPACT_READER_GET_CLASS (self)->get_fraction (self), 0, 1);
}
