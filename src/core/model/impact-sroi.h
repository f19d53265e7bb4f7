/* impact-sroi.h: social return (SROI) of a contract, by the rules of DOMAIN.md
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "impact-social-class.h"

G_BEGIN_DECLS

/* How an object's obligation is set: a percentage of the contract value (optionally capped)
 * or a fixed amount. */
typedef enum
{
  IMPACT_SROI_NONE = 0,
  IMPACT_SROI_PERCENT,
  IMPACT_SROI_FIXED,
} ImpactSroiKind;

typedef enum
{
  /* No obligation, or none that can be worked out (a percentage of an unknown value). */
  IMPACT_SROI_STATUS_NONE = 0,
  /* The contract has not started yet. */
  IMPACT_SROI_STATUS_NOT_STARTED,
  IMPACT_SROI_STATUS_AT_RISK,
  IMPACT_SROI_STATUS_ON_TRACK,
  IMPACT_SROI_STATUS_MET,
  /* The contract ended short of its obligation. */
  IMPACT_SROI_STATUS_MISSED,
} ImpactSroiStatus;

/* A version of a rule set: the share of a purchase that counts as social return, per social
 * class (0 to 1). The own-social factor comes from the object, not from here. */
typedef struct
{
  gint64   id;
  char    *name;
  guint32  valid_from;
  double   factors[IMPACT_N_SOCIAL_CLASSES];
} ImpactSroiRules;

/* An object's obligation as agreed in its contract. */
typedef struct
{
  ImpactSroiKind kind;
  /* For IMPACT_SROI_PERCENT: percent of the contract value, and a cap (-1: none). */
  double         percent;
  gint64         cap_cents;
  /* For IMPACT_SROI_FIXED. */
  gint64         fixed_cents;
  /* The share of purchases at the group's own social company that counts (0 to 1). */
  double         own_social_factor;
  /* The rule set the contract follows, by name (its version is the one valid at the
   * contract's start). */
  char          *rule_set;
} ImpactSroiObligation;

/* A hand-entered realisation (people placed, training places, ...). */
typedef struct
{
  gint64   id;
  gint64   object_id;
  guint32  day;
  gint64   amount_cents;
  char    *description;
} ImpactSroiEntry;

/* The outcome for one contract, or summed over several (then the days are 0). */
typedef struct
{
  gint64           obligation_cents;
  gint64           realised_purchases_cents;
  gint64           realised_manual_cents;
  /* Realised in percent of the obligation; NAN without an obligation. */
  double           realised_share;
  gint64           remaining_cents;
  /* What will have been realised at the contract's end at the pace so far. */
  gint64           projected_cents;
  ImpactSroiStatus status;
} ImpactSroiResult;

#define IMPACT_SROI_DEFAULT_RULE_SET "default"

void      impact_sroi_rules_init_default (ImpactSroiRules       *rules);
void      impact_sroi_rules_clear        (ImpactSroiRules       *rules);
void      impact_sroi_obligation_clear   (ImpactSroiObligation  *obligation);
void      impact_sroi_entry_free         (ImpactSroiEntry       *entry);
const char *impact_sroi_rule_set_to_string (const char          *name);
const char *impact_sroi_status_to_string (ImpactSroiStatus       status);
const char *impact_sroi_status_to_code   (ImpactSroiStatus       status);
const char *impact_sroi_kind_to_code     (ImpactSroiKind         kind);
gboolean  impact_sroi_kind_from_code     (const char            *code,
                                          ImpactSroiKind        *kind);

gint64    impact_sroi_obligation_cents   (const ImpactSroiObligation *obligation,
                                          gint64                 contract_value_cents);
gint64    impact_sroi_realised_cents     (const ImpactSroiRules *rules,
                                          double                 own_social_factor,
                                          const gint64          *by_class);
void      impact_sroi_evaluate           (ImpactSroiResult      *result,
                                          gint64                 obligation_cents,
                                          guint32                contract_start,
                                          guint32                contract_end,
                                          guint32                today);
void      impact_sroi_result_add         (ImpactSroiResult      *sum,
                                          const ImpactSroiResult *result);
void      impact_sroi_result_finish_sum  (ImpactSroiResult      *sum);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ImpactSroiEntry, impact_sroi_entry_free)

G_END_DECLS
