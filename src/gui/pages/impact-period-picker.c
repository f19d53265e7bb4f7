/* impact-period-picker.c: the financial year and the part of it the dashboard shows
 *
 * A button labelled with the period shown ("2025", "Q2 2025", "March 2025") whose popover
 * offers the financial years with purchases and the parts of a year: the whole year, a
 * quarter, a month, or custom months asked for in a dialog. Emits "changed" when the user
 * chose another period; the page then reads the figures and calls
 * impact_period_picker_show() with what it found.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "impact-period-picker"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "impact-period-picker.h"
#include "util/impact-dialogs.h"

struct _ImpactPeriodPicker
{
  GtkWidget parent_instance;

  /* Template widgets */
  GtkMenuButton *period_button;
  GtkDropDown *year_dropdown;
  GtkDropDown *part_dropdown;

  GArray *years;
  guint fy_start;
  ImpactPeriod shown;
  gboolean has_shown;
  ImpactPeriodChoice choice;
  gboolean updating;
};

enum
{
  SIGNAL_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (ImpactPeriodPicker, impact_period_picker, GTK_TYPE_WIDGET)

/* The period @choice means in financial year @year (the one the figures were read for). */
void
impact_period_choice_resolve (const ImpactPeriodChoice *choice,
                              int year,
                              guint fy_start,
                              ImpactPeriod *period)
{
  guint part = choice->part;

  if (part == IMPACT_PART_CUSTOM)
    {
      *period = choice->custom;
      return;
    }
  impact_period_init_year (period, year, fy_start);
  if (part >= IMPACT_PART_FIRST_MONTH && part < IMPACT_PART_CUSTOM)
    {
      period->kind = IMPACT_PERIOD_MONTH;
      period->first_month += part - IMPACT_PART_FIRST_MONTH;
      period->last_month = period->first_month;
    }
  else if (part >= IMPACT_PART_FIRST_QUARTER && part < IMPACT_PART_FIRST_MONTH)
    {
      period->kind = IMPACT_PERIOD_QUARTER;
      period->first_month += 3 * (part - IMPACT_PART_FIRST_QUARTER);
      period->last_month = period->first_month + 2;
    }
}

const ImpactPeriodChoice *
impact_period_picker_get_choice (ImpactPeriodPicker *self)
{
  g_return_val_if_fail (IMPACT_IS_PERIOD_PICKER (self), NULL);

  return &self->choice;
}

/* Back to the whole latest year, as for a database just opened. */
void
impact_period_picker_reset (ImpactPeriodPicker *self)
{
  g_return_if_fail (IMPACT_IS_PERIOD_PICKER (self));

  self->choice.year = 0;
  self->choice.part = IMPACT_PART_YEAR;
  self->has_shown = FALSE;
}

static void
select_part (ImpactPeriodPicker *self,
             guint part)
{
  self->updating = TRUE;
  gtk_drop_down_set_selected (self->part_dropdown, part);
  self->updating = FALSE;
}

/* Offers @years (financial years, latest first) and shows that @year's @shown period was
 * read; @fy_start is the month the financial year starts. */
void
impact_period_picker_show (ImpactPeriodPicker *self,
                           GArray *years,
                           int year,
                           guint fy_start,
                           const ImpactPeriod *shown)
{
  g_autoptr (GtkStringList) list = gtk_string_list_new (NULL);
  g_autoptr (GtkStringList) parts = gtk_string_list_new (NULL);
  g_autofree char *label = impact_period_to_string (shown);
  guint selected = 0;

  g_return_if_fail (IMPACT_IS_PERIOD_PICKER (self));

  g_clear_pointer (&self->years, g_array_unref);
  self->years = g_array_ref (years);
  self->fy_start = fy_start;
  self->choice.year = year;
  self->shown = *shown;
  self->has_shown = TRUE;

  for (guint i = 0; i < years->len; i++)
    {
      ImpactPeriod period;
      g_autofree char *text = NULL;

      impact_period_init_year (&period, g_array_index (years, int, i), fy_start);
      text = impact_period_to_string (&period);
      gtk_string_list_append (list, text);
      if (g_array_index (years, int, i) == year)
        selected = i;
    }

  /* The whole year, its quarters and its months, from the month the financial year starts. */
  gtk_string_list_append (parts, _ ("Whole Year"));
  for (guint q = 1; q <= 4; q++)
    {
      /* Translators: a quarter of the financial year in the period drop-down, as in "Q2". */
      g_autofree char *text = g_strdup_printf (_ ("Q%u"), q);

      gtk_string_list_append (parts, text);
    }
  for (guint m = 0; m < 12; m++)
    {
      g_autoptr (GDateTime) date = g_date_time_new_local (2000, (fy_start - 1 + m) % 12 + 1, 1, 0, 0, 0);
      g_autofree char *text = g_date_time_format (date, "%OB");

      gtk_string_list_append (parts, text);
    }
  gtk_string_list_append (parts, _ ("Custom Months…"));

  self->updating = TRUE;
  gtk_drop_down_set_model (self->year_dropdown, G_LIST_MODEL (list));
  gtk_drop_down_set_selected (self->year_dropdown, selected);
  gtk_drop_down_set_model (self->part_dropdown, G_LIST_MODEL (parts));
  gtk_drop_down_set_selected (self->part_dropdown, self->choice.part);
  self->updating = FALSE;
  gtk_widget_set_visible (GTK_WIDGET (self->period_button), years->len > 0);
  gtk_menu_button_set_label (self->period_button, label);
}

/* Chooses the whole months from @first to @last (as "2025-01"); FALSE when they are not months
 * or the range runs backwards. */
gboolean
impact_period_picker_set_months (ImpactPeriodPicker *self,
                                 const char *first,
                                 const char *last)
{
  ImpactPeriod from, to;

  g_return_val_if_fail (IMPACT_IS_PERIOD_PICKER (self), FALSE);

  if (!impact_period_parse (first, 1, &from, NULL) || !impact_period_parse (last, 1, &to, NULL)
      || from.kind != IMPACT_PERIOD_MONTH || to.kind != IMPACT_PERIOD_MONTH || from.first_month > to.first_month)
    return FALSE;

  self->choice.custom = (ImpactPeriod){ IMPACT_PERIOD_RANGE, from.first_month, to.first_month, self->fy_start };
  self->choice.part = IMPACT_PART_CUSTOM;
  select_part (self, IMPACT_PART_CUSTOM);
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);

