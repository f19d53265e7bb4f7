/* impact-db-sqlite.c: the embedded driver, one SQLite file per dataset
 *
 * The only file (with impact-migrations-sqlite.c's SQL) that knows SQLite: opening a
 * private file, its errors in words a person understands, statements, the schema's number
 * in PRAGMA user_version, the backup API.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "impact-db"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <sys/stat.h>

#include "impact-db-private.h"
#include "impact-migrations.h"

/* Waiting this long for another process to release the file before saying it is locked. */
#define BUSY_TIMEOUT_MS 3000

extern const char *const _impact_migrations_sqlite[];

static ImpactStoreError
error_code_for (int rc)
{
  switch (rc & 0xff)
    {
    case SQLITE_NOTADB:
      return IMPACT_STORE_ERROR_NOT_A_DATABASE;
    case SQLITE_CORRUPT:
      return IMPACT_STORE_ERROR_CORRUPT;
    case SQLITE_READONLY:
    case SQLITE_PERM:
      return IMPACT_STORE_ERROR_READ_ONLY;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return IMPACT_STORE_ERROR_LOCKED;
    case SQLITE_CONSTRAINT:
      return IMPACT_STORE_ERROR_CONSTRAINT;
    case SQLITE_INTERRUPT:
      return IMPACT_STORE_ERROR_CANCELLED;
    case SQLITE_CANTOPEN:
      return IMPACT_STORE_ERROR_OPEN;
    default:
      return IMPACT_STORE_ERROR_FAILED;
    }
}

/* Turns an SQLite result into an error that tells a person what happened to which file. */
static void
set_error (ImpactDb *db,
           int rc,
           GError **error)
{
  ImpactStoreError code = error_code_for (rc);
  sqlite3 *handle = db->connection;
  const char *detail = handle != NULL ? sqlite3_errmsg (handle) : sqlite3_errstr (rc);
  g_autofree char *name = g_filename_display_name (db->path);

  switch (code)
    {
    case IMPACT_STORE_ERROR_NOT_A_DATABASE:
      g_set_error (error, IMPACT_STORE_ERROR, code,
                   _ ("“%s” is not an Impact Dashboard database: it is not an SQLite file. "
                      "Choose another file; this one was left unchanged."),
                   name);
      break;

    case IMPACT_STORE_ERROR_CORRUPT:
      g_set_error (error, IMPACT_STORE_ERROR, code,
                   _ ("The database “%s” is damaged (%s). Restore it from a backup."), name, detail);
      break;

    case IMPACT_STORE_ERROR_READ_ONLY:
      g_set_error (error, IMPACT_STORE_ERROR, code,
                   _ ("The database “%s” is read-only. Make the file and its folder writable, "
                      "then try again."),
                   name);
      break;

    case IMPACT_STORE_ERROR_LOCKED:
      g_set_error (error, IMPACT_STORE_ERROR, code,
                   _ ("The database “%s” is in use by another program. Close that program and "
                      "try again."),
                   name);
      break;

    case IMPACT_STORE_ERROR_CANCELLED:
      g_set_error_literal (error, IMPACT_STORE_ERROR, code, _ ("The operation was cancelled."));
      break;

    case IMPACT_STORE_ERROR_OPEN:
      g_set_error (error, IMPACT_STORE_ERROR, code, _ ("Could not open the database “%s”: %s"),
                   name, detail);
      break;

    case IMPACT_STORE_ERROR_CONSTRAINT:
    case IMPACT_STORE_ERROR_FAILED:
    case IMPACT_STORE_ERROR_FOREIGN_DATABASE:
    case IMPACT_STORE_ERROR_TOO_NEW:
    case IMPACT_STORE_ERROR_NOT_FOUND:
    case IMPACT_STORE_ERROR_INVALID:
    case IMPACT_STORE_ERROR_NOT_EMPTY:
    case IMPACT_STORE_ERROR_UNSUPPORTED:
    default:
      g_set_error (error, IMPACT_STORE_ERROR, code, _ ("Database error in “%s”: %s"), name, detail);
      break;
    }
}

/* Creates the file with mode 0600 when it is missing, because SQLite would create it
 * world-readable, and spend data is confidential. */
static gboolean
ensure_private_file (const char *path,
                     GError **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  int fd;

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;
      g_autofree char *name = g_filename_display_name (dir);

      g_set_error (error, IMPACT_STORE_ERROR, IMPACT_STORE_ERROR_OPEN,
                   _ ("Could not create the folder “%s”: %s"), name, g_strerror (saved_errno));
      return FALSE;
    }

  fd = g_open (path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd >= 0)
    return g_close (fd, error);
  if (errno == EEXIST)
    return TRUE;

  {
    int saved_errno = errno;
    g_autofree char *name = g_filename_display_name (path);

    g_set_error (error, IMPACT_STORE_ERROR,
                 saved_errno == EACCES || saved_errno == EROFS ? IMPACT_STORE_ERROR_READ_ONLY
                                                               : IMPACT_STORE_ERROR_OPEN,
                 _ ("Could not create the database “%s”: %s"), name, g_strerror (saved_errno));
  }
  return FALSE;
}

