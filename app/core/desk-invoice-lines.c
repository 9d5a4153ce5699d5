/* desk-invoice-lines.c
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "desk-invoice-lines"

#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n.h>

#include "desk-invoice-lines.h"

/* The running totals of the invoice editor. They must be the totals the invoice will
 * show once the server has it, so they are made the server's way, through
 * desk_totals_add_line(): each line is price × quantity less its discount, taxed at its
 * tax class, the tax rounded to the cent line by line.
 *
 * The limits are the server's, checked before any arithmetic so that no sum can
 * overflow: quantities from 1 to 10,000, prices from 0 to ten million, a discount up to
 * the line's price × quantity, rates up to 100 %, at most 500 lines. The largest line is
 * then 10^9 × 10^4 = 10^13 cents, its tax product 10^13 × 10^5 = 10^18 < 2^63. */

#define MAX_AMOUNT    G_GINT64_CONSTANT (1000000000)  /* ten million, in cents */
#define MAX_QUANTITY  10000
#define MAX_RATE      100000                          /* 100 % */
#define MAX_LINES     500

static gboolean
fail (GError     **error,
      const char  *message)
{
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, message);
  return FALSE;
}

/**
 * desk_invoice_line_check:
 * @line: a line
 * @error: return location for a #GError
 *
 * Returns: %TRUE when the server will take the line's figures; otherwise %FALSE with
 *   %G_IO_ERROR_INVALID_DATA and a reason for the counter
 */
gboolean
desk_invoice_line_check (const DeskInvoiceLine  *line,
                         GError                **error)
{
  g_return_val_if_fail (line != NULL, FALSE);

  if (line->price < 0 || line->line_discount < 0)
    return fail (error, _("A price or discount cannot be negative."));
  if (line->price > MAX_AMOUNT)
    return fail (error, _("A price is too large."));
  if (line->quantity < 1 || line->quantity > MAX_QUANTITY)
    return fail (error, _("A quantity must be between 1 and 10,000."));
  if (line->millipercent < 0 || line->millipercent > MAX_RATE)
    return fail (error, _("A tax rate is out of range."));
  /* Both at most 10^9 × 10^4: no overflow. */
  if (line->line_discount > line->price * line->quantity)
    return fail (error, _("A discount is more than the line costs."));

  return TRUE;
}

/**
 * desk_invoice_lines_compute:
 * @lines: (array length=n_lines): the lines of the invoice
 * @n_lines: how many
 * @totals: (out): subtotal, discount, tax and total; nothing paid
 * @error: return location for a #GError
 *
 * Works out the totals the invoice will have on the server.
 *
 * Returns: %TRUE, or %FALSE with %G_IO_ERROR_INVALID_DATA and a reason for the counter
 *   when a line is out of range (@totals are then cleared)
 */
gboolean
desk_invoice_lines_compute (const DeskInvoiceLine  *lines,
                            guint                   n_lines,
                            DeskTotals             *totals,
                            GError                **error)
{
  g_return_val_if_fail (lines != NULL || n_lines == 0, FALSE);
  g_return_val_if_fail (totals != NULL, FALSE);

  desk_totals_init (totals);
  if (n_lines > MAX_LINES)
    return fail (error, _("An invoice has too many lines."));

  for (guint i = 0; i < n_lines; i++)
    {
      if (!desk_invoice_line_check (&lines[i], error))
        {
          desk_totals_init (totals);
          return FALSE;
        }
      desk_totals_add_line (totals, lines[i].price, lines[i].quantity, lines[i].line_discount,
                            lines[i].millipercent);
    }

  return TRUE;
}
