/* impact-table.c: the figures as plain tables, and tables as CSV and XLSX files
 *
 * The tables are what the dashboard and --summary show: spend per division (or object), per
 * month and per social class, the largest suppliers and the largest non-social ones, social
 * return per contract, and certificates ending. CSV files are UTF-8 with a byte-order mark
 * (so that spreadsheet programs take them as UTF-8), with ";" between fields and a decimal
 * comma where the locale writes one, "," and a decimal point elsewhere; amounts are plain
 * numbers without thousands separators, dates ISO. XLSX files (written with libxlsxwriter)
 * hold a sheet per table with real number and date cells and their formats.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "impact-export"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <xlsxwriter.h>

#include "impact-table.h"
#include "model/impact-format.h"

typedef struct
{
  char *text;
  gint64 number;
  double percent;
} Cell;

struct _ImpactTable
{
  char *name;
  guint n_columns;
  GStrv titles;
  ImpactColumnKind *kinds;
  GArray *cells;
};

static void
cell_clear (gpointer data)
{
  g_free (((Cell *) data)->text);
}

/* A table called @name (a file or sheet name) with @n_columns columns. */
ImpactTable *
impact_table_new (const char *name,
                  guint n_columns,
                  const char *const *titles,
                  const ImpactColumnKind *kinds)
{
  ImpactTable *table = g_new0 (ImpactTable, 1);

  table->name = g_strdup (name);
  table->n_columns = n_columns;
  table->titles = g_new0 (char *, n_columns + 1);
  for (guint c = 0; c < n_columns; c++)
    table->titles[c] = g_strdup (titles[c]);
  table->kinds = g_memdup2 (kinds, n_columns * sizeof (ImpactColumnKind));
  table->cells = g_array_new (FALSE, TRUE, sizeof (Cell));
  g_array_set_clear_func (table->cells, cell_clear);
  return table;
}

void
impact_table_free (ImpactTable *table)
{
  if (table == NULL)
    return;
  g_free (table->name);
  g_strfreev (table->titles);
  g_free (table->kinds);
  g_array_unref (table->cells);
  g_free (table);
}

const char *
impact_table_get_name (const ImpactTable *table)
{
  return table->name;
}

guint
impact_table_get_n_rows (const ImpactTable *table)
{
  return table->cells->len / table->n_columns;
}

/* The next cell, for a column of kind text. */
void
impact_table_add_text (ImpactTable *table,
                       const char *text)
{
  Cell cell = { g_strdup (text != NULL ? text : ""), 0, 0 };

  g_array_append_val (table->cells, cell);
}

/* The next cell, for a column of money (cents), an integer or a date (a day). */
void
impact_table_add_number (ImpactTable *table,
                         gint64 value)
{
  Cell cell = { NULL, value, 0 };

  g_array_append_val (table->cells, cell);
}

/* The next cell, for a percentage column; NAN leaves it empty. */
void
impact_table_add_percent (ImpactTable *table,
                          double percent)
{
  Cell cell = { NULL, 0, percent };

  g_array_append_val (table->cells, cell);
}

/* --- the figures as tables ------------------------------------------------------------- */

static void
add_spend (ImpactTable *table,
           const ImpactSpend *spend)
{
  impact_table_add_number (table, spend->total_cents);
  impact_table_add_number (table, spend->social_cents);
  impact_table_add_percent (table, impact_spend_get_share (spend));
}

static ImpactTable *
supplier_table (const char *name,
                GPtrArray *suppliers)
{
  const char *const titles[] = { _ ("Supplier"), _ ("KvK"), _ ("Class"), _ ("Spend") };
  static const ImpactColumnKind kinds[] = { IMPACT_COLUMN_TEXT, IMPACT_COLUMN_TEXT, IMPACT_COLUMN_TEXT, IMPACT_COLUMN_MONEY };
  ImpactTable *table = impact_table_new (name, G_N_ELEMENTS (kinds), titles, kinds);

  for (guint i = 0; i < suppliers->len; i++)
    {
      const ImpactSupplierFigures *supplier = g_ptr_array_index (suppliers, i);

      impact_table_add_text (table, supplier->name);
      impact_table_add_text (table, supplier->kvk);
      impact_table_add_text (table, impact_social_class_to_string (supplier->klass));
      impact_table_add_number (table, supplier->total_cents);
    }
  return table;
}

