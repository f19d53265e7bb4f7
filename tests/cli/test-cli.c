/* test-cli.c: the command-line mode, run as a person would run it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gio/gio.h>
#include <json-glib/json-glib.h>
#include <locale.h>
#include <unistd.h>

#include "impact-test-store.h"
#include "impact-test-utils.h"
#include "import/impact-reader-open.h"
#include "storage/impact-store-sroi.h"

typedef struct
{
  int status;
  char *out;
  char *err;
} Run;

static void
run_clear (Run *run)
{
  g_free (run->out);
  g_free (run->err);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

/* Runs the application binary with the arguments, in the given language (NULL: English). */
static void
run_app (Run *run,
         const char *language,
         const char *const *args)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE
                                                                        | G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_autoptr (GSubprocess) process = NULL;
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();

  g_ptr_array_add (argv, (char *) g_getenv ("IMPACT_DASHBOARD_BINARY"));
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);

  g_subprocess_launcher_unsetenv (launcher, "DISPLAY");
  g_subprocess_launcher_unsetenv (launcher, "WAYLAND_DISPLAY");
  g_subprocess_launcher_unsetenv (launcher, "LC_ALL");
  g_subprocess_launcher_setenv (launcher, "LANGUAGE", language != NULL ? language : "en", TRUE);
  g_subprocess_launcher_setenv (launcher, "LANG", language != NULL ? "nl_NL.UTF-8" : "C.UTF-8", TRUE);

  process = g_subprocess_launcher_spawnv (launcher, (const char *const *) argv->pdata, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, &run->out, &run->err, &error);
  g_assert_no_error (error);
  run->status = g_subprocess_get_exit_status (process);
}

static void
test_version (void)
{
  g_auto (Run) run = { 0 };

  run_app (&run, NULL, (const char *[]){ "--version", NULL });
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, "impact-dashboard " PACKAGE_VERSION "\n");
}

static void
test_help (void)
{
  g_auto (Run) run = { 0 };

  run_app (&run, NULL, (const char *[]){ "--help", NULL });
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "--database=FILE"));
  g_assert_nonnull (strstr (run.out, "--demo"));
  g_assert_nonnull (strstr (run.out, "--version"));
}

static void
test_help_dutch (void)
{
  g_auto (Run) run = { 0 };

  if (setlocale (LC_ALL, "nl_NL.UTF-8") == NULL)
    {
      g_test_skip ("locale nl_NL.UTF-8 is not installed; the README set-up generates it");
      return;
    }
  setlocale (LC_ALL, "C");

  run_app (&run, "nl", (const char *[]){ "--help", NULL });
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "--database=BESTAND|URI"));
  g_assert_nonnull (strstr (run.out, "Toon de versie"));
}

static void
test_demo (void)
{
  g_autofree char *dir = impact_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "demo.db", NULL);
  g_auto (Run) first = { 0 };
  g_auto (Run) second = { 0 };

  run_app (&first, NULL, (const char *[]){ "--database", path, "--demo", "--demo-date", "2026-11-22", NULL });
  g_assert_cmpstr (first.err, ==, "");
  g_assert_cmpint (first.status, ==, 0);
  g_assert_nonnull (strstr (first.out, "Demo data written to"));
  g_assert_nonnull (strstr (first.out, "Purchase lines:         300000\n"));
  g_assert_nonnull (strstr (first.out, "Divisions:              6\n"));
  g_assert_nonnull (strstr (first.out, "Period:                 24 Nov 2023 to 22 Nov 2026\n"));

  /* A second run would mix the demo into data: it refuses and leaves the file. */
  run_app (&second, NULL, (const char *[]){ "--database", path, "--demo", NULL });
  g_assert_cmpint (second.status, ==, 1);
  g_assert_nonnull (strstr (second.err, "already holds data"));
  g_assert_nonnull (strstr (second.err, "demo.db"));

  impact_test_remove_tree (dir);
}

static void
test_demo_dutch (void)
{
  g_autofree char *dir = impact_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "demo.db", NULL);
  g_auto (Run) run = { 0 };

  if (setlocale (LC_ALL, "nl_NL.UTF-8") == NULL)
    {
      g_test_skip ("locale nl_NL.UTF-8 is not installed; the README set-up generates it");
      impact_test_remove_tree (dir);
      return;
    }
  setlocale (LC_ALL, "C");

  run_app (&run, "nl", (const char *[]){ "-d", path, "--demo", "--demo-date", "2026-11-22", NULL });
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "Demodata geschreven naar"));
  /* Dutch digit grouping and decimal comma, Dutch month names. */
  g_assert_nonnull (strstr (run.out, "300.000"));
  g_assert_nonnull (strstr (run.out, "24 nov 2023 tot 22 nov 2026"));
  g_assert_true (g_regex_match_simple ("Totale inkoopwaarde: +EUR [0-9]{1,3}(\\.[0-9]{3})+,[0-9]{2}\n",
                                       run.out, 0, 0));
  /* The social share with a decimal comma. */
  g_assert_true (g_regex_match_simple ("Sociale inkoop: +EUR [0-9.]+,[0-9]{2} \\([0-9]+,[0-9]%\\)\n",
                                       run.out, 0, 0));

  impact_test_remove_tree (dir);
}

static void
test_bad_input (void)
{
  g_autofree char *dir = impact_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "notes.txt", NULL);
  g_autofree char *db = g_build_filename (dir, "x.db", NULL);
  g_auto (Run) bad_date = { 0 };
  g_auto (Run) not_db = { 0 };
  g_auto (Run) stray = { 0 };

  run_app (&bad_date, NULL, (const char *[]){ "-d", db, "--demo", "--demo-date", "31-12-2025", NULL });
  g_assert_cmpint (bad_date.status, ==, 2);
  g_assert_nonnull (strstr (bad_date.err, "“31-12-2025” is not a date"));

  g_assert_true (g_file_set_contents (path, "not a database, just some notes\n", -1, NULL));
  run_app (&not_db, NULL, (const char *[]){ "-d", path, "--demo", NULL });
  g_assert_cmpint (not_db.status, ==, 1);
  g_assert_nonnull (strstr (not_db.err, "is not an Impact Dashboard database"));

  run_app (&stray, NULL, (const char *[]){ "--demo-date", "2025-01-01", NULL });
  g_assert_cmpint (stray.status, ==, 2);

  impact_test_remove_tree (dir);
}

