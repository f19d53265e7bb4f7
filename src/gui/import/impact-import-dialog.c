/* impact-import-dialog.c: preview, map, check and import a spend export
 *
 * Every change of sheet, option or column runs the import again as a dry run in a worker
 * thread, with a connection of its own, so the summary always says what Import will do.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "impact-import-dialog"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "impact-gui-resources.h"
#include "impact-import-dialog-private.h"

/* Waits this long after a change before checking again, so typing a division code does not
 * start a check per key. */
#define RECHECK_DELAY_MS 300

enum
{
  IMPORTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (ImpactImportDialog, impact_import_dialog, ADW_TYPE_WINDOW)

static void schedule_check (ImpactImportDialog *self);
static void preview (ImpactImportDialog *self);

/* The options as the dialog shows them; the strings live as long as the dialog's widgets. */
static void
get_options (ImpactImportDialog *self,
             ImpactImportOptions *options)
{
  const char *division = gtk_editable_get_text (GTK_EDITABLE (self->division_row));

  *options = (ImpactImportOptions){ 0 };
  options->target = adw_combo_row_get_selected (self->target_row);
  options->sheet = self->sheet;
  options->division_code = division != NULL && *division != '\0' ? division : NULL;
  options->decimal = adw_combo_row_get_selected (self->decimal_row);
  options->date_order = adw_combo_row_get_selected (self->date_order_row);
  options->include_duplicates = gtk_switch_get_active (self->duplicates_switch);
  if (self->fields->len > 0)
    {
      options->fields = (const ImpactField *) self->fields->data;
      options->n_fields = self->fields->len;
    }
}

/* Everything a worker needs, copied, so the thread never touches the widgets. */
typedef struct
{
  char *database_path;
  char *path;
  char *sheet;
  char *division;
  GArray *fields;
  char *mapping_json;
  ImpactImportOptions options;
  gboolean preview;
} Job;

static void
job_free (Job *job)
{
  g_free (job->database_path);
  g_free (job->path);
  g_free (job->sheet);
  g_free (job->division);
  g_clear_pointer (&job->fields, g_array_unref);
  g_free (job->mapping_json);
  g_free (job);
}

static Job *
job_new (ImpactImportDialog *self,
         gboolean preview,
         gboolean dry_run)
{
  Job *job = g_new0 (Job, 1);
  ImpactImportOptions options;

  get_options (self, &options);
  job->database_path = g_strdup (self->database_path);
  job->path = g_file_get_path (self->file);
  job->sheet = g_strdup (options.sheet);
  job->division = g_strdup (options.division_code);
  job->fields = g_array_copy (self->fields);
  job->preview = preview;
  job->options = options;
  job->options.sheet = job->sheet;
  job->options.division_code = job->division;
  job->options.dry_run = dry_run;
  /* A new preview suggests the mapping afresh (another sheet has other columns). */
  job->options.fields = preview || job->fields->len == 0 ? NULL : (const ImpactField *) job->fields->data;
  job->options.n_fields = preview ? 0 : job->fields->len;
  /* A loaded mapping is applied by the preview that follows the loading. */
  if (preview && self->mapping_json != NULL)
    job->options.mapping_json = job->mapping_json = g_steal_pointer (&self->mapping_json);

  return job;
}

static void
run_job (GTask *task,
         gpointer source_object,
         gpointer task_data,
         GCancellable *cancellable)
{
  Job *job = task_data;
  g_autoptr (ImpactStore) store = NULL;
  GError *error = NULL;
  ImpactImportSummary *summary = NULL;

  /* Progress goes to the dialog through the task (impact_task_set_progress()). */
  job->options.progress = impact_task_report_progress;
  job->options.progress_data = task;

  /* The preview needs the store too: for the mapping remembered for these columns. */
  store = impact_store_open (job->database_path, &error);
  if (store != NULL && job->preview)
    summary = impact_import_preview (store, job->path, &job->options, &error);
  else if (store != NULL)
    summary = impact_import_file (store, job->path, &job->options, cancellable, &error);

  if (summary == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, summary, (GDestroyNotify) impact_import_summary_free);
}

static void
on_import_progress_cb (double fraction,
                       gpointer user_data)
{
  ImpactImportDialog *self = user_data;

  gtk_progress_bar_set_fraction (self->import_progress, fraction);
}

static void
start_job (ImpactImportDialog *self,
           Job *job,
           GAsyncReadyCallback callback)
{
  g_autoptr (GTask) task = NULL;

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  task = g_task_new (self, self->cancellable, callback, NULL);
  g_task_set_task_data (task, job, (GDestroyNotify) job_free);
  /* The task holds the dialog as its source, so the dialog outlives the updates. */
  impact_task_set_progress (task, on_import_progress_cb, self, NULL);
  g_task_run_in_thread (task, run_job);
}

static void
set_state (ImpactImportDialog *self,
           const char *state)
{
  self->state = state;
  gtk_stack_set_visible_child_name (self->stack, state);
}

static void
show_error (ImpactImportDialog *self,
            const GError *error)
{
  adw_status_page_set_description (self->error_page, error->message);
  gtk_widget_set_sensitive (self->import_button, FALSE);
  set_state (self, "error");
}

static void
on_check_done_cb (GObject *object,
                  GAsyncResult *result,
                  gpointer user_data)
{
  ImpactImportDialog *self = IMPACT_IMPORT_DIALOG (object);
  g_autoptr (GError) error = NULL;
  g_autoptr (ImpactImportSummary) summary = g_task_propagate_pointer (G_TASK (result), &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  gtk_spinner_stop (self->check_spinner);
  if (summary == NULL)
    {
      /* An incomplete mapping is for the user to fix here; other errors end the dialog. */
      if (g_error_matches (error, IMPACT_IMPORT_ERROR, IMPACT_IMPORT_ERROR_MAPPING))
        {
          /* The figures of an earlier check no longer hold: show none. */
          _impact_import_dialog_clear_check (self);
          gtk_label_set_text (self->notes_label, error->message);
          gtk_widget_set_visible (GTK_WIDGET (self->notes_label), TRUE);
          gtk_widget_set_sensitive (self->import_button, FALSE);
          self->state = "preview";
          return;
        }
      show_error (self, error);
      return;
    }

  _impact_import_dialog_show_check (self, summary);
  self->state = "preview";
  _impact_import_dialog_update_import_sensitive (self);
}

static void
check (ImpactImportDialog *self)
{
  self->state = "checking";
  gtk_spinner_start (self->check_spinner);
  gtk_widget_set_sensitive (self->import_button, FALSE);
  start_job (self, job_new (self, FALSE, TRUE), on_check_done_cb);
}

static gboolean
on_recheck_timeout_cb (gpointer user_data)
{
  ImpactImportDialog *self = user_data;

  self->recheck_source = 0;
  check (self);

  return G_SOURCE_REMOVE;
}

static void
schedule_check (ImpactImportDialog *self)
{
  if (self->filling)
    return;

  g_clear_handle_id (&self->recheck_source, g_source_remove);
  self->state = "checking";
  gtk_widget_set_sensitive (self->import_button, FALSE);
  self->recheck_source = g_timeout_add (RECHECK_DELAY_MS, on_recheck_timeout_cb, self);
}

static void
on_preview_done_cb (GObject *object,
                    GAsyncResult *result,
                    gpointer user_data)
{
  ImpactImportDialog *self = IMPACT_IMPORT_DIALOG (object);
  g_autoptr (GError) error = NULL;
  g_autoptr (ImpactImportSummary) summary = g_task_propagate_pointer (G_TASK (result), &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  /* A loaded mapping that does not fit: say so, and show the file as before. */
  if (summary == NULL && g_error_matches (error, IMPACT_IMPORT_ERROR, IMPACT_IMPORT_ERROR_MAPPING))
    {
      g_free (self->notice);
      self->notice = g_strdup (error->message);
      preview (self);
      return;
    }
  if (summary == NULL)
    {
      show_error (self, error);
      return;
    }

  self->filling = TRUE;
  if (summary->remembered_mapping)
    {
      /* Translators: after the file's format: the columns were mapped as for an earlier file. */
      g_autofree char *format = g_strdup_printf (_ ("%s; columns mapped as for the last file with these columns"),
                                                 summary->format);

      adw_action_row_set_subtitle (self->format_row, format);
    }
  else
    adw_action_row_set_subtitle (self->format_row, summary->format);
  gtk_widget_set_visible (GTK_WIDGET (self->sheet_row), summary->sheets != NULL);
  if (summary->sheets != NULL && self->sheet == NULL)
    {
      adw_combo_row_set_model (self->sheet_row, G_LIST_MODEL (gtk_string_list_new ((const char *const *) summary->sheets)));
      self->sheet = g_strdup (summary->sheets[0]);
    }
  _impact_import_dialog_fill_preview (self, summary);
  g_clear_pointer (&self->mapping, impact_mapping_free);
  self->mapping = g_steal_pointer (&summary->mapping);
  if (self->mapping->decimal != IMPACT_DECIMAL_AUTO)
    adw_combo_row_set_selected (self->decimal_row, self->mapping->decimal);
  if (self->mapping->date_order != IMPACT_DATE_ORDER_AUTO)
    adw_combo_row_set_selected (self->date_order_row, self->mapping->date_order);
  if (self->mapping->division_code != NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->division_row), self->mapping->division_code);
  self->filling = FALSE;

  set_state (self, "preview");
  check (self);
}

static void
preview (ImpactImportDialog *self)
{
  set_state (self, "loading");
  start_job (self, job_new (self, TRUE, TRUE), on_preview_done_cb);
}

static void
on_sheet_selected_cb (ImpactImportDialog *self)
{
  GtkStringObject *item = adw_combo_row_get_selected_item (self->sheet_row);

  if (self->filling || item == NULL)
    return;

  g_free (self->sheet);
  self->sheet = g_strdup (gtk_string_object_get_string (item));
  preview (self);
}

/* Another target has other fields: the mapping is suggested afresh. */
static void
on_target_selected_cb (ImpactImportDialog *self)
{
  ImpactImportTarget target = adw_combo_row_get_selected (self->target_row);
  gboolean purchases = target == IMPACT_IMPORT_PURCHASES;

  gtk_widget_set_visible (self->total_row, purchases);
  gtk_widget_set_visible (self->new_suppliers_row, target != IMPACT_IMPORT_ORGANISATION);
  gtk_widget_set_visible (self->new_divisions_row, target != IMPACT_IMPORT_SUPPLIERS);
  gtk_widget_set_visible (self->new_objects_row, target != IMPACT_IMPORT_SUPPLIERS);
  gtk_widget_set_visible (GTK_WIDGET (self->division_row), purchases);
  gtk_widget_set_visible (GTK_WIDGET (self->decimal_row), purchases);
  if (!self->filling && self->file != NULL)
    preview (self);
}

static void
on_import_done_cb (GObject *object,
                   GAsyncResult *result,
                   gpointer user_data)
{
  ImpactImportDialog *self = IMPACT_IMPORT_DIALOG (object);
  g_autoptr (GError) error = NULL;
  g_autoptr (ImpactImportSummary) summary = g_task_propagate_pointer (G_TASK (result), &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      /* Nothing was written; the user is back where they were. */
      set_state (self, "preview");
      check (self);
      return;
    }
  if (summary == NULL || summary->batch_id == 0)
    {
      if (summary != NULL)
        g_set_error (&error, IMPACT_IMPORT_ERROR, IMPACT_IMPORT_ERROR_NOTHING_TO_IMPORT,
                     _ ("Nothing was imported from “%s”."), summary->file_name);
      show_error (self, error);
      return;
    }

  g_signal_emit (self, signals[IMPORTED], 0, summary->batch_id, summary->file_name, summary->rows_accepted,
                 summary->total_cents, (int) summary->mapping->target);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
impact_import_dialog_import (GtkWidget *widget,
                             const char *action_name,
                             GVariant *parameter)
{
  ImpactImportDialog *self = IMPACT_IMPORT_DIALOG (widget);

  if (!gtk_widget_get_sensitive (self->import_button))
    return;

  g_clear_handle_id (&self->recheck_source, g_source_remove);
  gtk_widget_set_sensitive (self->import_button, FALSE);
  gtk_progress_bar_set_fraction (self->import_progress, 0);
  set_state (self, "importing");
  start_job (self, job_new (self, FALSE, FALSE), on_import_done_cb);
}

static void
impact_import_dialog_cancel (GtkWidget *widget,
                             const char *action_name,
                             GVariant *parameter)
{
  ImpactImportDialog *self = IMPACT_IMPORT_DIALOG (widget);

  /* While importing, Cancel stops the import (which then leaves the database as it was);
   * otherwise it closes the dialog. */
  if (g_strcmp0 (self->state, "importing") == 0 && self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  else
    gtk_window_destroy (GTK_WINDOW (self));
}

static void
on_load_response_cb (GtkNativeDialog *chooser,
                     int response,
                     ImpactImportDialog *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr (GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autoptr (GError) error = NULL;
      char *contents = NULL;

      if (!g_file_load_contents (file, NULL, &contents, NULL, NULL, &error))
        show_error (self, error);
      else
        {
          g_free (self->mapping_json);
          self->mapping_json = contents;
          preview (self);
        }
    }
  g_clear_object (&self->chooser);
}

static void
on_save_response_cb (GtkNativeDialog *chooser,
                     int response,
                     ImpactImportDialog *self)
{
  if (response == GTK_RESPONSE_ACCEPT && self->mapping != NULL)
    {
      g_autoptr (GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autoptr (GError) error = NULL;
      g_autofree char *json = NULL;
      ImpactImportOptions options;

      /* The mapping as the dialog shows it now. */
      get_options (self, &options);
      for (guint i = 0; i < self->fields->len && i < self->mapping->fields->len; i++)
        g_array_index (self->mapping->fields, ImpactField, i) = g_array_index (self->fields, ImpactField, i);
      self->mapping->decimal = options.decimal;
      self->mapping->date_order = options.date_order;
      g_free (self->mapping->division_code);
      self->mapping->division_code = g_strdup (options.division_code);
      json = impact_mapping_to_json (self->mapping, TRUE);
      if (!g_file_replace_contents (file, json, strlen (json), NULL, FALSE, G_FILE_CREATE_NONE, NULL, NULL, &error))
        show_error (self, error);
    }
  g_clear_object (&self->chooser);
}

static void
choose_mapping_file (ImpactImportDialog *self,
                     GtkFileChooserAction action,
                     GCallback callback)
{
  g_autoptr (GtkFileFilter) filter = gtk_file_filter_new ();

  if (self->chooser != NULL)
    return;

  gtk_file_filter_set_name (filter, _ ("Column mappings (JSON)"));
  gtk_file_filter_add_suffix (filter, "json");
  self->chooser = gtk_file_chooser_native_new (action == GTK_FILE_CHOOSER_ACTION_SAVE ? _ ("Save Column Mapping")
                                                                                      : _ ("Load Column Mapping"),
                                               GTK_WINDOW (self), action, NULL, NULL);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  if (action == GTK_FILE_CHOOSER_ACTION_SAVE)
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), _ ("column-mapping.json"));
  g_signal_connect (self->chooser, "response", callback, self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
impact_import_dialog_load_mapping (GtkWidget *widget,
                                   const char *action_name,
                                   GVariant *parameter)
{
  choose_mapping_file (IMPACT_IMPORT_DIALOG (widget), GTK_FILE_CHOOSER_ACTION_OPEN, G_CALLBACK (on_load_response_cb));
}

static void
impact_import_dialog_save_mapping (GtkWidget *widget,
                                   const char *action_name,
                                   GVariant *parameter)
{
  choose_mapping_file (IMPACT_IMPORT_DIALOG (widget), GTK_FILE_CHOOSER_ACTION_SAVE, G_CALLBACK (on_save_response_cb));
}

/* For tests: applies a mapping saved as JSON, as loading it does. */
void
impact_import_dialog_load_mapping_json (ImpactImportDialog *self,
                                        const char *json)
{
  g_return_if_fail (IMPACT_IS_IMPORT_DIALOG (self));

  g_free (self->mapping_json);
  self->mapping_json = g_strdup (json);
  preview (self);
}

/* import.recheck: a column's field was chosen or confirmed. */
static void
recheck_action (GtkWidget *widget,
                const char *action_name,
                GVariant *parameter)
{
  schedule_check (IMPACT_IMPORT_DIALOG (widget));
}

static void
impact_import_dialog_dispose (GObject *object)
{
  ImpactImportDialog *self = IMPACT_IMPORT_DIALOG (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_handle_id (&self->recheck_source, g_source_remove);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  gtk_widget_dispose_template (GTK_WIDGET (self), IMPACT_TYPE_IMPORT_DIALOG);

  G_OBJECT_CLASS (impact_import_dialog_parent_class)->dispose (object);
}

static void
impact_import_dialog_finalize (GObject *object)
{
  ImpactImportDialog *self = IMPACT_IMPORT_DIALOG (object);

  g_clear_object (&self->file);
  g_clear_pointer (&self->database_path, g_free);
  g_clear_pointer (&self->sheet, g_free);
  g_clear_pointer (&self->fields, g_array_unref);
  g_clear_pointer (&self->uncertain, g_array_unref);
  g_clear_pointer (&self->confirmed, g_array_unref);
  g_clear_pointer (&self->confirm_buttons, g_ptr_array_unref);
  g_clear_pointer (&self->dropdowns, g_ptr_array_unref);
  g_clear_pointer (&self->problem_rows, g_ptr_array_unref);
  g_clear_pointer (&self->mapping, impact_mapping_free);
  g_clear_pointer (&self->mapping_json, g_free);
  g_clear_pointer (&self->notice, g_free);

  G_OBJECT_CLASS (impact_import_dialog_parent_class)->finalize (object);
}

static void
impact_import_dialog_class_init (ImpactImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = impact_import_dialog_dispose;
  object_class->finalize = impact_import_dialog_finalize;

  /**
   * ImpactImportDialog::imported:
   * @batch_id: the import's number, for undo
   * @file_name: the file's name, for display
   * @n_lines: how many purchase lines came in
   * @total_cents: their total
   * @target: the #ImpactImportTarget: purchase lines or certificates
   *
   * Emitted when the import was written; the dialog closes after it.
   */
  signals[IMPORTED] = g_signal_new ("imported", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                                    NULL, G_TYPE_NONE, 5, G_TYPE_INT64, G_TYPE_STRING, G_TYPE_INT64, G_TYPE_INT64,
                                    G_TYPE_INT);

  impact_gui_register_resource ();
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/impact-import-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, ImpactImportDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, ImpactImportDialog, import_button);
  gtk_widget_class_bind_template_child (widget_class, ImpactImportDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, ImpactImportDialog, error_page);
  gtk_widget_class_bind_template_child (widget_class, ImpactImportDialog, import_progress);
  gtk_widget_class_bind_template_child (widget_class, ImpactImportDialog, format_row);
  gtk_widget_class_bind_template_child (widget_class, ImpactImportDialog, target_row);
  gtk_widget_class_bind_template_child (widget_class, ImpactImportDialog, total_row);
  gtk_widget_class_bind_template_child (widget_class, ImpactImportDialog, new_suppliers_row);
  gtk_widget_class_bind_template_child (widget_class, ImpactImportDialog, new_divisions_row);
  gtk_widget_class_bind_template_child (widget_class, ImpactImportDialog, new_objects_row);
  gtk_widget_class_bind_template_child (widget_class, ImpactImportDialog, sheet_row);
  gtk_widget_class_bind_template_child (widget_class, ImpactImportDialog, division_row);
  gtk_widget_class_bind_template_child (widget_class, ImpactImportDialog, decimal_row);
  gtk_widget_class_bind_template_child (widget_class, ImpactImportDialog, date_order_row);
  gtk_widget_class_bind_template_child (widget_class, ImpactImportDialog, duplicates_switch);
  gtk_widget_class_bind_template_child (widget_class, ImpactImportDialog, preview_grid);
  gtk_widget_class_bind_template_child (widget_class, ImpactImportDialog, check_group);
  gtk_widget_class_bind_template_child (widget_class, ImpactImportDialog, check_spinner);
  gtk_widget_class_bind_template_child (widget_class, ImpactImportDialog, accepted_value);
  gtk_widget_class_bind_template_child (widget_class, ImpactImportDialog, rejected_row);
  gtk_widget_class_bind_template_child (widget_class, ImpactImportDialog, rejected_value);
  gtk_widget_class_bind_template_child (widget_class, ImpactImportDialog, duplicates_value);
  gtk_widget_class_bind_template_child (widget_class, ImpactImportDialog, total_value);
  gtk_widget_class_bind_template_child (widget_class, ImpactImportDialog, new_suppliers_value);
  gtk_widget_class_bind_template_child (widget_class, ImpactImportDialog, new_divisions_value);
  gtk_widget_class_bind_template_child (widget_class, ImpactImportDialog, new_objects_value);
  gtk_widget_class_bind_template_child (widget_class, ImpactImportDialog, notes_label);
  gtk_widget_class_bind_template_callback (widget_class, schedule_check);
  gtk_widget_class_bind_template_callback (widget_class, on_sheet_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_target_selected_cb);

  gtk_widget_class_install_action (widget_class, "import.import", NULL, impact_import_dialog_import);
  gtk_widget_class_install_action (widget_class, "import.recheck", NULL, recheck_action);
  gtk_widget_class_install_action (widget_class, "import.cancel", NULL, impact_import_dialog_cancel);
  gtk_widget_class_install_action (widget_class, "import.load-mapping", NULL, impact_import_dialog_load_mapping);
  gtk_widget_class_install_action (widget_class, "import.save-mapping", NULL, impact_import_dialog_save_mapping);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "import.cancel", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK, "import.import", NULL);
}

static void
impact_import_dialog_init (ImpactImportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->fields = g_array_new (FALSE, FALSE, sizeof (ImpactField));
  self->uncertain = g_array_new (FALSE, FALSE, sizeof (gboolean));
  self->confirmed = g_array_new (FALSE, FALSE, sizeof (gboolean));
  self->confirm_buttons = g_ptr_array_new ();
  self->dropdowns = g_ptr_array_new ();
  self->problem_rows = g_ptr_array_new ();
}

ImpactImportDialog *
impact_import_dialog_new (GtkWindow *parent,
                          const char *database_path,
                          GFile *file)
{
  ImpactImportDialog *self;
  g_autofree char *name = NULL;

  g_return_val_if_fail (database_path != NULL, NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  self = g_object_new (IMPACT_TYPE_IMPORT_DIALOG, "transient-for", parent, NULL);
  self->database_path = g_strdup (database_path);
  self->file = g_object_ref (file);
  name = g_file_get_basename (file);
  adw_window_title_set_subtitle (self->window_title, name);
  preview (self);

  return self;
}

/* "loading", "preview", "checking", "importing" or "error": for tests. */
const char *
impact_import_dialog_get_state (ImpactImportDialog *self)
{
  g_return_val_if_fail (IMPACT_IS_IMPORT_DIALOG (self), NULL);

  return self->state;
}
