/* impact-column-report.c: why each column has its field, and whether the import may trust it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "impact-column-report"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "impact-column-report.h"

/* Whether what is imported cannot do without the field: a wrong guess there makes every
 * figure wrong. */
gboolean
impact_mapping_field_is_required (const ImpactMapping *mapping,
                                  ImpactField field)
{
  g_return_val_if_fail (mapping != NULL, FALSE);

  switch (field)
    {
    case IMPACT_FIELD_SUPPLIER_NAME:
    case IMPACT_FIELD_SUPPLIER_KVK:
    case IMPACT_FIELD_SUPPLIER_VAT_ID:
    case IMPACT_FIELD_SUPPLIER_ERP_ID:
      return mapping->target != IMPACT_IMPORT_ORGANISATION;
    case IMPACT_FIELD_DIVISION:
      return mapping->target != IMPACT_IMPORT_SUPPLIERS;
    case IMPACT_FIELD_OBJECT:
      return mapping->target == IMPACT_IMPORT_ORGANISATION;
    case IMPACT_FIELD_STATUS_KIND:
      return mapping->target == IMPACT_IMPORT_SUPPLIERS;
    case IMPACT_FIELD_INVOICE_DATE:
    case IMPACT_FIELD_POSTING_DATE:
    case IMPACT_FIELD_AMOUNT:
    case IMPACT_FIELD_AMOUNT_INCL:
      return mapping->target == IMPACT_IMPORT_PURCHASES;
    default:
      return FALSE;
    }
}

/* Why a column has its field, for the dialog and the command line: "by its name and
 * values", "by its values; “Datum” fits as well (uncertain)". */
char *
impact_mapping_describe_column (const ImpactMapping *mapping,
                                guint column)
{
  const ImpactColumnMatch *match;
  GString *text = g_string_new (NULL);

  g_return_val_if_fail (mapping != NULL && column < mapping->matches->len, NULL);

  match = impact_mapping_get_match (mapping, column);
  switch (match->reason)
    {
    case IMPACT_MATCH_NONE:
      if (match->suggested == IMPACT_FIELD_IGNORE)
        g_string_append (text, _ ("nothing fits"));
      else if (match->values_disagree)
        /* Translators: an ignored column; %s is the field its name suggests. */
        g_string_append_printf (text, _ ("its name suggests “%s”, but its values do not look like it"),
                                impact_field_to_string (match->suggested));
      else if (impact_field_is_for_target (match->suggested, mapping->target))
        /* Translators: an ignored column; %s is the field its name suggests. */
        g_string_append_printf (text, _ ("its name suggests “%s”, which another column gives"),
                                impact_field_to_string (match->suggested));
      else
        /* Translators: an ignored column; %s is the field its name suggests. */
        g_string_append_printf (text, _ ("its name suggests “%s”, which this import does not take"),
                                impact_field_to_string (match->suggested));
      break;
    case IMPACT_MATCH_NAME:
      g_string_append (text, match->values_disagree ? _ ("by its name, but its values do not look like it")
                                                    : _ ("by its name and values"));
      break;
    case IMPACT_MATCH_VALUES:
      g_string_append (text, _ ("by its values only"));
      break;
    case IMPACT_MATCH_CODE:
      g_string_append (text, _ ("of the two columns for one unit, the one with codes"));
      break;
    case IMPACT_MATCH_NAME_OF_CODE:
      g_string_append (text, _ ("of the two columns for one unit, the one with names"));
      break;
    case IMPACT_MATCH_SAVED:
      g_string_append (text, _ ("as the saved column mapping says"));
      break;
    case IMPACT_MATCH_USER:
    default:
      g_string_append (text, _ ("as chosen"));
      break;
    }

  if (match->rival >= 0 && (guint) match->rival < mapping->headers->len)
    /* Translators: added to why a column has its field; %s is another column's name. */
    g_string_append_printf (text, _ ("; “%s” fits as well"), (const char *) g_ptr_array_index (mapping->headers, match->rival));
  if (match->uncertain)
    g_string_append (text, _ (" (uncertain)"));

  return g_string_free (text, FALSE);
}

/* Fails when a column the import needs was guessed and the guess is not certain, naming the
 * columns and what else they could be. */
gboolean
impact_mapping_check_certain (const ImpactMapping *mapping,
                              GError **error)
{
  g_autoptr (GString) lines = g_string_new (NULL);

  g_return_val_if_fail (mapping != NULL, FALSE);

  for (guint c = 0; c < mapping->fields->len; c++)
    {
      ImpactField field = g_array_index (mapping->fields, ImpactField, c);
      const ImpactColumnMatch *match = impact_mapping_get_match (mapping, c);
      g_autofree char *why = NULL;

      if (!match->uncertain || !impact_mapping_field_is_required (mapping, field))
        continue;
      why = impact_mapping_describe_column (mapping, c);
      /* Translators: one uncertain column: its name, the field it was taken for and why. */
      g_string_append_printf (lines, _ ("\n• “%s” as %s: %s"), (const char *) g_ptr_array_index (mapping->headers, c),
                              impact_field_to_string (field), why);
    }

  if (lines->len == 0)
    return TRUE;

  g_set_error (error, IMPACT_IMPORT_ERROR, IMPACT_IMPORT_ERROR_UNCERTAIN,
               _ ("Not sure which column holds what the import needs:%s\nConfirm the columns in the import "
                  "dialog, or name them in a column mapping (--mapping FILE; --save-mapping FILE writes "
                  "this guess to start from)."),
               lines->str);
  return FALSE;
}
