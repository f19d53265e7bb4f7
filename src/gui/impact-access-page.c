/* impact-access-page.c: who sees what of a shared database, for its administrator
 *
 * A page of the preferences, shown only to a role that may give access (the schema's
 * owner). It lists the login roles with access and what each sees, gives a role the whole
 * group or one more division, and takes all access away from a role, with Undo. The server
 * keeps and enforces it all (impact-store-access.c); this page only asks and tells it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "impact-access-page"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "impact-access-page.h"
#include "storage/impact-store-access.h"
#include "util/impact-dialogs.h"

struct _ImpactAccessPage
{
  AdwPreferencesPage parent_instance;

  GtkListBox *grants_list;
  AdwEntryRow *role_row;
  AdwComboRow *scope_row;

  ImpactStore *store;
  /* The divisions the Sees row offers after the whole group (ImpactNode). */
  GPtrArray *divisions;
};

G_DEFINE_FINAL_TYPE (ImpactAccessPage, impact_access_page, ADW_TYPE_PREFERENCES_PAGE)

/* What a role had, to give it back when a removal is undone. */
typedef struct
{
  ImpactAccessPage *page;
  char *role;
  /* Division codes; an empty one is the whole group. */
  GStrv scopes;
} Removed;

static void
removed_free (gpointer data)
{
  Removed *removed = data;

  g_object_unref (removed->page);
  g_free (removed->role);
  g_strfreev (removed->scopes);
  g_free (removed);
}

static void reload (ImpactAccessPage *self);

static void
on_undo_remove_cb (AdwToast *toast,
                   gpointer user_data)
{
  Removed *removed = user_data;
  g_autoptr (GError) error = NULL;

  for (guint i = 0; removed->scopes[i] != NULL && error == NULL; i++)
    impact_store_grant (removed->page->store, removed->role, *removed->scopes[i] != '\0' ? removed->scopes[i] : NULL,
                        &error);
  if (error != NULL)
    impact_show_failure (GTK_WIDGET (removed->page), _ ("Access Was Not Given Back"), error->message);
  reload (removed->page);
}

static void
on_remove_clicked_cb (GtkButton *button,
                      gpointer user_data)
{
  ImpactAccessPage *self = user_data;
  const char *role = g_object_get_data (G_OBJECT (button), "role");
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) grants = impact_store_list_grants (self->store, &error);
  g_autoptr (GStrvBuilder) scopes = g_strv_builder_new ();
  g_autofree char *title = NULL;
  Removed *removed;

  for (guint i = 0; grants != NULL && i < grants->len; i++)
    {
      const ImpactAccessGrant *grant = g_ptr_array_index (grants, i);

      if (g_str_equal (grant->role, role))
        g_strv_builder_add (scopes, grant->division_code != NULL ? grant->division_code : "");
    }
  if (grants == NULL || !impact_store_revoke (self->store, role, &error))
    {
      impact_show_failure (GTK_WIDGET (self), _ ("Access Was Not Taken Away"), error->message);
      return;
    }

  removed = g_new0 (Removed, 1);
  removed->page = g_object_ref (self);
  removed->role = g_strdup (role);
  removed->scopes = g_strv_builder_end (scopes);
  /* Translators: %s is a login role of the database server, such as "anna". */
  title = g_strdup_printf (_ ("“%s” has no access any more"), role);
  reload (self);
  impact_show_undo_toast (GTK_WIDGET (self), title, G_CALLBACK (on_undo_remove_cb), removed, removed_free);
}

/* One row a role: its name, what it sees, and a button that takes it all away (not for
 * the user herself, who would lock herself out). */
static GtkWidget *
role_row_new (ImpactAccessPage *self,
              const char *role,
              const char *sees,
              gboolean is_current)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), role);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), sees);
  if (is_current)
    {
      GtkWidget *you = gtk_label_new (_ ("You"));

      gtk_widget_add_css_class (you, "dim-label");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), you);
    }
  else
    {
      GtkWidget *button = gtk_button_new_from_icon_name ("user-trash-symbolic");
      /* Translators: %s is a login role of the database server. */
      g_autofree char *label = g_strdup_printf (_ ("Take all access away from %s"), role);

      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (button, "flat");
      gtk_widget_set_tooltip_text (button, _ ("Take Access Away"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
      g_object_set_data_full (G_OBJECT (button), "role", g_strdup (role), g_free);
      g_signal_connect (button, "clicked", G_CALLBACK (on_remove_clicked_cb), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
    }

  return row;
}

/* The list again from the server: a role's grants come together, the whole group first. */
static void
reload (ImpactAccessPage *self)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) grants = impact_store_list_grants (self->store, &error);
  g_autoptr (GString) sees = g_string_new (NULL);

  impact_list_box_clear (self->grants_list);
  if (grants == NULL)
    {
      impact_list_box_add_placeholder (self->grants_list, error->message);
      return;
    }
  for (guint i = 0; i < grants->len; i++)
    {
      const ImpactAccessGrant *grant = g_ptr_array_index (grants, i);
      const ImpactAccessGrant *next = i + 1 < grants->len ? g_ptr_array_index (grants, i + 1) : NULL;

      if (sees->len > 0)
        g_string_append (sees, ", ");
      if (grant->division_code == NULL)
        g_string_append (sees, _ ("The whole group"));
      else
        /* Translators: a division, as in "Schoonmaak (SCH)": its name and its code. */
        g_string_append_printf (sees, _ ("%s (%s)"), grant->division_name, grant->division_code);
      if (next == NULL || !g_str_equal (next->role, grant->role))
        {
          gtk_list_box_append (self->grants_list, role_row_new (self, grant->role, sees->str, grant->is_current));
          g_string_truncate (sees, 0);
        }
    }
}

