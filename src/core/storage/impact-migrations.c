/* impact-migrations.c: numbered schema steps, one list per driver
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "impact-migrations"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "impact-db-private.h"
#include "impact-migrations.h"

/* Each step moves the schema from version N to N + 1 and runs in its own transaction, with
 * the new number written in the same transaction. A step is never changed once released:
 * databases out there were made by it. The steps are the driver's (impact-migrations-sqlite.c). */
int
impact_migrations_get_latest (ImpactDb *db)
{
  int n = 0;

  g_return_val_if_fail (db != NULL, 0);

  while (db->driver->migrations[n] != NULL)
    n++;

  return n;
}

static gboolean
backup_database (ImpactDb *db,
                 int version,
                 char **backup_path,
                 GError **error)
{
  g_autofree char *path = NULL;

  if ((db->driver->capabilities & IMPACT_DB_IS_FILE) == 0)
    return TRUE;

  path = g_strdup_printf ("%s.schema-%d.bak", impact_db_get_path (db), version);
  g_debug ("Copying %s to %s before migrating", impact_db_get_path (db), path);
  if (!impact_db_backup (db, path, error))
    return FALSE;

  if (backup_path != NULL)
    *backup_path = g_steal_pointer (&path);

  return TRUE;
}

/* Runs step @version unless another connection did meanwhile: the step's transaction holds
 * the schema's lock (SQLite's write lock, PostgreSQL's advisory lock) from before the number
 * is read again until the new one is written, so that two programs opening a new database
 * at once do not both run it. The copy of an older database is made under the same lock,
 * before its first step, when the schema is still as it was found (@found): a schema
 * another program is creating right now is not copied. */
static gboolean
run_step (ImpactDb *db,
          int version,
          gint64 found,
          char **backup_path,
          GError **error)
{
  gint64 current = 0;
  gboolean foreign = FALSE;

  if (!impact_db_begin (db, error))
    return FALSE;

  if ((db->driver->schema_lock_sql != NULL && !impact_db_exec (db, db->driver->schema_lock_sql, error))
      || !db->driver->read_schema (db, &current, &foreign, error))
    {
      impact_db_rollback (db);
      return FALSE;
    }
  if (current >= version)
    return impact_db_commit (db, error);

  if ((current > 0 && current == found && version == found + 1
       && !backup_database (db, (int) current, backup_path, error))
      || !impact_db_exec (db, db->driver->migrations[version - 1], error)
      || !db->driver->write_schema (db, version, error) || !impact_db_commit (db, error))
    {
      impact_db_rollback (db);
      return FALSE;
    }

  return TRUE;
}

/* Checks that the database is ours and not from a newer version before anything is written
 * to it, then brings the schema up to date. *backup_path is set when a copy was made. */
gboolean
impact_migrations_run (ImpactDb *db,
                       char **backup_path,
                       GError **error)
{
  const char *name = impact_db_get_name (db);
  gint64 version = 0;
  gboolean foreign = FALSE;
  int latest = impact_migrations_get_latest (db);

  if (!db->driver->read_schema (db, &version, &foreign, error))
    return FALSE;

  if (foreign && (db->driver->capabilities & IMPACT_DB_IS_FILE) != 0)
    {
      g_set_error (error, IMPACT_STORE_ERROR, IMPACT_STORE_ERROR_FOREIGN_DATABASE,
                   _ ("“%s” is an SQLite database of another program, not of Impact Dashboard. "
                      "Choose another file; this one was left unchanged."),
                   name);
      return FALSE;
    }
  if (foreign)
    {
      g_set_error (error, IMPACT_STORE_ERROR, IMPACT_STORE_ERROR_FOREIGN_DATABASE,
                   _ ("The shared database “%s” holds tables of another program. Ask its "
                      "administrator for an empty database for Impact Dashboard; nothing was changed."),
                   name);
      return FALSE;
    }

  if (version > latest)
    {
      g_set_error (error, IMPACT_STORE_ERROR, IMPACT_STORE_ERROR_TOO_NEW,
                   _ ("The database “%s” was written by a newer version of Impact Dashboard "
                      "(schema %d; this version reads up to schema %d). Update Impact Dashboard "
                      "to open it; the file was left unchanged."),
                   name, (int) version, latest);
      return FALSE;
    }

  if (!db->driver->configure (db, error))
    return FALSE;

  for (int v = (int) version + 1; v <= latest; v++)
    {
      if (!run_step (db, v, version, backup_path, error))
        {
          g_prefix_error (error, _ ("Could not update the database to schema %d: "), v);
          return FALSE;
        }
    }

  return TRUE;
}
