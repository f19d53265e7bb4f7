/* impact-db-pg.c: the shared driver, a PostgreSQL database on a server, through libpq
 *
 * The store's SQL numbers its parameters SQLite's way ("?" and "?N"); a statement is
 * translated once to PostgreSQL's "$N" when it is prepared. Parameters go as text with the
 * type they were bound with (bigint, double precision, or left to the server for text), and
 * results come back as text, read by the column's type. A location's password is never
 * shown: messages name the database as user@host/dbname.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "impact-db"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <libpq-fe.h>
#include <stdlib.h>
#include <string.h>

#include "impact-db-private.h"
#include "impact-migrations.h"

extern const char *const _impact_migrations_pg[];

/* Type oids of pg_type.h, which is a server header. */
#define BOOLOID 16
#define INT8OID 20
#define INT2OID 21
#define INT4OID 23
#define OIDOID 26
#define FLOAT4OID 700
#define FLOAT8OID 701
#define NUMERICOID 1700

typedef struct
{
  ImpactDb *db;
  char *sql;
  int n_params;
  char **values;
  Oid *types;
  /* Numbers the SQL skips: PostgreSQL needs a type for them, and any will do. */
  gboolean *unused;
  PGresult *result;
  int row;
  int n_rows;
  gint64 changes;
  /* A statement that runs again is prepared on the server under a name of its own, with the
   * types of its second run (prepared_types), and from then on only its values are sent: one
   * round trip a run instead of two. NULL until then. */
  char *name;
  Oid *prepared_types;
  guint n_runs;
} PgStmt;

/* The error's SQLSTATE class as one of ours. */
static ImpactStoreError
error_code_for (const char *state)
{
  if (state == NULL)
    return IMPACT_STORE_ERROR_OPEN;
  if (g_str_has_prefix (state, "23"))
    return IMPACT_STORE_ERROR_CONSTRAINT;
  if (g_str_has_prefix (state, "08"))
    return IMPACT_STORE_ERROR_OPEN;
  if (g_str_equal (state, "42501") || g_str_equal (state, "25006"))
    return IMPACT_STORE_ERROR_READ_ONLY;
  if (g_str_equal (state, "40P01") || g_str_equal (state, "55P03") || g_str_equal (state, "40001"))
    return IMPACT_STORE_ERROR_LOCKED;
  if (g_str_equal (state, "57014"))
    return IMPACT_STORE_ERROR_CANCELLED;

  return IMPACT_STORE_ERROR_FAILED;
}

/* The server's message, its first line (the rest repeats the statement). */
static char *
first_line (const char *message)
{
  const char *end = message != NULL ? strchr (message, '\n') : NULL;

  if (message == NULL)
    return g_strdup ("");

  return end != NULL ? g_strndup (message, end - message) : g_strdup (message);
}

static void
set_error (ImpactDb *db,
           const PGresult *result,
           GError **error)
{
  const char *state = result != NULL ? PQresultErrorField (result, PG_DIAG_SQLSTATE) : NULL;
  g_autofree char *detail = first_line (result != NULL ? PQresultErrorMessage (result)
                                                       : PQerrorMessage (db->connection));
  ImpactStoreError code = error_code_for (state);

  g_debug ("%s: %s", state != NULL ? state : "no state", detail);
  switch (code)
    {
    case IMPACT_STORE_ERROR_READ_ONLY:
      g_set_error (error, IMPACT_STORE_ERROR, code,
                   _ ("The shared database “%s” does not let you change this (%s). Ask the group’s "
                      "administrator for access."),
                   db->name, detail);
      break;

    case IMPACT_STORE_ERROR_LOCKED:
      g_set_error (error, IMPACT_STORE_ERROR, code,
                   _ ("The shared database “%s” is busy with a colleague’s change. Try again."), db->name);
      break;

    case IMPACT_STORE_ERROR_CANCELLED:
      g_set_error_literal (error, IMPACT_STORE_ERROR, code, _ ("The operation was cancelled."));
      break;

    case IMPACT_STORE_ERROR_OPEN:
      g_set_error (error, IMPACT_STORE_ERROR, code, _ ("Could not connect to the shared database “%s”: %s"),
                   db->name, detail);
      break;

    case IMPACT_STORE_ERROR_CONSTRAINT:
    case IMPACT_STORE_ERROR_FAILED:
    case IMPACT_STORE_ERROR_NOT_A_DATABASE:
    case IMPACT_STORE_ERROR_FOREIGN_DATABASE:
    case IMPACT_STORE_ERROR_TOO_NEW:
    case IMPACT_STORE_ERROR_CORRUPT:
    case IMPACT_STORE_ERROR_NOT_FOUND:
    case IMPACT_STORE_ERROR_INVALID:
    case IMPACT_STORE_ERROR_NOT_EMPTY:
    case IMPACT_STORE_ERROR_UNSUPPORTED:
    default:
      g_set_error (error, IMPACT_STORE_ERROR, code, _ ("Database error in “%s”: %s"), db->name, detail);
      break;
    }
}

