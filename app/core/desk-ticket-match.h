/* desk-ticket-match.h
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "desk-core.h"

G_BEGIN_DECLS

char     *desk_ticket_match_fold       (const char *text);
gboolean  desk_ticket_matches          (DeskTicket *ticket,
                                        const char *folded_needle);
gboolean  desk_ticket_match_narrows    (const char *old_folded,
                                        const char *new_folded);
gboolean  desk_ticket_matches_exactly  (DeskTicket *ticket,
                                        const char *needle);
gboolean  desk_ticket_status_notifies  (const char *status);
char     *desk_ticket_device_names     (DeskTicket *ticket);
const char *desk_ticket_first_status   (DeskTicket *ticket);
char     *desk_ticket_technician       (DeskTicket *ticket);
gint64    desk_ticket_earliest_due     (DeskTicket *ticket);

G_END_DECLS
