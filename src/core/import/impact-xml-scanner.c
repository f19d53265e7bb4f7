/* impact-xml-scanner.c: the XML of a spreadsheet's sheet, scanned fast
 *
 * A sheet is a long, flat run of small elements: 100,000 rows of an XLSX are 20 MB of
 * <row>, <c> and <v>, of an ODS 54 MB. libxml2's SAX2 parser was 65% of the instructions
 * of reading such a sheet (2.1 of 3.25 billion for bench-spreadsheets' XLSX, callgrind),
 * and it was what made a spreadsheet import take more than twice the time of the CSV
 * import of the same rows. This scanner reads the same XML with 0.74 billion instructions
 * where libxml2 takes 1.9 billion (XLSX sheet; ODS content.xml: 1.1 and 2.5 billion, each
 * with handlers that do nothing), and hands the same elements, attributes and texts to
 * the same handlers: tests/fuzz/fuzz-xml-scanner checks that against libxml2 on every
 * input libxml2 reads.
 *
 * It reads UTF-8 only; a sheet in another encoding goes to libxml2 (the scanner says
 * IMPACT_XML_SCAN_UNSUPPORTED before it hands over anything). What it reads is XML 1.0
 * without a document type: elements with attributes (namespace prefixes dropped, namespace
 * declarations left out, as libxml2's SAX2 does), texts with the five predefined entities
 * and character references, CDATA sections, comments and processing instructions (both
 * skipped). Line ends become "\n" and white space in attribute values a space, as XML
 * says; a CDATA section is handed over as it is, as libxml2's push parser does. A
 * document type is refused: entities are declared there, and spreadsheets never have one.
 * Texts and tags may be 10 MB at most, elements nest 4,096 deep at most (libxml2's push
 * parser has no such limit; the fuzz target knows these two). It checks what keeps the data sound (valid UTF-8 of
 * XML characters, element nesting, one root, quoted attributes, known references) and is
 * more lenient than libxml2 on what does not matter for the data (a duplicated attribute,
 * "--" in a comment, a name with characters XML does not allow in names, a namespace
 * prefix that is not declared).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "impact-xml-scanner"

#include "config.h"

#include <string.h>

#include "impact-xml-scanner.h"

#define MAX_BYTES IMPACT_XML_SCAN_MAX_BYTES

typedef enum
{
  STATE_START,
  STATE_PROLOG,
  STATE_CONTENT,
  STATE_EPILOG,
} State;

/* Where an attribute is in the tag being read. */
typedef struct
{
  gsize name;
  gsize name_length;
  gsize value;
  gsize value_length;
  gboolean special;
} Span;

/* A buffer kept from use to use, filled with plain copies. The scanning runs for every
 * element of a sheet: a first version with GString and GArray calls took 1.09 billion
 * instructions for bench-spreadsheets' sheet, this one (with the look-up table of byte
 * classes below, and names kept once, on the stack of open elements) 0.74 billion. */
typedef struct
{
  char *data;
  gsize length;
  gsize size;
} Buffer;

static char *
reserve (Buffer *buffer,
         gsize more)
{
  /* Never NULL, even for nothing: NULL + 0 is undefined. */
  if (buffer->data == NULL || buffer->length + more > buffer->size)
    {
      buffer->size = MAX (MAX (buffer->length + more, 2 * buffer->size), 64);
      buffer->data = g_realloc (buffer->data, buffer->size);
    }

  return buffer->data + buffer->length;
}

/* An open element: where its name and its local name start in the names buffer. */
typedef struct
{
  gsize start;
  gsize local;
} OpenElement;

struct _ImpactXmlScanner
{
  const ImpactXmlHandler *handler;
  gpointer data;
  State state;
  ImpactXmlScanResult failure;
  /* Bytes not scanned yet: an unfinished tag or text waits here for the next piece. The
   * first checked of them are valid UTF-8 of XML characters. */
  Buffer input;
  gsize checked;
  int line;
  /* The names of the open elements, each ended, and where each and its local name start. */
  Buffer open_names;
  OpenElement *open;
  guint n_open;
  guint open_size;
  /* Scratch space: a decoded text, an element's attributes. */
  Buffer text;
  Buffer attribute_text;
  Span *spans;
  guint spans_size;
  ImpactXmlAttribute *attributes;
  guint attributes_size;
};