static void
ignore_notice (void *data,
               const char *message)
{
  g_debug ("%s", message);
}

/* Connects to db->path; db->name is then user@host/dbname. */
static gboolean
pg_open (ImpactDb *db,
         GError **error)
{
  PGconn *conn = PQconnectdb (db->path);
  const char *host;

  db->connection = conn;
  if (conn == NULL || PQstatus (conn) != CONNECTION_OK)
    {
      g_autofree char *detail = first_line (conn != NULL ? PQerrorMessage (conn) : NULL);
      g_autofree char *location = impact_db_location_get_display_name (db->path);

      g_set_error (error, IMPACT_STORE_ERROR, IMPACT_STORE_ERROR_OPEN,
                   _ ("Could not connect to the shared database “%s”: %s"), location, detail);
      return FALSE;
    }

  PQsetNoticeProcessor (conn, ignore_notice, NULL);
  host = PQhost (conn);
  db->name = g_strdup_printf ("%s@%s/%s", PQuser (conn), host != NULL && *host != '/' ? host : "localhost",
                              PQdb (conn));

  return TRUE;
}

static void
pg_close (ImpactDb *db)
{
  PQfinish (db->connection);
  db->connection = NULL;
}

static gboolean
check_result (ImpactDb *db,
              PGresult *result,
              GError **error)
{
  ExecStatusType status = PQresultStatus (result);

  if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK)
    return TRUE;

  set_error (db, result, error);
  return FALSE;
}

static gboolean
pg_exec (ImpactDb *db,
         const char *sql,
         GError **error)
{
  PGresult *result = PQexec (db->connection, sql);
  gboolean ok = check_result (db, result, error);

  PQclear (result);

  return ok;
}

/* Sends @data, rows in COPY's text format, to the COPY … FROM STDIN @sql. */
static gboolean
pg_copy_in (ImpactDb *db,
            const char *sql,
            const char *data,
            gsize length,
            GError **error)
{
  PGresult *result = PQexec (db->connection, sql);
  gboolean ok = TRUE;

  if (PQresultStatus (result) != PGRES_COPY_IN)
    {
      ok = check_result (db, result, error);
      PQclear (result);
      return ok;
    }
  PQclear (result);

  /* Sent in pieces: libpq's int lengths, and a server that reads as it goes. */
  for (gsize done = 0; ok && done < length;)
    {
      int n = (int) MIN (length - done, 1 << 20);

      ok = PQputCopyData (db->connection, data + done, n) == 1;
      done += n;
    }
  if (PQputCopyEnd (db->connection, ok ? NULL : "could not send the rows") != 1)
    ok = FALSE;

  while ((result = PQgetResult (db->connection)) != NULL)
    {
      if (ok && !check_result (db, result, error))
        ok = FALSE;
      PQclear (result);
    }
  if (!ok && error != NULL && *error == NULL)
    set_error (db, NULL, error);

  return ok;
}

static int
pg_get_socket (ImpactDb *db)
{
  return PQsocket (db->connection);
}

static gint64
pg_get_session (ImpactDb *db)
{
  return PQbackendPID (db->connection);
}

/* Reads what the server sent and adds each notification's payload to @payloads. */
static gboolean
pg_take_notifications (ImpactDb *db,
                       GPtrArray *payloads,
                       GError **error)
{
  PGnotify *notify;

  if (!PQconsumeInput (db->connection))
    {
      set_error (db, NULL, error);
      return FALSE;
    }
  while ((notify = PQnotifies (db->connection)) != NULL)
    {
      g_ptr_array_add (payloads, g_strdup (notify->extra));
      PQfreemem (notify);
    }

  return TRUE;
}

/* After an error, PostgreSQL keeps the transaction open but failed until it is rolled back;
 * it is lost only when the connection went back to no transaction at all. */
