/* test-customer-editor.c
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "customers/desk-customer-editor.h"
#include "desk-properties.h"
#include "desk-sandbox.h"
#include "desk-test-utils.h"

/* The customer form on its own, against the in-process sandbox: the second question
 * before a duplicate, the lengths RepairDesk takes, and the field it refused. */

#define WAIT_MS 15000

typedef struct
{
  DeskSandbox        *sandbox;
  DeskApiClient      *client;
  DeskCustomerEditor *editor;
  DeskCustomer       *existing;
  DeskCustomer       *saved;
  DeskCustomer       *opened;
} Fixture;

static void
listed_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  Fixture *fixture = user_data;
  g_autoptr(GPtrArray) customers = NULL;
  g_autoptr(GError) error = NULL;

  customers = desk_api_client_list_customers_finish (DESK_API_CLIENT (object), result, NULL,
                                                     &error);
  g_assert_no_error (error);
  for (guint i = 0; i < customers->len && fixture->existing == NULL; i++)
    {
      DeskCustomer *customer = g_ptr_array_index (customers, i);
      const char *email = desk_customer_get_email (customer);

      if (email != NULL && strchr (email, '@') != NULL && desk_customer_get_id (customer) > 0)
        fixture->existing = g_object_ref (customer);
    }
  g_assert_nonnull (fixture->existing);
}

static gboolean
is_set (gpointer data)
{
  return *(gpointer *) data != NULL;
}

static void
saved_cb (DeskCustomerEditor *editor,
          DeskCustomer       *customer,
          Fixture            *fixture)
{
  g_set_object (&fixture->saved, customer);
}

static void
open_customer_cb (DeskCustomerEditor *editor,
                  DeskCustomer       *customer,
                  Fixture            *fixture)
{
  g_set_object (&fixture->opened, customer);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(DeskListQuery) query = desk_list_query_new ();
  g_autoptr(GError) error = NULL;

  fixture->sandbox = g_object_new (DESK_TYPE_SANDBOX, "seed", 9, "n-customers", 30,
                                   "n-tickets", 10, "n-invoices", 5, "rate-limit", 0, NULL);
  desk_sandbox_start (fixture->sandbox, 0, &error);
  g_assert_no_error (error);
  fixture->client = desk_api_client_new (desk_sandbox_get_url (fixture->sandbox),
                                         DESK_SANDBOX_DEMO_API_KEY);
  desk_api_client_set_max_retries (fixture->client, 0);

  query->page_size = 30;
  desk_api_client_list_customers_async (fixture->client, query, -1, NULL, listed_cb, fixture);
  g_assert_true (desk_test_wait_for (is_set, &fixture->existing, WAIT_MS));

  {
    g_autoptr(DeskWriter) writer = desk_writer_new (fixture->client);

    fixture->editor = g_object_ref (desk_customer_editor_new (writer, NULL));
  }
  g_signal_connect (fixture->editor, "saved", G_CALLBACK (saved_cb), fixture);
  g_signal_connect (fixture->editor, "open-customer", G_CALLBACK (open_customer_cb), fixture);
  gtk_window_set_default_size (GTK_WINDOW (fixture->editor), 640, 720);
  gtk_window_present (GTK_WINDOW (fixture->editor));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  GtkWindow *dialog;

  while ((dialog = desk_test_find_window (ADW_TYPE_MESSAGE_DIALOG)) != NULL)
    gtk_window_destroy (dialog);
  /* A window that goes with its entry focused leaves GTK 4.8 owing a focus-out. */
  gtk_root_set_focus (GTK_ROOT (fixture->editor), NULL);
  gtk_window_destroy (GTK_WINDOW (fixture->editor));
  /* Nothing else holds the form: not a request, not a dialog. */
  g_assert_true (desk_test_wait_for_last_ref (fixture->editor, WAIT_MS));
  g_assert_finalize_object (fixture->editor);
  g_clear_object (&fixture->existing);
  g_clear_object (&fixture->saved);
  g_clear_object (&fixture->opened);
  g_clear_object (&fixture->client);
  desk_sandbox_stop (fixture->sandbox);
  g_clear_object (&fixture->sandbox);
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);
}

/* --- Helpers -------------------------------------------------------------------------------- */

static void
set_field (Fixture    *fixture,
           const char *property,
           const char *text)
{
  gtk_editable_set_text (desk_customer_editor_get_field (fixture->editor, property), text);
}

