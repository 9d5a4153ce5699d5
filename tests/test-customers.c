/* test-customers.c
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "desk-customer-check.h"
#include "customers/desk-customer-detail.h"
#include "customers/desk-customer-editor.h"
#include "customers/desk-customers-page.h"
#include "desk-application.h"
#include "desk-sandbox.h"
#include "desk-window.h"
#include "tickets/desk-tickets-page.h"
#include "desk-test-utils.h"
#include "widgets/desk-activity-indicator.h"

/* 2026-01-15 12:00 UTC, so that the store is the same whenever the test runs. */
#define TEST_NOW G_GINT64_CONSTANT (1768478400)
#define WAIT_MS 10000
#define N_BURST 14

typedef struct
{
  DeskSandbox       *sandbox;
  DeskApiClient     *client;
  GSettings         *settings;
  GtkWindow         *window;
  DeskCustomersPage *page;
  GSimpleAction     *show_ticket;
  gint64             shown_ticket;
} Fixture;

static void
show_ticket_cb (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  Fixture *fixture = user_data;

  fixture->shown_ticket = g_variant_get_int64 (parameter);
}

static DeskApiClient *
client_new (DeskSandbox *sandbox,
            DeskClock   *clock)
{
  return g_object_new (DESK_TYPE_API_CLIENT, "base-url", desk_sandbox_get_url (sandbox),
                       "api-key", DESK_SANDBOX_DEMO_API_KEY, "max-retries", 0,
                       "clock", clock, NULL);
}

static DeskSandbox *
sandbox_start (void)
{
  g_autoptr(GError) error = NULL;
  DeskSandbox *sandbox = g_object_new (DESK_TYPE_SANDBOX,
                                       "seed", 11, "n-customers", 120, "n-tickets", 300,
                                       "n-invoices", 80, "rate-limit", 0, "today", TEST_NOW,
                                       NULL);

  desk_sandbox_start (sandbox, 0, &error);
  g_assert_no_error (error);

  return sandbox;
}

static void
open_page (Fixture *fixture,
           int      width)
{
  g_autoptr(GSimpleActionGroup) group = g_simple_action_group_new ();

  g_autoptr(DeskContext) context = desk_context_new_for_client (fixture->settings,
                                                                fixture->client, NULL);

  fixture->page = DESK_CUSTOMERS_PAGE (desk_customers_page_new (context));
  fixture->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (fixture->window, width, 720);
  gtk_window_set_child (fixture->window, GTK_WIDGET (fixture->page));

  /* What the tickets screen does with a ticket id is its own business: here it is noted. */
  fixture->show_ticket = g_simple_action_new ("show-ticket", G_VARIANT_TYPE_INT64);
  g_signal_connect (fixture->show_ticket, "activate", G_CALLBACK (show_ticket_cb), fixture);
  g_action_map_add_action (G_ACTION_MAP (group), G_ACTION (fixture->show_ticket));
  gtk_widget_insert_action_group (GTK_WIDGET (fixture->window), "win", G_ACTION_GROUP (group));
  gtk_window_present (fixture->window);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->sandbox = sandbox_start ();
  fixture->client = client_new (fixture->sandbox, NULL);
  fixture->settings = g_settings_new (APP_ID);
  open_page (fixture, GPOINTER_TO_INT (data) != 0 ? GPOINTER_TO_INT (data) : 1100);
}


static gboolean
is_null (gpointer data)
{
  return *(gpointer *) data == NULL;
}

/* The page, its editor and its lists are freed with its window. */
static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gpointer page = fixture->page;

  g_object_add_weak_pointer (page, &page);
  gtk_window_destroy (fixture->window);
  g_assert_true (desk_test_wait_for (is_null, &page, WAIT_MS));
  g_clear_object (&fixture->show_ticket);
  g_clear_object (&fixture->settings);
  g_clear_object (&fixture->client);
  desk_sandbox_stop (fixture->sandbox);
  g_clear_object (&fixture->sandbox);
}

static gboolean
page_settled (gpointer data)
{
  Fixture *fixture = data;

  return !desk_customers_page_get_searching (fixture->page) &&
         g_strcmp0 (desk_customers_page_get_state (fixture->page), "loading") != 0;
}

static void
wait_settled (Fixture *fixture)
{
  g_assert_true (desk_test_wait_for (page_settled, fixture, WAIT_MS));
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

static void
screenshot (GtkWidget  *widget,
            const char *name)
{
  g_autofree char *path = NULL;

  path = desk_test_save_screenshot (widget, name);
  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));
}

static DeskCustomer *
model_item (Fixture *fixture,
            guint    position)
{
  return g_list_model_get_item (desk_customers_page_get_model (fixture->page), position);
}

static guint
model_size (Fixture *fixture)
{
  return g_list_model_get_n_items (desk_customers_page_get_model (fixture->page));
}

