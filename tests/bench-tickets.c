/* bench-tickets.c
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
#include "tickets/desk-tickets-page.h"

/* Figures of the Tickets screen on the default demo store (10,000 tickets), in-process:
 * time from a keystroke to the end of the frame that draws the updated list (the frame
 * clock's after-paint), for a match among the loaded rows and for the server's answer;
 * and the memory of the process after scrolling through 2,000 tickets. Neither the
 * sandbox nor the client's governor holds requests back here, so the server figures are
 * those of an unthrottled local server.
 *
 * The floor of a keystroke is a label of the same window given new text and drawn the
 * same way, in the same rounds, interleaved. Keys come at a spread of points of a frame,
 * as a clerk's do (desk-bench-frames.c): round i is sent (i mod 8)/8 of a refresh interval
 * after the last frame was drawn, the floor's change at the same point. A second series
 * sends every key right after a frame was drawn, the worst point, which waits most of an
 * interval for the next frame; it is printed on a line of its own beside its floor. A
 * scanned IMEI is timed from right after a frame, as before. Clearing the search, which
 * brings every loaded row back, is timed at the keys' points. */

#define N_LOCAL (4 * DESK_BENCH_N_PHASES)
#define N_LOCAL_AFTER_PAINT 16
#define N_SCANS 12
#define N_TYPED 8
#define N_TYPED_AFTER_PAINT 4
#define N_SERVER 12
#define N_SCROLLED 2000

typedef struct
{
  DeskTicketsPage *page;
  GtkLabel        *floor_label;   /* changed for the floor: one frame, nothing else */
  DeskBenchFrames *frames;
  gboolean         painted;
  const char      *text;          /* what the next change sets */
  int              position;      /* where the next key is inserted */
} Bench;

#define FRAME_MS DESK_BENCH_FRAME_MS

static void
after_paint_cb (GdkFrameClock *clock,
                Bench         *bench)
{
  bench->painted = TRUE;
}

static gboolean
painted (gpointer data)
{
  return ((Bench *) data)->painted;
}

/* Waits for the next frame drawn after a change. */
static void
wait_for_paint (Bench *bench)
{
  bench->painted = FALSE;
  gtk_widget_queue_draw (GTK_WIDGET (bench->page));
  if (!desk_test_wait_for (painted, bench, 10000))
    g_error ("no frame drawn");
}

static gboolean
list_settled (gpointer data)
{
  Bench *bench = data;
  DeskPagedList *list = desk_tickets_page_get_list (bench->page);

  return !desk_tickets_page_get_searching (bench->page) && desk_paged_list_get_n_pages (list) > 0 &&
         !desk_paged_list_get_loading (list);
}

static void
wait_for_list (Bench *bench)
{
  if (!desk_test_wait_for (list_settled, bench, 60000))
    g_error ("the list did not load");
}

static gint64
rss_kib (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL) ||
      (line = strstr (status, "VmRSS:")) == NULL)
    return -1;

  return g_ascii_strtoll (line + strlen ("VmRSS:"), NULL, 10);
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static double
report (const char *what,
        GArray     *ms)
{
  double sum = 0;

  g_array_sort (ms, compare_doubles);
  for (guint i = 0; i < ms->len; i++)
    sum += g_array_index (ms, double, i);
  g_print ("%-44s median %7.1f ms  mean %7.1f ms  max %7.1f ms  (n=%u)\n", what,
           g_array_index (ms, double, ms->len / 2), sum / ms->len,
           g_array_index (ms, double, ms->len - 1), ms->len);

  return g_array_index (ms, double, ms->len / 2);
}

static void
set_floor_label (gpointer data)
{
  Bench *bench = data;

  gtk_label_set_text (bench->floor_label, bench->text);
}

/* The floor of a keystroke, measured beside it at the same point of the frame: a label of
 * the same window changes its text and the window draws one frame, with nothing else to
 * do. */
static double
floor_frame (Bench  *bench,
             guint   round,
             double  phase)
{
  g_autofree char *text = g_strdup_printf ("round %u", round);

  bench->text = text;
  return desk_bench_frames_time (bench->frames, phase, set_floor_label, bench, NULL);
}

static void
type_text (Bench      *bench,
           const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (desk_tickets_page_get_search_entry (bench->page)), text);
}

static void
type_change (gpointer data)
{
  Bench *bench = data;

  type_text (bench, bench->text);
}

/* Escape, or the search's clear button. */
static void
clear_change (gpointer data)
{
  Bench *bench = data;

  type_text (bench, "");
}

/* One key at the end of the text, as a key press inserts it. */
static void
insert_key (gpointer data)
{
  Bench *bench = data;

  gtk_editable_insert_text (GTK_EDITABLE (desk_tickets_page_get_search_entry (bench->page)),
                            bench->text, 1, &bench->position);
}

