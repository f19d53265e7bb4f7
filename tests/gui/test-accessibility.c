/* test-accessibility.c: what a screen reader meets in every page and dialog, in Dutch
 *
 * Walks the widgets on the screen of each page of the window (welcome, the group, a
 * division, an object, the error page) and of each dialog (import, suppliers, a status,
 * preferences and its Access page on a shared database, what-if, a letter), with the period and search popovers open, through GTK's
 * accessibility API: every control has a name (a label, or a relation to one), every image
 * a name or the presentation role, no label is empty, and nothing would be announced by its
 * class name only. The default group name is checked to be translated.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "charts/impact-chart-view.h"
#include "demo/impact-demo.h"
#include "impact-application.h"
#include "impact-connect-dialog.h"
#include "impact-preferences-window.h"
#include "impact-test-gui.h"
#include "impact-test-utils.h"
#include "impact-window.h"
#include "import/impact-import-dialog.h"
#include "import/impact-importer.h"
#include "model/impact-format.h"
#include "pages/impact-dashboard-page.h"
#include "pages/impact-what-if-dialog.h"
#include "query/impact-query.h"
#include "storage/impact-db-stmt.h"
#include "storage/impact-store-access.h"
#include "suppliers/impact-letter-dialog.h"
#include "suppliers/impact-suppliers-window.h"

static ImpactApplication *app;
static char *tmpdir;

typedef struct
{
  guint n_checked;
  GString *problems;
} Walk;

/* A few turns of the main loop, so that what was just shown is mapped. */
static void
settle (void)
{
  for (int i = 0; i < 20; i++)
    while (g_main_context_iteration (NULL, FALSE))
      ;
}

/* Whether @widget holds a label with text: a button takes its name from what it shows. */
static gboolean
shows_text (GtkWidget *widget)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_visible (widget))
    {
      const char *text = gtk_label_get_text (GTK_LABEL (widget));

      return text != NULL && *text != '\0';
    }
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    if (shows_text (c))
      return TRUE;
  return FALSE;
}

static gboolean
is_named (GtkWidget *widget)
{
  GtkAccessible *accessible = GTK_ACCESSIBLE (widget);

  if (gtk_test_accessible_has_property (accessible, GTK_ACCESSIBLE_PROPERTY_LABEL)
      || gtk_test_accessible_has_relation (accessible, GTK_ACCESSIBLE_RELATION_LABELLED_BY))
    return TRUE;
  /* Buttons, check buttons and menu buttons are named by their content (WAI-ARIA's "name
   * from content"); an icon alone names nothing. */
  return (GTK_IS_BUTTON (widget) || GTK_IS_MENU_BUTTON (widget) || GTK_IS_CHECK_BUTTON (widget)) && shows_text (widget);
}

/* Whether @widget is a child that the template of one of our widgets made: a list we put
 * in a group, not the list the group keeps its rows in. */
static gboolean
is_ours (GtkWidget *widget)
{
  const char *id = gtk_buildable_get_buildable_id (GTK_BUILDABLE (widget));

  for (GtkWidget *w = gtk_widget_get_parent (widget); w != NULL && id != NULL; w = gtk_widget_get_parent (w))
    if (g_str_has_prefix (G_OBJECT_TYPE_NAME (w), "Impact"))
      return gtk_widget_get_template_child (w, G_OBJECT_TYPE (w), id) == (GObject *) widget;
  return FALSE;
}

/* libadwaita's own parts, which it names itself: the arrows of expander and combo rows and
 * the view switcher's buttons. */
static gboolean
is_library_part (GtkWidget *widget)
{
  if (GTK_IS_IMAGE (widget))
    {
      const char *icon = gtk_image_get_icon_name (GTK_IMAGE (widget));

      return icon != NULL && g_str_has_prefix (icon, "adw-");
    }
  return ADW_IS_COMBO_ROW (widget) || ADW_IS_VIEW_SWITCHER (widget);
}

static gboolean
is_hidden (GtkWidget *widget)
{
  return gtk_test_accessible_has_role (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_ROLE_PRESENTATION)
         || gtk_test_accessible_has_role (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_ROLE_NONE)
         || (gtk_test_accessible_has_state (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_STATE_HIDDEN)
             && gtk_test_accessible_check_state (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE) == NULL);
}

/* The controls a person reaches with the keyboard or the pointer, which a screen reader
 * announces by their name. */
