/* impact-xml-scanner.h: the XML of a spreadsheet's sheet, scanned fast
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "impact-zip-xml.h"

G_BEGIN_DECLS

typedef enum
{
  IMPACT_XML_SCAN_OK,
  /* Not UTF-8 (a byte order mark or declaration says another encoding): libxml2 reads it. */
  IMPACT_XML_SCAN_UNSUPPORTED,
  IMPACT_XML_SCAN_MALFORMED,
  IMPACT_XML_SCAN_DOCTYPE,
  /* A text or tag longer than IMPACT_XML_SCAN_MAX_BYTES. */
  IMPACT_XML_SCAN_TOO_LARGE,
  /* Elements nested deeper than IMPACT_XML_SCAN_MAX_DEPTH. */
  IMPACT_XML_SCAN_TOO_DEEP,
} ImpactXmlScanResult;

/* The longest text or tag: libxml2's limit for a text (XML_MAX_TEXT_LENGTH). */
#define IMPACT_XML_SCAN_MAX_BYTES (10 * 1024 * 1024)
/* How deep elements may nest: a part of nothing but "<a>" would otherwise keep millions of
 * open names. A sheet nests a few levels. */
#define IMPACT_XML_SCAN_MAX_DEPTH 4096

typedef struct _ImpactXmlScanner ImpactXmlScanner;

ImpactXmlScanner   *impact_xml_scanner_new      (const ImpactXmlHandler *handler,
                                                 gpointer                data);
void                impact_xml_scanner_free     (ImpactXmlScanner       *scanner);
ImpactXmlScanResult impact_xml_scanner_feed     (ImpactXmlScanner       *scanner,
                                                 const char             *chunk,
                                                 gsize                   n);
ImpactXmlScanResult impact_xml_scanner_finish   (ImpactXmlScanner       *scanner);
const char         *impact_xml_scanner_get_pending (ImpactXmlScanner    *scanner,
                                                 gsize                  *n);
int                 impact_xml_scanner_get_line (ImpactXmlScanner       *scanner);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ImpactXmlScanner, impact_xml_scanner_free)

G_END_DECLS
