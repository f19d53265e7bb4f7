/* impact-mapping.c: which column of an export holds which field
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "impact-mapping"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "impact-mapping.h"

static const struct
{
  const char *code;
  const char *name;
} fields[IMPACT_N_FIELDS] = {
  [IMPACT_FIELD_IGNORE] = { "ignore", N_ ("Ignore") },
  [IMPACT_FIELD_INVOICE_DATE] = { "invoice-date", N_ ("Invoice date") },
  [IMPACT_FIELD_POSTING_DATE] = { "posting-date", N_ ("Posting date") },
  [IMPACT_FIELD_INVOICE_NUMBER] = { "invoice-number", N_ ("Invoice number") },
  [IMPACT_FIELD_SUPPLIER_NAME] = { "supplier-name", N_ ("Supplier") },
  [IMPACT_FIELD_SUPPLIER_KVK] = { "supplier-kvk", N_ ("KvK number") },
  [IMPACT_FIELD_SUPPLIER_VAT_ID] = { "supplier-vat-id", N_ ("VAT id") },
  [IMPACT_FIELD_SUPPLIER_ERP_ID] = { "supplier-erp-id", N_ ("Supplier number (ERP)") },
  [IMPACT_FIELD_AMOUNT] = { "amount", N_ ("Amount excl. VAT") },
  [IMPACT_FIELD_VAT] = { "vat", N_ ("VAT amount") },
  [IMPACT_FIELD_AMOUNT_INCL] = { "amount-incl", N_ ("Amount incl. VAT") },
  [IMPACT_FIELD_CREDIT] = { "credit", N_ ("Credit amount") },
  [IMPACT_FIELD_DEBIT_CREDIT] = { "debit-credit", N_ ("Debit/credit indicator") },
  [IMPACT_FIELD_CURRENCY] = { "currency", N_ ("Currency") },
  [IMPACT_FIELD_DIVISION] = { "division", N_ ("Division") },
  [IMPACT_FIELD_COST_CENTRE] = { "cost-centre", N_ ("Cost centre") },
  [IMPACT_FIELD_OBJECT] = { "object", N_ ("Object (contract)") },
  [IMPACT_FIELD_GL_ACCOUNT] = { "gl-account", N_ ("GL account") },
  [IMPACT_FIELD_CATEGORY] = { "category", N_ ("Category") },
  [IMPACT_FIELD_DESCRIPTION] = { "description", N_ ("Description") },
  [IMPACT_FIELD_STATUS_KIND] = { "status-kind", N_ ("Certificate or status") },
  [IMPACT_FIELD_VALID_FROM] = { "valid-from", N_ ("Valid from") },
  [IMPACT_FIELD_VALID_UNTIL] = { "valid-until", N_ ("Valid until") },
  [IMPACT_FIELD_CERTIFYING_BODY] = { "certifying-body", N_ ("Certifying body") },
  [IMPACT_FIELD_EVIDENCE] = { "evidence", N_ ("Certificate number or evidence") },
  [IMPACT_FIELD_NOTE] = { "note", N_ ("Note") },
  [IMPACT_FIELD_DIVISION_NAME] = { "division-name", N_ ("Division name") },
  [IMPACT_FIELD_OBJECT_NAME] = { "object-name", N_ ("Object name") },
  [IMPACT_FIELD_CLIENT] = { "client", N_ ("Client") },
  [IMPACT_FIELD_CONTRACT_VALUE] = { "contract-value", N_ ("Contract value excl. VAT") },
  [IMPACT_FIELD_CONTRACT_START] = { "contract-start", N_ ("Contract start") },
  [IMPACT_FIELD_CONTRACT_END] = { "contract-end", N_ ("Contract end") },
  [IMPACT_FIELD_TURNOVER] = { "turnover", N_ ("Turnover") },
  [IMPACT_FIELD_FTE] = { "fte", N_ ("FTE") },
  [IMPACT_FIELD_DIRECT_SHARE] = { "direct-share", N_ ("Direct social share") },
  /* xgettext:no-c-format */
  [IMPACT_FIELD_SROI_PERCENT] = { "sroi-percent", N_ ("SROI obligation (% of contract value)") },
  [IMPACT_FIELD_SROI_FIXED] = { "sroi-fixed", N_ ("SROI obligation (fixed amount)") },
  [IMPACT_FIELD_SROI_CAP] = { "sroi-cap", N_ ("SROI obligation cap") },
  [IMPACT_FIELD_SROI_RULE_SET] = { "sroi-rule-set", N_ ("SROI rule set") },
};

