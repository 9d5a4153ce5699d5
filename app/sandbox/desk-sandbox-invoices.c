/* desk-sandbox-invoices.c
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "desk-sandbox"

#include "config.h"

#include <string.h>

#include "desk-money.h"
#include "desk-sandbox-private.h"

/* Invoices: the paged list under data.invoiceData, the detail with its payments, creating
 * and updating, the amount due, payment methods and payments. A payment moves the invoice
 * between Unpaid, Partial, Paid and OverPaid (a negative one marks it Refund). */

#define DEFAULT_PAGE_SIZE 50

#define INVOICE_FILTER \
  " FROM invoices i WHERE i.created_date BETWEEN ?1 AND ?2" \
  " AND (?3 IS NULL OR i.order_id LIKE ?3 ESCAPE '\\'" \
  "      OR EXISTS (SELECT 1 FROM customers c WHERE c.id = i.customer_id" \
  "                 AND (c.first_name || ' ' || c.last_name LIKE ?3 ESCAPE '\\'" \
  "                      OR c.mobile LIKE ?3 ESCAPE '\\' OR c.phone LIKE ?3 ESCAPE '\\'))" \
  "      OR EXISTS (SELECT 1 FROM invoice_items it WHERE it.invoice_id = i.id" \
  "                 AND it.name LIKE ?3 ESCAPE '\\'))" \
  " AND (?4 IS NULL OR i.status = ?4 COLLATE NOCASE)"

#define INVOICE_COLUMNS \
  "SELECT id, order_id, customer_id, ticket_id, created_date, due_on, subtotal, discount," \
  " tax, total, paid, status FROM invoices WHERE id = ?"

enum { I_ID, I_ORDER, I_CUSTOMER, I_TICKET, I_CREATED, I_DUE_ON, I_SUBTOTAL, I_DISCOUNT,
       I_TAX, I_TOTAL, I_PAID, I_STATUS };

/* --- Reading ------------------------------------------------------------------------------ */

static void
list_ticket (DeskStore  *store,
             gint64      ticket_id,
             JsonObject *into)
{
  sqlite3_stmt *stmt = desk_store_prepare (store, "SELECT order_id FROM tickets WHERE id = ?");
  gboolean found;

  sqlite3_bind_int64 (stmt, 1, ticket_id);
  found = ticket_id > 0 && sqlite3_step (stmt) == SQLITE_ROW;
  jset_bool (into, "hasTicket", found);
  jset_id (into, "id", found ? ticket_id : 0);
  jset_str (into, "order_id", found ? desk_store_text (stmt, 0) : "");
  sqlite3_reset (stmt);
}

static void
line_item_name (DeskStore    *store,
                sqlite3_stmt *stmt,
                JsonObject   *item)
{
  jset_str (item, "name", desk_store_text (stmt, 0));
}

static void
line_item_names (DeskStore  *store,
                 gint64      invoice_id,
                 JsonObject *into)
{
  desk_store_rows_to_array (store,
    "SELECT name FROM invoice_items WHERE invoice_id = ? ORDER BY id",
    invoice_id, jset_array (into, "line_items"), line_item_name);
}

static JsonObject *
list_entry (DeskStore *store,
            gint64     id)
{
  sqlite3_stmt *stmt = desk_store_prepare (store, INVOICE_COLUMNS);
  JsonObject *o, *summary;

  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      sqlite3_reset (stmt);
      return NULL;
    }

  o = json_object_new ();
  summary = jset_object (o, "summary");
  jset_id (summary, "id", id);
  jset_str (summary, "order_id", desk_store_text (stmt, I_ORDER));
  jset_symbol (summary, "discount", sqlite3_column_int64 (stmt, I_DISCOUNT));
  jset_symbol (summary, "total", sqlite3_column_int64 (stmt, I_TOTAL));
  jset_symbol (summary, "total_tax", sqlite3_column_int64 (stmt, I_TAX));
  jset_int (summary, "created_date", sqlite3_column_int64 (stmt, I_CREATED));
  jset_symbol (summary, "amount_paid", sqlite3_column_int64 (stmt, I_PAID));
  jset_symbol (summary, "sub_total", sqlite3_column_int64 (stmt, I_SUBTOTAL));
  desk_customer_summary (store, sqlite3_column_int64 (stmt, I_CUSTOMER), FALSE,
                         jset_object (summary, "customer"));
  list_ticket (store, sqlite3_column_int64 (stmt, I_TICKET), jset_object (summary, "ticket"));
  jset_symbol (summary, "amount_due",
               sqlite3_column_int64 (stmt, I_TOTAL) - sqlite3_column_int64 (stmt, I_PAID));
  jset_str (summary, "status", desk_store_text (stmt, I_STATUS));
  sqlite3_reset (stmt);
  line_item_names (store, id, o);

  return o;
}

