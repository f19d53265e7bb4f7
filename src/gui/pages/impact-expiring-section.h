/* impact-expiring-section.h: the certificates of suppliers that end soon
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "query/impact-impact-query.h"

G_BEGIN_DECLS

#define IMPACT_TYPE_EXPIRING_SECTION (impact_expiring_section_get_type ())

G_DECLARE_FINAL_TYPE (ImpactExpiringSection, impact_expiring_section, IMPACT, EXPIRING_SECTION, AdwBin)

void impact_expiring_section_show  (ImpactExpiringSection *self,
                                    GPtrArray             *expiring,
                                    guint                  horizon,
                                    guint32                today);
void impact_expiring_section_focus (ImpactExpiringSection *self);

G_END_DECLS
