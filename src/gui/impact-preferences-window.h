/* impact-preferences-window.h: the preferences
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "storage/impact-store.h"

G_BEGIN_DECLS

#define IMPACT_TYPE_PREFERENCES_WINDOW (impact_preferences_window_get_type ())

G_DECLARE_FINAL_TYPE (ImpactPreferencesWindow, impact_preferences_window, IMPACT,
                      PREFERENCES_WINDOW, AdwPreferencesWindow)

ImpactPreferencesWindow *impact_preferences_window_new       (GSettings               *settings);
void                     impact_preferences_window_set_store (ImpactPreferencesWindow *self,
                                                              ImpactStore             *store);

G_END_DECLS
