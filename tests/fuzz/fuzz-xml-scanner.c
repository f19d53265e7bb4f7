/* fuzz-xml-scanner.c: the sheet scanner against libxml2, on the same input
 *
 * Every input libxml2's SAX2 parser reads as well-formed (with the options a spreadsheet
 * part is read with) must give the same elements, attributes and texts from the scanner,
 * fed in pieces of a size the input's first byte picks, so that pieces end anywhere. On
 * input libxml2 refuses, the scanner may refuse it too or read it, but must not crash; it
 * may refuse what goes past its limits (texts, tags, depth).
 * Built as fuzz-xml-scanner with -Dfuzzing=true; otherwise the seed corpus is replayed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <libxml/parser.h>
#include <stdlib.h>
#include <string.h>

#include "import/impact-xml-scanner.h"

int LLVMFuzzerTestOneInput (const guint8 *data,
                            size_t size);

/* What a parser handed over, one line a node; adjacent texts make one. */
typedef struct
{
  GString *log;
  gboolean in_text;
  gboolean doctype;
  xmlParserCtxtPtr parser;
} Log;

static void
log_start (Log *log,
           const char *name)
{
  log->in_text = FALSE;
  g_string_append_printf (log->log, "\n<%s", name);
}

static void
log_attribute (Log *log,
               const char *name,
               const char *value,
               gsize length)
{
  g_string_append_printf (log->log, " %s=\"", name);
  g_string_append_len (log->log, value, length);
  g_string_append_c (log->log, '"');
}

static void
log_end (Log *log,
         const char *name)
{
  log->in_text = FALSE;
  g_string_append_printf (log->log, "\n</%s>", name);
}

static void
log_text (Log *log,
          const char *text,
          gsize length)
{
  if (!log->in_text)
    g_string_append (log->log, "\ntext:");
  log->in_text = TRUE;
  g_string_append_len (log->log, text, length);
}

/* libxml2's side, as impact-zip-xml.c sets it up. */
static void
xml_start (void *data,
           const xmlChar *localname,
           const xmlChar *prefix,
           const xmlChar *uri,
           int n_namespaces,
           const xmlChar **namespaces,
           int n_attributes,
           int n_defaulted,
           const xmlChar **attributes)
{
  Log *log = data;

  log_start (log, (const char *) localname);
  for (int i = 0; i < n_attributes; i++)
    {
      const char *value = (const char *) attributes[5 * i + 3];
      gsize length = attributes[5 * i + 4] - attributes[5 * i + 3];
      g_autoptr (GString) decoded = g_string_new (NULL);

      /* Without entity substitution libxml2 hands over an ampersand as "&#38;". */
      for (gsize j = 0; j < length; j++)
        {
          g_string_append_c (decoded, value[j]);
          if (value[j] == '&' && j + 4 < length && memcmp (value + j + 1, "#38;", 4) == 0)
            j += 4;
        }
      log_attribute (log, (const char *) attributes[5 * i], decoded->str, decoded->len);
    }
}

static void
xml_end (void *data,
         const xmlChar *localname,
         const xmlChar *prefix,
         const xmlChar *uri)
{
  log_end (data, (const char *) localname);
}

static void
xml_text (void *data,
          const xmlChar *text,
          int length)
{
  log_text (data, (const char *) text, length);
}

static void
xml_doctype (void *data,
             const xmlChar *name,
             const xmlChar *external_id,
             const xmlChar *system_id)
{
  Log *log = data;

  /* As impact-zip-xml.c does: nothing after a document type is read. */
  log->doctype = TRUE;
  xmlStopParser (log->parser);
}

static void
xml_error (void *data,
           xmlErrorPtr error)
{
}

/* The scanner's side. */
static void
scan_start (gpointer data,
            const char *name,
            const ImpactXmlAttribute *attributes,
            guint n_attributes)
{
  log_start (data, name);
  for (guint i = 0; i < n_attributes; i++)
    log_attribute (data, attributes[i].name, attributes[i].value, strlen (attributes[i].value));
}

static void
scan_end (gpointer data,
          const char *name)
{
  log_end (data, name);
}

static void
scan_text (gpointer data,
           const char *text,
           gsize length)
{
  log_text (data, text, length);
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t size)
{
  static const ImpactXmlHandler handler = { scan_start, scan_end, scan_text };
  xmlSAXHandler sax = { 0 };
  xmlParserCtxtPtr parser;
  Log xml = { g_string_new (NULL), FALSE, FALSE, NULL };
  Log scanned = { g_string_new (NULL), FALSE, FALSE, NULL };
  g_autoptr (ImpactXmlScanner) scanner = impact_xml_scanner_new (&handler, &scanned);
  ImpactXmlScanResult result = IMPACT_XML_SCAN_OK;
  gboolean well_formed;
  gsize piece;

  if (size < 1)
    return 0;
  piece = 1 + data[0] % 64;
  data++, size--;

  sax.initialized = XML_SAX2_MAGIC;
  sax.startElementNs = xml_start;
  sax.endElementNs = xml_end;
  sax.characters = xml_text;
  sax.cdataBlock = xml_text;
  sax.internalSubset = xml_doctype;
  sax.serror = xml_error;
  parser = xml.parser = xmlCreatePushParserCtxt (&sax, &xml, NULL, 0, "fuzz.xml");
  xmlCtxtUseOptions (parser, XML_PARSE_NONET);
  well_formed = xmlParseChunk (parser, (const char *) data, (int) size, 1) == XML_ERR_OK && parser->wellFormed
                && parser->nsWellFormed && !xml.doctype;
  if (parser->myDoc != NULL)
    xmlFreeDoc (parser->myDoc);
  xmlFreeParserCtxt (parser);

  for (gsize at = 0; at < size && result == IMPACT_XML_SCAN_OK; at += piece)
    result = impact_xml_scanner_feed (scanner, (const char *) data + at, MIN (piece, size - at));
  if (result == IMPACT_XML_SCAN_OK)
    result = impact_xml_scanner_finish (scanner);

  /* Limits libxml2's push parser does not have, or not in the same place. */
  if (well_formed && result != IMPACT_XML_SCAN_UNSUPPORTED && result != IMPACT_XML_SCAN_TOO_LARGE
      && result != IMPACT_XML_SCAN_TOO_DEEP)
    {
      /* abort(), not g_error(): libFuzzer keeps the input of an abort. */
      if (result != IMPACT_XML_SCAN_OK)
        {
          g_printerr ("libxml2 reads the input, the scanner fails (%d) at line %d:\n%s\n", result,
                      impact_xml_scanner_get_line (scanner), xml.log->str);
          abort ();
        }
      if (!g_str_equal (xml.log->str, scanned.log->str))
        {
          g_printerr ("libxml2 and the scanner differ:\n--- libxml2:%s\n--- scanner:%s\n", xml.log->str,
                      scanned.log->str);
          abort ();
        }
    }

  g_string_free (xml.log, TRUE);
  g_string_free (scanned.log, TRUE);

  return 0;
}