/* A customer of the store with a phone, an e-mail address and a last name of its own. */
static DeskCustomer *
pick_customer (Fixture *fixture)
{
  for (guint i = 0; i < model_size (fixture); i++)
    {
      g_autoptr(DeskCustomer) customer = model_item (fixture, i);
      const char *phone = desk_customer_get_phone (customer);
      const char *email = desk_customer_get_email (customer);

      if (phone != NULL && strlen (phone) >= 7 && email != NULL && *email != '\0')
        return g_steal_pointer (&customer);
    }

  g_assert_not_reached ();
}

typedef gboolean (*WidgetTest) (GtkWidget *widget,
                                gconstpointer data);

/* The first widget at or below @root that passes @test. */
static GtkWidget *
find_in_tree (GtkWidget     *root,
              WidgetTest     test,
              gconstpointer  data)
{
  if (test (root, data))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_in_tree (child, test, data);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static gboolean
is_of_type (GtkWidget     *widget,
            gconstpointer  data)
{
  return G_TYPE_CHECK_INSTANCE_TYPE (widget, *(const GType *) data);
}

static GtkWidget *
find_widget (GtkWidget *root,
             GType      type)
{
  return find_in_tree (root, is_of_type, &type);
}

static gboolean
has_customer (Fixture *fixture,
              gint64   id)
{
  for (guint i = 0; i < model_size (fixture); i++)
    {
      g_autoptr(DeskCustomer) customer = model_item (fixture, i);

      if (desk_customer_get_id (customer) == id)
        return TRUE;
    }

  return FALSE;
}

static void
test_open (Fixture       *fixture,
           gconstpointer  data)
{
  wait_settled (fixture);
  g_assert_cmpstr (desk_customers_page_get_state (fixture->page), ==, "results");
  g_assert_cmpuint (model_size (fixture), >=, 25);
  g_assert_null (desk_customers_page_get_customer (fixture->page));
  screenshot (GTK_WIDGET (fixture->window), "customers-list-wide");
}

/* What is typed narrows the loaded rows at once, before the server has been asked. */
static void
search_and_check (Fixture      *fixture,
                  const char   *text,
                  DeskCustomer *want)
{
  g_autofree char *name = g_strdup (desk_customer_get_full_name (want));

  desk_customers_page_set_search_text (fixture->page, text);
  g_assert_true (desk_customers_page_get_searching (fixture->page));
  g_assert_true (has_customer (fixture, desk_customer_get_id (want)));
  g_assert_cmpuint (model_size (fixture), <, 25);

  wait_settled (fixture);
  g_assert_cmpstr (desk_customers_page_get_state (fixture->page), ==, "results");
  g_assert_true (has_customer (fixture, desk_customer_get_id (want)));
  g_test_message ("'%s' found %u customers, among them %s", text, model_size (fixture), name);
}

static void
test_search (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(DeskCustomer) customer = NULL;
  g_autofree char *last_name = NULL;

  wait_settled (fixture);
  customer = pick_customer (fixture);
  last_name = g_strdup (strrchr (desk_customer_get_full_name (customer), ' ') + 1);

  search_and_check (fixture, last_name, customer);
  /* Every row holds the name typed, in the name, the e-mail address or the organization. */
  for (guint i = 0; i < model_size (fixture); i++)
    {
      g_autoptr(DeskCustomer) found = model_item (fixture, i);
      g_autofree char *org = NULL;
      g_autofree char *text = NULL;
      g_autofree char *folded = NULL;
      g_autofree char *want = g_utf8_casefold (last_name, -1);

      g_object_get (found, "organization", &org, NULL);
      text = g_strjoin (" ", desk_customer_get_full_name (found),
                        desk_customer_get_email (found) ? desk_customer_get_email (found) : "",
                        org ? org : "", NULL);
      folded = g_utf8_casefold (text, -1);
      g_assert_nonnull (strstr (folded, want));
    }
  screenshot (GTK_WIDGET (fixture->window), "customers-search-name");

  desk_customers_page_set_search_text (fixture->page, NULL);
  wait_settled (fixture);
  search_and_check (fixture, desk_customer_get_phone (customer), customer);
  desk_customers_page_set_search_text (fixture->page, NULL);
  wait_settled (fixture);
  search_and_check (fixture, desk_customer_get_email (customer), customer);
  g_assert_cmpuint (model_size (fixture), ==, 1);
}

static void
test_search_nothing (Fixture       *fixture,
                     gconstpointer  data)
{
  wait_settled (fixture);
  desk_customers_page_set_search_text (fixture->page, "zzz-nobody-by-this-name");
  wait_settled (fixture);
  g_assert_cmpstr (desk_customers_page_get_state (fixture->page), ==, "empty");
  screenshot (GTK_WIDGET (fixture->window), "customers-empty");
}

/* The full record is shown, read after the list entry: list entries lack the address and
 * more, so the form opens only on the record read. */
static gboolean
customer_shown (gpointer data)
{
  Fixture *fixture = data;
  DeskCustomer *customer = desk_customers_page_get_customer (fixture->page);

  if (customer == NULL)
    return FALSE;

  for (guint i = 0; i < model_size (fixture); i++)
    {
      g_autoptr(DeskCustomer) row = model_item (fixture, i);

      if (row == customer)
        return FALSE;
    }

  return TRUE;
}

/* Enter with exactly one match opens it, even before the server has answered. */
static void
test_enter_opens_single (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(DeskCustomer) customer = NULL;
  GtkWidget *entry;

  wait_settled (fixture);
  customer = pick_customer (fixture);
  entry = find_widget (GTK_WIDGET (fixture->page), GTK_TYPE_SEARCH_ENTRY);
  desk_customers_page_set_search_text (fixture->page, desk_customer_get_email (customer));
  g_signal_emit_by_name (entry, "activate");

  g_assert_true (desk_test_wait_for (customer_shown, fixture, WAIT_MS));
  g_assert_cmpint (desk_customer_get_id (desk_customers_page_get_customer (fixture->page)), ==,
                   desk_customer_get_id (customer));
}

static gboolean
referral_is (DeskCustomer *customer,
             const char   *want)
{
  g_autofree char *referral = NULL;

  g_object_get (customer, "referred-by", &referral, NULL);
  return g_strcmp0 (referral, want) == 0;
}

static void
test_referred_by (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GVariant) saved = NULL;
  const char *referral = NULL;

  wait_settled (fixture);
  desk_customers_page_set_referred_by (fixture->page, "Google");
  wait_settled (fixture);
  g_assert_cmpstr (desk_customers_page_get_state (fixture->page), ==, "results");
  g_assert_cmpuint (model_size (fixture), >, 0);
  for (guint i = 0; i < model_size (fixture); i++)
    {
      g_autoptr(DeskCustomer) customer = model_item (fixture, i);

      g_assert_true (referral_is (customer, "Google"));
    }
  screenshot (GTK_WIDGET (fixture->window), "customers-referred-by");

  /* Remembered: a page opened later starts with the same filter. */
  saved = g_settings_get_value (fixture->settings, "customer-filters");
  g_assert_true (g_variant_lookup (saved, "referred-by", "&s", &referral));
  g_assert_cmpstr (referral, ==, "Google");

  gtk_window_destroy (fixture->window);
  g_clear_object (&fixture->show_ticket);
  open_page (fixture, 1100);
  g_assert_cmpstr (desk_customers_page_get_referred_by (fixture->page), ==, "Google");
  wait_settled (fixture);
  for (guint i = 0; i < model_size (fixture); i++)
    {
      g_autoptr(DeskCustomer) customer = model_item (fixture, i);

      g_assert_true (referral_is (customer, "Google"));
    }

  desk_customers_page_set_referred_by (fixture->page, NULL);
  wait_settled (fixture);
  g_assert_cmpuint (model_size (fixture), >=, 25);
}

