/* desk-invoice-editor.h
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

#define DESK_TYPE_INVOICE_EDITOR (desk_invoice_editor_get_type ())

G_DECLARE_FINAL_TYPE (DeskInvoiceEditor, desk_invoice_editor, DESK, INVOICE_EDITOR, AdwWindow)

DeskInvoiceEditor *desk_invoice_editor_new             (DeskContext        *context,
                                                        gint64              invoice_id);
void               desk_invoice_editor_set_customer    (DeskInvoiceEditor  *self,
                                                        DeskCustomer       *customer);
DeskCustomer      *desk_invoice_editor_get_customer    (DeskInvoiceEditor  *self);
gboolean           desk_invoice_editor_get_walk_in     (DeskInvoiceEditor  *self);
gboolean           desk_invoice_editor_get_ready       (DeskInvoiceEditor  *self);
gboolean           desk_invoice_editor_get_can_save    (DeskInvoiceEditor  *self);
gboolean           desk_invoice_editor_get_busy        (DeskInvoiceEditor  *self);
const char        *desk_invoice_editor_get_message     (DeskInvoiceEditor  *self);
DeskInvoice       *desk_invoice_editor_get_invoice     (DeskInvoiceEditor  *self);
gboolean           desk_invoice_editor_get_totals      (DeskInvoiceEditor  *self,
                                                        DeskTotals         *totals);
guint              desk_invoice_editor_get_n_lines     (DeskInvoiceEditor  *self);
GtkEditable       *desk_invoice_editor_get_line_field  (DeskInvoiceEditor  *self,
                                                        guint               line,
                                                        const char         *field);
GtkEditable       *desk_invoice_editor_get_item_search (DeskInvoiceEditor  *self);
GtkListBox        *desk_invoice_editor_get_item_results (DeskInvoiceEditor *self);
GtkEditable       *desk_invoice_editor_get_customer_search (DeskInvoiceEditor *self);

G_END_DECLS
