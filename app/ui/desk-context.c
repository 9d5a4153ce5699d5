/* desk-context.c
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "desk-context"

#include "config.h"

#include <string.h>

#include "desk-context.h"
#include "desk-keyring.h"

/* The state every screen shares: settings, the account, whether this is the demo store.
 * Handed down as a property, so that tests can build screens around a context of their
 * own. */
struct _DeskContext
{
  GObject       parent_instance;

  /* owned */
  GSettings    *settings;
  char         *server_url;
  char         *api_key;

  /* state */
  gboolean      api_key_session_only;
  gboolean      demo;
};

G_DEFINE_FINAL_TYPE (DeskContext, desk_context, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_SETTINGS,
  PROP_DEMO,
  PROP_SERVER_URL,
  PROP_HAS_API_KEY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Keys do not linger in freed memory. */
static void
wipe_api_key (DeskContext *self)
{
  if (self->api_key != NULL)
    memset (self->api_key, 0, strlen (self->api_key));
  g_clear_pointer (&self->api_key, g_free);
}

static void
set_api_key (DeskContext *self,
             const char  *api_key,
             gboolean     session_only)
{
  gboolean had_key = self->api_key != NULL;

  wipe_api_key (self);
  self->api_key = g_strdup (api_key);
  self->api_key_session_only = api_key != NULL && session_only;

  if (had_key != (self->api_key != NULL))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HAS_API_KEY]);
}

/* A key belongs to the server it was saved for: when the URL changes, the key is dropped
 * rather than sent to another server, and the new server's key is looked up. */
static void
server_url_changed_cb (DeskContext *self)
{
  g_autofree char *url = g_settings_get_string (self->settings, "server-url");

  if (g_strcmp0 (url, self->server_url) == 0)
    return;

  g_free (self->server_url);
  self->server_url = g_steal_pointer (&url);
  set_api_key (self, NULL, FALSE);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SERVER_URL]);
}

static void
desk_context_constructed (GObject *object)
{
  DeskContext *self = DESK_CONTEXT (object);

  G_OBJECT_CLASS (desk_context_parent_class)->constructed (object);

  g_assert (self->settings != NULL);
  self->server_url = g_settings_get_string (self->settings, "server-url");
  g_signal_connect_object (self->settings, "changed::server-url",
                           G_CALLBACK (server_url_changed_cb), self, G_CONNECT_SWAPPED);
}

static void
desk_context_finalize (GObject *object)
{
  DeskContext *self = DESK_CONTEXT (object);

  wipe_api_key (self);
  g_clear_pointer (&self->server_url, g_free);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (desk_context_parent_class)->finalize (object);
}

