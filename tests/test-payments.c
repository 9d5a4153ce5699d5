/* test-payments.c
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "desk-sandbox.h"
#include "desk-test-utils.h"
#include "invoices/desk-invoice-detail.h"
#include "invoices/desk-invoices-page.h"
#include "invoices/desk-payment-dialog.h"
#include "tickets/desk-ticket-detail.h"

/* Taking payments on the Invoices screen against an in-process sandbox store: a partial
 * payment then the rest leaves the invoice Paid; a ticket converted in its detail is paid
 * the same way; more than is due is asked about first; and a connection dropped during a
 * payment leads to a check of the invoice's payments, never to a second payment. The
 * payments are counted on the sandbox itself. */

/* 2026-01-15 12:00 UTC, so that the store is the same whenever the test runs. */
#define TEST_NOW G_GINT64_CONSTANT (1768478400)
#define WAIT_MS 20000

typedef struct
{
  DeskSandbox      *sandbox;
  DeskApiClient    *client;
  DeskCatalog      *catalog;
  GSettings        *settings;
  DeskContext      *context;
  GtkWindow        *window;
  DeskInvoicesPage *page;
  DeskInvoiceDetail *detail;
  GAsyncResult     *result;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  DeskInvoiceFilters all = { .status = DESK_INVOICE_FILTER_ANY, .range = DESK_INVOICE_RANGE_ALL };

  fixture->sandbox = g_object_new (DESK_TYPE_SANDBOX,
                                   "seed", 5, "n-customers", 40, "n-tickets", 60,
                                   "n-invoices", 40, "rate-limit", 0, "today", TEST_NOW, NULL);
  desk_sandbox_start (fixture->sandbox, 0, &error);
  g_assert_no_error (error);

  fixture->client = desk_api_client_new (desk_sandbox_get_url (fixture->sandbox),
                                         DESK_SANDBOX_DEMO_API_KEY);
  desk_rate_governor_set_limit (desk_api_client_get_governor (fixture->client), 100000);
  fixture->catalog = desk_catalog_new (fixture->client);
  fixture->settings = g_settings_new (APP_ID);
  g_settings_reset (fixture->settings, "invoice-filters");
  fixture->context = desk_context_new_for_client (fixture->settings, fixture->client,
                                                  fixture->catalog);
  fixture->page = DESK_INVOICES_PAGE (desk_invoices_page_new (fixture->context));
  desk_invoices_page_set_filters (fixture->page, &all);
  fixture->detail = DESK_INVOICE_DETAIL (desk_invoices_page_get_detail (fixture->page));

  fixture->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (fixture->window, 1280, 800);
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
  g_clear_object (&fixture->result);
  g_assert_finalize_object (fixture->context);
  g_clear_object (&fixture->settings);
  g_clear_object (&fixture->catalog);
  g_clear_object (&fixture->client);
  desk_sandbox_stop (fixture->sandbox);
  g_clear_object (&fixture->sandbox);
}

/* --- Helpers ------------------------------------------------------------------------------ */

static gboolean
list_settled (gpointer data)
{
  Fixture *fixture = data;

  return !desk_invoices_page_get_searching (fixture->page) &&
         g_strcmp0 (desk_invoices_page_get_state (fixture->page), "loading") != 0;
}

static gboolean
detail_loaded (gpointer data)
{
  Fixture *fixture = data;
  gint64 due;

  return g_strcmp0 (desk_invoice_detail_get_state (fixture->detail), "loaded") == 0 &&
         desk_invoice_detail_get_amount_due (fixture->detail, &due);
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

/* The invoice as the sandbox holds it now, read past the screen. */
static DeskInvoice *
server_invoice (Fixture *fixture,
                gint64   id)
{
  g_autoptr(GError) error = NULL;
  DeskInvoice *invoice;

  g_clear_object (&fixture->result);
  desk_api_client_get_invoice_async (fixture->client, id, NULL, result_cb, fixture);
  g_assert_true (desk_test_wait_for (has_result, fixture, WAIT_MS));
  invoice = desk_api_client_get_invoice_finish (fixture->client, fixture->result, &error);
  g_assert_no_error (error);

  return invoice;
}

static guint
n_payments (Fixture *fixture,
            gint64   id)
{
  g_autoptr(DeskInvoice) invoice = server_invoice (fixture, id);

  return g_list_model_get_n_items (desk_invoice_get_payments (invoice));
}

/* Opens the first listed invoice with nothing paid and something due. */
static DeskInvoice *
open_unpaid (Fixture *fixture)
{
  GListModel *model = desk_invoices_page_get_model (fixture->page);

  g_assert_true (desk_test_wait_for (list_settled, fixture, WAIT_MS));
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(DeskInvoice) invoice = g_list_model_get_item (model, i);

      if (desk_invoice_get_amount_paid (invoice) == 0 && desk_invoice_get_amount_due (invoice) > 1000)
        {
          desk_invoices_page_open_position (fixture->page, i);
          g_assert_true (desk_test_wait_for (detail_loaded, fixture, WAIT_MS));
          return g_steal_pointer (&invoice);
        }
    }

  g_assert_not_reached ();
}

