/* impact-gui-resources.c: the compiled .ui files, CSS and icons
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "impact-gui-resources"

#include "config.h"

#include <gio/gio.h>

#include "impact-gui-resources.h"
#include "impact-resources.h"

/* The resources are registered by hand, not by a constructor: a constructor in a static
 * library is dropped by the linker when nothing refers to it, and the tests link the
 * library without the application. */
void
impact_gui_register_resource (void)
{
  static gsize registered;

  if (g_once_init_enter (&registered))
    {
      impact_register_resource ();
      g_once_init_leave (&registered, 1);
    }
}
