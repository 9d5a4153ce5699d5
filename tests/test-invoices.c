/* test-invoices.c
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "customers/desk-customer-detail.h"
#include "customers/desk-customers-page.h"
#include "desk-sandbox.h"
#include "desk-test-screen.h"
#include "desk-test-utils.h"
#include "desk-window.h"
#include "invoices/desk-invoice-detail.h"
#include "invoices/desk-invoices-page.h"
#include "tickets/desk-ticket-detail.h"
#include "tickets/desk-tickets-page.h"

/* The Invoices screen against an in-process sandbox store: the status and date filters,
 * the search by number and by customer, an invoice's detail, and the ways in from a
 * customer's invoices and a ticket. Screenshots of the list and the detail, wide and at
 * 360 px, go to build/tests/screenshots. */

/* 2026-01-15 12:00 UTC, so that the store is the same whenever the test runs. */
#define TEST_NOW G_GINT64_CONSTANT (1768478400)
#define WAIT_MS 20000

typedef struct
{
  DeskTestScreen     screen;
  DeskInvoicesPage  *page;
  DeskInvoiceDetail *detail;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  DeskInvoiceFilters all = { .status = DESK_INVOICE_FILTER_ANY, .range = DESK_INVOICE_RANGE_ALL };

  desk_test_screen_start (&fixture->screen, "seed", 9, "n-customers", 60, "n-tickets", 80,
                          "n-invoices", 300, "rate-limit", 0, "today", TEST_NOW, NULL);
  g_settings_reset (fixture->screen.settings, "invoice-filters");
  fixture->page = DESK_INVOICES_PAGE (desk_invoices_page_new (fixture->screen.context));
  desk_invoices_page_set_now (fixture->page, TEST_NOW);
  desk_invoices_page_set_filters (fixture->page, &all);
  fixture->detail = DESK_INVOICE_DETAIL (desk_invoices_page_get_detail (fixture->page));
  desk_test_screen_show (&fixture->screen, GTK_WIDGET (fixture->page), 1280, 800);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  desk_test_screen_stop (&fixture->screen);
}

/* --- Helpers ------------------------------------------------------------------------------ */

static gboolean
is_null (gpointer data)
{
  return *(gpointer *) data == NULL;
}

static gboolean
list_settled (gpointer data)
{
  Fixture *fixture = data;

  return !desk_invoices_page_get_searching (fixture->page) &&
         g_strcmp0 (desk_invoices_page_get_state (fixture->page), "loading") != 0;
}

static void
wait_for_list (Fixture *fixture)
{
  g_assert_true (desk_test_wait_for (list_settled, fixture, WAIT_MS));
  g_assert_true (desk_test_wait_for_frames (GTK_WIDGET (fixture->screen.window), 2, WAIT_MS));
}

static gboolean
detail_loaded (gpointer data)
{
  Fixture *fixture = data;
  gint64 due;

  return g_strcmp0 (desk_invoice_detail_get_state (fixture->detail), "loaded") == 0 &&
         desk_invoice_detail_get_amount_due (fixture->detail, &due);
}

static DeskInvoice *
item (Fixture *fixture,
      guint    position)
{
  return g_list_model_get_item (desk_invoices_page_get_model (fixture->page), position);
}

static guint
n_rows (Fixture *fixture)
{
  return g_list_model_get_n_items (desk_invoices_page_get_model (fixture->page));
}

static void
screenshot (Fixture    *fixture,
            int         width,
            const char *name)
{
  g_autofree char *path = NULL;

  g_assert_true (desk_test_resize (fixture->screen.window, width, 800, WAIT_MS));
  /* The leaflet folds and unfolds in a quarter of a second. */
  g_assert_true (desk_test_wait_for_frames (GTK_WIDGET (fixture->screen.window), 30, WAIT_MS));
  path = desk_test_save_screenshot (GTK_WIDGET (fixture->screen.window), name);
  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));
}

/* --- Tests -------------------------------------------------------------------------------- */

