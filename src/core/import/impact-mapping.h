/* impact-mapping.h: which column of an export holds which field
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "impact-field.h"
#include "impact-parse.h"
#include "impact-reader.h"
#include "model/impact-social-class.h"

G_BEGIN_DECLS

/* A mapping for purchase lines: a field per column, and what the file leaves out. */
typedef struct
{
  ImpactImportTarget      target;
  GPtrArray              *headers;
  GArray                 *fields;
  /* ImpactColumnMatch: why each column has its field. */
  GArray                 *matches;
  char                   *division_code;
  ImpactDecimalSeparator  decimal;
  ImpactDateOrder         date_order;
} ImpactMapping;

const char    *impact_field_to_code          (ImpactField         field);
gboolean       impact_field_from_code        (const char         *code,
                                              ImpactField        *field);
const char    *impact_field_to_string        (ImpactField         field);

ImpactMapping *impact_mapping_new_for_header (const ImpactRow    *header,
                                              ImpactImportTarget  target);
gboolean       impact_field_is_for_target    (ImpactField         field,
                                              ImpactImportTarget  target);
const char    *impact_import_target_to_code  (ImpactImportTarget  target);
gboolean       impact_import_target_from_code (const char        *code,
                                              ImpactImportTarget *target);
gboolean       impact_parse_status_kind      (const char         *text,
                                              ImpactSocialClass  *kind);
void           impact_mapping_free           (ImpactMapping      *mapping);
int            impact_mapping_find           (const ImpactMapping *mapping,
                                              ImpactField         field);
gboolean       impact_mapping_check          (const ImpactMapping *mapping,
                                              GError            **error);
char          *impact_mapping_to_json        (const ImpactMapping *mapping,
                                              gboolean            pretty);
gboolean       impact_mapping_apply_json     (ImpactMapping      *mapping,
                                              const char         *json,
                                              GError            **error);
char          *impact_mapping_get_signature  (const ImpactMapping *mapping);
void           impact_mapping_set_field      (ImpactMapping      *mapping,
                                              guint               column,
                                              ImpactField         field,
                                              ImpactMatchReason   reason);
const ImpactColumnMatch *impact_mapping_get_match (const ImpactMapping *mapping,
                                              guint               column);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ImpactMapping, impact_mapping_free)

G_END_DECLS
