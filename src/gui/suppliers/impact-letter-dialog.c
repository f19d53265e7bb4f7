/* impact-letter-dialog.c: a letter to a supplier, from a template, edited, saved as PDF
 *
 * The user picks the letter, its language, who it is from (the group or a division) and
 * the step asked for; the letter is written from the template with the supplier's spend of
 * the last 12 months and the engagement's target date, and can be edited before it is
 * copied or saved as an A4 PDF (which is noted in the supplier's history). Edit Template
 * shows the template itself with its {fields}; the changed template is kept for the next
 * letters, and Restore Built-in goes back to the one that comes with the application.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "impact-letter-dialog"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "impact-letter-dialog.h"
#include "impact-letter-pdf.h"
#include "model/impact-format.h"
#include "query/impact-impact-query.h"
#include "storage/impact-store-engagement.h"
#include "util/impact-dialogs.h"

static const char *const languages[] = { "nl", "en" };

static const ImpactSocialClass steps[] = {
  IMPACT_SOCIAL_CLASS_PSO_BASE,
  IMPACT_SOCIAL_CLASS_PSO_1,
  IMPACT_SOCIAL_CLASS_PSO_2,
  IMPACT_SOCIAL_CLASS_PSO_3,
  IMPACT_SOCIAL_CLASS_PSO_30PLUS,
};

struct _ImpactLetterDialog
{
  AdwWindow parent_instance;

  /* Template widgets */
  AdwToastOverlay *toast_overlay;
  AdwWindowTitle *window_title;
  AdwComboRow *kind_row;
  AdwComboRow *language_row;
  AdwComboRow *division_row;
  AdwComboRow *step_row;
  GtkLabel *hint_label;
  GtkWidget *restore_button;
  GtkToggleButton *template_toggle;
  GtkTextView *text_view;

  ImpactStore *store;
  gint64 supplier_id;
  char *supplier_name;
  ImpactEngagement engagement;
  /* The group first, then its divisions: who the letter is from. */
  GPtrArray *senders;
  /* The template shown while editing it: its kind and language. */
  ImpactLetterKind template_kind;
  guint template_language;
  gboolean updating;
};

G_DEFINE_FINAL_TYPE (ImpactLetterDialog, impact_letter_dialog, ADW_TYPE_WINDOW)

static char *
buffer_text (ImpactLetterDialog *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
set_buffer_text (ImpactLetterDialog *self,
                 const char *text)
{
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->text_view), text, -1);
}

static void
toast (ImpactLetterDialog *self,
       const char *title)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (title));
}

/* Writes the letter again from its template and the choices made. */
static void
write_letter (ImpactLetterDialog *self)
{
  g_autoptr (GError) error = NULL;
  ImpactLetterKind kind = adw_combo_row_get_selected (self->kind_row);
  const char *language = languages[MIN (adw_combo_row_get_selected (self->language_row), 1)];
  guint sender_index = MIN (adw_combo_row_get_selected (self->division_row), self->senders->len - 1);
  const ImpactNode *sender = g_ptr_array_index (self->senders, sender_index);
  const ImpactNode *group = g_ptr_array_index (self->senders, 0);
  g_autofree char *template_text = impact_store_get_letter_template (self->store, kind, language, &error);
  g_autofree char *letter = NULL;
  ImpactLetterFields fields = { 0 };

  if (template_text == NULL)
    {
      g_warning ("Could not read the letter template: %s", error->message);
      return;
    }
  fields.supplier = self->supplier_name;
  fields.contact = self->engagement.contact;
  fields.group = group->name;
  fields.division = sender->name;
  fields.requested_step = impact_letter_step_name (steps[MIN (adw_combo_row_get_selected (self->step_row),
                                                              G_N_ELEMENTS (steps) - 1)],
                                                   language);
  fields.today = impact_day_today ();
  fields.target_day = self->engagement.target_day != 0 ? self->engagement.target_day
                                                       : impact_day_add_months (fields.today, 6);
  if (!impact_query_supplier_spend_12_months (self->store, self->supplier_id, sender, fields.today, &fields.spend_cents,
                                              &error))
    g_warning ("Could not read the supplier's spend: %s", error->message);

  letter = impact_letter_merge (template_text, language, &fields);
  set_buffer_text (self, letter);
}

