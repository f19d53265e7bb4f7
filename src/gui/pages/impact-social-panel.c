/* impact-social-panel.c: social return, the PSO estimate and expiring certificates of a node
 *
 * Below the dashboard's charts. For the group or a division: the social return (SROI) of its
 * contracts summed in a bullet chart (realised against the obligation, with the projection to
 * the contracts' ends), a sortable table of the contracts (a click opens one), the estimated
 * PSO contribution of its purchases, and the certificates that end soon with the spend at
 * risk. For a contract: the same bullet, the contract's data (Edit Contract…) and what was
 * realised otherwise than by purchasing. Every change is saved at once, says so in a toast
 * with Undo, and emits "changed" so that the page reads the figures again.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "impact-social-panel"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "charts/impact-chart-view.h"
#include "export/impact-table.h"
#include "impact-social-panel.h"
#include "impact-what-if-dialog.h"
#include "import/impact-parse.h"
#include "model/impact-format.h"
#include "storage/impact-store-sroi.h"
#include "util/impact-column-view.h"
#include "util/impact-dialogs.h"

/* One contract in the table. */
#define IMPACT_TYPE_SROI_ITEM (impact_sroi_item_get_type ())
G_DECLARE_FINAL_TYPE (ImpactSroiItem, impact_sroi_item, IMPACT, SROI_ITEM, GObject)

struct _ImpactSroiItem
{
  GObject parent_instance;

  gint64 object_id;
  char *label;
  char *division;
  ImpactSroiResult result;
};

G_DEFINE_FINAL_TYPE (ImpactSroiItem, impact_sroi_item, G_TYPE_OBJECT)

static void
impact_sroi_item_finalize (GObject *object)
{
  ImpactSroiItem *self = IMPACT_SROI_ITEM (object);

  g_free (self->label);
  g_free (self->division);

  G_OBJECT_CLASS (impact_sroi_item_parent_class)->finalize (object);
}

static void
impact_sroi_item_class_init (ImpactSroiItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = impact_sroi_item_finalize;
}

static void
impact_sroi_item_init (ImpactSroiItem *self)
{
}

enum
{
  COLUMN_CONTRACT,
  COLUMN_DIVISION,
  COLUMN_OBLIGATION,
  COLUMN_REALISED,
  COLUMN_SHARE,
  COLUMN_PROJECTED,
  COLUMN_STATUS,
  N_COLUMNS
};

struct _ImpactSocialPanel
{
  AdwBin parent_instance;

  /* Template widgets */
  AdwPreferencesGroup *sroi_group;
  GtkWidget *edit_contract_button;
  GtkLabel *sroi_headline;
  ImpactChartView *sroi_bullet;
  GtkLabel *sroi_detail;
  AdwPreferencesGroup *contract_group;
  AdwActionRow *client_row;
  AdwActionRow *value_row;
  AdwActionRow *term_row;
  AdwActionRow *obligation_row;
  AdwActionRow *purchases_row;
  AdwActionRow *rules_row;
  AdwPreferencesGroup *entries_group;
  GtkListBox *entries_list;
  AdwPreferencesGroup *divisions_group;
  GtkListBox *divisions_list;
  AdwPreferencesGroup *objects_group;
  GtkColumnView *objects_view;
  AdwPreferencesGroup *opportunities_group;
  GtkListBox *opportunities_list;
  AdwPreferencesGroup *pso_group;
  GtkWidget *edit_pso_button;
  AdwActionRow *pso_organisation_row;
  AdwActionRow *pso_indirect_row;
  AdwActionRow *pso_total_row;
  AdwActionRow *pso_next_row;
  GtkLabel *pso_formula;
  AdwPreferencesGroup *expiring_group;
  GtkListBox *expiring_list;

  ImpactStore *store;
  ImpactNode *node;
  ImpactPeriod period;
  ImpactSroiOverview *sroi;
  ImpactPsoFigures *pso;
  GPtrArray *expiring;
  GListStore *items;
  GtkSingleSelection *selection;
  GtkColumnViewColumn *columns[N_COLUMNS];
};

