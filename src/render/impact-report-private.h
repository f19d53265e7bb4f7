/* impact-report-private.h: the report, for the files it is split over
 *
 * impact-report.c makes and draws a report; impact-report-content.c says what is in it;
 * impact-report-layout.c places it on pages.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <pango/pangocairo.h>

#include "impact-report.h"

G_BEGIN_DECLS

#define MARGIN 56.0
#define FOOTER 30.0
#define ROW_PAD 3.0

typedef enum
{
  BLOCK_TEXT,
  BLOCK_CHART,
  BLOCK_ROW,
  BLOCK_RULE,
} BlockKind;

typedef struct
{
  BlockKind kind;
  char *text;
  const char *font;
  double height;
  ImpactChart *chart;
  GStrv cells;
  /* For rows: the columns' right edges as fractions of the width, and which are numbers. */
  const double *edges;
  const gboolean *numeric;
  guint n_columns;
  gboolean header;
  /* For rows of a table: its header, repeated on a new page. */
  guint header_index;
  gboolean in_table;
} Block;

typedef struct
{
  guint block;
  double y;
} Placed;

struct _ImpactReport
{
  double width;
  double height;
  GPtrArray *blocks;
  /* GArray of Placed per page. */
  GPtrArray *pages;
  double cursor;
  char *footer;
  cairo_surface_t *measure_surface;
  cairo_t *measure;
  gboolean in_table;
  guint header_index;
};

void         _impact_report_block_free          (Block             *block);
double       _impact_report_content_width       (ImpactReport      *report);
PangoLayout *_impact_report_text_layout         (cairo_t           *cr,
                                                 const char        *text,
                                                 const char        *font_name,
                                                 double             width,
                                                 PangoAlignment     alignment);
void         _impact_report_new_page            (ImpactReport      *report);
void         _impact_report_add_text            (ImpactReport      *report,
                                                 const char        *text,
                                                 const char        *font,
                                                 double             space);
void         _impact_report_add_heading_keeping (ImpactReport      *report,
                                                 const char        *text,
                                                 double             needed);
void         _impact_report_add_heading         (ImpactReport      *report,
                                                 const char        *text);
void         _impact_report_add_chart           (ImpactReport      *report,
                                                 ImpactChart       *chart,
                                                 double             height);
void         _impact_report_begin_table         (ImpactReport      *report,
                                                 guint              n_columns,
                                                 const double      *edges,
                                                 const gboolean    *numeric,
                                                 const char *const *titles);
void         _impact_report_add_row             (ImpactReport      *report,
                                                 GStrv              cells);
GStrv        _impact_report_cells               (const char        *first,
                                                 ...);
char        *_impact_report_share_text          (const ImpactSpend *spend);

void _impact_report_add_cover          (ImpactReport           *report,
                                        const ImpactReportData *data);
void _impact_report_add_charts         (ImpactReport           *report,
                                        const ImpactReportData *data);
void _impact_report_add_supplier_table (ImpactReport           *report,
                                        const char             *title,
                                        GPtrArray              *suppliers);
void _impact_report_add_tables         (ImpactReport           *report,
                                        const ImpactReportData *data);
void _impact_report_add_sources        (ImpactReport           *report,
                                        const ImpactReportData *data);

G_END_DECLS
