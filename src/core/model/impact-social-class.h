/* impact-social-class.h: supplier social statuses and the classification rule
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The numeric order is the strength order of DOMAIN.md: when several statuses are valid
 * on a date, the one with the highest value wins. */
typedef enum
{
  IMPACT_SOCIAL_CLASS_NONE = 0,
  IMPACT_SOCIAL_CLASS_PSO_ASPIRANT,
  IMPACT_SOCIAL_CLASS_PSO_BASE,
  IMPACT_SOCIAL_CLASS_PSO_1,
  IMPACT_SOCIAL_CLASS_PSO_2,
  IMPACT_SOCIAL_CLASS_PSO_3,
  IMPACT_SOCIAL_CLASS_OWN_SOCIAL,
  IMPACT_SOCIAL_CLASS_SOCIAL_ENTERPRISE,
  IMPACT_SOCIAL_CLASS_SW,
  IMPACT_SOCIAL_CLASS_PSO_30PLUS,
} ImpactSocialClass;

#define IMPACT_N_SOCIAL_CLASSES (IMPACT_SOCIAL_CLASS_PSO_30PLUS + 1)

/* One status held by a supplier. Days are GDate Julian day numbers; 0 means open-ended. */
typedef struct
{
  ImpactSocialClass kind;
  guint32           valid_from;
  guint32           valid_until;
} ImpactStatusPeriod;

const char        *impact_social_class_to_code     (ImpactSocialClass   klass);
gboolean           impact_social_class_from_code   (const char         *code,
                                                    ImpactSocialClass  *klass);
const char        *impact_social_class_to_string   (ImpactSocialClass   klass);
gboolean           impact_social_class_is_social   (ImpactSocialClass   klass);
gboolean           impact_social_class_is_pso_certificate (ImpactSocialClass klass);
gboolean           impact_social_class_counts_for_pso (ImpactSocialClass klass);
guint32            impact_social_class_default_valid_until (ImpactSocialClass klass,
                                                            guint32           valid_from);
ImpactSocialClass  impact_social_class_classify    (const ImpactStatusPeriod *statuses,
                                                    gsize                     n_statuses,
                                                    guint32                   day);

G_END_DECLS
