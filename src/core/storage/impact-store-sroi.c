/* impact-store-sroi.c: contract obligations, rule sets, hand-entered realisation and the
 * inputs of the PSO estimate (schema step 8)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "impact-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "impact-db-stmt.h"
#include "impact-store-sroi.h"

static gboolean
set_invalid (GError **error,
             const char *message)
{
  g_set_error_literal (error, IMPACT_STORE_ERROR, IMPACT_STORE_ERROR_INVALID, message);
  return FALSE;
}

static gboolean
is_fraction (double value)
{
  return value >= 0 && value <= 1;
}

/* The object's obligation; kind IMPACT_SROI_NONE when it has none. Clear it with
 * impact_sroi_obligation_clear(). */
gboolean
impact_store_get_sroi_obligation (ImpactStore *self,
                                  gint64 object_id,
                                  ImpactSroiObligation *obligation,
                                  GError **error)
{
  ImpactDb *db;
  g_autoptr (ImpactDbStmt) stmt = NULL;
  ImpactDbStep step;

  g_return_val_if_fail (IMPACT_IS_STORE (self), FALSE);
  g_return_val_if_fail (obligation != NULL, FALSE);

  memset (obligation, 0, sizeof *obligation);
  obligation->cap_cents = -1;
  obligation->rule_set = g_strdup (IMPACT_SROI_DEFAULT_RULE_SET);

  db = impact_store_get_db (self);
  stmt = impact_db_stmt_new (db,
                             "SELECT kind, percent, cap_cents, fixed_cents, own_social_factor, rule_set"
                             " FROM sroi_obligations WHERE object_id = ?",
                             error);
  if (stmt == NULL)
    return FALSE;
  impact_db_stmt_bind_int64 (stmt, 1, object_id);

  step = impact_db_stmt_step (stmt, error);
  if (step == IMPACT_DB_ROW)
    {
      impact_sroi_kind_from_code (impact_db_stmt_get_text (stmt, 0), &obligation->kind);
      obligation->percent = impact_db_stmt_get_double (stmt, 1);
      obligation->cap_cents = impact_db_stmt_get_type (stmt, 2) == IMPACT_DB_NULL ? -1 : impact_db_stmt_get_int64 (stmt, 2);
      obligation->fixed_cents = impact_db_stmt_get_int64 (stmt, 3);
      obligation->own_social_factor = impact_db_stmt_get_double (stmt, 4);
      g_free (obligation->rule_set);
      obligation->rule_set = impact_db_stmt_dup_text (stmt, 5);
    }
  else if (step == IMPACT_DB_ERROR)
    return FALSE;

  return TRUE;
}

/* Sets the object's obligation; one of kind IMPACT_SROI_NONE removes it. */
gboolean
impact_store_set_sroi_obligation (ImpactStore *self,
                                  gint64 object_id,
                                  const ImpactSroiObligation *obligation,
                                  GError **error)
{
  ImpactDb *db;
  g_autoptr (ImpactDbStmt) stmt = NULL;

  g_return_val_if_fail (IMPACT_IS_STORE (self), FALSE);
  g_return_val_if_fail (obligation != NULL, FALSE);

  if (obligation->kind == IMPACT_SROI_PERCENT && !(obligation->percent >= 0 && obligation->percent <= 100))
    /* xgettext:no-c-format */
    return set_invalid (error, _ ("An obligation lies between 0% and 100% of the contract value."));
  if (obligation->kind == IMPACT_SROI_FIXED && obligation->fixed_cents < 0)
    return set_invalid (error, _ ("An obligation cannot be a negative amount."));
  if (!is_fraction (obligation->own_social_factor))
    /* xgettext:no-c-format */
    return set_invalid (error, _ ("The share of purchases at the own social company lies between 0% and 100%."));

  db = impact_store_get_db (self);
  stmt = impact_db_stmt_new (db,
                             obligation->kind == IMPACT_SROI_NONE
                                 ? "DELETE FROM sroi_obligations WHERE object_id = ?1"
                                 : "INSERT INTO sroi_obligations (object_id, kind, percent, cap_cents,"
                                   " fixed_cents, own_social_factor, rule_set) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)"
                                   " ON CONFLICT (object_id) DO UPDATE SET kind = excluded.kind,"
                                   " percent = excluded.percent, cap_cents = excluded.cap_cents,"
                                   " fixed_cents = excluded.fixed_cents,"
                                   " own_social_factor = excluded.own_social_factor, rule_set = excluded.rule_set",
                             error);
  if (stmt == NULL)
    return FALSE;
  impact_db_stmt_bind_int64 (stmt, 1, object_id);
  if (obligation->kind != IMPACT_SROI_NONE)
    {
      impact_db_stmt_bind_text (stmt, 2, impact_sroi_kind_to_code (obligation->kind));
      if (obligation->kind == IMPACT_SROI_PERCENT)
        {
          impact_db_stmt_bind_double (stmt, 3, obligation->percent);
          if (obligation->cap_cents >= 0)
            impact_db_stmt_bind_int64 (stmt, 4, obligation->cap_cents);
        }
      else
        impact_db_stmt_bind_int64 (stmt, 5, obligation->fixed_cents);
      impact_db_stmt_bind_double (stmt, 6, obligation->own_social_factor);
      impact_db_stmt_bind_text (stmt, 7, obligation->rule_set != NULL ? obligation->rule_set : IMPACT_SROI_DEFAULT_RULE_SET);
    }

  return impact_db_stmt_run (stmt, error);
}

