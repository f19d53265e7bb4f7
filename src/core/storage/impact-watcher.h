/* impact-watcher.h: changes that colleagues commit to a shared database, as they come
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum
{
  IMPACT_CHANGE_EDIT,
  IMPACT_CHANGE_IMPORT,
  IMPACT_CHANGE_UNDO,
} ImpactChangeKind;

/* One committed change: who (the login role), on which connection (impact_db_get_session();
 * 0 if the server did not say), and what. */
typedef struct
{
  char *role;
  gint64 session;
  ImpactChangeKind kind;
} ImpactChange;

void impact_change_free (ImpactChange *change);

#define IMPACT_TYPE_WATCHER (impact_watcher_get_type ())

G_DECLARE_FINAL_TYPE (ImpactWatcher, impact_watcher, IMPACT, WATCHER, GObject)

gboolean       impact_watcher_can_watch (const char     *location);
ImpactWatcher *impact_watcher_new       (const char     *location,
                                         GError        **error);
int            impact_watcher_get_fd    (ImpactWatcher  *self);
const char    *impact_watcher_get_role  (ImpactWatcher  *self);
GPtrArray     *impact_watcher_read      (ImpactWatcher  *self,
                                         GError        **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ImpactChange, impact_change_free)

G_END_DECLS