/* A keystroke that narrows the loaded rows: the order ids of the first page, typed one
 * character more each time, from an empty search. The rows are filtered before the
 * keystroke's handler returns; the rest is drawing. */
static void
local_rounds (Bench    *bench,
              guint     n_rounds,
              gboolean  spread,
              GArray   *ms,
              GArray   *filtered_ms,
              GArray   *floor_ms,
              GArray   *cleared_ms)
{
  GListModel *rows = desk_tickets_page_get_rows (bench->page);

  for (guint i = 0; i < n_rounds; i++)
    {
      g_autoptr(DeskTicket) ticket = g_list_model_get_item (rows, 0);
      const char *order_id = desk_ticket_get_order_id (ticket);
      g_autofree char *text = g_strndup (order_id, 2 + i % (strlen (order_id) - 1));
      double phase = spread ? desk_bench_frames_round_phase (i) : 0;
      double elapsed, filtered, floor_round;

      type_text (bench, "");
      wait_for_list (bench);
      /* Rounds of the floor and of the keystroke alternate. */
      floor_round = floor_frame (bench, i, phase);
      g_array_append_val (floor_ms, floor_round);

      bench->text = text;
      elapsed = desk_bench_frames_time (bench->frames, phase, type_change, bench, &filtered);
      g_array_append_val (ms, elapsed);
      g_array_append_val (filtered_ms, filtered);
      if (g_list_model_get_n_items (rows) == 0)
        g_error ("no local match for %s", text);

      /* The search cleared, as Escape does: every loaded row is back. */
      elapsed = desk_bench_frames_time (bench->frames, phase, clear_change, bench, NULL);
      if (cleared_ms != NULL)
        g_array_append_val (cleared_ms, elapsed);
    }
}

static void
bench_local (Bench *bench)
{
  g_autoptr(GArray) ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) filtered_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) floor_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) late_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) late_filtered_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) late_floor_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) cleared_ms = g_array_new (FALSE, FALSE, sizeof (double));

  local_rounds (bench, N_LOCAL, TRUE, ms, filtered_ms, floor_ms, cleared_ms);
  local_rounds (bench, N_LOCAL_AFTER_PAINT, FALSE, late_ms, late_filtered_ms, late_floor_ms,
                NULL);

  desk_bench_report ("keystroke -> list drawn, local match, keys spread over the frame", ms,
                     floor_ms);
  report ("  of which filtering the loaded rows", filtered_ms);
  desk_bench_report ("same, each key right after a frame was drawn (worst point)", late_ms,
                     late_floor_ms);
  report ("  of which filtering the loaded rows", late_filtered_ms);
  desk_bench_frames_print_phases (bench->frames, type_change, "keystroke, both ways");
  desk_bench_frames_print_phases (bench->frames, set_floor_label, "floor, both ways");
  report ("search cleared (as Escape does), keys spread", cleared_ms);
  desk_bench_frames_print_phases (bench->frames, clear_change, "search cleared");
  type_text (bench, "");
  wait_for_list (bench);
}

/* A barcode scanner types an IMEI, 15 characters within a few milliseconds: every one is
 * a keystroke, and the list is drawn once they are all in. */
static void
bench_scanner (Bench *bench)
{
  g_autoptr(GArray) ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) floor_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GPtrArray) imeis = g_ptr_array_new_with_free_func (g_free);
  GListModel *rows = desk_tickets_page_get_rows (bench->page);
  double median_ms, floor_median;

  /* The IMEIs of the loaded rows. */
  for (guint i = 0; i < g_list_model_get_n_items (rows) && imeis->len < N_SCANS; i++)
    {
      g_autoptr(DeskTicket) ticket = g_list_model_get_item (rows, i);
      GListModel *devices = desk_ticket_get_devices (ticket);

      for (guint j = 0; j < g_list_model_get_n_items (devices); j++)
        {
          g_autoptr(DeskTicketDevice) device = g_list_model_get_item (devices, j);
          g_autofree char *imei = NULL;

          g_object_get (device, "imei", &imei, NULL);
          if (imei != NULL && strlen (imei) == 15 && imeis->len < N_SCANS)
            g_ptr_array_add (imeis, g_steal_pointer (&imei));
        }
    }

  if (imeis->len == 0)
    {
      g_print ("no IMEI among the loaded rows to scan\n");
      return;
    }

  for (guint i = 0; i < imeis->len; i++)
    {
      const char *imei = g_ptr_array_index (imeis, i);
      double floor_round, elapsed;
      gint64 begin;

      type_text (bench, "");
      wait_for_list (bench);
      floor_round = floor_frame (bench, i, 0);
      g_array_append_val (floor_ms, floor_round);
      wait_for_paint (bench);

      /* One character at a time at the end, as key presses insert them (setting the whole
       * text would delete the old one first, a change of its own). */
      begin = g_get_monotonic_time ();
      for (int n = 0; n < 15; n++)
        {
          int position = n;

          gtk_editable_insert_text (GTK_EDITABLE (desk_tickets_page_get_search_entry (bench->page)),
                                    imei + n, 1, &position);
        }
      wait_for_paint (bench);
      elapsed = (g_get_monotonic_time () - begin) / 1000.0;
      g_array_append_val (ms, elapsed);

      if (g_list_model_get_n_items (rows) == 0)
        g_error ("no local match for the scanned %s", imei);
    }

  median_ms = report ("scanned IMEI (15 keystrokes) -> list drawn", ms);
  floor_median = report ("  floor: a label changed -> frame drawn", floor_ms);
  g_print ("  ratio to the floor %.2fx; to one frame %.2fx\n", median_ms / floor_median,
           median_ms / FRAME_MS);
  type_text (bench, "");
  wait_for_list (bench);
}

