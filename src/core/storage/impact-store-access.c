/* impact-store-access.c: who may see which division of a shared database
 *
 * On PostgreSQL the server keeps it (schema step 13: access_grants, row-level security and
 * the privileges impact_grant() gives); this file only asks and tells it. A database file
 * has one user, who sees everything, and nothing to give.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "impact-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "impact-db-stmt.h"
#include "impact-store-access.h"
#include "impact-store-private.h"

void
impact_access_grant_free (ImpactAccessGrant *grant)
{
  if (grant == NULL)
    return;

  g_free (grant->role);
  g_free (grant->division_code);
  g_free (grant->division_name);
  g_free (grant);
}

static gboolean
check_shared (ImpactStore *self,
              GError **error)
{
  if (impact_db_has_access_control (self->db))
    return TRUE;

  g_set_error (error, IMPACT_STORE_ERROR, IMPACT_STORE_ERROR_UNSUPPORTED,
               _ ("“%s” is a database file: whoever opens it sees all of it. Access by division is "
                  "given on a shared database (PostgreSQL)."),
               impact_store_get_name (self));
  return FALSE;
}

/* A yes or no the server's access rules give (@sql, one integer), or @in_file where there
 * are none. */
static gboolean
ask_access (ImpactStore *self,
            const char *sql,
            gboolean in_file,
            gboolean *answer,
            GError **error)
{
  gint64 value = in_file;

  g_return_val_if_fail (IMPACT_IS_STORE (self), FALSE);
  g_return_val_if_fail (answer != NULL, FALSE);

  if (impact_db_has_access_control (self->db) && !impact_db_query_int (self->db, sql, &value, error))
    return FALSE;
  *answer = value != 0;

  return TRUE;
}

/* Whether the user sees the whole group (always, in a database file) or only some of its
 * divisions. */
gboolean
impact_store_sees_whole_group (ImpactStore *self,
                               gboolean *whole_group,
                               GError **error)
{
  return ask_access (self, "SELECT impact_sees_all ()::int", TRUE, whole_group, error);
}

/* Whether the user may give and take access: the database's administrator (the role that
 * made the schema), or a role she let run impact_grant(). Never in a database file. */
gboolean
impact_store_may_grant (ImpactStore *self,
                        gboolean *may_grant,
                        GError **error)
{
  return ask_access (self, "SELECT has_function_privilege ('impact_grant (name, bigint)', 'EXECUTE')::int", FALSE,
                     may_grant, error);
}

static gboolean
check_role (ImpactStore *self,
            const char *role,
            GError **error)
{
  g_autoptr (ImpactDbStmt) stmt = impact_db_stmt_new (self->db, "SELECT 1 FROM pg_roles WHERE rolname = ?", error);
  ImpactDbStep step;

  if (stmt == NULL)
    return FALSE;
  impact_db_stmt_bind_text (stmt, 1, role);
  step = impact_db_stmt_step (stmt, error);
  if (step == IMPACT_DB_DONE)
    g_set_error (error, IMPACT_STORE_ERROR, IMPACT_STORE_ERROR_NOT_FOUND,
                 /* Translators: CREATE ROLE … LOGIN is SQL, keep it as it is. */
                 _ ("There is no role “%s” on the server of “%s”. Create it first (CREATE ROLE %s LOGIN), "
                    "then give it access."),
                 role, impact_store_get_name (self), role);

  return step == IMPACT_DB_ROW;
}

/* Gives the login role @role the whole group (@division_code NULL) or the division with
 * that code, besides what it has. Only the database's administrator may. */
