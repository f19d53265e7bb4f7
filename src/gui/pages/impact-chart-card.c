/* impact-chart-card.c: one chart of the dashboard, with its table and Save menu
 *
 * A card with the chart's title, a button that shows the same data as a table (each item
 * with its spend, social spend and share, or this period against the one before), and a
 * Save menu: the chart as PNG (at a size and scale asked for), SVG or PDF, its table as CSV
 * or XLSX. "chart-name" names the chart in file names and in impact_chart_card_save().
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "impact-chart-card"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "export/impact-table.h"
#include "impact-chart-card.h"
#include "impact-chart-export.h"
#include "model/impact-format.h"
#include "util/impact-dialogs.h"

struct _ImpactChartCard
{
  AdwBin parent_instance;

  /* Template widgets */
  GtkLabel *title;
  GtkToggleButton *table_toggle;
  GtkStack *stack;
  ImpactChartView *view;
  GtkGrid *table;

  char *chart_name;
};

G_DEFINE_FINAL_TYPE (ImpactChartCard, impact_chart_card, ADW_TYPE_BIN)

enum
{
  PROP_0,
  PROP_CHART_NAME,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
attach_cell (GtkGrid *grid,
             const char *text,
             int column,
             int row,
             gboolean heading)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), column == 0 ? 0 : 1);
  gtk_label_set_ellipsize (GTK_LABEL (label), column == 0 ? PANGO_ELLIPSIZE_END : PANGO_ELLIPSIZE_NONE);
  if (column == 0)
    gtk_label_set_max_width_chars (GTK_LABEL (label), 20);
  gtk_label_set_selectable (GTK_LABEL (label), !heading);
  gtk_widget_set_hexpand (label, column == 0);
  gtk_widget_add_css_class (label, heading ? "heading" : "numeric");
  gtk_grid_attach (grid, label, column, row, 1, 1);
}

/* The chart's data as a table: each item with its spend, social spend and social share. */
static void
fill_table (GtkGrid *grid,
            ImpactChart *chart)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (grid))) != NULL)
    gtk_grid_remove (grid, child);

  /* A comparison: this period, the period before and the change. */
  if (impact_chart_get_compare (chart) != NULL)
    {
      attach_cell (grid, "", 0, 0, TRUE);
      attach_cell (grid, _ ("This Period"), 1, 0, TRUE);
      attach_cell (grid, impact_chart_get_compare (chart), 2, 0, TRUE);
      attach_cell (grid, _ ("Change"), 3, 0, TRUE);
      for (guint i = 0; i < impact_chart_get_n_items (chart); i++)
        {
          const ImpactChartItem *item = impact_chart_get_item (chart, i);
          gint64 now = impact_chart_item_total (item);
          g_autofree char *now_text = impact_format_money (now);
          g_autofree char *before_text = impact_format_money (item->compare_cents);
          g_autofree char *change = impact_format_money (now - item->compare_cents);
          g_autofree char *signed_change = now >= item->compare_cents ? g_strconcat ("+", change, NULL) : g_strdup (change);

          attach_cell (grid, item->label, 0, i + 1, FALSE);
          attach_cell (grid, now_text, 1, i + 1, FALSE);
          attach_cell (grid, before_text, 2, i + 1, FALSE);
          attach_cell (grid, signed_change, 3, i + 1, FALSE);
        }
      return;
    }

  attach_cell (grid, "", 0, 0, TRUE);
  attach_cell (grid, _ ("Spend"), 1, 0, TRUE);
  attach_cell (grid, _ ("Social"), 2, 0, TRUE);
  attach_cell (grid, _ ("Share"), 3, 0, TRUE);
  for (guint i = 0; i < impact_chart_get_n_items (chart); i++)
    {
      const ImpactChartItem *item = impact_chart_get_item (chart, i);
      ImpactSpend spend = { impact_chart_item_total (item), 0 };
      g_autofree char *total = NULL;
      g_autofree char *social = NULL;
      g_autofree char *share = NULL;

      for (guint k = 0; k < IMPACT_N_SOCIAL_CLASSES; k++)
        if (impact_social_class_is_social (k))
          spend.social_cents += item->cents[k];
      total = impact_format_money (spend.total_cents);
      social = impact_format_money (spend.social_cents);
      share = g_strdup_printf (_ ("%.1f%%"), impact_spend_get_share (&spend));
      attach_cell (grid, item->label, 0, i + 1, FALSE);
      attach_cell (grid, total, 1, i + 1, FALSE);
      attach_cell (grid, social, 2, i + 1, FALSE);
      attach_cell (grid, share, 3, i + 1, FALSE);
    }
}

static void
on_table_toggled_cb (GtkToggleButton *toggle,
                     ImpactChartCard *self)
{
  gtk_stack_set_visible_child_name (self->stack, gtk_toggle_button_get_active (toggle) ? "table" : "chart");
  gtk_widget_set_tooltip_text (GTK_WIDGET (toggle),
                               gtk_toggle_button_get_active (toggle) ? _ ("Show as Chart") : _ ("Show as Table"));
}

