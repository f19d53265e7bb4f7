/* impact-chart-grid.c: the dashboard's charts of one node and period
 *
 * Spend per division or object (a column opens it: "child-activated"), social spend per
 * division or object against the period before, spend per month with the social share, spend
 * per social class, and the largest non-social suppliers (a bar opens the supplier:
 * "supplier-activated"), two cards to a line where the window is wide enough. An object has
 * nothing below it, so its page has no charts of children; a period without purchases shows
 * a status page instead of empty charts.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "impact-chart-grid"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "impact-chart-figures.h"
#include "impact-chart-grid.h"

struct _ImpactChartGrid
{
  AdwBin parent_instance;

  /* Template widgets */
  AdwStatusPage *empty_page;
  GtkFlowBox *chart_box;
  ImpactChartCard *children_card;
  ImpactChartCard *compare_card;
  ImpactChartCard *trend_card;
  ImpactChartCard *classes_card;
  ImpactChartCard *suppliers_card;
};

enum
{
  SIGNAL_CHILD_ACTIVATED,
  SIGNAL_SUPPLIER_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (ImpactChartGrid, impact_chart_grid, ADW_TYPE_BIN)

static void
show_card (ImpactChartCard *card,
           ImpactChart *chart,
           const char *title,
           gboolean visible)
{
  impact_chart_card_show (card, chart, title);
  gtk_widget_set_visible (gtk_widget_get_parent (GTK_WIDGET (card)), visible);
}

/* Shows the charts of @figures, or the status page when nothing was bought in its period. */
void
impact_chart_grid_show (ImpactChartGrid *self,
                        const ImpactFigures *figures)
{
  g_autoptr (ImpactChart) children = NULL;
  g_autoptr (ImpactChart) compare = NULL;
  g_autoptr (ImpactChart) trend = NULL;
  g_autoptr (ImpactChart) classes = NULL;
  g_autoptr (ImpactChart) suppliers = NULL;
  gboolean group, object, any;

  g_return_if_fail (IMPACT_IS_CHART_GRID (self));
  g_return_if_fail (figures != NULL);

  children = impact_chart_new_children (figures);
  compare = impact_chart_new_children_compare (figures);
  trend = impact_chart_new_trend (figures, IMPACT_CHART_COLUMNS);
  classes = impact_chart_new_classes (figures);
  suppliers = impact_chart_new_suppliers (figures->top_non_social);
  group = figures->node->level == IMPACT_NODE_GROUP;
  object = figures->node->level == IMPACT_NODE_OBJECT;
  any = figures->spend.total_cents != 0 || figures->top_suppliers->len > 0;

  gtk_widget_set_visible (GTK_WIDGET (self->chart_box), any);
  gtk_widget_set_visible (GTK_WIDGET (self->empty_page), !any);
  show_card (self->children_card, children, group ? _ ("Spend per Division") : _ ("Spend per Object"), !object);
  show_card (self->compare_card, compare,
             group ? _ ("Social Spend per Division, Then and Now") : _ ("Social Spend per Object, Then and Now"), !object);
  show_card (self->trend_card, trend, _ ("Spend per Month"), TRUE);
  show_card (self->classes_card, classes, _ ("Spend per Social Class"), TRUE);
  show_card (self->suppliers_card, suppliers, _ ("Largest Non-Social Suppliers"), TRUE);
}

/* The card of chart @chart_name ("children", "compare", "trend", "classes", "suppliers"),
 * or NULL. */
ImpactChartCard *
impact_chart_grid_get_card (ImpactChartGrid *self,
                            const char *chart_name)
{
  ImpactChartCard *cards[] = { self->children_card, self->compare_card, self->trend_card, self->classes_card,
                               self->suppliers_card };

  g_return_val_if_fail (IMPACT_IS_CHART_GRID (self), NULL);

  for (guint i = 0; i < G_N_ELEMENTS (cards); i++)
    if (g_strcmp0 (impact_chart_card_get_chart_name (cards[i]), chart_name) == 0)
      return cards[i];
  return NULL;
}

static void
on_child_activated_cb (ImpactChartView *view,
                       guint index,
                       gpointer user_data)
{
  g_signal_emit (user_data, signals[SIGNAL_CHILD_ACTIVATED], 0, index);
}

static void
on_supplier_activated_cb (ImpactChartView *view,
                          guint index,
                          gpointer user_data)
{
  g_signal_emit (user_data, signals[SIGNAL_SUPPLIER_ACTIVATED], 0, index);
}

static void
impact_chart_grid_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), IMPACT_TYPE_CHART_GRID);

  G_OBJECT_CLASS (impact_chart_grid_parent_class)->dispose (object);
}

static void
impact_chart_grid_class_init (ImpactChartGridClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = impact_chart_grid_dispose;

  /**
   * ImpactChartGrid::child-activated:
   * @index: the division's or object's place in the figures' by_child list
   *
   * A column of spend per division or object was clicked or activated.
   */
  signals[SIGNAL_CHILD_ACTIVATED] = g_signal_new ("child-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);
  /**
   * ImpactChartGrid::supplier-activated:
   * @index: the supplier's place in the figures' top_non_social list
   */
  signals[SIGNAL_SUPPLIER_ACTIVATED] = g_signal_new ("supplier-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                                     0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);

  g_type_ensure (IMPACT_TYPE_CHART_CARD);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/impactdashboard/ImpactDashboard/impact-chart-grid.ui");
  gtk_widget_class_bind_template_child (widget_class, ImpactChartGrid, empty_page);
  gtk_widget_class_bind_template_child (widget_class, ImpactChartGrid, chart_box);
  gtk_widget_class_bind_template_child (widget_class, ImpactChartGrid, children_card);
  gtk_widget_class_bind_template_child (widget_class, ImpactChartGrid, compare_card);
  gtk_widget_class_bind_template_child (widget_class, ImpactChartGrid, trend_card);
  gtk_widget_class_bind_template_child (widget_class, ImpactChartGrid, classes_card);
  gtk_widget_class_bind_template_child (widget_class, ImpactChartGrid, suppliers_card);
}

static void
impact_chart_grid_init (ImpactChartGrid *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  /* The cards are not to be focused themselves: the charts in them are. */
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->chart_box)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    gtk_widget_set_focusable (child, FALSE);
  g_signal_connect (impact_chart_card_get_view (self->children_card), "item-activated",
                    G_CALLBACK (on_child_activated_cb), self);
  g_signal_connect (impact_chart_card_get_view (self->compare_card), "item-activated",
                    G_CALLBACK (on_child_activated_cb), self);
  g_signal_connect (impact_chart_card_get_view (self->suppliers_card), "item-activated",
                    G_CALLBACK (on_supplier_activated_cb), self);
}
