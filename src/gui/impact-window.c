/* impact-window.c: the main window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "impact-window"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "demo/impact-demo.h"
#include "impact-gui-resources.h"
#include "impact-window.h"
#include "model/impact-format.h"
#include "storage/impact-store-counts.h"

struct _ImpactWindow
{
  AdwApplicationWindow parent_instance;

  /* Template widgets */
  AdwToastOverlay *toast_overlay;
  AdwWindowTitle *window_title;
  GtkWidget *demo_tag;
  GtkStack *stack;
  GtkWidget *explore_demo_button;
  GtkProgressBar *demo_progress;
  AdwStatusPage *error_page;
  GtkLabel *divisions_value;
  GtkLabel *objects_value;
  GtkLabel *suppliers_value;
  GtkLabel *statuses_value;
  GtkLabel *lines_value;
  GtkLabel *period_value;
  GtkLabel *total_value;
  GtkLabel *social_value;
  AdwPreferencesGroup *overview_group;

  char *database_path;
  ImpactStore *store;
  GCancellable *cancellable;
};

enum
{
  PROP_0,
  PROP_DATABASE_PATH,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (ImpactWindow, impact_window, ADW_TYPE_APPLICATION_WINDOW)

static void open_database (ImpactWindow *self,
                           const char *path);

ImpactWindow *
impact_window_new (ImpactApplication *application,
                   const char *database_path)
{
  ImpactWindow *self;
  GSettings *settings;

  g_return_val_if_fail (IMPACT_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (database_path != NULL, NULL);

  self = g_object_new (IMPACT_TYPE_WINDOW,
                       "application", application,
                       "database-path", database_path,
                       NULL);

  /* Bound here, not in constructed(): "application" is not a construct property, so it is
   * set only after constructed() ran. */
  settings = impact_application_get_settings (application);
  g_settings_bind (settings, "window-width", self, "default-width", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "window-height", self, "default-height", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "window-maximized", self, "maximized", G_SETTINGS_BIND_DEFAULT);

  return self;
}

ImpactStore *
impact_window_get_store (ImpactWindow *self)
{
  g_return_val_if_fail (IMPACT_IS_WINDOW (self), NULL);

  return self->store;
}

const char *
impact_window_get_page_name (ImpactWindow *self)
{
  g_return_val_if_fail (IMPACT_IS_WINDOW (self), NULL);

  return gtk_stack_get_visible_child_name (self->stack);
}

static void
show_toast (ImpactWindow *self,
            const char *title)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (title));
}

static void
update_actions (ImpactWindow *self)
{
  gboolean busy = self->cancellable != NULL;
  gboolean demo = self->store != NULL && impact_store_is_demo (self->store);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.explore-demo", !busy && !demo);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.leave-demo", !busy && demo);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.cancel", busy);
}

static void
set_store (ImpactWindow *self,
           ImpactStore *store)
{
  gboolean demo;
  g_autofree char *name = NULL;

  g_set_object (&self->store, store);

  demo = store != NULL && impact_store_is_demo (store);
  gtk_widget_set_visible (self->demo_tag, demo);
  if (store != NULL)
    name = g_filename_display_basename (impact_store_get_path (store));
  adw_window_title_set_subtitle (self->window_title, demo ? _ ("Demo data") : name);
  update_actions (self);
}

static void
show_counts (ImpactWindow *self,
             const ImpactStoreCounts *counts)
{
  g_auto (ImpactCountsText) text = { 0 };

  impact_counts_text_init (&text, counts);
  gtk_label_set_text (self->divisions_value, text.divisions);
  gtk_label_set_text (self->objects_value, text.objects);
  gtk_label_set_text (self->suppliers_value, text.suppliers);
  gtk_label_set_text (self->statuses_value, text.statuses);
  gtk_label_set_text (self->lines_value, text.lines);
  gtk_label_set_text (self->period_value, text.period);
  gtk_label_set_text (self->total_value, text.total);
  gtk_label_set_text (self->social_value, text.social);
  adw_preferences_group_set_description (self->overview_group, impact_store_get_path (self->store));

  gtk_stack_set_visible_child_name (self->stack, "overview");
}

