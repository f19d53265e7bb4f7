/* test-impact.c: SROI and PSO formulas (table-driven, worked out by hand), SROI per
 * contract from the store, the PSO estimate of a division, expiring certificates
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "impact-test-store.h"
#include "impact-test-utils.h"
#include "query/impact-impact-query.h"
#include "storage/impact-store-engagement.h"
#include "storage/impact-store-sroi.h"

/* --- formulas ------------------------------------------------------------------------- */

static void
test_obligation (void)
{
  static const struct
  {
    ImpactSroiKind kind;
    double percent;
    gint64 cap_cents;
    gint64 fixed_cents;
    gint64 contract_value_cents;
    gint64 expected;
  } cases[] = {
    /* 5% of EUR 1,000,000 */
    { IMPACT_SROI_PERCENT, 5, -1, 0, EUR (1000000), EUR (50000) },
    /* 2% of EUR 20,000,000 is EUR 400,000, capped at EUR 300,000 */
    { IMPACT_SROI_PERCENT, 2, EUR (300000), 0, EUR (20000000), EUR (300000) },
    /* the cap does not bind: 2% of EUR 10,000,000 */
    { IMPACT_SROI_PERCENT, 2, EUR (300000), 0, EUR (10000000), EUR (200000) },
    /* 5% of 333 cents is 16.65 cents: rounded to 17 */
    { IMPACT_SROI_PERCENT, 5, -1, 0, 333, 17 },
    /* a percentage of an unknown contract value is no obligation */
    { IMPACT_SROI_PERCENT, 5, -1, 0, -1, 0 },
    { IMPACT_SROI_FIXED, 0, -1, 12345, -1, 12345 },
    { IMPACT_SROI_FIXED, 0, -1, 12345, EUR (1000000), 12345 },
    { IMPACT_SROI_NONE, 5, -1, 12345, EUR (1000000), 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      ImpactSroiObligation obligation = { cases[i].kind, cases[i].percent, cases[i].cap_cents, cases[i].fixed_cents };

      g_test_message ("case %u", i);
      g_assert_cmpint (impact_sroi_obligation_cents (&obligation, cases[i].contract_value_cents), ==,
                       cases[i].expected);
    }
}

static void
test_realised (void)
{
  ImpactSroiRules rules;
  gint64 by_class[IMPACT_N_SOCIAL_CLASSES] = { 0 };

  by_class[IMPACT_SOCIAL_CLASS_PSO_30PLUS] = 1000;
  by_class[IMPACT_SOCIAL_CLASS_SW] = 500;
  by_class[IMPACT_SOCIAL_CLASS_SOCIAL_ENTERPRISE] = 200;
  by_class[IMPACT_SOCIAL_CLASS_OWN_SOCIAL] = 1000;
  by_class[IMPACT_SOCIAL_CLASS_PSO_3] = 700;
  by_class[IMPACT_SOCIAL_CLASS_PSO_ASPIRANT] = 600;
  by_class[IMPACT_SOCIAL_CLASS_NONE] = 999;

  /* Defaults: PSO 30+, SW and social enterprises count in full; PSO 3 and the rest not. */
  impact_sroi_rules_init_default (&rules);
  g_assert_cmpint (impact_sroi_realised_cents (&rules, 0, by_class), ==, 1700);
  /* The own social company counts with the object's own factor. */
  g_assert_cmpint (impact_sroi_realised_cents (&rules, 0.5, by_class), ==, 2200);
  /* Some regions count social enterprises at 50%. */
  rules.factors[IMPACT_SOCIAL_CLASS_SOCIAL_ENTERPRISE] = 0.5;
  g_assert_cmpint (impact_sroi_realised_cents (&rules, 0.5, by_class), ==, 2100);
  /* The factor of the own social company in a rule set is not used. */
  rules.factors[IMPACT_SOCIAL_CLASS_OWN_SOCIAL] = 1.0;
  g_assert_cmpint (impact_sroi_realised_cents (&rules, 0.5, by_class), ==, 2100);
  /* Credit notes subtract; half of -333 cents rounds away from zero. */
  memset (by_class, 0, sizeof by_class);
  by_class[IMPACT_SOCIAL_CLASS_SOCIAL_ENTERPRISE] = -333;
  g_assert_cmpint (impact_sroi_realised_cents (&rules, 0.5, by_class), ==, -167);
  impact_sroi_rules_clear (&rules);
}

static void
test_evaluate (void)
{
  /* A contract of 1,000 days (day 1000 to 1999) with an obligation of 10,000 cents. */
  static const struct
  {
    gint64 obligation;
    gint64 purchases;
    gint64 manual;
    guint32 start, end, today;
    double share;
    gint64 remaining;
    gint64 projected;
    ImpactSroiStatus status;
  } cases[] = {
    /* halfway with 40%: 80% at the end */
    { 10000, 3000, 1000, 1000, 1999, 1499, 40, 6000, 8000, IMPACT_SROI_STATUS_AT_RISK },
    /* a quarter of the way with 30%: 120% at the end */
    { 10000, 3000, 0, 1000, 1999, 1249, 30, 7000, 12000, IMPACT_SROI_STATUS_ON_TRACK },
    /* one day in, 1 cent: 1,000 cents at the end */
    { 10000, 1, 0, 1000, 1999, 1000, 0.01, 9999, 1000, IMPACT_SROI_STATUS_AT_RISK },
    /* before the start */
    { 10000, 0, 0, 1000, 1999, 999, 0, 10000, 0, IMPACT_SROI_STATUS_NOT_STARTED },
    /* ended short: no more to come, not met */
    { 10000, 9000, 0, 1000, 1999, 2500, 90, 1000, 9000, IMPACT_SROI_STATUS_MISSED },
    /* on the last day the projection is what was realised */
    { 10000, 9000, 0, 1000, 1999, 1999, 90, 1000, 9000, IMPACT_SROI_STATUS_AT_RISK },
    /* met, even before the end (after 101 days: 10,000 x 1,000 / 101), and more than met */
    { 10000, 6000, 4000, 1000, 1999, 1100, 100, 0, 99010, IMPACT_SROI_STATUS_MET },
    { 10000, 12000, 0, 1000, 1999, 2500, 120, 0, 12000, IMPACT_SROI_STATUS_MET },
    /* no dates: no projection */
    { 10000, 5000, 0, 0, 0, 1500, 50, 5000, 5000, IMPACT_SROI_STATUS_AT_RISK },
    /* no obligation */
    { 0, 5000, 0, 1000, 1999, 1499, NAN, 0, 10000, IMPACT_SROI_STATUS_NONE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      ImpactSroiResult result = { 0 };

      g_test_message ("case %u", i);
      result.realised_purchases_cents = cases[i].purchases;
      result.realised_manual_cents = cases[i].manual;
      impact_sroi_evaluate (&result, cases[i].obligation, cases[i].start, cases[i].end, cases[i].today);
      g_assert_cmpint (result.obligation_cents, ==, cases[i].obligation);
      if (isnan (cases[i].share))
        g_assert_true (isnan (result.realised_share));
      else
        g_assert_cmpfloat_with_epsilon (result.realised_share, cases[i].share, 1e-9);
      g_assert_cmpint (result.remaining_cents, ==, cases[i].remaining);
      g_assert_cmpint (result.projected_cents, ==, cases[i].projected);
      g_assert_cmpint (result.status, ==, cases[i].status);
    }
}

static void
test_sum (void)
{
  ImpactSroiResult a = { 0 }, b = { 0 }, sum = { 0 };

  /* A: 1,000 of 2,000 and on track; B: 3,000 of 1,000, met with 2,000 to spare. The spare
   * does not make up for A: 1,000 remains. */
  a.realised_purchases_cents = 1000;
  impact_sroi_evaluate (&a, 2000, 1000, 1999, 1249);
  b.realised_purchases_cents = 3000;
  impact_sroi_evaluate (&b, 1000, 1000, 1999, 2500);
  impact_sroi_result_add (&sum, &a);
  impact_sroi_result_add (&sum, &b);
  impact_sroi_result_finish_sum (&sum);

  g_assert_cmpint (sum.obligation_cents, ==, 3000);
  g_assert_cmpint (sum.realised_purchases_cents, ==, 4000);
  g_assert_cmpint (sum.remaining_cents, ==, 1000);
  g_assert_cmpint (sum.projected_cents, ==, 4000 + 3000);
  g_assert_cmpfloat_with_epsilon (sum.realised_share, 400.0 / 3, 1e-9);
  g_assert_cmpint (sum.status, ==, IMPACT_SROI_STATUS_MET);
}

static void
test_pso_formula (void)
{
  /* A: EUR 100,000 of EUR 2,000,000 turnover, 50 FTE, 40% direct: 1 iFTE.
   * B: EUR 50,000 of EUR 500,000, 20 FTE, 50% direct: 1 iFTE.
   * C: turnover unknown: nothing. */
  static const ImpactPsoSupplier suppliers[] = {
    { EUR (100000), EUR (2000000), 50, 0.4 },
    { EUR (50000), EUR (500000), 20, 0.5 },
    { EUR (70000), 0, 10, 0.9 },
  };
  static const ImpactPsoSupplier big[] = {
    /* 0.5 x 20 x 0.5 = 5 iFTE */
    { EUR (10000), EUR (20000), 20, 0.5 },
  };
  static const struct
  {
    double fte, direct;
    const ImpactPsoSupplier *suppliers;
    gsize n_suppliers;
    double indirect_fte, indirect, total;
    gboolean capped;
    guint trede;
    gint64 extra;
  } cases[] = {
    /* 200 FTE, 1% direct: I = 2 / 202 = 0.990099%, total 1.990099%: trede 2. Trede 3 (3.7%)
     * needs I = 2.7%, X = 2.7 x 200 / 97.3 = 5.549846 iFTE, 3.549846 more; an average
     * supplier gives (50 x 0.4 / 200,000,000 + 20 x 0.5 / 50,000,000) / 2 = 1.5e-7 iFTE per
     * cent: 23,665,638.9 cents, rounded up. */
    { 200, 0.01, suppliers, 3, 2.0, 100.0 * 2 / 202, 1 + 100.0 * 2 / 202, FALSE, 2, 23665639 },
    /* 100 FTE, 0.5% direct, 5 iFTE: I = 4.76% is capped at 4 x 0.5 = 2%; total 2.5%: trede
     * 2, and trede 3 would need I = 3.2% > 2%: out of reach through purchasing. */
    { 100, 0.005, big, 1, 5.0, 2.0, 2.5, TRUE, 2, -1 },
    /* 1.5% direct, no suppliers: trede 1, and nothing to average the gap over. */
    { 100, 0.015, NULL, 0, 0, 0, 1.5, FALSE, 1, -1 },
    /* 4% direct: trede 3, the top. */
    { 100, 0.04, suppliers, 2, 2.0, 100.0 * 2 / 102, 4 + 100.0 * 2 / 102, FALSE, 3, -1 },
    /* No FTE: nothing to estimate. */
    { 0, 0.04, suppliers, 2, 0, 0, 0, FALSE, 0, -1 },
  };
  ImpactPsoNorms norms;

  impact_pso_norms_init_default (&norms);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      ImpactPsoEstimate estimate;

      g_test_message ("case %u", i);
      impact_pso_estimate (&estimate, cases[i].fte, cases[i].direct, cases[i].suppliers, cases[i].n_suppliers,
                           impact_pso_fte_per_euro (cases[i].suppliers, cases[i].n_suppliers), &norms);
      g_assert_cmpfloat_with_epsilon (estimate.indirect_fte, cases[i].indirect_fte, 1e-9);
      g_assert_cmpfloat_with_epsilon (estimate.indirect_share, cases[i].indirect, 1e-9);
      g_assert_cmpfloat_with_epsilon (estimate.total_share, cases[i].total, 1e-9);
      g_assert_cmpint (estimate.capped, ==, cases[i].capped);
      g_assert_cmpuint (estimate.trede, ==, cases[i].trede);
      g_assert_cmpint (estimate.extra_spend_next_trede_cents, ==, cases[i].extra);
    }

  /* The average is over suppliers whose turnover is known. */
  g_assert_cmpfloat_with_epsilon (impact_pso_fte_per_euro (suppliers, 3), 1.5e-7, 1e-15);
}

/* --- from the store ------------------------------------------------------------------- */

typedef struct
{
  char *dir;
  ImpactStore *store;
  ImpactNode *group;
  gint64 division_a, division_b, o1, o2, o3;
  gint64 s1, s2, s3, s4, s5;
} Fixture;

static gint64
add_object (Fixture *f,
            const char *code,
            gint64 division_id,
            gint64 value_cents,
            const char *start,
            const char *end)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ImpactNode) node = impact_node_new (IMPACT_NODE_OBJECT, code, code);
  gint64 id;

  node->parent_id = division_id;
  node->contract_value_cents = value_cents;
  node->contract_start = D (start);
  node->contract_end = D (end);
  id = impact_store_add_node (f->store, node, &error);
  g_assert_no_error (error);
  return id;
}

