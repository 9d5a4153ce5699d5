/* test-tickets-page.c
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <libsoup/soup.h>

#include "desk-choice-button.h"
#include "desk-results-view.h"
#include "desk-sandbox.h"
#include "desk-test-utils.h"
#include "desk-ticket-match.h"
#include "tickets/desk-tickets-page.h"

/* The Tickets screen alone, against a small in-process sandbox store. */

/* 2026-01-15 12:00 UTC, so that "today" has the same tickets whenever the test runs. */
#define TEST_NOW G_GINT64_CONSTANT (1768478400)
#define WAIT_MS 15000

typedef struct
{
  DeskSandbox     *sandbox;
  DeskApiClient   *client;
  DeskCatalog     *catalog;
  GSettings       *settings;
  DeskContext     *context;
  GtkWindow       *window;
  DeskTicketsPage *page;
  GPtrArray       *messages;
} Fixture;

static void
message_cb (DeskTicketDetail *detail,
            const char       *text,
            Fixture          *fixture)
{
  g_ptr_array_add (fixture->messages, g_strdup (text));
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->sandbox = g_object_new (DESK_TYPE_SANDBOX,
                                   "seed", 5, "n-customers", 60, "n-tickets", 400,
                                   "n-invoices", 20, "rate-limit", 0, "today", TEST_NOW, NULL);
  desk_sandbox_start (fixture->sandbox, 0, &error);
  g_assert_no_error (error);

  fixture->client = desk_api_client_new (desk_sandbox_get_url (fixture->sandbox),
                                         DESK_SANDBOX_DEMO_API_KEY);
  fixture->catalog = desk_catalog_new (fixture->client);
  fixture->settings = g_settings_new ("io.frontdesk.FrontDesk");
  /* The memory backend lives as long as the process: start from no remembered filters. */
  g_settings_reset (fixture->settings, "ticket-filters");
  fixture->messages = g_ptr_array_new_with_free_func (g_free);
  fixture->context = desk_context_new_for_client (fixture->settings, fixture->client,
                                                  fixture->catalog);

  fixture->page = DESK_TICKETS_PAGE (desk_tickets_page_new (fixture->context));
  g_signal_connect (desk_tickets_page_get_detail (fixture->page), "message",
                    G_CALLBACK (message_cb), fixture);

  fixture->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (fixture->window, 1400, 800);
  gtk_window_set_child (fixture->window, GTK_WIDGET (fixture->page));
  gtk_window_present (fixture->window);
}


static gboolean
is_null (gpointer data)
{
  return *(gpointer *) data == NULL;
}

/* The page, and with it its lists and their requests, is freed with its window. */
static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  GtkWindow *dialog;
  gpointer page = fixture->page;

  g_object_add_weak_pointer (page, &page);
  while ((dialog = desk_test_find_window (ADW_TYPE_MESSAGE_DIALOG)) != NULL)
    gtk_window_destroy (dialog);
  gtk_window_destroy (fixture->window);
  g_assert_true (desk_test_wait_for (is_null, &page, WAIT_MS));
  g_clear_pointer (&fixture->messages, g_ptr_array_unref);
  g_assert_finalize_object (fixture->context);
  fixture->context = NULL;
  g_clear_object (&fixture->settings);
  g_clear_object (&fixture->catalog);
  g_clear_object (&fixture->client);
  desk_sandbox_stop (fixture->sandbox);
  g_clear_object (&fixture->sandbox);
}

/* --- Helpers ------------------------------------------------------------------------------- */

static gboolean
list_settled (gpointer data)
{
  Fixture *fixture = data;
  DeskPagedList *list = desk_tickets_page_get_list (fixture->page);

  return !desk_tickets_page_get_searching (fixture->page) &&
         desk_paged_list_get_n_pages (list) > 0 && !desk_paged_list_get_loading (list) &&
         desk_catalog_is_loaded (fixture->catalog, DESK_CATALOG_STATUSES) &&
         desk_catalog_is_loaded (fixture->catalog, DESK_CATALOG_EMPLOYEES);
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
list_settled_and_quiet (gpointer data)
{
  return list_settled (data) && client_quiet (data);
}

static void
wait_for_list (Fixture *fixture)
{
  g_assert_true (desk_test_wait_for (list_settled_and_quiet, fixture, WAIT_MS));
}

/* Where something asked for would be on its way: the window has laid out and drawn what
 * it shows, and then the client has had its answers. */
static void
wait_until_quiet (Fixture *fixture)
{
  g_assert_true (desk_test_wait_for_frames (GTK_WIDGET (fixture->window), 2, WAIT_MS));
  g_assert_true (desk_test_wait_for (client_quiet, fixture, WAIT_MS));
}

static guint
n_rows (Fixture *fixture)
{
  return g_list_model_get_n_items (desk_tickets_page_get_rows (fixture->page));
}

static DeskTicket *
row (Fixture *fixture,
     guint    position)
{
  g_autoptr(DeskTicket) ticket = g_list_model_get_item (desk_tickets_page_get_rows (fixture->page),
                                                        position);

  /* The list keeps its rows alive. */
  g_assert_nonnull (ticket);
  return ticket;
}

static const char *
results_state (Fixture *fixture)
{
  return desk_results_view_get_state (desk_tickets_page_get_results (fixture->page));
}

static void
set_range (Fixture         *fixture,
           DeskTicketRange  range)
{
  DeskTicketFilters filters = { 0, };

  filters.range = range;
  desk_tickets_page_set_filters (fixture->page, &filters);
  wait_for_list (fixture);
}

static void
type_text (Fixture    *fixture,
           const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (desk_tickets_page_get_search_entry (fixture->page)), text);
}

static void
press_enter (Fixture *fixture)
{
  g_signal_emit_by_name (desk_tickets_page_get_search_entry (fixture->page), "activate");
}

