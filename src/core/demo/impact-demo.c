/* impact-demo.c: a believable, deterministic demo group
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "impact-demo"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "impact-demo-names.h"
#include "impact-demo-private.h"
#include "model/impact-format.h"
#include "storage/impact-store-sroi.h"

#define N_LINES 300000
#define N_DAYS (3 * 365)
#define CREDIT_NOTE_SHARE 0.015
#define OBJECT_LINK_SHARE 0.7
#define HOME_DIVISION_SHARE 0.75
#define PROGRESS_INTERVAL 10000

/* Spend dips in the summer holidays and peaks when budgets are spent in December. */
static const double month_factor[12] = {
  1.0,
  0.95,
  1.0,
  1.0,
  1.0,
  0.95,
  0.8,
  0.75,
  1.0,
  1.05,
  1.05,
  1.2,
};

char *
impact_demo_get_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "impact-dashboard", "demo.sqlite", NULL);
}

static gboolean
write_organisation (Generator *gen,
                    GError **error)
{
  g_autoptr (ImpactNode) group = impact_node_new (IMPACT_NODE_GROUP, "GROEP",
                                                  "Facilitair Groep Demo");
  gint64 group_id = impact_store_add_node (gen->store, group, error);

  if (group_id == 0)
    return FALSE;

  for (guint d = 0; d < G_N_ELEMENTS (impact_demo_divisions); d++)
    {
      const ImpactDemoDivision *div = &impact_demo_divisions[d];
      g_autoptr (ImpactNode) division = impact_node_new (IMPACT_NODE_DIVISION, div->code, div->name);

      division->parent_id = group_id;
      gen->division_ids[d] = impact_store_add_node (gen->store, division, error);
      if (gen->division_ids[d] == 0)
        return FALSE;

      for (guint o = 0; o < N_OBJECTS_PER_DIVISION; o++)
        {
          g_autofree char *code = g_strdup_printf ("%s-%03u", div->object_prefix, 101 + o);
          g_autofree char *client = g_strdup_printf (
              "%s %s", _impact_demo_pick (gen->rand, impact_demo_client_kinds, impact_demo_client_kinds_len ()),
              _impact_demo_pick (gen->rand, impact_demo_cities, impact_demo_cities_len ()));
          g_autofree char *name = g_strdup_printf (
              "%s %s", client, _impact_demo_pick (gen->rand, impact_demo_sites, impact_demo_sites_len ()));
          g_autoptr (ImpactNode) object = impact_node_new (IMPACT_NODE_OBJECT, code, name);
          DemoObject *demo = &gen->objects[d][o];
          int years = g_rand_int_range (gen->rand, 2, 6);
          double value_eur = exp (g_rand_double_range (gen->rand, log (3e5), log (1.2e7)));

          demo->start = gen->reference_day - g_rand_int_range (gen->rand, 0, 1600);
          demo->end = impact_day_add_months (demo->start, 12 * years) - 1;

          object->parent_id = gen->division_ids[d];
          object->client = g_steal_pointer (&client);
          object->contract_value_cents = (gint64) (value_eur / 1000.0) * 1000 * 100;
          demo->value_cents = object->contract_value_cents;
          object->contract_start = demo->start;
          object->contract_end = demo->end;
          demo->id = impact_store_add_node (gen->store, object, error);
          if (demo->id == 0)
            return FALSE;
        }
    }

  return TRUE;
}

static const DemoSupplier *
pick_supplier (Generator *gen)
{
  double target = g_rand_double (gen->rand) * gen->suppliers[N_SUPPLIERS - 1].cumulative_weight;
  guint lo = 0, hi = N_SUPPLIERS - 1;

  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;

      if (gen->suppliers[mid].cumulative_weight < target)
        lo = mid + 1;
      else
        hi = mid;
    }

  return &gen->suppliers[lo];
}

static guint32
pick_day (Generator *gen)
{
  guint32 first = gen->reference_day - N_DAYS + 1;

  for (;;)
    {
      guint32 day = first + g_rand_int_range (gen->rand, 0, N_DAYS);
      GDate date;

      g_date_clear (&date, 1);
      g_date_set_julian (&date, day);
      if (g_rand_double (gen->rand) * 1.2 < month_factor[g_date_get_month (&date) - 1])
        return day;
    }
}

