/* impact-db-stmt.c: a prepared statement that does not show which database runs it
 *
 * The driver's statement and its connection; every call goes to the driver's table. A text
 * bound is copied, so that the caller's string may go before the statement runs, unless it
 * is bound as borrowed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "impact-db"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "impact-db-private.h"
#include "impact-db-stmt.h"

struct _ImpactDbStmt
{
  ImpactDb *db;
  const ImpactDbDriver *driver;
  gpointer stmt;
  /* One of the connection's cached statements: freeing it releases it for the next use. */
  gboolean cached;
};

static ImpactDbStmt *
stmt_new (ImpactDb *db,
          const char *sql,
          gboolean cached,
          GError **error)
{
  ImpactDbStmt *stmt;
  gpointer prepared;

  g_return_val_if_fail (db != NULL, NULL);
  g_return_val_if_fail (sql != NULL, NULL);

  prepared = _impact_db_prepare (db, sql, cached, error);
  if (prepared == NULL)
    return NULL;

  stmt = g_new (ImpactDbStmt, 1);
  stmt->db = db;
  stmt->driver = db->driver;
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
  return stmt_new (db, sql, FALSE, error);
}

/* The same for SQL that runs again and again: prepared once per connection, reset and its
 * parameters cleared when it is freed. Only one user at a time may hold the statement of a
 * given SQL. */
ImpactDbStmt *
impact_db_stmt_new_cached (ImpactDb *db,
                           const char *sql,
                           GError **error)
{
  return stmt_new (db, sql, TRUE, error);
}

void
impact_db_stmt_free (ImpactDbStmt *stmt)
{
  if (stmt == NULL)
    return;

  if (stmt->cached)
    stmt->driver->clear (stmt->stmt);
  else
    stmt->driver->finalize (stmt->stmt);
  g_free (stmt);
}

void
impact_db_stmt_bind_int64 (ImpactDbStmt *stmt,
                           int index,
                           gint64 value)
{
  g_return_if_fail (stmt != NULL);

  stmt->driver->bind_int64 (stmt->stmt, index, value);
}

void
impact_db_stmt_bind_double (ImpactDbStmt *stmt,
                            int index,
                            double value)
{
  g_return_if_fail (stmt != NULL);

  stmt->driver->bind_double (stmt->stmt, index, value);
}

/* Binds a copy of @text, or NULL when @text is NULL. */
void
impact_db_stmt_bind_text (ImpactDbStmt *stmt,
                          int index,
                          const char *text)
{
  g_return_if_fail (stmt != NULL);

  if (text != NULL)
    stmt->driver->bind_text (stmt->stmt, index, text, -1, TRUE);
  else
    stmt->driver->bind_null (stmt->stmt, index);
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

  stmt->driver->bind_text (stmt->stmt, index, text, (gssize) length, FALSE);
}

void
impact_db_stmt_bind_null (ImpactDbStmt *stmt,
                          int index)
{
  g_return_if_fail (stmt != NULL);

  stmt->driver->bind_null (stmt->stmt, index);
}

/* Binds @value, or NULL when @value is 0 or less (no id, no day). */
void
impact_db_stmt_bind_positive (ImpactDbStmt *stmt,
                              int index,
                              gint64 value)
{
  g_return_if_fail (stmt != NULL);

  if (value > 0)
    stmt->driver->bind_int64 (stmt->stmt, index, value);
  else
    stmt->driver->bind_null (stmt->stmt, index);
}

/* The next row: IMPACT_DB_ROW while there is one, then IMPACT_DB_DONE, or IMPACT_DB_ERROR
 * with @error set. */
ImpactDbStep
impact_db_stmt_step (ImpactDbStmt *stmt,
                     GError **error)
{
  g_return_val_if_fail (stmt != NULL, IMPACT_DB_ERROR);

  return stmt->driver->step (stmt->db, stmt->stmt, error);
}

/* Steps to a row that must be there (an aggregate, a row just checked for, an insert's
 * RETURNING): TRUE on it, FALSE with @error when the statement failed or gave no row. */
gboolean
impact_db_stmt_step_row (ImpactDbStmt *stmt,
                         GError **error)
{
  ImpactDbStep step = impact_db_stmt_step (stmt, error);

  if (step == IMPACT_DB_DONE)
    {
      g_set_error (error, IMPACT_STORE_ERROR, IMPACT_STORE_ERROR_FAILED,
                   _ ("Database error in “%s”: a query that always gives a row gave none."),
                   impact_db_get_name (stmt->db));
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

/* Runs an INSERT … RETURNING id for the id of the row it inserted: 0 with @error when it
 * failed. The statement is ready to run again. */
gint64
impact_db_stmt_insert (ImpactDbStmt *stmt,
                       GError **error)
{
  gint64 id = 0;

  g_return_val_if_fail (stmt != NULL, 0);

  if (impact_db_stmt_step_row (stmt, error))
    id = impact_db_stmt_get_int64 (stmt, 0);
  impact_db_stmt_reset (stmt);

  return id;
}

/* Back to before the first row, with the parameters kept. */
void
impact_db_stmt_reset (ImpactDbStmt *stmt)
{
  g_return_if_fail (stmt != NULL);

  stmt->driver->reset (stmt->stmt);
}

/* How many rows the statement's last run inserted, changed or deleted. */
gint64
impact_db_stmt_get_changes (ImpactDbStmt *stmt)
{
  g_return_val_if_fail (stmt != NULL, 0);

  return stmt->driver->changes (stmt->db, stmt->stmt);
}

int
impact_db_stmt_get_n_columns (ImpactDbStmt *stmt)
{
  g_return_val_if_fail (stmt != NULL, 0);

  return stmt->driver->n_columns (stmt->stmt);
}

ImpactDbType
impact_db_stmt_get_type (ImpactDbStmt *stmt,
                         int column)
{
  g_return_val_if_fail (stmt != NULL, IMPACT_DB_NULL);

  return stmt->driver->column_type (stmt->stmt, column);
}

gint64
impact_db_stmt_get_int64 (ImpactDbStmt *stmt,
                          int column)
{
  g_return_val_if_fail (stmt != NULL, 0);

  return stmt->driver->column_int64 (stmt->stmt, column);
}

double
impact_db_stmt_get_double (ImpactDbStmt *stmt,
                           int column)
{
  g_return_val_if_fail (stmt != NULL, 0);

  return stmt->driver->column_double (stmt->stmt, column);
}

/* The column's text, NULL for NULL; it holds until the next step, reset or free. */
const char *
impact_db_stmt_get_text (ImpactDbStmt *stmt,
                         int column)
{
  g_return_val_if_fail (stmt != NULL, NULL);

  return stmt->driver->column_text (stmt->stmt, column);
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
      value->integer = stmt->driver->column_int64 (stmt->stmt, column);
      break;
    case IMPACT_DB_REAL:
      value->real = stmt->driver->column_double (stmt->stmt, column);
      break;
    case IMPACT_DB_TEXT:
    default:
      value->text = stmt->driver->column_text (stmt->stmt, column);
      break;
    }
}
