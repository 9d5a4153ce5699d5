/* desk-intake-totals.h
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
 * DeskIntakePart:
 * @price: unit price in minor units
 * @quantity: how many, 1 or more
 * @millipercent: the rate of the part's tax class, in thousandths of a percent
 *
 * A part used on a device line.
 */
typedef struct
{
  gint64 price;
  gint64 quantity;
  gint64 millipercent;
} DeskIntakePart;

/**
 * DeskIntakeLine:
 * @has_price: whether @price was set; if not, the line costs its problems' prices
 * @price: the price of the repair in minor units, when @has_price
 * @line_discount: the discount on the repair in minor units, at most its price
 * @millipercent: the rate of the line's tax class, in thousandths of a percent
 * @problem_prices: (array length=n_problems): the prices of the problems picked
 * @n_problems: how many problems
 * @parts: (array length=n_parts): the parts used
 * @n_parts: how many parts
 *
 * One device on an intake, as the form holds it. A device line has no quantity: each
 * device is a line of its own, and RepairDesk's ticket devices carry none.
 */
typedef struct
{
  gboolean              has_price;
  gint64                price;
  gint64                line_discount;
  gint64                millipercent;
  const gint64         *problem_prices;
  guint                 n_problems;
  const DeskIntakePart *parts;
  guint                 n_parts;
} DeskIntakeLine;

gboolean desk_intake_line_get_price (const DeskIntakeLine  *line,
                                     gint64                *price,
                                     GError               **error);
gboolean desk_intake_totals_compute (const DeskIntakeLine  *lines,
                                     guint                  n_lines,
                                     DeskTotals            *totals,
                                     GError               **error);

G_END_DECLS
