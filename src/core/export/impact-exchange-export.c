/* impact-exchange-export.c: the whole dataset in the application's JSON exchange format
 *
 * Writes what impact-exchange.c reads (see there and the README): the organisation with its
 * contracts, the suppliers with their statuses, every purchase line, and the "settings" that
 * the figures depend on — the financial year's first month, target shares, social-return rule
 * sets, obligations and hand-entered realisation, and the PSO estimate's inputs and norms — so
 * that a new database imported from the file gives the same figures. The lines are written one
 * by one, so memory stays flat however many there are; each element is made by json-glib.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "impact-export"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "impact-exchange-export.h"
#include "import/impact-exchange.h"
#include "model/impact-format.h"
#include "storage/impact-store-dump.h"
#include "storage/impact-store-sroi.h"

static void
add_string_or_null (JsonBuilder *builder,
                    const char *member,
                    const char *value)
{
  json_builder_set_member_name (builder, member);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

static void
add_day (JsonBuilder *builder,
         const char *member,
         guint32 day)
{
  g_autofree char *iso = day != 0 ? impact_day_to_iso (day) : NULL;

  add_string_or_null (builder, member, iso);
}

/* A value as text, or NULL. */
static const char *
value_text (const ImpactValue *value)
{
  return value->type == IMPACT_DB_TEXT ? value->text : NULL;
}

static char *
node_to_json (JsonBuilder *builder)
{
  g_autoptr (JsonNode) root = json_builder_get_root (builder);

  return json_to_string (root, FALSE);
}

typedef struct
{
  JsonBuilder *builder;
  /* Every supplier's statuses, by supplier as the suppliers come, and the next one. */
  GPtrArray *statuses;
  guint next_status;
} SupplierDump;

/* A supplier (id, name, kvk, vat_id, erp_id) with its statuses. */
static gboolean
add_supplier (const ImpactValue *values,
              guint n_values,
              gpointer user_data,
              GError **error)
{
  SupplierDump *dump = user_data;
  JsonBuilder *builder = dump->builder;
  gint64 id = values[0].integer;
  g_autofree char *doc_id = g_strdup_printf ("s%" G_GINT64_FORMAT, id);

  json_builder_begin_object (builder);
  add_string_or_null (builder, "id", doc_id);
  add_string_or_null (builder, "name", value_text (&values[1]));
  add_string_or_null (builder, "kvk", value_text (&values[2]));
  add_string_or_null (builder, "vat_id", value_text (&values[3]));
  add_string_or_null (builder, "erp_id", value_text (&values[4]));
  json_builder_set_member_name (builder, "statuses");
  json_builder_begin_array (builder);
  /* Both by supplier id: this supplier's statuses are the next ones. */
  for (; dump->next_status < dump->statuses->len; dump->next_status++)
    {
      const ImpactStatus *status = g_ptr_array_index (dump->statuses, dump->next_status);

      if (status->supplier_id > id)
        break;
      if (status->supplier_id < id)
        continue;
      json_builder_begin_object (builder);
      add_string_or_null (builder, "kind", impact_social_class_to_code (status->kind));
      add_day (builder, "valid_from", status->valid_from);
      add_day (builder, "valid_until", status->valid_until);
      add_string_or_null (builder, "certifying_body", status->certifying_body);
      add_string_or_null (builder, "evidence", status->evidence);
      add_string_or_null (builder, "note", status->note);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  return TRUE;
}

/* The members before the purchase lines: format, organisation, suppliers, settings. */
static gboolean
build_head (ImpactStore *store,
            JsonBuilder *builder,
            GError **error)
{
  g_autoptr (GPtrArray) groups = impact_store_list_nodes (store, IMPACT_NODE_GROUP, error);
  g_autoptr (GPtrArray) divisions = groups != NULL ? impact_store_list_nodes (store, IMPACT_NODE_DIVISION, error) : NULL;
  g_autoptr (GPtrArray) objects = divisions != NULL ? impact_store_list_nodes (store, IMPACT_NODE_OBJECT, error) : NULL;
  g_autoptr (GHashTable) division_codes = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr (GPtrArray) statuses = NULL;

  if (objects == NULL)
    return FALSE;

  json_builder_set_member_name (builder, "format");
  json_builder_add_string_value (builder, IMPACT_EXCHANGE_FORMAT);
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, IMPACT_EXCHANGE_VERSION);

  json_builder_set_member_name (builder, "organisation");
  json_builder_begin_object (builder);
  if (groups->len > 0)
    {
      const ImpactNode *group = g_ptr_array_index (groups, 0);

      json_builder_set_member_name (builder, "group");
      json_builder_begin_object (builder);
      add_string_or_null (builder, "code", group->code);
      add_string_or_null (builder, "name", group->name);
      json_builder_end_object (builder);
    }
  json_builder_set_member_name (builder, "divisions");
  json_builder_begin_array (builder);
  for (guint i = 0; i < divisions->len; i++)
    {
      ImpactNode *division = g_ptr_array_index (divisions, i);

      g_hash_table_insert (division_codes, &division->id, division->code);
      json_builder_begin_object (builder);
      add_string_or_null (builder, "code", division->code);
      add_string_or_null (builder, "name", division->name);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "objects");
  json_builder_begin_array (builder);
  for (guint i = 0; i < objects->len; i++)
    {
      const ImpactNode *object = g_ptr_array_index (objects, i);

      json_builder_begin_object (builder);
      add_string_or_null (builder, "code", object->code);
      add_string_or_null (builder, "name", object->name);
      add_string_or_null (builder, "division", g_hash_table_lookup (division_codes, &object->parent_id));
      add_string_or_null (builder, "client", object->client);
      json_builder_set_member_name (builder, "contract_value_cents");
      if (object->contract_value_cents >= 0)
        json_builder_add_int_value (builder, object->contract_value_cents);
      else
        json_builder_add_null_value (builder);
      add_day (builder, "contract_start", object->contract_start);
      add_day (builder, "contract_end", object->contract_end);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "suppliers");
  json_builder_begin_array (builder);
  statuses = impact_store_list_all_statuses (store, error);
  if (statuses == NULL
      || !impact_store_dump (store, IMPACT_DUMP_SUPPLIERS, add_supplier, &(SupplierDump){ builder, statuses, 0 }, error))
    return FALSE;
  json_builder_end_array (builder);

  return TRUE;
}

