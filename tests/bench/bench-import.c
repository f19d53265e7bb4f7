/* bench-import.c: a 1,000,000-line CSV export imported end to end, against sqlite3 .import
 *
 * Generates a spend export, imports it into a new database through impact_import_file()
 * (parse, recognise the columns, validate, match suppliers, deduplicate, commit), and times
 * the sqlite3 shell importing the same file into a plain table. Target: at most 1.0x the
 * sqlite3 time, under 64 MB peak RSS. Two shapes (the argument):
 *
 * - dutch (default): semicolons, decimal commas, day-month dates, 3,000 suppliers, 6
 *   divisions, 150 objects, eight Dutch column names;
 * - erp: an English ERP export, "date,supplier_kvk,supplier_name,division,object_code,
 *   category,amount_eur,invoice_no", ISO dates, 20,000 suppliers with their own KvK numbers
 *   (whose names repeat), 500 divisions and 500 objects.
 *
 * Run under tests/with-postgresql.sh (meson's bench-import-postgresql), each round also
 * imports the file into a new schema on the throwaway server, against psql's \copy of the
 * same file into a plain table there. Target: at most 1.5x the \copy time. It also times
 * the least an import into a table with row-level security does (PostgreSQL refuses COPY
 * into one): \copy into a temporary table, then INSERT … SELECT into a plain table.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <sys/resource.h>
#include <unistd.h>

#include "impact-test-store.h"
#include "impact-test-utils.h"
#include "import/impact-importer.h"

#define N_LINES 1000000
#define N_SUPPLIERS 3000

static void
write_export (const char *path)
{
  FILE *out = fopen (path, "w");

  g_assert_nonnull (out);
  fputs ("Factuurdatum;Factuurnummer;Leverancier;KvK-nummer;Bedrag excl. btw;Divisie;Project;"
         "Omschrijving\n",
         out);
  for (guint i = 0; i < N_LINES; i++)
    {
      guint s = (i * 7919) % N_SUPPLIERS;
      guint cents = 1000 + (i * 104729) % 250000;

      fprintf (out, "%02u-%02u-20%02u;F%07u;Leverancier %u B.V.;%08u;%s%u,%02u;DIV%u;OBJ-%u;Inkoop %u\n",
               1 + i % 28, 1 + i / 28 % 12, 23 + i % 3, i, s, 10000000 + s, i % 61 == 0 ? "-" : "",
               cents / 100, cents % 100, s % 6, s % 150, i % 10);
    }
  fclose (out);
}

#define N_ERP_SUPPLIERS 20000

static void
write_erp_export (const char *path)
{
  static const char *const families[] = { "Jansen", "de Vries", "Bakker", "Visser", "Smit", "Meijer", "Mulder" };
  static const char *const trades[] = { "Schoonmaak", "Techniek", "Catering", "Beveiliging", "Groen", "Transport" };
  FILE *out = fopen (path, "w");

  g_assert_nonnull (out);
  fputs ("date,supplier_kvk,supplier_name,division,object_code,category,amount_eur,invoice_no\n", out);
  for (guint i = 0; i < N_LINES; i++)
    {
      guint s = (i * 7919) % N_ERP_SUPPLIERS;
      guint cents = 1000 + (i * 104729) % 250000;

      /* About 14,000 names for 20,000 companies: the same name with another KvK number is
       * another company. */
      fprintf (out, "2024-%02u-%02u,%08u,%s %s %u B.V.,DIV%03u,OBJ%03u,cat%02u,%s%u.%02u,INV%07u\n", 1 + i / 28 % 12,
               1 + i % 28, 30000000 + s, families[s % 7], trades[s / 7 % 6], s % 333, s % 500, (i * 31) % 500, i % 40,
               i % 61 == 0 ? "-" : "", cents / 100, cents % 100, i);
    }
  fclose (out);
}

static double
time_sqlite3_import (const char *csv,
                     const char *dir,
                     gboolean commas)
{
  g_autofree char *db = g_build_filename (dir, "plain.sqlite", NULL);

  /* Each round into a new table, as ours into a new database. */
  g_unlink (db);
  g_autofree char *import = g_strdup_printf (".import '%s' spend", csv);
  const char *argv[] = { "sqlite3", "-cmd", ".mode csv", "-cmd", commas ? ".separator ," : ".separator ;", db, import, NULL };
  g_autoptr (GError) error = NULL;
  gint64 start = g_get_monotonic_time ();
  int status = 0;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL,
                     &status, &error))
    {
      g_printerr ("sqlite3 could not run: %s\n", error->message);
      return -1;
    }

  return (g_get_monotonic_time () - start) / 1e6;
}

/* Imports the file into a new database; returns the seconds it took. */
static double
time_import (const char *csv,
             const char *dir,
             guint round)
{
  static const ImpactImportOptions options = { 0 };
  g_autofree char *name = g_strdup_printf ("impact-%u.sqlite", round);
  g_autofree char *db = g_build_filename (dir, name, NULL);

  /* The next round starts from nothing, as sqlite3's does. */
  return impact_test_time_import (csv, db, &options, N_LINES);
}

/* The same into a new schema on the server, and psql's \copy into a plain table there. */
static double
time_server_import (const char *csv)
{
  static const ImpactImportOptions options = { 0 };
  g_autofree char *location = impact_test_server_location ();

  return impact_test_time_import (csv, location, &options, N_LINES);
}

