/* impact-sroi-section.h: the social return of a node, its divisions and its contracts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "query/impact-impact-query.h"

G_BEGIN_DECLS

#define IMPACT_TYPE_SROI_SECTION (impact_sroi_section_get_type ())

G_DECLARE_FINAL_TYPE (ImpactSroiSection, impact_sroi_section, IMPACT, SROI_SECTION, AdwBin)

void     impact_sroi_section_show              (ImpactSroiSection        *self,
                                                const ImpactNode         *node,
                                                const ImpactSroiOverview *sroi);
guint    impact_sroi_section_get_n_contracts   (ImpactSroiSection        *self);
gboolean impact_sroi_section_activate_contract (ImpactSroiSection        *self,
                                                guint                     position);

G_END_DECLS
