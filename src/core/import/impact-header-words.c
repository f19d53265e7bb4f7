/* impact-header-words.c: what a column name means, word by word, in Dutch and English
 *
 * ERP exports name the same column in many ways: "Factuurdatum", "Invoice date",
 * "invoice_date", "InvoiceDate", "Datum factuur". A name is split into words (at spaces and
 * punctuation, snake_case and camelCase, and Dutch compounds such as "leveranciers|naam"),
 * each word is read as a concept ("nr", "no", "nummer", "number" and "code" are all an
 * identifier), and the concepts are scored against each field's patterns. Words that say
 * nothing ("de", "the", "EUR", "label") are dropped; any other word the pattern does not
 * explain counts against it, so that "Supplier name" is the supplier's name and not its
 * number, and "Bedrag incl. btw" is not the amount excluding VAT.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "impact-header-words"

#include "config.h"

#include <string.h>

#include "impact-header-words.h"

typedef enum
{
  W_NOISE = 0,
  W_DATE,
  W_INVOICE,
  W_POSTING,
  W_PAYMENT,
  W_SUPPLIER,
  W_NAME,
  W_KVK,
  W_VAT,
  W_ID,
  W_AMOUNT,
  W_VALUE,
  W_NET,
  W_GROSS,
  W_CREDIT,
  W_DEBIT,
  W_CURRENCY,
  W_DIVISION,
  W_COST,
  W_CENTRE,
  W_OBJECT,
  W_CONTRACT,
  W_SITE,
  W_GL,
  W_ACCOUNT,
  W_CATEGORY,
  W_DESCRIPTION,
  W_STATUS,
  W_CERTIFICATE,
  W_KIND,
  W_VALID,
  W_FROM,
  W_UNTIL,
  W_START,
  W_END,
  W_ISSUE,
  W_ISSUER,
  W_EVIDENCE,
  W_NOTE,
  W_CLIENT,
  W_TURNOVER,
  W_FTE,
  W_DIRECT,
  W_SHARE,
  W_SROI,
  W_SOCIAL,
  W_RETURN,
  W_PERCENT,
  W_CAP,
  W_RULE,
  N_WORDS
} Word;

#define B(w) (G_GUINT64_CONSTANT (1) << (w))

/* Words as exports write them, lower case and without accents. */
static const struct
{
  const char *text;
  Word word;
} vocabulary[] = {
  { "datum", W_DATE },
  { "date", W_DATE },
  { "dt", W_DATE },
  { "dag", W_DATE },
  { "day", W_DATE },
  { "dated", W_DATE },
  { "factuur", W_INVOICE },
  { "facturen", W_INVOICE },
  { "invoice", W_INVOICE },
  { "inv", W_INVOICE },
  { "document", W_INVOICE },
  { "doc", W_INVOICE },
  { "boekstuk", W_INVOICE },
  { "bill", W_INVOICE },
  { "voucher", W_INVOICE },
  { "transaction", W_INVOICE },
  { "transactie", W_INVOICE },
  { "boek", W_POSTING },
  { "boeking", W_POSTING },
  { "boekings", W_POSTING },
  { "booking", W_POSTING },
  { "posting", W_POSTING },
  { "posted", W_POSTING },
  { "journaal", W_POSTING },
  { "journal", W_POSTING },
  { "betaal", W_PAYMENT },
  { "betaling", W_PAYMENT },
  { "betaald", W_PAYMENT },
  { "payment", W_PAYMENT },
  { "paid", W_PAYMENT },
  { "pay", W_PAYMENT },
  { "leverancier", W_SUPPLIER },
  { "leveranciers", W_SUPPLIER },
  { "supplier", W_SUPPLIER },
  { "suppliers", W_SUPPLIER },
  { "vendor", W_SUPPLIER },
  { "crediteur", W_SUPPLIER },
  { "crediteuren", W_SUPPLIER },
  { "creditor", W_SUPPLIER },
  { "relatie", W_SUPPLIER },
  { "payee", W_SUPPLIER },
  { "beneficiary", W_SUPPLIER },
  { "merchant", W_SUPPLIER },
  { "naam", W_NAME },
  { "name", W_NAME },
  { "benaming", W_NAME },
  { "kvk", W_KVK },
  { "coc", W_KVK },
  { "chamber", W_KVK },
  { "commerce", W_KVK },
  { "kamer", W_KVK },
  { "koophandel", W_KVK },
  { "btw", W_VAT },
  { "vat", W_VAT },
  { "tax", W_VAT },
  { "omzetbelasting", W_VAT },
  { "tva", W_VAT },
  { "nr", W_ID },
  { "no", W_ID },
  { "nummer", W_ID },
  { "number", W_ID },
  { "num", W_ID },
  { "nbr", W_ID },
  { "code", W_ID },
  { "id", W_ID },
  { "identificatie", W_ID },
  { "identificatienummer", W_ID },
  { "bedrag", W_AMOUNT },
  { "bedragen", W_AMOUNT },
  { "amount", W_AMOUNT },
  { "amt", W_AMOUNT },
  { "spend", W_AMOUNT },
  { "uitgaven", W_AMOUNT },
  { "total", W_AMOUNT },
  { "totaal", W_AMOUNT },
  { "sum", W_AMOUNT },
  { "som", W_AMOUNT },
  { "price", W_AMOUNT },
  { "prijs", W_AMOUNT },
  { "waarde", W_VALUE },
  { "value", W_VALUE },
  { "excl", W_NET },
  { "exclusief", W_NET },
  { "exclusive", W_NET },
  { "excluding", W_NET },
  { "ex", W_NET },
  { "net", W_NET },
  { "netto", W_NET },
  { "nett", W_NET },
  { "incl", W_GROSS },
  { "inclusief", W_GROSS },
  { "inclusive", W_GROSS },
  { "including", W_GROSS },
  { "gross", W_GROSS },
  { "bruto", W_GROSS },
  { "credit", W_CREDIT },
  { "cr", W_CREDIT },
  { "c", W_CREDIT },
  { "debet", W_DEBIT },
  { "debit", W_DEBIT },
  { "db", W_DEBIT },
  { "d", W_DEBIT },
  { "valuta", W_CURRENCY },
  { "currency", W_CURRENCY },
  { "munt", W_CURRENCY },
  { "ccy", W_CURRENCY },
  { "cur", W_CURRENCY },
  { "divisie", W_DIVISION },
  { "division", W_DIVISION },
  { "bedrijf", W_DIVISION },
  { "bedrijfs", W_DIVISION },
  { "company", W_DIVISION },
  { "werkmaatschappij", W_DIVISION },
  { "administratie", W_DIVISION },
  { "entiteit", W_DIVISION },
  { "entity", W_DIVISION },
  { "bu", W_DIVISION },
  { "business", W_DIVISION },
  { "department", W_DIVISION },
  { "afdeling", W_DIVISION },
  { "directorate", W_DIVISION },
  { "service", W_DIVISION },
  { "organisatie", W_DIVISION },
  { "organisation", W_DIVISION },
  { "organization", W_DIVISION },
  { "kosten", W_COST },
  { "cost", W_COST },
  { "costs", W_COST },
  { "plaats", W_CENTRE },
  { "centre", W_CENTRE },
  { "center", W_CENTRE },
  { "object", W_OBJECT },
  { "objecten", W_OBJECT },
  { "project", W_OBJECT },
  { "opdracht", W_OBJECT },
  { "contract", W_CONTRACT },
  { "contracten", W_CONTRACT },
  { "overeenkomst", W_CONTRACT },
  { "site", W_SITE },
  { "locatie", W_SITE },
  { "location", W_SITE },
  { "vestiging", W_SITE },
  { "grootboek", W_GL },
  { "gl", W_GL },
  { "ledger", W_GL },
  { "rekening", W_ACCOUNT },
  { "account", W_ACCOUNT },
  { "categorie", W_CATEGORY },
  { "category", W_CATEGORY },
  { "kostensoort", W_CATEGORY },
  { "productgroep", W_CATEGORY },
  { "group", W_CATEGORY },
  { "groep", W_CATEGORY },
  { "omschrijving", W_DESCRIPTION },
  { "description", W_DESCRIPTION },
  { "toelichting", W_DESCRIPTION },
  { "memo", W_DESCRIPTION },
  { "tekst", W_DESCRIPTION },
  { "text", W_DESCRIPTION },
  { "details", W_DESCRIPTION },
  { "detail", W_DESCRIPTION },
  { "purpose", W_DESCRIPTION },
  { "narrative", W_DESCRIPTION },
  { "status", W_STATUS },
  { "keurmerk", W_STATUS },
  { "trede", W_STATUS },
  { "level", W_STATUS },
  { "certificaat", W_CERTIFICATE },
  { "certificate", W_CERTIFICATE },
  { "cert", W_CERTIFICATE },
  { "certificering", W_CERTIFICATE },
  { "certification", W_CERTIFICATE },
  { "certifying", W_ISSUER },
  { "certificerende", W_ISSUER },
  { "soort", W_KIND },
  { "type", W_KIND },
  { "kind", W_KIND },
  { "sort", W_KIND },
  { "geldig", W_VALID },
  { "valid", W_VALID },
  { "validity", W_VALID },
  { "geldigheid", W_VALID },
  { "vanaf", W_FROM },
  { "van", W_FROM },
  { "from", W_FROM },
  { "tot", W_UNTIL },
  { "until", W_UNTIL },
  { "to", W_UNTIL },
  { "till", W_UNTIL },
  { "tm", W_UNTIL },
  { "verval", W_UNTIL },
  { "verloop", W_UNTIL },
  { "expiry", W_UNTIL },
  { "expires", W_UNTIL },
  { "expiration", W_UNTIL },
  { "start", W_START },
  { "begin", W_START },
  { "ingang", W_START },
  { "ingangs", W_START },
  { "aanvang", W_START },
  { "starts", W_START },
  { "end", W_END },
  { "eind", W_END },
  { "einde", W_END },
  { "ends", W_END },
  { "afloop", W_END },
  { "afgifte", W_ISSUE },
  { "issue", W_ISSUE },
  { "issued", W_ISSUE },
  { "uitgever", W_ISSUER },
  { "instelling", W_ISSUER },
  { "issuer", W_ISSUER },
  { "by", W_ISSUER },
  { "bewijs", W_EVIDENCE },
  { "evidence", W_EVIDENCE },
  { "referentie", W_EVIDENCE },
  { "reference", W_EVIDENCE },
  { "ref", W_EVIDENCE },
  { "opmerking", W_NOTE },
  { "opmerkingen", W_NOTE },
  { "notitie", W_NOTE },
  { "note", W_NOTE },
  { "notes", W_NOTE },
  { "remark", W_NOTE },
  { "remarks", W_NOTE },
  { "comment", W_NOTE },
  { "comments", W_NOTE },
  { "opdrachtgever", W_CLIENT },
  { "klant", W_CLIENT },
  { "client", W_CLIENT },
  { "customer", W_CLIENT },
  { "afnemer", W_CLIENT },
  { "omzet", W_TURNOVER },
  { "jaaromzet", W_TURNOVER },
  { "turnover", W_TURNOVER },
  { "revenue", W_TURNOVER },
  { "fte", W_FTE },
  { "direct", W_DIRECT },
  { "directe", W_DIRECT },
  { "score", W_SHARE },
  { "bijdrage", W_SHARE },
  { "contribution", W_SHARE },
  { "share", W_SHARE },
  { "aandeel", W_SHARE },
  { "sroi", W_SROI },
  { "social", W_SOCIAL },
  { "sociaal", W_SOCIAL },
  { "return", W_RETURN },
  { "percentage", W_PERCENT },
  { "percent", W_PERCENT },
  { "pct", W_PERCENT },
  { "procent", W_PERCENT },
  { "%", W_PERCENT },
  { "cap", W_CAP },
  { "maximum", W_CAP },
  { "max", W_CAP },
  { "plafond", W_CAP },
  { "maximaal", W_CAP },
  { "regels", W_RULE },
  { "regeling", W_RULE },
  { "regelset", W_RULE },
  { "rules", W_RULE },
  { "rule", W_RULE },
  { "ruleset", W_RULE },
  /* Words that say nothing about the field. */
  { "de", W_NOISE },
  { "het", W_NOISE },
  { "een", W_NOISE },
  { "the", W_NOISE },
  { "a", W_NOISE },
  { "of", W_NOISE },
  { "in", W_NOISE },
  { "eur", W_NOISE },
  { "euro", W_NOISE },
  { "euros", W_NOISE },
  { "label", W_NOISE },
  { "area", W_NOISE },
  { "line", W_NOISE },
  { "regel", W_NOISE },
  { "set", W_NOISE },
  { "general", W_NOISE },
  { "inkoop", W_NOISE },
  { "purchase", W_NOISE },
  { "purchasing", W_NOISE },
  { "procurement", W_NOISE },
  { "expense", W_NOISE },
  { "expenditure", W_NOISE },
  { "unit", W_NOISE },
  { "body", W_NOISE },
  { "product", W_NOISE },
  { "s", W_NOISE },
};

