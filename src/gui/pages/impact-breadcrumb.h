/* impact-breadcrumb.h: the way from the group down to the unit shown
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define IMPACT_TYPE_BREADCRUMB (impact_breadcrumb_get_type ())

G_DECLARE_FINAL_TYPE (ImpactBreadcrumb, impact_breadcrumb, IMPACT, BREADCRUMB, GtkWidget)

GtkWidget *impact_breadcrumb_new  (void);
void       impact_breadcrumb_show (ImpactBreadcrumb *self,
                                   GPtrArray        *trail);

G_END_DECLS
