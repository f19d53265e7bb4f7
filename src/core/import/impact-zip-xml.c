/* impact-zip-xml.c: XML parts of a zipped spreadsheet, read safely and as a stream
 *
 * Spreadsheets from outside are untrusted. The XML is parsed by libxml2 without network
 * access and without entity substitution, a document type declaration is refused outright
 * (XLSX and ODS never have one, entity bombs need one), a text may be 10 MB at most, and
 * each part may unpack to IMPACT_ZIP_MAX_PART_BYTES at most.
 *
 * The readers walk the small parts (workbook, relations, styles, the list of an ODS's
 * sheets) element by element: libxml2's SAX2 parser pushes elements and their ends into a
 * queue here, which the readers pull from. A sheet itself, and an XLSX's shared strings, are read with a handler instead
 * (impact_xml_part_set_handler()): each element goes straight to the reader, which builds
 * its rows as they come; the queue cost a fifth of the instructions of reading an XLSX
 * (callgrind, bench-spreadsheets' file: 4.1 billion with it, 3.25 billion without). Such a
 * part is scanned by impact-xml-scanner.c rather than parsed by libxml2 (2.4 times fewer
 * instructions again), unless it is not UTF-8.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "impact-zip-xml"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <libxml/parser.h>
#include <string.h>

#include "impact-reader.h"
#include "impact-xml-scanner.h"
#include "impact-zip-xml-private.h"

/* A piece of the part to libxml2 (@last at its end). A namespace error (an undeclared
 * prefix, a name such as ":") does not stop libxml2, but the part is not valid XML: the
 * scanner would read such a name differently. */
static gboolean
parse_chunk (ImpactXmlPart *part,
             const char *chunk,
             gsize n,
             gboolean last)
{
  if ((xmlParseChunk (part->parser, chunk, (int) n, last) != XML_ERR_OK || !part->parser->nsWellFormed)
      && part->failure == FAILED_NOT)
    part->failure = FAILED_XML;

  return part->failure == FAILED_NOT;
}

/* A piece of the part to the scanner, or the end of the part with @chunk NULL. A part in
 * an encoding the scanner does not read goes to libxml2 from its start. */
static gboolean
scan_more (ImpactXmlPart *part,
           const char *chunk,
           gsize n)
{
  ImpactXmlScanResult result = chunk != NULL ? impact_xml_scanner_feed (part->scanner, chunk, n)
                                             : impact_xml_scanner_finish (part->scanner);

  switch (result)
    {
    case IMPACT_XML_SCAN_OK:
      return TRUE;
    case IMPACT_XML_SCAN_UNSUPPORTED:
      {
        g_autoptr (ImpactXmlScanner) scanner = g_steal_pointer (&part->scanner);
        const char *pending = impact_xml_scanner_get_pending (scanner, &n);

        return parse_chunk (part, pending, n, chunk == NULL);
      }
    case IMPACT_XML_SCAN_DOCTYPE:
      part->failure = FAILED_DOCTYPE;
      return FALSE;
    case IMPACT_XML_SCAN_TOO_LARGE:
      part->failure = FAILED_TEXT_TOO_LONG;
      return FALSE;
    case IMPACT_XML_SCAN_TOO_DEEP:
      part->failure = FAILED_TOO_DEEP;
      return FALSE;
    case IMPACT_XML_SCAN_MALFORMED:
    default:
      part->failure = FAILED_XML;
      return FALSE;
    }
}

