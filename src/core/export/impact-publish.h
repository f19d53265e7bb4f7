/* impact-publish.h: a local database copied to a shared one
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "storage/impact-store.h"

G_BEGIN_DECLS

gboolean impact_publish (ImpactStore        *source,
                         const char         *location,
                         GCancellable       *cancellable,
                         ImpactStoreCounts  *published,
                         GError            **error);

G_END_DECLS
