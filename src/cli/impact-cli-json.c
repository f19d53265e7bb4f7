/* impact-cli-json.c: --summary --format json: the figures of a node and period for programs
 *
 * Amounts in cents, shares in percent, dates as YYYY-MM-DD; the same figures the text shows.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "impact-cli"

#include "config.h"

#include <json-glib/json-glib.h>
#include <math.h>

#include "impact-cli-private.h"
#include "model/impact-format.h"

static const char *
level_code (ImpactNodeLevel level)
{
  static const char *const codes[] = { "group", "division", "object" };

  return codes[level];
}

static void
add_spend (JsonBuilder *builder,
           const ImpactSpend *spend)
{
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "total_cents");
  json_builder_add_int_value (builder, spend->total_cents);
  json_builder_set_member_name (builder, "social_cents");
  json_builder_add_int_value (builder, spend->social_cents);
  json_builder_end_object (builder);
}

static void
add_suppliers (JsonBuilder *builder,
               const char *name,
               GPtrArray *suppliers)
{
  json_builder_set_member_name (builder, name);
  json_builder_begin_array (builder);
  for (guint i = 0; i < suppliers->len; i++)
    {
      const ImpactSupplierFigures *supplier = g_ptr_array_index (suppliers, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "name");
      json_builder_add_string_value (builder, supplier->name);
      json_builder_set_member_name (builder, "kvk");
      if (supplier->kvk != NULL)
        json_builder_add_string_value (builder, supplier->kvk);
      else
        json_builder_add_null_value (builder);
      json_builder_set_member_name (builder, "class");
      json_builder_add_string_value (builder, impact_social_class_to_code (supplier->klass));
      json_builder_set_member_name (builder, "total_cents");
      json_builder_add_int_value (builder, supplier->total_cents);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

static void
add_optional_double (JsonBuilder *builder,
                     const char *name,
                     double value)
{
  json_builder_set_member_name (builder, name);
  if (isnan (value))
    json_builder_add_null_value (builder);
  else
    json_builder_add_double_value (builder, value);
}

static void
add_int (JsonBuilder *builder,
         const char *name,
         gint64 value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_int_value (builder, value);
}

static void
add_sroi (JsonBuilder *builder,
          const ImpactSroiOverview *sroi,
          const ImpactNode *node)
{
  const ImpactSroiResult *result = &sroi->total;

  json_builder_set_member_name (builder, "sroi");
  json_builder_begin_object (builder);
  add_int (builder, "obligation_cents", result->obligation_cents);
  add_int (builder, "realised_purchases_cents", result->realised_purchases_cents);
  add_int (builder, "realised_manual_cents", result->realised_manual_cents);
  add_optional_double (builder, "realised_share", result->realised_share);
  add_int (builder, "remaining_cents", result->remaining_cents);
  add_int (builder, "projected_cents", result->projected_cents);
  json_builder_set_member_name (builder, "status");
  json_builder_add_string_value (builder, impact_sroi_status_to_code (result->status));
  if (node->level == IMPACT_NODE_OBJECT && sroi->rows->len == 1)
    {
      const ImpactSroiRow *row = g_ptr_array_index (sroi->rows, 0);
      g_autofree char *from = impact_day_to_iso (row->rules.valid_from);

      json_builder_set_member_name (builder, "rule_set");
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "name");
      json_builder_add_string_value (builder, row->rules.name);
      json_builder_set_member_name (builder, "valid_from");
      json_builder_add_string_value (builder, from);
      json_builder_end_object (builder);
    }
  else
    add_int (builder, "objects_with_obligation", sroi->n_obligations);
  json_builder_end_object (builder);
}

static void
add_pso (JsonBuilder *builder,
         const ImpactPsoFigures *pso)
{
  const ImpactPsoEstimate *estimate = &pso->estimate;

  json_builder_set_member_name (builder, "pso_estimate");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "fte");
  json_builder_add_double_value (builder, pso->fte);
  json_builder_set_member_name (builder, "direct_share");
  json_builder_add_double_value (builder, estimate->direct_share);
  json_builder_set_member_name (builder, "indirect_fte");
  json_builder_add_double_value (builder, estimate->indirect_fte);
  json_builder_set_member_name (builder, "indirect_share");
  json_builder_add_double_value (builder, estimate->indirect_share);
  json_builder_set_member_name (builder, "capped");
  json_builder_add_boolean_value (builder, estimate->capped);
  json_builder_set_member_name (builder, "total_share");
  json_builder_add_double_value (builder, estimate->total_share);
  add_int (builder, "trede", estimate->trede);
  json_builder_set_member_name (builder, "extra_spend_next_trede_cents");
  if (estimate->extra_spend_next_trede_cents >= 0)
    json_builder_add_int_value (builder, estimate->extra_spend_next_trede_cents);
  else
    json_builder_add_null_value (builder);
  add_int (builder, "suppliers", pso->suppliers->len);
  add_int (builder, "suppliers_without_data", pso->n_without_data);
  json_builder_end_object (builder);
}

static void
add_expiring (JsonBuilder *builder,
              GPtrArray *expiring)
{
  json_builder_set_member_name (builder, "expiring");
  json_builder_begin_array (builder);
  for (guint i = 0; i < expiring->len; i++)
    {
      const ImpactExpiring *item = g_ptr_array_index (expiring, i);
      g_autofree char *until = impact_day_to_iso (item->valid_until);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "supplier");
      json_builder_add_string_value (builder, item->supplier);
      json_builder_set_member_name (builder, "kvk");
      if (item->kvk != NULL)
        json_builder_add_string_value (builder, item->kvk);
      else
        json_builder_add_null_value (builder);
      json_builder_set_member_name (builder, "kind");
      json_builder_add_string_value (builder, impact_social_class_to_code (item->kind));
      json_builder_set_member_name (builder, "valid_until");
      json_builder_add_string_value (builder, until);
      add_int (builder, "spend_at_risk_cents", item->spend_at_risk_cents);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

/* The figures as JSON, with the keys the README lists; amounts in cents, the share in
 * percent. */
