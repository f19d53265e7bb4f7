/* main.c: start Impact Dashboard
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "impact-main"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "impact-application.h"

int
main (int argc,
      char *argv[])
{
  g_autoptr (ImpactApplication) app = NULL;
  const char *localedir = g_getenv ("IMPACT_DASHBOARD_LOCALEDIR");

  /* Set before anything prints, so the command-line mode speaks the user's language too.
   * IMPACT_DASHBOARD_LOCALEDIR lets `meson devenv` run with the translations of the build
   * tree. */
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = impact_application_new ();

  return g_application_run (G_APPLICATION (app), argc, argv);
}