static const char *const target_codes[] = { "purchases", "suppliers", "organisation" };

const char *
impact_import_target_to_code (ImpactImportTarget target)
{
  g_return_val_if_fail (target < G_N_ELEMENTS (target_codes), NULL);

  return target_codes[target];
}

gboolean
impact_import_target_from_code (const char *code,
                                ImpactImportTarget *target)
{
  for (guint i = 0; i < G_N_ELEMENTS (target_codes); i++)
    {
      if (g_strcmp0 (code, target_codes[i]) == 0)
        {
          *target = i;
          return TRUE;
        }
    }

  return FALSE;
}

/* How registers name the statuses of DOMAIN.md, in Dutch and English, folded like headers. */
static const struct
{
  const char *text;
  ImpactSocialClass kind;
} status_names[] = {
  { "pso 30", IMPACT_SOCIAL_CLASS_PSO_30PLUS },
  { "pso 30plus", IMPACT_SOCIAL_CLASS_PSO_30PLUS },
  { "30", IMPACT_SOCIAL_CLASS_PSO_30PLUS },
  { "30plus", IMPACT_SOCIAL_CLASS_PSO_30PLUS },
  { "pso trede 3", IMPACT_SOCIAL_CLASS_PSO_3 },
  { "trede 3", IMPACT_SOCIAL_CLASS_PSO_3 },
  { "pso 3", IMPACT_SOCIAL_CLASS_PSO_3 },
  { "pso level 3", IMPACT_SOCIAL_CLASS_PSO_3 },
  { "pso trede 2", IMPACT_SOCIAL_CLASS_PSO_2 },
  { "trede 2", IMPACT_SOCIAL_CLASS_PSO_2 },
  { "pso 2", IMPACT_SOCIAL_CLASS_PSO_2 },
  { "pso level 2", IMPACT_SOCIAL_CLASS_PSO_2 },
  { "pso trede 1", IMPACT_SOCIAL_CLASS_PSO_1 },
  { "trede 1", IMPACT_SOCIAL_CLASS_PSO_1 },
  { "pso 1", IMPACT_SOCIAL_CLASS_PSO_1 },
  { "pso level 1", IMPACT_SOCIAL_CLASS_PSO_1 },
  { "pso basistrede", IMPACT_SOCIAL_CLASS_PSO_BASE },
  { "basistrede", IMPACT_SOCIAL_CLASS_PSO_BASE },
  { "pso base", IMPACT_SOCIAL_CLASS_PSO_BASE },
  { "pso base level", IMPACT_SOCIAL_CLASS_PSO_BASE },
  { "pso aspirant", IMPACT_SOCIAL_CLASS_PSO_ASPIRANT },
  { "aspirant", IMPACT_SOCIAL_CLASS_PSO_ASPIRANT },
  { "pso aspirant status", IMPACT_SOCIAL_CLASS_PSO_ASPIRANT },
  { "aspirant status", IMPACT_SOCIAL_CLASS_PSO_ASPIRANT },
  { "sw", IMPACT_SOCIAL_CLASS_SW },
  { "sw bedrijf", IMPACT_SOCIAL_CLASS_SW },
  { "sociale werkvoorziening", IMPACT_SOCIAL_CLASS_SW },
  { "sheltered employment", IMPACT_SOCIAL_CLASS_SW },
  { "sociale onderneming", IMPACT_SOCIAL_CLASS_SOCIAL_ENTERPRISE },
  { "social enterprise", IMPACT_SOCIAL_CLASS_SOCIAL_ENTERPRISE },
  { "eigen sociaal bedrijf", IMPACT_SOCIAL_CLASS_OWN_SOCIAL },
  { "own social company", IMPACT_SOCIAL_CLASS_OWN_SOCIAL },
  { "own social", IMPACT_SOCIAL_CLASS_OWN_SOCIAL },
};

static char *fold_header (const char *header);

/* Reads a status as a register writes it ("PSO trede 2", "SW-bedrijf", "pso-30plus"). */
gboolean
impact_parse_status_kind (const char *text,
                          ImpactSocialClass *kind)
{
  g_autofree char *folded = NULL;

  if (text == NULL)
    return FALSE;
  if (impact_social_class_from_code (text, kind) && *kind != IMPACT_SOCIAL_CLASS_NONE)
    return TRUE;

  folded = fold_header (text);
  for (guint i = 0; i < G_N_ELEMENTS (status_names); i++)
    {
      if (g_str_equal (folded, status_names[i].text))
        {
          *kind = status_names[i].kind;
          return TRUE;
        }
    }

  return FALSE;
}

