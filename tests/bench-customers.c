/* bench-customers.c
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "customers/desk-customers-page.h"
#include "desk-sandbox.h"
#include "desk-test-utils.h"

/* Figures of the Customers screen on the default demo store: the time from a keystroke to
 * the narrowed list for a match among the rows already loaded, and to the list the server
 * answered (which includes the pause the screen waits for more typing). Run by
 * `meson test -C build --benchmark`. */

#define N_ROUNDS 7
#define WAIT_MS 30000

static gboolean
settled (gpointer data)
{
  return !desk_customers_page_get_searching (data);
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

/* The median of @n times, in milliseconds. */
static double
median (double *times,
        guint   n)
{
  qsort (times, n, sizeof *times, compare_doubles);
  return times[n / 2];
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(DeskSandbox) sandbox = g_object_new (DESK_TYPE_SANDBOX, "rate-limit", 0, NULL);
  g_autoptr(DeskApiClient) client = NULL;
  g_autoptr(GSettings) settings = NULL;
  g_autoptr(DeskContext) context = NULL;
  g_autoptr(GError) error = NULL;
  const char *names[N_ROUNDS] = { "Ngu", "Okaf", "Wright", "Chen", "Al-S", "Lopez", "Kim" };
  double local[N_ROUNDS], server[N_ROUNDS];
  DeskCustomersPage *page;
  GtkWindow *window;

  desk_test_init (&argc, &argv);
  g_object_set (gtk_settings_get_default (), "gtk-cursor-blink", FALSE, NULL);

  if (!desk_sandbox_start (sandbox, 0, &error))
    g_error ("%s", error->message);
  client = desk_api_client_new (desk_sandbox_get_url (sandbox), DESK_SANDBOX_DEMO_API_KEY);
  desk_rate_governor_set_limit (desk_api_client_get_governor (client), 100000);
  settings = g_settings_new (APP_ID);

  context = desk_context_new_for_client (settings, client, NULL);
  page = DESK_CUSTOMERS_PAGE (desk_customers_page_new (context));
  window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (window, 1100, 720);
  gtk_window_set_child (window, GTK_WIDGET (page));
  gtk_window_present (window);
  g_assert_true (desk_test_wait_for (settled, page, WAIT_MS));
  g_print ("# %u customers loaded\n",
           g_list_model_get_n_items (desk_customers_page_get_model (page)));

  for (guint i = 0; i < N_ROUNDS; i++)
    {
      gint64 begin = g_get_monotonic_time ();

      /* The local match is done when setting the text returns: the filter runs at once. */
      desk_customers_page_set_search_text (page, names[i]);
      local[i] = (g_get_monotonic_time () - begin) / 1e3;
      g_assert_true (desk_test_wait_for (settled, page, WAIT_MS));
      server[i] = (g_get_monotonic_time () - begin) / 1e3;

      desk_customers_page_set_search_text (page, NULL);
      g_assert_true (desk_test_wait_for (settled, page, WAIT_MS));
    }

  g_print ("keystroke to local match over %u rows: median %.2f ms\n",
           g_list_model_get_n_items (desk_customers_page_get_model (page)),
           median (local, N_ROUNDS));
  g_print ("keystroke to server match (300 ms pause included): median %.1f ms\n",
           median (server, N_ROUNDS));

  gtk_window_destroy (window);
  desk_test_iterate (50);
  desk_sandbox_stop (sandbox);

  return 0;
}
