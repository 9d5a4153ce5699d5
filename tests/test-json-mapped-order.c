/* test-json-mapped-order.c
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "desk-core.h"

/* The records mapped while a reply is parsed are handed out in any order, each once; and
 * the parser of another reply, in the same thread (a map function's own parse) or in
 * another, neither gives records to that reply nor loses any of its own. */

#define N_TICKETS 6

static GBytes *
ticket_list (guint first_id,
             guint n)
{
  GString *json = g_string_new ("{\"success\": true, \"data\": {\"ticketData\": [");

  for (guint i = 0; i < n; i++)
    g_string_append_printf (json,
                            "%s{\"summary\": {\"id\": \"%u\", \"total\": \"$1.00\"},"
                            " \"devices\": [{\"id\": \"%u\", \"repairProdItems\": [{\"id\": \"1\"}]}]}",
                            i > 0 ? ", " : "", first_id + i, 900 + i);
  g_string_append (json, "]}}");

  return g_string_free_to_bytes (json);
}

static JsonArray *
records_of (JsonNode *root)
{
  JsonArray *records = desk_json_get_array (json_node_get_object (root), "data/ticketData");

  g_assert_nonnull (records);
  return records;
}

static DeskTicket *
take (DeskJsonMapped *mapped,
      JsonArray      *records,
      guint           i)
{
  g_autoptr(GError) error = NULL;
  DeskTicket *ticket = desk_json_mapped_take (mapped, json_array_get_element (records, i),
                                              &error);

  g_assert_no_error (error);
  g_assert_nonnull (ticket);
  return ticket;
}

/* Taken out of order, each record is the one of its node, and a record taken twice is
 * mapped anew the second time. */
static void
test_out_of_order (void)
{
  const guint order[N_TICKETS] = { 3, 0, 5, 1, 2, 4 };
  g_autoptr(GBytes) bytes = ticket_list (5000, N_TICKETS);
  g_autoptr(GError) error = NULL;
  g_autoptr(DeskJsonMapped) mapped = NULL;
  g_autoptr(JsonNode) root = desk_json_parse_mapped (bytes,
                                                     (DeskJsonMapFunc) desk_ticket_new_from_json,
                                                     &mapped, &error);
  g_autoptr(DeskTicket) again = NULL;
  g_autoptr(GPtrArray) taken = g_ptr_array_new_with_free_func (g_object_unref);
  JsonArray *records;

  g_assert_no_error (error);
  records = records_of (root);
  g_assert_cmpuint (desk_json_mapped_get_size (mapped), ==, N_TICKETS);

  for (guint i = 0; i < N_TICKETS; i++)
    {
      DeskTicket *ticket = take (mapped, records, order[i]);

      g_assert_cmpint (desk_ticket_get_id (ticket), ==, 5000 + order[i]);
      g_assert_cmpuint (desk_json_mapped_get_size (mapped), ==, N_TICKETS - 1 - i);
      g_ptr_array_add (taken, ticket);
    }

  again = take (mapped, records, order[0]);
  g_assert_cmpint (desk_ticket_get_id (again), ==, 5000 + order[0]);
  g_assert_true (again != g_ptr_array_index (taken, 0));
  g_assert_cmpuint (desk_json_mapped_get_size (mapped), ==, 0);
}

/* What is not taken goes with the mapped records. */
static void
test_some_taken (void)
{
  g_autoptr(GBytes) bytes = ticket_list (6000, N_TICKETS);
  g_autoptr(GError) error = NULL;
  g_autoptr(DeskJsonMapped) mapped = NULL;
  g_autoptr(JsonNode) root = desk_json_parse_mapped (bytes,
                                                     (DeskJsonMapFunc) desk_ticket_new_from_json,
                                                     &mapped, &error);
  g_autoptr(DeskTicket) first = NULL;
  g_autoptr(DeskTicket) last = NULL;
  JsonArray *records;

  g_assert_no_error (error);
  records = records_of (root);

  first = take (mapped, records, 0);
  last = take (mapped, records, N_TICKETS - 1);
  g_assert_cmpint (desk_ticket_get_id (first), ==, 6000);
  g_assert_cmpint (desk_ticket_get_id (last), ==, 6000 + N_TICKETS - 1);
  g_assert_cmpuint (desk_json_mapped_get_size (mapped), ==, N_TICKETS - 2);
}

