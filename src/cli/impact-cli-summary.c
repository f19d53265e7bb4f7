/* impact-cli-summary.c: --summary: the figures of a node and period for people
 *
 * Spend, social spend and share against the period before, the divisions or objects, the
 * largest non-social suppliers, the social return of the contracts, the PSO estimate and the
 * certificates ending; and the reading of --node, --period, --today and --horizon that the
 * summary, the report and the exports share.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "impact-cli"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "impact-cli-private.h"
#include "model/impact-format.h"

static char *
format_share (const ImpactSpend *spend)
{
  g_autofree char *money = impact_format_money (spend->social_cents);

  /* Translators: social spend and its share of the total, as in "EUR 12,00 (8.5%)". */
  return g_strdup_printf (_ ("%s (%.1f%%)"), money, impact_spend_get_share (spend));
}

static void
print_suppliers (const char *title,
                 GPtrArray *suppliers)
{
  glong width = 24;

  if (suppliers->len == 0)
    return;

  g_print ("\n%s\n", title);
  for (guint i = 0; i < suppliers->len; i++)
    {
      const ImpactSupplierFigures *supplier = g_ptr_array_index (suppliers, i);

      width = MAX (width, g_utf8_strlen (supplier->name, -1) + 6);
    }
  for (guint i = 0; i < suppliers->len; i++)
    {
      const ImpactSupplierFigures *supplier = g_ptr_array_index (suppliers, i);
      g_autofree char *money = impact_format_money (supplier->total_cents);
      g_autofree char *label = g_strdup_printf ("%2u. %s", i + 1, supplier->name);

      if (supplier->klass != IMPACT_SOCIAL_CLASS_NONE)
        {
          g_autofree char *value = g_strdup_printf ("%s  %s", money, impact_social_class_to_string (supplier->klass));

          impact_cli_print_row_in (label, value, width);
        }
      else
        impact_cli_print_row_in (label, money, width);
    }
}

static void
print_figures (const ImpactFigures *figures)
{
  g_autofree char *period = impact_period_to_string (&figures->period);
  g_autofree char *total = impact_format_money (figures->spend.total_cents);
  g_autofree char *social = format_share (&figures->spend);
  g_autofree char *previous_total = impact_format_money (figures->previous.total_cents);
  g_autofree char *previous_social = format_share (&figures->previous);
  guint n_suppliers = 0;
  glong width = 24;

  for (guint k = 0; k < IMPACT_N_SOCIAL_CLASSES; k++)
    {
      n_suppliers += figures->suppliers_per_class[k];
      width = MAX (width, g_utf8_strlen (impact_social_class_to_string (k), -1) + 2);
    }
  for (guint i = 0; i < figures->by_child->len; i++)
    width = MAX (width, g_utf8_strlen (((ImpactChildFigures *) g_ptr_array_index (figures->by_child, i))->name, -1) + 2);

  /* Translators: the node (group, division or object) and the period, as in "Schoonmaak (SCHOON), 2025". */
  g_print (_ ("%s (%s), %s\n"), figures->node->name, figures->node->code, period);
  impact_cli_print_row_in (_ ("Total spend:"), total, width);
  impact_cli_print_row_in (_ ("Social spend:"), social, width);
  {
    g_autofree char *count = impact_format_count (n_suppliers);

    impact_cli_print_row_in (_ ("Suppliers:"), count, width);
  }
  if (!isnan (figures->target_share))
    {
      /* Translators: the social share aimed for, in percent, as in "10.0%". */
      g_autofree char *target = g_strdup_printf (_ ("%.1f%%"), figures->target_share);

      impact_cli_print_row_in (_ ("Target social share:"), target, width);
    }
  impact_cli_print_row_in (_ ("Previous period:"), previous_total, width);
  impact_cli_print_row_in (_ ("Social, previous period:"), previous_social, width);

  g_print ("\n%s\n", _ ("Spend per social class"));
  for (guint k = IMPACT_N_SOCIAL_CLASSES; k-- > 0;)
    if (figures->by_class[k] != 0)
      {
        g_autofree char *money = impact_format_money (figures->by_class[k]);
        g_autofree char *count = impact_format_count (figures->suppliers_per_class[k]);
        /* Translators: an amount and a number of suppliers, as in "EUR 1.234,00 (12 suppliers)". */
        g_autofree char *value = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s (%s supplier)", "%s (%s suppliers)",
                                                               figures->suppliers_per_class[k]),
                                                  money, count);

        impact_cli_print_row_in (impact_social_class_to_string (k), value, width);
      }

  if (figures->by_child->len > 0)
    {
      g_print ("\n%s\n", figures->node->level == IMPACT_NODE_GROUP ? _ ("Per division") : _ ("Per object"));
      for (guint i = 0; i < figures->by_child->len; i++)
        {
          const ImpactChildFigures *child = g_ptr_array_index (figures->by_child, i);
          g_autofree char *money = impact_format_money (child->spend.total_cents);
          /* Translators: spend and its social share, as in "EUR 1.234,00, 8.5% social". */
          g_autofree char *value = g_strdup_printf (_ ("%s, %.1f%% social"), money, impact_spend_get_share (&child->spend));

          impact_cli_print_row_in (child->name, value, width);
        }
    }

  g_print ("\n%s\n", _ ("Per month"));
  for (guint i = 0; i < figures->by_month->len; i++)
    {
      const ImpactMonthFigures *month = &g_array_index (figures->by_month, ImpactMonthFigures, i);
      g_autofree char *label = impact_month_to_string (month->month);
      g_autofree char *money = impact_format_money (month->spend.total_cents);
      g_autofree char *value = g_strdup_printf (_ ("%s, %.1f%% social"), money, impact_spend_get_share (&month->spend));

      impact_cli_print_row_in (label, value, width);
    }

  print_suppliers (_ ("Largest suppliers"), figures->top_suppliers);
  print_suppliers (_ ("Largest non-social suppliers"), figures->top_non_social);
}

