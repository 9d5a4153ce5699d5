/* test-api-misbehaving.c
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <libsoup/soup.h>

#include "desk-core.h"
#include "desk-test-client.h"

/* Every endpoint of the client against servers that misbehave: bodies that are no
 * envelope, writes confirmed without a record, connections closed after reading a write,
 * redirects to elsewhere and certificates nobody vouches for. Whatever happens, the caller
 * gets a DESK_API_ERROR, and a write reaches the server once at most. */

#define TEST_KEY "misbehaving-key-5ecret"
#define SECOND   G_USEC_PER_SEC

/* --- One endpoint, started and finished the same way for all ------------------------ */

typedef struct
{
  gboolean  done;
  gboolean  ok;
  GError   *error;
} Result;

typedef void     (*StartFunc)  (DeskApiClient       *client,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data);
typedef gboolean (*FinishFunc) (DeskApiClient  *client,
                                GAsyncResult   *result,
                                GError        **error);

typedef struct
{
  const char *name;
  StartFunc   start;
  FinishFunc  finish;
  gboolean    write;
} Endpoint;

static DeskTicket *
ticket_with_id (gint64 id)
{
  g_autofree char *text = g_strdup_printf ("{\"id\":%" G_GINT64_FORMAT ",\"summary\":{\"id\":%"
                                           G_GINT64_FORMAT "}}", id, id);
  g_autoptr(JsonNode) node = json_from_string (text, NULL);

  return desk_ticket_new_from_json (node, NULL);
}

static DeskCustomer *
customer_with_id (gint64 id)
{
  g_autofree char *text = g_strdup_printf ("{\"cid\":%" G_GINT64_FORMAT ",\"id\":%" G_GINT64_FORMAT
                                           ",\"first_name\":\"Ada\"}", id, id);
  g_autoptr(JsonNode) node = json_from_string (text, NULL);

  return desk_customer_new_from_json (node, NULL);
}

static DeskInvoice *
invoice_with_id (gint64 id)
{
  g_autofree char *text = g_strdup_printf ("{\"id\":%" G_GINT64_FORMAT ",\"summary\":{\"id\":%"
                                           G_GINT64_FORMAT "}}", id, id);
  g_autoptr(JsonNode) node = json_from_string (text, NULL);

  return desk_invoice_new_from_json (node, NULL);
}

static gboolean
finish_object (gpointer object)
{
  if (object == NULL)
    return FALSE;

  g_object_unref (object);
  return TRUE;
}

static gboolean
finish_array (GPtrArray *array)
{
  if (array == NULL)
    return FALSE;

  g_ptr_array_unref (array);
  return TRUE;
}

#define START(name, call) \
  static void name (DeskApiClient *client, GAsyncReadyCallback callback, gpointer user_data) { call; }

START (start_statuses, desk_api_client_list_statuses_async (client, NULL, callback, user_data))
START (start_employees, desk_api_client_list_employees_async (client, NULL, callback, user_data))
START (start_tickets, desk_api_client_list_tickets_async (client, NULL, 1, NULL, callback, user_data))
START (start_customers, desk_api_client_list_customers_async (client, NULL, 1, NULL, callback, user_data))
START (start_invoices, desk_api_client_list_invoices_async (client, NULL, 1, NULL, callback, user_data))
START (start_device_problems, desk_api_client_list_device_problems_async (client, 3, NULL, callback, user_data))
START (start_get_ticket, desk_api_client_get_ticket_async (client, 5, NULL, callback, user_data))
START (start_get_customer, desk_api_client_get_customer_async (client, 5, NULL, callback, user_data))
START (start_get_invoice, desk_api_client_get_invoice_async (client, 5, NULL, callback, user_data))
START (start_due, desk_api_client_get_invoice_due_amount_async (client, 5, NULL, callback, user_data))
START (start_check, desk_api_client_check_connection_async (client, NULL, callback, user_data))
START (start_create_ticket, g_autoptr(DeskTicket) t = desk_ticket_new ();
       desk_api_client_create_ticket_async (client, t, NULL, callback, user_data))
START (start_update_ticket, g_autoptr(DeskTicket) t = ticket_with_id (5);
       desk_api_client_update_ticket_async (client, t, NULL, callback, user_data))
START (start_create_customer, g_autoptr(DeskCustomer) c = desk_customer_new ();
       desk_api_client_create_customer_async (client, c, NULL, callback, user_data))