/* paid / unpaid / refunded / partial as the query names them, or a status as written. */
static const char *
status_filter (DeskRequest *req)
{
  const char *status = query_str (req, "status");

  if (status == NULL)
    return NULL;
  if (g_ascii_strcasecmp (status, "refunded") == 0)
    return "Refund";

  return status;
}

static void
bind_invoice_filter (DeskRequest  *req,
                     sqlite3_stmt *stmt,
                     const char   *like)
{
  bind_list_filter (req, stmt, like, status_filter (req));
}

gboolean
desk_route_invoices_index (DeskRequest  *req,
                           GError      **error)
{
  sqlite3_stmt *count = desk_store_prepare (req->store, "SELECT COUNT (*)" INVOICE_FILTER);
  sqlite3_stmt *stmt = desk_store_prepare (req->store, "SELECT i.id" INVOICE_FILTER
                                           " ORDER BY i.created_date DESC, i.id DESC"
                                           " LIMIT ?5 OFFSET ?6");
  const char *keyword = query_str (req, "keyword");
  g_autofree char *like = keyword != NULL ? like_pattern (keyword) : NULL;

  bind_invoice_filter (req, count, like);
  bind_invoice_filter (req, stmt, like);

  return desk_paged_reply (req, count, stmt, 5, DEFAULT_PAGE_SIZE, "invoiceData", list_entry,
                           error);
}

static void
payment (DeskStore    *store,
        sqlite3_stmt *stmt,
        JsonObject   *p)
{
  jset_int (p, "id", sqlite3_column_int64 (stmt, 0));
  jset_money (p, "amount", sqlite3_column_int64 (stmt, 1));
  jset_symbol (p, "symbol_amount", sqlite3_column_int64 (stmt, 1));
  jset_int (p, "payment_date", sqlite3_column_int64 (stmt, 2));
  jset_str (p, "method", desk_store_text (stmt, 3));
  jset_str (p, "notes", desk_store_text (stmt, 4));
}

static void
payments (DeskStore  *store,
          gint64      invoice_id,
          JsonObject *into)
{
  desk_store_rows_to_array (store,
    "SELECT id, amount, payment_date, method, notes FROM payments WHERE invoice_id = ?"
    " ORDER BY payment_date, id",
    invoice_id, jset_array (into, "payments"), payment);
}

static void
detail_item (DeskStore    *store,
            sqlite3_stmt *stmt,
            JsonObject   *item)
{
  gint64 quantity = sqlite3_column_int64 (stmt, 4);
  gint64 price = sqlite3_column_int64 (stmt, 6);
  gint64 gst = sqlite3_column_int64 (stmt, 7);
  gint64 discount = sqlite3_column_int64 (stmt, 8);

  jset_int (item, "id", sqlite3_column_int64 (stmt, 0));
  jset_str (item, "name", desk_store_text (stmt, 1));
  jset_str (item, "sku", desk_store_text (stmt, 2));
  jset_int (item, "crossId", sqlite3_column_int64 (stmt, 3));
  jset_int (item, "quantity", quantity);
  jset_str (item, "description", desk_store_text (stmt, 5));
  jset_money (item, "price", price);
  jset_money (item, "gst", gst);
  jset_money (item, "line_discount", discount);
  jset_symbol (item, "symbol_total", desk_money_line_total (price, quantity, discount) + gst);
  jset_str (item, "notes", desk_store_text (stmt, 9));
  jset_str (item, "item_serials", "");
  desk_tax_class_object (store, sqlite3_column_int64 (stmt, 10), TRUE,
                         jset_object (item, "tax_class"));
}

