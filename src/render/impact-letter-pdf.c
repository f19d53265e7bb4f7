/* impact-letter-pdf.c: a letter as an A4 PDF
 *
 * The text is set with pango in a 10.5 pt sans serif with 1.35 line spacing, ragged right,
 * between margins of 25 mm, and runs on to further pages when it is longer than one.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>

#include "impact-letter-pdf.h"
#include "impact-render-file.h"

/* A4 in points, and 25 mm margins. */
#define PAGE_WIDTH 595.276
#define PAGE_HEIGHT 841.890
#define MARGIN 70.866
#define LINE_SPACING 1.35

gboolean
impact_letter_write_pdf (const char *text,
                         const char *path,
                         GError **error)
{
  cairo_surface_t *surface;
  cairo_t *cr;
  g_autoptr (PangoLayout) layout = NULL;
  PangoFontDescription *font;
  PangoLayoutIter *iter;
  double y = MARGIN;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  surface = cairo_pdf_surface_create (path, PAGE_WIDTH, PAGE_HEIGHT);
  cr = cairo_create (surface);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Impact Dashboard");

  layout = pango_cairo_create_layout (cr);
  font = pango_font_description_from_string ("Sans 10.5");
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);
  pango_layout_set_width (layout, (int) ((PAGE_WIDTH - 2 * MARGIN) * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_text (layout, text, -1);

  cairo_set_source_rgb (cr, 0, 0, 0);
  iter = pango_layout_get_iter (layout);
  do
    {
      PangoLayoutLine *line = pango_layout_iter_get_line_readonly (iter);
      PangoRectangle logical;
      double height, baseline;

      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      height = (double) logical.height / PANGO_SCALE * LINE_SPACING;
      baseline = (double) (pango_layout_iter_get_baseline (iter) - logical.y) / PANGO_SCALE;

      if (y + height > PAGE_HEIGHT - MARGIN)
        {
          cairo_show_page (cr);
          y = MARGIN;
        }
      cairo_move_to (cr, MARGIN + (double) logical.x / PANGO_SCALE, y + baseline);
      pango_cairo_show_layout_line (cr, line);
      y += height;
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);

  cairo_destroy (cr);
  return impact_render_finish_file (surface, path, error);
}