START (start_update_customer, g_autoptr(DeskCustomer) c = customer_with_id (5);
       desk_api_client_update_customer_async (client, c, NULL, callback, user_data))
START (start_create_invoice, g_autoptr(DeskInvoice) i = desk_invoice_new ();
       desk_api_client_create_invoice_async (client, i, NULL, callback, user_data))
START (start_update_invoice, g_autoptr(DeskInvoice) i = invoice_with_id (5);
       desk_api_client_update_invoice_async (client, i, NULL, callback, user_data))
START (start_convert, desk_api_client_convert_ticket_to_invoice_async (client, 5, NULL, callback, user_data))
START (start_payment, desk_api_client_add_payment_async (client, 5, 1250, "Cash", 1700000000, NULL,
                                                         NULL, callback, user_data))

#define FINISH(name, call) \
  static gboolean name (DeskApiClient *client, GAsyncResult *result, GError **error) { call; }

FINISH (finish_statuses, return finish_array (desk_api_client_list_statuses_finish (client, result, error)))
FINISH (finish_employees, return finish_array (desk_api_client_list_employees_finish (client, result, error)))
FINISH (finish_tickets, return finish_array (desk_api_client_list_tickets_finish (client, result, NULL, error)))
FINISH (finish_customers, return finish_array (desk_api_client_list_customers_finish (client, result, NULL, error)))
FINISH (finish_invoices, return finish_array (desk_api_client_list_invoices_finish (client, result, NULL, error)))
FINISH (finish_device_problems, return finish_array (desk_api_client_list_device_problems_finish (client, result, error)))
FINISH (finish_get_ticket, return finish_object (desk_api_client_get_ticket_finish (client, result, error)))
FINISH (finish_get_customer, return finish_object (desk_api_client_get_customer_finish (client, result, error)))
FINISH (finish_get_invoice, return finish_object (desk_api_client_get_invoice_finish (client, result, error)))
FINISH (finish_due, gint64 cents; return desk_api_client_get_invoice_due_amount_finish (client, result, &cents, error))
FINISH (finish_check, return desk_api_client_check_connection_finish (client, result, error))
FINISH (finish_create_ticket, return finish_object (desk_api_client_create_ticket_finish (client, result, error)))
FINISH (finish_update_ticket, return finish_object (desk_api_client_update_ticket_finish (client, result, error)))
FINISH (finish_create_customer, return finish_object (desk_api_client_create_customer_finish (client, result, error)))
FINISH (finish_update_customer, return finish_object (desk_api_client_update_customer_finish (client, result, error)))
FINISH (finish_create_invoice, return finish_object (desk_api_client_create_invoice_finish (client, result, error)))
FINISH (finish_update_invoice, return finish_object (desk_api_client_update_invoice_finish (client, result, error)))
FINISH (finish_convert, return finish_object (desk_api_client_convert_ticket_to_invoice_finish (client, result, error)))
FINISH (finish_payment, return finish_object (desk_api_client_add_payment_finish (client, result, error)))

static const Endpoint endpoints[] = {
  { "statuses", start_statuses, finish_statuses, FALSE },
  { "employees", start_employees, finish_employees, FALSE },
  { "tickets", start_tickets, finish_tickets, FALSE },
  { "customers", start_customers, finish_customers, FALSE },
  { "invoices", start_invoices, finish_invoices, FALSE },
  { "device problems", start_device_problems, finish_device_problems, FALSE },
  { "ticket", start_get_ticket, finish_get_ticket, FALSE },
  { "customer", start_get_customer, finish_get_customer, FALSE },
  { "invoice", start_get_invoice, finish_get_invoice, FALSE },
  { "due amount", start_due, finish_due, FALSE },
  { "check connection", start_check, finish_check, FALSE },
  { "create ticket", start_create_ticket, finish_create_ticket, TRUE },
  { "update ticket", start_update_ticket, finish_update_ticket, TRUE },
  { "create customer", start_create_customer, finish_create_customer, TRUE },
  { "update customer", start_update_customer, finish_update_customer, TRUE },
  { "create invoice", start_create_invoice, finish_create_invoice, TRUE },
  { "update invoice", start_update_invoice, finish_update_invoice, TRUE },
  { "convert ticket", start_convert, finish_convert, TRUE },
  { "add payment", start_payment, finish_payment, TRUE },
};

