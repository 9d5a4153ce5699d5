/* test-screens.c
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "customers/desk-customers-page.h"
#include "desk-sandbox.h"
#include "desk-table-row.h"
#include "desk-test-utils.h"
#include "desk-window.h"
#include "intake/desk-intake-page.h"
#include "invoices/desk-invoices-page.h"
#include "tickets/desk-tickets-page.h"

/* The window around its screens: the table of screens, the sidebar that names the
 * section in view, a ticket opened from elsewhere, and nothing kept alive after the
 * window closes. The window is built on a context of its own, around the sandbox. */

/* 2026-01-15 12:00 UTC, so that the store is the same whenever the test runs. */
#define TEST_NOW G_GINT64_CONSTANT (1768478400)
#define WAIT_MS 20000

typedef struct
{
  DeskSandbox   *sandbox;
  DeskApiClient *client;
  GSettings     *settings;
  DeskContext   *context;
  DeskWindow    *window;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->sandbox = g_object_new (DESK_TYPE_SANDBOX,
                                   "seed", 3, "n-customers", 40, "n-tickets", 120,
                                   "n-invoices", 10, "rate-limit", 0, "today", TEST_NOW, NULL);
  desk_sandbox_start (fixture->sandbox, 0, &error);
  g_assert_no_error (error);

  fixture->client = desk_api_client_new (desk_sandbox_get_url (fixture->sandbox),
                                         DESK_SANDBOX_DEMO_API_KEY);
  fixture->settings = g_settings_new (APP_ID);
  g_settings_reset (fixture->settings, "ticket-filters");
  fixture->context = desk_context_new_for_client (fixture->settings, fixture->client, NULL);
  desk_context_set_session_api_key (fixture->context, DESK_SANDBOX_DEMO_API_KEY);

  /* Dark style from the start, as a user who prefers it sees Front Desk. */
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      data != NULL ? ADW_COLOR_SCHEME_FORCE_DARK
                                                   : ADW_COLOR_SCHEME_DEFAULT);
  fixture->window = desk_window_new (NULL, fixture->context);
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1280, 800);
  gtk_window_present (GTK_WINDOW (fixture->window));
}

static gboolean
is_null (gpointer data)
{
  return *(gpointer *) data == NULL;
}

/* The window, its screens and the context are all freed once the window is closed. */
static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gpointer window = fixture->window;
  gpointer tickets = desk_window_get_page (fixture->window, "tickets");
  gpointer customers = desk_window_get_page (fixture->window, "customers");

  g_object_add_weak_pointer (window, &window);
  if (tickets != NULL)
    g_object_add_weak_pointer (tickets, &tickets);
  if (customers != NULL)
    g_object_add_weak_pointer (customers, &customers);

  gtk_window_destroy (GTK_WINDOW (fixture->window));
  g_assert_true (desk_test_wait_for (is_null, &window, WAIT_MS));
  g_assert_true (desk_test_wait_for (is_null, &tickets, WAIT_MS));
  g_assert_true (desk_test_wait_for (is_null, &customers, WAIT_MS));

  g_settings_reset (fixture->settings, "ticket-filters");
  g_assert_finalize_object (fixture->context);
  g_clear_object (&fixture->settings);
  g_clear_object (&fixture->client);
  desk_sandbox_stop (fixture->sandbox);
  g_clear_object (&fixture->sandbox);
}

static GtkWidget *
template_child (Fixture    *fixture,
                const char *name)
{
  return GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (fixture->window),
                                                    DESK_TYPE_WINDOW, name));
}

