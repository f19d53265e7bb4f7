/* fuzz-replay.c: runs a fuzz target over files, for builds without libFuzzer
 *
 * The test suite replays the seed corpus (and any crash found and added to it) this way.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib.h>

int LLVMFuzzerTestOneInput (const guint8 *data,
                            size_t size);

int
main (int argc,
      char *argv[])
{
  guint n = 0;

  for (int i = 1; i < argc; i++)
    {
      g_autoptr (GDir) dir = g_dir_open (argv[i], 0, NULL);
      const char *name;

      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *path = g_build_filename (argv[i], name, NULL);
          g_autofree char *contents = NULL;
          gsize length = 0;

          if (!g_file_get_contents (path, &contents, &length, NULL))
            return 1;
          LLVMFuzzerTestOneInput ((const guint8 *) contents, length);
          n++;
        }
    }

  g_print ("replayed %u inputs\n", n);
  return n > 0 ? 0 : 1;
}
