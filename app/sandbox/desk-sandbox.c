/* desk-sandbox.c
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "desk-sandbox"

#include "config.h"

#include <libsoup/soup.h>
#include <string.h>

#include "desk-clock.h"
#include "desk-sandbox.h"
#include "desk-sandbox-body-cap.h"
#include "desk-sandbox-private.h"

/* A RepairDesk-compatible server on 127.0.0.1, for the demo store and for the tests. It
 * serves from a thread of its own with its own GMainContext, so that neither the UI nor a
 * test on the main thread ever waits for it, and it answers as the live server does:
 * errors with HTTP 200 and the code in the body (unless "strict-http"), the rate limit of
 * 50 requests a minute, the misspelt keys. Requests are handled one at a time, each in one
 * SQLite transaction, so concurrent clients never lose a write. */

#define API_PREFIX "/api/web/v1/"
#define MAX_BODY (2 * 1024 * 1024)
#define RATE_WINDOW_USEC (60 * G_USEC_PER_SEC)
#define HUGE_LIST_LENGTH 20000

static const char html_502[] =
  "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n"
  "<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n"
  "</body>\r\n</html>\r\n";

struct _DeskSandbox
{
  GObject       parent_instance;

  /* owned */
  DeskClock    *clock;
  char         *db_path;
  char         *api_key;
  char         *url;
  DeskStore    *store;
  GThread      *thread;
  GMainContext *context;
  GMainLoop    *loop;
  GHashTable   *route_latency;   /* route prefix → ms, under state_lock */
  GHashTable   *windows;         /* api key → GQueue of request times, server thread only */
  GPtrArray    *unanswered;      /* SoupServerMessage, never answered, server thread only */
  GRand        *rand;            /* under state_lock */

  GMutex        store_lock;
  GMutex        state_lock;
  GCond         ready_cond;

  guint         seed;
  guint         n_customers;
  guint         n_tickets;
  guint         n_invoices;
  guint         n_extra_items;
  guint         rate_limit;
  guint         latency;
  gint64        today;
  gboolean      strict_http;
  gboolean      log_requests;
  double        fault_share[DESK_SANDBOX_N_FAULTS];
  guint         fault_times[DESK_SANDBOX_N_FAULTS]; /* requests left to meet it, 0: no count */
  guint         request_count;
  gboolean      started;
  GError       *start_error;
  guint16       port;
};

