/* desk-ticket.h
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "desk-customer.h"
#include "desk-money.h"
#include "desk-record.h"
#include "desk-ticket-device.h"

G_BEGIN_DECLS

#define DESK_TYPE_TICKET (desk_ticket_get_type ())

G_DECLARE_FINAL_TYPE (DeskTicket, desk_ticket, DESK, TICKET, DeskRecord)

DeskTicket   *desk_ticket_new                 (void);
DeskTicket   *desk_ticket_new_from_json       (JsonNode          *node,
                                               GError           **error);
JsonNode     *desk_ticket_to_json             (DeskTicket        *self);
gint64        desk_ticket_get_id              (DeskTicket        *self);
const char   *desk_ticket_get_order_id        (DeskTicket        *self);
gint64        desk_ticket_get_created         (DeskTicket        *self);
gint64        desk_ticket_get_customer_id     (DeskTicket        *self);
DeskCustomer *desk_ticket_get_customer        (DeskTicket        *self);
void          desk_ticket_set_customer        (DeskTicket        *self,
                                               DeskCustomer      *customer);
gint64        desk_ticket_get_total           (DeskTicket        *self);
gint64        desk_ticket_get_amount_due      (DeskTicket        *self);
const char   *desk_ticket_get_signature       (DeskTicket        *self);
void          desk_ticket_set_signature       (DeskTicket        *self,
                                               const char        *base64_png);
GListModel   *desk_ticket_get_devices         (DeskTicket        *self);
void          desk_ticket_add_device          (DeskTicket        *self,
                                               DeskTicketDevice  *device);
void          desk_ticket_remove_device       (DeskTicket        *self,
                                               guint              position);
GListModel   *desk_ticket_get_history         (DeskTicket        *self);
GListModel   *desk_ticket_get_notes           (DeskTicket        *self);
void          desk_ticket_compute_totals      (DeskTicket        *self,
                                               DeskTotals        *totals);

G_END_DECLS
