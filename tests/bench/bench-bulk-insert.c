/* bench-bulk-insert.c: 1,000,000 purchase lines through the store API
 *
 * Prints lines per second and the peak resident memory. Targets: at least 500,000 lines/s
 * and under 64 MB.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>
#include <sys/resource.h>

#include "impact-test-utils.h"
#include "storage/impact-store.h"

#define N_LINES 1000000
#define N_SUPPLIERS 1000

int
main (int argc,
      char *argv[])
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = impact_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "bench.sqlite", NULL);
  g_autoptr (ImpactStore) store = impact_store_open (path, &error);
  g_autoptr (ImpactNode) group = impact_node_new (IMPACT_NODE_GROUP, "G", "Groep");
  g_autoptr (ImpactBatch) batch = impact_batch_new ("bench.csv", "purchases");
  g_autoptr (ImpactBulkInsert) insert = NULL;
  gint64 division_ids[6], object_ids[60], supplier_ids[N_SUPPLIERS];
  struct rusage usage;
  gint64 start, elapsed;
  char invoice[32];

  g_assert_no_error (error);
  impact_store_begin (store, &error);
  division_ids[0] = impact_store_add_node (store, group, &error);
  for (guint d = 0; d < 6; d++)
    {
      g_autofree char *code = g_strdup_printf ("D%u", d);
      g_autoptr (ImpactNode) division = impact_node_new (IMPACT_NODE_DIVISION, code, code);

      division->parent_id = 1;
      division_ids[d] = impact_store_add_node (store, division, &error);
      for (guint o = 0; o < 10; o++)
        {
          g_autofree char *ocode = g_strdup_printf ("D%u-%u", d, o);
          g_autoptr (ImpactNode) object = impact_node_new (IMPACT_NODE_OBJECT, ocode, ocode);

          object->parent_id = division_ids[d];
          object_ids[d * 10 + o] = impact_store_add_node (store, object, &error);
        }
    }
  for (guint s = 0; s < N_SUPPLIERS; s++)
    {
      g_autofree char *name = g_strdup_printf ("Leverancier %u B.V.", s);
      g_autoptr (ImpactSupplier) supplier = impact_supplier_new (name);

      supplier_ids[s] = impact_store_add_supplier (store, supplier, &error);
    }
  impact_store_commit (store, &error);
  g_assert_no_error (error);

  start = g_get_monotonic_time ();
  insert = impact_store_begin_batch (store, batch, &error);
  for (guint i = 0; i < N_LINES; i++)
    {
      guint d = i % 6;
      ImpactPurchaseLine line = {
        .invoice_day = 739000 + (i * 7) % 1095,
        .supplier_id = supplier_ids[(i * 31) % N_SUPPLIERS],
        .division_id = division_ids[d],
        .object_id = i % 3 ? object_ids[d * 10 + i % 10] : 0,
        .amount_cents = 1000 + (i * 13) % 100000 - (i % 67 == 0 ? 200000 : 0),
        .invoice_number = invoice,
        .category = "Schoonmaakmiddelen",
        .gl_account = "4210",
        .description = "Schoonmaakmiddelen",
      };

      g_snprintf (invoice, sizeof invoice, "F%07u", i);
      if (!impact_bulk_insert_add (insert, &line, &error))
        break;
    }
  if (error == NULL)
    impact_bulk_insert_commit (insert, &error);
  g_assert_no_error (error);
  elapsed = g_get_monotonic_time () - start;

  getrusage (RUSAGE_SELF, &usage);
  printf ("bulk insert: %d lines in %.3f s = %.0f lines/s (target >= 500000)\n", N_LINES,
          elapsed / 1e6, N_LINES / (elapsed / 1e6));
  printf ("peak RSS: %.1f MB (target < 64)\n", usage.ru_maxrss / 1024.0);

  g_clear_pointer (&insert, impact_bulk_insert_free);
  g_clear_object (&store);
  impact_test_remove_tree (dir);

  return 0;
}
