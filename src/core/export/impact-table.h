/* impact-table.h: the figures as plain tables, and tables as CSV and XLSX files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "query/impact-impact-query.h"

G_BEGIN_DECLS

typedef enum
{
  IMPACT_COLUMN_TEXT,
  /* Whole cents, written as euros with two decimals. */
  IMPACT_COLUMN_MONEY,
  IMPACT_COLUMN_INTEGER,
  /* A percentage, as 42.9 for 42.9%. */
  IMPACT_COLUMN_PERCENT,
  /* A GDate Julian day; 0 is an empty cell. */
  IMPACT_COLUMN_DATE,
} ImpactColumnKind;

typedef struct _ImpactTable ImpactTable;

ImpactTable *impact_table_new          (const char              *name,
                                        guint                    n_columns,
                                        const char *const       *titles,
                                        const ImpactColumnKind  *kinds);
void         impact_table_free         (ImpactTable             *table);
const char  *impact_table_get_name     (const ImpactTable       *table);
guint        impact_table_get_n_rows   (const ImpactTable       *table);
void         impact_table_add_text     (ImpactTable             *table,
                                        const char              *text);
void         impact_table_add_number   (ImpactTable             *table,
                                        gint64                   value);
void         impact_table_add_percent  (ImpactTable             *table,
                                        double                   percent);

ImpactTable *impact_table_from_sroi    (const ImpactSroiOverview *sroi);
ImpactTable *impact_table_from_expiring (GPtrArray              *expiring);
GPtrArray   *impact_tables_from_figures (const ImpactFigures     *figures,
                                        const ImpactSroiOverview *sroi,
                                        GPtrArray               *expiring);
gboolean     impact_table_write_csv    (const ImpactTable       *table,
                                        const char              *path,
                                        gboolean                 decimal_comma,
                                        GError                 **error);
gboolean     impact_tables_write_xlsx  (GPtrArray               *tables,
                                        const char              *path,
                                        GError                 **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ImpactTable, impact_table_free)

G_END_DECLS
