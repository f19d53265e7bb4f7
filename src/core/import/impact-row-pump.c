/* impact-row-pump.c: a reader's rows, read ahead on a second thread
 *
 * Parsing a file (libcsv, or unzipping and reading XML) and checking and writing its rows
 * take about the same time. The pump reads blocks of rows on its own thread while the
 * importer works through the previous block, so the two overlap on a second core. A few
 * blocks are in flight at most: memory stays bounded however long the file is, and the
 * blocks and their rows are reused rather than allocated again.
 *
 * The reader belongs to the pump's thread from impact_row_pump_new() until
 * impact_row_pump_free() returns; the caller must not touch it in between.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "impact-reader"

#include "config.h"

#include "impact-row-pump.h"

#define BLOCK_ROWS 1024
#define N_BLOCKS 4

typedef struct
{
  ImpactRow *rows[BLOCK_ROWS];
  guint n_rows;
  double fraction;
  /* The reader had no more rows after this block, and error says why when it failed. */
  gboolean last;
  GError *error;
} Block;

struct _ImpactRowPump
{
  ImpactReader *reader;
  ImpactRowPrepareFunc prepare;
  gpointer prepare_data;
  GThread *thread;
  /* Blocks the thread may fill, and blocks filled for the importer. */
  GAsyncQueue *empty;
  GAsyncQueue *full;
  gint stop;
  Block *current;
  gboolean handed_out;
};

static Block *
block_new (void)
{
  Block *block = g_new0 (Block, 1);

  for (guint i = 0; i < BLOCK_ROWS; i++)
    block->rows[i] = impact_row_new ();

  return block;
}

static void
block_free (Block *block)
{
  for (guint i = 0; i < BLOCK_ROWS; i++)
    impact_row_free (block->rows[i]);
  g_clear_error (&block->error);
  g_free (block);
}

static gpointer
pump_thread (gpointer data)
{
  ImpactRowPump *self = data;
  gboolean last = FALSE;

  while (!last)
    {
      Block *block = g_async_queue_pop (self->empty);

      if (g_atomic_int_get (&self->stop))
        {
          g_async_queue_push (self->empty, block);
          break;
        }

      for (block->n_rows = 0; block->n_rows < BLOCK_ROWS; block->n_rows++)
        {
          ImpactRow *row = block->rows[block->n_rows];

          impact_row_clear (row);
          if (!impact_reader_read_row (self->reader, row, &block->error))
            {
              block->last = TRUE;
              break;
            }
          if (self->prepare != NULL)
            self->prepare (row, self->prepare_data);
        }
      block->fraction = impact_reader_get_fraction (self->reader);
      last = block->last;
      g_async_queue_push (self->full, block);
    }

  return NULL;
}

/* Starts reading @reader's rows on a thread of the pump's own. @prepare, when given, is
 * called for every row there, so that work which needs only the row happens on that thread
 * rather than on the caller's; @user_data must stay as it is while the pump runs: both
 * threads read it. */
ImpactRowPump *
impact_row_pump_new (ImpactReader *reader,
                     ImpactRowPrepareFunc prepare,
                     gpointer user_data)
{
  ImpactRowPump *self;

  g_return_val_if_fail (IMPACT_IS_READER (reader), NULL);

  self = g_new0 (ImpactRowPump, 1);
  self->reader = g_object_ref (reader);
  self->prepare = prepare;
  self->prepare_data = user_data;
  self->empty = g_async_queue_new_full ((GDestroyNotify) block_free);
  self->full = g_async_queue_new_full ((GDestroyNotify) block_free);
  for (guint i = 0; i < N_BLOCKS; i++)
    g_async_queue_push (self->empty, block_new ());
  self->thread = g_thread_new ("impact-row-pump", pump_thread, self);

  return self;
}

/* The next block of rows the thread read; they stay valid until the next call. FALSE at the
 * end of the file, or with @error set when the reader failed. */
gboolean
impact_row_pump_next_rows (ImpactRowPump *self,
                           ImpactRow *const **rows,
                           guint *n_rows,
                           GError **error)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (rows != NULL && n_rows != NULL, FALSE);

  for (;;)
    {
      if (self->current != NULL && !self->handed_out && self->current->n_rows > 0)
        {
          self->handed_out = TRUE;
          *rows = self->current->rows;
          *n_rows = self->current->n_rows;
          return TRUE;
        }
      if (self->current != NULL && self->current->last)
        {
          if (self->current->error != NULL)
            g_propagate_error (error, g_steal_pointer (&self->current->error));
          return FALSE;
        }
      if (self->current != NULL)
        g_async_queue_push (self->empty, g_steal_pointer (&self->current));
      self->current = g_async_queue_pop (self->full);
      self->handed_out = FALSE;
    }
}

/* How much of the file the rows handed out so far cover, 0 to 1. */
double
impact_row_pump_get_fraction (ImpactRowPump *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->current != NULL ? self->current->fraction : 0;
}

/* Stops the thread (it finishes the block it is reading first) and frees what it read. */
void
impact_row_pump_free (ImpactRowPump *self)
{
  if (self == NULL)
    return;

  g_atomic_int_set (&self->stop, 1);
  if (self->current != NULL)
    g_async_queue_push (self->empty, g_steal_pointer (&self->current));
  else
    g_async_queue_push (self->empty, block_new ());
  g_thread_join (self->thread);

  g_async_queue_unref (self->empty);
  g_async_queue_unref (self->full);
  g_object_unref (self->reader);
  g_free (self);
}