static gboolean
methods_loaded (gpointer data)
{
  return desk_payment_dialog_set_method (data, "Cash");
}

static DeskPaymentDialog *
open_dialog (Fixture *fixture)
{
  DeskPaymentDialog *dialog;

  gtk_widget_activate_action (GTK_WIDGET (fixture->detail), "invoice.pay", NULL);
  dialog = DESK_PAYMENT_DIALOG (desk_invoice_detail_get_payment_dialog (fixture->detail));
  g_assert_nonnull (dialog);
  g_assert_true (desk_test_wait_for (methods_loaded, dialog, WAIT_MS));

  return dialog;
}

static gboolean
dialog_state_is (DeskPaymentDialog *dialog,
                 const char        *state)
{
  return g_strcmp0 (desk_payment_dialog_get_state (dialog), state) == 0;
}

static gboolean
dialog_settled (gpointer data)
{
  DeskPaymentDialog *dialog = data;

  return !dialog_state_is (dialog, "sending") && !dialog_state_is (dialog, "checking");
}

static gboolean
dialog_gone (gpointer data)
{
  return desk_invoice_detail_get_payment_dialog (((Fixture *) data)->detail) == NULL;
}

typedef struct
{
  Fixture *fixture;
  gint64   due;
} DueWait;

static gboolean
due_is (gpointer data)
{
  DueWait *wait = data;
  gint64 due = -1;

  return detail_loaded (wait->fixture) &&
         desk_invoice_detail_get_amount_due (wait->fixture->detail, &due) && due == wait->due;
}

static void
wait_for_due (Fixture *fixture,
              gint64   due)
{
  DueWait wait = { fixture, due };

  g_assert_true (desk_test_wait_for (due_is, &wait, WAIT_MS));
}

static DeskInvoice *
list_entry (Fixture *fixture,
            gint64   id)
{
  GListModel *model = desk_invoices_page_get_model (fixture->page);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(DeskInvoice) invoice = g_list_model_get_item (model, i);

      if (desk_invoice_get_id (invoice) == id)
        return invoice;
    }

  return NULL;
}

typedef struct
{
  Fixture    *fixture;
  gint64      id;
  const char *status;
} EntryWait;

static gboolean
entry_status_is (gpointer data)
{
  EntryWait *wait = data;
  DeskInvoice *entry = list_entry (wait->fixture, wait->id);

  return entry != NULL && g_strcmp0 (desk_invoice_get_status (entry), wait->status) == 0;
}

static void
screenshot (Fixture    *fixture,
            GtkWidget  *widget,
            int         width,
            const char *name)
{
  g_autofree char *path = NULL;

  /* A question keeps the size it asks for. */
  if (width > 0)
    g_assert_true (desk_test_resize (GTK_WINDOW (widget), width,
                                     widget == GTK_WIDGET (fixture->window) ? 800 : 620,
                                     WAIT_MS));
  /* Entry rows move their titles up in a short animation. */
  g_assert_true (desk_test_wait_for_frames (widget, 30, WAIT_MS));
  path = desk_test_save_screenshot (widget, name);
  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));
}

/* --- Tests -------------------------------------------------------------------------------- */

