/* desk-sandbox-totals.c
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "desk-sandbox"

#include "config.h"

#include "desk-sandbox-private.h"

/* The totals kept in ticket and invoice rows. Each line's tax is worked out with
 * desk_money_tax() when the line is written, as the client does; here they are only added
 * up. The same statements serve one record (after a request) and the whole store (after
 * seeding), so both agree. */

#define TICKET_SUMS \
  "UPDATE tickets SET" \
  " subtotal = COALESCE ((SELECT SUM (d.price) FROM ticket_devices d" \
  "                       WHERE d.ticket_id = tickets.id), 0)" \
  "          + COALESCE ((SELECT SUM (p.price * p.quantity) FROM ticket_parts p" \
  "                       JOIN ticket_devices d ON p.line_id = d.id" \
  "                       WHERE d.ticket_id = tickets.id), 0)," \
  " discount = COALESCE ((SELECT SUM (d.line_discount) FROM ticket_devices d" \
  "                       WHERE d.ticket_id = tickets.id), 0)," \
  " tax = COALESCE ((SELECT SUM (d.gst) FROM ticket_devices d" \
  "                  WHERE d.ticket_id = tickets.id), 0)" \
  "     + COALESCE ((SELECT SUM (p.gst) FROM ticket_parts p" \
  "                  JOIN ticket_devices d ON p.line_id = d.id" \
  "                  WHERE d.ticket_id = tickets.id), 0)"
#define TICKET_TOTAL "UPDATE tickets SET total = subtotal - discount + tax"

#define INVOICE_SUMS \
  "UPDATE invoices SET" \
  " subtotal = COALESCE ((SELECT SUM (i.price * i.quantity) FROM invoice_items i" \
  "                       WHERE i.invoice_id = invoices.id), 0)," \
  " discount = COALESCE ((SELECT SUM (i.line_discount) FROM invoice_items i" \
  "                       WHERE i.invoice_id = invoices.id), 0)," \
  " tax = COALESCE ((SELECT SUM (i.gst) FROM invoice_items i" \
  "                  WHERE i.invoice_id = invoices.id), 0)," \
  " paid = COALESCE ((SELECT SUM (p.amount) FROM payments p" \
  "                   WHERE p.invoice_id = invoices.id), 0)"
#define INVOICE_TOTAL \
  "UPDATE invoices SET total = subtotal - discount + tax," \
  " status = CASE" \
  "   WHEN EXISTS (SELECT 1 FROM payments p WHERE p.invoice_id = invoices.id" \
  "                AND p.amount < 0) THEN 'Refund'" \
  "   WHEN paid > subtotal - discount + tax THEN 'OverPaid'" \
  "   WHEN paid = subtotal - discount + tax THEN 'Paid'" \
  "   WHEN paid = 0 THEN 'Unpaid'" \
  "   ELSE 'Partial' END"

static gboolean
run_for_id (DeskStore   *store,
            const char  *sql,
            gint64       id,
            GError     **error)
{
  sqlite3_stmt *stmt = desk_store_prepare (store, sql);

  sqlite3_bind_int64 (stmt, 1, id);

  return desk_store_step_done (store, stmt, error);
}

gboolean
desk_ticket_recompute (DeskStore  *store,
                       gint64      ticket_id,
                       GError    **error)
{
  if (ticket_id <= 0)
    return desk_store_exec (store, TICKET_SUMS ";" TICKET_TOTAL, error);

  return run_for_id (store, TICKET_SUMS " WHERE id = ?", ticket_id, error) &&
         run_for_id (store, TICKET_TOTAL " WHERE id = ?", ticket_id, error);
}

gboolean
desk_invoice_recompute (DeskStore  *store,
                        gint64      invoice_id,
                        GError    **error)
{
  if (invoice_id <= 0)
    return desk_store_exec (store, INVOICE_SUMS ";" INVOICE_TOTAL, error);

  return run_for_id (store, INVOICE_SUMS " WHERE id = ?", invoice_id, error) &&
         run_for_id (store, INVOICE_TOTAL " WHERE id = ?", invoice_id, error);
}
