/* impact-cli-private.h: the command families of the command line, for its dispatcher
 *
 * impact-cli.c reads the options and calls one of these; each returns an exit code
 * (ImpactCliExit). Shared by the files of src/cli only.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "impact-cli.h"
#include "impact-report.h"
#include "storage/impact-store-counts.h"

G_BEGIN_DECLS

/* impact-cli-output.c */
void  impact_cli_print_row_in    (const char              *label,
                                  const char              *value,
                                  glong                    width);
void  impact_cli_print_row       (const char              *label,
                                  const char              *value);
void  impact_cli_print_counts    (const ImpactStoreCounts *counts);
ImpactStore *impact_cli_open_existing (const char         *database);

/* impact-cli-access.c */
int   impact_cli_grant           (const char              *database,
                                  const char              *role,
                                  const char              *division_code);
int   impact_cli_revoke          (const char              *database,
                                  const char              *role,
                                  const char              *division_code);
int   impact_cli_list_grants     (const char              *database);

/* impact-cli-demo.c */
int   impact_cli_write_demo      (const char              *path,
                                  const char              *date);

/* impact-cli-import.c */
int   impact_cli_import_file     (const char              *database,
                                  const char              *path,
                                  GVariantDict            *options);
int   impact_cli_list_imports    (const char              *database);
int   impact_cli_undo_import     (const char              *database,
                                  gint64                   batch_id);

/* impact-cli-summary.c */
int   impact_cli_read_node_data  (const char              *database,
                                  GVariantDict            *options,
                                  ImpactReportData       **data);
int   impact_cli_show_summary    (const char              *database,
                                  GVariantDict            *options);

/* impact-cli-json.c */
char *impact_cli_figures_to_json (const ImpactReportData  *data);

/* impact-cli-export.c */
int   impact_cli_write_report    (const char              *database,
                                  const char              *out,
                                  GVariantDict            *options);
int   impact_cli_export_tables   (const char              *database,
                                  const char              *out,
                                  gboolean                 xlsx,
                                  GVariantDict            *options);
int   impact_cli_export_json     (const char              *database,
                                  const char              *out);
int   impact_cli_publish         (const char              *database,
                                  const char              *location);

G_END_DECLS
