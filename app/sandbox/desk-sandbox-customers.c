/* desk-sandbox-customers.c
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "desk-sandbox"

#include "config.h"

#include <string.h>

#include "desk-sandbox-private.h"

/* Customers, in the 2018 shape: one flat array, "cid" as a string even in the detail,
 * "orgonization" and "refered_by" spelt as the server spells them. */

#define CUSTOMER_COLUMNS \
  "SELECT id, first_name, last_name, phone, mobile, email, address1, address2, postcode," \
  " city, state, country, organization, referred_by, driving_licence, contact_person," \
  " tax_number, network FROM customers"

#define MAX_FIELD_LENGTH 255

static void
customer_object (sqlite3_stmt *stmt,
                 gboolean      detail,
                 JsonObject   *o)
{
  JsonObject *group;

  if (!detail)
    {
      g_autofree char *full = g_strdup_printf ("%s %s", desk_store_text (stmt, 1),
                                               desk_store_text (stmt, 2));

      jset_str (o, "fullName", full);
    }
  jset_id (o, "cid", sqlite3_column_int64 (stmt, 0));
  if (detail)
    {
      jset_str (o, "first_name", desk_store_text (stmt, 1));
      jset_str (o, "last_name", desk_store_text (stmt, 2));
    }
  jset_str (o, "phone", desk_store_text (stmt, 3));
  jset_str (o, "mobile", desk_store_text (stmt, 4));
  jset_str (o, "address1", desk_store_text (stmt, 6));
  jset_str (o, "address2", desk_store_text (stmt, 7));
  jset_str (o, "postcode", desk_store_text (stmt, 8));
  jset_str (o, "city", desk_store_text (stmt, 9));
  jset_str (o, "state", desk_store_text (stmt, 10));
  jset_str (o, "country", desk_store_text (stmt, 11));
  jset_str (o, "email", desk_store_text (stmt, 5));
  jset_str (o, "orgonization", desk_store_text (stmt, 12));
  jset_str (o, "refered_by", desk_store_text (stmt, 13));
  jset_str (o, "driving_licence", desk_store_text (stmt, 14));
  jset_str (o, "contact_person", desk_store_text (stmt, 15));
  jset_str (o, "tax_number", desk_store_text (stmt, 16));
  jset_str (o, "network", desk_store_text (stmt, 17));
  group = jset_object (o, "customer_group");
  jset_str (group, "id", "1");
  jset_str (group, "name", "Individual");
}

/* The customer as tickets and invoices embed it: in lists {fullName, id, mobile, ...,
 * fullname (the first name)}, in details {fullName, cid (integer), ...}. A walk-in
 * customer (id 0) is "Walk In". */
void
desk_customer_summary (DeskStore  *store,
                       gint64      customer_id,
                       gboolean    detail,
                       JsonObject *into)
{
  sqlite3_stmt *stmt = desk_store_prepare (store, CUSTOMER_COLUMNS " WHERE id = ?");
  gboolean found;
  g_autofree char *full = NULL;

  sqlite3_bind_int64 (stmt, 1, customer_id);
  found = customer_id > 0 && sqlite3_step (stmt) == SQLITE_ROW;
  full = found ? g_strdup_printf ("%s %s", desk_store_text (stmt, 1), desk_store_text (stmt, 2))
               : g_strdup ("Walk In");

  jset_str (into, "fullName", full);
  if (detail && found)
    jset_int (into, "cid", customer_id);
  else if (detail)
    jset_str (into, "cid", "0");
  else
    jset_id (into, "id", found ? customer_id : 0);
  if (detail)
    jset_str (into, "phone", found ? desk_store_text (stmt, 3) : "");
  jset_str (into, "mobile", found ? desk_store_text (stmt, 4) : "");
  if (detail)
    {
      jset_str (into, "orgonization", found ? desk_store_text (stmt, 12) : "");
      jset_str (into, "email", found ? desk_store_text (stmt, 5) : "");
    }
  jset_str (into, "address1", found ? desk_store_text (stmt, 6) : "");
  if (!detail)
    jset_str (into, "fullname", found ? desk_store_text (stmt, 1) : "Walk");
  jset_str (into, "address2", found ? desk_store_text (stmt, 7) : "");
  if (!detail)
    {
      jset_str (into, "orgonization", found ? desk_store_text (stmt, 12) : "");
      jset_str (into, "email", found ? desk_store_text (stmt, 5) : "");
      jset_str (into, "phone", found ? desk_store_text (stmt, 3) : "");
    }
  sqlite3_reset (stmt);
}

