/* impact-test-store.h: filling a store by hand in the core tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "import/impact-importer.h"
#include "model/impact-format.h"
#include "storage/impact-store.h"

G_BEGIN_DECLS

/* A new, empty store in a folder of its own, for a test case: set up and torn down by
 * g_test_add (path, ImpactTestStore, NULL, impact_test_store_set_up, test,
 * impact_test_store_tear_down). */
typedef struct
{
  char *dir;
  ImpactStore *store;
} ImpactTestStore;

gboolean impact_test_on_postgresql (void);
char  *impact_test_database_location (const char         *dir);
char  *impact_test_server_location (void);

void   impact_test_store_set_up    (ImpactTestStore          *f,
                                    gconstpointer             data);
void   impact_test_store_tear_down (ImpactTestStore          *f,
                                    gconstpointer             data);

#define D(iso) impact_day_from_iso (iso)
#define EUR(x) ((gint64) ((x) *100))

gint64 impact_test_add_node     (ImpactStore              *store,
                                 ImpactNodeLevel           level,
                                 const char               *code,
                                 const char               *name,
                                 gint64                    parent_id);
gint64 impact_test_add_supplier (ImpactStore              *store,
                                 const char               *name);
gint64 impact_test_add_status   (ImpactStore              *store,
                                 gint64                    supplier_id,
                                 ImpactSocialClass         kind,
                                 const char               *from,
                                 const char               *until);
gint64 impact_test_insert       (ImpactStore              *store,
                                 const ImpactPurchaseLine *lines,
                                 gsize                     n_lines);

guint  impact_test_count_expiring (ImpactStore          *store,
                                   guint32               today);

double impact_test_time_import  (const char                *path,
                                 const char                *db,
                                 const ImpactImportOptions *options,
                                 gint64                     n_rows);

G_END_DECLS
