/* impact-query.c: the figures of a node and period, for the dashboards and --summary
 *
 * Everything is read from the summary tables of schema step 6 (see impact-store-summary.c),
 * never summed from the purchase lines themselves: a page's figures take a few
 * milliseconds however many lines there are. The SQL is put together from constant pieces
 * only; values are bound.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "impact-query"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "impact-query-private.h"
#include "storage/impact-store-summary.h"

/* The SQL below counts a class as social from PSO basistrede up: every class but none and
 * the aspirant status, as impact_social_class_is_social() says. */
G_STATIC_ASSERT (IMPACT_SOCIAL_CLASS_NONE == 0 && IMPACT_SOCIAL_CLASS_PSO_ASPIRANT == 1);
#define SOCIAL_SQL IMPACT_SUMMARY_SOCIAL_SQL

/* The rows of a node and period: ?1 and ?2 are the first and last month, ?3 the division,
 * ?4 the object. */
static const char *const node_filters[] = {
  [IMPACT_NODE_GROUP] = "month BETWEEN ?1 AND ?2",
  [IMPACT_NODE_DIVISION] = "division_id = ?3 AND month BETWEEN ?1 AND ?2",
  [IMPACT_NODE_OBJECT] = "division_id = ?3 AND object_id = ?4 AND month BETWEEN ?1 AND ?2",
};

double
impact_spend_get_share (const ImpactSpend *spend)
{
  g_return_val_if_fail (spend != NULL, 0);

  return spend->total_cents != 0 ? 100.0 * spend->social_cents / spend->total_cents : 0;
}

static void
supplier_figures_free (ImpactSupplierFigures *supplier)
{
  g_free (supplier->name);
  g_free (supplier->kvk);
  g_free (supplier);
}

void
impact_figures_free (ImpactFigures *figures)
{
  if (figures == NULL)
    return;

  g_clear_pointer (&figures->node, impact_node_free);
  g_clear_pointer (&figures->by_month, g_array_unref);
  g_clear_pointer (&figures->by_child, g_ptr_array_unref);
  g_clear_pointer (&figures->top_suppliers, g_ptr_array_unref);
  g_clear_pointer (&figures->top_non_social, g_ptr_array_unref);
  g_free (figures);
}

/* The group when @code is NULL or the group's code, else the division or (when no
 * division has it) the object with that code. */
ImpactNode *
impact_query_find_node (ImpactStore *store,
                        const char *code,
                        GError **error)
{
  static const ImpactNodeLevel levels[] = { IMPACT_NODE_GROUP, IMPACT_NODE_DIVISION, IMPACT_NODE_OBJECT };
  g_autoptr (GPtrArray) groups = NULL;

  g_return_val_if_fail (IMPACT_IS_STORE (store), NULL);

  if (code == NULL)
    {
      groups = impact_store_list_nodes (store, IMPACT_NODE_GROUP, error);
      if (groups == NULL)
        return NULL;
      if (groups->len > 0)
        return impact_node_copy (g_ptr_array_index (groups, 0));

      /* A database without purchases yet: the group is there in name. */
      return impact_node_new (IMPACT_NODE_GROUP, "GROUP", _ ("Group"));
    }

  for (guint i = 0; i < G_N_ELEMENTS (levels); i++)
    {
      g_autoptr (GError) local_error = NULL;
      ImpactNode *node = impact_store_find_node (store, levels[i], code, &local_error);

      if (node != NULL)
        return node;
      if (local_error != NULL && !g_error_matches (local_error, IMPACT_STORE_ERROR, IMPACT_STORE_ERROR_NOT_FOUND))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
    }

  g_set_error (error, IMPACT_QUERY_ERROR, IMPACT_QUERY_ERROR_NO_NODE,
               _ ("There is no division or object with the code “%s”."), code);
  return NULL;
}

/* The month the financial year starts in, 1 to 12, as kept in the database. */
guint
impact_query_get_fy_start (ImpactStore *store)
{
  g_autofree char *value = impact_store_get_meta (store, "financial-year-start", NULL);
  guint64 month = 1;

  if (value == NULL || !g_ascii_string_to_unsigned (value, 10, 1, 12, &month, NULL))
    return 1;

  return month;
}