/* A keyword with at least three digits and nothing but phone punctuation is also matched
 * against the digits of the phone numbers. */
static char *
phone_digits (const char *keyword)
{
  GString *out = g_string_new (NULL);

  for (const char *p = keyword; *p != '\0'; p++)
    {
      if (g_ascii_isdigit (*p))
        g_string_append_c (out, *p);
      else if (strchr (" +-().", *p) == NULL)
        return (g_string_free (out, TRUE), NULL);
    }
  if (out->len < 3)
    return (g_string_free (out, TRUE), NULL);

  return g_string_free (out, FALSE);
}

gboolean
desk_route_customers_index (DeskRequest  *req,
                            GError      **error)
{
  sqlite3_stmt *stmt = desk_store_prepare (req->store, CUSTOMER_COLUMNS
    " WHERE (?1 IS NULL OR first_name || ' ' || last_name LIKE ?1 ESCAPE '\\'"
    "        OR phone LIKE ?1 ESCAPE '\\' OR mobile LIKE ?1 ESCAPE '\\'"
    "        OR email LIKE ?1 ESCAPE '\\' OR organization LIKE ?1 ESCAPE '\\'"
    "        OR (?2 IS NOT NULL AND (digits (phone) LIKE ?2 OR digits (mobile) LIKE ?2)))"
    "   AND (?3 IS NULL OR referred_by = ?3 COLLATE NOCASE)"
    " ORDER BY id DESC LIMIT ?4 OFFSET ?5");
  const char *keyword = query_str (req, "keyword");
  g_autofree char *like = NULL;
  g_autofree char *numbers = keyword != NULL ? phone_digits (keyword) : NULL;
  g_autofree char *numbers_like = numbers != NULL ? g_strdup_printf ("%%%s%%", numbers) : NULL;
  g_autoptr(JsonArray) a = json_array_new ();
  gint64 page, size;

  if (keyword != NULL)
    {
      g_autofree char *stripped = g_strstrip (g_strdup (keyword));

      like = like_pattern (stripped);
      sqlite3_bind_text (stmt, 1, like, -1, SQLITE_STATIC);
    }
  if (numbers_like != NULL)
    sqlite3_bind_text (stmt, 2, numbers_like, -1, SQLITE_STATIC);
  if (query_str (req, "referredby") != NULL)
    sqlite3_bind_text (stmt, 3, query_str (req, "referredby"), -1, SQLITE_STATIC);

  /* The 2018 server sent every customer at once; paging applies only when asked for. */
  if (query_str (req, "page") != NULL || query_str (req, "pagesize") != NULL)
    {
      query_paging (req, 50, &page, &size);
      sqlite3_bind_int64 (stmt, 4, size);
      sqlite3_bind_int64 (stmt, 5, (page - 1) * size);
    }
  else
    {
      sqlite3_bind_int64 (stmt, 4, -1);
      sqlite3_bind_int64 (stmt, 5, 0);
    }

  while (sqlite3_step (stmt) == SQLITE_ROW)
    customer_object (stmt, FALSE, jadd_object (a));
  sqlite3_reset (stmt);
  req->data = json_node_init_array (json_node_alloc (), a);

  return TRUE;
}

static gboolean
show_customer (DeskRequest  *req,
               gint64        id,
               GError      **error)
{
  sqlite3_stmt *stmt = desk_store_prepare (req->store, CUSTOMER_COLUMNS " WHERE id = ?");
  g_autoptr(JsonObject) o = NULL;

  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      sqlite3_reset (stmt);
      g_set_error (error, DESK_SANDBOX_ERROR, DESK_SANDBOX_ERROR_NOT_FOUND,
                   "Customer %" G_GINT64_FORMAT " does not exist.", id);
      return FALSE;
    }

  o = json_object_new ();
  customer_object (stmt, TRUE, o);
  sqlite3_reset (stmt);
  req->data = json_node_init_object (json_node_alloc (), o);

  return TRUE;
}