/* The object's hand-entered realisation, oldest first (ImpactSroiEntry). */
GPtrArray *
impact_store_list_sroi_entries (ImpactStore *self,
                                gint64 object_id,
                                GError **error)
{
  ImpactDb *db;
  g_autoptr (ImpactDbStmt) stmt = NULL;
  g_autoptr (GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify) impact_sroi_entry_free);
  ImpactDbStep step;

  g_return_val_if_fail (IMPACT_IS_STORE (self), NULL);

  db = impact_store_get_db (self);
  stmt = impact_db_stmt_new (db,
                             "SELECT id, day, amount_cents, description FROM sroi_entries"
                             " WHERE object_id = ? ORDER BY day, id",
                             error);
  if (stmt == NULL)
    return NULL;
  impact_db_stmt_bind_int64 (stmt, 1, object_id);

  while ((step = impact_db_stmt_step (stmt, error)) == IMPACT_DB_ROW)
    {
      ImpactSroiEntry *entry = g_new0 (ImpactSroiEntry, 1);

      entry->id = impact_db_stmt_get_int64 (stmt, 0);
      entry->object_id = object_id;
      entry->day = impact_db_stmt_get_int64 (stmt, 1);
      entry->amount_cents = impact_db_stmt_get_int64 (stmt, 2);
      entry->description = impact_db_stmt_dup_text (stmt, 3);
      g_ptr_array_add (entries, entry);
    }
  if (step == IMPACT_DB_ERROR)
    return NULL;

  return g_steal_pointer (&entries);
}

gint64
impact_store_add_sroi_entry (ImpactStore *self,
                             const ImpactSroiEntry *entry,
                             GError **error)
{
  ImpactDb *db;
  g_autoptr (ImpactDbStmt) stmt = NULL;

  g_return_val_if_fail (IMPACT_IS_STORE (self), 0);
  g_return_val_if_fail (entry != NULL, 0);

  if (entry->description == NULL || entry->description[strspn (entry->description, " \t\n")] == '\0')
    {
      set_invalid (error, _ ("Describe what was realised, for example “2 people placed”."));
      return 0;
    }
  if (!g_date_valid_julian (entry->day))
    {
      set_invalid (error, _ ("A realisation needs a date."));
      return 0;
    }

  db = impact_store_get_db (self);
  stmt = impact_db_stmt_new (db,
                             "INSERT INTO sroi_entries (object_id, day, amount_cents, description)"
                             " VALUES (?, ?, ?, ?) RETURNING id",
                             error);
  if (stmt == NULL)
    return 0;
  impact_db_stmt_bind_int64 (stmt, 1, entry->object_id);
  impact_db_stmt_bind_int64 (stmt, 2, entry->day);
  impact_db_stmt_bind_int64 (stmt, 3, entry->amount_cents);
  impact_db_stmt_bind_text (stmt, 4, entry->description);
  return impact_db_stmt_insert (stmt, error);
}

