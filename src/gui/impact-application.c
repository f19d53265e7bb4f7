/* impact-application.c: the application object
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "impact-application"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "impact-application.h"
#include "impact-cli.h"
#include "impact-gui-resources.h"
#include "impact-preferences-window.h"
#include "impact-window.h"
#include "storage/impact-store.h"

struct _ImpactApplication
{
  AdwApplication parent_instance;

  GSettings *settings;
  char *database_path;
};

G_DEFINE_FINAL_TYPE (ImpactApplication, impact_application, ADW_TYPE_APPLICATION)

ImpactApplication *
impact_application_new (void)
{
  return g_object_new (IMPACT_TYPE_APPLICATION,
                       "application-id", APPLICATION_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", RESOURCE_PREFIX,
                       NULL);
}

const char *
impact_application_get_database_path (ImpactApplication *self)
{
  g_return_val_if_fail (IMPACT_IS_APPLICATION (self), NULL);

  return self->database_path;
}

GSettings *
impact_application_get_settings (ImpactApplication *self)
{
  g_return_val_if_fail (IMPACT_IS_APPLICATION (self), NULL);

  return self->settings;
}

static int
impact_application_handle_local_options (GApplication *application,
                                         GVariantDict *options)
{
  ImpactApplication *self = IMPACT_APPLICATION (application);
  g_autofree char *database = NULL;
  int status = impact_cli_handle_options (options);

  if (status >= 0)
    return status;

  /* A window on another database is a separate instance: the running one keeps its file. */
  if (g_variant_dict_lookup (options, "database", "^ay", &database))
    {
      g_free (self->database_path);
      /* A shared database's address is kept as it is, never made a file's path. */
      if (impact_db_location_is_server (database))
        self->database_path = g_steal_pointer (&database);
      else
        {
          g_autoptr (GFile) file = g_file_new_for_commandline_arg (database);

          self->database_path = g_file_get_path (file);
        }
      g_application_set_flags (application,
                               g_application_get_flags (application) | G_APPLICATION_NON_UNIQUE);
    }

  return -1;
}

static void
apply_color_scheme (ImpactApplication *self)
{
  AdwStyleManager *style_manager = adw_style_manager_get_default ();

  adw_style_manager_set_color_scheme (style_manager, g_settings_get_enum (self->settings,
                                                                          "color-scheme"));
}

static void
on_color_scheme_changed_cb (ImpactApplication *self,
                            const char *key,
                            GSettings *settings)
{
  apply_color_scheme (self);
}

static void
impact_application_startup (GApplication *application)
{
  ImpactApplication *self = IMPACT_APPLICATION (application);

  G_APPLICATION_CLASS (impact_application_parent_class)->startup (application);

  g_set_application_name (_ ("Impact Dashboard"));
  gtk_window_set_default_icon_name (APPLICATION_ID);

  self->settings = g_settings_new (APPLICATION_ID);
  g_signal_connect_object (self->settings, "changed::color-scheme",
                           G_CALLBACK (on_color_scheme_changed_cb), self, G_CONNECT_SWAPPED);
  apply_color_scheme (self);
}

static void
impact_application_activate (GApplication *application)
{
  ImpactApplication *self = IMPACT_APPLICATION (application);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (application));

  if (window == NULL)
    {
      g_autofree char *default_path = impact_store_get_default_path ();

      window = GTK_WINDOW (impact_window_new (GTK_APPLICATION (self), self->settings, self->database_path != NULL ? self->database_path : default_path));
    }

  gtk_window_present (window);
}

/* Files given on the command line, or through "Open With", are imported into the database
 * on screen, through the import dialog. */
static void
impact_application_open (GApplication *application,
                         GFile **files,
                         int n_files,
                         const char *hint)
{
  GtkWindow *window;

  g_application_activate (application);
  window = gtk_application_get_active_window (GTK_APPLICATION (application));
  if (IMPACT_IS_WINDOW (window) && n_files > 0)
    impact_window_open_import (IMPACT_WINDOW (window), files[0]);
}

