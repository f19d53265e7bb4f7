/* impact-zip-xml.h: XML parts of a zipped spreadsheet, read safely and as a stream
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gsf/gsf.h>
#include <libxml/xmlreader.h>

#include "impact-xml-events.h"
#include "impact-zip.h"

G_BEGIN_DECLS

typedef struct _ImpactXmlPart ImpactXmlPart;

ImpactXmlPart *impact_xml_part_open      (GsfInfile       *zip,
                                          const char      *member,
                                          const char      *file_name,
                                          GError         **error);
ImpactXmlPart *impact_xml_part_open_memory (const char  *xml,
                                          gsize            length,
                                          const char      *name,
                                          GError         **error);
void           impact_xml_part_free      (ImpactXmlPart   *part);
gboolean       impact_xml_part_next      (ImpactXmlPart   *part,
                                          GError         **error);
gboolean       impact_xml_part_skip      (ImpactXmlPart   *part,
                                          GError         **error);
gboolean       impact_xml_part_is        (ImpactXmlPart   *part,
                                          int              type,
                                          const char      *local_name);
char          *impact_xml_part_attribute (ImpactXmlPart   *part,
                                          const char      *local_name);
double         impact_xml_part_get_fraction (ImpactXmlPart *part);
void           impact_xml_part_set_handler (ImpactXmlPart *part,
                                          const ImpactXmlHandler *handler,
                                          gpointer         data);
void           impact_xml_part_use_libxml2 (ImpactXmlPart *part);
gboolean       impact_xml_part_feed      (ImpactXmlPart   *part,
                                          GError         **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ImpactXmlPart, impact_xml_part_free)

G_END_DECLS
