/* test-intake.c
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <signal.h>

#include <adwaita.h>

#include "customers/desk-customer-editor.h"
#include "desk-sandbox.h"
#include "desk-test-utils.h"
#include "intake/desk-intake-device.h"
#include "intake/desk-intake-page.h"
#include "preferences/desk-intake-preferences.h"

/* Checking a device in, against a small in-process sandbox store: what the assistant
 * enters is what the ticket on the server holds, Create sends once, and a refusal keeps
 * everything. The store's clock is the real one, as a ticket just created is looked for
 * among those created since the press. */

#define WAIT_MS 15000
/* A valid IMEI (its Luhn check digit is right), and the same with the last digit off. */
#define GOOD_IMEI "490154203237518"
#define BAD_IMEI "490154203237519"

typedef struct
{
  DeskSandbox    *sandbox;
  DeskApiClient  *client;
  DeskCatalog    *catalog;
  GSettings      *settings;
  DeskContext    *context;
  GtkWindow      *window;
  DeskIntakePage *page;
  GAsyncResult   *result;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->sandbox = g_object_new (DESK_TYPE_SANDBOX,
                                   "seed", 7, "n-customers", 40, "n-tickets", 50,
                                   "n-invoices", 5, "rate-limit", 0, NULL);
  desk_sandbox_start (fixture->sandbox, 0, &error);
  g_assert_no_error (error);

  fixture->client = desk_api_client_new (desk_sandbox_get_url (fixture->sandbox),
                                         DESK_SANDBOX_DEMO_API_KEY);
  fixture->catalog = desk_catalog_new (fixture->client);
  fixture->settings = g_settings_new ("io.frontdesk.FrontDesk");
  g_settings_reset (fixture->settings, "intake-require-pre-conditions");

  fixture->context = desk_context_new_for_client (fixture->settings, fixture->client,
                                                  fixture->catalog);
  fixture->page = DESK_INTAKE_PAGE (desk_intake_page_new (fixture->context));
  fixture->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (fixture->window, 1000, 900);
  gtk_window_set_child (fixture->window, GTK_WIDGET (fixture->page));
  gtk_window_present (fixture->window);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (fixture->window);
  desk_test_iterate (50);
  g_clear_object (&fixture->result);
  g_clear_object (&fixture->context);
  g_clear_object (&fixture->settings);
  g_clear_object (&fixture->catalog);
  g_clear_object (&fixture->client);
  desk_sandbox_stop (fixture->sandbox);
  g_clear_object (&fixture->sandbox);
}

/* --- Helpers ------------------------------------------------------------------------------- */

static gboolean
catalog_loaded (gpointer data)
{
  Fixture *fixture = data;
  DeskCatalogKind kinds[] = { DESK_CATALOG_DEVICES, DESK_CATALOG_PROBLEMS, DESK_CATALOG_STATUSES,
                              DESK_CATALOG_EMPLOYEES, DESK_CATALOG_TAX_CLASSES,
                              DESK_CATALOG_SUPPLIES, DESK_CATALOG_TASK_TYPES,
                              DESK_CATALOG_PARTS };

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (!desk_catalog_is_loaded (fixture->catalog, kinds[i]))
      return FALSE;

  return TRUE;
}

static void
result_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  Fixture *fixture = user_data;

  g_set_object (&fixture->result, result);
}

static gboolean
has_result (gpointer data)
{
  return ((Fixture *) data)->result != NULL;
}

static GAsyncResult *
wait_result (Fixture *fixture)
{
  g_assert_true (desk_test_wait_for (has_result, fixture, WAIT_MS));

  return fixture->result;
}

static DeskCustomer *
some_customer (Fixture *fixture)
{
  DeskListQuery query = { .filter = DESK_LIST_FILTER_UNSET };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) customers = NULL;

  g_clear_object (&fixture->result);
  desk_api_client_list_customers_async (fixture->client, &query, 0, NULL, result_cb, fixture);
  customers = desk_api_client_list_customers_finish (fixture->client, wait_result (fixture),
                                                     NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < customers->len; i++)
    {
      DeskCustomer *customer = g_ptr_array_index (customers, i);
      const char *email = desk_customer_get_email (customer);

      if (email != NULL && strchr (email, '@') != NULL)
        return g_object_ref (customer);
    }

  g_assert_not_reached ();
}

static DeskTicket *
server_ticket (Fixture *fixture,
               gint64   id)
{
  g_autoptr(GError) error = NULL;
  DeskTicket *ticket;

  g_clear_object (&fixture->result);
  desk_api_client_get_ticket_async (fixture->client, id, NULL, result_cb, fixture);
  ticket = desk_api_client_get_ticket_finish (fixture->client, wait_result (fixture), &error);
  g_assert_no_error (error);

  return ticket;
}

static guint
n_tickets_with_imei (Fixture    *fixture,
                     const char *imei)
{
  DeskListQuery query = { .keyword = (char *) imei, .filter = DESK_LIST_FILTER_ALL };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) tickets = NULL;

  g_clear_object (&fixture->result);
  desk_api_client_list_tickets_async (fixture->client, &query, 0, NULL, result_cb, fixture);
  tickets = desk_api_client_list_tickets_finish (fixture->client, wait_result (fixture), NULL,
                                                 &error);
  g_assert_no_error (error);

  return tickets->len;
}

static DeskIntakeDevice *
device_section (Fixture *fixture,
                guint    position)
{
  GListModel *devices = desk_intake_page_get_devices (fixture->page);
  g_autoptr(DeskIntakeDevice) device = g_list_model_get_item (devices, position);

  g_assert_nonnull (device);
  return device;
}

