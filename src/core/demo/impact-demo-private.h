/* impact-demo-private.h: what the files writing the demo data share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <math.h>

#include "impact-demo.h"

G_BEGIN_DECLS

#define N_OBJECTS_PER_DIVISION 25
#define N_SUPPLIERS 3000

typedef struct
{
  gint64 id;
  ImpactSocialClass kind;
  guint division;
  guint category;
  double cumulative_weight;
  double log_median_cents;
} DemoSupplier;

typedef struct
{
  gint64 id;
  gint64 value_cents;
  guint32 start;
  guint32 end;
} DemoObject;

typedef struct
{
  ImpactStore *store;
  GRand *rand;
  guint32 reference_day;
  guint n_sw_names;
  guint n_se_names;
  gint64 division_ids[6];
  DemoObject objects[6][N_OBJECTS_PER_DIVISION];
  DemoSupplier *suppliers;
  GCancellable *cancellable;
  ImpactProgressFunc progress;
  gpointer progress_data;
} Generator;

static inline const char *
_impact_demo_pick (GRand *rand,
      const char *const *words,
      guint n_words)
{
  return words[g_rand_int_range (rand, 0, n_words)];
}

/* A normally distributed number (Box-Muller), for log-normal invoice amounts. */
static inline double
_impact_demo_rand_normal (GRand *rand)
{
  double u1 = g_rand_double_range (rand, 1e-12, 1.0);
  double u2 = g_rand_double (rand);

  return sqrt (-2.0 * log (u1)) * cos (2.0 * G_PI * u2);
}

gboolean _impact_demo_write_suppliers (Generator  *gen,
                                       GError    **error);

G_END_DECLS
