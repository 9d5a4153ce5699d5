/* bench-start.c
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <string.h>

/* Start of Front Desk on the demo store to its first frame with ticket rows, beside the
 * floor: a bare AdwApplicationWindow with a header bar and a label (bench-start-bare),
 * started and timed the same way, with glibc's allocator set as Front Desk sets it
 * (desk_tune_allocator ()). Each is a new process; the time is from just before it
 * is spawned to the monotonic time it prints after that frame. The rounds alternate the
 * two, and the figures are medians.
 *
 * Memory: the resident set (VmRSS, from /proc/self/status) of Front Desk at its first
 * rows and after scrolling through 2,000 tickets, beside the bare window's at its first
 * frame. RSS counts the shared libraries' pages each process touched, the same way for
 * both; Front Desk's includes its demo store's server, which runs in the same process.
 *
 * Usage: bench-start FRONTDESK BARE [ROUNDS] */

#define DEFAULT_ROUNDS 9
#define MEMORY_ROUNDS 3
#define N_SCROLLED "2000"

typedef struct
{
  double time_ms;
  gint64 rss_kib;
  gint64 scrolled_kib;
} Run;

static char *data_home;

static gint64
field_of (const char *text,
          const char *name)
{
  const char *at = text != NULL ? strstr (text, name) : NULL;

  return at != NULL ? g_ascii_strtoll (at + strlen (name), NULL, 10) : -1;
}

static Run
run_once (const char *program,
          gboolean    app,
          const char *scrolled)
{
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE);
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  Run run = { -1, -1, -1 };
  gint64 begin, painted;

  g_subprocess_launcher_setenv (launcher, "XDG_DATA_HOME", data_home, TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_CACHE_HOME", data_home, TRUE);
  g_subprocess_launcher_setenv (launcher, "FRONTDESK_REPORT_FIRST_ROWS", "1", TRUE);
  if (scrolled != NULL)
    g_subprocess_launcher_setenv (launcher, "FRONTDESK_REPORT_SCROLLED", scrolled, TRUE);
  else
    g_subprocess_launcher_unsetenv (launcher, "FRONTDESK_REPORT_SCROLLED");

  begin = g_get_monotonic_time ();
  process = g_subprocess_launcher_spawn (launcher, &error, program, app ? "--demo" : NULL, NULL);
  if (process == NULL)
    g_error ("%s: %s", program, error->message);
  if (!g_subprocess_communicate_utf8 (process, NULL, NULL, &out, NULL, &error))
    g_error ("%s: %s", program, error->message);
  if (!g_subprocess_get_successful (process))
    g_error ("%s ended badly; it printed: %s", program, out);

  painted = field_of (out, "monotonic-us=");
  if (painted <= 0)
    g_error ("%s reported no frame; it printed: %s", program, out);

  run.time_ms = (painted - begin) / 1000.0;
  run.rss_kib = field_of (out, "rss-kib=");
  run.scrolled_kib = field_of (out != NULL ? strstr (out, "scrolled") : NULL, "rss-kib=");

  return run;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static double
median (GArray *values)
{
  g_array_sort (values, compare_doubles);
  return g_array_index (values, double, values->len / 2);
}

static double
max_of (GArray *values)
{
  g_array_sort (values, compare_doubles);
  return g_array_index (values, double, values->len - 1);
}

static void
add (GArray *values,
     double  value)
{
  g_array_append_val (values, value);
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GArray) app_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) bare_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) app_first_mib = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) app_scrolled_mib = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) bare_mib = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GError) error = NULL;
  const char *app, *bare;
  guint rounds;
  Run seed;
  double app_median, bare_median, ratio;

  if (argc < 3)
    {
      g_printerr ("usage: %s FRONTDESK BARE [ROUNDS]\n", argv[0]);
      return 2;
    }
  app = argv[1];
  bare = argv[2];
  rounds = argc > 3 ? (guint) g_ascii_strtoull (argv[3], NULL, 10) : DEFAULT_ROUNDS;

  data_home = g_dir_make_tmp ("bench-start-XXXXXX", &error);
  if (data_home == NULL)
    g_error ("%s", error->message);

  /* The demo store exists before the measure: the first start seeds it. */
  seed = run_once (app, TRUE, NULL);
  g_print ("first start, seeding the demo store: %.0f ms (not counted)\n", seed.time_ms);
  /* And each program has run once, so neither is measured from a cold disk cache. */
  run_once (bare, FALSE, NULL);

  for (guint i = 0; i < rounds; i++)
    {
      /* Alternate which goes first, so neither always follows the other. */
      for (guint k = 0; k < 2; k++)
        {
          gboolean is_app = (i + k) % 2 == 0;
          Run run = run_once (is_app ? app : bare, is_app, NULL);

          add (is_app ? app_ms : bare_ms, run.time_ms);
          if (!is_app)
            add (bare_mib, run.rss_kib / 1024.0);
          else
            add (app_first_mib, run.rss_kib / 1024.0);
        }
    }

  app_median = median (app_ms);
  bare_median = median (bare_ms);
  ratio = app_median / bare_median;
  g_print ("start to first ticket rows drawn, demo store: median %.0f ms, max %.0f ms (n=%u)\n",
           app_median, max_of (app_ms), app_ms->len);
  g_print ("  floor, bare window to first frame, same run: median %.0f ms, max %.0f ms (n=%u)\n",
           bare_median, max_of (bare_ms), bare_ms->len);
  g_print ("  ratio %.2fx (goal <= 1.20x)\n", ratio);

  for (guint i = 0; i < MEMORY_ROUNDS; i++)
    {
      Run run = run_once (app, TRUE, N_SCROLLED);
      Run floor_run = run_once (bare, FALSE, NULL);

      add (app_scrolled_mib, run.scrolled_kib / 1024.0);
      add (app_first_mib, run.rss_kib / 1024.0);
      add (bare_mib, floor_run.rss_kib / 1024.0);
    }

  g_print ("memory (VmRSS) at first rows: median %.1f MiB; after scrolling through "
           N_SCROLLED " tickets: median %.1f MiB (n=%u)\n",
           median (app_first_mib), median (app_scrolled_mib), app_scrolled_mib->len);
  g_print ("  floor, bare window at its first frame, same run: median %.1f MiB (n=%u)\n",
           median (bare_mib), bare_mib->len);
  g_print ("  ratio %.2fx at first rows, %.2fx after " N_SCROLLED " tickets (goal <= 1.30x)\n",
           median (app_first_mib) / median (bare_mib),
           median (app_scrolled_mib) / median (bare_mib));

  remove_tree (data_home);
  g_free (data_home);

  return 0;
}
