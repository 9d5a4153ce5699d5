/* desk-ticket-sections.h
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "desk-core.h"

G_BEGIN_DECLS

/* The read-only parts of the ticket detail, each an AdwPreferencesGroup (or NULL when the
 * ticket has nothing to show there). */
void       desk_ticket_sections_check_properties (void);
char      *desk_ticket_format_date      (gint64            unix_time);
GtkWidget *desk_ticket_info_row         (const char       *title,
                                         const char       *value);
GtkWidget *desk_ticket_customer_group   (DeskTicket       *ticket);
void       desk_ticket_add_device_rows  (AdwPreferencesGroup *group,
                                         DeskTicketDevice *device,
                                         const char       *currency);
GtkWidget *desk_ticket_totals_group     (DeskTicket       *ticket);
GtkWidget *desk_ticket_signature_group  (DeskTicket       *ticket);
GtkWidget *desk_ticket_history_group    (DeskTicket       *ticket);
GtkWidget *desk_ticket_notes_group      (DeskTicket       *ticket);

G_END_DECLS
