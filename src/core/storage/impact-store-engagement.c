/* impact-store-engagement.c: supplier engagement, its history, and the letter templates
 * (schema step 10)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "impact-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "impact-db-stmt.h"
#include "impact-store-engagement.h"

/* Where the supplier stands; "not contacted" without a target when nothing was recorded.
 * Clear it with impact_engagement_clear(). */
gboolean
impact_store_get_engagement (ImpactStore *self,
                             gint64 supplier_id,
                             ImpactEngagement *engagement,
                             GError **error)
{
  ImpactDb *db;
  g_autoptr (ImpactDbStmt) stmt = NULL;
  ImpactDbStep step;

  g_return_val_if_fail (IMPACT_IS_STORE (self), FALSE);
  g_return_val_if_fail (engagement != NULL, FALSE);

  memset (engagement, 0, sizeof *engagement);
  engagement->supplier_id = supplier_id;

  db = impact_store_get_db (self);
  stmt = impact_db_stmt_new (db,
                             "SELECT status, target_day, contact, notes FROM supplier_engagement WHERE supplier_id = ?",
                             error);
  if (stmt == NULL)
    return FALSE;
  impact_db_stmt_bind_int64 (stmt, 1, supplier_id);

  step = impact_db_stmt_step (stmt, error);
  if (step == IMPACT_DB_ROW)
    {
      impact_engagement_status_from_code (impact_db_stmt_get_text (stmt, 0), &engagement->status);
      engagement->target_day = impact_db_stmt_get_int64 (stmt, 1);
      engagement->contact = g_strdup (impact_db_stmt_get_text (stmt, 2));
      engagement->notes = g_strdup (impact_db_stmt_get_text (stmt, 3));
    }
  else if (step == IMPACT_DB_ERROR)
    return FALSE;

  return TRUE;
}

/* Saves where the supplier stands. A new status, or a @note, goes into its history under
 * @today; both in one transaction. */
gboolean
impact_store_set_engagement (ImpactStore *self,
                             const ImpactEngagement *engagement,
                             guint32 today,
                             const char *note,
                             GError **error)
{
  ImpactDb *db;
  ImpactEngagement before;
  g_autoptr (ImpactDbStmt) save = NULL;
  g_autoptr (ImpactDbStmt) history = NULL;
  gboolean changed;

  g_return_val_if_fail (IMPACT_IS_STORE (self), FALSE);
  g_return_val_if_fail (engagement != NULL && engagement->status < IMPACT_N_ENGAGEMENT_STATUSES, FALSE);

  if (engagement->target_day != 0 && !g_date_valid_julian (engagement->target_day))
    {
      g_set_error_literal (error, IMPACT_STORE_ERROR, IMPACT_STORE_ERROR_INVALID, _ ("The target date is not a date."));
      return FALSE;
    }
  if (!impact_store_get_engagement (self, engagement->supplier_id, &before, error))
    return FALSE;
  changed = before.status != engagement->status;
  impact_engagement_clear (&before);

  db = impact_store_get_db (self);
  save = impact_db_stmt_new (db, "INSERT INTO supplier_engagement (supplier_id, status, target_day, contact, notes)"
                                 " VALUES (?, ?, ?, ?, ?) ON CONFLICT (supplier_id) DO UPDATE SET status = excluded.status,"
                                 " target_day = excluded.target_day, contact = excluded.contact, notes = excluded.notes",
                             error);
  history = save != NULL ? impact_db_stmt_new (db,
                                               "INSERT INTO engagement_history (supplier_id, day, status, note)"
                                               " VALUES (?, ?, ?, ?)",
                                               error)
                         : NULL;
  if (history == NULL || !impact_db_begin (db, error))
    return FALSE;

  impact_db_stmt_bind_int64 (save, 1, engagement->supplier_id);
  impact_db_stmt_bind_text (save, 2, impact_engagement_status_to_code (engagement->status));
  if (engagement->target_day != 0)
    impact_db_stmt_bind_int64 (save, 3, engagement->target_day);
  impact_db_stmt_bind_text (save, 4, engagement->contact != NULL && *engagement->contact != '\0' ? engagement->contact : NULL);
  impact_db_stmt_bind_text (save, 5, engagement->notes != NULL && *engagement->notes != '\0' ? engagement->notes : NULL);
  if (!impact_db_stmt_run (save, error))
    goto fail;

  if (changed || (note != NULL && *note != '\0'))
    {
      impact_db_stmt_bind_int64 (history, 1, engagement->supplier_id);
      impact_db_stmt_bind_int64 (history, 2, today);
      impact_db_stmt_bind_text (history, 3, impact_engagement_status_to_code (engagement->status));
      impact_db_stmt_bind_text (history, 4, note != NULL && *note != '\0' ? note : NULL);
      if (!impact_db_stmt_run (history, error))
        goto fail;
    }

  if (impact_db_commit (db, error))
    return TRUE;

fail:
  impact_db_rollback (db);
  return FALSE;
}