static gboolean
detail_ready (gpointer data)
{
  Fixture *fixture = data;
  DeskTicketDetail *detail = desk_tickets_page_get_detail (fixture->page);

  return desk_ticket_detail_get_ticket (detail) != NULL && !desk_ticket_detail_get_busy (detail);
}

static DeskTicket *
wait_for_detail (Fixture *fixture)
{
  g_assert_true (desk_test_wait_for (detail_ready, fixture, WAIT_MS));
  return desk_ticket_detail_get_ticket (desk_tickets_page_get_detail (fixture->page));
}

static void
screenshot (Fixture    *fixture,
            int         width,
            const char *name)
{
  g_autofree char *path = NULL;

  g_assert_true (desk_test_resize (fixture->window, width, width < 600 ? 720 : 800, WAIT_MS));
  path = desk_test_save_screenshot (GTK_WIDGET (fixture->window), name);
  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));
}

/* --- Tests --------------------------------------------------------------------------------- */

static void
test_open_today (Fixture       *fixture,
                 gconstpointer  data)
{
  const DeskListQuery *query;

  wait_for_list (fixture);
  query = desk_paged_list_get_query (desk_tickets_page_get_list (fixture->page));
  g_assert_cmpint (query->filter, ==, DESK_LIST_FILTER_UNSET);
  g_assert_cmpuint (n_rows (fixture), >, 0);
  for (guint i = 0; i < n_rows (fixture); i++)
    g_assert_nonnull (desk_ticket_get_order_id (row (fixture, i)));
  screenshot (fixture, 1400, "tickets-list-wide");
  screenshot (fixture, 360, "tickets-list-narrow");
}

static void
test_filter_ranges (Fixture       *fixture,
                    gconstpointer  data)
{
  static const DeskListFilter expected[] = {
    [DESK_TICKET_RANGE_TODAY] = DESK_LIST_FILTER_UNSET,
    [DESK_TICKET_RANGE_YESTERDAY] = DESK_LIST_FILTER_YESTERDAY,
    [DESK_TICKET_RANGE_LAST_WEEK] = DESK_LIST_FILTER_LAST_WEEK,
    [DESK_TICKET_RANGE_LAST_MONTH] = DESK_LIST_FILTER_LAST_MONTH,
    [DESK_TICKET_RANGE_ALL] = DESK_LIST_FILTER_ALL,
  };
  gint64 previous_total = 0;

  wait_for_list (fixture);
  for (guint range = DESK_TICKET_RANGE_YESTERDAY; range <= DESK_TICKET_RANGE_ALL; range++)
    {
      DeskPagedList *list;
      g_autoptr(GVariant) saved = NULL;
      const char *name = NULL;

      set_range (fixture, range);
      list = desk_tickets_page_get_list (fixture->page);
      g_assert_cmpint (desk_paged_list_get_query (list)->filter, ==, expected[range]);
      /* Each wider range holds at least the tickets of the narrower one. */
      g_assert_cmpint (desk_paged_list_get_n_total (list), >=, previous_total);
      previous_total = desk_paged_list_get_n_total (list);

      saved = g_settings_get_value (fixture->settings, "ticket-filters");
      g_assert_true (g_variant_lookup (saved, "range", "&s", &name));
      g_assert_cmpstr (name, ==, desk_ticket_range_to_string (range));
    }
  g_assert_cmpint (previous_total, ==, 400);
}

static void
test_filter_custom_range (Fixture       *fixture,
                          gconstpointer  data)
{
  DeskTicketFilters filters = { 0, };

  filters.range = DESK_TICKET_RANGE_CUSTOM;
  filters.from_date = TEST_NOW - 20 * 24 * 3600;
  filters.to_date = TEST_NOW - 10 * 24 * 3600;
  desk_tickets_page_set_filters (fixture->page, &filters);
  wait_for_list (fixture);

  g_assert_cmpuint (n_rows (fixture), >, 0);
  for (guint i = 0; i < n_rows (fixture); i++)
    {
      gint64 created = desk_ticket_get_created (row (fixture, i));

      g_assert_cmpint (created, >=, filters.from_date);
      g_assert_cmpint (created, <=, filters.to_date);
    }
}

static GtkWidget *
find_by_tooltip (GtkWidget  *widget,
                 const char *tooltip)
{
  if (g_strcmp0 (gtk_widget_get_tooltip_text (widget), tooltip) == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_by_tooltip (child, tooltip);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* The due dates' cells: labels that answer a tooltip query rather than hold a tooltip. */
static void
collect_due_labels (GtkWidget *widget,
                    GPtrArray *overdue,
                    GPtrArray *others)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_has_tooltip (widget) &&
      gtk_widget_get_tooltip_text (widget) == NULL)
    g_ptr_array_add (gtk_widget_has_css_class (widget, "error") ? overdue : others, widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_due_labels (child, overdue, others);
}

static gboolean
query_tooltip (GtkWidget *label)
{
  g_autoptr(GtkTooltip) tooltip = g_object_new (GTK_TYPE_TOOLTIP, NULL);
  gboolean shown = FALSE;

  g_signal_emit_by_name (label, "query-tooltip", 1, 1, FALSE, tooltip, &shown);
  return shown;
}

/* An overdue date (the sandbox's tickets are dated around TEST_NOW, in the past) is red
 * and says "Overdue" when the pointer rests on it; a closed ticket's or one with no date
 * says nothing. The tooltip is asked for, never set row by row. */
static void
test_overdue_tooltip (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GPtrArray) overdue = g_ptr_array_new ();
  g_autoptr(GPtrArray) others = g_ptr_array_new ();

  wait_for_list (fixture);
  set_range (fixture, DESK_TICKET_RANGE_ALL);
  wait_for_list (fixture);
  desk_test_wait_for_frames (GTK_WIDGET (fixture->page), 2, WAIT_MS);

  collect_due_labels (GTK_WIDGET (fixture->page), overdue, others);
  g_assert_cmpuint (overdue->len, >, 0);
  g_assert_cmpuint (others->len, >, 0);
  for (guint i = 0; i < overdue->len; i++)
    g_assert_true (query_tooltip (g_ptr_array_index (overdue, i)));
  for (guint i = 0; i < others->len; i++)
    g_assert_false (query_tooltip (g_ptr_array_index (others, i)));
}

