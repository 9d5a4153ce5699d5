/* desk-change.h
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "desk-customer.h"
#include "desk-invoice.h"
#include "desk-ticket.h"

G_BEGIN_DECLS

/**
 * DeskChangeKind:
 * @DESK_CHANGE_CREATE_CUSTOMER: `POST /customers`
 * @DESK_CHANGE_UPDATE_CUSTOMER: `PUT /customers/:id`
 * @DESK_CHANGE_CREATE_TICKET: `POST /tickets`
 * @DESK_CHANGE_UPDATE_TICKET: `PUT /tickets/:id`
 * @DESK_CHANGE_CONVERT_TICKET: `GET /tickets/:id/converttoinvoice`
 * @DESK_CHANGE_CREATE_INVOICE: `POST /invoices`
 * @DESK_CHANGE_UPDATE_INVOICE: `PUT /invoices/:id`
 * @DESK_CHANGE_ADD_PAYMENT: `POST /invoices/:id/payments`
 *
 * What a change does on the server.
 */
typedef enum
{
  DESK_CHANGE_CREATE_CUSTOMER,
  DESK_CHANGE_UPDATE_CUSTOMER,
  DESK_CHANGE_CREATE_TICKET,
  DESK_CHANGE_UPDATE_TICKET,
  DESK_CHANGE_CONVERT_TICKET,
  DESK_CHANGE_CREATE_INVOICE,
  DESK_CHANGE_UPDATE_INVOICE,
  DESK_CHANGE_ADD_PAYMENT,
} DeskChangeKind;

#define DESK_TYPE_CHANGE (desk_change_get_type ())

G_DECLARE_FINAL_TYPE (DeskChange, desk_change, DESK, CHANGE, GObject)

DeskChange     *desk_change_new_create_customer (DeskCustomer  *customer);
DeskChange     *desk_change_new_update_customer (DeskCustomer  *customer);
DeskChange     *desk_change_new_create_ticket   (DeskTicket    *ticket);
DeskChange     *desk_change_new_update_ticket   (DeskTicket    *ticket);
DeskChange     *desk_change_new_convert_ticket  (gint64         ticket_id);
DeskChange     *desk_change_new_create_invoice  (DeskInvoice   *invoice);
DeskChange     *desk_change_new_update_invoice  (DeskInvoice   *invoice);
DeskChange     *desk_change_new_add_payment     (gint64         invoice_id,
                                                 gint64         amount,
                                                 const char    *method,
                                                 gint64         payment_date,
                                                 const char    *notes);
DeskChange     *desk_change_new_from_json       (JsonNode      *node,
                                                 GError       **error);
JsonNode       *desk_change_to_json             (DeskChange    *self);
DeskChange     *desk_change_copy                (DeskChange    *self);
const char     *desk_change_get_uuid            (DeskChange    *self);
DeskChangeKind  desk_change_get_kind            (DeskChange    *self);
gint64          desk_change_get_target_id       (DeskChange    *self);
gpointer        desk_change_get_record          (DeskChange    *self);
gboolean        desk_change_get_payment         (DeskChange    *self,
                                                 gint64        *amount,
                                                 const char   **method,
                                                 gint64        *payment_date,
                                                 const char   **notes);
void            desk_change_set_depends_on      (DeskChange    *self,
                                                 const char    *uuid);
const char     *desk_change_get_depends_on      (DeskChange    *self);
DeskChange     *desk_change_link                (DeskChange    *self,
                                                 gint64         id);
char           *desk_change_refused_field       (DeskChange    *self,
                                                 const char    *server_text);

G_END_DECLS
