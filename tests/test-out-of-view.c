/* test-out-of-view.c
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "desk-out-of-view.h"
#include "desk-test-utils.h"

#define WAIT_MS 10000

static gboolean
child_revealed (gpointer data)
{
  return gtk_revealer_get_child_revealed (GTK_REVEALER (data));
}

static gboolean
child_concealed (gpointer data)
{
  return !gtk_revealer_get_child_revealed (GTK_REVEALER (data));
}

/* The child is a visible widget from the moment the revealer starts to reveal it until
 * it has concealed it again, sliding included. */
static void
test_revealer (void)
{
  GtkWidget *window = gtk_window_new ();
  GtkRevealer *revealer = GTK_REVEALER (gtk_revealer_new ());
  GtkWidget *child = gtk_label_new ("Sending 2 changes to RepairDesk…");

  g_object_set (gtk_widget_get_settings (window), "gtk-enable-animations", TRUE, NULL);
  gtk_revealer_set_transition_duration (revealer, 100);
  gtk_revealer_set_child (revealer, child);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (revealer));
  desk_revealer_hide_concealed (revealer);
  g_assert_false (gtk_widget_get_visible (child));

  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (desk_test_wait_for_frames (window, 1, WAIT_MS));
  g_assert_false (gtk_widget_get_visible (child));

  gtk_revealer_set_reveal_child (revealer, TRUE);
  g_assert_true (gtk_widget_get_visible (child));
  g_assert_true (desk_test_wait_for (child_revealed, revealer, WAIT_MS));
  g_assert_true (gtk_widget_get_mapped (child));

  /* Still in view while it slides away. */
  gtk_revealer_set_reveal_child (revealer, FALSE);
  g_assert_true (gtk_widget_get_visible (child));
  g_assert_true (desk_test_wait_for (child_concealed, revealer, WAIT_MS));
  g_assert_false (gtk_widget_get_visible (child));

  /* Revealed again before the end of concealing: it stays. */
  gtk_revealer_set_reveal_child (revealer, TRUE);
  gtk_revealer_set_reveal_child (revealer, FALSE);
  gtk_revealer_set_reveal_child (revealer, TRUE);
  g_assert_true (desk_test_wait_for (child_revealed, revealer, WAIT_MS));
  g_assert_true (gtk_widget_get_visible (child));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Out of a window, a revealer reveals and conceals at once. */
static void
test_revealer_unmapped (void)
{
  GtkRevealer *revealer = GTK_REVEALER (g_object_ref_sink (gtk_revealer_new ()));
  GtkWidget *child = gtk_label_new ("Unsaved");

  gtk_revealer_set_child (revealer, child);
  gtk_revealer_set_reveal_child (revealer, TRUE);
  desk_revealer_hide_concealed (revealer);
  g_assert_true (gtk_widget_get_visible (child));

  gtk_revealer_set_reveal_child (revealer, FALSE);
  g_assert_false (gtk_widget_get_visible (child));
  gtk_revealer_set_reveal_child (revealer, TRUE);
  g_assert_true (gtk_widget_get_visible (child));

  g_object_unref (revealer);
}

/* A page hidden until first shown becomes a visible widget as it is shown. */
static void
test_stack (void)
{
  GtkStack *stack = GTK_STACK (g_object_ref_sink (gtk_stack_new ()));
  GtkWidget *rows = gtk_label_new ("Rows");
  GtkWidget *empty = gtk_label_new ("Nothing Found");

  gtk_stack_add_named (stack, rows, "results");
  gtk_widget_set_visible (empty, FALSE);
  gtk_stack_add_named (stack, empty, "empty");
  g_assert_true (gtk_stack_get_visible_child (stack) == rows);

  desk_stack_show_child (stack, "empty");
  g_assert_true (gtk_widget_get_visible (empty));
  g_assert_true (gtk_stack_get_visible_child (stack) == empty);

  desk_stack_show_child (stack, "results");
  g_assert_true (gtk_stack_get_visible_child (stack) == rows);

  g_object_unref (stack);
}

int
main (int   argc,
      char *argv[])
{
  desk_test_init (&argc, &argv);

  g_test_add_func ("/out-of-view/revealer", test_revealer);
  g_test_add_func ("/out-of-view/revealer-unmapped", test_revealer_unmapped);
  g_test_add_func ("/out-of-view/stack", test_stack);

  return g_test_run ();
}
