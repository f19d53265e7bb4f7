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

typedef struct
{
  GtkWidget *parent;
  ImpactSaveFunc func;
  gpointer user_data;
  GDestroyNotify destroy;
} SaveChoice;

static void
on_save_choice_response_cb (GtkNativeDialog *chooser,
                            int response,
                            gpointer data)
{
  SaveChoice *choice = data;
  g_autoptr (GFile) file = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      path = file != NULL ? g_file_get_path (file) : NULL;
    }
  if (path != NULL)
    choice->func (choice->parent, path, choice->user_data);
  if (choice->destroy != NULL)
    choice->destroy (choice->user_data);
  g_object_unref (choice->parent);
  g_free (choice);
  g_object_unref (chooser);
}

/* Asks where to save, suggesting @name (with "/" and ":" made "-"), showing files of
 * @mime_type (named @filter_name) when given; calls @func with the path chosen. @destroy
 * frees @user_data afterwards, whether a file was chosen or not. */
void
impact_choose_save_file (GtkWidget *parent,
                         const char *title,
                         const char *accept_label,
                         const char *name,
                         const char *filter_name,
                         const char *mime_type,
                         ImpactSaveFunc func,
                         gpointer user_data,
                         GDestroyNotify destroy)
{
  GtkFileChooserNative *chooser;
  SaveChoice *choice;
  g_autofree char *safe_name = g_strdelimit (g_strdup (name), "/\\:", '-');

  g_return_if_fail (GTK_IS_WIDGET (parent) && func != NULL);

  chooser = gtk_file_chooser_native_new (title, GTK_WINDOW (gtk_widget_get_root (parent)), GTK_FILE_CHOOSER_ACTION_SAVE,
                                         accept_label, _ ("_Cancel"));
  if (mime_type != NULL)
    {
      g_autoptr (GtkFileFilter) filter = gtk_file_filter_new ();

      gtk_file_filter_set_name (filter, filter_name);
      gtk_file_filter_add_mime_type (filter, mime_type);
      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
    }
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), safe_name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);

  choice = g_new0 (SaveChoice, 1);
  choice->parent = g_object_ref (parent);
  choice->func = func;
  choice->user_data = user_data;
  choice->destroy = destroy;
  g_signal_connect (chooser, "response", G_CALLBACK (on_save_choice_response_cb), choice);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* A toast on the overlay @widget is in, if any. */
void
impact_show_toast (GtkWidget *widget,
                   const char *title)
{
  impact_show_undo_toast (widget, title, NULL, NULL, NULL);
}

/* A toast with an Undo button that calls @undo (a handler of AdwToast::button-clicked) with
 * @undo_data; @undo_free frees @undo_data with the toast, or at once when there is no overlay. */
void
impact_show_undo_toast (GtkWidget *widget,
                        const char *title,
                        GCallback undo,
                        gpointer undo_data,
                        GDestroyNotify undo_free)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY);
  AdwToast *toast;

  if (overlay == NULL)
    {
      if (undo_free != NULL)
        undo_free (undo_data);
      return;
    }
  toast = adw_toast_new (title);
  if (undo != NULL)
    {
      adw_toast_set_button_label (toast, _ ("_Undo"));
      g_signal_connect_data (toast, "button-clicked", undo, undo_data, (GClosureNotify) (void (*) (void)) undo_free, 0);
    }
  else if (undo_free != NULL)
    undo_free (undo_data);
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
}

/* After a file was written: a toast with its name, or the failure under @failure_heading. */
void
impact_show_saved (GtkWidget *widget,
                   const char *path,
                   const char *failure_heading,
                   const GError *error)
{
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;

  if (error != NULL)
    {
      impact_show_failure (widget, failure_heading, error->message);
      return;
    }
  name = g_filename_display_basename (path);
  /* Translators: a toast after saving a file, as in "Saved as “Spend per Month.png”". */
  title = g_strdup_printf (_ ("Saved as “%s”"), name);
  impact_show_toast (widget, title);
}

/* Removes every row of @list. */
void
impact_list_box_clear (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

/* A dimmed row that says the list is empty, as in "No certificate ends soon". */
void
impact_list_box_add_placeholder (GtkListBox *list,
                                 const char *title)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_widget_add_css_class (row, "dim-label");
  gtk_list_box_append (list, row);
}

/* An icon that only decorates (the arrow at the end of a row that opens something): screen
 * readers skip it, the row says what it does. */
GtkWidget *
impact_decorative_icon_new (const char *icon_name)
{
  return g_object_new (GTK_TYPE_IMAGE, "icon-name", icon_name, "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION, NULL);
}