/* Keeps the template being edited, when it was changed. */
static gboolean
keep_template (ImpactLetterDialog *self)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *text = buffer_text (self);
  g_autofree char *stored = impact_store_get_letter_template (self->store, self->template_kind,
                                                              languages[self->template_language], &error);

  if (stored != NULL && g_str_equal (stored, text))
    return TRUE;
  if (!impact_store_set_letter_template (self->store, self->template_kind, languages[self->template_language], text,
                                         &error))
    {
      impact_show_failure (GTK_WIDGET (self), _ ("The Template Was Not Saved"), error->message);
      return FALSE;
    }
  toast (self, _ ("Template saved for the next letters"));
  return TRUE;
}

static void
show_template (ImpactLetterDialog *self)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *fields = NULL;
  g_autofree char *hint = NULL;
  GString *list = g_string_new (NULL);

  self->template_kind = adw_combo_row_get_selected (self->kind_row);
  self->template_language = MIN (adw_combo_row_get_selected (self->language_row), 1);
  text = impact_store_get_letter_template (self->store, self->template_kind, languages[self->template_language], &error);
  set_buffer_text (self, text != NULL ? text : "");
  for (const char *const *field = impact_letter_get_fields (); *field != NULL; field++)
    g_string_append_printf (list, "%s{%s}", list->len > 0 ? ", " : "", *field);
  fields = g_string_free (list, FALSE);
  /* Translators: the fields a letter template may use, as in "Fields: {supplier}, {contact}, …". */
  hint = g_strdup_printf (_ ("The template. Fields: %s."), fields);
  gtk_label_set_text (self->hint_label, hint);
}

static void
on_choice_changed_cb (AdwComboRow *row,
                      GParamSpec *pspec,
                      gpointer user_data)
{
  ImpactLetterDialog *self = user_data;

  if (self->updating)
    return;
  if (gtk_toggle_button_get_active (self->template_toggle))
    {
      /* Another letter or language: keep the template edited so far, show that one. */
      if (row == self->kind_row || row == self->language_row)
        {
          keep_template (self);
          show_template (self);
        }
      return;
    }
  write_letter (self);
}

static void
on_template_toggled_cb (GtkToggleButton *toggle,
                        gpointer user_data)
{
  ImpactLetterDialog *self = user_data;
  gboolean editing = gtk_toggle_button_get_active (toggle);

  gtk_widget_set_visible (self->restore_button, editing);
  gtk_widget_set_sensitive (GTK_WIDGET (self->division_row), !editing);
  gtk_widget_set_sensitive (GTK_WIDGET (self->step_row), !editing);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "letter.save-pdf", !editing);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "letter.copy", !editing);
  if (editing)
    {
      show_template (self);
      return;
    }
  keep_template (self);
  gtk_label_set_text (self->hint_label, _ ("Changing a choice above writes the letter again; edit the text before saving it."));
  write_letter (self);
}

static void
restore_template_action (GtkWidget *widget,
                         const char *action_name,
                         GVariant *parameter)
{
  ImpactLetterDialog *self = IMPACT_LETTER_DIALOG (widget);
  g_autoptr (GError) error = NULL;

  if (!impact_store_set_letter_template (self->store, self->template_kind, languages[self->template_language], NULL,
                                         &error))
    {
      impact_show_failure (widget, _ ("The Template Was Not Restored"), error->message);
      return;
    }
  show_template (self);
  toast (self, _ ("Built-in template restored"));
}

/* The letter as it is now, with the user's edits. */
char *
impact_letter_dialog_get_text (ImpactLetterDialog *self)
{
  g_return_val_if_fail (IMPACT_IS_LETTER_DIALOG (self), NULL);

  return buffer_text (self);
}

/* Writes the letter to @path as an A4 PDF and notes it in the supplier's history. */
gboolean
impact_letter_dialog_save_pdf (ImpactLetterDialog *self,
                               const char *path,
                               GError **error)
{
  g_autofree char *text = NULL;
  g_autofree char *note = NULL;

  g_return_val_if_fail (IMPACT_IS_LETTER_DIALOG (self), FALSE);

  text = buffer_text (self);
  if (!impact_letter_write_pdf (text, path, error))
    return FALSE;

  /* Translators: a note in a supplier's history, as in "Letter: Ask for the PSO mark". */
  note = g_strdup_printf (_ ("Letter: %s"), impact_letter_kind_to_string (adw_combo_row_get_selected (self->kind_row)));
  return impact_store_set_engagement (self->store, &self->engagement, impact_day_today (), note, error);
}

