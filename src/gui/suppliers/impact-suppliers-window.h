/* impact-suppliers-window.h: every supplier, sortable and searchable, with its statuses
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "query/impact-period.h"
#include "storage/impact-store.h"

G_BEGIN_DECLS

#define IMPACT_TYPE_SUPPLIERS_WINDOW (impact_suppliers_window_get_type ())

G_DECLARE_FINAL_TYPE (ImpactSuppliersWindow, impact_suppliers_window, IMPACT, SUPPLIERS_WINDOW, AdwWindow)

ImpactSuppliersWindow *impact_suppliers_window_new          (GtkWindow             *parent,
                                                             ImpactStore           *store,
                                                             const ImpactPeriod    *period);
guint                  impact_suppliers_window_get_n_shown  (ImpactSuppliersWindow *self);
gboolean               impact_suppliers_window_select       (ImpactSuppliersWindow *self,
                                                             const char            *name);
void                   impact_suppliers_window_sort_by      (ImpactSuppliersWindow *self,
                                                             guint                  column,
                                                             GtkSortType            order);
const char            *impact_suppliers_window_get_name_at  (ImpactSuppliersWindow *self,
                                                             guint                  position);
gboolean               impact_suppliers_window_add_status   (ImpactSuppliersWindow *self,
                                                             ImpactSocialClass      kind,
                                                             guint32                valid_from,
                                                             guint32                valid_until,
                                                             GError               **error);
gboolean               impact_suppliers_window_update_status (ImpactSuppliersWindow *self,
                                                             gint64                 status_id,
                                                             ImpactSocialClass      kind,
                                                             guint32                valid_from,
                                                             guint32                valid_until,
                                                             GError               **error);

G_END_DECLS
