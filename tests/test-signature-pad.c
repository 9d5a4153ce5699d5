/* test-signature-pad.c
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <math.h>

#include "desk-test-utils.h"
#include "signature/desk-hand-to-customer.h"
#include "signature/desk-signature-pad.h"

/* The signature pad and Hand to Customer. GTK 4 cannot fake pointer input, so strokes go
 * in through DeskSignature's point API (what the gestures call) and the buttons through
 * their actions; what is drawn is read back from the rendered widget. */

#define TERMS "Front Desk Repairs is not responsible for data lost during repair. Devices " \
              "not collected within 90 days may be sold to cover the cost of the repair. " \
              "By signing I agree to these terms & to the estimate above."

typedef struct
{
  GtkWindow        *window;
  DeskSignaturePad *pad;
  guint             n_invalidated;
} Fixture;

static void
count_cb (gpointer      instance,
                guint        *count)
{
  (*count)++;
}

static gboolean
is_drawn (gpointer data)
{
  GtkWidget *widget = data;

  return gtk_widget_get_mapped (widget) && gtk_widget_get_width (widget) > 0;
}

static gboolean
count_positive (gpointer data)
{
  return *(guint *) data > 0;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  int width = GPOINTER_TO_INT (data) > 0 ? GPOINTER_TO_INT (data) : 600;

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      ADW_COLOR_SCHEME_FORCE_LIGHT);
  fixture->window = GTK_WINDOW (adw_window_new ());
  gtk_window_set_default_size (fixture->window, width, 340);
  fixture->pad = DESK_SIGNATURE_PAD (desk_signature_pad_new (NULL));
  gtk_widget_set_margin_top (GTK_WIDGET (fixture->pad), 12);
  gtk_widget_set_margin_bottom (GTK_WIDGET (fixture->pad), 12);
  gtk_widget_set_margin_start (GTK_WIDGET (fixture->pad), 12);
  gtk_widget_set_margin_end (GTK_WIDGET (fixture->pad), 12);
  adw_window_set_content (ADW_WINDOW (fixture->window), GTK_WIDGET (fixture->pad));
  gtk_window_present (fixture->window);
  g_assert_true (desk_test_wait_for (is_drawn, desk_signature_pad_get_canvas (fixture->pad),
                                     5000));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (fixture->window);
  desk_test_iterate (20);
}

/* The widget as it draws now, as 0xAARRGGBB pixels. */
static GBytes *
render (GtkWidget *widget,
        int       *width,
        int       *height)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  GskRenderer *renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  guchar *data;

  *width = gtk_widget_get_width (widget);
  *height = gtk_widget_get_height (widget);
  gdk_paintable_snapshot (paintable, snapshot, *width, *height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  texture = gsk_renderer_render_texture (renderer, node,
                                         &GRAPHENE_RECT_INIT (0, 0, *width, *height));
  data = g_malloc (*width * *height * 4);
  gdk_texture_download (texture, data, *width * 4);

  return g_bytes_new_take (data, *width * *height * 4);
}

/* How dark a pixel is, 0 (white) to 255 (black). */
static guint
darkness_at (GBytes *pixels,
             int     width,
             int     x,
             int     y)
{
  const guint32 *p = g_bytes_get_data (pixels, NULL);
  guint32 argb = p[y * width + x];

  return 255 - (((argb >> 16) & 0xff) + ((argb >> 8) & 0xff) + (argb & 0xff)) / 3;
}

/* The darkest pixel within 2 pixels of (x, y): strokes are antialiased. */
static guint
ink_near (GBytes *pixels,
          int     width,
          int     x,
          int     y)
{
  guint darkest = 0;

  for (int dy = -2; dy <= 2; dy++)
    for (int dx = -2; dx <= 2; dx++)
      darkest = MAX (darkest, darkness_at (pixels, width, x + dx, y + dy));

  return darkest;
}

