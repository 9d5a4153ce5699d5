/* test-signature.c
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "desk-signature.h"

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

/* The pixel as 0xRRGGBB, whatever the decoded format. */
static guint32
pixel_at (cairo_surface_t *surface,
          int              x,
          int              y)
{
  const guchar *row = cairo_image_surface_get_data (surface) +
                      y * cairo_image_surface_get_stride (surface);
  guint32 argb = ((const guint32 *) (gconstpointer) row)[x];

  return argb & 0xffffff;
}

static gboolean
is_dark (guint32 rgb)
{
  return ((rgb >> 16) & 0xff) < 100 && ((rgb >> 8) & 0xff) < 100 && (rgb & 0xff) < 100;
}

/* Two strokes: a curve from (20, 30) through (120, 130) to (220, 30), and a dot. With a
 * 4-unit pen at middle pressure the ink spans x 18..222 and y 28..132. */
static DeskSignature *
draw_sample (void)
{
  DeskSignature *signature = desk_signature_new ();

  desk_signature_set_line_width (signature, 4.0);
  desk_signature_begin_stroke (signature, 20, 30, 0.5, 1000);
  for (int i = 1; i <= 20; i++)
    {
      double x = 20 + i * 10;
      double y = 130 - ABS (x - 120);

      desk_signature_add_point (signature, x, y, 0.5, 1000 + i * 16);
    }
  desk_signature_end_stroke (signature);

  desk_signature_begin_stroke (signature, 120, 60, 0.5, 2000);
  desk_signature_end_stroke (signature);

  return signature;
}

static void
save_for_review (GBytes     *png,
                 const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_BUILT, name, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, g_bytes_get_data (png, NULL), g_bytes_get_size (png), &error);
  g_assert_no_error (error);
  g_test_message ("signature saved to %s", path);
}

static void
test_signature_png (void)
{
  g_autoptr(DeskSignature) signature = draw_sample ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) png = desk_signature_to_png (signature, &error);
  cairo_surface_t *surface;
  int m = DESK_SIGNATURE_MARGIN;
  int width, height;

  g_assert_no_error (error);
  save_for_review (png, "signature.png");
  surface = decode_png (png);

  /* The ink bounds plus the margin on each side. */
  width = cairo_image_surface_get_width (surface);
  height = cairo_image_surface_get_height (surface);
  g_assert_cmpint (width, ==, 204 + 2 * m);
  g_assert_cmpint (height, ==, 104 + 2 * m);
  /* Opaque: no alpha channel in the file. */
  g_assert_cmpint (cairo_image_surface_get_format (surface), ==, CAIRO_FORMAT_RGB24);

  /* White corners and margins. */
  g_assert_cmphex (pixel_at (surface, 0, 0), ==, 0xffffff);
  g_assert_cmphex (pixel_at (surface, width - 1, height - 1), ==, 0xffffff);
  g_assert_cmphex (pixel_at (surface, m / 2, height / 2), ==, 0xffffff);

  /* Ink at the start, the bottom of the curve and the dot; paper between. Points map
   * to the image by x - 18 + m, y - 28 + m. */
  g_assert_true (is_dark (pixel_at (surface, 20 - 18 + m, 30 - 28 + m)));
  g_assert_true (is_dark (pixel_at (surface, 120 - 18 + m, 128 - 28 + m)));
  g_assert_true (is_dark (pixel_at (surface, 120 - 18 + m, 60 - 28 + m)));
  g_assert_cmphex (pixel_at (surface, 120 - 18 + m, 95 - 28 + m), ==, 0xffffff);
  g_assert_cmphex (pixel_at (surface, 40 - 18 + m, 120 - 28 + m), ==, 0xffffff);

  cairo_surface_destroy (surface);
}

static void
test_signature_base64 (void)
{
  g_autoptr(DeskSignature) signature = draw_sample ();
  g_autoptr(GError) error = NULL;
  g_autofree char *text = desk_signature_to_base64 (signature, &error);
  g_autofree guchar *decoded = NULL;
  gsize len = 0;

  g_assert_no_error (error);
  decoded = g_base64_decode (text, &len);
  g_assert_cmpuint (len, >, 8);
  g_assert_cmpmem (decoded, 8, "\x89PNG\r\n\x1a\n", 8);
}