gboolean
impact_store_delete_sroi_entry (ImpactStore *self,
                                gint64 entry_id,
                                GError **error)
{
  ImpactDb *db;
  g_autoptr (ImpactDbStmt) stmt = NULL;

  g_return_val_if_fail (IMPACT_IS_STORE (self), FALSE);

  db = impact_store_get_db (self);
  stmt = impact_db_stmt_new (db, "DELETE FROM sroi_entries WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  impact_db_stmt_bind_int64 (stmt, 1, entry_id);

  return impact_db_stmt_run (stmt, error);
}

static void
rules_free (ImpactSroiRules *rules)
{
  impact_sroi_rules_clear (rules);
  g_free (rules);
}

static gboolean
load_factors (ImpactDb *db,
              ImpactSroiRules *rules,
              GError **error)
{
  g_autoptr (ImpactDbStmt) stmt = impact_db_stmt_new (db,
                                                      "SELECT kind, factor FROM sroi_rule_factors"
                                                      " WHERE rule_set_id = ?",
                                                      error);
  ImpactDbStep step;

  if (stmt == NULL)
    return FALSE;
  impact_db_stmt_bind_int64 (stmt, 1, rules->id);

  memset (rules->factors, 0, sizeof rules->factors);
  while ((step = impact_db_stmt_step (stmt, error)) == IMPACT_DB_ROW)
    {
      ImpactSocialClass klass;

      if (impact_social_class_from_code (impact_db_stmt_get_text (stmt, 0), &klass))
        rules->factors[klass] = impact_db_stmt_get_double (stmt, 1);
    }
  if (step == IMPACT_DB_ERROR)
    return FALSE;

  return TRUE;
}

/* Every version of every rule set (ImpactSroiRules), by name, oldest version first. */
GPtrArray *
impact_store_list_rule_sets (ImpactStore *self,
                             GError **error)
{
  ImpactDb *db;
  g_autoptr (ImpactDbStmt) stmt = NULL;
  g_autoptr (GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) rules_free);
  ImpactDbStep step;

  g_return_val_if_fail (IMPACT_IS_STORE (self), NULL);

  db = impact_store_get_db (self);
  stmt = impact_db_stmt_new (db, "SELECT id, name, valid_from FROM sroi_rule_sets ORDER BY name, valid_from", error);
  if (stmt == NULL)
    return NULL;

  while ((step = impact_db_stmt_step (stmt, error)) == IMPACT_DB_ROW)
    {
      ImpactSroiRules *rules = g_new0 (ImpactSroiRules, 1);

      rules->id = impact_db_stmt_get_int64 (stmt, 0);
      rules->name = impact_db_stmt_dup_text (stmt, 1);
      rules->valid_from = impact_db_stmt_get_int64 (stmt, 2);
      g_ptr_array_add (list, rules);
      if (!load_factors (db, rules, error))
        return NULL;
    }
  if (step == IMPACT_DB_ERROR)
    return NULL;

  return g_steal_pointer (&list);
}

/* The version of rule set @name valid on @day: the newest that starts on or before it, else
 * the oldest. A name that is not stored gives the built-in defaults (id 0). */
gboolean
impact_store_find_rule_set (ImpactStore *self,
                            const char *name,
                            guint32 day,
                            ImpactSroiRules *rules,
                            GError **error)
{
  ImpactDb *db;
  g_autoptr (ImpactDbStmt) stmt = NULL;
  ImpactDbStep step;

  g_return_val_if_fail (IMPACT_IS_STORE (self), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);
  g_return_val_if_fail (rules != NULL, FALSE);

  impact_sroi_rules_init_default (rules);
  rules->id = 0;

  db = impact_store_get_db (self);
  stmt = impact_db_stmt_new (db,
                             "SELECT id, name, valid_from FROM sroi_rule_sets WHERE name = ?1"
                             " ORDER BY valid_from > ?2, CASE WHEN valid_from <= ?2 THEN -valid_from"
                             " ELSE valid_from END LIMIT 1",
                             error);
  if (stmt == NULL)
    return FALSE;
  impact_db_stmt_bind_text (stmt, 1, name);
  impact_db_stmt_bind_int64 (stmt, 2, day);

  step = impact_db_stmt_step (stmt, error);
  if (step == IMPACT_DB_ROW)
    {
      rules->id = impact_db_stmt_get_int64 (stmt, 0);
      g_free (rules->name);
      rules->name = impact_db_stmt_dup_text (stmt, 1);
      rules->valid_from = impact_db_stmt_get_int64 (stmt, 2);
      return load_factors (db, rules, error);
    }
  if (step == IMPACT_DB_ERROR)
    return FALSE;

  return TRUE;
}

