/* impact-column-guess.c: which field each column holds, by its name and its values
 *
 * The name is scored word by word (impact-header-words.c); the first rows confirm it: a
 * date column holds dates, an amount column amounts, a KvK column numbers of 8 digits. A
 * name whose values disagree is not taken, except for a field the import needs and no
 * other column gives, and then as uncertain. When two columns are one division, object or
 * supplier ("Divisiecode" and "Divisie"), the one with codes (short, without spaces) is the
 * code and the other the name. Nothing is guessed silently: each column says why it has its
 * field, and a guess the import depends on that is not certain stops it until the user
 * confirms (impact_mapping_check_certain()).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "impact-column-guess"

#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "impact-column-guess.h"
#include "impact-header-words.h"
#include "model/impact-entities.h"

#define MAX_CANDIDATES 6

typedef enum
{
  KIND_TEXT,
  KIND_NAME,
  KIND_CODE,
  KIND_DATE,
  KIND_AMOUNT,
  KIND_PERCENT,
  KIND_KVK,
  KIND_VAT,
} ValueKind;

/* What the first rows of a column hold. */
typedef struct
{
  guint n;
  guint dates;
  /* Whole numbers that are spreadsheet dates from 1954 to 2119. */
  guint serials;
  guint amounts;
  guint percents;
  guint kvks;
  guint vats;
  guint spaces;
  guint distinct;
  gsize length;
} Profile;

static ValueKind
field_kind (ImpactField field)
{
  switch (field)
    {
    case IMPACT_FIELD_INVOICE_DATE:
    case IMPACT_FIELD_POSTING_DATE:
    case IMPACT_FIELD_VALID_FROM:
    case IMPACT_FIELD_VALID_UNTIL:
    case IMPACT_FIELD_CONTRACT_START:
    case IMPACT_FIELD_CONTRACT_END:
      return KIND_DATE;
    case IMPACT_FIELD_AMOUNT:
    case IMPACT_FIELD_VAT:
    case IMPACT_FIELD_AMOUNT_INCL:
    case IMPACT_FIELD_CREDIT:
    case IMPACT_FIELD_CONTRACT_VALUE:
    case IMPACT_FIELD_TURNOVER:
    case IMPACT_FIELD_FTE:
    case IMPACT_FIELD_SROI_FIXED:
    case IMPACT_FIELD_SROI_CAP:
      return KIND_AMOUNT;
    case IMPACT_FIELD_DIRECT_SHARE:
    case IMPACT_FIELD_SROI_PERCENT:
      return KIND_PERCENT;
    case IMPACT_FIELD_SUPPLIER_KVK:
      return KIND_KVK;
    case IMPACT_FIELD_SUPPLIER_VAT_ID:
      return KIND_VAT;
    case IMPACT_FIELD_SUPPLIER_NAME:
    case IMPACT_FIELD_DIVISION_NAME:
    case IMPACT_FIELD_OBJECT_NAME:
    case IMPACT_FIELD_CLIENT:
      return KIND_NAME;
    case IMPACT_FIELD_DIVISION:
    case IMPACT_FIELD_OBJECT:
    case IMPACT_FIELD_COST_CENTRE:
    case IMPACT_FIELD_SUPPLIER_ERP_ID:
    case IMPACT_FIELD_INVOICE_NUMBER:
    case IMPACT_FIELD_GL_ACCOUNT:
    case IMPACT_FIELD_CURRENCY:
      return KIND_CODE;
    case IMPACT_FIELD_IGNORE:
    default:
      return KIND_TEXT;
    }
}

/* "12345678", "1234 5678", "NL 8123.45.678.B01" without spaces and dots. */
static char *
compact (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p++)
    if (!g_ascii_isspace (*p) && *p != '.' && *p != '-')
      g_string_append_c (out, g_ascii_toupper (*p));

  return g_string_free (out, FALSE);
}

static gboolean
is_vat_id (const char *id)
{
  gsize len = strlen (id), digits = 0;

  if (len < 8 || len > 14 || !g_ascii_isalpha (id[0]) || !g_ascii_isalpha (id[1]))
    return FALSE;
  for (gsize i = 2; i < len; i++)
    {
      if (!g_ascii_isalnum (id[i]))
        return FALSE;
      digits += g_ascii_isdigit (id[i]) != 0;
    }

  return digits >= 6;
}

