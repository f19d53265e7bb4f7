/* impact-query-error.c: what a query or a period can fail with
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "impact-query-error.h"

G_DEFINE_QUARK (impact - query - error - quark, impact_query_error)
