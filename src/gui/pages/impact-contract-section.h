/* impact-contract-section.h: one contract's data and what was realised otherwise
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "query/impact-impact-query.h"
#include "storage/impact-store.h"

G_BEGIN_DECLS

#define IMPACT_TYPE_CONTRACT_SECTION (impact_contract_section_get_type ())

G_DECLARE_FINAL_TYPE (ImpactContractSection, impact_contract_section, IMPACT, CONTRACT_SECTION, AdwBin)

void                 impact_contract_section_set_store    (ImpactContractSection    *self,
                                                           ImpactStore              *store);
void                 impact_contract_section_show         (ImpactContractSection    *self,
                                                           const ImpactNode         *node,
                                                           const ImpactSroiOverview *sroi);
const ImpactSroiRow *impact_contract_section_get_contract (ImpactContractSection    *self);

G_END_DECLS
