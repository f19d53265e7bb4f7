/* impact-import-registers.c: rows of a certificate register and of the organisation
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "impact-importer"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "impact-import-registers.h"
#include "storage/impact-store-sroi.h"

/* A number in a cell, as "12,5", "12.5" or a spreadsheet number; @percent also takes "45%"
 * and gives 0.45 for it, or for 45. */
static gboolean
parse_number_cell (Import *im,
                   const ImpactCell *cell,
                   gboolean percent,
                   double *value)
{
  g_autofree char *text = NULL;
  gint64 cents;
  gboolean has_percent = FALSE;

  if (cell->type == IMPACT_CELL_NUMBER)
    {
      *value = cell->number;
      if (!isfinite (*value) || *value < 0 || (percent && *value > 100))
        return FALSE;
      if (percent && *value > 1)
        *value /= 100;
      return TRUE;
    }
  if (cell->type != IMPACT_CELL_TEXT)
    return FALSE;
  text = g_strstrip (g_strdup (cell->text));
  if (percent && g_str_has_suffix (text, "%"))
    {
      text[strlen (text) - 1] = '\0';
      g_strchomp (text);
      has_percent = TRUE;
    }
  if (!impact_parse_amount (text, im->mapping->decimal, &cents) || cents < 0)
    return FALSE;
  *value = (double) cents / 100;
  if (percent && (has_percent || *value > 1))
    *value /= 100;
  return !percent || *value <= 1;
}

/* The PSO inputs a register row gives; turnover 0 when it gives none. FALSE after rejecting
 * the row. */
static gboolean
pso_data (Import *im,
          const ImpactRow *row,
          ImpactPsoSupplier *data)
{
  const ImpactCell *turnover = _impact_import_field_cell (im, row, IMPACT_FIELD_TURNOVER);
  const ImpactCell *fte = _impact_import_field_cell (im, row, IMPACT_FIELD_FTE);
  const ImpactCell *direct = _impact_import_field_cell (im, row, IMPACT_FIELD_DIRECT_SHARE);

  memset (data, 0, sizeof *data);
  if (turnover->type == IMPACT_CELL_EMPTY && fte->type == IMPACT_CELL_EMPTY && direct->type == IMPACT_CELL_EMPTY)
    return TRUE;
  if (!_impact_import_parse_amount_cell (turnover, im->mapping->decimal, &data->turnover_cents) || data->turnover_cents <= 0)
    {
      _impact_import_reject (im, row->number, im->column[IMPACT_FIELD_TURNOVER],
                             g_strdup (_ ("The turnover is not an amount above zero; the PSO estimate needs turnover, FTE "
                                          "and direct share together.")));
      return FALSE;
    }
  if (!parse_number_cell (im, fte, FALSE, &data->fte))
    {
      _impact_import_reject (im, row->number, im->column[IMPACT_FIELD_FTE],
                             g_strdup (_ ("The FTE is not a number, for example 12,5.")));
      return FALSE;
    }
  if (!parse_number_cell (im, direct, TRUE, &data->direct_share))
    {
      _impact_import_reject (im, row->number, im->column[IMPACT_FIELD_DIRECT_SHARE],
                             g_strdup (_ ("The direct share is not a percentage, for example 35% or 0,35.")));
      return FALSE;
    }
  return TRUE;
}

/* A row of a certificate register: a supplier, a status and its validity. The same status
 * of the same supplier from the same day, stored or earlier in the file, is a duplicate. */
