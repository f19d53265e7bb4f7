/* test-query.c: the figures of a node and period, against sums worked out by hand and by
 * independent SQL over the purchase lines
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "demo/impact-demo.h"
#include "impact-test-store.h"
#include "impact-test-utils.h"
#include "model/impact-format.h"
#include "query/impact-impact-query.h"
#include "query/impact-query.h"
#include "storage/impact-db-stmt.h"
#include "storage/impact-store-summary.h"

typedef struct
{
  char *dir;
  ImpactStore *store;
  ImpactNode *group;
  gint64 division_a, division_b, object_a1;
  gint64 s1, s2, s3, s4;
  gint64 s1_status;
  gint64 batch_id;
} Fixture;

/* Four suppliers: S1 holds PSO 30+ from 15 March 2025, S2 is an SW company, S3 has no
 * status, S4 is a PSO aspirant. */
static void
fixture_set_up (Fixture *f,
                gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = NULL;
  gint64 group_id;

  f->dir = impact_test_make_tmpdir ();
  path = impact_test_database_location (f->dir);
  f->store = impact_store_open (path, &error);
  g_assert_no_error (error);

  group_id = impact_test_add_node (f->store, IMPACT_NODE_GROUP, "G", "Groep", 0);
  f->division_a = impact_test_add_node (f->store, IMPACT_NODE_DIVISION, "A", "Alfa", group_id);
  f->division_b = impact_test_add_node (f->store, IMPACT_NODE_DIVISION, "B", "Bravo", group_id);
  f->object_a1 = impact_test_add_node (f->store, IMPACT_NODE_OBJECT, "A-1", "Stadhuis", f->division_a);
  f->s1 = impact_test_add_supplier (f->store, "Social One");
  f->s2 = impact_test_add_supplier (f->store, "SW Bedrijf");
  f->s3 = impact_test_add_supplier (f->store, "Plain B.V.");
  f->s4 = impact_test_add_supplier (f->store, "Aspirant B.V.");
  f->s1_status = impact_test_add_status (f->store, f->s1, IMPACT_SOCIAL_CLASS_PSO_30PLUS, "2025-03-15", NULL);
  impact_test_add_status (f->store, f->s2, IMPACT_SOCIAL_CLASS_SW, "2024-01-01", NULL);
  impact_test_add_status (f->store, f->s4, IMPACT_SOCIAL_CLASS_PSO_ASPIRANT, "2024-01-01", NULL);

  {
    const ImpactPurchaseLine lines[] = {
      { D ("2025-03-10"), f->s1, f->division_a, f->object_a1, EUR (100) },
      { D ("2025-03-20"), f->s1, f->division_a, f->object_a1, EUR (200) },
      { D ("2025-04-01"), f->s2, f->division_a, 0, EUR (50) },
      { D ("2025-04-02"), f->s3, f->division_b, 0, EUR (1000) },
      { D ("2025-04-03"), f->s3, f->division_b, 0, EUR (-100) },
      { D ("2025-05-05"), f->s4, f->division_b, 0, EUR (30) },
      { D ("2024-12-31"), f->s3, f->division_a, 0, EUR (70) },
      { D ("2025-02-01"), f->s2, f->division_b, 0, EUR (10) },
    };

    f->batch_id = impact_test_insert (f->store, lines, G_N_ELEMENTS (lines));
  }

  f->group = impact_query_find_node (f->store, NULL, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture *f,
                   gconstpointer data)
{
  g_clear_pointer (&f->group, impact_node_free);
  g_clear_object (&f->store);
  impact_test_remove_tree (f->dir);
  g_free (f->dir);
}

/* node_summary and supplier_month_summary are spend_summary summed two ways, always. */
static void
assert_summaries_agree (ImpactStore *store)
{
  static const char *const checks[] = {
    "SELECT count (*) FROM (SELECT division_id, object_id, month, class, total_cents, n_lines FROM node_summary"
    " EXCEPT SELECT division_id, object_id, month, class, sum (total_cents), sum (n_lines) FROM spend_summary"
    " GROUP BY 1, 2, 3, 4) AS d",
    "SELECT count (*) FROM (SELECT division_id, object_id, month, class, sum (total_cents), sum (n_lines)"
    " FROM spend_summary GROUP BY 1, 2, 3, 4"
    " EXCEPT SELECT division_id, object_id, month, class, total_cents, n_lines FROM node_summary) AS d",
    "SELECT count (*) FROM (SELECT month, supplier_id, class, total_cents, n_lines FROM supplier_month_summary"
    " EXCEPT SELECT month, supplier_id, class, sum (total_cents), sum (n_lines) FROM spend_summary GROUP BY 1, 2, 3) AS d",
    "SELECT count (*) FROM (SELECT month, supplier_id, class, sum (total_cents), sum (n_lines) FROM spend_summary"
    " GROUP BY 1, 2, 3 EXCEPT SELECT month, supplier_id, class, total_cents, n_lines FROM supplier_month_summary) AS d",
    "SELECT count (*) FROM spend_summary WHERE n_lines = 0",
    "SELECT (SELECT coalesce (sum (total_cents), 0) FROM spend_summary)"
    " - (SELECT coalesce (sum (amount_cents), 0) FROM purchase_lines)",
  };

  for (guint i = 0; i < G_N_ELEMENTS (checks); i++)
    {
      gint64 differences = -1;

      g_autoptr (GError) error = NULL;

      impact_db_query_int (impact_store_get_db (store), checks[i], &differences, &error);
      g_assert_no_error (error);
      g_assert_cmpint (differences, ==, 0);
    }
}

static ImpactFigures *
figures_of (Fixture *f,
            const char *code,
            const char *period_text)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ImpactNode) node = impact_query_find_node (f->store, code, &error);
  ImpactPeriod period;
  ImpactFigures *figures;

  g_assert_no_error (error);
  g_assert_true (impact_period_parse (period_text, impact_query_get_fy_start (f->store), &period, &error));
  g_assert_no_error (error);
  figures = impact_query_figures (f->store, node, &period, 10, &error);
  g_assert_no_error (error);
  g_assert_nonnull (figures);
  return figures;
}