/* Every status filter lists invoices of that status only; every row has a known pill. */
static void
test_status_filter (Fixture       *fixture,
                    gconstpointer  data)
{
  const struct { DeskInvoiceStatusFilter filter; DeskInvoiceStatus status; } cases[] = {
    { DESK_INVOICE_FILTER_PAID, DESK_INVOICE_STATUS_PAID },
    { DESK_INVOICE_FILTER_UNPAID, DESK_INVOICE_STATUS_UNPAID },
    { DESK_INVOICE_FILTER_PARTIAL, DESK_INVOICE_STATUS_PARTIAL },
  };
  gint64 n_all;

  wait_for_list (fixture);
  n_all = desk_paged_list_get_n_total (desk_invoices_page_get_list (fixture->page));
  g_assert_cmpuint (n_rows (fixture), >, 0);
  g_assert_cmpstr (desk_invoices_page_get_state (fixture->page), ==, "results");
  screenshot (fixture, 1280, "invoices-list");
  screenshot (fixture, 360, "invoices-list-360");
  desk_test_resize (fixture->screen.window, 1280, 800, WAIT_MS);

  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      DeskInvoiceFilters filters = { .status = cases[c].filter, .range = DESK_INVOICE_RANGE_ALL };
      DeskInvoiceFilters saved;

      desk_invoices_page_set_filters (fixture->page, &filters);
      wait_for_list (fixture);
      g_assert_cmpuint (n_rows (fixture), >, 0);
      g_assert_cmpint (desk_paged_list_get_n_total (desk_invoices_page_get_list (fixture->page)), <,
                       n_all);
      for (guint i = 0; i < n_rows (fixture); i++)
        {
          g_autoptr(DeskInvoice) invoice = item (fixture, i);

          g_assert_cmpint (desk_invoice_status_from_text (desk_invoice_get_status (invoice)), ==,
                           cases[c].status);
        }
      /* Remembered for the next time the screen opens. */
      desk_invoice_filters_load (&saved, g_settings_get_value (fixture->screen.settings, "invoice-filters"));
      g_assert_cmpint (saved.status, ==, cases[c].filter);
    }
}

/* A date preset lists the invoices of those days only, counted from the shop's today. */
static void
test_date_filter (Fixture       *fixture,
                  gconstpointer  data)
{
  DeskInvoiceFilters week = { .status = DESK_INVOICE_FILTER_ANY,
                              .range = DESK_INVOICE_RANGE_LAST_MONTH };
  g_autoptr(GDateTime) now = g_date_time_new_from_unix_local (TEST_NOW);
  const DeskListQuery *query;
  gint64 from, to;
  gint64 n_all;

  wait_for_list (fixture);
  n_all = desk_paged_list_get_n_total (desk_invoices_page_get_list (fixture->page));
  desk_invoices_page_set_filters (fixture->page, &week);
  wait_for_list (fixture);

  g_assert_true (desk_invoice_range_bounds (DESK_INVOICE_RANGE_LAST_MONTH, now, 0, 0, &from, &to));
  query = desk_paged_list_get_query (desk_invoices_page_get_list (fixture->page));
  g_assert_cmpint (query->from_date, ==, from);
  g_assert_cmpint (query->to_date, ==, to);
  g_assert_cmpuint (n_rows (fixture), >, 0);
  g_assert_cmpint (desk_paged_list_get_n_total (desk_invoices_page_get_list (fixture->page)), <, n_all);
  for (guint i = 0; i < n_rows (fixture); i++)
    {
      g_autoptr(DeskInvoice) invoice = item (fixture, i);
      gint64 created = 0;

      g_object_get (invoice, "created", &created, NULL);
      g_assert_cmpint (created, >=, from);
      g_assert_cmpint (created, <=, to);
    }
}

