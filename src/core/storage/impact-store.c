/* impact-store.c: the application's data, kept in one SQLite file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "impact-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "impact-migrations.h"
#include "impact-store-summary.h"
#include "impact-store.h"

struct _ImpactStore
{
  GObject parent_instance;

  ImpactDb *db;
  char *backup_path;
};

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

  /* WAL with NORMAL sync survives a crash of the program without losing a committed
   * transaction; only a power cut may lose the last ones, never consistency. */
  if (!impact_db_exec (db, "PRAGMA synchronous = NORMAL", error))
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
 * importer and ImpactBulkInsert do): SQLite's foreign-key probes are off until it ends,
 * which saves about 30% of the time of a large insert. */
gboolean
impact_store_begin_checked (ImpactStore *self,
                            GError **error)
{
  g_return_val_if_fail (IMPACT_IS_STORE (self), FALSE);

  /* PRAGMA foreign_keys is ignored inside a transaction, so it is set before it begins. */
  if (!impact_db_exec (self->db, "PRAGMA foreign_keys = OFF", error))
    return FALSE;
  if (!impact_db_begin (self->db, error))
    {
      impact_db_exec (self->db, "PRAGMA foreign_keys = ON", NULL);
      return FALSE;
    }

  return TRUE;
}

gboolean
impact_store_commit (ImpactStore *self,
                     GError **error)
{
  g_return_val_if_fail (IMPACT_IS_STORE (self), FALSE);

  /* Statuses changed in the transaction show in the summary the moment it lands. */
  if (!impact_summary_refresh (self->db, error) || !impact_db_commit (self->db, error))
    return FALSE;

  /* Back on after a checked transaction; a no-op after any other. */
  impact_db_exec (self->db, "PRAGMA foreign_keys = ON", NULL);
  return TRUE;
}

void
impact_store_rollback (ImpactStore *self)
{
  g_return_if_fail (IMPACT_IS_STORE (self));

  impact_db_rollback (self->db);
  impact_db_exec (self->db, "PRAGMA foreign_keys = ON", NULL);
}

