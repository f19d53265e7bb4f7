/* impact-exchange.h: the application's own JSON exchange format
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "impact-import-summary.h"
#include "storage/impact-store.h"

G_BEGIN_DECLS

#define IMPACT_EXCHANGE_FORMAT "impact-dashboard"
#define IMPACT_EXCHANGE_VERSION 1

gboolean             impact_exchange_is_document (JsonNode                  *root);
ImpactImportSummary *impact_import_exchange      (ImpactStore               *store,
                                                  JsonNode                  *root,
                                                  const char                *path,
                                                  const char                *content_hash,
                                                  const ImpactImportOptions *options,
                                                  GCancellable              *cancellable,
                                                  GError                   **error);

G_END_DECLS