const char *
impact_field_to_code (ImpactField field)
{
  g_return_val_if_fail (field < IMPACT_N_FIELDS, NULL);

  return fields[field].code;
}

gboolean
impact_field_from_code (const char *code,
                        ImpactField *field)
{
  g_return_val_if_fail (code != NULL, FALSE);

  for (guint i = 0; i < IMPACT_N_FIELDS; i++)
    {
      if (g_str_equal (code, fields[i].code))
        {
          if (field != NULL)
            *field = i;
          return TRUE;
        }
    }

  return FALSE;
}

const char *
impact_field_to_string (ImpactField field)
{
  g_return_val_if_fail (field < IMPACT_N_FIELDS, NULL);

  return g_dgettext (GETTEXT_PACKAGE, fields[field].name);
}

/* "Bedrag excl. BTW (EUR)" -> "bedrag excl btw eur": lower case, punctuation to spaces. */
static char *
fold_header (const char *header)
{
  g_autofree char *ascii = g_str_to_ascii (header, "C");
  GString *out = g_string_new (NULL);
  gboolean space = FALSE;

  for (const char *p = ascii; *p != '\0'; p++)
    {
      if (g_ascii_isalnum (*p))
        {
          if (space && out->len > 0)
            g_string_append_c (out, ' ');
          g_string_append_c (out, g_ascii_tolower (*p));
          space = FALSE;
        }
      else if (*p != '.')
        space = TRUE;
    }

  return g_string_free (out, FALSE);
}

/* Whether a field belongs to what is imported: the supplier's identity to both. */
gboolean
impact_field_is_for_target (ImpactField field,
                            ImpactImportTarget target)
{
  switch (field)
    {
    case IMPACT_FIELD_IGNORE:
      return TRUE;

    case IMPACT_FIELD_SUPPLIER_NAME:
    case IMPACT_FIELD_SUPPLIER_KVK:
    case IMPACT_FIELD_SUPPLIER_VAT_ID:
    case IMPACT_FIELD_SUPPLIER_ERP_ID:
      return target != IMPACT_IMPORT_ORGANISATION;

    case IMPACT_FIELD_DIVISION:
    case IMPACT_FIELD_OBJECT:
      return target != IMPACT_IMPORT_SUPPLIERS;

    case IMPACT_FIELD_DIVISION_NAME:
    case IMPACT_FIELD_OBJECT_NAME:
    case IMPACT_FIELD_CLIENT:
    case IMPACT_FIELD_CONTRACT_VALUE:
    case IMPACT_FIELD_CONTRACT_START:
    case IMPACT_FIELD_CONTRACT_END:
    case IMPACT_FIELD_SROI_PERCENT:
    case IMPACT_FIELD_SROI_FIXED:
    case IMPACT_FIELD_SROI_CAP:
    case IMPACT_FIELD_SROI_RULE_SET:
      return target == IMPACT_IMPORT_ORGANISATION;

    case IMPACT_FIELD_TURNOVER:
    case IMPACT_FIELD_FTE:
    case IMPACT_FIELD_DIRECT_SHARE:
    case IMPACT_FIELD_STATUS_KIND:
    case IMPACT_FIELD_VALID_FROM:
    case IMPACT_FIELD_VALID_UNTIL:
    case IMPACT_FIELD_CERTIFYING_BODY:
    case IMPACT_FIELD_EVIDENCE:
    case IMPACT_FIELD_NOTE:
      return target == IMPACT_IMPORT_SUPPLIERS;

    case IMPACT_FIELD_INVOICE_DATE:
    case IMPACT_FIELD_POSTING_DATE:
    case IMPACT_FIELD_INVOICE_NUMBER:
    case IMPACT_FIELD_AMOUNT:
    case IMPACT_FIELD_VAT:
    case IMPACT_FIELD_AMOUNT_INCL:
    case IMPACT_FIELD_CREDIT:
    case IMPACT_FIELD_DEBIT_CREDIT:
    case IMPACT_FIELD_CURRENCY:
    case IMPACT_FIELD_COST_CENTRE:
    case IMPACT_FIELD_GL_ACCOUNT:
    case IMPACT_FIELD_CATEGORY:
    case IMPACT_FIELD_DESCRIPTION:
    default:
      return target == IMPACT_IMPORT_PURCHASES;
    }
}

