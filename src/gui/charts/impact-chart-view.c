/* impact-chart-view.c: a chart on screen, with hover, tooltips, keys and drill-down
 *
 * A thin widget around the renderer in src/render: it draws the chart from snapshot()
 * through cairo (crisp at any scale: GTK renders the cairo node at the device scale),
 * follows the light or dark style, highlights the item under the pointer or chosen with the
 * arrow keys, shows its exact amounts in a tooltip, and emits "item-activated" on a click,
 * Enter or Space. For screen readers it is an image whose description states the data.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "impact-chart-view"

#include "config.h"

#include <adwaita.h>

#include "impact-chart-view.h"

struct _ImpactChartView
{
  GtkWidget parent_instance;

  ImpactChart *chart;
  int highlight;
};

enum
{
  SIGNAL_ITEM_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (ImpactChartView, impact_chart_view, GTK_TYPE_WIDGET)

static void
get_style (ImpactChartView *self,
           ImpactChartStyle *style)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();

  style->palette = impact_palette_get (adw_style_manager_get_dark (manager) ? IMPACT_PALETTE_DARK : IMPACT_PALETTE_LIGHT);
  style->font = pango_context_get_font_description (gtk_widget_get_pango_context (GTK_WIDGET (self)));
  style->width = gtk_widget_get_width (GTK_WIDGET (self));
  style->height = gtk_widget_get_height (GTK_WIDGET (self));
  style->highlight = self->highlight;
}

static void
impact_chart_view_snapshot (GtkWidget *widget,
                            GtkSnapshot *snapshot)
{
  ImpactChartView *self = IMPACT_CHART_VIEW (widget);
  ImpactChartStyle style;
  cairo_t *cr;

  if (self->chart == NULL)
    return;

  get_style (self, &style);
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, style.width, style.height));
  impact_chart_draw (self->chart, cr, &style);
  cairo_destroy (cr);
}

static void
impact_chart_view_measure (GtkWidget *widget,
                           GtkOrientation orientation,
                           int for_size,
                           int *minimum,
                           int *natural,
                           int *minimum_baseline,
                           int *natural_baseline)
{
  ImpactChartView *self = IMPACT_CHART_VIEW (widget);
  guint n = self->chart != NULL ? impact_chart_get_n_items (self->chart) : 0;

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      gboolean bullet = self->chart != NULL && impact_chart_get_kind (self->chart) == IMPACT_CHART_BULLET;

      *minimum = bullet ? 60 : 240;
      *natural = bullet ? 120 : 480;
    }
  else if (self->chart != NULL && impact_chart_get_kind (self->chart) == IMPACT_CHART_BULLET)
    {
      *minimum = *natural = 28;
    }
  else if (self->chart != NULL && impact_chart_get_kind (self->chart) == IMPACT_CHART_BARS)
    {
      /* A row per bar. */
      *minimum = *natural = 16 + 30 * MAX (n, 1);
    }
  else
    {
      *minimum = 200;
      *natural = 260;
    }
}

static void
update_accessible (ImpactChartView *self)
{
  g_autofree char *description = self->chart != NULL ? impact_chart_describe (self->chart) : NULL;

  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  description != NULL ? description : "", -1);
}

