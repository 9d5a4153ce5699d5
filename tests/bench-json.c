/* bench-json.c
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <malloc.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#ifdef __linux__
#include <linux/perf_event.h>
#include <sys/ioctl.h>
#include <sys/syscall.h>
#endif

#if defined(__has_include)
#if __has_include(<valgrind/callgrind.h>)
#include <valgrind/callgrind.h>
#define HAVE_CALLGRIND 1
#endif
#endif

#include <glib/gstdio.h>

#include "desk-core.h"
#include "desk-api-client-private.h"

/* How long parsing and mapping one big ticket list takes, and how many instructions it
 * runs, against json-glib's parse of the same bytes alone (the floor), and how much
 * memory each holds: once as the client's list requests do it, through the functions
 * they call (the reply judged with each record mapped as the parser finishes it, the
 * page found, the records taken), once the way they did before (parse, then map). The
 * runs alternate over rounds, each round in another order; the figures are medians.
 * Instructions come from the CPU's counter (perf_event_open); where there is none (a
 * virtual machine, a locked-down kernel) the benchmark runs itself once more under
 * callgrind, if valgrind is installed, and counts there. Prints figures; asserts only
 * that the mapping produced every ticket.
 *
 * BENCH_JSON_ROUNDS sets the rounds (default 11); BENCH_JSON_CALLGRIND=0 skips the
 * callgrind count. */

#define N_TICKETS 10000
#define MAX_ROUNDS 31
#define DEFAULT_ROUNDS 11

static guint n_rounds = DEFAULT_ROUNDS;

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
  gint64 usec[MAX_ROUNDS];
  gint64 cpu_usec[MAX_ROUNDS];
  gint64 instructions[MAX_ROUNDS];   /* -1 if not counted */
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

/* How instructions are counted in this run. */
typedef enum
{
  COUNT_NONE,
  COUNT_PERF,       /* the CPU's counter, user space only */
  COUNT_CALLGRIND,  /* this process runs under callgrind; each run is dumped and read back */
} CountMode;

static CountMode count_mode = COUNT_NONE;
static int perf_fd = -1;
static char *callgrind_out = NULL;   /* the file callgrind was told to write */
static guint callgrind_dumps = 0;
static char *no_count_reason = NULL;

static void
counter_open (void)
{
#ifdef HAVE_CALLGRIND
  if (RUNNING_ON_VALGRIND)
    {
      callgrind_out = g_strdup (g_getenv ("BENCH_JSON_CALLGRIND_OUT"));
      if (callgrind_out != NULL)
        count_mode = COUNT_CALLGRIND;
      else
        no_count_reason = g_strdup ("under valgrind without BENCH_JSON_CALLGRIND_OUT");
      return;
    }
#endif

#ifdef __linux__
  {
    struct perf_event_attr attr = { 0 };

    attr.type = PERF_TYPE_HARDWARE;
    attr.size = sizeof attr;
    attr.config = PERF_COUNT_HW_INSTRUCTIONS;
    attr.disabled = 1;
    attr.exclude_kernel = 1;
    attr.exclude_hv = 1;
    perf_fd = (int) syscall (SYS_perf_event_open, &attr, 0, -1, -1, 0);
    if (perf_fd >= 0)
      {
        count_mode = COUNT_PERF;
        return;
      }
    no_count_reason = g_strdup_printf ("no instruction counter: perf_event_open: %s",
                                       g_strerror (errno));
  }
#else
  no_count_reason = g_strdup ("no instruction counter on this system");
#endif
}

static void
counter_start (void)
{
  switch (count_mode)
    {
#ifdef __linux__
    case COUNT_PERF:
      ioctl (perf_fd, PERF_EVENT_IOC_RESET, 0);
      ioctl (perf_fd, PERF_EVENT_IOC_ENABLE, 0);
      break;
#endif
#ifdef HAVE_CALLGRIND
    case COUNT_CALLGRIND:
      CALLGRIND_ZERO_STATS;
      break;
#endif
    case COUNT_NONE:
    default:
      break;
    }
}

