/* impact-chart-export.h: a chart as a PNG, SVG or PDF file, and its data as a table
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "export/impact-table.h"
#include "impact-chart.h"

G_BEGIN_DECLS

typedef enum
{
  IMPACT_CHART_FILE_PNG,
  IMPACT_CHART_FILE_SVG,
  IMPACT_CHART_FILE_PDF,
} ImpactChartFileFormat;

gboolean     impact_chart_write_file (const ImpactChart      *chart,
                                      const char             *title,
                                      const char             *path,
                                      ImpactChartFileFormat   format,
                                      double                  width,
                                      double                  height,
                                      double                  scale,
                                      GError                **error);
ImpactTable *impact_chart_to_table   (const ImpactChart      *chart,
                                      const char             *name);

G_END_DECLS