static void
test_signature_pressure (void)
{
  g_autoptr(DeskSignature) light = desk_signature_new ();
  g_autoptr(DeskSignature) heavy = desk_signature_new ();
  cairo_rectangle_t light_ink, heavy_ink;

  desk_signature_begin_stroke (light, 10, 10, 0.1, 0);
  desk_signature_add_point (light, 60, 10, 0.1, 10);
  desk_signature_begin_stroke (heavy, 10, 10, 1.0, 0);
  desk_signature_add_point (heavy, 60, 10, 1.0, 10);

  g_assert_true (desk_signature_get_ink_bounds (light, &light_ink));
  g_assert_true (desk_signature_get_ink_bounds (heavy, &heavy_ink));
  g_assert_cmpfloat (heavy_ink.height, >, light_ink.height);
}

static void
count_cb (gpointer  instance,
          guint    *count)
{
  (*count)++;
}

static void
count_notify_cb (GObject    *object,
                 GParamSpec *pspec,
                 guint      *count)
{
  (*count)++;
}

static void
test_signature_undo_clear (void)
{
  g_autoptr(DeskSignature) signature = draw_sample ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) none = NULL;
  cairo_rectangle_t ink;
  guint n_changed = 0, n_empty = 0;

  g_signal_connect (signature, "changed", G_CALLBACK (count_cb), &n_changed);
  g_signal_connect (signature, "notify::empty", G_CALLBACK (count_notify_cb), &n_empty);

  g_assert_false (desk_signature_is_empty (signature));
  g_assert_cmpuint (desk_signature_get_n_strokes (signature), ==, 2);

  /* Undoing the dot leaves the curve: same bounds, since the dot was inside them. */
  desk_signature_undo (signature);
  g_assert_cmpuint (desk_signature_get_n_strokes (signature), ==, 1);
  g_assert_true (desk_signature_get_ink_bounds (signature, &ink));
  g_assert_cmpfloat (ink.width, ==, 204);
  g_assert_cmpuint (n_changed, ==, 1);
  g_assert_cmpuint (n_empty, ==, 0);

  desk_signature_clear (signature);
  g_assert_true (desk_signature_is_empty (signature));
  g_assert_false (desk_signature_get_ink_bounds (signature, &ink));
  g_assert_cmpuint (n_empty, ==, 1);
  desk_signature_clear (signature);
  desk_signature_undo (signature);
  g_assert_cmpuint (n_changed, ==, 2);

  none = desk_signature_to_png (signature, &error);
  g_assert_null (none);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);

  /* A point without a stroke begins one. */
  desk_signature_add_point (signature, 5, 5, 0, 0);
  g_assert_cmpuint (desk_signature_get_n_strokes (signature), ==, 1);
  g_assert_cmpuint (n_empty, ==, 2);
}

/* The pad draws at its own scale through the same function. */
static void
test_signature_draw_scaled (void)
{
  g_autoptr(DeskSignature) signature = draw_sample ();
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 480, 320);
  cairo_t *cr = cairo_create (surface);

  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);
  desk_signature_draw (signature, cr, 2.0);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  g_assert_true (is_dark (pixel_at (surface, 240, 256)));
  g_assert_true (is_dark (pixel_at (surface, 240, 120)));
  g_assert_cmphex (pixel_at (surface, 240, 190), ==, 0xffffff);

  cairo_surface_destroy (surface);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/signature/png", test_signature_png);
  g_test_add_func ("/signature/base64", test_signature_base64);
  g_test_add_func ("/signature/pressure", test_signature_pressure);
  g_test_add_func ("/signature/undo-clear", test_signature_undo_clear);
  g_test_add_func ("/signature/draw-scaled", test_signature_draw_scaled);

  return g_test_run ();
}
