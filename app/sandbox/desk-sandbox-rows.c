/* desk-sandbox-rows.c
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "desk-sandbox"

#include "config.h"

#include "desk-sandbox-private.h"

/* The INSERTs shared by the seed generator and the routes, so that a seeded ticket and one
 * made through the API are stored alike. Ids of 0 are left to SQLite (the largest + 1);
 * the order numbers follow from the ids. */

const char * const desk_customer_fields[DESK_N_CUSTOMER_FIELDS] = {
  "first_name", "last_name", "phone", "mobile", "email", "address1", "address2", "postcode",
  "city", "state", "country", "organization", "referred_by", "driving_licence",
  "contact_person", "tax_number", "network",
};

static void
bind_id (sqlite3_stmt *stmt,
         int           column,
         gint64        id)
{
  if (id > 0)
    sqlite3_bind_int64 (stmt, column, id);
  else
    sqlite3_bind_null (stmt, column);
}

static void
bind_text (sqlite3_stmt *stmt,
           int           column,
           const char   *text)
{
  sqlite3_bind_text (stmt, column, text != NULL ? text : "", -1, SQLITE_TRANSIENT);
}

static gint64
finish (DeskStore    *store,
        sqlite3_stmt *stmt)
{
  if (!desk_store_step_done (store, stmt, NULL))
    return 0;

  return desk_store_last_id (store);
}

gint64
desk_insert_customer (DeskStore          *store,
                      gint64              id,
                      const char * const *values)
{
  sqlite3_stmt *stmt = desk_store_prepare (store,
    "INSERT INTO customers (id, first_name, last_name, phone, mobile, email, address1,"
    " address2, postcode, city, state, country, organization, referred_by, driving_licence,"
    " contact_person, tax_number, network) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");

  bind_id (stmt, 1, id);
  for (int i = 0; i < DESK_N_CUSTOMER_FIELDS; i++)
    bind_text (stmt, i + 2, values[i]);

  return finish (store, stmt);
}

gint64
desk_insert_ticket (DeskStore           *store,
                    const DeskTicketRow *row)
{
  sqlite3_stmt *stmt = desk_store_prepare (store,
    "INSERT INTO tickets (id, customer_id, created_by, created_date, repair_collected,"
    " how_found, signature) VALUES (?,?,?,?,?,?,?)");
  sqlite3_stmt *order;
  gint64 id;

  bind_id (stmt, 1, row->id);
  sqlite3_bind_int64 (stmt, 2, row->customer_id);
  sqlite3_bind_int64 (stmt, 3, row->created_by);
  sqlite3_bind_int64 (stmt, 4, row->created_date);
  sqlite3_bind_int64 (stmt, 5, row->repair_collected);
  bind_text (stmt, 6, row->how_found);
  if (row->signature != NULL)
    bind_text (stmt, 7, row->signature);
  id = finish (store, stmt);

  order = desk_store_prepare (store, "UPDATE tickets SET order_id = 'T-' || (id - ?) WHERE id = ?");
  sqlite3_bind_int64 (order, 1, DESK_TICKET_ID_BASE - DESK_TICKET_ORDER_BASE);
  sqlite3_bind_int64 (order, 2, id);
  desk_store_step_done (store, order, NULL);

  return id;
}

