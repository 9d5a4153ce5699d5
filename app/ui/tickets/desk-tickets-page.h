/* desk-tickets-page.h
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "desk-core.h"
#include "desk-page.h"
#include "desk-results-view.h"
#include "desk-ticket-detail.h"
#include "desk-ticket-filters.h"

G_BEGIN_DECLS

#define DESK_TYPE_TICKETS_PAGE (desk_tickets_page_get_type ())

G_DECLARE_FINAL_TYPE (DeskTicketsPage, desk_tickets_page, DESK, TICKETS_PAGE, DeskPage)

GtkWidget               *desk_tickets_page_new         (DeskContext             *context);
GListModel              *desk_tickets_page_get_rows    (DeskTicketsPage         *self);
DeskPagedList           *desk_tickets_page_get_list    (DeskTicketsPage         *self);
DeskTicketDetail        *desk_tickets_page_get_detail  (DeskTicketsPage         *self);
DeskResultsView         *desk_tickets_page_get_results (DeskTicketsPage         *self);
GtkWidget               *desk_tickets_page_get_search_entry (DeskTicketsPage    *self);
const DeskTicketFilters *desk_tickets_page_get_filters (DeskTicketsPage         *self);
void                     desk_tickets_page_set_filters (DeskTicketsPage         *self,
                                                        const DeskTicketFilters *filters);
void                     desk_tickets_page_open        (DeskTicketsPage         *self,
                                                        DeskTicket              *ticket);
gboolean                 desk_tickets_page_get_searching (DeskTicketsPage       *self);

G_END_DECLS
