/* impact-summary-cells.c: the summary's sums in memory, while an import adds them up
 *
 * Every line of an import adds to one sum. A GHashTable of allocated sums took three
 * dependent reads for it; this table takes one, which the importer fetches ahead
 * (impact_summary_cells_slot()). Written out, the same array is sorted in place into the
 * order of each summary table's key: no second table is built beside it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "impact-summary-cells.h"
#include "util/impact-table-memory.h"

#define INITIAL_SLOTS 64
/* The most slots a table takes: room for IMPACT_SUMMARY_CELLS_MAX sums, 70% full. */
#define MAX_SLOTS ((gsize) IMPACT_SUMMARY_CELLS_MAX * 10 / 7 + 1)

G_STATIC_ASSERT (sizeof (ImpactSummaryCell) == 32);

/* Whether a line's ids fit a sum's 32 bits. SQLite hands out ids one above the highest, so
 * they stay far below; a database with larger ones still works, a little slower. */
gboolean
impact_summary_cell_fits (gint64 division_id,
                          gint64 object_id,
                          gint64 supplier_id)
{
  return division_id >= 0 && division_id <= G_MAXUINT32 && object_id >= 0 && object_id <= G_MAXUINT32
         && supplier_id >= 0 && supplier_id <= G_MAXUINT32;
}

/* The class is left out: a supplier's lines of one month nearly always have one class (two
 * when a certificate starts or ends in it, which share a probe), and an importer can then
 * fetch the slot ahead without classifying the line. */
static inline guint64
cell_hash (const ImpactSummaryCell *cell)
{
  guint64 h = cell->division_id;

  h = h * 1000003u ^ cell->object_id;
  h = h * 1000003u ^ cell->supplier_id;
  h = h * 1000003u ^ (guint32) cell->month;
  /* The finaliser of MurmurHash3: every bit of the key reaches the low bits, which pick the
   * slot. */
  h ^= h >> 33;
  h *= G_GUINT64_CONSTANT (0xff51afd7ed558ccd);
  h ^= h >> 33;

  return h;
}

static inline gboolean
cell_equal (const ImpactSummaryCell *x,
            const ImpactSummaryCell *y)
{
  return x->division_id == y->division_id && x->object_id == y->object_id && x->supplier_id == y->supplier_id
         && x->month == y->month && x->klass == y->klass;
}

/* The slot of a hash among @n_slots, by the high half of their product: every slot
 * count works (Lemire's "fastrange"), so that the largest table is no larger than its
 * sums need. */
static inline gsize
slot_of (guint64 hash,
         gsize n_slots)
{
  return (gsize) (((unsigned __int128) hash * n_slots) >> 64);
}

void
impact_summary_cells_init (ImpactSummaryCells *cells)
{
  cells->slots = impact_table_memory_new (INITIAL_SLOTS * sizeof (ImpactSummaryCell));
  cells->n_slots = INITIAL_SLOTS;
  cells->n_cells = 0;
}

void
impact_summary_cells_clear (ImpactSummaryCells *cells)
{
  g_clear_pointer (&cells->slots, impact_table_memory_free);
  cells->n_cells = 0;
}

/* Empties the table and keeps its memory: after one flush the next fills it as far. */
void
impact_summary_cells_reset (ImpactSummaryCells *cells)
{
  memset (cells->slots, 0, cells->n_slots * sizeof (ImpactSummaryCell));
  cells->n_cells = 0;
}

/* The slot where a search for @key starts, to be fetched ahead. */
ImpactSummaryCell *
impact_summary_cells_slot (ImpactSummaryCells *cells,
                           const ImpactSummaryCell *key)
{
  return &cells->slots[slot_of (cell_hash (key), cells->n_slots)];
}

static ImpactSummaryCell *
probe (ImpactSummaryCell *slots,
       gsize n_slots,
       const ImpactSummaryCell *key)
{
  gsize i = slot_of (cell_hash (key), n_slots);

  while (slots[i].n_lines != 0 && !cell_equal (&slots[i], key))
    i = i + 1 < n_slots ? i + 1 : 0;

  return &slots[i];
}

/* The sum for @key, a new one at 0 when there is none yet. */
ImpactSummaryCell *
impact_summary_cells_get (ImpactSummaryCells *cells,
                          const ImpactSummaryCell *key)
{
  ImpactSummaryCell *cell = probe (cells->slots, cells->n_slots, key);

  if (cell->n_lines != 0)
    return cell;

  g_return_val_if_fail (cells->n_cells < IMPACT_SUMMARY_CELLS_MAX, NULL);
  if ((guint64) (cells->n_cells + 1) * 10 > (guint64) cells->n_slots * 7)
    {
      ImpactSummaryCell *old = cells->slots;
      gsize n_old = cells->n_slots;

      cells->n_slots = MIN (n_old * 2, MAX_SLOTS);
      cells->slots = impact_table_memory_new (cells->n_slots * sizeof (ImpactSummaryCell));
      for (gsize i = 0; i < n_old; i++)
        if (old[i].n_lines != 0)
          *probe (cells->slots, cells->n_slots, &old[i]) = old[i];
      impact_table_memory_free (old);
      cell = probe (cells->slots, cells->n_slots, key);
    }

  *cell = *key;
  cell->total_cents = 0;
  cell->n_lines = 0;
  cells->n_cells++;

  return cell;
}

