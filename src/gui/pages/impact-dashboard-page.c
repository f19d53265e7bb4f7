/* impact-dashboard-page.c: the figures and charts of the group, a division or an object
 *
 * Shows one node (the group at first) for one financial year, quarter or month: four key
 * figures against the period before, spend per division or object (click a column to go down a level), per month
 * with the social share, per social class, and the largest non-social suppliers. The
 * breadcrumb and Alt+Left go back up. The figures are read on a worker thread with a
 * connection of its own, so a slow first read (after an upgrade the summary is built once)
 * never blocks the window.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "impact-dashboard-page"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "impact-chart-grid.h"
#include "impact-dashboard-page.h"
#include "impact-key-figures.h"
#include "impact-report.h"
#include "impact-social-panel.h"
#include "model/impact-format.h"
#include "query/impact-impact-query.h"
#include "query/impact-query.h"
#include "suppliers/impact-suppliers-window.h"
#include "util/impact-dialogs.h"

/* Certificates ending within this many days, or ended as many days ago, are announced in a
 * banner and a desktop notification. */
#define EXPIRY_WARNING_DAYS 30

struct _ImpactDashboardPage
{
  AdwBin parent_instance;

  /* Template widgets */
  GtkBox *breadcrumb_box;
  GtkDropDown *year_dropdown;
  GtkDropDown *part_dropdown;
  GtkMenuButton *period_button;
  GtkMenuButton *jump_button;
  GtkPopover *jump_popover;
  GtkSearchEntry *jump_entry;
  GtkListBox *jump_list;
  GtkFlowBox *header_box;
  GtkWidget *period_box;
  GtkSpinner *loading_spinner;
  ImpactKeyFigures *key_figures;
  ImpactChartGrid *chart_grid;
  ImpactSocialPanel *social_panel;
  GtkRevealer *expiry_banner;
  GtkLabel *expiry_banner_label;

  ImpactStore *store;
  /* Certificates ending within this many days are listed and counted (a preference). */
  guint horizon;
  /* Whether certificates that end are told in a desktop notification (a preference). */
  gboolean notify_expiry;
  gboolean banner_dismissed;
  /* The nodes from the group down to the one shown. */
  GPtrArray *trail;
  /* The divisions and objects the search offers, and the group. */
  GPtrArray *jump_nodes;
  ImpactNode *group;
  GArray *years;
  int year;
  /* Which part of the year: see period_of_part(); for PART_CUSTOM, custom. */
  guint part;
  ImpactPeriod custom;
  ImpactFigures *figures;
  GCancellable *cancellable;
  gboolean updating_years;
};

G_DEFINE_FINAL_TYPE (ImpactDashboardPage, impact_dashboard_page, ADW_TYPE_BIN)

