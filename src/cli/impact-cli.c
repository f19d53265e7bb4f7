/* impact-cli.c: what the application does without a window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "impact-cli"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>

#include "demo/impact-demo.h"
#include "impact-cli.h"
#include "model/impact-format.h"
#include "storage/impact-store-counts.h"

static const GOptionEntry option_entries[] = {
  { "version", 'v', 0, G_OPTION_ARG_NONE, NULL, N_ ("Show the version and exit"), NULL },
  { "database", 'd', 0, G_OPTION_ARG_FILENAME, NULL,
    N_ ("Use this SQLite database instead of the default one"), N_ ("FILE") },
  { "demo", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_ ("Write the demo data into the database (which must be empty or new) and exit"), NULL },
  { "demo-date", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_ ("With --demo: the day the demo data ends on (default: today)"), N_ ("YYYY-MM-DD") },
  { NULL },
};

const GOptionEntry *
impact_cli_get_option_entries (void)
{
  return option_entries;
}

static void
print_row (const char *label,
           const char *value)
{
  /* Pad by characters, not bytes, so Dutch labels with accents still line up. */
  glong pad = 24 - g_utf8_strlen (label, -1);

  g_print ("  %s%*s%s\n", label, (int) MAX (pad, 1), "", value);
}

static void
print_counts (const ImpactStoreCounts *counts)
{
  g_auto (ImpactCountsText) text = { 0 };

  impact_counts_text_init (&text, counts);
  print_row (_ ("Divisions:"), text.divisions);
  print_row (_ ("Objects:"), text.objects);
  print_row (_ ("Suppliers:"), text.suppliers);
  print_row (_ ("Supplier statuses:"), text.statuses);
  print_row (_ ("Purchase lines:"), text.lines);
  print_row (_ ("Period:"), text.period);
  print_row (_ ("Total spend:"), text.total);
  print_row (_ ("Social spend:"), text.social);
}

static int
write_demo (const char *path,
            const char *date)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ImpactStore) store = NULL;
  g_autofree char *name = g_filename_display_name (path);
  ImpactStoreCounts counts;
  guint32 day = date != NULL ? impact_day_from_iso (date) : impact_day_today ();

  if (day == 0)
    {
      /* Translators: %s is the date as the user typed it. */
      g_printerr (_ ("“%s” is not a date; write it as YYYY-MM-DD, for example 2025-12-31.\n"), date);
      return IMPACT_CLI_EXIT_USAGE;
    }

  store = impact_store_open (path, &error);
  if (store == NULL || !impact_demo_write (store, day, NULL, NULL, NULL, &error)
      || !impact_store_get_counts (store, &counts, &error))
    {
      g_printerr ("%s\n", error->message);
      return IMPACT_CLI_EXIT_FAILED;
    }

  g_print (_ ("Demo data written to “%s”.\n"), name);
  print_counts (&counts);

  return IMPACT_CLI_EXIT_OK;
}

/* Runs the options that need no window. Returns an exit code, or -1 when the application
 * should go on and open its window. */
int
impact_cli_handle_options (GVariantDict *options)
{
  g_autofree char *database = NULL;
  const char *date = NULL;

  g_return_val_if_fail (options != NULL, IMPACT_CLI_EXIT_FAILED);

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("%s %s\n", GETTEXT_PACKAGE, PACKAGE_VERSION);
      return IMPACT_CLI_EXIT_OK;
    }

  g_variant_dict_lookup (options, "database", "^ay", &database);
  g_variant_dict_lookup (options, "demo-date", "&s", &date);

  if (g_variant_dict_contains (options, "demo"))
    {
      g_autofree char *path = database != NULL ? g_steal_pointer (&database)
                                               : impact_demo_get_default_path ();

      return write_demo (path, date);
    }

  if (date != NULL)
    {
      g_printerr (_ ("--demo-date goes with --demo.\n"));
      return IMPACT_CLI_EXIT_USAGE;
    }

  return -1;
}