static gpointer
first_item (DeskCatalog     *catalog,
            DeskCatalogKind  kind)
{
  GListModel *model = desk_catalog_get_model (catalog, kind);

  g_assert_cmpuint (g_list_model_get_n_items (model), >, 0);
  return g_list_model_get_item (model, 0);
}

static gboolean
not_busy (gpointer data)
{
  return !desk_intake_page_get_busy (((Fixture *) data)->page);
}

static gboolean
customer_found (gpointer data)
{
  Fixture *fixture = data;

  return desk_intake_page_get_customer (fixture->page) != NULL;
}

static GtkEditable *
find_search (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkEditable *found;

      if (GTK_IS_SEARCH_ENTRY (child))
        return GTK_EDITABLE (child);
      if ((found = find_search (child)) != NULL)
        return found;
    }

  return NULL;
}

/* Types the customer's e-mail into the picker and presses Enter once it has matches. */
static void
pick_customer_by_typing (Fixture      *fixture,
                         DeskCustomer *customer)
{
  GtkEditable *search = find_search (GTK_WIDGET (fixture->page));

  g_assert_nonnull (search);
  gtk_editable_set_text (search, desk_customer_get_email (customer));
  for (guint tries = 0; tries < 300 && desk_intake_page_get_customer (fixture->page) == NULL; tries++)
    {
      desk_test_iterate (50);
      g_signal_emit_by_name (search, "activate");
    }
  g_assert_true (customer_found (fixture));
  g_assert_cmpint (desk_customer_get_id (desk_intake_page_get_customer (fixture->page)), ==,
                   desk_customer_get_id (customer));
}

/* Signs with two synthetic strokes, as the pad's gestures would send them. */
static void
sign (DeskSignature *signature)
{
  desk_signature_begin_stroke (signature, 20, 60, 0.5, 0);
  for (guint i = 1; i <= 40; i++)
    desk_signature_add_point (signature, 20 + i * 6, 60 + 25 * sin (i / 4.0), 0.5, i * 8000);
  desk_signature_end_stroke (signature);
  desk_signature_begin_stroke (signature, 60, 100, 0.7, 400000);
  for (guint i = 1; i <= 20; i++)
    desk_signature_add_point (signature, 60 + i * 9, 100 - i, 0.7, 400000 + i * 8000);
  desk_signature_end_stroke (signature);
}

static gboolean
focus_in_device (gpointer data)
{
  GtkRoot *root = gtk_widget_get_root (data);
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  return focus != NULL && gtk_widget_is_ancestor (focus, data);
}

/* Fills one device: model, IMEI, a problem, a part, two conditions, a charger. */
static void
fill_device (Fixture          *fixture,
             DeskIntakeDevice *device,
             const char       *imei)
{
  g_autoptr(DeskDevice) model = first_item (fixture->catalog, DESK_CATALOG_DEVICES);
  g_autoptr(DeskProblem) problem = first_item (fixture->catalog, DESK_CATALOG_PROBLEMS);
  g_autoptr(DeskPart) part = first_item (fixture->catalog, DESK_CATALOG_PARTS);

  desk_intake_device_select_model (device, desk_named_item_get_id (DESK_NAMED_ITEM (model)));
  gtk_editable_set_text (desk_intake_device_get_field (device, "imei"), imei);
  desk_pattern_grid_clear (desk_intake_device_get_pattern_grid (device));
  for (guint i = 0; i < 4; i++)
    desk_pattern_grid_add_dot (desk_intake_device_get_pattern_grid (device), (guint []) { 1, 5, 9, 6 }[i]);
  desk_intake_device_add_problem (device, problem);
  desk_intake_device_add_part (device, part);
  desk_intake_device_set_condition (device, "Screen", 0);
  desk_intake_device_set_condition (device, "Powers On", 1);
  desk_intake_device_set_supplied (device, "Charger", TRUE);
}

static gboolean
has_condition (GListModel *conditions,
               const char *name,
               gboolean    result)
{
  for (guint i = 0; i < g_list_model_get_n_items (conditions); i++)
    {
      g_autoptr(DeskCondition) condition = g_list_model_get_item (conditions, i);

      if (g_strcmp0 (desk_condition_get_name (condition), name) == 0)
        return desk_condition_get_result (condition) == result;
    }

  return FALSE;
}

static GtkWidget *
find_type (GtkWidget *widget,
           GType      type)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type))
        return child;
      if ((found = find_type (child, type)) != NULL)
        return found;
    }

  return NULL;
}

/* Saves the whole form, scrolled part included, as @name.png. */
static void
screenshot_form (Fixture    *fixture,
                 const char *name)
{
  GtkWidget *form = find_type (GTK_WIDGET (fixture->page), ADW_TYPE_CLAMP);
  g_autofree char *path = NULL;

  g_assert_nonnull (form);
  path = desk_test_save_screenshot (form, name);
  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));
}

/* Saves the window at @width as build/tests/screenshots/@name.png, then dark as @name-dark. */
static void
screenshot (Fixture    *fixture,
            int         width,
            const char *name)
{
  AdwStyleManager *style = adw_style_manager_get_default ();
  g_autofree char *dark = g_strconcat (name, "-dark", NULL);
  g_autofree char *path = NULL;
  g_autofree char *dark_path = NULL;

  /* The screen is 800 px high: the window can be no taller. */
  g_assert_true (desk_test_resize (fixture->window, width, 800, WAIT_MS));
  path = desk_test_save_screenshot (GTK_WIDGET (fixture->window), name);
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
  g_assert_true (desk_test_wait_for_frames (GTK_WIDGET (fixture->window), 2, WAIT_MS));
  dark_path = desk_test_save_screenshot (GTK_WIDGET (fixture->window), dark);
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (dark_path, G_FILE_TEST_EXISTS));
}

