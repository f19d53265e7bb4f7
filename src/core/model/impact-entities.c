/* impact-entities.c: the records the store keeps
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "impact-entities"

#include "config.h"

#include <string.h>

#include "impact-entities.h"

G_DEFINE_BOXED_TYPE (ImpactNode, impact_node, impact_node_copy, impact_node_free)
G_DEFINE_BOXED_TYPE (ImpactSupplier, impact_supplier, impact_supplier_copy, impact_supplier_free)
G_DEFINE_BOXED_TYPE (ImpactStatus, impact_status, impact_status_copy, impact_status_free)
G_DEFINE_BOXED_TYPE (ImpactBatch, impact_batch, impact_batch_copy, impact_batch_free)

ImpactNode *
impact_node_new (ImpactNodeLevel level,
                 const char *code,
                 const char *name)
{
  ImpactNode *node = g_new0 (ImpactNode, 1);

  node->level = level;
  node->code = g_strdup (code);
  node->name = g_strdup (name);
  node->contract_value_cents = -1;

  return node;
}

ImpactNode *
impact_node_copy (const ImpactNode *node)
{
  ImpactNode *copy;

  g_return_val_if_fail (node != NULL, NULL);

  copy = g_memdup2 (node, sizeof *node);
  copy->code = g_strdup (node->code);
  copy->name = g_strdup (node->name);
  copy->client = g_strdup (node->client);

  return copy;
}

void
impact_node_free (ImpactNode *node)
{
  if (node == NULL)
    return;

  g_free (node->code);
  g_free (node->name);
  g_free (node->client);
  g_free (node);
}

ImpactSupplier *
impact_supplier_new (const char *name)
{
  ImpactSupplier *supplier = g_new0 (ImpactSupplier, 1);

  supplier->name = g_strdup (name);

  return supplier;
}

ImpactSupplier *
impact_supplier_copy (const ImpactSupplier *supplier)
{
  ImpactSupplier *copy;

  g_return_val_if_fail (supplier != NULL, NULL);

  copy = g_memdup2 (supplier, sizeof *supplier);
  copy->name = g_strdup (supplier->name);
  copy->kvk = g_strdup (supplier->kvk);
  copy->vat_id = g_strdup (supplier->vat_id);
  copy->erp_id = g_strdup (supplier->erp_id);

  return copy;
}

void
impact_supplier_free (ImpactSupplier *supplier)
{
  if (supplier == NULL)
    return;

  g_free (supplier->name);
  g_free (supplier->kvk);
  g_free (supplier->vat_id);
  g_free (supplier->erp_id);
  g_free (supplier);
}

ImpactStatus *
impact_status_new (gint64 supplier_id,
                   ImpactSocialClass kind,
                   guint32 valid_from,
                   guint32 valid_until)
{
  ImpactStatus *status = g_new0 (ImpactStatus, 1);

  status->supplier_id = supplier_id;
  status->kind = kind;
  status->valid_from = valid_from;
  status->valid_until = valid_until;

  return status;
}

ImpactStatus *
impact_status_copy (const ImpactStatus *status)
{
  ImpactStatus *copy;

  g_return_val_if_fail (status != NULL, NULL);

  copy = g_memdup2 (status, sizeof *status);
  copy->certifying_body = g_strdup (status->certifying_body);
  copy->evidence = g_strdup (status->evidence);
  copy->note = g_strdup (status->note);

  return copy;
}

void
impact_status_free (ImpactStatus *status)
{
  if (status == NULL)
    return;

  g_free (status->certifying_body);
  g_free (status->evidence);
  g_free (status->note);
  g_free (status);
}

ImpactBatch *
impact_batch_new (const char *file_name,
                  const char *target)
{
  ImpactBatch *batch = g_new0 (ImpactBatch, 1);

  batch->file_name = g_strdup (file_name);
  batch->target = g_strdup (target);

  return batch;
}

ImpactBatch *
impact_batch_copy (const ImpactBatch *batch)
{
  ImpactBatch *copy;

  g_return_val_if_fail (batch != NULL, NULL);

  copy = g_memdup2 (batch, sizeof *batch);
  copy->file_name = g_strdup (batch->file_name);
  copy->content_hash = g_strdup (batch->content_hash);
  copy->target = g_strdup (batch->target);
  copy->mapping = g_strdup (batch->mapping);

  return copy;
}

void
impact_batch_free (ImpactBatch *batch)
{
  if (batch == NULL)
    return;

  g_free (batch->file_name);
  g_free (batch->content_hash);
  g_free (batch->target);
  g_free (batch->mapping);
  g_free (batch);
}

/* Legal forms say nothing about which company it is: "Jansen B.V." is "Jansen". */
static const char *const legal_forms[] = {
  "bv",
  "nv",
  "vof",
  "cv",
  "bvba",
  "gmbh",
  "ltd",
  "inc",
  "sa",
  "ua",
  "ba",
};

static gboolean
is_legal_form (const char *token)
{
  for (guint i = 0; i < G_N_ELEMENTS (legal_forms); i++)
    if (g_str_equal (token, legal_forms[i]))
      return TRUE;

  return FALSE;
}

static gboolean
other_number (const char *given,
              const char *stored)
{
  return given != NULL && *given != '\0' && stored != NULL && !g_str_equal (given, stored);
}

/* Whether @supplier has a KvK number, VAT id or ERP number other than one given: then it
 * is another company, whatever its name. */
gboolean
impact_supplier_has_other_number (const ImpactSupplier *supplier,
                                  const char *kvk,
                                  const char *vat_id,
                                  const char *erp_id)
{
  g_return_val_if_fail (supplier != NULL, FALSE);

  return other_number (kvk, supplier->kvk) || other_number (vat_id, supplier->vat_id)
         || other_number (erp_id, supplier->erp_id);
}

/* Folds case, accents, punctuation and legal forms so that "Bakker & Zn. B.V." and
 * "BAKKER ZN BV" compare equal. */
char *
impact_supplier_normalize_name (const char *name)
{
  g_autofree char *ascii = NULL;
  g_auto (GStrv) tokens = NULL;
  GString *out;
  char *w;

  g_return_val_if_fail (name != NULL, NULL);

  ascii = g_str_to_ascii (name, "C");
  w = ascii;
  for (const char *r = ascii; *r != '\0'; r++)
    {
      if (*r == '.')
        continue;
      *w++ = g_ascii_isalnum (*r) ? g_ascii_tolower (*r) : ' ';
    }
  *w = '\0';

  tokens = g_strsplit (ascii, " ", -1);
  out = g_string_new (NULL);
  for (guint i = 0; tokens[i] != NULL; i++)
    {
      if (*tokens[i] == '\0' || is_legal_form (tokens[i]))
        continue;
      if (out->len > 0)
        g_string_append_c (out, ' ');
      g_string_append (out, tokens[i]);
    }

  return g_string_free (out, FALSE);
}

gboolean
impact_kvk_is_valid (const char *kvk)
{
  if (kvk == NULL || strlen (kvk) != 8)
    return FALSE;

  for (guint i = 0; i < 8; i++)
    if (!g_ascii_isdigit (kvk[i]))
      return FALSE;

  return TRUE;
}