gint64
desk_insert_line (DeskStore         *store,
                  const DeskLineRow *row)
{
  sqlite3_stmt *stmt = desk_store_prepare (store,
    "INSERT INTO ticket_devices (ticket_id, device_id, imei, serial, security_code, status,"
    " task_type, due_on, price, line_discount, gst, assigned_to, taxclass_id, location,"
    " network, warranty, warranty_timeframe, staff_comments, public_comments, created_on,"
    " supplied, preconditions, postconditions)"
    " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");

  sqlite3_bind_int64 (stmt, 1, row->ticket_id);
  sqlite3_bind_int64 (stmt, 2, row->device_id);
  bind_text (stmt, 3, row->imei);
  bind_text (stmt, 4, row->serial);
  bind_text (stmt, 5, row->security_code);
  bind_text (stmt, 6, row->status);
  sqlite3_bind_int64 (stmt, 7, row->task_type);
  sqlite3_bind_int64 (stmt, 8, row->due_on);
  sqlite3_bind_int64 (stmt, 9, row->price);
  sqlite3_bind_int64 (stmt, 10, row->line_discount);
  sqlite3_bind_int64 (stmt, 11, row->gst);
  sqlite3_bind_int64 (stmt, 12, row->assigned_to);
  sqlite3_bind_int64 (stmt, 13, row->taxclass_id);
  bind_text (stmt, 14, row->location);
  bind_text (stmt, 15, row->network);
  bind_text (stmt, 16, row->warranty);
  sqlite3_bind_int64 (stmt, 17, row->warranty_timeframe);
  bind_text (stmt, 18, row->staff_comments);
  bind_text (stmt, 19, row->public_comments);
  sqlite3_bind_int64 (stmt, 20, row->created_on);
  bind_text (stmt, 21, row->supplied != NULL ? row->supplied : "[]");
  bind_text (stmt, 22, row->preconditions != NULL ? row->preconditions : "[]");
  bind_text (stmt, 23, row->postconditions != NULL ? row->postconditions : "[]");

  return finish (store, stmt);
}

void
desk_insert_item (DeskStore  *store,
                  gint64      line_id,
                  gint64      problem_id,
                  const char *name)
{
  sqlite3_stmt *stmt = desk_store_prepare (store,
    "INSERT INTO ticket_items (line_id, problem_id, name) VALUES (?,?,?)");

  sqlite3_bind_int64 (stmt, 1, line_id);
  sqlite3_bind_int64 (stmt, 2, problem_id);
  bind_text (stmt, 3, name);
  finish (store, stmt);
}

void
desk_insert_part (DeskStore         *store,
                  const DeskPartRow *row)
{
  sqlite3_stmt *stmt = desk_store_prepare (store,
    "INSERT INTO ticket_parts (line_id, product_id, name, sku, quantity, price, gst,"
    " taxclass_id, warranty, warranty_timeframe, supplier) VALUES (?,?,?,?,?,?,?,?,?,?,?)");

  sqlite3_bind_int64 (stmt, 1, row->line_id);
  sqlite3_bind_int64 (stmt, 2, row->product_id);
  bind_text (stmt, 3, row->name);
  bind_text (stmt, 4, row->sku);
  sqlite3_bind_int64 (stmt, 5, row->quantity);
  sqlite3_bind_int64 (stmt, 6, row->price);
  sqlite3_bind_int64 (stmt, 7, row->gst);
  sqlite3_bind_int64 (stmt, 8, row->taxclass_id);
  bind_text (stmt, 9, row->warranty);
  bind_text (stmt, 10, row->warranty_timeframe);
  bind_text (stmt, 11, row->supplier);
  finish (store, stmt);
}

void
desk_insert_history (DeskStore  *store,
                     gint64      ticket_id,
                     const char *description,
                     gint64      when)
{
  sqlite3_stmt *stmt = desk_store_prepare (store,
    "INSERT INTO ticket_history (ticket_id, description, creationdate) VALUES (?,?,?)");

  sqlite3_bind_int64 (stmt, 1, ticket_id);
  bind_text (stmt, 2, description);
  sqlite3_bind_int64 (stmt, 3, when);
  finish (store, stmt);
}

void
desk_insert_note (DeskStore  *store,
                  gint64      ticket_id,
                  const char *user,
                  const char *text,
                  gint64      when)
{
  sqlite3_stmt *stmt = desk_store_prepare (store,
    "INSERT INTO ticket_notes (ticket_id, title, type, user, text, created_on)"
    " VALUES (?, 'added an internal note', '0', ?, ?, ?)");

  sqlite3_bind_int64 (stmt, 1, ticket_id);
  bind_text (stmt, 2, user);
  bind_text (stmt, 3, text);
  sqlite3_bind_int64 (stmt, 4, when);
  finish (store, stmt);
}