static gboolean
dialog_shown (gpointer data)
{
  return desk_test_find_window (ADW_TYPE_MESSAGE_DIALOG) != NULL;
}

static gboolean
duplicate_shown (gpointer data)
{
  return desk_customer_editor_get_duplicate (data) != NULL;
}

static AdwMessageDialog *
wait_for_question (Fixture *fixture)
{
  AdwMessageDialog *dialog;

  g_assert_true (desk_test_wait_for (dialog_shown, NULL, WAIT_MS));
  dialog = ADW_MESSAGE_DIALOG (desk_test_find_window (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_true (adw_message_dialog_has_response (dialog, "save"));
  g_assert_true (adw_message_dialog_has_response (dialog, "open"));
  g_assert_cmpstr (adw_message_dialog_get_response_label (dialog, "save"), ==, "_Save Anyway");
  g_assert_cmpstr (adw_message_dialog_get_response_label (dialog, "open"), ==,
                   "_Open That Customer");
  /* Nothing was saved while it asks. */
  g_assert_null (fixture->saved);
  g_assert_false (desk_customer_editor_get_busy (fixture->editor));

  return dialog;
}

static void
answer (AdwMessageDialog *dialog,
        const char       *response)
{
  adw_message_dialog_response (dialog, response);
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
screenshots (Fixture          *fixture,
             AdwMessageDialog *dialog)
{
  static const int widths[] = { 1280, 360 };

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      ADW_COLOR_SCHEME_FORCE_DARK);
  for (guint i = 0; i < G_N_ELEMENTS (widths); i++)
    {
      g_autofree char *form = g_strdup_printf ("customer-form-duplicate-%d", widths[i]);
      g_autofree char *question = g_strdup_printf ("customer-form-duplicate-question-%d", widths[i]);
      g_autofree char *path = NULL;
      g_autofree char *path2 = NULL;

      g_assert_true (desk_test_resize (GTK_WINDOW (fixture->editor), widths[i], 720, WAIT_MS));
      path = desk_test_save_screenshot (GTK_WIDGET (fixture->editor), form);
      path2 = desk_test_save_screenshot (GTK_WIDGET (dialog), question);
      g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));
      g_assert_true (g_file_test (path2, G_FILE_TEST_EXISTS));
    }
}

/* --- Tests ---------------------------------------------------------------------------------- */

/* Save pressed at once, before the search that warns has even started. */
static void
test_duplicate_save_anyway (Fixture       *fixture,
                            gconstpointer  data)
{
  AdwMessageDialog *dialog;

  set_field (fixture, "first-name", "Another");
  set_field (fixture, "email", desk_customer_get_email (fixture->existing));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->editor), "editor.save", NULL));

  dialog = wait_for_question (fixture);
  g_assert_nonnull (desk_customer_editor_get_duplicate (fixture->editor));
  screenshots (fixture, dialog);

  answer (dialog, "save");
  g_assert_true (desk_test_wait_for (is_set, &fixture->saved, WAIT_MS));
  g_assert_cmpint (desk_customer_get_id (fixture->saved), >, 0);
  g_assert_cmpint (desk_customer_get_id (fixture->saved), !=,
                   desk_customer_get_id (fixture->existing));
  g_assert_null (fixture->opened);
}

/* The warning was on screen already; Save still asks, and Open leads to the customer. */
static void
test_duplicate_open (Fixture       *fixture,
                     gconstpointer  data)
{
  set_field (fixture, "first-name", "Same");
  set_field (fixture, "last-name", "Number");
  set_field (fixture, "email", desk_customer_get_email (fixture->existing));
  g_assert_true (desk_test_wait_for (duplicate_shown, fixture->editor, WAIT_MS));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->editor), "editor.save", NULL));
  answer (wait_for_question (fixture), "open");
  g_assert_true (desk_test_wait_for (is_set, &fixture->opened, WAIT_MS));
  g_assert_cmpint (desk_customer_get_id (fixture->opened), ==,
                   desk_customer_get_id (fixture->existing));
  g_assert_null (fixture->saved);
}

/* No second question for a customer with details of their own. */
static void
test_no_duplicate_no_question (Fixture       *fixture,
                               gconstpointer  data)
{
  set_field (fixture, "first-name", "Unique");
  set_field (fixture, "email", "unique.person.4417@example.test");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->editor), "editor.save", NULL));
  g_assert_true (desk_test_wait_for (is_set, &fixture->saved, WAIT_MS));
  g_assert_null (desk_test_find_window (ADW_TYPE_MESSAGE_DIALOG));
}

