/* impact-dialogs.c: the small dialogs the pages ask questions and report failures with
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "impact-dialogs"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "impact-dialogs.h"

/* A dialog over @parent's window with @form as its content, Cancel (also Escape) and a
 * suggested @apply_response that Enter chooses. The caller connects "response" and presents
 * it; more responses may be added. */
AdwMessageDialog *
impact_form_dialog_new (GtkWidget *parent,
                        const char *heading,
                        const char *body,
                        GtkWidget *form,
                        const char *apply_response,
                        const char *apply_label)
{
  AdwMessageDialog *dialog;

  g_return_val_if_fail (GTK_IS_WIDGET (parent), NULL);
  g_return_val_if_fail (apply_response != NULL && apply_label != NULL, NULL);

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (parent)), heading, body));
  adw_message_dialog_set_extra_child (dialog, form);
  adw_message_dialog_add_responses (dialog, "cancel", _ ("_Cancel"), apply_response, apply_label, NULL);
  adw_message_dialog_set_response_appearance (dialog, apply_response, ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, apply_response);
  adw_message_dialog_set_close_response (dialog, "cancel");

  return dialog;
}

/* An entry for a form: its text, a tooltip with the format it wants, and the name screen
 * readers announce. */
GtkWidget *
impact_form_entry_new (const char *text,
                       const char *tooltip,
                       const char *label)
{
  GtkWidget *entry = gtk_entry_new ();

  gtk_editable_set_text (GTK_EDITABLE (entry), text != NULL ? text : "");
  gtk_widget_set_tooltip_text (entry, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);

  return entry;
}

/* Tells the user what went wrong, over @parent's window. */
void
impact_show_failure (GtkWidget *parent,
                     const char *heading,
                     const char *message)
{
  AdwMessageDialog *dialog;

  g_return_if_fail (GTK_IS_WIDGET (parent));

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (parent)), heading, message));
  adw_message_dialog_add_response (dialog, "close", _ ("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}