/* Every main menu button of the window is named; returns how many there are. */
static guint
check_menu_buttons (GtkWidget *widget)
{
  guint n = 0;

  if (GTK_IS_MENU_BUTTON (widget) &&
      g_strcmp0 (gtk_menu_button_get_icon_name (GTK_MENU_BUTTON (widget)), "open-menu-symbolic") == 0)
    {
      g_assert_null (gtk_test_accessible_check_property (GTK_ACCESSIBLE (widget),
                                                         GTK_ACCESSIBLE_PROPERTY_LABEL,
                                                         "Main Menu"));
      return 1;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += check_menu_buttons (child);

  return n;
}

static const char *
visible_section (Fixture *fixture)
{
  return gtk_stack_get_visible_child_name (GTK_STACK (template_child (fixture, "content_stack")));
}

static const char *
selected_row (Fixture *fixture)
{
  GtkListBoxRow *row = gtk_list_box_get_selected_row (GTK_LIST_BOX (template_child (fixture,
                                                                                   "sidebar_list")));

  return row != NULL ? gtk_widget_get_name (GTK_WIDGET (row)) : NULL;
}

static GtkListBoxRow *
sidebar_row (Fixture    *fixture,
             const char *name)
{
  for (GtkWidget *row = gtk_widget_get_first_child (template_child (fixture, "sidebar_list"));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (g_strcmp0 (gtk_widget_get_name (row), name) == 0)
      return GTK_LIST_BOX_ROW (row);

  return NULL;
}

static gboolean
tickets_loaded (gpointer data)
{
  Fixture *fixture = data;
  DeskPage *page = desk_window_get_page (fixture->window, "tickets");
  DeskPagedList *list;

  if (page == NULL)
    return FALSE;

  list = desk_tickets_page_get_list (DESK_TICKETS_PAGE (page));
  return !desk_tickets_page_get_searching (DESK_TICKETS_PAGE (page)) &&
         desk_paged_list_get_n_pages (list) > 0 && !desk_paged_list_get_loading (list);
}

/* Each row of the table of screens is a sidebar row and a section; a screen with a type is
 * made with the window's context when it is first shown. */
static void
test_table (Fixture       *fixture,
            gconstpointer  data)
{
  const char *sections[] = { "tickets", "intake", "customers", "invoices" };
  const char *titles[] = { "Tickets", "New Ticket", "Customers", "Invoices" };
  DeskPage *customers;

  /* Each row, and the main menu, has a name a screen reader can say. The window has one
   * main menu button here: the welcome page brings its own when it is first shown. */
  g_assert_cmpuint (check_menu_buttons (GTK_WIDGET (fixture->window)), ==, 1);
  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    {
      g_assert_nonnull (sidebar_row (fixture, sections[i]));
      g_assert_null (gtk_test_accessible_check_property (GTK_ACCESSIBLE (sidebar_row (fixture, sections[i])),
                                                         GTK_ACCESSIBLE_PROPERTY_LABEL, titles[i]));
      g_assert_true (desk_window_show_section (fixture->window, sections[i]));
      g_assert_cmpstr (visible_section (fixture), ==, sections[i]);
    }

  g_assert_false (desk_window_show_section (fixture->window, "refunds"));
  g_assert_nonnull (desk_window_get_page (fixture->window, "tickets"));
  customers = desk_window_get_page (fixture->window, "customers");
  g_assert_true (DESK_IS_CUSTOMERS_PAGE (customers));
  g_assert_true (desk_page_get_context (customers) == fixture->context);
  g_assert_true (desk_page_get_catalog (customers) == desk_context_get_catalog (fixture->context));
  g_assert_true (DESK_IS_INVOICES_PAGE (desk_window_get_page (fixture->window, "invoices")));
}

/* However the section changes (a row, Alt+number, a ticket opened from a customer, the
 * arrow keys in the sidebar), the sidebar names the section in view. */
static void
test_sidebar_follows (Fixture       *fixture,
                      gconstpointer  data)
{
  GtkListBox *sidebar = GTK_LIST_BOX (template_child (fixture, "sidebar_list"));

  g_assert_cmpstr (selected_row (fixture), ==, visible_section (fixture));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-section",
                                             "s", "invoices"));
  g_assert_cmpstr (selected_row (fixture), ==, "invoices");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-ticket",
                                             "x", G_GINT64_CONSTANT (1)));
  g_assert_cmpstr (visible_section (fixture), ==, "tickets");
  g_assert_cmpstr (selected_row (fixture), ==, "tickets");

  /* What the arrow keys do: select a row without activating it. */
  gtk_list_box_select_row (sidebar, sidebar_row (fixture, "invoices"));
  g_assert_cmpstr (visible_section (fixture), ==, "invoices");
  gtk_list_box_unselect_all (sidebar);
  g_assert_cmpstr (selected_row (fixture), ==, "invoices");

  gtk_stack_set_visible_child_name (GTK_STACK (template_child (fixture, "content_stack")),
                                    "customers");
  g_assert_cmpstr (selected_row (fixture), ==, "customers");
}

/* A ticket opened from elsewhere is shown with a list that does not contradict it: a
 * search typed earlier is cleared. */
