/* test-api-client.c
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <libsoup/soup.h>
#include <string.h>

#include "desk-api-client-private.h"
#include "desk-core.h"
#include "desk-test-client.h"

/* The client's transport against a small SoupServer on 127.0.0.1 that answers in every
 * form the RepairDesk server and the proxies in front of it have been seen to use. */

#define TEST_KEY "test-key-5ecret"
#define SECOND   G_USEC_PER_SEC

typedef struct
{
  SoupServer    *server;
  DeskClock     *clock;
  DeskApiClient *client;
  char          *base_url;
  GHashTable    *hits;        /* path -> count */
  GPtrArray     *paused;      /* SoupServerMessage* never answered */
  char          *last_query;
  char          *last_accept;
  char          *last_body;
} Fixture;

typedef struct
{
  gboolean  done;
  JsonNode *data;
  GError   *error;
} Result;

/* Canned replies: HTTP status, content type, body. */
typedef struct
{
  const char *path;
  guint       status;
  const char *content_type;
  const char *body;
} Canned;

static const Canned canned[] = {
  { "/api/web/v1/statuses", 200, "application/json",
    "{\"success\":true,\"statusCode\":200,\"message\":\"OK\",\"data\":"
    "[{\"name\":\"Waiting\",\"color\":\"#aa3311\",\"type\":\"Open\"},"
    "{\"name\":\"Fixed\",\"color\":\"#11aa33\",\"type\":\"Closed\"}]}" },
  { "/api/web/v1/envelope-401", 200, "application/json",
    "{\"success\":false,\"statusCode\":401,\"message\":\"Unauthorized\",\"data\":"
    "{\"name\":\"Unauthorized\",\"message\":\"Your key was not recognised.\",\"code\":0,\"status\":401}}" },
  { "/api/web/v1/envelope-404", 200, "application/json",
    "{\"success\":false,\"statusCode\":\"404\",\"message\":\"Not Found\",\"data\":"
    "{\"name\":\"Not Found\",\"message\":\"Page not found.\",\"code\":0,\"status\":404,"
    "\"previous\":{\"name\":\"Invalid Route\",\"message\":\"Unable to resolve the request \\\"v1/widgets/9\\\".\",\"code\":0}}}" },
  { "/api/web/v1/envelope-422", 200, "application/json",
    "{\"success\":false,\"statusCode\":422,\"message\":\"Data Validation Failed.\",\"data\":"
    "{\"customer_id\":[\"Customer cannot be blank.\"]}}" },
  { "/api/web/v1/envelope-500", 200, "application/json",
    "{\"success\":0,\"statusCode\":500,\"message\":\"Internal Server Error\",\"data\":[]}" },
  { "/api/web/v1/no-result", 200, "application/json",
    "{\"success\":false,\"statusCode\":100,\"message\":\"No Result Found\",\"data\":[]}" },
  { "/api/web/v1/empty", 200, "application/json",
    "{\"success\":true,\"statusCode\":200,\"message\":\"OK\",\"data\":[]}" },
  { "/api/web/v1/no-data", 200, "application/json",
    "{\"success\":\"1\",\"statusCode\":200,\"message\":\"Ticket was updated\"}" },
  { "/api/web/v1/http-401", 401, "application/json",
    "{\"success\":false,\"statusCode\":401,\"message\":\"Unauthorized\",\"data\":"
    "{\"name\":\"Unauthorized\",\"message\":\"Your key was not recognised.\",\"code\":0,\"status\":401}}" },
  { "/api/web/v1/http-404-plain", 404, "text/plain", "no such thing" },
  { "/api/web/v1/http-500-success", 500, "application/json",
    "{\"success\":true,\"statusCode\":200,\"message\":\"OK\",\"data\":[]}" },
  { "/api/web/v1/html-502", 502, "text/html",
    "<html><head><title>502 Bad Gateway</title></head><body><h1>Bad Gateway</h1></body></html>" },
  { "/api/web/v1/html-200", 200, "text/html",
    "<!DOCTYPE html><html><body>Welcome to our shop</body></html>" },
  { "/api/web/v1/truncated", 200, "application/json",
    "{\"success\":true,\"statusCode\":200,\"message\":\"OK\",\"data\":[{\"id\":\"12\",\"na" },
  { "/api/web/v1/not-envelope", 200, "application/json", "[1,2,3]" },
  { "/api/web/v1/wrong-key-echo", 200, "application/json",
    "{\"success\":false,\"statusCode\":404,\"message\":\"Not Found\",\"data\":"
    "{\"name\":\"Not Found\",\"message\":\"Unable to resolve v1/x?api_key=" TEST_KEY "\",\"code\":0}}" },
};

