/* test-search-screens.c
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "customers/desk-customers-page.h"
#include "desk-customer-check.h"
#include "desk-sandbox.h"
#include "desk-test-utils.h"
#include "desk-ticket-match.h"
#include "tickets/desk-tickets-page.h"

/* The search of both list screens, as a clerk and a barcode scanner use it: whatever the
 * timing of the keys, the list shows what the search field says; Enter says what it found
 * when it cannot open one record; Escape closes the open record before it clears the
 * search; and a search costs one request. */

/* 2026-01-15 12:00 UTC, so that the store is the same whenever the test runs. */
#define TEST_NOW G_GINT64_CONSTANT (1768478400)
#define WAIT_MS 20000
#define N_SCANS 50

/* What a test's data says about the screen it runs on. */
#define SCREEN_TICKETS 1
#define SCREEN_DARK    2
#define SCREEN_NARROW  4

typedef struct
{
  DeskSandbox   *sandbox;
  DeskApiClient *client;
  GSettings     *settings;
  DeskContext   *context;
  GtkWindow     *window;
  DeskPage      *page;
  gboolean       tickets;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->tickets = (GPOINTER_TO_INT (data) & SCREEN_TICKETS) != 0;
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      (GPOINTER_TO_INT (data) & SCREEN_DARK) != 0
                                      ? ADW_COLOR_SCHEME_FORCE_DARK : ADW_COLOR_SCHEME_DEFAULT);
  fixture->sandbox = g_object_new (DESK_TYPE_SANDBOX,
                                   "seed", 11, "n-customers", 120, "n-tickets", 300,
                                   "n-invoices", 20, "rate-limit", 0, "today", TEST_NOW, NULL);
  desk_sandbox_start (fixture->sandbox, 0, &error);
  g_assert_no_error (error);

  fixture->client = desk_api_client_new (desk_sandbox_get_url (fixture->sandbox),
                                         DESK_SANDBOX_DEMO_API_KEY);
  /* Fifty scans a screen are more than a minute's worth of RepairDesk's rate limit. */
  desk_rate_governor_set_limit (desk_api_client_get_governor (fixture->client), 100000);
  fixture->settings = g_settings_new (APP_ID);
  g_settings_reset (fixture->settings, "ticket-filters");
  g_settings_reset (fixture->settings, "customer-filters");
  fixture->context = desk_context_new_for_client (fixture->settings, fixture->client, NULL);

  if (fixture->tickets)
    {
      DeskTicketFilters all = { .range = DESK_TICKET_RANGE_ALL };

      fixture->page = DESK_PAGE (desk_tickets_page_new (fixture->context));
      desk_tickets_page_set_filters (DESK_TICKETS_PAGE (fixture->page), &all);
    }
  else
    fixture->page = DESK_PAGE (desk_customers_page_new (fixture->context));
  fixture->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (fixture->window,
                               (GPOINTER_TO_INT (data) & SCREEN_NARROW) != 0 ? 360 : 1280, 800);
  gtk_window_set_child (fixture->window, GTK_WIDGET (fixture->page));
  gtk_window_present (fixture->window);
}

static gboolean
is_null (gpointer data)
{
  return *(gpointer *) data == NULL;
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gpointer page = fixture->page;

  g_object_add_weak_pointer (page, &page);
  gtk_window_destroy (fixture->window);
  g_assert_true (desk_test_wait_for (is_null, &page, WAIT_MS));
  g_assert_finalize_object (fixture->context);
  g_clear_object (&fixture->settings);
  g_clear_object (&fixture->client);
  desk_sandbox_stop (fixture->sandbox);
  g_clear_object (&fixture->sandbox);
}

/* --- Helpers ------------------------------------------------------------------------------ */

static GtkEditable *
search_entry (Fixture *fixture)
{
  return GTK_EDITABLE (desk_test_find_widget (GTK_WIDGET (fixture->page), GTK_TYPE_SEARCH_ENTRY));
}

static GListModel *
rows (Fixture *fixture)
{
  if (fixture->tickets)
    return desk_tickets_page_get_rows (DESK_TICKETS_PAGE (fixture->page));

  return desk_customers_page_get_model (DESK_CUSTOMERS_PAGE (fixture->page));
}