static void
test_show_ticket_clears_search (Fixture       *fixture,
                                gconstpointer  data)
{
  DeskTicketsPage *page;
  g_autoptr(DeskTicket) first = NULL;
  GtkWidget *entry;
  DeskTicket *shown;
  gint64 id;

  g_assert_true (desk_window_show_section (fixture->window, "tickets"));
  g_assert_true (desk_test_wait_for (tickets_loaded, fixture, WAIT_MS));
  page = DESK_TICKETS_PAGE (desk_window_get_page (fixture->window, "tickets"));
  first = g_list_model_get_item (desk_tickets_page_get_rows (page), 0);
  g_assert_nonnull (first);
  id = desk_ticket_get_id (first);

  entry = desk_tickets_page_get_search_entry (page);
  gtk_editable_set_text (GTK_EDITABLE (entry), "no such customer");
  g_assert_true (desk_test_wait_for (tickets_loaded, fixture, WAIT_MS));

  g_assert_true (desk_window_show_section (fixture->window, "customers"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-ticket",
                                             "x", id));
  g_assert_cmpstr (visible_section (fixture), ==, "tickets");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "");
  shown = desk_ticket_detail_get_ticket (desk_tickets_page_get_detail (page));
  g_assert_nonnull (shown);
  g_assert_cmpint (desk_ticket_get_id (shown), ==, id);
  g_assert_true (desk_test_wait_for (tickets_loaded, fixture, WAIT_MS));
  g_assert_null (desk_paged_list_get_query (desk_tickets_page_get_list (page))->keyword);
}

static gboolean
focus_in_search (gpointer data)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (((Fixture *) data)->window));

  return focus != NULL && gtk_widget_get_ancestor (focus, GTK_TYPE_SEARCH_ENTRY) != NULL;
}

/* Ctrl+N checks a device in from any screen: the intake screen, cursor in its customer
 * search, and the sidebar agrees. */
static void
test_new_ticket (Fixture       *fixture,
                 gconstpointer  data)
{
  g_assert_true (desk_window_show_section (fixture->window, "customers"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.new-ticket", NULL));
  g_assert_cmpstr (visible_section (fixture), ==, "intake");
  g_assert_cmpstr (selected_row (fixture), ==, "intake");
  g_assert_true (DESK_IS_INTAKE_PAGE (desk_window_get_page (fixture->window, "intake")));
  g_assert_true (desk_test_wait_for (focus_in_search, fixture, WAIT_MS));
}

/* The rows of the ticket list's table, and the titles above them last. */
static GPtrArray *
table_rows (DeskTicketsPage *page)
{
  g_autoptr(GPtrArray) all = g_ptr_array_new ();
  GPtrArray *rows = g_ptr_array_new ();
  GtkWidget *titles = NULL;

  desk_test_find_all (GTK_WIDGET (page), DESK_TYPE_TABLE_ROW, all);
  for (guint i = 0; i < all->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (all, i);

      if (gtk_widget_has_css_class (row, "ticket-columns-titles"))
        titles = row;
      else
        g_ptr_array_add (rows, row);
    }
  g_assert_nonnull (titles);
  g_ptr_array_add (rows, titles);

  return rows;
}

static guint
n_children (GtkWidget *widget)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n++;

  return n;
}

/* The titles above the list, and whether each row has a cell under each, and no other. */
static char *
visible_columns (DeskTicketsPage *page)
{
  g_autoptr(GPtrArray) rows = table_rows (page);
  GtkWidget *titles = g_ptr_array_index (rows, rows->len - 1);
  GString *names = g_string_new (NULL);

  for (GtkWidget *label = gtk_widget_get_first_child (titles); label != NULL;
       label = gtk_widget_get_next_sibling (label))
    if (gtk_widget_get_visible (label))
      g_string_append_printf (names, "%s%s", names->len > 0 ? ", " : "",
                              gtk_label_get_text (GTK_LABEL (label)));

  for (guint i = 0; i + 1 < rows->len; i++)
    if (gtk_widget_get_mapped (g_ptr_array_index (rows, i)) &&
        n_children (g_ptr_array_index (rows, i)) != n_children (titles))
      g_string_append (names, " (a row with other cells)");

  return g_string_free (names, FALSE);
}

static void
screenshots (Fixture    *fixture,
             const char *name)
{
  g_autofree char *path = NULL;

  desk_test_iterate (800);
  path = desk_test_save_screenshot (GTK_WIDGET (fixture->window), name);
  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));
}

/* A 1280 px counter screen shows every column of the ticket list beside the open ticket
 * (in dark style when @data is set). */
typedef struct
{
  DeskTicketsPage *page;
  const char      *columns;
} ColumnsWant;

static gboolean
columns_shown (gpointer data)
{
  ColumnsWant *want = data;
  g_autofree char *shown = visible_columns (want->page);

  return g_strcmp0 (shown, want->columns) == 0;
}

