/* desk-sandbox-ticket-write.c
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

/* Creating and updating tickets, and turning one into an invoice. The body is the
 * vendor's: {"summary": {...}, "devices": [{..., "repairProdItems": [...], "Parts": [...]}]}
 * with every scalar possibly a string. The server works out the money itself: a line's
 * tax is desk_money_tax() of its price less its discount at the rate of its tax class,
 * the same computation the client makes, so both show the same totals. */

#define DAY (24 * 60 * 60)
#define NOT_SET G_GINT64_CONSTANT (-62169955200)

typedef struct
{
  gint64  problem_id;
  char   *name;
} ItemInput;

/* One device line of a request, over the values it had before (an update) or zeros. */
typedef struct
{
  DeskLineRow  row;
  gint64       id;           /* the line, when updating */
  GArray      *items;        /* ItemInput, or NULL when not sent */
  GArray      *parts;        /* DeskPartRow, or NULL when not sent */
  GPtrArray   *strings;      /* owns every string the rows point to */
  gboolean     has_price;
  gboolean     has_taxclass;
  char        *old_status;
} LineInput;

static void
line_input_clear (LineInput *in)
{
  g_clear_pointer (&in->items, g_array_unref);
  g_clear_pointer (&in->parts, g_array_unref);
  g_clear_pointer (&in->strings, g_ptr_array_unref);
  g_clear_pointer (&in->old_status, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (LineInput, line_input_clear)

static gboolean
take_id (JsonObject  *o,
         const char  *key,
         gint64      *out,
         GError     **error)
{
  if (json_object_get_member (o, key) == NULL)
    return TRUE;

  return body_id (o, key, FALSE, out, error);
}

/* "PreConditions": [{"name": ..., "result": "0"}] is kept as JSON text. */
static gboolean
take_conditions (LineInput   *in,
                 JsonObject  *o,
                 const char  *key,
                 const char **out,
                 GError     **error)
{
  JsonArray *a = body_array (o, key, error);
  g_autoptr(JsonArray) clean = NULL;
  g_autoptr(JsonNode) node = NULL;
  char *text;

  if (a == NULL)
    return error == NULL || *error == NULL;

  clean = json_array_new ();
  for (guint i = 0; i < json_array_get_length (a); i++)
    {
      JsonObject *c = body_array_object (a, i, key, error);
      g_autofree char *name = NULL;
      gint64 result = 0;
      JsonObject *entry;

      if (c == NULL || !body_string (c, "name", &name, error) ||
          !body_id (c, "result", FALSE, &result, error))
        return FALSE;
      entry = jadd_object (clean);
      jset_str (entry, "name", name);
      jset_int (entry, "result", result != 0);
    }

  node = json_node_init_array (json_node_alloc (), clean);
  text = json_to_string (node, FALSE);
  g_ptr_array_add (in->strings, text);
  *out = text;

  return TRUE;
}

static gboolean
read_items (DeskRequest  *req,
            LineInput    *in,
            JsonArray    *a,
            GError      **error)
{
  in->items = g_array_new (FALSE, TRUE, sizeof (ItemInput));

  for (guint i = 0; i < json_array_get_length (a); i++)
    {
      JsonObject *o = body_array_object (a, i, "repairProdItems", error);
      ItemInput item = { 0, };
      const char *name = NULL;
      sqlite3_stmt *stmt;

      if (o == NULL || !body_id (o, "id", FALSE, &item.problem_id, error) ||
          !body_text (o, "name", in->strings, &name, error))
        return FALSE;

      stmt = desk_store_prepare (req->store,
                                 "SELECT name, price, taxclass_id FROM problems WHERE id = ?");
      sqlite3_bind_int64 (stmt, 1, item.problem_id);
      if (item.problem_id > 0 && sqlite3_step (stmt) == SQLITE_ROW)
        {
          item.name = g_strdup (name != NULL && *name != '\0' ? name : desk_store_text (stmt, 0));
          if (!in->has_price)
            in->row.price += sqlite3_column_int64 (stmt, 1);
          if (!in->has_taxclass)
            in->row.taxclass_id = sqlite3_column_int64 (stmt, 2);
        }
      else if (item.problem_id > 0)
        {
          sqlite3_reset (stmt);
          return desk_sandbox_fail (error, DESK_SANDBOX_ERROR_INVALID,
                                    "repair item %" G_GINT64_FORMAT " does not exist.",
                                    item.problem_id);
        }
      else if (name == NULL || *name == '\0')
        {
          sqlite3_reset (stmt);
          return desk_sandbox_fail (error, DESK_SANDBOX_ERROR_INVALID,
                                    "repairProdItems need an id or a name.");
        }
      else
        item.name = g_strdup (name);
      sqlite3_reset (stmt);

      g_ptr_array_add (in->strings, item.name);
      g_array_append_val (in->items, item);
    }

  return TRUE;
}

static gboolean
taxclass_rate (DeskRequest  *req,
               gint64        taxclass_id,
               gint64       *rate,
               GError      **error)
{
  *rate = 0;
  if (taxclass_id <= 0)
    return TRUE;

  return desk_lookup_taxclass (req->store, taxclass_id, rate, error);
}

static gboolean
read_part (DeskRequest  *req,
           LineInput    *in,
           JsonObject   *o,
           DeskPartRow  *part,
           GError      **error)
{
  sqlite3_stmt *stmt;
  gint64 rate;

  part->quantity = 1;
  if (!body_id (o, "product_id", FALSE, &part->product_id, error))
    return FALSE;

  stmt = desk_store_prepare (req->store,
    "SELECT name, sku, price, taxclass_id, warranty, warranty_timeframe, supplier"
    " FROM products WHERE id = ?");
  sqlite3_bind_int64 (stmt, 1, part->product_id);
  if (part->product_id > 0 && sqlite3_step (stmt) != SQLITE_ROW)
    {
      sqlite3_reset (stmt);
      return desk_sandbox_fail (error, DESK_SANDBOX_ERROR_INVALID,
                                "product %" G_GINT64_FORMAT " does not exist.", part->product_id);
    }
  if (part->product_id > 0)
    {
      /* The product's own values, unless the request overrides them below. */
      const char *texts[] = { desk_store_text (stmt, 0), desk_store_text (stmt, 1),
                              desk_store_text (stmt, 4), desk_store_text (stmt, 5),
                              desk_store_text (stmt, 6) };
      const char **slots[] = { &part->name, &part->sku, &part->warranty,
                               &part->warranty_timeframe, &part->supplier };

      for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
        {
          char *copy = g_strdup (texts[i]);

          g_ptr_array_add (in->strings, copy);
          *slots[i] = copy;
        }
      part->price = sqlite3_column_int64 (stmt, 2);
      part->taxclass_id = sqlite3_column_int64 (stmt, 3);
    }
  sqlite3_reset (stmt);

  if (!body_text (o, "name", in->strings, &part->name, error) ||
      !body_text (o, "sku", in->strings, &part->sku, error) ||
      !body_text (o, "warrenty", in->strings, &part->warranty, error) ||
      !body_text (o, "warranty_timeframe", in->strings, &part->warranty_timeframe, error) ||
      !body_text (o, "supplier", in->strings, &part->supplier, error) ||
      !take_id (o, "quantity", &part->quantity, error) ||
      !body_money (o, "price", &part->price, error) ||
      !take_id (o, "taxclass", &part->taxclass_id, error) ||
      !taxclass_rate (req, part->taxclass_id, &rate, error))
    return FALSE;

  if (part->name == NULL || *part->name == '\0')
    return desk_sandbox_fail (error, DESK_SANDBOX_ERROR_INVALID,
                              "Parts need a product_id or a name.");
  if (part->quantity < 1 || part->quantity > 10000 || part->price < 0)
    return desk_sandbox_fail (error, DESK_SANDBOX_ERROR_INVALID,
                              "Parts quantity or price is out of range.");

  part->gst = desk_money_tax (desk_money_line_total (part->price, part->quantity, 0), rate);

  return TRUE;
}

static gboolean
read_parts (DeskRequest  *req,
            LineInput    *in,
            JsonArray    *a,
            GError      **error)
{
  in->parts = g_array_new (FALSE, TRUE, sizeof (DeskPartRow));

  for (guint i = 0; i < json_array_get_length (a); i++)
    {
      JsonObject *o = body_array_object (a, i, "Parts", error);
      DeskPartRow part = { 0, };

      if (o == NULL || !read_part (req, in, o, &part, error))
        return FALSE;
      g_array_append_val (in->parts, part);
    }

  return TRUE;
}

static gboolean
check_references (DeskRequest  *req,
                  LineInput    *in,
                  GError      **error)
{
  DeskLineRow *row = &in->row;

  if (!desk_store_has_row (req->store, "SELECT 1 FROM devices WHERE id = ?", row->device_id))
    return desk_sandbox_fail (error, DESK_SANDBOX_ERROR_INVALID,
                              "device %" G_GINT64_FORMAT " does not exist.", row->device_id);
  if (row->assigned_to > 0 &&
      !desk_store_has_row (req->store, "SELECT 1 FROM employees WHERE id = ?", row->assigned_to))
    return desk_sandbox_fail (error, DESK_SANDBOX_ERROR_INVALID,
                              "assigned_to %" G_GINT64_FORMAT " does not exist.", row->assigned_to);
  if (!desk_store_has_row (req->store, "SELECT 1 FROM tasktypes WHERE id = ?", row->task_type))
    return desk_sandbox_fail (error, DESK_SANDBOX_ERROR_INVALID,
                              "task_type %" G_GINT64_FORMAT " does not exist.", row->task_type);

  {
    sqlite3_stmt *stmt = desk_store_prepare (req->store,
                                             "SELECT 1 FROM statuses WHERE name = ?");
    gboolean found;

    sqlite3_bind_text (stmt, 1, row->status, -1, SQLITE_STATIC);
    found = sqlite3_step (stmt) == SQLITE_ROW;
    sqlite3_reset (stmt);
    if (!found)
      return desk_sandbox_fail (error, DESK_SANDBOX_ERROR_INVALID, "status \"%s\" does not exist.",
                   row->status);
  }

  return TRUE;
}

/* Reads one device of the body over the defaults already in @in. */
static gboolean
read_line (DeskRequest  *req,
           JsonObject   *o,
           LineInput    *in,
           GError      **error)
{
  DeskLineRow *row = &in->row;
  gint64 task_type = row->task_type;
  gint64 taxclass_id = row->taxclass_id;
  JsonArray *items, *parts;
  gint64 rate;

  in->has_price = json_object_has_member (o, "price");
  in->has_taxclass = json_object_has_member (o, "taxclass");

  if (!take_id (o, "device", &row->device_id, error) ||
      !body_text (o, "imei", in->strings, &row->imei, error) ||
      !body_text (o, "serial", in->strings, &row->serial, error) ||
      !body_text (o, "security_code", in->strings, &row->security_code, error) ||
      !body_text (o, "status", in->strings, &row->status, error) ||
      !take_id (o, "task_type", &row->task_type, error) ||
      !take_id (o, "due_on", &row->due_on, error) ||
      !body_money (o, "price", &row->price, error) ||
      !body_money (o, "line_discount", &row->line_discount, error) ||
      !take_id (o, "assigned_to", &row->assigned_to, error) ||
      !take_id (o, "taxclass", &row->taxclass_id, error) ||
      !body_text (o, "device_location", in->strings, &row->location, error) ||
      !body_text (o, "network", in->strings, &row->network, error) ||
      !body_text (o, "staff_comments", in->strings, &row->staff_comments, error) ||
      !body_text (o, "public_comments", in->strings, &row->public_comments, error) ||
      !take_conditions (in, o, "supplied", &row->supplied, error) ||
      !take_conditions (in, o, "PreConditions", &row->preconditions, error) ||
      !take_conditions (in, o, "PostConditions", &row->postconditions, error))
    return FALSE;

  /* An id of "0" or "" means none everywhere in the API: a form that leaves the task type
   * or the tax class unset keeps what the line had, as if it had not sent them. */
  if (row->task_type <= 0)
    row->task_type = task_type;
  if (row->taxclass_id <= 0)
    {
      row->taxclass_id = taxclass_id;
      in->has_taxclass = FALSE;
    }

  items = body_array (o, "repairProdItems", error);
  if (items == NULL && error != NULL && *error != NULL)
    return FALSE;
  parts = body_array (o, "Parts", error);
  if (parts == NULL && error != NULL && *error != NULL)
    return FALSE;

  if (items != NULL && !in->has_price)
    row->price = 0;
  if ((items != NULL && !read_items (req, in, items, error)) ||
      (parts != NULL && !read_parts (req, in, parts, error)))
    return FALSE;

  if (row->price < 0 || row->line_discount < 0 || row->line_discount > row->price)
    return desk_sandbox_fail (error, DESK_SANDBOX_ERROR_INVALID,
                              "price and line_discount must be positive, the discount"
                              " no more than the price.");
  if (!check_references (req, in, error) || !taxclass_rate (req, row->taxclass_id, &rate, error))
    return FALSE;

  row->gst = desk_money_tax (desk_money_line_total (row->price, 1, row->line_discount), rate);

  return TRUE;
}

static void
write_items_and_parts (DeskRequest *req,
                       LineInput   *in,
                       gint64       line_id)
{
  sqlite3_stmt *stmt;

  if (in->items != NULL)
    {
      stmt = desk_store_prepare (req->store, "DELETE FROM ticket_items WHERE line_id = ?");
      sqlite3_bind_int64 (stmt, 1, line_id);
      desk_store_step_done (req->store, stmt, NULL);
      for (guint i = 0; i < in->items->len; i++)
        {
          ItemInput *item = &g_array_index (in->items, ItemInput, i);

          desk_insert_item (req->store, line_id, item->problem_id, item->name);
        }
    }

  if (in->parts != NULL)
    {
      stmt = desk_store_prepare (req->store, "DELETE FROM ticket_parts WHERE line_id = ?");
      sqlite3_bind_int64 (stmt, 1, line_id);
      desk_store_step_done (req->store, stmt, NULL);
      for (guint i = 0; i < in->parts->len; i++)
        {
          DeskPartRow *part = &g_array_index (in->parts, DeskPartRow, i);

          part->line_id = line_id;
          desk_insert_part (req->store, part);
        }
    }
}

static char *
items_text (DeskRequest *req,
            gint64       line_id)
{
  sqlite3_stmt *stmt = desk_store_prepare (req->store,
    "SELECT COALESCE (group_concat (name, ', '), '') FROM ticket_items WHERE line_id = ?");
  char *text = NULL;

  sqlite3_bind_int64 (stmt, 1, line_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    text = g_strdup (desk_store_text (stmt, 0));
  sqlite3_reset (stmt);

  return text != NULL ? text : g_strdup ("");
}

static void
history (DeskRequest *req,
         gint64       ticket_id,
         gint64       employee,
         const char  *format,
         ...) G_GNUC_PRINTF (4, 5);

/* A history entry in the server's words: "<b>Person</b> changed ...". */
static void
history (DeskRequest *req,
         gint64       ticket_id,
         gint64       employee,
         const char  *format,
         ...)
{
  g_autofree char *name = desk_employee_name (req->store, employee);
  g_autofree char *escaped = g_markup_escape_text (*name ? name : "Front Desk", -1);
  g_autofree char *what = NULL;
  g_autofree char *text = NULL;
  va_list args;

  va_start (args, format);
  what = g_strdup_vprintf (format, args);
  va_end (args);
  text = g_strdup_printf ("<b>%s</b> %s", escaped, what);
  desk_insert_history (req->store, ticket_id, text, req->now);
}

static gint64
add_line (DeskRequest *req,
          LineInput   *in,
          gint64       employee)
{
  gint64 line_id;
  g_autofree char *items = NULL;
  g_autofree char *escaped = NULL;
  g_autofree char *assignee = NULL;

  line_id = desk_insert_line (req->store, &in->row);
  write_items_and_parts (req, in, line_id);

  items = items_text (req, line_id);
  escaped = g_markup_escape_text (items, -1);
  assignee = desk_employee_name (req->store, in->row.assigned_to);
  history (req, in->row.ticket_id, employee,
           "added repair item <b>%s</b> & assigned it to <b>%s</b>", escaped, assignee);

  return line_id;
}

static void
line_defaults (DeskRequest *req,
               LineInput   *in,
               gint64       ticket_id)
{
  in->strings = g_ptr_array_new_with_free_func (g_free);
  in->row.ticket_id = ticket_id;
  in->row.status = "Pending";
  in->row.task_type = 1;
  in->row.due_on = req->now + DAY;
  in->row.warranty = "";
  in->row.created_on = req->now;
}

static gboolean
check_signature (JsonObject  *summary,
                 char       **signature,
                 GError     **error)
{
  if (!body_string (summary, "signature", signature, error))
    return FALSE;

  return *signature == NULL || **signature == '\0' || desk_sandbox_check_png (*signature, error);
}

static gboolean
read_customer (DeskRequest  *req,
               JsonObject   *summary,
               gboolean      required,
               gint64       *customer_id,
               GError      **error)
{
  if (!required && json_object_get_member (summary, "customer_id") == NULL)
    return TRUE;
  if (summary == NULL || !json_object_has_member (summary, "customer_id"))
    return desk_sandbox_fail (error, DESK_SANDBOX_ERROR_INVALID, "customer_id cannot be blank.");
  if (!body_id (summary, "customer_id", FALSE, customer_id, error))
    return FALSE;
  if (*customer_id > 0 &&
      !desk_store_has_row (req->store, "SELECT 1 FROM customers WHERE id = ?", *customer_id))
    return desk_sandbox_fail (error, DESK_SANDBOX_ERROR_INVALID,
                              "customer %" G_GINT64_FORMAT " does not exist.", *customer_id);

  return TRUE;
}

/* {"id": 2614827, "order_id": "4578", "customer_id": 388, "ticketLabels": [...],
 *  "devicesRepairItems": [...], "notification_message": "No User In List"} */
static void
write_reply (DeskRequest *req,
             gint64       ticket_id,
             const char  *message)
{
  sqlite3_stmt *stmt = desk_store_prepare (req->store,
    "SELECT t.order_id, t.customer_id, d.id, COALESCE (m.name, '') FROM tickets t"
    " LEFT JOIN ticket_devices d ON d.ticket_id = t.id LEFT JOIN devices m ON m.id = d.device_id"
    " WHERE t.id = ? ORDER BY d.id");
  g_autoptr(JsonObject) o = json_object_new ();
  g_autofree char *ticket_text = g_strdup_printf ("%" G_GINT64_FORMAT, ticket_id);
  JsonArray *labels = NULL, *items = NULL;

  sqlite3_bind_int64 (stmt, 1, ticket_id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      JsonObject *label, *item;

      if (labels == NULL)
        {
          jset_int (o, "id", ticket_id);
          jset_str (o, "order_id", desk_store_text (stmt, 0));
          jset_int (o, "customer_id", sqlite3_column_int64 (stmt, 1));
          labels = jset_array (o, "ticketLabels");
          items = jset_array (o, "devicesRepairItems");
        }
      label = jadd_object (labels);
      jset_id (label, "id", sqlite3_column_int64 (stmt, 2));
      jset_str (label, "name", desk_store_text (stmt, 3));
      item = jadd_object (items);
      jset_id (item, "id", sqlite3_column_int64 (stmt, 2));
      jset_str (item, "ticketId", ticket_text);
      jset_str (item, "lineItemId", "0");
    }
  sqlite3_reset (stmt);
  jset_str (o, "notification_message", "No User In List");

  req->data = json_node_init_object (json_node_alloc (), o);
  req->message = g_strdup (message);
}

/* A device line added to the ticket from @o. */
static gboolean
new_line (DeskRequest  *req,
          JsonObject   *o,
          gint64        ticket_id,
          gint64        employee,
          GError      **error)
{
  g_auto(LineInput) in = { 0, };

  line_defaults (req, &in, ticket_id);
  if (!json_object_has_member (o, "device"))
    return desk_sandbox_fail (error, DESK_SANDBOX_ERROR_INVALID, "devices need a device.");
  if (!read_line (req, o, &in, error))
    return FALSE;

  add_line (req, &in, employee);

  return TRUE;
}

static gboolean
create_lines (DeskRequest  *req,
              JsonArray    *devices,
              gint64        ticket_id,
              gint64        employee,
              GError      **error)
{
  for (guint i = 0; i < json_array_get_length (devices); i++)
    {
      JsonObject *o = body_array_object (devices, i, "devices", error);

      if (o == NULL || !new_line (req, o, ticket_id, employee, error))
        return FALSE;
    }

  return TRUE;
}

gboolean
desk_route_tickets_create (DeskRequest  *req,
                           GError      **error)
{
  JsonObject *summary = body_object (req->body, "summary", error);
  JsonArray *devices;
  g_autofree char *signature = NULL;
  g_autofree char *found = NULL;
  DeskTicketRow row = { 0, };
  gint64 id;

  if ((summary == NULL && error != NULL && *error != NULL) ||
      !read_customer (req, summary, TRUE, &row.customer_id, error) ||
      !check_signature (summary, &signature, error) ||
      !body_string (summary, "how_did_u_find_us", &found, error) ||
      !body_id (summary, "created_by", FALSE, &row.created_by, error))
    return FALSE;

  devices = body_array (req->body, "devices", error);
  if (devices == NULL || json_array_get_length (devices) == 0)
    return error != NULL && *error != NULL ? FALSE :
           desk_sandbox_fail (error, DESK_SANDBOX_ERROR_INVALID, "devices cannot be blank.");

  if (row.created_by <= 0 ||
      !desk_store_has_row (req->store, "SELECT 1 FROM employees WHERE id = ?", row.created_by))
    row.created_by = desk_store_get_meta (req->store, "owner");
  row.created_date = req->now;
  row.repair_collected = NOT_SET;
  row.how_found = found;
  row.signature = signature;
  id = desk_insert_ticket (req->store, &row);

  {
    sqlite3_stmt *stmt = desk_store_prepare (req->store,
                                             "SELECT order_id FROM tickets WHERE id = ?");

    sqlite3_bind_int64 (stmt, 1, id);
    if (sqlite3_step (stmt) == SQLITE_ROW)
      history (req, id, row.created_by, "created ticket # <b> %s</b>", desk_store_text (stmt, 0));
    sqlite3_reset (stmt);
  }

  if (!create_lines (req, devices, id, row.created_by, error) ||
      !desk_ticket_recompute (req->store, id, error))
    return FALSE;

  write_reply (req, id, "Ticket was created successfully");

  return TRUE;
}

/* --- Updates ------------------------------------------------------------------------------ */

static const char *
keep (LineInput    *in,
      sqlite3_stmt *stmt,
      int           column)
{
  char *copy = g_strdup (desk_store_text (stmt, column));

  g_ptr_array_add (in->strings, copy);

  return copy;
}

/* Loads a line of the ticket as the defaults of an update. */
static gboolean
load_line (DeskRequest  *req,
           gint64        ticket_id,
           gint64        line_id,
           LineInput    *in,
           GError      **error)
{
  sqlite3_stmt *stmt = desk_store_prepare (req->store,
    "SELECT device_id, imei, serial, security_code, status, task_type, due_on, price,"
    " line_discount, assigned_to, taxclass_id, location, network, warranty,"
    " warranty_timeframe, staff_comments, public_comments, created_on, supplied,"
    " preconditions, postconditions FROM ticket_devices WHERE id = ? AND ticket_id = ?");
  DeskLineRow *row = &in->row;

  line_defaults (req, in, ticket_id);
  in->id = line_id;
  sqlite3_bind_int64 (stmt, 1, line_id);
  sqlite3_bind_int64 (stmt, 2, ticket_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      sqlite3_reset (stmt);
      return desk_sandbox_fail (error, DESK_SANDBOX_ERROR_INVALID,
                                "device line %" G_GINT64_FORMAT " is not on this ticket.", line_id);
    }

  row->device_id = sqlite3_column_int64 (stmt, 0);
  row->imei = keep (in, stmt, 1);
  row->serial = keep (in, stmt, 2);
  row->security_code = keep (in, stmt, 3);
  row->status = keep (in, stmt, 4);
  in->old_status = g_strdup (row->status);
  row->task_type = sqlite3_column_int64 (stmt, 5);
  row->due_on = sqlite3_column_int64 (stmt, 6);
  row->price = sqlite3_column_int64 (stmt, 7);
  row->line_discount = sqlite3_column_int64 (stmt, 8);
  row->assigned_to = sqlite3_column_int64 (stmt, 9);
  row->taxclass_id = sqlite3_column_int64 (stmt, 10);
  row->location = keep (in, stmt, 11);
  row->network = keep (in, stmt, 12);
  row->warranty = keep (in, stmt, 13);
  row->warranty_timeframe = sqlite3_column_int64 (stmt, 14);
  row->staff_comments = keep (in, stmt, 15);
  row->public_comments = keep (in, stmt, 16);
  row->created_on = sqlite3_column_int64 (stmt, 17);
  row->supplied = keep (in, stmt, 18);
  row->preconditions = keep (in, stmt, 19);
  row->postconditions = keep (in, stmt, 20);
  sqlite3_reset (stmt);

  return TRUE;
}

static void
save_line (DeskRequest *req,
           LineInput   *in)
{
  sqlite3_stmt *stmt = desk_store_prepare (req->store,
    "UPDATE ticket_devices SET device_id = ?, imei = ?, serial = ?, security_code = ?,"
    " status = ?, task_type = ?, due_on = ?, price = ?, line_discount = ?, gst = ?,"
    " assigned_to = ?, taxclass_id = ?, location = ?, network = ?, staff_comments = ?,"
    " public_comments = ?, supplied = ?, preconditions = ?, postconditions = ? WHERE id = ?");
  DeskLineRow *row = &in->row;
  const char *texts[] = { row->imei, row->serial, row->security_code, row->status };

  sqlite3_bind_int64 (stmt, 1, row->device_id);
  for (int i = 0; i < 4; i++)
    sqlite3_bind_text (stmt, 2 + i, texts[i] ? texts[i] : "", -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 6, row->task_type);
  sqlite3_bind_int64 (stmt, 7, row->due_on);
  sqlite3_bind_int64 (stmt, 8, row->price);
  sqlite3_bind_int64 (stmt, 9, row->line_discount);
  sqlite3_bind_int64 (stmt, 10, row->gst);
  sqlite3_bind_int64 (stmt, 11, row->assigned_to);
  sqlite3_bind_int64 (stmt, 12, row->taxclass_id);
  sqlite3_bind_text (stmt, 13, row->location ? row->location : "", -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 14, row->network ? row->network : "", -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 15, row->staff_comments ? row->staff_comments : "", -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 16, row->public_comments ? row->public_comments : "", -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 17, row->supplied, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 18, row->preconditions, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 19, row->postconditions, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 20, in->id);
  desk_store_step_done (req->store, stmt, NULL);

  write_items_and_parts (req, in, in->id);
}

static void
record_status_change (DeskRequest *req,
                      LineInput   *in,
                      gint64       employee)
{
  g_autofree char *items = NULL;
  g_autofree char *escaped_items = NULL;
  g_autofree char *old_status = NULL;
  g_autofree char *new_status = NULL;

  if (g_strcmp0 (in->old_status, in->row.status) == 0)
    return;

  items = items_text (req, in->id);
  escaped_items = g_markup_escape_text (items, -1);
  old_status = g_markup_escape_text (in->old_status, -1);
  new_status = g_markup_escape_text (in->row.status, -1);
  history (req, in->row.ticket_id, employee,
           "changed  <b>%s</b> Status from <b>%s</b> - <b>%s</b>",
           escaped_items, old_status, new_status);

  /* Collecting the device is what sets "repair_collected". */
  if (g_str_equal (in->row.status, "Repaired & Collected"))
    {
      sqlite3_stmt *stmt = desk_store_prepare (req->store, "UPDATE tickets SET repair_collected = ?"
                                               " WHERE id = ?");

      sqlite3_bind_int64 (stmt, 1, req->now);
      sqlite3_bind_int64 (stmt, 2, in->row.ticket_id);
      desk_store_step_done (req->store, stmt, NULL);
    }
}

/* Applies @o to a line of the ticket and records a change of status. */
static gboolean
change_line (DeskRequest  *req,
             gint64        line_id,
             JsonObject   *o,
             gint64        employee,
             GError      **error)
{
  g_auto(LineInput) in = { 0, };

  if (!load_line (req, req->ids[0], line_id, &in, error) || !read_line (req, o, &in, error))
    return FALSE;

  save_line (req, &in);
  record_status_change (req, &in, employee);

  return TRUE;
}

/* A device of an update: with "id", a change to that line; without, a new line. A "status"
 * at the top of the body applies to every line. */
static gboolean
update_line (DeskRequest  *req,
             JsonObject   *o,
             gint64        employee,
             GError      **error)
{
  gint64 line_id = 0;

  if (!body_id (o, "id", FALSE, &line_id, error))
    return FALSE;

  if (line_id == 0)
    return new_line (req, o, req->ids[0], employee, error);

  return change_line (req, line_id, o, employee, error);
}

static gboolean
update_all_statuses (DeskRequest  *req,
                     JsonObject   *status_body,
                     gint64        employee,
                     GError      **error)
{
  sqlite3_stmt *stmt = desk_store_prepare (req->store,
                                           "SELECT id FROM ticket_devices WHERE ticket_id = ?");
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  sqlite3_bind_int64 (stmt, 1, req->ids[0]);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  sqlite3_reset (stmt);

  for (guint i = 0; i < ids->len; i++)
    if (!change_line (req, g_array_index (ids, gint64, i), status_body, employee, error))
      return FALSE;

  return TRUE;
}

static gboolean
update_summary (DeskRequest  *req,
                JsonObject   *summary,
                gint64        employee,
                GError      **error)
{
  g_autofree char *signature = NULL;
  gint64 customer_id = -1;
  sqlite3_stmt *stmt;

  if (summary == NULL)
    return TRUE;
  if (!read_customer (req, summary, FALSE, &customer_id, error) ||
      !check_signature (summary, &signature, error))
    return FALSE;

  if (customer_id >= 0)
    {
      stmt = desk_store_prepare (req->store, "UPDATE tickets SET customer_id = ? WHERE id = ?");
      sqlite3_bind_int64 (stmt, 1, customer_id);
      sqlite3_bind_int64 (stmt, 2, req->ids[0]);
      desk_store_step_done (req->store, stmt, NULL);
      history (req, req->ids[0], employee, "changed Customer");
    }
  if (signature != NULL && *signature != '\0')
    {
      stmt = desk_store_prepare (req->store, "UPDATE tickets SET signature = ? WHERE id = ?");
      sqlite3_bind_text (stmt, 1, signature, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 2, req->ids[0]);
      desk_store_step_done (req->store, stmt, NULL);
    }

  return TRUE;
}

gboolean
desk_route_tickets_update (DeskRequest  *req,
                           GError      **error)
{
  JsonObject *summary = body_object (req->body, "summary", error);
  JsonArray *devices = NULL;
  gint64 employee;

  if (!desk_store_exists (req->store, "SELECT 1 FROM tickets WHERE id = ?", req->ids[0],
                          "Ticket", error))
    return FALSE;
  if (summary == NULL && error != NULL && *error != NULL)
    return FALSE;
  devices = body_array (req->body, "devices", error);
  if (devices == NULL && error != NULL && *error != NULL)
    return FALSE;

  employee = desk_store_get_meta (req->store, "owner");
  if (!update_summary (req, summary, employee, error))
    return FALSE;

  for (guint i = 0; devices != NULL && i < json_array_get_length (devices); i++)
    {
      JsonObject *o = body_array_object (devices, i, "devices", error);

      if (o == NULL || !update_line (req, o, employee, error))
        return FALSE;
    }

  if (json_object_has_member (req->body, "status") &&
      !update_all_statuses (req, req->body, employee, error))
    return FALSE;

  if (!desk_ticket_recompute (req->store, req->ids[0], error))
    return FALSE;

  write_reply (req, req->ids[0], "Ticket was Updated successfully");

  return TRUE;
}

/* --- Converting to an invoice -------------------------------------------------------------- */

static void
convert_reply (DeskRequest *req,
               gint64       ticket_id,
               gint64       invoice_id,
               const char  *message)
{
  sqlite3_stmt *stmt = desk_store_prepare (req->store,
                                           "SELECT order_id, total FROM invoices WHERE id = ?");
  g_autoptr(JsonObject) o = json_object_new ();

  sqlite3_bind_int64 (stmt, 1, invoice_id);
  jset_int (o, "id", invoice_id);
  jset_int (o, "invoice_id", invoice_id);
  jset_int (o, "ticket_id", ticket_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      jset_str (o, "order_id", desk_store_text (stmt, 0));
      jset_money (o, "total", sqlite3_column_int64 (stmt, 1));
    }
  sqlite3_reset (stmt);

  req->data = json_node_init_object (json_node_alloc (), o);
  req->message = g_strdup (message);
}

/* The invoice gets the ticket's lines and both point at each other; asking again gives the
 * same invoice. */
gboolean
desk_route_tickets_convert (DeskRequest  *req,
                            GError      **error)
{
  sqlite3_stmt *stmt = desk_store_prepare (req->store,
    "SELECT customer_id, invoice_id FROM tickets WHERE id = ?");
  DeskInvoiceRow row = { 0, };
  gint64 existing = 0;
  gboolean found;

  sqlite3_bind_int64 (stmt, 1, req->ids[0]);
  found = sqlite3_step (stmt) == SQLITE_ROW;
  if (found)
    {
      row.customer_id = sqlite3_column_int64 (stmt, 0);
      existing = sqlite3_column_int64 (stmt, 1);
    }
  sqlite3_reset (stmt);

  if (!found)
    return desk_sandbox_fail (error, DESK_SANDBOX_ERROR_NOT_FOUND,
                              "Ticket %" G_GINT64_FORMAT " does not exist.", req->ids[0]);

  if (existing > 0 &&
      desk_store_has_row (req->store, "SELECT 1 FROM invoices WHERE id = ?", existing))
    {
      convert_reply (req, req->ids[0], existing, "Invoice already exists for this ticket");
      return TRUE;
    }

  row.ticket_id = req->ids[0];
  row.created_date = req->now;
  row.due_on = req->now;
  row.id = desk_insert_invoice (req->store, &row);
  desk_insert_items_from_ticket (req->store, row.id, row.ticket_id);

  stmt = desk_store_prepare (req->store, "UPDATE tickets SET invoice_id = ? WHERE id = ?");
  sqlite3_bind_int64 (stmt, 1, row.id);
  sqlite3_bind_int64 (stmt, 2, row.ticket_id);
  if (!desk_store_step_done (req->store, stmt, error) ||
      !desk_invoice_recompute (req->store, row.id, error))
    return FALSE;

  history (req, row.ticket_id, desk_store_get_meta (req->store, "owner"),
           "converted the ticket to invoice # <b>%" G_GINT64_FORMAT "</b>",
           row.id - DESK_INVOICE_ID_BASE + DESK_INVOICE_ORDER_BASE);
  convert_reply (req, row.ticket_id, row.id, "Invoice was created successfully");

  return TRUE;
}
