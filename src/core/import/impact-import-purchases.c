/* impact-import-purchases.c: a row of a spend export into a purchase line
 *
 * Checks the row's date, amount, currency, supplier, division and object, matches or creates
 * them, skips duplicates and hands the line to the bulk insert.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "impact-importer"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <string.h>

#include "impact-import-purchases.h"

/* The cell of @field in @row when it holds a text, else NULL. */
static ImpactCell *
text_cell (const Import *im,
           ImpactRow *row,
           ImpactField field)
{
  int column = im->column[field];
  ImpactCell *cell;

  if (column < 0 || (guint) column >= row->cells->len)
    return NULL;
  cell = &g_array_index (row->cells, ImpactCell, column);

  return cell->type == IMPACT_CELL_TEXT ? cell : NULL;
}

/* Runs on the row pump's thread: gives a row's dates and amounts their types, as a
 * spreadsheet's cells have them, so that the importer's thread (the busier one) need not
 * parse them. Their texts stay for the messages. Reads nothing but the mapping, which does
 * not change while the pump runs. */
void
_impact_import_type_purchase_row (ImpactRow *row,
                                  gpointer data)
{
  static const ImpactField dates[] = { IMPACT_FIELD_INVOICE_DATE, IMPACT_FIELD_POSTING_DATE };
  static const ImpactField amounts[] = { IMPACT_FIELD_AMOUNT, IMPACT_FIELD_AMOUNT_INCL, IMPACT_FIELD_VAT,
                                         IMPACT_FIELD_CREDIT };
  const Import *im = data;

  for (guint i = 0; i < G_N_ELEMENTS (dates); i++)
    {
      ImpactCell *cell = text_cell (im, row, dates[i]);
      guint32 day;

      if (cell != NULL && impact_parse_date (cell->text, im->mapping->date_order, &day))
        {
          cell->type = IMPACT_CELL_DATE;
          cell->day = day;
        }
    }

  for (guint i = 0; i < G_N_ELEMENTS (amounts); i++)
    {
      ImpactCell *cell = text_cell (im, row, amounts[i]);
      gint64 cents;

      /* Up to 10^12 euros, cents / 100.0 * 100 rounds back to exactly the cents. */
      if (cell != NULL && impact_parse_amount (cell->text, im->mapping->decimal, &cents)
          && cents <= IMPACT_IMPORT_MAX_TYPED_CENTS && cents >= -IMPACT_IMPORT_MAX_TYPED_CENTS)
        {
          cell->type = IMPACT_CELL_NUMBER;
          cell->number = cents / 100.0;
        }
    }
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

  if (_impact_import_parse_date_cell (_impact_import_field_cell (im, row, IMPACT_FIELD_INVOICE_DATE), im->mapping->date_order, &day)
      || _impact_import_parse_date_cell (_impact_import_field_cell (im, row, IMPACT_FIELD_POSTING_DATE), im->mapping->date_order, &day))
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

/* Finds the division by code, then by name; a new one is created with the value as both.
 * A user who sees only some divisions creates none: 0, and the division is noted. */
static gint64
resolve_division (Import *im,
                  const char *value,
                  guint row,
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

  if (im->outside != NULL)
    {
      if (!g_hash_table_contains (im->outside, value))
        g_hash_table_insert (im->outside, g_strdup (value), GUINT_TO_POINTER (row));
      return 0;
    }
  if (_impact_import_ensure_group (im, error) == 0)
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
      const ImpactCell *cell = _impact_import_field_cell (im, row, parts[i]);

      if (cell->type == IMPACT_CELL_EMPTY)
        continue;
      if (!_impact_import_parse_amount_cell (cell, im->mapping->decimal, &value[i]))
        {
          _impact_import_reject (im, row->number, im->column[parts[i]],
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

      _impact_import_reject (im, row->number, column, g_strdup (_ ("The row has no amount.")));
      return FALSE;
    }

  /* A separate credit column, or a C in a debit/credit column, makes it a credit note. */
  if (present[3])
    *cents -= llabs (value[3]);
  indicator = _impact_import_field_text (im, row, IMPACT_FIELD_DEBIT_CREDIT);
  if (indicator != NULL && (indicator[0] == 'C' || indicator[0] == 'c') && *cents > 0)
    *cents = -*cents;

  return TRUE;
}

/* Checks a row and works out its line: 1 when @line is ready to be added, 0 when the row
 * was skipped or rejected, -1 on an error that stops the import. */
static int
check_purchase_row (Import *im,
                    const ImpactRow *row,
                    ImpactPurchaseLine *line,
                    GError **error)
{
  const ImpactCell *date_cell;
  ImpactField date_field;
  const char *division, *object, *currency;
  gboolean has_date;

  memset (line, 0, sizeof *line);
  if (impact_row_is_empty (row))
    return 0;

  /* The invoice date, or the posting date where the invoice date is missing. A row with a
   * date is not a totals row; one without may be. */
  date_field = im->column[IMPACT_FIELD_INVOICE_DATE] >= 0
                       && (_impact_import_field_text (im, row, IMPACT_FIELD_INVOICE_DATE) != NULL || im->column[IMPACT_FIELD_POSTING_DATE] < 0)
                   ? IMPACT_FIELD_INVOICE_DATE
                   : IMPACT_FIELD_POSTING_DATE;
  date_cell = _impact_import_field_cell (im, row, date_field);
  has_date = _impact_import_parse_date_cell (date_cell, im->mapping->date_order, &line->invoice_day);
  if (!has_date && is_total_row (im, row))
    {
      im->summary->rows_skipped++;
      return 0;
    }
  im->summary->rows_read++;

  for (guint i = 0; i < im->n_mapped; i++)
    {
      ImpactField f = im->mapped[i];
      const ImpactCell *cell = _impact_import_field_cell (im, row, f);

      if (cell->type == IMPACT_CELL_ERROR)
        {
          _impact_import_reject (im, row->number, im->column[f], g_strdup (cell->text));
          return 0;
        }
    }

  if (date_cell->type == IMPACT_CELL_EMPTY)
    {
      _impact_import_reject (im, row->number, im->column[date_field], g_strdup (_ ("The row has no date.")));
      return 0;
    }
  if (!has_date)
    {
      guint32 day;

      /* The first rows did not tell day-month from month-day, and this one does: the whole
       * column is read again the other way (impact_import_file()). */
      if (im->order_guessed && date_cell->type == IMPACT_CELL_TEXT
          && impact_parse_date (date_cell->text, IMPACT_DATE_ORDER_MDY, &day))
        {
          g_set_error (error, IMPACT_IMPORT_ERROR, IMPACT_IMPORT_ERROR_DATE_ORDER,
                       _ ("Row %u has “%s”, a date written month-day-year."), row->number, date_cell->text);
          return -1;
        }
      _impact_import_reject (im, row->number, im->column[date_field],
                             g_strdup_printf (_ ("“%s” is not a date."), date_cell->text));
      return 0;
    }

  currency = _impact_import_field_text (im, row, IMPACT_FIELD_CURRENCY);
  if (currency != NULL && g_ascii_strcasecmp (currency, "EUR") != 0 && !g_str_equal (currency, "€"))
    {
      _impact_import_reject (im, row->number, im->column[IMPACT_FIELD_CURRENCY],
                             g_strdup_printf (_ ("The amount is in %s; only amounts in euros can be imported."), currency));
      return 0;
    }

  if (!row_amount (im, row, &line->amount_cents))
    return 0;

  line->supplier_id = _impact_import_resolve_supplier (im, row, error);
  if (line->supplier_id <= 0)
    return line->supplier_id == 0 ? 0 : -1;

  division = _impact_import_field_text (im, row, IMPACT_FIELD_DIVISION);
  if (division == NULL)
    division = im->options->division_code;
  if (division == NULL)
    {
      _impact_import_reject (im, row->number, im->column[IMPACT_FIELD_DIVISION], g_strdup (_ ("The row has no division.")));
      return 0;
    }
  line->division_id = resolve_division (im, division, row->number, error);
  if (line->division_id <= 0)
    return line->division_id == 0 ? 0 : -1;

  object = _impact_import_field_text (im, row, IMPACT_FIELD_OBJECT);
  if (object != NULL)
    {
      line->object_id = resolve_object (im, object, line->division_id, error);
      if (line->object_id < 0)
        return -1;
    }

  line->invoice_number = _impact_import_field_text (im, row, IMPACT_FIELD_INVOICE_NUMBER);
  line->category = _impact_import_field_text (im, row, IMPACT_FIELD_CATEGORY);
  line->gl_account = _impact_import_field_text (im, row, IMPACT_FIELD_GL_ACCOUNT);
  line->description = _impact_import_field_text (im, row, IMPACT_FIELD_DESCRIPTION);

  return 1;
}

/* The key of a line for the duplicate check, or 0 when it is not checked (no invoice
 * number, or the user includes duplicates). */
static guint64
duplicate_key (Import *im,
               const ImpactPurchaseLine *line)
{
  if (line->invoice_number == NULL || im->options->include_duplicates)
    return 0;

  return _impact_import_line_key (line->supplier_id, line->invoice_number, line->amount_cents);
}

/* Adds a checked line, unless it has the same supplier, invoice number and amount as a line
 * already stored or earlier in the file: the same invoice sent twice. */
static gboolean
add_purchase_line (Import *im,
                   const ImpactPurchaseLine *line,
                   guint64 key,
                   GError **error)
{
  if (line->invoice_number != NULL && !im->options->include_duplicates && !impact_key_set_add (im->line_keys, key))
    {
      im->summary->rows_duplicate++;
      return TRUE;
    }

  /* A dry run counts what would be written; the lines themselves need not be. */
  if (!im->options->dry_run && !impact_bulk_insert_add (im->insert, line, error))
    return FALSE;
  im->summary->rows_accepted++;
  im->summary->total_cents += line->amount_cents;

  return TRUE;
}

gboolean
_impact_import_purchase_row (Import *im,
                             const ImpactRow *row,
                             GError **error)
{
  ImpactPurchaseLine line;
  int checked = check_purchase_row (im, row, &line, error);

  if (checked <= 0)
    return checked == 0;

  return add_purchase_line (im, &line, duplicate_key (im, &line), error);
}

/* The rows of a block of the file, in two rounds: every row is checked first, and the
 * memory its line's duplicate check will use is fetched meanwhile; then the lines are added
 * in the order of the file. With a million lines that look-up misses the processor's cache
 * nearly every time. */
gboolean
_impact_import_purchase_rows (Import *im,
                              ImpactRow *const *rows,
                              guint n_rows,
                              GError **error)
{
  if (im->lines == NULL)
    im->lines = g_array_new (FALSE, FALSE, sizeof (PendingPurchase));

  for (guint done = 0; done < n_rows;)
    {
      guint n = MIN (n_rows - done, IMPACT_IMPORT_LOOKAHEAD);

      g_array_set_size (im->lines, 0);
      for (guint i = done; i < done + n; i++)
        {
          PendingPurchase pending;
          int checked = check_purchase_row (im, rows[i], &pending.line, error);

          if (checked < 0)
            return FALSE;
          if (checked == 0)
            continue;
          pending.key = duplicate_key (im, &pending.line);
          if (pending.key != 0)
            impact_key_set_prefetch (im->line_keys, pending.key);
          g_array_append_val (im->lines, pending);
        }

      for (guint i = 0; i < im->lines->len; i++)
        {
          const PendingPurchase *pending = &g_array_index (im->lines, PendingPurchase, i);

          if (!add_purchase_line (im, &pending->line, pending->key, error))
            return FALSE;
        }
      done += n;
    }

  return TRUE;
}

static int
compare_rows (gconstpointer a,
              gconstpointer b,
              gpointer data)
{
  guint row_a = GPOINTER_TO_UINT (g_hash_table_lookup (data, *(const char *const *) a));
  guint row_b = GPOINTER_TO_UINT (g_hash_table_lookup (data, *(const char *const *) b));

  return row_a < row_b ? -1 : row_a > row_b;
}

/* The import is refused whole when the file has lines of divisions the user may not see,
 * with each of them and the first row that names it. */
gboolean
_impact_import_check_outside (Import *im,
                              GError **error)
{
  g_autofree const char **codes = NULL;
  g_autoptr (GString) list = g_string_new (NULL);
  guint n;

  if (im->outside == NULL || g_hash_table_size (im->outside) == 0)
    return TRUE;

  codes = (const char **) g_hash_table_get_keys_as_array (im->outside, &n);
  g_qsort_with_data (codes, n, sizeof *codes, compare_rows, im->outside);
  for (guint i = 0; i < n && i < 10; i++)
    {
      guint row = GPOINTER_TO_UINT (g_hash_table_lookup (im->outside, codes[i]));

      if (i > 0)
        g_string_append (list, ", ");
      /* Translators: a division of an import file and the first row with it, in a list. */
      g_string_append_printf (list, _ ("%s (row %u)"), codes[i], row);
    }
  if (n > 10)
    g_string_append (list, ", …");
  g_set_error (error, IMPACT_IMPORT_ERROR, IMPACT_IMPORT_ERROR_ACCESS,
               g_dngettext (GETTEXT_PACKAGE,
                            "“%s” has lines of a division you have no access to: %s. Nothing was imported. "
                            "Import only your divisions’ lines, or ask the group’s administrator for access.",
                            "“%s” has lines of divisions you have no access to: %s. Nothing was imported. "
                            "Import only your divisions’ lines, or ask the group’s administrator for access.",
                            n),
               im->summary->file_name, list->str);

  return FALSE;
}