static const ImpactMonthFigures *
month_of (const ImpactFigures *figures,
          guint index)
{
  g_assert_cmpuint (index, <, figures->by_month->len);
  return &g_array_index (figures->by_month, ImpactMonthFigures, index);
}

static const ImpactChildFigures *
child_of (const ImpactFigures *figures,
          guint index)
{
  g_assert_cmpuint (index, <, figures->by_child->len);
  return g_ptr_array_index (figures->by_child, index);
}

static const ImpactSupplierFigures *
supplier_of (GPtrArray *suppliers,
             guint index)
{
  g_assert_cmpuint (index, <, suppliers->len);
  return g_ptr_array_index (suppliers, index);
}

static void
test_group_year (Fixture *f,
                 gconstpointer data)
{
  g_autoptr (ImpactFigures) fig = figures_of (f, NULL, "2025");

  g_assert_cmpstr (fig->node->code, ==, "G");
  g_assert_cmpint (fig->spend.total_cents, ==, EUR (1290));
  g_assert_cmpint (fig->spend.social_cents, ==, EUR (260));
  g_assert_cmpfloat_with_epsilon (impact_spend_get_share (&fig->spend), 100.0 * 260 / 1290, 1e-9);
  g_assert_cmpint (fig->previous.total_cents, ==, EUR (70));
  g_assert_cmpint (fig->previous.social_cents, ==, 0);

  /* The line of 10 March came before S1's certificate; the one of 20 March after it. */
  g_assert_cmpint (fig->by_class[IMPACT_SOCIAL_CLASS_NONE], ==, EUR (1000));
  g_assert_cmpint (fig->by_class[IMPACT_SOCIAL_CLASS_PSO_30PLUS], ==, EUR (200));
  g_assert_cmpint (fig->by_class[IMPACT_SOCIAL_CLASS_SW], ==, EUR (60));
  g_assert_cmpint (fig->by_class[IMPACT_SOCIAL_CLASS_PSO_ASPIRANT], ==, EUR (30));

  g_assert_cmpuint (fig->by_month->len, ==, 12);
  g_assert_cmpint (month_of (fig, 0)->spend.total_cents, ==, 0);
  g_assert_cmpint (month_of (fig, 1)->spend.total_cents, ==, EUR (10));
  g_assert_cmpint (month_of (fig, 1)->spend.social_cents, ==, EUR (10));
  g_assert_cmpint (month_of (fig, 2)->spend.total_cents, ==, EUR (300));
  g_assert_cmpint (month_of (fig, 2)->spend.social_cents, ==, EUR (200));
  g_assert_cmpint (month_of (fig, 3)->spend.total_cents, ==, EUR (950));
  g_assert_cmpint (month_of (fig, 3)->spend.social_cents, ==, EUR (50));
  g_assert_cmpint (month_of (fig, 4)->spend.total_cents, ==, EUR (30));
  g_assert_cmpint (month_of (fig, 4)->spend.social_cents, ==, 0);

  /* Divisions, largest first. */
  g_assert_cmpuint (fig->by_child->len, ==, 2);
  g_assert_cmpstr (child_of (fig, 0)->code, ==, "B");
  g_assert_cmpint (child_of (fig, 0)->spend.total_cents, ==, EUR (940));
  g_assert_cmpint (child_of (fig, 0)->spend.social_cents, ==, EUR (10));
  g_assert_cmpstr (child_of (fig, 1)->code, ==, "A");
  g_assert_cmpint (child_of (fig, 1)->spend.total_cents, ==, EUR (350));
  g_assert_cmpint (child_of (fig, 1)->spend.social_cents, ==, EUR (250));

  /* Each supplier counted once, under its strongest class in the period. */
  g_assert_cmpuint (fig->suppliers_per_class[IMPACT_SOCIAL_CLASS_PSO_30PLUS], ==, 1);
  g_assert_cmpuint (fig->suppliers_per_class[IMPACT_SOCIAL_CLASS_SW], ==, 1);
  g_assert_cmpuint (fig->suppliers_per_class[IMPACT_SOCIAL_CLASS_NONE], ==, 1);
  g_assert_cmpuint (fig->suppliers_per_class[IMPACT_SOCIAL_CLASS_PSO_ASPIRANT], ==, 1);

  g_assert_cmpuint (fig->top_suppliers->len, ==, 4);
  g_assert_cmpstr (supplier_of (fig->top_suppliers, 0)->name, ==, "Plain B.V.");
  g_assert_cmpint (supplier_of (fig->top_suppliers, 0)->total_cents, ==, EUR (900));
  g_assert_cmpstr (supplier_of (fig->top_suppliers, 1)->name, ==, "Social One");
  g_assert_cmpint (supplier_of (fig->top_suppliers, 1)->klass, ==, IMPACT_SOCIAL_CLASS_PSO_30PLUS);
  g_assert_cmpint (supplier_of (fig->top_suppliers, 2)->total_cents, ==, EUR (60));

  /* Non-social spend only: S1 before its certificate, never the SW company. */
  g_assert_cmpuint (fig->top_non_social->len, ==, 3);
  g_assert_cmpint (supplier_of (fig->top_non_social, 0)->total_cents, ==, EUR (900));
  g_assert_cmpstr (supplier_of (fig->top_non_social, 1)->name, ==, "Social One");
  g_assert_cmpint (supplier_of (fig->top_non_social, 1)->total_cents, ==, EUR (100));
  g_assert_cmpstr (supplier_of (fig->top_non_social, 2)->name, ==, "Aspirant B.V.");
}

