/* impact-db-stmt.c: a prepared statement that does not show which database runs it
 *
 * On SQLite: a sqlite3_stmt and its connection. A text bound is copied, so that the caller's
 * string may go before the statement runs.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "impact-db"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "impact-db-stmt.h"

struct _ImpactDbStmt
{
  ImpactDb *db;
  sqlite3_stmt *stmt;
  /* One of the connection's cached statements: freeing it releases it for the next use. */
  gboolean cached;
};

/* @prepared (NULL when preparing failed) for the statements below. */
static ImpactDbStmt *
wrap (ImpactDb *db,
      sqlite3_stmt *prepared,
      gboolean cached)
{
  ImpactDbStmt *stmt;

  if (prepared == NULL)
    return NULL;

  stmt = g_new (ImpactDbStmt, 1);
  stmt->db = db;
  stmt->stmt = prepared;
  stmt->cached = cached;

  return stmt;
}

/* Prepares @sql on @db (waiting first for a thread that writes with it); NULL with @error
 * when the SQL is wrong or the database cannot be read. The statement must not outlive @db. */
ImpactDbStmt *
impact_db_stmt_new (ImpactDb *db,
                    const char *sql,
                    GError **error)
{
  g_return_val_if_fail (db != NULL, NULL);
  g_return_val_if_fail (sql != NULL, NULL);

  return wrap (db, impact_db_prepare (db, sql, error), FALSE);
}

/* The same for SQL that runs again and again: prepared once per connection (see
 * impact_db_prepare_cached()), reset and its parameters cleared when it is freed. Only one
 * user at a time may hold the statement of a given SQL. */
ImpactDbStmt *
impact_db_stmt_new_cached (ImpactDb *db,
                           const char *sql,
                           GError **error)
{
  g_return_val_if_fail (db != NULL, NULL);
  g_return_val_if_fail (sql != NULL, NULL);

  return wrap (db, impact_db_prepare_cached (db, sql, error), TRUE);
}

void
impact_db_stmt_free (ImpactDbStmt *stmt)
{
  if (stmt == NULL)
    return;

  if (stmt->cached)
    impact_db_release (stmt->stmt);
  else
    sqlite3_finalize (stmt->stmt);
  g_free (stmt);
}

void
impact_db_stmt_bind_int64 (ImpactDbStmt *stmt,
                           int index,
                           gint64 value)
{
  g_return_if_fail (stmt != NULL);

  sqlite3_bind_int64 (stmt->stmt, index, value);
}

void
impact_db_stmt_bind_double (ImpactDbStmt *stmt,
                            int index,
                            double value)
{
  g_return_if_fail (stmt != NULL);

  sqlite3_bind_double (stmt->stmt, index, value);
}

