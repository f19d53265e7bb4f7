/* impact-key-figures.h: the four key figures at the top of the dashboard
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "query/impact-query.h"
#include "storage/impact-store.h"

G_BEGIN_DECLS

#define IMPACT_TYPE_KEY_FIGURES (impact_key_figures_get_type ())

G_DECLARE_FINAL_TYPE (ImpactKeyFigures, impact_key_figures, IMPACT, KEY_FIGURES, AdwBin)

void impact_key_figures_show (ImpactKeyFigures    *self,
                              const ImpactFigures *figures,
                              gint64               n_expiring,
                              guint                horizon);

void impact_key_figures_ask_target (ImpactKeyFigures    *self,
                                    ImpactStore         *store,
                                    const ImpactFigures *figures);

G_END_DECLS