/* Each field's patterns: the concepts a name must have, all of them. */
#define MAX_PATTERNS 8
static const guint64 patterns[IMPACT_N_FIELDS][MAX_PATTERNS] = {
  [IMPACT_FIELD_INVOICE_DATE] = { B (W_DATE), B (W_INVOICE) | B (W_DATE) },
  [IMPACT_FIELD_POSTING_DATE] = { B (W_POSTING) | B (W_DATE), B (W_PAYMENT) | B (W_DATE) },
  [IMPACT_FIELD_INVOICE_NUMBER] = { B (W_INVOICE), B (W_INVOICE) | B (W_ID) },
  [IMPACT_FIELD_SUPPLIER_NAME] = { B (W_SUPPLIER), B (W_SUPPLIER) | B (W_NAME) },
  [IMPACT_FIELD_SUPPLIER_KVK] = { B (W_KVK), B (W_KVK) | B (W_ID), B (W_SUPPLIER) | B (W_KVK),
                                  B (W_SUPPLIER) | B (W_KVK) | B (W_ID) },
  [IMPACT_FIELD_SUPPLIER_VAT_ID] = { B (W_VAT) | B (W_ID), B (W_SUPPLIER) | B (W_VAT) | B (W_ID) },
  [IMPACT_FIELD_SUPPLIER_ERP_ID] = { B (W_SUPPLIER) | B (W_ID) },
  [IMPACT_FIELD_AMOUNT] = { B (W_AMOUNT), B (W_VALUE), B (W_COST), B (W_AMOUNT) | B (W_NET), B (W_NET),
                            B (W_NET) | B (W_VAT), B (W_AMOUNT) | B (W_NET) | B (W_VAT), B (W_VALUE) | B (W_NET) | B (W_VAT) },
  [IMPACT_FIELD_VAT] = { B (W_VAT), B (W_VAT) | B (W_AMOUNT) },
  [IMPACT_FIELD_AMOUNT_INCL] = { B (W_GROSS), B (W_AMOUNT) | B (W_GROSS), B (W_GROSS) | B (W_VAT),
                                 B (W_AMOUNT) | B (W_GROSS) | B (W_VAT) },
  [IMPACT_FIELD_CREDIT] = { B (W_CREDIT), B (W_CREDIT) | B (W_AMOUNT) },
  [IMPACT_FIELD_DEBIT_CREDIT] = { B (W_DEBIT) | B (W_CREDIT), B (W_DEBIT) | B (W_CREDIT) | B (W_ID) },
  [IMPACT_FIELD_CURRENCY] = { B (W_CURRENCY), B (W_CURRENCY) | B (W_ID) },
  [IMPACT_FIELD_DIVISION] = { B (W_DIVISION), B (W_DIVISION) | B (W_ID) },
  [IMPACT_FIELD_COST_CENTRE] = { B (W_COST) | B (W_CENTRE), B (W_COST) | B (W_CENTRE) | B (W_ID) },
  [IMPACT_FIELD_OBJECT] = { B (W_OBJECT), B (W_OBJECT) | B (W_ID), B (W_CONTRACT), B (W_CONTRACT) | B (W_ID),
                            B (W_SITE) | B (W_ID) },
  [IMPACT_FIELD_GL_ACCOUNT] = { B (W_GL), B (W_GL) | B (W_ACCOUNT), B (W_ACCOUNT), B (W_GL) | B (W_ID),
                                B (W_ACCOUNT) | B (W_ID), B (W_GL) | B (W_ACCOUNT) | B (W_ID) },
  [IMPACT_FIELD_CATEGORY] = { B (W_CATEGORY), B (W_CATEGORY) | B (W_ID), B (W_KIND), B (W_COST) | B (W_KIND) },
  [IMPACT_FIELD_DESCRIPTION] = { B (W_DESCRIPTION) },
  [IMPACT_FIELD_STATUS_KIND] = { B (W_STATUS), B (W_CERTIFICATE), B (W_KIND), B (W_STATUS) | B (W_KIND),
                                 B (W_CERTIFICATE) | B (W_KIND), B (W_SOCIAL) | B (W_STATUS) },
  [IMPACT_FIELD_VALID_FROM] = { B (W_FROM), B (W_VALID) | B (W_FROM), B (W_START), B (W_START) | B (W_DATE),
                                B (W_VALID) | B (W_FROM) | B (W_DATE), B (W_ISSUE), B (W_ISSUE) | B (W_DATE) },
  [IMPACT_FIELD_VALID_UNTIL] = { B (W_UNTIL), B (W_VALID) | B (W_UNTIL), B (W_END), B (W_END) | B (W_DATE),
                                 B (W_UNTIL) | B (W_DATE), B (W_VALID) | B (W_UNTIL) | B (W_DATE) },
  [IMPACT_FIELD_CERTIFYING_BODY] = { B (W_ISSUER), B (W_CERTIFICATE) | B (W_ISSUER), B (W_ISSUE) | B (W_ISSUER) },
  [IMPACT_FIELD_EVIDENCE] = { B (W_EVIDENCE), B (W_CERTIFICATE) | B (W_ID), B (W_EVIDENCE) | B (W_ID) },
  [IMPACT_FIELD_NOTE] = { B (W_NOTE) },
  [IMPACT_FIELD_DIVISION_NAME] = { B (W_DIVISION) | B (W_NAME) },
  [IMPACT_FIELD_OBJECT_NAME] = { B (W_OBJECT) | B (W_NAME), B (W_CONTRACT) | B (W_NAME), B (W_SITE) },
  [IMPACT_FIELD_CLIENT] = { B (W_CLIENT), B (W_CLIENT) | B (W_NAME) },
  [IMPACT_FIELD_CONTRACT_VALUE] = { B (W_VALUE), B (W_CONTRACT) | B (W_VALUE), B (W_CONTRACT) | B (W_AMOUNT),
                                    B (W_CONTRACT) | B (W_VALUE) | B (W_NET) | B (W_VAT), B (W_OBJECT) | B (W_VALUE),
                                    B (W_CONTRACT) | B (W_VALUE) | B (W_NET) },
  [IMPACT_FIELD_CONTRACT_START] = { B (W_START), B (W_START) | B (W_DATE), B (W_CONTRACT) | B (W_START),
                                    B (W_CONTRACT) | B (W_START) | B (W_DATE) },
  [IMPACT_FIELD_CONTRACT_END] = { B (W_END), B (W_END) | B (W_DATE), B (W_CONTRACT) | B (W_END),
                                  B (W_CONTRACT) | B (W_END) | B (W_DATE), B (W_UNTIL) | B (W_DATE) },
  [IMPACT_FIELD_TURNOVER] = { B (W_TURNOVER), B (W_TURNOVER) | B (W_SUPPLIER) },
  [IMPACT_FIELD_FTE] = { B (W_FTE), B (W_FTE) | B (W_SUPPLIER) },
  [IMPACT_FIELD_DIRECT_SHARE] = { B (W_DIRECT), B (W_DIRECT) | B (W_SHARE), B (W_SHARE) },
  [IMPACT_FIELD_SROI_PERCENT] = { B (W_SROI), B (W_SROI) | B (W_PERCENT), B (W_SROI) | B (W_SHARE) },
  [IMPACT_FIELD_SROI_FIXED] = { B (W_SROI) | B (W_AMOUNT), B (W_SROI) | B (W_VALUE),
                                B (W_SROI) | B (W_AMOUNT) | B (W_NET) | B (W_VAT) },
  [IMPACT_FIELD_SROI_CAP] = { B (W_CAP), B (W_SROI) | B (W_CAP), B (W_SROI) | B (W_CAP) | B (W_AMOUNT) },
  [IMPACT_FIELD_SROI_RULE_SET] = { B (W_RULE), B (W_SROI) | B (W_RULE) },
};

