/* impact-bulk-insert.c: purchase lines written fast, a chunk at a time, on a writer thread
 *
 * An import adds its lines one by one; they are gathered in chunks that a writer thread
 * writes with multi-row INSERTs while the import reads on, and summed into the summary
 * tables as they go. Everything is one transaction: a failure anywhere rolls it all back.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "impact-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "impact-bulk-rows.h"
#include "impact-store-private.h"
#include "impact-store-summary.h"
#include "util/impact-key-set.h"

struct _ImpactBulkInsert
{
  ImpactStore *store;
  ImpactDbStmt *stmt;
  ImpactDbStmt *stmt_many;
  /* Where the engine can COPY (PostgreSQL): a chunk's rows in COPY's text form, sent to a
   * staging table, and from there to purchase_lines in one INSERT … SELECT at commit (COPY
   * into a table with row-level security is refused). NULL elsewhere: the INSERTs above. */
  GString *copy;
  /* The chunk being filled, and chunks free for the next ones. */
  Chunk *filling;
  GQueue spare;
  /* With a writer thread (impact_bulk_insert_start_writer()): the chunks handed to it, those
   * it has written, how many are with it, and whether (and why) it failed. */
  GThread *writer;
  GAsyncQueue *to_write;
  GAsyncQueue *written;
  guint n_out;
  gint failed;
  GError *writer_error;
  gint64 first_line_id;
  gint64 last_line_id;
  ImpactKeySet *supplier_ids;
  ImpactKeySet *division_ids;
  ImpactKeySet *object_ids;
  ImpactSummaryAcc *summary;
  gint64 batch_id;
  gint64 rows_read;
  gint64 rows_rejected;
  gint64 rows_duplicate;
  gint64 n_lines;
  gint64 total_cents;
  gboolean finished;
};

/* Chunks of lines (impact-bulk-rows.h): the caller fills one while the writer writes the
 * others. */
#define N_CHUNKS 4
/* Lines ahead of the one being added to the summary whose sums are fetched meanwhile. */
#define SUMMARY_LOOKAHEAD 64

/* What the caller puts in the writer's queue to stop it. */
static Chunk stop_writer;

static Chunk *
chunk_new (void)
{
  Chunk *chunk = g_new (Chunk, 1);

  chunk->n_lines = 0;
  chunk->texts = g_string_sized_new (CHUNK_LINES * 32);

  return chunk;
}

static void
chunk_free (Chunk *chunk)
{
  if (chunk == NULL || chunk == &stop_writer)
    return;

  g_string_free (chunk->texts, TRUE);
  g_free (chunk);
}

static ImpactKeySet *
load_ids (ImpactDb *db,
          const char *sql,
          GError **error)
{
  g_autoptr (ImpactDbStmt) stmt = impact_db_stmt_new (db, sql, error);
  g_autoptr (ImpactKeySet) ids = NULL;
  ImpactDbStep step;

  if (stmt == NULL)
    return NULL;

  ids = impact_key_set_new ();
  while ((step = impact_db_stmt_step (stmt, error)) == IMPACT_DB_ROW)
    impact_key_set_add (ids, (guint64) impact_db_stmt_get_int64 (stmt, 0));
  if (step == IMPACT_DB_ERROR)
    return NULL;

  return g_steal_pointer (&ids);
}

/* Starts a batch: everything added until impact_bulk_insert_commit() lands at once or not at
 * all. Inside a transaction the caller began, the batch is a savepoint of it.
 *
 * The batch checks each line's supplier, division and object against the ids loaded here,
 * inside the write transaction, where no other connection can change them. In a transaction
 * of its own it then switches SQLite's per-row foreign-key checks off: they cost 30% of the
 * time (1,000,000 lines in 2.37 s with them, 1.69 s without; bench-bulk-insert). */
