/* test-chart.c: the charts drawn into image surfaces: geometry, colours and hit-testing
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <math.h>
#include <string.h>

#include "impact-chart.h"
#include "model/impact-format.h"

#define WIDTH 480
#define HEIGHT 320

typedef struct
{
  cairo_surface_t *surface;
  ImpactChartStyle style;
} Canvas;

static void
draw (Canvas *canvas,
      ImpactChart *chart,
      int highlight)
{
  cairo_t *cr;

  canvas->style = (ImpactChartStyle){ impact_palette_get (IMPACT_PALETTE_LIGHT), NULL, WIDTH, HEIGHT, highlight };
  canvas->surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, WIDTH, HEIGHT);
  cr = cairo_create (canvas->surface);
  impact_color_set_source (cr, &canvas->style.palette->background, 1);
  cairo_paint (cr);
  impact_chart_draw (chart, cr, &canvas->style);
  cairo_destroy (cr);
  cairo_surface_flush (canvas->surface);
}

static void
canvas_clear (Canvas *canvas)
{
  g_clear_pointer (&canvas->surface, cairo_surface_destroy);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Canvas, canvas_clear)

/* Whether the pixel at (x, y) has the colour, within rounding. */
static gboolean
pixel_is (Canvas *canvas,
          int x,
          int y,
          const ImpactColor *color)
{
  const guint8 *data = cairo_image_surface_get_data (canvas->surface);
  guint32 pixel = *(const guint32 *) (data + y * cairo_image_surface_get_stride (canvas->surface) + x * 4);

  return fabs ((pixel >> 16 & 0xff) - color->red * 255) <= 2 && fabs ((pixel >> 8 & 0xff) - color->green * 255) <= 2
         && fabs ((pixel & 0xff) - color->blue * 255) <= 2;
}

/* How many pixels of the colour a column at @x has, from the top of @area down. */
static int
run_of (Canvas *canvas,
        int x,
        const cairo_rectangle_t *area,
        const ImpactColor *color)
{
  int n = 0;

  for (int y = (int) area->y; y < (int) (area->y + area->height); y++)
    n += pixel_is (canvas, x, y, color);

  return n;
}

static void
test_columns (void)
{
  g_autoptr (ImpactChart) chart = impact_chart_new (IMPACT_CHART_COLUMNS);
  g_auto (Canvas) canvas = { 0 };
  const ImpactPalette *palette = impact_palette_get (IMPACT_PALETTE_LIGHT);
  cairo_rectangle_t areas[3];
  int none[3], sw[3];
  ImpactChartItem *item;

  item = impact_chart_add_item (chart, "Alfa");
  item->cents[IMPACT_SOCIAL_CLASS_NONE] = 8000000;
  item->cents[IMPACT_SOCIAL_CLASS_SW] = 2000000;
  item = impact_chart_add_item (chart, "Bravo");
  item->cents[IMPACT_SOCIAL_CLASS_NONE] = 4000000;
  item = impact_chart_add_item (chart, "Charlie");
  item->cents[IMPACT_SOCIAL_CLASS_SW] = 5000000;
  draw (&canvas, chart, -1);

  for (guint i = 0; i < 3; i++)
    {
      int x;

      g_assert_true (impact_chart_get_item_area (chart, &canvas.style, i, &areas[i]));
      x = (int) (areas[i].x + areas[i].width / 2);
      none[i] = run_of (&canvas, x, &areas[i], &palette->classes[IMPACT_SOCIAL_CLASS_NONE]);
      sw[i] = run_of (&canvas, x, &areas[i], &palette->classes[IMPACT_SOCIAL_CLASS_SW]);
      g_test_message ("column %u: %d px not social, %d px SW", i, none[i], sw[i]);
    }

  /* Heights in proportion to the amounts: 80 : 20, 40, 50 (one pixel of rounding). */
  g_assert_cmpint (none[0], >, 50);
  g_assert_cmpint (abs (none[0] - 4 * sw[0]), <=, 3);
  g_assert_cmpint (abs (none[1] - none[0] / 2), <=, 2);
  g_assert_cmpint (none[2], ==, 0);
  g_assert_cmpint (abs (sw[2] - (sw[0] * 5) / 2), <=, 2);
  g_assert_cmpint (sw[1], ==, 0);

  /* Side by side, left to right, the same width. */
  g_assert_cmpfloat (areas[0].x, <, areas[1].x);
  g_assert_cmpfloat (areas[1].x, <, areas[2].x);
  g_assert_cmpfloat_with_epsilon (areas[0].width, areas[2].width, 1e-9);

  /* The social part sits on the axis: SW under "not social" in the first column. */
  {
    int x = (int) (areas[0].x + areas[0].width / 2), first_sw = -1, first_none = -1;

    for (int y = (int) areas[0].y; y < (int) (areas[0].y + areas[0].height); y++)
      {
        if (first_none < 0 && pixel_is (&canvas, x, y, &palette->classes[IMPACT_SOCIAL_CLASS_NONE]))
          first_none = y;
        if (first_sw < 0 && pixel_is (&canvas, x, y, &palette->classes[IMPACT_SOCIAL_CLASS_SW]))
          first_sw = y;
      }
    g_assert_cmpint (first_none, >=, 0);
    g_assert_cmpint (first_sw, >, first_none);
  }

  /* Hit-testing finds the column under the pointer, and nothing in the margin. */
  for (guint i = 0; i < 3; i++)
    g_assert_cmpint (impact_chart_hit_test (chart, &canvas.style, areas[i].x + areas[i].width / 2, areas[i].y + areas[i].height - 2), ==, i);
  g_assert_cmpint (impact_chart_hit_test (chart, &canvas.style, 1, 1), ==, -1);
}

