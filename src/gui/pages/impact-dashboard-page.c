/* impact-dashboard-page.c: the figures and charts of the group, a division or an object
 *
 * Shows one node (the group at first) for one period (ImpactPeriodPicker): the key figures
 * against the period before (ImpactKeyFigures), the charts (ImpactChartGrid: a column of a
 * division or object goes down a level), and the social return, PSO estimate, certificates
 * and opportunities (ImpactSocialPanel). The breadcrumb, Alt+Left and the mouse's back
 * button go back up; Ctrl+F opens a division or object by name (ImpactNodeSearch). The
 * figures are read on a worker thread (impact-dashboard-load.c), so that a slow first read
 * never blocks the window; this file holds the navigation and hands the figures out.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "impact-dashboard-page"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "impact-breadcrumb.h"
#include "impact-chart-grid.h"
#include "impact-dashboard-load.h"
#include "impact-dashboard-page.h"
#include "impact-expiry-notices.h"
#include "impact-key-figures.h"
#include "impact-node-search.h"
#include "impact-period-picker.h"
#include "impact-report-job.h"
#include "impact-social-panel.h"
#include "suppliers/impact-suppliers-window.h"

struct _ImpactDashboardPage
{
  AdwBin parent_instance;

  /* Template widgets */
  ImpactBreadcrumb *breadcrumb;
  ImpactNodeSearch *node_search;
  ImpactPeriodPicker *period_picker;
  GtkFlowBox *header_box;
  GtkWidget *period_box;
  GtkSpinner *loading_spinner;
  ImpactKeyFigures *key_figures;
  ImpactChartGrid *chart_grid;
  ImpactSocialPanel *social_panel;
  GtkRevealer *expiry_banner;
  GtkLabel *expiry_banner_label;

  ImpactStore *store;
  /* Certificates ending within this many days are listed and counted (a preference). */
  guint horizon;
  /* Whether certificates that end are told in a desktop notification (a preference). */
  gboolean notify_expiry;
  gboolean banner_dismissed;
  /* The nodes from the group down to the one shown. */
  GPtrArray *trail;
  ImpactFigures *figures;
  GCancellable *cancellable;
};

G_DEFINE_FINAL_TYPE (ImpactDashboardPage, impact_dashboard_page, ADW_TYPE_BIN)

enum
{
  PROP_0,
  PROP_EXPIRY_HORIZON,
  PROP_NOTIFY_EXPIRY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
show_trail (ImpactDashboardPage *self)
{
  impact_breadcrumb_show (self->breadcrumb, self->trail);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "dashboard.back", self->trail->len > 1);
}

static void
show_expiry_banner (ImpactDashboardPage *self,
                    guint n_ending,
                    guint n_ended)
{
  g_autofree char *text = impact_expiry_banner_text (n_ending, n_ended);

  if (text != NULL)
    gtk_label_set_text (self->expiry_banner_label, text);
  gtk_revealer_set_reveal_child (self->expiry_banner, text != NULL && !self->banner_dismissed);
}

