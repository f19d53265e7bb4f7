/* impact-xml-scanner.h: the XML of a spreadsheet's sheet, scanned fast
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "impact-xml-events.h"
#include "impact-xml-text.h"

G_BEGIN_DECLS

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
