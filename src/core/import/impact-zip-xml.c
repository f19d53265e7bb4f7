/* impact-zip-xml.c: XML parts of a zipped spreadsheet, read safely and as a stream
 *
 * Spreadsheets from outside are untrusted. The XML is read with libxml2's streaming reader
 * without network access and without entity substitution, a document type declaration is
 * refused outright (XLSX and ODS never have one, entity bombs need one), and each part may
 * unpack to IMPACT_ZIP_MAX_PART_BYTES at most.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "impact-zip-xml"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "impact-reader.h"
#include "impact-zip-xml.h"

struct _ImpactXmlPart
{
  GsfInput *input;
  xmlTextReaderPtr reader;
  char *member;
  char *file_name;
  gint64 n_read;
  gboolean too_large;
  gboolean has_doctype;
  gboolean landed;
};

static GsfInfile *
open_zip (GsfInput *input,
          const char *name,
          GError **error)
{
  g_autoptr (GError) local_error = NULL;
  GsfInfile *zip = gsf_infile_zip_new (input, &local_error);

  if (zip == NULL)
    {
      g_autofree char *display = g_filename_display_basename (name);

      g_set_error (error, IMPACT_IMPORT_ERROR, IMPACT_IMPORT_ERROR_FORMAT,
                   _ ("“%s” is damaged: it looks like a spreadsheet, but its zip archive cannot "
                      "be read (%s)."),
                   display, local_error != NULL ? local_error->message : "");
    }

  return zip;
}

GsfInfile *
impact_zip_open (const char *path,
                 GError **error)
{
  g_autoptr (GsfInput) input = gsf_input_stdio_new (path, error);

  if (input == NULL)
    return NULL;

  return open_zip (input, path, error);
}

GsfInfile *
impact_zip_open_bytes (GBytes *bytes,
                       const char *name,
                       GError **error)
{
  gsize size = 0;
  const guint8 *data = g_bytes_get_data (bytes, &size);
  g_autoptr (GsfInput) input = gsf_input_memory_new (data, size, FALSE);

  return open_zip (input, name, error);
}

/* Walks "xl/worksheets/sheet1.xml" down the zip's folders. */
static GsfInput *
open_member (GsfInfile *zip,
             const char *member)
{
  g_auto (GStrv) parts = g_strsplit (member, "/", -1);
  g_autoptr (GsfInput) current = g_object_ref (GSF_INPUT (zip));

  for (guint i = 0; parts[i] != NULL; i++)
    {
      GsfInput *child;

      if (*parts[i] == '\0')
        continue;
      if (!GSF_IS_INFILE (current))
        return NULL;
      child = gsf_infile_child_by_name (GSF_INFILE (current), parts[i]);
      if (child == NULL)
        return NULL;
      g_object_unref (current);
      current = child;
    }

  return g_steal_pointer (&current);
}

static int
read_cb (void *context,
         char *buffer,
         int length)
{
  ImpactXmlPart *part = context;
  gsf_off_t remaining = gsf_input_remaining (part->input);
  size_t n = MIN ((gsf_off_t) length, remaining);

  if (n == 0)
    return 0;
  if (part->n_read + (gint64) n > IMPACT_ZIP_MAX_PART_BYTES)
    {
      part->too_large = TRUE;
      return -1;
    }
  if (gsf_input_read (part->input, n, (guint8 *) buffer) == NULL)
    return -1;

  /* A document type comes before the first element, so near the start of the part; it is
   * refused before libxml2 sees it. Further in, the node check of check_result() and
   * libxml2's own limits still hold. */
  if (part->n_read < 64 * 1024 && g_strstr_len (buffer, n, "<!DOCTYPE") != NULL)
    {
      part->has_doctype = TRUE;
      return -1;
    }
  part->n_read += n;

  return (int) n;
}

static int
close_cb (void *context)
{
  return 0;
}

static void
error_cb (void *arg,
          const char *msg,
          xmlParserSeverities severity,
          xmlTextReaderLocatorPtr locator)
{
  /* Errors are reported through xmlTextReaderRead()'s result; nothing goes to stderr. */
}

ImpactXmlPart *
impact_xml_part_open (GsfInfile *zip,
                      const char *member,
                      const char *file_name,
                      GError **error)
{
  g_autoptr (ImpactXmlPart) part = g_new0 (ImpactXmlPart, 1);
  g_autofree char *display = g_filename_display_basename (file_name);

  part->member = g_strdup (member);
  part->file_name = g_strdup (file_name);
  part->input = open_member (zip, member);
  if (part->input == NULL)
    {
      g_set_error (error, IMPACT_IMPORT_ERROR, IMPACT_IMPORT_ERROR_FORMAT,
                   _ ("“%s” is damaged or not a spreadsheet: the part “%s” is missing."), display, member);
      return NULL;
    }

  /* The size the zip declares; the reading below counts too, for zips that lie. */
  if (gsf_input_size (part->input) > IMPACT_ZIP_MAX_PART_BYTES)
    {
      g_set_error (error, IMPACT_IMPORT_ERROR, IMPACT_IMPORT_ERROR_TOO_LARGE,
                   _ ("“%s” is too large: its part “%s” unpacks to more than 512 MB."), display, member);
      return NULL;
    }

  part->reader = xmlReaderForIO (read_cb, close_cb, part, member, NULL, XML_PARSE_NONET | XML_PARSE_NOCDATA);
  if (part->reader == NULL)
    {
      g_set_error (error, IMPACT_IMPORT_ERROR, IMPACT_IMPORT_ERROR_FAILED,
                   _ ("Could not start reading “%s”."), display);
      return NULL;
    }
  xmlTextReaderSetErrorHandler (part->reader, error_cb, part);

  return g_steal_pointer (&part);
}