/* Social return per contract, as a table named sroi. */
ImpactTable *
impact_table_from_sroi (const ImpactSroiOverview *sroi)
{
  const char *const titles[] = { _ ("Code"), _ ("Contract"), _ ("Division"), _ ("Obligation"),
                                 _ ("Realised through purchases"), _ ("Realised otherwise"), _ ("Realised (%)"),
                                 _ ("Remaining"), _ ("Expected at end"), _ ("Status"), _ ("Rule set"),
                                 _ ("Rule set version from") };
  static const ImpactColumnKind kinds[] = {
    IMPACT_COLUMN_TEXT,
    IMPACT_COLUMN_TEXT,
    IMPACT_COLUMN_TEXT,
    IMPACT_COLUMN_MONEY,
    IMPACT_COLUMN_MONEY,
    IMPACT_COLUMN_MONEY,
    IMPACT_COLUMN_PERCENT,
    IMPACT_COLUMN_MONEY,
    IMPACT_COLUMN_MONEY,
    IMPACT_COLUMN_TEXT,
    IMPACT_COLUMN_TEXT,
    IMPACT_COLUMN_DATE,
  };
  ImpactTable *table = impact_table_new ("sroi", G_N_ELEMENTS (kinds), titles, kinds);

  for (guint i = 0; i < sroi->rows->len; i++)
    {
      const ImpactSroiRow *row = g_ptr_array_index (sroi->rows, i);
      const ImpactSroiResult *result = &row->result;

      impact_table_add_text (table, row->object->code);
      impact_table_add_text (table, row->object->name);
      impact_table_add_text (table, row->division_name);
      impact_table_add_number (table, result->obligation_cents);
      impact_table_add_number (table, result->realised_purchases_cents);
      impact_table_add_number (table, result->realised_manual_cents);
      impact_table_add_percent (table, result->realised_share);
      impact_table_add_number (table, result->remaining_cents);
      impact_table_add_number (table, result->projected_cents);
      impact_table_add_text (table, impact_sroi_status_to_string (result->status));
      impact_table_add_text (table, impact_sroi_rule_set_to_string (row->rules.name));
      impact_table_add_number (table, row->rules.valid_from > 1 ? row->rules.valid_from : 0);
    }
  return table;
}

/* Certificates ending, with the spend at risk, as a table named expiring. */
ImpactTable *
impact_table_from_expiring (GPtrArray *expiring)
{
  const char *const titles[] = { _ ("Supplier"), _ ("KvK"), _ ("Status"), _ ("Valid until"), _ ("Spend at risk") };
  static const ImpactColumnKind kinds[] = { IMPACT_COLUMN_TEXT, IMPACT_COLUMN_TEXT, IMPACT_COLUMN_TEXT,
                                            IMPACT_COLUMN_DATE, IMPACT_COLUMN_MONEY };
  ImpactTable *table = impact_table_new ("expiring", G_N_ELEMENTS (kinds), titles, kinds);

  for (guint i = 0; i < expiring->len; i++)
    {
      const ImpactExpiring *item = g_ptr_array_index (expiring, i);

      impact_table_add_text (table, item->supplier);
      impact_table_add_text (table, item->kvk);
      impact_table_add_text (table, impact_social_class_to_string (item->kind));
      impact_table_add_number (table, item->valid_until);
      impact_table_add_number (table, item->spend_at_risk_cents);
    }
  return table;
}

/* The figures of a node and period (and its social return and certificates ending) as the
 * tables described above, named per_child, per_month, per_class, top_suppliers,
 * top_non_social, sroi and expiring. */
