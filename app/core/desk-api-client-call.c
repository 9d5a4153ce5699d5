/* desk-api-client-call.c
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "desk-api-client"

#include "config.h"

#include <libsoup/soup.h>

#include "desk-api-client-private.h"
#include "desk-api-error.h"

/* One request on its way: it waits for its turn at the rate governor, goes out through
 * the client's SoupSession, and its reply is judged by desk_api_reply_evaluate(). Several
 * callers may wait for one call (identical GETs are joined). A read that failed on the
 * way is tried again after a growing pause; a write only when it certainly never left, so
 * that a ticket is never created twice behind the user's back. */

/* Consecutive refusals for too many requests before the caller is told. */
#define MAX_RATE_LIMITED_RETRIES 8
#define FIRST_RETRY_DELAY        G_USEC_PER_SEC
/* Bodies above this are parsed in a worker thread, away from the screen's main loop. */
#define THREAD_PARSE_THRESHOLD   (256 * 1024)

/* On a waiter's task: the map function it wants its list's records mapped with, and
 * the records mapped while parsing, handed to it (desk_api_client_request_mapped_*). */
#define WAITER_MAP_KEY    "desk-api-map"
#define WAITER_MAPPED_KEY "desk-api-mapped"

/* One request on the wire, and everyone waiting for its answer. */
struct _DeskApiCall
{
  gatomicrefcount  ref_count;
  DeskApiClient   *client;        /* owned */
  char            *method;
  char            *url;           /* with the key: never log it, use log_url */
  char            *log_url;
  char            *coalesce_key;  /* NULL unless in client->in_flight */
  GBytes          *body;          /* owned, nullable */
  DeskJsonMapFunc  map;           /* nullable: maps a list's records while parsing */
  GCancellable    *cancellable;   /* owned, cancelled when no waiter is left */
  GPtrArray       *waiters;       /* GTask*, owned */
  DeskReplyFlags   flags;
  int              priority;
  guint            attempt;
  guint            rate_limited;
  gint64           started;       /* clock time when it was made */
  gint64           first_sent;    /* clock time when it first left, if sent */
  gboolean         sent;
  gboolean         on_wire;
  gboolean         done;
};

typedef DeskApiCall Call;
static void start_attempt (Call   *call,
                           gint64  not_before);


static Call *
call_ref (Call *call)
{
  g_atomic_ref_count_inc (&call->ref_count);
  return call;
}

static void
call_unref (Call *call)
{
  if (!g_atomic_ref_count_dec (&call->ref_count))
    return;

  if (call->client != NULL)
    g_ptr_array_remove_fast (call->client->calls, call);
  g_clear_object (&call->client);
  g_clear_pointer (&call->method, g_free);
  g_clear_pointer (&call->url, g_free);
  g_clear_pointer (&call->log_url, g_free);
  g_clear_pointer (&call->coalesce_key, g_free);
  g_clear_pointer (&call->body, g_bytes_unref);
  g_clear_object (&call->cancellable);
  g_clear_pointer (&call->waiters, g_ptr_array_unref);
  g_free (call);
}


/* Leaves the client's table, so that a new identical GET starts a new request. */
static void
call_forget (Call *call)
{
  Call *current;

  if (call->coalesce_key == NULL)
    return;

  current = g_hash_table_lookup (call->client->in_flight, call->coalesce_key);
  if (current == call)
    g_hash_table_remove (call->client->in_flight, call->coalesce_key);
}

/* Takes @mapped: the records mapped while parsing go to one waiter that asked for them;
 * a waiter that joined the call maps its own from the shared data, as before. */
static void
call_return (Call           *call,
             JsonNode       *data,
             DeskJsonMapped *mapped,
             GError         *error)
{
  g_autoptr(DeskJsonMapped) records = mapped;
  g_autoptr(GPtrArray) waiters = NULL;

  call->done = TRUE;
  call_forget (call);
  waiters = g_steal_pointer (&call->waiters);
  if (g_ptr_array_remove_fast (call->client->calls, call))
    desk_api_client_update_waiting (call->client);
  call->waiters = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < waiters->len; i++)
    {
      GTask *task = g_ptr_array_index (waiters, i);

      if (error != NULL)
        {
          g_task_return_error (task, g_error_copy (error));
          continue;
        }

      if (records != NULL && call->map != NULL &&
          g_object_get_data (G_OBJECT (task), WAITER_MAP_KEY) == (gpointer) call->map)
        g_object_set_data_full (G_OBJECT (task), WAITER_MAPPED_KEY,
                                g_steal_pointer (&records),
                                (GDestroyNotify) desk_json_mapped_free);
      g_task_return_pointer (task, json_node_ref (data), (GDestroyNotify) json_node_unref);
    }
}