void
impact_chart_view_set_highlight (ImpactChartView *self,
                                 int index)
{
  g_return_if_fail (IMPACT_IS_CHART_VIEW (self));

  if (self->chart == NULL || index < 0 || (guint) index >= impact_chart_get_n_items (self->chart))
    index = -1;
  if (self->highlight == index)
    return;

  self->highlight = index;
  gtk_widget_trigger_tooltip_query (GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

int
impact_chart_view_get_highlight (ImpactChartView *self)
{
  g_return_val_if_fail (IMPACT_IS_CHART_VIEW (self), -1);

  return self->highlight;
}

static int
hit_test (ImpactChartView *self,
          double x,
          double y)
{
  ImpactChartStyle style;

  if (self->chart == NULL)
    return -1;

  get_style (self, &style);
  return impact_chart_hit_test (self->chart, &style, x, y);
}

static void
on_motion_cb (GtkEventControllerMotion *controller,
              double x,
              double y,
              gpointer user_data)
{
  ImpactChartView *self = user_data;

  impact_chart_view_set_highlight (self, hit_test (self, x, y));
}

static void
on_leave_cb (GtkEventControllerMotion *controller,
             gpointer user_data)
{
  ImpactChartView *self = user_data;

  if (!gtk_widget_has_focus (GTK_WIDGET (self)))
    impact_chart_view_set_highlight (self, -1);
}

static void
on_released_cb (GtkGestureClick *gesture,
                int n_press,
                double x,
                double y,
                gpointer user_data)
{
  ImpactChartView *self = user_data;
  int index = hit_test (self, x, y);

  if (index >= 0)
    g_signal_emit (self, signals[SIGNAL_ITEM_ACTIVATED], 0, (guint) index);
}

/* The keys work through actions (chart.next, chart.previous, chart.first, chart.last,
 * chart.activate), bound in class_init: Left and Right (Up and Down) move the highlight,
 * Home and End jump, Enter or Space opens the item. */
static void
move_action (GtkWidget *widget,
             const char *action_name,
             GVariant *parameter)
{
  ImpactChartView *self = IMPACT_CHART_VIEW (widget);
  int n = self->chart != NULL ? (int) impact_chart_get_n_items (self->chart) : 0;
  int index = self->highlight;

  if (n == 0)
    return;

  if (g_str_equal (action_name, "chart.next"))
    index = index < 0 ? 0 : MIN (index + 1, n - 1);
  else if (g_str_equal (action_name, "chart.previous"))
    index = index <= 0 ? 0 : index - 1;
  else if (g_str_equal (action_name, "chart.first"))
    index = 0;
  else
    index = n - 1;
  impact_chart_view_set_highlight (self, index);
}

static void
activate_action (GtkWidget *widget,
                 const char *action_name,
                 GVariant *parameter)
{
  ImpactChartView *self = IMPACT_CHART_VIEW (widget);

  if (self->highlight >= 0)
    g_signal_emit (self, signals[SIGNAL_ITEM_ACTIVATED], 0, (guint) self->highlight);
}

static void
on_focus_leave_cb (GtkEventControllerFocus *controller,
                   gpointer user_data)
{
  impact_chart_view_set_highlight (IMPACT_CHART_VIEW (user_data), -1);
}

static gboolean
impact_chart_view_query_tooltip (GtkWidget *widget,
                                 int x,
                                 int y,
                                 gboolean keyboard_mode,
                                 GtkTooltip *tooltip)
{
  ImpactChartView *self = IMPACT_CHART_VIEW (widget);
  int index = keyboard_mode ? self->highlight : hit_test (self, x, y);
  g_autofree char *text = NULL;

  if (index < 0)
    return FALSE;

  text = impact_chart_describe_item (self->chart, index);
  gtk_tooltip_set_text (tooltip, text);

  /* Keep the tooltip beside the item it is about. */
  {
    ImpactChartStyle style;
    cairo_rectangle_t area;

    get_style (self, &style);
    if (impact_chart_get_item_area (self->chart, &style, index, &area))
      gtk_tooltip_set_tip_area (tooltip, &(GdkRectangle){ (int) area.x, (int) area.y, (int) area.width, (int) area.height });
  }

  return TRUE;
}

static void
on_dark_changed_cb (AdwStyleManager *manager,
                    GParamSpec *pspec,
                    gpointer user_data)
{
  gtk_widget_queue_draw (GTK_WIDGET (user_data));
}

static void
impact_chart_view_dispose (GObject *object)
{
  ImpactChartView *self = IMPACT_CHART_VIEW (object);

  g_signal_handlers_disconnect_by_data (adw_style_manager_get_default (), self);
  g_clear_pointer (&self->chart, impact_chart_unref);

  G_OBJECT_CLASS (impact_chart_view_parent_class)->dispose (object);
}

static void
impact_chart_view_class_init (ImpactChartViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = impact_chart_view_dispose;
  widget_class->snapshot = impact_chart_view_snapshot;
  widget_class->measure = impact_chart_view_measure;
  widget_class->query_tooltip = impact_chart_view_query_tooltip;

  /**
   * ImpactChartView::item-activated:
   * @index: the item (column, bar or slice) that was clicked or chosen with Enter
   */
  signals[SIGNAL_ITEM_ACTIVATED] = g_signal_new ("item-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                                 NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);

  gtk_widget_class_install_action (widget_class, "chart.next", NULL, move_action);
  gtk_widget_class_install_action (widget_class, "chart.previous", NULL, move_action);
  gtk_widget_class_install_action (widget_class, "chart.first", NULL, move_action);
  gtk_widget_class_install_action (widget_class, "chart.last", NULL, move_action);
  gtk_widget_class_install_action (widget_class, "chart.activate", NULL, activate_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, 0, "chart.next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, 0, "chart.next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, 0, "chart.previous", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, 0, "chart.previous", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Home, 0, "chart.first", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_End, 0, "chart.last", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, 0, "chart.activate", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, 0, "chart.activate", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_space, 0, "chart.activate", NULL);

  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
  gtk_widget_class_set_css_name (widget_class, "chart");
}

static void
impact_chart_view_init (ImpactChartView *self)
{
  GtkEventController *motion = gtk_event_controller_motion_new ();
  GtkEventController *focus = gtk_event_controller_focus_new ();
  GtkGesture *click = gtk_gesture_click_new ();

  self->highlight = -1;
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  gtk_widget_set_hexpand (GTK_WIDGET (self), TRUE);

  g_signal_connect (motion, "motion", G_CALLBACK (on_motion_cb), self);
  g_signal_connect (motion, "leave", G_CALLBACK (on_leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), motion);
  g_signal_connect (focus, "leave", G_CALLBACK (on_focus_leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), focus);
  g_signal_connect (click, "released", G_CALLBACK (on_released_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));

  g_signal_connect (adw_style_manager_get_default (), "notify::dark", G_CALLBACK (on_dark_changed_cb), self);
}

GtkWidget *
impact_chart_view_new (void)
{
  return g_object_new (IMPACT_TYPE_CHART_VIEW, NULL);
}

/* Shows @chart (a reference is taken); NULL shows nothing. */
void
impact_chart_view_set_chart (ImpactChartView *self,
                             ImpactChart *chart)
{
  g_return_if_fail (IMPACT_IS_CHART_VIEW (self));

  if (chart != NULL)
    impact_chart_ref (chart);
  g_clear_pointer (&self->chart, impact_chart_unref);
  self->chart = chart;
  self->highlight = -1;

  update_accessible (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

ImpactChart *
impact_chart_view_get_chart (ImpactChartView *self)
{
  g_return_val_if_fail (IMPACT_IS_CHART_VIEW (self), NULL);

  return self->chart;
}