/* Custom Dates asks for the days, and lists those days, the first and last included. */
static void
test_custom_range (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GPtrArray) dropdowns = g_ptr_array_new ();
  g_autoptr(GPtrArray) calendars = g_ptr_array_new ();
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();
  g_autoptr(GDateTime) first = g_date_time_new_local (2025, 12, 1, 9, 0, 0);
  g_autoptr(GDateTime) last = g_date_time_new_local (2025, 12, 31, 9, 0, 0);
  g_autoptr(GDateTime) start = g_date_time_new_local (2025, 12, 1, 0, 0, 0);
  g_autoptr(GDateTime) after = g_date_time_new_local (2026, 1, 1, 0, 0, 0);
  GtkMenuButton *custom = NULL;
  const DeskListQuery *query;
  DeskInvoiceFilters filters;

  wait_for_list (fixture);
  desk_test_find_all (GTK_WIDGET (fixture->page), GTK_TYPE_DROP_DOWN, dropdowns);
  desk_test_find_all (GTK_WIDGET (fixture->page), GTK_TYPE_MENU_BUTTON, buttons);
  g_assert_cmpuint (dropdowns->len, ==, 2);
  g_assert_cmpuint (buttons->len, ==, 1);
  custom = g_ptr_array_index (buttons, 0);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (custom)));

  /* The second drop-down is the date range. */
  gtk_drop_down_set_selected (g_ptr_array_index (dropdowns, 1), DESK_INVOICE_RANGE_CUSTOM);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (custom)));
  desk_test_find_all (GTK_WIDGET (gtk_menu_button_get_popover (custom)), GTK_TYPE_CALENDAR,
                      calendars);
  g_assert_cmpuint (calendars->len, ==, 2);
  gtk_calendar_select_day (g_ptr_array_index (calendars, 0), last);
  gtk_calendar_select_day (g_ptr_array_index (calendars, 1), first);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page),
                                             "invoices.apply-custom-range", NULL));
  wait_for_list (fixture);

  query = desk_paged_list_get_query (desk_invoices_page_get_list (fixture->page));
  g_assert_cmpint (query->from_date, ==, g_date_time_to_unix (start));
  g_assert_cmpint (query->to_date, ==, g_date_time_to_unix (after) - 1);
  g_assert_cmpuint (n_rows (fixture), >, 0);
  for (guint i = 0; i < n_rows (fixture); i++)
    {
      g_autoptr(DeskInvoice) invoice = item (fixture, i);
      gint64 created = 0;

      g_object_get (invoice, "created", &created, NULL);
      g_assert_cmpint (created, >=, query->from_date);
      g_assert_cmpint (created, <=, query->to_date);
    }
  desk_invoices_page_get_filters (fixture->page, &filters);
  g_assert_cmpint (filters.range, ==, DESK_INVOICE_RANGE_CUSTOM);
  g_assert_nonnull (strstr (gtk_menu_button_get_label (custom), "–"));
}

static gboolean
list_failed (gpointer data)
{
  Fixture *fixture = data;

  return g_strcmp0 (desk_invoices_page_get_state (fixture->page), "error") == 0;
}

/* The server fails: the list says so in words, with Retry, which lists the invoices once
 * the server answers again. */
static void
test_error_retry (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GPtrArray) views = g_ptr_array_new ();

  wait_for_list (fixture);
  desk_sandbox_set_fault (fixture->screen.sandbox, DESK_SANDBOX_FAULT_HTTP_500, 1.0);
  desk_page_reload (DESK_PAGE (fixture->page));
  g_assert_true (desk_test_wait_for (list_failed, fixture, WAIT_MS));
  g_assert_nonnull (desk_paged_list_get_error (desk_invoices_page_get_list (fixture->page)));
  screenshot (fixture, 360, "invoices-error-360");

  desk_sandbox_set_fault (fixture->screen.sandbox, DESK_SANDBOX_FAULT_NONE, 0);
  desk_test_find_all (GTK_WIDGET (fixture->page), g_type_from_name ("DeskResultsView"), views);
  g_assert_cmpuint (views->len, ==, 1);
  g_assert_true (gtk_widget_activate_action (g_ptr_array_index (views, 0), "results.retry", NULL));
  wait_for_list (fixture);
  g_assert_cmpstr (desk_invoices_page_get_state (fixture->page), ==, "results");
  g_assert_cmpuint (n_rows (fixture), >, 0);
}

typedef struct
{
  Fixture    *fixture;
  const char *order_id;
} Find;

static gboolean
server_found (gpointer data)
{
  Find *find = data;
  const DeskListQuery *query;

  if (!list_settled (find->fixture))
    return FALSE;
  query = desk_paged_list_get_query (desk_invoices_page_get_list (find->fixture->page));
  return query != NULL && query->keyword != NULL;
}

