/* test-client-promises.c
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <libsoup/soup.h>

#include "desk-core.h"
#include "desk-test-client.h"

/* Promises of the client that no other test would notice breaking: a write that never
 * left is sent again once the server is back; the rate governor's own limit is 45 a
 * minute, five below the server's 50; and the API key never reaches a log line, at any
 * level, on any path a request can take. */

#define TEST_KEY "promise-key-7c1f9e"
#define SECOND   G_USEC_PER_SEC

typedef struct
{
  gboolean  done;
  JsonNode *data;
  GError   *error;
} Result;

typedef struct
{
  SoupServer *server;
  GHashTable *hits;       /* "METHOD path" -> count */
} Server;

/* Every log line written while a test runs, whatever its level. */
static GPtrArray *log_lines;

static GLogWriterOutput
log_writer (GLogLevelFlags   log_level,
            const GLogField *fields,
            gsize            n_fields,
            gpointer         user_data)
{
  g_autoptr(GString) line = g_string_new (NULL);

  for (gsize i = 0; i < n_fields; i++)
    {
      if (fields[i].length < 0)
        g_string_append_printf (line, "%s=%s ", fields[i].key, (const char *) fields[i].value);
      else
        {
          g_string_append_printf (line, "%s=", fields[i].key);
          g_string_append_len (line, fields[i].value, fields[i].length);
          g_string_append_c (line, ' ');
        }
    }

  if (log_lines != NULL)
    g_ptr_array_add (log_lines, g_strdup (line->str));

  /* Debug and info lines are only kept; the rest also go where they always go, so that a
   * warning still fails the test. */
  if (log_level & (G_LOG_LEVEL_DEBUG | G_LOG_LEVEL_INFO))
    return G_LOG_WRITER_HANDLED;

  return g_log_writer_default (log_level, fields, n_fields, user_data);
}

static void
server_cb (SoupServer        *soup_server,
           SoupServerMessage *message,
           const char        *path,
           GHashTable        *query,
           gpointer           user_data)
{
  Server *server = user_data;
  g_autofree char *key = g_strdup_printf ("%s %s", soup_server_message_get_method (message), path);
  guint hits = GPOINTER_TO_UINT (g_hash_table_lookup (server->hits, key)) + 1;
  const char *body;

  g_hash_table_insert (server->hits, g_strdup (key), GUINT_TO_POINTER (hits));

  if (g_str_has_suffix (path, "/tickets"))
    body = "{\"success\":true,\"statusCode\":200,\"message\":\"OK\",\"data\":{\"id\":\"41\"}}";
  else if (g_str_has_suffix (path, "/statuses"))
    body = "{\"success\":true,\"statusCode\":200,\"message\":\"OK\",\"data\":"
           "[{\"name\":\"Waiting\",\"color\":\"#aa3311\",\"type\":\"Open\"}]}";
  else if (g_str_has_suffix (path, "/flaky") && hits == 1)
    {
      soup_server_message_set_status (message, 503, NULL);
      body = "{\"success\":false,\"statusCode\":503,\"message\":\"Unavailable\",\"data\":[]}";
    }
  else if (g_str_has_suffix (path, "/flaky"))
    body = "{\"success\":true,\"statusCode\":200,\"message\":\"OK\",\"data\":[]}";
  else
    /* A server that names the whole URL in its error, key and all. */
    body = "{\"success\":false,\"statusCode\":404,\"message\":\"Not Found\",\"data\":"
           "{\"name\":\"Not Found\",\"message\":\"Unable to resolve v1/x?api_key=" TEST_KEY "\","
           "\"code\":0}}";

  if (soup_server_message_get_status (message) == 0)
    soup_server_message_set_status (message, 200, NULL);
  soup_server_message_set_response (message, "application/json", SOUP_MEMORY_STATIC,
                                    body, strlen (body));
}

static void
server_start (Server *server,
              guint   port)
{
  g_autoptr(GError) error = NULL;

  server->hits = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  server->server = soup_server_new (NULL, NULL);
  soup_server_add_handler (server->server, NULL, server_cb, server, NULL);
  soup_server_listen_local (server->server, port, SOUP_SERVER_LISTEN_IPV4_ONLY, &error);
  g_assert_no_error (error);
}

static void
server_stop (Server *server)
{
  soup_server_disconnect (server->server);
  g_assert_finalize_object (server->server);
  g_hash_table_unref (server->hits);
}

