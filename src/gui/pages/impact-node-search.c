/* impact-node-search.c: the search that opens a division or object by name or code
 *
 * A search button (Ctrl+F on the page) with a popover listing every division, then every
 * object with its division; typing filters by name or code, Enter or a click chooses, and
 * "node-chosen" tells the page which unit to open.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "impact-node-search"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n-lib.h>
#include <string.h>

#include "impact-node-search.h"
#include "util/impact-dialogs.h"

struct _ImpactNodeSearch
{
  GtkWidget parent_instance;

  /* Template widgets */
  GtkMenuButton *jump_button;
  GtkPopover *jump_popover;
  GtkSearchEntry *jump_entry;
  GtkListBox *jump_list;

  /* The divisions and objects the search offers; the rows own them, this only points. */
  GPtrArray *nodes;
  ImpactNode *group;
};

enum
{
  SIGNAL_NODE_CHOSEN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (ImpactNodeSearch, impact_node_search, GTK_TYPE_WIDGET)

static GtkWidget *
node_row_new (const ImpactNode *node,
              const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), node->name);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data_full (G_OBJECT (row), "node", impact_node_copy (node), (GDestroyNotify) impact_node_free);
  return row;
}

/* The search's rows: every division, then every object with its division. */
void
impact_node_search_set_store (ImpactNodeSearch *self,
                              ImpactStore *store)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) divisions = NULL;
  g_autoptr (GPtrArray) objects = NULL;
  g_autoptr (GPtrArray) groups = NULL;
  g_return_if_fail (IMPACT_IS_NODE_SEARCH (self));

  impact_list_box_clear (self->jump_list);
  g_ptr_array_set_size (self->nodes, 0);
  g_clear_pointer (&self->group, impact_node_free);

  if (store == NULL)
    return;
  groups = impact_store_list_nodes (store, IMPACT_NODE_GROUP, &error);
  divisions = impact_store_list_nodes (store, IMPACT_NODE_DIVISION, &error);
  objects = impact_store_list_nodes (store, IMPACT_NODE_OBJECT, &error);
  if (groups == NULL || divisions == NULL || objects == NULL)
    {
      g_warning ("Could not list the divisions and objects: %s", error->message);
      return;
    }
  if (groups->len > 0)
    self->group = impact_node_copy (g_ptr_array_index (groups, 0));

  for (guint level = 0; level < 2; level++)
    {
      GPtrArray *nodes = level == 0 ? divisions : objects;

      for (guint i = 0; i < nodes->len; i++)
        {
          const ImpactNode *node = g_ptr_array_index (nodes, i);
          g_autofree char *subtitle = NULL;
          GtkWidget *row;

          if (level == 0)
            /* Translators: under a division's name in the search, with its code, as in "Division · CATER". */
            subtitle = g_strdup_printf (_ ("Division · %s"), node->code);
          else
            {
              const char *division = "";

              for (guint d = 0; d < divisions->len; d++)
                if (((const ImpactNode *) g_ptr_array_index (divisions, d))->id == node->parent_id)
                  division = ((const ImpactNode *) g_ptr_array_index (divisions, d))->name;
              /* Translators: under an object's name in the search: its division and code, as in "Catering · CAT-101". */
              subtitle = g_strdup_printf (_ ("%s · %s"), division, node->code);
            }
          row = node_row_new (node, subtitle);
          g_ptr_array_add (self->nodes, g_object_get_data (G_OBJECT (row), "node"));
          gtk_list_box_append (self->jump_list, row);
        }
    }
}

/* The group, or NULL before a store with one is set. */
const ImpactNode *
impact_node_search_get_group (ImpactNodeSearch *self)
{
  g_return_val_if_fail (IMPACT_IS_NODE_SEARCH (self), NULL);

  return self->group;
}

/* The division or object of @level with @id, or NULL. */
const ImpactNode *
impact_node_search_find (ImpactNodeSearch *self,
                         ImpactNodeLevel level,
                         gint64 id)
{
  g_return_val_if_fail (IMPACT_IS_NODE_SEARCH (self), NULL);

  for (guint i = 0; i < self->nodes->len; i++)
    {
      const ImpactNode *node = g_ptr_array_index (self->nodes, i);

      if (node->level == level && node->id == id)
        return node;
    }
  return NULL;
}