static void
save_letter_to (GtkWidget *parent,
                const char *path,
                gpointer user_data)
{
  ImpactLetterDialog *self = IMPACT_LETTER_DIALOG (parent);
  g_autoptr (GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;

  if (!impact_letter_dialog_save_pdf (self, path, &error))
    {
      impact_show_failure (parent, _ ("The Letter Was Not Saved"), error->message);
      return;
    }
  /* The dialog's own overlay is inside it, not above it. */
  name = g_filename_display_basename (path);
  title = g_strdup_printf (_ ("Saved as “%s”"), name);
  toast (self, title);
}

static void
save_pdf_action (GtkWidget *widget,
                 const char *action_name,
                 GVariant *parameter)
{
  ImpactLetterDialog *self = IMPACT_LETTER_DIALOG (widget);
  /* Translators: the suggested file name of a letter, as in "Letter to Jansen B.V..pdf". */
  g_autofree char *name = g_strdup_printf (_ ("Letter to %s.pdf"), self->supplier_name);

  impact_choose_save_file (widget, _ ("Save the Letter"), _ ("_Save"), name, _ ("PDF documents"), "application/pdf",
                           save_letter_to, NULL, NULL);
}

static void
copy_action (GtkWidget *widget,
             const char *action_name,
             GVariant *parameter)
{
  ImpactLetterDialog *self = IMPACT_LETTER_DIALOG (widget);
  g_autofree char *text = buffer_text (self);

  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), text);
  toast (self, _ ("Letter copied"));
}

static void
impact_letter_dialog_dispose (GObject *object)
{
  ImpactLetterDialog *self = IMPACT_LETTER_DIALOG (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->supplier_name, g_free);
  g_clear_pointer (&self->senders, g_ptr_array_unref);
  impact_engagement_clear (&self->engagement);
  gtk_widget_dispose_template (GTK_WIDGET (self), IMPACT_TYPE_LETTER_DIALOG);

  G_OBJECT_CLASS (impact_letter_dialog_parent_class)->dispose (object);
}

static void
impact_letter_dialog_class_init (ImpactLetterDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = impact_letter_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/impactdashboard/ImpactDashboard/impact-letter-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, ImpactLetterDialog, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, ImpactLetterDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, ImpactLetterDialog, kind_row);
  gtk_widget_class_bind_template_child (widget_class, ImpactLetterDialog, language_row);
  gtk_widget_class_bind_template_child (widget_class, ImpactLetterDialog, division_row);
  gtk_widget_class_bind_template_child (widget_class, ImpactLetterDialog, step_row);
  gtk_widget_class_bind_template_child (widget_class, ImpactLetterDialog, hint_label);
  gtk_widget_class_bind_template_child (widget_class, ImpactLetterDialog, restore_button);
  gtk_widget_class_bind_template_child (widget_class, ImpactLetterDialog, template_toggle);
  gtk_widget_class_bind_template_child (widget_class, ImpactLetterDialog, text_view);

  gtk_widget_class_install_action (widget_class, "letter.copy", NULL, copy_action);
  gtk_widget_class_install_action (widget_class, "letter.save-pdf", NULL, save_pdf_action);
  gtk_widget_class_install_action (widget_class, "letter.restore-template", NULL, restore_template_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "letter.save-pdf", NULL);
}