typedef struct
{
  JsonBuilder *builder;
  const char *const *names;
} RowsDump;

/* A row as an object: value i under names[i], days (names starting with "day:") as dates. */
static gboolean
add_row (const ImpactValue *values,
         guint n_values,
         gpointer user_data,
         GError **error)
{
  RowsDump *dump = user_data;
  JsonBuilder *builder = dump->builder;

  json_builder_begin_object (builder);
  for (guint c = 0; c < n_values && dump->names[c] != NULL; c++)
    {
      const char *name = dump->names[c];
      gboolean is_day = g_str_has_prefix (name, "day:");

      json_builder_set_member_name (builder, is_day ? name + 4 : name);
      switch (values[c].type)
        {
        case IMPACT_DB_NULL:
          json_builder_add_null_value (builder);
          break;
        case IMPACT_DB_INTEGER:
          if (is_day)
            {
              g_autofree char *iso = impact_day_to_iso (values[c].integer);

              json_builder_add_string_value (builder, iso);
            }
          else
            json_builder_add_int_value (builder, values[c].integer);
          break;
        case IMPACT_DB_REAL:
          json_builder_add_double_value (builder, values[c].real);
          break;
        case IMPACT_DB_TEXT:
        default:
          json_builder_add_string_value (builder, values[c].text);
          break;
        }
    }
  json_builder_end_object (builder);

  return TRUE;
}

/* Adds an object per row of @table to the array @member, with the names @names. */
static gboolean
add_rows (ImpactStore *store,
          JsonBuilder *builder,
          const char *member,
          ImpactDumpTable table,
          const char *const *names,
          GError **error)
{
  json_builder_set_member_name (builder, member);
  json_builder_begin_array (builder);
  if (!impact_store_dump (store, table, add_row, &(RowsDump){ builder, names }, error))
    return FALSE;
  json_builder_end_array (builder);

  return TRUE;
}