static void
print_money_row (const char *label,
                 gint64 cents,
                 glong width)
{
  g_autofree char *money = impact_format_money (cents);

  impact_cli_print_row_in (label, money, width);
}

static void
print_sroi (const ImpactSroiOverview *sroi,
            const ImpactNode *node)
{
  const ImpactSroiResult *total = &sroi->total;
  g_autofree char *today = impact_format_day (sroi->today);
  glong width = 32;

  /* Translators: a heading with a date, as in "Social return (SROI) on 20 Nov 2026". */
  g_print ("\n");
  g_print (_ ("Social return (SROI) on %s\n"), today);
  if (total->status == IMPACT_SROI_STATUS_NONE)
    {
      g_print ("  %s\n", node->level == IMPACT_NODE_OBJECT ? _ ("This contract has no social-return obligation.")
                                                           : _ ("None of these contracts has a social-return obligation."));
      return;
    }

  print_money_row (_ ("Obligation:"), total->obligation_cents, width);
  print_money_row (_ ("Realised through purchases:"), total->realised_purchases_cents, width);
  print_money_row (_ ("Realised otherwise:"), total->realised_manual_cents, width);
  {
    /* Translators: the share of the obligation realised, in percent. */
    g_autofree char *share = g_strdup_printf (_ ("%.1f%%"), total->realised_share);

    impact_cli_print_row_in (_ ("Realised:"), share, width);
  }
  print_money_row (_ ("Remaining:"), total->remaining_cents, width);
  print_money_row (_ ("Projected at contract end:"), total->projected_cents, width);
  impact_cli_print_row_in (_ ("Status:"), impact_sroi_status_to_string (total->status), width);

  if (node->level == IMPACT_NODE_OBJECT && sroi->rows->len == 1)
    {
      const ImpactSroiRow *row = g_ptr_array_index (sroi->rows, 0);
      g_autofree char *from = impact_format_day (row->rules.valid_from);
      /* Translators: a rule set and the day its version starts, as in "Regio Noord, from 1 Jan 2020". */
      g_autofree char *rules = row->rules.valid_from > 1 ? g_strdup_printf (_ ("%s, from %s"), impact_sroi_rule_set_to_string (row->rules.name), from)
                                                         : g_strdup (impact_sroi_rule_set_to_string (row->rules.name));

      impact_cli_print_row_in (_ ("Rule set:"), rules, width);
    }
  else
    {
      guint n_at_risk = 0;

      for (guint i = 0; i < sroi->rows->len; i++)
        if (((ImpactSroiRow *) g_ptr_array_index (sroi->rows, i))->result.status == IMPACT_SROI_STATUS_AT_RISK)
          n_at_risk++;

      {
        g_autofree char *count = impact_format_count (sroi->n_obligations);
        g_autofree char *risk = impact_format_count (n_at_risk);
        /* Translators: contracts with an obligation, and how many of them are at risk, as in "12, 3 at risk". */
        g_autofree char *value = g_strdup_printf (_ ("%s, %s at risk"), count, risk);

        impact_cli_print_row_in (_ ("Contracts with an obligation:"), value, width);
      }
    }
}

