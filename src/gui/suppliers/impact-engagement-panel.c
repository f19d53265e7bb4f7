/* impact-engagement-panel.c: a supplier's way to a certificate, its history and PSO data
 *
 * Part of the suppliers window, for the chosen supplier: its engagement status (a change is
 * saved at once and dated in the history), target date, contact and notes (saved with the
 * apply button of their row), dated notes, the turnover, FTE and direct share the PSO
 * estimate needs, and Write Letter…, which opens the letter dialog. Emits "changed" after
 * every change, so that the list shows it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "impact-engagement-panel"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "impact-engagement-panel.h"
#include "impact-letter-dialog.h"
#include "import/impact-parse.h"
#include "model/impact-format.h"
#include "storage/impact-store-engagement.h"
#include "storage/impact-store-sroi.h"
#include "util/impact-dialogs.h"

struct _ImpactEngagementPanel
{
  AdwBin parent_instance;

  /* Template widgets */
  AdwPreferencesGroup *engagement_group;
  AdwComboRow *status_row;
  AdwEntryRow *target_row;
  AdwEntryRow *contact_row;
  AdwEntryRow *notes_row;
  AdwEntryRow *history_note_row;
  GtkListBox *history_list;
  AdwEntryRow *turnover_row;
  AdwEntryRow *fte_row;
  AdwEntryRow *direct_row;

  ImpactStore *store;
  gint64 supplier_id;
  char *supplier_name;
  ImpactEngagement engagement;
  gboolean updating;
};

enum
{
  SIGNAL_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (ImpactEngagementPanel, impact_engagement_panel, ADW_TYPE_BIN)

static void
show_history (ImpactEngagementPanel *self)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) events = impact_store_list_engagement_history (self->store, self->supplier_id, &error);

  impact_list_box_clear (self->history_list);
  gtk_widget_set_visible (GTK_WIDGET (self->history_list), events != NULL && events->len > 0);
  if (events == NULL)
    {
      g_warning ("Could not read the engagement history: %s", error->message);
      return;
    }
  for (guint i = 0; i < events->len; i++)
    {
      const ImpactEngagementEvent *event = g_ptr_array_index (events, i);
      g_autofree char *day = impact_format_day (event->day);
      /* Translators: a step in a supplier's history, as in "12 Jan 2026 · Asked". */
      g_autofree char *title = g_strdup_printf (_ ("%s · %s"), day, impact_engagement_status_to_string (event->status));
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      if (event->note != NULL)
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), event->note);
      gtk_list_box_append (self->history_list, row);
    }
}

static void
show_engagement (ImpactEngagementPanel *self)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *target = NULL;
  ImpactPsoSupplier data = { 0 };

  impact_engagement_clear (&self->engagement);
  if (!impact_store_get_engagement (self->store, self->supplier_id, &self->engagement, &error)
      || !impact_store_get_pso_supplier (self->store, self->supplier_id, &data, &error))
    {
      g_warning ("Could not read the supplier's engagement: %s", error->message);
      return;
    }

  self->updating = TRUE;
  adw_combo_row_set_selected (self->status_row, self->engagement.status);
  target = self->engagement.target_day != 0 ? impact_day_to_iso (self->engagement.target_day) : g_strdup ("");
  gtk_editable_set_text (GTK_EDITABLE (self->target_row), target);
  gtk_editable_set_text (GTK_EDITABLE (self->contact_row), self->engagement.contact != NULL ? self->engagement.contact : "");
  gtk_editable_set_text (GTK_EDITABLE (self->notes_row), self->engagement.notes != NULL ? self->engagement.notes : "");
  gtk_editable_set_text (GTK_EDITABLE (self->history_note_row), "");
  if (data.turnover_cents > 0)
    {
      g_autofree char *turnover = impact_format_money (data.turnover_cents);
      g_autofree char *fte = g_strdup_printf ("%g", data.fte);
      g_autofree char *direct = g_strdup_printf ("%g", 100 * data.direct_share);

      gtk_editable_set_text (GTK_EDITABLE (self->turnover_row), turnover);
      gtk_editable_set_text (GTK_EDITABLE (self->fte_row), fte);
      gtk_editable_set_text (GTK_EDITABLE (self->direct_row), direct);
    }
  else
    {
      gtk_editable_set_text (GTK_EDITABLE (self->turnover_row), "");
      gtk_editable_set_text (GTK_EDITABLE (self->fte_row), "");
      gtk_editable_set_text (GTK_EDITABLE (self->direct_row), "");
    }
  self->updating = FALSE;

  {
    g_autofree char *description = NULL;

    if (impact_engagement_is_overdue (&self->engagement, impact_day_today ()))
      {
        g_autofree char *day = impact_format_day (self->engagement.target_day);

        /* Translators: the engagement's target date has passed, as in "Overdue: the target was 30 Jun 2026". */
        description = g_strdup_printf (_ ("Overdue: the target was %s"), day);
      }
    adw_preferences_group_set_description (self->engagement_group,
                                           description != NULL ? description
                                                               : _ ("Its way to a certificate: what was asked and agreed, and by when"));
  }
  show_history (self);
}