static void
test_import (void)
{
  static const char csv[] = "Factuurdatum;Factuurnummer;Leverancier;Bedrag excl. btw;Divisie\n"
                            "15-03-2025;F1;Jansen B.V.;1.234,56;SCHOON\n"
                            "31-02-2025;F2;Jansen B.V.;10,00;SCHOON\n"
                            "16-03-2025;F3;De Vries;100,00;CATER\n";
  g_autofree char *dir = impact_test_make_tmpdir ();
  g_autofree char *db = g_build_filename (dir, "impact.sqlite", NULL);
  g_autofree char *file = g_build_filename (dir, "inkoop.csv", NULL);
  g_auto (Run) dry = { 0 };
  g_auto (Run) real = { 0 };
  g_auto (Run) again = { 0 };
  g_auto (Run) dutch = { 0 };

  g_assert_true (g_file_set_contents (file, csv, -1, NULL));

  run_app (&dry, NULL, (const char *[]){ "-d", db, "--import", file, "--dry-run", NULL });
  g_assert_cmpint (dry.status, ==, 0);
  g_assert_nonnull (strstr (dry.out, "Accepted:               2\n"));
  g_assert_nonnull (strstr (dry.out, "Rejected:               1\n"));
  g_assert_nonnull (strstr (dry.out, "Row 3, column “Factuurdatum”: “31-02-2025” is not a date."));
  g_assert_nonnull (strstr (dry.out, "Dry run"));

  run_app (&real, NULL, (const char *[]){ "-d", db, "--import", file, NULL });
  g_assert_cmpint (real.status, ==, 0);
  g_assert_nonnull (strstr (real.out, "Total amount:           EUR 1334.56\n"));
  g_assert_nonnull (strstr (real.out, "New divisions:          2 (SCHOON, CATER)\n"));
  g_assert_null (strstr (real.out, "Dry run"));

  /* The history lists it; undoing removes its lines, and the file imports again. */
  {
    g_auto (Run) history = { 0 };
    g_auto (Run) undo = { 0 };
    g_auto (Run) undo_again = { 0 };
    g_auto (Run) reimport = { 0 };

    run_app (&history, NULL, (const char *[]){ "-d", db, "--imports", NULL });
    g_assert_cmpint (history.status, ==, 0);
    g_assert_true (g_regex_match_simple ("^  1  [0-9-]+ [0-9:]+  inkoop.csv: 2 lines, EUR 1334.56\n$", history.out, 0, 0));
    run_app (&undo, NULL, (const char *[]){ "-d", db, "--undo-import", "1", NULL });
    g_assert_cmpint (undo.status, ==, 0);
    g_assert_cmpstr (undo.out, ==, "Import 1 of “inkoop.csv” removed: 2 purchase lines, EUR 1334.56.\n");
    run_app (&undo_again, NULL, (const char *[]){ "-d", db, "--undo-import", "1", NULL });
    g_assert_cmpint (undo_again.status, ==, 1);
    g_assert_nonnull (strstr (undo_again.err, "There is no import number 1."));
    run_app (&reimport, NULL, (const char *[]){ "-d", db, "--import", file, NULL });
    g_assert_cmpint (reimport.status, ==, 0);
    g_assert_nonnull (strstr (reimport.out, "Accepted:               2\n"));
  }

  /* The same file again: only duplicates, nothing imported, exit 1. */
  run_app (&again, NULL, (const char *[]){ "-d", db, "--import", file, NULL });
  g_assert_cmpint (again.status, ==, 1);
  g_assert_nonnull (strstr (again.out, "Duplicates skipped:     2\n"));
  g_assert_nonnull (strstr (again.err, "Nothing was imported"));

  if (setlocale (LC_ALL, "nl_NL.UTF-8") != NULL)
    {
      setlocale (LC_ALL, "C");
      run_app (&dutch, "nl", (const char *[]){ "-d", db, "--import", file, "--dry-run", "--include-duplicates", NULL });
      g_assert_cmpint (dutch.status, ==, 0);
      g_assert_nonnull (strstr (dutch.out, "Totaalbedrag:           EUR 1.334,56\n"));
      g_assert_nonnull (strstr (dutch.out, "Rij 3, kolom “Factuurdatum”: “31-02-2025” is geen datum."));
    }

  impact_test_remove_tree (dir);
}

static void
test_import_register (void)
{
  static const char csv[] = "Leverancier;KvK-nummer;Keurmerk;Geldig vanaf\n"
                            "Werkbedrijf Twente;87654321;SW-bedrijf;01-01-2020\n"
                            "Jansen B.V.;12345678;PSO trede 2;15-03-2024\n";
  g_autofree char *dir = impact_test_make_tmpdir ();
  g_autofree char *db = g_build_filename (dir, "impact.sqlite", NULL);
  g_autofree char *file = g_build_filename (dir, "register.csv", NULL);
  g_auto (Run) run = { 0 };
  g_auto (Run) history = { 0 };

  g_assert_true (g_file_set_contents (file, csv, -1, NULL));
  run_app (&run, NULL, (const char *[]){ "-d", db, "--import", file, "--target", "suppliers", NULL });
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "Accepted:               2\n"));
  g_assert_nonnull (strstr (run.out, "New suppliers:          2 (Werkbedrijf Twente, Jansen B.V.)\n"));
  g_assert_null (strstr (run.out, "Total amount"));

  run_app (&history, NULL, (const char *[]){ "-d", db, "--imports", NULL });
  g_assert_true (g_regex_match_simple ("register.csv: 2 certificates\n$", history.out, 0, 0));

  /* The register again with what the PSO estimate needs: the known statuses are duplicates,
   * the suppliers' turnover, FTE and direct share are kept; a bad FTE is rejected by row and
   * column. */
  {
    static const char with_pso[] = "Leverancier;KvK-nummer;Keurmerk;Geldig vanaf;Omzet;FTE;Directe score\n"
                                   "Werkbedrijf Twente;87654321;SW-bedrijf;01-01-2020;2.500.000,00;120,5;65%\n"
                                   "Jansen B.V.;12345678;PSO trede 2;15-03-2024;800.000,00;veel;4%\n"
                                   "Nieuw B.V.;11223344;PSO trede 1;01-06-2025;1.000.000,00;10;0,04\n";
    g_autofree char *pso_file = g_build_filename (dir, "register-pso.csv", NULL);
    g_auto (Run) pso_run = { 0 };
    g_autoptr (GError) error = NULL;
    g_autoptr (ImpactStore) store = NULL;
    g_autoptr (ImpactSupplier) twente = NULL;
    g_autoptr (ImpactSupplier) jansen = NULL;
    g_autoptr (ImpactSupplier) nieuw = NULL;
    ImpactPsoSupplier data;

    g_assert_true (g_file_set_contents (pso_file, with_pso, -1, NULL));
    run_app (&pso_run, NULL, (const char *[]){ "-d", db, "--import", pso_file, "--target", "suppliers", NULL });
    g_assert_cmpint (pso_run.status, ==, 0);
    g_assert_nonnull (strstr (pso_run.out, "Accepted:               1\n"));
    g_assert_nonnull (strstr (pso_run.out, "Duplicates skipped:     1\n"));
    g_assert_nonnull (strstr (pso_run.out, "Row 3, column “FTE”: The FTE is not a number"));

    store = impact_store_open (db, &error);
    twente = impact_store_find_supplier (store, "87654321", NULL, NULL, NULL, &error);
    jansen = impact_store_find_supplier (store, "12345678", NULL, NULL, NULL, &error);
    nieuw = impact_store_find_supplier (store, "11223344", NULL, NULL, NULL, &error);
    g_assert_no_error (error);
    g_assert_true (impact_store_get_pso_supplier (store, twente->id, &data, &error));
    g_assert_cmpint (data.turnover_cents, ==, 250000000);
    g_assert_cmpfloat (data.fte, ==, 120.5);
    g_assert_cmpfloat_with_epsilon (data.direct_share, 0.65, 1e-12);
    g_assert_true (impact_store_get_pso_supplier (store, jansen->id, &data, &error));
    g_assert_cmpint (data.turnover_cents, ==, 0);
    g_assert_true (impact_store_get_pso_supplier (store, nieuw->id, &data, &error));
    g_assert_cmpfloat_with_epsilon (data.direct_share, 0.04, 1e-12);
  }

  impact_test_remove_tree (dir);
}

