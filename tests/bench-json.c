/* bench-json.c
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <malloc.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "desk-core.h"

/* How long parsing and mapping one big ticket list takes, against json-glib's parse of
 * the same bytes alone, and how much memory each holds. Prints figures; asserts only
 * that the mapping produced every ticket. */

#define N_TICKETS 10000
#define N_ROUNDS 7

static void
append_ticket (GString *json,
               guint    i)
{
  /* The amounts rotate through the server's forms; every fourth ticket is a walk-in
   * never collected, as in the samples. */
  static const char * const totals[] = { "$77.40", "USD  100.00", "0.00", "$1,234.56" };
  gboolean walk_in = i % 4 == 3;

  g_string_append_printf (json,
    "{\"summary\":{\"id\":\"%u\",\"order_id\":\"T-%u\",\"admin_id\":\"1755\","
    "\"created_by\":{\"id\":\"1755\",\"fullname\":\"Staff %u\"},"
    "\"total\":\"%s\",\"how_did_u_find_us\":\"Facebook\",\"created_date\":%u,"
    "\"repair_collected\":%s,"
    "\"customer\":{\"fullName\":\"Customer %u Surname\",\"id\":\"%s\","
    "\"mobile\":\"+1 555-555-%04u\",\"address1\":\"\",\"fullname\":\"Customer\","
    "\"address2\":\"\",\"orgonization\":\"\",\"email\":\"c%u@example.com\",\"phone\":\"\"},"
    "\"invoice\":{\"id\":\"%u\",\"amount_due\":0,\"amount_paid\":\"77.40\"}},",
    100000 + i, i, i % 7, totals[i % G_N_ELEMENTS (totals)], 1479773272 + i * 60,
    walk_in ? "-62169955200" : "1479715200",
    i, walk_in ? "" : "380474", i % 10000, i, 200000 + i);

  g_string_append_printf (json,
    "\"devices\":[{\"repairProdItems\":[{\"name\":\"Screen (Digitizer+LCD) White\",\"id\":\"892466\"}],"
    "\"status\":{\"name\":\"Repaired & Collected\"},\"id\":\"%u\",\"price\":\"75.00\","
    "\"gst\":\"2.40\",\"line_discount\":\"0.00\",\"total\":\"$77.40\","
    "\"device\":{\"id\":\"137485\",\"name\":\"iPhone 5S\"},"
    "\"assigned_to\":{\"id\":\"%s\",\"fullname\":\"Tech\"},"
    "\"imei\":\"3500000000%05u\",\"task_type\":\"1\",\"due_on\":%u}]}",
    300000 + i, walk_in ? "0" : "1755", i, 1479776760 + i * 60);
}

static GBytes *
make_reply (void)
{
  GString *json = g_string_new ("{\"success\":true,\"statusCode\":200,\"message\":\"OK\","
                                "\"data\":{\"ticketData\":[");

  for (guint i = 0; i < N_TICKETS; i++)
    {
      if (i > 0)
        g_string_append_c (json, ',');
      append_ticket (json, i);
    }

  g_string_append_printf (json, "],\"pagination\":{\"page\":1,\"per_page\":%d,"
                          "\"total_records\":%d,\"total_pages\":1,\"next_page_exist\":0,"
                          "\"previous_page_exist\":0}}}", N_TICKETS, N_TICKETS);

  return g_string_free_to_bytes (json);
}

/* Bytes the allocator has handed out and not yet got back. */
static gint64
heap_in_use (void)
{
  struct mallinfo2 info = mallinfo2 ();

  return (gint64) (info.uordblks + info.hblkhd);
}

static gint64
vm_hwm_kib (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return -1;
  line = strstr (status, "VmHWM:");
  return line != NULL ? g_ascii_strtoll (line + 6, NULL, 10) : -1;
}

typedef struct
{
  gint64 usec[N_ROUNDS];
  gint64 cpu_usec[N_ROUNDS];
  gint64 held;
  gint64 held_without_tree;
} Figures;

/* CPU time of this thread: other builds on a shared machine slow the wall clock of
 * both runs unevenly, much less their CPU time. */
static gint64
cpu_time (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return (gint64) ts.tv_sec * G_USEC_PER_SEC + ts.tv_nsec / 1000;
}

static JsonNode *
parse_only (GBytes *bytes)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  gsize len = 0;
  const char *data = g_bytes_get_data (bytes, &len);

  g_assert_true (json_parser_load_from_data (parser, data, len, NULL));
  return json_parser_steal_root (parser);
}

/* Parse with desk-json, find the records, map every ticket: what the client does with a
 * list reply. */