static void
test_division_and_object (Fixture *f,
                          gconstpointer data)
{
  g_autoptr (ImpactFigures) division = figures_of (f, "A", "2025");
  g_autoptr (ImpactFigures) object = figures_of (f, "A-1", "2025-Q1");
  g_autoptr (ImpactFigures) march = figures_of (f, "A-1", "2025-03");

  g_assert_cmpint (division->spend.total_cents, ==, EUR (350));
  g_assert_cmpint (division->spend.social_cents, ==, EUR (250));
  g_assert_cmpint (division->previous.total_cents, ==, EUR (70));
  /* The object, then the lines that name none. */
  g_assert_cmpuint (division->by_child->len, ==, 2);
  g_assert_cmpstr (child_of (division, 0)->code, ==, "A-1");
  g_assert_cmpint (child_of (division, 0)->spend.total_cents, ==, EUR (300));
  g_assert_null (child_of (division, 1)->code);
  g_assert_cmpint (child_of (division, 1)->spend.total_cents, ==, EUR (50));
  g_assert_cmpint (child_of (division, 1)->spend.social_cents, ==, EUR (50));
  /* The year before, only a line without an object. */
  g_assert_cmpint (child_of (division, 0)->previous.total_cents, ==, 0);
  g_assert_cmpint (child_of (division, 1)->previous.total_cents, ==, EUR (70));
  g_assert_cmpint (child_of (division, 1)->previous.social_cents, ==, 0);

  g_assert_cmpint (object->node->level, ==, IMPACT_NODE_OBJECT);
  g_assert_cmpint (object->spend.total_cents, ==, EUR (300));
  g_assert_cmpint (object->spend.social_cents, ==, EUR (200));
  g_assert_cmpuint (object->by_child->len, ==, 0);
  g_assert_cmpuint (object->by_month->len, ==, 3);
  g_assert_cmpuint (object->top_suppliers->len, ==, 1);

  g_assert_cmpint (march->spend.total_cents, ==, EUR (300));
  g_assert_cmpint (march->previous.total_cents, ==, 0);
}