/* Stores a new version of a rule set (a version with the same name and day is replaced),
 * all or nothing, also inside a transaction of the caller. Returns its id, or 0. */
gint64
impact_store_add_rule_set (ImpactStore *self,
                           const ImpactSroiRules *rules,
                           GError **error)
{
  ImpactDb *db;
  g_autoptr (ImpactDbStmt) set = NULL;
  g_autoptr (ImpactDbStmt) clear = NULL;
  g_autoptr (ImpactDbStmt) factor = NULL;
  gint64 id;
  ImpactDbStep step;

  g_return_val_if_fail (IMPACT_IS_STORE (self), 0);
  g_return_val_if_fail (rules != NULL, 0);

  if (rules->name == NULL || *rules->name == '\0')
    {
      set_invalid (error, _ ("A rule set needs a name."));
      return 0;
    }
  for (guint k = 0; k < IMPACT_N_SOCIAL_CLASSES; k++)
    if (!is_fraction (rules->factors[k]))
      {
        /* xgettext:no-c-format */
        set_invalid (error, _ ("A factor lies between 0% and 100%."));
        return 0;
      }

  db = impact_store_get_db (self);
  set = impact_db_stmt_new (db,
                            "INSERT INTO sroi_rule_sets (name, valid_from) VALUES (?, ?)"
                            " ON CONFLICT (name, valid_from) DO UPDATE SET name = excluded.name RETURNING id",
                            error);
  clear = set != NULL ? impact_db_stmt_new (db, "DELETE FROM sroi_rule_factors WHERE rule_set_id = ?", error) : NULL;
  factor = clear != NULL ? impact_db_stmt_new (db, "INSERT INTO sroi_rule_factors VALUES (?, ?, ?)", error) : NULL;
  if (factor == NULL || !impact_db_begin (db, error))
    return 0;

  /* A version stored before on the same day is replaced: same id, new factors. */
  impact_db_stmt_bind_text (set, 1, rules->name);
  impact_db_stmt_bind_int64 (set, 2, MAX (rules->valid_from, 1));
  step = impact_db_stmt_step (set, error);
  if (step != IMPACT_DB_ROW)
    goto fail;
  id = impact_db_stmt_get_int64 (set, 0);
  impact_db_stmt_reset (set);
  impact_db_stmt_bind_int64 (clear, 1, id);
  if (!impact_db_stmt_run (clear, error))
    goto fail;

  for (guint k = 0; k < IMPACT_N_SOCIAL_CLASSES; k++)
    if (rules->factors[k] > 0)
      {
        impact_db_stmt_reset (factor);
        impact_db_stmt_bind_int64 (factor, 1, id);
        impact_db_stmt_bind_text (factor, 2, impact_social_class_to_code (k));
        impact_db_stmt_bind_double (factor, 3, rules->factors[k]);
        if (!impact_db_stmt_run (factor, error))
          goto fail;
      }

  if (!impact_db_commit (db, error))
    goto fail;
  return id;

fail:
  impact_db_rollback (db);
  return 0;
}

/* The node's FTE and direct share (0 to 1); both 0 when they are not known. */
gboolean
impact_store_get_pso_organisation (ImpactStore *self,
                                   gint64 node_id,
                                   double *fte,
                                   double *direct_share,
                                   GError **error)
{
  ImpactDb *db;
  g_autoptr (ImpactDbStmt) stmt = NULL;
  ImpactDbStep step;

  g_return_val_if_fail (IMPACT_IS_STORE (self), FALSE);
  g_return_val_if_fail (fte != NULL && direct_share != NULL, FALSE);

  db = impact_store_get_db (self);
  stmt = impact_db_stmt_new (db, "SELECT fte, direct_share FROM pso_organisation WHERE node_id = ?", error);
  if (stmt == NULL)
    return FALSE;
  impact_db_stmt_bind_int64 (stmt, 1, node_id);

  step = impact_db_stmt_step (stmt, error);
  *fte = step == IMPACT_DB_ROW ? impact_db_stmt_get_double (stmt, 0) : 0;
  *direct_share = step == IMPACT_DB_ROW ? impact_db_stmt_get_double (stmt, 1) : 0;
  if (step == IMPACT_DB_ERROR)
    return FALSE;

  return TRUE;
}