static DeskPagedList *
shown_list (Fixture *fixture)
{
  GtkWidget *results = desk_test_find_widget (GTK_WIDGET (fixture->page), DESK_TYPE_RESULTS_VIEW);

  return desk_results_view_get_list (DESK_RESULTS_VIEW (results));
}

static gboolean
settled (gpointer data)
{
  Fixture *fixture = data;
  DeskPagedList *list = shown_list (fixture);
  gboolean searching;

  if (fixture->tickets)
    searching = desk_tickets_page_get_searching (DESK_TICKETS_PAGE (fixture->page));
  else
    searching = desk_customers_page_get_searching (DESK_CUSTOMERS_PAGE (fixture->page));

  return !searching && list != NULL && desk_paged_list_get_n_pages (list) > 0 &&
         !desk_paged_list_get_loading (list);
}

/* Nothing on the wire, nothing queued at the governor. */
static gboolean
client_quiet (gpointer data)
{
  Fixture *fixture = data;
  DeskRateGovernor *governor = desk_api_client_get_governor (fixture->client);

  return desk_api_client_get_n_active (fixture->client) == 0 &&
         desk_rate_governor_get_queued (governor) == 0 &&
         !desk_rate_governor_get_waiting (governor);
}

static gboolean
settled_and_quiet (gpointer data)
{
  return settled (data) && client_quiet (data);
}

static void
wait_settled (Fixture *fixture)
{
  DeskPagedList *list;

  if (desk_test_wait_for (settled_and_quiet, fixture, WAIT_MS))
    return;

  list = shown_list (fixture);
  g_error ("Not settled: text “%s”, list %p with keyword “%s”, %u pages, loading %d, "
           "error %s", gtk_editable_get_text (search_entry (fixture)), list,
           desk_paged_list_get_query (list) ? desk_paged_list_get_query (list)->keyword : "-",
           desk_paged_list_get_n_pages (list), desk_paged_list_get_loading (list),
           desk_paged_list_get_error (list) ? desk_paged_list_get_error (list)->message : "none");
}

/* The window has laid out and drawn what the list holds (a view that asks for more rows
 * does so then), and whatever that asked has been answered. */
static void
wait_drawn (Fixture *fixture)
{
  g_assert_true (desk_test_wait_for_frames (GTK_WIDGET (fixture->window), 2, WAIT_MS));
  wait_settled (fixture);
}

static DeskCustomer *
customer_of (GObject *row)
{
  return DESK_IS_TICKET (row) ? desk_ticket_get_customer (DESK_TICKET (row)) : DESK_CUSTOMER (row);
}

/* A phone number of the loaded rows, the n-th one found. */
static char *
phone_of_row (Fixture *fixture,
              guint    n)
{
  GListModel *model = rows (fixture);
  guint n_items = g_list_model_get_n_items (model);

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(GObject) row = g_list_model_get_item (model, (i + n) % n_items);
      DeskCustomer *customer = customer_of (row);
      const char *phone = customer != NULL ? desk_customer_get_phone (customer) : NULL;
      g_autofree char *digits = desk_customer_phone_digits (phone);

      if (strlen (digits) >= 7)
        return g_strdup (phone);
    }

  g_assert_not_reached ();
}

static gboolean
row_has_number (GObject    *row,
                const char *digits)
{
  DeskCustomer *customer = customer_of (row);
  g_autofree char *phone = NULL;
  g_autofree char *mobile = NULL;

  if (customer == NULL)
    return FALSE;

  phone = desk_customer_phone_digits (desk_customer_get_phone (customer));
  mobile = desk_customer_phone_digits (desk_customer_get_mobile (customer));

  return strstr (phone, digits) != NULL || strstr (mobile, digits) != NULL;
}

/* The list says what the search field says: only rows with the number, and some. */
static void
assert_list_agrees (Fixture *fixture)
{
  const char *text = gtk_editable_get_text (search_entry (fixture));
  g_autofree char *digits = desk_customer_phone_digits (text);
  GListModel *model = rows (fixture);
  guint n = g_list_model_get_n_items (model);

  g_assert_cmpuint (n, >, 0);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) row = g_list_model_get_item (model, i);

      if (!row_has_number (row, digits))
        g_error ("The list shows a row without “%s” (%u rows)", text, n);
    }
}