enum
{
  SIGNAL_CHANGED,
  SIGNAL_OBJECT_ACTIVATED,
  SIGNAL_SUPPLIER_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (ImpactSocialPanel, impact_social_panel, ADW_TYPE_BIN)

/* --- text -------------------------------------------------------------------------------- */

static char *
format_percent (double value)
{
  if (isnan (value))
    return g_strdup ("—");
  /* Translators: a percentage, as in "60.0%". */
  return g_strdup_printf (_ ("%.1f%%"), value);
}

static char *
cell_text (gpointer data,
           guint column)
{
  ImpactSroiItem *item = data;

  switch (column)
    {
    case COLUMN_CONTRACT:
      return g_strdup (item->label);
    case COLUMN_DIVISION:
      return g_strdup (item->division != NULL ? item->division : "");
    case COLUMN_OBLIGATION:
      return item->result.status != IMPACT_SROI_STATUS_NONE ? impact_format_money (item->result.obligation_cents)
                                                            : g_strdup ("—");
    case COLUMN_REALISED:
      return impact_format_money (item->result.realised_purchases_cents + item->result.realised_manual_cents);
    case COLUMN_SHARE:
      return format_percent (item->result.realised_share);
    case COLUMN_PROJECTED:
      return item->result.status != IMPACT_SROI_STATUS_NONE ? impact_format_money (item->result.projected_cents)
                                                            : g_strdup ("—");
    case COLUMN_STATUS:
    default:
      return g_strdup (impact_sroi_status_to_string (item->result.status));
    }
}

/* Contracts at risk come first when sorted by status, then those that ended short, those not
 * started, on track, met, and last those without an obligation. */
static int
status_rank (ImpactSroiStatus status)
{
  switch (status)
    {
    case IMPACT_SROI_STATUS_AT_RISK:
      return 0;
    case IMPACT_SROI_STATUS_MISSED:
      return 1;
    case IMPACT_SROI_STATUS_NOT_STARTED:
      return 2;
    case IMPACT_SROI_STATUS_ON_TRACK:
      return 3;
    case IMPACT_SROI_STATUS_MET:
      return 4;
    case IMPACT_SROI_STATUS_NONE:
    default:
      return 5;
    }
}

#define CMP(a, b) ((a) < (b) ? -1 : (a) > (b))

static int
compare_items (gconstpointer a,
               gconstpointer b,
               gpointer user_data)
{
  const ImpactSroiItem *x = a, *y = b;
  double share_x = isnan (x->result.realised_share) ? -1 : x->result.realised_share;
  double share_y = isnan (y->result.realised_share) ? -1 : y->result.realised_share;

  switch (GPOINTER_TO_UINT (user_data))
    {
    case COLUMN_DIVISION:
      return g_utf8_collate (x->division != NULL ? x->division : "", y->division != NULL ? y->division : "");
    case COLUMN_OBLIGATION:
      return CMP (x->result.obligation_cents, y->result.obligation_cents);
    case COLUMN_REALISED:
      return CMP (x->result.realised_purchases_cents + x->result.realised_manual_cents,
                  y->result.realised_purchases_cents + y->result.realised_manual_cents);
    case COLUMN_SHARE:
      return CMP (share_x, share_y);
    case COLUMN_PROJECTED:
      return CMP (x->result.projected_cents, y->result.projected_cents);
    case COLUMN_STATUS:
      return CMP (status_rank (x->result.status), status_rank (y->result.status));
    case COLUMN_CONTRACT:
    default:
      return g_utf8_collate (x->label, y->label);
    }
}

#undef CMP

/* The status in red when at risk or not met, in green when met. */
static void
style_cell (GtkWidget *label,
            gpointer data,
            guint column)
{
  ImpactSroiItem *item = data;

  if (column != COLUMN_STATUS)
    return;
  gtk_widget_remove_css_class (label, "error");
  gtk_widget_remove_css_class (label, "success");
  if (item->result.status == IMPACT_SROI_STATUS_AT_RISK || item->result.status == IMPACT_SROI_STATUS_MISSED)
    gtk_widget_add_css_class (label, "error");
  else if (item->result.status == IMPACT_SROI_STATUS_MET)
    gtk_widget_add_css_class (label, "success");
}

static void
add_column (ImpactSocialPanel *self,
            guint column,
            const char *title,
            gboolean expand)
{
  self->columns[column] = impact_column_view_add_text_column (self->objects_view, title, column,
                                                              column >= COLUMN_OBLIGATION && column <= COLUMN_PROJECTED,
                                                              expand, cell_text, style_cell, compare_items);
}

/* --- showing ----------------------------------------------------------------------------- */

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static void
show_sroi_summary (ImpactSocialPanel *self)
{
  const ImpactSroiResult *total = &self->sroi->total;
  gboolean object = self->node->level == IMPACT_NODE_OBJECT;
  g_autoptr (ImpactChart) bullet = NULL;
  g_autofree char *today = impact_format_day (self->sroi->today);
  g_autofree char *headline = NULL;
  g_autoptr (GString) detail = g_string_new (NULL);

  if (total->status == IMPACT_SROI_STATUS_NONE)
    {
      gtk_label_set_text (self->sroi_headline, object ? _ ("No social-return obligation")
                                                      : _ ("No contract here has a social-return obligation"));
      gtk_label_set_text (self->sroi_detail, object ? _ ("Set one with Edit Contract… when the client asks for social return.")
                                                    : _ ("Obligations are set per contract: open a contract and choose Edit Contract…"));
      gtk_widget_set_visible (GTK_WIDGET (self->sroi_bullet), FALSE);
      return;
    }

  {
    g_autofree char *realised = impact_format_money (total->realised_purchases_cents + total->realised_manual_cents);
    g_autofree char *obligation = impact_format_money (total->obligation_cents);
    g_autofree char *share = format_percent (total->realised_share);

    /* Translators: the status, then realised against the obligation, as in
     * "At risk: EUR 3,000.00 of EUR 5,000.00 realised (60.0%)". */
    headline = g_strdup_printf (_ ("%s: %s of %s realised (%s)"), impact_sroi_status_to_string (total->status), realised,
                                obligation, share);
  }
  gtk_label_set_text (self->sroi_headline, headline);

  {
    g_autofree char *purchases = impact_format_money (total->realised_purchases_cents);
    g_autofree char *manual = impact_format_money (total->realised_manual_cents);
    g_autofree char *remaining = impact_format_money (total->remaining_cents);
    g_autofree char *projected = impact_format_money (total->projected_cents);

    /* Translators: how the realised amount is made up, as in "EUR 1,800.00 through purchases, EUR 1,200.00 otherwise". */
    g_string_append_printf (detail, _ ("%s through purchases, %s otherwise"), purchases, manual);
    g_string_append (detail, " · ");
    /* Translators: what is left of the obligation, as in "EUR 2,000.00 to go". */
    g_string_append_printf (detail, _ ("%s to go"), remaining);
    g_string_append (detail, " · ");
    /* Translators: the projection, as in "EUR 3,390.09 expected at the end at the pace so far". */
    g_string_append_printf (detail, _ ("%s expected at the end at the pace so far"), projected);
    g_string_append (detail, " · ");
    if (!object)
      {
        guint n_at_risk = 0;
        g_autofree char *count = impact_format_count (self->sroi->n_obligations);
        g_autofree char *risk = NULL;

        for (guint i = 0; i < self->sroi->rows->len; i++)
          if (((ImpactSroiRow *) g_ptr_array_index (self->sroi->rows, i))->result.status == IMPACT_SROI_STATUS_AT_RISK)
            n_at_risk++;
        risk = impact_format_count (n_at_risk);
        /* Translators: contracts with an obligation and how many are at risk, as in "139 contracts, 51 at risk". */
        g_string_append_printf (detail,
                                g_dngettext (GETTEXT_PACKAGE, "%s contract, %s at risk", "%s contracts, %s at risk",
                                             self->sroi->n_obligations),
                                count, risk);
        g_string_append (detail, " · ");
      }
    /* Translators: the day the figures are worked out for, as in "on 22 Nov 2026". */
    g_string_append_printf (detail, _ ("on %s"), today);
  }
  gtk_label_set_text (self->sroi_detail, detail->str);

  bullet = impact_chart_new (IMPACT_CHART_BULLET);
  impact_chart_add_item (bullet, _ ("Social return realised"))->share = total->realised_share;
  impact_chart_set_target (bullet, 100);
  impact_chart_set_projection (bullet, 100.0 * (double) total->projected_cents / (double) total->obligation_cents);
  impact_chart_view_set_chart (self->sroi_bullet, bullet);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->sroi_bullet), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _ ("Social return realised against the obligation"), -1);
  gtk_widget_set_visible (GTK_WIDGET (self->sroi_bullet), TRUE);
}

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