static gboolean
tickets_loaded (gpointer data)
{
  Fixture *fixture = data;
  DeskCustomerDetail *detail = DESK_CUSTOMER_DETAIL (desk_customers_page_get_detail (fixture->page));

  return g_list_model_get_n_items (desk_customer_detail_get_tickets (detail)) > 0;
}

/* A customer who has tickets: found through the tickets list itself. */
static DeskCustomer *
customer_with_tickets (Fixture *fixture)
{
  g_autoptr(DeskPagedList) tickets = desk_paged_list_new (fixture->client, DESK_PAGED_LIST_TICKETS);
  g_autoptr(DeskListQuery) query = desk_list_query_new ();
  g_autoptr(DeskTicket) ticket = NULL;

  query->filter = DESK_LIST_FILTER_ALL;
  query->page_size = 10;
  desk_paged_list_set_query (tickets, query);
  while (desk_paged_list_get_loading (tickets))
    g_main_context_iteration (NULL, TRUE);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (tickets)); i++)
    {
      g_clear_object (&ticket);
      ticket = g_list_model_get_item (G_LIST_MODEL (tickets), i);
      if (desk_ticket_get_customer_id (ticket) > 0)
        return g_object_ref (desk_ticket_get_customer (ticket));
    }

  g_assert_not_reached ();
}