/* A name in three strokes filling a pad of @width × @height. */
static void
sign (DeskSignature *signature,
      double         width,
      double         height)
{
  gint64 time = 0;

  for (guint s = 0; s < 3; s++)
    {
      guint n = s == 2 ? 60 : 120;

      for (guint i = 0; i < n; i++)
        {
          double t = (double) i / (n - 1);
          double x, y;

          if (s == 0)
            {
              x = width * (0.1 + 0.35 * t) + 14 * cos (t * 6 * G_PI);
              y = height * (0.45 - 0.2 * sin (t * 6 * G_PI));
            }
          else if (s == 1)
            {
              x = width * (0.5 + 0.38 * t);
              y = height * (0.5 - 0.18 * fabs (sin (t * 5 * G_PI)));
            }
          else
            {
              x = width * (0.12 + 0.76 * t);
              y = height * 0.64;
            }

          if (i == 0)
            desk_signature_begin_stroke (signature, x, y, 0.3 + 0.4 * t, time);
          else
            desk_signature_add_point (signature, x, y, 0.3 + 0.4 * t, time);
          time += 8;
        }
      desk_signature_end_stroke (signature);
    }
}

static GtkWidget *
find_button (GtkWidget  *root,
             const char *action_name)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_BUTTON (child) &&
          g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (child)), action_name) == 0)
        return child;
      if ((found = find_button (child, action_name)) != NULL)
        return found;
    }

  return NULL;
}

/* The height a finger can hit: the border box, padding included (gtk_widget_get_height()
 * gives the content alone). */
static double
target_height (GtkWidget *widget)
{
  graphene_rect_t bounds;

  g_assert_true (gtk_widget_compute_bounds (widget, widget, &bounds));

  return bounds.size.height;
}

static gboolean
is_sensitive (gpointer data)
{
  return gtk_widget_is_sensitive (data);
}

static gboolean
is_insensitive (gpointer data)
{
  return !gtk_widget_is_sensitive (data);
}

/* Points in, ink out: each point asks for a redraw, and the ink is where the points were. */
static void
test_pad_draws (Fixture       *fixture,
                gconstpointer  data)
{
  GtkWidget *canvas = desk_signature_pad_get_canvas (fixture->pad);
  DeskSignature *signature = desk_signature_pad_get_signature (fixture->pad);
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (canvas);
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  int width, height;

  g_signal_connect (paintable, "invalidate-contents", G_CALLBACK (count_cb),
                    &fixture->n_invalidated);
  before = render (canvas, &width, &height);
  g_assert_cmpuint (ink_near (before, width, 100, 40), <, 30);

  desk_signature_begin_stroke (signature, 100, 40, 0, 0);
  g_assert_true (desk_test_wait_for (count_positive, &fixture->n_invalidated, 2000));
  fixture->n_invalidated = 0;
  for (int x = 110; x <= 300; x += 10)
    desk_signature_add_point (signature, x, 40 + (x - 100) / 4.0, 0, x);
  desk_signature_end_stroke (signature);
  g_assert_true (desk_test_wait_for (count_positive, &fixture->n_invalidated, 2000));

  after = render (canvas, &width, &height);
  g_assert_cmpuint (ink_near (after, width, 100, 40), >, 150);
  g_assert_cmpuint (ink_near (after, width, 200, 65), >, 150);
  g_assert_cmpuint (ink_near (after, width, 300, 90), >, 150);
  /* Paper above the line. */
  g_assert_cmpuint (ink_near (after, width, 300, 30), <, 30);
}

static void
count_notify_cb (GObject    *object,
                 GParamSpec *pspec,
                 guint      *count)
{
  (*count)++;
}

