/* impact-store-nodes.c: the group, its divisions and objects (client contracts), kept in the store
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "impact-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "impact-db-stmt.h"
#include "impact-store-private.h"

/* Whether @node is the group with the default name as read_node() shows it: that is kept as
 * IMPACT_DEFAULT_GROUP_NAME, so that the group stays unnamed in every language. */
static gboolean
shown_group_name (const ImpactNode *node)
{
  return node->level == IMPACT_NODE_GROUP && g_strcmp0 (node->name, _ ("Group")) == 0;
}

static void
bind_node (ImpactDbStmt *stmt,
           const ImpactNode *node)
{
  impact_db_stmt_bind_positive (stmt, 1, node->parent_id);
  impact_db_stmt_bind_int64 (stmt, 2, node->level);
  impact_db_stmt_bind_text (stmt, 3, node->code);
  impact_db_stmt_bind_text (stmt, 4, shown_group_name (node) ? IMPACT_DEFAULT_GROUP_NAME : node->name);
  impact_db_stmt_bind_text (stmt, 5, node->client);
  if (node->contract_value_cents >= 0)
    impact_db_stmt_bind_int64 (stmt, 6, node->contract_value_cents);
  else
    impact_db_stmt_bind_null (stmt, 6);
  impact_db_stmt_bind_positive (stmt, 7, node->contract_start);
  impact_db_stmt_bind_positive (stmt, 8, node->contract_end);
}

gint64
impact_store_add_node (ImpactStore *self,
                       const ImpactNode *node,
                       GError **error)
{
  g_autoptr (ImpactDbStmt) stmt = NULL;

  g_return_val_if_fail (IMPACT_IS_STORE (self), 0);
  g_return_val_if_fail (node != NULL && node->code != NULL && node->name != NULL, 0);

  stmt = impact_db_stmt_new_cached (self->db,
                                    "INSERT INTO nodes (parent_id, level, code, name, client,"
                                    " contract_value_cents, contract_start, contract_end, batch_id)"
                                    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                                    error);
  if (stmt == NULL)
    return 0;
  bind_node (stmt, node);
  impact_db_stmt_bind_positive (stmt, 9, node->batch_id);

  return impact_db_stmt_insert (stmt, error);
}

gboolean
impact_store_update_node (ImpactStore *self,
                          const ImpactNode *node,
                          GError **error)
{
  g_autoptr (ImpactDbStmt) stmt = NULL;

  g_return_val_if_fail (IMPACT_IS_STORE (self), FALSE);
  g_return_val_if_fail (node != NULL && node->id > 0, FALSE);

  stmt = impact_db_stmt_new (self->db,
                             "UPDATE nodes SET parent_id = ?, level = ?, code = ?, name = ?,"
                             " client = ?, contract_value_cents = ?, contract_start = ?,"
                             " contract_end = ? WHERE id = ?",
                             error);
  if (stmt == NULL)
    return FALSE;
  bind_node (stmt, node);
  impact_db_stmt_bind_int64 (stmt, 9, node->id);

  return impact_db_stmt_run (stmt, error);
}

static ImpactNode *
read_node (ImpactDbStmt *stmt)
{
  ImpactNodeLevel level = impact_db_stmt_get_int64 (stmt, 2);
  const char *name = impact_db_stmt_get_text (stmt, 4);
  ImpactNode *node;

  /* A group the data did not name is shown by the default name in the user's language. */
  if (level == IMPACT_NODE_GROUP && g_strcmp0 (name, IMPACT_DEFAULT_GROUP_NAME) == 0)
    name = _ ("Group");
  node = impact_node_new (level, impact_db_stmt_get_text (stmt, 3), name);

  node->id = impact_db_stmt_get_int64 (stmt, 0);
  node->parent_id = impact_db_stmt_get_int64 (stmt, 1);
  node->client = g_strdup (impact_db_stmt_get_text (stmt, 5));
  node->contract_value_cents =
      impact_db_stmt_get_type (stmt, 6) == IMPACT_DB_NULL ? -1 : impact_db_stmt_get_int64 (stmt, 6);
  node->contract_start = impact_db_stmt_get_int64 (stmt, 7);
  node->contract_end = impact_db_stmt_get_int64 (stmt, 8);
  node->batch_id = impact_db_stmt_get_int64 (stmt, 9);

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
  g_autoptr (ImpactDbStmt) stmt = NULL;
  ImpactDbStep step;

  g_return_val_if_fail (IMPACT_IS_STORE (self), NULL);
  g_return_val_if_fail (code != NULL, NULL);

  stmt = impact_db_stmt_new (self->db, "SELECT " NODE_COLUMNS " FROM nodes WHERE level = ? AND code = ?", error);
  if (stmt == NULL)
    return NULL;
  impact_db_stmt_bind_int64 (stmt, 1, level);
  impact_db_stmt_bind_text (stmt, 2, code);

  step = impact_db_stmt_step (stmt, error);
  if (step == IMPACT_DB_ROW)
    return read_node (stmt);
  if (step == IMPACT_DB_DONE)
    g_set_error (error, IMPACT_STORE_ERROR, IMPACT_STORE_ERROR_NOT_FOUND,
                 _ ("There is no organisation unit with code “%s”."), code);

  return NULL;
}

GPtrArray *
impact_store_list_nodes (ImpactStore *self,
                         ImpactNodeLevel level,
                         GError **error)
{
  g_autoptr (ImpactDbStmt) stmt = NULL;
  g_autoptr (GPtrArray) nodes = NULL;
  ImpactDbStep step;

  g_return_val_if_fail (IMPACT_IS_STORE (self), NULL);

  stmt = impact_db_stmt_new (self->db, "SELECT " NODE_COLUMNS " FROM nodes WHERE level = ? ORDER BY code", error);
  if (stmt == NULL)
    return NULL;
  impact_db_stmt_bind_int64 (stmt, 1, level);

  nodes = g_ptr_array_new_with_free_func ((GDestroyNotify) impact_node_free);
  while ((step = impact_db_stmt_step (stmt, error)) == IMPACT_DB_ROW)
    g_ptr_array_add (nodes, read_node (stmt));
  if (step == IMPACT_DB_ERROR)
    return NULL;

  return g_steal_pointer (&nodes);
}
