/* impact-impact-query.c: social return per contract, the PSO estimate and expiring
 * certificates
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "impact-query"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "impact-impact-query.h"
#include "model/impact-format.h"
#include "storage/impact-store-sroi.h"
#include "storage/impact-store-summary.h"

static void
sroi_row_free (ImpactSroiRow *row)
{
  impact_node_free (row->object);
  g_free (row->division_code);
  g_free (row->division_name);
  impact_sroi_obligation_clear (&row->obligation);
  impact_sroi_rules_clear (&row->rules);
  g_free (row);
}

void
impact_sroi_overview_free (ImpactSroiOverview *overview)
{
  if (overview == NULL)
    return;
  g_ptr_array_unref (overview->rows);
  g_free (overview);
}

static gboolean
is_first_of_month (guint32 day)
{
  return impact_summary_month_of_day (day - 1) != impact_summary_month_of_day (day);
}

static gboolean
is_last_of_month (guint32 day)
{
  return impact_summary_month_of_day (day + 1) != impact_summary_month_of_day (day);
}

/* The months wholly inside the object's contract; the summary tables give their spend. The
 * months the contract starts or ends in part way come from the lines themselves. */
static void
full_months (const ImpactNode *object,
             gint32 *first,
             gint32 *last)
{
  *first = G_MININT32;
  *last = G_MAXINT32;
  if (object->contract_start != 0)
    *first = impact_summary_month_of_day (object->contract_start) + (is_first_of_month (object->contract_start) ? 0 : 1);
  if (object->contract_end != 0)
    *last = impact_summary_month_of_day (object->contract_end) - (is_last_of_month (object->contract_end) ? 0 : 1);
}

static gboolean
in_contract (const ImpactNode *object,
             guint32 day)
{
  return (object->contract_start == 0 || day >= object->contract_start)
         && (object->contract_end == 0 || day <= object->contract_end);
}

/* Spend per class within each contract: whole months from node_summary, the months a
 * contract starts or ends in from one pass over the lines of those objects (there is no
 * index on the lines' object; the pass costs about as much as reading the table once). */
static gboolean
add_contract_spend (ImpactDb *db,
                    GHashTable *rows_by_id,
                    GError **error)
{
  g_autoptr (sqlite3_stmt) summary = NULL;
  g_autoptr (sqlite3_stmt) lines = NULL;
  g_autoptr (GHashTable) statuses = NULL;
  g_autoptr (GString) edge_ids = g_string_new ("[");
  int rc;

  summary = impact_db_prepare (db,
                               "SELECT object_id, month, class, sum (total_cents) FROM node_summary"
                               " WHERE object_id <> 0 GROUP BY object_id, month, class",
                               error);
  if (summary == NULL)
    return FALSE;
  while ((rc = sqlite3_step (summary)) == SQLITE_ROW)
    {
      gint64 object_id = sqlite3_column_int64 (summary, 0);
      ImpactSroiRow *row = g_hash_table_lookup (rows_by_id, &object_id);
      gint32 month = sqlite3_column_int (summary, 1);
      int klass = sqlite3_column_int (summary, 2);
      gint32 first, last;

      if (row == NULL || klass < 0 || klass >= IMPACT_N_SOCIAL_CLASSES)
        continue;
      full_months (row->object, &first, &last);
      if (month >= first && month <= last)
        row->by_class[klass] += sqlite3_column_int64 (summary, 3);
      else if ((row->object->contract_start == 0
                || month >= impact_summary_month_of_day (row->object->contract_start))
               && (row->object->contract_end == 0
                   || month <= impact_summary_month_of_day (row->object->contract_end)))
        {
          /* A month the contract covers in part, with spend: its lines are needed. */
          if (edge_ids->len > 1)
            g_string_append_c (edge_ids, ',');
          g_string_append_printf (edge_ids, "%" G_GINT64_FORMAT, object_id);
        }
    }
  if (rc != SQLITE_DONE)
    {
      impact_db_set_error (db, rc, error);
      return FALSE;
    }
  if (edge_ids->len == 1)
    return TRUE;
  g_string_append_c (edge_ids, ']');

  statuses = impact_summary_load_statuses (db, error);
  if (statuses == NULL)
    return FALSE;
  lines = impact_db_prepare (db,
                             "SELECT object_id, supplier_id, invoice_day, amount_cents FROM purchase_lines"
                             " WHERE object_id IN (SELECT value FROM json_each (?))",
                             error);
  if (lines == NULL)
    return FALSE;
  sqlite3_bind_text (lines, 1, edge_ids->str, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (lines)) == SQLITE_ROW)
    {
      gint64 object_id = sqlite3_column_int64 (lines, 0);
      ImpactSroiRow *row = g_hash_table_lookup (rows_by_id, &object_id);
      guint32 day = sqlite3_column_int64 (lines, 2);
      gint32 month = impact_summary_month_of_day (day);
      gint32 first, last;

      full_months (row->object, &first, &last);
      if ((month < first || month > last) && in_contract (row->object, day))
        row->by_class[impact_summary_classify (statuses, sqlite3_column_int64 (lines, 1), day)] += sqlite3_column_int64 (lines, 3);
    }
  if (rc != SQLITE_DONE)
    {
      impact_db_set_error (db, rc, error);
      return FALSE;
    }

  return TRUE;
}