/* A mapping of the columns of @header with every column ignored; impact_mapping_guess()
 * fills it in. */
ImpactMapping *
impact_mapping_new_for_header (const ImpactRow *header,
                               ImpactImportTarget target)
{
  ImpactMapping *mapping = g_new0 (ImpactMapping, 1);
  const ImpactColumnMatch none = { IMPACT_MATCH_NONE, FALSE, FALSE, -1, IMPACT_FIELD_IGNORE };
  const ImpactField ignore = IMPACT_FIELD_IGNORE;

  mapping->target = target;
  mapping->headers = g_ptr_array_new_with_free_func (g_free);
  mapping->fields = g_array_new (FALSE, TRUE, sizeof (ImpactField));
  mapping->matches = g_array_new (FALSE, TRUE, sizeof (ImpactColumnMatch));

  for (guint i = 0; i < header->cells->len; i++)
    {
      const ImpactCell *cell = impact_row_get_cell (header, i);

      g_ptr_array_add (mapping->headers, g_strdup (cell->text != NULL ? cell->text : ""));
      g_array_append_val (mapping->fields, ignore);
      g_array_append_val (mapping->matches, none);
    }

  return mapping;
}

/* Sets the field of a column, and why. */
void
impact_mapping_set_field (ImpactMapping *mapping,
                          guint column,
                          ImpactField field,
                          ImpactMatchReason reason)
{
  ImpactColumnMatch *match;

  g_return_if_fail (mapping != NULL && column < mapping->fields->len);

  g_array_index (mapping->fields, ImpactField, column) = field;
  match = &g_array_index (mapping->matches, ImpactColumnMatch, column);
  *match = (ImpactColumnMatch){ field == IMPACT_FIELD_IGNORE ? IMPACT_MATCH_NONE : reason, FALSE, FALSE, -1,
                                IMPACT_FIELD_IGNORE };
}

const ImpactColumnMatch *
impact_mapping_get_match (const ImpactMapping *mapping,
                          guint column)
{
  g_return_val_if_fail (mapping != NULL && column < mapping->matches->len, NULL);

  return &g_array_index (mapping->matches, ImpactColumnMatch, column);
}

void
impact_mapping_free (ImpactMapping *mapping)
{
  if (mapping == NULL)
    return;

  g_ptr_array_unref (mapping->headers);
  g_array_unref (mapping->fields);
  g_array_unref (mapping->matches);
  g_free (mapping->division_code);
  g_free (mapping);
}

/* The column of a field, or -1. */
int
impact_mapping_find (const ImpactMapping *mapping,
                     ImpactField field)
{
  g_return_val_if_fail (mapping != NULL, -1);

  for (guint i = 0; i < mapping->fields->len; i++)
    if (g_array_index (mapping->fields, ImpactField, i) == field)
      return (int) i;

  return -1;
}

/* Purchase lines need a date, a supplier, an amount and a division; a certificate register
 * needs the supplier and the status. */
gboolean
impact_mapping_check (const ImpactMapping *mapping,
                      GError **error)
{
  GString *missing = g_string_new (NULL);

#define HAS(f) (impact_mapping_find (mapping, (f)) >= 0)
  if (mapping->target == IMPACT_IMPORT_ORGANISATION)
    {
      if (!HAS (IMPACT_FIELD_DIVISION))
        g_string_append_printf (missing, "\n• %s", _ ("the division code (Divisie)"));
    }
  else if (!HAS (IMPACT_FIELD_SUPPLIER_NAME) && !HAS (IMPACT_FIELD_SUPPLIER_KVK)
           && !HAS (IMPACT_FIELD_SUPPLIER_VAT_ID) && !HAS (IMPACT_FIELD_SUPPLIER_ERP_ID))
    g_string_append_printf (missing, "\n• %s", _ ("the supplier (Leverancier, KvK-nummer or Supplier)"));
  if (mapping->target == IMPACT_IMPORT_ORGANISATION)
    ;
  else if (mapping->target == IMPACT_IMPORT_SUPPLIERS)
    {
      if (!HAS (IMPACT_FIELD_STATUS_KIND))
        g_string_append_printf (missing, "\n• %s", _ ("the certificate or status (Keurmerk, Trede or Status)"));
    }
  else
    {
      if (!HAS (IMPACT_FIELD_INVOICE_DATE) && !HAS (IMPACT_FIELD_POSTING_DATE))
        g_string_append_printf (missing, "\n• %s", _ ("a date (Factuurdatum, Invoice date or Boekdatum)"));
      if (!HAS (IMPACT_FIELD_AMOUNT) && !HAS (IMPACT_FIELD_AMOUNT_INCL))
        g_string_append_printf (missing, "\n• %s", _ ("an amount (Bedrag excl. btw or Amount)"));
      if (!HAS (IMPACT_FIELD_DIVISION) && mapping->division_code == NULL)
        g_string_append_printf (missing, "\n• %s", _ ("the division (a Divisie column, or one division for all rows)"));
    }
#undef HAS

  if (missing->len > 0)
    {
      g_set_error (error, IMPACT_IMPORT_ERROR, IMPACT_IMPORT_ERROR_MAPPING,
                   mapping->target == IMPACT_IMPORT_ORGANISATION
                       ? _ ("The columns do not say everything a division or object needs. Missing:%s")
                   : mapping->target == IMPACT_IMPORT_SUPPLIERS
                       ? _ ("The columns do not say everything a certificate needs. Missing:%s")
                       : _ ("The columns do not say everything a purchase line needs. Missing:%s"),
                   missing->str);
      g_string_free (missing, TRUE);
      return FALSE;
    }

  g_string_free (missing, TRUE);
  return TRUE;
}

