/* bench-inventory.c
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include "desk-bench-frames.h"
#include "desk-sandbox.h"
#include "desk-allocator.h"
#include "desk-test-utils.h"
#include "invoices/desk-invoice-editor.h"

/* Keystroke to inventory matches drawn in the invoice form (meson test -C build
 * --benchmark), over a shop of 5,000 inventory items: from the text of the item search
 * changing (a key typed) to the end of the frame that draws the matches (the frame
 * clock's after-paint). The floor is a label whose text changes in a window of the same
 * size, measured in the same rounds, interleaved: the frame clock's own pace is in both.
 * The goal is within a frame, 16.7 ms.
 *
 * The words are typed four times, a key at a time; the first time warms up. Keys come at
 * a spread of points of a frame, as a clerk's do (desk-bench-frames.c): key i is sent
 * (i mod 8)/8 of a refresh interval after its window last drew a frame, the floor's
 * change at the same point. The second time every key comes right after a frame was
 * drawn, the worst point, which waits most of an interval for the next frame. The last
 * time keys come 40 ms after the last frame, on an idle frame clock, as this benchmark
 * measured before; each is printed on a line of its own beside its floor. */

#define N_ITEMS     5000
#define STORE_ITEMS 300          /* the sandbox store's own */
#define WAIT_MS     60000
#define KEY_GAP_MS  40           /* a fast typist's keys are 80 ms apart, a scanner's 10 to 40 */

/* What is typed, a key at a time: names, and a SKU as a scanner types it. */
static const char * const typed[] = { "charger", "clear case", "usb-c cable", "x-004217",
                                      "power bank", "watch band blue" };

typedef struct
{
  GtkWidget  *widget;
  const char *text;
} Change;

static void
change_cb (gpointer data)
{
  Change *change = data;

  if (GTK_IS_LABEL (change->widget))
    gtk_label_set_text (GTK_LABEL (change->widget), change->text);
  else
    gtk_editable_set_text (GTK_EDITABLE (change->widget), change->text);
}

typedef struct
{
  GArray *search, *search_cpu, *search_handled, *floor, *floor_cpu;
} Series;

static void
series_init (Series *series)
{
  series->search = g_array_new (FALSE, FALSE, sizeof (double));
  series->search_cpu = g_array_new (FALSE, FALSE, sizeof (double));
  series->search_handled = g_array_new (FALSE, FALSE, sizeof (double));
  series->floor = g_array_new (FALSE, FALSE, sizeof (double));
  series->floor_cpu = g_array_new (FALSE, FALSE, sizeof (double));
}

static void
series_clear (Series *series)
{
  g_array_unref (series->search);
  g_array_unref (series->search_cpu);
  g_array_unref (series->search_handled);
  g_array_unref (series->floor);
  g_array_unref (series->floor_cpu);
}

static void
series_report (const char *what,
               Series     *series)
{
  desk_bench_report (what, series->search, series->floor);
  g_print ("  of which searching and filling the rows %.2f ms (90th %.2f); processor time "
           "%.1f ms (90th %.1f), the floor's %.1f ms; 90th percentile %.1f ms, the floor's "
           "%.1f ms\n",
           desk_bench_median (series->search_handled),
           desk_bench_percentile (series->search_handled, 0.9),
           desk_bench_median (series->search_cpu),
           desk_bench_percentile (series->search_cpu, 0.9),
           desk_bench_median (series->floor_cpu),
           desk_bench_percentile (series->search, 0.9),
           desk_bench_percentile (series->floor, 0.9));
}

static gboolean
editor_ready (gpointer data)
{
  return desk_invoice_editor_get_ready (data);
}

typedef enum
{
  SPREAD,        /* key i at (i mod 8)/8 of a refresh interval after the last frame */
  AFTER_PAINT,   /* every key right after a frame */
  IDLE_CLOCK,    /* every key 40 ms after a frame */
} When;

/* Each word typed a key at a time, then cleared; a keystroke each in both windows, at the
 * same point of their frames. */