typedef int (*CompareFunc) (const ImpactSummaryCell *x,
                            const ImpactSummaryCell *y);

#define CMP(field)          \
  if (x->field != y->field) \
    return x->field < y->field ? -1 : 1;

/* The order of spend_summary's key, which is node_summary's with the supplier inside. */
static int
compare_spend (const ImpactSummaryCell *x,
               const ImpactSummaryCell *y)
{
  CMP (division_id);
  CMP (object_id);
  CMP (month);
  CMP (supplier_id);
  CMP (klass);

  return 0;
}

/* The order of supplier_month_summary's key. */
static int
compare_month (const ImpactSummaryCell *x,
               const ImpactSummaryCell *y)
{
  CMP (month);
  CMP (supplier_id);
  CMP (klass);
  CMP (division_id);
  CMP (object_id);

  return 0;
}

#undef CMP

static inline void
swap (ImpactSummaryCell *a,
      ImpactSummaryCell *b)
{
  ImpactSummaryCell t = *a;

  *a = *b;
  *b = t;
}

static void
insertion_sort (ImpactSummaryCell *cells,
                gsize n,
                CompareFunc compare)
{
  for (gsize i = 1; i < n; i++)
    {
      ImpactSummaryCell cell = cells[i];
      gsize j = i;

      for (; j > 0 && compare (&cell, &cells[j - 1]) < 0; j--)
        cells[j] = cells[j - 1];
      cells[j] = cell;
    }
}

static void
sift_down (ImpactSummaryCell *cells,
           gsize root,
           gsize n,
           CompareFunc compare)
{
  for (gsize child; (child = 2 * root + 1) < n; root = child)
    {
      if (child + 1 < n && compare (&cells[child], &cells[child + 1]) < 0)
        child++;
      if (compare (&cells[root], &cells[child]) >= 0)
        return;
      swap (&cells[root], &cells[child]);
    }
}

static void
heap_sort (ImpactSummaryCell *cells,
           gsize n,
           CompareFunc compare)
{
  for (gsize i = n / 2; i-- > 0;)
    sift_down (cells, i, n, compare);
  for (gsize end = n; end-- > 1;)
    {
      swap (&cells[0], &cells[end]);
      sift_down (cells, 0, end, compare);
    }
}

/* Sorts in place: qsort() would take a buffer as large as the sums (8 MB of the import's
 * peak at 262,144 sums). Quicksort with the median of three, heapsort where it would go
 * too deep (introsort), insertion sort for short runs. */
static void
sort_cells (ImpactSummaryCell *cells,
            gsize n,
            guint depth,
            CompareFunc compare)
{
  while (n > 16)
    {
      ImpactSummaryCell *mid = &cells[n / 2], *last = &cells[n - 1];
      gsize i = 0, j = n - 1;

      if (depth-- == 0)
        {
          heap_sort (cells, n, compare);
          return;
        }

      /* The median of the first, middle and last goes first, as the pivot. */
      if (compare (mid, cells) < 0)
        swap (mid, cells);
      if (compare (last, mid) < 0)
        {
          swap (last, mid);
          if (compare (mid, cells) < 0)
            swap (mid, cells);
        }
      swap (cells, mid);

      /* Hoare's partition around cells[0]. */
      for (;;)
        {
          while (compare (&cells[++i], cells) < 0)
            ;
          while (compare (cells, &cells[j]) < 0)
            j--;
          if (i >= j)
            break;
          swap (&cells[i], &cells[j]);
        }
      swap (cells, &cells[j]);

      /* The shorter side first, by recursion; the longer one by the loop. */
      if (j < n - j - 1)
        {
          sort_cells (cells, j, depth, compare);
          cells += j + 1;
          n -= j + 1;
        }
      else
        {
          sort_cells (cells + j + 1, n - j - 1, depth, compare);
          n = j;
        }
    }
  insertion_sort (cells, n, compare);
}

static void
sort (ImpactSummaryCell *cells,
      gsize n,
      CompareFunc compare)
{
  sort_cells (cells, n, 2 * g_bit_storage (n), compare);
}

/* Moves the sums to the front of the array, in the order of spend_summary's key, and
 * returns how many there are. The table is no hash table any more until it is reset. */
guint
impact_summary_cells_sort (ImpactSummaryCells *cells)
{
  guint n = 0;

  for (gsize i = 0; i < cells->n_slots; i++)
    if (cells->slots[i].n_lines != 0)
      cells->slots[n++] = cells->slots[i];
  g_assert (n == cells->n_cells);

  sort (cells->slots, n, compare_spend);

  return n;
}

/* After impact_summary_cells_sort(): the sums in the order of supplier_month_summary's key. */
void
impact_summary_cells_sort_by_month (ImpactSummaryCells *cells)
{
  sort (cells->slots, cells->n_cells, compare_month);
}