enum
{
  PROP_0,
  PROP_EXPIRY_HORIZON,
  PROP_NOTIFY_EXPIRY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

typedef struct
{
  char *path;
  ImpactNode *node;
  int year;
  guint part;
  ImpactPeriod custom;
  guint horizon;
  gboolean notify_expiry;
} LoadJob;

typedef struct
{
  ImpactFigures *figures;
  GArray *years;
  int year;
  gint64 n_expiring;
  ImpactSroiOverview *sroi;
  ImpactPsoFigures *pso;
  GPtrArray *expiring;
  /* The group's statuses ending within EXPIRY_WARNING_DAYS, or ended as long ago, and those
   * of them the user has not been told about before. */
  guint n_ending;
  guint n_ended;
  GPtrArray *notices;
  GPtrArray *opportunities;
} LoadResult;

static void
load_job_free (LoadJob *job)
{
  g_free (job->path);
  g_clear_pointer (&job->node, impact_node_free);
  g_free (job);
}

static void
load_result_free (LoadResult *result)
{
  g_clear_pointer (&result->figures, impact_figures_free);
  g_clear_pointer (&result->years, g_array_unref);
  g_clear_pointer (&result->sroi, impact_sroi_overview_free);
  g_clear_pointer (&result->pso, impact_pso_figures_free);
  g_clear_pointer (&result->expiring, g_ptr_array_unref);
  g_clear_pointer (&result->notices, g_ptr_array_unref);
  g_clear_pointer (&result->opportunities, g_ptr_array_unref);
  g_free (result);
}

/* The parts of a financial year the drop-down offers: the whole year, its four quarters and
 * its twelve months, in this order. */
#define PART_YEAR 0
#define PART_FIRST_QUARTER 1
#define PART_FIRST_MONTH 5
#define PART_CUSTOM 17
#define N_PARTS 18

static void
period_of_part (ImpactPeriod *period,
                int year,
                guint fy_start,
                guint part)
{
  impact_period_init_year (period, year, fy_start);
  if (part >= PART_FIRST_MONTH && part < PART_CUSTOM)
    {
      period->kind = IMPACT_PERIOD_MONTH;
      period->first_month += part - PART_FIRST_MONTH;
      period->last_month = period->first_month;
    }
  else if (part >= PART_FIRST_QUARTER && part < PART_FIRST_MONTH)
    {
      period->kind = IMPACT_PERIOD_QUARTER;
      period->first_month += 3 * (part - PART_FIRST_QUARTER);
      period->last_month = period->first_month + 2;
    }
}

static void
load_thread (GTask *task,
             gpointer source_object,
             gpointer task_data,
             GCancellable *cancellable)
{
  LoadJob *job = task_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (ImpactStore) store = impact_store_open (job->path, &error);
  g_autoptr (ImpactNode) node = NULL;
  g_autoptr (GPtrArray) group_expiring = NULL;
  guint32 today = impact_day_today ();
  LoadResult *result;
  ImpactPeriod period;

  if (store == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  result = g_new0 (LoadResult, 1);
  node = job->node != NULL ? impact_node_copy (job->node) : impact_query_find_node (store, NULL, &error);
  if (node != NULL)
    result->years = impact_query_list_years (store, &error);
  if (result->years != NULL)
    {
      /* The year asked for, else the latest with purchases. */
      result->year = job->year;
      if (result->year <= 0 && result->years->len > 0)
        result->year = g_array_index (result->years, int, 0);
      else if (result->year <= 0)
        {
          impact_query_get_data_period (store, &period, NULL);
          result->year = (period.first_month - (int) impact_query_get_fy_start (store) + 1) / 12;
        }
      if (job->part == PART_CUSTOM)
        period = job->custom;
      else
        period_of_part (&period, result->year, impact_query_get_fy_start (store), job->part);
      result->figures = impact_query_figures (store, node, &period, 10, &error);
    }
  /* Social return on today, over each contract's whole term; the PSO estimate of the
   * period; the certificates ending soon that matter to this node. */
  if (error == NULL)
    result->sroi = impact_query_sroi (store, node, today, &error);
  if (error == NULL && node->level != IMPACT_NODE_OBJECT)
    result->pso = impact_query_pso (store, node, &period, &error);
  if (error == NULL && node->level != IMPACT_NODE_GROUP)
    result->expiring = impact_query_list_expiring (store, node, today, 0, job->horizon, &error);
  /* The group's certificates, read once: those ending within the horizon (for the key figure
   * and, on the group's page, the list), and those within 30 days either side of today (for
   * the banner and the notifications). */
  if (error == NULL)
    group_expiring = impact_query_list_expiring (store, NULL, today, EXPIRY_WARNING_DAYS,
                                                 MAX (job->horizon, EXPIRY_WARNING_DAYS), &error);
  if (group_expiring != NULL)
    {
      if (node->level == IMPACT_NODE_GROUP)
        result->expiring = g_ptr_array_new_with_free_func ((GDestroyNotify) impact_expiring_free);
      for (guint i = 0; i < group_expiring->len; i++)
        {
          const ImpactExpiring *item = g_ptr_array_index (group_expiring, i);

          if (item->valid_until >= today && item->valid_until <= (gint64) today + job->horizon)
            {
              result->n_expiring++;
              if (node->level == IMPACT_NODE_GROUP)
                g_ptr_array_add (result->expiring, impact_expiring_copy (item));
            }
          if (item->valid_until < today)
            result->n_ended++;
          else if (item->valid_until <= (gint64) today + EXPIRY_WARNING_DAYS)
            result->n_ending++;
        }
    }
  if (error == NULL)
    result->opportunities = impact_query_opportunities (store, result->figures, 3, &error);
  if (error == NULL && job->notify_expiry)
    result->notices = impact_query_take_expiry_notices (store, group_expiring, today, EXPIRY_WARNING_DAYS, &error);

  if (error != NULL)
    {
      load_result_free (result);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  g_task_return_pointer (task, result, (GDestroyNotify) load_result_free);
}

static void
on_crumb_clicked_cb (GtkButton *button,
                     gpointer user_data);

static void
show_trail (ImpactDashboardPage *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->breadcrumb_box))) != NULL)
    gtk_box_remove (self->breadcrumb_box, child);

  for (guint i = 0; i < self->trail->len; i++)
    {
      const ImpactNode *node = g_ptr_array_index (self->trail, i);

      if (i > 0)
        {
          GtkWidget *separator = gtk_label_new ("›");

          gtk_widget_add_css_class (separator, "dim-label");
          gtk_box_append (self->breadcrumb_box, separator);
        }
      if (i + 1 < self->trail->len)
        {
          GtkWidget *button = gtk_button_new_with_label (node->name);

          gtk_widget_add_css_class (button, "flat");
          /* Translators: the tooltip of a breadcrumb button; %s is a division or the group. */
          {
            g_autofree char *tooltip = g_strdup_printf (_ ("Back to %s"), node->name);

            gtk_widget_set_tooltip_text (button, tooltip);
          }
          g_object_set_data (G_OBJECT (button), "depth", GUINT_TO_POINTER (i + 1));
          g_signal_connect (button, "clicked", G_CALLBACK (on_crumb_clicked_cb), self);
          gtk_box_append (self->breadcrumb_box, button);
        }
      else
        {
          GtkWidget *label = gtk_label_new (node->name);

          gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
          gtk_widget_add_css_class (label, "title-3");
          gtk_widget_set_margin_start (label, 6);
          gtk_box_append (self->breadcrumb_box, label);
        }
    }

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "dashboard.back", self->trail->len > 1);
}

static void
show_years (ImpactDashboardPage *self)
{
  g_autoptr (GtkStringList) list = gtk_string_list_new (NULL);
  guint selected = 0;

  for (guint i = 0; i < self->years->len; i++)
    {
      ImpactPeriod period;
      g_autofree char *label = NULL;

      impact_period_init_year (&period, g_array_index (self->years, int, i), impact_query_get_fy_start (self->store));
      label = impact_period_to_string (&period);
      gtk_string_list_append (list, label);
      if (g_array_index (self->years, int, i) == self->year)
        selected = i;
    }

  self->updating_years = TRUE;
  gtk_drop_down_set_model (self->year_dropdown, G_LIST_MODEL (list));
  gtk_drop_down_set_selected (self->year_dropdown, selected);
  gtk_widget_set_visible (GTK_WIDGET (self->period_button), self->years->len > 0);

  /* The whole year, its quarters and its months, from the month the financial year starts. */
  {
    g_autoptr (GtkStringList) parts = gtk_string_list_new (NULL);
    guint fy_start = impact_query_get_fy_start (self->store);

    gtk_string_list_append (parts, _ ("Whole Year"));
    for (guint q = 1; q <= 4; q++)
      {
        /* Translators: a quarter of the financial year in the period drop-down, as in "Q2". */
        g_autofree char *label = g_strdup_printf (_ ("Q%u"), q);

        gtk_string_list_append (parts, label);
      }
    for (guint m = 0; m < 12; m++)
      {
        g_autoptr (GDateTime) date = g_date_time_new_local (2000, (fy_start - 1 + m) % 12 + 1, 1, 0, 0, 0);
        g_autofree char *label = g_date_time_format (date, "%OB");

        gtk_string_list_append (parts, label);
      }
    gtk_string_list_append (parts, _ ("Custom Months…"));
    gtk_drop_down_set_model (self->part_dropdown, G_LIST_MODEL (parts));
    gtk_drop_down_set_selected (self->part_dropdown, self->part);
  }
  self->updating_years = FALSE;
}

/* The banner over the dashboard while certificates of the group end within 30 days or
 * ended in the last 30, until it is dismissed. */