gboolean
impact_store_set_pso_organisation (ImpactStore *self,
                                   gint64 node_id,
                                   double fte,
                                   double direct_share,
                                   GError **error)
{
  ImpactDb *db;
  g_autoptr (ImpactDbStmt) stmt = NULL;

  g_return_val_if_fail (IMPACT_IS_STORE (self), FALSE);

  if (!(fte >= 0))
    return set_invalid (error, _ ("The number of FTE cannot be negative."));
  if (!is_fraction (direct_share))
    /* xgettext:no-c-format */
    return set_invalid (error, _ ("A direct share lies between 0% and 100%."));

  db = impact_store_get_db (self);
  stmt = impact_db_stmt_new (db, "INSERT INTO pso_organisation (node_id, fte, direct_share) VALUES (?, ?, ?)"
                                 " ON CONFLICT (node_id) DO UPDATE SET fte = excluded.fte,"
                                 " direct_share = excluded.direct_share",
                             error);
  if (stmt == NULL)
    return FALSE;
  impact_db_stmt_bind_int64 (stmt, 1, node_id);
  impact_db_stmt_bind_double (stmt, 2, fte);
  impact_db_stmt_bind_double (stmt, 3, direct_share);

  return impact_db_stmt_run (stmt, error);
}

/* The supplier's turnover, FTE and direct share; turnover 0 when they are not known. The
 * spend is left alone. */
gboolean
impact_store_get_pso_supplier (ImpactStore *self,
                               gint64 supplier_id,
                               ImpactPsoSupplier *supplier,
                               GError **error)
{
  ImpactDb *db;
  g_autoptr (ImpactDbStmt) stmt = NULL;
  ImpactDbStep step;

  g_return_val_if_fail (IMPACT_IS_STORE (self), FALSE);
  g_return_val_if_fail (supplier != NULL, FALSE);

  db = impact_store_get_db (self);
  stmt = impact_db_stmt_new (db,
                             "SELECT turnover_cents, fte, direct_share FROM pso_suppliers WHERE supplier_id = ?",
                             error);
  if (stmt == NULL)
    return FALSE;
  impact_db_stmt_bind_int64 (stmt, 1, supplier_id);

  step = impact_db_stmt_step (stmt, error);
  supplier->turnover_cents = step == IMPACT_DB_ROW ? impact_db_stmt_get_int64 (stmt, 0) : 0;
  supplier->fte = step == IMPACT_DB_ROW ? impact_db_stmt_get_double (stmt, 1) : 0;
  supplier->direct_share = step == IMPACT_DB_ROW ? impact_db_stmt_get_double (stmt, 2) : 0;
  if (step == IMPACT_DB_ERROR)
    return FALSE;

  return TRUE;
}

gboolean
impact_store_set_pso_supplier (ImpactStore *self,
                               gint64 supplier_id,
                               const ImpactPsoSupplier *supplier,
                               GError **error)
{
  ImpactDb *db;
  g_autoptr (ImpactDbStmt) stmt = NULL;

  g_return_val_if_fail (IMPACT_IS_STORE (self), FALSE);
  g_return_val_if_fail (supplier != NULL, FALSE);

  if (supplier->turnover_cents < 0)
    return set_invalid (error, _ ("A turnover cannot be negative."));
  if (!(supplier->fte >= 0))
    return set_invalid (error, _ ("The number of FTE cannot be negative."));
  if (!is_fraction (supplier->direct_share))
    /* xgettext:no-c-format */
    return set_invalid (error, _ ("A direct share lies between 0% and 100%."));

  db = impact_store_get_db (self);
  stmt = impact_db_stmt_new (db, "INSERT INTO pso_suppliers (supplier_id, turnover_cents, fte, direct_share) VALUES (?, ?, ?, ?)"
                                 " ON CONFLICT (supplier_id) DO UPDATE SET turnover_cents = excluded.turnover_cents,"
                                 " fte = excluded.fte, direct_share = excluded.direct_share",
                             error);
  if (stmt == NULL)
    return FALSE;
  impact_db_stmt_bind_int64 (stmt, 1, supplier_id);
  impact_db_stmt_bind_int64 (stmt, 2, supplier->turnover_cents);
  impact_db_stmt_bind_double (stmt, 3, supplier->fte);
  impact_db_stmt_bind_double (stmt, 4, supplier->direct_share);

  return impact_db_stmt_run (stmt, error);
}

