/* test-window.c: the main window's states, demo data, preferences and accessible names
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <json-glib/json-glib.h>
#include <glib/gstdio.h>
#include <unistd.h>

#include "demo/impact-demo.h"
#include "impact-application.h"
#include "impact-connect-dialog.h"
#include "impact-preferences-window.h"
#include "impact-test-gui.h"
#include "impact-test-utils.h"
#include "impact-window.h"
#include "import/impact-import-dialog.h"
#include "import/impact-importer.h"
#include "import/impact-mapping.h"
#include "import/impact-reader-open.h"
#include "charts/impact-chart-view.h"
#include "model/impact-format.h"
#include "pages/impact-chart-card.h"
#include "pages/impact-dashboard-page.h"
#include "pages/impact-social-panel.h"
#include "pages/impact-what-if-dialog.h"
#include "query/impact-impact-query.h"
#include "storage/impact-db.h"
#include "storage/impact-store-access.h"
#include "storage/impact-store-sroi.h"
#include "query/impact-query.h"
#include "storage/impact-store-engagement.h"
#include "suppliers/impact-engagement-panel.h"
#include "suppliers/impact-letter-dialog.h"
#include "suppliers/impact-suppliers-window.h"

static ImpactApplication *app;
static char *tmpdir;

static GtkWidget *
child (ImpactWindow *window,
       const char *name)
{
  return GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (window), IMPACT_TYPE_WINDOW, name));
}

static ImpactWindow *
open_window (const char *path)
{
  ImpactWindow *window = impact_window_new (GTK_APPLICATION (app), impact_application_get_settings (app), path);

  gtk_window_present (GTK_WINDOW (window));
  return window;
}

static void
test_empty_database (void)
{
  g_autofree char *path = g_build_filename (tmpdir, "empty.sqlite", NULL);
  ImpactWindow *window = open_window (path);

  impact_test_wait_for_page (window, "welcome");
  g_assert_false (gtk_widget_get_visible (child (window, "demo_tag")));
  /* No period to pick without data. */
  g_assert_false (gtk_widget_get_mapped (impact_test_template_child (GTK_WIDGET (window), "period_button")));
  g_assert_true (gtk_widget_is_sensitive (child (window, "explore_demo_button")));
  g_assert_cmpstr (adw_window_title_get_subtitle (ADW_WINDOW_TITLE (child (window, "window_title"))),
                   ==, "empty.sqlite");

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_not_a_database (void)
{
  g_autofree char *path = g_build_filename (tmpdir, "export.csv", NULL);
  g_autofree char *before = NULL, *after = NULL;
  ImpactWindow *window;
  const char *message;

  g_assert_true (g_file_set_contents (path, "Factuurdatum;Bedrag\n01-02-2025;10,00\n", -1, NULL));
  before = impact_test_file_sha256 (path);
  window = open_window (path);
  impact_test_wait_for_page (window, "error");

  message = adw_status_page_get_description (ADW_STATUS_PAGE (child (window, "error_page")));
  g_assert_nonnull (strstr (message, "export.csv"));
  g_assert_nonnull (strstr (message, "not an Impact Dashboard database"));
  after = impact_test_file_sha256 (path);
  g_assert_cmpstr (before, ==, after);

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_existing_data (void)
{
  g_autofree char *path = g_build_filename (tmpdir, "data.sqlite", NULL);
  g_autoptr (GError) error = NULL;
  ImpactStore *store = impact_store_open (path, &error);
  ImpactStoreCounts counts;
  g_autofree char *total = NULL;
  ImpactWindow *window;

  g_assert_true (impact_demo_write (store, impact_day_from_iso ("2025-12-31"), NULL, NULL, NULL, &error));
  g_assert_true (impact_store_get_counts (store, &counts, &error));
  g_object_unref (store);
  total = impact_format_money (counts.total_cents);

  window = open_window (path);
  impact_test_wait_for_page (window, "overview");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (child (window, "total_value"))), ==, total);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (child (window, "lines_value"))), ==, "300000");
  g_assert_true (impact_store_is_demo (impact_window_get_store (window)));
  g_assert_true (gtk_widget_get_visible (child (window, "demo_tag")));

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_explore_and_leave_demo (void)
{
  g_autofree char *path = g_build_filename (tmpdir, "mine.sqlite", NULL);
  g_autofree char *demo_path = impact_demo_get_default_path ();
  ImpactWindow *window = open_window (path);

  impact_test_wait_for_page (window, "welcome");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.explore-demo", NULL));
  g_assert_cmpstr (impact_window_get_page_name (window), ==, "demo-progress");
  impact_test_wait_for_page (window, "overview");

  /* The demo went into a database of its own; the user's file is still empty. */
  g_assert_cmpstr (impact_store_get_path (impact_window_get_store (window)), ==, demo_path);
  g_assert_true (gtk_widget_get_visible (child (window, "demo_tag")));
  g_assert_cmpstr (adw_window_title_get_subtitle (ADW_WINDOW_TITLE (child (window, "window_title"))),
                   ==, "Demo data");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.leave-demo", NULL));
  impact_test_wait_for_page (window, "welcome");
  g_assert_cmpstr (impact_store_get_path (impact_window_get_store (window)), ==, path);
  g_assert_false (gtk_widget_get_visible (child (window, "demo_tag")));

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_cancel_demo (void)
{
  g_autofree char *path = g_build_filename (tmpdir, "cancel.sqlite", NULL);
  g_autofree char *demo_path = impact_demo_get_default_path ();
  g_autoptr (ImpactStore) demo = NULL;
  ImpactWindow *window;

  /* Start from no demo database at all. */
  for (guint i = 0; i < 3; i++)
    {
      static const char *const suffixes[] = { "", "-wal", "-shm" };
      g_autofree char *file = g_strconcat (demo_path, suffixes[i], NULL);

      g_remove (file);
    }
  window = open_window (path);
  impact_test_wait_for_page (window, "welcome");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.explore-demo", NULL);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.cancel", NULL));
  impact_test_wait_for_page (window, "welcome");

  demo = impact_store_open (demo_path, NULL);
  g_assert_true (impact_store_is_empty (demo, NULL));

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_preferences (void)
{
  GSettings *settings = impact_application_get_settings (app);
  ImpactPreferencesWindow *prefs = impact_preferences_window_new (settings);
  AdwComboRow *row = ADW_COMBO_ROW (gtk_widget_get_template_child (GTK_WIDGET (prefs),
                                                                   IMPACT_TYPE_PREFERENCES_WINDOW,
                                                                   "color_scheme_row"));
  AdwStyleManager *style = adw_style_manager_get_default ();

  g_assert_cmpuint (adw_combo_row_get_selected (row), ==, 0);
  adw_combo_row_set_selected (row, 2);
  g_assert_cmpint (g_settings_get_enum (settings, "color-scheme"), ==, ADW_COLOR_SCHEME_FORCE_DARK);
  g_assert_cmpint (adw_style_manager_get_color_scheme (style), ==, ADW_COLOR_SCHEME_FORCE_DARK);

  g_settings_set_string (settings, "color-scheme", "light");
  g_assert_cmpuint (adw_combo_row_get_selected (row), ==, 1);
  g_assert_cmpint (adw_style_manager_get_color_scheme (style), ==, ADW_COLOR_SCHEME_FORCE_LIGHT);

  g_settings_reset (settings, "color-scheme");
  gtk_window_destroy (GTK_WINDOW (prefs));
}

static void
on_connect_cb (ImpactConnectDialog *dialog,
               const char *location,
               char **got)
{
  g_free (*got);
  *got = g_strdup (location);
}

static gboolean
has_string (gpointer data)
{
  return *(char **) data != NULL;
}

/* *Connect to Shared Database…*: what is not an address is refused there and then; an
 * address is offered again next time, first and without its password, and the password
 * typed goes with the location the window opens. */
static void
test_connect_dialog (void)
{
  GSettings *settings = impact_application_get_settings (app);
  ImpactConnectDialog *dialog = impact_connect_dialog_new (NULL, settings);
  GtkWidget *address = impact_test_template_child (GTK_WIDGET (dialog), "address_row");
  GtkWidget *password = impact_test_template_child (GTK_WIDGET (dialog), "password_row");
  GtkWidget *remember = impact_test_template_child (GTK_WIDGET (dialog), "remember_switch");
  GtkWidget *error_label = impact_test_template_child (GTK_WIDGET (dialog), "error_label");
  g_autofree char *got = NULL;
  g_auto (GStrv) recent = NULL;

  g_signal_connect (dialog, "connect", G_CALLBACK (on_connect_cb), &got);
  gtk_window_present (GTK_WINDOW (dialog));
  g_assert_false (gtk_widget_get_visible (impact_test_template_child (GTK_WIDGET (dialog), "recent_group")));

  gtk_editable_set_text (GTK_EDITABLE (address), "inkoop.sqlite");
  gtk_widget_activate_action (GTK_WIDGET (dialog), "connect.connect", NULL);
  g_assert_true (gtk_widget_get_visible (error_label));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (error_label)), "inkoop.sqlite"));
  g_assert_null (got);

  /* Without the keyring (none on the test's bus) the password typed is used once. */
  gtk_editable_set_text (GTK_EDITABLE (address), " postgresql://anna@db.example.nl/impact ");
  g_assert_false (gtk_widget_get_visible (error_label));
  gtk_editable_set_text (GTK_EDITABLE (password), "geheim");
  gtk_switch_set_active (GTK_SWITCH (remember), FALSE);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "connect.connect", NULL);
  impact_test_run_until (has_string, &got);
  g_assert_cmpstr (got, ==, "postgresql://anna@db.example.nl/impact?password=geheim");
  recent = g_settings_get_strv (settings, "recent-shared-databases");
  g_assert_cmpuint (g_strv_length (recent), ==, 1);
  g_assert_cmpstr (recent[0], ==, "postgresql://anna@db.example.nl/impact");

  /* The next time: the recent one is there, filled in; no password, none in the keyring. */
  g_clear_pointer (&got, g_free);
  dialog = impact_connect_dialog_new (NULL, settings);
  g_signal_connect (dialog, "connect", G_CALLBACK (on_connect_cb), &got);
  gtk_window_present (GTK_WINDOW (dialog));
  g_assert_true (gtk_widget_get_visible (impact_test_template_child (GTK_WIDGET (dialog), "recent_group")));
  gtk_widget_activate_action (GTK_WIDGET (dialog), "connect.connect", NULL);
  impact_test_run_until (has_string, &got);
  g_assert_cmpstr (got, ==, "postgresql://anna@db.example.nl/impact");

  g_settings_reset (settings, "recent-shared-databases");
}

static guint
count_rows (GtkWidget *list)
{
  guint n = 0;

  for (GtkWidget *row = gtk_widget_get_first_child (list); row != NULL; row = gtk_widget_get_next_sibling (row))
    n++;
  return n;
}

/* The first button inside @root whose label (or whose "role" data) is @text, or NULL. */
static GtkWidget *
find_button (GtkWidget *root,
             const char *label,
             const char *role)
{
  GtkWidget *found = NULL;

  if (GTK_IS_BUTTON (root) && gtk_widget_get_mapped (root)
      && ((label != NULL && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (root)), label) == 0)
          || (role != NULL && g_strcmp0 (g_object_get_data (G_OBJECT (root), "role"), role) == 0)))
    return root;
  for (GtkWidget *c = gtk_widget_get_first_child (root); found == NULL && c != NULL; c = gtk_widget_get_next_sibling (c))
    found = find_button (c, label, role);
  return found;
}

/* What @store's access list says, as "role=CODE role=* …" (* the whole group), the
 * administrator left out. */
