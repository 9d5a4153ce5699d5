/* test-spinner.c
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "desk-spinner.h"
#include "desk-test-utils.h"

/* The spinner: drawn in the text colour while it spins, nothing while it does not, its
 * frames asked for only while it spins and is mapped, and no SVG loaded to draw it. */

typedef struct
{
  GtkWindow   *window;
  GtkStack    *stack;
  DeskSpinner *spinner;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->window = GTK_WINDOW (gtk_window_new ());
  fixture->stack = GTK_STACK (gtk_stack_new ());
  fixture->spinner = DESK_SPINNER (desk_spinner_new ());
  gtk_widget_set_halign (GTK_WIDGET (fixture->spinner), GTK_ALIGN_CENTER);
  gtk_widget_set_valign (GTK_WIDGET (fixture->spinner), GTK_ALIGN_CENTER);
  gtk_stack_add_named (fixture->stack, GTK_WIDGET (fixture->spinner), "spinner");
  gtk_stack_add_named (fixture->stack, gtk_label_new ("Other page"), "other");
  gtk_stack_set_visible_child_name (fixture->stack, "spinner");
  gtk_window_set_child (fixture->window, GTK_WIDGET (fixture->stack));
  gtk_window_set_default_size (fixture->window, 200, 100);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (fixture->window);
}

static gboolean
mapped (gpointer data)
{
  return gtk_widget_get_mapped (GTK_WIDGET (data));
}

/* What the spinner draws now, or NULL for nothing. */
static GskRenderNode *
draw (DeskSpinner *spinner)
{
  GtkSnapshot *snapshot = gtk_snapshot_new ();

  GTK_WIDGET_GET_CLASS (spinner)->snapshot (GTK_WIDGET (spinner), snapshot);
  return gtk_snapshot_free_to_node (snapshot);
}

static void
test_spins_when_mapped_and_asked (Fixture       *fixture,
                                  gconstpointer  data)
{
  g_assert_false (desk_spinner_get_spinning (fixture->spinner));

  /* Asked to spin before it is shown: no frames yet. */
  desk_spinner_set_spinning (fixture->spinner, TRUE);
  g_assert_true (desk_spinner_get_spinning (fixture->spinner));
  g_assert_false (desk_spinner_is_animating (fixture->spinner));

  gtk_window_present (fixture->window);
  g_assert_true (desk_test_wait_for (mapped, fixture->spinner, 5000));
  g_assert_true (desk_spinner_is_animating (fixture->spinner));
  g_assert_true (desk_test_wait_for_frames (GTK_WIDGET (fixture->spinner), 3, 5000));
  g_assert_true (desk_spinner_is_animating (fixture->spinner));

  desk_spinner_set_spinning (fixture->spinner, FALSE);
  g_assert_false (desk_spinner_is_animating (fixture->spinner));
  g_assert_null (draw (fixture->spinner));

  desk_spinner_set_spinning (fixture->spinner, TRUE);
  g_assert_true (desk_spinner_is_animating (fixture->spinner));
}

static gboolean
unmapped (gpointer data)
{
  return !gtk_widget_get_mapped (GTK_WIDGET (data));
}

static void
test_stops_when_hidden (Fixture       *fixture,
                        gconstpointer  data)
{
  desk_spinner_set_spinning (fixture->spinner, TRUE);
  gtk_window_present (fixture->window);
  g_assert_true (desk_test_wait_for (mapped, fixture->spinner, 5000));
  g_assert_true (desk_spinner_is_animating (fixture->spinner));

  /* Another page of the stack in view. */
  gtk_stack_set_visible_child_name (fixture->stack, "other");
  g_assert_true (desk_test_wait_for (unmapped, fixture->spinner, 5000));
  g_assert_false (desk_spinner_is_animating (fixture->spinner));
  g_assert_true (desk_spinner_get_spinning (fixture->spinner));

  gtk_stack_set_visible_child_name (fixture->stack, "spinner");
  g_assert_true (desk_test_wait_for (mapped, fixture->spinner, 5000));
  g_assert_true (desk_spinner_is_animating (fixture->spinner));

  /* Hidden itself. */
  gtk_widget_set_visible (GTK_WIDGET (fixture->spinner), FALSE);
  g_assert_false (desk_spinner_is_animating (fixture->spinner));
  gtk_widget_set_visible (GTK_WIDGET (fixture->spinner), TRUE);
  gtk_stack_set_visible_child_name (fixture->stack, "spinner");
  g_assert_true (desk_test_wait_for (mapped, fixture->spinner, 5000));
  g_assert_true (desk_spinner_is_animating (fixture->spinner));

  /* The window closed. */
  gtk_widget_set_visible (GTK_WIDGET (fixture->window), FALSE);
  g_assert_true (desk_test_wait_for (unmapped, fixture->spinner, 5000));
  g_assert_false (desk_spinner_is_animating (fixture->spinner));
}

/* Share of the drawn pixels (alpha over a half) whose colour is red. */
static void
count_ink (GskRenderNode *node,
           int            size,
           int           *n_ink,
           int           *n_red)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, size, size);
  cairo_t *cr = cairo_create (surface);
  const guint8 *data;
  int stride;

  gsk_render_node_draw (node, cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  data = cairo_image_surface_get_data (surface);
  stride = cairo_image_surface_get_stride (surface);

  *n_ink = *n_red = 0;
  for (int y = 0; y < size; y++)
    for (int x = 0; x < size; x++)
      {
        guint32 pixel;

        memcpy (&pixel, data + y * stride + x * 4, sizeof pixel);
        if ((pixel >> 24) < 128)
          continue;
        (*n_ink)++;
        /* Premultiplied: red at the alpha, no green or blue. */
        if (((pixel >> 16) & 0xff) >= (pixel >> 24) - 2 && ((pixel >> 8) & 0xff) < 8 &&
            (pixel & 0xff) < 8)
          (*n_red)++;
      }
  cairo_surface_destroy (surface);
}

