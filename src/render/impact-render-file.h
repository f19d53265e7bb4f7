/* impact-render-file.h: finishing a cairo surface that writes a file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <gio/gio.h>

G_BEGIN_DECLS

gboolean impact_render_finish_file (cairo_surface_t  *surface,
                                    const char       *path,
                                    GError          **error);

G_END_DECLS
