/* test-json.c
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "desk-api-error.h"
#include "desk-json.h"
#include "desk-test-json.h"

/* One fixture per quirk of the server; each test reads every member of it. */

static void
test_json_ids (void)
{
  g_autoptr(JsonNode) root = NULL;
  JsonObject *o = desk_test_load_object ("ids.json", &root);

  g_assert_cmpint (desk_json_get_id (o, "as_string"), ==, 204817);
  g_assert_cmpint (desk_json_get_id (o, "as_integer"), ==, 311042);
  g_assert_cmpint (desk_json_get_id (o, "padded"), ==, 58);
  g_assert_cmpint (desk_json_get_id (o, "empty"), ==, 0);
  g_assert_cmpint (desk_json_get_id (o, "zero_text"), ==, 0);
  g_assert_cmpint (desk_json_get_id (o, "zero"), ==, 0);
  g_assert_cmpint (desk_json_get_id (o, "null"), ==, 0);
  g_assert_cmpint (desk_json_get_id (o, "negative"), ==, 0);
  g_assert_cmpint (desk_json_get_id (o, "word"), ==, 0);
  g_assert_cmpint (desk_json_get_id (o, "object"), ==, 0);
  g_assert_cmpint (desk_json_get_id (o, "object/id"), ==, 7);
  g_assert_cmpint (desk_json_get_id (o, "missing"), ==, 0);
  g_assert_cmpint (desk_json_get_id (NULL, "as_string"), ==, 0);
}

typedef struct
{
  const char *member;
  gboolean    found;
  gint64      cents;
  const char *currency;
} MoneyCase;

static void
test_json_money (void)
{
  static const MoneyCase cases[] = {
    { "plain", TRUE, 6450, NULL },
    { "symbol", TRUE, 8115, "$" },
    { "negative_symbol", TRUE, -1225, "$" },
    { "code_two_spaces", TRUE, 24000, "USD" },
    { "locale", TRUE, 234567, NULL },
    { "integer_zero", TRUE, 0, NULL },
    { "integer", TRUE, 1200, NULL },
    { "empty", FALSE, 0, NULL },
    { "null", FALSE, 0, NULL },
    { "word", FALSE, 0, NULL },
    { "missing", FALSE, 0, NULL },
  };
  g_autoptr(JsonNode) root = NULL;
  JsonObject *o = desk_test_load_object ("money.json", &root);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *currency = NULL;
      gint64 cents = -1;

      g_test_message ("money member %s", cases[i].member);
      g_assert_cmpint (desk_json_get_money (o, cases[i].member, &cents, &currency), ==,
                       cases[i].found);
      g_assert_cmpint (cents, ==, cases[i].cents);
      g_assert_cmpstr (currency, ==, cases[i].currency);
    }
}

static void
test_json_times (void)
{
  g_autoptr(JsonNode) root = NULL;
  JsonObject *o = desk_test_load_object ("times.json", &root);

  g_assert_cmpint (desk_json_get_time (o, "unix"), ==, 1512345678);
  g_assert_cmpint (desk_json_get_time (o, "unix_text"), ==, 1512345600);
  g_assert_cmpint (desk_json_get_time (o, "false"), ==, 0);
  g_assert_cmpint (desk_json_get_time (o, "empty"), ==, 0);
  g_assert_cmpint (desk_json_get_time (o, "year_zero"), ==, 0);
  g_assert_cmpint (desk_json_get_time (o, "zero_date"), ==, 0);
  /* 2018-02-03 04:05:06 UTC */
  g_assert_cmpint (desk_json_get_time (o, "date_time"), ==, 1517630706);
  g_assert_cmpint (desk_json_get_time (o, "date"), ==, 1517616000);
  g_assert_cmpint (desk_json_get_time (o, "null"), ==, 0);
  g_assert_cmpint (desk_json_get_time (o, "zero"), ==, 0);
  g_assert_cmpint (desk_json_get_time (o, "missing"), ==, 0);
}

static void
test_json_booleans (void)
{
  const char *yes[] = { "true", "one", "one_text", "true_text" };
  const char *no[] = { "false", "zero", "zero_text", "no_text", "null", "word", "missing" };
  g_autoptr(JsonNode) root = NULL;
  JsonObject *o = desk_test_load_object ("booleans.json", &root);
  gboolean value = TRUE;

  for (guint i = 0; i < G_N_ELEMENTS (yes); i++)
    g_assert_true (desk_json_get_bool (o, yes[i]));
  for (guint i = 0; i < G_N_ELEMENTS (no); i++)
    g_assert_false (desk_json_get_bool (o, no[i]));

  /* The node reader tells "false" from "not a boolean". */
  g_assert_true (desk_json_node_get_bool (desk_json_lookup (o, "zero_text"), &value));
  g_assert_false (value);
  g_assert_false (desk_json_node_get_bool (desk_json_lookup (o, "word"), &value));
  g_assert_false (desk_json_node_get_bool (desk_json_lookup (o, "null"), &value));
}