static gboolean
pg_transaction_lost (ImpactDb *db)
{
  return PQtransactionStatus (db->connection) == PQTRANS_IDLE;
}

static gboolean
pg_read_schema (ImpactDb *db,
                gint64 *version,
                gboolean *foreign,
                GError **error)
{
  gint64 has_table = 0, n_tables = 0, app_id = 0, no_schema = 0;

  *version = 0;
  /* No schema on the search path that the role may use: it was given no access (or had it
   * taken away), which is not a new, empty database. */
  if (!impact_db_query_int (db, "SELECT current_schema () IS NULL", &no_schema, error))
    return FALSE;
  if (no_schema)
    {
      g_set_error (error, IMPACT_STORE_ERROR, IMPACT_STORE_ERROR_READ_ONLY,
                   _ ("You have no access to the shared database “%s”. Ask the group’s administrator to "
                      "give you access (impact-dashboard --grant)."),
                   db->name);
      return FALSE;
    }
  if (!impact_db_query_int (db, "SELECT count(*) FROM pg_tables WHERE schemaname = current_schema ()", &n_tables, error)
      || !impact_db_query_int (db, "SELECT to_regclass ('impact_schema') IS NOT NULL", &has_table, error))
    return FALSE;
  if (has_table
      && (!impact_db_query_int (db, "SELECT coalesce (max (version), 0) FROM impact_schema", version, error)
          || !impact_db_query_int (db, "SELECT coalesce (max (application_id), 0) FROM impact_schema", &app_id, error)))
    return FALSE;

  *foreign = (app_id != 0 && app_id != IMPACT_APPLICATION_ID) || (*version == 0 && n_tables > 0);

  return TRUE;
}

static gboolean
pg_write_schema (ImpactDb *db,
                 gint64 version,
                 GError **error)
{
  /* The numbers are ours, not data. */
  g_autofree char *stamp = g_strdup_printf ("INSERT INTO impact_schema (id, version, application_id)"
                                            " VALUES (1, %" G_GINT64_FORMAT ", %d) ON CONFLICT (id)"
                                            " DO UPDATE SET version = excluded.version",
                                            version, IMPACT_APPLICATION_ID);

  return pg_exec (db, stamp, error);
}

static gboolean
pg_configure (ImpactDb *db,
              GError **error)
{
  return pg_exec (db, "SET client_min_messages = warning", error);
}

static void pg_finalize (gpointer data);

static gpointer
pg_prepare (ImpactDb *db,
            const char *sql,
            GError **error)
{
  PgStmt *stmt = g_new0 (PgStmt, 1);
  g_autoptr (GArray) used = NULL;
  PGresult *checked;
  const char *state;

  stmt->db = db;
  stmt->sql = _impact_db_pg_translate (sql, &stmt->n_params, &used);
  stmt->values = g_new0 (char *, MAX (stmt->n_params, 1));
  stmt->types = g_new0 (Oid, MAX (stmt->n_params, 1));
  stmt->unused = g_new0 (gboolean, MAX (stmt->n_params, 1));
  for (int i = 0; i < stmt->n_params; i++)
    {
      stmt->unused[i] = !g_array_index (used, gboolean, i);
      stmt->types[i] = stmt->unused[i] ? INT8OID : 0;
    }
  stmt->row = -1;

  /* Wrong SQL fails here, as on SQLite, not at the first step. The statement runs later
   * with its parameters' types, so one whose type only they tell (42P18) is not wrong. */
  checked = PQprepare (db->connection, "", stmt->sql, stmt->n_params, stmt->types);
  state = PQresultErrorField (checked, PG_DIAG_SQLSTATE);
  if (PQresultStatus (checked) != PGRES_COMMAND_OK && g_strcmp0 (state, "42P18") != 0)
    {
      set_error (db, checked, error);
      PQclear (checked);
      pg_finalize (stmt);
      return NULL;
    }
  PQclear (checked);

  return stmt;
}

static void
pg_reset (gpointer data)
{
  PgStmt *stmt = data;

  g_clear_pointer (&stmt->result, PQclear);
  stmt->row = -1;
  stmt->n_rows = 0;
}

static void
pg_clear (gpointer data)
{
  PgStmt *stmt = data;

  pg_reset (stmt);
  for (int i = 0; i < stmt->n_params; i++)
    {
      g_clear_pointer (&stmt->values[i], g_free);
      stmt->types[i] = stmt->unused[i] ? INT8OID : 0;
    }
}

