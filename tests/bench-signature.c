/* bench-signature.c
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <math.h>

#include "desk-allocator.h"
#include "desk-test-utils.h"
#include "signature/desk-signature-pad.h"

/* Figures of the signature pad (meson test -C build --benchmark):
 *
 * - pointer event to ink drawn: for each point of a 500-point stroke, what the drag
 *   gesture's handler does (desk_signature_add_point(), which queues the redraw) and the
 *   frame that follows (the canvas snapshot, rendered to pixels by the renderer in use).
 *   The floor is the same frame of the empty pad; the goal is one frame, 16.7 ms.
 * - the PNG export of a typical signature (400 points in 3 strokes): time and size,
 *   against the PNG encoding alone of the same blank image, and the size it had as RGB. */

#define N_ROUNDS 5
#define N_POINTS 500
#define N_EXPORTS 40
#define FRAME_MS (1000.0 / 60.0)

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
  qsort (times, n, sizeof *times, compare_doubles);
  return times[n / 2];
}

static double
now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

/* One frame of @widget as its parent draws it in a frame: its snapshot (CSS background
 * and frame, baseline, ink), rendered to pixels by the window's renderer. */
static void
draw_frame (GtkWidget *widget)
{
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  GskRenderer *renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);

  gtk_widget_snapshot_child (gtk_widget_get_parent (widget), widget, snapshot);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (renderer, node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
}

/* A fast, loopy stroke across the pad, as a finger gives it: 500 points, 8 ms apart. */
static void
stroke_point (guint   i,
              int     width,
              int     height,
              double *x,
              double *y)
{
  double t = (double) i / (N_POINTS - 1);

  *x = width * (0.08 + 0.84 * t) + 20 * cos (t * 14 * G_PI);
  *y = height * (0.5 - 0.25 * sin (t * 14 * G_PI));
}

static gboolean
is_drawn (gpointer data)
{
  return gtk_widget_get_mapped (data) && gtk_widget_get_width (data) > 0;
}

static void
bench_ink (void)
{
  g_autoptr(DeskSignature) signature = desk_signature_new ();
  double floor_times[N_ROUNDS], medians[N_ROUNDS], maxima[N_ROUNDS], lasts[N_ROUNDS];
  GtkWidget *pad = desk_signature_pad_new (signature);
  GtkWidget *canvas = desk_signature_pad_get_canvas (DESK_SIGNATURE_PAD (pad));
  GtkWindow *window = GTK_WINDOW (adw_window_new ());
  int width, height;

  gtk_window_set_default_size (window, 900, 360);
  adw_window_set_content (ADW_WINDOW (window), pad);
  gtk_window_present (window);
  g_assert_true (desk_test_wait_for (is_drawn, canvas, 5000));
  desk_test_iterate (100);
  width = gtk_widget_get_width (canvas);
  height = gtk_widget_get_height (canvas);

  for (guint round = 0; round < N_ROUNDS; round++)
    {
      double times[N_POINTS], empty[20];

      /* The floor: frames of the empty pad. */
      desk_signature_clear (signature);
      for (guint i = 0; i < G_N_ELEMENTS (empty); i++)
        {
          double start = now_ms ();

          gtk_widget_queue_draw (canvas);
          draw_frame (canvas);
          empty[i] = now_ms () - start;
        }
      floor_times[round] = median (empty, G_N_ELEMENTS (empty));

      for (guint i = 0; i < N_POINTS; i++)
        {
          double x, y, start;

          stroke_point (i, width, height, &x, &y);
          start = now_ms ();
          if (i == 0)
            desk_signature_begin_stroke (signature, x, y, 0, i * 8);
          else
            desk_signature_add_point (signature, x, y, 0, i * 8);
          draw_frame (canvas);
          times[i] = now_ms () - start;
        }
      desk_signature_end_stroke (signature);
      lasts[round] = times[N_POINTS - 1];
      medians[round] = median (times, N_POINTS);
      maxima[round] = times[N_POINTS - 1];
      for (guint i = 0; i < N_POINTS; i++)
        maxima[round] = MAX (maxima[round], times[i]);
      /* Keep the event loop turning between rounds, as a real pad does. */
      desk_test_iterate (10);
    }

  g_print ("# pad %d x %d px, renderer %s, %d rounds of a %d-point stroke\n", width, height,
           G_OBJECT_TYPE_NAME (gtk_native_get_renderer (gtk_widget_get_native (canvas))),
           N_ROUNDS, N_POINTS);
  g_print ("floor: empty pad, one frame: median %.2f ms\n", median (floor_times, N_ROUNDS));
  g_print ("pointer event to ink drawn: median %.2f ms per point, at the 500th point %.2f ms,"
           " worst %.2f ms\n", median (medians, N_ROUNDS), median (lasts, N_ROUNDS),
           median (maxima, N_ROUNDS));
  g_print ("ratio to floor: %.2fx (median), %.2fx (500th point); share of a %.1f ms frame: "
           "%.0f %% (median), %.0f %% (500th point)\n",
           median (medians, N_ROUNDS) / median (floor_times, N_ROUNDS),
           median (lasts, N_ROUNDS) / median (floor_times, N_ROUNDS), FRAME_MS,
           100 * median (medians, N_ROUNDS) / FRAME_MS,
           100 * median (lasts, N_ROUNDS) / FRAME_MS);

  gtk_window_destroy (window);
  desk_test_iterate (20);
}

