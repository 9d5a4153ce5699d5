/* desk-ticket-detail.h
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "desk-core.h"

G_BEGIN_DECLS

#define DESK_TYPE_TICKET_DETAIL (desk_ticket_detail_get_type ())

G_DECLARE_FINAL_TYPE (DeskTicketDetail, desk_ticket_detail, DESK, TICKET_DETAIL, GtkWidget)

DeskTicket *desk_ticket_detail_get_ticket     (DeskTicketDetail *self);
void        desk_ticket_detail_show_ticket    (DeskTicketDetail *self,
                                               DeskTicket       *ticket);
gboolean    desk_ticket_detail_get_busy       (DeskTicketDetail *self);
void        desk_ticket_detail_change_device  (DeskTicketDetail *self,
                                               guint             position,
                                               const char       *property,
                                               const GValue     *value);
void        desk_ticket_detail_convert        (DeskTicketDetail *self);
const char *desk_ticket_detail_get_unsaved    (DeskTicketDetail *self);
GtkWidget  *desk_ticket_detail_get_row        (DeskTicketDetail *self,
                                               guint             position,
                                               const char       *property);

G_END_DECLS
