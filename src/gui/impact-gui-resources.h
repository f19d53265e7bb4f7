/* impact-gui-resources.h: the compiled .ui files, CSS and icons
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

void impact_gui_register_resource (void);

G_END_DECLS
