/* test-activity-wait.c
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <libsoup/soup.h>

#include "desk-core.h"
#include "desk-test-client.h"
#include "desk-test-utils.h"
#include "widgets/desk-activity-indicator.h"

/* The header bar's activity indicator while RepairDesk keeps Front Desk waiting: within
 * seconds it says why and offers Cancel, and Cancel ends the wait. The server here never
 * answers or always refuses; the client runs on a manual clock. */

#define WAIT_MS 5000

static const char rate_limited_body[] =
  "{\"success\":false,\"statusCode\":429,\"message\":\"Too Many Requests\",\"data\":"
  "{\"name\":\"Too Many Requests\",\"message\":\"Rate limit exceeded.\",\"code\":0,\"status\":429}}";

typedef struct
{
  SoupServer            *server;
  DeskClock             *clock;
  DeskApiClient         *client;
  GtkWidget             *window;
  DeskActivityIndicator *indicator;
  GPtrArray             *paused;
  guint                  hits;
  gboolean               refuse;
  gboolean               done;
  GError                *error;
} Fixture;

static void
server_cb (SoupServer        *server,
           SoupServerMessage *message,
           const char        *path,
           GHashTable        *query,
           gpointer           user_data)
{
  Fixture *fixture = user_data;

  fixture->hits++;
  if (fixture->refuse)
    {
      soup_server_message_set_status (message, 429, NULL);
      soup_server_message_set_response (message, "application/json", SOUP_MEMORY_STATIC,
                                        rate_limited_body, strlen (rate_limited_body));
      return;
    }

  soup_server_message_pause (message);
  g_ptr_array_add (fixture->paused, g_object_ref (message));
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(DeskRateGovernor) governor = NULL;
  g_autofree char *base_url = NULL;
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *overlay = adw_toast_overlay_new ();

  fixture->paused = g_ptr_array_new_with_free_func (g_object_unref);
  fixture->server = soup_server_new (NULL, NULL);
  soup_server_add_handler (fixture->server, NULL, server_cb, fixture, NULL);
  base_url = desk_test_listen_local (fixture->server);
  fixture->clock = desk_clock_new_manual (0);
  governor = desk_rate_governor_new (fixture->clock);
  fixture->client = g_object_new (DESK_TYPE_API_CLIENT, "base-url", base_url,
                                  "api-key", "activity-key", "governor", governor,
                                  "slow-after", 3000, "deadline", 120, NULL);

  fixture->indicator = DESK_ACTIVITY_INDICATOR (desk_activity_indicator_new ());
  desk_activity_indicator_set_client (fixture->indicator, fixture->client);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), GTK_WIDGET (fixture->indicator));
  gtk_box_append (GTK_BOX (box), header);
  gtk_box_append (GTK_BOX (box), adw_status_page_new ());
  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (overlay), box);
  fixture->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 720, 240);
  gtk_window_set_child (GTK_WINDOW (fixture->window), overlay);
  gtk_window_present (GTK_WINDOW (fixture->window));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  desk_test_finalize_soon (fixture->client);
  for (guint i = 0; i < fixture->paused->len; i++)
    soup_server_message_unpause (g_ptr_array_index (fixture->paused, i));
  g_clear_pointer (&fixture->paused, g_ptr_array_unref);
  soup_server_disconnect (fixture->server);
  g_assert_finalize_object (fixture->server);
  g_assert_finalize_object (fixture->clock);
  g_clear_error (&fixture->error);
}

static void
listed_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  Fixture *fixture = user_data;
  g_autoptr(GPtrArray) statuses = NULL;

  statuses = desk_api_client_list_statuses_finish (DESK_API_CLIENT (object), result,
                                                   &fixture->error);
  fixture->done = TRUE;
}

/* The first widget of @type under @widget whose label is @text (any text if NULL). */
static GtkWidget *
find_labelled (GtkWidget  *widget,
               GType       type,
               const char *text)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type) && gtk_widget_get_mapped (widget))
    {
      const char *label = GTK_IS_LABEL (widget) ? gtk_label_get_text (GTK_LABEL (widget))
                        : GTK_IS_BUTTON (widget) ? gtk_button_get_label (GTK_BUTTON (widget))
                        : NULL;

      if (text == NULL || g_strcmp0 (label, text) == 0)
        return widget;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_labelled (child, type, text);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static gboolean
server_hit (gpointer data)
{
  Fixture *fixture = data;

  return fixture->hits > 0 && desk_api_client_get_n_active (fixture->client) > 0;
}

static const char *slow_text = "RepairDesk is slow to answer";
static const char *refused_text = "RepairDesk asked to slow down";

static gboolean
shows_slow (gpointer data)
{
  Fixture *fixture = data;

  return find_labelled (GTK_WIDGET (fixture->indicator), GTK_TYPE_LABEL, slow_text) != NULL &&
         find_labelled (GTK_WIDGET (fixture->indicator), GTK_TYPE_BUTTON, "_Cancel") != NULL;
}

static gboolean
shows_refused (gpointer data)
{
  Fixture *fixture = data;

  return find_labelled (GTK_WIDGET (fixture->indicator), GTK_TYPE_LABEL, refused_text) != NULL;
}

static gboolean
stopped (gpointer data)
{
  Fixture *fixture = data;

  return fixture->done && !gtk_widget_get_visible (GTK_WIDGET (fixture->indicator));
}

/* Something for the clock to move: the request waits at the governor, or it is over. */
static gboolean
refused_or_queued (gpointer data)
{
  Fixture *fixture = data;

  return shows_refused (fixture) ||
         desk_rate_governor_get_queued (desk_api_client_get_governor (fixture->client)) > 0;
}

static void
screenshot (GtkWidget  *widget,
            const char *name)
{
  g_autofree char *path = NULL;

  path = desk_test_save_screenshot (widget, name);
  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));
}

