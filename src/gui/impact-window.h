/* impact-window.h: the main window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "import/impact-import-dialog.h"
#include "storage/impact-store.h"

G_BEGIN_DECLS

#define IMPACT_TYPE_WINDOW (impact_window_get_type ())

G_DECLARE_FINAL_TYPE (ImpactWindow, impact_window, IMPACT, WINDOW, AdwApplicationWindow)

ImpactWindow *impact_window_new           (GtkApplication    *application,
                                           GSettings         *settings,
                                           const char        *database_path);
ImpactStore  *impact_window_get_store     (ImpactWindow      *self);
const char   *impact_window_get_page_name (ImpactWindow      *self);
void          impact_window_reload_figures (ImpactWindow     *self);
ImpactImportDialog *impact_window_open_import (ImpactWindow *self,
                                               GFile        *file);

void               impact_window_save_report         (ImpactWindow *self,
                                                      const char   *path);
GtkPrintOperation *impact_window_new_print_operation (ImpactWindow *self);
void               impact_window_export_dataset      (ImpactWindow        *self,
                                                      const char          *path,
                                                      GAsyncReadyCallback  callback,
                                                      gpointer             user_data);

G_END_DECLS