static const Endpoint *
find_endpoint (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (endpoints); i++)
    if (g_str_equal (endpoints[i].name, name))
      return &endpoints[i];

  g_assert_not_reached ();
}

static void
finished_cb (GObject      *object,
             GAsyncResult *res,
             gpointer      user_data)
{
  Result *result = user_data;
  const Endpoint *endpoint = g_object_get_data (G_OBJECT (object), "test-endpoint");

  result->ok = endpoint->finish (DESK_API_CLIENT (object), res, &result->error);
  result->done = TRUE;
}

static void
run_endpoint (DeskApiClient  *client,
              const Endpoint *endpoint,
              Result         *result)
{
  gint64 deadline = g_get_monotonic_time () + 20 * SECOND;

  g_clear_error (&result->error);
  result->done = FALSE;
  result->ok = FALSE;

  g_object_set_data (G_OBJECT (client), "test-endpoint", (gpointer) endpoint);
  endpoint->start (client, finished_cb, result);

  /* The rate governor holds requests for the clock: a manual one jumps when only that is
   * left to wait for. */
  while (!result->done)
    {
      DeskRateGovernor *governor = desk_api_client_get_governor (client);
      DeskClock *clock = desk_api_client_get_clock (client);

      g_assert_cmpint (g_get_monotonic_time (), <, deadline);

      if (g_main_context_iteration (NULL, FALSE))
        continue;

      if (desk_clock_is_manual (clock) && desk_rate_governor_get_queued (governor) > 0)
        desk_clock_advance (clock, SECOND);
      else
        g_main_context_iteration (NULL, TRUE);
    }

  /* Whatever went wrong, it is Front Desk's own error, in words for the counter. */
  if (!result->ok)
    {
      g_assert_nonnull (result->error);
      g_assert_true (result->error->domain == DESK_API_ERROR);
      g_assert_null (strchr (result->error->message, '{'));
    }
}

/* --- A SoupServer that answers every path the same way ------------------------------- */

typedef struct
{
  SoupServer    *server;
  DeskClock     *clock;
  DeskApiClient *client;
  char          *base_url;
  guint          status;
  const char    *body;         /* for writes and the first read, or all when read_body NULL */
  const char    *read_body;    /* nullable: for reads */
  const char    *location;     /* nullable: a redirect's target */
  gboolean       challenge;    /* ask for HTTP authentication */
  guint          n_requests;
  guint          n_writes;
} Fixture;

static void
server_cb (SoupServer        *server,
           SoupServerMessage *message,
           const char        *path,
           GHashTable        *query,
           gpointer           user_data)
{
  Fixture *fixture = user_data;
  const char *method = soup_server_message_get_method (message);
  gboolean read = g_str_equal (method, "GET") && strstr (path, "converttoinvoice") == NULL;
  const char *body = read && fixture->read_body != NULL ? fixture->read_body : fixture->body;

  fixture->n_requests++;
  if (!read)
    fixture->n_writes++;

  if (fixture->challenge)
    soup_message_headers_replace (soup_server_message_get_response_headers (message),
                                  "WWW-Authenticate", "Basic realm=\"RepairDesk\"");

  if (fixture->location != NULL)
    soup_message_headers_replace (soup_server_message_get_response_headers (message),
                                  "Location", fixture->location);

  soup_server_message_set_status (message, fixture->status, NULL);
  soup_server_message_set_response (message, "application/json", SOUP_MEMORY_STATIC,
                                    body, strlen (body));
}

