/* test-sandbox-robust.c
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "test-sandbox-util.h"

/* Bad requests, fuzzed bodies, the rate limit and the injected faults: the sandbox must
 * answer every one with a clear body in the real format and keep serving. */

static const char valid_ticket[] =
  "{\"summary\": {\"customer_id\": \"380001\"},"
  " \"devices\": [{\"device\": \"137001\", \"repairProdItems\": [{\"id\": \"892001\", \"name\": \"\"}],"
  " \"imei\": \"356938035643809\", \"status\": \"Pending\", \"price\": \"129.99\","
  " \"taxclass\": \"7401\", \"assigned_to\": \"1751\","
  " \"Parts\": [{\"product_id\": \"2930001\", \"quantity\": \"1\"}]}]}";

/* A failed request: HTTP 200, success false, the code in the body and a message that says
 * what was wrong. */
static void
assert_refused (TestReply  *reply,
                gint64      code,
                const char *mentions)
{
  JsonObject *data;

  g_assert_no_error (reply->error);
  g_assert_nonnull (reply->root);
  g_assert_cmpint (reply->http_status, ==, 200);
  g_assert_false (test_success (reply));
  g_assert_cmpint (test_status_code (reply), ==, code);
  data = test_data_object (reply);
  g_assert_cmpint (json_object_get_int_member (data, "status"), ==, code);
  g_assert_true (json_object_has_member (data, "name"));
  if (mentions != NULL)
    {
      g_test_message ("%s", json_object_get_string_member (data, "message"));
      g_assert_nonnull (strstr (json_object_get_string_member (data, "message"), mentions));
    }
}

static void
assert_still_serving (TestFixture *f)
{
  g_autoptr(TestReply) reply = test_request (f->session, f->sandbox, "GET", "statuses", NULL);

  g_assert_true (test_success (reply));
}

static TestReply *
post (TestFixture *f,
      const char  *path,
      const char  *body)
{
  return test_request_full (f->session, f->sandbox, "POST", path, NULL, body, NULL);
}

