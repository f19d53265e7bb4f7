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
void              impact_show_failure    (GtkWidget  *parent,
                                          const char *heading,
                                          const char *message);

G_END_DECLS
