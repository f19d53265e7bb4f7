/* impact-store-access.h: who may see which division of a shared database
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "impact-store.h"

G_BEGIN_DECLS

/* A login role's access: the whole group (division_code NULL) or one division. */
typedef struct
{
  char *role;
  char *division_code;
  char *division_name;
  /* The role the store is connected as. */
  gboolean is_current;
} ImpactAccessGrant;

void        impact_access_grant_free     (ImpactAccessGrant *grant);

gboolean    impact_store_sees_whole_group (ImpactStore      *self,
                                           gboolean         *whole_group,
                                           GError          **error);
gboolean    impact_store_may_grant       (ImpactStore      *self,
                                          gboolean         *may_grant,
                                          GError          **error);
gboolean    impact_store_grant           (ImpactStore       *self,
                                          const char        *role,
                                          const char        *division_code,
                                          GError           **error);
gboolean    impact_store_revoke          (ImpactStore       *self,
                                          const char        *role,
                                          GError           **error);
gboolean    impact_store_revoke_grant    (ImpactStore       *self,
                                          const char        *role,
                                          const char        *division_code,
                                          gboolean          *keeps_access,
                                          GError           **error);
GPtrArray  *impact_store_list_grants     (ImpactStore       *self,
                                          GError           **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ImpactAccessGrant, impact_access_grant_free)

G_END_DECLS
