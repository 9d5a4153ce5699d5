/* test-sandbox-store.c
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "test-sandbox-util.h"

/* The store behind the sandbox: concurrent writers, a file that survives a restart, reset,
 * and the seed (deterministic, dated around today, valid IMEIs). */

#define N_CLIENTS 20
#define WRITES_PER_CLIENT 5

static gint64
customer_count (SoupSession *session,
                DeskSandbox *sandbox)
{
  g_autoptr(TestReply) reply = test_request (session, sandbox, "GET", "customers", NULL);

  return json_array_get_length (test_data_array (reply));
}

/* --- Concurrent clients -------------------------------------------------------------------- */

typedef struct
{
  DeskSandbox *sandbox;
  guint        pending;
  guint        failures;
} Concurrency;

typedef struct
{
  Concurrency *state;
  SoupSession *session;
  guint        client;
  guint        written;
} Client;

static void send_next (Client *client);

static void
written_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  Client *client = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = soup_session_send_and_read_finish (SOUP_SESSION (source), result, &error);

  if (error != NULL || g_strstr_len (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                     "\"success\":true") == NULL)
    client->state->failures++;

  if (++client->written < WRITES_PER_CLIENT)
    send_next (client);
  else
    client->state->pending--;
}

static void
send_next (Client *client)
{
  g_autofree char *body = g_strdup_printf ("{\"first_name\": \"Client%02u\", \"last_name\": \"Write%u\"}",
                                           client->client, client->written);
  g_autoptr(SoupMessage) msg = test_message (client->state->sandbox, "POST", "customers", NULL,
                                             body, NULL);

  soup_session_send_and_read_async (client->session, msg, G_PRIORITY_DEFAULT, NULL,
                                    written_cb, client);
}

static void
test_concurrent_writes (void)
{
  g_autoptr(DeskSandbox) sandbox = test_sandbox_start (0);
  g_autoptr(SoupSession) session = test_session_new ();
  Concurrency state = { sandbox, N_CLIENTS, 0 };
  Client clients[N_CLIENTS];

  /* Twenty clients, each with a session (a connection) of its own, all writing at once. */
  for (guint i = 0; i < N_CLIENTS; i++)
    {
      clients[i] = (Client) { &state, test_session_new (), i, 0 };
      send_next (&clients[i]);
    }
  while (state.pending > 0)
    g_main_context_iteration (NULL, TRUE);

  g_assert_cmpuint (state.failures, ==, 0);
  g_assert_cmpint (customer_count (session, sandbox), ==,
                   TEST_CUSTOMERS + N_CLIENTS * WRITES_PER_CLIENT);

  /* Every write is there once, none lost, none doubled. */
  for (guint i = 0; i < N_CLIENTS; i++)
    {
      g_autofree char *path = g_strdup_printf ("customers?keyword=Client%02u", i);
      g_autoptr(TestReply) reply = test_request (session, sandbox, "GET", path, NULL);

      g_assert_cmpint (json_array_get_length (test_data_array (reply)), ==, WRITES_PER_CLIENT);
      g_object_unref (clients[i].session);
    }
}

/* --- Persistence and reset ----------------------------------------------------------------- */

static DeskSandbox *
file_sandbox (const char *path,
              gint64      today)
{
  DeskSandbox *sandbox = test_sandbox_new (0);
  g_autoptr(GError) error = NULL;

  g_object_set (sandbox, "db-path", path, "today", today, NULL);
  desk_sandbox_start (sandbox, 0, &error);
  g_assert_no_error (error);

  return sandbox;
}

static void
test_restart (void)
{
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "frontdesk", "demo-store.sqlite", NULL);
  g_autoptr(SoupSession) session = test_session_new ();
  DeskSandbox *sandbox = file_sandbox (path, TEST_NOW);
  g_autoptr(TestReply) created = test_request (session, sandbox, "POST", "customers",
                                               "{\"first_name\": \"Trainee\", \"last_name\": \"Kept\"}");
  gint64 id = test_id (test_data_object (created), "cid");
  g_autofree char *show = g_strdup_printf ("customers/%" G_GINT64_FORMAT, id);

  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_finalize_object (sandbox);

  /* Started again on the same file: the trainee's customer is there, nothing re-seeded. */
  sandbox = file_sandbox (path, TEST_NOW);
  {
    g_autoptr(TestReply) shown = test_request (session, sandbox, "GET", show, NULL);

    g_assert_true (test_success (shown));
    g_assert_cmpstr (json_object_get_string_member (test_data_object (shown), "last_name"), ==, "Kept");
    g_assert_cmpint (customer_count (session, sandbox), ==, TEST_CUSTOMERS + 1);
  }

  /* Reset demo data: the seed again, the trainee's work gone. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(TestReply) gone = NULL;

    desk_sandbox_reset (sandbox, &error);
    g_assert_no_error (error);
    gone = test_request (session, sandbox, "GET", show, NULL);
    g_assert_cmpint (test_status_code (gone), ==, 404);
    g_assert_cmpint (customer_count (session, sandbox), ==, TEST_CUSTOMERS);
  }
  g_assert_finalize_object (sandbox);
}

/* A store seeded days ago still has tickets today: its dates move with the calendar. */
static void
test_dates_follow_today (void)
{
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "moving.sqlite", NULL);
  g_autoptr(SoupSession) session = test_session_new ();
  DeskSandbox *sandbox = file_sandbox (path, TEST_NOW);
  g_autoptr(TestReply) then = test_request (session, sandbox, "GET", "tickets", NULL);
  g_autoptr(TestReply) now = NULL;
  gint64 count;

  count = json_array_get_length (json_object_get_array_member (test_data_object (then), "ticketData"));
  g_assert_finalize_object (sandbox);

  sandbox = file_sandbox (path, TEST_NOW + 3 * 86400);
  now = test_request (session, sandbox, "GET", "tickets", NULL);
  g_assert_true (test_success (now));
  g_assert_cmpint (json_array_get_length (json_object_get_array_member (test_data_object (now), "ticketData")),
                   ==, count);
  g_assert_finalize_object (sandbox);
}

