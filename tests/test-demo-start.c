/* test-demo-start.c
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "desk-application.h"
#include "desk-context.h"
#include "desk-results-view.h"
#include "desk-sandbox.h"
#include "desk-test-utils.h"
#include "desk-window.h"
#include "preferences/desk-preferences-window.h"
#include "tickets/desk-tickets-page.h"

/* The demo store opens in a thread while GTK starts; a window built meanwhile takes it
 * into use at once (desk_context_take_started_demo ()) instead of on the main loop's next
 * turn, and opens on its screens rather than on the spinner. The window is then shown from
 * the main loop once the screen in view has its first answers, so that its first frame
 * draws them; a server slower than PRESENT_WAIT_MS gets the window without them. */

#define APP_ID "io.frontdesk.FrontDesk"
#define WAIT_MS 30000
/* As in desk-application.c. */
#define PRESENT_WAIT_MS 100

/* What the window found when it was shown and when it was first drawn. */
typedef struct
{
  DeskApiClient *client;
  GtkWidget     *window;
  gint64         activated;
  gint64         mapped;
  guint          active_at_map;
  int            rows_at_first_frame;  /* -1 before the first frame */
  gboolean       fading_at_first_frame;
  gulong         paint_handler;
  GdkFrameClock *clock;
} Shown;

static void
first_paint_cb (GdkFrameClock *clock,
                gpointer       user_data)
{
  Shown *shown = user_data;
  DeskPage *page = desk_window_get_page (DESK_WINDOW (shown->window), "tickets");
  GtkWidget *results = GTK_WIDGET (desk_tickets_page_get_results (DESK_TICKETS_PAGE (page)));
  GObject *stack = gtk_widget_get_template_child (results, DESK_TYPE_RESULTS_VIEW, "stack");

  shown->rows_at_first_frame =
    (int) g_list_model_get_n_items (desk_tickets_page_get_rows (DESK_TICKETS_PAGE (page)));
  shown->fading_at_first_frame = gtk_stack_get_transition_running (GTK_STACK (stack));
  g_clear_signal_handler (&shown->paint_handler, clock);
}

static void
shown_map_cb (GtkWidget *window,
              gpointer   user_data)
{
  Shown *shown = user_data;

  shown->window = window;
  shown->mapped = g_get_monotonic_time ();
  shown->active_at_map = desk_api_client_get_n_active (shown->client) +
                        desk_api_client_get_n_loading_pages (shown->client);
  shown->clock = gtk_widget_get_frame_clock (window);
  shown->paint_handler = g_signal_connect (shown->clock, "after-paint",
                                           G_CALLBACK (first_paint_cb), shown);
}

static gboolean
has_drawn (gpointer data)
{
  return ((Shown *) data)->rows_at_first_frame >= 0;
}

typedef struct
{
  gboolean  done;
  gboolean  ok;
  GError   *error;
} Started;

static void
started_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  Started *started = user_data;

  started->ok = desk_context_start_demo_finish (DESK_CONTEXT (object), result, &started->error);
  started->done = TRUE;
}

static gboolean
is_done (gpointer data)
{
  return ((Started *) data)->done;
}

/* Waits for the demo store's thread without turning the main loop, as a window built
 * during GTK's start does: until the store serves, or the start failed. */
static gboolean
take_without_main_loop (DeskContext *context)
{
  gint64 give_up = g_get_monotonic_time () + WAIT_MS * G_TIME_SPAN_MILLISECOND;

  while (g_get_monotonic_time () < give_up)
    {
      if (desk_context_take_started_demo (context))
        return TRUE;
      if (!desk_context_get_demo (context))
        return FALSE;
      g_usleep (G_TIME_SPAN_MILLISECOND);
    }

  g_assert_not_reached ();
}

