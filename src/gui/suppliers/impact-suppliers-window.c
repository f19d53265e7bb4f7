/* impact-suppliers-window.c: every supplier, sortable and searchable, with its statuses
 *
 * A GtkColumnView of all suppliers: name, KvK number, class today, until when, spend in the
 * dashboard's period and its share of the group's. Each column sorts; the search filters by
 * name or KvK number. Below, the chosen supplier's statuses, which can be added and removed;
 * the window emits "changed" so that the dashboard shows the new figures at once.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "impact-suppliers-window"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "charts/impact-chart-view.h"
#include "impact-chart-figures.h"
#include "impact-engagement-panel.h"
#include "impact-status-dialog.h"
#include "impact-supplier-item.h"
#include "impact-suppliers-window.h"
#include "model/impact-format.h"
#include "util/impact-column-view.h"
#include "util/impact-dialogs.h"

struct _ImpactSuppliersWindow
{
  AdwWindow parent_instance;

  /* Template widgets */
  AdwWindowTitle *window_title;
  GtkSearchEntry *search_entry;
  GtkColumnView *column_view;
  GtkDropDown *engagement_filter;
  ImpactEngagementPanel *engagement_panel;
  AdwPreferencesGroup *statuses_group;
  GtkListBox *statuses_list;
  AdwPreferencesGroup *detail_group;
  AdwPreferencesGroup *nodes_group;
  GtkListBox *nodes_list;
  ImpactChartView *supplier_trend;

  ImpactStore *store;
  ImpactPeriod period;
  GListStore *items;
  GtkFilter *filter;
  GtkSingleSelection *selection;
  GtkColumnViewColumn *columns[N_COLUMNS];
};

enum
{
  SIGNAL_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (ImpactSuppliersWindow, impact_suppliers_window, ADW_TYPE_WINDOW)

static gboolean
filter_item (gpointer object,
             gpointer user_data)
{
  ImpactSuppliersWindow *self = user_data;

  return impact_supplier_item_matches (object, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)),
                                       gtk_drop_down_get_selected (self->engagement_filter));
}

/* Reads the suppliers again, keeping the one chosen. */
static void
load (ImpactSuppliersWindow *self)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) rows = impact_query_list_suppliers (self->store, &self->period, impact_day_today (), &error);
  gint64 total = 0;

  if (rows == NULL)
    {
      g_warning ("Could not list the suppliers: %s", error->message);
      return;
    }

  for (guint i = 0; i < rows->len; i++)
    total += ((const ImpactSupplierRow *) g_ptr_array_index (rows, i))->spend_cents;

  g_list_store_remove_all (self->items);
  for (guint i = 0; i < rows->len; i++)
    {
      const ImpactSupplierRow *row = g_ptr_array_index (rows, i);
      g_autoptr (ImpactSupplierItem) item = g_object_new (IMPACT_TYPE_SUPPLIER_ITEM, NULL);

      item->id = row->id;
      item->name = g_strdup (row->name);
      item->kvk = g_strdup (row->kvk);
      item->klass = row->class_today;
      item->valid_until = row->valid_until;
      item->spend_cents = row->spend_cents;
      item->share = total != 0 ? 100.0 * row->spend_cents / total : 0;
      item->engagement = row->engagement;
      item->target_day = row->target_day;
      g_list_store_append (self->items, item);
    }
}

static ImpactSupplierItem *
selected_item (ImpactSuppliersWindow *self)
{
  return gtk_single_selection_get_selected_item (self->selection);
}

static void show_statuses (ImpactSuppliersWindow *self);
static void on_edit_status_cb (GtkButton *button,
                               gpointer user_data);

static void
on_remove_status_cb (GtkButton *button,
                     gpointer user_data)
{
  ImpactSuppliersWindow *self = user_data;
  gint64 status_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "status-id"));
  g_autoptr (GError) error = NULL;

  if (!impact_store_delete_status (self->store, status_id, &error))
    {
      impact_show_failure (GTK_WIDGET (self), _ ("The Status Was Not Removed"), error->message);
      return;
    }
  show_statuses (self);
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