/* --- Tests --------------------------------------------------------------------------------- */

/* A whole intake by the widgets' own paths ends in a ticket holding what was entered. */
static void
test_intake_creates_ticket (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(DeskCustomer) customer = some_customer (fixture);
  g_autoptr(DeskTicket) ticket = NULL;
  g_autoptr(DeskTicketDevice) device = NULL;
  g_autoptr(DeskProblem) problem = NULL;
  DeskIntakeDevice *section;
  DeskTotals totals;
  gint64 server_total;
  g_autofree char *signature = NULL;

  g_assert_true (desk_test_wait_for (catalog_loaded, fixture, WAIT_MS));
  g_assert_nonnull (desk_intake_page_get_blocker (fixture->page));

  pick_customer_by_typing (fixture, customer);
  section = device_section (fixture, 0);
  /* The customer chosen, the cursor moves on to the device. */
  g_assert_true (desk_test_wait_for (focus_in_device, section, WAIT_MS));
  fill_device (fixture, section, BAD_IMEI);
  g_assert_nonnull (strstr (desk_intake_page_get_blocker (fixture->page), "IMEI"));

  gtk_editable_set_text (desk_intake_device_get_field (section, "imei"), GOOD_IMEI);
  g_assert_null (desk_intake_page_get_blocker (fixture->page));
  screenshot (fixture, 1000, "intake-filled");
  screenshot_form (fixture, "intake-filled-form");
  screenshot (fixture, 360, "intake-filled-narrow");

  desk_intake_page_get_totals (fixture->page, &totals);
  g_assert_cmpint (totals.total, >, 0);

  /* A shop that asks for a signature gets one before Create. */
  g_settings_set_boolean (fixture->settings, "intake-require-signature", TRUE);
  g_assert_nonnull (strstr (desk_intake_page_get_blocker (fixture->page), "signed"));
  sign (desk_intake_page_get_signature (fixture->page));
  g_assert_null (desk_intake_page_get_blocker (fixture->page));
  g_settings_reset (fixture->settings, "intake-require-signature");
  signature = desk_signature_to_base64 (desk_intake_page_get_signature (fixture->page), NULL);
  g_assert_nonnull (signature);

  /* Two presses in a row: one ticket. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->page), "intake.create", NULL);
  gtk_widget_activate_action (GTK_WIDGET (fixture->page), "intake.create", NULL);
  g_assert_true (desk_intake_page_get_busy (fixture->page));
  g_assert_true (desk_test_wait_for (not_busy, fixture, WAIT_MS));
  g_assert_null (desk_intake_page_get_error (fixture->page));
  g_assert_nonnull (desk_intake_page_get_created (fixture->page));
  g_assert_cmpuint (n_tickets_with_imei (fixture, GOOD_IMEI), ==, 1);

  ticket = server_ticket (fixture, desk_ticket_get_id (desk_intake_page_get_created (fixture->page)));
  g_assert_cmpint (desk_ticket_get_customer_id (ticket), ==, desk_customer_get_id (customer));
  /* What the form showed is what the server worked out. */
  g_object_get (ticket, "total", &server_total, NULL);
  g_assert_cmpint (server_total, ==, totals.total);
  /* The ticket read back holds the very image signed. */
  g_assert_cmpstr (desk_ticket_get_signature (ticket), ==, signature);
  g_assert_cmpuint (g_list_model_get_n_items (desk_ticket_get_devices (ticket)), ==, 1);
  device = g_list_model_get_item (desk_ticket_get_devices (ticket), 0);
  problem = first_item (fixture->catalog, DESK_CATALOG_PROBLEMS);
  {
    g_autofree char *imei = NULL, *code = NULL, *status = NULL;

    g_object_get (device, "imei", &imei, "security-code", &code, "status", &status, NULL);
    g_assert_cmpstr (imei, ==, GOOD_IMEI);
    g_assert_cmpstr (code, ==, "1-5-9-6");
    g_assert_cmpstr (status, ==, "Pending");
  }
  g_assert_cmpint (desk_ticket_device_get_price (device), ==, desk_problem_get_price (problem));
  g_assert_cmpuint (g_list_model_get_n_items (desk_ticket_device_get_repair_items (device)), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (desk_ticket_device_get_parts (device)), ==, 1);
  g_assert_true (has_condition (desk_ticket_device_get_pre_conditions (device), "Screen", FALSE));
  g_assert_true (has_condition (desk_ticket_device_get_pre_conditions (device), "Powers On", TRUE));
  g_assert_true (has_condition (desk_ticket_device_get_supplied (device), "Charger", TRUE));

  /* The form starts over for the next customer. */
  g_assert_null (desk_intake_page_get_customer (fixture->page));
  g_assert_cmpuint (g_list_model_get_n_items (desk_intake_page_get_devices (fixture->page)), ==, 1);
}

static gboolean
editor_open (gpointer data)
{
  return desk_test_find_window (DESK_TYPE_CUSTOMER_EDITOR) != NULL;
}

static gboolean
customer_chosen (gpointer data)
{
  return desk_intake_page_get_customer (data) != NULL;
}