static gboolean
any_device (DeskTicket *ticket,
            const char *property,
            GValue     *want)
{
  GListModel *devices = desk_ticket_get_devices (ticket);

  for (guint i = 0; i < g_list_model_get_n_items (devices); i++)
    {
      g_autoptr(GObject) device = g_list_model_get_item (devices, i);
      g_auto(GValue) value = G_VALUE_INIT;

      g_value_init (&value, G_VALUE_TYPE (want));
      g_object_get_property (device, property, &value);
      if (g_param_values_cmp (g_object_class_find_property (G_OBJECT_GET_CLASS (device), property),
                              &value, want) == 0)
        return TRUE;
    }

  return FALSE;
}

static void
test_filter_status_people (Fixture       *fixture,
                           gconstpointer  data)
{
  DeskTicketFilters filters = { 0, };
  g_auto(GValue) status = G_VALUE_INIT;
  g_auto(GValue) technician = G_VALUE_INIT;
  g_autoptr(DeskNamedItem) employee = NULL;
  g_autoptr(DeskTicketsPage) again = NULL;

  wait_for_list (fixture);
  employee = g_list_model_get_item (desk_catalog_get_model (fixture->catalog,
                                                            DESK_CATALOG_EMPLOYEES), 0);
  g_value_init (&status, G_TYPE_STRING);
  g_value_set_string (&status, "In Progress");
  g_value_init (&technician, G_TYPE_INT64);
  g_value_set_int64 (&technician, desk_named_item_get_id (employee));

  filters.range = DESK_TICKET_RANGE_ALL;
  filters.status = (char *) "In Progress";
  desk_tickets_page_set_filters (fixture->page, &filters);
  wait_for_list (fixture);
  g_assert_cmpuint (n_rows (fixture), >, 0);
  for (guint i = 0; i < n_rows (fixture); i++)
    g_assert_true (any_device (row (fixture, i), "status", &status));

  filters.status = NULL;
  filters.assigned_to = desk_named_item_get_id (employee);
  desk_tickets_page_set_filters (fixture->page, &filters);
  wait_for_list (fixture);
  g_assert_cmpuint (n_rows (fixture), >, 0);
  for (guint i = 0; i < n_rows (fixture); i++)
    g_assert_true (any_device (row (fixture, i), "assigned-to-id", &technician));

  filters.assigned_to = 0;
  filters.created_by = desk_named_item_get_id (employee);
  desk_tickets_page_set_filters (fixture->page, &filters);
  wait_for_list (fixture);
  g_assert_cmpuint (n_rows (fixture), >, 0);
  for (guint i = 0; i < n_rows (fixture); i++)
    {
      gint64 created_by = 0;

      g_object_get (row (fixture, i), "created-by-id", &created_by, NULL);
      g_assert_cmpint (created_by, ==, desk_named_item_get_id (employee));
    }

  /* The dropdown is the user's way in: its first entry is "anyone". */
  desk_choice_button_set_selected (DESK_CHOICE_BUTTON (find_by_tooltip (GTK_WIDGET (fixture->page),
                                                                       "Created By")), 0);
  wait_for_list (fixture);
  g_assert_cmpint (desk_tickets_page_get_filters (fixture->page)->created_by, ==, 0);
  desk_choice_button_set_selected (DESK_CHOICE_BUTTON (find_by_tooltip (GTK_WIDGET (fixture->page),
                                                                       "Created By")), 1);
  wait_for_list (fixture);
  /* A new page starts from the remembered filters. */
  again = g_object_ref_sink (DESK_TICKETS_PAGE (desk_tickets_page_new (fixture->context)));
  g_assert_cmpint (desk_tickets_page_get_filters (again)->range, ==, DESK_TICKET_RANGE_ALL);
  g_assert_cmpint (desk_tickets_page_get_filters (again)->created_by, ==,
                   desk_named_item_get_id (employee));
}

/* Loads every ticket of the store, for tests that need one with a given property. */
static void
load_all (Fixture *fixture)
{
  DeskPagedList *list;

  set_range (fixture, DESK_TICKET_RANGE_ALL);
  list = desk_tickets_page_get_list (fixture->page);
  while (desk_paged_list_get_has_more (list))
    {
      desk_paged_list_load_more (list);
      wait_for_list (fixture);
    }
  g_assert_cmpuint (n_rows (fixture), ==, 400);
}

static void
test_search_local_then_server (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autofree char *prefix = NULL;
  DeskTicket *first;
  DeskPagedList *list;
  guint pages;

  set_range (fixture, DESK_TICKET_RANGE_ALL);
  first = row (fixture, 0);
  prefix = g_strndup (desk_ticket_get_order_id (first), strlen (desk_ticket_get_order_id (first)) - 1);

  /* At once, before any request: only loaded rows that match. */
  list = desk_tickets_page_get_list (fixture->page);
  pages = desk_paged_list_get_n_pages (list);
  type_text (fixture, prefix);
  g_assert_true (desk_tickets_page_get_searching (fixture->page));
  /* The few matching rows do not fill the view, which must not fetch the whole list. */
  wait_for_list (fixture);
  wait_until_quiet (fixture);
  g_assert_cmpuint (desk_paged_list_get_n_pages (list), ==, pages);
  g_assert_cmpuint (n_rows (fixture), >, 0);
  for (guint i = 0; i < n_rows (fixture); i++)
    g_assert_true (g_str_has_prefix (desk_ticket_get_order_id (row (fixture, i)), prefix) ||
                   desk_ticket_matches (row (fixture, i), prefix));

  /* Then the server's answer replaces them. */
  wait_for_list (fixture);
  list = desk_tickets_page_get_list (fixture->page);
  g_assert_cmpstr (desk_paged_list_get_query (list)->keyword, ==, prefix);
  g_assert_cmpuint (n_rows (fixture), >, 0);

  /* A name search, and clearing the search goes back to the browsing list. */
  type_text (fixture, desk_customer_get_first_name (desk_ticket_get_customer (first)));
  wait_for_list (fixture);
  g_assert_cmpuint (n_rows (fixture), >, 0);
  type_text (fixture, "");
  g_assert_null (desk_paged_list_get_query (desk_tickets_page_get_list (fixture->page))->keyword);
}