gboolean
desk_route_customers_show (DeskRequest  *req,
                           GError      **error)
{
  return show_customer (req, req->ids[0], error);
}

/* The body key of each column: "orgonization" and "refered_by" are what the server's own
 * example sends; the plain spellings are taken too. */
static const char *
alias_of (const char *field)
{
  if (g_str_equal (field, "organization"))
    return "orgonization";
  if (g_str_equal (field, "referred_by"))
    return "refered_by";
  return NULL;
}

/* Reads the customer fields of the body into @values (NULL where not sent). */
static gboolean
read_fields (JsonObject  *body,
             char       **values,
             GError     **error)
{
  for (int i = 0; i < DESK_N_CUSTOMER_FIELDS; i++)
    {
      const char *field = desk_customer_fields[i];

      if (!body_string (body, field, &values[i], error))
        return FALSE;
      if (values[i] == NULL && alias_of (field) != NULL &&
          !body_string (body, alias_of (field), &values[i], error))
        return FALSE;
      if (values[i] != NULL && strlen (values[i]) > MAX_FIELD_LENGTH)
        {
          g_set_error (error, DESK_SANDBOX_ERROR, DESK_SANDBOX_ERROR_INVALID,
                       "%s should contain at most %d characters.", field, MAX_FIELD_LENGTH);
          return FALSE;
        }
      if (values[i] != NULL && !g_utf8_validate (values[i], -1, NULL))
        {
          g_set_error (error, DESK_SANDBOX_ERROR, DESK_SANDBOX_ERROR_INVALID,
                       "%s is not valid UTF-8.", field);
          return FALSE;
        }
    }

  if (values[4] != NULL && *values[4] != '\0' && strchr (values[4], '@') == NULL)
    {
      g_set_error (error, DESK_SANDBOX_ERROR, DESK_SANDBOX_ERROR_INVALID,
                   "email is not a valid email address.");
      return FALSE;
    }

  return TRUE;
}

static void
free_fields (char **values)
{
  for (int i = 0; i < DESK_N_CUSTOMER_FIELDS; i++)
    g_free (values[i]);
}

gboolean
desk_route_customers_create (DeskRequest  *req,
                             GError      **error)
{
  char *values[DESK_N_CUSTOMER_FIELDS] = { NULL, };
  gboolean ok;
  gint64 id;

  ok = read_fields (req->body, values, error);
  if (ok && (values[0] == NULL || *g_strstrip (values[0]) == '\0'))
    {
      g_set_error (error, DESK_SANDBOX_ERROR, DESK_SANDBOX_ERROR_INVALID,
                   "first_name cannot be blank.");
      ok = FALSE;
    }

  if (ok)
    {
      id = desk_insert_customer (req->store, 0, (const char * const *) values);
      ok = show_customer (req, id, error);
      req->message = g_strdup ("Customer was created successfully");
    }
  free_fields (values);

  return ok;
}

gboolean
desk_route_customers_update (DeskRequest  *req,
                             GError      **error)
{
  char *values[DESK_N_CUSTOMER_FIELDS] = { NULL, };
  gboolean ok;

  if (!desk_store_exists (req->store, "SELECT 1 FROM customers WHERE id = ?", req->ids[0],
                          "Customer", error))
    return FALSE;

  ok = read_fields (req->body, values, error);
  for (int i = 0; ok && i < DESK_N_CUSTOMER_FIELDS; i++)
    {
      g_autofree char *sql = NULL;
      sqlite3_stmt *stmt = NULL;

      if (values[i] == NULL)
        continue;

      /* The column name comes from our own list, never from the request. */
      sql = g_strdup_printf ("UPDATE customers SET %s = ? WHERE id = ?", desk_customer_fields[i]);
      sqlite3_prepare_v2 (desk_store_get_db (req->store), sql, -1, &stmt, NULL);
      sqlite3_bind_text (stmt, 1, values[i], -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 2, req->ids[0]);
      ok = desk_store_step_done (req->store, stmt, error);
      sqlite3_finalize (stmt);
    }
  free_fields (values);

  if (!ok)
    return FALSE;

  req->message = g_strdup ("Customer was Updated successfully");

  return show_customer (req, req->ids[0], error);
}