/* The financial year of the latest purchase, or the current one when there are none. */
gboolean
impact_query_get_data_period (ImpactStore *store,
                              ImpactPeriod *period,
                              GError **error)
{
  ImpactDb *db = impact_store_get_db (store);
  guint fy_start = impact_query_get_fy_start (store);
  gint64 last = -1;
  gint32 month;

  if (!impact_summary_refresh (db, error)
      || !impact_db_query_int (db, "SELECT coalesce (max (month), -1) FROM node_summary", &last, error))
    return FALSE;

  if (last < 0)
    {
      g_autoptr (GDateTime) now = g_date_time_new_now_local ();

      last = g_date_time_get_year (now) * 12 + g_date_time_get_month (now) - 1;
    }
  month = (gint32) last;
  impact_period_init_year (period, (month - (int) fy_start + 1) / 12, fy_start);

  return TRUE;
}

static ImpactDbStmt *
prepare (ImpactDb *db,
         const char *template,
         const ImpactNode *node,
         gint32 first_month,
         gint32 last_month,
         GError **error)
{
  /* The template's one %s becomes one of the constant filters above: no data goes into SQL. */
  const char *slot = strstr (template, "%s");
  g_autofree char *sql = NULL;
  ImpactDbStmt *stmt;

  g_assert (slot != NULL);
  sql = g_strdup_printf ("%.*s%s%s", (int) (slot - template), template, node_filters[node->level], slot + 2);
  stmt = impact_db_stmt_new (db, sql, error);

  if (stmt == NULL)
    return NULL;
  impact_db_stmt_bind_int64 (stmt, 1, first_month);
  impact_db_stmt_bind_int64 (stmt, 2, last_month);
  if (node->level == IMPACT_NODE_DIVISION)
    impact_db_stmt_bind_int64 (stmt, 3, node->id);
  else if (node->level == IMPACT_NODE_OBJECT)
    {
      impact_db_stmt_bind_int64 (stmt, 3, node->parent_id);
      impact_db_stmt_bind_int64 (stmt, 4, node->id);
    }

  return stmt;
}

/* Adds @cents of social class @klass to @spend. */
static void
spend_add (ImpactSpend *spend,
           gint64 klass,
           gint64 cents)
{
  spend->total_cents += cents;
  if (impact_social_class_is_social (klass))
    spend->social_cents += cents;
}

/* The totals of the period and of the period before, in one pass: the statement runs from the
 * first month before (?1) to the last of the period (?2), and ?5 is where the period starts. */
static gboolean
query_totals (ImpactDb *db,
              ImpactFigures *figures,
              const ImpactPeriod *previous,
              GError **error)
{
  g_autoptr (ImpactDbStmt) stmt = prepare (db,
                                           "SELECT class, month >= ?5, sum (total_cents) FROM node_summary"
                                           " WHERE %s GROUP BY class, month >= ?5",
                                           figures->node, previous->first_month, figures->period.last_month, error);
  ImpactDbStep step;

  if (stmt == NULL)
    return FALSE;
  impact_db_stmt_bind_int64 (stmt, 5, figures->period.first_month);

  while ((step = impact_db_stmt_step (stmt, error)) == IMPACT_DB_ROW)
    {
      gint64 klass = impact_db_stmt_get_int64 (stmt, 0);
      gint64 cents = impact_db_stmt_get_int64 (stmt, 2);

      if (klass < 0 || klass >= IMPACT_N_SOCIAL_CLASSES)
        continue;
      if ((int) impact_db_stmt_get_int64 (stmt, 1))
        {
          spend_add (&figures->spend, klass, cents);
          figures->by_class[klass] += cents;
        }
      else
        spend_add (&figures->previous, klass, cents);
    }

  return step != IMPACT_DB_ERROR;
}

