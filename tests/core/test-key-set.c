/* test-key-set.c: the set of 64-bit keys behind the import's duplicate and id checks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "util/impact-key-set.h"

/* A key with the top bit set, so never one of the small ids. */
#define HASH(i) ((i) *G_GUINT64_CONSTANT (0x9e3779b97f4a7c15) | G_GUINT64_CONSTANT (0x8000000000000000))

/* Ids as they come from SQLite (1, 2, 3, ...), hashes spread over all 64 bits, and the
 * keys 0 and G_MAXUINT64, across several doublings of the table. */
static void
test_add_and_contains (void)
{
  g_autoptr (ImpactKeySet) set = impact_key_set_new ();
  const guint n = 100000;

  g_assert_false (impact_key_set_contains (set, 0));
  for (guint64 i = 1; i <= n; i++)
    g_assert_true (impact_key_set_add (set, i));
  for (guint64 i = 1; i <= n; i++)
    g_assert_true (impact_key_set_add (set, HASH (i)));
  g_assert_cmpuint (impact_key_set_size (set), ==, 2 * n);

  /* Every key added is found, once; keys never added are not. */
  for (guint64 i = 1; i <= n; i++)
    {
      g_assert_true (impact_key_set_contains (set, i));
      g_assert_false (impact_key_set_add (set, i));
      g_assert_true (impact_key_set_contains (set, HASH (i)));
    }
  g_assert_cmpuint (impact_key_set_size (set), ==, 2 * n);
  for (guint64 i = n + 1; i <= 2 * n; i++)
    g_assert_false (impact_key_set_contains (set, i));
  g_assert_false (impact_key_set_contains (set, 0));
  g_assert_false (impact_key_set_contains (set, G_MAXUINT64));

  g_assert_true (impact_key_set_add (set, 0));
  g_assert_false (impact_key_set_add (set, 0));
  g_assert_true (impact_key_set_contains (set, 0));
  g_assert_true (impact_key_set_add (set, G_MAXUINT64));
  g_assert_true (impact_key_set_contains (set, G_MAXUINT64));
}

/* Keys that all start in the same slot still each find their own. */
static void
test_collisions (void)
{
  g_autoptr (ImpactKeySet) set = impact_key_set_new ();
  guint size;

  for (guint64 i = 1; i <= 1000; i++)
    impact_key_set_add (set, i << 40);
  size = impact_key_set_size (set);
  g_assert_cmpuint (size, ==, 1000);
  for (guint64 i = 1; i <= 1000; i++)
    g_assert_true (impact_key_set_contains (set, i << 40));
  g_assert_false (impact_key_set_contains (set, 1001ull << 40));
}

int
main (int argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/key-set/add-and-contains", test_add_and_contains);
  g_test_add_func ("/key-set/collisions", test_collisions);

  return g_test_run ();
}
