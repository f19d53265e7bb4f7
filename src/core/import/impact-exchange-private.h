/* impact-exchange-private.h: what the files reading an exchange document share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "impact-exchange.h"

G_BEGIN_DECLS

/* One document being loaded: the store, the summary being filled in, the batch, and the
 * units and suppliers by the document's codes and ids. */
typedef struct
{
  ImpactStore *store;
  ImpactImportSummary *summary;
  gint64 batch_id;
  GHashTable *units;
  GHashTable *suppliers;
} Exchange;

const char *_impact_exchange_get_string      (JsonObject       *object,
                                              const char       *member);
JsonArray * _impact_exchange_get_array       (JsonObject       *object,
                                              const char       *member,
                                              const char       *where,
                                              gboolean          required,
                                              GError          **error);
void        _impact_exchange_reject          (Exchange         *ex,
                                              const char       *list,
                                              guint             index,
                                              const char       *member,
                                              char             *message);
gboolean    _impact_exchange_get_day         (Exchange         *ex,
                                              JsonObject       *object,
                                              const char       *list,
                                              guint             index,
                                              const char       *member,
                                              guint32          *day);
gint64      _impact_exchange_unit_id         (Exchange         *ex,
                                              ImpactNodeLevel   level,
                                              const char       *code);
int         _impact_exchange_level_from_code (const char       *code);
double      _impact_exchange_get_double      (JsonObject       *object,
                                              const char       *member,
                                              double            fallback);
gint64      _impact_exchange_get_int         (JsonObject       *object,
                                              const char       *member,
                                              gint64            fallback);
gboolean    _impact_exchange_refused         (Exchange         *ex,
                                              const char       *list,
                                              guint             index,
                                              const char       *member,
                                              GError          **local_error,
                                              GError          **error);
gboolean _impact_exchange_load_settings (Exchange    *ex,
                                         JsonObject  *root,
                                         GError     **error);

G_END_DECLS