static gboolean
add_manual (ImpactDb *db,
            GHashTable *rows_by_id,
            GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = impact_db_prepare (db,
                                                     "SELECT object_id, sum (amount_cents) FROM sroi_entries"
                                                     " GROUP BY object_id",
                                                     error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 object_id = sqlite3_column_int64 (stmt, 0);
      ImpactSroiRow *row = g_hash_table_lookup (rows_by_id, &object_id);

      if (row != NULL)
        row->result.realised_manual_cents = sqlite3_column_int64 (stmt, 1);
    }
  if (rc != SQLITE_DONE)
    {
      impact_db_set_error (db, rc, error);
      return FALSE;
    }

  return TRUE;
}

static int
compare_rows (gconstpointer a,
              gconstpointer b)
{
  const ImpactSroiRow *row_a = *(ImpactSroiRow *const *) a;
  const ImpactSroiRow *row_b = *(ImpactSroiRow *const *) b;
  int cmp = g_strcmp0 (row_a->division_code, row_b->division_code);

  return cmp != 0 ? cmp : g_strcmp0 (row_a->object->code, row_b->object->code);
}

/* Social return of every object under @node (or of @node, an object) on @today: obligation,
 * realisation from purchases within the contract period and by hand, projection and
 * status; total sums the objects that have an obligation. */
