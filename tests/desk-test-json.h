/* desk-test-json.h
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "desk-json.h"

/* Loads tests/fixtures/json/<name> through the same parser as server replies. Header
 * only, because each test is one executable built from its own file. */
static inline JsonNode *
desk_test_load_json (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "json", name, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  char *contents = NULL;
  gsize len = 0;
  JsonNode *root;

  g_file_get_contents (path, &contents, &len, &error);
  g_assert_no_error (error);
  bytes = g_bytes_new_take (contents, len);

  root = desk_json_parse (bytes, &error);
  g_assert_no_error (error);
  g_assert_nonnull (root);
  return root;
}

/* The root object of a fixture; the node stays alive in *root. */
static inline JsonObject *
desk_test_load_object (const char  *name,
                       JsonNode   **root)
{
  *root = desk_test_load_json (name);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (*root));
  return json_node_get_object (*root);
}

/* Serializes a node the way bodies go out, for comparisons. */
static inline char *
desk_test_to_string (JsonNode *node)
{
  return json_to_string (node, FALSE);
}
