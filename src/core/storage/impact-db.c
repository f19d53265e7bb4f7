/* impact-db.c: a connection to the application's database, whatever engine holds it
 *
 * What every driver shares: opening the right driver for a location, nested transactions,
 * statements prepared once per connection, waiting for a thread that writes with the
 * connection. The engine's own ways are in its driver (impact-db-sqlite.c).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "impact-db"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "impact-db-private.h"

G_DEFINE_QUARK (impact - store - error - quark, impact_store_error)

/* Whether @location names a database server rather than a file: a libpq URI
 * (postgresql://…, postgres://…) or a connection string of keyword=value pairs
 * (service=NAME, host=… dbname=…). Such a location is never taken for a file name. */
gboolean
impact_db_location_is_server (const char *location)
{
  /* libpq's connection keywords; a file name rarely starts with one of them and "=". */
  static const char *const keywords[] = {
    "service",
    "host",
    "hostaddr",
    "port",
    "dbname",
    "user",
    "password",
    "passfile",
    "connect_timeout",
    "options",
    "sslmode",
    "sslrootcert",
    "sslcert",
    "sslkey",
    "application_name",
    "target_session_attrs",
    "gssencmode",
    "channel_binding",
    "client_encoding",
    "krbsrvname",
    "requirepeer",
    "keepalives",
    NULL,
  };

  g_return_val_if_fail (location != NULL, FALSE);

  if (g_str_has_prefix (location, "postgresql://") || g_str_has_prefix (location, "postgres://"))
    return TRUE;

  for (guint i = 0; keywords[i] != NULL; i++)
    {
      gsize length = strlen (keywords[i]);
      const char *rest = location;

      while (*rest == ' ')
        rest++;
      if (g_ascii_strncasecmp (rest, keywords[i], length) != 0)
        continue;
      rest += length;
      while (*rest == ' ')
        rest++;
      if (*rest == '=')
        return TRUE;
    }

  return FALSE;
}

/* @location as the user typed it, without a password: neither a URI's "user:password@" nor
 * a "password=…" keyword (quoted or not) nor a URI's "password=…" parameter. */
static char *
hide_password (const char *location)
{
  g_autoptr (GRegex) userinfo = g_regex_new ("^(postgres(?:ql)?://[^:/@?]*):[^@/?]*@", 0, 0, NULL);
  g_autoptr (GRegex) keyword = g_regex_new ("password\\s*=\\s*('(?:[^'\\\\]|\\\\.)*'|[^\\s&]*)\\s*",
                                            G_REGEX_CASELESS, 0, NULL);
  g_autofree char *without_userinfo = g_regex_replace (userinfo, location, -1, 0, "\\1@", 0, NULL);
  char *hidden = g_regex_replace_literal (keyword, without_userinfo != NULL ? without_userinfo : "", -1, 0, "", 0, NULL);
  gsize length;

  /* What removing a URI's parameter left behind: "?&", a last "&" or "?". */
  g_strstrip (hidden);
  length = strlen (hidden);
  while (length > 0 && (hidden[length - 1] == '&' || hidden[length - 1] == '?'))
    hidden[--length] = '\0';
  for (char *q = strstr (hidden, "?&"); q != NULL; q = strstr (q, "?&"))
    memmove (q + 1, q + 2, strlen (q + 2) + 1);

  return hidden;
}

/* @location as it may be shown: a file's path in the file system's display form, a
 * server's location without its password. */
char *
impact_db_location_get_display_name (const char *location)
{
  g_return_val_if_fail (location != NULL, NULL);

  if (impact_db_location_is_server (location))
    return hide_password (location);

  return g_filename_display_name (location);
}

/* @location (a server's) with @password added, to connect with; never kept or shown (the
 * name a database is shown by leaves it out). A URI gets a "password" parameter, a
 * connection string a quoted keyword. */
