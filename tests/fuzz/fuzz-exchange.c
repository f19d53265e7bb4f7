/* fuzz-exchange.c: libFuzzer target for the exchange format's loader
 *
 * Parses the input as JSON and, when it is an exchange document, loads it as a dry run into
 * one database made for the run (a dry run rolls back, so every input meets the same, empty
 * database): the organisation, suppliers, lines and the settings.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <json-glib/json-glib.h>

#include "impact-test-utils.h"
#include "import/impact-exchange.h"
#include "import/impact-importer.h"

int LLVMFuzzerTestOneInput (const guint8 *data,
                            size_t size);

static ImpactStore *store;

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t size)
{
  g_autoptr (JsonParser) parser = json_parser_new_immutable ();
  g_autoptr (ImpactImportSummary) summary = NULL;
  ImpactImportOptions options = { 0 };
  JsonNode *root;

  if (!json_parser_load_from_data (parser, (const char *) data, size, NULL))
    return 0;
  root = json_parser_get_root (parser);
  if (!impact_exchange_is_document (root))
    return 0;

  if (store == NULL)
    {
      g_autofree char *dir = impact_test_make_tmpdir ();
      g_autofree char *path = g_build_filename (dir, "fuzz.sqlite", NULL);

      store = impact_store_open (path, NULL);
      g_assert (store != NULL);
    }
  options.dry_run = TRUE;
  summary = impact_import_exchange (store, root, "fuzz.json", "0", &options, NULL, NULL);

  return 0;
}
