/* impact-migrations.h: numbered schema steps, one list per driver
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "impact-db.h"

G_BEGIN_DECLS

/* "IMPD": marks a file as ours in the SQLite header (PRAGMA application_id). */
#define IMPACT_APPLICATION_ID 0x494d5044

int       impact_migrations_get_latest (ImpactDb  *db);
gboolean  impact_migrations_run        (ImpactDb  *db,
                                        char     **backup_path,
                                        GError   **error);

G_END_DECLS
