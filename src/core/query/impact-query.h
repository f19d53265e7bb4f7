/* impact-query.h: the figures of a node and period, for the dashboards and --summary
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "model/impact-engagement.h"
#include "model/impact-entities.h"
#include "query/impact-period.h"
#include "query/impact-query-error.h"
#include "storage/impact-store.h"

G_BEGIN_DECLS


typedef struct
{
  gint64 total_cents;
  gint64 social_cents;
} ImpactSpend;

typedef struct
{
  gint32      month;
  ImpactSpend spend;
} ImpactMonthFigures;

/* A division of the group or an object of a division; for a division, lines that name no
 * object are one more child with node_id 0 and no code. */
typedef struct
{
  gint64       node_id;
  char        *code;
  char        *name;
  ImpactSpend  spend;
  gint64       by_class[IMPACT_N_SOCIAL_CLASSES];
  /* The same child's spend in the period before. */
  ImpactSpend  previous;
} ImpactChildFigures;

/* A supplier's spend in the period; klass is the strongest class of its lines. */
typedef struct
{
  gint64             supplier_id;
  char              *name;
  char              *kvk;
  ImpactSocialClass  klass;
  gint64             total_cents;
} ImpactSupplierFigures;

typedef struct
{
  ImpactNode   *node;
  ImpactPeriod  period;
  ImpactSpend   spend;
  ImpactSpend   previous;
  gint64        by_class[IMPACT_N_SOCIAL_CLASSES];
  /* Suppliers with spend in the period, each counted once, under its strongest class. */
  guint         suppliers_per_class[IMPACT_N_SOCIAL_CLASSES];
  /* Every month of the period, in order, also those without spend. */
  GArray       *by_month;
  GPtrArray    *by_child;
  GPtrArray    *top_suppliers;
  GPtrArray    *top_non_social;
  /* The social share aimed for, in percent: the node's own, else its division's or the
   * group's; NAN when none is set. target_node_id says whose it is. */
  double        target_share;
  gint64        target_node_id;
} ImpactFigures;

/* A supplier in the suppliers list: its class today (by the statuses valid today), the end
 * of the status that gives it (0: open-ended or none), and its spend in the period. */
typedef struct
{
  gint64             id;
  char              *name;
  char              *kvk;
  ImpactSocialClass  class_today;
  guint32            valid_until;
  gint64             spend_cents;
  /* Where it stands on its way to a certificate, and by when it should get there (0: no
   * date). */
  ImpactEngagementStatus engagement;
  guint32            target_day;
} ImpactSupplierRow;

/* One supplier in a period: its spend per month (every month of the period) and per division
 * and object it serves (ImpactChildFigures; the name says "Division › Object"). */
typedef struct
{
  ImpactPeriod  period;
  GArray       *by_month;
  GPtrArray    *by_node;
} ImpactSupplierDetail;

double         impact_spend_get_share     (const ImpactSpend   *spend);
ImpactSupplierDetail *impact_query_supplier_detail (ImpactStore *store,
                                           gint64               supplier_id,
                                           const ImpactPeriod  *period,
                                           GError             **error);
void           impact_supplier_detail_free (ImpactSupplierDetail *detail);
GPtrArray     *impact_query_list_suppliers (ImpactStore        *store,
                                           const ImpactPeriod  *period,
                                           guint32              today,
                                           GError             **error);

ImpactNode    *impact_query_find_node     (ImpactStore         *store,
                                           const char          *code,
                                           GError             **error);
guint          impact_query_get_fy_start  (ImpactStore         *store);
gboolean       impact_query_get_data_period (ImpactStore       *store,
                                           ImpactPeriod        *period,
                                           GError             **error);
ImpactFigures *impact_query_figures       (ImpactStore         *store,
                                           const ImpactNode    *node,
                                           const ImpactPeriod  *period,
                                           guint                n_top,
                                           GError             **error);
void           impact_figures_free        (ImpactFigures       *figures);
GArray        *impact_query_list_years    (ImpactStore         *store,
                                           GError             **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ImpactFigures, impact_figures_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ImpactSupplierDetail, impact_supplier_detail_free)

G_END_DECLS