/* S1 PSO 30+, S2 SW, S3 nothing, S4 PSO aspirant, S5 the own social company.
 * O1 (division A): EUR 100,000 from 15 March 2025 to 14 March 2026, 5%, the own social
 * company at 25%. O2 (division B): EUR 100 fixed, 2025, rule set "strict" (SW at 50% from
 * 2024, at 100% from 2026). O3 (division A): no obligation. */
static void
fixture_set_up (Fixture *f,
                gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = NULL;
  gint64 group_id;

  f->dir = impact_test_make_tmpdir ();
  path = impact_test_database_location (f->dir);
  f->store = impact_store_open (path, &error);
  g_assert_no_error (error);

  group_id = impact_test_add_node (f->store, IMPACT_NODE_GROUP, "G", "Groep", 0);
  f->division_a = impact_test_add_node (f->store, IMPACT_NODE_DIVISION, "A", "Alfa", group_id);
  f->division_b = impact_test_add_node (f->store, IMPACT_NODE_DIVISION, "B", "Bravo", group_id);
  f->o1 = add_object (f, "A-1", f->division_a, EUR (100000), "2025-03-15", "2026-03-14");
  f->o2 = add_object (f, "B-1", f->division_b, EUR (5000), "2025-01-01", "2025-12-31");
  f->o3 = add_object (f, "A-2", f->division_a, EUR (5000), "2025-01-01", "2025-12-31");
  f->s1 = impact_test_add_supplier (f->store, "Social One");
  f->s2 = impact_test_add_supplier (f->store, "SW Bedrijf");
  f->s3 = impact_test_add_supplier (f->store, "Plain B.V.");
  f->s4 = impact_test_add_supplier (f->store, "Aspirant B.V.");
  f->s5 = impact_test_add_supplier (f->store, "Buitengewoon B.V.");
  impact_test_add_status (f->store, f->s1, IMPACT_SOCIAL_CLASS_PSO_30PLUS, "2025-01-01", NULL);
  impact_test_add_status (f->store, f->s2, IMPACT_SOCIAL_CLASS_SW, "2024-01-01", NULL);
  impact_test_add_status (f->store, f->s4, IMPACT_SOCIAL_CLASS_PSO_ASPIRANT, "2024-01-01", NULL);
  impact_test_add_status (f->store, f->s5, IMPACT_SOCIAL_CLASS_OWN_SOCIAL, "2024-01-01", NULL);

  {
    const ImpactPurchaseLine lines[] = {
      /* O1: before the start, in the month it starts: not counted */
      { D ("2025-03-10"), f->s1, f->division_a, f->o1, EUR (400) },
      { D ("2025-03-15"), f->s1, f->division_a, f->o1, EUR (1000) },
      { D ("2025-06-01"), f->s2, f->division_a, f->o1, EUR (500) },
      { D ("2025-07-01"), f->s3, f->division_a, f->o1, EUR (9000) },
      { D ("2025-07-02"), f->s4, f->division_a, f->o1, EUR (600) },
      /* 25% of EUR 800 */
      { D ("2025-08-01"), f->s5, f->division_a, f->o1, EUR (800) },
      /* the last day counts, the day after does not, nor a later month */
      { D ("2026-03-14"), f->s2, f->division_a, f->o1, EUR (100) },
      { D ("2026-03-15"), f->s2, f->division_a, f->o1, EUR (700) },
      { D ("2026-05-01"), f->s1, f->division_a, f->o1, EUR (300) },
      /* O2: 50% of EUR 300 under the 2024 version */
      { D ("2025-02-01"), f->s2, f->division_b, f->o2, EUR (300) },
      { D ("2025-02-02"), f->s3, f->division_b, f->o2, EUR (50) },
      /* O3 */
      { D ("2025-04-01"), f->s1, f->division_a, f->o3, EUR (250) },
      /* division A without object, for the PSO estimate: EUR 100,000 at S1 and EUR 50,000
       * at S2 in 2025 with the lines above */
      { D ("2025-04-10"), f->s1, f->division_a, 0, EUR (98350) },
      { D ("2025-04-11"), f->s2, f->division_a, 0, EUR (49500) },
      { D ("2025-04-12"), f->s4, f->division_a, 0, EUR (12345) },
    };

    impact_test_insert (f->store, lines, G_N_ELEMENTS (lines));
  }

  {
    ImpactSroiObligation o1 = { IMPACT_SROI_PERCENT, 5, -1, 0, 0.25, (char *) IMPACT_SROI_DEFAULT_RULE_SET };
    ImpactSroiObligation o2 = { IMPACT_SROI_FIXED, 0, -1, EUR (100), 0, (char *) "strict" };
    ImpactSroiRules strict = { 0, (char *) "strict", D ("2024-01-01"), { 0 } };
    ImpactSroiEntry entry = { 0, f->o1, D ("2025-09-01"), EUR (1200), (char *) "2 people placed" };

    g_assert_true (impact_store_set_sroi_obligation (f->store, f->o1, &o1, &error));
    g_assert_true (impact_store_set_sroi_obligation (f->store, f->o2, &o2, &error));
    strict.factors[IMPACT_SOCIAL_CLASS_SW] = 0.5;
    g_assert_cmpint (impact_store_add_rule_set (f->store, &strict, &error), >, 0);
    strict.valid_from = D ("2026-01-01");
    strict.factors[IMPACT_SOCIAL_CLASS_SW] = 1.0;
    g_assert_cmpint (impact_store_add_rule_set (f->store, &strict, &error), >, 0);
    g_assert_cmpint (impact_store_add_sroi_entry (f->store, &entry, &error), >, 0);
    g_assert_no_error (error);
  }

  f->group = impact_query_find_node (f->store, NULL, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture *f,
                   gconstpointer data)
{
  g_clear_pointer (&f->group, impact_node_free);
  g_clear_object (&f->store);
  impact_test_remove_tree (f->dir);
  g_free (f->dir);
}

static const ImpactSroiRow *
find_row (const ImpactSroiOverview *overview,
          gint64 object_id)
{
  for (guint i = 0; i < overview->rows->len; i++)
    {
      const ImpactSroiRow *row = g_ptr_array_index (overview->rows, i);

      if (row->object->id == object_id)
        return row;
    }
  g_assert_not_reached ();
}

static void
test_sroi_per_object (Fixture *f,
                      gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ImpactSroiOverview) group = impact_query_sroi (f->store, f->group, D ("2026-01-31"), &error);
  const ImpactSroiRow *o1, *o2, *o3;

  g_assert_no_error (error);
  g_assert_cmpuint (group->rows->len, ==, 3);
  /* by division, then code */
  g_assert_cmpstr (((ImpactSroiRow *) g_ptr_array_index (group->rows, 0))->object->code, ==, "A-1");
  g_assert_cmpstr (((ImpactSroiRow *) g_ptr_array_index (group->rows, 1))->object->code, ==, "A-2");
  g_assert_cmpstr (((ImpactSroiRow *) g_ptr_array_index (group->rows, 2))->object->code, ==, "B-1");

  /* O1: EUR 1,000 PSO 30+ + 500 SW + 100 SW + 25% of 800 = EUR 1,800 from purchases, EUR
   * 1,200 by hand: EUR 3,000 of EUR 5,000 (60%). On 31 January 2026, 323 of the contract's
   * 365 days have gone by: EUR 3,000 x 365 / 323 = EUR 3,390.09 at the end, short. */
  o1 = find_row (group, f->o1);
  g_assert_cmpstr (o1->division_code, ==, "A");
  g_assert_cmpint (o1->by_class[IMPACT_SOCIAL_CLASS_PSO_30PLUS], ==, EUR (1000));
  g_assert_cmpint (o1->by_class[IMPACT_SOCIAL_CLASS_SW], ==, EUR (600));
  g_assert_cmpint (o1->by_class[IMPACT_SOCIAL_CLASS_OWN_SOCIAL], ==, EUR (800));
  g_assert_cmpint (o1->by_class[IMPACT_SOCIAL_CLASS_NONE], ==, EUR (9000));
  g_assert_cmpint (o1->by_class[IMPACT_SOCIAL_CLASS_PSO_ASPIRANT], ==, EUR (600));
  g_assert_cmpint (o1->result.obligation_cents, ==, EUR (5000));
  g_assert_cmpint (o1->result.realised_purchases_cents, ==, EUR (1800));
  g_assert_cmpint (o1->result.realised_manual_cents, ==, EUR (1200));
  g_assert_cmpfloat_with_epsilon (o1->result.realised_share, 60.0, 1e-9);
  g_assert_cmpint (o1->result.remaining_cents, ==, EUR (2000));
  g_assert_cmpint (o1->result.projected_cents, ==, 339009);
  g_assert_cmpint (o1->result.status, ==, IMPACT_SROI_STATUS_AT_RISK);
  g_assert_cmpstr (o1->rules.name, ==, IMPACT_SROI_DEFAULT_RULE_SET);

  /* O2 follows the version of "strict" valid at its start (2025): SW at 50%. */
  o2 = find_row (group, f->o2);
  g_assert_cmpstr (o2->rules.name, ==, "strict");
  g_assert_cmpuint (o2->rules.valid_from, ==, D ("2024-01-01"));
  g_assert_cmpint (o2->result.obligation_cents, ==, EUR (100));
  g_assert_cmpint (o2->result.realised_purchases_cents, ==, EUR (150));
  g_assert_cmpint (o2->result.projected_cents, ==, EUR (150));
  g_assert_cmpint (o2->result.status, ==, IMPACT_SROI_STATUS_MET);

  o3 = find_row (group, f->o3);
  g_assert_cmpint (o3->result.status, ==, IMPACT_SROI_STATUS_NONE);
  g_assert_cmpint (o3->result.realised_purchases_cents, ==, EUR (250));

  /* The group sums O1 and O2 only. */
  g_assert_cmpuint (group->n_obligations, ==, 2);
  g_assert_cmpint (group->total.obligation_cents, ==, EUR (5100));
  g_assert_cmpint (group->total.realised_purchases_cents, ==, EUR (1950));
  g_assert_cmpint (group->total.realised_manual_cents, ==, EUR (1200));
  g_assert_cmpint (group->total.remaining_cents, ==, EUR (2000));
  g_assert_cmpint (group->total.projected_cents, ==, 339009 + EUR (150));
  g_assert_cmpint (group->total.status, ==, IMPACT_SROI_STATUS_AT_RISK);

  /* A division has its own objects; an object itself. */
  {
    g_autoptr (ImpactNode) division = impact_query_find_node (f->store, "A", &error);
    g_autoptr (ImpactSroiOverview) a = impact_query_sroi (f->store, division, D ("2026-01-31"), &error);
    g_autoptr (ImpactNode) object = impact_query_find_node (f->store, "B-1", &error);
    g_autoptr (ImpactSroiOverview) b1 = impact_query_sroi (f->store, object, D ("2026-01-31"), &error);

    g_assert_no_error (error);
    g_assert_cmpuint (a->rows->len, ==, 2);
    g_assert_cmpuint (a->n_obligations, ==, 1);
    g_assert_cmpint (a->total.obligation_cents, ==, EUR (5000));
    g_assert_cmpuint (b1->rows->len, ==, 1);
    g_assert_cmpint (b1->total.realised_purchases_cents, ==, EUR (150));
  }
}

