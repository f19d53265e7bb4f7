/* impact-task-progress.h: progress from a GTask's worker thread to its main context
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef void (*ImpactProgressFunc) (double   fraction,
                                    gpointer user_data);

void impact_task_set_progress    (GTask              *task,
                                  ImpactProgressFunc  func,
                                  gpointer            data,
                                  GDestroyNotify      destroy);
void impact_task_report_progress (double              fraction,
                                  gpointer            task);

G_END_DECLS