static void
test_size_and_colour (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GtkCssProvider) provider = gtk_css_provider_new ();
  GskRenderNode *node;
  graphene_rect_t bounds;
  int minimum, natural, n_ink, n_red;

  gtk_css_provider_load_from_data (provider, "desk-spinner { color: #ff0000; }", -1);
  gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                              GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);

  /* 16 px, as GtkSpinner. */
  gtk_widget_measure (GTK_WIDGET (fixture->spinner), GTK_ORIENTATION_HORIZONTAL, -1,
                      &minimum, &natural, NULL, NULL);
  g_assert_cmpint (minimum, ==, 16);
  g_assert_cmpint (natural, ==, 16);

  desk_spinner_set_spinning (fixture->spinner, TRUE);
  gtk_window_present (fixture->window);
  g_assert_true (desk_test_wait_for (mapped, fixture->spinner, 5000));
  g_assert_true (desk_test_wait_for_frames (GTK_WIDGET (fixture->spinner), 2, 5000));

  node = draw (fixture->spinner);
  g_assert_nonnull (node);
  gsk_render_node_get_bounds (node, &bounds);
  g_assert_cmpfloat (bounds.size.width, ==, 16);
  g_assert_cmpfloat (bounds.size.height, ==, 16);
  count_ink (node, 16, &n_ink, &n_red);
  gsk_render_node_unref (node);
  /* A ring: ink, all of it in the text colour. */
  g_assert_cmpint (n_ink, >, 16);
  g_assert_cmpint (n_red, ==, n_ink);

  /* A bigger one draws the arc at its size. */
  gtk_widget_set_size_request (GTK_WIDGET (fixture->spinner), 32, 32);
  g_assert_true (desk_test_wait_for_frames (GTK_WIDGET (fixture->spinner), 2, 5000));
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (fixture->spinner)), ==, 32);
  node = draw (fixture->spinner);
  gsk_render_node_get_bounds (node, &bounds);
  g_assert_cmpfloat (bounds.size.width, ==, 32);
  gsk_render_node_unref (node);

  gtk_style_context_remove_provider_for_display (gdk_display_get_default (),
                                                 GTK_STYLE_PROVIDER (provider));
}

static gboolean
maps_librsvg (void)
{
  g_autofree char *maps = NULL;

  g_assert_true (g_file_get_contents ("/proc/self/maps", &maps, NULL, NULL));
  return strstr (maps, "librsvg") != NULL;
}

/* The system's icon themes, which the tests' own data folders leave out. */
static void
use_system_icons (void)
{
  gtk_icon_theme_add_search_path (gtk_icon_theme_get_for_display (gdk_display_get_default ()),
                                  "/usr/share/icons");
}

static void
test_no_svg (Fixture       *fixture,
             gconstpointer  data)
{
  use_system_icons ();
  desk_spinner_set_spinning (fixture->spinner, TRUE);
  gtk_window_present (fixture->window);
  g_assert_true (desk_test_wait_for (mapped, fixture->spinner, 5000));
  g_assert_true (desk_test_wait_for_frames (GTK_WIDGET (fixture->spinner), 5, 5000));

  g_assert_false (maps_librsvg ());
}

static gboolean
librsvg_mapped (gpointer data)
{
  return maps_librsvg ();
}

/* The same in a GtkSpinner loads the SVG renderer: the check above can fail. Last, as
 * the renderer stays loaded. */
static void
test_gtk_spinner_loads_svg (Fixture       *fixture,
                            gconstpointer  data)
{
  GtkWidget *spinner = gtk_spinner_new ();

  use_system_icons ();
  g_assert_false (maps_librsvg ());
  gtk_spinner_set_spinning (GTK_SPINNER (spinner), TRUE);
  gtk_stack_add_named (fixture->stack, spinner, "gtk-spinner");
  gtk_stack_set_visible_child_name (fixture->stack, "gtk-spinner");
  gtk_window_present (fixture->window);
  g_assert_true (desk_test_wait_for (librsvg_mapped, NULL, 5000));
}

int
main (int   argc,
      char *argv[])
{
  desk_test_init (&argc, &argv);

  /* First, while nothing else in this process has drawn an icon. */
  g_test_add ("/spinner/no-svg", Fixture, NULL, fixture_set_up, test_no_svg, fixture_tear_down);
  g_test_add ("/spinner/spins-when-mapped-and-asked", Fixture, NULL,
              fixture_set_up, test_spins_when_mapped_and_asked, fixture_tear_down);
  g_test_add ("/spinner/stops-when-hidden", Fixture, NULL,
              fixture_set_up, test_stops_when_hidden, fixture_tear_down);
  g_test_add ("/spinner/size-and-colour", Fixture, NULL,
              fixture_set_up, test_size_and_colour, fixture_tear_down);
  g_test_add ("/spinner/gtk-spinner-loads-svg", Fixture, NULL,
              fixture_set_up, test_gtk_spinner_loads_svg, fixture_tear_down);

  return g_test_run ();
}