/* Changes show at once: a status ended early, a removed entry, a whole-month contract. */
static void
test_sroi_follows_changes (Fixture *f,
                           gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) entries = impact_store_list_sroi_entries (f->store, f->o1, &error);
  g_autoptr (ImpactSroiOverview) overview = NULL;
  g_autoptr (ImpactNode) object = NULL;
  ImpactSroiObligation obligation;

  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, ==, 1);
  g_assert_cmpstr (((ImpactSroiEntry *) g_ptr_array_index (entries, 0))->description, ==, "2 people placed");
  g_assert_true (impact_store_delete_sroi_entry (f->store, ((ImpactSroiEntry *) g_ptr_array_index (entries, 0))->id,
                                                 &error));

  /* S2 stops being an SW company at the end of 2025: its EUR 100 of March 2026 no longer
   * counts. */
  {
    g_autoptr (GPtrArray) statuses = impact_store_list_statuses (f->store, f->s2, &error);
    ImpactStatus *status = g_ptr_array_index (statuses, 0);

    status->valid_until = D ("2025-12-31");
    g_assert_true (impact_store_update_status (f->store, status, &error));
  }

  /* The contract now runs from 1 June 2025, a whole month: */
  object = impact_store_find_node (f->store, IMPACT_NODE_OBJECT, "A-1", &error);
  object->contract_start = D ("2025-06-01");
  g_assert_true (impact_store_update_node (f->store, object, &error));

  overview = impact_query_sroi (f->store, object, D ("2026-01-31"), &error);
  g_assert_no_error (error);
  /* EUR 500 SW + 25% of 800; the PSO 30+ purchase of March is before the start now */
  g_assert_cmpint (((ImpactSroiRow *) g_ptr_array_index (overview->rows, 0))->result.realised_purchases_cents, ==,
                   EUR (700));
  g_assert_cmpint (((ImpactSroiRow *) g_ptr_array_index (overview->rows, 0))->result.realised_manual_cents, ==, 0);

  /* Removing the obligation. */
  g_assert_true (impact_store_get_sroi_obligation (f->store, f->o1, &obligation, &error));
  g_assert_cmpint (obligation.kind, ==, IMPACT_SROI_PERCENT);
  g_assert_cmpfloat (obligation.own_social_factor, ==, 0.25);
  g_assert_cmpint (obligation.cap_cents, ==, -1);
  obligation.kind = IMPACT_SROI_NONE;
  g_assert_true (impact_store_set_sroi_obligation (f->store, f->o1, &obligation, &error));
  impact_sroi_obligation_clear (&obligation);
  g_assert_true (impact_store_get_sroi_obligation (f->store, f->o1, &obligation, &error));
  g_assert_cmpint (obligation.kind, ==, IMPACT_SROI_NONE);
  impact_sroi_obligation_clear (&obligation);
}