/* New Customer opens the customer form; once saved, the new customer is the intake's. */
static void
test_intake_new_customer (Fixture       *fixture,
                          gconstpointer  data)
{
  DeskCustomerEditor *editor;
  g_autoptr(DeskTicket) ticket = NULL;
  gint64 id;

  g_assert_true (desk_test_wait_for (catalog_loaded, fixture, WAIT_MS));
  gtk_widget_activate_action (GTK_WIDGET (fixture->page), "intake.new-customer", NULL);
  g_assert_true (desk_test_wait_for (editor_open, NULL, WAIT_MS));
  editor = DESK_CUSTOMER_EDITOR (desk_test_find_window (DESK_TYPE_CUSTOMER_EDITOR));
  gtk_editable_set_text (desk_customer_editor_get_field (editor, "first-name"), "Noor");
  gtk_editable_set_text (desk_customer_editor_get_field (editor, "last-name"), "Haddad");
  gtk_editable_set_text (desk_customer_editor_get_field (editor, "phone"), "555 0199 42");
  gtk_editable_set_text (desk_customer_editor_get_field (editor, "email"), "noor.haddad@example.com");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL));
  g_assert_true (desk_test_wait_for (customer_chosen, fixture->page, WAIT_MS));

  id = desk_customer_get_id (desk_intake_page_get_customer (fixture->page));
  g_assert_cmpint (id, >, 0);
  g_assert_nonnull (strstr (desk_customer_get_full_name (desk_intake_page_get_customer (fixture->page)),
                            "Haddad"));

  fill_device (fixture, device_section (fixture, 0), GOOD_IMEI);
  gtk_widget_activate_action (GTK_WIDGET (fixture->page), "intake.create", NULL);
  g_assert_true (desk_test_wait_for (not_busy, fixture, WAIT_MS));
  g_assert_nonnull (desk_intake_page_get_created (fixture->page));
  ticket = server_ticket (fixture, desk_ticket_get_id (desk_intake_page_get_created (fixture->page)));
  g_assert_cmpint (desk_ticket_get_customer_id (ticket), ==, id);
}

/* Two devices on one ticket; removing a third leaves two. */
static void
test_intake_two_devices (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(DeskTicket) ticket = NULL;

  g_assert_true (desk_test_wait_for (catalog_loaded, fixture, WAIT_MS));
  gtk_widget_activate_action (GTK_WIDGET (fixture->page), "intake.walk-in", NULL);
  gtk_widget_activate_action (GTK_WIDGET (fixture->page), "intake.add-device", NULL);
  gtk_widget_activate_action (GTK_WIDGET (fixture->page), "intake.add-device", NULL);
  g_assert_cmpuint (g_list_model_get_n_items (desk_intake_page_get_devices (fixture->page)), ==, 3);
  g_signal_emit_by_name (device_section (fixture, 2), "remove");
  g_assert_cmpuint (g_list_model_get_n_items (desk_intake_page_get_devices (fixture->page)), ==, 2);

  fill_device (fixture, device_section (fixture, 0), GOOD_IMEI);
  fill_device (fixture, device_section (fixture, 1), "356938035643809");
  g_assert_null (desk_intake_page_get_blocker (fixture->page));

  gtk_widget_activate_action (GTK_WIDGET (fixture->page), "intake.create", NULL);
  g_assert_true (desk_test_wait_for (not_busy, fixture, WAIT_MS));
  g_assert_null (desk_intake_page_get_error (fixture->page));
  ticket = server_ticket (fixture, desk_ticket_get_id (desk_intake_page_get_created (fixture->page)));
  g_assert_cmpuint (g_list_model_get_n_items (desk_ticket_get_devices (ticket)), ==, 2);
}

/* A refusal keeps everything on the form and says why. */
static void
test_intake_refused_keeps_form (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autoptr(DeskCustomer) customer = some_customer (fixture);
  DeskIntakeDevice *section;

  g_assert_true (desk_test_wait_for (catalog_loaded, fixture, WAIT_MS));
  desk_intake_page_set_customer (fixture->page, customer);
  section = device_section (fixture, 0);
  fill_device (fixture, section, GOOD_IMEI);

  desk_sandbox_set_fault (fixture->sandbox, DESK_SANDBOX_FAULT_HTTP_500, 1.0);
  gtk_widget_activate_action (GTK_WIDGET (fixture->page), "intake.create", NULL);
  g_assert_true (desk_test_wait_for (not_busy, fixture, WAIT_MS));
  desk_sandbox_set_fault (fixture->sandbox, DESK_SANDBOX_FAULT_NONE, 0);

  g_assert_nonnull (desk_intake_page_get_error (fixture->page));
  g_assert_null (desk_intake_page_get_created (fixture->page));
  g_assert_true (desk_intake_page_get_customer (fixture->page) == customer);
  g_assert_cmpstr (gtk_editable_get_text (desk_intake_device_get_field (section, "imei")), ==,
                   GOOD_IMEI);
  screenshot (fixture, 1000, "intake-refused");
}

static gboolean
unknown_settled (gpointer data)
{
  Fixture *fixture = data;

  return !desk_intake_page_get_busy (fixture->page) &&
         desk_intake_page_get_error (fixture->page) != NULL &&
         strstr (desk_intake_page_get_error (fixture->page), "Checking") == NULL;
}

/* The server applied the create but its answer was cut: the intake is never sent again
 * blindly; once the server can be asked, the ticket is found and taken as created. */