enum {
  PROP_0,
  PROP_DB_PATH,
  PROP_SEED,
  PROP_N_CUSTOMERS,
  PROP_N_TICKETS,
  PROP_N_INVOICES,
  PROP_N_EXTRA_ITEMS,
  PROP_RATE_LIMIT,
  PROP_STRICT_HTTP,
  PROP_API_KEY,
  PROP_CLOCK,
  PROP_LATENCY,
  PROP_TODAY,
  PROP_LOG_REQUESTS,
  PROP_URL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (DeskSandbox, desk_sandbox, G_TYPE_OBJECT)

/* A request held back by latency. */
typedef struct
{
  DeskSandbox       *self;
  SoupServerMessage *msg;
  GHashTable        *query;
  char              *path;
} Pending;

static void
pending_free (Pending *p)
{
  g_clear_object (&p->msg);
  g_clear_pointer (&p->query, g_hash_table_unref);
  g_free (p->path);
  g_free (p);
}

/* --- Time ---------------------------------------------------------------------------------- */

static gint64
unix_now (DeskSandbox *self)
{
  return self->today > 0 ? self->today : g_get_real_time () / G_USEC_PER_SEC;
}

static gint64
local_midnight (gint64 unix_time)
{
  g_autoptr(GDateTime) now = g_date_time_new_from_unix_local (unix_time);
  g_autoptr(GDateTime) midnight = g_date_time_new_local (g_date_time_get_year (now),
                                                         g_date_time_get_month (now),
                                                         g_date_time_get_day_of_month (now),
                                                         0, 0, 0);

  return g_date_time_to_unix (midnight);
}

/* --- Replies ------------------------------------------------------------------------------- */

static void
send_text (SoupServerMessage *msg,
           guint              status,
           const char        *content_type,
           char              *text,
           gsize              len)
{
  soup_server_message_set_status (msg, status, NULL);
  soup_server_message_set_response (msg, content_type, SOUP_MEMORY_TAKE, text, len);
}

/* Errors travel with HTTP 200 like on the live server; strict-http sends the real status. */
static guint
http_status (DeskSandbox *self,
             int          status_code)
{
  if (!self->strict_http || status_code < 200)
    return SOUP_STATUS_OK;

  return (guint) status_code;
}

static gboolean
roll (DeskSandbox      *self,
      DeskSandboxFault  fault)
{
  gboolean hit;

  g_mutex_lock (&self->state_lock);
  hit = self->fault_share[fault] > 0 && g_rand_double (self->rand) < self->fault_share[fault];
  if (hit && self->fault_times[fault] > 0 && --self->fault_times[fault] == 0)
    self->fault_share[fault] = 0;
  g_mutex_unlock (&self->state_lock);

  return hit;
}

static void
send_reply (DeskSandbox       *self,
            SoupServerMessage *msg,
            JsonNode          *reply)
{
  JsonObject *o = json_node_get_object (reply);
  int status_code = (int) json_object_get_int_member (o, "statusCode");
  gboolean success = json_object_get_boolean_member (o, "success");
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  char *text;
  gsize len;

  if (success && roll (self, DESK_SANDBOX_FAULT_WRONG_TYPES))
    desk_sandbox_mangle_types (reply);
  if (success && roll (self, DESK_SANDBOX_FAULT_HUGE_LIST))
    desk_sandbox_grow_lists (reply, HUGE_LIST_LENGTH);

  json_generator_set_root (generator, reply);
  text = json_generator_to_data (generator, &len);

  /* A reply cut in the middle, with a Content-Length that matches what is sent. */
  if (roll (self, DESK_SANDBOX_FAULT_TRUNCATED_JSON))
    len /= 2;
  /* The request was served, but nothing came back: HTTP 200 and an empty body. */
  if (roll (self, DESK_SANDBOX_FAULT_EMPTY_BODY))
    len = 0;

  send_text (msg, http_status (self, status_code), "application/json; charset=UTF-8", text, len);
}

/* Sends the headers and half the body, then closes the connection. */
static void
drop_mid_body (SoupServerMessage *msg)
{
  g_autoptr(GIOStream) stream = soup_server_message_steal_connection (msg);
  g_autofree char *head = NULL;
  const char body[] = "{\"success\":true,\"statusCode\":200,\"message\":\"OK\",\"data\":[{\"id\":";

  if (stream == NULL)
    return;

  head = g_strdup_printf ("HTTP/1.1 200 OK\r\nContent-Type: application/json; charset=UTF-8\r\n"
                          "Content-Length: %zu\r\nConnection: close\r\n\r\n", sizeof body * 4);
  g_output_stream_write_all (g_io_stream_get_output_stream (stream), head, strlen (head),
                             NULL, NULL, NULL);
  g_output_stream_write_all (g_io_stream_get_output_stream (stream), body, sizeof body - 1,
                             NULL, NULL, NULL);
  g_io_stream_close (stream, NULL, NULL);
}

/* --- Checks before a route runs ------------------------------------------------------------ */

/* Keeps the times of the accepted requests of the last minute, per key. */
static gboolean
within_rate_limit (DeskSandbox *self,
                   const char  *key)
{
  gint64 now = desk_clock_get_time (self->clock);
  GQueue *window;

  if (self->rate_limit == 0)
    return TRUE;

  window = g_hash_table_lookup (self->windows, key);
  if (window == NULL)
    {
      window = g_queue_new ();
      g_hash_table_insert (self->windows, g_strdup (key), window);
    }

  while (!g_queue_is_empty (window) &&
         (gint64) GPOINTER_TO_SIZE (g_queue_peek_head (window)) <= now - RATE_WINDOW_USEC)
    g_queue_pop_head (window);

  if (g_queue_get_length (window) >= self->rate_limit)
    return FALSE;

  g_queue_push_tail (window, GSIZE_TO_POINTER ((gsize) now));

  return TRUE;
}

/* How deep a body may nest. The JSON parser recurses, so a body of a million "[" would
 * otherwise take the server down with it. */
#define MAX_DEPTH 32

static gboolean
nested_too_deeply (const char *text)
{
  gboolean in_string = FALSE;
  int depth = 0;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (in_string)
        {
          if (*p == '\\' && p[1] != '\0')
            p++;
          else if (*p == '"')
            in_string = FALSE;
        }
      else if (*p == '"')
        in_string = TRUE;
      else if ((*p == '[' || *p == '{') && ++depth > MAX_DEPTH)
        return TRUE;
      else if (*p == ']' || *p == '}')
        depth--;
    }

  return FALSE;
}

/**
 * desk_sandbox_check_query:
 * @query: (nullable): the decoded query parameters
 * @error: return location for a %DESK_SANDBOX_ERROR_BAD_REQUEST error
 *
 * A query parameter decodes to any bytes ("%FF"); the routes store and quote them, so
 * text that is not UTF-8 would make a reply that is no longer JSON.
 *
 * Returns: %TRUE if every name and value is UTF-8 text
 */
gboolean
desk_sandbox_check_query (GHashTable  *query,
                          GError     **error)
{
  GHashTableIter iter;
  gpointer key, value;

  if (query == NULL)
    return TRUE;

  g_hash_table_iter_init (&iter, query);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      if (!g_utf8_validate (key, -1, NULL) || (value != NULL && !g_utf8_validate (value, -1, NULL)))
        {
          g_set_error_literal (error, DESK_SANDBOX_ERROR, DESK_SANDBOX_ERROR_BAD_REQUEST,
                               "The query string is not UTF-8 text.");
          return FALSE;
        }
    }

  return TRUE;
}

/**
 * desk_sandbox_parse_body:
 * @content_type: (nullable): the request's content type, without parameters
 * @bytes: the request body
 * @error: return location for a %DESK_SANDBOX_ERROR_BAD_REQUEST error
 *
 * Reads a request body as the routes see it: a form when the content type says so,
 * JSON otherwise, and an empty object when there is nothing but blanks.
 *
 * Returns: (transfer full): the body's JSON, not necessarily an object
 */
