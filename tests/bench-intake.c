/* bench-intake.c
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <time.h>

#include "desk-sandbox.h"
#include "desk-allocator.h"
#include "desk-test-utils.h"
#include "intake/desk-intake-page.h"

/* Opening the intake screen (meson test -C build --benchmark): from desk_intake_page_new()
 * to the end of the first frame that draws it in a window (the frame clock's after-paint),
 * with every kind of the catalog loaded beforehand, as it is once Front Desk has started.
 * The floor is the same for a label in an AdwBin, measured in the same rounds, interleaved
 * with the intake's: the frame clock's own pace and the window's relayout are in both.
 * The goal is under 100 ms. */

#define N_ROUNDS 15
#define GOAL_MS 100.0

typedef struct
{
  DeskContext *context;
  GtkWindow   *window;
  GtkWidget   *target;
  gint64       painted_at;
  double       painted_cpu;
  guint        pending;
} Bench;

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static double
median (double *times,
        guint   n)
{
  g_autofree double *sorted = g_memdup2 (times, n * sizeof *times);

  qsort (sorted, n, sizeof *sorted, compare_doubles);
  return sorted[n / 2];
}

static double
minimum (double *times,
         guint   n)
{
  double min = times[0];

  for (guint i = 1; i < n; i++)
    min = MIN (min, times[i]);
  return min;
}

/* Milliseconds of processor time this process has had: less shaken than the wall clock by
 * what else the machine runs. */
static double
cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

static void
after_paint_cb (GdkFrameClock *clock,
                Bench         *bench)
{
  if (bench->target != NULL && bench->painted_at == 0 &&
      gtk_widget_get_mapped (bench->target) && gtk_widget_get_width (bench->target) > 0)
    {
      bench->painted_at = g_get_monotonic_time ();
      bench->painted_cpu = cpu_ms ();
    }
}

static void
loaded_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  Bench *bench = user_data;
  g_autoptr(GError) error = NULL;

  if (!desk_catalog_load_finish (DESK_CATALOG (object), result, &error))
    g_error ("catalog: %s", error->message);
  bench->pending--;
}

static GtkWidget *
make_floor (Bench *bench)
{
  GtkWidget *bin = adw_bin_new ();

  adw_bin_set_child (ADW_BIN (bin), gtk_label_new ("Front Desk"));
  return bin;
}

static GtkWidget *
make_intake (Bench *bench)
{
  return GTK_WIDGET (desk_intake_page_new (bench->context));
}

/* Milliseconds from making the widget to the end of the frame that drew it; @built gets
 * the part spent making it, @cpu the processor time of the whole. */
static double
open_once (Bench       *bench,
           GtkWidget *(*make) (Bench *bench),
           double      *built,
           double      *cpu)
{
  gint64 start, made;
  double start_cpu;
  GtkWidget *widget;
  double ms;

  bench->painted_at = 0;
  bench->target = NULL;

  start_cpu = cpu_ms ();
  start = g_get_monotonic_time ();
  widget = make (bench);
  made = g_get_monotonic_time ();
  bench->target = widget;
  gtk_window_set_child (bench->window, widget);
  while (bench->painted_at == 0)
    g_main_context_iteration (NULL, TRUE);

  ms = (bench->painted_at - start) / 1000.0;
  *built = (made - start) / 1000.0;
  *cpu = bench->painted_cpu - start_cpu;

  /* Closed again, and its disposal out of the way before the next round. */
  bench->target = NULL;
  gtk_window_set_child (bench->window, NULL);
  desk_test_iterate (50);

  return ms;
}

