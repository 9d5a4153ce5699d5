/* desk-activity-indicator.c
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "desk-activity-indicator"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "desk-activity-indicator.h"
#include "desk-spinner.h"

#define TOAST_MIN_SECONDS 3
#define TOAST_MAX_SECONDS 60

/* A spinner and a count in the header bar while requests are queued or on the wire, and a
 * toast when the rate governor starts holding them back, so that a slow answer never looks
 * like a frozen window. The toast goes to the nearest AdwToastOverlay above the indicator.
 * Once a request has kept the user waiting for a few seconds, the client says why
 * (DeskApiClient:waiting): a short reason shows beside the spinner, the full sentence as
 * its tooltip, with a button to stop waiting. */

struct _DeskActivityIndicator
{
  GtkWidget      parent_instance;

  /* Template children */
  GtkWidget     *box;
  DeskSpinner   *spinner;
  GtkLabel      *count_label;
  GtkLabel      *waiting_label;
  GtkWidget     *stop_button;

  /* owned */
  DeskApiClient *client;
  GSignalGroup  *client_signals;
  GSignalGroup  *governor_signals;
  AdwToast      *toast;

  /* state */
  guint          count;
};

enum {
  PROP_0,
  PROP_CLIENT,
  PROP_COUNT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (DeskActivityIndicator, desk_activity_indicator, GTK_TYPE_WIDGET)

static DeskRateGovernor *
get_governor (DeskActivityIndicator *self)
{
  return self->client != NULL ? desk_api_client_get_governor (self->client) : NULL;
}

/* A few words for the header bar; the client's full sentence goes in the tooltip. */
static const char *
short_reason (DeskApiWait waiting)
{
  switch (waiting)
    {
    case DESK_API_WAIT_SLOW:
      return _("RepairDesk is slow to answer");
    case DESK_API_WAIT_PACED:
      return _("Keeping to RepairDesk’s pace");
    case DESK_API_WAIT_RETRYING:
      return _("Trying RepairDesk again");
    case DESK_API_WAIT_RATE_LIMITED:
      return _("RepairDesk asked to slow down");
    case DESK_API_WAIT_NONE:
    default:
      return NULL;
    }
}

static DeskApiWait
get_waiting (DeskActivityIndicator *self)
{
  return self->client != NULL ? desk_api_client_get_waiting (self->client) : DESK_API_WAIT_NONE;
}

static void
update_waiting (DeskActivityIndicator *self)
{
  DeskApiWait waiting = get_waiting (self);
  const char *reason = short_reason (waiting);

  gtk_label_set_label (self->waiting_label, reason != NULL ? reason : "");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->waiting_label),
                               waiting != DESK_API_WAIT_NONE
                               ? desk_api_client_get_waiting_message (self->client) : NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->waiting_label), reason != NULL);
  gtk_widget_set_visible (self->stop_button, reason != NULL);
}

static void
update_count (DeskActivityIndicator *self)
{
  DeskRateGovernor *governor = get_governor (self);
  g_autofree char *text = NULL;
  g_autofree char *tooltip = NULL;
  guint count = 0;

  if (self->client != NULL)
    count = desk_api_client_get_n_active (self->client) +
            (governor != NULL ? desk_rate_governor_get_queued (governor) : 0);

  text = g_strdup_printf ("%u", count);
  tooltip = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u request to RepairDesk on its way",
                                          "%u requests to RepairDesk on their way", count),
                             count);
  gtk_label_set_label (self->count_label, text);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self), tooltip);
  desk_spinner_set_spinning (self->spinner, count > 0);
  gtk_widget_set_visible (GTK_WIDGET (self), count > 0 || get_waiting (self) != DESK_API_WAIT_NONE);

  if (count != self->count)
    {
      self->count = count;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COUNT]);
    }
}

static void
toast_dismissed_cb (DeskActivityIndicator *self)
{
  g_clear_object (&self->toast);
}

/* One toast at a time, shown about as long as the wait lasts. It is left to time out:
 * dismissing it from code when waits came in quick succession crashed libadwaita 1.2 in
 * its toast animation. */
static void
show_toast (DeskActivityIndicator *self)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);
  DeskRateGovernor *governor = get_governor (self);
  gint64 wait = desk_rate_governor_get_resume_time (governor) -
                desk_clock_get_time (desk_rate_governor_get_clock (governor));

  if (overlay == NULL || self->toast != NULL)
    return;

  self->toast = adw_toast_new (_("Waiting for RepairDesk’s rate limit…"));
  adw_toast_set_timeout (self->toast, CLAMP (wait / G_USEC_PER_SEC, TOAST_MIN_SECONDS,
                                             TOAST_MAX_SECONDS));
  g_signal_connect_object (self->toast, "dismissed", G_CALLBACK (toast_dismissed_cb), self,
                           G_CONNECT_SWAPPED);
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), g_object_ref (self->toast));
}

