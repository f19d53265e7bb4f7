/* impact-what-if-dialog.c: what moving part of a supplier's spend elsewhere would do
 *
 * For the node and period of the dashboard: a supplier it bought from (largest first), where
 * the spend goes instead (a social supplier, or an average supplier of a social class) and
 * which share; below, the social share, the social return of the node and of each contract
 * affected, and the PSO estimate, before and after. Nothing is saved. The figures follow the
 * choices a moment after they change, worked out on a worker thread with a connection of its
 * own (on a million purchase lines that takes a quarter of a second).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "impact-what-if-dialog"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "impact-what-if-dialog.h"
#include "model/impact-format.h"
#include "util/impact-dialogs.h"

/* The classes an average supplier can be of, offered first under To. */
static const ImpactSocialClass target_classes[] = {
  IMPACT_SOCIAL_CLASS_PSO_30PLUS,
  IMPACT_SOCIAL_CLASS_SW,
  IMPACT_SOCIAL_CLASS_SOCIAL_ENTERPRISE,
  IMPACT_SOCIAL_CLASS_PSO_3,
  IMPACT_SOCIAL_CLASS_PSO_2,
  IMPACT_SOCIAL_CLASS_PSO_1,
};

struct _ImpactWhatIfDialog
{
  AdwWindow parent_instance;

  /* Template widgets */
  AdwWindowTitle *window_title;
  AdwComboRow *from_row;
  AdwComboRow *to_row;
  GtkScale *share_scale;
  AdwActionRow *moved_row;
  AdwActionRow *share_row;
  AdwActionRow *sroi_row;
  AdwActionRow *pso_row;
  AdwPreferencesGroup *objects_group;
  GtkListBox *objects_list;

  ImpactStore *store;
  ImpactNode *node;
  ImpactPeriod period;
  GArray *from_ids;
  GArray *to_ids;
  ImpactWhatIf *result;
  guint update_id;
  GCancellable *cancellable;
};

/* What a worker thread needs to work a what-if out. */
typedef struct
{
  char *path;
  ImpactNode *node;
  ImpactPeriod period;
  gint64 from_supplier;
  gint64 to_supplier;
  ImpactSocialClass to_class;
  double fraction;
} Job;

static void
job_free (Job *job)
{
  g_free (job->path);
  impact_node_free (job->node);
  g_free (job);
}

G_DEFINE_FINAL_TYPE (ImpactWhatIfDialog, impact_what_if_dialog, ADW_TYPE_WINDOW)

static char *
sroi_text (const ImpactSroiResult *result)
{
  g_autofree char *realised = impact_format_money (result->realised_purchases_cents + result->realised_manual_cents);

  /* Translators: social return in short, as in "EUR 3,000.00, 60.0%, at risk". */
  return g_strdup_printf (_ ("%s, %.1f%%, %s"), realised, result->realised_share,
                          impact_sroi_status_to_string (result->status));
}

static char *
pso_text (const ImpactPsoEstimate *estimate)
{
  /* Translators: a PSO estimate in short, as in "1.55%, trede 1". */
  return estimate->trede > 0 ? g_strdup_printf (_ ("%.2f%%, trede %u"), estimate->total_share, estimate->trede)
                             : g_strdup_printf (_ ("%.2f%%, below trede 1"), estimate->total_share);
}

static char *
before_after (const char *before,
              const char *after)
{
  /* Translators: a figure before and after a what-if, as in "8.6% → 9.1%". */
  return g_strdup_printf (_ ("%s → %s"), before, after);
}