static void
profile_text (Profile *profile,
              const char *text)
{
  g_autofree char *id = compact (text);
  gsize len = strlen (text), digits = strspn (text, "0123456789");
  guint32 day;
  gint64 cents;

  gboolean date = FALSE;

  if (digits == len && len == 5)
    profile->serials += atoi (text) >= 20000 && atoi (text) <= 80000;
  else if (digits != len || len == 8)
    {
      date = impact_parse_date (text, IMPACT_DATE_ORDER_DMY, &day) || impact_parse_date (text, IMPACT_DATE_ORDER_MDY, &day);
      profile->dates += date;
    }

  if (impact_parse_amount (text, IMPACT_DECIMAL_COMMA, &cents) || impact_parse_amount (text, IMPACT_DECIMAL_POINT, &cents))
    {
      profile->amounts++;
      profile->percents += cents >= 0 && cents <= 10000;
    }
  else if (len > 1 && text[len - 1] == '%')
    {
      g_autofree char *number = g_strndup (text, len - 1);

      profile->percents += impact_parse_amount (number, IMPACT_DECIMAL_COMMA, &cents)
                           || impact_parse_amount (number, IMPACT_DECIMAL_POINT, &cents);
    }

  /* 02-02-2025 is no KvK number, 20250202 may be either. */
  profile->kvks += (strlen (id) == 8 || strlen (id) == 7) && strspn (id, "0123456789") == strlen (id)
                   && !(date && digits != len);
  profile->vats += is_vat_id (id);
  profile->spaces += strchr (text, ' ') != NULL;
  profile->length += g_utf8_strlen (text, -1);
}