static void
test_bad_tickets (TestFixture   *f,
                  gconstpointer  data)
{
  static const struct { const char *body; gint64 code; const char *mentions; } cases[] = {
    { "{\"summary\": {\"customer_id\": \"99999999\"}, \"devices\": [{\"device\": \"137001\"}]}", 422, "customer" },
    { "{\"summary\": {\"customer_id\": \"380001\"}, \"devices\": [{\"device\": \"5\"}]}", 422, "device" },
    { "{\"summary\": {\"customer_id\": \"380001\"}}", 422, "devices" },
    { "{\"devices\": [{\"device\": \"137001\"}]}", 422, "customer_id" },
    { "{\"summary\": {\"customer_id\": {\"id\": 1}}, \"devices\": [{\"device\": \"137001\"}]}", 422, "customer_id" },
    { "{\"summary\": {\"customer_id\": \"abc\"}, \"devices\": [{\"device\": \"137001\"}]}", 422, "customer_id" },
    { "{\"summary\": [], \"devices\": [{\"device\": \"137001\"}]}", 422, "summary" },
    { "{\"summary\": {\"customer_id\": \"0\"}, \"devices\": \"many\"}", 422, "devices" },
    { "{\"summary\": {\"customer_id\": \"0\"}, \"devices\": [42]}", 422, "devices" },
    { "{\"summary\": {\"customer_id\": \"0\"}, \"devices\": [{\"device\": \"137001\", \"price\": \"lots\"}]}", 422, "price" },
    { "{\"summary\": {\"customer_id\": \"0\"}, \"devices\": [{\"device\": \"137001\", \"status\": \"Teleported\"}]}", 422, "status" },
    { "{\"summary\": {\"customer_id\": \"0\"}, \"devices\": [{\"device\": \"137001\", \"price\": \"5\", \"line_discount\": \"9\"}]}", 422, "discount" },
    { "{\"summary\": {\"customer_id\": \"0\"}, \"devices\": [{\"device\": \"137001\", \"Parts\": [{\"product_id\": \"1\"}]}]}", 422, "product" },
    { "{\"summary\": {\"customer_id\": \"0\", \"signature\": \"bm90IGEgcG5n\"}, \"devices\": [{\"device\": \"137001\"}]}", 422, "signature" },
    { "{\"summary\": {\"customer_id\": \"0\", \"signature\": \"###\"}, \"devices\": [{\"device\": \"137001\"}]}", 422, "signature" },
    { "{\"summary\": {\"customer_id\": \"0\", \"signature\": \"iVBORw0KGgoAAAANSUhEUgAAAAEAAAAB\"}, \"devices\": [{\"device\": \"137001\"}]}", 422, "signature" },
    { "{\"summary\": {", 400, "JSON" },
    { "[1, 2, 3]", 400, "object" },
    { "\"text\"", 400, "object" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(TestReply) reply = post (f, "tickets", cases[i].body);

      g_test_message ("case %u", i);
      assert_refused (reply, cases[i].code, cases[i].mentions);
    }

  assert_still_serving (f);
}

static void
test_bad_invoices (TestFixture   *f,
                   gconstpointer  data)
{
  static const struct { const char *path; const char *body; gint64 code; const char *mentions; } cases[] = {
    { "invoices", "{\"summary\": {\"customer_id\": \"77\"}, \"items\": [{\"name\": \"x\"}]}", 422, "customer" },
    { "invoices", "{\"summary\": {\"customer_id\": \"0\"}, \"items\": [{\"product_id\": \"3\"}]}", 422, "product" },
    { "invoices", "{\"summary\": {\"customer_id\": \"0\"}, \"items\": [{\"sku\": \"x\"}]}", 422, "name" },
    { "invoices", "{\"summary\": {\"customer_id\": \"0\"}, \"items\": [{\"name\": \"x\", \"quantity\": \"-2\"}]}", 422, "quantity" },
    { "invoices/560001/payments", "{\"method\": \"Cash\"}", 422, "amount" },
    { "invoices/560001/payments", "{\"amount\": \"ten\"}", 422, "amount" },
    { "invoices/560001/payments", "{\"amount\": \"10.00\", \"method\": \"Seashells\"}", 422, "method" },
    { "invoices/1/payments", "{\"amount\": \"10.00\"}", 404, "Invoice" },
    { "customers", "{\"first_name\": \"A\", \"email\": \"not-an-address\"}", 422, "email" },
    { "customers", "{\"first_name\": [\"A\"]}", 422, "first_name" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(TestReply) reply = post (f, cases[i].path, cases[i].body);

      g_test_message ("case %u", i);
      assert_refused (reply, cases[i].code, cases[i].mentions);
    }

  assert_still_serving (f);
}

static void
test_oversized_body (TestFixture   *f,
                     gconstpointer  data)
{
  g_autoptr(GString) body = g_string_new ("{\"first_name\": \"");
  g_autoptr(TestReply) reply = NULL;

  while (body->len < 3 * 1024 * 1024)
    g_string_append (body, "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa");
  g_string_append (body, "\"}");

  reply = post (f, "customers", body->str);
  assert_refused (reply, 413, "larger");
  assert_still_serving (f);
}

/* Bodies nested deep enough to exhaust a recursive parser's stack. */
static void
test_deep_bodies (TestFixture   *f,
                  gconstpointer  data)
{
  g_autoptr(GString) json = g_string_new (NULL);
  g_autoptr(GString) form = g_string_new ("summary");
  g_autoptr(TestReply) deep_json = NULL;
  g_autoptr(TestReply) deep_form = NULL;

  for (guint i = 0; i < 500000; i++)
    g_string_append_c (json, '[');
  for (guint i = 0; i < 100000; i++)
    g_string_append (form, "%5Ba%5D");
  g_string_append (form, "=1");

  deep_json = post (f, "customers", json->str);
  assert_refused (deep_json, 400, "nests");

  deep_form = test_request_full (f->session, f->sandbox, "POST", "tickets", NULL, form->str,
                                 "application/x-www-form-urlencoded");
  g_assert_nonnull (deep_form->root);
  g_assert_false (test_success (deep_form));

  assert_still_serving (f);
}

/* The vendor's nested fields sent as a form: summary[customer_id]=..., devices[0][...]. */
static void
test_form_body (TestFixture   *f,
                gconstpointer  data)
{
  const char *form =
    "summary%5Bcustomer_id%5D=380001&devices%5B0%5D%5Bdevice%5D=137001"
    "&devices%5B0%5D%5BrepairProdItems%5D%5B0%5D%5Bid%5D=892001"
    "&devices%5B0%5D%5Bprice%5D=50.00&devices%5B0%5D%5Btaxclass%5D=7402";
  g_autoptr(TestReply) reply = test_request_full (f->session, f->sandbox, "POST", "tickets", NULL, form,
                                                  "application/x-www-form-urlencoded");
  g_autofree char *path = NULL;
  g_autoptr(TestReply) shown = NULL;

  g_assert_nonnull (reply->root);
  g_assert_true (test_success (reply));
  path = g_strdup_printf ("tickets/%" G_GINT64_FORMAT, json_object_get_int_member (test_data_object (reply), "id"));
  shown = test_request (f->session, f->sandbox, "GET", path, NULL);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (test_data_object (shown), "summary"),
                                                  "total"), ==, "$50.00");
}

