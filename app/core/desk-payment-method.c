/* desk-payment-method.c
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "desk-payment-method"

#include "config.h"

#include "desk-payment-method.h"

/* A way to pay an invoice, like cash (GET /invoices/paymentmethods). */

DESK_DEFINE_NAMED_ITEM (DeskPaymentMethod, desk_payment_method, DESK_TYPE_PAYMENT_METHOD)