/* The signature of test-signature-export.c: a looping first name, a surname and an
 * underline, 400 points with varying pressure, on a pad of about 600 × 200. */
static DeskSignature *
typical_signature (void)
{
  DeskSignature *signature = desk_signature_new ();
  const guint counts[3] = { 170, 150, 80 };
  gint64 time = 1000;

  for (guint s = 0; s < 3; s++)
    {
      for (guint i = 0; i < counts[s]; i++)
        {
          double t = (double) i / (counts[s] - 1);
          double x, y, pressure = 0.35 + 0.3 * sin (t * G_PI);

          if (s == 0)
            {
              x = 40 + 220 * t + 18 * cos (t * 6 * G_PI);
              y = 90 - 45 * sin (t * 6 * G_PI) * (1 - 0.4 * t);
            }
          else if (s == 1)
            {
              x = 290 + 240 * t + 10 * sin (t * 8 * G_PI);
              y = 100 - 35 * fabs (sin (t * 5 * G_PI));
            }
          else
            {
              x = 60 + 480 * t;
              y = 150 + 8 * sin (t * G_PI);
            }

          if (i == 0)
            desk_signature_begin_stroke (signature, x, y, pressure, time);
          else
            desk_signature_add_point (signature, x, y, pressure, time);
          time += 8;
        }
      desk_signature_end_stroke (signature);
    }

  return signature;
}

static cairo_status_t
count_cb (void                *closure,
          const unsigned char *data,
          unsigned int         length)
{
  *(gsize *) closure += length;
  return CAIRO_STATUS_SUCCESS;
}

/* The same ink as an RGB image, as Front Desk exported it before. */
static gsize
rgb_size (DeskSignature *signature,
          int            width,
          int            height)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, width, height);
  cairo_t *cr = cairo_create (surface);
  cairo_rectangle_t ink;
  gsize size = 0;

  desk_signature_get_ink_bounds (signature, &ink);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_translate (cr, DESK_SIGNATURE_MARGIN - ink.x, DESK_SIGNATURE_MARGIN - ink.y);
  cairo_set_source_rgb (cr, 0.05, 0.05, 0.15);
  desk_signature_draw (signature, cr, 1.0);
  cairo_destroy (cr);
  cairo_surface_write_to_png_stream (surface, count_cb, &size);
  cairo_surface_destroy (surface);

  return size;
}

static void
bench_export (void)
{
  g_autoptr(DeskSignature) signature = typical_signature ();
  double export_times[N_EXPORTS], floor_times[N_EXPORTS];
  gsize size = 0;
  int width = 0, height = 0;

  for (guint i = 0; i < N_EXPORTS; i++)
    {
      g_autoptr(GBytes) png = NULL;
      cairo_surface_t *blank;
      gsize blank_size = 0;
      double start = now_ms ();

      png = desk_signature_to_png (signature, NULL);
      export_times[i] = now_ms () - start;
      g_assert_nonnull (png);
      size = g_bytes_get_size (png);

      if (width == 0)
        {
          const guchar *data = g_bytes_get_data (png, NULL);

          width = (data[16] << 24) | (data[17] << 16) | (data[18] << 8) | data[19];
          height = (data[20] << 24) | (data[21] << 16) | (data[22] << 8) | data[23];
        }

      /* The floor: encoding a blank page of the same size and format. */
      start = now_ms ();
      blank = cairo_image_surface_create (CAIRO_FORMAT_A8, width, height);
      cairo_surface_write_to_png_stream (blank, count_cb, &blank_size);
      cairo_surface_destroy (blank);
      floor_times[i] = now_ms () - start;
    }

  g_print ("# typical signature: 400 points in 3 strokes, PNG %d x %d, %d rounds\n",
           width, height, N_EXPORTS);
  g_print ("PNG export: median %.2f ms, %.1f KB (goals: 10 ms and 12 KB; issue 13: 20 ms, 20 KB)\n",
           median (export_times, N_EXPORTS), size / 1024.0);
  g_print ("floor: PNG encoding of the blank page alone: median %.2f ms; ratio %.2fx\n",
           median (floor_times, N_EXPORTS),
           median (export_times, N_EXPORTS) / median (floor_times, N_EXPORTS));
  g_print ("the same ink as RGB: %.1f KB; gray is %.0f %% of it\n",
           rgb_size (signature, width, height) / 1024.0,
           100.0 * size / rgb_size (signature, width, height));
}

int
main (int   argc,
      char *argv[])
{
  /* The allocator as Front Desk sets it, so that the frames measured pay what its do. */
  desk_tune_allocator ();
  desk_test_init (&argc, &argv);

  bench_ink ();
  bench_export ();

  return 0;
}
