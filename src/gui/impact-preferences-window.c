/* impact-preferences-window.c: the preferences
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "impact-preferences-window"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "impact-access-page.h"
#include "impact-gui-resources.h"
#include "impact-preferences-window.h"
#include "import/impact-parse.h"
#include "model/impact-format.h"
#include "storage/impact-store-access.h"
#include "storage/impact-store-sroi.h"
#include "storage/impact-store.h"
#include "util/impact-dialogs.h"

struct _ImpactPreferencesWindow
{
  AdwPreferencesWindow parent_instance;

  AdwComboRow *color_scheme_row;
  AdwActionRow *database_row;
  AdwComboRow *fy_row;
  AdwEntryRow *group_row;
  AdwActionRow *rules_row;
  GtkSpinButton *horizon_spin;
  GtkSwitch *notify_switch;

  /* Shown to whoever may give access to the open shared database. */
  ImpactAccessPage *access_page;

  GSettings *settings;
  ImpactStore *store;
};

enum
{
  SIGNAL_FINANCIAL_YEAR_CHANGED,
  SIGNAL_RULE_SETS_CHANGED,
  SIGNAL_GROUP_RENAMED,
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

/* The group's name as the Group Name row has it; an empty name gives the group its default
 * name back (shown in the user's language). */
static void
on_group_apply_cb (AdwEntryRow *row,
                   ImpactPreferencesWindow *self)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) groups = NULL;
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
  g_autoptr (ImpactNode) group = NULL;

  if (self->store == NULL)
    return;
  groups = impact_store_list_nodes (self->store, IMPACT_NODE_GROUP, &error);
  if (groups == NULL || groups->len == 0)
    return;
  group = impact_node_copy (g_ptr_array_index (groups, 0));
  g_free (group->name);
  group->name = g_strdup (*name != '\0' ? name : IMPACT_DEFAULT_GROUP_NAME);
  if (!impact_store_update_node (self->store, group, &error))
    {
      impact_show_failure (GTK_WIDGET (self), _ ("The Group Was Not Renamed"), error->message);
      return;
    }
  if (*name == '\0')
    gtk_editable_set_text (GTK_EDITABLE (row), _ ("Group"));
  g_signal_emit (self, signals[SIGNAL_GROUP_RENAMED], 0);
}

/* Shows the settings kept in @store's database: the month its financial year starts in and
 * the group's name. */
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
  gtk_widget_set_visible (GTK_WIDGET (self->rules_row), store != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->group_row), FALSE);
  if (self->access_page != NULL)
    adw_preferences_window_remove (ADW_PREFERENCES_WINDOW (self), ADW_PREFERENCES_PAGE (self->access_page));
  self->access_page = NULL;
  if (store == NULL)
    return;

  adw_action_row_set_subtitle (self->database_row, impact_store_get_name (store));
  {
    gboolean may_grant = FALSE;

    if (impact_store_may_grant (store, &may_grant, NULL) && may_grant)
      {
        self->access_page = impact_access_page_new (store);
        adw_preferences_window_add (ADW_PREFERENCES_WINDOW (self), ADW_PREFERENCES_PAGE (self->access_page));
      }
  }

  {
    g_autoptr (GPtrArray) groups = impact_store_list_nodes (store, IMPACT_NODE_GROUP, NULL);

    if (groups != NULL && groups->len > 0)
      {
        gtk_editable_set_text (GTK_EDITABLE (self->group_row), ((ImpactNode *) g_ptr_array_index (groups, 0))->name);
        gtk_widget_set_visible (GTK_WIDGET (self->group_row), TRUE);
      }
  }

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

/* The classes a rule set gives a factor for, in the order of the form. The own social
 * company's factor is set per contract. */
static const ImpactSocialClass rule_classes[] = {
  IMPACT_SOCIAL_CLASS_PSO_30PLUS,
  IMPACT_SOCIAL_CLASS_SW,
  IMPACT_SOCIAL_CLASS_SOCIAL_ENTERPRISE,
  IMPACT_SOCIAL_CLASS_PSO_3,
  IMPACT_SOCIAL_CLASS_PSO_2,
  IMPACT_SOCIAL_CLASS_PSO_1,
  IMPACT_SOCIAL_CLASS_PSO_BASE,
  IMPACT_SOCIAL_CLASS_PSO_ASPIRANT,
};

