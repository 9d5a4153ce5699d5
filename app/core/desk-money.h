/* desk-money.h
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean  desk_money_parse          (const char  *text,
                                     gint64      *cents,
                                     char       **currency);
gboolean  desk_money_parse_percent  (const char  *text,
                                     gint64      *millipercent);
char     *desk_money_to_api         (gint64       cents);
char     *desk_money_format         (gint64       cents,
                                     const char  *currency);
gint64    desk_money_line_total     (gint64       price,
                                     gint64       quantity,
                                     gint64       discount);
gint64    desk_money_tax            (gint64       amount,
                                     gint64       millipercent);

/**
 * DeskTotals:
 * @subtotal: the sum of price × quantity over the lines
 * @discount: the sum of the line discounts
 * @tax: the sum of the line taxes, each rounded to the cent
 * @total: @subtotal − @discount + @tax
 * @paid: the sum of the payments
 * @due: @total − @paid; negative when overpaid
 *
 * The totals of a ticket or an invoice, computed the same way by the client and the
 * sandbox server, in minor units.
 */
typedef struct
{
  gint64 subtotal;
  gint64 discount;
  gint64 tax;
  gint64 total;
  gint64 paid;
  gint64 due;
} DeskTotals;

void      desk_totals_init          (DeskTotals  *totals);
gint64    desk_totals_add_line      (DeskTotals  *totals,
                                     gint64       price,
                                     gint64       quantity,
                                     gint64       discount,
                                     gint64       millipercent);
void      desk_totals_add_payment   (DeskTotals  *totals,
                                     gint64       amount);

G_END_DECLS
