/* desk-api-client.h
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "desk-clock.h"
#include "desk-rate-governor.h"

G_BEGIN_DECLS

/**
 * DeskApiRequestFlags:
 * @DESK_API_REQUEST_NONE: a plain request
 * @DESK_API_REQUEST_LIST: the reply is a list: "No Result Found" means an empty list
 *
 * How to read a reply.
 */
typedef enum
{
  DESK_API_REQUEST_NONE = 0,
  DESK_API_REQUEST_LIST = 1 << 0,
} DeskApiRequestFlags;

#define DESK_API_CLIENT_DEFAULT_BASE_URL "https://api.repairdesk.co/api/web/v1/"
#define DESK_API_CLIENT_DEFAULT_TIMEOUT  30
#define DESK_API_CLIENT_DEFAULT_RETRIES  3

#define DESK_TYPE_API_CLIENT (desk_api_client_get_type ())

G_DECLARE_FINAL_TYPE (DeskApiClient, desk_api_client, DESK, API_CLIENT, GObject)

DeskApiClient    *desk_api_client_new                   (const char           *base_url,
                                                         const char           *api_key);
const char       *desk_api_client_get_base_url          (DeskApiClient        *self);
void              desk_api_client_set_base_url          (DeskApiClient        *self,
                                                         const char           *base_url);
void              desk_api_client_set_api_key           (DeskApiClient        *self,
                                                         const char           *api_key);
gboolean          desk_api_client_has_api_key           (DeskApiClient        *self);
DeskClock        *desk_api_client_get_clock             (DeskApiClient        *self);
DeskRateGovernor *desk_api_client_get_governor          (DeskApiClient        *self);
guint             desk_api_client_get_timeout           (DeskApiClient        *self);
void              desk_api_client_set_timeout           (DeskApiClient        *self,
                                                         guint                 seconds);
guint             desk_api_client_get_max_retries       (DeskApiClient        *self);
void              desk_api_client_set_max_retries       (DeskApiClient        *self,
                                                         guint                 max_retries);
gboolean          desk_api_client_check_base_url        (const char           *base_url,
                                                         GError              **error);
char             *desk_api_client_redact_url            (const char           *url);

void              desk_api_client_request_async         (DeskApiClient        *self,
                                                         const char           *method,
                                                         const char           *path,
                                                         const char * const   *query,
                                                         GBytes               *body,
                                                         DeskApiRequestFlags   flags,
                                                         int                   priority,
                                                         GCancellable         *cancellable,
                                                         GAsyncReadyCallback   callback,
                                                         gpointer              user_data);
JsonNode         *desk_api_client_request_finish        (DeskApiClient        *self,
                                                         GAsyncResult         *result,
                                                         GError              **error);

void              desk_api_client_check_connection_async  (DeskApiClient      *self,
                                                           GCancellable       *cancellable,
                                                           GAsyncReadyCallback callback,
                                                           gpointer            user_data);
gboolean          desk_api_client_check_connection_finish (DeskApiClient      *self,
                                                           GAsyncResult       *result,
                                                           GError            **error);

G_END_DECLS