static gboolean
is_control (GtkWidget *widget)
{
  return GTK_IS_BUTTON (widget) || GTK_IS_MENU_BUTTON (widget) || GTK_IS_DROP_DOWN (widget)
         || GTK_IS_SWITCH (widget) || GTK_IS_CHECK_BUTTON (widget) || GTK_IS_EDITABLE (widget)
         || GTK_IS_SCALE (widget) || GTK_IS_COLUMN_VIEW (widget) || GTK_IS_SPINNER (widget)
         || GTK_IS_PROGRESS_BAR (widget) || IMPACT_IS_CHART_VIEW (widget) || (GTK_IS_LIST_BOX (widget) && is_ours (widget));
}

static void
problem (Walk *walk,
         GtkWidget *widget,
         const char *what)
{
  GtkWidget *parent = gtk_widget_get_parent (widget);
  const char *tooltip = gtk_widget_get_tooltip_text (widget);

  GtkWidget *first = gtk_widget_get_first_child (widget);
  const char *label = GTK_IS_BUTTON (widget) ? gtk_button_get_label (GTK_BUTTON (widget)) : NULL;

  g_string_append_printf (walk->problems, "  %s %s (in %s%s%s%s%s, holding %s)\n", G_OBJECT_TYPE_NAME (widget), what,
                          parent != NULL ? G_OBJECT_TYPE_NAME (parent) : "nothing", tooltip != NULL ? ", tooltip " : "",
                          tooltip != NULL ? tooltip : "", label != NULL ? ", label " : "", label != NULL ? label : "",
                          first != NULL ? G_OBJECT_TYPE_NAME (first) : "nothing");
}

static void
walk_widget (GtkWidget *widget,
             Walk *walk)
{
  if (!gtk_widget_get_mapped (widget) || is_hidden (widget))
    return;
  /* A row of libadwaita is named by its title. */
  if (ADW_IS_PREFERENCES_ROW (widget) && !ADW_IS_ENTRY_ROW (widget))
    {
      const char *title = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget));

      if (title == NULL || *title == '\0')
        problem (walk, widget, "has no title");
    }
  if (is_library_part (widget))
    return;

  walk->n_checked++;
  if (GTK_IS_IMAGE (widget) || GTK_IS_PICTURE (widget))
    {
      if (!is_named (widget))
        problem (walk, widget, "has no name and is not marked decorative");
      return;
    }
  if (GTK_IS_LABEL (widget))
    {
      const char *text = gtk_label_get_text (GTK_LABEL (widget));

      if (text == NULL || *text == '\0')
        problem (walk, widget, "is empty");
      return;
    }
  if (is_control (widget) && !is_named (widget))
    problem (walk, widget, "has no name");

  /* A menu button's inner toggle is named through it; what it opens is walked. */
  if (GTK_IS_MENU_BUTTON (widget) && gtk_menu_button_get_popover (GTK_MENU_BUTTON (widget)) != NULL)
    walk_widget (GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (widget))), walk);
  /* A control's inner parts are its own: GTK names them through it. */
  if (GTK_IS_EDITABLE (widget) || GTK_IS_DROP_DOWN (widget) || GTK_IS_SPIN_BUTTON (widget) || GTK_IS_MENU_BUTTON (widget)
      || GTK_IS_WINDOW_CONTROLS (widget))
    return;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    walk_widget (c, walk);
}

/* Walks @root (a window) and fails with every problem found, naming @where. */
static void
check_tree (GtkWidget *root,
            const char *where)
{
  Walk walk = { 0, g_string_new (NULL) };

  settle ();
  walk_widget (root, &walk);
  if (walk.problems->len > 0)
    g_error ("%s: a screen reader meets\n%s", where, walk.problems->str);
  g_test_message ("%s: %u widgets checked", where, walk.n_checked);
  /* Not a window with nothing in it. */
  g_assert_cmpuint (walk.n_checked, >=, 10);
  g_string_free (walk.problems, TRUE);
}

static ImpactWindow *
open_window (const char *name)
{
  g_autofree char *path = g_build_filename (tmpdir, name, NULL);
  ImpactWindow *window = impact_window_new (GTK_APPLICATION (app), impact_application_get_settings (app), path);

  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 900);
  gtk_window_present (GTK_WINDOW (window));
  return window;
}