char *
impact_db_location_with_password (const char *location,
                                  const char *password)
{
  g_autoptr (GString) out = NULL;

  g_return_val_if_fail (location != NULL, NULL);
  g_return_val_if_fail (password != NULL, NULL);

  out = g_string_new (location);
  if (g_str_has_prefix (location, "postgresql://") || g_str_has_prefix (location, "postgres://"))
    {
      g_autofree char *escaped = g_uri_escape_string (password, NULL, FALSE);

      g_string_append_printf (out, "%spassword=%s", strchr (location, '?') != NULL ? "&" : "?", escaped);
      return g_string_free (g_steal_pointer (&out), FALSE);
    }

  g_string_append (out, " password='");
  for (const char *p = password; *p != '\0'; p++)
    {
      if (*p == '\'' || *p == '\\')
        g_string_append_c (out, '\\');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '\'');

  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* Whether there is a database at @location to open: a file that exists; a server's
 * location always (whether it answers shows when it is opened). */
gboolean
impact_db_location_exists (const char *location)
{
  g_return_val_if_fail (location != NULL, FALSE);

  return impact_db_location_is_server (location) || g_file_test (location, G_FILE_TEST_EXISTS);
}

/* Opens the database at @location: a file's path (SQLite), or a PostgreSQL server's (see
 * impact_db_location_is_server()). A server's location in a build without PostgreSQL is
 * refused with IMPACT_STORE_ERROR_UNSUPPORTED, so that it is never created as a file of
 * that name. */
ImpactDb *
impact_db_open (const char *location,
                GError **error)
{
  g_autoptr (ImpactDb) db = NULL;
  const ImpactDbDriver *driver = &impact_db_sqlite_driver;

  g_return_val_if_fail (location != NULL, NULL);

  if (impact_db_location_is_server (location))
    {
#if HAVE_POSTGRESQL
      driver = &impact_db_pg_driver;
#else
      g_autofree char *shown = impact_db_location_get_display_name (location);

      g_set_error (error, IMPACT_STORE_ERROR, IMPACT_STORE_ERROR_UNSUPPORTED,
                   _ ("“%s” is the address of a database server. This version of Impact Dashboard "
                      "opens only database files; no file was created."),
                   shown);
      return NULL;
#endif
    }

  db = g_new0 (ImpactDb, 1);
  db->driver = driver;
  db->path = g_strdup (location);
  if (!driver->open (db, error))
    return NULL;

  return g_steal_pointer (&db);
}

void
impact_db_close (ImpactDb *db)
{
  if (db == NULL)
    return;

  g_clear_pointer (&db->statements, g_hash_table_unref);
  if (db->connection != NULL)
    db->driver->close (db);
  g_free (db->path);
  g_free (db->name);
  g_free (db);
}

/* Whether the engine keeps who may see which division (PostgreSQL's row-level security);
 * without it every user sees the whole database. */
gboolean
impact_db_has_access_control (ImpactDb *db)
{
  g_return_val_if_fail (db != NULL, FALSE);

  return (db->driver->capabilities & IMPACT_DB_HAS_ACCESS_CONTROL) != 0;
}

/* Whether supplier_month_summary is a view of spend_summary rather than a table to write. */
gboolean
impact_db_derives_supplier_months (ImpactDb *db)
{
  g_return_val_if_fail (db != NULL, FALSE);

  return (db->driver->capabilities & IMPACT_DB_DERIVES_SUPPLIER_MONTHS) != 0;
}

/* A subquery, for "x IN (…)", of the numbers in one text parameter written as a JSON array
 * ("[1,2,3]"): a list of any length in one statement, without writing the numbers into it. */
const char *
impact_db_get_id_list_sql (ImpactDb *db)
{
  g_return_val_if_fail (db != NULL, NULL);

  return db->driver->id_list_sql;
}

/* Whether rows can be sent in bulk with impact_db_copy_in() (PostgreSQL's COPY). */
gboolean
impact_db_can_copy (ImpactDb *db)
{
  g_return_val_if_fail (db != NULL, FALSE);

  return db->driver->copy_in != NULL;
}

/* Sends @length bytes of rows in COPY's text format (columns apart by tabs, lines by
 * newlines, \N for no value) to @sql, a COPY … FROM STDIN. */
gboolean
impact_db_copy_in (ImpactDb *db,
                   const char *sql,
                   const char *data,
                   gsize length,
                   GError **error)
{
  g_return_val_if_fail (db != NULL, FALSE);
  g_return_val_if_fail (impact_db_can_copy (db), FALSE);

  if (!_impact_db_wait_for_writer (db, error))
    return FALSE;

  return db->driver->copy_in (db, sql, data, length, error);
}

/* In a transaction: waits until no other connection may be adding suppliers, and keeps
 * others from it until this transaction ends, so that two imports never create the same
 * new supplier. SQLite's write transaction does that already. */
gboolean
impact_db_lock_suppliers (ImpactDb *db,
                          GError **error)
{
  g_return_val_if_fail (db != NULL, FALSE);

  return db->driver->suppliers_lock_sql == NULL || impact_db_exec (db, db->driver->suppliers_lock_sql, error);
}

/* Appends @text (@length bytes, or up to its end if -1) in COPY's text format: backslash,
 * tab, newline and carriage return escaped; NULL as \N, no value. */
void
impact_db_append_copy_text (GString *out,
                            const char *text,
                            gssize length)
{
  if (text == NULL)
    {
      g_string_append (out, "\\N");
      return;
    }

  for (gsize i = 0; length < 0 ? text[i] != '\0' : i < (gsize) length; i++)
    {
      switch (text[i])
        {
        case '\\':
          g_string_append (out, "\\\\");
          break;
        case '\t':
          g_string_append (out, "\\t");
          break;
        case '\n':
          g_string_append (out, "\\n");
          break;
        case '\r':
          g_string_append (out, "\\r");
          break;
        default:
          g_string_append_c (out, text[i]);
        }
    }
}

/* Whether other connections' notifications reach this one (PostgreSQL's LISTEN/NOTIFY). */
gboolean
impact_db_can_notify (ImpactDb *db)
{
  g_return_val_if_fail (db != NULL, FALSE);

  return db->driver->take_notifications != NULL;
}

/* The connection's socket, readable when a notification may have arrived. */
int
impact_db_get_socket (ImpactDb *db)
{
  g_return_val_if_fail (db != NULL && impact_db_can_notify (db), -1);

  return db->driver->get_socket (db);
}

/* The server's number for this connection (its backend process), which the changes it
 * makes are told with (ImpactChange.session); 0 where nothing is told. */
gint64
impact_db_get_session (ImpactDb *db)
{
  g_return_val_if_fail (db != NULL, 0);

  return db->driver->get_session != NULL ? db->driver->get_session (db) : 0;
}

/* Adds the payloads of the notifications that arrived to @payloads (strings). */
gboolean
impact_db_take_notifications (ImpactDb *db,
                              GPtrArray *payloads,
                              GError **error)
{
  g_return_val_if_fail (db != NULL && impact_db_can_notify (db), FALSE);
  g_return_val_if_fail (payloads != NULL, FALSE);

  return db->driver->take_notifications (db, payloads, error);
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

gboolean
_impact_db_wait_for_writer (ImpactDb *db,
                            GError **error)
{
  return db->wait == NULL || db->wait (db->wait_data, error);
}

/* Where the database is, to open it again (a worker thread does): a file's path, or a
 * server's location as given, which may hold a password. */
const char *
impact_db_get_path (ImpactDb *db)
{
  g_return_val_if_fail (db != NULL, NULL);

  return db->path;
}

/* The name to show a person: a file's path, or user@host/dbname for a server. */
const char *
impact_db_get_name (ImpactDb *db)
{
  g_return_val_if_fail (db != NULL, NULL);

  return db->name;
}

/* Runs one or more statements that take no parameters (schema steps, transaction control). */
gboolean
impact_db_exec (ImpactDb *db,
                const char *sql,
                GError **error)
{
  g_return_val_if_fail (db != NULL, FALSE);
  g_return_val_if_fail (sql != NULL, FALSE);

  return _impact_db_wait_for_writer (db, error) && db->driver->exec (db, sql, error);
}

/* The driver's statement for @sql, after waiting for a writer thread. With @cached, it is
 * prepared once per connection for SQL that runs again and again (an import looks up and
 * adds thousands of suppliers: preparing took most of the time of each such call); the
 * statement then belongs to @db. */
gpointer
_impact_db_prepare (ImpactDb *db,
                    const char *sql,
                    gboolean cached,
                    GError **error)
{
  gpointer stmt;

  if (!_impact_db_wait_for_writer (db, error))
    return NULL;
  if (!cached)
    return db->driver->prepare (db, sql, error);

  if (db->statements == NULL)
    db->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, db->driver->finalize);

  stmt = g_hash_table_lookup (db->statements, sql);
  if (stmt == NULL)
    {
      stmt = db->driver->prepare (db, sql, error);
      if (stmt == NULL)
        return NULL;
      g_hash_table_insert (db->statements, g_strdup (sql), stmt);
    }

  return stmt;
}

/* The first column of the first row of @sql, 0 when there is no row. */
gboolean
impact_db_query_int (ImpactDb *db,
                     const char *sql,
                     gint64 *value,
                     GError **error)
{
  gpointer stmt = _impact_db_prepare (db, sql, FALSE, error);
  ImpactDbStep step;

  if (stmt == NULL)
    return FALSE;

  step = db->driver->step (db, stmt, error);
  *value = step == IMPACT_DB_ROW ? db->driver->column_int64 (stmt, 0) : 0;
  db->driver->finalize (stmt);

  return step != IMPACT_DB_ERROR;
}

/* Copies the whole database to a new private file at @path, as it is now. */
gboolean
impact_db_backup (ImpactDb *db,
                  const char *path,
                  GError **error)
{
  g_return_val_if_fail (db != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (db->driver->backup != NULL, FALSE);

  return db->driver->backup (db, path, error);
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

  bulk = bulk && (db->driver->capabilities & IMPACT_DB_CAN_DEFER_FOREIGN_KEYS) != 0;
  if (bulk && !db->driver->set_foreign_keys (db, FALSE, error))
    return FALSE;
  if (!impact_db_exec (db, db->driver->begin_sql, error))
    {
      if (bulk)
        db->driver->set_foreign_keys (db, TRUE, NULL);
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
 * importer and ImpactBulkInsert do): where the engine allows it, its foreign-key probes are
 * off until it ends, which saves about 30% of the time of a large insert on SQLite. Inside
 * another transaction it is a plain savepoint, and the references are checked as that
 * transaction checks them. */
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
    db->driver->set_foreign_keys (db, TRUE, NULL);
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
  if (db->driver->transaction_lost (db))
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

  /* Not through the writer's wait: a rollback must happen even when the writer failed. */
  db->driver->exec (db, "ROLLBACK", NULL);
  end_outermost (db);
}