/* A map function that parses replies of its own while the outer reply is parsed: plain,
 * and with records mapped on the way. */
static guint n_inner;

static void
check_list (GBytes *bytes,
            guint   first_id,
            guint   n)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DeskJsonMapped) mapped = NULL;
  g_autoptr(JsonNode) root = desk_json_parse_mapped (bytes,
                                                     (DeskJsonMapFunc) desk_ticket_new_from_json,
                                                     &mapped, &error);
  g_autoptr(JsonNode) plain = desk_json_parse (bytes, &error);
  JsonArray *records;

  g_assert_no_error (error);
  records = records_of (root);
  g_assert_cmpuint (json_array_get_length (records), ==, n);
  g_assert_cmpuint (json_array_get_length (records_of (plain)), ==, n);
  g_assert_cmpuint (desk_json_mapped_get_size (mapped), ==, n);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(DeskTicket) ticket = take (mapped, records, i);

      g_assert_cmpint (desk_ticket_get_id (ticket), ==, first_id + i);
    }
}

static gpointer
map_with_inner_parse (JsonNode  *node,
                      GError   **error)
{
  g_autoptr(GBytes) inner = ticket_list (7000 + 100 * n_inner, 3);

  check_list (inner, 7000 + 100 * n_inner, 3);
  n_inner++;

  return desk_ticket_new_from_json (node, error);
}

static void
test_parse_inside_map (void)
{
  g_autoptr(GBytes) bytes = ticket_list (8000, N_TICKETS);
  g_autoptr(GError) error = NULL;
  g_autoptr(DeskJsonMapped) mapped = NULL;
  g_autoptr(JsonNode) root = NULL;
  JsonArray *records;

  n_inner = 0;
  root = desk_json_parse_mapped (bytes, map_with_inner_parse, &mapped, &error);
  g_assert_no_error (error);
  records = records_of (root);

  /* The records, and no object of the inner replies, were mapped on the way. */
  g_assert_cmpuint (desk_json_mapped_get_size (mapped), ==, N_TICKETS);
  g_assert_cmpuint (n_inner, ==, N_TICKETS);
  for (guint i = 0; i < N_TICKETS; i++)
    {
      g_autoptr(DeskTicket) ticket = take (mapped, records, i);

      g_assert_cmpint (desk_ticket_get_id (ticket), ==, 8000 + i);
    }
  g_assert_cmpuint (n_inner, ==, N_TICKETS);
}

/* Another thread parses while this one parses with its records mapped. */
typedef struct
{
  gint  stop;
  guint n_parses;
} Other;

static gpointer
other_thread (gpointer data)
{
  Other *other = data;
  g_autoptr(GBytes) bytes = ticket_list (9000, 40);

  while (!g_atomic_int_get (&other->stop))
    {
      check_list (bytes, 9000, 40);
      other->n_parses++;
    }

  return NULL;
}

static void
test_other_thread (void)
{
  g_autoptr(GBytes) bytes = ticket_list (10000, 200);
  Other other = { 0, 0 };
  GThread *thread = g_thread_new ("other-parser", other_thread, &other);

  for (guint round = 0; round < 20; round++)
    check_list (bytes, 10000, 200);

  g_atomic_int_set (&other.stop, 1);
  g_thread_join (thread);
  g_test_message ("the other thread parsed %u times", other.n_parses);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/json-mapped-order/out-of-order", test_out_of_order);
  g_test_add_func ("/json-mapped-order/some-taken", test_some_taken);
  g_test_add_func ("/json-mapped-order/parse-inside-map", test_parse_inside_map);
  g_test_add_func ("/json-mapped-order/other-thread", test_other_thread);

  return g_test_run ();
}