/* Part of what is due, then the rest: Partial, then Paid, in the detail and in the row. */
static void
test_partial_then_rest (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(DeskInvoice) invoice = open_unpaid (fixture);
  gint64 id = desk_invoice_get_id (invoice), due = 0, part;
  g_autofree char *part_text = NULL;
  g_autofree char *change = NULL;
  DeskPaymentDialog *dialog;
  EntryWait partial = { fixture, id, "Partial" };
  EntryWait paid = { fixture, id, "Paid" };

  g_assert_true (desk_invoice_detail_get_amount_due (fixture->detail, &due));
  g_assert_cmpint (due, ==, desk_invoice_get_amount_due (invoice));

  dialog = open_dialog (fixture);
  /* The amount due is offered. */
  {
    g_autofree char *due_text = desk_money_to_api (due);

    g_assert_cmpstr (desk_payment_dialog_get_field (dialog, "amount"), ==, due_text);
  }
  part = due / 2;
  part_text = desk_money_to_api (part);
  desk_payment_dialog_set_field (dialog, "amount", part_text);
  desk_payment_dialog_set_field (dialog, "notes", "Deposit");
  /* Cash: the change to give back from what is handed over. */
  {
    g_autofree char *tendered = desk_money_to_api (part + 1000);

    desk_payment_dialog_set_field (dialog, "tendered", tendered);
    change = desk_money_format (1000, desk_record_get_currency (DESK_RECORD (invoice)));
    g_assert_cmpstr (desk_payment_dialog_get_field (dialog, "change"), ==, change);
  }
  screenshot (fixture, GTK_WIDGET (dialog), 440, "payment-dialog");
  screenshot (fixture, GTK_WIDGET (dialog), 360, "payment-dialog-360");

  gtk_widget_activate_action (GTK_WIDGET (dialog), "payment.take", NULL);
  /* Never twice: the second press finds the button off. */
  g_assert_true (dialog_state_is (dialog, "sending"));
  g_assert_false (gtk_widget_is_sensitive (GTK_WIDGET (dialog)) &&
                  dialog_state_is (dialog, "editing"));
  gtk_widget_activate_action (GTK_WIDGET (dialog), "payment.take", NULL);
  g_assert_true (desk_test_wait_for (dialog_gone, fixture, WAIT_MS));
  wait_for_due (fixture, due - part);
  g_assert_cmpuint (n_payments (fixture, id), ==, 1);
  g_assert_cmpstr (desk_invoice_get_status (desk_invoice_detail_get_invoice (fixture->detail)), ==,
                   "Partial");
  g_assert_true (desk_test_wait_for (entry_status_is, &partial, WAIT_MS));

  /* The rest: the amount offered is what is still due. */
  dialog = open_dialog (fixture);
  {
    g_autofree char *rest = desk_money_to_api (due - part);

    g_assert_cmpstr (desk_payment_dialog_get_field (dialog, "amount"), ==, rest);
  }
  gtk_widget_activate_action (GTK_WIDGET (dialog), "payment.take", NULL);
  g_assert_true (desk_test_wait_for (dialog_gone, fixture, WAIT_MS));
  wait_for_due (fixture, 0);
  g_assert_cmpuint (n_payments (fixture, id), ==, 2);
  g_assert_cmpstr (desk_invoice_get_status (desk_invoice_detail_get_invoice (fixture->detail)), ==,
                   "Paid");
  g_assert_true (desk_test_wait_for (entry_status_is, &paid, WAIT_MS));
  screenshot (fixture, GTK_WIDGET (fixture->window), 1280, "invoice-paid");
  g_assert_true (desk_test_resize (fixture->window, 1280, 800, WAIT_MS));
}

static gboolean
question_open (gpointer data)
{
  return desk_payment_dialog_get_question (data) != NULL;
}