/* Unpacks the next piece of the part and parses it; FALSE at its end or on a failure. */
static gboolean
parse_more (ImpactXmlPart *part)
{
  gsf_off_t remaining;
  gsize n;

  if (part->finished || part->failure != FAILED_NOT)
    return FALSE;

  remaining = gsf_input_remaining (part->input);
  n = MIN ((gsf_off_t) CHUNK_SIZE, remaining);
  if (n == 0)
    {
      part->finished = TRUE;
      if (part->scanner != NULL)
        return scan_more (part, NULL, 0);
      return parse_chunk (part, NULL, 0, TRUE);
    }
  if (part->n_read + (gint64) n > IMPACT_ZIP_MAX_PART_BYTES)
    {
      part->failure = FAILED_TOO_LARGE;
      return FALSE;
    }
  if (gsf_input_read (part->input, n, part->chunk) == NULL)
    {
      part->failure = FAILED_XML;
      return FALSE;
    }

  /* A document type comes before the first element, so near the start of the part; it is
   * refused before libxml2 sees it. Further in, on_internal_subset() still stops it. */
  if (part->n_read < 64 * 1024 && g_strstr_len ((const char *) part->chunk, n, "<!DOCTYPE") != NULL)
    {
      part->failure = FAILED_DOCTYPE;
      return FALSE;
    }
  part->n_read += n;

  if (part->scanner != NULL)
    return scan_more (part, (const char *) part->chunk, n);

  return parse_chunk (part, (const char *) part->chunk, n, FALSE);
}

/* A part on @input (taken over; NULL when the part is missing). */
static ImpactXmlPart *
open_input (GsfInput *input,
            const char *member,
            const char *file_name,
            GError **error)
{
  g_autoptr (ImpactXmlPart) part = g_new0 (ImpactXmlPart, 1);
  g_autofree char *display = g_filename_display_basename (file_name);
  xmlSAXHandler sax = { 0 };

  part->member = g_strdup (member);
  part->file_name = g_strdup (file_name);
  part->events = g_array_new (FALSE, FALSE, sizeof (Event));
  part->attrs = g_array_new (FALSE, FALSE, sizeof (Attr));
  part->arena = g_string_sized_new (CHUNK_SIZE);
  part->chunk = g_malloc (CHUNK_SIZE);
  part->input = input;
  if (part->input == NULL)
    {
      g_set_error (error, IMPACT_IMPORT_ERROR, IMPACT_IMPORT_ERROR_FORMAT,
                   _ ("“%s” is damaged or not a spreadsheet: the part “%s” is missing."), display, member);
      return NULL;
    }

  /* The size the zip declares; the reading counts too, for zips that lie. */
  if (gsf_input_size (part->input) > IMPACT_ZIP_MAX_PART_BYTES)
    {
      g_set_error (error, IMPACT_IMPORT_ERROR, IMPACT_IMPORT_ERROR_TOO_LARGE,
                   _ ("“%s” is too large: its part “%s” unpacks to more than 512 MB."), display, member);
      return NULL;
    }

  _impact_xml_part_init_sax (&sax);
  part->parser = xmlCreatePushParserCtxt (&sax, part, NULL, 0, member);
  if (part->parser == NULL)
    {
      g_set_error (error, IMPACT_IMPORT_ERROR, IMPACT_IMPORT_ERROR_FAILED,
                   _ ("Could not start reading “%s”."), display);
      return NULL;
    }
  xmlCtxtUseOptions (part->parser, XML_PARSE_NONET);

  return g_steal_pointer (&part);
}

ImpactXmlPart *
impact_xml_part_open (GsfInfile *zip,
                      const char *member,
                      const char *file_name,
                      GError **error)
{
  return open_input (impact_zip_open_member (zip, member), member, file_name, error);
}

/* A part that is not in a zip: XML in memory, which must stay as it is while the part is
 * read. The fuzz target reads its inputs this way. */
ImpactXmlPart *
impact_xml_part_open_memory (const char *xml,
                             gsize length,
                             const char *name,
                             GError **error)
{
  return open_input (gsf_input_memory_new ((const guint8 *) xml, length, FALSE), name, name, error);
}

void
impact_xml_part_free (ImpactXmlPart *part)
{
  if (part == NULL)
    return;

  g_clear_pointer (&part->scanner, impact_xml_scanner_free);
  if (part->parser != NULL)
    xmlFreeParserCtxt (part->parser);
  g_clear_object (&part->input);
  g_array_unref (part->events);
  g_array_unref (part->attrs);
  g_free (part->handler_attrs);
  g_free (part->handler_values);
  g_string_free (part->arena, TRUE);
  g_free (part->chunk);
  g_free (part->member);
  g_free (part->file_name);
  g_free (part);
}