ImpactXmlScanner *
impact_xml_scanner_new (const ImpactXmlHandler *handler,
                        gpointer data)
{
  ImpactXmlScanner *scanner = g_new0 (ImpactXmlScanner, 1);

  scanner->handler = handler;
  scanner->data = data;
  scanner->line = 1;

  return scanner;
}

void
impact_xml_scanner_free (ImpactXmlScanner *scanner)
{
  if (scanner == NULL)
    return;

  g_free (scanner->input.data);
  g_free (scanner->open_names.data);
  g_free (scanner->open);
  g_free (scanner->text.data);
  g_free (scanner->attribute_text.data);
  g_free (scanner->spans);
  g_free (scanner->attributes);
  g_free (scanner);
}

/* What a byte is to the scanner: white space, the end of a name, a byte a text or an
 * attribute value has to be decoded for. One look-up instead of a row of comparisons. */
enum
{
  SPACE = 1 << 0,
  ENDS_NAME = 1 << 1,
  TEXT_SPECIAL = 1 << 2,
  VALUE_SPECIAL = 1 << 3,
};

static const guint8 classes[256] = {
  [' '] = SPACE | ENDS_NAME,
  ['\t'] = SPACE | ENDS_NAME | VALUE_SPECIAL,
  ['\n'] = SPACE | ENDS_NAME | VALUE_SPECIAL,
  ['\r'] = SPACE | ENDS_NAME | TEXT_SPECIAL | VALUE_SPECIAL,
  ['/'] = ENDS_NAME,
  ['>'] = ENDS_NAME,
  ['='] = ENDS_NAME,
  ['<'] = ENDS_NAME | VALUE_SPECIAL,
  ['&'] = ENDS_NAME | TEXT_SPECIAL | VALUE_SPECIAL,
  ['"'] = ENDS_NAME,
  ['\''] = ENDS_NAME,
  [']'] = TEXT_SPECIAL,
};

static inline gboolean
is_space (char c)
{
  return classes[(guchar) c] & SPACE;
}

/* A character a name may not hold. */
static inline gboolean
ends_name (char c)
{
  return classes[(guchar) c] & ENDS_NAME;
}

/* Hands a text to the handler, decoded when @plain says it needs it. */
static ImpactXmlScanResult
hand_text (ImpactXmlScanner *scanner,
           const char *text,
           gsize length,
           gboolean plain)
{
  char *start, *end;

  if (length == 0)
    return IMPACT_XML_SCAN_OK;
  if (plain)
    {
      scanner->handler->text (scanner->data, text, length);
      return IMPACT_XML_SCAN_OK;
    }

  scanner->text.length = 0;
  start = reserve (&scanner->text, length);
  end = impact_xml_text_decode (text, length, FALSE, start);
  if (end == NULL)
    return IMPACT_XML_SCAN_MALFORMED;
  scanner->handler->text (scanner->data, start, end - start);

  return IMPACT_XML_SCAN_OK;
}

/* Text between tags: only white space outside the root element; no "]]>", which ends a
 * CDATA section. @special says whether it has an "&", "\r" or "]". */
static ImpactXmlScanResult
scan_text (ImpactXmlScanner *scanner,
           const char *text,
           gsize length,
           gboolean special)
{
  if (scanner->state != STATE_CONTENT)
    {
      for (gsize i = 0; i < length; i++)
        if (!is_space (text[i]))
          return IMPACT_XML_SCAN_MALFORMED;
      return IMPACT_XML_SCAN_OK;
    }
  if (special && g_strstr_len (text, length, "]]>") != NULL)
    return IMPACT_XML_SCAN_MALFORMED;

  return hand_text (scanner, text, length, !special);
}

