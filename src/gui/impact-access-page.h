/* impact-access-page.h: who sees what of a shared database, for its administrator
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "storage/impact-store.h"

G_BEGIN_DECLS

#define IMPACT_TYPE_ACCESS_PAGE (impact_access_page_get_type ())

G_DECLARE_FINAL_TYPE (ImpactAccessPage, impact_access_page, IMPACT, ACCESS_PAGE, AdwPreferencesPage)

ImpactAccessPage *impact_access_page_new (ImpactStore *store);

G_END_DECLS
