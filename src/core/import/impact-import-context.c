/* impact-import-context.c: one import under way, and what every kind of row needs from it
 *
 * A rejected row with its row and column; the cells of a row read as amounts and dates in
 * the file's style; the supplier of a row found by KvK number, VAT id, ERP number or a name
 * only one company has, or created; the group, created when the store has none.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "impact-importer"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "impact-import-context.h"

/* A rejected row: counted, and kept with its row, column and why for the first
 * IMPACT_IMPORT_MAX_PROBLEMS; takes @message. */
void
_impact_import_reject (Import *im,
                       guint row,
                       int column,
                       char *message)
{
  im->summary->rows_rejected++;
  if (im->summary->problems->len < IMPACT_IMPORT_MAX_PROBLEMS)
    {
      ImpactImportProblem *problem = g_new0 (ImpactImportProblem, 1);

      problem->row = row;
      problem->column = column >= 0 ? g_strdup (g_ptr_array_index (im->mapping->headers, column)) : NULL;
      problem->message = message;
      g_ptr_array_add (im->summary->problems, problem);
    }
  else
    g_free (message);
}

/* FNV-1a, 64 bits: the key of a line for finding duplicates. With a million lines the
 * chance that two different lines share a key is about 1 in 30 million. */
guint64
_impact_import_line_key (gint64 supplier_id,
                         const char *invoice_number,
                         gint64 amount_cents)
{
  guint64 hash = G_GUINT64_CONSTANT (14695981039346656037);
  const guchar *bytes;

#define MIX(ptr, len)               \
  bytes = (const guchar *) (ptr);   \
  for (gsize i = 0; i < (len); i++) \
    hash = (hash ^ bytes[i]) * G_GUINT64_CONSTANT (1099511628211);
  MIX (&supplier_id, sizeof supplier_id);
  MIX (invoice_number, strlen (invoice_number) + 1);
  MIX (&amount_cents, sizeof amount_cents);
#undef MIX

  return hash;
}

gboolean
_impact_import_parse_amount_cell (const ImpactCell *cell,
                                  ImpactDecimalSeparator decimal,
                                  gint64 *cents)
{
  if (cell->type == IMPACT_CELL_NUMBER)
    {
      if (!isfinite (cell->number) || fabs (cell->number) > 1e12)
        return FALSE;
      *cents = llround (cell->number * 100);
      return TRUE;
    }
  if (cell->type == IMPACT_CELL_TEXT)
    return impact_parse_amount (cell->text, decimal, cents);

  return FALSE;
}

gboolean
_impact_import_parse_date_cell (const ImpactCell *cell,
                                ImpactDateOrder order,
                                guint32 *day)
{
  if (cell->type == IMPACT_CELL_DATE)
    {
      *day = cell->day;
      return *day != 0;
    }
  if (cell->type == IMPACT_CELL_TEXT)
    return impact_parse_date (cell->text, order, day);

  return FALSE;
}

/* Removes spaces and dots, as in "1234 5678" or "NL.123..."; NULL for an empty value. */
static char *
compact_id (const char *text,
            gboolean upper)
{
  GString *out;

  if (text == NULL)
    return NULL;

  out = g_string_new (NULL);
  for (const char *p = text; *p != '\0'; p++)
    if (!g_ascii_isspace (*p) && *p != '.' && *p != '-')
      g_string_append_c (out, upper ? g_ascii_toupper (*p) : *p);

  if (out->len == 0)
    {
      g_string_free (out, TRUE);
      return NULL;
    }

  return g_string_free (out, FALSE);
}

