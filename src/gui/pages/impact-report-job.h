/* impact-report-job.h: the report of a node and period written as a PDF on a worker thread
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "impact-report.h"
#include "model/impact-entities.h"
#include "query/impact-period.h"
#include "storage/impact-store.h"

G_BEGIN_DECLS

void  impact_report_job_run_async  (gpointer             source_object,
                                    const char          *database,
                                    const ImpactNode    *node,
                                    const ImpactPeriod  *period,
                                    guint                horizon,
                                    const char          *path,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data);
guint impact_report_job_run_finish (gpointer             source_object,
                                    GAsyncResult        *result,
                                    GError             **error);

ImpactReport *impact_report_job_make      (ImpactStore         *store,
                                          const ImpactNode    *node,
                                          const ImpactPeriod  *period,
                                          guint                horizon,
                                          double               width,
                                          double               height,
                                          GError             **error);
char         *impact_report_job_file_name (const ImpactNode    *node,
                                          const ImpactPeriod  *period);

G_END_DECLS
