/* impact-report-job.c: the report of a node and period written as a PDF on a worker thread
 *
 * The report reads its own figures with a connection of its own, lays them out on A4 pages
 * and writes the PDF, so that the window stays responsive while a large group's report is
 * made.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "impact-report-job"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "impact-report-job.h"
#include "impact-report.h"
#include "model/impact-format.h"

typedef struct
{
  char *database;
  char *path;
  ImpactNode *node;
  ImpactPeriod period;
  guint horizon;
} ReportJob;

static void
report_job_free (ReportJob *job)
{
  g_free (job->database);
  g_free (job->path);
  impact_node_free (job->node);
  g_free (job);
}

static void
report_thread (GTask *task,
               gpointer source_object,
               gpointer task_data,
               GCancellable *cancellable)
{
  ReportJob *job = task_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (ImpactStore) store = impact_store_open (job->database, &error);
  g_autoptr (ImpactReportData) data = NULL;
  g_autoptr (ImpactReport) report = NULL;

  if (store != NULL)
    data = impact_report_data_read (store, job->node, &job->period, impact_day_today (), job->horizon, &error);
  if (data != NULL)
    {
      report = impact_report_new (data, IMPACT_REPORT_A4_WIDTH, IMPACT_REPORT_A4_HEIGHT);
      if (impact_report_write_pdf (report, job->path, &error))
        {
          g_task_return_int (task, impact_report_get_n_pages (report));
          return;
        }
    }
  g_task_return_error (task, g_steal_pointer (&error));
}

/* Writes the report of @node in @period, from @database, to @path, an A4 PDF, on a worker
 * thread; certificates ending within @horizon days are listed. @database and @node NULL
 * mean nothing is shown yet. */
void
impact_report_job_run_async (gpointer source_object,
                             const char *database,
                             const ImpactNode *node,
                             const ImpactPeriod *period,
                             guint horizon,
                             const char *path,
                             GAsyncReadyCallback callback,
                             gpointer user_data)
{
  g_autoptr (GTask) task = NULL;
  ReportJob *job;

  g_return_if_fail (path != NULL);

  task = g_task_new (source_object, NULL, callback, user_data);
  g_task_set_source_tag (task, impact_report_job_run_async);
  if (database == NULL || node == NULL || period == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_INITIALIZED, _ ("There are no figures to report yet."));
      return;
    }
  job = g_new0 (ReportJob, 1);
  job->database = g_strdup (database);
  job->path = g_strdup (path);
  job->node = impact_node_copy (node);
  job->period = *period;
  job->horizon = horizon;
  g_task_set_task_data (task, job, (GDestroyNotify) report_job_free);
  g_task_run_in_thread (task, report_thread);
}

/* The number of pages written, or 0 with @error set. */
guint
impact_report_job_run_finish (gpointer source_object,
                              GAsyncResult *result,
                              GError **error)
{
  gssize pages;

  g_return_val_if_fail (g_task_is_valid (result, source_object), 0);

  pages = g_task_propagate_int (G_TASK (result), error);
  return pages > 0 ? (guint) pages : 0;
}

/* The report of @node in @period from @store, laid out on pages of @width by @height points
 * (for printing); NULL with @error set when nothing is shown yet or it cannot be read. */
ImpactReport *
impact_report_job_make (ImpactStore *store,
                        const ImpactNode *node,
                        const ImpactPeriod *period,
                        guint horizon,
                        double width,
                        double height,
                        GError **error)
{
  g_autoptr (ImpactReportData) data = NULL;

  if (store == NULL || node == NULL || period == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_INITIALIZED, _ ("There are no figures to report yet."));
      return NULL;
    }
  data = impact_report_data_read (store, node, period, impact_day_today (), horizon, error);
  if (data == NULL)
    return NULL;
  return impact_report_new (data, width, height);
}

/* A file name for the report of @node in @period, as in "Report Schoonmaak 2025.pdf". */
char *
impact_report_job_file_name (const ImpactNode *node,
                             const ImpactPeriod *period)
{
  g_autofree char *period_text = NULL;
  char *name;

  if (node == NULL || period == NULL)
    return g_strdup (_ ("Report.pdf"));
  period_text = impact_period_to_string (period);
  /* Translators: the suggested file name of a report, as in "Report Schoonmaak 2025.pdf". */
  name = g_strdup_printf (_ ("Report %s %s.pdf"), node->name, period_text);
  return g_strdelimit (name, "/\\:", '-');
}
