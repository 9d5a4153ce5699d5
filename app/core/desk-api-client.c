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
#include "desk-api-lists-private.h"
#include "desk-api-error.h"

/* The one way to the RepairDesk server: its address, key, session and rate governor.
 * Each request becomes a DeskApiCall (desk-api-client-call.c); identical GETs in flight
 * share one. */

enum {
  PROP_0,
  PROP_BASE_URL,
  PROP_API_KEY,
  PROP_CLOCK,
  PROP_GOVERNOR,
  PROP_TIMEOUT,
  PROP_MAX_RETRIES,
  PROP_N_ACTIVE,
  PROP_N_LOADING_PAGES,
  PROP_SLOW_AFTER,
  PROP_DEADLINE,
  PROP_WAITING,
  PROP_WAITING_MESSAGE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (DeskApiClient, desk_api_client, G_TYPE_OBJECT)
G_DEFINE_ENUM_TYPE (DeskApiWait, desk_api_wait,
                    G_DEFINE_ENUM_VALUE (DESK_API_WAIT_NONE, "none"),
                    G_DEFINE_ENUM_VALUE (DESK_API_WAIT_SLOW, "slow"),
                    G_DEFINE_ENUM_VALUE (DESK_API_WAIT_PACED, "paced"),
                    G_DEFINE_ENUM_VALUE (DESK_API_WAIT_RETRYING, "retrying"),
                    G_DEFINE_ENUM_VALUE (DESK_API_WAIT_RATE_LIMITED, "rate-limited"))

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

  /* A manual clock (in tests) wakes the waiting state when it is advanced. */
  if (desk_clock_is_manual (self->clock))
    self->clock_changed_id = g_signal_connect_swapped (self->clock, "changed",
                                                       G_CALLBACK (desk_api_client_update_waiting),
                                                       self);
}

static void
desk_api_client_dispose (GObject *object)
{
  DeskApiClient *self = DESK_API_CLIENT (object);

  if (self->session != NULL)
    soup_session_abort (self->session);
  if (self->write_session != NULL)
    soup_session_abort (self->write_session);

  g_clear_signal_handler (&self->clock_changed_id, self->clock);
  if (self->wake_source != NULL)
    g_source_destroy (self->wake_source);
  g_clear_pointer (&self->wake_source, g_source_unref);

  G_OBJECT_CLASS (desk_api_client_parent_class)->dispose (object);
}

