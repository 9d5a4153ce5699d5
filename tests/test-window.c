/* test-window.c
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "desk-application.h"
#include "desk-sandbox.h"
#include "desk-test-screen.h"
#include "desk-test-utils.h"
#include "desk-window.h"
#include "preferences/desk-preferences-window.h"
#include "tickets/desk-tickets-page.h"

/* No session bus here (DBUS_SESSION_BUS_ADDRESS=disabled:), so no keyring either: the
 * window finds no saved key and starts on the welcome page. */

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
  g_assert_true (desk_test_wait_for_frames (GTK_WIDGET (window), 2, 10000));

  return window;
}

static gboolean
is_null (gpointer data)
{
  return *(gpointer *) data == NULL;
}

static gboolean
is_mapped (gpointer data)
{
  return gtk_widget_get_mapped (GTK_WIDGET (data));
}

/* Closes @window and waits until it is gone (its size saved on the way). A new main window
 * is shown from the main loop, and GTK ignores closing one not shown yet: it is waited
 * for first. */
static void
close_window (GtkWindow *window)
{
  gpointer alive = window;

  g_assert_true (desk_test_wait_for (is_mapped, window, 10000));
  g_object_add_weak_pointer (G_OBJECT (window), &alive);
  gtk_window_close (window);
  g_assert_true (desk_test_wait_for (is_null, &alive, 10000));
}

static gboolean
no_window_of_type (gpointer data)
{
  return desk_test_find_window (GPOINTER_TO_SIZE (data)) == NULL;
}

typedef struct
{
  GtkWindow  *window;
  const char *section;
  const char *title;
} SectionWant;

static gboolean
section_shown (gpointer data)
{
  SectionWant *want = data;
  GtkStack *stack = GTK_STACK (gtk_widget_get_template_child (GTK_WIDGET (want->window),
                                                              DESK_TYPE_WINDOW,
                                                              "content_stack"));
  AdwWindowTitle *title = ADW_WINDOW_TITLE (gtk_widget_get_template_child (GTK_WIDGET (want->window),
                                                                           DESK_TYPE_WINDOW,
                                                                           "content_title"));

  return g_strcmp0 (gtk_stack_get_visible_child_name (stack), want->section) == 0 &&
         (want->title == NULL || g_strcmp0 (adw_window_title_get_title (title), want->title) == 0);
}

static void
wait_for_section (GtkWindow  *window,
                  const char *section,
                  const char *title)
{
  SectionWant want = { window, section, title };

  g_assert_true (desk_test_wait_for (section_shown, &want, 10000));
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
      wait_for_section (window, sections[i], titles[i]);
      g_assert_cmpstr (visible_page (window, "content_stack"), ==, sections[i]);
      g_assert_cmpstr (adw_window_title_get_title (title), ==, titles[i]);
      save_screenshot (GTK_WIDGET (window), name);
    }
}

static gboolean
rows_loaded (gpointer data)
{
  return g_list_model_get_n_items (desk_tickets_page_get_rows (data)) > 0;
}

static gboolean
ticket_shown (gpointer data)
{
  DeskTicketDetail *detail = desk_tickets_page_get_detail (data);

  return desk_ticket_detail_get_ticket (detail) != NULL && !desk_ticket_detail_get_busy (detail);
}

/* The picture of Front Desk in the README: the demo store's tickets, one of them open. */
static void
open_first_ticket (GtkWindow *window)
{
  DeskTicketsPage *page;
  g_autoptr(DeskTicket) ticket = NULL;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-section", "s",
                                             "tickets"));
  page = DESK_TICKETS_PAGE (desk_window_get_page (DESK_WINDOW (window), "tickets"));
  g_assert_true (desk_test_wait_for (rows_loaded, page, 20000));
  ticket = g_list_model_get_item (desk_tickets_page_get_rows (page), 0);
  desk_tickets_page_open (page, ticket);
  g_assert_true (desk_test_wait_for (ticket_shown, page, 20000));
  save_screenshot (GTK_WIDGET (window), "main-window");
}

static gboolean
demo_serving (gpointer data)
{
  return desk_context_get_sandbox (data) != NULL;
}

