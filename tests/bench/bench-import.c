/* bench-import.c: a 1,000,000-line CSV export imported end to end, against sqlite3 .import
 *
 * Generates a Dutch spend export (semicolons, decimal commas, day-month dates), imports it
 * into a new database through impact_import_file() (parse, map, validate, match suppliers,
 * deduplicate, commit), and times the sqlite3 shell importing the same file into a plain
 * table. Target: at most 1.0x the sqlite3 time, under 64 MB peak RSS.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>
#include <sys/resource.h>

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

static double
time_sqlite3_import (const char *csv,
                     const char *dir)
{
  g_autofree char *db = g_build_filename (dir, "plain.sqlite", NULL);
  g_autofree char *import = g_strdup_printf (".import '%s' spend", csv);
  const char *argv[] = { "sqlite3", "-cmd", ".mode csv", "-cmd", ".separator ;", db, import, NULL };
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

int
main (int argc,
      char *argv[])
{
  g_autofree char *dir = impact_test_make_tmpdir ();
  g_autofree char *csv = g_build_filename (dir, "inkoop.csv", NULL);
  g_autofree char *db = g_build_filename (dir, "impact.sqlite", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (ImpactStore) store = NULL;
  g_autoptr (ImpactImportSummary) summary = NULL;
  static const ImpactImportOptions options = { 0 };
  struct rusage usage;
  double ours, theirs;
  gint64 start;

  write_export (csv);
  store = impact_store_open (db, &error);
  g_assert_no_error (error);

  start = g_get_monotonic_time ();
  summary = impact_import_file (store, csv, &options, NULL, &error);
  ours = (g_get_monotonic_time () - start) / 1e6;
  g_assert_no_error (error);
  g_assert_cmpint (summary->rows_accepted, ==, N_LINES);
  getrusage (RUSAGE_SELF, &usage);

  theirs = time_sqlite3_import (csv, dir);

  printf ("import of %d CSV lines: %.2f s (%.0f lines/s), peak RSS %.1f MB (target < 64)\n", N_LINES,
          ours, N_LINES / ours, usage.ru_maxrss / 1024.0);
  printf ("sqlite3 .import of the same file into a plain table: %.2f s\n", theirs);
  printf ("ratio: %.2fx sqlite3 (target <= 1.0)\n", ours / theirs);

  g_clear_object (&store);
  impact_test_remove_tree (dir);
  return 0;
}