static const char rate_limited_body[] =
  "{\"success\":false,\"statusCode\":429,\"message\":\"Too Many Requests\",\"data\":"
  "{\"name\":\"Too Many Requests\",\"message\":\"Rate limit exceeded.\",\"code\":0,\"status\":429}}";

static const char ok_body[] =
  "{\"success\":true,\"statusCode\":200,\"message\":\"OK\",\"data\":{\"id\":7}}";

static guint
count_hit (Fixture    *fixture,
           const char *path)
{
  guint count = GPOINTER_TO_UINT (g_hash_table_lookup (fixture->hits, path)) + 1;

  g_hash_table_insert (fixture->hits, g_strdup (path), GUINT_TO_POINTER (count));

  return count;
}

static guint
get_hits (Fixture    *fixture,
          const char *path)
{
  g_autofree char *full = g_strconcat ("/api/web/v1/", path, NULL);

  return GPOINTER_TO_UINT (g_hash_table_lookup (fixture->hits, full));
}

static void
reply (SoupServerMessage *message,
       guint              status,
       const char        *content_type,
       const char        *body)
{
  soup_server_message_set_status (message, status, NULL);
  soup_server_message_set_response (message, content_type, SOUP_MEMORY_COPY, body, strlen (body));
}

/* Sends headers and half a body, then hangs up. */
static void
drop_mid_body (SoupServerMessage *message)
{
  static const char partial[] =
    "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 400\r\n"
    "Connection: close\r\n\r\n"
    "{\"success\":true,\"statusCode\":200,\"data\":[{\"id\":";
  g_autoptr(GIOStream) stream = soup_server_message_steal_connection (message);
  GOutputStream *out = g_io_stream_get_output_stream (stream);

  g_output_stream_write_all (out, partial, strlen (partial), NULL, NULL, NULL);
  g_io_stream_close (stream, NULL, NULL);
}

static gboolean
reply_scripted (Fixture           *fixture,
                SoupServerMessage *message,
                const char        *path,
                guint              hit)
{
  if (g_str_equal (path, "/api/web/v1/rate-limited-body"))
    reply (message, 200, "application/json", hit <= 2 ? rate_limited_body : ok_body);
  else if (g_str_equal (path, "/api/web/v1/rate-limited-http"))
    reply (message, hit <= 1 ? 429 : 200, "application/json", hit <= 1 ? rate_limited_body : ok_body);
  else if (g_str_equal (path, "/api/web/v1/flaky"))
    reply (message, hit <= 1 ? 500 : 200, "application/json", ok_body);
  else if (g_str_equal (path, "/api/web/v1/drop"))
    drop_mid_body (message);
  else if (g_str_equal (path, "/api/web/v1/slow"))
    {
      soup_server_message_pause (message);
      g_ptr_array_add (fixture->paused, g_object_ref (message));
    }
  else if (g_str_has_prefix (path, "/api/web/v1/echo"))
    reply (message, 200, "application/json", ok_body);
  else
    return FALSE;

  return TRUE;
}

