/* impact-import-dialog-private.h: the import dialog, for the files it is split over
 *
 * impact-import-dialog.c runs the preview, the check and the import; impact-import-dialog-
 * columns.c shows the columns and the check's figures.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "impact-import-dialog.h"
#include "import/impact-importer.h"

G_BEGIN_DECLS

struct _ImpactImportDialog
{
  AdwWindow parent_instance;

  /* Template widgets */
  AdwWindowTitle *window_title;
  GtkWidget *import_button;
  GtkStack *stack;
  AdwStatusPage *error_page;
  GtkProgressBar *import_progress;
  AdwActionRow *format_row;
  AdwComboRow *target_row;
  GtkWidget *total_row;
  GtkWidget *new_suppliers_row;
  GtkWidget *new_divisions_row;
  GtkWidget *new_objects_row;
  AdwComboRow *sheet_row;
  AdwEntryRow *division_row;
  AdwComboRow *decimal_row;
  AdwComboRow *date_order_row;
  GtkSwitch *duplicates_switch;
  GtkGrid *preview_grid;
  AdwPreferencesGroup *check_group;
  GtkSpinner *check_spinner;
  GtkLabel *accepted_value;
  AdwExpanderRow *rejected_row;
  GtkLabel *rejected_value;
  GtkLabel *duplicates_value;
  GtkLabel *total_value;
  GtkLabel *new_suppliers_value;
  GtkLabel *new_divisions_value;
  GtkLabel *new_objects_value;
  GtkLabel *notes_label;

  char *database_path;
  GFile *file;
  char *sheet;
  GArray *fields;
  /* Per column: whether its field was a guess to confirm, and whether it is confirmed. */
  GArray *uncertain;
  GArray *confirmed;
  GPtrArray *confirm_buttons;
  gint64 rows_accepted;
  GPtrArray *dropdowns;
  GPtrArray *problem_rows;
  ImpactMapping *mapping;
  char *mapping_json;
  char *notice;
  GtkFileChooserNative *chooser;
  GCancellable *cancellable;
  guint recheck_source;
  gboolean filling;
  const char *state;
};

void  _impact_import_dialog_set_count               (GtkLabel                  *label,
                                                     gint64                     count);
void  _impact_import_dialog_clear_problems          (ImpactImportDialog        *self);
void  _impact_import_dialog_show_names              (GtkLabel                  *label,
                                                     GPtrArray                 *names);
void  _impact_import_dialog_clear_check             (ImpactImportDialog        *self);
void  _impact_import_dialog_update_import_sensitive (ImpactImportDialog        *self);
void  _impact_import_dialog_show_check              (ImpactImportDialog        *self,
                                                     const ImpactImportSummary *summary);
void  _impact_import_dialog_fill_preview            (ImpactImportDialog        *self,
                                                     const ImpactImportSummary *summary);
guint _impact_import_dialog_count_unconfirmed       (ImpactImportDialog        *self);

G_END_DECLS