/* Binds a copy of @text, or NULL when @text is NULL. */
void
impact_db_stmt_bind_text (ImpactDbStmt *stmt,
                          int index,
                          const char *text)
{
  g_return_if_fail (stmt != NULL);

  if (text != NULL)
    sqlite3_bind_text (stmt->stmt, index, text, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (stmt->stmt, index);
}

/* Binds a copy of @text, or NULL when @text is NULL or empty (a field left blank). */
void
impact_db_stmt_bind_text_or_null (ImpactDbStmt *stmt,
                                  int index,
                                  const char *text)
{
  impact_db_stmt_bind_text (stmt, index, text != NULL && *text != '\0' ? text : NULL);
}

/* Binds @length bytes of @text without copying them, for the import's millions of texts:
 * @text must stay as it is until the statement has run. */
void
impact_db_stmt_bind_text_borrowed (ImpactDbStmt *stmt,
                                   int index,
                                   const char *text,
                                   gsize length)
{
  g_return_if_fail (stmt != NULL);
  g_return_if_fail (text != NULL && length <= G_MAXINT);

  sqlite3_bind_text (stmt->stmt, index, text, (int) length, SQLITE_STATIC);
}

void
impact_db_stmt_bind_null (ImpactDbStmt *stmt,
                          int index)
{
  g_return_if_fail (stmt != NULL);

  sqlite3_bind_null (stmt->stmt, index);
}

/* Binds @value, or NULL when @value is 0 or less (no id, no day). */
void
impact_db_stmt_bind_positive (ImpactDbStmt *stmt,
                              int index,
                              gint64 value)
{
  g_return_if_fail (stmt != NULL);

  if (value > 0)
    sqlite3_bind_int64 (stmt->stmt, index, value);
  else
    sqlite3_bind_null (stmt->stmt, index);
}

/* The next row: IMPACT_DB_ROW while there is one, then IMPACT_DB_DONE, or IMPACT_DB_ERROR
 * with @error set. */
ImpactDbStep
impact_db_stmt_step (ImpactDbStmt *stmt,
                     GError **error)
{
  int rc;

  g_return_val_if_fail (stmt != NULL, IMPACT_DB_ERROR);

  rc = sqlite3_step (stmt->stmt);
  if (rc == SQLITE_ROW)
    return IMPACT_DB_ROW;
  if (rc == SQLITE_DONE)
    return IMPACT_DB_DONE;

  impact_db_set_error (stmt->db, rc, error);
  return IMPACT_DB_ERROR;
}

/* Steps to a row that must be there (an aggregate, a row just checked for): TRUE on it,
 * FALSE with @error when the statement failed or gave no row. */
gboolean
impact_db_stmt_step_row (ImpactDbStmt *stmt,
                         GError **error)
{
  ImpactDbStep step = impact_db_stmt_step (stmt, error);

  if (step == IMPACT_DB_DONE)
    {
      g_autofree char *name = g_filename_display_name (impact_db_get_path (stmt->db));

      g_set_error (error, IMPACT_STORE_ERROR, IMPACT_STORE_ERROR_FAILED,
                   _ ("Database error in “%s”: a query that always gives a row gave none."), name);
    }

  return step == IMPACT_DB_ROW;
}

/* Runs a statement for what it changes (a row it returns is not read), and makes it ready
 * to run again. */
gboolean
impact_db_stmt_run (ImpactDbStmt *stmt,
                    GError **error)
{
  ImpactDbStep step;

  g_return_val_if_fail (stmt != NULL, FALSE);

  step = impact_db_stmt_step (stmt, error);
  impact_db_stmt_reset (stmt);

  return step != IMPACT_DB_ERROR;
}

/* Back to before the first row, with the parameters kept. */
void
impact_db_stmt_reset (ImpactDbStmt *stmt)
{
  g_return_if_fail (stmt != NULL);

  sqlite3_reset (stmt->stmt);
}

/* How many rows the statement's last run inserted, changed or deleted. */
gint64
impact_db_stmt_get_changes (ImpactDbStmt *stmt)
{
  g_return_val_if_fail (stmt != NULL, 0);

  return sqlite3_changes64 (impact_db_get_handle (stmt->db));
}

/* The id of the row the statement's connection inserted last. */
gint64
impact_db_stmt_get_last_insert_id (ImpactDbStmt *stmt)
{
  g_return_val_if_fail (stmt != NULL, 0);

  return sqlite3_last_insert_rowid (impact_db_get_handle (stmt->db));
}

int
impact_db_stmt_get_n_columns (ImpactDbStmt *stmt)
{
  g_return_val_if_fail (stmt != NULL, 0);

  return sqlite3_column_count (stmt->stmt);
}

ImpactDbType
impact_db_stmt_get_type (ImpactDbStmt *stmt,
                         int column)
{
  g_return_val_if_fail (stmt != NULL, IMPACT_DB_NULL);

  switch (sqlite3_column_type (stmt->stmt, column))
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

gint64
impact_db_stmt_get_int64 (ImpactDbStmt *stmt,
                          int column)
{
  g_return_val_if_fail (stmt != NULL, 0);

  return sqlite3_column_int64 (stmt->stmt, column);
}

double
impact_db_stmt_get_double (ImpactDbStmt *stmt,
                           int column)
{
  g_return_val_if_fail (stmt != NULL, 0);

  return sqlite3_column_double (stmt->stmt, column);
}

/* The column's text, NULL for NULL; it holds until the next step, reset or free. */
const char *
impact_db_stmt_get_text (ImpactDbStmt *stmt,
                         int column)
{
  g_return_val_if_fail (stmt != NULL, NULL);

  return (const char *) sqlite3_column_text (stmt->stmt, column);
}

/* A copy of the column's text, NULL for NULL. */
char *
impact_db_stmt_dup_text (ImpactDbStmt *stmt,
                         int column)
{
  return g_strdup (impact_db_stmt_get_text (stmt, column));
}

/* The column's value with its type. */
void
impact_db_stmt_get_value (ImpactDbStmt *stmt,
                          int column,
                          ImpactValue *value)
{
  g_return_if_fail (stmt != NULL && value != NULL);

  *value = (ImpactValue){ impact_db_stmt_get_type (stmt, column), 0, 0, NULL };
  switch (value->type)
    {
    case IMPACT_DB_NULL:
      break;
    case IMPACT_DB_INTEGER:
      value->integer = sqlite3_column_int64 (stmt->stmt, column);
      break;
    case IMPACT_DB_REAL:
      value->real = sqlite3_column_double (stmt->stmt, column);
      break;
    case IMPACT_DB_TEXT:
    default:
      value->text = (const char *) sqlite3_column_text (stmt->stmt, column);
      break;
    }
}
