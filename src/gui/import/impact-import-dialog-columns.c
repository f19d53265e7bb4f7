/* impact-import-dialog-columns.c: what the import dialog shows of the file and the check
 *
 * The preview grid: each column's first rows, the field it was taken for with a drop-down
 * to choose another, why (name, values) and, for a guess, a Confirmed check; and the check's
 * figures: rows accepted and rejected (with the reasons), duplicates, total, what would be
 * created. A field chosen or confirmed asks for a new check through "import.recheck".
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "impact-import-dialog"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "impact-import-dialog-private.h"
#include "import/impact-column-report.h"
#include "model/impact-format.h"

static void on_field_selected_cb (GtkDropDown *dropdown, GParamSpec *pspec, ImpactImportDialog *self);
static void on_confirm_toggled_cb (GtkCheckButton *button, ImpactImportDialog *self);

void
_impact_import_dialog_set_count (GtkLabel *label,
                                 gint64 count)
{
  g_autofree char *text = impact_format_count (count);

  gtk_label_set_text (label, text);
}

void
_impact_import_dialog_clear_problems (ImpactImportDialog *self)
{
  for (guint i = 0; i < self->problem_rows->len; i++)
    adw_expander_row_remove (self->rejected_row, g_ptr_array_index (self->problem_rows, i));
  g_ptr_array_set_size (self->problem_rows, 0);
}

void
_impact_import_dialog_show_names (GtkLabel *label,
                                  GPtrArray *names)
{
  g_autoptr (GString) text = g_string_new (NULL);
  g_autofree char *count = impact_format_count (names->len);

  g_string_append (text, count);
  for (guint i = 0; i < names->len && i < 3; i++)
    g_string_append_printf (text, "%s%s", i == 0 ? " (" : ", ", (char *) g_ptr_array_index (names, i));
  if (names->len > 3)
    g_string_append (text, ", …");
  if (names->len > 0)
    g_string_append_c (text, ')');
  gtk_label_set_text (label, text->str);
}

void
_impact_import_dialog_clear_check (ImpactImportDialog *self)
{
  GtkLabel *values[] = { self->accepted_value, self->rejected_value, self->duplicates_value, self->total_value,
                         self->new_suppliers_value, self->new_divisions_value, self->new_objects_value };

  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    gtk_label_set_text (values[i], "—");
  _impact_import_dialog_clear_problems (self);
  adw_expander_row_set_enable_expansion (self->rejected_row, FALSE);
}

/* Columns the import needs whose field was guessed and not yet confirmed. */
guint
_impact_import_dialog_count_unconfirmed (ImpactImportDialog *self)
{
  guint n = 0;

  for (guint c = 0; self->mapping != NULL && c < self->uncertain->len && c < self->fields->len; c++)
    n += g_array_index (self->uncertain, gboolean, c) && !g_array_index (self->confirmed, gboolean, c)
         && impact_mapping_field_is_required (self->mapping, g_array_index (self->fields, ImpactField, c));

  return n;
}

/* Import needs rows to import, and no guess the figures depend on left unconfirmed. */
void
_impact_import_dialog_update_import_sensitive (ImpactImportDialog *self)
{
  gtk_widget_set_sensitive (self->import_button, self->rows_accepted > 0 && _impact_import_dialog_count_unconfirmed (self) == 0
                                                     && g_strcmp0 (self->state, "preview") == 0);
}

