/* impact-store.h: the application's data, kept in one SQLite file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "impact-db.h"
#include "util/impact-task-progress.h"
#include "model/impact-entities.h"

G_BEGIN_DECLS

#define IMPACT_TYPE_STORE (impact_store_get_type ())

G_DECLARE_FINAL_TYPE (ImpactStore, impact_store, IMPACT, STORE, GObject)

/* What a database holds, at a glance. Days are 0 when there are no purchase lines. */
typedef struct
{
  gint64  n_divisions;
  gint64  n_objects;
  gint64  n_suppliers;
  gint64  n_statuses;
  gint64  n_lines;
  gint64  n_batches;
  gint64  total_cents;
  gint64  social_cents;
  guint32 first_day;
  guint32 last_day;
} ImpactStoreCounts;

typedef struct _ImpactBulkInsert ImpactBulkInsert;

char          *impact_store_get_default_path (void);

ImpactStore   *impact_store_open          (const char          *path,
                                           GError             **error);
void           impact_store_open_async    (const char          *path,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data);
ImpactStore   *impact_store_open_finish   (GAsyncResult        *result,
                                           GError             **error);

const char    *impact_store_get_path      (ImpactStore         *self);
const char    *impact_store_get_name      (ImpactStore         *self);
const char    *impact_store_get_backup_path (ImpactStore       *self);
ImpactDb      *impact_store_get_db        (ImpactStore         *self);
gboolean       impact_store_begin         (ImpactStore         *self,
                                           GError             **error);
gboolean       impact_store_begin_checked (ImpactStore         *self,
                                           GError             **error);
gboolean       impact_store_commit        (ImpactStore         *self,
                                           GError             **error);
void           impact_store_rollback      (ImpactStore         *self);

char          *impact_store_get_meta      (ImpactStore         *self,
                                           const char          *key,
                                           GError             **error);
gboolean       impact_store_set_meta      (ImpactStore         *self,
                                           const char          *key,
                                           const char          *value,
                                           GError             **error);
gboolean       impact_store_is_demo       (ImpactStore         *self);
gboolean       impact_store_is_empty      (ImpactStore         *self,
                                           GError             **error);

gint64         impact_store_add_node      (ImpactStore         *self,
                                           const ImpactNode    *node,
                                           GError             **error);
gboolean       impact_store_update_node   (ImpactStore         *self,
                                           const ImpactNode    *node,
                                           GError             **error);
ImpactNode    *impact_store_find_node     (ImpactStore         *self,
                                           ImpactNodeLevel      level,
                                           const char          *code,
                                           GError             **error);
GPtrArray     *impact_store_list_nodes    (ImpactStore         *self,
                                           ImpactNodeLevel      level,
                                           GError             **error);

gint64         impact_store_add_supplier  (ImpactStore         *self,
                                           const ImpactSupplier *supplier,
                                           GError             **error);
gboolean       impact_store_update_supplier (ImpactStore       *self,
                                           const ImpactSupplier *supplier,
                                           GError             **error);
ImpactSupplier *impact_store_get_supplier (ImpactStore         *self,
                                           gint64               id,
                                           GError             **error);
ImpactSupplier *impact_store_find_supplier (ImpactStore        *self,
                                           const char          *kvk,
                                           const char          *vat_id,
                                           const char          *erp_id,
                                           const char          *name,
                                           GError             **error);
gint64         impact_store_count_suppliers_named (ImpactStore *self,
                                           const char          *name,
                                           GError             **error);
gboolean       impact_store_add_supplier_alias (ImpactStore    *self,
                                           gint64               supplier_id,
                                           const char          *alias,
                                           GError             **error);

gint64         impact_store_add_status    (ImpactStore         *self,
                                           const ImpactStatus  *status,
                                           GError             **error);
gboolean       impact_store_update_status (ImpactStore         *self,
                                           const ImpactStatus  *status,
                                           GError             **error);
gboolean       impact_store_delete_status (ImpactStore         *self,
                                           gint64               status_id,
                                           GError             **error);
int            impact_store_has_status    (ImpactStore         *self,
                                           gint64               supplier_id,
                                           ImpactSocialClass    kind,
                                           guint32              valid_from,
                                           GError             **error);
