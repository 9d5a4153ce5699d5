/* desk-invoice-item.h
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "desk-record.h"
#include "desk-tax-class.h"

G_BEGIN_DECLS

#define DESK_TYPE_INVOICE_ITEM (desk_invoice_item_get_type ())

G_DECLARE_FINAL_TYPE (DeskInvoiceItem, desk_invoice_item, DESK, INVOICE_ITEM, DeskRecord)

DeskInvoiceItem *desk_invoice_item_new                (void);
DeskInvoiceItem *desk_invoice_item_new_from_json      (JsonNode         *node,
                                                       GError          **error);
const char      *desk_invoice_item_get_name           (DeskInvoiceItem  *self);
gint64           desk_invoice_item_get_quantity       (DeskInvoiceItem  *self);
gint64           desk_invoice_item_get_price          (DeskInvoiceItem  *self);
gint64           desk_invoice_item_get_line_discount  (DeskInvoiceItem  *self);
DeskTaxClass    *desk_invoice_item_get_tax_class      (DeskInvoiceItem  *self);
void             desk_invoice_item_set_tax_class      (DeskInvoiceItem  *self,
                                                       DeskTaxClass     *tax_class);

G_END_DECLS
