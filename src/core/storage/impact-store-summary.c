/* impact-store-summary.c: the summary tables behind the dashboards
 *
 * spend_summary, node_summary and supplier_month_summary (schema step 6) hold spend per
 * division, object, month, supplier and social class. node_summary is spend_summary summed
 * without the supplier, supplier_month_summary without the division and object, and every
 * change below keeps them so. Lines are classified here, in C, by the rule of
 * impact_social_class_classify() with the statuses valid on each line's day.
 *
 * - An import adds its lines through an accumulator that sums them in memory and adds the
 *   sums to both tables (flushed every SUMMARY_FLUSH_KEYS keys, so memory stays bounded).
 * - Undoing an import subtracts the sums of its lines the same way.
 * - A change to a supplier's statuses marks the supplier dirty (triggers of step 6);
 *   impact_summary_refresh() works its rows out again from its lines.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "impact-store-summary"

#include "config.h"

#include <stdlib.h>

#include "impact-store-summary.h"
#include "model/impact-social-class.h"
#include "util/impact-table-memory.h"

/* Sums kept in memory before they are written (about 90 bytes each). Every write walks the
 * whole summary B-tree: 1,000,000 lines of bench-bulk-insert (about 200,000 sums) take
 * 5.6 s written every 65,536 sums and 2.0 s written once. */
#define SUMMARY_FLUSH_KEYS 262144

typedef struct
{
  gint64 division_id;
  gint64 object_id;
  gint64 supplier_id;
  gint32 month;
  gint32 klass;
  gint64 total_cents;
  gint64 n_lines;
} Cell;

/* The month of a GDate Julian day, by the proleptic Gregorian calendar GDate uses. It runs
 * for every line an import adds; GDate's own conversion (g_date_set_julian() and friends)
 * cost 5% of bench-bulk-insert, this integer arithmetic almost nothing. The algorithm counts
 * days from 1 March of year 0 (306 days before GDate's day 1), so that leap days end a
 * year; see Howard Hinnant, "chrono-Compatible Low-Level Date Algorithms". */
gint32
impact_summary_month_of_day (guint32 day)
{
  gint64 z, era, doe, yoe, doy, mp, year, month;

  if (day == 0)
    return 0;

  z = (gint64) day + 305;
  era = z / 146097;
  doe = z - era * 146097;
  yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  mp = (5 * doy + 2) / 153;
  month = mp < 10 ? mp + 3 : mp - 9;
  year = yoe + era * 400 + (month <= 2);

  return (gint32) (year * 12 + month - 1);
}

static inline guint64
cell_hash (const Cell *cell)
{
  guint64 h = (guint64) cell->division_id;

  h = h * 1000003u ^ (guint64) cell->object_id;
  h = h * 1000003u ^ (guint64) cell->supplier_id;
  h = h * 1000003u ^ (guint64) cell->month;
  h = h * 1000003u ^ (guint64) cell->klass;
  /* The finaliser of MurmurHash3: every bit of the key reaches the low bits, which pick the
   * slot. */
  h ^= h >> 33;
  h *= G_GUINT64_CONSTANT (0xff51afd7ed558ccd);
  h ^= h >> 33;

  return h;
}

static inline gboolean
cell_equal (const Cell *x,
            const Cell *y)
{
  return x->division_id == y->division_id && x->object_id == y->object_id && x->supplier_id == y->supplier_id
         && x->month == y->month && x->klass == y->klass;
}

/* Sums by key, in one array with linear probing: a slot is free while its n_lines is 0 (a
 * sum holds one line at least). Every line of an import adds to one; a GHashTable of
 * allocated cells took three dependent reads for it, this takes one, and the importer
 * fetches it ahead (impact_summary_acc_prefetch()). */
typedef struct
{
  Cell *slots;
  gsize mask;
  guint n_cells;
} CellTable;

static void
cell_table_init (CellTable *table)
{
  table->slots = impact_table_memory_new (64 * sizeof (Cell));
  table->mask = 63;
  table->n_cells = 0;
}

static void
cell_table_clear (CellTable *table)
{
  g_clear_pointer (&table->slots, impact_table_memory_free);
  table->n_cells = 0;
}