static void
server_cb (SoupServer        *server,
           SoupServerMessage *message,
           const char        *path,
           GHashTable        *query,
           gpointer           user_data)
{
  Fixture *fixture = user_data;
  SoupMessageBody *request_body = soup_server_message_get_request_body (message);
  g_autoptr(GBytes) body = soup_message_body_flatten (request_body);
  guint hit = count_hit (fixture, path);
  GUri *uri = soup_server_message_get_uri (message);

  g_free (fixture->last_query);
  fixture->last_query = g_strdup (g_uri_get_query (uri));
  g_free (fixture->last_accept);
  fixture->last_accept = g_strdup (soup_message_headers_get_one (
    soup_server_message_get_request_headers (message), "Accept"));
  g_free (fixture->last_body);
  fixture->last_body = g_strndup (g_bytes_get_data (body, NULL), g_bytes_get_size (body));

  for (guint i = 0; i < G_N_ELEMENTS (canned); i++)
    {
      gsize length = strlen (canned[i].path);

      /* A canned path also answers for everything below it, as if it were a server. */
      if (strncmp (path, canned[i].path, length) == 0 && (path[length] == '\0' || path[length] == '/'))
        {
          reply (message, canned[i].status, canned[i].content_type, canned[i].body);
          return;
        }
    }

  if (!reply_scripted (fixture, message, path, hit))
    reply (message, 404, "text/plain", "not found");
}

static DeskApiClient *
new_client (Fixture    *fixture,
            const char *base_url)
{
  g_autoptr(DeskRateGovernor) governor = desk_rate_governor_new (fixture->clock);

  return g_object_new (DESK_TYPE_API_CLIENT,
                       "base-url", base_url,
                       "api-key", TEST_KEY,
                       "governor", governor,
                       NULL);
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  fixture->hits = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  fixture->paused = g_ptr_array_new_with_free_func (g_object_unref);
  fixture->server = soup_server_new (NULL, NULL);
  soup_server_add_handler (fixture->server, NULL, server_cb, fixture, NULL);
  fixture->base_url = desk_test_listen_local (fixture->server);

  fixture->clock = desk_clock_new_manual (0);
  fixture->client = new_client (fixture, fixture->base_url);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  desk_test_finalize_soon (fixture->client);

  for (guint i = 0; i < fixture->paused->len; i++)
    soup_server_message_unpause (g_ptr_array_index (fixture->paused, i));
  g_clear_pointer (&fixture->paused, g_ptr_array_unref);

  soup_server_disconnect (fixture->server);
  g_assert_finalize_object (fixture->server);
  g_assert_finalize_object (fixture->clock);
  g_hash_table_unref (fixture->hits);
  g_free (fixture->base_url);
  g_free (fixture->last_query);
  g_free (fixture->last_accept);
  g_free (fixture->last_body);
}

static void
result_clear (Result *result)
{
  g_clear_pointer (&result->data, json_node_unref);
  g_clear_error (&result->error);
  result->done = FALSE;
}

static void
request_cb (GObject      *object,
            GAsyncResult *res,
            gpointer      user_data)
{
  Result *result = user_data;

  result->data = desk_api_client_request_finish (DESK_API_CLIENT (object), res, &result->error);
  result->done = TRUE;
}

/* Runs the loop until @result is in. Whenever the client only waits for the clock (a
 * backoff or a pause), the manual clock jumps to where it waits. */
static void
wait_for (Fixture *fixture,
          Result  *result)
{
  DeskRateGovernor *governor = desk_api_client_get_governor (fixture->client);
  gint64 deadline = g_get_monotonic_time () + DESK_TEST_OUTER_BOUND;

  while (!result->done)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);

      if (g_main_context_iteration (NULL, FALSE))
        continue;

      if (desk_rate_governor_get_queued (governor) > 0)
        desk_clock_advance (fixture->clock, SECOND);
      else
        g_main_context_iteration (NULL, TRUE);
    }
}

static void
request (Fixture             *fixture,
         const char          *method,
         const char          *path,
         const char          *body,
         DeskApiRequestFlags  flags,
         Result              *result)
{
  g_autoptr(GBytes) bytes = body != NULL ? g_bytes_new (body, strlen (body)) : NULL;

  result_clear (result);
  desk_api_client_request_async (fixture->client, method, path, NULL, bytes, flags,
                                 DESK_API_PRIORITY_INTERACTIVE, NULL, request_cb, result);
  wait_for (fixture, result);
}

/* A failure must carry the right code, a message for a person, and the server's words
 * (or the library's) as detail only. */