static void
on_loaded_cb (GObject *object,
              GAsyncResult *result,
              gpointer user_data)
{
  g_autoptr (ImpactDashboardPage) self = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (ImpactDashboardData) loaded = impact_dashboard_load_finish (result, &error);

  if (loaded == NULL && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  /* A read overtaken by a newer one is dropped. */
  if (loaded != NULL && g_task_get_cancellable (G_TASK (result)) != self->cancellable)
    return;
  g_clear_object (&self->cancellable);
  gtk_spinner_stop (self->loading_spinner);
  gtk_widget_set_visible (GTK_WIDGET (self->loading_spinner), FALSE);
  if (loaded == NULL)
    {
      g_warning ("Could not read the figures: %s", error->message);
      return;
    }

  g_clear_pointer (&self->figures, impact_figures_free);
  self->figures = g_steal_pointer (&loaded->figures);
  if (self->trail->len == 0)
    g_ptr_array_add (self->trail, impact_node_copy (self->figures->node));

  show_trail (self);
  impact_period_picker_show (self->period_picker, loaded->years, loaded->year, impact_query_get_fy_start (self->store),
                             &self->figures->period);
  impact_key_figures_show (self->key_figures, self->figures, loaded->n_expiring, self->horizon);
  impact_chart_grid_show (self->chart_grid, self->figures);
  impact_social_panel_show (self->social_panel, self->figures->node, &self->figures->period, g_steal_pointer (&loaded->sroi),
                            g_steal_pointer (&loaded->pso), g_steal_pointer (&loaded->expiring),
                            g_steal_pointer (&loaded->opportunities), self->horizon);
  show_expiry_banner (self, loaded->n_ending, loaded->n_ended);
  impact_expiry_notify (loaded->notices);
  gtk_widget_set_sensitive (GTK_WIDGET (self), TRUE);
}

/* Reads the figures of the node at the end of the trail for the chosen period again. */
void
impact_dashboard_page_reload (ImpactDashboardPage *self)
{
  g_return_if_fail (IMPACT_IS_DASHBOARD_PAGE (self));

  if (self->store == NULL)
    return;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  /* Slow only the first time after an upgrade, when the summary is built. */
  gtk_widget_set_visible (GTK_WIDGET (self->loading_spinner), TRUE);
  gtk_spinner_start (self->loading_spinner);

  impact_dashboard_load_async (impact_store_get_path (self->store),
                               self->trail->len > 0 ? g_ptr_array_index (self->trail, self->trail->len - 1) : NULL,
                               impact_period_picker_get_choice (self->period_picker), self->horizon, self->notify_expiry,
                               self->cancellable, on_loaded_cb, g_object_ref (self));
}

gboolean
impact_dashboard_page_is_loading (ImpactDashboardPage *self)
{
  g_return_val_if_fail (IMPACT_IS_DASHBOARD_PAGE (self), FALSE);

  return self->cancellable != NULL;
}

/* Opens @node from the search: the trail becomes group, division, and object. */
static void
jump_to (ImpactDashboardPage *self,
         const ImpactNode *node)
{
  const ImpactNode *group = impact_node_search_get_group (self->node_search);

  if (group == NULL)
    return;

  g_ptr_array_set_size (self->trail, 0);
  g_ptr_array_add (self->trail, impact_node_copy (group));
  if (node->level == IMPACT_NODE_OBJECT)
    {
      const ImpactNode *division = impact_node_search_find (self->node_search, IMPACT_NODE_DIVISION, node->parent_id);

      if (division != NULL)
        g_ptr_array_add (self->trail, impact_node_copy (division));
    }
  g_ptr_array_add (self->trail, impact_node_copy (node));
  impact_dashboard_page_reload (self);
}

static void
on_node_chosen_cb (ImpactNodeSearch *search,
                   const ImpactNode *node,
                   gpointer user_data)
{
  jump_to (IMPACT_DASHBOARD_PAGE (user_data), node);
}

/* Opens the division or object whose name or code first matches @text, as the search would;
 * FALSE when none does. */
gboolean
impact_dashboard_page_jump (ImpactDashboardPage *self,
                            const char *text)
{
  g_return_val_if_fail (IMPACT_IS_DASHBOARD_PAGE (self), FALSE);

  return impact_node_search_jump (self->node_search, text);
}

static void
search_action (GtkWidget *widget,
               const char *action_name,
               GVariant *parameter)
{
  impact_node_search_popup (IMPACT_DASHBOARD_PAGE (widget)->node_search);
}

ImpactStore *
impact_dashboard_page_get_store (ImpactDashboardPage *self)
{
  g_return_val_if_fail (IMPACT_IS_DASHBOARD_PAGE (self), NULL);

  return self->store;
}

/* Shows the group of @store, for its latest year. */
void
impact_dashboard_page_set_store (ImpactDashboardPage *self,
                                 ImpactStore *store)
{
  g_return_if_fail (IMPACT_IS_DASHBOARD_PAGE (self));

  g_set_object (&self->store, store);
  impact_social_panel_set_store (self->social_panel, store);
  impact_node_search_set_store (self->node_search, store);
  impact_period_picker_reset (self->period_picker);
  g_ptr_array_set_size (self->trail, 0);
  impact_dashboard_page_reload (self);
}

const char *
impact_dashboard_page_get_node_code (ImpactDashboardPage *self)
{
  g_return_val_if_fail (IMPACT_IS_DASHBOARD_PAGE (self), NULL);

  if (self->trail->len == 0)
    return NULL;

  return ((const ImpactNode *) g_ptr_array_index (self->trail, self->trail->len - 1))->code;
}

/* Goes down to the division or object shown as the @index-th column. */
gboolean
impact_dashboard_page_open_child (ImpactDashboardPage *self,
                                  guint index)
{
  const ImpactChildFigures *child;
  const ImpactNode *node;
  ImpactNode *next;

  g_return_val_if_fail (IMPACT_IS_DASHBOARD_PAGE (self), FALSE);

  if (self->figures == NULL || index >= self->figures->by_child->len)
    return FALSE;
  child = g_ptr_array_index (self->figures->by_child, index);
  node = self->figures->node;
  /* Lines without an object have no page of their own. */
  if (child->node_id == 0 || child->code == NULL || node->level == IMPACT_NODE_OBJECT)
    return FALSE;

  next = impact_node_new (node->level + 1, child->code, child->name);
  next->id = child->node_id;
  next->parent_id = node->id;
  g_ptr_array_add (self->trail, next);
  impact_dashboard_page_reload (self);

  return TRUE;
}

gboolean
impact_dashboard_page_go_back (ImpactDashboardPage *self)
{
  g_return_val_if_fail (IMPACT_IS_DASHBOARD_PAGE (self), FALSE);

  if (self->trail->len <= 1)
    return FALSE;

  g_ptr_array_set_size (self->trail, self->trail->len - 1);
  impact_dashboard_page_reload (self);
  return TRUE;
}

static void
on_crumb_clicked_cb (ImpactBreadcrumb *breadcrumb,
                     guint depth,
                     gpointer user_data)
{
  ImpactDashboardPage *self = user_data;

  if (depth >= 1 && depth < self->trail->len)
    {
      g_ptr_array_set_size (self->trail, depth);
      impact_dashboard_page_reload (self);
    }
}

static void
on_child_activated_cb (ImpactChartGrid *grid,
                       guint index,
                       gpointer user_data)
{
  impact_dashboard_page_open_child (IMPACT_DASHBOARD_PAGE (user_data), index);
}

/* Hands the period controls (search, part of the year, year) over to a header bar; they keep
 * working as before. Returns them with a reference for the caller. */
GtkWidget *
impact_dashboard_page_take_period_controls (ImpactDashboardPage *self)
{
  GtkWidget *box;

  g_return_val_if_fail (IMPACT_IS_DASHBOARD_PAGE (self), NULL);

  box = g_object_ref (self->period_box);
  gtk_flow_box_remove (self->header_box, gtk_widget_get_parent (box));

  return box;
}

/* Shows the whole months from @first to @last (as "2025-01"); FALSE when they are not months
 * or the range runs backwards. */
gboolean
impact_dashboard_page_set_months (ImpactDashboardPage *self,
                                  const char *first,
                                  const char *last)
{
  g_return_val_if_fail (IMPACT_IS_DASHBOARD_PAGE (self), FALSE);

  return self->store != NULL && impact_period_picker_set_months (self->period_picker, first, last);
}

/* Asks for the social share the shown node aims for. */
static void
set_target_action (GtkWidget *widget,
                   const char *action_name,
                   GVariant *parameter)
{
  ImpactDashboardPage *self = IMPACT_DASHBOARD_PAGE (widget);

  if (self->store != NULL && self->figures != NULL)
    impact_key_figures_ask_target (self->key_figures, self->store, self->figures);
}

/* Opens the suppliers list, with their spend in the period shown; @name, when given, is
 * chosen in it. */
static ImpactSuppliersWindow *
show_suppliers (ImpactDashboardPage *self,
                const char *name)
{
  ImpactSuppliersWindow *window;

  if (self->store == NULL || self->figures == NULL)
    return NULL;

  window = impact_suppliers_window_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), self->store,
                                        &self->figures->period);
  g_signal_connect_object (window, "changed", G_CALLBACK (impact_dashboard_page_reload), self, G_CONNECT_SWAPPED);
  if (name != NULL)
    impact_suppliers_window_select (window, name);
  gtk_window_present (GTK_WINDOW (window));

  return window;
}