static void
test_details (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(DeskCustomer) customer = NULL;
  DeskCustomerDetail *detail;
  DeskCustomer *shown;
  g_autoptr(DeskTicket) ticket = NULL;

  wait_settled (fixture);
  customer = customer_with_tickets (fixture);
  desk_customers_page_show_customer (fixture->page, customer);
  g_assert_true (desk_test_wait_for (customer_shown, fixture, WAIT_MS));
  g_assert_true (desk_test_wait_for (tickets_loaded, fixture, WAIT_MS));

  detail = DESK_CUSTOMER_DETAIL (desk_customers_page_get_detail (fixture->page));
  shown = desk_customers_page_get_customer (fixture->page);
  g_assert_cmpint (desk_customer_get_id (shown), ==, desk_customer_get_id (customer));
  if (desk_customer_get_phone (shown) != NULL && *desk_customer_get_phone (shown) != '\0')
    g_assert_true (g_str_has_prefix (desk_customer_detail_get_link (detail, "phone"), "<a href=\"tel:"));
  if (desk_customer_get_email (shown) != NULL && *desk_customer_get_email (shown) != '\0')
    g_assert_true (g_str_has_prefix (desk_customer_detail_get_link (detail, "email"), "<a href=\"mailto:"));

  /* Only this customer's tickets, though the search was by number or name. */
  for (guint i = 0; i < g_list_model_get_n_items (desk_customer_detail_get_tickets (detail)); i++)
    {
      g_autoptr(DeskTicket) t = g_list_model_get_item (desk_customer_detail_get_tickets (detail), i);

      g_assert_cmpint (desk_ticket_get_customer_id (t), ==, desk_customer_get_id (customer));
    }
  wait_settled (fixture);
  g_assert_true (desk_test_wait_for (client_quiet, fixture, WAIT_MS));
  screenshot (GTK_WIDGET (fixture->window), "customers-detail-wide");

  /* One click away: the ticket's id goes to win.show-ticket. */
  ticket = g_list_model_get_item (desk_customer_detail_get_tickets (detail), 0);
  desk_customer_detail_open_related (detail, DESK_TYPE_TICKET, 0);
  g_assert_cmpint (fixture->shown_ticket, ==, desk_ticket_get_id (ticket));
}

static gboolean
editor_open (gpointer data)
{
  Fixture *fixture = data;

  return desk_customers_page_get_editor (fixture->page) != NULL;
}

static gboolean
editor_closed (gpointer data)
{
  return !editor_open (data);
}

static DeskCustomerEditor *
open_editor (Fixture    *fixture,
             const char *action)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), action, NULL));
  g_assert_true (desk_test_wait_for (editor_open, fixture, WAIT_MS));

  return DESK_CUSTOMER_EDITOR (desk_customers_page_get_editor (fixture->page));
}

static void
set_field (DeskCustomerEditor *editor,
           const char         *property,
           const char         *text)
{
  gtk_editable_set_text (desk_customer_editor_get_field (editor, property), text);
}

static void
keep_result_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static DeskCustomer *
read_back (Fixture *fixture,
           gint64   id)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  DeskCustomer *customer;

  desk_api_client_get_customer_async (fixture->client, id, NULL,
                                      keep_result_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  customer = desk_api_client_get_customer_finish (fixture->client, result, &error);
  g_assert_no_error (error);

  return customer;
}

static char *
get_string (DeskCustomer *customer,
            const char   *property)
{
  char *text = NULL;

  g_object_get (customer, property, &text, NULL);
  return text;
}

static void
test_create (Fixture       *fixture,
             gconstpointer  data)
{
  DeskCustomerEditor *editor;
  g_autoptr(DeskCustomer) stored = NULL;
  g_autofree char *city = NULL;
  g_autofree char *org = NULL;
  gint64 id;

  wait_settled (fixture);
  editor = open_editor (fixture, "customers.new");
  set_field (editor, "first-name", "Wilhelmina");
  set_field (editor, "last-name", "Quarrington");
  set_field (editor, "mobile", "+1 (555) 014-7788");
  set_field (editor, "email", "wq@example.test");
  set_field (editor, "city", "Ashland");
  set_field (editor, "organization", "Quarry Works");
  screenshot (GTK_WIDGET (editor), "customers-new-dialog");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL));
  g_assert_true (desk_test_wait_for (editor_closed, fixture, WAIT_MS));

  g_assert_true (desk_test_wait_for (customer_shown, fixture, WAIT_MS));
  id = desk_customer_get_id (desk_customers_page_get_customer (fixture->page));
  g_assert_cmpint (id, >, 0);
  stored = read_back (fixture, id);
  g_assert_cmpstr (desk_customer_get_full_name (stored), ==, "Wilhelmina Quarrington");
  g_assert_cmpstr (desk_customer_get_mobile (stored), ==, "+1 (555) 014-7788");
  g_assert_cmpstr (desk_customer_get_email (stored), ==, "wq@example.test");
  city = get_string (stored, "city");
  org = get_string (stored, "organization");
  g_assert_cmpstr (city, ==, "Ashland");
  g_assert_cmpstr (org, ==, "Quarry Works");

  /* The list was read again and holds the new customer. */
  wait_settled (fixture);
  g_assert_true (has_customer (fixture, id));
}

