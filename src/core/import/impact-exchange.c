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
#include <math.h>

#include "impact-exchange.h"
#include "model/impact-format.h"
#include "storage/impact-store-sroi.h"

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

static const char *
get_string (JsonObject *object,
            const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;

  return json_node_get_string (node);
}

/* An array member of an object, or NULL (with a FORMAT error naming it) if it is not one. */
static JsonArray *
get_array (JsonObject *object,
           const char *member,
           const char *where,
           gboolean required,
           GError **error)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, member) : NULL;

  if (node != NULL && JSON_NODE_HOLDS_ARRAY (node))
    return json_node_get_array (node);
  if (node == NULL && !required)
    return NULL;

  g_set_error (error, IMPACT_IMPORT_ERROR, IMPACT_IMPORT_ERROR_FORMAT,
               _ ("The exchange file has no list “%s%s”."), where, member);
  return NULL;
}

typedef struct
{
  ImpactStore *store;
  ImpactImportSummary *summary;
  gint64 batch_id;
  GHashTable *units;
  GHashTable *suppliers;
} Exchange;

/* Records a problem with an element; the element is left out, the rest goes on. */
static void
reject (Exchange *ex,
        const char *list,
        guint index,
        const char *member,
        char *message)
{
  ImpactImportProblem *problem = g_new0 (ImpactImportProblem, 1);

  ex->summary->rows_rejected++;
  problem->row = index + 1;
  problem->column = g_strdup_printf ("%s.%s", list, member);
  problem->message = message;
  if (ex->summary->problems->len < IMPACT_IMPORT_MAX_PROBLEMS)
    g_ptr_array_add (ex->summary->problems, problem);
  else
    g_free (problem->column), g_free (problem->message), g_free (problem);
}

/* An ISO date member: 0 when absent or null; FALSE (with a rejection) when not a date. */
static gboolean
get_day (Exchange *ex,
         JsonObject *object,
         const char *list,
         guint index,
         const char *member,
         guint32 *day)
{
  JsonNode *node = json_object_get_member (object, member);
  const char *text = get_string (object, member);

  *day = 0;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (text != NULL && (*day = impact_day_from_iso (text)) != 0)
    return TRUE;

  reject (ex, list, index, member,
          g_strdup_printf (_ ("“%s” is not a date written as YYYY-MM-DD."), text != NULL ? text : "?"));
  return FALSE;
}

static gint64
unit_id (Exchange *ex,
         ImpactNodeLevel level,
         const char *code)
{
  g_autofree char *key = g_strdup_printf ("%d:%s", level, code);
  gpointer id;

  if (g_hash_table_lookup_extended (ex->units, key, NULL, &id))
    return (gint64) GPOINTER_TO_SIZE (id);

  {
    g_autoptr (ImpactNode) node = impact_store_find_node (ex->store, level, code, NULL);

    if (node == NULL)
      return 0;
    g_hash_table_insert (ex->units, g_steal_pointer (&key), GSIZE_TO_POINTER (node->id));
    return node->id;
  }
}

