/* impact-report-content.c: what a report says, section by section
 *
 * The cover with the key figures, the charts, the tables of divisions or objects, suppliers,
 * social return and certificates, and the sources and formulas the figures come from.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "impact-report"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "impact-chart-figures.h"
#include "impact-report-private.h"
#include "model/impact-format.h"

void
_impact_report_add_cover (ImpactReport *report,
                          const ImpactReportData *data)
{
  const ImpactFigures *figures = data->figures;
  g_autofree char *period = impact_period_to_string (&figures->period);
  g_autofree char *today = impact_format_day (data->today);
  g_autofree char *subtitle = NULL;
  g_autofree char *made = NULL;
  static const double edges[] = { 0.55, 1.0 };
  static const gboolean numeric[] = { FALSE, TRUE };

  _impact_report_add_text (report, _ ("Social Procurement Report"), "Sans 11", 0);
  _impact_report_add_text (report, figures->node->name, "Sans Bold 24", 6);
  /* Translators: the report's subtitle: the node's code and the period, as in "SCHOON · 2025". */
  subtitle = g_strdup_printf (_ ("%s · %s"), figures->node->code, period);
  _impact_report_add_text (report, subtitle, "Sans 13", 4);
  /* Translators: when the report was made, as in "Made on 22 Nov 2026 with Impact Dashboard". */
  made = g_strdup_printf (_ ("Made on %s with Impact Dashboard"), today);
  _impact_report_add_text (report, made, "Sans 9", 4);

  _impact_report_add_heading (report, _ ("Key Figures"));
  {
    static const double key_edges[] = { 0.55, 0.78, 1.0 };
    static const gboolean key_numeric[] = { FALSE, TRUE, TRUE };
    const char *const key_titles[] = { _ ("(EUR where an amount)"), _ ("This Period"), _ ("The Period Before"), NULL };
    g_autofree char *total = impact_format_amount (figures->spend.total_cents);
    g_autofree char *total_before = impact_format_amount (figures->previous.total_cents);
    g_autofree char *social = impact_format_amount (figures->spend.social_cents);
    g_autofree char *social_before = impact_format_amount (figures->previous.social_cents);
    g_autofree char *share = _impact_report_share_text (&figures->spend);
    g_autofree char *share_before = _impact_report_share_text (&figures->previous);
    guint n_social = 0, n_all = 0;

    for (guint k = 0; k < IMPACT_N_SOCIAL_CLASSES; k++)
      {
        n_all += figures->suppliers_per_class[k];
        if (impact_social_class_is_social (k))
          n_social += figures->suppliers_per_class[k];
      }
    _impact_report_begin_table (report, 3, key_edges, key_numeric, key_titles);
    _impact_report_add_row (report, _impact_report_cells (_ ("Total spend"), total, total_before, NULL));
    _impact_report_add_row (report, _impact_report_cells (_ ("Social spend"), social, social_before, NULL));
    _impact_report_add_row (report, _impact_report_cells (_ ("Social share"), share, share_before, NULL));
    {
      g_autofree char *suppliers = impact_format_count (n_all);
      g_autofree char *social_suppliers = impact_format_count (n_social);

      _impact_report_add_row (report, _impact_report_cells (_ ("Suppliers"), suppliers, "", NULL));
      _impact_report_add_row (report, _impact_report_cells (_ ("Social suppliers"), social_suppliers, "", NULL));
    }
    if (!isnan (figures->target_share))
      {
        g_autofree char *target = g_strdup_printf (_ ("%.1f%%"), figures->target_share);

        _impact_report_add_row (report, _impact_report_cells (_ ("Target social share"), target, "", NULL));
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

      _impact_report_add_heading (report, _ ("Social Return"));
      _impact_report_begin_table (report, 2, edges, numeric, sroi_titles);
      _impact_report_add_row (report, _impact_report_cells (_ ("Obligation"), obligation, NULL));
      _impact_report_add_row (report, _impact_report_cells (_ ("Realised"), realised, NULL));
      _impact_report_add_row (report, _impact_report_cells (_ ("Realised %"), share, NULL));
      _impact_report_add_row (report, _impact_report_cells (_ ("Expected at End"), projected, NULL));
      _impact_report_add_row (report, _impact_report_cells (_ ("Status"), impact_sroi_status_to_string (total->status), NULL));
    }
}