/* The detail texts come from the server and from libraries; the key must not travel in
 * them to a "Details" expander. */
static GError *
scrub_error (DeskApiClient *self,
             GError        *error)
{
  const char *detail = desk_api_error_get_detail (error);
  g_autofree char *clean = NULL;
  g_auto(GStrv) parts = NULL;
  GError *scrubbed;

  if (detail == NULL || self->api_key == NULL || strstr (detail, self->api_key) == NULL)
    return error;

  parts = g_strsplit (detail, self->api_key, -1);
  clean = g_strjoinv ("***", parts);
  scrubbed = desk_api_error_new (error->code, clean);
  g_error_free (error);

  return scrubbed;
}

static gint64
now (Call *call)
{
  return desk_clock_get_time (call->client->clock);
}

static gint64
retry_time (Call *call)
{
  gint64 delay = FIRST_RETRY_DELAY << MIN (call->attempt - 1, 5);

  return now (call) + delay;
}

/* Whether there is time left for one more try before the client's deadline, which
 * runs from the first time the request left: the wait for Front Desk's own pace before
 * that is known and shown apart. */
static gboolean
before_deadline (Call   *call,
                 gint64  when)
{
  return !call->sent || when - call->first_sent < call->client->deadline;
}

static gboolean
may_retry (Call         *call,
           const GError *transport_error,
           const GError *error)
{
  if (call->attempt > call->client->max_retries || !before_deadline (call, retry_time (call)))
    return FALSE;

  /* A write is sent again only when it certainly never reached the server. */
  if (call->flags & DESK_REPLY_WRITE)
    return transport_error != NULL && desk_api_reply_is_unsent (transport_error);

  return desk_api_reply_is_transient (error);
}

static void
handle_failure (Call         *call,
                const GError *transport_error,
                GError       *error)
{
  DeskApiClient *self = call->client;

  /* Before anything logs it: a server may quote the URL, key and all, in its reply. */
  error = scrub_error (self, error);

  if (g_error_matches (error, DESK_API_ERROR, DESK_API_ERROR_RATE_LIMITED) &&
      call->rate_limited++ < MAX_RATE_LIMITED_RETRIES && before_deadline (call, now (call)))
    {
      g_debug ("%s %s: refused for too many requests, queued again", call->method, call->log_url);
      desk_rate_governor_report_rate_limited (self->governor);
      start_attempt (call, 0);
      desk_api_client_update_waiting (self);
      g_error_free (error);
      return;
    }

  if (may_retry (call, transport_error, error))
    {
      g_debug ("%s %s failed (%s), retry %u", call->method, call->log_url,
               desk_api_error_get_detail (error), call->attempt);
      start_attempt (call, retry_time (call));
      desk_api_client_update_waiting (self);
      g_error_free (error);
      return;
    }

  g_debug ("%s %s failed: %s", call->method, call->log_url, desk_api_error_get_detail (error));
  call_return (call, NULL, NULL, error);
  g_error_free (error);
}

/* Takes @mapped. */
static void
handle_reply (Call           *call,
              JsonNode       *data,
              DeskJsonMapped *mapped,
              GError         *error)
{
  if (error != NULL)
    {
      desk_json_mapped_free (mapped);
      handle_failure (call, NULL, error);
      return;
    }

  desk_rate_governor_report_success (call->client->governor);
  call_return (call, data, mapped, NULL);
}

typedef struct
{
  GBytes          *body;
  char            *reason;
  guint            status;
  DeskReplyFlags   flags;
  DeskJsonMapFunc  map;
  DeskJsonMapped  *mapped;  /* owned, nullable: set by the worker */
} EvaluateData;

static void
evaluate_data_free (EvaluateData *data)
{
  g_bytes_unref (data->body);
  g_free (data->reason);
  desk_json_mapped_free (data->mapped);
  g_free (data);
}

static void
evaluate_thread (GTask        *task,
                 gpointer      source_object,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  EvaluateData *data = task_data;
  GError *error = NULL;
  JsonNode *node;

  /* A big list is mapped here too, each record while its nodes are fresh. */
  if (data->map != NULL)
    node = desk_api_reply_evaluate_mapped (data->status, data->reason, data->body, data->flags,
                                           data->map, &data->mapped, &error);
  else
    node = desk_api_reply_evaluate (data->status, data->reason, data->body, data->flags, &error);

  if (node != NULL)
    g_task_return_pointer (task, node, (GDestroyNotify) json_node_unref);
  else
    g_task_return_error (task, error);
}

