/* test-json-mapped.c
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "desk-core.h"

/* Records mapped while the reply is parsed are the records mapped from the finished
 * tree, field for field, for every shape of list reply; nothing but the records of the
 * list is handed out, and a reply that does not parse gives no records at all. */

static GBytes *
load_bytes (const char *dir,
            const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", dir, name, NULL);
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize len = 0;

  g_file_get_contents (path, &contents, &len, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (contents, len);
}

static void assert_same_record (GObject *a, GObject *b, const char *where);

static void
assert_same_value (const GValue *a,
                   const GValue *b,
                   const char   *where)
{
  GType type = G_VALUE_TYPE (a);

  g_assert_cmpstr (g_type_name (G_VALUE_TYPE (b)), ==, g_type_name (type));

  if (type == G_TYPE_STRING)
    g_assert_cmpstr (g_value_get_string (a), ==, g_value_get_string (b));
  else if (type == G_TYPE_INT64)
    g_assert_cmpint (g_value_get_int64 (a), ==, g_value_get_int64 (b));
  else if (type == G_TYPE_INT)
    g_assert_cmpint (g_value_get_int (a), ==, g_value_get_int (b));
  else if (type == G_TYPE_UINT)
    g_assert_cmpuint (g_value_get_uint (a), ==, g_value_get_uint (b));
  else if (type == G_TYPE_BOOLEAN)
    g_assert_cmpint (g_value_get_boolean (a), ==, g_value_get_boolean (b));
  else if (type == G_TYPE_DOUBLE)
    g_assert_cmpfloat (g_value_get_double (a), ==, g_value_get_double (b));
  else if (G_TYPE_IS_ENUM (type))
    g_assert_cmpint (g_value_get_enum (a), ==, g_value_get_enum (b));
  else if (g_type_is_a (type, G_TYPE_LIST_MODEL))
    {
      GListModel *ma = g_value_get_object (a);
      GListModel *mb = g_value_get_object (b);
      guint n = ma != NULL ? g_list_model_get_n_items (ma) : 0;

      g_assert_cmpuint (mb != NULL ? g_list_model_get_n_items (mb) : 0, ==, n);
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(GObject) ia = g_list_model_get_item (ma, i);
          g_autoptr(GObject) ib = g_list_model_get_item (mb, i);

          assert_same_record (ia, ib, where);
        }
    }
  else if (G_TYPE_IS_OBJECT (type))
    {
      GObject *oa = g_value_get_object (a);
      GObject *ob = g_value_get_object (b);

      g_assert_true ((oa == NULL) == (ob == NULL));
      if (oa != NULL)
        assert_same_record (oa, ob, where);
    }
  else
    {
      g_autofree char *sa = g_strdup_value_contents (a);
      g_autofree char *sb = g_strdup_value_contents (b);

      g_assert_cmpstr (sa, ==, sb);
    }
}

/* Every readable property of two records, and of the records they hold, is equal. */
static void
assert_same_record (GObject    *a,
                    GObject    *b,
                    const char *where)
{
  g_autofree GParamSpec **pspecs = NULL;
  guint n_pspecs = 0;

  g_assert_cmpstr (G_OBJECT_TYPE_NAME (a), ==, G_OBJECT_TYPE_NAME (b));
  g_assert_cmpstr (desk_record_get_currency (DESK_RECORD (a)), ==,
                   desk_record_get_currency (DESK_RECORD (b)));

  pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (a), &n_pspecs);
  for (guint i = 0; i < n_pspecs; i++)
    {
      g_auto(GValue) va = G_VALUE_INIT;
      g_auto(GValue) vb = G_VALUE_INIT;

      if (!(pspecs[i]->flags & G_PARAM_READABLE))
        continue;

      g_test_message ("%s: %s.%s", where, G_OBJECT_TYPE_NAME (a), pspecs[i]->name);
      g_value_init (&va, pspecs[i]->value_type);
      g_value_init (&vb, pspecs[i]->value_type);
      g_object_get_property (a, pspecs[i]->name, &va);
      g_object_get_property (b, pspecs[i]->name, &vb);
      assert_same_value (&va, &vb, where);
    }
}

typedef struct
{
  const char      *dir;
  const char      *name;
  gboolean         envelope;   /* the whole reply, not its data */
  DeskJsonMapFunc  map;
  guint            n_records;
} Case;

static void
test_same_as_after (gconstpointer user_data)
{
  const Case *c = user_data;
  g_autoptr(GBytes) bytes = load_bytes (c->dir, c->name);
  g_autoptr(GError) error = NULL;
  g_autoptr(DeskJsonMapped) mapped = NULL;
  g_autoptr(JsonNode) root = desk_json_parse_mapped (bytes, c->map, &mapped, &error);
  g_autoptr(JsonNode) plain_root = desk_json_parse (bytes, &error);
  g_autoptr(DeskListPage) page = NULL;
  g_autoptr(DeskListPage) plain_page = NULL;
  guint n;

  g_assert_no_error (error);
  g_assert_nonnull (root);
  g_assert_nonnull (mapped);

  page = desk_list_page_new_from_data (c->envelope ? desk_json_lookup (json_node_get_object (root),
                                                                      "data")
                                                   : root, &error);
  g_assert_no_error (error);
  plain_page = desk_list_page_new_from_data (c->envelope
                                               ? desk_json_lookup (json_node_get_object (plain_root),
                                                                   "data")
                                               : plain_root, &error);
  g_assert_no_error (error);

  n = desk_list_page_get_n_records (page);
  g_assert_cmpuint (n, ==, c->n_records);
  g_assert_cmpuint (desk_list_page_get_n_records (plain_page), ==, n);

  /* Every record was mapped while parsing, and nothing else was. */
  g_assert_cmpuint (desk_json_mapped_get_size (mapped), ==, n);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) record = desk_json_mapped_take (mapped,
                                                         json_array_get_element (page->records, i),
                                                         &error);
      g_autoptr(GObject) plain = c->map (json_array_get_element (plain_page->records, i), &error);

      g_assert_no_error (error);
      g_assert_nonnull (record);
      g_assert_nonnull (plain);
      assert_same_record (record, plain, c->name);
    }

  g_assert_cmpuint (desk_json_mapped_get_size (mapped), ==, 0);
}

