/* impact-reader.h: the base class of the spreadsheet, CSV and JSON readers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define IMPACT_IMPORT_ERROR (impact_import_error_quark ())

typedef enum
{
  IMPACT_IMPORT_ERROR_FAILED,
  IMPACT_IMPORT_ERROR_EMPTY,
  IMPACT_IMPORT_ERROR_FORMAT,
  IMPACT_IMPORT_ERROR_ENCODING,
  IMPACT_IMPORT_ERROR_TOO_LARGE,
  IMPACT_IMPORT_ERROR_UNSUPPORTED,
  IMPACT_IMPORT_ERROR_NO_HEADER,
  IMPACT_IMPORT_ERROR_MAPPING,
  IMPACT_IMPORT_ERROR_NOTHING_TO_IMPORT,
  /* A column needed for the import was guessed and the guess is not certain. */
  IMPACT_IMPORT_ERROR_UNCERTAIN,
  /* Within the importer only: the dates turned out to be month-day-year. */
  IMPACT_IMPORT_ERROR_DATE_ORDER,
  /* The file has lines of divisions the user has no access to (a shared database). */
  IMPACT_IMPORT_ERROR_ACCESS,
} ImpactImportError;

GQuark impact_import_error_quark (void);

typedef enum
{
  IMPACT_CELL_EMPTY,
  IMPACT_CELL_TEXT,
  IMPACT_CELL_NUMBER,
  IMPACT_CELL_DATE,
  IMPACT_CELL_BOOLEAN,
  /* The reader could not take the cell in (too long, say); text says why. */
  IMPACT_CELL_ERROR,
} ImpactCellType;

/* One cell. text is the cell as the file shows it (for numbers and dates too, when the file
 * has it), number holds numbers and booleans, day holds dates. */
typedef struct
{
  ImpactCellType  type;
  char           *text;
  double          number;
  guint32         day;
} ImpactCell;

/* One row: its number as a person sees it in the file (1 is the first line or spreadsheet
 * row) and its cells from the first column on. The cells' texts live in the row's own
 * buffer, valid until the row is cleared or freed. */
typedef struct
{
  guint   number;
  GArray *cells;
  /*< private >*/
  char   *texts;
  gsize   texts_len;
  gsize   texts_size;
} ImpactRow;

/* Limits that keep a hostile file from taking all memory. */
#define IMPACT_READER_MAX_CELL_BYTES (32 * 1024)
#define IMPACT_READER_MAX_COLUMNS 512

ImpactRow        *impact_row_new          (void);
void              impact_row_free         (ImpactRow        *row);
void              impact_row_clear        (ImpactRow        *row);
void              impact_row_swap         (ImpactRow        *a,
                                           ImpactRow        *b);
void              impact_row_copy         (ImpactRow        *to,
                                           const ImpactRow  *from);
const ImpactCell *impact_row_get_cell     (const ImpactRow  *row,
                                           guint             column);
void              impact_row_append_text  (ImpactRow        *row,
                                           const char       *text,
                                           gssize            length);
void              impact_row_append_valid_text (ImpactRow   *row,
                                           const char       *text,
                                           gsize             length);
void              impact_row_append_cell  (ImpactRow        *row,
                                           const ImpactCell *cell);
gboolean          impact_row_is_empty     (const ImpactRow  *row);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ImpactRow, impact_row_free)

#define IMPACT_TYPE_READER (impact_reader_get_type ())

G_DECLARE_DERIVABLE_TYPE (ImpactReader, impact_reader, IMPACT, READER, GObject)

/**
 * ImpactReaderClass:
 * @list_sheets: the names of the sheets, for formats that have them; NULL otherwise
 * @select_sheet: reads @sheet from its first row on
 * @read_row: fills @row with the next row; returns FALSE at the end (without error) or on
 *   an error
 * @describe: a short description of what was detected, such as encoding and delimiter
 * @get_fraction: how much of the file (or sheet) has been read, 0 to 1
 */
struct _ImpactReaderClass
{
  GObjectClass parent_class;

  char    **(*list_sheets)  (ImpactReader *self);
  gboolean  (*select_sheet) (ImpactReader *self,
                             const char   *sheet,
                             GError      **error);
  gboolean  (*read_row)     (ImpactReader *self,
                             ImpactRow    *row,
                             GError      **error);
  char     *(*describe)     (ImpactReader *self);
  double    (*get_fraction) (ImpactReader *self);
};

const char   *impact_reader_get_path      (ImpactReader  *self);
char        **impact_reader_list_sheets   (ImpactReader  *self);
gboolean      impact_reader_select_sheet  (ImpactReader  *self,
                                           const char    *sheet,
                                           GError       **error);
gboolean      impact_reader_read_row      (ImpactReader  *self,
                                           ImpactRow     *row,
                                           GError       **error);
char         *impact_reader_describe      (ImpactReader  *self);
double        impact_reader_get_fraction  (ImpactReader  *self);

/* For subclasses with sheets. */
void          impact_reader_add_sheet      (ImpactReader  *self,
                                            const char    *name);
int           impact_reader_find_sheet     (ImpactReader  *self,
                                            const char    *name,
                                            GError       **error);
const char   *impact_reader_get_sheet_name (ImpactReader  *self,
                                            int            i);
gboolean      impact_reader_check_sheets   (ImpactReader  *self,
                                            GError       **error);

G_END_DECLS