static DeskApiClient *
new_client (DeskClock  *clock,
            const char *base_url)
{
  g_autoptr(DeskRateGovernor) governor = desk_rate_governor_new (clock);

  return g_object_new (DESK_TYPE_API_CLIENT,
                       "base-url", base_url,
                       "api-key", TEST_KEY,
                       "governor", governor,
                       "timeout", 5,
                       NULL);
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  fixture->server = soup_server_new (NULL, NULL);
  soup_server_add_handler (fixture->server, NULL, server_cb, fixture, NULL);
  fixture->base_url = desk_test_listen_local (fixture->server);
  fixture->clock = desk_clock_new_manual (0);
  fixture->client = new_client (fixture->clock, fixture->base_url);
  fixture->status = 200;
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

/* --- Bodies that are no envelope ------------------------------------------------------ */

static const char * const unreadable_bodies[] = {
  "",
  "  \n",
  "\r\n\t ",
  "null",
  "[]",
  "42",
  "\"ok\"",
  "true",
  "{}",
  "{\"success\":true,\"statusCode\":200,\"data\":[{\"id\":\"12\",\"na",
  "<!DOCTYPE html><html><body><h1>Welcome to nginx!</h1></body></html>",
  "\xef\xbb\xbf",
};

static void
test_unreadable_bodies (Fixture       *fixture,
                        gconstpointer  data)
{
  Result result = { 0, };

  for (guint b = 0; b < G_N_ELEMENTS (unreadable_bodies); b++)
    for (guint e = 0; e < G_N_ELEMENTS (endpoints); e++)
      {
        guint n_writes = fixture->n_writes;

        g_test_message ("%s with body \"%s\"", endpoints[e].name, unreadable_bodies[b]);
        fixture->body = unreadable_bodies[b];
        run_endpoint (fixture->client, &endpoints[e], &result);

        g_assert_false (result.ok);
        /* A write that was answered may have been applied; nobody can tell from this. */
        if (endpoints[e].write)
          {
            g_assert_error (result.error, DESK_API_ERROR, DESK_API_ERROR_OUTCOME_UNKNOWN);
            g_assert_cmpuint (fixture->n_writes, ==, n_writes + 1);
          }
        else
          {
            g_assert_error (result.error, DESK_API_ERROR, DESK_API_ERROR_PROTOCOL);
          }
      }

  g_clear_error (&result.error);
}

/* desk_api_reply's neighbour in desk-json: a body without a document is an error. */
static void
test_json_parse_empty (void)
{
  for (guint b = 0; b < G_N_ELEMENTS (unreadable_bodies); b++)
    {
      g_autoptr(GBytes) bytes = g_bytes_new_static (unreadable_bodies[b], strlen (unreadable_bodies[b]));
      g_autoptr(GError) error = NULL;
      g_autoptr(JsonNode) node = desk_json_parse (bytes, &error);

      g_assert_true ((node == NULL) == (error != NULL));
      if (node == NULL)
        g_assert_error (error, DESK_API_ERROR, DESK_API_ERROR_PROTOCOL);
    }
}

/* --- Writes confirmed without a record ----------------------------------------------- */

static const char * const recordless_bodies[] = {
  "{\"success\":true,\"statusCode\":200,\"message\":\"Saved\"}",
  "{\"success\":true,\"statusCode\":200,\"message\":\"Saved\",\"data\":null}",
  "{\"success\":true,\"statusCode\":200,\"message\":\"Saved\",\"data\":{}}",
  "{\"success\":true,\"statusCode\":200,\"message\":\"Saved\",\"data\":[]}",
  "{\"success\":\"1\",\"statusCode\":200,\"data\":\"Saved\"}",
  "{\"success\":true,\"statusCode\":200,\"data\":{\"id\":\"abc\",\"name\":42}}",
};

static void
test_write_without_record (Fixture       *fixture,
                           gconstpointer  data)
{
  Result result = { 0, };

  /* Reading the record back gives nothing readable either. */
  fixture->read_body = "{\"success\":false,\"statusCode\":404,\"message\":\"Not Found\",\"data\":[]}";

  for (guint b = 0; b < G_N_ELEMENTS (recordless_bodies); b++)
    for (guint e = 0; e < G_N_ELEMENTS (endpoints); e++)
      {
        guint n_writes = fixture->n_writes;

        if (!endpoints[e].write)
          continue;

        g_test_message ("%s answered %s", endpoints[e].name, recordless_bodies[b]);
        fixture->body = recordless_bodies[b];
        run_endpoint (fixture->client, &endpoints[e], &result);

        g_assert_cmpuint (fixture->n_writes, ==, n_writes + 1);

        /* Either the change is reported done (an update of a known record), or unknown:
         * never a failure that invites sending it again. */
        if (!result.ok)
          g_assert_error (result.error, DESK_API_ERROR, DESK_API_ERROR_OUTCOME_UNKNOWN);
        else
          g_assert_true (g_str_has_prefix (endpoints[e].name, "update") ||
                         g_str_equal (endpoints[e].name, "add payment"));
      }

  g_clear_error (&result.error);
}

/* An HTTP 500 to a write: the server may have applied it before it failed. */
static void
test_write_http_500 (Fixture       *fixture,
                     gconstpointer  data)
{
  Result result = { 0, };

  fixture->status = 500;
  fixture->body = "{\"success\":false,\"statusCode\":500,\"message\":\"Internal Server Error\"}";
  /* A read is tried again after a pause of the manual clock: here it is told at once. */
  desk_api_client_set_max_retries (fixture->client, 0);

  for (guint e = 0; e < G_N_ELEMENTS (endpoints); e++)
    {
      guint n_requests = fixture->n_requests;

      run_endpoint (fixture->client, &endpoints[e], &result);
      g_assert_false (result.ok);

      if (endpoints[e].write)
        {
          g_assert_error (result.error, DESK_API_ERROR, DESK_API_ERROR_OUTCOME_UNKNOWN);
          g_assert_cmpuint (fixture->n_requests, ==, n_requests + 1);
        }
      else
        {
          g_assert_error (result.error, DESK_API_ERROR, DESK_API_ERROR_SERVER);
        }
    }

  g_clear_error (&result.error);
}

/* --- Redirects ------------------------------------------------------------------------ */

typedef struct
{
  SoupServer *server;
  guint       hits;
} Elsewhere;

static void
elsewhere_cb (SoupServer        *server,
              SoupServerMessage *message,
              const char        *path,
              GHashTable        *query,
              gpointer           user_data)
{
  Elsewhere *elsewhere = user_data;

  elsewhere->hits++;
  soup_server_message_set_status (message, 200, NULL);
  soup_server_message_set_response (message, "application/json", SOUP_MEMORY_STATIC,
                                    "{\"success\":true,\"data\":[]}", 26);
}

static void
test_redirects (Fixture       *fixture,
                gconstpointer  data)
{
  static const guint statuses[] = { 301, 302, 303, 307, 308 };
  static const char * const names[] = { "statuses", "ticket", "create ticket", "update ticket",
                                        "add payment", "convert ticket" };
  Elsewhere elsewhere = { soup_server_new (NULL, NULL), 0 };
  g_autofree char *elsewhere_url = NULL;
  Result result = { 0, };

  soup_server_add_handler (elsewhere.server, NULL, elsewhere_cb, &elsewhere, NULL);
  elsewhere_url = desk_test_listen_local (elsewhere.server);
  fixture->location = elsewhere_url;
  fixture->body = "{\"success\":true,\"data\":[]}";
  desk_api_client_set_max_retries (fixture->client, 0);

  for (guint s = 0; s < G_N_ELEMENTS (statuses); s++)
    for (guint n = 0; n < G_N_ELEMENTS (names); n++)
      {
        guint n_requests = fixture->n_requests;

        fixture->status = statuses[s];
        run_endpoint (fixture->client, find_endpoint (names[n]), &result);

        g_assert_false (result.ok);
        g_assert_error (result.error, DESK_API_ERROR, DESK_API_ERROR_REDIRECTED);
        /* Where it was sent is told, without the key. */
        g_assert_nonnull (strstr (desk_api_error_get_detail (result.error), elsewhere_url));
        g_assert_null (strstr (desk_api_error_get_detail (result.error), TEST_KEY));
        g_assert_cmpuint (fixture->n_requests, ==, n_requests + 1);
        g_assert_cmpuint (elsewhere.hits, ==, 0);
      }

  g_clear_error (&result.error);
  soup_server_disconnect (elsewhere.server);
  g_assert_finalize_object (elsewhere.server);
}

/* A challenge for HTTP authentication is not answered by sending the write again, not
 * even when the address carries a user and password. */
static void
test_auth_challenge (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GUri) uri = g_uri_parse (fixture->base_url, G_URI_FLAGS_NONE, NULL);
  g_autofree char *with_user = g_strdup_printf ("http://clerk:secret@127.0.0.1:%d/api/web/v1/",
                                                g_uri_get_port (uri));
  static const char * const names[] = { "statuses", "update ticket", "create ticket" };
  Result result = { 0, };

  fixture->status = 401;
  fixture->challenge = TRUE;
  fixture->body = "{\"success\":false,\"statusCode\":401,\"message\":\"Unauthorized\"}";
  desk_api_client_set_base_url (fixture->client, with_user);

  for (guint n = 0; n < G_N_ELEMENTS (names); n++)
    {
      guint n_requests = fixture->n_requests;

      run_endpoint (fixture->client, find_endpoint (names[n]), &result);
      g_assert_false (result.ok);
      g_assert_error (result.error, DESK_API_ERROR, DESK_API_ERROR_UNAUTHORIZED);
      g_assert_cmpuint (fixture->n_requests, ==, n_requests + 1);
      g_clear_error (&result.error);
    }
}

