/* impact-window.c: the main window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "impact-window"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "demo/impact-demo.h"
#include "impact-gui-resources.h"
#include "impact-window-private.h"
#include "import/impact-mapping.h"
#include "model/impact-format.h"
#include "storage/impact-store-counts.h"

enum
{
  PROP_0,
  PROP_DATABASE_PATH,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (ImpactWindow, impact_window, ADW_TYPE_APPLICATION_WINDOW)

static void on_counts_ready_cb (GObject *object,
                                GAsyncResult *result,
                                gpointer user_data);
static void open_database (ImpactWindow *self,
                           const char *path);

/* A window of @application on the database at @database_path; its size, the expiry horizon
 * and the notifications follow @settings, the application's. */
ImpactWindow *
impact_window_new (GtkApplication *application,
                   GSettings *settings,
                   const char *database_path)
{
  ImpactWindow *self;

  g_return_val_if_fail (GTK_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);
  g_return_val_if_fail (database_path != NULL, NULL);

  self = g_object_new (IMPACT_TYPE_WINDOW,
                       "application", application,
                       "database-path", database_path,
                       NULL);

  /* Bound here, not in constructed(): "application" is not a construct property, so it is
   * set only after constructed() ran. */
  g_settings_bind (settings, "window-width", self, "default-width", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "window-height", self, "default-height", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "window-maximized", self, "maximized", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "expiry-horizon-days", self->dashboard_page, "expiry-horizon", G_SETTINGS_BIND_GET);
  g_settings_bind (settings, "notify-expiry", self->dashboard_page, "notify-expiry", G_SETTINGS_BIND_GET);

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

/* Shows the dashboard again from the latest year, as after a change of the financial year. */
void
impact_window_reload_figures (ImpactWindow *self)
{
  g_return_if_fail (IMPACT_IS_WINDOW (self));

  if (self->store != NULL && impact_dashboard_page_get_store (self->dashboard_page) == self->store)
    impact_dashboard_page_set_store (self->dashboard_page, self->store);
}

static void
show_toast (ImpactWindow *self,
            const char *title)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (title));
}

void
impact_window_update_actions (ImpactWindow *self)
{
  gboolean busy = self->cancellable != NULL, open = self->store != NULL;
  gboolean demo = open && impact_store_is_demo (self->store);
  /* A file with its figures shown may be published; a build without PostgreSQL opens only files. */
  gboolean publish = HAVE_POSTGRESQL && !busy && open && g_strcmp0 (impact_window_get_page_name (self), "overview") == 0
                     && !impact_db_location_is_server (impact_store_get_path (self->store));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.explore-demo", !busy && !demo);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.leave-demo", !busy && demo);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.cancel", busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import", !busy && open);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save-report", !busy && open);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.print", !busy && open);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-dataset", !busy && open);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.connect-shared", HAVE_POSTGRESQL && !busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.publish-shared", publish);
}

static void
set_store (ImpactWindow *self,
           ImpactStore *store)
{
  gboolean demo;
  g_autofree char *name = NULL;

  if (store != self->store)
    impact_window_unwatch (self);
  g_set_object (&self->store, store);
  if (store != NULL && self->watcher == NULL)
    impact_window_watch (self);

  demo = store != NULL && impact_store_is_demo (store);
  gtk_widget_set_visible (self->demo_tag, demo);
  if (store != NULL)
    name = impact_db_location_is_server (impact_store_get_path (store))
               ? g_strdup (impact_store_get_name (store))
               : g_filename_display_basename (impact_store_get_path (store));
  adw_window_title_set_subtitle (self->window_title, demo ? _ ("Demo data") : name);
  impact_window_update_actions (self);
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
  adw_preferences_group_set_description (self->overview_group, impact_store_get_name (self->store));

  /* The same node and year as before when only the data changed (an import, an undo). */
  if (impact_dashboard_page_get_store (self->dashboard_page) != self->store)
    impact_dashboard_page_set_store (self->dashboard_page, self->store);
  else
    impact_dashboard_page_reload (self->dashboard_page);

  gtk_stack_set_visible_child_name (self->stack, "overview");
}

/* The figures read again, the same node and year kept (after a colleague's change). */
void
impact_window_refresh_counts (ImpactWindow *self)
{
  g_return_if_fail (IMPACT_IS_WINDOW (self));

  if (self->store != NULL && g_strcmp0 (impact_window_get_page_name (self), "overview") == 0)
    impact_store_get_counts_async (self->store, NULL, on_counts_ready_cb, g_object_ref (self));
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
  if (self->pending_import != NULL)
    {
      g_autoptr (GFile) file = g_steal_pointer (&self->pending_import);

      impact_window_open_import (self, file);
    }
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
  /* The path may be the store's own, which goes with it below. */
  g_autofree char *copy = g_strdup (path);

  path = copy;
  set_store (self, NULL);
  gtk_stack_set_visible_child_name (self->stack, "loading");
  impact_store_open_async (path, NULL, on_store_opened_cb, g_object_ref (self));
}