/* The first start seeds the demo store, a second or more (longer under sanitizers). */
static void
wait_for_demo (DeskContext *context)
{
  g_assert_true (desk_context_get_demo (context));
  g_assert_true (desk_test_wait_for (demo_serving, context, 120000));
  g_assert_true (desk_test_wait_for_window (DESK_TYPE_WINDOW, 10000));
  g_assert_true (desk_test_wait_for (main_page_loaded, desk_test_find_window (DESK_TYPE_WINDOW),
                                     10000));
  g_assert_true (desk_test_wait_for_frames (GTK_WIDGET (desk_test_find_window (DESK_TYPE_WINDOW)),
                                            2, 10000));
}

/* The main menu of the page in view: its button makes the menu when first opened, and it
 * holds the main menu's two sections. */
static void
assert_main_menu_opens (GtkWindow *window)
{
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();
  GtkMenuButton *button = NULL;
  GtkWidget *popover;

  desk_test_find_all (GTK_WIDGET (window), GTK_TYPE_MENU_BUTTON, buttons);
  for (guint i = 0; i < buttons->len; i++)
    if (gtk_widget_is_drawable (buttons->pdata[i]) &&
        gtk_menu_button_get_primary (buttons->pdata[i]))
      button = buttons->pdata[i];
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (button)));

  gtk_menu_button_popup (button);
  popover = GTK_WIDGET (gtk_menu_button_get_popover (button));
  g_assert_true (GTK_IS_POPOVER_MENU (popover));
  g_assert_cmpint (g_menu_model_get_n_items (gtk_popover_menu_get_menu_model (GTK_POPOVER_MENU (popover))),
                   ==, 2);
  g_assert_true (desk_test_wait_for (is_mapped, popover, 10000));
  gtk_menu_button_popdown (button);
}

static void
test_window_welcome (void)
{
  g_autoptr(DeskApplication) app = desk_test_start_app ();
  GtkWindow *window = open_window (app);
  DeskContext *context = desk_window_get_context (DESK_WINDOW (window));
  g_autofree char *demo_db = g_build_filename (g_get_user_data_dir (), "frontdesk",
                                               "demo-store.sqlite", NULL);

  g_assert_false (desk_context_get_has_api_key (context));
  g_assert_cmpstr (visible_page (window, "main_stack"), ==, "welcome");
  save_screenshot (GTK_WIDGET (window), "welcome");
  assert_main_menu_opens (window);

  /* "Try the demo store" leaves the welcome page for the sections, marked as the demo. */
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (app), "reset-demo"));
  g_action_group_activate_action (G_ACTION_GROUP (app), "try-demo", NULL);
  g_assert_cmpstr (visible_page (window, "main_stack"), ==, "loading");
  wait_for_demo (context);
  g_assert_cmpstr (visible_page (window, "main_stack"), ==, "sections");
  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (app), "reset-demo"));

  /* The client now talks to the sandbox, whose store lives in the user's data folder. */
  g_assert_cmpstr (desk_api_client_get_base_url (desk_context_get_client (context)), ==,
                   desk_sandbox_get_url (desk_context_get_sandbox (context)));
  g_assert_true (g_str_has_prefix (desk_sandbox_get_url (desk_context_get_sandbox (context)),
                                   "http://127.0.0.1:"));
  g_assert_true (g_file_test (demo_db, G_FILE_TEST_IS_REGULAR));

  g_assert_true (gtk_widget_get_visible (get_child (window, "content_demo_marker")));
  g_assert_true (gtk_widget_is_drawable (get_child (window, "content_demo_marker")));
  /* Wide, both panes show: one marker is enough. */
  g_assert_false (gtk_widget_get_visible (get_child (window, "sidebar_demo_marker")));
  assert_main_menu_opens (window);
  visit_sections (window, "demo-");
  open_first_ticket (window);

  close_window (window);
}

/* Whether the keyboard is in a search entry of the screen in @bin. */
static gboolean
focus_in_search_of (GtkWindow  *window,
                    const char *section)
{
  GtkWidget *focus = gtk_window_get_focus (window);
  GtkWidget *entry = focus != NULL ? gtk_widget_get_ancestor (focus, GTK_TYPE_SEARCH_ENTRY) : NULL;

  return entry != NULL &&
         gtk_widget_is_ancestor (entry, GTK_WIDGET (desk_window_get_page (DESK_WINDOW (window),
                                                                          section)));
}