#ifdef HAVE_CALLGRIND
/* The "totals:" line of the dump callgrind has just written. */
static gint64
read_callgrind_dump (void)
{
  g_autofree char *path = g_strdup_printf ("%s.%u", callgrind_out, ++callgrind_dumps);
  g_autofree char *text = NULL;
  const char *line;

  if (!g_file_get_contents (path, &text, NULL, NULL))
    return -1;
  line = strstr (text, "\ntotals:");
  if (line == NULL)
    line = strstr (text, "\nsummary:");
  if (line == NULL)
    return -1;
  g_unlink (path);
  return g_ascii_strtoll (strchr (line, ':') + 1, NULL, 10);
}
#endif

static gint64
counter_stop (void)
{
  switch (count_mode)
    {
#ifdef __linux__
    case COUNT_PERF:
      {
        guint64 count = 0;

        ioctl (perf_fd, PERF_EVENT_IOC_DISABLE, 0);
        if (read (perf_fd, &count, sizeof count) != sizeof count)
          return -1;
        return (gint64) count;
      }
#endif
#ifdef HAVE_CALLGRIND
    case COUNT_CALLGRIND:
      CALLGRIND_DUMP_STATS;
      return read_callgrind_dump ();
#endif
    case COUNT_NONE:
    default:
      return -1;
    }
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

/* What the client's list requests did before they mapped while parsing: parse with
 * desk-json, find the records, map every ticket. */
static GPtrArray *
parse_then_map (GBytes    *bytes,
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

/* What the client does with a list reply, in the worker thread where it judges a big
 * one (desk-api-client-call.c) and the one where it maps the page
 * (desk-api-client-records.c): the envelope judged while each record is mapped as the
 * parser finishes it, the records found, the mapped ones taken. */
static GPtrArray *
client_list (GBytes    *bytes,
             JsonNode **data_out)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DeskJsonMapped) mapped = NULL;
  g_autoptr(JsonNode) data = desk_api_reply_evaluate_mapped (SOUP_STATUS_OK, "OK", bytes,
                                                             DESK_REPLY_LIST,
                                                             (DeskJsonMapFunc) desk_ticket_new_from_json,
                                                             &mapped, &error);
  g_autoptr(DeskListPage) page = NULL;
  GPtrArray *tickets;

  g_assert_no_error (error);
  g_assert_nonnull (mapped);
  page = desk_list_page_new_from_data (data, &error);
  g_assert_no_error (error);

  tickets = g_ptr_array_new_full (desk_list_page_get_n_records (page), g_object_unref);
  g_assert_true (desk_api_client_take_records (page->records, mapped,
                                               (DeskRecordParseFunc) desk_ticket_new_from_json,
                                               tickets, &error));
  /* Every record was mapped on the way and taken. */
  g_assert_cmpuint (desk_json_mapped_get_size (mapped), ==, 0);

  *data_out = g_steal_pointer (&data);
  return tickets;
}

typedef GPtrArray * (*MapRun) (GBytes *bytes, JsonNode **root_out);

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
  /* The free chunks the previous run left are merged now, not by whichever run next
   * asks for a big block: glibc merges them all on the first request over 1 KiB, and
   * that walk over 50 MiB of cold memory cost either run tens of milliseconds. */
  g_free (g_malloc (4096));

  m->heap = heap_in_use ();
  m->wall = g_get_monotonic_time ();
  m->cpu = cpu_time ();
  counter_start ();
}

static void
meter_stop (const Meter *m,
            Figures     *f,
            guint        round)
{
  f->instructions[round] = counter_stop ();
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
                   MapRun   run,
                   Figures *f,
                   guint    round)
{
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GPtrArray) tickets = NULL;
  Meter m;

  meter_start (&m);
  tickets = run (bytes, &root);
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

/* Sorts @values and gives their median, lowest and highest. */
typedef struct
{
  double median;
  double min;
  double max;
} Spread;

