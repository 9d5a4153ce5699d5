/* test-window.c
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "desk-application.h"
#include "desk-test-utils.h"
#include "desk-window.h"

static void
test_window_sections (void)
{
  g_autoptr(DeskApplication) app = desk_application_new ();
  g_autoptr(GError) error = NULL;
  const char *sections[] = { "tickets", "customers", "invoices" };
  GtkWindow *window;
  GtkStack *stack;

  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);
  g_application_activate (G_APPLICATION (app));

  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  g_assert_true (DESK_IS_WINDOW (window));
  desk_test_iterate (300);

  stack = GTK_STACK (gtk_widget_get_template_child (GTK_WIDGET (window), DESK_TYPE_WINDOW,
                                                    "content_stack"));
  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    {
      g_autofree char *name = g_strconcat ("window-", sections[i], NULL);
      g_autofree char *path = NULL;

      gtk_stack_set_visible_child_name (stack, sections[i]);
      desk_test_iterate (200);
      g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, sections[i]);
      path = desk_test_save_screenshot (GTK_WIDGET (window), name);
      g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));
    }

  gtk_window_destroy (window);
  desk_test_iterate (50);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  gtk_init ();
  adw_init ();

  g_test_add_func ("/window/sections", test_window_sections);

  return g_test_run ();
}