/* --summary after importing purchases and a certificate register: the register's SW status
 * (from 2020) makes Werkbedrijf Twente's lines social; its PSO certificate for Jansen starts
 * after Jansen's March line. */
static void
test_summary (void)
{
  static const char purchases[] = "Factuurdatum;Factuurnummer;Leverancier;KvK-nummer;Bedrag excl. btw;Divisie;Project\n"
                                  "15-03-2025;F1;Jansen B.V.;12345678;1.000,00;SCHOON;S-1\n"
                                  "20-03-2025;F2;Werkbedrijf Twente;87654321;250,00;SCHOON;\n"
                                  "02-05-2025;F3;Jansen B.V.;12345678;500,00;CATER;\n"
                                  "10-12-2024;F4;Jansen B.V.;12345678;40,00;CATER;\n";
  static const char register_csv[] = "Leverancier;KvK-nummer;Keurmerk;Geldig vanaf\n"
                                     "Werkbedrijf Twente;87654321;SW-bedrijf;01-01-2020\n"
                                     "Jansen B.V.;12345678;PSO trede 2;01-04-2025\n";
  g_autofree char *dir = impact_test_make_tmpdir ();
  g_autofree char *db = g_build_filename (dir, "impact.sqlite", NULL);
  g_autofree char *file = g_build_filename (dir, "inkoop.csv", NULL);
  g_autofree char *reg = g_build_filename (dir, "register.csv", NULL);
  g_auto (Run) import = { 0 };
  g_auto (Run) import_reg = { 0 };
  g_auto (Run) json = { 0 };
  g_auto (Run) text = { 0 };
  g_auto (Run) object = { 0 };
  g_auto (Run) bad_period = { 0 };
  g_auto (Run) bad_node = { 0 };
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GError) error = NULL;
  JsonObject *root, *by_child, *by_month, *by_class;

  g_assert_true (g_file_set_contents (file, purchases, -1, NULL));
  g_assert_true (g_file_set_contents (reg, register_csv, -1, NULL));
  run_app (&import, NULL, (const char *[]){ "-d", db, "--import", file, NULL });
  g_assert_cmpint (import.status, ==, 0);
  run_app (&import_reg, NULL, (const char *[]){ "-d", db, "--import", reg, "--target", "suppliers", NULL });
  g_assert_cmpint (import_reg.status, ==, 0);

  run_app (&json, NULL, (const char *[]){ "-d", db, "--summary", "--period", "2025", "--format", "json", NULL });
  g_assert_cmpstr (json.err, ==, "");
  g_assert_cmpint (json.status, ==, 0);
  g_assert_true (json_parser_load_from_data (parser, json.out, -1, &error));
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (root, "period"), ==, "2025");
  g_assert_cmpstr (json_object_get_string_member (root, "level"), ==, "group");
  g_assert_cmpint (json_object_get_int_member (root, "total_cents"), ==, 175000);
  g_assert_cmpint (json_object_get_int_member (root, "social_cents"), ==, 75000);
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (root, "social_share"), 100.0 * 750 / 1750, 1e-9);
  by_class = json_object_get_object_member (root, "by_class");
  g_assert_cmpint (json_object_get_int_member (by_class, "sw"), ==, 25000);
  g_assert_cmpint (json_object_get_int_member (by_class, "pso-2"), ==, 50000);
  g_assert_cmpint (json_object_get_int_member (by_class, "none"), ==, 100000);
  by_child = json_object_get_object_member (root, "by_child");
  g_assert_cmpint (json_object_get_size (by_child), ==, 2);
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (by_child, "SCHOON"), "total_cents"), ==, 125000);
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (by_child, "CATER"), "social_cents"), ==, 50000);
  by_month = json_object_get_object_member (root, "by_month");
  g_assert_cmpint (json_object_get_size (by_month), ==, 12);
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (by_month, "2025-03"), "total_cents"), ==, 125000);
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (by_month, "2025-05"), "social_cents"), ==, 50000);
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (root, "previous"), "total_cents"), ==, 4000);

  /* An object, by default in the financial year of the latest purchase. */
  run_app (&object, NULL, (const char *[]){ "-d", db, "--summary", "--node", "S-1", NULL });
  g_assert_cmpint (object.status, ==, 0);
  g_assert_nonnull (strstr (object.out, "S-1 (S-1), 2025\n"));
  g_assert_nonnull (strstr (object.out, "EUR 1000.00"));

  if (setlocale (LC_ALL, "nl_NL.UTF-8") != NULL)
    {
      setlocale (LC_ALL, "C");
      run_app (&text, "nl", (const char *[]){ "-d", db, "--summary", "--period", "2025-Q1", NULL });
      g_assert_cmpint (text.status, ==, 0);
      g_assert_nonnull (strstr (text.out, "K1 2025"));
      g_assert_true (g_regex_match_simple ("Sociale inkoop: +EUR 250,00 \\(20,0%\\)\n", text.out, 0, 0));
      g_assert_nonnull (strstr (text.out, "maart 2025"));
    }

  /* Social return, the PSO estimate and expiring certificates. */
  {
    g_autoptr (ImpactStore) store = impact_store_open (db, &error);
    g_autoptr (ImpactNode) schoon = impact_store_find_node (store, IMPACT_NODE_DIVISION, "SCHOON", &error);
    g_autoptr (ImpactSupplier) sw = impact_store_find_supplier (store, "87654321", NULL, NULL, NULL, &error);
    ImpactSroiObligation fixed = { IMPACT_SROI_FIXED, 0, -1, EUR (300), 0, NULL };
    g_autoptr (ImpactNode) s1 = impact_store_find_node (store, IMPACT_NODE_OBJECT, "S-1", &error);
    ImpactSroiEntry entry = { 0, 0, D ("2025-06-01"), EUR (120), (char *) "Leerwerkplek" };
    const ImpactPsoSupplier data = { 0, EUR (25000), 10, 0.5 };

    g_assert_no_error (error);
    entry.object_id = s1->id;
    g_assert_true (impact_store_set_sroi_obligation (store, s1->id, &fixed, &error));
    g_assert_cmpint (impact_store_add_sroi_entry (store, &entry, &error), >, 0);
    g_assert_true (impact_store_set_pso_organisation (store, schoon->id, 100, 0.01, &error));
    g_assert_true (impact_store_set_pso_supplier (store, sw->id, &data, &error));
  }
  {
    g_auto (Run) object_json = { 0 };
    g_auto (Run) division_json = { 0 };
    g_auto (Run) division_text = { 0 };
    g_autoptr (JsonParser) object_parser = json_parser_new ();
    g_autoptr (JsonParser) division_parser = json_parser_new ();
    JsonObject *sroi, *pso, *expiring;

    /* S-1: EUR 300 fixed; Jansen's March line came before its certificate: EUR 0 from
     * purchases, EUR 120 by hand (40%). No contract dates: no projection beyond it. */
    run_app (&object_json, NULL,
             (const char *[]){ "-d", db, "--summary", "--node", "S-1", "--format", "json", "--today", "2026-01-15",
                               "--horizon", "500", NULL });
    g_assert_cmpint (object_json.status, ==, 0);
    g_assert_true (json_parser_load_from_data (object_parser, object_json.out, -1, &error));
    root = json_node_get_object (json_parser_get_root (object_parser));
    sroi = json_object_get_object_member (root, "sroi");
    g_assert_cmpint (json_object_get_int_member (sroi, "obligation_cents"), ==, EUR (300));
    g_assert_cmpint (json_object_get_int_member (sroi, "realised_purchases_cents"), ==, 0);
    g_assert_cmpint (json_object_get_int_member (sroi, "realised_manual_cents"), ==, EUR (120));
    g_assert_cmpfloat_with_epsilon (json_object_get_double_member (sroi, "realised_share"), 40.0, 1e-9);
    g_assert_cmpint (json_object_get_int_member (sroi, "remaining_cents"), ==, EUR (180));
    g_assert_cmpint (json_object_get_int_member (sroi, "projected_cents"), ==, EUR (120));
    g_assert_cmpstr (json_object_get_string_member (sroi, "status"), ==, "at-risk");
    g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (sroi, "rule_set"), "name"), ==,
                     "default");
    g_assert_false (json_object_has_member (root, "pso_estimate"));
    /* Jansen's PSO trede 2 from 1 April 2025 runs to 31 March 2027; S-1 bought there in
     * March 2025, within the 12 months up to January 2026. */
    g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "expiring")), ==, 1);
    expiring = json_array_get_object_element (json_object_get_array_member (root, "expiring"), 0);
    g_assert_cmpstr (json_object_get_string_member (expiring, "supplier"), ==, "Jansen B.V.");
    g_assert_cmpstr (json_object_get_string_member (expiring, "kvk"), ==, "12345678");
    g_assert_cmpstr (json_object_get_string_member (expiring, "kind"), ==, "pso-2");
    g_assert_cmpstr (json_object_get_string_member (expiring, "valid_until"), ==, "2027-03-31");
    g_assert_cmpint (json_object_get_int_member (expiring, "spend_at_risk_cents"), ==, EUR (1000));

    /* SCHOON bought EUR 250 at the SW company (EUR 25,000 turnover, 10 FTE, 50% direct):
     * 0.05 iFTE; with 100 FTE and 1% direct: I = 0.05 / 100.05 = 0.049975%, below trede 1
     * (1.4%). Trede 1 needs I = 0.4%, X = 0.4 x 100 / 99.6 = 0.401606 iFTE: 0.351606 more, at
     * 2e-6 iFTE per cent = 175,803.2 cents, rounded up. */
    run_app (&division_json, NULL,
             (const char *[]){ "-d", db, "--summary", "--node", "SCHOON", "--period", "2025", "--format", "json",
                               "--today", "2026-01-15", NULL });
    g_assert_cmpint (division_json.status, ==, 0);
    g_assert_true (json_parser_load_from_data (division_parser, division_json.out, -1, &error));
    root = json_node_get_object (json_parser_get_root (division_parser));
    pso = json_object_get_object_member (root, "pso_estimate");
    g_assert_cmpfloat_with_epsilon (json_object_get_double_member (pso, "indirect_fte"), 0.05, 1e-12);
    g_assert_cmpfloat_with_epsilon (json_object_get_double_member (pso, "indirect_share"), 100 * 0.05 / 100.05, 1e-12);
    g_assert_cmpfloat_with_epsilon (json_object_get_double_member (pso, "total_share"), 1 + 100 * 0.05 / 100.05, 1e-12);
    g_assert_cmpint (json_object_get_int_member (pso, "trede"), ==, 0);
    g_assert_cmpint (json_object_get_int_member (pso, "extra_spend_next_trede_cents"), ==, 175804);
    sroi = json_object_get_object_member (root, "sroi");
    g_assert_cmpint (json_object_get_int_member (sroi, "obligation_cents"), ==, EUR (300));
    g_assert_cmpint (json_object_get_int_member (sroi, "objects_with_obligation"), ==, 1);
    /* The horizon is 90 days by default: March 2027 is too far. */
    g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "expiring")), ==, 0);

    run_app (&division_text, NULL,
             (const char *[]){ "-d", db, "--summary", "--node", "SCHOON", "--period", "2025", "--today", "2026-01-15",
                               NULL });
    g_assert_cmpint (division_text.status, ==, 0);
    g_assert_true (g_regex_match_simple ("Realised otherwise: +EUR 120.00\n", division_text.out, 0, 0));
    g_assert_true (g_regex_match_simple ("Contracts with an obligation: +1, 1 at risk\n", division_text.out, 0, 0));
    g_assert_true (g_regex_match_simple ("To reach trede 1: +EUR 1758.04 more at an average certified supplier\n",
                                         division_text.out, 0, 0));
    g_assert_nonnull (strstr (division_text.out, "(estimate)"));
  }

  /* The report as a PDF: read back with pdfinfo and pdftotext. */
  {
    g_autofree char *pdf = g_build_filename (dir, "rapport.pdf", NULL);
    g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
    g_auto (Run) report = { 0 };
    g_auto (Run) bad_report = { 0 };

    run_app (&report, NULL,
             (const char *[]){ "-d", db, "--report", pdf, "--period", "2025", "--today", "2026-01-15", NULL });
    g_assert_cmpint (report.status, ==, 0);
    g_assert_true (g_regex_match_simple ("^Report written to “.*rapport.pdf”: [0-9]+ pages.\n$", report.out, 0, 0));
    if (pdftotext != NULL)
      {
        const char *info_argv[] = { "pdfinfo", pdf, NULL };
        const char *text_argv[] = { "pdftotext", "-layout", pdf, "-", NULL };
        g_autofree char *info = NULL;
        g_autofree char *pdf_text = NULL;

        g_assert_true (g_spawn_sync (NULL, (char **) info_argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &info, NULL, NULL,
                                     &error));
        g_assert_true (g_spawn_sync (NULL, (char **) text_argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &pdf_text, NULL, NULL,
                                     &error));
        g_assert_no_error (error);
        g_assert_true (g_regex_match_simple ("Pages: +[4-9]\n", info, 0, 0));
        /* The cover, the key figures (EUR 1,750 in all, EUR 750 social, 42.9%), the divisions,
         * the contract's social return, the data sources. */
        g_assert_nonnull (strstr (pdf_text, "Social Procurement Report"));
        g_assert_nonnull (strstr (pdf_text, "1750.00"));
        g_assert_nonnull (strstr (pdf_text, "750.00"));
        g_assert_nonnull (strstr (pdf_text, "42.9%"));
        g_assert_nonnull (strstr (pdf_text, "SCHOON"));
        g_assert_nonnull (strstr (pdf_text, "S-1 · S-1"));
        g_assert_nonnull (strstr (pdf_text, "Data Sources"));
        g_assert_nonnull (strstr (pdf_text, "inkoop.csv"));
        g_assert_nonnull (strstr (pdf_text, "register.csv"));
      }
    run_app (&bad_report, NULL, (const char *[]){ "-d", db, "--report", "/nonexistent/folder/r.pdf", NULL });
    g_assert_cmpint (bad_report.status, ==, 1);
    g_assert_nonnull (strstr (bad_report.err, "Could not write"));

    if (setlocale (LC_ALL, "nl_NL.UTF-8") != NULL && pdftotext != NULL)
      {
        g_auto (Run) dutch = { 0 };
        const char *text_argv[] = { "pdftotext", pdf, "-", NULL };
        g_autofree char *pdf_text = NULL;

        setlocale (LC_ALL, "C");
        run_app (&dutch, "nl", (const char *[]){ "-d", db, "--report", pdf, "--period", "2025", NULL });
        g_assert_cmpint (dutch.status, ==, 0);
        g_assert_true (g_spawn_sync (NULL, (char **) text_argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &pdf_text, NULL, NULL,
                                     &error));
        g_assert_nonnull (strstr (pdf_text, "Rapport sociale inkoop"));
        g_assert_nonnull (strstr (pdf_text, "1.750,00"));
        g_assert_nonnull (strstr (pdf_text, "42,9%"));
        g_assert_nonnull (strstr (pdf_text, "Gegevensbronnen"));
      }
  }

  /* The tables as CSV files and as a workbook, read back with the application's own readers:
   * SCHOON EUR 1,250 (EUR 250 social), CATER EUR 500 (all social) in 2025. */
  {
    g_autofree char *folder = g_build_filename (dir, "cijfers", NULL);
    g_autofree char *csv = g_build_filename (folder, "per_child.csv", NULL);
    g_autofree char *xlsx = g_build_filename (dir, "cijfers.xlsx", NULL);
    g_auto (Run) csv_run = { 0 };
    g_auto (Run) xlsx_run = { 0 };
    g_autoptr (ImpactReader) reader = NULL;
    g_autoptr (ImpactRow) row = impact_row_new ();
    g_auto (GStrv) sheets = NULL;

    run_app (&csv_run, NULL,
             (const char *[]){ "-d", db, "--export-csv", folder, "--period", "2025", "--today", "2026-01-15", NULL });
    g_assert_cmpint (csv_run.status, ==, 0);
    g_assert_nonnull (strstr (csv_run.out, "7 CSV files"));
    reader = impact_reader_new_for_file (csv, &error);
    g_assert_no_error (error);
    g_assert_true (impact_reader_read_row (reader, row, &error));
    g_assert_cmpstr (impact_row_get_cell (row, 0)->text, ==, "Code");
    g_assert_cmpstr (impact_row_get_cell (row, 4)->text, ==, "Social share (%)");
    impact_row_clear (row);
    g_assert_true (impact_reader_read_row (reader, row, &error));
    g_assert_cmpstr (impact_row_get_cell (row, 0)->text, ==, "SCHOON");
    g_assert_cmpstr (impact_row_get_cell (row, 2)->text, ==, "1250.00");
    g_assert_cmpstr (impact_row_get_cell (row, 3)->text, ==, "250.00");
    g_assert_cmpstr (impact_row_get_cell (row, 4)->text, ==, "20.00");
    impact_row_clear (row);
    g_assert_true (impact_reader_read_row (reader, row, &error));
    g_assert_cmpstr (impact_row_get_cell (row, 0)->text, ==, "CATER");
    g_assert_cmpstr (impact_row_get_cell (row, 2)->text, ==, "500.00");
    impact_row_clear (row);
    g_assert_false (impact_reader_read_row (reader, row, &error));
    g_assert_no_error (error);
    g_clear_object (&reader);

    run_app (&xlsx_run, NULL,
             (const char *[]){ "-d", db, "--export-xlsx", xlsx, "--period", "2025", "--today", "2027-01-15", NULL });
    g_assert_cmpint (xlsx_run.status, ==, 0);
    reader = impact_reader_new_for_file (xlsx, &error);
    g_assert_no_error (error);
    sheets = impact_reader_list_sheets (reader);
    g_assert_cmpuint (g_strv_length (sheets), ==, 7);
    g_assert_cmpstr (sheets[0], ==, "per_child");
    g_assert_cmpstr (sheets[5], ==, "sroi");
    g_assert_true (impact_reader_select_sheet (reader, "per_child", &error));
    g_assert_true (impact_reader_read_row (reader, row, &error));
    impact_row_clear (row);
    g_assert_true (impact_reader_read_row (reader, row, &error));
    g_assert_cmpint (impact_row_get_cell (row, 2)->type, ==, IMPACT_CELL_NUMBER);
    g_assert_cmpfloat (impact_row_get_cell (row, 2)->number, ==, 1250.0);
    g_assert_cmpfloat_with_epsilon (impact_row_get_cell (row, 4)->number, 0.2, 1e-12);
    /* A date cell: Jansen's certificate ends on 31 March 2027, within 90 days of 15 January. */
    g_assert_true (impact_reader_select_sheet (reader, "expiring", &error));
    g_assert_true (impact_reader_read_row (reader, row, &error));
    impact_row_clear (row);
    g_assert_true (impact_reader_read_row (reader, row, &error));
    g_assert_cmpstr (impact_row_get_cell (row, 0)->text, ==, "Jansen B.V.");
    g_assert_cmpint (impact_row_get_cell (row, 3)->type, ==, IMPACT_CELL_DATE);
    g_assert_cmpuint (impact_row_get_cell (row, 3)->day, ==, D ("2027-03-31"));
    impact_row_clear (row);
    g_assert_true (impact_reader_select_sheet (reader, "sroi", &error));
    g_assert_true (impact_reader_read_row (reader, row, &error));
    impact_row_clear (row);
    g_assert_true (impact_reader_read_row (reader, row, &error));
    g_assert_cmpstr (impact_row_get_cell (row, 0)->text, ==, "S-1");
    g_assert_cmpfloat (impact_row_get_cell (row, 3)->number, ==, 300.0);
    g_assert_cmpfloat (impact_row_get_cell (row, 5)->number, ==, 120.0);
  }

  /* The whole dataset as JSON and back into a new database: every --summary figure is the
   * same, with a target share and a financial year from April as well. */
  {
    g_autofree char *json_file = g_build_filename (dir, "dataset.json", NULL);
    g_autofree char *copy = g_build_filename (dir, "copy.sqlite", NULL);
    g_auto (Run) exported = { 0 };
    g_auto (Run) imported = { 0 };
    static const char *const nodes[] = { NULL, "SCHOON", "CATER", "S-1" };

    {
      g_autoptr (ImpactStore) store = impact_store_open (db, &error);
      g_autoptr (ImpactNode) schoon = impact_store_find_node (store, IMPACT_NODE_DIVISION, "SCHOON", &error);

      g_assert_true (impact_store_set_share_target (store, schoon->id, 12.5, &error));
      g_assert_true (impact_store_set_meta (store, "financial-year-start", "4", &error));
    }
    run_app (&exported, NULL, (const char *[]){ "-d", db, "--export-json", json_file, NULL });
    g_assert_cmpint (exported.status, ==, 0);
    g_assert_nonnull (strstr (exported.out, ": 4 purchase lines."));
    run_app (&imported, NULL, (const char *[]){ "-d", copy, "--import", json_file, NULL });
    g_assert_cmpstr (imported.err, ==, "");
    g_assert_cmpint (imported.status, ==, 0);

    for (guint i = 0; i < G_N_ELEMENTS (nodes); i++)
      for (guint p = 0; p < 2; p++)
        {
          g_auto (Run) original = { 0 };
          g_auto (Run) again = { 0 };
          const char *period = p == 0 ? "2025" : "2024-Q4";

          run_app (&original, NULL,
                   (const char *[]){ "-d", db, "--summary", "--format", "json", "--period", period, "--today", "2027-01-15",
                                     nodes[i] != NULL ? "--node" : NULL, nodes[i], NULL });
          run_app (&again, NULL,
                   (const char *[]){ "-d", copy, "--summary", "--format", "json", "--period", period, "--today",
                                     "2027-01-15", nodes[i] != NULL ? "--node" : NULL, nodes[i], NULL });
          g_assert_cmpint (original.status, ==, 0);
          g_assert_cmpstr (again.out, ==, original.out);
        }
  }

  run_app (&bad_period, NULL, (const char *[]){ "-d", db, "--summary", "--period", "2025-01-15..2025-03-31", NULL });
  g_assert_cmpint (bad_period.status, ==, 2);
  g_assert_nonnull (strstr (bad_period.err, "whole months"));
  run_app (&bad_node, NULL, (const char *[]){ "-d", db, "--summary", "--node", "NOPE", NULL });
  g_assert_cmpint (bad_node.status, ==, 1);
  g_assert_nonnull (strstr (bad_node.err, "“NOPE”"));
  {
    g_auto (Run) bad_today = { 0 };

    run_app (&bad_today, NULL, (const char *[]){ "-d", db, "--summary", "--today", "gisteren", NULL });
    g_assert_cmpint (bad_today.status, ==, 2);
    g_assert_nonnull (strstr (bad_today.err, "“gisteren” is not a date"));
  }

  impact_test_remove_tree (dir);
}

