/* impact-mapping.h: which column of an export holds which field
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "impact-parse.h"
#include "impact-reader.h"
#include "model/impact-social-class.h"

G_BEGIN_DECLS

typedef enum
{
  IMPACT_FIELD_IGNORE = 0,
  IMPACT_FIELD_INVOICE_DATE,
  IMPACT_FIELD_POSTING_DATE,
  IMPACT_FIELD_INVOICE_NUMBER,
  IMPACT_FIELD_SUPPLIER_NAME,
  IMPACT_FIELD_SUPPLIER_KVK,
  IMPACT_FIELD_SUPPLIER_VAT_ID,
  IMPACT_FIELD_SUPPLIER_ERP_ID,
  IMPACT_FIELD_AMOUNT,
  IMPACT_FIELD_VAT,
  IMPACT_FIELD_AMOUNT_INCL,
  IMPACT_FIELD_CREDIT,
  IMPACT_FIELD_DEBIT_CREDIT,
  IMPACT_FIELD_CURRENCY,
  IMPACT_FIELD_DIVISION,
  IMPACT_FIELD_COST_CENTRE,
  IMPACT_FIELD_OBJECT,
  IMPACT_FIELD_GL_ACCOUNT,
  IMPACT_FIELD_CATEGORY,
  IMPACT_FIELD_DESCRIPTION,
  IMPACT_FIELD_STATUS_KIND,
  IMPACT_FIELD_VALID_FROM,
  IMPACT_FIELD_VALID_UNTIL,
  IMPACT_FIELD_CERTIFYING_BODY,
  IMPACT_FIELD_EVIDENCE,
  IMPACT_FIELD_NOTE,
  IMPACT_FIELD_DIVISION_NAME,
  IMPACT_FIELD_OBJECT_NAME,
  IMPACT_FIELD_CLIENT,
  IMPACT_FIELD_CONTRACT_VALUE,
  IMPACT_FIELD_CONTRACT_START,
  IMPACT_FIELD_CONTRACT_END,
  /* A certificate register may also give what the PSO estimate needs. */
  IMPACT_FIELD_TURNOVER,
  IMPACT_FIELD_FTE,
  IMPACT_FIELD_DIRECT_SHARE,
} ImpactField;

#define IMPACT_N_FIELDS (IMPACT_FIELD_DIRECT_SHARE + 1)

/* What an import brings in: purchase lines, the supplier certificate register, or the
 * organisation (divisions and objects with their contracts). */
typedef enum
{
  IMPACT_IMPORT_PURCHASES,
  IMPACT_IMPORT_SUPPLIERS,
  IMPACT_IMPORT_ORGANISATION,
} ImpactImportTarget;

/* A mapping for purchase lines: a field per column, and what the file leaves out. */
typedef struct
{
  ImpactImportTarget      target;
  GPtrArray              *headers;
  GArray                 *fields;
  char                   *division_code;
  ImpactDecimalSeparator  decimal;
  ImpactDateOrder         date_order;
} ImpactMapping;

const char    *impact_field_to_code          (ImpactField         field);
gboolean       impact_field_from_code        (const char         *code,
                                              ImpactField        *field);
const char    *impact_field_to_string        (ImpactField         field);
ImpactField    impact_field_for_header       (const char         *header);

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
guint          impact_header_score           (const ImpactRow    *row);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ImpactMapping, impact_mapping_free)

G_END_DECLS
