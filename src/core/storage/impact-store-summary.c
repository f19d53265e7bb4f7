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

struct _ImpactSummaryAcc
{
  ImpactDb *db;
  int sign;
  /* supplier id -> GArray of ImpactStatusPeriod */
  GHashTable *statuses;
  /* Cell -> itself */
  GHashTable *cells;
  sqlite3_stmt *spend;
  sqlite3_stmt *node;
  sqlite3_stmt *month;
};

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

static guint
cell_hash (gconstpointer data)
{
  const Cell *cell = data;
  guint64 h = (guint64) cell->division_id * 1000003u;

  h = (h ^ (guint64) cell->object_id) * 1000003u;
  h = (h ^ (guint64) cell->supplier_id) * 1000003u;
  h = (h ^ (guint64) cell->month) * 1000003u;
  h = (h ^ (guint64) cell->klass) * 1000003u;

  return (guint) (h ^ (h >> 32));
}

static gboolean
cell_equal (gconstpointer a,
            gconstpointer b)
{
  const Cell *x = a, *y = b;

  return x->division_id == y->division_id && x->object_id == y->object_id && x->supplier_id == y->supplier_id
         && x->month == y->month && x->klass == y->klass;
}

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
  acc->cells = g_hash_table_new_full (cell_hash, cell_equal, g_free, NULL);
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
  g_clear_pointer (&acc->cells, g_hash_table_unref);
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

static void
bind_named (sqlite3_stmt *stmt,
            const char *name,
            gint64 value)
{
  int index = sqlite3_bind_parameter_index (stmt, name);

  if (index > 0)
    sqlite3_bind_int64 (stmt, index, value);
}

/* Adds @cells (a table of Cell) to a summary table, in its key order so that SQLite walks
 * the B-tree forwards. */
static gboolean
write_cells (ImpactSummaryAcc *acc,
             sqlite3_stmt *stmt,
             GHashTable *cells,
             GError **error)
{
  guint n_cells = 0;
  g_autofree Cell **sorted = (Cell **) g_hash_table_get_keys_as_array (cells, &n_cells);

  qsort (sorted, n_cells, sizeof (Cell *), compare_cells);
  for (guint i = 0; i < n_cells; i++)
    {
      const Cell *cell = sorted[i];

      bind_named (stmt, ":division", cell->division_id);
      bind_named (stmt, ":object", cell->object_id);
      bind_named (stmt, ":month", cell->month);
      bind_named (stmt, ":supplier", cell->supplier_id);
      bind_named (stmt, ":class", cell->klass);
      bind_named (stmt, ":total", acc->sign * cell->total_cents);
      bind_named (stmt, ":n", acc->sign * cell->n_lines);
      if (!step_reset (acc->db, stmt, error))
        return FALSE;
    }

  return TRUE;
}

static void
add_to (GHashTable *cells,
        const Cell *key,
        gint64 total_cents,
        gint64 n_lines)
{
  Cell *cell = g_hash_table_lookup (cells, key);

  if (cell == NULL)
    {
      cell = g_memdup2 (key, sizeof *key);
      cell->total_cents = cell->n_lines = 0;
      g_hash_table_add (cells, cell);
    }
  cell->total_cents += total_cents;
  cell->n_lines += n_lines;
}

/* Adds what was summed so far to the three tables, and starts again from nothing. */
gboolean
impact_summary_acc_write (ImpactSummaryAcc *acc,
                          GError **error)
{
  g_autoptr (GHashTable) nodes = NULL;
  g_autoptr (GHashTable) months = NULL;
  GHashTableIter iter;
  Cell *cell;

  g_return_val_if_fail (acc != NULL, FALSE);

  nodes = g_hash_table_new_full (cell_hash, cell_equal, g_free, NULL);
  months = g_hash_table_new_full (cell_hash, cell_equal, g_free, NULL);
  g_hash_table_iter_init (&iter, acc->cells);
  while (g_hash_table_iter_next (&iter, (gpointer *) &cell, NULL))
    {
      Cell node = *cell, month = *cell;

      node.supplier_id = 0;
      add_to (nodes, &node, cell->total_cents, cell->n_lines);
      month.division_id = month.object_id = 0;
      add_to (months, &month, cell->total_cents, cell->n_lines);
    }

  if (!write_cells (acc, acc->spend, acc->cells, error) || !write_cells (acc, acc->node, nodes, error)
      || !write_cells (acc, acc->month, months, error))
    return FALSE;

  g_hash_table_remove_all (acc->cells);

  return TRUE;
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
  Cell key = { 0 };
  Cell *cell;

  g_return_val_if_fail (acc != NULL, FALSE);

  key.division_id = division_id;
  key.object_id = MAX (object_id, 0);
  key.supplier_id = supplier_id;
  key.month = impact_summary_month_of_day (day);
  key.klass = impact_summary_classify (acc->statuses, supplier_id, day);

  cell = g_hash_table_lookup (acc->cells, &key);
  if (cell == NULL)
    {
      cell = g_memdup2 (&key, sizeof key);
      g_hash_table_add (acc->cells, cell);
    }
  cell->total_cents += amount_cents;
  cell->n_lines++;

  if (g_hash_table_size (acc->cells) >= SUMMARY_FLUSH_KEYS)
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
