/* desk-invoices-page.h
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "desk-core.h"
#include "desk-page.h"

G_BEGIN_DECLS

#define DESK_TYPE_INVOICES_PAGE (desk_invoices_page_get_type ())

G_DECLARE_FINAL_TYPE (DeskInvoicesPage, desk_invoices_page, DESK, INVOICES_PAGE, DeskPage)

GtkWidget     *desk_invoices_page_new             (DeskContext              *context);
GListModel    *desk_invoices_page_get_model       (DeskInvoicesPage         *self);
DeskPagedList *desk_invoices_page_get_list        (DeskInvoicesPage         *self);
const char    *desk_invoices_page_get_state       (DeskInvoicesPage         *self);
gboolean       desk_invoices_page_get_searching   (DeskInvoicesPage         *self);
GtkWidget     *desk_invoices_page_get_search_entry (DeskInvoicesPage        *self);
void           desk_invoices_page_set_search_text (DeskInvoicesPage         *self,
                                                   const char               *text);
void           desk_invoices_page_get_filters     (DeskInvoicesPage         *self,
                                                   DeskInvoiceFilters       *filters);
void           desk_invoices_page_set_filters     (DeskInvoicesPage         *self,
                                                   const DeskInvoiceFilters *filters);
void           desk_invoices_page_set_now         (DeskInvoicesPage         *self,
                                                   gint64                    unix_time);
void           desk_invoices_page_open_position   (DeskInvoicesPage         *self,
                                                   guint                     position);
void           desk_invoices_page_show_invoice_id (DeskInvoicesPage         *self,
                                                   gint64                    id);
GtkWidget     *desk_invoices_page_get_detail      (DeskInvoicesPage         *self);

G_END_DECLS
