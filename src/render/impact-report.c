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
#include <math.h>
#include <pango/pangocairo.h>

#include "impact-chart-figures.h"
#include "impact-render-file.h"
#include "impact-report.h"
#include "model/impact-format.h"
#include "storage/impact-store-summary.h"

#define MARGIN 56.0
#define FOOTER 30.0
#define ROW_PAD 3.0

typedef enum
{
  BLOCK_TEXT,
  BLOCK_CHART,
  BLOCK_ROW,
  BLOCK_RULE,
} BlockKind;

typedef struct
{
  BlockKind kind;
  char *text;
  const char *font;
  double height;
  ImpactChart *chart;
  GStrv cells;
  /* For rows: the columns' right edges as fractions of the width, and which are numbers. */
  const double *edges;
  const gboolean *numeric;
  guint n_columns;
  gboolean header;
  /* For rows of a table: its header, repeated on a new page. */
  guint header_index;
  gboolean in_table;
} Block;

typedef struct
{
  guint block;
  double y;
} Placed;

struct _ImpactReport
{
  double width;
  double height;
  GPtrArray *blocks;
  /* GArray of Placed per page. */
  GPtrArray *pages;
  double cursor;
  char *footer;
  cairo_surface_t *measure_surface;
  cairo_t *measure;
  gboolean in_table;
  guint header_index;
};

static void
block_free (Block *block)
{
  g_free (block->text);
  g_clear_pointer (&block->chart, impact_chart_unref);
  g_strfreev (block->cells);
  g_free (block);
}

static double
content_width (ImpactReport *report)
{
  return report->width - 2 * MARGIN;
}

static PangoLayout *
text_layout (cairo_t *cr,
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
  g_autoptr (PangoLayout) layout = text_layout (report->measure, text, font, width, PANGO_ALIGN_LEFT);
  int height;

  pango_layout_get_size (layout, NULL, &height);
  return (double) height / PANGO_SCALE;
}

static void
new_page (ImpactReport *report)
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
      new_page (report);
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

static void
add_text (ImpactReport *report,
          const char *text,
          const char *font,
          double space)
{
  Block *block = g_new0 (Block, 1);

  block->kind = BLOCK_TEXT;
  block->text = g_strdup (text);
  block->font = font;
  block->height = text_height (report, text, font, content_width (report));
  report->in_table = FALSE;
  place (report, add_block (report, block), space);
}

/* A heading kept on the page with the first @needed points of what follows it. */
static void
add_heading_keeping (ImpactReport *report,
                     const char *text,
                     double needed)
{
  Block *block = g_new0 (Block, 1);

  /* A heading does not end a page on its own. */
  if (report->cursor + 24 + needed > report->height - MARGIN - FOOTER)
    new_page (report);
  block->kind = BLOCK_TEXT;
  block->text = g_strdup (text);
  block->font = "Sans Bold 13";
  block->height = text_height (report, text, block->font, content_width (report)) + 4;
  report->in_table = FALSE;
  place (report, add_block (report, block), 22);
}

static void
add_heading (ImpactReport *report,
             const char *text)
{
  add_heading_keeping (report, text, 80);
}

static void
add_chart (ImpactReport *report,
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
      double width = (block->edges[c] - left) * content_width (report) - 6;

      height = MAX (height, text_height (report, block->cells[c], block->font, MAX (width, 10)));
      left = block->edges[c];
    }
  return height + 2 * ROW_PAD;
}

/* Starts a table with @n_columns columns ending at @edges (fractions of the width), those
 * marked in @numeric aligned right, and a header row of @titles. */