static const char *const decimal_codes[] = { "auto", "comma", "point" };
static const char *const order_codes[] = { "auto", "dmy", "mdy" };

/* The mapping as JSON: kept with each import batch, remembered per layout of columns, and
 * exported for use with other files:
 *
 *   {"format": "impact-dashboard-mapping", "version": 1, "target": "purchases",
 *    "columns": {"Factuurdatum": "invoice-date", "Bedrag": "amount"},
 *    "division": "SCHOON", "decimal": "comma", "date-order": "dmy"}
 *
 * Columns not named are ignored. */
char *
impact_mapping_to_json (const ImpactMapping *mapping,
                        gboolean pretty)
{
  g_autoptr (JsonBuilder) builder = json_builder_new ();
  g_autoptr (JsonNode) root = NULL;

  g_return_val_if_fail (mapping != NULL, NULL);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "format");
  json_builder_add_string_value (builder, "impact-dashboard-mapping");
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, 1);
  json_builder_set_member_name (builder, "target");
  json_builder_add_string_value (builder, impact_import_target_to_code (mapping->target));
  json_builder_set_member_name (builder, "columns");
  json_builder_begin_object (builder);
  for (guint i = 0; i < mapping->fields->len; i++)
    {
      ImpactField field = g_array_index (mapping->fields, ImpactField, i);

      if (field == IMPACT_FIELD_IGNORE)
        continue;
      json_builder_set_member_name (builder, g_ptr_array_index (mapping->headers, i));
      json_builder_add_string_value (builder, impact_field_to_code (field));
    }
  json_builder_end_object (builder);
  if (mapping->division_code != NULL)
    {
      json_builder_set_member_name (builder, "division");
      json_builder_add_string_value (builder, mapping->division_code);
    }
  json_builder_set_member_name (builder, "decimal");
  json_builder_add_string_value (builder, decimal_codes[mapping->decimal]);
  json_builder_set_member_name (builder, "date-order");
  json_builder_add_string_value (builder, order_codes[mapping->date_order]);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  return json_to_string (root, pretty);
}

static int
code_index (const char *code,
            const char *const *codes,
            guint n_codes)
{
  for (guint i = 0; code != NULL && i < n_codes; i++)
    if (g_str_equal (code, codes[i]))
      return (int) i;

  return -1;
}