/* An object of the division whose contract runs on that day, or 0. */
static gint64
pick_object (Generator *gen,
             guint division,
             guint32 day)
{
  gint64 active[N_OBJECTS_PER_DIVISION];
  guint n_active = 0;

  for (guint o = 0; o < N_OBJECTS_PER_DIVISION; o++)
    {
      const DemoObject *object = &gen->objects[division][o];

      if (object->start <= day && day <= object->end)
        active[n_active++] = object->id;
    }

  return n_active > 0 ? active[g_rand_int_range (gen->rand, 0, n_active)] : 0;
}

static gboolean
write_lines (Generator *gen,
             GError **error)
{
  g_autoptr (ImpactBatch) batch = impact_batch_new ("demo", "demo");
  g_autoptr (ImpactBulkInsert) insert = NULL;

  batch->rows_read = N_LINES;
  insert = impact_store_begin_batch (gen->store, batch, error);
  if (insert == NULL)
    return FALSE;

  for (guint i = 0; i < N_LINES; i++)
    {
      const DemoSupplier *s = pick_supplier (gen);
      const ImpactDemoCategory *category = &impact_demo_categories[s->category];
      guint division = g_rand_double (gen->rand) < HOME_DIVISION_SHARE
                           ? s->division
                           : (guint) g_rand_int_range (gen->rand, 0, G_N_ELEMENTS (impact_demo_divisions));
      ImpactPurchaseLine line = { 0 };
      char invoice_number[32];
      double cents = exp (s->log_median_cents + 0.9 * _impact_demo_rand_normal (gen->rand));

      line.invoice_day = pick_day (gen);
      line.supplier_id = s->id;
      line.division_id = gen->division_ids[division];
      if (g_rand_double (gen->rand) < OBJECT_LINK_SHARE)
        line.object_id = pick_object (gen, division, line.invoice_day);
      line.amount_cents = MAX (100, (gint64) cents);
      if (g_rand_double (gen->rand) < CREDIT_NOTE_SHARE)
        line.amount_cents = -line.amount_cents * 6 / 10;
      g_snprintf (invoice_number, sizeof invoice_number, "F%06u", 100000 + i);
      line.invoice_number = invoice_number;
      line.category = category->category;
      line.gl_account = category->gl_account;
      line.description = category->category;

      if (!impact_bulk_insert_add (insert, &line, error))
        return FALSE;

      if (i % PROGRESS_INTERVAL == 0)
        {
          if (g_cancellable_set_error_if_cancelled (gen->cancellable, error))
            return FALSE;
          if (gen->progress != NULL)
            gen->progress ((double) i / N_LINES, gen->progress_data);
        }
    }

  return impact_bulk_insert_commit (insert, error) != 0;
}

/* What hand-entered social return looks like in the demo (it is Dutch data, like the names). */
static const char *const realisation_kinds[] = {
  "Plaatsing medewerker uit de doelgroep",
  "Leerwerkplek BBL",
  "Stageplaats praktijkonderwijs",
  "Werkervaringsplaats",
};

/* The social-return side of the demo: obligations for most contracts (5% of the value, some
 * 2% with a cap of EUR 300,000, some a fixed amount, some none), a regional rule set that
 * counts social enterprises at half, hand-entered realisation that leaves a mix of contracts
 * on track and at risk, and the inputs of the PSO estimate for the divisions and the
 * certified suppliers. Drawn from its own random sequence, so the lines stay as they were. */
