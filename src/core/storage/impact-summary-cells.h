/* impact-summary-cells.h: the summary's sums in memory, while an import adds them up
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* One sum of the summary: spend of a division, object, month, supplier and class. The ids
 * take 32 bits, so that a sum takes 32 bytes and two fit a cache line; a line whose ids do
 * not fit is summed elsewhere (impact_summary_cell_fits()). A slot is free while its
 * n_lines is 0 (a sum holds one line at least). */
typedef struct
{
  guint32 division_id;
  guint32 object_id;
  guint32 supplier_id;
  gint32 month;
  guint32 klass;
  guint32 n_lines;
  gint64 total_cents;
} ImpactSummaryCell;

/* Sums kept before they are written: every write walks the summary B-trees, so the fewer
 * the better (1,000,000 lines of bench-bulk-insert, about 200,000 sums, took 5.6 s written
 * every 65,536 sums and 2.0 s written once), and this many take 12 MB. */
#define IMPACT_SUMMARY_CELLS_MAX 262144

/* Sums by key, in one array with linear probing, kept at most 70% full. */
typedef struct
{
  ImpactSummaryCell *slots;
  gsize n_slots;
  guint n_cells;
} ImpactSummaryCells;

gboolean           impact_summary_cell_fits           (gint64                   division_id,
                                                       gint64                   object_id,
                                                       gint64                   supplier_id);

void               impact_summary_cells_init          (ImpactSummaryCells      *cells);
void               impact_summary_cells_clear         (ImpactSummaryCells      *cells);
void               impact_summary_cells_reset         (ImpactSummaryCells      *cells);
ImpactSummaryCell *impact_summary_cells_slot          (ImpactSummaryCells      *cells,
                                                       const ImpactSummaryCell *key);
ImpactSummaryCell *impact_summary_cells_get           (ImpactSummaryCells      *cells,
                                                       const ImpactSummaryCell *key);
guint              impact_summary_cells_sort          (ImpactSummaryCells      *cells);
void               impact_summary_cells_sort_by_month (ImpactSummaryCells      *cells);

G_END_DECLS
