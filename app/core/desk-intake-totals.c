/* desk-intake-totals.c
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "desk-intake-totals"

#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n.h>

#include "desk-intake-totals.h"

/* The running totals of the intake form. They must be the totals the ticket will show once
 * the server has it, so they are made the server's way, through desk_totals_add_line():
 * the repair of each device is a line of quantity 1 less its discount, taxed at the
 * device's tax class; each part is a line of its own at its quantity, taxed at the part's
 * tax class, without discount; every line's tax is rounded to the cent on its own. A
 * device whose price was not set costs the sum of its problems, as the server prices it.
 *
 * The limits are the server's too, and are checked before any arithmetic so that no sum
 * can overflow: at most 10,000 of a part, prices and discounts from 0 to ten million,
 * rates up to 100 %, a hundred devices, parts or problems. The largest tax product is then
 * 10^7 × 100 × 10^4 × 10^5 = 10^18 < 2^63. */

#define MAX_AMOUNT    G_GINT64_CONSTANT (1000000000)  /* ten million, in cents */
#define MAX_QUANTITY  10000
#define MAX_RATE      100000                          /* 100 % */
#define MAX_LINES     100

static gboolean
fail (GError     **error,
      const char  *message)
{
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, message);
  return FALSE;
}

static gboolean
check_amount (gint64   amount,
              GError **error)
{
  if (amount < 0)
    return fail (error, _("A price or discount cannot be negative."));
  if (amount > MAX_AMOUNT)
    return fail (error, _("A price or discount is too large."));

  return TRUE;
}

static gboolean
check_rate (gint64   millipercent,
            GError **error)
{
  if (millipercent < 0 || millipercent > MAX_RATE)
    return fail (error, _("A tax rate is out of range."));

  return TRUE;
}

/**
 * desk_intake_line_get_price:
 * @line: a device line
 * @price: (out): its price in minor units
 * @error: return location for a #GError
 *
 * Returns: %TRUE with the price set, or the sum of the problems' prices when it was not
 *   set; %FALSE with %G_IO_ERROR_INVALID_DATA when a price is out of range
 */
gboolean
desk_intake_line_get_price (const DeskIntakeLine  *line,
                            gint64                *price,
                            GError               **error)
{
  gint64 sum = 0;

  g_return_val_if_fail (line != NULL, FALSE);
  g_return_val_if_fail (price != NULL, FALSE);

  if (line->has_price)
    {
      if (!check_amount (line->price, error))
        return FALSE;
      *price = line->price;
      return TRUE;
    }

  if (line->n_problems > MAX_LINES)
    return fail (error, _("A device has too many problems."));
  for (guint i = 0; i < line->n_problems; i++)
    {
      if (!check_amount (line->problem_prices[i], error))
        return FALSE;
      sum += line->problem_prices[i];
    }
  if (!check_amount (sum, error))
    return FALSE;

  *price = sum;
  return TRUE;
}

static gboolean
add_device (DeskTotals            *totals,
            const DeskIntakeLine  *line,
            GError               **error)
{
  gint64 price;

  if (!desk_intake_line_get_price (line, &price, error) ||
      !check_amount (line->line_discount, error) || !check_rate (line->millipercent, error))
    return FALSE;
  if (line->line_discount > price)
    return fail (error, _("The discount is more than the price of the repair."));
  if (line->n_parts > MAX_LINES)
    return fail (error, _("A device has too many parts."));

  desk_totals_add_line (totals, price, 1, line->line_discount, line->millipercent);

  for (guint i = 0; i < line->n_parts; i++)
    {
      const DeskIntakePart *part = &line->parts[i];

      if (!check_amount (part->price, error) || !check_rate (part->millipercent, error))
        return FALSE;
      if (part->quantity < 1 || part->quantity > MAX_QUANTITY)
        return fail (error, _("A part's quantity must be between 1 and 10,000."));

      desk_totals_add_line (totals, part->price, part->quantity, 0, part->millipercent);
    }

  return TRUE;
}

/**
 * desk_intake_totals_compute:
 * @lines: (array length=n_lines): the devices of the intake
 * @n_lines: how many
 * @totals: (out): subtotal, discount, tax and total; nothing paid
 * @error: return location for a #GError
 *
 * Works out the totals the ticket will have on the server.
 *
 * Returns: %TRUE, or %FALSE with %G_IO_ERROR_INVALID_DATA and a reason for the counter
 *   when a value is out of range (@totals are then cleared)
 */
gboolean
desk_intake_totals_compute (const DeskIntakeLine  *lines,
                            guint                  n_lines,
                            DeskTotals            *totals,
                            GError               **error)
{
  g_return_val_if_fail (lines != NULL || n_lines == 0, FALSE);
  g_return_val_if_fail (totals != NULL, FALSE);

  desk_totals_init (totals);
  if (n_lines > MAX_LINES)
    return fail (error, _("An intake has too many devices."));

  for (guint i = 0; i < n_lines; i++)
    if (!add_device (totals, &lines[i], error))
      {
        desk_totals_init (totals);
        return FALSE;
      }

  return TRUE;
}