/* A server that never answers: after three seconds the header bar says so; Cancel ends
 * the request with a message for the counter and hides the indicator. */
static void
test_slow_cancel (Fixture       *fixture,
                  gconstpointer  data)
{
  GtkWidget *cancel;
  GtkWidget *label;

  desk_api_client_list_statuses_async (fixture->client, NULL, listed_cb, fixture);
  g_assert_true (desk_test_wait_for (server_hit, fixture, WAIT_MS));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (fixture->indicator)));
  g_assert_false (shows_slow (fixture));

  /* The client weighs its waiting state as the clock moves, and the indicator follows
   * its notifications at once: two seconds in, it has looked and it is not slow yet. */
  desk_clock_advance (fixture->clock, 2 * G_USEC_PER_SEC);
  g_assert_cmpint (desk_api_client_get_waiting (fixture->client), ==, DESK_API_WAIT_NONE);
  g_assert_cmpuint (desk_api_client_get_n_active (fixture->client), ==, 1);
  g_assert_false (shows_slow (fixture));

  desk_clock_advance (fixture->clock, 1 * G_USEC_PER_SEC);
  g_assert_true (desk_test_wait_for (shows_slow, fixture, WAIT_MS));
  label = find_labelled (GTK_WIDGET (fixture->indicator), GTK_TYPE_LABEL, slow_text);
  g_assert_cmpstr (gtk_widget_get_tooltip_text (label), ==,
                   desk_api_client_get_waiting_message (fixture->client));
  screenshot (fixture->window, "activity-wait-slow");

  cancel = find_labelled (GTK_WIDGET (fixture->indicator), GTK_TYPE_BUTTON, "_Cancel");
  gtk_widget_activate (cancel);
  g_assert_true (desk_test_wait_for (stopped, fixture, WAIT_MS));
  g_assert_error (fixture->error, DESK_API_ERROR, DESK_API_ERROR_STOPPED);
  g_assert_false (shows_slow (fixture));
  g_assert_cmpuint (fixture->hits, ==, 1);
  screenshot (fixture->window, "activity-wait-cancelled");
}

/* A server that keeps refusing for too many requests: the reason shows within seconds
 * of clock time, and Cancel ends it there. */
static void
test_refused_cancel (Fixture       *fixture,
                     gconstpointer  data)
{
  DeskRateGovernor *governor = desk_api_client_get_governor (fixture->client);
  gint64 started = desk_clock_get_time (fixture->clock);
  gint64 guard = g_get_monotonic_time () + WAIT_MS * 1000;
  GtkWidget *cancel;

  fixture->refuse = TRUE;
  desk_api_client_list_statuses_async (fixture->client, NULL, listed_cb, fixture);

  /* The clock moves only while the request waits at the governor. */
  while (!shows_refused (fixture))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, guard);
      if (g_main_context_iteration (NULL, FALSE))
        continue;
      if (desk_rate_governor_get_queued (governor) > 0)
        desk_clock_advance (fixture->clock, G_USEC_PER_SEC / 2);
      else
        g_assert_true (desk_test_wait_for (refused_or_queued, fixture, WAIT_MS));
    }

  g_assert_cmpint (desk_clock_get_time (fixture->clock) - started, <=, 5 * G_USEC_PER_SEC);
  g_assert_false (fixture->done);
  screenshot (fixture->window, "activity-wait-refused");

  cancel = find_labelled (GTK_WIDGET (fixture->indicator), GTK_TYPE_BUTTON, "_Cancel");
  g_assert_nonnull (cancel);
  gtk_widget_activate (cancel);
  g_assert_true (desk_test_wait_for (stopped, fixture, WAIT_MS));
  g_assert_error (fixture->error, DESK_API_ERROR, DESK_API_ERROR_STOPPED);
}

int
main (int   argc,
      char *argv[])
{
  desk_test_init (&argc, &argv);

  g_test_add ("/activity-wait/slow-cancel", Fixture, NULL, fixture_set_up, test_slow_cancel,
              fixture_tear_down);
  g_test_add ("/activity-wait/refused-cancel", Fixture, NULL, fixture_set_up,
              test_refused_cancel, fixture_tear_down);

  return g_test_run ();
}
