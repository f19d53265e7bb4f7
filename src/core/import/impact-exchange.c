/* impact-exchange.c: the application's own JSON exchange format
 *
 * A whole dataset in one document, as the export writes it (see the README):
 *
 *   {"format": "impact-dashboard", "version": 1,
 *    "organisation": {"group": {"code": "G", "name": "Groep"},
 *                     "divisions": [{"code": "SCHOON", "name": "Schoonmaak"}],
 *                     "objects": [{"code": "SCH-101", "name": "Stadhuis", "division": "SCHOON",
 *                                  "client": "Gemeente Utrecht", "contract_value_cents": 250000000,
 *                                  "contract_start": "2024-01-01", "contract_end": "2027-12-31"}]},
 *    "suppliers": [{"id": "s1", "name": "Jansen B.V.", "kvk": "12345678", "vat_id": null,
 *                   "erp_id": "K1", "statuses": [{"kind": "pso-2", "valid_from": "2024-03-15",
 *                   "valid_until": "2026-03-14", "certifying_body": null, "evidence": null,
 *                   "note": null}]}],
 *    "purchase_lines": [{"invoice_date": "2025-03-15", "supplier": "s1", "division": "SCHOON",
 *                        "object": "SCH-101", "amount_cents": 123456, "invoice_number": "F1",
 *                        "category": null, "gl_account": null, "description": null}]}
 *
 * Dates are ISO, amounts whole cents, and lines refer to suppliers by the document's own ids
 * and to units by code. It loads into a database without purchase lines, in one transaction.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "impact-exchange"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "impact-exchange-private.h"

#define CANCEL_CHECK_INTERVAL 4096

gboolean
impact_exchange_is_document (JsonNode *root)
{
  JsonObject *object;

  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return FALSE;
  object = json_node_get_object (root);

  return g_strcmp0 (json_object_get_string_member_with_default (object, "format", NULL), IMPACT_EXCHANGE_FORMAT) == 0;
}

static gboolean
add_unit (Exchange *ex,
          ImpactNode *node,
          GError **error)
{
  if (_impact_exchange_unit_id (ex, node->level, node->code) != 0)
    return TRUE;

  node->batch_id = ex->batch_id;
  node->id = impact_store_add_node (ex->store, node, error);
  if (node->id == 0)
    return FALSE;
  g_hash_table_insert (ex->units, g_strdup_printf ("%d:%s", node->level, node->code), GSIZE_TO_POINTER (node->id));
  g_ptr_array_add (node->level == IMPACT_NODE_DIVISION ? ex->summary->new_divisions : ex->summary->new_objects,
                   g_strdup (node->code));

  return TRUE;
}

static gboolean
load_organisation (Exchange *ex,
                   JsonObject *root,
                   GError **error)
{
  JsonNode *node = json_object_get_member (root, "organisation");
  JsonObject *organisation = node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
  JsonObject *group = organisation != NULL && json_object_has_member (organisation, "group")
                          ? json_object_get_object_member (organisation, "group")
                          : NULL;
  JsonArray *divisions, *objects;
  g_autoptr (GPtrArray) groups = NULL;
  gint64 group_id = 0;

  if (organisation == NULL)
    return TRUE;

  /* The group: the one there is (the newest, if a file holds more), or the document's. */
  groups = impact_store_list_nodes (ex->store, IMPACT_NODE_GROUP, error);
  if (groups == NULL)
    return FALSE;
  for (guint i = 0; i < groups->len; i++)
    group_id = MAX (group_id, ((ImpactNode *) g_ptr_array_index (groups, i))->id);
  if (group_id == 0)
    {
      g_autoptr (ImpactNode) g = impact_node_new (IMPACT_NODE_GROUP,
                                                  group != NULL && _impact_exchange_get_string (group, "code") ? _impact_exchange_get_string (group, "code") : "GROUP",
                                                  group != NULL && _impact_exchange_get_string (group, "name") ? _impact_exchange_get_string (group, "name") : IMPACT_DEFAULT_GROUP_NAME);

      g->batch_id = ex->batch_id;
      if ((group_id = impact_store_add_node (ex->store, g, error)) == 0)
        return FALSE;
    }

  divisions = _impact_exchange_get_array (organisation, "divisions", "organisation.", FALSE, error);
  objects = _impact_exchange_get_array (organisation, "objects", "organisation.", FALSE, error);
  if ((divisions == NULL || objects == NULL) && error != NULL && *error != NULL)
    return FALSE;

  for (guint i = 0; divisions != NULL && i < json_array_get_length (divisions); i++)
    {
      JsonObject *d = json_array_get_object_element (divisions, i);
      const char *code = d != NULL ? _impact_exchange_get_string (d, "code") : NULL;
      g_autoptr (ImpactNode) division = NULL;

      if (code == NULL || *code == '\0')
        {
          _impact_exchange_reject (ex, "divisions", i, "code", g_strdup (_ ("The division has no code.")));
          continue;
        }
      division = impact_node_new (IMPACT_NODE_DIVISION, code, _impact_exchange_get_string (d, "name") ? _impact_exchange_get_string (d, "name") : code);
      division->parent_id = group_id;
      if (!add_unit (ex, division, error))
        return FALSE;
    }

  for (guint i = 0; objects != NULL && i < json_array_get_length (objects); i++)
    {
      JsonObject *o = json_array_get_object_element (objects, i);
      const char *code = o != NULL ? _impact_exchange_get_string (o, "code") : NULL;
      const char *division_code = o != NULL ? _impact_exchange_get_string (o, "division") : NULL;
      g_autoptr (ImpactNode) object = NULL;
      gint64 parent = division_code != NULL ? _impact_exchange_unit_id (ex, IMPACT_NODE_DIVISION, division_code) : 0;

      if (code == NULL || *code == '\0')
        {
          _impact_exchange_reject (ex, "objects", i, "code", g_strdup (_ ("The object has no code.")));
          continue;
        }
      if (parent == 0)
        {
          _impact_exchange_reject (ex, "objects", i, "division",
                                   g_strdup_printf (_ ("There is no division “%s”."), division_code != NULL ? division_code : ""));
          continue;
        }
      object = impact_node_new (IMPACT_NODE_OBJECT, code, _impact_exchange_get_string (o, "name") ? _impact_exchange_get_string (o, "name") : code);
      object->parent_id = parent;
      object->client = g_strdup (_impact_exchange_get_string (o, "client"));
      object->contract_value_cents = json_object_has_member (o, "contract_value_cents")
                                             && !json_object_get_null_member (o, "contract_value_cents")
                                         ? json_object_get_int_member (o, "contract_value_cents")
                                         : -1;
      if (!_impact_exchange_get_day (ex, o, "objects", i, "contract_start", &object->contract_start)
          || !_impact_exchange_get_day (ex, o, "objects", i, "contract_end", &object->contract_end))
        continue;
      if (object->contract_value_cents < -1
          || (object->contract_start != 0 && object->contract_end != 0 && object->contract_end < object->contract_start))
        {
          _impact_exchange_reject (ex, "objects", i, "contract_end", g_strdup (_ ("The contract ends before it starts, or has a negative value.")));
          continue;
        }
      if (!add_unit (ex, object, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
load_suppliers (Exchange *ex,
                JsonObject *root,
                GError **error)
{
  JsonArray *suppliers = _impact_exchange_get_array (root, "suppliers", "", FALSE, error);

  if (suppliers == NULL)
    return error == NULL || *error == NULL;

  for (guint i = 0; i < json_array_get_length (suppliers); i++)
    {
      JsonObject *s = json_array_get_object_element (suppliers, i);
      const char *id = s != NULL ? _impact_exchange_get_string (s, "id") : NULL;
      const char *name = s != NULL ? _impact_exchange_get_string (s, "name") : NULL;
      g_autoptr (ImpactSupplier) found = NULL;
      JsonArray *statuses;
      gint64 supplier_id;

      if (id == NULL || name == NULL || *name == '\0')
        {
          _impact_exchange_reject (ex, "suppliers", i, id == NULL ? "id" : "name", g_strdup (_ ("The supplier needs an id and a name.")));
          continue;
        }

      found = impact_store_find_supplier (ex->store, _impact_exchange_get_string (s, "kvk"), _impact_exchange_get_string (s, "vat_id"),
                                          _impact_exchange_get_string (s, "erp_id"), name, error);
      if (found == NULL && error != NULL && *error != NULL)
        return FALSE;
      if (found != NULL)
        supplier_id = found->id;
      else
        {
          g_autoptr (ImpactSupplier) supplier = impact_supplier_new (name);
          g_autoptr (GError) local_error = NULL;

          supplier->kvk = g_strdup (_impact_exchange_get_string (s, "kvk"));
          supplier->vat_id = g_strdup (_impact_exchange_get_string (s, "vat_id"));
          supplier->erp_id = g_strdup (_impact_exchange_get_string (s, "erp_id"));
          supplier_id = impact_store_add_supplier (ex->store, supplier, &local_error);
          if (supplier_id == 0)
            {
              /* A constraint (a KvK number that is not 8 digits, say) rejects this supplier. */
              if (!g_error_matches (local_error, IMPACT_STORE_ERROR, IMPACT_STORE_ERROR_CONSTRAINT))
                {
                  g_propagate_error (error, g_steal_pointer (&local_error));
                  return FALSE;
                }
              _impact_exchange_reject (ex, "suppliers", i, "kvk", g_strdup (_ ("The supplier's KvK number, VAT id or ERP id is not valid.")));
              continue;
            }
          g_ptr_array_add (ex->summary->new_suppliers, g_strdup (name));
        }
      g_hash_table_insert (ex->suppliers, g_strdup (id), GSIZE_TO_POINTER (supplier_id));

      statuses = _impact_exchange_get_array (s, "statuses", "suppliers[].", FALSE, error);
      if (statuses == NULL && error != NULL && *error != NULL)
        return FALSE;
      for (guint j = 0; statuses != NULL && j < json_array_get_length (statuses); j++)
        {
          JsonObject *t = json_array_get_object_element (statuses, j);
          g_autoptr (ImpactStatus) status = NULL;
          ImpactSocialClass kind;
          guint32 from, until;

          if (t == NULL || !impact_social_class_from_code (_impact_exchange_get_string (t, "kind") ? _impact_exchange_get_string (t, "kind") : "", &kind)
              || kind == IMPACT_SOCIAL_CLASS_NONE)
            {
              _impact_exchange_reject (ex, "suppliers", i, "statuses", g_strdup (_ ("A status has no known kind (such as pso-2 or sw).")));
              continue;
            }
          if (!_impact_exchange_get_day (ex, t, "suppliers", i, "valid_from", &from) || !_impact_exchange_get_day (ex, t, "suppliers", i, "valid_until", &until))
            continue;
          status = impact_status_new (supplier_id, kind, from, until);
          status->batch_id = ex->batch_id;
          status->certifying_body = g_strdup (_impact_exchange_get_string (t, "certifying_body"));
          status->evidence = g_strdup (_impact_exchange_get_string (t, "evidence"));
          status->note = g_strdup (_impact_exchange_get_string (t, "note"));
          if (impact_store_add_status (ex->store, status, NULL) == 0)
            {
              _impact_exchange_reject (ex, "suppliers", i, "statuses", g_strdup (_ ("A status ends before it starts.")));
              continue;
            }
          ex->summary->statuses_added++;
        }
    }

  return TRUE;
}

static gboolean
load_lines (Exchange *ex,
            JsonObject *root,
            ImpactBulkInsert *insert,
            GCancellable *cancellable,
            GError **error)
{
  JsonArray *lines = _impact_exchange_get_array (root, "purchase_lines", "", FALSE, error);

  if (lines == NULL)
    return error == NULL || *error == NULL;

  for (guint i = 0; i < json_array_get_length (lines); i++)
    {
      JsonObject *l = json_array_get_object_element (lines, i);
      ImpactPurchaseLine line = { 0 };
      const char *supplier = l != NULL ? _impact_exchange_get_string (l, "supplier") : NULL;
      const char *division = l != NULL ? _impact_exchange_get_string (l, "division") : NULL;
      const char *object = l != NULL ? _impact_exchange_get_string (l, "object") : NULL;
      JsonNode *amount = l != NULL ? json_object_get_member (l, "amount_cents") : NULL;
      gpointer supplier_id;

      if (i % CANCEL_CHECK_INTERVAL == 0 && g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
      ex->summary->rows_read++;
      if (l == NULL)
        {
          _impact_exchange_reject (ex, "purchase_lines", i, "", g_strdup (_ ("The line is not an object.")));
          continue;
        }
      if (supplier == NULL || !g_hash_table_lookup_extended (ex->suppliers, supplier, NULL, &supplier_id))
        {
          _impact_exchange_reject (ex, "purchase_lines", i, "supplier",
                                   g_strdup_printf (_ ("There is no supplier with id “%s” in the file."), supplier != NULL ? supplier : ""));
          continue;
        }
      if (division == NULL || (line.division_id = _impact_exchange_unit_id (ex, IMPACT_NODE_DIVISION, division)) == 0)
        {
          _impact_exchange_reject (ex, "purchase_lines", i, "division",
                                   g_strdup_printf (_ ("There is no division “%s”."), division != NULL ? division : ""));
          continue;
        }
      if (object != NULL && (line.object_id = _impact_exchange_unit_id (ex, IMPACT_NODE_OBJECT, object)) == 0)
        {
          _impact_exchange_reject (ex, "purchase_lines", i, "object", g_strdup_printf (_ ("There is no object “%s”."), object));
          continue;
        }
      if (amount == NULL || !JSON_NODE_HOLDS_VALUE (amount) || json_node_get_value_type (amount) != G_TYPE_INT64)
        {
          _impact_exchange_reject (ex, "purchase_lines", i, "amount_cents", g_strdup (_ ("The amount is not a whole number of cents.")));
          continue;
        }
      if (!_impact_exchange_get_day (ex, l, "purchase_lines", i, "invoice_date", &line.invoice_day))
        continue;
      if (line.invoice_day == 0)
        {
          _impact_exchange_reject (ex, "purchase_lines", i, "invoice_date", g_strdup (_ ("The line has no date.")));
          continue;
        }

      line.supplier_id = (gint64) GPOINTER_TO_SIZE (supplier_id);
      line.amount_cents = json_node_get_int (amount);
      line.invoice_number = _impact_exchange_get_string (l, "invoice_number");
      line.category = _impact_exchange_get_string (l, "category");
      line.gl_account = _impact_exchange_get_string (l, "gl_account");
      line.description = _impact_exchange_get_string (l, "description");
      if (insert != NULL && !impact_bulk_insert_add (insert, &line, error))
        return FALSE;
      ex->summary->rows_accepted++;
      ex->summary->total_cents += line.amount_cents;
    }

  return TRUE;
}

ImpactImportSummary *
impact_import_exchange (ImpactStore *store,
                        JsonNode *root,
                        const char *path,
                        const char *content_hash,
                        const ImpactImportOptions *options,
                        GCancellable *cancellable,
                        GError **error)
{
  g_autoptr (ImpactImportSummary) summary = impact_import_summary_new (path);
  g_autoptr (ImpactBatch) batch = impact_batch_new (summary->file_name, "purchases");
  g_autoptr (ImpactBulkInsert) insert = NULL;
  g_autoptr (GHashTable) units = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr (GHashTable) suppliers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  JsonObject *object;
  Exchange ex = { store, summary, 0, units, suppliers };
  gint64 n_lines = 0;
  gboolean ok;

  g_return_val_if_fail (impact_exchange_is_document (root), NULL);

  object = json_node_get_object (root);
  if (json_object_get_int_member_with_default (object, "version", 0) != IMPACT_EXCHANGE_VERSION)
    {
      g_set_error (error, IMPACT_IMPORT_ERROR, IMPACT_IMPORT_ERROR_UNSUPPORTED,
                   _ ("“%s” is an Impact Dashboard exchange file of another version (this version reads version %d)."),
                   summary->file_name, IMPACT_EXCHANGE_VERSION);
      return NULL;
    }
  if (!impact_db_query_int (impact_store_get_db (store), "SELECT count(*) FROM purchase_lines", &n_lines, error))
    return NULL;
  if (n_lines > 0 && _impact_exchange_get_array (object, "purchase_lines", "", FALSE, NULL) != NULL)
    {
      g_set_error (error, IMPACT_IMPORT_ERROR, IMPACT_IMPORT_ERROR_UNSUPPORTED,
                   _ ("“%s” holds a whole dataset with purchase lines, which only goes into a database "
                      "without purchase lines. Open a new database (--database) and import it there."),
                   summary->file_name);
      return NULL;
    }

  summary->format = g_strdup_printf (_ ("Impact Dashboard exchange file, version %d"), IMPACT_EXCHANGE_VERSION);
  {
    g_autoptr (ImpactRow) no_columns = impact_row_new ();

    summary->mapping = impact_mapping_new_for_header (no_columns, IMPACT_IMPORT_PURCHASES);
  }
  batch->content_hash = g_strdup (content_hash);

  if (!impact_store_begin_checked (store, error))
    return NULL;
  ok = (insert = impact_store_begin_batch (store, batch, error)) != NULL;
  if (ok)
    {
      /* Units and statuses belong to the batch too, so that undo removes them. */
      ex.batch_id = impact_bulk_insert_get_batch_id (insert);
      ok = load_organisation (&ex, object, error) && load_suppliers (&ex, object, error)
           && load_lines (&ex, object, options->dry_run ? NULL : insert, cancellable, error)
           && _impact_exchange_load_settings (&ex, object, error);
    }

  if (ok && !options->dry_run && summary->rows_accepted + summary->statuses_added + summary->new_divisions->len > 0)
    {
      impact_bulk_insert_set_counts (insert, summary->rows_read, summary->rows_rejected, 0);
      summary->batch_id = impact_bulk_insert_commit (insert, error);
      ok = summary->batch_id != 0 && impact_store_commit (store, error);
    }

  g_clear_pointer (&insert, impact_bulk_insert_free);
  if (!ok || summary->batch_id == 0)
    {
      summary->batch_id = 0;
      impact_store_rollback (store);
    }

  return ok ? g_steal_pointer (&summary) : NULL;
}
