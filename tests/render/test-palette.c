/* test-palette.c: one readable colour per social class in every variant
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "impact-palette.h"

static double
distance (const ImpactColor *a,
          const ImpactColor *b)
{
  return fabs (a->red - b->red) + fabs (a->green - b->green) + fabs (a->blue - b->blue);
}

static void
test_variants (void)
{
  for (ImpactPaletteVariant v = IMPACT_PALETTE_LIGHT; v <= IMPACT_PALETTE_PRINT; v++)
    {
      const ImpactPalette *p = impact_palette_get (v);

      /* Text and axes are readable on the background (WCAG AA for text: 4.5). */
      g_assert_cmpfloat (impact_color_contrast (&p->foreground, &p->background), >=, 4.5);

      for (guint i = 0; i < IMPACT_N_SOCIAL_CLASSES; i++)
        {
          /* Bars stand out from the background (WCAG graphics: 1.3 at the least here,
           * the palest tints are for the least important classes). */
          g_assert_cmpfloat (impact_color_contrast (&p->classes[i], &p->background), >=, 1.3);
          for (guint j = i + 1; j < IMPACT_N_SOCIAL_CLASSES; j++)
            g_assert_cmpfloat (distance (&p->classes[i], &p->classes[j]), >, 0.1);
        }
    }
}

static void
test_set_source (void)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 4, 4);
  cairo_t *cr = cairo_create (surface);
  const ImpactPalette *p = impact_palette_get (IMPACT_PALETTE_LIGHT);
  const ImpactColor *sw = &p->classes[IMPACT_SOCIAL_CLASS_SW];
  guint32 pixel;

  impact_color_set_source (cr, sw, 1.0);
  cairo_paint (cr);
  cairo_surface_flush (surface);
  pixel = *(guint32 *) cairo_image_surface_get_data (surface);

  g_assert_cmpint ((pixel >> 16) & 0xff, ==, (int) round (sw->red * 255));
  g_assert_cmpint ((pixel >> 8) & 0xff, ==, (int) round (sw->green * 255));
  g_assert_cmpint (pixel & 0xff, ==, (int) round (sw->blue * 255));

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

int
main (int argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/palette/variants", test_variants);
  g_test_add_func ("/palette/set-source", test_set_source);

  return g_test_run ();
}
