/* impact-row-queue.c: rows a streaming reader has built and not yet handed out
 *
 * The XLSX and ODS readers get a sheet from libxml2's parser piece by piece and build its
 * rows as the elements come; a piece of 64 kB holds a hundred rows or so. The queue keeps
 * them, in order, until they are read. Rows are reused: handing one out swaps it with the
 * reader's row, and the row that comes back is emptied for the next one.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "impact-row-queue"

#include "config.h"

#include "impact-row-queue.h"

struct _ImpactRowQueue
{
  /* rows[head..n_ready) are complete, rows[n_ready] is being built. */
  GPtrArray *rows;
  /* How many rows of the sheet each complete row stands for (ODS repeats rows). */
  GArray *repeats;
  guint head;
  guint n_ready;
  /* Copies of rows[head] handed out so far. */
  guint n_copies;
};

ImpactRowQueue *
impact_row_queue_new (void)
{
  ImpactRowQueue *queue = g_new0 (ImpactRowQueue, 1);

  queue->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) impact_row_free);
  queue->repeats = g_array_new (FALSE, FALSE, sizeof (guint));

  return queue;
}

void
impact_row_queue_free (ImpactRowQueue *queue)
{
  if (queue == NULL)
    return;

  g_ptr_array_unref (queue->rows);
  g_array_unref (queue->repeats);
  g_free (queue);
}

/* Empties the queue and the row being built. */
void
impact_row_queue_clear (ImpactRowQueue *queue)
{
  g_return_if_fail (queue != NULL);

  for (guint i = 0; i < queue->rows->len; i++)
    impact_row_clear (g_ptr_array_index (queue->rows, i));
  queue->head = queue->n_ready = queue->n_copies = 0;
}

/* The row being built, after the complete ones. */
ImpactRow *
impact_row_queue_building (ImpactRowQueue *queue)
{
  g_return_val_if_fail (queue != NULL, NULL);

  if (queue->n_ready == queue->rows->len)
    {
      g_ptr_array_add (queue->rows, impact_row_new ());
      g_array_set_size (queue->repeats, queue->rows->len);
    }

  return g_ptr_array_index (queue->rows, queue->n_ready);
}

/* The row being built is complete; it stands for @repeat rows of the sheet, numbered
 * from its number on. */
void
impact_row_queue_push (ImpactRowQueue *queue,
                       guint repeat)
{
  g_return_if_fail (queue != NULL && repeat > 0);

  impact_row_queue_building (queue);
  g_array_index (queue->repeats, guint, queue->n_ready) = repeat;
  queue->n_ready++;
}

/* The next complete row into @row, in place of what it had; FALSE when there is none. */
gboolean
impact_row_queue_pop (ImpactRowQueue *queue,
                      ImpactRow *row)
{
  ImpactRow *next;
  guint number;

  g_return_val_if_fail (queue != NULL && row != NULL, FALSE);

  if (queue->head == queue->n_ready)
    {
      /* All handed out: the row being built moves to the front, the rest is reused. */
      if (queue->n_ready > 0 && queue->n_ready < queue->rows->len)
        {
          gpointer first = queue->rows->pdata[0];

          queue->rows->pdata[0] = queue->rows->pdata[queue->n_ready];
          queue->rows->pdata[queue->n_ready] = first;
        }
      queue->head = queue->n_ready = 0;
      return FALSE;
    }

  next = g_ptr_array_index (queue->rows, queue->head);
  number = next->number + queue->n_copies;
  if (queue->n_copies + 1 < g_array_index (queue->repeats, guint, queue->head))
    {
      impact_row_copy (row, next);
      queue->n_copies++;
    }
  else
    {
      impact_row_swap (row, next);
      impact_row_clear (next);
      queue->head++;
      queue->n_copies = 0;
    }
  row->number = number;

  return TRUE;
}
