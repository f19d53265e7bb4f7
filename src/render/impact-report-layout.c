/* impact-report-layout.c: a report's blocks placed on pages
 *
 * Texts, headings kept with what follows them, charts and table rows (a table's header is
 * repeated on every page it runs onto), each measured with pango and placed below the one
 * before, on a new page when it does not fit.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "impact-report"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "impact-chart-figures.h"
#include "impact-report-private.h"

void
_impact_report_block_free (Block *block)
{
  g_free (block->text);
  g_clear_pointer (&block->chart, impact_chart_unref);
  g_strfreev (block->cells);
  g_free (block);
}

double
_impact_report_content_width (ImpactReport *report)
{
  return report->width - 2 * MARGIN;
}

PangoLayout *
_impact_report_text_layout (cairo_t *cr,
                            const char *text,
                            const char *font_name,
                            double width,
                            PangoAlignment alignment)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  PangoFontDescription *font = pango_font_description_from_string (font_name);

  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_alignment (layout, alignment);
  pango_layout_set_text (layout, text, -1);
  return layout;
}

static double
text_height (ImpactReport *report,
             const char *text,
             const char *font,
             double width)
{
  g_autoptr (PangoLayout) layout = _impact_report_text_layout (report->measure, text, font, width, PANGO_ALIGN_LEFT);
  int height;

  pango_layout_get_size (layout, NULL, &height);
  return (double) height / PANGO_SCALE;
}

void
_impact_report_new_page (ImpactReport *report)
{
  g_ptr_array_add (report->pages, g_array_new (FALSE, FALSE, sizeof (Placed)));
  report->cursor = MARGIN;
}

/* Places block @index after @space points, on a new page when it does not fit; a table row
 * there comes after its header again. */
static void
place (ImpactReport *report,
       guint index,
       double space)
{
  Block *block = g_ptr_array_index (report->blocks, index);
  double bottom = report->height - MARGIN - FOOTER;
  GArray *page;

  if (report->cursor > MARGIN && report->cursor + space + block->height > bottom)
    {
      _impact_report_new_page (report);
      if (block->in_table && !block->header)
        place (report, block->header_index, 0);
    }
  if (report->cursor > MARGIN)
    report->cursor += space;
  page = g_ptr_array_index (report->pages, report->pages->len - 1);
  g_array_append_val (page, ((Placed){ index, report->cursor }));
  report->cursor += block->height;
}

static guint
add_block (ImpactReport *report,
           Block *block)
{
  g_ptr_array_add (report->blocks, block);
  return report->blocks->len - 1;
}

void
_impact_report_add_text (ImpactReport *report,
                         const char *text,
                         const char *font,
                         double space)
{
  Block *block = g_new0 (Block, 1);

  block->kind = BLOCK_TEXT;
  block->text = g_strdup (text);
  block->font = font;
  block->height = text_height (report, text, font, _impact_report_content_width (report));
  report->in_table = FALSE;
  place (report, add_block (report, block), space);
}

/* A heading kept on the page with the first @needed points of what follows it. */
void
_impact_report_add_heading_keeping (ImpactReport *report,
                                    const char *text,
                                    double needed)
{
  Block *block = g_new0 (Block, 1);

  /* A heading does not end a page on its own. */
  if (report->cursor + 24 + needed > report->height - MARGIN - FOOTER)
    _impact_report_new_page (report);
  block->kind = BLOCK_TEXT;
  block->text = g_strdup (text);
  block->font = "Sans Bold 13";
  block->height = text_height (report, text, block->font, _impact_report_content_width (report)) + 4;
  report->in_table = FALSE;
  place (report, add_block (report, block), 22);
}

void
_impact_report_add_heading (ImpactReport *report,
                            const char *text)
{
  _impact_report_add_heading_keeping (report, text, 80);
}

void
_impact_report_add_chart (ImpactReport *report,
                          ImpactChart *chart,
                          double height)
{
  Block *block = g_new0 (Block, 1);

  block->kind = BLOCK_CHART;
  block->chart = impact_chart_ref (chart);
  block->height = height;
  report->in_table = FALSE;
  place (report, add_block (report, block), 6);
}

static double
row_height (ImpactReport *report,
            Block *block)
{
  double height = 0;
  double left = 0;

  for (guint c = 0; c < block->n_columns; c++)
    {
      double width = (block->edges[c] - left) * _impact_report_content_width (report) - 6;

      height = MAX (height, text_height (report, block->cells[c], block->font, MAX (width, 10)));
      left = block->edges[c];
    }
  return height + 2 * ROW_PAD;
}

/* Starts a table with @n_columns columns ending at @edges (fractions of the width), those
 * marked in @numeric aligned right, and a header row of @titles. */
void
_impact_report_begin_table (ImpactReport *report,
                            guint n_columns,
                            const double *edges,
                            const gboolean *numeric,
                            const char *const *titles)
{
  Block *block = g_new0 (Block, 1);

  block->kind = BLOCK_ROW;
  block->cells = g_strdupv ((char **) titles);
  block->edges = edges;
  block->numeric = numeric;
  block->n_columns = n_columns;
  block->font = "Sans Bold 8.5";
  block->header = TRUE;
  block->in_table = TRUE;
  block->height = row_height (report, block);
  report->header_index = add_block (report, block);
  block->header_index = report->header_index;
  report->in_table = TRUE;
  place (report, report->header_index, 6);
}

/* A row of the table begun last; takes @cells. */
void
_impact_report_add_row (ImpactReport *report,
                        GStrv cells)
{
  Block *header = g_ptr_array_index (report->blocks, report->header_index);
  Block *block = g_new0 (Block, 1);

  g_return_if_fail (report->in_table);

  block->kind = BLOCK_ROW;
  block->cells = cells;
  block->edges = header->edges;
  block->numeric = header->numeric;
  block->n_columns = header->n_columns;
  block->font = "Sans 8.5";
  block->in_table = TRUE;
  block->header_index = report->header_index;
  block->height = row_height (report, block);
  place (report, add_block (report, block), 0);
}

GStrv
_impact_report_cells (const char *first,
                      ...)
{
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();
  va_list args;

  va_start (args, first);
  for (const char *cell = first; cell != NULL; cell = va_arg (args, const char *))
    g_strv_builder_add (builder, cell);
  va_end (args);
  return g_strv_builder_end (builder);
}

char *
_impact_report_share_text (const ImpactSpend *spend)
{
  /* Translators: a share in percent, as in "8.6%". */
  return g_strdup_printf (_ ("%.1f%%"), impact_spend_get_share (spend));
}
