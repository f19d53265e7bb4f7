/* impact-store-dump.h: every row of a table, in plain values, for a dataset's export
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "impact-db-stmt.h"
#include "impact-store.h"

G_BEGIN_DECLS

/* What can be dumped, and the columns of each (ids of suppliers as "s" and the id, nodes
 * by level name and code, days as GDate Julian days):
 *
 * - SUPPLIERS: id (integer), name, kvk, vat_id, erp_id; by id;
 * - PURCHASE_LINES: invoice day, supplier, division code, object code, amount in cents,
 *   invoice number, category, GL account, description; by id;
 * - SHARE_TARGETS: level, code, share;
 * - SROI_OBLIGATIONS: object code, kind, percent, cap, fixed amount, own social factor,
 *   rule set;
 * - SROI_ENTRIES: object code, day, amount in cents, description;
 * - PSO_ORGANISATION: level, code, FTE, direct share;
 * - PSO_SUPPLIERS: supplier, turnover in cents, FTE, direct share;
 * - PSO_NORMS: valid from (day), trede, share. */
typedef enum
{
  IMPACT_DUMP_SUPPLIERS,
  IMPACT_DUMP_PURCHASE_LINES,
  IMPACT_DUMP_SHARE_TARGETS,
  IMPACT_DUMP_SROI_OBLIGATIONS,
  IMPACT_DUMP_SROI_ENTRIES,
  IMPACT_DUMP_PSO_ORGANISATION,
  IMPACT_DUMP_PSO_SUPPLIERS,
  IMPACT_DUMP_PSO_NORMS,
} ImpactDumpTable;

/* Called for every row; returning FALSE (with @error set) stops the dump. The values hold
 * until it returns. */
typedef gboolean (*ImpactDumpFunc) (const ImpactValue *values,
                                    guint              n_values,
                                    gpointer           user_data,
                                    GError           **error);

gboolean impact_store_dump (ImpactStore     *self,
                            ImpactDumpTable  table,
                            ImpactDumpFunc   func,
                            gpointer         user_data,
                            GError         **error);

G_END_DECLS
