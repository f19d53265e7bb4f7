/* impact-row-queue.h: rows a streaming reader has built and not yet handed out
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "impact-reader.h"

G_BEGIN_DECLS

typedef struct _ImpactRowQueue ImpactRowQueue;

ImpactRowQueue *impact_row_queue_new      (void);
void            impact_row_queue_free     (ImpactRowQueue *queue);
void            impact_row_queue_clear    (ImpactRowQueue *queue);
ImpactRow      *impact_row_queue_building (ImpactRowQueue *queue);
void            impact_row_queue_push     (ImpactRowQueue *queue,
                                           guint           repeat);
gboolean        impact_row_queue_pop      (ImpactRowQueue *queue,
                                           ImpactRow      *row);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ImpactRowQueue, impact_row_queue_free)

G_END_DECLS