static void
pg_finalize (gpointer data)
{
  PgStmt *stmt = data;

  pg_clear (stmt);
  if (stmt->name != NULL && stmt->db->connection != NULL)
    {
      g_autofree char *deallocate = g_strdup_printf ("DEALLOCATE %s", stmt->name);

      /* In a failed transaction this fails too; the name goes with the connection then. */
      PQclear (PQexec (stmt->db->connection, deallocate));
    }
  g_free (stmt->name);
  g_free (stmt->prepared_types);
  g_free (stmt->values);
  g_free (stmt->types);
  g_free (stmt->unused);
  g_free (stmt->sql);
  g_free (stmt);
}

/* Sets parameter @index (from 1); one the SQL does not have is ignored, as in SQLite. */
static void
set_param (PgStmt *stmt,
           int index,
           char *value,
           Oid type)
{
  if (index < 1 || index > stmt->n_params)
    {
      g_free (value);
      return;
    }

  g_free (stmt->values[index - 1]);
  stmt->values[index - 1] = value;
  stmt->types[index - 1] = stmt->unused[index - 1] ? INT8OID : type;
}

static void
pg_bind_int64 (gpointer stmt,
               int index,
               gint64 value)
{
  set_param (stmt, index, g_strdup_printf ("%" G_GINT64_FORMAT, value), INT8OID);
}

static void
pg_bind_double (gpointer stmt,
                int index,
                double value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  set_param (stmt, index, g_strdup (g_ascii_dtostr (buffer, sizeof buffer, value)), FLOAT8OID);
}

/* libpq copies the parameters when it sends them, so a borrowed text is copied here too. */
static void
pg_bind_text (gpointer stmt,
              int index,
              const char *text,
              gssize length,
              gboolean copy)
{
  set_param (stmt, index, length < 0 ? g_strdup (text) : g_strndup (text, length), 0);
}

static void
pg_bind_null (gpointer stmt,
              int index)
{
  set_param (stmt, index, NULL, 0);
}

/* Prepares @stmt under a name with the types bound now; on failure it just stays unnamed. */
static void
prepare_named (ImpactDb *db,
               PgStmt *stmt)
{
  static gint n_names;
  g_autofree char *name = g_strdup_printf ("impact_%d", g_atomic_int_add (&n_names, 1));
  PGresult *result = PQprepare (db->connection, name, stmt->sql, stmt->n_params, stmt->types);

  if (PQresultStatus (result) == PGRES_COMMAND_OK)
    {
      stmt->name = g_steal_pointer (&name);
      stmt->prepared_types = g_memdup2 (stmt->types, sizeof (Oid) * MAX (stmt->n_params, 1));
    }
  PQclear (result);
}

/* Whether the values bound now fit the types the named statement was prepared with: the
 * same, or no value, or a type the server chose itself. */
static gboolean
same_types (PgStmt *stmt)
{
  for (int i = 0; i < stmt->n_params; i++)
    if (stmt->types[i] != stmt->prepared_types[i] && stmt->values[i] != NULL && stmt->prepared_types[i] != 0)
      return FALSE;

  return TRUE;
}

static ImpactDbStep
pg_step (ImpactDb *db,
         gpointer data,
         GError **error)
{
  PgStmt *stmt = data;

  if (stmt->result == NULL)
    {
      const char *cmd_tuples;

      if (stmt->n_runs++ == 1)
        prepare_named (db, stmt);
      if (stmt->name != NULL && same_types (stmt))
        stmt->result = PQexecPrepared (db->connection, stmt->name, stmt->n_params, (const char *const *) stmt->values,
                                       NULL, NULL, 0);
      else
        stmt->result = PQexecParams (db->connection, stmt->sql, stmt->n_params, stmt->types,
                                     (const char *const *) stmt->values, NULL, NULL, 0);
      if (!check_result (db, stmt->result, error))
        {
          g_debug ("in: %s", stmt->sql);
          g_clear_pointer (&stmt->result, PQclear);
          return IMPACT_DB_ERROR;
        }
      stmt->n_rows = PQntuples (stmt->result);
      cmd_tuples = PQcmdTuples (stmt->result);
      /* Empty for a statement that changes no rows (a SELECT); INSERT … RETURNING counts. */
      stmt->changes = *cmd_tuples != '\0' ? g_ascii_strtoll (cmd_tuples, NULL, 10) : 0;
    }

  if (stmt->row + 1 < stmt->n_rows)
    {
      stmt->row++;
      return IMPACT_DB_ROW;
    }

  stmt->row = stmt->n_rows;
  return IMPACT_DB_DONE;
}