static GPtrArray *
parse_and_map (GBytes    *bytes,
               JsonNode **root_out)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) root = desk_json_parse (bytes, &error);
  g_autoptr(DeskListPage) page = NULL;
  GPtrArray *tickets;
  guint n;

  g_assert_no_error (error);
  page = desk_list_page_new_from_data (desk_json_lookup (json_node_get_object (root), "data"),
                                       &error);
  g_assert_no_error (error);

  n = desk_list_page_get_n_records (page);
  tickets = g_ptr_array_new_full (n, g_object_unref);
  for (guint i = 0; i < n; i++)
    {
      DeskTicket *ticket = desk_ticket_new_from_json (json_array_get_element (page->records, i),
                                                      &error);
      g_assert_no_error (error);
      g_ptr_array_add (tickets, ticket);
    }

  *root_out = g_steal_pointer (&root);
  return tickets;
}

/* Where a measured run started. */
typedef struct
{
  gint64 heap;
  gint64 wall;
  gint64 cpu;
} Meter;

static void
meter_start (Meter *m)
{
  m->heap = heap_in_use ();
  m->wall = g_get_monotonic_time ();
  m->cpu = cpu_time ();
}

static void
meter_stop (const Meter *m,
            Figures     *f,
            guint        round)
{
  f->cpu_usec[round] = cpu_time () - m->cpu;
  f->usec[round] = g_get_monotonic_time () - m->wall;
  f->held = heap_in_use () - m->heap;
}

static void
run_parse_only (GBytes  *bytes,
                Figures *f,
                guint    round)
{
  g_autoptr(JsonNode) root = NULL;
  Meter m;

  meter_start (&m);
  root = parse_only (bytes);
  meter_stop (&m, f, round);
}

static void
run_parse_and_map (GBytes  *bytes,
                   Figures *f,
                   guint    round)
{
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GPtrArray) tickets = NULL;
  Meter m;

  meter_start (&m);
  tickets = parse_and_map (bytes, &root);
  meter_stop (&m, f, round);

  /* The client drops the tree once the page is mapped. */
  g_clear_pointer (&root, json_node_unref);
  f->held_without_tree = heap_in_use () - m.heap;

  g_assert_cmpuint (tickets->len, ==, N_TICKETS);
  g_assert_cmpint (desk_ticket_get_id (g_ptr_array_index (tickets, N_TICKETS - 1)), ==,
                   100000 + N_TICKETS - 1);
}

static int
compare_int64 (gconstpointer a,
               gconstpointer b)
{
  gint64 x = *(const gint64 *) a;
  gint64 y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

static void
print_figures (const char    *what,
               Figures       *f,
               const Figures *base)
{
  qsort (f->usec, N_ROUNDS, sizeof f->usec[0], compare_int64);
  qsort (f->cpu_usec, N_ROUNDS, sizeof f->cpu_usec[0], compare_int64);
  printf ("%-24s wall min %6.1f median %6.1f ms, cpu min %6.1f median %6.1f ms, "
          "held %5.1f MiB\n",
          what, f->usec[0] / 1000.0, f->usec[N_ROUNDS / 2] / 1000.0,
          f->cpu_usec[0] / 1000.0, f->cpu_usec[N_ROUNDS / 2] / 1000.0,
          f->held / 1048576.0);
  if (base != NULL)
    printf ("%-24s wall %.2fx (min) %.2fx (median), cpu %.2fx (min) %.2fx (median), "
            "memory %.2fx of the parse alone\n", "",
            (double) f->usec[0] / base->usec[0],
            (double) f->usec[N_ROUNDS / 2] / base->usec[N_ROUNDS / 2],
            (double) f->cpu_usec[0] / base->cpu_usec[0],
            (double) f->cpu_usec[N_ROUNDS / 2] / base->cpu_usec[N_ROUNDS / 2],
            (double) f->held / base->held);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GBytes) bytes = make_reply ();
  Figures parse = { 0 }, map = { 0 };

  g_type_ensure (DESK_TYPE_TICKET);
  printf ("# %d tickets, %.1f MiB of JSON, %d rounds\n",
          N_TICKETS, g_bytes_get_size (bytes) / 1048576.0, N_ROUNDS);

  /* The two runs alternate so that other load on the machine hits both alike. */
  for (guint round = 0; round < N_ROUNDS; round++)
    {
      run_parse_only (bytes, &parse, round);
      run_parse_and_map (bytes, &map, round);
    }

  print_figures ("json-glib parse alone", &parse, NULL);
  print_figures ("parse + map (tree held)", &map, &parse);
  printf ("%-24s the %d tickets alone, tree freed: %.1f MiB\n", "", N_TICKETS,
          map.held_without_tree / 1048576.0);
  printf ("# process peak resident (VmHWM): %" G_GINT64_FORMAT " KiB\n", vm_hwm_kib ());

  return 0;
}