static void
test_json_optional_objects (void)
{
  g_autoptr(JsonNode) root = NULL;
  JsonObject *o = desk_test_load_object ("optional-objects.json", &root);
  g_autofree char *leaf = NULL;
  JsonObject *present = desk_json_get_object (o, "present");

  g_assert_nonnull (present);
  g_assert_true (json_object_has_member (present, "name"));
  g_assert_null (desk_json_get_object (o, "empty_array"));
  g_assert_null (desk_json_get_object (o, "empty_object"));
  g_assert_null (desk_json_get_object (o, "null"));
  g_assert_null (desk_json_get_object (o, "text"));
  g_assert_null (desk_json_get_object (o, "missing"));
  g_assert_nonnull (desk_json_get_object (o, "nested/inner"));
  g_assert_null (desk_json_get_object (o, "text/inner"));

  g_assert_nonnull (desk_json_get_array (o, "empty_array"));
  g_assert_cmpuint (json_array_get_length (desk_json_get_array (o, "empty_array")), ==, 0);
  g_assert_null (desk_json_get_array (o, "empty_object"));

  leaf = desk_json_get_string (o, "nested/inner/leaf");
  g_assert_cmpstr (leaf, ==, "deep");
}

static void
test_json_strings (void)
{
  const struct { const char *member; const char *text; } cases[] = {
    { "leading", "Charging Port" },
    { "trailing", "Back Glass" },
    { "both", "Speaker" },
    { "empty", "" },
    { "number", "4411" },
    { "boolean", NULL },
    { "null", NULL },
    { "missing", NULL },
  };
  g_autoptr(JsonNode) root = NULL;
  JsonObject *o = desk_test_load_object ("strings.json", &root);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = desk_json_get_string (o, cases[i].member);

      g_assert_cmpstr (text, ==, cases[i].text);
    }
}

static void
test_json_percent (void)
{
  g_autoptr(JsonNode) root = NULL;
  JsonObject *o = desk_test_load_object ("percent.json", &root);
  gint64 milli = -1;

  g_assert_true (desk_json_get_percent (o, "three_decimals", &milli));
  g_assert_cmpint (milli, ==, 7250);
  g_assert_true (desk_json_get_percent (o, "zero", &milli));
  g_assert_cmpint (milli, ==, 0);
  g_assert_true (desk_json_get_percent (o, "integer", &milli));
  g_assert_cmpint (milli, ==, 20000);
  g_assert_false (desk_json_get_percent (o, "null", &milli));
  g_assert_cmpint (milli, ==, 0);
  g_assert_false (desk_json_get_percent (o, "empty", &milli));
}

static void
test_json_ints (void)
{
  g_autoptr(JsonNode) root = NULL;
  JsonObject *o = desk_test_load_object ("ids.json", &root);

  g_assert_cmpint (desk_json_get_int (o, "negative", 99), ==, -3);
  g_assert_cmpint (desk_json_get_int (o, "as_string", 99), ==, 204817);
  g_assert_cmpint (desk_json_get_int (o, "word", 99), ==, 99);
  g_assert_cmpint (desk_json_get_int (o, "empty", 99), ==, 99);
  g_assert_cmpint (desk_json_get_int (o, "decimal_zero", 99), ==, 3);
  g_assert_cmpint (desk_json_get_int (o, "decimal", 99), ==, 99);
}

static void
test_json_parse_errors (void)
{
  const char *bad[] = { "", "{", "not json", "{\"a\": }" };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GBytes) bytes = g_bytes_new_static (bad[i], strlen (bad[i]));
      g_autoptr(GError) error = NULL;
      g_autoptr(JsonNode) node = desk_json_parse (bytes, &error);

      g_assert_null (node);
      g_assert_error (error, DESK_API_ERROR, DESK_API_ERROR_PROTOCOL);
      /* The parser's own words are kept for the details, not shown as the message. */
      g_assert_nonnull (desk_api_error_get_detail (error));
      g_assert_cmpstr (error->message, ==, desk_api_error_describe (DESK_API_ERROR_PROTOCOL));
    }
}

static DeskListPage *
load_page (const char *name)
{
  g_autoptr(JsonNode) root = desk_test_load_json (name);
  g_autoptr(GError) error = NULL;
  DeskListPage *page = desk_list_page_new_from_data (root, &error);

  g_assert_no_error (error);
  g_assert_nonnull (page);
  return page;
}