static void
profile_column (Profile *profile,
                GPtrArray *rows,
                guint column)
{
  g_autoptr (GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  memset (profile, 0, sizeof *profile);
  for (guint r = 0; rows != NULL && r < rows->len && r < IMPACT_GUESS_ROWS; r++)
    {
      const ImpactCell *cell = impact_row_get_cell (g_ptr_array_index (rows, r), column);
      char number[G_ASCII_DTOSTR_BUF_SIZE];

      switch (cell->type)
        {
        case IMPACT_CELL_TEXT:
          if (cell->text == NULL || cell->text[strspn (cell->text, " ")] == '\0')
            continue;
          profile_text (profile, cell->text);
          g_hash_table_add (seen, g_strdup (cell->text));
          break;
        case IMPACT_CELL_NUMBER:
          profile->amounts++;
          profile->percents += cell->number >= 0 && cell->number <= 100;
          profile->serials += cell->number == floor (cell->number) && cell->number >= 20000 && cell->number <= 80000;
          profile->kvks += cell->number == floor (cell->number) && cell->number >= 1e6 && cell->number < 1e8;
          profile->length += strlen (g_ascii_dtostr (number, sizeof number, cell->number));
          g_hash_table_add (seen, g_strdup (number));
          break;
        case IMPACT_CELL_DATE:
          profile->dates++;
          profile->length += 10;
          g_hash_table_add (seen, g_strdup_printf ("%u", cell->day));
          break;
        case IMPACT_CELL_EMPTY:
        case IMPACT_CELL_ERROR:
        default:
          continue;
        }
      profile->n++;
    }
  profile->distinct = g_hash_table_size (seen);
}

/* Nine in ten values; four in five; half of them. */
#define NEARLY_ALL(count, p) ((count) *10 >= (p)->n * 9)
#define MOST(count, p) ((count) *5 >= (p)->n * 4)
#define HALF(count, p) ((count) *2 >= (p)->n)

/* Whether the values look like the field's, for a name that says so: at least half of them
 * do (exports have typing errors, which the import then rejects row by row). A column without
 * values in the first rows cannot disagree. */
static gboolean
values_fit (ImpactField field,
            const Profile *p)
{
  if (p->n == 0)
    return TRUE;

  switch (field_kind (field))
    {
    case KIND_DATE:
      return HALF (p->dates + p->serials, p);
    case KIND_AMOUNT:
      return HALF (p->amounts, p) && !MOST (p->dates, p);
    case KIND_PERCENT:
      return HALF (p->percents, p);
    case KIND_KVK:
      return HALF (p->kvks, p);
    case KIND_VAT:
      return HALF (p->vats, p);
    case KIND_NAME:
      return !MOST (p->dates, p) && !MOST (p->amounts, p);
    case KIND_CODE:
      return !MOST (p->dates, p);
    case KIND_TEXT:
    default:
      return TRUE;
    }
}

/* 1 when column a holds the codes and b the names, -1 for the other way, 0 when the
 * values do not tell: codes are shorter and have no spaces. */
static int
compare_code_like (const Profile *a,
                   const Profile *b)
{
  double spaces_a, spaces_b, length_a, length_b;

  if (a->n == 0 || b->n == 0)
    return 0;
  spaces_a = (double) a->spaces / a->n;
  spaces_b = (double) b->spaces / b->n;
  length_a = (double) a->length / a->n;
  length_b = (double) b->length / b->n;

  if (spaces_a + 0.3 <= spaces_b && length_a <= length_b)
    return 1;
  if (spaces_b + 0.3 <= spaces_a && length_b <= length_a)
    return -1;
  if (length_a * 1.5 <= length_b)
    return 1;
  if (length_b * 1.5 <= length_a)
    return -1;

  return 0;
}

typedef ImpactFieldScore Candidates[MAX_CANDIDATES];

typedef struct
{
  ImpactMapping *mapping;
  guint n_columns;
  Profile *profiles;
  gboolean allowed[IMPACT_N_FIELDS];
  /* Per column: the fields its name fits (of the target's), best first, and how many. */
  Candidates *candidates;
  guint *n_candidates;
  int *field_score;
  /* Columns decided on already, with a field or without. */
  gboolean *settled;
  gboolean taken[IMPACT_N_FIELDS];
} Guess;

static gboolean
is_assigned (Guess *g,
             guint column)
{
  return g->settled[column] || g_array_index (g->mapping->fields, ImpactField, column) != IMPACT_FIELD_IGNORE;
}

static ImpactColumnMatch *
match_of (Guess *g,
          guint column)
{
  return &g_array_index (g->mapping->matches, ImpactColumnMatch, column);
}

static void
assign (Guess *g,
        guint column,
        ImpactField field,
        ImpactMatchReason reason,
        int score)
{
  impact_mapping_set_field (g->mapping, column, field, reason);
  g->taken[field] = TRUE;
  g->field_score[column] = score;
}

/* The best field a column's name fits whose values agree, or IGNORE. */
static ImpactField
best_fitting (Guess *g,
              guint column,
              int *score)
{
  for (guint i = 0; i < g->n_candidates[column]; i++)
    {
      const ImpactFieldScore *c = &g->candidates[column][i];

      if (values_fit (c->field, &g->profiles[column]))
        {
          *score = c->score;
          return c->field;
        }
    }

  return IMPACT_FIELD_IGNORE;
}

static int
score_for (Guess *g,
           guint column,
           ImpactField field)
{
  for (guint i = 0; i < g->n_candidates[column]; i++)
    if (g->candidates[column][i].field == field)
      return g->candidates[column][i].score;

  return 0;
}

/* Two columns for one unit: the one with codes is the code, the other the name. */
static void
assign_pair (Guess *g,
             ImpactField code_field,
             ImpactField name_field)
{
  int a = -1, b = -1, score_a = 0, score_b = 0, order;
  gboolean by_values;

  for (guint c = 0; c < g->n_columns; c++)
    {
      int score;
      ImpactField best = best_fitting (g, c, &score);

      if (is_assigned (g, c) || (best != code_field && best != name_field))
        continue;
      if (a < 0 || score > score_a)
        b = a, score_b = score_a, a = c, score_a = score;
      else if (b < 0 || score > score_b)
        b = c, score_b = score;
    }
  if (a < 0 || b < 0 || !g->allowed[code_field] || g->taken[code_field])
    return;

  order = compare_code_like (&g->profiles[a], &g->profiles[b]);
  by_values = order != 0;
  if (order == 0)
    {
      /* The names tell, as in "Divisiecode" against "Divisie". */
      int pref_a = score_for (g, a, code_field) - score_for (g, a, name_field);
      int pref_b = score_for (g, b, code_field) - score_for (g, b, name_field);

      order = pref_a > pref_b ? 1 : pref_a < pref_b ? -1
                                                    : 0;
    }
  if (order < 0)
    {
      int swap = a;

      a = b, b = swap;
    }

  assign (g, a, code_field, by_values ? IMPACT_MATCH_CODE : IMPACT_MATCH_NAME, score_for (g, a, code_field));
  if (order == 0)
    {
      match_of (g, a)->uncertain = TRUE;
      match_of (g, a)->rival = b;
    }
  if (g->allowed[name_field] && !g->taken[name_field])
    assign (g, b, name_field, by_values ? IMPACT_MATCH_NAME_OF_CODE : IMPACT_MATCH_NAME, score_for (g, b, name_field));
  else
    {
      match_of (g, b)->suggested = name_field;
      g->settled[b] = TRUE;
    }
}

typedef struct
{
  guint column;
  ImpactFieldScore score;
} Candidate;

static int
compare_candidates (gconstpointer a,
                    gconstpointer b)
{
  const Candidate *x = a, *y = b;

  if (x->score.score != y->score.score)
    return y->score.score - x->score.score;
  return (int) x->column - (int) y->column;
}

/* Each field to the column whose name fits it best; a column that fits as well makes the
 * choice uncertain. */
static void
assign_by_names (Guess *g)
{
  g_autoptr (GArray) all = g_array_new (FALSE, FALSE, sizeof (Candidate));

  for (guint c = 0; c < g->n_columns; c++)
    for (guint i = 0; !is_assigned (g, c) && i < g->n_candidates[c]; i++)
      if (values_fit (g->candidates[c][i].field, &g->profiles[c]))
        {
          Candidate candidate = { c, g->candidates[c][i] };

          g_array_append_val (all, candidate);
        }
  g_array_sort (all, compare_candidates);

  for (guint i = 0; i < all->len; i++)
    {
      const Candidate *c = &g_array_index (all, Candidate, i);

      if (!is_assigned (g, c->column) && !g->taken[c->score.field])
        assign (g, c->column, c->score.field, IMPACT_MATCH_NAME, c->score.score);
    }

  /* A column left over whose best field went to another column with the same score. */
  for (guint c = 0; c < g->n_columns; c++)
    {
      int score;
      ImpactField best;
      int owner;

      if (is_assigned (g, c))
        continue;
      best = best_fitting (g, c, &score);
      if (best == IMPACT_FIELD_IGNORE)
        {
          /* A name whose values say otherwise is shown as such. */
          if (g->n_candidates[c] > 0)
            {
              match_of (g, c)->suggested = g->candidates[c][0].field;
              match_of (g, c)->values_disagree = TRUE;
            }
          continue;
        }
      match_of (g, c)->suggested = best;
      owner = impact_mapping_find (g->mapping, best);
      if (owner >= 0 && g->field_score[owner] == score && match_of (g, owner)->rival < 0)
        {
          match_of (g, owner)->uncertain = TRUE;
          match_of (g, owner)->rival = c;
        }
    }
}

/* Whether the import takes @field and neither it nor @other (which stands in for it, as the
 * posting date for the invoice date) has a column yet. */
static gboolean
still_open (Guess *g,
            ImpactField field,
            ImpactField other)
{
  return g->allowed[field] && !g->taken[field] && (other == IMPACT_FIELD_IGNORE || !g->taken[other]);
}

/* A field the import needs that no name gave: a column whose values can only be that. */
static void
assign_by_values (Guess *g,
                  ImpactField field,
                  ImpactField other)
{
  int found = -1, rival = -1;

  if (!still_open (g, field, other))
    return;

  for (guint c = 0; c < g->n_columns; c++)
    {
      const Profile *p = &g->profiles[c];
      gboolean fits;

      if (is_assigned (g, c) || p->n == 0)
        continue;
      switch (field_kind (field))
        {
        case KIND_DATE:
          fits = NEARLY_ALL (p->dates, p);
          break;
        case KIND_AMOUNT:
          fits = NEARLY_ALL (p->amounts, p) && !MOST (p->kvks, p) && !MOST (p->serials, p) && !MOST (p->dates, p);
          break;
        case KIND_KVK:
          fits = NEARLY_ALL (p->kvks, p);
          break;
        case KIND_VAT:
          fits = NEARLY_ALL (p->vats, p);
          break;
        case KIND_TEXT:
        case KIND_NAME:
        case KIND_CODE:
        case KIND_PERCENT:
        default:
          fits = FALSE;
          break;
        }
      if (!fits)
        continue;
      if (found < 0)
        found = c;
      else if (rival < 0)
        rival = c;
    }

  if (found >= 0)
    {
      assign (g, found, field, IMPACT_MATCH_VALUES, 0);
      match_of (g, found)->uncertain = TRUE;
      match_of (g, found)->rival = rival;
    }
}

/* A field the import needs whose only column has values that disagree: taken, uncertain. */
static void
assign_disagreeing (Guess *g,
                    ImpactField field,
                    ImpactField other)
{
  if (!still_open (g, field, other))
    return;

  for (guint c = 0; c < g->n_columns; c++)
    {
      if (is_assigned (g, c))
        continue;
      for (guint i = 0; i < g->n_candidates[c]; i++)
        if (g->candidates[c][i].field == field || (other != IMPACT_FIELD_IGNORE && g->candidates[c][i].field == other))
          {
            assign (g, c, g->candidates[c][i].field, IMPACT_MATCH_NAME, g->candidates[c][i].score);
            match_of (g, c)->uncertain = TRUE;
            match_of (g, c)->values_disagree = TRUE;
            return;
          }
    }
}

/* Suggests a field for each column of @header of a file of @target, confirmed by the
 * values of @rows (the rows after the header, or NULL). */
ImpactMapping *
impact_mapping_guess (const ImpactRow *header,
                      GPtrArray *rows,
                      ImpactImportTarget target)
{
  Guess g = { 0 };

  g_return_val_if_fail (header != NULL, NULL);

  g.mapping = impact_mapping_new_for_header (header, target);
  g.n_columns = header->cells->len;
  g.profiles = g_new0 (Profile, g.n_columns + 1);
  g.candidates = g_new0 (Candidates, g.n_columns + 1);
  g.n_candidates = g_new0 (guint, g.n_columns + 1);
  g.field_score = g_new0 (int, g.n_columns + 1);
  g.settled = g_new0 (gboolean, g.n_columns + 1);
  for (guint f = 1; f < IMPACT_N_FIELDS; f++)
    g.allowed[f] = impact_field_is_for_target (f, target);

  for (guint c = 0; c < g.n_columns; c++)
    {
      const ImpactCell *cell = impact_row_get_cell (header, c);

      profile_column (&g.profiles[c], rows, c);
      if (cell->type == IMPACT_CELL_TEXT)
        {
          g.n_candidates[c] = impact_header_score_fields (cell->text, g.allowed, g.candidates[c], MAX_CANDIDATES);
          /* A name for another kind of file ("Divisienaam" in purchases) is shown as such. */
          if (g.n_candidates[c] == 0)
            match_of (&g, c)->suggested = impact_header_best_field (cell->text, NULL, NULL);
        }
    }

  assign_pair (&g, IMPACT_FIELD_DIVISION, IMPACT_FIELD_DIVISION_NAME);
  assign_pair (&g, IMPACT_FIELD_OBJECT, IMPACT_FIELD_OBJECT_NAME);
  assign_pair (&g, IMPACT_FIELD_SUPPLIER_ERP_ID, IMPACT_FIELD_SUPPLIER_NAME);
  assign_by_names (&g);

  if (target == IMPACT_IMPORT_PURCHASES)
    {
      /* Values that can only be dates beat a name whose values are not. */
      assign_by_values (&g, IMPACT_FIELD_INVOICE_DATE, IMPACT_FIELD_POSTING_DATE);
      assign_by_values (&g, IMPACT_FIELD_AMOUNT, IMPACT_FIELD_AMOUNT_INCL);
      assign_disagreeing (&g, IMPACT_FIELD_INVOICE_DATE, IMPACT_FIELD_POSTING_DATE);
      assign_disagreeing (&g, IMPACT_FIELD_AMOUNT, IMPACT_FIELD_AMOUNT_INCL);
    }
  assign_by_values (&g, IMPACT_FIELD_SUPPLIER_KVK, IMPACT_FIELD_IGNORE);
  assign_by_values (&g, IMPACT_FIELD_SUPPLIER_VAT_ID, IMPACT_FIELD_IGNORE);

  g_free (g.profiles);
  g_free (g.candidates);
  g_free (g.n_candidates);
  g_free (g.field_score);
  g_free (g.settled);

  return g.mapping;
}

/* How many cells of a row are column names: the header row scores highest. */
guint
impact_header_score (const ImpactRow *row)
{
  guint score = 0;

  for (guint i = 0; i < row->cells->len; i++)
    {
      const ImpactCell *cell = impact_row_get_cell (row, i);

      if (cell->type == IMPACT_CELL_TEXT && impact_header_best_field (cell->text, NULL, NULL) != IMPACT_FIELD_IGNORE)
        score++;
    }

  return score;
}