static void
test_intake_unknown_found (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(DeskCustomer) customer = some_customer (fixture);

  g_assert_true (desk_test_wait_for (catalog_loaded, fixture, WAIT_MS));
  desk_intake_page_set_customer (fixture->page, customer);
  fill_device (fixture, device_section (fixture, 0), GOOD_IMEI);

  desk_sandbox_set_fault (fixture->sandbox, DESK_SANDBOX_FAULT_TRUNCATED_JSON, 1.0);
  gtk_widget_activate_action (GTK_WIDGET (fixture->page), "intake.create", NULL);
  g_assert_true (desk_test_wait_for (unknown_settled, fixture, WAIT_MS));

  /* The check itself failed too: Create stays off, and the form keeps everything. */
  g_assert_null (desk_intake_page_get_created (fixture->page));
  g_assert_nonnull (strstr (desk_intake_page_get_error (fixture->page), "could not be checked"));
  gtk_widget_activate_action (GTK_WIDGET (fixture->page), "intake.create", NULL);
  g_assert_false (desk_intake_page_get_busy (fixture->page));
  screenshot (fixture, 1000, "intake-unknown-check");

  desk_sandbox_set_fault (fixture->sandbox, DESK_SANDBOX_FAULT_NONE, 0);
  gtk_widget_activate_action (GTK_WIDGET (fixture->page), "intake.check-again", NULL);
  g_assert_true (desk_test_wait_for (not_busy, fixture, WAIT_MS));
  g_assert_nonnull (desk_intake_page_get_created (fixture->page));
  g_assert_cmpuint (n_tickets_with_imei (fixture, GOOD_IMEI), ==, 1);
}

/* The connection dropped before the server served the create: the ticket is not there,
 * and it is the assistant's Send Again that sends it, once. */
static void
test_intake_unknown_not_found (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(DeskCustomer) customer = some_customer (fixture);

  g_assert_true (desk_test_wait_for (catalog_loaded, fixture, WAIT_MS));
  desk_intake_page_set_customer (fixture->page, customer);
  fill_device (fixture, device_section (fixture, 0), GOOD_IMEI);

  desk_sandbox_set_fault (fixture->sandbox, DESK_SANDBOX_FAULT_DROP_MID_BODY, 1.0);
  gtk_widget_activate_action (GTK_WIDGET (fixture->page), "intake.create", NULL);
  g_assert_true (desk_test_wait_for (unknown_settled, fixture, WAIT_MS));
  desk_sandbox_set_fault (fixture->sandbox, DESK_SANDBOX_FAULT_NONE, 0);

  gtk_widget_activate_action (GTK_WIDGET (fixture->page), "intake.check-again", NULL);
  g_assert_true (desk_test_wait_for (unknown_settled, fixture, WAIT_MS));
  g_assert_nonnull (strstr (desk_intake_page_get_error (fixture->page), "not created"));
  g_assert_cmpuint (n_tickets_with_imei (fixture, GOOD_IMEI), ==, 0);
  screenshot (fixture, 1000, "intake-unknown-send-again");

  /* Ctrl+Enter does not send it; Send Again does, once. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->page), "intake.create", NULL);
  g_assert_false (desk_intake_page_get_busy (fixture->page));
  gtk_widget_activate_action (GTK_WIDGET (fixture->page), "intake.send-again", NULL);
  gtk_widget_activate_action (GTK_WIDGET (fixture->page), "intake.send-again", NULL);
  g_assert_true (desk_test_wait_for (not_busy, fixture, WAIT_MS));
  g_assert_nonnull (desk_intake_page_get_created (fixture->page));
  g_assert_cmpuint (n_tickets_with_imei (fixture, GOOD_IMEI), ==, 1);
}

/* Create says what is missing, and a shop can make the conditions mandatory. */
static void
test_intake_blockers (Fixture       *fixture,
                      gconstpointer  data)
{
  DeskIntakeDevice *section;
  g_autoptr(DeskDevice) model = NULL;

  g_assert_true (desk_test_wait_for (catalog_loaded, fixture, WAIT_MS));
  screenshot (fixture, 1000, "intake-empty");
  g_assert_nonnull (strstr (desk_intake_page_get_blocker (fixture->page), "customer"));
  gtk_widget_activate_action (GTK_WIDGET (fixture->page), "intake.create", NULL);
  g_assert_false (desk_intake_page_get_busy (fixture->page));

  gtk_widget_activate_action (GTK_WIDGET (fixture->page), "intake.walk-in", NULL);
  g_assert_nonnull (strstr (desk_intake_page_get_blocker (fixture->page), "model"));

  section = device_section (fixture, 0);
  model = first_item (fixture->catalog, DESK_CATALOG_DEVICES);
  desk_intake_device_select_model (section, desk_named_item_get_id (DESK_NAMED_ITEM (model)));
  g_assert_null (desk_intake_page_get_blocker (fixture->page));

  gtk_editable_set_text (desk_intake_device_get_field (section, "price"), "twelve");
  g_assert_nonnull (strstr (desk_intake_page_get_blocker (fixture->page), "price"));
  gtk_editable_set_text (desk_intake_device_get_field (section, "price"), "12.50");
  g_assert_null (desk_intake_page_get_blocker (fixture->page));

  /* A pattern must be one a phone takes, and is not given beside a passcode. */
  {
    DeskPatternGrid *grid = desk_intake_device_get_pattern_grid (section);
    g_autofree char *pattern = NULL;

    desk_pattern_grid_add_dot (grid, 1);
    desk_pattern_grid_add_dot (grid, 3);
    pattern = desk_pattern_grid_dup_pattern (grid);
    g_assert_cmpstr (pattern, ==, "1-2-3");
    g_assert_nonnull (strstr (desk_intake_page_get_blocker (fixture->page), "4"));
    desk_pattern_grid_add_dot (grid, 6);
    g_assert_null (desk_intake_page_get_blocker (fixture->page));
    gtk_editable_set_text (desk_intake_device_get_field (section, "security-code"), "0000");
    g_assert_nonnull (strstr (desk_intake_page_get_blocker (fixture->page), "not both"));
    desk_pattern_grid_clear (grid);
    g_assert_null (desk_intake_page_get_blocker (fixture->page));
  }

  g_settings_set_boolean (fixture->settings, "intake-require-pre-conditions", TRUE);
  g_assert_nonnull (strstr (desk_intake_page_get_blocker (fixture->page), "condition"));
  g_settings_reset (fixture->settings, "intake-require-pre-conditions");
}

/* --- Drafts ------------------------------------------------------------------------------- */

typedef struct
{
  DeskDraftStore *store;
  GPtrArray      *drafts;
  gboolean        done;
} Listing;

static void
listed_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  Listing *listing = user_data;

  g_clear_pointer (&listing->drafts, g_ptr_array_unref);
  listing->drafts = desk_draft_store_list_finish (DESK_DRAFT_STORE (object), result, NULL);
  listing->done = TRUE;
}

