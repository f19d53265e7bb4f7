/* impact-db-stmt.h: a prepared statement that does not show which database runs it
 *
 * The store's statements bind their parameters (numbered from 1, written "?" in the SQL),
 * step through the rows and read the columns (numbered from 0) through this type, so that
 * the code above the connection never sees the database engine's own handles. Errors come
 * back as GError in IMPACT_STORE_ERROR, as from the rest of impact-db.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "impact-db.h"

G_BEGIN_DECLS

typedef struct _ImpactDbStmt ImpactDbStmt;

/* A column's value in the current row: the member its type names holds it; a text holds
 * until the next step, reset or free. */
typedef struct
{
  ImpactDbType type;
  gint64 integer;
  double real;
  const char *text;
} ImpactValue;

ImpactDbStmt *impact_db_stmt_new         (ImpactDb     *db,
                                          const char   *sql,
                                          GError      **error);
ImpactDbStmt *impact_db_stmt_new_cached  (ImpactDb     *db,
                                          const char   *sql,
                                          GError      **error);
void          impact_db_stmt_free        (ImpactDbStmt *stmt);
void          impact_db_stmt_bind_int64  (ImpactDbStmt *stmt,
                                          int           index,
                                          gint64        value);
void          impact_db_stmt_bind_double (ImpactDbStmt *stmt,
                                          int           index,
                                          double        value);
void          impact_db_stmt_bind_text   (ImpactDbStmt *stmt,
                                          int           index,
                                          const char   *text);
void          impact_db_stmt_bind_text_or_null (ImpactDbStmt *stmt,
                                          int           index,
                                          const char   *text);
void          impact_db_stmt_bind_text_borrowed (ImpactDbStmt *stmt,
                                          int           index,
                                          const char   *text,
                                          gsize         length);
void          impact_db_stmt_bind_null   (ImpactDbStmt *stmt,
                                          int           index);
void          impact_db_stmt_bind_positive (ImpactDbStmt *stmt,
                                          int           index,
                                          gint64        value);
ImpactDbStep  impact_db_stmt_step        (ImpactDbStmt *stmt,
                                          GError      **error);
gboolean      impact_db_stmt_step_row    (ImpactDbStmt *stmt,
                                          GError      **error);
gboolean      impact_db_stmt_run         (ImpactDbStmt *stmt,
                                          GError      **error);
gint64        impact_db_stmt_insert      (ImpactDbStmt *stmt,
                                          GError      **error);
gint64        impact_db_stmt_get_changes (ImpactDbStmt *stmt);
void          impact_db_stmt_reset       (ImpactDbStmt *stmt);
int           impact_db_stmt_get_n_columns (ImpactDbStmt *stmt);  /* after a step */
ImpactDbType  impact_db_stmt_get_type    (ImpactDbStmt *stmt,
                                          int           column);
gint64        impact_db_stmt_get_int64   (ImpactDbStmt *stmt,
                                          int           column);
double        impact_db_stmt_get_double  (ImpactDbStmt *stmt,
                                          int           column);
const char   *impact_db_stmt_get_text    (ImpactDbStmt *stmt,
                                          int           column);
char         *impact_db_stmt_dup_text    (ImpactDbStmt *stmt,
                                          int           column);
void          impact_db_stmt_get_value   (ImpactDbStmt *stmt,
                                          int           column,
                                          ImpactValue  *value);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ImpactDbStmt, impact_db_stmt_free)

G_END_DECLS