/* Shows @supplier_id's engagement from @store. */
void
impact_engagement_panel_show (ImpactEngagementPanel *self,
                              ImpactStore *store,
                              gint64 supplier_id,
                              const char *supplier_name)
{
  g_return_if_fail (IMPACT_IS_ENGAGEMENT_PANEL (self));
  g_return_if_fail (IMPACT_IS_STORE (store));

  g_set_object (&self->store, store);
  self->supplier_id = supplier_id;
  g_free (self->supplier_name);
  self->supplier_name = g_strdup (supplier_name);
  show_engagement (self);
}

/* Saves the engagement as the rows now say, with @note in the history. */
static void
save (ImpactEngagementPanel *self,
      const char *note)
{
  g_autoptr (GError) error = NULL;
  const char *target = gtk_editable_get_text (GTK_EDITABLE (self->target_row));
  ImpactEngagement engagement = { 0 };

  if (self->updating || self->store == NULL)
    return;

  engagement.supplier_id = self->supplier_id;
  engagement.status = adw_combo_row_get_selected (self->status_row);
  engagement.target_day = *target != '\0' ? impact_day_from_iso (target) : 0;
  engagement.contact = (char *) gtk_editable_get_text (GTK_EDITABLE (self->contact_row));
  engagement.notes = (char *) gtk_editable_get_text (GTK_EDITABLE (self->notes_row));
  if (*target != '\0' && engagement.target_day == 0)
    {
      impact_show_failure (GTK_WIDGET (self), _ ("The Engagement Was Not Saved"),
                           _ ("Write the target date as YYYY-MM-DD, for example 2026-12-31; or leave it empty."));
      return;
    }
  if (!impact_store_set_engagement (self->store, &engagement, impact_day_today (), note, &error))
    {
      impact_show_failure (GTK_WIDGET (self), _ ("The Engagement Was Not Saved"), error->message);
      return;
    }
  show_engagement (self);
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

static void
on_status_selected_cb (AdwComboRow *row,
                       GParamSpec *pspec,
                       gpointer user_data)
{
  save (IMPACT_ENGAGEMENT_PANEL (user_data), NULL);
}

static void
on_apply_cb (AdwEntryRow *row,
             gpointer user_data)
{
  save (IMPACT_ENGAGEMENT_PANEL (user_data), NULL);
}

static void
on_note_apply_cb (AdwEntryRow *row,
                  gpointer user_data)
{
  ImpactEngagementPanel *self = user_data;
  g_autofree char *note = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));

  if (*note != '\0')
    save (self, note);
}

