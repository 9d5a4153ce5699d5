/* test-api-waiting.c
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <libsoup/soup.h>

#include "desk-core.h"
#include "desk-test-client.h"

/* A server that never answers, or keeps refusing for too many requests: the client says
 * within seconds that it waits and why, lets the user stop waiting, and gives up by its
 * deadline. Time is a manual DeskClock; nothing waits for real minutes. */

#define TEST_KEY "waiting-key"
#define SECOND   G_USEC_PER_SEC

static const char rate_limited_body[] =
  "{\"success\":false,\"statusCode\":429,\"message\":\"Too Many Requests\",\"data\":"
  "{\"name\":\"Too Many Requests\",\"message\":\"Rate limit exceeded.\",\"code\":0,\"status\":429}}";

typedef struct
{
  SoupServer    *server;
  DeskClock     *clock;
  DeskApiClient *client;
  GPtrArray     *paused;     /* SoupServerMessage*, never answered */
  guint          hits;
  gboolean       refuse;     /* answer 429 instead of nothing */
} Fixture;

typedef struct
{
  gboolean  done;
  JsonNode *data;
  GError   *error;
} Result;

static void
server_cb (SoupServer        *server,
           SoupServerMessage *message,
           const char        *path,
           GHashTable        *query,
           gpointer           user_data)
{
  Fixture *fixture = user_data;

  fixture->hits++;

  if (fixture->refuse)
    {
      soup_server_message_set_status (message, 429, NULL);
      soup_server_message_set_response (message, "application/json", SOUP_MEMORY_STATIC,
                                        rate_limited_body, strlen (rate_limited_body));
      return;
    }

  soup_server_message_pause (message);
  g_ptr_array_add (fixture->paused, g_object_ref (message));
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(DeskRateGovernor) governor = NULL;
  g_autofree char *base_url = NULL;

  fixture->paused = g_ptr_array_new_with_free_func (g_object_unref);
  fixture->server = soup_server_new (NULL, NULL);
  soup_server_add_handler (fixture->server, NULL, server_cb, fixture, NULL);
  base_url = desk_test_listen_local (fixture->server);
  fixture->clock = desk_clock_new_manual (0);
  governor = desk_rate_governor_new (fixture->clock);
  fixture->client = g_object_new (DESK_TYPE_API_CLIENT,
                                  "base-url", base_url,
                                  "api-key", TEST_KEY,
                                  "governor", governor,
                                  "timeout", 30,
                                  "slow-after", 3000,
                                  "deadline", 20,
                                  NULL);
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
start (Fixture    *fixture,
       const char *method,
       Result     *result)
{
  g_autoptr(GBytes) body = g_strcmp0 (method, "GET") != 0 ? g_bytes_new_static ("{}", 2) : NULL;

  desk_api_client_request_async (fixture->client, method, "tickets", NULL, body,
                                 DESK_API_REQUEST_NONE, DESK_API_PRIORITY_INTERACTIVE, NULL,
                                 request_cb, result);
}

/* Runs the loop, without moving the clock, until the server holds @n requests. */
static void
wait_for_hits (Fixture *fixture,
               guint    n)
{
  gint64 deadline = g_get_monotonic_time () + 10 * SECOND;

  while (fixture->hits < n)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }

  /* Let the client take in whatever arrived with the last request. */
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static void
wait_done (Result *result)
{
  gint64 deadline = g_get_monotonic_time () + 10 * SECOND;

  while (!result->done)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
}

static void
count_notify_cb (GObject    *object,
                 GParamSpec *pspec,
                 gpointer    user_data)
{
  (*(guint *) user_data)++;
}

static void
test_slow_then_stop (Fixture       *fixture,
                     gconstpointer  data)
{
  Result result = { 0, };
  guint n_notify = 0;

  g_signal_connect (fixture->client, "notify::waiting", G_CALLBACK (count_notify_cb), &n_notify);
  start (fixture, "GET", &result);
  wait_for_hits (fixture, 1);

  g_assert_cmpint (desk_api_client_get_waiting (fixture->client), ==, DESK_API_WAIT_NONE);
  g_assert_null (desk_api_client_get_waiting_message (fixture->client));

  desk_clock_advance (fixture->clock, 2 * SECOND);
  g_assert_cmpint (desk_api_client_get_waiting (fixture->client), ==, DESK_API_WAIT_NONE);

  /* Three seconds without an answer: the client says so, in words for the counter. */
  desk_clock_advance (fixture->clock, 1 * SECOND);
  g_assert_cmpint (desk_api_client_get_waiting (fixture->client), ==, DESK_API_WAIT_SLOW);
  g_assert_nonnull (strstr (desk_api_client_get_waiting_message (fixture->client), "RepairDesk"));
  g_assert_cmpuint (n_notify, ==, 1);
  g_assert_false (result.done);

  /* The user stops waiting: the request ends at once, and so does the waiting. */
  desk_api_client_stop_waiting (fixture->client);
  wait_done (&result);
  g_assert_error (result.error, DESK_API_ERROR, DESK_API_ERROR_STOPPED);
  g_assert_cmpint (desk_api_client_get_waiting (fixture->client), ==, DESK_API_WAIT_NONE);
  g_assert_cmpuint (n_notify, ==, 2);
  g_assert_cmpuint (fixture->hits, ==, 1);
  g_clear_error (&result.error);
}

/* A write already sent cannot be called back: stopping leaves its outcome unknown. */
static void
test_stop_write_on_wire (Fixture       *fixture,
                         gconstpointer  data)
{
  Result result = { 0, };

  start (fixture, "PUT", &result);
  wait_for_hits (fixture, 1);
  desk_clock_advance (fixture->clock, 3 * SECOND);
  g_assert_cmpint (desk_api_client_get_waiting (fixture->client), ==, DESK_API_WAIT_SLOW);

  desk_api_client_stop_waiting (fixture->client);
  wait_done (&result);
  g_assert_error (result.error, DESK_API_ERROR, DESK_API_ERROR_OUTCOME_UNKNOWN);
  g_clear_error (&result.error);
}

/* A read that is never answered ends by the deadline, not after its retries. */
static void
test_deadline_read (Fixture       *fixture,
                    gconstpointer  data)
{
  Result result = { 0, };

  start (fixture, "GET", &result);
  wait_for_hits (fixture, 1);

  desk_clock_advance (fixture->clock, 19 * SECOND);
  g_assert_false (result.done);
  desk_clock_advance (fixture->clock, 1 * SECOND);
  wait_done (&result);

  g_assert_error (result.error, DESK_API_ERROR, DESK_API_ERROR_TIMEOUT);
  g_assert_cmpuint (fixture->hits, ==, 1);
  g_clear_error (&result.error);
}

/* A write on the wire is left to its timeout: ending it sooner only hides its fate. */
static void
test_deadline_spares_write_on_wire (Fixture       *fixture,
                                    gconstpointer  data)
{
  Result result = { 0, };

  start (fixture, "POST", &result);
  wait_for_hits (fixture, 1);
  desk_clock_advance (fixture->clock, 60 * SECOND);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_false (result.done);

  desk_api_client_stop_waiting (fixture->client);
  wait_done (&result);
  g_assert_error (result.error, DESK_API_ERROR, DESK_API_ERROR_OUTCOME_UNKNOWN);
  g_clear_error (&result.error);
}

/* A server that answers 429 again and again: the client says why it waits within
 * seconds, and stops by its deadline instead of after minutes of refusals. */
static void
test_rate_limited_forever (Fixture       *fixture,
                           gconstpointer  data)
{
  DeskRateGovernor *governor = desk_api_client_get_governor (fixture->client);
  Result result = { 0, };
  gint64 started = desk_clock_get_time (fixture->clock);
  gboolean told = FALSE;
  gint64 guard = g_get_monotonic_time () + 10 * SECOND;

  fixture->refuse = TRUE;
  start (fixture, "GET", &result);

  while (!result.done)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, guard);

      if (g_main_context_iteration (NULL, FALSE))
        continue;

      if (desk_api_client_get_waiting (fixture->client) == DESK_API_WAIT_RATE_LIMITED)
        {
          if (!told)
            g_assert_cmpint (desk_clock_get_time (fixture->clock) - started, <=, 5 * SECOND);
          told = TRUE;
        }

      if (desk_rate_governor_get_queued (governor) > 0)
        desk_clock_advance (fixture->clock, SECOND / 2);
      else
        g_main_context_iteration (NULL, TRUE);
    }

  g_assert_true (told);
  g_assert_error (result.error, DESK_API_ERROR, DESK_API_ERROR_RATE_LIMITED);
  g_assert_cmpint (desk_clock_get_time (fixture->clock) - started, <=, 21 * SECOND);
  g_assert_cmpint (desk_api_client_get_waiting (fixture->client), ==, DESK_API_WAIT_NONE);
  g_clear_error (&result.error);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("/api-waiting/slow-then-stop", test_slow_then_stop);
  ADD ("/api-waiting/stop-write-on-wire", test_stop_write_on_wire);
  ADD ("/api-waiting/deadline-read", test_deadline_read);
  ADD ("/api-waiting/deadline-spares-write-on-wire", test_deadline_spares_write_on_wire);
  ADD ("/api-waiting/rate-limited-forever", test_rate_limited_forever);

  return g_test_run ();
}
