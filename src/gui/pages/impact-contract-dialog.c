/* impact-contract-dialog.c: the dialog that edits a contract and its social-return obligation
 *
 * The client, contract value, term, the obligation (none, a percentage of the contract value
 * with an optional cap, or a fixed amount), how the group's own social company counts, and
 * the rule set. Checked before anything is saved; saved in one transaction, with Undo.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "impact-contract-dialog"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "impact-contract-dialog.h"
#include "import/impact-parse.h"
#include "model/impact-format.h"
#include "storage/impact-store-sroi.h"
#include "util/impact-dialogs.h"

/* A contract as it was: for Undo. */
typedef struct
{
  GtkWidget *parent;
  ImpactStore *store;
  ImpactNode *node;
  ImpactSroiObligation obligation;
} ContractState;

static void
contract_state_free (ContractState *state)
{
  g_object_unref (state->parent);
  g_object_unref (state->store);
  impact_node_free (state->node);
  impact_sroi_obligation_clear (&state->obligation);
  g_free (state);
}

static ContractState *
contract_state_new (GtkWidget *parent,
                    ImpactStore *store,
                    const ImpactNode *node,
                    const ImpactSroiObligation *obligation)
{
  ContractState *state = g_new0 (ContractState, 1);

  state->parent = g_object_ref (parent);
  state->store = g_object_ref (store);
  state->node = impact_node_copy (node);
  state->obligation = *obligation;
  state->obligation.rule_set = g_strdup (obligation->rule_set);
  return state;
}

static gboolean
save_contract (ImpactStore *store,
               const ImpactNode *node,
               const ImpactSroiObligation *obligation,
               GError **error)
{
  if (!impact_store_begin (store, error))
    return FALSE;
  if (!impact_store_update_node (store, node, error) || !impact_store_set_sroi_obligation (store, node->id, obligation, error)
      || !impact_store_commit (store, error))
    {
      impact_store_rollback (store);
      return FALSE;
    }
  return TRUE;
}

static void
on_undo_contract_cb (AdwToast *toast,
                     gpointer user_data)
{
  ContractState *state = user_data;
  g_autoptr (GError) error = NULL;

  if (!save_contract (state->store, state->node, &state->obligation, &error))
    impact_show_failure (state->parent, _ ("The Change Was Not Undone"), error->message);
  else
    g_signal_emit_by_name (state->parent, "changed");
}

