/* impact-field.h: the fields an import can take from a column, and what is imported
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

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
  /* An organisation file may give each contract its social-return obligation. */
  IMPACT_FIELD_SROI_PERCENT,
  IMPACT_FIELD_SROI_FIXED,
  IMPACT_FIELD_SROI_CAP,
  IMPACT_FIELD_SROI_RULE_SET,
} ImpactField;

#define IMPACT_N_FIELDS (IMPACT_FIELD_SROI_RULE_SET + 1)

/* What an import brings in: purchase lines, the supplier certificate register, or the
 * organisation (divisions and objects with their contracts). */
typedef enum
{
  IMPACT_IMPORT_PURCHASES,
  IMPACT_IMPORT_SUPPLIERS,
  IMPACT_IMPORT_ORGANISATION,
} ImpactImportTarget;

/* Why a column was taken for its field (ImpactColumnMatch). */
typedef enum
{
  /* Nothing fits: the column is ignored. */
  IMPACT_MATCH_NONE,
  /* Its name says so, and its values agree (or the sample has none). */
  IMPACT_MATCH_NAME,
  /* Its values alone: the name does not say. */
  IMPACT_MATCH_VALUES,
  /* Of two columns for one division, object or supplier, the one with codes... */
  IMPACT_MATCH_CODE,
  /* ...and the other one, with names. */
  IMPACT_MATCH_NAME_OF_CODE,
  /* As a saved mapping, or the one remembered for these columns, says. */
  IMPACT_MATCH_SAVED,
  /* As the user chose. */
  IMPACT_MATCH_USER,
} ImpactMatchReason;

typedef struct
{
  ImpactMatchReason reason;
  /* A guess the user should confirm: another column fits as well, or only the values said,
   * or the values do not look like the field at all. */
  gboolean          uncertain;
  /* The name says the field but the values do not look like it. */
  gboolean          values_disagree;
  /* Another column that fits the field as well, or -1. */
  int               rival;
  /* For an ignored column, the field its name suggested (taken by another column, or not
   * one of what is imported); IGNORE when the name suggested nothing. */
  ImpactField       suggested;
} ImpactColumnMatch;

G_END_DECLS
