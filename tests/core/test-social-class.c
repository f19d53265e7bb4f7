/* test-social-class.c: the classification rule of DOMAIN.md
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "model/impact-format.h"
#include "model/impact-social-class.h"

#define D(iso) impact_day_from_iso (iso)

typedef struct
{
  const char *name;
  ImpactStatusPeriod statuses[4];
  guint n_statuses;
  const char *day;
  ImpactSocialClass expected;
} ClassifyCase;

static void
test_classify (void)
{
  /* Built at run time because the days come from impact_day_from_iso(). */
  const ClassifyCase cases[] = {
    { "no statuses", { { 0 } }, 0, "2025-01-01", IMPACT_SOCIAL_CLASS_NONE },
    { "before any status",
      { { IMPACT_SOCIAL_CLASS_PSO_2, D ("2025-03-01"), D ("2027-02-28") } },
      1,
      "2025-02-28",
      IMPACT_SOCIAL_CLASS_NONE },
    { "on the first day",
      { { IMPACT_SOCIAL_CLASS_PSO_2, D ("2025-03-01"), D ("2027-02-28") } },
      1,
      "2025-03-01",
      IMPACT_SOCIAL_CLASS_PSO_2 },
    { "expiry on the day still counts",
      { { IMPACT_SOCIAL_CLASS_PSO_1, D ("2023-01-01"), D ("2024-12-31") } },
      1,
      "2024-12-31",
      IMPACT_SOCIAL_CLASS_PSO_1 },
    { "the day after expiry does not",
      { { IMPACT_SOCIAL_CLASS_PSO_1, D ("2023-01-01"), D ("2024-12-31") } },
      1,
      "2025-01-01",
      IMPACT_SOCIAL_CLASS_NONE },
    { "open-ended status",
      { { IMPACT_SOCIAL_CLASS_SW, D ("2010-01-01"), 0 } },
      1,
      "2099-12-31",
      IMPACT_SOCIAL_CLASS_SW },
    { "open start",
      { { IMPACT_SOCIAL_CLASS_SOCIAL_ENTERPRISE, 0, D ("2025-06-30") } },
      1,
      "1990-01-01",
      IMPACT_SOCIAL_CLASS_SOCIAL_ENTERPRISE },
    { "overlap: SW beats PSO 3",
      { { IMPACT_SOCIAL_CLASS_PSO_3, D ("2024-01-01"), D ("2025-12-31") },
        { IMPACT_SOCIAL_CLASS_SW, D ("2024-06-01"), 0 } },
      2,
      "2024-07-01",
      IMPACT_SOCIAL_CLASS_SW },
    { "overlap: PSO 30+ beats SW whatever the order",
      { { IMPACT_SOCIAL_CLASS_SW, 0, 0 },
        { IMPACT_SOCIAL_CLASS_PSO_30PLUS, D ("2024-01-01"), D ("2025-12-31") },
        { IMPACT_SOCIAL_CLASS_PSO_1, D ("2024-01-01"), D ("2025-12-31") } },
      3,
      "2025-01-01",
      IMPACT_SOCIAL_CLASS_PSO_30PLUS },
    { "overlap: expired stronger one does not count",
      { { IMPACT_SOCIAL_CLASS_PSO_30PLUS, D ("2022-01-01"), D ("2023-12-31") },
        { IMPACT_SOCIAL_CLASS_PSO_BASE, D ("2023-06-01"), D ("2025-05-31") } },
      2,
      "2024-01-01",
      IMPACT_SOCIAL_CLASS_PSO_BASE },
    { "renewal the next day: old level on its last day",
      { { IMPACT_SOCIAL_CLASS_PSO_1, D ("2022-01-01"), D ("2023-12-31") },
        { IMPACT_SOCIAL_CLASS_PSO_2, D ("2024-01-01"), D ("2025-12-31") } },
      2,
      "2023-12-31",
      IMPACT_SOCIAL_CLASS_PSO_1 },
    { "renewal the next day: new level from its first day",
      { { IMPACT_SOCIAL_CLASS_PSO_1, D ("2022-01-01"), D ("2023-12-31") },
        { IMPACT_SOCIAL_CLASS_PSO_2, D ("2024-01-01"), D ("2025-12-31") } },
      2,
      "2024-01-01",
      IMPACT_SOCIAL_CLASS_PSO_2 },
    { "own social beats PSO 3",
      { { IMPACT_SOCIAL_CLASS_PSO_3, 0, 0 }, { IMPACT_SOCIAL_CLASS_OWN_SOCIAL, 0, 0 } },
      2,
      "2025-01-01",
      IMPACT_SOCIAL_CLASS_OWN_SOCIAL },
    { "aspirant only",
      { { IMPACT_SOCIAL_CLASS_PSO_ASPIRANT, D ("2025-01-01"), D ("2025-12-31") } },
      1,
      "2025-05-05",
      IMPACT_SOCIAL_CLASS_PSO_ASPIRANT },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const ClassifyCase *c = &cases[i];
      ImpactSocialClass got = impact_social_class_classify (c->statuses, c->n_statuses, D (c->day));

      g_test_message ("case %u: %s", i, c->name);
      g_assert_cmpstr (impact_social_class_to_code (got), ==, impact_social_class_to_code (c->expected));
    }
}