static gboolean
lists_order (Fixture    *fixture,
             const char *order_id)
{
  for (guint i = 0; i < n_rows (fixture); i++)
    {
      g_autoptr(DeskInvoice) invoice = item (fixture, i);

      if (g_strcmp0 (desk_invoice_get_order_id (invoice), order_id) == 0)
        return TRUE;
    }

  return FALSE;
}

/* Typing narrows the loaded rows at once, by number or by customer; the server's answer
 * then takes their place; Enter with one match opens it. */
static void
test_search (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(DeskInvoice) target = NULL;
  g_autofree char *name = NULL;
  DeskCustomer *customer;
  Find find = { fixture, NULL };

  wait_for_list (fixture);
  target = item (fixture, 3);
  find.order_id = desk_invoice_get_order_id (target);

  desk_invoices_page_set_search_text (fixture->page, find.order_id);
  /* At once, before the server is asked. */
  g_assert_true (lists_order (fixture, find.order_id));
  for (guint i = 0; i < n_rows (fixture); i++)
    {
      g_autoptr(DeskInvoice) invoice = item (fixture, i);

      g_assert_true (strstr (desk_invoice_get_order_id (invoice), find.order_id) != NULL ||
                     desk_invoice_matches (invoice, find.order_id));
    }
  g_assert_true (desk_test_wait_for (server_found, &find, WAIT_MS));
  g_assert_true (lists_order (fixture, find.order_id));
  screenshot (fixture, 360, "invoices-search-360");

  /* By customer. */
  customer = desk_invoice_get_customer (target);
  g_assert_nonnull (customer);
  name = g_strdup (desk_customer_get_full_name (customer));
  desk_invoices_page_set_search_text (fixture->page, name);
  g_assert_true (desk_test_wait_for (server_found, &find, WAIT_MS));
  g_assert_true (lists_order (fixture, find.order_id));
  for (guint i = 0; i < n_rows (fixture); i++)
    {
      g_autoptr(DeskInvoice) invoice = item (fixture, i);
      g_autofree char *folded = g_utf8_casefold (name, -1);

      g_assert_true (desk_invoice_matches (invoice, folded));
    }

  /* Nothing: the empty state. */
  desk_invoices_page_set_search_text (fixture->page, "no such invoice zzz");
  g_assert_true (desk_test_wait_for (server_found, &find, WAIT_MS));
  g_assert_cmpuint (n_rows (fixture), ==, 0);
  g_assert_cmpstr (desk_invoices_page_get_state (fixture->page), ==, "empty");
}

