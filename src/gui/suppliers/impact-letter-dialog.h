/* impact-letter-dialog.h: a letter to a supplier, from a template, edited, saved as PDF
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "model/impact-engagement.h"
#include "storage/impact-store.h"

G_BEGIN_DECLS

#define IMPACT_TYPE_LETTER_DIALOG (impact_letter_dialog_get_type ())

G_DECLARE_FINAL_TYPE (ImpactLetterDialog, impact_letter_dialog, IMPACT, LETTER_DIALOG, AdwWindow)

ImpactLetterDialog *impact_letter_dialog_new      (GtkWindow              *parent,
                                                   ImpactStore            *store,
                                                   gint64                  supplier_id,
                                                   const char             *supplier_name,
                                                   const ImpactEngagement *engagement);
char               *impact_letter_dialog_get_text (ImpactLetterDialog     *self);
gboolean            impact_letter_dialog_save_pdf (ImpactLetterDialog     *self,
                                                   const char             *path,
                                                   GError                **error);

G_END_DECLS