/* Applies a mapping saved as JSON to the columns of this file, by column name. */
gboolean
impact_mapping_apply_json (ImpactMapping *mapping,
                           const char *json,
                           GError **error)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GError) local_error = NULL;
  JsonObject *root, *columns;
  const char *target, *decimal, *order, *division;
  ImpactImportTarget profile_target = IMPACT_IMPORT_PURCHASES;
  g_autoptr (GArray) chosen = g_array_new (FALSE, TRUE, sizeof (ImpactField));
  g_autoptr (GHashTable) by_name = NULL;
  g_autoptr (GList) members = NULL;

  g_return_val_if_fail (mapping != NULL && json != NULL, FALSE);

  if (!json_parser_load_from_data (parser, json, -1, &local_error)
      || !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    {
      g_set_error (error, IMPACT_IMPORT_ERROR, IMPACT_IMPORT_ERROR_MAPPING,
                   _ ("The column mapping is not valid JSON%s%s."), local_error != NULL ? ": " : "",
                   local_error != NULL ? local_error->message : "");
      return FALSE;
    }
  root = json_node_get_object (json_parser_get_root (parser));
  if (g_strcmp0 (json_object_get_string_member_with_default (root, "format", NULL), "impact-dashboard-mapping") != 0
      || json_object_get_int_member_with_default (root, "version", 0) != 1
      || !json_object_has_member (root, "columns") || !JSON_NODE_HOLDS_OBJECT (json_object_get_member (root, "columns")))
    {
      g_set_error_literal (error, IMPACT_IMPORT_ERROR, IMPACT_IMPORT_ERROR_MAPPING,
                           _ ("This is not a column mapping saved by Impact Dashboard (format "
                              "“impact-dashboard-mapping”, version 1)."));
      return FALSE;
    }

  target = json_object_get_string_member_with_default (root, "target", "purchases");
  if (!impact_import_target_from_code (target, &profile_target) || profile_target != mapping->target)
    {
      g_set_error (error, IMPACT_IMPORT_ERROR, IMPACT_IMPORT_ERROR_MAPPING,
                   _ ("This column mapping is for “%s” files, not for what is being imported now."), target);
      return FALSE;
    }

  /* Column names compare as the signature does: whatever their case and punctuation. */
  columns = json_object_get_object_member (root, "columns");
  by_name = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  members = json_object_get_members (columns);
  for (GList *l = members; l != NULL; l = l->next)
    {
      JsonNode *value = json_object_get_member (columns, l->data);

      const char *code = JSON_NODE_HOLDS_VALUE (value) && json_node_get_value_type (value) == G_TYPE_STRING
                             ? json_node_get_string (value)
                             : NULL;

      /* Every field is checked, also of columns this file does not have. */
      if (code == NULL || !impact_field_from_code (code, NULL))
        {
          g_set_error (error, IMPACT_IMPORT_ERROR, IMPACT_IMPORT_ERROR_MAPPING,
                       _ ("The column mapping gives column “%s” the unknown field “%s”."), (const char *) l->data,
                       code != NULL ? code : "");
          return FALSE;
        }
      g_hash_table_insert (by_name, fold_header (l->data), (gpointer) code);
    }
  for (guint i = 0; i < mapping->headers->len; i++)
    {
      const char *header = g_ptr_array_index (mapping->headers, i);
      g_autofree char *folded = fold_header (header);
      const char *code = g_hash_table_lookup (by_name, folded);
      ImpactField field = IMPACT_FIELD_IGNORE;

      if (code != NULL)
        impact_field_from_code (code, &field);
      g_array_append_val (chosen, field);
    }

  decimal = json_object_get_string_member_with_default (root, "decimal", "auto");
  order = json_object_get_string_member_with_default (root, "date-order", "auto");
  if (code_index (decimal, decimal_codes, G_N_ELEMENTS (decimal_codes)) < 0
      || code_index (order, order_codes, G_N_ELEMENTS (order_codes)) < 0)
    {
      g_set_error_literal (error, IMPACT_IMPORT_ERROR, IMPACT_IMPORT_ERROR_MAPPING,
                           _ ("The column mapping has an unknown decimal separator or date order."));
      return FALSE;
    }

  /* All checked: now change the mapping. */
  for (guint i = 0; i < chosen->len; i++)
    impact_mapping_set_field (mapping, i, g_array_index (chosen, ImpactField, i), IMPACT_MATCH_SAVED);
  mapping->decimal = code_index (decimal, decimal_codes, G_N_ELEMENTS (decimal_codes));
  mapping->date_order = code_index (order, order_codes, G_N_ELEMENTS (order_codes));
  division = json_object_get_string_member_with_default (root, "division", NULL);
  if (division != NULL && mapping->division_code == NULL)
    mapping->division_code = g_strdup (division);

  return TRUE;
}

/* The layout of the columns, for remembering a mapping: the same names in the same order,
 * whatever their case and punctuation, for the same target. */
char *
impact_mapping_get_signature (const ImpactMapping *mapping)
{
  GString *signature = g_string_new (impact_import_target_to_code (mapping->target));

  for (guint i = 0; i < mapping->headers->len; i++)
    {
      g_autofree char *folded = fold_header (g_ptr_array_index (mapping->headers, i));

      g_string_append_c (signature, '\x1f');
      g_string_append (signature, folded);
    }

  return g_string_free (signature, FALSE);
}
