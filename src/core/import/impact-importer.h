/* impact-importer.h: purchase lines from an export into the store, checked row by row
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "impact-import-summary.h"
#include "impact-mapping.h"
#include "storage/impact-store.h"

G_BEGIN_DECLS

ImpactImportSummary *impact_import_file         (ImpactStore               *store,
                                                 const char                *path,
                                                 const ImpactImportOptions *options,
                                                 GCancellable              *cancellable,
                                                 GError                   **error);
ImpactImportSummary *impact_import_preview      (ImpactStore               *store,
                                                 const char                *path,
                                                 const ImpactImportOptions *options,
                                                 GError                   **error);
ImpactImportSummary *impact_import_reader       (ImpactStore               *store,
                                                 ImpactReader              *reader,
                                                 const char                *content_hash,
                                                 const ImpactImportOptions *options,
                                                 GCancellable              *cancellable,
                                                 GError                   **error);

G_END_DECLS