static gint64
resolve_supplier_slow (Import *im,
                       const ImpactRow *row,
                       GError **error)
{
  const char *name = _impact_import_field_text (im, row, IMPACT_FIELD_SUPPLIER_NAME);
  g_autofree char *kvk = compact_id (_impact_import_field_text (im, row, IMPACT_FIELD_SUPPLIER_KVK), FALSE);
  g_autofree char *vat = compact_id (_impact_import_field_text (im, row, IMPACT_FIELD_SUPPLIER_VAT_ID), TRUE);
  const char *erp = _impact_import_field_text (im, row, IMPACT_FIELD_SUPPLIER_ERP_ID);
  g_autofree char *norm = name != NULL ? impact_supplier_normalize_name (name) : NULL;
  g_autofree char *key = NULL;
  const ImpactSupplier *found;
  g_autoptr (ImpactSupplier) created = NULL;
  gboolean has_number;
  gpointer cached;

  /* A KvK number of 7 digits lost its leading zero in a spreadsheet. */
  if (kvk != NULL && strlen (kvk) == 7 && strspn (kvk, "0123456789") == 7)
    {
      char *padded = g_strdup_printf ("%08d", atoi (kvk));

      g_free (kvk);
      kvk = padded;
    }
  if (kvk != NULL && !impact_kvk_is_valid (kvk))
    {
      _impact_import_reject (im, row->number, im->column[IMPACT_FIELD_SUPPLIER_KVK],
                             g_strdup_printf (_ ("“%s” is not a KvK number (8 digits)."),
                                              _impact_import_field_text (im, row, IMPACT_FIELD_SUPPLIER_KVK)));
      return 0;
    }
  if (vat != NULL && !(strlen (vat) >= 4 && g_ascii_isalpha (vat[0]) && g_ascii_isalpha (vat[1])))
    {
      _impact_import_reject (im, row->number, im->column[IMPACT_FIELD_SUPPLIER_VAT_ID],
                             g_strdup_printf (_ ("“%s” is not a VAT id (such as NL123456789B01)."),
                                              _impact_import_field_text (im, row, IMPACT_FIELD_SUPPLIER_VAT_ID)));
      return 0;
    }
  has_number = kvk != NULL || vat != NULL || erp != NULL;
  if (!has_number && (norm == NULL || *norm == '\0'))
    {
      _impact_import_reject (im, row->number, im->column[IMPACT_FIELD_SUPPLIER_NAME],
                             g_strdup (_ ("The row names no supplier.")));
      return 0;
    }

  key = g_strjoin ("\x1f", kvk ? kvk : "", vat ? vat : "", erp ? erp : "", norm ? norm : "", NULL);
  if (g_hash_table_lookup_extended (im->suppliers, key, NULL, &cached))
    return (gint64) GPOINTER_TO_SIZE (cached);

  /* A name alone cannot tell two companies of that name apart. */
  if (!has_number)
    {
      gint64 n_named = impact_supplier_directory_count_named (im->directory, name, error);

      if (n_named < 0)
        return -1;
      if (n_named > 1)
        {
          _impact_import_reject (im, row->number, im->column[IMPACT_FIELD_SUPPLIER_NAME],
                                 g_strdup_printf (_ ("Several companies with different numbers are called “%s”; the row "
                                                     "gives no KvK number, VAT id or supplier number to tell which."),
                                                  name));
          return 0;
        }
    }

  found = impact_supplier_directory_find (im->directory, kvk, vat, erp, name, error);
  if (found == NULL && error != NULL && *error != NULL)
    return -1;
  if (found != NULL)
    {
      g_autofree char *found_norm = impact_supplier_normalize_name (found->name);
      gint64 found_id = found->id;
      gboolean by_number = (kvk != NULL && g_strcmp0 (kvk, found->kvk) == 0)
                           || (vat != NULL && g_strcmp0 (vat, found->vat_id) == 0)
                           || (erp != NULL && g_strcmp0 (erp, found->erp_id) == 0);

      /* Found by name: the numbers the row gives become the supplier's, so that another
       * number under the same name is another company. */
      if (!by_number && has_number && !impact_supplier_directory_add_numbers (im->directory, found_id, kvk, vat, erp, error))
        return -1;
      /* Said in the summary: the supplier is who it is because of its name alone, where
       * numbers could have told (the supplier has one, or the file has a column for them). */
      if (!has_number
          && (found->kvk != NULL || found->vat_id != NULL || found->erp_id != NULL
              || im->column[IMPACT_FIELD_SUPPLIER_KVK] >= 0 || im->column[IMPACT_FIELD_SUPPLIER_VAT_ID] >= 0
              || im->column[IMPACT_FIELD_SUPPLIER_ERP_ID] >= 0))
        g_ptr_array_add (im->summary->name_matches, g_strdup (found->name));

      /* Found by number under another name: remember the name for files without numbers. */
      if (by_number && norm != NULL && *norm != '\0' && !g_str_equal (norm, found_norm)
          && !impact_supplier_directory_add_alias (im->directory, found_id, name, error))
        return -1;
      g_hash_table_insert (im->suppliers, g_steal_pointer (&key), GSIZE_TO_POINTER (found_id));
      return found_id;
    }

  if (name == NULL || *norm == '\0')
    {
      _impact_import_reject (im, row->number, im->column[IMPACT_FIELD_SUPPLIER_NAME],
                             g_strdup (_ ("The supplier is not known yet and the row gives no name for it.")));
      return 0;
    }

  created = impact_supplier_new (name);
  created->kvk = g_steal_pointer (&kvk);
  created->vat_id = g_steal_pointer (&vat);
  created->erp_id = g_strdup (erp);
  created->id = impact_supplier_directory_add (im->directory, created, error);
  if (created->id == 0)
    return -1;
  if (im->insert != NULL)
    impact_bulk_insert_add_supplier_id (im->insert, created->id);
  g_ptr_array_add (im->summary->new_suppliers, g_strdup (name));
  g_hash_table_insert (im->suppliers, g_steal_pointer (&key), GSIZE_TO_POINTER (created->id));

  /* Another company of a name that rows without a number were matched by: those rows must
   * be looked at again (and are now refused as not telling which). */
  if (created->kvk != NULL || created->vat_id != NULL || created->erp_id != NULL)
    {
      g_autofree char *by_name = g_strjoin ("\x1f", "", "", "", norm, NULL);

      if (g_hash_table_remove (im->suppliers, by_name))
        g_hash_table_remove_all (im->raw_suppliers);
    }

  return created->id;
}

