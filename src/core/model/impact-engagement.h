/* impact-engagement.h: moving suppliers towards a certificate (ketenstimulering), and the
 * letters that ask them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "impact-social-class.h"

G_BEGIN_DECLS

typedef enum
{
  IMPACT_ENGAGEMENT_NOT_CONTACTED = 0,
  IMPACT_ENGAGEMENT_ASKED,
  IMPACT_ENGAGEMENT_PATH_AGREED,
  IMPACT_ENGAGEMENT_IN_AUDIT,
  IMPACT_ENGAGEMENT_CERTIFIED,
  IMPACT_ENGAGEMENT_DECLINED,
} ImpactEngagementStatus;

#define IMPACT_N_ENGAGEMENT_STATUSES (IMPACT_ENGAGEMENT_DECLINED + 1)

/* Where a supplier stands; a day of 0 is no target date. */
typedef struct
{
  gint64                  supplier_id;
  ImpactEngagementStatus  status;
  guint32                 target_day;
  char                   *contact;
  char                   *notes;
} ImpactEngagement;

/* One step in a supplier's engagement history. */
typedef struct
{
  gint64                  id;
  guint32                 day;
  ImpactEngagementStatus  status;
  char                   *note;
} ImpactEngagementEvent;

typedef enum
{
  /* Ask a supplier to obtain the PSO mark. */
  IMPACT_LETTER_ASK_PSO = 0,
  /* Propose a path to certification. */
  IMPACT_LETTER_AGREE_PATH,
  /* Confirm a path agreed. */
  IMPACT_LETTER_CONFIRM_PATH,
} ImpactLetterKind;

#define IMPACT_N_LETTER_KINDS (IMPACT_LETTER_CONFIRM_PATH + 1)

/* What a letter's merge fields are filled with. */
typedef struct
{
  const char *supplier;
  const char *contact;
  const char *group;
  const char *division;
  const char *requested_step;
  gint64      spend_cents;
  guint32     target_day;
  guint32     today;
} ImpactLetterFields;

const char *impact_engagement_status_to_code   (ImpactEngagementStatus  status);
gboolean    impact_engagement_status_from_code (const char             *code,
                                                ImpactEngagementStatus *status);
const char *impact_engagement_status_to_string (ImpactEngagementStatus  status);
gboolean    impact_engagement_is_overdue       (const ImpactEngagement *engagement,
                                                guint32                 today);
void        impact_engagement_clear            (ImpactEngagement       *engagement);
void        impact_engagement_event_free       (ImpactEngagementEvent  *event);

const char *impact_letter_kind_to_code         (ImpactLetterKind        kind);
const char *impact_letter_kind_to_string       (ImpactLetterKind        kind);
const char *impact_letter_default_template     (ImpactLetterKind        kind,
                                                const char             *language);
const char *const *impact_letter_get_fields    (void);
char       *impact_letter_format_money         (gint64                  cents,
                                                const char             *language);
char       *impact_letter_format_day           (guint32                 day,
                                                const char             *language);
const char *impact_letter_step_name            (ImpactSocialClass       klass,
                                                const char             *language);
char       *impact_letter_merge                (const char             *template_text,
                                                const char             *language,
                                                const ImpactLetterFields *fields);

G_END_DECLS
