/* test-sandbox-api.c
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "desk-money.h"
#include "test-sandbox-util.h"

/* Every endpoint and filter of the sandbox, read with a plain SoupSession. */

static TestReply *
get (TestFixture *f,
     const char  *path)
{
  return test_request (f->session, f->sandbox, "GET", path, NULL);
}

static TestReply *
send_json (TestFixture *f,
           const char  *method,
           const char  *path,
           const char  *body)
{
  return test_request (f->session, f->sandbox, method, path, body);
}

static JsonArray *
ticket_data (TestReply *reply)
{
  g_assert_true (test_success (reply));
  return json_object_get_array_member (test_data_object (reply), "ticketData");
}

static JsonObject *
pagination (TestReply *reply)
{
  return json_object_get_object_member (test_data_object (reply), "pagination");
}

static JsonObject *
summary_of (JsonArray *records,
            guint      i)
{
  return json_object_get_object_member (json_array_get_object_element (records, i), "summary");
}

/* --- Customers ----------------------------------------------------------------------------- */

static void
test_customers_index (TestFixture   *f,
                      gconstpointer  data)
{
  g_autoptr(TestReply) all = get (f, "customers");
  g_autoptr(TestReply) paged = get (f, "customers?page=2&pagesize=20");
  g_autoptr(TestReply) empty = get (f, "customers?keyword=nobody-has-this-name");
  JsonArray *a = test_data_array (all);
  JsonObject *first = json_array_get_object_element (a, 0);

  g_assert_true (test_success (all));
  g_assert_cmpint (json_array_get_length (a), ==, TEST_CUSTOMERS);
  g_assert_cmpint (json_node_get_value_type (json_object_get_member (first, "cid")), ==, G_TYPE_STRING);
  g_assert_true (json_object_has_member (first, "orgonization"));
  g_assert_true (json_object_has_member (first, "refered_by"));
  g_assert_true (json_object_has_member (first, "fullName"));

  g_assert_cmpint (json_array_get_length (test_data_array (paged)), ==, 20);
  g_assert_cmpint (test_id (json_array_get_object_element (test_data_array (paged), 0), "cid"), ==,
                   test_id (json_array_get_object_element (a, 20), "cid"));

  /* An empty customer search is a success with an empty list, unlike tickets. */
  g_assert_true (test_success (empty));
  g_assert_cmpint (test_status_code (empty), ==, 200);
  g_assert_cmpint (json_array_get_length (test_data_array (empty)), ==, 0);
}

static void
test_customers_search (TestFixture   *f,
                       gconstpointer  data)
{
  g_autoptr(TestReply) all = get (f, "customers");
  JsonObject *someone = json_array_get_object_element (test_data_array (all), 3);
  g_autofree char *last = g_strdup (strrchr (json_object_get_string_member (someone, "fullName"), ' ') + 1);
  g_autofree char *by_name = g_strdup_printf ("customers?keyword=%s", last);
  g_autoptr(TestReply) named = get (f, by_name);
  const char *mobile = json_object_get_string_member (someone, "mobile");
  g_autoptr(GString) digits = g_string_new (NULL);
  g_autofree char *by_phone = NULL;
  g_autoptr(TestReply) phoned = NULL;
  JsonArray *found;
  gboolean seen = FALSE;

  found = test_data_array (named);
  g_assert_cmpint (json_array_get_length (found), >=, 1);
  for (guint i = 0; i < json_array_get_length (found); i++)
    {
      const char *full = json_object_get_string_member (json_array_get_object_element (found, i), "fullName");

      g_assert_nonnull (strstr (full, last));
    }

  /* The last seven digits of the mobile, typed without its punctuation. */
  for (const char *p = mobile; *p != '\0'; p++)
    if (g_ascii_isdigit (*p))
      g_string_append_c (digits, *p);
  by_phone = g_strdup_printf ("customers?keyword=%s", digits->str + digits->len - 7);
  phoned = get (f, by_phone);
  found = test_data_array (phoned);
  for (guint i = 0; i < json_array_get_length (found); i++)
    seen |= test_id (json_array_get_object_element (found, i), "cid") == test_id (someone, "cid");
  g_assert_true (seen);
}

static void
test_customers_referred (TestFixture   *f,
                         gconstpointer  data)
{
  g_autoptr(TestReply) reply = get (f, "customers?referredby=google");
  JsonArray *a = test_data_array (reply);

  g_assert_cmpint (json_array_get_length (a), >, 0);
  for (guint i = 0; i < json_array_get_length (a); i++)
    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (a, i), "refered_by"),
                     ==, "Google");
}

