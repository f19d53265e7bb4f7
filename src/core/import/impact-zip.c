/* impact-zip.c: a spreadsheet's zip archive and its members
 *
 * An XLSX workbook and an ODS spreadsheet are zip archives; libgsf opens them, from a file or
 * from memory, and a member is found by its path.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "impact-zip-xml"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "impact-reader.h"
#include "impact-zip.h"

static GsfInfile *
open_zip (GsfInput *input,
          const char *name,
          GError **error)
{
  g_autoptr (GError) local_error = NULL;
  GsfInfile *zip = gsf_infile_zip_new (input, &local_error);

  if (zip == NULL)
    {
      g_autofree char *display = g_filename_display_basename (name);

      g_set_error (error, IMPACT_IMPORT_ERROR, IMPACT_IMPORT_ERROR_FORMAT,
                   _ ("“%s” is damaged: it looks like a spreadsheet, but its zip archive cannot "
                      "be read (%s)."),
                   display, local_error != NULL ? local_error->message : "");
    }

  return zip;
}

GsfInfile *
impact_zip_open (const char *path,
                 GError **error)
{
  g_autoptr (GsfInput) input = gsf_input_stdio_new (path, error);

  if (input == NULL)
    return NULL;

  return open_zip (input, path, error);
}

GsfInfile *
impact_zip_open_bytes (GBytes *bytes,
                       const char *name,
                       GError **error)
{
  gsize size = 0;
  const guint8 *data = g_bytes_get_data (bytes, &size);
  g_autoptr (GsfInput) input = gsf_input_memory_new (data, size, FALSE);

  return open_zip (input, name, error);
}

/* Walks "xl/worksheets/sheet1.xml" down the zip's folders. */
/* The member @member ("xl/worksheets/sheet1.xml") of @zip, or NULL. */
GsfInput *
impact_zip_open_member (GsfInfile *zip,
                        const char *member)
{
  g_auto (GStrv) parts = g_strsplit (member, "/", -1);
  g_autoptr (GsfInput) current = g_object_ref (GSF_INPUT (zip));

  for (guint i = 0; parts[i] != NULL; i++)
    {
      GsfInput *child;

      if (*parts[i] == '\0')
        continue;
      if (!GSF_IS_INFILE (current))
        return NULL;
      child = gsf_infile_child_by_name (GSF_INFILE (current), parts[i]);
      if (child == NULL)
        return NULL;
      g_object_unref (current);
      current = child;
    }

  return g_steal_pointer (&current);
}
