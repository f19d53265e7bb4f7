/* impact-connect-dialog.c: the address (and password) of a shared database to open
 *
 * The address is a libpq URI or connection string; the last ones used are offered again
 * (GSettings "recent-shared-databases", without passwords). A password typed here goes
 * with the address to libpq only; when the user asks, it is kept in the keyring (libsecret)
 * under the address, and found there the next time. Without one, libpq looks in ~/.pgpass
 * and the service file itself.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "impact-connect"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <libsecret/secret.h>

#include "impact-connect-dialog.h"
#include "storage/impact-db.h"

#define MAX_RECENT 5

struct _ImpactConnectDialog
{
  AdwWindow parent_instance;

  AdwPreferencesGroup *address_group;
  GtkButton *connect_button;
  AdwEntryRow *address_row;
  AdwPasswordEntryRow *password_row;
  GtkSwitch *remember_switch;
  GtkLabel *error_label;
  AdwPreferencesGroup *recent_group;
  GtkListBox *recent_list;

  GSettings *settings;
  GCancellable *cancellable;
  char *address;
};

G_DEFINE_FINAL_TYPE (ImpactConnectDialog, impact_connect_dialog, ADW_TYPE_WINDOW)

enum
{
  SIGNAL_CONNECT,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const SecretSchema *
password_schema (void)
{
  static const SecretSchema schema = {
    APPLICATION_ID ".Password",
    SECRET_SCHEMA_NONE,
    {
        { "address", SECRET_SCHEMA_ATTRIBUTE_STRING },
        { NULL, 0 },
    },
  };

  return &schema;
}

static void
on_recent_activated_cb (AdwActionRow *row,
                        ImpactConnectDialog *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->address_row), adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)));
  gtk_widget_grab_focus (GTK_WIDGET (self->password_row));
}

static void
fill_recent (ImpactConnectDialog *self)
{
  g_auto (GStrv) recent = g_settings_get_strv (self->settings, "recent-shared-databases");

  for (guint i = 0; recent[i] != NULL; i++)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), recent[i]);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_signal_connect (row, "activated", G_CALLBACK (on_recent_activated_cb), self);
      gtk_list_box_append (self->recent_list, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->recent_group), recent[0] != NULL);
  if (recent[0] != NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->address_row), recent[0]);
}

/* The address goes first in the list, once; the oldest beyond MAX_RECENT go. */
static void
remember_address (ImpactConnectDialog *self,
                  const char *address)
{
  g_auto (GStrv) recent = g_settings_get_strv (self->settings, "recent-shared-databases");
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();
  g_auto (GStrv) updated = NULL;
  guint n = 1;

  g_strv_builder_add (builder, address);
  for (guint i = 0; recent[i] != NULL && n < MAX_RECENT; i++)
    if (!g_str_equal (recent[i], address))
      {
        g_strv_builder_add (builder, recent[i]);
        n++;
      }
  updated = g_strv_builder_end (builder);
  g_settings_set_strv (self->settings, "recent-shared-databases", (const char *const *) updated);
}

static void
finish (ImpactConnectDialog *self,
        const char *password)
{
  g_autofree char *location = password != NULL && *password != '\0'
                                  ? impact_db_location_with_password (self->address, password)
                                  : g_strdup (self->address);

  remember_address (self, self->address);
  g_signal_emit (self, signals[SIGNAL_CONNECT], 0, location);
  gtk_window_close (GTK_WINDOW (self));
}

static void
on_password_stored_cb (GObject *object,
                       GAsyncResult *result,
                       gpointer user_data)
{
  g_autoptr (GError) error = NULL;

  if (!secret_password_store_finish (result, &error))
    g_warning ("The password could not be kept in the keyring: %s", error->message);
}

static void
on_password_found_cb (GObject *object,
                      GAsyncResult *result,
                      gpointer user_data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *password = secret_password_lookup_finish (result, &error);
  ImpactConnectDialog *self;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self = IMPACT_CONNECT_DIALOG (user_data);
  /* No keyring, or nothing kept for the address: libpq looks further itself. */
  if (error != NULL)
    g_debug ("No password from the keyring: %s", error->message);
  finish (self, password);
}