static void
desk_api_client_finalize (GObject *object)
{
  DeskApiClient *self = DESK_API_CLIENT (object);

  g_clear_object (&self->session);
  g_clear_object (&self->write_session);
  g_clear_object (&self->governor);
  g_clear_object (&self->clock);
  g_clear_pointer (&self->in_flight, g_hash_table_unref);
  g_clear_pointer (&self->calls, g_ptr_array_unref);
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
    case PROP_N_ACTIVE:
      g_value_set_uint (value, self->n_active);
      break;
    case PROP_N_LOADING_PAGES:
      g_value_set_uint (value, self->n_loading_pages);
      break;
    case PROP_SLOW_AFTER:
      g_value_set_uint (value, desk_api_client_get_slow_after (self));
      break;
    case PROP_DEADLINE:
      g_value_set_uint (value, desk_api_client_get_deadline (self));
      break;
    case PROP_WAITING:
      g_value_set_enum (value, self->waiting);
      break;
    case PROP_WAITING_MESSAGE:
      g_value_set_string (value, desk_api_client_get_waiting_message (self));
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
    case PROP_SLOW_AFTER:
      desk_api_client_set_slow_after (self, g_value_get_uint (value));
      break;
    case PROP_DEADLINE:
      desk_api_client_set_deadline (self, g_value_get_uint (value));
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

  /**
   * DeskApiClient:n-active:
   *
   * How many requests are on their way to the server or back (not those still queued
   * at the rate governor): a screen may show a spinner while it is above zero.
   */
  properties[PROP_N_ACTIVE] =
    g_param_spec_uint ("n-active", NULL, NULL,
                       0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * DeskApiClient:n-loading-pages:
   *
   * How many lists (#DeskPagedList) are fetching a page, from the request until its
   * records are in the list: a page's records are mapped on a worker thread after the
   * answer, so this outlasts #DeskApiClient:n-active.
   */
  properties[PROP_N_LOADING_PAGES] =
    g_param_spec_uint ("n-loading-pages", NULL, NULL,
                       0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * DeskApiClient:slow-after:
   *
   * Milliseconds without an answer before a request makes #DeskApiClient:waiting say so.
   */
  properties[PROP_SLOW_AFTER] =
    g_param_spec_uint ("slow-after", NULL, NULL,
                       1, G_MAXUINT, DESK_API_CLIENT_DEFAULT_SLOW_AFTER,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * DeskApiClient:deadline:
   *
   * Seconds a request may take from the first time it left, its retries and its waits
   * after refusals for too many requests included. A read still unanswered then ends with %DESK_API_ERROR_TIMEOUT (or
   * %DESK_API_ERROR_RATE_LIMITED); a write that has not left yet ends too, one on the
   * wire is left to its #DeskApiClient:timeout.
   */
  properties[PROP_DEADLINE] =
    g_param_spec_uint ("deadline", NULL, NULL,
                       1, G_MAXUINT / 1000, DESK_API_CLIENT_DEFAULT_DEADLINE,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * DeskApiClient:waiting:
   *
   * Why a request keeps someone waiting, once one has gone unanswered for
   * #DeskApiClient:slow-after; %DESK_API_WAIT_NONE otherwise. A screen shows
   * #DeskApiClient:waiting-message and offers desk_api_client_stop_waiting().
   */
  properties[PROP_WAITING] =
    g_param_spec_enum ("waiting", NULL, NULL,
                       DESK_TYPE_API_WAIT, DESK_API_WAIT_NONE,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * DeskApiClient:waiting-message:
   *
   * #DeskApiClient:waiting in words for the counter, %NULL when nothing waits.
   */
  properties[PROP_WAITING_MESSAGE] =
    g_param_spec_string ("waiting-message", NULL, NULL,
                         NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static SoupSession *
new_session (const char *user_agent)
{
  SoupSession *session = soup_session_new_with_options ("timeout", DESK_API_CLIENT_DEFAULT_TIMEOUT,
                                                        "idle-timeout", 60,
                                                        "user-agent", user_agent,
                                                        NULL);

  /* RepairDesk authenticates by the key in the query. libsoup's HTTP authentication would
   * answer a challenge by sending the request again, a write included, with a user and
   * password taken from the address. */
  soup_session_remove_feature_by_type (session, SOUP_TYPE_AUTH_MANAGER);

  return session;
}

static void
desk_api_client_init (DeskApiClient *self)
{
  g_autofree char *user_agent = g_strdup_printf ("FrontDesk/%s", PACKAGE_VERSION);

  self->session = new_session (user_agent);
  self->write_session = new_session (user_agent);
  self->in_flight = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->calls = g_ptr_array_new ();
  self->slow_after = DESK_API_CLIENT_DEFAULT_SLOW_AFTER * (gint64) 1000;
  self->deadline = DESK_API_CLIENT_DEFAULT_DEADLINE * G_USEC_PER_SEC;
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
  g_autofree char *key = NULL;

  g_return_if_fail (DESK_IS_API_CLIENT (self));

  /* A key pasted with spaces around it, or only spaces, is no different. */
  key = api_key != NULL ? g_strstrip (g_strdup (api_key)) : NULL;
  if (key != NULL && *key == '\0')
    g_clear_pointer (&key, g_free);

  if (g_strcmp0 (self->api_key, key) == 0)
    return;

  g_free (self->api_key);
  self->api_key = g_steal_pointer (&key);

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
  soup_session_set_timeout (self->write_session, seconds);
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

guint
desk_api_client_get_slow_after (DeskApiClient *self)
{
  g_return_val_if_fail (DESK_IS_API_CLIENT (self), 0);

  return (guint) (self->slow_after / 1000);
}

void
desk_api_client_set_slow_after (DeskApiClient *self,
                                guint          ms)
{
  g_return_if_fail (DESK_IS_API_CLIENT (self));

  if (self->slow_after == ms * (gint64) 1000)
    return;

  self->slow_after = ms * (gint64) 1000;
  desk_api_client_update_waiting (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SLOW_AFTER]);
}

guint
desk_api_client_get_deadline (DeskApiClient *self)
{
  g_return_val_if_fail (DESK_IS_API_CLIENT (self), 0);

  return (guint) (self->deadline / G_USEC_PER_SEC);
}

void
desk_api_client_set_deadline (DeskApiClient *self,
                              guint          seconds)
{
  g_return_if_fail (DESK_IS_API_CLIENT (self));

  if (self->deadline == seconds * (gint64) G_USEC_PER_SEC)
    return;

  self->deadline = seconds * (gint64) G_USEC_PER_SEC;
  desk_api_client_update_waiting (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DEADLINE]);
}

DeskApiWait
desk_api_client_get_waiting (DeskApiClient *self)
{
  g_return_val_if_fail (DESK_IS_API_CLIENT (self), DESK_API_WAIT_NONE);

  return self->waiting;
}

/* Called by the waiting logic (desk-api-client-wait.c) when the reason changes. */
void
desk_api_client_set_waiting (DeskApiClient *self,
                             DeskApiWait    waiting)
{
  if (self->waiting == waiting)
    return;

  self->waiting = waiting;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WAITING]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WAITING_MESSAGE]);
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

guint
desk_api_client_get_n_active (DeskApiClient *self)
{
  g_return_val_if_fail (DESK_IS_API_CLIENT (self), 0);

  return self->n_active;
}

void
desk_api_client_add_active (DeskApiClient *self,
                            int            delta)
{
  self->n_active += delta;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ACTIVE]);
}

guint
desk_api_client_get_n_loading_pages (DeskApiClient *self)
{
  g_return_val_if_fail (DESK_IS_API_CLIENT (self), 0);

  return self->n_loading_pages;
}

void
desk_api_client_add_loading_page (DeskApiClient *self,
                                  int            delta)
{
  self->n_loading_pages += delta;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_LOADING_PAGES]);
}

/**
 * desk_api_client_dup_account_id:
 * @self: a #DeskApiClient
 *
 * Names the account (server and key) without revealing the key, for a cache folder. A
 * server on this computer (the demo store) is named without its port.
 *
 * Returns: (transfer full) (nullable): a digest of address and key, %NULL without a key
 */
char *
desk_api_client_dup_account_id (DeskApiClient *self)
{
  g_autoptr(GUri) uri = NULL;
  g_autofree char *account = NULL;

  g_return_val_if_fail (DESK_IS_API_CLIENT (self), NULL);

  if (self->api_key == NULL)
    return NULL;

  /* A server on this computer is named without its port: the demo store listens on a new
   * port at every start, and would otherwise leave a cache folder behind each time. */
  uri = g_uri_parse (self->base_url, G_URI_FLAGS_NONE, NULL);
  if (uri != NULL && g_uri_get_host (uri) != NULL && host_is_loopback (g_uri_get_host (uri)))
    account = g_strconcat (g_uri_get_scheme (uri), "://", g_uri_get_host (uri),
                           g_uri_get_path (uri), "\n", self->api_key, NULL);
  else
    account = g_strconcat (self->base_url, "\n", self->api_key, NULL);

  return g_compute_checksum_for_string (G_CHECKSUM_SHA256, account, -1);
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

static void
request_async (DeskApiClient       *self,
               const char          *method,
               const char          *path,
               const char * const  *query,
               GBytes              *body,
               DeskApiRequestFlags  flags,
               DeskRecordParseFunc  map,
               int                  priority,
               GCancellable        *cancellable,
               GAsyncReadyCallback  callback,
               gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *url = NULL;
  g_autoptr(DeskApiCall) call = NULL;
  DeskApiCall *existing;

  g_return_if_fail (DESK_IS_API_CLIENT (self));
  g_return_if_fail (method != NULL);
  g_return_if_fail (path != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, desk_api_client_request_async);
  if (map != NULL)
    g_object_set_data (G_OBJECT (task), "desk-api-map", (gpointer) map);

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
  existing = body == NULL && !(flags & (DESK_API_REQUEST_NO_JOIN | DESK_API_REQUEST_WRITE)) &&
             g_ascii_strcasecmp (method, "GET") == 0
             ? g_hash_table_lookup (self->in_flight, url) : NULL;

  if (existing != NULL && desk_api_call_can_join (existing, flags))
    {
      desk_api_call_add_waiter (existing, task);
      return;
    }

  call = desk_api_call_new (self, method, url, body, flags, priority);
  desk_api_call_set_map (call, map);
  desk_api_call_add_waiter (call, task);
  desk_api_call_start (call);
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
  request_async (self, method, path, query, body, flags, NULL, priority, cancellable,
                 callback, user_data);
}

/**
 * desk_api_client_request_mapped_async:
 * @self: a #DeskApiClient
 * @path: the list's path
 * @query: (nullable) (array zero-terminated=1): name, value, name, value, ..., %NULL
 * @flags: how to read the reply
 * @map: maps one record of the list
 * @priority: a #DeskApiPriority, lower first
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the answer
 * @user_data: data for @callback
 *
 * A GET of a list as desk_api_client_request_async() sends it; a big reply has its
 * records mapped with @map while it is parsed, away from the main thread, for
 * desk_api_client_request_mapped_finish().
 */
void
desk_api_client_request_mapped_async (DeskApiClient       *self,
                                      const char          *path,
                                      const char * const  *query,
                                      DeskApiRequestFlags  flags,
                                      DeskRecordParseFunc  map,
                                      int                  priority,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  g_return_if_fail (map != NULL);

  request_async (self, "GET", path, query, NULL, flags, map, priority, cancellable,
                 callback, user_data);
}

/**
 * desk_api_client_request_mapped_finish:
 * @self: a #DeskApiClient
 * @result: the #GAsyncResult
 * @mapped: (out) (transfer full): the records mapped while parsing, or %NULL when none
 *   were (a small reply, or one shared with an identical request that went first)
 * @error: return location for a %DESK_API_ERROR or a cancellation
 *
 * Returns: (transfer full): the reply's `data`, as desk_api_client_request_finish()
 */
JsonNode *
desk_api_client_request_mapped_finish (DeskApiClient   *self,
                                       GAsyncResult    *result,
                                       DeskJsonMapped **mapped,
                                       GError         **error)
{
  JsonNode *data;

  g_return_val_if_fail (mapped != NULL, NULL);

  data = desk_api_client_request_finish (self, result, error);
  *mapped = data != NULL ? g_object_steal_data (G_OBJECT (result), "desk-api-mapped") : NULL;

  return data;
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

  desk_api_client_request_async (self, "GET", desk_api_list_get_info (DESK_API_LIST_STATUSES)->path,
                                 NULL, NULL, DESK_API_REQUEST_LIST,
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
