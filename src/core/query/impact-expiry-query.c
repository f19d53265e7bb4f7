/* impact-expiry-query.c: the certificates that end soon, with the spend at risk, and the notices not yet given
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "impact-query"

#include "config.h"

#include "impact-impact-query.h"
#include "storage/impact-db-stmt.h"
#include "storage/impact-store-summary.h"

void
impact_expiring_free (ImpactExpiring *expiring)
{
  g_free (expiring->supplier);
  g_free (expiring->kvk);
  g_free (expiring);
}

/* What @node (NULL: the group) bought per supplier in the months @first to @last, as
 * supplier id -> gint64 cents. */
static GHashTable *
spend_per_supplier (ImpactDb *db,
                    const ImpactNode *node,
                    gint32 first,
                    gint32 last,
                    GError **error)
{
  g_autoptr (GHashTable) spend = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  g_autoptr (ImpactDbStmt) stmt = NULL;
  ImpactDbStep step;

  if (node == NULL || node->level == IMPACT_NODE_GROUP)
    stmt = impact_db_stmt_new (db,
                               "SELECT supplier_id, sum (total_cents) FROM supplier_month_summary"
                               " WHERE month BETWEEN ?1 AND ?2 GROUP BY supplier_id",
                               error);
  else
    stmt = impact_db_stmt_new (db,
                               "SELECT supplier_id, sum (total_cents) FROM spend_summary"
                               " WHERE division_id = ?3 AND (?4 = 0 OR object_id = ?4) AND month BETWEEN ?1 AND ?2"
                               " GROUP BY supplier_id",
                               error);
  if (stmt == NULL)
    return NULL;
  impact_db_stmt_bind_int64 (stmt, 1, first);
  impact_db_stmt_bind_int64 (stmt, 2, last);
  if (node != NULL && node->level != IMPACT_NODE_GROUP)
    {
      impact_db_stmt_bind_int64 (stmt, 3, node->level == IMPACT_NODE_DIVISION ? node->id : node->parent_id);
      impact_db_stmt_bind_int64 (stmt, 4, node->level == IMPACT_NODE_OBJECT ? node->id : 0);
    }

  while ((step = impact_db_stmt_step (stmt, error)) == IMPACT_DB_ROW)
    {
      gint64 supplier_id = impact_db_stmt_get_int64 (stmt, 0);
      gint64 cents = impact_db_stmt_get_int64 (stmt, 1);

      g_hash_table_insert (spend, g_memdup2 (&supplier_id, sizeof supplier_id), g_memdup2 (&cents, sizeof cents));
    }
  if (step == IMPACT_DB_ERROR)
    return NULL;

  return g_steal_pointer (&spend);
}

/* Certificates and other social statuses (not the aspirant status) ending between
 * @days_past before @today and @days_ahead after it, soonest first, unless another social
 * status of the supplier takes over the next day (a renewed certificate). The spend at risk
 * is what @node (NULL: the group) bought there in the 12 months up to and including today's
 * month; for a division or object, suppliers it did not buy from are left out. */
GPtrArray *
impact_query_list_expiring (ImpactStore *store,
                            const ImpactNode *node,
                            guint32 today,
                            guint days_past,
                            guint days_ahead,
                            GError **error)
{
  ImpactDb *db;
  g_autoptr (ImpactDbStmt) stmt = NULL;
  g_autoptr (GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) impact_expiring_free);
  g_autoptr (GHashTable) spend = NULL;
  gint32 month;
  ImpactDbStep step;

  g_return_val_if_fail (IMPACT_IS_STORE (store), NULL);

  db = impact_store_get_db (store);
  month = impact_summary_month_of_day (today);
  if (!impact_summary_refresh (db, error))
    return NULL;
  spend = spend_per_supplier (db, node, month - 11, month, error);
  if (spend == NULL)
    return NULL;

  stmt = impact_db_stmt_new (db,
                             "SELECT t.id, t.supplier_id, s.name, s.kvk, t.kind, t.valid_until"
                             " FROM supplier_statuses t JOIN suppliers s ON s.id = t.supplier_id"
                             " WHERE t.kind <> 'pso-aspirant' AND t.valid_until BETWEEN ?1 AND ?2"
                             " AND NOT EXISTS (SELECT 1 FROM supplier_statuses n WHERE n.supplier_id = t.supplier_id"
                             "   AND n.id <> t.id AND n.kind <> 'pso-aspirant'"
                             "   AND coalesce (n.valid_from, 0) <= t.valid_until + 1"
                             "   AND coalesce (n.valid_until, t.valid_until + 1) >= t.valid_until + 1)"
                             " ORDER BY t.valid_until, s.name",
                             error);
  if (stmt == NULL)
    return NULL;
  impact_db_stmt_bind_int64 (stmt, 1, (gint64) today - days_past);
  impact_db_stmt_bind_int64 (stmt, 2, (gint64) today + days_ahead);

  while ((step = impact_db_stmt_step (stmt, error)) == IMPACT_DB_ROW)
    {
      gint64 supplier_id = impact_db_stmt_get_int64 (stmt, 1);
      const gint64 *cents = g_hash_table_lookup (spend, &supplier_id);
      ImpactExpiring *expiring;

      if (cents == NULL && node != NULL && node->level != IMPACT_NODE_GROUP)
        continue;

      expiring = g_new0 (ImpactExpiring, 1);
      expiring->status_id = impact_db_stmt_get_int64 (stmt, 0);
      expiring->supplier_id = supplier_id;
      expiring->supplier = impact_db_stmt_dup_text (stmt, 2);
      expiring->kvk = impact_db_stmt_dup_text (stmt, 3);
      impact_social_class_from_code (impact_db_stmt_get_text (stmt, 4), &expiring->kind);
      expiring->valid_until = impact_db_stmt_get_int64 (stmt, 5);
      expiring->spend_at_risk_cents = cents != NULL ? *cents : 0;
      g_ptr_array_add (list, expiring);
    }
  if (step == IMPACT_DB_ERROR)
    return NULL;

  return g_steal_pointer (&list);
}