static void
test_pad_actions (Fixture       *fixture,
                  gconstpointer  data)
{
  /* Held: the pad lets go of it when given another below. */
  g_autoptr(DeskSignature) signature = g_object_ref (desk_signature_pad_get_signature (fixture->pad));
  GtkWidget *undo = find_button (GTK_WIDGET (fixture->pad), "signature.undo");
  GtkWidget *clear = find_button (GTK_WIDGET (fixture->pad), "signature.clear");
  guint n_acceptable = 0;

  g_signal_connect (fixture->pad, "notify::acceptable", G_CALLBACK (count_notify_cb),
                    &n_acceptable);

  /* Big enough for a finger; off while there is nothing to take back. */
  g_assert_nonnull (undo);
  g_assert_nonnull (clear);
  g_assert_cmpfloat (target_height (undo), >=, 44);
  g_assert_cmpfloat (target_height (clear), >=, 44);
  g_assert_true (desk_test_wait_for (is_insensitive, undo, 2000));
  g_assert_false (gtk_widget_is_sensitive (clear));

  sign (signature, gtk_widget_get_width (desk_signature_pad_get_canvas (fixture->pad)),
        gtk_widget_get_height (desk_signature_pad_get_canvas (fixture->pad)));
  g_assert_true (desk_signature_pad_get_acceptable (fixture->pad));
  g_assert_cmpuint (n_acceptable, ==, 1);
  g_assert_true (desk_test_wait_for (is_sensitive, undo, 2000));
  g_assert_true (gtk_widget_is_sensitive (clear));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->pad), "signature.undo", NULL));
  g_assert_cmpuint (desk_signature_get_n_strokes (signature), ==, 2);
  g_assert_true (desk_signature_pad_get_acceptable (fixture->pad));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->pad), "signature.clear", NULL));
  g_assert_true (desk_signature_is_empty (signature));
  g_assert_false (desk_signature_pad_get_acceptable (fixture->pad));
  g_assert_cmpuint (n_acceptable, ==, 2);
  g_assert_true (desk_test_wait_for (is_insensitive, undo, 2000));

  /* A dot is drawn but is no signature. */
  desk_signature_begin_stroke (signature, 50, 50, 0, 0);
  desk_signature_end_stroke (signature);
  g_assert_false (desk_signature_pad_get_acceptable (fixture->pad));
  g_assert_true (desk_test_wait_for (is_sensitive, undo, 2000));

  /* Another signature object: the pad follows it. */
  {
    g_autoptr(DeskSignature) other = desk_signature_new ();

    sign (other, 500, 200);
    desk_signature_pad_set_signature (fixture->pad, other);
    g_assert_true (desk_signature_pad_get_acceptable (fixture->pad));
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->pad), "signature.undo", NULL));
    g_assert_cmpuint (desk_signature_get_n_strokes (other), ==, 2);
    g_assert_cmpuint (desk_signature_get_n_strokes (signature), ==, 1);
  }
}

static void
test_pad_screenshots (Fixture       *fixture,
                      gconstpointer  data)
{
  int width = GPOINTER_TO_INT (data);
  GtkWidget *canvas = desk_signature_pad_get_canvas (fixture->pad);
  g_autofree char *empty_name = g_strdup_printf ("signature-pad-%d-empty", width);
  g_autofree char *name = g_strdup_printf ("signature-pad-%d", width);
  g_autofree char *dark_name = g_strdup_printf ("signature-pad-%d-dark", width);
  g_autofree char *path = NULL;
  g_autoptr(GBytes) light = NULL;
  g_autoptr(GBytes) dark = NULL;
  int w, h;

  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (fixture->window)), <=, width);
  path = desk_test_save_screenshot (GTK_WIDGET (fixture->window), empty_name);
  g_test_message ("%s", path);
  g_clear_pointer (&path, g_free);

  sign (desk_signature_pad_get_signature (fixture->pad), gtk_widget_get_width (canvas),
        gtk_widget_get_height (canvas));
  desk_test_iterate (50);
  path = desk_test_save_screenshot (GTK_WIDGET (fixture->window), name);
  g_test_message ("%s", path);
  g_clear_pointer (&path, g_free);
  light = render (canvas, &w, &h);

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      ADW_COLOR_SCHEME_FORCE_DARK);
  desk_test_iterate (100);
  path = desk_test_save_screenshot (GTK_WIDGET (fixture->window), dark_name);
  g_test_message ("%s", path);
  dark = render (canvas, &w, &h);

  /* The paper turns dark and the ink light, so the signature stays readable. */
  g_assert_cmpuint (darkness_at (light, w, 4, 4), <, 40);
  g_assert_cmpuint (darkness_at (dark, w, 4, 4), >, 180);
  g_assert_cmpuint (ink_near (light, w, w / 2, (int) (h * 0.64)), >, 150);
  g_assert_cmpuint (darkness_at (dark, w, w / 2, (int) (h * 0.64)), <, 100);
}

