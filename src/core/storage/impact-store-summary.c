/* impact-store-summary.c: the summary tables behind the dashboards
 *
 * spend_summary, node_summary and supplier_month_summary (schema step 6) hold spend per
 * division, object, month, supplier and social class. node_summary is spend_summary summed
 * without the supplier, supplier_month_summary without the division and object, and every
 * change below keeps them so. Lines are classified here, in C, by the rule of
 * impact_social_class_classify() with the statuses valid on each line's day.
 *
 * - An import adds its lines through an accumulator that sums them in memory and adds the
 *   sums to both tables (flushed every IMPACT_SUMMARY_CELLS_MAX sums, so memory stays bounded).
 * - Undoing an import subtracts the sums of its lines the same way.
 * - A change to a supplier's statuses marks the supplier dirty (triggers of step 6);
 *   impact_summary_refresh() works its rows out again from its lines.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "impact-store-summary"

#include "config.h"

#include <stdlib.h>

#include "impact-db-stmt.h"
#include "impact-store-summary.h"
#include "impact-summary-cells.h"
#include "model/impact-social-class.h"

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

/* The three tables, their columns in the order of their keys. */
typedef enum
{
  TABLE_SPEND,
  TABLE_NODE,
  TABLE_MONTH,
  N_TABLES
} SummaryTable;

/* staged_key: the key's columns in the staging table of flush_staged(). */
static const struct
{
  const char *name;
  const char *key;
  guint n_columns;
  const char *staged_key;
} tables[N_TABLES] = {
  { "spend_summary", "division_id, object_id, month, supplier_id, class", 7, "k1, k2, k3, k4, k5" },
  { "node_summary", "division_id, object_id, month, class", 6, "k1, k2, k3, k4" },
  { "supplier_month_summary", "month, supplier_id, class", 5, "k1, k2, k3" },
};

/* Whether @table is kept by writing to it: supplier_month_summary is a view of spend_summary
 * where the engine derives it (PostgreSQL). */
static gboolean
is_written (ImpactDb *db,
            SummaryTable table)
{
  return table != TABLE_MONTH || !impact_db_derives_supplier_months (db);
}

struct _ImpactSummaryAcc
{
  ImpactDb *db;
  int sign;
  /* supplier id -> GArray of ImpactStatusPeriod */
  GHashTable *statuses;
  ImpactSummaryCells cells;
  ImpactDbStmt *upsert[N_TABLES];
  /* Where the engine can COPY (PostgreSQL), the rows for each table are gathered here in
   * COPY's text form instead, and added in one statement a table (flush_staged()): one
   * upsert a row, each a round trip to the server, took 20 s of the demo's 26. */
  GString *staged[N_TABLES];
};

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
  g_autoptr (ImpactDbStmt) stmt = impact_db_stmt_new (db,
                                                      "SELECT supplier_id, kind, valid_from, valid_until"
                                                      " FROM supplier_statuses",
                                                      error);
  ImpactDbStep step;

  if (stmt == NULL)
    return NULL;

  while ((step = impact_db_stmt_step (stmt, error)) == IMPACT_DB_ROW)
    {
      gint64 supplier_id = impact_db_stmt_get_int64 (stmt, 0);
      ImpactStatusPeriod period = { IMPACT_SOCIAL_CLASS_NONE, 0, 0 };
      GArray *periods = g_hash_table_lookup (statuses, &supplier_id);

      /* The CHECK constraint keeps unknown codes out of the table. */
      impact_social_class_from_code (impact_db_stmt_get_text (stmt, 1), &period.kind);
      period.valid_from = impact_db_stmt_get_int64 (stmt, 2);
      period.valid_until = impact_db_stmt_get_int64 (stmt, 3);
      if (periods == NULL)
        {
          periods = g_array_new (FALSE, FALSE, sizeof (ImpactStatusPeriod));
          g_hash_table_insert (statuses, g_memdup2 (&supplier_id, sizeof supplier_id), periods);
        }
      g_array_append_val (periods, period);
    }
  if (step == IMPACT_DB_ERROR)
    return NULL;

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

/* The upsert of a row into @table: it adds its sums to the row already there. Multi-row
 * upserts (32 rows a statement) took as long in bench-import erp. */
