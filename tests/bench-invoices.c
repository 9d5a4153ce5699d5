/* bench-invoices.c
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
#include "invoices/desk-invoices-page.h"

/* The Invoices screen on the default demo store: the time from a keystroke in the search
 * to the end of the first frame that draws the list narrowed to the loaded invoices that
 * match (order id or customer), measured to the frame clock's after-paint.
 *
 * The floor is a label in the same window given new text and drawn the same way,
 * measured in the same run, interleaved: the frame clock's own pace and the window's
 * redraw are in both, so the ratio is what the search adds.
 *
 * Keys come at a spread of points of a frame, as a clerk's do (desk-bench-frames.c):
 * round i is sent (i mod 8)/8 of a refresh interval after the last frame was drawn, the
 * floor's change at the same point. A second series sends every key right after a frame
 * was drawn, the worst point, which waits most of an interval for the next frame; it is
 * printed on a line of its own beside its floor. Run by `meson test -C build --benchmark`. */

#define N_SPREAD (3 * DESK_BENCH_N_PHASES)
#define N_AFTER_PAINT 12
#define WAIT_MS 60000

typedef struct
{
  DeskInvoicesPage *page;
  GtkLabel         *label;
  const char       *text;
} Bench;

static gboolean
list_settled (gpointer data)
{
  Bench *bench = data;

  return !desk_invoices_page_get_searching (bench->page) &&
         g_strcmp0 (desk_invoices_page_get_state (bench->page), "results") == 0;
}

static void
wait_for_list (Bench *bench)
{
  if (!desk_test_wait_for (list_settled, bench, WAIT_MS))
    g_error ("the invoice list did not load");
  desk_test_wait_for_frames (GTK_WIDGET (bench->page), 2, WAIT_MS);
}

static void
type_text (gpointer data)
{
  Bench *bench = data;

  desk_invoices_page_set_search_text (bench->page, bench->text);
}

static void
set_label (gpointer data)
{
  Bench *bench = data;

  gtk_label_set_label (bench->label, bench->text);
}

/* What a clerk types: the start of an order id, or of a customer's name. */
static char *
needle (Bench *bench,
        guint  round)
{
  GListModel *rows = desk_invoices_page_get_model (bench->page);
  g_autoptr(DeskInvoice) invoice = g_list_model_get_item (rows, (round * 7) % g_list_model_get_n_items (rows));
  DeskCustomer *customer = desk_invoice_get_customer (invoice);

  if (round % 2 == 1 && customer != NULL && desk_customer_get_full_name (customer) != NULL)
    return g_utf8_substring (desk_customer_get_full_name (customer), 0, 3);

  return g_strndup (desk_invoice_get_order_id (invoice), 2 + round % 3);
}

/* Rounds of the search and of the floor at the same point of the frame, in turn first. */
static void
run_rounds (Bench           *bench,
            DeskBenchFrames *frames,
            guint            n_rounds,
            gboolean         spread,
            GArray          *search,
            GArray          *floor,
            GArray          *handler,
            guint           *matched)
{
  for (guint i = 0; i < n_rounds; i++)
    {
      g_autofree char *text = needle (bench, i);
      g_autofree char *label = g_strdup_printf ("Front Desk %u", i);
      double phase = spread ? desk_bench_frames_round_phase (i) : 0;
      double search_ms, floor_ms, handler_ms;

      bench->text = label;
      if (i % 2 == 0)
        floor_ms = desk_bench_frames_time (frames, phase, set_label, bench, NULL);
      bench->text = text;
      search_ms = desk_bench_frames_time (frames, phase, type_text, bench, &handler_ms);
      bench->text = label;
      if (i % 2 == 1)
        floor_ms = desk_bench_frames_time (frames, phase, set_label, bench, NULL);
      g_array_append_val (search, search_ms);
      g_array_append_val (floor, floor_ms);
      g_array_append_val (handler, handler_ms);

      *matched += g_list_model_get_n_items (desk_invoices_page_get_model (bench->page));
      if (g_list_model_get_n_items (desk_invoices_page_get_model (bench->page)) == 0)
        g_error ("no local match for “%s”", text);

      /* Back to the whole list, the server's answer to the search out of the way. */
      desk_invoices_page_set_search_text (bench->page, "");
      wait_for_list (bench);
    }
}

static void
bench_invoices (void)
{
  g_autoptr(DeskSandbox) sandbox = g_object_new (DESK_TYPE_SANDBOX, "rate-limit", 0, NULL);
  g_autoptr(DeskApiClient) client = NULL;
  g_autoptr(GSettings) settings = NULL;
  g_autoptr(DeskContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(DeskBenchFrames) frames = NULL;
  g_autoptr(GArray) search = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) floor = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) handler = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) search_late = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) floor_late = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) handler_late = g_array_new (FALSE, FALSE, sizeof (double));
  DeskInvoiceFilters all = { .status = DESK_INVOICE_FILTER_ANY, .range = DESK_INVOICE_RANGE_ALL };
  guint matched = 0, loaded;
  Bench bench = { 0, };
  GtkWidget *box;
  GtkWindow *window;

  g_object_set (gtk_settings_get_default (), "gtk-cursor-blink", FALSE, NULL);
  if (!desk_sandbox_start (sandbox, 0, &error))
    g_error ("%s", error->message);

  client = desk_api_client_new (desk_sandbox_get_url (sandbox), DESK_SANDBOX_DEMO_API_KEY);
  desk_rate_governor_set_limit (desk_api_client_get_governor (client), 100000);
  settings = g_settings_new (APP_ID);
  context = desk_context_new_for_client (settings, client, NULL);
  bench.page = DESK_INVOICES_PAGE (desk_invoices_page_new (context));
  desk_invoices_page_set_filters (bench.page, &all);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  bench.label = GTK_LABEL (gtk_label_new ("Front Desk"));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (bench.label));
  gtk_widget_set_vexpand (GTK_WIDGET (bench.page), TRUE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (bench.page));
  window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (window, 1100, 720);
  gtk_window_set_child (window, box);
  gtk_window_present (window);
  frames = desk_bench_frames_new (GTK_WIDGET (bench.page));
  wait_for_list (&bench);
  loaded = g_list_model_get_n_items (desk_invoices_page_get_model (bench.page));

  run_rounds (&bench, frames, N_SPREAD, TRUE, search, floor, handler, &matched);
  run_rounds (&bench, frames, N_AFTER_PAINT, FALSE, search_late, floor_late, handler_late,
              &matched);

  g_print ("# %u interleaved rounds over %u loaded invoices (default demo store), "
           "%.1f rows matched on average\n", N_SPREAD + N_AFTER_PAINT, loaded,
           (double) matched / (N_SPREAD + N_AFTER_PAINT));
  desk_bench_report ("keystroke -> invoice list drawn, local match, keys spread over the frame",
                     search, floor);
  g_print ("  of which the keystroke's handler (filtering the loaded rows): median %.2f ms, "
           "max %.2f ms\n", desk_bench_median (handler), desk_bench_max (handler));
  desk_bench_report ("same, each key right after a frame was drawn (worst point)",
                     search_late, floor_late);
  g_print ("  of which the keystroke's handler: median %.2f ms\n",
           desk_bench_median (handler_late));
  desk_bench_frames_print_phases (frames, type_text, "keystroke, both ways");
  desk_bench_frames_print_phases (frames, set_label, "floor, both ways");

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
  g_test_add_func ("/bench/invoices", bench_invoices);

  return g_test_run ();
}
