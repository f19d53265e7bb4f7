/* impact-zip.h: a spreadsheet's zip archive and its members
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gsf/gsf.h>

G_BEGIN_DECLS

/* No part of a spreadsheet may unpack to more than this: a zip bomb stops here. */
#define IMPACT_ZIP_MAX_PART_BYTES (G_GINT64_CONSTANT (512) * 1024 * 1024)

GsfInfile *impact_zip_open        (const char  *path,
                                   GError     **error);
GsfInfile *impact_zip_open_bytes  (GBytes      *bytes,
                                   const char  *name,
                                   GError     **error);
GsfInput  *impact_zip_open_member (GsfInfile   *zip,
                                   const char  *member);

/* libgsf 1.14 declares no cleanup functions of its own. */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GsfInput, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GsfInfile, g_object_unref)

G_END_DECLS
