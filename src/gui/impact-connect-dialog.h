/* impact-connect-dialog.h: the address (and password) of a shared database to open
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define IMPACT_TYPE_CONNECT_DIALOG (impact_connect_dialog_get_type ())

G_DECLARE_FINAL_TYPE (ImpactConnectDialog, impact_connect_dialog, IMPACT, CONNECT_DIALOG, AdwWindow)

ImpactConnectDialog *impact_connect_dialog_new (GtkWindow *parent,
                                                GSettings *settings);
void                 impact_connect_dialog_set_publishing (ImpactConnectDialog *self);

G_END_DECLS
