/* impact-sroi.c: social return (SROI) of a contract, by the rules of DOMAIN.md
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "impact-sroi.h"

/* The default factors of DOMAIN.md: the full value of purchases at PSO 30+ suppliers,
 * sheltered-employment companies and registered social enterprises counts; nothing else
 * does (the own social company has a factor per object). */
void
impact_sroi_rules_init_default (ImpactSroiRules *rules)
{
  g_return_if_fail (rules != NULL);

  memset (rules, 0, sizeof *rules);
  rules->name = g_strdup (IMPACT_SROI_DEFAULT_RULE_SET);
  rules->valid_from = 1;
  rules->factors[IMPACT_SOCIAL_CLASS_PSO_30PLUS] = 1.0;
  rules->factors[IMPACT_SOCIAL_CLASS_SW] = 1.0;
  rules->factors[IMPACT_SOCIAL_CLASS_SOCIAL_ENTERPRISE] = 1.0;
}

void
impact_sroi_rules_clear (ImpactSroiRules *rules)
{
  g_return_if_fail (rules != NULL);

  g_clear_pointer (&rules->name, g_free);
}

void
impact_sroi_obligation_clear (ImpactSroiObligation *obligation)
{
  g_return_if_fail (obligation != NULL);

  g_clear_pointer (&obligation->rule_set, g_free);
}

void
impact_sroi_entry_free (ImpactSroiEntry *entry)
{
  if (entry == NULL)
    return;
  g_free (entry->description);
  g_free (entry);
}

/* The name of a rule set as shown: the built-in one has a translated name. */
const char *
impact_sroi_rule_set_to_string (const char *name)
{
  if (name == NULL || g_str_equal (name, IMPACT_SROI_DEFAULT_RULE_SET))
    return _ ("Standard rules");
  return name;
}

const char *
impact_sroi_status_to_string (ImpactSroiStatus status)
{
  switch (status)
    {
    case IMPACT_SROI_STATUS_NOT_STARTED:
      return C_ ("sroi status", "Not started");
    case IMPACT_SROI_STATUS_AT_RISK:
      return C_ ("sroi status", "At risk");
    case IMPACT_SROI_STATUS_ON_TRACK:
      return C_ ("sroi status", "On track");
    case IMPACT_SROI_STATUS_MET:
      return C_ ("sroi status", "Met");
    case IMPACT_SROI_STATUS_MISSED:
      return C_ ("sroi status", "Not met");
    case IMPACT_SROI_STATUS_NONE:
    default:
      return C_ ("sroi status", "No obligation");
    }
}

const char *
impact_sroi_status_to_code (ImpactSroiStatus status)
{
  static const char *const codes[] = { "none", "not-started", "at-risk", "on-track", "met", "missed" };

  g_return_val_if_fail (status <= IMPACT_SROI_STATUS_MISSED, "none");

  return codes[status];
}

const char *
impact_sroi_kind_to_code (ImpactSroiKind kind)
{
  static const char *const codes[] = { "none", "percent", "fixed" };

  g_return_val_if_fail (kind <= IMPACT_SROI_FIXED, "none");

  return codes[kind];
}

gboolean
impact_sroi_kind_from_code (const char *code,
                            ImpactSroiKind *kind)
{
  for (ImpactSroiKind k = IMPACT_SROI_NONE; k <= IMPACT_SROI_FIXED; k++)
    if (g_strcmp0 (code, impact_sroi_kind_to_code (k)) == 0)
      {
        *kind = k;
        return TRUE;
      }

  return FALSE;
}

/* O = p x contract value, at most the cap; or the fixed amount. 0 when there is none or
 * the contract value is unknown (-1). */
gint64
impact_sroi_obligation_cents (const ImpactSroiObligation *obligation,
                              gint64 contract_value_cents)
{
  gint64 cents;

  g_return_val_if_fail (obligation != NULL, 0);

  switch (obligation->kind)
    {
    case IMPACT_SROI_FIXED:
      return MAX (obligation->fixed_cents, 0);
    case IMPACT_SROI_PERCENT:
      if (contract_value_cents < 0)
        return 0;
      cents = llround ((double) contract_value_cents * obligation->percent / 100.0);
      if (obligation->cap_cents >= 0)
        cents = MIN (cents, obligation->cap_cents);
      return MAX (cents, 0);
    case IMPACT_SROI_NONE:
    default:
      return 0;
    }
}

