/* impact-store-suppliers.c: suppliers, their numbers and aliases, and their certificate statuses, kept in the store
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "impact-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "impact-db-stmt.h"
#include "impact-store-private.h"

static void
bind_supplier (ImpactDbStmt *stmt,
               const ImpactSupplier *supplier,
               const char *norm_name)
{
  impact_db_stmt_bind_text (stmt, 1, supplier->name);
  impact_db_stmt_bind_text (stmt, 2, norm_name);
  impact_db_stmt_bind_text_or_null (stmt, 3, supplier->kvk);
  impact_db_stmt_bind_text_or_null (stmt, 4, supplier->vat_id);
  impact_db_stmt_bind_text_or_null (stmt, 5, supplier->erp_id);
}

gint64
impact_store_add_supplier (ImpactStore *self,
                           const ImpactSupplier *supplier,
                           GError **error)
{
  g_autoptr (ImpactDbStmt) stmt = NULL;
  g_autofree char *norm_name = NULL;

  g_return_val_if_fail (IMPACT_IS_STORE (self), 0);
  g_return_val_if_fail (supplier != NULL && supplier->name != NULL, 0);

  norm_name = impact_supplier_normalize_name (supplier->name);
  stmt = impact_db_stmt_new_cached (self->db,
                                    "INSERT INTO suppliers (name, norm_name, kvk, vat_id, erp_id)"
                                    " VALUES (?, ?, ?, ?, ?) RETURNING id",
                                    error);
  if (stmt == NULL)
    return 0;
  bind_supplier (stmt, supplier, norm_name);

  return impact_db_stmt_insert (stmt, error);
}

gboolean
impact_store_update_supplier (ImpactStore *self,
                              const ImpactSupplier *supplier,
                              GError **error)
{
  g_autoptr (ImpactDbStmt) stmt = NULL;
  g_autofree char *norm_name = NULL;

  g_return_val_if_fail (IMPACT_IS_STORE (self), FALSE);
  g_return_val_if_fail (supplier != NULL && supplier->id > 0 && supplier->name != NULL, FALSE);

  norm_name = impact_supplier_normalize_name (supplier->name);
  stmt = impact_db_stmt_new (self->db,
                             "UPDATE suppliers SET name = ?, norm_name = ?, kvk = ?, vat_id = ?,"
                             " erp_id = ? WHERE id = ?",
                             error);
  if (stmt == NULL)
    return FALSE;
  bind_supplier (stmt, supplier, norm_name);
  impact_db_stmt_bind_int64 (stmt, 6, supplier->id);

  return impact_db_stmt_run (stmt, error);
}

#define SUPPLIER_COLUMNS "id, name, kvk, vat_id, erp_id"

static ImpactSupplier *
read_supplier (ImpactDbStmt *stmt)
{
  ImpactSupplier *supplier = impact_supplier_new (impact_db_stmt_get_text (stmt, 1));

  supplier->id = impact_db_stmt_get_int64 (stmt, 0);
  supplier->kvk = impact_db_stmt_dup_text (stmt, 2);
  supplier->vat_id = impact_db_stmt_dup_text (stmt, 3);
  supplier->erp_id = impact_db_stmt_dup_text (stmt, 4);

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
  g_autoptr (ImpactDbStmt) stmt = impact_db_stmt_new_cached (self->db, sql, error);
  ImpactDbStep step;

  if (stmt == NULL)
    return NULL;
  if (value != NULL)
    impact_db_stmt_bind_text (stmt, 1, value);
  else
    impact_db_stmt_bind_int64 (stmt, 1, id);

  step = impact_db_stmt_step (stmt, error);
  if (step == IMPACT_DB_ROW)
    return read_supplier (stmt);

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

/* Finds a supplier the way imports identify one: by KvK number, then VAT id, then ERP id,
 * then normalised name (the first of that name) or a remembered alias. NULL without error
 * when none matches. impact-supplier-directory.c answers the same from memory. */
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
                                 "SELECT " SUPPLIER_COLUMNS " FROM (SELECT 0 AS alias, " SUPPLIER_COLUMNS
                                 " FROM suppliers WHERE norm_name = ?1"
                                 " UNION ALL SELECT 1, s.id, s.name, s.kvk, s.vat_id, s.erp_id"
                                 " FROM supplier_aliases a JOIN suppliers s ON s.id = a.supplier_id"
                                 " WHERE a.norm_name = ?1) AS candidates ORDER BY alias, id LIMIT 1",
                                 norm_name, 0, error);

      /* The same name with another KvK number (or VAT or ERP id) is another company. */
      if (supplier != NULL && impact_supplier_has_other_number (supplier, kvk, vat_id, erp_id))
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
  g_autoptr (ImpactDbStmt) stmt = NULL;
  g_autofree char *norm_name = NULL;

  g_return_val_if_fail (IMPACT_IS_STORE (self), -1);
  g_return_val_if_fail (name != NULL, -1);

  norm_name = impact_supplier_normalize_name (name);
  stmt = impact_db_stmt_new (self->db,
                             "SELECT count (*) FROM (SELECT id FROM suppliers WHERE norm_name = ?1"
                             " UNION SELECT supplier_id FROM supplier_aliases WHERE norm_name = ?1) AS candidates",
                             error);
  if (stmt == NULL)
    return -1;
  impact_db_stmt_bind_text (stmt, 1, norm_name);
  if (!impact_db_stmt_step_row (stmt, error))
    return -1;

  return impact_db_stmt_get_int64 (stmt, 0);
}

