/* desk-writer-private.h
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "desk-writer.h"

G_BEGIN_DECLS

void     _desk_writer_send_async  (DeskApiClient        *client,
                                   DeskChange           *change,
                                   GAsyncReadyCallback   callback,
                                   gpointer              user_data);
DeskFate _desk_writer_send_finish (GAsyncResult         *result,
                                   GObject             **record,
                                   GError              **error);

G_END_DECLS
