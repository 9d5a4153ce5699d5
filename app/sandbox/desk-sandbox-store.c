/* desk-sandbox-store.c
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "desk-sandbox"

#include "config.h"

#include "desk-sandbox-private.h"

/* The sandbox's data lives in SQLite: a file for the demo store, so that what a trainee
 * did survives a restart, and ":memory:" for tests. Money is kept in cents and tax rates
 * in thousandths of a percent, as integers; the replies turn them into the server's
 * strings. Totals of tickets and invoices are kept in their rows so that a list of
 * 100,000 tickets can be filtered and counted without adding up its lines. */

struct _DeskStore
{
  sqlite3    *db;
  GHashTable *statements;  /* SQL text → sqlite3_stmt, owned */
};

static const char schema[] =
  "CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value INTEGER);"
  "CREATE TABLE IF NOT EXISTS taxclasses (id INTEGER PRIMARY KEY, name TEXT, percent INTEGER,"
  "  inclusive INTEGER DEFAULT 0);"
  "CREATE TABLE IF NOT EXISTS devices (id INTEGER PRIMARY KEY, name TEXT, manufacturer TEXT,"
  "  category TEXT);"
  "CREATE TABLE IF NOT EXISTS problems (id INTEGER PRIMARY KEY, device_id INTEGER, name TEXT,"
  "  price INTEGER, taxclass_id INTEGER);"
  "CREATE INDEX IF NOT EXISTS problems_device ON problems (device_id);"
  "CREATE TABLE IF NOT EXISTS statuses (id INTEGER PRIMARY KEY, name TEXT, color TEXT, type TEXT);"
  "CREATE TABLE IF NOT EXISTS employees (id INTEGER PRIMARY KEY, fullname TEXT, accesspin TEXT);"
  "CREATE TABLE IF NOT EXISTS networks (id INTEGER PRIMARY KEY, name TEXT);"
  "CREATE TABLE IF NOT EXISTS devicelocations (id INTEGER PRIMARY KEY, name TEXT);"
  "CREATE TABLE IF NOT EXISTS supplies (id INTEGER PRIMARY KEY, name TEXT);"
  "CREATE TABLE IF NOT EXISTS tasktypes (id INTEGER PRIMARY KEY, name TEXT);"
  "CREATE TABLE IF NOT EXISTS paymentmethods (id INTEGER PRIMARY KEY, name TEXT);"
  "CREATE TABLE IF NOT EXISTS products (id INTEGER PRIMARY KEY, is_part INTEGER, item_no TEXT,"
  "  name TEXT, sku TEXT, upc TEXT, in_stock INTEGER, taxclass_id INTEGER, warranty TEXT,"
  "  warranty_timeframe TEXT, supplier TEXT, description TEXT, location TEXT,"
  "  category_id INTEGER, manufacturer_id INTEGER, device_id INTEGER, price INTEGER);"
  "CREATE TABLE IF NOT EXISTS customers (id INTEGER PRIMARY KEY, first_name TEXT, last_name TEXT,"
  "  phone TEXT, mobile TEXT, email TEXT, address1 TEXT, address2 TEXT, postcode TEXT, city TEXT,"
  "  state TEXT, country TEXT, organization TEXT, referred_by TEXT, driving_licence TEXT,"
  "  contact_person TEXT, tax_number TEXT, network TEXT, group_id INTEGER DEFAULT 1);"
  "CREATE TABLE IF NOT EXISTS tickets (id INTEGER PRIMARY KEY, order_id TEXT, customer_id INTEGER,"
  "  created_by INTEGER, created_date INTEGER, repair_collected INTEGER, how_found TEXT,"
  "  signature TEXT, invoice_id INTEGER DEFAULT 0, subtotal INTEGER DEFAULT 0,"
  "  discount INTEGER DEFAULT 0, tax INTEGER DEFAULT 0, total INTEGER DEFAULT 0);"
  "CREATE INDEX IF NOT EXISTS tickets_date ON tickets (created_date);"
  "CREATE INDEX IF NOT EXISTS tickets_customer ON tickets (customer_id);"
  "CREATE TABLE IF NOT EXISTS ticket_devices (id INTEGER PRIMARY KEY, ticket_id INTEGER,"
  "  device_id INTEGER, imei TEXT, serial TEXT, security_code TEXT, status TEXT,"
  "  task_type INTEGER, due_on INTEGER, price INTEGER, line_discount INTEGER, gst INTEGER,"
  "  assigned_to INTEGER, taxclass_id INTEGER, location TEXT, network TEXT, warranty TEXT,"
  "  warranty_timeframe INTEGER, staff_comments TEXT, public_comments TEXT, created_on INTEGER,"
  "  supplied TEXT, preconditions TEXT, postconditions TEXT);"
  "CREATE INDEX IF NOT EXISTS ticket_devices_ticket ON ticket_devices (ticket_id);"
  "CREATE TABLE IF NOT EXISTS ticket_items (id INTEGER PRIMARY KEY, line_id INTEGER,"
  "  problem_id INTEGER, name TEXT);"
  "CREATE INDEX IF NOT EXISTS ticket_items_line ON ticket_items (line_id);"
  "CREATE TABLE IF NOT EXISTS ticket_parts (id INTEGER PRIMARY KEY, line_id INTEGER,"
  "  product_id INTEGER, name TEXT, sku TEXT, quantity INTEGER, price INTEGER, gst INTEGER,"
  "  taxclass_id INTEGER, warranty TEXT, warranty_timeframe TEXT, supplier TEXT);"
  "CREATE INDEX IF NOT EXISTS ticket_parts_line ON ticket_parts (line_id);"
  "CREATE TABLE IF NOT EXISTS ticket_history (id INTEGER PRIMARY KEY, ticket_id INTEGER,"
  "  description TEXT, creationdate INTEGER);"
  "CREATE INDEX IF NOT EXISTS ticket_history_ticket ON ticket_history (ticket_id);"
  "CREATE TABLE IF NOT EXISTS ticket_notes (id INTEGER PRIMARY KEY, ticket_id INTEGER,"
  "  title TEXT, type TEXT, user TEXT, text TEXT, created_on INTEGER);"
  "CREATE INDEX IF NOT EXISTS ticket_notes_ticket ON ticket_notes (ticket_id);"
  "CREATE TABLE IF NOT EXISTS invoices (id INTEGER PRIMARY KEY, order_id TEXT,"
  "  customer_id INTEGER, ticket_id INTEGER DEFAULT 0, created_date INTEGER, due_on INTEGER,"
  "  subtotal INTEGER DEFAULT 0, discount INTEGER DEFAULT 0, tax INTEGER DEFAULT 0,"
  "  total INTEGER DEFAULT 0, paid INTEGER DEFAULT 0, status TEXT DEFAULT 'Unpaid');"
  "CREATE INDEX IF NOT EXISTS invoices_date ON invoices (created_date);"
  "CREATE TABLE IF NOT EXISTS invoice_items (id INTEGER PRIMARY KEY, invoice_id INTEGER,"
  "  product_id INTEGER, name TEXT, sku TEXT, quantity INTEGER, description TEXT,"
  "  price INTEGER, gst INTEGER, line_discount INTEGER, notes TEXT, taxclass_id INTEGER);"
  "CREATE INDEX IF NOT EXISTS invoice_items_invoice ON invoice_items (invoice_id);"
  "CREATE TABLE IF NOT EXISTS payments (id INTEGER PRIMARY KEY, invoice_id INTEGER,"
  "  amount INTEGER, payment_date INTEGER, method TEXT, notes TEXT);"
  "CREATE INDEX IF NOT EXISTS payments_invoice ON payments (invoice_id);";

