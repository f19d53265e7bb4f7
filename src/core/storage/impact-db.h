/* impact-db.h: a thin SQLite wrapper that reports through GError
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <sqlite3.h>

G_BEGIN_DECLS

#define IMPACT_STORE_ERROR (impact_store_error_quark ())

typedef enum
{
  IMPACT_STORE_ERROR_FAILED,
  IMPACT_STORE_ERROR_OPEN,
  IMPACT_STORE_ERROR_NOT_A_DATABASE,
  IMPACT_STORE_ERROR_FOREIGN_DATABASE,
  IMPACT_STORE_ERROR_TOO_NEW,
  IMPACT_STORE_ERROR_READ_ONLY,
  IMPACT_STORE_ERROR_LOCKED,
  IMPACT_STORE_ERROR_CORRUPT,
  IMPACT_STORE_ERROR_CONSTRAINT,
  IMPACT_STORE_ERROR_NOT_FOUND,
  IMPACT_STORE_ERROR_INVALID,
  IMPACT_STORE_ERROR_NOT_EMPTY,
  IMPACT_STORE_ERROR_CANCELLED,
} ImpactStoreError;

GQuark impact_store_error_quark (void);

typedef struct _ImpactDb ImpactDb;

/* Waits for a thread that writes with the connection; FALSE with @error when it failed. */
typedef gboolean (*ImpactDbWaitFunc) (gpointer data,
                                      GError **error);

/* A statement of impact_db_prepare_cached(): released, not finalised. */
typedef sqlite3_stmt ImpactDbCachedStmt;

ImpactDb     *impact_db_open             (const char    *path,
                                          GError       **error);
void          impact_db_close            (ImpactDb      *db);
sqlite3      *impact_db_get_handle       (ImpactDb      *db);
void          impact_db_set_wait         (ImpactDb      *db,
                                          ImpactDbWaitFunc wait,
                                          gpointer       data);
const char   *impact_db_get_path         (ImpactDb      *db);
gboolean      impact_db_exec             (ImpactDb      *db,
                                          const char    *sql,
                                          GError       **error);
ImpactDbCachedStmt *impact_db_prepare_cached (ImpactDb  *db,
                                          const char    *sql,
                                          GError       **error);
void          impact_db_release          (ImpactDbCachedStmt *stmt);
sqlite3_stmt *impact_db_prepare          (ImpactDb      *db,
                                          const char    *sql,
                                          GError       **error);
gboolean      impact_db_step_done        (ImpactDb      *db,
                                          sqlite3_stmt  *stmt,
                                          GError       **error);
gboolean      impact_db_query_int        (ImpactDb      *db,
                                          const char    *sql,
                                          gint64        *value,
                                          GError       **error);
gboolean      impact_db_backup           (ImpactDb      *db,
                                          const char    *path,
                                          GError       **error);
gboolean      impact_db_begin            (ImpactDb      *db,
                                          GError       **error);
gboolean      impact_db_begin_bulk       (ImpactDb      *db,
                                          GError       **error);
gboolean      impact_db_in_transaction   (ImpactDb      *db);
gboolean      impact_db_commit           (ImpactDb      *db,
                                          GError       **error);
void          impact_db_rollback         (ImpactDb      *db);
void          impact_db_set_error        (ImpactDb      *db,
                                          int            rc,
                                          GError       **error);
void          impact_db_bind_text_or_null (sqlite3_stmt *stmt,
                                           int           index,
                                           const char   *text);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ImpactDb, impact_db_close)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3_stmt, sqlite3_finalize)

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ImpactDbCachedStmt, impact_db_release)

G_END_DECLS