static void
test_widths (Fixture       *fixture,
             gconstpointer  data)
{
  DeskTicketsPage *page;
  g_autoptr(DeskTicket) first = NULL;
  g_autofree char *wide = NULL;
  ColumnsWant want;

  g_assert_true (desk_window_show_section (fixture->window, "tickets"));
  g_assert_true (desk_test_wait_for (tickets_loaded, fixture, WAIT_MS));
  page = DESK_TICKETS_PAGE (desk_window_get_page (fixture->window, "tickets"));
  first = g_list_model_get_item (desk_tickets_page_get_rows (page), 0);
  desk_tickets_page_open (page, first);
  screenshots (fixture, data != NULL ? "screens-tickets-1280-dark" : "screens-tickets-1280");
  wide = visible_columns (page);
  g_test_message ("page %d px: %s", gtk_widget_get_width (GTK_WIDGET (page)), wide);
  g_assert_cmpstr (wide, ==, "Order, Customer, Devices, Status, Technician, Due, Total");
  g_assert_false (adw_leaflet_get_folded (ADW_LEAFLET (gtk_widget_get_template_child (GTK_WIDGET (page),
                                                                                      DESK_TYPE_TICKETS_PAGE,
                                                                                      "leaflet"))));

  /* Narrower, the list keeps three columns; no row builds cells for the others, which
   * come back in their places. */
  g_assert_true (desk_test_resize (GTK_WINDOW (fixture->window), 1000, 800, WAIT_MS));
  want.page = page;
  want.columns = "Order, Customer, Status";
  g_assert_true (desk_test_wait_for (columns_shown, &want, WAIT_MS));
  g_assert_true (desk_test_resize (GTK_WINDOW (fixture->window), 1280, 800, WAIT_MS));
  want.columns = "Order, Customer, Devices, Status, Technician, Due, Total";
  g_assert_true (desk_test_wait_for (columns_shown, &want, WAIT_MS));
}

/* Frames since a point: the view decides on fetching more once a frame has laid its
 * rows out, so the tests wait for frames, not for time. */
static gboolean
count_frame_cb (GtkWidget     *widget,
                GdkFrameClock *clock,
                gpointer       user_data)
{
  guint *frames = user_data;

  (*frames)++;

  return G_SOURCE_CONTINUE;
}

static gboolean
three_frames (gpointer data)
{
  return *(guint *) data >= 3;
}

static void
wait_frames (GtkWidget *widget)
{
  guint frames = 0;
  guint id = gtk_widget_add_tick_callback (widget, count_frame_cb, &frames, NULL);

  g_assert_true (desk_test_wait_for (three_frames, &frames, 10000));
  gtk_widget_remove_tick_callback (widget, id);
}

/* In the window, as at the counter: a search costs one request of the shared budget. */
static void
test_one_request_in_window (Fixture       *fixture,
                            gconstpointer  data)
{
  const char *texts[] = { "a", "555", "Pixel" };
  DeskTicketsPage *page;
  GtkEditable *entry;

  g_assert_true (desk_window_show_section (fixture->window, "tickets"));
  g_assert_true (desk_test_wait_for (tickets_loaded, fixture, WAIT_MS));
  wait_frames (GTK_WIDGET (fixture->window));
  g_assert_true (desk_test_wait_for (tickets_loaded, fixture, WAIT_MS));
  page = DESK_TICKETS_PAGE (desk_window_get_page (fixture->window, "tickets"));
  entry = GTK_EDITABLE (desk_tickets_page_get_search_entry (page));

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      guint before = desk_sandbox_get_request_count (fixture->sandbox);

      gtk_editable_set_text (entry, texts[i]);
      g_assert_true (desk_test_wait_for (tickets_loaded, fixture, WAIT_MS));
      wait_frames (GTK_WIDGET (fixture->window));
      g_assert_true (desk_test_wait_for (tickets_loaded, fixture, WAIT_MS));
      g_test_message ("“%s”: %u requests", texts[i],
                      desk_sandbox_get_request_count (fixture->sandbox) - before);
      g_assert_cmpuint (desk_sandbox_get_request_count (fixture->sandbox), ==, before + 1);
    }
}

int
main (int   argc,
      char *argv[])
{
  /* Accessible names are kept, and checked, by GTK's test accessibility backend. */
  g_setenv ("GTK_A11Y", "test", TRUE);
  desk_test_init (&argc, &argv);
  g_object_set (gtk_settings_get_default (), "gtk-cursor-blink", FALSE, NULL);

#define ADD(path, func) \
  g_test_add ("/screens/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("table", test_table);
  ADD ("sidebar-follows", test_sidebar_follows);
  ADD ("show-ticket-clears-search", test_show_ticket_clears_search);
  ADD ("new-ticket", test_new_ticket);
  ADD ("widths", test_widths);
  ADD ("one-request", test_one_request_in_window);
  g_test_add ("/screens/widths-dark", Fixture, "dark", fixture_set_up, test_widths,
              fixture_tear_down);

  return g_test_run ();
}
