/* desk-sandbox-tickets.c
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "desk-sandbox"

#include "config.h"

#include "desk-money.h"
#include "desk-sandbox-private.h"

/* Reading tickets: the paged list under data.ticketData and the detail, with the server's
 * quirks (string ids in lists, integers in details, "$" in summaries, "hostory",
 * "tittle", "suplied", the "year 0000" placeholder for unset dates). */

#define DEFAULT_PAGE_SIZE 25

#define TICKET_FILTER \
  " FROM tickets t WHERE t.created_date BETWEEN ?1 AND ?2" \
  " AND (?3 IS NULL OR t.order_id LIKE ?3 ESCAPE '\\'" \
  "      OR EXISTS (SELECT 1 FROM customers c WHERE c.id = t.customer_id" \
  "                 AND (c.first_name || ' ' || c.last_name LIKE ?3 ESCAPE '\\'" \
  "                      OR c.mobile LIKE ?3 ESCAPE '\\' OR c.phone LIKE ?3 ESCAPE '\\'))" \
  "      OR EXISTS (SELECT 1 FROM ticket_devices d LEFT JOIN devices m ON m.id = d.device_id" \
  "                 WHERE d.ticket_id = t.id AND (d.imei LIKE ?3 ESCAPE '\\'" \
  "                 OR d.serial LIKE ?3 ESCAPE '\\' OR m.name LIKE ?3 ESCAPE '\\')))" \
  " AND (?4 IS NULL OR EXISTS (SELECT 1 FROM ticket_devices d WHERE d.ticket_id = t.id" \
  "                            AND d.status = ?4 COLLATE NOCASE))" \
  " AND (?5 IS NULL OR EXISTS (SELECT 1 FROM ticket_devices d WHERE d.ticket_id = t.id" \
  "                            AND d.assigned_to = ?5))" \
  " AND (?6 IS NULL OR t.created_by = ?6)"

#define TICKET_COLUMNS \
  "SELECT id, order_id, customer_id, created_by, created_date, repair_collected, how_found," \
  " signature, invoice_id, subtotal, discount, tax, total FROM tickets WHERE id = ?"

#define LINE_COLUMNS \
  "SELECT d.id, d.device_id, COALESCE (m.name, ''), d.imei, d.serial, d.security_code," \
  " d.status, d.task_type, COALESCE (tt.name, ''), d.due_on, d.price, d.line_discount, d.gst," \
  " d.assigned_to, d.taxclass_id, d.location, d.network, d.warranty, d.warranty_timeframe," \
  " d.created_on, d.supplied, d.preconditions, d.postconditions," \
  " (SELECT COALESCE (SUM (price * quantity + gst), 0) FROM ticket_parts WHERE line_id = d.id)" \
  " FROM ticket_devices d LEFT JOIN devices m ON m.id = d.device_id" \
  " LEFT JOIN tasktypes tt ON tt.id = d.task_type WHERE d.ticket_id = ? ORDER BY d.id"

enum { L_ID, L_DEVICE, L_DEVICE_NAME, L_IMEI, L_SERIAL, L_CODE, L_STATUS, L_TASK, L_TASK_NAME,
       L_DUE, L_PRICE, L_DISCOUNT, L_GST, L_ASSIGNED, L_TAXCLASS, L_LOCATION, L_NETWORK,
       L_WARRANTY, L_TIMEFRAME, L_CREATED, L_SUPPLIED, L_PRE, L_POST, L_PARTS };

enum { T_ID, T_ORDER, T_CUSTOMER, T_CREATED_BY, T_CREATED, T_COLLECTED, T_FOUND, T_SIGNATURE,
       T_INVOICE, T_SUBTOTAL, T_DISCOUNT, T_TAX, T_TOTAL };

/* {"id": ..., "fullname": ...}: a string id in lists, an integer in details. */
static void
employee_object (DeskStore  *store,
                 gint64      id,
                 gboolean    detail,
                 JsonObject *into)
{
  g_autofree char *name = desk_employee_name (store, id);

  if (detail)
    jset_int (into, "id", id);
  else
    {
      g_autofree char *text = g_strdup_printf ("%" G_GINT64_FORMAT, id);

      jset_str (into, "id", text);
    }
  jset_str (into, "fullname", name);
}

static void
name_object (JsonObject *o,
             const char *key,
             const char *name)
{
  jset_str (jset_object (o, key), "name", name);
}