char *
impact_store_get_meta (ImpactStore *self,
                       const char *key,
                       GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (IMPACT_IS_STORE (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  stmt = impact_db_prepare (self->db, "SELECT value FROM meta WHERE key = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  if (rc != SQLITE_DONE)
    impact_db_set_error (self->db, rc, error);

  return NULL;
}

gboolean
impact_store_set_meta (ImpactStore *self,
                       const char *key,
                       const char *value,
                       GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (IMPACT_IS_STORE (self), FALSE);
  g_return_val_if_fail (key != NULL, FALSE);

  stmt = impact_db_prepare (self->db, "INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)",
                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, value, -1, SQLITE_STATIC);

  return impact_db_step_done (self->db, stmt, error);
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

static void
bind_day (sqlite3_stmt *stmt,
          int index,
          guint32 day)
{
  if (day != 0)
    sqlite3_bind_int64 (stmt, index, day);
  else
    sqlite3_bind_null (stmt, index);
}

static void
bind_id (sqlite3_stmt *stmt,
         int index,
         gint64 id)
{
  if (id > 0)
    sqlite3_bind_int64 (stmt, index, id);
  else
    sqlite3_bind_null (stmt, index);
}

static char *
column_dup (sqlite3_stmt *stmt,
            int column)
{
  return g_strdup ((const char *) sqlite3_column_text (stmt, column));
}

static void
bind_node (sqlite3_stmt *stmt,
           const ImpactNode *node)
{
  bind_id (stmt, 1, node->parent_id);
  sqlite3_bind_int (stmt, 2, node->level);
  sqlite3_bind_text (stmt, 3, node->code, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, node->name, -1, SQLITE_STATIC);
  impact_db_bind_text_or_null (stmt, 5, node->client);
  if (node->contract_value_cents >= 0)
    sqlite3_bind_int64 (stmt, 6, node->contract_value_cents);
  else
    sqlite3_bind_null (stmt, 6);
  bind_day (stmt, 7, node->contract_start);
  bind_day (stmt, 8, node->contract_end);
}

gint64
impact_store_add_node (ImpactStore *self,
                       const ImpactNode *node,
                       GError **error)
{
  g_autoptr (ImpactDbCachedStmt) stmt = NULL;

  g_return_val_if_fail (IMPACT_IS_STORE (self), 0);
  g_return_val_if_fail (node != NULL && node->code != NULL && node->name != NULL, 0);

  stmt = impact_db_prepare_cached (self->db,
                                   "INSERT INTO nodes (parent_id, level, code, name, client,"
                                   " contract_value_cents, contract_start, contract_end, batch_id)"
                                   " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                                   error);
  if (stmt == NULL)
    return 0;
  bind_node (stmt, node);
  bind_id (stmt, 9, node->batch_id);

  if (!impact_db_step_done (self->db, stmt, error))
    return 0;

  return sqlite3_last_insert_rowid (impact_db_get_handle (self->db));
}

gboolean
impact_store_update_node (ImpactStore *self,
                          const ImpactNode *node,
                          GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (IMPACT_IS_STORE (self), FALSE);
  g_return_val_if_fail (node != NULL && node->id > 0, FALSE);

  stmt = impact_db_prepare (self->db,
                            "UPDATE nodes SET parent_id = ?, level = ?, code = ?, name = ?,"
                            " client = ?, contract_value_cents = ?, contract_start = ?,"
                            " contract_end = ? WHERE id = ?",
                            error);
  if (stmt == NULL)
    return FALSE;
  bind_node (stmt, node);
  sqlite3_bind_int64 (stmt, 9, node->id);

  return impact_db_step_done (self->db, stmt, error);
}

static ImpactNode *
read_node (sqlite3_stmt *stmt)
{
  ImpactNode *node = impact_node_new (sqlite3_column_int (stmt, 2),
                                      (const char *) sqlite3_column_text (stmt, 3),
                                      (const char *) sqlite3_column_text (stmt, 4));

  node->id = sqlite3_column_int64 (stmt, 0);
  node->parent_id = sqlite3_column_int64 (stmt, 1);
  node->client = column_dup (stmt, 5);
  node->contract_value_cents =
      sqlite3_column_type (stmt, 6) == SQLITE_NULL ? -1 : sqlite3_column_int64 (stmt, 6);
  node->contract_start = sqlite3_column_int64 (stmt, 7);
  node->contract_end = sqlite3_column_int64 (stmt, 8);
  node->batch_id = sqlite3_column_int64 (stmt, 9);

  return node;
}

#define NODE_COLUMNS \
  "id, parent_id, level, code, name, client, contract_value_cents, contract_start, contract_end, batch_id"

ImpactNode *
impact_store_find_node (ImpactStore *self,
                        ImpactNodeLevel level,
                        const char *code,
                        GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (IMPACT_IS_STORE (self), NULL);
  g_return_val_if_fail (code != NULL, NULL);

  stmt = impact_db_prepare (self->db,
                            "SELECT " NODE_COLUMNS " FROM nodes WHERE level = ? AND code = ?",
                            error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int (stmt, 1, level);
  sqlite3_bind_text (stmt, 2, code, -1, SQLITE_STATIC);

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return read_node (stmt);
  if (rc != SQLITE_DONE)
    impact_db_set_error (self->db, rc, error);
  else
    g_set_error (error, IMPACT_STORE_ERROR, IMPACT_STORE_ERROR_NOT_FOUND,
                 _ ("There is no organisation unit with code “%s”."), code);

  return NULL;
}

GPtrArray *
impact_store_list_nodes (ImpactStore *self,
                         ImpactNodeLevel level,
                         GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autoptr (GPtrArray) nodes = NULL;
  int rc;

  g_return_val_if_fail (IMPACT_IS_STORE (self), NULL);

  stmt = impact_db_prepare (self->db,
                            "SELECT " NODE_COLUMNS " FROM nodes WHERE level = ? ORDER BY code",
                            error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int (stmt, 1, level);

  nodes = g_ptr_array_new_with_free_func ((GDestroyNotify) impact_node_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (nodes, read_node (stmt));
  if (rc != SQLITE_DONE)
    {
      impact_db_set_error (self->db, rc, error);
      return NULL;
    }

  return g_steal_pointer (&nodes);
}

static void
bind_supplier (sqlite3_stmt *stmt,
               const ImpactSupplier *supplier,
               const char *norm_name)
{
  sqlite3_bind_text (stmt, 1, supplier->name, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, norm_name, -1, SQLITE_STATIC);
  impact_db_bind_text_or_null (stmt, 3, supplier->kvk);
  impact_db_bind_text_or_null (stmt, 4, supplier->vat_id);
  impact_db_bind_text_or_null (stmt, 5, supplier->erp_id);
}

gint64
impact_store_add_supplier (ImpactStore *self,
                           const ImpactSupplier *supplier,
                           GError **error)
{
  g_autoptr (ImpactDbCachedStmt) stmt = NULL;
  g_autofree char *norm_name = NULL;

  g_return_val_if_fail (IMPACT_IS_STORE (self), 0);
  g_return_val_if_fail (supplier != NULL && supplier->name != NULL, 0);

  norm_name = impact_supplier_normalize_name (supplier->name);
  stmt = impact_db_prepare_cached (self->db,
                                   "INSERT INTO suppliers (name, norm_name, kvk, vat_id, erp_id)"
                                   " VALUES (?, ?, ?, ?, ?)",
                                   error);
  if (stmt == NULL)
    return 0;
  bind_supplier (stmt, supplier, norm_name);

  if (!impact_db_step_done (self->db, stmt, error))
    return 0;

  return sqlite3_last_insert_rowid (impact_db_get_handle (self->db));
}

gboolean
impact_store_update_supplier (ImpactStore *self,
                              const ImpactSupplier *supplier,
                              GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autofree char *norm_name = NULL;

  g_return_val_if_fail (IMPACT_IS_STORE (self), FALSE);
  g_return_val_if_fail (supplier != NULL && supplier->id > 0 && supplier->name != NULL, FALSE);

  norm_name = impact_supplier_normalize_name (supplier->name);
  stmt = impact_db_prepare (self->db,
                            "UPDATE suppliers SET name = ?, norm_name = ?, kvk = ?, vat_id = ?,"
                            " erp_id = ? WHERE id = ?",
                            error);
  if (stmt == NULL)
    return FALSE;
  bind_supplier (stmt, supplier, norm_name);
  sqlite3_bind_int64 (stmt, 6, supplier->id);

  return impact_db_step_done (self->db, stmt, error);
}

#define SUPPLIER_COLUMNS "id, name, kvk, vat_id, erp_id"

static ImpactSupplier *
read_supplier (sqlite3_stmt *stmt)
{
  ImpactSupplier *supplier = impact_supplier_new ((const char *) sqlite3_column_text (stmt, 1));

  supplier->id = sqlite3_column_int64 (stmt, 0);
  supplier->kvk = column_dup (stmt, 2);
  supplier->vat_id = column_dup (stmt, 3);
  supplier->erp_id = column_dup (stmt, 4);

  return supplier;
}

/* Runs a query with one text parameter that returns suppliers; NULL without error when
 * nothing matched. */
static ImpactSupplier *
query_supplier (ImpactStore *self,
                const char *sql,
                const char *value,
                gint64 id,
                GError **error)
{
  g_autoptr (ImpactDbCachedStmt) stmt = impact_db_prepare_cached (self->db, sql, error);
  int rc;

  if (stmt == NULL)
    return NULL;
  if (value != NULL)
    sqlite3_bind_text (stmt, 1, value, -1, SQLITE_STATIC);
  else
    sqlite3_bind_int64 (stmt, 1, id);

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return read_supplier (stmt);
  if (rc != SQLITE_DONE)
    impact_db_set_error (self->db, rc, error);

  return NULL;
}

ImpactSupplier *
impact_store_get_supplier (ImpactStore *self,
                           gint64 id,
                           GError **error)
{
  GError *local_error = NULL;
  ImpactSupplier *supplier;

  g_return_val_if_fail (IMPACT_IS_STORE (self), NULL);

  supplier = query_supplier (self, "SELECT " SUPPLIER_COLUMNS " FROM suppliers WHERE id = ?", NULL,
                             id, &local_error);
  if (supplier == NULL && local_error == NULL)
    {
      g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, id);

      g_set_error (&local_error, IMPACT_STORE_ERROR, IMPACT_STORE_ERROR_NOT_FOUND,
                   _ ("There is no supplier with number %s."), number);
    }
  if (local_error != NULL)
    g_propagate_error (error, local_error);

  return supplier;
}

static gboolean
conflicts (const char *given,
           const char *stored)
{
  return given != NULL && *given != '\0' && stored != NULL && !g_str_equal (given, stored);
}

/* Finds a supplier the way imports identify one: by KvK number, then VAT id, then ERP id,
 * then normalised name or a remembered alias. NULL without error when none matches. */
ImpactSupplier *
impact_store_find_supplier (ImpactStore *self,
                            const char *kvk,
                            const char *vat_id,
                            const char *erp_id,
                            const char *name,
                            GError **error)
{
  static const char *const by_key[] = {
    "SELECT " SUPPLIER_COLUMNS " FROM suppliers WHERE kvk = ?",
    "SELECT " SUPPLIER_COLUMNS " FROM suppliers WHERE vat_id = ?",
    "SELECT " SUPPLIER_COLUMNS " FROM suppliers WHERE erp_id = ?",
  };
  const char *keys[] = { kvk, vat_id, erp_id };
  GError *local_error = NULL;
  ImpactSupplier *supplier;

  g_return_val_if_fail (IMPACT_IS_STORE (self), NULL);

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      if (keys[i] == NULL || *keys[i] == '\0')
        continue;
      supplier = query_supplier (self, by_key[i], keys[i], 0, &local_error);
      if (supplier != NULL || local_error != NULL)
        {
          if (local_error != NULL)
            g_propagate_error (error, local_error);
          return supplier;
        }
    }

  if (name != NULL && *name != '\0')
    {
      g_autofree char *norm_name = impact_supplier_normalize_name (name);

      supplier = query_supplier (self,
                                 "SELECT " SUPPLIER_COLUMNS " FROM suppliers WHERE norm_name = ?1"
                                 " UNION ALL SELECT s.id, s.name, s.kvk, s.vat_id, s.erp_id"
                                 " FROM supplier_aliases a JOIN suppliers s ON s.id = a.supplier_id"
                                 " WHERE a.norm_name = ?1 LIMIT 1",
                                 norm_name, 0, error);

      /* The same name with another KvK number (or VAT or ERP id) is another company. */
      if (supplier != NULL && (conflicts (kvk, supplier->kvk) || conflicts (vat_id, supplier->vat_id) || conflicts (erp_id, supplier->erp_id)))
        g_clear_pointer (&supplier, impact_supplier_free);

      return supplier;
    }

  return NULL;
}

/* How many suppliers have this name (normalised) or an alias of it: more than one are
 * different companies that a name alone cannot tell apart. */
gint64
impact_store_count_suppliers_named (ImpactStore *self,
                                    const char *name,
                                    GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autofree char *norm_name = NULL;
  int rc;

  g_return_val_if_fail (IMPACT_IS_STORE (self), -1);
  g_return_val_if_fail (name != NULL, -1);

  norm_name = impact_supplier_normalize_name (name);
  stmt = impact_db_prepare (self->db,
                            "SELECT count (*) FROM (SELECT id FROM suppliers WHERE norm_name = ?1"
                            " UNION SELECT supplier_id FROM supplier_aliases WHERE norm_name = ?1)",
                            error);
  if (stmt == NULL)
    return -1;
  sqlite3_bind_text (stmt, 1, norm_name, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      impact_db_set_error (self->db, rc, error);
      return -1;
    }

  return sqlite3_column_int64 (stmt, 0);
}

gboolean
impact_store_add_supplier_alias (ImpactStore *self,
                                 gint64 supplier_id,
                                 const char *alias,
                                 GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autofree char *norm_name = NULL;

  g_return_val_if_fail (IMPACT_IS_STORE (self), FALSE);
  g_return_val_if_fail (alias != NULL, FALSE);

  norm_name = impact_supplier_normalize_name (alias);
  if (*norm_name == '\0')
    return TRUE;

  stmt = impact_db_prepare (self->db,
                            "INSERT INTO supplier_aliases (norm_name, supplier_id) VALUES (?, ?)"
                            " ON CONFLICT (norm_name) DO UPDATE SET supplier_id = excluded.supplier_id",
                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, norm_name, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, supplier_id);

  return impact_db_step_done (self->db, stmt, error);
}

static gboolean
check_status (const ImpactStatus *status,
              GError **error)
{
  if (status->kind == IMPACT_SOCIAL_CLASS_NONE || status->kind >= IMPACT_N_SOCIAL_CLASSES)
    {
      g_set_error_literal (error, IMPACT_STORE_ERROR, IMPACT_STORE_ERROR_INVALID,
                           _ ("A status needs a kind, such as PSO level 2 or SW company."));
      return FALSE;
    }
  if (status->valid_from != 0 && status->valid_until != 0 && status->valid_until < status->valid_from)
    {
      g_set_error_literal (error, IMPACT_STORE_ERROR, IMPACT_STORE_ERROR_INVALID,
                           _ ("A status cannot end before it starts."));
      return FALSE;
    }

  return TRUE;
}

static void
bind_status (sqlite3_stmt *stmt,
             const ImpactStatus *status)
{
  guint32 valid_until = status->valid_until;

  if (valid_until == 0)
    valid_until = impact_social_class_default_valid_until (status->kind, status->valid_from);

  sqlite3_bind_int64 (stmt, 1, status->supplier_id);
  sqlite3_bind_text (stmt, 2, impact_social_class_to_code (status->kind), -1, SQLITE_STATIC);
  bind_day (stmt, 3, status->valid_from);
  bind_day (stmt, 4, valid_until);
  impact_db_bind_text_or_null (stmt, 5, status->certifying_body);
  impact_db_bind_text_or_null (stmt, 6, status->evidence);
  impact_db_bind_text_or_null (stmt, 7, status->note);
  bind_id (stmt, 8, status->batch_id);
}

/* A PSO certificate with only a start date gets the two-year validity of DOMAIN.md. */
gint64
impact_store_add_status (ImpactStore *self,
                         const ImpactStatus *status,
                         GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (IMPACT_IS_STORE (self), 0);
  g_return_val_if_fail (status != NULL, 0);

  if (!check_status (status, error))
    return 0;

  stmt = impact_db_prepare (self->db,
                            "INSERT INTO supplier_statuses (supplier_id, kind, valid_from,"
                            " valid_until, certifying_body, evidence, note, batch_id)"
                            " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                            error);
  if (stmt == NULL)
    return 0;
  bind_status (stmt, status);

  if (!impact_db_step_done (self->db, stmt, error))
    return 0;

  return sqlite3_last_insert_rowid (impact_db_get_handle (self->db));
}

gboolean
impact_store_update_status (ImpactStore *self,
                            const ImpactStatus *status,
                            GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (IMPACT_IS_STORE (self), FALSE);
  g_return_val_if_fail (status != NULL && status->id > 0, FALSE);

  if (!check_status (status, error))
    return FALSE;

  stmt = impact_db_prepare (self->db,
                            "UPDATE supplier_statuses SET supplier_id = ?, kind = ?, valid_from = ?,"
                            " valid_until = ?, certifying_body = ?, evidence = ?, note = ?, batch_id = ?"
                            " WHERE id = ?",
                            error);
  if (stmt == NULL)
    return FALSE;
  bind_status (stmt, status);
  sqlite3_bind_int64 (stmt, 9, status->id);

  return impact_db_step_done (self->db, stmt, error);
}

gboolean
impact_store_delete_status (ImpactStore *self,
                            gint64 status_id,
                            GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (IMPACT_IS_STORE (self), FALSE);

  stmt = impact_db_prepare (self->db, "DELETE FROM supplier_statuses WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, status_id);

  return impact_db_step_done (self->db, stmt, error);
}

GPtrArray *
impact_store_list_statuses (ImpactStore *self,
                            gint64 supplier_id,
                            GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autoptr (GPtrArray) statuses = NULL;
  int rc;

  g_return_val_if_fail (IMPACT_IS_STORE (self), NULL);

  stmt = impact_db_prepare (self->db,
                            "SELECT id, supplier_id, kind, valid_from, valid_until,"
                            " certifying_body, evidence, note, batch_id FROM supplier_statuses"
                            " WHERE supplier_id = ? ORDER BY valid_from, id",
                            error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, supplier_id);

  statuses = g_ptr_array_new_with_free_func ((GDestroyNotify) impact_status_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      ImpactSocialClass kind = IMPACT_SOCIAL_CLASS_NONE;
      ImpactStatus *status;

      /* The CHECK constraint keeps unknown codes out of the table. */
      impact_social_class_from_code ((const char *) sqlite3_column_text (stmt, 2), &kind);
      status = impact_status_new (sqlite3_column_int64 (stmt, 1), kind,
                                  sqlite3_column_int64 (stmt, 3), sqlite3_column_int64 (stmt, 4));
      status->id = sqlite3_column_int64 (stmt, 0);
      status->certifying_body = column_dup (stmt, 5);
      status->evidence = column_dup (stmt, 6);
      status->note = column_dup (stmt, 7);
      status->batch_id = sqlite3_column_int64 (stmt, 8);
      g_ptr_array_add (statuses, status);
    }
  if (rc != SQLITE_DONE)
    {
      impact_db_set_error (self->db, rc, error);
      return NULL;
    }

  return g_steal_pointer (&statuses);
}

/* The social class of a purchase from this supplier on this day, by the rule in
 * impact_social_class_classify(). */
gboolean
impact_store_classify (ImpactStore *self,
                       gint64 supplier_id,
                       guint32 day,
                       ImpactSocialClass *klass,
                       GError **error)
{
  g_autoptr (GPtrArray) statuses = NULL;
  g_autofree ImpactStatusPeriod *periods = NULL;

  g_return_val_if_fail (IMPACT_IS_STORE (self), FALSE);
  g_return_val_if_fail (klass != NULL, FALSE);

  statuses = impact_store_list_statuses (self, supplier_id, error);
  if (statuses == NULL)
    return FALSE;

  periods = g_new0 (ImpactStatusPeriod, MAX (statuses->len, 1));
  for (guint i = 0; i < statuses->len; i++)
    {
      const ImpactStatus *status = g_ptr_array_index (statuses, i);

      periods[i] = (ImpactStatusPeriod){ status->kind, status->valid_from, status->valid_until };
    }

  *klass = impact_social_class_classify (periods, statuses->len, day);

  return TRUE;
}

/* The column mapping remembered for a layout of columns, or NULL. */
char *
impact_store_get_mapping_profile (ImpactStore *self,
                                  const char *signature,
                                  GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (IMPACT_IS_STORE (self), NULL);
  g_return_val_if_fail (signature != NULL, NULL);

  stmt = impact_db_prepare (self->db, "SELECT mapping FROM mapping_profiles WHERE signature = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, signature, -1, SQLITE_STATIC);

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return column_dup (stmt, 0);
  if (rc != SQLITE_DONE)
    impact_db_set_error (self->db, rc, error);

  return NULL;
}

gboolean
impact_store_save_mapping_profile (ImpactStore *self,
                                   const char *signature,
                                   const char *mapping,
                                   GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (IMPACT_IS_STORE (self), FALSE);
  g_return_val_if_fail (signature != NULL && mapping != NULL, FALSE);

  stmt = impact_db_prepare (self->db,
                            "INSERT OR REPLACE INTO mapping_profiles (signature, mapping, saved_at) VALUES (?, ?, ?)",
                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, signature, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, mapping, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, g_get_real_time () / G_USEC_PER_SEC);

  return impact_db_step_done (self->db, stmt, error);
}

/* The social share (percent) the node aims for; NAN in @share when it has none of its own. */
gboolean
impact_store_get_share_target (ImpactStore *self,
                               gint64 node_id,
                               double *share,
                               GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (IMPACT_IS_STORE (self), FALSE);
  g_return_val_if_fail (share != NULL, FALSE);

  stmt = impact_db_prepare (self->db, "SELECT share FROM share_targets WHERE node_id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, node_id);

  rc = sqlite3_step (stmt);
  *share = rc == SQLITE_ROW ? sqlite3_column_double (stmt, 0) : NAN;
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      impact_db_set_error (self->db, rc, error);
      return FALSE;
    }

  return TRUE;
}

/* Sets the node's target social share, 0 to 100 percent; NAN removes it. */
gboolean
impact_store_set_share_target (ImpactStore *self,
                               gint64 node_id,
                               double share,
                               GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (IMPACT_IS_STORE (self), FALSE);

  if (!isnan (share) && !(share >= 0 && share <= 100))
    {
      g_set_error_literal (error, IMPACT_STORE_ERROR, IMPACT_STORE_ERROR_INVALID,
                           _ ("A target share lies between 0% and 100%."));
      return FALSE;
    }

  stmt = impact_db_prepare (self->db,
                            isnan (share) ? "DELETE FROM share_targets WHERE node_id = ?1"
                                          : "INSERT OR REPLACE INTO share_targets (node_id, share) VALUES (?1, ?2)",
                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, node_id);
  if (!isnan (share))
    sqlite3_bind_double (stmt, 2, share);

  return impact_db_step_done (self->db, stmt, error);
}