  return TRUE;
}

static void
on_custom_response_cb (AdwMessageDialog *dialog,
                       const char *response,
                       gpointer user_data)
{
  g_autoptr (ImpactPeriodPicker) self = user_data;
  GtkWidget *box = adw_message_dialog_get_extra_child (dialog);
  GtkEditable *first = g_object_get_data (G_OBJECT (box), "first");
  GtkEditable *last = g_object_get_data (G_OBJECT (box), "last");

  if (g_str_equal (response, "apply")
      && impact_period_picker_set_months (self, gtk_editable_get_text (first), gtk_editable_get_text (last)))
    return;

  if (g_str_equal (response, "apply"))
    impact_show_failure (GTK_WIDGET (self), _ ("Not a Range of Months"),
                         _ ("Write the first and the last month as YYYY-MM, for example 2025-01 and 2025-06."));

  /* Back to what was shown. */
  select_part (self, self->choice.part);
}

static void
ask_custom_months (ImpactPeriodPicker *self)
{
  g_autofree char *first_text = self->has_shown ? impact_month_to_code (self->shown.first_month) : g_strdup ("");
  g_autofree char *last_text = self->has_shown ? impact_month_to_code (self->shown.last_month) : g_strdup ("");
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *first = impact_form_entry_new (first_text, _ ("First month (YYYY-MM)"), _ ("First month"));
  GtkWidget *last = impact_form_entry_new (last_text, _ ("Last month (YYYY-MM)"), _ ("Last month"));
  AdwMessageDialog *dialog;

  gtk_box_append (GTK_BOX (box), first);
  gtk_box_append (GTK_BOX (box), last);
  g_object_set_data (G_OBJECT (box), "first", first);
  g_object_set_data (G_OBJECT (box), "last", last);

  dialog = impact_form_dialog_new (GTK_WIDGET (self), _ ("Custom Months"),
                                   _ ("The figures of whole months, from the first to the last."), box, "apply",
                                   _ ("_Show"));
  g_signal_connect (dialog, "response", G_CALLBACK (on_custom_response_cb), g_object_ref (self));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_year_selected_cb (GtkDropDown *dropdown,
                     GParamSpec *pspec,
                     ImpactPeriodPicker *self)
{
  guint selected = gtk_drop_down_get_selected (dropdown);

  if (self->updating || self->years == NULL || selected >= self->years->len)
    return;

  self->choice.year = g_array_index (self->years, int, selected);
  /* A year picked after custom months means that whole year. */
  if (self->choice.part == IMPACT_PART_CUSTOM)
    self->choice.part = IMPACT_PART_YEAR;
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

static void
on_part_selected_cb (GtkDropDown *dropdown,
                     GParamSpec *pspec,
                     ImpactPeriodPicker *self)
{
  guint selected = gtk_drop_down_get_selected (dropdown);

  if (self->updating || selected >= IMPACT_N_PARTS)
    return;

  if (selected == IMPACT_PART_CUSTOM)
    {
      ask_custom_months (self);
      return;
    }

  self->choice.part = selected;
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

static void
impact_period_picker_dispose (GObject *object)
{
  ImpactPeriodPicker *self = IMPACT_PERIOD_PICKER (object);

  g_clear_pointer (&self->years, g_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), IMPACT_TYPE_PERIOD_PICKER);

  G_OBJECT_CLASS (impact_period_picker_parent_class)->dispose (object);
}

static void
impact_period_picker_class_init (ImpactPeriodPickerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = impact_period_picker_dispose;

  /**
   * ImpactPeriodPicker::changed:
   * The user chose another year, part of the year or months.
   */
  signals[SIGNAL_CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                          G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/impactdashboard/ImpactDashboard/impact-period-picker.ui");
  gtk_widget_class_bind_template_child (widget_class, ImpactPeriodPicker, period_button);
  gtk_widget_class_bind_template_child (widget_class, ImpactPeriodPicker, year_dropdown);
  gtk_widget_class_bind_template_child (widget_class, ImpactPeriodPicker, part_dropdown);
  gtk_widget_class_bind_template_callback (widget_class, on_year_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_part_selected_cb);
}

static void
impact_period_picker_init (ImpactPeriodPicker *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->fy_start = 1;
  self->choice.part = IMPACT_PART_YEAR;
}