static void
begin_table (ImpactReport *report,
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
static void
add_row (ImpactReport *report,
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

static GStrv
cells (const char *first,
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

/* --- content --------------------------------------------------------------------------- */

static char *
share_text (const ImpactSpend *spend)
{
  /* Translators: a share in percent, as in "8.6%". */
  return g_strdup_printf (_ ("%.1f%%"), impact_spend_get_share (spend));
}

static void
add_cover (ImpactReport *report,
           const ImpactReportData *data)
{
  const ImpactFigures *figures = data->figures;
  g_autofree char *period = impact_period_to_string (&figures->period);
  g_autofree char *today = impact_format_day (data->today);
  g_autofree char *subtitle = NULL;
  g_autofree char *made = NULL;
  static const double edges[] = { 0.55, 1.0 };
  static const gboolean numeric[] = { FALSE, TRUE };

  add_text (report, _ ("Social Procurement Report"), "Sans 11", 0);
  add_text (report, figures->node->name, "Sans Bold 24", 6);
  /* Translators: the report's subtitle: the node's code and the period, as in "SCHOON · 2025". */
  subtitle = g_strdup_printf (_ ("%s · %s"), figures->node->code, period);
  add_text (report, subtitle, "Sans 13", 4);
  /* Translators: when the report was made, as in "Made on 22 Nov 2026 with Impact Dashboard". */
  made = g_strdup_printf (_ ("Made on %s with Impact Dashboard"), today);
  add_text (report, made, "Sans 9", 4);

  add_heading (report, _ ("Key Figures"));
  {
    static const double key_edges[] = { 0.55, 0.78, 1.0 };
    static const gboolean key_numeric[] = { FALSE, TRUE, TRUE };
    const char *const key_titles[] = { _ ("(EUR where an amount)"), _ ("This Period"), _ ("The Period Before"), NULL };
    g_autofree char *total = impact_format_amount (figures->spend.total_cents);
    g_autofree char *total_before = impact_format_amount (figures->previous.total_cents);
    g_autofree char *social = impact_format_amount (figures->spend.social_cents);
    g_autofree char *social_before = impact_format_amount (figures->previous.social_cents);
    g_autofree char *share = share_text (&figures->spend);
    g_autofree char *share_before = share_text (&figures->previous);
    guint n_social = 0, n_all = 0;

    for (guint k = 0; k < IMPACT_N_SOCIAL_CLASSES; k++)
      {
        n_all += figures->suppliers_per_class[k];
        if (impact_social_class_is_social (k))
          n_social += figures->suppliers_per_class[k];
      }
    begin_table (report, 3, key_edges, key_numeric, key_titles);
    add_row (report, cells (_ ("Total spend"), total, total_before, NULL));
    add_row (report, cells (_ ("Social spend"), social, social_before, NULL));
    add_row (report, cells (_ ("Social share"), share, share_before, NULL));
    {
      g_autofree char *suppliers = impact_format_count (n_all);
      g_autofree char *social_suppliers = impact_format_count (n_social);

      add_row (report, cells (_ ("Suppliers"), suppliers, "", NULL));
      add_row (report, cells (_ ("Social suppliers"), social_suppliers, "", NULL));
    }
    if (!isnan (figures->target_share))
      {
        g_autofree char *target = g_strdup_printf (_ ("%.1f%%"), figures->target_share);

        add_row (report, cells (_ ("Target social share"), target, "", NULL));
      }
  }

  if (data->sroi->n_obligations > 0)
    {
      const ImpactSroiResult *total = &data->sroi->total;
      g_autofree char *obligation = impact_format_amount (total->obligation_cents);
      g_autofree char *realised = impact_format_amount (total->realised_purchases_cents + total->realised_manual_cents);
      g_autofree char *share = g_strdup_printf (_ ("%.1f%%"), total->realised_share);
      g_autofree char *projected = impact_format_amount (total->projected_cents);

      g_autofree char *on = g_strdup_printf (_ ("on %s"), today);
      const char *const sroi_titles[] = { _ ("(EUR where an amount)"), on, NULL };

      add_heading (report, _ ("Social Return"));
      begin_table (report, 2, edges, numeric, sroi_titles);
      add_row (report, cells (_ ("Obligation"), obligation, NULL));
      add_row (report, cells (_ ("Realised"), realised, NULL));
      add_row (report, cells (_ ("Realised %"), share, NULL));
      add_row (report, cells (_ ("Expected at End"), projected, NULL));
      add_row (report, cells (_ ("Status"), impact_sroi_status_to_string (total->status), NULL));
    }
}

static void
add_charts (ImpactReport *report,
            const ImpactReportData *data)
{
  const ImpactFigures *figures = data->figures;

  new_page (report);
  if (figures->node->level != IMPACT_NODE_OBJECT && figures->by_child->len > 8)
    {
      /* Columns for two dozen objects would have no room for their names: bars of the 15
       * largest. */
      g_autoptr (ImpactChart) children = impact_chart_new_children_bars (figures, 15);

      add_heading_keeping (report, _ ("Spend per Object, the 15 Largest"), 310);
      add_chart (report, children, 300);
    }
  else if (figures->node->level != IMPACT_NODE_OBJECT && figures->by_child->len > 0)
    {
      g_autoptr (ImpactChart) children = impact_chart_new_children (figures);

      add_heading_keeping (report, figures->node->level == IMPACT_NODE_GROUP ? _ ("Spend per Division") : _ ("Spend per Object"), 240);
      add_chart (report, children, 230);
    }
  {
    g_autoptr (ImpactChart) trend = impact_chart_new_trend (figures, IMPACT_CHART_COLUMNS);

    add_heading_keeping (report, _ ("Spend per Month"), 240);
    add_chart (report, trend, 230);
  }
  {
    g_autoptr (ImpactChart) classes = impact_chart_new_classes (figures);

    add_heading_keeping (report, _ ("Spend per Social Class"), 180);
    add_chart (report, classes, 170);
  }
  if (figures->top_non_social->len > 0)
    {
      g_autoptr (ImpactChart) suppliers = impact_chart_new_suppliers (figures->top_non_social);

      add_heading_keeping (report, _ ("Largest Non-Social Suppliers"), 240);
      add_chart (report, suppliers, 230);
    }
}

static void
add_supplier_table (ImpactReport *report,
                    const char *title,
                    GPtrArray *suppliers)
{
  static const double edges[] = { 0.55, 0.78, 1.0 };
  static const gboolean numeric[] = { FALSE, FALSE, TRUE };
  const char *const titles[] = { _ ("Supplier"), _ ("Class"), _ ("Spend (EUR)"), NULL };

  if (suppliers->len == 0)
    return;
  add_heading (report, title);
  begin_table (report, 3, edges, numeric, titles);
  for (guint i = 0; i < suppliers->len; i++)
    {
      const ImpactSupplierFigures *supplier = g_ptr_array_index (suppliers, i);
      g_autofree char *money = impact_format_amount (supplier->total_cents);

      add_row (report, cells (supplier->name, impact_social_class_to_string (supplier->klass), money, NULL));
    }
}

static void
add_tables (ImpactReport *report,
            const ImpactReportData *data)
{
  const ImpactFigures *figures = data->figures;

  new_page (report);
  if (figures->by_child->len > 0)
    {
      static const double edges[] = { 0.46, 0.64, 0.82, 1.0 };
      static const gboolean numeric[] = { FALSE, TRUE, TRUE, TRUE };
      const char *const titles[] = { figures->node->level == IMPACT_NODE_GROUP ? _ ("Division") : _ ("Object"),
                                     _ ("Spend (EUR)"), _ ("Social (EUR)"), _ ("Share"), NULL };

      add_heading (report, figures->node->level == IMPACT_NODE_GROUP ? _ ("Per Division") : _ ("Per Object"));
      begin_table (report, 4, edges, numeric, titles);
      for (guint i = 0; i < figures->by_child->len; i++)
        {
          const ImpactChildFigures *child = g_ptr_array_index (figures->by_child, i);
          g_autofree char *total = impact_format_amount (child->spend.total_cents);
          g_autofree char *social = impact_format_amount (child->spend.social_cents);
          g_autofree char *share = share_text (&child->spend);

          add_row (report, cells (child->name, total, social, share, NULL));
        }
    }
  add_supplier_table (report, _ ("Largest Suppliers"), figures->top_suppliers);
  add_supplier_table (report, _ ("Largest Non-Social Suppliers"), figures->top_non_social);

  if (data->sroi->n_obligations > 0)
    {
      static const double edges[] = { 0.32, 0.47, 0.61, 0.72, 0.87, 1.0 };
      static const gboolean numeric[] = { FALSE, TRUE, TRUE, TRUE, TRUE, FALSE };
      const char *const titles[] = { _ ("Contract"), _ ("Obligation (EUR)"), _ ("Realised (EUR)"), "%",
                                     _ ("Expected at End (EUR)"), _ ("Status"), NULL };

      add_heading (report, _ ("Social Return per Contract"));
      begin_table (report, 6, edges, numeric, titles);
      for (guint i = 0; i < data->sroi->rows->len; i++)
        {
          const ImpactSroiRow *row = g_ptr_array_index (data->sroi->rows, i);
          g_autofree char *name = NULL;
          g_autofree char *obligation = NULL;
          g_autofree char *realised = NULL;
          g_autofree char *share = NULL;
          g_autofree char *projected = NULL;

          if (row->result.status == IMPACT_SROI_STATUS_NONE)
            continue;
          /* Translators: a contract in a table: its code and name, as in "SCH-101 · Gemeente Utrecht". */
          name = g_strdup_printf (_ ("%s · %s"), row->object->code, row->object->name);
          obligation = impact_format_amount (row->result.obligation_cents);
          realised = impact_format_amount (row->result.realised_purchases_cents + row->result.realised_manual_cents);
          share = g_strdup_printf (_ ("%.1f%%"), row->result.realised_share);
          projected = impact_format_amount (row->result.projected_cents);
          add_row (report, cells (name, obligation, realised, share, projected,
                                  impact_sroi_status_to_string (row->result.status), NULL));
        }
    }

  if (data->pso != NULL && data->pso->fte > 0)
    {
      const ImpactPsoEstimate *estimate = &data->pso->estimate;
      static const double edges[] = { 0.55, 1.0 };
      static const gboolean numeric[] = { FALSE, TRUE };
      const char *const titles[] = { "", "", NULL };
      g_autofree char *fte = g_strdup_printf ("%.0f", data->pso->fte);
      g_autofree char *direct = g_strdup_printf (_ ("%.2f%%"), estimate->direct_share);
      g_autofree char *indirect = g_strdup_printf (_ ("%.2f FTE, %.2f%%"), estimate->indirect_fte, estimate->indirect_share);
      g_autofree char *total = g_strdup_printf (_ ("%.2f%%"), estimate->total_share);
      g_autofree char *trede = g_strdup_printf ("%u", estimate->trede);
      g_autofree char *extra = estimate->extra_spend_next_trede_cents >= 0
                                   ? impact_format_amount (estimate->extra_spend_next_trede_cents)
                                   : g_strdup ("—");

      add_heading (report, _ ("PSO Contribution Through Purchasing (Estimate)"));
      begin_table (report, 2, edges, numeric, titles);
      add_row (report, cells (_ ("FTE"), fte, NULL));
      add_row (report, cells (_ ("Direct share"), direct, NULL));
      add_row (report, cells (_ ("Indirect Through Purchases"), indirect, NULL));
      add_row (report, cells (_ ("Total"), total, NULL));
      add_row (report, cells (_ ("Trede"), trede, NULL));
      add_row (report, cells (_ ("Extra spend for the next trede"), extra, NULL));
    }

  {
    static const double edges[] = { 0.42, 0.66, 0.82, 1.0 };
    static const gboolean numeric[] = { FALSE, FALSE, TRUE, TRUE };
    const char *const titles[] = { _ ("Supplier"), _ ("Status"), _ ("Valid Until"), _ ("At Risk (EUR)"), NULL };
    g_autofree char *heading = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Certificates Ending Within %u Day",
                                                             "Certificates Ending Within %u Days", data->horizon),
                                                data->horizon);

    add_heading (report, heading);
    if (data->expiring->len == 0)
      add_text (report, _ ("No certificate ends soon."), "Sans 9", 4);
    else
      begin_table (report, 4, edges, numeric, titles);
    for (guint i = 0; i < data->expiring->len; i++)
      {
        const ImpactExpiring *item = g_ptr_array_index (data->expiring, i);
        g_autofree char *until = impact_format_day (item->valid_until);
        g_autofree char *money = impact_format_amount (item->spend_at_risk_cents);

        add_row (report, cells (item->supplier, impact_social_class_to_string (item->kind), until, money, NULL));
      }
  }
}

static void
add_sources (ImpactReport *report,
             const ImpactReportData *data)
{
  g_autoptr (GString) rules = g_string_new (NULL);
  g_autoptr (GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  new_page (report);
  add_heading (report, _ ("Data Sources"));
  if (data->batches->len == 0)
    add_text (report, _ ("No imports."), "Sans 9", 4);
  else
    {
      static const double edges[] = { 0.5, 0.68, 0.8, 1.0 };
      static const gboolean numeric[] = { FALSE, FALSE, TRUE, TRUE };
      const char *const titles[] = { _ ("File"), _ ("Imported"), _ ("Rows"), _ ("Total (EUR)"), NULL };

      begin_table (report, 4, edges, numeric, titles);
      for (guint i = 0; i < data->batches->len; i++)
        {
          const ImpactBatch *batch = g_ptr_array_index (data->batches, i);
          g_autoptr (GDateTime) when = g_date_time_new_from_unix_local (batch->imported_at);
          g_autofree char *day = when != NULL ? g_date_time_format (when, C_ ("date format", "%-d %b %Y")) : g_strdup ("");
          g_autofree char *rows = impact_format_count (batch->rows_accepted);
          g_autofree char *total = impact_format_amount (batch->total_cents);

          add_row (report, cells (batch->file_name, day, rows, total, NULL));
        }
    }

  add_heading (report, _ ("How the Figures Are Made"));
  add_text (report,
            _ ("Amounts are in euros excluding VAT; credit notes count negative. A purchase is social when the "
               "supplier held a PSO certificate (not the aspirant status), was a sheltered-employment company, a "
               "registered social enterprise or the group’s own social company on the invoice date; the strongest "
               "status valid that day decides its class."),
            "Sans 9", 4);
  add_text (report,
            _ ("Social return counts the purchases linked to a contract within its term, each class at the factor of "
               "the contract’s rule set, plus what was realised otherwise; the projection continues the pace so far "
               "to the contract’s end."),
            "Sans 9", 6);
  for (guint i = 0; i < data->sroi->rows->len; i++)
    {
      const ImpactSroiRow *row = g_ptr_array_index (data->sroi->rows, i);
      g_autofree char *from = impact_format_day (row->rules.valid_from);
      g_autofree char *version = NULL;

      if (row->result.status == IMPACT_SROI_STATUS_NONE)
        continue;
      /* Translators: a rule-set version named in the report, as in "Regio Noord (version of 1 Jan 2020)". */
      version = row->rules.valid_from > 1 ? g_strdup_printf (_ ("%s (version of %s)"),
                                                             impact_sroi_rule_set_to_string (row->rules.name), from)
                                          : g_strdup (impact_sroi_rule_set_to_string (row->rules.name));
      if (g_hash_table_contains (seen, version))
        continue;
      g_string_append_printf (rules, "%s%s", rules->len > 0 ? ", " : "", version);
      g_hash_table_add (seen, g_steal_pointer (&version));
    }
  if (rules->len > 0)
    {
      /* Translators: the rule sets the report's contracts follow, as in "Rule sets used: Standard rules, Regio Noord (version of 1 Jan 2020)." */
      g_autofree char *text = g_strdup_printf (_ ("Rule sets used: %s."), rules->str);

      add_text (report, text, "Sans 9", 6);
    }
  if (data->pso != NULL)
    add_text (report,
              _ ("The PSO contribution is an estimate, not a PSO assessment: per PSO-certified supplier or SW "
                 "company, iFTE = spend ÷ turnover × FTE × direct share; the indirect share is ΣiFTE ÷ (FTE + ΣiFTE), "
                 "at most 4 × the direct share."),
              "Sans 9", 6);
}

/* --- pages ----------------------------------------------------------------------------- */

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
  report->blocks = g_ptr_array_new_with_free_func ((GDestroyNotify) block_free);
  report->pages = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  report->measure_surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
  report->measure = cairo_create (report->measure_surface);
  period = impact_period_to_string (&data->figures->period);
  /* Translators: the report's running footer, as in "Schoonmaak · 2025". */
  report->footer = g_strdup_printf (_ ("%s · %s"), data->figures->node->name, period);

  new_page (report);
  add_cover (report, data);
  add_charts (report, data);
  add_tables (report, data);
  add_sources (report, data);

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
  g_autoptr (PangoLayout) layout = text_layout (cr, text, font, width, alignment);

  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
}

static void
draw_block (ImpactReport *report,
            cairo_t *cr,
            const Block *block,
            double y)
{
  double width = content_width (report);

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
  draw_text (cr, footer, "Sans 7.5", MARGIN, report->height - MARGIN - 10, content_width (report), PANGO_ALIGN_LEFT);
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
