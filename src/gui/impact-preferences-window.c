/* impact-preferences-window.c: the preferences
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "impact-preferences-window"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "impact-gui-resources.h"
#include "impact-preferences-window.h"
#include "storage/impact-store.h"
#include "util/impact-dialogs.h"

struct _ImpactPreferencesWindow
{
  AdwPreferencesWindow parent_instance;

  AdwComboRow *color_scheme_row;
  AdwActionRow *database_row;
  AdwComboRow *fy_row;
  GtkSpinButton *horizon_spin;
  GtkSwitch *notify_switch;

  GSettings *settings;
  ImpactStore *store;
};

enum
{
  SIGNAL_FINANCIAL_YEAR_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (ImpactPreferencesWindow, impact_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

/* The combo row lists the schemes in the order of the "color-scheme" enum's nicks. */
static const char *const color_schemes[] = { "default", "light", "dark" };

static gboolean
color_scheme_to_selected (GValue *value,
                          GVariant *variant,
                          gpointer user_data)
{
  const char *nick = g_variant_get_string (variant, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (color_schemes); i++)
    {
      if (g_str_equal (nick, color_schemes[i]))
        {
          g_value_set_uint (value, i);
          return TRUE;
        }
    }

  return FALSE;
}

static GVariant *
selected_to_color_scheme (const GValue *value,
                          const GVariantType *expected_type,
                          gpointer user_data)
{
  guint selected = g_value_get_uint (value);

  if (selected >= G_N_ELEMENTS (color_schemes))
    return NULL;

  return g_variant_new_string (color_schemes[selected]);
}

ImpactPreferencesWindow *
impact_preferences_window_new (GSettings *settings)
{
  ImpactPreferencesWindow *self;
  g_autofree char *path = impact_store_get_default_path ();

  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  self = g_object_new (IMPACT_TYPE_PREFERENCES_WINDOW, NULL);
  self->settings = g_object_ref (settings);
  g_settings_bind (settings, "expiry-horizon-days", self->horizon_spin, "value", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "notify-expiry", self->notify_switch, "active", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind_with_mapping (settings, "color-scheme", self->color_scheme_row, "selected",
                                G_SETTINGS_BIND_DEFAULT, color_scheme_to_selected,
                                selected_to_color_scheme, NULL, NULL);
  adw_action_row_set_subtitle (self->database_row, path);

  return self;
}

static void
on_fy_selected_cb (AdwComboRow *row,
                   GParamSpec *pspec,
                   gpointer user_data)
{
  ImpactPreferencesWindow *self = user_data;
  g_autoptr (GError) error = NULL;
  g_autofree char *value = g_strdup_printf ("%u", adw_combo_row_get_selected (row) + 1);

  if (self->store == NULL)
    return;
  if (!impact_store_set_meta (self->store, "financial-year-start", value, &error))
    {
      impact_show_failure (GTK_WIDGET (self), _ ("The Financial Year Was Not Changed"), error->message);
      return;
    }
  g_signal_emit (self, signals[SIGNAL_FINANCIAL_YEAR_CHANGED], 0);
}

/* Shows the settings kept in @store's database: the month its financial year starts in. */
void
impact_preferences_window_set_store (ImpactPreferencesWindow *self,
                                     ImpactStore *store)
{
  g_autoptr (GtkStringList) months = gtk_string_list_new (NULL);
  g_autofree char *value = NULL;
  guint64 month = 1;

  g_return_if_fail (IMPACT_IS_PREFERENCES_WINDOW (self));

  g_signal_handlers_disconnect_by_func (self->fy_row, on_fy_selected_cb, self);
  g_set_object (&self->store, store);
  gtk_widget_set_visible (GTK_WIDGET (self->fy_row), store != NULL);
  if (store == NULL)
    return;

  for (int m = 1; m <= 12; m++)
    {
      g_autoptr (GDateTime) date = g_date_time_new_local (2000, m, 1, 0, 0, 0);
      g_autofree char *name = g_date_time_format (date, "%OB");

      gtk_string_list_append (months, name);
    }
  adw_combo_row_set_model (self->fy_row, G_LIST_MODEL (months));
  value = impact_store_get_meta (store, "financial-year-start", NULL);
  if (value == NULL || !g_ascii_string_to_unsigned (value, 10, 1, 12, &month, NULL))
    month = 1;
  adw_combo_row_set_selected (self->fy_row, month - 1);
  g_signal_connect (self->fy_row, "notify::selected", G_CALLBACK (on_fy_selected_cb), self);
}

static void
impact_preferences_window_dispose (GObject *object)
{
  ImpactPreferencesWindow *self = IMPACT_PREFERENCES_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), IMPACT_TYPE_PREFERENCES_WINDOW);
  g_clear_object (&self->settings);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (impact_preferences_window_parent_class)->dispose (object);
}

static void
impact_preferences_window_class_init (ImpactPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = impact_preferences_window_dispose;

  impact_gui_register_resource ();
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/impact-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, ImpactPreferencesWindow, color_scheme_row);
  gtk_widget_class_bind_template_child (widget_class, ImpactPreferencesWindow, database_row);
  gtk_widget_class_bind_template_child (widget_class, ImpactPreferencesWindow, fy_row);
  gtk_widget_class_bind_template_child (widget_class, ImpactPreferencesWindow, horizon_spin);
  gtk_widget_class_bind_template_child (widget_class, ImpactPreferencesWindow, notify_switch);

  /**
   * ImpactPreferencesWindow::financial-year-changed:
   * The open database's financial year now starts in another month.
   */
  signals[SIGNAL_FINANCIAL_YEAR_CHANGED] = g_signal_new ("financial-year-changed", G_TYPE_FROM_CLASS (klass),
                                                         G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
impact_preferences_window_init (ImpactPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