static double
run_psql (const char *const *commands)
{
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();
  g_autoptr (GError) error = NULL;
  gint64 start = g_get_monotonic_time ();
  int status = 0;

  for (const char *const *a = (const char *const[]){ "psql", "-q", "-v", "ON_ERROR_STOP=1", "-d", NULL }; *a != NULL; a++)
    g_ptr_array_add (argv, (gpointer) *a);
  g_ptr_array_add (argv, (gpointer) g_getenv ("IMPACT_TEST_POSTGRESQL"));
  for (guint i = 0; commands[i] != NULL; i++)
    {
      g_ptr_array_add (argv, (gpointer) "-c");
      g_ptr_array_add (argv, (gpointer) commands[i]);
    }
  g_ptr_array_add (argv, NULL);
  if (!g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, &status, &error)
      || !g_spawn_check_wait_status (status, &error))
    {
      g_printerr ("psql could not run: %s\n", error->message);
      return -1;
    }

  return (g_get_monotonic_time () - start) / 1e6;
}

/* psql's \copy of the file into a plain table. With @staged, what any import into a table
 * with row-level security must do at least (PostgreSQL refuses COPY into one): \copy into
 * a temporary table, then INSERT … SELECT from there into a plain table, in one session. */
static double
time_psql_copy (const char *csv,
                gboolean commas,
                gboolean staged,
                guint round)
{
  /* The names are the benchmark's own, not data. */
  g_autofree char *create = g_strdup_printf ("CREATE TABLE %s_%u (a text, b text, c text, d text, e text, f text,"
                                             " g text, h text)",
                                             staged ? "landed" : "plain", round);
  g_autofree char *target = staged ? g_strdup ("staged") : g_strdup_printf ("plain_%u", round);
  g_autofree char *copy = g_strdup_printf ("\\copy %s FROM '%s' WITH (FORMAT csv, HEADER, DELIMITER '%c')", target,
                                           csv, commas ? ',' : ';');
  g_autofree char *stage = g_strdup_printf ("CREATE TEMPORARY TABLE staged (LIKE landed_%u)", round);
  g_autofree char *insert = g_strdup_printf ("INSERT INTO landed_%u SELECT * FROM staged", round);
  const char *plain[] = { create, copy, NULL };
  const char *two_steps[] = { create, stage, copy, insert, NULL };

  return run_psql (staged ? two_steps : plain);
}

/* The machines this runs on share their processors: a single run can be a quarter slower
 * or faster than the next. Both imports run ROUNDS times, taking turns, and the medians are
 * compared. */
#define ROUNDS 5

int
main (int argc,
      char *argv[])
{
  g_autofree char *dir = impact_test_make_tmpdir ();
  g_autofree char *csv = g_build_filename (dir, "inkoop.csv", NULL);
  double ours[ROUNDS], theirs[ROUNDS], ours_median, theirs_median;
  double server[ROUNDS], psql[ROUNDS], psql_staged[ROUNDS];
  gboolean on_server = g_getenv ("IMPACT_TEST_POSTGRESQL") != NULL;
  struct rusage usage;
  gboolean erp = argc > 1 && g_str_equal (argv[1], "erp");

  if (argc > 1 && !erp && !g_str_equal (argv[1], "dutch"))
    {
      g_printerr ("usage: %s [dutch|erp]\n", argv[0]);
      return 2;
    }
  if (erp)
    write_erp_export (csv);
  else
    write_export (csv);

  for (guint round = 0; round < ROUNDS; round++)
    {
      /* What the previous run wrote goes to disk first, so that neither run pays for it. */
      sync ();
      ours[round] = time_import (csv, dir, round);
      /* The peak of one import, in a process that has done nothing else (later rounds reuse
       * what the allocator kept). */
      if (round == 0)
        getrusage (RUSAGE_SELF, &usage);
      sync ();
      theirs[round] = time_sqlite3_import (csv, dir, erp);
      printf ("round %u: ours %.2f s, sqlite3 .import %.2f s (%.2fx)\n", round + 1, ours[round], theirs[round],
              ours[round] / theirs[round]);
      if (!on_server)
        continue;
      server[round] = time_server_import (csv);
      psql[round] = time_psql_copy (csv, erp, FALSE, round);
      psql_staged[round] = time_psql_copy (csv, erp, TRUE, round);
      printf ("round %u on PostgreSQL: ours %.2f s, psql \\copy %.2f s (%.2fx), \\copy to a temporary table and"
              " INSERT … SELECT %.2f s\n",
              round + 1, server[round], psql[round], server[round] / psql[round], psql_staged[round]);
    }
  ours_median = impact_test_median (ours, ROUNDS);
  theirs_median = impact_test_median (theirs, ROUNDS);

  printf ("%s shape: ", erp ? "erp" : "dutch");
  printf ("import of %d CSV lines: median %.2f s (%.0f lines/s), peak RSS %.1f MB (target < 64)\n", N_LINES,
          ours_median, N_LINES / ours_median, usage.ru_maxrss / 1024.0);
  printf ("sqlite3 .import of the same file into a plain table: median %.2f s\n", theirs_median);
  printf ("ratio of the medians: %.2fx sqlite3 (target <= 1.0)\n", ours_median / theirs_median);
  if (on_server)
    {
      double server_median = impact_test_median (server, ROUNDS), psql_median = impact_test_median (psql, ROUNDS);

      printf ("PostgreSQL: import median %.2f s (%.0f lines/s), psql \\copy into a plain table median %.2f s\n",
              server_median, N_LINES / server_median, psql_median);
      printf ("ratio of the medians: %.2fx psql \\copy (target <= 1.5)\n", server_median / psql_median);
      /* What COPY staging, which row-level security makes every import do, costs by itself. */
      printf ("psql \\copy into a temporary table and INSERT … SELECT into a plain table: median %.2f s, %.2fx psql"
              " \\copy\n",
              impact_test_median (psql_staged, ROUNDS), impact_test_median (psql_staged, ROUNDS) / psql_median);
    }

  impact_test_remove_tree (dir);
  return 0;
}