/* --- A server that reads a write on a kept-alive connection and hangs up ------------ */

typedef struct
{
  GSocketService *service;
  char           *base_url;
  gint            n_gets;
  gint            n_writes;
  gint            n_connections;
} HangUp;

/* Reads one request head and its body; returns the request line, or NULL at the end. */
static char *
read_request (GDataInputStream *in)
{
  g_autofree char *request_line = NULL;
  gsize length = 0;
  char *line;

  request_line = g_data_input_stream_read_line (in, NULL, NULL, NULL);
  if (request_line == NULL)
    return NULL;

  while ((line = g_data_input_stream_read_line (in, NULL, NULL, NULL)) != NULL)
    {
      g_strchomp (line);
      if (*line == '\0')
        {
          g_free (line);
          break;
        }
      if (g_ascii_strncasecmp (line, "Content-Length:", 15) == 0)
        length = g_ascii_strtoull (line + 15, NULL, 10);
      g_free (line);
    }

  if (length > 0)
    {
      g_autofree char *body = g_malloc (length);

      g_input_stream_read_all (G_INPUT_STREAM (in), body, length, NULL, NULL, NULL);
    }

  return g_strchomp (g_steal_pointer (&request_line));
}

/* Runs in a thread of its own for each connection. */
static gboolean
hang_up_run_cb (GThreadedSocketService *service,
                GSocketConnection      *connection,
                GObject                *source,
                gpointer                user_data)
{
  static const char body[] =
    "{\"success\":true,\"statusCode\":200,\"data\":[{\"name\":\"Waiting\",\"type\":\"Open\"}]}";
  g_autofree char *ok = g_strdup_printf ("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                                         "Connection: keep-alive\r\nContent-Length: %zu\r\n\r\n%s",
                                         strlen (body), body);
  HangUp *hang_up = user_data;
  GOutputStream *out = g_io_stream_get_output_stream (G_IO_STREAM (connection));
  g_autoptr(GDataInputStream) in = NULL;
  char *request_line;

  g_atomic_int_inc (&hang_up->n_connections);
  in = g_data_input_stream_new (g_io_stream_get_input_stream (G_IO_STREAM (connection)));
  g_data_input_stream_set_newline_type (in, G_DATA_STREAM_NEWLINE_TYPE_CR_LF);

  while ((request_line = read_request (in)) != NULL)
    {
      gboolean write = !g_str_has_prefix (request_line, "GET ") ||
                       strstr (request_line, "converttoinvoice") != NULL;

      g_free (request_line);
      if (write)
        {
          g_atomic_int_inc (&hang_up->n_writes);
          break;
        }

      g_atomic_int_inc (&hang_up->n_gets);
      g_output_stream_write_all (out, ok, strlen (ok), NULL, NULL, NULL);
    }

  g_io_stream_close (G_IO_STREAM (connection), NULL, NULL);

  return TRUE;
}