static void
show_expiry_banner (ImpactDashboardPage *self,
                    guint n_ending,
                    guint n_ended)
{
  g_autofree char *ending = NULL;
  g_autofree char *ended = NULL;
  g_autofree char *text = NULL;

  if (n_ending == 0 && n_ended == 0)
    {
      gtk_revealer_set_reveal_child (self->expiry_banner, FALSE);
      return;
    }

  /* Translators: part of the banner, as in "3 certificates end within 30 days". */
  ending = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u certificate ends within %u days",
                                         "%u certificates end within %u days", n_ending),
                            n_ending, EXPIRY_WARNING_DAYS);
  /* Translators: part of the banner, as in "2 ended in the last 30 days". */
  ended = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u ended in the last %u days", "%u ended in the last %u days",
                                        n_ended),
                           n_ended, EXPIRY_WARNING_DAYS);
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
                            n_ended, EXPIRY_WARNING_DAYS);
  gtk_label_set_text (self->expiry_banner_label, text);
  gtk_revealer_set_reveal_child (self->expiry_banner, !self->banner_dismissed);
}

/* A desktop notification for each certificate the user was not told about before; more
 * than three at once are told in one. */
static void
notify_expiry (ImpactDashboardPage *self,
               GPtrArray *notices)
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
                                               notices->len, EXPIRY_WARNING_DAYS);

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

static void
on_loaded_cb (GObject *object,
              GAsyncResult *result,
              gpointer user_data)
{
  g_autoptr (ImpactDashboardPage) self = user_data;
  g_autoptr (GError) error = NULL;
  LoadResult *loaded = g_task_propagate_pointer (G_TASK (result), &error);

  if (loaded == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_warning ("Could not read the figures: %s", error->message);
          g_clear_object (&self->cancellable);
          gtk_spinner_stop (self->loading_spinner);
          gtk_widget_set_visible (GTK_WIDGET (self->loading_spinner), FALSE);
        }
      return;
    }
  if (g_task_get_cancellable (G_TASK (result)) != self->cancellable)
    {
      load_result_free (loaded);
      return;
    }
  g_clear_object (&self->cancellable);
  gtk_spinner_stop (self->loading_spinner);
  gtk_widget_set_visible (GTK_WIDGET (self->loading_spinner), FALSE);

  g_clear_pointer (&self->figures, impact_figures_free);
  g_clear_pointer (&self->years, g_array_unref);
  self->figures = g_steal_pointer (&loaded->figures);
  self->years = g_steal_pointer (&loaded->years);
  self->year = loaded->year;
  if (self->trail->len == 0)
    g_ptr_array_add (self->trail, impact_node_copy (self->figures->node));

  show_trail (self);
  show_years (self);
  {
    g_autofree char *period = impact_period_to_string (&self->figures->period);

    gtk_menu_button_set_label (self->period_button, period);
  }
  impact_key_figures_show (self->key_figures, self->figures, loaded->n_expiring, self->horizon);
  impact_chart_grid_show (self->chart_grid, self->figures);
  impact_social_panel_show (self->social_panel, self->figures->node, &self->figures->period, g_steal_pointer (&loaded->sroi),
                            g_steal_pointer (&loaded->pso), g_steal_pointer (&loaded->expiring),
                            g_steal_pointer (&loaded->opportunities), self->horizon);
  show_expiry_banner (self, loaded->n_ending, loaded->n_ended);
  notify_expiry (self, loaded->notices);
  gtk_widget_set_sensitive (GTK_WIDGET (self), TRUE);
  load_result_free (loaded);
}

/* Reads the figures of the node at the end of the trail for the chosen year again. */
void
impact_dashboard_page_reload (ImpactDashboardPage *self)
{
  g_autoptr (GTask) task = NULL;
  LoadJob *job;

  g_return_if_fail (IMPACT_IS_DASHBOARD_PAGE (self));

  if (self->store == NULL)
    return;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  /* Slow only the first time after an upgrade, when the summary is built. */
  gtk_widget_set_visible (GTK_WIDGET (self->loading_spinner), TRUE);
  gtk_spinner_start (self->loading_spinner);

  job = g_new0 (LoadJob, 1);
  job->path = g_strdup (impact_store_get_path (self->store));
  job->node = self->trail->len > 0 ? impact_node_copy (g_ptr_array_index (self->trail, self->trail->len - 1)) : NULL;
  job->year = self->year;
  job->part = self->part;
  job->custom = self->custom;
  job->horizon = self->horizon;
  job->notify_expiry = self->notify_expiry;

  task = g_task_new (NULL, self->cancellable, on_loaded_cb, g_object_ref (self));
  g_task_set_source_tag (task, impact_dashboard_page_reload);
  g_task_set_task_data (task, job, (GDestroyNotify) load_job_free);
  g_task_set_return_on_cancel (task, TRUE);
  g_task_run_in_thread (task, load_thread);
}

gboolean
impact_dashboard_page_is_loading (ImpactDashboardPage *self)
{
  g_return_val_if_fail (IMPACT_IS_DASHBOARD_PAGE (self), FALSE);

  return self->cancellable != NULL;
}

/* The search's rows: every division, then every object with its division. */
static void
fill_jump_list (ImpactDashboardPage *self)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) divisions = NULL;
  g_autoptr (GPtrArray) objects = NULL;
  g_autoptr (GPtrArray) groups = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->jump_list))) != NULL)
    gtk_list_box_remove (self->jump_list, child);
  g_ptr_array_set_size (self->jump_nodes, 0);
  g_clear_pointer (&self->group, impact_node_free);

  if (self->store == NULL)
    return;
  groups = impact_store_list_nodes (self->store, IMPACT_NODE_GROUP, &error);
  divisions = impact_store_list_nodes (self->store, IMPACT_NODE_DIVISION, &error);
  objects = impact_store_list_nodes (self->store, IMPACT_NODE_OBJECT, &error);
  if (groups == NULL || divisions == NULL || objects == NULL)
    {
      g_warning ("Could not list the divisions and objects: %s", error->message);
      return;
    }
  if (groups->len > 0)
    self->group = impact_node_copy (g_ptr_array_index (groups, 0));

  for (guint level = 0; level < 2; level++)
    {
      GPtrArray *nodes = level == 0 ? divisions : objects;

      for (guint i = 0; i < nodes->len; i++)
        {
          const ImpactNode *node = g_ptr_array_index (nodes, i);
          GtkWidget *row = adw_action_row_new ();
          g_autofree char *subtitle = NULL;

          if (level == 0)
            /* Translators: under a division's name in the search, with its code, as in "Division · CATER". */
            subtitle = g_strdup_printf (_ ("Division · %s"), node->code);
          else
            {
              const char *division = "";

              for (guint d = 0; d < divisions->len; d++)
                if (((const ImpactNode *) g_ptr_array_index (divisions, d))->id == node->parent_id)
                  division = ((const ImpactNode *) g_ptr_array_index (divisions, d))->name;
              /* Translators: under an object's name in the search: its division and code, as in "Catering · CAT-101". */
              subtitle = g_strdup_printf (_ ("%s · %s"), division, node->code);
            }
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), node->name);
          adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
          gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
          g_object_set_data_full (G_OBJECT (row), "node", impact_node_copy (node), (GDestroyNotify) impact_node_free);
          g_ptr_array_add (self->jump_nodes, g_object_get_data (G_OBJECT (row), "node"));
          gtk_list_box_append (self->jump_list, row);
        }
    }
}

