/* impact-engagement.c: moving suppliers towards a certificate (ketenstimulering), and the
 * letters that ask them
 *
 * Letters are written in the language chosen for the letter (Dutch or English), whatever
 * the language of the application: their templates, amounts and dates are that language's,
 * not the locale's.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "impact-engagement.h"

static const char *const status_codes[] = {
  "not-contacted",
  "asked",
  "path-agreed",
  "in-audit",
  "certified",
  "declined",
};

const char *
impact_engagement_status_to_code (ImpactEngagementStatus status)
{
  g_return_val_if_fail (status < IMPACT_N_ENGAGEMENT_STATUSES, status_codes[0]);

  return status_codes[status];
}

gboolean
impact_engagement_status_from_code (const char *code,
                                    ImpactEngagementStatus *status)
{
  for (guint i = 0; i < G_N_ELEMENTS (status_codes); i++)
    if (g_strcmp0 (code, status_codes[i]) == 0)
      {
        *status = i;
        return TRUE;
      }
  return FALSE;
}

const char *
impact_engagement_status_to_string (ImpactEngagementStatus status)
{
  switch (status)
    {
    case IMPACT_ENGAGEMENT_ASKED:
      return C_ ("engagement", "Asked");
    case IMPACT_ENGAGEMENT_PATH_AGREED:
      return C_ ("engagement", "Path agreed");
    case IMPACT_ENGAGEMENT_IN_AUDIT:
      return C_ ("engagement", "In audit");
    case IMPACT_ENGAGEMENT_CERTIFIED:
      return C_ ("engagement", "Certified");
    case IMPACT_ENGAGEMENT_DECLINED:
      return C_ ("engagement", "Declined");
    case IMPACT_ENGAGEMENT_NOT_CONTACTED:
    default:
      return C_ ("engagement", "Not contacted");
    }
}

/* A target date that has passed while the supplier is still on its way. */
gboolean
impact_engagement_is_overdue (const ImpactEngagement *engagement,
                              guint32 today)
{
  g_return_val_if_fail (engagement != NULL, FALSE);

  return engagement->target_day != 0 && today > engagement->target_day
         && engagement->status != IMPACT_ENGAGEMENT_CERTIFIED && engagement->status != IMPACT_ENGAGEMENT_DECLINED;
}

void
impact_engagement_clear (ImpactEngagement *engagement)
{
  g_return_if_fail (engagement != NULL);

  g_clear_pointer (&engagement->contact, g_free);
  g_clear_pointer (&engagement->notes, g_free);
}

void
impact_engagement_event_free (ImpactEngagementEvent *event)
{
  if (event == NULL)
    return;
  g_free (event->note);
  g_free (event);
}

static const char *const kind_codes[] = { "ask-pso", "agree-path", "confirm-path" };

const char *
impact_letter_kind_to_code (ImpactLetterKind kind)
{
  g_return_val_if_fail (kind < IMPACT_N_LETTER_KINDS, kind_codes[0]);

  return kind_codes[kind];
}

const char *
impact_letter_kind_to_string (ImpactLetterKind kind)
{
  switch (kind)
    {
    case IMPACT_LETTER_AGREE_PATH:
      return _ ("Agree a path to certification");
    case IMPACT_LETTER_CONFIRM_PATH:
      return _ ("Confirm an agreed path");
    case IMPACT_LETTER_ASK_PSO:
    default:
      return _ ("Ask for the PSO mark");
    }
}

/* The fields a template may use, each written {name} in it. */
const char *const *
impact_letter_get_fields (void)
{
  static const char *const fields[] = {
    "supplier",
    "contact",
    "group",
    "division",
    "spend",
    "step",
    "target_date",
    "date",
    NULL,
  };

  return fields;
}