static int
lookup_word (const char *text,
             gsize len)
{
  for (guint i = 0; i < G_N_ELEMENTS (vocabulary); i++)
    if (strlen (vocabulary[i].text) == len && strncmp (vocabulary[i].text, text, len) == 0)
      return vocabulary[i].word;

  return -1;
}

/* Splits a Dutch compound ("leveranciersnaam", "factuurdatum", "kvknummer") into words
 * of the vocabulary, the longest first word first; FALSE when it is not made of them. */
static gboolean
split_compound (const char *text,
                gsize len,
                guint depth,
                GArray *words)
{
  int word = lookup_word (text, len);

  if (word >= 0)
    {
      g_array_append_val (words, word);
      return TRUE;
    }
  if (depth == 3)
    return FALSE;

  for (gsize i = len - 2; i >= 2 && i < len; i--)
    {
      guint before = words->len;

      if (lookup_word (text, i) < 0)
        continue;
      if (split_compound (text, i, depth + 1, words) && split_compound (text + i, len - i, depth + 1, words))
        return TRUE;
      g_array_set_size (words, before);
    }

  return FALSE;
}

static int lookup_word (const char *text, gsize len);
static gboolean split_compound (const char *text, gsize len, guint depth, GArray *words);

/* Adds the words of a run of letters and digits: as it is when the vocabulary has it
 * ("KvK", "Factuurdatum"), else split at its capitals ("InvoiceDate", "VATNumber"). */
