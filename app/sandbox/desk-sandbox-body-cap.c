/* desk-sandbox-body-cap.c
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "desk-sandbox"

#include "config.h"

#include "desk-sandbox-body-cap.h"
#include "desk-sandbox-private.h"

/* A body over the cap is refused before it is held: one that announces its length by
 * that length, before a byte of it is read; a chunked one as soon as it passes the cap.
 * The connection is then taken from the server, the refusal written, and what the client
 * still sends is read and dropped for a little while (as web servers do before closing),
 * so that a client that sends its body anyway can read the answer. */

#define DRAIN_FACTOR     4
#define DRAIN_TIMEOUT_MS 5000

typedef struct
{
  gsize    max_body;
  gboolean strict_http;
} Cap;

typedef struct
{
  GIOStream    *stream;        /* owned */
  GCancellable *cancellable;   /* owned */
  GSource      *timeout;       /* owned */
  gsize         drained;
  gsize         limit;
} Drain;

static void
drain_free (Drain *drain)
{
  g_source_destroy (drain->timeout);
  g_source_unref (drain->timeout);
  g_io_stream_close (drain->stream, NULL, NULL);
  g_object_unref (drain->stream);
  g_object_unref (drain->cancellable);
  g_free (drain);
}

static void
drained_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  Drain *drain = user_data;
  g_autoptr(GBytes) bytes = g_input_stream_read_bytes_finish (G_INPUT_STREAM (object), result, NULL);

  if (bytes == NULL || g_bytes_get_size (bytes) == 0 ||
      (drain->drained += g_bytes_get_size (bytes)) > drain->limit)
    {
      drain_free (drain);
      return;
    }

  g_input_stream_read_bytes_async (G_INPUT_STREAM (object), 64 * 1024, G_PRIORITY_DEFAULT,
                                   drain->cancellable, drained_cb, drain);
}

static gboolean
drain_timeout_cb (gpointer user_data)
{
  Drain *drain = user_data;

  g_cancellable_cancel (drain->cancellable);

  return G_SOURCE_REMOVE;
}

/* The refusal as the sandbox words every error: the envelope, with HTTP 200 unless the
 * sandbox sends real statuses. */
static char *
refusal_text (Cap   *cap,
              guint *status)
{
  g_autofree char *message = g_strdup_printf ("The request body is larger than %zu bytes.",
                                              cap->max_body);
  g_autoptr(JsonNode) reply = desk_reply_error (SOUP_STATUS_REQUEST_ENTITY_TOO_LARGE, NULL, message);
  g_autoptr(JsonGenerator) generator = json_generator_new ();

  *status = cap->strict_http ? SOUP_STATUS_REQUEST_ENTITY_TOO_LARGE : SOUP_STATUS_OK;
  json_generator_set_root (generator, reply);

  return json_generator_to_data (generator, NULL);
}

static void
start_drain (GIOStream *stream,
             gsize      limit)
{
  Drain *drain = g_new0 (Drain, 1);

  drain->stream = stream;
  drain->limit = limit;
  drain->cancellable = g_cancellable_new ();
  drain->timeout = g_timeout_source_new (DRAIN_TIMEOUT_MS);
  g_source_set_callback (drain->timeout, drain_timeout_cb, drain, NULL);
  g_source_attach (drain->timeout, g_main_context_get_thread_default ());
  g_input_stream_read_bytes_async (g_io_stream_get_input_stream (stream), 64 * 1024,
                                   G_PRIORITY_DEFAULT, drain->cancellable, drained_cb, drain);
}

static void
refuse_too_large (Cap               *cap,
                  SoupServerMessage *msg)
{
  g_autoptr(GSocket) socket = NULL;
  g_autofree char *text = NULL;
  g_autofree char *head = NULL;
  GOutputStream *out;
  GIOStream *stream;
  guint status;

  text = refusal_text (cap, &status);
  head = g_strdup_printf ("HTTP/1.1 %u %s\r\nContent-Type: application/json; charset=UTF-8\r\n"
                          "Content-Length: %zu\r\nConnection: close\r\n\r\n",
                          status, soup_status_get_phrase (status), strlen (text));

  /* The socket, to close the writing half: the client then reads the end of the answer. */
  socket = soup_server_message_get_socket (msg);
  if (socket != NULL)
    g_object_ref (socket);
  stream = soup_server_message_steal_connection (msg);
  if (stream == NULL)
    return;

  out = g_io_stream_get_output_stream (stream);
  g_output_stream_write_all (out, head, strlen (head), NULL, NULL, NULL);
  g_output_stream_write_all (out, text, strlen (text), NULL, NULL, NULL);
  g_output_stream_flush (out, NULL, NULL);
  if (socket != NULL)
    g_socket_shutdown (socket, FALSE, TRUE, NULL);

  start_drain (stream, DRAIN_FACTOR * cap->max_body);
}

static void
got_headers_cb (SoupServerMessage *msg,
                gpointer           user_data)
{
  Cap *cap = user_data;
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);
  g_autofree char *text = NULL;
  guint status;

  if (soup_message_headers_get_encoding (headers) != SOUP_ENCODING_CONTENT_LENGTH ||
      soup_message_headers_get_content_length (headers) <= (goffset) cap->max_body)
    return;

  if (!(soup_message_headers_get_expectations (headers) & SOUP_EXPECTATION_CONTINUE))
    {
      refuse_too_large (cap, msg);
      return;
    }

  /* A client that asked leave to send gets the refusal in place of "100 Continue". */
  text = refusal_text (cap, &status);
  soup_message_headers_replace (soup_server_message_get_response_headers (msg),
                                "Connection", "close");
  soup_server_message_set_status (msg, status, NULL);
  soup_server_message_set_response (msg, "application/json; charset=UTF-8", SOUP_MEMORY_COPY,
                                    text, strlen (text));
}

static void
got_chunk_cb (SoupServerMessage *msg,
              GBytes            *chunk,
              gpointer           user_data)
{
  Cap *cap = user_data;

  if (soup_server_message_get_request_body (msg)->length > (goffset) cap->max_body)
    refuse_too_large (cap, msg);
}

static void
request_started_cb (SoupServer        *server,
                    SoupServerMessage *msg,
                    gpointer           user_data)
{
  g_signal_connect (msg, "got-headers", G_CALLBACK (got_headers_cb), user_data);
  g_signal_connect (msg, "got-chunk", G_CALLBACK (got_chunk_cb), user_data);
}

/**
 * desk_sandbox_cap_bodies:
 * @server: the sandbox's server, in the thread that runs it
 * @max_body: the largest request body taken, in bytes
 * @strict_http: whether errors go out with their HTTP status instead of 200
 *
 * Refuses every request body over @max_body before it is held in memory.
 */
void
desk_sandbox_cap_bodies (SoupServer *server,
                         gsize       max_body,
                         gboolean    strict_http)
{
  Cap *cap = g_new0 (Cap, 1);

  cap->max_body = max_body;
  cap->strict_http = strict_http;
  g_signal_connect_data (server, "request-started", G_CALLBACK (request_started_cb), cap,
                         (GClosureNotify) (void (*) (void)) g_free, 0);
}