static gboolean
write_impact_data (Generator *gen,
                   GError **error)
{
  g_autoptr (GRand) rand = g_rand_new_with_seed (IMPACT_DEMO_SEED + 1);
  ImpactSroiRules regional = { 0, (char *) "Regio Noord", impact_day_from_ymd (2020, 1, 1), { 0 } };

  regional.factors[IMPACT_SOCIAL_CLASS_PSO_30PLUS] = 1.0;
  regional.factors[IMPACT_SOCIAL_CLASS_SW] = 1.0;
  regional.factors[IMPACT_SOCIAL_CLASS_SOCIAL_ENTERPRISE] = 0.5;
  if (impact_store_add_rule_set (gen->store, &regional, error) == 0)
    return FALSE;

  for (guint d = 0; d < G_N_ELEMENTS (impact_demo_divisions); d++)
    {
      if (!impact_store_set_pso_organisation (gen->store, gen->division_ids[d], g_rand_int_range (rand, 150, 900),
                                              g_rand_double_range (rand, 0.004, 0.02), error))
        return FALSE;

      for (guint o = 0; o < N_OBJECTS_PER_DIVISION; o++)
        {
          const DemoObject *demo = &gen->objects[d][o];
          ImpactSroiObligation obligation = { IMPACT_SROI_PERCENT, 5, -1, 0, 0, (char *) IMPACT_SROI_DEFAULT_RULE_SET };
          double draw = g_rand_double (rand);
          double elapsed, pace;
          gint64 due;
          guint n_entries;

          if (draw < 0.08)
            continue;
          else if (draw < 0.2)
            {
              obligation.percent = 2;
              obligation.cap_cents = 30000000;
            }
          else if (draw < 0.3)
            {
              obligation.kind = IMPACT_SROI_FIXED;
              obligation.fixed_cents = demo->value_cents / 100000 * 1000;
            }
          if (g_rand_double (rand) < 0.3)
            obligation.own_social_factor = 0.5;
          if (g_rand_double (rand) < 0.2)
            obligation.rule_set = (char *) "Regio Noord";
          if (!impact_store_set_sroi_obligation (gen->store, demo->id, &obligation, error))
            return FALSE;

          /* Realised by hand: the share of the obligation due by now, at a pace between 45%
           * and 125% of what is needed, in a few entries. */
          elapsed = (double) (gen->reference_day - demo->start + 1) / (double) (demo->end - demo->start + 1);
          pace = g_rand_double_range (rand, 0.45, 1.25);
          due = (gint64) (impact_sroi_obligation_cents (&obligation, demo->value_cents) * MIN (elapsed, 1.0)
                          * pace * 0.9);
          n_entries = 1 + (gen->reference_day - demo->start) / 180;
          for (guint e = 0; e < n_entries && due > 0; e++)
            {
              ImpactSroiEntry entry = { 0 };

              entry.object_id = demo->id;
              entry.day = demo->start + (gen->reference_day - demo->start) * (e + 1) / (n_entries + 1);
              entry.amount_cents = due / n_entries / 100 * 100;
              entry.description = (char *) realisation_kinds[g_rand_int_range (rand, 0, G_N_ELEMENTS (realisation_kinds))];
              if (impact_store_add_sroi_entry (gen->store, &entry, error) == 0)
                return FALSE;
            }
        }
    }

  /* Certified suppliers: turnover between EUR 1 and 50 million, about EUR 70,000 per FTE,
   * a direct share that grows with the step on the ladder. Two in ten have not sent it. */
  for (guint i = 0; i < N_SUPPLIERS; i++)
    {
      const DemoSupplier *s = &gen->suppliers[i];
      ImpactPsoSupplier data = { 0 };
      static const double direct[][2] = {
        [IMPACT_SOCIAL_CLASS_PSO_BASE] = { 0.02, 0.04 },
        [IMPACT_SOCIAL_CLASS_PSO_1] = { 0.03, 0.05 },
        [IMPACT_SOCIAL_CLASS_PSO_2] = { 0.05, 0.08 },
        [IMPACT_SOCIAL_CLASS_PSO_3] = { 0.08, 0.15 },
        [IMPACT_SOCIAL_CLASS_SW] = { 0.5, 0.9 },
        [IMPACT_SOCIAL_CLASS_PSO_30PLUS] = { 0.3, 0.6 },
      };

      if (!impact_social_class_counts_for_pso (s->kind) || g_rand_double (rand) < 0.2)
        continue;
      data.turnover_cents = (gint64) exp (g_rand_double_range (rand, log (1e8), log (5e9))) / 100000 * 100000;
      data.fte = round ((double) data.turnover_cents / 7e6);
      data.direct_share = g_rand_double_range (rand, direct[s->kind][0], direct[s->kind][1]);
      if (!impact_store_set_pso_supplier (gen->store, s->id, &data, error))
        return FALSE;
    }

  return TRUE;
}

