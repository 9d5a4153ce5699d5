/* desk-sandbox-reference.c
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "desk-sandbox"

#include "config.h"

#include "desk-money.h"
#include "desk-sandbox-private.h"

/* The reference lists behind a ticket: devices, problems, statuses, staff, parts and the
 * like. The real server sends them as one flat array each, ids as strings. */

/* Takes @a. */
static JsonNode *
array_node (JsonArray *a)
{
  JsonNode *node = json_node_new (JSON_NODE_ARRAY);

  json_node_take_array (node, a);
  return node;
}

/* {"tax_class": name, "id": "7495", "tax_percent": "8.750"}; in details the id is an
 * integer and "tax_inclusive" follows. */
void
desk_tax_class_object (DeskStore  *store,
                       gint64      taxclass_id,
                       gboolean    detail,
                       JsonObject *into)
{
  sqlite3_stmt *stmt = desk_store_prepare (store,
    "SELECT name, percent, inclusive FROM taxclasses WHERE id = ?");
  gboolean found;

  sqlite3_bind_int64 (stmt, 1, taxclass_id);
  found = sqlite3_step (stmt) == SQLITE_ROW;

  jset_str (into, "tax_class", found ? desk_store_text (stmt, 0) : "");
  if (detail)
    jset_int (into, "id", found ? taxclass_id : 0);
  else
    {
      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, found ? taxclass_id : 0);

      jset_str (into, "id", id);
    }
  if (found)
    jset_percent (into, "tax_percent", sqlite3_column_int64 (stmt, 1));
  else
    jset_str (into, "tax_percent", "");
  if (detail)
    jset_int (into, "tax_inclusive", found ? sqlite3_column_int (stmt, 2) : 0);
  sqlite3_reset (stmt);
}

gboolean
desk_lookup_taxclass (DeskStore  *store,
                      gint64      taxclass_id,
                      gint64     *millipercent,
                      GError    **error)
{
  sqlite3_stmt *stmt = desk_store_prepare (store, "SELECT percent FROM taxclasses WHERE id = ?");
  gboolean found;

  sqlite3_bind_int64 (stmt, 1, taxclass_id);
  found = sqlite3_step (stmt) == SQLITE_ROW;
  if (found)
    *millipercent = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  if (!found)
    g_set_error (error, DESK_SANDBOX_ERROR, DESK_SANDBOX_ERROR_INVALID,
                 "taxclass %" G_GINT64_FORMAT " does not exist.", taxclass_id);

  return found;
}

char *
desk_employee_name (DeskStore *store,
                    gint64     employee_id)
{
  sqlite3_stmt *stmt = desk_store_prepare (store, "SELECT fullname FROM employees WHERE id = ?");
  char *name = NULL;

  sqlite3_bind_int64 (stmt, 1, employee_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    name = g_strdup (desk_store_text (stmt, 0));
  sqlite3_reset (stmt);

  return name != NULL ? name : g_strdup ("");
}

/* A table as [{"id": "1", "name": "AT&T", ...}]: the id first, then text columns under
 * @keys (NULL-terminated). */
static gboolean
text_list (DeskRequest        *req,
           const char         *sql,
           const char * const *keys)
{
  sqlite3_stmt *stmt = desk_store_prepare (req->store, sql);
  JsonArray *a = json_array_new ();

  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      JsonObject *o = jadd_object (a);

      jset_id (o, "id", sqlite3_column_int64 (stmt, 0));
      for (int i = 0; keys[i] != NULL; i++)
        jset_str (o, keys[i], desk_store_text (stmt, i + 1));
    }
  sqlite3_reset (stmt);
  req->data = array_node (a);

  return TRUE;
}

static gboolean
named_list (DeskRequest *req,
            const char  *sql)
{
  static const char * const keys[] = { "name", NULL };

  return text_list (req, sql, keys);
}

gboolean
desk_route_devices (DeskRequest  *req,
                    GError      **error)
{
  static const char * const keys[] = { "name", "manufacturer", "category", NULL };

  return text_list (req, "SELECT id, name, manufacturer, category FROM devices"
                    " ORDER BY manufacturer, id", keys);
}

