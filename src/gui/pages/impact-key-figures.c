/* impact-key-figures.c: the four key figures at the top of the dashboard
 *
 * Total spend, social spend and the social share, each against the period before (an arrow
 * and a colour say which way the share went), the share against its target with the button
 * that sets it, and the number of social suppliers with the certificates ending soon. Each
 * card is as tall as its own content. The buttons use the page's "dashboard." actions; the
 * page asks for a target through impact_key_figures_ask_target().
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "impact-key-figures"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "charts/impact-chart-view.h"
#include "impact-key-figures.h"
#include "model/impact-format.h"
#include "util/impact-dialogs.h"

struct _ImpactKeyFigures
{
  AdwBin parent_instance;

  /* Template widgets */
  GtkLabel *total_value;
  GtkLabel *total_detail;
  GtkLabel *social_value;
  GtkLabel *social_detail;
  GtkLabel *share_value;
  GtkLabel *share_detail;
  ImpactChartView *share_bullet;
  GtkButton *target_button;
  GtkLabel *suppliers_value;
  GtkLabel *suppliers_detail;
};

G_DEFINE_FINAL_TYPE (ImpactKeyFigures, impact_key_figures, ADW_TYPE_BIN)

enum
{
  SIGNAL_TARGET_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

typedef struct
{
  ImpactKeyFigures *self;
  ImpactStore *store;
  gint64 node_id;
} TargetJob;

static void
target_job_free (gpointer data,
                 GClosure *closure)
{
  TargetJob *job = data;

  g_object_unref (job->self);
  g_object_unref (job->store);
  g_free (job);
}

static void
set_delta_class (GtkWidget *label,
                 double delta)
{
  gtk_widget_remove_css_class (label, "up");
  gtk_widget_remove_css_class (label, "down");
  if (delta >= 0.05)
    gtk_widget_add_css_class (label, "up");
  else if (delta <= -0.05)
    gtk_widget_add_css_class (label, "down");
}

/* Shows total spend, social spend, the social share against the target and the social
 * suppliers of @figures, each against the period before; @n_expiring certificates end within
 * @horizon days. */
void
impact_key_figures_show (ImpactKeyFigures *self,
                         const ImpactFigures *figures,
                         gint64 n_expiring,
                         guint horizon)
{
  g_autofree char *total = impact_format_money (figures->spend.total_cents);
  g_autofree char *social = impact_format_money (figures->spend.social_cents);
  g_autofree char *previous_total = impact_format_money (figures->previous.total_cents);
  g_autofree char *previous_social = impact_format_money (figures->previous.social_cents);
  g_autofree char *share = NULL;
  g_autofree char *share_detail = NULL;
  g_autofree char *total_detail = NULL;
  g_autofree char *social_detail = NULL;
  g_autofree char *certified = NULL;
  g_autofree char *expiring = NULL;
  g_autofree char *expiring_count = NULL;
  double delta = impact_spend_get_share (&figures->spend) - impact_spend_get_share (&figures->previous);
  guint n_certified = 0;

  g_return_if_fail (IMPACT_IS_KEY_FIGURES (self));
  g_return_if_fail (figures != NULL);

  gtk_label_set_text (self->total_value, total);
  gtk_label_set_text (self->social_value, social);
  /* Translators: a share in percent, as in "6.7%". */
  share = g_strdup_printf (_ ("%.1f%%"), impact_spend_get_share (&figures->spend));
  gtk_label_set_text (self->share_value, share);

  if (figures->previous.total_cents != 0)
    {
      switch (figures->period.kind)
        {
        case IMPACT_PERIOD_MONTH:
          /* Translators: the same figure for the month before, as in "EUR 1,234.00 the month before". */
          total_detail = g_strdup_printf (_ ("%s the month before"), previous_total);
          social_detail = g_strdup_printf (_ ("%s the month before"), previous_social);
          /* Translators: the change of the social share in percentage points. */
          share_detail = g_strdup_printf (_ ("%+.1f points on the month before"), delta);
          break;
        case IMPACT_PERIOD_QUARTER:
          /* Translators: the same figure for the quarter before, as in "EUR 1,234.00 the quarter before". */
          total_detail = g_strdup_printf (_ ("%s the quarter before"), previous_total);
          social_detail = g_strdup_printf (_ ("%s the quarter before"), previous_social);
          /* Translators: the change of the social share in percentage points. */
          share_detail = g_strdup_printf (_ ("%+.1f points on the quarter before"), delta);
          break;
        case IMPACT_PERIOD_RANGE:
          /* Translators: the same figure for the months just before, as in "EUR 1,234.00 the period before". */
          total_detail = g_strdup_printf (_ ("%s the period before"), previous_total);
          social_detail = g_strdup_printf (_ ("%s the period before"), previous_social);
          /* Translators: the change of the social share in percentage points. */
          share_detail = g_strdup_printf (_ ("%+.1f points on the period before"), delta);
          break;
        default:
          /* Translators: the same figure for the year before, as in "EUR 1,234.00 the year before". */
          total_detail = g_strdup_printf (_ ("%s the year before"), previous_total);
          social_detail = g_strdup_printf (_ ("%s the year before"), previous_social);
          /* Translators: the change of the social share in percentage points, as in "+0.4 points on the year before". */
          share_detail = g_strdup_printf (_ ("%+.1f points on the year before"), delta);
          break;
        }
      set_delta_class (GTK_WIDGET (self->share_detail), delta);
    }
  else
    {
      const char *none = figures->period.kind == IMPACT_PERIOD_MONTH     ? _ ("No spend the month before")
                         : figures->period.kind == IMPACT_PERIOD_QUARTER ? _ ("No spend the quarter before")
                         : figures->period.kind == IMPACT_PERIOD_RANGE   ? _ ("No spend the period before")
                                                                         : _ ("No spend the year before");

      total_detail = g_strdup (none);
      social_detail = g_strdup (none);
      share_detail = g_strdup (none);
      set_delta_class (GTK_WIDGET (self->share_detail), 0);
    }
  /* The share against the target, and the button that sets it. */
  {
    g_autoptr (ImpactChart) bullet = impact_chart_new (IMPACT_CHART_BULLET);
    g_autofree char *button = NULL;

    impact_chart_add_item (bullet, _ ("Social share"))->share = impact_spend_get_share (&figures->spend);
    impact_chart_set_target (bullet, figures->target_share);
    impact_chart_view_set_chart (self->share_bullet, bullet);
    gtk_accessible_update_property (GTK_ACCESSIBLE (self->share_bullet), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                    _ ("Social share against the target"), -1);
    if (isnan (figures->target_share))
      button = g_strdup (_ ("Set a Target…"));
    else
      /* Translators: the button that shows and changes the target share, as in "Target 10.0%…". */
      button = g_strdup_printf (_ ("Target %.1f%%…"), figures->target_share);
    gtk_button_set_label (self->target_button, button);
  }

  gtk_label_set_text (self->total_detail, total_detail);
  gtk_label_set_text (self->social_detail, social_detail);
  /* An arrow says which way the share went, beside the colour. */
  if (figures->previous.total_cents != 0 && fabs (delta) >= 0.05)
    {
      g_autofree char *arrowed = g_strconcat (delta > 0 ? "▲ " : "▼ ", share_detail, NULL);

      gtk_label_set_text (self->share_detail, arrowed);
    }
  else
    gtk_label_set_text (self->share_detail, share_detail);

  for (guint k = 0; k < IMPACT_N_SOCIAL_CLASSES; k++)
    if (impact_social_class_is_social (k))
      n_certified += figures->suppliers_per_class[k];
  certified = impact_format_count (n_certified);
  gtk_label_set_text (self->suppliers_value, certified);
  expiring_count = impact_format_count (n_expiring);
  /* Translators: certificates of the whole group that end within a number of days, as in "3 certificates end within 90 days". */
  expiring = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s certificate ends within %u days",
                                           "%s certificates end within %u days", (gulong) n_expiring),
                              expiring_count, horizon);
  gtk_label_set_text (self->suppliers_detail, expiring);
}