static void
print_pso (const ImpactPsoFigures *pso,
           const ImpactPeriod *period)
{
  const ImpactPsoEstimate *estimate = &pso->estimate;
  g_autofree char *period_text = impact_period_to_string (period);
  glong width = 32;

  g_print ("\n");
  /* Translators: a heading with a period, as in "PSO contribution through purchasing, 2025 (estimate)". */
  g_print (_ ("PSO contribution through purchasing, %s (estimate)\n"), period_text);
  if (!(pso->fte > 0))
    {
      g_print ("  %s\n", _ ("No FTE known for this organisation: nothing to estimate."));
      return;
    }

  {
    /* Translators: FTE and the direct social share, as in "239 FTE, 1.75% direct". */
    g_autofree char *value = g_strdup_printf (_ ("%.0f FTE, %.2f%% direct"), pso->fte, estimate->direct_share);

    impact_cli_print_row_in (_ ("Organisation:"), value, width);
  }
  {
    /* Translators: indirect FTE and share, as in "1.23 FTE, 0.51%". */
    g_autofree char *value = g_strdup_printf (estimate->capped ? _ ("%.2f FTE, %.2f%% (capped at 4 × direct)")
                                                               : _ ("%.2f FTE, %.2f%%"),
                                              estimate->indirect_fte, estimate->indirect_share);

    impact_cli_print_row_in (_ ("Indirect through purchases:"), value, width);
  }
  {
    /* Translators: the total share and the trede reached, as in "2.26%, trede 2". */
    g_autofree char *value = estimate->trede > 0 ? g_strdup_printf (_ ("%.2f%%, trede %u"), estimate->total_share, estimate->trede)
                                                 : g_strdup_printf (_ ("%.2f%%, below trede 1"), estimate->total_share);

    impact_cli_print_row_in (_ ("Total:"), value, width);
  }
  if (estimate->trede < pso->norms.n_treden)
    {
      g_autofree char *label = g_strdup_printf (_ ("To reach trede %u:"), estimate->trede + 1);

      if (estimate->extra_spend_next_trede_cents >= 0)
        {
          g_autofree char *money = impact_format_money (estimate->extra_spend_next_trede_cents);
          /* Translators: an amount of extra spend, as in "EUR 1.234,00 more at an average certified supplier". */
          g_autofree char *value = g_strdup_printf (_ ("%s more at an average certified supplier"), money);

          impact_cli_print_row_in (label, value, width);
        }
      else
        impact_cli_print_row_in (label, _ ("not within reach through purchasing"), width);
    }
  if (pso->n_without_data > 0)
    {
      g_autofree char *count = impact_format_count (pso->n_without_data);
      g_autofree char *value = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s supplier without turnover and FTE (counted as 0)",
                                                             "%s suppliers without turnover and FTE (counted as 0)",
                                                             pso->n_without_data),
                                                count);

      impact_cli_print_row_in (_ ("Missing data:"), value, width);
    }
  g_print ("  %s\n", _ ("Estimate: iFTE = spend ÷ turnover × FTE × direct share per supplier; "
                        "indirect % = ΣiFTE ÷ (FTE + ΣiFTE), at most 4 × the direct %."));
}

