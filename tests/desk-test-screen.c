/* desk-test-screen.c
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "desk-row-slots.h"
#include "desk-test-screen.h"
#include "desk-test-utils.h"

#define WAIT_MS 20000

/**
 * desk_test_screen_start:
 * @first_property_name: the sandbox's properties, as for g_object_new(), %NULL-terminated
 *
 * Starts a sandbox with those properties and a context whose client speaks to it, with no
 * rate limit on the client's side.
 */
void
desk_test_screen_start (DeskTestScreen *screen,
                        const char     *first_property_name,
                        ...)
{
  g_autoptr(GError) error = NULL;
  va_list args;

  va_start (args, first_property_name);
  screen->sandbox = DESK_SANDBOX (g_object_new_valist (DESK_TYPE_SANDBOX, first_property_name,
                                                       args));
  va_end (args);
  desk_sandbox_start (screen->sandbox, 0, &error);
  g_assert_no_error (error);

  screen->client = desk_api_client_new (desk_sandbox_get_url (screen->sandbox),
                                        DESK_SANDBOX_DEMO_API_KEY);
  desk_rate_governor_set_limit (desk_api_client_get_governor (screen->client), 100000);
  screen->settings = g_settings_new (APP_ID);
  screen->context = desk_context_new_for_client (screen->settings, screen->client, NULL);
}

/* Shows @page, a screen made with the context, in a window of @width × @height. */
void
desk_test_screen_show (DeskTestScreen *screen,
                       GtkWidget      *page,
                       int             width,
                       int             height)
{
  screen->page = page;
  screen->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (screen->window, width, height);
  gtk_window_set_child (screen->window, page);
  gtk_window_present (screen->window);
}

static gboolean
is_null (gpointer data)
{
  return *(gpointer *) data == NULL;
}

/* Closes the window, then checks that the screen and the context are let go of (work on
 * its way may hold them until its callback has run), and stops the sandbox. */
void
desk_test_screen_stop (DeskTestScreen *screen)
{
  if (screen->window != NULL)
    {
      gpointer page = screen->page;

      g_object_add_weak_pointer (page, &page);
      gtk_window_destroy (screen->window);
      g_assert_true (desk_test_wait_for (is_null, &page, WAIT_MS));
      screen->window = NULL;
      screen->page = NULL;
    }
  g_assert_finalize_object (screen->context);
  g_clear_object (&screen->settings);
  g_clear_object (&screen->client);
  desk_sandbox_stop (screen->sandbox);
  g_clear_object (&screen->sandbox);
}

/* Returns: (nullable): the list view of a screen's rows (over DeskRowSlots), not a
 *   drop-down's */
GtkWidget *
desk_test_find_row_list (GtkWidget *widget)
{
  if (GTK_IS_LIST_VIEW (widget))
    {
      GtkSelectionModel *model = gtk_list_view_get_model (GTK_LIST_VIEW (widget));

      if (GTK_IS_SINGLE_SELECTION (model) &&
          DESK_IS_ROW_SLOTS (gtk_single_selection_get_model (GTK_SINGLE_SELECTION (model))))
        return widget;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = desk_test_find_row_list (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* Returns: (transfer full): Front Desk's application, registered (so started up), as a new
 *   process starts it, without the demo store of an earlier test */
DeskApplication *
desk_test_start_app (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(GError) error = NULL;
  DeskApplication *app = desk_application_new ();

  /* The settings outlive each test's application: no test starts in an earlier demo. */
  g_settings_reset (settings, "demo-mode");

  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);

  return app;
}