/* The end of the name at @name, and its first colon in @colon. */
static gsize
scan_name (const char *name,
           gsize length,
           const char **colon)
{
  gsize i = 0;

  *colon = NULL;
  for (; i < length && !ends_name (name[i]); i++)
    if (name[i] == ':' && *colon == NULL)
      *colon = name + i;

  return i;
}

/* Reads the attributes of the tag at @tag from @i on, up to its end: their places in the
 * scanner's spans, and the end of the tag in @i. OK with *@complete FALSE when the tag is
 * not all there yet. */
static ImpactXmlScanResult
scan_attributes (ImpactXmlScanner *scanner,
                 const char *tag,
                 gsize length,
                 gsize *i,
                 guint *n_spans,
                 gboolean *empty,
                 gboolean *complete)
{
  gsize at = *i;

  *n_spans = 0;
  *complete = FALSE;
  for (;;)
    {
      gboolean spaced = FALSE;
      Span span;
      const char *quote, *colon;

      while (at < length && is_space (tag[at]))
        at++, spaced = TRUE;
      if (at == length)
        return IMPACT_XML_SCAN_OK;
      if (tag[at] == '>' || tag[at] == '/')
        {
          *empty = tag[at] == '/';
          if (*empty && at + 1 == length)
            return IMPACT_XML_SCAN_OK;
          if (*empty && tag[at + 1] != '>')
            return IMPACT_XML_SCAN_MALFORMED;
          *i = at + (*empty ? 2 : 1);
          *complete = TRUE;
          return IMPACT_XML_SCAN_OK;
        }
      if (!spaced)
        return IMPACT_XML_SCAN_MALFORMED;

      span.name = at;
      span.name_length = scan_name (tag + at, length - at, &colon);
      at += span.name_length;
      while (at < length && is_space (tag[at]))
        at++;
      if (at == length)
        return IMPACT_XML_SCAN_OK;
      if (tag[at] != '=' || !impact_xml_name_valid (tag + span.name, span.name_length, colon))
        return IMPACT_XML_SCAN_MALFORMED;
      at++;
      while (at < length && is_space (tag[at]))
        at++;
      if (at == length)
        return IMPACT_XML_SCAN_OK;
      if (tag[at] != '"' && tag[at] != '\'')
        return IMPACT_XML_SCAN_MALFORMED;
      /* Values are short: a loop finds their end and what needs decoding at once. */
      quote = tag + at;
      span.value = at + 1;
      span.special = FALSE;
      for (at++; at < length && tag[at] != *quote; at++)
        span.special |= classes[(guchar) tag[at]] & VALUE_SPECIAL;
      if (at == length)
        return IMPACT_XML_SCAN_OK;
      span.value_length = at - span.value;
      if (span.special && memchr (tag + span.value, '<', span.value_length) != NULL)
        return IMPACT_XML_SCAN_MALFORMED;
      at++;

      if (*n_spans == scanner->spans_size)
        {
          scanner->spans_size = MAX (8, 2 * scanner->spans_size);
          scanner->spans = g_renew (Span, scanner->spans, scanner->spans_size);
        }
      scanner->spans[(*n_spans)++] = span;
    }
}

/* Opens an element: its name goes on the stack of open names, ended, and its local name
 * (after any prefix) is returned from there. */
static const char *
open_element (ImpactXmlScanner *scanner,
              const char *name,
              gsize length,
              const char *colon)
{
  OpenElement *open;
  char *out;

  if (scanner->n_open == scanner->open_size)
    {
      scanner->open_size = MAX (16, 2 * scanner->open_size);
      scanner->open = g_renew (OpenElement, scanner->open, scanner->open_size);
    }
  open = &scanner->open[scanner->n_open++];
  open->start = scanner->open_names.length;
  open->local = open->start + (colon != NULL ? (gsize) (colon + 1 - name) : 0);
  out = reserve (&scanner->open_names, length + 1);
  memcpy (out, name, length);
  out[length] = '\0';
  scanner->open_names.length += length + 1;

  return scanner->open_names.data + open->local;
}