/* An area through the items: its height at each item's middle follows the amount. */
static void
test_area (void)
{
  g_autoptr (ImpactChart) chart = impact_chart_new (IMPACT_CHART_AREA);
  g_auto (Canvas) canvas = { 0 };
  const ImpactPalette *palette = impact_palette_get (IMPACT_PALETTE_LIGHT);
  int heights[3];

  impact_chart_add_item (chart, "Jan")->cents[IMPACT_SOCIAL_CLASS_NONE] = 8000000;
  impact_chart_add_item (chart, "Feb")->cents[IMPACT_SOCIAL_CLASS_NONE] = 4000000;
  impact_chart_add_item (chart, "Mar")->cents[IMPACT_SOCIAL_CLASS_NONE] = 6000000;
  draw (&canvas, chart, -1);

  for (guint i = 0; i < 3; i++)
    {
      cairo_rectangle_t area;
      int x;

      g_assert_true (impact_chart_get_item_area (chart, &canvas.style, i, &area));
      x = (int) (area.x + area.width / 2);
      heights[i] = 0;
      /* Everything drawn in the plot at that x that is neither background nor grid line. */
      for (int y = (int) area.y; y < (int) (area.y + area.height); y++)
        heights[i] += !pixel_is (&canvas, x, y, &palette->background) && !pixel_is (&canvas, x, y, &palette->grid);
      g_assert_cmpint (impact_chart_hit_test (chart, &canvas.style, x, area.y + area.height / 2), ==, i);
    }
  g_test_message ("area heights: %d, %d, %d", heights[0], heights[1], heights[2]);
  g_assert_cmpint (heights[0], >, 100);
  g_assert_cmpint (abs (heights[0] - 2 * heights[1]), <=, 4);
  g_assert_cmpint (abs (2 * heights[2] - 3 * heights[1]), <=, 4);
}

/* Grouped: each column beside a bar of the amount to compare with, on the same axis. */
static void
test_grouped (void)
{
  g_autoptr (ImpactChart) chart = impact_chart_new (IMPACT_CHART_COLUMNS);
  g_auto (Canvas) canvas = { 0 };
  const ImpactPalette *palette = impact_palette_get (IMPACT_PALETTE_LIGHT);
  cairo_rectangle_t area;
  ImpactChartItem *item;
  int now = 0, before = 0;
  double centre;

  impact_chart_set_compare (chart, "The year before");
  item = impact_chart_add_item (chart, "Alfa");
  item->cents[IMPACT_SOCIAL_CLASS_SW] = 6000000;
  item->compare_cents = 3000000;
  impact_chart_add_item (chart, "Bravo")->compare_cents = 9000000;
  draw (&canvas, chart, -1);

  g_assert_true (impact_chart_get_item_area (chart, &canvas.style, 0, &area));
  centre = area.x + area.width / 2;
  for (int y = (int) area.y; y < (int) (area.y + area.height); y++)
    {
      now += pixel_is (&canvas, (int) centre + 6, y, &palette->classes[IMPACT_SOCIAL_CLASS_SW]);
      before += !pixel_is (&canvas, (int) centre - 6, y, &palette->background)
                && !pixel_is (&canvas, (int) centre - 6, y, &palette->grid);
    }
  g_test_message ("grouped: %d px now, %d px before", now, before);
  g_assert_cmpint (now, >, 50);
  g_assert_cmpint (abs (now - 2 * before), <=, 4);

  /* Its words say what each column is compared with. */
  {
    g_autofree char *words = impact_chart_describe (chart);

    g_assert_nonnull (strstr (words, "The year before: EUR 90000.00"));
  }
}

