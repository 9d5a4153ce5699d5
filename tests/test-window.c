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
#include "preferences/desk-preferences-window.h"

/* No session bus here (DBUS_SESSION_BUS_ADDRESS=disabled:), so no keyring either: the
 * window finds no saved key and starts on the welcome page. */

static DeskApplication *
start_app (void)
{
  g_autoptr(GError) error = NULL;
  DeskApplication *app = desk_application_new ();

  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);

  return app;
}

static GtkWidget *
get_child (GtkWindow  *window,
           const char *name)
{
  return GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (window), DESK_TYPE_WINDOW, name));
}

static gboolean
main_page_loaded (gpointer data)
{
  GtkStack *stack = GTK_STACK (get_child (data, "main_stack"));

  return g_strcmp0 (gtk_stack_get_visible_child_name (stack), "loading") != 0;
}

static GtkWindow *
open_window (DeskApplication *app)
{
  GtkWindow *window;

  g_application_activate (G_APPLICATION (app));
  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  g_assert_true (DESK_IS_WINDOW (window));
  g_assert_true (desk_test_wait_for (main_page_loaded, window, 5000));
  desk_test_iterate (300);

  return window;
}

static void
close_window (GtkWindow *window)
{
  gtk_window_close (window);
  desk_test_iterate (50);
}

static void
save_screenshot (GtkWidget  *widget,
                 const char *name)
{
  g_autofree char *path = desk_test_save_screenshot (widget, name);

  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));
  g_test_message ("screenshot: %s", path);
}

static const char *
visible_page (GtkWindow  *window,
              const char *stack)
{
  return gtk_stack_get_visible_child_name (GTK_STACK (get_child (window, stack)));
}

static void
visit_sections (GtkWindow  *window,
                const char *prefix)
{
  const char *sections[] = { "tickets", "customers", "invoices" };
  const char *titles[] = { "Tickets", "Customers", "Invoices" };
  AdwWindowTitle *title = ADW_WINDOW_TITLE (get_child (window, "content_title"));

  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    {
      g_autofree char *name = g_strconcat (prefix, sections[i], NULL);

      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-section", "s",
                                                 sections[i]));
      desk_test_iterate (300);
      g_assert_cmpstr (visible_page (window, "content_stack"), ==, sections[i]);
      g_assert_cmpstr (adw_window_title_get_title (title), ==, titles[i]);
      save_screenshot (GTK_WIDGET (window), name);
    }
}

static void
test_window_welcome (void)
{
  g_autoptr(DeskApplication) app = start_app ();
  GtkWindow *window = open_window (app);
  DeskContext *context = desk_window_get_context (DESK_WINDOW (window));

  g_assert_false (desk_context_get_has_api_key (context));
  g_assert_cmpstr (visible_page (window, "main_stack"), ==, "welcome");
  save_screenshot (GTK_WIDGET (window), "welcome");

  /* "Try the demo store" leaves the welcome page for the sections, marked as the demo. */
  g_action_group_activate_action (G_ACTION_GROUP (app), "try-demo", NULL);
  desk_test_iterate (300);
  g_assert_true (desk_context_get_demo (context));
  g_assert_cmpstr (visible_page (window, "main_stack"), ==, "sections");
  g_assert_true (gtk_widget_get_visible (get_child (window, "content_demo_marker")));
  g_assert_true (gtk_widget_is_drawable (get_child (window, "content_demo_marker")));
  /* Wide, both panes show: one marker is enough. */
  g_assert_false (gtk_widget_get_visible (get_child (window, "sidebar_demo_marker")));
  visit_sections (window, "demo-");

  close_window (window);
}

static void
test_window_sections (void)
{
  g_autoptr(DeskApplication) app = start_app ();
  DeskContext *context = desk_application_get_context (app);
  GtkWindow *window;

  /* With an account, the sections show straight away, without the demo marker. */
  desk_context_set_session_api_key (context, "window-test-key");
  window = open_window (app);
  g_assert_cmpstr (visible_page (window, "main_stack"), ==, "sections");
  g_assert_false (gtk_widget_get_visible (get_child (window, "content_demo_marker")));
  g_assert_false (adw_leaflet_get_folded (ADW_LEAFLET (get_child (window, "leaflet"))));
  visit_sections (window, "window-");

  close_window (window);
}