static guint
server_hits (Server     *server,
             const char *key)
{
  return GPOINTER_TO_UINT (g_hash_table_lookup (server->hits, key));
}

/* A port of 127.0.0.1 that nothing listens on: bound, noted, and closed again. */
static guint
closed_port (void)
{
  g_autoptr(GSocket) socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM,
                                            G_SOCKET_PROTOCOL_TCP, NULL);
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) any = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) bound = NULL;

  g_assert_true (g_socket_bind (socket, any, TRUE, NULL));
  bound = g_socket_get_local_address (socket, NULL);
  g_socket_close (socket, NULL);

  return g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound));
}

static DeskApiClient *
client_new (DeskClock *clock,
            guint      port)
{
  g_autoptr(DeskRateGovernor) governor = desk_rate_governor_new (clock);
  g_autofree char *url = g_strdup_printf ("http://127.0.0.1:%u/api/web/v1/", port);

  return g_object_new (DESK_TYPE_API_CLIENT,
                       "base-url", url,
                       "api-key", TEST_KEY,
                       "governor", governor,
                       NULL);
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

static void
result_clear (Result *result)
{
  g_clear_pointer (&result->data, json_node_unref);
  g_clear_error (&result->error);
  result->done = FALSE;
}

static void
request (DeskApiClient *client,
         const char    *method,
         const char    *path,
         Result        *result)
{
  g_autoptr(GBytes) body = g_str_equal (method, "GET") ? NULL : g_bytes_new_static ("{}", 2);

  result_clear (result);
  desk_api_client_request_async (client, method, path, NULL, body, 0,
                                 DESK_API_PRIORITY_INTERACTIVE, NULL, request_cb, result);
}

/* Runs the loop until @result is in; whenever the client only waits for the clock (a
 * backoff), the manual clock jumps a second. */
static void
wait_for (DeskApiClient *client,
          Result        *result)
{
  DeskRateGovernor *governor = desk_api_client_get_governor (client);
  DeskClock *clock = desk_rate_governor_get_clock (governor);
  gint64 deadline = g_get_monotonic_time () + DESK_TEST_OUTER_BOUND;

  while (!result->done)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);

      if (g_main_context_iteration (NULL, FALSE))
        continue;

      if (desk_api_client_get_n_active (client) == 0 && desk_rate_governor_get_queued (governor) > 0)
        desk_clock_advance (clock, SECOND);
      else
        g_main_context_iteration (NULL, TRUE);
    }
}

/* Counts the requests put on the wire. */
static void
count_send_cb (guint         *n_sends,
               GParamSpec    *pspec,
               DeskApiClient *client)
{
  static guint last_active;
  guint active = desk_api_client_get_n_active (client);

  if (active > last_active)
    (*n_sends)++;
  last_active = active;
}

/* A write refused at the door certainly never reached the server: the client sends it
 * again after its pause, and once the server is back it arrives there exactly once. */
static void
test_unsent_write_retried (void)
{
  g_autoptr(DeskClock) clock = desk_clock_new_manual (1000 * SECOND);
  guint port = closed_port ();
  g_autoptr(DeskApiClient) client = client_new (clock, port);
  DeskRateGovernor *governor = desk_api_client_get_governor (client);
  gint64 deadline = g_get_monotonic_time () + DESK_TEST_OUTER_BOUND;
  Server server = { 0 };
  Result result = { 0 };
  guint n_sends = 0;

  g_signal_connect_swapped (client, "notify::n-active", G_CALLBACK (count_send_cb), &n_sends);
  request (client, "POST", "tickets", &result);

  /* The first try is refused; the client then waits for its pause on the clock. */
  while (!result.done && (n_sends == 0 || desk_api_client_get_n_active (client) > 0))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
  g_assert_no_error (result.error);
  g_assert_false (result.done);
  g_assert_cmpuint (n_sends, ==, 1);
  g_assert_cmpuint (desk_rate_governor_get_queued (governor), ==, 1);

  /* The server comes up on that port; the pause runs out. */
  server_start (&server, port);
  wait_for (client, &result);

  g_assert_no_error (result.error);
  g_assert_nonnull (result.data);
  g_assert_cmpuint (server_hits (&server, "POST /api/web/v1/tickets"), ==, 1);
  g_assert_cmpuint (n_sends, ==, 2);

  result_clear (&result);
  desk_test_finalize_soon (g_steal_pointer (&client));
  server_stop (&server);
}

/* The client's own limit is 45 requests a minute, five below the server's 50, so that a
 * second copy of Front Desk or a clock that runs a little apart does not meet a refusal. */