static gboolean
search_focused (gpointer data)
{
  SectionWant *want = data;

  return section_shown (want) && focus_in_search_of (want->window, want->section);
}

static void
wait_for_search (GtkWindow  *window,
                 const char *section)
{
  SectionWant want = { window, section, NULL };

  g_assert_true (desk_test_wait_for (search_focused, &want, 10000));
}

/* app.search, as `gapplication action` or a shortcut sends it: into the search of the
 * screen in view, the invoices' on the Invoices screen, the customers' on Customers. */
static void
check_search_action (DeskApplication *app,
                     GtkWindow       *window)
{
  g_assert_true (desk_window_show_section (DESK_WINDOW (window), "invoices"));
  g_action_group_activate_action (G_ACTION_GROUP (app), "search", NULL);
  wait_for_search (window, "invoices");
  g_assert_cmpstr (visible_page (window, "content_stack"), ==, "invoices");
  g_assert_true (focus_in_search_of (window, "invoices"));

  g_assert_true (desk_window_show_section (DESK_WINDOW (window), "customers"));
  wait_for_section (window, "customers", NULL);
  g_action_group_activate_action (G_ACTION_GROUP (app), "search", NULL);
  wait_for_search (window, "customers");
  g_assert_cmpstr (visible_page (window, "content_stack"), ==, "customers");
  g_assert_true (focus_in_search_of (window, "customers"));
}

/* Fails if a concealed revealer under @widget holds a visible widget; returns the
 * concealed revealers found. */
