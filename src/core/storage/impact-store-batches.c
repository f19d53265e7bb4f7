/* impact-store-batches.c: import batches: what each import added, and undoing one
 *
 * The lines themselves are written by impact-bulk-insert.c; the counts of the whole store
 * are in impact-store-counts.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "impact-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "impact-db-stmt.h"
#include "impact-store-summary.h"
#include "impact-store-private.h"

/* One row of import_batches, with the counts @batch has so far; returns its id, or 0. */
gint64
_impact_store_insert_batch_row (ImpactDb *db,
                                const ImpactBatch *batch,
                                GError **error)
{
  g_autoptr (ImpactDbStmt) stmt = NULL;

  stmt = impact_db_stmt_new (db,
                             "INSERT INTO import_batches (file_name, content_hash, target, mapping,"
                             " imported_at, rows_read, rows_accepted, rows_rejected, rows_duplicate,"
                             " total_cents) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                             error);
  if (stmt == NULL)
    return 0;
  impact_db_stmt_bind_text (stmt, 1, batch->file_name);
  impact_db_stmt_bind_text (stmt, 2, batch->content_hash != NULL ? batch->content_hash : "");
  impact_db_stmt_bind_text (stmt, 3, batch->target);
  impact_db_stmt_bind_text_or_null (stmt, 4, batch->mapping);
  impact_db_stmt_bind_int64 (stmt, 5, batch->imported_at != 0 ? batch->imported_at : g_get_real_time () / G_USEC_PER_SEC);
  impact_db_stmt_bind_int64 (stmt, 6, batch->rows_read);
  impact_db_stmt_bind_int64 (stmt, 7, batch->rows_accepted);
  impact_db_stmt_bind_int64 (stmt, 8, batch->rows_rejected);
  impact_db_stmt_bind_int64 (stmt, 9, batch->rows_duplicate);
  impact_db_stmt_bind_int64 (stmt, 10, batch->total_cents);
  return impact_db_stmt_insert (stmt, error);
}

#define BATCH_COLUMNS                                                                    \
  "id, file_name, content_hash, target, mapping, imported_at, rows_read, rows_accepted," \
  " rows_rejected, rows_duplicate, total_cents"

static ImpactBatch *
read_batch (ImpactDbStmt *stmt)
{
  ImpactBatch *batch = impact_batch_new (impact_db_stmt_get_text (stmt, 1),
                                         impact_db_stmt_get_text (stmt, 3));

  batch->id = impact_db_stmt_get_int64 (stmt, 0);
  batch->content_hash = impact_db_stmt_dup_text (stmt, 2);
  batch->mapping = impact_db_stmt_dup_text (stmt, 4);
  batch->imported_at = impact_db_stmt_get_int64 (stmt, 5);
  batch->rows_read = impact_db_stmt_get_int64 (stmt, 6);
  batch->rows_accepted = impact_db_stmt_get_int64 (stmt, 7);
  batch->rows_rejected = impact_db_stmt_get_int64 (stmt, 8);
  batch->rows_duplicate = impact_db_stmt_get_int64 (stmt, 9);
  batch->total_cents = impact_db_stmt_get_int64 (stmt, 10);

  return batch;
}

ImpactBatch *
impact_store_get_batch (ImpactStore *self,
                        gint64 batch_id,
                        GError **error)
{
  ImpactDb *db;
  g_autoptr (ImpactDbStmt) stmt = NULL;
  ImpactDbStep step;

  g_return_val_if_fail (IMPACT_IS_STORE (self), NULL);

  db = impact_store_get_db (self);
  stmt = impact_db_stmt_new (db, "SELECT " BATCH_COLUMNS " FROM import_batches WHERE id = ?", error);
  if (stmt == NULL)
    return NULL;
  impact_db_stmt_bind_int64 (stmt, 1, batch_id);

  step = impact_db_stmt_step (stmt, error);
  if (step == IMPACT_DB_ROW)
    return read_batch (stmt);
  if (step == IMPACT_DB_DONE)
    {
      g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, batch_id);

      g_set_error (error, IMPACT_STORE_ERROR, IMPACT_STORE_ERROR_NOT_FOUND,
                   _ ("There is no import number %s."), number);
    }

  return NULL;
}

