/* desk-api-client.c
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

/* The one way to the RepairDesk server. Each request waits for its turn at the rate
 * governor, goes out through one SoupSession, and its reply is judged by
 * desk_api_reply_evaluate(). Identical GETs in flight share one request. A read that
 * failed on the way is tried again after a growing pause; a write only when it certainly
 * never left, so that a ticket is never created twice behind the user's back. */

/* Consecutive refusals for too many requests before the caller is told. */
#define MAX_RATE_LIMITED_RETRIES 8
#define FIRST_RETRY_DELAY        G_USEC_PER_SEC
/* Bodies above this are parsed in a worker thread, away from the screen's main loop. */
#define THREAD_PARSE_THRESHOLD   (256 * 1024)

struct _DeskApiClient
{
  GObject           parent_instance;

  /* owned */
  SoupSession      *session;
  DeskRateGovernor *governor;
  DeskClock        *clock;
  char             *base_url;
  char             *api_key;
  GHashTable       *in_flight;      /* coalescing key -> Call*, GETs only */

  /* state */
  guint             max_retries;
  gboolean          governor_by_key;
};

enum {
  PROP_0,
  PROP_BASE_URL,
  PROP_API_KEY,
  PROP_CLOCK,
  PROP_GOVERNOR,
  PROP_TIMEOUT,
  PROP_MAX_RETRIES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* One request on the wire, and everyone waiting for its answer. */
typedef struct
{
  gatomicrefcount  ref_count;
  DeskApiClient   *client;        /* owned */
  char            *method;
  char            *url;           /* with the key: never log it, use log_url */
  char            *log_url;
  char            *coalesce_key;  /* NULL unless in client->in_flight */
  GBytes          *body;          /* owned, nullable */
  GCancellable    *cancellable;   /* owned, cancelled when no waiter is left */
  GPtrArray       *waiters;       /* GTask*, owned */
  DeskReplyFlags   flags;
  int              priority;
  guint            attempt;
  guint            rate_limited;
  gboolean         done;
} Call;

G_DEFINE_FINAL_TYPE (DeskApiClient, desk_api_client, G_TYPE_OBJECT)

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

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Call, call_unref)

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