gboolean
_impact_import_status_row (Import *im,
                           const ImpactRow *row,
                           GError **error)
{
  g_autoptr (ImpactStatus) status = NULL;
  const char *kind_text;
  ImpactSocialClass kind;
  guint32 from, until;
  gint64 supplier_id;
  ImpactPsoSupplier data;
  int known;

  if (impact_row_is_empty (row))
    return TRUE;
  im->summary->rows_read++;

  for (guint i = 0; i < im->n_mapped; i++)
    {
      ImpactField f = im->mapped[i];
      const ImpactCell *cell = _impact_import_field_cell (im, row, f);

      if (cell->type == IMPACT_CELL_ERROR)
        {
          _impact_import_reject (im, row->number, im->column[f], g_strdup (cell->text));
          return TRUE;
        }
    }

  kind_text = _impact_import_field_text (im, row, IMPACT_FIELD_STATUS_KIND);
  if (kind_text == NULL || !impact_parse_status_kind (kind_text, &kind) || kind == IMPACT_SOCIAL_CLASS_NONE)
    {
      _impact_import_reject (im, row->number, im->column[IMPACT_FIELD_STATUS_KIND],
                             kind_text == NULL ? g_strdup (_ ("The row names no certificate or status."))
                                               : g_strdup_printf (_ ("“%s” is not a certificate or status Impact Dashboard knows "
                                                                     "(such as PSO trede 2, PSO 30+, SW-bedrijf or sociale onderneming)."),
                                                                  kind_text));
      return TRUE;
    }
  if (!_impact_import_optional_date (im, row, IMPACT_FIELD_VALID_FROM, &from) || !_impact_import_optional_date (im, row, IMPACT_FIELD_VALID_UNTIL, &until))
    return TRUE;
  if (from != 0 && until != 0 && until < from)
    {
      _impact_import_reject (im, row->number, im->column[IMPACT_FIELD_VALID_UNTIL], g_strdup (_ ("The status ends before it starts.")));
      return TRUE;
    }

  if (!pso_data (im, row, &data))
    return TRUE;

  supplier_id = _impact_import_resolve_supplier (im, row, error);
  if (supplier_id <= 0)
    return supplier_id == 0;
  /* Turnover, FTE and direct share update the supplier's, for a new status or a known one. */
  if (data.turnover_cents > 0 && !impact_store_set_pso_supplier (im->store, supplier_id, &data, error))
    return FALSE;

  /* The same status again (a register imported twice) adds nothing. */
  known = impact_store_has_status (im->store, supplier_id, kind, from, error);
  if (known < 0)
    return FALSE;
  if (known)
    {
      im->summary->rows_duplicate++;
      return TRUE;
    }

  status = impact_status_new (supplier_id, kind, from, until);
  status->batch_id = im->batch_id;
  status->certifying_body = g_strdup (_impact_import_field_text (im, row, IMPACT_FIELD_CERTIFYING_BODY));
  status->evidence = g_strdup (_impact_import_field_text (im, row, IMPACT_FIELD_EVIDENCE));
  status->note = g_strdup (_impact_import_field_text (im, row, IMPACT_FIELD_NOTE));
  if (impact_store_add_status (im->store, status, error) == 0)
    return FALSE;
  im->summary->rows_accepted++;

  return TRUE;
}

static gboolean write_org_row (Import *im, const ImpactRow *row, const char *division_code, const char *division_name, const char *object_code, ImpactNode **division, ImpactNode *object, const ImpactSroiObligation *obligation, GError **error);

/* Fills in what a row says about a unit, leaving what it does not say as it was. */
static gboolean
org_contract (Import *im,
              const ImpactRow *row,
              ImpactNode *node)
{
  const ImpactCell *value = _impact_import_field_cell (im, row, IMPACT_FIELD_CONTRACT_VALUE);
  const char *client = _impact_import_field_text (im, row, IMPACT_FIELD_CLIENT);
  guint32 start, end;

  if (value->type != IMPACT_CELL_EMPTY)
    {
      gint64 cents;

      if (!_impact_import_parse_amount_cell (value, im->mapping->decimal, &cents) || cents < 0)
        {
          _impact_import_reject (im, row->number, im->column[IMPACT_FIELD_CONTRACT_VALUE],
                                 g_strdup_printf (_ ("“%s” is not a contract value."), value->text != NULL ? value->text : ""));
          return FALSE;
        }
      node->contract_value_cents = cents;
    }
  if (!_impact_import_optional_date (im, row, IMPACT_FIELD_CONTRACT_START, &start) || !_impact_import_optional_date (im, row, IMPACT_FIELD_CONTRACT_END, &end))
    return FALSE;
  if (start != 0)
    node->contract_start = start;
  if (end != 0)
    node->contract_end = end;
  if (node->contract_start != 0 && node->contract_end != 0 && node->contract_end < node->contract_start)
    {
      _impact_import_reject (im, row->number, im->column[IMPACT_FIELD_CONTRACT_END], g_strdup (_ ("The contract ends before it starts.")));
      return FALSE;
    }
  if (client != NULL)
    {
      g_free (node->client);
      node->client = g_strdup (client);
    }

  return TRUE;
}