static void
bench_intake (void)
{
  g_autoptr(DeskSandbox) sandbox = NULL;
  g_autoptr(DeskApiClient) client = NULL;
  g_autoptr(DeskCatalog) catalog = NULL;
  g_autoptr(GSettings) settings = NULL;
  g_autoptr(GError) error = NULL;
  Bench bench = { 0, };
  double intake[N_ROUNDS], floor[N_ROUNDS], intake_built[N_ROUNDS], floor_built[N_ROUNDS];
  double intake_cpu[N_ROUNDS], floor_cpu[N_ROUNDS];
  double unused, unused_cpu, intake_ms, floor_ms;

  sandbox = g_object_new (DESK_TYPE_SANDBOX, "rate-limit", 0, NULL);
  if (!desk_sandbox_start (sandbox, 0, &error))
    g_error ("%s", error->message);

  client = desk_api_client_new (desk_sandbox_get_url (sandbox), DESK_SANDBOX_DEMO_API_KEY);
  desk_rate_governor_set_limit (desk_api_client_get_governor (client), 100000);
  catalog = desk_catalog_new (client);
  settings = g_settings_new ("io.frontdesk.FrontDesk");
  bench.context = desk_context_new_for_client (settings, client, catalog);

  /* The catalog, every kind of it, loaded as Front Desk has it once started. */
  for (guint kind = 0; kind < DESK_CATALOG_N_KINDS; kind++)
    {
      bench.pending++;
      desk_catalog_load_async (catalog, kind, NULL, loaded_cb, &bench);
    }
  while (bench.pending > 0)
    g_main_context_iteration (NULL, TRUE);
  for (guint kind = 0; kind < DESK_CATALOG_N_KINDS; kind++)
    g_assert_true (desk_catalog_is_loaded (catalog, kind));

  bench.window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (bench.window, 1000, 800);
  gtk_window_present (bench.window);
  g_signal_connect (gtk_widget_get_frame_clock (GTK_WIDGET (bench.window)), "after-paint",
                    G_CALLBACK (after_paint_cb), &bench);
  desk_test_iterate (100);

  /* A round of each first, not counted: types registered, templates and CSS parsed. */
  open_once (&bench, make_floor, &unused, &unused_cpu);
  open_once (&bench, make_intake, &unused, &unused_cpu);

  for (guint i = 0; i < N_ROUNDS; i++)
    {
      if (i % 2 == 0)
        {
          floor[i] = open_once (&bench, make_floor, &floor_built[i], &floor_cpu[i]);
          intake[i] = open_once (&bench, make_intake, &intake_built[i], &intake_cpu[i]);
        }
      else
        {
          intake[i] = open_once (&bench, make_intake, &intake_built[i], &intake_cpu[i]);
          floor[i] = open_once (&bench, make_floor, &floor_built[i], &floor_cpu[i]);
        }
    }

  intake_ms = median (intake, N_ROUNDS);
  floor_ms = median (floor, N_ROUNDS);
  g_print ("# %d interleaved rounds, catalog loaded (%u devices, %u problems, %u parts)\n",
           N_ROUNDS,
           g_list_model_get_n_items (desk_catalog_get_model (catalog, DESK_CATALOG_DEVICES)),
           g_list_model_get_n_items (desk_catalog_get_model (catalog, DESK_CATALOG_PROBLEMS)),
           g_list_model_get_n_items (desk_catalog_get_model (catalog, DESK_CATALOG_PARTS)));
  g_print ("opening the intake screen to its first frame: median %.1f ms (min %.1f), "
           "of which building it %.1f ms; processor time %.1f ms\n",
           intake_ms, minimum (intake, N_ROUNDS), median (intake_built, N_ROUNDS),
           median (intake_cpu, N_ROUNDS));
  g_print ("floor, a label in an AdwBin, same way:        median %.1f ms (min %.1f), "
           "of which building it %.2f ms; processor time %.1f ms\n",
           floor_ms, minimum (floor, N_ROUNDS), median (floor_built, N_ROUNDS),
           median (floor_cpu, N_ROUNDS));
  g_print ("intake / floor: %.1fx; goal under %.0f ms: %s\n", intake_ms / floor_ms, GOAL_MS,
           intake_ms < GOAL_MS ? "met" : "missed");

  gtk_window_destroy (bench.window);
  desk_test_iterate (50);
  g_clear_object (&bench.context);
  desk_sandbox_stop (sandbox);
}

int
main (int   argc,
      char *argv[])
{
  /* The allocator as Front Desk sets it, so that the frames measured pay what its do. */
  desk_tune_allocator ();
  desk_test_init (&argc, &argv);
  /* A test function, so that it runs in directories of its own (the drafts, the cache). */
  g_test_add_func ("/bench/intake", bench_intake);

  return g_test_run ();
}