/* --- Fuzzing ------------------------------------------------------------------------------- */

static char *
mutate (GRand      *rand,
        const char *text)
{
  static const char * const junk[] = { "{", "}", "[", "]", "\"", ",", ":", "null", "-1",
                                       "1e999", "\\u0000", "\xff", "\"\"", "[]", "{}", "true" };
  GString *out = g_string_new (text);
  guint n = g_rand_int_range (rand, 1, 6);

  for (guint i = 0; i < n && out->len > 0; i++)
    {
      guint at = g_rand_int_range (rand, 0, out->len);
      guint span = g_rand_int_range (rand, 1, 8);

      switch (g_rand_int_range (rand, 0, 4))
        {
        case 0:
          g_string_truncate (out, at);
          break;
        case 1:
          g_string_insert (out, at, junk[g_rand_int_range (rand, 0, G_N_ELEMENTS (junk))]);
          break;
        case 2:
          g_string_erase (out, at, MIN (span, out->len - at));
          break;
        default:
          out->str[at] = (char) g_rand_int_range (rand, 1, 256);
          break;
        }
    }

  return g_string_free (out, FALSE);
}

static void
test_fuzz (TestFixture   *f,
           gconstpointer  data)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (4242);
  static const char * const paths[] = { "tickets", "invoices", "customers", "invoices/560001/payments",
                                        "tickets/150001" };
  guint accepted = 0;

  for (guint i = 0; i < 400; i++)
    {
      g_autofree char *body = mutate (rand, valid_ticket);
      const char *path = paths[i % G_N_ELEMENTS (paths)];
      g_autoptr(TestReply) reply = test_request_full (f->session, f->sandbox,
                                                      g_str_equal (path, "tickets/150001") ? "PUT" : "POST",
                                                      path, NULL, body, NULL);
      gint64 code;

      g_assert_no_error (reply->error);
      g_assert_nonnull (reply->root);
      g_assert_cmpint (reply->http_status, ==, 200);
      code = test_status_code (reply);
      if (code != 200 && code != 400 && code != 422 && code != 404)
        g_error ("Unexpected statusCode %" G_GINT64_FORMAT " for %s", code, body);
      accepted += code == 200;
    }

  g_test_message ("%u of 400 fuzzed bodies were accepted", accepted);
  assert_still_serving (f);
}