static gboolean
query_months (ImpactDb *db,
              ImpactFigures *figures,
              GError **error)
{
  const ImpactPeriod *period = &figures->period;
  g_autoptr (ImpactDbStmt) stmt = prepare (db,
                                           "SELECT month, sum (total_cents),"
                                           " coalesce (sum (CASE WHEN " SOCIAL_SQL " THEN total_cents END), 0)"
                                           " FROM node_summary WHERE %s GROUP BY month",
                                           figures->node, period->first_month, period->last_month, error);

  if (stmt == NULL)
    return FALSE;

  figures->by_month = _impact_query_months_new (period);
  return _impact_query_read_months (stmt, period, figures->by_month, error);
}

static int
compare_children (gconstpointer a,
                  gconstpointer b)
{
  const ImpactChildFigures *x = *(ImpactChildFigures *const *) a;
  const ImpactChildFigures *y = *(ImpactChildFigures *const *) b;

  if (x->spend.total_cents != y->spend.total_cents)
    return x->spend.total_cents > y->spend.total_cents ? -1 : 1;

  return g_strcmp0 (x->code, y->code);
}

/* The divisions of the group or the objects of a division, largest first, with their spend
 * per class and in the period before (one pass, as query_totals()); a child that bought only
 * in the period before is listed with no spend now. */
static gboolean
query_children (ImpactDb *db,
                ImpactFigures *figures,
                const ImpactPeriod *previous,
                GError **error)
{
  g_autoptr (ImpactDbStmt) stmt = NULL;
  ImpactChildFigures *child = NULL;
  ImpactDbStep step;

  figures->by_child = g_ptr_array_new_with_free_func ((GDestroyNotify) _impact_query_child_free);
  if (figures->node->level == IMPACT_NODE_OBJECT)
    return TRUE;

  stmt = prepare (db,
                  figures->node->level == IMPACT_NODE_GROUP
                      ? "SELECT s.child, n.code, n.name, s.class, s.now, s.t FROM"
                        " (SELECT division_id child, class, month >= ?5 now, sum (total_cents) t"
                        "  FROM node_summary WHERE %s GROUP BY division_id, class, month >= ?5) s"
                        " LEFT JOIN nodes n ON n.id = s.child ORDER BY s.child"
                      : "SELECT s.child, n.code, n.name, s.class, s.now, s.t FROM"
                        " (SELECT object_id child, class, month >= ?5 now, sum (total_cents) t"
                        "  FROM node_summary WHERE %s GROUP BY object_id, class, month >= ?5) s"
                        " LEFT JOIN nodes n ON n.id = s.child ORDER BY s.child",
                  figures->node, previous->first_month, figures->period.last_month, error);
  if (stmt == NULL)
    return FALSE;
  impact_db_stmt_bind_int64 (stmt, 5, figures->period.first_month);

  while ((step = impact_db_stmt_step (stmt, error)) == IMPACT_DB_ROW)
    {
      gint64 node_id = impact_db_stmt_get_int64 (stmt, 0);
      gint64 klass = impact_db_stmt_get_int64 (stmt, 3);
      gint64 cents = impact_db_stmt_get_int64 (stmt, 5);

      if (child == NULL || child->node_id != node_id)
        {
          const char *code = impact_db_stmt_get_text (stmt, 1);
          const char *name = impact_db_stmt_get_text (stmt, 2);

          child = g_new0 (ImpactChildFigures, 1);
          child->node_id = node_id;
          child->code = g_strdup (code);
          child->name = name != NULL ? g_strdup (name) : g_strdup (_ ("Not linked to an object"));
          g_ptr_array_add (figures->by_child, child);
        }
      if (klass < 0 || klass >= IMPACT_N_SOCIAL_CLASSES)
        continue;
      if ((int) impact_db_stmt_get_int64 (stmt, 4))
        {
          child->by_class[klass] += cents;
          spend_add (&child->spend, klass, cents);
        }
      else
        spend_add (&child->previous, klass, cents);
    }
  g_ptr_array_sort (figures->by_child, compare_children);

  return step != IMPACT_DB_ERROR;
}

