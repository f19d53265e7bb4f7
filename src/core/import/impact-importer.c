/* impact-importer.c: purchase lines from an export into the store, checked row by row
 *
 * The whole import is one transaction: the store holds all accepted rows of the file or,
 * after an error, a cancellation or a dry run, none of them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "impact-importer"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "impact-exchange.h"
#include "impact-importer.h"

/* The header is looked for in the first rows; exports put a title or a date above it. */
#define HEADER_SEARCH_ROWS 20
/* Rows read ahead to tell decimal commas from points and day-month from month-day. */
#define SAMPLE_ROWS 1000
#define CANCEL_CHECK_INTERVAL 1024

typedef struct
{
  ImpactStore *store;
  const ImpactImportOptions *options;
  ImpactImportSummary *summary;
  ImpactMapping *mapping;
  int column[IMPACT_N_FIELDS];
  GHashTable *suppliers;
  GHashTable *raw_suppliers;
  GString *raw_key;
  GHashTable *divisions;
  GHashTable *objects;
  gint64 group_id;
  GArray *existing_keys;
  GHashTable *file_keys;
  ImpactBulkInsert *insert;
  gint64 batch_id;
} Import;

static void
problem_free (ImpactImportProblem *problem)
{
  g_free (problem->column);
  g_free (problem->message);
  g_free (problem);
}

void
impact_import_summary_free (ImpactImportSummary *summary)
{
  if (summary == NULL)
    return;

  g_free (summary->file_name);
  g_free (summary->format);
  g_clear_pointer (&summary->mapping, impact_mapping_free);
  g_ptr_array_unref (summary->problems);
  g_ptr_array_unref (summary->warnings);
  g_ptr_array_unref (summary->new_suppliers);
  g_ptr_array_unref (summary->new_divisions);
  g_ptr_array_unref (summary->new_objects);
  g_ptr_array_unref (summary->preview);
  g_strfreev (summary->sheets);
  g_free (summary);
}

ImpactImportSummary *
impact_import_summary_new (const char *path)
{
  ImpactImportSummary *summary = g_new0 (ImpactImportSummary, 1);

  summary->file_name = g_filename_display_basename (path);
  summary->problems = g_ptr_array_new_with_free_func ((GDestroyNotify) problem_free);
  summary->warnings = g_ptr_array_new_with_free_func (g_free);
  summary->new_suppliers = g_ptr_array_new_with_free_func (g_free);
  summary->new_divisions = g_ptr_array_new_with_free_func (g_free);
  summary->new_objects = g_ptr_array_new_with_free_func (g_free);
  summary->preview = g_ptr_array_new_with_free_func ((GDestroyNotify) impact_row_free);

  return summary;
}