/* --- Tests -------------------------------------------------------------------------------- */

/* A scanner types the number and Enter within one frame; the entry's own delay, the
 * pause before the server is asked and the server's answer land in any order. */
static void
test_scan_and_enter (Fixture       *fixture,
                     gconstpointer  data)
{
  wait_settled (fixture);

  for (guint i = 0; i < N_SCANS; i++)
    {
      g_autofree char *phone = NULL;

      if (fixture->tickets)
        gtk_widget_activate_action (GTK_WIDGET (fixture->page), "tickets.close", NULL);
      else
        gtk_widget_activate_action (GTK_WIDGET (fixture->page), "customers.back", NULL);
      gtk_editable_set_text (search_entry (fixture), "");
      wait_settled (fixture);
      phone = phone_of_row (fixture, i * 7);

      gtk_editable_set_text (search_entry (fixture), phone);
      g_signal_emit_by_name (search_entry (fixture), "activate");
      /* A few frames in, and again once the window has drawn what came and everything
       * has answered. */
      g_assert_true (desk_test_wait_for_frames (GTK_WIDGET (fixture->window), i % 5, WAIT_MS));
      wait_settled (fixture);
      wait_drawn (fixture);
      g_test_message ("scan %u: %s", i, phone);
      assert_list_agrees (fixture);
    }
}

/* A label of the page that shows @needle, if one is visible. */
static GtkWidget *
find_label (GtkWidget  *widget,
            const char *needle)
{
  if (!gtk_widget_get_visible (widget))
    return NULL;

  if (GTK_IS_LABEL (widget) && strstr (gtk_label_get_label (GTK_LABEL (widget)), needle) != NULL)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_label (child, needle);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static void
enter (Fixture    *fixture,
       const char *text)
{
  gtk_editable_set_text (search_entry (fixture), text);
  g_signal_emit_by_name (search_entry (fixture), "activate");
  wait_settled (fixture);
  wait_drawn (fixture);
}

/* Enter with no single match says what it found, in place; typing again clears it. */
static void
test_enter_feedback (Fixture       *fixture,
                     gconstpointer  data)
{
  const char *kind = fixture->tickets ? "ticket" : "customer";
  g_autofree char *none = g_strdup_printf ("No %s “T-99999”", kind);
  g_autofree char *many = g_strdup_printf ("%ss match", kind);

  wait_settled (fixture);
  g_assert_null (find_label (GTK_WIDGET (fixture->page), none));

  enter (fixture, "T-99999");
  g_assert_nonnull (find_label (GTK_WIDGET (fixture->page), none));

  enter (fixture, "555");
  g_assert_cmpuint (g_list_model_get_n_items (rows (fixture)), >, 1);
  g_assert_null (find_label (GTK_WIDGET (fixture->page), none));
  g_assert_nonnull (find_label (GTK_WIDGET (fixture->page), many));
  desk_test_save_screenshot (GTK_WIDGET (fixture->window),
                             fixture->tickets ? "tickets-enter-many" : "customers-enter-many");

  gtk_editable_set_text (search_entry (fixture), "55");
  g_assert_null (find_label (GTK_WIDGET (fixture->page), many));
}

static gboolean
record_open (Fixture *fixture)
{
  if (fixture->tickets)
    return desk_ticket_detail_get_ticket (desk_tickets_page_get_detail (DESK_TICKETS_PAGE (fixture->page))) != NULL;

  return desk_customers_page_get_customer (DESK_CUSTOMERS_PAGE (fixture->page)) != NULL;
}

/* Escape in the search closes the open record first, then clears the search, as the
 * Shortcuts window says. */
static void
test_escape (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GObject) row = NULL;

  wait_settled (fixture);
  row = g_list_model_get_item (rows (fixture), 0);
  desk_page_show_record (fixture->page, DESK_RECORD (row));
  g_assert_true (record_open (fixture));

  gtk_editable_set_text (search_entry (fixture), "a");
  wait_settled (fixture);
  g_assert_true (record_open (fixture));

  g_signal_emit_by_name (search_entry (fixture), "stop-search");
  g_assert_false (record_open (fixture));
  g_assert_cmpstr (gtk_editable_get_text (search_entry (fixture)), ==, "a");

  g_signal_emit_by_name (search_entry (fixture), "stop-search");
  g_assert_cmpstr (gtk_editable_get_text (search_entry (fixture)), ==, "");
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

/* A search costs one request to the shared rate budget, unless the user scrolls. */
static void
test_one_request (Fixture       *fixture,
                  gconstpointer  data)
{
  const char *texts[] = { "555", "a", "T-1" };

  wait_settled (fixture);
  wait_frames (GTK_WIDGET (fixture->window));
  wait_settled (fixture);

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      guint requests = desk_sandbox_get_request_count (fixture->sandbox);

      gtk_editable_set_text (search_entry (fixture), texts[i]);
      wait_settled (fixture);
      /* Frames for the list to be laid out, and for any page it would fetch by itself. */
      wait_frames (GTK_WIDGET (fixture->window));
      wait_settled (fixture);
      g_test_message ("“%s”: %u requests", texts[i],
                      desk_sandbox_get_request_count (fixture->sandbox) - requests);
      g_assert_cmpuint (desk_sandbox_get_request_count (fixture->sandbox), ==, requests + 1);
    }
}