static void
show_error (ImpactWindow *self,
            const GError *error)
{
  adw_status_page_set_description (self->error_page, error->message);
  gtk_stack_set_visible_child_name (self->stack, "error");
}

static void
on_counts_ready_cb (GObject *object,
                    GAsyncResult *result,
                    gpointer user_data)
{
  g_autoptr (ImpactWindow) self = user_data;
  g_autoptr (GError) error = NULL;
  ImpactStoreCounts counts;

  if (!impact_store_get_counts_finish (IMPACT_STORE (object), result, &counts, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_error (self, error);
      return;
    }

  /* The store may have changed while the counts were taken. */
  if (IMPACT_STORE (object) == self->store)
    show_counts (self, &counts);
}

static void
on_store_opened_cb (GObject *object,
                    GAsyncResult *result,
                    gpointer user_data)
{
  g_autoptr (ImpactWindow) self = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (ImpactStore) store = impact_store_open_finish (result, &error);
  gboolean empty;

  g_clear_object (&self->cancellable);

  if (store == NULL)
    {
      set_store (self, NULL);
      show_error (self, error);
      return;
    }

  set_store (self, store);
  if (impact_store_get_backup_path (store) != NULL)
    show_toast (self, _ ("The database was updated to the new version; a backup copy was kept"));

  empty = impact_store_is_empty (store, &error);
  if (error != NULL)
    {
      show_error (self, error);
      return;
    }

  if (empty)
    {
      gtk_stack_set_visible_child_name (self->stack, "welcome");
      /* Enter starts the demo: the one thing to do in an empty database for now. */
      gtk_widget_grab_focus (self->explore_demo_button);
      return;
    }

  impact_store_get_counts_async (store, NULL, on_counts_ready_cb, g_object_ref (self));
}

static void
open_database (ImpactWindow *self,
               const char *path)
{
  set_store (self, NULL);
  gtk_stack_set_visible_child_name (self->stack, "loading");
  impact_store_open_async (path, NULL, on_store_opened_cb, g_object_ref (self));
}

static void
on_demo_progress_cb (double fraction,
                     gpointer user_data)
{
  ImpactWindow *self = user_data;

  gtk_progress_bar_set_fraction (self->demo_progress, fraction);
}

static void
on_demo_written_cb (GObject *object,
                    GAsyncResult *result,
                    gpointer user_data)
{
  g_autoptr (ImpactWindow) self = user_data;
  g_autoptr (GError) error = NULL;
  g_autofree char *path = impact_demo_get_default_path ();

  g_clear_object (&self->cancellable);
  update_actions (self);

  if (!impact_demo_write_finish (result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          show_toast (self, _ ("Loading the demo data was cancelled"));
          open_database (self, self->database_path);
        }
      else if (g_error_matches (error, IMPACT_STORE_ERROR, IMPACT_STORE_ERROR_NOT_EMPTY))
        open_database (self, path);
      else
        show_error (self, error);
      return;
    }

  show_toast (self, _ ("Demo data loaded: a fictional group with three years of purchases"));
  open_database (self, path);
}

static void
impact_window_explore_demo (GtkWidget *widget,
                            const char *action_name,
                            GVariant *parameter)
{
  ImpactWindow *self = IMPACT_WINDOW (widget);
  g_autofree char *path = impact_demo_get_default_path ();

  if (self->cancellable != NULL)
    return;

  /* The demo lives in a database of its own, so the user's data is never mixed with it.
   * When it is there already, writing finds it not empty and it is simply opened. */
  self->cancellable = g_cancellable_new ();
  set_store (self, NULL);
  gtk_progress_bar_set_fraction (self->demo_progress, 0);
  gtk_stack_set_visible_child_name (self->stack, "demo-progress");
  impact_demo_write_async (path, impact_day_today (), self->cancellable, on_demo_progress_cb,
                           g_object_ref (self), g_object_unref, on_demo_written_cb,
                           g_object_ref (self));
}

static void
impact_window_leave_demo (GtkWidget *widget,
                          const char *action_name,
                          GVariant *parameter)
{
  ImpactWindow *self = IMPACT_WINDOW (widget);

  open_database (self, self->database_path);
}

static void
impact_window_cancel (GtkWidget *widget,
                      const char *action_name,
                      GVariant *parameter)
{
  ImpactWindow *self = IMPACT_WINDOW (widget);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
}

static void
impact_window_constructed (GObject *object)
{
  ImpactWindow *self = IMPACT_WINDOW (object);

  G_OBJECT_CLASS (impact_window_parent_class)->constructed (object);

  open_database (self, self->database_path);
}

static void
impact_window_dispose (GObject *object)
{
  ImpactWindow *self = IMPACT_WINDOW (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->store);

  gtk_widget_dispose_template (GTK_WIDGET (self), IMPACT_TYPE_WINDOW);

  G_OBJECT_CLASS (impact_window_parent_class)->dispose (object);
}

static void
impact_window_finalize (GObject *object)
{
  ImpactWindow *self = IMPACT_WINDOW (object);

  g_clear_pointer (&self->database_path, g_free);

  G_OBJECT_CLASS (impact_window_parent_class)->finalize (object);
}

static void
impact_window_get_property (GObject *object,
                            guint prop_id,
                            GValue *value,
                            GParamSpec *pspec)
{
  ImpactWindow *self = IMPACT_WINDOW (object);

  switch (prop_id)
    {
    case PROP_DATABASE_PATH:
      g_value_set_string (value, self->database_path);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
impact_window_set_property (GObject *object,
                            guint prop_id,
                            const GValue *value,
                            GParamSpec *pspec)
{
  ImpactWindow *self = IMPACT_WINDOW (object);

  switch (prop_id)
    {
    case PROP_DATABASE_PATH:
      g_free (self->database_path);
      self->database_path = g_value_dup_string (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
impact_window_class_init (ImpactWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = impact_window_constructed;
  object_class->dispose = impact_window_dispose;
  object_class->finalize = impact_window_finalize;
  object_class->get_property = impact_window_get_property;
  object_class->set_property = impact_window_set_property;

  /**
   * ImpactWindow:database-path:
   *
   * The user's own database, opened at start and when leaving the demo data.
   */
  properties[PROP_DATABASE_PATH] =
      g_param_spec_string ("database-path", NULL, NULL, NULL,
                           G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  impact_gui_register_resource ();
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/impact-window.ui");
  gtk_widget_class_bind_template_child (widget_class, ImpactWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, ImpactWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, ImpactWindow, demo_tag);
  gtk_widget_class_bind_template_child (widget_class, ImpactWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, ImpactWindow, explore_demo_button);
  gtk_widget_class_bind_template_child (widget_class, ImpactWindow, demo_progress);
  gtk_widget_class_bind_template_child (widget_class, ImpactWindow, error_page);
  gtk_widget_class_bind_template_child (widget_class, ImpactWindow, overview_group);
  gtk_widget_class_bind_template_child (widget_class, ImpactWindow, divisions_value);
  gtk_widget_class_bind_template_child (widget_class, ImpactWindow, objects_value);
  gtk_widget_class_bind_template_child (widget_class, ImpactWindow, suppliers_value);
  gtk_widget_class_bind_template_child (widget_class, ImpactWindow, statuses_value);
  gtk_widget_class_bind_template_child (widget_class, ImpactWindow, lines_value);
  gtk_widget_class_bind_template_child (widget_class, ImpactWindow, period_value);
  gtk_widget_class_bind_template_child (widget_class, ImpactWindow, total_value);
  gtk_widget_class_bind_template_child (widget_class, ImpactWindow, social_value);

  gtk_widget_class_install_action (widget_class, "win.explore-demo", NULL,
                                   impact_window_explore_demo);
  gtk_widget_class_install_action (widget_class, "win.leave-demo", NULL, impact_window_leave_demo);
  gtk_widget_class_install_action (widget_class, "win.cancel", NULL, impact_window_cancel);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "win.cancel", NULL);
}

static void
impact_window_init (ImpactWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  update_actions (self);
}