ImpactBulkInsert *
impact_store_begin_batch (ImpactStore *self,
                          const ImpactBatch *batch,
                          GError **error)
{
  ImpactDb *db;
  g_autoptr (ImpactBulkInsert) insert = NULL;

  g_return_val_if_fail (IMPACT_IS_STORE (self), NULL);
  g_return_val_if_fail (batch != NULL && batch->file_name != NULL && batch->target != NULL, NULL);

  db = impact_store_get_db (self);
  insert = g_new0 (ImpactBulkInsert, 1);
  insert->store = g_object_ref (self);
  insert->rows_read = batch->rows_read;
  insert->rows_rejected = batch->rows_rejected;
  insert->rows_duplicate = batch->rows_duplicate;

  /* Nested in the caller's transaction when there is one (the importer's). */
  if (!impact_db_begin_bulk (db, error))
    {
      insert->finished = TRUE;
      return NULL;
    }

  /* The lines are added to the dashboards' summary as they come, classified by the statuses
   * as they are now. */
  if (!impact_summary_refresh (db, error))
    return NULL;
  insert->summary = impact_summary_acc_new (db, error);
  if (insert->summary == NULL)
    return NULL;

  insert->supplier_ids = load_ids (db, "SELECT id FROM suppliers", error);
  if (insert->supplier_ids == NULL)
    return NULL;
  insert->division_ids = load_ids (db, "SELECT id FROM nodes WHERE level = 1", error);
  if (insert->division_ids == NULL)
    return NULL;
  insert->object_ids = load_ids (db, "SELECT id FROM nodes WHERE level = 2", error);
  if (insert->object_ids == NULL)
    return NULL;

  /* Accepted rows and the total are known at the end, and written then. */
  insert->batch_id = _impact_store_insert_batch_row (db, batch, error);
  if (insert->batch_id == 0)
    return NULL;

  /* Its lines get the ids after the highest one; SQLite picks ids at random only once that
   * is the highest possible, and then the batch records no range. */
  if (!impact_db_query_int (db, "SELECT coalesce (max (id), 0) FROM purchase_lines", &insert->first_line_id, error))
    return NULL;
  insert->first_line_id = insert->first_line_id < G_MAXINT64 ? insert->first_line_id + 1 : 0;

  if (impact_db_can_copy (db))
    {
      if (!_impact_bulk_stage_begin (db, error))
        return NULL;
      insert->copy = g_string_sized_new (CHUNK_LINES * 96);
    }
  else
    {
      insert->stmt = _impact_bulk_prepare_insert (db, 1, error);
      if (insert->stmt == NULL)
        return NULL;
      insert->stmt_many = _impact_bulk_prepare_insert (db, ROWS_PER_INSERT, error);
      if (insert->stmt_many == NULL)
        return NULL;
    }
  insert->filling = chunk_new ();

  return g_steal_pointer (&insert);
}

/* Keeps a copy of a line's text until its INSERT. */
static void
keep_text (Chunk *chunk,
           PendingLine *pending,
           guint index,
           const char *text)
{
  if (text == NULL || *text == '\0')
    {
      pending->text[index] = -1;
      return;
    }

  pending->text[index] = chunk->texts->len;
  pending->length[index] = strlen (text);
  g_string_append_len (chunk->texts, text, pending->length[index]);
}

/* Writes the lines of @chunk and adds them to the summary, then empties it. */
static gboolean
write_chunk (ImpactBulkInsert *insert,
             Chunk *chunk,
             GError **error)
{
  const PendingLine *lines = chunk->lines;
  guint n = chunk->n_lines, i;

  if (insert->copy != NULL)
    {
      if (!_impact_bulk_stage_rows (impact_store_get_db (insert->store), chunk, insert->copy, error))
        return FALSE;
    }
  else
    {
      for (i = 0; i + ROWS_PER_INSERT <= n; i += ROWS_PER_INSERT)
        if (!_impact_bulk_insert_rows (chunk, insert->batch_id, insert->stmt_many, i, ROWS_PER_INSERT, error))
          return FALSE;
      for (; i < n; i++)
        if (!_impact_bulk_insert_rows (chunk, insert->batch_id, insert->stmt, i, 1, error))
          return FALSE;
    }

  /* Each line adds to one of the summary's sums, which are spread over megabytes: they are
   * fetched some lines ahead. */
  for (i = 0; i < n; i++)
    {
      const ImpactPurchaseLine *line = &lines[i].line;

      if (i % SUMMARY_LOOKAHEAD == 0)
        for (guint j = i + SUMMARY_LOOKAHEAD; j < MIN (n, i + 2 * SUMMARY_LOOKAHEAD); j++)
          impact_summary_acc_prefetch (insert->summary, lines[j].line.division_id, lines[j].line.object_id,
                                       lines[j].line.supplier_id, lines[j].line.invoice_day);
      if (!impact_summary_acc_add (insert->summary, line->division_id, line->object_id, line->supplier_id,
                                   line->invoice_day, line->amount_cents, error))
        return FALSE;
    }

  chunk->n_lines = 0;
  g_string_truncate (chunk->texts, 0);

  return TRUE;
}

