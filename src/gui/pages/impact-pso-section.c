/* impact-pso-section.c: the PSO contribution a division or the group makes through its purchases
 *
 * An estimate, not a PSO assessment: the organisation's FTE and direct share (FTE…), the
 * indirect share its PSO-certified suppliers and SW companies bring, the trede reached and
 * what the next one would need, with the formula and the norms (Norms…). A change is saved
 * at once and emits "changed".
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "impact-pso-section"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "impact-pso-section.h"
#include "import/impact-parse.h"
#include "model/impact-format.h"
#include "storage/impact-store-sroi.h"
#include "util/impact-dialogs.h"

struct _ImpactPsoSection
{
  AdwBin parent_instance;

  /* Template widgets */
  AdwActionRow *pso_organisation_row;
  AdwActionRow *pso_indirect_row;
  AdwActionRow *pso_total_row;
  AdwActionRow *pso_next_row;
  GtkLabel *pso_formula;

  ImpactStore *store;
  /* Borrowed from the panel between two impact_pso_section_show() calls. */
  const ImpactNode *node;
  const ImpactPsoFigures *pso;
};

enum
{
  SIGNAL_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (ImpactPsoSection, impact_pso_section, ADW_TYPE_BIN)

static void
emit_changed (ImpactPsoSection *self)
{
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

static void
on_pso_response_cb (AdwMessageDialog *dialog,
                    const char *response,
                    gpointer user_data)
{
  g_autoptr (ImpactPsoSection) self = user_data;
  g_autoptr (GError) error = NULL;
  double fte, direct;

  if (!g_str_equal (response, "save") || self->node == NULL || self->store == NULL)
    return;

  if (!impact_parse_number (impact_form_grid_get_text (dialog, "fte"), &fte) || !impact_parse_number (impact_form_grid_get_text (dialog, "direct"), &direct))
    {
      impact_show_failure (GTK_WIDGET (self), _ ("The Figures Were Not Saved"),
                           _ ("Write both as numbers, for example 240 FTE and 1,5 percent."));
      return;
    }
  if (!impact_store_set_pso_organisation (self->store, self->node->id, fte, direct / 100, &error))
    {
      impact_show_failure (GTK_WIDGET (self), _ ("The Figures Were Not Saved"), error->message);
      return;
    }
  impact_show_toast (GTK_WIDGET (self), _ ("FTE and direct share saved"));
  emit_changed (self);
}

static void
edit_fte_action (GtkWidget *widget,
                 const char *action_name,
                 GVariant *parameter)
{
  ImpactPsoSection *self = IMPACT_PSO_SECTION (widget);
  g_autofree char *fte = NULL, *direct = NULL;
  AdwMessageDialog *dialog;
  GtkWidget *grid;

  if (self->pso == NULL || self->node == NULL)
    return;

  fte = g_strdup_printf ("%g", self->pso->fte);
  direct = g_strdup_printf ("%g", 100 * self->pso->direct_share);
  grid = impact_form_grid_new ();
  impact_form_grid_add_entry (grid, _ ("_FTE"), fte, _ ("The organisation’s staff in full-time equivalents"), "fte");
  impact_form_grid_add_entry (grid, _ ("_Direct share"), direct,
                              _ ("The organisation’s own social contribution as PSO measures it, in percent of its FTE"), "direct");
  dialog = impact_form_dialog_new (GTK_WIDGET (self), _ ("FTE and Direct Share"), self->node->name, grid, "save",
                                   _ ("_Save"));
  g_signal_connect (dialog, "response", G_CALLBACK (on_pso_response_cb), g_object_ref (self));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_norms_response_cb (AdwMessageDialog *dialog,
                      const char *response,
                      gpointer user_data)
{
  g_autoptr (ImpactPsoSection) self = user_data;
  g_autoptr (GError) error = NULL;
  ImpactPsoNorms norms = { 0 };
  static const char *const keys[] = { "trede-1", "trede-2", "trede-3" };

  if (!g_str_equal (response, "save") || self->store == NULL)
    return;

  norms.n_treden = IMPACT_PSO_MAX_TREDEN;
  norms.valid_from = impact_day_from_iso (impact_form_grid_get_text (dialog, "from"));
  for (guint t = 0; t < IMPACT_PSO_MAX_TREDEN; t++)
    if (!impact_parse_number (impact_form_grid_get_text (dialog, keys[t]), &norms.norms[t]))
      norms.valid_from = 0;
  if (norms.valid_from == 0)
    {
      impact_show_failure (GTK_WIDGET (self), _ ("The Norms Were Not Saved"),
                           _ ("Write the date as YYYY-MM-DD and each norm as a percentage, for example 1,9."));
      return;
    }
  if (!impact_store_set_pso_norms (self->store, &norms, &error))
    {
      impact_show_failure (GTK_WIDGET (self), _ ("The Norms Were Not Saved"), error->message);
      return;
    }
  impact_show_toast (GTK_WIDGET (self), _ ("PSO norms saved"));
  emit_changed (self);
}

static void
edit_norms_action (GtkWidget *widget,
                   const char *action_name,
                   GVariant *parameter)
{
  ImpactPsoSection *self = IMPACT_PSO_SECTION (widget);
  g_autofree char *from = NULL;
  g_autofree char *norm[IMPACT_PSO_MAX_TREDEN] = { NULL };
  AdwMessageDialog *dialog;
  GtkWidget *grid;

  if (self->pso == NULL)
    return;

  from = impact_day_to_iso (self->pso->norms.valid_from > 1 ? self->pso->norms.valid_from : impact_day_today ());
  for (guint t = 0; t < IMPACT_PSO_MAX_TREDEN; t++)
    norm[t] = g_strdup_printf ("%g", self->pso->norms.norms[t]);
  grid = impact_form_grid_new ();
  impact_form_grid_add_entry (grid, _ ("Valid _from"), from, _ ("The day these norms start to apply (YYYY-MM-DD)"), "from");
  impact_form_grid_add_entry (grid, _ ("Trede _1"), norm[0], _ ("The total social share trede 1 needs, in percent"), "trede-1");
  impact_form_grid_add_entry (grid, _ ("Trede _2"), norm[1], _ ("The total social share trede 2 needs, in percent"), "trede-2");
  impact_form_grid_add_entry (grid, _ ("Trede _3"), norm[2], _ ("The total social share trede 3 needs, in percent"), "trede-3");
  dialog = impact_form_dialog_new (GTK_WIDGET (self), _ ("PSO Norms"),
                                   _ ("The norms for organisations of 105 FTE or more. A new date keeps the older norms for "
                                      "the periods before it."),
                                   grid, "save", _ ("_Save"));
  g_signal_connect (dialog, "response", G_CALLBACK (on_norms_response_cb), g_object_ref (self));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
set_row_value (AdwActionRow *row,
               const char *value)
{
  adw_action_row_set_subtitle (row, value);
}

/* Shows the PSO estimate of @node: @pso is the panel's and must stay until the next call;
 * NULL (an object has none) leaves the section empty, its actions doing nothing. */
void
impact_pso_section_show (ImpactPsoSection *self,
                         const ImpactNode *node,
                         const ImpactPsoFigures *pso)
{
  const ImpactPsoEstimate *estimate;
  g_autoptr (GString) formula = NULL;

  g_return_if_fail (IMPACT_IS_PSO_SECTION (self));
  g_return_if_fail (node != NULL);

  self->node = node;
  self->pso = pso;
  if (pso == NULL)
    return;
  estimate = &pso->estimate;
  formula = g_string_new (NULL);
  if (!(pso->fte > 0))
    {
      set_row_value (self->pso_organisation_row,
                     self->node->level == IMPACT_NODE_GROUP ? _ ("FTE not known: set them per division, or for the group, with FTE…")
                                                            : _ ("FTE not known: set them with FTE…"));
      set_row_value (self->pso_indirect_row, "—");
      set_row_value (self->pso_total_row, "—");
      set_row_value (self->pso_next_row, "—");
    }
  else
    {
      g_autofree char *fte = g_strdup_printf ("%.0f", pso->fte);
      /* Translators: FTE and direct social share, as in "239 FTE, 1.75% direct". */
      g_autofree char *organisation = g_strdup_printf (_ ("%s FTE, %.2f%% direct"), fte, estimate->direct_share);
      g_autofree char *indirect = g_strdup_printf (estimate->capped ? _ ("%.2f FTE, %.2f%%, capped at 4 × the direct share")
                                                                    : _ ("%.2f FTE, %.2f%%"),
                                                   estimate->indirect_fte, estimate->indirect_share);
      g_autofree char *total = estimate->trede > 0 ? g_strdup_printf (_ ("%.2f%%: trede %u"), estimate->total_share, estimate->trede)
                                                   : g_strdup_printf (_ ("%.2f%%: below trede 1"), estimate->total_share);
      g_autofree char *next = NULL;

      if (estimate->trede >= pso->norms.n_treden)
        next = g_strdup (_ ("The top trede is reached"));
      else if (estimate->extra_spend_next_trede_cents >= 0)
        {
          g_autofree char *money = impact_format_money (estimate->extra_spend_next_trede_cents);

          /* Translators: the gap to the next trede, as in "Trede 2: EUR 3,196,732.26 more at an average certified supplier". */
          next = g_strdup_printf (_ ("Trede %u: %s more at an average certified supplier"), estimate->trede + 1, money);
        }
      else
        /* Translators: the next trede cannot be reached by buying more, as in "Trede 3: not within reach through purchasing". */
        next = g_strdup_printf (_ ("Trede %u: not within reach through purchasing"), estimate->trede + 1);

      set_row_value (self->pso_organisation_row, organisation);
      set_row_value (self->pso_indirect_row, indirect);
      set_row_value (self->pso_total_row, total);
      set_row_value (self->pso_next_row, next);
    }

  g_string_append (formula, _ ("An estimate, not a PSO assessment. Per PSO-certified supplier or SW company: "
                               "iFTE = spend ÷ turnover × FTE × direct share; indirect share = ΣiFTE ÷ (FTE + ΣiFTE), "
                               "at most 4 × the direct share."));
  g_string_append_c (formula, ' ');
  /* Translators: the PSO norms, as in "Norms: trede 1 1.4%, trede 2 1.9%, trede 3 3.7%." */
  g_string_append_printf (formula, _ ("Norms: trede 1 %.1f%%, trede 2 %.1f%%, trede 3 %.1f%%."), pso->norms.norms[0],
                          pso->norms.norms[1], pso->norms.norms[2]);
  if (pso->n_without_data > 0)
    {
      g_autofree char *count = impact_format_count (pso->n_without_data);

      g_string_append_c (formula, ' ');
      g_string_append_printf (formula,
                              g_dngettext (GETTEXT_PACKAGE,
                                           "%s supplier bought from has no turnover and FTE in the register and counts as 0.",
                                           "%s suppliers bought from have no turnover and FTE in the register and count as 0.",
                                           pso->n_without_data),
                              count);
    }
  gtk_label_set_text (self->pso_formula, formula->str);
}

void
impact_pso_section_set_store (ImpactPsoSection *self,
                              ImpactStore *store)
{
  g_return_if_fail (IMPACT_IS_PSO_SECTION (self));

  g_set_object (&self->store, store);
}

static void
impact_pso_section_dispose (GObject *object)
{
  g_clear_object (&IMPACT_PSO_SECTION (object)->store);
  gtk_widget_dispose_template (GTK_WIDGET (object), IMPACT_TYPE_PSO_SECTION);

  G_OBJECT_CLASS (impact_pso_section_parent_class)->dispose (object);
}

static void
impact_pso_section_class_init (ImpactPsoSectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = impact_pso_section_dispose;

  /**
   * ImpactPsoSection::changed:
   * The FTE, direct share or norms were changed: the figures are out of date.
   */
  signals[SIGNAL_CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                          G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/impactdashboard/ImpactDashboard/impact-pso-section.ui");
  gtk_widget_class_bind_template_child (widget_class, ImpactPsoSection, pso_organisation_row);
  gtk_widget_class_bind_template_child (widget_class, ImpactPsoSection, pso_indirect_row);
  gtk_widget_class_bind_template_child (widget_class, ImpactPsoSection, pso_total_row);
  gtk_widget_class_bind_template_child (widget_class, ImpactPsoSection, pso_next_row);
  gtk_widget_class_bind_template_child (widget_class, ImpactPsoSection, pso_formula);

  gtk_widget_class_install_action (widget_class, "pso.edit-fte", NULL, edit_fte_action);
  gtk_widget_class_install_action (widget_class, "pso.edit-norms", NULL, edit_norms_action);
}

static void
impact_pso_section_init (ImpactPsoSection *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