static guint
assert_concealed_hidden (GtkWidget *widget)
{
  guint n_revealers = 0;

  if (GTK_IS_REVEALER (widget) &&
      !gtk_revealer_get_reveal_child (GTK_REVEALER (widget)) &&
      !gtk_revealer_get_child_revealed (GTK_REVEALER (widget)))
    {
      GtkWidget *child = gtk_revealer_get_child (GTK_REVEALER (widget));

      if (child != NULL && gtk_widget_get_visible (child))
        g_error ("a concealed %s holds a visible %s", gtk_widget_get_name (widget),
                 G_OBJECT_TYPE_NAME (child));
      n_revealers++;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n_revealers += assert_concealed_hidden (child);

  return n_revealers;
}

/* What the window holds out of view is not a visible widget, so that GTK neither styles
 * nor measures it: the spinner's page of the main stack when another is in view, and what a
 * concealed revealer holds (the offline banner's content, the open ticket's unsaved note,
 * the list's note while more rows load). */
static void
assert_out_of_view_hidden (GtkWindow *window)
{
  GtkStack *stack = GTK_STACK (get_child (window, "main_stack"));

  g_assert_false (gtk_widget_get_visible (gtk_stack_get_child_by_name (stack, "loading")));
  /* The banner, the detail's unsaved note, the list's note. */
  g_assert_cmpuint (assert_concealed_hidden (GTK_WIDGET (window)), >=, 3);
}

static void
test_window_sections (void)
{
  g_autoptr(DeskApplication) app = desk_test_start_app ();
  g_autoptr(DeskSandbox) sandbox = g_object_new (DESK_TYPE_SANDBOX, "n-customers", 40,
                                                 "n-tickets", 100, "n-invoices", 30, NULL);
  g_autoptr(GError) error = NULL;
  DeskContext *context = desk_application_get_context (app);
  GtkWindow *window;

  /* The account is a local store: the screens load their lists as they are shown. */
  g_assert_true (desk_sandbox_start (sandbox, 0, &error));
  g_assert_no_error (error);
  g_settings_set_string (desk_context_get_settings (context), "server-url",
                         desk_sandbox_get_url (sandbox));

  /* With an account, the sections show straight away, without the demo marker. */
  desk_context_set_session_api_key (context, DESK_SANDBOX_DEMO_API_KEY);
  window = open_window (app);
  g_assert_cmpstr (visible_page (window, "main_stack"), ==, "sections");
  g_assert_false (gtk_widget_get_visible (get_child (window, "content_demo_marker")));
  g_assert_false (adw_leaflet_get_folded (ADW_LEAFLET (get_child (window, "leaflet"))));
  assert_out_of_view_hidden (window);
  visit_sections (window, "window-");
  check_search_action (app, window);

  close_window (window);
  desk_sandbox_stop (sandbox);
}

static gboolean
content_in_front (gpointer data)
{
  AdwLeaflet *leaflet = ADW_LEAFLET (get_child (data, "leaflet"));

  return adw_leaflet_get_visible_child (leaflet) == get_child (data, "content_box") &&
         gtk_widget_is_drawable (get_child (data, "back_button")) &&
         gtk_widget_is_drawable (get_child (data, "content_demo_marker"));
}

static gboolean
sidebar_in_front (gpointer data)
{
  AdwLeaflet *leaflet = ADW_LEAFLET (get_child (data, "leaflet"));

  return adw_leaflet_get_visible_child (leaflet) == get_child (data, "sidebar_box");
}

static void
test_window_narrow (void)
{
  g_autoptr(DeskApplication) app = desk_test_start_app ();
  DeskContext *context = desk_application_get_context (app);
  GSettings *settings = desk_context_get_settings (context);
  AdwLeaflet *leaflet;
  GtkWindow *window;

  g_settings_set_int (settings, "window-width", 360);
  g_settings_set_int (settings, "window-height", 640);
  g_action_group_activate_action (G_ACTION_GROUP (app), "try-demo", NULL);
  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  wait_for_demo (context);
  leaflet = ADW_LEAFLET (get_child (window, "leaflet"));

  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), <=, 360);
  g_assert_true (adw_leaflet_get_folded (leaflet));
  g_assert_true (adw_leaflet_get_visible_child (leaflet) == get_child (window, "sidebar_box"));
  g_assert_true (gtk_widget_is_drawable (get_child (window, "sidebar_demo_marker")));
  save_screenshot (GTK_WIDGET (window), "narrow-sidebar");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-section", "s",
                                             "customers"));
  g_assert_true (desk_test_wait_for (content_in_front, window, 10000));
  g_assert_true (adw_leaflet_get_visible_child (leaflet) == get_child (window, "content_box"));
  g_assert_true (gtk_widget_is_drawable (get_child (window, "back_button")));
  g_assert_true (gtk_widget_is_drawable (get_child (window, "content_demo_marker")));
  save_screenshot (GTK_WIDGET (window), "narrow-customers");

  g_signal_emit_by_name (get_child (window, "back_button"), "clicked");
  g_assert_true (desk_test_wait_for (sidebar_in_front, window, 10000));
  g_assert_true (adw_leaflet_get_visible_child (leaflet) == get_child (window, "sidebar_box"));

  close_window (window);
  g_settings_reset (settings, "window-width");
  g_settings_reset (settings, "window-height");
}

static void
test_window_narrow_welcome (void)
{
  g_autoptr(DeskApplication) app = desk_test_start_app ();
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
  g_autoptr(DeskApplication) app = desk_test_start_app ();
  GtkWindow *window = open_window (app);
  GtkWindow *dialog;

  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  g_assert_true (desk_test_wait_for_window (DESK_TYPE_PREFERENCES_WINDOW, 10000));
  dialog = desk_test_find_window (DESK_TYPE_PREFERENCES_WINDOW);
  g_assert_true (gtk_window_get_transient_for (dialog) == window);
  g_assert_cmpstr (adw_preferences_window_get_visible_page_name (ADW_PREFERENCES_WINDOW (dialog)),
                   ==, "account");
  save_screenshot (GTK_WIDGET (dialog), "preferences");
  gtk_window_close (dialog);
  g_assert_true (desk_test_wait_for (no_window_of_type,
                                     GSIZE_TO_POINTER (DESK_TYPE_PREFERENCES_WINDOW), 10000));
  g_assert_null (desk_test_find_window (DESK_TYPE_PREFERENCES_WINDOW));

  /* Built when first asked for, not with the window. */
  g_assert_null (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window)));
  g_action_group_activate_action (G_ACTION_GROUP (app), "shortcuts", NULL);
  g_assert_true (desk_test_wait_for_window (GTK_TYPE_SHORTCUTS_WINDOW, 10000));
  dialog = desk_test_find_window (GTK_TYPE_SHORTCUTS_WINDOW);
  g_assert_true (dialog == GTK_WINDOW (gtk_application_window_get_help_overlay (
                             GTK_APPLICATION_WINDOW (window))));
  save_screenshot (GTK_WIDGET (dialog), "shortcuts");
  gtk_window_close (dialog);
  g_assert_true (desk_test_wait_for (no_window_of_type,
                                     GSIZE_TO_POINTER (GTK_TYPE_SHORTCUTS_WINDOW), 10000));
  g_assert_null (desk_test_find_window (GTK_TYPE_SHORTCUTS_WINDOW));

  close_window (window);
}

