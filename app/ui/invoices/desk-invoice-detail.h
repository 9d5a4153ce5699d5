/* desk-invoice-detail.h
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

#define DESK_TYPE_INVOICE_DETAIL (desk_invoice_detail_get_type ())

G_DECLARE_FINAL_TYPE (DeskInvoiceDetail, desk_invoice_detail, DESK, INVOICE_DETAIL, GtkWidget)

GtkWidget   *desk_invoice_detail_new             (DeskContext       *context);
DeskInvoice *desk_invoice_detail_get_invoice     (DeskInvoiceDetail *self);
void         desk_invoice_detail_set_invoice     (DeskInvoiceDetail *self,
                                                  DeskInvoice       *invoice);
void         desk_invoice_detail_reload          (DeskInvoiceDetail *self);
const char  *desk_invoice_detail_get_state       (DeskInvoiceDetail *self);
gboolean     desk_invoice_detail_get_amount_due  (DeskInvoiceDetail *self,
                                                  gint64            *cents);
GtkWindow   *desk_invoice_detail_get_payment_dialog (DeskInvoiceDetail *self);
GtkWidget   *desk_invoice_detail_get_content     (DeskInvoiceDetail *self);

G_END_DECLS
