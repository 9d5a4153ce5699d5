/* desk-keyring.c
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "desk-keyring"

#include "config.h"

#include <glib/gi18n.h>

#include "desk-keyring.h"

/* The API key lives in the user's keyring (the Secret Service), one item per server URL:
 * a key is only ever sent to the server it was saved for. */

G_DEFINE_QUARK (desk-keyring-error-quark, desk_keyring_error)

const SecretSchema *
desk_keyring_get_schema (void)
{
  static const SecretSchema schema = {
    APP_ID ".ApiKey", SECRET_SCHEMA_NONE,
    {
      { "server", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { NULL, 0 },
    }
  };

  return &schema;
}

/* Errors from D-Bus or from reaching the bus mean that no Secret Service is running;
 * errors of the Secret Service itself mean it is there but refused. */
static GError *
translate_error (const GError *error)
{
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return g_error_copy (error);

  g_debug ("Keyring error: %s", error->message);

  if (error->domain == G_DBUS_ERROR || error->domain == G_IO_ERROR)
    return g_error_new_literal (DESK_KEYRING_ERROR, DESK_KEYRING_ERROR_UNAVAILABLE,
                                _("No keyring service is running on this computer."));

  return g_error_new_literal (DESK_KEYRING_ERROR, DESK_KEYRING_ERROR_FAILED,
                              _("The keyring refused the request. It may be locked."));
}

static void
store_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;

  if (!secret_password_store_finish (result, &error))
    g_task_return_error (task, translate_error (error));
  else
    g_task_return_boolean (task, TRUE);
}

void
desk_keyring_store_async (const char          *server_url,
                          const char          *api_key,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *label = NULL;

  g_return_if_fail (server_url != NULL);
  g_return_if_fail (api_key != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, desk_keyring_store_async);

  /* The label is what the user sees in the keyring manager. */
  label = g_strdup_printf (_("Front Desk API key for %s"), server_url);
  secret_password_store (desk_keyring_get_schema (), SECRET_COLLECTION_DEFAULT, label, api_key,
                         cancellable, store_cb, g_steal_pointer (&task),
                         "server", server_url,
                         NULL);
}

gboolean
desk_keyring_store_finish (GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == desk_keyring_store_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
lookup_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  char *secret;

  secret = secret_password_lookup_finish (result, &error);
  if (error != NULL)
    {
      g_task_return_error (task, translate_error (error));
      return;
    }

  /* The key moves to ordinary memory, as the client has to put it in each request. */
  g_task_return_pointer (task, g_strdup (secret), g_free);
  secret_password_free (secret);
}

void
desk_keyring_lookup_async (const char          *server_url,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (server_url != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, desk_keyring_lookup_async);

  secret_password_lookup (desk_keyring_get_schema (), cancellable, lookup_cb,
                          g_steal_pointer (&task),
                          "server", server_url,
                          NULL);
}

/* Returns the key, or %NULL without an error when none is stored for @server_url. */
char *
desk_keyring_lookup_finish (GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == desk_keyring_lookup_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
