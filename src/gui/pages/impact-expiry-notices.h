/* impact-expiry-notices.h: the banner and desktop notifications of certificates that end
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Certificates ending within this many days, or ended as many days ago, are announced in a
 * banner and a desktop notification. */
#define IMPACT_EXPIRY_WARNING_DAYS 30

char *impact_expiry_banner_text (guint      n_ending,
                                 guint      n_ended);
void  impact_expiry_notify      (GPtrArray *notices);

G_END_DECLS