static void
test_customers_write (TestFixture   *f,
                      gconstpointer  data)
{
  g_autoptr(TestReply) created = send_json (f, "POST", "customers",
    "{\"first_name\": \"Ada\", \"last_name\": \"Quill\", \"mobile\": \"555-0199\","
    " \"orgonization\": \"Quill & Co\", \"email\": \"ada@example.com\"}");
  gint64 id = test_id (test_data_object (created), "cid");
  g_autofree char *path = g_strdup_printf ("customers/%" G_GINT64_FORMAT, id);
  g_autoptr(TestReply) updated = send_json (f, "PUT", path, "{\"mobile\": \"555-0200\"}");
  g_autoptr(TestReply) shown = get (f, path);
  g_autoptr(TestReply) missing = get (f, "customers/999999999");
  g_autoptr(TestReply) blank = send_json (f, "POST", "customers", "{\"last_name\": \"Nofirst\"}");
  JsonObject *c = test_data_object (shown);

  g_assert_true (test_success (created));
  g_assert_cmpstr (json_object_get_string_member (test_envelope (created), "message"), ==,
                   "Customer was created successfully");
  g_assert_true (test_success (updated));
  g_assert_cmpstr (json_object_get_string_member (c, "first_name"), ==, "Ada");
  g_assert_cmpstr (json_object_get_string_member (c, "mobile"), ==, "555-0200");
  g_assert_cmpstr (json_object_get_string_member (c, "orgonization"), ==, "Quill & Co");

  g_assert_false (test_success (missing));
  g_assert_cmpint (test_status_code (missing), ==, 404);
  g_assert_cmpint (missing->http_status, ==, 200);

  g_assert_false (test_success (blank));
  g_assert_cmpint (test_status_code (blank), ==, 422);
  g_assert_nonnull (strstr (json_object_get_string_member (test_data_object (blank), "message"),
                            "first_name"));
}

/* --- Tickets ------------------------------------------------------------------------------- */

static gint64
midnight_of_test_day (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_from_unix_local (TEST_NOW);
  g_autoptr(GDateTime) midnight = g_date_time_new_local (g_date_time_get_year (now),
                                                         g_date_time_get_month (now),
                                                         g_date_time_get_day_of_month (now),
                                                         0, 0, 0);

  return g_date_time_to_unix (midnight);
}

static void
assert_dates_within (JsonArray *records,
                     gint64     from,
                     gint64     to)
{
  for (guint i = 0; i < json_array_get_length (records); i++)
    {
      gint64 created = json_object_get_int_member (summary_of (records, i), "created_date");

      g_assert_cmpint (created, >=, from);
      g_assert_cmpint (created, <=, to);
    }
}

static void
test_tickets_dates (TestFixture   *f,
                    gconstpointer  data)
{
  gint64 midnight = midnight_of_test_day ();
  g_autoptr(TestReply) today = get (f, "tickets");
  g_autoptr(TestReply) all = get (f, "tickets?filter=0");
  g_autoptr(TestReply) week = get (f, "tickets?filter=7&pagesize=1000");
  g_autoptr(TestReply) yesterday = get (f, "tickets?filter=1&pagesize=1000");
  g_autofree char *range_path = g_strdup_printf ("tickets?from_date=%" G_GINT64_FORMAT
                                                 "&to_date=%" G_GINT64_FORMAT "&pagesize=1000",
                                                 midnight - 30 * 86400, midnight - 10 * 86400);
  g_autoptr(TestReply) range = get (f, range_path);
  JsonArray *records = ticket_data (today);

  /* Without a date filter, only today's tickets; the seed always makes some. */
  g_assert_cmpint (json_array_get_length (records), >=, 3);
  assert_dates_within (records, midnight, midnight + 86399);
  g_assert_cmpint (json_object_get_int_member (pagination (all), "total_records"), ==, TEST_TICKETS);
  assert_dates_within (ticket_data (week), TEST_NOW - 7 * 86400, TEST_NOW);
  assert_dates_within (ticket_data (range), midnight - 30 * 86400, midnight - 10 * 86400);
  g_assert_cmpint (json_array_get_length (ticket_data (range)), >, 0);
  if (test_success (yesterday))
    assert_dates_within (ticket_data (yesterday), midnight - 86400, midnight - 1);
  else
    g_assert_cmpint (test_status_code (yesterday), ==, 100);
}