static void
test_edit (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(DeskCustomer) customer = NULL;
  g_autoptr(DeskCustomer) stored = NULL;
  g_autofree char *first = NULL;
  g_autofree char *city = NULL;
  DeskCustomerEditor *editor;

  wait_settled (fixture);
  customer = pick_customer (fixture);
  desk_customers_page_show_customer (fixture->page, customer);
  g_assert_true (desk_test_wait_for (customer_shown, fixture, WAIT_MS));

  editor = open_editor (fixture, "customers.edit");
  first = g_strdup (gtk_editable_get_text (desk_customer_editor_get_field (editor, "first-name")));
  g_assert_cmpstr (first, !=, "");
  set_field (editor, "city", "Greenfield Heights");
  screenshot (GTK_WIDGET (editor), "customers-edit-dialog");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL));
  g_assert_true (desk_test_wait_for (editor_closed, fixture, WAIT_MS));

  stored = read_back (fixture, desk_customer_get_id (customer));
  city = get_string (stored, "city");
  g_assert_cmpstr (city, ==, "Greenfield Heights");
  g_assert_cmpstr (desk_customer_get_first_name (stored), ==, first);
  g_assert_cmpstr (desk_customer_get_email (stored), ==, desk_customer_get_email (customer));
}

static void
test_validation (Fixture       *fixture,
                 gconstpointer  data)
{
  DeskCustomerEditor *editor;
  guint requests;

  wait_settled (fixture);
  editor = open_editor (fixture, "customers.new");

  /* Nothing is pointed out before anything is typed or saved. */
  g_assert_null (desk_customer_editor_get_problem (editor, "name"));
  requests = desk_sandbox_get_request_count (fixture->sandbox);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL));
  g_assert_nonnull (desk_customer_editor_get_problem (editor, "name"));
  g_assert_nonnull (desk_customer_editor_get_problem (editor, "contact"));
  g_assert_false (desk_customer_editor_get_busy (editor));

  set_field (editor, "last-name", "Okafor");
  set_field (editor, "email", "okafor.example.com");
  set_field (editor, "phone", "555-CALL-NOW");
  g_assert_null (desk_customer_editor_get_problem (editor, "name"));
  g_assert_null (desk_customer_editor_get_problem (editor, "contact"));
  g_assert_nonnull (desk_customer_editor_get_problem (editor, "email"));
  g_assert_nonnull (desk_customer_editor_get_problem (editor, "phone"));
  screenshot (GTK_WIDGET (editor), "customers-validation");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL));
  g_assert_false (desk_customer_editor_get_busy (editor));

  set_field (editor, "email", "okafor@example.com");
  set_field (editor, "phone", "555 0101 99");
  g_assert_null (desk_customer_editor_get_problem (editor, "email"));
  g_assert_null (desk_customer_editor_get_problem (editor, "phone"));

  /* Nothing invalid was ever sent: whatever was asked has had its answer. */
  g_assert_true (desk_test_wait_for (client_quiet, fixture, WAIT_MS));
  g_assert_cmpuint (desk_sandbox_get_request_count (fixture->sandbox), <=, requests + 1);
  gtk_window_destroy (GTK_WINDOW (editor));
}

static gboolean
duplicate_found (gpointer data)
{
  return desk_customer_editor_get_duplicate (data) != NULL;
}

static void
test_duplicate (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(DeskCustomer) existing = NULL;
  DeskCustomerEditor *editor;

  wait_settled (fixture);
  existing = pick_customer (fixture);
  editor = open_editor (fixture, "customers.new");
  set_field (editor, "first-name", "Another");
  set_field (editor, "email", desk_customer_get_email (existing));
  g_assert_true (desk_test_wait_for (duplicate_found, editor, WAIT_MS));
  g_assert_cmpint (desk_customer_get_id (desk_customer_editor_get_duplicate (editor)), ==,
                   desk_customer_get_id (existing));
  screenshot (GTK_WIDGET (editor), "customers-duplicate");

  /* A different address clears the warning; the same phone number raises it again. */
  set_field (editor, "email", "someone.new@example.test");
  g_assert_null (desk_customer_editor_get_duplicate (editor));
  set_field (editor, "phone", desk_customer_get_phone (existing));
  g_assert_true (desk_test_wait_for (duplicate_found, editor, WAIT_MS));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.open-duplicate", NULL));
  g_assert_true (desk_test_wait_for (editor_closed, fixture, WAIT_MS));
  g_assert_true (desk_test_wait_for (customer_shown, fixture, WAIT_MS));
  g_assert_cmpint (desk_customer_get_id (desk_customers_page_get_customer (fixture->page)), ==,
                   desk_customer_get_id (existing));
}

static gboolean
not_busy (gpointer data)
{
  return !desk_customer_editor_get_busy (data);
}

