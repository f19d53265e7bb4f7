/* crash-helper.c: bulk-inserts purchase lines until it is killed (for test-crash)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "storage/impact-store.h"

/* Usage: crash-helper DATABASE LINES-PER-BATCH. Writes batches of lines for supplier 1 and
 * division 2 until it is killed; each batch's amounts depend on its size, so a half-written
 * batch would show. */
int
main (int argc,
      char *argv[])
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ImpactStore) store = NULL;
  guint n_lines;

  if (argc != 3)
    return 2;

  n_lines = (guint) g_ascii_strtoull (argv[2], NULL, 10);
  store = impact_store_open (argv[1], &error);
  if (store == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  for (guint batch_no = 0;; batch_no++)
    {
      g_autoptr (ImpactBatch) batch = impact_batch_new ("crash.csv", "purchases");
      g_autoptr (ImpactBulkInsert) insert = impact_store_begin_batch (store, batch, &error);

      if (insert == NULL)
        break;
      for (guint i = 0; i < n_lines; i++)
        {
          ImpactPurchaseLine line = {
            .invoice_day = 739000 + i % 1000,
            .supplier_id = 1,
            .division_id = 2,
            .amount_cents = 100 + i,
            .invoice_number = "F-1",
            .description = "crash test line with some text to make rows larger",
          };

          if (!impact_bulk_insert_add (insert, &line, &error))
            break;
        }
      if (error != NULL || impact_bulk_insert_commit (insert, &error) == 0)
        break;
      printf ("committed %u\n", batch_no);
      fflush (stdout);
    }

  g_printerr ("%s\n", error->message);
  return 1;
}