static void
test_tickets_paging (TestFixture   *f,
                     gconstpointer  data)
{
  g_autoptr(TestReply) page0 = get (f, "tickets?filter=0&page=0&pagesize=25");
  g_autoptr(TestReply) page1 = get (f, "tickets?filter=0&page=1&pagesize=25");
  g_autoptr(TestReply) last = get (f, "tickets?filter=0&page=12&pagesize=25");
  g_autoptr(TestReply) past = get (f, "tickets?filter=0&page=13&pagesize=25");
  g_autoptr(TestReply) one = get (f, "tickets?filter=0&pagesize=1");
  g_autoptr(TestReply) big = get (f, "tickets?filter=0&pagesize=1000");
  JsonObject *p = pagination (page1);

  g_assert_cmpint (test_id (summary_of (ticket_data (page0), 0), "id"), ==,
                   test_id (summary_of (ticket_data (page1), 0), "id"));
  g_assert_cmpint (json_object_get_int_member (p, "page"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (p, "per_page"), ==, 25);
  g_assert_cmpint (json_object_get_int_member (p, "total_pages"), ==, 12);
  g_assert_cmpint (json_object_get_int_member (p, "next_page_exist"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (p, "previous_page_exist"), ==, 0);

  g_assert_cmpint (json_array_get_length (ticket_data (last)), ==, 25);
  g_assert_cmpint (json_object_get_int_member (pagination (last), "next_page_exist"), ==, 0);
  g_assert_cmpint (json_object_get_int_member (pagination (last), "previous_page_exist"), ==, 1);

  /* Past the end is the server's "No Result Found", sent with HTTP 200. */
  g_assert_false (test_success (past));
  g_assert_cmpint (test_status_code (past), ==, 100);
  g_assert_cmpstr (json_object_get_string_member (test_envelope (past), "message"), ==, "No Result Found");
  g_assert_cmpint (json_array_get_length (test_data_array (past)), ==, 0);
  g_assert_cmpint (past->http_status, ==, 200);

  g_assert_cmpint (json_array_get_length (ticket_data (one)), ==, 1);
  g_assert_cmpint (json_object_get_int_member (pagination (one), "total_pages"), ==, TEST_TICKETS);
  g_assert_cmpint (json_array_get_length (ticket_data (big)), ==, TEST_TICKETS);
}

/* Every listed ticket has a device line matching @check. */
static void
assert_each_ticket (JsonArray  *records,
                    gboolean  (*check) (JsonObject *device, gconstpointer value),
                    gconstpointer value)
{
  g_assert_cmpint (json_array_get_length (records), >, 0);
  for (guint i = 0; i < json_array_get_length (records); i++)
    {
      JsonArray *devices = json_object_get_array_member (json_array_get_object_element (records, i),
                                                         "devices");
      gboolean any = FALSE;

      for (guint d = 0; d < json_array_get_length (devices); d++)
        any |= check (json_array_get_object_element (devices, d), value);
      g_assert_true (any);
    }
}

static gboolean
has_status (JsonObject    *device,
            gconstpointer  value)
{
  return g_str_equal (json_object_get_string_member (json_object_get_object_member (device, "status"),
                                                     "name"), value);
}

static gboolean
assigned_to (JsonObject    *device,
             gconstpointer  value)
{
  return test_id (json_object_get_object_member (device, "assigned_to"), "id") ==
         *(const gint64 *) value;
}

static gboolean
has_imei (JsonObject    *device,
          gconstpointer  value)
{
  return g_str_equal (json_object_get_string_member (device, "imei"), value);
}

static void
test_tickets_filters (TestFixture   *f,
                      gconstpointer  data)
{
  g_autoptr(TestReply) pending = get (f, "tickets?filter=0&status=Repaired%20%26%20Collected&pagesize=1000");
  g_autoptr(TestReply) all = get (f, "tickets?filter=0&pagesize=1000");
  JsonObject *sample = json_array_get_object_element (ticket_data (all), 5);
  JsonObject *device = json_array_get_object_element (json_object_get_array_member (sample, "devices"), 0);
  gint64 employee = test_id (json_object_get_object_member (device, "assigned_to"), "id");
  gint64 creator = test_id (json_object_get_object_member (json_object_get_object_member (sample, "summary"),
                                                           "created_by"), "id");
  g_autofree char *assigned_path = g_strdup_printf ("tickets?filter=0&pagesize=1000&assigned_to=%" G_GINT64_FORMAT, employee);
  g_autofree char *creator_path = g_strdup_printf ("tickets?filter=0&pagesize=1000&created_by=%" G_GINT64_FORMAT, creator);
  g_autoptr(TestReply) assigned = get (f, assigned_path);
  g_autoptr(TestReply) created = get (f, creator_path);
  g_autofree char *order_path = g_strdup_printf ("tickets?filter=0&keyword=%s",
                                                 json_object_get_string_member (json_object_get_object_member (sample, "summary"), "order_id"));
  g_autoptr(TestReply) by_order = get (f, order_path);
  const char *imei = NULL;
  JsonArray *records = ticket_data (all);

  assert_each_ticket (ticket_data (pending), has_status, "Repaired & Collected");
  assert_each_ticket (ticket_data (assigned), assigned_to, &employee);
  g_assert_cmpint (json_array_get_length (ticket_data (assigned)), <, TEST_TICKETS);
  for (guint i = 0; i < json_array_get_length (ticket_data (created)); i++)
    g_assert_cmpint (test_id (json_object_get_object_member (summary_of (ticket_data (created), i), "created_by"),
                              "id"), ==, creator);
  g_assert_cmpint (test_id (summary_of (ticket_data (by_order), 0), "id"), ==,
                   test_id (json_object_get_object_member (sample, "summary"), "id"));

  for (guint i = 0; imei == NULL && i < json_array_get_length (records); i++)
    {
      JsonObject *d = json_array_get_object_element (json_object_get_array_member (json_array_get_object_element (records, i), "devices"), 0);

      if (*json_object_get_string_member (d, "imei") != '\0')
        imei = json_object_get_string_member (d, "imei");
    }
  g_assert_nonnull (imei);
  {
    g_autofree char *imei_path = g_strdup_printf ("tickets?filter=0&keyword=%s", imei);
    g_autoptr(TestReply) by_imei = get (f, imei_path);

    assert_each_ticket (ticket_data (by_imei), has_imei, imei);
  }
}

/* Builds a create body for a device of the store with its first repair. */
static char *
ticket_body (TestFixture *f,
             const char  *signature,
             const char  *extra)
{
  g_autoptr(TestReply) problems = get (f, "problems");
  JsonObject *problem = NULL;
  JsonArray *a = test_data_array (problems);

  for (guint i = 0; problem == NULL && i < json_array_get_length (a); i++)
    if (g_strcmp0 (json_object_get_string_member (json_array_get_object_element (a, i), "price"), "0.00") != 0 &&
        g_strcmp0 (json_object_get_string_member (json_object_get_object_member (json_array_get_object_element (a, i), "tax_class"), "tax_percent"), "8.750") == 0)
      problem = json_array_get_object_element (a, i);

  return g_strdup_printf ("{\"summary\": {\"customer_id\": \"380001\", \"signature\": \"%s\"},"
                          " \"devices\": [{\"device\": \"%s\", \"repairProdItems\": [{\"id\": \"%s\", \"name\": \"\"}],"
                          " \"imei\": \"356938035643809\", \"status\": \"Pending\", \"task_type\": \"1\","
                          " \"price\": \"116.36\", \"line_discount\": \"6.36\", \"taxclass\": \"7401\","
                          " \"assigned_to\": \"1751\", \"supplied\": [{\"name\": \"Charger\", \"result\": \"1\"}],"
                          " \"PreConditions\": [{\"name\": \"Power Button\", \"result\": \"0\"}],"
                          " \"Parts\": [{\"product_id\": \"2930001\", \"quantity\": \"2\", \"price\": \"6.67\"}]%s}]}",
                          signature, json_object_get_string_member (problem, "device"),
                          json_object_get_string_member (problem, "id"), extra);
}

static void
test_tickets_create (TestFixture   *f,
                     gconstpointer  data)
{
  g_autofree char *png = test_png_base64 ();
  g_autofree char *body = ticket_body (f, png, "");
  g_autoptr(TestReply) created = send_json (f, "POST", "tickets", body);
  JsonObject *d = test_data_object (created);
  gint64 id = json_object_get_int_member (d, "id");
  g_autofree char *path = g_strdup_printf ("tickets/%" G_GINT64_FORMAT, id);
  g_autoptr(TestReply) shown = get (f, path);
  JsonObject *ticket = test_data_object (shown);
  JsonObject *summary = json_object_get_object_member (ticket, "summary");
  JsonObject *device = json_array_get_object_element (json_object_get_array_member (ticket, "devices"), 0);
  JsonObject *signature = json_object_get_object_member (summary, "signature");
  g_autoptr(TestReply) today = get (f, "tickets?pagesize=1000");
  gboolean listed = FALSE;

  g_assert_true (test_success (created));
  g_assert_cmpstr (json_object_get_string_member (test_envelope (created), "message"), ==,
                   "Ticket was created successfully");
  g_assert_cmpint (json_node_get_value_type (json_object_get_member (d, "customer_id")), ==, G_TYPE_INT64);
  g_assert_cmpint (json_array_get_length (json_object_get_array_member (d, "ticketLabels")), ==, 1);

  /* The server's own totals: lines, parts, discount and tax class. */
  g_assert_cmpint (json_object_get_int_member (summary, "id"), ==, id);
  g_assert_cmpstr (json_object_get_string_member (summary, "subtotal"), ==, "$129.70");
  g_assert_cmpstr (json_object_get_string_member (summary, "discount"), ==, "$6.36");
  /* Worked out by hand, both taxes on a half cent or above it, rounded up:
   *   line:  116.36 - 6.36 = 110.00, at 8.75 % = 9.625  -> 9.63
   *   parts: 2 x 6.67      =  13.34, at 8.75 % = 1.16725 -> 1.17
   *   total: 129.70 - 6.36 + 9.63 + 1.17 = 134.14 */
  g_assert_cmpstr (json_object_get_string_member (summary, "total"), ==, "$134.14");
  g_assert_cmpstr (json_object_get_string_member (device, "gst"), ==, "9.63");
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (device, "taxclass"), "id"), ==, 7401);
  g_assert_cmpint (json_array_get_length (json_object_get_array_member (device, "parts")), ==, 1);
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (json_object_get_array_member (device, "suplied"), 0),
                                               "result"), ==, 1);
  g_assert_true (json_object_get_boolean_member (signature, "signature"));
  g_assert_cmpstr (json_object_get_string_member (signature, "data"), ==, png);
  g_assert_cmpint (json_array_get_length (json_object_get_array_member (ticket, "hostory")), >=, 2);

  /* Created now, so it is one of today's. */
  for (guint i = 0; i < json_array_get_length (ticket_data (today)); i++)
    listed |= test_id (summary_of (ticket_data (today), i), "id") == id;
  g_assert_true (listed);
}