static gboolean
jump_filter (GtkListBoxRow *row,
             gpointer user_data)
{
  ImpactDashboardPage *self = user_data;
  const ImpactNode *node = g_object_get_data (G_OBJECT (row), "node");
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->jump_entry));
  g_autofree char *needle = NULL;
  g_autofree char *name = NULL;
  g_autofree char *code = NULL;

  if (node == NULL || text == NULL || *text == '\0')
    return TRUE;

  needle = g_utf8_casefold (text, -1);
  name = g_utf8_casefold (node->name, -1);
  code = g_utf8_casefold (node->code, -1);

  return strstr (name, needle) != NULL || strstr (code, needle) != NULL;
}

/* Opens @node from the search: the trail becomes group, division, and object. */
static void
jump_to (ImpactDashboardPage *self,
         const ImpactNode *node)
{
  if (self->group == NULL)
    return;

  g_ptr_array_set_size (self->trail, 0);
  g_ptr_array_add (self->trail, impact_node_copy (self->group));
  if (node->level == IMPACT_NODE_OBJECT)
    {
      for (guint i = 0; i < self->jump_nodes->len; i++)
        {
          const ImpactNode *division = g_ptr_array_index (self->jump_nodes, i);

          if (division->level == IMPACT_NODE_DIVISION && division->id == node->parent_id)
            g_ptr_array_add (self->trail, impact_node_copy (division));
        }
    }
  g_ptr_array_add (self->trail, impact_node_copy (node));
  gtk_popover_popdown (self->jump_popover);
  impact_dashboard_page_reload (self);
}

static void
on_jump_row_activated_cb (GtkListBox *list,
                          GtkListBoxRow *row,
                          gpointer user_data)
{
  const ImpactNode *node = g_object_get_data (G_OBJECT (row), "node");

  if (node != NULL)
    jump_to (IMPACT_DASHBOARD_PAGE (user_data), node);
}

static void
on_jump_search_changed_cb (GtkSearchEntry *entry,
                           gpointer user_data)
{
  ImpactDashboardPage *self = user_data;

  gtk_list_box_invalidate_filter (self->jump_list);
}

/* Enter opens the first match. */
static void
on_jump_activate_cb (GtkSearchEntry *entry,
                     gpointer user_data)
{
  ImpactDashboardPage *self = user_data;

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->jump_list)); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (gtk_widget_get_child_visible (row) && jump_filter (GTK_LIST_BOX_ROW (row), self))
      {
        on_jump_row_activated_cb (self->jump_list, GTK_LIST_BOX_ROW (row), self);
        return;
      }
}

/* Opens the division or object whose name or code first matches @text, as the search would;
 * FALSE when none does. */
gboolean
impact_dashboard_page_jump (ImpactDashboardPage *self,
                            const char *text)
{
  g_return_val_if_fail (IMPACT_IS_DASHBOARD_PAGE (self), FALSE);

  gtk_editable_set_text (GTK_EDITABLE (self->jump_entry), text);
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->jump_list)); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (jump_filter (GTK_LIST_BOX_ROW (row), self))
      {
        on_jump_row_activated_cb (self->jump_list, GTK_LIST_BOX_ROW (row), self);
        return TRUE;
      }

  return FALSE;
}

static void
search_action (GtkWidget *widget,
               const char *action_name,
               GVariant *parameter)
{
  ImpactDashboardPage *self = IMPACT_DASHBOARD_PAGE (widget);

  gtk_menu_button_popup (self->jump_button);
  gtk_widget_grab_focus (GTK_WIDGET (self->jump_entry));
}

ImpactStore *
impact_dashboard_page_get_store (ImpactDashboardPage *self)
{
  g_return_val_if_fail (IMPACT_IS_DASHBOARD_PAGE (self), NULL);

  return self->store;
}

/* Shows the group of @store, for its latest year. */
void
impact_dashboard_page_set_store (ImpactDashboardPage *self,
                                 ImpactStore *store)
{
  g_return_if_fail (IMPACT_IS_DASHBOARD_PAGE (self));

  g_set_object (&self->store, store);
  impact_social_panel_set_store (self->social_panel, store);
  fill_jump_list (self);
  g_ptr_array_set_size (self->trail, 0);
  self->year = 0;
  self->part = PART_YEAR;
  impact_dashboard_page_reload (self);
}

const char *
impact_dashboard_page_get_node_code (ImpactDashboardPage *self)
{
  g_return_val_if_fail (IMPACT_IS_DASHBOARD_PAGE (self), NULL);

  if (self->trail->len == 0)
    return NULL;

  return ((const ImpactNode *) g_ptr_array_index (self->trail, self->trail->len - 1))->code;
}

