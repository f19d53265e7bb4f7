/* impact-dashboard-load.c: the figures of one dashboard page, read on a worker thread
 *
 * The figures of a node and period against the period before, the social return of its
 * contracts on today, the PSO estimate, the certificates ending soon, the opportunities, and
 * the expiry notices not yet given. Read with a connection of its own, so that a slow first
 * read (after an upgrade the summary is built once) never blocks the window.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "impact-dashboard-load"

#include "config.h"

#include "impact-dashboard-load.h"
#include "impact-expiry-notices.h"
#include "model/impact-format.h"

typedef struct
{
  char *path;
  ImpactNode *node;
  ImpactPeriodChoice choice;
  guint horizon;
  gboolean notify_expiry;
} LoadJob;

static void
load_job_free (LoadJob *job)
{
  g_free (job->path);
  g_clear_pointer (&job->node, impact_node_free);
  g_free (job);
}

void
impact_dashboard_data_free (ImpactDashboardData *result)
{
  g_clear_pointer (&result->figures, impact_figures_free);
  g_clear_pointer (&result->years, g_array_unref);
  g_clear_pointer (&result->sroi, impact_sroi_overview_free);
  g_clear_pointer (&result->pso, impact_pso_figures_free);
  g_clear_pointer (&result->expiring, g_ptr_array_unref);
  g_clear_pointer (&result->notices, g_ptr_array_unref);
  g_clear_pointer (&result->opportunities, g_ptr_array_unref);
  g_free (result);
}

static void
load_thread (GTask *task,
             gpointer source_object,
             gpointer task_data,
             GCancellable *cancellable)
{
  LoadJob *job = task_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (ImpactStore) store = impact_store_open (job->path, &error);
  g_autoptr (ImpactNode) node = NULL;
  g_autoptr (GPtrArray) group_expiring = NULL;
  guint32 today = impact_day_today ();
  ImpactDashboardData *result;
  ImpactPeriod period;

  if (store == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  result = g_new0 (ImpactDashboardData, 1);
  node = job->node != NULL ? impact_node_copy (job->node) : impact_query_find_node (store, NULL, &error);
  if (node != NULL)
    result->years = impact_query_list_years (store, &error);
  if (result->years != NULL)
    {
      /* The year asked for, else the latest with purchases. */
      result->year = job->choice.year;
      if (result->year <= 0 && result->years->len > 0)
        result->year = g_array_index (result->years, int, 0);
      else if (result->year <= 0)
        {
          impact_query_get_data_period (store, &period, NULL);
          result->year = (period.first_month - (int) impact_query_get_fy_start (store) + 1) / 12;
        }
      impact_period_choice_resolve (&job->choice, result->year, impact_query_get_fy_start (store), &period);
      result->figures = impact_query_figures (store, node, &period, 10, &error);
    }
  /* Social return on today, over each contract's whole term; the PSO estimate of the
   * period; the certificates ending soon that matter to this node. */
  if (error == NULL)
    result->sroi = impact_query_sroi (store, node, today, &error);
  if (error == NULL && node->level != IMPACT_NODE_OBJECT)
    result->pso = impact_query_pso (store, node, &period, &error);
  if (error == NULL && node->level != IMPACT_NODE_GROUP)
    result->expiring = impact_query_list_expiring (store, node, today, 0, job->horizon, &error);
  /* The group's certificates, read once: those ending within the horizon (for the key figure
   * and, on the group's page, the list), and those within 30 days either side of today (for
   * the banner and the notifications). */
  if (error == NULL)
    group_expiring = impact_query_list_expiring (store, NULL, today, IMPACT_EXPIRY_WARNING_DAYS,
                                                 MAX (job->horizon, IMPACT_EXPIRY_WARNING_DAYS), &error);
  if (group_expiring != NULL)
    {
      if (node->level == IMPACT_NODE_GROUP)
        result->expiring = g_ptr_array_new_with_free_func ((GDestroyNotify) impact_expiring_free);
      for (guint i = 0; i < group_expiring->len; i++)
        {
          const ImpactExpiring *item = g_ptr_array_index (group_expiring, i);

          if (item->valid_until >= today && item->valid_until <= (gint64) today + job->horizon)
            {
              result->n_expiring++;
              if (node->level == IMPACT_NODE_GROUP)
                g_ptr_array_add (result->expiring, impact_expiring_copy (item));
            }
          if (item->valid_until < today)
            result->n_ended++;
          else if (item->valid_until <= (gint64) today + IMPACT_EXPIRY_WARNING_DAYS)
            result->n_ending++;
        }
    }
  if (error == NULL)
    result->opportunities = impact_query_opportunities (store, result->figures, 3, &error);
  if (error == NULL && job->notify_expiry)
    result->notices = impact_query_take_expiry_notices (store, group_expiring, today, IMPACT_EXPIRY_WARNING_DAYS, &error);

  if (error != NULL)
    {
      impact_dashboard_data_free (result);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  g_task_return_pointer (task, result, (GDestroyNotify) impact_dashboard_data_free);
}

/* Reads the figures of @node (the group when NULL) in the period of @choice from @database,
 * on a worker thread; certificates ending within @horizon days are listed. */
void
impact_dashboard_load_async (const char *database,
                             const ImpactNode *node,
                             const ImpactPeriodChoice *choice,
                             guint horizon,
                             gboolean notify_expiry,
                             GCancellable *cancellable,
                             GAsyncReadyCallback callback,
                             gpointer user_data)
{
  g_autoptr (GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  LoadJob *job = g_new0 (LoadJob, 1);

  job->path = g_strdup (database);
  job->node = node != NULL ? impact_node_copy (node) : NULL;
  job->choice = *choice;
  job->horizon = horizon;
  job->notify_expiry = notify_expiry;

  g_task_set_source_tag (task, impact_dashboard_load_async);
  g_task_set_task_data (task, job, (GDestroyNotify) load_job_free);
  g_task_set_return_on_cancel (task, TRUE);
  g_task_run_in_thread (task, load_thread);
}

ImpactDashboardData *
impact_dashboard_load_finish (GAsyncResult *result,
                              GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