static void
assert_api_error (Result       *result,
                  DeskApiError  code,
                  const char   *detail_part)
{
  g_assert_null (result->data);
  g_assert_error (result->error, DESK_API_ERROR, code);
  g_assert_cmpstr (result->error->message, ==, desk_api_error_describe (code));
  g_assert_null (strchr (result->error->message, '{'));

  if (detail_part != NULL)
    g_assert_nonnull (strstr (desk_api_error_get_detail (result->error), detail_part));

  if (desk_api_error_get_detail (result->error) != NULL)
    g_assert_null (strstr (desk_api_error_get_detail (result->error), TEST_KEY));
}

static void
test_success (Fixture       *fixture,
              gconstpointer  data)
{
  const char * const query[] = { "keyword", "Ann & Bo", "page", "2", NULL };
  Result result = { 0 };

  desk_api_client_request_async (fixture->client, "GET", "statuses", query, NULL,
                                 DESK_API_REQUEST_LIST, DESK_API_PRIORITY_INTERACTIVE,
                                 NULL, request_cb, &result);
  wait_for (fixture, &result);
  g_assert_cmpuint (desk_api_client_get_n_active (fixture->client), ==, 0);

  g_assert_no_error (result.error);
  g_assert_true (JSON_NODE_HOLDS_ARRAY (result.data));
  g_assert_cmpuint (json_array_get_length (json_node_get_array (result.data)), ==, 2);
  g_assert_cmpstr (fixture->last_query, ==, "keyword=Ann%20%26%20Bo&page=2&api_key=" TEST_KEY);
  g_assert_cmpstr (fixture->last_accept, ==, "application/json");

  /* A reply without data is a success without data. */
  request (fixture, "PUT", "no-data", "{}", 0, &result);
  g_assert_no_error (result.error);
  g_assert_true (JSON_NODE_HOLDS_NULL (result.data));
  g_assert_cmpstr (fixture->last_body, ==, "{}");

  request (fixture, "GET", "empty", NULL, DESK_API_REQUEST_LIST, &result);
  g_assert_no_error (result.error);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (result.data)), ==, 0);
  result_clear (&result);
}

static void
test_envelope_errors (Fixture       *fixture,
                      gconstpointer  data)
{
  Result result = { 0 };

  request (fixture, "GET", "envelope-401", NULL, 0, &result);
  assert_api_error (&result, DESK_API_ERROR_UNAUTHORIZED, "Your key was not recognised.");

  request (fixture, "GET", "envelope-404", NULL, 0, &result);
  assert_api_error (&result, DESK_API_ERROR_NOT_FOUND, "Page not found.");
  assert_api_error (&result, DESK_API_ERROR_NOT_FOUND, "Unable to resolve the request");

  request (fixture, "POST", "envelope-422", "{}", 0, &result);
  assert_api_error (&result, DESK_API_ERROR_VALIDATION, "customer_id: Customer cannot be blank.");

  desk_api_client_set_max_retries (fixture->client, 0);
  request (fixture, "GET", "envelope-500", NULL, 0, &result);
  assert_api_error (&result, DESK_API_ERROR_SERVER, "Internal Server Error");

  /* "No Result Found" is an empty list where a list was asked for, else a miss. */
  request (fixture, "GET", "no-result", NULL, DESK_API_REQUEST_LIST, &result);
  g_assert_no_error (result.error);
  g_assert_true (JSON_NODE_HOLDS_ARRAY (result.data));
  g_assert_cmpuint (json_array_get_length (json_node_get_array (result.data)), ==, 0);

  request (fixture, "GET", "no-result", NULL, 0, &result);
  assert_api_error (&result, DESK_API_ERROR_NOT_FOUND, "No Result Found");
  result_clear (&result);
}