/* Goes down to the division or object shown as the @index-th column. */
gboolean
impact_dashboard_page_open_child (ImpactDashboardPage *self,
                                  guint index)
{
  const ImpactChildFigures *child;
  const ImpactNode *node;
  ImpactNode *next;

  g_return_val_if_fail (IMPACT_IS_DASHBOARD_PAGE (self), FALSE);

  if (self->figures == NULL || index >= self->figures->by_child->len)
    return FALSE;
  child = g_ptr_array_index (self->figures->by_child, index);
  node = self->figures->node;
  /* Lines without an object have no page of their own. */
  if (child->node_id == 0 || child->code == NULL || node->level == IMPACT_NODE_OBJECT)
    return FALSE;

  next = impact_node_new (node->level + 1, child->code, child->name);
  next->id = child->node_id;
  next->parent_id = node->id;
  g_ptr_array_add (self->trail, next);
  impact_dashboard_page_reload (self);

  return TRUE;
}

gboolean
impact_dashboard_page_go_back (ImpactDashboardPage *self)
{
  g_return_val_if_fail (IMPACT_IS_DASHBOARD_PAGE (self), FALSE);

  if (self->trail->len <= 1)
    return FALSE;

  g_ptr_array_set_size (self->trail, self->trail->len - 1);
  impact_dashboard_page_reload (self);
  return TRUE;
}

static void
on_crumb_clicked_cb (GtkButton *button,
                     gpointer user_data)
{
  ImpactDashboardPage *self = user_data;
  guint depth = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "depth"));

  if (depth >= 1 && depth < self->trail->len)
    {
      g_ptr_array_set_size (self->trail, depth);
      impact_dashboard_page_reload (self);
    }
}

static void
on_child_activated_cb (ImpactChartGrid *grid,
                       guint index,
                       gpointer user_data)
{
  impact_dashboard_page_open_child (IMPACT_DASHBOARD_PAGE (user_data), index);
}

static void
on_year_selected_cb (GtkDropDown *dropdown,
                     GParamSpec *pspec,
                     gpointer user_data)
{
  ImpactDashboardPage *self = user_data;
  guint selected = gtk_drop_down_get_selected (dropdown);

  if (self->updating_years || self->years == NULL || selected >= self->years->len)
    return;

  self->year = g_array_index (self->years, int, selected);
  /* A year picked after custom months means that whole year. */
  if (self->part == PART_CUSTOM)
    self->part = PART_YEAR;
  impact_dashboard_page_reload (self);
}

/* Hands the period controls (search, part of the year, year) over to a header bar; they keep
 * working as before. Returns them with a reference for the caller. */
GtkWidget *
impact_dashboard_page_take_period_controls (ImpactDashboardPage *self)
{
  GtkWidget *box;

  g_return_val_if_fail (IMPACT_IS_DASHBOARD_PAGE (self), NULL);

  box = g_object_ref (self->period_box);
  gtk_flow_box_remove (self->header_box, gtk_widget_get_parent (box));

  return box;
}

/* Shows the whole months from @first to @last (as "2025-01"); FALSE when they are not months
 * or the range runs backwards. */
gboolean
impact_dashboard_page_set_months (ImpactDashboardPage *self,
                                  const char *first,
                                  const char *last)
{
  ImpactPeriod from, to;

  g_return_val_if_fail (IMPACT_IS_DASHBOARD_PAGE (self), FALSE);

  if (self->store == NULL || !impact_period_parse (first, 1, &from, NULL) || !impact_period_parse (last, 1, &to, NULL)
      || from.kind != IMPACT_PERIOD_MONTH || to.kind != IMPACT_PERIOD_MONTH || from.first_month > to.first_month)
    return FALSE;

  self->custom = (ImpactPeriod){ IMPACT_PERIOD_RANGE, from.first_month, to.first_month, impact_query_get_fy_start (self->store) };
  self->part = PART_CUSTOM;
  self->updating_years = TRUE;
  gtk_drop_down_set_selected (self->part_dropdown, PART_CUSTOM);
  self->updating_years = FALSE;
  impact_dashboard_page_reload (self);

  return TRUE;
}

static void
on_custom_response_cb (AdwMessageDialog *dialog,
                       const char *response,
                       gpointer user_data)
{
  g_autoptr (ImpactDashboardPage) self = user_data;
  GtkWidget *box = adw_message_dialog_get_extra_child (dialog);
  GtkEditable *first = g_object_get_data (G_OBJECT (box), "first");
  GtkEditable *last = g_object_get_data (G_OBJECT (box), "last");

  if (g_str_equal (response, "apply")
      && impact_dashboard_page_set_months (self, gtk_editable_get_text (first), gtk_editable_get_text (last)))
    return;

  if (g_str_equal (response, "apply"))
    impact_show_failure (GTK_WIDGET (self), _ ("Not a Range of Months"),
                         _ ("Write the first and the last month as YYYY-MM, for example 2025-01 and 2025-06."));

  /* Back to what was shown. */
  self->updating_years = TRUE;
  gtk_drop_down_set_selected (self->part_dropdown, self->part);
  self->updating_years = FALSE;
}