static void
test_window_narrow (void)
{
  g_autoptr(DeskApplication) app = start_app ();
  DeskContext *context = desk_application_get_context (app);
  GSettings *settings = desk_context_get_settings (context);
  AdwLeaflet *leaflet;
  GtkWindow *window;

  g_settings_set_int (settings, "window-width", 360);
  g_settings_set_int (settings, "window-height", 640);
  desk_context_set_demo (context, TRUE);
  window = open_window (app);
  leaflet = ADW_LEAFLET (get_child (window, "leaflet"));

  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), <=, 360);
  g_assert_true (adw_leaflet_get_folded (leaflet));
  g_assert_true (adw_leaflet_get_visible_child (leaflet) == get_child (window, "sidebar_box"));
  g_assert_true (gtk_widget_is_drawable (get_child (window, "sidebar_demo_marker")));
  save_screenshot (GTK_WIDGET (window), "narrow-sidebar");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-section", "s",
                                             "customers"));
  desk_test_iterate (600);
  g_assert_true (adw_leaflet_get_visible_child (leaflet) == get_child (window, "content_box"));
  g_assert_true (gtk_widget_is_drawable (get_child (window, "back_button")));
  g_assert_true (gtk_widget_is_drawable (get_child (window, "content_demo_marker")));
  save_screenshot (GTK_WIDGET (window), "narrow-customers");

  g_signal_emit_by_name (get_child (window, "back_button"), "clicked");
  desk_test_iterate (600);
  g_assert_true (adw_leaflet_get_visible_child (leaflet) == get_child (window, "sidebar_box"));

  close_window (window);
  g_settings_reset (settings, "window-width");
  g_settings_reset (settings, "window-height");
}

static void
test_window_narrow_welcome (void)
{
  g_autoptr(DeskApplication) app = start_app ();
  GSettings *settings = desk_context_get_settings (desk_application_get_context (app));
  GtkWindow *window;

  g_settings_set_int (settings, "window-width", 360);
  g_settings_set_int (settings, "window-height", 640);
  window = open_window (app);
  g_assert_cmpstr (visible_page (window, "main_stack"), ==, "welcome");
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), <=, 360);
  save_screenshot (GTK_WIDGET (window), "narrow-welcome");

  close_window (window);
  g_settings_reset (settings, "window-width");
  g_settings_reset (settings, "window-height");
}

static void
test_window_dialogs (void)
{
  g_autoptr(DeskApplication) app = start_app ();
  GtkWindow *window = open_window (app);
  GtkWindow *dialog;

  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  g_assert_true (desk_test_wait_for_window (DESK_TYPE_PREFERENCES_WINDOW, 2000));
  desk_test_iterate (400);
  dialog = desk_test_find_window (DESK_TYPE_PREFERENCES_WINDOW);
  g_assert_true (gtk_window_get_transient_for (dialog) == window);
  g_assert_cmpstr (adw_preferences_window_get_visible_page_name (ADW_PREFERENCES_WINDOW (dialog)),
                   ==, "account");
  save_screenshot (GTK_WIDGET (dialog), "preferences");
  gtk_window_close (dialog);
  desk_test_iterate (100);
  g_assert_null (desk_test_find_window (DESK_TYPE_PREFERENCES_WINDOW));

  g_action_group_activate_action (G_ACTION_GROUP (app), "shortcuts", NULL);
  g_assert_true (desk_test_wait_for_window (GTK_TYPE_SHORTCUTS_WINDOW, 2000));
  desk_test_iterate (400);
  dialog = desk_test_find_window (GTK_TYPE_SHORTCUTS_WINDOW);
  save_screenshot (GTK_WIDGET (dialog), "shortcuts");
  gtk_window_close (dialog);
  desk_test_iterate (100);
  g_assert_null (desk_test_find_window (GTK_TYPE_SHORTCUTS_WINDOW));

  close_window (window);
}