/* Closes the innermost element, after the handler had its end. */
static void
close_element (ImpactXmlScanner *scanner)
{
  OpenElement *open = &scanner->open[scanner->n_open - 1];

  scanner->handler->end (scanner->data, scanner->open_names.data + open->local);
  scanner->open_names.length = open->start;
  if (--scanner->n_open == 0)
    scanner->state = STATE_EPILOG;
}

/* A start tag at @tag, if it is all there: its length in @used. */
static ImpactXmlScanResult
scan_start_tag (ImpactXmlScanner *scanner,
                const char *tag,
                gsize length,
                gsize *used)
{
  gsize i, name_length, size = 0;
  gboolean empty = FALSE, complete;
  const char *name, *colon;
  char *out;
  guint n_spans, n_attributes = 0;
  ImpactXmlScanResult result;

  name_length = scan_name (tag + 1, length - 1, &colon);
  i = 1 + name_length;
  if (i == length)
    return IMPACT_XML_SCAN_OK;
  if (!impact_xml_name_valid (tag + 1, name_length, colon))
    return IMPACT_XML_SCAN_MALFORMED;
  if (scanner->n_open >= IMPACT_XML_SCAN_MAX_DEPTH)
    return IMPACT_XML_SCAN_TOO_DEEP;
  result = scan_attributes (scanner, tag, length, &i, &n_spans, &empty, &complete);
  if (result != IMPACT_XML_SCAN_OK || !complete)
    return result;

  /* The whole tag is here. Its attributes' names and values go into one buffer, one after
   * another, each ended; namespace declarations are not attributes. */
  for (guint a = 0; a < n_spans; a++)
    size += scanner->spans[a].name_length + scanner->spans[a].value_length + 2;
  if (n_spans > scanner->attributes_size)
    {
      scanner->attributes_size = MAX (n_spans, 2 * scanner->attributes_size);
      scanner->attributes = g_renew (ImpactXmlAttribute, scanner->attributes, scanner->attributes_size);
    }
  scanner->attribute_text.length = 0;
  out = reserve (&scanner->attribute_text, size);
  for (guint a = 0; a < n_spans; a++)
    {
      const Span *span = &scanner->spans[a];
      const char *attribute = tag + span->name;
      const char *attribute_colon = memchr (attribute, ':', span->name_length);
      gsize prefix = attribute_colon != NULL ? (gsize) (attribute_colon + 1 - attribute) : 0;

      if ((span->name_length == 5 || prefix == 6) && memcmp (attribute, "xmlns", 5) == 0)
        continue;
      scanner->attributes[n_attributes].name = out;
      memcpy (out, attribute + prefix, span->name_length - prefix);
      out += span->name_length - prefix;
      *out++ = '\0';
      scanner->attributes[n_attributes++].value = out;
      if (!span->special)
        {
          memcpy (out, tag + span->value, span->value_length);
          out += span->value_length;
        }
      else if ((out = impact_xml_text_decode (tag + span->value, span->value_length, TRUE, out)) == NULL)
        return IMPACT_XML_SCAN_MALFORMED;
      *out++ = '\0';
    }

  *used = i;
  scanner->state = STATE_CONTENT;
  name = open_element (scanner, tag + 1, name_length, colon);
  scanner->handler->start (scanner->data, name, scanner->attributes, n_attributes);
  if (empty)
    close_element (scanner);

  return IMPACT_XML_SCAN_OK;
}

static ImpactXmlScanResult
scan_end_tag (ImpactXmlScanner *scanner,
              const char *tag,
              gsize length,
              gsize *used)
{
  gsize name_length = 0, end;
  const OpenElement *open;

  while (2 + name_length < length && !is_space (tag[2 + name_length]) && tag[2 + name_length] != '>')
    name_length++;
  for (end = 2 + name_length; end < length && tag[end] != '>'; end++)
    if (!is_space (tag[end]))
      return IMPACT_XML_SCAN_MALFORMED;
  if (end == length)
    return IMPACT_XML_SCAN_OK;
  if (scanner->n_open == 0)
    return IMPACT_XML_SCAN_MALFORMED;

  open = &scanner->open[scanner->n_open - 1];
  if (scanner->open_names.length - open->start - 1 != name_length
      || memcmp (scanner->open_names.data + open->start, tag + 2, name_length) != 0)
    return IMPACT_XML_SCAN_MALFORMED;

  *used = end + 1;
  close_element (scanner);

  return IMPACT_XML_SCAN_OK;
}

