/* desk-payment-dialog.h
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "desk-context.h"
#include "desk-core.h"

G_BEGIN_DECLS

#define DESK_TYPE_PAYMENT_DIALOG (desk_payment_dialog_get_type ())

G_DECLARE_FINAL_TYPE (DeskPaymentDialog, desk_payment_dialog, DESK, PAYMENT_DIALOG, AdwWindow)

DeskPaymentDialog *desk_payment_dialog_new          (DeskContext       *context,
                                                     DeskInvoice       *invoice,
                                                     gint64             amount_due);
const char        *desk_payment_dialog_get_state    (DeskPaymentDialog *self);
const char        *desk_payment_dialog_get_message  (DeskPaymentDialog *self);
void               desk_payment_dialog_set_field    (DeskPaymentDialog *self,
                                                     const char        *field,
                                                     const char        *text);
const char        *desk_payment_dialog_get_field    (DeskPaymentDialog *self,
                                                     const char        *field);
gboolean           desk_payment_dialog_set_method   (DeskPaymentDialog *self,
                                                     const char        *method);
void               desk_payment_dialog_set_date     (DeskPaymentDialog *self,
                                                     gint64             unix_time);
GtkWindow         *desk_payment_dialog_get_question (DeskPaymentDialog *self);

G_END_DECLS
