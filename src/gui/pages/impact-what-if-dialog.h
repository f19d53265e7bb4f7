/* impact-what-if-dialog.h: what moving part of a supplier's spend elsewhere would do
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "query/impact-impact-query.h"

G_BEGIN_DECLS

#define IMPACT_TYPE_WHAT_IF_DIALOG (impact_what_if_dialog_get_type ())

G_DECLARE_FINAL_TYPE (ImpactWhatIfDialog, impact_what_if_dialog, IMPACT, WHAT_IF_DIALOG, AdwWindow)

ImpactWhatIfDialog *impact_what_if_dialog_new    (GtkWindow          *parent,
                                                  ImpactStore        *store,
                                                  const ImpactNode   *node,
                                                  const ImpactPeriod *period);
const ImpactWhatIf *impact_what_if_dialog_update (ImpactWhatIfDialog *self);

G_END_DECLS