/* More than is due is asked about, with the amounts; Cancel sends nothing. */
static void
test_overpayment_warning (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(DeskInvoice) invoice = open_unpaid (fixture);
  gint64 id = desk_invoice_get_id (invoice), due = 0;
  const char *currency = desk_record_get_currency (DESK_RECORD (invoice));
  g_autofree char *amount = NULL;
  g_autofree char *due_text = NULL;
  g_autofree char *more_text = NULL;
  DeskPaymentDialog *dialog;
  AdwMessageDialog *question;
  EntryWait overpaid = { fixture, id, "OverPaid" };

  desk_invoice_detail_get_amount_due (fixture->detail, &due);
  dialog = open_dialog (fixture);
  amount = desk_money_to_api (due + 2500);
  desk_payment_dialog_set_field (dialog, "amount", amount);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "payment.take", NULL);
  g_assert_true (desk_test_wait_for (question_open, dialog, WAIT_MS));
  g_assert_true (dialog_state_is (dialog, "editing"));

  question = ADW_MESSAGE_DIALOG (desk_payment_dialog_get_question (dialog));
  due_text = desk_money_format (due, currency);
  more_text = desk_money_format (2500, currency);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (question), due_text));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (question), more_text));
  g_assert_cmpstr (adw_message_dialog_get_default_response (question), ==, "cancel");
  screenshot (fixture, GTK_WIDGET (question), 0, "payment-overpay-question");

  adw_message_dialog_response (question, "cancel");
  g_assert_true (dialog_state_is (dialog, "editing"));
  g_assert_cmpuint (n_payments (fixture, id), ==, 0);

  /* Asked again, and taken this time. */
  gtk_widget_activate_action (GTK_WIDGET (dialog), "payment.take", NULL);
  g_assert_true (desk_test_wait_for (question_open, dialog, WAIT_MS));
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (desk_payment_dialog_get_question (dialog)),
                               "overpay");
  g_assert_true (desk_test_wait_for (dialog_gone, fixture, WAIT_MS));
  wait_for_due (fixture, -2500);
  g_assert_cmpuint (n_payments (fixture, id), ==, 1);
  g_assert_true (desk_test_wait_for (entry_status_is, &overpaid, WAIT_MS));
}

/* The connection drops before the server took the payment: the check finds it missing,
 * and only Send Again sends it, once. */
static void
test_dropped_not_recorded (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(DeskInvoice) invoice = open_unpaid (fixture);
  gint64 id = desk_invoice_get_id (invoice);
  DeskPaymentDialog *dialog = open_dialog (fixture);

  desk_payment_dialog_set_field (dialog, "amount", "10.00");
  desk_sandbox_set_fault (fixture->sandbox, DESK_SANDBOX_FAULT_DROP_MID_BODY, 1.0);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "payment.take", NULL);
  g_assert_true (desk_test_wait_for (dialog_settled, dialog, WAIT_MS));

  /* The check could not be made either: nothing may be sent, and it says so. */
  g_assert_true (dialog_state_is (dialog, "check-failed"));
  gtk_widget_activate_action (GTK_WIDGET (dialog), "payment.take", NULL);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "payment.send-again", NULL);
  g_assert_true (dialog_state_is (dialog, "check-failed"));
  desk_sandbox_set_fault (fixture->sandbox, DESK_SANDBOX_FAULT_NONE, 0);
  screenshot (fixture, GTK_WIDGET (dialog), 440, "payment-check-failed");

  gtk_widget_activate_action (GTK_WIDGET (dialog), "payment.check-again", NULL);
  g_assert_true (desk_test_wait_for (dialog_settled, dialog, WAIT_MS));
  g_assert_true (dialog_state_is (dialog, "not-recorded"));
  g_assert_nonnull (strstr (desk_payment_dialog_get_message (dialog), "not recorded"));
  g_assert_cmpuint (n_payments (fixture, id), ==, 0);
  screenshot (fixture, GTK_WIDGET (dialog), 440, "payment-not-recorded");

  /* Send Again is a new decision, and sends it once however often it is pressed. */
  gtk_widget_activate_action (GTK_WIDGET (dialog), "payment.send-again", NULL);
  g_assert_true (dialog_state_is (dialog, "sending"));
  gtk_widget_activate_action (GTK_WIDGET (dialog), "payment.send-again", NULL);
  g_assert_true (desk_test_wait_for (dialog_gone, fixture, WAIT_MS));
  g_assert_cmpuint (n_payments (fixture, id), ==, 1);
}

/* The server took the payment but its answer was cut: the check finds it, and nothing is
 * offered to send again. */