JsonNode *
desk_sandbox_parse_body (const char  *content_type,
                         GBytes      *bytes,
                         GError     **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autofree char *text = NULL;
  gsize len = 0;
  const char *data = g_bytes_get_data (bytes, &len);

  /* An empty GBytes may hold no data pointer at all. */
  text = len > 0 ? g_strndup (data, len) : g_strdup ("");
  if (strlen (text) != len)
    {
      g_set_error_literal (error, DESK_SANDBOX_ERROR, DESK_SANDBOX_ERROR_BAD_REQUEST,
                           "The request body holds a NUL byte.");
      return NULL;
    }

  if (g_strcmp0 (content_type, "application/x-www-form-urlencoded") == 0)
    return desk_sandbox_parse_form (text, error);

  if (*g_strstrip (text) == '\0')
    {
      JsonNode *empty = json_node_new (JSON_NODE_OBJECT);

      json_node_take_object (empty, json_object_new ());
      return empty;
    }

  if (nested_too_deeply (text))
    {
      g_set_error (error, DESK_SANDBOX_ERROR, DESK_SANDBOX_ERROR_BAD_REQUEST,
                   "The request body nests deeper than %d levels.", MAX_DEPTH);
      return NULL;
    }

  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, text, -1, NULL))
    {
      g_set_error_literal (error, DESK_SANDBOX_ERROR, DESK_SANDBOX_ERROR_BAD_REQUEST,
                           "Invalid JSON data in request body.");
      return NULL;
    }

  return json_node_copy (json_parser_get_root (parser));
}

static JsonNode *
parse_body (SoupServerMessage  *msg,
            GError            **error)
{
  SoupMessageBody *body = soup_server_message_get_request_body (msg);
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);
  g_autoptr(GBytes) bytes = NULL;

  if (body->length > MAX_BODY)
    {
      g_set_error (error, DESK_SANDBOX_ERROR, DESK_SANDBOX_ERROR_TOO_LARGE,
                   "The request body is larger than %d bytes.", MAX_BODY);
      return NULL;
    }

  bytes = soup_message_body_flatten (body);

  return desk_sandbox_parse_body (soup_message_headers_get_content_type (headers, NULL), bytes,
                                  error);
}

/* --- Running a route ----------------------------------------------------------------------- */

static JsonNode *
error_reply (const GError *error)
{
  if (error->domain == DESK_SANDBOX_ERROR && error->code == DESK_SANDBOX_ERROR_NO_RESULT)
    return desk_reply_envelope (FALSE, 100, "No Result Found", NULL);

  if (error->domain == DESK_SANDBOX_ERROR)
    return desk_reply_error (error->code, NULL, error->message);

  return desk_reply_error (500, NULL, "An internal server error occurred.");
}

static JsonNode *
run_route (DeskSandbox     *self,
           const DeskRoute *route,
           gint64           ids[2],
           GHashTable      *query,
           JsonNode        *body)
{
  g_autoptr(JsonObject) empty = json_object_new ();
  g_autoptr(GError) error = NULL;
  DeskRequest req = {
    .query = query,
    .body = body != NULL && JSON_NODE_HOLDS_OBJECT (body) ? json_node_get_object (body) : empty,
    .ids = { ids[0], ids[1] },
    .now = unix_now (self),
  };
  JsonNode *reply;
  gboolean ok;

  req.midnight = local_midnight (req.now);

  g_mutex_lock (&self->store_lock);
  req.store = self->store;
  ok = desk_store_exec (self->store, "BEGIN IMMEDIATE", &error) && route->func (&req, &error) &&
       desk_store_exec (self->store, "COMMIT", &error);
  if (!ok)
    desk_store_exec (self->store, "ROLLBACK", NULL);
  g_mutex_unlock (&self->store_lock);

  if (ok)
    reply = desk_reply_envelope (TRUE, 200, req.message != NULL ? req.message : "OK",
                                 g_steal_pointer (&req.data));
  else
    reply = error_reply (error);

  g_clear_pointer (&req.data, json_node_unref);
  g_free (req.message);

  return reply;
}

/* Everything up to the route: the route itself, the key, the rate limit, faults that stop
 * a request before it is served, and the body. */