static Spread
spread_of (gint64 *values,
           double  scale)
{
  Spread s;

  qsort (values, n_rounds, sizeof values[0], compare_int64);
  s.min = values[0] * scale;
  s.max = values[n_rounds - 1] * scale;
  s.median = (n_rounds % 2 == 1 ? values[n_rounds / 2]
                                : (values[n_rounds / 2 - 1] + values[n_rounds / 2]) / 2.0) * scale;
  return s;
}

static void
print_row (const char *what,
           const char *unit,
           Spread      floor,
           Spread      own,
           const char *goal)
{
  printf ("%-18s %8.1f %-2s (%6.1f-%6.1f)  %8.1f %-2s (%6.1f-%6.1f)  %5.2fx  %s\n",
          what, floor.median, unit, floor.min, floor.max, own.median, unit, own.min, own.max,
          own.median / floor.median, goal);
}

/* Runs this benchmark once more under callgrind, one round, and reads the instruction
 * counts it prints. Returns FALSE, saying why in @why, if that cannot be done. */
static gboolean
count_under_callgrind (const char  *self_path,
                       gint64       counts[3],
                       char       **why)
{
  g_autofree char *valgrind = g_find_program_in_path ("valgrind");
  g_autofree char *dir = NULL;
  g_autofree char *out = NULL;
  g_autofree char *out_arg = NULL;
  g_autofree char *child_out = NULL;
  g_autofree char *child_err = NULL;
  g_auto(GStrv) env = NULL;
  g_autoptr(GError) error = NULL;
  const char *line;
  int status = 0;

  if (valgrind == NULL)
    {
      *why = g_strdup ("valgrind is not installed");
      return FALSE;
    }

  dir = g_dir_make_tmp ("bench-json-XXXXXX", &error);
  if (dir == NULL)
    {
      *why = g_strdup (error->message);
      return FALSE;
    }
  out = g_build_filename (dir, "callgrind.out", NULL);
  out_arg = g_strconcat ("--callgrind-out-file=", out, NULL);

  {
    const char *argv[] = { valgrind, "--tool=callgrind", out_arg, self_path, NULL };

    env = g_get_environ ();
    env = g_environ_setenv (env, "BENCH_JSON_CALLGRIND_OUT", out, TRUE);
    env = g_environ_setenv (env, "BENCH_JSON_ROUNDS", "1", TRUE);
    g_spawn_sync (NULL, (char **) argv, env, G_SPAWN_DEFAULT, NULL, NULL, &child_out,
                  &child_err, &status, &error);
  }

  /* The final dump callgrind writes at exit. */
  g_unlink (out);
  g_rmdir (dir);

  if (error != NULL || !g_spawn_check_wait_status (status, &error))
    {
      *why = g_strdup_printf ("callgrind run failed: %s", error->message);
      return FALSE;
    }

  line = child_out != NULL ? strstr (child_out, "#instructions ") : NULL;
  if (line == NULL ||
      sscanf (line, "#instructions %" G_GINT64_FORMAT " %" G_GINT64_FORMAT " %" G_GINT64_FORMAT,
              &counts[0], &counts[1], &counts[2]) != 3 ||
      counts[0] <= 0 || counts[1] <= 0 || counts[2] <= 0)
    {
      *why = g_strdup ("callgrind run gave no counts");
      return FALSE;
    }

  return TRUE;
}