static void
test_years_and_expiring (Fixture *f,
                         gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GArray) years = impact_query_list_years (f->store, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (years->len, ==, 2);
  g_assert_cmpint (g_array_index (years, int, 0), ==, 2025);
  g_assert_cmpint (g_array_index (years, int, 1), ==, 2024);

  /* S1's PSO 30+ certificate from 15 March 2025 runs two years, to 14 March 2027; the SW and
   * aspirant statuses have no end. */
  g_assert_cmpuint (impact_test_count_expiring (f->store, D ("2026-12-14")), ==, 1);
  g_assert_cmpuint (impact_test_count_expiring (f->store, D ("2026-12-13")), ==, 0);
  g_assert_cmpuint (impact_test_count_expiring (f->store, D ("2027-03-15")), ==, 0);
}

/* A target set on the group holds for its divisions and objects until they have their own. */
static void
test_targets (Fixture *f,
              gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ImpactFigures) none = figures_of (f, "A-1", "2025");
  g_autoptr (ImpactFigures) from_group = NULL;
  g_autoptr (ImpactFigures) division = NULL;
  g_autoptr (ImpactFigures) object = NULL;
  g_autoptr (ImpactFigures) other = NULL;
  g_autoptr (ImpactFigures) cleared = NULL;

  g_assert_true (isnan (none->target_share));

  g_assert_true (impact_store_set_share_target (f->store, f->group->id, 12.5, &error));
  g_assert_no_error (error);
  from_group = figures_of (f, "A-1", "2025");
  g_assert_cmpfloat (from_group->target_share, ==, 12.5);
  g_assert_cmpint (from_group->target_node_id, ==, f->group->id);

  g_assert_true (impact_store_set_share_target (f->store, f->division_a, 8, &error));
  division = figures_of (f, "A", "2025");
  object = figures_of (f, "A-1", "2025");
  other = figures_of (f, "B", "2025");
  g_assert_cmpfloat (division->target_share, ==, 8);
  g_assert_cmpfloat (object->target_share, ==, 8);
  g_assert_cmpint (object->target_node_id, ==, f->division_a);
  g_assert_cmpfloat (other->target_share, ==, 12.5);

  g_assert_false (impact_store_set_share_target (f->store, f->division_a, 150, &error));
  g_assert_error (error, IMPACT_STORE_ERROR, IMPACT_STORE_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_true (impact_store_set_share_target (f->store, f->division_a, NAN, &error));
  cleared = figures_of (f, "A", "2025");
  g_assert_cmpfloat (cleared->target_share, ==, 12.5);
}