static void
test_import_mapping_files (void)
{
  static const char csv[] = "Datum;Leverancier;Bedrag;Divisie;Project;Omschrijving\n"
                            "01-03-2025;A;1,00;D;P1;Schoonmaak\n";
  g_autofree char *dir = impact_test_make_tmpdir ();
  g_autofree char *db = g_build_filename (dir, "impact.sqlite", NULL);
  g_autofree char *other = g_build_filename (dir, "other.sqlite", NULL);
  g_autofree char *file = g_build_filename (dir, "inkoop.csv", NULL);
  g_autofree char *saved = g_build_filename (dir, "mapping.json", NULL);
  g_autofree char *json = NULL;
  g_auto (Run) save = { 0 };
  g_auto (Run) use = { 0 };
  g_auto (Run) bad = { 0 };

  g_assert_true (g_file_set_contents (file, csv, -1, NULL));
  run_app (&save, NULL, (const char *[]){ "-d", db, "--import", file, "--dry-run", "--save-mapping", saved, NULL });
  g_assert_cmpint (save.status, ==, 0);
  g_assert_true (g_file_get_contents (saved, &json, NULL, NULL));
  g_assert_nonnull (strstr (json, "\"Project\" : \"object\""));

  /* Edited by hand: Project ignored, Omschrijving the category; used on another database. */
  {
    g_autoptr (GString) text = g_string_new (json);

    g_string_replace (text, "\"Project\" : \"object\",", "", 1);
    g_string_replace (text, "\"Omschrijving\" : \"description\"", "\"Omschrijving\" : \"category\"", 1);
    g_assert_true (g_file_set_contents (saved, text->str, -1, NULL));
  }
  run_app (&use, NULL, (const char *[]){ "-d", other, "--import", file, "--mapping", saved, NULL });
  g_assert_cmpint (use.status, ==, 0);
  g_assert_nonnull (strstr (use.out, "New objects:            0\n"));

  g_assert_true (g_file_set_contents (saved, "{}", -1, NULL));
  run_app (&bad, NULL, (const char *[]){ "-d", other, "--import", file, "--mapping", saved, NULL });
  g_assert_cmpint (bad.status, ==, 1);
  g_assert_nonnull (strstr (bad.err, "not a column mapping"));

  impact_test_remove_tree (dir);
}

