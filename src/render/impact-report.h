/* impact-report.h: the report of a node and period, laid out on A4 pages
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "query/impact-impact-query.h"

G_BEGIN_DECLS

/* What a report shows; all borrowed for impact_report_new(). pso is NULL for an object. */
typedef struct
{
  const ImpactFigures      *figures;
  const ImpactSroiOverview *sroi;
  const ImpactPsoFigures   *pso;
  GPtrArray                *expiring;
  GPtrArray                *batches;
  guint32                   today;
  guint                     horizon;
} ImpactReportData;

typedef struct _ImpactReport ImpactReport;

/* A4 in points. */
#define IMPACT_REPORT_A4_WIDTH 595.276
#define IMPACT_REPORT_A4_HEIGHT 841.890

ImpactReport *impact_report_new         (const ImpactReportData *data,
                                         double                  page_width,
                                         double                  page_height);
void          impact_report_free        (ImpactReport           *report);
guint         impact_report_get_n_pages (ImpactReport           *report);
void          impact_report_draw_page   (ImpactReport           *report,
                                         cairo_t                *cr,
                                         guint                   page);
gboolean      impact_report_write_pdf   (ImpactReport           *report,
                                         const char             *path,
                                         GError                **error);
ImpactReportData *impact_report_data_read (ImpactStore          *store,
                                         const ImpactNode       *node,
                                         const ImpactPeriod     *period,
                                         guint32                 today,
                                         guint                   horizon,
                                         GError                **error);
void          impact_report_data_free   (ImpactReportData       *data);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ImpactReport, impact_report_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ImpactReportData, impact_report_data_free)

G_END_DECLS