static GtkWidget *
find_row (GtkWidget  *widget,
          const char *title)
{
  if (ADW_IS_PREFERENCES_ROW (widget) &&
      g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_row (child, title);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static const char *
row_value (GtkWidget *row)
{
  /* The value is the last label of the row's suffixes. */
  GtkWidget *last = NULL;

  for (GtkWidget *w = gtk_widget_get_first_child (row); w != NULL; w = gtk_widget_get_first_child (w))
    for (GtkWidget *s = w; s != NULL; s = gtk_widget_get_next_sibling (s))
      if (GTK_IS_BOX (s))
        for (GtkWidget *c = gtk_widget_get_first_child (s); c != NULL; c = gtk_widget_get_next_sibling (c))
          if (GTK_IS_LABEL (c) && gtk_widget_has_css_class (c, "numeric"))
            last = c;

  return last != NULL ? gtk_label_get_label (GTK_LABEL (last)) : NULL;
}

/* The detail: items, totals, payments and the amount due the server gives. */
static void
test_detail (Fixture       *fixture,
             gconstpointer  data)
{
  GListModel *model = desk_invoices_page_get_model (fixture->page);
  GtkWidget *content = desk_invoice_detail_get_content (fixture->detail);
  g_autoptr(DeskInvoice) entry = NULL;
  DeskInvoice *invoice;
  g_autofree char *due_text = NULL;
  gint64 due = 0;
  guint position = 0;

  wait_for_list (fixture);
  /* One with a payment, so that every part of the detail shows. */
  for (; position < g_list_model_get_n_items (model); position++)
    {
      g_autoptr(DeskInvoice) candidate = item (fixture, position);

      if (desk_invoice_get_amount_paid (candidate) > 0 && desk_invoice_get_amount_due (candidate) > 0)
        break;
    }
  g_assert_cmpuint (position, <, g_list_model_get_n_items (model));
  entry = item (fixture, position);

  desk_invoices_page_open_position (fixture->page, position);
  g_assert_true (desk_test_wait_for (detail_loaded, fixture, WAIT_MS));
  invoice = desk_invoice_detail_get_invoice (fixture->detail);
  g_assert_cmpint (desk_invoice_get_id (invoice), ==, desk_invoice_get_id (entry));
  g_assert_cmpuint (g_list_model_get_n_items (desk_invoice_get_items (invoice)), >, 0);
  g_assert_cmpuint (g_list_model_get_n_items (desk_invoice_get_payments (invoice)), >, 0);

  g_assert_true (desk_invoice_detail_get_amount_due (fixture->detail, &due));
  g_assert_cmpint (due, ==, desk_invoice_get_total (invoice) - desk_invoice_get_amount_paid (invoice));
  due_text = desk_money_format (due, desk_record_get_currency (DESK_RECORD (invoice)));
  g_assert_nonnull (find_row (content, "Amount Due"));
  g_assert_cmpstr (row_value (find_row (content, "Amount Due")), ==, due_text);
  g_assert_nonnull (find_row (content, "Subtotal"));
  g_assert_nonnull (find_row (content, "Tax"));
  g_assert_nonnull (find_row (content, "Discount"));
  {
    g_autoptr(DeskInvoiceItem) first = g_list_model_get_item (desk_invoice_get_items (invoice), 0);

    g_assert_nonnull (find_row (content, desk_invoice_item_get_name (first)));
  }
  screenshot (fixture, 1280, "invoice-detail");
  screenshot (fixture, 360, "invoice-detail-360");
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
  screenshot (fixture, 1280, "invoice-detail-dark");
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);
}

/* --- The ways in, in the window ----------------------------------------------------------- */

static gboolean
window_invoice_shown (gpointer data)
{
  DeskWindow *window = data;
  DeskPage *page = desk_window_get_page (window, "invoices");
  DeskInvoiceDetail *detail;
  gint64 due;

  if (page == NULL)
    return FALSE;
  detail = DESK_INVOICE_DETAIL (desk_invoices_page_get_detail (DESK_INVOICES_PAGE (page)));
  return g_strcmp0 (desk_invoice_detail_get_state (detail), "loaded") == 0 &&
         desk_invoice_detail_get_amount_due (detail, &due);
}

static gboolean
customer_invoices_listed (gpointer data)
{
  return g_list_model_get_n_items (desk_customer_detail_get_invoices (data)) > 0;
}

static gboolean
ticket_shown (gpointer data)
{
  DeskTicketDetail *detail = desk_tickets_page_get_detail (data);

  return desk_ticket_detail_get_ticket (detail) != NULL &&
         desk_ticket_detail_get_row (detail, 0, "status") != NULL;
}

static GtkWidget *
find_named (GtkWidget  *widget,
            const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (widget), name) == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_named (child, name);

      if (found != NULL)
        return found;
    }

  return NULL;
}

typedef struct
{
  DeskWindow *window;
  gint64      id;
} InvoiceWait;

static gboolean
window_shows_invoice (gpointer data)
{
  InvoiceWait *wait = data;
  DeskPage *page = desk_window_get_page (wait->window, "invoices");
  DeskInvoiceDetail *detail = DESK_INVOICE_DETAIL (desk_invoices_page_get_detail (DESK_INVOICES_PAGE (page)));
  DeskInvoice *invoice = desk_invoice_detail_get_invoice (detail);

  return window_invoice_shown (wait->window) && invoice != NULL &&
         desk_invoice_get_id (invoice) == wait->id;
}