static gboolean
listing_done (gpointer data)
{
  return ((Listing *) data)->done;
}

/* Returns: (transfer full): the drafts on disk, read through a store of its own */
static GPtrArray *
drafts_on_disk (const char *path)
{
  Listing listing = { desk_draft_store_new (path), NULL, FALSE };

  desk_draft_store_list_async (listing.store, NULL, listed_cb, &listing);
  g_assert_true (desk_test_wait_for (listing_done, &listing, WAIT_MS));
  g_object_unref (listing.store);
  g_assert_nonnull (listing.drafts);

  return listing.drafts;
}

static char *
drafts_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "frontdesk", "drafts.sqlite", NULL);
}

typedef struct
{
  const char *imei;
  guint       n_strokes;
} DraftWanted;

/* Whether a draft on disk holds @wanted's IMEI and signature, as the form does. */
static gboolean
draft_saved (gpointer data)
{
  DraftWanted *wanted = data;
  g_autofree char *path = drafts_path ();
  g_autoptr(GPtrArray) drafts = drafts_on_disk (path);

  for (guint i = 0; i < drafts->len; i++)
    {
      DeskIntakeDraft *draft = g_ptr_array_index (drafts, i);

      if (g_strcmp0 (desk_intake_draft_get_field (draft, "device.0.imei"), wanted->imei) == 0 &&
          desk_intake_draft_get_n_strokes (draft) == wanted->n_strokes)
        return TRUE;
    }

  return FALSE;
}

static void
fill_for_draft (Fixture      *fixture,
                DeskCustomer *customer)
{
  desk_intake_page_set_customer (fixture->page, customer);
  fill_device (fixture, device_section (fixture, 0), GOOD_IMEI);
  gtk_editable_set_text (desk_intake_device_get_field (device_section (fixture, 0), "price"),
                         "123.45");
  sign (desk_intake_page_get_signature (fixture->page));
}

/* Checks that @page holds what fill_for_draft() entered. */
static void
assert_restored (Fixture        *fixture,
                 DeskIntakePage *page,
                 DeskCustomer   *customer)
{
  DeskIntakeDevice *device;
  g_autoptr(DeskTicketDevice) line = NULL;
  g_autofree char *pattern = NULL;

  g_assert_nonnull (desk_intake_page_get_customer (page));
  g_assert_cmpint (desk_customer_get_id (desk_intake_page_get_customer (page)), ==,
                   desk_customer_get_id (customer));
  g_assert_cmpstr (desk_customer_get_full_name (desk_intake_page_get_customer (page)), ==,
                   desk_customer_get_full_name (customer));
  device = g_list_model_get_item (desk_intake_page_get_devices (page), 0);
  g_object_unref (device);
  g_assert_cmpstr (gtk_editable_get_text (desk_intake_device_get_field (device, "imei")), ==,
                   GOOD_IMEI);
  g_assert_cmpstr (gtk_editable_get_text (desk_intake_device_get_field (device, "price")), ==,
                   "123.45");
  pattern = desk_pattern_grid_dup_pattern (desk_intake_device_get_pattern_grid (device));
  g_assert_cmpstr (pattern, ==, "1-5-9-6");
  line = desk_intake_device_get_device (device);
  g_assert_cmpuint (g_list_model_get_n_items (desk_ticket_device_get_repair_items (line)), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (desk_ticket_device_get_parts (line)), ==, 1);
  g_assert_true (has_condition (desk_ticket_device_get_pre_conditions (line), "Screen", FALSE));
  g_assert_true (has_condition (desk_ticket_device_get_supplied (line), "Charger", TRUE));
  g_assert_cmpuint (desk_signature_get_n_strokes (desk_intake_page_get_signature (page)), ==, 2);
  g_assert_null (desk_intake_page_get_blocker (page));
}

static gboolean
resumed (gpointer data)
{
  return desk_intake_page_get_customer (data) != NULL;
}

static GtkWidget *
waiting_group (DeskIntakePage *page)
{
  GtkWidget *group = find_type (GTK_WIDGET (page), ADW_TYPE_PREFERENCES_GROUP);

  g_assert_nonnull (group);
  return group;
}

static gboolean
waiting_shown (gpointer data)
{
  return gtk_widget_get_visible (waiting_group (data));
}

static gboolean
waiting_hidden (gpointer data)
{
  return !gtk_widget_get_visible (waiting_group (data));
}

