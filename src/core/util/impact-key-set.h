/* impact-key-set.h: a set of 64-bit keys, for the import's per-line checks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _ImpactKeySet ImpactKeySet;

ImpactKeySet *impact_key_set_new          (void);
void          impact_key_set_free         (ImpactKeySet       *set);
void          impact_key_set_reserve      (ImpactKeySet       *set,
                                           guint64             n_keys);
gboolean      impact_key_set_add          (ImpactKeySet       *set,
                                           guint64             key);
gboolean      impact_key_set_contains     (const ImpactKeySet *set,
                                           guint64             key);
void          impact_key_set_prefetch     (const ImpactKeySet *set,
                                           guint64             key);
guint         impact_key_set_size         (const ImpactKeySet *set);
guint64       impact_key_set_get_capacity (const ImpactKeySet *set);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ImpactKeySet, impact_key_set_free)

G_END_DECLS