static void
type_words (DeskBenchFrames *editor_frames,
            DeskBenchFrames *floor_frames,
            GtkWidget       *entry,
            GtkWidget       *label,
            When             when,
            Series          *into)
{
  guint key = 0;

  series_init (into);
  for (guint w = 0; w < G_N_ELEMENTS (typed); w++)
    for (gsize n = 1; n <= strlen (typed[w]) + 1; n++)
      {
        g_autofree char *text = n <= strlen (typed[w]) ? g_strndup (typed[w], n) : g_strdup ("");
        Change search = { entry, text }, floor = { label, text };
        double phase, ms, handled;

        if (when == SPREAD)
          phase = desk_bench_frames_round_phase (key++);
        else if (when == AFTER_PAINT)
          phase = 0;
        else
          phase = KEY_GAP_MS / DESK_BENCH_FRAME_MS;

        ms = desk_bench_frames_time (editor_frames, phase, change_cb, &search, &handled);
        g_array_append_val (into->search, ms);
        g_array_append_val (into->search_handled, handled);
        ms = desk_bench_frames_get_cpu_ms (editor_frames);
        g_array_append_val (into->search_cpu, ms);
        ms = desk_bench_frames_time (floor_frames, phase, change_cb, &floor, NULL);
        g_array_append_val (into->floor, ms);
        ms = desk_bench_frames_get_cpu_ms (floor_frames);
        g_array_append_val (into->floor_cpu, ms);
      }
}

static void
bench_inventory (void)
{
  g_autoptr(DeskSandbox) sandbox = NULL;
  g_autoptr(DeskApiClient) client = NULL;
  g_autoptr(GSettings) settings = NULL;
  g_autoptr(DeskContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(DeskBenchFrames) editor_frames = NULL;
  g_autoptr(DeskBenchFrames) floor_frames = NULL;
  Series warm_up, spread, after_paint, idle_clock;
  DeskInvoiceEditor *editor;
  GtkWindow *floor_window;
  GtkWidget *label, *entry;

  sandbox = g_object_new (DESK_TYPE_SANDBOX, "rate-limit", 0, "n-customers", 50, "n-tickets", 20,
                          "n-invoices", 20, "n-extra-items", N_ITEMS - STORE_ITEMS, NULL);
  if (!desk_sandbox_start (sandbox, 0, &error))
    g_error ("%s", error->message);
  client = desk_api_client_new (desk_sandbox_get_url (sandbox), DESK_SANDBOX_DEMO_API_KEY);
  desk_rate_governor_set_limit (desk_api_client_get_governor (client), 100000);
  settings = g_settings_new ("io.frontdesk.FrontDesk");
  context = desk_context_new_for_client (settings, client, NULL);

  editor = desk_invoice_editor_new (context, 0);
  gtk_window_set_default_size (GTK_WINDOW (editor), 800, 800);
  gtk_window_present (GTK_WINDOW (editor));
  if (!desk_test_wait_for (editor_ready, editor, WAIT_MS))
    g_error ("The inventory did not load");
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.walk-in", NULL);
  entry = GTK_WIDGET (desk_invoice_editor_get_item_search (editor));

  floor_window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (floor_window, 800, 800);
  label = gtk_label_new ("");
  gtk_window_set_child (floor_window, label);
  gtk_window_present (floor_window);
  desk_test_iterate (200);
  editor_frames = desk_bench_frames_new (entry);
  floor_frames = desk_bench_frames_new (label);

  type_words (editor_frames, floor_frames, entry, label, SPREAD, &warm_up);
  type_words (editor_frames, floor_frames, entry, label, SPREAD, &spread);
  type_words (editor_frames, floor_frames, entry, label, AFTER_PAINT, &after_paint);
  type_words (editor_frames, floor_frames, entry, label, IDLE_CLOCK, &idle_clock);

  g_print ("# %u keystrokes a series over %u inventory items, interleaved with the floor, "
           "after a series typed to warm up (median %.1f ms)\n", spread.search->len,
           (guint) N_ITEMS, desk_bench_median (warm_up.search));
  series_report ("keystroke to inventory matches drawn, keys spread over the frame", &spread);
  series_report ("same, each key right after a frame was drawn (worst point)", &after_paint);
  series_report ("same, each key 40 ms after a frame, on an idle frame clock (as measured before)",
                 &idle_clock);
  desk_bench_frames_print_phases (editor_frames, change_cb, "keystroke, every series");
  desk_bench_frames_print_phases (floor_frames, change_cb, "floor, every series");
  series_clear (&warm_up);
  series_clear (&spread);
  series_clear (&after_paint);
  series_clear (&idle_clock);

  gtk_window_destroy (floor_window);
  gtk_root_set_focus (GTK_ROOT (editor), NULL);
  gtk_window_destroy (GTK_WINDOW (editor));
  desk_test_iterate (100);
  desk_sandbox_stop (sandbox);
}

int
main (int   argc,
      char *argv[])
{
  /* The allocator as Front Desk sets it, so that the frames measured pay what its do. */
  desk_tune_allocator ();
  desk_test_init (&argc, &argv);
  g_test_add_func ("/bench/inventory", bench_inventory);

  return g_test_run ();
}