/* The arrays inside a record are not records of the list; an element that is no object
 * is mapped when taken, and refused as the map function refuses it. */
static void
test_only_outermost_objects (void)
{
  const char text[] = "{\"success\": true, \"data\": {\"ticketData\": ["
                      "{\"summary\": {\"id\": \"5001\"}, \"devices\": [{\"id\": \"7\"}, {\"id\": \"8\"}]},"
                      " 17,"
                      " {\"summary\": {\"id\": \"5003\"}, \"devices\": [[{\"id\": \"9\"}]]}]}}";
  g_autoptr(GBytes) bytes = g_bytes_new_static (text, strlen (text));
  g_autoptr(GError) error = NULL;
  g_autoptr(DeskJsonMapped) mapped = NULL;
  g_autoptr(JsonNode) root = desk_json_parse_mapped (bytes,
                                                     (DeskJsonMapFunc) desk_ticket_new_from_json,
                                                     &mapped, &error);
  g_autoptr(DeskTicket) first = NULL;
  g_autoptr(DeskTicket) last = NULL;
  gpointer number;
  JsonArray *records;

  g_assert_no_error (error);
  records = desk_json_get_array (json_node_get_object (root), "data/ticketData");
  g_assert_nonnull (records);
  g_assert_cmpuint (desk_json_mapped_get_size (mapped), ==, 2);

  first = desk_json_mapped_take (mapped, json_array_get_element (records, 0), &error);
  g_assert_no_error (error);
  g_assert_cmpint (desk_ticket_get_id (first), ==, 5001);

  number = desk_json_mapped_take (mapped, json_array_get_element (records, 1), &error);
  g_assert_error (error, DESK_API_ERROR, DESK_API_ERROR_PROTOCOL);
  g_assert_null (number);
  g_clear_error (&error);

  last = desk_json_mapped_take (mapped, json_array_get_element (records, 2), &error);
  g_assert_no_error (error);
  g_assert_cmpint (desk_ticket_get_id (last), ==, 5003);
  g_assert_cmpuint (desk_json_mapped_get_size (mapped), ==, 0);
}

/* A reply cut short after some records gives the parse error and no records. */
static void
test_broken_reply (void)
{
  const char *texts[] = {
    "{\"success\": true, \"data\": {\"ticketData\": [{\"summary\": {\"id\": \"5001\"}}, {\"summ",
    "[{\"id\": \"1\"}, {\"id\": \"2\"},]",
    "",
    "   ",
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(GBytes) bytes = g_bytes_new_static (texts[i], strlen (texts[i]));
      g_autoptr(GError) error = NULL;
      DeskJsonMapped *mapped = NULL;
      g_autoptr(JsonNode) root = desk_json_parse_mapped (bytes,
                                                         (DeskJsonMapFunc) desk_ticket_new_from_json,
                                                         &mapped, &error);

      g_assert_error (error, DESK_API_ERROR, DESK_API_ERROR_PROTOCOL);
      g_assert_null (root);
      g_assert_null (mapped);
    }
}

static const Case cases[] = {
  { "samples", "tickets-list-thinkdigital-2017.json", TRUE,
    (DeskJsonMapFunc) desk_ticket_new_from_json, 2 },
  { "samples", "tickets-list-DOCDERIVED-CLEANED-phpclient.json", TRUE,
    (DeskJsonMapFunc) desk_ticket_new_from_json, 1 },
  { "samples", "tickets-list-legacy-totalrecords-thinkdigital-2017.json", TRUE,
    (DeskJsonMapFunc) desk_ticket_new_from_json, 2 },
  { "samples", "customers-list-thinkdigital-2018.json", TRUE,
    (DeskJsonMapFunc) desk_customer_new_from_json, 3 },
  { "json", "list-paged.json", FALSE, (DeskJsonMapFunc) desk_ticket_new_from_json, 2 },
  { "json", "list-legacy-total-records.json", FALSE,
    (DeskJsonMapFunc) desk_ticket_new_from_json, 2 },
  { "json", "list-paged-newer.json", FALSE, (DeskJsonMapFunc) desk_customer_new_from_json, 1 },
  { "json", "list-plain.json", FALSE, (DeskJsonMapFunc) desk_employee_new_from_json, 3 },
};

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/json-mapped/same-as-after/%s", cases[i].name);

      g_test_add_data_func (path, &cases[i], test_same_as_after);
    }
  g_test_add_func ("/json-mapped/only-outermost-objects", test_only_outermost_objects);
  g_test_add_func ("/json-mapped/broken-reply", test_broken_reply);

  return g_test_run ();
}