char *
impact_cli_figures_to_json (const ImpactReportData *data)
{
  const ImpactFigures *figures = data->figures;
  g_autoptr (JsonBuilder) builder = json_builder_new ();
  g_autoptr (JsonGenerator) generator = json_generator_new ();
  g_autoptr (JsonNode) root = NULL;
  g_autofree char *period = impact_period_to_code (&figures->period);
  g_autofree char *first = impact_month_to_code (figures->period.first_month);
  g_autofree char *last = impact_month_to_code (figures->period.last_month);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "node");
  json_builder_add_string_value (builder, figures->node->code);
  json_builder_set_member_name (builder, "node_name");
  json_builder_add_string_value (builder, figures->node->name);
  json_builder_set_member_name (builder, "level");
  json_builder_add_string_value (builder, level_code (figures->node->level));
  json_builder_set_member_name (builder, "period");
  json_builder_add_string_value (builder, period);
  json_builder_set_member_name (builder, "first_month");
  json_builder_add_string_value (builder, first);
  json_builder_set_member_name (builder, "last_month");
  json_builder_add_string_value (builder, last);
  json_builder_set_member_name (builder, "total_cents");
  json_builder_add_int_value (builder, figures->spend.total_cents);
  json_builder_set_member_name (builder, "social_cents");
  json_builder_add_int_value (builder, figures->spend.social_cents);
  json_builder_set_member_name (builder, "social_share");
  json_builder_add_double_value (builder, impact_spend_get_share (&figures->spend));
  json_builder_set_member_name (builder, "target_share");
  if (isnan (figures->target_share))
    json_builder_add_null_value (builder);
  else
    json_builder_add_double_value (builder, figures->target_share);
  json_builder_set_member_name (builder, "previous");
  add_spend (builder, &figures->previous);

  json_builder_set_member_name (builder, "by_class");
  json_builder_begin_object (builder);
  for (guint k = 0; k < IMPACT_N_SOCIAL_CLASSES; k++)
    if (figures->by_class[k] != 0)
      {
        json_builder_set_member_name (builder, impact_social_class_to_code (k));
        json_builder_add_int_value (builder, figures->by_class[k]);
      }
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "suppliers_per_class");
  json_builder_begin_object (builder);
  for (guint k = 0; k < IMPACT_N_SOCIAL_CLASSES; k++)
    if (figures->suppliers_per_class[k] != 0)
      {
        json_builder_set_member_name (builder, impact_social_class_to_code (k));
        json_builder_add_int_value (builder, figures->suppliers_per_class[k]);
      }
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "by_child");
  json_builder_begin_object (builder);
  for (guint i = 0; i < figures->by_child->len; i++)
    {
      const ImpactChildFigures *child = g_ptr_array_index (figures->by_child, i);

      /* Lines that name no object are listed under the empty code. */
      json_builder_set_member_name (builder, child->code != NULL ? child->code : "");
      add_spend (builder, &child->spend);
    }
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "by_month");
  json_builder_begin_object (builder);
  for (guint i = 0; i < figures->by_month->len; i++)
    {
      const ImpactMonthFigures *month = &g_array_index (figures->by_month, ImpactMonthFigures, i);
      g_autofree char *code = impact_month_to_code (month->month);

      json_builder_set_member_name (builder, code);
      add_spend (builder, &month->spend);
    }
  json_builder_end_object (builder);

  add_suppliers (builder, "top_suppliers", figures->top_suppliers);
  add_suppliers (builder, "top_non_social_suppliers", figures->top_non_social);
  add_sroi (builder, data->sroi, figures->node);
  if (data->pso != NULL)
    add_pso (builder, data->pso);
  add_expiring (builder, data->expiring);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);

  return json_generator_to_data (generator, NULL);
}