static void
test_import_bad_options (void)
{
  g_auto (Run) decimal = { 0 };
  g_auto (Run) missing = { 0 };

  {
    g_auto (Run) target = { 0 };

    run_app (&target, NULL, (const char *[]){ "--import", "x.csv", "--target", "contracts", NULL });
    g_assert_cmpint (target.status, ==, 2);
    g_assert_nonnull (strstr (target.err, "--target"));
  }
  run_app (&decimal, NULL, (const char *[]){ "--import", "x.csv", "--decimal", "dot", NULL });
  g_assert_cmpint (decimal.status, ==, 2);
  g_assert_nonnull (strstr (decimal.err, "--decimal"));

  run_app (&missing, NULL, (const char *[]){ "-d", "/nonexistent-dir/x/impact.sqlite", "--import", "/nonexistent.csv", NULL });
  g_assert_cmpint (missing.status, ==, 1);
  g_assert_cmpstr (missing.out, ==, "");
}

/* Fills a database through the command line and the store: two divisions' purchases, the
 * certificate register, a contract obligation, a hand-entered realisation, the PSO inputs. */
static void
fill_database (const char *dir,
               const char *db)
{
  static const char purchases[] = "Factuurdatum;Factuurnummer;Leverancier;KvK-nummer;Bedrag excl. btw;Divisie;Project\n"
                                  "15-03-2025;F1;Jansen B.V.;12345678;1.000,00;SCHOON;S-1\n"
                                  "20-03-2025;F2;Werkbedrijf Twente;87654321;250,00;SCHOON;\n"
                                  "02-05-2025;F3;Jansen B.V.;12345678;500,00;CATER;\n"
                                  "31-12-2025;F5;Werkbedrijf Twente;87654321;0,01;CATER;C-1\n"
                                  "10-12-2024;F4;Jansen B.V.;12345678;40,00;CATER;\n";
  static const char register_csv[] = "Leverancier;KvK-nummer;Keurmerk;Geldig vanaf;Geldig tot\n"
                                     "Werkbedrijf Twente;87654321;SW-bedrijf;01-01-2020;\n"
                                     "Jansen B.V.;12345678;PSO trede 2;01-04-2025;31-01-2026\n";
  g_autofree char *file = g_build_filename (dir, "inkoop.csv", NULL);
  g_autofree char *reg = g_build_filename (dir, "register.csv", NULL);
  g_autoptr (GError) error = NULL;
  g_auto (Run) import = { 0 };
  g_auto (Run) import_reg = { 0 };

  g_assert_true (g_file_set_contents (file, purchases, -1, NULL));
  g_assert_true (g_file_set_contents (reg, register_csv, -1, NULL));
  run_app (&import, NULL, (const char *[]){ "-d", db, "--import", file, NULL });
  g_assert_cmpstr (import.err, ==, "");
  g_assert_cmpint (import.status, ==, 0);
  run_app (&import_reg, NULL, (const char *[]){ "-d", db, "--import", reg, "--target", "suppliers", NULL });
  g_assert_cmpint (import_reg.status, ==, 0);

  {
    g_autoptr (ImpactStore) store = impact_store_open (db, &error);
    g_autoptr (ImpactNode) schoon = impact_store_find_node (store, IMPACT_NODE_DIVISION, "SCHOON", &error);
    g_autoptr (ImpactSupplier) sw = impact_store_find_supplier (store, "87654321", NULL, NULL, NULL, &error);
    g_autoptr (ImpactNode) s1 = impact_store_find_node (store, IMPACT_NODE_OBJECT, "S-1", &error);
    ImpactSroiObligation fixed = { IMPACT_SROI_FIXED, 0, -1, EUR (300), 0, NULL };
    ImpactSroiEntry entry = { 0, 0, D ("2025-06-01"), EUR (120), (char *) "Leerwerkplek" };
    const ImpactPsoSupplier data = { 0, EUR (25000), 10, 0.5 };

    g_assert_no_error (error);
    entry.object_id = s1->id;
    g_assert_true (impact_store_set_sroi_obligation (store, s1->id, &fixed, &error));
    g_assert_cmpint (impact_store_add_sroi_entry (store, &entry, &error), >, 0);
    g_assert_true (impact_store_set_pso_organisation (store, schoon->id, 100, 0.01, &error));
    g_assert_true (impact_store_set_pso_supplier (store, sw->id, &data, &error));
    g_assert_no_error (error);
  }
}