static void
test_search_nothing (Fixture       *fixture,
                     gconstpointer  data)
{
  wait_for_list (fixture);
  type_text (fixture, "no such ticket anywhere");
  wait_for_list (fixture);
  g_assert_cmpuint (n_rows (fixture), ==, 0);
  g_assert_cmpstr (results_state (fixture), ==, "empty");
  screenshot (fixture, 1400, "tickets-search-empty");
}

static void
open_by_enter (Fixture    *fixture,
               const char *text,
               const char *want_order_id)
{
  DeskTicket *opened;

  /* Nothing open, and the list scrolled to other tickets: as at the counter. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->page), "tickets.close", NULL);
  type_text (fixture, "");
  type_text (fixture, text);
  press_enter (fixture);
  opened = wait_for_detail (fixture);
  g_assert_cmpstr (desk_ticket_get_order_id (opened), ==, want_order_id);
}

static DeskTicketDevice *
first_device (DeskTicket *ticket)
{
  g_autoptr(DeskTicketDevice) device = g_list_model_get_item (desk_ticket_get_devices (ticket), 0);

  return device;
}

static void
test_enter_opens_one (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GHashTable) phones = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(DeskTicket) by_order = NULL;
  g_autoptr(DeskTicket) by_imei = NULL;
  g_autoptr(DeskTicket) by_phone = NULL;
  g_autofree char *imei = NULL;

  load_all (fixture);
  for (guint i = 0; i < n_rows (fixture); i++)
    {
      DeskTicket *ticket = row (fixture, i);
      const char *mobile = desk_customer_get_mobile (desk_ticket_get_customer (ticket));
      g_autofree char *device_imei = NULL;

      g_object_get (first_device (ticket), "imei", &device_imei, NULL);
      if (by_imei == NULL && device_imei != NULL && strlen (device_imei) == 15)
        {
          by_imei = g_object_ref (ticket);
          imei = g_steal_pointer (&device_imei);
        }
      if (mobile != NULL && *mobile != '\0')
        g_hash_table_insert (phones, g_strdup (mobile),
                             GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (phones, mobile)) + 1));
    }
  for (guint i = 0; i < n_rows (fixture) && by_phone == NULL; i++)
    {
      DeskTicket *ticket = row (fixture, i);
      const char *mobile = desk_customer_get_mobile (desk_ticket_get_customer (ticket));

      if (mobile != NULL && GPOINTER_TO_UINT (g_hash_table_lookup (phones, mobile)) == 1)
        by_phone = g_object_ref (ticket);
    }
  by_order = g_object_ref (row (fixture, n_rows (fixture) - 1));
  g_assert_nonnull (by_imei);
  g_assert_nonnull (by_phone);

  /* The browsing list goes back to today's tickets: the scanned ones are not loaded. */
  set_range (fixture, DESK_TICKET_RANGE_TODAY);
  open_by_enter (fixture, desk_ticket_get_order_id (by_order), desk_ticket_get_order_id (by_order));
  open_by_enter (fixture, imei, desk_ticket_get_order_id (by_imei));
  open_by_enter (fixture, desk_customer_get_mobile (desk_ticket_get_customer (by_phone)),
                 desk_ticket_get_order_id (by_phone));
}

static void
test_enter_many_opens_none (Fixture       *fixture,
                            gconstpointer  data)
{
  wait_for_list (fixture);
  /* "T-1" is in many order ids and is none of them. */
  type_text (fixture, "T-1");
  press_enter (fixture);
  wait_for_list (fixture);
  wait_until_quiet (fixture);
  g_assert_cmpuint (n_rows (fixture), >, 1);
  g_assert_null (desk_ticket_detail_get_ticket (desk_tickets_page_get_detail (fixture->page)));
}

static void
open_first (Fixture *fixture)
{
  set_range (fixture, DESK_TICKET_RANGE_ALL);
  desk_tickets_page_open (fixture->page, row (fixture, 0));
  wait_for_detail (fixture);
}

static void
test_detail (Fixture       *fixture,
             gconstpointer  data)
{
  DeskTicket *ticket;
  gint64 total = 0;

  open_first (fixture);
  ticket = desk_ticket_detail_get_ticket (desk_tickets_page_get_detail (fixture->page));
  /* The detail is the whole ticket, read from the server, not the list entry. */
  g_assert_true (ticket != row (fixture, 0));
  g_assert_cmpint (desk_ticket_get_id (ticket), ==, desk_ticket_get_id (row (fixture, 0)));
  g_object_get (ticket, "subtotal", &total, NULL);
  g_assert_cmpint (desk_ticket_get_total (ticket), >=, 0);
  g_assert_cmpuint (g_list_model_get_n_items (desk_ticket_get_history (ticket)), >, 0);
  screenshot (fixture, 1400, "tickets-detail-wide");
  screenshot (fixture, 360, "tickets-detail-narrow");

  /* Escape closes the detail, then clears the search. */
  type_text (fixture, "T-");
  gtk_widget_activate_action (GTK_WIDGET (fixture->page), "tickets.escape", NULL);
  g_assert_null (desk_ticket_detail_get_ticket (desk_tickets_page_get_detail (fixture->page)));
  gtk_widget_activate_action (GTK_WIDGET (fixture->page), "tickets.escape", NULL);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (desk_tickets_page_get_search_entry (fixture->page))),
                   ==, "");
  screenshot (fixture, 360, "tickets-list-narrow-after-back");
}

