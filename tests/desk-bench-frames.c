/* desk-bench-frames.c
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "desk-bench-frames.h"

#include <time.h>

/* The keystroke benchmarks' clock: the time from a change (a key typed) to the end of the
 * frame that draws it, the frame clock's after-paint, with the key sent at a chosen point
 * of the frame.
 *
 * GDK's frame clock draws at most once a refresh interval: a change made right after a
 * frame was drawn waits most of an interval for the next one, while a change made late in
 * an interval, or once the clock has been idle for a whole one, is drawn at once. A clerk's
 * keys are 100 ms and more apart and come at any point of a frame, so the benchmarks send
 * each key at a spread of points: round i waits (i mod DESK_BENCH_N_PHASES) /
 * DESK_BENCH_N_PHASES of a refresh interval after the last frame was drawn. Phase 0, a key
 * right after a frame, is the worst case; the benchmarks print it on a line of its own. */

/* No frame for this long is a broken benchmark, not a slow one. */
#define PAINT_TIMEOUT_US (10 * G_USEC_PER_SEC)

struct _DeskBenchFrames
{
  GtkWidget     *widget;       /* owned */
  GdkFrameClock *clock;        /* owned */
  gulong         handlers[3];
  GHashTable    *phases;       /* owned, DeskBenchChange -> owned Phases */
  gint64         frame_began;  /* the timed frame's before-paint, or 0 */
  gint64         laid_out;     /* the end of its layout, or 0 */
  gboolean       changed;      /* the change is made, its frame not yet drawn */
  gint64         painted_at;   /* the end of the first frame since armed, or 0 */
  double         painted_cpu;  /* the process's processor time then, in ms */
  double         cpu_ms;       /* processor time of the last change to its frame */
  gboolean       armed;
};

/* Where the frames that drew a change spent their time. */
typedef struct
{
  GArray *layout;   /* ms from before-paint to the end of layout */
  GArray *paint;    /* ms from the end of layout to after-paint */
} Phases;

static void
phases_free (gpointer data)
{
  Phases *phases = data;

  g_array_unref (phases->layout);
  g_array_unref (phases->paint);
  g_free (phases);
}

static double
cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

static void
before_paint_cb (GdkFrameClock   *clock,
                 DeskBenchFrames *self)
{
  if (self->changed && self->frame_began == 0)
    self->frame_began = g_get_monotonic_time ();
}

static void
layout_cb (GdkFrameClock   *clock,
           DeskBenchFrames *self)
{
  if (self->changed && self->frame_began != 0 && self->laid_out == 0)
    self->laid_out = g_get_monotonic_time ();
}

static void
after_paint_cb (GdkFrameClock   *clock,
                DeskBenchFrames *self)
{
  if (self->armed && self->painted_at == 0)
    {
      self->painted_at = g_get_monotonic_time ();
      self->painted_cpu = cpu_ms ();
    }
}

static gboolean
wake_dispatch (GSource     *source,
               GSourceFunc  callback,
               gpointer     data)
{
  return callback (data);
}

static GSourceFuncs wake_funcs = { NULL, NULL, wake_dispatch, NULL, NULL, NULL };

static gboolean
woken_cb (gpointer data)
{
  *(gboolean *) data = TRUE;

  return G_SOURCE_REMOVE;
}

/* A source that wakes the main loop at @ready_time (monotonic, microseconds): finer than
 * g_timeout_add()'s milliseconds. */
static GSource *
wake_at (gint64    ready_time,
         gboolean *woken)
{
  GSource *source = g_source_new (&wake_funcs, sizeof (GSource));

  *woken = FALSE;
  g_source_set_ready_time (source, ready_time);
  g_source_set_callback (source, woken_cb, woken, NULL);
  g_source_attach (source, NULL);

  return source;
}

static void
wait_until (gint64 ready_time)
{
  gboolean woken;
  GSource *source = wake_at (ready_time, &woken);

  while (!woken)
    g_main_context_iteration (NULL, TRUE);
  g_source_destroy (source);
  g_source_unref (source);
}