void
_impact_report_add_charts (ImpactReport *report,
                           const ImpactReportData *data)
{
  const ImpactFigures *figures = data->figures;

  _impact_report_new_page (report);
  if (figures->node->level != IMPACT_NODE_OBJECT && figures->by_child->len > 8)
    {
      /* Columns for two dozen objects would have no room for their names: bars of the 15
       * largest. */
      g_autoptr (ImpactChart) children = impact_chart_new_children_bars (figures, 15);

      _impact_report_add_heading_keeping (report, _ ("Spend per Object, the 15 Largest"), 310);
      _impact_report_add_chart (report, children, 300);
    }
  else if (figures->node->level != IMPACT_NODE_OBJECT && figures->by_child->len > 0)
    {
      g_autoptr (ImpactChart) children = impact_chart_new_children (figures);

      _impact_report_add_heading_keeping (report, figures->node->level == IMPACT_NODE_GROUP ? _ ("Spend per Division") : _ ("Spend per Object"), 240);
      _impact_report_add_chart (report, children, 230);
    }
  {
    g_autoptr (ImpactChart) trend = impact_chart_new_trend (figures, IMPACT_CHART_COLUMNS);

    _impact_report_add_heading_keeping (report, _ ("Spend per Month"), 240);
    _impact_report_add_chart (report, trend, 230);
  }
  {
    g_autoptr (ImpactChart) classes = impact_chart_new_classes (figures);

    _impact_report_add_heading_keeping (report, _ ("Spend per Social Class"), 180);
    _impact_report_add_chart (report, classes, 170);
  }
  if (figures->top_non_social->len > 0)
    {
      g_autoptr (ImpactChart) suppliers = impact_chart_new_suppliers (figures->top_non_social);

      _impact_report_add_heading_keeping (report, _ ("Largest Non-Social Suppliers"), 240);
      _impact_report_add_chart (report, suppliers, 230);
    }
}

void
_impact_report_add_supplier_table (ImpactReport *report,
                                   const char *title,
                                   GPtrArray *suppliers)
{
  static const double edges[] = { 0.55, 0.78, 1.0 };
  static const gboolean numeric[] = { FALSE, FALSE, TRUE };
  const char *const titles[] = { _ ("Supplier"), _ ("Class"), _ ("Spend (EUR)"), NULL };

  if (suppliers->len == 0)
    return;
  _impact_report_add_heading (report, title);
  _impact_report_begin_table (report, 3, edges, numeric, titles);
  for (guint i = 0; i < suppliers->len; i++)
    {
      const ImpactSupplierFigures *supplier = g_ptr_array_index (suppliers, i);
      g_autofree char *money = impact_format_amount (supplier->total_cents);

      _impact_report_add_row (report, _impact_report_cells (supplier->name, impact_social_class_to_string (supplier->klass), money, NULL));
    }
}

