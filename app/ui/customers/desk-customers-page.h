/* desk-customers-page.h
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

#define DESK_TYPE_CUSTOMERS_PAGE (desk_customers_page_get_type ())

G_DECLARE_FINAL_TYPE (DeskCustomersPage, desk_customers_page, DESK, CUSTOMERS_PAGE, DeskPage)

GtkWidget    *desk_customers_page_new             (DeskContext       *context);
GListModel   *desk_customers_page_get_model       (DeskCustomersPage *self);
const char   *desk_customers_page_get_state       (DeskCustomersPage *self);
gboolean      desk_customers_page_get_searching   (DeskCustomersPage *self);
void          desk_customers_page_set_search_text (DeskCustomersPage *self,
                                                   const char        *text);
const char   *desk_customers_page_get_referred_by (DeskCustomersPage *self);
void          desk_customers_page_set_referred_by (DeskCustomersPage *self,
                                                   const char        *referred_by);
DeskCustomer *desk_customers_page_get_customer    (DeskCustomersPage *self);
void          desk_customers_page_show_customer   (DeskCustomersPage *self,
                                                   DeskCustomer      *customer);
GtkWindow    *desk_customers_page_get_editor      (DeskCustomersPage *self);
GtkWidget    *desk_customers_page_get_detail      (DeskCustomersPage *self);

G_END_DECLS
