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

struct _ImpactPreferencesWindow
{
  AdwPreferencesWindow parent_instance;

  AdwComboRow *color_scheme_row;
  AdwActionRow *database_row;

  GSettings *settings;
};

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
  g_settings_bind_with_mapping (settings, "color-scheme", self->color_scheme_row, "selected",
                                G_SETTINGS_BIND_DEFAULT, color_scheme_to_selected,
                                selected_to_color_scheme, NULL, NULL);
  adw_action_row_set_subtitle (self->database_row, path);

  return self;
}

static void
impact_preferences_window_dispose (GObject *object)
{
  ImpactPreferencesWindow *self = IMPACT_PREFERENCES_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), IMPACT_TYPE_PREFERENCES_WINDOW);
  g_clear_object (&self->settings);

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
}

static void
impact_preferences_window_init (ImpactPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