static void
on_delete_entry_cb (GtkButton *button,
                    gpointer user_data);

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

static void
show_contract (ImpactSocialPanel *self)
{
  const ImpactSroiRow *row = self->sroi->rows->len == 1 ? g_ptr_array_index (self->sroi->rows, 0) : NULL;
  g_autoptr (GPtrArray) entries = NULL;
  g_autoptr (GError) error = NULL;

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

  clear_list (self->entries_list);
  entries = self->store != NULL ? impact_store_list_sroi_entries (self->store, row->object->id, &error) : NULL;
  if (entries == NULL || entries->len == 0)
    {
      GtkWidget *empty = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (empty), _ ("Nothing recorded yet"));
      gtk_widget_add_css_class (empty, "dim-label");
      gtk_list_box_append (self->entries_list, empty);
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

static void
show_objects (ImpactSocialPanel *self)
{
  g_list_store_remove_all (self->items);
  for (guint i = 0; i < self->sroi->rows->len; i++)
    {
      const ImpactSroiRow *row = g_ptr_array_index (self->sroi->rows, i);
      g_autoptr (ImpactSroiItem) item = g_object_new (IMPACT_TYPE_SROI_ITEM, NULL);

      item->object_id = row->object->id;
      /* Translators: a contract in the table: its code and name, as in "SCH-101 · Gemeente Utrecht". */
      item->label = g_strdup_printf (_ ("%s · %s"), row->object->code, row->object->name);
      item->division = g_strdup (row->division_name);
      item->result = row->result;
      g_list_store_append (self->items, item);
    }
}

/* The group's social return summed per division (the rows come by division). */
static void
show_divisions (ImpactSocialPanel *self)
{
  guint i = 0;

  clear_list (self->divisions_list);
  while (i < self->sroi->rows->len)
    {
      const ImpactSroiRow *first = g_ptr_array_index (self->sroi->rows, i);
      ImpactSroiResult sum = { 0 };
      guint n_at_risk = 0, n = 0;
      GtkWidget *row;
      g_autofree char *text = NULL;

      for (; i < self->sroi->rows->len; i++)
        {
          const ImpactSroiRow *row_i = g_ptr_array_index (self->sroi->rows, i);

          if (g_strcmp0 (row_i->division_code, first->division_code) != 0)
            break;
          if (row_i->result.status == IMPACT_SROI_STATUS_NONE)
            continue;
          impact_sroi_result_add (&sum, &row_i->result);
          n++;
          if (row_i->result.status == IMPACT_SROI_STATUS_AT_RISK)
            n_at_risk++;
        }
      impact_sroi_result_finish_sum (&sum);
      if (n == 0)
        continue;

      {
        g_autofree char *realised = impact_format_money (sum.realised_purchases_cents + sum.realised_manual_cents);
        g_autofree char *obligation = impact_format_money (sum.obligation_cents);
        g_autofree char *count = impact_format_count (n);
        g_autofree char *risk = impact_format_count (n_at_risk);

        /* Translators: a division's social return, as in
         * "EUR 3,000.00 of EUR 5,000.00 (60.0%), on track · 12 contracts, 2 at risk". */
        text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s of %s (%.1f%%), %s · %s contract, %s at risk",
                                             "%s of %s (%.1f%%), %s · %s contracts, %s at risk", n),
                                realised, obligation, sum.realised_share, impact_sroi_status_to_string (sum.status), count,
                                risk);
      }
      row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), first->division_name != NULL ? first->division_name : "");
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), text);
      gtk_list_box_append (self->divisions_list, row);
    }
}

static void
set_row_value (AdwActionRow *row,
               const char *value)
{
  adw_action_row_set_subtitle (row, value);
}

static void
show_pso (ImpactSocialPanel *self)
{
  const ImpactPsoFigures *pso = self->pso;
  const ImpactPsoEstimate *estimate = &pso->estimate;
  g_autoptr (GString) formula = g_string_new (NULL);

  if (!(pso->fte > 0))
    {
      set_row_value (self->pso_organisation_row,
                     self->node->level == IMPACT_NODE_GROUP ? _ ("FTE not known: set them per division, or for the group, with FTE…")
                                                            : _ ("FTE not known: set them with FTE…"));
      set_row_value (self->pso_indirect_row, "—");
      set_row_value (self->pso_total_row, "—");
      set_row_value (self->pso_next_row, "—");
    }
  else
    {
      g_autofree char *fte = g_strdup_printf ("%.0f", pso->fte);
      /* Translators: FTE and direct social share, as in "239 FTE, 1.75% direct". */
      g_autofree char *organisation = g_strdup_printf (_ ("%s FTE, %.2f%% direct"), fte, estimate->direct_share);
      g_autofree char *indirect = g_strdup_printf (estimate->capped ? _ ("%.2f FTE, %.2f%%, capped at 4 × the direct share")
                                                                    : _ ("%.2f FTE, %.2f%%"),
                                                   estimate->indirect_fte, estimate->indirect_share);
      g_autofree char *total = estimate->trede > 0 ? g_strdup_printf (_ ("%.2f%%: trede %u"), estimate->total_share, estimate->trede)
                                                   : g_strdup_printf (_ ("%.2f%%: below trede 1"), estimate->total_share);
      g_autofree char *next = NULL;

      if (estimate->trede >= pso->norms.n_treden)
        next = g_strdup (_ ("The top trede is reached"));
      else if (estimate->extra_spend_next_trede_cents >= 0)
        {
          g_autofree char *money = impact_format_money (estimate->extra_spend_next_trede_cents);

          /* Translators: the gap to the next trede, as in "Trede 2: EUR 3,196,732.26 more at an average certified supplier". */
          next = g_strdup_printf (_ ("Trede %u: %s more at an average certified supplier"), estimate->trede + 1, money);
        }
      else
        /* Translators: the next trede cannot be reached by buying more, as in "Trede 3: not within reach through purchasing". */
        next = g_strdup_printf (_ ("Trede %u: not within reach through purchasing"), estimate->trede + 1);

      set_row_value (self->pso_organisation_row, organisation);
      set_row_value (self->pso_indirect_row, indirect);
      set_row_value (self->pso_total_row, total);
      set_row_value (self->pso_next_row, next);
    }

  g_string_append (formula, _ ("An estimate, not a PSO assessment. Per PSO-certified supplier or SW company: "
                               "iFTE = spend ÷ turnover × FTE × direct share; indirect share = ΣiFTE ÷ (FTE + ΣiFTE), "
                               "at most 4 × the direct share."));
  g_string_append_c (formula, ' ');
  /* Translators: the PSO norms, as in "Norms: trede 1 1.4%, trede 2 1.9%, trede 3 3.7%." */
  g_string_append_printf (formula, _ ("Norms: trede 1 %.1f%%, trede 2 %.1f%%, trede 3 %.1f%%."), pso->norms.norms[0],
                          pso->norms.norms[1], pso->norms.norms[2]);
  if (pso->n_without_data > 0)
    {
      g_autofree char *count = impact_format_count (pso->n_without_data);

      g_string_append_c (formula, ' ');
      g_string_append_printf (formula,
                              g_dngettext (GETTEXT_PACKAGE,
                                           "%s supplier bought from has no turnover and FTE in the register and counts as 0.",
                                           "%s suppliers bought from have no turnover and FTE in the register and count as 0.",
                                           pso->n_without_data),
                              count);
    }
  gtk_label_set_text (self->pso_formula, formula->str);
}