static void
on_target_response_cb (AdwMessageDialog *dialog,
                       const char *response,
                       gpointer user_data)
{
  TargetJob *job = user_data;
  g_autoptr (GError) error = NULL;
  GtkSpinButton *spin = GTK_SPIN_BUTTON (adw_message_dialog_get_extra_child (dialog));
  double share;

  if (g_str_equal (response, "save"))
    share = gtk_spin_button_get_value (spin);
  else if (g_str_equal (response, "clear"))
    share = NAN;
  else
    return;

  if (!impact_store_set_share_target (job->store, job->node_id, share, &error))
    {
      impact_show_failure (GTK_WIDGET (job->self), _ ("The Target Was Not Saved"), error->message);
      return;
    }
  g_signal_emit (job->self, signals[SIGNAL_TARGET_CHANGED], 0);
}

/* Asks for the social share the node of @figures aims for, and saves it in @store; emits
 * "target-changed" when it did. */
void
impact_key_figures_ask_target (ImpactKeyFigures *self,
                               ImpactStore *store,
                               const ImpactFigures *figures)
{
  AdwMessageDialog *dialog;
  GtkWidget *spin;
  g_autofree char *body = NULL;
  gboolean own;
  TargetJob *job;

  g_return_if_fail (IMPACT_IS_KEY_FIGURES (self));
  g_return_if_fail (IMPACT_IS_STORE (store));

  if (figures == NULL || figures->node->id <= 0)
    return;

  own = figures->target_node_id == figures->node->id && !isnan (figures->target_share);
  /* Translators: %s is the group, a division or an object. */
  body = g_strdup_printf (_ ("The social share %s aims for, in percent of its spend. Divisions and objects "
                             "without a target of their own follow the one above them."),
                          figures->node->name);
  spin = gtk_spin_button_new_with_range (0, 100, 0.5);
  gtk_spin_button_set_digits (GTK_SPIN_BUTTON (spin), 1);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), isnan (figures->target_share) ? 10 : figures->target_share);
  gtk_accessible_update_property (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_PROPERTY_LABEL, _ ("Target social share in percent"), -1);
  gtk_widget_set_halign (spin, GTK_ALIGN_CENTER);
  dialog = impact_form_dialog_new (GTK_WIDGET (self), _ ("Target Social Share"), body, spin, "save", _ ("_Save"));
  adw_message_dialog_add_response (dialog, "clear", _ ("_Remove Target"));
  adw_message_dialog_set_response_enabled (dialog, "clear", own);
  adw_message_dialog_set_response_appearance (dialog, "clear", ADW_RESPONSE_DESTRUCTIVE);
  job = g_new0 (TargetJob, 1);
  job->self = g_object_ref (self);
  job->store = g_object_ref (store);
  job->node_id = figures->node->id;
  g_signal_connect_data (dialog, "response", G_CALLBACK (on_target_response_cb), job, target_job_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
impact_key_figures_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), IMPACT_TYPE_KEY_FIGURES);

  G_OBJECT_CLASS (impact_key_figures_parent_class)->dispose (object);
}