static Cell *
cell_table_probe (Cell *slots,
                  gsize mask,
                  const Cell *key)
{
  gsize i = cell_hash (key) & mask;

  while (slots[i].n_lines != 0 && !cell_equal (&slots[i], key))
    i = (i + 1) & mask;

  return &slots[i];
}

/* The sum for @key, a new one at 0 when there is none yet. The table is kept at most 70%
 * full. */
static Cell *
cell_table_get (CellTable *table,
                const Cell *key)
{
  Cell *cell = cell_table_probe (table->slots, table->mask, key);

  if (cell->n_lines != 0)
    return cell;

  if ((guint64) (table->n_cells + 1) * 10 > (guint64) (table->mask + 1) * 7)
    {
      Cell *old = table->slots;
      gsize n_old = table->mask + 1;

      table->mask = n_old * 2 - 1;
      table->slots = impact_table_memory_new (n_old * 2 * sizeof (Cell));
      for (gsize i = 0; i < n_old; i++)
        if (old[i].n_lines != 0)
          *cell_table_probe (table->slots, table->mask, &old[i]) = old[i];
      impact_table_memory_free (old);
      cell = cell_table_probe (table->slots, table->mask, key);
    }

  *cell = *key;
  cell->total_cents = 0;
  cell->n_lines = 0;
  table->n_cells++;

  return cell;
}

struct _ImpactSummaryAcc
{
  ImpactDb *db;
  int sign;
  /* supplier id -> GArray of ImpactStatusPeriod */
  GHashTable *statuses;
  CellTable cells;
  sqlite3_stmt *spend;
  sqlite3_stmt *node;
  sqlite3_stmt *month;
};

/* The order of the summary tables' primary keys. */
static int
compare_cells (const void *a,
               const void *b)
{
  const Cell *x = *(Cell *const *) a, *y = *(Cell *const *) b;

#define CMP(field)          \
  if (x->field != y->field) \
    return x->field < y->field ? -1 : 1;
  CMP (division_id);
  CMP (object_id);
  CMP (month);
  CMP (supplier_id);
  CMP (klass);
#undef CMP

  return 0;
}

static void
periods_free (gpointer data)
{
  g_array_unref (data);
}

/* Every supplier's statuses, as supplier id (gint64 *) -> GArray of ImpactStatusPeriod, for
 * impact_summary_classify(). */
GHashTable *
impact_summary_load_statuses (ImpactDb *db,
                              GError **error)
{
  g_autoptr (GHashTable) statuses = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, periods_free);
  g_autoptr (sqlite3_stmt) stmt = impact_db_prepare (db,
                                                     "SELECT supplier_id, kind, valid_from, valid_until"
                                                     " FROM supplier_statuses",
                                                     error);
  int rc;

  if (stmt == NULL)
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 supplier_id = sqlite3_column_int64 (stmt, 0);
      ImpactStatusPeriod period = { IMPACT_SOCIAL_CLASS_NONE, 0, 0 };
      GArray *periods = g_hash_table_lookup (statuses, &supplier_id);

      /* The CHECK constraint keeps unknown codes out of the table. */
      impact_social_class_from_code ((const char *) sqlite3_column_text (stmt, 1), &period.kind);
      period.valid_from = sqlite3_column_int64 (stmt, 2);
      period.valid_until = sqlite3_column_int64 (stmt, 3);
      if (periods == NULL)
        {
          periods = g_array_new (FALSE, FALSE, sizeof (ImpactStatusPeriod));
          g_hash_table_insert (statuses, g_memdup2 (&supplier_id, sizeof supplier_id), periods);
        }
      g_array_append_val (periods, period);
    }
  if (rc != SQLITE_DONE)
    {
      impact_db_set_error (db, rc, error);
      return NULL;
    }

  return g_steal_pointer (&statuses);
}

/* The class of a supplier's line on @day, with statuses from impact_summary_load_statuses(). */
ImpactSocialClass
impact_summary_classify (GHashTable *statuses,
                         gint64 supplier_id,
                         guint32 day)
{
  GArray *periods = g_hash_table_lookup (statuses, &supplier_id);

  return periods != NULL ? impact_social_class_classify ((const ImpactStatusPeriod *) periods->data, periods->len, day)
                         : IMPACT_SOCIAL_CLASS_NONE;
}

