/* impact-query-error.h: what a query or a period can fail with
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define IMPACT_QUERY_ERROR (impact_query_error_quark ())

typedef enum
{
  IMPACT_QUERY_ERROR_PERIOD,
  IMPACT_QUERY_ERROR_NO_NODE,
} ImpactQueryError;

GQuark impact_query_error_quark (void);

G_END_DECLS
