/* impact-ods-reader.h: OpenDocument spreadsheets (ODS)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "impact-reader.h"

G_BEGIN_DECLS

#define IMPACT_TYPE_ODS_READER (impact_ods_reader_get_type ())

G_DECLARE_FINAL_TYPE (ImpactOdsReader, impact_ods_reader, IMPACT, ODS_READER, ImpactReader)

/* A row with values that says it repeats more often than this is refused: no export does. */
#define IMPACT_ODS_MAX_REPEATED_ROWS 1000

ImpactReader *impact_ods_reader_new           (const char  *path,
                                               GError     **error);
ImpactReader *impact_ods_reader_new_for_bytes (GBytes      *bytes,
                                               const char  *name,
                                               GError     **error);

G_END_DECLS