static void
test_http_status (Fixture       *fixture,
                  gconstpointer  data)
{
  Result result = { 0 };

  desk_api_client_set_max_retries (fixture->client, 0);

  request (fixture, "GET", "http-401", NULL, 0, &result);
  assert_api_error (&result, DESK_API_ERROR_UNAUTHORIZED, "Your key was not recognised.");

  request (fixture, "GET", "http-404-plain", NULL, 0, &result);
  assert_api_error (&result, DESK_API_ERROR_NOT_FOUND, "HTTP 404");

  /* The HTTP status is believed before the body. */
  request (fixture, "GET", "http-500-success", NULL, 0, &result);
  assert_api_error (&result, DESK_API_ERROR_SERVER, NULL);

  request (fixture, "GET", "html-502", NULL, 0, &result);
  assert_api_error (&result, DESK_API_ERROR_SERVER, "HTTP 502 Bad Gateway");

  /* A gateway error on a write may hide a write that went through. */
  request (fixture, "POST", "html-502", "{}", 0, &result);
  assert_api_error (&result, DESK_API_ERROR_OUTCOME_UNKNOWN, "HTTP 502");
  result_clear (&result);
}

static void
test_unreadable (Fixture       *fixture,
                 gconstpointer  data)
{
  Result result = { 0 };

  request (fixture, "GET", "truncated", NULL, 0, &result);
  assert_api_error (&result, DESK_API_ERROR_PROTOCOL, "not JSON");

  request (fixture, "GET", "not-envelope", NULL, 0, &result);
  assert_api_error (&result, DESK_API_ERROR_PROTOCOL, "envelope");

  request (fixture, "GET", "html-200", NULL, 0, &result);
  assert_api_error (&result, DESK_API_ERROR_PROTOCOL, NULL);

  /* The server took the write and answered garbage: it may well have saved it. */
  request (fixture, "POST", "truncated", "{}", 0, &result);
  assert_api_error (&result, DESK_API_ERROR_OUTCOME_UNKNOWN, NULL);
  g_assert_cmpuint (get_hits (fixture, "truncated"), ==, 2);
  result_clear (&result);
}

static void
test_rate_limited (Fixture       *fixture,
                   gconstpointer  data)
{
  DeskRateGovernor *governor = desk_api_client_get_governor (fixture->client);
  Result result = { 0 };

  /* Refused twice in the body form, then answered: the caller sees only the answer. */
  request (fixture, "GET", "rate-limited-body", NULL, 0, &result);
  g_assert_no_error (result.error);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (result.data));
  g_assert_cmpuint (get_hits (fixture, "rate-limited-body"), ==, 3);
  g_assert_cmpuint (desk_rate_governor_get_n_rate_limited (governor), ==, 2);

  /* A write refused for the rate never reached the data: it is sent again. */
  request (fixture, "POST", "rate-limited-http", "{\"a\":\"1\"}", 0, &result);
  g_assert_no_error (result.error);
  g_assert_cmpuint (get_hits (fixture, "rate-limited-http"), ==, 2);
  g_assert_cmpuint (desk_rate_governor_get_n_rate_limited (governor), ==, 3);
  result_clear (&result);
}

static void
test_retry (Fixture       *fixture,
            gconstpointer  data)
{
  Result result = { 0 };

  request (fixture, "GET", "flaky", NULL, 0, &result);
  g_assert_no_error (result.error);
  g_assert_cmpuint (get_hits (fixture, "flaky"), ==, 2);

  /* A write that failed on the server is not sent again: it may have been applied. */
  request (fixture, "POST", "envelope-500", "{}", 0, &result);
  assert_api_error (&result, DESK_API_ERROR_OUTCOME_UNKNOWN, NULL);
  g_assert_cmpuint (get_hits (fixture, "envelope-500"), ==, 1);
  result_clear (&result);
}

static void
test_dropped (Fixture       *fixture,
              gconstpointer  data)
{
  Result result = { 0 };

  request (fixture, "GET", "drop", NULL, 0, &result);
  assert_api_error (&result, DESK_API_ERROR_NETWORK, NULL);
  g_assert_cmpuint (get_hits (fixture, "drop"), ==, 1 + DESK_API_CLIENT_DEFAULT_RETRIES);

  /* Never a silent second submission. */
  request (fixture, "POST", "drop", "{}", 0, &result);
  assert_api_error (&result, DESK_API_ERROR_OUTCOME_UNKNOWN, NULL);
  g_assert_cmpuint (get_hits (fixture, "drop"), ==, 2 + DESK_API_CLIENT_DEFAULT_RETRIES);
  result_clear (&result);
}