/* --- The seed ------------------------------------------------------------------------------ */

static GBytes *
raw (SoupSession *session,
     DeskSandbox *sandbox,
     const char  *path)
{
  g_autoptr(TestReply) reply = test_request (session, sandbox, "GET", path, NULL);

  return g_bytes_ref (reply->body);
}

static void
test_deterministic (void)
{
  g_autoptr(SoupSession) session = test_session_new ();
  g_autoptr(DeskSandbox) a = test_sandbox_start (0);
  g_autoptr(DeskSandbox) b = test_sandbox_start (0);
  g_autoptr(DeskSandbox) c = test_sandbox_new (0);
  g_autoptr(GError) error = NULL;
  static const char * const paths[] = { "customers", "tickets?filter=0&pagesize=1000",
                                        "invoices?filter=0&pagesize=1000", "inventory" };

  g_object_set (c, "seed", 8, NULL);
  desk_sandbox_start (c, 0, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      g_autoptr(GBytes) first = raw (session, a, paths[i]);
      g_autoptr(GBytes) second = raw (session, b, paths[i]);
      g_autoptr(GBytes) other = raw (session, c, paths[i]);

      g_assert_true (g_bytes_equal (first, second));
      if (i < 3)
        g_assert_false (g_bytes_equal (first, other));
    }
}

static gboolean
luhn_valid (const char *digits)
{
  int sum = 0;
  int n = strlen (digits);

  for (int i = 0; i < n; i++)
    {
      int d = digits[n - 1 - i] - '0';

      if (i % 2 == 1 && (d *= 2) > 9)
        d -= 9;
      sum += d;
    }

  return sum % 10 == 0;
}

static void
test_seed_layout (void)
{
  g_autoptr(SoupSession) session = test_session_new ();
  g_autoptr(DeskSandbox) sandbox = test_sandbox_start (0);
  g_autoptr(TestReply) all = test_request (session, sandbox, "GET", "tickets?filter=0&pagesize=1000", NULL);
  g_autoptr(TestReply) soon = test_request (session, sandbox, "GET", "tickets?filter=3&pagesize=1000", NULL);
  JsonArray *records = json_object_get_array_member (test_data_object (all), "ticketData");
  guint imeis = 0, walk_ins = 0, collected = 0, open_soon = 0;
  GHashTable *names = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < json_array_get_length (records); i++)
    {
      JsonObject *ticket = json_array_get_object_element (records, i);
      JsonObject *summary = json_object_get_object_member (ticket, "summary");
      JsonObject *customer = json_object_get_object_member (summary, "customer");
      JsonArray *devices = json_object_get_array_member (ticket, "devices");

      walk_ins += g_str_equal (json_object_get_string_member (customer, "id"), "");
      g_hash_table_add (names, (gpointer) json_object_get_string_member (customer, "fullName"));
      for (guint d = 0; d < json_array_get_length (devices); d++)
        {
          JsonObject *device = json_array_get_object_element (devices, d);
          const char *imei = json_object_get_string_member (device, "imei");
          const char *status = json_object_get_string_member (json_object_get_object_member (device, "status"), "name");

          if (*imei != '\0')
            {
              g_assert_cmpint (strlen (imei), ==, 15);
              g_assert_true (luhn_valid (imei));
              imeis++;
            }
          collected += g_str_equal (status, "Repaired & Collected");
        }
    }

  /* Recent tickets are still open and due within days. */
  records = json_object_get_array_member (test_data_object (soon), "ticketData");
  for (guint i = 0; i < json_array_get_length (records); i++)
    {
      JsonObject *device = json_array_get_object_element (json_object_get_array_member (json_array_get_object_element (records, i), "devices"), 0);

      open_soon += !g_str_equal (json_object_get_string_member (json_object_get_object_member (device, "status"), "name"),
                                 "Repaired & Collected");
      g_assert_cmpint (json_object_get_int_member (device, "due_on"), <=, TEST_NOW + 6 * 86400);
    }

  g_test_message ("%u IMEIs, %u walk-ins, %u collected, %u names, %u of %u recent open",
                  imeis, walk_ins, collected, g_hash_table_size (names), open_soon,
                  json_array_get_length (records));
  g_assert_cmpuint (imeis, >, TEST_TICKETS / 3);
  g_assert_cmpuint (walk_ins, >, 0);
  g_assert_cmpuint (collected, >, TEST_TICKETS / 2);
  g_assert_cmpuint (g_hash_table_size (names), >, TEST_CUSTOMERS / 2);
  g_assert_cmpuint (open_soon, >, 0);
  g_hash_table_unref (names);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/sandbox/store/concurrent-writes", test_concurrent_writes);
  g_test_add_func ("/sandbox/store/restart", test_restart);
  g_test_add_func ("/sandbox/store/dates-follow-today", test_dates_follow_today);
  g_test_add_func ("/sandbox/store/deterministic", test_deterministic);
  g_test_add_func ("/sandbox/store/seed-layout", test_seed_layout);

  return g_test_run ();
}