static void
acquired_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  GPtrArray *results = user_data;

  g_ptr_array_add (results, g_object_ref (result));
}

static void
test_governor_limit (void)
{
  g_autoptr(DeskClock) clock = desk_clock_new_manual (1000 * SECOND);
  g_autoptr(DeskRateGovernor) governor = desk_rate_governor_new (clock);
  g_autoptr(GPtrArray) tasks = g_ptr_array_new_with_free_func (g_object_unref);
  guint granted = 0;

  /* Counted from each answer, the whole budget of 50 is safe to use. */
  g_assert_cmpuint (desk_rate_governor_get_limit (governor), ==, 50);
  g_assert_cmpint (desk_rate_governor_get_window (governor), ==, 60 * SECOND);

  for (guint i = 0; i < 60; i++)
    desk_rate_governor_acquire_async (governor, DESK_API_PRIORITY_DEFAULT, 0, NULL,
                                      acquired_cb, tasks);
  while (g_main_context_iteration (NULL, FALSE))
    ;

  for (guint i = 0; i < tasks->len; i++)
    granted += desk_rate_governor_acquire_finish (governor, g_ptr_array_index (tasks, i), NULL);
  g_assert_cmpuint (granted, ==, 50);
  g_assert_cmpuint (desk_rate_governor_get_queued (governor), ==, 10);

  /* A minute later the rest go. */
  desk_clock_advance (clock, 60 * SECOND);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_cmpuint (tasks->len, ==, 60);
  g_assert_cmpuint (desk_rate_governor_get_queued (governor), ==, 0);
}

static void
assert_key_never_logged (void)
{
  guint n_urls = 0;

  for (guint i = 0; i < log_lines->len; i++)
    {
      const char *line = g_ptr_array_index (log_lines, i);

      if (strstr (line, TEST_KEY) != NULL)
        g_error ("The API key is in a log line: %s", line);
      n_urls += strstr (line, "api_key=***") != NULL;
    }

  /* The requests were logged, with the key blanked out. */
  g_assert_cmpuint (n_urls, >, 0);
}

/* Debug logging on, every path a request takes: sent, answered, failed on the server,
 * retried, refused, failed with the URL in the server's words, and a connection check. */
static void
test_key_never_logged (void)
{
  g_autoptr(DeskClock) clock = desk_clock_new_manual (1000 * SECOND);
  g_autoptr(DeskApiClient) client = NULL;
  g_autoptr(DeskApiClient) refused = client_new (clock, closed_port ());
  Server server = { 0 };
  Result result = { 0 };

  server_start (&server, 0);
  {
    GSList *uris = soup_server_get_uris (server.server);

    client = client_new (clock, g_uri_get_port (uris->data));
    g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);
  }

  log_lines = g_ptr_array_new_with_free_func (g_free);

  request (client, "GET", "statuses", &result);
  wait_for (client, &result);
  g_assert_no_error (result.error);

  request (client, "GET", "flaky", &result);
  wait_for (client, &result);
  g_assert_no_error (result.error);
  g_assert_cmpuint (server_hits (&server, "GET /api/web/v1/flaky"), ==, 2);

  request (client, "PUT", "echo/9", &result);
  wait_for (client, &result);
  g_assert_error (result.error, DESK_API_ERROR, DESK_API_ERROR_NOT_FOUND);

  desk_api_client_set_max_retries (refused, 1);
  request (refused, "GET", "statuses", &result);
  wait_for (refused, &result);
  g_assert_error (result.error, DESK_API_ERROR, DESK_API_ERROR_NETWORK);
  result_clear (&result);

  assert_key_never_logged ();
  g_clear_pointer (&log_lines, g_ptr_array_unref);

  desk_test_finalize_soon (g_steal_pointer (&refused));
  desk_test_finalize_soon (g_steal_pointer (&client));
  server_stop (&server);
}

int
main (int   argc,
      char *argv[])
{
  /* Every level is written, debug included, as with G_MESSAGES_DEBUG=all. */
  g_setenv ("G_MESSAGES_DEBUG", "all", TRUE);
  g_log_set_writer_func (log_writer, NULL, NULL);

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/client-promises/unsent-write-retried", test_unsent_write_retried);
  g_test_add_func ("/client-promises/governor-limit", test_governor_limit);
  g_test_add_func ("/client-promises/key-never-logged", test_key_never_logged);

  return g_test_run ();
}
