/* test-signature-export.c
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "desk-signature.h"

/* What makes a signature, how the pen's pressure shows, and the PNG sent with the ticket:
 * grayscale on white, cropped to the ink with a margin, scaled down when large, small. */

typedef struct
{
  const guchar *data;
  gsize         len;
  gsize         offset;
} PngReader;

static cairo_status_t
read_png_cb (void          *closure,
             unsigned char *data,
             unsigned int   length)
{
  PngReader *reader = closure;

  if (reader->offset + length > reader->len)
    return CAIRO_STATUS_READ_ERROR;

  memcpy (data, reader->data + reader->offset, length);
  reader->offset += length;
  return CAIRO_STATUS_SUCCESS;
}

static cairo_surface_t *
decode_png (GBytes *png)
{
  PngReader reader = { 0 };
  cairo_surface_t *surface;

  reader.data = g_bytes_get_data (png, &reader.len);
  surface = cairo_image_surface_create_from_png_stream (read_png_cb, &reader);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_flush (surface);
  return surface;
}

/* The gray level of a pixel of the decoded image (cairo gives gray PNGs as RGB24). */
static guint
gray_at (cairo_surface_t *surface,
         int              x,
         int              y)
{
  const guchar *row = cairo_image_surface_get_data (surface) +
                      y * cairo_image_surface_get_stride (surface);
  guint32 rgb = ((const guint32 *) (gconstpointer) row)[x] & 0xffffff;

  /* Gray: the three channels agree. */
  g_assert_cmphex (rgb >> 16, ==, rgb & 0xff);
  g_assert_cmphex ((rgb >> 8) & 0xff, ==, rgb & 0xff);

  return rgb & 0xff;
}

/* The PNG header's colour type (byte 25: 0 is gray, 2 is RGB, 6 is RGBA) and bit depth. */
static void
assert_gray8 (GBytes *png)
{
  gsize len = 0;
  const guchar *data = g_bytes_get_data (png, &len);

  g_assert_cmpuint (len, >, 26);
  g_assert_cmpmem (data, 8, "\x89PNG\r\n\x1a\n", 8);
  g_assert_cmpuint (data[24], ==, 8);
  g_assert_cmpuint (data[25], ==, 0);
}

/* Pixels darker than half in column @x. */
static int
ink_in_column (cairo_surface_t *surface,
               int              x)
{
  int n = 0;

  for (int y = 0; y < cairo_image_surface_get_height (surface); y++)
    n += gray_at (surface, x, y) < 128;

  return n;
}

static gboolean
blank_row (cairo_surface_t *surface,
           int              y)
{
  for (int x = 0; x < cairo_image_surface_get_width (surface); x++)
    if (gray_at (surface, x, y) != 255)
      return FALSE;

  return TRUE;
}

static gboolean
blank_column (cairo_surface_t *surface,
              int              x)
{
  for (int y = 0; y < cairo_image_surface_get_height (surface); y++)
    if (gray_at (surface, x, y) != 255)
      return FALSE;

  return TRUE;
}

/* A name written in three strokes of 400 points in all, as a pad of about 600 × 200 gets
 * it: a looping first name, a surname, an underline. Pressure varies along each stroke. */
static DeskSignature *
typical_signature (double scale)
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
            desk_signature_begin_stroke (signature, x * scale, y * scale, pressure, time);
          else
            desk_signature_add_point (signature, x * scale, y * scale, pressure, time);
          time += 8;
        }
      desk_signature_end_stroke (signature);
      time += 300;
    }

  return signature;
}

static void
save_for_review (GBytes     *png,
                 const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_BUILT, name, NULL);

  g_assert_true (g_file_set_contents (path, g_bytes_get_data (png, NULL),
                                      g_bytes_get_size (png), NULL));
  g_test_message ("%s: %" G_GSIZE_FORMAT " bytes", path, g_bytes_get_size (png));
}

