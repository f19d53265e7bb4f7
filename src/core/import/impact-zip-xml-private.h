/* impact-zip-xml-private.h: a part of a zipped spreadsheet, for the files that read it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <libxml/parser.h>

#include "impact-xml-scanner.h"
#include "impact-zip-xml.h"

G_BEGIN_DECLS

#define CHUNK_SIZE (64 * 1024)
/* The longest text libxml2's own tree builder accepts (XML_MAX_TEXT_LENGTH); the scanner's. */
#define MAX_TEXT_BYTES IMPACT_XML_SCAN_MAX_BYTES

typedef enum
{
  EVENT_ELEMENT = XML_READER_TYPE_ELEMENT,
  EVENT_END_ELEMENT = XML_READER_TYPE_END_ELEMENT,
} EventType;

/* A node of the part: an element with its attributes (attrs[first_attr..]), or the end of
 * an element that has elements in it. An element without (<a/>, <a>text</a>) is marked
 * empty and has no end. Names are libxml2's, interned for the parser's life; values are
 * in the part's arena. Texts are not queued: the parts read node by node have their data
 * in attributes. */
typedef struct
{
  EventType type;
  const xmlChar *name;
  int depth;
  gboolean empty;
  guint first_attr;
  guint n_attrs;
} Event;

typedef struct
{
  const xmlChar *name;
  gsize offset;
  gsize length;
} Attr;

typedef enum
{
  FAILED_NOT,
  FAILED_XML,
  FAILED_DOCTYPE,
  FAILED_TOO_LARGE,
  FAILED_TEXT_TOO_LONG,
  FAILED_TOO_DEEP,
} Failure;

struct _ImpactXmlPart
{
  GsfInput *input;
  xmlParserCtxtPtr parser;
  char *member;
  char *file_name;
  gint64 n_read;
  Failure failure;
  gboolean finished;
  int depth;
  gsize text_run;
  /* Events parsed and not yet handed out, from head on; the one handed out last. */
  GArray *events;
  guint head;
  GArray *attrs;
  GString *arena;
  Event current;
  gboolean landed;
  guint8 *chunk;
  /* With a handler, events go to it instead of the queue; an element's attributes are
   * handed over from a buffer of their own. */
  const ImpactXmlHandler *handler;
  gpointer handler_data;
  ImpactXmlAttribute *handler_attrs;
  guint n_handler_attrs;
  char *handler_values;
  gsize handler_values_size;
  /* With a handler, the part is read by the scanner until it says libxml2 must. */
  ImpactXmlScanner *scanner;
};

void _impact_xml_part_init_sax (xmlSAXHandler *sax);

G_END_DECLS