gint64
desk_insert_invoice (DeskStore            *store,
                     const DeskInvoiceRow *row)
{
  sqlite3_stmt *stmt = desk_store_prepare (store,
    "INSERT INTO invoices (id, customer_id, ticket_id, created_date, due_on)"
    " VALUES (?,?,?,?,?)");
  sqlite3_stmt *order;
  gint64 id;

  bind_id (stmt, 1, row->id);
  sqlite3_bind_int64 (stmt, 2, row->customer_id);
  sqlite3_bind_int64 (stmt, 3, row->ticket_id);
  sqlite3_bind_int64 (stmt, 4, row->created_date);
  sqlite3_bind_int64 (stmt, 5, row->due_on);
  id = finish (store, stmt);

  order = desk_store_prepare (store, "UPDATE invoices SET order_id = CAST (id - ? AS TEXT) WHERE id = ?");
  sqlite3_bind_int64 (order, 1, DESK_INVOICE_ID_BASE - DESK_INVOICE_ORDER_BASE);
  sqlite3_bind_int64 (order, 2, id);
  desk_store_step_done (store, order, NULL);

  return id;
}

void
desk_insert_invoice_item (DeskStore         *store,
                          const DeskItemRow *row)
{
  sqlite3_stmt *stmt = desk_store_prepare (store,
    "INSERT INTO invoice_items (invoice_id, product_id, name, sku, quantity, description,"
    " price, gst, line_discount, notes, taxclass_id) VALUES (?,?,?,?,?,?,?,?,?,?,?)");

  sqlite3_bind_int64 (stmt, 1, row->invoice_id);
  sqlite3_bind_int64 (stmt, 2, row->product_id);
  bind_text (stmt, 3, row->name);
  bind_text (stmt, 4, row->sku);
  sqlite3_bind_int64 (stmt, 5, row->quantity);
  bind_text (stmt, 6, row->description);
  sqlite3_bind_int64 (stmt, 7, row->price);
  sqlite3_bind_int64 (stmt, 8, row->gst);
  sqlite3_bind_int64 (stmt, 9, row->line_discount);
  bind_text (stmt, 10, row->notes);
  sqlite3_bind_int64 (stmt, 11, row->taxclass_id);
  finish (store, stmt);
}

gint64
desk_insert_payment (DeskStore  *store,
                     gint64      invoice_id,
                     gint64      amount,
                     gint64      when,
                     const char *method,
                     const char *notes)
{
  sqlite3_stmt *stmt = desk_store_prepare (store,
    "INSERT INTO payments (invoice_id, amount, payment_date, method, notes) VALUES (?,?,?,?,?)");

  sqlite3_bind_int64 (stmt, 1, invoice_id);
  sqlite3_bind_int64 (stmt, 2, amount);
  sqlite3_bind_int64 (stmt, 3, when);
  bind_text (stmt, 4, method);
  bind_text (stmt, 5, notes);

  return finish (store, stmt);
}

/* The lines of a ticket become the items of its invoice: one item a device (its repairs
 * as the name, the IMEI or serial as the description) and one a part. */
void
desk_insert_items_from_ticket (DeskStore *store,
                               gint64     invoice_id,
                               gint64     ticket_id)
{
  sqlite3_stmt *stmt = desk_store_prepare (store,
    "INSERT INTO invoice_items (invoice_id, product_id, name, sku, quantity, description,"
    " price, gst, line_discount, notes, taxclass_id)"
    " SELECT ?1, 0, COALESCE ((SELECT group_concat (name, ', ') FROM ticket_items"
    "                          WHERE line_id = d.id), 'Repair'),"
    "  '', 1, CASE WHEN d.imei != '' THEN 'IMEI: ' || d.imei"
    "              WHEN d.serial != '' THEN 'Serial: ' || d.serial ELSE '' END,"
    "  d.price, d.gst, d.line_discount, '', d.taxclass_id FROM ticket_devices d"
    " WHERE d.ticket_id = ?2"
    " UNION ALL SELECT ?1, p.product_id, p.name, p.sku, p.quantity, '', p.price, p.gst, 0, '',"
    "  p.taxclass_id FROM ticket_parts p JOIN ticket_devices d ON p.line_id = d.id"
    " WHERE d.ticket_id = ?2");

  sqlite3_bind_int64 (stmt, 1, invoice_id);
  sqlite3_bind_int64 (stmt, 2, ticket_id);
  desk_store_step_done (store, stmt, NULL);
}