static void
waiting_changed_cb (DeskActivityIndicator *self)
{
  DeskRateGovernor *governor = get_governor (self);

  if (governor != NULL && desk_rate_governor_get_waiting (governor))
    show_toast (self);

  update_count (self);
}

static void
client_waiting_cb (DeskActivityIndicator *self)
{
  update_waiting (self);
  update_count (self);
}

static void
stop_button_clicked_cb (DeskActivityIndicator *self)
{
  if (self->client != NULL)
    desk_api_client_stop_waiting (self->client);
}

static void
desk_activity_indicator_dispose (GObject *object)
{
  DeskActivityIndicator *self = DESK_ACTIVITY_INDICATOR (object);

  g_signal_group_set_target (self->client_signals, NULL);
  g_signal_group_set_target (self->governor_signals, NULL);
  g_clear_object (&self->client_signals);
  g_clear_object (&self->governor_signals);
  g_clear_object (&self->client);
  g_clear_object (&self->toast);

  gtk_widget_dispose_template (GTK_WIDGET (object), DESK_TYPE_ACTIVITY_INDICATOR);

  G_OBJECT_CLASS (desk_activity_indicator_parent_class)->dispose (object);
}

static void
desk_activity_indicator_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  DeskActivityIndicator *self = DESK_ACTIVITY_INDICATOR (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      g_value_set_object (value, self->client);
      break;
    case PROP_COUNT:
      g_value_set_uint (value, self->count);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
desk_activity_indicator_set_property (GObject      *object,
                                      guint         prop_id,
                                      const GValue *value,
                                      GParamSpec   *pspec)
{
  DeskActivityIndicator *self = DESK_ACTIVITY_INDICATOR (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      desk_activity_indicator_set_client (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
desk_activity_indicator_class_init (DeskActivityIndicatorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = desk_activity_indicator_dispose;
  object_class->get_property = desk_activity_indicator_get_property;
  object_class->set_property = desk_activity_indicator_set_property;

  properties[PROP_CLIENT] =
    g_param_spec_object ("client", NULL, NULL, DESK_TYPE_API_CLIENT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_COUNT] =
    g_param_spec_uint ("count", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (DESK_TYPE_SPINNER);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/frontdesk/FrontDesk/widgets/desk-activity-indicator.ui");
  gtk_widget_class_bind_template_child (widget_class, DeskActivityIndicator, box);
  gtk_widget_class_bind_template_child (widget_class, DeskActivityIndicator, spinner);
  gtk_widget_class_bind_template_child (widget_class, DeskActivityIndicator, count_label);
  gtk_widget_class_bind_template_child (widget_class, DeskActivityIndicator, waiting_label);
  gtk_widget_class_bind_template_child (widget_class, DeskActivityIndicator, stop_button);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
desk_activity_indicator_init (DeskActivityIndicator *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect_swapped (self->stop_button, "clicked", G_CALLBACK (stop_button_clicked_cb), self);

  self->client_signals = g_signal_group_new (DESK_TYPE_API_CLIENT);
  g_signal_group_connect_swapped (self->client_signals, "notify::n-active",
                                  G_CALLBACK (update_count), self);
  g_signal_group_connect_swapped (self->client_signals, "notify::waiting",
                                  G_CALLBACK (client_waiting_cb), self);
  self->governor_signals = g_signal_group_new (DESK_TYPE_RATE_GOVERNOR);
  g_signal_group_connect_swapped (self->governor_signals, "notify::queued",
                                  G_CALLBACK (update_count), self);
  g_signal_group_connect_swapped (self->governor_signals, "notify::waiting",
                                  G_CALLBACK (waiting_changed_cb), self);
}

GtkWidget *
desk_activity_indicator_new (void)
{
  return g_object_new (DESK_TYPE_ACTIVITY_INDICATOR, NULL);
}

DeskApiClient *
desk_activity_indicator_get_client (DeskActivityIndicator *self)
{
  g_return_val_if_fail (DESK_IS_ACTIVITY_INDICATOR (self), NULL);

  return self->client;
}

void
desk_activity_indicator_set_client (DeskActivityIndicator *self,
                                    DeskApiClient         *client)
{
  g_return_if_fail (DESK_IS_ACTIVITY_INDICATOR (self));
  g_return_if_fail (client == NULL || DESK_IS_API_CLIENT (client));

  if (!g_set_object (&self->client, client))
    return;

  g_signal_group_set_target (self->client_signals, client);
  g_signal_group_set_target (self->governor_signals, get_governor (self));
  update_waiting (self);
  waiting_changed_cb (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CLIENT]);
}

/* The requests queued in the governor and those on the wire. */
guint
desk_activity_indicator_get_count (DeskActivityIndicator *self)
{
  g_return_val_if_fail (DESK_IS_ACTIVITY_INDICATOR (self), 0);

  return self->count;
}