static char *
grants_of (ImpactStore *store)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) grants = impact_store_list_grants (store, &error);
  g_autoptr (GString) text = g_string_new (NULL);

  g_assert_no_error (error);
  for (guint i = 0; i < grants->len; i++)
    {
      const ImpactAccessGrant *grant = g_ptr_array_index (grants, i);

      if (!grant->is_current)
        g_string_append_printf (text, "%s%s=%s", text->len > 0 ? " " : "", grant->role,
                                grant->division_code != NULL ? grant->division_code : "*");
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static ImpactPreferencesWindow *
present_preferences (ImpactStore *store)
{
  ImpactPreferencesWindow *prefs = impact_preferences_window_new (impact_application_get_settings (app));

  impact_preferences_window_set_store (prefs, store);
  gtk_window_present (GTK_WINDOW (prefs));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  return prefs;
}

/* The Access page of the preferences, for the administrator of a shared database only:
 * giving a division manager her division and then the whole group, a role the server does
 * not know refused with its name, taking access away and Undo giving it back. */
static void
test_access_page (void)
{
  g_autofree char *anna = NULL;
  g_autofree char *anna_location = NULL;
  g_autoptr (ImpactStore) store = impact_test_shared_store_new (tmpdir, &anna, &anna_location);
  g_autoptr (ImpactStore) as_anna = NULL;
  g_autoptr (GPtrArray) divisions = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *grants = NULL;
  g_autofree char *sch_only = NULL;
  g_autofree char *both = NULL;
  ImpactPreferencesWindow *prefs;
  GtkWidget *list, *role, *scope, *button;
  AdwMessageDialog *failure;
  GListModel *scopes;
  guint sch = GTK_INVALID_LIST_POSITION;
  gboolean may = TRUE;

  if (store == NULL)
    return;
  sch_only = g_strdup_printf ("%s=SCH", anna);
  both = g_strdup_printf ("%s=* %s=SCH", anna, anna);

  prefs = present_preferences (store);
  list = impact_test_template_child (GTK_WIDGET (prefs), "grants_list");
  role = impact_test_template_child (GTK_WIDGET (prefs), "role_row");
  scope = impact_test_template_child (GTK_WIDGET (prefs), "scope_row");
  g_assert_nonnull (list);
  adw_preferences_window_set_visible_page (ADW_PREFERENCES_WINDOW (prefs),
                                           ADW_PREFERENCES_PAGE (gtk_widget_get_ancestor (list, ADW_TYPE_PREFERENCES_PAGE)));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  /* Only the administrator herself, whom she cannot lock out. */
  g_assert_cmpuint (count_rows (list), ==, 1);
  g_assert_null (find_button (list, NULL, anna));
  /* Nothing to give before a role is named. */
  g_assert_false (gtk_widget_is_sensitive (find_button (GTK_WIDGET (prefs), "_Give Access", NULL)));

  /* The Sees row: the whole group, then each division by name and code. */
  scopes = adw_combo_row_get_model (ADW_COMBO_ROW (scope));
  g_assert_cmpuint (g_list_model_get_n_items (scopes), ==, 3);
  for (guint i = 0; i < 3; i++)
    if (g_str_equal (gtk_string_list_get_string (GTK_STRING_LIST (scopes), i), "Schoonmaak (SCH)"))
      sch = i;
  g_assert_cmpuint (sch, !=, GTK_INVALID_LIST_POSITION);

  gtk_editable_set_text (GTK_EDITABLE (role), anna);
  adw_combo_row_set_selected (ADW_COMBO_ROW (scope), sch);
  g_signal_emit_by_name (role, "entry-activated");
  grants = grants_of (store);
  g_assert_cmpstr (grants, ==, sch_only);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (role)), ==, "");
  g_assert_cmpuint (count_rows (list), ==, 2);

  /* What the server enforces: she sees her division, and may give no one access. */
  as_anna = impact_store_open (anna_location, &error);
  g_assert_no_error (error);
  divisions = impact_store_list_nodes (as_anna, IMPACT_NODE_DIVISION, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (divisions->len, ==, 1);
  g_assert_true (impact_store_may_grant (as_anna, &may, &error));
  g_assert_no_error (error);
  g_assert_false (may);

  /* A role the server does not know: refused with its name, nothing changed. */
  gtk_editable_set_text (GTK_EDITABLE (role), "nobody_by_that_name");
  gtk_widget_activate_action (role, "access.give", NULL);
  failure = impact_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (failure);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (failure), "nobody_by_that_name"));
  gtk_window_destroy (GTK_WINDOW (failure));
  g_free (grants);
  grants = grants_of (store);
  g_assert_cmpstr (grants, ==, sch_only);

  /* The whole group, besides her division. */
  gtk_editable_set_text (GTK_EDITABLE (role), anna);
  adw_combo_row_set_selected (ADW_COMBO_ROW (scope), 0);
  gtk_widget_activate_action (role, "access.give", NULL);
  g_free (grants);
  grants = grants_of (store);
  g_assert_cmpstr (grants, ==, both);
  /* A row for each of what she sees. */
  g_assert_cmpuint (count_rows (list), ==, 3);
  gtk_window_destroy (GTK_WINDOW (prefs));

  /* The whole group taken away (in a window of its own, so that no other toast is in the
   * way) and given back by Undo; then all she sees, one by one. */
  prefs = present_preferences (store);
  list = impact_test_template_child (GTK_WIDGET (prefs), "grants_list");
  adw_preferences_window_set_visible_page (ADW_PREFERENCES_WINDOW (prefs),
                                           ADW_PREFERENCES_PAGE (gtk_widget_get_ancestor (list, ADW_TYPE_PREFERENCES_PAGE)));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  button = find_button (list, NULL, anna);
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  g_free (grants);
  grants = grants_of (store);
  g_assert_cmpstr (grants, ==, sch_only);
  g_assert_cmpuint (count_rows (list), ==, 2);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  button = find_button (GTK_WIDGET (prefs), "_Undo", NULL);
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  g_free (grants);
  grants = grants_of (store);
  g_assert_cmpstr (grants, ==, both);
  g_assert_cmpuint (count_rows (list), ==, 3);
  for (guint i = 0; i < 2; i++)
    g_signal_emit_by_name (find_button (list, NULL, anna), "clicked");
  g_free (grants);
  grants = grants_of (store);
  g_assert_cmpstr (grants, ==, "");
  g_assert_cmpuint (count_rows (list), ==, 1);
  gtk_window_destroy (GTK_WINDOW (prefs));

  /* A division manager's preferences have no Access page. */
  prefs = present_preferences (as_anna);
  g_assert_null (impact_test_template_child (GTK_WIDGET (prefs), "grants_list"));
  gtk_window_destroy (GTK_WINDOW (prefs));
}

/* Whether a label inside @root shows @text. */
static gboolean
shows_label (GtkWidget *root,
             const char *text)
{
  if (GTK_IS_LABEL (root) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (root)), text) == 0)
    return TRUE;
  for (GtkWidget *c = gtk_widget_get_first_child (root); c != NULL; c = gtk_widget_get_next_sibling (c))
    if (shows_label (c, text))
      return TRUE;
  return FALSE;
}

static gboolean
has_open_button (gpointer data)
{
  return find_button (data, "_Open", NULL) != NULL;
}

/* *Publish to Shared Database…*: the open file goes to a new, empty schema on the server,
 * all of it, and the toast opens it; the file stays as it was. */
static void
test_publish (void)
{
  const char *server = g_getenv ("IMPACT_TEST_POSTGRESQL");
  g_autofree char *path = g_build_filename (tmpdir, "publish.sqlite", NULL);
  g_autofree char *empty = g_build_filename (tmpdir, "publish-empty.sqlite", NULL);
  g_autofree char *csv = g_build_filename (tmpdir, "publish.csv", NULL);
  g_autofree char *schema = g_strdup_printf ("publish_%d", (int) getpid ());
  g_autofree char *create = g_strdup_printf ("CREATE SCHEMA %s", schema);
  g_autofree char *location = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (ImpactDb) super = NULL;
  g_autoptr (ImpactStore) store = NULL;
  g_autoptr (ImpactStore) published = NULL;
  g_autoptr (ImpactImportSummary) summary = NULL;
  ImpactImportOptions options = { 0 };
  ImpactStoreCounts before, after;
  ImpactConnectDialog *dialog;
  ImpactWindow *window;
  g_autofree char *name = NULL;
  g_autofree char *stopped = NULL;
  g_autofree char *publishing = NULL;

  if (server == NULL)
    {
      g_test_skip ("needs a PostgreSQL server: run under tests/with-postgresql.sh");
      return;
    }
  super = impact_db_open (server, &error);
  g_assert_no_error (error);
  g_assert_true (impact_db_exec (super, create, &error));
  g_assert_no_error (error);
  location = g_strdup_printf ("%s options='-csearch_path=%s'", server, schema);

  store = impact_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (csv,
                                      "Factuurdatum;Leverancier;KvK;Divisie;Factuurnummer;Bedrag\n"
                                      "03-02-2025;Jansen Schoonmaak B.V.;12345678;SCH;F1;1.000,00\n"
                                      "04-02-2025;Werkbedrijf Twente;87654321;CAT;F2;250,50\n",
                                      -1, NULL));
  summary = impact_import_file (store, csv, &options, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (impact_store_get_counts (store, &before, &error));
  g_clear_object (&store);

  /* An empty file has nothing to publish. */
  window = open_window (empty);
  impact_test_wait_for_page (window, "welcome");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.publish-shared", NULL);
  g_assert_null (impact_test_find_toplevel (IMPACT_TYPE_CONNECT_DIALOG));
  gtk_window_destroy (GTK_WINDOW (window));

  window = open_window (path);
  impact_test_wait_for_page (window, "overview");
  /* Stopped (Escape, as the toast's Stop) before it got anywhere: nothing on the server. */
  name = impact_db_location_get_display_name (location);
  stopped = g_strdup_printf ("Publishing stopped; nothing was written to %s", name);
  publishing = g_strdup_printf ("Publishing to %s…", name);
  for (guint round = 0; round < 2; round++)
    {
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.publish-shared", NULL));
      dialog = impact_test_find_toplevel (IMPACT_TYPE_CONNECT_DIALOG);
      g_assert_nonnull (dialog);
      g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (dialog)), ==, "Publish to Shared Database");
      gtk_editable_set_text (GTK_EDITABLE (impact_test_template_child (GTK_WIDGET (dialog), "address_row")), location);
      gtk_widget_activate_action (GTK_WIDGET (dialog), "connect.connect", NULL);
      if (round == 1)
        break;
      /* Once it runs (the address goes through the keyring first): the copy opens the new
       * schema and makes its tables before it reads a line, long enough to be stopped. */
      while (!shows_label (GTK_WIDGET (window), publishing))
        g_main_context_iteration (NULL, TRUE);
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.cancel", NULL));
      while (!shows_label (GTK_WIDGET (window), stopped))
        g_main_context_iteration (NULL, TRUE);
      published = impact_store_open (location, &error);
      g_assert_no_error (error);
      g_assert_true (impact_store_get_counts (published, &after, &error));
      g_assert_cmpint (after.n_lines, ==, 0);
      g_clear_object (&published);
    }
  impact_test_run_until (has_open_button, window);

  published = impact_store_open (location, &error);
  g_assert_no_error (error);
  g_assert_true (impact_store_get_counts (published, &after, &error));
  g_assert_cmpint (after.n_lines, ==, 2);
  g_assert_cmpint (after.total_cents, ==, before.total_cents);
  g_assert_cmpint (after.n_divisions, ==, before.n_divisions);
  g_assert_cmpint (after.n_suppliers, ==, before.n_suppliers);

  /* The toast's Open: the window on the shared database, which cannot be published again. */
  g_signal_emit_by_name (find_button (GTK_WIDGET (window), "_Open", NULL), "clicked");
  impact_test_wait_for_page (window, "overview");
  g_assert_true (impact_db_location_is_server (impact_store_get_path (impact_window_get_store (window))));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (child (window, "lines_value"))), ==, "2");
  g_settings_reset (impact_application_get_settings (app), "recent-shared-databases");
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Changes @store (sets a division's target) every half second until @window shows @toast,
 * at most 15 s: the window starts listening on a thread of its own, a little after it opened. */
static void
change_until_told (ImpactStore *store,
                   gint64 division_id,
                   ImpactWindow *window,
                   const char *toast)
{
  g_autoptr (GError) error = NULL;

  for (guint i = 0; i < 30 && !shows_label (GTK_WIDGET (window), toast); i++)
    {
      gint64 until = g_get_monotonic_time () + G_USEC_PER_SEC / 2;

      g_assert_true (impact_store_set_share_target (store, division_id, 10.0 + i, &error));
      g_assert_no_error (error);
      while (g_get_monotonic_time () < until)
        g_main_context_iteration (NULL, FALSE);
    }
  g_assert_true (shows_label (GTK_WIDGET (window), toast));
}

/* A window on a shared database follows what others commit, and says who: a colleague by
 * her role, the user herself (the command line, another window) as "You". */
static void
test_follows_changes (void)
{
  g_autofree char *anna = NULL;
  g_autofree char *anna_location = NULL;
  g_autoptr (ImpactStore) store = impact_test_shared_store_new (tmpdir, &anna, &anna_location);
  g_autoptr (ImpactStore) as_anna = NULL;
  g_autoptr (GPtrArray) divisions = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *told = NULL;
  gint64 sch = 0;
  ImpactWindow *window;

  if (store == NULL)
    return;
  g_assert_true (impact_store_grant (store, anna, "SCH", &error));
  g_assert_no_error (error);
  divisions = impact_store_list_nodes (store, IMPACT_NODE_DIVISION, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < divisions->len; i++)
    if (g_str_equal (((ImpactNode *) g_ptr_array_index (divisions, i))->code, "SCH"))
      sch = ((ImpactNode *) g_ptr_array_index (divisions, i))->id;

  window = open_window (impact_store_get_path (store));
  impact_test_wait_for_page (window, "overview");
  change_until_told (store, sch, window, "You changed the data elsewhere; the figures are up to date");

  as_anna = impact_store_open (anna_location, &error);
  g_assert_no_error (error);
  told = g_strdup_printf ("%s changed the data; the figures are up to date", anna);
  change_until_told (as_anna, sch, window, told);
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_window_size_remembered (void)
{
  GSettings *settings = impact_application_get_settings (app);
  g_autofree char *path = g_build_filename (tmpdir, "size.sqlite", NULL);
  ImpactWindow *window;

  g_settings_set_int (settings, "window-width", 800);
  g_settings_set_int (settings, "window-height", 600);
  /* Not presented: a shown window is clamped to the (small) Xvfb screen. */
  window = impact_window_new (GTK_APPLICATION (app), impact_application_get_settings (app), path);
  {
    int width, height;

    gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
    g_assert_cmpint (width, ==, 800);
    g_assert_cmpint (height, ==, 600);
    gtk_window_set_default_size (GTK_WINDOW (window), 640, 480);
  }
  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 640);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 480);

  gtk_window_destroy (GTK_WINDOW (window));
  g_settings_reset (settings, "window-width");
  g_settings_reset (settings, "window-height");
}

