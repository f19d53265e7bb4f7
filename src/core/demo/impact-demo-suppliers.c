/* impact-demo-suppliers.c: the demo group's suppliers and their certificate statuses
 *
 * 3,000 suppliers with believable Dutch names, a few hundred of them social (PSO levels, SW
 * companies, social enterprises), each with a KvK number, turnover and FTE, and statuses
 * some of which end around the demo's day so that the expiry warnings have something to say.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "impact-demo"

#include "config.h"

#include <math.h>

#include "impact-demo-names.h"
#include "impact-demo-private.h"

/* How many suppliers hold each status; about a tenth of them in all, as in DOMAIN.md. */
static const struct
{
  ImpactSocialClass kind;
  guint count;
} status_plan[] = {
  { IMPACT_SOCIAL_CLASS_OWN_SOCIAL, 1 },
  { IMPACT_SOCIAL_CLASS_SW, 30 },
  { IMPACT_SOCIAL_CLASS_SOCIAL_ENTERPRISE, 30 },
  { IMPACT_SOCIAL_CLASS_PSO_30PLUS, 25 },
  { IMPACT_SOCIAL_CLASS_PSO_3, 30 },
  { IMPACT_SOCIAL_CLASS_PSO_2, 45 },
  { IMPACT_SOCIAL_CLASS_PSO_1, 55 },
  { IMPACT_SOCIAL_CLASS_PSO_BASE, 40 },
  { IMPACT_SOCIAL_CLASS_PSO_ASPIRANT, 25 },
};

/* Names the supplier at position i of the plan: social suppliers first (their names say
 * what they are), then ordinary companies. */
static char *
make_supplier_name (Generator *gen,
                    guint i,
                    ImpactSocialClass kind,
                    guint category,
                    GHashTable *seen)
{
  g_autofree char *name = NULL;

  if (kind == IMPACT_SOCIAL_CLASS_OWN_SOCIAL)
    name = g_strdup ("Buitengewoon B.V.");
  else if (kind == IMPACT_SOCIAL_CLASS_SW)
    name = g_strdup_printf ("Werkbedrijf %s", impact_demo_regions[gen->n_sw_names++ % impact_demo_regions_len ()]);
  else if (kind == IMPACT_SOCIAL_CLASS_SOCIAL_ENTERPRISE)
    name = g_strdup_printf ("%s B.V.", impact_demo_social_enterprises[gen->n_se_names++ % impact_demo_social_enterprises_len ()]);
  else
    {
      const char *const *trades = impact_demo_categories[category].trades;
      guint n_trades = g_strv_length ((char **) trades);

      name = g_strdup_printf ("%s %s %s",
                              _impact_demo_pick (gen->rand, impact_demo_surnames, impact_demo_surnames_len ()),
                              _impact_demo_pick (gen->rand, trades, n_trades),
                              _impact_demo_pick (gen->rand, impact_demo_legal_forms, impact_demo_legal_forms_len ()));
    }

  /* Same name twice: add a place, as real companies do, then a number if that is taken too. */
  if (g_hash_table_contains (seen, name))
    {
      g_autofree char *with_city = g_strdup_printf (
          "%s (%s)", name, _impact_demo_pick (gen->rand, impact_demo_cities, impact_demo_cities_len ()));

      g_free (name);
      name = g_hash_table_contains (seen, with_city)
                 ? g_strdup_printf ("%s %u", with_city, i)
                 : g_steal_pointer (&with_city);
    }
  g_hash_table_add (seen, g_strdup (name));

  return g_steal_pointer (&name);
}

static gboolean
add_status (Generator *gen,
            gint64 supplier_id,
            ImpactSocialClass kind,
            guint32 from,
            guint32 until,
            GError **error)
{
  g_autoptr (ImpactStatus) status = impact_status_new (supplier_id, kind, from, until);

  if (impact_social_class_is_pso_certificate (kind))
    {
      status->certifying_body = g_strdup ("PSO-Nederland");
      status->evidence = g_strdup_printf ("PSO-%06u", g_rand_int_range (gen->rand, 100000, 999999));
    }

  return impact_store_add_status (gen->store, status, error) != 0;
}

/* Validity periods that make the register interesting: expired certificates, some renewed
 * the day after, some expiring within 90 days, open-ended SW and own-social statuses. */
static gboolean
write_statuses (Generator *gen,
                gint64 supplier_id,
                ImpactSocialClass kind,
                GError **error)
{
  guint32 ref = gen->reference_day;
  guint32 from, until;

  switch (kind)
    {
    case IMPACT_SOCIAL_CLASS_OWN_SOCIAL:
      return add_status (gen, supplier_id, kind, ref - 5000, 0, error);

    case IMPACT_SOCIAL_CLASS_SW:
      return add_status (gen, supplier_id, kind, ref - g_rand_int_range (gen->rand, 2000, 6000), 0,
                         error);

    case IMPACT_SOCIAL_CLASS_SOCIAL_ENTERPRISE:
      from = ref - g_rand_int_range (gen->rand, 400, 2500);
      if (g_rand_double (gen->rand) < 0.2)
        until = ref - g_rand_int_range (gen->rand, 0, 380);
      else if (g_rand_double (gen->rand) < 0.15)
        until = ref + g_rand_int_range (gen->rand, 5, 85);
      else
        until = 0;
      return add_status (gen, supplier_id, kind, from, until, error);

    case IMPACT_SOCIAL_CLASS_PSO_ASPIRANT:
      from = ref - g_rand_int_range (gen->rand, 0, 600);
      return add_status (gen, supplier_id, kind, from, from + 364, error);

    case IMPACT_SOCIAL_CLASS_PSO_30PLUS:
    case IMPACT_SOCIAL_CLASS_PSO_3:
    case IMPACT_SOCIAL_CLASS_PSO_2:
    case IMPACT_SOCIAL_CLASS_PSO_1:
    case IMPACT_SOCIAL_CLASS_PSO_BASE:
      from = ref - g_rand_int_range (gen->rand, 0, 1200);
      until = impact_social_class_default_valid_until (kind, from);
      if (!add_status (gen, supplier_id, kind, from, 0, error))
        return FALSE;
      /* Two in five expired certificates were renewed the next day, some a step higher. */
      if (until < ref && g_rand_double (gen->rand) < 0.4)
        {
          ImpactSocialClass next = kind;

          if (kind < IMPACT_SOCIAL_CLASS_PSO_3 && g_rand_double (gen->rand) < 0.3)
            next = kind + 1;
          return add_status (gen, supplier_id, next, until + 1, 0, error);
        }
      return TRUE;

    case IMPACT_SOCIAL_CLASS_NONE:
    default:
      g_assert_not_reached ();
    }
}

