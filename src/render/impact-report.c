/* impact-report.c: the report of a node and period, laid out on A4 pages
 *
 * A report is a list of blocks — lines of text, charts (drawn by the dashboard's own
 * renderers, in the print palette) and table rows — placed top to bottom on pages of the given
 * size; a table that runs on to the next page repeats its header there. The same pages go to a
 * PDF (impact_report_write_pdf()) and to a printer (impact_report_draw_page() from
 * GtkPrintOperation). The text is in the language of the locale.
 *
 * Pages: the cover with the key figures; the charts; the tables (divisions or objects, the
 * largest suppliers, the largest non-social ones, social return per contract, the PSO
 * estimate, certificates ending); and a closing page with the data sources and notes on how
 * the figures are made.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>

#include "impact-chart-figures.h"
#include "impact-render-file.h"
#include "impact-report-private.h"

/* Lays out the report of @data on pages of @page_width by @page_height points. */
ImpactReport *
impact_report_new (const ImpactReportData *data,
                   double page_width,
                   double page_height)
{
  ImpactReport *report;
  g_autofree char *period = NULL;

  g_return_val_if_fail (data != NULL && data->figures != NULL && data->sroi != NULL, NULL);
  g_return_val_if_fail (page_width > 2 * MARGIN && page_height > 2 * MARGIN + FOOTER, NULL);

  report = g_new0 (ImpactReport, 1);
  report->width = page_width;
  report->height = page_height;
  report->blocks = g_ptr_array_new_with_free_func ((GDestroyNotify) _impact_report_block_free);
  report->pages = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  report->measure_surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
  report->measure = cairo_create (report->measure_surface);
  period = impact_period_to_string (&data->figures->period);
  /* Translators: the report's running footer, as in "Schoonmaak · 2025". */
  report->footer = g_strdup_printf (_ ("%s · %s"), data->figures->node->name, period);

  _impact_report_new_page (report);
  _impact_report_add_cover (report, data);
  _impact_report_add_charts (report, data);
  _impact_report_add_tables (report, data);
  _impact_report_add_sources (report, data);

  g_clear_pointer (&report->measure, cairo_destroy);
  g_clear_pointer (&report->measure_surface, cairo_surface_destroy);
  return report;
}

void
impact_report_free (ImpactReport *report)
{
  if (report == NULL)
    return;
  g_ptr_array_unref (report->blocks);
  g_ptr_array_unref (report->pages);
  g_free (report->footer);
  g_free (report);
}

guint
impact_report_get_n_pages (ImpactReport *report)
{
  g_return_val_if_fail (report != NULL, 0);

  return report->pages->len;
}

static void
draw_text (cairo_t *cr,
           const char *text,
           const char *font,
           double x,
           double y,
           double width,
           PangoAlignment alignment)
{
  g_autoptr (PangoLayout) layout = _impact_report_text_layout (cr, text, font, width, alignment);

  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
}

static void
draw_block (ImpactReport *report,
            cairo_t *cr,
            const Block *block,
            double y)
{
  double width = _impact_report_content_width (report);

  cairo_set_source_rgb (cr, 0.1, 0.1, 0.1);
  switch (block->kind)
    {
    case BLOCK_TEXT:
      draw_text (cr, block->text, block->font, MARGIN, y, width, PANGO_ALIGN_LEFT);
      break;

    case BLOCK_CHART:
      {
        PangoFontDescription *font = pango_font_description_from_string ("Sans 7.5");
        ImpactChartStyle style = { impact_palette_get (IMPACT_PALETTE_PRINT), font, width, block->height, -1 };

        cairo_save (cr);
        cairo_translate (cr, MARGIN, y);
        impact_chart_draw (block->chart, cr, &style);
        cairo_restore (cr);
        pango_font_description_free (font);
      }
      break;

    case BLOCK_ROW:
      {
        double left = 0;

        if (block->header)
          {
            cairo_set_source_rgb (cr, 0.92, 0.92, 0.92);
            cairo_rectangle (cr, MARGIN, y, width, block->height);
            cairo_fill (cr);
            cairo_set_source_rgb (cr, 0.1, 0.1, 0.1);
          }
        for (guint c = 0; c < block->n_columns; c++)
          {
            double x = MARGIN + left * width + 3;
            double w = (block->edges[c] - left) * width - 6;

            draw_text (cr, block->cells[c], block->font, x, y + ROW_PAD, MAX (w, 10),
                       block->numeric[c] ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT);
            left = block->edges[c];
          }
        cairo_set_source_rgb (cr, 0.85, 0.85, 0.85);
        cairo_rectangle (cr, MARGIN, y + block->height - 0.5, width, 0.5);
        cairo_fill (cr);
      }
      break;

    case BLOCK_RULE:
    default:
      break;
    }
}