void
impact_xml_part_free (ImpactXmlPart *part)
{
  if (part == NULL)
    return;

  g_clear_pointer (&part->reader, xmlFreeTextReader);
  g_clear_object (&part->input);
  g_free (part->member);
  g_free (part->file_name);
  g_free (part);
}

static gboolean
check_result (ImpactXmlPart *part,
              int rc,
              GError **error);

/* Moves to the next node; FALSE at the end (without error) or on an error. */
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

  return check_result (part, xmlTextReaderRead (part->reader), error);
}

/* Jumps over the current element and all inside it; the next call to
 * impact_xml_part_next() gives the node after it. */
gboolean
impact_xml_part_skip (ImpactXmlPart *part,
                      GError **error)
{
  part->landed = check_result (part, xmlTextReaderNext (part->reader), error);

  return part->landed;
}

static gboolean
check_result (ImpactXmlPart *part,
              int rc,
              GError **error)
{
  g_autofree char *display = NULL;

  if (rc == 1 && xmlTextReaderNodeType (part->reader) != XML_READER_TYPE_DOCUMENT_TYPE)
    return TRUE;
  if (rc == 0)
    return FALSE;

  display = g_filename_display_basename (part->file_name);
  if (part->too_large)
    g_set_error (error, IMPACT_IMPORT_ERROR, IMPACT_IMPORT_ERROR_TOO_LARGE,
                 _ ("“%s” is too large: its part “%s” unpacks to more than 512 MB."), display,
                 part->member);
  else if (rc == 1 || part->has_doctype)
    g_set_error (error, IMPACT_IMPORT_ERROR, IMPACT_IMPORT_ERROR_FORMAT,
                 _ ("“%s” is not a spreadsheet Impact Dashboard can read: its part “%s” declares "
                    "a document type, which spreadsheets never do."),
                 display, part->member);
  else
    g_set_error (error, IMPACT_IMPORT_ERROR, IMPACT_IMPORT_ERROR_FORMAT,
                 _ ("“%s” is damaged: its part “%s” is not valid XML (near line %d)."), display,
                 part->member, xmlTextReaderGetParserLineNumber (part->reader));

  return FALSE;
}

xmlTextReaderPtr
impact_xml_part_reader (ImpactXmlPart *part)
{
  return part->reader;
}

/* Whether the current node is an element start or end (type) with this local name. */
gboolean
impact_xml_part_is (ImpactXmlPart *part,
                    int type,
                    const char *local_name)
{
  const xmlChar *name;

  if (xmlTextReaderNodeType (part->reader) != type)
    return FALSE;
  name = xmlTextReaderConstLocalName (part->reader);

  return name != NULL && strcmp ((const char *) name, local_name) == 0;
}

/* An attribute of the current element by local name, whatever its namespace prefix. */
char *
impact_xml_part_attribute (ImpactXmlPart *part,
                           const char *local_name)
{
  char *value = NULL;

  if (xmlTextReaderMoveToFirstAttribute (part->reader) != 1)
    return NULL;
  do
    {
      const xmlChar *name = xmlTextReaderConstLocalName (part->reader);

      if (name != NULL && strcmp ((const char *) name, local_name) == 0)
        {
          value = g_strdup ((const char *) xmlTextReaderConstValue (part->reader));
          break;
        }
    }
  while (xmlTextReaderMoveToNextAttribute (part->reader) == 1);
  xmlTextReaderMoveToElement (part->reader);

  return value;
}

/* Several attributes of the current element in one pass over them: values[i] is the
 * value of names[i] (newly allocated) or NULL. */
void
impact_xml_part_attributes (ImpactXmlPart *part,
                            const char *const *names,
                            char **values,
                            guint n_names)
{
  for (guint i = 0; i < n_names; i++)
    values[i] = NULL;

  if (xmlTextReaderMoveToFirstAttribute (part->reader) != 1)
    return;
  do
    {
      const xmlChar *name = xmlTextReaderConstLocalName (part->reader);

      for (guint i = 0; name != NULL && i < n_names; i++)
        {
          if (values[i] == NULL && strcmp ((const char *) name, names[i]) == 0)
            {
              values[i] = g_strdup ((const char *) xmlTextReaderConstValue (part->reader));
              break;
            }
        }
    }
  while (xmlTextReaderMoveToNextAttribute (part->reader) == 1);
  xmlTextReaderMoveToElement (part->reader);
}

/* The text inside the current element, or "" for an empty one. */
char *
impact_xml_part_text (ImpactXmlPart *part)
{
  xmlChar *text;
  char *copy;

  if (xmlTextReaderIsEmptyElement (part->reader))
    return g_strdup ("");

  text = xmlTextReaderReadString (part->reader);
  copy = g_strdup (text != NULL ? (const char *) text : "");
  xmlFree (text);

  return copy;
}

int
impact_xml_part_depth (ImpactXmlPart *part)
{
  return xmlTextReaderDepth (part->reader);
}

/* How much of the part has been unpacked and read, 0 to 1. */
double
impact_xml_part_get_fraction (ImpactXmlPart *part)
{
  gsf_off_t size = gsf_input_size (part->input);

  return size > 0 ? (double) part->n_read / size : 0;
}