static void
test_sroi_refuses (Fixture *f,
                   gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  ImpactSroiObligation bad = { IMPACT_SROI_PERCENT, 120, -1, 0, 0, NULL };
  ImpactSroiEntry entry = { 0, f->o1, D ("2025-09-01"), EUR (10), (char *) "  " };
  ImpactSroiRules rules = { 0, (char *) "x", 1, { 0 } };

  g_assert_false (impact_store_set_sroi_obligation (f->store, f->o1, &bad, &error));
  g_assert_error (error, IMPACT_STORE_ERROR, IMPACT_STORE_ERROR_INVALID);
  g_clear_error (&error);
  bad.percent = 5;
  bad.own_social_factor = 1.5;
  g_assert_false (impact_store_set_sroi_obligation (f->store, f->o1, &bad, &error));
  g_assert_error (error, IMPACT_STORE_ERROR, IMPACT_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (impact_store_add_sroi_entry (f->store, &entry, &error), ==, 0);
  g_assert_error (error, IMPACT_STORE_ERROR, IMPACT_STORE_ERROR_INVALID);
  g_clear_error (&error);
  rules.factors[IMPACT_SOCIAL_CLASS_SW] = 2;
  g_assert_cmpint (impact_store_add_rule_set (f->store, &rules, &error), ==, 0);
  g_assert_error (error, IMPACT_STORE_ERROR, IMPACT_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* Nothing of it was stored. */
  {
    g_autoptr (GPtrArray) sets = impact_store_list_rule_sets (f->store, &error);

    g_assert_no_error (error);
    /* default, and the two versions of strict */
    g_assert_cmpuint (sets->len, ==, 3);
    g_assert_cmpfloat (((ImpactSroiRules *) g_ptr_array_index (sets, 0))->factors[IMPACT_SOCIAL_CLASS_SW], ==, 1.0);
  }
}

/* Division A: 200 FTE, 1% direct; B: 100 FTE, 4%. S1: EUR 2 million turnover, 50 FTE, 40%
 * direct; S2: EUR 500,000, 20 FTE, 50%. */
static void
set_pso_inputs (Fixture *f)
{
  g_autoptr (GError) error = NULL;
  const ImpactPsoSupplier s1 = { 0, EUR (2000000), 50, 0.4 };
  const ImpactPsoSupplier s2 = { 0, EUR (500000), 20, 0.5 };

  g_assert_true (impact_store_set_pso_organisation (f->store, f->division_a, 200, 0.01, &error));
  g_assert_true (impact_store_set_pso_organisation (f->store, f->division_b, 100, 0.04, &error));
  g_assert_true (impact_store_set_pso_supplier (f->store, f->s1, &s1, &error));
  g_assert_true (impact_store_set_pso_supplier (f->store, f->s2, &s2, &error));
  g_assert_no_error (error);
}

static void
test_pso_division (Fixture *f,
                   gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ImpactNode) division = impact_query_find_node (f->store, "A", &error);
  g_autoptr (ImpactPsoFigures) figures = NULL;
  g_autoptr (ImpactPsoFigures) group = NULL;
  ImpactPeriod period;

  set_pso_inputs (f);
  g_assert_true (impact_period_parse ("2025", 1, &period, &error));

  /* The first case of test_pso_formula: in 2025 division A bought EUR 100,000 at S1 and EUR
   * 50,000 at S2 (the aspirant, the own social company and S3 do not count). */
  figures = impact_query_pso (f->store, division, &period, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (figures->suppliers->len, ==, 2);
  g_assert_cmpint (((ImpactPsoRow *) g_ptr_array_index (figures->suppliers, 0))->data.spend_cents, ==,
                   EUR (100000));
  g_assert_cmpint (((ImpactPsoRow *) g_ptr_array_index (figures->suppliers, 1))->data.spend_cents, ==, EUR (50000));
  g_assert_cmpuint (figures->n_without_data, ==, 0);
  g_assert_cmpfloat_with_epsilon (figures->estimate.indirect_fte, 2.0, 1e-9);
  g_assert_cmpuint (figures->estimate.trede, ==, 2);
  g_assert_cmpint (figures->estimate.extra_spend_next_trede_cents, ==, 23665639);

  /* The group: 300 FTE, direct (200 x 1% + 100 x 4%) / 300 = 2%; in 2025 it bought EUR
   * 100,000 at S1 and EUR 50,000 + 300 (division B) at S2. */
  group = impact_query_pso (f->store, f->group, &period, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat_with_epsilon (group->fte, 300, 1e-9);
  g_assert_cmpfloat_with_epsilon (group->direct_share, 0.02, 1e-12);
  g_assert_cmpint (((ImpactPsoRow *) g_ptr_array_index (group->suppliers, 1))->data.spend_cents, ==, EUR (50300));
  g_assert_cmpfloat_with_epsilon (group->estimate.indirect_fte, 1.0 + 0.1006 * 20 * 0.5, 1e-9);

  /* Norms are reference data: with trede 2 at 2.5% the division drops to trede 1. */
  {
    ImpactPsoNorms norms = { D ("2025-01-01"), 3, { 1.4, 2.5, 3.7 } };
    g_autoptr (ImpactPsoFigures) stricter = NULL;

    g_assert_true (impact_store_set_pso_norms (f->store, &norms, &error));
    stricter = impact_query_pso (f->store, division, &period, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (stricter->estimate.trede, ==, 1);
    g_assert_cmpfloat (stricter->norms.norms[1], ==, 2.5);
  }
}

static void
test_expiring (Fixture *f,
               gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) list = NULL;
  gint64 s6 = impact_test_add_supplier (f->store, "Ending B.V.");
  gint64 s7 = impact_test_add_supplier (f->store, "Renewed B.V.");
  const ImpactExpiring *expiring;

  impact_test_add_status (f->store, s6, IMPACT_SOCIAL_CLASS_PSO_2, "2024-06-01", "2026-05-31");
  impact_test_add_status (f->store, s7, IMPACT_SOCIAL_CLASS_PSO_1, "2024-06-01", "2026-05-31");
  impact_test_add_status (f->store, s7, IMPACT_SOCIAL_CLASS_PSO_1, "2026-06-01", "2028-05-31");
  {
    const ImpactPurchaseLine lines[] = {
      /* the 12 months up to April 2026 are May 2025 to April 2026 */
      { D ("2025-04-30"), s6, f->division_a, 0, EUR (111) },
      { D ("2025-05-01"), s6, f->division_a, 0, EUR (222) },
      { D ("2026-04-20"), s6, f->division_b, 0, EUR (333) },
      { D ("2026-01-01"), s7, f->division_b, 0, EUR (999) },
    };

    impact_test_insert (f->store, lines, G_N_ELEMENTS (lines));
  }

  list = impact_query_list_expiring (f->store, NULL, D ("2026-04-15"), 0, 90, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 1);
  expiring = g_ptr_array_index (list, 0);
  g_assert_cmpstr (expiring->supplier, ==, "Ending B.V.");
  g_assert_cmpint (expiring->kind, ==, IMPACT_SOCIAL_CLASS_PSO_2);
  g_assert_cmpuint (expiring->valid_until, ==, D ("2026-05-31"));
  g_assert_cmpint (expiring->spend_at_risk_cents, ==, EUR (555));

  /* Just ended: only when asked for days past. */
  g_clear_pointer (&list, g_ptr_array_unref);
  list = impact_query_list_expiring (f->store, NULL, D ("2026-06-10"), 0, 90, &error);
  g_assert_cmpuint (list->len, ==, 0);
  g_clear_pointer (&list, g_ptr_array_unref);
  list = impact_query_list_expiring (f->store, NULL, D ("2026-06-10"), 30, 90, &error);
  g_assert_cmpuint (list->len, ==, 1);

  /* Division A bought there in May 2025 only, B in April 2026; B-1 not at all. */
  {
    g_autoptr (ImpactNode) a = impact_query_find_node (f->store, "A", &error);
    g_autoptr (ImpactNode) b1 = impact_query_find_node (f->store, "B-1", &error);
    g_autoptr (GPtrArray) for_a = impact_query_list_expiring (f->store, a, D ("2026-04-15"), 0, 90, &error);
    g_autoptr (GPtrArray) for_b1 = impact_query_list_expiring (f->store, b1, D ("2026-04-15"), 0, 90, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (for_a->len, ==, 1);
    g_assert_cmpint (((ImpactExpiring *) g_ptr_array_index (for_a, 0))->spend_at_risk_cents, ==, EUR (222));
    g_assert_cmpuint (for_b1->len, ==, 0);
  }

  /* Told once: 30 days before the end, not again the next day; nothing at 31 days before. */
  {
    /* A list with more in it than the notices take: 90 days ahead. */
    g_autoptr (GPtrArray) candidates = impact_query_list_expiring (f->store, NULL, D ("2026-04-30"), 30, 90, &error);
    g_autoptr (GPtrArray) early = impact_query_take_expiry_notices (f->store, candidates, D ("2026-04-30"), 30, &error);
    g_autoptr (GPtrArray) first = impact_query_take_expiry_notices (f->store, candidates, D ("2026-05-01"), 30, &error);
    g_autoptr (GPtrArray) again = impact_query_take_expiry_notices (f->store, candidates, D ("2026-05-02"), 30, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (candidates->len, ==, 1);
    g_assert_cmpuint (early->len, ==, 0);
    g_assert_cmpuint (first->len, ==, 1);
    g_assert_cmpstr (((ImpactExpiring *) g_ptr_array_index (first, 0))->supplier, ==, "Ending B.V.");
    g_assert_cmpuint (again->len, ==, 0);
  }

  g_assert_cmpuint (impact_test_count_expiring (f->store, D ("2026-03-02")), ==, 1);
  g_assert_cmpuint (impact_test_count_expiring (f->store, D ("2026-03-01")), ==, 0);
}

static void
test_letter_merge (void)
{
  const ImpactLetterFields fields = { "Jansen B.V.", NULL, "Groep", "Schoonmaak", "trede 2", 123456789, 0, 0 };
  ImpactLetterFields dated = fields;
  g_autofree char *en = NULL;
  g_autofree char *nl = NULL;
  g_autofree char *negative = NULL;

  dated.target_day = D ("2027-03-31");
  dated.today = D ("2026-11-22");
  en = impact_letter_merge ("Dear {contact}, {spend} by {target_date} ({date}); {unknown} {a {supplier}}", "en", &dated);
  g_assert_cmpstr (en, ==, "Dear Sir or Madam, EUR\u00a01,234,567.89 by 31 March 2027 (22 November 2026); {unknown} {a Jansen B.V.}");
  nl = impact_letter_merge ("Geachte {contact}, {spend} vóór {target_date}", "nl", &dated);
  g_assert_cmpstr (nl, ==, "Geachte heer, mevrouw, €\u00a01.234.567,89 vóór 31 maart 2027");
  negative = impact_letter_format_money (-5, "nl");
  g_assert_cmpstr (negative, ==, "€\u00a0-0,05");
  g_clear_pointer (&negative, g_free);
  negative = impact_letter_format_money (-100000, "en");
  g_assert_cmpstr (negative, ==, "EUR\u00a0-1,000.00");

  /* Every built-in template uses known fields only, and the supplier's name. */
  for (guint k = 0; k < IMPACT_N_LETTER_KINDS; k++)
    for (guint l = 0; l < 2; l++)
      {
        g_autofree char *letter = impact_letter_merge (impact_letter_default_template (k, l == 0 ? "nl" : "en"),
                                                       l == 0 ? "nl" : "en", &dated);

        g_assert_null (strchr (letter, '{'));
        g_assert_nonnull (strstr (letter, "Jansen B.V."));
        g_assert_nonnull (strstr (letter, l == 0 ? "31 maart 2027" : "31 March 2027"));
      }
}

static void
test_engagement (Fixture *f,
                 gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) history = NULL;
  ImpactEngagement engagement;

  g_assert_true (impact_store_get_engagement (f->store, f->s3, &engagement, &error));
  g_assert_cmpint (engagement.status, ==, IMPACT_ENGAGEMENT_NOT_CONTACTED);
  g_assert_cmpuint (engagement.target_day, ==, 0);
  g_assert_false (impact_engagement_is_overdue (&engagement, D ("2030-01-01")));

  /* Asked, with a target: one step in the history. */
  engagement.status = IMPACT_ENGAGEMENT_ASKED;
  engagement.target_day = D ("2026-06-30");
  engagement.contact = g_strdup ("M. de Vries");
  g_assert_true (impact_store_set_engagement (f->store, &engagement, D ("2026-01-10"), "Letter sent", &error));
  impact_engagement_clear (&engagement);
  /* The same status again without a note: no new step; with a note: one. */
  g_assert_true (impact_store_get_engagement (f->store, f->s3, &engagement, &error));
  g_assert_cmpstr (engagement.contact, ==, "M. de Vries");
  g_assert_true (impact_store_set_engagement (f->store, &engagement, D ("2026-01-11"), NULL, &error));
  g_assert_true (impact_store_set_engagement (f->store, &engagement, D ("2026-02-01"), "Called", &error));
  engagement.status = IMPACT_ENGAGEMENT_PATH_AGREED;
  g_assert_true (impact_store_set_engagement (f->store, &engagement, D ("2026-03-01"), NULL, &error));
  g_assert_no_error (error);

  history = impact_store_list_engagement_history (f->store, f->s3, &error);
  g_assert_cmpuint (history->len, ==, 3);
  g_assert_cmpint (((ImpactEngagementEvent *) g_ptr_array_index (history, 0))->status, ==, IMPACT_ENGAGEMENT_PATH_AGREED);
  g_assert_null (((ImpactEngagementEvent *) g_ptr_array_index (history, 0))->note);
  g_assert_cmpstr (((ImpactEngagementEvent *) g_ptr_array_index (history, 1))->note, ==, "Called");
  g_assert_cmpstr (((ImpactEngagementEvent *) g_ptr_array_index (history, 2))->note, ==, "Letter sent");

  /* Overdue after the target, unless certified or declined. */
  g_assert_false (impact_engagement_is_overdue (&engagement, D ("2026-06-30")));
  g_assert_true (impact_engagement_is_overdue (&engagement, D ("2026-07-01")));
  engagement.status = IMPACT_ENGAGEMENT_CERTIFIED;
  g_assert_false (impact_engagement_is_overdue (&engagement, D ("2026-07-01")));
  impact_engagement_clear (&engagement);

  /* The supplier list says where each supplier stands. */
  {
    g_autoptr (GPtrArray) rows = NULL;
    ImpactPeriod period;

    g_assert_true (impact_period_parse ("2025", 1, &period, NULL));
    rows = impact_query_list_suppliers (f->store, &period, D ("2026-03-02"), &error);
    g_assert_no_error (error);
    for (guint i = 0; i < rows->len; i++)
      {
        const ImpactSupplierRow *row = g_ptr_array_index (rows, i);

        g_assert_cmpint (row->engagement, ==, row->id == f->s3 ? IMPACT_ENGAGEMENT_PATH_AGREED : IMPACT_ENGAGEMENT_NOT_CONTACTED);
        g_assert_cmpuint (row->target_day, ==, row->id == f->s3 ? D ("2026-06-30") : 0);
      }
  }
}

static void
test_letter_templates (Fixture *f,
                       gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *builtin = impact_store_get_letter_template (f->store, IMPACT_LETTER_AGREE_PATH, "nl", &error);
  g_autofree char *own = NULL;
  g_autofree char *english = NULL;
  g_autofree char *reset = NULL;

  g_assert_cmpstr (builtin, ==, impact_letter_default_template (IMPACT_LETTER_AGREE_PATH, "nl"));
  g_assert_true (impact_store_set_letter_template (f->store, IMPACT_LETTER_AGREE_PATH, "nl", "Beste {contact}", &error));
  own = impact_store_get_letter_template (f->store, IMPACT_LETTER_AGREE_PATH, "nl", &error);
  g_assert_cmpstr (own, ==, "Beste {contact}");
  /* The English one is its own. */
  english = impact_store_get_letter_template (f->store, IMPACT_LETTER_AGREE_PATH, "en", &error);
  g_assert_cmpstr (english, ==, impact_letter_default_template (IMPACT_LETTER_AGREE_PATH, "en"));
  g_assert_false (impact_store_set_letter_template (f->store, IMPACT_LETTER_AGREE_PATH, "nl", " \n ", &error));
  g_assert_error (error, IMPACT_STORE_ERROR, IMPACT_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (impact_store_set_letter_template (f->store, IMPACT_LETTER_AGREE_PATH, "nl", NULL, &error));
  reset = impact_store_get_letter_template (f->store, IMPACT_LETTER_AGREE_PATH, "nl", &error);
  g_assert_cmpstr (reset, ==, builtin);
}

/* Half of what division A bought from S3 (nothing social) in 2025, EUR 9,000 on contract
 * O1 in July, moved to S2 (an SW company) or to an average PSO 30+ supplier. */
static void
test_what_if (Fixture *f,
              gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ImpactNode) division = impact_query_find_node (f->store, "A", &error);
  g_autoptr (ImpactWhatIf) to_sw = NULL;
  g_autoptr (ImpactWhatIf) to_class = NULL;
  g_autoptr (ImpactWhatIf) nothing = NULL;
  const ImpactWhatIfObject *o1;
  ImpactPeriod period;

  set_pso_inputs (f);
  g_assert_true (impact_period_parse ("2025", 1, &period, &error));
  to_sw = impact_query_what_if (f->store, division, &period, D ("2026-01-31"), f->s3, f->s2, IMPACT_SOCIAL_CLASS_NONE,
                                0.5, &error);
  g_assert_no_error (error);

  /* EUR 4,500 moves and becomes social. */
  g_assert_cmpint (to_sw->moved_cents, ==, EUR (4500));
  g_assert_cmpint (to_sw->to_class, ==, IMPACT_SOCIAL_CLASS_SW);
  g_assert_cmpint (to_sw->after.total_cents, ==, to_sw->before.total_cents);
  g_assert_cmpint (to_sw->after.social_cents, ==, to_sw->before.social_cents + EUR (4500));

  /* O1: EUR 1,800 + 4,500 from purchases and EUR 1,200 by hand: EUR 7,500 of 5,000, met. */
  g_assert_cmpuint (to_sw->objects->len, ==, 1);
  o1 = g_ptr_array_index (to_sw->objects, 0);
  g_assert_cmpstr (o1->code, ==, "A-1");
  g_assert_cmpint (o1->before.realised_purchases_cents, ==, EUR (1800));
  g_assert_cmpint (o1->after.realised_purchases_cents, ==, EUR (6300));
  g_assert_cmpint (o1->after.status, ==, IMPACT_SROI_STATUS_MET);
  g_assert_cmpint (to_sw->sroi_after.obligation_cents, ==, EUR (5000));
  g_assert_cmpint (to_sw->sroi_after.realised_purchases_cents, ==, EUR (6300));

  /* PSO: S2's spend EUR 50,000 -> 54,500: 0.109 x 20 x 0.5 = 1.09 iFTE, with S1's 1.0. */
  g_assert_true (to_sw->has_pso);
  g_assert_cmpfloat_with_epsilon (to_sw->pso_before.indirect_fte, 2.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (to_sw->pso_after.indirect_fte, 2.09, 1e-9);

  /* To an average PSO 30+ supplier: 450,000 cents x 1.5e-7 iFTE per cent = 0.0675 iFTE. */
  to_class = impact_query_what_if (f->store, division, &period, D ("2026-01-31"), f->s3, 0,
                                   IMPACT_SOCIAL_CLASS_PSO_30PLUS, 0.5, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat_with_epsilon (to_class->pso_after.indirect_fte, 2.0675, 1e-9);
  g_assert_cmpint (((ImpactWhatIfObject *) g_ptr_array_index (to_class->objects, 0))->after.realised_purchases_cents, ==,
                   EUR (6300));

  /* Nothing moved: nothing changes. */
  nothing = impact_query_what_if (f->store, division, &period, D ("2026-01-31"), f->s3, f->s2, IMPACT_SOCIAL_CLASS_NONE,
                                  0, &error);
  g_assert_cmpint (nothing->moved_cents, ==, 0);
  g_assert_cmpint (nothing->after.social_cents, ==, nothing->before.social_cents);
  g_assert_cmpuint (nothing->objects->len, ==, 0);
  g_assert_cmpfloat (nothing->pso_after.indirect_fte, ==, nothing->pso_before.indirect_fte);
}

/* The largest non-social suppliers of division A in 2025 with their engagement and category,
 * and the social suppliers the group bought the same category from. */
static void
test_opportunities (Fixture *f,
                    gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ImpactNode) division = impact_query_find_node (f->store, "A", &error);
  g_autoptr (ImpactFigures) figures = NULL;
  g_autoptr (GPtrArray) list = NULL;
  const ImpactOpportunity *first;
  ImpactEngagement engagement = { f->s3, IMPACT_ENGAGEMENT_ASKED, D ("2026-06-30"), NULL, NULL };
  ImpactPeriod period;

  /* S3 (nothing social) is bought for cleaning, as S2 (SW) and S1 (PSO 30+) are; S4 (an
   * aspirant) for catering. */
  {
    const ImpactPurchaseLine lines[] = {
      { D ("2025-09-01"), f->s3, f->division_a, 0, EUR (10), NULL, "Schoonmaak" },
      { D ("2025-09-02"), f->s3, f->division_a, 0, EUR (10), NULL, "Schoonmaak" },
      { D ("2025-09-03"), f->s2, f->division_b, 0, EUR (10), NULL, "Schoonmaak" },
      { D ("2025-09-04"), f->s1, f->division_b, 0, EUR (10), NULL, "Schoonmaak" },
      { D ("2025-09-05"), f->s4, f->division_a, 0, EUR (10), NULL, "Catering" },
    };

    impact_test_insert (f->store, lines, G_N_ELEMENTS (lines));
  }
  g_assert_true (impact_store_set_engagement (f->store, &engagement, D ("2026-01-01"), NULL, &error));
  g_assert_true (impact_period_parse ("2025", 1, &period, &error));
  figures = impact_query_figures (f->store, division, &period, 10, &error);
  list = impact_query_opportunities (f->store, figures, 3, &error);
  g_assert_no_error (error);

  /* The aspirant S4 with EUR 12,955 in 2025 comes first (nobody social sells catering),
   * then S3 with EUR 9,020. */
  g_assert_cmpuint (list->len, ==, 2);
  g_assert_cmpint (((ImpactOpportunity *) g_ptr_array_index (list, 0))->spend_cents, ==, EUR (12955));
  g_assert_cmpstr (((ImpactOpportunity *) g_ptr_array_index (list, 0))->category, ==, "Catering");
  g_assert_cmpuint (((ImpactOpportunity *) g_ptr_array_index (list, 0))->suggestions->len, ==, 0);
  first = g_ptr_array_index (list, 1);
  g_assert_cmpint (first->supplier_id, ==, f->s3);
  g_assert_cmpint (first->spend_cents, ==, EUR (9020));
  g_assert_cmpstr (first->category, ==, "Schoonmaak");
  g_assert_cmpint (first->engagement, ==, IMPACT_ENGAGEMENT_ASKED);
  g_assert_cmpuint (first->target_day, ==, D ("2026-06-30"));
  /* S1 (EUR 100,010 in the group in 2025) before S2 (EUR 50,310). */
  g_assert_cmpuint (first->suggestions->len, ==, 2);
  g_assert_cmpint (((ImpactSuggestion *) g_ptr_array_index (first->suggestions, 0))->supplier_id, ==, f->s1);
  g_assert_cmpint (((ImpactSuggestion *) g_ptr_array_index (first->suggestions, 0))->group_spend_cents, ==, EUR (100010));
  g_assert_cmpint (((ImpactSuggestion *) g_ptr_array_index (first->suggestions, 1))->klass, ==, IMPACT_SOCIAL_CLASS_SW);
}

int
main (int argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/impact/sroi/per-object", Fixture, NULL, fixture_set_up, test_sroi_per_object, fixture_tear_down);
  g_test_add ("/impact/sroi/follows-changes", Fixture, NULL, fixture_set_up, test_sroi_follows_changes,
              fixture_tear_down);
  g_test_add ("/impact/sroi/refuses", Fixture, NULL, fixture_set_up, test_sroi_refuses, fixture_tear_down);
  g_test_add ("/impact/pso/division", Fixture, NULL, fixture_set_up, test_pso_division, fixture_tear_down);
  g_test_add ("/impact/expiring", Fixture, NULL, fixture_set_up, test_expiring, fixture_tear_down);
  g_test_add ("/impact/what-if", Fixture, NULL, fixture_set_up, test_what_if, fixture_tear_down);
  g_test_add ("/impact/opportunities", Fixture, NULL, fixture_set_up, test_opportunities, fixture_tear_down);
  g_test_add ("/impact/engagement", Fixture, NULL, fixture_set_up, test_engagement, fixture_tear_down);
  g_test_add ("/impact/letter/templates", Fixture, NULL, fixture_set_up, test_letter_templates, fixture_tear_down);
  /* What follows needs no database, and runs once, with the SQLite run. */
  if (impact_test_on_postgresql ())
    return g_test_run ();
  g_test_add_func ("/impact/sroi/obligation", test_obligation);
  g_test_add_func ("/impact/sroi/realised", test_realised);
  g_test_add_func ("/impact/sroi/evaluate", test_evaluate);
  g_test_add_func ("/impact/sroi/sum", test_sum);
  g_test_add_func ("/impact/pso/formula", test_pso_formula);
  g_test_add_func ("/impact/letter/merge", test_letter_merge);

  return g_test_run ();
}