static void
test_window_actions (void)
{
  g_autoptr(DeskApplication) app = desk_test_start_app ();
  const char *exported[] = {
    "about", "demo-offline", "leave-demo", "preferences", "quit", "reset-demo", "search",
    "shortcuts", "show-section", "try-demo",
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
  g_autoptr(DeskApplication) app = desk_test_start_app ();
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
  g_autoptr(DeskApplication) app = desk_test_start_app ();
  GSettings *settings = desk_context_get_settings (desk_application_get_context (app));
  GtkWindow *window = open_window (app);
  int width, height;

  g_assert_true (desk_test_resize (window, 900, 600, 10000));
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
  g_autoptr(DeskApplication) app = desk_test_start_app ();
  GSettings *settings = desk_context_get_settings (desk_application_get_context (app));
  GtkWindow *window = open_window (app);

  gpointer alive = window;

  g_assert_true (desk_test_resize (window, 800, 500, 10000));
  g_object_add_weak_pointer (G_OBJECT (window), &alive);
  g_action_group_activate_action (G_ACTION_GROUP (app), "quit", NULL);
  g_assert_true (desk_test_wait_for (is_null, &alive, 10000));
  g_assert_null (gtk_application_get_active_window (GTK_APPLICATION (app)));
  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 800);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 500);

  g_settings_reset (settings, "window-width");
  g_settings_reset (settings, "window-height");
}

static void
customer_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  DeskCustomer *customer;

  customer = desk_api_client_create_customer_finish (DESK_API_CLIENT (object), result, &error);
  g_assert_no_error (error);
  *(DeskCustomer **) user_data = customer;
}

static void
lookup_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(DeskCustomer) customer = NULL;

  customer = desk_api_client_get_customer_finish (DESK_API_CLIENT (object), result, user_data);
  if (customer != NULL)
    g_set_error_literal (user_data, G_IO_ERROR, G_IO_ERROR_EXISTS, "The customer is still there");
}

static void
count_cb (gpointer data)
{
  (*(guint *) data)++;
}

static gboolean
counted (gpointer data)
{
  return *(guint *) data > 0;
}

/* A customer added to the demo store is gone after Reset Demo Data, confirmed in its
 * dialog. */