/* Query parameters out of every range: lists still answer with an envelope. */
static void
test_fuzz_queries (TestFixture   *f,
                   gconstpointer  data)
{
  static const char * const values[] = { "-1", "0", "1", "abc", "99999999999999999999",
                                         "9223372036854775807", "-9223372036854775808",
                                         "4611686018427387903", "%00", "%27%3B", "1e3", "" };
  static const char * const keys[] = { "page", "pagesize", "filter", "from_date", "to_date",
                                       "status", "assigned_to", "created_by", "keyword",
                                       "referredby" };
  static const char * const lists[] = { "tickets", "invoices", "customers", "parts", "inventory" };
  g_autoptr(GRand) rand = g_rand_new_with_seed (99);

  for (guint i = 0; i < 300; i++)
    {
      g_autofree char *path = g_strdup_printf ("%s?%s=%s&%s=%s",
                                               lists[i % G_N_ELEMENTS (lists)],
                                               keys[g_rand_int_range (rand, 0, G_N_ELEMENTS (keys))],
                                               values[g_rand_int_range (rand, 0, G_N_ELEMENTS (values))],
                                               keys[g_rand_int_range (rand, 0, G_N_ELEMENTS (keys))],
                                               values[g_rand_int_range (rand, 0, G_N_ELEMENTS (values))]);
      g_autoptr(TestReply) reply = test_request (f->session, f->sandbox, "GET", path, NULL);
      gint64 code = test_status_code (reply);

      if (code != 200 && code != 100)
        g_error ("Unexpected statusCode %" G_GINT64_FORMAT " for %s", code, path);
    }

  assert_still_serving (f);
}

/* --- Rate limit ---------------------------------------------------------------------------- */

static void
test_rate_limit (void)
{
  g_autoptr(DeskClock) clock = desk_clock_new_manual (0);
  g_autoptr(DeskSandbox) sandbox = test_sandbox_new (50);
  g_autoptr(SoupSession) session = test_session_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(TestReply) refused = NULL;
  g_autoptr(TestReply) still = NULL;
  g_autoptr(TestReply) again = NULL;
  g_autoptr(TestReply) other_key = NULL;

  g_object_set (sandbox, "clock", clock, NULL);
  desk_sandbox_start (sandbox, 0, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < 50; i++)
    {
      g_autoptr(TestReply) reply = test_request (session, sandbox, "GET", "statuses", NULL);

      g_assert_true (test_success (reply));
      desk_clock_advance (clock, G_USEC_PER_SEC / 2);
    }

  /* The 51st inside a sliding minute gets the real 429 body, with HTTP 200. */
  refused = test_request (session, sandbox, "GET", "statuses", NULL);
  g_assert_cmpint (refused->http_status, ==, 200);
  g_assert_cmpint (test_status_code (refused), ==, 429);
  g_assert_cmpstr (json_object_get_string_member (test_envelope (refused), "message"), ==, "Too Many Requests");
  g_assert_cmpstr (json_object_get_string_member (test_data_object (refused), "message"), ==, "Rate limit exceeded.");

  /* The first request was 25 s ago: the window is still full 34 s later. */
  desk_clock_advance (clock, 34 * G_USEC_PER_SEC);
  still = test_request (session, sandbox, "GET", "statuses", NULL);
  g_assert_cmpint (test_status_code (still), ==, 429);

  /* A wrong key is refused as unauthorised, not counted against the real key. */
  other_key = test_request_full (session, sandbox, "GET", "statuses", "other", NULL, NULL);
  g_assert_cmpint (test_status_code (other_key), ==, 401);

  desk_clock_advance (clock, 2 * G_USEC_PER_SEC);
  again = test_request (session, sandbox, "GET", "statuses", NULL);
  g_assert_true (test_success (again));
  g_assert_cmpuint (desk_sandbox_get_request_count (sandbox), ==, 54);
}