ImpactSroiOverview *
impact_query_sroi (ImpactStore *store,
                   const ImpactNode *node,
                   guint32 today,
                   GError **error)
{
  ImpactDb *db;
  g_autoptr (ImpactSroiOverview) overview = g_new0 (ImpactSroiOverview, 1);
  g_autoptr (GPtrArray) divisions = NULL;
  g_autoptr (GPtrArray) objects = NULL;
  g_autoptr (GHashTable) rows_by_id = g_hash_table_new (g_int64_hash, g_int64_equal);

  g_return_val_if_fail (IMPACT_IS_STORE (store), NULL);
  g_return_val_if_fail (node != NULL, NULL);

  db = impact_store_get_db (store);
  overview->today = today;
  overview->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) sroi_row_free);
  if (!impact_summary_refresh (db, error))
    return NULL;

  divisions = impact_store_list_nodes (store, IMPACT_NODE_DIVISION, error);
  objects = divisions != NULL ? impact_store_list_nodes (store, IMPACT_NODE_OBJECT, error) : NULL;
  if (objects == NULL)
    return NULL;

  for (guint i = 0; i < objects->len; i++)
    {
      ImpactNode *object = g_ptr_array_index (objects, i);
      ImpactSroiRow *row;

      if ((node->level == IMPACT_NODE_DIVISION && object->parent_id != node->id)
          || (node->level == IMPACT_NODE_OBJECT && object->id != node->id))
        continue;

      row = g_new0 (ImpactSroiRow, 1);
      row->object = impact_node_copy (object);
      for (guint d = 0; d < divisions->len; d++)
        {
          const ImpactNode *division = g_ptr_array_index (divisions, d);

          if (division->id == object->parent_id)
            {
              row->division_code = g_strdup (division->code);
              row->division_name = g_strdup (division->name);
            }
        }
      g_ptr_array_add (overview->rows, row);
      g_hash_table_insert (rows_by_id, &row->object->id, row);

      if (!impact_store_get_sroi_obligation (store, object->id, &row->obligation, error)
          || !impact_store_find_rule_set (store, row->obligation.rule_set,
                                          object->contract_start != 0 ? object->contract_start : today,
                                          &row->rules, error))
        return NULL;
    }

  if (!add_contract_spend (db, rows_by_id, error) || !add_manual (db, rows_by_id, error))
    return NULL;

  for (guint i = 0; i < overview->rows->len; i++)
    {
      ImpactSroiRow *row = g_ptr_array_index (overview->rows, i);

      row->result.realised_purchases_cents = impact_sroi_realised_cents (&row->rules,
                                                                         row->obligation.own_social_factor,
                                                                         row->by_class);
      impact_sroi_evaluate (&row->result,
                            impact_sroi_obligation_cents (&row->obligation, row->object->contract_value_cents),
                            row->object->contract_start, row->object->contract_end, today);
      if (row->result.status != IMPACT_SROI_STATUS_NONE)
        {
          impact_sroi_result_add (&overview->total, &row->result);
          overview->n_obligations++;
        }
    }
  impact_sroi_result_finish_sum (&overview->total);
  g_ptr_array_sort (overview->rows, compare_rows);

  return g_steal_pointer (&overview);
}

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
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autoptr (GArray) inputs = g_array_new (FALSE, FALSE, sizeof (ImpactPsoSupplier));
  guint32 period_end;
  int rc;

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
  stmt = impact_db_prepare (db,
                            node->level == IMPACT_NODE_GROUP
                                ? "SELECT m.supplier_id, m.class, sum (m.total_cents), s.name, s.kvk,"
                                  " p.turnover_cents, p.fte, p.direct_share"
                                  " FROM supplier_month_summary m JOIN suppliers s ON s.id = m.supplier_id"
                                  " LEFT JOIN pso_suppliers p ON p.supplier_id = m.supplier_id"
                                  " WHERE m.month BETWEEN ?1 AND ?2"
                                  " GROUP BY m.supplier_id, m.class ORDER BY m.supplier_id, m.class DESC"
                                : "SELECT m.supplier_id, m.class, sum (m.total_cents), s.name, s.kvk,"
                                  " p.turnover_cents, p.fte, p.direct_share"
                                  " FROM spend_summary m JOIN suppliers s ON s.id = m.supplier_id"
                                  " LEFT JOIN pso_suppliers p ON p.supplier_id = m.supplier_id"
                                  " WHERE m.division_id = ?3 AND m.month BETWEEN ?1 AND ?2"
                                  " GROUP BY m.supplier_id, m.class ORDER BY m.supplier_id, m.class DESC",
                            error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int (stmt, 1, period->first_month);
  sqlite3_bind_int (stmt, 2, period->last_month);
  if (node->level == IMPACT_NODE_DIVISION)
    sqlite3_bind_int64 (stmt, 3, node->id);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 supplier_id = sqlite3_column_int64 (stmt, 0);
      int klass = sqlite3_column_int (stmt, 1);
      ImpactPsoRow *row = figures->suppliers->len > 0 ? g_ptr_array_index (figures->suppliers, figures->suppliers->len - 1)
                                                      : NULL;

      if (!impact_social_class_counts_for_pso (klass))
        continue;
      if (row == NULL || row->supplier_id != supplier_id)
        {
          row = g_new0 (ImpactPsoRow, 1);
          row->supplier_id = supplier_id;
          row->klass = klass;
          row->name = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
          row->kvk = g_strdup ((const char *) sqlite3_column_text (stmt, 4));
          row->data.turnover_cents = sqlite3_column_int64 (stmt, 5);
          row->data.fte = sqlite3_column_double (stmt, 6);
          row->data.direct_share = sqlite3_column_double (stmt, 7);
          g_ptr_array_add (figures->suppliers, row);
        }
      row->data.spend_cents += sqlite3_column_int64 (stmt, 2);
    }
  if (rc != SQLITE_DONE)
    {
      impact_db_set_error (db, rc, error);
      return NULL;
    }

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
  g_autoptr (sqlite3_stmt) stmt = NULL;
  int rc;

  if (node == NULL || node->level == IMPACT_NODE_GROUP)
    stmt = impact_db_prepare (db,
                              "SELECT supplier_id, sum (total_cents) FROM supplier_month_summary"
                              " WHERE month BETWEEN ?1 AND ?2 GROUP BY supplier_id",
                              error);
  else
    stmt = impact_db_prepare (db,
                              "SELECT supplier_id, sum (total_cents) FROM spend_summary"
                              " WHERE division_id = ?3 AND (?4 = 0 OR object_id = ?4) AND month BETWEEN ?1 AND ?2"
                              " GROUP BY supplier_id",
                              error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int (stmt, 1, first);
  sqlite3_bind_int (stmt, 2, last);
  if (node != NULL && node->level != IMPACT_NODE_GROUP)
    {
      sqlite3_bind_int64 (stmt, 3, node->level == IMPACT_NODE_DIVISION ? node->id : node->parent_id);
      sqlite3_bind_int64 (stmt, 4, node->level == IMPACT_NODE_OBJECT ? node->id : 0);
    }

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 supplier_id = sqlite3_column_int64 (stmt, 0);
      gint64 cents = sqlite3_column_int64 (stmt, 1);

      g_hash_table_insert (spend, g_memdup2 (&supplier_id, sizeof supplier_id), g_memdup2 (&cents, sizeof cents));
    }
  if (rc != SQLITE_DONE)
    {
      impact_db_set_error (db, rc, error);
      return NULL;
    }

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
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autoptr (GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) impact_expiring_free);
  g_autoptr (GHashTable) spend = NULL;
  gint32 month;
  int rc;

  g_return_val_if_fail (IMPACT_IS_STORE (store), NULL);

  db = impact_store_get_db (store);
  month = impact_summary_month_of_day (today);
  if (!impact_summary_refresh (db, error))
    return NULL;
  spend = spend_per_supplier (db, node, month - 11, month, error);
  if (spend == NULL)
    return NULL;

  stmt = impact_db_prepare (db,
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
  sqlite3_bind_int64 (stmt, 1, (gint64) today - days_past);
  sqlite3_bind_int64 (stmt, 2, (gint64) today + days_ahead);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 supplier_id = sqlite3_column_int64 (stmt, 1);
      const gint64 *cents = g_hash_table_lookup (spend, &supplier_id);
      ImpactExpiring *expiring;

      if (cents == NULL && node != NULL && node->level != IMPACT_NODE_GROUP)
        continue;

      expiring = g_new0 (ImpactExpiring, 1);
      expiring->status_id = sqlite3_column_int64 (stmt, 0);
      expiring->supplier_id = supplier_id;
      expiring->supplier = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      expiring->kvk = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
      impact_social_class_from_code ((const char *) sqlite3_column_text (stmt, 4), &expiring->kind);
      expiring->valid_until = sqlite3_column_int64 (stmt, 5);
      expiring->spend_at_risk_cents = cents != NULL ? *cents : 0;
      g_ptr_array_add (list, expiring);
    }
  if (rc != SQLITE_DONE)
    {
      impact_db_set_error (db, rc, error);
      return NULL;
    }

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
  g_autoptr (sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (IMPACT_IS_STORE (store), NULL);
  g_return_val_if_fail (expiring != NULL, NULL);

  db = impact_store_get_db (store);
  stmt = impact_db_prepare (db, "INSERT OR IGNORE INTO expiry_notices (status_id, noticed_at) VALUES (?, ?)", error);
  if (stmt == NULL || !impact_store_begin (store, error))
    return NULL;

  for (guint i = 0; i < expiring->len; i++)
    {
      const ImpactExpiring *item = g_ptr_array_index (expiring, i);

      if ((gint64) item->valid_until + days < today || item->valid_until > (gint64) today + days)
        continue;
      sqlite3_bind_int64 (stmt, 1, item->status_id);
      sqlite3_bind_int64 (stmt, 2, g_get_real_time () / G_USEC_PER_SEC);
      if (!impact_db_step_done (db, stmt, error))
        {
          impact_store_rollback (store);
          return NULL;
        }
      if (sqlite3_changes (impact_db_get_handle (db)) == 1)
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
  g_autoptr (sqlite3_stmt) stmt = NULL;
  gint32 month = impact_summary_month_of_day (today);
  int rc;

  g_return_val_if_fail (IMPACT_IS_STORE (store), FALSE);
  g_return_val_if_fail (cents != NULL, FALSE);

  db = impact_store_get_db (store);
  if (!impact_summary_refresh (db, error))
    return FALSE;
  if (node == NULL || node->level == IMPACT_NODE_GROUP)
    stmt = impact_db_prepare (db,
                              "SELECT coalesce (sum (total_cents), 0) FROM supplier_month_summary"
                              " WHERE supplier_id = ?1 AND month BETWEEN ?2 AND ?3",
                              error);
  else
    stmt = impact_db_prepare (db,
                              "SELECT coalesce (sum (total_cents), 0) FROM spend_summary"
                              " WHERE division_id = ?4 AND (?5 = 0 OR object_id = ?5) AND supplier_id = ?1"
                              " AND month BETWEEN ?2 AND ?3",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, supplier_id);
  sqlite3_bind_int (stmt, 2, month - 11);
  sqlite3_bind_int (stmt, 3, month);
  if (node != NULL && node->level != IMPACT_NODE_GROUP)
    {
      sqlite3_bind_int64 (stmt, 4, node->level == IMPACT_NODE_DIVISION ? node->id : node->parent_id);
      sqlite3_bind_int64 (stmt, 5, node->level == IMPACT_NODE_OBJECT ? node->id : 0);
    }

  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      impact_db_set_error (db, rc, error);
      return FALSE;
    }
  *cents = sqlite3_column_int64 (stmt, 0);

  return TRUE;
}

