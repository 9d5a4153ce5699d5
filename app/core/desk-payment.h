/* desk-payment.h
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "desk-record.h"

G_BEGIN_DECLS

#define DESK_TYPE_PAYMENT (desk_payment_get_type ())

G_DECLARE_FINAL_TYPE (DeskPayment, desk_payment, DESK, PAYMENT, DeskRecord)

DeskPayment *desk_payment_new            (gint64        amount,
                                          gint64        payment_date,
                                          const char   *method,
                                          const char   *notes);
DeskPayment *desk_payment_new_from_json  (JsonNode     *node,
                                          GError      **error);
JsonNode    *desk_payment_to_json        (DeskPayment  *self);
gint64       desk_payment_get_id         (DeskPayment  *self);
gint64       desk_payment_get_amount     (DeskPayment  *self);
gint64       desk_payment_get_date       (DeskPayment  *self);
const char  *desk_payment_get_method     (DeskPayment  *self);

G_END_DECLS