static void
test_welcome_and_error (void)
{
  g_autofree char *bad = g_build_filename (tmpdir, "bad.sqlite", NULL);
  ImpactWindow *window = open_window ("empty.sqlite");

  impact_test_wait_for_page (window, "welcome");
  check_tree (GTK_WIDGET (window), "the welcome page");
  gtk_window_destroy (GTK_WINDOW (window));

  g_assert_true (g_file_set_contents (bad, "not a database at all", -1, NULL));
  window = open_window ("bad.sqlite");
  impact_test_wait_for_page (window, "error");
  check_tree (GTK_WIDGET (window), "the error page");
  gtk_window_destroy (GTK_WINDOW (window));
}

/* A database with the demo group, written once. */
static const char *
demo_database (void)
{
  static char *path;
  g_autoptr (GError) error = NULL;

  if (path == NULL)
    {
      g_autoptr (ImpactStore) store = NULL;

      path = g_build_filename (tmpdir, "demo.sqlite", NULL);
      store = impact_store_open (path, &error);
      g_assert_no_error (error);
      g_assert_true (impact_demo_write (store, impact_day_from_iso ("2025-12-31"), NULL, NULL, NULL, &error));
      g_assert_no_error (error);
    }
  return path;
}

static void
test_dashboard_pages (void)
{
  ImpactWindow *window;
  ImpactDashboardPage *page;

  demo_database ();
  window = open_window ("demo.sqlite");
  impact_test_wait_for_page (window, "overview");
  page = IMPACT_DASHBOARD_PAGE (impact_test_template_child (GTK_WIDGET (window), "dashboard_page"));
  impact_test_wait_for_dashboard (page);
  check_tree (GTK_WIDGET (window), "the group's page");

  gtk_menu_button_popup (GTK_MENU_BUTTON (impact_test_template_child (GTK_WIDGET (window), "period_button")));
  check_tree (GTK_WIDGET (window), "the group's page with the period open");
  gtk_menu_button_popdown (GTK_MENU_BUTTON (impact_test_template_child (GTK_WIDGET (window), "period_button")));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "dashboard.search", NULL));
  check_tree (GTK_WIDGET (window), "the group's page with the search open");
  gtk_menu_button_popdown (GTK_MENU_BUTTON (impact_test_template_child (GTK_WIDGET (window), "jump_button")));

  g_assert_true (impact_dashboard_page_jump (page, "CATER"));
  impact_test_wait_for_dashboard (page);
  check_tree (GTK_WIDGET (window), "a division's page");
  g_assert_true (impact_dashboard_page_jump (page, "CAT-101"));
  impact_test_wait_for_dashboard (page);
  check_tree (GTK_WIDGET (window), "an object's page");

  gtk_window_destroy (GTK_WINDOW (window));
}

/* The check of the file is done: two rows accepted. */
static gboolean
import_checked (gpointer data)
{
  GtkWidget *accepted = impact_test_template_child (data, "accepted_value");

  return g_strcmp0 (impact_import_dialog_get_state (data), "error") == 0
         || (g_strcmp0 (impact_import_dialog_get_state (data), "preview") == 0
             && g_strcmp0 (gtk_label_get_text (GTK_LABEL (accepted)), "2") == 0);
}