/* R = sum over classes of the spend in that class times its factor, each product rounded
 * to the cent. */
gint64
impact_sroi_realised_cents (const ImpactSroiRules *rules,
                            double own_social_factor,
                            const gint64 *by_class)
{
  gint64 cents = 0;

  g_return_val_if_fail (rules != NULL, 0);
  g_return_val_if_fail (by_class != NULL, 0);

  for (guint k = 0; k < IMPACT_N_SOCIAL_CLASSES; k++)
    {
      double factor = k == IMPACT_SOCIAL_CLASS_OWN_SOCIAL ? own_social_factor : rules->factors[k];

      cents += llround ((double) by_class[k] * factor);
    }

  return cents;
}

static void
finish (ImpactSroiResult *result,
        gboolean not_started,
        gboolean ended)
{
  gint64 realised = result->realised_purchases_cents + result->realised_manual_cents;

  result->realised_share = result->obligation_cents > 0 ? 100.0 * (double) realised / (double) result->obligation_cents
                                                        : NAN;
  if (result->obligation_cents <= 0)
    result->status = IMPACT_SROI_STATUS_NONE;
  else if (realised >= result->obligation_cents)
    result->status = IMPACT_SROI_STATUS_MET;
  else if (not_started)
    result->status = IMPACT_SROI_STATUS_NOT_STARTED;
  else if (ended)
    result->status = IMPACT_SROI_STATUS_MISSED;
  else if (result->projected_cents >= result->obligation_cents)
    result->status = IMPACT_SROI_STATUS_ON_TRACK;
  else
    result->status = IMPACT_SROI_STATUS_AT_RISK;
}

/* Given the realised amounts in @result, works out the share, what remains, the projection
 * to the contract's end at the pace so far (realised x contract days / days gone by) and the
 * status (after the end, short of the obligation: not met). A contract without dates is not
 * projected. */
void
impact_sroi_evaluate (ImpactSroiResult *result,
                      gint64 obligation_cents,
                      guint32 contract_start,
                      guint32 contract_end,
                      guint32 today)
{
  gint64 realised;
  gboolean not_started = FALSE;
  gboolean ended = FALSE;

  g_return_if_fail (result != NULL);

  realised = result->realised_purchases_cents + result->realised_manual_cents;
  result->obligation_cents = obligation_cents;
  result->remaining_cents = MAX (obligation_cents - realised, 0);
  result->projected_cents = realised;

  if (contract_start != 0 && contract_end >= contract_start)
    {
      if (today < contract_start)
        not_started = TRUE;
      else if (today > contract_end)
        ended = TRUE;
      else if (today < contract_end)
        {
          double elapsed = (double) today - contract_start + 1;
          double length = (double) contract_end - contract_start + 1;

          result->projected_cents = llround ((double) realised * length / elapsed);
        }
    }

  finish (result, not_started, ended);
}

/* Adds one contract to a sum over several: amounts add up, and so do the remainders (what
 * one contract realises above its obligation does not count for another). */
void
impact_sroi_result_add (ImpactSroiResult *sum,
                        const ImpactSroiResult *result)
{
  g_return_if_fail (sum != NULL);
  g_return_if_fail (result != NULL);

  sum->obligation_cents += result->obligation_cents;
  sum->realised_purchases_cents += result->realised_purchases_cents;
  sum->realised_manual_cents += result->realised_manual_cents;
  sum->remaining_cents += result->remaining_cents;
  sum->projected_cents += result->projected_cents;
}

/* The share and status of a sum, after the last impact_sroi_result_add(). */
void
impact_sroi_result_finish_sum (ImpactSroiResult *sum)
{
  g_return_if_fail (sum != NULL);

  finish (sum, FALSE, FALSE);
}
