/* fuzz-readers.c: libFuzzer targets for the CSV and JSON readers
 *
 * Built as fuzz-csv, fuzz-json, fuzz-xlsx and fuzz-ods (FUZZ_CSV and so on). Each reads the
 * input as a file would be read, every sheet of a workbook, and puts every cell through the amount and date parsers as the importer
 * does.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "import/impact-csv-reader.h"
#include "import/impact-json-reader.h"
#include "import/impact-ods-reader.h"
#include "import/impact-parse.h"
#include "import/impact-xlsx-reader.h"

int LLVMFuzzerTestOneInput (const guint8 *data,
                            size_t size);

static void
read_all (ImpactReader *reader,
          ImpactRow *row)
{
  g_autoptr (GError) error = NULL;

  while (impact_reader_read_row (reader, row, &error))
    {
      for (guint i = 0; i < row->cells->len; i++)
        {
          const ImpactCell *cell = impact_row_get_cell (row, i);
          gint64 cents;
          guint32 day;

          if (cell->text == NULL)
            continue;
          g_assert (g_utf8_validate (cell->text, -1, NULL));
          impact_parse_amount (cell->text, IMPACT_DECIMAL_AUTO, &cents);
          impact_parse_amount (cell->text, IMPACT_DECIMAL_COMMA, &cents);
          impact_parse_date (cell->text, IMPACT_DATE_ORDER_AUTO, &day);
          impact_guess_date_order (cell->text);
        }
    }
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t size)
{
  g_autoptr (ImpactReader) reader = NULL;
  g_autoptr (ImpactRow) row = impact_row_new ();
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) bytes = g_bytes_new (data, size);
  g_auto (GStrv) sheets = NULL;

#if defined(FUZZ_CSV)
  reader = impact_csv_reader_new_for_bytes (bytes, "fuzz.csv", &error);
#elif defined(FUZZ_XLSX)
  reader = impact_xlsx_reader_new_for_bytes (bytes, "fuzz.xlsx", &error);
#elif defined(FUZZ_ODS)
  reader = impact_ods_reader_new_for_bytes (bytes, "fuzz.ods", &error);
#else
  reader = impact_json_reader_new_for_data (g_bytes_get_data (bytes, NULL), size, "fuzz.json", &error);
#endif
  if (reader == NULL)
    return 0;

  /* CSV and JSON have no sheets: read them as they are; read every sheet of a workbook. */
  sheets = impact_reader_list_sheets (reader);
  if (sheets == NULL)
    read_all (reader, row);
  for (guint s = 0; sheets != NULL && sheets[s] != NULL; s++)
    if (impact_reader_select_sheet (reader, sheets[s], NULL))
      read_all (reader, row);

  return 0;
}
