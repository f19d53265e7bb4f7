/* impact-sroi-query.c: the social return of each contract, realised against its obligation and projected to its end
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "impact-query"

#include "config.h"

#include "impact-impact-query.h"
#include "storage/impact-store-sroi.h"
#include "storage/impact-db-stmt.h"
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
  g_autoptr (ImpactDbStmt) summary = NULL;
  g_autoptr (ImpactDbStmt) lines = NULL;
  g_autofree char *sql = NULL;
  g_autoptr (GHashTable) statuses = NULL;
  g_autoptr (GString) edge_ids = g_string_new ("[");
  ImpactDbStep step;

  summary = impact_db_stmt_new (db,
                                "SELECT object_id, month, class, sum (total_cents) FROM node_summary"
                                " WHERE object_id <> 0 GROUP BY object_id, month, class",
                                error);
  if (summary == NULL)
    return FALSE;
  while ((step = impact_db_stmt_step (summary, error)) == IMPACT_DB_ROW)
    {
      gint64 object_id = impact_db_stmt_get_int64 (summary, 0);
      ImpactSroiRow *row = g_hash_table_lookup (rows_by_id, &object_id);
      gint32 month = (int) impact_db_stmt_get_int64 (summary, 1);
      int klass = (int) impact_db_stmt_get_int64 (summary, 2);
      gint32 first, last;

      if (row == NULL || klass < 0 || klass >= IMPACT_N_SOCIAL_CLASSES)
        continue;
      full_months (row->object, &first, &last);
      if (month >= first && month <= last)
        row->by_class[klass] += impact_db_stmt_get_int64 (summary, 3);
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
  if (step == IMPACT_DB_ERROR)
    return FALSE;
  if (edge_ids->len == 1)
    return TRUE;
  g_string_append_c (edge_ids, ']');

  statuses = impact_summary_load_statuses (db, error);
  if (statuses == NULL)
    return FALSE;
  /* The statement's text is ours; the ids are its one parameter. */
  sql = g_strdup_printf ("SELECT object_id, supplier_id, invoice_day, amount_cents FROM purchase_lines"
                         " WHERE object_id IN (%s)",
                         impact_db_get_id_list_sql (db));
  lines = impact_db_stmt_new (db, sql, error);
  if (lines == NULL)
    return FALSE;
  impact_db_stmt_bind_text (lines, 1, edge_ids->str);
  while ((step = impact_db_stmt_step (lines, error)) == IMPACT_DB_ROW)
    {
      gint64 object_id = impact_db_stmt_get_int64 (lines, 0);
      ImpactSroiRow *row = g_hash_table_lookup (rows_by_id, &object_id);
      guint32 day = impact_db_stmt_get_int64 (lines, 2);
      gint32 month = impact_summary_month_of_day (day);
      gint32 first, last;

      full_months (row->object, &first, &last);
      if ((month < first || month > last) && in_contract (row->object, day))
        row->by_class[impact_summary_classify (statuses, impact_db_stmt_get_int64 (lines, 1), day)] += impact_db_stmt_get_int64 (lines, 3);
    }
  if (step == IMPACT_DB_ERROR)
    return FALSE;

  return TRUE;
}

static gboolean
add_manual (ImpactDb *db,
            GHashTable *rows_by_id,
            GError **error)
{
  g_autoptr (ImpactDbStmt) stmt = impact_db_stmt_new (db,
                                                      "SELECT object_id, sum (amount_cents) FROM sroi_entries"
                                                      " GROUP BY object_id",
                                                      error);
  ImpactDbStep step;

  if (stmt == NULL)
    return FALSE;
  while ((step = impact_db_stmt_step (stmt, error)) == IMPACT_DB_ROW)
    {
      gint64 object_id = impact_db_stmt_get_int64 (stmt, 0);
      ImpactSroiRow *row = g_hash_table_lookup (rows_by_id, &object_id);

      if (row != NULL)
        row->result.realised_manual_cents = impact_db_stmt_get_int64 (stmt, 1);
    }
  if (step == IMPACT_DB_ERROR)
    return FALSE;

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