static ImpactDbStmt *
prepare_upsert (ImpactDb *db,
                SummaryTable table,
                GError **error)
{
  g_autoptr (GString) sql = g_string_new (NULL);

  /* Names and numbers from the table above: no data goes into the statement's text. */
  g_string_append_printf (sql, "INSERT INTO %s (%s, total_cents, n_lines) VALUES (?", tables[table].name,
                          tables[table].key);
  for (guint c = 1; c < tables[table].n_columns; c++)
    g_string_append (sql, ", ?");
  /* The row already there is named by its table: PostgreSQL refuses a bare column. */
  g_string_append_printf (sql,
                          ") ON CONFLICT (%s) DO UPDATE SET total_cents = %s.total_cents + excluded.total_cents,"
                          " n_lines = %s.n_lines + excluded.n_lines",
                          tables[table].key, tables[table].name, tables[table].name);

  return impact_db_stmt_new (db, sql->str, error);
}

static ImpactSummaryAcc *
acc_new (ImpactDb *db,
         int sign,
         GError **error)
{
  g_autoptr (ImpactSummaryAcc) acc = g_new0 (ImpactSummaryAcc, 1);

  acc->db = db;
  acc->sign = sign;
  impact_summary_cells_init (&acc->cells);
  for (guint t = 0; t < N_TABLES; t++)
    {
      if (!is_written (db, t))
        continue;
      if (impact_db_can_copy (db))
        {
          acc->staged[t] = g_string_new (NULL);
          continue;
        }
      acc->upsert[t] = prepare_upsert (db, t, error);
      if (acc->upsert[t] == NULL)
        return NULL;
    }
  if (impact_db_can_copy (db)
      && !impact_db_exec (db,
                          "CREATE TEMPORARY TABLE IF NOT EXISTS impact_staged_sums ("
                          " k1 bigint, k2 bigint, k3 bigint, k4 bigint, k5 bigint,"
                          " total_cents bigint, n_lines bigint)",
                          error))
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
  impact_summary_cells_clear (&acc->cells);
  for (guint t = 0; t < N_TABLES; t++)
    {
      g_clear_pointer (&acc->upsert[t], impact_db_stmt_free);
      if (acc->staged[t] != NULL)
        g_string_free (acc->staged[t], TRUE);
    }
  g_free (acc);
}

/* Adds a row to @table: its key columns (@key, in the table's order), then the sums. A
 * table that is not written (is_written()) is left alone. */
static gboolean
add_row (ImpactSummaryAcc *acc,
         SummaryTable table,
         const gint64 *key,
         gint64 total_cents,
         gint64 n_lines,
         GError **error)
{
  ImpactDbStmt *stmt = acc->upsert[table];
  guint n_key = tables[table].n_columns - 2;

  if (!is_written (acc->db, table))
    return TRUE;
  if (acc->staged[table] != NULL)
    {
      GString *out = acc->staged[table];

      for (guint c = 0; c < 5; c++)
        g_string_append_printf (out, "%" G_GINT64_FORMAT "\t", c < n_key ? key[c] : 0);
      g_string_append_printf (out, "%" G_GINT64_FORMAT "\t%" G_GINT64_FORMAT "\n", acc->sign * total_cents,
                              acc->sign * n_lines);
      return TRUE;
    }

  for (guint c = 0; c < n_key; c++)
    impact_db_stmt_bind_int64 (stmt, c + 1, key[c]);
  impact_db_stmt_bind_int64 (stmt, n_key + 1, acc->sign * total_cents);
  impact_db_stmt_bind_int64 (stmt, n_key + 2, acc->sign * n_lines);

  return impact_db_stmt_run (stmt, error);
}

static gboolean
add_spend_row (ImpactSummaryAcc *acc,
               gint64 division_id,
               gint64 object_id,
               gint32 month,
               gint64 supplier_id,
               guint klass,
               gint64 total_cents,
               gint64 n_lines,
               GError **error)
{
  gint64 key[] = { division_id, object_id, month, supplier_id, klass };

  return add_row (acc, TABLE_SPEND, key, total_cents, n_lines, error);
}