static gboolean
search_focused (gpointer data)
{
  Fixture *fixture = data;
  GtkWidget *entry = desk_tickets_page_get_search_entry (fixture->page);
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (fixture->window));

  return gtk_widget_is_focus (entry) || (focus != NULL && gtk_widget_is_ancestor (focus, entry));
}

static void
test_find_focuses_search (Fixture       *fixture,
                          gconstpointer  data)
{
  wait_for_list (fixture);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "tickets.find", NULL));
  g_assert_true (desk_test_wait_for (search_focused, fixture, WAIT_MS));
  g_assert_true (gtk_widget_is_focus (desk_tickets_page_get_search_entry (fixture->page)) ||
                 gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (fixture->window)),
                                         desk_tickets_page_get_search_entry (fixture->page)));
}

static void
change_device (Fixture    *fixture,
               const char *property,
               GValue     *value)
{
  desk_ticket_detail_change_device (desk_tickets_page_get_detail (fixture->page), 0, property, value);
}

static const char *
detail_status (Fixture *fixture)
{
  DeskTicket *ticket = desk_ticket_detail_get_ticket (desk_tickets_page_get_detail (fixture->page));

  return desk_ticket_device_get_status (first_device (ticket));
}

static gboolean
ready_for_pickup (gpointer data)
{
  Fixture *fixture = data;
  DeskTicketDetail *detail = desk_tickets_page_get_detail (fixture->page);

  return desk_ticket_detail_get_ticket (detail) != NULL && !desk_ticket_detail_get_busy (detail) &&
         g_strcmp0 (detail_status (fixture), "Ready for Pickup") == 0;
}

static void
test_change_status (Fixture       *fixture,
                    gconstpointer  data)
{
  g_auto(GValue) value = G_VALUE_INIT;
  AdwMessageDialog *dialog;
  guint requests;

  open_first (fixture);
  g_value_init (&value, G_TYPE_STRING);

  /* A status that texts nobody is sent at once, read back and shown in the list too. */
  g_value_set_string (&value, "Waiting for Parts");
  change_device (fixture, "status", &value);
  wait_for_detail (fixture);
  g_assert_cmpstr (detail_status (fixture), ==, "Waiting for Parts");
  g_assert_cmpstr (desk_ticket_first_status (row (fixture, 0)), ==, "Waiting for Parts");
  g_assert_cmpstr (g_ptr_array_index (fixture->messages, fixture->messages->len - 1), ==, "Saved");

  /* One that may text the customer asks first; Cancel sends nothing. */
  requests = desk_sandbox_get_request_count (fixture->sandbox);
  g_value_set_string (&value, "Ready for Pickup");
  change_device (fixture, "status", &value);
  g_assert_true (desk_test_wait_for_window (ADW_TYPE_MESSAGE_DIALOG, WAIT_MS));
  dialog = ADW_MESSAGE_DIALOG (desk_test_find_window (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_cmpstr (adw_message_dialog_get_body (dialog), ==,
                   "This may send the customer a text message.");
  desk_test_save_screenshot (GTK_WIDGET (dialog), "tickets-status-warning");
  adw_message_dialog_response (dialog, "cancel");
  gtk_window_destroy (GTK_WINDOW (dialog));
  wait_until_quiet (fixture);
  g_assert_cmpuint (desk_sandbox_get_request_count (fixture->sandbox), ==, requests);
  g_assert_cmpstr (detail_status (fixture), ==, "Waiting for Parts");

  /* Confirmed, it is sent. */
  change_device (fixture, "status", &value);
  g_assert_true (desk_test_wait_for_window (ADW_TYPE_MESSAGE_DIALOG, WAIT_MS));
  dialog = ADW_MESSAGE_DIALOG (desk_test_find_window (ADW_TYPE_MESSAGE_DIALOG));
  adw_message_dialog_response (dialog, "change");
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_true (desk_test_wait_for (ready_for_pickup, fixture, WAIT_MS));
  wait_for_detail (fixture);
  g_assert_cmpstr (detail_status (fixture), ==, "Ready for Pickup");
}

static void
test_change_technician_and_imei (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autoptr(DeskNamedItem) employee = NULL;
  g_auto(GValue) id = G_VALUE_INIT;
  g_auto(GValue) imei = G_VALUE_INIT;
  gint64 held_id = 0;
  g_autofree char *held_imei = NULL;
  g_autofree char *row_name = NULL;

  open_first (fixture);
  employee = g_list_model_get_item (desk_catalog_get_model (fixture->catalog,
                                                            DESK_CATALOG_EMPLOYEES), 2);
  g_value_init (&id, G_TYPE_INT64);
  g_value_set_int64 (&id, desk_named_item_get_id (employee));
  change_device (fixture, "assigned-to-id", &id);
  wait_for_detail (fixture);
  g_object_get (first_device (desk_ticket_detail_get_ticket (desk_tickets_page_get_detail (fixture->page))),
                "assigned-to-id", &held_id, NULL);
  g_assert_cmpint (held_id, ==, desk_named_item_get_id (employee));
  row_name = desk_ticket_technician (row (fixture, 0));
  g_assert_cmpstr (row_name, ==, desk_named_item_get_name (employee));

  g_value_init (&imei, G_TYPE_STRING);
  g_value_set_string (&imei, "356938035643809");
  change_device (fixture, "imei", &imei);
  wait_for_detail (fixture);
  g_object_get (first_device (desk_ticket_detail_get_ticket (desk_tickets_page_get_detail (fixture->page))),
                "imei", &held_imei, NULL);
  g_assert_cmpstr (held_imei, ==, "356938035643809");
}

static gboolean
saved_said (gpointer data)
{
  Fixture *fixture = data;

  return fixture->messages->len > 0 &&
         g_str_has_suffix (g_ptr_array_index (fixture->messages, fixture->messages->len - 1),
                           " saved");
}

/* Opening another ticket while a change is on its way neither loses the change nor its
 * outcome: the list row takes what the server holds, the detail stays on the new ticket. */
static void
test_change_then_open_another (Fixture       *fixture,
                               gconstpointer  data)
{
  g_auto(GValue) value = G_VALUE_INIT;
  g_autoptr(DeskTicket) changed = NULL;
  DeskTicket *other;

  open_first (fixture);
  changed = g_object_ref (row (fixture, 0));
  other = row (fixture, 1);
  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, "Waiting for Parts");

  desk_sandbox_set_route_latency (fixture->sandbox, "tickets", 600);
  g_ptr_array_set_size (fixture->messages, 0);
  change_device (fixture, "status", &value);
  desk_tickets_page_open (fixture->page, other);
  g_assert_true (desk_test_wait_for (saved_said, fixture, WAIT_MS));
  desk_sandbox_set_route_latency (fixture->sandbox, "tickets", 0);

  g_assert_true (g_str_has_prefix (g_ptr_array_index (fixture->messages, fixture->messages->len - 1),
                                   desk_ticket_get_order_id (changed)));
  g_assert_cmpstr (desk_ticket_first_status (row (fixture, 0)), ==, "Waiting for Parts");
  g_assert_cmpint (desk_ticket_get_id (wait_for_detail (fixture)), ==, desk_ticket_get_id (other));
}

static void
test_convert_once (Fixture       *fixture,
                   gconstpointer  data)
{
  DeskTicketDetail *detail = desk_tickets_page_get_detail (fixture->page);
  AdwMessageDialog *dialog;
  DeskTicket *ticket = NULL;
  gboolean has_invoice = TRUE;
  guint requests;

  set_range (fixture, DESK_TICKET_RANGE_ALL);
  for (guint i = 0; i < n_rows (fixture) && has_invoice; i++)
    {
      gint64 invoice_id = 0;

      ticket = row (fixture, i);
      g_object_get (ticket, "has-invoice", &has_invoice, "invoice-id", &invoice_id, NULL);
      has_invoice = has_invoice || invoice_id > 0;
    }
  g_assert_false (has_invoice);

  desk_tickets_page_open (fixture->page, ticket);
  wait_for_detail (fixture);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (detail), "detail.convert", NULL));
  /* The button asks first: Cancel sends nothing, Convert converts. */
  requests = desk_sandbox_get_request_count (fixture->sandbox);
  g_assert_true (desk_test_wait_for_window (ADW_TYPE_MESSAGE_DIALOG, WAIT_MS));
  dialog = ADW_MESSAGE_DIALOG (desk_test_find_window (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_cmpstr (adw_message_dialog_get_default_response (dialog), ==, "cancel");
  adw_message_dialog_response (dialog, "cancel");
  gtk_window_destroy (GTK_WINDOW (dialog));
  wait_until_quiet (fixture);
  g_assert_cmpuint (desk_sandbox_get_request_count (fixture->sandbox), ==, requests);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (detail), "detail.convert", NULL));
  g_assert_true (desk_test_wait_for_window (ADW_TYPE_MESSAGE_DIALOG, WAIT_MS));
  dialog = ADW_MESSAGE_DIALOG (desk_test_find_window (ADW_TYPE_MESSAGE_DIALOG));
  adw_message_dialog_response (dialog, "convert");
  gtk_window_destroy (GTK_WINDOW (dialog));
  wait_for_detail (fixture);
  g_assert_true (g_str_has_prefix (g_ptr_array_index (fixture->messages, fixture->messages->len - 1),
                                   "Invoice "));
  screenshot (fixture, 1400, "tickets-converted");

  /* Never twice: the action is off, and calling it anyway sends nothing. */
  requests = desk_sandbox_get_request_count (fixture->sandbox);
  desk_ticket_detail_convert (detail);
  gtk_widget_activate_action (GTK_WIDGET (detail), "detail.convert", NULL);
  g_assert_false (desk_ticket_detail_get_busy (detail));
  g_assert_null (desk_test_find_window (ADW_TYPE_MESSAGE_DIALOG));
  wait_until_quiet (fixture);
  g_assert_cmpuint (desk_sandbox_get_request_count (fixture->sandbox), ==, requests);
}