static void
what_if_object_free (ImpactWhatIfObject *object)
{
  g_free (object->code);
  g_free (object->name);
  g_free (object);
}

void
impact_what_if_free (ImpactWhatIf *what_if)
{
  if (what_if == NULL)
    return;
  g_clear_pointer (&what_if->objects, g_ptr_array_unref);
  g_free (what_if);
}

/* One part of the supplier's spend: an object (0: none), a month and the class it had. */
typedef struct
{
  gint64 object_id;
  gint32 month;
  int klass;
  gint64 moved_cents;
} MovedCell;

/* What @node would have shown had @fraction of what it bought from @from_supplier_id in
 * @period gone to @to_supplier_id instead (its class today), or, when that is 0, to a supplier
 * of @to_class (for the PSO estimate: an average certified one). The social spend, the social
 * return of the contracts on @today (whole months of the moved spend within their term), and
 * the PSO estimate are worked out again; nothing is saved. */
ImpactWhatIf *
impact_query_what_if (ImpactStore *store,
                      const ImpactNode *node,
                      const ImpactPeriod *period,
                      guint32 today,
                      gint64 from_supplier_id,
                      gint64 to_supplier_id,
                      ImpactSocialClass to_class,
                      double fraction,
                      GError **error)
{
  ImpactDb *db;
  g_autoptr (ImpactWhatIf) what_if = g_new0 (ImpactWhatIf, 1);
  g_autoptr (ImpactFigures) figures = NULL;
  g_autoptr (ImpactSroiOverview) sroi = NULL;
  g_autoptr (ImpactPsoFigures) pso = NULL;
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autoptr (GArray) cells = g_array_new (FALSE, FALSE, sizeof (MovedCell));
  int rc;

  g_return_val_if_fail (IMPACT_IS_STORE (store), NULL);
  g_return_val_if_fail (node != NULL && period != NULL, NULL);
  g_return_val_if_fail (fraction >= 0 && fraction <= 1, NULL);

  db = impact_store_get_db (store);
  what_if->objects = g_ptr_array_new_with_free_func ((GDestroyNotify) what_if_object_free);
  what_if->to_class = to_class;
  if (to_supplier_id != 0 && !impact_store_classify (store, to_supplier_id, today, &what_if->to_class, error))
    return NULL;

  figures = impact_query_figures (store, node, period, 0, error);
  if (figures == NULL)
    return NULL;
  what_if->before = figures->spend;
  what_if->after = figures->spend;

  /* The supplier's spend at the node in the period, per object, month and class. */
  stmt = impact_db_prepare (db,
                            "SELECT object_id, month, class, sum (total_cents) FROM spend_summary"
                            " WHERE supplier_id = ?1 AND month BETWEEN ?2 AND ?3"
                            " AND (?4 = 0 OR division_id = ?4) AND (?5 = 0 OR object_id = ?5)"
                            " GROUP BY object_id, month, class",
                            error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, from_supplier_id);
  sqlite3_bind_int (stmt, 2, period->first_month);
  sqlite3_bind_int (stmt, 3, period->last_month);
  sqlite3_bind_int64 (stmt, 4, node->level == IMPACT_NODE_GROUP ? 0 : node->level == IMPACT_NODE_DIVISION ? node->id
                                                                                                          : node->parent_id);
  sqlite3_bind_int64 (stmt, 5, node->level == IMPACT_NODE_OBJECT ? node->id : 0);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      MovedCell cell = { sqlite3_column_int64 (stmt, 0), sqlite3_column_int (stmt, 1), sqlite3_column_int (stmt, 2), 0 };

      cell.moved_cents = llround (fraction * (double) sqlite3_column_int64 (stmt, 3));
      if (cell.klass < 0 || cell.klass >= IMPACT_N_SOCIAL_CLASSES || cell.moved_cents == 0)
        continue;
      g_array_append_val (cells, cell);
      what_if->moved_cents += cell.moved_cents;
      if (impact_social_class_is_social (cell.klass))
        what_if->after.social_cents -= cell.moved_cents;
      if (impact_social_class_is_social (what_if->to_class))
        what_if->after.social_cents += cell.moved_cents;
    }
  if (rc != SQLITE_DONE)
    {
      impact_db_set_error (db, rc, error);
      return NULL;
    }

  /* Social return: each contract gains the new class's factor and loses the old one's on
   * the moved spend within its term. */
  sroi = impact_query_sroi (store, node, today, error);
  if (sroi == NULL)
    return NULL;
  what_if->sroi_before = sroi->total;
  for (guint i = 0; i < sroi->rows->len; i++)
    {
      const ImpactSroiRow *row = g_ptr_array_index (sroi->rows, i);
      gint32 first = row->object->contract_start != 0 ? impact_summary_month_of_day (row->object->contract_start) : G_MININT32;
      gint32 last = row->object->contract_end != 0 ? impact_summary_month_of_day (row->object->contract_end) : G_MAXINT32;
      gint64 by_class_before[IMPACT_N_SOCIAL_CLASSES] = { 0 };
      gint64 by_class_after[IMPACT_N_SOCIAL_CLASSES] = { 0 };
      gboolean touched = FALSE;
      ImpactWhatIfObject *changed;

      for (guint c = 0; c < cells->len; c++)
        {
          const MovedCell *cell = &g_array_index (cells, MovedCell, c);

          if (cell->object_id != row->object->id || cell->month < first || cell->month > last)
            continue;
          by_class_before[cell->klass] += cell->moved_cents;
          by_class_after[what_if->to_class] += cell->moved_cents;
          touched = TRUE;
        }
      if (!touched || row->result.status == IMPACT_SROI_STATUS_NONE)
        continue;

      changed = g_new0 (ImpactWhatIfObject, 1);
      changed->object_id = row->object->id;
      changed->code = g_strdup (row->object->code);
      changed->name = g_strdup (row->object->name);
      changed->before = row->result;
      changed->after = row->result;
      changed->after.realised_purchases_cents += impact_sroi_realised_cents (&row->rules, row->obligation.own_social_factor, by_class_after)
                                                 - impact_sroi_realised_cents (&row->rules, row->obligation.own_social_factor, by_class_before);
      impact_sroi_evaluate (&changed->after, row->result.obligation_cents, row->object->contract_start,
                            row->object->contract_end, today);
      g_ptr_array_add (what_if->objects, changed);
    }
  {
    ImpactSroiResult total = { 0 };

    for (guint i = 0; i < sroi->rows->len; i++)
      {
        const ImpactSroiRow *row = g_ptr_array_index (sroi->rows, i);
        const ImpactSroiResult *result = &row->result;

        if (row->result.status == IMPACT_SROI_STATUS_NONE)
          continue;
        for (guint j = 0; j < what_if->objects->len; j++)
          if (((ImpactWhatIfObject *) g_ptr_array_index (what_if->objects, j))->object_id == row->object->id)
            result = &((ImpactWhatIfObject *) g_ptr_array_index (what_if->objects, j))->after;
        impact_sroi_result_add (&total, result);
      }
    impact_sroi_result_finish_sum (&total);
    what_if->sroi_after = total;
  }

  /* The PSO estimate with the spend moved: less at the supplier it leaves (when it counted),
   * more at the one it goes to (or at an average certified supplier of that class). */
  if (node->level != IMPACT_NODE_OBJECT)
    {
      g_autoptr (GArray) inputs = g_array_new (FALSE, FALSE, sizeof (ImpactPsoSupplier));
      gboolean found_target = FALSE;
      gint64 moved_pso = 0;
      double fte_per_euro;

      pso = impact_query_pso (store, node, period, error);
      if (pso == NULL)
        return NULL;
      what_if->has_pso = TRUE;
      what_if->pso_before = pso->estimate;

      for (guint c = 0; c < cells->len; c++)
        if (impact_social_class_counts_for_pso (g_array_index (cells, MovedCell, c).klass))
          moved_pso += g_array_index (cells, MovedCell, c).moved_cents;
      for (guint i = 0; i < pso->suppliers->len; i++)
        {
          const ImpactPsoRow *row = g_ptr_array_index (pso->suppliers, i);
          ImpactPsoSupplier input = row->data;

          g_array_append_val (inputs, input);
        }
      fte_per_euro = impact_pso_fte_per_euro ((const ImpactPsoSupplier *) (void *) inputs->data, inputs->len);
      for (guint i = 0; i < pso->suppliers->len; i++)
        {
          const ImpactPsoRow *row = g_ptr_array_index (pso->suppliers, i);
          ImpactPsoSupplier *input = &g_array_index (inputs, ImpactPsoSupplier, i);

          if (row->supplier_id == from_supplier_id)
            input->spend_cents -= moved_pso;
          if (to_supplier_id != 0 && row->supplier_id == to_supplier_id)
            {
              input->spend_cents += what_if->moved_cents;
              found_target = TRUE;
            }
        }
      if (!found_target && impact_social_class_counts_for_pso (what_if->to_class))
        {
          ImpactPsoSupplier added = { what_if->moved_cents, 0, 0, 0 };

          if (to_supplier_id != 0 && !impact_store_get_pso_supplier (store, to_supplier_id, &added, error))
            return NULL;
          if (to_supplier_id == 0)
            {
              /* An average certified supplier: iFTE = spend x the average iFTE per cent. */
              added.turnover_cents = what_if->moved_cents;
              added.fte = (double) what_if->moved_cents * fte_per_euro;
              added.direct_share = 1;
            }
          g_array_append_val (inputs, added);
        }
      impact_pso_estimate (&what_if->pso_after, pso->fte, pso->direct_share,
                           (const ImpactPsoSupplier *) (void *) inputs->data, inputs->len, fte_per_euro, &pso->norms);
    }

  return g_steal_pointer (&what_if);
}

