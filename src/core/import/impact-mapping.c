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
  /* Column names as Dutch and English ERP exports write them, folded by fold_header(). */
  const char *const synonyms[16];
} fields[IMPACT_N_FIELDS] = {
  [IMPACT_FIELD_IGNORE] = { "ignore", N_ ("Ignore"), { NULL } },
  [IMPACT_FIELD_INVOICE_DATE] = { "invoice-date", N_ ("Invoice date"), { "factuurdatum", "invoice date", "datum", "date", "documentdatum", "document date", "factuur datum", "inv date", NULL } },
  [IMPACT_FIELD_POSTING_DATE] = { "posting-date", N_ ("Posting date"), { "boekdatum", "boekingsdatum", "posting date", "booking date", "journaaldatum", NULL } },
  [IMPACT_FIELD_INVOICE_NUMBER] = { "invoice-number", N_ ("Invoice number"), { "factuurnummer", "factuurnr", "factuur nr", "factuur", "invoice number", "invoice no", "invoice nr", "invoice", "documentnummer", "document number", "boekstuknummer", NULL } },
  [IMPACT_FIELD_SUPPLIER_NAME] = { "supplier-name", N_ ("Supplier"), { "leverancier", "leveranciersnaam", "naam leverancier", "supplier", "supplier name", "crediteur", "crediteurnaam", "naam crediteur", "vendor", "vendor name", "relatie", "relatienaam", NULL } },
  [IMPACT_FIELD_SUPPLIER_KVK] = { "supplier-kvk", N_ ("KvK number"), { "kvk", "kvk nummer", "kvknummer", "kvk nr", "kvk nr leverancier", "coc", "coc number", "chamber of commerce", "chamber of commerce number", "kamer van koophandel", NULL } },
  [IMPACT_FIELD_SUPPLIER_VAT_ID] = { "supplier-vat-id", N_ ("VAT id"), { "btw nummer", "btwnummer", "btw nr", "btw id", "btw identificatienummer", "vat id", "vat number", "vat no", "vat nr", "omzetbelastingnummer", NULL } },
  [IMPACT_FIELD_SUPPLIER_ERP_ID] = { "supplier-erp-id", N_ ("Supplier number (ERP)"), { "crediteurnummer", "crediteur nr", "crediteurnr", "leveranciersnummer", "leverancier nr", "leveranciernummer", "supplier id", "supplier number", "supplier no", "vendor id", "vendor number", "vendor no", "relatienummer", NULL } },
  [IMPACT_FIELD_AMOUNT] = { "amount", N_ ("Amount excl. VAT"), { "bedrag excl btw", "bedrag exclusief btw", "bedrag ex btw", "excl btw", "netto bedrag", "nettobedrag", "bedrag", "amount excl vat", "amount ex vat", "net amount", "amount", "spend", "inkoopwaarde", NULL } },
  [IMPACT_FIELD_VAT] = { "vat", N_ ("VAT amount"), { "btw", "btw bedrag", "btwbedrag", "vat", "vat amount", "tax", "tax amount", NULL } },
  [IMPACT_FIELD_AMOUNT_INCL] = { "amount-incl", N_ ("Amount incl. VAT"), { "bedrag incl btw", "bedrag inclusief btw", "incl btw", "bruto bedrag", "brutobedrag", "amount incl vat", "gross amount", "totaal incl btw", NULL } },
  [IMPACT_FIELD_CREDIT] = { "credit", N_ ("Credit amount"), { "credit", "creditbedrag", "credit bedrag", "credit amount", NULL } },
  [IMPACT_FIELD_DEBIT_CREDIT] = { "debit-credit", N_ ("Debit/credit indicator"), { "debet credit", "d c", "dc", "debit credit", "debet credit indicator", "db cr", NULL } },
  [IMPACT_FIELD_CURRENCY] = { "currency", N_ ("Currency"), { "valuta", "currency", "munt", "valutacode", "currency code", NULL } },
  [IMPACT_FIELD_DIVISION] = { "division", N_ ("Division"), { "divisie", "division", "bedrijf", "bedrijfscode", "company", "company code", "werkmaatschappij", "administratie", "entiteit", "entity", NULL } },
  [IMPACT_FIELD_COST_CENTRE] = { "cost-centre", N_ ("Cost centre"), { "kostenplaats", "kostenplaatscode", "kostenplaats code", "cost centre", "cost center", "cost centre code", "cost center code", NULL } },
  [IMPACT_FIELD_OBJECT] = { "object", N_ ("Object (contract)"), { "object", "objectcode", "object code", "project", "projectcode", "project code", "projectnummer", "contract", "contractcode", "contract code", "opdracht", "opdrachtnummer", NULL } },
  [IMPACT_FIELD_GL_ACCOUNT] = { "gl-account", N_ ("GL account"), { "grootboekrekening", "grootboek", "grootboekrekeningnummer", "gl account", "gl", "general ledger", "general ledger account", "rekening", "account", NULL } },
  [IMPACT_FIELD_CATEGORY] = { "category", N_ ("Category"), { "categorie", "category", "inkoopcategorie", "kostensoort", "productgroep", "spend category", "purchase category", NULL } },
  [IMPACT_FIELD_DESCRIPTION] = { "description", N_ ("Description"), { "omschrijving", "description", "toelichting", "memo", "tekst", "text", "regelomschrijving", NULL } },
};

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

