/* impact-cli-demo.c: --demo: the demo group written into a new or empty database
 *
 * The demo data ends on --demo-date (default: today) and is marked as demo data.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "impact-cli"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "demo/impact-demo.h"
#include "impact-cli-private.h"
#include "model/impact-format.h"

int
impact_cli_write_demo (const char *path,
                       const char *date)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ImpactStore) store = NULL;
  g_autofree char *name = impact_db_location_get_display_name (path);
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
  impact_cli_print_counts (&counts);

  return IMPACT_CLI_EXIT_OK;
}
