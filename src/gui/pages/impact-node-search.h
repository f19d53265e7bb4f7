/* impact-node-search.h: the search that opens a division or object by name or code
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "storage/impact-store.h"

G_BEGIN_DECLS

#define IMPACT_TYPE_NODE_SEARCH (impact_node_search_get_type ())

G_DECLARE_FINAL_TYPE (ImpactNodeSearch, impact_node_search, IMPACT, NODE_SEARCH, GtkWidget)

void              impact_node_search_set_store (ImpactNodeSearch *self,
                                                ImpactStore      *store);
const ImpactNode *impact_node_search_get_group (ImpactNodeSearch *self);
const ImpactNode *impact_node_search_find      (ImpactNodeSearch *self,
                                                ImpactNodeLevel   level,
                                                gint64            id);
gboolean          impact_node_search_jump      (ImpactNodeSearch *self,
                                                const char       *text);
void              impact_node_search_popup     (ImpactNodeSearch *self);

G_END_DECLS
