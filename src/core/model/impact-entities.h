/* impact-entities.h: the records the store keeps
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "impact-social-class.h"

G_BEGIN_DECLS

typedef enum
{
  IMPACT_NODE_GROUP = 0,
  IMPACT_NODE_DIVISION = 1,
  IMPACT_NODE_OBJECT = 2,
} ImpactNodeLevel;

/* A node of the organisation tree. Ids are 0 until stored; contract fields are for
 * objects; a contract value of -1 means unknown, a day of 0 means no date. */
typedef struct
{
  gint64           id;
  gint64           parent_id;
  ImpactNodeLevel  level;
  char            *code;
  char            *name;
  char            *client;
  gint64           contract_value_cents;
  guint32          contract_start;
  guint32          contract_end;
  /* The organisation import that created it, or 0. */
  gint64           batch_id;
} ImpactNode;

typedef struct
{
  gint64  id;
  char   *name;
  char   *kvk;
  char   *vat_id;
  char   *erp_id;
} ImpactSupplier;

/* A day of 0 in valid_from or valid_until means open on that side. */
typedef struct
{
  gint64             id;
  gint64             supplier_id;
  gint64             batch_id;
  ImpactSocialClass  kind;
  guint32            valid_from;
  guint32            valid_until;
  char              *certifying_body;
  char              *evidence;
  char              *note;
} ImpactStatus;

typedef struct
{
  gint64  id;
  char   *file_name;
  char   *content_hash;
  char   *target;
  char   *mapping;
  gint64  imported_at;
  gint64  rows_read;
  gint64  rows_accepted;
  gint64  rows_rejected;
  gint64  rows_duplicate;
  gint64  total_cents;
} ImpactBatch;

/* One purchase line as it is handed to a bulk insert; the strings are borrowed. */
typedef struct
{
  guint32     invoice_day;
  gint64      supplier_id;
  gint64      division_id;
  gint64      object_id;
  gint64      amount_cents;
  const char *invoice_number;
  const char *category;
  const char *gl_account;
  const char *description;
} ImpactPurchaseLine;

#define IMPACT_TYPE_NODE (impact_node_get_type ())
#define IMPACT_TYPE_SUPPLIER (impact_supplier_get_type ())
#define IMPACT_TYPE_STATUS (impact_status_get_type ())
#define IMPACT_TYPE_BATCH (impact_batch_get_type ())

GType           impact_node_get_type     (void) G_GNUC_CONST;
/* The name the group has when the data does not name it: kept untranslated in the database
 * and shown in the user's language (impact-store-nodes.c). */
#define IMPACT_DEFAULT_GROUP_NAME "Group"

ImpactNode     *impact_node_new          (ImpactNodeLevel       level,
                                          const char           *code,
                                          const char           *name);
ImpactNode     *impact_node_copy         (const ImpactNode     *node);
void            impact_node_free         (ImpactNode           *node);

GType           impact_supplier_get_type (void) G_GNUC_CONST;
ImpactSupplier *impact_supplier_new      (const char           *name);
ImpactSupplier *impact_supplier_copy     (const ImpactSupplier *supplier);
void            impact_supplier_free     (ImpactSupplier       *supplier);

GType           impact_status_get_type   (void) G_GNUC_CONST;
ImpactStatus   *impact_status_new        (gint64                supplier_id,
                                          ImpactSocialClass     kind,
                                          guint32               valid_from,
                                          guint32               valid_until);
ImpactStatus   *impact_status_copy       (const ImpactStatus   *status);
void            impact_status_free       (ImpactStatus         *status);

GType           impact_batch_get_type    (void) G_GNUC_CONST;
ImpactBatch    *impact_batch_new         (const char           *file_name,
                                          const char           *target);
ImpactBatch    *impact_batch_copy        (const ImpactBatch    *batch);
void            impact_batch_free        (ImpactBatch          *batch);

char           *impact_supplier_normalize_name (const char     *name);
gboolean        impact_supplier_has_other_number (const ImpactSupplier *supplier,
                                          const char           *kvk,
                                          const char           *vat_id,
                                          const char           *erp_id);
gboolean        impact_kvk_is_valid      (const char           *kvk);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ImpactNode, impact_node_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ImpactSupplier, impact_supplier_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ImpactStatus, impact_status_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ImpactBatch, impact_batch_free)

G_END_DECLS