/* The chosen supplier's spend per month, and the divisions and objects it serves. */
static void
show_detail (ImpactSuppliersWindow *self,
             ImpactSupplierItem *item)
{
  g_autoptr (ImpactSupplierDetail) detail = NULL;
  g_autoptr (GError) error = NULL;

  impact_list_box_clear (self->nodes_list);
  gtk_widget_set_visible (GTK_WIDGET (self->detail_group), item != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->nodes_group), item != NULL);
  if (item == NULL)
    return;

  detail = impact_query_supplier_detail (self->store, item->id, &self->period, &error);
  if (detail == NULL)
    {
      g_warning ("Could not read the supplier's spend: %s", error->message);
      return;
    }

  /* The same trend as the dashboard's, for this supplier. */
  {
    g_autoptr (ImpactFigures) figures = g_new0 (ImpactFigures, 1);
    g_autoptr (ImpactChart) chart = NULL;

    figures->period = detail->period;
    figures->by_month = g_array_ref (detail->by_month);
    chart = impact_chart_new_trend (figures, IMPACT_CHART_AREA);
    impact_chart_view_set_chart (self->supplier_trend, chart);
  }

  adw_preferences_group_set_description (self->nodes_group,
                                         detail->by_node->len == 0 ? _ ("No spend in this period.") : NULL);
  for (guint i = 0; i < detail->by_node->len; i++)
    {
      const ImpactChildFigures *node = g_ptr_array_index (detail->by_node, i);
      g_autofree char *money = impact_format_money (node->spend.total_cents);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *amount = gtk_label_new (money);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), node->name);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), node->code);
      gtk_widget_add_css_class (amount, "numeric");
      gtk_label_set_selectable (GTK_LABEL (amount), TRUE);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), amount);
      gtk_list_box_append (self->nodes_list, row);
    }
}

static void
show_statuses (ImpactSuppliersWindow *self)
{
  ImpactSupplierItem *item = selected_item (self);
  g_autoptr (GPtrArray) statuses = NULL;
  g_autoptr (GError) error = NULL;

  impact_list_box_clear (self->statuses_list);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "suppliers.add-status", item != NULL);

  gtk_widget_set_visible (GTK_WIDGET (self->engagement_panel), item != NULL);
  if (item == NULL)
    {
      show_detail (self, NULL);
      adw_preferences_group_set_title (self->statuses_group, _ ("Statuses"));
      adw_preferences_group_set_description (self->statuses_group, _ ("Choose a supplier to see its statuses."));
      return;
    }

  show_detail (self, item);
  impact_engagement_panel_show (self->engagement_panel, self->store, item->id, item->name);
  adw_preferences_group_set_title (self->statuses_group, item->name);
  statuses = impact_store_list_statuses (self->store, item->id, &error);
  if (statuses == NULL)
    {
      g_warning ("Could not read the statuses: %s", error->message);
      return;
    }
  adw_preferences_group_set_description (self->statuses_group,
                                         statuses->len == 0 ? _ ("No social status: its spend is not social.") : NULL);

  for (guint i = 0; i < statuses->len; i++)
    {
      const ImpactStatus *status = g_ptr_array_index (statuses, i);
      g_autofree char *from = status->valid_from != 0 ? impact_format_day (status->valid_from) : g_strdup ("…");
      g_autofree char *until = status->valid_until != 0 ? impact_format_day (status->valid_until) : g_strdup ("…");
      /* Translators: the validity of a status, as in "1 Jan 2025 to 31 Dec 2026". */
      g_autofree char *period = g_strdup_printf (_ ("%s to %s"), from, until);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), impact_social_class_to_string (status->kind));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), period);
      gtk_widget_set_tooltip_text (remove, _ ("Remove This Status"));
      gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (remove, "flat");
      g_object_set_data (G_OBJECT (remove), "status-id", GSIZE_TO_POINTER (status->id));
      g_signal_connect (remove, "clicked", G_CALLBACK (on_remove_status_cb), self);
      {
        GtkWidget *edit = gtk_button_new_from_icon_name ("document-edit-symbolic");

        gtk_widget_set_tooltip_text (edit, _ ("Change This Status"));
        gtk_widget_set_valign (edit, GTK_ALIGN_CENTER);
        gtk_widget_add_css_class (edit, "flat");
        g_object_set_data (G_OBJECT (edit), "status-id", GSIZE_TO_POINTER (status->id));
        g_signal_connect (edit, "clicked", G_CALLBACK (on_edit_status_cb), self);
        adw_action_row_add_suffix (ADW_ACTION_ROW (row), edit);
      }
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
      gtk_list_box_append (self->statuses_list, row);
    }
}

