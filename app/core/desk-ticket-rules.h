/* desk-ticket-rules.h
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "desk-ticket.h"

G_BEGIN_DECLS

/* The longest text RepairDesk takes in a ticket's text fields, in bytes of UTF-8. */
#define DESK_TICKET_TEXT_MAX_BYTES 2000

gboolean            desk_ticket_status_ends_repair   (const char  *status);
gboolean            desk_ticket_is_ended             (DeskTicket  *ticket);
gboolean            desk_ticket_has_invoice          (DeskTicket  *ticket);
gboolean            desk_ticket_can_convert          (DeskTicket  *ticket,
                                                      gboolean     loaded);
gboolean            desk_ticket_can_edit             (DeskTicket  *ticket,
                                                      gboolean     loaded);
const char * const *desk_ticket_device_editable      (void);
gboolean            desk_ticket_device_is_editable   (const char  *property);
gboolean            desk_ticket_device_text_fits     (const char  *text);

G_END_DECLS
