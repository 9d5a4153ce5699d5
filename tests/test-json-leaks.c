/* test-json-leaks.c
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "desk-core.h"
#include "desk-api-client-private.h"
#include "desk-sandbox-private.h"

#include "desk-test-leaks.h"

/* json_node_init_object() and json_node_init_array() take a reference of their own: a
 * fresh object or array handed to them must still be released by its maker. The catalog
 * filters every record it keeps, so a reference lost there grew Front Desk's memory on
 * each refresh, and the sandbox lost one on every list it served (found by tests/fuzz). */

static JsonNode *
parse (const char *text)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (text, strlen (text));
  g_autoptr(GError) error = NULL;
  JsonNode *node = desk_json_parse (bytes, &error);

  g_assert_no_error (error);
  return node;
}

static void
test_filter_keeps_no_reference (void)
{
  g_autoptr(JsonNode) node = parse ("{\"summary\": {\"id\": \"5001\", \"order_id\": \"T-1\","
                                    " \"pin\": \"1234\"},"
                                    " \"devices\": [{\"id\": \"7\", \"imei\": \"3519\"}]}");
  g_autoptr(JsonNode) filtered = desk_record_filter_json (DESK_TYPE_TICKET, node);
  JsonObject *summary;

  g_assert_nonnull (filtered);
  summary = json_object_get_object_member (json_node_get_object (filtered), "summary");
  g_assert_cmpstr (json_object_get_string_member (summary, "order_id"), ==, "T-1");
  g_assert_false (json_object_has_member (summary, "pin"));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (
                      json_node_get_object (filtered), "devices")), ==, 1);

  g_clear_pointer (&filtered, json_node_unref);
  desk_test_assert_no_leaks ();
}

static void
test_no_result_keeps_no_reference (void)
{
  const char text[] = "{\"success\": false, \"statusCode\": 100, \"message\": \"No Result Found\"}";
  g_autoptr(GBytes) body = g_bytes_new_static (text, strlen (text));
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) data = desk_api_reply_evaluate (200, "OK", body, DESK_REPLY_LIST, &error);

  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_ARRAY (data));
  g_assert_cmpuint (json_array_get_length (json_node_get_array (data)), ==, 0);

  g_clear_pointer (&data, json_node_unref);
  desk_test_assert_no_leaks ();
}

static void
test_sandbox_form_keeps_no_reference (void)
{
  const char form[] = "items[0][name]=Case&items[1][name]=Screen&note=x";
  g_autoptr(GBytes) bytes = g_bytes_new_static (form, strlen (form));
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) body = desk_sandbox_parse_body ("application/x-www-form-urlencoded",
                                                      bytes, &error);
  JsonArray *items;

  g_assert_no_error (error);
  items = json_object_get_array_member (json_node_get_object (body), "items");
  g_assert_cmpuint (json_array_get_length (items), ==, 2);

  g_clear_pointer (&body, json_node_unref);
  desk_test_assert_no_leaks ();
}

static void
test_sandbox_blank_body_keeps_no_reference (void)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (" \n", 2);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) body = desk_sandbox_parse_body ("application/json", bytes, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (json_object_get_size (json_node_get_object (body)), ==, 0);

  g_clear_pointer (&body, json_node_unref);
  desk_test_assert_no_leaks ();
}

static void
test_sandbox_lists_keep_no_reference (void)
{
  g_autoptr(DeskStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) empty = desk_reply_envelope (FALSE, 100, "No Result Found", NULL);
  DeskRouteFunc routes[] = { desk_route_statuses, desk_route_customers_index };
  DeskSeedParams params = {
    .seed = 3,
    .n_customers = 4,
    .n_tickets = 2,
    .n_invoices = 1,
    .now = 1780000000,
    .midnight = 1779926400,
  };

  store = desk_store_open (":memory:", &error);
  g_assert_no_error (error);
  desk_sandbox_seed (store, &params, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (routes); i++)
    {
      g_autoptr(JsonObject) body = json_object_new ();
      DeskRequest req = { .store = store, .body = body, .now = params.now,
                          .midnight = params.midnight };

      g_assert_true (routes[i] (&req, &error));
      g_assert_no_error (error);
      g_assert_true (JSON_NODE_HOLDS_ARRAY (req.data));
      g_assert_cmpuint (json_array_get_length (json_node_get_array (req.data)), >, 0);
      g_clear_pointer (&req.data, json_node_unref);
      g_free (req.message);
    }

  g_assert_true (JSON_NODE_HOLDS_ARRAY (json_object_get_member (json_node_get_object (empty),
                                                                "data")));
  g_clear_pointer (&empty, json_node_unref);
  g_clear_pointer (&store, desk_store_free);
  desk_test_assert_no_leaks ();
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  /* Types and quarks made on first use live for the process: made before any check. */
  g_type_class_unref (g_type_class_ref (DESK_TYPE_TICKET));
  g_type_class_unref (g_type_class_ref (DESK_TYPE_TICKET_DEVICE));
  g_assert_nonnull (g_quark_to_string (DESK_API_ERROR));
  desk_test_assert_no_leaks ();

  g_test_add_func ("/json/leaks/filter", test_filter_keeps_no_reference);
  g_test_add_func ("/json/leaks/no-result", test_no_result_keeps_no_reference);
  g_test_add_func ("/json/leaks/sandbox-form", test_sandbox_form_keeps_no_reference);
  g_test_add_func ("/json/leaks/sandbox-lists", test_sandbox_lists_keep_no_reference);
  g_test_add_func ("/json/leaks/sandbox-blank-body", test_sandbox_blank_body_keeps_no_reference);

  return g_test_run ();
}