static void
test_export_typical (void)
{
  g_autoptr(DeskSignature) signature = typical_signature (1.0);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) png = desk_signature_to_png (signature, &error);
  cairo_rectangle_t ink;
  cairo_surface_t *surface;
  int m = DESK_SIGNATURE_MARGIN;
  int width, height;

  g_assert_no_error (error);
  save_for_review (png, "signature-typical.png");
  assert_gray8 (png);
  /* Issue 12's goal for this signature: 12 KB at most. */
  g_assert_cmpuint (g_bytes_get_size (png), <=, 12 * 1024);

  surface = decode_png (png);
  width = cairo_image_surface_get_width (surface);
  height = cairo_image_surface_get_height (surface);
  g_assert_true (desk_signature_get_ink_bounds (signature, &ink));
  g_assert_cmpint (width, ==, (int) ceil (ink.width) + 2 * m);
  g_assert_cmpint (height, ==, (int) ceil (ink.height) + 2 * m);

  /* White paper all around, the margin free of ink... */
  for (int i = 0; i < m; i++)
    {
      g_assert_true (blank_row (surface, i));
      g_assert_true (blank_row (surface, height - 1 - i));
      g_assert_true (blank_column (surface, i));
      g_assert_true (blank_column (surface, width - 1 - i));
    }
  /* ...and the ink reaching into it from each side: the crop is tight. */
  g_assert_false (blank_row (surface, m + 1));
  g_assert_false (blank_row (surface, height - m - 2));
  g_assert_false (blank_column (surface, m + 1));
  g_assert_false (blank_column (surface, width - m - 2));

  /* Black ink where the strokes went: the underline's middle, the start of the name. */
  g_assert_cmpuint (gray_at (surface, (int) (300 - ink.x) + m, (int) (158 - ink.y) + m), <, 64);
  g_assert_cmpuint (gray_at (surface, (int) (58 - ink.x) + m, (int) (90 - ink.y) + m), <, 64);
  /* Paper inside the loops' gap, below the name and above the underline. */
  g_assert_cmpuint (gray_at (surface, (int) (520 - ink.x) + m, (int) (130 - ink.y) + m), ==, 255);

  cairo_surface_destroy (surface);
}

/* Signed on a big touch monitor: the same shape, scaled down to fit the largest size. */
static void
test_export_scaled (void)
{
  g_autoptr(DeskSignature) small = typical_signature (1.0);
  g_autoptr(DeskSignature) large = typical_signature (3.0);
  g_autoptr(GBytes) small_png = desk_signature_to_png (small, NULL);
  g_autoptr(GBytes) large_png = desk_signature_to_png (large, NULL);
  cairo_surface_t *surface = decode_png (large_png);
  int m = DESK_SIGNATURE_MARGIN;
  cairo_rectangle_t ink;
  double scale;

  save_for_review (large_png, "signature-scaled.png");
  g_assert_true (desk_signature_get_ink_bounds (large, &ink));
  scale = MIN (DESK_SIGNATURE_MAX_INK_WIDTH / ink.width, DESK_SIGNATURE_MAX_INK_HEIGHT / ink.height);
  g_assert_cmpfloat (scale, <, 1.0);

  g_assert_cmpint (cairo_image_surface_get_width (surface), <=,
                   DESK_SIGNATURE_MAX_INK_WIDTH + 2 * m);
  g_assert_cmpint (cairo_image_surface_get_height (surface), <=,
                   DESK_SIGNATURE_MAX_INK_HEIGHT + 2 * m);
  g_assert_cmpint (cairo_image_surface_get_width (surface), ==,
                   (int) ceil (ink.width * scale) + 2 * m);
  /* The underline still where it was, in scaled units. */
  g_assert_cmpuint (gray_at (surface, (int) ((900 - ink.x) * scale) + m,
                             (int) ((474 - ink.y) * scale) + m), <, 96);
  g_assert_cmpuint (g_bytes_get_size (large_png), <, 20 * 1024);
  g_assert_cmpuint (g_bytes_get_size (small_png), <, 20 * 1024);

  cairo_surface_destroy (surface);
}

/* Heavier pen, wider line: mouse and finger (no pressure) draw at the middle width. */
static void
test_export_pressure (void)
{
  const double pressures[] = { 0.1, 0.0, 0.5, 1.0 };
  int widths[G_N_ELEMENTS (pressures)];

  for (guint i = 0; i < G_N_ELEMENTS (pressures); i++)
    {
      g_autoptr(DeskSignature) signature = desk_signature_new ();
      g_autoptr(GBytes) png = NULL;
      cairo_surface_t *surface;

      desk_signature_set_line_width (signature, 8.0);
      desk_signature_begin_stroke (signature, 10, 50, pressures[i], 0);
      for (int x = 20; x <= 300; x += 10)
        desk_signature_add_point (signature, x, 50, pressures[i], x);
      desk_signature_end_stroke (signature);

      png = desk_signature_to_png (signature, NULL);
      surface = decode_png (png);
      widths[i] = ink_in_column (surface, cairo_image_surface_get_width (surface) / 2);
      cairo_surface_destroy (surface);
    }

  /* width = line width × (0.5 + pressure): 4.8, 8, 8 and 12 pixels. */
  g_assert_cmpint (ABS (widths[0] - 5), <=, 1);
  g_assert_cmpint (widths[1], ==, widths[2]);
  g_assert_cmpint (ABS (widths[2] - 8), <=, 1);
  g_assert_cmpint (ABS (widths[3] - 12), <=, 1);
  g_assert_cmpint (widths[0], <, widths[2]);
  g_assert_cmpint (widths[2], <, widths[3]);
}

