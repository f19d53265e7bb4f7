/* impact-expiring-section.c: the certificates of suppliers that end soon
 *
 * Each supplier whose status ends within the horizon, or just ended, with the day and the
 * spend of the last 12 months there (at risk: from that day it no longer counts as social);
 * a row opens the supplier ("supplier-activated"). The table can be saved through the
 * panel's "panel.save-table".
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "impact-expiring-section"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "impact-expiring-section.h"
#include "model/impact-format.h"
#include "query/impact-impact-query.h"
#include "util/impact-dialogs.h"

struct _ImpactExpiringSection
{
  AdwBin parent_instance;

  /* Template widgets */
  AdwPreferencesGroup *expiring_group;
  GtkListBox *expiring_list;
};

enum
{
  SIGNAL_SUPPLIER_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (ImpactExpiringSection, impact_expiring_section, ADW_TYPE_BIN)

static void
on_expiring_activated_cb (AdwActionRow *row,
                          gpointer user_data)
{
  g_signal_emit (user_data, signals[SIGNAL_SUPPLIER_ACTIVATED], 0, adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)));
}

/* Lists @expiring, the certificates ending within @horizon days of @today or just ended. */
void
impact_expiring_section_show (ImpactExpiringSection *self,
                              GPtrArray *expiring,
                              guint horizon,
                              guint32 today)
{
  g_autofree char *description = g_strdup_printf (
      g_dngettext (GETTEXT_PACKAGE, "Ending within %u day, with the spend of the last 12 months at each supplier",
                   "Ending within %u days, with the spend of the last 12 months at each supplier", horizon),
      horizon);

  adw_preferences_group_set_description (self->expiring_group, description);
  impact_list_box_clear (self->expiring_list);
  if (expiring->len == 0)
    {
      impact_list_box_add_placeholder (self->expiring_list, _ ("No certificate ends soon"));
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
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), impact_decorative_icon_new ("go-next-symbolic"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      gtk_widget_set_tooltip_text (row, _ ("Show this supplier and its statuses"));
      g_signal_connect (row, "activated", G_CALLBACK (on_expiring_activated_cb), self);
      gtk_list_box_append (self->expiring_list, row);
    }
}

/* Brings the list into view, its first row focused. */
void
impact_expiring_section_focus (ImpactExpiringSection *self)
{
  GtkWidget *first;

  g_return_if_fail (IMPACT_IS_EXPIRING_SECTION (self));

  first = gtk_widget_get_first_child (GTK_WIDGET (self->expiring_list));
  if (first != NULL)
    gtk_widget_grab_focus (first);
}

static void
impact_expiring_section_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), IMPACT_TYPE_EXPIRING_SECTION);

  G_OBJECT_CLASS (impact_expiring_section_parent_class)->dispose (object);
}

static void
impact_expiring_section_class_init (ImpactExpiringSectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = impact_expiring_section_dispose;

  /**
   * ImpactExpiringSection::supplier-activated:
   * @name: the supplier
   */
  signals[SIGNAL_SUPPLIER_ACTIVATED] = g_signal_new ("supplier-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                                     0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/impactdashboard/ImpactDashboard/impact-expiring-section.ui");
  gtk_widget_class_bind_template_child (widget_class, ImpactExpiringSection, expiring_group);
  gtk_widget_class_bind_template_child (widget_class, ImpactExpiringSection, expiring_list);
}

static void
impact_expiring_section_init (ImpactExpiringSection *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