static gboolean
sqlite_open (ImpactDb *db,
             GError **error)
{
  sqlite3 *handle = NULL;
  GStatBuf st;
  int rc;

  db->name = g_filename_display_name (db->path);
  if (!ensure_private_file (db->path, error))
    return FALSE;

  /* A file without write permission for its owner is treated as read-only even for root,
   * who could write it anyway: the owner meant it to stay as it is. */
  if (g_stat (db->path, &st) == 0 && (st.st_mode & S_IWUSR) == 0)
    {
      g_autofree char *name = g_filename_display_name (db->path);

      g_set_error (error, IMPACT_STORE_ERROR, IMPACT_STORE_ERROR_READ_ONLY,
                   _ ("The database “%s” is read-only. Make the file and its folder writable, "
                      "then try again."),
                   name);
      return FALSE;
    }

  rc = sqlite3_open_v2 (db->path, &handle, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE,
                        NULL);
  db->connection = handle;
  if (rc != SQLITE_OK)
    {
      set_error (db, rc, error);
      return FALSE;
    }

  sqlite3_busy_timeout (handle, BUSY_TIMEOUT_MS);

  return TRUE;
}

static void
sqlite_close (ImpactDb *db)
{
  sqlite3_close_v2 (db->connection);
  db->connection = NULL;
}