/* What the figures depend on besides the data itself. */
static gboolean
build_settings (ImpactStore *store,
                JsonBuilder *builder,
                GError **error)
{
  g_autofree char *fy_start = impact_store_get_meta (store, "financial-year-start", NULL);

  json_builder_set_member_name (builder, "settings");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "financial_year_start");
  json_builder_add_int_value (builder, fy_start != NULL ? g_ascii_strtoll (fy_start, NULL, 10) : 1);

  if (!add_rows (store, builder, "share_targets", IMPACT_DUMP_SHARE_TARGETS,
                 (const char *const[]){ "level", "code", "share", NULL }, error)
      || !add_rows (store, builder, "sroi_obligations", IMPACT_DUMP_SROI_OBLIGATIONS,
                    (const char *const[]){ "object", "kind", "percent", "cap_cents", "fixed_cents", "own_social_factor",
                                           "rule_set", NULL },
                    error)
      || !add_rows (store, builder, "sroi_entries", IMPACT_DUMP_SROI_ENTRIES,
                    (const char *const[]){ "object", "day:date", "amount_cents", "description", NULL }, error)
      || !add_rows (store, builder, "pso_organisation", IMPACT_DUMP_PSO_ORGANISATION,
                    (const char *const[]){ "level", "code", "fte", "direct_share", NULL }, error)
      || !add_rows (store, builder, "pso_suppliers", IMPACT_DUMP_PSO_SUPPLIERS,
                    (const char *const[]){ "supplier", "turnover_cents", "fte", "direct_share", NULL }, error)
      || !add_rows (store, builder, "pso_norms", IMPACT_DUMP_PSO_NORMS,
                    (const char *const[]){ "day:valid_from", "trede", "share", NULL }, error))
    return FALSE;

  /* Rule sets: a version per name and start day, with its factors by class code. */
  {
    g_autoptr (GPtrArray) sets = impact_store_list_rule_sets (store, error);

    if (sets == NULL)
      return FALSE;
    json_builder_set_member_name (builder, "sroi_rule_sets");
    json_builder_begin_array (builder);
    for (guint i = 0; i < sets->len; i++)
      {
        const ImpactSroiRules *rules = g_ptr_array_index (sets, i);

        json_builder_begin_object (builder);
        add_string_or_null (builder, "name", rules->name);
        add_day (builder, "valid_from", rules->valid_from);
        json_builder_set_member_name (builder, "factors");
        json_builder_begin_object (builder);
        for (guint k = 0; k < IMPACT_N_SOCIAL_CLASSES; k++)
          if (rules->factors[k] > 0)
            {
              json_builder_set_member_name (builder, impact_social_class_to_code (k));
              json_builder_add_double_value (builder, rules->factors[k]);
            }
        json_builder_end_object (builder);
        json_builder_end_object (builder);
      }
    json_builder_end_array (builder);
  }

  json_builder_end_object (builder);
  return TRUE;
}

static gboolean
write_text (GOutputStream *out,
            const char *text,
            GError **error)
{
  return g_output_stream_write_all (out, text, strlen (text), NULL, NULL, error);
}

typedef struct
{
  GOutputStream *out;
  gint64 count;
} LinesDump;

/* A purchase line, one to a line of the file. */
static gboolean
write_line (const ImpactValue *values,
            guint n_values,
            gpointer user_data,
            GError **error)
{
  LinesDump *dump = user_data;
  g_autoptr (JsonBuilder) builder = json_builder_new ();
  g_autofree char *text = NULL;

  json_builder_begin_object (builder);
  add_day (builder, "invoice_date", values[0].integer);
  add_string_or_null (builder, "supplier", value_text (&values[1]));
  add_string_or_null (builder, "division", value_text (&values[2]));
  add_string_or_null (builder, "object", value_text (&values[3]));
  json_builder_set_member_name (builder, "amount_cents");
  json_builder_add_int_value (builder, values[4].integer);
  add_string_or_null (builder, "invoice_number", value_text (&values[5]));
  add_string_or_null (builder, "category", value_text (&values[6]));
  add_string_or_null (builder, "gl_account", value_text (&values[7]));
  add_string_or_null (builder, "description", value_text (&values[8]));
  json_builder_end_object (builder);
  text = node_to_json (builder);
  if ((dump->count > 0 && !write_text (dump->out, ",\n", error)) || !write_text (dump->out, text, error))
    return FALSE;
  dump->count++;

  return TRUE;
}

/* Writes the whole dataset of @store to @path. */
gboolean
impact_exchange_export (ImpactStore *store,
                        const char *path,
                        gint64 *n_lines,
                        GError **error)
{
  g_autoptr (GFile) file = NULL;
  g_autoptr (GFileOutputStream) file_out = NULL;
  g_autoptr (GOutputStream) out = NULL;
  g_autoptr (JsonBuilder) head = json_builder_new ();
  g_autofree char *head_text = NULL;
  LinesDump dump = { NULL, 0 };

  g_return_val_if_fail (IMPACT_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  json_builder_begin_object (head);
  if (!build_head (store, head, error) || !build_settings (store, head, error))
    return FALSE;
  json_builder_end_object (head);
  head_text = node_to_json (head);

  file = g_file_new_for_path (path);
  file_out = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_NONE, NULL, error);
  if (file_out == NULL)
    return FALSE;
  out = g_buffered_output_stream_new_sized (G_OUTPUT_STREAM (file_out), 1 << 16);

  /* The head without its closing brace, then the lines, one per line of the file. */
  head_text[strlen (head_text) - 1] = '\0';
  if (!write_text (out, head_text, error) || !write_text (out, ",\"purchase_lines\":[\n", error))
    return FALSE;

  dump.out = out;
  if (!impact_store_dump (store, IMPACT_DUMP_PURCHASE_LINES, write_line, &dump, error))
    return FALSE;
  if (!write_text (out, "\n]}\n", error) || !g_output_stream_close (out, NULL, error))
    return FALSE;

  if (n_lines != NULL)
    *n_lines = dump.count;
  return TRUE;
}