static void
test_take_started (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(DeskContext) context = desk_context_new (settings);
  Started started = { FALSE, };

  desk_context_start_demo_async (context, NULL, started_cb, &started);
  g_assert_true (desk_context_get_demo (context));

  g_assert_true (take_without_main_loop (context));
  g_assert_nonnull (desk_context_get_sandbox (context));
  g_assert_cmpstr (desk_api_client_get_base_url (desk_context_get_client (context)), ==,
                   desk_sandbox_get_url (desk_context_get_sandbox (context)));
  g_assert_true (g_settings_get_boolean (settings, "demo-mode"));
  /* The caller's callback still follows, from the main loop. */
  g_assert_false (started.done);

  g_assert_true (desk_test_wait_for (is_done, &started, WAIT_MS));
  g_assert_no_error (started.error);
  g_assert_true (started.ok);
  /* Taken once: the callback did not take it again. */
  g_assert_nonnull (desk_context_get_sandbox (context));

  desk_context_leave_demo (context);
  g_assert_null (desk_context_get_sandbox (context));
}

/* A store that cannot open is told as before: no demo, and the reason in the callback. */
static void
test_take_failed (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(DeskContext) context = NULL;
  g_autofree char *in_the_way = g_build_filename (g_get_user_data_dir (), "frontdesk", NULL);
  Started started = { FALSE, };

  g_settings_reset (settings, "demo-mode");
  g_assert_true (g_mkdir_with_parents (g_get_user_data_dir (), 0700) == 0);
  g_assert_true (g_file_set_contents (in_the_way, "not a folder", -1, NULL));

  context = desk_context_new (settings);
  desk_context_start_demo_async (context, NULL, started_cb, &started);
  g_assert_false (take_without_main_loop (context));
  g_assert_false (desk_context_get_demo (context));
  g_assert_null (desk_context_get_sandbox (context));
  g_assert_false (started.done);

  g_assert_true (desk_test_wait_for (is_done, &started, WAIT_MS));
  g_assert_false (started.ok);
  g_assert_nonnull (started.error);
  g_clear_error (&started.error);
  g_assert_false (g_settings_get_boolean (settings, "demo-mode"));

  g_unlink (in_the_way);
}

static gboolean
is_mapped (gpointer data)
{
  return gtk_widget_get_mapped (GTK_WIDGET (data));
}

static gboolean
is_null (gpointer data)
{
  return *(gpointer *) data == NULL;
}

/* Builds the window of an application trained on the demo store last time, as a start
 * does, and follows it until it is first drawn. */
static GtkWindow *
start_on_demo (DeskApplication *app,
               guint            tickets_latency_ms,
               Shown           *shown)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(GError) error = NULL;
  DeskContext *context;
  GtkWindow *window;
  GtkStack *main_stack;

  g_settings_set_boolean (settings, "demo-mode", TRUE);
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);

  /* Asked for at start-up, before any window. */
  context = desk_application_get_context (app);
  g_assert_true (desk_context_get_demo (context));
  g_assert_true (take_without_main_loop (context));
  desk_sandbox_set_route_latency (desk_context_get_sandbox (context), "tickets",
                                  tickets_latency_ms);

  shown->client = desk_context_get_client (context);
  shown->rows_at_first_frame = -1;
  shown->activated = g_get_monotonic_time ();
  g_application_activate (G_APPLICATION (app));
  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  g_assert_true (DESK_IS_WINDOW (window));
  g_signal_connect (window, "map", G_CALLBACK (shown_map_cb), shown);
  main_stack = GTK_STACK (gtk_widget_get_template_child (GTK_WIDGET (window), DESK_TYPE_WINDOW,
                                                         "main_stack"));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (main_stack), ==, "sections");
  g_assert_nonnull (desk_window_get_page (DESK_WINDOW (window), "tickets"));
  /* Shown from the main loop, not from activate. */
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (window)));

  g_assert_true (desk_test_wait_for (has_drawn, shown, WAIT_MS));

  return window;
}