void
_impact_report_add_tables (ImpactReport *report,
                           const ImpactReportData *data)
{
  const ImpactFigures *figures = data->figures;

  _impact_report_new_page (report);
  if (figures->by_child->len > 0)
    {
      static const double edges[] = { 0.46, 0.64, 0.82, 1.0 };
      static const gboolean numeric[] = { FALSE, TRUE, TRUE, TRUE };
      const char *const titles[] = { figures->node->level == IMPACT_NODE_GROUP ? _ ("Division") : _ ("Object"),
                                     _ ("Spend (EUR)"), _ ("Social (EUR)"), _ ("Share"), NULL };

      _impact_report_add_heading (report, figures->node->level == IMPACT_NODE_GROUP ? _ ("Per Division") : _ ("Per Object"));
      _impact_report_begin_table (report, 4, edges, numeric, titles);
      for (guint i = 0; i < figures->by_child->len; i++)
        {
          const ImpactChildFigures *child = g_ptr_array_index (figures->by_child, i);
          g_autofree char *total = impact_format_amount (child->spend.total_cents);
          g_autofree char *social = impact_format_amount (child->spend.social_cents);
          g_autofree char *share = _impact_report_share_text (&child->spend);

          _impact_report_add_row (report, _impact_report_cells (child->name, total, social, share, NULL));
        }
    }
  _impact_report_add_supplier_table (report, _ ("Largest Suppliers"), figures->top_suppliers);
  _impact_report_add_supplier_table (report, _ ("Largest Non-Social Suppliers"), figures->top_non_social);

  if (data->sroi->n_obligations > 0)
    {
      static const double edges[] = { 0.32, 0.47, 0.61, 0.72, 0.87, 1.0 };
      static const gboolean numeric[] = { FALSE, TRUE, TRUE, TRUE, TRUE, FALSE };
      const char *const titles[] = { _ ("Contract"), _ ("Obligation (EUR)"), _ ("Realised (EUR)"), "%",
                                     _ ("Expected at End (EUR)"), _ ("Status"), NULL };

      _impact_report_add_heading (report, _ ("Social Return per Contract"));
      _impact_report_begin_table (report, 6, edges, numeric, titles);
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
          _impact_report_add_row (report, _impact_report_cells (name, obligation, realised, share, projected,
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

      _impact_report_add_heading (report, _ ("PSO Contribution Through Purchasing (Estimate)"));
      _impact_report_begin_table (report, 2, edges, numeric, titles);
      _impact_report_add_row (report, _impact_report_cells (_ ("FTE"), fte, NULL));
      _impact_report_add_row (report, _impact_report_cells (_ ("Direct share"), direct, NULL));
      _impact_report_add_row (report, _impact_report_cells (_ ("Indirect Through Purchases"), indirect, NULL));
      _impact_report_add_row (report, _impact_report_cells (_ ("Total"), total, NULL));
      _impact_report_add_row (report, _impact_report_cells (_ ("Trede"), trede, NULL));
      _impact_report_add_row (report, _impact_report_cells (_ ("Extra spend for the next trede"), extra, NULL));
    }

  {
    static const double edges[] = { 0.42, 0.66, 0.82, 1.0 };
    static const gboolean numeric[] = { FALSE, FALSE, TRUE, TRUE };
    const char *const titles[] = { _ ("Supplier"), _ ("Status"), _ ("Valid Until"), _ ("At Risk (EUR)"), NULL };
    g_autofree char *heading = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Certificates Ending Within %u Day",
                                                             "Certificates Ending Within %u Days", data->horizon),
                                                data->horizon);

    _impact_report_add_heading (report, heading);
    if (data->expiring->len == 0)
      _impact_report_add_text (report, _ ("No certificate ends soon."), "Sans 9", 4);
    else
      _impact_report_begin_table (report, 4, edges, numeric, titles);
    for (guint i = 0; i < data->expiring->len; i++)
      {
        const ImpactExpiring *item = g_ptr_array_index (data->expiring, i);
        g_autofree char *until = impact_format_day (item->valid_until);
        g_autofree char *money = impact_format_amount (item->spend_at_risk_cents);

        _impact_report_add_row (report, _impact_report_cells (item->supplier, impact_social_class_to_string (item->kind), until, money, NULL));
      }
  }
}

void
_impact_report_add_sources (ImpactReport *report,
                            const ImpactReportData *data)
{
  g_autoptr (GString) rules = g_string_new (NULL);
  g_autoptr (GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  _impact_report_new_page (report);
  _impact_report_add_heading (report, _ ("Data Sources"));
  if (data->batches->len == 0)
    _impact_report_add_text (report, _ ("No imports."), "Sans 9", 4);
  else
    {
      static const double edges[] = { 0.5, 0.68, 0.8, 1.0 };
      static const gboolean numeric[] = { FALSE, FALSE, TRUE, TRUE };
      const char *const titles[] = { _ ("File"), _ ("Imported"), _ ("Rows"), _ ("Total (EUR)"), NULL };

      _impact_report_begin_table (report, 4, edges, numeric, titles);
      for (guint i = 0; i < data->batches->len; i++)
        {
          const ImpactBatch *batch = g_ptr_array_index (data->batches, i);
          g_autoptr (GDateTime) when = g_date_time_new_from_unix_local (batch->imported_at);
          g_autofree char *day = when != NULL ? g_date_time_format (when, C_ ("date format", "%-d %b %Y")) : g_strdup ("");
          g_autofree char *rows = impact_format_count (batch->rows_accepted);
          g_autofree char *total = impact_format_amount (batch->total_cents);

          _impact_report_add_row (report, _impact_report_cells (batch->file_name, day, rows, total, NULL));
        }
    }

  _impact_report_add_heading (report, _ ("How the Figures Are Made"));
  _impact_report_add_text (report,
                           _ ("Amounts are in euros excluding VAT; credit notes count negative. A purchase is social when the "
                              "supplier held a PSO certificate (not the aspirant status), was a sheltered-employment company, a "
                              "registered social enterprise or the group’s own social company on the invoice date; the strongest "
                              "status valid that day decides its class."),
                           "Sans 9", 4);
  _impact_report_add_text (report,
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

      _impact_report_add_text (report, text, "Sans 9", 6);
    }
  if (data->pso != NULL)
    _impact_report_add_text (report,
                             _ ("The PSO contribution is an estimate, not a PSO assessment: per PSO-certified supplier or SW "
                                "company, iFTE = spend ÷ turnover × FTE × direct share; the indirect share is ΣiFTE ÷ (FTE + ΣiFTE), "
                                "at most 4 × the direct share."),
                             "Sans 9", 6);
}