static void
problem_object (DeskRequest  *req,
                sqlite3_stmt *stmt,
                JsonArray    *a)
{
  JsonObject *o = jadd_object (a);
  gint64 price = sqlite3_column_int64 (stmt, 2);
  gint64 taxclass = sqlite3_column_int64 (stmt, 4);
  gint64 percent = 0;

  jset_id (o, "id", sqlite3_column_int64 (stmt, 0));
  jset_str (o, "name", desk_store_text (stmt, 1));
  jset_money (o, "original_price", price);
  desk_tax_class_object (req->store, taxclass, FALSE, jset_object (o, "tax_class"));
  jset_str (o, "tax_inclusive", "0");
  jset_id (o, "device", sqlite3_column_int64 (stmt, 3));
  jset_money (o, "price", price);
  desk_lookup_taxclass (req->store, taxclass, &percent, NULL);
  jset_money (o, "gst", desk_money_tax (price, percent));
}

gboolean
desk_route_problems (DeskRequest  *req,
                     GError      **error)
{
  sqlite3_stmt *stmt = desk_store_prepare (req->store,
    "SELECT id, name, price, device_id, taxclass_id FROM problems ORDER BY name, id");
  JsonArray *a = json_array_new ();

  while (sqlite3_step (stmt) == SQLITE_ROW)
    problem_object (req, stmt, a);
  sqlite3_reset (stmt);
  req->data = array_node (a);

  return TRUE;
}

gboolean
desk_route_device_problems (DeskRequest  *req,
                            GError      **error)
{
  sqlite3_stmt *stmt = desk_store_prepare (req->store,
    "SELECT id, name, price, device_id, taxclass_id FROM problems WHERE device_id = ?"
    " ORDER BY id");
  JsonArray *a;

  if (!desk_store_exists (req->store, "SELECT 1 FROM devices WHERE id = ?", req->ids[0],
                          "Device", error))
    return FALSE;

  a = json_array_new ();
  sqlite3_bind_int64 (stmt, 1, req->ids[0]);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    problem_object (req, stmt, a);
  sqlite3_reset (stmt);
  req->data = array_node (a);

  return TRUE;
}

gboolean
desk_route_statuses (DeskRequest  *req,
                     GError      **error)
{
  static const char * const keys[] = { "name", "color", "type", NULL };

  return text_list (req, "SELECT id, name, color, type FROM statuses ORDER BY id", keys);
}

gboolean
desk_route_employees (DeskRequest  *req,
                      GError      **error)
{
  static const char * const keys[] = { "fullname", "accesspin", NULL };

  return text_list (req, "SELECT id, fullname, accesspin FROM employees ORDER BY id", keys);
}

gboolean
desk_route_networks (DeskRequest  *req,
                     GError      **error)
{
  return named_list (req, "SELECT id, name FROM networks ORDER BY id");
}

gboolean
desk_route_devicelocations (DeskRequest  *req,
                            GError      **error)
{
  return named_list (req, "SELECT id, name FROM devicelocations ORDER BY id");
}

gboolean
desk_route_supplies (DeskRequest  *req,
                     GError      **error)
{
  return named_list (req, "SELECT id, name FROM supplies ORDER BY id");
}

gboolean
desk_route_tasktypes (DeskRequest  *req,
                      GError      **error)
{
  return named_list (req, "SELECT id, name FROM tasktypes ORDER BY id");
}

gboolean
desk_route_invoices_methods (DeskRequest  *req,
                             GError      **error)
{
  return named_list (req, "SELECT id, name FROM paymentmethods ORDER BY id");
}

gboolean
desk_route_taxclasses (DeskRequest  *req,
                       GError      **error)
{
  static const char * const keys[] = { "name", "tax_percent", "tax_inclusive", NULL };

  /* The percentage in thousandths, written as the server writes it: "8.750". */
  return text_list (req, "SELECT id, name, printf ('%d.%03d', percent / 1000, percent % 1000),"
                    " CAST (inclusive AS TEXT) FROM taxclasses ORDER BY id", keys);
}

/* --- Parts and inventory: one products table; parts are the products marked as such. -- */

#define PRODUCT_COLUMNS \
  "SELECT id, is_part, item_no, name, sku, upc, in_stock, taxclass_id, warranty," \
  " warranty_timeframe, supplier, description, location, category_id, manufacturer_id," \
  " device_id, price FROM products"

static void
product_common (DeskRequest  *req,
                sqlite3_stmt *stmt,
                JsonObject   *o)
{
  g_autofree char *stock = g_strdup_printf ("%" G_GINT64_FORMAT, (gint64) sqlite3_column_int64 (stmt, 6));

  jset_id (o, "id", sqlite3_column_int64 (stmt, 0));
  jset_str (o, "name", desk_store_text (stmt, 3));
  jset_str (o, "sku", desk_store_text (stmt, 4));
  if (json_object_has_member (o, "prod_type"))
    jset_str (o, "upc_code", desk_store_text (stmt, 5));
  jset_str (o, "in_stock", stock);
  jset_str (o, "tax_inclusive", "0");
  desk_tax_class_object (req->store, sqlite3_column_int64 (stmt, 7), FALSE,
                         jset_object (o, "tax_class"));
  jset_str (o, "warranty", desk_store_text (stmt, 8));
  jset_str (o, "warranty_timeframe", desk_store_text (stmt, 9));
  jset_str (o, "supplier", desk_store_text (stmt, 10));
}