static void
on_expiring_activated_cb (AdwActionRow *row,
                          gpointer user_data)
{
  g_signal_emit (user_data, signals[SIGNAL_SUPPLIER_ACTIVATED], 0, adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)));
}

static void
show_expiring (ImpactSocialPanel *self,
               GPtrArray *expiring,
               guint horizon,
               guint32 today)
{
  g_autofree char *description = g_strdup_printf (
      g_dngettext (GETTEXT_PACKAGE, "Ending within %u day, with the spend of the last 12 months at each supplier",
                   "Ending within %u days, with the spend of the last 12 months at each supplier", horizon),
      horizon);

  adw_preferences_group_set_description (self->expiring_group, description);
  clear_list (self->expiring_list);
  if (expiring->len == 0)
    {
      GtkWidget *empty = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (empty), _ ("No certificate ends soon"));
      gtk_widget_add_css_class (empty, "dim-label");
      gtk_list_box_append (self->expiring_list, empty);
      return;
    }

  for (guint i = 0; i < expiring->len; i++)
    {
      const ImpactExpiring *item = g_ptr_array_index (expiring, i);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *until = impact_format_day (item->valid_until);
      g_autofree char *money = impact_format_money (item->spend_at_risk_cents);
      g_autofree char *subtitle = NULL;
      /* Translators: the spend of the last 12 months at a supplier whose certificate ends, as in "EUR 1,234.00 at risk". */
      g_autofree char *at_risk = g_strdup_printf (_ ("%s at risk"), money);
      GtkWidget *amount = gtk_label_new (at_risk);
      gint64 days = (gint64) item->valid_until - today;

      if (days < 0)
        /* Translators: a status that has ended, as in "PSO level 2 ended on 31 May 2026". */
        subtitle = g_strdup_printf (_ ("%s ended on %s"), impact_social_class_to_string (item->kind), until);
      else
        {
          g_autofree char *count = impact_format_count (days);

          /* Translators: a status that ends soon, as in "PSO level 2 until 31 May 2026, in 9 days". */
          subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s until %s, in %s day", "%s until %s, in %s days",
                                                   (gulong) days),
                                      impact_social_class_to_string (item->kind), until, count);
        }
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), item->supplier);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_widget_add_css_class (amount, "numeric");
      if (days <= 30)
        gtk_widget_add_css_class (amount, "warning");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), amount);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      gtk_widget_set_tooltip_text (row, _ ("Show this supplier and its statuses"));
      g_signal_connect (row, "activated", G_CALLBACK (on_expiring_activated_cb), self);
      gtk_list_box_append (self->expiring_list, row);
    }
}

static void
on_opportunity_activated_cb (AdwActionRow *row,
                             gpointer user_data)
{
  g_signal_emit (user_data, signals[SIGNAL_SUPPLIER_ACTIVATED], 0, g_object_get_data (G_OBJECT (row), "supplier"));
}

static void
show_opportunities (ImpactSocialPanel *self,
                    GPtrArray *opportunities)
{
  guint32 today = impact_day_today ();

  clear_list (self->opportunities_list);
  gtk_widget_set_visible (GTK_WIDGET (self->opportunities_group), opportunities->len > 0);
  for (guint i = 0; i < opportunities->len; i++)
    {
      const ImpactOpportunity *opportunity = g_ptr_array_index (opportunities, i);
      ImpactEngagement engagement = { opportunity->supplier_id, opportunity->engagement, opportunity->target_day, NULL, NULL };
      GtkWidget *row = adw_expander_row_new ();
      GtkWidget *open = adw_action_row_new ();
      g_autofree char *money = impact_format_money (opportunity->spend_cents);
      g_autoptr (GString) subtitle = g_string_new (money);
      GtkWidget *state = gtk_label_new (impact_engagement_status_to_string (opportunity->engagement));

      if (opportunity->category != NULL)
        g_string_append_printf (subtitle, " · %s", opportunity->category);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), opportunity->name);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), subtitle->str);
      gtk_widget_set_valign (state, GTK_ALIGN_CENTER);
      if (impact_engagement_is_overdue (&engagement, today))
        gtk_widget_add_css_class (state, "error");
      else
        gtk_widget_add_css_class (state, "dim-label");
      adw_expander_row_add_action (ADW_EXPANDER_ROW (row), state);

      for (guint j = 0; j < opportunity->suggestions->len; j++)
        {
          const ImpactSuggestion *suggestion = g_ptr_array_index (opportunity->suggestions, j);
          g_autofree char *group_money = impact_format_money (suggestion->group_spend_cents);
          /* Translators: a social supplier suggested instead, as in "Sheltered employment (SW), EUR 12,345.00 across the group". */
          g_autofree char *text = g_strdup_printf (_ ("%s, %s across the group"),
                                                   impact_social_class_to_string (suggestion->klass), group_money);
          GtkWidget *suggestion_row = adw_action_row_new ();

          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (suggestion_row), suggestion->name);
          adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (suggestion_row), FALSE);
          adw_action_row_set_subtitle (ADW_ACTION_ROW (suggestion_row), text);
          adw_expander_row_add_row (ADW_EXPANDER_ROW (row), suggestion_row);
        }
      if (opportunity->suggestions->len == 0)
        {
          GtkWidget *none = adw_action_row_new ();

          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (none),
                                         _ ("The group buys this from no social supplier yet"));
          gtk_widget_add_css_class (none, "dim-label");
          adw_expander_row_add_row (ADW_EXPANDER_ROW (row), none);
        }

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (open), _ ("Engagement and Letters…"));
      adw_action_row_add_suffix (ADW_ACTION_ROW (open), gtk_image_new_from_icon_name ("go-next-symbolic"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (open), TRUE);
      g_object_set_data_full (G_OBJECT (open), "supplier", g_strdup (opportunity->name), g_free);
      g_signal_connect (open, "activated", G_CALLBACK (on_opportunity_activated_cb), self);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row), open);
      gtk_list_box_append (self->opportunities_list, row);
    }
}

