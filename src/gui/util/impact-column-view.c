/* impact-column-view.c: sortable text columns for a GtkColumnView
 *
 * A column of labels (right-aligned, tabular figures for numbers), filled by a text function,
 * sorted by a compare function that is given the column's number.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "impact-column-view.h"

typedef struct
{
  guint column;
  gboolean numeric;
  ImpactCellTextFunc text;
  ImpactCellStyleFunc style;
} Column;

static void
on_setup_cb (GtkSignalListItemFactory *factory,
             GtkListItem *list_item,
             gpointer user_data)
{
  const Column *column = user_data;
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), column->numeric ? 1 : 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  if (column->numeric)
    gtk_widget_add_css_class (label, "numeric");
  gtk_list_item_set_child (list_item, label);
}

static void
on_bind_cb (GtkSignalListItemFactory *factory,
            GtkListItem *list_item,
            gpointer user_data)
{
  const Column *column = user_data;
  gpointer item = gtk_list_item_get_item (list_item);
  GtkWidget *label = gtk_list_item_get_child (list_item);
  g_autofree char *text = column->text (item, column->column);

  gtk_label_set_text (GTK_LABEL (label), text);
  /* An empty cell says nothing: a screen reader is not to meet an empty label. */
  gtk_widget_set_visible (label, text != NULL && *text != '\0');
  if (column->style != NULL)
    column->style (label, item, column->column);
}

/* Appends a column of text to @view, sortable by @compare (called with @column as its data),
 * and returns it (a new reference). */
GtkColumnViewColumn *
impact_column_view_add_text_column (GtkColumnView *view,
                                    const char *title,
                                    guint column,
                                    gboolean numeric,
                                    gboolean expand,
                                    ImpactCellTextFunc text,
                                    ImpactCellStyleFunc style,
                                    GCompareDataFunc compare)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  g_autoptr (GtkSorter) sorter = GTK_SORTER (gtk_custom_sorter_new (compare, GUINT_TO_POINTER (column), NULL));
  Column *data = g_new0 (Column, 1);
  GtkColumnViewColumn *result;

  g_return_val_if_fail (GTK_IS_COLUMN_VIEW (view) && text != NULL, NULL);

  data->column = column;
  data->numeric = numeric;
  data->text = text;
  data->style = style;
  g_object_set_data_full (G_OBJECT (factory), "impact-column", data, g_free);
  g_signal_connect (factory, "setup", G_CALLBACK (on_setup_cb), data);
  g_signal_connect (factory, "bind", G_CALLBACK (on_bind_cb), data);
  result = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_sorter (result, sorter);
  gtk_column_view_column_set_expand (result, expand);
  gtk_column_view_column_set_resizable (result, TRUE);
  gtk_column_view_append_column (view, result);
  return result;
}
