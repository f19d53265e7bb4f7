/* impact-social-class.c: supplier social statuses and the classification rule
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "impact-social-class"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "impact-social-class.h"

static const struct
{
  const char *code;
  const char *name;
} classes[IMPACT_N_SOCIAL_CLASSES] = {
  [IMPACT_SOCIAL_CLASS_NONE] = { "none", N_ ("Not social") },
  [IMPACT_SOCIAL_CLASS_PSO_ASPIRANT] = { "pso-aspirant", N_ ("PSO aspirant") },
  [IMPACT_SOCIAL_CLASS_PSO_BASE] = { "pso-base", N_ ("PSO base level") },
  [IMPACT_SOCIAL_CLASS_PSO_1] = { "pso-1", N_ ("PSO level 1") },
  [IMPACT_SOCIAL_CLASS_PSO_2] = { "pso-2", N_ ("PSO level 2") },
  [IMPACT_SOCIAL_CLASS_PSO_3] = { "pso-3", N_ ("PSO level 3") },
  [IMPACT_SOCIAL_CLASS_OWN_SOCIAL] = { "own-social", N_ ("Own social company") },
  [IMPACT_SOCIAL_CLASS_SOCIAL_ENTERPRISE] = { "social-enterprise", N_ ("Social enterprise") },
  [IMPACT_SOCIAL_CLASS_SW] = { "sw", N_ ("Sheltered employment (SW)") },
  [IMPACT_SOCIAL_CLASS_PSO_30PLUS] = { "pso-30plus", N_ ("PSO 30+") },
};

const char *
impact_social_class_to_code (ImpactSocialClass klass)
{
  g_return_val_if_fail (klass < IMPACT_N_SOCIAL_CLASSES, NULL);

  return classes[klass].code;
}

gboolean
impact_social_class_from_code (const char *code,
                               ImpactSocialClass *klass)
{
  g_return_val_if_fail (code != NULL, FALSE);

  for (guint i = 0; i < IMPACT_N_SOCIAL_CLASSES; i++)
    {
      if (g_str_equal (code, classes[i].code))
        {
          if (klass != NULL)
            *klass = i;
          return TRUE;
        }
    }

  return FALSE;
}

const char *
impact_social_class_to_string (ImpactSocialClass klass)
{
  g_return_val_if_fail (klass < IMPACT_N_SOCIAL_CLASSES, NULL);

  return g_dgettext (GETTEXT_PACKAGE, classes[klass].name);
}

/* Social spend is every class but "none" and the aspirant status, which is only an
 * intention to certify. */
gboolean
impact_social_class_is_social (ImpactSocialClass klass)
{
  return klass > IMPACT_SOCIAL_CLASS_PSO_ASPIRANT && klass < IMPACT_N_SOCIAL_CLASSES;
}

gboolean
impact_social_class_is_pso_certificate (ImpactSocialClass klass)
{
  switch (klass)
    {
    case IMPACT_SOCIAL_CLASS_PSO_BASE:
    case IMPACT_SOCIAL_CLASS_PSO_1:
    case IMPACT_SOCIAL_CLASS_PSO_2:
    case IMPACT_SOCIAL_CLASS_PSO_3:
    case IMPACT_SOCIAL_CLASS_PSO_30PLUS:
      return TRUE;

    case IMPACT_SOCIAL_CLASS_NONE:
    case IMPACT_SOCIAL_CLASS_PSO_ASPIRANT:
    case IMPACT_SOCIAL_CLASS_OWN_SOCIAL:
    case IMPACT_SOCIAL_CLASS_SOCIAL_ENTERPRISE:
    case IMPACT_SOCIAL_CLASS_SW:
    default:
      return FALSE;
    }
}

/* Whether buying from a supplier of this class adds to the buyer's PSO score (ketenstimulering):
 * PSO certificates and sheltered-employment companies. */
gboolean
impact_social_class_counts_for_pso (ImpactSocialClass klass)
{
  return impact_social_class_is_pso_certificate (klass) || klass == IMPACT_SOCIAL_CLASS_SW;
}

/* A PSO certificate is valid for at most two years; when only its start is known the
 * end is the day before the second anniversary. Other statuses stay open-ended (0). */
guint32
impact_social_class_default_valid_until (ImpactSocialClass klass,
                                         guint32 valid_from)
{
  GDate date;

  if (!impact_social_class_is_pso_certificate (klass) || !g_date_valid_julian (valid_from))
    return 0;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, valid_from);
  g_date_add_years (&date, 2);
  g_date_subtract_days (&date, 1);

  return g_date_get_julian (&date);
}

ImpactSocialClass
impact_social_class_classify (const ImpactStatusPeriod *statuses,
                              gsize n_statuses,
                              guint32 day)
{
  ImpactSocialClass best = IMPACT_SOCIAL_CLASS_NONE;

  g_return_val_if_fail (statuses != NULL || n_statuses == 0, IMPACT_SOCIAL_CLASS_NONE);

  for (gsize i = 0; i < n_statuses; i++)
    {
      const ImpactStatusPeriod *s = &statuses[i];

      if (s->valid_from != 0 && day < s->valid_from)
        continue;
      if (s->valid_until != 0 && day > s->valid_until)
        continue;
      if (s->kind > best && s->kind < IMPACT_N_SOCIAL_CLASSES)
        best = s->kind;
    }

  return best;
}