/* Typing on: a customer's name typed a key at a time, the list drawn after each key,
 * as a clerk types. Each keystroke narrows the rows the one before left. */
static void
typing_rounds (Bench    *bench,
               guint     n_names,
               gboolean  spread,
               GArray   *ms,
               GArray   *floor_ms)
{
  GListModel *rows = desk_tickets_page_get_rows (bench->page);
  guint key = 0;

  for (guint i = 0; i < n_names; i++)
    {
      g_autoptr(DeskTicket) ticket = NULL;
      DeskCustomer *customer;
      g_autofree char *name = NULL;

      type_text (bench, "");
      wait_for_list (bench);
      ticket = g_list_model_get_item (rows, (i * 7) % g_list_model_get_n_items (rows));
      customer = desk_ticket_get_customer (ticket);
      if (customer == NULL || desk_customer_get_full_name (customer) == NULL)
        continue;
      name = g_strdup (desk_customer_get_full_name (customer));

      for (int n = 0; name[n] != '\0' && n < 8; n++, key++)
        {
          double phase = spread ? desk_bench_frames_round_phase (key) : 0;
          double floor_round = floor_frame (bench, n, phase);
          double elapsed;

          g_array_append_val (floor_ms, floor_round);
          bench->text = name + n;
          bench->position = n;
          elapsed = desk_bench_frames_time (bench->frames, phase, insert_key, bench, NULL);
          g_array_append_val (ms, elapsed);
        }
    }
}

static void
bench_typing (Bench *bench)
{
  g_autoptr(GArray) ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) floor_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) late_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) late_floor_ms = g_array_new (FALSE, FALSE, sizeof (double));

  typing_rounds (bench, N_TYPED, TRUE, ms, floor_ms);
  typing_rounds (bench, N_TYPED_AFTER_PAINT, FALSE, late_ms, late_floor_ms);
  desk_bench_report ("typing on, a key at a time -> list drawn, keys spread over the frame",
                     ms, floor_ms);
  desk_bench_report ("same, each key right after a frame was drawn (worst point)", late_ms,
                     late_floor_ms);
  desk_bench_frames_print_phases (bench->frames, insert_key, "keystroke, both ways");
  type_text (bench, "");
  wait_for_list (bench);
}

static gboolean
server_answered (gpointer data)
{
  Bench *bench = data;

  return list_settled (bench) &&
         desk_paged_list_get_query (desk_tickets_page_get_list (bench->page))->keyword != NULL;
}

/* Texts the loaded rows do not hold: the answer comes from the server. */
static void
bench_server (Bench *bench)
{
  static const char * const texts[] = { "T-412", "T-5123", "Garcia", "Galaxy", "T-77", "iPad",
                                        "Khan", "T-9001", "Pixel", "555", "Moore", "T-2" };
  g_autoptr(GArray) total = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) after_pause = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint i = 0; i < N_SERVER; i++)
    {
      gint64 begin;
      double elapsed, without_pause;

      type_text (bench, "");
      wait_for_list (bench);
      wait_for_paint (bench);

      begin = g_get_monotonic_time ();
      type_text (bench, texts[i]);
      if (!desk_test_wait_for (server_answered, bench, 60000))
        g_error ("no answer for %s", texts[i]);
      wait_for_paint (bench);
      elapsed = (g_get_monotonic_time () - begin) / 1000.0;
      without_pause = elapsed - 250.0;
      g_array_append_val (total, elapsed);
      g_array_append_val (after_pause, without_pause);
    }

  report ("keystroke -> list, server match (with pause)", total);
  report ("  of which after the 250 ms typing pause", after_pause);
  type_text (bench, "");
  wait_for_list (bench);
}