static void
ask_custom_months (ImpactDashboardPage *self)
{
  const ImpactPeriod *shown = self->figures != NULL ? &self->figures->period : NULL;
  g_autofree char *first_text = shown != NULL ? impact_month_to_code (shown->first_month) : g_strdup ("");
  g_autofree char *last_text = shown != NULL ? impact_month_to_code (shown->last_month) : g_strdup ("");
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *first = impact_form_entry_new (first_text, _ ("First month (YYYY-MM)"), _ ("First month"));
  GtkWidget *last = impact_form_entry_new (last_text, _ ("Last month (YYYY-MM)"), _ ("Last month"));
  AdwMessageDialog *dialog;

  gtk_box_append (GTK_BOX (box), first);
  gtk_box_append (GTK_BOX (box), last);
  g_object_set_data (G_OBJECT (box), "first", first);
  g_object_set_data (G_OBJECT (box), "last", last);

  dialog = impact_form_dialog_new (GTK_WIDGET (self), _ ("Custom Months"),
                                   _ ("The figures of whole months, from the first to the last."), box, "apply",
                                   _ ("_Show"));
  g_signal_connect (dialog, "response", G_CALLBACK (on_custom_response_cb), g_object_ref (self));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_part_selected_cb (GtkDropDown *dropdown,
                     GParamSpec *pspec,
                     gpointer user_data)
{
  ImpactDashboardPage *self = user_data;
  guint selected = gtk_drop_down_get_selected (dropdown);

  if (self->updating_years || selected >= N_PARTS)
    return;

  if (selected == PART_CUSTOM)
    {
      ask_custom_months (self);
      return;
    }

  self->part = selected;
  impact_dashboard_page_reload (self);
}

static void
on_target_response_cb (AdwMessageDialog *dialog,
                       const char *response,
                       gpointer user_data)
{
  g_autoptr (ImpactDashboardPage) self = user_data;
  g_autoptr (GError) error = NULL;
  GtkSpinButton *spin = GTK_SPIN_BUTTON (adw_message_dialog_get_extra_child (dialog));
  double share;

  if (self->figures == NULL || self->store == NULL)
    return;
  if (g_str_equal (response, "save"))
    share = gtk_spin_button_get_value (spin);
  else if (g_str_equal (response, "clear"))
    share = NAN;
  else
    return;

  if (!impact_store_set_share_target (self->store, self->figures->node->id, share, &error))
    {
      impact_show_failure (GTK_WIDGET (self), _ ("The Target Was Not Saved"), error->message);
      return;
    }
  impact_dashboard_page_reload (self);
}

/* Asks for the social share the shown node aims for. */
static void
set_target_action (GtkWidget *widget,
                   const char *action_name,
                   GVariant *parameter)
{
  ImpactDashboardPage *self = IMPACT_DASHBOARD_PAGE (widget);
  AdwMessageDialog *dialog;
  GtkWidget *spin;
  g_autofree char *body = NULL;
  gboolean own;

  if (self->figures == NULL || self->figures->node->id <= 0)
    return;

  own = self->figures->target_node_id == self->figures->node->id && !isnan (self->figures->target_share);
  /* Translators: %s is the group, a division or an object. */
  body = g_strdup_printf (_ ("The social share %s aims for, in percent of its spend. Divisions and objects "
                             "without a target of their own follow the one above them."),
                          self->figures->node->name);
  spin = gtk_spin_button_new_with_range (0, 100, 0.5);
  gtk_spin_button_set_digits (GTK_SPIN_BUTTON (spin), 1);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), isnan (self->figures->target_share) ? 10 : self->figures->target_share);
  gtk_accessible_update_property (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_PROPERTY_LABEL, _ ("Target social share in percent"), -1);
  gtk_widget_set_halign (spin, GTK_ALIGN_CENTER);
  dialog = impact_form_dialog_new (widget, _ ("Target Social Share"), body, spin, "save", _ ("_Save"));
  adw_message_dialog_add_response (dialog, "clear", _ ("_Remove Target"));
  adw_message_dialog_set_response_enabled (dialog, "clear", own);
  adw_message_dialog_set_response_appearance (dialog, "clear", ADW_RESPONSE_DESTRUCTIVE);
  g_signal_connect (dialog, "response", G_CALLBACK (on_target_response_cb), g_object_ref (self));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_suppliers_changed_cb (ImpactSuppliersWindow *window,
                         gpointer user_data)
{
  impact_dashboard_page_reload (IMPACT_DASHBOARD_PAGE (user_data));
}

/* Opens the suppliers list, with their spend in the period shown; @name, when given, is
 * chosen in it. */
static ImpactSuppliersWindow *
show_suppliers (ImpactDashboardPage *self,
                const char *name)
{
  ImpactSuppliersWindow *window;

  if (self->store == NULL || self->figures == NULL)
    return NULL;

  window = impact_suppliers_window_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), self->store,
                                        &self->figures->period);
  g_signal_connect_object (window, "changed", G_CALLBACK (on_suppliers_changed_cb), self, 0);
  if (name != NULL)
    impact_suppliers_window_select (window, name);
  gtk_window_present (GTK_WINDOW (window));

  return window;
}

static void
show_suppliers_action (GtkWidget *widget,
                       const char *action_name,
                       GVariant *parameter)
{
  show_suppliers (IMPACT_DASHBOARD_PAGE (widget), NULL);
}

/* A bar of the largest non-social suppliers opens that supplier in the suppliers list. */
static void
on_supplier_activated_cb (ImpactChartGrid *grid,
                          guint index,
                          gpointer user_data)
{
  ImpactDashboardPage *self = user_data;
  const ImpactSupplierFigures *supplier;

  if (self->figures == NULL || index >= self->figures->top_non_social->len)
    return;
  supplier = g_ptr_array_index (self->figures->top_non_social, index);
  show_suppliers (self, supplier->name);
}

typedef struct
{
  char *database;
  char *path;
  ImpactNode *node;
  ImpactPeriod period;
  guint horizon;
} ReportJob;

static void
report_job_free (ReportJob *job)
{
  g_free (job->database);
  g_free (job->path);
  impact_node_free (job->node);
  g_free (job);
}

static void
report_thread (GTask *task,
               gpointer source_object,
               gpointer task_data,
               GCancellable *cancellable)
{
  ReportJob *job = task_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (ImpactStore) store = impact_store_open (job->database, &error);
  g_autoptr (ImpactReportData) data = NULL;
  g_autoptr (ImpactReport) report = NULL;

  if (store != NULL)
    data = impact_report_data_read (store, job->node, &job->period, impact_day_today (), job->horizon, &error);
  if (data != NULL)
    {
      report = impact_report_new (data, IMPACT_REPORT_A4_WIDTH, IMPACT_REPORT_A4_HEIGHT);
      if (impact_report_write_pdf (report, job->path, &error))
        {
          g_task_return_int (task, impact_report_get_n_pages (report));
          return;
        }
    }
  g_task_return_error (task, g_steal_pointer (&error));
}

/* Writes the report of the node and period shown to @path, an A4 PDF, on a worker thread. */
void
impact_dashboard_page_save_report_async (ImpactDashboardPage *self,
                                         const char *path,
                                         GAsyncReadyCallback callback,
                                         gpointer user_data)
{
  g_autoptr (GTask) task = NULL;
  ReportJob *job;

  g_return_if_fail (IMPACT_IS_DASHBOARD_PAGE (self));
  g_return_if_fail (path != NULL);

  task = g_task_new (self, NULL, callback, user_data);
  g_task_set_source_tag (task, impact_dashboard_page_save_report_async);
  if (self->store == NULL || self->figures == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_INITIALIZED, _ ("There are no figures to report yet."));
      return;
    }
  job = g_new0 (ReportJob, 1);
  job->database = g_strdup (impact_store_get_path (self->store));
  job->path = g_strdup (path);
  job->node = impact_node_copy (self->figures->node);
  job->period = self->figures->period;
  job->horizon = self->horizon;
  g_task_set_task_data (task, job, (GDestroyNotify) report_job_free);
  g_task_run_in_thread (task, report_thread);
}

