/* impact-store-dump.c: every row of a table, in plain values, for a dataset's export
 *
 * The export (src/core/export) writes a dataset without knowing the database: the store
 * reads each table in a fixed order and hands its rows over as plain values.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "impact-store"

#include "config.h"

#include "impact-store-dump.h"
#include "impact-store-private.h"

#define NODE_LEVEL_SQL "CASE n.level WHEN 0 THEN 'group' WHEN 1 THEN 'division' ELSE 'object' END"

/* By ImpactDumpTable. */
static const char *const dump_sql[] = {
  "SELECT id, name, kvk, vat_id, erp_id FROM suppliers ORDER BY id",
  "SELECT l.invoice_day, 's' || l.supplier_id, d.code, o.code, l.amount_cents,"
  " l.invoice_number, l.category, l.gl_account, l.description FROM purchase_lines l"
  " JOIN nodes d ON d.id = l.division_id LEFT JOIN nodes o ON o.id = l.object_id"
  " ORDER BY l.id",
  "SELECT " NODE_LEVEL_SQL ", n.code, t.share FROM share_targets t JOIN nodes n ON n.id = t.node_id"
  " ORDER BY n.level, n.code",
  "SELECT n.code, o.kind, o.percent, o.cap_cents, o.fixed_cents, o.own_social_factor, o.rule_set"
  " FROM sroi_obligations o JOIN nodes n ON n.id = o.object_id ORDER BY n.code",
  "SELECT n.code, e.day, e.amount_cents, e.description FROM sroi_entries e"
  " JOIN nodes n ON n.id = e.object_id ORDER BY e.id",
  "SELECT " NODE_LEVEL_SQL ", n.code, p.fte, p.direct_share FROM pso_organisation p"
  " JOIN nodes n ON n.id = p.node_id ORDER BY n.level, n.code",
  "SELECT 's' || supplier_id, turnover_cents, fte, direct_share FROM pso_suppliers ORDER BY supplier_id",
  "SELECT valid_from, trede, share FROM pso_norms ORDER BY valid_from, trede",
};

#define MAX_COLUMNS 9

/* Runs @table's query and calls @func with each row. */
gboolean
impact_store_dump (ImpactStore *self,
                   ImpactDumpTable table,
                   ImpactDumpFunc func,
                   gpointer user_data,
                   GError **error)
{
  g_autoptr (ImpactDbStmt) stmt = NULL;
  ImpactDbStep step;
  guint n_columns;

  g_return_val_if_fail (IMPACT_IS_STORE (self), FALSE);
  g_return_val_if_fail ((guint) table < G_N_ELEMENTS (dump_sql), FALSE);
  g_return_val_if_fail (func != NULL, FALSE);

  stmt = impact_db_stmt_new (self->db, dump_sql[table], error);
  if (stmt == NULL)
    return FALSE;
  while ((step = impact_db_stmt_step (stmt, error)) == IMPACT_DB_ROW)
    {
      ImpactValue values[MAX_COLUMNS];

      /* Known once the statement has run (PostgreSQL's result). */
      n_columns = impact_db_stmt_get_n_columns (stmt);
      g_assert (n_columns <= MAX_COLUMNS);
      for (guint c = 0; c < n_columns; c++)
        impact_db_stmt_get_value (stmt, c, &values[c]);
      if (!func (values, n_columns, user_data, error))
        return FALSE;
    }

  return step == IMPACT_DB_DONE;
}
