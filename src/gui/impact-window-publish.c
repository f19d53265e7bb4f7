/* impact-window-publish.c: *Publish to Shared Database…*, the open file copied to a server
 *
 * The address of a new, empty database is asked for as for connecting; the copy
 * (impact_publish(), one transaction, the figures compared) runs on a worker thread with a
 * connection of its own to the file, while a toast says so and offers to stop it. When it
 * is done, a toast says how much went and offers to open the shared database.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "impact-window"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "export/impact-publish.h"
#include "impact-connect-dialog.h"
#include "impact-window-private.h"
#include "model/impact-format.h"
#include "storage/impact-db.h"
#include "util/impact-dialogs.h"

typedef struct
{
  char *source;
  /* The address, with the password typed for it (never shown). */
  char *location;
  ImpactStoreCounts published;
  AdwToast *progress;
} Publish;

static void
publish_free (gpointer data)
{
  Publish *publish = data;

  g_free (publish->source);
  g_free (publish->location);
  g_clear_object (&publish->progress);
  g_free (publish);
}

static void
publish_thread (GTask *task,
                gpointer source_object,
                gpointer task_data,
                GCancellable *cancellable)
{
  Publish *publish = task_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (ImpactStore) source = impact_store_open (publish->source, &error);

  if (source != NULL && impact_publish (source, publish->location, cancellable, &publish->published, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, g_steal_pointer (&error));
}

static void
on_open_published_cb (AdwToast *toast,
                      gpointer user_data)
{
  ImpactWindow *self = g_object_get_data (G_OBJECT (toast), "window");

  impact_window_open_location (self, user_data);
}

static void
on_published_cb (GObject *object,
                 GAsyncResult *result,
                 gpointer user_data)
{
  ImpactWindow *self = IMPACT_WINDOW (object);
  Publish *publish = g_task_get_task_data (G_TASK (result));
  g_autoptr (GError) error = NULL;
  g_autofree char *name = impact_db_location_get_display_name (publish->location);
  g_autofree char *count = NULL;
  g_autofree char *title = NULL;
  AdwToast *toast;

  adw_toast_dismiss (publish->progress);
  g_clear_object (&self->cancellable);
  impact_window_update_actions (self);
  if (!g_task_propagate_boolean (G_TASK (result), &error)
      && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      /* Translators: %s is the address of a shared database, as in anna@db.example.nl/impact. */
      title = g_strdup_printf (_ ("Publishing stopped; nothing was written to %s"), name);
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (title));
      return;
    }
  if (error != NULL)
    {
      impact_show_failure (GTK_WIDGET (self), _ ("The Database Was Not Published"), error->message);
      return;
    }

  count = impact_format_count (publish->published.n_lines);
  /* Translators: a toast; the first %s is a number of lines, the second the address of the
   * shared database. */
  title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s purchase line published to %s",
                                        "%s purchase lines published to %s", (gulong) publish->published.n_lines),
                           count, name);
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _ ("_Open"));
  g_object_set_data (G_OBJECT (toast), "window", self);
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (on_open_published_cb), g_strdup (publish->location),
                         (GClosureNotify) (void (*) (void)) g_free, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* Copies the open database file to the new, empty shared database at @location; a toast
 * says when it is done. */
void
impact_window_publish (ImpactWindow *self,
                       const char *location)
{
  g_autoptr (GTask) task = NULL;
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;
  Publish *publish;

  g_return_if_fail (IMPACT_IS_WINDOW (self) && self->store != NULL && self->cancellable == NULL);

  name = impact_db_location_get_display_name (location);
  publish = g_new0 (Publish, 1);
  publish->source = g_strdup (impact_store_get_path (self->store));
  publish->location = g_strdup (location);
  /* Translators: %s is the address of a shared database. */
  title = g_strdup_printf (_ ("Publishing to %s…"), name);
  publish->progress = g_object_ref_sink (adw_toast_new (title));
  adw_toast_set_timeout (publish->progress, 0);
  adw_toast_set_button_label (publish->progress, _ ("_Stop"));
  adw_toast_set_action_name (publish->progress, "win.cancel");
  adw_toast_overlay_add_toast (self->toast_overlay, g_object_ref (publish->progress));

  self->cancellable = g_cancellable_new ();
  impact_window_update_actions (self);
  task = g_task_new (self, self->cancellable, on_published_cb, NULL);
  g_task_set_task_data (task, publish, publish_free);
  g_task_run_in_thread (task, publish_thread);
}

static void
on_publish_cb (ImpactConnectDialog *dialog,
               const char *location,
               ImpactWindow *self)
{
  impact_window_publish (self, location);
}

void
impact_window_publish_action (GtkWidget *widget,
                              const char *action_name,
                              GVariant *parameter)
{
  ImpactWindow *self = IMPACT_WINDOW (widget);
  g_autoptr (GSettings) settings = g_settings_new (APPLICATION_ID);
  ImpactConnectDialog *dialog = impact_connect_dialog_new (GTK_WINDOW (self), settings);

  impact_connect_dialog_set_publishing (dialog);
  g_signal_connect_object (dialog, "connect", G_CALLBACK (on_publish_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}
