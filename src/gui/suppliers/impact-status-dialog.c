/* impact-status-dialog.c: the dialog that asks for a supplier's certificate status
 *
 * The kind of status (PSO 30+ down to PSO aspirant, SW company, social enterprise, own
 * social company), from when and until when it is valid; the dates are checked before they
 * are handed over to be saved.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "impact-suppliers-window"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "impact-status-dialog.h"
#include "model/impact-format.h"
#include "util/impact-dialogs.h"

typedef struct
{
  GtkWidget *parent;
  ImpactStatusSaveFunc save;
  gpointer data;
} StatusJob;

static void
status_job_free (gpointer data,
                 GClosure *closure)
{
  StatusJob *job = data;

  g_object_unref (job->parent);
  g_object_unref (job->data);
  g_free (job);
}

static void
on_add_response_cb (AdwMessageDialog *dialog,
                    const char *response,
                    gpointer user_data)
{
  StatusJob *job = user_data;
  g_autoptr (GError) error = NULL;
  GtkWidget *box = adw_message_dialog_get_extra_child (dialog);
  GtkDropDown *kind = g_object_get_data (G_OBJECT (box), "kind");
  GtkEditable *from = g_object_get_data (G_OBJECT (box), "from");
  GtkEditable *until = g_object_get_data (G_OBJECT (box), "until");
  const char *from_text = gtk_editable_get_text (from), *until_text = gtk_editable_get_text (until);
  guint32 from_day = impact_day_from_iso (from_text);
  guint32 until_day = *until_text != '\0' ? impact_day_from_iso (until_text) : 0;
  gint64 status_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (box), "status-id"));

  if (!g_str_equal (response, "add"))
    return;

  if (from_day == 0 || (*until_text != '\0' && until_day == 0))
    {
      impact_show_failure (job->parent, _ ("The Status Was Not Saved"),
                           _ ("Write the dates as YYYY-MM-DD, for example 2025-01-31; the end date may be empty."));
      return;
    }

  /* The drop-down lists the kinds from the strongest (PSO 30+) down. */
  if (!job->save (job->data, status_id, IMPACT_SOCIAL_CLASS_PSO_30PLUS - gtk_drop_down_get_selected (kind), from_day,
                  until_day, &error))
    impact_show_failure (job->parent, _ ("The Status Was Not Saved"), error->message);
}
/* Asks for a new status of @supplier_name, or for changes to @existing, and hands what was
 * asked for to @save (with @data, a GObject kept while the dialog is open). */
void
impact_status_dialog_present (GtkWidget *parent,
                              const char *supplier_name,
                              const ImpactStatus *existing,
                              ImpactStatusSaveFunc save,
                              gpointer data)
{
  StatusJob *job;
  g_autoptr (GtkStringList) kinds = gtk_string_list_new (NULL);
  g_autofree char *from_text = impact_day_to_iso (existing != NULL && existing->valid_from != 0 ? existing->valid_from
                                                                                                : impact_day_today ());
  g_autofree char *until_text = existing != NULL && existing->valid_until != 0 ? impact_day_to_iso (existing->valid_until)
                                                                               : g_strdup ("");
  AdwMessageDialog *dialog;
  GtkWidget *box, *kind, *from, *until;

  g_return_if_fail (GTK_IS_WIDGET (parent));
  g_return_if_fail (save != NULL && G_IS_OBJECT (data));

  for (int k = IMPACT_SOCIAL_CLASS_PSO_30PLUS; k > IMPACT_SOCIAL_CLASS_NONE; k--)
    gtk_string_list_append (kinds, impact_social_class_to_string (k));

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  kind = gtk_drop_down_new (G_LIST_MODEL (g_object_ref (kinds)), NULL);
  gtk_widget_set_tooltip_text (kind, _ ("Kind of status"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (kind), GTK_ACCESSIBLE_PROPERTY_LABEL, _ ("Kind of status"), -1);
  if (existing != NULL)
    gtk_drop_down_set_selected (GTK_DROP_DOWN (kind), IMPACT_SOCIAL_CLASS_PSO_30PLUS - existing->kind);
  from = impact_form_entry_new (from_text, _ ("Valid from (YYYY-MM-DD)"), _ ("Valid from"));
  until = impact_form_entry_new (until_text, _ ("Valid until (YYYY-MM-DD)"), _ ("Valid until"));
  gtk_entry_set_placeholder_text (GTK_ENTRY (until), _ ("Valid until (empty: two years for PSO)"));
  gtk_box_append (GTK_BOX (box), kind);
  gtk_box_append (GTK_BOX (box), from);
  gtk_box_append (GTK_BOX (box), until);
  g_object_set_data (G_OBJECT (box), "kind", kind);
  g_object_set_data (G_OBJECT (box), "from", from);
  g_object_set_data (G_OBJECT (box), "until", until);
  g_object_set_data (G_OBJECT (box), "status-id", GSIZE_TO_POINTER (existing != NULL ? existing->id : 0));

  dialog = impact_form_dialog_new (parent, existing != NULL ? _ ("Change the Status") : _ ("Add a Status"), supplier_name,
                                   box, "add", existing != NULL ? _ ("_Save") : _ ("_Add"));
  job = g_new0 (StatusJob, 1);
  job->parent = g_object_ref (parent);
  job->save = save;
  job->data = g_object_ref (data);
  g_signal_connect_data (dialog, "response", G_CALLBACK (on_add_response_cb), job, status_job_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}
