/* impact-import-summary.h: what an import is asked to do, and what it did
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "impact-mapping.h"
#include "util/impact-task-progress.h"

G_BEGIN_DECLS

typedef struct
{
  /* Purchase lines (the default) or the supplier certificate register. */
  ImpactImportTarget      target;
  /* The sheet of a workbook to read; NULL for the first. */
  const char             *sheet;
  /* A division code for every row, when the file has no division column. */
  const char             *division_code;
  ImpactDecimalSeparator  decimal;
  ImpactDateOrder         date_order;
  gboolean                include_duplicates;
  /* Check and count everything, then write nothing. */
  gboolean                dry_run;
  /* A column mapping saved as JSON, used instead of the suggestion and of the mapping
   * remembered for the file's columns; NULL for none. */
  const char             *mapping_json;
  /* Called from time to time with how far the import has come, 0 to 1 (in the importing
   * thread); NULL for none. */
  ImpactProgressFunc      progress;
  gpointer                progress_data;
  /* The user's field for each column, replacing the suggestion; NULL to keep it. */
  const ImpactField      *fields;
  guint                   n_fields;
} ImpactImportOptions;

/* A row that was not imported, and why. */
typedef struct
{
  guint  row;
  char  *column;
  char  *message;
} ImpactImportProblem;

/* Kept for the first rejected rows; the count goes on beyond. */
#define IMPACT_IMPORT_MAX_PROBLEMS 1000

typedef struct
{
  char          *file_name;
  char          *format;
  guint          header_row;
  ImpactMapping *mapping;
  gint64         rows_read;
  gint64         rows_accepted;
  gint64         rows_rejected;
  gint64         rows_duplicate;
  gint64         rows_skipped;
  gint64         total_cents;
  GPtrArray     *problems;
  GPtrArray     *warnings;
  GPtrArray     *new_suppliers;
  GPtrArray     *new_divisions;
  GPtrArray     *new_objects;
  gint64         batch_id;
  /* The header row and the first rows after it, as the file has them, for a preview. */
  GPtrArray     *preview;
  /* Statuses an exchange file brought with its suppliers. */
  gint64         statuses_added;
  /* Suppliers that rows without a number were matched to by their name alone. */
  GPtrArray     *name_matches;
  /* Social-return obligations an organisation file gave its objects. */
  gint64         obligations_set;
  /* Whether the columns were mapped as remembered from an earlier file like it. */
  gboolean       remembered_mapping;
  /* The sheets of a workbook; NULL for CSV and JSON. */
  char         **sheets;
} ImpactImportSummary;

#define IMPACT_IMPORT_PREVIEW_ROWS 20

ImpactImportSummary *impact_import_summary_new  (const char          *path);
void                 impact_import_summary_free (ImpactImportSummary *summary);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ImpactImportSummary, impact_import_summary_free)

G_END_DECLS