/* The highlighted column keeps its colour; the others are dimmed. */
static void
test_highlight (void)
{
  g_autoptr (ImpactChart) chart = impact_chart_new (IMPACT_CHART_COLUMNS);
  g_auto (Canvas) canvas = { 0 };
  const ImpactPalette *palette = impact_palette_get (IMPACT_PALETTE_LIGHT);
  cairo_rectangle_t first, second;

  impact_chart_add_item (chart, "A")->cents[IMPACT_SOCIAL_CLASS_SW] = 100000;
  impact_chart_add_item (chart, "B")->cents[IMPACT_SOCIAL_CLASS_SW] = 100000;
  draw (&canvas, chart, 1);
  g_assert_true (impact_chart_get_item_area (chart, &canvas.style, 0, &first));
  g_assert_true (impact_chart_get_item_area (chart, &canvas.style, 1, &second));
  g_assert_cmpint (run_of (&canvas, (int) (first.x + first.width / 2), &first, &palette->classes[IMPACT_SOCIAL_CLASS_SW]), ==, 0);
  g_assert_cmpint (run_of (&canvas, (int) (second.x + second.width / 2), &second, &palette->classes[IMPACT_SOCIAL_CLASS_SW]), >, 50);
}

static void
test_bars (void)
{
  g_autoptr (ImpactChart) chart = impact_chart_new (IMPACT_CHART_BARS);
  g_auto (Canvas) canvas = { 0 };
  const ImpactPalette *palette = impact_palette_get (IMPACT_PALETTE_LIGHT);
  int lengths[2] = { 0, 0 };

  impact_chart_add_item (chart, "Jansen Schoonmaak B.V.")->cents[IMPACT_SOCIAL_CLASS_NONE] = 90000000;
  impact_chart_add_item (chart, "De Vries")->cents[IMPACT_SOCIAL_CLASS_NONE] = 30000000;
  draw (&canvas, chart, -1);

  for (guint i = 0; i < 2; i++)
    {
      cairo_rectangle_t area;
      int y;

      g_assert_true (impact_chart_get_item_area (chart, &canvas.style, i, &area));
      y = (int) (area.y + area.height / 2);
      /* From the bar's first pixel to its last: the amount may be written inside it. */
      {
        int first = -1, last = -1;

        for (int x = 0; x < WIDTH; x++)
          if (pixel_is (&canvas, x, y, &palette->classes[IMPACT_SOCIAL_CLASS_NONE]))
            {
              if (first < 0)
                first = x;
              last = x;
            }
        lengths[i] = first >= 0 ? last - first + 1 : 0;
      }
      g_assert_cmpint (impact_chart_hit_test (chart, &canvas.style, WIDTH / 2, y), ==, i);
    }
  g_test_message ("bars: %d and %d px", lengths[0], lengths[1]);
  g_assert_cmpint (lengths[0], >, 100);
  g_assert_cmpint (abs (lengths[0] - 3 * lengths[1]), <=, 3);
}