static void
test_timeout (Fixture       *fixture,
              gconstpointer  data)
{
  Result result = { 0 };

  /* The server never answers "slow", so a short timeout cannot fire too early. */
  desk_api_client_set_timeout (fixture->client, 1);
  desk_api_client_set_max_retries (fixture->client, 0);
  request (fixture, "GET", "slow", NULL, 0, &result);
  assert_api_error (&result, DESK_API_ERROR_TIMEOUT, NULL);

  desk_api_client_set_max_retries (fixture->client, 3);
  request (fixture, "PUT", "slow", "{}", 0, &result);
  assert_api_error (&result, DESK_API_ERROR_OUTCOME_UNKNOWN, NULL);
  g_assert_cmpuint (get_hits (fixture, "slow"), ==, 2);
  result_clear (&result);
}

static char *
closed_port_url (void)
{
  g_autoptr(GSocket) socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM,
                                            G_SOCKET_PROTOCOL_TCP, NULL);
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) any = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) bound = NULL;

  /* Bind a port, note it, and close it again: nothing listens there afterwards. */
  g_assert_true (g_socket_bind (socket, any, TRUE, NULL));
  bound = g_socket_get_local_address (socket, NULL);
  g_socket_close (socket, NULL);

  return g_strdup_printf ("http://127.0.0.1:%u/api/web/v1/",
                          g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound)));
}

static void
test_refused (Fixture       *fixture,
              gconstpointer  data)
{
  g_autofree char *url = closed_port_url ();
  DeskRateGovernor *governor = desk_api_client_get_governor (fixture->client);
  Result result = { 0 };

  desk_api_client_set_base_url (fixture->client, url);

  request (fixture, "GET", "statuses", NULL, 0, &result);
  assert_api_error (&result, DESK_API_ERROR_NETWORK, NULL);

  /* A write that certainly never left may be sent again: each try took a slot. */
  desk_rate_governor_set_limit (governor, 1000);
  request (fixture, "POST", "tickets", "{}", 0, &result);
  assert_api_error (&result, DESK_API_ERROR_NETWORK, NULL);
  result_clear (&result);
}

typedef struct
{
  guint done;
  guint failed;
  guint cancelled;
} Counts;

static void
count_cb (GObject      *object,
          GAsyncResult *res,
          gpointer      user_data)
{
  Counts *counts = user_data;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) error = NULL;

  node = desk_api_client_request_finish (DESK_API_CLIENT (object), res, &error);
  counts->done++;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    counts->cancelled++;
  else if (error != NULL || !JSON_NODE_HOLDS_ARRAY (node))
    counts->failed++;
}

static void
test_coalesce (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  const char * const other[] = { "page", "2", NULL };
  Counts counts = { 0 };

  for (guint i = 0; i < 3; i++)
    desk_api_client_request_async (fixture->client, "GET", "statuses", NULL, NULL, 0,
                                   DESK_API_PRIORITY_DEFAULT, NULL, count_cb, &counts);
  desk_api_client_request_async (fixture->client, "GET", "statuses", NULL, NULL, 0,
                                 DESK_API_PRIORITY_DEFAULT, cancellable, count_cb, &counts);
  desk_api_client_request_async (fixture->client, "GET", "statuses", other, NULL, 0,
                                 DESK_API_PRIORITY_DEFAULT, NULL, count_cb, &counts);
  g_cancellable_cancel (cancellable);

  while (counts.done < 5)
    g_main_context_iteration (NULL, TRUE);

  g_assert_cmpuint (counts.failed, ==, 0);
  g_assert_cmpuint (counts.cancelled, ==, 1);
  g_assert_cmpuint (get_hits (fixture, "statuses"), ==, 2);

  /* Once answered, the same GET goes out again. */
  desk_api_client_request_async (fixture->client, "GET", "statuses", NULL, NULL, 0,
                                 DESK_API_PRIORITY_DEFAULT, NULL, count_cb, &counts);
  while (counts.done < 6)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (get_hits (fixture, "statuses"), ==, 3);
}