static const ImpactSupplierRow *
find_row (GPtrArray *rows,
          const char *name)
{
  for (guint i = 0; i < rows->len; i++)
    if (g_str_equal (((const ImpactSupplierRow *) g_ptr_array_index (rows, i))->name, name))
      return g_ptr_array_index (rows, i);
  g_assert_not_reached ();
}

static void
test_supplier_list (Fixture *f,
                    gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) april = NULL;
  g_autoptr (GPtrArray) march = NULL;
  ImpactPeriod period;

  g_assert_true (impact_period_parse ("2025", 1, &period, NULL));
  april = impact_query_list_suppliers (f->store, &period, D ("2025-04-01"), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (april->len, ==, 4);
  /* Largest spend first. */
  g_assert_cmpstr (((const ImpactSupplierRow *) g_ptr_array_index (april, 0))->name, ==, "Plain B.V.");
  g_assert_cmpint (find_row (april, "Plain B.V.")->spend_cents, ==, EUR (900));
  g_assert_cmpint (find_row (april, "Plain B.V.")->class_today, ==, IMPACT_SOCIAL_CLASS_NONE);
  g_assert_cmpint (find_row (april, "Social One")->class_today, ==, IMPACT_SOCIAL_CLASS_PSO_30PLUS);
  g_assert_cmpint (find_row (april, "Social One")->valid_until, ==, D ("2027-03-14"));
  g_assert_cmpint (find_row (april, "SW Bedrijf")->class_today, ==, IMPACT_SOCIAL_CLASS_SW);
  g_assert_cmpint (find_row (april, "SW Bedrijf")->valid_until, ==, 0);
  g_assert_cmpint (find_row (april, "SW Bedrijf")->spend_cents, ==, EUR (60));

  march = impact_query_list_suppliers (f->store, &period, D ("2025-03-01"), &error);
  g_assert_cmpint (find_row (march, "Social One")->class_today, ==, IMPACT_SOCIAL_CLASS_NONE);
}

static void
test_supplier_detail (Fixture *f,
                      gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ImpactSupplierDetail) s1 = NULL;
  g_autoptr (ImpactSupplierDetail) s3 = NULL;
  const ImpactChildFigures *node;
  ImpactPeriod period;

  g_assert_true (impact_period_parse ("2025", 1, &period, NULL));
  s1 = impact_query_supplier_detail (f->store, f->s1, &period, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (s1->by_month->len, ==, 12);
  g_assert_cmpint (g_array_index (s1->by_month, ImpactMonthFigures, 2).spend.total_cents, ==, EUR (300));
  g_assert_cmpint (g_array_index (s1->by_month, ImpactMonthFigures, 2).spend.social_cents, ==, EUR (200));
  g_assert_cmpint (g_array_index (s1->by_month, ImpactMonthFigures, 3).spend.total_cents, ==, 0);
  g_assert_cmpuint (s1->by_node->len, ==, 1);
  node = g_ptr_array_index (s1->by_node, 0);
  g_assert_cmpstr (node->name, ==, "Alfa › Stadhuis");
  g_assert_cmpstr (node->code, ==, "A-1");
  g_assert_cmpint (node->spend.total_cents, ==, EUR (300));

  /* S3 bought in division B this year (its line in A was in 2024). */
  s3 = impact_query_supplier_detail (f->store, f->s3, &period, &error);
  g_assert_cmpuint (s3->by_node->len, ==, 1);
  node = g_ptr_array_index (s3->by_node, 0);
  g_assert_cmpstr (node->name, ==, "Bravo");
  g_assert_cmpint (node->spend.total_cents, ==, EUR (900));
}

