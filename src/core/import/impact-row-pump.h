/* impact-row-pump.h: a reader's rows, read ahead on a second thread
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "impact-reader.h"

G_BEGIN_DECLS

typedef struct _ImpactRowPump ImpactRowPump;

/* Called on the pump's thread for every row it reads. */
typedef void (*ImpactRowPrepareFunc) (ImpactRow *row,
                                      gpointer   user_data);

ImpactRowPump *impact_row_pump_new          (ImpactReader   *reader,
                                             ImpactRowPrepareFunc prepare,
                                             gpointer        user_data);
gboolean       impact_row_pump_next_rows    (ImpactRowPump  *self,
                                             ImpactRow *const **rows,
                                             guint          *n_rows,
                                             GError        **error);
double         impact_row_pump_get_fraction (ImpactRowPump  *self);
void           impact_row_pump_free         (ImpactRowPump  *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ImpactRowPump, impact_row_pump_free)

G_END_DECLS
