/* fuzz-xml-scanner.c: the sheet scanner against libxml2, on the same input
 *
 * A sheet is read by the scanner when it is UTF-8 and by libxml2 when it is not
 * (impact-zip-xml.c); both must hand the same elements, attributes and texts to the
 * readers. Every input the part reads with libxml2 must give the same from the scanner,
 * fed in pieces of a size the input's first byte picks, so that pieces end anywhere. On
 * input libxml2 refuses, the scanner may refuse it too or read it, but must not crash; it
 * may refuse what goes past its limits (texts, tags, depth). Built as fuzz-xml-scanner
 * with -Dfuzzing=true; otherwise the seed corpus is replayed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "import/impact-xml-scanner.h"
#include "import/impact-zip-xml.h"

int LLVMFuzzerTestOneInput (const guint8 *data,
                            size_t size);

/* What a parser handed over, one line a node; adjacent texts make one. */
typedef struct
{
  GString *log;
  gboolean in_text;
} Log;

static void
on_start (gpointer data,
          const char *name,
          const ImpactXmlAttribute *attributes,
          guint n_attributes)
{
  Log *log = data;

  log->in_text = FALSE;
  g_string_append_printf (log->log, "\n<%s", name);
  for (guint i = 0; i < n_attributes; i++)
    g_string_append_printf (log->log, " %s=\"%s\"", attributes[i].name, attributes[i].value);
}

static void
on_end (gpointer data,
        const char *name)
{
  Log *log = data;

  log->in_text = FALSE;
  g_string_append_printf (log->log, "\n</%s>", name);
}

static void
on_text (gpointer data,
         const char *text,
         gsize length)
{
  Log *log = data;

  if (!log->in_text)
    g_string_append (log->log, "\ntext:");
  log->in_text = TRUE;
  g_string_append_len (log->log, text, length);
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t size)
{
  static const ImpactXmlHandler handler = { on_start, on_end, on_text };
  Log xml = { g_string_new (NULL), FALSE };
  Log scanned = { g_string_new (NULL), FALSE };
  g_autoptr (ImpactXmlScanner) scanner = impact_xml_scanner_new (&handler, &scanned);
  g_autoptr (ImpactXmlPart) part = NULL;
  g_autoptr (GError) error = NULL;
  ImpactXmlScanResult result = IMPACT_XML_SCAN_OK;
  gboolean well_formed;
  gsize piece;

  if (size < 1)
    return 0;
  piece = 1 + data[0] % 64;
  data++, size--;

  part = impact_xml_part_open_memory ((const char *) data, size, "fuzz.xml", &error);
  g_assert_no_error (error);
  impact_xml_part_set_handler (part, &handler, &xml);
  impact_xml_part_use_libxml2 (part);
  while (impact_xml_part_feed (part, &error))
    ;
  well_formed = error == NULL;

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