void
_impact_import_dialog_show_check (ImpactImportDialog *self,
                                  const ImpactImportSummary *summary)
{
  g_autofree char *total = impact_format_money (summary->total_cents);
  g_autoptr (GString) notes = g_string_new (NULL);

  _impact_import_dialog_set_count (self->accepted_value, summary->rows_accepted);
  _impact_import_dialog_set_count (self->rejected_value, summary->rows_rejected);
  _impact_import_dialog_set_count (self->duplicates_value, summary->rows_duplicate);
  gtk_label_set_text (self->total_value, total);
  _impact_import_dialog_show_names (self->new_suppliers_value, summary->new_suppliers);
  _impact_import_dialog_show_names (self->new_divisions_value, summary->new_divisions);
  _impact_import_dialog_show_names (self->new_objects_value, summary->new_objects);

  _impact_import_dialog_clear_problems (self);
  for (guint i = 0; i < summary->problems->len && i < 200; i++)
    {
      const ImpactImportProblem *problem = g_ptr_array_index (summary->problems, i);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *title = problem->column != NULL
                                   /* Translators: where a rejected row is: its number and column name. */
                                   ? g_strdup_printf (_ ("Row %u, column “%s”"), problem->row, problem->column)
                                   : g_strdup_printf (_ ("Row %u"), problem->row);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), problem->message);
      adw_expander_row_add_row (self->rejected_row, row);
      g_ptr_array_add (self->problem_rows, row);
    }
  adw_expander_row_set_enable_expansion (self->rejected_row, summary->problems->len > 0);

  if (self->notice != NULL)
    g_string_append (notes, self->notice);
  g_clear_pointer (&self->notice, g_free);
  for (guint i = 0; i < summary->warnings->len; i++)
    g_string_append_printf (notes, "%s%s", notes->len > 0 ? "\n" : "", (char *) g_ptr_array_index (summary->warnings, i));
  if (summary->rows_accepted == 0)
    g_string_append_printf (notes, "%s%s", notes->len > 0 ? "\n" : "",
                            _ ("No row can be imported as the columns and options are now."));
  if (summary->name_matches->len > 0)
    {
      g_autofree char *count = impact_format_count (summary->name_matches->len);

      /* Translators: %s is a number of suppliers. */
      g_string_append_printf (notes, "%s", notes->len > 0 ? "\n" : "");
      g_string_append_printf (notes, g_dngettext (GETTEXT_PACKAGE, "%s supplier is matched by its name alone: the rows give no number.", "%s suppliers are matched by their names alone: the rows give no number.", summary->name_matches->len),
                              count);
    }
  if (_impact_import_dialog_count_unconfirmed (self) > 0)
    g_string_append_printf (notes, "%s%s", notes->len > 0 ? "\n" : "",
                            _ ("Some columns were guessed and are not certain: choose their field, or confirm it, "
                               "before importing."));
  gtk_label_set_text (self->notes_label, notes->str);
  gtk_widget_set_visible (GTK_WIDGET (self->notes_label), notes->len > 0);

  self->rows_accepted = summary->rows_accepted;
}

static GtkWidget *
grid_label (const char *text,
            const char *style)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 24);
  gtk_label_set_single_line_mode (GTK_LABEL (label), TRUE);
  if (style != NULL)
    gtk_widget_add_css_class (label, style);

  return label;
}