static void
hang_up_start (HangUp *hang_up)
{
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) address = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) effective = NULL;
  g_autoptr(GError) error = NULL;

  hang_up->service = g_threaded_socket_service_new (4);
  g_socket_listener_add_address (G_SOCKET_LISTENER (hang_up->service), address,
                                 G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP, NULL,
                                 &effective, &error);
  g_assert_no_error (error);
  g_signal_connect (hang_up->service, "run", G_CALLBACK (hang_up_run_cb), hang_up);
  hang_up->base_url = g_strdup_printf ("http://127.0.0.1:%u/api/web/v1/",
                                       g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (effective)));
}

static void
hang_up_stop (HangUp *hang_up)
{
  g_socket_service_stop (hang_up->service);
  g_socket_listener_close (G_SOCKET_LISTENER (hang_up->service));
  g_clear_object (&hang_up->service);
  g_free (hang_up->base_url);
}

static void
test_write_not_resent (void)
{
  static const char * const names[] = { "update ticket", "update customer", "update invoice",
                                        "create ticket", "add payment", "convert ticket" };

  for (guint n = 0; n < G_N_ELEMENTS (names); n++)
    {
      g_autoptr(DeskClock) clock = desk_clock_new_manual (0);
      HangUp hang_up = { 0, };
      DeskApiClient *client;
      Result result = { 0, };

      hang_up_start (&hang_up);
      client = new_client (clock, hang_up.base_url);

      /* A read first, so that an idle kept-alive connection is at hand. */
      run_endpoint (client, find_endpoint ("statuses"), &result);
      g_assert_true (result.ok);
      g_assert_cmpint (g_atomic_int_get (&hang_up.n_gets), ==, 1);

      g_test_message ("%s on a connection that hangs up", names[n]);
      run_endpoint (client, find_endpoint (names[n]), &result);

      g_assert_false (result.ok);
      g_assert_error (result.error, DESK_API_ERROR, DESK_API_ERROR_OUTCOME_UNKNOWN);
      g_assert_cmpint (g_atomic_int_get (&hang_up.n_writes), ==, 1);
      g_clear_error (&result.error);

      desk_test_finalize_soon (client);
      hang_up_stop (&hang_up);
    }
}

