/* test-key-set.c: the set of 64-bit keys behind the import's duplicate and id checks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "storage/impact-summary-cells.h"
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

/* Room made at once keeps the keys there are, and the set does not grow again until it
 * holds as many as were asked for. */
static void
test_reserve (void)
{
  g_autoptr (ImpactKeySet) set = impact_key_set_new ();
  guint64 capacity;

  for (guint64 i = 1; i <= 100; i++)
    impact_key_set_add (set, i * 7919);
  g_assert_cmpuint (impact_key_set_get_capacity (set), <, 200000);
  impact_key_set_reserve (set, 200000);
  capacity = impact_key_set_get_capacity (set);
  g_assert_cmpuint (capacity, >=, 200000);
  g_assert_cmpuint (capacity, <, 400000);
  g_assert_cmpuint (impact_key_set_size (set), ==, 100);
  for (guint64 i = 1; i <= 100; i++)
    g_assert_true (impact_key_set_contains (set, i * 7919));

  for (guint64 i = 101; i <= 200000; i++)
    g_assert_true (impact_key_set_add (set, i * 7919));
  g_assert_cmpuint (impact_key_set_get_capacity (set), ==, capacity);
  g_assert_false (impact_key_set_add (set, 5 * 7919));

  /* Less than it holds already changes nothing. */
  impact_key_set_reserve (set, 10);
  g_assert_cmpuint (impact_key_set_get_capacity (set), ==, capacity);

  /* Beyond it, the set grows as before. */
  for (guint64 i = 200001; i <= capacity + 1; i++)
    g_assert_true (impact_key_set_add (set, i * 7919));
  g_assert_cmpuint (impact_key_set_get_capacity (set), >, capacity);
  for (guint64 i = 1; i <= capacity + 1; i += 997)
    g_assert_true (impact_key_set_contains (set, i * 7919));
}

/* The summary's sums, table of the same kind: each key summed once, however many lines add
 * to it; sorted (in place) into the order of spend_summary's key, then of
 * supplier_month_summary's, with every sum kept. */
static void
test_summary_cells (void)
{
  ImpactSummaryCells cells;
  GRand *rand = g_rand_new_with_seed (7);
  gint64 total = 0, sorted_total = 0;
  guint n;

  impact_summary_cells_init (&cells);
  for (guint i = 0; i < 300000; i++)
    {
      ImpactSummaryCell key = { 0 }, *cell;

      /* Few divisions and many suppliers, as in an export; many keys come more than once. */
      key.division_id = g_rand_int_range (rand, 1, 6);
      key.object_id = g_rand_int_range (rand, 0, 40);
      key.supplier_id = g_rand_int_range (rand, 1, 3000);
      key.month = 24288 + g_rand_int_range (rand, 0, 3);
      key.klass = g_rand_int_range (rand, 0, 3);
      cell = impact_summary_cells_get (&cells, &key);
      cell->total_cents += i;
      cell->n_lines++;
      total += i;
      if (cells.n_cells == IMPACT_SUMMARY_CELLS_MAX)
        break;
    }
  g_assert_cmpuint (cells.n_cells, >, 100000);
  g_assert_cmpuint (cells.n_cells, <, 300000);

  n = impact_summary_cells_sort (&cells);
  g_assert_cmpuint (n, ==, cells.n_cells);
  for (guint i = 0; i < n; i++)
    {
      const ImpactSummaryCell *c = &cells.slots[i];

      sorted_total += c->total_cents;
      if (i > 0)
        {
          const ImpactSummaryCell *p = &cells.slots[i - 1];
          guint64 a[] = { p->division_id, p->object_id, (guint64) p->month, p->supplier_id, p->klass };
          guint64 b[] = { c->division_id, c->object_id, (guint64) c->month, c->supplier_id, c->klass };

          for (guint k = 0; k < G_N_ELEMENTS (a); k++)
            if (a[k] != b[k])
              {
                g_assert_cmpuint (a[k], <, b[k]);
                break;
              }
            else
              g_assert_cmpuint (k, <, G_N_ELEMENTS (a) - 1);
        }
    }
  g_assert_cmpint (sorted_total, ==, total);

  impact_summary_cells_sort_by_month (&cells);
  for (guint i = 1; i < n; i++)
    {
      const ImpactSummaryCell *p = &cells.slots[i - 1], *c = &cells.slots[i];

      g_assert_true (p->month < c->month || (p->month == c->month && p->supplier_id < c->supplier_id)
                     || (p->month == c->month && p->supplier_id == c->supplier_id && p->klass <= c->klass));
    }

  impact_summary_cells_reset (&cells);
  g_assert_cmpuint (cells.n_cells, ==, 0);
  impact_summary_cells_clear (&cells);
  g_rand_free (rand);
}

int
main (int argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/key-set/add-and-contains", test_add_and_contains);
  g_test_add_func ("/key-set/collisions", test_collisions);
  g_test_add_func ("/key-set/reserve", test_reserve);
  g_test_add_func ("/key-set/summary-cells", test_summary_cells);

  return g_test_run ();
}