static void
test_cancel (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  Counts counts = { 0 };

  desk_api_client_request_async (fixture->client, "GET", "slow", NULL, NULL, 0,
                                 DESK_API_PRIORITY_DEFAULT, cancellable, count_cb, &counts);

  while (get_hits (fixture, "slow") == 0)
    g_main_context_iteration (NULL, TRUE);

  g_cancellable_cancel (cancellable);
  while (counts.done < 1)
    g_main_context_iteration (NULL, TRUE);

  g_assert_cmpuint (counts.cancelled, ==, 1);
}

static char *
account_id (const char *base_url,
            const char *key)
{
  g_autoptr(DeskApiClient) client = desk_api_client_new (base_url, key);

  return desk_api_client_dup_account_id (client);
}

/* The catalog's cache folder is named by server and key. The demo store's server listens
 * on a new port at every start: a server on this computer is the same account whatever
 * its port, so that each start does not leave a folder behind. */
static void
test_account_id (void)
{
  g_autofree char *demo_a = account_id ("http://127.0.0.1:40001/api/web/v1/", "demo");
  g_autofree char *demo_b = account_id ("http://127.0.0.1:40002/api/web/v1/", "demo");
  g_autofree char *other_key = account_id ("http://127.0.0.1:40001/api/web/v1/", "other");
  g_autofree char *remote_a = account_id ("https://shop.example.com:8443/api/web/v1/", "demo");
  g_autofree char *remote_b = account_id ("https://shop.example.com:9443/api/web/v1/", "demo");
  g_autofree char *no_key = account_id ("https://shop.example.com/api/web/v1/", NULL);

  g_assert_nonnull (demo_a);
  g_assert_cmpstr (demo_a, ==, demo_b);
  g_assert_cmpstr (demo_a, !=, other_key);
  g_assert_cmpstr (remote_a, !=, remote_b);
  g_assert_cmpstr (demo_a, !=, remote_a);
  g_assert_null (no_key);
  /* The key never shows in the name. */
  g_assert_null (strstr (demo_a, "demo"));
}

static void
test_base_url (void)
{
  const char *good[] = {
    "https://api.repairdesk.co/api/web/v1/",
    "http://127.0.0.1:8080/api/web/v1/",
    "http://127.20.3.4/api/",
    "http://[::1]:9000/api/web/v1/",
    "http://LOCALHOST:1234/",
  };
  const char *bad[] = {
    "http://api.repairdesk.co/api/web/v1/",
    "http://10.0.0.2/api/",
    "http://128.0.0.1/",
    "ftp://127.0.0.1/",
    "api.repairdesk.co",
    "",
    "https://",
  };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    g_assert_true (desk_api_client_check_base_url (good[i], NULL));

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_false (desk_api_client_check_base_url (bad[i], &error));
      g_assert_error (error, DESK_API_ERROR, DESK_API_ERROR_INSECURE_URL);
    }
}

static void
test_insecure_request (Fixture       *fixture,
                       gconstpointer  data)
{
  Result result = { 0 };

  desk_api_client_set_base_url (fixture->client, "http://198.51.100.7/api/web/v1/");
  request (fixture, "GET", "statuses", NULL, 0, &result);
  assert_api_error (&result, DESK_API_ERROR_INSECURE_URL, NULL);
  result_clear (&result);
}

static void
test_redact (Fixture       *fixture,
             gconstpointer  data)
{
  struct { const char *in, *out; } cases[] = {
    { "https://h/api/web/v1/tickets?api_key=abc", "https://h/api/web/v1/tickets?api_key=***" },
    { "https://h/x?page=1&api_key=abc&keyword=z", "https://h/x?page=1&api_key=***&keyword=z" },
    { "https://h/x?api_key=abc#frag", "https://h/x?api_key=***#frag" },
    { "https://h/x?api_key=", "https://h/x?api_key=" },
    { "https://h/x?page=1", "https://h/x?page=1" },
  };
  g_autofree char *key = NULL;
  Result result = { 0 };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *redacted = desk_api_client_redact_url (cases[i].in);

      g_assert_cmpstr (redacted, ==, cases[i].out);
    }

  /* The key is not handed out through the property either. */
  g_object_get (fixture->client, "api-key", &key, NULL);
  g_assert_cmpstr (key, ==, "***");

  /* A server that echoes the URL does not bring the key into the error's detail. */
  request (fixture, "GET", "wrong-key-echo", NULL, 0, &result);
  assert_api_error (&result, DESK_API_ERROR_NOT_FOUND, "api_key=***");
  result_clear (&result);
}