static GtkWidget *
find_accessible_label (GtkWidget  *widget,
                       const char *label)
{
  if (gtk_test_accessible_has_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL) &&
      gtk_test_accessible_check_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                          label) == NULL)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_accessible_label (child, label);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* The search field and each row have a name a screen reader can say. */
static void
test_accessible_names (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GObject) row = NULL;
  g_autofree char *name = NULL;

  wait_drawn (fixture);
  g_assert_true (find_accessible_label (GTK_WIDGET (fixture->page),
                                        fixture->tickets ? "Search Tickets" : "Search Customers") ==
                 GTK_WIDGET (search_entry (fixture)));

  if (!fixture->tickets)
    g_assert_true (GTK_IS_BUTTON (find_accessible_label (GTK_WIDGET (fixture->page), "New Customer")));

  row = g_list_model_get_item (rows (fixture), 0);
  if (fixture->tickets)
    name = g_strdup_printf ("Ticket %s, %s", desk_ticket_get_order_id (DESK_TICKET (row)),
                            desk_customer_get_full_name (customer_of (row)));
  else
    {
      g_autofree char *tidy = desk_customer_tidy_name (desk_customer_get_full_name (DESK_CUSTOMER (row)));

      name = g_strdup (tidy);
    }
  g_test_message ("row name: %s", name);
  if (fixture->tickets)
    g_assert_nonnull (find_accessible_label (GTK_WIDGET (fixture->page), name));
  else
    /* A customer row is read by the name; how to reach them is its description. */
    g_assert_nonnull (find_accessible_label (GTK_WIDGET (fixture->page), name));
}

static GtkEventController *
tab_controller (GtkWidget *widget)
{
  for (GtkWidget *w = widget; w != NULL; w = gtk_widget_get_parent (w))
    {
      g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (w);

      for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
        {
          g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

          if (GTK_IS_EVENT_CONTROLLER_KEY (controller) &&
              gtk_event_controller_get_propagation_phase (controller) == GTK_PHASE_CAPTURE &&
              g_strcmp0 (gtk_event_controller_get_name (controller), "desk-results-tab") == 0)
            return controller;
        }
    }

  return NULL;
}

/* Tab from a row of the list leaves the list, whichever row has the focus: the list is
 * one Tab stop, the arrows move inside it. */
