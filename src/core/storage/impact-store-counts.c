/* impact-store-counts.c: what a database holds, as text for people
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "impact-store-counts"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "impact-store-counts.h"
#include "model/impact-format.h"

void
impact_counts_text_init (ImpactCountsText *text,
                         const ImpactStoreCounts *counts)
{
  g_autofree char *social = NULL;
  double share;

  g_return_if_fail (text != NULL);
  g_return_if_fail (counts != NULL);

  text->divisions = impact_format_count (counts->n_divisions);
  text->objects = impact_format_count (counts->n_objects);
  text->suppliers = impact_format_count (counts->n_suppliers);
  text->statuses = impact_format_count (counts->n_statuses);
  text->lines = impact_format_count (counts->n_lines);
  text->total = impact_format_money (counts->total_cents);

  if (counts->n_lines > 0)
    {
      g_autofree char *first = impact_format_day (counts->first_day);
      g_autofree char *last = impact_format_day (counts->last_day);

      /* Translators: a period of time, from the first day to the last. */
      text->period = g_strdup_printf (_ ("%s to %s"), first, last);
    }
  else
    text->period = g_strdup (_ ("No purchases yet"));

  social = impact_format_money (counts->social_cents);
  share = counts->total_cents != 0 ? 100.0 * counts->social_cents / counts->total_cents : 0;
  /* Translators: an amount of money and its share of the total, as in "EUR 12,00 (8.5%)". */
  text->social = g_strdup_printf (_ ("%s (%.1f%%)"), social, share);
}

void
impact_counts_text_clear (ImpactCountsText *text)
{
  g_clear_pointer (&text->divisions, g_free);
  g_clear_pointer (&text->objects, g_free);
  g_clear_pointer (&text->suppliers, g_free);
  g_clear_pointer (&text->statuses, g_free);
  g_clear_pointer (&text->lines, g_free);
  g_clear_pointer (&text->period, g_free);
  g_clear_pointer (&text->total, g_free);
  g_clear_pointer (&text->social, g_free);
}