static void
test_import_dialog (void)
{
  g_autofree char *csv = g_build_filename (tmpdir, "spend.csv", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (csv);
  ImpactWindow *window = open_window ("import.sqlite");
  ImpactImportDialog *dialog;

  g_assert_true (g_file_set_contents (csv,
                                      "Boekdatum;Leverancier;KvK-nummer;Divisie;Bedrag\n"
                                      "15-01-2025;Jansen B.V.;12345678;SCH;1.234,56\n"
                                      "16-01-2025;De Vries;87654321;CAT;99,00\n",
                                      -1, NULL));
  impact_test_wait_for_page (window, "welcome");
  dialog = impact_window_open_import (window, file);
  impact_test_run_until (import_checked, dialog);
  g_assert_cmpstr (impact_import_dialog_get_state (dialog), ==, "preview");
  check_tree (GTK_WIDGET (dialog), "the import dialog");
  gtk_window_destroy (GTK_WINDOW (dialog));
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_dialogs (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ImpactStore) store = impact_store_open (demo_database (), &error);
  g_autoptr (ImpactNode) group = impact_query_find_node (store, NULL, &error);
  ImpactWindow *window = open_window ("demo.sqlite");
  ImpactSuppliersWindow *suppliers;
  ImpactPreferencesWindow *preferences;
  ImpactWhatIfDialog *what_if;
  ImpactPeriod period;

  g_assert_nonnull (group);
  impact_test_wait_for_page (window, "overview");
  g_assert_true (impact_query_get_data_period (store, &period, &error));

  suppliers = impact_suppliers_window_new (GTK_WINDOW (window), store, &period);
  gtk_window_present (GTK_WINDOW (suppliers));
  impact_suppliers_window_select (suppliers, impact_suppliers_window_get_name_at (suppliers, 0));
  check_tree (GTK_WIDGET (suppliers), "the suppliers window");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (suppliers), "suppliers.add-status", NULL));
  check_tree (GTK_WIDGET (impact_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG)), "the status dialog");
  gtk_window_destroy (impact_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_true (gtk_widget_activate_action (impact_test_template_child (GTK_WIDGET (suppliers), "engagement_panel"), "engagement.write-letter", NULL));
  check_tree (GTK_WIDGET (impact_test_find_toplevel (IMPACT_TYPE_LETTER_DIALOG)), "the letter dialog");
  gtk_window_destroy (impact_test_find_toplevel (IMPACT_TYPE_LETTER_DIALOG));
  gtk_window_destroy (GTK_WINDOW (suppliers));

  preferences = impact_preferences_window_new (impact_application_get_settings (app));
  impact_preferences_window_set_store (preferences, store);
  gtk_window_present (GTK_WINDOW (preferences));
  check_tree (GTK_WIDGET (preferences), "the preferences");
  gtk_window_destroy (GTK_WINDOW (preferences));

  what_if = impact_what_if_dialog_new (GTK_WINDOW (window), store, group, &period);
  gtk_window_present (GTK_WINDOW (what_if));
  check_tree (GTK_WIDGET (what_if), "the what-if dialog");
  gtk_window_destroy (GTK_WINDOW (what_if));

  /* With a recent database, so that its list is there, and the error shown. */
  {
    GSettings *settings = impact_application_get_settings (app);
    const char *const recent[] = { "postgresql://anna@db.example.nl/impact", NULL };
    ImpactConnectDialog *connect;

    g_settings_set_strv (settings, "recent-shared-databases", recent);
    connect = impact_connect_dialog_new (GTK_WINDOW (window), settings);
    gtk_window_present (GTK_WINDOW (connect));
    gtk_editable_set_text (GTK_EDITABLE (impact_test_template_child (GTK_WIDGET (connect), "address_row")), "x");
    gtk_widget_activate_action (GTK_WIDGET (connect), "connect.connect", NULL);
    check_tree (GTK_WIDGET (connect), "the connect dialog");
    gtk_window_destroy (GTK_WINDOW (connect));
    g_settings_reset (settings, "recent-shared-databases");
  }

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Whether the group's name in the database itself is @name. */
static gboolean
stored_group_name_is (ImpactStore *store,
                      const char *name)
{
  g_autoptr (ImpactDbStmt) stmt =
      impact_db_stmt_new (impact_store_get_db (store), "SELECT count(*) FROM nodes WHERE level = 0 AND name = ?", NULL);

  g_assert_nonnull (stmt);
  impact_db_stmt_bind_text (stmt, 1, name);
  g_assert_true (impact_db_stmt_step_row (stmt, NULL));
  return impact_db_stmt_get_int64 (stmt, 0) == 1;
}

/* The group a purchase file leaves unnamed is called by the default name in the user's
 * language, on the page and in Preferences, and Preferences renames it. */
static void
test_group_name (void)
{
  g_autofree char *path = g_build_filename (tmpdir, "group.sqlite", NULL);
  g_autofree char *csv = g_build_filename (tmpdir, "group.csv", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (ImpactStore) store = impact_store_open (path, &error);
  g_autoptr (ImpactImportSummary) summary = NULL;
  g_autoptr (ImpactNode) group = NULL;
  ImpactImportOptions options = { 0 };
  ImpactPreferencesWindow *preferences;
  ImpactWindow *window;
  GtkWidget *row, *crumb;

  g_assert_true (g_file_set_contents (csv, "Boekdatum;Leverancier;Divisie;Bedrag\n15-01-2025;Jansen B.V.;SCH;1.234,56\n", -1,
                                      NULL));
  summary = impact_import_file (store, csv, &options, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (summary->rows_accepted, ==, 1);
  group = impact_query_find_node (store, NULL, &error);
  g_assert_cmpstr (group->name, ==, "Groep");
  g_clear_pointer (&group, impact_node_free);

  window = open_window ("group.sqlite");
  impact_test_wait_for_page (window, "overview");
  impact_test_wait_for_dashboard (IMPACT_DASHBOARD_PAGE (impact_test_template_child (GTK_WIDGET (window), "dashboard_page")));
  crumb = gtk_widget_get_last_child (impact_test_template_child (GTK_WIDGET (window), "breadcrumb"));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (crumb)), ==, "Groep");

  preferences = impact_preferences_window_new (impact_application_get_settings (app));
  impact_preferences_window_set_store (preferences, store);
  row = impact_test_template_child (GTK_WIDGET (preferences), "group_row");
  g_assert_true (gtk_widget_get_visible (row));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "Groep");
  gtk_editable_set_text (GTK_EDITABLE (row), "  Facilitair Noord ");
  g_signal_emit_by_name (row, "apply");
  group = impact_query_find_node (store, NULL, &error);
  g_assert_cmpstr (group->name, ==, "Facilitair Noord");
  g_clear_pointer (&group, impact_node_free);
  /* Emptied, the group has its default name again, kept untranslated. */
  gtk_editable_set_text (GTK_EDITABLE (row), "");
  g_signal_emit_by_name (row, "apply");
  group = impact_query_find_node (store, NULL, &error);
  g_assert_cmpstr (group->name, ==, "Groep");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "Groep");
  g_assert_true (stored_group_name_is (store, IMPACT_DEFAULT_GROUP_NAME));
  /* So is the default name as shown, applied again. */
  g_signal_emit_by_name (row, "apply");
  g_assert_true (stored_group_name_is (store, IMPACT_DEFAULT_GROUP_NAME));

  gtk_window_destroy (GTK_WINDOW (preferences));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The Access page of a shared database's preferences, with a division manager in the list. */