static void
print_figures (const char    *title,
               const Figures *parse,
               Figures       *map,
               const gint64  *counts)
{
  Figures floor_copy = *parse;
  Spread floor, own;

  printf ("%-18s %-29s  %-29s  %-6s  %s\n", "", "floor: json-glib parse alone", title,
          "ratio", "goal");
  floor = spread_of (floor_copy.cpu_usec, 1e-3);
  own = spread_of (map->cpu_usec, 1e-3);
  print_row ("time, cpu", "ms", floor, own, "<= 1.25x");
  floor = spread_of (floor_copy.usec, 1e-3);
  own = spread_of (map->usec, 1e-3);
  print_row ("time, wall", "ms", floor, own, "");

  if (count_mode == COUNT_PERF)
    {
      floor = spread_of (floor_copy.instructions, 1e-6);
      own = spread_of (map->instructions, 1e-6);
      print_row ("instructions", "M", floor, own, "<= 1.15x (perf counter)");
    }
  else if (counts != NULL)
    {
      Spread p = { counts[0] * 1e-6, counts[0] * 1e-6, counts[0] * 1e-6 };
      Spread m = { counts[1] * 1e-6, counts[1] * 1e-6, counts[1] * 1e-6 };

      print_row ("instructions", "M", p, m, "<= 1.15x (callgrind, one round)");
    }

  printf ("%-18s %8.1f MiB %20s  %8.1f MiB %20s  %5.2fx\n", "memory held",
          parse->held / 1048576.0, "", map->held / 1048576.0, "",
          (double) map->held / parse->held);
  printf ("%-18s %8s %24s  %8.1f MiB: the %d tickets alone, tree freed\n", "", "", "",
          map->held_without_tree / 1048576.0, N_TICKETS);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GBytes) bytes = make_reply ();
  Figures parse = { 0 }, client = { 0 }, before = { 0 };
  const char *rounds_env = g_getenv ("BENCH_JSON_ROUNDS");
  const char *callgrind_env = g_getenv ("BENCH_JSON_CALLGRIND");
  g_autofree char *why = NULL;
  gint64 counts[3] = { 0 };
  gboolean counted = FALSE;

  if (rounds_env != NULL)
    n_rounds = CLAMP (g_ascii_strtoull (rounds_env, NULL, 10), 1, MAX_ROUNDS);

  g_type_ensure (DESK_TYPE_TICKET);
  counter_open ();

  if (count_mode != COUNT_CALLGRIND)
    printf ("# %d tickets, %.1f MiB of JSON, %u rounds, the runs interleaved in turn; "
            "median (lowest-highest)\n",
            N_TICKETS, g_bytes_get_size (bytes) / 1048576.0, n_rounds);

  /* The runs alternate, each round in another order, so that other load on the machine
   * and the state one run leaves the next hit all alike. */
  for (guint round = 0; round < n_rounds; round++)
    {
      for (guint i = 0; i < 3; i++)
        {
          switch ((round + i) % 3)
            {
            case 0:
              run_parse_only (bytes, &parse, round);
              break;
            case 1:
              run_parse_and_map (bytes, client_list, &client, round);
              break;
            default:
              run_parse_and_map (bytes, parse_then_map, &before, round);
              break;
            }
        }
    }

  if (count_mode == COUNT_CALLGRIND)
    {
      /* Counted for the parent run, which prints the table. */
      printf ("#instructions %.0f %.0f %.0f\n", spread_of (parse.instructions, 1).median,
              spread_of (client.instructions, 1).median, spread_of (before.instructions, 1).median);
      return 0;
    }

  if (count_mode != COUNT_PERF)
    {
      if (g_strcmp0 (callgrind_env, "0") == 0)
        why = g_strdup ("BENCH_JSON_CALLGRIND=0");
      else
        counted = count_under_callgrind (argv[0], counts, &why);
    }

  print_figures ("client's list: parse + map", &parse, &client, counted ? counts : NULL);
  if (count_mode != COUNT_PERF && !counted)
    printf ("%-18s not counted (%s; %s)\n", "instructions", no_count_reason, why);

  printf ("# for comparison, the whole tree parsed first and the records mapped after it, "
          "as the client's list requests did before:\n");
  if (counted)
    counts[1] = counts[2];
  print_figures ("parse, then map", &parse, &before, counted ? counts : NULL);
  printf ("# process peak resident (VmHWM): %" G_GINT64_FORMAT " KiB\n", vm_hwm_kib ());

  g_free (no_count_reason);
  g_free (callgrind_out);
  if (perf_fd >= 0)
    close (perf_fd);

  return 0;
}