static void
impact_application_finalize (GObject *object)
{
  ImpactApplication *self = (ImpactApplication *) object;

  g_clear_object (&self->settings);
  g_clear_pointer (&self->database_path, g_free);

  G_OBJECT_CLASS (impact_application_parent_class)->finalize (object);
}

static void
impact_application_class_init (ImpactApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = impact_application_finalize;

  /* Before startup: AdwApplication loads style.css from the resources then. */
  impact_gui_register_resource ();

  app_class->handle_local_options = impact_application_handle_local_options;
  app_class->startup = impact_application_startup;
  app_class->activate = impact_application_activate;
  app_class->open = impact_application_open;
}

static void
impact_application_about_action (GSimpleAction *action,
                                 GVariant *parameter,
                                 gpointer user_data)
{
  ImpactApplication *self = user_data;
  static const char *developers[] = { "Impact Dashboard developers", NULL };
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  adw_show_about_window (window,
                         "application-name", _ ("Impact Dashboard"),
                         "application-icon", APPLICATION_ID,
                         "developer-name", _ ("Impact Dashboard developers"),
                         "version", PACKAGE_VERSION,
                         "website", "https://github.com/impactdashboard/impact-dashboard",
                         "issue-url", "https://github.com/impactdashboard/impact-dashboard/issues",
                         "comments", _ ("See how much of your purchasing creates social impact, per "
                                        "group, division and contract."),
                         "developers", developers,
                         /* Translators: replace with your names, one per line. */
                         "translator-credits", _ ("translator-credits"),
                         "copyright", "© 2026 Impact Dashboard developers",
                         "license-type", GTK_LICENSE_GPL_3_0,
                         NULL);
}

static void
impact_application_preferences_action (GSimpleAction *action,
                                       GVariant *parameter,
                                       gpointer user_data)
{
  ImpactApplication *self = user_data;
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));
  ImpactPreferencesWindow *preferences = impact_preferences_window_new (self->settings);

  /* The settings kept in the database are those of the window's database. */
  if (IMPACT_IS_WINDOW (window))
    {
      impact_preferences_window_set_store (preferences, impact_window_get_store (IMPACT_WINDOW (window)));
      g_signal_connect_object (preferences, "financial-year-changed", G_CALLBACK (impact_window_reload_figures),
                               window, G_CONNECT_SWAPPED);
      g_signal_connect_object (preferences, "rule-sets-changed", G_CALLBACK (impact_window_reload_figures), window,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (preferences, "group-renamed", G_CALLBACK (impact_window_reload_figures), window,
                               G_CONNECT_SWAPPED);
    }
  gtk_window_set_transient_for (GTK_WINDOW (preferences), window);
  gtk_window_present (GTK_WINDOW (preferences));
}

static void
impact_application_quit_action (GSimpleAction *action,
                                GVariant *parameter,
                                gpointer user_data)
{
  ImpactApplication *self = user_data;

  g_application_quit (G_APPLICATION (self));
}

static const GActionEntry app_actions[] = {
  { "quit", impact_application_quit_action },
  { "about", impact_application_about_action },
  { "preferences", impact_application_preferences_action },
};

static void
impact_application_init (ImpactApplication *self)
{
  g_application_add_main_option_entries (G_APPLICATION (self), impact_cli_get_option_entries ());
  g_application_set_option_context_summary (
      G_APPLICATION (self), _ ("Social procurement impact per group, division and contract."));

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions, G_N_ELEMENTS (app_actions),
                                   self);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit",
                                         (const char *[]){ "<Control>q", NULL });
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.preferences",
                                         (const char *[]){ "<Control>comma", NULL });
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.import",
                                         (const char *[]){ "<Control>i", NULL });
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.save-report",
                                         (const char *[]){ "<Control>s", NULL });
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.print",
                                         (const char *[]){ "<Control>p", NULL });
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "window.close",
                                         (const char *[]){ "<Control>w", NULL });
}