static void
connect_action (GtkWidget *widget,
                const char *action_name,
                GVariant *parameter)
{
  ImpactConnectDialog *self = IMPACT_CONNECT_DIALOG (widget);
  g_autofree char *address = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->address_row))));
  const char *password = gtk_editable_get_text (GTK_EDITABLE (self->password_row));

  if (!impact_db_location_is_server (address))
    {
      g_autofree char *message = g_strdup_printf (_ ("“%s” is not the address of a shared database. Write it as "
                                                     "postgresql://user@server/database or service=name."),
                                                  address);

      gtk_label_set_text (self->error_label, message);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
      gtk_widget_grab_focus (GTK_WIDGET (self->address_row));
      return;
    }

  g_free (self->address);
  self->address = g_steal_pointer (&address);
  gtk_widget_action_set_enabled (widget, "connect.connect", FALSE);
  if (*password != '\0')
    {
      if (gtk_switch_get_active (self->remember_switch))
        {
          /* Translators: the label of the password in the keyring; %s is the address. */
          g_autofree char *label = g_strdup_printf (_ ("Impact Dashboard: %s"), self->address);

          secret_password_store (password_schema (), SECRET_COLLECTION_DEFAULT, label, password, NULL,
                                 on_password_stored_cb, NULL, "address", self->address, NULL);
        }
      finish (self, password);
      return;
    }

  secret_password_lookup (password_schema (), self->cancellable, on_password_found_cb, self, "address", self->address,
                          NULL);
}

static void
on_address_changed_cb (ImpactConnectDialog *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
}

static void
impact_connect_dialog_dispose (GObject *object)
{
  ImpactConnectDialog *self = IMPACT_CONNECT_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->address, g_free);
  gtk_widget_dispose_template (GTK_WIDGET (self), IMPACT_TYPE_CONNECT_DIALOG);

  G_OBJECT_CLASS (impact_connect_dialog_parent_class)->dispose (object);
}

static void
impact_connect_dialog_class_init (ImpactConnectDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = impact_connect_dialog_dispose;

  /* The location to open: the address, with the password when there is one. */
  signals[SIGNAL_CONNECT] = g_signal_new ("connect", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                          G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/impactdashboard/ImpactDashboard/impact-connect-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, ImpactConnectDialog, address_group);
  gtk_widget_class_bind_template_child (widget_class, ImpactConnectDialog, connect_button);
  gtk_widget_class_bind_template_child (widget_class, ImpactConnectDialog, address_row);
  gtk_widget_class_bind_template_child (widget_class, ImpactConnectDialog, password_row);
  gtk_widget_class_bind_template_child (widget_class, ImpactConnectDialog, remember_switch);
  gtk_widget_class_bind_template_child (widget_class, ImpactConnectDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, ImpactConnectDialog, recent_group);
  gtk_widget_class_bind_template_child (widget_class, ImpactConnectDialog, recent_list);
  gtk_widget_class_bind_template_callback (widget_class, on_address_changed_cb);
  gtk_widget_class_install_action (widget_class, "connect.connect", NULL, connect_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
impact_connect_dialog_init (ImpactConnectDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
}

/* Asks instead for the new, empty database to publish the open file to (*Publish to Shared
 * Database…*); "connect" gives its location the same way. */
void
impact_connect_dialog_set_publishing (ImpactConnectDialog *self)
{
  g_return_if_fail (IMPACT_IS_CONNECT_DIALOG (self));

  gtk_window_set_title (GTK_WINDOW (self), _ ("Publish to Shared Database"));
  gtk_button_set_label (self->connect_button, _ ("_Publish"));
  adw_preferences_group_set_description (self->address_group,
                                         _ ("The address of a new, empty database on the group’s PostgreSQL server, "
                                            "such as postgresql://beheer@db.example.nl/impact. Everything in this "
                                            "file is copied there in one go, and the figures are compared; the file "
                                            "stays as it is."));
}

ImpactConnectDialog *
impact_connect_dialog_new (GtkWindow *parent,
                           GSettings *settings)
{
  ImpactConnectDialog *self;

  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  self = g_object_new (IMPACT_TYPE_CONNECT_DIALOG, "transient-for", parent, NULL);
  self->settings = g_object_ref (settings);
  fill_recent (self);
  /* With the last address filled in, what is left to type is the password, if any. */
  gtk_window_set_focus (GTK_WINDOW (self), *gtk_editable_get_text (GTK_EDITABLE (self->address_row)) != '\0'
                                               ? GTK_WIDGET (self->password_row)
                                               : GTK_WIDGET (self->address_row));

  return self;
}
