/* impact-pso.c: the estimated PSO contribution of purchasing (ketenstimulering)
 *
 * The formula is the assumed one of DOMAIN.md; every screen and report calls it an
 * estimate:
 *   iFTE_s = (spend_s / turnover_s) x FTE_s x D_s
 *   I%     = sum (iFTE_s) / (FTE + sum (iFTE_s)) x 100, at most 4 x D% (the indirect part may
 *            be at most 80% of the total)
 *   total  = D% + I%, and the trede is the highest whose norm it reaches.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "impact-pso.h"

/* The norms for organisations of 105 FTE or more: trede 1 1.4%, trede 2 1.9%, trede 3 3.7%. */
void
impact_pso_norms_init_default (ImpactPsoNorms *norms)
{
  g_return_if_fail (norms != NULL);

  norms->valid_from = 1;
  norms->n_treden = 3;
  norms->norms[0] = 1.4;
  norms->norms[1] = 1.9;
  norms->norms[2] = 3.7;
}

/* iFTE_s; 0 for a supplier whose turnover is unknown. */
double
impact_pso_supplier_fte (const ImpactPsoSupplier *supplier)
{
  g_return_val_if_fail (supplier != NULL, 0);

  if (supplier->turnover_cents <= 0)
    return 0;

  return (double) supplier->spend_cents / (double) supplier->turnover_cents * supplier->fte * supplier->direct_share;
}

/* The iFTE one cent of spend buys at an average certified supplier: the mean of
 * FTE_s x D_s / turnover_s over the suppliers whose turnover is known. */
double
impact_pso_fte_per_euro (const ImpactPsoSupplier *suppliers,
                         gsize n_suppliers)
{
  double sum = 0;
  gsize n = 0;

  for (gsize i = 0; i < n_suppliers; i++)
    if (suppliers[i].turnover_cents > 0)
      {
        sum += suppliers[i].fte * suppliers[i].direct_share / (double) suppliers[i].turnover_cents;
        n++;
      }

  return n > 0 ? sum / (double) n : 0;
}

/* The estimate for an organisation (a division, or the group) of @fte FTE whose own direct
 * share is @direct_share (0 to 1), buying at @suppliers. @fte_per_euro (per cent) prices the
 * gap to the next trede. Without FTE there is nothing to estimate: all zero. */
void
impact_pso_estimate (ImpactPsoEstimate *estimate,
                     double fte,
                     double direct_share,
                     const ImpactPsoSupplier *suppliers,
                     gsize n_suppliers,
                     double fte_per_euro,
                     const ImpactPsoNorms *norms)
{
  double indirect_fte = 0;
  double direct = 100.0 * CLAMP (direct_share, 0.0, 1.0);
  double indirect;

  g_return_if_fail (estimate != NULL);
  g_return_if_fail (norms != NULL && norms->n_treden <= IMPACT_PSO_MAX_TREDEN);

  memset (estimate, 0, sizeof *estimate);
  estimate->extra_spend_next_trede_cents = -1;
  if (!(fte > 0))
    return;

  for (gsize i = 0; i < n_suppliers; i++)
    indirect_fte += impact_pso_supplier_fte (&suppliers[i]);

  indirect = 100.0 * indirect_fte / (fte + indirect_fte);
  if (indirect > 4 * direct)
    {
      indirect = 4 * direct;
      estimate->capped = TRUE;
    }

  estimate->indirect_fte = indirect_fte;
  estimate->indirect_share = indirect;
  estimate->direct_share = direct;
  estimate->total_share = direct + indirect;

  for (guint t = 0; t < norms->n_treden; t++)
    if (estimate->total_share >= norms->norms[t] - 1e-9)
      estimate->trede = t + 1;

  if (estimate->trede < norms->n_treden && fte_per_euro > 0)
    {
      /* The indirect share the next trede needs, and the iFTE that gives it:
       * I = X / (FTE + X) x 100  <=>  X = I x FTE / (100 - I). */
      double needed = norms->norms[estimate->trede] - direct;

      if (needed <= 4 * direct && needed < 100)
        {
          double needed_fte = needed * fte / (100.0 - needed);

          estimate->extra_spend_next_trede_cents = (gint64) ceil ((needed_fte - indirect_fte) / fte_per_euro);
        }
    }
}