static ImpactSummaryAcc *
acc_new (ImpactDb *db,
         int sign,
         GError **error)
{
  g_autoptr (ImpactSummaryAcc) acc = g_new0 (ImpactSummaryAcc, 1);

  acc->db = db;
  acc->sign = sign;
  cell_table_init (&acc->cells);
  acc->spend = impact_db_prepare (db,
                                  "INSERT INTO spend_summary (division_id, object_id, month, supplier_id, class,"
                                  " total_cents, n_lines) VALUES (:division, :object, :month, :supplier, :class,"
                                  " :total, :n)"
                                  " ON CONFLICT (division_id, object_id, month, supplier_id, class) DO UPDATE"
                                  " SET total_cents = total_cents + excluded.total_cents,"
                                  " n_lines = n_lines + excluded.n_lines",
                                  error);
  if (acc->spend == NULL)
    return NULL;
  acc->node = impact_db_prepare (db,
                                 "INSERT INTO node_summary (division_id, object_id, month, class,"
                                 " total_cents, n_lines) VALUES (:division, :object, :month, :class, :total, :n)"
                                 " ON CONFLICT (division_id, object_id, month, class) DO UPDATE"
                                 " SET total_cents = total_cents + excluded.total_cents,"
                                 " n_lines = n_lines + excluded.n_lines",
                                 error);
  if (acc->node == NULL)
    return NULL;
  acc->month = impact_db_prepare (db,
                                  "INSERT INTO supplier_month_summary (month, supplier_id, class,"
                                  " total_cents, n_lines) VALUES (:month, :supplier, :class, :total, :n)"
                                  " ON CONFLICT (month, supplier_id, class) DO UPDATE"
                                  " SET total_cents = total_cents + excluded.total_cents,"
                                  " n_lines = n_lines + excluded.n_lines",
                                  error);
  if (acc->month == NULL)
    return NULL;
  acc->statuses = impact_summary_load_statuses (db, error);
  if (acc->statuses == NULL)
    return NULL;

  return g_steal_pointer (&acc);
}

/* An accumulator for lines being added, with the statuses as they are now. */
ImpactSummaryAcc *
impact_summary_acc_new (ImpactDb *db,
                        GError **error)
{
  g_return_val_if_fail (db != NULL, NULL);

  return acc_new (db, 1, error);
}

void
impact_summary_acc_free (ImpactSummaryAcc *acc)
{
  if (acc == NULL)
    return;

  g_clear_pointer (&acc->statuses, g_hash_table_unref);
  cell_table_clear (&acc->cells);
  g_clear_pointer (&acc->spend, sqlite3_finalize);
  g_clear_pointer (&acc->node, sqlite3_finalize);
  g_clear_pointer (&acc->month, sqlite3_finalize);
  g_free (acc);
}

static gboolean
step_reset (ImpactDb *db,
            sqlite3_stmt *stmt,
            GError **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      impact_db_set_error (db, rc, error);
      return FALSE;
    }

  return TRUE;
}

/* Adds @cells to a summary table, in its key order so that SQLite walks the B-tree
 * forwards. */
static gboolean
write_cells (ImpactSummaryAcc *acc,
             sqlite3_stmt *stmt,
             const CellTable *cells,
             GError **error)
{
  g_autofree const Cell **sorted = g_new (const Cell *, MAX (cells->n_cells, 1));
  guint n_cells = 0;

  for (gsize i = 0; i <= cells->mask; i++)
    if (cells->slots[i].n_lines != 0)
      sorted[n_cells++] = &cells->slots[i];
  static const char *const names[] = { ":division", ":object", ":month", ":supplier", ":class", ":total", ":n" };
  int index[G_N_ELEMENTS (names)];

  /* The parameters' numbers are looked up once, not for every row: bench-import's 220,000
   * sums took 0.14 s with those look-ups, 0.11 s without. A table without a division or a
   * supplier has no such parameter (0). */
  for (guint p = 0; p < G_N_ELEMENTS (names); p++)
    index[p] = sqlite3_bind_parameter_index (stmt, names[p]);

  qsort (sorted, n_cells, sizeof (Cell *), compare_cells);
  for (guint i = 0; i < n_cells; i++)
    {
      const Cell *cell = sorted[i];
      gint64 values[G_N_ELEMENTS (names)] = { cell->division_id, cell->object_id, cell->month, cell->supplier_id,
                                              cell->klass, acc->sign * cell->total_cents, acc->sign * cell->n_lines };

      for (guint p = 0; p < G_N_ELEMENTS (names); p++)
        if (index[p] > 0)
          sqlite3_bind_int64 (stmt, index[p], values[p]);
      if (!step_reset (acc->db, stmt, error))
        return FALSE;
    }

  return TRUE;
}

