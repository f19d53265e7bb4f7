/* impact-reader-open.c: the reader for a file, chosen by what the file holds
 *
 * An XLSX workbook or an ODS spreadsheet (zip archives told apart by their contents), JSON
 * (starting with "[" or "{"), or else CSV; an old binary XLS is refused with what to do.
 * The readers know only impact-reader.h; this file alone knows every reader.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "impact-reader"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "impact-csv-reader.h"
#include "impact-json-reader.h"
#include "impact-ods-reader.h"
#include "impact-reader-open.h"
#include "impact-xlsx-reader.h"
#include "impact-zip-xml.h"

/* A zip is an XLSX workbook when it has xl/workbook.xml, an ODS spreadsheet when its
 * mimetype says so. */
static ImpactReader *
new_for_zip (const char *path,
             const char *name,
             GError **error)
{
  g_autoptr (GsfInfile) zip = impact_zip_open (path, error);
  g_autoptr (GsfInput) xl = NULL;
  g_autoptr (GsfInput) mimetype = NULL;

  if (zip == NULL)
    return NULL;

  xl = gsf_infile_child_by_name (zip, "xl");
  if (xl != NULL && GSF_IS_INFILE (xl))
    {
      g_autoptr (GsfInput) workbook = gsf_infile_child_by_name (GSF_INFILE (xl), "workbook.xml");

      if (workbook != NULL)
        return impact_xlsx_reader_new (path, error);
    }

  mimetype = gsf_infile_child_by_name (zip, "mimetype");
  if (mimetype != NULL)
    {
      static const char ods[] = "application/vnd.oasis.opendocument.spreadsheet";
      gsf_off_t size = gsf_input_size (mimetype);
      const guint8 *data = size == (gsf_off_t) strlen (ods) ? gsf_input_read (mimetype, size, NULL) : NULL;

      if (data != NULL && memcmp (data, ods, size) == 0)
        return impact_ods_reader_new (path, error);
    }

  g_set_error (error, IMPACT_IMPORT_ERROR, IMPACT_IMPORT_ERROR_UNSUPPORTED,
               _ ("“%s” is a zip archive, but not an XLSX or ODS spreadsheet."), name);
  return NULL;
}

/* Picks the reader by what the file starts with, not only by its name: exports are often
 * renamed. */
ImpactReader *
impact_reader_new_for_file (const char *path,
                            GError **error)
{
  g_autofree char *name = NULL;
  g_autoptr (GFile) file = NULL;
  g_autoptr (GFileInputStream) stream = NULL;
  guchar head[8] = { 0 };
  gsize n_read = 0;
  gsize skip = 0;

  g_return_val_if_fail (path != NULL, NULL);

  name = g_filename_display_basename (path);
  file = g_file_new_for_path (path);
  stream = g_file_read (file, NULL, error);
  if (stream == NULL)
    {
      g_prefix_error (error, _ ("Could not open “%s”: "), name);
      return NULL;
    }
  if (!g_input_stream_read_all (G_INPUT_STREAM (stream), head, sizeof head, &n_read, NULL, error))
    {
      g_prefix_error (error, _ ("Could not read “%s”: "), name);
      return NULL;
    }

  if (n_read == 0)
    {
      g_set_error (error, IMPACT_IMPORT_ERROR, IMPACT_IMPORT_ERROR_EMPTY,
                   _ ("“%s” is empty: there is nothing to import."), name);
      return NULL;
    }

  if (n_read >= 4 && memcmp (head, "PK\003\004", 4) == 0)
    return new_for_zip (path, name, error);
  if (n_read >= 4 && memcmp (head, "\xD0\xCF\x11\xE0", 4) == 0)
    {
      g_set_error (error, IMPACT_IMPORT_ERROR, IMPACT_IMPORT_ERROR_UNSUPPORTED,
                   _ ("“%s” is an old Excel file (XLS). Save it as XLSX or CSV and import that."),
                   name);
      return NULL;
    }

  if (n_read >= 3 && memcmp (head, "\xEF\xBB\xBF", 3) == 0)
    skip = 3;
  while (skip < n_read && g_ascii_isspace (head[skip]))
    skip++;
  if (skip < n_read && (head[skip] == '[' || head[skip] == '{'))
    return impact_json_reader_new (path, error);

  return impact_csv_reader_new (path, error);
}
