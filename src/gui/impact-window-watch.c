/* impact-window-watch.c: the window on a shared database: connecting, and following
 * colleagues' changes
 *
 * *Connect to Shared Database…* asks for the address (impact-connect-dialog.c) and opens it.
 * While a shared database is open, a watcher (impact-watcher.c) listens on a connection of
 * its own, made on a worker thread; its socket is watched on the main loop. A committed
 * import, undo or edit by someone else reads the figures again, keeping the node and year on
 * screen, and a toast says who changed what.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "impact-window"

#include "config.h"

#include <glib-unix.h>
#include <glib/gi18n-lib.h>

#include "impact-connect-dialog.h"
#include "impact-window-private.h"

static char *
describe (const ImpactChange *change,
          const char *own_role)
{
  /* The user's own, from the command line or another window. */
  if (g_strcmp0 (change->role, own_role) == 0)
    switch (change->kind)
      {
      case IMPACT_CHANGE_IMPORT:
        return g_strdup (_ ("You imported data elsewhere; the figures are up to date"));
      case IMPACT_CHANGE_UNDO:
        return g_strdup (_ ("You undid an import elsewhere; the figures are up to date"));
      case IMPACT_CHANGE_EDIT:
      default:
        return g_strdup (_ ("You changed the data elsewhere; the figures are up to date"));
      }

  switch (change->kind)
    {
    case IMPACT_CHANGE_IMPORT:
      /* Translators: %s is a colleague's login role on the shared database. */
      return g_strdup_printf (_ ("%s imported data; the figures are up to date"), change->role);
    case IMPACT_CHANGE_UNDO:
      /* Translators: %s is a colleague's login role on the shared database. */
      return g_strdup_printf (_ ("%s undid an import; the figures are up to date"), change->role);
    case IMPACT_CHANGE_EDIT:
    default:
      /* Translators: %s is a colleague's login role on the shared database. */
      return g_strdup_printf (_ ("%s changed the data; the figures are up to date"), change->role);
    }
}

static gboolean
on_socket_ready_cb (int fd,
                    GIOCondition condition,
                    gpointer user_data)
{
  ImpactWindow *self = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) changes = impact_watcher_read (self->watcher, &error);
  const ImpactChange *shown = NULL;

  if (changes == NULL)
    {
      /* The connection went: the window goes on without following. */
      g_warning ("No longer following changes: %s", error->message);
      self->watch_source = 0;
      g_clear_object (&self->watcher);
      return G_SOURCE_REMOVE;
    }

  /* The changes this window made it shows already (those of its store's connection; the
   * same user's in another window or on the command line are told); of the others, an
   * import or undo says more than the edits that came with it. */
  for (guint i = 0; i < changes->len; i++)
    {
      const ImpactChange *change = g_ptr_array_index (changes, i);

      if (self->store != NULL && change->session == impact_db_get_session (impact_store_get_db (self->store)))
        continue;
      if (shown == NULL || (shown->kind == IMPACT_CHANGE_EDIT && change->kind != IMPACT_CHANGE_EDIT))
        shown = change;
    }
  if (shown != NULL)
    {
      g_autofree char *title = describe (shown, impact_watcher_get_role (self->watcher));

      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (title));
      impact_window_refresh_counts (self);
    }

  return G_SOURCE_CONTINUE;
}

static void
watcher_thread (GTask *task,
                gpointer source_object,
                gpointer task_data,
                GCancellable *cancellable)
{
  GError *error = NULL;
  ImpactWatcher *watcher = impact_watcher_new (task_data, &error);

  if (watcher == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, watcher, g_object_unref);
}

static void
on_watcher_ready_cb (GObject *object,
                     GAsyncResult *result,
                     gpointer user_data)
{
  g_autoptr (GError) error = NULL;
  ImpactWatcher *watcher = g_task_propagate_pointer (G_TASK (result), &error);
  ImpactWindow *self = IMPACT_WINDOW (object);

  if (watcher == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_warning ("Colleagues' changes will not be followed: %s", error->message);
      return;
    }
  /* Another database was opened meanwhile (impact_window_unwatch() cancelled this one). */
  if (self->watch_cancellable == NULL || g_cancellable_is_cancelled (self->watch_cancellable))
    {
      g_object_unref (watcher);
      return;
    }

  g_clear_object (&self->watch_cancellable);
  self->watcher = watcher;
  self->watch_source = g_unix_fd_add (impact_watcher_get_fd (watcher), G_IO_IN, on_socket_ready_cb, self);
}

/* Starts following the open database, when it is a shared one. */
void
impact_window_watch (ImpactWindow *self)
{
  g_autoptr (GTask) task = NULL;
  const char *location;

  g_return_if_fail (IMPACT_IS_WINDOW (self));

  if (self->store == NULL || self->watcher != NULL || self->watch_cancellable != NULL)
    return;
  location = impact_store_get_path (self->store);
  if (!impact_watcher_can_watch (location))
    return;

  self->watch_cancellable = g_cancellable_new ();
  task = g_task_new (self, self->watch_cancellable, on_watcher_ready_cb, NULL);
  g_task_set_return_on_cancel (task, TRUE);
  g_task_set_task_data (task, g_strdup (location), g_free);
  g_task_run_in_thread (task, watcher_thread);
}

void
impact_window_unwatch (ImpactWindow *self)
{
  g_return_if_fail (IMPACT_IS_WINDOW (self));

  if (self->watch_cancellable != NULL)
    g_cancellable_cancel (self->watch_cancellable);
  g_clear_object (&self->watch_cancellable);
  g_clear_handle_id (&self->watch_source, g_source_remove);
  g_clear_object (&self->watcher);
}

static void
on_connect_cb (ImpactConnectDialog *dialog,
               const char *location,
               ImpactWindow *self)
{
  impact_window_open_location (self, location);
}

void
impact_window_connect_action (GtkWidget *widget,
                              const char *action_name,
                              GVariant *parameter)
{
  ImpactWindow *self = IMPACT_WINDOW (widget);
  g_autoptr (GSettings) settings = g_settings_new (APPLICATION_ID);
  ImpactConnectDialog *dialog = impact_connect_dialog_new (GTK_WINDOW (self), settings);

  g_signal_connect_object (dialog, "connect", G_CALLBACK (on_connect_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}