gboolean
impact_store_grant (ImpactStore *self,
                    const char *role,
                    const char *division_code,
                    GError **error)
{
  g_autoptr (ImpactDbStmt) stmt = NULL;
  g_autoptr (ImpactNode) division = NULL;

  g_return_val_if_fail (IMPACT_IS_STORE (self), FALSE);
  g_return_val_if_fail (role != NULL, FALSE);

  if (!check_shared (self, error) || !check_role (self, role, error))
    return FALSE;
  if (division_code != NULL)
    {
      g_autoptr (GError) local_error = NULL;

      division = impact_store_find_node (self, IMPACT_NODE_DIVISION, division_code, &local_error);
      if (division == NULL)
        {
          if (g_error_matches (local_error, IMPACT_STORE_ERROR, IMPACT_STORE_ERROR_NOT_FOUND))
            g_set_error (error, IMPACT_STORE_ERROR, IMPACT_STORE_ERROR_NOT_FOUND,
                         _ ("There is no division with code “%s” in “%s”."), division_code,
                         impact_store_get_name (self));
          else
            g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
    }

  stmt = impact_db_stmt_new (self->db, "SELECT impact_grant (CAST (? AS name), ?)", error);
  if (stmt == NULL)
    return FALSE;
  impact_db_stmt_bind_text (stmt, 1, role);
  impact_db_stmt_bind_positive (stmt, 2, division != NULL ? division->id : 0);

  return impact_db_stmt_step_row (stmt, error);
}

/* Takes all access to this database away from @role. */
gboolean
impact_store_revoke (ImpactStore *self,
                     const char *role,
                     GError **error)
{
  g_autoptr (ImpactDbStmt) stmt = NULL;

  g_return_val_if_fail (IMPACT_IS_STORE (self), FALSE);
  g_return_val_if_fail (role != NULL, FALSE);

  if (!check_shared (self, error) || !check_role (self, role, error))
    return FALSE;

  stmt = impact_db_stmt_new (self->db, "SELECT impact_revoke (CAST (? AS name))", error);
  if (stmt == NULL)
    return FALSE;
  impact_db_stmt_bind_text (stmt, 1, role);

  return impact_db_stmt_step_row (stmt, error);
}

/* Takes from @role the whole group (@division_code NULL) or that one division, and leaves
 * it what else it was given, with the privileges of that alone (the whole group's may write
 * what a division's may not). Taking the last takes all its access; @keeps_access (if not
 * NULL) says whether anything is left. */
gboolean
impact_store_revoke_grant (ImpactStore *self,
                           const char *role,
                           const char *division_code,
                           gboolean *keeps_access,
                           GError **error)
{
  g_autoptr (GPtrArray) grants = NULL;
  g_autoptr (GPtrArray) keep = g_ptr_array_new ();
  gboolean ok;

  g_return_val_if_fail (IMPACT_IS_STORE (self), FALSE);
  g_return_val_if_fail (role != NULL, FALSE);

  grants = impact_store_list_grants (self, error);
  if (grants == NULL)
    return FALSE;
  for (guint i = 0; i < grants->len; i++)
    {
      ImpactAccessGrant *grant = g_ptr_array_index (grants, i);

      if (g_str_equal (grant->role, role) && g_strcmp0 (grant->division_code, division_code) != 0)
        g_ptr_array_add (keep, grant);
    }

  if (!impact_store_begin (self, error))
    return FALSE;
  ok = impact_store_revoke (self, role, error);
  for (guint i = 0; ok && i < keep->len; i++)
    ok = impact_store_grant (self, role, ((ImpactAccessGrant *) g_ptr_array_index (keep, i))->division_code, error);
  if (!ok || !impact_store_commit (self, error))
    {
      impact_store_rollback (self);
      return FALSE;
    }
  if (keeps_access != NULL)
    *keeps_access = keep->len > 0;

  return TRUE;
}

/* The roles that have access (ImpactAccessGrant), by role and division code; the whole
 * group comes first for a role. */
GPtrArray *
impact_store_list_grants (ImpactStore *self,
                          GError **error)
{
  g_autoptr (ImpactDbStmt) stmt = NULL;
  g_autoptr (GPtrArray) grants = NULL;
  ImpactDbStep step;

  g_return_val_if_fail (IMPACT_IS_STORE (self), NULL);

  if (!check_shared (self, error))
    return NULL;
  stmt = impact_db_stmt_new (self->db,
                             "SELECT g.role::text, n.code, n.name, (g.role = current_user)::int FROM access_grants g"
                             " LEFT JOIN nodes n ON n.id = g.division_id"
                             " ORDER BY g.role, g.division_id IS NOT NULL, n.code",
                             error);
  if (stmt == NULL)
    return NULL;

  grants = g_ptr_array_new_with_free_func ((GDestroyNotify) impact_access_grant_free);
  while ((step = impact_db_stmt_step (stmt, error)) == IMPACT_DB_ROW)
    {
      ImpactAccessGrant *grant = g_new0 (ImpactAccessGrant, 1);

      grant->role = impact_db_stmt_dup_text (stmt, 0);
      grant->division_code = impact_db_stmt_dup_text (stmt, 1);
      grant->division_name = impact_db_stmt_dup_text (stmt, 2);
      grant->is_current = impact_db_stmt_get_int64 (stmt, 3) != 0;
      g_ptr_array_add (grants, grant);
    }
  if (step == IMPACT_DB_ERROR)
    return NULL;

  return g_steal_pointer (&grants);
}
