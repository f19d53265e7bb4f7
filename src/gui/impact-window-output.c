/* impact-window-output.c: what the window writes and prints: the report, the dataset
 *
 * Save Report… writes the node and period shown as an A4 PDF, Print… lays the same report
 * out on the printer's pages, Export Dataset… writes the whole database in the exchange
 * format; each on a worker thread where it takes time, with a toast when it is done.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "impact-window"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "export/impact-exchange-export.h"
#include "impact-window-private.h"
#include "model/impact-format.h"
#include "util/impact-dialogs.h"

static void
on_report_saved_cb (GObject *object,
                    GAsyncResult *result,
                    gpointer user_data)
{
  g_autoptr (ImpactWindow) self = user_data;
  g_autoptr (GError) error = NULL;
  g_autofree char *title = NULL;
  guint pages = impact_dashboard_page_save_report_finish (IMPACT_DASHBOARD_PAGE (object), result, &error);

  if (pages == 0)
    {
      impact_show_failure (GTK_WIDGET (self), _ ("The Report Was Not Saved"), error->message);
      return;
    }
  /* Translators: a toast after saving a report, as in "Report saved: 14 pages". */
  title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Report saved: %u page", "Report saved: %u pages", pages), pages);
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (title));
}

/* Writes the report of what the dashboard shows to @path; a toast says when it is done. */
void
impact_window_save_report (ImpactWindow *self,
                           const char *path)
{
  g_return_if_fail (IMPACT_IS_WINDOW (self));

  impact_dashboard_page_save_report_async (self->dashboard_page, path, on_report_saved_cb, g_object_ref (self));
}

static void
save_report_to (GtkWidget *parent,
                const char *path,
                gpointer user_data)
{
  impact_window_save_report (IMPACT_WINDOW (parent), path);
}

void
impact_window_save_report_action (GtkWidget *widget,
                                  const char *action_name,
                                  GVariant *parameter)
{
  g_autofree char *name = impact_dashboard_page_get_report_name (IMPACT_WINDOW (widget)->dashboard_page);

  impact_choose_save_file (widget, _ ("Save the Report"), _ ("_Save"), name, _ ("PDF documents"), "application/pdf",
                           save_report_to, NULL, NULL);
}

static void
export_thread (GTask *task,
               gpointer source_object,
               gpointer task_data,
               GCancellable *cancellable)
{
  char **paths = task_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (ImpactStore) store = impact_store_open (paths[0], &error);
  gint64 n_lines = 0;

  if (store != NULL && impact_exchange_export (store, paths[1], &n_lines, &error))
    g_task_return_int (task, n_lines);
  else
    g_task_return_error (task, g_steal_pointer (&error));
}

static void
on_exported_cb (GObject *object,
                GAsyncResult *result,
                gpointer user_data)
{
  g_autoptr (ImpactWindow) self = user_data;
  g_autoptr (GError) error = NULL;
  gssize n_lines = g_task_propagate_int (G_TASK (result), &error);
  g_autofree char *count = NULL;
  g_autofree char *title = NULL;

  if (error != NULL)
    {
      impact_show_failure (GTK_WIDGET (self), _ ("The Dataset Was Not Exported"), error->message);
      return;
    }
  count = impact_format_count (n_lines);
  /* Translators: a toast after exporting, as in "Dataset exported: 300,000 purchase lines". */
  title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Dataset exported: %s purchase line",
                                        "Dataset exported: %s purchase lines", (gulong) n_lines),
                           count);
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (title));
}

/* Writes the whole dataset to @path in the exchange format, on a worker thread with a
 * connection of its own; @callback (or a toast) says when it is done. */
