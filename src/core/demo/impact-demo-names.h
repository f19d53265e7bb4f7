/* impact-demo-names.h: word lists the demo generator combines into names
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  const char *code;
  const char *name;
  const char *object_prefix;
} ImpactDemoDivision;

typedef struct
{
  const char *category;
  const char *gl_account;
  const char *const *trades;
} ImpactDemoCategory;

extern const ImpactDemoDivision impact_demo_divisions[6];
extern const char *const impact_demo_cities[];
extern const char *const impact_demo_client_kinds[];
extern const char *const impact_demo_sites[];
extern const char *const impact_demo_surnames[];
extern const char *const impact_demo_legal_forms[];
extern const char *const impact_demo_regions[];
extern const char *const impact_demo_social_enterprises[];
extern const ImpactDemoCategory impact_demo_categories[];

guint impact_demo_cities_len (void);
guint impact_demo_client_kinds_len (void);
guint impact_demo_sites_len (void);
guint impact_demo_surnames_len (void);
guint impact_demo_legal_forms_len (void);
guint impact_demo_regions_len (void);
guint impact_demo_social_enterprises_len (void);
guint impact_demo_categories_len (void);

G_END_DECLS
