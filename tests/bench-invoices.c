/* bench-invoices.c
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "desk-sandbox.h"
#include "desk-test-utils.h"
#include "invoices/desk-invoices-page.h"

/* The Invoices screen on the default demo store: the time from a keystroke in the search
 * to the end of the first frame that draws the list narrowed to the loaded invoices that
 * match (order id or customer), measured to the frame clock's after-paint.
 *
 * The floor is a label in the same window given new text and drawn the same way,
 * measured in the same run, interleaved: the frame clock's own pace and the window's
 * redraw are in both, so the ratio is what the search adds. Run by
 * `meson test -C build --benchmark`. */

#define N_ROUNDS 25
#define WAIT_MS 60000
#define GOAL_MS 16.7

typedef struct
{
  DeskInvoicesPage *page;
  GtkLabel         *label;
  gint64            painted_at;
  double            handler_ms;
  gboolean          waiting;
} Bench;

static void
after_paint_cb (GdkFrameClock *clock,
                Bench         *bench)
{
  if (bench->waiting && bench->painted_at == 0)
    bench->painted_at = g_get_monotonic_time ();
}

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

/* Milliseconds from @change to the end of the frame that drew it. */
static double
time_to_frame (Bench *bench,
               void (*change) (Bench *bench, const char *text),
               const char *text)
{
  gint64 start;

  bench->painted_at = 0;
  bench->waiting = TRUE;
  start = g_get_monotonic_time ();
  change (bench, text);
  bench->handler_ms = (g_get_monotonic_time () - start) / 1000.0;
  gtk_widget_queue_draw (GTK_WIDGET (bench->page));
  while (bench->painted_at == 0)
    g_main_context_iteration (NULL, TRUE);
  bench->waiting = FALSE;

  return (bench->painted_at - start) / 1000.0;
}

static void
type_text (Bench      *bench,
           const char *text)
{
  desk_invoices_page_set_search_text (bench->page, text);
}

static void
set_label (Bench      *bench,
           const char *text)
{
  gtk_label_set_label (bench->label, text);
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static double
median (double *times,
        guint   n)
{
  qsort (times, n, sizeof *times, compare_doubles);
  return times[n / 2];
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

static void
bench_invoices (void)
{
  g_autoptr(DeskSandbox) sandbox = g_object_new (DESK_TYPE_SANDBOX, "rate-limit", 0, NULL);
  g_autoptr(DeskApiClient) client = NULL;
  g_autoptr(GSettings) settings = NULL;
  g_autoptr(DeskContext) context = NULL;
  g_autoptr(GError) error = NULL;
  DeskInvoiceFilters all = { .status = DESK_INVOICE_FILTER_ANY, .range = DESK_INVOICE_RANGE_ALL };
  double search[N_ROUNDS], floor[N_ROUNDS], handler[N_ROUNDS];
  guint matched = 0, loaded;
  Bench bench = { 0, };
  GtkWidget *box;
  GtkWindow *window;
  double search_ms, floor_ms;

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
  g_signal_connect (gtk_widget_get_frame_clock (GTK_WIDGET (window)), "after-paint",
                    G_CALLBACK (after_paint_cb), &bench);
  wait_for_list (&bench);
  loaded = g_list_model_get_n_items (desk_invoices_page_get_model (bench.page));

  for (guint i = 0; i < N_ROUNDS; i++)
    {
      g_autofree char *text = needle (&bench, i);
      g_autofree char *label = g_strdup_printf ("Front Desk %u", i);

      if (i % 2 == 0)
        {
          floor[i] = time_to_frame (&bench, set_label, label);
          search[i] = time_to_frame (&bench, type_text, text);
          handler[i] = bench.handler_ms;
        }
      else
        {
          search[i] = time_to_frame (&bench, type_text, text);
          handler[i] = bench.handler_ms;
          floor[i] = time_to_frame (&bench, set_label, label);
        }
      matched += g_list_model_get_n_items (desk_invoices_page_get_model (bench.page));
      if (g_list_model_get_n_items (desk_invoices_page_get_model (bench.page)) == 0)
        g_error ("no local match for “%s”", text);

      /* Back to the whole list, the server's answer to the search out of the way. */
      type_text (&bench, "");
      wait_for_list (&bench);
    }

  search_ms = median (search, N_ROUNDS);
  floor_ms = median (floor, N_ROUNDS);
  g_print ("# %d interleaved rounds over %u loaded invoices (default demo store), "
           "%.1f rows matched on average\n", N_ROUNDS, loaded, (double) matched / N_ROUNDS);
  g_print ("keystroke -> invoice list drawn, local match: median %.1f ms\n", search_ms);
  g_print ("  of which the keystroke's handler (filtering the loaded rows): median %.2f ms\n",
           median (handler, N_ROUNDS));
  g_print ("floor, a label's new text drawn the same way: median %.1f ms\n", floor_ms);
  g_print ("search / floor: %.2fx; goal within a frame (%.1f ms): %s\n", search_ms / floor_ms,
           GOAL_MS, search_ms <= GOAL_MS ? "met" : "missed");

  gtk_window_destroy (window);
  desk_test_iterate (50);
  desk_sandbox_stop (sandbox);
}

int
main (int   argc,
      char *argv[])
{
  desk_test_init (&argc, &argv);
  g_test_add_func ("/bench/invoices", bench_invoices);

  return g_test_run ();
}