static GtkWidget *
dialog_child (ImpactImportDialog *dialog,
              const char *name)
{
  return GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (dialog), IMPACT_TYPE_IMPORT_DIALOG, name));
}

/* Runs the main loop until the label shows the text, or fails after 30 seconds. */
static void
wait_for_label (GtkWidget *label,
                const char *text)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add_seconds (30, impact_test_on_timeout, &timed_out);

  while (g_strcmp0 (gtk_label_get_text (GTK_LABEL (label)), text) != 0 && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (!timed_out)
    g_source_remove (id);

  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (label)), ==, text);
}

static GtkWidget *
page_child (GtkWidget *page,
            const char *name)
{
  /* The period controls are in the window's header bar. */
  GtkWidget *child = impact_test_template_child (page, name);

  if (child == NULL)
    child = impact_test_template_child (GTK_WIDGET (gtk_widget_get_root (page)), name);
  g_assert_nonnull (child);
  return child;
}

/* The child @name ("view", "table", "table_toggle", "stack") of chart @chart of the page. */
static GtkWidget *
card_child (GtkWidget *page,
            const char *chart,
            const char *name)
{
  g_autofree char *card_name = g_strconcat (chart, "_card", NULL);

  return GTK_WIDGET (gtk_widget_get_template_child (page_child (page, card_name), IMPACT_TYPE_CHART_CARD, name));
}

/* The figures of @code (NULL: the group) for @year, as --summary reads them. */
static ImpactFigures *
expected_figures (const char *path,
                  const char *code,
                  const char *year)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ImpactStore) store = impact_store_open (path, &error);
  g_autoptr (ImpactNode) node = impact_query_find_node (store, code, &error);
  ImpactPeriod period;
  ImpactFigures *figures;

  g_assert_no_error (error);
  g_assert_true (impact_period_parse (year, 1, &period, NULL));
  figures = impact_query_figures (store, node, &period, 10, &error);
  g_assert_no_error (error);
  return figures;
}

static void
assert_total_shown (GtkWidget *page,
                    const ImpactFigures *figures)
{
  g_autofree char *total = impact_format_money (figures->spend.total_cents);
  g_autofree char *social = impact_format_money (figures->spend.social_cents);

  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (page_child (page, "total_value"))), ==, total);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (page_child (page, "social_value"))), ==, social);
}

/* The dashboard shows the figures --summary gives, goes down to a division from its column
 * and back with the back action, and changes year from the drop-down. */
static void
test_dashboard (void)
{
  g_autofree char *path = g_build_filename (tmpdir, "dashboard.sqlite", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (ImpactFigures) group = NULL;
  g_autoptr (ImpactFigures) division = NULL;
  g_autoptr (ImpactFigures) earlier = NULL;
  ImpactChartView *children_chart;
  ImpactDashboardPage *page;
  ImpactWindow *window;
  const ImpactChildFigures *second;

  {
    g_autoptr (ImpactStore) store = impact_store_open (path, &error);

    g_assert_no_error (error);
    g_assert_true (impact_demo_write (store, impact_day_from_iso ("2025-12-31"), NULL, NULL, NULL, &error));
  }
  group = expected_figures (path, NULL, "2025");

  window = open_window (path);
  impact_test_wait_for_page (window, "overview");
  page = IMPACT_DASHBOARD_PAGE (child (window, "dashboard_page"));
  impact_test_wait_for_dashboard (page);
  assert_total_shown (GTK_WIDGET (page), group);
  g_assert_cmpstr (impact_dashboard_page_get_node_code (page), ==, group->node->code);

  /* The period is picked in the window's header bar, which names the one shown. */
  {
    GtkWidget *period = page_child (GTK_WIDGET (page), "period_button");

    g_assert_nonnull (gtk_widget_get_ancestor (period, ADW_TYPE_HEADER_BAR));
    g_assert_true (gtk_widget_get_mapped (period));
    g_assert_cmpstr (gtk_menu_button_get_label (GTK_MENU_BUTTON (period)), ==, "2025");
  }

  /* Every chart has its data, and says it in words. */
  children_chart = IMPACT_CHART_VIEW (card_child (GTK_WIDGET (page), "children", "view"));
  g_assert_cmpuint (impact_chart_get_n_items (impact_chart_view_get_chart (children_chart)), ==, group->by_child->len);
  g_assert_cmpuint (group->by_child->len, ==, 6);
  {
    static const char *const charts[] = { "children", "trend", "classes", "suppliers" };

    for (guint i = 0; i < G_N_ELEMENTS (charts); i++)
      {
        g_autofree char *words = impact_chart_describe (impact_chart_view_get_chart (IMPACT_CHART_VIEW (card_child (GTK_WIDGET (page), charts[i], "view"))));

        g_assert_nonnull (strstr (words, "EUR "));
      }
  }

  /* The same data as a table: a row per division with its exact spend. */
  {
    GtkWidget *table = card_child (GTK_WIDGET (page), "children", "table");
    const ImpactChildFigures *first = g_ptr_array_index (group->by_child, 0);
    g_autofree char *money = impact_format_money (first->spend.total_cents);

    gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (card_child (GTK_WIDGET (page), "children", "table_toggle")), TRUE);
    g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (card_child (GTK_WIDGET (page), "children", "stack"))), ==, "table");
    g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (gtk_grid_get_child_at (GTK_GRID (table), 0, 1))), ==, first->name);
    g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (gtk_grid_get_child_at (GTK_GRID (table), 1, 1))), ==, money);
    g_assert_nonnull (gtk_grid_get_child_at (GTK_GRID (table), 0, group->by_child->len));
    g_assert_null (gtk_grid_get_child_at (GTK_GRID (table), 0, group->by_child->len + 1));
    gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (card_child (GTK_WIDGET (page), "children", "table_toggle")), FALSE);
  }

  /* A target for the group: asked for in a dialog, saved, shown on the share card. */
  {
    AdwMessageDialog *dialog = NULL;
    g_autoptr (ImpactFigures) with_target = NULL;

    g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (page_child (GTK_WIDGET (page), "target_button"))), ==, "Set a Target…");
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "dashboard.set-target", NULL));
    dialog = impact_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
    g_assert_nonnull (dialog);
    gtk_spin_button_set_value (GTK_SPIN_BUTTON (adw_message_dialog_get_extra_child (dialog)), 7.5);
    adw_message_dialog_response (dialog, "save");
    impact_test_wait_for_dashboard (page);
    g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (page_child (GTK_WIDGET (page), "target_button"))), ==, "Target 7.5%…");
    with_target = expected_figures (path, NULL, "2025");
    g_assert_cmpfloat (with_target->target_share, ==, 7.5);
  }

  /* The keys (through the actions they are bound to): Right twice reaches the second
   * column, Left and Right move back and forth, Enter opens that division. */
  second = g_ptr_array_index (group->by_child, 1);
  g_assert_cmpint (impact_chart_view_get_highlight (children_chart), ==, -1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (children_chart), "chart.next", NULL));
  g_assert_cmpint (impact_chart_view_get_highlight (children_chart), ==, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (children_chart), "chart.last", NULL));
  g_assert_cmpint (impact_chart_view_get_highlight (children_chart), ==, (int) group->by_child->len - 1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (children_chart), "chart.first", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (children_chart), "chart.next", NULL));
  g_assert_cmpint (impact_chart_view_get_highlight (children_chart), ==, 1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (children_chart), "chart.activate", NULL));
  impact_test_wait_for_dashboard (page);
  g_assert_cmpstr (impact_dashboard_page_get_node_code (page), ==, second->code);
  division = expected_figures (path, second->code, "2025");
  assert_total_shown (GTK_WIDGET (page), division);
  g_assert_cmpint (division->spend.total_cents, ==, second->spend.total_cents);

  /* The search opens an object by its code, with its division in between. */
  {
    g_autoptr (ImpactFigures) object = expected_figures (path, "CAT-101", "2025");

    g_assert_true (impact_dashboard_page_jump (page, "cat-101"));
    impact_test_wait_for_dashboard (page);
    g_assert_cmpstr (impact_dashboard_page_get_node_code (page), ==, "CAT-101");
    assert_total_shown (GTK_WIDGET (page), object);
    g_assert_false (gtk_widget_get_visible (gtk_widget_get_ancestor (card_child (GTK_WIDGET (page), "children", "view"),
                                                                     GTK_TYPE_FLOW_BOX_CHILD)));
    g_assert_true (impact_dashboard_page_go_back (page));
    impact_test_wait_for_dashboard (page);
    g_assert_cmpstr (impact_dashboard_page_get_node_code (page), ==, "CATER");
    g_assert_false (impact_dashboard_page_jump (page, "no such unit"));
  }

  /* Back (Alt+Left) to the group. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "dashboard.back", NULL));
  impact_test_wait_for_dashboard (page);
  g_assert_cmpstr (impact_dashboard_page_get_node_code (page), ==, group->node->code);
  assert_total_shown (GTK_WIDGET (page), group);

  /* The year before, from the drop-down (newest first). */
  gtk_drop_down_set_selected (GTK_DROP_DOWN (page_child (GTK_WIDGET (page), "year_dropdown")), 1);
  impact_test_wait_for_dashboard (page);
  earlier = expected_figures (path, NULL, "2024");
  assert_total_shown (GTK_WIDGET (page), earlier);
  g_assert_cmpint (earlier->spend.total_cents, ==, group->previous.total_cents);

  /* Its second quarter, then its March. */
  {
    g_autoptr (ImpactFigures) quarter = expected_figures (path, NULL, "2024-Q2");
    g_autoptr (ImpactFigures) march = expected_figures (path, NULL, "2024-03");

    gtk_drop_down_set_selected (GTK_DROP_DOWN (page_child (GTK_WIDGET (page), "part_dropdown")), 2);
    impact_test_wait_for_dashboard (page);
    assert_total_shown (GTK_WIDGET (page), quarter);
    gtk_drop_down_set_selected (GTK_DROP_DOWN (page_child (GTK_WIDGET (page), "part_dropdown")), 5 + 2);
    impact_test_wait_for_dashboard (page);
    assert_total_shown (GTK_WIDGET (page), march);
    g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (page_child (GTK_WIDGET (page), "total_detail"))),
                              "the month before"));
  }

  /* A financial year from April, set in the preferences: the dashboard starts again from the
   * latest such year, April 2025 to March 2026. */
  {
    ImpactPreferencesWindow *prefs = impact_preferences_window_new (impact_application_get_settings (app));
    AdwComboRow *row = ADW_COMBO_ROW (gtk_widget_get_template_child (GTK_WIDGET (prefs), IMPACT_TYPE_PREFERENCES_WINDOW,
                                                                     "fy_row"));
    g_autoptr (ImpactStore) store = NULL;
    g_autoptr (ImpactNode) node = NULL;
    g_autoptr (ImpactFigures) april = NULL;
    ImpactPeriod period;

    impact_preferences_window_set_store (prefs, impact_window_get_store (window));
    g_signal_connect_swapped (prefs, "financial-year-changed", G_CALLBACK (impact_window_reload_figures), window);
    g_assert_true (gtk_widget_get_visible (GTK_WIDGET (row)));
    g_assert_cmpuint (adw_combo_row_get_selected (row), ==, 0);
    adw_combo_row_set_selected (row, 3);
    impact_test_wait_for_dashboard (page);

    store = impact_store_open (path, &error);
    g_assert_cmpuint (impact_query_get_fy_start (store), ==, 4);
    node = impact_query_find_node (store, NULL, &error);
    g_assert_true (impact_period_parse ("2025", 4, &period, NULL));
    april = impact_query_figures (store, node, &period, 10, &error);
    g_assert_no_error (error);
    assert_total_shown (GTK_WIDGET (page), april);

    adw_combo_row_set_selected (row, 0);
    impact_test_wait_for_dashboard (page);
    gtk_window_destroy (GTK_WINDOW (prefs));
  }

  /* A month long before the data: the empty state instead of empty charts. */
  g_assert_true (impact_dashboard_page_set_months (page, "2019-01", "2019-01"));
  impact_test_wait_for_dashboard (page);
  g_assert_true (gtk_widget_get_visible (page_child (GTK_WIDGET (page), "empty_page")));
  g_assert_false (gtk_widget_get_visible (page_child (GTK_WIDGET (page), "chart_box")));

  /* Custom whole months, across the turn of the year. */
  {
    g_autoptr (ImpactFigures) winter = expected_figures (path, NULL, "2024-11-01..2025-02-28");

    g_assert_false (impact_dashboard_page_set_months (page, "2025-03", "2025-01"));
    g_assert_false (impact_dashboard_page_set_months (page, "2025", "2025-01"));
    g_assert_true (impact_dashboard_page_set_months (page, "2024-11", "2025-02"));
    g_assert_true (gtk_widget_get_visible (page_child (GTK_WIDGET (page), "loading_spinner")));
    impact_test_wait_for_dashboard (page);
    g_assert_false (gtk_widget_get_visible (page_child (GTK_WIDGET (page), "loading_spinner")));
    assert_total_shown (GTK_WIDGET (page), winter);
    g_assert_false (gtk_widget_get_visible (page_child (GTK_WIDGET (page), "empty_page")));
    g_assert_true (gtk_widget_get_visible (page_child (GTK_WIDGET (page), "chart_box")));
    g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (page_child (GTK_WIDGET (page), "total_detail"))),
                              "the period before"));
  }

  gtk_window_destroy (GTK_WINDOW (window));
}