static void
on_selection_changed_cb (GtkSelectionModel *model,
                         guint position,
                         guint n_items,
                         gpointer user_data)
{
  show_statuses (IMPACT_SUPPLIERS_WINDOW (user_data));
}

static void
on_search_changed_cb (GtkSearchEntry *entry,
                      gpointer user_data)
{
  ImpactSuppliersWindow *self = user_data;

  gtk_filter_changed (self->filter, GTK_FILTER_CHANGE_DIFFERENT);
}

static void
on_filter_changed_cb (ImpactSuppliersWindow *self)
{
  gtk_filter_changed (self->filter, GTK_FILTER_CHANGE_DIFFERENT);
}

/* The engagement or PSO data of the chosen supplier changed: the list shows it, and the
 * dashboard's PSO estimate follows. */
static void
on_engagement_changed_cb (ImpactSuppliersWindow *self)
{
  ImpactSupplierItem *item = selected_item (self);
  g_autofree char *name = item != NULL ? g_strdup (item->name) : NULL;

  if (item == NULL)
    return;
  item = NULL;
  load (self);
  impact_suppliers_window_select (self, name);
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

/* Adds a status to the chosen supplier; the list and the dashboard follow. */
gboolean
impact_suppliers_window_add_status (ImpactSuppliersWindow *self,
                                    ImpactSocialClass kind,
                                    guint32 valid_from,
                                    guint32 valid_until,
                                    GError **error)
{
  ImpactSupplierItem *item;
  g_autoptr (ImpactStatus) status = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (IMPACT_IS_SUPPLIERS_WINDOW (self), FALSE);

  item = selected_item (self);
  if (item == NULL)
    return FALSE;

  status = impact_status_new (item->id, kind, valid_from, valid_until);
  if (impact_store_add_status (self->store, status, error) == 0)
    return FALSE;

  name = g_strdup (item->name);
  load (self);
  impact_suppliers_window_select (self, name);
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);

  return TRUE;
}

/* Changes the kind and dates of one of the chosen supplier's statuses. */
gboolean
impact_suppliers_window_update_status (ImpactSuppliersWindow *self,
                                       gint64 status_id,
                                       ImpactSocialClass kind,
                                       guint32 valid_from,
                                       guint32 valid_until,
                                       GError **error)
{
  ImpactSupplierItem *item;
  g_autoptr (GPtrArray) statuses = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (IMPACT_IS_SUPPLIERS_WINDOW (self), FALSE);

  item = selected_item (self);
  if (item == NULL)
    return FALSE;
  statuses = impact_store_list_statuses (self->store, item->id, error);
  if (statuses == NULL)
    return FALSE;

  for (guint i = 0; i < statuses->len; i++)
    {
      ImpactStatus *status = g_ptr_array_index (statuses, i);

      if (status->id != status_id)
        continue;
      status->kind = kind;
      status->valid_from = valid_from;
      status->valid_until = valid_until;
      if (!impact_store_update_status (self->store, status, error))
        return FALSE;

      name = g_strdup (item->name);
      load (self);
      impact_suppliers_window_select (self, name);
      g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
      return TRUE;
    }

  return FALSE;
}

/* Saves what the status dialog asked for: a new status of the supplier chosen, or changes
 * to status @status_id. */
static gboolean
save_status (gpointer data,
             gint64 status_id,
             ImpactSocialClass kind,
             guint32 from,
             guint32 until,
             GError **error)
{
  ImpactSuppliersWindow *self = data;

  return status_id != 0 ? impact_suppliers_window_update_status (self, status_id, kind, from, until, error)
                        : impact_suppliers_window_add_status (self, kind, from, until, error);
}

/* Asks for a new status, or for changes to @existing. */
static void
open_status_dialog (ImpactSuppliersWindow *self,
                    const ImpactStatus *existing)
{
  ImpactSupplierItem *item = selected_item (self);

  if (item != NULL)
    impact_status_dialog_present (GTK_WIDGET (self), item->name, existing, save_status, self);
}

static void
add_status_action (GtkWidget *widget,
                   const char *action_name,
                   GVariant *parameter)
{
  open_status_dialog (IMPACT_SUPPLIERS_WINDOW (widget), NULL);
}

