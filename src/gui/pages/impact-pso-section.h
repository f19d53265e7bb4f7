/* impact-pso-section.h: the PSO contribution a division or the group makes through its purchases
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "query/impact-impact-query.h"
#include "storage/impact-store.h"

G_BEGIN_DECLS

#define IMPACT_TYPE_PSO_SECTION (impact_pso_section_get_type ())

G_DECLARE_FINAL_TYPE (ImpactPsoSection, impact_pso_section, IMPACT, PSO_SECTION, AdwBin)

void impact_pso_section_set_store (ImpactPsoSection       *self,
                                   ImpactStore            *store);
void impact_pso_section_show      (ImpactPsoSection       *self,
                                   const ImpactNode       *node,
                                   const ImpactPsoFigures *pso);

G_END_DECLS
