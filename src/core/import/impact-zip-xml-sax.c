/* impact-zip-xml-sax.c: what libxml2's parser hands a part, queued or given to a handler
 *
 * Elements and their ends are queued for the readers that walk a part node by node, or
 * handed straight to a handler; a document type declaration, a text longer than
 * IMPACT_XML_SCAN_MAX_BYTES and nesting too deep stop the part.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "impact-zip-xml"

#include "config.h"

#include <string.h>

#include "impact-zip-xml-private.h"

static void
push_event (ImpactXmlPart *part,
            const Event *event)
{
  g_array_append_vals (part->events, event, 1);
}

/* Copies an attribute's value to @to, ended, and returns where the copy ends. Without
 * entity substitution libxml2 hands over an ampersand as "&#38;". */
static char *
copy_value (char *to,
            const char *value,
            gsize length)
{
  if (memchr (value, '&', length) == NULL)
    {
      memcpy (to, value, length);
      to += length;
    }
  else
    for (gsize j = 0; j < length; j++)
      {
        *to++ = value[j];
        if (value[j] == '&' && j + 4 < length && memcmp (value + j + 1, "#38;", 4) == 0)
          j += 4;
      }
  *to++ = '\0';

  return to;
}

/* An attribute's value into the arena, ended. */
static void
append_value (GString *arena,
              const char *value,
              gsize length)
{
  gsize at = arena->len;
  char *end;

  g_string_set_size (arena, at + length + 1);
  end = copy_value (arena->str + at, value, length);
  g_string_truncate (arena, end - arena->str);
}

/* Room for @n attributes to hand to the handler. */
static ImpactXmlAttribute *
handler_attributes (ImpactXmlPart *part,
                    guint n)
{
  if (n > part->n_handler_attrs)
    {
      part->n_handler_attrs = MAX (n, 2 * part->n_handler_attrs);
      part->handler_attrs = g_renew (ImpactXmlAttribute, part->handler_attrs, part->n_handler_attrs);
    }

  return part->handler_attrs;
}

/* Hands an element to the handler with its attributes as libxml2 has them (five pointers
 * each: name, prefix, namespace, value and value end), their values copied and ended in a
 * buffer kept from element to element. This runs for every element of a sheet, so it does
 * with plain copies what the queue does with GLib's arrays. */
static void
handle_start (ImpactXmlPart *part,
              const char *name,
              int n_attributes,
              const xmlChar **attributes)
{
  ImpactXmlAttribute *handed = handler_attributes (part, n_attributes);
  gsize size = 0;
  char *at;

  for (int a = 0; a < n_attributes; a++)
    size += attributes[5 * a + 4] - attributes[5 * a + 3] + 1;
  if (size > part->handler_values_size)
    {
      part->handler_values_size = MAX (size, 2 * part->handler_values_size);
      part->handler_values = g_realloc (part->handler_values, part->handler_values_size);
    }

  at = part->handler_values;
  for (int a = 0; a < n_attributes; a++)
    {
      const xmlChar **attribute = &attributes[5 * a];

      handed[a].name = (const char *) attribute[0];
      handed[a].value = at;
      at = copy_value (at, (const char *) attribute[3], attribute[4] - attribute[3]);
    }
  part->handler->start (part->handler_data, name, handed, n_attributes);
}

static void
on_start_element (void *data,
                  const xmlChar *localname,
                  const xmlChar *prefix,
                  const xmlChar *uri,
                  int n_namespaces,
                  const xmlChar **namespaces,
                  int n_attributes,
                  int n_defaulted,
                  const xmlChar **attributes)
{
  ImpactXmlPart *part = data;
  Event event = { EVENT_ELEMENT, localname, part->depth++, FALSE, part->attrs->len, 0 };

  part->text_run = 0;
  if (part->handler != NULL)
    {
      handle_start (part, (const char *) localname, n_attributes, attributes);
      return;
    }

  /* Each attribute is five pointers: its name, prefix, namespace, value and value end. */
  for (int i = 0; i < n_attributes; i++)
    {
      const xmlChar **attribute = &attributes[5 * i];
      Attr attr = { attribute[0], part->arena->len, 0 };

      append_value (part->arena, (const char *) attribute[3], attribute[4] - attribute[3]);
      attr.length = part->arena->len - attr.offset - 1;
      g_array_append_val (part->attrs, attr);
    }
  event.n_attrs = n_attributes;
  push_event (part, &event);
}

static void
on_end_element (void *data,
                const xmlChar *localname,
                const xmlChar *prefix,
                const xmlChar *uri)
{
  ImpactXmlPart *part = data;
  Event event = { EVENT_END_ELEMENT, localname, --part->depth, FALSE, 0, 0 };

  part->text_run = 0;
  if (part->handler != NULL)
    {
      part->handler->end (part->handler_data, (const char *) localname);
      return;
    }
  /* Right after its start, not handed out yet: an element without content. */
  if (part->events->len > part->head)
    {
      Event *last = &g_array_index (part->events, Event, part->events->len - 1);

      if (last->type == EVENT_ELEMENT && last->depth == event.depth)
        {
          last->empty = TRUE;
          return;
        }
    }
  push_event (part, &event);
}

static void
on_characters (void *data,
               const xmlChar *text,
               int length)
{
  ImpactXmlPart *part = data;

  part->text_run += length;
  if (part->text_run > MAX_TEXT_BYTES)
    {
      part->failure = FAILED_TEXT_TOO_LONG;
      xmlStopParser (part->parser);
      return;
    }
  if (part->handler != NULL)
    part->handler->text (part->handler_data, (const char *) text, length);
}

/* A document type is where entities are declared: the part stops before any is. */
static void
on_internal_subset (void *data,
                    const xmlChar *name,
                    const xmlChar *external_id,
                    const xmlChar *system_id)
{
  ImpactXmlPart *part = data;

  part->failure = FAILED_DOCTYPE;
  xmlStopParser (part->parser);
}

/* Errors are reported through the parser's result; nothing goes to stderr. */
static void
on_error (void *data,
          xmlErrorPtr error)
{
}

/* The callbacks libxml2's push parser calls for a part. */
void
_impact_xml_part_init_sax (xmlSAXHandler *sax)
{
  sax->initialized = XML_SAX2_MAGIC;
  sax->startElementNs = on_start_element;
  sax->endElementNs = on_end_element;
  sax->characters = on_characters;
  sax->cdataBlock = on_characters;
  sax->internalSubset = on_internal_subset;
  sax->serror = on_error;
}