static const char *const templates_nl[] = {
  "{group}\n"
  "{date}\n"
  "\n"
  "Aan {supplier}\n"
  "\n"
  "Betreft: verzoek om het PSO-keurmerk\n"
  "\n"
  "Geachte {contact},\n"
  "\n"
  "{division} van {group} kocht de afgelopen twaalf maanden voor {spend} bij {supplier} in. Wij "
  "waarderen die samenwerking, en wij willen met onze inkoop bijdragen aan werk voor mensen met een "
  "afstand tot de arbeidsmarkt.\n"
  "\n"
  "Daarom vragen wij u het keurmerk van de Prestatieladder Socialer Ondernemen (PSO) te behalen, ten "
  "minste {step}. Met een PSO-certificaat telt uw levering mee voor de social-returnverplichtingen in "
  "onze contracten en voor onze eigen PSO-score.\n"
  "\n"
  "Wij stellen voor dat u het certificaat vóór {target_date} behaalt, en bespreken graag met u wat "
  "daarvoor nodig is.\n"
  "\n"
  "Met vriendelijke groet,\n"
  "\n"
  "{division}\n"
  "{group}\n",

  "{group}\n"
  "{date}\n"
  "\n"
  "Aan {supplier}\n"
  "\n"
  "Betreft: voorstel voor een traject naar PSO-certificering\n"
  "\n"
  "Geachte {contact},\n"
  "\n"
  "{division} van {group} kocht de afgelopen twaalf maanden voor {spend} bij {supplier} in. Graag "
  "maken wij met u afspraken over een traject naar het keurmerk van de Prestatieladder Socialer "
  "Ondernemen (PSO), ten minste {step}.\n"
  "\n"
  "Wij stellen de volgende stappen voor:\n"
  "1. een nulmeting van uw huidige sociale bijdrage;\n"
  "2. een plan met de maatregelen die nodig zijn voor {step};\n"
  "3. de audit door een erkende certificerende instelling, vóór {target_date}.\n"
  "\n"
  "Wij denken graag mee, en horen van u of dit traject haalbaar is.\n"
  "\n"
  "Met vriendelijke groet,\n"
  "\n"
  "{division}\n"
  "{group}\n",

  "{group}\n"
  "{date}\n"
  "\n"
  "Aan {supplier}\n"
  "\n"
  "Betreft: bevestiging van het afgesproken traject naar PSO-certificering\n"
  "\n"
  "Geachte {contact},\n"
  "\n"
  "Hierbij bevestigen wij de afspraak die {division} van {group} met {supplier} heeft gemaakt: u "
  "behaalt vóór {target_date} het keurmerk van de Prestatieladder Socialer Ondernemen, ten minste "
  "{step}.\n"
  "\n"
  "Wij volgen de voortgang graag met u, en horen het als u daarbij hulp nodig heeft.\n"
  "\n"
  "Met vriendelijke groet,\n"
  "\n"
  "{division}\n"
  "{group}\n",
};

static const char *const templates_en[] = {
  "{group}\n"
  "{date}\n"
  "\n"
  "To {supplier}\n"
  "\n"
  "Subject: request to obtain the PSO mark\n"
  "\n"
  "Dear {contact},\n"
  "\n"
  "In the last twelve months, {division} of {group} bought {spend} from {supplier}. We value "
  "working with you, and we want our purchasing to create work for people who are distant from the "
  "labour market.\n"
  "\n"
  "We therefore ask you to obtain the mark of the Prestatieladder Socialer Ondernemen (PSO), at "
  "least {step}. With a PSO certificate, your deliveries count towards the social-return "
  "obligations in our contracts and towards our own PSO score.\n"
  "\n"
  "We propose that you obtain the certificate before {target_date}, and we would be glad to discuss "
  "what it takes.\n"
  "\n"
  "Kind regards,\n"
  "\n"
  "{division}\n"
  "{group}\n",

  "{group}\n"
  "{date}\n"
  "\n"
  "To {supplier}\n"
  "\n"
  "Subject: a proposed path to PSO certification\n"
  "\n"
  "Dear {contact},\n"
  "\n"
  "In the last twelve months, {division} of {group} bought {spend} from {supplier}. We would like "
  "to agree with you on a path to the mark of the Prestatieladder Socialer Ondernemen (PSO), at "
  "least {step}.\n"
  "\n"
  "We propose these steps:\n"
  "1. a baseline of your current social contribution;\n"
  "2. a plan with the measures {step} requires;\n"
  "3. the audit by an accredited certification body, before {target_date}.\n"
  "\n"
  "We are glad to help, and look forward to hearing whether this path is feasible for you.\n"
  "\n"
  "Kind regards,\n"
  "\n"
  "{division}\n"
  "{group}\n",

  "{group}\n"
  "{date}\n"
  "\n"
  "To {supplier}\n"
  "\n"
  "Subject: confirmation of the agreed path to PSO certification\n"
  "\n"
  "Dear {contact},\n"
  "\n"
  "We hereby confirm what {division} of {group} agreed with {supplier}: you will obtain the mark of "
  "the Prestatieladder Socialer Ondernemen, at least {step}, before {target_date}.\n"
  "\n"
  "We will gladly follow the progress with you; do let us know if you need help along the way.\n"
  "\n"
  "Kind regards,\n"
  "\n"
  "{division}\n"
  "{group}\n",
};

static gboolean
is_dutch (const char *language)
{
  return g_strcmp0 (language, "nl") == 0;
}

/* The built-in template of @kind in @language ("nl" or "en"). */
const char *
impact_letter_default_template (ImpactLetterKind kind,
                                const char *language)
{
  g_return_val_if_fail (kind < IMPACT_N_LETTER_KINDS, NULL);

  return is_dutch (language) ? templates_nl[kind] : templates_en[kind];
}

/* An amount as a letter in @language writes it: "€ 12.345,67" or "EUR 12,345.67" (with a
 * no-break space). */