static void
test_tab_stop (Fixture       *fixture,
               gconstpointer  data)
{
  GtkWidget *results = desk_test_find_widget (GTK_WIDGET (fixture->page), DESK_TYPE_RESULTS_VIEW);
  GtkWidget *list = desk_results_view_get_child (DESK_RESULTS_VIEW (results));
  GtkWidget *focus;
  GtkEventController *controller;
  gboolean handled = FALSE;

  wait_drawn (fixture);
  g_assert_cmpuint (g_list_model_get_n_items (rows (fixture)), >, 2);
  gtk_widget_grab_focus (list);
  gtk_widget_child_focus (list, GTK_DIR_DOWN);
  focus = gtk_root_get_focus (GTK_ROOT (fixture->window));
  g_assert_true (focus != NULL && gtk_widget_is_ancestor (focus, list));

  controller = tab_controller (focus);
  g_assert_nonnull (controller);
  g_signal_emit_by_name (controller, "key-pressed", GDK_KEY_Tab, 0, 0, &handled);
  g_assert_true (handled);
  focus = gtk_root_get_focus (GTK_ROOT (fixture->window));
  g_assert_nonnull (focus);
  g_assert_false (focus == list || gtk_widget_is_ancestor (focus, list));

  /* And back, from the widget after the list, Shift+Tab comes to the list once. */
  gtk_widget_child_focus (GTK_WIDGET (fixture->window), GTK_DIR_TAB_BACKWARD);
  focus = gtk_root_get_focus (GTK_ROOT (fixture->window));
  g_assert_true (focus != NULL && (focus == list || gtk_widget_is_ancestor (focus, list)));
  g_signal_emit_by_name (tab_controller (focus), "key-pressed", GDK_KEY_ISO_Left_Tab, 0,
                         GDK_SHIFT_MASK, &handled);
  focus = gtk_root_get_focus (GTK_ROOT (fixture->window));
  g_assert_false (focus == list || gtk_widget_is_ancestor (focus, list));
}

/* Each screen at 1280 and 360 px, light and dark, after a search that found several. */
static void
test_screenshot (Fixture       *fixture,
                 gconstpointer  data)
{
  int flags = GPOINTER_TO_INT (data);
  g_autofree char *name = g_strdup_printf ("%s-%s%s", fixture->tickets ? "tickets" : "customers",
                                           (flags & SCREEN_NARROW) != 0 ? "360" : "1280",
                                           (flags & SCREEN_DARK) != 0 ? "-dark" : "");
  g_autofree char *path = NULL;

  wait_settled (fixture);
  enter (fixture, "555");
  path = desk_test_save_screenshot (GTK_WIDGET (fixture->window), name);
  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));
}

/* Front Desk's own styles, which the application loads, so the screenshots show them. */
static void
load_style (void)
{
  g_autoptr(GtkCssProvider) provider = gtk_css_provider_new ();

  gtk_css_provider_load_from_resource (provider, "/io/frontdesk/FrontDesk/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                              GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
}

int
main (int   argc,
      char *argv[])
{
  /* Accessible names are kept, and checked, by GTK's test accessibility backend. */
  g_setenv ("GTK_A11Y", "test", TRUE);
  desk_test_init (&argc, &argv);
  g_object_set (gtk_settings_get_default (), "gtk-cursor-blink", FALSE, NULL);
  load_style ();

#define ADD(path, func) \
  g_test_add ("/search-screens/tickets/" path, Fixture, GINT_TO_POINTER (SCREEN_TICKETS), fixture_set_up, \
              func, fixture_tear_down); \
  g_test_add ("/search-screens/customers/" path, Fixture, GINT_TO_POINTER (0), fixture_set_up, \
              func, fixture_tear_down)

  ADD ("scan-and-enter", test_scan_and_enter);
  ADD ("enter-feedback", test_enter_feedback);
  ADD ("escape", test_escape);
  ADD ("one-request", test_one_request);
  ADD ("accessible-names", test_accessible_names);
  ADD ("tab-stop", test_tab_stop);

  for (int flags = 0; flags < 8; flags++)
    {
      g_autofree char *path = g_strdup_printf ("/search-screens/%s/screenshot-%s%s",
                                               (flags & SCREEN_TICKETS) ? "tickets" : "customers",
                                               (flags & SCREEN_NARROW) ? "360" : "1280",
                                               (flags & SCREEN_DARK) ? "-dark" : "");

      g_test_add (path, Fixture, GINT_TO_POINTER (flags), fixture_set_up, test_screenshot,
                  fixture_tear_down);
    }

  return g_test_run ();
}