/* The rule set a file names: by its name, or "default" as the dialog shows it in either
 * language; NULL after rejecting the row for a name that is not known. */
static char *
org_rule_set (Import *im,
              const ImpactRow *row,
              const char *text,
              guint32 day,
              GError **error)
{
  g_autofree char *folded = g_utf8_casefold (text, -1);
  g_autofree char *shown = g_utf8_casefold (impact_sroi_rule_set_to_string (IMPACT_SROI_DEFAULT_RULE_SET), -1);
  ImpactSroiRules rules;
  gboolean found;

  if (g_str_equal (folded, IMPACT_SROI_DEFAULT_RULE_SET) || g_str_equal (folded, shown)
      || g_str_equal (folded, "standaard"))
    return g_strdup (IMPACT_SROI_DEFAULT_RULE_SET);

  if (!impact_store_find_rule_set (im->store, text, day, &rules, error))
    return NULL;
  found = rules.id != 0;
  impact_sroi_rules_clear (&rules);
  if (!found)
    _impact_import_reject (im, row->number, im->column[IMPACT_FIELD_SROI_RULE_SET],
                           g_strdup_printf (_ ("There is no SROI rule set “%s”; add it in Preferences first."), text));

  return found ? g_strdup (text) : NULL;
}

/* The obligation a row gives its object, starting from the one it has: a percentage of the
 * contract value (with a cap or not) or a fixed amount, and the rule set. Returns 0 after
 * rejecting the row, 1 when the row gives one, 2 when it says nothing about it, -1 on an
 * error. */