static void
on_edit_status_cb (GtkButton *button,
                   gpointer user_data)
{
  ImpactSuppliersWindow *self = user_data;
  ImpactSupplierItem *item = selected_item (self);
  gint64 status_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "status-id"));
  g_autoptr (GPtrArray) statuses = item != NULL ? impact_store_list_statuses (self->store, item->id, NULL) : NULL;

  for (guint i = 0; statuses != NULL && i < statuses->len; i++)
    if (((const ImpactStatus *) g_ptr_array_index (statuses, i))->id == status_id)
      open_status_dialog (self, g_ptr_array_index (statuses, i));
}

static void
add_column (ImpactSuppliersWindow *self,
            guint column,
            const char *title,
            gboolean expand)
{
  self->columns[column] = impact_column_view_add_text_column (self->column_view, title, column,
                                                              column == COLUMN_SPEND || column == COLUMN_SHARE, expand,
                                                              impact_supplier_item_cell_text, impact_supplier_item_style_cell, impact_supplier_item_compare);
}

static void
impact_suppliers_window_dispose (GObject *object)
{
  ImpactSuppliersWindow *self = IMPACT_SUPPLIERS_WINDOW (object);

  g_clear_object (&self->store);
  g_clear_object (&self->items);
  for (guint i = 0; i < N_COLUMNS; i++)
    g_clear_object (&self->columns[i]);
  gtk_widget_dispose_template (GTK_WIDGET (self), IMPACT_TYPE_SUPPLIERS_WINDOW);

  G_OBJECT_CLASS (impact_suppliers_window_parent_class)->dispose (object);
}

static void search_action (GtkWidget *widget,
                           const char *action_name,
                           GVariant *parameter);

static void
impact_suppliers_window_class_init (ImpactSuppliersWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = impact_suppliers_window_dispose;

  /**
   * ImpactSuppliersWindow::changed:
   * A supplier's statuses were changed: the figures that depend on them are out of date.
   */
  signals[SIGNAL_CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                                          NULL, G_TYPE_NONE, 0);

  g_type_ensure (IMPACT_TYPE_CHART_VIEW);
  g_type_ensure (IMPACT_TYPE_ENGAGEMENT_PANEL);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/impactdashboard/ImpactDashboard/impact-suppliers-window.ui");
  gtk_widget_class_bind_template_child (widget_class, ImpactSuppliersWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, ImpactSuppliersWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, ImpactSuppliersWindow, column_view);
  gtk_widget_class_bind_template_child (widget_class, ImpactSuppliersWindow, engagement_filter);
  gtk_widget_class_bind_template_child (widget_class, ImpactSuppliersWindow, engagement_panel);
  gtk_widget_class_bind_template_child (widget_class, ImpactSuppliersWindow, statuses_group);
  gtk_widget_class_bind_template_child (widget_class, ImpactSuppliersWindow, statuses_list);
  gtk_widget_class_bind_template_child (widget_class, ImpactSuppliersWindow, detail_group);
  gtk_widget_class_bind_template_child (widget_class, ImpactSuppliersWindow, nodes_group);
  gtk_widget_class_bind_template_child (widget_class, ImpactSuppliersWindow, nodes_list);
  gtk_widget_class_bind_template_child (widget_class, ImpactSuppliersWindow, supplier_trend);

  gtk_widget_class_install_action (widget_class, "suppliers.add-status", NULL, add_status_action);
  gtk_widget_class_install_action (widget_class, "suppliers.search", NULL, search_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "suppliers.search", NULL);
}

static void
search_action (GtkWidget *widget,
               const char *action_name,
               GVariant *parameter)
{
  gtk_widget_grab_focus (GTK_WIDGET (IMPACT_SUPPLIERS_WINDOW (widget)->search_entry));
}

