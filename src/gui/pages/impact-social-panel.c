/* impact-social-panel.c: social return, the PSO estimate and expiring certificates of a node
 *
 * Below the dashboard's charts, five sections: the social return (SROI) of the node, its
 * divisions and contracts (ImpactSroiSection); on an object's page the contract itself and
 * what was realised otherwise (ImpactContractSection); the opportunities
 * (ImpactOpportunitiesSection); the PSO estimate of a division or the group
 * (ImpactPsoSection); and the certificates that end soon (ImpactExpiringSection). The panel
 * holds the figures the sections show, saves their tables, and emits "changed" when a
 * section changed data, so that the page reads the figures again.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "impact-social-panel"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "export/impact-table.h"
#include "impact-contract-dialog.h"
#include "impact-contract-section.h"
#include "impact-expiring-section.h"
#include "impact-opportunities-section.h"
#include "impact-pso-section.h"
#include "impact-social-panel.h"
#include "impact-sroi-section.h"
#include "impact-what-if-dialog.h"
#include "model/impact-format.h"
#include "util/impact-dialogs.h"

struct _ImpactSocialPanel
{
  AdwBin parent_instance;

  /* Template widgets */
  ImpactSroiSection *sroi_section;
  ImpactContractSection *contract_section;
  ImpactOpportunitiesSection *opportunities_section;
  ImpactPsoSection *pso_section;
  ImpactExpiringSection *expiring_section;

  ImpactStore *store;
  ImpactNode *node;
  ImpactPeriod period;
  ImpactSroiOverview *sroi;
  ImpactPsoFigures *pso;
  GPtrArray *expiring;
};

enum
{
  SIGNAL_CHANGED,
  SIGNAL_OBJECT_ACTIVATED,
  SIGNAL_SUPPLIER_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (ImpactSocialPanel, impact_social_panel, ADW_TYPE_BIN)

/* Shows the figures of @node; takes @sroi, @pso (NULL for an object), @expiring and
 * @opportunities. */
void
impact_social_panel_show (ImpactSocialPanel *self,
                          const ImpactNode *node,
                          const ImpactPeriod *period,
                          ImpactSroiOverview *sroi,
                          ImpactPsoFigures *pso,
                          GPtrArray *expiring,
                          GPtrArray *opportunities,
                          guint horizon)
{
  gboolean object;

  g_return_if_fail (IMPACT_IS_SOCIAL_PANEL (self));
  g_return_if_fail (node != NULL && sroi != NULL && expiring != NULL && opportunities != NULL);

  g_clear_pointer (&self->node, impact_node_free);
  g_clear_pointer (&self->sroi, impact_sroi_overview_free);
  g_clear_pointer (&self->pso, impact_pso_figures_free);
  g_clear_pointer (&self->expiring, g_ptr_array_unref);
  self->node = impact_node_copy (node);
  self->period = *period;
  self->sroi = sroi;
  self->pso = pso;
  self->expiring = expiring;
  object = node->level == IMPACT_NODE_OBJECT;

  impact_sroi_section_show (self->sroi_section, self->node, sroi);
  /* Every section is shown the new figures, those it has nothing to show for too: none may
   * keep pointing at the figures freed above. */
  gtk_widget_set_visible (GTK_WIDGET (self->contract_section), object);
  impact_contract_section_show (self->contract_section, self->node, sroi);
  gtk_widget_set_visible (GTK_WIDGET (self->pso_section), pso != NULL);
  impact_pso_section_show (self->pso_section, self->node, pso);
  impact_expiring_section_show (self->expiring_section, expiring, horizon, sroi->today);
  impact_opportunities_section_show (self->opportunities_section, opportunities);
  g_ptr_array_unref (opportunities);
}

/* Brings the list of certificates that end soon into view, its first row focused. */
void
impact_social_panel_focus_expiring (ImpactSocialPanel *self)
{
  g_return_if_fail (IMPACT_IS_SOCIAL_PANEL (self));

  impact_expiring_section_focus (self->expiring_section);
}

guint
impact_social_panel_get_n_contracts (ImpactSocialPanel *self)
{
  g_return_val_if_fail (IMPACT_IS_SOCIAL_PANEL (self), 0);

  return impact_sroi_section_get_n_contracts (self->sroi_section);
}

/* Opens the contract at @position of the table as it is sorted, as a click does. */
gboolean
impact_social_panel_activate_contract (ImpactSocialPanel *self,
                                       guint position)
{
  g_return_val_if_fail (IMPACT_IS_SOCIAL_PANEL (self), FALSE);

  return impact_sroi_section_activate_contract (self->sroi_section, position);
}

/* Writes the contracts ("contracts") or the certificates ending ("expiring") shown, as CSV
 * ("csv", in the locale's style) or XLSX ("xlsx"), to @path. */
gboolean
impact_social_panel_save_table (ImpactSocialPanel *self,
                                const char *table_name,
                                const char *format,
                                const char *path,
                                GError **error)
{
  g_autoptr (ImpactTable) table = NULL;

  g_return_val_if_fail (IMPACT_IS_SOCIAL_PANEL (self), FALSE);

  if (g_strcmp0 (table_name, "contracts") == 0 && self->sroi != NULL)
    table = impact_table_from_sroi (self->sroi);
  else if (g_strcmp0 (table_name, "expiring") == 0 && self->expiring != NULL)
    table = impact_table_from_expiring (self->expiring);
  if (table == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _ ("There is no table “%s” to save."), table_name);
      return FALSE;
    }
  if (g_str_equal (format, "xlsx"))
    {
      g_autoptr (GPtrArray) tables = g_ptr_array_new ();

      g_ptr_array_add (tables, table);
      return impact_tables_write_xlsx (tables, path, error);
    }
  return impact_table_write_csv (table, path, impact_locale_uses_decimal_comma (), error);
}