/* "0" is how a form says "none" for an id: the line keeps its default task type and takes
 * the tax class of its repair item, instead of failing on a record 0 that cannot exist. */
static void
test_tickets_unset_ids (TestFixture   *f,
                        gconstpointer  data)
{
  g_autofree char *body = ticket_body (f, "", ", \"task_type\": \"0\", \"taxclass\": \"\"");
  g_autoptr(TestReply) created = send_json (f, "POST", "tickets", body);
  g_autofree char *path = NULL;
  g_autoptr(TestReply) shown = NULL;
  JsonObject *device;

  g_assert_true (test_success (created));
  path = g_strdup_printf ("tickets/%" G_GINT64_FORMAT,
                          json_object_get_int_member (test_data_object (created), "id"));
  shown = get (f, path);
  device = json_array_get_object_element (json_object_get_array_member (test_data_object (shown), "devices"), 0);
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (device, "task_type"), "id"), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (device, "taxclass"), "tax_percent"), ==, "8.750");
}

static void
test_tickets_update (TestFixture   *f,
                     gconstpointer  data)
{
  g_autofree char *body = ticket_body (f, "", "");
  g_autoptr(TestReply) created = send_json (f, "POST", "tickets", body);
  gint64 id = json_object_get_int_member (test_data_object (created), "id");
  g_autofree char *path = g_strdup_printf ("tickets/%" G_GINT64_FORMAT, id);
  g_autoptr(TestReply) before = get (f, path);
  JsonObject *device = json_array_get_object_element (json_object_get_array_member (test_data_object (before), "devices"), 0);
  g_autofree char *update = g_strdup_printf ("{\"devices\": [{\"id\": \"%s\", \"status\": \"Repaired\", \"price\": \"150.00\"}]}",
                                             json_object_get_string_member (device, "id"));
  g_autoptr(TestReply) updated = send_json (f, "PUT", path, update);
  g_autoptr(TestReply) after = get (f, path);
  JsonObject *ticket = test_data_object (after);
  JsonObject *line = json_array_get_object_element (json_object_get_array_member (ticket, "devices"), 0);
  JsonArray *history = json_object_get_array_member (ticket, "hostory");
  gboolean recorded = FALSE;

  g_assert_true (test_success (updated));
  g_assert_cmpstr (json_object_get_string_member (test_envelope (updated), "message"), ==,
                   "Ticket was Updated successfully");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (line, "status"), "name"), ==, "Repaired");
  g_assert_cmpstr (json_object_get_string_member (line, "price"), ==, "150.00");
  for (guint i = 0; i < json_array_get_length (history); i++)
    recorded |= strstr (json_object_get_string_member (json_array_get_object_element (history, i), "description"),
                        "Status from <b>Pending</b> - <b>Repaired</b>") != NULL;
  g_assert_true (recorded);
}

