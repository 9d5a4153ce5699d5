/* desk-context-account.c
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "desk-context"

#include "config.h"

#include <string.h>

#include "desk-context-private.h"

/* The account: the server address and the API key in the keyring. */

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

  _desk_context_set_api_key (self, api_key, TRUE);
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
    _desk_context_set_api_key (self, api_key, FALSE);

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
    _desk_context_set_api_key (self, data->api_key, FALSE);

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

