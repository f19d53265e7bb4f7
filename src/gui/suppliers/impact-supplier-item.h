/* impact-supplier-item.h: one row of the suppliers list
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "model/impact-engagement.h"
#include "model/impact-social-class.h"

G_BEGIN_DECLS

#define IMPACT_TYPE_SUPPLIER_ITEM (impact_supplier_item_get_type ())

G_DECLARE_FINAL_TYPE (ImpactSupplierItem, impact_supplier_item, IMPACT, SUPPLIER_ITEM, GObject)

/* The list's columns, in their order. */
typedef enum
{
  COLUMN_NAME,
  COLUMN_KVK,
  COLUMN_CLASS,
  COLUMN_VALID_UNTIL,
  COLUMN_SPEND,
  COLUMN_SHARE,
  COLUMN_ENGAGEMENT,
  N_COLUMNS
} ImpactSupplierColumn;

/* A row's data, filled in by the suppliers window from the query and read by the list. */
struct _ImpactSupplierItem
{
  GObject parent_instance;

  gint64 id;
  char *name;
  char *kvk;
  ImpactSocialClass klass;
  guint32 valid_until;
  gint64 spend_cents;
  double share;
  ImpactEngagementStatus engagement;
  guint32 target_day;
};

char    *impact_supplier_item_cell_text  (gpointer            data,
                                          guint               column);
void     impact_supplier_item_style_cell (GtkWidget          *label,
                                          gpointer            data,
                                          guint               column);
int      impact_supplier_item_compare    (gconstpointer       a,
                                          gconstpointer       b,
                                          gpointer            user_data);
gboolean impact_supplier_item_matches    (ImpactSupplierItem *item,
                                          const char         *text,
                                          guint               wanted);

G_END_DECLS
