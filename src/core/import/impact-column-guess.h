/* impact-column-guess.h: which field each column holds, by its name and its values
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "impact-column-report.h"
#include "impact-mapping.h"

G_BEGIN_DECLS

/* Rows after the header that the values are checked on. */
#define IMPACT_GUESS_ROWS 200

ImpactMapping *impact_mapping_guess            (const ImpactRow     *header,
                                                GPtrArray           *rows,
                                                ImpactImportTarget   target);
guint          impact_header_score             (const ImpactRow     *row);

G_END_DECLS