static void
test_tickets_convert (TestFixture   *f,
                      gconstpointer  data)
{
  g_autofree char *body = ticket_body (f, "", "");
  g_autoptr(TestReply) created = send_json (f, "POST", "tickets", body);
  gint64 id = json_object_get_int_member (test_data_object (created), "id");
  g_autofree char *path = g_strdup_printf ("tickets/%" G_GINT64_FORMAT "/converttoinvoice", id);
  g_autofree char *ticket_path = g_strdup_printf ("tickets/%" G_GINT64_FORMAT, id);
  g_autoptr(TestReply) first = get (f, path);
  g_autoptr(TestReply) second = get (f, path);
  gint64 invoice_id = json_object_get_int_member (test_data_object (first), "id");
  g_autofree char *invoice_path = g_strdup_printf ("invoices/%" G_GINT64_FORMAT, invoice_id);
  g_autoptr(TestReply) invoice = get (f, invoice_path);
  g_autoptr(TestReply) ticket = get (f, ticket_path);
  JsonObject *isummary = json_object_get_object_member (test_data_object (invoice), "summary");
  JsonObject *tsummary = json_object_get_object_member (test_data_object (ticket), "summary");

  g_assert_true (test_success (first));
  g_assert_cmpint (json_object_get_int_member (test_data_object (second), "id"), ==, invoice_id);
  g_assert_true (json_object_get_boolean_member (json_object_get_object_member (isummary, "ticket"), "isTicket"));
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (isummary, "ticket"), "id"), ==, id);
  g_assert_true (json_object_get_boolean_member (json_object_get_object_member (tsummary, "invoice"), "isInvoice"));
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (tsummary, "invoice"), "id"), ==, invoice_id);
  /* One item for the repair, one for the part; same total as the ticket. */
  g_assert_cmpint (json_array_get_length (json_object_get_array_member (test_data_object (invoice), "items")), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (isummary, "total"), ==,
                   json_object_get_string_member (tsummary, "total"));
}