GPtrArray *
impact_store_list_batches (ImpactStore *self,
                           GError **error)
{
  ImpactDb *db;
  g_autoptr (ImpactDbStmt) stmt = NULL;
  g_autoptr (GPtrArray) batches = NULL;
  ImpactDbStep step;

  g_return_val_if_fail (IMPACT_IS_STORE (self), NULL);

  db = impact_store_get_db (self);
  stmt = impact_db_stmt_new (db, "SELECT " BATCH_COLUMNS " FROM import_batches ORDER BY id DESC",
                             error);
  if (stmt == NULL)
    return NULL;

  batches = g_ptr_array_new_with_free_func ((GDestroyNotify) impact_batch_free);
  while ((step = impact_db_stmt_step (stmt, error)) == IMPACT_DB_ROW)
    g_ptr_array_add (batches, read_batch (stmt));
  if (step == IMPACT_DB_ERROR)
    return NULL;

  return g_steal_pointer (&batches);
}

/* Keeps what a unit that was there before an import is now, its contract and obligation,
 * before the import changes it; once per unit and import. */
gboolean
impact_store_remember_node (ImpactStore *self,
                            gint64 batch_id,
                            gint64 node_id,
                            GError **error)
{
  ImpactDb *db;
  g_autoptr (ImpactDbStmt) stmt = NULL;

  g_return_val_if_fail (IMPACT_IS_STORE (self), FALSE);

  db = impact_store_get_db (self);
  stmt = impact_db_stmt_new (db,
                             "INSERT INTO node_changes (batch_id, node_id, parent_id, name, client,"
                             " contract_value_cents, contract_start, contract_end, had_obligation, kind, percent,"
                             " cap_cents, fixed_cents, own_social_factor, rule_set)"
                             " SELECT ?1, n.id, n.parent_id, n.name, n.client, n.contract_value_cents, n.contract_start,"
                             " n.contract_end, CASE WHEN o.object_id IS NOT NULL THEN 1 ELSE 0 END, o.kind, o.percent, o.cap_cents, o.fixed_cents,"
                             " o.own_social_factor, o.rule_set"
                             " FROM nodes n LEFT JOIN sroi_obligations o ON o.object_id = n.id WHERE n.id = ?2"
                             " ON CONFLICT (batch_id, node_id) DO NOTHING",
                             error);
  if (stmt == NULL)
    return FALSE;
  impact_db_stmt_bind_int64 (stmt, 1, batch_id);
  impact_db_stmt_bind_int64 (stmt, 2, node_id);

  return impact_db_stmt_run (stmt, error);
}

/* Undoes an import in one transaction: the batch with every line and status it brought, the
 * divisions and objects it created that nothing refers to, and the contracts and obligations
 * of the units it changed as they were before it. */
gboolean
impact_store_delete_batch (ImpactStore *self,
                           gint64 batch_id,
                           GError **error)
{
  static const char *const steps[] = {
    "UPDATE nodes SET parent_id = c.parent_id, name = c.name, client = c.client, contract_value_cents = c.contract_value_cents,"
    " contract_start = c.contract_start, contract_end = c.contract_end"
    " FROM node_changes c WHERE c.batch_id = ?1 AND nodes.id = c.node_id",
    "DELETE FROM sroi_obligations WHERE object_id IN (SELECT node_id FROM node_changes WHERE batch_id = ?1)",
    "INSERT INTO sroi_obligations (object_id, kind, percent, cap_cents, fixed_cents, own_social_factor, rule_set)"
    " SELECT node_id, kind, percent, cap_cents, fixed_cents, own_social_factor, rule_set"
    " FROM node_changes WHERE batch_id = ?1 AND had_obligation <> 0",
    /* The obligations the import gave to the objects it created, where those stay. */
    "DELETE FROM sroi_obligations WHERE object_id IN (SELECT id FROM nodes WHERE batch_id = ?1)",
    "DELETE FROM purchase_lines WHERE " IMPACT_BATCH_LINES,
    "DELETE FROM nodes WHERE batch_id = ?1 AND level = 2"
    " AND id NOT IN (SELECT object_id FROM purchase_lines WHERE object_id IS NOT NULL)",
    "DELETE FROM nodes WHERE batch_id = ?1 AND level = 1"
    " AND id NOT IN (SELECT parent_id FROM nodes WHERE level = 2)"
    " AND id NOT IN (SELECT division_id FROM purchase_lines)",
    "DELETE FROM import_batches WHERE id = ?1",
  };
  ImpactDb *db;
  gboolean own = FALSE;
  gint64 removed = 0;

  g_return_val_if_fail (IMPACT_IS_STORE (self), FALSE);

  db = impact_store_get_db (self);
  if (!impact_db_in_transaction (db))
    {
      if (!impact_db_begin (db, error))
        return FALSE;
      own = TRUE;
    }

  if (!impact_summary_remove_batch (db, batch_id, error))
    goto fail;
  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      g_autoptr (ImpactDbStmt) stmt = impact_db_stmt_new (db, steps[i], error);

      if (stmt == NULL)
        goto fail;
      impact_db_stmt_bind_int64 (stmt, 1, batch_id);
      if (!impact_db_stmt_run (stmt, error))
        goto fail;
      removed = impact_db_stmt_get_changes (stmt);
    }

  /* The last step removes the batch itself. */
  if (removed == 0)
    {
      g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, batch_id);

      g_set_error (error, IMPACT_STORE_ERROR, IMPACT_STORE_ERROR_NOT_FOUND,
                   _ ("There is no import number %s."), number);
      goto fail;
    }

  /* The statuses the batch brought went with it (their triggers marked the suppliers). */
  if (!impact_summary_refresh (db, error))
    goto fail;

  return !own || impact_db_commit (db, error);