/* Markup that starts at @tag ("<"), if it is all there: its length in @used, else 0. */
static ImpactXmlScanResult
scan_markup (ImpactXmlScanner *scanner,
             const char *tag,
             gsize length,
             gsize *used)
{
  const char *end;

  *used = 0;
  if (length < 2)
    return IMPACT_XML_SCAN_OK;

  if (tag[1] == '/')
    return scan_end_tag (scanner, tag, length, used);
  if (tag[1] == '?')
    {
      end = g_strstr_len (tag + 2, length - 2, "?>");
      if (end != NULL)
        *used = end - tag + 2;
      return IMPACT_XML_SCAN_OK;
    }
  if (tag[1] != '!')
    {
      if (scanner->state == STATE_EPILOG)
        return IMPACT_XML_SCAN_MALFORMED;
      return scan_start_tag (scanner, tag, length, used);
    }

  if (length >= 4 && memcmp (tag, "<!--", 4) == 0)
    {
      end = g_strstr_len (tag + 4, length - 4, "-->");
      if (end != NULL)
        *used = end - tag + 3;
      return IMPACT_XML_SCAN_OK;
    }
  if (length >= 9 && memcmp (tag, "<![CDATA[", 9) == 0)
    {
      if (scanner->state != STATE_CONTENT)
        return IMPACT_XML_SCAN_MALFORMED;
      end = g_strstr_len (tag + 9, length - 9, "]]>");
      if (end == NULL)
        return IMPACT_XML_SCAN_OK;
      *used = end - tag + 3;
      /* As it is: libxml2's push parser leaves even its line ends as they are. */
      return hand_text (scanner, tag + 9, end - tag - 9, TRUE);
    }
  if (length >= 9 && memcmp (tag, "<!DOCTYPE", 9) == 0)
    return IMPACT_XML_SCAN_DOCTYPE;
  /* Not enough of it yet to tell, or nothing XML has. */
  if (length < 9 && (strncmp (tag, "<!--", MIN (length, 4)) == 0 || strncmp (tag, "<![CDATA[", length) == 0 || strncmp (tag, "<!DOCTYPE", length) == 0))
    return IMPACT_XML_SCAN_OK;

  return IMPACT_XML_SCAN_MALFORMED;
}

/* Whether the document is UTF-8 (impact_xml_text_check_declaration()); the prolog starts
 * once the declaration, if any, is all there. */
static ImpactXmlScanResult
check_encoding (ImpactXmlScanner *scanner,
                gboolean last,
                gsize *skip)
{
  gboolean decided;
  ImpactXmlScanResult result = impact_xml_text_check_declaration (scanner->input.data, scanner->input.length, last, skip,
                                                                  &decided);

  if (decided)
    scanner->state = STATE_PROLOG;
  return result;
}

static void
count_lines (ImpactXmlScanner *scanner,
             gsize upto)
{
  const char *end = scanner->input.data + upto;

  for (const char *p = scanner->input.data; p < end && (p = memchr (p, '\n', end - p)) != NULL; p++)
    scanner->line++;
}