/* --- Reference lists ----------------------------------------------------------------------- */

static void
test_reference (TestFixture   *f,
                gconstpointer  data)
{
  static const struct { const char *path; guint min; } lists[] = {
    { "devices", 60 }, { "problems", 400 }, { "statuses", 7 }, { "employees", 6 },
    { "networks", 5 }, { "parts", 200 }, { "taxclasses", 3 }, { "devicelocations", 3 },
    { "supplies", 5 }, { "tasktypes", 2 }, { "inventory", 300 }, { "invoices/paymentmethods", 4 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (lists); i++)
    {
      g_autoptr(TestReply) reply = get (f, lists[i].path);
      JsonArray *a = test_data_array (reply);
      JsonObject *first = json_array_get_object_element (a, 0);

      g_test_message ("%s: %u", lists[i].path, json_array_get_length (a));
      g_assert_true (test_success (reply));
      g_assert_cmpint (json_array_get_length (a), >=, lists[i].min);
      g_assert_cmpint (json_node_get_value_type (json_object_get_member (first, "id")), ==, G_TYPE_STRING);
    }
}

static void
test_device_problems (TestFixture   *f,
                      gconstpointer  data)
{
  g_autoptr(TestReply) devices = get (f, "devices");
  const char *id = json_object_get_string_member (json_array_get_object_element (test_data_array (devices), 0), "id");
  g_autofree char *path = g_strdup_printf ("problems/%s", id);
  g_autoptr(TestReply) problems = get (f, path);
  g_autoptr(TestReply) unknown = get (f, "problems/1");
  g_autoptr(TestReply) statuses = get (f, "statuses");
  JsonArray *a = test_data_array (problems);
  JsonObject *status = json_array_get_object_element (test_data_array (statuses), 0);

  g_assert_cmpint (json_array_get_length (a), >, 0);
  for (guint i = 0; i < json_array_get_length (a); i++)
    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (a, i), "device"), ==, id);
  g_assert_false (test_success (unknown));
  g_assert_cmpint (test_status_code (unknown), ==, 404);
  g_assert_true (g_str_has_prefix (json_object_get_string_member (status, "color"), "#"));
}

/* --- Invoices ------------------------------------------------------------------------------ */