/* Every table the seed fills, in an order that can be emptied. */
static const char * const tables[] = {
  "taxclasses", "devices", "problems", "statuses", "employees", "networks",
  "devicelocations", "supplies", "tasktypes", "paymentmethods", "products", "customers",
  "tickets", "ticket_devices", "ticket_items", "ticket_parts", "ticket_history",
  "ticket_notes", "invoices", "invoice_items", "payments", "meta",
};

G_DEFINE_QUARK (desk-sandbox-error-quark, desk_sandbox_error)

/* digits('(555) 201-0101') = '5552010101': a phone number typed in another format still
 * finds the customer. */
static void
digits_func (sqlite3_context  *ctx,
             int               argc,
             sqlite3_value   **argv)
{
  const char *text = (const char *) sqlite3_value_text (argv[0]);
  GString *out = g_string_new (NULL);

  for (const char *p = text; p != NULL && *p != '\0'; p++)
    if (g_ascii_isdigit (*p))
      g_string_append_c (out, *p);

  sqlite3_result_text (ctx, out->str, (int) out->len, g_free);
  g_string_free (out, FALSE);
}

static gboolean
check (DeskStore  *store,
       int         rc,
       GError    **error)
{
  if (rc == SQLITE_OK || rc == SQLITE_DONE || rc == SQLITE_ROW)
    return TRUE;

  g_set_error (error, DESK_SANDBOX_ERROR, DESK_SANDBOX_ERROR_INTERNAL,
               "SQLite: %s", sqlite3_errmsg (store->db));
  return FALSE;
}

