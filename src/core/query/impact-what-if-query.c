/* impact-what-if-query.c: what moving spend to a social supplier would do to the share, social return and PSO estimate
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "impact-query"

#include "config.h"

#include <math.h>

#include "impact-impact-query.h"
#include "storage/impact-store-sroi.h"
#include "storage/impact-db-stmt.h"
#include "storage/impact-store-summary.h"

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
  g_autoptr (ImpactDbStmt) stmt = NULL;
  g_autoptr (GArray) cells = g_array_new (FALSE, FALSE, sizeof (MovedCell));
  ImpactDbStep step;

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
  stmt = impact_db_stmt_new (db,
                             "SELECT object_id, month, class, sum (total_cents) FROM spend_summary"
                             " WHERE supplier_id = ?1 AND month BETWEEN ?2 AND ?3"
                             " AND (?4 = 0 OR division_id = ?4) AND (?5 = 0 OR object_id = ?5)"
                             " GROUP BY object_id, month, class",
                             error);
  if (stmt == NULL)
    return NULL;
  impact_db_stmt_bind_int64 (stmt, 1, from_supplier_id);
  impact_db_stmt_bind_int64 (stmt, 2, period->first_month);
  impact_db_stmt_bind_int64 (stmt, 3, period->last_month);
  impact_db_stmt_bind_int64 (stmt, 4, node->level == IMPACT_NODE_GROUP ? 0 : node->level == IMPACT_NODE_DIVISION ? node->id
                                                                                                                 : node->parent_id);
  impact_db_stmt_bind_int64 (stmt, 5, node->level == IMPACT_NODE_OBJECT ? node->id : 0);
  while ((step = impact_db_stmt_step (stmt, error)) == IMPACT_DB_ROW)
    {
      MovedCell cell = { impact_db_stmt_get_int64 (stmt, 0), (int) impact_db_stmt_get_int64 (stmt, 1), (int) impact_db_stmt_get_int64 (stmt, 2), 0 };

      cell.moved_cents = llround (fraction * (double) impact_db_stmt_get_int64 (stmt, 3));
      if (cell.klass < 0 || cell.klass >= IMPACT_N_SOCIAL_CLASSES || cell.moved_cents == 0)
        continue;
      g_array_append_val (cells, cell);
      what_if->moved_cents += cell.moved_cents;
      if (impact_social_class_is_social (cell.klass))
        what_if->after.social_cents -= cell.moved_cents;
      if (impact_social_class_is_social (what_if->to_class))
        what_if->after.social_cents += cell.moved_cents;
    }
  if (step == IMPACT_DB_ERROR)
    return NULL;

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