static void
close_demo_window (DeskApplication *app,
                   GtkWindow       *window)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  gpointer alive = window;

  desk_context_leave_demo (desk_application_get_context (app));
  g_object_add_weak_pointer (G_OBJECT (window), &alive);
  gtk_window_close (window);
  g_assert_true (desk_test_wait_for (is_null, &alive, WAIT_MS));
  g_settings_reset (settings, "demo-mode");
}

/* The window opens on the Tickets screen, which sends its first request while it is built;
 * the window is shown once the answer is in the list, and its first frame draws the
 * tickets. Should the demo store have taken longer than the wait (a very busy computer),
 * the window was shown when the wait ran out, as for any slow server. */
static void
test_window_opens_on_screens (void)
{
  g_autoptr(DeskApplication) app = desk_application_new ();
  Shown shown = { 0 };
  GtkWindow *window = start_on_demo (app, 0, &shown);

  g_test_message ("shown %" G_GINT64_FORMAT " ms after activation, %u requests or pages on the way, "
                  "%d rows at the first frame", (shown.mapped - shown.activated) / 1000,
                  shown.active_at_map, shown.rows_at_first_frame);
  if (shown.active_at_map == 0)
    {
      /* The tickets, at once: not the spinner fading into them. */
      g_assert_cmpint (shown.rows_at_first_frame, >, 0);
      g_assert_false (shown.fading_at_first_frame);
    }
  else
    g_assert_cmpint (shown.mapped - shown.activated, >=, PRESENT_WAIT_MS * G_TIME_SPAN_MILLISECOND);

  close_demo_window (app, window);
}

/* A server slower than the wait: the window does not wait for it, and its first frame
 * shows the screen loading. */
static void
test_window_waits_no_longer (void)
{
  g_autoptr(DeskApplication) app = desk_application_new ();
  Shown shown = { 0 };
  GtkWindow *window = start_on_demo (app, 5000, &shown);

  g_assert_cmpuint (shown.active_at_map, >, 0);
  g_assert_cmpint (shown.mapped - shown.activated, >=, PRESENT_WAIT_MS * G_TIME_SPAN_MILLISECOND);
  g_assert_cmpint (shown.rows_at_first_frame, ==, 0);

  close_demo_window (app, window);
}

static GtkWindow *
main_window (DeskApplication *app)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l != NULL; l = l->next)
    if (DESK_IS_WINDOW (l->data))
      return l->data;

  return NULL;
}

/* Preferences asked for before there is a window (`gapplication action ... preferences`):
 * the main window, made for the dialog to stand on, is shown as well. */
static void
test_dialog_before_window (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(DeskApplication) app = desk_application_new ();
  g_autoptr(GError) error = NULL;
  GtkWindow *window;
  GtkWindow *dialog;
  gpointer alive;

  g_settings_reset (settings, "demo-mode");
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);

  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  window = main_window (app);
  g_assert_nonnull (window);
  g_assert_true (desk_test_wait_for (is_mapped, window, WAIT_MS));
  dialog = desk_test_find_window (DESK_TYPE_PREFERENCES_WINDOW);
  g_assert_nonnull (dialog);
  g_assert_true (gtk_window_get_transient_for (dialog) == window);
  g_assert_true (desk_test_wait_for (is_mapped, dialog, WAIT_MS));

  gtk_window_destroy (dialog);
  alive = window;
  g_object_add_weak_pointer (G_OBJECT (window), &alive);
  gtk_window_close (window);
  g_assert_true (desk_test_wait_for (is_null, &alive, WAIT_MS));
}

int
main (int   argc,
      char *argv[])
{
  desk_test_init (&argc, &argv);

  g_test_add_func ("/demo-start/take-started", test_take_started);
  g_test_add_func ("/demo-start/take-failed", test_take_failed);
  g_test_add_func ("/demo-start/window-opens-on-screens", test_window_opens_on_screens);
  g_test_add_func ("/demo-start/window-waits-no-longer", test_window_waits_no_longer);
  g_test_add_func ("/demo-start/dialog-before-window", test_dialog_before_window);

  return g_test_run ();
}