/* Writes the demo group into an empty store, in one transaction: the store holds all of
 * it or, after an error or cancellation, nothing. The data covers the three years up to
 * reference_day, and certificates expire relative to it. */
gboolean
impact_demo_write (ImpactStore *store,
                   guint32 reference_day,
                   GCancellable *cancellable,
                   ImpactProgressFunc progress,
                   gpointer progress_data,
                   GError **error)
{
  g_autofree DemoSupplier *suppliers = NULL;
  g_autoptr (GError) local_error = NULL;
  Generator gen = { 0 };
  gboolean ok;

  g_return_val_if_fail (IMPACT_IS_STORE (store), FALSE);
  g_return_val_if_fail (g_date_valid_julian (reference_day) && reference_day > 4 * 366, FALSE);

  if (!impact_store_is_empty (store, error))
    {
      if (error == NULL || *error == NULL)
        {
          const char *name = impact_store_get_name (store);

          g_set_error (error, IMPACT_STORE_ERROR, IMPACT_STORE_ERROR_NOT_EMPTY,
                       _ ("“%s” already holds data, and demo data only goes into an empty "
                          "database. Choose a new file; this one was left unchanged."),
                       name);
        }
      return FALSE;
    }

  suppliers = g_new0 (DemoSupplier, N_SUPPLIERS);
  gen.store = store;
  gen.rand = g_rand_new_with_seed (IMPACT_DEMO_SEED);
  gen.reference_day = reference_day;
  gen.suppliers = suppliers;
  gen.cancellable = cancellable;
  gen.progress = progress;
  gen.progress_data = progress_data;

  ok = impact_store_begin (store, &local_error)
       && write_organisation (&gen, &local_error)
       && _impact_demo_write_suppliers (&gen, &local_error)
       && write_lines (&gen, &local_error)
       && write_impact_data (&gen, &local_error)
       && impact_store_set_meta (store, "demo", "1", &local_error)
       && impact_store_commit (store, &local_error);

  g_rand_free (gen.rand);

  if (!ok)
    {
      impact_store_rollback (store);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  if (progress != NULL)
    progress (1.0, progress_data);

  return TRUE;
}

typedef struct
{
  char *path;
  guint32 reference_day;
  gboolean progress;
} WriteData;

static void
write_data_free (WriteData *data)
{
  g_free (data->path);
  g_free (data);
}

static void
write_thread (GTask *task,
              gpointer source_object,
              gpointer task_data,
              GCancellable *cancellable)
{
  WriteData *data = task_data;
  g_autoptr (ImpactStore) store = NULL;
  GError *error = NULL;

  store = impact_store_open (data->path, &error);
  if (store == NULL
      || !impact_demo_write (store, data->reference_day, cancellable,
                             data->progress ? impact_task_report_progress : NULL, task, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

/* Writes the demo group into the database at path from a worker thread with a connection
 * of its own; progress is reported in the caller's main context. */
void
impact_demo_write_async (const char *path,
                         guint32 reference_day,
                         GCancellable *cancellable,
                         ImpactProgressFunc progress,
                         gpointer progress_data,
                         GDestroyNotify progress_data_destroy,
                         GAsyncReadyCallback callback,
                         gpointer user_data)
{
  g_autoptr (GTask) task = NULL;
  WriteData *data;

  g_return_if_fail (path != NULL);

  data = g_new0 (WriteData, 1);
  data->path = g_strdup (path);
  data->reference_day = reference_day;
  data->progress = progress != NULL;

  task = g_task_new (NULL, cancellable, callback, user_data);
  impact_task_set_progress (task, progress, progress_data, progress_data_destroy);
  g_task_set_source_tag (task, impact_demo_write_async);
  g_task_set_task_data (task, data, (GDestroyNotify) write_data_free);
  g_task_run_in_thread (task, write_thread);
}

gboolean
impact_demo_write_finish (GAsyncResult *result,
                          GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
