/* desk-outbox.h
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "desk-api-client.h"
#include "desk-change.h"

G_BEGIN_DECLS

/**
 * DeskOutboxState:
 * @DESK_OUTBOX_WAITING: waits for RepairDesk to answer
 * @DESK_OUTBOX_SENDING: on its way; if Front Desk stops now, it is checked before anything
 *   is sent again
 * @DESK_OUTBOX_CHECKING: its answer was lost: Front Desk looks on the server for it
 * @DESK_OUTBOX_REFUSED: RepairDesk refused it; it waits for the assistant to fix or discard it
 * @DESK_OUTBOX_SAVED: on the server
 *
 * Where a change in the outbox stands.
 */
typedef enum
{
  DESK_OUTBOX_WAITING,
  DESK_OUTBOX_SENDING,
  DESK_OUTBOX_CHECKING,
  DESK_OUTBOX_REFUSED,
  DESK_OUTBOX_SAVED,
} DeskOutboxState;

#define DESK_TYPE_OUTBOX_ITEM (desk_outbox_item_get_type ())

G_DECLARE_FINAL_TYPE (DeskOutboxItem, desk_outbox_item, DESK, OUTBOX_ITEM, GObject)

DeskChange      *desk_outbox_item_get_change   (DeskOutboxItem *self);
DeskOutboxState  desk_outbox_item_get_state    (DeskOutboxItem *self);
const char      *desk_outbox_item_get_reason   (DeskOutboxItem *self);
gint64           desk_outbox_item_get_queued   (DeskOutboxItem *self);
char            *desk_outbox_item_dup_title    (DeskOutboxItem *self);
const char      *desk_outbox_state_to_string   (DeskOutboxState state);

#define DESK_TYPE_OUTBOX (desk_outbox_get_type ())

G_DECLARE_FINAL_TYPE (DeskOutbox, desk_outbox, DESK, OUTBOX, GObject)

DeskOutbox  *desk_outbox_new                (DeskApiClient        *client,
                                             const char           *path);
const char  *desk_outbox_get_path           (DeskOutbox           *self);
GListModel  *desk_outbox_get_items          (DeskOutbox           *self);
guint        desk_outbox_get_n_items        (DeskOutbox           *self);
gboolean     desk_outbox_get_loaded         (DeskOutbox           *self);
gboolean     desk_outbox_get_reachable      (DeskOutbox           *self);
gboolean     desk_outbox_get_idle           (DeskOutbox           *self);
void         desk_outbox_wait_loaded_async  (DeskOutbox           *self,
                                             GAsyncReadyCallback   callback,
                                             gpointer              user_data);
gboolean     desk_outbox_wait_loaded_finish (DeskOutbox           *self,
                                             GAsyncResult         *result,
                                             GError              **error);
gboolean     desk_outbox_accepts            (DeskChangeKind        kind);
gboolean     desk_outbox_should_queue       (DeskOutbox           *self,
                                             DeskChange           *change);
DeskChange  *desk_outbox_link               (DeskOutbox           *self,
                                             DeskChange           *change);
void         desk_outbox_report_reachable   (DeskOutbox           *self,
                                             gboolean              reachable);
void         desk_outbox_try_now            (DeskOutbox           *self);
void         desk_outbox_add_async          (DeskOutbox           *self,
                                             DeskChange           *change,
                                             GCancellable         *cancellable,
                                             GAsyncReadyCallback   callback,
                                             gpointer              user_data);
gboolean     desk_outbox_add_finish         (DeskOutbox           *self,
                                             GAsyncResult         *result,
                                             GError              **error);
void         desk_outbox_discard_async      (DeskOutbox           *self,
                                             const char           *uuid,
                                             GCancellable         *cancellable,
                                             GAsyncReadyCallback   callback,
                                             gpointer              user_data);
gboolean     desk_outbox_discard_finish     (DeskOutbox           *self,
                                             GAsyncResult         *result,
                                             GError              **error);

gboolean     desk_outbox_ticket_matches     (DeskTicket           *found,
                                             DeskTicket           *sent,
                                             gint64                since);
gboolean     desk_outbox_customer_matches   (DeskCustomer         *found,
                                             DeskCustomer         *sent);
gboolean     desk_outbox_record_holds       (gpointer              found,
                                             gpointer              sent);

G_END_DECLS
