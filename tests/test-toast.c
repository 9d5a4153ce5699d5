/* test-toast.c
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "desk-test-utils.h"
#include "desk-toast.h"

/* Toasts say the whole reason, even on a narrow window. */

#define REASON "The ticket was not converted: The connection dropped before RepairDesk " \
               "confirmed the change. Check whether it was saved before sending it again."

static GtkLabel *
find_label (GtkWidget  *widget,
            const char *text)
{
  if (GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0)
    return GTK_LABEL (widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkLabel *found = find_label (child, text);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static gboolean
label_shown (gpointer data)
{
  GtkWidget *overlay = data;
  GtkLabel *label = find_label (overlay, REASON);

  return label != NULL && gtk_widget_get_mapped (GTK_WIDGET (label)) &&
         gtk_widget_get_width (GTK_WIDGET (label)) > 0;
}

/* Shows @toast in a 360 px window; returns whether its text was cut off. */
static gboolean
cut_off (AdwToast   *toast,
         const char *screenshot,
         int        *width)
{
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  GtkWidget *overlay = adw_toast_overlay_new ();
  GtkLabel *label;
  GtkWidget *toast_widget;
  graphene_rect_t bounds;
  gboolean ellipsized;

  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (overlay), gtk_label_new (""));
  gtk_window_set_child (window, overlay);
  gtk_window_set_default_size (window, 360, 400);
  gtk_window_present (window);
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
  /* Laid out: the label's layout is cut to its allocation, which sets what is measured. */
  g_assert_true (desk_test_wait_for (label_shown, overlay, 5000));

  label = find_label (overlay, REASON);
  ellipsized = pango_layout_is_ellipsized (gtk_label_get_layout (label));
  /* The whole toast, not just its text, fits the window. */
  for (toast_widget = GTK_WIDGET (label); gtk_widget_get_parent (toast_widget) != overlay;)
    toast_widget = gtk_widget_get_parent (toast_widget);
  *width = gtk_widget_get_width (toast_widget);
  /* And the text lies inside the toast, not drawn past its edge. */
  g_assert_true (gtk_widget_compute_bounds (GTK_WIDGET (label), toast_widget, &bounds));
  if (bounds.origin.x + bounds.size.width > *width)
    *width = G_MAXINT;
  if (screenshot != NULL)
    g_free (desk_test_save_screenshot (GTK_WIDGET (window), screenshot));
  gtk_window_destroy (window);

  return ellipsized;
}

static void
test_whole_reason (void)
{
  int width = 0;

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      ADW_COLOR_SCHEME_FORCE_DARK);
  /* libadwaita's own toast loses the end of it... */
  g_assert_true (cut_off (adw_toast_new (REASON), NULL, &width));
  /* ...Front Desk's does not, and fits a narrow window. */
  g_assert_false (cut_off (desk_toast_new (REASON), "toast-long-reason-360", &width));
  g_assert_cmpint (width, <=, 360);
}

static void
test_short_unchanged (void)
{
  AdwToast *toast = desk_toast_new ("Saved");

  g_assert_null (adw_toast_get_custom_title (toast));
  g_assert_cmpstr (adw_toast_get_title (toast), ==, "Saved");
  g_object_unref (toast);
}

int
main (int   argc,
      char *argv[])
{
  desk_test_init (&argc, &argv);

  g_test_add_func ("/toast/whole-reason", test_whole_reason);
  g_test_add_func ("/toast/short-unchanged", test_short_unchanged);

  return g_test_run ();
}