static void
evaluated_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(DeskApiCall) call = user_data;
  EvaluateData *evaluated = g_task_get_task_data (G_TASK (result));
  g_autoptr(JsonNode) data = NULL;
  GError *error = NULL;

  data = g_task_propagate_pointer (G_TASK (result), &error);
  handle_reply (call, data, g_steal_pointer (&evaluated->mapped), error);
}

static void
evaluate_in_thread (Call        *call,
                    SoupMessage *message,
                    GBytes      *body)
{
  g_autoptr(GTask) task = g_task_new (NULL, NULL, evaluated_cb, call_ref (call));
  EvaluateData *data = g_new0 (EvaluateData, 1);

  data->body = g_bytes_ref (body);
  data->reason = g_strdup (soup_message_get_reason_phrase (message));
  data->status = soup_message_get_status (message);
  data->flags = call->flags;
  data->map = call->map;
  g_task_set_task_data (task, data, (GDestroyNotify) evaluate_data_free);
  g_task_run_in_thread (task, evaluate_thread);
}

/* libsoup hands over what arrived when a server that announced "Connection: close"
 * hangs up before the announced length; that is a dropped connection, not a reply. */
static gboolean
body_cut_short (SoupMessage  *message,
                GBytes       *body,
                GError      **error)
{
  SoupMessageHeaders *headers = soup_message_get_response_headers (message);
  const char *coding = soup_message_headers_get_one (headers, "Content-Encoding");
  goffset expected;

  if (soup_message_headers_get_encoding (headers) != SOUP_ENCODING_CONTENT_LENGTH ||
      (coding != NULL && g_ascii_strcasecmp (coding, "identity") != 0))
    return FALSE;

  expected = soup_message_headers_get_content_length (headers);
  if ((goffset) g_bytes_get_size (body) >= expected)
    return FALSE;

  g_set_error (error, G_IO_ERROR, G_IO_ERROR_PARTIAL_INPUT,
               "The connection closed after %" G_GSIZE_FORMAT " of %" G_GOFFSET_FORMAT " bytes",
               g_bytes_get_size (body), expected);

  return TRUE;
}

/* No redirect is followed: the key is in the query, and a write must reach the configured
 * server or nobody. The error says where the server pointed to, without the key. */
static GError *
redirect_error (SoupMessage *message)
{
  SoupMessageHeaders *headers = soup_message_get_response_headers (message);
  const char *location = soup_message_headers_get_one (headers, "Location");
  g_autofree char *target = desk_api_client_redact_url (location != NULL ? location : "nowhere");
  g_autofree char *detail = g_strdup_printf ("HTTP %u to %s", soup_message_get_status (message),
                                             target);

  return desk_api_error_new (DESK_API_ERROR_REDIRECTED, detail);
}