static void
test_save_error (Fixture       *fixture,
                 gconstpointer  data)
{
  DeskCustomerEditor *editor;

  wait_settled (fixture);
  editor = open_editor (fixture, "customers.new");
  set_field (editor, "first-name", "Ines");
  set_field (editor, "last-name", "Valdivia");
  set_field (editor, "mobile", "+34 612 345 678");
  set_field (editor, "city", "Arlington");

  desk_sandbox_set_fault (fixture->sandbox, DESK_SANDBOX_FAULT_HTTP_500, 1.0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL));
  g_assert_true (desk_customer_editor_get_busy (editor));

  /* While it saves, the form stays: closing it would lose whether the customer was saved. */
  gtk_window_close (GTK_WINDOW (editor));
  gtk_widget_activate_action (GTK_WIDGET (editor), "window.close", NULL);
  /* Both ask the window in close-request, at once: a window let go is destroyed there. */
  g_assert_true (desk_customers_page_get_editor (fixture->page) == GTK_WINDOW (editor));
  g_assert_true (desk_test_wait_for (not_busy, editor, WAIT_MS));

  /* Still open, with what was typed, and saying why. */
  g_assert_true (desk_customers_page_get_editor (fixture->page) == GTK_WINDOW (editor));
  g_assert_nonnull (desk_customer_editor_get_error (editor));
  g_assert_cmpstr (gtk_editable_get_text (desk_customer_editor_get_field (editor, "last-name")), ==,
                   "Valdivia");
  g_assert_cmpstr (gtk_editable_get_text (desk_customer_editor_get_field (editor, "city")), ==,
                   "Arlington");
  screenshot (GTK_WIDGET (editor), "customers-save-error");

  /* And the same form saves once the server is back. */
  desk_sandbox_set_fault (fixture->sandbox, DESK_SANDBOX_FAULT_NONE, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL));
  g_assert_true (desk_test_wait_for (editor_closed, fixture, WAIT_MS));
}

static void
test_list_error (Fixture       *fixture,
                 gconstpointer  data)
{
  wait_settled (fixture);
  desk_sandbox_set_fault (fixture->sandbox, DESK_SANDBOX_FAULT_HTTP_500, 1.0);
  desk_customers_page_set_referred_by (fixture->page, "Yelp");
  wait_settled (fixture);
  g_assert_cmpstr (desk_customers_page_get_state (fixture->page), ==, "error");
  screenshot (GTK_WIDGET (fixture->window), "customers-error");
  desk_sandbox_set_fault (fixture->sandbox, DESK_SANDBOX_FAULT_NONE, 0);
  desk_customers_page_set_referred_by (fixture->page, NULL);
}

static gboolean
leaflet_shows (gpointer data)
{
  gpointer *want = data;

  return adw_leaflet_get_visible_child (want[0]) == want[1] &&
         !adw_leaflet_get_child_transition_running (want[0]);
}

/* The pane of the leaflet that holds @widget. */
static GtkWidget *
leaflet_child (AdwLeaflet *leaflet,
               GtkWidget  *widget)
{
  while (gtk_widget_get_parent (widget) != GTK_WIDGET (leaflet))
    widget = gtk_widget_get_parent (widget);

  return widget;
}

static gboolean
folded (gpointer data)
{
  return adw_leaflet_get_folded (data);
}

static void
test_narrow (Fixture       *fixture,
             gconstpointer  data)
{
  AdwLeaflet *leaflet = ADW_LEAFLET (find_widget (GTK_WIDGET (fixture->page), ADW_TYPE_LEAFLET));
  g_autoptr(DeskCustomer) customer = NULL;
  GtkWidget *detail = desk_customers_page_get_detail (fixture->page);
  gpointer want[2] = { leaflet, NULL };

  wait_settled (fixture);
  g_assert_true (desk_test_wait_for (folded, leaflet, WAIT_MS));
  g_assert_true (adw_leaflet_get_folded (leaflet));
  screenshot (GTK_WIDGET (fixture->window), "customers-list-narrow");

  customer = pick_customer (fixture);
  desk_customers_page_show_customer (fixture->page, customer);
  g_assert_true (desk_test_wait_for (customer_shown, fixture, WAIT_MS));
  want[1] = leaflet_child (leaflet, detail);
  g_assert_true (desk_test_wait_for (leaflet_shows, want, WAIT_MS));
  screenshot (GTK_WIDGET (fixture->window), "customers-detail-narrow");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "customers.back", NULL));
  want[1] = leaflet_child (leaflet, find_widget (GTK_WIDGET (fixture->page),
                                                 GTK_TYPE_SEARCH_ENTRY));
  g_assert_true (desk_test_wait_for (leaflet_shows, want, WAIT_MS));
}

/* --- The activity indicator under a rate-limited store --------------------------------- */

static gboolean
is_label_with_text (GtkWidget     *widget,
                    gconstpointer  text)
{
  return GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_label (GTK_LABEL (widget)), text) == 0;
}

typedef struct
{
  GtkWidget             *window;
  DeskActivityIndicator *indicator;
  DeskRateGovernor      *governor;
  guint                  done;
} Activity;

static void
listed_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  Activity *activity = user_data;
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GError) error = NULL;

  found = desk_api_client_list_customers_finish (DESK_API_CLIENT (object), result, NULL, &error);
  g_assert_no_error (error);
  activity->done++;
}

