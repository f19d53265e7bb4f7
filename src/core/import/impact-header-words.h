/* impact-header-words.h: what a column name means, word by word, in Dutch and English
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "impact-field.h"

G_BEGIN_DECLS

/* How well a column name fits a field: 10 for each word of the field's pattern that the name
 * has, less 4 for each word of the name the pattern does not explain. */
typedef struct
{
  ImpactField field;
  int         score;
} ImpactFieldScore;

/* Below this a name says nothing about a field. */
#define IMPACT_HEADER_MIN_SCORE 6

char  *impact_header_words        (const char        *header);
guint  impact_header_score_fields (const char        *header,
                                   const gboolean    *allowed,
                                   ImpactFieldScore  *scores,
                                   guint              max_scores);
ImpactField impact_header_best_field (const char     *header,
                                   const gboolean    *allowed,
                                   int               *score);

G_END_DECLS