/* The category each supplier is mostly bought for (its most frequent category on purchase
 * lines). Reading it takes one pass over the lines (0.16 s for 300,000), so it is kept per
 * database until the lines change: imports and undo change the batches' counts. */
G_LOCK_DEFINE_STATIC (categories);
static char *categories_key;
static GHashTable *categories_cache;

static GHashTable *
supplier_categories (ImpactDb *db,
                     GError **error)
{
  g_autoptr (sqlite3_stmt) version = NULL;
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autoptr (GHashTable) map = NULL;
  g_autoptr (GHashTable) counts = NULL;
  g_autofree char *key = NULL;
  int rc;

  version = impact_db_prepare (db,
                               "SELECT count (*), coalesce (max (id), 0), coalesce (sum (rows_accepted), 0)"
                               " FROM import_batches",
                               error);
  if (version == NULL)
    return NULL;
  rc = sqlite3_step (version);
  if (rc != SQLITE_ROW)
    {
      impact_db_set_error (db, rc, error);
      return NULL;
    }
  key = g_strdup_printf ("%s:%" G_GINT64_FORMAT ":%" G_GINT64_FORMAT ":%" G_GINT64_FORMAT, impact_db_get_path (db),
                         (gint64) sqlite3_column_int64 (version, 0), (gint64) sqlite3_column_int64 (version, 1),
                         (gint64) sqlite3_column_int64 (version, 2));

  G_LOCK (categories);
  if (categories_cache != NULL && g_strcmp0 (categories_key, key) == 0)
    {
      map = g_hash_table_ref (categories_cache);
      G_UNLOCK (categories);
      return g_steal_pointer (&map);
    }
  G_UNLOCK (categories);

  stmt = impact_db_prepare (db,
                            "SELECT supplier_id, category, count (*) FROM purchase_lines"
                            " WHERE category IS NOT NULL AND category <> '' GROUP BY supplier_id, category",
                            error);
  if (stmt == NULL)
    return NULL;
  map = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  counts = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 supplier_id = sqlite3_column_int64 (stmt, 0);
      gint64 n = sqlite3_column_int64 (stmt, 2);
      gint64 *best = g_hash_table_lookup (counts, &supplier_id);

      if (best != NULL && *best >= n)
        continue;
      g_hash_table_insert (counts, g_memdup2 (&supplier_id, sizeof supplier_id), g_memdup2 (&n, sizeof n));
      g_hash_table_insert (map, g_memdup2 (&supplier_id, sizeof supplier_id),
                           g_strdup ((const char *) sqlite3_column_text (stmt, 1)));
    }
  if (rc != SQLITE_DONE)
    {
      impact_db_set_error (db, rc, error);
      return NULL;
    }

  G_LOCK (categories);
  g_clear_pointer (&categories_cache, g_hash_table_unref);
  g_free (categories_key);
  categories_cache = g_hash_table_ref (map);
  categories_key = g_steal_pointer (&key);
  G_UNLOCK (categories);

  return g_steal_pointer (&map);
}

