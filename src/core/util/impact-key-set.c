/* impact-key-set.c: a set of 64-bit keys, for the import's per-line checks
 *
 * An import asks, for each of a million lines, whether its supplier, division and object ids
 * are known and whether the same invoice came before. A GHashTable answers each in two or
 * three dependent memory reads (its hash array, its key array, the key the pointer points
 * to); once the table of a million invoice keys no longer fits in the cache, each read is a
 * miss. This table keeps the keys themselves in one array with linear probing: one miss per
 * question, and one the importer can fetch ahead (impact_key_set_prefetch()). Profiled in
 * bench-import (1,000,000 lines): the GHashTables of the duplicate check and the id checks
 * took about 0.2 s of the importer's thread, this set about 0.1 s.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "impact-key-set.h"
#include "impact-table-memory.h"

#define INITIAL_SLOTS 64

struct _ImpactKeySet
{
  /* The slots, 0 marking a free one; the key 0 is kept aside. */
  guint64 *slots;
  gsize n_slots;
  guint n_keys;
  gboolean has_zero;
};

ImpactKeySet *
impact_key_set_new (void)
{
  ImpactKeySet *set = g_new0 (ImpactKeySet, 1);

  set->slots = impact_table_memory_new (INITIAL_SLOTS * sizeof (guint64));
  set->n_slots = INITIAL_SLOTS;

  return set;
}

void
impact_key_set_free (ImpactKeySet *set)
{
  if (set == NULL)
    return;

  impact_table_memory_free (set->slots);
  g_free (set);
}

/* The slot after @i, the first after the last. */
static inline gsize
next_slot (const ImpactKeySet *set,
           gsize i)
{
  return i + 1 < set->n_slots ? i + 1 : 0;
}

/* The slot to start looking in: the keys are ids (small, consecutive numbers) or hashes, so
 * they are mixed first (the finaliser of MurmurHash3) to spread the ids over the table. */
static inline gsize
first_slot (const ImpactKeySet *set,
            guint64 key)
{
  key ^= key >> 33;
  key *= G_GUINT64_CONSTANT (0xff51afd7ed558ccd);
  key ^= key >> 33;

  /* The high half of the product picks among any number of slots (Lemire's "fastrange"):
   * a reserved table is no larger than its keys need. */
  return (gsize) (((unsigned __int128) key * set->n_slots) >> 64);
}

static void
insert_new (ImpactKeySet *set,
            guint64 key)
{
  gsize i = first_slot (set, key);

  while (set->slots[i] != 0)
    i = next_slot (set, i);
  set->slots[i] = key;
}

/* Moves the keys to a table of @n_slots slots; it is never more than 70% full, so that
 * probes stay short. */
static void
resize (ImpactKeySet *set,
        gsize n_slots)
{
  guint64 *old = set->slots;
  gsize n_old = set->n_slots;

  set->slots = impact_table_memory_new (n_slots * sizeof (guint64));
  set->n_slots = n_slots;
  for (gsize i = 0; i < n_old; i++)
    if (old[i] != 0)
      insert_new (set, old[i]);
  impact_table_memory_free (old);
}

/* Whether @n_keys keys keep the table at most 70% full. */
static inline gboolean
has_room (const ImpactKeySet *set,
          guint64 n_keys)
{
  return n_keys * 10 <= (guint64) set->n_slots * 7;
}

/* Makes room for @n_keys keys in all, at once: growing one step at a time, the table holds
 * its old slots and the twice as many new ones at each step (24 MB at a million keys, where
 * a table reserved for them takes 11). */
void
impact_key_set_reserve (ImpactKeySet *set,
                        guint64 n_keys)
{
  g_return_if_fail (set != NULL);

  n_keys = MIN (n_keys, G_MAXUINT);
  if (!has_room (set, n_keys))
    resize (set, n_keys * 10 / 7 + 1);
}

/* Adds @key; returns FALSE when it was there already. */
gboolean
impact_key_set_add (ImpactKeySet *set,
                    guint64 key)
{
  gsize i;

  g_return_val_if_fail (set != NULL, FALSE);

  if (key == 0)
    {
      gboolean added = !set->has_zero;

      set->n_keys += added;
      set->has_zero = TRUE;
      return added;
    }

  for (i = first_slot (set, key); set->slots[i] != 0; i = next_slot (set, i))
    if (set->slots[i] == key)
      return FALSE;

  set->slots[i] = key;
  set->n_keys++;
  if (!has_room (set, set->n_keys))
    resize (set, set->n_slots * 2);

  return TRUE;
}

gboolean
impact_key_set_contains (const ImpactKeySet *set,
                         guint64 key)
{
  g_return_val_if_fail (set != NULL, FALSE);

  if (key == 0)
    return set->has_zero;

  for (gsize i = first_slot (set, key); set->slots[i] != 0; i = next_slot (set, i))
    if (set->slots[i] == key)
      return TRUE;

  return FALSE;
}

/* Starts fetching the memory that looking up @key will read, for a look-up a little later. */
void
impact_key_set_prefetch (const ImpactKeySet *set,
                         guint64 key)
{
  g_return_if_fail (set != NULL);

  __builtin_prefetch (&set->slots[first_slot (set, key)]);
}

/* How many keys the set holds before it grows. */
guint64
impact_key_set_get_capacity (const ImpactKeySet *set)
{
  g_return_val_if_fail (set != NULL, 0);

  return (guint64) set->n_slots * 7 / 10;
}

guint
impact_key_set_size (const ImpactKeySet *set)
{
  g_return_val_if_fail (set != NULL, 0);

  return set->n_keys;
}