/* The suppliers window lists every supplier, sorts by spend, searches by name, and a status
 * added there shows on the dashboard at once. */
static void
test_suppliers_window (void)
{
  g_autofree char *path = g_build_filename (tmpdir, "suppliers.sqlite", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (ImpactFigures) before = NULL;
  g_autoptr (ImpactFigures) after = NULL;
  ImpactSuppliersWindow *suppliers = NULL;
  const ImpactSupplierFigures *largest;
  g_autofree char *name = NULL;
  ImpactDashboardPage *page;
  ImpactWindow *window;

  {
    g_autoptr (ImpactStore) store = impact_store_open (path, &error);

    g_assert_no_error (error);
    g_assert_true (impact_demo_write (store, impact_day_from_iso ("2025-12-31"), NULL, NULL, NULL, &error));
  }
  before = expected_figures (path, NULL, "2025");
  largest = g_ptr_array_index (before->top_non_social, 0);
  name = g_strdup (largest->name);

  window = open_window (path);
  impact_test_wait_for_page (window, "overview");
  page = IMPACT_DASHBOARD_PAGE (child (window, "dashboard_page"));
  impact_test_wait_for_dashboard (page);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "dashboard.show-suppliers", NULL));
  suppliers = impact_test_find_toplevel (IMPACT_TYPE_SUPPLIERS_WINDOW);
  g_assert_nonnull (suppliers);
  g_assert_cmpuint (impact_suppliers_window_get_n_shown (suppliers), ==, 3000);

  /* By spend, largest first: the group's largest supplier of the year on top. */
  impact_suppliers_window_sort_by (suppliers, 4, GTK_SORT_DESCENDING);
  g_assert_cmpstr (impact_suppliers_window_get_name_at (suppliers, 0), ==,
                   ((const ImpactSupplierFigures *) g_ptr_array_index (before->top_suppliers, 0))->name);

  /* The search keeps the suppliers whose name holds the words. */
  {
    GtkEditable *search = GTK_EDITABLE (gtk_widget_get_template_child (GTK_WIDGET (suppliers), IMPACT_TYPE_SUPPLIERS_WINDOW,
                                                                       "search_entry"));
    guint n;

    gtk_editable_set_text (search, largest->name);
    while (g_main_context_pending (NULL) || impact_suppliers_window_get_n_shown (suppliers) == 3000)
      g_main_context_iteration (NULL, TRUE);
    n = impact_suppliers_window_get_n_shown (suppliers);
    g_assert_cmpuint (n, >=, 1);
    g_assert_cmpuint (n, <, 3000);
    for (guint i = 0; i < n; i++)
      g_assert_nonnull (strstr (impact_suppliers_window_get_name_at (suppliers, i), largest->name));
  }

  /* An SW status for the largest non-social supplier: its spend of the year becomes social. */
  g_assert_true (impact_suppliers_window_select (suppliers, name));
  g_assert_true (impact_suppliers_window_add_status (suppliers, IMPACT_SOCIAL_CLASS_SW, impact_day_from_iso ("2025-01-01"),
                                                     0, &error));
  g_assert_no_error (error);
  impact_test_wait_for_dashboard (page);
  after = expected_figures (path, NULL, "2025");
  g_assert_cmpint (after->spend.social_cents, ==, before->spend.social_cents + largest->total_cents);
  assert_total_shown (GTK_WIDGET (page), after);

  /* Where it is bought: a row per division or object. */
  g_assert_nonnull (gtk_list_box_get_row_at_index (
      GTK_LIST_BOX (gtk_widget_get_template_child (GTK_WIDGET (suppliers), IMPACT_TYPE_SUPPLIERS_WINDOW, "nodes_list")), 0));

  /* The status changed to start in July: only the second half of the year stays social. */
  {
    g_autoptr (ImpactStore) store = impact_store_open (path, &error);
    g_autoptr (ImpactSupplier) supplier = impact_store_find_supplier (store, NULL, NULL, NULL, name, &error);
    g_autoptr (GPtrArray) statuses = impact_store_list_statuses (store, supplier->id, &error);
    g_autoptr (ImpactFigures) july = NULL;
    gint64 status_id = 0;

    for (guint i = 0; i < statuses->len; i++)
      if (((const ImpactStatus *) g_ptr_array_index (statuses, i))->kind == IMPACT_SOCIAL_CLASS_SW)
        status_id = ((const ImpactStatus *) g_ptr_array_index (statuses, i))->id;
    g_assert_cmpint (status_id, >, 0);
    g_assert_true (impact_suppliers_window_update_status (suppliers, status_id, IMPACT_SOCIAL_CLASS_SW,
                                                          impact_day_from_iso ("2025-07-01"), 0, &error));
    g_assert_no_error (error);
    impact_test_wait_for_dashboard (page);
    july = expected_figures (path, NULL, "2025");
    g_assert_cmpint (july->spend.social_cents, >, before->spend.social_cents);
    g_assert_cmpint (july->spend.social_cents, <, after->spend.social_cents);
    assert_total_shown (GTK_WIDGET (page), july);
  }

  gtk_window_destroy (GTK_WINDOW (suppliers));

  /* A bar of the largest non-social suppliers opens that supplier in the list. */
  {
    ImpactChartView *bars = IMPACT_CHART_VIEW (card_child (GTK_WIDGET (page), "suppliers", "view"));
    const char *first = impact_chart_get_item (impact_chart_view_get_chart (bars), 0)->label;
    ImpactSuppliersWindow *opened = NULL;
    AdwPreferencesGroup *group;

    g_signal_emit_by_name (bars, "item-activated", 0u);
    opened = impact_test_find_toplevel (IMPACT_TYPE_SUPPLIERS_WINDOW);
    g_assert_nonnull (opened);
    group = ADW_PREFERENCES_GROUP (gtk_widget_get_template_child (GTK_WIDGET (opened), IMPACT_TYPE_SUPPLIERS_WINDOW,
                                                                  "statuses_group"));
    g_assert_cmpstr (adw_preferences_group_get_title (group), ==, first);
    gtk_window_destroy (GTK_WINDOW (opened));
  }

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Writes @csv to NAME.csv and opens the import dialog for it over a new window on NAME.sqlite. */
static ImpactImportDialog *
open_import_dialog (const char *name,
                    const char *csv,
                    ImpactWindow **window)
{
  g_autofree char *db_name = g_strconcat (name, ".sqlite", NULL);
  g_autofree char *csv_name = g_strconcat (name, ".csv", NULL);
  g_autofree char *path = g_build_filename (tmpdir, db_name, NULL);
  g_autofree char *csv_path = g_build_filename (tmpdir, csv_name, NULL);
  g_autoptr (GFile) file = g_file_new_for_path (csv_path);

  g_assert_true (g_file_set_contents (csv_path, csv, -1, NULL));
  *window = open_window (path);
  impact_test_wait_for_page (*window, "welcome");

  return impact_window_open_import (*window, file);
}

