/* test-records-filter.c
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "desk-core.h"

/* The catalog keeps the filtered JSON of its records on disk: read back, it must give the
 * record the server's JSON gave (found by tests/fuzz/fuzz-records). */

static JsonNode *
parse (const char *text)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (text, strlen (text));
  g_autoptr(GError) error = NULL;
  JsonNode *node = desk_json_parse (bytes, &error);

  g_assert_no_error (error);
  return node;
}

/* A nested object with nothing Front Desk reads filters down to {}, which reads as no
 * record: read from the server, it is no record either. */
static void
test_nested_unknown_members (void)
{
  g_autoptr(JsonNode) node = parse ("{\"id\": \"660120\", \"name\": \"USB-C Port Flex\","
                                    " \"tax_class\": {\"colour\": \"blue\"}}");
  g_autoptr(JsonNode) filtered = desk_record_filter_json (DESK_TYPE_PART, node);
  g_autoptr(DeskPart) part = desk_part_new_from_json (node, NULL);
  g_autoptr(DeskPart) cached = desk_part_new_from_json (filtered, NULL);

  g_assert_nonnull (part);
  g_assert_nonnull (cached);
  g_assert_cmpstr (desk_named_item_get_name (DESK_NAMED_ITEM (cached)), ==, "USB-C Port Flex");
  g_assert_null (desk_part_get_tax_class (cached));
  g_assert_null (desk_part_get_tax_class (part));
}

/* A nested object with something Front Desk reads is a record, in both. */
static void
test_nested_known_members (void)
{
  g_autoptr(JsonNode) node = parse ("{\"id\": \"660120\", \"name\": \"USB-C Port Flex\","
                                    " \"tax_class\": {\"tax_class\": \"City Tax\", \"colour\": \"blue\"}}");
  g_autoptr(JsonNode) filtered = desk_record_filter_json (DESK_TYPE_PART, node);
  g_autoptr(DeskPart) part = desk_part_new_from_json (node, NULL);
  g_autoptr(DeskPart) cached = desk_part_new_from_json (filtered, NULL);

  g_assert_nonnull (desk_part_get_tax_class (part));
  g_assert_nonnull (desk_part_get_tax_class (cached));
  g_assert_cmpstr (desk_named_item_get_name (DESK_NAMED_ITEM (desk_part_get_tax_class (cached))),
                   ==, "City Tax");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/records/filter/nested-unknown-members", test_nested_unknown_members);
  g_test_add_func ("/records/filter/nested-known-members", test_nested_known_members);

  return g_test_run ();
}
