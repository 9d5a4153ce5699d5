/* test-sandbox-limits.c
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "test-sandbox-util.h"

/* The sandbox refuses a request body that is too large before it holds it: by its
 * Content-Length before any of it is read, and a chunked one as it arrives. Raw sockets,
 * so that the test decides what is sent and when. */

#define SECOND G_USEC_PER_SEC

static GSocketConnection *
connect_to (DeskSandbox *sandbox)
{
  g_autoptr(GSocketClient) client = g_socket_client_new ();
  g_autoptr(GUri) uri = g_uri_parse (desk_sandbox_get_url (sandbox), G_URI_FLAGS_NONE, NULL);
  g_autoptr(GError) error = NULL;
  GSocketConnection *connection;

  connection = g_socket_client_connect_to_host (client, "127.0.0.1", g_uri_get_port (uri),
                                                NULL, &error);
  g_assert_no_error (error);
  /* A server that waits for a body that never comes fails the test, not hangs it. */
  g_socket_set_timeout (g_socket_connection_get_socket (connection), 10);

  return connection;
}

static char *
request_head (DeskSandbox *sandbox,
              const char  *length_header)
{
  g_autoptr(GUri) uri = g_uri_parse (desk_sandbox_get_url (sandbox), G_URI_FLAGS_NONE, NULL);

  return g_strdup_printf ("POST %scustomers?api_key=%s HTTP/1.1\r\nHost: 127.0.0.1:%d\r\n"
                          "Content-Type: application/json\r\nConnection: close\r\n%s\r\n\r\n",
                          g_uri_get_path (uri), DESK_SANDBOX_DEMO_API_KEY, g_uri_get_port (uri),
                          length_header);
}

/* Reads the answer to its end: the sandbox closes the connection after a refusal. */
static char *
read_answer (GSocketConnection *connection)
{
  GInputStream *in = g_io_stream_get_input_stream (G_IO_STREAM (connection));
  g_autoptr(GString) answer = g_string_new (NULL);
  char buffer[4096];
  gssize n;

  while ((n = g_input_stream_read (in, buffer, sizeof buffer, NULL, NULL)) > 0)
    g_string_append_len (answer, buffer, n);

  return answer->len > 0 ? g_string_free (g_steal_pointer (&answer), FALSE) : NULL;
}

/* A refusal as the sandbox words them: HTTP 200 (413 in strict mode) and an envelope with
 * statusCode 413. */
static void
assert_too_large (const char *answer)
{
  g_assert_nonnull (answer);
  g_assert_true (g_str_has_prefix (answer, "HTTP/1.1 200") ||
                 g_str_has_prefix (answer, "HTTP/1.1 413"));
  g_assert_nonnull (strstr (answer, "\"statusCode\":413"));
  g_assert_nonnull (strstr (answer, "larger than"));
}

static void
test_content_length_refused (void)
{
  g_autoptr(DeskSandbox) sandbox = test_sandbox_start (0);
  g_autoptr(GSocketConnection) connection = connect_to (sandbox);
  GOutputStream *out = g_io_stream_get_output_stream (G_IO_STREAM (connection));
  g_autofree char *head = request_head (sandbox, "Content-Length: 10000000000");
  g_autofree char *status = NULL;
  g_autoptr(GError) error = NULL;

  /* The headers only: not one byte of the ten gigabytes announced. */
  g_output_stream_write_all (out, head, strlen (head), NULL, NULL, &error);
  g_assert_no_error (error);

  status = read_answer (connection);
  assert_too_large (status);
}

/* With "Expect: 100-continue" the client even waits for leave to send the body. */
static void
test_content_length_expect_continue (void)
{
  g_autoptr(DeskSandbox) sandbox = test_sandbox_start (0);
  g_autoptr(GSocketConnection) connection = connect_to (sandbox);
  GOutputStream *out = g_io_stream_get_output_stream (G_IO_STREAM (connection));
  g_autofree char *head = request_head (sandbox, "Content-Length: 5000000\r\nExpect: 100-continue");
  g_autofree char *status = NULL;

  g_assert_true (g_output_stream_write_all (out, head, strlen (head), NULL, NULL, NULL));
  status = read_answer (connection);
  assert_too_large (status);
}

