/* impact-opportunities-section.h: where the largest non-social spend could go
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "query/impact-impact-query.h"

G_BEGIN_DECLS

#define IMPACT_TYPE_OPPORTUNITIES_SECTION (impact_opportunities_section_get_type ())

G_DECLARE_FINAL_TYPE (ImpactOpportunitiesSection, impact_opportunities_section, IMPACT, OPPORTUNITIES_SECTION, AdwBin)

void impact_opportunities_section_show (ImpactOpportunitiesSection *self,
                                        GPtrArray                  *opportunities);

G_END_DECLS