/* Moves the events not yet handed out (one at most: this runs when the queue is nearly
 * empty) to the front, with their attributes and texts, so that the queue does not grow
 * with the part. The current event's attributes go with it. */
static void
compact (ImpactXmlPart *part)
{
  g_autoptr (GString) arena = NULL;
  g_autoptr (GArray) attrs = NULL;

  if (part->head == 0)
    return;
  if (part->head == part->events->len)
    {
      g_array_set_size (part->events, 0);
      g_array_set_size (part->attrs, 0);
      g_string_truncate (part->arena, 0);
      part->head = 0;
      return;
    }

  arena = g_string_new (NULL);
  attrs = g_array_new (FALSE, FALSE, sizeof (Attr));
  for (guint i = part->head; i < part->events->len; i++)
    {
      Event *event = &g_array_index (part->events, Event, i);
      guint first = attrs->len;

      for (guint a = 0; a < event->n_attrs; a++)
        {
          Attr attr = g_array_index (part->attrs, Attr, event->first_attr + a);

          g_string_append_len (arena, part->arena->str + attr.offset, attr.length + 1);
          attr.offset = arena->len - attr.length - 1;
          g_array_append_val (attrs, attr);
        }
      event->first_attr = first;
    }
  g_array_remove_range (part->events, 0, part->head);
  part->head = 0;
  g_string_truncate (part->arena, 0);
  g_string_append_len (part->arena, arena->str, arena->len);
  g_array_set_size (part->attrs, 0);
  g_array_append_vals (part->attrs, attrs->data, attrs->len);
}

/* Hands out the next element or end of one (texts are read with impact_xml_part_text()).
 * One more event is parsed ahead, so that an element knows whether it is empty. */
static gboolean
pop_event (ImpactXmlPart *part)
{
  if (part->events->len - part->head < 2)
    {
      compact (part);
      while (part->events->len - part->head < 2 && parse_more (part))
        ;
    }
  if (part->head == part->events->len)
    return FALSE;
  part->current = g_array_index (part->events, Event, part->head++);

  return TRUE;
}

static gboolean
check_result (ImpactXmlPart *part,
              GError **error)
{
  g_autofree char *display = NULL;
  int line;

  if (part->failure == FAILED_NOT)
    return TRUE;

  display = g_filename_display_basename (part->file_name);
  line = part->scanner != NULL ? impact_xml_scanner_get_line (part->scanner) : xmlSAX2GetLineNumber (part->parser);
  if (part->failure == FAILED_TEXT_TOO_LONG)
    g_set_error (error, IMPACT_IMPORT_ERROR, IMPACT_IMPORT_ERROR_TOO_LARGE,
                 _ ("“%s” cannot be read: its part “%s” has a text or tag longer than 10 MB (near line %d)."),
                 display, part->member, line);
  else if (part->failure == FAILED_TOO_DEEP)
    g_set_error (error, IMPACT_IMPORT_ERROR, IMPACT_IMPORT_ERROR_TOO_LARGE,
                 _ ("“%s” cannot be read: its part “%s” nests elements more than %d deep (near line %d)."),
                 display, part->member, IMPACT_XML_SCAN_MAX_DEPTH, line);
  else if (part->failure == FAILED_TOO_LARGE)
    g_set_error (error, IMPACT_IMPORT_ERROR, IMPACT_IMPORT_ERROR_TOO_LARGE,
                 _ ("“%s” is too large: its part “%s” unpacks to more than 512 MB."), display,
                 part->member);
  else if (part->failure == FAILED_DOCTYPE)
    g_set_error (error, IMPACT_IMPORT_ERROR, IMPACT_IMPORT_ERROR_FORMAT,
                 _ ("“%s” is not a spreadsheet Impact Dashboard can read: its part “%s” declares "
                    "a document type, which spreadsheets never do."),
                 display, part->member);
  else
    g_set_error (error, IMPACT_IMPORT_ERROR, IMPACT_IMPORT_ERROR_FORMAT,
                 _ ("“%s” is damaged: its part “%s” is not valid XML (near line %d)."), display,
                 part->member, line);

  return FALSE;
}