static void
on_contract_response_cb (AdwMessageDialog *dialog,
                         const char *response,
                         gpointer user_data)
{
  ContractState *shown = user_data;
  GtkWidget *grid = adw_message_dialog_get_extra_child (dialog);
  g_autoptr (ImpactNode) node = NULL;
  g_autoptr (GError) error = NULL;
  ImpactSroiObligation obligation = { 0 };
  ContractState *before;
  const char *text;
  double number;
  const char *problem = NULL;

  if (!g_str_equal (response, "save"))
    return;

  node = impact_node_copy (shown->node);
  g_free (node->client);
  node->client = g_strstrip (g_strdup (impact_form_grid_get_text (dialog, "client")));
  if (*node->client == '\0')
    g_clear_pointer (&node->client, g_free);

  text = impact_form_grid_get_text (dialog, "value");
  node->contract_value_cents = -1;
  if (*text != '\0' && !impact_parse_amount_in_locale (text, &node->contract_value_cents))
    problem = _ ("The contract value is not an amount, for example 1.250.000,00 or 1,250,000.00.");
  text = impact_form_grid_get_text (dialog, "start");
  node->contract_start = *text != '\0' ? impact_day_from_iso (text) : 0;
  if (problem == NULL && *text != '\0' && node->contract_start == 0)
    problem = _ ("Write the start as YYYY-MM-DD, for example 2025-01-31.");
  text = impact_form_grid_get_text (dialog, "end");
  node->contract_end = *text != '\0' ? impact_day_from_iso (text) : 0;
  if (problem == NULL && *text != '\0' && node->contract_end == 0)
    problem = _ ("Write the end as YYYY-MM-DD, for example 2028-12-31.");
  if (problem == NULL && node->contract_start != 0 && node->contract_end != 0 && node->contract_end < node->contract_start)
    problem = _ ("The contract ends before it starts.");

  obligation.kind = gtk_drop_down_get_selected (GTK_DROP_DOWN (g_object_get_data (G_OBJECT (grid), "kind")));
  obligation.cap_cents = -1;
  obligation.rule_set = shown->obligation.rule_set;
  if (problem == NULL && obligation.kind == IMPACT_SROI_PERCENT)
    {
      if (!impact_parse_number (impact_form_grid_get_text (dialog, "percent"), &obligation.percent))
        problem = _ ("The percentage is not a number, for example 5.");
      text = impact_form_grid_get_text (dialog, "cap");
      if (problem == NULL && *text != '\0' && !impact_parse_amount_in_locale (text, &obligation.cap_cents))
        problem = _ ("The cap is not an amount; leave it empty for none.");
      if (problem == NULL && node->contract_value_cents < 0)
        problem = _ ("A percentage needs the contract value.");
    }
  else if (problem == NULL && obligation.kind == IMPACT_SROI_FIXED && !impact_parse_amount_in_locale (impact_form_grid_get_text (dialog, "fixed"), &obligation.fixed_cents))
    problem = _ ("The fixed amount is not an amount, for example 50.000,00.");
  if (problem == NULL)
    {
      text = impact_form_grid_get_text (dialog, "own");
      if (*text == '\0')
        obligation.own_social_factor = 0;
      else if (impact_parse_number (text, &number))
        obligation.own_social_factor = number / 100;
      else
        problem = _ ("The share for the own social company is not a number, for example 50.");
    }
  {
    GtkDropDown *rules = g_object_get_data (G_OBJECT (grid), "rules");
    GtkStringObject *chosen = gtk_drop_down_get_selected_item (rules);
    const char *name = chosen != NULL ? g_object_get_data (G_OBJECT (chosen), "name") : NULL;

    if (name != NULL)
      obligation.rule_set = (char *) name;
  }

  if (problem != NULL)
    {
      impact_show_failure (shown->parent, _ ("The Contract Was Not Saved"), problem);
      return;
    }

  if (!save_contract (shown->store, node, &obligation, &error))
    {
      impact_show_failure (shown->parent, _ ("The Contract Was Not Saved"), error->message);
      return;
    }
  before = contract_state_new (shown->parent, shown->store, shown->node, &shown->obligation);
  impact_show_undo_toast (shown->parent, _ ("Contract saved"), G_CALLBACK (on_undo_contract_cb), before,
                          (GDestroyNotify) contract_state_free);
  g_signal_emit_by_name (shown->parent, "changed");
}

static void
on_kind_changed_cb (GtkDropDown *kind,
                    GParamSpec *pspec,
                    gpointer user_data)
{
  GtkWidget *grid = user_data;
  guint selected = gtk_drop_down_get_selected (kind);

  gtk_widget_set_sensitive (g_object_get_data (G_OBJECT (grid), "percent"), selected == IMPACT_SROI_PERCENT);
  gtk_widget_set_sensitive (g_object_get_data (G_OBJECT (grid), "cap"), selected == IMPACT_SROI_PERCENT);
  gtk_widget_set_sensitive (g_object_get_data (G_OBJECT (grid), "fixed"), selected == IMPACT_SROI_FIXED);
}

static void
free_state_closure (gpointer data,
                    GClosure *closure)
{
  contract_state_free (data);
}

/* Asks for the data and obligation of the contract of @row and saves them in @store, with
 * Undo; @parent (a widget with a "changed" signal) emits "changed" after each change. */
