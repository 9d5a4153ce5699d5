/* desk-server-url.h
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define DESK_SERVER_URL_ERROR (desk_server_url_error_quark ())

typedef enum
{
  DESK_SERVER_URL_ERROR_INVALID,
  DESK_SERVER_URL_ERROR_INSECURE,
} DeskServerUrlError;

GQuark  desk_server_url_error_quark (void);
char   *desk_server_url_normalize   (const char  *text,
                                     GError     **error);

G_END_DECLS