/* Shows the figures of @node; takes @sroi, @pso (NULL for an object) and @expiring. */
void
impact_social_panel_show (ImpactSocialPanel *self,
                          const ImpactNode *node,
                          const ImpactPeriod *period,
                          ImpactSroiOverview *sroi,
                          ImpactPsoFigures *pso,
                          GPtrArray *expiring,
                          GPtrArray *opportunities,
                          guint horizon)
{
  gboolean object;

  g_return_if_fail (IMPACT_IS_SOCIAL_PANEL (self));
  g_return_if_fail (node != NULL && sroi != NULL && expiring != NULL && opportunities != NULL);

  g_clear_pointer (&self->node, impact_node_free);
  g_clear_pointer (&self->sroi, impact_sroi_overview_free);
  g_clear_pointer (&self->pso, impact_pso_figures_free);
  self->node = impact_node_copy (node);
  self->period = *period;
  self->sroi = sroi;
  self->pso = pso;
  object = node->level == IMPACT_NODE_OBJECT;

  show_sroi_summary (self);
  gtk_widget_set_visible (self->edit_contract_button, object);
  gtk_widget_set_visible (GTK_WIDGET (self->contract_group), object);
  gtk_widget_set_visible (GTK_WIDGET (self->entries_group), object);
  gtk_widget_set_visible (GTK_WIDGET (self->objects_group), !object && sroi->rows->len > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->divisions_group), node->level == IMPACT_NODE_GROUP && sroi->n_obligations > 0);
  if (node->level == IMPACT_NODE_GROUP)
    show_divisions (self);
  gtk_widget_set_visible (GTK_WIDGET (self->pso_group), pso != NULL);
  if (object)
    show_contract (self);
  else
    show_objects (self);
  if (pso != NULL)
    show_pso (self);
  show_expiring (self, expiring, horizon, sroi->today);
  g_clear_pointer (&self->expiring, g_ptr_array_unref);
  self->expiring = expiring;
  show_opportunities (self, opportunities);
  g_ptr_array_unref (opportunities);
}

/* Brings the list of certificates that end soon into view, its first row focused. */
void
impact_social_panel_focus_expiring (ImpactSocialPanel *self)
{
  GtkWidget *first;

  g_return_if_fail (IMPACT_IS_SOCIAL_PANEL (self));

  first = gtk_widget_get_first_child (GTK_WIDGET (self->expiring_list));
  if (first != NULL)
    gtk_widget_grab_focus (first);
}

guint
impact_social_panel_get_n_contracts (ImpactSocialPanel *self)
{
  g_return_val_if_fail (IMPACT_IS_SOCIAL_PANEL (self), 0);

  return g_list_model_get_n_items (G_LIST_MODEL (self->selection));
}

/* Opens the contract at @position of the table as it is sorted, as a click does. */
gboolean
impact_social_panel_activate_contract (ImpactSocialPanel *self,
                                       guint position)
{
  g_autoptr (ImpactSroiItem) item = NULL;

  g_return_val_if_fail (IMPACT_IS_SOCIAL_PANEL (self), FALSE);

  item = g_list_model_get_item (G_LIST_MODEL (self->selection), position);
  if (item == NULL)
    return FALSE;
  g_signal_emit (self, signals[SIGNAL_OBJECT_ACTIVATED], 0, item->object_id);
  return TRUE;
}

static void
on_objects_activate_cb (GtkColumnView *view,
                        guint position,
                        gpointer user_data)
{
  impact_social_panel_activate_contract (IMPACT_SOCIAL_PANEL (user_data), position);
}

/* --- changes ----------------------------------------------------------------------------- */

