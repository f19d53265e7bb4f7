/* impact-cli-access.c: --grant, --revoke and --grants: who may see which division of a
 * shared database
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "impact-cli"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "impact-cli-private.h"
#include "storage/impact-store-access.h"

static int
fail (GError *error)
{
  g_printerr ("%s\n", error->message);
  return IMPACT_CLI_EXIT_FAILED;
}

int
impact_cli_grant (const char *database,
                  const char *role,
                  const char *division_code)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ImpactStore) store = impact_store_open (database, &error);

  if (store == NULL || !impact_store_grant (store, role, division_code, &error))
    return fail (error);

  if (division_code != NULL)
    /* Translators: a role, a division's code and the shared database's name. */
    g_print (_ ("“%s” may now see and change the division %s in “%s”.\n"), role, division_code,
             impact_store_get_name (store));
  else
    /* Translators: a role and the shared database's name. */
    g_print (_ ("“%s” may now see and change the whole group in “%s”.\n"), role, impact_store_get_name (store));

  return IMPACT_CLI_EXIT_OK;
}

int
impact_cli_revoke (const char *database,
                   const char *role,
                   const char *division_code)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ImpactStore) store = impact_store_open (database, &error);

  if (store == NULL
      || !(division_code != NULL ? impact_store_revoke_grant (store, role, division_code, NULL, &error)
                                 : impact_store_revoke (store, role, &error)))
    return fail (error);

  if (division_code != NULL)
    /* Translators: a role, a division's code and the shared database's name. */
    g_print (_ ("“%s” no longer sees the division %s in “%s”.\n"), role, division_code,
             impact_store_get_name (store));
  else
    /* Translators: a role and the shared database's name. */
    g_print (_ ("“%s” has no access to “%s” any more.\n"), role, impact_store_get_name (store));

  return IMPACT_CLI_EXIT_OK;
}

int
impact_cli_list_grants (const char *database)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ImpactStore) store = impact_store_open (database, &error);
  g_autoptr (GPtrArray) grants = NULL;

  if (store != NULL)
    grants = impact_store_list_grants (store, &error);
  if (grants == NULL)
    return fail (error);

  for (guint i = 0; i < grants->len; i++)
    {
      const ImpactAccessGrant *grant = g_ptr_array_index (grants, i);
      g_autofree char *access = grant->division_code != NULL
                                    /* Translators: a division's access: its code and name. */
                                    ? g_strdup_printf (_ ("division %s (%s)"), grant->division_code,
                                                       grant->division_name)
                                    : g_strdup (_ ("the whole group"));

      impact_cli_print_row (grant->role, access);
    }

  return IMPACT_CLI_EXIT_OK;
}