/* --- A certificate nobody vouches for ------------------------------------------------ */

typedef struct
{
  GTlsCertificate *certificate;
  gint             n_handshakes;
} TlsServer;

static gboolean
tls_run_cb (GThreadedSocketService *service,
            GSocketConnection      *connection,
            GObject                *source,
            gpointer                user_data)
{
  TlsServer *tls = user_data;
  g_autoptr(GIOStream) stream = NULL;

  stream = g_tls_server_connection_new (G_IO_STREAM (connection), tls->certificate, NULL);
  g_assert_nonnull (stream);
  g_atomic_int_inc (&tls->n_handshakes);
  g_tls_connection_handshake (G_TLS_CONNECTION (stream), NULL, NULL);
  g_io_stream_close (stream, NULL, NULL);

  return TRUE;
}

static void
test_tls_untrusted (void)
{
  g_autofree char *pem = g_test_build_filename (G_TEST_DIST, "fixtures", "tls",
                                                "self-signed-127.0.0.1.pem", NULL);
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) address = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) effective = NULL;
  g_autoptr(GSocketService) service = g_threaded_socket_service_new (2);
  g_autoptr(GError) error = NULL;
  g_autofree char *base_url = NULL;
  TlsServer tls = { 0, };
  DeskApiClient *client;
  Result result = { 0, };

  tls.certificate = g_tls_certificate_new_from_file (pem, &error);
  g_assert_no_error (error);

  g_socket_listener_add_address (G_SOCKET_LISTENER (service), address, G_SOCKET_TYPE_STREAM,
                                 G_SOCKET_PROTOCOL_TCP, NULL, &effective, &error);
  g_assert_no_error (error);
  g_signal_connect (service, "run", G_CALLBACK (tls_run_cb), &tls);
  base_url = g_strdup_printf ("https://127.0.0.1:%u/api/web/v1/",
                              g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (effective)));

  /* On the system clock, so that a retry would really happen. */
  client = g_object_new (DESK_TYPE_API_CLIENT, "base-url", base_url, "api-key", TEST_KEY,
                         "governor", NULL, "timeout", 5, "max-retries", 1, NULL);

  for (guint n = 0; n < 2; n++)
    {
      gint before = g_atomic_int_get (&tls.n_handshakes);

      run_endpoint (client, find_endpoint (n == 0 ? "statuses" : "update ticket"), &result);
      g_assert_false (result.ok);
      g_assert_error (result.error, DESK_API_ERROR, DESK_API_ERROR_UNTRUSTED);
      g_assert_nonnull (strstr (result.error->message, "identity"));
      g_assert_cmpint (g_atomic_int_get (&tls.n_handshakes), ==, before + 1);
      g_clear_error (&result.error);
    }

  desk_test_finalize_soon (client);
  g_socket_service_stop (service);
  g_socket_listener_close (G_SOCKET_LISTENER (service));
  g_clear_object (&tls.certificate);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("/misbehaving/unreadable-bodies", test_unreadable_bodies);
  g_test_add_func ("/misbehaving/json-parse-empty", test_json_parse_empty);
  ADD ("/misbehaving/write-without-record", test_write_without_record);
  ADD ("/misbehaving/write-http-500", test_write_http_500);
  ADD ("/misbehaving/redirects", test_redirects);
  ADD ("/misbehaving/auth-challenge", test_auth_challenge);
  g_test_add_func ("/misbehaving/write-not-resent", test_write_not_resent);
  g_test_add_func ("/misbehaving/tls-untrusted", test_tls_untrusted);

  return g_test_run ();
}