static void
call_return (Call     *call,
             JsonNode *data,
             GError   *error)
{
  g_autoptr(GPtrArray) waiters = NULL;

  call->done = TRUE;
  call_forget (call);
  waiters = g_steal_pointer (&call->waiters);
  call->waiters = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < waiters->len; i++)
    {
      GTask *task = g_ptr_array_index (waiters, i);

      if (error != NULL)
        g_task_return_error (task, g_error_copy (error));
      else
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
retry_time (Call *call)
{
  gint64 delay = FIRST_RETRY_DELAY << MIN (call->attempt - 1, 5);

  return desk_clock_get_time (desk_rate_governor_get_clock (call->client->governor)) + delay;
}

static gboolean
may_retry (Call         *call,
           const GError *transport_error,
           const GError *error)
{
  if (call->attempt > call->client->max_retries)
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

  if (g_error_matches (error, DESK_API_ERROR, DESK_API_ERROR_RATE_LIMITED) &&
      call->rate_limited++ < MAX_RATE_LIMITED_RETRIES)
    {
      g_debug ("%s %s: refused for too many requests, queued again", call->method, call->log_url);
      desk_rate_governor_report_rate_limited (self->governor);
      start_attempt (call, 0);
      g_error_free (error);
      return;
    }

  if (may_retry (call, transport_error, error))
    {
      g_debug ("%s %s failed (%s), retry %u", call->method, call->log_url,
               desk_api_error_get_detail (error), call->attempt);
      start_attempt (call, retry_time (call));
      g_error_free (error);
      return;
    }

  g_debug ("%s %s failed: %s", call->method, call->log_url, desk_api_error_get_detail (error));
  error = scrub_error (self, error);
  call_return (call, NULL, error);
  g_error_free (error);
}

static void
handle_reply (Call     *call,
              JsonNode *data,
              GError   *error)
{
  if (error != NULL)
    {
      handle_failure (call, NULL, error);
      return;
    }

  desk_rate_governor_report_success (call->client->governor);
  call_return (call, data, NULL);
}

typedef struct
{
  GBytes         *body;
  char           *reason;
  guint           status;
  DeskReplyFlags  flags;
} EvaluateData;

static void
evaluate_data_free (EvaluateData *data)
{
  g_bytes_unref (data->body);
  g_free (data->reason);
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
  g_autoptr(Call) call = user_data;
  g_autoptr(JsonNode) data = NULL;
  GError *error = NULL;

  data = g_task_propagate_pointer (G_TASK (result), &error);
  handle_reply (call, data, error);
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
  g_task_set_task_data (task, data, (GDestroyNotify) evaluate_data_free);
  g_task_run_in_thread (task, evaluate_thread);
}

static void
send_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(Call) call = user_data;
  SoupMessage *message = soup_session_get_async_result_message (SOUP_SESSION (object), result);
  g_autoptr(GError) transport_error = NULL;
  g_autoptr(JsonNode) data = NULL;
  g_autoptr(GBytes) body = NULL;
  GError *error = NULL;

  body = soup_session_send_and_read_finish (SOUP_SESSION (object), result, &transport_error);

  if (body == NULL)
    {
      if (g_error_matches (transport_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        call_return (call, NULL, transport_error);
      else
        handle_failure (call, transport_error,
                        desk_api_reply_map_transport_error (transport_error, call->flags));
      return;
    }

  g_debug ("%s %s: HTTP %u, %" G_GSIZE_FORMAT " bytes", call->method, call->log_url,
           soup_message_get_status (message), g_bytes_get_size (body));

  if (g_bytes_get_size (body) > THREAD_PARSE_THRESHOLD)
    {
      evaluate_in_thread (call, message, body);
      return;
    }

  data = desk_api_reply_evaluate (soup_message_get_status (message),
                                  soup_message_get_reason_phrase (message),
                                  body, call->flags, &error);
  handle_reply (call, data, error);
}

static void
send_now (Call *call)
{
  g_autoptr(SoupMessage) message = soup_message_new (call->method, call->url);

  if (message == NULL)
    {
      g_autoptr(GError) error = desk_api_error_new (DESK_API_ERROR_INSECURE_URL, call->log_url);

      call_return (call, NULL, error);
      return;
    }

  soup_message_headers_replace (soup_message_get_request_headers (message),
                                "Accept", "application/json");

  if (call->body != NULL)
    soup_message_set_request_body_from_bytes (message, "application/json", call->body);

  g_debug ("%s %s", call->method, call->log_url);
  soup_session_send_and_read_async (call->client->session, message, G_PRIORITY_DEFAULT,
                                    call->cancellable, send_cb, call_ref (call));
}

static void
acquired_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(Call) call = user_data;
  g_autoptr(GError) error = NULL;

  if (!desk_rate_governor_acquire_finish (DESK_RATE_GOVERNOR (object), result, &error))
    {
      call_return (call, NULL, error);
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

static char *
build_query (const char * const *query,
             const char         *api_key)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; query != NULL && query[i] != NULL && query[i + 1] != NULL; i += 2)
    {
      g_autofree char *name = g_uri_escape_string (query[i], NULL, FALSE);
      g_autofree char *value = g_uri_escape_string (query[i + 1], NULL, FALSE);

      g_string_append_printf (out, "%s=%s&", name, value);
    }

  if (api_key != NULL)
    {
      g_autofree char *key = g_uri_escape_string (api_key, NULL, FALSE);

      g_string_append_printf (out, "api_key=%s", key);
    }
  else if (out->len > 0)
    {
      g_string_truncate (out, out->len - 1);
    }

  return g_string_free (out, FALSE);
}

static char *
build_url (DeskApiClient      *self,
           const char         *path,
           const char * const *query)
{
  g_autofree char *query_text = build_query (query, self->api_key);
  const char *separator = g_str_has_suffix (self->base_url, "/") ? "" : "/";

  while (*path == '/')
    path++;

  return g_strconcat (self->base_url, separator, path, *query_text ? "?" : "", query_text, NULL);
}

static Call *
call_new (DeskApiClient       *self,
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

  if (flags & DESK_API_REQUEST_LIST)
    call->flags |= DESK_REPLY_LIST;

  if (g_strcmp0 (call->method, "GET") != 0 && g_strcmp0 (call->method, "HEAD") != 0)
    call->flags |= DESK_REPLY_WRITE;

  return call;
}

static void
set_governor (DeskApiClient    *self,
              DeskRateGovernor *governor)
{
  g_clear_object (&self->governor);

  if (governor != NULL)
    self->governor = g_object_ref (governor);
  else if (self->clock != NULL)
    self->governor = desk_rate_governor_new (self->clock);
  else
    self->governor = desk_rate_governor_get_for_key (self->api_key != NULL ? self->api_key : "");

  self->governor_by_key = governor == NULL && self->clock == NULL;
}

static void
desk_api_client_constructed (GObject *object)
{
  DeskApiClient *self = DESK_API_CLIENT (object);

  G_OBJECT_CLASS (desk_api_client_parent_class)->constructed (object);

  if (self->governor == NULL)
    set_governor (self, NULL);

  if (self->clock == NULL)
    self->clock = g_object_ref (desk_rate_governor_get_clock (self->governor));
}

static void
desk_api_client_dispose (GObject *object)
{
  DeskApiClient *self = DESK_API_CLIENT (object);

  if (self->session != NULL)
    soup_session_abort (self->session);

  G_OBJECT_CLASS (desk_api_client_parent_class)->dispose (object);
}

static void
desk_api_client_finalize (GObject *object)
{
  DeskApiClient *self = DESK_API_CLIENT (object);

  g_clear_object (&self->session);
  g_clear_object (&self->governor);
  g_clear_object (&self->clock);
  g_clear_pointer (&self->in_flight, g_hash_table_unref);
  g_clear_pointer (&self->base_url, g_free);
  g_clear_pointer (&self->api_key, g_free);

  G_OBJECT_CLASS (desk_api_client_parent_class)->finalize (object);
}

static void
desk_api_client_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  DeskApiClient *self = DESK_API_CLIENT (object);

  switch (prop_id)
    {
    case PROP_BASE_URL:
      g_value_set_string (value, self->base_url);
      break;
    case PROP_API_KEY:
      /* Write-only in spirit: the key is never handed out, not even to a binding. */
      g_value_set_string (value, self->api_key != NULL ? "***" : NULL);
      break;
    case PROP_CLOCK:
      g_value_set_object (value, self->clock);
      break;
    case PROP_GOVERNOR:
      g_value_set_object (value, self->governor);
      break;
    case PROP_TIMEOUT:
      g_value_set_uint (value, desk_api_client_get_timeout (self));
      break;
    case PROP_MAX_RETRIES:
      g_value_set_uint (value, self->max_retries);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
desk_api_client_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  DeskApiClient *self = DESK_API_CLIENT (object);

  switch (prop_id)
    {
    case PROP_BASE_URL:
      desk_api_client_set_base_url (self, g_value_get_string (value));
      break;
    case PROP_API_KEY:
      desk_api_client_set_api_key (self, g_value_get_string (value));
      break;
    case PROP_CLOCK:
      self->clock = g_value_dup_object (value);
      break;
    case PROP_GOVERNOR:
      if (g_value_get_object (value) != NULL)
        set_governor (self, g_value_get_object (value));
      break;
    case PROP_TIMEOUT:
      desk_api_client_set_timeout (self, g_value_get_uint (value));
      break;
    case PROP_MAX_RETRIES:
      desk_api_client_set_max_retries (self, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
desk_api_client_class_init (DeskApiClientClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = desk_api_client_constructed;
  object_class->dispose = desk_api_client_dispose;
  object_class->finalize = desk_api_client_finalize;
  object_class->get_property = desk_api_client_get_property;
  object_class->set_property = desk_api_client_set_property;

  properties[PROP_BASE_URL] =
    g_param_spec_string ("base-url", NULL, NULL,
                         DESK_API_CLIENT_DEFAULT_BASE_URL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * DeskApiClient:api-key:
   *
   * The RepairDesk API key. Reading it gives "***" when one is set, never the key.
   */
  properties[PROP_API_KEY] =
    g_param_spec_string ("api-key", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * DeskApiClient:clock:
   *
   * The time source for pacing and retries. Without a clock and a governor, the client
   * shares the governor of its key with every other client of that key.
   */
  properties[PROP_CLOCK] =
    g_param_spec_object ("clock", NULL, NULL,
                         DESK_TYPE_CLOCK,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  properties[PROP_GOVERNOR] =
    g_param_spec_object ("governor", NULL, NULL,
                         DESK_TYPE_RATE_GOVERNOR,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * DeskApiClient:timeout:
   *
   * Seconds without a byte from the server before a request fails.
   */
  properties[PROP_TIMEOUT] =
    g_param_spec_uint ("timeout", NULL, NULL,
                       1, G_MAXUINT, DESK_API_CLIENT_DEFAULT_TIMEOUT,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * DeskApiClient:max-retries:
   *
   * How often a read that failed on the way (or a write that never left) is tried again.
   */
  properties[PROP_MAX_RETRIES] =
    g_param_spec_uint ("max-retries", NULL, NULL,
                       0, 10, DESK_API_CLIENT_DEFAULT_RETRIES,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
desk_api_client_init (DeskApiClient *self)
{
  g_autofree char *user_agent = g_strdup_printf ("FrontDesk/%s", PACKAGE_VERSION);

  self->session = soup_session_new_with_options ("timeout", DESK_API_CLIENT_DEFAULT_TIMEOUT,
                                                 "idle-timeout", 60,
                                                 "user-agent", user_agent,
                                                 NULL);
  self->in_flight = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->base_url = g_strdup (DESK_API_CLIENT_DEFAULT_BASE_URL);
  self->max_retries = DESK_API_CLIENT_DEFAULT_RETRIES;
}

/**
 * desk_api_client_new:
 * @base_url: (nullable): the API's address, or %NULL for RepairDesk's
 * @api_key: (nullable): the API key
 *
 * Returns: (transfer full): a client on the system clock, sharing the rate budget of
 *   @api_key with every other client of that key
 */
DeskApiClient *
desk_api_client_new (const char *base_url,
                     const char *api_key)
{
  return g_object_new (DESK_TYPE_API_CLIENT,
                       "base-url", base_url != NULL ? base_url : DESK_API_CLIENT_DEFAULT_BASE_URL,
                       "api-key", api_key,
                       NULL);
}

const char *
desk_api_client_get_base_url (DeskApiClient *self)
{
  g_return_val_if_fail (DESK_IS_API_CLIENT (self), NULL);

  return self->base_url;
}

void
desk_api_client_set_base_url (DeskApiClient *self,
                              const char    *base_url)
{
  g_return_if_fail (DESK_IS_API_CLIENT (self));

  if (base_url == NULL)
    base_url = DESK_API_CLIENT_DEFAULT_BASE_URL;

  if (g_strcmp0 (self->base_url, base_url) == 0)
    return;

  g_free (self->base_url);
  self->base_url = g_strstrip (g_strdup (base_url));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BASE_URL]);
}

void
desk_api_client_set_api_key (DeskApiClient *self,
                             const char    *api_key)
{
  g_return_if_fail (DESK_IS_API_CLIENT (self));

  if (g_strcmp0 (self->api_key, api_key) == 0)
    return;

  g_free (self->api_key);
  self->api_key = api_key != NULL && *api_key != '\0' ? g_strstrip (g_strdup (api_key)) : NULL;

  /* A new key has a budget of its own. */
  if (self->governor_by_key)
    set_governor (self, NULL);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_API_KEY]);
}

gboolean
desk_api_client_has_api_key (DeskApiClient *self)
{
  g_return_val_if_fail (DESK_IS_API_CLIENT (self), FALSE);

  return self->api_key != NULL;
}

DeskClock *
desk_api_client_get_clock (DeskApiClient *self)
{
  g_return_val_if_fail (DESK_IS_API_CLIENT (self), NULL);

  return self->clock;
}

DeskRateGovernor *
desk_api_client_get_governor (DeskApiClient *self)
{
  g_return_val_if_fail (DESK_IS_API_CLIENT (self), NULL);

  return self->governor;
}

guint
desk_api_client_get_timeout (DeskApiClient *self)
{
  g_return_val_if_fail (DESK_IS_API_CLIENT (self), 0);

  return soup_session_get_timeout (self->session);
}

void
desk_api_client_set_timeout (DeskApiClient *self,
                             guint          seconds)
{
  g_return_if_fail (DESK_IS_API_CLIENT (self));

  if (soup_session_get_timeout (self->session) == seconds)
    return;

  soup_session_set_timeout (self->session, seconds);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TIMEOUT]);
}

guint
desk_api_client_get_max_retries (DeskApiClient *self)
{
  g_return_val_if_fail (DESK_IS_API_CLIENT (self), 0);

  return self->max_retries;
}

void
desk_api_client_set_max_retries (DeskApiClient *self,
                                 guint          max_retries)
{
  g_return_if_fail (DESK_IS_API_CLIENT (self));

  if (self->max_retries == max_retries)
    return;

  self->max_retries = max_retries;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MAX_RETRIES]);
}

static gboolean
host_is_loopback (const char *host)
{
  g_autoptr(GInetAddress) address = NULL;

  if (g_ascii_strcasecmp (host, "localhost") == 0)
    return TRUE;

  address = g_inet_address_new_from_string (host);

  return address != NULL && g_inet_address_get_is_loopback (address);
}

/**
 * desk_api_client_check_base_url:
 * @base_url: a server address typed by the user
 * @error: return location for a %DESK_API_ERROR_INSECURE_URL error
 *
 * The key travels in every URL, so only https:// is accepted, except for a server on
 * this machine (127.0.0.0/8, ::1, localhost), such as the demo store.
 *
 * Returns: whether requests may be sent to @base_url
 */
gboolean
desk_api_client_check_base_url (const char  *base_url,
                                GError     **error)
{
  g_autoptr(GUri) uri = NULL;
  const char *scheme;
  const char *host;

  g_return_val_if_fail (base_url != NULL, FALSE);

  uri = g_uri_parse (base_url, G_URI_FLAGS_NONE, NULL);
  scheme = uri != NULL ? g_uri_get_scheme (uri) : NULL;
  host = uri != NULL ? g_uri_get_host (uri) : NULL;

  if (host != NULL && *host != '\0' &&
      (g_ascii_strcasecmp (scheme, "https") == 0 ||
       (g_ascii_strcasecmp (scheme, "http") == 0 && host_is_loopback (host))))
    return TRUE;

  g_propagate_error (error, desk_api_error_new (DESK_API_ERROR_INSECURE_URL, base_url));

  return FALSE;
}

/**
 * desk_api_client_redact_url:
 * @url: a URL that may carry the API key
 *
 * Returns: (transfer full): @url with the value of every `api_key` parameter
 *   replaced by `***`, fit for a log line or a message
 */
char *
desk_api_client_redact_url (const char *url)
{
  GString *out;
  const char *p;

  g_return_val_if_fail (url != NULL, NULL);

  out = g_string_new (NULL);
  p = url;

  while (*p != '\0')
    {
      const char *found = strstr (p, "api_key=");
      gsize value_length;

      if (found == NULL)
        break;

      found += strlen ("api_key=");
      g_string_append_len (out, p, found - p);

      value_length = strcspn (found, "&#");
      if (value_length > 0)
        g_string_append (out, "***");
      p = found + value_length;
    }

  g_string_append (out, p);

  return g_string_free (out, FALSE);
}

/**
 * desk_api_client_request_async:
 * @self: a #DeskApiClient
 * @method: "GET", "POST", "PUT", ...
 * @path: the path under the base URL, such as "tickets/12"
 * @query: (nullable) (array zero-terminated=1): name, value, name, value, ..., %NULL
 * @body: (nullable): a JSON body
 * @flags: how to read the reply
 * @priority: a #DeskApiPriority, lower first
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the answer
 * @user_data: data for @callback
 *
 * Sends one request once the rate limit allows it. An identical GET still on its way is
 * joined instead of sent again.
 */
void
desk_api_client_request_async (DeskApiClient       *self,
                               const char          *method,
                               const char          *path,
                               const char * const  *query,
                               GBytes              *body,
                               DeskApiRequestFlags  flags,
                               int                  priority,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *url = NULL;
  g_autoptr(Call) call = NULL;
  Call *existing;

  g_return_if_fail (DESK_IS_API_CLIENT (self));
  g_return_if_fail (method != NULL);
  g_return_if_fail (path != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, desk_api_client_request_async);

  if (!desk_api_client_check_base_url (self->base_url, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (self->api_key == NULL)
    {
      g_task_return_error (task, desk_api_error_new (DESK_API_ERROR_UNAUTHORIZED, NULL));
      return;
    }

  url = build_url (self, path, query);
  existing = body == NULL ? g_hash_table_lookup (self->in_flight, url) : NULL;

  if (existing != NULL && g_ascii_strcasecmp (method, "GET") == 0 &&
      existing->flags == (flags & DESK_API_REQUEST_LIST ? DESK_REPLY_LIST : DESK_REPLY_NONE))
    {
      g_debug ("GET %s joins the same request in flight", existing->log_url);
      call_add_waiter (existing, task);
      return;
    }

  call = call_new (self, method, url, body, flags, priority);
  call_add_waiter (call, task);

  if (!(call->flags & DESK_REPLY_WRITE))
    {
      call->coalesce_key = g_strdup (url);
      g_hash_table_replace (self->in_flight, g_strdup (url), call);
    }

  start_attempt (call, 0);
}

/**
 * desk_api_client_request_finish:
 * @self: a #DeskApiClient
 * @result: the #GAsyncResult
 * @error: return location for a %DESK_API_ERROR or a cancellation
 *
 * Returns: (transfer full): the reply's `data`: an empty array for a list that matched
 *   nothing, a null node when the reply had none
 */
JsonNode *
desk_api_client_request_finish (DeskApiClient  *self,
                                GAsyncResult   *result,
                                GError        **error)
{
  g_return_val_if_fail (DESK_IS_API_CLIENT (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == desk_api_client_request_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
check_connection_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(JsonNode) data = NULL;
  GError *error = NULL;

  data = desk_api_client_request_finish (DESK_API_CLIENT (object), result, &error);

  /* Every RepairDesk server has this route: a page that is missing, or that is not a
   * list, means the address leads somewhere else. */
  if (g_error_matches (error, DESK_API_ERROR, DESK_API_ERROR_NOT_FOUND))
    {
      g_autoptr(GError) not_found = error;

      error = desk_api_error_new (DESK_API_ERROR_PROTOCOL, desk_api_error_get_detail (not_found));
    }
  else if (error == NULL && !JSON_NODE_HOLDS_ARRAY (data))
    {
      error = desk_api_error_new (DESK_API_ERROR_PROTOCOL, "The statuses are not a list");
    }

  if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

/**
 * desk_api_client_check_connection_async:
 * @self: a #DeskApiClient
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the verdict
 * @user_data: data for @callback
 *
 * Asks the server for one cheap list to tell whether address and key work.
 */
void
desk_api_client_check_connection_async (DeskApiClient       *self,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (DESK_IS_API_CLIENT (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, desk_api_client_check_connection_async);

  desk_api_client_request_async (self, "GET", "statuses", NULL, NULL, DESK_API_REQUEST_LIST,
                                 DESK_API_PRIORITY_INTERACTIVE, cancellable,
                                 check_connection_cb, task);
}

/**
 * desk_api_client_check_connection_finish:
 * @self: a #DeskApiClient
 * @result: the #GAsyncResult
 * @error: return location for the verdict
 *
 * Returns: %TRUE when the server answered as RepairDesk does. Otherwise @error tells why:
 *   %DESK_API_ERROR_UNAUTHORIZED (the key), %DESK_API_ERROR_NETWORK or
 *   %DESK_API_ERROR_TIMEOUT (no connection), %DESK_API_ERROR_PROTOCOL (not a RepairDesk
 *   server), %DESK_API_ERROR_INSECURE_URL (the address)
 */
gboolean
desk_api_client_check_connection_finish (DeskApiClient  *self,
                                         GAsyncResult   *result,
                                         GError        **error)
{
  g_return_val_if_fail (DESK_IS_API_CLIENT (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == desk_api_client_check_connection_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
