/* impact-supplier-item.c: one row of the suppliers list
 *
 * A supplier with its KvK number, class, certificate end, spend and share in the period and
 * its engagement; what each column shows and how it sorts, and the search and filter.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "impact-suppliers-window"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "impact-supplier-item.h"
#include "model/impact-format.h"

G_DEFINE_FINAL_TYPE (ImpactSupplierItem, impact_supplier_item, G_TYPE_OBJECT)

static void
impact_supplier_item_finalize (GObject *object)
{
  ImpactSupplierItem *self = IMPACT_SUPPLIER_ITEM (object);

  g_free (self->name);
  g_free (self->kvk);

  G_OBJECT_CLASS (impact_supplier_item_parent_class)->finalize (object);
}

static void
impact_supplier_item_class_init (ImpactSupplierItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = impact_supplier_item_finalize;
}

static void
impact_supplier_item_init (ImpactSupplierItem *self)
{
}

char *
impact_supplier_item_cell_text (gpointer data,
                                guint column)
{
  ImpactSupplierItem *item = data;

  switch (column)
    {
    case COLUMN_NAME:
      return g_strdup (item->name);
    case COLUMN_KVK:
      return g_strdup (item->kvk != NULL ? item->kvk : "");
    case COLUMN_CLASS:
      return g_strdup (impact_social_class_to_string (item->klass));
    case COLUMN_VALID_UNTIL:
      if (item->klass == IMPACT_SOCIAL_CLASS_NONE)
        return g_strdup ("");
      return item->valid_until != 0 ? impact_format_day (item->valid_until) : g_strdup (_ ("No end date"));
    case COLUMN_SPEND:
      return impact_format_money (item->spend_cents);
    case COLUMN_ENGAGEMENT:
      if (item->target_day != 0)
        {
          g_autofree char *day = impact_format_day (item->target_day);
          ImpactEngagement engagement = { item->id, item->engagement, item->target_day, NULL, NULL };

          if (impact_engagement_is_overdue (&engagement, impact_day_today ()))
            /* Translators: engagement past its target, as in "Asked · overdue since 30 Jun 2026". */
            return g_strdup_printf (_ ("%s · overdue since %s"), impact_engagement_status_to_string (item->engagement), day);
          /* Translators: engagement with a target, as in "Asked · by 30 Jun 2026". */
          return g_strdup_printf (_ ("%s · by %s"), impact_engagement_status_to_string (item->engagement), day);
        }
      return g_strdup (impact_engagement_status_to_string (item->engagement));
    case COLUMN_SHARE:
    default:
      /* Translators: a supplier's share of the group's spend, as in "1.25%". */
      return g_strdup_printf (_ ("%.2f%%"), item->share);
    }
}
/* Engagement past its target date in red. */
void
impact_supplier_item_style_cell (GtkWidget *label,
                                 gpointer data,
                                 guint column)
{
  ImpactSupplierItem *item = data;
  ImpactEngagement engagement = { item->id, item->engagement, item->target_day, NULL, NULL };

  if (column != COLUMN_ENGAGEMENT)
    return;
  if (impact_engagement_is_overdue (&engagement, impact_day_today ()))
    gtk_widget_add_css_class (label, "error");
  else
    gtk_widget_remove_css_class (label, "error");
}
int
impact_supplier_item_compare (gconstpointer a,
                              gconstpointer b,
                              gpointer user_data)
{
  const ImpactSupplierItem *x = a, *y = b;

  switch (GPOINTER_TO_UINT (user_data))
    {
    case COLUMN_KVK:
      return g_strcmp0 (x->kvk, y->kvk);
    case COLUMN_CLASS:
      return x->klass < y->klass ? -1 : x->klass > y->klass;
    case COLUMN_VALID_UNTIL:
      return x->valid_until < y->valid_until ? -1 : x->valid_until > y->valid_until;
    case COLUMN_SPEND:
    case COLUMN_SHARE:
      return x->spend_cents < y->spend_cents ? -1 : x->spend_cents > y->spend_cents;
    case COLUMN_ENGAGEMENT:
      if (x->engagement != y->engagement)
        return x->engagement < y->engagement ? -1 : 1;
      return x->target_day < y->target_day ? -1 : x->target_day > y->target_day;
    case COLUMN_NAME:
    default:
      return g_utf8_collate (x->name, y->name);
    }
}
/* Whether @item is one the search @text (in its name or KvK number) and the engagement filter
 * @wanted (0: all; then each engagement status; last: overdue) let through. */
gboolean
impact_supplier_item_matches (ImpactSupplierItem *item,
                              const char *text,
                              guint wanted)
{
  g_autofree char *needle = NULL;
  g_autofree char *name = NULL;

  if (wanted > 0 && wanted <= IMPACT_N_ENGAGEMENT_STATUSES && item->engagement != wanted - 1)
    return FALSE;
  if (wanted == IMPACT_N_ENGAGEMENT_STATUSES + 1)
    {
      ImpactEngagement engagement = { item->id, item->engagement, item->target_day, NULL, NULL };

      if (!impact_engagement_is_overdue (&engagement, impact_day_today ()))
        return FALSE;
    }
  if (text == NULL || *text == '\0')
    return TRUE;

  needle = g_utf8_casefold (text, -1);
  name = g_utf8_casefold (item->name, -1);

  return strstr (name, needle) != NULL || (item->kvk != NULL && strstr (item->kvk, text) != NULL);
}
