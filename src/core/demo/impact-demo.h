/* impact-demo.h: a believable, deterministic demo group
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "storage/impact-store.h"

G_BEGIN_DECLS

/* The generator draws from this seed, so the same reference day gives the same data. */
#define IMPACT_DEMO_SEED 20240601

char     *impact_demo_get_default_path (void);
gboolean  impact_demo_write            (ImpactStore         *store,
                                        guint32              reference_day,
                                        GCancellable        *cancellable,
                                        ImpactProgressFunc   progress,
                                        gpointer             progress_data,
                                        GError             **error);
void      impact_demo_write_async      (const char          *path,
                                        guint32              reference_day,
                                        GCancellable        *cancellable,
                                        ImpactProgressFunc   progress,
                                        gpointer             progress_data,
                                        GDestroyNotify       progress_data_destroy,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data);
gboolean  impact_demo_write_finish     (GAsyncResult        *result,
                                        GError             **error);

G_END_DECLS
