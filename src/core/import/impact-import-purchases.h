/* impact-import-purchases.h: a row of a spend export into a purchase line
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "impact-import-context.h"

G_BEGIN_DECLS

gboolean          _impact_import_purchase_row      (Import           *im,
                                                    const ImpactRow  *row,
                                                    GError          **error);
void              _impact_import_type_purchase_row (ImpactRow        *row,
                                                    gpointer          data);
gboolean          _impact_import_purchase_rows     (Import           *im,
                                                    ImpactRow *const *rows,
                                                    guint             n_rows,
                                                    GError          **error);
gboolean          _impact_import_check_outside     (Import           *im,
                                                    GError          **error);

G_END_DECLS