static gboolean
results_show_error (gpointer data)
{
  Fixture *fixture = data;

  return g_strcmp0 (results_state (fixture), "error") == 0 &&
         !desk_paged_list_get_loading (desk_tickets_page_get_list (fixture->page));
}

static void
test_errors (Fixture       *fixture,
             gconstpointer  data)
{
  DeskTicketDetail *detail = desk_tickets_page_get_detail (fixture->page);
  DeskTicketFilters filters = { 0, };

  wait_for_list (fixture);
  desk_api_client_set_max_retries (fixture->client, 0);

  /* The list: an error state with Retry, for each kind of broken reply. */
  for (DeskSandboxFault fault = DESK_SANDBOX_FAULT_HTTP_500;
       fault <= DESK_SANDBOX_FAULT_TRUNCATED_JSON; fault++)
    {
      desk_sandbox_set_fault (fixture->sandbox, fault, 1.0);
      filters.range = fault % 2 == 0 ? DESK_TICKET_RANGE_LAST_WEEK : DESK_TICKET_RANGE_LAST_MONTH;
      desk_tickets_page_set_filters (fixture->page, &filters);
      g_assert_true (desk_test_wait_for (results_show_error, fixture, WAIT_MS));
    }
  screenshot (fixture, 1400, "tickets-error");

  desk_sandbox_set_fault (fixture->sandbox, DESK_SANDBOX_FAULT_NONE, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (desk_tickets_page_get_results (fixture->page)),
                                             "results.retry", NULL));
  wait_for_list (fixture);
  g_assert_cmpstr (results_state (fixture), ==, "results");

  /* The detail: its own error with Retry, and a refused change says so. */
  desk_sandbox_set_fault (fixture->sandbox, DESK_SANDBOX_FAULT_HTTP_500, 1.0);
  desk_tickets_page_open (fixture->page, row (fixture, 0));
  g_assert_true (desk_test_wait_for (detail_ready, fixture, WAIT_MS));
  desk_sandbox_set_fault (fixture->sandbox, DESK_SANDBOX_FAULT_NONE, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (detail), "detail.reload", NULL));
  wait_for_detail (fixture);

  desk_sandbox_set_fault (fixture->sandbox, DESK_SANDBOX_FAULT_HTML_502, 1.0);
  {
    g_auto(GValue) value = G_VALUE_INIT;

    g_value_init (&value, G_TYPE_STRING);
    g_value_set_string (&value, "In Progress");
    change_device (fixture, "status", &value);
  }
  wait_for_detail (fixture);
  g_assert_true (g_str_has_prefix (desk_ticket_detail_get_unsaved (detail),
                                   "The change to Status may not have been saved"));
  desk_sandbox_set_fault (fixture->sandbox, DESK_SANDBOX_FAULT_NONE, 0);
}


