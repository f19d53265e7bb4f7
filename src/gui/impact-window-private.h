/* impact-window-private.h: the window, for the files it is split over
 *
 * impact-window.c opens databases, imports and switches pages; impact-window-output.c holds
 * the actions that write and print (report, print, dataset export), which call nothing in
 * impact-window.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "impact-window.h"
#include "import/impact-import-dialog.h"
#include "pages/impact-dashboard-page.h"
#include "storage/impact-watcher.h"

G_BEGIN_DECLS

struct _ImpactWindow
{
  AdwApplicationWindow parent_instance;

  /* Template widgets */
  AdwToastOverlay *toast_overlay;
  AdwWindowTitle *window_title;
  GtkWidget *demo_tag;
  GtkStack *stack;
  GtkWidget *explore_demo_button;
  GtkProgressBar *demo_progress;
  AdwStatusPage *error_page;
  GtkLabel *divisions_value;
  GtkLabel *objects_value;
  GtkLabel *suppliers_value;
  GtkLabel *statuses_value;
  GtkLabel *lines_value;
  GtkLabel *period_value;
  GtkLabel *total_value;
  GtkLabel *social_value;
  AdwPreferencesGroup *overview_group;
  ImpactDashboardPage *dashboard_page;
  AdwHeaderBar *header_bar;
  GtkWidget *period_controls;

  char *database_path;
  ImpactStore *store;
  GCancellable *cancellable;
  GtkFileChooserNative *chooser;
  GFile *pending_import;
  /* While a shared database is open: colleagues' changes (impact-window-watch.c). */
  ImpactWatcher *watcher;
  guint watch_source;
  GCancellable *watch_cancellable;
};

/* impact-window-output.c */
void impact_window_save_report_action (GtkWidget  *widget,
                                       const char *action_name,
                                       GVariant   *parameter);
void impact_window_export_action      (GtkWidget  *widget,
                                       const char *action_name,
                                       GVariant   *parameter);
void impact_window_print_action       (GtkWidget  *widget,
                                       const char *action_name,
                                       GVariant   *parameter);

/* impact-window.c */
void impact_window_update_actions     (ImpactWindow *self);
void impact_window_refresh_counts     (ImpactWindow *self);
void impact_window_open_location      (ImpactWindow *self,
                                       const char   *location);

/* impact-window-watch.c */
void impact_window_watch              (ImpactWindow *self);
void impact_window_unwatch            (ImpactWindow *self);
void impact_window_connect_action     (GtkWidget    *widget,
                                       const char   *action_name,
                                       GVariant     *parameter);

/* impact-window-publish.c */
void impact_window_publish            (ImpactWindow *self,
                                       const char   *location);
void impact_window_publish_action     (GtkWidget    *widget,
                                       const char   *action_name,
                                       GVariant     *parameter);

G_END_DECLS
