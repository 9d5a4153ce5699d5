/* test-api-mapped-lists.c
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <libsoup/soup.h>

#include "desk-core.h"
#include "desk-test-client.h"

/* Big list replies, whose records the client maps while it parses them: every record
 * arrives, in order and whole, broken ones are skipped, two identical requests in flight
 * still share one reply with records of their own, and a body that cannot be read ends
 * in a DESK_API_ERROR as a small one does. The replies are far above the size the
 * client parses away from the main thread. */

#define TEST_KEY  "mapped-lists-key"
#define N_RECORDS 3000

typedef enum
{
  REPLY_GOOD,
  REPLY_TRUNCATED,
  REPLY_HTML,
  REPLY_REFUSED,
  REPLY_BLANK,
} Reply;

typedef struct
{
  SoupServer    *server;
  DeskClock     *clock;
  DeskApiClient *client;
  char          *base_url;
  Reply          reply;
  guint          n_hits;
} Fixture;

/* Every 1000th record is not an object: it cannot be read. */
static gboolean
is_broken (guint i)
{
  return i % 1000 == 500;
}

static void
append_records (GString    *out,
                const char *path)
{
  for (guint i = 0; i < N_RECORDS; i++)
    {
      if (i > 0)
        g_string_append_c (out, ',');

      if (is_broken (i))
        g_string_append (out, "\"not a record\"");
      else if (g_str_has_suffix (path, "/tickets"))
        g_string_append_printf (out,
          "{\"summary\":{\"id\":\"%u\",\"order_id\":\"T-%u\",\"total\":\"$10.00\","
          "\"customer\":{\"fullName\":\"Customer %u\",\"id\":\"%u\"}},"
          "\"devices\":[{\"id\":\"%u\",\"device\":{\"id\":\"7\",\"name\":\"Phone %u\"}},"
          "{\"id\":\"%u\",\"device\":{\"id\":\"8\",\"name\":\"Tablet\"}}]}",
          1000 + i, 1000 + i, i, 500 + i, 90000 + i, i, 190000 + i);
      else if (g_str_has_suffix (path, "/customers"))
        g_string_append_printf (out,
          "{\"cid\":\"%u\",\"fullName\":\"Customer %u\",\"email\":\"c%u@example.com\","
          "\"mobile\":\"555-%04u\",\"orgonization\":\"\",\"address1\":\"\"}",
          1000 + i, i, i, i);
      else
        g_string_append_printf (out,
          "{\"summary\":{\"id\":\"%u\",\"order_id\":\"I-%u\",\"total\":\"12.50\","
          "\"customer\":{\"fullName\":\"Customer %u\",\"id\":\"%u\"}},"
          "\"items\":[{\"id\":\"%u\",\"name\":\"Screen\",\"price\":\"12.50\"}]}",
          1000 + i, 1000 + i, i, 500 + i, 70000 + i);
    }
}