/* Adds what was summed so far to the three tables, and starts again from nothing. */
gboolean
impact_summary_acc_write (ImpactSummaryAcc *acc,
                          GError **error)
{
  CellTable nodes, months;
  gboolean ok;

  g_return_val_if_fail (acc != NULL, FALSE);

  cell_table_init (&nodes);
  cell_table_init (&months);
  for (gsize i = 0; i <= acc->cells.mask; i++)
    {
      const Cell *cell = &acc->cells.slots[i];
      Cell node = *cell, month = *cell, *sum;

      if (cell->n_lines == 0)
        continue;
      node.supplier_id = 0;
      sum = cell_table_get (&nodes, &node);
      sum->total_cents += cell->total_cents;
      sum->n_lines += cell->n_lines;
      month.division_id = month.object_id = 0;
      sum = cell_table_get (&months, &month);
      sum->total_cents += cell->total_cents;
      sum->n_lines += cell->n_lines;
    }

  ok = write_cells (acc, acc->spend, &acc->cells, error) && write_cells (acc, acc->node, &nodes, error)
       && write_cells (acc, acc->month, &months, error);
  cell_table_clear (&nodes);
  cell_table_clear (&months);
  if (!ok)
    return FALSE;

  cell_table_clear (&acc->cells);
  cell_table_init (&acc->cells);

  return TRUE;
}

/* The key of a line's sum. */
static inline void
line_cell (ImpactSummaryAcc *acc,
           Cell *key,
           gint64 division_id,
           gint64 object_id,
           gint64 supplier_id,
           guint32 day)
{
  key->division_id = division_id;
  key->object_id = MAX (object_id, 0);
  key->supplier_id = supplier_id;
  key->month = impact_summary_month_of_day (day);
  key->klass = impact_summary_classify (acc->statuses, supplier_id, day);
  key->total_cents = 0;
  key->n_lines = 0;
}

/* Starts fetching the memory the line's impact_summary_acc_add() will need: an importer
 * works out a block of lines first and adds them after. */
void
impact_summary_acc_prefetch (ImpactSummaryAcc *acc,
                             gint64 division_id,
                             gint64 object_id,
                             gint64 supplier_id,
                             guint32 day)
{
  Cell key;
  const Cell *slot;

  g_return_if_fail (acc != NULL);

  line_cell (acc, &key, division_id, object_id, supplier_id, day);
  slot = &acc->cells.slots[cell_hash (&key) & acc->cells.mask];
  /* Here and not in a static function of its own: GCC takes such a function for one without
   * effects (a prefetch has none it knows of) and drops the call. A sum takes 48 bytes, so it
   * may end in the next cache line. */
  __builtin_prefetch (slot);
  __builtin_prefetch ((const char *) (slot + 1) - 1);
}

gboolean
impact_summary_acc_add (ImpactSummaryAcc *acc,
                        gint64 division_id,
                        gint64 object_id,
                        gint64 supplier_id,
                        guint32 day,
                        gint64 amount_cents,
                        GError **error)
{
  Cell key;
  Cell *cell;

  g_return_val_if_fail (acc != NULL, FALSE);

  line_cell (acc, &key, division_id, object_id, supplier_id, day);
  cell = cell_table_get (&acc->cells, &key);
  cell->total_cents += amount_cents;
  cell->n_lines++;

  if (acc->cells.n_cells >= SUMMARY_FLUSH_KEYS)
    return impact_summary_acc_write (acc, error);

  return TRUE;
}

/* Feeds the lines a query selects (division, object, supplier, day, amount) to @acc. */
static gboolean
add_lines (ImpactSummaryAcc *acc,
           sqlite3_stmt *stmt,
           GError **error)
{
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    if (!impact_summary_acc_add (acc, sqlite3_column_int64 (stmt, 0), sqlite3_column_int64 (stmt, 1),
                                 sqlite3_column_int64 (stmt, 2), sqlite3_column_int64 (stmt, 3),
                                 sqlite3_column_int64 (stmt, 4), error))
      return FALSE;
  if (rc != SQLITE_DONE)
    {
      impact_db_set_error (acc->db, rc, error);
      return FALSE;
    }

  return impact_summary_acc_write (acc, error);
}