static void
test_import_dialog (void)
{
  static const char csv[] = "Factuurdatum;Factuurnummer;Leverancier;Bedrag excl. btw;Divisie;Project\n"
                            "15-03-2025;F1;Jansen B.V.;1.234,56;SCHOON;SCH-1\n"
                            "31-02-2025;F2;Jansen B.V.;10,00;SCHOON;SCH-1\n"
                            "16-03-2025;F3;De Vries;100,00;CATER;CAT-1\n"
                            "17-03-2025;F4;De Vries;5,00;CATER;CAT-1\n";
  ImpactWindow *window;
  ImpactImportDialog *dialog;
  GtkWidget *grid;
  GtkDropDown *project = NULL;
  guint n_dropdowns = 0;

  dialog = open_import_dialog ("dialog", csv, &window);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  wait_for_label (dialog_child (dialog, "accepted_value"), "3");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (dialog_child (dialog, "rejected_value"))), ==, "1");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (dialog_child (dialog, "new_objects_value"))), ==, "2 (SCH-1, CAT-1)");
  g_assert_true (gtk_widget_get_sensitive (dialog_child (dialog, "import_button")));
  /* A check never writes. */
  g_assert_true (impact_store_is_empty (impact_window_get_store (window), NULL));

  /* One field chooser per column; set Project to Ignore and the objects are gone. */
  grid = dialog_child (dialog, "preview_grid");
  for (GtkWidget *c = gtk_widget_get_first_child (grid); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      if (!GTK_IS_DROP_DOWN (c))
        continue;
      n_dropdowns++;
      if (gtk_drop_down_get_selected (GTK_DROP_DOWN (c)) == IMPACT_FIELD_OBJECT)
        project = GTK_DROP_DOWN (c);
    }
  g_assert_cmpuint (n_dropdowns, ==, 6);
  g_assert_nonnull (project);
  gtk_drop_down_set_selected (project, IMPACT_FIELD_IGNORE);
  wait_for_label (dialog_child (dialog, "new_objects_value"), "0");

  /* Import: the dialog closes, the window shows the lines, a toast offers Undo. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "import.import", NULL));
  while (dialog != NULL)
    g_main_context_iteration (NULL, TRUE);
  impact_test_wait_for_page (window, "overview");
  wait_for_label (child (window, "lines_value"), "3");
  g_assert_cmpint (impact_window_get_store (window) != NULL, ==, TRUE);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo-import", "x", (gint64) 1));
  wait_for_label (child (window, "lines_value"), "0");

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Two columns that could both be the date: Import waits until the guess is confirmed, and
 * each column says why it has its field. */