/* Exports repeat the same supplier on many rows: the supplier is looked up by the row's
 * texts as they are, and only a new combination is checked, normalised and matched. */
gint64
_impact_import_resolve_supplier (Import *im,
                                 const ImpactRow *row,
                                 GError **error)
{
  static const ImpactField fields[] = {
    IMPACT_FIELD_SUPPLIER_NAME,
    IMPACT_FIELD_SUPPLIER_KVK,
    IMPACT_FIELD_SUPPLIER_VAT_ID,
    IMPACT_FIELD_SUPPLIER_ERP_ID,
  };
  gpointer cached;
  gint64 id;

  g_string_truncate (im->raw_key, 0);
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      const char *text = _impact_import_field_text (im, row, fields[i]);

      if (text != NULL)
        g_string_append (im->raw_key, text);
      g_string_append_c (im->raw_key, '\x1f');
    }
  if (g_hash_table_lookup_extended (im->raw_suppliers, im->raw_key->str, NULL, &cached))
    return (gint64) GPOINTER_TO_SIZE (cached);

  id = resolve_supplier_slow (im, row, error);
  if (id > 0)
    g_hash_table_insert (im->raw_suppliers, g_strdup (im->raw_key->str), GSIZE_TO_POINTER (id));

  return id;
}

gint64
_impact_import_ensure_group (Import *im,
                             GError **error)
{
  g_autoptr (ImpactNode) group = NULL;

  if (im->group_id != 0)
    return im->group_id;

  group = impact_node_new (IMPACT_NODE_GROUP, "GROUP", IMPACT_DEFAULT_GROUP_NAME);
  im->group_id = impact_store_add_node (im->store, group, error);

  return im->group_id;
}

gboolean
_impact_import_optional_date (Import *im,
                              const ImpactRow *row,
                              ImpactField field,
                              guint32 *day)
{
  const ImpactCell *cell = _impact_import_field_cell (im, row, field);

  *day = 0;
  if (cell->type == IMPACT_CELL_EMPTY)
    return TRUE;
  if (_impact_import_parse_date_cell (cell, im->mapping->date_order, day))
    return TRUE;

  _impact_import_reject (im, row->number, im->column[field], g_strdup_printf (_ ("“%s” is not a date."), cell->text));
  return FALSE;
}
