/* impact-db-pg-translate.c: SQLite's placeholders as PostgreSQL's
 *
 * The store writes its statements once, with SQLite's "?" and "?N"; the PostgreSQL driver
 * (impact-db-pg.c) sends them with "$N".
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "impact-db-private.h"

/* @sql with SQLite's parameters ("?", "?N") as PostgreSQL's ("$N"), outside quotes and
 * comments; *n_params is the highest number. A bare "?" is one more than the highest so far,
 * as in SQLite. With @used, *used is set to the numbers that occur (from 1, as bits of a
 * GArray of gboolean indexed from 0), since SQLite lets a statement skip some. */
char *
_impact_db_pg_translate (const char *sql,
                         int *n_params,
                         GArray **used)
{
  GString *out = g_string_sized_new (strlen (sql) + 16);
  g_autoptr (GArray) seen = g_array_new (FALSE, TRUE, sizeof (gboolean));
  int highest = 0;

  for (const char *p = sql; *p != '\0'; p++)
    {
      if (*p == '\'' || *p == '"')
        {
          char quote = *p;
          const char *end = strchr (p + 1, quote);

          end = end != NULL ? end : p + strlen (p) - 1;
          g_string_append_len (out, p, end - p + 1);
          p = end;
        }
      else if (p[0] == '-' && p[1] == '-')
        {
          const char *end = strchr (p, '\n');

          end = end != NULL ? end : p + strlen (p) - 1;
          g_string_append_len (out, p, end - p + 1);
          p = end;
        }
      else if (*p == '?')
        {
          int number;

          if (g_ascii_isdigit (p[1]))
            {
              char *end;

              number = (int) strtol (p + 1, &end, 10);
              p = end - 1;
            }
          else
            number = highest + 1;
          highest = MAX (highest, number);
          if ((guint) number > seen->len)
            g_array_set_size (seen, number);
          g_array_index (seen, gboolean, number - 1) = TRUE;
          g_string_append_printf (out, "$%d", number);
        }
      else
        g_string_append_c (out, *p);
    }

  *n_params = highest;
  if (used != NULL)
    *used = g_steal_pointer (&seen);

  return g_string_free (out, FALSE);
}