/* The same data in a file and on the server: every summary, in both languages and both
 * formats, is the same byte for byte. */
static void
test_postgresql_same_summary (void)
{
  const char *const nodes[] = { NULL, "SCHOON", "CATER", "S-1" };
  const char *const languages[] = { NULL, "nl" };
  const char *const formats[] = { "text", "json" };
  g_autofree char *dir = impact_test_make_tmpdir ();
  g_autofree char *file = g_build_filename (dir, "impact.sqlite", NULL);
  g_autofree char *server = impact_test_database_location (dir);

  fill_database (dir, file);
  fill_database (dir, server);

  for (guint n = 0; n < G_N_ELEMENTS (nodes); n++)
    for (guint l = 0; l < G_N_ELEMENTS (languages); l++)
      for (guint f = 0; f < G_N_ELEMENTS (formats); f++)
        {
          g_auto (Run) on_file = { 0 };
          g_auto (Run) on_server = { 0 };
          const char *args[] = { "-d", file, "--summary", "--today", "2025-12-31", "--format", formats[f],
                                 nodes[n] != NULL ? "--node" : NULL, nodes[n], NULL };

          g_test_message ("node %s, %s, %s", nodes[n], languages[l], formats[f]);
          run_app (&on_file, languages[l], args);
          args[1] = server;
          run_app (&on_server, languages[l], args);
          g_assert_cmpint (on_file.status, ==, 0);
          g_assert_cmpint (on_server.status, ==, 0);
          g_assert_cmpstr (on_server.err, ==, on_file.err);
          g_assert_cmpstr (on_server.out, ==, on_file.out);
          /* Not two empty pages: the figures are there. */
          g_assert_nonnull (strstr (on_file.out, f == 0 ? "EUR" : "total_cents"));
        }

  impact_test_remove_tree (dir);
}

