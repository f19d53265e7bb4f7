/* impact-zip-xml.h: XML parts of a zipped spreadsheet, read safely and as a stream
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gsf/gsf.h>
#include <libxml/xmlreader.h>
#include <string.h>

G_BEGIN_DECLS

/* No part of a spreadsheet may unpack to more than this: a zip bomb stops here. */
#define IMPACT_ZIP_MAX_PART_BYTES (G_GINT64_CONSTANT (512) * 1024 * 1024)

typedef struct _ImpactXmlPart ImpactXmlPart;

/* An attribute of an element handed to a handler: its local name and value, ended. */
typedef struct
{
  const char *name;
  const char *value;
} ImpactXmlAttribute;

/* What a reader does with each element, end of one and piece of text, as they are parsed.
 * Names are local names; attributes and texts are valid during the call only; a text may
 * come in several pieces. */
typedef struct
{
  void (*start) (gpointer                  data,
                 const char               *name,
                 const ImpactXmlAttribute *attributes,
                 guint                     n_attributes);
  void (*end)   (gpointer                  data,
                 const char               *name);
  void (*text)  (gpointer                  data,
                 const char               *text,
                 gsize                     length);
} ImpactXmlHandler;

GsfInfile     *impact_zip_open           (const char      *path,
                                          GError         **error);
GsfInfile     *impact_zip_open_bytes     (GBytes          *bytes,
                                          const char      *name,
                                          GError         **error);
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
const char    *impact_xml_attribute_find (const ImpactXmlAttribute *attributes,
                                          guint            n_attributes,
                                          const char      *local_name);

/* Whether an element or attribute is @wanted. A handler compares names for every element
 * of a sheet, and most of them differ in their first letter. */
static inline gboolean
impact_xml_name_is (const char *name,
                    const char *wanted)
{
  return name[0] == wanted[0] && strcmp (name, wanted) == 0;
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ImpactXmlPart, impact_xml_part_free)

/* libgsf 1.14 declares no cleanup functions of its own. */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GsfInput, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GsfInfile, g_object_unref)

G_END_DECLS