static void
on_role_changed_cb (GtkEditable *editable,
                    ImpactAccessPage *self)
{
  g_autofree char *role = g_strstrip (g_strdup (gtk_editable_get_text (editable)));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "access.give", *role != '\0');
}

static void
give_action (GtkWidget *widget,
             const char *action_name,
             GVariant *parameter)
{
  ImpactAccessPage *self = IMPACT_ACCESS_PAGE (widget);
  g_autofree char *role = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->role_row))));
  guint scope = adw_combo_row_get_selected (self->scope_row);
  const ImpactNode *division = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *title = NULL;

  if (*role == '\0')
    return;
  if (scope != GTK_INVALID_LIST_POSITION && scope > 0 && scope <= self->divisions->len)
    division = g_ptr_array_index (self->divisions, scope - 1);
  if (!impact_store_grant (self->store, role, division != NULL ? division->code : NULL, &error))
    {
      impact_show_failure (widget, _ ("Access Was Not Given"), error->message);
      return;
    }

  if (division == NULL)
    /* Translators: %s is a login role of the database server. */
    title = g_strdup_printf (_ ("“%s” now sees the whole group"), role);
  else
    /* Translators: the first %s is a login role of the database server, the second a division. */
    title = g_strdup_printf (_ ("“%s” now sees %s"), role, division->name);
  gtk_editable_set_text (GTK_EDITABLE (self->role_row), "");
  reload (self);
  impact_show_toast (widget, title);
}

static void
on_role_activated_cb (AdwEntryRow *row,
                      ImpactAccessPage *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "access.give", NULL);
}

static void
impact_access_page_dispose (GObject *object)
{
  ImpactAccessPage *self = IMPACT_ACCESS_PAGE (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->divisions, g_ptr_array_unref);

  G_OBJECT_CLASS (impact_access_page_parent_class)->dispose (object);
}

static void
impact_access_page_class_init (ImpactAccessPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = impact_access_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/impactdashboard/ImpactDashboard/impact-access-page.ui");
  gtk_widget_class_bind_template_child (widget_class, ImpactAccessPage, grants_list);
  gtk_widget_class_bind_template_child (widget_class, ImpactAccessPage, role_row);
  gtk_widget_class_bind_template_child (widget_class, ImpactAccessPage, scope_row);
  gtk_widget_class_bind_template_callback (widget_class, on_role_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_role_activated_cb);
  gtk_widget_class_install_action (widget_class, "access.give", NULL, give_action);
}

static void
impact_access_page_init (ImpactAccessPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "access.give", FALSE);
}

/* The page for @store, which the user may give access to (impact_store_may_grant()). */
ImpactAccessPage *
impact_access_page_new (ImpactStore *store)
{
  ImpactAccessPage *self;
  g_autoptr (GtkStringList) scopes = gtk_string_list_new (NULL);

  g_return_val_if_fail (IMPACT_IS_STORE (store), NULL);

  self = g_object_new (IMPACT_TYPE_ACCESS_PAGE, NULL);
  self->store = g_object_ref (store);
  self->divisions = impact_store_list_nodes (store, IMPACT_NODE_DIVISION, NULL);
  if (self->divisions == NULL)
    self->divisions = g_ptr_array_new ();

  gtk_string_list_append (scopes, _ ("The Whole Group"));
  for (guint i = 0; i < self->divisions->len; i++)
    {
      const ImpactNode *division = g_ptr_array_index (self->divisions, i);
      g_autofree char *label = g_strdup_printf (_ ("%s (%s)"), division->name, division->code);

      gtk_string_list_append (scopes, label);
    }
  adw_combo_row_set_model (self->scope_row, G_LIST_MODEL (scopes));
  reload (self);

  return self;
}
