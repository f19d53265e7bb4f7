/* impact-csv-reader.h: CSV, TSV and TXT exports through libcsv
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "impact-reader.h"

G_BEGIN_DECLS

#define IMPACT_TYPE_CSV_READER (impact_csv_reader_get_type ())

G_DECLARE_FINAL_TYPE (ImpactCsvReader, impact_csv_reader, IMPACT, CSV_READER, ImpactReader)

ImpactReader *impact_csv_reader_new           (const char      *path,
                                               GError         **error);
ImpactReader *impact_csv_reader_new_for_bytes (GBytes          *bytes,
                                               const char      *name,
                                               GError         **error);
char          impact_csv_reader_get_delimiter (ImpactCsvReader *self);
const char   *impact_csv_reader_get_encoding  (ImpactCsvReader *self);

G_END_DECLS