static gpointer
writer_thread (gpointer data)
{
  ImpactBulkInsert *insert = data;
  Chunk *chunk;

  while ((chunk = g_async_queue_pop (insert->to_write)) != &stop_writer)
    {
      GError *error = NULL;

      /* After a failure the chunks only come back: the caller stops and rolls back. */
      if (!g_atomic_int_get (&insert->failed) && !write_chunk (insert, chunk, &error))
        {
          insert->writer_error = error;
          g_atomic_int_set (&insert->failed, 1);
        }
      chunk->n_lines = 0;
      g_string_truncate (chunk->texts, 0);
      g_async_queue_push (insert->written, chunk);
    }

  return NULL;
}

/* Waits until the writer is done with the lines handed to it: the connection is the
 * caller's again until it adds the next line. Lines still being gathered stay with the
 * caller, to be written later (an import waits for every new supplier; handing over a few
 * lines each time made the threads take turns: 0.1 s more for 100,000 lines with
 * 3,000 suppliers). Returns FALSE, with the writer's error, when a line could not be written. */
static gboolean
wait_for_chunks (ImpactBulkInsert *insert,
                 GError **error)
{
  if (insert->writer == NULL)
    return TRUE;

  while (insert->n_out > 0)
    {
      g_queue_push_tail (&insert->spare, g_async_queue_pop (insert->written));
      insert->n_out--;
    }
  if (g_atomic_int_get (&insert->failed))
    {
      g_propagate_error (error, g_error_copy (insert->writer_error));
      return FALSE;
    }

  return TRUE;
}

/* The connection's wait (impact_db_set_wait()): the caller's statements wait for the
 * writer; the writer's own never do. */
static gboolean
wait_for_writer (gpointer data,
                 GError **error)
{
  ImpactBulkInsert *insert = data;

  return insert->writer == g_thread_self () || wait_for_chunks (insert, error);
}

/* From now on the lines are written on a thread of their own while the caller works out
 * the next ones. Whatever else uses the store's connection meanwhile waits for the writer
 * first (through impact_db_set_wait()), and gets the writer's error if it failed. */
void
impact_bulk_insert_start_writer (ImpactBulkInsert *insert)
{
  g_return_if_fail (insert != NULL && !insert->finished);

  if (insert->writer != NULL)
    return;

  insert->to_write = g_async_queue_new ();
  insert->written = g_async_queue_new ();
  for (guint i = 1; i < N_CHUNKS; i++)
    g_queue_push_tail (&insert->spare, chunk_new ());
  insert->writer = g_thread_new ("impact-writer", writer_thread, insert);
  impact_db_set_wait (impact_store_get_db (insert->store), wait_for_writer, insert);
}

/* A chunk to fill: a spare one, or the next the writer is done with. */
static Chunk *
take_chunk (ImpactBulkInsert *insert)
{
  Chunk *chunk = g_queue_pop_head (&insert->spare);

  if (chunk == NULL)
    {
      chunk = g_async_queue_pop (insert->written);
      insert->n_out--;
    }

  return chunk;
}

/* Writes the chunk being filled, or hands it to the writer. */
static gboolean
pass_on (ImpactBulkInsert *insert,
         GError **error)
{
  if (insert->filling->n_lines == 0)
    return TRUE;
  if (insert->writer == NULL)
    return write_chunk (insert, insert->filling, error);

  g_async_queue_push (insert->to_write, g_steal_pointer (&insert->filling));
  insert->n_out++;
  insert->filling = take_chunk (insert);

  return TRUE;
}

/* Whether an id is in the set loaded at the start, or was added to the database since (an
 * import creates suppliers and objects as it goes); those are looked up once. */
static gboolean
known_id (ImpactBulkInsert *insert,
          ImpactKeySet *ids,
          const char *sql,
          gint64 id)
{
  g_autoptr (ImpactDbStmt) stmt = NULL;

  if (impact_key_set_contains (ids, (guint64) id))
    return TRUE;

  stmt = impact_db_stmt_new_cached (impact_store_get_db (insert->store), sql, NULL);
  if (stmt == NULL)
    return FALSE;
  impact_db_stmt_bind_int64 (stmt, 1, id);
  if (impact_db_stmt_step (stmt, NULL) != IMPACT_DB_ROW)
    return FALSE;

  impact_key_set_add (ids, (guint64) id);

  return TRUE;
}

