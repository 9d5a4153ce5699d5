/* bench-customers.c
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "customers/desk-customers-page.h"
#include "desk-allocator.h"
#include "desk-bench-frames.h"
#include "desk-sandbox.h"
#include "desk-test-utils.h"

/* Figures of the Customers screen on the default demo store (2,000 customers): the time
 * from a keystroke to the end of the frame that draws the narrowed list for a match among
 * the rows already loaded, and to the list the server answered (which includes the pause
 * the screen waits for more typing). The floor is a label of the same window given new
 * text and drawn the same way, in the same rounds, interleaved.
 *
 * Keys come at a spread of points of a frame, as a clerk's do (desk-bench-frames.c):
 * round i is sent (i mod 8)/8 of a refresh interval after the last frame was drawn, the
 * floor's change at the same point. A second series sends every key right after a frame
 * was drawn, the worst point, which waits most of an interval for the next frame; it is
 * printed on a line of its own beside its floor. Clearing the search, which brings every
 * row back, is timed the same way. Run by `meson test -C build --benchmark`. */

#define N_SPREAD (2 * DESK_BENCH_N_PHASES)
#define N_AFTER_PAINT 8
#define WAIT_MS 30000

static const char * const names[] = { "Ngu", "Okaf", "Wright", "Chen", "Al-S", "Lopez", "Kim" };

typedef struct
{
  DeskCustomersPage *page;
  GtkLabel          *label;
  const char        *text;
} Bench;

static gboolean
settled (gpointer data)
{
  return !desk_customers_page_get_searching (data);
}

/* The local match is done when setting the text returns: the filter runs at once. */
static void
type_text (gpointer data)
{
  Bench *bench = data;

  desk_customers_page_set_search_text (bench->page, bench->text);
}

/* Escape, or the search's clear button. */
static void
clear_text (gpointer data)
{
  Bench *bench = data;

  desk_customers_page_set_search_text (bench->page, NULL);
}

static void
set_label (gpointer data)
{
  Bench *bench = data;

  gtk_label_set_text (bench->label, bench->text);
}

/* Rounds of the search and of the floor at the same point of the frame, in turn first. */
static void
run_rounds (Bench           *bench,
            DeskBenchFrames *frames,
            guint            n_rounds,
            gboolean         spread,
            GArray          *drawn,
            GArray          *floor,
            GArray          *local,
            GArray          *server,
            GArray          *cleared)
{
  for (guint i = 0; i < n_rounds; i++)
    {
      g_autofree char *round = g_strdup_printf ("round %u", i);
      double phase = spread ? desk_bench_frames_round_phase (i) : 0;
      double drawn_ms, floor_ms, local_ms, server_ms, cleared_ms;
      gint64 painted;

      bench->text = round;
      if (i % 2 == 0)
        floor_ms = desk_bench_frames_time (frames, phase, set_label, bench, NULL);
      bench->text = names[i % G_N_ELEMENTS (names)];
      drawn_ms = desk_bench_frames_time (frames, phase, type_text, bench, &local_ms);
      painted = g_get_monotonic_time ();
      g_assert_true (desk_test_wait_for (settled, bench->page, WAIT_MS));
      server_ms = drawn_ms + (g_get_monotonic_time () - painted) / 1e3;
      bench->text = round;
      if (i % 2 == 1)
        floor_ms = desk_bench_frames_time (frames, phase, set_label, bench, NULL);

      g_array_append_val (drawn, drawn_ms);
      g_array_append_val (floor, floor_ms);
      g_array_append_val (local, local_ms);
      if (server != NULL)
        g_array_append_val (server, server_ms);

      /* The search cleared, as Escape does: every loaded row is back. */
      cleared_ms = desk_bench_frames_time (frames, phase, clear_text, bench, NULL);
      if (cleared != NULL)
        g_array_append_val (cleared, cleared_ms);
      g_assert_true (desk_test_wait_for (settled, bench->page, WAIT_MS));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(DeskSandbox) sandbox = NULL;
  g_autoptr(DeskApiClient) client = NULL;
  g_autoptr(GSettings) settings = NULL;
  g_autoptr(DeskContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(DeskBenchFrames) frames = NULL;
  g_autoptr(GArray) drawn = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) floor = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) local = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) server = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) cleared = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) drawn_late = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) floor_late = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) local_late = g_array_new (FALSE, FALSE, sizeof (double));
  Bench bench = { 0, };
  GtkWindow *window;
  GtkWidget *box;

  /* The allocator as Front Desk sets it, so that the frames measured pay what its do. */
  desk_tune_allocator ();
  desk_test_init (&argc, &argv);
  g_object_set (gtk_settings_get_default (), "gtk-cursor-blink", FALSE, NULL);

  sandbox = g_object_new (DESK_TYPE_SANDBOX, "rate-limit", 0, NULL);
  if (!desk_sandbox_start (sandbox, 0, &error))
    g_error ("%s", error->message);
  client = desk_api_client_new (desk_sandbox_get_url (sandbox), DESK_SANDBOX_DEMO_API_KEY);
  desk_rate_governor_set_limit (desk_api_client_get_governor (client), 100000);
  settings = g_settings_new (APP_ID);

  context = desk_context_new_for_client (settings, client, NULL);
  bench.page = DESK_CUSTOMERS_PAGE (desk_customers_page_new (context));
  window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (window, 1100, 720);
  /* The floor: a label of the same window changed, and one frame drawn. */
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  bench.label = GTK_LABEL (gtk_label_new ("round"));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (bench.label));
  gtk_widget_set_vexpand (GTK_WIDGET (bench.page), TRUE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (bench.page));
  gtk_window_set_child (window, box);
  gtk_window_present (window);
  frames = desk_bench_frames_new (GTK_WIDGET (window));
  g_assert_true (desk_test_wait_for (settled, bench.page, WAIT_MS));
  g_print ("# %u customers loaded\n",
           g_list_model_get_n_items (desk_customers_page_get_model (bench.page)));

  run_rounds (&bench, frames, N_SPREAD, TRUE, drawn, floor, local, server, cleared);
  run_rounds (&bench, frames, N_AFTER_PAINT, FALSE, drawn_late, floor_late, local_late, NULL,
              NULL);

  desk_bench_report ("keystroke to local results drawn, keys spread over the frame", drawn,
                     floor);
  g_print ("  of which the match (the keystroke's handler): median %.2f ms, max %.2f ms\n",
           desk_bench_median (local), desk_bench_max (local));
  desk_bench_report ("same, each key right after a frame was drawn (worst point)", drawn_late,
                     floor_late);
  g_print ("  of which the match: median %.2f ms\n", desk_bench_median (local_late));
  desk_bench_frames_print_phases (frames, type_text, "keystroke, both ways");
  desk_bench_frames_print_phases (frames, set_label, "floor, both ways");
  g_print ("keystroke to server match (300 ms pause included): median %.1f ms\n",
           desk_bench_median (server));
  g_print ("search cleared (as Escape does) -> every loaded row back and drawn, keys spread over "
           "the frame: median %.1f ms, max %.1f ms (n=%u)\n", desk_bench_median (cleared),
           desk_bench_max (cleared), cleared->len);
  desk_bench_frames_print_phases (frames, clear_text, "search cleared");

  gtk_window_destroy (window);
  desk_test_iterate (50);
  desk_sandbox_stop (sandbox);

  return 0;
}
