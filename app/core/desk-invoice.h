/* desk-invoice.h
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "desk-customer.h"
#include "desk-invoice-item.h"
#include "desk-money.h"
#include "desk-payment.h"
#include "desk-record.h"

G_BEGIN_DECLS

#define DESK_TYPE_INVOICE (desk_invoice_get_type ())

G_DECLARE_FINAL_TYPE (DeskInvoice, desk_invoice, DESK, INVOICE, DeskRecord)

DeskInvoice  *desk_invoice_new               (void);
DeskInvoice  *desk_invoice_new_from_json     (JsonNode         *node,
                                              GError          **error);
JsonNode     *desk_invoice_to_json           (DeskInvoice      *self);
gint64        desk_invoice_get_id            (DeskInvoice      *self);
const char   *desk_invoice_get_order_id      (DeskInvoice      *self);
const char   *desk_invoice_get_status        (DeskInvoice      *self);
gint64        desk_invoice_get_total         (DeskInvoice      *self);
gint64        desk_invoice_get_amount_paid   (DeskInvoice      *self);
gint64        desk_invoice_get_amount_due    (DeskInvoice      *self);
gint64        desk_invoice_get_customer_id   (DeskInvoice      *self);
DeskCustomer *desk_invoice_get_customer      (DeskInvoice      *self);
void          desk_invoice_set_customer      (DeskInvoice      *self,
                                              DeskCustomer     *customer);
GListModel   *desk_invoice_get_items         (DeskInvoice      *self);
void          desk_invoice_add_item          (DeskInvoice      *self,
                                              DeskInvoiceItem  *item);
void          desk_invoice_remove_item       (DeskInvoice      *self,
                                              guint             position);
GListModel   *desk_invoice_get_payments      (DeskInvoice      *self);
void          desk_invoice_compute_totals    (DeskInvoice      *self,
                                              DeskTotals       *totals);

G_END_DECLS