static void
reject (Import *im,
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

static const ImpactCell *
field_cell (Import *im,
            const ImpactRow *row,
            ImpactField field)
{
  static const ImpactCell empty = { IMPACT_CELL_EMPTY, NULL, 0, 0 };

  if (im->column[field] < 0)
    return &empty;

  return impact_row_get_cell (row, im->column[field]);
}

static const char *
field_text (Import *im,
            const ImpactRow *row,
            ImpactField field)
{
  const ImpactCell *cell = field_cell (im, row, field);

  return cell->type == IMPACT_CELL_EMPTY || cell->type == IMPACT_CELL_ERROR ? NULL : cell->text;
}

/* FNV-1a, 64 bits: the key of a line for finding duplicates. With a million lines the
 * chance that two different lines share a key is about 1 in 30 million. */
static guint64
line_key (gint64 supplier_id,
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

static int
compare_keys (gconstpointer a,
              gconstpointer b)
{
  guint64 x = *(const guint64 *) a, y = *(const guint64 *) b;

  return x < y ? -1 : x > y;
}

static gboolean
load_caches (Import *im,
             GError **error)
{
  ImpactDb *db = impact_store_get_db (im->store);
  g_autoptr (sqlite3_stmt) nodes = NULL;
  g_autoptr (sqlite3_stmt) lines = NULL;
  int rc;

  nodes = impact_db_prepare (db, "SELECT id, level, code, name FROM nodes", error);
  if (nodes == NULL)
    return FALSE;
  while ((rc = sqlite3_step (nodes)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (nodes, 0);
      int level = sqlite3_column_int (nodes, 1);
      const char *code = (const char *) sqlite3_column_text (nodes, 2);
      const char *name = (const char *) sqlite3_column_text (nodes, 3);

      if (level == IMPACT_NODE_GROUP)
        im->group_id = id;
      else if (level == IMPACT_NODE_DIVISION)
        {
          g_hash_table_insert (im->divisions, g_strdup (code), GSIZE_TO_POINTER (id));
          g_hash_table_insert (im->divisions, g_utf8_casefold (name, -1), GSIZE_TO_POINTER (id));
        }
      else
        g_hash_table_insert (im->objects, g_strdup (code), GSIZE_TO_POINTER (id));
    }
  if (rc != SQLITE_DONE)
    {
      impact_db_set_error (db, rc, error);
      return FALSE;
    }

  lines = impact_db_prepare (db,
                             "SELECT supplier_id, invoice_number, amount_cents FROM purchase_lines"
                             " WHERE invoice_number IS NOT NULL",
                             error);
  if (lines == NULL)
    return FALSE;
  while ((rc = sqlite3_step (lines)) == SQLITE_ROW)
    {
      guint64 key = line_key (sqlite3_column_int64 (lines, 0),
                              (const char *) sqlite3_column_text (lines, 1),
                              sqlite3_column_int64 (lines, 2));

      g_array_append_val (im->existing_keys, key);
    }
  if (rc != SQLITE_DONE)
    {
      impact_db_set_error (db, rc, error);
      return FALSE;
    }
  g_array_sort (im->existing_keys, compare_keys);

  return TRUE;
}

static gboolean
parse_amount_cell (const ImpactCell *cell,
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

static gboolean
parse_date_cell (const ImpactCell *cell,
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

/* Decides, from the first rows, how the file writes decimals and dates, unless the options
 * say so; says so in a warning where it had to guess. */
static void
detect_formats (Import *im,
                GPtrArray *sample)
{
  static const ImpactField amount_fields[] = {
    IMPACT_FIELD_AMOUNT,
    IMPACT_FIELD_VAT,
    IMPACT_FIELD_AMOUNT_INCL,
    IMPACT_FIELD_CREDIT,
    IMPACT_FIELD_CONTRACT_VALUE,
  };
  static const ImpactField date_fields[] = {
    IMPACT_FIELD_INVOICE_DATE,
    IMPACT_FIELD_POSTING_DATE,
    IMPACT_FIELD_VALID_FROM,
    IMPACT_FIELD_VALID_UNTIL,
    IMPACT_FIELD_CONTRACT_START,
    IMPACT_FIELD_CONTRACT_END,
  };
  guint comma = 0, point = 0, unclear_amounts = 0, dmy = 0, mdy = 0, unclear_dates = 0;

  for (guint r = 0; r < sample->len; r++)
    {
      const ImpactRow *row = g_ptr_array_index (sample, r);

      for (guint f = 0; f < G_N_ELEMENTS (amount_fields); f++)
        {
          const char *text = field_text (im, row, amount_fields[f]);

          if (text == NULL || field_cell (im, row, amount_fields[f])->type != IMPACT_CELL_TEXT)
            continue;
          switch (impact_guess_decimal_separator (text))
            {
            case IMPACT_DECIMAL_COMMA:
              comma++;
              break;
            case IMPACT_DECIMAL_POINT:
              point++;
              break;
            case IMPACT_DECIMAL_AUTO:
            default:
              unclear_amounts += strchr (text, '.') != NULL || strchr (text, ',') != NULL;
              break;
            }
        }
      for (guint f = 0; f < G_N_ELEMENTS (date_fields); f++)
        {
          const char *text = field_text (im, row, date_fields[f]);
          ImpactDateOrder order;
          guint32 day;

          if (text == NULL || field_cell (im, row, date_fields[f])->type != IMPACT_CELL_TEXT)
            continue;
          /* Ambiguous: not year first (ISO, yyyymmdd) and both numbers 12 or less. */
          order = impact_guess_date_order (text);
          dmy += order == IMPACT_DATE_ORDER_DMY;
          mdy += order == IMPACT_DATE_ORDER_MDY;
          unclear_dates += order == IMPACT_DATE_ORDER_AUTO
                           && impact_parse_date (text, IMPACT_DATE_ORDER_DMY, &day)
                           && strspn (text, "0123456789") < 4;
        }
    }

  /* The user's choice, then a saved mapping's, then what the values show. */
  if (im->options->decimal != IMPACT_DECIMAL_AUTO)
    im->mapping->decimal = im->options->decimal;
  else if (im->mapping->decimal != IMPACT_DECIMAL_AUTO)
    ;
  else if (point > comma)
    im->mapping->decimal = IMPACT_DECIMAL_POINT;
  else
    {
      im->mapping->decimal = IMPACT_DECIMAL_COMMA;
      if (comma == 0 && unclear_amounts > 0)
        g_ptr_array_add (im->summary->warnings,
                         g_strdup (_ ("The amounts do not show whether a point separates thousands "
                                      "or decimals (as in 1.234); they were read as thousands, with a "
                                      "decimal comma. Choose a decimal point if that is wrong.")));
    }

  if (im->options->date_order != IMPACT_DATE_ORDER_AUTO)
    im->mapping->date_order = im->options->date_order;
  else if (im->mapping->date_order != IMPACT_DATE_ORDER_AUTO)
    ;
  else if (mdy > dmy)
    im->mapping->date_order = IMPACT_DATE_ORDER_MDY;
  else
    {
      im->mapping->date_order = IMPACT_DATE_ORDER_DMY;
      if (dmy == 0 && unclear_dates > 0)
        g_ptr_array_add (im->summary->warnings,
                         g_strdup (_ ("The dates do not show which number is the day (as in "
                                      "03-04-2025); they were read as day-month-year. Choose "
                                      "month-day-year if that is wrong.")));
    }
  if (dmy > 0 && mdy > 0)
    g_ptr_array_add (im->summary->warnings,
                     g_strdup (_ ("Some dates are written day-month-year and others month-day-year; "
                                  "they were all read the way most are written.")));
}

/* A totals row at the end of an export: its first text says so and it has no date. */
static gboolean
is_total_row (Import *im,
              const ImpactRow *row)
{
  static const char *const words[] = {
    "totaal",
    "total",
    "subtotaal",
    "subtotal",
    "eindtotaal",
    "grand total",
    "som",
    "sum",
  };

  guint32 day;

  if (parse_date_cell (field_cell (im, row, IMPACT_FIELD_INVOICE_DATE), im->mapping->date_order, &day)
      || parse_date_cell (field_cell (im, row, IMPACT_FIELD_POSTING_DATE), im->mapping->date_order, &day))
    return FALSE;

  for (guint i = 0; i < row->cells->len; i++)
    {
      const ImpactCell *cell = impact_row_get_cell (row, i);
      g_autofree char *folded = NULL;

      if (cell->type != IMPACT_CELL_TEXT)
        continue;
      folded = g_utf8_casefold (cell->text, -1);
      for (guint w = 0; w < G_N_ELEMENTS (words); w++)
        if (g_str_has_prefix (folded, words[w])
            && !g_ascii_isalpha (folded[strlen (words[w])]))
          return TRUE;
      return FALSE;
    }

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
  const char *name = field_text (im, row, IMPACT_FIELD_SUPPLIER_NAME);
  g_autofree char *kvk = compact_id (field_text (im, row, IMPACT_FIELD_SUPPLIER_KVK), FALSE);
  g_autofree char *vat = compact_id (field_text (im, row, IMPACT_FIELD_SUPPLIER_VAT_ID), TRUE);
  const char *erp = field_text (im, row, IMPACT_FIELD_SUPPLIER_ERP_ID);
  g_autofree char *norm = name != NULL ? impact_supplier_normalize_name (name) : NULL;
  g_autofree char *key = NULL;
  g_autoptr (ImpactSupplier) found = NULL;
  g_autoptr (ImpactSupplier) created = NULL;
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
      reject (im, row->number, im->column[IMPACT_FIELD_SUPPLIER_KVK],
              g_strdup_printf (_ ("“%s” is not a KvK number (8 digits)."),
                               field_text (im, row, IMPACT_FIELD_SUPPLIER_KVK)));
      return 0;
    }
  if (vat != NULL && !(strlen (vat) >= 4 && g_ascii_isalpha (vat[0]) && g_ascii_isalpha (vat[1])))
    {
      reject (im, row->number, im->column[IMPACT_FIELD_SUPPLIER_VAT_ID],
              g_strdup_printf (_ ("“%s” is not a VAT id (such as NL123456789B01)."),
                               field_text (im, row, IMPACT_FIELD_SUPPLIER_VAT_ID)));
      return 0;
    }
  if (kvk == NULL && vat == NULL && erp == NULL && (norm == NULL || *norm == '\0'))
    {
      reject (im, row->number, im->column[IMPACT_FIELD_SUPPLIER_NAME],
              g_strdup (_ ("The row names no supplier.")));
      return 0;
    }

  key = g_strjoin ("\x1f", kvk ? kvk : "", vat ? vat : "", erp ? erp : "", norm ? norm : "", NULL);
  if (g_hash_table_lookup_extended (im->suppliers, key, NULL, &cached))
    return (gint64) GPOINTER_TO_SIZE (cached);

  found = impact_store_find_supplier (im->store, kvk, vat, erp, name, error);
  if (found == NULL && error != NULL && *error != NULL)
    return -1;

  if (found != NULL)
    {
      g_autofree char *found_norm = impact_supplier_normalize_name (found->name);

      /* Found by number under another name: remember the name for files without numbers. */
      if (norm != NULL && *norm != '\0' && !g_str_equal (norm, found_norm)
          && !impact_store_add_supplier_alias (im->store, found->id, name, error))
        return -1;
      g_hash_table_insert (im->suppliers, g_steal_pointer (&key), GSIZE_TO_POINTER (found->id));
      return found->id;
    }

  if (name == NULL || *norm == '\0')
    {
      reject (im, row->number, im->column[IMPACT_FIELD_SUPPLIER_NAME],
              g_strdup (_ ("The supplier is not known yet and the row gives no name for it.")));
      return 0;
    }

  created = impact_supplier_new (name);
  created->kvk = g_steal_pointer (&kvk);
  created->vat_id = g_steal_pointer (&vat);
  created->erp_id = g_strdup (erp);
  created->id = impact_store_add_supplier (im->store, created, error);
  if (created->id == 0)
    return -1;
  g_ptr_array_add (im->summary->new_suppliers, g_strdup (name));
  g_hash_table_insert (im->suppliers, g_steal_pointer (&key), GSIZE_TO_POINTER (created->id));

  return created->id;
}

/* Exports repeat the same supplier on many rows: the supplier is looked up by the row's
 * texts as they are, and only a new combination is checked, normalised and matched. */
static gint64
resolve_supplier (Import *im,
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
      const char *text = field_text (im, row, fields[i]);

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

static gint64
ensure_group (Import *im,
              GError **error)
{
  g_autoptr (ImpactNode) group = NULL;

  if (im->group_id != 0)
    return im->group_id;

  group = impact_node_new (IMPACT_NODE_GROUP, "GROUP", _ ("Group"));
  im->group_id = impact_store_add_node (im->store, group, error);

  return im->group_id;
}

/* Finds the division by code, then by name; a new one is created with the value as both. */
static gint64
resolve_division (Import *im,
                  const char *value,
                  GError **error)
{
  g_autofree char *folded = NULL;
  g_autoptr (ImpactNode) division = NULL;
  gpointer id;

  /* By code as written (the common case, without an allocation), then by name. */
  if (g_hash_table_lookup_extended (im->divisions, value, NULL, &id))
    return (gint64) GPOINTER_TO_SIZE (id);
  folded = g_utf8_casefold (value, -1);
  if (g_hash_table_lookup_extended (im->divisions, folded, NULL, &id))
    return (gint64) GPOINTER_TO_SIZE (id);

  if (ensure_group (im, error) == 0)
    return -1;
  division = impact_node_new (IMPACT_NODE_DIVISION, value, value);
  division->parent_id = im->group_id;
  division->id = impact_store_add_node (im->store, division, error);
  if (division->id == 0)
    return -1;

  g_ptr_array_add (im->summary->new_divisions, g_strdup (value));
  g_hash_table_insert (im->divisions, g_strdup (value), GSIZE_TO_POINTER (division->id));
  g_hash_table_insert (im->divisions, g_steal_pointer (&folded), GSIZE_TO_POINTER (division->id));

  return division->id;
}

static gint64
resolve_object (Import *im,
                const char *code,
                gint64 division_id,
                GError **error)
{
  g_autoptr (ImpactNode) object = NULL;
  gpointer id;

  if (g_hash_table_lookup_extended (im->objects, code, NULL, &id))
    return (gint64) GPOINTER_TO_SIZE (id);

  object = impact_node_new (IMPACT_NODE_OBJECT, code, code);
  object->parent_id = division_id;
  object->id = impact_store_add_node (im->store, object, error);
  if (object->id == 0)
    return -1;

  g_ptr_array_add (im->summary->new_objects, g_strdup (code));
  g_hash_table_insert (im->objects, g_strdup (code), GSIZE_TO_POINTER (object->id));

  return object->id;
}

static gboolean
row_amount (Import *im,
            const ImpactRow *row,
            gint64 *cents)
{
  static const ImpactField parts[] = { IMPACT_FIELD_AMOUNT, IMPACT_FIELD_AMOUNT_INCL, IMPACT_FIELD_VAT,
                                       IMPACT_FIELD_CREDIT };
  gint64 value[G_N_ELEMENTS (parts)] = { 0 };
  gboolean present[G_N_ELEMENTS (parts)] = { FALSE };
  const char *indicator;

  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    {
      const ImpactCell *cell = field_cell (im, row, parts[i]);

      if (cell->type == IMPACT_CELL_EMPTY)
        continue;
      if (!parse_amount_cell (cell, im->mapping->decimal, &value[i]))
        {
          reject (im, row->number, im->column[parts[i]],
                  cell->type == IMPACT_CELL_ERROR
                      ? g_strdup (cell->text)
                      : g_strdup_printf (_ ("“%s” is not an amount."), cell->text));
          return FALSE;
        }
      present[i] = TRUE;
    }

  if (present[0])
    *cents = value[0];
  else if (present[1])
    *cents = value[1] - value[2];
  else if (present[3])
    *cents = 0;
  else
    {
      int column = im->column[IMPACT_FIELD_AMOUNT] >= 0 ? im->column[IMPACT_FIELD_AMOUNT]
                                                        : im->column[IMPACT_FIELD_AMOUNT_INCL];

      reject (im, row->number, column, g_strdup (_ ("The row has no amount.")));
      return FALSE;
    }

  /* A separate credit column, or a C in a debit/credit column, makes it a credit note. */
  if (present[3])
    *cents -= llabs (value[3]);
  indicator = field_text (im, row, IMPACT_FIELD_DEBIT_CREDIT);
  if (indicator != NULL && (indicator[0] == 'C' || indicator[0] == 'c') && *cents > 0)
    *cents = -*cents;

  return TRUE;
}

static gboolean
process_row (Import *im,
             const ImpactRow *row,
             GError **error)
{
  ImpactPurchaseLine line = { 0 };
  const ImpactCell *date_cell;
  ImpactField date_field;
  const char *division, *object, *currency;

  if (impact_row_is_empty (row))
    return TRUE;
  if (is_total_row (im, row))
    {
      im->summary->rows_skipped++;
      return TRUE;
    }
  im->summary->rows_read++;

  for (guint f = 1; f < IMPACT_N_FIELDS; f++)
    {
      const ImpactCell *cell = field_cell (im, row, f);

      if (cell->type == IMPACT_CELL_ERROR)
        {
          reject (im, row->number, im->column[f], g_strdup (cell->text));
          return TRUE;
        }
    }

  /* The invoice date, or the posting date where the invoice date is missing. */
  date_field = im->column[IMPACT_FIELD_INVOICE_DATE] >= 0
                       && (field_text (im, row, IMPACT_FIELD_INVOICE_DATE) != NULL || im->column[IMPACT_FIELD_POSTING_DATE] < 0)
                   ? IMPACT_FIELD_INVOICE_DATE
                   : IMPACT_FIELD_POSTING_DATE;
  date_cell = field_cell (im, row, date_field);
  if (date_cell->type == IMPACT_CELL_EMPTY)
    {
      reject (im, row->number, im->column[date_field], g_strdup (_ ("The row has no date.")));
      return TRUE;
    }
  if (!parse_date_cell (date_cell, im->mapping->date_order, &line.invoice_day))
    {
      reject (im, row->number, im->column[date_field],
              g_strdup_printf (_ ("“%s” is not a date."), date_cell->text));
      return TRUE;
    }

  currency = field_text (im, row, IMPACT_FIELD_CURRENCY);
  if (currency != NULL && g_ascii_strcasecmp (currency, "EUR") != 0 && !g_str_equal (currency, "€"))
    {
      reject (im, row->number, im->column[IMPACT_FIELD_CURRENCY],
              g_strdup_printf (_ ("The amount is in %s; only amounts in euros can be imported."), currency));
      return TRUE;
    }

  if (!row_amount (im, row, &line.amount_cents))
    return TRUE;

  line.supplier_id = resolve_supplier (im, row, error);
  if (line.supplier_id <= 0)
    return line.supplier_id == 0;

  division = field_text (im, row, IMPACT_FIELD_DIVISION);
  if (division == NULL)
    division = im->options->division_code;
  if (division == NULL)
    {
      reject (im, row->number, im->column[IMPACT_FIELD_DIVISION], g_strdup (_ ("The row has no division.")));
      return TRUE;
    }
  line.division_id = resolve_division (im, division, error);
  if (line.division_id < 0)
    return FALSE;

  object = field_text (im, row, IMPACT_FIELD_OBJECT);
  if (object != NULL)
    {
      line.object_id = resolve_object (im, object, line.division_id, error);
      if (line.object_id < 0)
        return FALSE;
    }

  line.invoice_number = field_text (im, row, IMPACT_FIELD_INVOICE_NUMBER);
  line.category = field_text (im, row, IMPACT_FIELD_CATEGORY);
  line.gl_account = field_text (im, row, IMPACT_FIELD_GL_ACCOUNT);
  line.description = field_text (im, row, IMPACT_FIELD_DESCRIPTION);

  /* The same supplier, invoice number and amount as a line already stored or earlier in the
   * file: the same invoice sent twice. */
  if (line.invoice_number != NULL && !im->options->include_duplicates)
    {
      guint64 key = line_key (line.supplier_id, line.invoice_number, line.amount_cents);
      guint index;

      if (g_array_binary_search (im->existing_keys, &key, compare_keys, &index)
          || g_hash_table_contains (im->file_keys, GSIZE_TO_POINTER (key)))
        {
          im->summary->rows_duplicate++;
          return TRUE;
        }
      g_hash_table_add (im->file_keys, GSIZE_TO_POINTER (key));
    }

  /* A dry run counts what would be written; the lines themselves need not be. */
  if (!im->options->dry_run && !impact_bulk_insert_add (im->insert, &line, error))
    return FALSE;
  im->summary->rows_accepted++;
  im->summary->total_cents += line.amount_cents;

  return TRUE;
}

static gboolean
optional_date (Import *im,
               const ImpactRow *row,
               ImpactField field,
               guint32 *day)
{
  const ImpactCell *cell = field_cell (im, row, field);

  *day = 0;
  if (cell->type == IMPACT_CELL_EMPTY)
    return TRUE;
  if (parse_date_cell (cell, im->mapping->date_order, day))
    return TRUE;

  reject (im, row->number, im->column[field], g_strdup_printf (_ ("“%s” is not a date."), cell->text));
  return FALSE;
}

/* A row of a certificate register: a supplier, a status and its validity. The same status
 * of the same supplier from the same day, stored or earlier in the file, is a duplicate. */
static gboolean
process_status_row (Import *im,
                    const ImpactRow *row,
                    GError **error)
{
  g_autoptr (ImpactStatus) status = NULL;
  g_autoptr (sqlite3_stmt) stmt = NULL;
  const char *kind_text;
  ImpactSocialClass kind;
  guint32 from, until;
  gint64 supplier_id;

  if (impact_row_is_empty (row))
    return TRUE;
  im->summary->rows_read++;

  for (guint f = 1; f < IMPACT_N_FIELDS; f++)
    {
      const ImpactCell *cell = field_cell (im, row, f);

      if (cell->type == IMPACT_CELL_ERROR)
        {
          reject (im, row->number, im->column[f], g_strdup (cell->text));
          return TRUE;
        }
    }

  kind_text = field_text (im, row, IMPACT_FIELD_STATUS_KIND);
  if (kind_text == NULL || !impact_parse_status_kind (kind_text, &kind) || kind == IMPACT_SOCIAL_CLASS_NONE)
    {
      reject (im, row->number, im->column[IMPACT_FIELD_STATUS_KIND],
              kind_text == NULL ? g_strdup (_ ("The row names no certificate or status."))
                                : g_strdup_printf (_ ("“%s” is not a certificate or status Impact Dashboard knows "
                                                      "(such as PSO trede 2, PSO 30+, SW-bedrijf or sociale onderneming)."),
                                                   kind_text));
      return TRUE;
    }
  if (!optional_date (im, row, IMPACT_FIELD_VALID_FROM, &from) || !optional_date (im, row, IMPACT_FIELD_VALID_UNTIL, &until))
    return TRUE;
  if (from != 0 && until != 0 && until < from)
    {
      reject (im, row->number, im->column[IMPACT_FIELD_VALID_UNTIL], g_strdup (_ ("The status ends before it starts.")));
      return TRUE;
    }

  supplier_id = resolve_supplier (im, row, error);
  if (supplier_id <= 0)
    return supplier_id == 0;

  stmt = impact_db_prepare (impact_store_get_db (im->store),
                            "SELECT 1 FROM supplier_statuses WHERE supplier_id = ? AND kind = ?"
                            " AND coalesce (valid_from, 0) = ?",
                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, supplier_id);
  sqlite3_bind_text (stmt, 2, impact_social_class_to_code (kind), -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, from);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      im->summary->rows_duplicate++;
      return TRUE;
    }

  status = impact_status_new (supplier_id, kind, from, until);
  status->batch_id = im->batch_id;
  status->certifying_body = g_strdup (field_text (im, row, IMPACT_FIELD_CERTIFYING_BODY));
  status->evidence = g_strdup (field_text (im, row, IMPACT_FIELD_EVIDENCE));
  status->note = g_strdup (field_text (im, row, IMPACT_FIELD_NOTE));
  if (impact_store_add_status (im->store, status, error) == 0)
    return FALSE;
  im->summary->rows_accepted++;

  return TRUE;
}

/* Fills in what a row says about a unit, leaving what it does not say as it was. */
static gboolean
org_contract (Import *im,
              const ImpactRow *row,
              ImpactNode *node)
{
  const ImpactCell *value = field_cell (im, row, IMPACT_FIELD_CONTRACT_VALUE);
  const char *client = field_text (im, row, IMPACT_FIELD_CLIENT);
  guint32 start, end;

  if (value->type != IMPACT_CELL_EMPTY)
    {
      gint64 cents;

      if (!parse_amount_cell (value, im->mapping->decimal, &cents) || cents < 0)
        {
          reject (im, row->number, im->column[IMPACT_FIELD_CONTRACT_VALUE],
                  g_strdup_printf (_ ("“%s” is not a contract value."), value->text != NULL ? value->text : ""));
          return FALSE;
        }
      node->contract_value_cents = cents;
    }
  if (!optional_date (im, row, IMPACT_FIELD_CONTRACT_START, &start) || !optional_date (im, row, IMPACT_FIELD_CONTRACT_END, &end))
    return FALSE;
  if (start != 0)
    node->contract_start = start;
  if (end != 0)
    node->contract_end = end;
  if (node->contract_start != 0 && node->contract_end != 0 && node->contract_end < node->contract_start)
    {
      reject (im, row->number, im->column[IMPACT_FIELD_CONTRACT_END], g_strdup (_ ("The contract ends before it starts.")));
      return FALSE;
    }
  if (client != NULL)
    {
      g_free (node->client);
      node->client = g_strdup (client);
    }

  return TRUE;
}

/* A row of an organisation file: a division and, when given, an object under it with its
 * client and contract. Missing units are created, existing ones updated. */
static gboolean
process_org_row (Import *im,
                 const ImpactRow *row,
                 GError **error)
{
  const char *division_code = field_text (im, row, IMPACT_FIELD_DIVISION);
  const char *division_name = field_text (im, row, IMPACT_FIELD_DIVISION_NAME);
  const char *object_code = field_text (im, row, IMPACT_FIELD_OBJECT);
  const char *object_name = field_text (im, row, IMPACT_FIELD_OBJECT_NAME);
  g_autoptr (ImpactNode) division = NULL;
  g_autoptr (ImpactNode) object = NULL;
  g_autoptr (GError) local_error = NULL;

  if (impact_row_is_empty (row))
    return TRUE;
  im->summary->rows_read++;

  if (division_code == NULL)
    {
      reject (im, row->number, im->column[IMPACT_FIELD_DIVISION], g_strdup (_ ("The row has no division.")));
      return TRUE;
    }

  division = impact_store_find_node (im->store, IMPACT_NODE_DIVISION, division_code, &local_error);
  if (division == NULL && !g_error_matches (local_error, IMPACT_STORE_ERROR, IMPACT_STORE_ERROR_NOT_FOUND))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  g_clear_error (&local_error);

  if (object_code != NULL)
    {
      object = impact_store_find_node (im->store, IMPACT_NODE_OBJECT, object_code, &local_error);
      if (object == NULL && !g_error_matches (local_error, IMPACT_STORE_ERROR, IMPACT_STORE_ERROR_NOT_FOUND))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      if (object == NULL)
        object = impact_node_new (IMPACT_NODE_OBJECT, object_code, object_name != NULL ? object_name : object_code);
      else if (object_name != NULL)
        {
          g_free (object->name);
          object->name = g_strdup (object_name);
        }
      if (!org_contract (im, row, object))
        return TRUE;
    }

  /* The row is valid: now write it. */
  if (division == NULL)
    {
      division = impact_node_new (IMPACT_NODE_DIVISION, division_code, division_name != NULL ? division_name : division_code);
      if ((division->parent_id = ensure_group (im, error)) == 0)
        return FALSE;
      division->batch_id = im->batch_id;
      if ((division->id = impact_store_add_node (im->store, division, error)) == 0)
        return FALSE;
      g_ptr_array_add (im->summary->new_divisions, g_strdup (division_code));
    }
  else if (division_name != NULL && g_strcmp0 (division->name, division_name) != 0)
    {
      g_free (division->name);
      division->name = g_strdup (division_name);
      if (!impact_store_update_node (im->store, division, error))
        return FALSE;
    }

  if (object != NULL)
    {
      object->parent_id = division->id;
      if (object->id == 0)
        {
          object->batch_id = im->batch_id;
          if ((object->id = impact_store_add_node (im->store, object, error)) == 0)
            return FALSE;
          g_ptr_array_add (im->summary->new_objects, g_strdup (object_code));
        }
      else if (!impact_store_update_node (im->store, object, error))
        return FALSE;
    }

  im->summary->rows_accepted++;
  return TRUE;
}

static gboolean
process_any_row (Import *im,
                 const ImpactRow *row,
                 GError **error)
{
  if (im->mapping->target == IMPACT_IMPORT_SUPPLIERS)
    return process_status_row (im, row, error);
  if (im->mapping->target == IMPACT_IMPORT_ORGANISATION)
    return process_org_row (im, row, error);

  return process_row (im, row, error);
}

/* The row among the first ones that names the most known columns. */
static int
find_header (GPtrArray *head)
{
  int best = -1;
  guint best_score = 1;

  for (guint i = 0; i < head->len; i++)
    {
      guint score = impact_header_score (g_ptr_array_index (head, i));

      if (score > best_score)
        best = i, best_score = score;
    }

  return best;
}

/* Reads the first rows, finds the header among them and suggests a mapping; head keeps the
 * rows after the header. */
static gboolean
read_header (ImpactStore *store,
             ImpactReader *reader,
             const ImpactImportOptions *options,
             ImpactImportSummary *summary,
             GPtrArray *head,
             GError **error)
{
  g_autoptr (ImpactRow) row = impact_row_new ();
  g_autoptr (GError) local_error = NULL;
  int header;

  if (options->sheet != NULL && !impact_reader_select_sheet (reader, options->sheet, error))
    return FALSE;

  while (head->len < HEADER_SEARCH_ROWS && impact_reader_read_row (reader, row, &local_error))
    {
      g_ptr_array_add (head, g_steal_pointer (&row));
      row = impact_row_new ();
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (head->len == 0)
    {
      g_set_error (error, IMPACT_IMPORT_ERROR, IMPACT_IMPORT_ERROR_EMPTY,
                   _ ("“%s” holds no rows: there is nothing to import."), summary->file_name);
      return FALSE;
    }

  header = find_header (head);
  if (header < 0)
    {
      g_set_error (error, IMPACT_IMPORT_ERROR, IMPACT_IMPORT_ERROR_NO_HEADER,
                   _ ("No row with column names was found in the first %u rows of “%s”. The file "
                      "needs a header such as Factuurdatum; Leverancier; Bedrag excl. btw."),
                   HEADER_SEARCH_ROWS, summary->file_name);
      return FALSE;
    }
  summary->header_row = ((ImpactRow *) g_ptr_array_index (head, header))->number;
  summary->format = impact_reader_describe (reader);
  summary->sheets = impact_reader_list_sheets (reader);
  summary->mapping = impact_mapping_new_for_header (g_ptr_array_index (head, header), options->target);
  summary->mapping->division_code = g_strdup (options->division_code);

  /* A mapping the user gives, or else the one remembered for these columns. */
  if (options->mapping_json != NULL)
    {
      if (!impact_mapping_apply_json (summary->mapping, options->mapping_json, error))
        return FALSE;
    }
  else if (store != NULL)
    {
      g_autofree char *signature = impact_mapping_get_signature (summary->mapping);
      g_autofree char *remembered = impact_store_get_mapping_profile (store, signature, NULL);

      summary->remembered_mapping = remembered != NULL && impact_mapping_apply_json (summary->mapping, remembered, NULL);
    }
  if (options->fields != NULL)
    {
      for (guint i = 0; i < summary->mapping->fields->len && i < options->n_fields; i++)
        g_array_index (summary->mapping->fields, ImpactField, i) = options->fields[i];
    }

  /* The header row goes first in the preview; head keeps the rows after it. */
  g_ptr_array_remove_range (head, 0, header);
  g_ptr_array_add (summary->preview, g_ptr_array_steal_index (head, 0));

  return TRUE;
}

/* Reads ahead until head holds n rows after the header, and copies the first of them into
 * the preview. */
static gboolean
read_sample (ImpactReader *reader,
             ImpactImportSummary *summary,
             GPtrArray *head,
             guint n,
             GError **error)
{
  g_autoptr (ImpactRow) row = impact_row_new ();
  g_autoptr (GError) local_error = NULL;

  while (head->len < n && impact_reader_read_row (reader, row, &local_error))
    {
      g_ptr_array_add (head, g_steal_pointer (&row));
      row = impact_row_new ();
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  for (guint i = 0; i < head->len && i < IMPACT_IMPORT_PREVIEW_ROWS; i++)
    {
      ImpactRow *copy = impact_row_new ();
      const ImpactRow *original = g_ptr_array_index (head, i);

      copy->number = original->number;
      for (guint c = 0; c < original->cells->len; c++)
        impact_row_append_cell (copy, impact_row_get_cell (original, c));
      g_ptr_array_add (summary->preview, copy);
    }

  return TRUE;
}

static void
import_clear (Import *im)
{
  g_clear_pointer (&im->insert, impact_bulk_insert_free);
  g_clear_pointer (&im->suppliers, g_hash_table_unref);
  g_clear_pointer (&im->raw_suppliers, g_hash_table_unref);
  if (im->raw_key != NULL)
    g_string_free (g_steal_pointer (&im->raw_key), TRUE);
  g_clear_pointer (&im->divisions, g_hash_table_unref);
  g_clear_pointer (&im->objects, g_hash_table_unref);
  g_clear_pointer (&im->existing_keys, g_array_unref);
  g_clear_pointer (&im->file_keys, g_hash_table_unref);
}

ImpactImportSummary *
impact_import_reader (ImpactStore *store,
                      ImpactReader *reader,
                      const char *content_hash,
                      const ImpactImportOptions *options,
                      GCancellable *cancellable,
                      GError **error)
{
  g_autoptr (ImpactImportSummary) summary = NULL;
  g_autoptr (GPtrArray) head = g_ptr_array_new_with_free_func ((GDestroyNotify) impact_row_free);
  g_autoptr (ImpactRow) row = impact_row_new ();
  g_autoptr (ImpactBatch) batch = NULL;
  g_autoptr (GError) local_error = NULL;
  g_autofree char *mapping_json = NULL;
  Import im = { 0 };
  guint n_done = 0;
  gboolean ok = TRUE;

  g_return_val_if_fail (IMPACT_IS_STORE (store), NULL);
  g_return_val_if_fail (IMPACT_IS_READER (reader), NULL);
  g_return_val_if_fail (options != NULL, NULL);

  summary = impact_import_summary_new (impact_reader_get_path (reader));
  if (!read_header (store, reader, options, summary, head, error) || !impact_mapping_check (summary->mapping, error)
      || !read_sample (reader, summary, head, SAMPLE_ROWS, error))
    return NULL;

  im.store = store;
  im.options = options;
  im.summary = summary;
  im.mapping = summary->mapping;
  for (guint f = 0; f < IMPACT_N_FIELDS; f++)
    im.column[f] = impact_mapping_find (im.mapping, f);
  detect_formats (&im, head);

  im.suppliers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  im.raw_suppliers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  im.raw_key = g_string_new (NULL);
  im.divisions = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  im.objects = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  im.existing_keys = g_array_new (FALSE, FALSE, sizeof (guint64));
  im.file_keys = g_hash_table_new (g_direct_hash, g_direct_equal);

  mapping_json = impact_mapping_to_json (im.mapping, FALSE);
  batch = impact_batch_new (summary->file_name, impact_import_target_to_code (options->target));
  batch->content_hash = g_strdup (content_hash);
  batch->mapping = g_strdup (mapping_json);

  if (!impact_store_begin_checked (store, error))
    {
      import_clear (&im);
      return NULL;
    }
  ok = load_caches (&im, error);
  if (ok && options->target != IMPACT_IMPORT_PURCHASES)
    ok = (im.batch_id = impact_store_add_batch (store, batch, error)) != 0;
  else if (ok)
    ok = (im.insert = impact_store_begin_batch (store, batch, error)) != NULL;

  for (guint i = 0; ok && i < head->len; i++, n_done++)
    ok = process_any_row (&im, g_ptr_array_index (head, i), error);
  while (ok && impact_reader_read_row (reader, row, &local_error))
    {
      /* Every few thousand rows: stop if cancelled, and say how far it is. */
      if (++n_done % CANCEL_CHECK_INTERVAL == 0)
        {
          if (g_cancellable_set_error_if_cancelled (cancellable, error))
            {
              ok = FALSE;
              break;
            }
          if (options->progress != NULL)
            options->progress (impact_reader_get_fraction (reader), options->progress_data);
        }
      ok = process_any_row (&im, row, error);
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      ok = FALSE;
    }

  if (ok && summary->rows_accepted > 0 && !options->dry_run)
    {
      if (im.insert != NULL)
        {
          impact_bulk_insert_set_counts (im.insert, summary->rows_read, summary->rows_rejected,
                                         summary->rows_duplicate);
          summary->batch_id = impact_bulk_insert_commit (im.insert, error);
        }
      else
        {
          batch->id = im.batch_id;
          batch->rows_read = summary->rows_read;
          batch->rows_accepted = summary->rows_accepted;
          batch->rows_rejected = summary->rows_rejected;
          batch->rows_duplicate = summary->rows_duplicate;
          summary->batch_id = impact_store_update_batch_counts (store, batch, error) ? im.batch_id : 0;
        }
      if (summary->batch_id != 0)
        {
          g_autofree char *signature = impact_mapping_get_signature (im.mapping);

          /* The next file with these columns is mapped the same way. */
          ok = impact_store_save_mapping_profile (store, signature, mapping_json, error);
        }
      ok = ok && summary->batch_id != 0 && impact_store_commit (store, error);
    }

  /* A dry run, a file with nothing to import, an error: nothing of it stays. */
  import_clear (&im);
  if (!ok || summary->batch_id == 0)
    {
      summary->batch_id = 0;
      impact_store_rollback (store);
    }

  return ok ? g_steal_pointer (&summary) : NULL;
}

/* Whether the file starts with "{", after a BOM and white space. */
static gboolean
looks_like_json_object (const char *path)
{
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GFileInputStream) stream = g_file_read (file, NULL, NULL);
  char head[64];
  gsize n = 0, i = 0;

  if (stream == NULL || !g_input_stream_read_all (G_INPUT_STREAM (stream), head, sizeof head, &n, NULL, NULL))
    return FALSE;
  if (n >= 3 && memcmp (head, "\xEF\xBB\xBF", 3) == 0)
    i = 3;
  while (i < n && g_ascii_isspace (head[i]))
    i++;

  return i < n && head[i] == '{';
}

/* Hashes the file first (it is kept with the batch, to recognise a file imported before),
 * then imports it. */
ImpactImportSummary *
impact_import_file (ImpactStore *store,
                    const char *path,
                    const ImpactImportOptions *options,
                    GCancellable *cancellable,
                    GError **error)
{
  g_autoptr (ImpactReader) reader = NULL;
  g_autoptr (GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autoptr (GFile) file = NULL;
  g_autoptr (GFileInputStream) stream = NULL;
  guchar buffer[64 * 1024];
  gssize n;

  g_return_val_if_fail (IMPACT_IS_STORE (store), NULL);
  g_return_val_if_fail (path != NULL, NULL);

  file = g_file_new_for_path (path);
  stream = g_file_read (file, cancellable, error);
  if (stream == NULL)
    {
      g_autofree char *name = g_filename_display_basename (path);

      g_prefix_error (error, _ ("Could not open “%s”: "), name);
      return NULL;
    }
  while ((n = g_input_stream_read (G_INPUT_STREAM (stream), buffer, sizeof buffer, cancellable, error)) > 0)
    g_checksum_update (checksum, buffer, n);
  if (n < 0)
    return NULL;

  /* The application's own exchange format is a whole dataset, not rows to map. */
  if (looks_like_json_object (path))
    {
      g_autoptr (JsonParser) parser = json_parser_new ();

      if (json_parser_load_from_mapped_file (parser, path, NULL)
          && impact_exchange_is_document (json_parser_get_root (parser)))
        return impact_import_exchange (store, json_parser_get_root (parser), path, g_checksum_get_string (checksum),
                                       options, cancellable, error);
    }

  reader = impact_reader_new_for_file (path, error);
  if (reader == NULL)
    return NULL;

  return impact_import_reader (store, reader, g_checksum_get_string (checksum), options, cancellable, error);
}

/* What the dialog shows before anything is checked: the sheets, the header with the
 * suggested (or remembered, when a store is given) mapping, and the first rows. The mapping
 * need not be complete yet. */
ImpactImportSummary *
impact_import_preview (ImpactStore *store,
                       const char *path,
                       const ImpactImportOptions *options,
                       GError **error)
{
  g_autoptr (ImpactReader) reader = NULL;
  g_autoptr (ImpactImportSummary) summary = NULL;
  g_autoptr (GPtrArray) head = g_ptr_array_new_with_free_func ((GDestroyNotify) impact_row_free);

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (options != NULL, NULL);

  reader = impact_reader_new_for_file (path, error);
  if (reader == NULL)
    return NULL;

  summary = impact_import_summary_new (path);
  if (!read_header (store, reader, options, summary, head, error)
      || !read_sample (reader, summary, head, IMPACT_IMPORT_PREVIEW_ROWS, error))
    return NULL;

  return g_steal_pointer (&summary);
}