static JsonNode *
handle (DeskSandbox       *self,
        SoupServerMessage *msg,
        const char        *path,
        GHashTable        *query,
        gboolean          *stolen)
{
  const char *method = soup_server_message_get_method (msg);
  const char *key = query != NULL ? g_hash_table_lookup (query, "api_key") : NULL;
  const char *relative = g_str_has_prefix (path, API_PREFIX) ? path + strlen (API_PREFIX) : NULL;
  const DeskRoute *route;
  g_autoptr(JsonNode) body = NULL;
  g_autoptr(GError) error = NULL;
  gint64 ids[2] = { 0, 0 };

  route = relative != NULL ? desk_sandbox_find_route (method, relative, ids) : NULL;
  if (route == NULL)
    return desk_reply_invalid_route (relative != NULL ? relative : path + (*path == '/'));

  if (key == NULL || g_strcmp0 (key, self->api_key) != 0)
    return desk_reply_error (401, NULL, "Your request was made with invalid credentials.");

  if (!within_rate_limit (self, key))
    return desk_reply_error (429, NULL, "Rate limit exceeded.");

  /* Another PC on the same key used up the minute: the refusal in the body, with HTTP 200
   * as RepairDesk sends it, or with the real status as a proxy in front of it may. */
  if (roll (self, DESK_SANDBOX_FAULT_RATE_LIMIT_BODY))
    return desk_reply_error (429, NULL, "Rate limit exceeded.");
  if (roll (self, DESK_SANDBOX_FAULT_RATE_LIMIT_HTTP))
    {
      g_autoptr(JsonNode) reply = desk_reply_error (429, NULL, "Rate limit exceeded.");
      g_autoptr(JsonGenerator) generator = json_generator_new ();
      gsize len;
      char *text;

      json_generator_set_root (generator, reply);
      text = json_generator_to_data (generator, &len);
      send_text (msg, 429, "application/json", text, len);
      return NULL;
    }

  if (roll (self, DESK_SANDBOX_FAULT_DROP_MID_BODY))
    {
      drop_mid_body (msg);
      *stolen = TRUE;
      return NULL;
    }
  if (roll (self, DESK_SANDBOX_FAULT_HTTP_500))
    {
      g_autoptr(JsonNode) reply = desk_reply_error (500, NULL, "An internal server error occurred.");
      g_autoptr(JsonGenerator) generator = json_generator_new ();
      gsize len;
      char *text;

      json_generator_set_root (generator, reply);
      text = json_generator_to_data (generator, &len);
      send_text (msg, SOUP_STATUS_INTERNAL_SERVER_ERROR, "application/json", text, len);
      return NULL;
    }
  if (roll (self, DESK_SANDBOX_FAULT_HTML_502))
    {
      send_text (msg, SOUP_STATUS_BAD_GATEWAY, "text/html", g_strdup (html_502),
                 strlen (html_502));
      return NULL;
    }

  if (!desk_sandbox_check_query (query, &error))
    return error_reply (error);

  if (g_str_equal (method, "POST") || g_str_equal (method, "PUT") || g_str_equal (method, "PATCH"))
    {
      body = parse_body (msg, &error);
      if (body == NULL)
        return error_reply (error);
      if (!JSON_NODE_HOLDS_OBJECT (body))
        return desk_reply_error (400, NULL, "The request body must be a JSON object.");
    }

  return run_route (self, route, ids, query, body);
}

static void
log_request (DeskSandbox       *self,
             SoupServerMessage *msg,
             const char        *path,
             gint64             start)
{
  GUri *uri = soup_server_message_get_uri (msg);
  const char *query = g_uri_get_query (uri);
  g_autoptr(GString) shown = g_string_new (NULL);
  g_auto(GStrv) pairs = query != NULL ? g_strsplit (query, "&", -1) : NULL;

  /* The key never reaches a log. */
  for (guint i = 0; pairs != NULL && pairs[i] != NULL; i++)
    g_string_append_printf (shown, "%c%s", i == 0 ? '?' : '&',
                            g_str_has_prefix (pairs[i], "api_key=") ? "api_key=***" : pairs[i]);

  g_message ("%s %s%s → %u (%" G_GINT64_FORMAT " ms)", soup_server_message_get_method (msg),
             path, shown->str, soup_server_message_get_status (msg),
             (g_get_monotonic_time () - start) / 1000);
}

/* Returns FALSE when the connection was taken away from the message. */
static gboolean
process (DeskSandbox       *self,
         SoupServerMessage *msg,
         const char        *path,
         GHashTable        *query)
{
  gint64 start = g_get_monotonic_time ();
  gboolean stolen = FALSE;
  g_autoptr(JsonNode) reply = handle (self, msg, path, query, &stolen);

  if (stolen)
    {
      if (self->log_requests)
        g_message ("%s %s → connection dropped", soup_server_message_get_method (msg), path);
      return FALSE;
    }

  if (reply != NULL)
    send_reply (self, msg, reply);

  if (self->log_requests)
    log_request (self, msg, path, start);

  return TRUE;
}

static guint
latency_for (DeskSandbox *self,
             const char  *path)
{
  const char *relative = g_str_has_prefix (path, API_PREFIX) ? path + strlen (API_PREFIX) : path;
  GHashTableIter iter;
  gpointer prefix, ms;
  guint latency = self->latency;

  g_mutex_lock (&self->state_lock);
  g_hash_table_iter_init (&iter, self->route_latency);
  while (g_hash_table_iter_next (&iter, &prefix, &ms))
    if (g_str_has_prefix (relative, prefix))
      latency = MAX (latency, GPOINTER_TO_UINT (ms));
  g_mutex_unlock (&self->state_lock);

  return latency;
}