/* Scans what the buffer holds; @last when no more will come. */
static ImpactXmlScanResult
scan (ImpactXmlScanner *scanner,
      gboolean last)
{
  ImpactXmlScanResult result = IMPACT_XML_SCAN_OK;
  gsize at = 0, limit;
  gboolean bad = FALSE;

  if (scanner->failure != IMPACT_XML_SCAN_OK)
    return scanner->failure;
  /* The buffer exists even for an empty document. */
  reserve (&scanner->input, 0);

  if (scanner->state == STATE_START)
    {
      result = check_encoding (scanner, last, &at);
      if (result == IMPACT_XML_SCAN_OK && scanner->state == STATE_START && scanner->input.length > MAX_BYTES)
        result = IMPACT_XML_SCAN_TOO_LARGE;
      if (result != IMPACT_XML_SCAN_OK || scanner->state == STATE_START)
        return scanner->failure = result;
      scanner->checked = at;
    }

  /* Only checked characters are scanned: the scanning stops at a bad one. */
  scanner->checked += impact_xml_text_check (scanner->input.data + scanner->checked,
                                             scanner->input.length - scanner->checked, &bad);
  limit = scanner->checked;
  bad |= last && limit < scanner->input.length;

  while (at < limit)
    {
      const char *here = scanner->input.data + at;
      gsize left = limit - at;
      gsize used = 0;

      if (*here != '<')
        {
          const char *p = here, *end = here + left;
          gboolean special = FALSE;

          /* Texts in a sheet are short: one pass finds their end and what needs decoding. */
          for (; p < end && *p != '<'; p++)
            special |= classes[(guchar) *p] & TEXT_SPECIAL;
          used = p - here;
          if (p == end && !(last && !bad))
            {
              /* White space before or after the root goes as it comes; a text waits for
               * its end. */
              if (scanner->state != STATE_CONTENT)
                {
                  result = scan_text (scanner, here, used, special);
                  at += result == IMPACT_XML_SCAN_OK ? used : 0;
                }
              else if (used > MAX_BYTES)
                result = IMPACT_XML_SCAN_TOO_LARGE;
              break;
            }
          result = used > MAX_BYTES ? IMPACT_XML_SCAN_TOO_LARGE : scan_text (scanner, here, used, special);
        }
      else
        {
          result = scan_markup (scanner, here, left, &used);
          if (result == IMPACT_XML_SCAN_OK && used == 0)
            {
              if (left > MAX_BYTES)
                result = IMPACT_XML_SCAN_TOO_LARGE;
              break;
            }
        }
      if (result != IMPACT_XML_SCAN_OK)
        break;
      at += used;
    }

  count_lines (scanner, at);
  memmove (scanner->input.data, scanner->input.data + at, scanner->input.length - at);
  scanner->input.length -= at;
  scanner->checked -= at;
  if (result == IMPACT_XML_SCAN_OK
      && (bad || (last && (scanner->input.length > 0 || scanner->state != STATE_EPILOG || scanner->n_open > 0))))
    result = IMPACT_XML_SCAN_MALFORMED;

  return scanner->failure = result;
}

/* Scans @n more bytes of the document. Anything but IMPACT_XML_SCAN_OK ends the
 * scanning; IMPACT_XML_SCAN_UNSUPPORTED comes before anything is handed over. */
ImpactXmlScanResult
impact_xml_scanner_feed (ImpactXmlScanner *scanner,
                         const char *chunk,
                         gsize n)
{
  g_return_val_if_fail (scanner != NULL, IMPACT_XML_SCAN_MALFORMED);

  if (scanner->failure != IMPACT_XML_SCAN_OK)
    return scanner->failure;
  memcpy (reserve (&scanner->input, n), chunk, n);
  scanner->input.length += n;

  return scan (scanner, FALSE);
}

/* The document has ended: it must be complete. */
ImpactXmlScanResult
impact_xml_scanner_finish (ImpactXmlScanner *scanner)
{
  g_return_val_if_fail (scanner != NULL, IMPACT_XML_SCAN_MALFORMED);

  return scan (scanner, TRUE);
}

/* What was fed and not scanned yet. After IMPACT_XML_SCAN_UNSUPPORTED that is all that was
 * fed, for libxml2 to read instead. */
const char *
impact_xml_scanner_get_pending (ImpactXmlScanner *scanner,
                                gsize *n)
{
  g_return_val_if_fail (scanner != NULL && n != NULL, NULL);

  *n = scanner->input.length;

  return scanner->input.data;
}

/* The line the scanning got to, for a message about a failure. */
int
impact_xml_scanner_get_line (ImpactXmlScanner *scanner)
{
  g_return_val_if_fail (scanner != NULL, 0);

  return scanner->line;
}
