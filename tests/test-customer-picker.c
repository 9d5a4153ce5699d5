/* test-customer-picker.c
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "desk-sandbox.h"
#include "desk-test-utils.h"
#include "widgets/desk-customer-picker.h"

/* The customer picker New Ticket and the invoice form share, against the in-process
 * sandbox: the matches are the server's, the newest first and no more than asked for;
 * nothing matching, and a search that failed, each say so in words, and Enter searches
 * again; Enter takes the first match; Escape clears the text, then is the form's. */

#define WAIT_MS 20000

typedef struct
{
  DeskSandbox        *sandbox;
  DeskApiClient      *client;
  GtkWindow          *window;
  DeskCustomerPicker *picker;
  GPtrArray          *chosen;
  guint               n_stop_search;
} Fixture;

static void
chosen_cb (DeskCustomerPicker *picker,
           DeskCustomer       *customer,
           Fixture            *fixture)
{
  g_ptr_array_add (fixture->chosen, g_object_ref (customer));
}

static void
stop_search_cb (DeskCustomerPicker *picker,
                Fixture            *fixture)
{
  fixture->n_stop_search++;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->sandbox = g_object_new (DESK_TYPE_SANDBOX, "seed", 5, "n-customers", 60,
                                   "n-tickets", 5, "n-invoices", 5, "rate-limit", 0, NULL);
  desk_sandbox_start (fixture->sandbox, 0, &error);
  g_assert_no_error (error);
  fixture->client = desk_api_client_new (desk_sandbox_get_url (fixture->sandbox),
                                         DESK_SANDBOX_DEMO_API_KEY);
  desk_api_client_set_max_retries (fixture->client, 0);
  desk_rate_governor_set_limit (desk_api_client_get_governor (fixture->client), 100000);

  fixture->chosen = g_ptr_array_new_with_free_func (g_object_unref);
  fixture->picker = DESK_CUSTOMER_PICKER (desk_customer_picker_new ());
  desk_customer_picker_set_hints (fixture->picker, "Type a name.", "Try another name.");
  desk_customer_picker_set_client (fixture->picker, fixture->client);
  g_signal_connect (fixture->picker, "chosen", G_CALLBACK (chosen_cb), fixture);
  g_signal_connect (fixture->picker, "stop-search", G_CALLBACK (stop_search_cb), fixture);

  fixture->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (fixture->window, 480, 600);
  gtk_window_set_child (fixture->window, GTK_WIDGET (fixture->picker));
  gtk_window_present (fixture->window);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_root_set_focus (GTK_ROOT (fixture->window), NULL);
  gtk_window_destroy (fixture->window);
  g_clear_pointer (&fixture->chosen, g_ptr_array_unref);
  g_clear_object (&fixture->client);
  desk_sandbox_stop (fixture->sandbox);
  g_clear_object (&fixture->sandbox);
}

/* The server's own answer to @keyword, the newest customer first. */
static GPtrArray *
server_matches (Fixture    *fixture,
                const char *keyword)
{
  DeskListQuery query = { .keyword = (char *) keyword, .filter = DESK_LIST_FILTER_UNSET,
                         .page_size = 500 };
  g_autoptr(GError) error = NULL;
  DeskTestResult r = { NULL };
  GPtrArray *customers;

  desk_api_client_list_customers_async (fixture->client, &query, 0, NULL, desk_test_result_cb, &r);
  customers = desk_api_client_list_customers_finish (fixture->client, desk_test_await (&r, WAIT_MS),
                                                     NULL, &error);
  desk_test_result_clear (&r);
  g_assert_no_error (error);

  return customers;
}

static gboolean
shows_matches (gpointer data)
{
  return desk_customer_picker_get_shown (data, 0) != NULL;
}

typedef struct
{
  DeskCustomerPicker *picker;
  const char         *end;
} HintWait;

static gboolean
hint_ends (gpointer data)
{
  HintWait *wait = data;
  const char *hint = desk_customer_picker_get_hint (wait->picker);

  return hint != NULL && g_str_has_suffix (hint, wait->end);
}

static void
type (Fixture    *fixture,
      const char *text)
{
  gtk_editable_set_text (desk_customer_picker_get_entry (fixture->picker), text);
}