static void
suggestion_free (ImpactSuggestion *suggestion)
{
  g_free (suggestion->name);
  g_free (suggestion);
}

static void
opportunity_free (ImpactOpportunity *opportunity)
{
  g_free (opportunity->name);
  g_free (opportunity->category);
  g_ptr_array_unref (opportunity->suggestions);
  g_free (opportunity);
}

/* The node's largest non-social suppliers of @figures with their engagement and category,
 * each with up to @n_suggestions social suppliers the group bought the same category from in
 * the period, largest first. */
GPtrArray *
impact_query_opportunities (ImpactStore *store,
                            const ImpactFigures *figures,
                            guint n_suggestions,
                            GError **error)
{
  ImpactDb *db;
  g_autoptr (GHashTable) categories = NULL;
  g_autoptr (GPtrArray) social = g_ptr_array_new_with_free_func ((GDestroyNotify) suggestion_free);
  g_autoptr (GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) opportunity_free);
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autoptr (sqlite3_stmt) engagement = NULL;
  int rc;

  g_return_val_if_fail (IMPACT_IS_STORE (store), NULL);
  g_return_val_if_fail (figures != NULL, NULL);

  db = impact_store_get_db (store);
  categories = supplier_categories (db, error);
  if (categories == NULL)
    return NULL;

  /* The group's social suppliers in the period, largest first. */
  stmt = impact_db_prepare (db,
                            "SELECT m.supplier_id, max (m.class), sum (m.total_cents), s.name FROM supplier_month_summary m"
                            " JOIN suppliers s ON s.id = m.supplier_id"
                            " WHERE m.month BETWEEN ?1 AND ?2 AND m." IMPACT_SUMMARY_SOCIAL_SQL
                            " GROUP BY m.supplier_id ORDER BY 3 DESC",
                            error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int (stmt, 1, figures->period.first_month);
  sqlite3_bind_int (stmt, 2, figures->period.last_month);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      ImpactSuggestion *suggestion = g_new0 (ImpactSuggestion, 1);

      suggestion->supplier_id = sqlite3_column_int64 (stmt, 0);
      suggestion->klass = sqlite3_column_int (stmt, 1);
      suggestion->group_spend_cents = sqlite3_column_int64 (stmt, 2);
      suggestion->name = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
      g_ptr_array_add (social, suggestion);
    }
  if (rc != SQLITE_DONE)
    {
      impact_db_set_error (db, rc, error);
      return NULL;
    }

  engagement = impact_db_prepare (db, "SELECT status, target_day FROM supplier_engagement WHERE supplier_id = ?", error);
  if (engagement == NULL)
    return NULL;
  for (guint i = 0; i < figures->top_non_social->len; i++)
    {
      const ImpactSupplierFigures *supplier = g_ptr_array_index (figures->top_non_social, i);
      ImpactOpportunity *opportunity = g_new0 (ImpactOpportunity, 1);

      opportunity->supplier_id = supplier->supplier_id;
      opportunity->name = g_strdup (supplier->name);
      opportunity->spend_cents = supplier->total_cents;
      opportunity->category = g_strdup (g_hash_table_lookup (categories, &supplier->supplier_id));
      opportunity->suggestions = g_ptr_array_new_with_free_func ((GDestroyNotify) suggestion_free);
      g_ptr_array_add (list, opportunity);

      sqlite3_reset (engagement);
      sqlite3_bind_int64 (engagement, 1, supplier->supplier_id);
      rc = sqlite3_step (engagement);
      if (rc == SQLITE_ROW)
        {
          impact_engagement_status_from_code ((const char *) sqlite3_column_text (engagement, 0), &opportunity->engagement);
          opportunity->target_day = sqlite3_column_int64 (engagement, 1);
        }
      else if (rc != SQLITE_DONE)
        {
          impact_db_set_error (db, rc, error);
          return NULL;
        }

      for (guint j = 0; j < social->len && opportunity->suggestions->len < n_suggestions && opportunity->category != NULL; j++)
        {
          const ImpactSuggestion *candidate = g_ptr_array_index (social, j);
          ImpactSuggestion *copy;

          if (g_strcmp0 (g_hash_table_lookup (categories, &candidate->supplier_id), opportunity->category) != 0)
            continue;
          copy = g_memdup2 (candidate, sizeof *candidate);
          copy->name = g_strdup (candidate->name);
          g_ptr_array_add (opportunity->suggestions, copy);
        }
    }

  return g_steal_pointer (&list);
}