/* --- Hand to Customer ---------------------------------------------------------------------- */

static gboolean
is_gone (gpointer data)
{
  return *(gpointer *) data == NULL;
}

static DeskHandToCustomer *
hand_over (GtkWindow     *parent,
           DeskSignature *signature,
           GdkMonitor   **monitor)
{
  DeskHandToCustomer *hand = desk_hand_to_customer_new (signature, TERMS);

  desk_hand_to_customer_add_device (hand, "Apple iPhone 13 <Pro>",
                                    "Screen replacement, Battery replacement", "$189.00");
  desk_hand_to_customer_add_device (hand, "Samsung Galaxy S21", "Charging port", "$59.00");
  desk_hand_to_customer_set_total (hand, "$269.28");
  /* The customer's monitor is not connected under Xvfb: the window's own is used. */
  *monitor = desk_hand_to_customer_present_on (hand, parent, "HDMI-9");
  g_assert_true (desk_test_wait_for (is_drawn, hand, 5000));

  return hand;
}

static void
test_hand_agree (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(DeskSignature) signature = desk_signature_new ();
  DeskHandToCustomer *hand;
  GdkMonitor *monitor = NULL;
  GdkMonitor *own;
  GtkWidget *agree;
  g_autofree char *path = NULL;
  guint n_agreed = 0, n_given_back = 0;
  gpointer alive;

  own = gdk_display_get_monitor_at_surface (gtk_widget_get_display (GTK_WIDGET (fixture->window)),
                                            gtk_native_get_surface (GTK_NATIVE (fixture->window)));
  hand = hand_over (fixture->window, signature, &monitor);
  g_assert_true (monitor == own);
  g_assert_cmpstr (desk_hand_to_customer_get_terms (hand), ==, TERMS);
  g_assert_true (desk_hand_to_customer_get_signature (hand) == signature);
  g_signal_connect (hand, "agreed", G_CALLBACK (count_cb), &n_agreed);
  g_signal_connect (hand, "given-back", G_CALLBACK (count_cb), &n_given_back);

  /* Nothing signed: "I Agree" does nothing. */
  agree = find_button (GTK_WIDGET (hand), "hand.agree");
  g_assert_nonnull (agree);
  g_assert_true (desk_test_wait_for (is_insensitive, agree, 2000));
  gtk_widget_activate_action (GTK_WIDGET (hand), "hand.agree", NULL);
  g_assert_cmpuint (n_agreed, ==, 0);
  path = desk_test_save_screenshot (GTK_WIDGET (hand), "hand-to-customer-empty");
  g_test_message ("%s", path);
  g_clear_pointer (&path, g_free);

  /* A dot: still not. A name: yes. */
  desk_signature_begin_stroke (signature, 60, 60, 0, 0);
  desk_signature_end_stroke (signature);
  desk_test_iterate (20);
  g_assert_false (gtk_widget_is_sensitive (agree));
  desk_signature_clear (signature);
  sign (signature, 700, 230);
  g_assert_true (desk_test_wait_for (is_sensitive, agree, 2000));
  g_assert_cmpfloat (target_height (agree), >=, 44);
  desk_test_iterate (100);
  path = desk_test_save_screenshot (GTK_WIDGET (hand), "hand-to-customer");
  g_test_message ("%s", path);

  alive = hand;
  g_object_add_weak_pointer (G_OBJECT (hand), &alive);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (hand), "hand.agree", NULL));
  g_assert_cmpuint (n_agreed, ==, 1);
  g_assert_cmpuint (n_given_back, ==, 0);
  g_assert_true (desk_test_wait_for (is_gone, &alive, 5000));
  g_assert_cmpuint (desk_signature_get_n_strokes (signature), ==, 3);
}