/* The norms valid on @day: the newest version that starts on or before it, else the
 * oldest. */
gboolean
impact_store_get_pso_norms (ImpactStore *self,
                            guint32 day,
                            ImpactPsoNorms *norms,
                            GError **error)
{
  ImpactDb *db;
  g_autoptr (ImpactDbStmt) stmt = NULL;
  ImpactDbStep step;

  g_return_val_if_fail (IMPACT_IS_STORE (self), FALSE);
  g_return_val_if_fail (norms != NULL, FALSE);

  impact_pso_norms_init_default (norms);

  db = impact_store_get_db (self);
  stmt = impact_db_stmt_new (db,
                             "WITH version AS (SELECT valid_from FROM pso_norms"
                             "  ORDER BY valid_from > ?1, CASE WHEN valid_from <= ?1 THEN -valid_from"
                             "  ELSE valid_from END LIMIT 1)"
                             " SELECT valid_from, trede, share FROM pso_norms WHERE valid_from = (SELECT * FROM version)"
                             " ORDER BY trede",
                             error);
  if (stmt == NULL)
    return FALSE;
  impact_db_stmt_bind_int64 (stmt, 1, day);

  norms->n_treden = 0;
  while ((step = impact_db_stmt_step (stmt, error)) == IMPACT_DB_ROW)
    {
      int trede = (int) impact_db_stmt_get_int64 (stmt, 1);

      norms->valid_from = impact_db_stmt_get_int64 (stmt, 0);
      norms->norms[trede - 1] = impact_db_stmt_get_double (stmt, 2);
      norms->n_treden = MAX (norms->n_treden, (guint) trede);
    }
  if (step == IMPACT_DB_ERROR)
    return FALSE;
  if (norms->n_treden == 0)
    impact_pso_norms_init_default (norms);

  return TRUE;
}

/* Stores a version of the norms (replacing one that starts on the same day). Each trede
 * needs at least the share of the one below. */
gboolean
impact_store_set_pso_norms (ImpactStore *self,
                            const ImpactPsoNorms *norms,
                            GError **error)
{
  ImpactDb *db;
  g_autoptr (ImpactDbStmt) clear = NULL;
  g_autoptr (ImpactDbStmt) stmt = NULL;

  g_return_val_if_fail (IMPACT_IS_STORE (self), FALSE);
  g_return_val_if_fail (norms != NULL && norms->n_treden >= 1 && norms->n_treden <= IMPACT_PSO_MAX_TREDEN, FALSE);

  for (guint t = 0; t < norms->n_treden; t++)
    if (!(norms->norms[t] >= 0 && norms->norms[t] <= 100) || (t > 0 && norms->norms[t] < norms->norms[t - 1]))
      /* xgettext:no-c-format */
      return set_invalid (error, _ ("Each trede needs a share between 0% and 100%, and at least that of the trede below."));

  db = impact_store_get_db (self);
  clear = impact_db_stmt_new (db, "DELETE FROM pso_norms WHERE valid_from = ?", error);
  stmt = clear != NULL ? impact_db_stmt_new (db, "INSERT INTO pso_norms VALUES (?, ?, ?)", error) : NULL;
  if (stmt == NULL || !impact_db_begin (db, error))
    return FALSE;

  impact_db_stmt_bind_int64 (clear, 1, MAX (norms->valid_from, 1));
  if (!impact_db_stmt_run (clear, error))
    goto fail;
  for (guint t = 0; t < norms->n_treden; t++)
    {
      impact_db_stmt_reset (stmt);
      impact_db_stmt_bind_int64 (stmt, 1, MAX (norms->valid_from, 1));
      impact_db_stmt_bind_int64 (stmt, 2, t + 1);
      impact_db_stmt_bind_double (stmt, 3, norms->norms[t]);
      if (!impact_db_stmt_run (stmt, error))
        goto fail;
    }

  if (impact_db_commit (db, error))
    return TRUE;

fail:
  impact_db_rollback (db);
  return FALSE;
}
