/* impact-xml-events.h: the elements, ends and texts of XML as a reader is handed them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <string.h>

G_BEGIN_DECLS

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

const char *impact_xml_attribute_find (const ImpactXmlAttribute *attributes,
                                       guint                     n_attributes,
                                       const char               *local_name);

/* Whether an element or attribute is @wanted. A handler compares names for every element
 * of a sheet, and most of them differ in their first letter. */
static inline gboolean
impact_xml_name_is (const char *name,
                    const char *wanted)
{
  return name[0] == wanted[0] && strcmp (name, wanted) == 0;
}

G_END_DECLS
