/* impact-render-file.c: finishing a cairo surface that writes a file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "impact-render-file.h"

/* Finishes and frees @surface, which writes @path: a PDF or SVG surface as it is, an image
 * surface written as PNG. FALSE, with an error naming @path, when the file was not written. */
gboolean
impact_render_finish_file (cairo_surface_t *surface,
                           const char *path,
                           GError **error)
{
  cairo_status_t status;

  g_return_val_if_fail (surface != NULL && path != NULL, FALSE);

  if (cairo_surface_get_type (surface) == CAIRO_SURFACE_TYPE_IMAGE)
    status = cairo_surface_write_to_png (surface, path);
  else
    {
      cairo_surface_finish (surface);
      status = cairo_surface_status (surface);
    }
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_autofree char *name = g_filename_display_name (path);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _ ("Could not write “%s”: %s"), name,
                   cairo_status_to_string (status));
      return FALSE;
    }
  return TRUE;
}
