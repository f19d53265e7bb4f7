/* impact-bulk-rows.h: the two ways a chunk of purchase lines goes to the database
 *
 * Shared by impact-bulk-insert.c only: multi-row INSERTs (SQLite), or COPY into a staging
 * table and one INSERT … SELECT at the end (PostgreSQL).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "impact-db-stmt.h"
#include "model/impact-entities.h"

G_BEGIN_DECLS

/* Lines are written ROWS_PER_INSERT at a time, with one INSERT of that many rows: SQLite
 * then starts and ends a statement once for them all. 1,000,000 lines take 0.30 s of
 * SQLite's time so, 0.46 s one INSERT per line. */
#define ROWS_PER_INSERT 32
#define LINE_COLUMNS 10
/* Lines gathered before they are written (by the writer thread, when there is one), and the
 * number of such chunks: the caller fills one while the writer writes the others. */
#define CHUNK_LINES 4096

/* A line waiting for its INSERT; its texts are offsets into its chunk's text buffer, -1 for
 * none. */
typedef struct
{
  ImpactPurchaseLine line;
  gssize text[4];
  gsize length[4];
} PendingLine;

typedef struct
{
  PendingLine lines[CHUNK_LINES];
  guint n_lines;
  GString *texts;
} Chunk;


ImpactDbStmt *_impact_bulk_prepare_insert (ImpactDb     *db,
                                           guint         n_rows,
                                           GError      **error);
gboolean      _impact_bulk_insert_rows    (const Chunk  *chunk,
                                           gint64        batch_id,
                                           ImpactDbStmt *stmt,
                                           guint         first,
                                           guint         n,
                                           GError      **error);
gboolean      _impact_bulk_stage_begin    (ImpactDb     *db,
                                           GError      **error);
gboolean      _impact_bulk_stage_rows     (ImpactDb     *db,
                                           const Chunk  *chunk,
                                           GString      *out,
                                           GError      **error);
gboolean      _impact_bulk_stage_commit   (ImpactDb     *db,
                                           gint64        batch_id,
                                           GError      **error);

G_END_DECLS