/* Resumes the only waiting intake, as the Resume button does. */
static void
resume_waiting (Fixture        *fixture,
                DeskIntakePage *page)
{
  g_autofree char *path = drafts_path ();
  g_autoptr(GPtrArray) drafts = drafts_on_disk (path);

  g_assert_cmpuint (drafts->len, ==, 1);
  desk_intake_page_resume (page, g_ptr_array_index (drafts, 0));
  g_assert_true (desk_test_wait_for (resumed, page, WAIT_MS));
}

/* Closing the screen keeps the intake; a new screen offers it back as it was. */
static void
test_intake_draft_survives_close (Fixture       *fixture,
                                  gconstpointer  data)
{
  g_autoptr(DeskCustomer) customer = some_customer (fixture);
  DraftWanted wanted = { GOOD_IMEI, 2 };
  DeskIntakePage *again;

  g_assert_true (desk_test_wait_for (catalog_loaded, fixture, WAIT_MS));
  fill_for_draft (fixture, customer);

  /* Closed at once: what was typed in the last moments is written as the screen goes. */
  gtk_window_set_child (fixture->window, NULL);
  g_assert_true (desk_test_wait_for (draft_saved, &wanted, WAIT_MS));

  again = DESK_INTAKE_PAGE (desk_intake_page_new (fixture->context));
  fixture->page = again;
  gtk_window_set_child (fixture->window, GTK_WIDGET (again));
  g_assert_true (desk_test_wait_for (waiting_shown, again, WAIT_MS));
  resume_waiting (fixture, again);
  assert_restored (fixture, again, customer);
  /* The intake in the form is not also listed as waiting. */
  g_assert_true (desk_test_wait_for (waiting_hidden, again, WAIT_MS));
  screenshot (fixture, 1000, "intake-resumed");
}

/* The child half of the kill test: fills the form, says so once its draft is on disk, and
 * waits to be killed. */
static int
run_draft_child (void)
{
  Fixture fixture = { 0, };
  g_autoptr(DeskCustomer) customer = NULL;
  DraftWanted wanted = { GOOD_IMEI, 2 };

  gtk_init ();
  adw_init ();
  fixture_set_up (&fixture, NULL);
  customer = some_customer (&fixture);
  g_assert_true (desk_test_wait_for (catalog_loaded, &fixture, WAIT_MS));
  fill_for_draft (&fixture, customer);
  g_assert_true (desk_test_wait_for (draft_saved, &wanted, WAIT_MS));

  g_print ("SAVED %" G_GINT64_FORMAT "\n", desk_customer_get_id (customer));
  fflush (stdout);
  for (;;)
    g_main_context_iteration (NULL, TRUE);

  return 0;
}

/* kill -9 of a real Front Desk process with an intake open: the next start offers it back. */
static void
test_intake_draft_survives_kill (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE);
  g_autoptr(GSubprocess) child = NULL;
  g_autoptr(GDataInputStream) out = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(DeskCustomer) customer = some_customer (fixture);
  g_autofree char *line = NULL;
  g_autofree char *expected = g_strdup_printf ("SAVED %" G_GINT64_FORMAT,
                                               desk_customer_get_id (customer));

  g_subprocess_launcher_setenv (launcher, "XDG_DATA_HOME", g_get_user_data_dir (), TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_CACHE_HOME", g_get_user_cache_dir (), TRUE);
  g_subprocess_launcher_setenv (launcher, "HOME", g_get_home_dir (), TRUE);
  child = g_subprocess_launcher_spawn (launcher, &error, g_test_get_filename (G_TEST_BUILT,
                                                                             "test-intake", NULL),
                                       "--draft-child", NULL);
  g_assert_no_error (error);

  /* A blocking read is fine here: the child answers within seconds or the test fails. */
  out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (child));
  line = g_data_input_stream_read_line_utf8 (out, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (line, ==, expected);

  g_subprocess_force_exit (child);
  g_subprocess_wait (child, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_signaled (child));
  g_assert_cmpint (g_subprocess_get_term_sig (child), ==, SIGKILL);

  g_assert_true (desk_test_wait_for (catalog_loaded, fixture, WAIT_MS));
  resume_waiting (fixture, fixture->page);
  assert_restored (fixture, fixture->page, customer);
}

static GtkWidget *
find_button_labelled (GtkWidget  *widget,
                      const char *tooltip)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_BUTTON (child) && g_strcmp0 (gtk_widget_get_tooltip_text (child), tooltip) == 0)
        return child;
      if ((found = find_button_labelled (child, tooltip)) != NULL)
        return found;
    }

  return NULL;
}

