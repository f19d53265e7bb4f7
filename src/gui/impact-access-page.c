/* impact-access-page.c: who sees what of a shared database, for its administrator
 *
 * A page of the preferences, shown only to a role that may give access (the schema's
 * owner). It lists the login roles with access and what each sees, gives a role the whole
 * group or one more division, and takes each of those away again, with Undo. The server
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

/* A grant taken away, to give it back when that is undone. */
typedef struct
{
  ImpactAccessPage *page;
  char *role;
  /* NULL for the whole group. */
  char *division_code;
} Removed;

static void
removed_free (gpointer data)
{
  Removed *removed = data;

  g_object_unref (removed->page);
  g_free (removed->role);
  g_free (removed->division_code);
  g_free (removed);
}

static void reload (ImpactAccessPage *self);

static void
on_undo_remove_cb (AdwToast *toast,
                   gpointer user_data)
{
  Removed *removed = user_data;
  g_autoptr (GError) error = NULL;

  if (!impact_store_grant (removed->page->store, removed->role, removed->division_code, &error))
    impact_show_failure (GTK_WIDGET (removed->page), _ ("Access Was Not Given Back"), error->message);
  reload (removed->page);
}

/* What @grant lets its role see, as the list says it. */
static char *
describe_scope (const ImpactAccessGrant *grant)
{
  if (grant->division_code == NULL)
    return g_strdup (_ ("The whole group"));
  /* Translators: a division, as in "Schoonmaak (SCH)": its name and its code. */
  return g_strdup_printf (_ ("%s (%s)"), grant->division_name, grant->division_code);
}

static void
on_remove_clicked_cb (GtkButton *button,
                      gpointer user_data)
{
  ImpactAccessPage *self = user_data;
  const ImpactAccessGrant *grant = g_object_get_data (G_OBJECT (button), "grant");
  g_autoptr (GError) error = NULL;
  g_autofree char *title = NULL;
  gboolean has_more = FALSE;
  Removed *removed;

  if (!impact_store_revoke_grant (self->store, grant->role, grant->division_code, &has_more, &error))
    {
      impact_show_failure (GTK_WIDGET (self), _ ("Access Was Not Taken Away"), error->message);
      return;
    }

  removed = g_new0 (Removed, 1);
  removed->page = g_object_ref (self);
  removed->role = g_strdup (grant->role);
  removed->division_code = g_strdup (grant->division_code);
  if (has_more && grant->division_code == NULL)
    /* Translators: %s is a login role of the database server, such as "anna". */
    title = g_strdup_printf (_ ("“%s” no longer sees the whole group"), grant->role);
  else if (has_more)
    /* Translators: the first %s is a login role of the database server, such as "anna";
     * the second a division, as in "Schoonmaak (SCH)". */
    title = g_strdup_printf (_ ("“%s” no longer sees %s (%s)"), grant->role, grant->division_name,
                             grant->division_code);
  else
    /* Translators: %s is a login role of the database server, such as "anna". */
    title = g_strdup_printf (_ ("“%s” has no access any more"), grant->role);
  /* The button, and the grant it holds, go with the list. */
  reload (self);
  impact_show_undo_toast (GTK_WIDGET (self), title, G_CALLBACK (on_undo_remove_cb), removed, removed_free);
}

/* One row a grant: the role, what it sees, and a button that takes that away (not for the
 * user herself, who would lock herself out). */
static GtkWidget *
grant_row_new (ImpactAccessPage *self,
               const ImpactAccessGrant *grant)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *scope = describe_scope (grant);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), grant->role);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), scope);
  if (grant->is_current)
    {
      GtkWidget *you = gtk_label_new (_ ("You"));

      gtk_widget_add_css_class (you, "dim-label");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), you);
    }
  else
    {
      GtkWidget *button = gtk_button_new_from_icon_name ("user-trash-symbolic");
      ImpactAccessGrant *copy = g_new0 (ImpactAccessGrant, 1);
      /* Translators: the first %s is a login role of the database server, the second what
       * it sees, as in "Take away what anna sees: Schoonmaak (SCH)". */
      g_autofree char *label = g_strdup_printf (_ ("Take away what %s sees: %s"), grant->role, scope);

      copy->role = g_strdup (grant->role);
      copy->division_code = g_strdup (grant->division_code);
      copy->division_name = g_strdup (grant->division_name);
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (button, "flat");
      gtk_widget_set_tooltip_text (button, _ ("Take Access Away"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
      g_object_set_data_full (G_OBJECT (button), "role", g_strdup (grant->role), g_free);
      g_object_set_data_full (G_OBJECT (button), "grant", copy, (GDestroyNotify) impact_access_grant_free);
      g_signal_connect (button, "clicked", G_CALLBACK (on_remove_clicked_cb), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
    }

  return row;
}

/* The list again from the server, by role, the whole group first. */
static void
reload (ImpactAccessPage *self)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) grants = impact_store_list_grants (self->store, &error);

  impact_list_box_clear (self->grants_list);
  if (grants == NULL)
    {
      impact_list_box_add_placeholder (self->grants_list, error->message);
      return;
    }
  for (guint i = 0; i < grants->len; i++)
    gtk_list_box_append (self->grants_list, grant_row_new (self, g_ptr_array_index (grants, i)));
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
