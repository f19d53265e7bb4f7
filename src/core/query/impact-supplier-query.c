/* impact-supplier-query.c: the suppliers of a period with their spend, and one supplier's detail
 *
 * The list behind the suppliers window (every supplier with its class, spend in the period
 * and engagement) and one supplier's spend per month, divisions and statuses.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "impact-query"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "impact-query-private.h"
#include "storage/impact-store-summary.h"

static void
supplier_row_free (ImpactSupplierRow *row)
{
  g_free (row->name);
  g_free (row->kvk);
  g_free (row);
}

/* Every supplier with its class on @today and its spend in @period (0 when it had none),
 * largest spend first. */
GPtrArray *
impact_query_list_suppliers (ImpactStore *store,
                             const ImpactPeriod *period,
                             guint32 today,
                             GError **error)
{
  ImpactDb *db;
  g_autoptr (ImpactDbStmt) stmt = NULL;
  g_autoptr (ImpactDbStmt) statuses = NULL;
  g_autoptr (GPtrArray) rows = NULL;
  g_autoptr (GHashTable) by_id = NULL;
  ImpactDbStep step;

  g_return_val_if_fail (IMPACT_IS_STORE (store), NULL);
  g_return_val_if_fail (period != NULL, NULL);

  db = impact_store_get_db (store);
  if (!impact_summary_refresh (db, error))
    return NULL;
  stmt = impact_db_stmt_new (db,
                             "SELECT s.id, s.name, s.kvk, coalesce (m.t, 0), e.status, e.target_day FROM suppliers s"
                             " LEFT JOIN (SELECT supplier_id, sum (total_cents) t FROM supplier_month_summary"
                             "  WHERE month BETWEEN ?1 AND ?2 GROUP BY supplier_id) m ON m.supplier_id = s.id"
                             " LEFT JOIN supplier_engagement e ON e.supplier_id = s.id"
                             " ORDER BY 4 DESC, s.name",
                             error);
  if (stmt == NULL)
    return NULL;
  impact_db_stmt_bind_int64 (stmt, 1, period->first_month);
  impact_db_stmt_bind_int64 (stmt, 2, period->last_month);

  rows = g_ptr_array_new_with_free_func ((GDestroyNotify) supplier_row_free);
  by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  while ((step = impact_db_stmt_step (stmt, error)) == IMPACT_DB_ROW)
    {
      ImpactSupplierRow *row = g_new0 (ImpactSupplierRow, 1);

      row->id = impact_db_stmt_get_int64 (stmt, 0);
      row->name = impact_db_stmt_dup_text (stmt, 1);
      row->kvk = impact_db_stmt_dup_text (stmt, 2);
      row->spend_cents = impact_db_stmt_get_int64 (stmt, 3);
      impact_engagement_status_from_code (impact_db_stmt_get_text (stmt, 4), &row->engagement);
      row->target_day = impact_db_stmt_get_int64 (stmt, 5);
      g_ptr_array_add (rows, row);
      g_hash_table_insert (by_id, &row->id, row);
    }
  if (step == IMPACT_DB_ERROR)
    return NULL;

  /* The strongest status valid today decides the class, and its end is shown. */
  statuses = impact_db_stmt_new (db,
                                 "SELECT supplier_id, kind, valid_until FROM supplier_statuses"
                                 " WHERE (valid_from IS NULL OR valid_from <= ?1)"
                                 " AND (valid_until IS NULL OR valid_until >= ?1)",
                                 error);
  if (statuses == NULL)
    return NULL;
  impact_db_stmt_bind_int64 (statuses, 1, today);
  while ((step = impact_db_stmt_step (statuses, error)) == IMPACT_DB_ROW)
    {
      gint64 supplier_id = impact_db_stmt_get_int64 (statuses, 0);
      ImpactSupplierRow *row = g_hash_table_lookup (by_id, &supplier_id);
      ImpactSocialClass kind = IMPACT_SOCIAL_CLASS_NONE;

      impact_social_class_from_code (impact_db_stmt_get_text (statuses, 1), &kind);
      if (row != NULL && kind > row->class_today)
        {
          row->class_today = kind;
          row->valid_until = impact_db_stmt_get_int64 (statuses, 2);
        }
    }
  if (step == IMPACT_DB_ERROR)
    return NULL;

  return g_steal_pointer (&rows);
}