fail:
  if (own)
    impact_db_rollback (db);
  return FALSE;
}

/* A batch of an import that brings no purchase lines (a certificate register): recorded
 * first, so that what it brings can refer to it, and counted at the end. */
gint64
impact_store_add_batch (ImpactStore *self,
                        const ImpactBatch *batch,
                        GError **error)
{
  g_return_val_if_fail (IMPACT_IS_STORE (self), 0);
  g_return_val_if_fail (batch != NULL && batch->file_name != NULL && batch->target != NULL, 0);

  return _impact_store_insert_batch_row (impact_store_get_db (self), batch, error);
}

gboolean
impact_store_update_batch_counts (ImpactStore *self,
                                  const ImpactBatch *batch,
                                  GError **error)
{
  ImpactDb *db;
  g_autoptr (ImpactDbStmt) stmt = NULL;

  g_return_val_if_fail (IMPACT_IS_STORE (self), FALSE);
  g_return_val_if_fail (batch != NULL && batch->id > 0, FALSE);

  db = impact_store_get_db (self);
  stmt = impact_db_stmt_new (db,
                             "UPDATE import_batches SET rows_read = ?, rows_accepted = ?,"
                             " rows_rejected = ?, rows_duplicate = ?, total_cents = ? WHERE id = ?",
                             error);
  if (stmt == NULL)
    return FALSE;
  impact_db_stmt_bind_int64 (stmt, 1, batch->rows_read);
  impact_db_stmt_bind_int64 (stmt, 2, batch->rows_accepted);
  impact_db_stmt_bind_int64 (stmt, 3, batch->rows_rejected);
  impact_db_stmt_bind_int64 (stmt, 4, batch->rows_duplicate);
  impact_db_stmt_bind_int64 (stmt, 5, batch->total_cents);
  impact_db_stmt_bind_int64 (stmt, 6, batch->id);

  return impact_db_stmt_run (stmt, error);
}

/* The checksum of the batch's file, when it is known only after the rows were written. */
gboolean
impact_store_set_batch_content_hash (ImpactStore *self,
                                     gint64 batch_id,
                                     const char *content_hash,
                                     GError **error)
{
  ImpactDb *db;
  g_autoptr (ImpactDbStmt) stmt = NULL;

  g_return_val_if_fail (IMPACT_IS_STORE (self), FALSE);
  g_return_val_if_fail (batch_id > 0 && content_hash != NULL, FALSE);

  db = impact_store_get_db (self);
  stmt = impact_db_stmt_new (db, "UPDATE import_batches SET content_hash = ? WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  impact_db_stmt_bind_text (stmt, 1, content_hash);
  impact_db_stmt_bind_int64 (stmt, 2, batch_id);

  return impact_db_stmt_run (stmt, error);
}

/* Calls @func with the supplier, invoice number and amount of every stored line that has an
 * invoice number. */
gboolean
impact_store_foreach_line_key (ImpactStore *self,
                               ImpactLineKeyFunc func,
                               gpointer user_data,
                               GError **error)
{
  g_autoptr (ImpactDbStmt) stmt = NULL;
  ImpactDbStep step;

  g_return_val_if_fail (IMPACT_IS_STORE (self), FALSE);
  g_return_val_if_fail (func != NULL, FALSE);

  stmt = impact_db_stmt_new (self->db,
                             "SELECT supplier_id, invoice_number, amount_cents FROM purchase_lines"
                             " WHERE invoice_number IS NOT NULL",
                             error);
  if (stmt == NULL)
    return FALSE;
  while ((step = impact_db_stmt_step (stmt, error)) == IMPACT_DB_ROW)
    func (impact_db_stmt_get_int64 (stmt, 0), impact_db_stmt_get_text (stmt, 1), impact_db_stmt_get_int64 (stmt, 2),
          user_data);

  return step == IMPACT_DB_DONE;
}