/* Fills the factor entries with the newest version of the chosen rule set. */
static void
on_rule_set_chosen_cb (GtkDropDown *dropdown,
                       GParamSpec *pspec,
                       gpointer user_data)
{
  GtkWidget *grid = user_data;
  GPtrArray *sets = g_object_get_data (G_OBJECT (grid), "sets");
  GStrv names = g_object_get_data (G_OBJECT (grid), "names");
  guint chosen = gtk_drop_down_get_selected (dropdown);
  const ImpactSroiRules *newest = NULL;

  for (guint i = 0; sets != NULL && i < sets->len; i++)
    {
      const ImpactSroiRules *rules = g_ptr_array_index (sets, i);

      if (chosen < g_strv_length (names) && g_str_equal (rules->name, names[chosen]))
        newest = rules;
    }
  gtk_widget_set_sensitive (g_object_get_data (G_OBJECT (grid), "name"), newest == NULL);
  for (guint k = 0; k < G_N_ELEMENTS (rule_classes); k++)
    {
      g_autofree char *key = g_strdup_printf ("factor-%u", k);
      g_autofree char *text = g_strdup_printf ("%g", newest != NULL ? 100 * newest->factors[rule_classes[k]] : 0);

      gtk_editable_set_text (GTK_EDITABLE (g_object_get_data (G_OBJECT (grid), key)), text);
    }
}

static void
on_rule_set_response_cb (AdwMessageDialog *dialog,
                         const char *response,
                         gpointer user_data)
{
  g_autoptr (ImpactPreferencesWindow) self = user_data;
  GtkWidget *grid = adw_message_dialog_get_extra_child (dialog);
  GStrv names = g_object_get_data (G_OBJECT (grid), "names");
  guint chosen = gtk_drop_down_get_selected (g_object_get_data (G_OBJECT (grid), "set"));
  g_autoptr (GError) error = NULL;
  g_autofree char *name = NULL;
  ImpactSroiRules rules = { 0 };

  if (!g_str_equal (response, "save") || self->store == NULL)
    return;

  name = chosen < g_strv_length (names) ? g_strdup (names[chosen])
                                        : g_strstrip (g_strdup (impact_form_grid_get_text (dialog, "name")));
  rules.name = name;
  rules.valid_from = impact_day_from_iso (impact_form_grid_get_text (dialog, "from"));
  if (rules.valid_from == 0)
    {
      impact_show_failure (GTK_WIDGET (self), _ ("The Rule Set Was Not Saved"),
                           _ ("Write the day the version starts as YYYY-MM-DD, for example 2026-01-01."));
      return;
    }
  for (guint k = 0; k < G_N_ELEMENTS (rule_classes); k++)
    {
      g_autofree char *key = g_strdup_printf ("factor-%u", k);
      double percent;

      if (!impact_parse_number (impact_form_grid_get_text (dialog, key), &percent))
        {
          impact_show_failure (GTK_WIDGET (self), _ ("The Rule Set Was Not Saved"),
                               _ ("Write each factor as a percentage from 0 to 100, for example 50."));
          return;
        }
      rules.factors[rule_classes[k]] = percent / 100;
    }
  if (impact_store_add_rule_set (self->store, &rules, &error) == 0)
    {
      impact_show_failure (GTK_WIDGET (self), _ ("The Rule Set Was Not Saved"), error->message);
      return;
    }
  g_signal_emit (self, signals[SIGNAL_RULE_SETS_CHANGED], 0);
}