static void
test_invoices_index (TestFixture   *f,
                     gconstpointer  data)
{
  static const struct { const char *query; const char *status; } statuses[] = {
    { "paid", "Paid" }, { "unpaid", "Unpaid" }, { "partial", "Partial" }, { "refunded", "Refund" },
  };
  g_autoptr(TestReply) all = get (f, "invoices?filter=0&pagesize=1000");
  g_autoptr(TestReply) none = get (f, "invoices?filter=0&keyword=no-such-invoice");
  JsonArray *records = json_object_get_array_member (test_data_object (all), "invoiceData");
  JsonObject *entry = summary_of (records, 0);
  g_autofree char *keyword_path = g_strdup_printf ("invoices?filter=0&keyword=%s",
                                                   json_object_get_string_member (entry, "order_id"));
  g_autoptr(TestReply) by_keyword = get (f, keyword_path);

  g_assert_cmpint (json_array_get_length (records), ==, TEST_INVOICES);
  g_assert_true (g_str_has_prefix (json_object_get_string_member (entry, "total"), "$"));
  g_assert_cmpint (test_id (summary_of (json_object_get_array_member (test_data_object (by_keyword), "invoiceData"), 0), "id"),
                   ==, test_id (entry, "id"));
  g_assert_cmpint (test_status_code (none), ==, 100);

  for (guint s = 0; s < G_N_ELEMENTS (statuses); s++)
    {
      g_autofree char *path = g_strdup_printf ("invoices?filter=0&pagesize=1000&status=%s", statuses[s].query);
      g_autoptr(TestReply) reply = get (f, path);
      JsonArray *a;

      if (!test_success (reply))
        {
          g_assert_cmpint (test_status_code (reply), ==, 100);
          continue;
        }
      a = json_object_get_array_member (test_data_object (reply), "invoiceData");
      for (guint i = 0; i < json_array_get_length (a); i++)
        g_assert_cmpstr (json_object_get_string_member (summary_of (a, i), "status"), ==, statuses[s].status);
    }
}

static gint64
create_invoice (TestFixture *f,
                const char  *path)
{
  g_autoptr(TestReply) created = send_json (f, "POST", path,
    "{\"summary\": {\"customer_id\": \"380002\", \"due_on\": \"1768478400\"},"
    " \"items\": [{\"product_id\": \"2930225\", \"quantity\": \"2\", \"price\": \"10.00\","
    "  \"line_discount\": \"1.00\", \"taxclass\": \"7401\", \"name\": \"Case\"},"
    " {\"name\": \"Labour\", \"price\": \"20.00\", \"taxclass\": \"7402\"}]}");

  g_assert_true (test_success (created));

  return json_object_get_int_member (test_data_object (created), "id");
}

static const char *
invoice_status (TestFixture  *f,
                gint64        id,
                char        **due)
{
  g_autofree char *path = g_strdup_printf ("invoices/%" G_GINT64_FORMAT "/dueamount", id);
  g_autoptr(TestReply) reply = get (f, path);
  JsonObject *o = test_data_object (reply);
  const char *status = json_object_get_string_member (o, "status");

  *due = g_strdup (json_object_get_string_member (o, "amount_due"));

  return g_intern_string (status);
}

static void
pay (TestFixture *f,
     gint64       id,
     const char  *amount)
{
  g_autofree char *path = g_strdup_printf ("invoices/%" G_GINT64_FORMAT "/payments", id);
  g_autofree char *body = g_strdup_printf ("{\"amount\": \"%s\", \"payment_date\": \"1768478400\","
                                           " \"method\": \"Cash\", \"notes\": \"\"}", amount);
  g_autoptr(TestReply) reply = send_json (f, "POST", path, body);

  g_assert_true (test_success (reply));
}

static void
test_invoices_payments (TestFixture   *f,
                        gconstpointer  data)
{
  gint64 id = create_invoice (f, "invoices");
  g_autofree char *path = g_strdup_printf ("invoices/%" G_GINT64_FORMAT, id);
  g_autoptr(TestReply) shown = NULL;
  g_autofree char *due0 = NULL, *due1 = NULL, *due2 = NULL, *due3 = NULL;
  JsonObject *summary;

  /* 2 x 10.00 - 1.00 = 19.00, at 8.75 % = 1.6625 -> 1.66; + 20.00 exempt = 40.66 */
  g_assert_cmpstr (invoice_status (f, id, &due0), ==, "Unpaid");
  g_assert_cmpstr (due0, ==, "40.66");
  pay (f, id, "20.00");
  g_assert_cmpstr (invoice_status (f, id, &due1), ==, "Partial");
  pay (f, id, "20.66");
  g_assert_cmpstr (invoice_status (f, id, &due2), ==, "Paid");
  g_assert_cmpstr (due2, ==, "0.00");
  pay (f, id, "5.00");
  g_assert_cmpstr (invoice_status (f, id, &due3), ==, "OverPaid");
  g_assert_cmpstr (due3, ==, "-5.00");

  shown = get (f, path);
  summary = json_object_get_object_member (test_data_object (shown), "summary");
  g_assert_cmpint (json_array_get_length (json_object_get_array_member (summary, "payments")), ==, 3);
  g_assert_cmpstr (json_object_get_string_member (summary, "amount_paid"), ==, "45.66");
  g_assert_cmpstr (json_object_get_string_member (summary, "amount_due"), ==, "-5.00");
  g_assert_false (json_object_get_boolean_member (json_object_get_object_member (summary, "ticket"), "isTicket"));
}

