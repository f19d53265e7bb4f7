/* impact-exchange-settings.c: the settings an exchange document brings: targets, FTE, norms, rule sets, obligations
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "impact-exchange"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "impact-exchange-private.h"
#include "storage/impact-store-sroi.h"

/* The unit a settings element names by level and code; 0 (rejected) when there is none. */
static gint64
settings_unit (Exchange *ex,
               JsonObject *element,
               const char *list,
               guint index,
               int level,
               const char *code_member)
{
  const char *code = _impact_exchange_get_string (element, code_member);
  gint64 id = level >= 0 && code != NULL ? _impact_exchange_unit_id (ex, level, code) : 0;

  if (id == 0)
    _impact_exchange_reject (ex, list, index, code_member, g_strdup_printf (_ ("There is no unit “%s”."), code != NULL ? code : ""));
  return id;
}

/* What the figures depend on besides the data: see impact-exchange-export.c. */
gboolean
_impact_exchange_load_settings (Exchange *ex,
                                JsonObject *root,
                                GError **error)
{
  JsonNode *node = json_object_get_member (root, "settings");
  JsonObject *settings;
  JsonArray *list;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return TRUE;
  settings = json_node_get_object (node);

  {
    gint64 month = _impact_exchange_get_int (settings, "financial_year_start", 0);

    if (month >= 1 && month <= 12)
      {
        g_autofree char *value = g_strdup_printf ("%" G_GINT64_FORMAT, month);

        if (!impact_store_set_meta (ex->store, "financial-year-start", value, error))
          return FALSE;
      }
  }

  list = _impact_exchange_get_array (settings, "sroi_rule_sets", "settings.", FALSE, NULL);
  for (guint i = 0; list != NULL && i < json_array_get_length (list); i++)
    {
      JsonObject *e = json_array_get_object_element (list, i);
      g_autoptr (GError) local_error = NULL;
      ImpactSroiRules rules = { 0 };
      JsonNode *factors = e != NULL ? json_object_get_member (e, "factors") : NULL;

      if (e == NULL || _impact_exchange_get_string (e, "name") == NULL || !_impact_exchange_get_day (ex, e, "settings.sroi_rule_sets", i, "valid_from", &rules.valid_from))
        continue;
      rules.name = (char *) _impact_exchange_get_string (e, "name");
      if (factors != NULL && JSON_NODE_HOLDS_OBJECT (factors))
        for (guint k = 0; k < IMPACT_N_SOCIAL_CLASSES; k++)
          rules.factors[k] = _impact_exchange_get_double (json_node_get_object (factors), impact_social_class_to_code (k), 0);
      if (impact_store_add_rule_set (ex->store, &rules, &local_error) == 0
          && !_impact_exchange_refused (ex, "settings.sroi_rule_sets", i, "factors", &local_error, error))
        return FALSE;
    }

  list = _impact_exchange_get_array (settings, "share_targets", "settings.", FALSE, NULL);
  for (guint i = 0; list != NULL && i < json_array_get_length (list); i++)
    {
      JsonObject *e = json_array_get_object_element (list, i);
      g_autoptr (GError) local_error = NULL;
      gint64 id = e != NULL ? settings_unit (ex, e, "settings.share_targets", i, _impact_exchange_level_from_code (_impact_exchange_get_string (e, "level")), "code") : 0;

      if (id != 0 && !impact_store_set_share_target (ex->store, id, _impact_exchange_get_double (e, "share", NAN), &local_error)
          && !_impact_exchange_refused (ex, "settings.share_targets", i, "share", &local_error, error))
        return FALSE;
    }

  list = _impact_exchange_get_array (settings, "sroi_obligations", "settings.", FALSE, NULL);
  for (guint i = 0; list != NULL && i < json_array_get_length (list); i++)
    {
      JsonObject *e = json_array_get_object_element (list, i);
      g_autoptr (GError) local_error = NULL;
      gint64 id = e != NULL ? settings_unit (ex, e, "settings.sroi_obligations", i, IMPACT_NODE_OBJECT, "object") : 0;
      ImpactSroiObligation obligation = { 0 };

      if (id == 0)
        continue;
      if (!impact_sroi_kind_from_code (_impact_exchange_get_string (e, "kind"), &obligation.kind))
        {
          _impact_exchange_reject (ex, "settings.sroi_obligations", i, "kind", g_strdup (_ ("The obligation is not “percent” or “fixed”.")));
          continue;
        }
      obligation.percent = _impact_exchange_get_double (e, "percent", 0);
      obligation.cap_cents = _impact_exchange_get_int (e, "cap_cents", -1);
      obligation.fixed_cents = _impact_exchange_get_int (e, "fixed_cents", 0);
      obligation.own_social_factor = _impact_exchange_get_double (e, "own_social_factor", 0);
      obligation.rule_set = (char *) _impact_exchange_get_string (e, "rule_set");
      if (!impact_store_set_sroi_obligation (ex->store, id, &obligation, &local_error)
          && !_impact_exchange_refused (ex, "settings.sroi_obligations", i, "kind", &local_error, error))
        return FALSE;
    }

  list = _impact_exchange_get_array (settings, "sroi_entries", "settings.", FALSE, NULL);
  for (guint i = 0; list != NULL && i < json_array_get_length (list); i++)
    {
      JsonObject *e = json_array_get_object_element (list, i);
      g_autoptr (GError) local_error = NULL;
      ImpactSroiEntry entry = { 0 };

      entry.object_id = e != NULL ? settings_unit (ex, e, "settings.sroi_entries", i, IMPACT_NODE_OBJECT, "object") : 0;
      if (entry.object_id == 0 || !_impact_exchange_get_day (ex, e, "settings.sroi_entries", i, "date", &entry.day))
        continue;
      entry.amount_cents = _impact_exchange_get_int (e, "amount_cents", 0);
      entry.description = (char *) _impact_exchange_get_string (e, "description");
      if (impact_store_add_sroi_entry (ex->store, &entry, &local_error) == 0
          && !_impact_exchange_refused (ex, "settings.sroi_entries", i, "description", &local_error, error))
        return FALSE;
    }

  list = _impact_exchange_get_array (settings, "pso_organisation", "settings.", FALSE, NULL);
  for (guint i = 0; list != NULL && i < json_array_get_length (list); i++)
    {
      JsonObject *e = json_array_get_object_element (list, i);
      g_autoptr (GError) local_error = NULL;
      gint64 id = e != NULL ? settings_unit (ex, e, "settings.pso_organisation", i, _impact_exchange_level_from_code (_impact_exchange_get_string (e, "level")), "code") : 0;

      if (id != 0
          && !impact_store_set_pso_organisation (ex->store, id, _impact_exchange_get_double (e, "fte", -1), _impact_exchange_get_double (e, "direct_share", -1),
                                                 &local_error)
          && !_impact_exchange_refused (ex, "settings.pso_organisation", i, "fte", &local_error, error))
        return FALSE;
    }

  list = _impact_exchange_get_array (settings, "pso_suppliers", "settings.", FALSE, NULL);
  for (guint i = 0; list != NULL && i < json_array_get_length (list); i++)
    {
      JsonObject *e = json_array_get_object_element (list, i);
      g_autoptr (GError) local_error = NULL;
      gpointer supplier_id = NULL;
      ImpactPsoSupplier data = { 0 };

      if (e == NULL || _impact_exchange_get_string (e, "supplier") == NULL
          || !g_hash_table_lookup_extended (ex->suppliers, _impact_exchange_get_string (e, "supplier"), NULL, &supplier_id))
        {
          _impact_exchange_reject (ex, "settings.pso_suppliers", i, "supplier", g_strdup (_ ("The supplier is not in the file.")));
          continue;
        }
      data.turnover_cents = _impact_exchange_get_int (e, "turnover_cents", -1);
      data.fte = _impact_exchange_get_double (e, "fte", -1);
      data.direct_share = _impact_exchange_get_double (e, "direct_share", -1);
      if (!impact_store_set_pso_supplier (ex->store, (gint64) GPOINTER_TO_SIZE (supplier_id), &data, &local_error)
          && !_impact_exchange_refused (ex, "settings.pso_suppliers", i, "turnover_cents", &local_error, error))
        return FALSE;
    }

  /* Norms come as a row per version and trede. */
  list = _impact_exchange_get_array (settings, "pso_norms", "settings.", FALSE, NULL);
  {
    ImpactPsoNorms norms = { 0 };

    for (guint i = 0; list != NULL && i <= json_array_get_length (list); i++)
      {
        JsonObject *e = i < json_array_get_length (list) ? json_array_get_object_element (list, i) : NULL;
        guint32 from = 0;
        gint64 trede = e != NULL ? _impact_exchange_get_int (e, "trede", 0) : 0;

        if (e != NULL && !_impact_exchange_get_day (ex, e, "settings.pso_norms", i, "valid_from", &from))
          continue;
        if ((e == NULL || from != norms.valid_from) && norms.n_treden > 0)
          {
            g_autoptr (GError) local_error = NULL;

            if (!impact_store_set_pso_norms (ex->store, &norms, &local_error)
                && !_impact_exchange_refused (ex, "settings.pso_norms", i, "share", &local_error, error))
              return FALSE;
            memset (&norms, 0, sizeof norms);
          }
        if (e == NULL || trede < 1 || trede > IMPACT_PSO_MAX_TREDEN)
          continue;
        norms.valid_from = from;
        norms.norms[trede - 1] = _impact_exchange_get_double (e, "share", 0);
        norms.n_treden = MAX (norms.n_treden, (guint) trede);
      }
  }

  return TRUE;
}
