/* desk-customer-detail.h
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "desk-core.h"

G_BEGIN_DECLS

#define DESK_TYPE_CUSTOMER_DETAIL (desk_customer_detail_get_type ())

G_DECLARE_FINAL_TYPE (DeskCustomerDetail, desk_customer_detail, DESK, CUSTOMER_DETAIL, GtkWidget)

GtkWidget     *desk_customer_detail_new          (void);
DeskCustomer  *desk_customer_detail_get_customer (DeskCustomerDetail *self);
void           desk_customer_detail_set_customer (DeskCustomerDetail *self,
                                                  DeskCustomer       *customer);
GListModel    *desk_customer_detail_get_tickets  (DeskCustomerDetail *self);
GListModel    *desk_customer_detail_get_invoices (DeskCustomerDetail *self);
const char    *desk_customer_detail_get_link     (DeskCustomerDetail *self,
                                                  const char         *property);
void           desk_customer_detail_open_related (DeskCustomerDetail *self,
                                                  GType               type,
                                                  guint               position);

G_END_DECLS