static void
add_run (GPtrArray *tokens,
         const char *run,
         gsize len)
{
  g_autofree char *lower = g_ascii_strdown (run, len);
  g_autoptr (GArray) words = g_array_new (FALSE, FALSE, sizeof (int));
  gsize start = 0;

  if (split_compound (lower, len, 0, words))
    {
      g_ptr_array_add (tokens, g_steal_pointer (&lower));
      return;
    }

  for (gsize i = 1; i <= len; i++)
    {
      gboolean boundary = i == len
                          || (g_ascii_isupper (run[i])
                              && (g_ascii_islower (run[i - 1])
                                  || (g_ascii_isupper (run[i - 1]) && i + 1 < len && g_ascii_islower (run[i + 1]))));

      if (boundary)
        {
          g_ptr_array_add (tokens, g_ascii_strdown (run + start, i - start));
          start = i;
        }
    }
}

/* The words of a name: "InvoiceDate (EUR)", "invoice_date" and "Invoice date" all give
 * "invoice date"; a percent sign is a word of its own, and "t/m" (tot en met) one word. */
static GPtrArray *
split_header (const char *header)
{
  g_autofree char *ascii = g_str_to_ascii (header, "C");
  GPtrArray *tokens = g_ptr_array_new_with_free_func (g_free);
  const char *p = ascii;

  while (*p != '\0')
    {
      gsize len = 0;

      while (g_ascii_isalnum (p[len]))
        len++;
      if (len == 1 && g_ascii_tolower (p[0]) == 't' && p[1] == '/' && g_ascii_tolower (p[2]) == 'm'
          && !g_ascii_isalnum (p[3]))
        {
          g_ptr_array_add (tokens, g_strdup ("tm"));
          p += 3;
          continue;
        }
      if (len > 0)
        {
          add_run (tokens, p, len);
          p += len;
          continue;
        }
      if (*p == '%')
        g_ptr_array_add (tokens, g_strdup ("%"));
      p++;
    }

  return tokens;
}

