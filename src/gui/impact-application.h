/* impact-application.h: the application object
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define IMPACT_TYPE_APPLICATION (impact_application_get_type ())

G_DECLARE_FINAL_TYPE (ImpactApplication, impact_application, IMPACT, APPLICATION, AdwApplication)

ImpactApplication *impact_application_new               (void);
const char        *impact_application_get_database_path (ImpactApplication *self);
GSettings         *impact_application_get_settings      (ImpactApplication *self);

G_END_DECLS
