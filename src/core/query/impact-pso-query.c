/* impact-pso-query.c: the PSO contribution a division or the group makes through its purchases, estimated
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "impact-query"

#include "config.h"

#include "impact-impact-query.h"
#include "model/impact-format.h"
#include "storage/impact-store-sroi.h"
#include "storage/impact-db-stmt.h"
#include "storage/impact-store-summary.h"

static void
pso_row_free (ImpactPsoRow *row)
{
  g_free (row->name);
  g_free (row->kvk);
  g_free (row);
}

void
impact_pso_figures_free (ImpactPsoFigures *figures)
{
  if (figures == NULL)
    return;
  g_ptr_array_unref (figures->suppliers);
  g_free (figures);
}

/* The organisation's own FTE and direct share; for the group without its own, the sum of
 * its divisions' FTE and their FTE-weighted direct share. */
static gboolean
organisation_inputs (ImpactStore *store,
                     const ImpactNode *node,
                     ImpactPsoFigures *figures,
                     GError **error)
{
  g_autoptr (GPtrArray) divisions = NULL;
  double weighted = 0;

  if (!impact_store_get_pso_organisation (store, node->id, &figures->fte, &figures->direct_share, error))
    return FALSE;
  if (node->level != IMPACT_NODE_GROUP || figures->fte > 0)
    return TRUE;

  divisions = impact_store_list_nodes (store, IMPACT_NODE_DIVISION, error);
  if (divisions == NULL)
    return FALSE;
  for (guint i = 0; i < divisions->len; i++)
    {
      const ImpactNode *division = g_ptr_array_index (divisions, i);
      double fte, direct;

      if (!impact_store_get_pso_organisation (store, division->id, &fte, &direct, error))
        return FALSE;
      figures->fte += fte;
      weighted += fte * direct;
    }
  figures->direct_share = figures->fte > 0 ? weighted / figures->fte : 0;

  return TRUE;
}

/* The estimated PSO contribution of a division's (or the group's) purchases in @period. */
ImpactPsoFigures *
impact_query_pso (ImpactStore *store,
                  const ImpactNode *node,
                  const ImpactPeriod *period,
                  GError **error)
{
  ImpactDb *db;
  g_autoptr (ImpactPsoFigures) figures = g_new0 (ImpactPsoFigures, 1);
  g_autoptr (ImpactDbStmt) stmt = NULL;
  g_autoptr (GArray) inputs = g_array_new (FALSE, FALSE, sizeof (ImpactPsoSupplier));
  guint32 period_end;
  ImpactDbStep step;

  g_return_val_if_fail (IMPACT_IS_STORE (store), NULL);
  g_return_val_if_fail (node != NULL && node->level != IMPACT_NODE_OBJECT, NULL);
  g_return_val_if_fail (period != NULL, NULL);

  db = impact_store_get_db (store);
  figures->suppliers = g_ptr_array_new_with_free_func ((GDestroyNotify) pso_row_free);
  period_end = impact_day_from_ymd (period->last_month / 12, period->last_month % 12 + 1, 1);
  if (!impact_summary_refresh (db, error) || !organisation_inputs (store, node, figures, error)
      || !impact_store_get_pso_norms (store, period_end, &figures->norms, error))
    return NULL;

  /* Spend per supplier and class in the period; only the spend in a PSO or SW class counts
   * (a certificate that started part way through the period counts from its start). */
  stmt = impact_db_stmt_new (db,
                             node->level == IMPACT_NODE_GROUP
                                 ? "SELECT m.supplier_id, m.class, sum (m.total_cents), s.name, s.kvk,"
                                   " p.turnover_cents, p.fte, p.direct_share"
                                   " FROM supplier_month_summary m JOIN suppliers s ON s.id = m.supplier_id"
                                   " LEFT JOIN pso_suppliers p ON p.supplier_id = m.supplier_id"
                                   " WHERE m.month BETWEEN ?1 AND ?2"
                                   " GROUP BY m.supplier_id, m.class, s.id, p.supplier_id ORDER BY m.supplier_id, m.class DESC"
                                 : "SELECT m.supplier_id, m.class, sum (m.total_cents), s.name, s.kvk,"
                                   " p.turnover_cents, p.fte, p.direct_share"
                                   " FROM spend_summary m JOIN suppliers s ON s.id = m.supplier_id"
                                   " LEFT JOIN pso_suppliers p ON p.supplier_id = m.supplier_id"
                                   " WHERE m.division_id = ?3 AND m.month BETWEEN ?1 AND ?2"
                                   " GROUP BY m.supplier_id, m.class, s.id, p.supplier_id ORDER BY m.supplier_id, m.class DESC",
                             error);
  if (stmt == NULL)
    return NULL;
  impact_db_stmt_bind_int64 (stmt, 1, period->first_month);
  impact_db_stmt_bind_int64 (stmt, 2, period->last_month);
  if (node->level == IMPACT_NODE_DIVISION)
    impact_db_stmt_bind_int64 (stmt, 3, node->id);

  while ((step = impact_db_stmt_step (stmt, error)) == IMPACT_DB_ROW)
    {
      gint64 supplier_id = impact_db_stmt_get_int64 (stmt, 0);
      int klass = (int) impact_db_stmt_get_int64 (stmt, 1);
      ImpactPsoRow *row = figures->suppliers->len > 0 ? g_ptr_array_index (figures->suppliers, figures->suppliers->len - 1)
                                                      : NULL;

      if (!impact_social_class_counts_for_pso (klass))
        continue;
      if (row == NULL || row->supplier_id != supplier_id)
        {
          row = g_new0 (ImpactPsoRow, 1);
          row->supplier_id = supplier_id;
          row->klass = klass;
          row->name = impact_db_stmt_dup_text (stmt, 3);
          row->kvk = impact_db_stmt_dup_text (stmt, 4);
          row->data.turnover_cents = impact_db_stmt_get_int64 (stmt, 5);
          row->data.fte = impact_db_stmt_get_double (stmt, 6);
          row->data.direct_share = impact_db_stmt_get_double (stmt, 7);
          g_ptr_array_add (figures->suppliers, row);
        }
      row->data.spend_cents += impact_db_stmt_get_int64 (stmt, 2);
    }
  if (step == IMPACT_DB_ERROR)
    return NULL;

  for (guint i = 0; i < figures->suppliers->len; i++)
    {
      ImpactPsoRow *row = g_ptr_array_index (figures->suppliers, i);

      row->indirect_fte = impact_pso_supplier_fte (&row->data);
      if (row->data.turnover_cents <= 0)
        figures->n_without_data++;
      g_array_append_val (inputs, row->data);
    }

  impact_pso_estimate (&figures->estimate, figures->fte, figures->direct_share,
                       (const ImpactPsoSupplier *) (void *) inputs->data, inputs->len,
                       impact_pso_fte_per_euro ((const ImpactPsoSupplier *) (void *) inputs->data, inputs->len),
                       &figures->norms);

  return g_steal_pointer (&figures);
}