static void
print_expiring (GPtrArray *expiring,
                guint horizon)
{
  glong width = 24;

  g_print ("\n");
  g_print (g_dngettext (GETTEXT_PACKAGE, "Certificates ending within %u day\n", "Certificates ending within %u days\n",
                        horizon),
           horizon);
  if (expiring->len == 0)
    {
      g_print ("  %s\n", _ ("None."));
      return;
    }
  for (guint i = 0; i < expiring->len; i++)
    width = MAX (width, g_utf8_strlen (((ImpactExpiring *) g_ptr_array_index (expiring, i))->supplier, -1) + 2);
  for (guint i = 0; i < expiring->len; i++)
    {
      const ImpactExpiring *item = g_ptr_array_index (expiring, i);
      g_autofree char *until = impact_format_day (item->valid_until);
      g_autofree char *money = impact_format_money (item->spend_at_risk_cents);
      /* Translators: a status, its end and the spend of the last 12 months, as in
       * "PSO trede 2 until 31 May 2026, EUR 1.234,00 at risk". */
      g_autofree char *value = g_strdup_printf (_ ("%s until %s, %s at risk"), impact_social_class_to_string (item->kind),
                                                until, money);

      impact_cli_print_row_in (item->supplier, value, width);
    }
}

/* Reads what --summary, --report and the exports show: the node, period, day and horizon from
 * @options, then the node's figures. On failure prints why and returns the exit code, else -1. */
int
impact_cli_read_node_data (const char *database,
                           GVariantDict *options,
                           ImpactReportData **data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ImpactStore) store = NULL;
  g_autoptr (ImpactNode) node = NULL;
  const char *code = NULL, *period_text = NULL, *today_text = NULL;
  ImpactPeriod period;
  guint32 today;
  gint days = 90;

  g_variant_dict_lookup (options, "node", "&s", &code);
  g_variant_dict_lookup (options, "period", "&s", &period_text);
  g_variant_dict_lookup (options, "today", "&s", &today_text);
  today = today_text != NULL ? impact_day_from_iso (today_text) : impact_day_today ();
  if (today == 0)
    {
      g_printerr (_ ("“%s” is not a date; use YYYY-MM-DD.\n"), today_text);
      return IMPACT_CLI_EXIT_USAGE;
    }
  g_variant_dict_lookup (options, "horizon", "i", &days);
  if (days < 0 || days > 3650)
    {
      g_printerr (_ ("The horizon is a number of days from 0 to 3650.\n"));
      return IMPACT_CLI_EXIT_USAGE;
    }
  store = impact_cli_open_existing (database);
  if (store == NULL)
    return IMPACT_CLI_EXIT_FAILED;
  if (period_text != NULL ? !impact_period_parse (period_text, impact_query_get_fy_start (store), &period, &error)
                          : !impact_query_get_data_period (store, &period, &error))
    {
      g_printerr ("%s\n", error->message);
      return g_error_matches (error, IMPACT_QUERY_ERROR, IMPACT_QUERY_ERROR_PERIOD) ? IMPACT_CLI_EXIT_USAGE
                                                                                    : IMPACT_CLI_EXIT_FAILED;
    }
  node = impact_query_find_node (store, code, &error);
  if (node == NULL)
    {
      g_printerr ("%s\n", error->message);
      return IMPACT_CLI_EXIT_FAILED;
    }
  *data = impact_report_data_read (store, node, &period, today, days, &error);
  if (*data == NULL)
    {
      g_printerr ("%s\n", error->message);
      return IMPACT_CLI_EXIT_FAILED;
    }
  return -1;
}

int
impact_cli_show_summary (const char *database,
                         GVariantDict *options)
{
  g_autoptr (ImpactReportData) data = NULL;
  const char *format = "text";
  int status;

  g_variant_dict_lookup (options, "format", "&s", &format);
  if (!g_str_equal (format, "text") && !g_str_equal (format, "json"))
    {
      g_printerr (_ ("“%s” is not a format; use text or json.\n"), format);
      return IMPACT_CLI_EXIT_USAGE;
    }
  status = impact_cli_read_node_data (database, options, &data);
  if (status >= 0)
    return status;

  if (g_str_equal (format, "json"))
    {
      g_autofree char *json = impact_cli_figures_to_json (data);

      g_print ("%s\n", json);
    }
  else
    {
      print_figures (data->figures);
      print_sroi (data->sroi, data->figures->node);
      if (data->pso != NULL)
        print_pso (data->pso, &data->figures->period);
      print_expiring (data->expiring, data->horizon);
    }

  return IMPACT_CLI_EXIT_OK;
}
