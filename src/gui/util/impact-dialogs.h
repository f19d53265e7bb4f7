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
void              impact_show_failure    (GtkWidget  *parent,
                                          const char *heading,
                                          const char *message);

G_END_DECLS
