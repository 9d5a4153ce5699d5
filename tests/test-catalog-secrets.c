/* test-catalog-secrets.c
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <libsoup/soup.h>

#include "desk-api-client-private.h"
#include "desk-core.h"
#include "desk-test-client.h"

/* The catalog's cache file keeps only what Front Desk reads from each record: staff PINs,
 * whatever they are called and wherever the server puts them, never reach the disk. */

#define TEST_KEY "catalog-secrets-key"

/* Each PIN value is unique, so that finding it anywhere in the file is a leak. */
static const char employees_body[] =
  "{\"success\":true,\"statusCode\":200,\"data\":["
  "{\"id\":\"1\",\"fullname\":\"Ann Top\",\"accesspin\":\"918273\"},"
  "{\"id\":\"2\",\"fullname\":\"Bo Caps\",\"AccessPin\":\"827364\",\"ACCESSPIN\":\"736455\"},"
  "{\"id\":\"3\",\"fullname\":\"Cy Short\",\"pin\":\"645546\",\"PIN\":\"554637\",\"Pin\":\"463728\"},"
  "{\"id\":\"4\",\"fullname\":\"Di Nested\",\"settings\":{\"pin\":\"372819\",\"accesspin\":\"281900\"}},"
  "{\"id\":\"5\",\"fullname\":\"Ed Deep\",\"user\":{\"profile\":{\"access_pin\":\"190091\"}},"
  "\"roles\":[{\"name\":\"Cashier\",\"pin_code\":\"109182\"}]},"
  "{\"id\":\"6\",\"fullname\":\"Flo Number\",\"pin\":552211,\"accessPin\":663322,\"passcode\":\"774433\"}"
  "]}";

static const char * const pins[] = {
  "918273", "827364", "736455", "645546", "554637", "463728", "372819", "281900",
  "190091", "109182", "552211", "663322", "774433",
};

static void
server_cb (SoupServer        *server,
           SoupServerMessage *message,
           const char        *path,
           GHashTable        *query,
           gpointer           user_data)
{
  soup_server_message_set_status (message, 200, NULL);
  soup_server_message_set_response (message, "application/json", SOUP_MEMORY_STATIC,
                                    employees_body, strlen (employees_body));
}

static void
loaded_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  gboolean *done = user_data;
  g_autoptr(GError) error = NULL;

  g_assert_true (desk_catalog_load_finish (DESK_CATALOG (object), result, &error));
  g_assert_no_error (error);
  *done = TRUE;
}

/* The file is written in the background; it is complete once it ends its object. */
static char *
wait_for_cache (void)
{
  g_autofree char *folder = g_build_filename (g_get_user_cache_dir (), "frontdesk", "catalog", NULL);
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (g_get_monotonic_time () < deadline)
    {
      g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
      const char *account = dir != NULL ? g_dir_read_name (dir) : NULL;
      g_autofree char *path = NULL;
      char *contents = NULL;

      if (account != NULL)
        path = g_build_filename (folder, account, "employees.json", NULL);
      /* Written by this version, and to its end. */
      if (path != NULL && g_file_get_contents (path, &contents, NULL, NULL) &&
          g_str_has_suffix (contents, "}") && strstr (contents, "\"allow_listed\"") != NULL)
        return contents;

      g_free (contents);
      g_main_context_iteration (NULL, FALSE);
    }

  g_assert_not_reached ();
}

static void
test_pins_never_cached (void)
{
  SoupServer *server = soup_server_new (NULL, NULL);
  g_autofree char *base_url = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *lower = NULL;
  g_autoptr(DeskClock) clock = desk_clock_new_manual (0);
  DeskApiClient *client;
  DeskCatalog *catalog;
  GListModel *employees;
  gboolean done = FALSE;

  soup_server_add_handler (server, NULL, server_cb, NULL, NULL);
  base_url = desk_test_listen_local (server);
  client = g_object_new (DESK_TYPE_API_CLIENT, "base-url", base_url, "api-key", TEST_KEY,
                         "clock", clock, NULL);
  catalog = desk_catalog_new (client);

  desk_catalog_load_async (catalog, DESK_CATALOG_EMPLOYEES, NULL, loaded_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);

  employees = desk_catalog_get_model (catalog, DESK_CATALOG_EMPLOYEES);
  g_assert_cmpuint (g_list_model_get_n_items (employees), ==, 6);

  contents = wait_for_cache ();
  for (guint i = 0; i < G_N_ELEMENTS (pins); i++)
    {
      g_test_message ("PIN %s", pins[i]);
      g_assert_null (strstr (contents, pins[i]));
    }
  lower = g_ascii_strdown (contents, -1);
  g_assert_null (strstr (lower, "pin"));
  g_assert_null (strstr (contents, "passcode"));

  /* What is read is kept: the names, for the assignee lists. */
  g_assert_nonnull (strstr (contents, "Ann Top"));
  g_assert_nonnull (strstr (contents, "Flo Number"));

  desk_test_finalize_soon (catalog);
  desk_test_finalize_soon (client);
  soup_server_disconnect (server);
  g_assert_finalize_object (server);
}