static void
show_suppliers_action (GtkWidget *widget,
                       const char *action_name,
                       GVariant *parameter)
{
  show_suppliers (IMPACT_DASHBOARD_PAGE (widget), NULL);
}

/* A bar of the largest non-social suppliers opens that supplier in the suppliers list. */
static void
on_supplier_activated_cb (ImpactChartGrid *grid,
                          guint index,
                          gpointer user_data)
{
  ImpactDashboardPage *self = user_data;
  const ImpactSupplierFigures *supplier;

  if (self->figures == NULL || index >= self->figures->top_non_social->len)
    return;
  supplier = g_ptr_array_index (self->figures->top_non_social, index);
  show_suppliers (self, supplier->name);
}

/* Writes the report of the node and period shown to @path, an A4 PDF, on a worker thread. */
void
impact_dashboard_page_save_report_async (ImpactDashboardPage *self,
                                         const char *path,
                                         GAsyncReadyCallback callback,
                                         gpointer user_data)
{
  g_return_if_fail (IMPACT_IS_DASHBOARD_PAGE (self));
  g_return_if_fail (path != NULL);

  impact_report_job_run_async (self, self->store != NULL ? impact_store_get_path (self->store) : NULL,
                               self->figures != NULL ? self->figures->node : NULL,
                               self->figures != NULL ? &self->figures->period : NULL, self->horizon, path, callback,
                               user_data);
}