static gboolean
governor_waiting (gpointer data)
{
  Activity *activity = data;

  return desk_rate_governor_get_waiting (activity->governor) &&
         find_in_tree (activity->window, is_label_with_text,
                       "Waiting for RepairDesk’s rate limit…") != NULL;
}

static gboolean
toast_gone (gpointer data)
{
  Activity *activity = data;

  return find_in_tree (activity->window, is_label_with_text,
                       "Waiting for RepairDesk’s rate limit…") == NULL;
}

static gboolean
all_done (gpointer data)
{
  Activity *activity = data;

  return activity->done == N_BURST && desk_activity_indicator_get_count (activity->indicator) == 0;
}

/* Lets the shared manual clock jump to where the governor waits, never while a request
 * travels, so that the sandbox sees each request at the time it was sent. */
static void
run_clock_until_done (Activity  *activity,
                      DeskClock *clock)
{
  gint64 deadline = g_get_monotonic_time () + WAIT_MS * 1000;

  while (!all_done (activity))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);

      if (g_main_context_iteration (NULL, FALSE))
        continue;

      if (desk_activity_indicator_get_count (activity->indicator) > 0 &&
          desk_api_client_get_n_active (desk_activity_indicator_get_client (activity->indicator)) == 0)
        {
          gint64 resume = desk_rate_governor_get_resume_time (activity->governor);
          gint64 now = desk_clock_get_time (clock);

          desk_clock_advance (clock, resume > now ? resume - now : G_USEC_PER_SEC);
          continue;
        }

      g_main_context_iteration (NULL, TRUE);
    }
}

/* A sandbox that refuses the eleventh request of a minute, as RepairDesk refuses the 51st:
 * the governor pauses, the indicator counts what waits and a toast says why. */
static void
test_activity_indicator (void)
{
  g_autoptr(DeskClock) clock = desk_clock_new_manual (1000 * G_USEC_PER_SEC);
  g_autoptr(DeskSandbox) sandbox = NULL;
  g_autoptr(DeskApiClient) client = NULL;
  g_autoptr(GError) error = NULL;
  Activity activity = { 0, };
  GtkWidget *overlay = adw_toast_overlay_new ();
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  sandbox = g_object_new (DESK_TYPE_SANDBOX, "seed", 11, "n-customers", 40, "n-tickets", 60,
                          "n-invoices", 20, "rate-limit", 10, "clock", clock,
                          "today", TEST_NOW, NULL);
  g_assert_true (desk_sandbox_start (sandbox, 0, &error));
  g_assert_no_error (error);
  client = g_object_new (DESK_TYPE_API_CLIENT, "base-url", desk_sandbox_get_url (sandbox),
                         "api-key", DESK_SANDBOX_DEMO_API_KEY, "clock", clock, NULL);
  activity.governor = desk_api_client_get_governor (client);
  activity.indicator = DESK_ACTIVITY_INDICATOR (desk_activity_indicator_new ());
  desk_activity_indicator_set_client (activity.indicator, client);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (activity.indicator)));

  /* The toast is found through the overlay above the indicator, which sits inside it as
   * it does in the main window. */
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), GTK_WIDGET (activity.indicator));
  gtk_box_append (GTK_BOX (box), header);
  gtk_box_append (GTK_BOX (box), adw_status_page_new ());
  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (overlay), box);
  activity.window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (activity.window), 640, 300);
  gtk_window_set_child (GTK_WINDOW (activity.window), overlay);
  gtk_window_present (GTK_WINDOW (activity.window));

  for (guint i = 0; i < N_BURST; i++)
    {
      g_autoptr(DeskListQuery) query = desk_list_query_new ();

      query->keyword = g_strdup_printf ("customer %u", i);
      desk_api_client_list_customers_async (client, query, -1, NULL, listed_cb, &activity);
    }
  g_assert_cmpuint (desk_activity_indicator_get_count (activity.indicator), ==, N_BURST);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (activity.indicator)));

  g_assert_true (desk_test_wait_for (governor_waiting, &activity, WAIT_MS));
  g_assert_cmpuint (desk_rate_governor_get_n_rate_limited (activity.governor), >, 0);
  g_assert_cmpuint (desk_activity_indicator_get_count (activity.indicator), >, 0);
  g_assert_cmpuint (activity.done, <, N_BURST);
  screenshot (activity.window, "activity-rate-limit");

  /* Once the minute has passed the queue drains and the indicator hides; the toast goes
   * after about as long as the wait it announced, a minute at most (the governor counts
   * the refused burst's requests still on their way until their answers come). */
  run_clock_until_done (&activity, clock);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (activity.indicator)));
  g_assert_false (desk_rate_governor_get_waiting (activity.governor));
  g_assert_true (desk_test_wait_for (toast_gone, &activity, 60 * 1000 + WAIT_MS));

  gtk_window_destroy (GTK_WINDOW (activity.window));
  desk_sandbox_stop (sandbox);
}

