/* impact-palette.h: chart colours for light, dark and print
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>

#include "model/impact-social-class.h"

G_BEGIN_DECLS

typedef enum
{
  IMPACT_PALETTE_LIGHT,
  IMPACT_PALETTE_DARK,
  IMPACT_PALETTE_PRINT,
} ImpactPaletteVariant;

typedef struct
{
  double red;
  double green;
  double blue;
} ImpactColor;

typedef struct
{
  ImpactColor background;
  ImpactColor foreground;
  ImpactColor grid;
  ImpactColor classes[IMPACT_N_SOCIAL_CLASSES];
} ImpactPalette;

const ImpactPalette *impact_palette_get      (ImpactPaletteVariant variant);
void                 impact_color_set_source (cairo_t            *cr,
                                              const ImpactColor  *color,
                                              double              alpha);
double               impact_color_contrast   (const ImpactColor  *a,
                                              const ImpactColor  *b);

G_END_DECLS
