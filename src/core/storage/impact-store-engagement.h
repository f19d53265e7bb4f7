/* impact-store-engagement.h: supplier engagement, its history, and the letter templates
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "impact-store.h"
#include "model/impact-engagement.h"

G_BEGIN_DECLS

gboolean   impact_store_get_engagement     (ImpactStore            *self,
                                            gint64                  supplier_id,
                                            ImpactEngagement       *engagement,
                                            GError                **error);
gboolean   impact_store_set_engagement     (ImpactStore            *self,
                                            const ImpactEngagement *engagement,
                                            guint32                 today,
                                            const char             *note,
                                            GError                **error);
GPtrArray *impact_store_list_engagement_history (ImpactStore       *self,
                                            gint64                  supplier_id,
                                            GError                **error);
char      *impact_store_get_letter_template (ImpactStore           *self,
                                            ImpactLetterKind        kind,
                                            const char             *language,
                                            GError                **error);
gboolean   impact_store_set_letter_template (ImpactStore           *self,
                                            ImpactLetterKind        kind,
                                            const char             *language,
                                            const char             *body,
                                            GError                **error);

G_END_DECLS
