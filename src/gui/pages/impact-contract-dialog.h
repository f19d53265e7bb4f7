/* impact-contract-dialog.h: the dialog that edits a contract and its social-return obligation
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "query/impact-impact-query.h"
#include "storage/impact-store.h"

G_BEGIN_DECLS

void impact_contract_dialog_present (GtkWidget           *parent,
                                     ImpactStore         *store,
                                     const ImpactSroiRow *row);

G_END_DECLS