void
impact_supplier_detail_free (ImpactSupplierDetail *detail)
{
  if (detail == NULL)
    return;

  g_clear_pointer (&detail->by_month, g_array_unref);
  g_clear_pointer (&detail->by_node, g_ptr_array_unref);
  g_free (detail);
}

/* Where and when a supplier's spend went in @period. */
ImpactSupplierDetail *
impact_query_supplier_detail (ImpactStore *store,
                              gint64 supplier_id,
                              const ImpactPeriod *period,
                              GError **error)
{
  ImpactDb *db;
  g_autoptr (ImpactSupplierDetail) detail = NULL;
  g_autoptr (ImpactDbStmt) months = NULL;
  g_autoptr (ImpactDbStmt) nodes = NULL;
  ImpactDbStep step;

  g_return_val_if_fail (IMPACT_IS_STORE (store), NULL);
  g_return_val_if_fail (period != NULL, NULL);

  db = impact_store_get_db (store);
  if (!impact_summary_refresh (db, error))
    return NULL;

  detail = g_new0 (ImpactSupplierDetail, 1);
  detail->period = *period;
  detail->by_month = _impact_query_months_new (period);
  detail->by_node = g_ptr_array_new_with_free_func ((GDestroyNotify) _impact_query_child_free);

  months = impact_db_stmt_new (db,
                               "SELECT month, sum (total_cents), coalesce (sum (CASE WHEN " IMPACT_SUMMARY_SOCIAL_SQL " THEN total_cents END), 0)"
                               " FROM supplier_month_summary WHERE month BETWEEN ?1 AND ?2 AND supplier_id = ?3"
                               " GROUP BY month",
                               error);
  if (months == NULL)
    return NULL;
  impact_db_stmt_bind_int64 (months, 1, period->first_month);
  impact_db_stmt_bind_int64 (months, 2, period->last_month);
  impact_db_stmt_bind_int64 (months, 3, supplier_id);
  if (!_impact_query_read_months (months, period, detail->by_month, error))
    return NULL;

  nodes = impact_db_stmt_new (db,
                              "SELECT s.division_id, s.object_id, d.name, o.name, coalesce (o.code, d.code), s.t, s.social"
                              " FROM (SELECT division_id, object_id, sum (total_cents) t,"
                              "  coalesce (sum (CASE WHEN " IMPACT_SUMMARY_SOCIAL_SQL " THEN total_cents END), 0) social FROM spend_summary"
                              "  WHERE supplier_id = ?3 AND month BETWEEN ?1 AND ?2 GROUP BY division_id, object_id) s"
                              " LEFT JOIN nodes d ON d.id = s.division_id LEFT JOIN nodes o ON o.id = s.object_id"
                              " ORDER BY s.t DESC",
                              error);
  if (nodes == NULL)
    return NULL;
  impact_db_stmt_bind_int64 (nodes, 1, period->first_month);
  impact_db_stmt_bind_int64 (nodes, 2, period->last_month);
  impact_db_stmt_bind_int64 (nodes, 3, supplier_id);
  while ((step = impact_db_stmt_step (nodes, error)) == IMPACT_DB_ROW)
    {
      ImpactChildFigures *child = g_new0 (ImpactChildFigures, 1);
      const char *division = impact_db_stmt_get_text (nodes, 2);
      const char *object = impact_db_stmt_get_text (nodes, 3);

      child->node_id = impact_db_stmt_get_int64 (nodes, 1) != 0 ? impact_db_stmt_get_int64 (nodes, 1) : impact_db_stmt_get_int64 (nodes, 0);
      child->code = impact_db_stmt_dup_text (nodes, 4);
      /* Translators: where a supplier's spend went: a division and one of its objects. */
      child->name = object != NULL ? g_strdup_printf (_ ("%s › %s"), division, object) : g_strdup (division);
      child->spend.total_cents = impact_db_stmt_get_int64 (nodes, 5);
      child->spend.social_cents = impact_db_stmt_get_int64 (nodes, 6);
      g_ptr_array_add (detail->by_node, child);
    }
  if (step == IMPACT_DB_ERROR)
    return NULL;

  return g_steal_pointer (&detail);
}
