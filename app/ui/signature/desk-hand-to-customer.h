/* desk-hand-to-customer.h
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "desk-signature.h"

G_BEGIN_DECLS

#define DESK_TYPE_HAND_TO_CUSTOMER (desk_hand_to_customer_get_type ())

G_DECLARE_FINAL_TYPE (DeskHandToCustomer, desk_hand_to_customer, DESK, HAND_TO_CUSTOMER, AdwWindow)

DeskHandToCustomer *desk_hand_to_customer_new         (DeskSignature       *signature,
                                                       const char          *terms);
void                desk_hand_to_customer_add_device  (DeskHandToCustomer  *self,
                                                       const char          *device,
                                                       const char          *problems,
                                                       const char          *price);
void                desk_hand_to_customer_set_total   (DeskHandToCustomer  *self,
                                                       const char          *total);
const char         *desk_hand_to_customer_get_terms   (DeskHandToCustomer  *self);
DeskSignature      *desk_hand_to_customer_get_signature (DeskHandToCustomer *self);
GdkMonitor         *desk_hand_to_customer_present_on  (DeskHandToCustomer  *self,
                                                       GtkWindow           *parent,
                                                       const char          *connector);

G_END_DECLS