/* The node sums of one division, object and month, one per class that has any. */
typedef struct
{
  gint64 division_id;
  gint64 object_id;
  gint32 month;
  gint64 total_cents[IMPACT_N_SOCIAL_CLASSES];
  gint64 n_lines[IMPACT_N_SOCIAL_CLASSES];
} NodeRun;

static gboolean
write_node_run (ImpactSummaryAcc *acc,
                NodeRun *run,
                GError **error)
{
  for (guint k = 0; k < IMPACT_N_SOCIAL_CLASSES; k++)
    {
      gint64 key[] = { run->division_id, run->object_id, run->month, k };

      if (run->n_lines[k] != 0 && !add_row (acc, TABLE_NODE, key, run->total_cents[k], run->n_lines[k], error))
        return FALSE;
      run->n_lines[k] = run->total_cents[k] = 0;
    }

  return TRUE;
}

/* Adds the sums in @cells to the three tables, each in the order of its key, so that SQLite
 * walks the B-trees forwards: sorted by division, object, month and supplier, the sums
 * give spend_summary's rows, and those of one division, object and month together give
 * node_summary's; sorted by month and supplier they give supplier_month_summary's. */
static gboolean
write_cells (ImpactSummaryAcc *acc,
             ImpactSummaryCells *cells,
             GError **error)
{
  const ImpactSummaryCell *sums = cells->slots;
  guint n = impact_summary_cells_sort (cells);
  NodeRun run = { 0 };

  for (guint i = 0; i < n; i++)
    {
      const ImpactSummaryCell *c = &sums[i];

      if (i > 0 && (c->division_id != run.division_id || c->object_id != run.object_id || c->month != run.month)
          && !write_node_run (acc, &run, error))
        return FALSE;
      run.division_id = c->division_id;
      run.object_id = c->object_id;
      run.month = c->month;
      run.total_cents[c->klass] += c->total_cents;
      run.n_lines[c->klass] += c->n_lines;
      if (!add_spend_row (acc, c->division_id, c->object_id, c->month, c->supplier_id, c->klass, c->total_cents,
                          c->n_lines, error))
        return FALSE;
    }
  if (n > 0 && !write_node_run (acc, &run, error))
    return FALSE;

  if (!is_written (acc->db, TABLE_MONTH))
    return TRUE;
  impact_summary_cells_sort_by_month (cells);
  for (guint i = 0; i < n;)
    {
      const ImpactSummaryCell *c = &sums[i];
      gint64 key[] = { c->month, c->supplier_id, c->klass };
      gint64 total_cents = 0, n_lines = 0;

      for (; i < n && sums[i].month == c->month && sums[i].supplier_id == c->supplier_id && sums[i].klass == c->klass; i++)
        {
          total_cents += sums[i].total_cents;
          n_lines += sums[i].n_lines;
        }
      if (!add_row (acc, TABLE_MONTH, key, total_cents, n_lines, error))
        return FALSE;
    }

  return TRUE;
}

/* Adds the rows gathered for each table (add_row()) to it: sent with COPY, summed by key
 * (a line beyond 32 bits may have a row of its own with the same key) and added to the rows
 * there in one statement. Names and numbers from the tables above, no data, go into it. */
static gboolean
flush_staged (ImpactSummaryAcc *acc,
              GError **error)
{
  for (guint t = 0; t < N_TABLES; t++)
    {
      g_autofree char *sql = NULL;
      GString *rows = acc->staged[t];

      if (rows == NULL || rows->len == 0)
        continue;
      sql = g_strdup_printf ("INSERT INTO %s (%s, total_cents, n_lines)"
                             " SELECT %s, sum (total_cents), sum (n_lines) FROM impact_staged_sums"
                             " GROUP BY %s"
                             " ON CONFLICT (%s) DO UPDATE SET total_cents = %s.total_cents + excluded.total_cents,"
                             " n_lines = %s.n_lines + excluded.n_lines",
                             tables[t].name, tables[t].key, tables[t].staged_key, tables[t].staged_key, tables[t].key,
                             tables[t].name, tables[t].name);
      if (!impact_db_exec (acc->db, "TRUNCATE impact_staged_sums", error)
          || !impact_db_copy_in (acc->db, "COPY impact_staged_sums FROM STDIN", rows->str, rows->len, error)
          || !impact_db_exec (acc->db, sql, error))
        return FALSE;
      g_string_truncate (rows, 0);
    }

  return TRUE;
}