/* The counts of what the batch's file held besides the lines added: recorded at commit. */
void
impact_bulk_insert_set_counts (ImpactBulkInsert *insert,
                               gint64 rows_read,
                               gint64 rows_rejected,
                               gint64 rows_duplicate)
{
  g_return_if_fail (insert != NULL);

  insert->rows_read = rows_read;
  insert->rows_rejected = rows_rejected;
  insert->rows_duplicate = rows_duplicate;
}

gboolean
impact_bulk_insert_add (ImpactBulkInsert *insert,
                        const ImpactPurchaseLine *line,
                        GError **error)
{
  PendingLine *pending;
  Chunk *chunk;

  g_return_val_if_fail (insert != NULL && !insert->finished, FALSE);
  g_return_val_if_fail (line != NULL, FALSE);

  if (g_atomic_int_get (&insert->failed))
    return wait_for_chunks (insert, error);

  if (!known_id (insert, insert->supplier_ids, "SELECT 1 FROM suppliers WHERE id = ?", line->supplier_id)
      || !known_id (insert, insert->division_ids, "SELECT 1 FROM nodes WHERE id = ? AND level = 1",
                    line->division_id)
      || (line->object_id > 0
          && !known_id (insert, insert->object_ids, "SELECT 1 FROM nodes WHERE id = ? AND level = 2",
                        line->object_id)))
    {
      g_set_error_literal (error, IMPACT_STORE_ERROR, IMPACT_STORE_ERROR_CONSTRAINT,
                           _ ("A purchase line refers to a supplier, division or object that is "
                              "not in the database."));
      return FALSE;
    }

  chunk = insert->filling;
  pending = &chunk->lines[chunk->n_lines++];
  pending->line = *line;
  keep_text (chunk, pending, 0, line->invoice_number);
  keep_text (chunk, pending, 1, line->category);
  keep_text (chunk, pending, 2, line->gl_account);
  keep_text (chunk, pending, 3, line->description);
  /* The caller's texts are gone by the time the line is written: the chunk has copies. */
  pending->line.invoice_number = pending->line.category = pending->line.gl_account = pending->line.description = NULL;
  insert->n_lines++;
  insert->total_cents += line->amount_cents;

  return chunk->n_lines < CHUNK_LINES || pass_on (insert, error);
}

/* Tells of a supplier the caller added (its lines' suppliers are checked to be there), so
 * that it need not be looked up. */
void
impact_bulk_insert_add_supplier_id (ImpactBulkInsert *insert,
                                    gint64 supplier_id)
{
  g_return_if_fail (insert != NULL);

  impact_key_set_add (insert->supplier_ids, (guint64) supplier_id);
}

/* The batch's number, for what belongs to it besides its lines. */
gint64
impact_bulk_insert_get_batch_id (ImpactBulkInsert *insert)
{
  g_return_val_if_fail (insert != NULL, 0);

  return insert->batch_id;
}