/* A toast on the window's overlay; with @undo, an Undo button that calls it. */
static void
emit_changed (ImpactSocialPanel *self)
{
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

static ImpactSroiRow *
shown_contract (ImpactSocialPanel *self)
{
  if (self->node == NULL || self->node->level != IMPACT_NODE_OBJECT || self->sroi == NULL || self->sroi->rows->len != 1)
    return NULL;
  return g_ptr_array_index (self->sroi->rows, 0);
}

/* A contract as it was: for Undo. */
typedef struct
{
  ImpactSocialPanel *self;
  ImpactNode *node;
  ImpactSroiObligation obligation;
} ContractState;

static void
contract_state_free (ContractState *state)
{
  g_object_unref (state->self);
  impact_node_free (state->node);
  impact_sroi_obligation_clear (&state->obligation);
  g_free (state);
}

static gboolean
save_contract (ImpactSocialPanel *self,
               const ImpactNode *node,
               const ImpactSroiObligation *obligation,
               GError **error)
{
  if (!impact_store_begin (self->store, error))
    return FALSE;
  if (!impact_store_update_node (self->store, node, error)
      || !impact_store_set_sroi_obligation (self->store, node->id, obligation, error)
      || !impact_store_commit (self->store, error))
    {
      impact_store_rollback (self->store);
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

  if (!save_contract (state->self, state->node, &state->obligation, &error))
    impact_show_failure (GTK_WIDGET (state->self), _ ("The Change Was Not Undone"), error->message);
  else
    emit_changed (state->self);
}

static void
on_contract_response_cb (AdwMessageDialog *dialog,
                         const char *response,
                         gpointer user_data)
{
  g_autoptr (ImpactSocialPanel) self = user_data;
  ImpactSroiRow *row = shown_contract (self);
  GtkWidget *grid = adw_message_dialog_get_extra_child (dialog);
  g_autoptr (ImpactNode) node = NULL;
  g_autoptr (GError) error = NULL;
  ImpactSroiObligation obligation = { 0 };
  ContractState *before;
  const char *text;
  double number;
  const char *problem = NULL;

  if (!g_str_equal (response, "save") || row == NULL || self->store == NULL)
    return;

  node = impact_node_copy (row->object);
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
  obligation.rule_set = row->obligation.rule_set;
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
      impact_show_failure (GTK_WIDGET (self), _ ("The Contract Was Not Saved"), problem);
      return;
    }

  before = g_new0 (ContractState, 1);
  before->self = g_object_ref (self);
  before->node = impact_node_copy (row->object);
  before->obligation = row->obligation;
  before->obligation.rule_set = g_strdup (row->obligation.rule_set);
  if (!save_contract (self, node, &obligation, &error))
    {
      contract_state_free (before);
      impact_show_failure (GTK_WIDGET (self), _ ("The Contract Was Not Saved"), error->message);
      return;
    }
  impact_show_undo_toast (GTK_WIDGET (self), _ ("Contract saved"), G_CALLBACK (on_undo_contract_cb), before, (GDestroyNotify) contract_state_free);
  emit_changed (self);
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
edit_contract_action (GtkWidget *widget,
                      const char *action_name,
                      GVariant *parameter)
{
  ImpactSocialPanel *self = IMPACT_SOCIAL_PANEL (widget);
  ImpactSroiRow *row = shown_contract (self);
  const ImpactSroiObligation *obligation;
  g_autoptr (GtkStringList) kinds = NULL;
  g_autoptr (GListStore) rule_names = NULL;
  g_autoptr (GPtrArray) rule_sets = NULL;
  g_autofree char *value = NULL, *start = NULL, *end = NULL, *percent = NULL, *cap = NULL, *fixed = NULL, *own = NULL;
  GtkWidget *grid, *kind, *rules;
  AdwMessageDialog *dialog;
  guint selected_rules = 0;

  if (row == NULL || self->store == NULL)
    return;
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
  rule_sets = impact_store_list_rule_sets (self->store, NULL);
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

  dialog = impact_form_dialog_new (GTK_WIDGET (self), _ ("Edit Contract"), row->object->name, grid, "save", _ ("_Save"));
  g_signal_connect (dialog, "response", G_CALLBACK (on_contract_response_cb), g_object_ref (self));
  gtk_window_present (GTK_WINDOW (dialog));
}

typedef struct
{
  ImpactSocialPanel *self;
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
  g_autoptr (ImpactSocialPanel) self = user_data;
  ImpactSroiRow *row = shown_contract (self);
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
  ImpactSocialPanel *self = IMPACT_SOCIAL_PANEL (widget);
  ImpactSroiRow *row = shown_contract (self);
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
  ImpactSocialPanel *self = user_data;
  ImpactSroiRow *row = shown_contract (self);
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

static void
on_pso_response_cb (AdwMessageDialog *dialog,
                    const char *response,
                    gpointer user_data)
{
  g_autoptr (ImpactSocialPanel) self = user_data;
  g_autoptr (GError) error = NULL;
  double fte, direct;

  if (!g_str_equal (response, "save") || self->node == NULL || self->store == NULL)
    return;

  if (!impact_parse_number (impact_form_grid_get_text (dialog, "fte"), &fte) || !impact_parse_number (impact_form_grid_get_text (dialog, "direct"), &direct))
    {
      impact_show_failure (GTK_WIDGET (self), _ ("The Figures Were Not Saved"),
                           _ ("Write both as numbers, for example 240 FTE and 1,5 percent."));
      return;
    }
  if (!impact_store_set_pso_organisation (self->store, self->node->id, fte, direct / 100, &error))
    {
      impact_show_failure (GTK_WIDGET (self), _ ("The Figures Were Not Saved"), error->message);
      return;
    }
  impact_show_toast (GTK_WIDGET (self), _ ("FTE and direct share saved"));
  emit_changed (self);
}

static void
edit_pso_action (GtkWidget *widget,
                 const char *action_name,
                 GVariant *parameter)
{
  ImpactSocialPanel *self = IMPACT_SOCIAL_PANEL (widget);
  g_autofree char *fte = NULL, *direct = NULL;
  AdwMessageDialog *dialog;
  GtkWidget *grid;

  if (self->pso == NULL || self->node == NULL)
    return;

  fte = g_strdup_printf ("%g", self->pso->fte);
  direct = g_strdup_printf ("%g", 100 * self->pso->direct_share);
  grid = impact_form_grid_new ();
  impact_form_grid_add_entry (grid, _ ("_FTE"), fte, _ ("The organisation’s staff in full-time equivalents"), "fte");
  impact_form_grid_add_entry (grid, _ ("_Direct share"), direct,
                              _ ("The organisation’s own social contribution as PSO measures it, in percent of its FTE"), "direct");
  dialog = impact_form_dialog_new (GTK_WIDGET (self), _ ("FTE and Direct Share"), self->node->name, grid, "save",
                                   _ ("_Save"));
  g_signal_connect (dialog, "response", G_CALLBACK (on_pso_response_cb), g_object_ref (self));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_norms_response_cb (AdwMessageDialog *dialog,
                      const char *response,
                      gpointer user_data)
{
  g_autoptr (ImpactSocialPanel) self = user_data;
  g_autoptr (GError) error = NULL;
  ImpactPsoNorms norms = { 0 };
  static const char *const keys[] = { "trede-1", "trede-2", "trede-3" };

  if (!g_str_equal (response, "save") || self->store == NULL)
    return;

  norms.n_treden = IMPACT_PSO_MAX_TREDEN;
  norms.valid_from = impact_day_from_iso (impact_form_grid_get_text (dialog, "from"));
  for (guint t = 0; t < IMPACT_PSO_MAX_TREDEN; t++)
    if (!impact_parse_number (impact_form_grid_get_text (dialog, keys[t]), &norms.norms[t]))
      norms.valid_from = 0;
  if (norms.valid_from == 0)
    {
      impact_show_failure (GTK_WIDGET (self), _ ("The Norms Were Not Saved"),
                           _ ("Write the date as YYYY-MM-DD and each norm as a percentage, for example 1,9."));
      return;
    }
  if (!impact_store_set_pso_norms (self->store, &norms, &error))
    {
      impact_show_failure (GTK_WIDGET (self), _ ("The Norms Were Not Saved"), error->message);
      return;
    }
  impact_show_toast (GTK_WIDGET (self), _ ("PSO norms saved"));
  emit_changed (self);
}

static void
edit_norms_action (GtkWidget *widget,
                   const char *action_name,
                   GVariant *parameter)
{
  ImpactSocialPanel *self = IMPACT_SOCIAL_PANEL (widget);
  g_autofree char *from = NULL;
  g_autofree char *norm[IMPACT_PSO_MAX_TREDEN] = { NULL };
  AdwMessageDialog *dialog;
  GtkWidget *grid;

  if (self->pso == NULL)
    return;

  from = impact_day_to_iso (self->pso->norms.valid_from > 1 ? self->pso->norms.valid_from : impact_day_today ());
  for (guint t = 0; t < IMPACT_PSO_MAX_TREDEN; t++)
    norm[t] = g_strdup_printf ("%g", self->pso->norms.norms[t]);
  grid = impact_form_grid_new ();
  impact_form_grid_add_entry (grid, _ ("Valid _from"), from, _ ("The day these norms start to apply (YYYY-MM-DD)"), "from");
  impact_form_grid_add_entry (grid, _ ("Trede _1"), norm[0], _ ("The total social share trede 1 needs, in percent"), "trede-1");
  impact_form_grid_add_entry (grid, _ ("Trede _2"), norm[1], _ ("The total social share trede 2 needs, in percent"), "trede-2");
  impact_form_grid_add_entry (grid, _ ("Trede _3"), norm[2], _ ("The total social share trede 3 needs, in percent"), "trede-3");
  dialog = impact_form_dialog_new (GTK_WIDGET (self), _ ("PSO Norms"),
                                   _ ("The norms for organisations of 105 FTE or more. A new date keeps the older norms for "
                                      "the periods before it."),
                                   grid, "save", _ ("_Save"));
  g_signal_connect (dialog, "response", G_CALLBACK (on_norms_response_cb), g_object_ref (self));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Writes the contracts ("contracts") or the certificates ending ("expiring") shown, as CSV
 * ("csv", in the locale's style) or XLSX ("xlsx"), to @path. */
gboolean
impact_social_panel_save_table (ImpactSocialPanel *self,
                                const char *table_name,
                                const char *format,
                                const char *path,
                                GError **error)
{
  g_autoptr (ImpactTable) table = NULL;

  g_return_val_if_fail (IMPACT_IS_SOCIAL_PANEL (self), FALSE);

  if (g_strcmp0 (table_name, "contracts") == 0 && self->sroi != NULL)
    table = impact_table_from_sroi (self->sroi);
  else if (g_strcmp0 (table_name, "expiring") == 0 && self->expiring != NULL)
    table = impact_table_from_expiring (self->expiring);
  if (table == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _ ("There is no table “%s” to save."), table_name);
      return FALSE;
    }
  if (g_str_equal (format, "xlsx"))
    {
      g_autoptr (GPtrArray) tables = g_ptr_array_new ();

      g_ptr_array_add (tables, table);
      return impact_tables_write_xlsx (tables, path, error);
    }
  return impact_table_write_csv (table, path, impact_locale_uses_decimal_comma (), error);
}

static void
save_table_to (GtkWidget *parent,
               const char *path,
               gpointer user_data)
{
  g_auto (GStrv) what = g_strsplit (user_data, "|", 2);
  g_autoptr (GError) error = NULL;

  impact_social_panel_save_table (IMPACT_SOCIAL_PANEL (parent), what[0], what[1], path, &error);
  impact_show_saved (parent, path, _ ("The Table Was Not Saved"), error);
}

static void
save_table_action (GtkWidget *widget,
                   const char *action_name,
                   GVariant *parameter)
{
  const char *what = g_variant_get_string (parameter, NULL);
  g_autofree char *name = g_strdup_printf ("%s.%s",
                                           g_str_has_prefix (what, "contracts") ? _ ("Contracts") : _ ("Certificates Ending Soon"),
                                           g_str_has_suffix (what, "xlsx") ? "xlsx" : "csv");

  impact_choose_save_file (widget, _ ("Save the Table"), _ ("_Save"), name, NULL, NULL, save_table_to, g_strdup (what),
                           g_free);
}

/* A save button with CSV and XLSX for one of the panel's tables. */
static GtkWidget *
save_table_button (const char *table_name)
{
  g_autoptr (GMenu) menu = g_menu_new ();
  GtkWidget *button = gtk_menu_button_new ();
  g_autofree char *csv = g_strdup_printf ("%s|csv", table_name);
  g_autofree char *xlsx = g_strdup_printf ("%s|xlsx", table_name);
  g_autoptr (GMenuItem) csv_item = g_menu_item_new (_ ("Save Table as _CSV…"), NULL);
  g_autoptr (GMenuItem) xlsx_item = g_menu_item_new (_ ("Save Table as _XLSX…"), NULL);

  g_menu_item_set_action_and_target_value (csv_item, "panel.save-table", g_variant_new_string (csv));
  g_menu_item_set_action_and_target_value (xlsx_item, "panel.save-table", g_variant_new_string (xlsx));
  g_menu_append_item (menu, csv_item);
  g_menu_append_item (menu, xlsx_item);
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (button), G_MENU_MODEL (menu));
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "document-save-symbolic");
  gtk_widget_set_tooltip_text (button, _ ("Save the Table"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, _ ("Save the Table"), -1);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  return button;
}

static void
what_if_action (GtkWidget *widget,
                const char *action_name,
                GVariant *parameter)
{
  ImpactSocialPanel *self = IMPACT_SOCIAL_PANEL (widget);
  ImpactWhatIfDialog *dialog;

  if (self->store == NULL || self->node == NULL)
    return;
  dialog = impact_what_if_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)), self->store, self->node, &self->period);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* --- set-up ------------------------------------------------------------------------------ */

void
impact_social_panel_set_store (ImpactSocialPanel *self,
                               ImpactStore *store)
{
  g_return_if_fail (IMPACT_IS_SOCIAL_PANEL (self));

  g_set_object (&self->store, store);
}

static void
impact_social_panel_dispose (GObject *object)
{
  ImpactSocialPanel *self = IMPACT_SOCIAL_PANEL (object);

  g_clear_object (&self->store);
  g_clear_object (&self->items);
  g_clear_pointer (&self->node, impact_node_free);
  g_clear_pointer (&self->sroi, impact_sroi_overview_free);
  g_clear_pointer (&self->pso, impact_pso_figures_free);
  g_clear_pointer (&self->expiring, g_ptr_array_unref);
  for (guint i = 0; i < N_COLUMNS; i++)
    g_clear_object (&self->columns[i]);
  gtk_widget_dispose_template (GTK_WIDGET (self), IMPACT_TYPE_SOCIAL_PANEL);

  G_OBJECT_CLASS (impact_social_panel_parent_class)->dispose (object);
}

static void
impact_social_panel_class_init (ImpactSocialPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = impact_social_panel_dispose;

  /**
   * ImpactSocialPanel::changed:
   * A contract, realisation or PSO input was changed: the figures are out of date.
   */
  signals[SIGNAL_CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                          G_TYPE_NONE, 0);
  /**
   * ImpactSocialPanel::object-activated:
   * @object_id: the contract
   * A contract of the table was clicked.
   */
  signals[SIGNAL_OBJECT_ACTIVATED] = g_signal_new ("object-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                                   NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
  /**
   * ImpactSocialPanel::supplier-activated:
   * @name: the supplier
   * A supplier whose certificate ends was clicked.
   */
  signals[SIGNAL_SUPPLIER_ACTIVATED] = g_signal_new ("supplier-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                                     0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  g_type_ensure (IMPACT_TYPE_CHART_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/impactdashboard/ImpactDashboard/impact-social-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, ImpactSocialPanel, sroi_group);
  gtk_widget_class_bind_template_child (widget_class, ImpactSocialPanel, edit_contract_button);
  gtk_widget_class_bind_template_child (widget_class, ImpactSocialPanel, sroi_headline);
  gtk_widget_class_bind_template_child (widget_class, ImpactSocialPanel, sroi_bullet);
  gtk_widget_class_bind_template_child (widget_class, ImpactSocialPanel, sroi_detail);
  gtk_widget_class_bind_template_child (widget_class, ImpactSocialPanel, contract_group);
  gtk_widget_class_bind_template_child (widget_class, ImpactSocialPanel, client_row);
  gtk_widget_class_bind_template_child (widget_class, ImpactSocialPanel, value_row);
  gtk_widget_class_bind_template_child (widget_class, ImpactSocialPanel, term_row);
  gtk_widget_class_bind_template_child (widget_class, ImpactSocialPanel, obligation_row);
  gtk_widget_class_bind_template_child (widget_class, ImpactSocialPanel, purchases_row);
  gtk_widget_class_bind_template_child (widget_class, ImpactSocialPanel, rules_row);
  gtk_widget_class_bind_template_child (widget_class, ImpactSocialPanel, entries_group);
  gtk_widget_class_bind_template_child (widget_class, ImpactSocialPanel, entries_list);
  gtk_widget_class_bind_template_child (widget_class, ImpactSocialPanel, divisions_group);
  gtk_widget_class_bind_template_child (widget_class, ImpactSocialPanel, divisions_list);
  gtk_widget_class_bind_template_child (widget_class, ImpactSocialPanel, objects_group);
  gtk_widget_class_bind_template_child (widget_class, ImpactSocialPanel, objects_view);
  gtk_widget_class_bind_template_child (widget_class, ImpactSocialPanel, opportunities_group);
  gtk_widget_class_bind_template_child (widget_class, ImpactSocialPanel, opportunities_list);
  gtk_widget_class_bind_template_child (widget_class, ImpactSocialPanel, pso_group);
  gtk_widget_class_bind_template_child (widget_class, ImpactSocialPanel, edit_pso_button);
  gtk_widget_class_bind_template_child (widget_class, ImpactSocialPanel, pso_organisation_row);
  gtk_widget_class_bind_template_child (widget_class, ImpactSocialPanel, pso_indirect_row);
  gtk_widget_class_bind_template_child (widget_class, ImpactSocialPanel, pso_total_row);
  gtk_widget_class_bind_template_child (widget_class, ImpactSocialPanel, pso_next_row);
  gtk_widget_class_bind_template_child (widget_class, ImpactSocialPanel, pso_formula);
  gtk_widget_class_bind_template_child (widget_class, ImpactSocialPanel, expiring_group);
  gtk_widget_class_bind_template_child (widget_class, ImpactSocialPanel, expiring_list);

  gtk_widget_class_install_action (widget_class, "panel.edit-contract", NULL, edit_contract_action);
  gtk_widget_class_install_action (widget_class, "panel.what-if", NULL, what_if_action);
  gtk_widget_class_install_action (widget_class, "panel.save-table", "s", save_table_action);
  gtk_widget_class_install_action (widget_class, "panel.add-entry", NULL, add_entry_action);
  gtk_widget_class_install_action (widget_class, "panel.edit-pso", NULL, edit_pso_action);
  gtk_widget_class_install_action (widget_class, "panel.edit-norms", NULL, edit_norms_action);
}

static void
impact_social_panel_init (ImpactSocialPanel *self)
{
  GtkSortListModel *sorted;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->items = g_list_store_new (IMPACT_TYPE_SROI_ITEM);
  add_column (self, COLUMN_CONTRACT, _ ("Contract"), TRUE);
  add_column (self, COLUMN_DIVISION, _ ("Division"), FALSE);
  add_column (self, COLUMN_OBLIGATION, _ ("Obligation"), FALSE);
  add_column (self, COLUMN_REALISED, _ ("Realised"), FALSE);
  add_column (self, COLUMN_SHARE, _ ("Realised %"), FALSE);
  add_column (self, COLUMN_PROJECTED, _ ("Expected at End"), FALSE);
  add_column (self, COLUMN_STATUS, _ ("Status"), FALSE);

  sorted = gtk_sort_list_model_new (G_LIST_MODEL (g_object_ref (self->items)),
                                    g_object_ref (gtk_column_view_get_sorter (self->objects_view)));
  self->selection = gtk_single_selection_new (G_LIST_MODEL (sorted));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_column_view_set_model (self->objects_view, GTK_SELECTION_MODEL (self->selection));
  g_object_unref (self->selection);
  /* At first the contracts at risk come first. */
  gtk_column_view_sort_by_column (self->objects_view, self->columns[COLUMN_STATUS], GTK_SORT_ASCENDING);

  g_signal_connect (self->objects_view, "activate", G_CALLBACK (on_objects_activate_cb), self);
  adw_preferences_group_set_header_suffix (self->objects_group, save_table_button ("contracts"));
  adw_preferences_group_set_header_suffix (self->expiring_group, save_table_button ("expiring"));
}
