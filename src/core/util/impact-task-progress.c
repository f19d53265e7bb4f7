/* impact-task-progress.c: progress from a GTask's worker thread to its main context
 *
 * A slow synchronous function takes an ImpactProgressFunc; run in a GTask's thread it is
 * given impact_task_report_progress() with the task, and the function set with
 * impact_task_set_progress() then runs in the context that started the task, where it
 * may touch widgets.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "impact-task-progress"

#include "config.h"

#include "impact-task-progress.h"

typedef struct
{
  ImpactProgressFunc func;
  gpointer data;
  GDestroyNotify destroy;
} Receiver;

typedef struct
{
  GTask *task;
  double fraction;
} Update;

static void
receiver_free (Receiver *receiver)
{
  if (receiver->destroy != NULL)
    receiver->destroy (receiver->data);
  g_free (receiver);
}

void
impact_task_set_progress (GTask *task,
                          ImpactProgressFunc func,
                          gpointer data,
                          GDestroyNotify destroy)
{
  Receiver *receiver;

  g_return_if_fail (G_IS_TASK (task));

  receiver = g_new0 (Receiver, 1);
  receiver->func = func;
  receiver->data = data;
  receiver->destroy = destroy;
  g_object_set_data_full (G_OBJECT (task), "impact-progress", receiver, (GDestroyNotify) receiver_free);
}

static gboolean
deliver (gpointer user_data)
{
  Update *update = user_data;
  Receiver *receiver = g_object_get_data (G_OBJECT (update->task), "impact-progress");

  if (receiver != NULL && receiver->func != NULL)
    receiver->func (update->fraction, receiver->data);

  return G_SOURCE_REMOVE;
}

static void
update_free (Update *update)
{
  g_object_unref (update->task);
  g_free (update);
}

/* An ImpactProgressFunc for the worker thread; user_data is the GTask. */
void
impact_task_report_progress (double fraction,
                             gpointer task)
{
  Update *update;

  g_return_if_fail (G_IS_TASK (task));

  update = g_new0 (Update, 1);
  update->task = g_object_ref (task);
  update->fraction = fraction;
  g_main_context_invoke_full (g_task_get_context (task), G_PRIORITY_DEFAULT, deliver, update,
                              (GDestroyNotify) update_free);
}