static void
desk_context_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  DeskContext *self = DESK_CONTEXT (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
      break;
    case PROP_DEMO:
      g_value_set_boolean (value, self->demo);
      break;
    case PROP_SERVER_URL:
      g_value_set_string (value, self->server_url);
      break;
    case PROP_HAS_API_KEY:
      g_value_set_boolean (value, self->api_key != NULL);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
desk_context_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  DeskContext *self = DESK_CONTEXT (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;
    case PROP_DEMO:
      desk_context_set_demo (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
desk_context_class_init (DeskContextClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = desk_context_constructed;
  object_class->finalize = desk_context_finalize;
  object_class->get_property = desk_context_get_property;
  object_class->set_property = desk_context_set_property;

  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL, G_TYPE_SETTINGS,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DEMO] =
    g_param_spec_boolean ("demo", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SERVER_URL] =
    g_param_spec_string ("server-url", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_HAS_API_KEY] =
    g_param_spec_boolean ("has-api-key", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
desk_context_init (DeskContext *self)
{
}

DeskContext *
desk_context_new (GSettings *settings)
{
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  return g_object_new (DESK_TYPE_CONTEXT,
                       "settings", settings,
                       NULL);
}

GSettings *
desk_context_get_settings (DeskContext *self)
{
  g_return_val_if_fail (DESK_IS_CONTEXT (self), NULL);

  return self->settings;
}

gboolean
desk_context_get_demo (DeskContext *self)
{
  g_return_val_if_fail (DESK_IS_CONTEXT (self), FALSE);

  return self->demo;
}

void
desk_context_set_demo (DeskContext *self,
                       gboolean     demo)
{
  g_return_if_fail (DESK_IS_CONTEXT (self));

  demo = !!demo;
  if (self->demo == demo)
    return;

  self->demo = demo;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DEMO]);
}

const char *
desk_context_get_server_url (DeskContext *self)
{
  g_return_val_if_fail (DESK_IS_CONTEXT (self), NULL);

  return self->server_url;
}

gboolean
desk_context_get_has_api_key (DeskContext *self)
{
  g_return_val_if_fail (DESK_IS_CONTEXT (self), FALSE);

  return self->api_key != NULL;
}

const char *
desk_context_get_api_key (DeskContext *self)
{
  g_return_val_if_fail (DESK_IS_CONTEXT (self), NULL);

  return self->api_key;
}

gboolean
desk_context_get_api_key_session_only (DeskContext *self)
{
  g_return_val_if_fail (DESK_IS_CONTEXT (self), FALSE);

  return self->api_key_session_only;
}

/* For when no keyring is running: the key stays in memory until Front Desk quits and is
 * never written anywhere. */
void
desk_context_set_session_api_key (DeskContext *self,
                                  const char  *api_key)
{
  g_return_if_fail (DESK_IS_CONTEXT (self));
  g_return_if_fail (api_key != NULL && *api_key != '\0');

  set_api_key (self, api_key, TRUE);
}

static void
load_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *api_key = desk_keyring_lookup_finish (result, &error);
  DeskContext *self = g_task_get_source_object (task);
  const char *server_url = g_task_get_task_data (task);

  if (error != NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  /* The URL may have changed while the keyring answered; that key is for another server. */
  if (api_key != NULL && g_strcmp0 (server_url, self->server_url) == 0)
    set_api_key (self, api_key, FALSE);

  if (api_key != NULL)
    memset (api_key, 0, strlen (api_key));

  g_task_return_boolean (task, TRUE);
}

/**
 * desk_context_load_api_key_async:
 *
 * Looks up the key saved for the current server in the keyring. Finding none is not an
 * error: #DeskContext:has-api-key stays %FALSE.
 */
void
desk_context_load_api_key_async (DeskContext         *self,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (DESK_IS_CONTEXT (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, desk_context_load_api_key_async);
  g_task_set_task_data (task, g_strdup (self->server_url), g_free);

  desk_keyring_lookup_async (self->server_url, cancellable, load_cb, g_steal_pointer (&task));
}

gboolean
desk_context_load_api_key_finish (DeskContext   *self,
                                  GAsyncResult  *result,
                                  GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

typedef struct
{
  char *server_url;
  char *api_key;
} SaveData;

static void
save_data_free (SaveData *data)
{
  memset (data->api_key, 0, strlen (data->api_key));
  g_free (data->api_key);
  g_free (data->server_url);
  g_free (data);
}

static void
save_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  DeskContext *self = g_task_get_source_object (task);
  SaveData *data = g_task_get_task_data (task);

  if (!desk_keyring_store_finish (result, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (g_strcmp0 (data->server_url, self->server_url) == 0)
    set_api_key (self, data->api_key, FALSE);

  g_task_return_boolean (task, TRUE);
}

/**
 * desk_context_save_api_key_async:
 *
 * Saves @api_key in the keyring for the current server, then uses it. Fails with
 * %DESK_KEYRING_ERROR_UNAVAILABLE when no keyring runs; the caller may then offer
 * desk_context_set_session_api_key().
 */
void
desk_context_save_api_key_async (DeskContext         *self,
                                 const char          *api_key,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  SaveData *data;

  g_return_if_fail (DESK_IS_CONTEXT (self));
  g_return_if_fail (api_key != NULL && *api_key != '\0');

  data = g_new0 (SaveData, 1);
  data->server_url = g_strdup (self->server_url);
  data->api_key = g_strdup (api_key);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, desk_context_save_api_key_async);
  g_task_set_task_data (task, data, (GDestroyNotify) save_data_free);

  desk_keyring_store_async (data->server_url, data->api_key, cancellable, save_cb,
                            g_steal_pointer (&task));
}

gboolean
desk_context_save_api_key_finish (DeskContext   *self,
                                  GAsyncResult  *result,
                                  GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