static void
test_hand_give_back (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(DeskSignature) signature = desk_signature_new ();
  DeskHandToCustomer *hand;
  GdkMonitor *monitor = NULL;
  guint n_agreed = 0, n_given_back = 0;
  gpointer alive;

  /* Half signed when the assistant takes the screen back: the strokes stay. */
  hand = hand_over (fixture->window, signature, &monitor);
  g_assert_nonnull (monitor);
  g_signal_connect (hand, "agreed", G_CALLBACK (count_cb), &n_agreed);
  g_signal_connect (hand, "given-back", G_CALLBACK (count_cb), &n_given_back);
  desk_signature_begin_stroke (signature, 60, 60, 0, 0);
  desk_signature_add_point (signature, 90, 70, 0, 8);

  alive = hand;
  g_object_add_weak_pointer (G_OBJECT (hand), &alive);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (hand), "hand.give-back", NULL));
  g_assert_cmpuint (n_given_back, ==, 1);
  g_assert_cmpuint (n_agreed, ==, 0);
  g_assert_true (desk_test_wait_for (is_gone, &alive, 5000));
  g_assert_cmpuint (desk_signature_get_n_strokes (signature), ==, 1);
}

/* On a small touch screen, and in the dark: everything still fits and reads. */
static void
test_hand_narrow_dark (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(DeskSignature) signature = desk_signature_new ();
  DeskHandToCustomer *hand = desk_hand_to_customer_new (signature, TERMS);
  GtkWidget *agree = find_button (GTK_WIDGET (hand), "hand.agree");
  g_autofree char *path = NULL;
  g_autofree char *dark_path = NULL;

  desk_hand_to_customer_add_device (hand, "Apple iPhone 13 Pro Max",
                                    "Screen replacement, Battery replacement, Charging port",
                                    "$249.00");
  desk_hand_to_customer_set_total (hand, "$269.28");
  gtk_window_set_default_size (GTK_WINDOW (hand), 360, 720);
  gtk_window_set_transient_for (GTK_WINDOW (hand), fixture->window);
  gtk_window_present (GTK_WINDOW (hand));
  g_assert_true (desk_test_wait_for (is_drawn, hand, 5000));
  sign (signature, 300, 230);
  g_assert_true (desk_test_wait_for (is_sensitive, agree, 2000));
  desk_test_iterate (100);

  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (hand)), <=, 360);
  path = desk_test_save_screenshot (GTK_WIDGET (hand), "hand-to-customer-360");
  g_test_message ("%s", path);

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      ADW_COLOR_SCHEME_FORCE_DARK);
  desk_test_iterate (100);
  dark_path = desk_test_save_screenshot (GTK_WIDGET (hand), "hand-to-customer-360-dark");
  g_test_message ("%s", dark_path);

  gtk_window_destroy (GTK_WINDOW (hand));
}

int
main (int   argc,
      char *argv[])
{
  desk_test_init (&argc, &argv);

  g_test_add ("/signature-pad/draws", Fixture, NULL, fixture_set_up, test_pad_draws,
              fixture_tear_down);
  g_test_add ("/signature-pad/actions", Fixture, NULL, fixture_set_up, test_pad_actions,
              fixture_tear_down);
  g_test_add ("/signature-pad/screenshots/wide", Fixture, GINT_TO_POINTER (600), fixture_set_up,
              test_pad_screenshots, fixture_tear_down);
  g_test_add ("/signature-pad/screenshots/narrow", Fixture, GINT_TO_POINTER (360),
              fixture_set_up, test_pad_screenshots, fixture_tear_down);
  g_test_add ("/hand-to-customer/agree", Fixture, NULL, fixture_set_up, test_hand_agree,
              fixture_tear_down);
  g_test_add ("/hand-to-customer/narrow-dark", Fixture, NULL, fixture_set_up,
              test_hand_narrow_dark, fixture_tear_down);
  g_test_add ("/hand-to-customer/give-back", Fixture, NULL, fixture_set_up, test_hand_give_back,
              fixture_tear_down);

  return g_test_run ();
}