static void
test_access_page (void)
{
  g_autofree char *anna = NULL;
  g_autofree char *anna_location = NULL;
  g_autoptr (ImpactStore) store = impact_test_shared_store_new (tmpdir, &anna, &anna_location);
  g_autoptr (GError) error = NULL;
  ImpactPreferencesWindow *preferences;
  GtkWidget *list;

  if (store == NULL)
    return;
  g_assert_true (impact_store_grant (store, anna, "SCH", &error));
  g_assert_no_error (error);

  preferences = impact_preferences_window_new (impact_application_get_settings (app));
  impact_preferences_window_set_store (preferences, store);
  list = impact_test_template_child (GTK_WIDGET (preferences), "grants_list");
  g_assert_nonnull (list);
  adw_preferences_window_set_visible_page (ADW_PREFERENCES_WINDOW (preferences),
                                           ADW_PREFERENCES_PAGE (gtk_widget_get_ancestor (list, ADW_TYPE_PREFERENCES_PAGE)));
  gtk_window_present (GTK_WINDOW (preferences));
  check_tree (GTK_WIDGET (preferences), "the access page");
  gtk_window_destroy (GTK_WINDOW (preferences));
}

int
main (int argc,
      char *argv[])
{
  int status;

  tmpdir = impact_test_make_tmpdir ();
  g_setenv ("XDG_DATA_HOME", tmpdir, TRUE);
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  /* GTK's test context keeps what the widgets tell screen readers, for this test to read;
   * it talks to no bus, as "none" does. */
  g_setenv ("GTK_A11Y", "test", TRUE);
  /* A screen reader in the Dutch window, as the managers have it. */
  g_setenv ("LANGUAGE", "nl", TRUE);
  g_setenv ("LANG", "nl_NL.UTF-8", TRUE);
  g_setenv ("LC_ALL", "nl_NL.UTF-8", TRUE);

  app = impact_test_gui_init (&argc, &argv);
  if (app == NULL)
    {
      impact_test_remove_tree (tmpdir);
      return 77;
    }

  g_test_add_func ("/accessibility/welcome-and-error", test_welcome_and_error);
  g_test_add_func ("/accessibility/dashboard-pages", test_dashboard_pages);
  g_test_add_func ("/accessibility/import-dialog", test_import_dialog);
  g_test_add_func ("/accessibility/dialogs", test_dialogs);
  g_test_add_func ("/accessibility/group-name", test_group_name);
  g_test_add_func ("/accessibility/access-page", test_access_page);

  status = g_test_run ();
  g_object_unref (app);
  impact_test_remove_tree (tmpdir);
  return status;
}
