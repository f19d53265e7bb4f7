/* impact-xml-text.c: the characters, references and names of XML, checked and decoded
 *
 * What the scanner (impact-xml-scanner.c) needs of the XML specification beyond its tags:
 * which characters a document may hold, the five named and the numeric character
 * references, and what a name with an optional prefix may look like.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "impact-xml-scanner"

#include "config.h"

#include <string.h>

#include "impact-xml-text.h"

static inline gboolean
is_xml_space (char c)
{
  return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

/* How much of @text is valid UTF-8 of characters XML allows (no control characters but
 * tab and line ends, no U+FFFE or U+FFFF); @bad says whether it stops at a character that
 * is not, rather than at one that is not complete yet. Eight bytes are checked at a time
 * while they are all printable ASCII, as nearly all of a sheet is. */
gsize
impact_xml_text_check (const char *text,
                       gsize length,
                       gboolean *bad)
{
  gsize i = 0;

  *bad = FALSE;
  while (i < length)
    {
      guchar c;
      gunichar u;

      if (i + 8 <= length)
        {
          guint64 word;

          memcpy (&word, text + i, 8);
          /* No byte of 0x80 or more, none under 0x20. */
          if (((word | ((word - G_GUINT64_CONSTANT (0x2020202020202020)) & ~word))
               & G_GUINT64_CONSTANT (0x8080808080808080))
              == 0)
            {
              i += 8;
              continue;
            }
        }
      c = text[i];
      if (c < 0x80)
        {
          if (c < 0x20 && c != '\t' && c != '\n' && c != '\r')
            {
              *bad = TRUE;
              return i;
            }
          i++;
          continue;
        }
      u = g_utf8_get_char_validated (text + i, length - i);
      if (u == (gunichar) -2)
        return i;
      if (u == (gunichar) -1 || u == 0xFFFE || u == 0xFFFF)
        {
          *bad = TRUE;
          return i;
        }
      i += g_utf8_skip[c];
    }

  return i;
}

static gboolean
is_xml_character (gunichar c)
{
  return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD)
         || (c >= 0x10000 && c <= 0x10FFFF);
}

/* The entity or character reference at @text (after its "&") decoded into @out; the
 * length it took up to and with its ";", or 0 when it is none XML knows. */
static gsize
decode_reference (const char *text,
                  gsize length,
                  char **out)
{
  static const struct
  {
    const char *name;
    gsize length;
    char value;
  } entities[] = { { "lt;", 3, '<' }, { "gt;", 3, '>' }, { "amp;", 4, '&' }, { "apos;", 5, '\'' }, { "quot;", 5, '"' } };
  const char *end = memchr (text, ';', MIN (length, 32));
  gsize n;

  if (end == NULL)
    return 0;
  n = end - text + 1;

  if (text[0] == '#')
    {
      gboolean hex = n > 2 && text[1] == 'x';
      guint32 c = 0;
      gsize digits = 0;

      for (gsize i = hex ? 2 : 1; i + 1 < n; i++, digits++)
        {
          int d = hex ? g_ascii_xdigit_value (text[i]) : g_ascii_digit_value (text[i]);

          if (d < 0)
            return 0;
          c = c * (hex ? 16 : 10) + d;
          if (c > 0x10FFFF)
            return 0;
        }
      if (digits == 0 || !is_xml_character (c))
        return 0;
      *out += g_unichar_to_utf8 (c, *out);
      return n;
    }

  for (guint e = 0; e < G_N_ELEMENTS (entities); e++)
    if (n == entities[e].length && memcmp (text, entities[e].name, n) == 0)
      {
        *(*out)++ = entities[e].value;
        return n;
      }

  return 0;
}

/* @text with its references decoded and its line ends made "\n" (in an attribute, white
 * space made a space) to @out, which has room for @length bytes: nothing decoded is longer
 * than what it was. Returns where the copy ends, or NULL when a reference is not one. */
char *
impact_xml_text_decode (const char *text,
                        gsize length,
                        gboolean attribute,
                        char *out)
{
  for (gsize i = 0; i < length; i++)
    {
      char c = text[i];

      if (c == '&')
        {
          gsize n = decode_reference (text + i + 1, length - i - 1, &out);

          if (n == 0)
            return NULL;
          i += n;
        }
      else if (c == '\r')
        {
          if (i + 1 < length && text[i + 1] == '\n')
            i++;
          *out++ = attribute ? ' ' : '\n';
        }
      else if (attribute && (c == '\n' || c == '\t'))
        *out++ = ' ';
      else
        *out++ = c;
    }

  return out;
}

/* Whether @name is one, given where its colon is, if it has one: not empty, no empty
 * prefix or local name, no digit or the like first. */
gboolean
impact_xml_name_valid (const char *name,
                       gsize length,
                       const char *colon)
{
  if (length == 0 || colon == name || (colon != NULL && colon == name + length - 1))
    return FALSE;

  return !(g_ascii_isdigit (name[0]) || name[0] == '-' || name[0] == '.');
}

/* Whether @data, the start of a document (@last when there is no more), is UTF-8 as far as
 * its byte order mark and declaration say: IMPACT_XML_SCAN_OK when it is or more is needed
 * to tell, with @skip set past a byte order mark and @decided when the prolog may begin. */
ImpactXmlScanResult
impact_xml_text_check_declaration (const char *data,
                                   gsize data_length,
                                   gboolean last,
                                   gsize *skip,
                                   gboolean *decided)
{
  const guchar *start = (const guchar *) data;
  const char *text, *end, *encoding;
  gsize length;

  *skip = 0;
  *decided = FALSE;
  if (data_length < 4 && !last)
    return IMPACT_XML_SCAN_OK;
  if (data_length >= 2
      && ((start[0] == 0xFE && start[1] == 0xFF) || (start[0] == 0xFF && start[1] == 0xFE) || start[0] == 0
          || start[1] == 0))
    return IMPACT_XML_SCAN_UNSUPPORTED;
  if (data_length >= 3 && start[0] == 0xEF && start[1] == 0xBB && start[2] == 0xBF)
    *skip = 3;

  text = data + *skip;
  length = data_length - *skip;
  /* What came so far may be the start of a declaration. */
  if (length < 6 && !last && memcmp (text, "<?xml", MIN (length, 5)) == 0)
    return IMPACT_XML_SCAN_OK;
  if (length < 6 || memcmp (text, "<?xml", 5) != 0 || !is_xml_space (text[5]))
    {
      *decided = TRUE;
      return IMPACT_XML_SCAN_OK;
    }
  /* g_strstr_len() stops at a NUL, which no declaration has. */
  end = g_strstr_len (text + 5, length - 5, "?>");
  if (end == NULL)
    return last || memchr (text, '\0', length) != NULL ? IMPACT_XML_SCAN_MALFORMED : IMPACT_XML_SCAN_OK;
  *decided = TRUE;

  encoding = g_strstr_len (text + 5, (end - text) - 5, "encoding");
  if (encoding != NULL)
    {
      const char *value = encoding + 8;

      while (value < end && (is_xml_space (*value) || *value == '='))
        value++;
      if (value < end && (*value == '"' || *value == '\''))
        value++;
      if (!(end - value >= 6 && g_ascii_strncasecmp (value, "UTF-8", 5) == 0 && (value[5] == '"' || value[5] == '\'')))
        return IMPACT_XML_SCAN_UNSUPPORTED;
    }

  return IMPACT_XML_SCAN_OK;
}