static void
detail_items (DeskStore  *store,
              gint64      invoice_id,
              JsonObject *into)
{
  desk_store_rows_to_array (store,
    "SELECT id, name, sku, product_id, quantity, description, price, gst, line_discount,"
    " notes, taxclass_id FROM invoice_items WHERE invoice_id = ? ORDER BY id",
    invoice_id, jset_array (into, "items"), detail_item);
}

static void
detail_summary (DeskStore    *store,
                sqlite3_stmt *stmt,
                JsonObject   *s)
{
  gint64 id = sqlite3_column_int64 (stmt, I_ID);
  gint64 ticket_id = sqlite3_column_int64 (stmt, I_TICKET);
  JsonObject *ticket, *signature;

  jset_int (s, "id", id);
  jset_str (s, "order_id", desk_store_text (stmt, I_ORDER));
  jset_symbol (s, "subtotal", sqlite3_column_int64 (stmt, I_SUBTOTAL));
  jset_symbol (s, "discount", sqlite3_column_int64 (stmt, I_DISCOUNT));
  jset_symbol (s, "total_tax", sqlite3_column_int64 (stmt, I_TAX));
  jset_symbol (s, "total", sqlite3_column_int64 (stmt, I_TOTAL));
  jset_int (s, "created_date", sqlite3_column_int64 (stmt, I_CREATED));
  jset_int (s, "due_on", sqlite3_column_int64 (stmt, I_DUE_ON));
  ticket = jset_object (s, "ticket");
  jset_bool (ticket, "isTicket", ticket_id > 0);
  if (ticket_id > 0)
    jset_int (ticket, "id", ticket_id);
  signature = jset_object (s, "signature");
  jset_bool (signature, "signature", FALSE);
  jset_str (signature, "data", "");
  payments (store, id, s);
  jset_money (s, "amount_paid", sqlite3_column_int64 (stmt, I_PAID));
  jset_money (s, "amount_due",
              sqlite3_column_int64 (stmt, I_TOTAL) - sqlite3_column_int64 (stmt, I_PAID));
  desk_customer_summary (store, sqlite3_column_int64 (stmt, I_CUSTOMER), TRUE,
                         jset_object (s, "customer"));
}

gboolean
desk_invoice_show (DeskRequest  *req,
                   gint64        id,
                   GError      **error)
{
  sqlite3_stmt *stmt = desk_store_prepare (req->store, INVOICE_COLUMNS);
  g_autoptr(JsonObject) o = NULL;

  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      sqlite3_reset (stmt);
      return desk_sandbox_fail (error, DESK_SANDBOX_ERROR_NOT_FOUND,
                                "Invoice %" G_GINT64_FORMAT " does not exist.", id);
    }

  o = json_object_new ();
  detail_summary (req->store, stmt, jset_object (o, "summary"));
  sqlite3_reset (stmt);
  detail_items (req->store, id, o);
  req->data = json_node_init_object (json_node_alloc (), o);

  return TRUE;
}

gboolean
desk_route_invoices_show (DeskRequest  *req,
                          GError      **error)
{
  return desk_invoice_show (req, req->ids[0], error);
}

/* --- Writing ------------------------------------------------------------------------------ */

typedef struct
{
  DeskItemRow  row;
  GPtrArray   *strings;
} ItemInput;