/* Opens the database at @location (one chosen in the window) as the window's own from now on. */
void
impact_window_open_location (ImpactWindow *self,
                             const char *location)
{
  g_return_if_fail (IMPACT_IS_WINDOW (self));

  g_free (self->database_path);
  self->database_path = g_strdup (location);
  open_database (self, location);
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
  impact_window_update_actions (self);

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
on_undo_done_cb (GObject *object,
                 GAsyncResult *result,
                 gpointer user_data)
{
  g_autoptr (ImpactWindow) self = user_data;
  g_autoptr (GError) error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    show_toast (self, error->message);
  else
    show_toast (self, _ ("The import was undone"));
  open_database (self, g_task_get_task_data (G_TASK (result)));
}

static void
undo_thread (GTask *task,
             gpointer source_object,
             gpointer task_data,
             GCancellable *cancellable)
{
  g_autoptr (ImpactStore) store = NULL;
  gint64 batch_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (task), "batch-id"));
  GError *error = NULL;

  store = impact_store_open (task_data, &error);
  if (store == NULL || !impact_store_delete_batch (store, batch_id, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
impact_window_undo_import (GtkWidget *widget,
                           const char *action_name,
                           GVariant *parameter)
{
  ImpactWindow *self = IMPACT_WINDOW (widget);
  g_autoptr (GTask) task = NULL;

  if (self->store == NULL)
    return;

  task = g_task_new (NULL, NULL, on_undo_done_cb, g_object_ref (self));
  g_task_set_task_data (task, g_strdup (impact_store_get_path (self->store)), g_free);
  g_object_set_data (G_OBJECT (task), "batch-id", GSIZE_TO_POINTER (g_variant_get_int64 (parameter)));
  g_task_run_in_thread (task, undo_thread);
}

static void
on_imported_cb (ImpactImportDialog *dialog,
                gint64 batch_id,
                const char *file_name,
                gint64 n_lines,
                gint64 total_cents,
                int target,
                ImpactWindow *self)
{
  g_autofree char *lines = impact_format_count (n_lines);
  g_autofree char *total = impact_format_money (total_cents);
  g_autofree char *title = NULL;
  AdwToast *toast;

  if (target == IMPACT_IMPORT_ORGANISATION)
    /* Translators: after importing the organisation: the number of rows and the file name. */
    title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Imported %s row of divisions and objects from “%s”",
                                          "Imported %s rows of divisions and objects from “%s”", (gulong) n_lines),
                             lines, file_name);
  else if (target == IMPACT_IMPORT_SUPPLIERS)
    /* Translators: after importing a certificate register: the number and the file name. */
    title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Imported %s certificate from “%s”",
                                          "Imported %s certificates from “%s”", (gulong) n_lines),
                             lines, file_name);
  else
    /* Translators: after an import: the number of lines, the file name and the total amount. */
    title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Imported %s line from “%s” (%s)",
                                          "Imported %s lines from “%s” (%s)", (gulong) n_lines),
                             lines, file_name, total);
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _ ("_Undo"));
  adw_toast_set_action_name (toast, "win.undo-import");
  adw_toast_set_action_target_value (toast, g_variant_new_int64 (batch_id));
  adw_toast_set_timeout (toast, 10);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);

  /* Show the new figures, unless another database was opened meanwhile. */
  if (self->store != NULL)
    open_database (self, impact_store_get_path (self->store));
}

/* Opens the import dialog for a file; the import goes into the database on screen.
 * Returns the dialog, or NULL when no database is open. */
