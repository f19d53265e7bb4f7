/* impact-test-gui.c: what the GUI tests share
 *
 * Starting GTK and the application the way every GUI test does, running the main loop until
 * something happened, and finding widgets inside templates and windows.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <locale.h>
#include <stdio.h>
#include <unistd.h>

#include "impact-test-gui.h"
#include "import/impact-importer.h"
#include "storage/impact-db.h"

/* GTK, libadwaita and the application (not unique, with no desktop notifications: no
 * notification server runs under the tests, GLib would warn, and warnings are fatal), with
 * the build tree's translations for $LANGUAGE; NULL when there is no display, after printing
 * the TAP line that skips the whole program (its exit code is then 77). */
ImpactApplication *
impact_test_gui_init (int *argc,
                      char ***argv)
{
  ImpactApplication *app;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("IMPACT_DASHBOARD_LOCALEDIR"));
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_test_init (argc, argv, NULL);
  if (!gtk_init_check ())
    {
      printf ("1..0 # SKIP no display: run the GUI tests under xvfb-run\n");
      return NULL;
    }
  adw_init ();

  app = impact_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, NULL));
  g_settings_set_boolean (impact_application_get_settings (app), "notify-expiry", FALSE);

  return app;
}

/* A GSourceFunc that sets the gboolean @timed_out. */
gboolean
impact_test_on_timeout (gpointer timed_out)
{
  *(gboolean *) timed_out = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main loop until @done says so, or fails after 30 seconds. */
void
impact_test_run_until (gboolean (*done) (gpointer data),
                       gpointer data)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add_seconds (30, impact_test_on_timeout, &timed_out);

  while (!done (data) && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (!timed_out)
    g_source_remove (id);
  g_assert_false (timed_out);
}

static gboolean
page_is (gpointer data)
{
  ImpactWindow *window = data;

  return g_strcmp0 (impact_window_get_page_name (window), g_object_get_data (G_OBJECT (window), "wanted-page")) == 0;
}

/* Runs the main loop until @window shows @page, or fails after 30 seconds. */
void
impact_test_wait_for_page (ImpactWindow *window,
                           const char *page)
{
  g_object_set_data (G_OBJECT (window), "wanted-page", (gpointer) page);
  impact_test_run_until (page_is, window);
}

static gboolean
dashboard_loaded (gpointer data)
{
  return !impact_dashboard_page_is_loading (data);
}

/* Runs the main loop until @page has read its figures, or fails after 30 seconds. */
void
impact_test_wait_for_dashboard (ImpactDashboardPage *page)
{
  impact_test_run_until (dashboard_loaded, page);
}

/* The child @name of the template of @root or of a widget inside it, the first one found. */
GtkWidget *
impact_test_template_child (GtkWidget *root,
                            const char *name)
{
  GObject *found = gtk_widget_get_template_child (root, G_OBJECT_TYPE (root), name);

  for (GtkWidget *c = gtk_widget_get_first_child (root); found == NULL && c != NULL; c = gtk_widget_get_next_sibling (c))
    found = (GObject *) impact_test_template_child (c, name);
  return found != NULL ? GTK_WIDGET (found) : NULL;
}

/* The newest open window of @type, or NULL. */
gpointer
impact_test_find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  gpointer found = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr (GObject) toplevel = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (toplevel, type))
        found = toplevel;
    }
  return found;
}

/* A shared database on the test's server (tests/with-postgresql.sh), in a schema of its own,
 * opened as its administrator, with the divisions SCH (Schoonmaak) and CAT (Catering);
 * @manager is set to a login role that has no access yet, @manager_location to the address
 * it opens the database with. NULL, and the test skipped, without a server. */
ImpactStore *
impact_test_shared_store_new (const char *dir,
                              char **manager,
                              char **manager_location)
{
  static guint n;
  const char *server = g_getenv ("IMPACT_TEST_POSTGRESQL");
  g_autoptr (GError) error = NULL;
  g_autoptr (ImpactDb) super = NULL;
  g_autoptr (ImpactImportSummary) summary = NULL;
  g_autofree char *admin = NULL;
  g_autofree char *schema = NULL;
  g_autofree char *setup = NULL;
  g_autofree char *location = NULL;
  g_autofree char *path = g_build_filename (dir, "organisatie.csv", NULL);
  ImpactImportOptions options = { .target = IMPACT_IMPORT_ORGANISATION };
  ImpactStore *store;
  guint id = ++n;

  if (server == NULL)
    {
      g_test_skip ("needs a PostgreSQL server: run under tests/with-postgresql.sh");
      return NULL;
    }

  /* The server's administrator: login roles, and a schema the group's administrator owns.
   * The names are the test's own, not data. */
  admin = g_strdup_printf ("admin_%d_%u", (int) getpid (), id);
  schema = g_strdup_printf ("gui_%d_%u", (int) getpid (), id);
  *manager = g_strdup_printf ("anna_%d_%u", (int) getpid (), id);
  super = impact_db_open (server, &error);
  g_assert_no_error (error);
  setup = g_strdup_printf ("CREATE ROLE %s LOGIN; CREATE ROLE %s LOGIN; CREATE SCHEMA %s AUTHORIZATION %s", admin,
                           *manager, schema, admin);
  g_assert_true (impact_db_exec (super, setup, &error));
  g_assert_no_error (error);

  location = g_strdup_printf ("%s user=%s options='-csearch_path=%s'", server, admin, schema);
  *manager_location = g_strdup_printf ("%s user=%s options='-csearch_path=%s'", server, *manager, schema);
  store = impact_store_open (location, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (path,
                                      "Divisiecode;Divisie;Objectcode;Object\n"
                                      "SCH;Schoonmaak;SCH-1;Stadhuis\n"
                                      "CAT;Catering;CAT-1;Ziekenhuis\n",
                                      -1, NULL));
  summary = impact_import_file (store, path, &options, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (summary);

  return store;
}
