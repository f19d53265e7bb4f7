/* impact-json-reader.h: an array of flat JSON objects, read as rows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "impact-reader.h"

G_BEGIN_DECLS

#define IMPACT_TYPE_JSON_READER (impact_json_reader_get_type ())

G_DECLARE_FINAL_TYPE (ImpactJsonReader, impact_json_reader, IMPACT, JSON_READER, ImpactReader)

ImpactReader *impact_json_reader_new           (const char  *path,
                                                GError     **error);
ImpactReader *impact_json_reader_new_for_data  (const char  *data,
                                                gssize       length,
                                                const char  *name,
                                                GError     **error);

G_END_DECLS