static void
test_strength_order (void)
{
  /* DOMAIN.md: pso-30plus > sw > social-enterprise > own-social > pso-3 > pso-2 > pso-1 >
   * pso-base > pso-aspirant > none. */
  static const char *const order[] = {
    "pso-30plus",
    "sw",
    "social-enterprise",
    "own-social",
    "pso-3",
    "pso-2",
    "pso-1",
    "pso-base",
    "pso-aspirant",
    "none",
  };

  for (guint i = 0; i + 1 < G_N_ELEMENTS (order); i++)
    {
      ImpactSocialClass stronger, weaker;
      ImpactStatusPeriod both[2];

      g_assert_true (impact_social_class_from_code (order[i], &stronger));
      g_assert_true (impact_social_class_from_code (order[i + 1], &weaker));
      both[0] = (ImpactStatusPeriod){ weaker, 0, 0 };
      both[1] = (ImpactStatusPeriod){ stronger, 0, 0 };
      g_assert_cmpint (impact_social_class_classify (both, 2, D ("2025-01-01")), ==, stronger);
      both[0] = (ImpactStatusPeriod){ stronger, 0, 0 };
      both[1] = (ImpactStatusPeriod){ weaker, 0, 0 };
      g_assert_cmpint (impact_social_class_classify (both, 2, D ("2025-01-01")), ==, stronger);
    }
}

static void
test_social_spend (void)
{
  g_assert_false (impact_social_class_is_social (IMPACT_SOCIAL_CLASS_NONE));
  g_assert_false (impact_social_class_is_social (IMPACT_SOCIAL_CLASS_PSO_ASPIRANT));
  for (ImpactSocialClass k = IMPACT_SOCIAL_CLASS_PSO_BASE; k < IMPACT_N_SOCIAL_CLASSES; k++)
    g_assert_true (impact_social_class_is_social (k));
}

static void
test_codes (void)
{
  ImpactSocialClass klass;

  for (ImpactSocialClass k = 0; k < IMPACT_N_SOCIAL_CLASSES; k++)
    {
      g_assert_true (impact_social_class_from_code (impact_social_class_to_code (k), &klass));
      g_assert_cmpint (klass, ==, k);
      g_assert_nonnull (impact_social_class_to_string (k));
    }
  g_assert_false (impact_social_class_from_code ("pso-4", &klass));
  g_assert_false (impact_social_class_from_code ("", &klass));
}

static void
test_default_valid_until (void)
{
  static const struct
  {
    const char *kind;
    const char *from;
    const char *until;
  } cases[] = {
    { "pso-2", "2024-03-15", "2026-03-14" },
    { "pso-30plus", "2025-01-01", "2026-12-31" },
    /* A leap day: two years later there is no 29 February, GDate clamps to the 28th. */
    { "pso-base", "2024-02-29", "2026-02-27" },
    { "sw", "2024-03-15", NULL },
    { "social-enterprise", "2024-03-15", NULL },
    { "pso-aspirant", "2024-03-15", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      ImpactSocialClass kind;
      guint32 until;
      g_autofree char *iso = NULL;

      g_assert_true (impact_social_class_from_code (cases[i].kind, &kind));
      until = impact_social_class_default_valid_until (kind, D (cases[i].from));
      iso = until != 0 ? impact_day_to_iso (until) : NULL;
      g_assert_cmpstr (iso, ==, cases[i].until);
    }
}

int
main (int argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/social-class/classify", test_classify);
  g_test_add_func ("/social-class/strength-order", test_strength_order);
  g_test_add_func ("/social-class/social-spend", test_social_spend);
  g_test_add_func ("/social-class/codes", test_codes);
  g_test_add_func ("/social-class/default-valid-until", test_default_valid_until);

  return g_test_run ();
}