static int
org_obligation (Import *im,
                const ImpactRow *row,
                const ImpactNode *object,
                ImpactSroiObligation *obligation,
                GError **error)
{
  const ImpactCell *percent = _impact_import_field_cell (im, row, IMPACT_FIELD_SROI_PERCENT);
  const ImpactCell *fixed = _impact_import_field_cell (im, row, IMPACT_FIELD_SROI_FIXED);
  const ImpactCell *cap = _impact_import_field_cell (im, row, IMPACT_FIELD_SROI_CAP);
  const char *rule_set = _impact_import_field_text (im, row, IMPACT_FIELD_SROI_RULE_SET);

  if (percent->type == IMPACT_CELL_EMPTY && fixed->type == IMPACT_CELL_EMPTY && cap->type == IMPACT_CELL_EMPTY
      && rule_set == NULL)
    return 2;

  if (object->id != 0 && !impact_store_get_sroi_obligation (im->store, object->id, obligation, error))
    return -1;
  if (object->id == 0)
    {
      memset (obligation, 0, sizeof *obligation);
      obligation->cap_cents = -1;
      obligation->rule_set = g_strdup (IMPACT_SROI_DEFAULT_RULE_SET);
    }

  if (percent->type != IMPACT_CELL_EMPTY && fixed->type != IMPACT_CELL_EMPTY)
    {
      _impact_import_reject (im, row->number, im->column[IMPACT_FIELD_SROI_FIXED],
                             g_strdup (_ ("The row gives the obligation both as a percentage and as an amount; give "
                                          "one of them.")));
      return 0;
    }
  if (percent->type != IMPACT_CELL_EMPTY)
    {
      double share;

      if (!parse_number_cell (im, percent, TRUE, &share))
        {
          _impact_import_reject (im, row->number, im->column[IMPACT_FIELD_SROI_PERCENT],
                                 g_strdup_printf (_ ("“%s” is not a percentage of the contract value, for example 5%% "
                                                     "or 0,05."),
                                                  percent->text != NULL ? percent->text : ""));
          return 0;
        }
      obligation->kind = IMPACT_SROI_PERCENT;
      /* Kept as the percentage it is: 5 for 5%, not 0.05 with its rounding. */
      obligation->percent = round (share * 1e6) / 1e4;
    }
  else if (fixed->type != IMPACT_CELL_EMPTY)
    {
      if (!_impact_import_parse_amount_cell (fixed, im->mapping->decimal, &obligation->fixed_cents)
          || obligation->fixed_cents < 0)
        {
          _impact_import_reject (im, row->number, im->column[IMPACT_FIELD_SROI_FIXED],
                                 g_strdup_printf (_ ("“%s” is not an amount."), fixed->text != NULL ? fixed->text : ""));
          return 0;
        }
      obligation->kind = IMPACT_SROI_FIXED;
    }
  if (cap->type != IMPACT_CELL_EMPTY)
    {
      if (!_impact_import_parse_amount_cell (cap, im->mapping->decimal, &obligation->cap_cents)
          || obligation->cap_cents < 0)
        {
          _impact_import_reject (im, row->number, im->column[IMPACT_FIELD_SROI_CAP],
                                 g_strdup_printf (_ ("“%s” is not an amount."), cap->text != NULL ? cap->text : ""));
          return 0;
        }
      if (obligation->kind != IMPACT_SROI_PERCENT)
        {
          _impact_import_reject (im, row->number, im->column[IMPACT_FIELD_SROI_CAP],
                                 g_strdup (_ ("A cap limits an obligation that is a percentage of the contract value; "
                                              "the row gives no percentage.")));
          return 0;
        }
    }
  if (rule_set != NULL)
    {
      g_autoptr (GError) local_error = NULL;
      char *name = org_rule_set (im, row, rule_set, object->contract_start, &local_error);

      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return -1;
        }
      if (name == NULL)
        return 0;
      g_free (obligation->rule_set);
      obligation->rule_set = name;
    }
  if (obligation->kind == IMPACT_SROI_NONE)
    {
      _impact_import_reject (im, row->number, im->column[IMPACT_FIELD_SROI_RULE_SET],
                             g_strdup (_ ("The row names a rule set but no obligation (a percentage or an amount).")));
      return 0;
    }

  return 1;
}

/* A row of an organisation file: a division and, when given, an object under it with its
 * client, contract and social-return obligation. Missing units are created, existing ones
 * updated; what they were before is kept with the import, for undo. */