void
impact_window_export_dataset (ImpactWindow *self,
                              const char *path,
                              GAsyncReadyCallback callback,
                              gpointer user_data)
{
  g_autoptr (GTask) task = NULL;
  char **paths;

  g_return_if_fail (IMPACT_IS_WINDOW (self) && self->store != NULL);

  paths = g_new0 (char *, 3);
  paths[0] = g_strdup (impact_store_get_path (self->store));
  paths[1] = g_strdup (path);
  task = callback != NULL ? g_task_new (self, NULL, callback, user_data)
                          : g_task_new (self, NULL, on_exported_cb, g_object_ref (self));
  g_task_set_task_data (task, paths, (GDestroyNotify) g_strfreev);
  g_task_run_in_thread (task, export_thread);
}

static void
export_dataset_to (GtkWidget *parent,
                   const char *path,
                   gpointer user_data)
{
  impact_window_export_dataset (IMPACT_WINDOW (parent), path, NULL, NULL);
}

void
impact_window_export_action (GtkWidget *widget,
                             const char *action_name,
                             GVariant *parameter)
{
  impact_choose_save_file (widget, _ ("Export the Dataset"), _ ("_Export"), _ ("impact-dashboard.json"),
                           _ ("JSON documents"), "application/json", export_dataset_to, NULL, NULL);
}

/* Printing: the report laid out on the printer's page, drawn page by page. */
static void
on_begin_print_cb (GtkPrintOperation *operation,
                   GtkPrintContext *context,
                   gpointer user_data)
{
  ImpactWindow *self = user_data;
  g_autoptr (GError) error = NULL;
  ImpactReport *report = impact_dashboard_page_make_report (self->dashboard_page, gtk_print_context_get_width (context),
                                                            gtk_print_context_get_height (context), &error);

  if (report == NULL)
    {
      gtk_print_operation_cancel (operation);
      impact_show_failure (GTK_WIDGET (self), _ ("The Report Was Not Printed"), error->message);
      return;
    }
  g_object_set_data_full (G_OBJECT (operation), "report", report, (GDestroyNotify) impact_report_free);
  gtk_print_operation_set_n_pages (operation, impact_report_get_n_pages (report));
}

static void
on_draw_page_cb (GtkPrintOperation *operation,
                 GtkPrintContext *context,
                 int page,
                 gpointer user_data)
{
  ImpactReport *report = g_object_get_data (G_OBJECT (operation), "report");

  if (report != NULL && page >= 0 && (guint) page < impact_report_get_n_pages (report))
    impact_report_draw_page (report, gtk_print_context_get_cairo_context (context), page);
}

/* A print operation for the report of what the dashboard shows, on A4 in points. */
GtkPrintOperation *
impact_window_new_print_operation (ImpactWindow *self)
{
  GtkPrintOperation *operation = gtk_print_operation_new ();
  g_autoptr (GtkPageSetup) setup = gtk_page_setup_new ();
  g_autoptr (GtkPaperSize) a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);
  g_autofree char *name = impact_dashboard_page_get_report_name (self->dashboard_page);

  gtk_page_setup_set_paper_size_and_default_margins (setup, a4);
  gtk_page_setup_set_top_margin (setup, 0, GTK_UNIT_POINTS);
  gtk_page_setup_set_bottom_margin (setup, 0, GTK_UNIT_POINTS);
  gtk_page_setup_set_left_margin (setup, 0, GTK_UNIT_POINTS);
  gtk_page_setup_set_right_margin (setup, 0, GTK_UNIT_POINTS);
  gtk_print_operation_set_default_page_setup (operation, setup);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_job_name (operation, name);
  g_signal_connect (operation, "begin-print", G_CALLBACK (on_begin_print_cb), self);
  g_signal_connect (operation, "draw-page", G_CALLBACK (on_draw_page_cb), self);
  return operation;
}

void
impact_window_print_action (GtkWidget *widget,
                            const char *action_name,
                            GVariant *parameter)
{
  ImpactWindow *self = IMPACT_WINDOW (widget);
  g_autoptr (GtkPrintOperation) operation = impact_window_new_print_operation (self);
  g_autoptr (GError) error = NULL;

  if (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, GTK_WINDOW (self), &error)
      == GTK_PRINT_OPERATION_RESULT_ERROR)
    impact_show_failure (widget, _ ("The Report Was Not Printed"), error->message);
}