static gboolean
pending_cb (gpointer data)
{
  Pending *p = data;

  if (process (p->self, p->msg, p->path, p->query))
    soup_server_message_unpause (p->msg);

  return G_SOURCE_REMOVE;
}

static void
server_cb (SoupServer        *server,
           SoupServerMessage *msg,
           const char        *path,
           GHashTable        *query,
           gpointer           user_data)
{
  DeskSandbox *self = user_data;
  guint latency = latency_for (self, path);
  g_autoptr(GSource) source = NULL;
  Pending *p;

  g_atomic_int_inc (&self->request_count);

  /* Held without an answer until the client gives up or the server stops; the route never
   * runs. */
  if (roll (self, DESK_SANDBOX_FAULT_NEVER_ANSWER))
    {
      soup_server_message_pause (msg);
      g_ptr_array_add (self->unanswered, g_object_ref (msg));
      return;
    }

  if (latency == 0)
    {
      process (self, msg, path, query);
      return;
    }

  /* The reply waits on a timer; the server thread goes on serving others meanwhile. */
  p = g_new0 (Pending, 1);
  p->self = self;
  p->msg = g_object_ref (msg);
  p->query = query != NULL ? g_hash_table_ref (query) : NULL;
  p->path = g_strdup (path);
  soup_server_message_pause (msg);

  source = g_timeout_source_new (latency);
  g_source_set_callback (source, pending_cb, p, (GDestroyNotify) pending_free);
  g_source_attach (source, self->context);
}

/* --- The server thread --------------------------------------------------------------------- */

static void
signal_ready (DeskSandbox *self,
              GError      *error)
{
  g_mutex_lock (&self->state_lock);
  self->start_error = error;
  self->started = TRUE;
  g_cond_signal (&self->ready_cond);
  g_mutex_unlock (&self->state_lock);
}

static gpointer
server_thread (gpointer data)
{
  DeskSandbox *self = data;
  g_autoptr(SoupServer) server = NULL;
  GError *error = NULL;
  GSList *uris;

  g_main_context_push_thread_default (self->context);

  server = soup_server_new ("server-header", "RepairDesk-Sandbox ", NULL);
  soup_server_add_handler (server, NULL, server_cb, self, NULL);
  desk_sandbox_cap_bodies (server, MAX_BODY, self->strict_http);
  if (!soup_server_listen_local (server, self->port, SOUP_SERVER_LISTEN_IPV4_ONLY, &error))
    {
      g_main_context_pop_thread_default (self->context);
      signal_ready (self, error);
      return NULL;
    }

  uris = soup_server_get_uris (server);
  self->url = g_strdup_printf ("http://127.0.0.1:%d" API_PREFIX,
                               g_uri_get_port (uris->data));
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);
  signal_ready (self, NULL);

  g_main_loop_run (self->loop);

  soup_server_disconnect (server);
  g_ptr_array_set_size (self->unanswered, 0);
  g_clear_object (&server);
  /* Requests still waiting on a latency timer are dropped with their sources. */
  while (g_main_context_iteration (self->context, FALSE))
    ;
  g_main_context_pop_thread_default (self->context);

  return NULL;
}

/* --- Store --------------------------------------------------------------------------------- */

static gboolean
seed_store (DeskSandbox  *self,
            GError      **error)
{
  DeskSeedParams params = {
    .seed = self->seed,
    .n_customers = self->n_customers,
    .n_tickets = self->n_tickets,
    .n_invoices = self->n_invoices,
    .n_extra_items = self->n_extra_items,
    .now = unix_now (self),
  };

  params.midnight = local_midnight (params.now);

  return desk_sandbox_seed (self->store, &params, error);
}

/* A store seeded on an earlier day is moved forward by whole days, so that its "today"
 * tickets are today's again. */
static void
bring_dates_forward (DeskSandbox *self)
{
  gint64 anchor = desk_store_get_meta (self->store, "anchor");
  gint64 midnight = local_midnight (unix_now (self));
  gint64 days = (midnight - anchor) / (24 * 60 * 60);

  if (anchor <= 0 || days <= 0)
    return;

  desk_store_exec (self->store, "BEGIN", NULL);
  desk_store_shift_dates (self->store, days * 24 * 60 * 60);
  desk_store_set_meta (self->store, "anchor", anchor + days * 24 * 60 * 60);
  desk_store_exec (self->store, "COMMIT", NULL);
}

static gboolean
open_store (DeskSandbox  *self,
            GError      **error)
{
  if (self->db_path != NULL)
    {
      g_autofree char *dir = g_path_get_dirname (self->db_path);

      g_mkdir_with_parents (dir, 0700);
    }

  self->store = desk_store_open (self->db_path, error);
  if (self->store == NULL)
    return FALSE;

  if (desk_store_get_meta (self->store, "seeded") == 0)
    return seed_store (self, error);

  bring_dates_forward (self);

  return TRUE;
}

/* --- GObject ------------------------------------------------------------------------------- */

