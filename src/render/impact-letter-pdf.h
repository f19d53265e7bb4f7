/* impact-letter-pdf.h: a letter as an A4 PDF
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

gboolean impact_letter_write_pdf (const char  *text,
                                  const char  *path,
                                  GError     **error);

G_END_DECLS
