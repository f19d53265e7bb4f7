/* impact-impact-query.h: social return per contract, the PSO estimate and expiring
 * certificates
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "model/impact-engagement.h"
#include "model/impact-pso.h"
#include "model/impact-sroi.h"
#include "query/impact-query.h"

G_BEGIN_DECLS

/* One object (contract): its obligation, the rule set version used, its spend per class
 * within the contract period, and the outcome on the day asked for. */
typedef struct
{
  ImpactNode           *object;
  char                 *division_code;
  char                 *division_name;
  ImpactSroiObligation  obligation;
  ImpactSroiRules       rules;
  gint64                by_class[IMPACT_N_SOCIAL_CLASSES];
  ImpactSroiResult      result;
} ImpactSroiRow;

/* The objects of a node, by division and code, and the sum over those with an obligation. */
typedef struct
{
  guint32           today;
  GPtrArray        *rows;
  guint             n_obligations;
  ImpactSroiResult  total;
} ImpactSroiOverview;

/* A certified supplier (PSO or SW) the node bought from in the period. */
typedef struct
{
  gint64             supplier_id;
  char              *name;
  char              *kvk;
  ImpactSocialClass  klass;
  /* spend_cents is the node's spend in the period; turnover 0 when the data is missing. */
  ImpactPsoSupplier  data;
  double             indirect_fte;
} ImpactPsoRow;

typedef struct
{
  /* The organisation's FTE and direct share (0 to 1); for the group without figures of its
   * own, the divisions' summed FTE and their FTE-weighted direct share. */
  double             fte;
  double             direct_share;
  ImpactPsoNorms     norms;
  ImpactPsoEstimate  estimate;
  GPtrArray         *suppliers;
  guint              n_without_data;
} ImpactPsoFigures;

/* A status that ends soon (or ended just now) and is not followed by another social status
 * of the same supplier, with what was bought there in the 12 months up to today. */
typedef struct
{
  gint64             status_id;
  gint64             supplier_id;
  char              *supplier;
  char              *kvk;
  ImpactSocialClass  kind;
  guint32            valid_until;
  gint64             spend_at_risk_cents;
} ImpactExpiring;

ImpactSroiOverview *impact_query_sroi          (ImpactStore         *store,
                                                const ImpactNode    *node,
                                                guint32              today,
                                                GError             **error);
void                impact_sroi_overview_free  (ImpactSroiOverview  *overview);

ImpactPsoFigures   *impact_query_pso           (ImpactStore         *store,
                                                const ImpactNode    *node,
                                                const ImpactPeriod  *period,
                                                GError             **error);
void                impact_pso_figures_free    (ImpactPsoFigures    *figures);

ImpactExpiring     *impact_expiring_copy       (const ImpactExpiring *item);
void                impact_expiring_free       (ImpactExpiring      *expiring);
GPtrArray          *impact_query_list_expiring (ImpactStore         *store,
                                                const ImpactNode    *node,
                                                guint32              today,
                                                guint                days_past,
                                                guint                days_ahead,
                                                GError             **error);
GPtrArray          *impact_query_take_expiry_notices (ImpactStore  *store,
                                                GPtrArray           *expiring,
                                                guint32              today,
                                                guint                days,
                                                GError             **error);
gboolean            impact_query_supplier_spend_12_months (ImpactStore *store,
                                                gint64               supplier_id,
                                                const ImpactNode    *node,
                                                guint32              today,
                                                gint64              *cents,
                                                GError             **error);

/* A social supplier the group already buys from, suggested instead of a non-social one. */
typedef struct
{
  gint64             supplier_id;
  char              *name;
  ImpactSocialClass  klass;
  gint64             group_spend_cents;
} ImpactSuggestion;

/* A large non-social supplier of a node: where it stands on its way to a certificate, what
 * it is bought for, and social suppliers the group uses for the same. */
typedef struct
{
  gint64                  supplier_id;
  char                   *name;
  gint64                  spend_cents;
  char                   *category;
  ImpactEngagementStatus  engagement;
  guint32                 target_day;
  GPtrArray              *suggestions;
} ImpactOpportunity;

/* A contract whose social return a what-if changes. */
typedef struct
{
  gint64           object_id;
  char            *code;
  char            *name;
  ImpactSroiResult before;
  ImpactSroiResult after;
} ImpactWhatIfObject;

/* What moving part of a supplier's spend elsewhere would have done. */
typedef struct
{
  gint64             moved_cents;
  ImpactSocialClass  to_class;
  ImpactSpend        before;
  ImpactSpend        after;
  /* The contracts with moved spend in their term. */
  GPtrArray         *objects;
  ImpactSroiResult   sroi_before;
  ImpactSroiResult   sroi_after;
  /* For a division or the group. */
  gboolean           has_pso;
  ImpactPsoEstimate  pso_before;
  ImpactPsoEstimate  pso_after;
} ImpactWhatIf;

GPtrArray          *impact_query_opportunities (ImpactStore         *store,
                                                const ImpactFigures *figures,
                                                guint                n_suggestions,
                                                GError             **error);
ImpactWhatIf       *impact_query_what_if       (ImpactStore         *store,
                                                const ImpactNode    *node,
                                                const ImpactPeriod  *period,
                                                guint32              today,
                                                gint64               from_supplier_id,
                                                gint64               to_supplier_id,
                                                ImpactSocialClass    to_class,
                                                double               fraction,
                                                GError             **error);
void                impact_what_if_free        (ImpactWhatIf        *what_if);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ImpactWhatIf, impact_what_if_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ImpactSroiOverview, impact_sroi_overview_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ImpactPsoFigures, impact_pso_figures_free)

G_END_DECLS
