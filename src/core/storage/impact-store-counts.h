/* impact-store-counts.h: what a database holds, as text for people
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "impact-store.h"

G_BEGIN_DECLS

/* The figures of ImpactStoreCounts formatted for the user's locale, shared by the window
 * and the command line so that both say the same. */
typedef struct
{
  char *divisions;
  char *objects;
  char *suppliers;
  char *statuses;
  char *lines;
  char *period;
  char *total;
  char *social;
} ImpactCountsText;

void impact_counts_text_init  (ImpactCountsText        *text,
                               const ImpactStoreCounts *counts);
void impact_counts_text_clear (ImpactCountsText        *text);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ImpactCountsText, impact_counts_text_clear)

G_END_DECLS