gboolean
impact_store_add_supplier_alias (ImpactStore *self,
                                 gint64 supplier_id,
                                 const char *alias,
                                 GError **error)
{
  g_autoptr (ImpactDbStmt) stmt = NULL;
  g_autofree char *norm_name = NULL;

  g_return_val_if_fail (IMPACT_IS_STORE (self), FALSE);
  g_return_val_if_fail (alias != NULL, FALSE);

  norm_name = impact_supplier_normalize_name (alias);
  if (*norm_name == '\0')
    return TRUE;

  stmt = impact_db_stmt_new (self->db,
                             "INSERT INTO supplier_aliases (norm_name, supplier_id) VALUES (?, ?)"
                             " ON CONFLICT (norm_name) DO UPDATE SET supplier_id = excluded.supplier_id",
                             error);
  if (stmt == NULL)
    return FALSE;
  impact_db_stmt_bind_text (stmt, 1, norm_name);
  impact_db_stmt_bind_int64 (stmt, 2, supplier_id);

  return impact_db_stmt_run (stmt, error);
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
bind_status (ImpactDbStmt *stmt,
             const ImpactStatus *status)
{
  guint32 valid_until = status->valid_until;

  if (valid_until == 0)
    valid_until = impact_social_class_default_valid_until (status->kind, status->valid_from);

  impact_db_stmt_bind_int64 (stmt, 1, status->supplier_id);
  impact_db_stmt_bind_text (stmt, 2, impact_social_class_to_code (status->kind));
  impact_db_stmt_bind_positive (stmt, 3, status->valid_from);
  impact_db_stmt_bind_positive (stmt, 4, valid_until);
  impact_db_stmt_bind_text_or_null (stmt, 5, status->certifying_body);
  impact_db_stmt_bind_text_or_null (stmt, 6, status->evidence);
  impact_db_stmt_bind_text_or_null (stmt, 7, status->note);
  impact_db_stmt_bind_positive (stmt, 8, status->batch_id);
}

/* A PSO certificate with only a start date gets the two-year validity of DOMAIN.md. */
gint64
impact_store_add_status (ImpactStore *self,
                         const ImpactStatus *status,
                         GError **error)
{
  g_autoptr (ImpactDbStmt) stmt = NULL;

  g_return_val_if_fail (IMPACT_IS_STORE (self), 0);
  g_return_val_if_fail (status != NULL, 0);

  if (!check_status (status, error))
    return 0;

  stmt = impact_db_stmt_new (self->db,
                             "INSERT INTO supplier_statuses (supplier_id, kind, valid_from,"
                             " valid_until, certifying_body, evidence, note, batch_id)"
                             " VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                             error);
  if (stmt == NULL)
    return 0;
  bind_status (stmt, status);

  return impact_db_stmt_insert (stmt, error);
}

gboolean
impact_store_update_status (ImpactStore *self,
                            const ImpactStatus *status,
                            GError **error)
{
  g_autoptr (ImpactDbStmt) stmt = NULL;

  g_return_val_if_fail (IMPACT_IS_STORE (self), FALSE);
  g_return_val_if_fail (status != NULL && status->id > 0, FALSE);

  if (!check_status (status, error))
    return FALSE;

  stmt = impact_db_stmt_new (self->db,
                             "UPDATE supplier_statuses SET supplier_id = ?, kind = ?, valid_from = ?,"
                             " valid_until = ?, certifying_body = ?, evidence = ?, note = ?, batch_id = ?"
                             " WHERE id = ?",
                             error);
  if (stmt == NULL)
    return FALSE;
  bind_status (stmt, status);
  impact_db_stmt_bind_int64 (stmt, 9, status->id);

  return impact_db_stmt_run (stmt, error);
}

gboolean
impact_store_delete_status (ImpactStore *self,
                            gint64 status_id,
                            GError **error)
{
  g_autoptr (ImpactDbStmt) stmt = NULL;

  g_return_val_if_fail (IMPACT_IS_STORE (self), FALSE);

  stmt = impact_db_stmt_new (self->db, "DELETE FROM supplier_statuses WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  impact_db_stmt_bind_int64 (stmt, 1, status_id);

  return impact_db_stmt_run (stmt, error);
}

/* Whether the supplier holds a status of @kind from @valid_from (0: one without a start)
 * already: 1 or 0, or -1 with @error set. */
int
impact_store_has_status (ImpactStore *self,
                         gint64 supplier_id,
                         ImpactSocialClass kind,
                         guint32 valid_from,
                         GError **error)
{
  g_autoptr (ImpactDbStmt) stmt = NULL;
  ImpactDbStep step;

  g_return_val_if_fail (IMPACT_IS_STORE (self), -1);

  stmt = impact_db_stmt_new_cached (self->db,
                                    "SELECT 1 FROM supplier_statuses WHERE supplier_id = ? AND kind = ?"
                                    " AND coalesce (valid_from, 0) = ?",
                                    error);
  if (stmt == NULL)
    return -1;
  impact_db_stmt_bind_int64 (stmt, 1, supplier_id);
  impact_db_stmt_bind_text (stmt, 2, impact_social_class_to_code (kind));
  impact_db_stmt_bind_int64 (stmt, 3, valid_from);
  step = impact_db_stmt_step (stmt, error);

  return step == IMPACT_DB_ERROR ? -1 : step == IMPACT_DB_ROW;
}

#define STATUS_COLUMNS                                                                               \
  "SELECT id, supplier_id, kind, valid_from, valid_until, certifying_body, evidence, note, batch_id" \
  " FROM supplier_statuses"

/* The statuses @sql selects: with @supplier_id bound to its one parameter, or all of them
 * when @supplier_id is 0 and @sql has none. */
static GPtrArray *
list_statuses (ImpactStore *self,
               const char *sql,
               gint64 supplier_id,
               GError **error)
{
  g_autoptr (ImpactDbStmt) stmt = NULL;
  g_autoptr (GPtrArray) statuses = NULL;
  ImpactDbStep step;

  stmt = impact_db_stmt_new (self->db, sql, error);
  if (stmt == NULL)
    return NULL;
  if (supplier_id > 0)
    impact_db_stmt_bind_int64 (stmt, 1, supplier_id);

  statuses = g_ptr_array_new_with_free_func ((GDestroyNotify) impact_status_free);
  while ((step = impact_db_stmt_step (stmt, error)) == IMPACT_DB_ROW)
    {
      ImpactSocialClass kind = IMPACT_SOCIAL_CLASS_NONE;
      ImpactStatus *status;

      /* The CHECK constraint keeps unknown codes out of the table. */
      impact_social_class_from_code (impact_db_stmt_get_text (stmt, 2), &kind);
      status = impact_status_new (impact_db_stmt_get_int64 (stmt, 1), kind,
                                  impact_db_stmt_get_int64 (stmt, 3), impact_db_stmt_get_int64 (stmt, 4));
      status->id = impact_db_stmt_get_int64 (stmt, 0);
      status->certifying_body = impact_db_stmt_dup_text (stmt, 5);
      status->evidence = impact_db_stmt_dup_text (stmt, 6);
      status->note = impact_db_stmt_dup_text (stmt, 7);
      status->batch_id = impact_db_stmt_get_int64 (stmt, 8);
      g_ptr_array_add (statuses, status);
    }
  if (step == IMPACT_DB_ERROR)
    return NULL;

  return g_steal_pointer (&statuses);
}

/* The statuses of a supplier, by start. */
GPtrArray *
impact_store_list_statuses (ImpactStore *self,
                            gint64 supplier_id,
                            GError **error)
{
  g_return_val_if_fail (IMPACT_IS_STORE (self), NULL);

  return list_statuses (self, STATUS_COLUMNS " WHERE supplier_id = ? ORDER BY valid_from, id", supplier_id, error);
}

/* The statuses of every supplier, by supplier and start: one query for a whole dataset. */
GPtrArray *
impact_store_list_all_statuses (ImpactStore *self,
                                GError **error)
{
  g_return_val_if_fail (IMPACT_IS_STORE (self), NULL);

  return list_statuses (self, STATUS_COLUMNS " ORDER BY supplier_id, valid_from, id", 0, error);
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