static gint64
pg_changes (ImpactDb *db,
            gpointer data)
{
  return ((PgStmt *) data)->changes;
}

static int
pg_n_columns (gpointer data)
{
  PgStmt *stmt = data;

  return stmt->result != NULL ? PQnfields (stmt->result) : 0;
}

static gboolean
has_value (PgStmt *stmt,
           int column)
{
  return stmt->result != NULL && stmt->row >= 0 && stmt->row < stmt->n_rows && column >= 0
         && column < PQnfields (stmt->result) && !PQgetisnull (stmt->result, stmt->row, column);
}

static ImpactDbType
pg_column_type (gpointer data,
                int column)
{
  PgStmt *stmt = data;

  if (!has_value (stmt, column))
    return IMPACT_DB_NULL;

  switch (PQftype (stmt->result, column))
    {
    case BOOLOID:
    case INT2OID:
    case INT4OID:
    case INT8OID:
    case OIDOID:
      return IMPACT_DB_INTEGER;
    case FLOAT4OID:
    case FLOAT8OID:
    case NUMERICOID:
      return IMPACT_DB_REAL;
    default:
      return IMPACT_DB_TEXT;
    }
}

static const char *
pg_column_text (gpointer data,
                int column)
{
  PgStmt *stmt = data;

  return has_value (stmt, column) ? PQgetvalue (stmt->result, stmt->row, column) : NULL;
}

static double
pg_column_double (gpointer data,
                  int column)
{
  const char *text = pg_column_text (data, column);

  if (text == NULL)
    return 0;
  if (PQftype (((PgStmt *) data)->result, column) == BOOLOID)
    return *text == 't';

  return g_ascii_strtod (text, NULL);
}

/* A whole number; a numeric (PostgreSQL's sum of bigints) is rounded as SQLite's cast would. */
static gint64
pg_column_int64 (gpointer data,
                 int column)
{
  PgStmt *stmt = data;
  const char *text = pg_column_text (data, column);

  if (text == NULL)
    return 0;

  switch (PQftype (stmt->result, column))
    {
    case BOOLOID:
      return *text == 't';
    case FLOAT4OID:
    case FLOAT8OID:
    case NUMERICOID:
      return (gint64) g_ascii_strtod (text, NULL);
    default:
      return g_ascii_strtoll (text, NULL, 10);
    }
}

const ImpactDbDriver impact_db_pg_driver = {
  .name = "postgresql",
  .capabilities = IMPACT_DB_DERIVES_SUPPLIER_MONTHS | IMPACT_DB_HAS_ACCESS_CONTROL,
  .open = pg_open,
  .close = pg_close,
  .exec = pg_exec,
  .copy_in = pg_copy_in,
  .get_socket = pg_get_socket,
  .get_session = pg_get_session,
  .take_notifications = pg_take_notifications,
  .begin_sql = "BEGIN",
  .id_list_sql = "SELECT CAST (json_array_elements_text (CAST (? AS json)) AS bigint)",
  .transaction_lost = pg_transaction_lost,
  .set_foreign_keys = NULL,
  .backup = NULL,
  .migrations = _impact_migrations_pg,
  /* Per schema: two applications' schemas in one database migrate independently. The
   * first key is the application's id, 'IMPD'. */
  .schema_lock_sql = "SELECT pg_advisory_xact_lock (1229803588, hashtext (current_schema ()))",
  .suppliers_lock_sql = "SELECT pg_advisory_xact_lock (1229803589, hashtext (current_schema ()))",
  .read_schema = pg_read_schema,
  .write_schema = pg_write_schema,
  .configure = pg_configure,
  .prepare = pg_prepare,
  .finalize = pg_finalize,
  .clear = pg_clear,
  .bind_int64 = pg_bind_int64,
  .bind_double = pg_bind_double,
  .bind_text = pg_bind_text,
  .bind_null = pg_bind_null,
  .step = pg_step,
  .reset = pg_reset,
  .changes = pg_changes,
  .n_columns = pg_n_columns,
  .column_type = pg_column_type,
  .column_int64 = pg_column_int64,
  .column_double = pg_column_double,
  .column_text = pg_column_text,
};