/* --- Faults -------------------------------------------------------------------------------- */

static void
test_fault_http (TestFixture   *f,
                 gconstpointer  data)
{
  g_autoptr(TestReply) e500 = NULL;
  g_autoptr(TestReply) e502 = NULL;
  g_autoptr(TestReply) healthy = NULL;

  desk_sandbox_set_fault (f->sandbox, DESK_SANDBOX_FAULT_HTTP_500, 1.0);
  e500 = test_request_full (f->session, f->sandbox, "GET", "tickets", NULL, NULL, NULL);
  g_assert_cmpint (e500->http_status, ==, 500);

  desk_sandbox_set_fault (f->sandbox, DESK_SANDBOX_FAULT_NONE, 0);
  desk_sandbox_set_fault (f->sandbox, DESK_SANDBOX_FAULT_HTML_502, 1.0);
  e502 = test_request_full (f->session, f->sandbox, "GET", "tickets", NULL, NULL, NULL);
  g_assert_cmpint (e502->http_status, ==, 502);
  g_assert_null (e502->root);
  g_assert_nonnull (g_strstr_len (g_bytes_get_data (e502->body, NULL), g_bytes_get_size (e502->body),
                                  "502 Bad Gateway"));

  desk_sandbox_set_fault (f->sandbox, DESK_SANDBOX_FAULT_NONE, 0);
  healthy = test_request (f->session, f->sandbox, "GET", "statuses", NULL);
  g_assert_true (test_success (healthy));
}

static void
test_fault_body (TestFixture   *f,
                 gconstpointer  data)
{
  g_autoptr(TestReply) dropped = NULL;
  g_autoptr(TestReply) truncated = NULL;
  g_autoptr(TestReply) wrong = NULL;
  g_autoptr(TestReply) huge = NULL;
  JsonObject *first;

  desk_sandbox_set_fault (f->sandbox, DESK_SANDBOX_FAULT_DROP_MID_BODY, 1.0);
  dropped = test_request_full (f->session, f->sandbox, "GET", "statuses", NULL, NULL, NULL);
  g_assert_true (dropped->error != NULL || dropped->root == NULL);
  desk_sandbox_set_fault (f->sandbox, DESK_SANDBOX_FAULT_NONE, 0);

  desk_sandbox_set_fault (f->sandbox, DESK_SANDBOX_FAULT_TRUNCATED_JSON, 1.0);
  truncated = test_request_full (f->session, f->sandbox, "GET", "statuses", NULL, NULL, NULL);
  g_assert_no_error (truncated->error);
  g_assert_null (truncated->root);
  desk_sandbox_set_fault (f->sandbox, DESK_SANDBOX_FAULT_NONE, 0);

  desk_sandbox_set_fault (f->sandbox, DESK_SANDBOX_FAULT_WRONG_TYPES, 1.0);
  wrong = test_request (f->session, f->sandbox, "GET", "employees", NULL);
  first = json_array_get_object_element (test_data_array (wrong), 0);
  g_assert_cmpint (json_node_get_value_type (json_object_get_member (first, "id")), ==, G_TYPE_INT64);
  desk_sandbox_set_fault (f->sandbox, DESK_SANDBOX_FAULT_NONE, 0);

  desk_sandbox_set_fault (f->sandbox, DESK_SANDBOX_FAULT_HUGE_LIST, 1.0);
  huge = test_request (f->session, f->sandbox, "GET", "tickets?filter=0&pagesize=10", NULL);
  g_assert_cmpint (json_array_get_length (json_object_get_array_member (test_data_object (huge), "ticketData")),
                   ==, 20000);
  desk_sandbox_set_fault (f->sandbox, DESK_SANDBOX_FAULT_NONE, 0);

  assert_still_serving (f);
}