static gboolean
product_defaults (DeskRequest  *req,
                  ItemInput    *in,
                  GError      **error)
{
  sqlite3_stmt *stmt = desk_store_prepare (req->store,
    "SELECT name, sku, price, taxclass_id FROM products WHERE id = ?");
  gboolean found;

  sqlite3_bind_int64 (stmt, 1, in->row.product_id);
  found = sqlite3_step (stmt) == SQLITE_ROW;
  if (found)
    {
      char *name = g_strdup (desk_store_text (stmt, 0));
      char *sku = g_strdup (desk_store_text (stmt, 1));

      g_ptr_array_add (in->strings, name);
      g_ptr_array_add (in->strings, sku);
      in->row.name = name;
      in->row.sku = sku;
      in->row.price = sqlite3_column_int64 (stmt, 2);
      in->row.taxclass_id = sqlite3_column_int64 (stmt, 3);
    }
  sqlite3_reset (stmt);

  if (!found)
    return desk_sandbox_fail (error, DESK_SANDBOX_ERROR_INVALID,
                              "product %" G_GINT64_FORMAT " does not exist.", in->row.product_id);

  return TRUE;
}

static gboolean
read_item (DeskRequest  *req,
           JsonObject   *o,
           ItemInput    *in,
           GError      **error)
{
  DeskItemRow *row = &in->row;
  gint64 rate = 0;

  row->quantity = 1;
  if (!body_id (o, "product_id", FALSE, &row->product_id, error) ||
      (row->product_id > 0 && !product_defaults (req, in, error)))
    return FALSE;

  if (!body_text (o, "name", in->strings, &row->name, error) ||
      !body_text (o, "sku", in->strings, &row->sku, error) ||
      !body_text (o, "description", in->strings, &row->description, error) ||
      !body_text (o, "notes", in->strings, &row->notes, error) ||
      (json_object_has_member (o, "quantity") &&
       !body_id (o, "quantity", FALSE, &row->quantity, error)) ||
      !body_money (o, "price", &row->price, error) ||
      !body_money (o, "line_discount", &row->line_discount, error) ||
      (json_object_has_member (o, "taxclass") &&
       !body_id (o, "taxclass", FALSE, &row->taxclass_id, error)))
    return FALSE;

  if (row->name == NULL || *row->name == '\0')
    return desk_sandbox_fail (error, DESK_SANDBOX_ERROR_INVALID,
                              "items need a product_id or a name.");
  if (row->quantity < 1 || row->quantity > 10000 || row->price < 0 || row->line_discount < 0 ||
      row->line_discount > row->price * row->quantity)
    return desk_sandbox_fail (error, DESK_SANDBOX_ERROR_INVALID,
                              "items quantity, price or line_discount is out of range.");
  if (row->taxclass_id > 0 && !desk_lookup_taxclass (req->store, row->taxclass_id, &rate, error))
    return FALSE;

  row->gst = desk_money_tax (desk_money_line_total (row->price, row->quantity,
                                                    row->line_discount), rate);

  return TRUE;
}

/* Reads and writes all items, replacing those the invoice had. */
static gboolean
write_items (DeskRequest  *req,
             gint64        invoice_id,
             JsonArray    *items,
             GError      **error)
{
  sqlite3_stmt *stmt = desk_store_prepare (req->store,
                                           "DELETE FROM invoice_items WHERE invoice_id = ?");

  sqlite3_bind_int64 (stmt, 1, invoice_id);
  desk_store_step_done (req->store, stmt, NULL);

  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      JsonObject *o = body_array_object (items, i, "items", error);
      g_autoptr(GPtrArray) strings = g_ptr_array_new_with_free_func (g_free);
      ItemInput in = { { 0, }, strings };

      if (o == NULL || !read_item (req, o, &in, error))
        return FALSE;
      in.row.invoice_id = invoice_id;
      desk_insert_invoice_item (req->store, &in.row);
    }

  return desk_invoice_recompute (req->store, invoice_id, error);
}

