/* test-sandbox-body.c
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "desk-sandbox-private.h"

/* The sandbox's reading of a request, without a connection: the inputs that once went
 * wrong (found by tests/fuzz/fuzz-sandbox-request). */

static JsonNode *
parse (const char *content_type,
       GBytes     *bytes,
       GError    **error)
{
  return desk_sandbox_parse_body (content_type, bytes, error);
}

/* An empty GBytes may have no data pointer at all: still an empty body. */
static void
test_body_empty_bytes (void)
{
  g_autoptr(GBytes) bytes = g_bytes_new (NULL, 0);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) json = parse ("application/json", bytes, &error);
  g_autoptr(JsonNode) form = NULL;

  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (json));
  g_assert_cmpuint (json_object_get_size (json_node_get_object (json)), ==, 0);

  form = parse ("application/x-www-form-urlencoded", bytes, &error);
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (form));
  g_assert_cmpuint (json_object_get_size (json_node_get_object (form)), ==, 0);
}

static gboolean
reads_back (JsonNode *node)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *text = NULL;
  gsize len = 0;

  json_generator_set_root (generator, node);
  text = json_generator_to_data (generator, &len);

  return json_parser_load_from_data (parser, text, len, NULL);
}

/* A form value or name that decodes to bytes that are not UTF-8 would be stored and sent
 * back in a reply that is no longer JSON: refused as a bad request. */
static void
test_body_form_not_text (void)
{
  const char *forms[] = {
    "firstname=%FF%FE",
    "first%C3name=Ana",
    "address[street]=Main%80",
  };

  for (guint i = 0; i < G_N_ELEMENTS (forms); i++)
    {
      g_autoptr(GBytes) bytes = g_bytes_new_static (forms[i], strlen (forms[i]));
      g_autoptr(GError) error = NULL;
      g_autoptr(JsonNode) node = parse ("application/x-www-form-urlencoded", bytes, &error);

      g_test_message ("%s", forms[i]);
      g_assert_error (error, DESK_SANDBOX_ERROR, DESK_SANDBOX_ERROR_BAD_REQUEST);
      g_assert_null (node);
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
    }
}

/* Raw bytes in a JSON body are refused the same way. */
static void
test_body_json_not_text (void)
{
  const char body[] = "{\"firstname\": \"Ana\xff\"}";
  g_autoptr(GBytes) bytes = g_bytes_new_static (body, strlen (body));
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = parse ("application/json", bytes, &error);

  g_assert_error (error, DESK_SANDBOX_ERROR, DESK_SANDBOX_ERROR_BAD_REQUEST);
  g_assert_null (node);
}

/* Valid text still reads, accents included. */
static void
test_body_form_text (void)
{
  const char form[] = "firstname=Ana&lastname=D%C3%ADaz";
  g_autoptr(GBytes) bytes = g_bytes_new_static (form, strlen (form));
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = parse ("application/x-www-form-urlencoded", bytes, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (node), "lastname"), ==,
                   "D\xc3\xad" "az");
}

/* A query whose values are not UTF-8 is refused before any route reads it. */
static void
test_query_not_text (void)
{
  g_autoptr(GHashTable) good = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GHashTable) bad_value = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GHashTable) bad_key = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GError) error = NULL;

  g_hash_table_insert (good, g_strdup ("keyword"), g_strdup ("D\xc3\xad" "az"));
  g_hash_table_insert (bad_value, g_strdup ("keyword"), g_strdup ("smith\x95"));
  g_hash_table_insert (bad_key, g_strdup ("key\x95"), g_strdup ("smith"));

  g_assert_true (desk_sandbox_check_query (NULL, &error));
  g_assert_no_error (error);
  g_assert_true (desk_sandbox_check_query (good, &error));
  g_assert_no_error (error);
  g_assert_false (desk_sandbox_check_query (bad_value, &error));
  g_assert_error (error, DESK_SANDBOX_ERROR, DESK_SANDBOX_ERROR_BAD_REQUEST);
  g_clear_error (&error);
  g_assert_false (desk_sandbox_check_query (bad_key, &error));
  g_assert_error (error, DESK_SANDBOX_ERROR, DESK_SANDBOX_ERROR_BAD_REQUEST);
}

/* The "Invalid Route" reply quotes the path: it stays JSON whatever bytes the path held. */
static void
test_invalid_route_path_not_text (void)
{
  g_autoptr(JsonNode) reply = desk_reply_invalid_route ("custo\x95\x9a\x8d\x8c");

  g_assert_true (reads_back (reply));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/sandbox/body/empty-bytes", test_body_empty_bytes);
  g_test_add_func ("/sandbox/body/form-not-text", test_body_form_not_text);
  g_test_add_func ("/sandbox/body/json-not-text", test_body_json_not_text);
  g_test_add_func ("/sandbox/body/form-text", test_body_form_text);
  g_test_add_func ("/sandbox/query/not-text", test_query_not_text);
  g_test_add_func ("/sandbox/reply/invalid-route-not-text", test_invalid_route_path_not_text);

  return g_test_run ();
}