GPtrArray     *impact_store_list_all_statuses (ImpactStore     *self,
                                           GError             **error);
GPtrArray     *impact_store_list_statuses (ImpactStore         *self,
                                           gint64               supplier_id,
                                           GError             **error);
gboolean       impact_store_classify      (ImpactStore         *self,
                                           gint64               supplier_id,
                                           guint32              day,
                                           ImpactSocialClass   *klass,
                                           GError             **error);

ImpactBulkInsert *impact_store_begin_batch (ImpactStore        *self,
                                           const ImpactBatch   *batch,
                                           GError             **error);
void           impact_bulk_insert_start_writer (ImpactBulkInsert *insert);
gboolean       impact_bulk_insert_add     (ImpactBulkInsert    *insert,
                                           const ImpactPurchaseLine *line,
                                           GError             **error);
gint64         impact_bulk_insert_get_batch_id (ImpactBulkInsert *insert);
void           impact_bulk_insert_add_supplier_id (ImpactBulkInsert *insert,
                                                gint64            supplier_id);
void           impact_bulk_insert_set_counts (ImpactBulkInsert *insert,
                                           gint64               rows_read,
                                           gint64               rows_rejected,
                                           gint64               rows_duplicate);
gint64         impact_bulk_insert_commit  (ImpactBulkInsert    *insert,
                                           GError             **error);
void           impact_bulk_insert_free    (ImpactBulkInsert    *insert);
gint64         impact_store_insert_lines  (ImpactStore         *self,
                                           const ImpactBatch   *batch,
                                           const ImpactPurchaseLine *lines,
                                           gsize                n_lines,
                                           GCancellable        *cancellable,
                                           GError             **error);
gint64         impact_store_add_batch     (ImpactStore         *self,
                                           const ImpactBatch   *batch,
                                           GError             **error);
gboolean       impact_store_update_batch_counts (ImpactStore   *self,
                                           const ImpactBatch   *batch,
                                           GError             **error);
gboolean       impact_store_set_batch_content_hash (ImpactStore *self,
                                           gint64               batch_id,
                                           const char          *content_hash,
                                           GError             **error);
ImpactBatch   *impact_store_get_batch     (ImpactStore         *self,
                                           gint64               batch_id,
                                           GError             **error);
GPtrArray     *impact_store_list_batches  (ImpactStore         *self,
                                           GError             **error);
gboolean       impact_store_delete_batch  (ImpactStore         *self,
                                           gint64               batch_id,
                                           GError             **error);

/* What the duplicate check of an import compares: a stored line's supplier, invoice number
 * and amount. */
typedef void (*ImpactLineKeyFunc) (gint64      supplier_id,
                                   const char *invoice_number,
                                   gint64      amount_cents,
                                   gpointer    user_data);

gboolean       impact_store_foreach_line_key (ImpactStore      *self,
                                           ImpactLineKeyFunc    func,
                                           gpointer             user_data,
                                           GError             **error);
gboolean       impact_store_remember_node (ImpactStore         *self,
                                           gint64               batch_id,
                                           gint64               node_id,
                                           GError             **error);

char          *impact_store_get_mapping_profile (ImpactStore   *self,
                                           const char          *signature,
                                           GError             **error);
gboolean       impact_store_save_mapping_profile (ImpactStore  *self,
                                           const char          *signature,
                                           const char          *mapping,
                                           GError             **error);
gboolean       impact_store_get_share_target (ImpactStore      *self,
                                           gint64               node_id,
                                           double              *share,
                                           GError             **error);
gboolean       impact_store_set_share_target (ImpactStore      *self,
                                           gint64               node_id,
                                           double               share,
                                           GError             **error);
gboolean       impact_store_get_counts    (ImpactStore         *self,
                                           ImpactStoreCounts   *counts,
                                           GError             **error);
void           impact_store_get_counts_async (ImpactStore      *self,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data);
gboolean       impact_store_get_counts_finish (ImpactStore     *self,
                                           GAsyncResult        *result,
                                           ImpactStoreCounts   *counts,
                                           GError             **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ImpactBulkInsert, impact_bulk_insert_free)

G_END_DECLS
