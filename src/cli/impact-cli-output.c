/* impact-cli-output.c: the command line's shared output: aligned rows of label and value
 *
 * Labels are padded by characters, not bytes, so that Dutch labels with accents line up.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "impact-cli"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "impact-cli-private.h"

void
impact_cli_print_row_in (const char *label,
                         const char *value,
                         glong width)
{
  /* Pad by characters, not bytes, so Dutch labels with accents still line up. */
  glong pad = width - g_utf8_strlen (label, -1);

  g_print ("  %s%*s%s\n", label, (int) MAX (pad, 2), "", value);
}

void
impact_cli_print_row (const char *label,
                      const char *value)
{
  impact_cli_print_row_in (label, value, 24);
}

void
impact_cli_print_counts (const ImpactStoreCounts *counts)
{
  g_auto (ImpactCountsText) text = { 0 };

  impact_counts_text_init (&text, counts);
  impact_cli_print_row (_ ("Divisions:"), text.divisions);
  impact_cli_print_row (_ ("Objects:"), text.objects);
  impact_cli_print_row (_ ("Suppliers:"), text.suppliers);
  impact_cli_print_row (_ ("Supplier statuses:"), text.statuses);
  impact_cli_print_row (_ ("Purchase lines:"), text.lines);
  impact_cli_print_row (_ ("Period:"), text.period);
  impact_cli_print_row (_ ("Total spend:"), text.total);
  impact_cli_print_row (_ ("Social spend:"), text.social);
}

/* The database at @database, which must be there already (opening a file that is not
 * creates it); NULL, with the reason printed, when it is not or cannot be opened. */
ImpactStore *
impact_cli_open_existing (const char *database)
{
  g_autoptr (GError) error = NULL;
  ImpactStore *store;

  if (!impact_db_location_exists (database))
    {
      g_autofree char *name = impact_db_location_get_display_name (database);

      g_printerr (_ ("There is no database “%s”.\n"), name);
      return NULL;
    }
  store = impact_store_open (database, &error);
  if (store == NULL)
    g_printerr ("%s\n", error->message);

  return store;
}