DeskStore *
desk_store_open (const char  *path,
                 GError     **error)
{
  g_autoptr(DeskStore) store = g_new0 (DeskStore, 1);
  gboolean in_memory = path == NULL || g_strcmp0 (path, ":memory:") == 0;

  store->statements = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                             (GDestroyNotify) sqlite3_finalize);

  /* The sandbox serialises all access itself, so SQLite's own mutex is not needed. */
  if (!check (store,
              sqlite3_open_v2 (in_memory ? ":memory:" : path, &store->db,
                               SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE |
                               SQLITE_OPEN_NOMUTEX, NULL),
              error))
    return NULL;

  sqlite3_create_function (store->db, "digits", 1, SQLITE_UTF8 | SQLITE_DETERMINISTIC, NULL,
                           digits_func, NULL, NULL);

  /* A page cache of 512 KiB instead of SQLite's 2 MiB: the store's file is in the
   * system's own cache anyway, and the cache lives in the same process as Front Desk
   * when the sandbox is its demo store. A list request reads a few dozen pages. */
  if (!in_memory &&
      (!desk_store_exec (store, "PRAGMA journal_mode=WAL", error) ||
       !desk_store_exec (store, "PRAGMA synchronous=NORMAL", error) ||
       !desk_store_exec (store, "PRAGMA cache_size=-512", error)))
    return NULL;

  if (!desk_store_exec (store, schema, error))
    return NULL;

  return g_steal_pointer (&store);
}

void
desk_store_free (DeskStore *store)
{
  if (store == NULL)
    return;

  g_clear_pointer (&store->statements, g_hash_table_unref);
  sqlite3_close (store->db);
  g_free (store);
}

sqlite3 *
desk_store_get_db (DeskStore *store)
{
  return store->db;
}

/* Statements are prepared once and kept: a list request runs the same few queries over and
 * over. @sql must be a string that lives as long as the store (a literal). */
sqlite3_stmt *
desk_store_prepare (DeskStore  *store,
                    const char *sql)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (store->statements, sql);

  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }

  if (sqlite3_prepare_v3 (store->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL) != SQLITE_OK)
    g_error ("Bad sandbox SQL: %s\n%s", sqlite3_errmsg (store->db), sql);

  g_hash_table_insert (store->statements, (gpointer) sql, stmt);

  return stmt;
}

gboolean
desk_store_exec (DeskStore   *store,
                 const char  *sql,
                 GError     **error)
{
  return check (store, sqlite3_exec (store->db, sql, NULL, NULL, NULL), error);
}

gboolean
desk_store_step_done (DeskStore     *store,
                      sqlite3_stmt  *stmt,
                      GError       **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);

  return check (store, rc, error);
}

