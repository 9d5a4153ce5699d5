/* desk-customer.h
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "desk-record.h"

G_BEGIN_DECLS

#define DESK_TYPE_CUSTOMER (desk_customer_get_type ())

G_DECLARE_FINAL_TYPE (DeskCustomer, desk_customer, DESK, CUSTOMER, DeskRecord)

DeskCustomer *desk_customer_new             (void);
DeskCustomer *desk_customer_new_from_json   (JsonNode      *node,
                                             GError       **error);
JsonNode     *desk_customer_to_json         (DeskCustomer  *self);
gint64        desk_customer_get_id          (DeskCustomer  *self);
gboolean      desk_customer_is_walk_in      (DeskCustomer  *self);
const char   *desk_customer_get_full_name   (DeskCustomer  *self);
const char   *desk_customer_get_first_name  (DeskCustomer  *self);
void          desk_customer_set_first_name  (DeskCustomer  *self,
                                             const char    *first_name);
const char   *desk_customer_get_last_name   (DeskCustomer  *self);
void          desk_customer_set_last_name   (DeskCustomer  *self,
                                             const char    *last_name);
const char   *desk_customer_get_phone       (DeskCustomer  *self);
const char   *desk_customer_get_mobile      (DeskCustomer  *self);
const char   *desk_customer_get_email       (DeskCustomer  *self);

G_END_DECLS