static void
test_import_dialog_uncertain (void)
{
  static const char csv[] = "Datum;Date;Leverancier;Bedrag;Divisie\n"
                            "01-02-2025;02-02-2025;Jansen;10,00;SCH\n";
  ImpactWindow *window;
  ImpactImportDialog *dialog;
  GtkWidget *grid, *confirm = NULL, *notes;
  gboolean found_reason = FALSE;

  dialog = open_import_dialog ("uncertain", csv, &window);
  wait_for_label (dialog_child (dialog, "accepted_value"), "1");
  while (g_strcmp0 (impact_import_dialog_get_state (dialog), "preview") != 0)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (gtk_widget_get_sensitive (dialog_child (dialog, "import_button")));
  notes = dialog_child (dialog, "notes_label");
  g_assert_true (gtk_widget_get_visible (notes));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (notes)), "not certain"));

  grid = dialog_child (dialog, "preview_grid");
  for (GtkWidget *c = gtk_widget_get_first_child (grid); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      if (GTK_IS_CHECK_BUTTON (c) && gtk_widget_get_visible (c))
        {
          g_assert_null (confirm);
          confirm = c;
        }
      if (GTK_IS_LABEL (c) && strstr (gtk_label_get_text (GTK_LABEL (c)), "“Date” fits as well") != NULL)
        found_reason = TRUE;
    }
  g_assert_true (found_reason);
  g_assert_nonnull (confirm);

  /* Confirming the guess lets the import go ahead. */
  gtk_check_button_set_active (GTK_CHECK_BUTTON (confirm), TRUE);
  while (!gtk_widget_get_sensitive (dialog_child (dialog, "import_button")))
    g_main_context_iteration (NULL, TRUE);
  g_assert_null (strstr (gtk_label_get_text (GTK_LABEL (notes)), "not certain"));

  gtk_window_destroy (GTK_WINDOW (dialog));
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_import_dialog_bad_file (void)
{
  g_autofree char *path = g_build_filename (tmpdir, "dialog-bad.sqlite", NULL);
  g_autofree char *bad = g_build_filename (tmpdir, "leeg.csv", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (bad);
  ImpactWindow *window = open_window (path);
  ImpactImportDialog *dialog;
  const char *message;

  g_assert_true (g_file_set_contents (bad, "", 0, NULL));
  impact_test_wait_for_page (window, "welcome");
  dialog = impact_import_dialog_new (GTK_WINDOW (window), path, file);
  gtk_window_present (GTK_WINDOW (dialog));
  while (g_strcmp0 (impact_import_dialog_get_state (dialog), "error") != 0)
    g_main_context_iteration (NULL, TRUE);

  message = adw_status_page_get_description (ADW_STATUS_PAGE (dialog_child (dialog, "error_page")));
  g_assert_nonnull (strstr (message, "leeg.csv"));
  g_assert_false (gtk_widget_get_sensitive (dialog_child (dialog, "import_button")));

  gtk_window_destroy (GTK_WINDOW (dialog));
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_import_dialog_register (void)
{
  static const char csv[] = "Leverancier;KvK-nummer;Keurmerk;Geldig vanaf\n"
                            "Werkbedrijf Twente;87654321;SW-bedrijf;01-01-2020\n"
                            "Jansen B.V.;12345678;PSO trede 2;15-03-2024\n";
  ImpactWindow *window;
  ImpactImportDialog *dialog;
  GtkWidget *notes;
  gint64 n = -1;

  dialog = open_import_dialog ("register", csv, &window);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);

  /* As purchase lines, the columns are not enough: the dialog says what is missing. */
  notes = dialog_child (dialog, "notes_label");
  while (!gtk_widget_get_visible (notes) || g_strcmp0 (impact_import_dialog_get_state (dialog), "preview") != 0)
    g_main_context_iteration (NULL, TRUE);
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (notes)), "amount"));
  g_assert_false (gtk_widget_get_sensitive (dialog_child (dialog, "import_button")));

  /* As a certificate register, they are. */
  adw_combo_row_set_selected (ADW_COMBO_ROW (dialog_child (dialog, "target_row")), 1);
  wait_for_label (dialog_child (dialog, "accepted_value"), "2");
  g_assert_false (gtk_widget_get_visible (dialog_child (dialog, "total_row")));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "import.import", NULL));
  while (dialog != NULL)
    g_main_context_iteration (NULL, TRUE);
  impact_test_wait_for_page (window, "overview");
  wait_for_label (child (window, "statuses_value"), "2");
  g_assert_true (impact_db_query_int (impact_store_get_db (impact_window_get_store (window)),
                                      "SELECT count(*) FROM supplier_statuses WHERE batch_id = 1", &n, NULL));
  g_assert_cmpint (n, ==, 2);

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_import_dialog_mapping (void)
{
  static const char csv[] = "Factuurdatum;Leverancier;Bedrag;Divisie;Project\n"
                            "15-03-2025;Jansen B.V.;1.234,56;SCHOON;SCH-1\n";
  static const char ignore_project[] = "{\"format\": \"impact-dashboard-mapping\", \"version\": 1, \"columns\": "
                                       "{\"Factuurdatum\": \"invoice-date\", \"Leverancier\": \"supplier-name\", "
                                       "\"Bedrag\": \"amount\", \"Divisie\": \"division\"}, \"decimal\": \"comma\"}";
  ImpactWindow *window;
  ImpactImportDialog *dialog;
  GtkWidget *notes;

  dialog = open_import_dialog ("mapping", csv, &window);
  wait_for_label (dialog_child (dialog, "new_objects_value"), "1 (SCH-1)");

  /* A saved mapping without the Project column: no objects any more. */
  impact_import_dialog_load_mapping_json (dialog, ignore_project);
  wait_for_label (dialog_child (dialog, "new_objects_value"), "0");
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (dialog_child (dialog, "decimal_row"))), ==, 1);

  /* One without an amount column: the dialog names what is missing and shows no stale figures. */
  impact_import_dialog_load_mapping_json (dialog, "{\"format\": \"impact-dashboard-mapping\", \"version\": 1, "
                                                  "\"columns\": {\"Factuurdatum\": \"invoice-date\", "
                                                  "\"Leverancier\": \"supplier-name\"}}");
  wait_for_label (dialog_child (dialog, "accepted_value"), "—");
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (dialog_child (dialog, "notes_label"))), "amount"));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (dialog_child (dialog, "new_objects_value"))), ==, "—");
  g_assert_false (gtk_widget_get_sensitive (dialog_child (dialog, "import_button")));

  /* One that is not a mapping: the dialog says so and keeps the file. */
  impact_import_dialog_load_mapping_json (dialog, "{\"rows\": 1}");
  notes = dialog_child (dialog, "notes_label");
  while (strstr (gtk_label_get_text (GTK_LABEL (notes)), "not a column mapping") == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpstr (impact_import_dialog_get_state (dialog), ==, "preview");
  wait_for_label (dialog_child (dialog, "accepted_value"), "1");

  gtk_window_destroy (GTK_WINDOW (dialog));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* With IMPACT_SNAPSHOT_DIR set, writes a PNG of @window (or any widget) there, to look at
 * (not checked). */
static void
snapshot_window (GtkWidget *window,
                 const char *name)
{
  const char *dir = g_getenv ("IMPACT_SNAPSHOT_DIR");
  g_autoptr (GdkPaintable) paintable = NULL;
  g_autoptr (GtkSnapshot) snapshot = NULL;
  g_autoptr (GskRenderNode) node = NULL;
  g_autoptr (GdkTexture) texture = NULL;
  g_autofree char *path = NULL;
  int width, height;

  if (dir == NULL)
    return;
  for (int i = 0; i < 50; i++)
    g_main_context_iteration (NULL, FALSE);
  width = gtk_widget_get_width (window);
  height = gtk_widget_get_height (window);
  paintable = gtk_widget_paintable_new (window);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  if (node == NULL)
    return;
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (window)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  path = g_build_filename (dir, name, NULL);
  gdk_texture_save_to_png (texture, path);
}

static GtkWidget *
panel_child (GtkWidget *panel,
             const char *name)
{
  GtkWidget *child = impact_test_template_child (panel, name);

  g_assert_nonnull (child);
  return child;
}

/* Fills in a field of an open form dialog and chooses @response. */
static AdwMessageDialog *
open_form (GtkWidget *widget,
           const char *action)
{
  AdwMessageDialog *dialog;

  g_assert_true (gtk_widget_activate_action (widget, action, NULL));
  dialog = impact_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  return dialog;
}

static void
set_field (AdwMessageDialog *dialog,
           const char *key,
           const char *text)
{
  GtkWidget *field = g_object_get_data (G_OBJECT (adw_message_dialog_get_extra_child (dialog)), key);

  g_assert_nonnull (field);
  gtk_editable_set_text (GTK_EDITABLE (field), text);
}

/* The social return of the demo group as the query gives it; a contract at risk opened from
 * the table; its contract edited, a realisation added and removed; a division's PSO inputs
 * changed; the certificates ending soon listed. */
static void
test_social_panel (void)
{
  g_autofree char *path = g_build_filename (tmpdir, "social.sqlite", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (ImpactStore) store = NULL;
  g_autoptr (ImpactNode) group = NULL;
  g_autoptr (ImpactSroiOverview) expected = NULL;
  g_autoptr (GPtrArray) expiring = NULL;
  guint32 today = impact_day_today ();
  ImpactDashboardPage *page;
  GtkWidget *panel;
  ImpactWindow *window;
  g_autofree char *object_code = NULL;
  gint64 object_id = 0;

  store = impact_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (impact_demo_write (store, today - 20, NULL, NULL, NULL, &error));
  group = impact_query_find_node (store, NULL, &error);
  expected = impact_query_sroi (store, group, today, &error);
  expiring = impact_query_list_expiring (store, group, today, 0, 90, &error);
  g_assert_no_error (error);

  /* Tall enough to see the whole panel in a snapshot. */
  if (g_getenv ("IMPACT_SNAPSHOT_DIR") != NULL)
    g_settings_set_int (impact_application_get_settings (app), "window-height", 2600);
  window = open_window (path);
  impact_test_wait_for_page (window, "overview");
  page = IMPACT_DASHBOARD_PAGE (child (window, "dashboard_page"));
  impact_test_wait_for_dashboard (page);
  panel = page_child (GTK_WIDGET (page), "social_panel");

  /* The group: the sum over its contracts, every contract in the table, at-risk first. */
  {
    g_autofree char *realised = impact_format_money (expected->total.realised_purchases_cents
                                                     + expected->total.realised_manual_cents);
    g_autofree char *obligation = impact_format_money (expected->total.obligation_cents);
    const char *headline = gtk_label_get_text (GTK_LABEL (panel_child (panel, "sroi_headline")));
    g_autofree char *words = impact_chart_describe (impact_chart_view_get_chart (IMPACT_CHART_VIEW (panel_child (panel, "sroi_bullet"))));

    g_assert_nonnull (strstr (headline, realised));
    g_assert_nonnull (strstr (headline, obligation));
    g_assert_nonnull (strstr (headline, impact_sroi_status_to_string (expected->total.status)));
    g_assert_nonnull (strstr (words, "expected at the end"));
    g_assert_cmpuint (impact_social_panel_get_n_contracts (IMPACT_SOCIAL_PANEL (panel)), ==, expected->rows->len);
    g_assert_true (gtk_widget_get_visible (panel_child (panel, "objects_group")));
    g_assert_false (gtk_widget_get_visible (panel_child (panel, "contract_section")));
    /* Per division: the six divisions' sums, the first as the query gives it. */
    {
      g_autoptr (ImpactNode) first = impact_query_find_node (store, ((ImpactSroiRow *) g_ptr_array_index (expected->rows, 0))->division_code,
                                                             &error);
      g_autoptr (ImpactSroiOverview) division = impact_query_sroi (store, first, today, &error);
      g_autofree char *division_obligation = impact_format_money (division->total.obligation_cents);
      GtkWidget *row = gtk_widget_get_first_child (panel_child (panel, "divisions_list"));

      g_assert_cmpuint (count_rows (panel_child (panel, "divisions_list")), ==, 6);
      g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, first->name);
      g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), division_obligation));
    }
    g_assert_true (gtk_widget_get_visible (panel_child (panel, "pso_section")));
    g_assert_cmpuint (count_rows (panel_child (panel, "expiring_list")), ==, MAX (expiring->len, 1));
    snapshot_window (GTK_WIDGET (window), "group.png");
  }

  /* The opportunities: the group's largest non-social suppliers of the year shown (the
   * year of the demo's last day), largest first. */
  {
    GDate last;
    g_autofree char *year = NULL;
    g_autoptr (ImpactFigures) shown = NULL;
    GtkWidget *list = panel_child (panel, "opportunities_list");
    GtkWidget *first = gtk_widget_get_first_child (list);

    g_date_clear (&last, 1);
    g_date_set_julian (&last, today - 20);
    year = g_strdup_printf ("%d", g_date_get_year (&last));
    shown = expected_figures (path, NULL, year);
    g_assert_true (ADW_IS_EXPANDER_ROW (first));
    g_assert_cmpuint (count_rows (list), ==, shown->top_non_social->len);
    g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (first)), ==,
                     ((const ImpactSupplierFigures *) g_ptr_array_index (shown->top_non_social, 0))->name);
  }

  /* The banner tells of certificates ending within 30 days or ended in the last 30. */
  {
    g_autoptr (GPtrArray) warning = impact_query_list_expiring (store, NULL, today, 30, 30, &error);
    GtkRevealer *banner = GTK_REVEALER (page_child (GTK_WIDGET (page), "expiry_banner"));

    g_assert_no_error (error);
    g_assert_cmpuint (warning->len, >, 0);
    g_assert_true (gtk_revealer_get_reveal_child (banner));
    g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (page_child (GTK_WIDGET (page), "expiry_banner_label"))),
                              "no longer count as social"));
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "dashboard.dismiss-expiry", NULL));
    g_assert_false (gtk_revealer_get_reveal_child (banner));
  }

  /* A horizon of 30 days from the preferences: fewer certificates listed and counted. */
  {
    g_autoptr (GPtrArray) within_30 = impact_query_list_expiring (store, group, today, 0, 30, &error);
    g_autofree char *count = impact_format_count (within_30->len);

    g_object_set (page, "expiry-horizon", 30u, NULL);
    impact_test_wait_for_dashboard (page);
    g_assert_cmpuint (count_rows (panel_child (panel, "expiring_list")), ==, MAX (within_30->len, 1));
    g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (page_child (GTK_WIDGET (page), "suppliers_detail"))),
                              "within 30 days"));
    g_assert_true (g_str_has_prefix (gtk_label_get_text (GTK_LABEL (page_child (GTK_WIDGET (page), "suppliers_detail"))),
                                     count));
    /* Still dismissed after the reload. */
    g_assert_false (gtk_revealer_get_reveal_child (GTK_REVEALER (page_child (GTK_WIDGET (page), "expiry_banner"))));
    g_object_set (page, "expiry-horizon", 90u, NULL);
    impact_test_wait_for_dashboard (page);
  }

  /* What If…: moving all of the group's largest non-social supplier to an average PSO 30+
   * supplier makes that spend social; the dialog shows the query's figures. */
  {
    ImpactWhatIfDialog *dialog;
    const ImpactWhatIf *shown;
    GtkWidget *share_row;
    g_autofree char *after = NULL;

    g_assert_true (gtk_widget_activate_action (panel, "panel.what-if", NULL));
    dialog = impact_test_find_toplevel (IMPACT_TYPE_WHAT_IF_DIALOG);
    g_assert_nonnull (dialog);
    /* The first figures come from a worker thread. */
    share_row = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (dialog), IMPACT_TYPE_WHAT_IF_DIALOG, "share_row"));
    {
      gboolean timed_out = FALSE;
      guint id = g_timeout_add_seconds (30, impact_test_on_timeout, &timed_out);

      while (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (share_row)), "→") == NULL && !timed_out)
        g_main_context_iteration (NULL, TRUE);
      if (!timed_out)
        g_source_remove (id);
      g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (share_row)), "→"));
    }
    gtk_range_set_value (GTK_RANGE (gtk_widget_get_template_child (GTK_WIDGET (dialog), IMPACT_TYPE_WHAT_IF_DIALOG,
                                                                   "share_scale")),
                         100);
    shown = impact_what_if_dialog_update (dialog);
    g_assert_nonnull (shown);
    g_assert_cmpint (shown->moved_cents, >, 0);
    g_assert_cmpint (shown->to_class, ==, IMPACT_SOCIAL_CLASS_PSO_30PLUS);
    g_assert_cmpint (shown->after.social_cents, ==, shown->before.social_cents + shown->moved_cents);
    g_assert_true (shown->has_pso);
    g_assert_cmpfloat (shown->pso_after.indirect_fte, >, shown->pso_before.indirect_fte);
    after = g_strdup_printf ("→ %.1f%%", impact_spend_get_share (&shown->after));
    g_assert_true (g_str_has_suffix (adw_action_row_get_subtitle (ADW_ACTION_ROW (share_row)), after));
    snapshot_window (GTK_WIDGET (dialog), "what-if.png");
    gtk_window_destroy (GTK_WINDOW (dialog));
  }

  /* The contracts table as CSV: a header and a line per contract. */
  {
    g_autofree char *csv = g_build_filename (tmpdir, "contracts.csv", NULL);
    g_autofree char *contents = NULL;
    g_auto (GStrv) lines = NULL;

    g_assert_true (impact_social_panel_save_table (IMPACT_SOCIAL_PANEL (panel), "contracts", "csv", csv, &error));
    g_assert_true (g_file_get_contents (csv, &contents, NULL, &error));
    lines = g_strsplit (contents, "\r\n", -1);
    g_assert_cmpuint (g_strv_length (lines), ==, expected->rows->len + 2);
    g_assert_false (impact_social_panel_save_table (IMPACT_SOCIAL_PANEL (panel), "nonsense", "csv", csv, &error));
    g_clear_error (&error);
  }

  /* Sorted by status, the first contract is at risk; a click opens it. */
  for (guint i = 0; i < expected->rows->len; i++)
    {
      const ImpactSroiRow *row = g_ptr_array_index (expected->rows, i);

      if (row->result.status == IMPACT_SROI_STATUS_AT_RISK && object_id == 0)
        object_id = row->object->id;
    }
  g_assert_cmpint (object_id, !=, 0);
  g_assert_true (impact_social_panel_activate_contract (IMPACT_SOCIAL_PANEL (panel), 0));
  impact_test_wait_for_dashboard (page);
  object_code = g_strdup (impact_dashboard_page_get_node_code (page));
  {
    g_autoptr (ImpactNode) object = impact_query_find_node (store, object_code, &error);
    g_autoptr (ImpactSroiOverview) one = impact_query_sroi (store, object, today, &error);

    g_assert_no_error (error);
    g_assert_cmpint (object->level, ==, IMPACT_NODE_OBJECT);
    g_assert_cmpint (((ImpactSroiRow *) g_ptr_array_index (one->rows, 0))->result.status, ==, IMPACT_SROI_STATUS_AT_RISK);
    g_assert_true (gtk_widget_get_visible (panel_child (panel, "contract_section")));
    g_assert_true (gtk_widget_get_visible (panel_child (panel, "contract_section")));
    g_assert_false (gtk_widget_get_visible (panel_child (panel, "objects_group")));
    g_assert_false (gtk_widget_get_visible (panel_child (panel, "pso_section")));
    /* Why: the purchases in its term, per class with the factor they count at. */
    {
      const ImpactSroiRow *row = g_ptr_array_index (one->rows, 0);
      gint64 total = 0;
      g_autofree char *money = NULL;
      g_autofree char *in_all = NULL;

      for (guint k = 0; k < IMPACT_N_SOCIAL_CLASSES; k++)
        total += row->by_class[k];
      money = impact_format_money (total);
      in_all = g_strdup_printf ("%s in all", money);
      g_assert_true (g_str_has_prefix (adw_action_row_get_subtitle (ADW_ACTION_ROW (panel_child (panel, "purchases_row"))),
                                       in_all));
    }
    object_id = object->id;
  }

  snapshot_window (GTK_WIDGET (window), "contract.png");

  /* A contract value that is not an amount: said so, nothing saved. */
  {
    AdwMessageDialog *dialog = open_form (panel, "panel.edit-contract");
    AdwMessageDialog *failure;
    ImpactSroiObligation before, after;

    g_assert_true (impact_store_get_sroi_obligation (store, object_id, &before, &error));
    set_field (dialog, "value", "a lot");
    adw_message_dialog_response (dialog, "save");
    failure = impact_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
    g_assert_nonnull (failure);
    g_assert_nonnull (strstr (adw_message_dialog_get_body (failure), "contract value is not an amount"));
    adw_message_dialog_response (failure, "close");
    g_assert_true (impact_store_get_sroi_obligation (store, object_id, &after, &error));
    g_assert_cmpint (after.kind, ==, before.kind);
    g_assert_cmpfloat (after.percent, ==, before.percent);
    impact_sroi_obligation_clear (&before);
    impact_sroi_obligation_clear (&after);
  }

  /* A fixed obligation of EUR 1,234.56 instead. */
  {
    AdwMessageDialog *dialog = open_form (panel, "panel.edit-contract");
    ImpactSroiObligation obligation;
    GtkWidget *grid = adw_message_dialog_get_extra_child (dialog);

    gtk_drop_down_set_selected (GTK_DROP_DOWN (g_object_get_data (G_OBJECT (grid), "kind")), IMPACT_SROI_FIXED);
    g_assert_false (gtk_widget_get_sensitive (g_object_get_data (G_OBJECT (grid), "percent")));
    set_field (dialog, "fixed", "1234.56");
    set_field (dialog, "client", "Gemeente Testdorp");
    adw_message_dialog_response (dialog, "save");
    impact_test_wait_for_dashboard (page);
    g_assert_true (impact_store_get_sroi_obligation (store, object_id, &obligation, &error));
    g_assert_cmpint (obligation.kind, ==, IMPACT_SROI_FIXED);
    g_assert_cmpint (obligation.fixed_cents, ==, 123456);
    impact_sroi_obligation_clear (&obligation);
    g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (panel_child (panel, "sroi_headline"))), "of EUR 1234.56"));
    g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (panel_child (panel, "client_row"))), ==,
                     "Gemeente Testdorp");
  }

  /* A realisation by hand, then removed again. */
  {
    g_autoptr (GPtrArray) before = impact_store_list_sroi_entries (store, object_id, &error);
    g_autoptr (GPtrArray) added = NULL;
    g_autoptr (GPtrArray) removed = NULL;
    AdwMessageDialog *dialog = open_form (panel_child (panel, "entries_list"), "contract.add-entry");
    GtkWidget *row, *button = NULL;

    set_field (dialog, "description", "Leerwerkplek BBL");
    set_field (dialog, "day", "2025-06-30");
    set_field (dialog, "amount", "2500");
    adw_message_dialog_response (dialog, "add");
    impact_test_wait_for_dashboard (page);
    added = impact_store_list_sroi_entries (store, object_id, &error);
    g_assert_cmpuint (added->len, ==, before->len + 1);
    g_assert_cmpuint (count_rows (panel_child (panel, "entries_list")), ==, added->len);

    /* The remove button of the first row (the oldest entry). */
    row = gtk_widget_get_first_child (panel_child (panel, "entries_list"));
    for (GtkWidget *w = row; w != NULL && button == NULL;)
      {
        if (GTK_IS_BUTTON (w) && gtk_widget_has_css_class (w, "flat"))
          button = w;
        else if (gtk_widget_get_first_child (w) != NULL)
          w = gtk_widget_get_first_child (w);
        else
          {
            while (w != NULL && gtk_widget_get_next_sibling (w) == NULL && w != row)
              w = gtk_widget_get_parent (w);
            w = w != NULL && w != row ? gtk_widget_get_next_sibling (w) : NULL;
          }
      }
    g_assert_nonnull (button);
    g_signal_emit_by_name (button, "clicked");
    impact_test_wait_for_dashboard (page);
    removed = impact_store_list_sroi_entries (store, object_id, &error);
    g_assert_cmpuint (removed->len, ==, before->len);
  }

  /* Up to the division: its PSO inputs. */
  g_assert_true (impact_dashboard_page_go_back (page));
  impact_test_wait_for_dashboard (page);
  {
    g_autoptr (ImpactNode) division = impact_query_find_node (store, impact_dashboard_page_get_node_code (page), &error);
    AdwMessageDialog *dialog;
    double fte, direct;

    g_assert_true (gtk_widget_get_visible (panel_child (panel, "pso_section")));
    dialog = open_form (panel_child (panel, "pso_formula"), "pso.edit-fte");
    set_field (dialog, "fte", "500");
    set_field (dialog, "direct", "2.5");
    adw_message_dialog_response (dialog, "save");
    impact_test_wait_for_dashboard (page);
    g_assert_true (impact_store_get_pso_organisation (store, division->id, &fte, &direct, &error));
    g_assert_cmpfloat (fte, ==, 500);
    g_assert_cmpfloat_with_epsilon (direct, 0.025, 1e-12);
    g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (panel_child (panel, "pso_organisation_row"))),
                              "500 FTE, 2.50% direct"));
  }

  /* A new rule set from the preferences: social enterprises at 50%, from 2024. */
  {
    ImpactPreferencesWindow *prefs = impact_preferences_window_new (impact_application_get_settings (app));
    AdwMessageDialog *dialog;
    GtkWidget *grid;
    GtkDropDown *set;
    ImpactSroiRules found;

    impact_preferences_window_set_store (prefs, store);
    dialog = open_form (GTK_WIDGET (prefs), "prefs.edit-rule-sets");
    grid = adw_message_dialog_get_extra_child (dialog);
    set = g_object_get_data (G_OBJECT (grid), "set");
    /* The last choice is a new rule set; the demo has two. */
    g_assert_cmpuint (g_list_model_get_n_items (gtk_drop_down_get_model (set)), ==, 3);
    gtk_drop_down_set_selected (set, 2);
    set_field (dialog, "name", "Regio Zuid");
    set_field (dialog, "from", "2024-01-01");
    for (guint k = 0; k < 8; k++)
      {
        g_autofree char *key = g_strdup_printf ("factor-%u", k);

        set_field (dialog, key, k == 2 ? "50" : k < 2 ? "100"
                                                      : "0");
      }
    adw_message_dialog_response (dialog, "save");
    g_assert_true (impact_store_find_rule_set (store, "Regio Zuid", impact_day_from_iso ("2025-01-01"), &found, &error));
    g_assert_cmpint (found.id, >, 0);
    g_assert_cmpfloat (found.factors[IMPACT_SOCIAL_CLASS_SOCIAL_ENTERPRISE], ==, 0.5);
    g_assert_cmpfloat (found.factors[IMPACT_SOCIAL_CLASS_SW], ==, 1.0);
    g_assert_cmpfloat (found.factors[IMPACT_SOCIAL_CLASS_PSO_3], ==, 0);
    impact_sroi_rules_clear (&found);
    gtk_window_destroy (GTK_WINDOW (prefs));
  }

  gtk_window_destroy (GTK_WINDOW (window));
}

