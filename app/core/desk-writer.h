/* desk-writer.h
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "desk-api-client.h"
#include "desk-change.h"
#include "desk-outbox.h"

G_BEGIN_DECLS

/**
 * DeskFate:
 * @DESK_FATE_SAVED: the server took the change; the record is what it holds now
 * @DESK_FATE_REFUSED: the server answered and refused it; the error says why
 * @DESK_FATE_UNKNOWN: the change may or may not have been applied
 * @DESK_FATE_NOT_SENT: the change certainly never reached the server
 * @DESK_FATE_QUEUED: RepairDesk could not be reached; the change is kept on this computer
 *   (the outbox) and sent when it answers again
 *
 * What became of a change.
 */
typedef enum
{
  DESK_FATE_SAVED,
  DESK_FATE_REFUSED,
  DESK_FATE_UNKNOWN,
  DESK_FATE_NOT_SENT,
  DESK_FATE_QUEUED,
} DeskFate;

#define DESK_TYPE_WRITER (desk_writer_get_type ())

G_DECLARE_FINAL_TYPE (DeskWriter, desk_writer, DESK, WRITER, GObject)

DeskWriter    *desk_writer_new              (DeskApiClient        *client);
DeskApiClient *desk_writer_get_client       (DeskWriter           *self);
void           desk_writer_set_outbox       (DeskWriter           *self,
                                             DeskOutbox           *outbox);
DeskOutbox    *desk_writer_get_outbox       (DeskWriter           *self);
guint          desk_writer_get_n_pending    (DeskWriter           *self);
gboolean       desk_writer_was_submitted    (DeskWriter           *self,
                                             DeskChange           *change);
void           desk_writer_submit_async     (DeskWriter           *self,
                                             DeskChange           *change,
                                             GCancellable         *cancellable,
                                             GAsyncReadyCallback   callback,
                                             gpointer              user_data);
DeskFate       desk_writer_submit_finish    (DeskWriter           *self,
                                             GAsyncResult         *result,
                                             gpointer             *record,
                                             GError              **error);
const char    *desk_fate_to_string          (DeskFate              fate);

G_END_DECLS