static gboolean
shows_text (GtkWidget  *widget,
            const char *title)
{
  if (ADW_IS_STATUS_PAGE (widget) && gtk_widget_is_drawable (widget) &&
      g_strcmp0 (adw_status_page_get_title (ADW_STATUS_PAGE (widget)), title) == 0)
    return TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (shows_text (child, title))
      return TRUE;

  return FALSE;
}

typedef struct
{
  Fixture    *fixture;
  const char *title;
} EmptyWant;

static gboolean
shows_empty (gpointer data)
{
  EmptyWant *want = data;

  return g_strcmp0 (results_state (want->fixture), "empty") == 0 &&
         shows_text (GTK_WIDGET (want->fixture->page), want->title);
}

/* The results view shows @title once its crossfade has made the status page drawable. */
static void
wait_for_empty (Fixture    *fixture,
                const char *title)
{
  EmptyWant want = { fixture, title };

  g_assert_true (desk_test_wait_for (shows_empty, &want, WAIT_MS));
}

static void
test_empty_today (Fixture       *fixture,
                  gconstpointer  data)
{
  DeskTicketFilters filters = { 0, };

  wait_for_list (fixture);
  g_assert_cmpuint (n_rows (fixture), >, 0);

  /* A day of the store before its first ticket. */
  filters.range = DESK_TICKET_RANGE_CUSTOM;
  filters.from_date = TEST_NOW - 4 * 365 * 24 * 3600;
  filters.to_date = filters.from_date + 24 * 3600;
  desk_tickets_page_set_filters (fixture->page, &filters);
  wait_for_list (fixture);
  wait_for_empty (fixture, "No Tickets Found");
  g_assert_cmpstr (results_state (fixture), ==, "empty");
  g_assert_true (shows_text (GTK_WIDGET (fixture->page), "No Tickets Found"));
}

static void
test_empty_today_text (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DeskSandbox) sandbox = g_object_new (DESK_TYPE_SANDBOX, "seed", 5, "n-customers", 5,
                                                 "n-tickets", 0, "n-invoices", 0,
                                                 "rate-limit", 0, "today", TEST_NOW, NULL);
  g_autoptr(DeskApiClient) client = NULL;
  g_autoptr(DeskCatalog) catalog = NULL;
  g_autoptr(GSettings) settings = g_settings_new ("io.frontdesk.FrontDesk");
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  Fixture fixture = { 0, };

  g_settings_reset (settings, "ticket-filters");
  desk_sandbox_start (sandbox, 0, &error);
  g_assert_no_error (error);
  client = desk_api_client_new (desk_sandbox_get_url (sandbox), DESK_SANDBOX_DEMO_API_KEY);
  catalog = desk_catalog_new (client);
  fixture.catalog = catalog;
  fixture.client = client;
  fixture.context = desk_context_new_for_client (settings, client, catalog);
  fixture.page = DESK_TICKETS_PAGE (desk_tickets_page_new (fixture.context));
  gtk_window_set_child (window, GTK_WIDGET (fixture.page));
  gtk_window_present (window);

  wait_for_list (&fixture);
  wait_for_empty (&fixture, "No Tickets Today");
  g_assert_cmpstr (results_state (&fixture), ==, "empty");
  g_assert_true (shows_text (GTK_WIDGET (fixture.page), "No Tickets Today"));
  desk_test_save_screenshot (GTK_WIDGET (window), "tickets-empty-today");

  gtk_window_destroy (window);
  g_clear_object (&fixture.context);
  desk_sandbox_stop (sandbox);
}

/* --- A server that answers a PUT with success and keeps the ticket as it was ---------- */

#define STUBBORN_TICKET \
  "{\"success\":true,\"statusCode\":200,\"message\":\"OK\",\"data\":{" \
  "\"summary\":{\"id\":7001,\"order_id\":\"T-7001\",\"customer\":{\"cid\":0}}," \
  "\"devices\":[{\"id\":8001,\"device\":{\"id\":5,\"name\":\"Pixel 8\"}," \
  "\"status\":{\"name\":\"Pending\"},\"imei\":\"356938035643809\"}]}}"

static void
stubborn_cb (SoupServer        *server,
             SoupServerMessage *msg,
             const char        *path,
             GHashTable        *query,
             gpointer           user_data)
{
  guint *n_puts = user_data;
  const char *reply = STUBBORN_TICKET;

  if (g_str_equal (soup_server_message_get_method (msg), "PUT"))
    {
      (*n_puts)++;
      reply = "{\"success\":true,\"statusCode\":200,\"message\":\"Ticket was Updated "
              "successfully\",\"data\":{\"id\":7001}}";
    }

  soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
  soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_COPY, reply,
                                    strlen (reply));
}

static void
detail_message_cb (DeskTicketDetail *detail,
                   const char       *text,
                   char            **last)
{
  g_free (*last);
  *last = g_strdup (text);
}

static gboolean
detail_idle (gpointer data)
{
  DeskTicketDetail *detail = data;

  return desk_ticket_detail_get_ticket (detail) != NULL && !desk_ticket_detail_get_busy (detail);
}