#define LINE_COLUMNS "division_id, coalesce (object_id, 0), supplier_id, invoice_day, amount_cents"

/* Subtracts the lines of a batch, before they are deleted. The caller holds a transaction. */
gboolean
impact_summary_remove_batch (ImpactDb *db,
                             gint64 batch_id,
                             GError **error)
{
  g_autoptr (ImpactSummaryAcc) acc = NULL;
  g_autoptr (sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (db != NULL, FALSE);

  if (!impact_summary_refresh (db, error))
    return FALSE;

  acc = acc_new (db, -1, error);
  if (acc == NULL)
    return FALSE;
  stmt = impact_db_prepare (db, "SELECT " LINE_COLUMNS " FROM purchase_lines WHERE " IMPACT_BATCH_LINES, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, batch_id);

  return add_lines (acc, stmt, error)
         && impact_db_exec (db,
                            "DELETE FROM spend_summary WHERE n_lines = 0;"
                            "DELETE FROM node_summary WHERE n_lines = 0;"
                            "DELETE FROM supplier_month_summary WHERE n_lines = 0;",
                            error);
}

/* Works the rows of the suppliers whose statuses changed out again from their lines. Runs
 * in a savepoint: inside the caller's transaction, or as one of its own. */
gboolean
impact_summary_refresh (ImpactDb *db,
                        GError **error)
{
  static const char *const steps[] = {
    /* What the suppliers' rows added to the other two tables comes off first... */
    "INSERT INTO node_summary (division_id, object_id, month, class, total_cents, n_lines)"
    " SELECT division_id, object_id, month, class, -sum (total_cents), -sum (n_lines)"
    " FROM spend_summary WHERE supplier_id IN (SELECT supplier_id FROM summary_dirty)"
    " GROUP BY division_id, object_id, month, class"
    " ON CONFLICT (division_id, object_id, month, class) DO UPDATE"
    " SET total_cents = total_cents + excluded.total_cents, n_lines = n_lines + excluded.n_lines",
    "INSERT INTO supplier_month_summary (month, supplier_id, class, total_cents, n_lines)"
    " SELECT month, supplier_id, class, -sum (total_cents), -sum (n_lines)"
    " FROM spend_summary WHERE supplier_id IN (SELECT supplier_id FROM summary_dirty)"
    " GROUP BY month, supplier_id, class"
    " ON CONFLICT (month, supplier_id, class) DO UPDATE"
    " SET total_cents = total_cents + excluded.total_cents, n_lines = n_lines + excluded.n_lines",
    "DELETE FROM spend_summary WHERE supplier_id IN (SELECT supplier_id FROM summary_dirty)",
    "DELETE FROM node_summary WHERE n_lines = 0",
    "DELETE FROM supplier_month_summary WHERE n_lines = 0",
  };
  g_autoptr (ImpactSummaryAcc) acc = NULL;
  g_autoptr (sqlite3_stmt) stmt = NULL;
  gint64 dirty = 0;

  g_return_val_if_fail (db != NULL, FALSE);

  if (!impact_db_query_int (db, "SELECT EXISTS (SELECT 1 FROM summary_dirty)", &dirty, error))
    return FALSE;
  if (!dirty)
    return TRUE;

  if (!impact_db_exec (db, "SAVEPOINT summary_refresh", error))
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    if (!impact_db_exec (db, steps[i], error))
      goto fail;

  /* ...and then their lines, classified with the statuses as they are now, go back in. */
  acc = acc_new (db, 1, error);
  if (acc == NULL)
    goto fail;
  stmt = impact_db_prepare (db,
                            "SELECT " LINE_COLUMNS " FROM purchase_lines"
                            " WHERE supplier_id IN (SELECT supplier_id FROM summary_dirty)",
                            error);
  if (stmt == NULL || !add_lines (acc, stmt, error)
      || !impact_db_exec (db, "DELETE FROM summary_dirty; RELEASE summary_refresh", error))
    goto fail;

  return TRUE;

fail:
  impact_db_exec (db, "ROLLBACK TO summary_refresh; RELEASE summary_refresh", NULL);
  return FALSE;
}