/* The field a column name stands for, or IGNORE. A currency mark after the name
 * ("Bedrag (EUR)") does not matter. */
ImpactField
impact_field_for_header (const char *header)
{
  g_autofree char *folded = NULL;

  if (header == NULL)
    return IMPACT_FIELD_IGNORE;

  folded = fold_header (header);
  if (g_str_has_suffix (folded, " eur"))
    folded[strlen (folded) - 4] = '\0';

  for (guint i = 1; i < IMPACT_N_FIELDS; i++)
    for (guint s = 0; fields[i].synonyms[s] != NULL; s++)
      if (g_str_equal (folded, fields[i].synonyms[s]))
        return i;

  return IMPACT_FIELD_IGNORE;
}

/* How many cells of a row are known column names: the header row scores highest. */
guint
impact_header_score (const ImpactRow *row)
{
  guint score = 0;

  for (guint i = 0; i < row->cells->len; i++)
    {
      const ImpactCell *cell = impact_row_get_cell (row, i);

      if (cell->type == IMPACT_CELL_TEXT && impact_field_for_header (cell->text) != IMPACT_FIELD_IGNORE)
        score++;
    }

  return score;
}

/* Suggests a field for each column; a field goes to the first column that names it. */
ImpactMapping *
impact_mapping_new_for_header (const ImpactRow *header)
{
  ImpactMapping *mapping = g_new0 (ImpactMapping, 1);
  gboolean taken[IMPACT_N_FIELDS] = { FALSE };

  mapping->headers = g_ptr_array_new_with_free_func (g_free);
  mapping->fields = g_array_new (FALSE, TRUE, sizeof (ImpactField));

  for (guint i = 0; i < header->cells->len; i++)
    {
      const ImpactCell *cell = impact_row_get_cell (header, i);
      ImpactField field = cell->type == IMPACT_CELL_TEXT ? impact_field_for_header (cell->text)
                                                         : IMPACT_FIELD_IGNORE;

      if (taken[field])
        field = IMPACT_FIELD_IGNORE;
      taken[field] = field != IMPACT_FIELD_IGNORE;
      g_ptr_array_add (mapping->headers, g_strdup (cell->text != NULL ? cell->text : ""));
      g_array_append_val (mapping->fields, field);
    }

  return mapping;
}

void
impact_mapping_free (ImpactMapping *mapping)
{
  if (mapping == NULL)
    return;

  g_ptr_array_unref (mapping->headers);
  g_array_unref (mapping->fields);
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

/* Purchase lines need a date, a supplier, an amount and a division. */
gboolean
impact_mapping_check (const ImpactMapping *mapping,
                      GError **error)
{
  GString *missing = g_string_new (NULL);

#define HAS(f) (impact_mapping_find (mapping, (f)) >= 0)
  if (!HAS (IMPACT_FIELD_INVOICE_DATE) && !HAS (IMPACT_FIELD_POSTING_DATE))
    g_string_append_printf (missing, "\n• %s", _ ("a date (Factuurdatum, Invoice date or Boekdatum)"));
  if (!HAS (IMPACT_FIELD_SUPPLIER_NAME) && !HAS (IMPACT_FIELD_SUPPLIER_KVK)
      && !HAS (IMPACT_FIELD_SUPPLIER_VAT_ID) && !HAS (IMPACT_FIELD_SUPPLIER_ERP_ID))
    g_string_append_printf (missing, "\n• %s", _ ("the supplier (Leverancier, KvK-nummer or Supplier)"));
  if (!HAS (IMPACT_FIELD_AMOUNT) && !HAS (IMPACT_FIELD_AMOUNT_INCL))
    g_string_append_printf (missing, "\n• %s", _ ("an amount (Bedrag excl. btw or Amount)"));
  if (!HAS (IMPACT_FIELD_DIVISION) && mapping->division_code == NULL)
    g_string_append_printf (missing, "\n• %s", _ ("the division (a Divisie column, or one division for all rows)"));
#undef HAS

  if (missing->len > 0)
    {
      g_set_error (error, IMPACT_IMPORT_ERROR, IMPACT_IMPORT_ERROR_MAPPING,
                   _ ("The columns do not say everything a purchase line needs. Missing:%s"),
                   missing->str);
      g_string_free (missing, TRUE);
      return FALSE;
    }

  g_string_free (missing, TRUE);
  return TRUE;
}

/* The mapping as it is kept with an import batch. */
char *
impact_mapping_to_json (const ImpactMapping *mapping)
{
  g_autoptr (JsonBuilder) builder = json_builder_new ();
  g_autoptr (JsonNode) root = NULL;
  static const char *const decimals[] = { "auto", "comma", "point" };
  static const char *const orders[] = { "auto", "dmy", "mdy" };

  json_builder_begin_object (builder);
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
  json_builder_add_string_value (builder, decimals[mapping->decimal]);
  json_builder_set_member_name (builder, "date-order");
  json_builder_add_string_value (builder, orders[mapping->date_order]);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  return json_to_string (root, FALSE);
}
