/* impact-exchange-fields.c: the members of an exchange document read, and its problems told with where they are
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "impact-exchange"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "impact-exchange-private.h"
#include "model/impact-format.h"

const char *
_impact_exchange_get_string (JsonObject *object,
                             const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;

  return json_node_get_string (node);
}

/* An array member of an object, or NULL (with a FORMAT error naming it) if it is not one. */
JsonArray *
_impact_exchange_get_array (JsonObject *object,
                            const char *member,
                            const char *where,
                            gboolean required,
                            GError **error)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, member) : NULL;

  if (node != NULL && JSON_NODE_HOLDS_ARRAY (node))
    return json_node_get_array (node);
  if (node == NULL && !required)
    return NULL;

  g_set_error (error, IMPACT_IMPORT_ERROR, IMPACT_IMPORT_ERROR_FORMAT,
               _ ("The exchange file has no list “%s%s”."), where, member);
  return NULL;
}

/* Records a problem with an element; the element is left out, the rest goes on. */
void
_impact_exchange_reject (Exchange *ex,
                         const char *list,
                         guint index,
                         const char *member,
                         char *message)
{
  ImpactImportProblem *problem = g_new0 (ImpactImportProblem, 1);

  ex->summary->rows_rejected++;
  problem->row = index + 1;
  problem->column = g_strdup_printf ("%s.%s", list, member);
  problem->message = message;
  if (ex->summary->problems->len < IMPACT_IMPORT_MAX_PROBLEMS)
    g_ptr_array_add (ex->summary->problems, problem);
  else
    g_free (problem->column), g_free (problem->message), g_free (problem);
}

/* An ISO date member: 0 when absent or null; FALSE (with a rejection) when not a date. */
gboolean
_impact_exchange_get_day (Exchange *ex,
                          JsonObject *object,
                          const char *list,
                          guint index,
                          const char *member,
                          guint32 *day)
{
  JsonNode *node = json_object_get_member (object, member);
  const char *text = _impact_exchange_get_string (object, member);

  *day = 0;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (text != NULL && (*day = impact_day_from_iso (text)) != 0)
    return TRUE;

  _impact_exchange_reject (ex, list, index, member,
                           g_strdup_printf (_ ("“%s” is not a date written as YYYY-MM-DD."), text != NULL ? text : "?"));
  return FALSE;
}

gint64
_impact_exchange_unit_id (Exchange *ex,
                          ImpactNodeLevel level,
                          const char *code)
{
  g_autofree char *key = g_strdup_printf ("%d:%s", level, code);
  gpointer id;

  if (g_hash_table_lookup_extended (ex->units, key, NULL, &id))
    return (gint64) GPOINTER_TO_SIZE (id);

  {
    g_autoptr (ImpactNode) node = impact_store_find_node (ex->store, level, code, NULL);

    if (node == NULL)
      return 0;
    g_hash_table_insert (ex->units, g_steal_pointer (&key), GSIZE_TO_POINTER (node->id));
    return node->id;
  }
}

/* A level named as the export writes it. */
int
_impact_exchange_level_from_code (const char *code)
{
  static const char *const codes[] = { "group", "division", "object" };

  for (guint i = 0; i < G_N_ELEMENTS (codes); i++)
    if (g_strcmp0 (code, codes[i]) == 0)
      return i;
  return -1;
}

double
_impact_exchange_get_double (JsonObject *object,
                             const char *member,
                             double fallback)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return fallback;
  return json_node_get_double (node);
}

gint64
_impact_exchange_get_int (JsonObject *object,
                          const char *member,
                          gint64 fallback)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    return fallback;
  return json_node_get_int (node);
}

/* A store's refusal of a value rejects the element; any other failure ends the import. */
gboolean
_impact_exchange_refused (Exchange *ex,
                          const char *list,
                          guint index,
                          const char *member,
                          GError **local_error,
                          GError **error)
{
  if (g_error_matches (*local_error, IMPACT_STORE_ERROR, IMPACT_STORE_ERROR_INVALID))
    {
      _impact_exchange_reject (ex, list, index, member, g_strdup ((*local_error)->message));
      g_clear_error (local_error);
      return TRUE;
    }
  g_propagate_error (error, g_steal_pointer (local_error));
  return FALSE;
}