static void
test_fault_share (TestFixture   *f,
                  gconstpointer  data)
{
  guint failed = 0;

  desk_sandbox_set_fault (f->sandbox, DESK_SANDBOX_FAULT_HTTP_500, 0.3);
  for (guint i = 0; i < 200; i++)
    {
      g_autoptr(TestReply) reply = test_request_full (f->session, f->sandbox, "GET", "statuses",
                                                      NULL, NULL, NULL);

      failed += reply->http_status == 500;
    }

  g_test_message ("%u of 200 failed", failed);
  g_assert_cmpuint (failed, >, 30);
  g_assert_cmpuint (failed, <, 90);
}

typedef struct
{
  gboolean done;
  guint    status;
} Pending;

static void
pending_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  Pending *pending = user_data;
  GBytes *body = soup_session_send_and_read_finish (SOUP_SESSION (object), result, NULL);

  g_clear_pointer (&body, g_bytes_unref);
  pending->status = soup_message_get_status (soup_session_get_async_result_message (SOUP_SESSION (object),
                                                                                     result));
  pending->done = TRUE;
}

static void
send_pending (TestFixture  *f,
              const char   *path,
              GCancellable *cancellable,
              Pending      *pending)
{
  g_autoptr(SoupMessage) msg = test_message (f->sandbox, "GET", path, NULL, NULL, NULL);

  soup_session_send_and_read_async (f->session, msg, G_PRIORITY_DEFAULT, cancellable,
                                    pending_cb, pending);
}

static void
wait_pending (Pending *pending)
{
  gint64 deadline = g_get_monotonic_time () + 120 * G_USEC_PER_SEC;

  while (!pending->done)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
}

static void
test_latency (TestFixture   *f,
              gconstpointer  data)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  Pending held = { 0 };
  Pending other = { 0 };
  Pending again = { 0 };
  gint64 start;

  /* A route's latency holds its replies back at least that long (a lower bound only:
   * a busy machine can only make it longer). */
  desk_sandbox_set_route_latency (f->sandbox, "tickets", 300);
  start = g_get_monotonic_time ();
  {
    g_autoptr(TestReply) reply = test_request (f->session, f->sandbox, "GET", "tickets?filter=0", NULL);

    g_assert_true (test_success (reply));
  }
  g_assert_cmpint (g_get_monotonic_time () - start, >=, 300 * 1000);

  /* Held for ten minutes, it does not hold up the other routes: they are answered, one
   * after the other, while it waits. */
  desk_sandbox_set_route_latency (f->sandbox, "tickets", 600000);
  send_pending (f, "tickets?filter=0", cancellable, &held);
  send_pending (f, "statuses", NULL, &other);
  wait_pending (&other);
  send_pending (f, "statuses", NULL, &again);
  wait_pending (&again);

  g_assert_cmpuint (other.status, ==, 200);
  g_assert_cmpuint (again.status, ==, 200);
  g_assert_false (held.done);

  g_cancellable_cancel (cancellable);
  wait_pending (&held);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add (path, TestFixture, NULL, test_fixture_set_up, func, test_fixture_tear_down)

  ADD ("/sandbox/bad/tickets", test_bad_tickets);
  ADD ("/sandbox/bad/invoices", test_bad_invoices);
  ADD ("/sandbox/bad/oversized", test_oversized_body);
  ADD ("/sandbox/bad/deep", test_deep_bodies);
  ADD ("/sandbox/form-body", test_form_body);
  ADD ("/sandbox/fuzz", test_fuzz);
  ADD ("/sandbox/fuzz-queries", test_fuzz_queries);
  g_test_add_func ("/sandbox/rate-limit", test_rate_limit);
  ADD ("/sandbox/fault/http", test_fault_http);
  ADD ("/sandbox/fault/body", test_fault_body);
  ADD ("/sandbox/fault/share", test_fault_share);
  ADD ("/sandbox/latency", test_latency);

  return g_test_run ();
}
