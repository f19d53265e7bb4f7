/* impact-store.c: the application's data, in one database (an SQLite file by default)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "impact-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "impact-migrations.h"
#include "impact-store-summary.h"
#include "impact-store-private.h"

G_DEFINE_FINAL_TYPE (ImpactStore, impact_store, G_TYPE_OBJECT)

static void
impact_store_finalize (GObject *object)
{
  ImpactStore *self = (ImpactStore *) object;

  g_clear_pointer (&self->db, impact_db_close);
  g_clear_pointer (&self->backup_path, g_free);

  G_OBJECT_CLASS (impact_store_parent_class)->finalize (object);
}

static void
impact_store_class_init (ImpactStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = impact_store_finalize;
}

static void
impact_store_init (ImpactStore *self)
{
}

char *
impact_store_get_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "impact-dashboard", "impact.sqlite", NULL);
}

ImpactStore *
impact_store_open (const char *path,
                   GError **error)
{
  g_autoptr (ImpactStore) self = NULL;
  g_autoptr (ImpactDb) db = NULL;
  g_autofree char *backup_path = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  db = impact_db_open (path, error);
  if (db == NULL)
    return NULL;

  if (!impact_migrations_run (db, &backup_path, error))
    return NULL;

  self = g_object_new (IMPACT_TYPE_STORE, NULL);
  self->db = g_steal_pointer (&db);
  self->backup_path = g_steal_pointer (&backup_path);

  return g_steal_pointer (&self);
}

static void
open_thread (GTask *task,
             gpointer source_object,
             gpointer task_data,
             GCancellable *cancellable)
{
  const char *path = task_data;
  GError *error = NULL;
  ImpactStore *store = impact_store_open (path, &error);

  if (store == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, store, g_object_unref);
}

/* The store is opened (and migrated) in a worker thread, then handed to the caller; it is
 * never used from two threads at once. */
void
impact_store_open_async (const char *path,
                         GCancellable *cancellable,
                         GAsyncReadyCallback callback,
                         gpointer user_data)
{
  g_autoptr (GTask) task = NULL;

  g_return_if_fail (path != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, impact_store_open_async);
  g_task_set_task_data (task, g_strdup (path), g_free);
  g_task_run_in_thread (task, open_thread);
}

