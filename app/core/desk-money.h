/* desk-money.h
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * DESK_MONEY_MAX:
 *
 * The largest amount Front Desk handles, in minor units (ten trillion): far above any
 * repair shop's figures and far below where gint64 arithmetic wraps. An amount beyond it
 * is refused when read, and a sum that would pass it stops there.
 */
#define DESK_MONEY_MAX G_GINT64_CONSTANT (1000000000000000)

/**
 * DESK_PERCENT_MAX:
 *
 * The largest percentage Front Desk reads, in thousandths of a percent (1000 %).
 */
#define DESK_PERCENT_MAX G_GINT64_CONSTANT (1000000)

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
gboolean  desk_money_checked_line_total (gint64   price,
                                         gint64   quantity,
                                         gint64   discount,
                                         gint64  *total);
gboolean  desk_money_checked_tax    (gint64       amount,
                                     gint64       millipercent,
                                     gint64      *tax);

/**
 * DeskTotals:
 * @subtotal: the sum of price × quantity over the lines
 * @discount: the sum of the line discounts
 * @tax: the sum of the line taxes, each rounded to the cent
 * @total: @subtotal − @discount + @tax
 * @paid: the sum of the payments
 * @due: @total − @paid; negative when overpaid
 * @out_of_range: whether a figure passed ±%DESK_MONEY_MAX on the way: the figures then
 *   stop at that limit instead of wrapping, and are not to be charged
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
  gboolean out_of_range;
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
