/* impact-db.c: a thin SQLite wrapper that reports through GError
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "impact-db"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <sys/stat.h>

#include "impact-db.h"

G_DEFINE_QUARK (impact - store - error - quark, impact_store_error)

struct _ImpactDb
{
  sqlite3 *handle;
  char *path;
  /* SQL text -> sqlite3_stmt, for impact_db_prepare_cached() */
  GHashTable *statements;
  /* While another thread writes with the connection: waits for it (impact_db_set_wait()). */
  ImpactDbWaitFunc wait;
  gpointer wait_data;
  /* How many transactions are open, the outermost and its savepoints (impact_db_begin()),
   * and whether the outermost is a bulk writer's. */
  guint depth;
  gboolean bulk;
};

/* Waiting this long for another process to release the file before saying it is locked. */
#define BUSY_TIMEOUT_MS 3000

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
void
impact_db_set_error (ImpactDb *db,
                     int rc,
                     GError **error)
{
  ImpactStoreError code = error_code_for (rc);
  const char *detail = db != NULL && db->handle != NULL ? sqlite3_errmsg (db->handle) : sqlite3_errstr (rc);
  g_autofree char *name = db != NULL ? g_filename_display_name (db->path) : g_strdup ("");

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

ImpactDb *
impact_db_open (const char *path,
                GError **error)
{
  g_autoptr (ImpactDb) db = NULL;
  GStatBuf st;
  int rc;

  g_return_val_if_fail (path != NULL, NULL);

  if (!ensure_private_file (path, error))
    return NULL;

  /* A file without write permission for its owner is treated as read-only even for root,
   * who could write it anyway: the owner meant it to stay as it is. */
  if (g_stat (path, &st) == 0 && (st.st_mode & S_IWUSR) == 0)
    {
      g_autofree char *name = g_filename_display_name (path);

      g_set_error (error, IMPACT_STORE_ERROR, IMPACT_STORE_ERROR_READ_ONLY,
                   _ ("The database “%s” is read-only. Make the file and its folder writable, "
                      "then try again."),
                   name);
      return NULL;
    }

  db = g_new0 (ImpactDb, 1);
  db->path = g_strdup (path);

  rc = sqlite3_open_v2 (path, &db->handle,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE, NULL);
  if (rc != SQLITE_OK)
    {
      impact_db_set_error (db, rc, error);
      return NULL;
    }

  sqlite3_busy_timeout (db->handle, BUSY_TIMEOUT_MS);

  return g_steal_pointer (&db);
}

void
impact_db_close (ImpactDb *db)
{
  if (db == NULL)
    return;

  g_clear_pointer (&db->statements, g_hash_table_unref);
  if (db->handle != NULL)
    sqlite3_close_v2 (db->handle);
  g_free (db->path);
  g_free (db);
}

/* While @wait is set, every statement prepared or run through @db first calls it: a
 * thread that writes with the connection in the background (a batch's writer) is waited
 * for, whatever part of the store uses the connection meanwhile. NULL unsets it. */
void
impact_db_set_wait (ImpactDb *db,
                    ImpactDbWaitFunc wait,
                    gpointer data)
{
  g_return_if_fail (db != NULL);

  db->wait = wait;
  db->wait_data = data;
}

static gboolean
wait_for_writer (ImpactDb *db,
                 GError **error)
{
  return db->wait == NULL || db->wait (db->wait_data, error);
}

sqlite3 *
impact_db_get_handle (ImpactDb *db)
{
  g_return_val_if_fail (db != NULL, NULL);

  return db->handle;
}

const char *
impact_db_get_path (ImpactDb *db)
{
  g_return_val_if_fail (db != NULL, NULL);

  return db->path;
}

gboolean
impact_db_exec (ImpactDb *db,
                const char *sql,
                GError **error)
{
  int rc;

  g_return_val_if_fail (db != NULL, FALSE);
  g_return_val_if_fail (sql != NULL, FALSE);

  if (!wait_for_writer (db, error))
    return FALSE;
  rc = sqlite3_exec (db->handle, sql, NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    {
      impact_db_set_error (db, rc, error);
      return FALSE;
    }

  return TRUE;
}

sqlite3_stmt *
impact_db_prepare (ImpactDb *db,
                   const char *sql,
                   GError **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  g_return_val_if_fail (db != NULL, NULL);
  g_return_val_if_fail (sql != NULL, NULL);

  if (!wait_for_writer (db, error))
    return NULL;
  rc = sqlite3_prepare_v2 (db->handle, sql, -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      impact_db_set_error (db, rc, error);
      return NULL;
    }

  return stmt;
}

static void
finalize_statement (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

/* A statement for SQL that runs again and again (an import looks up and adds thousands of
 * suppliers), prepared once per connection: preparing took most of the time of each such
 * call. The statement belongs to @db; the caller releases it with impact_db_release()
 * (g_autoptr (ImpactDbCachedStmt) does), which resets it for the next use. */
ImpactDbCachedStmt *
impact_db_prepare_cached (ImpactDb *db,
                          const char *sql,
                          GError **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (db != NULL, NULL);
  g_return_val_if_fail (sql != NULL, NULL);

  if (!wait_for_writer (db, error))
    return NULL;
  if (db->statements == NULL)
    db->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, finalize_statement);

  stmt = g_hash_table_lookup (db->statements, sql);
  if (stmt == NULL)
    {
      stmt = impact_db_prepare (db, sql, error);
      if (stmt == NULL)
        return NULL;
      g_hash_table_insert (db->statements, g_strdup (sql), stmt);
    }

  return stmt;
}

void
impact_db_release (ImpactDbCachedStmt *stmt)
{
  if (stmt == NULL)
    return;

  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
}

/* Steps a statement that returns no rows and resets it for the next use. */
gboolean
impact_db_step_done (ImpactDb *db,
                     sqlite3_stmt *stmt,
                     GError **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    {
      impact_db_set_error (db, rc, error);
      return FALSE;
    }

  return TRUE;
}

gboolean
impact_db_query_int (ImpactDb *db,
                     const char *sql,
                     gint64 *value,
                     GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = impact_db_prepare (db, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *value = sqlite3_column_int64 (stmt, 0);
      return TRUE;
    }
  if (rc == SQLITE_DONE)
    {
      *value = 0;
      return TRUE;
    }

  impact_db_set_error (db, rc, error);
  return FALSE;
}

/* Copies the whole database to a new private file at @path, as it is now. */
gboolean
impact_db_backup (ImpactDb *db,
                  const char *path,
                  GError **error)
{
  sqlite3 *dest = NULL;
  sqlite3_backup *backup;
  int fd;
  int rc;

  g_return_val_if_fail (db != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  /* The copy holds the same confidential figures as the original, so it is private too. */
  fd = g_open (path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  if (fd < 0 || !g_close (fd, NULL))
    rc = SQLITE_CANTOPEN;
  else
    rc = sqlite3_open_v2 (path, &dest, SQLITE_OPEN_READWRITE, NULL);
  if (rc == SQLITE_OK)
    {
      backup = sqlite3_backup_init (dest, "main", db->handle, "main");
      if (backup != NULL)
        {
          sqlite3_backup_step (backup, -1);
          sqlite3_backup_finish (backup);
        }
      rc = sqlite3_errcode (dest);
    }
  sqlite3_close_v2 (dest);

  if (rc != SQLITE_OK)
    {
      g_autofree char *name = g_filename_display_name (path);

      g_set_error (error, IMPACT_STORE_ERROR, IMPACT_STORE_ERROR_FAILED,
                   _ ("Could not save a backup copy “%s” before updating the database: %s"),
                   name, sqlite3_errstr (rc));
      return FALSE;
    }

  return TRUE;
}

/* Transactions nest: the outermost is a transaction, each one inside it a savepoint, so a
 * step of the store that must be whole (an obligation with its history) is whole on its own
 * and inside a larger one (an import). Each begin is ended by one commit or one rollback. */
static gboolean
begin (ImpactDb *db,
       gboolean bulk,
       GError **error)
{
  g_autofree char *savepoint = NULL;

  g_return_val_if_fail (db != NULL, FALSE);

  if (db->depth > 0)
    {
      savepoint = g_strdup_printf ("SAVEPOINT impact_%u", db->depth);
      if (!impact_db_exec (db, savepoint, error))
        return FALSE;
      db->depth++;
      return TRUE;
    }

  /* PRAGMA foreign_keys is ignored inside a transaction, so it is set before it begins. */
  if (bulk && !impact_db_exec (db, "PRAGMA foreign_keys = OFF", error))
    return FALSE;
  /* IMMEDIATE takes the write lock now, so a busy database fails here, before any work. */
  if (!impact_db_exec (db, "BEGIN IMMEDIATE", error))
    {
      if (bulk)
        impact_db_exec (db, "PRAGMA foreign_keys = ON", NULL);
      return FALSE;
    }
  db->depth = 1;
  db->bulk = bulk;

  return TRUE;
}

gboolean
impact_db_begin (ImpactDb *db,
                 GError **error)
{
  return begin (db, FALSE, error);
}

/* A transaction for a bulk writer that checks every reference it writes itself (as the
 * importer and ImpactBulkInsert do): SQLite's foreign-key probes are off until it ends,
 * which saves about 30% of the time of a large insert. Inside another transaction it is a
 * plain savepoint, and the references are checked as that transaction checks them. */
gboolean
impact_db_begin_bulk (ImpactDb *db,
                      GError **error)
{
  return begin (db, TRUE, error);
}

/* Whether a transaction is open (begun and not yet committed or rolled back). */
gboolean
impact_db_in_transaction (ImpactDb *db)
{
  g_return_val_if_fail (db != NULL, FALSE);

  return db->depth > 0;
}

static void
end_outermost (ImpactDb *db)
{
  db->depth = 0;
  if (db->bulk)
    impact_db_exec (db, "PRAGMA foreign_keys = ON", NULL);
  db->bulk = FALSE;
}

/* Ends the innermost transaction. When the outermost one cannot be committed (the disk is
 * full), it stays open for impact_db_rollback(). */
gboolean
impact_db_commit (ImpactDb *db,
                  GError **error)
{
  g_autofree char *release = NULL;

  g_return_val_if_fail (db != NULL, FALSE);
  g_return_val_if_fail (db->depth > 0, FALSE);

  if (db->depth > 1)
    {
      release = g_strdup_printf ("RELEASE impact_%u", db->depth - 1);
      if (!impact_db_exec (db, release, error))
        return FALSE;
      db->depth--;
      return TRUE;
    }

  if (!impact_db_exec (db, "COMMIT", error))
    return FALSE;
  end_outermost (db);

  return TRUE;
}

/* Undoes and ends the innermost transaction. */
void
impact_db_rollback (ImpactDb *db)
{
  g_autofree char *rollback = NULL;

  g_return_if_fail (db != NULL);

  if (db->depth == 0)
    return;

  /* An error that undid the whole transaction by itself (SQLite does so on a full disk)
   * leaves nothing to roll back to at any depth. */
  if (sqlite3_get_autocommit (db->handle))
    {
      end_outermost (db);
      return;
    }

  if (db->depth > 1)
    {
      rollback = g_strdup_printf ("ROLLBACK TO impact_%u; RELEASE impact_%u", db->depth - 1, db->depth - 1);
      impact_db_exec (db, rollback, NULL);
      db->depth--;
      return;
    }

  sqlite3_exec (db->handle, "ROLLBACK", NULL, NULL, NULL);
  end_outermost (db);
}

void
impact_db_bind_text_or_null (sqlite3_stmt *stmt,
                             int index,
                             const char *text)
{
  if (text != NULL && *text != '\0')
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (stmt, index);
}
