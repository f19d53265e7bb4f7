/* impact-contract-section.c: one contract's data and what was realised otherwise
 *
 * On an object's page: the client, contract value, term, social-return obligation, how its
 * purchases count and the rule set; and the social return realised otherwise than by
 * purchasing (people placed, training places), which can be added and removed, each with
 * Undo. Every change is saved at once and emits "changed".
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "impact-contract-section"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "impact-contract-section.h"
#include "import/impact-parse.h"
#include "model/impact-format.h"
#include "storage/impact-store-sroi.h"
#include "util/impact-dialogs.h"

struct _ImpactContractSection
{
  AdwBin parent_instance;

  /* Template widgets */
  AdwActionRow *client_row;
  AdwActionRow *value_row;
  AdwActionRow *term_row;
  AdwActionRow *obligation_row;
  AdwActionRow *purchases_row;
  AdwActionRow *rules_row;
  GtkListBox *entries_list;

  ImpactStore *store;
  /* Borrowed from the panel between two impact_contract_section_show() calls. */
  const ImpactNode *node;
  const ImpactSroiOverview *sroi;
};

enum
{
  SIGNAL_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (ImpactContractSection, impact_contract_section, ADW_TYPE_BIN)

/* The contract shown, or NULL when the page is not an object's. */
const ImpactSroiRow *
impact_contract_section_get_contract (ImpactContractSection *self)
{
  g_return_val_if_fail (IMPACT_IS_CONTRACT_SECTION (self), NULL);

  if (self->node == NULL || self->node->level != IMPACT_NODE_OBJECT || self->sroi == NULL || self->sroi->rows->len != 1)
    return NULL;
  return g_ptr_array_index (self->sroi->rows, 0);
}

static void
emit_changed (ImpactContractSection *self)
{
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

static void
on_delete_entry_cb (GtkButton *button,
                    gpointer user_data);

static char *
obligation_text (const ImpactSroiObligation *obligation,
                 gint64 obligation_cents)
{
  g_autofree char *amount = impact_format_money (obligation_cents);

  switch (obligation->kind)
    {
    case IMPACT_SROI_PERCENT:
      if (obligation->cap_cents >= 0)
        {
          g_autofree char *cap = impact_format_money (obligation->cap_cents);

          /* Translators: an obligation, as in "2.0% of the contract value, at most EUR 300,000.00: EUR 240,000.00". */
          return g_strdup_printf (_ ("%.1f%% of the contract value, at most %s: %s"), obligation->percent, cap, amount);
        }
      /* Translators: an obligation, as in "5.0% of the contract value: EUR 150,000.00". */
      return g_strdup_printf (_ ("%.1f%% of the contract value: %s"), obligation->percent, amount);
    case IMPACT_SROI_FIXED:
      /* Translators: an obligation of a fixed amount, as in "A fixed EUR 50,000.00". */
      return g_strdup_printf (_ ("A fixed %s"), amount);
    case IMPACT_SROI_NONE:
    default:
      return g_strdup (_ ("None"));
    }
}

/* Why the purchases realise what they do: the contract's spend within its term per class,
 * each with the factor it counts at, strongest class first. */
static char *
purchases_text (const ImpactSroiRow *row)
{
  g_autoptr (GString) text = g_string_new (NULL);
  gint64 total = 0;

  for (guint k = 0; k < IMPACT_N_SOCIAL_CLASSES; k++)
    total += row->by_class[k];
  {
    g_autofree char *money = impact_format_money (total);

    /* Translators: the start of the purchases of a contract's term, as in "EUR 120,000.00 in all". */
    g_string_append_printf (text, _ ("%s in all"), money);
  }
  for (guint k = IMPACT_N_SOCIAL_CLASSES; k-- > 0;)
    {
      double factor = k == IMPACT_SOCIAL_CLASS_OWN_SOCIAL ? row->obligation.own_social_factor : row->rules.factors[k];
      g_autofree char *money = NULL;

      if (row->by_class[k] == 0)
        continue;
      money = impact_format_money (row->by_class[k]);
      g_string_append (text, "; ");
      /* Translators: spend of one class and how it counts, as in "Sheltered employment (SW) EUR 5,000.00, counted at 100%". */
      g_string_append_printf (text, _ ("%s %s, counted at %.0f%%"), impact_social_class_to_string (k), money, 100 * factor);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* Shows the contract of @sroi, the overview of one object: @sroi is the panel's and must stay
 * until the next call. */
void
impact_contract_section_show (ImpactContractSection *self,
                              const ImpactNode *node,
                              const ImpactSroiOverview *sroi)
{
  const ImpactSroiRow *row;
  g_autoptr (GPtrArray) entries = NULL;
  g_autoptr (GError) error = NULL;

  g_return_if_fail (IMPACT_IS_CONTRACT_SECTION (self));

  self->node = node;
  self->sroi = sroi;
  row = impact_contract_section_get_contract (self);
  if (row == NULL)
    return;

  adw_action_row_set_subtitle (self->client_row, row->object->client != NULL ? row->object->client : _ ("Not known"));
  {
    g_autofree char *value = row->object->contract_value_cents >= 0 ? impact_format_money (row->object->contract_value_cents)
                                                                    : g_strdup (_ ("Not known"));

    adw_action_row_set_subtitle (self->value_row, value);
  }
  {
    g_autofree char *start = impact_format_day (row->object->contract_start);
    g_autofree char *end = impact_format_day (row->object->contract_end);
    /* Translators: a contract's term, as in "15 Mar 2025 to 14 Mar 2026". */
    g_autofree char *term = row->object->contract_start != 0 && row->object->contract_end != 0
                                ? g_strdup_printf (_ ("%s to %s"), start, end)
                                : g_strdup (_ ("Not known: realisation is counted without limits and not projected"));

    adw_action_row_set_subtitle (self->term_row, term);
  }
  {
    g_autofree char *obligation = obligation_text (&row->obligation, row->result.obligation_cents);

    if (row->obligation.own_social_factor > 0)
      {
        /* Translators: added to an obligation: how the group's own social company counts, as in "; own social company at 50%". */
        g_autofree char *own = g_strdup_printf (_ ("; own social company at %.0f%%"), 100 * row->obligation.own_social_factor);
        g_autofree char *both = g_strconcat (obligation, own, NULL);

        adw_action_row_set_subtitle (self->obligation_row, both);
      }
    else
      adw_action_row_set_subtitle (self->obligation_row, obligation);
  }
  {
    g_autofree char *why = purchases_text (row);

    adw_action_row_set_subtitle (self->purchases_row, why);
  }
  {
    g_autofree char *from = impact_format_day (row->rules.valid_from);
    /* Translators: a rule set and the day its version starts, as in "Regio Noord, version of 1 Jan 2020". */
    g_autofree char *rules = row->rules.valid_from > 1 ? g_strdup_printf (_ ("%s, version of %s"),
                                                                          impact_sroi_rule_set_to_string (row->rules.name), from)
                                                       : g_strdup (impact_sroi_rule_set_to_string (row->rules.name));

    adw_action_row_set_subtitle (self->rules_row, rules);
  }

  impact_list_box_clear (self->entries_list);
  entries = self->store != NULL ? impact_store_list_sroi_entries (self->store, row->object->id, &error) : NULL;
  if (entries == NULL || entries->len == 0)
    {
      impact_list_box_add_placeholder (self->entries_list, _ ("Nothing recorded yet"));
      if (error != NULL)
        g_warning ("Could not read the realisation of %s: %s", row->object->code, error->message);
      return;
    }
  for (guint i = 0; i < entries->len; i++)
    {
      const ImpactSroiEntry *entry = g_ptr_array_index (entries, i);
      GtkWidget *entry_row = adw_action_row_new ();
      g_autofree char *day = impact_format_day (entry->day);
      g_autofree char *money = impact_format_money (entry->amount_cents);
      GtkWidget *amount = gtk_label_new (money);
      GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
      g_autofree char *remove_label = g_strdup_printf (_ ("Remove “%s”"), entry->description);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (entry_row), entry->description);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (entry_row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (entry_row), day);
      gtk_widget_add_css_class (amount, "numeric");
      adw_action_row_add_suffix (ADW_ACTION_ROW (entry_row), amount);
      gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (remove, "flat");
      gtk_widget_set_tooltip_text (remove, remove_label);
      gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL, remove_label, -1);
      g_object_set_data (G_OBJECT (remove), "entry-id", GSIZE_TO_POINTER ((gsize) entry->id));
      g_signal_connect (remove, "clicked", G_CALLBACK (on_delete_entry_cb), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (entry_row), remove);
      gtk_list_box_append (self->entries_list, entry_row);
    }
}

typedef struct
{
  ImpactContractSection *self;
  ImpactSroiEntry entry;
} EntryState;

static void
entry_state_free (EntryState *state)
{
  g_object_unref (state->self);
  g_free (state->entry.description);
  g_free (state);
}

static void
on_undo_add_entry_cb (AdwToast *toast,
                      gpointer user_data)
{
  EntryState *state = user_data;
  g_autoptr (GError) error = NULL;

  if (!impact_store_delete_sroi_entry (state->self->store, state->entry.id, &error))
    impact_show_failure (GTK_WIDGET (state->self), _ ("The Change Was Not Undone"), error->message);
  else
    emit_changed (state->self);
}

static void
on_undo_delete_entry_cb (AdwToast *toast,
                         gpointer user_data)
{
  EntryState *state = user_data;
  g_autoptr (GError) error = NULL;

  if (impact_store_add_sroi_entry (state->self->store, &state->entry, &error) == 0)
    impact_show_failure (GTK_WIDGET (state->self), _ ("The Change Was Not Undone"), error->message);
  else
    emit_changed (state->self);
}

static void
on_entry_response_cb (AdwMessageDialog *dialog,
                      const char *response,
                      gpointer user_data)
{
  g_autoptr (ImpactContractSection) self = user_data;
  const ImpactSroiRow *row = impact_contract_section_get_contract (self);
  g_autoptr (GError) error = NULL;
  EntryState *state;
  const char *problem = NULL;
  ImpactSroiEntry entry = { 0 };

  if (!g_str_equal (response, "add") || row == NULL || self->store == NULL)
    return;

  entry.object_id = row->object->id;
  entry.day = impact_day_from_iso (impact_form_grid_get_text (dialog, "day"));
  entry.description = (char *) impact_form_grid_get_text (dialog, "description");
  if (entry.day == 0)
    problem = _ ("Write the date as YYYY-MM-DD, for example 2025-06-30.");
  else if (!impact_parse_amount_in_locale (impact_form_grid_get_text (dialog, "amount"), &entry.amount_cents))
    problem = _ ("The amount is not an amount, for example 12.500,00.");
  if (problem != NULL)
    {
      impact_show_failure (GTK_WIDGET (self), _ ("The Realisation Was Not Added"), problem);
      return;
    }

  entry.id = impact_store_add_sroi_entry (self->store, &entry, &error);
  if (entry.id == 0)
    {
      impact_show_failure (GTK_WIDGET (self), _ ("The Realisation Was Not Added"), error->message);
      return;
    }
  state = g_new0 (EntryState, 1);
  state->self = g_object_ref (self);
  state->entry = entry;
  state->entry.description = g_strdup (entry.description);
  impact_show_undo_toast (GTK_WIDGET (self), _ ("Realisation added"), G_CALLBACK (on_undo_add_entry_cb), state, (GDestroyNotify) entry_state_free);
  emit_changed (self);
}

static void
add_entry_action (GtkWidget *widget,
                  const char *action_name,
                  GVariant *parameter)
{
  ImpactContractSection *self = IMPACT_CONTRACT_SECTION (widget);
  const ImpactSroiRow *row = impact_contract_section_get_contract (self);
  g_autofree char *today = impact_day_to_iso (impact_day_today ());
  AdwMessageDialog *dialog;
  GtkWidget *grid;

  if (row == NULL)
    return;

  grid = impact_form_grid_new ();
  impact_form_grid_add_entry (grid, _ ("_What"), NULL, _ ("What was realised, for example “2 people from the target group placed”"),
                              "description");
  impact_form_grid_add_entry (grid, _ ("_Date"), today, _ ("When it was realised (YYYY-MM-DD)"), "day");
  impact_form_grid_add_entry (grid, _ ("_Amount"), NULL, _ ("What it counts for, in euros, as the client agreed"), "amount");

  dialog = impact_form_dialog_new (GTK_WIDGET (self), _ ("Add Realisation"), row->object->name, grid, "add", _ ("_Add"));
  g_signal_connect (dialog, "response", G_CALLBACK (on_entry_response_cb), g_object_ref (self));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_delete_entry_cb (GtkButton *button,
                    gpointer user_data)
{
  ImpactContractSection *self = user_data;
  const ImpactSroiRow *row = impact_contract_section_get_contract (self);
  gint64 entry_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "entry-id"));
  g_autoptr (GPtrArray) entries = NULL;
  g_autoptr (GError) error = NULL;

  if (row == NULL || self->store == NULL)
    return;

  entries = impact_store_list_sroi_entries (self->store, row->object->id, &error);
  for (guint i = 0; entries != NULL && i < entries->len; i++)
    {
      ImpactSroiEntry *entry = g_ptr_array_index (entries, i);
      EntryState *state;

      if (entry->id != entry_id)
        continue;
      if (!impact_store_delete_sroi_entry (self->store, entry_id, &error))
        break;
      state = g_new0 (EntryState, 1);
      state->self = g_object_ref (self);
      state->entry = *entry;
      state->entry.description = g_strdup (entry->description);
      impact_show_undo_toast (GTK_WIDGET (self), _ ("Realisation removed"), G_CALLBACK (on_undo_delete_entry_cb), state,
                              (GDestroyNotify) entry_state_free);
      emit_changed (self);
      return;
    }
  if (error != NULL)
    impact_show_failure (GTK_WIDGET (self), _ ("The Realisation Was Not Removed"), error->message);
}

void
impact_contract_section_set_store (ImpactContractSection *self,
                                   ImpactStore *store)
{
  g_return_if_fail (IMPACT_IS_CONTRACT_SECTION (self));

  g_set_object (&self->store, store);
}

static void
impact_contract_section_dispose (GObject *object)
{
  ImpactContractSection *self = IMPACT_CONTRACT_SECTION (object);

  g_clear_object (&self->store);
  gtk_widget_dispose_template (GTK_WIDGET (self), IMPACT_TYPE_CONTRACT_SECTION);

  G_OBJECT_CLASS (impact_contract_section_parent_class)->dispose (object);
}

static void
impact_contract_section_class_init (ImpactContractSectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = impact_contract_section_dispose;

  /**
   * ImpactContractSection::changed:
   * The contract or its realisation was changed: the figures are out of date.
   */
  signals[SIGNAL_CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                          G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/impactdashboard/ImpactDashboard/impact-contract-section.ui");
  gtk_widget_class_bind_template_child (widget_class, ImpactContractSection, client_row);
  gtk_widget_class_bind_template_child (widget_class, ImpactContractSection, value_row);
  gtk_widget_class_bind_template_child (widget_class, ImpactContractSection, term_row);
  gtk_widget_class_bind_template_child (widget_class, ImpactContractSection, obligation_row);
  gtk_widget_class_bind_template_child (widget_class, ImpactContractSection, purchases_row);
  gtk_widget_class_bind_template_child (widget_class, ImpactContractSection, rules_row);
  gtk_widget_class_bind_template_child (widget_class, ImpactContractSection, entries_list);

  gtk_widget_class_install_action (widget_class, "contract.add-entry", NULL, add_entry_action);
}

static void
impact_contract_section_init (ImpactContractSection *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
