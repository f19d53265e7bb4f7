/* impact-test-gui.h: what the GUI tests share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "impact-application.h"
#include "impact-window.h"
#include "pages/impact-dashboard-page.h"
#include "storage/impact-store.h"

G_BEGIN_DECLS

ImpactApplication *impact_test_gui_init        (int          *argc,
                                                char       ***argv);
gboolean           impact_test_on_timeout      (gpointer      timed_out);
void               impact_test_run_until       (gboolean    (*done) (gpointer data),
                                                gpointer      data);
void               impact_test_wait_for_page   (ImpactWindow *window,
                                                const char   *page);
void               impact_test_wait_for_dashboard (ImpactDashboardPage *page);
GtkWidget         *impact_test_template_child  (GtkWidget    *root,
                                                const char   *name);
gpointer           impact_test_find_toplevel   (GType         type);
ImpactStore       *impact_test_shared_store_new (const char   *dir,
                                                char        **manager,
                                                char        **manager_location);

G_END_DECLS
