/* impact-dialogs.h: the small dialogs the pages ask questions and report failures with
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

AdwMessageDialog *impact_form_dialog_new (GtkWidget  *parent,
                                          const char *heading,
                                          const char *body,
                                          GtkWidget  *form,
                                          const char *apply_response,
                                          const char *apply_label);
GtkWidget        *impact_form_entry_new  (const char *text,
                                          const char *tooltip,
                                          const char *label);
GtkWidget        *impact_form_grid_new   (void);
GtkWidget        *impact_form_grid_add   (GtkWidget  *grid,
                                          const char *label,
                                          GtkWidget  *field,
                                          const char *key);
GtkWidget        *impact_form_grid_add_entry (GtkWidget  *grid,
                                          const char *label,
                                          const char *text,
                                          const char *tooltip,
                                          const char *key);
const char       *impact_form_grid_get_text (AdwMessageDialog *dialog,
                                          const char *key);
typedef void (*ImpactSaveFunc) (GtkWidget  *parent,
                                const char *path,
                                gpointer    user_data);

void              impact_choose_save_file (GtkWidget      *parent,
                                          const char     *title,
                                          const char     *accept_label,
                                          const char     *name,
                                          const char     *filter_name,
                                          const char     *mime_type,
                                          ImpactSaveFunc  func,
                                          gpointer        user_data,
                                          GDestroyNotify  destroy);
void              impact_show_toast      (GtkWidget  *widget,
                                          const char *title);
void              impact_show_undo_toast (GtkWidget      *widget,
                                          const char     *title,
                                          GCallback       undo,
                                          gpointer        undo_data,
                                          GDestroyNotify  undo_free);
void              impact_show_saved      (GtkWidget    *widget,
                                          const char   *path,
                                          const char   *failure_heading,
                                          const GError *error);
void              impact_show_failure    (GtkWidget  *parent,
                                          const char *heading,
                                          const char *message);

void              impact_list_box_clear  (GtkListBox *list);
void              impact_list_box_add_placeholder (GtkListBox *list,
                                          const char *title);
GtkWidget        *impact_decorative_icon_new (const char *icon_name);

G_END_DECLS
