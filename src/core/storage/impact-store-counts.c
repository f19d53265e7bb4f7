/* impact-store-counts.c: what a database holds, as text for people
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "impact-store-counts"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "impact-db-stmt.h"
#include "impact-store-counts.h"
#include "impact-store-summary.h"
#include "model/impact-format.h"

void
impact_counts_text_init (ImpactCountsText *text,
                         const ImpactStoreCounts *counts)
{
  g_autofree char *social = NULL;
  double share;

  g_return_if_fail (text != NULL);
  g_return_if_fail (counts != NULL);

  text->divisions = impact_format_count (counts->n_divisions);
  text->objects = impact_format_count (counts->n_objects);
  text->suppliers = impact_format_count (counts->n_suppliers);
  text->statuses = impact_format_count (counts->n_statuses);
  text->lines = impact_format_count (counts->n_lines);
  text->total = impact_format_money (counts->total_cents);

  if (counts->n_lines > 0)
    {
      g_autofree char *first = impact_format_day (counts->first_day);
      g_autofree char *last = impact_format_day (counts->last_day);

      /* Translators: a period of time, from the first day to the last. */
      text->period = g_strdup_printf (_ ("%s to %s"), first, last);
    }
  else
    text->period = g_strdup (_ ("No purchases yet"));

  social = impact_format_money (counts->social_cents);
  share = counts->total_cents != 0 ? 100.0 * counts->social_cents / counts->total_cents : 0;
  /* Translators: an amount of money and its share of the total, as in "EUR 12,00 (8.5%)". */
  text->social = g_strdup_printf (_ ("%s (%.1f%%)"), social, share);
}

void
impact_counts_text_clear (ImpactCountsText *text)
{
  g_clear_pointer (&text->divisions, g_free);
  g_clear_pointer (&text->objects, g_free);
  g_clear_pointer (&text->suppliers, g_free);
  g_clear_pointer (&text->statuses, g_free);
  g_clear_pointer (&text->lines, g_free);
  g_clear_pointer (&text->period, g_free);
  g_clear_pointer (&text->total, g_free);
  g_clear_pointer (&text->social, g_free);
}

gboolean
impact_store_get_counts (ImpactStore *self,
                         ImpactStoreCounts *counts,
                         GError **error)
{
  ImpactDb *db;
  g_autoptr (ImpactDbStmt) stmt = NULL;

  g_return_val_if_fail (IMPACT_IS_STORE (self), FALSE);
  g_return_val_if_fail (counts != NULL, FALSE);

  /* Spend and social spend come from the summary, classified as the dashboards classify;
   * only the first and last day need the lines themselves. */
  db = impact_store_get_db (self);
  if (!impact_summary_refresh (db, error))
    return FALSE;
  stmt = impact_db_stmt_new (db,
                             "WITH days AS (SELECT min(invoice_day) lo, max(invoice_day) hi FROM purchase_lines)"
                             " SELECT (SELECT count(*) FROM nodes WHERE level = 1),"
                             " (SELECT count(*) FROM nodes WHERE level = 2),"
                             " (SELECT count(*) FROM suppliers),"
                             " (SELECT count(*) FROM supplier_statuses),"
                             " (SELECT count(*) FROM import_batches),"
                             " coalesce (sum (n_lines), 0), coalesce (sum (total_cents), 0),"
                             " coalesce (sum (CASE WHEN " IMPACT_SUMMARY_SOCIAL_SQL " THEN total_cents END), 0),"
                             " (SELECT lo FROM days), (SELECT hi FROM days)"
                             " FROM node_summary",
                             error);
  if (stmt == NULL)
    return FALSE;

  if (!impact_db_stmt_step_row (stmt, error))
    return FALSE;

  counts->n_divisions = impact_db_stmt_get_int64 (stmt, 0);
  counts->n_objects = impact_db_stmt_get_int64 (stmt, 1);
  counts->n_suppliers = impact_db_stmt_get_int64 (stmt, 2);
  counts->n_statuses = impact_db_stmt_get_int64 (stmt, 3);
  counts->n_batches = impact_db_stmt_get_int64 (stmt, 4);
  /* Whole sums: an integer on SQLite, a numeric on PostgreSQL, read as one. */
  counts->n_lines = impact_db_stmt_get_int64 (stmt, 5);
  counts->total_cents = impact_db_stmt_get_int64 (stmt, 6);
  counts->social_cents = impact_db_stmt_get_int64 (stmt, 7);
  counts->first_day = impact_db_stmt_get_int64 (stmt, 8);
  counts->last_day = impact_db_stmt_get_int64 (stmt, 9);

  return TRUE;
}

static void
counts_thread (GTask *task,
               gpointer source_object,
               gpointer task_data,
               GCancellable *cancellable)
{
  const char *path = task_data;
  g_autoptr (ImpactStore) store = NULL;
  g_autofree ImpactStoreCounts *counts = g_new0 (ImpactStoreCounts, 1);
  GError *error = NULL;

  /* A connection of its own: SQLite handles are never shared between threads. */
  store = impact_store_open (path, &error);
  if (store == NULL || !impact_store_get_counts (store, counts, &error))
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, g_steal_pointer (&counts), g_free);
}

void
impact_store_get_counts_async (ImpactStore *self,
                               GCancellable *cancellable,
                               GAsyncReadyCallback callback,
                               gpointer user_data)
{
  g_autoptr (GTask) task = NULL;

  g_return_if_fail (IMPACT_IS_STORE (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, impact_store_get_counts_async);
  g_task_set_task_data (task, g_strdup (impact_store_get_path (self)), g_free);
  g_task_run_in_thread (task, counts_thread);
}

gboolean
impact_store_get_counts_finish (ImpactStore *self,
                                GAsyncResult *result,
                                ImpactStoreCounts *counts,
                                GError **error)
{
  g_autofree ImpactStoreCounts *value = NULL;

  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  value = g_task_propagate_pointer (G_TASK (result), error);
  if (value == NULL)
    return FALSE;

  *counts = *value;

  return TRUE;
}