static char *
reply_body (Fixture    *fixture,
            const char *path)
{
  g_autoptr(GString) out = g_string_new (NULL);

  switch (fixture->reply)
    {
    case REPLY_BLANK:
      /* White space alone, big enough to be parsed away from the main thread. */
      for (guint i = 0; i < 300 * 1024; i++)
        g_string_append_c (out, ' ');
      break;

    case REPLY_HTML:
      g_string_append (out, "<html><body>");
      for (guint i = 0; i < 30000; i++)
        g_string_append (out, "<p>Service unavailable</p>");
      g_string_append (out, "</body></html>");
      break;

    case REPLY_REFUSED:
      g_string_append (out, "{\"success\":false,\"statusCode\":400,"
                            "\"message\":\"Bad filter\",\"data\":[");
      append_records (out, path);
      g_string_append (out, "]}");
      break;

    case REPLY_GOOD:
    case REPLY_TRUNCATED:
      g_string_append (out, "{\"success\":true,\"statusCode\":200,\"message\":\"OK\","
                            "\"data\":{\"ticketData\":[");
      append_records (out, path);
      g_string_append_printf (out, "],\"pagination\":{\"page\":1,\"per_page\":%d,"
                                   "\"total_records\":%d,\"total_pages\":1,"
                                   "\"next_page_exist\":0,\"previous_page_exist\":0}}}",
                              N_RECORDS, N_RECORDS);
      /* Cut in the middle of a record, the length announced matching what is sent. */
      if (fixture->reply == REPLY_TRUNCATED)
        g_string_truncate (out, out->len / 2);
      break;
    default:
      g_assert_not_reached ();
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
server_cb (SoupServer        *server,
           SoupServerMessage *message,
           const char        *path,
           GHashTable        *query,
           gpointer           user_data)
{
  Fixture *fixture = user_data;
  char *body = reply_body (fixture, path);

  fixture->n_hits++;
  soup_server_message_set_status (message, SOUP_STATUS_OK, NULL);
  soup_server_message_set_response (message, "application/json", SOUP_MEMORY_TAKE,
                                    body, strlen (body));
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(DeskRateGovernor) governor = NULL;

  fixture->server = soup_server_new (NULL, NULL);
  soup_server_add_handler (fixture->server, "/api/web/v1/", server_cb, fixture, NULL);
  fixture->base_url = desk_test_listen_local (fixture->server);
  fixture->clock = desk_clock_new_manual (0);
  governor = desk_rate_governor_new (fixture->clock);
  fixture->client = g_object_new (DESK_TYPE_API_CLIENT,
                                  "base-url", fixture->base_url,
                                  "api-key", TEST_KEY,
                                  "governor", governor,
                                  "max-retries", 0,
                                  NULL);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  desk_test_finalize_soon (fixture->client);
  soup_server_disconnect (fixture->server);
  g_assert_finalize_object (fixture->server);
  g_assert_finalize_object (fixture->clock);
  g_free (fixture->base_url);
}

typedef enum
{
  LIST_TICKETS,
  LIST_CUSTOMERS,
  LIST_INVOICES,
} List;

typedef struct
{
  List          list;
  GPtrArray    *records;
  DeskPageInfo  info;
  GError       *error;
  gboolean      done;
} Listing;

static void
listed_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  Listing *listing = user_data;
  DeskApiClient *client = DESK_API_CLIENT (object);

  switch (listing->list)
    {
    case LIST_TICKETS:
      listing->records = desk_api_client_list_tickets_finish (client, result, &listing->info,
                                                              &listing->error);
      break;
    case LIST_CUSTOMERS:
      listing->records = desk_api_client_list_customers_finish (client, result, &listing->info,
                                                                &listing->error);
      break;
    case LIST_INVOICES:
      listing->records = desk_api_client_list_invoices_finish (client, result, &listing->info,
                                                               &listing->error);
      break;
    default:
      g_assert_not_reached ();
    }
  listing->done = TRUE;
}

static void
start_listing (Fixture *fixture,
               Listing *listing)
{
  switch (listing->list)
    {
    case LIST_TICKETS:
      desk_api_client_list_tickets_async (fixture->client, NULL, 1, NULL, listed_cb, listing);
      break;
    case LIST_CUSTOMERS:
      desk_api_client_list_customers_async (fixture->client, NULL, 1, NULL, listed_cb, listing);
      break;
    case LIST_INVOICES:
      desk_api_client_list_invoices_async (fixture->client, NULL, 1, NULL, listed_cb, listing);
      break;
    default:
      g_assert_not_reached ();
    }
}

static void
wait_listed (Listing *listing)
{
  gint64 deadline = g_get_monotonic_time () + DESK_TEST_OUTER_BOUND;

  while (!listing->done && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (listing->done);
}

static void
listing_clear (Listing *listing)
{
  g_clear_pointer (&listing->records, g_ptr_array_unref);
  g_clear_error (&listing->error);
}

static gint64
record_id (gpointer record)
{
  gint64 id = 0;

  g_object_get (record, "id", &id, NULL);
  return id;
}

/* Every readable record, in the order of the reply. */
static void
assert_all_records (Listing *listing)
{
  guint n = 0;

  g_assert_no_error (listing->error);
  g_assert_nonnull (listing->records);
  g_assert_cmpuint (listing->records->len, ==, N_RECORDS - N_RECORDS / 1000);

  for (guint i = 0; i < N_RECORDS; i++)
    {
      if (is_broken (i))
        continue;
      g_assert_cmpint (record_id (g_ptr_array_index (listing->records, n)), ==, 1000 + i);
      n++;
    }
}

static void
test_tickets (Fixture       *fixture,
              gconstpointer  data)
{
  Listing listing = { LIST_TICKETS };
  DeskTicket *ticket;

  start_listing (fixture, &listing);
  wait_listed (&listing);
  assert_all_records (&listing);
  g_assert_cmpint (listing.info.total_records, ==, N_RECORDS);
  g_assert_false (listing.info.has_next);

  /* Whole records, devices and all: not a device mapped as a ticket. */
  ticket = g_ptr_array_index (listing.records, 7);
  g_assert_cmpstr (desk_ticket_get_order_id (ticket), ==, "T-1007");
  g_assert_cmpuint (g_list_model_get_n_items (desk_ticket_get_devices (ticket)), ==, 2);
  listing_clear (&listing);
}

static void
test_customers_and_invoices (Fixture       *fixture,
                             gconstpointer  data)
{
  Listing customers = { LIST_CUSTOMERS };
  Listing invoices = { LIST_INVOICES };

  start_listing (fixture, &customers);
  wait_listed (&customers);
  assert_all_records (&customers);
  g_assert_true (DESK_IS_CUSTOMER (g_ptr_array_index (customers.records, 0)));

  start_listing (fixture, &invoices);
  wait_listed (&invoices);
  assert_all_records (&invoices);
  g_assert_true (DESK_IS_INVOICE (g_ptr_array_index (invoices.records, 0)));

  listing_clear (&customers);
  listing_clear (&invoices);
}

/* Two identical reads in flight share one request; each gets every record, its own. */
static void
test_joined (Fixture       *fixture,
             gconstpointer  data)
{
  Listing first = { LIST_TICKETS };
  Listing second = { LIST_TICKETS };

  start_listing (fixture, &first);
  start_listing (fixture, &second);
  wait_listed (&first);
  wait_listed (&second);

  g_assert_cmpuint (fixture->n_hits, ==, 1);
  assert_all_records (&first);
  assert_all_records (&second);
  for (guint i = 0; i < first.records->len; i++)
    g_assert_true (g_ptr_array_index (first.records, i) !=
                   g_ptr_array_index (second.records, i));

  listing_clear (&first);
  listing_clear (&second);
}

static void
assert_fails (Fixture      *fixture,
              Reply         reply,
              DeskApiError  code)
{
  Listing listing = { LIST_TICKETS };

  fixture->reply = reply;
  start_listing (fixture, &listing);
  wait_listed (&listing);

  g_assert_null (listing.records);
  g_assert_error (listing.error, DESK_API_ERROR, code);
  listing_clear (&listing);
}

static void
test_unreadable (Fixture       *fixture,
                 gconstpointer  data)
{
  assert_fails (fixture, REPLY_TRUNCATED, DESK_API_ERROR_PROTOCOL);
  assert_fails (fixture, REPLY_HTML, DESK_API_ERROR_PROTOCOL);
  assert_fails (fixture, REPLY_BLANK, DESK_API_ERROR_PROTOCOL);
}

/* The envelope is judged as ever: a refusal with a list in its data is a refusal. */
static void
test_refused (Fixture       *fixture,
              gconstpointer  data)
{
  assert_fails (fixture, REPLY_REFUSED, DESK_API_ERROR_VALIDATION);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("/api/mapped-lists/tickets", test_tickets);
  ADD ("/api/mapped-lists/customers-and-invoices", test_customers_and_invoices);
  ADD ("/api/mapped-lists/joined", test_joined);
  ADD ("/api/mapped-lists/unreadable", test_unreadable);
  ADD ("/api/mapped-lists/refused", test_refused);

#undef ADD

  return g_test_run ();
}