static void
test_donut (void)
{
  g_autoptr (ImpactChart) chart = impact_chart_new (IMPACT_CHART_DONUT);
  g_auto (Canvas) canvas = { 0 };
  cairo_rectangle_t legend;

  impact_chart_add_item (chart, "Not social")->cents[IMPACT_SOCIAL_CLASS_NONE] = 7500;
  impact_chart_add_item (chart, "SW")->cents[IMPACT_SOCIAL_CLASS_SW] = 2500;
  draw (&canvas, chart, -1);

  /* Clockwise from twelve o'clock: three quarters, then one quarter. The ring's centre is
   * found from the legend row, which starts just right of it. */
  g_assert_true (impact_chart_get_item_area (chart, &canvas.style, 0, &legend));
  {
    double r = (HEIGHT - 16) / 2.0, cx = 8 + r, cy = 8 + r, mid = r * 0.8;
    const ImpactPalette *palette = impact_palette_get (IMPACT_PALETTE_LIGHT);

    g_assert_cmpint (impact_chart_hit_test (chart, &canvas.style, cx + mid, cy), ==, 0);
    g_assert_cmpint (impact_chart_hit_test (chart, &canvas.style, cx, cy + mid), ==, 0);
    g_assert_cmpint (impact_chart_hit_test (chart, &canvas.style, cx - mid, cy - 5), ==, 1);
    g_assert_cmpint (impact_chart_hit_test (chart, &canvas.style, cx, cy), ==, -1);
    g_assert_true (pixel_is (&canvas, (int) (cx + mid), (int) cy, &palette->classes[IMPACT_SOCIAL_CLASS_NONE]));
    g_assert_true (pixel_is (&canvas, (int) (cx - mid), (int) cy - 5, &palette->classes[IMPACT_SOCIAL_CLASS_SW]));
    g_assert_cmpfloat (legend.x, >, cx + r);
  }
}

/* A share of 5% against a target of 10%: a grey bar half as long as the way to the target
 * mark; at 12% the bar is green and passes the mark. */
static void
test_bullet (void)
{
  const ImpactPalette *palette = impact_palette_get (IMPACT_PALETTE_LIGHT);

  for (guint round = 0; round < 2; round++)
    {
      g_autoptr (ImpactChart) chart = impact_chart_new (IMPACT_CHART_BULLET);
      g_auto (Canvas) canvas = { 0 };
      const ImpactColor *bar = &palette->classes[round == 0 ? IMPACT_SOCIAL_CLASS_NONE : IMPACT_SOCIAL_CLASS_PSO_30PLUS];
      cairo_rectangle_t area;
      int y, bar_end = -1, mark = -1;

      impact_chart_add_item (chart, "Social share")->share = round == 0 ? 5 : 12;
      impact_chart_set_target (chart, 10);
      draw (&canvas, chart, -1);
      g_assert_true (impact_chart_get_item_area (chart, &canvas.style, 0, &area));
      y = (int) (area.y + area.height / 2);
      for (int x = 0; x < WIDTH; x++)
        {
          if (pixel_is (&canvas, x, y, bar))
            bar_end = x;
          if (mark < 0 && pixel_is (&canvas, x, y, &palette->foreground))
            mark = x;
        }
      g_test_message ("bar ends at %d, target mark at %d", bar_end, mark);
      g_assert_cmpint (mark, >, 0);
      if (round == 0)
        g_assert_cmpint (abs ((bar_end - (int) area.x) * 2 - (mark - (int) area.x)), <=, 4);
      else
        g_assert_cmpint (bar_end, >, mark + 2);
    }
}

/* Without a target a share is measured against the whole: 25% fills a quarter of the band,
 * not most of a band that ends just past the value. */
static void
test_bullet_without_target (void)
{
  const ImpactPalette *palette = impact_palette_get (IMPACT_PALETTE_LIGHT);
  g_autoptr (ImpactChart) chart = impact_chart_new (IMPACT_CHART_BULLET);
  g_auto (Canvas) canvas = { 0 };
  cairo_rectangle_t area;
  int y, bar_end = -1;

  impact_chart_add_item (chart, "Social share")->share = 25;
  draw (&canvas, chart, -1);
  g_assert_true (impact_chart_get_item_area (chart, &canvas.style, 0, &area));
  y = (int) (area.y + area.height / 2);
  for (int x = 0; x < WIDTH; x++)
    if (pixel_is (&canvas, x, y, &palette->classes[IMPACT_SOCIAL_CLASS_PSO_30PLUS]))
      bar_end = x;
  g_test_message ("bar ends at %d of %d", bar_end, (int) area.width);
  g_assert_cmpint (abs ((bar_end - (int) area.x) * 4 - (int) area.width), <=, 8);
}

/* Realised 50% of an obligation (target 100%), 80% expected at the end: a lighter bar runs on
 * from the value to 80% of the way to the target mark, and the words say so. */
