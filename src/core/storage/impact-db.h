/* impact-db.h: a connection to the application's database that reports through GError
 *
 * The code above it sees neither the engine nor its handles: statements go through
 * ImpactDbStmt (impact-db-stmt.h), transactions nest, and errors come in IMPACT_STORE_ERROR.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

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
  IMPACT_STORE_ERROR_UNSUPPORTED,
} ImpactStoreError;

GQuark impact_store_error_quark (void);

typedef struct _ImpactDb ImpactDb;

/* What a step gave: a row to read, the end, or an error (in the step's GError). */
typedef enum
{
  IMPACT_DB_ERROR = -1,
  IMPACT_DB_DONE = 0,
  IMPACT_DB_ROW = 1,
} ImpactDbStep;

/* The type of a column's value in the current row. */
typedef enum
{
  IMPACT_DB_NULL,
  IMPACT_DB_INTEGER,
  IMPACT_DB_REAL,
  IMPACT_DB_TEXT,
} ImpactDbType;

/* Waits for a thread that writes with the connection; FALSE with @error when it failed. */
typedef gboolean (*ImpactDbWaitFunc) (gpointer data,
                                      GError **error);

gboolean      impact_db_location_is_server (const char *location);
char         *impact_db_location_get_display_name (const char *location);
gboolean      impact_db_location_exists  (const char    *location);
char         *impact_db_location_with_password (const char *location,
                                                const char *password);
ImpactDb     *impact_db_open             (const char    *location,
                                          GError       **error);
void          impact_db_close            (ImpactDb      *db);
void          impact_db_set_wait         (ImpactDb      *db,
                                          ImpactDbWaitFunc wait,
                                          gpointer       data);
const char   *impact_db_get_path         (ImpactDb      *db);
const char   *impact_db_get_name         (ImpactDb      *db);
gboolean      impact_db_has_access_control (ImpactDb    *db);
gboolean      impact_db_derives_supplier_months (ImpactDb *db);
const char   *impact_db_get_id_list_sql  (ImpactDb      *db);
gboolean      impact_db_can_copy         (ImpactDb      *db);
gboolean      impact_db_can_notify       (ImpactDb      *db);
int           impact_db_get_socket       (ImpactDb      *db);
gint64        impact_db_get_session      (ImpactDb      *db);
gboolean      impact_db_take_notifications (ImpactDb    *db,
                                          GPtrArray     *payloads,
                                          GError       **error);
gboolean      impact_db_copy_in          (ImpactDb      *db,
                                          const char    *sql,
                                          const char    *data,
                                          gsize          length,
                                          GError       **error);
void          impact_db_append_copy_text (GString       *out,
                                          const char    *text,
                                          gssize         length);
gboolean      impact_db_lock_suppliers   (ImpactDb      *db,
                                          GError       **error);
gboolean      impact_db_exec             (ImpactDb      *db,
                                          const char    *sql,
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

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ImpactDb, impact_db_close)

G_END_DECLS
