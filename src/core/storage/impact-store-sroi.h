/* impact-store-sroi.h: contract obligations, rule sets, hand-entered realisation and the
 * inputs of the PSO estimate
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "impact-store.h"
#include "model/impact-pso.h"
#include "model/impact-sroi.h"

G_BEGIN_DECLS

gboolean   impact_store_get_sroi_obligation (ImpactStore            *self,
                                             gint64                  object_id,
                                             ImpactSroiObligation   *obligation,
                                             GError                **error);
gboolean   impact_store_set_sroi_obligation (ImpactStore            *self,
                                             gint64                  object_id,
                                             const ImpactSroiObligation *obligation,
                                             GError                **error);
GPtrArray *impact_store_list_sroi_entries   (ImpactStore            *self,
                                             gint64                  object_id,
                                             GError                **error);
gint64     impact_store_add_sroi_entry      (ImpactStore            *self,
                                             const ImpactSroiEntry  *entry,
                                             GError                **error);
gboolean   impact_store_delete_sroi_entry   (ImpactStore            *self,
                                             gint64                  entry_id,
                                             GError                **error);
GPtrArray *impact_store_list_rule_sets      (ImpactStore            *self,
                                             GError                **error);
gboolean   impact_store_find_rule_set       (ImpactStore            *self,
                                             const char             *name,
                                             guint32                 day,
                                             ImpactSroiRules        *rules,
                                             GError                **error);
gint64     impact_store_add_rule_set        (ImpactStore            *self,
                                             const ImpactSroiRules  *rules,
                                             GError                **error);

gboolean   impact_store_get_pso_organisation (ImpactStore           *self,
                                             gint64                  node_id,
                                             double                 *fte,
                                             double                 *direct_share,
                                             GError                **error);
gboolean   impact_store_set_pso_organisation (ImpactStore           *self,
                                             gint64                  node_id,
                                             double                  fte,
                                             double                  direct_share,
                                             GError                **error);
gboolean   impact_store_get_pso_supplier    (ImpactStore            *self,
                                             gint64                  supplier_id,
                                             ImpactPsoSupplier      *supplier,
                                             GError                **error);
gboolean   impact_store_set_pso_supplier    (ImpactStore            *self,
                                             gint64                  supplier_id,
                                             const ImpactPsoSupplier *supplier,
                                             GError                **error);
gboolean   impact_store_get_pso_norms       (ImpactStore            *self,
                                             guint32                 day,
                                             ImpactPsoNorms         *norms,
                                             GError                **error);
gboolean   impact_store_set_pso_norms       (ImpactStore            *self,
                                             const ImpactPsoNorms   *norms,
                                             GError                **error);

G_END_DECLS
