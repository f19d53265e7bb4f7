/* impact-xlsx-reader.h: Office Open XML workbooks (XLSX)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "impact-reader.h"

G_BEGIN_DECLS

#define IMPACT_TYPE_XLSX_READER (impact_xlsx_reader_get_type ())

G_DECLARE_FINAL_TYPE (ImpactXlsxReader, impact_xlsx_reader, IMPACT, XLSX_READER, ImpactReader)

ImpactReader *impact_xlsx_reader_new           (const char  *path,
                                                GError     **error);
ImpactReader *impact_xlsx_reader_new_for_bytes (GBytes      *bytes,
                                                const char  *name,
                                                GError     **error);

G_END_DECLS