/* The number of pages written, or 0 with @error set. */
guint
impact_dashboard_page_save_report_finish (ImpactDashboardPage *self,
                                          GAsyncResult *result,
                                          GError **error)
{
  return impact_report_job_run_finish (self, result, error);
}

/* The report of the node and period shown, laid out on pages of @width by @height points
 * (for printing); NULL when nothing is shown yet. */
ImpactReport *
impact_dashboard_page_make_report (ImpactDashboardPage *self,
                                   double width,
                                   double height,
                                   GError **error)
{
  g_return_val_if_fail (IMPACT_IS_DASHBOARD_PAGE (self), NULL);

  return impact_report_job_make (self->store, self->figures != NULL ? self->figures->node : NULL,
                                 self->figures != NULL ? &self->figures->period : NULL, self->horizon, width, height,
                                 error);
}

/* A file name for the report of what is shown, as in "Report Schoonmaak 2025.pdf". */
char *
impact_dashboard_page_get_report_name (ImpactDashboardPage *self)
{
  g_return_val_if_fail (IMPACT_IS_DASHBOARD_PAGE (self), NULL);

  return impact_report_job_file_name (self->figures != NULL ? self->figures->node : NULL,
                                      self->figures != NULL ? &self->figures->period : NULL);
}

/* A contract of the social-return table opens it, as the search would. */
static void
on_panel_object_activated_cb (ImpactSocialPanel *panel,
                              gint64 object_id,
                              gpointer user_data)
{
  ImpactDashboardPage *self = user_data;
  const ImpactNode *node = impact_node_search_find (self->node_search, IMPACT_NODE_OBJECT, object_id);

  if (node != NULL)
    jump_to (self, node);
}

static void
on_panel_supplier_activated_cb (ImpactSocialPanel *panel,
                                const char *name,
                                gpointer user_data)
{
  show_suppliers (IMPACT_DASHBOARD_PAGE (user_data), name);
}

static void
show_expiring_action (GtkWidget *widget,
                      const char *action_name,
                      GVariant *parameter)
{
  impact_social_panel_focus_expiring (IMPACT_DASHBOARD_PAGE (widget)->social_panel);
}