static gboolean
jump_filter (GtkListBoxRow *row,
             gpointer user_data)
{
  ImpactNodeSearch *self = user_data;
  const ImpactNode *node = g_object_get_data (G_OBJECT (row), "node");
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->jump_entry));
  g_autofree char *needle = NULL;
  g_autofree char *name = NULL;
  g_autofree char *code = NULL;

  if (node == NULL || text == NULL || *text == '\0')
    return TRUE;

  needle = g_utf8_casefold (text, -1);
  name = g_utf8_casefold (node->name, -1);
  code = g_utf8_casefold (node->code, -1);

  return strstr (name, needle) != NULL || strstr (code, needle) != NULL;
}

static void
on_jump_row_activated_cb (GtkListBox *list,
                          GtkListBoxRow *row,
                          ImpactNodeSearch *self)
{
  const ImpactNode *node = g_object_get_data (G_OBJECT (row), "node");

  if (node == NULL)
    return;
  gtk_popover_popdown (self->jump_popover);
  g_signal_emit (self, signals[SIGNAL_NODE_CHOSEN], 0, node);
}

static void
on_jump_search_changed_cb (GtkSearchEntry *entry,
                           ImpactNodeSearch *self)
{
  gtk_list_box_invalidate_filter (self->jump_list);
}

/* The first row that matches the search, or NULL. */
static GtkListBoxRow *
first_match (ImpactNodeSearch *self,
             gboolean shown_only)
{
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->jump_list)); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if ((!shown_only || gtk_widget_get_child_visible (row)) && jump_filter (GTK_LIST_BOX_ROW (row), self))
      return GTK_LIST_BOX_ROW (row);
  return NULL;
}

/* Enter opens the first match. */
static void
on_jump_activate_cb (GtkSearchEntry *entry,
                     ImpactNodeSearch *self)
{
  GtkListBoxRow *row = first_match (self, TRUE);

  if (row != NULL)
    on_jump_row_activated_cb (self->jump_list, row, self);
}

/* Chooses the division or object whose name or code first matches @text, as the search
 * would; FALSE when none does. */
gboolean
impact_node_search_jump (ImpactNodeSearch *self,
                         const char *text)
{
  GtkListBoxRow *row;

  g_return_val_if_fail (IMPACT_IS_NODE_SEARCH (self), FALSE);

  gtk_editable_set_text (GTK_EDITABLE (self->jump_entry), text);
  row = first_match (self, FALSE);
  if (row == NULL)
    return FALSE;
  on_jump_row_activated_cb (self->jump_list, row, self);
  return TRUE;
}

/* Opens the search, ready for typing. */
void
impact_node_search_popup (ImpactNodeSearch *self)
{
  g_return_if_fail (IMPACT_IS_NODE_SEARCH (self));

  gtk_menu_button_popup (self->jump_button);
  gtk_widget_grab_focus (GTK_WIDGET (self->jump_entry));
}

static void
impact_node_search_dispose (GObject *object)
{
  ImpactNodeSearch *self = IMPACT_NODE_SEARCH (object);

  g_clear_pointer (&self->nodes, g_ptr_array_unref);
  g_clear_pointer (&self->group, impact_node_free);
  gtk_widget_dispose_template (GTK_WIDGET (self), IMPACT_TYPE_NODE_SEARCH);

  G_OBJECT_CLASS (impact_node_search_parent_class)->dispose (object);
}

static void
impact_node_search_class_init (ImpactNodeSearchClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = impact_node_search_dispose;

  /**
   * ImpactNodeSearch::node-chosen:
   * @node: the division or object chosen
   */
  signals[SIGNAL_NODE_CHOSEN] = g_signal_new ("node-chosen", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                                              NULL, G_TYPE_NONE, 1, IMPACT_TYPE_NODE | G_SIGNAL_TYPE_STATIC_SCOPE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/impactdashboard/ImpactDashboard/impact-node-search.ui");
  gtk_widget_class_bind_template_child (widget_class, ImpactNodeSearch, jump_button);
  gtk_widget_class_bind_template_child (widget_class, ImpactNodeSearch, jump_popover);
  gtk_widget_class_bind_template_child (widget_class, ImpactNodeSearch, jump_entry);
  gtk_widget_class_bind_template_child (widget_class, ImpactNodeSearch, jump_list);
  gtk_widget_class_bind_template_callback (widget_class, on_jump_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_jump_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_jump_activate_cb);
}

static void
impact_node_search_init (ImpactNodeSearch *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->nodes = g_ptr_array_new ();
  gtk_list_box_set_filter_func (self->jump_list, jump_filter, self, NULL);
}