/* Queues a redraw of the window and waits for the end of the next frame. */
static void
wait_for_paint (DeskBenchFrames *self)
{
  gboolean timed_out;
  GSource *timeout = wake_at (g_get_monotonic_time () + PAINT_TIMEOUT_US, &timed_out);

  gtk_widget_queue_draw (self->widget);
  while (self->painted_at == 0 && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  g_source_destroy (timeout);
  g_source_unref (timeout);
  if (self->painted_at == 0)
    g_error ("no frame drawn in %d s", (int) (PAINT_TIMEOUT_US / G_USEC_PER_SEC));
}

/**
 * desk_bench_frames_new:
 * @widget: a realized widget, redrawn to force a frame; its window's frame clock is timed
 *
 * Returns: (transfer full): a clock for changes to @widget's window
 */
DeskBenchFrames *
desk_bench_frames_new (GtkWidget *widget)
{
  DeskBenchFrames *self = g_new0 (DeskBenchFrames, 1);

  self->widget = g_object_ref (widget);
  self->clock = g_object_ref (gtk_widget_get_frame_clock (widget));
  self->phases = g_hash_table_new_full (NULL, NULL, NULL, phases_free);
  self->handlers[0] = g_signal_connect (self->clock, "before-paint",
                                        G_CALLBACK (before_paint_cb), self);
  /* After the window's own layout. */
  self->handlers[1] = g_signal_connect_after (self->clock, "layout", G_CALLBACK (layout_cb),
                                              self);
  self->handlers[2] = g_signal_connect (self->clock, "after-paint", G_CALLBACK (after_paint_cb),
                                        self);

  return self;
}

void
desk_bench_frames_free (DeskBenchFrames *self)
{
  /* A destroyed window's frame clock has let go of its handlers already. */
  for (guint i = 0; i < G_N_ELEMENTS (self->handlers); i++)
    if (g_signal_handler_is_connected (self->clock, self->handlers[i]))
      g_signal_handler_disconnect (self->clock, self->handlers[i]);
  g_clear_pointer (&self->phases, g_hash_table_unref);
  g_clear_object (&self->clock);
  g_clear_object (&self->widget);
  g_free (self);
}

/* The point of the frame for @round: spread evenly, phase 0 every DESK_BENCH_N_PHASES. */
double
desk_bench_frames_round_phase (guint round)
{
  return (double) (round % DESK_BENCH_N_PHASES) / DESK_BENCH_N_PHASES;
}

static void
add_phases (DeskBenchFrames *self,
            DeskBenchChange  change)
{
  Phases *phases = g_hash_table_lookup (self->phases, change);
  double layout, paint;

  if (self->frame_began == 0 || self->laid_out == 0)
    return;

  if (phases == NULL)
    {
      phases = g_new0 (Phases, 1);
      phases->layout = g_array_new (FALSE, FALSE, sizeof (double));
      phases->paint = g_array_new (FALSE, FALSE, sizeof (double));
      g_hash_table_insert (self->phases, change, phases);
    }
  layout = (self->laid_out - self->frame_began) / 1000.0;
  paint = (self->painted_at - self->laid_out) / 1000.0;
  g_array_append_val (phases->layout, layout);
  g_array_append_val (phases->paint, paint);
}

/**
 * desk_bench_frames_print_phases:
 * @change: the change whose frames are meant
 *
 * Prints where the frames that drew @change spent their time, over every call of
 * desk_bench_frames_time() with it: from the frame's start (before-paint) to the end of
 * its layout, and from there to the end of its paint (after-paint).
 */
void
desk_bench_frames_print_phases (DeskBenchFrames *self,
                                DeskBenchChange  change,
                                const char      *what)
{
  Phases *phases = g_hash_table_lookup (self->phases, change);

  if (phases == NULL)
    return;

  g_print ("  %s: its frame's layout median %.2f ms (max %.2f), paint %.2f ms (max %.2f)\n",
           what, desk_bench_median (phases->layout), desk_bench_max (phases->layout),
           desk_bench_median (phases->paint), desk_bench_max (phases->paint));
}

/**
 * desk_bench_frames_time:
 * @phase: where in the frame @change comes, from 0 (right after a frame was drawn) to 1
 *   (a refresh interval later); more than 1 finds the frame clock idle
 * @change: the change, a keystroke or a label's new text
 * @handler_ms: (out) (optional): the time @change itself took
 *
 * Draws a frame, waits @phase of a refresh interval after it, makes the change and waits
 * for the frame that draws it.
 *
 * Returns: milliseconds from the change to the end of the frame that drew it
 */
double
desk_bench_frames_time (DeskBenchFrames *self,
                        double           phase,
                        DeskBenchChange  change,
                        gpointer         data,
                        double          *handler_ms)
{
  gint64 interval = 0, presentation = 0, start;
  double start_cpu;

  self->armed = TRUE;
  self->painted_at = 0;
  wait_for_paint (self);

  gdk_frame_clock_get_refresh_info (self->clock, self->painted_at, &interval, &presentation);
  if (interval <= 0)
    interval = G_USEC_PER_SEC / 60;
  if (phase > 0)
    wait_until (self->painted_at + (gint64) (phase * interval));

  self->painted_at = 0;
  self->frame_began = self->laid_out = 0;
  start_cpu = cpu_ms ();
  start = g_get_monotonic_time ();
  change (data);
  if (handler_ms != NULL)
    *handler_ms = (g_get_monotonic_time () - start) / 1000.0;
  self->changed = TRUE;
  wait_for_paint (self);
  self->changed = self->armed = FALSE;
  self->cpu_ms = self->painted_cpu - start_cpu;
  add_phases (self, change);

  return (self->painted_at - start) / 1000.0;
}

/* The processor time of the process from the last timed change to the end of its frame
 * (the whole process: the in-process server's threads count too). */
double
desk_bench_frames_get_cpu_ms (DeskBenchFrames *self)
{
  return self->cpu_ms;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

/* The @share-th quantile of the times, nearest rank; the times are left in their order. */
double
desk_bench_percentile (GArray *ms,
                       double  share)
{
  g_autoptr(GArray) sorted = NULL;

  g_return_val_if_fail (ms->len > 0, 0);

  sorted = g_array_copy (ms);
  g_array_sort (sorted, compare_doubles);
  return g_array_index (sorted, double, MIN ((guint) (share * sorted->len), sorted->len - 1));
}

double
desk_bench_median (GArray *ms)
{
  return desk_bench_percentile (ms, 0.5);
}

double
desk_bench_max (GArray *ms)
{
  return desk_bench_percentile (ms, 1.0);
}

/* Prints @what's median and max beside the floor's, measured at the same points of the
 * frame, and whether they are within one frame (median) and two (max). */
void
desk_bench_report (const char *what,
                   GArray     *ms,
                   GArray     *floor_ms)
{
  double median = desk_bench_median (ms), max = desk_bench_max (ms);
  double floor_median = desk_bench_median (floor_ms);

  g_print ("%s: median %.1f ms, max %.1f ms (n=%u)\n", what, median, max, ms->len);
  g_print ("  floor, a label changed at the same points: median %.1f ms, max %.1f ms; "
           "ratio %.2fx\n", floor_median, desk_bench_max (floor_ms), median / floor_median);
  g_print ("  to one frame (%.1f ms): median %.2f, max %.2f frames; goal median <= 1, "
           "max <= 2: %s\n", DESK_BENCH_FRAME_MS, median / DESK_BENCH_FRAME_MS,
           max / DESK_BENCH_FRAME_MS,
           median <= DESK_BENCH_FRAME_MS && max <= 2 * DESK_BENCH_FRAME_MS ? "met" : "missed");
}
