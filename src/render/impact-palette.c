/* impact-palette.c: chart colours for light, dark and print
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "impact-palette"

#include "config.h"

#include <math.h>

#include "impact-palette.h"

#define RGB(hex)                                                                     \
  {                                                                                  \
    ((hex) >> 16 & 0xff) / 255.0, ((hex) >> 8 & 0xff) / 255.0, ((hex) &0xff) / 255.0 \
  }

/* One colour per social class, the same in every chart. The GNOME palette's hues, with
 * the social classes in greens and blues and "not social" in grey, so that a chart reads
 * at a glance; the dark variant uses lighter tints of the same hues. */
static const ImpactPalette palettes[] = {
  [IMPACT_PALETTE_LIGHT] = {
      .background = RGB (0xffffff),
      .foreground = RGB (0x241f31),
      .grid = RGB (0xdeddda),
      .classes = {
          [IMPACT_SOCIAL_CLASS_NONE] = RGB (0x9a9996),
          [IMPACT_SOCIAL_CLASS_PSO_ASPIRANT] = RGB (0xc0bfbc),
          [IMPACT_SOCIAL_CLASS_PSO_BASE] = RGB (0x99c1f1),
          [IMPACT_SOCIAL_CLASS_PSO_1] = RGB (0x62a0ea),
          [IMPACT_SOCIAL_CLASS_PSO_2] = RGB (0x3584e4),
          [IMPACT_SOCIAL_CLASS_PSO_3] = RGB (0x1a5fb4),
          [IMPACT_SOCIAL_CLASS_OWN_SOCIAL] = RGB (0x9141ac),
          [IMPACT_SOCIAL_CLASS_SOCIAL_ENTERPRISE] = RGB (0xe66100),
          [IMPACT_SOCIAL_CLASS_SW] = RGB (0x2ec27e),
          [IMPACT_SOCIAL_CLASS_PSO_30PLUS] = RGB (0x26a269),
      },
  },
  [IMPACT_PALETTE_DARK] = {
      .background = RGB (0x242424),
      .foreground = RGB (0xffffff),
      .grid = RGB (0x3d3846),
      .classes = {
          [IMPACT_SOCIAL_CLASS_NONE] = RGB (0x77767b),
          [IMPACT_SOCIAL_CLASS_PSO_ASPIRANT] = RGB (0x5e5c64),
          [IMPACT_SOCIAL_CLASS_PSO_BASE] = RGB (0x99c1f1),
          [IMPACT_SOCIAL_CLASS_PSO_1] = RGB (0x78aeed),
          [IMPACT_SOCIAL_CLASS_PSO_2] = RGB (0x62a0ea),
          [IMPACT_SOCIAL_CLASS_PSO_3] = RGB (0x3584e4),
          [IMPACT_SOCIAL_CLASS_OWN_SOCIAL] = RGB (0xc061cb),
          [IMPACT_SOCIAL_CLASS_SOCIAL_ENTERPRISE] = RGB (0xffa348),
          [IMPACT_SOCIAL_CLASS_SW] = RGB (0x8ff0a4),
          [IMPACT_SOCIAL_CLASS_PSO_30PLUS] = RGB (0x57e389),
      },
  },
  [IMPACT_PALETTE_PRINT] = {
      .background = RGB (0xffffff),
      .foreground = RGB (0x000000),
      .grid = RGB (0xc0bfbc),
      .classes = {
          [IMPACT_SOCIAL_CLASS_NONE] = RGB (0xb0b0b0),
          [IMPACT_SOCIAL_CLASS_PSO_ASPIRANT] = RGB (0xd8d8d8),
          [IMPACT_SOCIAL_CLASS_PSO_BASE] = RGB (0xa6cee3),
          [IMPACT_SOCIAL_CLASS_PSO_1] = RGB (0x6baed6),
          [IMPACT_SOCIAL_CLASS_PSO_2] = RGB (0x3182bd),
          [IMPACT_SOCIAL_CLASS_PSO_3] = RGB (0x08519c),
          [IMPACT_SOCIAL_CLASS_OWN_SOCIAL] = RGB (0x756bb1),
          [IMPACT_SOCIAL_CLASS_SOCIAL_ENTERPRISE] = RGB (0xe6550d),
          [IMPACT_SOCIAL_CLASS_SW] = RGB (0x31a354),
          [IMPACT_SOCIAL_CLASS_PSO_30PLUS] = RGB (0x006d2c),
      },
  },
};

const ImpactPalette *
impact_palette_get (ImpactPaletteVariant variant)
{
  g_return_val_if_fail (variant <= IMPACT_PALETTE_PRINT, &palettes[IMPACT_PALETTE_LIGHT]);

  return &palettes[variant];
}

void
impact_color_set_source (cairo_t *cr,
                         const ImpactColor *color,
                         double alpha)
{
  g_return_if_fail (cr != NULL && color != NULL);

  cairo_set_source_rgba (cr, color->red, color->green, color->blue, alpha);
}

static double
linear (double channel)
{
  return channel <= 0.03928 ? channel / 12.92 : pow ((channel + 0.055) / 1.055, 2.4);
}

static double
luminance (const ImpactColor *c)
{
  return 0.2126 * linear (c->red) + 0.7152 * linear (c->green) + 0.0722 * linear (c->blue);
}

/* The WCAG contrast ratio, 1 (none) to 21 (black on white). */
double
impact_color_contrast (const ImpactColor *a,
                       const ImpactColor *b)
{
  double la = luminance (a), lb = luminance (b);

  return (MAX (la, lb) + 0.05) / (MIN (la, lb) + 0.05);
}
