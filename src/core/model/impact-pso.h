/* impact-pso.h: the estimated PSO contribution of purchasing (ketenstimulering)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The most treden the norms table holds. */
#define IMPACT_PSO_MAX_TREDEN 3

/* A certified supplier as the estimate needs it: what the organisation bought there in the
 * period, and the supplier's turnover, FTE and direct social share (0 to 1). */
typedef struct
{
  gint64 spend_cents;
  gint64 turnover_cents;
  double fte;
  double direct_share;
} ImpactPsoSupplier;

/* The PSO norms: the total share (direct + indirect, percent) each trede needs. */
typedef struct
{
  guint32 valid_from;
  guint   n_treden;
  double  norms[IMPACT_PSO_MAX_TREDEN];
} ImpactPsoNorms;

typedef struct
{
  /* The sum of iFTE_s over the suppliers. */
  double indirect_fte;
  /* I%, after the cap of 4 x the direct share; direct_share is D% itself. */
  double indirect_share;
  double direct_share;
  double total_share;
  gboolean capped;
  /* The highest trede whose norm total_share reaches (0: none). */
  guint  trede;
  /* Extra spend at an average certified supplier that would reach the next trede; -1 when
   * there is no next trede, or it cannot be reached through purchasing (the cap, or no
   * supplier to average over). */
  gint64 extra_spend_next_trede_cents;
} ImpactPsoEstimate;

void     impact_pso_norms_init_default (ImpactPsoNorms          *norms);
double   impact_pso_supplier_fte       (const ImpactPsoSupplier *supplier);
double   impact_pso_fte_per_euro       (const ImpactPsoSupplier *suppliers,
                                        gsize                    n_suppliers);
void     impact_pso_estimate           (ImpactPsoEstimate       *estimate,
                                        double                   fte,
                                        double                   direct_share,
                                        const ImpactPsoSupplier *suppliers,
                                        gsize                    n_suppliers,
                                        double                   fte_per_euro,
                                        const ImpactPsoNorms    *norms);

G_END_DECLS