static void
test_chunked_capped (void)
{
  g_autoptr(DeskSandbox) sandbox = test_sandbox_start (0);
  g_autoptr(GSocketConnection) connection = connect_to (sandbox);
  GOutputStream *out = g_io_stream_get_output_stream (G_IO_STREAM (connection));
  g_autofree char *head = request_head (sandbox, "Transfer-Encoding: chunked");
  g_autofree char *chunk = NULL;
  g_autofree char *status = NULL;
  const gsize chunk_size = 64 * 1024;
  const gsize total = 64 * 1024 * 1024;
  gsize sent = 0;
  GString *frame;

  /* A JSON string that never ends, 64 kB a chunk, up to 64 MB. */
  frame = g_string_new (NULL);
  g_string_append_printf (frame, "%zx\r\n", chunk_size);
  for (gsize i = 0; i < chunk_size; i++)
    g_string_append_c (frame, 'a');
  g_string_append (frame, "\r\n");
  chunk = g_string_free (frame, FALSE);

  g_assert_true (g_output_stream_write_all (out, head, strlen (head), NULL, NULL, NULL));
  g_assert_true (g_output_stream_write_all (out, "1\r\n\"\r\n", 6, NULL, NULL, NULL));

  while (sent < total)
    {
      g_autoptr(GError) error = NULL;

      if (!g_output_stream_write_all (out, chunk, strlen (chunk), NULL, NULL, &error))
        {
          g_test_message ("the sandbox closed the connection after %zu bytes: %s",
                          sent, error->message);
          break;
        }
      sent += chunk_size;
    }

  /* It hung up long before the end: it did not keep taking the body. */
  g_assert_cmpuint (sent, <, total / 2);

  /* Its answer may be lost to the reset of a connection closed with data unread. */
  status = read_answer (connection);
  if (status != NULL)
    assert_too_large (status);

  /* And it still serves others. */
  {
    g_autoptr(SoupSession) session = test_session_new ();
    g_autoptr(TestReply) reply = test_request (session, sandbox, "GET", "statuses", NULL);

    g_assert_true (test_success (reply));
  }
}

/* A body under the cap, sent in chunks, is still read and answered. */
static void
test_chunked_small_accepted (void)
{
  g_autoptr(DeskSandbox) sandbox = test_sandbox_start (0);
  g_autoptr(GSocketConnection) connection = connect_to (sandbox);
  GOutputStream *out = g_io_stream_get_output_stream (G_IO_STREAM (connection));
  g_autofree char *head = request_head (sandbox, "Transfer-Encoding: chunked");
  const char body[] = "{\"first_name\":\"Chunk\",\"last_name\":\"Ed\",\"phone\":\"5550100\"}";
  g_autofree char *chunks = g_strdup_printf ("%zx\r\n%s\r\n0\r\n\r\n", strlen (body), body);
  g_autofree char *status = NULL;

  g_assert_true (g_output_stream_write_all (out, head, strlen (head), NULL, NULL, NULL));
  g_assert_true (g_output_stream_write_all (out, chunks, strlen (chunks), NULL, NULL, NULL));
  status = read_answer (connection);
  g_assert_nonnull (status);
  g_assert_true (g_str_has_prefix (status, "HTTP/1.1 200"));
  g_assert_nonnull (strstr (status, "\"success\":true"));
}

/* Money out of range in a request is refused, never stored wrapped; a line within range
 * is taken, with totals that add up. */
static void
test_money_out_of_range (void)
{
  /* Price and quantity, each out of range on its own. */
  static const char * const lines[][2] = {
    { "1e300", "\"1\"" }, { "-1e300", "\"1\"" }, { "9223372036854775807", "\"1\"" },
    { "\"92233720368547758.07\"", "\"1\"" }, { "\"1e300\"", "\"1\"" },
    { "\"10.00\"", "\"9223372036854775807\"" }, { "\"10.00\"", "4611686018427387904" },
  };
  g_autoptr(DeskSandbox) sandbox = test_sandbox_start (0);
  g_autoptr(SoupSession) session = test_session_new ();

  for (guint i = 0; i < G_N_ELEMENTS (lines); i++)
    {
      g_autofree char *body = g_strdup_printf ("{\"summary\":{\"customer_id\":\"380002\"},"
                                               "\"items\":[{\"name\":\"Screen\",\"taxclass\":\"7401\","
                                               "\"price\":%s,\"quantity\":%s}]}",
                                               lines[i][0], lines[i][1]);
      g_autoptr(TestReply) reply = test_request (session, sandbox, "POST", "invoices", body);

      g_test_message ("price %s, quantity %s", lines[i][0], lines[i][1]);
      g_assert_false (test_success (reply));
      g_assert_cmpint (test_status_code (reply), ==, 422);
      /* Refused for the amount, not for anything else in the body. */
      g_assert_nonnull (strstr (g_bytes_get_data (reply->body, NULL), "price") != NULL
                        ? "price" : strstr (g_bytes_get_data (reply->body, NULL), "quantity"));
    }

  {
    g_autoptr(TestReply) reply = test_request (session, sandbox, "POST", "invoices",
                                               "{\"summary\":{\"customer_id\":\"380002\"},"
                                               "\"items\":[{\"name\":\"Screen\",\"taxclass\":\"7401\","
                                               "\"price\":\"999999999.99\",\"quantity\":\"10000\"}]}");

    g_assert_true (test_success (reply));
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/sandbox-limits/content-length-refused", test_content_length_refused);
  g_test_add_func ("/sandbox-limits/content-length-expect-continue", test_content_length_expect_continue);
  g_test_add_func ("/sandbox-limits/chunked-capped", test_chunked_capped);
  g_test_add_func ("/sandbox-limits/chunked-small-accepted", test_chunked_small_accepted);
  g_test_add_func ("/sandbox-limits/money-out-of-range", test_money_out_of_range);

  return g_test_run ();
}
