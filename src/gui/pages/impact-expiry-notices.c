/* impact-expiry-notices.c: the banner and desktop notifications of certificates that end
 *
 * A certificate that ends takes the supplier's purchases out of the social spend from then
 * on, so the window says so: a banner while any of the group's certificates end within 30
 * days or ended in the last 30, and one desktop notification per certificate the user was
 * not told about before (one for all when there are more than three).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "impact-expiry-notices"

#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n-lib.h>

#include "impact-expiry-notices.h"
#include "model/impact-format.h"
#include "query/impact-impact-query.h"

/* The text of the banner over the dashboard while certificates of the group end within 30
 * days or ended in the last 30; NULL when none do. */
char *
impact_expiry_banner_text (guint n_ending,
                           guint n_ended)
{
  g_autofree char *ending = NULL;
  g_autofree char *ended = NULL;
  char *text;

  if (n_ending == 0 && n_ended == 0)
    return NULL;

  /* Translators: part of the banner, as in "3 certificates end within 30 days". */
  ending = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u certificate ends within %u days",
                                         "%u certificates end within %u days", n_ending),
                            n_ending, IMPACT_EXPIRY_WARNING_DAYS);
  /* Translators: part of the banner, as in "2 ended in the last 30 days". */
  ended = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u ended in the last %u days", "%u ended in the last %u days",
                                        n_ended),
                           n_ended, IMPACT_EXPIRY_WARNING_DAYS);
  if (n_ending > 0 && n_ended > 0)
    /* Translators: the banner: both parts, and what it means, as in "3 certificates end within 30 days and 2 ended in the last 30 days: ...". */
    text = g_strdup_printf (_ ("%s and %s: from then on purchases there no longer count as social."), ending, ended);
  else if (n_ending > 0)
    text = g_strdup_printf (_ ("%s: from then on purchases there no longer count as social."), ending);
  else
    /* Translators: the banner when certificates ended, as in "2 certificates ended in the last 30 days: ...". */
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "%u certificate ended in the last %u days: purchases there no longer count as social.",
                                         "%u certificates ended in the last %u days: purchases there no longer count as social.",
                                         n_ended),
                            n_ended, IMPACT_EXPIRY_WARNING_DAYS);
  return text;
}

/* A desktop notification for each certificate the user was not told about before; more
 * than three at once are told in one. */
void
impact_expiry_notify (GPtrArray *notices)
{
  GApplication *application = g_application_get_default ();
  guint32 today = impact_day_today ();

  if (notices == NULL || notices->len == 0 || application == NULL || !g_application_get_is_registered (application)
      || g_application_get_is_remote (application))
    return;

  if (notices->len > 3)
    {
      g_autoptr (GNotification) notification = g_notification_new (_ ("Certificates End Soon"));
      g_autofree char *body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                            "%u certificate of your suppliers ends within %u days or has just ended.",
                                                            "%u certificates of your suppliers end within %u days or have just ended.",
                                                            notices->len),
                                               notices->len, IMPACT_EXPIRY_WARNING_DAYS);

      g_notification_set_body (notification, body);
      g_application_send_notification (application, "expiry-summary", notification);
      return;
    }

  for (guint i = 0; i < notices->len; i++)
    {
      const ImpactExpiring *item = g_ptr_array_index (notices, i);
      g_autofree char *id = g_strdup_printf ("expiry-%" G_GINT64_FORMAT, item->status_id);
      g_autofree char *until = impact_format_day (item->valid_until);
      g_autofree char *money = impact_format_money (item->spend_at_risk_cents);
      g_autofree char *title = NULL;
      g_autofree char *body = NULL;
      g_autoptr (GNotification) notification = NULL;

      if (item->valid_until < today)
        /* Translators: a notification's title, as in "The PSO level 2 status of Jansen B.V. has ended". */
        title = g_strdup_printf (_ ("The %s status of %s has ended"), impact_social_class_to_string (item->kind), item->supplier);
      else
        /* Translators: a notification's title, as in "The PSO level 2 status of Jansen B.V. ends soon". */
        title = g_strdup_printf (_ ("The %s status of %s ends soon"), impact_social_class_to_string (item->kind), item->supplier);
      /* Translators: a notification's text, as in "Valid until 31 May 2026; EUR 12,345.00 was bought there in the last 12 months." */
      body = g_strdup_printf (_ ("Valid until %s; %s was bought there in the last 12 months."), until, money);
      notification = g_notification_new (title);
      g_notification_set_body (notification, body);
      g_application_send_notification (application, id, notification);
    }
}