/* Puts @contents where the catalog keeps @client's account's employees: a folder named by
 * a digest of address and key. */
static void
plant_employees_cache (DeskApiClient *client,
                       const char    *contents)
{
  g_autofree char *account = desk_api_client_dup_account_id (client);
  g_autofree char *folder = g_build_filename (g_get_user_cache_dir (), "frontdesk", "catalog",
                                              account, NULL);
  g_autofree char *path = g_build_filename (folder, "employees.json", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  g_assert_true (g_file_set_contents (path, contents, -1, &error));
  g_assert_no_error (error);
}

/* A cache file from before the allow-list, with a PIN in it: it is not used, and the
 * list from the server replaces it. */
static void
test_old_cache_replaced (void)
{
  SoupServer *server = soup_server_new (NULL, NULL);
  g_autofree char *base_url = NULL;
  g_autofree char *old = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(DeskClock) clock = desk_clock_new_manual (0);
  DeskApiClient *client;
  DeskCatalog *catalog;
  gboolean done = FALSE;

  soup_server_add_handler (server, NULL, server_cb, NULL, NULL);
  base_url = desk_test_listen_local (server);
  client = g_object_new (DESK_TYPE_API_CLIENT, "base-url", base_url, "api-key", TEST_KEY,
                         "clock", clock, NULL);

  old = g_strdup_printf ("{\"saved\":%" G_GINT64_FORMAT ",\"records\":"
                         "[{\"id\":\"9\",\"fullname\":\"Old Cache\",\"pin\":\"606060\"}]}",
                         g_get_real_time () / G_USEC_PER_SEC);
  plant_employees_cache (client, old);

  catalog = desk_catalog_new (client);
  desk_catalog_load_async (catalog, DESK_CATALOG_EMPLOYEES, NULL, loaded_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);

  /* The server's six, not the old file's one. */
  g_assert_cmpuint (g_list_model_get_n_items (desk_catalog_get_model (catalog, DESK_CATALOG_EMPLOYEES)), ==, 6);
  contents = wait_for_cache ();
  g_assert_null (strstr (contents, "606060"));
  g_assert_null (strstr (contents, "Old Cache"));

  desk_test_finalize_soon (catalog);
  desk_test_finalize_soon (client);
  soup_server_disconnect (server);
  g_assert_finalize_object (server);
}

/* A cache file left empty (Front Desk ended while writing a new one) is not used either,
 * without a warning: the list comes from the server. */
static void
test_empty_cache_ignored (void)
{
  SoupServer *server = soup_server_new (NULL, NULL);
  g_autofree char *base_url = NULL;
  g_autoptr(DeskClock) clock = desk_clock_new_manual (0);
  DeskApiClient *client;
  DeskCatalog *catalog;
  gboolean done = FALSE;

  soup_server_add_handler (server, NULL, server_cb, NULL, NULL);
  base_url = desk_test_listen_local (server);
  client = g_object_new (DESK_TYPE_API_CLIENT, "base-url", base_url, "api-key", TEST_KEY,
                         "clock", clock, NULL);

  plant_employees_cache (client, "");

  catalog = desk_catalog_new (client);
  desk_catalog_load_async (catalog, DESK_CATALOG_EMPLOYEES, NULL, loaded_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);

  g_assert_cmpuint (g_list_model_get_n_items (desk_catalog_get_model (catalog, DESK_CATALOG_EMPLOYEES)), ==, 6);

  desk_test_finalize_soon (catalog);
  desk_test_finalize_soon (client);
  soup_server_disconnect (server);
  g_assert_finalize_object (server);
}

/* The same allow-list as a function: what a record type reads, and nothing else. */
static void
test_filter_json (void)
{
  g_autoptr(JsonNode) raw = json_from_string (
    "{\"id\":\"9\",\"fullname\":\"Gus\",\"pin\":\"1234\",\"x\":{\"accesspin\":\"99\"}}", NULL);
  g_autoptr(JsonNode) kept = desk_record_filter_json (DESK_TYPE_EMPLOYEE, raw);
  g_autofree char *text = json_to_string (kept, FALSE);
  g_autoptr(DeskEmployee) employee = desk_employee_new_from_json (kept, NULL);

  g_assert_cmpstr (text, ==, "{\"id\":\"9\",\"fullname\":\"Gus\"}");
  g_assert_nonnull (employee);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/catalog-secrets/pins-never-cached", test_pins_never_cached);
  g_test_add_func ("/catalog-secrets/old-cache-replaced", test_old_cache_replaced);
  g_test_add_func ("/catalog-secrets/empty-cache-ignored", test_empty_cache_ignored);
  g_test_add_func ("/catalog-secrets/filter-json", test_filter_json);

  return g_test_run ();
}