/* A financial year from April: "2025" is April 2025 to March 2026. */
static void
test_financial_year (Fixture *f,
                     gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ImpactFigures) year = NULL;
  g_autoptr (ImpactFigures) quarter = NULL;

  g_assert_true (impact_store_set_meta (f->store, "financial-year-start", "4", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (impact_query_get_fy_start (f->store), ==, 4);

  year = figures_of (f, NULL, "2025");
  g_assert_cmpint (year->spend.total_cents, ==, EUR (980));
  g_assert_cmpint (year->previous.total_cents, ==, EUR (380));
  quarter = figures_of (f, NULL, "2024-Q4");
  g_assert_cmpint (quarter->spend.total_cents, ==, EUR (310));
}

/* Status edits and undo show in the figures at once. */
static void
test_figures_follow_changes (Fixture *f,
                             gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ImpactFigures) before = NULL;
  g_autoptr (ImpactFigures) no_s1 = NULL;
  g_autoptr (ImpactFigures) s3_sw = NULL;
  g_autoptr (ImpactFigures) more = NULL;
  g_autoptr (ImpactFigures) undone = NULL;
  gint64 batch_id;

  before = figures_of (f, NULL, "2025");
  g_assert_cmpint (before->spend.social_cents, ==, EUR (260));

  g_assert_true (impact_store_delete_status (f->store, f->s1_status, &error));
  g_assert_no_error (error);
  no_s1 = figures_of (f, NULL, "2025");
  g_assert_cmpint (no_s1->spend.social_cents, ==, EUR (60));
  g_assert_cmpint (no_s1->by_class[IMPACT_SOCIAL_CLASS_NONE], ==, EUR (1200));
  g_assert_cmpint (no_s1->spend.total_cents, ==, EUR (1290));

  /* One day of SW status: the line of that day counts, the credit note a day later not. */
  impact_test_add_status (f->store, f->s3, IMPACT_SOCIAL_CLASS_SW, "2025-04-02", "2025-04-02");
  s3_sw = figures_of (f, NULL, "2025");
  g_assert_cmpint (s3_sw->spend.social_cents, ==, EUR (1060));
  g_assert_cmpuint (s3_sw->suppliers_per_class[IMPACT_SOCIAL_CLASS_SW], ==, 2);

  {
    const ImpactPurchaseLine lines[] = {
      { D ("2025-04-02"), f->s3, f->division_b, 0, EUR (5) },
      { D ("2025-06-30"), f->s2, f->division_a, f->object_a1, EUR (7) },
    };

    batch_id = impact_test_insert (f->store, lines, G_N_ELEMENTS (lines));
  }
  more = figures_of (f, NULL, "2025");
  g_assert_cmpint (more->spend.total_cents, ==, EUR (1302));
  g_assert_cmpint (more->spend.social_cents, ==, EUR (1072));

  g_assert_true (impact_store_delete_batch (f->store, batch_id, &error));
  g_assert_no_error (error);
  undone = figures_of (f, NULL, "2025");
  g_assert_cmpint (undone->spend.total_cents, ==, EUR (1290));
  g_assert_cmpint (undone->spend.social_cents, ==, EUR (1060));
  assert_summaries_agree (f->store);
}

/* The summary's own day-to-month arithmetic agrees with GDate on every day of 1800-2200. */
static void
test_month_of_day (void)
{
  GDate date;
  guint32 first, last;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 1, 1, 1800);
  first = g_date_get_julian (&date);
  g_date_set_dmy (&date, 31, 12, 2200);
  last = g_date_get_julian (&date);

  g_assert_cmpint (impact_summary_month_of_day (1), ==, 12 + 0);
  for (guint32 day = first; day <= last; day++)
    {
      g_date_set_julian (&date, day);
      if (impact_summary_month_of_day (day) != (gint32) (g_date_get_year (&date) * 12 + g_date_get_month (&date) - 1))
        g_error ("day %u: month %d, GDate says %d-%d", day, impact_summary_month_of_day (day),
                 g_date_get_year (&date), g_date_get_month (&date));
    }
}