/* A customer's invoice opens on this screen; its ticket opens on the Tickets screen. */
static void
test_links (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(DeskInvoice) entry = NULL;
  DeskWindow *window;
  DeskPage *customers;
  DeskPage *invoices;
  DeskPage *tickets;
  DeskCustomerDetail *customer_detail;
  DeskInvoiceDetail *detail;
  GtkWidget *ticket_row;
  gpointer weak;
  gint64 ticket_id = 0;
  guint position = 0;

  wait_for_list (fixture);
  for (; position < n_rows (fixture); position++)
    {
      g_clear_object (&entry);
      entry = item (fixture, position);
      g_object_get (entry, "ticket-id", &ticket_id, NULL);
      if (ticket_id > 0 && desk_invoice_get_customer (entry) != NULL)
        break;
    }
  g_assert_cmpint (ticket_id, >, 0);

  desk_context_set_session_api_key (fixture->screen.context, DESK_SANDBOX_DEMO_API_KEY);
  window = desk_window_new (NULL, fixture->screen.context);
  weak = window;
  g_object_add_weak_pointer (G_OBJECT (window), &weak);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));

  /* From the customer's invoices. */
  desk_window_show_section (window, "customers");
  customers = desk_window_get_page (window, "customers");
  g_assert_nonnull (customers);
  desk_page_show_record (customers, DESK_RECORD (desk_invoice_get_customer (entry)));
  customer_detail = DESK_CUSTOMER_DETAIL (desk_customers_page_get_detail (DESK_CUSTOMERS_PAGE (customers)));
  g_assert_true (desk_test_wait_for (customer_invoices_listed, customer_detail, WAIT_MS));
  desk_customer_detail_open_related (customer_detail, DESK_TYPE_INVOICE, 0);
  g_assert_true (desk_test_wait_for (window_invoice_shown, window, WAIT_MS));
  invoices = desk_window_get_page (window, "invoices");
  detail = DESK_INVOICE_DETAIL (desk_invoices_page_get_detail (DESK_INVOICES_PAGE (invoices)));
  g_assert_cmpint (desk_invoice_get_customer_id (desk_invoice_detail_get_invoice (detail)), ==,
                   desk_invoice_get_customer_id (entry));

  /* To the ticket, in one click. */
  desk_invoices_page_show_invoice_id (DESK_INVOICES_PAGE (invoices), desk_invoice_get_id (entry));
  g_assert_true (desk_test_wait_for (window_invoice_shown, window, WAIT_MS));
  ticket_row = find_named (desk_invoice_detail_get_content (detail), "ticket-row");
  g_assert_nonnull (ticket_row);
  g_assert_true (gtk_widget_activate (ticket_row));
  tickets = desk_window_get_page (window, "tickets");
  g_assert_nonnull (tickets);
  g_assert_true (desk_test_wait_for (ticket_shown, tickets, WAIT_MS));
  g_assert_cmpint (desk_ticket_get_id (desk_ticket_detail_get_ticket (desk_tickets_page_get_detail (DESK_TICKETS_PAGE (tickets)))),
                   ==, ticket_id);

  /* And back from the ticket to its invoice. */
  {
    GtkWidget *link = find_named (GTK_WIDGET (desk_tickets_page_get_detail (DESK_TICKETS_PAGE (tickets))),
                                  "invoice-link");
    InvoiceWait wait = { window, desk_invoice_get_id (entry) };

    g_assert_nonnull (link);
    desk_invoices_page_show_invoice_id (DESK_INVOICES_PAGE (invoices), 0);
    g_assert_true (gtk_widget_activate (link));
    g_assert_true (desk_test_wait_for (window_shows_invoice, &wait, WAIT_MS));
    g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (gtk_widget_get_parent (gtk_widget_get_parent (GTK_WIDGET (invoices))))),
                     ==, "invoices");
  }

  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_true (desk_test_wait_for (is_null, &weak, WAIT_MS));
}

int
main (int   argc,
      char *argv[])
{
  desk_test_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add ("/invoices/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("status-filter", test_status_filter);
  ADD ("date-filter", test_date_filter);
  ADD ("custom-range", test_custom_range);
  ADD ("error-retry", test_error_retry);
  ADD ("search", test_search);
  ADD ("detail", test_detail);
  ADD ("links", test_links);
#undef ADD

  return g_test_run ();
}
