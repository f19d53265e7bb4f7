/* impact-store-private.h: what the store's files share
 *
 * The store is one object whose API is split by what it keeps (impact-store.c: opening,
 * transactions, settings; impact-store-nodes.c; impact-store-suppliers.c; the batches,
 * summaries, SROI and engagement files). These are its fields and the statement helpers
 * they share.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "impact-db-stmt.h"
#include "impact-store.h"

G_BEGIN_DECLS

struct _ImpactStore
{
  GObject parent_instance;

  ImpactDb *db;
  char *backup_path;
};

gint64 _impact_store_insert_batch_row (ImpactDb           *db,
                                       const ImpactBatch  *batch,
                                       GError            **error);

G_END_DECLS
