/* impact-watcher.c: changes that colleagues commit to a shared database, as they come
 *
 * A connection of its own LISTENs on the channel the schema's triggers notify (PostgreSQL's
 * step 14); the window watches its socket (g_unix_fd_add()) and reads the changes when it is
 * readable. The server sends a notification at commit, so what is told is there to read. A
 * database file has no other writers to tell about.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "impact-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "impact-db-stmt.h"
#include "impact-watcher.h"

struct _ImpactWatcher
{
  GObject parent_instance;

  ImpactDb *db;
  /* The schema the database's tables are in: the channel is the server database's, shared
   * by every schema in it. */
  char *schema;
  /* The login role it listens as, the user's own. */
  char *role;
};

G_DEFINE_FINAL_TYPE (ImpactWatcher, impact_watcher, G_TYPE_OBJECT)

void
impact_change_free (ImpactChange *change)
{
  if (change == NULL)
    return;

  g_free (change->role);
  g_free (change);
}

static void
impact_watcher_finalize (GObject *object)
{
  ImpactWatcher *self = IMPACT_WATCHER (object);

  g_clear_pointer (&self->db, impact_db_close);
  g_free (self->schema);
  g_free (self->role);

  G_OBJECT_CLASS (impact_watcher_parent_class)->finalize (object);
}

static void
impact_watcher_class_init (ImpactWatcherClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = impact_watcher_finalize;
}

static void
impact_watcher_init (ImpactWatcher *self)
{
}

/* Whether changes at @location can be watched: a shared database's. */
gboolean
impact_watcher_can_watch (const char *location)
{
  g_return_val_if_fail (location != NULL, FALSE);

  return HAVE_POSTGRESQL && impact_db_location_is_server (location);
}

/* Starts listening at @location, the address of a shared database the store opened. */
ImpactWatcher *
impact_watcher_new (const char *location,
                    GError **error)
{
  g_autoptr (ImpactWatcher) self = g_object_new (IMPACT_TYPE_WATCHER, NULL);
  g_autoptr (ImpactDbStmt) stmt = NULL;

  g_return_val_if_fail (location != NULL, NULL);

  self->db = impact_db_open (location, error);
  if (self->db == NULL)
    return NULL;
  if (!impact_db_can_notify (self->db))
    {
      g_set_error (error, IMPACT_STORE_ERROR, IMPACT_STORE_ERROR_UNSUPPORTED,
                   _ ("“%s” cannot tell about colleagues’ changes."), impact_db_get_name (self->db));
      return NULL;
    }
  if (!impact_db_exec (self->db, "LISTEN impact_changes", error))
    return NULL;
  stmt = impact_db_stmt_new (self->db, "SELECT current_schema (), session_user::text", error);
  if (stmt == NULL || !impact_db_stmt_step_row (stmt, error))
    return NULL;
  self->schema = impact_db_stmt_dup_text (stmt, 0);
  self->role = impact_db_stmt_dup_text (stmt, 1);

  return g_steal_pointer (&self);
}

/* The socket to watch for reading. */
int
impact_watcher_get_fd (ImpactWatcher *self)
{
  g_return_val_if_fail (IMPACT_IS_WATCHER (self), -1);

  return impact_db_get_socket (self->db);
}

/* The login role the watcher listens as, the user's own: her changes made elsewhere (the
 * command line, another window) are told as hers. */
const char *
impact_watcher_get_role (ImpactWatcher *self)
{
  g_return_val_if_fail (IMPACT_IS_WATCHER (self), NULL);

  return self->role;
}

static ImpactChange *
parse_change (const char *payload,
              const char *schema)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  JsonObject *object;
  const char *kind, *role;
  ImpactChange *change;

  if (!json_parser_load_from_data (parser, payload, -1, NULL) || !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    return NULL;
  object = json_node_get_object (json_parser_get_root (parser));
  if (g_strcmp0 (json_object_get_string_member_with_default (object, "schema", NULL), schema) != 0)
    return NULL;
  kind = json_object_get_string_member_with_default (object, "kind", "edit");
  role = json_object_get_string_member_with_default (object, "role", NULL);
  if (role == NULL)
    return NULL;

  change = g_new0 (ImpactChange, 1);
  change->role = g_strdup (role);
  change->session = json_object_get_int_member_with_default (object, "session", 0);
  change->kind = g_str_equal (kind, "import") ? IMPACT_CHANGE_IMPORT
                 : g_str_equal (kind, "undo") ? IMPACT_CHANGE_UNDO
                                              : IMPACT_CHANGE_EDIT;

  return change;
}

/* The changes committed since the last read, in this database's schema (ImpactChange);
 * empty when the socket woke for something else. */
GPtrArray *
impact_watcher_read (ImpactWatcher *self,
                     GError **error)
{
  g_autoptr (GPtrArray) payloads = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GPtrArray) changes = g_ptr_array_new_with_free_func ((GDestroyNotify) impact_change_free);

  g_return_val_if_fail (IMPACT_IS_WATCHER (self), NULL);

  if (!impact_db_take_notifications (self->db, payloads, error))
    return NULL;
  for (guint i = 0; i < payloads->len; i++)
    {
      ImpactChange *change = parse_change (g_ptr_array_index (payloads, i), self->schema);

      if (change != NULL)
        g_ptr_array_add (changes, change);
    }

  return g_steal_pointer (&changes);
}