static void
json_text_array (JsonObject *o,
                 const char *key,
                 const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  JsonNode *root;

  if (json_parser_load_from_data (parser, text, -1, NULL) &&
      (root = json_parser_get_root (parser)) != NULL && JSON_NODE_HOLDS_ARRAY (root))
    json_object_set_member (o, key, json_node_copy (root));
  else
    jset_array (o, key);
}

static void
repair_item (DeskStore    *store,
            sqlite3_stmt *stmt,
            JsonObject   *item)
{
  jset_str (item, "name", desk_store_text (stmt, 1));
  jset_id (item, "id", sqlite3_column_int64 (stmt, 0));
}

static void
repair_items (DeskStore  *store,
              gint64      line_id,
              JsonObject *into)
{
  desk_store_rows_to_array (store,
    "SELECT problem_id, name FROM ticket_items WHERE line_id = ?"
    " ORDER BY id",
    line_id, jset_array (into, "repairProdItems"), repair_item);
}

static void
line_part (DeskStore    *store,
          sqlite3_stmt *stmt,
          JsonObject   *part)
{
  g_autofree char *quantity = g_strdup_printf ("%" G_GINT64_FORMAT,
                                               (gint64) sqlite3_column_int64 (stmt, 4));

  jset_id (part, "id", sqlite3_column_int64 (stmt, 0));
  jset_id (part, "product_id", sqlite3_column_int64 (stmt, 1));
  jset_str (part, "name", desk_store_text (stmt, 2));
  jset_str (part, "sku", desk_store_text (stmt, 3));
  jset_str (part, "quantity", quantity);
  jset_money (part, "price", sqlite3_column_int64 (stmt, 5));
  jset_money (part, "gst", sqlite3_column_int64 (stmt, 6));
  jset_id (part, "taxclass", sqlite3_column_int64 (stmt, 7));
  jset_str (part, "warrenty", desk_store_text (stmt, 8));
  jset_str (part, "warranty_timeframe", desk_store_text (stmt, 9));
  jset_str (part, "supplier", desk_store_text (stmt, 10));
}

static void
line_parts (DeskStore  *store,
            gint64      line_id,
            JsonObject *into)
{
  desk_store_rows_to_array (store,
    "SELECT id, product_id, name, sku, quantity, price, gst, taxclass_id, warranty,"
    " warranty_timeframe, supplier FROM ticket_parts WHERE line_id = ? ORDER BY id",
    line_id, jset_array (into, "parts"), line_part);
}

static gint64
line_total (sqlite3_stmt *stmt)
{
  return desk_money_line_total (sqlite3_column_int64 (stmt, L_PRICE), 1,
                                sqlite3_column_int64 (stmt, L_DISCOUNT)) +
         sqlite3_column_int64 (stmt, L_GST) + sqlite3_column_int64 (stmt, L_PARTS);
}

static void
device_object (JsonObject   *o,
               sqlite3_stmt *stmt)
{
  JsonObject *device = jset_object (o, "device");

  jset_id (device, "id", sqlite3_column_int64 (stmt, L_DEVICE));
  jset_str (device, "name", desk_store_text (stmt, L_DEVICE_NAME));
}

static void
list_line (DeskStore    *store,
           sqlite3_stmt *stmt,
           JsonObject   *o)
{
  g_autofree char *task = g_strdup_printf ("%d", sqlite3_column_int (stmt, L_TASK));

  repair_items (store, sqlite3_column_int64 (stmt, L_ID), o);
  name_object (o, "status", desk_store_text (stmt, L_STATUS));
  jset_id (o, "id", sqlite3_column_int64 (stmt, L_ID));
  jset_money (o, "price", sqlite3_column_int64 (stmt, L_PRICE));
  jset_money (o, "gst", sqlite3_column_int64 (stmt, L_GST));
  jset_money (o, "line_discount", sqlite3_column_int64 (stmt, L_DISCOUNT));
  jset_str (o, "task_type", task);
  jset_symbol (o, "total", line_total (stmt));
  device_object (o, stmt);
  employee_object (store, sqlite3_column_int64 (stmt, L_ASSIGNED), FALSE,
                   jset_object (o, "assigned_to"));
  jset_str (o, "imei", desk_store_text (stmt, L_IMEI));
  jset_str (o, "serial", desk_store_text (stmt, L_SERIAL));
  jset_int (o, "due_on", sqlite3_column_int64 (stmt, L_DUE));
}