/* The concepts of a name, and how many of its words are not in the vocabulary. */
static guint64
header_concepts (const char *header,
                 guint *unknown,
                 GString *described)
{
  g_autoptr (GPtrArray) tokens = split_header (header);
  g_autoptr (GArray) words = g_array_new (FALSE, FALSE, sizeof (int));
  guint64 mask = 0;

  *unknown = 0;
  for (guint i = 0; i < tokens->len; i++)
    {
      const char *token = g_ptr_array_index (tokens, i);

      g_array_set_size (words, 0);
      if (!split_compound (token, strlen (token), 0, words))
        {
          (*unknown)++;
          if (described != NULL)
            g_string_append_printf (described, "%s?%s", described->len > 0 ? " " : "", token);
          continue;
        }
      for (guint w = 0; w < words->len; w++)
        {
          int word = g_array_index (words, int, w);

          if (word != W_NOISE)
            mask |= B (word);
        }
      if (described != NULL)
        g_string_append_printf (described, "%s%s", described->len > 0 ? " " : "", token);
    }

  /* "Social return" is SROI. */
  if ((mask & (B (W_SOCIAL) | B (W_RETURN))) == (B (W_SOCIAL) | B (W_RETURN)))
    mask = (mask & ~(B (W_SOCIAL) | B (W_RETURN))) | B (W_SROI);

  return mask;
}