static void
on_pso_apply_cb (AdwEntryRow *row,
                 gpointer user_data)
{
  ImpactEngagementPanel *self = user_data;
  g_autoptr (GError) error = NULL;
  ImpactPsoSupplier data = { 0 };
  double direct = 0;

  if (self->updating || self->store == NULL)
    return;

  if (!impact_parse_amount_in_locale (gtk_editable_get_text (GTK_EDITABLE (self->turnover_row)), &data.turnover_cents)
      || !impact_parse_number (gtk_editable_get_text (GTK_EDITABLE (self->fte_row)), &data.fte)
      || !impact_parse_number (gtk_editable_get_text (GTK_EDITABLE (self->direct_row)), &direct))
    {
      impact_show_failure (GTK_WIDGET (self), _ ("The Figures Were Not Saved"),
                           _ ("Fill in all three: the turnover in euros, the FTE and the direct share in percent."));
      return;
    }
  data.direct_share = direct / 100;
  if (!impact_store_set_pso_supplier (self->store, self->supplier_id, &data, &error))
    {
      impact_show_failure (GTK_WIDGET (self), _ ("The Figures Were Not Saved"), error->message);
      return;
    }
  show_engagement (self);
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

static void
write_letter_action (GtkWidget *widget,
                     const char *action_name,
                     GVariant *parameter)
{
  ImpactEngagementPanel *self = IMPACT_ENGAGEMENT_PANEL (widget);
  ImpactLetterDialog *dialog;

  if (self->store == NULL)
    return;

  dialog = impact_letter_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)), self->store, self->supplier_id,
                                     self->supplier_name, &self->engagement);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
impact_engagement_panel_dispose (GObject *object)
{
  ImpactEngagementPanel *self = IMPACT_ENGAGEMENT_PANEL (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->supplier_name, g_free);
  impact_engagement_clear (&self->engagement);
  gtk_widget_dispose_template (GTK_WIDGET (self), IMPACT_TYPE_ENGAGEMENT_PANEL);

  G_OBJECT_CLASS (impact_engagement_panel_parent_class)->dispose (object);
}

static void
impact_engagement_panel_class_init (ImpactEngagementPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = impact_engagement_panel_dispose;

  /**
   * ImpactEngagementPanel::changed:
   * The supplier's engagement or PSO data was saved.
   */
  signals[SIGNAL_CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                          G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/impactdashboard/ImpactDashboard/impact-engagement-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, ImpactEngagementPanel, engagement_group);
  gtk_widget_class_bind_template_child (widget_class, ImpactEngagementPanel, status_row);
  gtk_widget_class_bind_template_child (widget_class, ImpactEngagementPanel, target_row);
  gtk_widget_class_bind_template_child (widget_class, ImpactEngagementPanel, contact_row);
  gtk_widget_class_bind_template_child (widget_class, ImpactEngagementPanel, notes_row);
  gtk_widget_class_bind_template_child (widget_class, ImpactEngagementPanel, history_note_row);
  gtk_widget_class_bind_template_child (widget_class, ImpactEngagementPanel, history_list);
  gtk_widget_class_bind_template_child (widget_class, ImpactEngagementPanel, turnover_row);
  gtk_widget_class_bind_template_child (widget_class, ImpactEngagementPanel, fte_row);
  gtk_widget_class_bind_template_child (widget_class, ImpactEngagementPanel, direct_row);

  gtk_widget_class_install_action (widget_class, "engagement.write-letter", NULL, write_letter_action);
}

static void
impact_engagement_panel_init (ImpactEngagementPanel *self)
{
  g_autoptr (GtkStringList) statuses = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; i < IMPACT_N_ENGAGEMENT_STATUSES; i++)
    gtk_string_list_append (statuses, impact_engagement_status_to_string (i));
  self->updating = TRUE;
  adw_combo_row_set_model (self->status_row, G_LIST_MODEL (statuses));
  self->updating = FALSE;

  g_signal_connect (self->status_row, "notify::selected", G_CALLBACK (on_status_selected_cb), self);
  g_signal_connect (self->target_row, "apply", G_CALLBACK (on_apply_cb), self);
  g_signal_connect (self->contact_row, "apply", G_CALLBACK (on_apply_cb), self);
  g_signal_connect (self->notes_row, "apply", G_CALLBACK (on_apply_cb), self);
  g_signal_connect (self->history_note_row, "apply", G_CALLBACK (on_note_apply_cb), self);
  g_signal_connect (self->turnover_row, "apply", G_CALLBACK (on_pso_apply_cb), self);
  g_signal_connect (self->fte_row, "apply", G_CALLBACK (on_pso_apply_cb), self);
  g_signal_connect (self->direct_row, "apply", G_CALLBACK (on_pso_apply_cb), self);
}