/* The number of pages written, or 0 with @error set. */
guint
impact_dashboard_page_save_report_finish (ImpactDashboardPage *self,
                                          GAsyncResult *result,
                                          GError **error)
{
  gssize pages;

  g_return_val_if_fail (g_task_is_valid (result, self), 0);

  pages = g_task_propagate_int (G_TASK (result), error);
  return pages > 0 ? (guint) pages : 0;
}

/* The report of the node and period shown, laid out on pages of @width by @height points
 * (for printing); NULL when nothing is shown yet. */
ImpactReport *
impact_dashboard_page_make_report (ImpactDashboardPage *self,
                                   double width,
                                   double height,
                                   GError **error)
{
  g_autoptr (ImpactReportData) data = NULL;

  g_return_val_if_fail (IMPACT_IS_DASHBOARD_PAGE (self), NULL);

  if (self->store == NULL || self->figures == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_INITIALIZED, _ ("There are no figures to report yet."));
      return NULL;
    }
  data = impact_report_data_read (self->store, self->figures->node, &self->figures->period, impact_day_today (),
                                  self->horizon, error);
  if (data == NULL)
    return NULL;
  return impact_report_new (data, width, height);
}

/* A file name for the report of what is shown, as in "Report Schoonmaak 2025.pdf". */
char *
impact_dashboard_page_get_report_name (ImpactDashboardPage *self)
{
  g_autofree char *period = NULL;
  char *name;

  g_return_val_if_fail (IMPACT_IS_DASHBOARD_PAGE (self), NULL);

  if (self->figures == NULL)
    return g_strdup (_ ("Report.pdf"));
  period = impact_period_to_string (&self->figures->period);
  /* Translators: the suggested file name of a report, as in "Report Schoonmaak 2025.pdf". */
  name = g_strdup_printf (_ ("Report %s %s.pdf"), self->figures->node->name, period);
  return g_strdelimit (name, "/\\:", '-');
}

static void
on_panel_changed_cb (ImpactSocialPanel *panel,
                     gpointer user_data)
{
  impact_dashboard_page_reload (IMPACT_DASHBOARD_PAGE (user_data));
}

/* A contract of the social-return table opens it, as the search would. */
static void
on_panel_object_activated_cb (ImpactSocialPanel *panel,
                              gint64 object_id,
                              gpointer user_data)
{
  ImpactDashboardPage *self = user_data;

  for (guint i = 0; i < self->jump_nodes->len; i++)
    {
      const ImpactNode *node = g_ptr_array_index (self->jump_nodes, i);

      if (node->level == IMPACT_NODE_OBJECT && node->id == object_id)
        {
          jump_to (self, node);
          return;
        }
    }
}

static void
on_panel_supplier_activated_cb (ImpactSocialPanel *panel,
                                const char *name,
                                gpointer user_data)
{
  show_suppliers (IMPACT_DASHBOARD_PAGE (user_data), name);
}

static void
show_expiring_action (GtkWidget *widget,
                      const char *action_name,
                      GVariant *parameter)
{
  impact_social_panel_focus_expiring (IMPACT_DASHBOARD_PAGE (widget)->social_panel);
}

static void
dismiss_expiry_action (GtkWidget *widget,
                       const char *action_name,
                       GVariant *parameter)
{
  ImpactDashboardPage *self = IMPACT_DASHBOARD_PAGE (widget);

  self->banner_dismissed = TRUE;
  gtk_revealer_set_reveal_child (self->expiry_banner, FALSE);
}

static void
back_action (GtkWidget *widget,
             const char *action_name,
             GVariant *parameter)
{
  impact_dashboard_page_go_back (IMPACT_DASHBOARD_PAGE (widget));
}

static void
impact_dashboard_page_dispose (GObject *object)
{
  ImpactDashboardPage *self = IMPACT_DASHBOARD_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->store);
  g_clear_pointer (&self->trail, g_ptr_array_unref);
  g_clear_pointer (&self->jump_nodes, g_ptr_array_unref);
  g_clear_pointer (&self->group, impact_node_free);
  g_clear_pointer (&self->years, g_array_unref);
  g_clear_pointer (&self->figures, impact_figures_free);
  gtk_widget_dispose_template (GTK_WIDGET (self), IMPACT_TYPE_DASHBOARD_PAGE);

  G_OBJECT_CLASS (impact_dashboard_page_parent_class)->dispose (object);
}