/* Shows @chart under @title, and its data in the table. */
void
impact_chart_card_show (ImpactChartCard *self,
                        ImpactChart *chart,
                        const char *title)
{
  g_return_if_fail (IMPACT_IS_CHART_CARD (self));

  gtk_label_set_text (self->title, title);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->view), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  impact_chart_view_set_chart (self->view, chart);
  fill_table (self->table, chart);
}

ImpactChartView *
impact_chart_card_get_view (ImpactChartCard *self)
{
  g_return_val_if_fail (IMPACT_IS_CHART_CARD (self), NULL);

  return self->view;
}

const char *
impact_chart_card_get_chart_name (ImpactChartCard *self)
{
  g_return_val_if_fail (IMPACT_IS_CHART_CARD (self), NULL);

  return self->chart_name;
}

typedef enum
{
  SAVE_PNG,
  SAVE_SVG,
  SAVE_PDF,
  SAVE_CSV,
  SAVE_XLSX,
} SaveFormat;

static const char *const save_formats[] = { "png", "svg", "pdf", "csv", "xlsx" };

typedef struct
{
  ImpactChartCard *self;
  ImpactChart *chart;
  char *title;
  SaveFormat format;
  double width;
  double height;
  double scale;
} SaveJob;

static void
save_job_free (SaveJob *job)
{
  g_object_unref (job->self);
  impact_chart_unref (job->chart);
  g_free (job->title);
  g_free (job);
}

static gboolean
write_save_job (SaveJob *job,
                const char *path,
                GError **error)
{
  g_autoptr (ImpactTable) table = NULL;
  g_autoptr (GPtrArray) tables = NULL;

  switch (job->format)
    {
    case SAVE_PNG:
      return impact_chart_write_file (job->chart, job->title, path, IMPACT_CHART_FILE_PNG, job->width, job->height,
                                      job->scale, error);
    case SAVE_SVG:
      return impact_chart_write_file (job->chart, job->title, path, IMPACT_CHART_FILE_SVG, job->width, job->height, 1,
                                      error);
    case SAVE_PDF:
      return impact_chart_write_file (job->chart, job->title, path, IMPACT_CHART_FILE_PDF, job->width, job->height, 1,
                                      error);
    case SAVE_CSV:
      table = impact_chart_to_table (job->chart, "table");
      return impact_table_write_csv (table, path, impact_locale_uses_decimal_comma (), error);
    case SAVE_XLSX:
    default:
      tables = g_ptr_array_new_with_free_func ((GDestroyNotify) impact_table_free);
      g_ptr_array_add (tables, impact_chart_to_table (job->chart, "table"));
      return impact_tables_write_xlsx (tables, path, error);
    }
}

static void
save_chart_to (GtkWidget *parent,
               const char *path,
               gpointer user_data)
{
  SaveJob *job = user_data;
  g_autoptr (GError) error = NULL;

  write_save_job (job, path, &error);
  impact_show_saved (parent, path, _ ("The Chart Was Not Saved"), error);
}

static void
choose_save_file (SaveJob *job)
{
  g_autofree char *name = g_strdup_printf ("%s.%s", job->title, save_formats[job->format]);

  impact_choose_save_file (GTK_WIDGET (job->self), job->format >= SAVE_CSV ? _ ("Save the Table") : _ ("Save the Chart"),
                           _ ("_Save"), name, NULL, NULL, save_chart_to, job, (GDestroyNotify) save_job_free);
}

static void
on_png_size_response_cb (AdwMessageDialog *dialog,
                         const char *response,
                         gpointer user_data)
{
  SaveJob *job = user_data;
  guint64 width = 0, height = 0;

  if (!g_str_equal (response, "next"))
    {
      save_job_free (job);
      return;
    }
  if (!g_ascii_string_to_unsigned (impact_form_grid_get_text (dialog, "width"), 10, 100, 10000, &width, NULL)
      || !g_ascii_string_to_unsigned (impact_form_grid_get_text (dialog, "height"), 10, 100, 10000, &height, NULL))
    {
      impact_show_failure (GTK_WIDGET (job->self), _ ("The Chart Was Not Saved"),
                           _ ("Give the width and height in pixels, each from 100 to 10000."));
      save_job_free (job);
      return;
    }
  job->width = width;
  job->height = height;
  job->scale = 1 + gtk_drop_down_get_selected (g_object_get_data (G_OBJECT (adw_message_dialog_get_extra_child (dialog)), "scale"));
  choose_save_file (job);
}

/* The chart shown, as it is on the screen and at least the size of a slide's half, to be
 * saved as @format; NULL when no chart is shown or @format is unknown. */
static SaveJob *
save_job_new (ImpactChartCard *self,
              const char *format)
{
  SaveJob *job;
  int found = -1;

  for (guint f = 0; f < G_N_ELEMENTS (save_formats); f++)
    if (g_str_equal (format, save_formats[f]))
      found = f;
  if (found < 0 || impact_chart_view_get_chart (self->view) == NULL)
    return NULL;
  job = g_new0 (SaveJob, 1);
  job->self = g_object_ref (self);
  job->chart = impact_chart_ref (impact_chart_view_get_chart (self->view));
  job->title = g_strdup (gtk_label_get_text (self->title));
  job->format = found;
  job->width = MAX (gtk_widget_get_width (GTK_WIDGET (self->view)), 480);
  job->height = MAX (gtk_widget_get_height (GTK_WIDGET (self->view)), 320) + 40;
  job->scale = 1;
  return job;
}