static void
detail_line (DeskStore    *store,
             sqlite3_stmt *stmt,
             JsonObject   *o)
{
  gint64 taxclass = sqlite3_column_int64 (stmt, L_TAXCLASS);
  JsonObject *tax = NULL;
  JsonObject *task;
  g_autoptr(JsonObject) tax_class = json_object_new ();

  jset_id (o, "id", sqlite3_column_int64 (stmt, L_ID));
  jset_str (o, "imei", desk_store_text (stmt, L_IMEI));
  device_object (o, stmt);
  jset_str (o, "warranty", desk_store_text (stmt, L_WARRANTY));
  jset_int (o, "warranty_timeframe", sqlite3_column_int64 (stmt, L_TIMEFRAME));
  jset_str (o, "security_code", desk_store_text (stmt, L_CODE));
  name_object (o, "status", desk_store_text (stmt, L_STATUS));
  jset_int (o, "due_on", sqlite3_column_int64 (stmt, L_DUE));
  jset_money (o, "price", sqlite3_column_int64 (stmt, L_PRICE));
  jset_money (o, "line_discount", sqlite3_column_int64 (stmt, L_DISCOUNT));
  jset_money (o, "gst", sqlite3_column_int64 (stmt, L_GST));
  jset_int (o, "tax_inclusive", 0);
  jset_symbol (o, "symbol_price", sqlite3_column_int64 (stmt, L_PRICE));
  jset_symbol (o, "symbol_gst", sqlite3_column_int64 (stmt, L_GST));
  jset_symbol (o, "symbol_line_discount", sqlite3_column_int64 (stmt, L_DISCOUNT));
  jset_symbol (o, "total", line_total (stmt));
  employee_object (store, sqlite3_column_int64 (stmt, L_ASSIGNED), TRUE,
                   jset_object (o, "assigned_to"));
  jset_int (o, "created_on", sqlite3_column_int64 (stmt, L_CREATED));

  desk_tax_class_object (store, taxclass, TRUE, tax_class);
  tax = jset_object (o, "taxclass");
  jset_int (tax, "id", json_object_get_int_member (tax_class, "id"));
  jset_str (tax, "name", json_object_get_string_member (tax_class, "tax_class"));
  jset_str (tax, "tax_percent", json_object_get_string_member (tax_class, "tax_percent"));

  name_object (o, "device_location", desk_store_text (stmt, L_LOCATION));
  jset_str (o, "serial", desk_store_text (stmt, L_SERIAL));
  task = jset_object (o, "task_type");
  jset_int (task, "id", sqlite3_column_int64 (stmt, L_TASK));
  jset_str (task, "name", desk_store_text (stmt, L_TASK_NAME));
  json_text_array (o, "suplied", desk_store_text (stmt, L_SUPPLIED));
  repair_items (store, sqlite3_column_int64 (stmt, L_ID), o);
  name_object (o, "network", desk_store_text (stmt, L_NETWORK));
  json_text_array (o, "PreConditions", desk_store_text (stmt, L_PRE));
  json_text_array (o, "PostConditions", desk_store_text (stmt, L_POST));
  jset_array (o, "PreConditions_images");
  jset_array (o, "PostConditions_images");
  line_parts (store, sqlite3_column_int64 (stmt, L_ID), o);
}

static JsonArray *
ticket_lines (DeskStore *store,
              gint64     ticket_id,
              gboolean   detail)
{
  sqlite3_stmt *stmt = desk_store_prepare (store, LINE_COLUMNS);
  JsonArray *a = json_array_new ();

  sqlite3_bind_int64 (stmt, 1, ticket_id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      if (detail)
        detail_line (store, stmt, jadd_object (a));
      else
        list_line (store, stmt, jadd_object (a));
    }
  sqlite3_reset (stmt);

  return a;
}

/* In lists: {"id": "212352", "amount_due": 0, "amount_paid": "77.40"}; a ticket without
 * an invoice has {"id": "", "amount_due": "0.00", "amount_paid": ""}. The integer 0 for a
 * settled invoice is the live server's. */
static void
list_invoice (DeskStore  *store,
              gint64      invoice_id,
              JsonObject *into)
{
  sqlite3_stmt *stmt = desk_store_prepare (store, "SELECT total, paid FROM invoices WHERE id = ?");

  sqlite3_bind_int64 (stmt, 1, invoice_id);
  if (invoice_id > 0 && sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 due = sqlite3_column_int64 (stmt, 0) - sqlite3_column_int64 (stmt, 1);

      jset_id (into, "id", invoice_id);
      if (due == 0)
        jset_int (into, "amount_due", 0);
      else
        jset_money (into, "amount_due", due);
      jset_money (into, "amount_paid", sqlite3_column_int64 (stmt, 1));
    }
  else
    {
      jset_str (into, "id", "");
      jset_str (into, "amount_due", "0.00");
      jset_str (into, "amount_paid", "");
    }
  sqlite3_reset (stmt);
}

