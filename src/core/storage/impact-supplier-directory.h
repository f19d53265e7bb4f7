/* impact-supplier-directory.h: the suppliers an import matches its rows against, in memory
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "impact-store.h"

G_BEGIN_DECLS

typedef struct _ImpactSupplierDirectory ImpactSupplierDirectory;

ImpactSupplierDirectory *impact_supplier_directory_load  (ImpactStore             *store,
                                                          gboolean                 writes,
                                                          gboolean                 defer,
                                                          GError                 **error);
void                  impact_supplier_directory_free     (ImpactSupplierDirectory *self);
const ImpactSupplier *impact_supplier_directory_find     (ImpactSupplierDirectory *self,
                                                          const char              *kvk,
                                                          const char              *vat_id,
                                                          const char              *erp_id,
                                                          const char              *name,
                                                          GError                 **error);
gint64                impact_supplier_directory_count_named (ImpactSupplierDirectory *self,
                                                          const char              *name,
                                                          GError                 **error);
gint64                impact_supplier_directory_add      (ImpactSupplierDirectory *self,
                                                          const ImpactSupplier    *supplier,
                                                          GError                 **error);
gboolean              impact_supplier_directory_add_numbers (ImpactSupplierDirectory *self,
                                                          gint64                   id,
                                                          const char              *kvk,
                                                          const char              *vat_id,
                                                          const char              *erp_id,
                                                          GError                 **error);
gboolean              impact_supplier_directory_add_alias (ImpactSupplierDirectory *self,
                                                          gint64                   id,
                                                          const char              *alias,
                                                          GError                 **error);
gboolean              impact_supplier_directory_flush    (ImpactSupplierDirectory *self,
                                                          GError                 **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ImpactSupplierDirectory, impact_supplier_directory_free)

G_END_DECLS
