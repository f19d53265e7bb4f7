/* impact-db-private.h: the connection and the driver table behind impact-db
 *
 * impact-db.c and impact-db-stmt.c hold what every database engine shares (nested
 * transactions, cached statements, waiting for a writer thread, typed values); a driver
 * (impact-db-sqlite.c) holds everything its engine does its own way. Nothing outside these
 * files includes an engine's header.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "impact-db.h"

G_BEGIN_DECLS

/* What an engine can do beyond the statements every driver runs. */
typedef enum
{
  /* Foreign-key checks can be switched off for a bulk writer that checks its references. */
  IMPACT_DB_CAN_DEFER_FOREIGN_KEYS = 1 << 0,
  /* The database is one file, that impact_db_backup() can copy. */
  IMPACT_DB_IS_FILE = 1 << 1,
  /* supplier_month_summary is a view summing spend_summary, not a table to keep up to date
   * (PostgreSQL's step 13: it then holds only what its reader may see). */
  IMPACT_DB_DERIVES_SUPPLIER_MONTHS = 1 << 2,
  /* Access by division: access_grants, impact_sees_all(), impact_divisions(), impact_grant()
   * and impact_revoke() (PostgreSQL's step 13). */
  IMPACT_DB_HAS_ACCESS_CONTROL = 1 << 3,
} ImpactDbCapabilities;

typedef struct _ImpactDbDriver ImpactDbDriver;

/* A driver's connection and statements are opaque to the shared code: it only hands them
 * back to the driver's functions. */
struct _ImpactDbDriver
{
  const char *name;
  ImpactDbCapabilities capabilities;

  /* The connection. open() fills db->connection or sets @error. */
  gboolean     (*open)           (ImpactDb     *db,
                                  GError      **error);
  void         (*close)          (ImpactDb     *db);
  gboolean     (*exec)           (ImpactDb     *db,
                                  const char   *sql,
                                  GError      **error);
  /* A subquery of the numbers in one text parameter, a JSON array such as "[1,2,3]". */
  const char   *id_list_sql;
  /* Where the engine has it (NULL elsewhere): @sql is a COPY … FROM STDIN, @data the rows
   * in its text format. */
  gboolean     (*copy_in)        (ImpactDb     *db,
                                  const char   *sql,
                                  const char   *data,
                                  gsize         length,
                                  GError      **error);
  /* Notifications from other connections, where the engine has them (NULL elsewhere): the
   * socket to watch, and the payloads that arrived (consumed). */
  int          (*get_socket)     (ImpactDb     *db);
  /* The server's number for this connection, which its notifications carry. */
  gint64       (*get_session)    (ImpactDb     *db);
  gboolean     (*take_notifications) (ImpactDb *db,
                                  GPtrArray    *payloads,
                                  GError      **error);
  /* The SQL that starts the outermost transaction, taking the write lock at once. */
  const char   *begin_sql;
  /* Whether an error ended the open transaction by itself (nothing left to roll back). */
  gboolean     (*transaction_lost) (ImpactDb   *db);
  gboolean     (*set_foreign_keys) (ImpactDb   *db,
                                  gboolean      enabled,
                                  GError      **error);
  gboolean     (*backup)         (ImpactDb     *db,
                                  const char   *path,
                                  GError      **error);

  /* The schema: the steps of impact-migrations (ended by NULL), how far a database is and
   * whether it is another program's, and marking its number. */
  const char *const *migrations;
  /* SQL that keeps other connections from migrating until the transaction ends, where
   * begin_sql does not already (NULL there). */
  const char   *schema_lock_sql;
  /* SQL that keeps other connections from adding suppliers until the transaction ends,
   * where a write transaction does not already (NULL there). */
  const char   *suppliers_lock_sql;
  gboolean     (*read_schema)    (ImpactDb     *db,
                                  gint64       *version,
                                  gboolean     *foreign,
                                  GError      **error);
  gboolean     (*write_schema)   (ImpactDb     *db,
                                  gint64        version,
                                  GError      **error);
  /* Settings of the connection once the schema is current (journal, synchronisation). */
  gboolean     (*configure)      (ImpactDb     *db,
                                  GError      **error);

  /* Statements: parameters numbered from 1, columns from 0. */
  gpointer     (*prepare)        (ImpactDb     *db,
                                  const char   *sql,
                                  GError      **error);
  void         (*finalize)       (gpointer      stmt);
  void         (*clear)          (gpointer      stmt);
  void         (*bind_int64)     (gpointer      stmt,
                                  int           index,
                                  gint64        value);
  void         (*bind_double)    (gpointer      stmt,
                                  int           index,
                                  double        value);
  /* @copy FALSE: @text stays as it is until the statement has run. */
  void         (*bind_text)      (gpointer      stmt,
                                  int           index,
                                  const char   *text,
                                  gssize        length,
                                  gboolean      copy);
  void         (*bind_null)      (gpointer      stmt,
                                  int           index);
  ImpactDbStep (*step)           (ImpactDb     *db,
                                  gpointer      stmt,
                                  GError      **error);
  void         (*reset)          (gpointer      stmt);
  gint64       (*changes)        (ImpactDb     *db,
                                  gpointer      stmt);
  int          (*n_columns)      (gpointer      stmt);
  ImpactDbType (*column_type)    (gpointer      stmt,
                                  int           column);
  gint64       (*column_int64)   (gpointer      stmt,
                                  int           column);
  double       (*column_double)  (gpointer      stmt,
                                  int           column);
  const char  *(*column_text)    (gpointer      stmt,
                                  int           column);
};

struct _ImpactDb
{
  const ImpactDbDriver *driver;
  /* The driver's connection. */
  gpointer connection;
  /* What the database was opened from (a file's path, a server's location), to open it
   * again from other threads; and the name it is shown by (for a server user@host/dbname,
   * never with a password). */
  char *path;
  char *name;
  /* SQL text -> the driver's statement, for impact_db_stmt_new_cached() */
  GHashTable *statements;
  /* While another thread writes with the connection: waits for it (impact_db_set_wait()). */
  ImpactDbWaitFunc wait;
  gpointer wait_data;
  /* How many transactions are open, the outermost and its savepoints (impact_db_begin()),
   * and whether the outermost is a bulk writer's. */
  guint depth;
  gboolean bulk;
};

extern const ImpactDbDriver impact_db_sqlite_driver;
#if HAVE_POSTGRESQL
extern const ImpactDbDriver impact_db_pg_driver;

char     *_impact_db_pg_translate    (const char  *sql,
                                      int         *n_params,
                                      GArray     **used);
#endif

gboolean  _impact_db_wait_for_writer (ImpactDb    *db,
                                      GError     **error);
gpointer  _impact_db_prepare         (ImpactDb    *db,
                                      const char  *sql,
                                      gboolean     cached,
                                      GError     **error);

G_END_DECLS