static void
count_notify_cb (GObject    *object,
                 GParamSpec *pspec,
                 guint      *count)
{
  (*count)++;
}

static void
assert_refused (DeskSignature *signature,
                const char    *words)
{
  const char *reason = NULL;

  g_assert_false (desk_signature_is_acceptable (signature, &reason));
  g_assert_nonnull (reason);
  g_assert_nonnull (strstr (reason, words));
}

/* An empty pad, a dot, a few taps or a tick is not a signature; a name is. */
static void
test_acceptable (void)
{
  g_autoptr(DeskSignature) signature = desk_signature_new ();
  g_autoptr(DeskSignature) typical = typical_signature (1.0);
  const char *reason = "unset";
  guint n_notify = 0;
  gboolean acceptable;

  g_signal_connect (signature, "notify::acceptable", G_CALLBACK (count_notify_cb), &n_notify);

  assert_refused (signature, "not signed");

  desk_signature_begin_stroke (signature, 100, 100, 0, 0);
  desk_signature_end_stroke (signature);
  assert_refused (signature, "too small");

  for (int i = 0; i < 5; i++)
    {
      desk_signature_begin_stroke (signature, 100 + i * 3, 100, 0, i * 100);
      desk_signature_add_point (signature, 101 + i * 3, 101, 0, i * 100 + 8);
      desk_signature_end_stroke (signature);
    }
  assert_refused (signature, "too small");

  /* A tick: 20 units each way, too short for a 3-unit pen. */
  desk_signature_clear (signature);
  desk_signature_begin_stroke (signature, 100, 100, 0, 0);
  desk_signature_add_point (signature, 106, 108, 0, 10);
  desk_signature_add_point (signature, 120, 90, 0, 20);
  desk_signature_end_stroke (signature);
  assert_refused (signature, "too small");
  g_assert_cmpuint (n_notify, ==, 0);

  /* A short name in one stroke. */
  for (int i = 1; i <= 12; i++)
    desk_signature_add_point (signature, 120 + i * 5, 90 + (i % 2) * 12, 0, 20 + i * 10);
  g_assert_true (desk_signature_is_acceptable (signature, &reason));
  g_assert_null (reason);
  g_object_get (signature, "acceptable", &acceptable, NULL);
  g_assert_true (acceptable);
  g_assert_cmpuint (n_notify, ==, 1);

  /* Undoing it takes it back to a tick. */
  desk_signature_undo (signature);
  g_assert_false (desk_signature_is_acceptable (signature, NULL));
  g_assert_cmpuint (n_notify, ==, 2);

  g_assert_true (desk_signature_is_acceptable (typical, NULL));
  /* The same name written a few pixels small is a scribble. */
  g_clear_object (&typical);
  typical = typical_signature (0.03);
  assert_refused (typical, "too small");
}

/* The points given back are the points drawn. */
static void
test_strokes_read_back (void)
{
  g_autoptr(DeskSignature) signature = typical_signature (1.0);
  const DeskSignaturePoint *points;
  guint n = 0;

  g_assert_cmpuint (desk_signature_get_n_strokes (signature), ==, 3);
  points = desk_signature_get_stroke (signature, 2, &n);
  g_assert_cmpuint (n, ==, 80);
  g_assert_cmpfloat (points[0].x, ==, 60);
  g_assert_cmpfloat (points[79].x, ==, 540);
  g_assert_cmpfloat_with_epsilon (points[0].pressure, 0.35, 1e-9);
  g_assert_cmpint (points[1].time - points[0].time, ==, 8);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/signature-export/typical", test_export_typical);
  g_test_add_func ("/signature-export/scaled", test_export_scaled);
  g_test_add_func ("/signature-export/pressure", test_export_pressure);
  g_test_add_func ("/signature-export/acceptable", test_acceptable);
  g_test_add_func ("/signature-export/strokes", test_strokes_read_back);

  return g_test_run ();
}
