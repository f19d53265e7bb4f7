/* impact-opportunities-section.c: where the largest non-social spend could go
 *
 * The largest suppliers that are not social, with their spend and category and the state of
 * the engagement with them (red when its follow-up is overdue); each unfolds into the social
 * suppliers the group already buys the same from, and a row that opens the supplier's
 * engagement and letters ("supplier-activated"). Hidden when there is nothing to show.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "impact-opportunities-section"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "impact-opportunities-section.h"
#include "model/impact-engagement.h"
#include "model/impact-format.h"
#include "query/impact-impact-query.h"
#include "util/impact-dialogs.h"

struct _ImpactOpportunitiesSection
{
  AdwBin parent_instance;

  /* Template widgets */
  GtkListBox *opportunities_list;
};

enum
{
  SIGNAL_SUPPLIER_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (ImpactOpportunitiesSection, impact_opportunities_section, ADW_TYPE_BIN)

static void
on_opportunity_activated_cb (AdwActionRow *row,
                             gpointer user_data)
{
  g_signal_emit (user_data, signals[SIGNAL_SUPPLIER_ACTIVATED], 0, g_object_get_data (G_OBJECT (row), "supplier"));
}

/* Lists @opportunities: the largest non-social suppliers, each with social suppliers the
 * group already buys the same from. */
void
impact_opportunities_section_show (ImpactOpportunitiesSection *self,
                                   GPtrArray *opportunities)
{
  guint32 today = impact_day_today ();

  g_return_if_fail (IMPACT_IS_OPPORTUNITIES_SECTION (self));

  impact_list_box_clear (self->opportunities_list);
  gtk_widget_set_visible (GTK_WIDGET (self), opportunities->len > 0);
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
      adw_action_row_add_suffix (ADW_ACTION_ROW (open), impact_decorative_icon_new ("go-next-symbolic"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (open), TRUE);
      g_object_set_data_full (G_OBJECT (open), "supplier", g_strdup (opportunity->name), g_free);
      g_signal_connect (open, "activated", G_CALLBACK (on_opportunity_activated_cb), self);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row), open);
      gtk_list_box_append (self->opportunities_list, row);
    }
}

static void
impact_opportunities_section_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), IMPACT_TYPE_OPPORTUNITIES_SECTION);

  G_OBJECT_CLASS (impact_opportunities_section_parent_class)->dispose (object);
}

static void
impact_opportunities_section_class_init (ImpactOpportunitiesSectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = impact_opportunities_section_dispose;

  /**
   * ImpactOpportunitiesSection::supplier-activated:
   * @name: the supplier
   */
  signals[SIGNAL_SUPPLIER_ACTIVATED] = g_signal_new ("supplier-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                                     0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/impactdashboard/ImpactDashboard/impact-opportunities-section.ui");
  gtk_widget_class_bind_template_child (widget_class, ImpactOpportunitiesSection, opportunities_list);
}

static void
impact_opportunities_section_init (ImpactOpportunitiesSection *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