static void
impact_key_figures_class_init (ImpactKeyFiguresClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = impact_key_figures_dispose;

  /**
   * ImpactKeyFigures::target-changed:
   * A target share was saved or removed through impact_key_figures_ask_target().
   */
  signals[SIGNAL_TARGET_CHANGED] = g_signal_new ("target-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                                 NULL, NULL, NULL, G_TYPE_NONE, 0);

  g_type_ensure (IMPACT_TYPE_CHART_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/impactdashboard/ImpactDashboard/impact-key-figures.ui");
  gtk_widget_class_bind_template_child (widget_class, ImpactKeyFigures, total_value);
  gtk_widget_class_bind_template_child (widget_class, ImpactKeyFigures, total_detail);
  gtk_widget_class_bind_template_child (widget_class, ImpactKeyFigures, social_value);
  gtk_widget_class_bind_template_child (widget_class, ImpactKeyFigures, social_detail);
  gtk_widget_class_bind_template_child (widget_class, ImpactKeyFigures, share_value);
  gtk_widget_class_bind_template_child (widget_class, ImpactKeyFigures, share_detail);
  gtk_widget_class_bind_template_child (widget_class, ImpactKeyFigures, share_bullet);
  gtk_widget_class_bind_template_child (widget_class, ImpactKeyFigures, target_button);
  gtk_widget_class_bind_template_child (widget_class, ImpactKeyFigures, suppliers_value);
  gtk_widget_class_bind_template_child (widget_class, ImpactKeyFigures, suppliers_detail);
}

static void
impact_key_figures_init (ImpactKeyFigures *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  /* The cards are not to be focused themselves: the buttons in them are. (The flow box is
   * not a bound template child: AdwBin unparents its child itself.) */
  for (GtkWidget *child = gtk_widget_get_first_child (adw_bin_get_child (ADW_BIN (self))); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    gtk_widget_set_focusable (child, FALSE);
}
