/* fuzz-guess.c: libFuzzer target for the column recognition and the date parser
 *
 * The input is a small table: its first line the column names, the others rows, cells
 * separated by ';'. Every name is split into words and scored for each kind of import, the
 * mapping is guessed from the names and the rows and described column by column, and every
 * cell goes through the date parser in each order. A field is never given to two columns,
 * and a date that parses is a real day.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "import/impact-column-guess.h"
#include "import/impact-header-words.h"
#include "model/impact-format.h"

int LLVMFuzzerTestOneInput (const guint8 *data,
                            size_t size);

static ImpactRow *
row_from_line (const char *line)
{
  g_auto (GStrv) cells = g_strsplit (line, ";", IMPACT_READER_MAX_COLUMNS);
  ImpactRow *row = impact_row_new ();

  for (guint c = 0; cells[c] != NULL; c++)
    {
      guint32 day;

      impact_row_append_text (row, cells[c], -1);
      for (int order = IMPACT_DATE_ORDER_AUTO; order <= IMPACT_DATE_ORDER_MDY; order++)
        if (impact_parse_date (cells[c], order, &day))
          {
            g_autofree char *iso = impact_day_to_iso (day);

            g_assert (iso != NULL);
          }
    }

  return row;
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t size)
{
  g_autofree char *text = NULL;
  g_auto (GStrv) lines = NULL;
  g_autoptr (ImpactRow) header = NULL;
  g_autoptr (GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) impact_row_free);

  if (size > 65536)
    return 0;
  text = g_utf8_make_valid ((const char *) data, size);
  lines = g_strsplit (text, "\n", 256);
  if (lines[0] == NULL)
    return 0;

  header = row_from_line (lines[0]);
  for (guint i = 1; lines[i] != NULL; i++)
    g_ptr_array_add (rows, row_from_line (lines[i]));

  for (guint c = 0; c < header->cells->len; c++)
    {
      const char *name = impact_row_get_cell (header, c)->text;
      g_autofree char *words = name != NULL ? impact_header_words (name) : NULL;
      ImpactFieldScore scores[IMPACT_N_FIELDS];

      g_assert (name == NULL || words != NULL);
      if (name != NULL)
        g_assert (impact_header_score_fields (name, NULL, scores, G_N_ELEMENTS (scores)) < IMPACT_N_FIELDS);
    }

  for (int target = IMPACT_IMPORT_PURCHASES; target <= IMPACT_IMPORT_ORGANISATION; target++)
    {
      g_autoptr (ImpactMapping) mapping = impact_mapping_guess (header, rows, target);
      gboolean taken[IMPACT_N_FIELDS] = { FALSE };

      g_assert (mapping->fields->len == header->cells->len);
      for (guint c = 0; c < mapping->fields->len; c++)
        {
          ImpactField field = g_array_index (mapping->fields, ImpactField, c);
          g_autofree char *why = impact_mapping_describe_column (mapping, c);

          g_assert (why != NULL);
          if (field == IMPACT_FIELD_IGNORE)
            continue;
          g_assert (impact_field_is_for_target (field, target));
          g_assert (!taken[field]);
          taken[field] = TRUE;
        }
      impact_mapping_check_certain (mapping, NULL);
    }

  return 0;
}