static void
test_invoices_write (TestFixture   *f,
                     gconstpointer  data)
{
  gint64 id = create_invoice (f, "invoices/123");
  g_autofree char *path = g_strdup_printf ("invoices/%" G_GINT64_FORMAT, id);
  g_autoptr(TestReply) updated = send_json (f, "PUT", path,
    "{\"items\": [{\"name\": \"Screen protector\", \"price\": 12.5, \"quantity\": 1}]}");
  g_autoptr(TestReply) shown = get (f, path);
  JsonObject *o = test_data_object (shown);
  JsonArray *items = json_object_get_array_member (o, "items");
  g_autoptr(TestReply) missing = get (f, "invoices/1");
  g_autoptr(TestReply) no_items = send_json (f, "POST", "invoices", "{\"summary\": {\"customer_id\": 0}}");

  g_assert_true (test_success (updated));
  g_assert_cmpint (json_array_get_length (items), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (items, 0), "symbol_total"), ==, "$12.50");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (o, "summary"), "total"), ==, "$12.50");
  g_assert_cmpint (test_status_code (missing), ==, 404);
  g_assert_cmpint (test_status_code (no_items), ==, 422);
}

/* --- The envelope of errors ---------------------------------------------------------------- */

static void
test_errors (TestFixture   *f,
             gconstpointer  data)
{
  g_autoptr(TestReply) route = get (f, "invoice/787800468732");
  g_autoptr(TestReply) verb = test_request (f->session, f->sandbox, "DELETE", "tickets/150001", NULL);
  g_autoptr(TestReply) key = test_request_full (f->session, f->sandbox, "GET", "tickets", "wrong", NULL, NULL);
  JsonObject *previous = json_object_get_object_member (test_data_object (route), "previous");

  g_assert_cmpint (route->http_status, ==, 200);
  g_assert_cmpint (test_status_code (route), ==, 404);
  g_assert_cmpstr (json_object_get_string_member (previous, "name"), ==, "Invalid Route");
  g_assert_cmpstr (json_object_get_string_member (test_data_object (route), "message"), ==, "Page not found.");
  g_assert_cmpint (test_status_code (verb), ==, 404);

  g_assert_nonnull (key->root);
  g_assert_cmpint (key->http_status, ==, 200);
  g_assert_cmpint (test_status_code (key), ==, 401);
  g_assert_cmpstr (json_object_get_string_member (test_data_object (key), "name"), ==, "Unauthorized");
}

static void
test_strict_http (TestFixture   *f,
                  gconstpointer  data)
{
  g_autoptr(TestReply) key = NULL;
  g_autoptr(TestReply) route = NULL;
  g_autoptr(TestReply) ok = NULL;
  g_autoptr(TestReply) invalid = NULL;

  g_object_set (f->sandbox, "strict-http", TRUE, NULL);
  key = test_request_full (f->session, f->sandbox, "GET", "tickets", "wrong", NULL, NULL);
  route = get (f, "nowhere");
  ok = get (f, "statuses");
  invalid = send_json (f, "POST", "customers", "{}");

  g_assert_cmpint (key->http_status, ==, 401);
  g_assert_cmpint (test_status_code (key), ==, 401);
  g_assert_cmpint (route->http_status, ==, 404);
  g_assert_cmpint (ok->http_status, ==, 200);
  g_assert_cmpint (invalid->http_status, ==, 422);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add (path, TestFixture, NULL, test_fixture_set_up, func, test_fixture_tear_down)

  ADD ("/sandbox/customers/index", test_customers_index);
  ADD ("/sandbox/customers/search", test_customers_search);
  ADD ("/sandbox/customers/referred", test_customers_referred);
  ADD ("/sandbox/customers/write", test_customers_write);
  ADD ("/sandbox/tickets/dates", test_tickets_dates);
  ADD ("/sandbox/tickets/paging", test_tickets_paging);
  ADD ("/sandbox/tickets/filters", test_tickets_filters);
  ADD ("/sandbox/tickets/create", test_tickets_create);
  ADD ("/sandbox/tickets/unset-ids", test_tickets_unset_ids);
  ADD ("/sandbox/tickets/update", test_tickets_update);
  ADD ("/sandbox/tickets/convert", test_tickets_convert);
  ADD ("/sandbox/reference/lists", test_reference);
  ADD ("/sandbox/reference/device-problems", test_device_problems);
  ADD ("/sandbox/invoices/index", test_invoices_index);
  ADD ("/sandbox/invoices/payments", test_invoices_payments);
  ADD ("/sandbox/invoices/write", test_invoices_write);
  ADD ("/sandbox/errors", test_errors);
  ADD ("/sandbox/strict-http", test_strict_http);

  return g_test_run ();
}