static gboolean
read_summary (DeskRequest     *req,
              JsonObject      *summary,
              gboolean         creating,
              DeskInvoiceRow  *row,
              GError         **error)
{
  gboolean has_customer = summary != NULL && json_object_has_member (summary, "customer_id");

  if (creating && !has_customer)
    return desk_sandbox_fail (error, DESK_SANDBOX_ERROR_INVALID, "customer_id cannot be blank.");
  if (has_customer && !body_id (summary, "customer_id", FALSE, &row->customer_id, error))
    return FALSE;
  if (has_customer && row->customer_id > 0 &&
      !desk_store_has_row (req->store, "SELECT 1 FROM customers WHERE id = ?", row->customer_id))
    return desk_sandbox_fail (error, DESK_SANDBOX_ERROR_INVALID,
                              "customer %" G_GINT64_FORMAT " does not exist.", row->customer_id);
  if (summary != NULL &&
      ((json_object_has_member (summary, "due_on") &&
        !body_id (summary, "due_on", FALSE, &row->due_on, error)) ||
       (json_object_has_member (summary, "created_date") &&
        !body_id (summary, "created_date", FALSE, &row->created_date, error))))
    return FALSE;

  return TRUE;
}

static void
write_reply (DeskRequest *req,
             gint64       id,
             const char  *message)
{
  sqlite3_stmt *stmt = desk_store_prepare (req->store,
    "SELECT order_id, customer_id, total FROM invoices WHERE id = ?");
  g_autoptr(JsonObject) o = json_object_new ();

  sqlite3_bind_int64 (stmt, 1, id);
  jset_int (o, "id", id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      jset_str (o, "order_id", desk_store_text (stmt, 0));
      jset_int (o, "customer_id", sqlite3_column_int64 (stmt, 1));
      jset_money (o, "total", sqlite3_column_int64 (stmt, 2));
    }
  sqlite3_reset (stmt);

  req->data = json_node_init_object (json_node_alloc (), o);
  req->message = g_strdup (message);
}

/* POST /invoices and POST /invoices/:id (the vendor's spelling) both create. */
gboolean
desk_route_invoices_create (DeskRequest  *req,
                            GError      **error)
{
  JsonObject *summary = body_object (req->body, "summary", error);
  JsonArray *items;
  DeskInvoiceRow row = { .created_date = req->now, .due_on = req->now };
  gint64 id;

  if ((summary == NULL && error != NULL && *error != NULL) ||
      !read_summary (req, summary, TRUE, &row, error))
    return FALSE;

  items = body_array (req->body, "items", error);
  if (items == NULL || json_array_get_length (items) == 0)
    return error != NULL && *error != NULL ? FALSE :
           desk_sandbox_fail (error, DESK_SANDBOX_ERROR_INVALID, "items cannot be blank.");

  id = desk_insert_invoice (req->store, &row);
  if (!write_items (req, id, items, error))
    return FALSE;

  write_reply (req, id, "Invoice was created successfully");

  return TRUE;
}

gboolean
desk_route_invoices_update (DeskRequest  *req,
                            GError      **error)
{
  JsonObject *summary = body_object (req->body, "summary", error);
  JsonArray *items;
  DeskInvoiceRow row = { .id = req->ids[0], .customer_id = -1, .due_on = -1, .created_date = -1 };
  sqlite3_stmt *stmt;

  if (!desk_store_exists (req->store, "SELECT 1 FROM invoices WHERE id = ?", req->ids[0],
                          "Invoice", error))
    return FALSE;
  if ((summary == NULL && error != NULL && *error != NULL) ||
      !read_summary (req, summary, FALSE, &row, error))
    return FALSE;
  items = body_array (req->body, "items", error);
  if (items == NULL && error != NULL && *error != NULL)
    return FALSE;

  stmt = desk_store_prepare (req->store,
    "UPDATE invoices SET customer_id = CASE WHEN ?1 >= 0 THEN ?1 ELSE customer_id END,"
    " due_on = CASE WHEN ?2 >= 0 THEN ?2 ELSE due_on END,"
    " created_date = CASE WHEN ?3 >= 0 THEN ?3 ELSE created_date END WHERE id = ?4");
  sqlite3_bind_int64 (stmt, 1, row.customer_id);
  sqlite3_bind_int64 (stmt, 2, row.due_on);
  sqlite3_bind_int64 (stmt, 3, row.created_date);
  sqlite3_bind_int64 (stmt, 4, row.id);
  if (!desk_store_step_done (req->store, stmt, error))
    return FALSE;

  if (items != NULL && !write_items (req, row.id, items, error))
    return FALSE;

  write_reply (req, row.id, "Invoice was Updated successfully");

  return TRUE;
}