/* Writes the chart as @format ("png", "svg", "pdf", or "csv", "xlsx" for its table) to @path,
 * as the Save menu does after asking; @width 0 means the size on the screen. */
gboolean
impact_chart_card_save (ImpactChartCard *self,
                        const char *format,
                        const char *path,
                        double width,
                        double height,
                        double scale,
                        GError **error)
{
  SaveJob *job;
  gboolean ok;

  g_return_val_if_fail (IMPACT_IS_CHART_CARD (self), FALSE);

  job = save_job_new (self, format);
  if (job == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _ ("There is no chart “%s” to save."), self->chart_name);
      return FALSE;
    }
  if (width > 0)
    {
      job->width = width;
      job->height = height;
      job->scale = scale;
    }
  ok = write_save_job (job, path, error);
  save_job_free (job);
  return ok;
}

/* card.save: asks for the file (and, for a PNG, the size first) and saves. */
static void
save_action (GtkWidget *widget,
             const char *action_name,
             GVariant *parameter)
{
  ImpactChartCard *self = IMPACT_CHART_CARD (widget);
  SaveJob *job = save_job_new (self, g_variant_get_string (parameter, NULL));

  if (job == NULL)
    return;
  if (job->format == SAVE_PNG)
    {
      g_autofree char *width = g_strdup_printf ("%.0f", job->width);
      g_autofree char *height = g_strdup_printf ("%.0f", job->height);
      g_autoptr (GtkStringList) scales = gtk_string_list_new ((const char *const[]){ _ ("1× (as on the screen)"),
                                                                                     _ ("2× (sharp, for slides)"),
                                                                                     _ ("3×"), NULL });
      GtkWidget *grid = impact_form_grid_new ();
      GtkWidget *scale = gtk_drop_down_new (G_LIST_MODEL (g_object_ref (scales)), NULL);
      AdwMessageDialog *dialog;

      impact_form_grid_add_entry (grid, _ ("_Width"), width, _ ("The picture’s width in pixels"), "width");
      impact_form_grid_add_entry (grid, _ ("_Height"), height, _ ("The picture’s height in pixels"), "height");
      gtk_drop_down_set_selected (GTK_DROP_DOWN (scale), 1);
      impact_form_grid_add (grid, _ ("_Scale"), scale, "scale");
      dialog = impact_form_dialog_new (widget, _ ("Save as PNG"), job->title, grid, "next", _ ("_Choose File…"));
      g_signal_connect (dialog, "response", G_CALLBACK (on_png_size_response_cb), job);
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }
  choose_save_file (job);
}

static void
impact_chart_card_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), IMPACT_TYPE_CHART_CARD);

  G_OBJECT_CLASS (impact_chart_card_parent_class)->dispose (object);
}

static void
impact_chart_card_finalize (GObject *object)
{
  g_free (IMPACT_CHART_CARD (object)->chart_name);

  G_OBJECT_CLASS (impact_chart_card_parent_class)->finalize (object);
}

static void
impact_chart_card_get_property (GObject *object,
                                guint prop_id,
                                GValue *value,
                                GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_CHART_NAME:
      g_value_set_string (value, IMPACT_CHART_CARD (object)->chart_name);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
impact_chart_card_set_property (GObject *object,
                                guint prop_id,
                                const GValue *value,
                                GParamSpec *pspec)
{
  ImpactChartCard *self = IMPACT_CHART_CARD (object);

  switch (prop_id)
    {
    case PROP_CHART_NAME:
      g_free (self->chart_name);
      self->chart_name = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
impact_chart_card_class_init (ImpactChartCardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = impact_chart_card_dispose;
  object_class->finalize = impact_chart_card_finalize;
  object_class->get_property = impact_chart_card_get_property;
  object_class->set_property = impact_chart_card_set_property;

  /**
   * ImpactChartCard:chart-name:
   * The chart's name ("children", "compare", "trend", "classes", "suppliers").
   */
  properties[PROP_CHART_NAME] = g_param_spec_string ("chart-name", NULL, NULL, NULL,
                                                     G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (IMPACT_TYPE_CHART_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/impactdashboard/ImpactDashboard/impact-chart-card.ui");
  gtk_widget_class_bind_template_child (widget_class, ImpactChartCard, title);
  gtk_widget_class_bind_template_child (widget_class, ImpactChartCard, table_toggle);
  gtk_widget_class_bind_template_child (widget_class, ImpactChartCard, stack);
  gtk_widget_class_bind_template_child (widget_class, ImpactChartCard, view);
  gtk_widget_class_bind_template_child (widget_class, ImpactChartCard, table);
  gtk_widget_class_bind_template_callback (widget_class, on_table_toggled_cb);

  gtk_widget_class_install_action (widget_class, "card.save", "s", save_action);
}

static void
impact_chart_card_init (ImpactChartCard *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