GPtrArray *
impact_tables_from_figures (const ImpactFigures *figures,
                            const ImpactSroiOverview *sroi,
                            GPtrArray *expiring)
{
  GPtrArray *tables = g_ptr_array_new_with_free_func ((GDestroyNotify) impact_table_free);

  g_return_val_if_fail (figures != NULL && sroi != NULL && expiring != NULL, tables);

  {
    const char *const titles[] = { _ ("Code"), figures->node->level == IMPACT_NODE_GROUP ? _ ("Division") : _ ("Object"),
                                   _ ("Spend"), _ ("Social spend"), _ ("Social share (%)") };
    static const ImpactColumnKind kinds[] = { IMPACT_COLUMN_TEXT, IMPACT_COLUMN_TEXT, IMPACT_COLUMN_MONEY,
                                              IMPACT_COLUMN_MONEY, IMPACT_COLUMN_PERCENT };
    ImpactTable *table = impact_table_new ("per_child", G_N_ELEMENTS (kinds), titles, kinds);

    for (guint i = 0; i < figures->by_child->len; i++)
      {
        const ImpactChildFigures *child = g_ptr_array_index (figures->by_child, i);

        impact_table_add_text (table, child->code);
        impact_table_add_text (table, child->name);
        add_spend (table, &child->spend);
      }
    g_ptr_array_add (tables, table);
  }
  {
    const char *const titles[] = { _ ("Month"), _ ("Spend"), _ ("Social spend"), _ ("Social share (%)") };
    static const ImpactColumnKind kinds[] = { IMPACT_COLUMN_TEXT, IMPACT_COLUMN_MONEY, IMPACT_COLUMN_MONEY,
                                              IMPACT_COLUMN_PERCENT };
    ImpactTable *table = impact_table_new ("per_month", G_N_ELEMENTS (kinds), titles, kinds);

    for (guint i = 0; i < figures->by_month->len; i++)
      {
        const ImpactMonthFigures *month = &g_array_index (figures->by_month, ImpactMonthFigures, i);
        g_autofree char *code = impact_month_to_code (month->month);

        impact_table_add_text (table, code);
        add_spend (table, &month->spend);
      }
    g_ptr_array_add (tables, table);
  }
  {
    const char *const titles[] = { _ ("Class code"), _ ("Class"), _ ("Spend"), _ ("Suppliers") };
    static const ImpactColumnKind kinds[] = { IMPACT_COLUMN_TEXT, IMPACT_COLUMN_TEXT, IMPACT_COLUMN_MONEY,
                                              IMPACT_COLUMN_INTEGER };
    ImpactTable *table = impact_table_new ("per_class", G_N_ELEMENTS (kinds), titles, kinds);

    for (guint k = IMPACT_N_SOCIAL_CLASSES; k-- > 0;)
      {
        if (figures->by_class[k] == 0 && figures->suppliers_per_class[k] == 0)
          continue;
        impact_table_add_text (table, impact_social_class_to_code (k));
        impact_table_add_text (table, impact_social_class_to_string (k));
        impact_table_add_number (table, figures->by_class[k]);
        impact_table_add_number (table, figures->suppliers_per_class[k]);
      }
    g_ptr_array_add (tables, table);
  }
  g_ptr_array_add (tables, supplier_table ("top_suppliers", figures->top_suppliers));
  g_ptr_array_add (tables, supplier_table ("top_non_social", figures->top_non_social));
  g_ptr_array_add (tables, impact_table_from_sroi (sroi));
  g_ptr_array_add (tables, impact_table_from_expiring (expiring));

  return tables;
}

/* --- CSV ------------------------------------------------------------------------------- */

static void
append_field (GString *line,
              const char *text,
              char separator)
{
  gboolean quote = strchr (text, separator) != NULL || strpbrk (text, "\"\r\n") != NULL
                   || g_ascii_isspace (text[0]) || (*text != '\0' && g_ascii_isspace (text[strlen (text) - 1]));

  if (!quote)
    {
      g_string_append (line, text);
      return;
    }
  g_string_append_c (line, '"');
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (line, '"');
      g_string_append_c (line, *p);
    }
  g_string_append_c (line, '"');
}

static char *
cell_text (const ImpactTable *table,
           const Cell *cell,
           guint column,
           char decimal)
{
  switch (table->kinds[column])
    {
    case IMPACT_COLUMN_MONEY:
      {
        guint64 magnitude = cell->number < 0 ? (guint64) (-(cell->number + 1)) + 1 : (guint64) cell->number;

        return g_strdup_printf ("%s%" G_GUINT64_FORMAT "%c%02u", cell->number < 0 ? "-" : "", magnitude / 100, decimal,
                                (guint) (magnitude % 100));
      }
    case IMPACT_COLUMN_INTEGER:
      return g_strdup_printf ("%" G_GINT64_FORMAT, cell->number);
    case IMPACT_COLUMN_PERCENT:
      {
        char buffer[G_ASCII_DTOSTR_BUF_SIZE];

        if (!isfinite (cell->percent))
          return g_strdup ("");
        g_ascii_formatd (buffer, sizeof buffer, "%.2f", cell->percent);
        return g_strdelimit (g_strdup (buffer), ".", decimal);
      }
    case IMPACT_COLUMN_DATE:
      return cell->number > 0 ? impact_day_to_iso (cell->number) : g_strdup ("");
    case IMPACT_COLUMN_TEXT:
    default:
      return g_strdup (cell->text);
    }
}