void
impact_contract_dialog_present (GtkWidget *parent,
                                ImpactStore *store,
                                const ImpactSroiRow *row)
{
  const ImpactSroiObligation *obligation;
  g_autoptr (GtkStringList) kinds = NULL;
  g_autoptr (GListStore) rule_names = NULL;
  g_autoptr (GPtrArray) rule_sets = NULL;
  g_autofree char *value = NULL, *start = NULL, *end = NULL, *percent = NULL, *cap = NULL, *fixed = NULL, *own = NULL;
  GtkWidget *grid, *kind, *rules;
  AdwMessageDialog *dialog;
  guint selected_rules = 0;

  g_return_if_fail (GTK_IS_WIDGET (parent));
  g_return_if_fail (IMPACT_IS_STORE (store));
  g_return_if_fail (row != NULL);

  obligation = &row->obligation;

  value = row->object->contract_value_cents >= 0 ? impact_format_money (row->object->contract_value_cents) : g_strdup ("");
  start = row->object->contract_start != 0 ? impact_day_to_iso (row->object->contract_start) : g_strdup ("");
  end = row->object->contract_end != 0 ? impact_day_to_iso (row->object->contract_end) : g_strdup ("");
  percent = obligation->kind == IMPACT_SROI_PERCENT ? g_strdup_printf ("%g", obligation->percent) : g_strdup ("5");
  cap = obligation->kind == IMPACT_SROI_PERCENT && obligation->cap_cents >= 0 ? impact_format_money (obligation->cap_cents)
                                                                              : g_strdup ("");
  fixed = obligation->kind == IMPACT_SROI_FIXED ? impact_format_money (obligation->fixed_cents) : g_strdup ("");
  own = g_strdup_printf ("%g", 100 * obligation->own_social_factor);

  grid = impact_form_grid_new ();
  impact_form_grid_add_entry (grid, _ ("C_lient"), row->object->client, _ ("The client the contract is with"), "client");
  impact_form_grid_add_entry (grid, _ ("Contract _value"), value, _ ("The contract value excluding VAT, in euros"), "value");
  impact_form_grid_add_entry (grid, _ ("_Start"), start, _ ("The first day of the contract (YYYY-MM-DD)"), "start");
  impact_form_grid_add_entry (grid, _ ("_End"), end, _ ("The last day of the contract (YYYY-MM-DD)"), "end");

  kinds = gtk_string_list_new ((const char *const[]){ _ ("None"), _ ("Percentage of the contract value"), _ ("Fixed amount"), NULL });
  kind = gtk_drop_down_new (G_LIST_MODEL (g_object_ref (kinds)), NULL);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (kind), obligation->kind);
  impact_form_grid_add (grid, _ ("_Obligation"), kind, "kind");
  impact_form_grid_add_entry (grid, _ ("_Percentage"), percent, _ ("The share of the contract value to spend on social return, in percent"),
                              "percent");
  impact_form_grid_add_entry (grid, _ ("_Cap"), cap, _ ("The most the obligation can be; empty for no cap"), "cap");
  impact_form_grid_add_entry (grid, _ ("_Fixed amount"), fixed, _ ("The obligation as an amount in euros"), "fixed");
  impact_form_grid_add_entry (grid, _ ("Own social _company counts for"), own,
                              _ ("The percentage of purchases at the group’s own social company that counts, as the contract says"), "own");

  rule_names = g_list_store_new (GTK_TYPE_STRING_OBJECT);
  rule_sets = impact_store_list_rule_sets (store, NULL);
  for (guint i = 0; rule_sets != NULL && i < rule_sets->len; i++)
    {
      const ImpactSroiRules *rule_set = g_ptr_array_index (rule_sets, i);
      g_autoptr (GtkStringObject) name = NULL;

      /* One entry per name: the versions are chosen by the contract's start. */
      if (i > 0 && g_str_equal (rule_set->name, ((ImpactSroiRules *) g_ptr_array_index (rule_sets, i - 1))->name))
        continue;
      name = gtk_string_object_new (impact_sroi_rule_set_to_string (rule_set->name));
      g_object_set_data_full (G_OBJECT (name), "name", g_strdup (rule_set->name), g_free);
      if (g_strcmp0 (rule_set->name, obligation->rule_set) == 0)
        selected_rules = g_list_model_get_n_items (G_LIST_MODEL (rule_names));
      g_list_store_append (rule_names, name);
    }
  rules = gtk_drop_down_new (G_LIST_MODEL (g_object_ref (rule_names)),
                             gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string"));
  gtk_drop_down_set_selected (GTK_DROP_DOWN (rules), selected_rules);
  impact_form_grid_add (grid, _ ("_Rule set"), rules, "rules");

  g_signal_connect (kind, "notify::selected", G_CALLBACK (on_kind_changed_cb), grid);
  on_kind_changed_cb (GTK_DROP_DOWN (kind), NULL, grid);

  dialog = impact_form_dialog_new (parent, _ ("Edit Contract"), row->object->name, grid, "save", _ ("_Save"));
  g_signal_connect_data (dialog, "response", G_CALLBACK (on_contract_response_cb),
                         contract_state_new (parent, store, row->object, &row->obligation), free_state_closure, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}
