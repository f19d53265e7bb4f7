/* impact-import-summary.c: what an import is asked to do, and what it did
 *
 * The summary every import fills in (rows read, accepted, rejected with their problems,
 * duplicates, what was created) and that the dialog and the command line show.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "impact-importer"

#include "config.h"

#include "impact-import-summary.h"

static void
problem_free (ImpactImportProblem *problem)
{
  g_free (problem->column);
  g_free (problem->message);
  g_free (problem);
}

void
impact_import_summary_free (ImpactImportSummary *summary)
{
  if (summary == NULL)
    return;

  g_free (summary->file_name);
  g_free (summary->format);
  g_clear_pointer (&summary->mapping, impact_mapping_free);
  g_ptr_array_unref (summary->problems);
  g_ptr_array_unref (summary->warnings);
  g_ptr_array_unref (summary->new_suppliers);
  g_ptr_array_unref (summary->new_divisions);
  g_ptr_array_unref (summary->new_objects);
  g_ptr_array_unref (summary->name_matches);
  g_ptr_array_unref (summary->preview);
  g_strfreev (summary->sheets);
  g_free (summary);
}

ImpactImportSummary *
impact_import_summary_new (const char *path)
{
  ImpactImportSummary *summary = g_new0 (ImpactImportSummary, 1);

  summary->file_name = g_filename_display_basename (path);
  summary->problems = g_ptr_array_new_with_free_func ((GDestroyNotify) problem_free);
  summary->warnings = g_ptr_array_new_with_free_func (g_free);
  summary->new_suppliers = g_ptr_array_new_with_free_func (g_free);
  summary->new_divisions = g_ptr_array_new_with_free_func (g_free);
  summary->new_objects = g_ptr_array_new_with_free_func (g_free);
  summary->name_matches = g_ptr_array_new_with_free_func (g_free);
  summary->preview = g_ptr_array_new_with_free_func ((GDestroyNotify) impact_row_free);

  return summary;
}