/* A file published to a new shared database: the same figures there, byte for byte; a
 * second time into the same database is refused. */
static void
test_postgresql_publish (void)
{
  g_autofree char *dir = impact_test_make_tmpdir ();
  g_autofree char *file = g_build_filename (dir, "impact.sqlite", NULL);
  g_autofree char *server = impact_test_database_location (dir);
  g_auto (Run) publish = { 0 };
  g_auto (Run) again = { 0 };
  g_auto (Run) on_file = { 0 };
  g_auto (Run) on_server = { 0 };

  fill_database (dir, file);
  run_app (&publish, NULL, (const char *[]){ "-d", file, "--publish", server, NULL });
  g_assert_cmpstr (publish.err, ==, "");
  g_assert_cmpint (publish.status, ==, 0);
  g_assert_true (g_regex_match_simple ("Purchase lines: +5\n", publish.out, 0, 0));

  run_app (&on_file, NULL,
           (const char *[]){ "-d", file, "--summary", "--node", "S-1", "--today", "2025-12-31", "--format", "json", NULL });
  run_app (&on_server, NULL,
           (const char *[]){ "-d", server, "--summary", "--node", "S-1", "--today", "2025-12-31", "--format", "json",
                             NULL });
  g_assert_cmpint (on_server.status, ==, 0);
  g_assert_cmpstr (on_server.out, ==, on_file.out);
  /* The contract's obligation and its realisation by hand came along. */
  g_assert_true (g_regex_match_simple ("\"realised_manual_cents\" *: *12000", on_server.out, 0, 0));

  run_app (&again, NULL, (const char *[]){ "-d", file, "--publish", server, NULL });
  g_assert_cmpint (again.status, ==, 1);
  g_assert_nonnull (strstr (again.err, "already holds data"));

  impact_test_remove_tree (dir);
}