/* The next node; FALSE at the end of the part, or with @error set when it is damaged. The
 * events queued before a failure are handed out first, as a streaming reader would. */
gboolean
impact_xml_part_next (ImpactXmlPart *part,
                      GError **error)
{
  /* After a skip, the node it landed on is the next one. */
  if (part->landed)
    {
      part->landed = FALSE;
      return TRUE;
    }

  if (pop_event (part))
    return TRUE;

  return check_result (part, error) && FALSE;
}

/* Skips the current element with everything in it, and lands on the node after it. */
gboolean
impact_xml_part_skip (ImpactXmlPart *part,
                      GError **error)
{
  if (part->current.type == EVENT_ELEMENT && !part->current.empty)
    {
      int depth = part->current.depth;

      do
        if (!pop_event (part))
          return check_result (part, error) && FALSE;
      while (!(part->current.type == EVENT_END_ELEMENT && part->current.depth == depth));
    }

  part->landed = pop_event (part);
  if (!part->landed)
    return check_result (part, error) && FALSE;

  return TRUE;
}

gboolean
impact_xml_part_is (ImpactXmlPart *part,
                    int type,
                    const char *local_name)
{
  return (int) part->current.type == type && impact_xml_name_is ((const char *) part->current.name, local_name);
}

static const Attr *
find_attribute (ImpactXmlPart *part,
                const char *local_name)
{
  if (part->current.type != EVENT_ELEMENT)
    return NULL;

  for (guint a = 0; a < part->current.n_attrs; a++)
    {
      const Attr *attr = &g_array_index (part->attrs, Attr, part->current.first_attr + a);

      if (impact_xml_name_is ((const char *) attr->name, local_name))
        return attr;
    }

  return NULL;
}

char *
impact_xml_part_attribute (ImpactXmlPart *part,
                           const char *local_name)
{
  const Attr *attr = find_attribute (part, local_name);

  return attr != NULL ? g_strndup (part->arena->str + attr->offset, attr->length) : NULL;
}

/* How much of the part has been unpacked and read, 0 to 1. */
double
impact_xml_part_get_fraction (ImpactXmlPart *part)
{
  gsf_off_t size = gsf_input_size (part->input);

  return size > 0 ? (double) part->n_read / size : 0;
}

/* The part goes to @handler as it is read, with each call of impact_xml_part_feed(),
 * instead of node by node; this is set before anything is read. It is read by the
 * scanner, and by libxml2 only when it is not UTF-8. */
void
impact_xml_part_set_handler (ImpactXmlPart *part,
                             const ImpactXmlHandler *handler,
                             gpointer data)
{
  g_return_if_fail (part != NULL && part->handler == NULL && part->n_read == 0);
  g_return_if_fail (handler != NULL && handler->start != NULL && handler->end != NULL && handler->text != NULL);

  part->handler = handler;
  part->handler_data = data;
  part->scanner = impact_xml_scanner_new (handler, data);
}

/* Reads the part with libxml2 even when it is UTF-8, after impact_xml_part_set_handler():
 * the fuzz target holds the scanner against it. */
void
impact_xml_part_use_libxml2 (ImpactXmlPart *part)
{
  g_return_if_fail (part != NULL && part->handler != NULL && part->n_read == 0);

  g_clear_pointer (&part->scanner, impact_xml_scanner_free);
}

/* Parses the next piece of the part into the handler. FALSE when there is nothing more:
 * at the end of the part, or with @error set when it is damaged (what the handler got
 * before the damage stays with it: a streaming reader hands that out first). */
gboolean
impact_xml_part_feed (ImpactXmlPart *part,
                      GError **error)
{
  g_return_val_if_fail (part != NULL && part->handler != NULL, FALSE);

  if (part->failure != FAILED_NOT)
    return check_result (part, error);
  if (part->finished)
    return FALSE;
  parse_more (part);

  return TRUE;
}