static void
show_result (ImpactWhatIfDialog *self)
{
  const ImpactWhatIf *what_if = self->result;

  impact_list_box_clear (self->objects_list);
  if (what_if == NULL)
    return;

  {
    g_autofree char *moved = impact_format_money (what_if->moved_cents);

    adw_action_row_set_subtitle (self->moved_row, moved);
  }
  {
    g_autofree char *before = g_strdup_printf (_ ("%.1f%%"), impact_spend_get_share (&what_if->before));
    g_autofree char *after = g_strdup_printf (_ ("%.1f%%"), impact_spend_get_share (&what_if->after));
    g_autofree char *text = before_after (before, after);

    adw_action_row_set_subtitle (self->share_row, text);
  }
  if (what_if->sroi_before.status != IMPACT_SROI_STATUS_NONE)
    {
      g_autofree char *before = sroi_text (&what_if->sroi_before);
      g_autofree char *after = sroi_text (&what_if->sroi_after);
      g_autofree char *text = before_after (before, after);

      adw_action_row_set_subtitle (self->sroi_row, text);
    }
  else
    adw_action_row_set_subtitle (self->sroi_row, _ ("No contract here has a social-return obligation"));
  gtk_widget_set_visible (GTK_WIDGET (self->pso_row), what_if->has_pso);
  if (what_if->has_pso)
    {
      g_autofree char *before = pso_text (&what_if->pso_before);
      g_autofree char *after = pso_text (&what_if->pso_after);
      g_autofree char *text = before_after (before, after);

      adw_action_row_set_subtitle (self->pso_row, text);
    }

  adw_preferences_group_set_description (self->objects_group,
                                         what_if->objects->len == 0
                                             ? _ ("No contract with an obligation has moved spend within its term.")
                                             : NULL);
  for (guint i = 0; i < what_if->objects->len; i++)
    {
      const ImpactWhatIfObject *object = g_ptr_array_index (what_if->objects, i);
      g_autofree char *before = sroi_text (&object->before);
      g_autofree char *after = sroi_text (&object->after);
      g_autofree char *text = before_after (before, after);
      g_autofree char *title = g_strdup_printf (_ ("%s · %s"), object->code, object->name);
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), text);
      if (object->after.status == IMPACT_SROI_STATUS_MET && object->before.status != IMPACT_SROI_STATUS_MET)
        gtk_widget_add_css_class (row, "success");
      gtk_list_box_append (self->objects_list, row);
    }
}

/* The choices made now as a job; FALSE when there is nothing to work out. */
static gboolean
make_job (ImpactWhatIfDialog *self,
          Job *job)
{
  guint from = adw_combo_row_get_selected (self->from_row);
  guint to = adw_combo_row_get_selected (self->to_row);

  if (from >= self->from_ids->len || to >= G_N_ELEMENTS (target_classes) + self->to_ids->len)
    return FALSE;
  job->node = impact_node_copy (self->node);
  job->period = self->period;
  job->from_supplier = g_array_index (self->from_ids, gint64, from);
  job->to_supplier = to < G_N_ELEMENTS (target_classes) ? 0 : g_array_index (self->to_ids, gint64, to - G_N_ELEMENTS (target_classes));
  job->to_class = to < G_N_ELEMENTS (target_classes) ? target_classes[to] : IMPACT_SOCIAL_CLASS_NONE;
  job->fraction = gtk_range_get_value (GTK_RANGE (self->share_scale)) / 100;
  return TRUE;
}

static ImpactWhatIf *
run_job (ImpactStore *store,
         const Job *job,
         GError **error)
{
  return impact_query_what_if (store, job->node, &job->period, impact_day_today (), job->from_supplier, job->to_supplier,
                               job->to_class, job->fraction, error);
}

/* Works the figures out for the choices made now, at once (what the tests call). */
const ImpactWhatIf *
impact_what_if_dialog_update (ImpactWhatIfDialog *self)
{
  g_autoptr (GError) error = NULL;
  Job job = { 0 };

  g_return_val_if_fail (IMPACT_IS_WHAT_IF_DIALOG (self), NULL);

  g_clear_handle_id (&self->update_id, g_source_remove);
  g_cancellable_cancel (self->cancellable);
  g_clear_pointer (&self->result, impact_what_if_free);
  if (make_job (self, &job))
    {
      self->result = run_job (self->store, &job, &error);
      if (self->result == NULL)
        g_warning ("Could not work out the what-if: %s", error->message);
      impact_node_free (job.node);
    }
  show_result (self);
  return self->result;
}