static void
send_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(DeskApiCall) call = user_data;
  SoupMessage *message = soup_session_get_async_result_message (SOUP_SESSION (object), result);
  g_autoptr(GError) transport_error = NULL;
  g_autoptr(JsonNode) data = NULL;
  g_autoptr(GBytes) body = NULL;
  GError *error = NULL;

  body = soup_session_send_and_read_finish (SOUP_SESSION (object), result, &transport_error);
  call->on_wire = FALSE;
  desk_api_client_add_active (call->client, -1);

  /* A cancelled request may still reach the server later: it keeps its place as sent. */
  if (!g_error_matches (transport_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    desk_rate_governor_report_answered (call->client->governor);

  if (body != NULL && body_cut_short (message, body, &transport_error))
    g_clear_pointer (&body, g_bytes_unref);

  if (body == NULL)
    {
      if (g_error_matches (transport_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        call_return (call, NULL, NULL, transport_error);
      else
        handle_failure (call, transport_error,
                        desk_api_reply_map_transport_error (transport_error, call->flags));
      return;
    }

  g_debug ("%s %s: HTTP %u, %" G_GSIZE_FORMAT " bytes", call->method, call->log_url,
           soup_message_get_status (message), g_bytes_get_size (body));

  if (SOUP_STATUS_IS_REDIRECTION (soup_message_get_status (message)))
    {
      handle_failure (call, NULL, redirect_error (message));
      return;
    }

  if (g_bytes_get_size (body) > THREAD_PARSE_THRESHOLD)
    {
      evaluate_in_thread (call, message, body);
      return;
    }

  data = desk_api_reply_evaluate (soup_message_get_status (message),
                                  soup_message_get_reason_phrase (message),
                                  body, call->flags, &error);
  handle_reply (call, data, NULL, error);
}

static void
send_now (Call *call)
{
  g_autoptr(SoupMessage) message = soup_message_new (call->method, call->url);

  if (message == NULL)
    {
      g_autoptr(GError) error = desk_api_error_new (DESK_API_ERROR_INSECURE_URL, call->log_url);

      call_return (call, NULL, NULL, error);
      return;
    }

  soup_message_headers_replace (soup_message_get_request_headers (message),
                                "Accept", "application/json");

  /* libsoup sends an idempotent request (PUT, and the GET that converts a ticket) again by
   * itself when a connection used before closes before the reply (request_is_restartable()
   * in libsoup 3.2's soup-client-message-io-http1.c, and its HTTP/2 twin). A write goes
   * out on a fresh connection of a session for writes alone, which no other request
   * shares, not even as another HTTP/2 stream: no such restart can happen. */
  soup_message_add_flags (message, SOUP_MESSAGE_NO_REDIRECT);
  if (call->flags & DESK_REPLY_WRITE)
    soup_message_add_flags (message, SOUP_MESSAGE_NEW_CONNECTION);

  if (call->body != NULL)
    soup_message_set_request_body_from_bytes (message, "application/json", call->body);

  g_debug ("%s %s", call->method, call->log_url);
  call->on_wire = TRUE;
  if (!call->sent)
    call->first_sent = now (call);
  call->sent = TRUE;
  desk_api_client_add_active (call->client, +1);
  soup_session_send_and_read_async ((call->flags & DESK_REPLY_WRITE) ? call->client->write_session
                                                                     : call->client->session,
                                    message, G_PRIORITY_DEFAULT,
                                    call->cancellable, send_cb, call_ref (call));
}

static void
acquired_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(DeskApiCall) call = user_data;
  g_autoptr(GError) error = NULL;

  if (!desk_rate_governor_acquire_finish (DESK_RATE_GOVERNOR (object), result, &error))
    {
      call_return (call, NULL, NULL, error);
      return;
    }

  send_now (call);
}

static void
start_attempt (Call   *call,
               gint64  not_before)
{
  call->attempt++;
  desk_rate_governor_acquire_async (call->client->governor, call->priority, not_before,
                                    call->cancellable, acquired_cb, call_ref (call));
}

typedef struct
{
  Call  *call;   /* owned */
  GTask *task;   /* owned */
} CancelData;

static gboolean
waiter_cancel_idle_cb (gpointer user_data)
{
  CancelData *data = user_data;
  Call *call = data->call;

  if (!call->done && g_ptr_array_remove (call->waiters, data->task))
    {
      /* The task was dropped from the array but data->task still holds it. */
      g_task_return_error_if_cancelled (data->task);

      if (call->waiters->len == 0)
        {
          call_forget (call);
          g_cancellable_cancel (call->cancellable);
        }
    }

  call_unref (data->call);
  g_object_unref (data->task);
  g_free (data);

  return G_SOURCE_REMOVE;
}

/* One waiter giving up leaves the others their answer; the request on the wire is
 * cancelled only when nobody waits for it any more. A handler may not disconnect itself,
 * hence the idle. */
static void
waiter_cancelled_cb (GCancellable *cancellable,
                     gpointer      user_data)
{
  CancelData *data = g_new0 (CancelData, 1);
  CancelData *template = user_data;

  data->call = call_ref (template->call);
  data->task = g_object_ref (template->task);
  g_idle_add (waiter_cancel_idle_cb, data);
}

static void
cancel_template_free (gpointer user_data)
{
  CancelData *template = user_data;

  call_unref (template->call);
  g_free (template);
}

typedef struct
{
  GCancellable *cancellable;  /* owned */
  gulong        id;
} Connection;

static void
connection_free (gpointer user_data)
{
  Connection *connection = user_data;

  g_cancellable_disconnect (connection->cancellable, connection->id);
  g_object_unref (connection->cancellable);
  g_free (connection);
}

static void
call_add_waiter (Call  *call,
                 GTask *task)
{
  GCancellable *cancellable = g_task_get_cancellable (task);
  CancelData *template;
  Connection *connection;

  g_ptr_array_add (call->waiters, g_object_ref (task));

  if (cancellable == NULL)
    return;

  /* The template borrows the task: the connection lives exactly as long as the task. */
  template = g_new0 (CancelData, 1);
  template->call = call_ref (call);
  template->task = task;

  connection = g_new0 (Connection, 1);
  connection->cancellable = g_object_ref (cancellable);
  connection->id = g_cancellable_connect (cancellable, G_CALLBACK (waiter_cancelled_cb),
                                          template, cancel_template_free);
  g_object_set_data_full (G_OBJECT (task), "desk-api-connection", connection, connection_free);
}

static Call *
call_new_internal (DeskApiClient       *self,
          const char          *method,
          const char          *url,
          GBytes              *body,
          DeskApiRequestFlags  flags,
          int                  priority)
{
  Call *call = g_new0 (Call, 1);

  g_atomic_ref_count_init (&call->ref_count);
  call->client = g_object_ref (self);
  call->method = g_ascii_strup (method, -1);
  call->url = g_strdup (url);
  call->log_url = desk_api_client_redact_url (url);
  call->body = body != NULL ? g_bytes_ref (body) : NULL;
  call->cancellable = g_cancellable_new ();
  call->waiters = g_ptr_array_new_with_free_func (g_object_unref);
  call->priority = priority;
  call->started = desk_clock_get_time (self->clock);
  g_ptr_array_add (self->calls, call);

  if (flags & DESK_API_REQUEST_LIST)
    call->flags |= DESK_REPLY_LIST;

  if ((flags & DESK_API_REQUEST_WRITE) ||
      (g_strcmp0 (call->method, "GET") != 0 && g_strcmp0 (call->method, "HEAD") != 0))
    call->flags |= DESK_REPLY_WRITE;

  return call;
}

DeskApiCall *
desk_api_call_new (DeskApiClient       *client,
                   const char          *method,
                   const char          *url,
                   GBytes              *body,
                   DeskApiRequestFlags  flags,
                   int                  priority)
{
  Call *call = call_new_internal (client, method, url, body, flags, priority);

  if (!(call->flags & DESK_REPLY_WRITE))
    {
      call->coalesce_key = g_strdup (url);
      g_hash_table_replace (client->in_flight, g_strdup (url), call);
    }

  return call;
}

/* Maps the records of the list its reply holds while parsing a big one, for a waiter
 * that asks for them with the same @map. */
void
desk_api_call_set_map (DeskApiCall     *call,
                       DeskJsonMapFunc  map)
{
  call->map = map;
}

void
desk_api_call_unref (DeskApiCall *call)
{
  call_unref (call);
}

/* Whether a new request with @flags may wait for @call instead of going out itself. */
gboolean
desk_api_call_can_join (DeskApiCall         *call,
                        DeskApiRequestFlags  flags)
{
  DeskReplyFlags wanted = (flags & DESK_API_REQUEST_LIST) ? DESK_REPLY_LIST : DESK_REPLY_NONE;

  return !call->done && call->flags == wanted;
}

void
desk_api_call_add_waiter (DeskApiCall *call,
                          GTask       *task)
{
  g_debug ("%s %s: %s", call->method, call->log_url,
           call->waiters->len > 0 ? "joins the same request in flight" : "queued");
  call_add_waiter (call, task);
}

void
desk_api_call_start (DeskApiCall *call)
{
  start_attempt (call, 0);
}

void
desk_api_call_get_state (DeskApiCall      *call,
                         DeskApiCallState *state)
{
  state->started = call->started;
  state->first_sent = call->first_sent;
  state->sent = call->sent;
  state->write = (call->flags & DESK_REPLY_WRITE) != 0;
  state->on_wire = call->on_wire;
  state->retrying = call->attempt > 1 && call->rate_limited == 0 && !call->on_wire;
  state->rate_limited = call->rate_limited > 0 && !call->on_wire;
  state->paced = !call->on_wire && call->attempt <= 1;
}

/* Ends @call for everyone waiting on it with @error, and stops what it still does: its
 * wait at the rate governor, or the request on the wire. Takes @error. */
void
desk_api_call_abandon (DeskApiCall *call,
                       GError      *error)
{
  Call *ref = call_ref (call);

  g_debug ("%s %s: %s", call->method, call->log_url, desk_api_error_get_detail (error));
  call_return (call, NULL, NULL, error);
  g_error_free (error);
  g_cancellable_cancel (call->cancellable);
  call_unref (ref);
}