gboolean
_impact_demo_write_suppliers (Generator *gen,
                              GError **error)
{
  g_autoptr (GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr (GHashTable) kvks = g_hash_table_new (g_direct_hash, g_direct_equal);
  g_autofree guint *ranks = g_new (guint, N_SUPPLIERS);
  g_autofree double *weights = g_new (double, N_SUPPLIERS);
  guint n_social = 0, plan_index = 0, plan_used = 0;
  double cumulative = 0;

  for (guint i = 0; i < G_N_ELEMENTS (status_plan); i++)
    n_social += status_plan[i].count;

  /* Spend follows a Zipf law over a shuffled rank, so a few suppliers take most of it. The
   * twenty largest are ordinary companies: the engagement opportunities of the dashboard. */
  for (guint i = 0; i < N_SUPPLIERS; i++)
    ranks[i] = i;
  for (guint i = N_SUPPLIERS - 1; i > 0; i--)
    {
      guint j = g_rand_int_range (gen->rand, 0, i + 1);
      guint tmp = ranks[i];

      ranks[i] = ranks[j];
      ranks[j] = tmp;
    }
  for (guint i = 0; i < n_social; i++)
    {
      /* Half of the social suppliers are regular ones, ranked among the first 250. */
      if (g_rand_boolean (gen->rand))
        {
          guint target = g_rand_int_range (gen->rand, 20, 250);

          for (guint j = n_social; j < N_SUPPLIERS; j++)
            {
              if (ranks[j] == target)
                {
                  ranks[j] = ranks[i];
                  ranks[i] = target;
                  break;
                }
            }
        }
      while (ranks[i] < 20)
        {
          guint j = g_rand_int_range (gen->rand, n_social, N_SUPPLIERS);
          guint tmp = ranks[i];

          ranks[i] = ranks[j];
          ranks[j] = tmp;
        }
    }
  /* The own social company (first in the plan) is used across the group. */
  for (guint i = 1; i < N_SUPPLIERS; i++)
    {
      if (ranks[i] == 25)
        {
          ranks[i] = ranks[0];
          ranks[0] = 25;
          break;
        }
    }

  for (guint i = 0; i < N_SUPPLIERS; i++)
    weights[i] = 1.0 / pow (ranks[i] + 1.0, 1.07);

  for (guint i = 0; i < N_SUPPLIERS; i++)
    {
      DemoSupplier *s = &gen->suppliers[i];
      ImpactSocialClass kind = IMPACT_SOCIAL_CLASS_NONE;
      g_autoptr (ImpactSupplier) supplier = NULL;
      g_autofree char *name = NULL;
      guint kvk;

      if (plan_index < G_N_ELEMENTS (status_plan))
        {
          kind = status_plan[plan_index].kind;
          if (++plan_used == status_plan[plan_index].count)
            {
              plan_index++;
              plan_used = 0;
            }
        }

      s->kind = kind;
      s->division = g_rand_int_range (gen->rand, 0, G_N_ELEMENTS (impact_demo_divisions));
      s->category = g_rand_double (gen->rand) < 0.6 ? s->division : impact_demo_categories_len () - 1;
      s->log_median_cents = log (20000.0) + 0.5 * _impact_demo_rand_normal (gen->rand) + 0.6 * (ranks[i] < 50);
      cumulative += weights[i];
      s->cumulative_weight = cumulative;

      name = make_supplier_name (gen, i, kind, s->category, seen);
      supplier = impact_supplier_new (name);
      do
        kvk = g_rand_int_range (gen->rand, 10000000, 99999999);
      while (g_hash_table_contains (kvks, GUINT_TO_POINTER (kvk)));
      g_hash_table_add (kvks, GUINT_TO_POINTER (kvk));
      supplier->kvk = g_strdup_printf ("%08u", kvk);
      if (g_rand_double (gen->rand) < 0.6)
        supplier->vat_id = g_strdup_printf ("NL%09uB01", g_rand_int_range (gen->rand, 1, 999999999));
      supplier->erp_id = g_strdup_printf ("K%05u", 10001 + i);

      s->id = impact_store_add_supplier (gen->store, supplier, error);
      if (s->id == 0)
        return FALSE;
      if (kind != IMPACT_SOCIAL_CLASS_NONE && !write_statuses (gen, s->id, kind, error))
        return FALSE;
    }

  return TRUE;
}