/* The preview: a field chooser above each column, the column's name, and its first rows. */
void
_impact_import_dialog_fill_preview (ImpactImportDialog *self,
                                    const ImpactImportSummary *summary)
{
  const ImpactRow *header = g_ptr_array_index (summary->preview, 0);
  g_autoptr (GPtrArray) names = g_ptr_array_new ();
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->preview_grid))) != NULL)
    gtk_grid_remove (self->preview_grid, child);
  g_ptr_array_set_size (self->dropdowns, 0);
  g_array_set_size (self->fields, 0);

  for (guint f = 0; f < IMPACT_N_FIELDS; f++)
    g_ptr_array_add (names, (gpointer) impact_field_to_string (f));
  g_ptr_array_add (names, NULL);

  g_array_set_size (self->uncertain, 0);
  g_array_set_size (self->confirmed, 0);
  g_ptr_array_set_size (self->confirm_buttons, 0);
  for (guint c = 0; c < summary->mapping->fields->len; c++)
    {
      ImpactField field = g_array_index (summary->mapping->fields, ImpactField, c);
      const ImpactColumnMatch *match = impact_mapping_get_match (summary->mapping, c);
      const char *name = g_ptr_array_index (summary->mapping->headers, c);
      GtkWidget *dropdown = gtk_drop_down_new_from_strings ((const char *const *) names->pdata);
      g_autofree char *accessible = g_strdup_printf (_ ("Field of column “%s”"), name);
      g_autofree char *why = impact_mapping_describe_column (summary->mapping, c);
      /* Translators: the accessible name of the button that confirms a guessed column. */
      g_autofree char *confirm_name = g_strdup_printf (_ ("Confirm the field of column “%s”"), name);
      GtkWidget *reason = grid_label (why, "caption");
      GtkWidget *confirm = gtk_check_button_new_with_label (_ ("Confirmed"));
      gboolean unsure = match->uncertain;
      const gboolean no = FALSE;

      g_array_append_val (self->fields, field);
      g_array_append_val (self->uncertain, unsure);
      g_array_append_val (self->confirmed, no);
      gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), field);
      gtk_accessible_update_property (GTK_ACCESSIBLE (dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
      gtk_widget_set_tooltip_text (dropdown, accessible);
      g_object_set_data (G_OBJECT (dropdown), "column", GUINT_TO_POINTER (c));
      g_signal_connect (dropdown, "notify::selected", G_CALLBACK (on_field_selected_cb), self);
      gtk_grid_attach (self->preview_grid, dropdown, c + 1, 0, 1, 1);
      g_ptr_array_add (self->dropdowns, dropdown);
      gtk_grid_attach (self->preview_grid, grid_label (name, "heading"), c + 1, 1, 1, 1);

      /* Why the column has its field, on up to three lines; a guess to confirm stands out. */
      gtk_label_set_single_line_mode (GTK_LABEL (reason), FALSE);
      gtk_label_set_wrap (GTK_LABEL (reason), TRUE);
      gtk_label_set_lines (GTK_LABEL (reason), 3);
      gtk_label_set_width_chars (GTK_LABEL (reason), 18);
      gtk_widget_set_valign (reason, GTK_ALIGN_START);
      gtk_widget_set_tooltip_text (reason, why);
      gtk_widget_add_css_class (reason, unsure ? "warning" : "dim-label");
      gtk_grid_attach (self->preview_grid, reason, c + 1, 2, 1, 1);
      gtk_accessible_update_property (GTK_ACCESSIBLE (confirm), GTK_ACCESSIBLE_PROPERTY_LABEL, confirm_name, -1);
      gtk_widget_set_tooltip_text (confirm, confirm_name);
      gtk_widget_set_visible (confirm, unsure);
      g_object_set_data (G_OBJECT (confirm), "column", GUINT_TO_POINTER (c));
      g_signal_connect (confirm, "toggled", G_CALLBACK (on_confirm_toggled_cb), self);
      gtk_grid_attach (self->preview_grid, confirm, c + 1, 3, 1, 1);
      g_ptr_array_add (self->confirm_buttons, confirm);
    }

  for (guint r = 1; r < summary->preview->len; r++)
    {
      const ImpactRow *row = g_ptr_array_index (summary->preview, r);
      g_autofree char *number = g_strdup_printf ("%u", row->number);

      gtk_grid_attach (self->preview_grid, grid_label (number, "dim-label"), 0, r + 3, 1, 1);
      for (guint c = 0; c < header->cells->len && c < summary->mapping->fields->len; c++)
        {
          const ImpactCell *cell = impact_row_get_cell (row, c);
          g_autofree char *text = NULL;

          if (cell->type == IMPACT_CELL_DATE)
            text = impact_format_day (cell->day);
          gtk_grid_attach (self->preview_grid, grid_label (text != NULL ? text : cell->text != NULL ? cell->text
                                                                                                    : "",
                                                           NULL),
                           c + 1, r + 3, 1, 1);
        }
    }
}

static void
on_field_selected_cb (GtkDropDown *dropdown,
                      GParamSpec *pspec,
                      ImpactImportDialog *self)
{
  guint column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (dropdown), "column"));

  g_array_index (self->fields, ImpactField, column) = gtk_drop_down_get_selected (dropdown);
  /* Choosing a field is confirming it. */
  if (!self->filling && column < self->confirmed->len && g_array_index (self->uncertain, gboolean, column))
    gtk_check_button_set_active (g_ptr_array_index (self->confirm_buttons, column), TRUE);
  gtk_widget_activate_action (GTK_WIDGET (self), "import.recheck", NULL);
}

static void
on_confirm_toggled_cb (GtkCheckButton *button,
                       ImpactImportDialog *self)
{
  guint column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "column"));

  g_array_index (self->confirmed, gboolean, column) = gtk_check_button_get_active (button);
  if (!self->filling)
    gtk_widget_activate_action (GTK_WIDGET (self), "import.recheck", NULL);
}