static void
dismiss_expiry_action (GtkWidget *widget,
                       const char *action_name,
                       GVariant *parameter)
{
  ImpactDashboardPage *self = IMPACT_DASHBOARD_PAGE (widget);

  self->banner_dismissed = TRUE;
  gtk_revealer_set_reveal_child (self->expiry_banner, FALSE);
}

static void
back_action (GtkWidget *widget,
             const char *action_name,
             GVariant *parameter)
{
  impact_dashboard_page_go_back (IMPACT_DASHBOARD_PAGE (widget));
}

static void
impact_dashboard_page_dispose (GObject *object)
{
  ImpactDashboardPage *self = IMPACT_DASHBOARD_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->store);
  g_clear_pointer (&self->trail, g_ptr_array_unref);
  g_clear_pointer (&self->figures, impact_figures_free);
  gtk_widget_dispose_template (GTK_WIDGET (self), IMPACT_TYPE_DASHBOARD_PAGE);

  G_OBJECT_CLASS (impact_dashboard_page_parent_class)->dispose (object);
}

static void
impact_dashboard_page_get_property (GObject *object,
                                    guint prop_id,
                                    GValue *value,
                                    GParamSpec *pspec)
{
  ImpactDashboardPage *self = IMPACT_DASHBOARD_PAGE (object);

  switch (prop_id)
    {
    case PROP_EXPIRY_HORIZON:
      g_value_set_uint (value, self->horizon);
      break;
    case PROP_NOTIFY_EXPIRY:
      g_value_set_boolean (value, self->notify_expiry);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
impact_dashboard_page_set_property (GObject *object,
                                    guint prop_id,
                                    const GValue *value,
                                    GParamSpec *pspec)
{
  ImpactDashboardPage *self = IMPACT_DASHBOARD_PAGE (object);

  switch (prop_id)
    {
    case PROP_EXPIRY_HORIZON:
      if (self->horizon != g_value_get_uint (value))
        {
          self->horizon = g_value_get_uint (value);
          g_object_notify_by_pspec (object, pspec);
          impact_dashboard_page_reload (self);
        }
      break;
    case PROP_NOTIFY_EXPIRY:
      if (self->notify_expiry != g_value_get_boolean (value))
        {
          self->notify_expiry = g_value_get_boolean (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
impact_dashboard_page_class_init (ImpactDashboardPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = impact_dashboard_page_dispose;
  object_class->get_property = impact_dashboard_page_get_property;
  object_class->set_property = impact_dashboard_page_set_property;

  /**
   * ImpactDashboardPage:expiry-horizon:
   * Certificates ending within this many days are listed and counted.
   */
  properties[PROP_EXPIRY_HORIZON] = g_param_spec_uint ("expiry-horizon", NULL, NULL, 1, 3650, 90,
                                                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * ImpactDashboardPage:notify-expiry:
   * Whether certificates that end within 30 days, or just ended, are told once in a desktop
   * notification.
   */
  properties[PROP_NOTIFY_EXPIRY] = g_param_spec_boolean ("notify-expiry", NULL, NULL, TRUE,
                                                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (IMPACT_TYPE_BREADCRUMB);
  g_type_ensure (IMPACT_TYPE_NODE_SEARCH);
  g_type_ensure (IMPACT_TYPE_PERIOD_PICKER);
  g_type_ensure (IMPACT_TYPE_KEY_FIGURES);
  g_type_ensure (IMPACT_TYPE_CHART_GRID);
  g_type_ensure (IMPACT_TYPE_SOCIAL_PANEL);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/impactdashboard/ImpactDashboard/impact-dashboard-page.ui");
  gtk_widget_class_bind_template_child (widget_class, ImpactDashboardPage, breadcrumb);
  gtk_widget_class_bind_template_child (widget_class, ImpactDashboardPage, node_search);
  gtk_widget_class_bind_template_child (widget_class, ImpactDashboardPage, period_picker);
  gtk_widget_class_bind_template_child (widget_class, ImpactDashboardPage, header_box);
  gtk_widget_class_bind_template_child (widget_class, ImpactDashboardPage, period_box);
  gtk_widget_class_bind_template_child (widget_class, ImpactDashboardPage, loading_spinner);
  gtk_widget_class_bind_template_child (widget_class, ImpactDashboardPage, key_figures);
  gtk_widget_class_bind_template_child (widget_class, ImpactDashboardPage, chart_grid);
  gtk_widget_class_bind_template_child (widget_class, ImpactDashboardPage, social_panel);
  gtk_widget_class_bind_template_child (widget_class, ImpactDashboardPage, expiry_banner);
  gtk_widget_class_bind_template_child (widget_class, ImpactDashboardPage, expiry_banner_label);

  gtk_widget_class_install_action (widget_class, "dashboard.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "dashboard.show-expiring", NULL, show_expiring_action);
  gtk_widget_class_install_action (widget_class, "dashboard.dismiss-expiry", NULL, dismiss_expiry_action);
  gtk_widget_class_install_action (widget_class, "dashboard.set-target", NULL, set_target_action);
  gtk_widget_class_install_action (widget_class, "dashboard.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "dashboard.show-suppliers", NULL, show_suppliers_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "dashboard.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "dashboard.back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Back, 0, "dashboard.back", NULL);
}

/* The mouse's back button goes up a level, as Alt+Left does. */
static void
on_back_button_cb (GtkGestureClick *gesture,
                   int n_press,
                   double x,
                   double y,
                   gpointer user_data)
{
  if (impact_dashboard_page_go_back (IMPACT_DASHBOARD_PAGE (user_data)))
    gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
}

/* The cards are not to be focused themselves: the charts in them are. */
static void
unfocus_children (GtkFlowBox *box)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (box)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    gtk_widget_set_focusable (child, FALSE);
}

static void
impact_dashboard_page_init (ImpactDashboardPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->horizon = 90;
  self->notify_expiry = TRUE;
  self->trail = g_ptr_array_new_with_free_func ((GDestroyNotify) impact_node_free);
  {
    GtkGesture *back = gtk_gesture_click_new ();

    /* Button 8 is "back" on mice that have one. */
    gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (back), 8);
    g_signal_connect (back, "pressed", G_CALLBACK (on_back_button_cb), self);
    gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (back));
  }
  g_signal_connect (self->breadcrumb, "crumb-clicked", G_CALLBACK (on_crumb_clicked_cb), self);
  g_signal_connect_swapped (self->key_figures, "target-changed", G_CALLBACK (impact_dashboard_page_reload), self);
  g_signal_connect (self->node_search, "node-chosen", G_CALLBACK (on_node_chosen_cb), self);
  g_signal_connect_swapped (self->period_picker, "changed", G_CALLBACK (impact_dashboard_page_reload), self);
  unfocus_children (self->header_box);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "dashboard.back", FALSE);
  g_signal_connect (self->chart_grid, "child-activated", G_CALLBACK (on_child_activated_cb), self);
  g_signal_connect (self->chart_grid, "supplier-activated", G_CALLBACK (on_supplier_activated_cb), self);
  g_signal_connect_swapped (self->social_panel, "changed", G_CALLBACK (impact_dashboard_page_reload), self);
  g_signal_connect (self->social_panel, "object-activated", G_CALLBACK (on_panel_object_activated_cb), self);
  g_signal_connect (self->social_panel, "supplier-activated", G_CALLBACK (on_panel_supplier_activated_cb), self);
}

/* Writes chart @chart_name ("children", "compare", "trend", "classes", "suppliers") as
 * @format ("png", "svg", "pdf", or "csv", "xlsx" for its table) to @path; what the Save menu
 * of a chart does after asking. */
gboolean
impact_dashboard_page_save_chart (ImpactDashboardPage *self,
                                  const char *chart_name,
                                  const char *format,
                                  const char *path,
                                  double width,
                                  double height,
                                  double scale,
                                  GError **error)
{
  ImpactChartCard *card;

  g_return_val_if_fail (IMPACT_IS_DASHBOARD_PAGE (self), FALSE);

  card = impact_chart_grid_get_card (self->chart_grid, chart_name);
  if (card == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _ ("There is no chart “%s” to save."), chart_name);
      return FALSE;
    }
  return impact_chart_card_save (card, format, path, width, height, scale, error);
}
