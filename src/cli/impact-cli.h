/* impact-cli.h: what the application does without a window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Exit codes of the command-line mode. */
typedef enum
{
  IMPACT_CLI_EXIT_OK = 0,
  IMPACT_CLI_EXIT_FAILED = 1,
  IMPACT_CLI_EXIT_USAGE = 2,
} ImpactCliExit;

const GOptionEntry *impact_cli_get_option_entries (void);
int                 impact_cli_handle_options     (GVariantDict *options);

G_END_DECLS