static gboolean
sqlite_exec (ImpactDb *db,
             const char *sql,
             GError **error)
{
  int rc = sqlite3_exec (db->connection, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    {
      set_error (db, rc, error);
      return FALSE;
    }

  return TRUE;
}

static gboolean
sqlite_transaction_lost (ImpactDb *db)
{
  return sqlite3_get_autocommit (db->connection) != 0;
}

/* PRAGMA foreign_keys is ignored inside a transaction: impact-db sets it before one begins
 * and after it ends. */
static gboolean
sqlite_set_foreign_keys (ImpactDb *db,
                         gboolean enabled,
                         GError **error)
{
  return sqlite_exec (db, enabled ? "PRAGMA foreign_keys = ON" : "PRAGMA foreign_keys = OFF", error);
}

/* Copies the whole database to a new private file at @path, as it was last committed. The
 * copy is read through a connection of its own: SQLite refuses to copy through a connection
 * that holds the write lock (SQLITE_LOCKED), as the migrations' does, and in WAL mode a
 * reader does not wait for the writer. */
static gboolean
sqlite_backup (ImpactDb *db,
               const char *path,
               GError **error)
{
  sqlite3 *source = NULL;
  sqlite3 *dest = NULL;
  sqlite3_backup *backup;
  int fd;
  int rc;

  /* The copy holds the same confidential figures as the original, so it is private too. */
  fd = g_open (path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  if (fd < 0 || !g_close (fd, NULL))
    rc = SQLITE_CANTOPEN;
  else
    rc = sqlite3_open_v2 (path, &dest, SQLITE_OPEN_READWRITE, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_open_v2 (db->path, &source, SQLITE_OPEN_READONLY, NULL);
  if (rc == SQLITE_OK)
    {
      sqlite3_busy_timeout (source, BUSY_TIMEOUT_MS);
      backup = sqlite3_backup_init (dest, "main", source, "main");
      if (backup != NULL)
        {
          rc = sqlite3_backup_step (backup, -1);
          sqlite3_backup_finish (backup);
          rc = rc == SQLITE_DONE ? SQLITE_OK : rc;
        }
      else
        rc = sqlite3_errcode (dest);
    }
  sqlite3_close_v2 (source);
  sqlite3_close_v2 (dest);

  if (rc != SQLITE_OK)
    {
      g_autofree char *name = g_filename_display_name (path);

      g_set_error (error, IMPACT_STORE_ERROR, IMPACT_STORE_ERROR_FAILED,
                   _ ("Could not save a backup copy “%s” before updating the database: %s"), name,
                   sqlite3_errstr (rc));
      return FALSE;
    }

  return TRUE;
}

/* The schema's number is PRAGMA user_version; a file is ours when its application_id is
 * ours, or it is empty. */
static gboolean
sqlite_read_schema (ImpactDb *db,
                    gint64 *version,
                    gboolean *foreign,
                    GError **error)
{
  sqlite3_stmt *stmt = NULL;
  gint64 app_id = 0, n_objects = 0;
  int rc;

  /* One statement, so that the three are read from one state of the file: another program
   * may be creating the schema meanwhile. */
  rc = sqlite3_prepare_v2 (db->connection,
                           "SELECT (SELECT application_id FROM pragma_application_id),"
                           " (SELECT user_version FROM pragma_user_version), (SELECT count(*) FROM sqlite_schema)",
                           -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      app_id = sqlite3_column_int64 (stmt, 0);
      *version = sqlite3_column_int64 (stmt, 1);
      n_objects = sqlite3_column_int64 (stmt, 2);
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_ROW)
    {
      set_error (db, rc, error);
      return FALSE;
    }

  *foreign = (app_id != 0 && app_id != IMPACT_APPLICATION_ID) || (*version == 0 && n_objects > 0);

  return TRUE;
}

static gboolean
sqlite_write_schema (ImpactDb *db,
                     gint64 version,
                     GError **error)
{
  /* PRAGMA takes no bound parameters; the numbers are ours, not data. */
  g_autofree char *stamp = g_strdup_printf ("PRAGMA user_version = %" G_GINT64_FORMAT ";"
                                            "PRAGMA application_id = %d;",
                                            version, IMPACT_APPLICATION_ID);

  return sqlite_exec (db, stamp, error);
}

/* WAL with NORMAL sync survives a crash of the program without losing a committed
 * transaction; only a power cut may lose the last ones, never consistency. */
static gboolean
sqlite_configure (ImpactDb *db,
                  GError **error)
{
  return sqlite_exec (db, "PRAGMA journal_mode = WAL; PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL", error);
}

static gpointer
sqlite_prepare (ImpactDb *db,
                const char *sql,
                GError **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (db->connection, sql, -1, &stmt, NULL);

  if (rc != SQLITE_OK)
    {
      set_error (db, rc, error);
      return NULL;
    }

  return stmt;
}

static void
sqlite_finalize (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

static void
sqlite_clear (gpointer stmt)
{
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
}

static void
sqlite_bind_int64 (gpointer stmt,
                   int index,
                   gint64 value)
{
  sqlite3_bind_int64 (stmt, index, value);
}

static void
sqlite_bind_double (gpointer stmt,
                    int index,
                    double value)
{
  sqlite3_bind_double (stmt, index, value);
}

static void
sqlite_bind_text (gpointer stmt,
                  int index,
                  const char *text,
                  gssize length,
                  gboolean copy)
{
  sqlite3_bind_text (stmt, index, text, (int) length, copy ? SQLITE_TRANSIENT : SQLITE_STATIC);
}

static void
sqlite_bind_null (gpointer stmt,
                  int index)
{
  sqlite3_bind_null (stmt, index);
}

static ImpactDbStep
sqlite_step (ImpactDb *db,
             gpointer stmt,
             GError **error)
{
  int rc = sqlite3_step (stmt);

  if (rc == SQLITE_ROW)
    return IMPACT_DB_ROW;
  if (rc == SQLITE_DONE)
    return IMPACT_DB_DONE;

  set_error (db, rc, error);
  return IMPACT_DB_ERROR;
}

static void
sqlite_reset (gpointer stmt)
{
  sqlite3_reset (stmt);
}

static gint64
sqlite_changes (ImpactDb *db,
                gpointer stmt)
{
  return sqlite3_changes64 (db->connection);
}

static int
sqlite_n_columns (gpointer stmt)
{
  return sqlite3_column_count (stmt);
}

static ImpactDbType
sqlite_column_type (gpointer stmt,
                    int column)
{
  switch (sqlite3_column_type (stmt, column))
    {
    case SQLITE_NULL:
      return IMPACT_DB_NULL;
    case SQLITE_INTEGER:
      return IMPACT_DB_INTEGER;
    case SQLITE_FLOAT:
      return IMPACT_DB_REAL;
    default:
      return IMPACT_DB_TEXT;
    }
}

static gint64
sqlite_column_int64 (gpointer stmt,
                     int column)
{
  return sqlite3_column_int64 (stmt, column);
}

static double
sqlite_column_double (gpointer stmt,
                      int column)
{
  return sqlite3_column_double (stmt, column);
}

static const char *
sqlite_column_text (gpointer stmt,
                    int column)
{
  return (const char *) sqlite3_column_text (stmt, column);
}

const ImpactDbDriver impact_db_sqlite_driver = {
  .name = "sqlite",
  .capabilities = IMPACT_DB_CAN_DEFER_FOREIGN_KEYS | IMPACT_DB_IS_FILE,
  .open = sqlite_open,
  .close = sqlite_close,
  .exec = sqlite_exec,
  /* IMMEDIATE takes the write lock now, so a busy database fails here, before any work. */
  .begin_sql = "BEGIN IMMEDIATE",
  .id_list_sql = "SELECT value FROM json_each (?)",
  .transaction_lost = sqlite_transaction_lost,
  .set_foreign_keys = sqlite_set_foreign_keys,
  .backup = sqlite_backup,
  .migrations = _impact_migrations_sqlite,
  .read_schema = sqlite_read_schema,
  .write_schema = sqlite_write_schema,
  .configure = sqlite_configure,
  .prepare = sqlite_prepare,
  .finalize = sqlite_finalize,
  .clear = sqlite_clear,
  .bind_int64 = sqlite_bind_int64,
  .bind_double = sqlite_bind_double,
  .bind_text = sqlite_bind_text,
  .bind_null = sqlite_bind_null,
  .step = sqlite_step,
  .reset = sqlite_reset,
  .changes = sqlite_changes,
  .n_columns = sqlite_n_columns,
  .column_type = sqlite_column_type,
  .column_int64 = sqlite_column_int64,
  .column_double = sqlite_column_double,
  .column_text = sqlite_column_text,
};
