/* impact-impact-query.c: the opportunities: the largest non-social suppliers and social ones
 * the group already buys the same from
 *
 * The social return, PSO, expiry and what-if queries declared in impact-impact-query.h are
 * in impact-sroi-query.c, impact-pso-query.c, impact-expiry-query.c and
 * impact-what-if-query.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "impact-query"

#include "config.h"

#include "impact-impact-query.h"
#include "storage/impact-db-stmt.h"
#include "storage/impact-store-summary.h"

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
  g_autoptr (ImpactDbStmt) version = NULL;
  g_autoptr (ImpactDbStmt) stmt = NULL;
  g_autoptr (GHashTable) map = NULL;
  g_autoptr (GHashTable) counts = NULL;
  g_autofree char *key = NULL;
  ImpactDbStep step;

  version = impact_db_stmt_new (db,
                                "SELECT count (*), coalesce (max (id), 0), coalesce (sum (rows_accepted), 0)"
                                " FROM import_batches",
                                error);
  if (version == NULL)
    return NULL;
  if (!impact_db_stmt_step_row (version, error))
    return NULL;
  key = g_strdup_printf ("%s:%" G_GINT64_FORMAT ":%" G_GINT64_FORMAT ":%" G_GINT64_FORMAT, impact_db_get_path (db),
                         (gint64) impact_db_stmt_get_int64 (version, 0), (gint64) impact_db_stmt_get_int64 (version, 1),
                         (gint64) impact_db_stmt_get_int64 (version, 2));

  G_LOCK (categories);
  if (categories_cache != NULL && g_strcmp0 (categories_key, key) == 0)
    {
      map = g_hash_table_ref (categories_cache);
      G_UNLOCK (categories);
      return g_steal_pointer (&map);
    }
  G_UNLOCK (categories);

  stmt = impact_db_stmt_new (db,
                             "SELECT supplier_id, category, count (*) FROM purchase_lines"
                             " WHERE category IS NOT NULL AND category <> '' GROUP BY supplier_id, category",
                             error);
  if (stmt == NULL)
    return NULL;
  map = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  counts = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  while ((step = impact_db_stmt_step (stmt, error)) == IMPACT_DB_ROW)
    {
      gint64 supplier_id = impact_db_stmt_get_int64 (stmt, 0);
      gint64 n = impact_db_stmt_get_int64 (stmt, 2);
      gint64 *best = g_hash_table_lookup (counts, &supplier_id);

      if (best != NULL && *best >= n)
        continue;
      g_hash_table_insert (counts, g_memdup2 (&supplier_id, sizeof supplier_id), g_memdup2 (&n, sizeof n));
      g_hash_table_insert (map, g_memdup2 (&supplier_id, sizeof supplier_id),
                           impact_db_stmt_dup_text (stmt, 1));
    }
  if (step == IMPACT_DB_ERROR)
    return NULL;

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
  g_autoptr (ImpactDbStmt) stmt = NULL;
  g_autoptr (ImpactDbStmt) engagement = NULL;
  ImpactDbStep step;

  g_return_val_if_fail (IMPACT_IS_STORE (store), NULL);
  g_return_val_if_fail (figures != NULL, NULL);

  db = impact_store_get_db (store);
  categories = supplier_categories (db, error);
  if (categories == NULL)
    return NULL;

  /* The group's social suppliers in the period, largest first. */
  stmt = impact_db_stmt_new (db,
                             "SELECT m.supplier_id, max (m.class), sum (m.total_cents), s.name FROM supplier_month_summary m"
                             " JOIN suppliers s ON s.id = m.supplier_id"
                             " WHERE m.month BETWEEN ?1 AND ?2 AND m." IMPACT_SUMMARY_SOCIAL_SQL
                             " GROUP BY m.supplier_id, s.id ORDER BY 3 DESC, s.name, m.supplier_id",
                             error);
  if (stmt == NULL)
    return NULL;
  impact_db_stmt_bind_int64 (stmt, 1, figures->period.first_month);
  impact_db_stmt_bind_int64 (stmt, 2, figures->period.last_month);
  while ((step = impact_db_stmt_step (stmt, error)) == IMPACT_DB_ROW)
    {
      ImpactSuggestion *suggestion = g_new0 (ImpactSuggestion, 1);

      suggestion->supplier_id = impact_db_stmt_get_int64 (stmt, 0);
      suggestion->klass = (int) impact_db_stmt_get_int64 (stmt, 1);
      suggestion->group_spend_cents = impact_db_stmt_get_int64 (stmt, 2);
      suggestion->name = impact_db_stmt_dup_text (stmt, 3);
      g_ptr_array_add (social, suggestion);
    }
  if (step == IMPACT_DB_ERROR)
    return NULL;

  engagement = impact_db_stmt_new (db, "SELECT status, target_day FROM supplier_engagement WHERE supplier_id = ?", error);
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

      impact_db_stmt_reset (engagement);
      impact_db_stmt_bind_int64 (engagement, 1, supplier->supplier_id);
      step = impact_db_stmt_step (engagement, error);
      if (step == IMPACT_DB_ERROR)
        return NULL;
      if (step == IMPACT_DB_ROW)
        {
          impact_engagement_status_from_code (impact_db_stmt_get_text (engagement, 0), &opportunity->engagement);
          opportunity->target_day = impact_db_stmt_get_int64 (engagement, 1);
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