/* The shop's own intake settings: edited in Preferences, followed by the intake screen. */
static void
test_intake_preferences (Fixture       *fixture,
                         gconstpointer  data)
{
  GtkWidget *window = adw_preferences_window_new ();
  GtkWidget *page = desk_intake_preferences_new (fixture->settings);
  GtkWidget *add_row;
  GtkWidget *remove;
  g_auto(GStrv) conditions = NULL;
  g_auto(GStrv) after = NULL;
  g_autofree char *terms = NULL;
  g_autofree char *path = NULL;

  g_assert_true (desk_test_wait_for (catalog_loaded, fixture, WAIT_MS));
  g_settings_reset (fixture->settings, "intake-pre-conditions");
  g_settings_reset (fixture->settings, "intake-terms");
  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (window), ADW_PREFERENCES_PAGE (page));
  gtk_window_set_default_size (GTK_WINDOW (window), 640, 900);
  gtk_window_present (GTK_WINDOW (window));

  /* A condition typed and applied is added once; its remove button takes it away. */
  add_row = find_type (page, ADW_TYPE_ENTRY_ROW);
  g_assert_nonnull (add_row);
  gtk_editable_set_text (GTK_EDITABLE (add_row), "  Water Damage Sticker  ");
  g_signal_emit_by_name (add_row, "apply");
  gtk_editable_set_text (GTK_EDITABLE (add_row), "Water Damage Sticker");
  g_signal_emit_by_name (add_row, "apply");
  conditions = g_settings_get_strv (fixture->settings, "intake-pre-conditions");
  g_assert_cmpstr (conditions[g_strv_length (conditions) - 1], ==, "Water Damage Sticker");
  g_assert_cmpuint (g_strv_length (conditions), ==, 11);

  remove = find_button_labelled (page, "Remove “Screen”");
  g_assert_nonnull (remove);
  g_signal_emit_by_name (remove, "clicked");
  after = g_settings_get_strv (fixture->settings, "intake-pre-conditions");
  g_assert_cmpuint (g_strv_length (after), ==, 10);
  g_assert_false (g_strv_contains ((const char * const *) after, "Screen"));

  /* The intake screen's new devices check the shop's list. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->page), "intake.add-device", NULL);
  desk_intake_device_set_condition (device_section (fixture, 1), "Water Damage Sticker", 0);
  {
    g_autoptr(DeskTicketDevice) line = desk_intake_device_get_device (device_section (fixture, 1));

    g_assert_true (has_condition (desk_ticket_device_get_pre_conditions (line),
                                  "Water Damage Sticker", FALSE));
  }

  /* The terms are kept as typed; the signature switch is the setting. */
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (find_type (page, GTK_TYPE_TEXT_VIEW))),
                            "No warranty on water damage.", -1);
  terms = g_settings_get_string (fixture->settings, "intake-terms");
  g_assert_cmpstr (terms, ==, "No warranty on water damage.");
  gtk_switch_set_active (GTK_SWITCH (find_type (page, GTK_TYPE_SWITCH)), TRUE);
  g_assert_true (g_settings_get_boolean (fixture->settings, "intake-require-signature"));

  path = desk_test_save_screenshot (window, "preferences-intake");
  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));

  g_object_ref (page);
  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (page);
  g_settings_reset (fixture->settings, "intake-pre-conditions");
  g_settings_reset (fixture->settings, "intake-terms");
  g_settings_reset (fixture->settings, "intake-require-signature");
}

/* The pattern grid keeps what the phone would, and redraws what it keeps. */
static void
test_pattern_grid (void)
{
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  DeskPatternGrid *grid = DESK_PATTERN_GRID (desk_pattern_grid_new ());
  g_autofree char *pattern = NULL;
  g_autofree char *path = NULL;
  guint notified = 0;

  g_signal_connect_swapped (grid, "notify::pattern", G_CALLBACK (g_atomic_int_inc), &notified);
  gtk_window_set_child (window, GTK_WIDGET (grid));
  gtk_window_present (window);

  g_assert_true (desk_pattern_grid_set_pattern (grid, "1-5-9-6"));
  g_assert_false (desk_pattern_grid_set_pattern (grid, "1-3-5-7"));
  g_assert_false (desk_pattern_grid_add_dot (grid, 5));
  g_assert_true (desk_pattern_grid_add_dot (grid, 4));
  pattern = desk_pattern_grid_dup_pattern (grid);
  g_assert_cmpstr (pattern, ==, "1-5-9-6-4");
  g_assert_cmpuint (notified, ==, 2);

  path = desk_test_save_screenshot (GTK_WIDGET (window), "intake-pattern-grid");
  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));

  g_object_ref (grid);
  gtk_window_destroy (window);
  g_assert_finalize_object (grid);
}

int
main (int   argc,
      char *argv[])
{
  if (argc > 1 && g_str_equal (argv[1], "--draft-child"))
    return run_draft_child ();

  desk_test_init (&argc, &argv);

  g_test_add ("/intake/creates-ticket", Fixture, NULL, fixture_set_up,
              test_intake_creates_ticket, fixture_tear_down);
  g_test_add ("/intake/new-customer", Fixture, NULL, fixture_set_up,
              test_intake_new_customer, fixture_tear_down);
  g_test_add ("/intake/two-devices", Fixture, NULL, fixture_set_up,
              test_intake_two_devices, fixture_tear_down);
  g_test_add ("/intake/refused-keeps-form", Fixture, NULL, fixture_set_up,
              test_intake_refused_keeps_form, fixture_tear_down);
  g_test_add ("/intake/unknown-found", Fixture, NULL, fixture_set_up,
              test_intake_unknown_found, fixture_tear_down);
  g_test_add ("/intake/unknown-not-found", Fixture, NULL, fixture_set_up,
              test_intake_unknown_not_found, fixture_tear_down);
  g_test_add ("/intake/blockers", Fixture, NULL, fixture_set_up,
              test_intake_blockers, fixture_tear_down);

  g_test_add ("/intake/draft-survives-close", Fixture, NULL, fixture_set_up,
              test_intake_draft_survives_close, fixture_tear_down);
  g_test_add ("/intake/draft-survives-kill", Fixture, NULL, fixture_set_up,
              test_intake_draft_survives_kill, fixture_tear_down);
  g_test_add ("/intake/preferences", Fixture, NULL, fixture_set_up,
              test_intake_preferences, fixture_tear_down);
  g_test_add_func ("/intake/pattern-grid", test_pattern_grid);

  return g_test_run ();
}