/* A supplier's engagement: a status chosen and a target date applied are saved and dated in
 * its history; the filter shows the suppliers at that step; a letter is written with its
 * spend and saved as a PDF, which goes into the history; a changed template is kept. */
static void
test_engagement_and_letter (void)
{
  g_autofree char *path = g_build_filename (tmpdir, "engagement.sqlite", NULL);
  g_autofree char *pdf = g_build_filename (tmpdir, "letter.pdf", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (ImpactStore) store = NULL;
  g_autoptr (ImpactFigures) figures = NULL;
  g_autoptr (ImpactSupplier) supplier = NULL;
  ImpactSuppliersWindow *suppliers;
  ImpactLetterDialog *letter;
  ImpactDashboardPage *page;
  ImpactWindow *window;
  GtkWidget *panel;
  const char *name;
  ImpactEngagement engagement;
  int this_year;

  store = impact_store_open (path, &error);
  g_assert_true (impact_demo_write (store, impact_day_today () - 10, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  {
    g_autoptr (GDateTime) now = g_date_time_new_now_local ();

    this_year = g_date_time_get_year (now);
  }
  {
    g_autofree char *year = g_strdup_printf ("%d", this_year);

    figures = expected_figures (path, NULL, year);
  }
  name = ((const ImpactSupplierFigures *) g_ptr_array_index (figures->top_non_social, 0))->name;
  supplier = impact_store_find_supplier (store, NULL, NULL, NULL, name, &error);

  window = open_window (path);
  impact_test_wait_for_page (window, "overview");
  page = IMPACT_DASHBOARD_PAGE (child (window, "dashboard_page"));
  impact_test_wait_for_dashboard (page);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "dashboard.show-suppliers", NULL));
  suppliers = impact_test_find_toplevel (IMPACT_TYPE_SUPPLIERS_WINDOW);
  g_assert_true (impact_suppliers_window_select (suppliers, name));
  panel = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (suppliers), IMPACT_TYPE_SUPPLIERS_WINDOW, "engagement_panel"));
  g_assert_true (gtk_widget_get_visible (panel));

  /* Asked, by the end of next year. */
  {
    GtkWidget *target = GTK_WIDGET (gtk_widget_get_template_child (panel, IMPACT_TYPE_ENGAGEMENT_PANEL, "target_row"));
    g_autoptr (GPtrArray) history = NULL;
    g_autofree char *next_year = g_strdup_printf ("%d-12-31", this_year + 1);

    adw_combo_row_set_selected (ADW_COMBO_ROW (gtk_widget_get_template_child (panel, IMPACT_TYPE_ENGAGEMENT_PANEL, "status_row")),
                                IMPACT_ENGAGEMENT_ASKED);
    panel = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (suppliers), IMPACT_TYPE_SUPPLIERS_WINDOW, "engagement_panel"));
    target = GTK_WIDGET (gtk_widget_get_template_child (panel, IMPACT_TYPE_ENGAGEMENT_PANEL, "target_row"));
    gtk_editable_set_text (GTK_EDITABLE (target), next_year);
    g_signal_emit_by_name (target, "apply");

    g_assert_true (impact_store_get_engagement (store, supplier->id, &engagement, &error));
    g_assert_cmpint (engagement.status, ==, IMPACT_ENGAGEMENT_ASKED);
    g_assert_cmpuint (engagement.target_day, ==, impact_day_from_iso (next_year));
    impact_engagement_clear (&engagement);
    history = impact_store_list_engagement_history (store, supplier->id, &error);
    g_assert_cmpuint (history->len, ==, 1);
  }

  snapshot_window (GTK_WIDGET (suppliers), "suppliers.png");

  /* The filter: only the suppliers that were asked. */
  gtk_editable_set_text (GTK_EDITABLE (gtk_widget_get_template_child (GTK_WIDGET (suppliers), IMPACT_TYPE_SUPPLIERS_WINDOW,
                                                                      "search_entry")),
                         "");
  gtk_drop_down_set_selected (GTK_DROP_DOWN (gtk_widget_get_template_child (GTK_WIDGET (suppliers), IMPACT_TYPE_SUPPLIERS_WINDOW,
                                                                            "engagement_filter")),
                              1 + IMPACT_ENGAGEMENT_ASKED);
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (impact_suppliers_window_get_n_shown (suppliers), ==, 1);
  g_assert_cmpstr (impact_suppliers_window_get_name_at (suppliers, 0), ==, name);

  /* The letter that comes next after asking: a proposed path, with the supplier's name
   * and its spend of the last 12 months at the division that buys most there. */
  g_assert_true (impact_store_get_engagement (store, supplier->id, &engagement, &error));
  letter = impact_letter_dialog_new (GTK_WINDOW (suppliers), store, supplier->id, name, &engagement);
  impact_engagement_clear (&engagement);
  {
    AdwComboRow *language = ADW_COMBO_ROW (gtk_widget_get_template_child (GTK_WIDGET (letter), IMPACT_TYPE_LETTER_DIALOG,
                                                                          "language_row"));
    g_autofree char *text = NULL;
    g_autofree char *dutch = NULL;

    adw_combo_row_set_selected (language, 1);
    text = impact_letter_dialog_get_text (letter);

    g_assert_nonnull (strstr (text, name));
    g_assert_nonnull (strstr (text, "Subject: a proposed path to PSO certification"));
    g_assert_nonnull (strstr (text, "level 1"));
    adw_combo_row_set_selected (language, 0);
    dutch = impact_letter_dialog_get_text (letter);
    g_assert_nonnull (strstr (dutch, "Betreft: voorstel voor een traject"));
    g_assert_nonnull (strstr (dutch, "€\u00a0"));
  }
  gtk_window_present (GTK_WINDOW (letter));
  snapshot_window (GTK_WIDGET (letter), "letter.png");
  g_assert_true (impact_letter_dialog_save_pdf (letter, pdf, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (pdf, G_FILE_TEST_IS_REGULAR));
  {
    g_autoptr (GPtrArray) history = impact_store_list_engagement_history (store, supplier->id, &error);

    g_assert_cmpuint (history->len, ==, 2);
    g_assert_cmpstr (((ImpactEngagementEvent *) g_ptr_array_index (history, 0))->note, ==,
                     "Letter: Agree a path to certification");
  }

  /* Edit Template: the Dutch template is shown, changed and kept; the letter follows it. */
  {
    GtkToggleButton *toggle = GTK_TOGGLE_BUTTON (gtk_widget_get_template_child (GTK_WIDGET (letter), IMPACT_TYPE_LETTER_DIALOG,
                                                                                "template_toggle"));
    GtkTextView *view = GTK_TEXT_VIEW (gtk_widget_get_template_child (GTK_WIDGET (letter), IMPACT_TYPE_LETTER_DIALOG,
                                                                      "text_view"));
    g_autofree char *shown = NULL;
    g_autofree char *kept = NULL;
    g_autofree char *written = NULL;

    gtk_toggle_button_set_active (toggle, TRUE);
    shown = impact_letter_dialog_get_text (letter);
    g_assert_nonnull (strstr (shown, "{supplier}"));
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (view), "Beste {contact}, u leverde voor {spend}.", -1);
    gtk_toggle_button_set_active (toggle, FALSE);
    kept = impact_store_get_letter_template (store, IMPACT_LETTER_AGREE_PATH, "nl", &error);
    g_assert_cmpstr (kept, ==, "Beste {contact}, u leverde voor {spend}.");
    written = impact_letter_dialog_get_text (letter);
    g_assert_true (g_str_has_prefix (written, "Beste heer, mevrouw, u leverde voor €\u00a0"));
  }

  gtk_window_destroy (GTK_WINDOW (letter));
  gtk_window_destroy (GTK_WINDOW (suppliers));
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
on_async_done_cb (GObject *object,
                  GAsyncResult *result,
                  gpointer user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static void
on_report_saved_cb (GObject *object,
                    GAsyncResult *result,
                    gpointer user_data)
{
  guint *pages = user_data;
  g_autoptr (GError) error = NULL;

  *pages = impact_dashboard_page_save_report_finish (IMPACT_DASHBOARD_PAGE (object), result, &error);
  g_assert_no_error (error);
}

/* Save Report writes the dashboard's node and period as a PDF of as many pages as a report
 * laid out for printing has; printing to a PDF file draws the same pages. */
static void
test_report (void)
{
  g_autofree char *path = g_build_filename (tmpdir, "report.sqlite", NULL);
  g_autofree char *pdf = g_build_filename (tmpdir, "report.pdf", NULL);
  g_autofree char *printed = g_build_filename (tmpdir, "printed.pdf", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (ImpactReport) layout = NULL;
  g_autoptr (GtkPrintOperation) operation = NULL;
  ImpactDashboardPage *page;
  ImpactWindow *window;
  guint pages = 0;

  {
    g_autoptr (ImpactStore) store = impact_store_open (path, &error);

    g_assert_true (impact_demo_write (store, impact_day_from_iso ("2025-12-31"), NULL, NULL, NULL, &error));
  }
  window = open_window (path);
  impact_test_wait_for_page (window, "overview");
  page = IMPACT_DASHBOARD_PAGE (child (window, "dashboard_page"));
  impact_test_wait_for_dashboard (page);
  g_assert_true (impact_dashboard_page_jump (page, "cater"));
  impact_test_wait_for_dashboard (page);

  impact_dashboard_page_save_report_async (page, pdf, on_report_saved_cb, &pages);
  while (pages == 0)
    g_main_context_iteration (NULL, TRUE);
  layout = impact_dashboard_page_make_report (page, IMPACT_REPORT_A4_WIDTH, IMPACT_REPORT_A4_HEIGHT, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (pages, ==, impact_report_get_n_pages (layout));
  g_assert_cmpuint (pages, >=, 4);
  g_assert_true (g_file_test (pdf, G_FILE_TEST_IS_REGULAR));
  {
    g_autofree char *name = impact_dashboard_page_get_report_name (page);

    g_assert_cmpstr (name, ==, "Report Catering 2025.pdf");
  }

  /* A chart as a PNG of the size and scale asked for, and a chart's table as CSV and XLSX. */
  {
    g_autofree char *png = g_build_filename (tmpdir, "trend.png", NULL);
    g_autofree char *csv = g_build_filename (tmpdir, "children.csv", NULL);
    g_autofree char *xlsx = g_build_filename (tmpdir, "classes.xlsx", NULL);
    g_autofree char *contents = NULL;
    g_autoptr (ImpactReader) reader = NULL;
    g_autoptr (ImpactRow) row = impact_row_new ();
    cairo_surface_t *image;

    g_assert_true (impact_dashboard_page_save_chart (page, "trend", "png", png, 600, 400, 2, &error));
    image = cairo_image_surface_create_from_png (png);
    g_assert_cmpint (cairo_image_surface_get_width (image), ==, 1200);
    g_assert_cmpint (cairo_image_surface_get_height (image), ==, 800);
    cairo_surface_destroy (image);
    g_assert_true (impact_dashboard_page_save_chart (page, "children", "csv", csv, 0, 0, 0, &error));
    g_assert_true (g_file_get_contents (csv, &contents, NULL, &error));
    {
      g_autoptr (ImpactFigures) catering = expected_figures (path, "CATER", "2025");
      const ImpactChildFigures *first = g_ptr_array_index (catering->by_child, 0);
      g_auto (GStrv) lines = g_strsplit (contents, "\r\n", -1);

      /* A header, a line per object, and nothing after the last line break. */
      g_assert_cmpuint (g_strv_length (lines), ==, catering->by_child->len + 2);
      g_assert_true (g_str_has_prefix (lines[1], first->name));
    }
    g_assert_true (impact_dashboard_page_save_chart (page, "classes", "xlsx", xlsx, 0, 0, 0, &error));
    reader = impact_reader_new_for_file (xlsx, &error);
    g_assert_no_error (error);
    g_assert_true (impact_reader_read_row (reader, row, &error));
    g_assert_cmpstr (impact_row_get_cell (row, 1)->text, ==, "Spend");
    g_assert_false (impact_dashboard_page_save_chart (page, "nonsense", "png", png, 0, 0, 0, &error));
    g_clear_error (&error);
  }

  operation = impact_window_new_print_operation (window);
  gtk_print_operation_set_export_filename (operation, printed);
  g_assert_cmpint (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT, GTK_WINDOW (window), &error), ==,
                   GTK_PRINT_OPERATION_RESULT_APPLY);
  g_assert_no_error (error);
  g_assert_true (g_file_test (printed, G_FILE_TEST_IS_REGULAR));
  {
    g_autofree char *pdfinfo = g_find_program_in_path ("pdfinfo");

    if (pdfinfo != NULL)
      {
        const char *argv[] = { pdfinfo, printed, NULL };
        g_autofree char *info = NULL;
        g_autofree char *expected = g_strdup_printf ("Pages:           %u\n", pages);

        g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &info, NULL, NULL, &error));
        g_assert_nonnull (strstr (info, expected));
      }
  }

  /* The dataset as JSON, on a worker thread. */
  {
    g_autofree char *json_path = g_build_filename (tmpdir, "dataset.json", NULL);
    g_autoptr (GAsyncResult) exported = NULL;
    g_autoptr (JsonParser) parser = json_parser_new ();
    g_autoptr (GError) json_error = NULL;
    JsonObject *root;

    impact_window_export_dataset (window, json_path, on_async_done_cb, &exported);
    while (exported == NULL)
      g_main_context_iteration (NULL, TRUE);
    g_assert_cmpint (g_task_propagate_int (G_TASK (exported), &json_error), ==, 300000);
    g_assert_no_error (json_error);
    g_assert_true (json_parser_load_from_file (parser, json_path, &json_error));
    root = json_node_get_object (json_parser_get_root (parser));
    g_assert_cmpstr (json_object_get_string_member (root, "format"), ==, "impact-dashboard");
    g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "purchase_lines")), ==, 300000);
    g_assert_cmpuint (json_array_get_length (json_object_get_array_member (json_object_get_object_member (root, "settings"),
                                                                           "sroi_obligations")),
                      >, 100);
  }

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int argc,
      char *argv[])
{
  int status;

  tmpdir = impact_test_make_tmpdir ();
  /* The demo database goes under the user data folder: keep it in the test's folder. */
  g_setenv ("XDG_DATA_HOME", tmpdir, TRUE);
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  g_setenv ("LANGUAGE", "en", TRUE);

  app = impact_test_gui_init (&argc, &argv);
  if (app == NULL)
    {
      impact_test_remove_tree (tmpdir);
      return 77;
    }

  g_test_add_func ("/window/empty-database", test_empty_database);
  g_test_add_func ("/window/not-a-database", test_not_a_database);
  g_test_add_func ("/window/existing-data", test_existing_data);
  g_test_add_func ("/window/explore-and-leave-demo", test_explore_and_leave_demo);
  g_test_add_func ("/window/cancel-demo", test_cancel_demo);
  g_test_add_func ("/window/preferences", test_preferences);
  g_test_add_func ("/window/connect-dialog", test_connect_dialog);
  g_test_add_func ("/window/access-page", test_access_page);
  g_test_add_func ("/window/publish", test_publish);
  g_test_add_func ("/window/follows-changes", test_follows_changes);
  g_test_add_func ("/window/size-remembered", test_window_size_remembered);
  g_test_add_func ("/window/import-dialog", test_import_dialog);
  g_test_add_func ("/window/import-dialog-bad-file", test_import_dialog_bad_file);
  g_test_add_func ("/window/import-dialog-uncertain", test_import_dialog_uncertain);
  g_test_add_func ("/window/import-dialog-register", test_import_dialog_register);
  g_test_add_func ("/window/import-dialog-mapping", test_import_dialog_mapping);
  g_test_add_func ("/window/dashboard", test_dashboard);
  g_test_add_func ("/window/suppliers", test_suppliers_window);
  g_test_add_func ("/window/social-panel", test_social_panel);
  g_test_add_func ("/window/engagement-and-letter", test_engagement_and_letter);
  g_test_add_func ("/window/report", test_report);

  status = g_test_run ();

  g_clear_object (&app);
  impact_test_remove_tree (tmpdir);
  g_free (tmpdir);

  return status;
}