static int
compare_supplier_total (gconstpointer a,
                        gconstpointer b)
{
  const ImpactSupplierFigures *x = *(ImpactSupplierFigures *const *) a;
  const ImpactSupplierFigures *y = *(ImpactSupplierFigures *const *) b;

  if (x->total_cents != y->total_cents)
    return x->total_cents > y->total_cents ? -1 : 1;

  return x->supplier_id < y->supplier_id ? -1 : x->supplier_id > y->supplier_id;
}

/* Keeps @n_top suppliers, largest first. */
static void
keep_top (GPtrArray *top,
          guint n_top,
          gint64 supplier_id,
          ImpactSocialClass klass,
          gint64 total_cents)
{
  ImpactSupplierFigures *supplier;

  if (total_cents <= 0 || n_top == 0)
    return;
  if (top->len == n_top)
    {
      const ImpactSupplierFigures *last = g_ptr_array_index (top, top->len - 1);

      if (total_cents < last->total_cents || (total_cents == last->total_cents && supplier_id > last->supplier_id))
        return;
      g_ptr_array_remove_index (top, top->len - 1);
    }

  supplier = g_new0 (ImpactSupplierFigures, 1);
  supplier->supplier_id = supplier_id;
  supplier->klass = klass;
  supplier->total_cents = total_cents;
  g_ptr_array_add (top, supplier);
  g_ptr_array_sort (top, compare_supplier_total);
}

static gboolean
name_suppliers (ImpactDb *db,
                GPtrArray *suppliers,
                GError **error)
{
  g_autoptr (ImpactDbStmt) stmt = impact_db_stmt_new (db, "SELECT name, kvk FROM suppliers WHERE id = ?", error);

  if (stmt == NULL)
    return FALSE;

  for (guint i = 0; i < suppliers->len; i++)
    {
      ImpactSupplierFigures *supplier = g_ptr_array_index (suppliers, i);
      ImpactDbStep step;

      impact_db_stmt_bind_int64 (stmt, 1, supplier->supplier_id);
      step = impact_db_stmt_step (stmt, error);
      if (step == IMPACT_DB_ROW)
        {
          supplier->name = impact_db_stmt_dup_text (stmt, 0);
          supplier->kvk = impact_db_stmt_dup_text (stmt, 1);
        }
      impact_db_stmt_reset (stmt);
      if (step == IMPACT_DB_ERROR)
        return FALSE;
    }

  return TRUE;
}

/* One pass over the suppliers of the node and period: their count per class and the largest
 * ones, in all and by non-social spend. */
static gboolean
query_suppliers (ImpactDb *db,
                 ImpactFigures *figures,
                 guint n_top,
                 GError **error)
{
  /* The group's suppliers from the table without divisions and objects: a third of the
   * rows to read (bench-query). */
  g_autoptr (ImpactDbStmt) stmt = prepare (db,
                                           figures->node->level == IMPACT_NODE_GROUP
                                               ? "SELECT supplier_id, max (class), sum (total_cents),"
                                                 " coalesce (sum (CASE WHEN NOT " SOCIAL_SQL " THEN total_cents END), 0)"
                                                 " FROM supplier_month_summary WHERE %s GROUP BY supplier_id"
                                               : "SELECT supplier_id, max (class), sum (total_cents),"
                                                 " coalesce (sum (CASE WHEN NOT " SOCIAL_SQL " THEN total_cents END), 0)"
                                                 " FROM spend_summary WHERE %s GROUP BY supplier_id",
                                           figures->node, figures->period.first_month,
                                           figures->period.last_month, error);
  ImpactDbStep step;

  if (stmt == NULL)
    return FALSE;

  figures->top_suppliers = g_ptr_array_new_with_free_func ((GDestroyNotify) supplier_figures_free);
  figures->top_non_social = g_ptr_array_new_with_free_func ((GDestroyNotify) supplier_figures_free);
  while ((step = impact_db_stmt_step (stmt, error)) == IMPACT_DB_ROW)
    {
      gint64 supplier_id = impact_db_stmt_get_int64 (stmt, 0);
      gint64 klass = impact_db_stmt_get_int64 (stmt, 1);

      if (klass < 0 || klass >= IMPACT_N_SOCIAL_CLASSES)
        continue;
      figures->suppliers_per_class[klass]++;
      keep_top (figures->top_suppliers, n_top, supplier_id, klass, impact_db_stmt_get_int64 (stmt, 2));
      keep_top (figures->top_non_social, n_top, supplier_id, klass, impact_db_stmt_get_int64 (stmt, 3));
    }

  return step != IMPACT_DB_ERROR && name_suppliers (db, figures->top_suppliers, error)
         && name_suppliers (db, figures->top_non_social, error);
}

