/* impact-xml-events.c: the elements, ends and texts of XML as a reader is handed them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "impact-zip-xml"

#include "config.h"

#include "impact-xml-events.h"

/* The value of the attribute @local_name among @attributes, or NULL. */
const char *
impact_xml_attribute_find (const ImpactXmlAttribute *attributes,
                           guint n_attributes,
                           const char *local_name)
{
  for (guint a = 0; a < n_attributes; a++)
    if (strcmp (attributes[a].name, local_name) == 0)
      return attributes[a].value;

  return NULL;
}