/* Adds what was summed so far to the three tables, and starts again from nothing. */
gboolean
impact_summary_acc_write (ImpactSummaryAcc *acc,
                          GError **error)
{
  gboolean ok;

  g_return_val_if_fail (acc != NULL, FALSE);

  ok = write_cells (acc, &acc->cells, error) && flush_staged (acc, error);
  impact_summary_cells_reset (&acc->cells);

  return ok;
}

/* The key of a line's sum, but for its class: the slot does not depend on it
 * (impact_summary_cells_slot()), so the prefetch need not classify the line. */
static inline void
line_cell (ImpactSummaryCell *key,
           gint64 division_id,
           gint64 object_id,
           gint64 supplier_id,
           guint32 day)
{
  key->division_id = (guint32) division_id;
  key->object_id = (guint32) MAX (object_id, 0);
  key->supplier_id = (guint32) supplier_id;
  key->month = impact_summary_month_of_day (day);
  key->klass = 0;
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
  ImpactSummaryCell key;

  g_return_if_fail (acc != NULL);

  line_cell (&key, division_id, object_id, supplier_id, day);
  /* Here and not in a static function of its own: GCC takes such a function for one without
   * effects (a prefetch has none it knows of) and drops the call. */
  __builtin_prefetch (impact_summary_cells_slot (&acc->cells, &key));
}

/* A line whose ids do not fit a sum goes to the tables at once, by itself. */
static gboolean
add_wide_line (ImpactSummaryAcc *acc,
               gint64 division_id,
               gint64 object_id,
               gint64 supplier_id,
               guint32 day,
               gint64 amount_cents,
               GError **error)
{
  gint32 month = impact_summary_month_of_day (day);
  guint klass = impact_summary_classify (acc->statuses, supplier_id, day);
  gint64 node[] = { division_id, MAX (object_id, 0), month, klass };
  gint64 by_month[] = { month, supplier_id, klass };

  return add_spend_row (acc, division_id, MAX (object_id, 0), month, supplier_id, klass, amount_cents, 1, error)
         && add_row (acc, TABLE_NODE, node, amount_cents, 1, error)
         && add_row (acc, TABLE_MONTH, by_month, amount_cents, 1, error);
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
  ImpactSummaryCell key;
  ImpactSummaryCell *cell;

  g_return_val_if_fail (acc != NULL, FALSE);

  if (G_UNLIKELY (!impact_summary_cell_fits (division_id, MAX (object_id, 0), supplier_id)))
    return add_wide_line (acc, division_id, object_id, supplier_id, day, amount_cents, error);

  line_cell (&key, division_id, object_id, supplier_id, day);
  key.klass = impact_summary_classify (acc->statuses, supplier_id, day);
  cell = impact_summary_cells_get (&acc->cells, &key);
  cell->total_cents += amount_cents;
  cell->n_lines++;

  /* A sum's count stops at 2^32 - 1 lines: then it is written, as when the table is full. */
  if (acc->cells.n_cells >= IMPACT_SUMMARY_CELLS_MAX || cell->n_lines == G_MAXUINT32)
    return impact_summary_acc_write (acc, error);

  return TRUE;
}

