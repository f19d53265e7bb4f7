/* impact-column-report.h: why each column has its field, and whether the import may trust it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "impact-mapping.h"

G_BEGIN_DECLS

gboolean impact_mapping_check_certain     (const ImpactMapping *mapping,
                                           GError             **error);
gboolean impact_mapping_field_is_required (const ImpactMapping *mapping,
                                           ImpactField          field);
char    *impact_mapping_describe_column   (const ImpactMapping *mapping,
                                           guint                column);

G_END_DECLS
