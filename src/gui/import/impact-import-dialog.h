/* impact-import-dialog.h: preview, map, check and import a spend export
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define IMPACT_TYPE_IMPORT_DIALOG (impact_import_dialog_get_type ())

G_DECLARE_FINAL_TYPE (ImpactImportDialog, impact_import_dialog, IMPACT, IMPORT_DIALOG, AdwWindow)

ImpactImportDialog *impact_import_dialog_new       (GtkWindow          *parent,
                                                    const char         *database_path,
                                                    GFile              *file);
const char         *impact_import_dialog_get_state (ImpactImportDialog *self);
void                impact_import_dialog_load_mapping_json (ImpactImportDialog *self,
                                                            const char         *json);

G_END_DECLS
