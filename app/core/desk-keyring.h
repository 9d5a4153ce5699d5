/* desk-keyring.h
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <libsecret/secret.h>

G_BEGIN_DECLS

#define DESK_KEYRING_ERROR (desk_keyring_error_quark ())

typedef enum
{
  DESK_KEYRING_ERROR_UNAVAILABLE,
  DESK_KEYRING_ERROR_FAILED,
} DeskKeyringError;

GQuark              desk_keyring_error_quark   (void);
const SecretSchema *desk_keyring_get_schema    (void);

void                desk_keyring_store_async   (const char           *server_url,
                                                const char           *api_key,
                                                GCancellable         *cancellable,
                                                GAsyncReadyCallback   callback,
                                                gpointer              user_data);
gboolean            desk_keyring_store_finish  (GAsyncResult         *result,
                                                GError              **error);
void                desk_keyring_lookup_async  (const char           *server_url,
                                                GCancellable         *cancellable,
                                                GAsyncReadyCallback   callback,
                                                gpointer              user_data);
char               *desk_keyring_lookup_finish (GAsyncResult         *result,
                                                GError              **error);

G_END_DECLS