static void
test_cut_answer_recorded (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(DeskInvoice) invoice = open_unpaid (fixture);
  gint64 id = desk_invoice_get_id (invoice), due = 0;
  DeskPaymentDialog *dialog = open_dialog (fixture);

  desk_invoice_detail_get_amount_due (fixture->detail, &due);
  desk_payment_dialog_set_field (dialog, "amount", "10.00");
  desk_payment_dialog_set_field (dialog, "notes", "Screen protector");
  desk_sandbox_set_fault (fixture->sandbox, DESK_SANDBOX_FAULT_TRUNCATED_JSON, 1.0);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "payment.take", NULL);
  g_assert_true (desk_test_wait_for (dialog_settled, dialog, WAIT_MS));
  g_assert_true (dialog_state_is (dialog, "check-failed"));
  desk_sandbox_set_fault (fixture->sandbox, DESK_SANDBOX_FAULT_NONE, 0);

  gtk_widget_activate_action (GTK_WIDGET (dialog), "payment.check-again", NULL);
  g_assert_true (desk_test_wait_for (dialog_settled, dialog, WAIT_MS));
  g_assert_true (dialog_state_is (dialog, "recorded"));
  g_assert_nonnull (strstr (desk_payment_dialog_get_message (dialog), "went through"));
  gtk_widget_activate_action (GTK_WIDGET (dialog), "payment.send-again", NULL);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "payment.take", NULL);
  g_assert_true (dialog_state_is (dialog, "recorded"));
  g_assert_cmpuint (n_payments (fixture, id), ==, 1);
  screenshot (fixture, GTK_WIDGET (dialog), 440, "payment-recorded-after-check");

  /* The detail shows it too. */
  gtk_widget_activate_action (GTK_WIDGET (dialog), "payment.cancel", NULL);
  g_assert_true (desk_test_wait_for (dialog_gone, fixture, WAIT_MS));
  wait_for_due (fixture, due - 1000);
}

/* RepairDesk cannot be reached: nothing was recorded, and the dialog says so plainly. */
static void
test_unreachable (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(DeskInvoice) invoice = open_unpaid (fixture);
  gint64 id = desk_invoice_get_id (invoice);
  DeskPaymentDialog *dialog = open_dialog (fixture);

  desk_payment_dialog_set_field (dialog, "amount", "10.00");
  desk_sandbox_stop (fixture->sandbox);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "payment.take", NULL);
  g_assert_true (desk_test_wait_for (dialog_settled, dialog, WAIT_MS));
  g_assert_true (dialog_state_is (dialog, "editing"));
  g_assert_nonnull (strstr (desk_payment_dialog_get_message (dialog), "needs RepairDesk"));
  g_assert_nonnull (strstr (desk_payment_dialog_get_message (dialog), "Nothing was recorded"));
  screenshot (fixture, GTK_WIDGET (dialog), 440, "payment-not-sent");
  (void) id;
}

static gboolean
ticket_loaded (gpointer data)
{
  DeskTicketDetail *detail = data;

  return desk_ticket_detail_get_ticket (detail) != NULL && !desk_ticket_detail_get_busy (detail) &&
         desk_ticket_detail_get_row (detail, 0, "status") != NULL;
}

typedef struct
{
  Fixture *fixture;
  gint64   ticket_id;
} TicketWait;

static gboolean
invoice_of_ticket_listed (gpointer data)
{
  TicketWait *wait = data;
  GListModel *model = desk_invoices_page_get_model (wait->fixture->page);

  if (!list_settled (wait->fixture))
    return FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(DeskInvoice) invoice = g_list_model_get_item (model, i);
      gint64 ticket_id = 0;

      g_object_get (invoice, "ticket-id", &ticket_id, NULL);
      if (ticket_id == wait->ticket_id)
        {
          desk_invoices_page_open_position (wait->fixture->page, i);
          return TRUE;
        }
    }

  return FALSE;
}

static DeskTicket *
convertible_ticket (Fixture *fixture)
{
  DeskListQuery query = { .filter = DESK_LIST_FILTER_ALL };
  g_autoptr(GPtrArray) tickets = NULL;
  g_autoptr(GError) error = NULL;

  g_clear_object (&fixture->result);
  desk_api_client_list_tickets_async (fixture->client, &query, 0, NULL, result_cb, fixture);
  g_assert_true (desk_test_wait_for (has_result, fixture, WAIT_MS));
  tickets = desk_api_client_list_tickets_finish (fixture->client, fixture->result, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < tickets->len; i++)
    if (desk_ticket_can_convert (g_ptr_array_index (tickets, i), TRUE) &&
        desk_ticket_get_total (g_ptr_array_index (tickets, i)) > 0)
      return g_object_ref (g_ptr_array_index (tickets, i));

  g_assert_not_reached ();
}

/* From repaired device to paid invoice: Convert in the ticket's detail, the invoice on
 * this screen, paid in full. */