/* Draws page @page (counted from 0) at the cairo context's origin. */
void
impact_report_draw_page (ImpactReport *report,
                         cairo_t *cr,
                         guint page)
{
  GArray *placed;
  g_autofree char *footer = NULL;

  g_return_if_fail (report != NULL && cr != NULL);
  g_return_if_fail (page < report->pages->len);

  placed = g_ptr_array_index (report->pages, page);
  for (guint i = 0; i < placed->len; i++)
    {
      const Placed *at = &g_array_index (placed, Placed, i);

      draw_block (report, cr, g_ptr_array_index (report->blocks, at->block), at->y);
    }

  /* Translators: the footer of a report page, as in "Schoonmaak · 2025 — page 2 of 5". */
  footer = g_strdup_printf (_ ("%s — page %u of %u"), report->footer, page + 1, report->pages->len);
  cairo_set_source_rgb (cr, 0.4, 0.4, 0.4);
  draw_text (cr, footer, "Sans 7.5", MARGIN, report->height - MARGIN - 10, _impact_report_content_width (report), PANGO_ALIGN_LEFT);
}

gboolean
impact_report_write_pdf (ImpactReport *report,
                         const char *path,
                         GError **error)
{
  cairo_surface_t *surface;
  cairo_t *cr;

  g_return_val_if_fail (report != NULL && path != NULL, FALSE);

  surface = cairo_pdf_surface_create (path, report->width, report->height);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Impact Dashboard");
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, report->footer);
  cr = cairo_create (surface);
  for (guint page = 0; page < report->pages->len; page++)
    {
      impact_report_draw_page (report, cr, page);
      cairo_show_page (cr);
    }
  cairo_destroy (cr);
  return impact_render_finish_file (surface, path, error);
}

/* --- data ------------------------------------------------------------------------------ */

void
impact_report_data_free (ImpactReportData *data)
{
  if (data == NULL)
    return;
  impact_figures_free ((ImpactFigures *) data->figures);
  impact_sroi_overview_free ((ImpactSroiOverview *) data->sroi);
  impact_pso_figures_free ((ImpactPsoFigures *) data->pso);
  g_clear_pointer (&data->expiring, g_ptr_array_unref);
  g_clear_pointer (&data->batches, g_ptr_array_unref);
  g_free (data);
}

/* Reads what the report of @node for @period shows (and --summary and the exports), with
 * social return on @today and the certificates ending within @horizon days. */
ImpactReportData *
impact_report_data_read (ImpactStore *store,
                         const ImpactNode *node,
                         const ImpactPeriod *period,
                         guint32 today,
                         guint horizon,
                         GError **error)
{
  g_autoptr (ImpactReportData) data = g_new0 (ImpactReportData, 1);

  g_return_val_if_fail (IMPACT_IS_STORE (store), NULL);
  g_return_val_if_fail (node != NULL && period != NULL, NULL);

  data->today = today;
  data->horizon = horizon;
  data->figures = impact_query_figures (store, node, period, 10, error);
  if (data->figures == NULL)
    return NULL;
  data->sroi = impact_query_sroi (store, node, today, error);
  if (data->sroi == NULL)
    return NULL;
  if (node->level != IMPACT_NODE_OBJECT)
    {
      data->pso = impact_query_pso (store, node, period, error);
      if (data->pso == NULL)
        return NULL;
    }
  data->expiring = impact_query_list_expiring (store, node, today, 0, data->horizon, error);
  if (data->expiring == NULL)
    return NULL;
  data->batches = impact_store_list_batches (store, error);
  if (data->batches == NULL)
    return NULL;

  return g_steal_pointer (&data);
}