static void
impact_suppliers_window_init (ImpactSuppliersWindow *self)
{
  GtkFilterListModel *filtered;
  GtkSortListModel *sorted;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->items = g_list_store_new (IMPACT_TYPE_SUPPLIER_ITEM);
  add_column (self, COLUMN_NAME, _ ("Name"), TRUE);
  add_column (self, COLUMN_KVK, _ ("KvK"), FALSE);
  add_column (self, COLUMN_CLASS, _ ("Class Today"), FALSE);
  add_column (self, COLUMN_VALID_UNTIL, _ ("Valid Until"), FALSE);
  add_column (self, COLUMN_SPEND, _ ("Spend"), FALSE);
  add_column (self, COLUMN_SHARE, _ ("Share"), FALSE);
  add_column (self, COLUMN_ENGAGEMENT, _ ("Engagement"), FALSE);
  {
    g_autoptr (GtkStringList) filters = gtk_string_list_new (NULL);

    gtk_string_list_append (filters, _ ("All Suppliers"));
    for (guint i = 0; i < IMPACT_N_ENGAGEMENT_STATUSES; i++)
      gtk_string_list_append (filters, impact_engagement_status_to_string (i));
    gtk_string_list_append (filters, _ ("Overdue"));
    gtk_drop_down_set_model (self->engagement_filter, G_LIST_MODEL (filters));
  }

  self->filter = GTK_FILTER (gtk_custom_filter_new (filter_item, self, NULL));
  filtered = gtk_filter_list_model_new (G_LIST_MODEL (g_object_ref (self->items)), self->filter);
  sorted = gtk_sort_list_model_new (G_LIST_MODEL (filtered),
                                    g_object_ref (gtk_column_view_get_sorter (self->column_view)));
  self->selection = gtk_single_selection_new (G_LIST_MODEL (sorted));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
  g_object_unref (self->selection);

  g_signal_connect (self->selection, "selection-changed", G_CALLBACK (on_selection_changed_cb), self);
  g_signal_connect (self->search_entry, "search-changed", G_CALLBACK (on_search_changed_cb), self);
  g_signal_connect_swapped (self->engagement_filter, "notify::selected", G_CALLBACK (on_filter_changed_cb), self);
  g_signal_connect_swapped (self->engagement_panel, "changed", G_CALLBACK (on_engagement_changed_cb), self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "suppliers.add-status", FALSE);
}

/* A window of the suppliers of @store, with their spend in @period. */
ImpactSuppliersWindow *
impact_suppliers_window_new (GtkWindow *parent,
                             ImpactStore *store,
                             const ImpactPeriod *period)
{
  ImpactSuppliersWindow *self;
  g_autofree char *subtitle = NULL;

  g_return_val_if_fail (IMPACT_IS_STORE (store), NULL);
  g_return_val_if_fail (period != NULL, NULL);

  self = g_object_new (IMPACT_TYPE_SUPPLIERS_WINDOW, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  self->period = *period;
  subtitle = impact_period_to_string (period);
  /* Translators: the suppliers window's subtitle: the period of the spend shown, as in "Spend in 2025". */
  {
    g_autofree char *text = g_strdup_printf (_ ("Spend in %s"), subtitle);

    adw_window_title_set_subtitle (self->window_title, text);
  }
  load (self);

  return self;
}

guint
impact_suppliers_window_get_n_shown (ImpactSuppliersWindow *self)
{
  g_return_val_if_fail (IMPACT_IS_SUPPLIERS_WINDOW (self), 0);

  return g_list_model_get_n_items (G_LIST_MODEL (self->selection));
}

const char *
impact_suppliers_window_get_name_at (ImpactSuppliersWindow *self,
                                     guint position)
{
  g_autoptr (ImpactSupplierItem) item = NULL;

  g_return_val_if_fail (IMPACT_IS_SUPPLIERS_WINDOW (self), NULL);

  item = g_list_model_get_item (G_LIST_MODEL (self->selection), position);
  /* The list store keeps the item, so its name outlives this reference. */
  return item != NULL ? item->name : NULL;
}

/* Chooses the supplier with that name among those shown; FALSE when it is not shown. */
gboolean
impact_suppliers_window_select (ImpactSuppliersWindow *self,
                                const char *name)
{
  guint n;

  g_return_val_if_fail (IMPACT_IS_SUPPLIERS_WINDOW (self), FALSE);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->selection));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (ImpactSupplierItem) item = g_list_model_get_item (G_LIST_MODEL (self->selection), i);

      if (g_strcmp0 (item->name, name) == 0)
        {
          gtk_single_selection_set_selected (self->selection, i);
          show_statuses (self);
          return TRUE;
        }
    }

  return FALSE;
}

/* Sorts as a click on the column's header would. */
void
impact_suppliers_window_sort_by (ImpactSuppliersWindow *self,
                                 guint column,
                                 GtkSortType order)
{
  g_return_if_fail (IMPACT_IS_SUPPLIERS_WINDOW (self));
  g_return_if_fail (column < N_COLUMNS);

  gtk_column_view_sort_by_column (self->column_view, self->columns[column], order);
}
