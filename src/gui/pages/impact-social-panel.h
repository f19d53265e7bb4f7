/* impact-social-panel.h: social return, the PSO estimate and expiring certificates of a node
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "query/impact-impact-query.h"

G_BEGIN_DECLS

#define IMPACT_TYPE_SOCIAL_PANEL (impact_social_panel_get_type ())

G_DECLARE_FINAL_TYPE (ImpactSocialPanel, impact_social_panel, IMPACT, SOCIAL_PANEL, AdwBin)

void impact_social_panel_set_store (ImpactSocialPanel  *self,
                                    ImpactStore        *store);
void impact_social_panel_show      (ImpactSocialPanel  *self,
                                    const ImpactNode   *node,
                                    const ImpactPeriod *period,
                                    ImpactSroiOverview *sroi,
                                    ImpactPsoFigures   *pso,
                                    GPtrArray          *expiring,
                                    GPtrArray          *opportunities,
                                    guint               horizon);
void impact_social_panel_focus_expiring (ImpactSocialPanel *self);
guint impact_social_panel_get_n_contracts (ImpactSocialPanel *self);
gboolean impact_social_panel_activate_contract (ImpactSocialPanel *self,
                                                guint              position);

gboolean impact_social_panel_save_table (ImpactSocialPanel *self,
                                         const char        *table_name,
                                         const char        *format,
                                         const char        *path,
                                         GError           **error);

G_END_DECLS