/* Feeds the lines a query selects (division, object, supplier, day, amount) to @acc. */
static gboolean
add_lines (ImpactSummaryAcc *acc,
           ImpactDbStmt *stmt,
           GError **error)
{
  ImpactDbStep step;

  while ((step = impact_db_stmt_step (stmt, error)) == IMPACT_DB_ROW)
    if (!impact_summary_acc_add (acc, impact_db_stmt_get_int64 (stmt, 0), impact_db_stmt_get_int64 (stmt, 1),
                                 impact_db_stmt_get_int64 (stmt, 2), impact_db_stmt_get_int64 (stmt, 3),
                                 impact_db_stmt_get_int64 (stmt, 4), error))
      return FALSE;
  if (step == IMPACT_DB_ERROR)
    return FALSE;

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
  g_autoptr (ImpactDbStmt) stmt = NULL;

  g_return_val_if_fail (db != NULL, FALSE);

  if (!impact_summary_refresh (db, error))
    return FALSE;

  acc = acc_new (db, -1, error);
  if (acc == NULL)
    return FALSE;
  stmt = impact_db_stmt_new (db, "SELECT " LINE_COLUMNS " FROM purchase_lines WHERE " IMPACT_BATCH_LINES, error);
  if (stmt == NULL)
    return FALSE;
  impact_db_stmt_bind_int64 (stmt, 1, batch_id);

  return add_lines (acc, stmt, error)
         && impact_db_exec (db, "DELETE FROM spend_summary WHERE n_lines = 0; DELETE FROM node_summary WHERE n_lines = 0;",
                            error)
         && (!is_written (db, TABLE_MONTH)
             || impact_db_exec (db, "DELETE FROM supplier_month_summary WHERE n_lines = 0", error));
}

/* Works the rows of the suppliers whose statuses changed out again from their lines. Runs
 * in a savepoint: inside the caller's transaction, or as one of its own. */
gboolean
impact_summary_refresh (ImpactDb *db,
                        GError **error)
{
  /* Each with the table it writes. */
  static const struct
  {
    SummaryTable table;
    const char *sql;
  } steps[] = {
    /* What the suppliers' rows added to the other two tables comes off first... */
    { TABLE_NODE, "INSERT INTO node_summary (division_id, object_id, month, class, total_cents, n_lines)"
                  " SELECT division_id, object_id, month, class, -sum (total_cents), -sum (n_lines)"
                  " FROM spend_summary WHERE supplier_id IN (SELECT supplier_id FROM summary_dirty)"
                  " GROUP BY division_id, object_id, month, class"
                  " ON CONFLICT (division_id, object_id, month, class) DO UPDATE"
                  " SET total_cents = node_summary.total_cents + excluded.total_cents,"
                  " n_lines = node_summary.n_lines + excluded.n_lines" },
    { TABLE_MONTH, "INSERT INTO supplier_month_summary (month, supplier_id, class, total_cents, n_lines)"
                   " SELECT month, supplier_id, class, -sum (total_cents), -sum (n_lines)"
                   " FROM spend_summary WHERE supplier_id IN (SELECT supplier_id FROM summary_dirty)"
                   " GROUP BY month, supplier_id, class"
                   " ON CONFLICT (month, supplier_id, class) DO UPDATE"
                   " SET total_cents = supplier_month_summary.total_cents + excluded.total_cents,"
                   " n_lines = supplier_month_summary.n_lines + excluded.n_lines" },
    { TABLE_SPEND, "DELETE FROM spend_summary WHERE supplier_id IN (SELECT supplier_id FROM summary_dirty)" },
    { TABLE_NODE, "DELETE FROM node_summary WHERE n_lines = 0" },
    { TABLE_MONTH, "DELETE FROM supplier_month_summary WHERE n_lines = 0" },
  };
  g_autoptr (ImpactSummaryAcc) acc = NULL;
  g_autoptr (ImpactDbStmt) stmt = NULL;
  gint64 dirty = 0;

  g_return_val_if_fail (db != NULL, FALSE);

  if (!impact_db_query_int (db, "SELECT EXISTS (SELECT 1 FROM summary_dirty)", &dirty, error))
    return FALSE;
  if (!dirty)
    return TRUE;

  if (!impact_db_begin (db, error))
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    if (is_written (db, steps[i].table) && !impact_db_exec (db, steps[i].sql, error))
      goto fail;

  /* ...and then their lines, classified with the statuses as they are now, go back in. */
  acc = acc_new (db, 1, error);
  if (acc == NULL)
    goto fail;
  stmt = impact_db_stmt_new (db,
                             "SELECT " LINE_COLUMNS " FROM purchase_lines"
                             " WHERE supplier_id IN (SELECT supplier_id FROM summary_dirty)",
                             error);
  if (stmt == NULL || !add_lines (acc, stmt, error)
      || !impact_db_exec (db, "DELETE FROM summary_dirty", error) || !impact_db_commit (db, error))
    goto fail;

  return TRUE;

fail:
  impact_db_rollback (db);
  return FALSE;
}