/* --grant, --grants and --revoke on the server; refused, with a reason, on a file. */
static void
test_postgresql_grant (void)
{
  g_autofree char *dir = impact_test_make_tmpdir ();
  g_autofree char *file = g_build_filename (dir, "impact.sqlite", NULL);
  g_autofree char *server = impact_test_database_location (dir);
  g_autofree char *role = g_strdup_printf ("cli_%d", (int) getpid ());
  g_autofree char *create = g_strdup_printf ("CREATE ROLE %s LOGIN", role);
  g_autoptr (ImpactDb) super = impact_db_open (g_getenv ("IMPACT_TEST_POSTGRESQL"), NULL);
  g_auto (Run) grant = { 0 };
  g_auto (Run) grant_group = { 0 };
  g_auto (Run) grants = { 0 };
  g_auto (Run) revoke_division = { 0 };
  g_auto (Run) after_division = { 0 };
  g_auto (Run) revoke = { 0 };
  g_auto (Run) after = { 0 };
  g_auto (Run) missing = { 0 };
  g_auto (Run) on_file = { 0 };
  g_auto (GStrv) lines = NULL;

  fill_database (dir, server);
  g_assert_true (impact_db_exec (super, create, NULL));

  run_app (&grant, NULL, (const char *[]){ "-d", server, "--grant", role, "--node", "CATER", NULL });
  g_assert_cmpstr (grant.err, ==, "");
  g_assert_cmpint (grant.status, ==, 0);
  g_assert_nonnull (strstr (grant.out, "may now see and change the division CATER"));
  run_app (&grant_group, "nl", (const char *[]){ "-d", server, "--grant", role, NULL });
  g_assert_cmpint (grant_group.status, ==, 0);
  g_assert_nonnull (strstr (grant_group.out, "mag nu de hele groep"));

  run_app (&grants, NULL, (const char *[]){ "-d", server, "--grants", NULL });
  g_assert_cmpint (grants.status, ==, 0);
  /* The administrator who made the schema, and the role twice. */
  g_assert_true (g_regex_match_simple ("^  impact +the whole group\n", grants.out, G_REGEX_MULTILINE, 0));
  g_assert_nonnull (strstr (grants.out, "division CATER ("));
  lines = g_strsplit (grants.out, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 4);

  /* One division taken away: the whole group stays. */
  run_app (&revoke_division, NULL, (const char *[]){ "-d", server, "--revoke", role, "--node", "CATER", NULL });
  g_assert_cmpint (revoke_division.status, ==, 0);
  g_assert_nonnull (strstr (revoke_division.out, "no longer sees the division CATER"));
  run_app (&after_division, NULL, (const char *[]){ "-d", server, "--grants", NULL });
  g_assert_null (strstr (after_division.out, "division CATER ("));
  g_assert_true (g_regex_match_simple ("^  cli_[0-9]+ +the whole group\n", after_division.out, G_REGEX_MULTILINE, 0));

  run_app (&revoke, NULL, (const char *[]){ "-d", server, "--revoke", role, NULL });
  g_assert_cmpint (revoke.status, ==, 0);
  run_app (&after, NULL, (const char *[]){ "-d", server, "--grants", NULL });
  g_assert_null (strstr (after.out, role));

  run_app (&missing, NULL, (const char *[]){ "-d", server, "--grant", "nobody_here", NULL });
  g_assert_cmpint (missing.status, ==, 1);
  g_assert_nonnull (strstr (missing.err, "There is no role “nobody_here”"));

  run_app (&on_file, NULL, (const char *[]){ "-d", file, "--grant", role, NULL });
  g_assert_cmpint (on_file.status, ==, 1);
  g_assert_nonnull (strstr (on_file.err, "is a database file"));

  impact_test_remove_tree (dir);
}

int
main (int argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli/version", test_version);
  g_test_add_func ("/cli/help", test_help);
  g_test_add_func ("/cli/help-dutch", test_help_dutch);
  g_test_add_func ("/cli/demo", test_demo);
  g_test_add_func ("/cli/demo-dutch", test_demo_dutch);
  g_test_add_func ("/cli/bad-input", test_bad_input);
  g_test_add_func ("/cli/import", test_import);
  g_test_add_func ("/cli/import-bad-options", test_import_bad_options);
  g_test_add_func ("/cli/import-register", test_import_register);
  g_test_add_func ("/cli/import-mapping-files", test_import_mapping_files);
  g_test_add_func ("/cli/summary", test_summary);
  /* On a throwaway server: test-cli-postgresql (tests/with-postgresql.sh). */
  if (g_getenv ("IMPACT_TEST_POSTGRESQL") != NULL)
    {
      g_test_add_func ("/cli/postgresql/same-summary", test_postgresql_same_summary);
      g_test_add_func ("/cli/postgresql/grant", test_postgresql_grant);
      g_test_add_func ("/cli/postgresql/publish", test_postgresql_publish);
    }

  return g_test_run ();
}