static void
test_periods (void)
{
  static const struct
  {
    const char *text;
    guint fy_start;
    const char *first, *last, *code;
  } good[] = {
    { "2025", 1, "2025-01", "2025-12", "2025" },
    { "2025", 7, "2025-07", "2026-06", "2025" },
    { "2025-Q2", 1, "2025-04", "2025-06", "2025-Q2" },
    { "2025-Q4", 4, "2026-01", "2026-03", "2025-Q4" },
    { "2025-03", 4, "2025-03", "2025-03", "2025-03" },
    { "2024-02-01..2024-02-29", 1, "2024-02", "2024-02", "2024-02-01..2024-02-29" },
    { "2025-01-01..2025-06-30", 1, "2025-01", "2025-06", "2025-01-01..2025-06-30" },
  };
  static const char *const bad[] = {
    "",
    "25",
    "2025-13",
    "2025-Q5",
    "2025-00",
    "2025-01-02..2025-06-30",
    "2025-01-01..2025-06-29",
    "2025-06-01..2025-01-31",
    "2025-02-30..2025-03-31",
    "20251",
    "2025-Q2x",
    "next year",
  };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autofree char *first = NULL, *last = NULL, *code = NULL;
      ImpactPeriod period;

      g_test_message ("%s", good[i].text);
      g_assert_true (impact_period_parse (good[i].text, good[i].fy_start, &period, &error));
      g_assert_no_error (error);
      first = impact_month_to_code (period.first_month);
      last = impact_month_to_code (period.last_month);
      code = impact_period_to_code (&period);
      g_assert_cmpstr (first, ==, good[i].first);
      g_assert_cmpstr (last, ==, good[i].last);
      g_assert_cmpstr (code, ==, good[i].code);
    }

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr (GError) error = NULL;
      ImpactPeriod period;

      g_test_message ("%s", bad[i]);
      g_assert_false (impact_period_parse (bad[i], 1, &period, &error));
      g_assert_error (error, IMPACT_QUERY_ERROR, IMPACT_QUERY_ERROR_PERIOD);
    }

  {
    ImpactPeriod period, previous;
    g_autofree char *first = NULL;

    g_assert_true (impact_period_parse ("2025-01-01..2025-06-30", 1, &period, NULL));
    impact_period_previous (&period, &previous);
    first = impact_month_to_code (previous.first_month);
    g_assert_cmpstr (first, ==, "2024-07");
  }
}

/* The spend of a node and period, summed and classified straight from the purchase lines
 * and the statuses: nothing of the summary tables or the C classification is used. */
static void
sql_spend (ImpactStore *store,
           const char *node_sql,
           gint64 node_id,
           const char *first,
           const char *last,
           ImpactSpend *spend)
{
  g_autofree char *sql = g_strdup_printf (
      "SELECT coalesce (sum (amount_cents), 0), coalesce (sum (CASE WHEN EXISTS (SELECT 1 FROM supplier_statuses s"
      "  WHERE s.supplier_id = p.supplier_id AND s.kind <> 'pso-aspirant'"
      "  AND (s.valid_from IS NULL OR s.valid_from <= p.invoice_day)"
      "  AND (s.valid_until IS NULL OR s.valid_until >= p.invoice_day)) THEN amount_cents END), 0)"
      " FROM purchase_lines p WHERE %s AND invoice_day BETWEEN ?2 AND ?3",
      node_sql);
  g_autoptr (ImpactDbStmt) stmt = impact_db_stmt_new (impact_store_get_db (store), sql, NULL);

  g_assert_nonnull (stmt);
  impact_db_stmt_bind_int64 (stmt, 1, node_id);
  impact_db_stmt_bind_int64 (stmt, 2, D (first));
  impact_db_stmt_bind_int64 (stmt, 3, D (last));
  g_assert_true (impact_db_stmt_step_row (stmt, NULL));
  spend->total_cents = impact_db_stmt_get_int64 (stmt, 0);
  spend->social_cents = impact_db_stmt_get_int64 (stmt, 1);
}

