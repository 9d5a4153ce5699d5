/* atspi-screens.c
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>

#include <adwaita.h>
#include <gio/gunixinputstream.h>

#include "customers/desk-customers-page.h"
#include "desk-application.h"
#include "desk-sandbox.h"
#include "desk-test-utils.h"
#include "desk-window.h"
#include "preferences/desk-preferences-window.h"
#include "tickets/desk-tickets-page.h"

/* Shows Front Desk's screens one after the other for atspi-listing.py, which reads them
 * as a screen reader would, through the AT-SPI bus. Each screen is announced on stdout
 * ("screen welcome") once it is loaded; the next one is shown when a line arrives on
 * stdin. The main loop runs all along, so that the AT-SPI bridge answers meanwhile. */

#define WAIT_MS 20000

static GDataInputStream *input;

static void
announce (const char *screen)
{
  printf ("screen %s\n", screen);
  fflush (stdout);
}

static void
line_read_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *line = g_data_input_stream_read_line_finish (G_DATA_INPUT_STREAM (object),
                                                                result, NULL, &error);

  *(int *) user_data = line != NULL ? 1 : -1;
}

/* Runs the main loop until the reader asks for the next screen. */
static void
wait_for_next (const char *screen)
{
  int state = 0;

  announce (screen);
  g_data_input_stream_read_line_async (input, G_PRIORITY_DEFAULT, NULL, line_read_cb, &state);
  while (state == 0)
    g_main_context_iteration (NULL, TRUE);
  if (state < 0)
    exit (1);
}

static GtkWidget *
get_child (GtkWindow  *window,
           const char *name)
{
  return GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (window), DESK_TYPE_WINDOW, name));
}

static gboolean
main_page_is (gpointer data)
{
  GtkWindow *window = g_object_get_data (data, "window");
  const char *page = gtk_stack_get_visible_child_name (GTK_STACK (get_child (window, "main_stack")));

  return g_strcmp0 (page, g_object_get_data (data, "page")) == 0;
}

static void
wait_for_main_page (GtkWindow  *window,
                    const char *page)
{
  g_object_set_data (G_OBJECT (window), "window", window);
  g_object_set_data (G_OBJECT (window), "page", (gpointer) page);
  g_assert_true (desk_test_wait_for (main_page_is, window, WAIT_MS));
  desk_test_iterate (300);
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

static gboolean
customers_loaded (gpointer data)
{
  return g_list_model_get_n_items (desk_customers_page_get_model (data)) > 0 &&
         g_strcmp0 (desk_customers_page_get_state (data), "results") == 0;
}

static gboolean
customer_shown (gpointer data)
{
  return desk_customers_page_get_customer (data) != NULL;
}

static gboolean
editor_open (gpointer data)
{
  return desk_customers_page_get_editor (data) != NULL;
}

static GtkWidget *
show_section (GtkWindow  *window,
              const char *section)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-section", "s", section));
  desk_test_iterate (300);

  return GTK_WIDGET (desk_window_get_page (DESK_WINDOW (window), section));
}

static void
show_tickets (GtkWindow *window)
{
  DeskTicketsPage *page = DESK_TICKETS_PAGE (show_section (window, "tickets"));
  g_autoptr(DeskTicket) ticket = NULL;

  g_assert_true (desk_test_wait_for (rows_loaded, page, WAIT_MS));
  ticket = g_list_model_get_item (desk_tickets_page_get_rows (page), 0);
  desk_tickets_page_open (page, ticket);
  g_assert_true (desk_test_wait_for (ticket_shown, page, WAIT_MS));
  desk_test_iterate (400);
  wait_for_next ("tickets");
}

static void
show_customers (GtkWindow *window)
{
  DeskCustomersPage *page = DESK_CUSTOMERS_PAGE (show_section (window, "customers"));
  g_autoptr(DeskCustomer) customer = NULL;

  g_assert_true (desk_test_wait_for (customers_loaded, page, WAIT_MS));
  customer = g_list_model_get_item (desk_customers_page_get_model (page), 0);
  desk_customers_page_show_customer (page, customer);
  g_assert_true (desk_test_wait_for (customer_shown, page, WAIT_MS));
  desk_test_iterate (600);
  wait_for_next ("customers");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "customers.edit", NULL));
  g_assert_true (desk_test_wait_for (editor_open, page, WAIT_MS));
  desk_test_iterate (400);
  wait_for_next ("customer-editor");
  gtk_window_close (desk_customers_page_get_editor (page));
  desk_test_iterate (300);
}

static void
show_dialog (DeskApplication *app,
             const char      *action,
             GType            type,
             const char      *screen)
{
  g_action_group_activate_action (G_ACTION_GROUP (app), action, NULL);
  g_assert_true (desk_test_wait_for_window (type, WAIT_MS));
  desk_test_iterate (400);
  wait_for_next (screen);
  gtk_window_close (desk_test_find_window (type));
  desk_test_iterate (300);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(DeskApplication) app = NULL;
  g_autoptr(DeskSandbox) sandbox = NULL;
  g_autoptr(GSettings) settings = NULL;
  g_autoptr(GInputStream) stdin_stream = g_unix_input_stream_new (0, FALSE);
  g_autoptr(GError) error = NULL;
  DeskContext *context;
  GtkWindow *window;

  /* Not desk_test_init (): outside a test case GLib's test set-up points the home and data
   * folders at /dev/null and makes every warning fatal; atspi-listing.sh gives this run a
   * home of its own instead. */
  gtk_init ();
  adw_init ();
  g_set_application_name ("Front Desk");
  input = g_data_input_stream_new (stdin_stream);

  settings = g_settings_new (APP_ID);
  g_settings_reset (settings, "demo-mode");
  app = desk_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);
  context = desk_application_get_context (app);

  /* No keyring on this bus: the welcome page first. */
  g_application_activate (G_APPLICATION (app));
  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  wait_for_main_page (window, "welcome");
  wait_for_next ("welcome");

  /* Then an account on a local store, as after connecting it. */
  sandbox = g_object_new (DESK_TYPE_SANDBOX, "n-customers", 40, "n-tickets", 100,
                          "n-invoices", 30, "rate-limit", 0, NULL);
  g_assert_true (desk_sandbox_start (sandbox, 0, &error));
  g_assert_no_error (error);
  g_settings_set_string (desk_context_get_settings (context), "server-url",
                         desk_sandbox_get_url (sandbox));
  desk_context_set_session_api_key (context, DESK_SANDBOX_DEMO_API_KEY);
  wait_for_main_page (window, "sections");

  show_tickets (window);
  show_customers (window);
  show_dialog (app, "preferences", DESK_TYPE_PREFERENCES_WINDOW, "preferences");
  show_dialog (app, "shortcuts", GTK_TYPE_SHORTCUTS_WINDOW, "shortcuts");
  announce ("done");

  gtk_window_close (window);
  desk_test_iterate (100);
  desk_sandbox_stop (sandbox);

  return 0;
}