static gboolean
scrolled_enough (gpointer data)
{
  Bench *bench = data;
  GListModel *rows = desk_tickets_page_get_rows (bench->page);
  GtkScrolledWindow *scrolled;
  gboolean handled = FALSE;
  GtkWidget *view = GTK_WIDGET (desk_tickets_page_get_results (bench->page));
  GtkWidget *child = desk_results_view_get_child (DESK_RESULTS_VIEW (view));

  scrolled = GTK_SCROLLED_WINDOW (gtk_widget_get_ancestor (child, GTK_TYPE_SCROLLED_WINDOW));
  /* As a user flicking down: a screen at a time, the next page fetched at the edge. */
  g_signal_emit_by_name (scrolled, "scroll-child", GTK_SCROLL_PAGE_FORWARD, FALSE, &handled);

  return g_list_model_get_n_items (rows) >= N_SCROLLED;
}

static void
bench_memory (Bench  *bench,
              gint64  before_page)
{
  gint64 begin = g_get_monotonic_time ();

  if (!desk_test_wait_for (scrolled_enough, bench, 600000))
    g_error ("could not scroll through %d tickets", N_SCROLLED);
  wait_for_list (bench);
  wait_for_paint (bench);

  g_print ("scrolled through %u tickets in %.1f s\n",
           g_list_model_get_n_items (desk_tickets_page_get_rows (bench->page)),
           (g_get_monotonic_time () - begin) / 1e6);
  g_print ("memory (RSS) after scrolling: %" G_GINT64_FORMAT " KiB, of which %" G_GINT64_FORMAT
           " KiB since the page was opened (the rest is GTK and the in-process sandbox store)\n",
           rss_kib (), rss_kib () - before_page);
}

static void
bench_tickets (void)
{
  g_autoptr(DeskSandbox) sandbox = NULL;
  g_autoptr(DeskApiClient) client = NULL;
  g_autoptr(DeskCatalog) catalog = NULL;
  g_autoptr(GSettings) settings = NULL;
  g_autoptr(DeskContext) context = NULL;
  g_autoptr(GError) error = NULL;
  DeskTicketFilters filters = { .range = DESK_TICKET_RANGE_ALL };
  Bench bench = { 0, };
  GtkWindow *window;
  GtkWidget *box;
  gint64 before_page, begin;

  begin = g_get_monotonic_time ();
  sandbox = g_object_new (DESK_TYPE_SANDBOX, "rate-limit", 0, NULL);
  if (!desk_sandbox_start (sandbox, 0, &error))
    g_error ("%s", error->message);
  g_print ("demo store seeded in %.1f s\n", (g_get_monotonic_time () - begin) / 1e6);

  client = desk_api_client_new (desk_sandbox_get_url (sandbox), DESK_SANDBOX_DEMO_API_KEY);
  desk_rate_governor_set_limit (desk_api_client_get_governor (client), 100000);
  catalog = desk_catalog_new (client);
  settings = g_settings_new ("io.frontdesk.FrontDesk");

  before_page = rss_kib ();
  context = desk_context_new_for_client (settings, client, catalog);
  bench.page = DESK_TICKETS_PAGE (desk_tickets_page_new (context));
  window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (window, 1280, 800);
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  bench.floor_label = GTK_LABEL (gtk_label_new ("round"));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (bench.floor_label));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (bench.page));
  gtk_widget_set_vexpand (GTK_WIDGET (bench.page), TRUE);
  gtk_window_set_child (window, box);
  gtk_window_present (window);
  g_signal_connect (gtk_widget_get_frame_clock (GTK_WIDGET (window)), "after-paint",
                    G_CALLBACK (after_paint_cb), &bench);
  bench.frames = desk_bench_frames_new (GTK_WIDGET (bench.page));

  desk_tickets_page_set_filters (bench.page, &filters);
  wait_for_list (&bench);
  g_print ("tickets in the store: %" G_GINT64_FORMAT "\n",
           desk_paged_list_get_n_total (desk_tickets_page_get_list (bench.page)));

  bench_local (&bench);
  bench_scanner (&bench);
  bench_typing (&bench);
  bench_server (&bench);
  bench_memory (&bench, before_page);

  g_clear_pointer (&bench.frames, desk_bench_frames_free);
  gtk_window_destroy (window);
  desk_test_iterate (50);
  desk_sandbox_stop (sandbox);
}

int
main (int   argc,
      char *argv[])
{
  /* The allocator as Front Desk sets it, so that the frames measured pay what its do. */
  desk_tune_allocator ();
  desk_test_init (&argc, &argv);
  /* GTK 4.8's list warns "failed to scroll to given position" when a page-down animation
   * ends on rows that moved as pages arrived; the benchmark measures and goes on. */
  g_log_set_always_fatal (G_LOG_FATAL_MASK | G_LOG_LEVEL_CRITICAL);
  /* A test function, so that it runs in directories of its own (the catalog cache). */
  g_test_add_func ("/bench/tickets", bench_tickets);

  return g_test_run ();
}
