/* desk-api-client-private.h
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "desk-api-client.h"

G_BEGIN_DECLS

/**
 * DeskReplyFlags:
 * @DESK_REPLY_LIST: "No Result Found" on this request means an empty list
 * @DESK_REPLY_WRITE: the request changes data: a reply that cannot be read leaves its
 *   outcome unknown instead of being a plain failure
 */
typedef enum
{
  DESK_REPLY_NONE = 0,
  DESK_REPLY_LIST = 1 << 0,
  DESK_REPLY_WRITE = 1 << 1,
} DeskReplyFlags;

JsonNode *desk_api_reply_evaluate            (guint           http_status,
                                              const char     *reason,
                                              GBytes         *body,
                                              DeskReplyFlags  flags,
                                              GError        **error);
GError   *desk_api_reply_map_transport_error (const GError   *error,
                                              DeskReplyFlags  flags);
gboolean  desk_api_reply_is_unsent           (const GError   *error);
gboolean  desk_api_reply_is_transient        (const GError   *error);

GStrv     desk_list_query_to_params          (const DeskListQuery *query,
                                              gint64               page);

G_END_DECLS
