/* impact-column-view.h: sortable text columns for a GtkColumnView
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* The text of @item's cell in @column; freed by the caller. */
typedef char *(*ImpactCellTextFunc) (gpointer item,
                                     guint    column);
/* Sets style classes of @label for @item (or NULL for none). */
typedef void (*ImpactCellStyleFunc) (GtkWidget *label,
                                     gpointer   item,
                                     guint      column);

GtkColumnViewColumn *impact_column_view_add_text_column (GtkColumnView       *view,
                                                         const char          *title,
                                                         guint                column,
                                                         gboolean             numeric,
                                                         gboolean             expand,
                                                         ImpactCellTextFunc   text,
                                                         ImpactCellStyleFunc  style,
                                                         GCompareDataFunc     compare);

G_END_DECLS