static void
test_list_paged (void)
{
  g_autoptr(DeskListPage) page = load_page ("list-paged.json");
  JsonObject *first;

  g_assert_cmpuint (desk_list_page_get_n_records (page), ==, 2);
  g_assert_true (page->paged);
  g_assert_cmpint (page->page, ==, 1);
  g_assert_cmpint (page->per_page, ==, 2);
  g_assert_cmpint (page->total_records, ==, 7);
  g_assert_cmpint (page->total_pages, ==, 4);
  g_assert_true (page->has_next);
  g_assert_true (desk_list_page_has_more (page, 2));

  first = json_array_get_object_element (page->records, 0);
  g_assert_cmpint (desk_json_get_id (first, "summary/id"), ==, 5001);
}

static void
test_list_paged_newer (void)
{
  g_autoptr(DeskListPage) page = load_page ("list-paged-newer.json");
  g_autoptr(DeskListPage) inventory = load_page ("list-inventory-paged.json");
  g_autoptr(DeskListPage) copy = desk_list_page_copy (page);

  g_assert_cmpuint (desk_list_page_get_n_records (page), ==, 1);
  g_assert_cmpint (page->page, ==, 2);
  g_assert_false (page->has_next);
  g_assert_false (desk_list_page_has_more (page, 2));

  g_assert_cmpuint (desk_list_page_get_n_records (copy), ==, 1);
  g_assert_true (copy->records == page->records);

  g_assert_cmpuint (desk_list_page_get_n_records (inventory), ==, 3);
  g_assert_cmpint (inventory->total_records, ==, 3);
  g_assert_false (desk_list_page_has_more (inventory, 3));
}

static void
test_list_legacy (void)
{
  g_autoptr(DeskListPage) page = load_page ("list-legacy-total-records.json");

  g_assert_cmpuint (desk_list_page_get_n_records (page), ==, 2);
  g_assert_true (page->paged);
  g_assert_cmpint (page->total_records, ==, 5);
  g_assert_cmpint (page->per_page, ==, 0);
  /* Only the count is known: more until five have been seen. */
  g_assert_true (desk_list_page_has_more (page, 2));
  g_assert_true (desk_list_page_has_more (page, 4));
  g_assert_false (desk_list_page_has_more (page, 5));
}

static void
test_list_plain (void)
{
  g_autoptr(DeskListPage) page = load_page ("list-plain.json");
  g_autoptr(DeskListPage) empty = load_page ("list-empty-array.json");

  g_assert_cmpuint (desk_list_page_get_n_records (page), ==, 3);
  g_assert_false (page->paged);
  g_assert_cmpint (page->total_records, ==, 3);
  g_assert_false (desk_list_page_has_more (page, 3));

  g_assert_cmpuint (desk_list_page_get_n_records (empty), ==, 0);
  g_assert_false (desk_list_page_has_more (empty, 0));
}

static void
test_list_missing_and_odd (void)
{
  g_autoptr(JsonNode) unknown = desk_test_load_json ("list-unknown.json");
  g_autoptr(JsonNode) empty_object = json_from_string ("{}", NULL);
  g_autoptr(JsonNode) number = json_from_string ("42", NULL);
  g_autoptr(DeskListPage) none = NULL;
  g_autoptr(DeskListPage) from_empty = NULL;
  g_autoptr(DeskListPage) bad = NULL;
  g_autoptr(GError) error = NULL;

  none = desk_list_page_new_from_data (NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (desk_list_page_get_n_records (none), ==, 0);

  from_empty = desk_list_page_new_from_data (empty_object, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (desk_list_page_get_n_records (from_empty), ==, 0);

  bad = desk_list_page_new_from_data (unknown, &error);
  g_assert_null (bad);
  g_assert_error (error, DESK_API_ERROR, DESK_API_ERROR_PROTOCOL);
  g_clear_error (&error);

  g_assert_null (desk_list_page_new_from_data (number, &error));
  g_assert_error (error, DESK_API_ERROR, DESK_API_ERROR_PROTOCOL);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/json/ids", test_json_ids);
  g_test_add_func ("/json/ints", test_json_ints);
  g_test_add_func ("/json/money", test_json_money);
  g_test_add_func ("/json/percent", test_json_percent);
  g_test_add_func ("/json/times", test_json_times);
  g_test_add_func ("/json/booleans", test_json_booleans);
  g_test_add_func ("/json/optional-objects", test_json_optional_objects);
  g_test_add_func ("/json/strings", test_json_strings);
  g_test_add_func ("/json/parse-errors", test_json_parse_errors);
  g_test_add_func ("/json/list/paged", test_list_paged);
  g_test_add_func ("/json/list/paged-newer", test_list_paged_newer);
  g_test_add_func ("/json/list/legacy-total-records", test_list_legacy);
  g_test_add_func ("/json/list/plain", test_list_plain);
  g_test_add_func ("/json/list/missing-and-odd", test_list_missing_and_odd);

  return g_test_run ();
}
