/* impact-import-registers.h: rows of the supplier register and of the organisation file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "impact-import-context.h"

G_BEGIN_DECLS

gboolean          _impact_import_status_row        (Import           *im,
                                                    const ImpactRow  *row,
                                                    GError          **error);
gboolean          _impact_import_org_row           (Import           *im,
                                                    const ImpactRow  *row,
                                                    GError          **error);

G_END_DECLS