static void
save_table_to (GtkWidget *parent,
               const char *path,
               gpointer user_data)
{
  g_auto (GStrv) what = g_strsplit (user_data, "|", 2);
  g_autoptr (GError) error = NULL;

  impact_social_panel_save_table (IMPACT_SOCIAL_PANEL (parent), what[0], what[1], path, &error);
  impact_show_saved (parent, path, _ ("The Table Was Not Saved"), error);
}

static void
save_table_action (GtkWidget *widget,
                   const char *action_name,
                   GVariant *parameter)
{
  const char *what = g_variant_get_string (parameter, NULL);
  g_autofree char *name = g_strdup_printf ("%s.%s",
                                           g_str_has_prefix (what, "contracts") ? _ ("Contracts") : _ ("Certificates Ending Soon"),
                                           g_str_has_suffix (what, "xlsx") ? "xlsx" : "csv");

  impact_choose_save_file (widget, _ ("Save the Table"), _ ("_Save"), name, NULL, NULL, save_table_to, g_strdup (what),
                           g_free);
}

static void
edit_contract_action (GtkWidget *widget,
                      const char *action_name,
                      GVariant *parameter)
{
  ImpactSocialPanel *self = IMPACT_SOCIAL_PANEL (widget);
  const ImpactSroiRow *row = impact_contract_section_get_contract (self->contract_section);

  if (row != NULL && self->store != NULL)
    impact_contract_dialog_present (GTK_WIDGET (self->contract_section), self->store, row);
}

static void
what_if_action (GtkWidget *widget,
                const char *action_name,
                GVariant *parameter)
{
  ImpactSocialPanel *self = IMPACT_SOCIAL_PANEL (widget);
  ImpactWhatIfDialog *dialog;

  if (self->store == NULL || self->node == NULL)
    return;
  dialog = impact_what_if_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)), self->store, self->node, &self->period);
  gtk_window_present (GTK_WINDOW (dialog));
}

void
impact_social_panel_set_store (ImpactSocialPanel *self,
                               ImpactStore *store)
{
  g_return_if_fail (IMPACT_IS_SOCIAL_PANEL (self));

  g_set_object (&self->store, store);
  impact_contract_section_set_store (self->contract_section, store);
  impact_pso_section_set_store (self->pso_section, store);
}