static void
test_put_not_applied (void)
{
  g_autoptr(SoupServer) server = soup_server_new (NULL, NULL);
  g_autoptr(DeskApiClient) client = NULL;
  g_autoptr(DeskCatalog) catalog = NULL;
  g_autoptr(DeskTicket) ticket = desk_ticket_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *last = NULL;
  g_auto(GValue) status = G_VALUE_INIT;
  g_autofree char *url = NULL;
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  DeskTicketDetail *detail;
  guint n_puts = 0;
  GSList *uris;

  soup_server_add_handler (server, NULL, stubborn_cb, &n_puts, NULL);
  soup_server_listen_local (server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error);
  g_assert_no_error (error);
  uris = soup_server_get_uris (server);
  url = g_strdup_printf ("http://127.0.0.1:%d/api/web/v1/", g_uri_get_port (uris->data));
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);

  client = desk_api_client_new (url, "stub-key");
  catalog = desk_catalog_new (client);
  detail = g_object_new (DESK_TYPE_TICKET_DETAIL, "client", client, "catalog", catalog, NULL);
  g_signal_connect (detail, "message", G_CALLBACK (detail_message_cb), &last);
  gtk_window_set_child (window, GTK_WIDGET (detail));
  gtk_window_present (window);

  g_object_set (ticket, "id", (gint64) 7001, NULL);
  desk_ticket_detail_show_ticket (detail, ticket);
  g_assert_true (desk_test_wait_for (detail_idle, detail, WAIT_MS));

  /* "Waiting for Parts" texts nobody, so it goes without asking. */
  g_value_init (&status, G_TYPE_STRING);
  g_value_set_string (&status, "Waiting for Parts");
  desk_ticket_detail_change_device (detail, 0, "status", &status);
  g_assert_true (desk_test_wait_for (detail_idle, detail, WAIT_MS));

  g_assert_cmpuint (n_puts, ==, 1);
  g_assert_nonnull (last);
  g_assert_true (strstr (last, "holds something else") != NULL);
  /* What is shown is what the server holds. */
  g_assert_cmpstr (desk_ticket_device_get_status (first_device (desk_ticket_detail_get_ticket (detail))),
                   ==, "Pending");

  gtk_window_destroy (window);
}

typedef struct
{
  Fixture    *fixture;
  const char *order_id;
} Wanted;

static gboolean
row_with_order_id (gpointer data)
{
  Wanted *wanted = data;
  GListModel *rows = desk_tickets_page_get_rows (wanted->fixture->page);

  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(DeskTicket) ticket = g_list_model_get_item (rows, i);

      if (g_strcmp0 (desk_ticket_get_order_id (ticket), wanted->order_id) == 0)
        return TRUE;
    }

  return FALSE;
}

static void
created_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  DeskTicket **created = user_data;

  g_assert_cmpint (desk_writer_submit_finish (DESK_WRITER (object), result, (gpointer *) created,
                                              NULL), ==, DESK_FATE_SAVED);
}

static gboolean
is_set (gpointer data)
{
  return *(gpointer *) data != NULL;
}

static gboolean
devices_loaded (gpointer data)
{
  return desk_catalog_is_loaded (data, DESK_CATALOG_DEVICES);
}

/* A ticket created through the one write path (the intake screen's Create) joins the list
 * without a reload by hand. */
static void
test_created_ticket_listed (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(DeskTicket) ticket = desk_ticket_new ();
  g_autoptr(DeskTicketDevice) device = desk_ticket_device_new ();
  g_autoptr(DeskChange) change = NULL;
  g_autoptr(DeskTicket) created = NULL;
  Wanted wanted = { fixture, NULL };

  GListModel *models = desk_catalog_get_model (fixture->catalog, DESK_CATALOG_DEVICES);
  g_autoptr(DeskNamedItem) model = NULL;

  wait_for_list (fixture);
  g_assert_true (desk_test_wait_for (devices_loaded, fixture->catalog, WAIT_MS));
  model = g_list_model_get_item (models, 0);
  g_object_set (device, "device-id", desk_named_item_get_id (model), "imei", "490154203237518",
                "status", "Pending", NULL);
  desk_ticket_add_device (ticket, device);
  change = desk_change_new_create_ticket (ticket);
  desk_writer_submit_async (desk_context_get_writer (fixture->context), change, NULL, created_cb,
                            &created);
  g_assert_true (desk_test_wait_for (is_set, &created, WAIT_MS));

  wanted.order_id = desk_ticket_get_order_id (created);
  g_assert_false (row_with_order_id (&wanted));
  g_assert_true (desk_test_wait_for (row_with_order_id, &wanted, WAIT_MS));
}

int
main (int   argc,
      char *argv[])
{
  desk_test_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add ("/tickets-page/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("open-today", test_open_today);
  ADD ("filter/ranges", test_filter_ranges);
  ADD ("filter/custom-range", test_filter_custom_range);
  ADD ("filter/status-technician-creator", test_filter_status_people);
  ADD ("search/local-then-server", test_search_local_then_server);
  ADD ("search/nothing", test_search_nothing);
  ADD ("empty-range", test_empty_today);
  ADD ("search/enter-opens-one", test_enter_opens_one);
  ADD ("search/enter-many-opens-none", test_enter_many_opens_none);
  ADD ("detail", test_detail);
  ADD ("keyboard/find", test_find_focuses_search);
  ADD ("change/status", test_change_status);
  ADD ("change/technician-imei", test_change_technician_and_imei);
  ADD ("convert-once", test_convert_once);
  ADD ("change-then-open-another", test_change_then_open_another);
  ADD ("errors", test_errors);
  ADD ("created-ticket-listed", test_created_ticket_listed);
  ADD ("overdue-tooltip", test_overdue_tooltip);

#undef ADD

  g_test_add_func ("/ticket-detail/put-not-applied", test_put_not_applied);
  g_test_add_func ("/tickets-page-empty/today", test_empty_today_text);

  return g_test_run ();
}