ImpactExpiring *
impact_expiring_copy (const ImpactExpiring *item)
{
  ImpactExpiring *copy = g_memdup2 (item, sizeof *item);

  copy->supplier = g_strdup (item->supplier);
  copy->kvk = g_strdup (item->kvk);
  return copy;
}

/* Of @expiring (as impact_query_list_expiring() gives it), those ending within @days before or
 * after @today that the user has not been told about yet; they are marked as told. */
GPtrArray *
impact_query_take_expiry_notices (ImpactStore *store,
                                  GPtrArray *expiring,
                                  guint32 today,
                                  guint days,
                                  GError **error)
{
  ImpactDb *db;
  g_autoptr (GPtrArray) news = g_ptr_array_new_with_free_func ((GDestroyNotify) impact_expiring_free);
  g_autoptr (ImpactDbStmt) stmt = NULL;

  g_return_val_if_fail (IMPACT_IS_STORE (store), NULL);
  g_return_val_if_fail (expiring != NULL, NULL);

  db = impact_store_get_db (store);
  stmt = impact_db_stmt_new (db, "INSERT INTO expiry_notices (status_id, noticed_at) VALUES (?, ?)"
                                 " ON CONFLICT (status_id) DO NOTHING",
                             error);
  if (stmt == NULL || !impact_store_begin (store, error))
    return NULL;

  for (guint i = 0; i < expiring->len; i++)
    {
      const ImpactExpiring *item = g_ptr_array_index (expiring, i);

      if ((gint64) item->valid_until + days < today || item->valid_until > (gint64) today + days)
        continue;
      impact_db_stmt_bind_int64 (stmt, 1, item->status_id);
      impact_db_stmt_bind_int64 (stmt, 2, g_get_real_time () / G_USEC_PER_SEC);
      if (!impact_db_stmt_run (stmt, error))
        {
          impact_store_rollback (store);
          return NULL;
        }
      if (impact_db_stmt_get_changes (stmt) == 1)
        g_ptr_array_add (news, impact_expiring_copy (item));
    }
  if (!impact_store_commit (store, error))
    {
      impact_store_rollback (store);
      return NULL;
    }

  return g_steal_pointer (&news);
}

/* What @node (NULL: the group) bought at one supplier in the 12 months up to and including
 * @today's month. */
gboolean
impact_query_supplier_spend_12_months (ImpactStore *store,
                                       gint64 supplier_id,
                                       const ImpactNode *node,
                                       guint32 today,
                                       gint64 *cents,
                                       GError **error)
{
  ImpactDb *db;
  g_autoptr (ImpactDbStmt) stmt = NULL;
  gint32 month = impact_summary_month_of_day (today);

  g_return_val_if_fail (IMPACT_IS_STORE (store), FALSE);
  g_return_val_if_fail (cents != NULL, FALSE);

  db = impact_store_get_db (store);
  if (!impact_summary_refresh (db, error))
    return FALSE;
  if (node == NULL || node->level == IMPACT_NODE_GROUP)
    stmt = impact_db_stmt_new (db,
                               "SELECT coalesce (sum (total_cents), 0) FROM supplier_month_summary"
                               " WHERE supplier_id = ?1 AND month BETWEEN ?2 AND ?3",
                               error);
  else
    stmt = impact_db_stmt_new (db,
                               "SELECT coalesce (sum (total_cents), 0) FROM spend_summary"
                               " WHERE division_id = ?4 AND (?5 = 0 OR object_id = ?5) AND supplier_id = ?1"
                               " AND month BETWEEN ?2 AND ?3",
                               error);
  if (stmt == NULL)
    return FALSE;
  impact_db_stmt_bind_int64 (stmt, 1, supplier_id);
  impact_db_stmt_bind_int64 (stmt, 2, month - 11);
  impact_db_stmt_bind_int64 (stmt, 3, month);
  if (node != NULL && node->level != IMPACT_NODE_GROUP)
    {
      impact_db_stmt_bind_int64 (stmt, 4, node->level == IMPACT_NODE_DIVISION ? node->id : node->parent_id);
      impact_db_stmt_bind_int64 (stmt, 5, node->level == IMPACT_NODE_OBJECT ? node->id : 0);
    }

  if (!impact_db_stmt_step_row (stmt, error))
    return FALSE;
  *cents = impact_db_stmt_get_int64 (stmt, 0);

  return TRUE;
}