static void
on_section_changed_cb (GtkWidget *section,
                       ImpactSocialPanel *self)
{
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

static void
on_object_activated_cb (ImpactSroiSection *section,
                        gint64 object_id,
                        ImpactSocialPanel *self)
{
  g_signal_emit (self, signals[SIGNAL_OBJECT_ACTIVATED], 0, object_id);
}

static void
on_supplier_activated_cb (GtkWidget *section,
                          const char *name,
                          ImpactSocialPanel *self)
{
  g_signal_emit (self, signals[SIGNAL_SUPPLIER_ACTIVATED], 0, name);
}

static void
impact_social_panel_dispose (GObject *object)
{
  ImpactSocialPanel *self = IMPACT_SOCIAL_PANEL (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), IMPACT_TYPE_SOCIAL_PANEL);
  g_clear_object (&self->store);
  g_clear_pointer (&self->node, impact_node_free);
  g_clear_pointer (&self->sroi, impact_sroi_overview_free);
  g_clear_pointer (&self->pso, impact_pso_figures_free);
  g_clear_pointer (&self->expiring, g_ptr_array_unref);

  G_OBJECT_CLASS (impact_social_panel_parent_class)->dispose (object);
}

static void
impact_social_panel_class_init (ImpactSocialPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = impact_social_panel_dispose;

  /**
   * ImpactSocialPanel::changed:
   * A contract, realisation or PSO input was changed: the figures are out of date.
   */
  signals[SIGNAL_CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                          G_TYPE_NONE, 0);
  /**
   * ImpactSocialPanel::object-activated:
   * @object_id: the contract
   * A contract of the table was clicked.
   */
  signals[SIGNAL_OBJECT_ACTIVATED] = g_signal_new ("object-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                                   NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
  /**
   * ImpactSocialPanel::supplier-activated:
   * @name: the supplier
   * A supplier whose certificate ends, or an opportunity, was clicked.
   */
  signals[SIGNAL_SUPPLIER_ACTIVATED] = g_signal_new ("supplier-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                                     0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  g_type_ensure (IMPACT_TYPE_SROI_SECTION);
  g_type_ensure (IMPACT_TYPE_CONTRACT_SECTION);
  g_type_ensure (IMPACT_TYPE_OPPORTUNITIES_SECTION);
  g_type_ensure (IMPACT_TYPE_PSO_SECTION);
  g_type_ensure (IMPACT_TYPE_EXPIRING_SECTION);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/impactdashboard/ImpactDashboard/impact-social-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, ImpactSocialPanel, sroi_section);
  gtk_widget_class_bind_template_child (widget_class, ImpactSocialPanel, contract_section);
  gtk_widget_class_bind_template_child (widget_class, ImpactSocialPanel, opportunities_section);
  gtk_widget_class_bind_template_child (widget_class, ImpactSocialPanel, pso_section);
  gtk_widget_class_bind_template_child (widget_class, ImpactSocialPanel, expiring_section);

  gtk_widget_class_install_action (widget_class, "panel.edit-contract", NULL, edit_contract_action);
  gtk_widget_class_install_action (widget_class, "panel.what-if", NULL, what_if_action);
  gtk_widget_class_install_action (widget_class, "panel.save-table", "s", save_table_action);
}

static void
impact_social_panel_init (ImpactSocialPanel *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect (self->sroi_section, "object-activated", G_CALLBACK (on_object_activated_cb), self);
  g_signal_connect (self->contract_section, "changed", G_CALLBACK (on_section_changed_cb), self);
  g_signal_connect (self->pso_section, "changed", G_CALLBACK (on_section_changed_cb), self);
  g_signal_connect (self->expiring_section, "supplier-activated", G_CALLBACK (on_supplier_activated_cb), self);
  g_signal_connect (self->opportunities_section, "supplier-activated", G_CALLBACK (on_supplier_activated_cb), self);
}
