/* impact-file-hash.h: the SHA-256 of an imported file, worked out beside the import
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _ImpactFileHash ImpactFileHash;

ImpactFileHash *impact_file_hash_start  (const char      *path);
char           *impact_file_hash_finish (ImpactFileHash **hasher);
void            impact_file_hash_cancel (ImpactFileHash **hasher);

G_END_DECLS