/* The supplier's engagement history, newest first (ImpactEngagementEvent). */
GPtrArray *
impact_store_list_engagement_history (ImpactStore *self,
                                      gint64 supplier_id,
                                      GError **error)
{
  ImpactDb *db;
  g_autoptr (ImpactDbStmt) stmt = NULL;
  g_autoptr (GPtrArray) events = g_ptr_array_new_with_free_func ((GDestroyNotify) impact_engagement_event_free);
  ImpactDbStep step;

  g_return_val_if_fail (IMPACT_IS_STORE (self), NULL);

  db = impact_store_get_db (self);
  stmt = impact_db_stmt_new (db,
                             "SELECT id, day, status, note FROM engagement_history WHERE supplier_id = ?"
                             " ORDER BY day DESC, id DESC",
                             error);
  if (stmt == NULL)
    return NULL;
  impact_db_stmt_bind_int64 (stmt, 1, supplier_id);

  while ((step = impact_db_stmt_step (stmt, error)) == IMPACT_DB_ROW)
    {
      ImpactEngagementEvent *event = g_new0 (ImpactEngagementEvent, 1);

      event->id = impact_db_stmt_get_int64 (stmt, 0);
      event->day = impact_db_stmt_get_int64 (stmt, 1);
      impact_engagement_status_from_code (impact_db_stmt_get_text (stmt, 2), &event->status);
      event->note = g_strdup (impact_db_stmt_get_text (stmt, 3));
      g_ptr_array_add (events, event);
    }
  if (step == IMPACT_DB_ERROR)
    return NULL;

  return g_steal_pointer (&events);
}

/* The template of @kind in @language: the user's own, else the built-in one. */
char *
impact_store_get_letter_template (ImpactStore *self,
                                  ImpactLetterKind kind,
                                  const char *language,
                                  GError **error)
{
  ImpactDb *db;
  g_autoptr (ImpactDbStmt) stmt = NULL;
  ImpactDbStep step;

  g_return_val_if_fail (IMPACT_IS_STORE (self), NULL);
  g_return_val_if_fail (kind < IMPACT_N_LETTER_KINDS && language != NULL, NULL);

  db = impact_store_get_db (self);
  stmt = impact_db_stmt_new (db, "SELECT body FROM letter_templates WHERE kind = ? AND language = ?", error);
  if (stmt == NULL)
    return NULL;
  impact_db_stmt_bind_text (stmt, 1, impact_letter_kind_to_code (kind));
  impact_db_stmt_bind_text (stmt, 2, language);

  step = impact_db_stmt_step (stmt, error);
  if (step == IMPACT_DB_ROW)
    return g_strdup (impact_db_stmt_get_text (stmt, 0));
  if (step == IMPACT_DB_ERROR)
    return NULL;

  return g_strdup (impact_letter_default_template (kind, language));
}

/* Keeps @body as the template of @kind in @language; NULL goes back to the built-in one. */
gboolean
impact_store_set_letter_template (ImpactStore *self,
                                  ImpactLetterKind kind,
                                  const char *language,
                                  const char *body,
                                  GError **error)
{
  ImpactDb *db;
  g_autoptr (ImpactDbStmt) stmt = NULL;

  g_return_val_if_fail (IMPACT_IS_STORE (self), FALSE);
  g_return_val_if_fail (kind < IMPACT_N_LETTER_KINDS && language != NULL, FALSE);

  if (body != NULL && body[strspn (body, " \t\r\n")] == '\0')
    {
      g_set_error_literal (error, IMPACT_STORE_ERROR, IMPACT_STORE_ERROR_INVALID, _ ("A letter template cannot be empty."));
      return FALSE;
    }

  db = impact_store_get_db (self);
  stmt = impact_db_stmt_new (db,
                             body != NULL ? "INSERT INTO letter_templates (kind, language, body) VALUES (?1, ?2, ?3)"
                                            " ON CONFLICT (kind, language) DO UPDATE SET body = excluded.body"
                                          : "DELETE FROM letter_templates WHERE kind = ?1 AND language = ?2",
                             error);
  if (stmt == NULL)
    return FALSE;
  impact_db_stmt_bind_text (stmt, 1, impact_letter_kind_to_code (kind));
  impact_db_stmt_bind_text (stmt, 2, language);
  if (body != NULL)
    impact_db_stmt_bind_text (stmt, 3, body);

  return impact_db_stmt_run (stmt, error);
}
