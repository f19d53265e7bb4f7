/* impact-import-context.h: one import under way, and what every kind of row needs from it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "impact-import-summary.h"
#include "impact-reader.h"
#include "storage/impact-store.h"
#include "storage/impact-supplier-directory.h"
#include "util/impact-key-set.h"

G_BEGIN_DECLS

/* The largest amount a spreadsheet cell may hold (_impact_import_parse_amount_cell()). */
#define IMPACT_IMPORT_MAX_TYPED_CENTS G_GINT64_CONSTANT (100000000000000)

/* Rows checked before their lines are added (_impact_import_purchase_rows()). */
#define IMPACT_IMPORT_LOOKAHEAD 256

typedef struct
{
  ImpactPurchaseLine line;
  guint64 key;
} PendingPurchase;

/* One import under way: the store, the options, the summary being filled in, the column of
 * each field, and the lookups that make rows cheap. */
typedef struct
{
  ImpactStore *store;
  const ImpactImportOptions *options;
  ImpactImportSummary *summary;
  ImpactMapping *mapping;
  int column[IMPACT_N_FIELDS];
  /* The fields that have a column, in the order of ImpactField. */
  ImpactField mapped[IMPACT_N_FIELDS];
  guint n_mapped;
  /* The database's suppliers, and those the import added. */
  ImpactSupplierDirectory *directory;
  GHashTable *suppliers;
  GHashTable *raw_suppliers;
  GString *raw_key;
  GHashTable *divisions;
  GHashTable *objects;
  gint64 group_id;
  /* The keys (_impact_import_line_key()) of the lines stored and of the file's lines so far. */
  ImpactKeySet *line_keys;
  ImpactBulkInsert *insert;
  gint64 batch_id;
  /* PendingPurchase */
  GArray *lines;
  /* Day-month was assumed because nothing in the first rows told; a later date that can
   * only be month-day makes the import start again the other way. */
  gboolean order_guessed;
  /* Set when the user sees only some divisions (a shared database): a division the file
   * names that is not among them is not created but noted here, code -> first row, and the
   * file refused. NULL when the user sees the whole group. */
  GHashTable *outside;
} Import;

void              _impact_import_reject            (Import           *im,
                                                    guint             row,
                                                    int               column,
                                                    char             *message);
/* The cell of a field in a row; an empty one when the field has no column or the row
 * ends before it. Every check of every row asks for a few: they are inline. */
static inline const ImpactCell *
_impact_import_field_cell (const Import *im,
                           const ImpactRow *row,
                           ImpactField field)
{
  static const ImpactCell empty = { IMPACT_CELL_EMPTY, NULL, 0, 0 };
  int column = im->column[field];

  if (column < 0 || (guint) column >= row->cells->len)
    return &empty;

  return &g_array_index (row->cells, ImpactCell, column);
}

/* The text of a field's cell, or NULL when it has none. */
static inline const char *
_impact_import_field_text (const Import *im,
                           const ImpactRow *row,
                           ImpactField field)
{
  const ImpactCell *cell = _impact_import_field_cell (im, row, field);

  return cell->type == IMPACT_CELL_EMPTY || cell->type == IMPACT_CELL_ERROR ? NULL : cell->text;
}

guint64           _impact_import_line_key          (gint64            supplier_id,
                                                    const char       *invoice_number,
                                                    gint64            amount_cents);
gboolean          _impact_import_parse_amount_cell (const ImpactCell *cell,
                                                    ImpactDecimalSeparator decimal,
                                                    gint64           *cents);
gboolean          _impact_import_parse_date_cell   (const ImpactCell *cell,
                                                    ImpactDateOrder   order,
                                                    guint32          *day);
gint64            _impact_import_resolve_supplier  (Import           *im,
                                                    const ImpactRow  *row,
                                                    GError          **error);
gint64            _impact_import_ensure_group      (Import           *im,
                                                    GError          **error);
gboolean          _impact_import_optional_date     (Import           *im,
                                                    const ImpactRow  *row,
                                                    ImpactField       field,
                                                    guint32          *day);

G_END_DECLS