/* Records the counts on the batch and makes it permanent. Returns the batch id, or 0. */
gint64
impact_bulk_insert_commit (ImpactBulkInsert *insert,
                           GError **error)
{
  ImpactDb *db;
  g_autoptr (ImpactDbStmt) stmt = NULL;
  gint64 start, written;

  g_return_val_if_fail (insert != NULL && !insert->finished, 0);

  db = impact_store_get_db (insert->store);
  start = g_get_monotonic_time ();
  if (!pass_on (insert, error) || !wait_for_chunks (insert, error))
    return 0;
  if (insert->copy != NULL && insert->n_lines > 0 && !_impact_bulk_stage_commit (db, insert->batch_id, error))
    return 0;
  written = g_get_monotonic_time ();
  /* Under the write lock taken before the first id was read, the lines got the ids from
   * first_line_id up to the highest one now. */
  if (insert->n_lines > 0
      && !impact_db_query_int (db, "SELECT coalesce (max (id), 0) FROM purchase_lines", &insert->last_line_id, error))
    return 0;
  if (!impact_summary_acc_write (insert->summary, error) || !impact_summary_refresh (db, error))
    return 0;
  /* What each part costs, with G_MESSAGES_DEBUG=impact-store (the README's figures). */
  g_debug ("Last lines written in %.2f s, then the summary's sums in %.2f s", (written - start) / 1e6,
           (g_get_monotonic_time () - written) / 1e6);
  stmt = impact_db_stmt_new (db,
                             "UPDATE import_batches SET rows_accepted = ?, total_cents = ?,"
                             " rows_read = ?, rows_rejected = ?, rows_duplicate = ?,"
                             " first_line_id = ?, last_line_id = ?"
                             " WHERE id = ?",
                             error);
  if (stmt == NULL)
    return 0;
  impact_db_stmt_bind_int64 (stmt, 1, insert->n_lines);
  impact_db_stmt_bind_int64 (stmt, 2, insert->total_cents);
  /* A caller that did not count the rows it read has read at least those it wrote. */
  impact_db_stmt_bind_int64 (stmt, 3, MAX (insert->rows_read, insert->n_lines));
  impact_db_stmt_bind_int64 (stmt, 4, insert->rows_rejected);
  impact_db_stmt_bind_int64 (stmt, 5, insert->rows_duplicate);
  if (insert->first_line_id > 0)
    {
      impact_db_stmt_bind_int64 (stmt, 6, insert->first_line_id);
      impact_db_stmt_bind_int64 (stmt, 7, insert->n_lines > 0 ? insert->last_line_id : insert->first_line_id - 1);
    }
  impact_db_stmt_bind_int64 (stmt, 8, insert->batch_id);
  if (!impact_db_stmt_run (stmt, error))
    return 0;

  if (!impact_db_commit (db, error))
    return 0;

  insert->finished = TRUE;

  return insert->batch_id;
}

/* Freeing a batch that was not committed undoes all of it. */
void
impact_bulk_insert_free (ImpactBulkInsert *insert)
{
  if (insert == NULL)
    return;

  /* The writer stops after the chunks it has, skipping them when the batch is abandoned. */
  if (insert->writer != NULL)
    {
      Chunk *chunk;

      impact_db_set_wait (impact_store_get_db (insert->store), NULL, NULL);
      if (!insert->finished)
        g_atomic_int_set (&insert->failed, 1);
      g_async_queue_push (insert->to_write, &stop_writer);
      g_thread_join (g_steal_pointer (&insert->writer));
      while ((chunk = g_async_queue_try_pop (insert->written)) != NULL)
        chunk_free (chunk);
      g_async_queue_unref (insert->to_write);
      g_async_queue_unref (insert->written);
      g_clear_error (&insert->writer_error);
    }
  g_queue_clear_full (&insert->spare, (GDestroyNotify) chunk_free);
  g_clear_pointer (&insert->filling, chunk_free);

  g_clear_pointer (&insert->stmt, impact_db_stmt_free);
  g_clear_pointer (&insert->stmt_many, impact_db_stmt_free);
  if (insert->copy != NULL)
    g_string_free (g_steal_pointer (&insert->copy), TRUE);
  if (!insert->finished)
    impact_db_rollback (impact_store_get_db (insert->store));
  g_clear_pointer (&insert->supplier_ids, impact_key_set_free);
  g_clear_pointer (&insert->division_ids, impact_key_set_free);
  g_clear_pointer (&insert->object_ids, impact_key_set_free);
  g_clear_pointer (&insert->summary, impact_summary_acc_free);
  g_clear_object (&insert->store);
  g_free (insert);
}

/* Lines between checks for cancellation: often enough to react within a few milliseconds. */
#define CANCEL_CHECK_INTERVAL 4096

gint64
impact_store_insert_lines (ImpactStore *self,
                           const ImpactBatch *batch,
                           const ImpactPurchaseLine *lines,
                           gsize n_lines,
                           GCancellable *cancellable,
                           GError **error)
{
  g_autoptr (ImpactBulkInsert) insert = NULL;

  g_return_val_if_fail (IMPACT_IS_STORE (self), 0);
  g_return_val_if_fail (lines != NULL || n_lines == 0, 0);

  insert = impact_store_begin_batch (self, batch, error);
  if (insert == NULL)
    return 0;

  for (gsize i = 0; i < n_lines; i++)
    {
      if (i % CANCEL_CHECK_INTERVAL == 0 && g_cancellable_set_error_if_cancelled (cancellable, error))
        return 0;
      if (!impact_bulk_insert_add (insert, &lines[i], error))
        return 0;
    }

  return impact_bulk_insert_commit (insert, error);
}
