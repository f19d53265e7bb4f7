/* impact-engagement-panel.h: a supplier's way to a certificate, its history and PSO data
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "storage/impact-store.h"

G_BEGIN_DECLS

#define IMPACT_TYPE_ENGAGEMENT_PANEL (impact_engagement_panel_get_type ())

G_DECLARE_FINAL_TYPE (ImpactEngagementPanel, impact_engagement_panel, IMPACT, ENGAGEMENT_PANEL, AdwBin)

void impact_engagement_panel_show (ImpactEngagementPanel *self,
                                   ImpactStore           *store,
                                   gint64                 supplier_id,
                                   const char            *supplier_name);

G_END_DECLS