/* The node's target, else its parent's, else the group's. */
static gboolean
query_target (ImpactStore *store,
              ImpactFigures *figures,
              GError **error)
{
  gint64 ids[3] = { figures->node->id, 0, 0 };
  g_autoptr (GPtrArray) groups = NULL;
  guint n = 1;

  if (figures->node->level == IMPACT_NODE_OBJECT)
    ids[n++] = figures->node->parent_id;
  if (figures->node->level != IMPACT_NODE_GROUP)
    {
      groups = impact_store_list_nodes (store, IMPACT_NODE_GROUP, error);
      if (groups == NULL)
        return FALSE;
      if (groups->len > 0)
        ids[n++] = ((const ImpactNode *) g_ptr_array_index (groups, 0))->id;
    }

  figures->target_share = NAN;
  for (guint i = 0; i < n; i++)
    {
      if (ids[i] <= 0)
        continue;
      if (!impact_store_get_share_target (store, ids[i], &figures->target_share, error))
        return FALSE;
      if (!isnan (figures->target_share))
        {
          figures->target_node_id = ids[i];
          break;
        }
    }

  return TRUE;
}

/* The figures of @node (a group, division or object as impact_query_find_node() gives
 * them) in @period, with the @n_top largest suppliers. */
ImpactFigures *
impact_query_figures (ImpactStore *store,
                      const ImpactNode *node,
                      const ImpactPeriod *period,
                      guint n_top,
                      GError **error)
{
  g_autoptr (ImpactFigures) figures = NULL;
  ImpactPeriod previous;
  ImpactDb *db;

  g_return_val_if_fail (IMPACT_IS_STORE (store), NULL);
  g_return_val_if_fail (node != NULL && node->level <= IMPACT_NODE_OBJECT, NULL);
  g_return_val_if_fail (period != NULL && period->first_month <= period->last_month, NULL);

  db = impact_store_get_db (store);
  if (!impact_summary_refresh (db, error))
    return NULL;

  figures = g_new0 (ImpactFigures, 1);
  figures->node = impact_node_copy (node);
  figures->period = *period;
  impact_period_previous (period, &previous);

  if (!query_totals (db, figures, &previous, error) || !query_months (db, figures, error)
      || !query_children (db, figures, &previous, error)
      || !query_suppliers (db, figures, n_top, error) || !query_target (store, figures, error))
    return NULL;

  return g_steal_pointer (&figures);
}

/* The financial years with purchases, newest first (as ints, the year each starts in). */
GArray *
impact_query_list_years (ImpactStore *store,
                         GError **error)
{
  ImpactDb *db;
  g_autoptr (ImpactDbStmt) stmt = NULL;
  g_autoptr (GArray) years = NULL;
  ImpactDbStep step;

  g_return_val_if_fail (IMPACT_IS_STORE (store), NULL);

  db = impact_store_get_db (store);
  if (!impact_summary_refresh (db, error))
    return NULL;
  stmt = impact_db_stmt_new (db,
                             "SELECT DISTINCT (month - ?1 + 1) / 12 FROM node_summary"
                             " WHERE n_lines > 0 ORDER BY 1 DESC",
                             error);
  if (stmt == NULL)
    return NULL;
  impact_db_stmt_bind_int64 (stmt, 1, impact_query_get_fy_start (store));

  years = g_array_new (FALSE, FALSE, sizeof (int));
  while ((step = impact_db_stmt_step (stmt, error)) == IMPACT_DB_ROW)
    {
      int year = (int) impact_db_stmt_get_int64 (stmt, 0);

      g_array_append_val (years, year);
    }
  if (step == IMPACT_DB_ERROR)
    return NULL;

  return g_steal_pointer (&years);
}