static void
due_object (DeskRequest *req,
            gint64       id,
            gint64       payment_id)
{
  sqlite3_stmt *stmt = desk_store_prepare (req->store,
    "SELECT order_id, total, paid, status FROM invoices WHERE id = ?");
  g_autoptr(JsonObject) o = json_object_new ();

  if (payment_id > 0)
    jset_int (o, "payment_id", payment_id);
  jset_int (o, "id", id);
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 total = sqlite3_column_int64 (stmt, 1), paid = sqlite3_column_int64 (stmt, 2);

      jset_str (o, "order_id", desk_store_text (stmt, 0));
      jset_money (o, "total", total);
      jset_money (o, "amount_paid", paid);
      jset_money (o, "amount_due", total - paid);
      jset_symbol (o, "symbol_amount_due", total - paid);
      jset_str (o, "status", desk_store_text (stmt, 3));
    }
  sqlite3_reset (stmt);

  req->data = json_node_init_object (json_node_alloc (), o);
}

gboolean
desk_route_invoices_due (DeskRequest  *req,
                         GError      **error)
{
  if (!desk_store_exists (req->store, "SELECT 1 FROM invoices WHERE id = ?", req->ids[0],
                          "Invoice", error))
    return FALSE;

  due_object (req, req->ids[0], 0);

  return TRUE;
}

/* {"amount": "30.00", "payment_date": "1472122800", "method": "Cash", "notes": "..."} */
gboolean
desk_route_invoices_pay (DeskRequest  *req,
                         GError      **error)
{
  g_autoptr(GPtrArray) keep = g_ptr_array_new_with_free_func (g_free);
  const char *method = NULL;
  const char *notes = NULL;
  gint64 amount = 0, when = req->now, payment;

  if (!desk_store_exists (req->store, "SELECT 1 FROM invoices WHERE id = ?", req->ids[0],
                          "Invoice", error))
    return FALSE;

  if (!json_object_has_member (req->body, "amount"))
    return desk_sandbox_fail (error, DESK_SANDBOX_ERROR_INVALID, "amount cannot be blank.");
  if (!body_money (req->body, "amount", &amount, error) ||
      !body_text (req->body, "method", keep, &method, error) ||
      !body_text (req->body, "notes", keep, &notes, error) ||
      (json_object_has_member (req->body, "payment_date") &&
       !body_id (req->body, "payment_date", FALSE, &when, error)))
    return FALSE;
  if (amount == 0)
    return desk_sandbox_fail (error, DESK_SANDBOX_ERROR_INVALID, "amount must not be zero.");

  if (method == NULL || *method == '\0')
    method = "Cash";
  {
    sqlite3_stmt *stmt = desk_store_prepare (req->store,
                                             "SELECT 1 FROM paymentmethods WHERE name = ?");
    gboolean known;

    sqlite3_bind_text (stmt, 1, method, -1, SQLITE_STATIC);
    known = sqlite3_step (stmt) == SQLITE_ROW;
    sqlite3_reset (stmt);
    if (!known)
      return desk_sandbox_fail (error, DESK_SANDBOX_ERROR_INVALID,
                                "method \"%s\" does not exist.", method);
  }

  payment = desk_insert_payment (req->store, req->ids[0], amount, when, method, notes);
  if (!desk_invoice_recompute (req->store, req->ids[0], error))
    return FALSE;

  due_object (req, req->ids[0], payment);
  req->message = g_strdup ("Payment was added successfully");

  return TRUE;
}
