/* test-status-icon.c
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "desk-status-icon.h"
#include "desk-test-utils.h"

/* A status page on a hidden page of a stack has no icon to look up until it is shown; it
 * has it from the frame it is shown in. */

static gboolean
mapped (gpointer data)
{
  return gtk_widget_get_mapped (GTK_WIDGET (data));
}

static void
test_icon_when_shown (void)
{
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  GtkStack *stack = GTK_STACK (gtk_stack_new ());
  AdwStatusPage *page = ADW_STATUS_PAGE (adw_status_page_new ());
  GtkWidget *label = gtk_label_new ("Rows");

  adw_status_page_set_icon_name (page, "edit-find-symbolic");
  adw_status_page_set_title (page, "Nothing Found");
  desk_status_icon_defer (page);
  g_assert_null (adw_status_page_get_icon_name (page));

  gtk_stack_add_named (stack, label, "results");
  gtk_stack_add_named (stack, GTK_WIDGET (page), "empty");
  gtk_stack_set_visible_child_name (stack, "results");
  gtk_window_set_child (window, GTK_WIDGET (stack));
  gtk_window_present (window);
  g_assert_true (desk_test_wait_for (mapped, label, 5000));
  g_assert_true (desk_test_wait_for_frames (label, 2, 5000));

  /* Measured and laid out as a page of the stack, never shown: no icon. */
  g_assert_null (adw_status_page_get_icon_name (page));

  /* Shown: the icon is there before the frame that draws the page. */
  gtk_stack_set_visible_child_name (stack, "empty");
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (page)));
  g_assert_cmpstr (adw_status_page_get_icon_name (page), ==, "edit-find-symbolic");

  /* And it stays, hidden and shown again. */
  gtk_stack_set_visible_child_name (stack, "results");
  gtk_stack_set_visible_child_name (stack, "empty");
  g_assert_cmpstr (adw_status_page_get_icon_name (page), ==, "edit-find-symbolic");

  gtk_window_destroy (window);
}

static void
test_later_icon_wins (void)
{
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  AdwStatusPage *page = ADW_STATUS_PAGE (adw_status_page_new ());

  adw_status_page_set_icon_name (page, "edit-find-symbolic");
  desk_status_icon_defer (page);
  adw_status_page_set_icon_name (page, "network-error-symbolic");

  gtk_window_set_child (window, GTK_WIDGET (page));
  gtk_window_present (window);
  g_assert_true (desk_test_wait_for (mapped, page, 5000));
  g_assert_cmpstr (adw_status_page_get_icon_name (page), ==, "network-error-symbolic");

  gtk_window_destroy (window);
}

int
main (int   argc,
      char *argv[])
{
  desk_test_init (&argc, &argv);

  g_test_add_func ("/status-icon/when-shown", test_icon_when_shown);
  g_test_add_func ("/status-icon/later-icon-wins", test_later_icon_wins);

  return g_test_run ();
}