static void
test_lengths (Fixture       *fixture,
              gconstpointer  data)
{
  static const char * const properties[] = {
    "first-name", "last-name", "phone", "mobile", "email", "address1", "address2", "postcode",
    "city", "state", "country", "organization", "contact-person", "tax-number",
    "driving-licence", "network",
  };
  g_autofree char *long_text = g_strnfill (500, 'a');
  g_autoptr(GString) accented = g_string_new (NULL);
  guint requests;

  /* Every field stops where RepairDesk does. */
  for (guint i = 0; i < G_N_ELEMENTS (properties); i++)
    {
      GtkEditable *field = desk_customer_editor_get_field (fixture->editor, properties[i]);

      gtk_editable_set_text (field, long_text);
      g_assert_cmpint (g_utf8_strlen (gtk_editable_get_text (field), -1), ==,
                       DESK_CUSTOMER_FIELD_MAX_BYTES);
      gtk_editable_set_text (field, "");
    }

  /* Letters of two bytes fill RepairDesk's limit sooner: said before anything is sent. */
  for (guint i = 0; i < 200; i++)
    g_string_append (accented, "é");
  set_field (fixture, "first-name", accented->str);
  set_field (fixture, "email", "long.name@example.test");
  requests = desk_sandbox_get_request_count (fixture->sandbox);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->editor), "editor.save", NULL));
  g_assert_nonnull (desk_customer_editor_get_problem (fixture->editor, "first-name"));
  g_assert_nonnull (strstr (desk_customer_editor_get_problem (fixture->editor, "first-name"),
                            "First Name is too long"));
  g_assert_false (desk_customer_editor_get_busy (fixture->editor));
  g_assert_cmpuint (desk_sandbox_get_request_count (fixture->sandbox), ==, requests);
}

/* The save has come back, one way or the other. */
static gboolean
answered (gpointer data)
{
  Fixture *fixture = data;

  return !desk_customer_editor_get_busy (fixture->editor) &&
         (fixture->saved != NULL || desk_customer_editor_get_error (fixture->editor) != NULL);
}

/* RepairDesk wants a first name where the form takes a last name alone: its refusal
 * names the field, in the form and in the message. */
static void
test_refused_field_named (Fixture       *fixture,
                          gconstpointer  data)
{
  GtkWidget *row;

  set_field (fixture, "last-name", "Okonkwo");
  set_field (fixture, "mobile", "+1 555 0199 321");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->editor), "editor.save", NULL));
  g_assert_true (desk_test_wait_for (answered, fixture, WAIT_MS));

  g_assert_null (fixture->saved);
  g_assert_nonnull (desk_customer_editor_get_error (fixture->editor));
  g_assert_nonnull (strstr (desk_customer_editor_get_error (fixture->editor),
                            "RepairDesk did not accept the First Name"));
  g_assert_nonnull (desk_customer_editor_get_problem (fixture->editor, "first-name"));
  row = GTK_WIDGET (desk_customer_editor_get_field (fixture->editor, "first-name"));
  g_assert_true (gtk_widget_has_css_class (row, "error"));
}

/* The check each field table passes when its class is made: a misspelt name is caught. */
static void
test_field_table_checked (void)
{
  const char *good[] = { "first-name", "email", "organization" };
  const char *typo[] = { "first-name", "frist-name", "email" };

  g_assert_null (desk_properties_find_unknown (DESK_TYPE_CUSTOMER, good, G_N_ELEMENTS (good)));
  g_assert_cmpstr (desk_properties_find_unknown (DESK_TYPE_CUSTOMER, typo, G_N_ELEMENTS (typo)),
                   ==, "frist-name");
  /* The form's own table passed: the class exists. */
  g_assert_true (g_type_class_ref (DESK_TYPE_CUSTOMER_EDITOR) != NULL);
}

int
main (int   argc,
      char *argv[])
{
  desk_test_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add ("/customer-editor/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("duplicate/save-anyway", test_duplicate_save_anyway);
  ADD ("duplicate/open", test_duplicate_open);
  ADD ("duplicate/none", test_no_duplicate_no_question);
  ADD ("lengths", test_lengths);
  ADD ("refused-field-named", test_refused_field_named);

#undef ADD

  g_test_add_func ("/customer-editor/field-table-checked", test_field_table_checked);

  return g_test_run ();
}