static void
desk_sandbox_finalize (GObject *object)
{
  DeskSandbox *self = (DeskSandbox *) object;

  desk_sandbox_stop (self);

  g_clear_object (&self->clock);
  g_clear_pointer (&self->db_path, g_free);
  g_clear_pointer (&self->api_key, g_free);
  g_clear_pointer (&self->route_latency, g_hash_table_unref);
  g_clear_pointer (&self->windows, g_hash_table_unref);
  g_clear_pointer (&self->unanswered, g_ptr_array_unref);
  g_clear_pointer (&self->rand, g_rand_free);
  g_mutex_clear (&self->store_lock);
  g_mutex_clear (&self->state_lock);
  g_cond_clear (&self->ready_cond);

  G_OBJECT_CLASS (desk_sandbox_parent_class)->finalize (object);
}

static void
desk_sandbox_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  DeskSandbox *self = DESK_SANDBOX (object);

  switch (prop_id)
    {
    case PROP_DB_PATH: g_value_set_string (value, self->db_path); break;
    case PROP_SEED: g_value_set_uint (value, self->seed); break;
    case PROP_N_CUSTOMERS: g_value_set_uint (value, self->n_customers); break;
    case PROP_N_TICKETS: g_value_set_uint (value, self->n_tickets); break;
    case PROP_N_INVOICES: g_value_set_uint (value, self->n_invoices); break;
    case PROP_N_EXTRA_ITEMS: g_value_set_uint (value, self->n_extra_items); break;
    case PROP_RATE_LIMIT: g_value_set_uint (value, self->rate_limit); break;
    case PROP_STRICT_HTTP: g_value_set_boolean (value, self->strict_http); break;
    case PROP_API_KEY: g_value_set_string (value, self->api_key); break;
    case PROP_CLOCK: g_value_set_object (value, self->clock); break;
    case PROP_LATENCY: g_value_set_uint (value, self->latency); break;
    case PROP_TODAY: g_value_set_int64 (value, self->today); break;
    case PROP_LOG_REQUESTS: g_value_set_boolean (value, self->log_requests); break;
    case PROP_URL: g_value_set_string (value, self->url); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
set_uint (DeskSandbox  *self,
          guint        *field,
          const GValue *value,
          GParamSpec   *pspec)
{
  if (*field == g_value_get_uint (value))
    return;
  *field = g_value_get_uint (value);
  g_object_notify_by_pspec (G_OBJECT (self), pspec);
}

static void
set_string (DeskSandbox  *self,
            char        **field,
            const GValue *value,
            GParamSpec   *pspec)
{
  if (g_strcmp0 (*field, g_value_get_string (value)) == 0)
    return;
  g_free (*field);
  *field = g_value_dup_string (value);
  g_object_notify_by_pspec (G_OBJECT (self), pspec);
}

static void
set_boolean (DeskSandbox  *self,
             gboolean     *field,
             const GValue *value,
             GParamSpec   *pspec)
{
  if (*field == g_value_get_boolean (value))
    return;
  *field = g_value_get_boolean (value);
  g_object_notify_by_pspec (G_OBJECT (self), pspec);
}

static void
desk_sandbox_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  DeskSandbox *self = DESK_SANDBOX (object);

  switch (prop_id)
    {
    case PROP_DB_PATH: set_string (self, &self->db_path, value, pspec); break;
    case PROP_SEED: set_uint (self, &self->seed, value, pspec); break;
    case PROP_N_CUSTOMERS: set_uint (self, &self->n_customers, value, pspec); break;
    case PROP_N_TICKETS: set_uint (self, &self->n_tickets, value, pspec); break;
    case PROP_N_INVOICES: set_uint (self, &self->n_invoices, value, pspec); break;
    case PROP_N_EXTRA_ITEMS: set_uint (self, &self->n_extra_items, value, pspec); break;
    case PROP_RATE_LIMIT: set_uint (self, &self->rate_limit, value, pspec); break;
    case PROP_STRICT_HTTP: set_boolean (self, &self->strict_http, value, pspec); break;
    case PROP_LATENCY: set_uint (self, &self->latency, value, pspec); break;
    case PROP_LOG_REQUESTS: set_boolean (self, &self->log_requests, value, pspec); break;
    case PROP_API_KEY:
      if (g_value_get_string (value) != NULL)
        set_string (self, &self->api_key, value, pspec);
      break;
    case PROP_CLOCK:
      if (g_value_get_object (value) != NULL &&
          g_set_object (&self->clock, g_value_get_object (value)))
        g_object_notify_by_pspec (object, pspec);
      break;
    case PROP_TODAY:
      if (self->today != g_value_get_int64 (value))
        {
          self->today = g_value_get_int64 (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

#define RW (G_PARAM_READWRITE | G_PARAM_CONSTRUCT | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS)

static void
desk_sandbox_class_init (DeskSandboxClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = desk_sandbox_finalize;
  object_class->get_property = desk_sandbox_get_property;
  object_class->set_property = desk_sandbox_set_property;

  properties[PROP_DB_PATH] = g_param_spec_string ("db-path", NULL, NULL, NULL, RW);
  properties[PROP_SEED] = g_param_spec_uint ("seed", NULL, NULL, 0, G_MAXUINT, 1, RW);
  properties[PROP_N_CUSTOMERS] = g_param_spec_uint ("n-customers", NULL, NULL, 0, 10000000, 2000, RW);
  properties[PROP_N_TICKETS] = g_param_spec_uint ("n-tickets", NULL, NULL, 0, 10000000, 10000, RW);
  properties[PROP_N_INVOICES] = g_param_spec_uint ("n-invoices", NULL, NULL, 0, 10000000, 6000, RW);
  /* Inventory items beyond the store's own 300, for a shop with a large stock list. */
  properties[PROP_N_EXTRA_ITEMS] = g_param_spec_uint ("n-extra-items", NULL, NULL, 0, 1000000, 0, RW);
  properties[PROP_RATE_LIMIT] = g_param_spec_uint ("rate-limit", NULL, NULL, 0, G_MAXUINT, 50, RW);
  properties[PROP_STRICT_HTTP] = g_param_spec_boolean ("strict-http", NULL, NULL, FALSE, RW);
  properties[PROP_API_KEY] = g_param_spec_string ("api-key", NULL, NULL, DESK_SANDBOX_DEMO_API_KEY, RW);
  properties[PROP_CLOCK] = g_param_spec_object ("clock", NULL, NULL, DESK_TYPE_CLOCK, RW);
  properties[PROP_LATENCY] = g_param_spec_uint ("latency", NULL, NULL, 0, 600000, 0, RW);
  /* The unix time taken as "now" for dates (today's records, new tickets); 0 is the real
   * time. Tests fix it so that the date filters give the same answer any day. */
  properties[PROP_TODAY] = g_param_spec_int64 ("today", NULL, NULL, 0, G_MAXINT64, 0, RW);
  properties[PROP_LOG_REQUESTS] = g_param_spec_boolean ("log-requests", NULL, NULL, FALSE, RW);
  properties[PROP_URL] = g_param_spec_string ("url", NULL, NULL, NULL,
                                              G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
desk_sandbox_init (DeskSandbox *self)
{
  g_mutex_init (&self->store_lock);
  g_mutex_init (&self->state_lock);
  g_cond_init (&self->ready_cond);
  self->clock = desk_clock_new_system ();
  self->api_key = g_strdup (DESK_SANDBOX_DEMO_API_KEY);
  self->route_latency = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->windows = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                         (GDestroyNotify) g_queue_free);
  self->unanswered = g_ptr_array_new_with_free_func (g_object_unref);
  self->rand = g_rand_new_with_seed (20260101);
}

/* --- Public API ---------------------------------------------------------------------------- */

/**
 * desk_sandbox_new:
 *
 * Returns: (transfer full): a sandbox with the default store sizes, not yet started
 */
DeskSandbox *
desk_sandbox_new (void)
{
  return g_object_new (DESK_TYPE_SANDBOX, NULL);
}

/**
 * desk_sandbox_start:
 * @self: a #DeskSandbox
 * @port: the port on 127.0.0.1, or 0 for a free one
 * @error: return location for an error
 *
 * Opens the store (seeding it if it is empty), then serves it from a thread of its own.
 * Returns once the server listens.
 *
 * Returns: %TRUE if the server is running
 */
gboolean
desk_sandbox_start (DeskSandbox  *self,
                    guint16       port,
                    GError      **error)
{
  g_return_val_if_fail (DESK_IS_SANDBOX (self), FALSE);

  if (self->thread != NULL)
    return TRUE;

  if (self->store == NULL && !open_store (self, error))
    {
      g_clear_pointer (&self->store, desk_store_free);
      return FALSE;
    }

  self->port = port;
  self->started = FALSE;
  self->context = g_main_context_new ();
  self->loop = g_main_loop_new (self->context, FALSE);
  self->thread = g_thread_new ("desk-sandbox", server_thread, self);

  g_mutex_lock (&self->state_lock);
  while (!self->started)
    g_cond_wait (&self->ready_cond, &self->state_lock);
  g_mutex_unlock (&self->state_lock);

  if (self->start_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&self->start_error));
      desk_sandbox_stop (self);
      return FALSE;
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_URL]);

  return TRUE;
}

/**
 * desk_sandbox_get_url:
 * @self: a #DeskSandbox
 *
 * Returns: (nullable): the base URL, "http://127.0.0.1:PORT/api/web/v1/", once started
 */
const char *
desk_sandbox_get_url (DeskSandbox *self)
{
  g_return_val_if_fail (DESK_IS_SANDBOX (self), NULL);

  return self->url;
}

static gboolean
quit_cb (gpointer data)
{
  g_main_loop_quit (data);

  return G_SOURCE_REMOVE;
}

/**
 * desk_sandbox_stop:
 * @self: a #DeskSandbox
 *
 * Stops serving and closes the store. Safe to call when not running.
 */
void
desk_sandbox_stop (DeskSandbox *self)
{
  g_return_if_fail (DESK_IS_SANDBOX (self));

  if (self->thread != NULL)
    {
      g_main_context_invoke (self->context, quit_cb, self->loop);
      g_thread_join (g_steal_pointer (&self->thread));
    }

  g_clear_pointer (&self->loop, g_main_loop_unref);
  g_clear_pointer (&self->context, g_main_context_unref);
  g_clear_pointer (&self->url, g_free);
  g_clear_pointer (&self->store, desk_store_free);
  g_hash_table_remove_all (self->windows);
}

/**
 * desk_sandbox_reset:
 * @self: a #DeskSandbox
 * @error: return location for an error
 *
 * Throws away every change and restores the seeded store ("Reset demo data"). May be
 * called while the server runs; requests wait for it.
 *
 * Returns: %TRUE on success
 */
gboolean
desk_sandbox_reset (DeskSandbox  *self,
                    GError      **error)
{
  gboolean ok;

  g_return_val_if_fail (DESK_IS_SANDBOX (self), FALSE);

  if (self->store == NULL)
    {
      self->store = desk_store_open (self->db_path, error);
      return self->store != NULL && seed_store (self, error);
    }

  g_mutex_lock (&self->store_lock);
  ok = seed_store (self, error);
  g_mutex_unlock (&self->store_lock);

  return ok;
}

/**
 * desk_sandbox_set_fault:
 * @self: a #DeskSandbox
 * @fault: the fault to inject
 * @share: the share of requests it hits, from 0 to 1
 *
 * Thread-safe. %DESK_SANDBOX_FAULT_NONE clears every fault.
 */
void
desk_sandbox_set_fault (DeskSandbox      *self,
                        DeskSandboxFault  fault,
                        double            share)
{
  g_return_if_fail (DESK_IS_SANDBOX (self));
  g_return_if_fail (fault < DESK_SANDBOX_N_FAULTS);

  g_mutex_lock (&self->state_lock);
  if (fault == DESK_SANDBOX_FAULT_NONE)
    {
      memset (self->fault_share, 0, sizeof self->fault_share);
      memset (self->fault_times, 0, sizeof self->fault_times);
    }
  else
    {
      self->fault_share[fault] = CLAMP (share, 0.0, 1.0);
      self->fault_times[fault] = 0;
    }
  g_mutex_unlock (&self->state_lock);
}

/**
 * desk_sandbox_set_fault_times:
 * @self: a #DeskSandbox
 * @fault: the fault to inject
 * @times: how many of the next requests meet it
 *
 * Thread-safe. The fault is cleared by the request that meets it the last time, on the
 * server's side: a test that sets it before a request knows that request meets it.
 */
void
desk_sandbox_set_fault_times (DeskSandbox      *self,
                              DeskSandboxFault  fault,
                              guint             times)
{
  g_return_if_fail (DESK_IS_SANDBOX (self));
  g_return_if_fail (fault > DESK_SANDBOX_FAULT_NONE && fault < DESK_SANDBOX_N_FAULTS);

  g_mutex_lock (&self->state_lock);
  self->fault_share[fault] = times > 0 ? 1.0 : 0.0;
  self->fault_times[fault] = times;
  g_mutex_unlock (&self->state_lock);
}

/**
 * desk_sandbox_set_route_latency:
 * @self: a #DeskSandbox
 * @route_prefix: a route below /api/web/v1/ ("tickets", "invoices/")
 * @ms: the delay before replying; 0 removes it
 *
 * Thread-safe.
 */
void
desk_sandbox_set_route_latency (DeskSandbox *self,
                                const char  *route_prefix,
                                guint        ms)
{
  g_return_if_fail (DESK_IS_SANDBOX (self));
  g_return_if_fail (route_prefix != NULL);

  while (*route_prefix == '/')
    route_prefix++;

  g_mutex_lock (&self->state_lock);
  if (ms == 0)
    g_hash_table_remove (self->route_latency, route_prefix);
  else
    g_hash_table_insert (self->route_latency, g_strdup (route_prefix), GUINT_TO_POINTER (ms));
  g_mutex_unlock (&self->state_lock);
}

/**
 * desk_sandbox_get_request_count:
 * @self: a #DeskSandbox
 *
 * Returns: how many requests reached the server, refused ones included
 */
guint
desk_sandbox_get_request_count (DeskSandbox *self)
{
  g_return_val_if_fail (DESK_IS_SANDBOX (self), 0);

  return (guint) g_atomic_int_get (&self->request_count);
}

/**
 * desk_sandbox_fault_from_string:
 * @name: "http-500", "html-502", "drop-mid-body", "truncated-json", "wrong-types",
 *   "huge-list", "empty-body", "never-answer", "rate-limit-body", "rate-limit-http" or "none"
 *
 * Returns: the fault, or %DESK_SANDBOX_N_FAULTS for an unknown name
 */
DeskSandboxFault
desk_sandbox_fault_from_string (const char *name)
{
  static const char * const names[DESK_SANDBOX_N_FAULTS] = {
    "none", "http-500", "html-502", "drop-mid-body", "truncated-json", "wrong-types", "huge-list",
    "empty-body", "never-answer", "rate-limit-body", "rate-limit-http",
  };

  for (guint i = 0; i < DESK_SANDBOX_N_FAULTS; i++)
    if (g_strcmp0 (name, names[i]) == 0)
      return (DeskSandboxFault) i;

  return DESK_SANDBOX_N_FAULTS;
}