char *
impact_letter_format_money (gint64 cents,
                            const char *language)
{
  gboolean dutch = is_dutch (language);
  guint64 magnitude = cents < 0 ? (guint64) (-(cents + 1)) + 1 : (guint64) cents;
  g_autofree char *digits = g_strdup_printf ("%" G_GUINT64_FORMAT, magnitude / 100);
  /* A no-break space keeps the currency with the amount. */
  g_autoptr (GString) text = g_string_new (dutch ? "€\u00a0" : "EUR\u00a0");
  gsize n = strlen (digits);

  if (cents < 0)
    g_string_append_c (text, '-');
  for (gsize i = 0; i < n; i++)
    {
      if (i > 0 && (n - i) % 3 == 0)
        g_string_append_c (text, dutch ? '.' : ',');
      g_string_append_c (text, digits[i]);
    }
  g_string_append_printf (text, "%c%02u", dutch ? ',' : '.', (guint) (magnitude % 100));

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* A date as a letter in @language writes it: "22 november 2026" or "22 November 2026". */
char *
impact_letter_format_day (guint32 day,
                          const char *language)
{
  static const char *const months_nl[] = { "januari", "februari", "maart", "april", "mei", "juni",
                                           "juli", "augustus", "september", "oktober", "november", "december" };
  static const char *const months_en[] = { "January", "February", "March", "April", "May", "June",
                                           "July", "August", "September", "October", "November", "December" };
  GDate date;

  if (!g_date_valid_julian (day))
    return g_strdup ("");

  g_date_clear (&date, 1);
  g_date_set_julian (&date, day);
  return g_strdup_printf ("%u %s %u", g_date_get_day (&date),
                          (is_dutch (language) ? months_nl : months_en)[g_date_get_month (&date) - 1],
                          g_date_get_year (&date));
}

/* A step on the PSO ladder as a letter in @language names it. */
const char *
impact_letter_step_name (ImpactSocialClass klass,
                         const char *language)
{
  gboolean dutch = is_dutch (language);

  switch (klass)
    {
    case IMPACT_SOCIAL_CLASS_PSO_BASE:
      return dutch ? "de basistrede" : "the entry level";
    case IMPACT_SOCIAL_CLASS_PSO_1:
      return dutch ? "trede 1" : "level 1";
    case IMPACT_SOCIAL_CLASS_PSO_2:
      return dutch ? "trede 2" : "level 2";
    case IMPACT_SOCIAL_CLASS_PSO_3:
      return dutch ? "trede 3" : "level 3";
    case IMPACT_SOCIAL_CLASS_PSO_30PLUS:
      return "PSO 30+";
    default:
      return dutch ? "de basistrede" : "the entry level";
    }
}

static char *
field_value (const char *name,
             const char *language,
             const ImpactLetterFields *fields)
{
  if (g_str_equal (name, "supplier"))
    return g_strdup (fields->supplier != NULL ? fields->supplier : "");
  if (g_str_equal (name, "contact"))
    return g_strdup (fields->contact != NULL && *fields->contact != '\0' ? fields->contact
                     : is_dutch (language)                               ? "heer, mevrouw"
                                                                         : "Sir or Madam");
  if (g_str_equal (name, "group"))
    return g_strdup (fields->group != NULL ? fields->group : "");
  if (g_str_equal (name, "division"))
    return g_strdup (fields->division != NULL ? fields->division : "");
  if (g_str_equal (name, "step"))
    return g_strdup (fields->requested_step != NULL ? fields->requested_step : "");
  if (g_str_equal (name, "spend"))
    return impact_letter_format_money (fields->spend_cents, language);
  if (g_str_equal (name, "target_date"))
    return impact_letter_format_day (fields->target_day, language);
  if (g_str_equal (name, "date"))
    return impact_letter_format_day (fields->today, language);
  return NULL;
}

/* The letter: @template_text with each {field} replaced; braces around anything else stay
 * as they are. */
char *
impact_letter_merge (const char *template_text,
                     const char *language,
                     const ImpactLetterFields *fields)
{
  g_autoptr (GString) text = g_string_new (NULL);
  const char *p = template_text;

  g_return_val_if_fail (template_text != NULL, NULL);
  g_return_val_if_fail (fields != NULL, NULL);

  while (*p != '\0')
    {
      const char *open = strchr (p, '{');
      const char *close = open != NULL ? strchr (open + 1, '}') : NULL;
      g_autofree char *name = NULL;
      g_autofree char *value = NULL;

      if (open == NULL || close == NULL)
        {
          g_string_append (text, p);
          break;
        }
      /* "{a {b}": the field is the innermost. */
      for (const char *inner = strchr (open + 1, '{'); inner != NULL && inner < close; inner = strchr (inner + 1, '{'))
        open = inner;
      g_string_append_len (text, p, open - p);
      name = g_strndup (open + 1, close - open - 1);
      value = field_value (name, language, fields);
      if (value != NULL)
        g_string_append (text, value);
      else
        g_string_append_len (text, open, close - open + 1);
      p = close + 1;
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}