static void
list_summary (DeskStore    *store,
              sqlite3_stmt *t,
              JsonObject   *o)
{
  gint64 created_by = sqlite3_column_int64 (t, T_CREATED_BY);

  jset_id (o, "id", sqlite3_column_int64 (t, T_ID));
  jset_str (o, "order_id", desk_store_text (t, T_ORDER));
  jset_id (o, "admin_id", created_by);
  employee_object (store, created_by, FALSE, jset_object (o, "created_by"));
  jset_symbol (o, "total", sqlite3_column_int64 (t, T_TOTAL));
  jset_str (o, "how_did_u_find_us", desk_store_text (t, T_FOUND));
  jset_int (o, "created_date", sqlite3_column_int64 (t, T_CREATED));
  jset_int (o, "repair_collected", sqlite3_column_int64 (t, T_COLLECTED));
  desk_customer_summary (store, sqlite3_column_int64 (t, T_CUSTOMER), FALSE,
                         jset_object (o, "customer"));
  list_invoice (store, sqlite3_column_int64 (t, T_INVOICE), jset_object (o, "invoice"));
}

static void
detail_summary (DeskStore    *store,
                sqlite3_stmt *t,
                JsonObject   *o)
{
  const char *signature = (const char *) sqlite3_column_text (t, T_SIGNATURE);
  gint64 invoice_id = sqlite3_column_int64 (t, T_INVOICE);
  JsonObject *sig, *invoice;

  jset_int (o, "id", sqlite3_column_int64 (t, T_ID));
  jset_str (o, "order_id", desk_store_text (t, T_ORDER));
  jset_symbol (o, "subtotal", sqlite3_column_int64 (t, T_SUBTOTAL));
  jset_symbol (o, "discount", sqlite3_column_int64 (t, T_DISCOUNT));
  jset_symbol (o, "total_tax", sqlite3_column_int64 (t, T_TAX));
  jset_symbol (o, "total", sqlite3_column_int64 (t, T_TOTAL));
  jset_int (o, "created_date", sqlite3_column_int64 (t, T_CREATED));
  /* The server's placeholder for "not collected" is the year 0000, except for walk-in
   * customers, whose tickets say false. */
  if (sqlite3_column_int64 (t, T_CUSTOMER) == 0 && sqlite3_column_int64 (t, T_COLLECTED) <= 0)
    jset_bool (o, "repair_collected", FALSE);
  else
    jset_int (o, "repair_collected", sqlite3_column_int64 (t, T_COLLECTED));
  sig = jset_object (o, "signature");
  jset_bool (sig, "signature", signature != NULL && *signature != '\0');
  jset_str (sig, "data", signature);
  invoice = jset_object (o, "invoice");
  jset_bool (invoice, "isInvoice", invoice_id > 0);
  if (invoice_id > 0)
    jset_int (invoice, "id", invoice_id);
  desk_customer_summary (store, sqlite3_column_int64 (t, T_CUSTOMER), TRUE,
                         jset_object (o, "customer"));
  employee_object (store, sqlite3_column_int64 (t, T_CREATED_BY), TRUE,
                   jset_object (o, "created_by"));
}

/* One ticket as {summary, devices}, with the history and notes in the detail. */
static JsonObject *
ticket_object (DeskStore *store,
               gint64     id,
               gboolean   detail)
{
  sqlite3_stmt *t = desk_store_prepare (store, TICKET_COLUMNS);
  JsonObject *o;

  sqlite3_bind_int64 (t, 1, id);
  if (sqlite3_step (t) != SQLITE_ROW)
    {
      sqlite3_reset (t);
      return NULL;
    }

  o = json_object_new ();
  if (detail)
    detail_summary (store, t, jset_object (o, "summary"));
  else
    list_summary (store, t, jset_object (o, "summary"));
  sqlite3_reset (t);
  json_object_set_array_member (o, "devices", ticket_lines (store, id, detail));

  return o;
}

static void
history_entry (DeskStore    *store,
               sqlite3_stmt *stmt,
               JsonObject   *entry)
{
  jset_str (entry, "description", desk_store_text (stmt, 0));
  jset_int (entry, "creationdate", sqlite3_column_int64 (stmt, 1));
}

