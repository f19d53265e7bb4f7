/* impact-xlsx-reader-private.h: the XLSX reader, for the files it is split over
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "impact-row-queue.h"
#include "impact-xlsx-reader.h"
#include "impact-zip-xml.h"

G_BEGIN_DECLS

/* A cell as the sheet has it. Its type ("s", "n", "inlineStr", ...) is a short code, kept
 * without an allocation: a sheet has a million cells. Its value and inline text are
 * collected in buffers kept from cell to cell. */
typedef struct
{
  char type[16];
  guint style;
  gboolean has_value;
  GString *value;
  gboolean has_inline;
  GString *inline_text;
  gboolean has_formula;
} RawCell;

struct _ImpactXlsxReader
{
  ImpactReader parent_instance;

  GsfInfile *zip;
  GPtrArray *sheet_members;
  /* The shared strings, one after another and each ended, and where each is. */
  GString *shared_text;
  GArray *shared_strings;
  GArray *date_styles;
  gboolean date_1904;
  char *sheet;
  ImpactXmlPart *part;
  /* The sheet's rows as the parser hands them over, and where it is in the sheet. */
  ImpactRowQueue *rows;
  gboolean in_row;
  gboolean in_inline;
  int column;
  guint last_number;
  GString *collect;
  int collect_depth;
  int depth;
  RawCell raw;
};

typedef struct
{
  guint32 offset;
  guint32 length;
} SharedString;

#define ELEMENT XML_READER_TYPE_ELEMENT
#define END_ELEMENT XML_READER_TYPE_END_ELEMENT

const char *_impact_xlsx_reader_file_name           (ImpactXlsxReader  *self);
gboolean    _impact_xlsx_reader_read_styles         (ImpactXlsxReader  *self,
                                                     GError           **error);
gboolean    _impact_xlsx_reader_read_shared_strings (ImpactXlsxReader  *self,
                                                     GError           **error);
gboolean    _impact_xlsx_reader_read_workbook       (ImpactXlsxReader  *self,
                                                     GError           **error);

G_END_DECLS