static gboolean
window_page_loaded (gpointer data)
{
  GtkWidget *page = find_widget (data, DESK_TYPE_CUSTOMERS_PAGE);

  return page != NULL && g_strcmp0 (desk_customers_page_get_state (DESK_CUSTOMERS_PAGE (page)),
                                    "results") == 0;
}

static gboolean
window_customer_shown (gpointer data)
{
  GtkWidget *page = find_widget (data, DESK_TYPE_CUSTOMERS_PAGE);
  DeskCustomerDetail *detail;

  detail = DESK_CUSTOMER_DETAIL (desk_customers_page_get_detail (DESK_CUSTOMERS_PAGE (page)));
  return g_list_model_get_n_items (desk_customer_detail_get_tickets (detail)) > 0;
}

/* The screen in the main window, on the context's client: made when first shown. */
static void
test_in_window (void)
{
  g_autoptr(DeskSandbox) sandbox = sandbox_start ();
  g_autoptr(DeskApplication) app = desk_application_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(DeskCustomer) customer = NULL;
  g_autoptr(DeskTicket) ticket = NULL;
  DeskContext *context;
  DeskCustomerDetail *detail;
  DeskTicketsPage *tickets;
  DeskTicket *shown;
  GtkStack *content;
  GtkWindow *window;
  GtkWidget *page;
  Fixture fixture = { sandbox, };

  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);
  context = desk_application_get_context (app);
  g_settings_set_string (desk_context_get_settings (context), "server-url",
                         desk_sandbox_get_url (sandbox));
  desk_context_set_session_api_key (context, DESK_SANDBOX_DEMO_API_KEY);
  g_application_activate (G_APPLICATION (app));
  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  gtk_window_set_default_size (window, 1280, 800);

  g_assert_null (find_widget (GTK_WIDGET (window), DESK_TYPE_CUSTOMERS_PAGE));
  g_assert_true (desk_window_show_section (DESK_WINDOW (window), "customers"));
  g_assert_true (desk_test_wait_for (window_page_loaded, window, WAIT_MS));

  page = find_widget (GTK_WIDGET (window), DESK_TYPE_CUSTOMERS_PAGE);
  fixture.client = desk_context_get_client (context);
  fixture.page = DESK_CUSTOMERS_PAGE (page);
  customer = customer_with_tickets (&fixture);
  desk_customers_page_show_customer (fixture.page, customer);
  g_assert_true (desk_test_wait_for (window_customer_shown, window, WAIT_MS));
  screenshot (GTK_WIDGET (window), "window-customers-detail");

  /* A click on one of the customer's tickets opens it on the Tickets screen. */
  detail = DESK_CUSTOMER_DETAIL (desk_customers_page_get_detail (fixture.page));
  ticket = g_list_model_get_item (desk_customer_detail_get_tickets (detail), 0);
  desk_customer_detail_open_related (detail, DESK_TYPE_TICKET, 0);
  content = GTK_STACK (gtk_widget_get_template_child (GTK_WIDGET (window), DESK_TYPE_WINDOW,
                                                      "content_stack"));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (content), ==, "tickets");
  tickets = DESK_TICKETS_PAGE (find_widget (GTK_WIDGET (window), DESK_TYPE_TICKETS_PAGE));
  shown = desk_ticket_detail_get_ticket (desk_tickets_page_get_detail (tickets));
  g_assert_nonnull (shown);
  g_assert_cmpint (desk_ticket_get_id (shown), ==, desk_ticket_get_id (ticket));

  gtk_window_destroy (window);
  desk_sandbox_stop (sandbox);
}

/* The shapes the form accepts, and the links the details show. */
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
  desk_test_init (&argc, &argv);
  /* Xvfb has no window manager to move focus in and out: a blinking cursor then warns
   * that its entry never saw a focus-out. */
  g_object_set (gtk_settings_get_default (), "gtk-cursor-blink", FALSE, NULL);
  load_style ();

#define ADD(path, func, width) \
  g_test_add ("/customers/" path, Fixture, GINT_TO_POINTER (width), fixture_set_up, func, \
              fixture_tear_down)

  ADD ("open", test_open, 1100);
  ADD ("search", test_search, 1100);
  ADD ("search-nothing", test_search_nothing, 1100);
  ADD ("enter-opens-single", test_enter_opens_single, 1100);
  ADD ("referred-by", test_referred_by, 1100);
  ADD ("details", test_details, 1100);
  ADD ("create", test_create, 1100);
  ADD ("edit", test_edit, 1100);
  ADD ("validation", test_validation, 1100);
  ADD ("duplicate", test_duplicate, 1100);
  ADD ("save-error", test_save_error, 1100);
  ADD ("list-error", test_list_error, 1100);
  ADD ("narrow", test_narrow, 360);
  g_test_add_func ("/customers/activity-indicator", test_activity_indicator);
  g_test_add_func ("/customers/in-window", test_in_window);

  return g_test_run ();
}