/* Writes @table to @path as CSV: with @decimal_comma, ";" between fields and a decimal comma,
 * else "," and a decimal point. */
gboolean
impact_table_write_csv (const ImpactTable *table,
                        const char *path,
                        gboolean decimal_comma,
                        GError **error)
{
  g_autoptr (GString) text = g_string_new ("\xef\xbb\xbf");
  char separator = decimal_comma ? ';' : ',';
  char decimal = decimal_comma ? ',' : '.';

  g_return_val_if_fail (table != NULL && path != NULL, FALSE);

  for (guint c = 0; c < table->n_columns; c++)
    {
      if (c > 0)
        g_string_append_c (text, separator);
      append_field (text, table->titles[c], separator);
    }
  g_string_append (text, "\r\n");
  for (guint i = 0; i < table->cells->len; i++)
    {
      guint column = i % table->n_columns;
      g_autofree char *field = cell_text (table, &g_array_index (table->cells, Cell, i), column, decimal);

      if (column > 0)
        g_string_append_c (text, separator);
      append_field (text, field, separator);
      if (column == table->n_columns - 1)
        g_string_append (text, "\r\n");
    }

  return g_file_set_contents (path, text->str, text->len, error);
}

/* --- XLSX ------------------------------------------------------------------------------ */

/* Writes @tables to @path as a workbook with a sheet per table: numbers, percentages and
 * dates as such, with formats. */
gboolean
impact_tables_write_xlsx (GPtrArray *tables,
                          const char *path,
                          GError **error)
{
  lxw_workbook *workbook;
  lxw_format *bold, *money, *percent, *date;
  lxw_error status;

  g_return_val_if_fail (tables != NULL && path != NULL, FALSE);

  workbook = workbook_new (path);
  if (workbook == NULL)
    {
      g_autofree char *name = g_filename_display_name (path);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _ ("Could not write “%s”."), name);
      return FALSE;
    }
  bold = workbook_add_format (workbook);
  format_set_bold (bold);
  money = workbook_add_format (workbook);
  format_set_num_format (money, "#,##0.00");
  percent = workbook_add_format (workbook);
  format_set_num_format (percent, "0.0%");
  date = workbook_add_format (workbook);
  format_set_num_format (date, "yyyy-mm-dd");

  for (guint t = 0; t < tables->len; t++)
    {
      const ImpactTable *table = g_ptr_array_index (tables, t);
      lxw_worksheet *sheet = workbook_add_worksheet (workbook, table->name);

      for (guint c = 0; c < table->n_columns; c++)
        {
          worksheet_write_string (sheet, 0, c, table->titles[c], bold);
          worksheet_set_column (sheet, c, c, table->kinds[c] == IMPACT_COLUMN_TEXT ? 30 : 16, NULL);
        }
      for (guint i = 0; i < table->cells->len; i++)
        {
          const Cell *cell = &g_array_index (table->cells, Cell, i);
          lxw_row_t row = 1 + i / table->n_columns;
          lxw_col_t column = i % table->n_columns;

          switch (table->kinds[column])
            {
            case IMPACT_COLUMN_MONEY:
              worksheet_write_number (sheet, row, column, (double) cell->number / 100, money);
              break;
            case IMPACT_COLUMN_INTEGER:
              worksheet_write_number (sheet, row, column, (double) cell->number, NULL);
              break;
            case IMPACT_COLUMN_PERCENT:
              if (isfinite (cell->percent))
                worksheet_write_number (sheet, row, column, cell->percent / 100, percent);
              break;
            case IMPACT_COLUMN_DATE:
              if (cell->number > 0)
                {
                  GDate day;
                  lxw_datetime when = { 0 };

                  g_date_clear (&day, 1);
                  g_date_set_julian (&day, cell->number);
                  when.year = g_date_get_year (&day);
                  when.month = g_date_get_month (&day);
                  when.day = g_date_get_day (&day);
                  worksheet_write_datetime (sheet, row, column, &when, date);
                }
              break;
            case IMPACT_COLUMN_TEXT:
            default:
              worksheet_write_string (sheet, row, column, cell->text, NULL);
              break;
            }
        }
    }

  status = workbook_close (workbook);
  if (status != LXW_NO_ERROR)
    {
      g_autofree char *name = g_filename_display_name (path);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _ ("Could not write “%s”: %s"), name, lxw_strerror (status));
      return FALSE;
    }
  return TRUE;
}
