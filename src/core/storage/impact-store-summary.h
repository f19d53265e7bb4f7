/* impact-store-summary.h: the summary tables behind the dashboards (storage only)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "impact-db.h"
#include "model/impact-social-class.h"

G_BEGIN_DECLS

typedef struct _ImpactSummaryAcc ImpactSummaryAcc;

/* The summary rows of social spend: every class but none (0) and the aspirant status (1),
 * as impact_social_class_is_social() says. */
#define IMPACT_SUMMARY_SOCIAL_SQL "class >= 2"

/* The purchase lines of batch ?1: between the first and last line ids the batch recorded
 * (schema step 11), or anywhere in the table when it recorded none. */
#define IMPACT_BATCH_LINES                                                                      \
  "id BETWEEN (SELECT coalesce (first_line_id, 0) FROM import_batches WHERE id = ?1)"          \
  " AND (SELECT coalesce (last_line_id, 9223372036854775807) FROM import_batches WHERE id = ?1)" \
  " AND batch_id = ?1"

/* Months are counted as year * 12 + month - 1, as in the summary tables. */
gint32            impact_summary_month_of_day (guint32           day);

GHashTable       *impact_summary_load_statuses (ImpactDb       *db,
                                               GError          **error);
ImpactSocialClass impact_summary_classify     (GHashTable       *statuses,
                                               gint64            supplier_id,
                                               guint32           day);
ImpactSummaryAcc *impact_summary_acc_new      (ImpactDb         *db,
                                               GError          **error);
void              impact_summary_acc_prefetch (ImpactSummaryAcc *acc,
                                               gint64            division_id,
                                               gint64            object_id,
                                               gint64            supplier_id,
                                               guint32           day);
gboolean          impact_summary_acc_add      (ImpactSummaryAcc *acc,
                                               gint64            division_id,
                                               gint64            object_id,
                                               gint64            supplier_id,
                                               guint32           day,
                                               gint64            amount_cents,
                                               GError          **error);
gboolean          impact_summary_acc_write    (ImpactSummaryAcc *acc,
                                               GError          **error);
void              impact_summary_acc_free     (ImpactSummaryAcc *acc);

gboolean          impact_summary_remove_batch (ImpactDb         *db,
                                               gint64            batch_id,
                                               GError          **error);
gboolean          impact_summary_refresh      (ImpactDb         *db,
                                               GError          **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ImpactSummaryAcc, impact_summary_acc_free)

G_END_DECLS