static void
test_window_reset_demo (void)
{
  g_autoptr(DeskApplication) app = desk_test_start_app ();
  DeskContext *context = desk_application_get_context (app);
  g_autoptr(DeskCustomer) customer = desk_customer_new ();
  g_autoptr(DeskCustomer) created = NULL;
  g_autoptr(GError) error = NULL;
  AdwMessageDialog *dialog;
  GtkWindow *window;
  guint resets = 0;

  g_action_group_activate_action (G_ACTION_GROUP (app), "try-demo", NULL);
  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  wait_for_demo (context);
  g_signal_connect_swapped (context, "demo-reset", G_CALLBACK (count_cb), &resets);

  desk_customer_set_first_name (customer, "Resetta");
  desk_customer_set_last_name (customer, "Gone");
  desk_api_client_create_customer_async (desk_context_get_client (context), customer, NULL,
                                         customer_cb, &created);
  while (created == NULL)
    g_main_context_iteration (NULL, TRUE);

  g_action_group_activate_action (G_ACTION_GROUP (app), "reset-demo", NULL);
  g_assert_true (desk_test_wait_for_window (ADW_TYPE_MESSAGE_DIALOG, 10000));
  dialog = ADW_MESSAGE_DIALOG (desk_test_find_window (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_cmpstr (adw_message_dialog_get_default_response (dialog), ==, "cancel");
  save_screenshot (GTK_WIDGET (dialog), "reset-demo");
  adw_message_dialog_response (dialog, "reset");
  g_assert_true (desk_test_wait_for (counted, &resets, 60000));
  save_screenshot (GTK_WIDGET (window), "reset-demo-done");

  desk_api_client_get_customer_async (desk_context_get_client (context),
                                      desk_customer_get_id (created), NULL, lookup_cb, &error);
  while (error == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_error (error, DESK_API_ERROR, DESK_API_ERROR_NOT_FOUND);

  close_window (window);
}

typedef struct
{
  DeskApplication *app;
  guint            checks;
  gboolean         demo_served;
} DemoOption;

/* Quits once the demo store serves, or after two minutes without it. */
static gboolean
check_demo_started_cb (gpointer user_data)
{
  DemoOption *data = user_data;
  DeskContext *context = desk_application_get_context (data->app);

  data->demo_served = desk_context_get_sandbox (context) != NULL;
  if (!data->demo_served && ++data->checks < 600)
    return G_SOURCE_CONTINUE;

  g_action_group_activate_action (G_ACTION_GROUP (data->app), "quit", NULL);

  return G_SOURCE_REMOVE;
}

/* Leaving the demo store goes back to the account (here none: the welcome page), and the
 * next start opens the demo store again only while it was not left. */
static void
test_window_leave_demo (void)
{
  g_autoptr(DeskApplication) app = desk_test_start_app ();
  g_autoptr(DeskApplication) again = NULL;
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  GtkWindow *window = open_window (app);
  DeskContext *context = desk_window_get_context (DESK_WINDOW (window));
  g_autofree char *server_url = g_settings_get_string (settings, "server-url");

  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (app), "leave-demo"));
  g_action_group_activate_action (G_ACTION_GROUP (app), "try-demo", NULL);
  wait_for_demo (context);
  g_assert_true (g_settings_get_boolean (settings, "demo-mode"));
  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (app), "leave-demo"));

  g_action_group_activate_action (G_ACTION_GROUP (app), "leave-demo", NULL);
  g_assert_true (desk_test_wait_for (main_page_loaded, window, 5000));
  g_assert_false (desk_context_get_demo (context));
  g_assert_null (desk_context_get_sandbox (context));
  g_assert_false (g_settings_get_boolean (settings, "demo-mode"));
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (app), "leave-demo"));
  g_assert_cmpstr (desk_api_client_get_base_url (desk_context_get_client (context)), ==,
                   server_url);
  g_assert_cmpstr (visible_page (window, "main_stack"), ==, "welcome");
  g_assert_false (gtk_widget_get_visible (get_child (window, "content_demo_marker")));
  close_window (window);

  /* Trained on the demo store and closed: the next start finds it again. */
  g_settings_set_boolean (settings, "demo-mode", TRUE);
  again = desk_application_new ();
  g_application_set_flags (G_APPLICATION (again), G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (again), NULL, NULL));
  window = open_window (again);
  context = desk_window_get_context (DESK_WINDOW (window));
  g_assert_true (desk_context_get_demo (context));
  wait_for_demo (context);
  g_assert_cmpstr (visible_page (window, "main_stack"), ==, "sections");
  g_action_group_activate_action (G_ACTION_GROUP (again), "leave-demo", NULL);
  close_window (window);
}

/* `frontdesk --demo`, through g_application_run () as main () does it. */
static void
test_window_demo_option (void)
{
  g_autoptr(DeskApplication) app = desk_application_new ();
  char *argv[] = { (char *) "frontdesk", (char *) "--demo", NULL };
  DemoOption data = { app, 0, FALSE };
  int status;

  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_timeout_add (200, check_demo_started_cb, &data);
  status = g_application_run (G_APPLICATION (app), 2, argv);

  g_assert_cmpint (status, ==, 0);
  g_assert_true (data.demo_served);
  g_assert_null (gtk_application_get_active_window (GTK_APPLICATION (app)));
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
  g_test_add_func ("/window/reset-demo", test_window_reset_demo);
  g_test_add_func ("/window/leave-demo", test_window_leave_demo);
  g_test_add_func ("/window/demo-option", test_window_demo_option);

  return g_test_run ();
}