gboolean
_impact_import_org_row (Import *im,
                        const ImpactRow *row,
                        GError **error)
{
  const char *division_code = _impact_import_field_text (im, row, IMPACT_FIELD_DIVISION);
  const char *division_name = _impact_import_field_text (im, row, IMPACT_FIELD_DIVISION_NAME);
  const char *object_code = _impact_import_field_text (im, row, IMPACT_FIELD_OBJECT);
  const char *object_name = _impact_import_field_text (im, row, IMPACT_FIELD_OBJECT_NAME);
  g_autoptr (ImpactNode) division = NULL;
  g_autoptr (ImpactNode) object = NULL;
  g_autoptr (GError) local_error = NULL;
  ImpactSroiObligation obligation = { 0 };
  int has_obligation = 2;
  gboolean ok;

  if (impact_row_is_empty (row))
    return TRUE;
  im->summary->rows_read++;

  if (division_code == NULL)
    {
      _impact_import_reject (im, row->number, im->column[IMPACT_FIELD_DIVISION], g_strdup (_ ("The row has no division.")));
      return TRUE;
    }

  division = impact_store_find_node (im->store, IMPACT_NODE_DIVISION, division_code, &local_error);
  if (division == NULL && !g_error_matches (local_error, IMPACT_STORE_ERROR, IMPACT_STORE_ERROR_NOT_FOUND))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  g_clear_error (&local_error);

  if (object_code != NULL)
    {
      object = impact_store_find_node (im->store, IMPACT_NODE_OBJECT, object_code, &local_error);
      if (object == NULL && !g_error_matches (local_error, IMPACT_STORE_ERROR, IMPACT_STORE_ERROR_NOT_FOUND))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      if (object == NULL)
        object = impact_node_new (IMPACT_NODE_OBJECT, object_code, object_name != NULL ? object_name : object_code);
      else if (object_name != NULL)
        {
          g_free (object->name);
          object->name = g_strdup (object_name);
        }
      if (!org_contract (im, row, object))
        return TRUE;
      has_obligation = org_obligation (im, row, object, &obligation, error);
      if (has_obligation <= 0)
        {
          impact_sroi_obligation_clear (&obligation);
          return has_obligation == 0;
        }
    }
  else if (_impact_import_field_cell (im, row, IMPACT_FIELD_SROI_PERCENT)->type != IMPACT_CELL_EMPTY
           || _impact_import_field_cell (im, row, IMPACT_FIELD_SROI_FIXED)->type != IMPACT_CELL_EMPTY)
    {
      _impact_import_reject (im, row->number, im->column[IMPACT_FIELD_OBJECT],
                             g_strdup (_ ("A social-return obligation belongs to an object (a contract), and the row "
                                          "names none.")));
      return TRUE;
    }

  ok = write_org_row (im, row, division_code, division_name, object_code, &division, object,
                      has_obligation == 1 ? &obligation : NULL, error);
  impact_sroi_obligation_clear (&obligation);
  return ok;
}

/* Writes a valid row of an organisation file. */
static gboolean
write_org_row (Import *im,
               const ImpactRow *row,
               const char *division_code,
               const char *division_name,
               const char *object_code,
               ImpactNode **division_node,
               ImpactNode *object,
               const ImpactSroiObligation *obligation,
               GError **error)
{
  ImpactNode *division = *division_node;

  if (division == NULL)
    {
      division = *division_node = impact_node_new (IMPACT_NODE_DIVISION, division_code,
                                                   division_name != NULL ? division_name : division_code);
      if ((division->parent_id = _impact_import_ensure_group (im, error)) == 0)
        return FALSE;
      division->batch_id = im->batch_id;
      if ((division->id = impact_store_add_node (im->store, division, error)) == 0)
        return FALSE;
      g_ptr_array_add (im->summary->new_divisions, g_strdup (division_code));
    }
  else if (division_name != NULL && g_strcmp0 (division->name, division_name) != 0)
    {
      g_free (division->name);
      division->name = g_strdup (division_name);
      if (!impact_store_remember_node (im->store, im->batch_id, division->id, error)
          || !impact_store_update_node (im->store, division, error))
        return FALSE;
    }

  if (object != NULL)
    {
      object->parent_id = division->id;
      if (object->id == 0)
        {
          object->batch_id = im->batch_id;
          if ((object->id = impact_store_add_node (im->store, object, error)) == 0)
            return FALSE;
          g_ptr_array_add (im->summary->new_objects, g_strdup (object_code));
        }
      else if (!impact_store_remember_node (im->store, im->batch_id, object->id, error)
               || !impact_store_update_node (im->store, object, error))
        return FALSE;
      if (obligation != NULL)
        {
          if (!impact_store_set_sroi_obligation (im->store, object->id, obligation, error))
            return FALSE;
          im->summary->obligations_set++;
        }
    }

  im->summary->rows_accepted++;
  return TRUE;
}