static void
test_newest_first (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GPtrArray) expected = server_matches (fixture, "a");
  gint64 previous = G_MAXINT64;
  guint shown = 0;

  g_assert_cmpuint (expected->len, >, 3);
  g_assert_cmpstr (desk_customer_picker_get_hint (fixture->picker), ==, "Type a name.");

  desk_customer_picker_set_max_results (fixture->picker, 3);
  type (fixture, "a");
  g_assert_true (desk_test_wait_for (shows_matches, fixture->picker, WAIT_MS));
  g_assert_null (desk_customer_picker_get_hint (fixture->picker));

  for (DeskCustomer *customer;
       (customer = desk_customer_picker_get_shown (fixture->picker, shown)) != NULL;
       shown++)
    {
      gboolean from_server = FALSE;

      g_assert_cmpint (desk_customer_get_id (customer), <, previous);
      previous = desk_customer_get_id (customer);
      for (guint i = 0; i < expected->len; i++)
        from_server |= desk_customer_get_id (g_ptr_array_index (expected, i)) == previous;
      g_assert_true (from_server);
    }
  g_assert_cmpuint (shown, ==, 3);

  /* The newest of all the server's matches comes first. */
  for (guint i = 0; i < expected->len; i++)
    g_assert_cmpint (desk_customer_get_id (g_ptr_array_index (expected, i)), <=,
                     desk_customer_get_id (desk_customer_picker_get_shown (fixture->picker, 0)));
}

static void
test_enter_takes_first (Fixture       *fixture,
                        gconstpointer  data)
{
  DeskCustomer *first;

  type (fixture, "a");
  g_assert_true (desk_test_wait_for (shows_matches, fixture->picker, WAIT_MS));
  first = desk_customer_picker_get_shown (fixture->picker, 0);
  g_signal_emit_by_name (desk_customer_picker_get_entry (fixture->picker), "activate");
  g_assert_cmpuint (fixture->chosen->len, ==, 1);
  g_assert_cmpint (desk_customer_get_id (g_ptr_array_index (fixture->chosen, 0)), ==,
                   desk_customer_get_id (first));
}

static void
test_no_match (Fixture       *fixture,
               gconstpointer  data)
{
  HintWait wait = { fixture->picker, "Try another name." };
  const char *hint;

  type (fixture, "Zqxjvw");
  g_assert_true (desk_test_wait_for (hint_ends, &wait, WAIT_MS));
  hint = desk_customer_picker_get_hint (fixture->picker);
  g_assert_cmpstr (hint, ==, "No customer matches “Zqxjvw”. Try another name.");
  g_signal_emit_by_name (desk_customer_picker_get_entry (fixture->picker), "activate");
  g_assert_cmpuint (fixture->chosen->len, ==, 0);
}

/* A search the server could not answer says why, keeps the text, and Enter asks again. */
static void
test_failed_search (Fixture       *fixture,
                    gconstpointer  data)
{
  HintWait wait = { fixture->picker, "Press Enter to search again." };
  GtkEditable *entry = desk_customer_picker_get_entry (fixture->picker);

  desk_sandbox_set_fault (fixture->sandbox, DESK_SANDBOX_FAULT_HTTP_500, 1.0);
  type (fixture, "a");
  g_assert_true (desk_test_wait_for (hint_ends, &wait, WAIT_MS));
  g_assert_null (strstr (desk_customer_picker_get_hint (fixture->picker), "{"));
  g_assert_cmpstr (gtk_editable_get_text (entry), ==, "a");

  desk_sandbox_set_fault (fixture->sandbox, DESK_SANDBOX_FAULT_NONE, 0);
  g_signal_emit_by_name (entry, "activate");
  g_assert_true (desk_test_wait_for (shows_matches, fixture->picker, WAIT_MS));
  g_assert_cmpstr (gtk_editable_get_text (entry), ==, "a");
}

static void
test_escape (Fixture       *fixture,
             gconstpointer  data)
{
  GtkEditable *entry = desk_customer_picker_get_entry (fixture->picker);

  type (fixture, "a");
  g_signal_emit_by_name (entry, "stop-search");
  g_assert_cmpstr (gtk_editable_get_text (entry), ==, "");
  g_assert_cmpuint (fixture->n_stop_search, ==, 0);
  g_signal_emit_by_name (entry, "stop-search");
  g_assert_cmpuint (fixture->n_stop_search, ==, 1);
  g_assert_cmpstr (desk_customer_picker_get_hint (fixture->picker), ==, "Type a name.");
}

int
main (int   argc,
      char *argv[])
{
  desk_test_init (&argc, &argv);

  g_test_add ("/customer-picker/newest-first", Fixture, NULL, fixture_set_up,
              test_newest_first, fixture_tear_down);
  g_test_add ("/customer-picker/enter-takes-first", Fixture, NULL, fixture_set_up,
              test_enter_takes_first, fixture_tear_down);
  g_test_add ("/customer-picker/no-match", Fixture, NULL, fixture_set_up,
              test_no_match, fixture_tear_down);
  g_test_add ("/customer-picker/failed-search", Fixture, NULL, fixture_set_up,
              test_failed_search, fixture_tear_down);
  g_test_add ("/customer-picker/escape", Fixture, NULL, fixture_set_up,
              test_escape, fixture_tear_down);

  return g_test_run ();
}
