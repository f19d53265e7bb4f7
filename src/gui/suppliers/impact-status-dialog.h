/* impact-status-dialog.h: the dialog that asks for a supplier's certificate status
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "model/impact-entities.h"

G_BEGIN_DECLS

/* Saves a new status (@status_id 0) or changes status @status_id; FALSE with @error set when
 * it could not. */
typedef gboolean (*ImpactStatusSaveFunc) (gpointer            data,
                                          gint64              status_id,
                                          ImpactSocialClass   kind,
                                          guint32             from,
                                          guint32             until,
                                          GError            **error);

void impact_status_dialog_present (GtkWidget            *parent,
                                   const char           *supplier_name,
                                   const ImpactStatus   *existing,
                                   ImpactStatusSaveFunc  save,
                                   gpointer              data);

G_END_DECLS
