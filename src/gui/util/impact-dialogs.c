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

/* A grid for a form of labelled fields (impact_form_grid_add()). */
GtkWidget *
impact_form_grid_new (void)
{
  GtkWidget *grid = gtk_grid_new ();

  gtk_grid_set_row_spacing (GTK_GRID (grid), 6);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
  return grid;
}

/* Adds @field under a label with a mnemonic, which also names it for screen readers; the
 * grid keeps it under @key (impact_form_grid_get_text()). */
GtkWidget *
impact_form_grid_add (GtkWidget *grid,
                      const char *label,
                      GtkWidget *field,
                      const char *key)
{
  GtkWidget *title = gtk_label_new_with_mnemonic (label);
  int row = 0;

  g_return_val_if_fail (GTK_IS_GRID (grid), NULL);

  for (GtkWidget *child = gtk_widget_get_first_child (grid); child != NULL; child = gtk_widget_get_next_sibling (child))
    row++;
  row /= 2;
  gtk_label_set_xalign (GTK_LABEL (title), 1);
  gtk_label_set_mnemonic_widget (GTK_LABEL (title), field);
  gtk_widget_set_hexpand (field, TRUE);
  gtk_grid_attach (GTK_GRID (grid), title, 0, row, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), field, 1, row, 1, 1);
  g_object_set_data (G_OBJECT (grid), key, field);
  return field;
}

/* A labelled entry with @text; Enter chooses the dialog's default response. */
GtkWidget *
impact_form_grid_add_entry (GtkWidget *grid,
                            const char *label,
                            const char *text,
                            const char *tooltip,
                            const char *key)
{
  GtkWidget *entry = gtk_entry_new ();

  gtk_editable_set_text (GTK_EDITABLE (entry), text != NULL ? text : "");
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_widget_set_tooltip_text (entry, tooltip);
  return impact_form_grid_add (grid, label, entry, key);
}

/* The text of the entry kept under @key in the grid of a form dialog. */
const char *
impact_form_grid_get_text (AdwMessageDialog *dialog,
                           const char *key)
{
  GtkWidget *grid = adw_message_dialog_get_extra_child (dialog);

  return gtk_editable_get_text (GTK_EDITABLE (g_object_get_data (G_OBJECT (grid), key)));
}