static void
note_entry (DeskStore    *store,
            sqlite3_stmt *stmt,
            JsonObject   *note)
{
  jset_str (note, "tittle", desk_store_text (stmt, 0));
  jset_str (note, "type", desk_store_text (stmt, 1));
  jset_str (note, "user", desk_store_text (stmt, 2));
  jset_str (note, "msg_text", desk_store_text (stmt, 3));
  jset_str (note, "image", "");
  jset_int (note, "created_on", sqlite3_column_int64 (stmt, 4));
}

static void
history_and_notes (DeskStore  *store,
                   gint64      id,
                   JsonObject *o)
{
  desk_store_rows_to_array (store,
    "SELECT description, creationdate FROM ticket_history"
    " WHERE ticket_id = ? ORDER BY creationdate DESC, id DESC",
    id, jset_array (o, "hostory"), history_entry);
  desk_store_rows_to_array (store,
    "SELECT title, type, user, text, created_on FROM ticket_notes"
    " WHERE ticket_id = ? ORDER BY created_on DESC, id DESC",
    id, jset_array (o, "notes"), note_entry);
  jset_array (o, "unlocks");
  jset_array (o, "accessory");
}

gboolean
desk_ticket_show (DeskRequest  *req,
                  gint64        id,
                  GError      **error)
{
  JsonObject *o = ticket_object (req->store, id, TRUE);

  if (o == NULL)
    {
      g_set_error (error, DESK_SANDBOX_ERROR, DESK_SANDBOX_ERROR_NOT_FOUND,
                   "Ticket %" G_GINT64_FORMAT " does not exist.", id);
      return FALSE;
    }

  history_and_notes (req->store, id, o);
  req->data = json_node_init_object (json_node_alloc (), o);
  json_object_unref (o);

  return TRUE;
}

gboolean
desk_route_tickets_show (DeskRequest  *req,
                         GError      **error)
{
  return desk_ticket_show (req, req->ids[0], error);
}

static JsonObject *
list_record (DeskStore *store,
             gint64     id)
{
  return ticket_object (store, id, FALSE);
}

/* A status given by id is looked up by name. */
static char *
status_filter (DeskRequest *req)
{
  const char *status = query_str (req, "status");
  sqlite3_stmt *stmt;
  guint64 id;
  char *name = NULL;

  if (status == NULL || !g_ascii_string_to_unsigned (status, 10, 1, G_MAXINT64, &id, NULL))
    return g_strdup (status);

  stmt = desk_store_prepare (req->store, "SELECT name FROM statuses WHERE id = ?");
  sqlite3_bind_int64 (stmt, 1, (gint64) id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    name = g_strdup (desk_store_text (stmt, 0));
  sqlite3_reset (stmt);

  return name != NULL ? name : g_strdup (status);
}

static void
bind_ticket_filter (DeskRequest  *req,
                    sqlite3_stmt *stmt,
                    const char   *like,
                    const char   *status)
{
  bind_list_filter (req, stmt, like, status);
  if (query_int (req, "assigned_to", 0) > 0)
    sqlite3_bind_int64 (stmt, 5, query_int (req, "assigned_to", 0));
  if (query_int (req, "created_by", 0) > 0)
    sqlite3_bind_int64 (stmt, 6, query_int (req, "created_by", 0));
}

gboolean
desk_route_tickets_index (DeskRequest  *req,
                          GError      **error)
{
  sqlite3_stmt *count;
  sqlite3_stmt *stmt = desk_store_prepare (req->store, "SELECT t.id" TICKET_FILTER
                                           " ORDER BY t.created_date DESC, t.id DESC"
                                           " LIMIT ?7 OFFSET ?8");
  const char *keyword = query_str (req, "keyword");
  g_autofree char *like = keyword != NULL ? like_pattern (keyword) : NULL;
  g_autofree char *status = status_filter (req);

  /* Counting only by date reads the date index alone: much faster on a big store. */
  if (like == NULL && status == NULL && query_int (req, "assigned_to", 0) <= 0 &&
      query_int (req, "created_by", 0) <= 0)
    count = desk_store_prepare (req->store, "SELECT COUNT (*) FROM tickets"
                                " WHERE created_date BETWEEN ?1 AND ?2");
  else
    count = desk_store_prepare (req->store, "SELECT COUNT (*)" TICKET_FILTER);

  bind_ticket_filter (req, count, like, status);
  bind_ticket_filter (req, stmt, like, status);

  return desk_paged_reply (req, count, stmt, 7, DEFAULT_PAGE_SIZE, "ticketData", list_record,
                           error);
}