ImpactStore *
impact_store_open_finish (GAsyncResult *result,
                          GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

const char *
impact_store_get_path (ImpactStore *self)
{
  g_return_val_if_fail (IMPACT_IS_STORE (self), NULL);

  return impact_db_get_path (self->db);
}

/* The name to show (a file's path; user@host/dbname for a shared database). */
const char *
impact_store_get_name (ImpactStore *self)
{
  g_return_val_if_fail (IMPACT_IS_STORE (self), NULL);

  return impact_db_get_name (self->db);
}

/* The copy made before the schema was updated at open, or NULL if none was needed. */
const char *
impact_store_get_backup_path (ImpactStore *self)
{
  g_return_val_if_fail (IMPACT_IS_STORE (self), NULL);

  return self->backup_path;
}

ImpactDb *
impact_store_get_db (ImpactStore *self)
{
  g_return_val_if_fail (IMPACT_IS_STORE (self), NULL);

  return self->db;
}

gboolean
impact_store_begin (ImpactStore *self,
                    GError **error)
{
  g_return_val_if_fail (IMPACT_IS_STORE (self), FALSE);

  return impact_db_begin (self->db, error);
}

/* A transaction for a bulk writer that checks every reference it writes itself (as the
 * importer and ImpactBulkInsert do); see impact_db_begin_bulk(). */
gboolean
impact_store_begin_checked (ImpactStore *self,
                            GError **error)
{
  g_return_val_if_fail (IMPACT_IS_STORE (self), FALSE);

  return impact_db_begin_bulk (self->db, error);
}

gboolean
impact_store_commit (ImpactStore *self,
                     GError **error)
{
  g_return_val_if_fail (IMPACT_IS_STORE (self), FALSE);

  /* Statuses changed in the transaction show in the summary the moment it lands. */
  return impact_summary_refresh (self->db, error) && impact_db_commit (self->db, error);
}

void
impact_store_rollback (ImpactStore *self)
{
  g_return_if_fail (IMPACT_IS_STORE (self));

  impact_db_rollback (self->db);
}

char *
impact_store_get_meta (ImpactStore *self,
                       const char *key,
                       GError **error)
{
  g_autoptr (ImpactDbStmt) stmt = NULL;
  ImpactDbStep step;

  g_return_val_if_fail (IMPACT_IS_STORE (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  stmt = impact_db_stmt_new (self->db, "SELECT value FROM meta WHERE key = ?", error);
  if (stmt == NULL)
    return NULL;
  impact_db_stmt_bind_text (stmt, 1, key);

  step = impact_db_stmt_step (stmt, error);
  if (step == IMPACT_DB_ROW)
    return impact_db_stmt_dup_text (stmt, 0);

  return NULL;
}

gboolean
impact_store_set_meta (ImpactStore *self,
                       const char *key,
                       const char *value,
                       GError **error)
{
  g_autoptr (ImpactDbStmt) stmt = NULL;

  g_return_val_if_fail (IMPACT_IS_STORE (self), FALSE);
  g_return_val_if_fail (key != NULL, FALSE);

  stmt = impact_db_stmt_new (self->db, "INSERT INTO meta (key, value) VALUES (?, ?)"
                                       " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                             error);
  if (stmt == NULL)
    return FALSE;
  impact_db_stmt_bind_text (stmt, 1, key);
  impact_db_stmt_bind_text (stmt, 2, value);

  return impact_db_stmt_run (stmt, error);
}

gboolean
impact_store_is_demo (ImpactStore *self)
{
  g_autofree char *value = NULL;

  g_return_val_if_fail (IMPACT_IS_STORE (self), FALSE);

  value = impact_store_get_meta (self, "demo", NULL);

  return g_strcmp0 (value, "1") == 0;
}

/* Empty means no organisation, suppliers or purchases: nothing a person entered. */
gboolean
impact_store_is_empty (ImpactStore *self,
                       GError **error)
{
  gint64 n = 0;

  g_return_val_if_fail (IMPACT_IS_STORE (self), FALSE);

  if (!impact_db_query_int (self->db,
                            "SELECT (SELECT count(*) FROM nodes) + (SELECT count(*) FROM suppliers)"
                            " + (SELECT count(*) FROM purchase_lines)",
                            &n, error))
    return FALSE;

  return n == 0;
}

/* The column mapping remembered for a layout of columns, or NULL. */
char *
impact_store_get_mapping_profile (ImpactStore *self,
                                  const char *signature,
                                  GError **error)
{
  g_autoptr (ImpactDbStmt) stmt = NULL;
  ImpactDbStep step;

  g_return_val_if_fail (IMPACT_IS_STORE (self), NULL);
  g_return_val_if_fail (signature != NULL, NULL);

  stmt = impact_db_stmt_new (self->db, "SELECT mapping FROM mapping_profiles WHERE signature = ?", error);
  if (stmt == NULL)
    return NULL;
  impact_db_stmt_bind_text (stmt, 1, signature);

  step = impact_db_stmt_step (stmt, error);
  if (step == IMPACT_DB_ROW)
    return impact_db_stmt_dup_text (stmt, 0);

  return NULL;
}

gboolean
impact_store_save_mapping_profile (ImpactStore *self,
                                   const char *signature,
                                   const char *mapping,
                                   GError **error)
{
  g_autoptr (ImpactDbStmt) stmt = NULL;

  g_return_val_if_fail (IMPACT_IS_STORE (self), FALSE);
  g_return_val_if_fail (signature != NULL && mapping != NULL, FALSE);

  stmt = impact_db_stmt_new (self->db,
                             "INSERT INTO mapping_profiles (signature, mapping, saved_at) VALUES (?, ?, ?)"
                             " ON CONFLICT (signature) DO UPDATE SET mapping = excluded.mapping,"
                             " saved_at = excluded.saved_at",
                             error);
  if (stmt == NULL)
    return FALSE;
  impact_db_stmt_bind_text (stmt, 1, signature);
  impact_db_stmt_bind_text (stmt, 2, mapping);
  impact_db_stmt_bind_int64 (stmt, 3, g_get_real_time () / G_USEC_PER_SEC);

  return impact_db_stmt_run (stmt, error);
}

/* The social share (percent) the node aims for; NAN in @share when it has none of its own. */
gboolean
impact_store_get_share_target (ImpactStore *self,
                               gint64 node_id,
                               double *share,
                               GError **error)
{
  g_autoptr (ImpactDbStmt) stmt = NULL;
  ImpactDbStep step;

  g_return_val_if_fail (IMPACT_IS_STORE (self), FALSE);
  g_return_val_if_fail (share != NULL, FALSE);

  stmt = impact_db_stmt_new (self->db, "SELECT share FROM share_targets WHERE node_id = ?", error);
  if (stmt == NULL)
    return FALSE;
  impact_db_stmt_bind_int64 (stmt, 1, node_id);

  step = impact_db_stmt_step (stmt, error);
  *share = step == IMPACT_DB_ROW ? impact_db_stmt_get_double (stmt, 0) : NAN;
  if (step == IMPACT_DB_ERROR)
    return FALSE;

  return TRUE;
}

/* Sets the node's target social share, 0 to 100 percent; NAN removes it. */
gboolean
impact_store_set_share_target (ImpactStore *self,
                               gint64 node_id,
                               double share,
                               GError **error)
{
  g_autoptr (ImpactDbStmt) stmt = NULL;

  g_return_val_if_fail (IMPACT_IS_STORE (self), FALSE);

  if (!isnan (share) && !(share >= 0 && share <= 100))
    {
      g_set_error_literal (error, IMPACT_STORE_ERROR, IMPACT_STORE_ERROR_INVALID,
                           _ ("A target share lies between 0% and 100%."));
      return FALSE;
    }

  stmt = impact_db_stmt_new (self->db,
                             isnan (share) ? "DELETE FROM share_targets WHERE node_id = ?1"
                                           : "INSERT INTO share_targets (node_id, share) VALUES (?1, ?2)"
                                             " ON CONFLICT (node_id) DO UPDATE SET share = excluded.share",
                             error);
  if (stmt == NULL)
    return FALSE;
  impact_db_stmt_bind_int64 (stmt, 1, node_id);
  if (!isnan (share))
    impact_db_stmt_bind_double (stmt, 2, share);

  return impact_db_stmt_run (stmt, error);
}