static void
impact_dashboard_page_get_property (GObject *object,
                                    guint prop_id,
                                    GValue *value,
                                    GParamSpec *pspec)
{
  ImpactDashboardPage *self = IMPACT_DASHBOARD_PAGE (object);

  switch (prop_id)
    {
    case PROP_EXPIRY_HORIZON:
      g_value_set_uint (value, self->horizon);
      break;
    case PROP_NOTIFY_EXPIRY:
      g_value_set_boolean (value, self->notify_expiry);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
impact_dashboard_page_set_property (GObject *object,
                                    guint prop_id,
                                    const GValue *value,
                                    GParamSpec *pspec)
{
  ImpactDashboardPage *self = IMPACT_DASHBOARD_PAGE (object);

  switch (prop_id)
    {
    case PROP_EXPIRY_HORIZON:
      if (self->horizon != g_value_get_uint (value))
        {
          self->horizon = g_value_get_uint (value);
          g_object_notify_by_pspec (object, pspec);
          impact_dashboard_page_reload (self);
        }
      break;
    case PROP_NOTIFY_EXPIRY:
      if (self->notify_expiry != g_value_get_boolean (value))
        {
          self->notify_expiry = g_value_get_boolean (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
impact_dashboard_page_class_init (ImpactDashboardPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = impact_dashboard_page_dispose;
  object_class->get_property = impact_dashboard_page_get_property;
  object_class->set_property = impact_dashboard_page_set_property;

  /**
   * ImpactDashboardPage:expiry-horizon:
   * Certificates ending within this many days are listed and counted.
   */
  properties[PROP_EXPIRY_HORIZON] = g_param_spec_uint ("expiry-horizon", NULL, NULL, 1, 3650, 90,
                                                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * ImpactDashboardPage:notify-expiry:
   * Whether certificates that end within 30 days, or just ended, are told once in a desktop
   * notification.
   */
  properties[PROP_NOTIFY_EXPIRY] = g_param_spec_boolean ("notify-expiry", NULL, NULL, TRUE,
                                                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (IMPACT_TYPE_KEY_FIGURES);
  g_type_ensure (IMPACT_TYPE_CHART_GRID);
  g_type_ensure (IMPACT_TYPE_SOCIAL_PANEL);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/impactdashboard/ImpactDashboard/impact-dashboard-page.ui");
  gtk_widget_class_bind_template_child (widget_class, ImpactDashboardPage, breadcrumb_box);
  gtk_widget_class_bind_template_child (widget_class, ImpactDashboardPage, year_dropdown);
  gtk_widget_class_bind_template_child (widget_class, ImpactDashboardPage, part_dropdown);
  gtk_widget_class_bind_template_child (widget_class, ImpactDashboardPage, period_button);
  gtk_widget_class_bind_template_child (widget_class, ImpactDashboardPage, jump_button);
  gtk_widget_class_bind_template_child (widget_class, ImpactDashboardPage, jump_popover);
  gtk_widget_class_bind_template_child (widget_class, ImpactDashboardPage, jump_entry);
  gtk_widget_class_bind_template_child (widget_class, ImpactDashboardPage, jump_list);
  gtk_widget_class_bind_template_child (widget_class, ImpactDashboardPage, header_box);
  gtk_widget_class_bind_template_child (widget_class, ImpactDashboardPage, period_box);
  gtk_widget_class_bind_template_child (widget_class, ImpactDashboardPage, loading_spinner);
  gtk_widget_class_bind_template_child (widget_class, ImpactDashboardPage, key_figures);
  gtk_widget_class_bind_template_child (widget_class, ImpactDashboardPage, chart_grid);
  gtk_widget_class_bind_template_child (widget_class, ImpactDashboardPage, social_panel);
  gtk_widget_class_bind_template_child (widget_class, ImpactDashboardPage, expiry_banner);
  gtk_widget_class_bind_template_child (widget_class, ImpactDashboardPage, expiry_banner_label);

  gtk_widget_class_install_action (widget_class, "dashboard.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "dashboard.show-expiring", NULL, show_expiring_action);
  gtk_widget_class_install_action (widget_class, "dashboard.dismiss-expiry", NULL, dismiss_expiry_action);
  gtk_widget_class_install_action (widget_class, "dashboard.set-target", NULL, set_target_action);
  gtk_widget_class_install_action (widget_class, "dashboard.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "dashboard.show-suppliers", NULL, show_suppliers_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "dashboard.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "dashboard.back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Back, 0, "dashboard.back", NULL);
}

/* The mouse's back button goes up a level, as Alt+Left does. */
static void
on_back_button_cb (GtkGestureClick *gesture,
                   int n_press,
                   double x,
                   double y,
                   gpointer user_data)
{
  if (impact_dashboard_page_go_back (IMPACT_DASHBOARD_PAGE (user_data)))
    gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
}

/* The cards are not to be focused themselves: the charts in them are. */
static void
unfocus_children (GtkFlowBox *box)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (box)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    gtk_widget_set_focusable (child, FALSE);
}

static void
impact_dashboard_page_init (ImpactDashboardPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->horizon = 90;
  self->notify_expiry = TRUE;
  self->trail = g_ptr_array_new_with_free_func ((GDestroyNotify) impact_node_free);
  {
    GtkGesture *back = gtk_gesture_click_new ();

    /* Button 8 is "back" on mice that have one. */
    gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (back), 8);
    g_signal_connect (back, "pressed", G_CALLBACK (on_back_button_cb), self);
    gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (back));
  }
  /* The rows own their nodes (freed with them); this only points at them. */
  self->jump_nodes = g_ptr_array_new ();
  gtk_list_box_set_filter_func (self->jump_list, jump_filter, self, NULL);
  g_signal_connect (self->jump_list, "row-activated", G_CALLBACK (on_jump_row_activated_cb), self);
  g_signal_connect (self->jump_entry, "search-changed", G_CALLBACK (on_jump_search_changed_cb), self);
  g_signal_connect (self->jump_entry, "activate", G_CALLBACK (on_jump_activate_cb), self);
  unfocus_children (self->header_box);
  g_signal_connect (self->year_dropdown, "notify::selected", G_CALLBACK (on_year_selected_cb), self);
  g_signal_connect (self->part_dropdown, "notify::selected", G_CALLBACK (on_part_selected_cb), self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "dashboard.back", FALSE);
  g_signal_connect (self->chart_grid, "child-activated", G_CALLBACK (on_child_activated_cb), self);
  g_signal_connect (self->chart_grid, "supplier-activated", G_CALLBACK (on_supplier_activated_cb), self);
  g_signal_connect (self->social_panel, "changed", G_CALLBACK (on_panel_changed_cb), self);
  g_signal_connect (self->social_panel, "object-activated", G_CALLBACK (on_panel_object_activated_cb), self);
  g_signal_connect (self->social_panel, "supplier-activated", G_CALLBACK (on_panel_supplier_activated_cb), self);
}

/* Writes chart @chart_name ("children", "compare", "trend", "classes", "suppliers") as
 * @format ("png", "svg", "pdf", or "csv", "xlsx" for its table) to @path; what the Save menu
 * of a chart does after asking. */
gboolean
impact_dashboard_page_save_chart (ImpactDashboardPage *self,
                                  const char *chart_name,
                                  const char *format,
                                  const char *path,
                                  double width,
                                  double height,
                                  double scale,
                                  GError **error)
{
  ImpactChartCard *card;

  g_return_val_if_fail (IMPACT_IS_DASHBOARD_PAGE (self), FALSE);

  card = impact_chart_grid_get_card (self->chart_grid, chart_name);
  if (card == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _ ("There is no chart “%s” to save."), chart_name);
      return FALSE;
    }
  return impact_chart_card_save (card, format, path, width, height, scale, error);
}