static void
check_cb (GObject      *object,
          GAsyncResult *res,
          gpointer      user_data)
{
  Result *result = user_data;

  if (desk_api_client_check_connection_finish (DESK_API_CLIENT (object), res, &result->error))
    result->data = json_node_init_boolean (json_node_alloc (), TRUE);
  result->done = TRUE;
}

static void
check_connection (Fixture    *fixture,
                  const char *base_url,
                  Result     *result)
{
  result_clear (result);
  desk_api_client_set_base_url (fixture->client, base_url);
  desk_api_client_check_connection_async (fixture->client, NULL, check_cb, result);
  wait_for (fixture, result);
}

static void
test_check_connection (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *closed = closed_port_url ();
  g_autofree char *wrong_key = g_strconcat (fixture->base_url, "envelope-401/", NULL);
  g_autofree char *html = g_strconcat (fixture->base_url, "html-200/", NULL);
  g_autofree char *elsewhere = g_strconcat (fixture->base_url, "nothing-here/", NULL);
  Result result = { 0 };

  check_connection (fixture, fixture->base_url, &result);
  g_assert_no_error (result.error);
  g_assert_nonnull (result.data);

  desk_api_client_set_max_retries (fixture->client, 0);
  check_connection (fixture, wrong_key, &result);
  assert_api_error (&result, DESK_API_ERROR_UNAUTHORIZED, NULL);

  check_connection (fixture, html, &result);
  assert_api_error (&result, DESK_API_ERROR_PROTOCOL, NULL);

  check_connection (fixture, closed, &result);
  assert_api_error (&result, DESK_API_ERROR_NETWORK, NULL);

  check_connection (fixture, elsewhere, &result);
  assert_api_error (&result, DESK_API_ERROR_PROTOCOL, NULL);

  check_connection (fixture, "http://example.com/api/", &result);
  assert_api_error (&result, DESK_API_ERROR_INSECURE_URL, NULL);

  result_clear (&result);
}

static void
test_no_key (Fixture       *fixture,
             gconstpointer  data)
{
  Result result = { 0 };

  desk_api_client_set_api_key (fixture->client, "   ");
  g_assert_false (desk_api_client_has_api_key (fixture->client));
  desk_api_client_set_api_key (fixture->client, NULL);
  g_assert_false (desk_api_client_has_api_key (fixture->client));
  request (fixture, "GET", "statuses", NULL, 0, &result);
  assert_api_error (&result, DESK_API_ERROR_UNAUTHORIZED, NULL);
  g_assert_cmpuint (get_hits (fixture, "statuses"), ==, 0);
  result_clear (&result);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("/api-client/success", test_success);
  ADD ("/api-client/envelope-errors", test_envelope_errors);
  ADD ("/api-client/http-status", test_http_status);
  ADD ("/api-client/unreadable", test_unreadable);
  ADD ("/api-client/rate-limited", test_rate_limited);
  ADD ("/api-client/retry", test_retry);
  ADD ("/api-client/dropped", test_dropped);
  ADD ("/api-client/timeout", test_timeout);
  ADD ("/api-client/refused", test_refused);
  ADD ("/api-client/coalesce", test_coalesce);
  ADD ("/api-client/cancel", test_cancel);
  ADD ("/api-client/insecure-request", test_insecure_request);
  ADD ("/api-client/redact", test_redact);
  ADD ("/api-client/check-connection", test_check_connection);
  ADD ("/api-client/no-key", test_no_key);
  g_test_add_func ("/api-client/base-url", test_base_url);
  g_test_add_func ("/api-client/account-id", test_account_id);

#undef ADD

  return g_test_run ();
}