static void
test_bullet_projection (void)
{
  const ImpactPalette *palette = impact_palette_get (IMPACT_PALETTE_LIGHT);
  g_autoptr (ImpactChart) chart = impact_chart_new (IMPACT_CHART_BULLET);
  g_auto (Canvas) canvas = { 0 };
  g_autofree char *words = NULL;
  cairo_rectangle_t area;
  int y, bar_end = -1, light_end = -1, mark = -1;
  const ImpactColor *none = &palette->classes[IMPACT_SOCIAL_CLASS_NONE];
  /* The projection's colour: the bar's at 40% over the band */
  const ImpactColor light = { 0.4 * none->red + 0.6 * palette->grid.red, 0.4 * none->green + 0.6 * palette->grid.green,
                              0.4 * none->blue + 0.6 * palette->grid.blue };

  impact_chart_add_item (chart, "Social return")->share = 50;
  impact_chart_set_target (chart, 100);
  impact_chart_set_projection (chart, 80);
  draw (&canvas, chart, -1);
  g_assert_true (impact_chart_get_item_area (chart, &canvas.style, 0, &area));
  y = (int) (area.y + area.height / 2);
  for (int x = (int) area.x + 1; x < WIDTH - 4; x++)
    {
      if (pixel_is (&canvas, x, y, &palette->classes[IMPACT_SOCIAL_CLASS_NONE]))
        bar_end = x;
      else if (mark < 0 && pixel_is (&canvas, x, y, &palette->foreground))
        mark = x;
      else if (pixel_is (&canvas, x, y, &light))
        light_end = x;
    }
  g_test_message ("bar ends at %d, projection at %d, target mark at %d", bar_end, light_end, mark);
  g_assert_cmpint (abs ((bar_end - (int) area.x) * 2 - (mark - (int) area.x)), <=, 4);
  g_assert_cmpint (abs ((light_end - (int) area.x) * 10 - (mark - (int) area.x) * 8), <=, 20);

  words = impact_chart_describe (chart);
  g_assert_nonnull (strstr (words, "50.0% against a target of 100.0%; 80.0% expected at the end"));
}

static void
test_describe (void)
{
  g_autoptr (ImpactChart) chart = impact_chart_new (IMPACT_CHART_COLUMNS);
  g_autoptr (ImpactChart) empty = impact_chart_new (IMPACT_CHART_BARS);
  g_autofree char *text = NULL;
  g_autofree char *none = NULL;
  ImpactChartItem *item = impact_chart_add_item (chart, "Catering");

  item->cents[IMPACT_SOCIAL_CLASS_NONE] = 90000;
  item->cents[IMPACT_SOCIAL_CLASS_PSO_2] = 10000;
  text = impact_chart_describe (chart);
  g_assert_cmpstr (text, ==, "Catering: EUR 1000.00, of which social EUR 100.00 (10.0%).");
  none = impact_chart_describe (empty);
  g_assert_cmpstr (none, ==, "No spend in this period.");
}

static void
test_compact_money (void)
{
  static const struct
  {
    gint64 cents;
    const char *text;
  } cases[] = {
    { 0, "EUR 0" },
    { 12345, "EUR 123" },
    { 100000, "EUR 1k" },
    { 123456, "EUR 1.2k" },
    { 35000000, "EUR 350k" },
    { 99949999, "EUR 999k" },
    { 99999999, "EUR 1M" },
    { 123456789, "EUR 1.2M" },
    { 1500000000, "EUR 15M" },
    { 1250000000, "EUR 12.5M" },
    { 12345678900, "EUR 123M" },
    { -250000000, "-EUR 2.5M" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = impact_format_money_compact (cases[i].cents);

      g_assert_cmpstr (text, ==, cases[i].text);
    }
}

int
main (int argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_setenv ("LANGUAGE", "en", TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/chart/columns", test_columns);
  g_test_add_func ("/chart/area", test_area);
  g_test_add_func ("/chart/grouped", test_grouped);
  g_test_add_func ("/chart/highlight", test_highlight);
  g_test_add_func ("/chart/bars", test_bars);
  g_test_add_func ("/chart/donut", test_donut);
  g_test_add_func ("/chart/bullet", test_bullet);
  g_test_add_func ("/chart/bullet-projection", test_bullet_projection);
  g_test_add_func ("/chart/bullet-without-target", test_bullet_without_target);
  g_test_add_func ("/chart/describe", test_describe);
  g_test_add_func ("/chart/compact-money", test_compact_money);

  return g_test_run ();
}