static void
impact_letter_dialog_init (ImpactLetterDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

static GListModel *
strings (void)
{
  return G_LIST_MODEL (gtk_string_list_new (NULL));
}

/* A letter to @supplier_id, with what @engagement says of it. */
ImpactLetterDialog *
impact_letter_dialog_new (GtkWindow *parent,
                          ImpactStore *store,
                          gint64 supplier_id,
                          const char *supplier_name,
                          const ImpactEngagement *engagement)
{
  ImpactLetterDialog *self;
  g_autoptr (GListModel) kinds = strings ();
  g_autoptr (GListModel) language_names = strings ();
  g_autoptr (GListModel) senders = strings ();
  g_autoptr (GListModel) step_names = strings ();
  g_autoptr (GPtrArray) divisions = NULL;
  g_autoptr (ImpactNode) group = NULL;
  const char *const *ui_languages = g_get_language_names ();
  gint64 largest = -1;
  guint sender = 0;
  ImpactLetterKind kind;

  g_return_val_if_fail (IMPACT_IS_STORE (store), NULL);
  g_return_val_if_fail (engagement != NULL, NULL);

  self = g_object_new (IMPACT_TYPE_LETTER_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  self->supplier_id = supplier_id;
  self->supplier_name = g_strdup (supplier_name);
  self->engagement = *engagement;
  self->engagement.contact = g_strdup (engagement->contact);
  self->engagement.notes = g_strdup (engagement->notes);
  self->engagement.supplier_id = supplier_id;
  adw_window_title_set_subtitle (self->window_title, supplier_name);

  self->senders = g_ptr_array_new_with_free_func ((GDestroyNotify) impact_node_free);
  group = impact_query_find_node (store, NULL, NULL);
  divisions = impact_store_list_nodes (store, IMPACT_NODE_DIVISION, NULL);
  g_ptr_array_add (self->senders, group != NULL ? impact_node_copy (group) : impact_node_new (IMPACT_NODE_GROUP, "-", "-"));
  gtk_string_list_append (GTK_STRING_LIST (senders), ((ImpactNode *) g_ptr_array_index (self->senders, 0))->name);
  for (guint i = 0; divisions != NULL && i < divisions->len; i++)
    {
      const ImpactNode *division = g_ptr_array_index (divisions, i);
      gint64 cents = 0;

      g_ptr_array_add (self->senders, impact_node_copy (division));
      gtk_string_list_append (GTK_STRING_LIST (senders), division->name);
      /* From the division that buys most there. */
      if (impact_query_supplier_spend_12_months (store, supplier_id, division, impact_day_today (), &cents, NULL)
          && cents > largest && cents > 0)
        {
          largest = cents;
          sender = self->senders->len - 1;
        }
    }

  for (guint k = 0; k < IMPACT_N_LETTER_KINDS; k++)
    gtk_string_list_append (GTK_STRING_LIST (kinds), impact_letter_kind_to_string (k));
  gtk_string_list_append (GTK_STRING_LIST (language_names), _ ("Dutch"));
  gtk_string_list_append (GTK_STRING_LIST (language_names), _ ("English"));
  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    gtk_string_list_append (GTK_STRING_LIST (step_names), impact_social_class_to_string (steps[i]));

  /* The letter that comes next on the way, in the language of the application. */
  switch (engagement->status)
    {
    case IMPACT_ENGAGEMENT_ASKED:
      kind = IMPACT_LETTER_AGREE_PATH;
      break;
    case IMPACT_ENGAGEMENT_PATH_AGREED:
    case IMPACT_ENGAGEMENT_IN_AUDIT:
      kind = IMPACT_LETTER_CONFIRM_PATH;
      break;
    default:
      kind = IMPACT_LETTER_ASK_PSO;
      break;
    }

  self->updating = TRUE;
  adw_combo_row_set_model (self->kind_row, kinds);
  adw_combo_row_set_model (self->language_row, language_names);
  adw_combo_row_set_model (self->division_row, senders);
  adw_combo_row_set_model (self->step_row, step_names);
  adw_combo_row_set_selected (self->kind_row, kind);
  adw_combo_row_set_selected (self->language_row, g_str_has_prefix (ui_languages[0], "nl") ? 0 : 1);
  adw_combo_row_set_selected (self->division_row, sender);
  adw_combo_row_set_selected (self->step_row, 1);
  self->updating = FALSE;

  g_signal_connect (self->kind_row, "notify::selected", G_CALLBACK (on_choice_changed_cb), self);
  g_signal_connect (self->language_row, "notify::selected", G_CALLBACK (on_choice_changed_cb), self);
  g_signal_connect (self->division_row, "notify::selected", G_CALLBACK (on_choice_changed_cb), self);
  g_signal_connect (self->step_row, "notify::selected", G_CALLBACK (on_choice_changed_cb), self);
  g_signal_connect (self->template_toggle, "toggled", G_CALLBACK (on_template_toggled_cb), self);
  gtk_label_set_text (self->hint_label, _ ("Changing a choice above writes the letter again; edit the text before saving it."));
  write_letter (self);

  return self;
}