static gint64
product_gst (DeskRequest  *req,
             sqlite3_stmt *stmt)
{
  gint64 percent = 0;

  desk_lookup_taxclass (req->store, sqlite3_column_int64 (stmt, 7), &percent, NULL);

  return desk_money_tax (sqlite3_column_int64 (stmt, 16), percent);
}

static void
part_object (DeskRequest  *req,
             sqlite3_stmt *stmt,
             JsonArray    *a)
{
  JsonObject *o = jadd_object (a);
  gint64 price = sqlite3_column_int64 (stmt, 16);

  product_common (req, stmt, o);
  jset_str (o, "image", "");
  jset_money (o, "original_price", price);
  jset_money (o, "price", price);
  jset_money (o, "gst", product_gst (req, stmt));
}

static void
inventory_object (DeskRequest  *req,
                  sqlite3_stmt *stmt,
                  JsonArray    *a)
{
  JsonObject *o = jadd_object (a);
  gint64 price = sqlite3_column_int64 (stmt, 16);
  gint64 gst = product_gst (req, stmt);
  JsonArray *serials;
  gboolean serialized;
  g_autofree char *stock = g_strdup_printf ("%" G_GINT64_FORMAT,
                                            (gint64) MAX (sqlite3_column_int64 (stmt, 6), 0));

  jset_str (o, "prod_type", "1");
  product_common (req, stmt, o);
  jset_str (o, "item_no", desk_store_text (stmt, 2));
  jset_str (o, "description", desk_store_text (stmt, 11));
  jset_str (o, "image", "");
  jset_str (o, "physical_location", desk_store_text (stmt, 12));
  jset_str (o, "total_stock", stock);
  jset_id (o, "category_id", sqlite3_column_int64 (stmt, 13));
  jset_id (o, "manufacturer_id", sqlite3_column_int64 (stmt, 14));
  jset_id (o, "device_id", sqlite3_column_int64 (stmt, 15));
  /* One product in ten is tracked by serial number and lists the serials in stock. */
  serialized = sqlite3_column_int64 (stmt, 0) % 10 == 0;
  jset_int (o, "is_serialize", serialized);
  jset_bool (o, "isPart", sqlite3_column_int (stmt, 1) != 0);
  jset_money (o, "price", price);
  jset_money (o, "original_price", price);
  jset_money (o, "gst", gst);
  serials = jset_array (o, "serials");
  if (serialized)
    {
      JsonObject *serial = jadd_object (serials);
      g_autofree char *number = g_strdup_printf ("SN%s", desk_store_text (stmt, 2));

      jset_str (serial, "serial", number);
      jset_money (serial, "original_price", price);
      jset_money (serial, "price", price);
      jset_money (serial, "gst", gst);
    }
  jset_symbol (o, "symbol_total", price + gst);
}

/* Parts and inventory take an optional keyword over name and SKU. */
static gboolean
product_list (DeskRequest *req,
              const char  *sql,
              void       (*add) (DeskRequest *, sqlite3_stmt *, JsonArray *))
{
  sqlite3_stmt *stmt = desk_store_prepare (req->store, sql);
  const char *keyword = query_str (req, "keyword");
  g_autofree char *like = like_pattern (keyword != NULL ? keyword : "");
  JsonArray *a = json_array_new ();

  sqlite3_bind_text (stmt, 1, like, -1, SQLITE_TRANSIENT);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    add (req, stmt, a);
  sqlite3_reset (stmt);
  req->data = array_node (a);

  return TRUE;
}

gboolean
desk_route_parts (DeskRequest  *req,
                  GError      **error)
{
  return product_list (req, PRODUCT_COLUMNS " WHERE is_part = 1 AND (name LIKE ?1 ESCAPE '\\'"
                       " OR sku LIKE ?1 ESCAPE '\\') ORDER BY name, id", part_object);
}

gboolean
desk_route_inventory (DeskRequest  *req,
                      GError      **error)
{
  return product_list (req, PRODUCT_COLUMNS " WHERE (name LIKE ?1 ESCAPE '\\'"
                       " OR sku LIKE ?1 ESCAPE '\\') ORDER BY name, id", inventory_object);
}
