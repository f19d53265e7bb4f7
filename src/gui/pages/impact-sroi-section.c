/* impact-sroi-section.c: the social return of a node, its divisions and its contracts
 *
 * The social return (SROI) of the node's contracts summed in a bullet chart (realised
 * against the obligation, with the projection to the contracts' ends) and a line of how it is
 * made up; for the group, the sum per division; for the group or a division, a sortable
 * table of the contracts, those at risk first ("object-activated" when one is clicked).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "impact-sroi-section"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "charts/impact-chart-view.h"
#include "impact-sroi-section.h"
#include "model/impact-format.h"
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

struct _ImpactSroiSection
{
  AdwBin parent_instance;

  /* Template widgets */
  GtkLabel *sroi_headline;
  ImpactChartView *sroi_bullet;
  GtkLabel *sroi_detail;
  GtkWidget *edit_contract_button;
  AdwPreferencesGroup *divisions_group;
  GtkListBox *divisions_list;
  AdwPreferencesGroup *objects_group;
  GtkColumnView *objects_view;

  /* Borrowed from the panel between two impact_sroi_section_show() calls. */
  const ImpactNode *node;
  const ImpactSroiOverview *sroi;
  GListStore *items;
  GtkSingleSelection *selection;
  GtkColumnViewColumn *columns[N_COLUMNS];
};

enum
{
  SIGNAL_OBJECT_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (ImpactSroiSection, impact_sroi_section, ADW_TYPE_BIN)

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
add_column (ImpactSroiSection *self,
            guint column,
            const char *title,
            gboolean expand)
{
  self->columns[column] = impact_column_view_add_text_column (self->objects_view, title, column,
                                                              column >= COLUMN_OBLIGATION && column <= COLUMN_PROJECTED,
                                                              expand, cell_text, style_cell, compare_items);
}

static void
show_summary (ImpactSroiSection *self)
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

static void
show_objects (ImpactSroiSection *self)
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
show_divisions (ImpactSroiSection *self)
{
  guint i = 0;

  impact_list_box_clear (self->divisions_list);
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

/* Shows the social return of @node: @sroi is the panel's and must stay until the next call. */
void
impact_sroi_section_show (ImpactSroiSection *self,
                          const ImpactNode *node,
                          const ImpactSroiOverview *sroi)
{
  gboolean object;

  g_return_if_fail (IMPACT_IS_SROI_SECTION (self));
  g_return_if_fail (node != NULL && sroi != NULL);

  self->node = node;
  self->sroi = sroi;
  object = node->level == IMPACT_NODE_OBJECT;
  show_summary (self);
  gtk_widget_set_visible (self->edit_contract_button, object);
  gtk_widget_set_visible (GTK_WIDGET (self->objects_group), !object && sroi->rows->len > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->divisions_group), node->level == IMPACT_NODE_GROUP && sroi->n_obligations > 0);
  if (node->level == IMPACT_NODE_GROUP)
    show_divisions (self);
  if (object)
    g_list_store_remove_all (self->items);
  else
    show_objects (self);
}

guint
impact_sroi_section_get_n_contracts (ImpactSroiSection *self)
{
  g_return_val_if_fail (IMPACT_IS_SROI_SECTION (self), 0);

  return g_list_model_get_n_items (G_LIST_MODEL (self->selection));
}

/* Opens the contract at @position of the table as it is sorted, as a click does. */
gboolean
impact_sroi_section_activate_contract (ImpactSroiSection *self,
                                       guint position)
{
  g_autoptr (ImpactSroiItem) item = NULL;

  g_return_val_if_fail (IMPACT_IS_SROI_SECTION (self), FALSE);

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
  impact_sroi_section_activate_contract (IMPACT_SROI_SECTION (user_data), position);
}

static void
impact_sroi_section_dispose (GObject *object)
{
  ImpactSroiSection *self = IMPACT_SROI_SECTION (object);

  g_clear_object (&self->items);
  for (guint i = 0; i < N_COLUMNS; i++)
    g_clear_object (&self->columns[i]);
  gtk_widget_dispose_template (GTK_WIDGET (self), IMPACT_TYPE_SROI_SECTION);

  G_OBJECT_CLASS (impact_sroi_section_parent_class)->dispose (object);
}

static void
impact_sroi_section_class_init (ImpactSroiSectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = impact_sroi_section_dispose;

  /**
   * ImpactSroiSection::object-activated:
   * @object_id: the contract
   * A contract of the table was clicked.
   */
  signals[SIGNAL_OBJECT_ACTIVATED] = g_signal_new ("object-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                                   NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  g_type_ensure (IMPACT_TYPE_CHART_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/impactdashboard/ImpactDashboard/impact-sroi-section.ui");
  gtk_widget_class_bind_template_child (widget_class, ImpactSroiSection, sroi_headline);
  gtk_widget_class_bind_template_child (widget_class, ImpactSroiSection, sroi_bullet);
  gtk_widget_class_bind_template_child (widget_class, ImpactSroiSection, sroi_detail);
  gtk_widget_class_bind_template_child (widget_class, ImpactSroiSection, edit_contract_button);
  gtk_widget_class_bind_template_child (widget_class, ImpactSroiSection, divisions_group);
  gtk_widget_class_bind_template_child (widget_class, ImpactSroiSection, divisions_list);
  gtk_widget_class_bind_template_child (widget_class, ImpactSroiSection, objects_group);
  gtk_widget_class_bind_template_child (widget_class, ImpactSroiSection, objects_view);
}

static void
impact_sroi_section_init (ImpactSroiSection *self)
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
}
