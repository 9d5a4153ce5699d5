/* desk-payment-method.h
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "desk-named-item.h"

G_BEGIN_DECLS

#define DESK_TYPE_PAYMENT_METHOD (desk_payment_method_get_type ())

G_DECLARE_FINAL_TYPE (DeskPaymentMethod, desk_payment_method, DESK, PAYMENT_METHOD, DeskNamedItem)

DeskPaymentMethod *desk_payment_method_new_from_json (JsonNode  *node,
                                                      GError   **error);

G_END_DECLS
