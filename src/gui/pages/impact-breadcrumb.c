/* impact-breadcrumb.c: the way from the group down to the unit shown
 *
 * "Group › Division › Object": every unit above the one shown is a flat button that goes
 * back to it ("crumb-clicked" with the depth to keep), the one shown is a title.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "impact-breadcrumb"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "impact-breadcrumb.h"
#include "model/impact-entities.h"

struct _ImpactBreadcrumb
{
  GtkWidget parent_instance;
};

enum
{
  SIGNAL_CRUMB_CLICKED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (ImpactBreadcrumb, impact_breadcrumb, GTK_TYPE_WIDGET)

GtkWidget *
impact_breadcrumb_new (void)
{
  return g_object_new (IMPACT_TYPE_BREADCRUMB, NULL);
}

static void
on_crumb_clicked_cb (GtkButton *button,
                     ImpactBreadcrumb *self)
{
  g_signal_emit (self, signals[SIGNAL_CRUMB_CLICKED], 0,
                 GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "depth")));
}

static void
remove_all (ImpactBreadcrumb *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
}

/* Shows @trail, the ImpactNodes from the group down to the one shown. */
void
impact_breadcrumb_show (ImpactBreadcrumb *self,
                        GPtrArray *trail)
{
  g_return_if_fail (IMPACT_IS_BREADCRUMB (self));

  remove_all (self);
  for (guint i = 0; i < trail->len; i++)
    {
      const ImpactNode *node = g_ptr_array_index (trail, i);
      GtkWidget *part;

      if (i > 0)
        {
          GtkWidget *separator = gtk_label_new ("›");

          gtk_widget_add_css_class (separator, "dim-label");
          /* The separator says nothing a screen reader needs. */
          gtk_accessible_update_state (GTK_ACCESSIBLE (separator), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
          gtk_widget_set_parent (separator, GTK_WIDGET (self));
        }
      if (i + 1 < trail->len)
        {
          /* Translators: the tooltip of a breadcrumb button; %s is a division or the group. */
          g_autofree char *tooltip = g_strdup_printf (_ ("Back to %s"), node->name);

          part = gtk_button_new_with_label (node->name);
          gtk_widget_add_css_class (part, "flat");
          gtk_widget_set_tooltip_text (part, tooltip);
          g_object_set_data (G_OBJECT (part), "depth", GUINT_TO_POINTER (i + 1));
          g_signal_connect (part, "clicked", G_CALLBACK (on_crumb_clicked_cb), self);
        }
      else
        {
          part = gtk_label_new (node->name);
          gtk_label_set_ellipsize (GTK_LABEL (part), PANGO_ELLIPSIZE_END);
          gtk_widget_add_css_class (part, "title-3");
          gtk_widget_set_margin_start (part, 6);
        }
      gtk_widget_set_parent (part, GTK_WIDGET (self));
    }
}

static void
impact_breadcrumb_dispose (GObject *object)
{
  remove_all (IMPACT_BREADCRUMB (object));

  G_OBJECT_CLASS (impact_breadcrumb_parent_class)->dispose (object);
}

static void
impact_breadcrumb_class_init (ImpactBreadcrumbClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = impact_breadcrumb_dispose;

  /**
   * ImpactBreadcrumb::crumb-clicked:
   * @depth: how many units of the trail to keep (1 for the group alone)
   */
  signals[SIGNAL_CRUMB_CLICKED] = g_signal_new ("crumb-clicked", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                                NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "box");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
impact_breadcrumb_init (ImpactBreadcrumb *self)
{
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (gtk_widget_get_layout_manager (GTK_WIDGET (self))), 2);
}
