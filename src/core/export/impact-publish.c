/* impact-publish.c: a local database copied to a shared one
 *
 * The dataset goes through the exchange format (impact-exchange-export.c), written to a
 * private temporary file and imported into the new, empty database at @location in one
 * transaction; what the exchange format does not carry (supplier engagement, letter
 * templates, the import history) stays behind. The figures are compared afterwards.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "impact-publish"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "impact-exchange-export.h"
#include "impact-publish.h"
#include "import/impact-importer.h"
#include "model/impact-format.h"

static gboolean
check_empty (ImpactStore *target,
             GError **error)
{
  ImpactStoreCounts counts;

  if (!impact_store_get_counts (target, &counts, error))
    return FALSE;
  if (counts.n_lines == 0 && counts.n_divisions == 0 && counts.n_suppliers == 0)
    return TRUE;

  g_set_error (error, IMPACT_STORE_ERROR, IMPACT_STORE_ERROR_NOT_EMPTY,
               _ ("“%s” already holds data. Publish into a new, empty database; nothing was changed."),
               impact_store_get_name (target));
  return FALSE;
}

/* Copies the dataset of @source into the new, empty database at @location (a shared
 * database, or a file); *published is then what the copy holds, the same as @source. */
gboolean
impact_publish (ImpactStore *source,
                const char *location,
                GCancellable *cancellable,
                ImpactStoreCounts *published,
                GError **error)
{
  static const ImpactImportOptions options = { 0 };
  g_autoptr (ImpactStore) target = NULL;
  g_autoptr (ImpactImportSummary) summary = NULL;
  g_autoptr (GError) local_error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  ImpactStoreCounts before, after;
  gint64 n_lines = 0;

  g_return_val_if_fail (IMPACT_IS_STORE (source), FALSE);
  g_return_val_if_fail (location != NULL, FALSE);
  g_return_val_if_fail (published != NULL, FALSE);

  target = impact_store_open (location, error);
  if (target == NULL || !check_empty (target, error) || !impact_store_get_counts (source, &before, error))
    return FALSE;

  /* The copy holds the same confidential figures: a folder only the user can read. */
  dir = g_dir_make_tmp ("impact-publish-XXXXXX", error);
  if (dir == NULL)
    return FALSE;
  path = g_build_filename (dir, "dataset.json", NULL);
  if (impact_exchange_export (source, path, &n_lines, &local_error))
    summary = impact_import_file (target, path, &options, cancellable, &local_error);
  g_unlink (path);
  g_rmdir (dir);
  if (summary == NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  if (!impact_store_get_counts (target, &after, error))
    return FALSE;
  if (after.n_lines != before.n_lines || after.total_cents != before.total_cents
      || after.social_cents != before.social_cents)
    {
      g_autofree char *theirs = impact_format_money (after.total_cents);
      g_autofree char *ours = impact_format_money (before.total_cents);

      g_set_error (error, IMPACT_STORE_ERROR, IMPACT_STORE_ERROR_FAILED,
                   _ ("The copy in “%s” does not add up to the original (%s there, %s here). Remove it "
                      "and publish again."),
                   impact_store_get_name (target), theirs, ours);
      return FALSE;
    }
  *published = after;

  return TRUE;
}