/* The name as the scorer reads it, word by word, for tests and messages: "Leveranciersnaam"
 * gives "leveranciersnaam", "supplier_kvk" gives "supplier kvk"; an unknown word has a "?". */
char *
impact_header_words (const char *header)
{
  GString *described = g_string_new (NULL);
  guint unknown;

  g_return_val_if_fail (header != NULL, NULL);

  header_concepts (header, &unknown, described);
  return g_string_free (described, FALSE);
}

static int
score_pattern (guint64 pattern,
               guint64 mask,
               guint unknown)
{
  if (pattern == 0 || (pattern & mask) != pattern)
    return 0;

  return 10 * __builtin_popcountll (pattern) - 4 * (__builtin_popcountll (mask & ~pattern) + (int) unknown);
}

static int
compare_scores (gconstpointer a,
                gconstpointer b)
{
  const ImpactFieldScore *x = a, *y = b;

  if (x->score != y->score)
    return y->score - x->score;

  return (int) x->field - (int) y->field;
}

/* Every field (of those @allowed, or all when NULL) that the name fits, best first; returns
 * how many were written to @scores. */
guint
impact_header_score_fields (const char *header,
                            const gboolean *allowed,
                            ImpactFieldScore *scores,
                            guint max_scores)
{
  g_autoptr (GArray) found = g_array_new (FALSE, FALSE, sizeof (ImpactFieldScore));
  guint unknown;
  guint64 mask;
  guint n;

  g_return_val_if_fail (scores != NULL || max_scores == 0, 0);

  if (header == NULL)
    return 0;
  mask = header_concepts (header, &unknown, NULL);
  if (mask == 0)
    return 0;

  for (guint f = 1; f < IMPACT_N_FIELDS; f++)
    {
      ImpactFieldScore best = { f, 0 };

      if (allowed != NULL && !allowed[f])
        continue;
      for (guint p = 0; p < MAX_PATTERNS; p++)
        best.score = MAX (best.score, score_pattern (patterns[f][p], mask, unknown));
      if (best.score >= IMPACT_HEADER_MIN_SCORE)
        g_array_append_val (found, best);
    }
  g_array_sort (found, compare_scores);

  n = MIN (found->len, max_scores);
  if (n > 0)
    memcpy (scores, found->data, n * sizeof (ImpactFieldScore));
  return n;
}

/* The field a name fits best, or IGNORE. */
ImpactField
impact_header_best_field (const char *header,
                          const gboolean *allowed,
                          int *score)
{
  ImpactFieldScore best = { IMPACT_FIELD_IGNORE, 0 };

  impact_header_score_fields (header, allowed, &best, 1);
  if (score != NULL)
    *score = best.score;

  return best.field;
}