static void
edit_rule_sets_action (GtkWidget *widget,
                       const char *action_name,
                       GVariant *parameter)
{
  ImpactPreferencesWindow *self = IMPACT_PREFERENCES_WINDOW (widget);
  g_autoptr (GError) error = NULL;
  GPtrArray *sets;
  g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GtkStringList) labels = gtk_string_list_new (NULL);
  g_autoptr (GString) versions = g_string_new (NULL);
  g_autofree char *today = impact_day_to_iso (impact_day_today ());
  GtkWidget *grid, *set;
  AdwMessageDialog *dialog;

  if (self->store == NULL)
    return;
  sets = impact_store_list_rule_sets (self->store, &error);
  if (sets == NULL)
    {
      impact_show_failure (widget, _ ("The Rule Sets Could Not Be Read"), error->message);
      return;
    }

  for (guint i = 0; i < sets->len; i++)
    {
      const ImpactSroiRules *rules = g_ptr_array_index (sets, i);
      g_autofree char *from = impact_format_day (rules->valid_from);

      if (names->len == 0 || !g_str_equal (g_ptr_array_index (names, names->len - 1), rules->name))
        {
          g_ptr_array_add (names, g_strdup (rules->name));
          gtk_string_list_append (labels, impact_sroi_rule_set_to_string (rules->name));
        }
      /* Translators: a version of a rule set in a list, as in "Regio Noord from 1 Jan 2020". */
      g_string_append_printf (versions, "\n• ");
      if (rules->valid_from > 1)
        g_string_append_printf (versions, _ ("%s from %s"), impact_sroi_rule_set_to_string (rules->name), from);
      else
        g_string_append (versions, impact_sroi_rule_set_to_string (rules->name));
    }
  g_ptr_array_add (names, NULL);
  gtk_string_list_append (labels, _ ("New Rule Set"));

  grid = impact_form_grid_new ();
  g_object_set_data_full (G_OBJECT (grid), "sets", sets, (GDestroyNotify) g_ptr_array_unref);
  g_object_set_data_full (G_OBJECT (grid), "names", g_ptr_array_steal (names, NULL), (GDestroyNotify) g_strfreev);

  set = impact_form_grid_add (grid, _ ("_Rule set"), gtk_drop_down_new (G_LIST_MODEL (g_object_ref (labels)), NULL), "set");
  impact_form_grid_add_entry (grid, _ ("_Name"), NULL, _ ("The name of the new rule set"), "name");
  impact_form_grid_add_entry (grid, _ ("Valid _from"), today,
                              _ ("The day this version starts (YYYY-MM-DD); contracts that start from then follow it"),
                              "from");
  for (guint k = 0; k < G_N_ELEMENTS (rule_classes); k++)
    {
      g_autofree char *key = g_strdup_printf ("factor-%u", k);
      /* Translators: a factor in a rule set, as in "Sheltered employment (SW) (%)". */
      g_autofree char *label = g_strdup_printf (_ ("%s (%%)"), impact_social_class_to_string (rule_classes[k]));

      impact_form_grid_add_entry (grid, label, NULL, _ ("The share of a purchase that counts, in percent"), key);
    }

  g_signal_connect (set, "notify::selected", G_CALLBACK (on_rule_set_chosen_cb), grid);
  on_rule_set_chosen_cb (GTK_DROP_DOWN (set), NULL, grid);

  {
    /* Translators: the rule-set dialog's text, followed by the list of versions. */
    g_autofree char *body = g_strdup_printf (_ ("A contract follows the version of its rule set that was valid when it "
                                                "started. Saving adds a version from the day given.\n%s"),
                                             versions->str);

    dialog = impact_form_dialog_new (widget, _ ("Social-Return Rule Sets"), body, grid, "save", _ ("_Save"));
  }
  g_signal_connect (dialog, "response", G_CALLBACK (on_rule_set_response_cb), g_object_ref (self));
  gtk_window_present (GTK_WINDOW (dialog));
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
  gtk_widget_class_bind_template_child (widget_class, ImpactPreferencesWindow, rules_row);
  gtk_widget_class_bind_template_child (widget_class, ImpactPreferencesWindow, group_row);
  gtk_widget_class_bind_template_callback (widget_class, on_group_apply_cb);
  gtk_widget_class_bind_template_child (widget_class, ImpactPreferencesWindow, horizon_spin);
  gtk_widget_class_bind_template_child (widget_class, ImpactPreferencesWindow, notify_switch);

  /**
   * ImpactPreferencesWindow::financial-year-changed:
   * The open database's financial year now starts in another month.
   */
  signals[SIGNAL_FINANCIAL_YEAR_CHANGED] = g_signal_new ("financial-year-changed", G_TYPE_FROM_CLASS (klass),
                                                         G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /**
   * ImpactPreferencesWindow::rule-sets-changed:
   * A version of a social-return rule set was saved: the contracts' figures may change.
   */
  signals[SIGNAL_RULE_SETS_CHANGED] = g_signal_new ("rule-sets-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                                    NULL, NULL, NULL, G_TYPE_NONE, 0);

  /**
   * ImpactPreferencesWindow::group-renamed:
   * The open database's group has another name.
   */
  signals[SIGNAL_GROUP_RENAMED] = g_signal_new ("group-renamed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                                NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_install_action (widget_class, "prefs.edit-rule-sets", NULL, edit_rule_sets_action);
}

static void
impact_preferences_window_init (ImpactPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