static void
test_window_actions (void)
{
  g_autoptr(DeskApplication) app = start_app ();
  const char *exported[] = {
    "about", "preferences", "quit", "shortcuts", "show-section", "try-demo",
  };
  const struct { const char *action; const char *accel; } accels[] = {
    { "app.quit", "<Control>q" },
    { "app.preferences", "<Control>comma" },
    { "window.close", "<Control>w" },
    { "win.show-help-overlay", "<Control>question" },
  };
  g_auto(GStrv) actions = g_action_group_list_actions (G_ACTION_GROUP (app));

  g_assert_cmpuint (g_strv_length (actions), ==, G_N_ELEMENTS (exported));
  for (guint i = 0; i < G_N_ELEMENTS (exported); i++)
    g_assert_true (g_strv_contains ((const char * const *) actions, exported[i]));

  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    {
      g_auto(GStrv) set = gtk_application_get_accels_for_action (GTK_APPLICATION (app),
                                                                 accels[i].action);

      g_assert_cmpstr (set[0], ==, accels[i].accel);
    }
}

static void
test_window_show_section_action (void)
{
  g_autoptr(DeskApplication) app = start_app ();
  GtkWindow *window;

  /* As `gapplication action io.frontdesk.FrontDesk show-section "'invoices'"` does. */
  g_action_group_activate_action (G_ACTION_GROUP (app), "show-section",
                                  g_variant_new_string ("invoices"));
  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  g_assert_true (DESK_IS_WINDOW (window));
  g_assert_cmpstr (visible_page (window, "content_stack"), ==, "invoices");

  /* An unknown name changes nothing. */
  g_action_group_activate_action (G_ACTION_GROUP (app), "show-section",
                                  g_variant_new_string ("refunds"));
  g_assert_cmpstr (visible_page (window, "content_stack"), ==, "invoices");

  close_window (window);
}

static void
test_window_size_remembered (void)
{
  g_autoptr(DeskApplication) app = start_app ();
  GSettings *settings = desk_context_get_settings (desk_application_get_context (app));
  GtkWindow *window = open_window (app);
  int width, height;

  gtk_window_set_default_size (window, 900, 600);
  desk_test_iterate (200);
  close_window (window);
  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 900);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 600);
  g_assert_false (g_settings_get_boolean (settings, "window-maximized"));

  window = open_window (app);
  gtk_window_get_default_size (window, &width, &height);
  g_assert_cmpint (width, ==, 900);
  g_assert_cmpint (height, ==, 600);
  close_window (window);

  g_settings_set_boolean (settings, "window-maximized", TRUE);
  window = open_window (app);
  g_assert_true (gtk_window_is_maximized (window));
  close_window (window);
  g_assert_true (g_settings_get_boolean (settings, "window-maximized"));

  g_settings_reset (settings, "window-width");
  g_settings_reset (settings, "window-height");
  g_settings_reset (settings, "window-maximized");
}

/* Ctrl+Q closes the windows first, so the size is kept on the way out too. */
static void
test_window_quit_saves_size (void)
{
  g_autoptr(DeskApplication) app = start_app ();
  GSettings *settings = desk_context_get_settings (desk_application_get_context (app));
  GtkWindow *window = open_window (app);

  gtk_window_set_default_size (window, 800, 500);
  desk_test_iterate (200);
  g_action_group_activate_action (G_ACTION_GROUP (app), "quit", NULL);
  desk_test_iterate (100);
  g_assert_null (gtk_application_get_active_window (GTK_APPLICATION (app)));
  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 800);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 500);

  g_settings_reset (settings, "window-width");
  g_settings_reset (settings, "window-height");
}

int
main (int   argc,
      char *argv[])
{
  desk_test_init (&argc, &argv);

  g_test_add_func ("/window/welcome", test_window_welcome);
  g_test_add_func ("/window/sections", test_window_sections);
  g_test_add_func ("/window/narrow", test_window_narrow);
  g_test_add_func ("/window/narrow-welcome", test_window_narrow_welcome);
  g_test_add_func ("/window/dialogs", test_window_dialogs);
  g_test_add_func ("/window/actions", test_window_actions);
  g_test_add_func ("/window/show-section-action", test_window_show_section_action);
  g_test_add_func ("/window/size-remembered", test_window_size_remembered);
  g_test_add_func ("/window/quit-saves-size", test_window_quit_saves_size);

  return g_test_run ();
}
