/* desk-invoice-lines.h
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "desk-money.h"

G_BEGIN_DECLS

/**
 * DeskInvoiceLine:
 * @price: unit price in minor units
 * @quantity: how many, 1 to 10,000
 * @line_discount: the discount on the whole line in minor units, at most price × quantity
 * @millipercent: the rate of the line's tax class, in thousandths of a percent
 *
 * One line of an invoice as the editor holds it: an inventory item or a free line.
 */
typedef struct
{
  gint64 price;
  gint64 quantity;
  gint64 line_discount;
  gint64 millipercent;
} DeskInvoiceLine;

gboolean desk_invoice_line_check     (const DeskInvoiceLine  *line,
                                      GError                **error);
gboolean desk_invoice_lines_compute  (const DeskInvoiceLine  *lines,
                                      guint                   n_lines,
                                      DeskTotals             *totals,
                                      GError                **error);

G_END_DECLS