static void
test_demo_matches_sql (void)
{
  g_autofree char *dir = impact_test_make_tmpdir ();
  g_autofree char *path = impact_test_database_location (dir);
  g_autoptr (GError) error = NULL;
  g_autoptr (ImpactStore) store = impact_store_open (path, &error);
  g_autoptr (GPtrArray) divisions = NULL;
  g_autoptr (GPtrArray) objects = NULL;
  static const struct
  {
    const char *period, *first, *last;
  } periods[] = {
    { "2024", "2024-01-01", "2024-12-31" },
    { "2025-Q2", "2025-04-01", "2025-06-30" },
    { "2025-02", "2025-02-01", "2025-02-28" },
  };

  g_assert_no_error (error);
  g_assert_true (impact_demo_write (store, D ("2025-12-31"), NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  divisions = impact_store_list_nodes (store, IMPACT_NODE_DIVISION, &error);
  objects = impact_store_list_nodes (store, IMPACT_NODE_OBJECT, &error);
  g_assert_no_error (error);

  for (guint p = 0; p < G_N_ELEMENTS (periods); p++)
    {
      g_autoptr (ImpactNode) group = impact_query_find_node (store, NULL, NULL);
      ImpactPeriod period;
      ImpactSpend expected;
      g_autoptr (ImpactFigures) figures = NULL;

      g_assert_true (impact_period_parse (periods[p].period, 1, &period, NULL));
      figures = impact_query_figures (store, group, &period, 10, &error);
      g_assert_no_error (error);
      sql_spend (store, "?1 = ?1", 0, periods[p].first, periods[p].last, &expected);
      g_assert_cmpint (expected.total_cents, !=, 0);
      g_assert_cmpint (figures->spend.total_cents, ==, expected.total_cents);
      g_assert_cmpint (figures->spend.social_cents, ==, expected.social_cents);

      for (guint i = 0; i < divisions->len; i += 2)
        {
          const ImpactNode *node = g_ptr_array_index (divisions, i);
          g_autoptr (ImpactFigures) fig = impact_query_figures (store, node, &period, 10, &error);

          g_assert_no_error (error);
          sql_spend (store, "division_id = ?1", node->id, periods[p].first, periods[p].last, &expected);
          g_assert_cmpint (fig->spend.total_cents, ==, expected.total_cents);
          g_assert_cmpint (fig->spend.social_cents, ==, expected.social_cents);
        }
      for (guint i = 0; i < objects->len; i += 37)
        {
          const ImpactNode *node = g_ptr_array_index (objects, i);
          g_autoptr (ImpactFigures) fig = impact_query_figures (store, node, &period, 10, &error);

          g_assert_no_error (error);
          sql_spend (store, "object_id = ?1", node->id, periods[p].first, periods[p].last, &expected);
          g_assert_cmpint (fig->spend.total_cents, ==, expected.total_cents);
          g_assert_cmpint (fig->spend.social_cents, ==, expected.social_cents);
        }
    }

  assert_summaries_agree (store);
  g_clear_object (&store);
  impact_test_remove_tree (dir);
}

int
main (int argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/query/group-year", test_group_year);
  ADD ("/query/division-and-object", test_division_and_object);
  ADD ("/query/financial-year", test_financial_year);
  ADD ("/query/years-and-expiring", test_years_and_expiring);
  ADD ("/query/targets", test_targets);
  ADD ("/query/supplier-list", test_supplier_list);
  ADD ("/query/supplier-detail", test_supplier_detail);
  ADD ("/query/figures-follow-changes", test_figures_follow_changes);
#undef ADD
  /* What follows runs once, on SQLite: the periods need no database, and the demo data
   * takes 65 s to write to PostgreSQL one INSERT at a time (it passes there), until imports
   * go through COPY. */
  if (impact_test_on_postgresql ())
    return g_test_run ();
  g_test_add_func ("/query/demo-matches-sql", test_demo_matches_sql);
  g_test_add_func ("/query/periods", test_periods);
  g_test_add_func ("/query/month-of-day", test_month_of_day);

  return g_test_run ();
}