gint64
desk_store_last_id (DeskStore *store)
{
  return sqlite3_last_insert_rowid (store->db);
}

gint64
desk_store_count (DeskStore  *store,
                  const char *table)
{
  g_autofree char *sql = g_strdup_printf ("SELECT COUNT(*) FROM %s", table);
  sqlite3_stmt *stmt = NULL;
  gint64 n = 0;

  if (sqlite3_prepare_v2 (store->db, sql, -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);

  return n;
}

gint64
desk_store_get_meta (DeskStore  *store,
                     const char *key)
{
  sqlite3_stmt *stmt = desk_store_prepare (store, "SELECT value FROM meta WHERE key = ?");
  gint64 value = 0;

  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  return value;
}

void
desk_store_set_meta (DeskStore  *store,
                     const char *key,
                     gint64      value)
{
  sqlite3_stmt *stmt = desk_store_prepare (store,
                                           "INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)");

  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, value);
  desk_store_step_done (store, stmt, NULL);
}

gboolean
desk_store_clear (DeskStore  *store,
                  GError    **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      g_autofree char *sql = g_strdup_printf ("DELETE FROM %s", tables[i]);

      if (!desk_store_exec (store, sql, error))
        return FALSE;
    }

  return TRUE;
}

/* Moves every date of the store by @seconds, so that a demo store seeded days ago still
 * has its "today" today. Placeholders (0 and below) stay as they are. */
void
desk_store_shift_dates (DeskStore *store,
                        gint64     seconds)
{
  static const char * const columns[][2] = {
    { "tickets", "created_date" }, { "tickets", "repair_collected" },
    { "ticket_devices", "due_on" }, { "ticket_devices", "created_on" },
    { "ticket_history", "creationdate" }, { "ticket_notes", "created_on" },
    { "invoices", "created_date" }, { "invoices", "due_on" },
    { "payments", "payment_date" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    {
      g_autofree char *sql = g_strdup_printf ("UPDATE %s SET %s = %s + %" G_GINT64_FORMAT
                                              " WHERE %s > 0",
                                              columns[i][0], columns[i][1], columns[i][1],
                                              seconds, columns[i][1]);

      desk_store_exec (store, sql, NULL);
    }
}

const char *
desk_store_text (sqlite3_stmt *stmt,
                 int           column)
{
  const char *text = (const char *) sqlite3_column_text (stmt, column);

  return text != NULL ? text : "";
}

/* Whether @sql (a literal taking one id) finds a row. */
gboolean
desk_store_has_row (DeskStore  *store,
                    const char *sql,
                    gint64      id)
{
  sqlite3_stmt *stmt = desk_store_prepare (store, sql);
  gboolean found;

  sqlite3_bind_int64 (stmt, 1, id);
  found = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_reset (stmt);

  return found;
}

/* Runs @sql (a literal taking one id) and fails with "@what N does not exist." (a 404)
 * when it finds no row. */
gboolean
desk_store_exists (DeskStore   *store,
                   const char  *sql,
                   gint64       id,
                   const char  *what,
                   GError     **error)
{
  gboolean found = desk_store_has_row (store, sql, id);

  if (!found)
    g_set_error (error, DESK_SANDBOX_ERROR, DESK_SANDBOX_ERROR_NOT_FOUND,
                 "%s %" G_GINT64_FORMAT " does not exist.", what, id);

  return found;
}

/* Adds an object to @into for each row of @sql (a literal taking one id), filled by @fill:
 * the nested lists of a record (its payments, items, history). */
void
desk_store_rows_to_array (DeskStore   *store,
                          const char  *sql,
                          gint64       id,
                          JsonArray   *into,
                          DeskRowFunc  fill)
{
  sqlite3_stmt *stmt = desk_store_prepare (store, sql);

  sqlite3_bind_int64 (stmt, 1, id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    fill (store, stmt, jadd_object (into));
  sqlite3_reset (stmt);
}