static gboolean
add_unit (Exchange *ex,
          ImpactNode *node,
          GError **error)
{
  if (unit_id (ex, node->level, node->code) != 0)
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
  gint64 group_id = 0;

  if (organisation == NULL)
    return TRUE;

  /* The group: the one there is, or the document's. */
  if (!impact_db_query_int (impact_store_get_db (ex->store), "SELECT coalesce (max (id), 0) FROM nodes WHERE level = 0",
                            &group_id, error))
    return FALSE;
  if (group_id == 0)
    {
      g_autoptr (ImpactNode) g = impact_node_new (IMPACT_NODE_GROUP,
                                                  group != NULL && get_string (group, "code") ? get_string (group, "code") : "GROUP",
                                                  group != NULL && get_string (group, "name") ? get_string (group, "name") : _ ("Group"));

      g->batch_id = ex->batch_id;
      if ((group_id = impact_store_add_node (ex->store, g, error)) == 0)
        return FALSE;
    }

  divisions = get_array (organisation, "divisions", "organisation.", FALSE, error);
  objects = get_array (organisation, "objects", "organisation.", FALSE, error);
  if ((divisions == NULL || objects == NULL) && error != NULL && *error != NULL)
    return FALSE;

  for (guint i = 0; divisions != NULL && i < json_array_get_length (divisions); i++)
    {
      JsonObject *d = json_array_get_object_element (divisions, i);
      const char *code = d != NULL ? get_string (d, "code") : NULL;
      g_autoptr (ImpactNode) division = NULL;

      if (code == NULL || *code == '\0')
        {
          reject (ex, "divisions", i, "code", g_strdup (_ ("The division has no code.")));
          continue;
        }
      division = impact_node_new (IMPACT_NODE_DIVISION, code, get_string (d, "name") ? get_string (d, "name") : code);
      division->parent_id = group_id;
      if (!add_unit (ex, division, error))
        return FALSE;
    }

  for (guint i = 0; objects != NULL && i < json_array_get_length (objects); i++)
    {
      JsonObject *o = json_array_get_object_element (objects, i);
      const char *code = o != NULL ? get_string (o, "code") : NULL;
      const char *division_code = o != NULL ? get_string (o, "division") : NULL;
      g_autoptr (ImpactNode) object = NULL;
      gint64 parent = division_code != NULL ? unit_id (ex, IMPACT_NODE_DIVISION, division_code) : 0;

      if (code == NULL || *code == '\0')
        {
          reject (ex, "objects", i, "code", g_strdup (_ ("The object has no code.")));
          continue;
        }
      if (parent == 0)
        {
          reject (ex, "objects", i, "division",
                  g_strdup_printf (_ ("There is no division “%s”."), division_code != NULL ? division_code : ""));
          continue;
        }
      object = impact_node_new (IMPACT_NODE_OBJECT, code, get_string (o, "name") ? get_string (o, "name") : code);
      object->parent_id = parent;
      object->client = g_strdup (get_string (o, "client"));
      object->contract_value_cents = json_object_has_member (o, "contract_value_cents")
                                             && !json_object_get_null_member (o, "contract_value_cents")
                                         ? json_object_get_int_member (o, "contract_value_cents")
                                         : -1;
      if (!get_day (ex, o, "objects", i, "contract_start", &object->contract_start)
          || !get_day (ex, o, "objects", i, "contract_end", &object->contract_end))
        continue;
      if (object->contract_value_cents < -1
          || (object->contract_start != 0 && object->contract_end != 0 && object->contract_end < object->contract_start))
        {
          reject (ex, "objects", i, "contract_end", g_strdup (_ ("The contract ends before it starts, or has a negative value.")));
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
  JsonArray *suppliers = get_array (root, "suppliers", "", FALSE, error);

  if (suppliers == NULL)
    return error == NULL || *error == NULL;

  for (guint i = 0; i < json_array_get_length (suppliers); i++)
    {
      JsonObject *s = json_array_get_object_element (suppliers, i);
      const char *id = s != NULL ? get_string (s, "id") : NULL;
      const char *name = s != NULL ? get_string (s, "name") : NULL;
      g_autoptr (ImpactSupplier) found = NULL;
      JsonArray *statuses;
      gint64 supplier_id;

      if (id == NULL || name == NULL || *name == '\0')
        {
          reject (ex, "suppliers", i, id == NULL ? "id" : "name", g_strdup (_ ("The supplier needs an id and a name.")));
          continue;
        }

      found = impact_store_find_supplier (ex->store, get_string (s, "kvk"), get_string (s, "vat_id"),
                                          get_string (s, "erp_id"), name, error);
      if (found == NULL && error != NULL && *error != NULL)
        return FALSE;
      if (found != NULL)
        supplier_id = found->id;
      else
        {
          g_autoptr (ImpactSupplier) supplier = impact_supplier_new (name);
          g_autoptr (GError) local_error = NULL;

          supplier->kvk = g_strdup (get_string (s, "kvk"));
          supplier->vat_id = g_strdup (get_string (s, "vat_id"));
          supplier->erp_id = g_strdup (get_string (s, "erp_id"));
          supplier_id = impact_store_add_supplier (ex->store, supplier, &local_error);
          if (supplier_id == 0)
            {
              /* A constraint (a KvK number that is not 8 digits, say) rejects this supplier. */
              if (!g_error_matches (local_error, IMPACT_STORE_ERROR, IMPACT_STORE_ERROR_CONSTRAINT))
                {
                  g_propagate_error (error, g_steal_pointer (&local_error));
                  return FALSE;
                }
              reject (ex, "suppliers", i, "kvk", g_strdup (_ ("The supplier's KvK number, VAT id or ERP id is not valid.")));
              continue;
            }
          g_ptr_array_add (ex->summary->new_suppliers, g_strdup (name));
        }
      g_hash_table_insert (ex->suppliers, g_strdup (id), GSIZE_TO_POINTER (supplier_id));

      statuses = get_array (s, "statuses", "suppliers[].", FALSE, error);
      if (statuses == NULL && error != NULL && *error != NULL)
        return FALSE;
      for (guint j = 0; statuses != NULL && j < json_array_get_length (statuses); j++)
        {
          JsonObject *t = json_array_get_object_element (statuses, j);
          g_autoptr (ImpactStatus) status = NULL;
          ImpactSocialClass kind;
          guint32 from, until;

          if (t == NULL || !impact_social_class_from_code (get_string (t, "kind") ? get_string (t, "kind") : "", &kind)
              || kind == IMPACT_SOCIAL_CLASS_NONE)
            {
              reject (ex, "suppliers", i, "statuses", g_strdup (_ ("A status has no known kind (such as pso-2 or sw).")));
              continue;
            }
          if (!get_day (ex, t, "suppliers", i, "valid_from", &from) || !get_day (ex, t, "suppliers", i, "valid_until", &until))
            continue;
          status = impact_status_new (supplier_id, kind, from, until);
          status->batch_id = ex->batch_id;
          status->certifying_body = g_strdup (get_string (t, "certifying_body"));
          status->evidence = g_strdup (get_string (t, "evidence"));
          status->note = g_strdup (get_string (t, "note"));
          if (impact_store_add_status (ex->store, status, NULL) == 0)
            {
              reject (ex, "suppliers", i, "statuses", g_strdup (_ ("A status ends before it starts.")));
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
  JsonArray *lines = get_array (root, "purchase_lines", "", FALSE, error);

  if (lines == NULL)
    return error == NULL || *error == NULL;

  for (guint i = 0; i < json_array_get_length (lines); i++)
    {
      JsonObject *l = json_array_get_object_element (lines, i);
      ImpactPurchaseLine line = { 0 };
      const char *supplier = l != NULL ? get_string (l, "supplier") : NULL;
      const char *division = l != NULL ? get_string (l, "division") : NULL;
      const char *object = l != NULL ? get_string (l, "object") : NULL;
      JsonNode *amount = l != NULL ? json_object_get_member (l, "amount_cents") : NULL;
      gpointer supplier_id;

      if (i % CANCEL_CHECK_INTERVAL == 0 && g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
      ex->summary->rows_read++;
      if (l == NULL)
        {
          reject (ex, "purchase_lines", i, "", g_strdup (_ ("The line is not an object.")));
          continue;
        }
      if (supplier == NULL || !g_hash_table_lookup_extended (ex->suppliers, supplier, NULL, &supplier_id))
        {
          reject (ex, "purchase_lines", i, "supplier",
                  g_strdup_printf (_ ("There is no supplier with id “%s” in the file."), supplier != NULL ? supplier : ""));
          continue;
        }
      if (division == NULL || (line.division_id = unit_id (ex, IMPACT_NODE_DIVISION, division)) == 0)
        {
          reject (ex, "purchase_lines", i, "division",
                  g_strdup_printf (_ ("There is no division “%s”."), division != NULL ? division : ""));
          continue;
        }
      if (object != NULL && (line.object_id = unit_id (ex, IMPACT_NODE_OBJECT, object)) == 0)
        {
          reject (ex, "purchase_lines", i, "object", g_strdup_printf (_ ("There is no object “%s”."), object));
          continue;
        }
      if (amount == NULL || !JSON_NODE_HOLDS_VALUE (amount) || json_node_get_value_type (amount) != G_TYPE_INT64)
        {
          reject (ex, "purchase_lines", i, "amount_cents", g_strdup (_ ("The amount is not a whole number of cents.")));
          continue;
        }
      if (!get_day (ex, l, "purchase_lines", i, "invoice_date", &line.invoice_day))
        continue;
      if (line.invoice_day == 0)
        {
          reject (ex, "purchase_lines", i, "invoice_date", g_strdup (_ ("The line has no date.")));
          continue;
        }

      line.supplier_id = (gint64) GPOINTER_TO_SIZE (supplier_id);
      line.amount_cents = json_node_get_int (amount);
      line.invoice_number = get_string (l, "invoice_number");
      line.category = get_string (l, "category");
      line.gl_account = get_string (l, "gl_account");
      line.description = get_string (l, "description");
      if (insert != NULL && !impact_bulk_insert_add (insert, &line, error))
        return FALSE;
      ex->summary->rows_accepted++;
      ex->summary->total_cents += line.amount_cents;
    }

  return TRUE;
}

/* A level named as the export writes it. */
static int
level_from_code (const char *code)
{
  static const char *const codes[] = { "group", "division", "object" };

  for (guint i = 0; i < G_N_ELEMENTS (codes); i++)
    if (g_strcmp0 (code, codes[i]) == 0)
      return i;
  return -1;
}

static double
get_double (JsonObject *object,
            const char *member,
            double fallback)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return fallback;
  return json_node_get_double (node);
}

static gint64
get_int (JsonObject *object,
         const char *member,
         gint64 fallback)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    return fallback;
  return json_node_get_int (node);
}

/* A store's refusal of a value rejects the element; any other failure ends the import. */
static gboolean
refused (Exchange *ex,
         const char *list,
         guint index,
         const char *member,
         GError **local_error,
         GError **error)
{
  if (g_error_matches (*local_error, IMPACT_STORE_ERROR, IMPACT_STORE_ERROR_INVALID))
    {
      reject (ex, list, index, member, g_strdup ((*local_error)->message));
      g_clear_error (local_error);
      return TRUE;
    }
  g_propagate_error (error, g_steal_pointer (local_error));
  return FALSE;
}

/* The unit a settings element names by level and code; 0 (rejected) when there is none. */
static gint64
settings_unit (Exchange *ex,
               JsonObject *element,
               const char *list,
               guint index,
               int level,
               const char *code_member)
{
  const char *code = get_string (element, code_member);
  gint64 id = level >= 0 && code != NULL ? unit_id (ex, level, code) : 0;

  if (id == 0)
    reject (ex, list, index, code_member, g_strdup_printf (_ ("There is no unit “%s”."), code != NULL ? code : ""));
  return id;
}

/* What the figures depend on besides the data: see impact-exchange-export.c. */
static gboolean
load_settings (Exchange *ex,
               JsonObject *root,
               GError **error)
{
  JsonNode *node = json_object_get_member (root, "settings");
  JsonObject *settings;
  JsonArray *list;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return TRUE;
  settings = json_node_get_object (node);

  {
    gint64 month = get_int (settings, "financial_year_start", 0);

    if (month >= 1 && month <= 12)
      {
        g_autofree char *value = g_strdup_printf ("%" G_GINT64_FORMAT, month);

        if (!impact_store_set_meta (ex->store, "financial-year-start", value, error))
          return FALSE;
      }
  }

  list = get_array (settings, "sroi_rule_sets", "settings.", FALSE, NULL);
  for (guint i = 0; list != NULL && i < json_array_get_length (list); i++)
    {
      JsonObject *e = json_array_get_object_element (list, i);
      g_autoptr (GError) local_error = NULL;
      ImpactSroiRules rules = { 0 };
      JsonNode *factors = e != NULL ? json_object_get_member (e, "factors") : NULL;

      if (e == NULL || get_string (e, "name") == NULL || !get_day (ex, e, "settings.sroi_rule_sets", i, "valid_from", &rules.valid_from))
        continue;
      rules.name = (char *) get_string (e, "name");
      if (factors != NULL && JSON_NODE_HOLDS_OBJECT (factors))
        for (guint k = 0; k < IMPACT_N_SOCIAL_CLASSES; k++)
          rules.factors[k] = get_double (json_node_get_object (factors), impact_social_class_to_code (k), 0);
      if (impact_store_add_rule_set (ex->store, &rules, &local_error) == 0
          && !refused (ex, "settings.sroi_rule_sets", i, "factors", &local_error, error))
        return FALSE;
    }

  list = get_array (settings, "share_targets", "settings.", FALSE, NULL);
  for (guint i = 0; list != NULL && i < json_array_get_length (list); i++)
    {
      JsonObject *e = json_array_get_object_element (list, i);
      g_autoptr (GError) local_error = NULL;
      gint64 id = e != NULL ? settings_unit (ex, e, "settings.share_targets", i, level_from_code (get_string (e, "level")), "code") : 0;

      if (id != 0 && !impact_store_set_share_target (ex->store, id, get_double (e, "share", NAN), &local_error)
          && !refused (ex, "settings.share_targets", i, "share", &local_error, error))
        return FALSE;
    }

  list = get_array (settings, "sroi_obligations", "settings.", FALSE, NULL);
  for (guint i = 0; list != NULL && i < json_array_get_length (list); i++)
    {
      JsonObject *e = json_array_get_object_element (list, i);
      g_autoptr (GError) local_error = NULL;
      gint64 id = e != NULL ? settings_unit (ex, e, "settings.sroi_obligations", i, IMPACT_NODE_OBJECT, "object") : 0;
      ImpactSroiObligation obligation = { 0 };

      if (id == 0)
        continue;
      if (!impact_sroi_kind_from_code (get_string (e, "kind"), &obligation.kind))
        {
          reject (ex, "settings.sroi_obligations", i, "kind", g_strdup (_ ("The obligation is not “percent” or “fixed”.")));
          continue;
        }
      obligation.percent = get_double (e, "percent", 0);
      obligation.cap_cents = get_int (e, "cap_cents", -1);
      obligation.fixed_cents = get_int (e, "fixed_cents", 0);
      obligation.own_social_factor = get_double (e, "own_social_factor", 0);
      obligation.rule_set = (char *) get_string (e, "rule_set");
      if (!impact_store_set_sroi_obligation (ex->store, id, &obligation, &local_error)
          && !refused (ex, "settings.sroi_obligations", i, "kind", &local_error, error))
        return FALSE;
    }

  list = get_array (settings, "sroi_entries", "settings.", FALSE, NULL);
  for (guint i = 0; list != NULL && i < json_array_get_length (list); i++)
    {
      JsonObject *e = json_array_get_object_element (list, i);
      g_autoptr (GError) local_error = NULL;
      ImpactSroiEntry entry = { 0 };

      entry.object_id = e != NULL ? settings_unit (ex, e, "settings.sroi_entries", i, IMPACT_NODE_OBJECT, "object") : 0;
      if (entry.object_id == 0 || !get_day (ex, e, "settings.sroi_entries", i, "date", &entry.day))
        continue;
      entry.amount_cents = get_int (e, "amount_cents", 0);
      entry.description = (char *) get_string (e, "description");
      if (impact_store_add_sroi_entry (ex->store, &entry, &local_error) == 0
          && !refused (ex, "settings.sroi_entries", i, "description", &local_error, error))
        return FALSE;
    }

  list = get_array (settings, "pso_organisation", "settings.", FALSE, NULL);
  for (guint i = 0; list != NULL && i < json_array_get_length (list); i++)
    {
      JsonObject *e = json_array_get_object_element (list, i);
      g_autoptr (GError) local_error = NULL;
      gint64 id = e != NULL ? settings_unit (ex, e, "settings.pso_organisation", i, level_from_code (get_string (e, "level")), "code") : 0;

      if (id != 0
          && !impact_store_set_pso_organisation (ex->store, id, get_double (e, "fte", -1), get_double (e, "direct_share", -1),
                                                 &local_error)
          && !refused (ex, "settings.pso_organisation", i, "fte", &local_error, error))
        return FALSE;
    }

  list = get_array (settings, "pso_suppliers", "settings.", FALSE, NULL);
  for (guint i = 0; list != NULL && i < json_array_get_length (list); i++)
    {
      JsonObject *e = json_array_get_object_element (list, i);
      g_autoptr (GError) local_error = NULL;
      gpointer supplier_id = NULL;
      ImpactPsoSupplier data = { 0 };

      if (e == NULL || get_string (e, "supplier") == NULL
          || !g_hash_table_lookup_extended (ex->suppliers, get_string (e, "supplier"), NULL, &supplier_id))
        {
          reject (ex, "settings.pso_suppliers", i, "supplier", g_strdup (_ ("The supplier is not in the file.")));
          continue;
        }
      data.turnover_cents = get_int (e, "turnover_cents", -1);
      data.fte = get_double (e, "fte", -1);
      data.direct_share = get_double (e, "direct_share", -1);
      if (!impact_store_set_pso_supplier (ex->store, (gint64) GPOINTER_TO_SIZE (supplier_id), &data, &local_error)
          && !refused (ex, "settings.pso_suppliers", i, "turnover_cents", &local_error, error))
        return FALSE;
    }

  /* Norms come as a row per version and trede. */
  list = get_array (settings, "pso_norms", "settings.", FALSE, NULL);
  {
    ImpactPsoNorms norms = { 0 };

    for (guint i = 0; list != NULL && i <= json_array_get_length (list); i++)
      {
        JsonObject *e = i < json_array_get_length (list) ? json_array_get_object_element (list, i) : NULL;
        guint32 from = 0;
        gint64 trede = e != NULL ? get_int (e, "trede", 0) : 0;

        if (e != NULL && !get_day (ex, e, "settings.pso_norms", i, "valid_from", &from))
          continue;
        if ((e == NULL || from != norms.valid_from) && norms.n_treden > 0)
          {
            g_autoptr (GError) local_error = NULL;

            if (!impact_store_set_pso_norms (ex->store, &norms, &local_error)
                && !refused (ex, "settings.pso_norms", i, "share", &local_error, error))
              return FALSE;
            memset (&norms, 0, sizeof norms);
          }
        if (e == NULL || trede < 1 || trede > IMPACT_PSO_MAX_TREDEN)
          continue;
        norms.valid_from = from;
        norms.norms[trede - 1] = get_double (e, "share", 0);
        norms.n_treden = MAX (norms.n_treden, (guint) trede);
      }
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
  if (n_lines > 0 && get_array (object, "purchase_lines", "", FALSE, NULL) != NULL)
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
           && load_settings (&ex, object, error);
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
