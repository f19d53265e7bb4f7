/* impact-xml-text.h: the characters, references and names of XML, checked and decoded
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

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

gsize    impact_xml_text_check  (const char *text,
                                 gsize       length,
                                 gboolean   *bad);
char    *impact_xml_text_decode (const char *text,
                                 gsize       length,
                                 gboolean    attribute,
                                 char       *out);
gboolean impact_xml_name_valid  (const char *name,
                                 gsize       length,
                                 const char *colon);
ImpactXmlScanResult impact_xml_text_check_declaration (const char *data,
                                                       gsize       data_length,
                                                       gboolean    last,
                                                       gsize      *skip,
                                                       gboolean   *decided);

G_END_DECLS