ImpactImportDialog *
impact_window_open_import (ImpactWindow *self,
                           GFile *file)
{
  ImpactImportDialog *dialog;

  g_return_val_if_fail (IMPACT_IS_WINDOW (self), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  /* While the database is still being opened, the dialog waits for it. */
  if (self->store == NULL)
    {
      g_set_object (&self->pending_import, file);
      return NULL;
    }

  dialog = impact_import_dialog_new (GTK_WINDOW (self), impact_store_get_path (self->store), file);
  g_signal_connect_object (dialog, "imported", G_CALLBACK (on_imported_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));

  return dialog;
}

static void
on_chooser_response_cb (GtkNativeDialog *chooser,
                        int response,
                        ImpactWindow *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr (GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      impact_window_open_import (self, file);
    }
  g_clear_object (&self->chooser);
}
static void
impact_window_import (GtkWidget *widget,
                      const char *action_name,
                      GVariant *parameter)
{
  ImpactWindow *self = IMPACT_WINDOW (widget);
  g_autoptr (GtkFileFilter) exports = gtk_file_filter_new ();
  g_autoptr (GtkFileFilter) all = gtk_file_filter_new ();
  static const char *const patterns[] = { "*.csv", "*.tsv", "*.txt", "*.xlsx", "*.ods", "*.json" };

  if (self->chooser != NULL)
    return;

  gtk_file_filter_set_name (exports, _ ("Spend exports (CSV, XLSX, ODS, JSON)"));
  for (guint i = 0; i < G_N_ELEMENTS (patterns); i++)
    gtk_file_filter_add_suffix (exports, patterns[i] + 2);
  gtk_file_filter_set_name (all, _ ("All files"));
  gtk_file_filter_add_pattern (all, "*");

  self->chooser = gtk_file_chooser_native_new (_ ("Import Spend Data"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_OPEN, _ ("_Open"), _ ("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), exports);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), all);
  g_signal_connect (self->chooser, "response", G_CALLBACK (on_chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static gboolean
on_drop_cb (GtkDropTarget *target,
            const GValue *value,
            double x,
            double y,
            ImpactWindow *self)
{
  GSList *files;

  if (!G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST) || self->store == NULL || self->cancellable != NULL)
    return FALSE;

  files = g_value_get_boxed (value);
  if (files == NULL)
    return FALSE;

  impact_window_open_import (self, files->data);
  return TRUE;
}

static void
impact_window_constructed (GObject *object)
{
  ImpactWindow *self = IMPACT_WINDOW (object);

  G_OBJECT_CLASS (impact_window_parent_class)->constructed (object);

  open_database (self, self->database_path);
}

static void
on_page_changed_cb (ImpactWindow *self)
{
  gtk_widget_set_visible (self->period_controls, g_strcmp0 (impact_window_get_page_name (self), "overview") == 0);
  impact_window_update_actions (self);
}

static void
impact_window_dispose (GObject *object)
{
  ImpactWindow *self = IMPACT_WINDOW (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  impact_window_unwatch (self);
  g_clear_object (&self->store);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  g_clear_object (&self->pending_import);

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
  g_type_ensure (IMPACT_TYPE_DASHBOARD_PAGE);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/impact-window.ui");
  gtk_widget_class_bind_template_child (widget_class, ImpactWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, ImpactWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, ImpactWindow, demo_tag);
  gtk_widget_class_bind_template_child (widget_class, ImpactWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, ImpactWindow, explore_demo_button);
  gtk_widget_class_bind_template_child (widget_class, ImpactWindow, demo_progress);
  gtk_widget_class_bind_template_child (widget_class, ImpactWindow, error_page);
  gtk_widget_class_bind_template_child (widget_class, ImpactWindow, overview_group);
  gtk_widget_class_bind_template_child (widget_class, ImpactWindow, dashboard_page);
  gtk_widget_class_bind_template_child (widget_class, ImpactWindow, header_bar);
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
  gtk_widget_class_install_action (widget_class, "win.import", NULL, impact_window_import);
  gtk_widget_class_install_action (widget_class, "win.save-report", NULL, impact_window_save_report_action);
  gtk_widget_class_install_action (widget_class, "win.print", NULL, impact_window_print_action);
  gtk_widget_class_install_action (widget_class, "win.export-dataset", NULL, impact_window_export_action);
  gtk_widget_class_install_action (widget_class, "win.connect-shared", NULL, impact_window_connect_action);
  gtk_widget_class_install_action (widget_class, "win.publish-shared", NULL, impact_window_publish_action);
  gtk_widget_class_install_action (widget_class, "win.undo-import", "x", impact_window_undo_import);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "win.cancel", NULL);
}

static void
impact_window_init (ImpactWindow *self)
{
  GtkDropTarget *drop = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);

  gtk_widget_init_template (GTK_WIDGET (self));

  /* The period the dashboard shows is picked in the header bar, while it is shown. */
  self->period_controls = impact_dashboard_page_take_period_controls (self->dashboard_page);
  adw_header_bar_pack_end (self->header_bar, self->period_controls);
  g_object_unref (self->period_controls);
  g_signal_connect_object (self->stack, "notify::visible-child-name", G_CALLBACK (on_page_changed_cb), self,
                           G_CONNECT_SWAPPED);
  on_page_changed_cb (self);

  /* A spend export dropped on the window opens the import dialog for it. */
  g_signal_connect (drop, "drop", G_CALLBACK (on_drop_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));

  impact_window_update_actions (self);
}