static void
test_convert_and_pay (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(DeskTicket) ticket = convertible_ticket (fixture);
  TicketWait wait = { fixture, desk_ticket_get_id (ticket) };
  GtkWidget *window = gtk_window_new ();
  DeskTicketDetail *ticket_detail;
  DeskPaymentDialog *dialog;
  DeskInvoice *invoice;
  EntryWait paid = { fixture, 0, "Paid" };

  ticket_detail = g_object_new (DESK_TYPE_TICKET_DETAIL, "client", fixture->client,
                                "catalog", fixture->catalog,
                                "writer", desk_context_get_writer (fixture->context), NULL);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (ticket_detail));
  gtk_window_present (GTK_WINDOW (window));
  desk_ticket_detail_show_ticket (ticket_detail, ticket);
  g_assert_true (desk_test_wait_for (ticket_loaded, ticket_detail, WAIT_MS));
  desk_ticket_detail_convert (ticket_detail);

  /* The list hears of the new invoice from the writer and reads it. */
  g_assert_true (desk_test_wait_for (invoice_of_ticket_listed, &wait, WAIT_MS));
  g_assert_true (desk_test_wait_for (detail_loaded, fixture, WAIT_MS));
  invoice = desk_invoice_detail_get_invoice (fixture->detail);
  paid.id = desk_invoice_get_id (invoice);
  g_assert_cmpint (desk_invoice_get_total (invoice), ==, desk_ticket_get_total (ticket));

  dialog = open_dialog (fixture);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "payment.take", NULL);
  g_assert_true (desk_test_wait_for (dialog_gone, fixture, WAIT_MS));
  wait_for_due (fixture, 0);
  g_assert_true (desk_test_wait_for (entry_status_is, &paid, WAIT_MS));
  g_assert_cmpuint (n_payments (fixture, paid.id), ==, 1);

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
submitted_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  result_cb (object, result, user_data);
}

/* A payment taken elsewhere (another screen, the writer alone): the row of its invoice
 * shows the new amounts once the writer settles it. */
static void
test_settled_elsewhere (Fixture       *fixture,
                        gconstpointer  data)
{
  GListModel *model = desk_invoices_page_get_model (fixture->page);
  g_autoptr(DeskInvoice) entry = NULL;
  g_autoptr(DeskChange) change = NULL;
  g_autoptr(GError) error = NULL;
  EntryWait partial = { fixture, 0, "Partial" };
  DeskFate fate;

  g_assert_true (desk_test_wait_for (list_settled, fixture, WAIT_MS));
  for (guint i = 0; i < g_list_model_get_n_items (model) && entry == NULL; i++)
    {
      g_autoptr(DeskInvoice) invoice = g_list_model_get_item (model, i);

      if (desk_invoice_get_amount_paid (invoice) == 0 && desk_invoice_get_amount_due (invoice) > 1000)
        entry = g_steal_pointer (&invoice);
    }
  g_assert_nonnull (entry);
  g_assert_null (desk_invoice_detail_get_invoice (fixture->detail));
  partial.id = desk_invoice_get_id (entry);

  change = desk_change_new_add_payment (partial.id, 500, "Cash", TEST_NOW, NULL);
  g_clear_object (&fixture->result);
  desk_writer_submit_async (desk_context_get_writer (fixture->context), change, NULL,
                            submitted_cb, fixture);
  g_assert_true (desk_test_wait_for (has_result, fixture, WAIT_MS));
  fate = desk_writer_submit_finish (desk_context_get_writer (fixture->context), fixture->result,
                                    NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (fate, ==, DESK_FATE_SAVED);

  g_assert_true (desk_test_wait_for (entry_status_is, &partial, WAIT_MS));
  g_assert_cmpint (desk_invoice_get_amount_paid (list_entry (fixture, partial.id)), ==, 500);
}

int
main (int   argc,
      char *argv[])
{
  desk_test_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add ("/payments/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("partial-then-rest", test_partial_then_rest);
  ADD ("overpayment-warning", test_overpayment_warning);
  ADD ("dropped-not-recorded", test_dropped_not_recorded);
  ADD ("cut-answer-recorded", test_cut_answer_recorded);
  ADD ("unreachable", test_unreachable);
  ADD ("convert-and-pay", test_convert_and_pay);
  ADD ("settled-elsewhere", test_settled_elsewhere);
#undef ADD

  return g_test_run ();
}