static void
update_thread (GTask *task,
               gpointer source_object,
               gpointer task_data,
               GCancellable *cancellable)
{
  Job *job = task_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (ImpactStore) store = impact_store_open (job->path, &error);
  ImpactWhatIf *result = store != NULL ? run_job (store, job, &error) : NULL;

  if (result == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, result, (GDestroyNotify) impact_what_if_free);
}

static void
on_updated_cb (GObject *object,
               GAsyncResult *result,
               gpointer user_data)
{
  g_autoptr (ImpactWhatIfDialog) self = user_data;
  g_autoptr (GError) error = NULL;
  ImpactWhatIf *what_if = g_task_propagate_pointer (G_TASK (result), &error);

  /* A newer question was asked meanwhile: this answer is old. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || g_task_get_cancellable (G_TASK (result)) != self->cancellable)
    {
      g_clear_pointer (&what_if, impact_what_if_free);
      return;
    }
  if (what_if == NULL)
    {
      g_warning ("Could not work out the what-if: %s", error->message);
      return;
    }
  g_clear_pointer (&self->result, impact_what_if_free);
  self->result = what_if;
  show_result (self);
}

static void
start_update (ImpactWhatIfDialog *self)
{
  g_autoptr (GTask) task = NULL;
  Job *job = g_new0 (Job, 1);

  if (!make_job (self, job))
    {
      g_free (job);
      return;
    }
  job->path = g_strdup (impact_store_get_path (self->store));
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  task = g_task_new (NULL, self->cancellable, on_updated_cb, g_object_ref (self));
  g_task_set_task_data (task, job, (GDestroyNotify) job_free);
  g_task_run_in_thread (task, update_thread);
}

static gboolean
on_update_timeout_cb (gpointer user_data)
{
  ImpactWhatIfDialog *self = user_data;

  self->update_id = 0;
  start_update (self);
  return G_SOURCE_REMOVE;
}

static void
schedule_update (ImpactWhatIfDialog *self)
{
  g_clear_handle_id (&self->update_id, g_source_remove);
  self->update_id = g_timeout_add (150, on_update_timeout_cb, self);
}

static void
impact_what_if_dialog_dispose (GObject *object)
{
  ImpactWhatIfDialog *self = IMPACT_WHAT_IF_DIALOG (object);

  g_clear_handle_id (&self->update_id, g_source_remove);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->store);
  g_clear_pointer (&self->node, impact_node_free);
  g_clear_pointer (&self->from_ids, g_array_unref);
  g_clear_pointer (&self->to_ids, g_array_unref);
  g_clear_pointer (&self->result, impact_what_if_free);
  gtk_widget_dispose_template (GTK_WIDGET (self), IMPACT_TYPE_WHAT_IF_DIALOG);

  G_OBJECT_CLASS (impact_what_if_dialog_parent_class)->dispose (object);
}

static void
impact_what_if_dialog_class_init (ImpactWhatIfDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = impact_what_if_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/impactdashboard/ImpactDashboard/impact-what-if-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, ImpactWhatIfDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, ImpactWhatIfDialog, from_row);
  gtk_widget_class_bind_template_child (widget_class, ImpactWhatIfDialog, to_row);
  gtk_widget_class_bind_template_child (widget_class, ImpactWhatIfDialog, share_scale);
  gtk_widget_class_bind_template_child (widget_class, ImpactWhatIfDialog, moved_row);
  gtk_widget_class_bind_template_child (widget_class, ImpactWhatIfDialog, share_row);
  gtk_widget_class_bind_template_child (widget_class, ImpactWhatIfDialog, sroi_row);
  gtk_widget_class_bind_template_child (widget_class, ImpactWhatIfDialog, pso_row);
  gtk_widget_class_bind_template_child (widget_class, ImpactWhatIfDialog, objects_group);
  gtk_widget_class_bind_template_child (widget_class, ImpactWhatIfDialog, objects_list);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
impact_what_if_dialog_init (ImpactWhatIfDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->from_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->to_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
}

/* A what-if for @node in @period: from the node's 40 largest suppliers, to its social ones
 * (or an average of a class). */
ImpactWhatIfDialog *
impact_what_if_dialog_new (GtkWindow *parent,
                           ImpactStore *store,
                           const ImpactNode *node,
                           const ImpactPeriod *period)
{
  ImpactWhatIfDialog *self;
  g_autoptr (GError) error = NULL;
  g_autoptr (ImpactFigures) figures = NULL;
  g_autoptr (GtkStringList) from_names = gtk_string_list_new (NULL);
  g_autoptr (GtkStringList) to_names = gtk_string_list_new (NULL);
  g_autofree char *period_text = impact_period_to_string (period);
  g_autofree char *subtitle = NULL;

  g_return_val_if_fail (IMPACT_IS_STORE (store), NULL);
  g_return_val_if_fail (node != NULL && period != NULL, NULL);

  self = g_object_new (IMPACT_TYPE_WHAT_IF_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  self->node = impact_node_copy (node);
  self->period = *period;
  /* Translators: the what-if's subtitle, as in "Schoonmaak, 2025". */
  subtitle = g_strdup_printf (_ ("%s, %s"), node->name, period_text);
  adw_window_title_set_subtitle (self->window_title, subtitle);

  figures = impact_query_figures (store, node, period, 40, &error);
  if (figures == NULL)
    g_warning ("Could not read the suppliers: %s", error->message);
  for (guint i = 0; figures != NULL && i < figures->top_suppliers->len; i++)
    {
      const ImpactSupplierFigures *supplier = g_ptr_array_index (figures->top_suppliers, i);
      g_autofree char *money = impact_format_money (supplier->total_cents);
      /* Translators: a supplier and its spend, as in "Jansen B.V. (EUR 12,345.00)". */
      g_autofree char *label = g_strdup_printf (_ ("%s (%s)"), supplier->name, money);

      g_array_append_val (self->from_ids, supplier->supplier_id);
      gtk_string_list_append (from_names, label);
    }

  for (guint i = 0; i < G_N_ELEMENTS (target_classes); i++)
    {
      /* Translators: a what-if target, as in "An average supplier: Sheltered employment (SW)". */
      g_autofree char *label = g_strdup_printf (_ ("An average supplier: %s"), impact_social_class_to_string (target_classes[i]));

      gtk_string_list_append (to_names, label);
    }
  {
    g_autoptr (GPtrArray) rows = impact_query_list_suppliers (store, period, impact_day_today (), NULL);

    for (guint i = 0; rows != NULL && i < rows->len && self->to_ids->len < 200; i++)
      {
        const ImpactSupplierRow *row = g_ptr_array_index (rows, i);
        g_autofree char *label = NULL;

        if (!impact_social_class_is_social (row->class_today))
          continue;
        /* Translators: a social supplier to move spend to, as in "Werkbedrijf Twente (Sheltered employment (SW))". */
        label = g_strdup_printf (_ ("%s (%s)"), row->name, impact_social_class_to_string (row->class_today));
        g_array_append_val (self->to_ids, row->id);
        gtk_string_list_append (to_names, label);
      }
  }

  adw_combo_row_set_model (self->from_row, G_LIST_MODEL (from_names));
  adw_combo_row_set_model (self->to_row, G_LIST_MODEL (to_names));
  /* The largest supplier that is not social: the likeliest one to move from. */
  for (guint i = 0; figures != NULL && i < figures->top_suppliers->len; i++)
    if (!impact_social_class_is_social (((ImpactSupplierFigures *) g_ptr_array_index (figures->top_suppliers, i))->klass))
      {
        adw_combo_row_set_selected (self->from_row, i);
        break;
      }

  g_signal_connect_swapped (self->from_row, "notify::selected", G_CALLBACK (schedule_update), self);
  g_signal_connect_swapped (self->to_row, "notify::selected", G_CALLBACK (schedule_update), self);
  g_signal_connect_swapped (self->share_scale, "value-changed", G_CALLBACK (schedule_update), self);
  start_update (self);

  return self;
}
