/* test-faults-invoices.c
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "desk-test-faults.h"
#include "desk-test-utils.h"
#include "invoices/desk-invoice-detail.h"
#include "invoices/desk-invoice-editor.h"
#include "invoices/desk-invoices-page.h"
#include "invoices/desk-payment-dialog.h"
#include "widgets/desk-results-view.h"

/* The Invoices screen against every fault of the sandbox: the list while a search goes
 * out, an invoice's details while they are read, Take Payment while the payment goes out,
 * and the invoice form while it creates an invoice. Each says what happened in words,
 * keeps what was typed, and comes back with Retry (the dialogs: their own way to try
 * again); a payment lands at most once, and an invoice exactly once, counted on the
 * server by a client of its own. */

#define PAY_AMOUNT "10.00"
#define PAY_CENTS  1000
#define PAY_NOTES  "Paid at the counter, fault matrix"
#define LINE_NAME  "Fault matrix screen guard"
#define LINE_PRICE "12.00"

static DeskInvoicesPage *
invoices (DeskFaultBench *bench)
{
  return DESK_INVOICES_PAGE (bench->page);
}

static DeskInvoiceDetail *
detail (DeskFaultBench *bench)
{
  return DESK_INVOICE_DETAIL (desk_invoices_page_get_detail (invoices (bench)));
}

static DeskPage *
new_page (DeskFaultBench *bench)
{
  DeskInvoiceFilters all = { .status = DESK_INVOICE_FILTER_ANY, .range = DESK_INVOICE_RANGE_ALL };
  DeskInvoicesPage *page;

  g_settings_reset (bench->settings, "invoice-filters");
  page = DESK_INVOICES_PAGE (desk_invoices_page_new (bench->context));
  desk_invoices_page_set_filters (page, &all);

  return DESK_PAGE (page);
}

static GtkEditable *
search_entry (DeskFaultBench *bench)
{
  return GTK_EDITABLE (desk_invoices_page_get_search_entry (invoices (bench)));
}

static DeskResultsView *
results (DeskFaultBench *bench)
{
  return DESK_RESULTS_VIEW (desk_fault_find (GTK_WIDGET (bench->page), DESK_TYPE_RESULTS_VIEW,
                                             NULL));
}

static const char *
state (DeskFaultBench *bench)
{
  return desk_invoices_page_get_state (invoices (bench));
}

static gboolean
client_quiet (DeskFaultBench *bench)
{
  DeskRateGovernor *governor = desk_api_client_get_governor (bench->client);

  return desk_api_client_get_n_active (bench->client) == 0 &&
         desk_rate_governor_get_queued (governor) == 0;
}

static gboolean
list_shows_rows (DeskFaultBench *bench)
{
  return !desk_invoices_page_get_searching (invoices (bench)) &&
         g_strcmp0 (state (bench), "results") == 0 &&
         g_list_model_get_n_items (desk_invoices_page_get_model (invoices (bench))) > 0;
}

/* The position of the bench's invoice in the list, or -1. */
static int
listed_at (DeskFaultBench *bench)
{
  GListModel *model = desk_invoices_page_get_model (invoices (bench));

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(DeskInvoice) invoice = g_list_model_get_item (model, i);

      if (desk_invoice_get_id (invoice) == desk_invoice_get_id (DESK_INVOICE (bench->record)))
        return (int) i;
    }

  return -1;
}

/* --- Asking the server, past the faults ------------------------------------------------ */

static void
result_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_set_object ((GAsyncResult **) user_data, result);
}

static gboolean
has_result (gpointer data)
{
  return *(GAsyncResult **) data != NULL;
}

static DeskApiClient *
own_client (DeskFaultBench *bench)
{
  DeskApiClient *client = desk_api_client_new (desk_sandbox_get_url (bench->sandbox),
                                               DESK_SANDBOX_DEMO_API_KEY);

  desk_rate_governor_set_limit (desk_api_client_get_governor (client), 100000);
  return client;
}

/* The payments the server holds on the bench's invoice. */
static guint
count_payments (DeskFaultBench *bench)
{
  g_autoptr(DeskApiClient) client = own_client (bench);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(DeskInvoice) invoice = NULL;

  desk_api_client_get_invoice_async (client, desk_invoice_get_id (DESK_INVOICE (bench->record)),
                                     NULL, result_cb, &result);
  g_assert_true (desk_test_wait_for (has_result, &result, DESK_FAULT_WAIT_MS));
  invoice = desk_api_client_get_invoice_finish (client, result, &error);
  g_assert_no_error (error);

  return g_list_model_get_n_items (desk_invoice_get_payments (invoice));
}

/* The invoices the server holds with a line named @what. */
static guint
count_invoices_of (DeskFaultBench *bench,
                   const char     *what)
{
  g_autoptr(DeskApiClient) client = own_client (bench);
  g_autoptr(DeskListQuery) query = desk_list_query_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) found = NULL;

  query->keyword = g_strdup (what);
  query->filter = DESK_LIST_FILTER_ALL;
  desk_api_client_list_invoices_async (client, query, 0, NULL, result_cb, &result);
  g_assert_true (desk_test_wait_for (has_result, &result, DESK_FAULT_WAIT_MS));
  found = desk_api_client_list_invoices_finish (client, result, NULL, &error);
  g_assert_no_error (error);

  return found->len;
}

/* @widget can be seen in its window without scrolling. */
static void
assert_in_view (GtkWidget *widget)
{
  GtkWidget *view = gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW);
  GtkWidget *root = GTK_WIDGET (gtk_widget_get_root (widget));
  graphene_rect_t bounds;

  g_assert_true (desk_test_wait_for_frames (root, 3, DESK_FAULT_WAIT_MS));
  for (GtkWidget *area = view != NULL ? view : root; area != NULL;
       area = area == root ? NULL : root)
    {
      g_assert_true (gtk_widget_compute_bounds (widget, area, &bounds));
      if (bounds.origin.y < 0 ||
          bounds.origin.y + bounds.size.height > gtk_widget_get_height (area) + 0.5)
        g_error ("“%s” lies at %.0f–%.0f, outside the %d pixels shown",
                 GTK_IS_LABEL (widget) ? gtk_label_get_text (GTK_LABEL (widget))
                                       : gtk_button_get_label (GTK_BUTTON (widget)),
                 bounds.origin.y, bounds.origin.y + bounds.size.height,
                 gtk_widget_get_height (area));
    }
}

/* A window's message is on screen, as words in one of its labels, in view. */
static void
assert_shown (GtkWidget  *root,
              const char *message)
{
  GtkWidget *label = desk_fault_find (root, GTK_TYPE_LABEL, message);

  if (label == NULL)
    {
      g_autofree char *shown = desk_fault_visible_text (root);

      g_error ("The screen holds “%s” but shows:\n%s", message, shown);
    }
  assert_in_view (label);
}

/* The way on that a dialog offers can be seen. */
static void
assert_action_in_view (GtkWidget   *root,
                       const char **actions)
{
  for (; *actions != NULL; actions++)
    {
      GtkWidget *button = desk_fault_find_action (root, *actions);

      if (button != NULL && gtk_widget_is_sensitive (button))
        {
          assert_in_view (button);
          return;
        }
    }

  g_error ("No way on is offered");
}

/* --- The list ------------------------------------------------------------------------- */

static void
prepare_list (DeskFaultBench *bench)
{
  g_autoptr(DeskInvoice) first = NULL;

  g_assert_true (desk_fault_bench_wait_for (bench, list_shows_rows));
  first = g_list_model_get_item (desk_invoices_page_get_model (invoices (bench)), 0);
  bench->record = DESK_RECORD (g_object_ref (first));
  /* The invoice's number, which the assistant types. */
  bench->typed = g_strdup (desk_invoice_get_order_id (first));
  g_assert_nonnull (bench->typed);
  g_assert_cmpstr (bench->typed, !=, "");
}

static void
act_list (DeskFaultBench *bench)
{
  gtk_editable_set_text (search_entry (bench), bench->typed);
  g_signal_emit_by_name (search_entry (bench), "activate");
}

static gboolean
list_settled (DeskFaultBench *bench)
{
  return !desk_invoices_page_get_searching (invoices (bench)) && client_quiet (bench) &&
         g_strcmp0 (state (bench), "loading") != 0 && g_strcmp0 (state (bench), "waiting") != 0;
}

static char *
list_message (DeskFaultBench *bench)
{
  GtkWidget *status;

  if (g_strcmp0 (state (bench), "error") != 0)
    return NULL;

  status = desk_fault_find (GTK_WIDGET (results (bench)), ADW_TYPE_STATUS_PAGE, NULL);
  g_assert_nonnull (status);
  g_assert_nonnull (desk_fault_find (status, GTK_TYPE_BUTTON, NULL));
  return g_strdup (adw_status_page_get_description (ADW_STATUS_PAGE (status)));
}

static void
check_search_kept (DeskFaultBench *bench)
{
  g_assert_cmpstr (gtk_editable_get_text (search_entry (bench)), ==, bench->typed);
}

static void
retry_list (DeskFaultBench *bench)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (results (bench)), "results.retry", NULL));
}

/* The rows are the answer to the search: the invoice it was typed from is there. */
static gboolean
list_recovered (DeskFaultBench *bench)
{
  return list_shows_rows (bench) && client_quiet (bench) && listed_at (bench) >= 0;
}

/* --- The details ------------------------------------------------------------------------ */

static gboolean
detail_loaded (DeskFaultBench *bench)
{
  gint64 due;

  return g_strcmp0 (desk_invoice_detail_get_state (detail (bench)), "loaded") == 0 &&
         desk_invoice_detail_get_amount_due (detail (bench), &due) && client_quiet (bench);
}

static void
prepare_detail (DeskFaultBench *bench)
{
  prepare_list (bench);
  g_clear_pointer (&bench->typed, g_free);
}

static void
act_detail (DeskFaultBench *bench)
{
  int position = listed_at (bench);

  g_assert_cmpint (position, >=, 0);
  bench->count = desk_sandbox_get_request_count (bench->sandbox);
  desk_invoices_page_open_position (invoices (bench), (guint) position);
}

static gboolean
detail_settled (DeskFaultBench *bench)
{
  const char *shown = desk_invoice_detail_get_state (detail (bench));

  return desk_sandbox_get_request_count (bench->sandbox) > bench->count && client_quiet (bench) &&
         (g_strcmp0 (shown, "error") == 0 || g_strcmp0 (shown, "loaded") == 0);
}

/* The words beside the detail's Retry. */
static char *
detail_message (DeskFaultBench *bench)
{
  GtkWidget *retry = desk_fault_find_action (GTK_WIDGET (detail (bench)), "invoice.reload");
  GtkWidget *label;

  if (retry == NULL)
    {
      g_assert_cmpstr (desk_invoice_detail_get_state (detail (bench)), !=, "error");
      return NULL;
    }

  label = desk_fault_find (gtk_widget_get_parent (retry), GTK_TYPE_LABEL, NULL);
  g_assert_nonnull (label);
  return g_strdup (gtk_label_get_text (GTK_LABEL (label)));
}

static void
check_detail_kept (DeskFaultBench *bench)
{
  DeskInvoice *shown = desk_invoice_detail_get_invoice (detail (bench));

  /* The list entry stays on screen while the full record cannot be had. */
  g_assert_nonnull (shown);
  g_assert_cmpint (desk_invoice_get_id (shown), ==, desk_invoice_get_id (DESK_INVOICE (bench->record)));
}

static void
retry_detail (DeskFaultBench *bench)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (detail (bench)), "invoice.reload", NULL));
}

static gboolean
detail_recovered (DeskFaultBench *bench)
{
  return detail_loaded (bench) &&
         desk_fault_find_action (GTK_WIDGET (detail (bench)), "invoice.reload") == NULL;
}

/* --- Take Payment ----------------------------------------------------------------------- */

static DeskPaymentDialog *
payment (DeskFaultBench *bench)
{
  return bench->dialog != NULL ? DESK_PAYMENT_DIALOG (bench->dialog) : NULL;
}

static gboolean
methods_loaded (DeskFaultBench *bench)
{
  return desk_payment_dialog_set_method (payment (bench), "Cash") && client_quiet (bench);
}

static void
prepare_payment (DeskFaultBench *bench)
{
  g_autoptr(DeskApiClient) client = own_client (bench);
  g_autoptr(DeskInvoice) draft = desk_invoice_new ();
  g_autoptr(DeskInvoiceItem) item = desk_invoice_item_new ();
  g_autoptr(DeskInvoice) created = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  gint64 due = 0;

  prepare_list (bench);
  /* A sale of today that owes more than the payment, found by its number. */
  g_object_set (item, "name", "Battery replacement", "quantity", (gint64) 1,
                "price", (gint64) 8900, NULL);
  desk_invoice_add_item (draft, item);
  desk_api_client_create_invoice_async (client, draft, NULL, result_cb, &result);
  g_assert_true (desk_test_wait_for (has_result, &result, DESK_FAULT_WAIT_MS));
  created = desk_api_client_create_invoice_finish (client, result, &error);
  g_assert_no_error (error);
  g_set_object (&bench->record, DESK_RECORD (created));
  g_free (bench->typed);
  bench->typed = g_strdup (desk_invoice_get_order_id (created));
  act_list (bench);
  g_assert_true (desk_fault_bench_wait_for (bench, list_recovered));
  g_clear_pointer (&bench->typed, g_free);

  desk_invoices_page_open_position (invoices (bench), (guint) listed_at (bench));
  g_assert_true (desk_fault_bench_wait_for (bench, detail_loaded));
  g_assert_true (desk_invoice_detail_get_amount_due (detail (bench), &due));
  g_assert_cmpint (due, >, PAY_CENTS);
  bench->count = count_payments (bench);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (detail (bench)), "invoice.pay", NULL));
  bench->dialog = desk_invoice_detail_get_payment_dialog (detail (bench));
  g_assert_nonnull (bench->dialog);
  g_object_add_weak_pointer (G_OBJECT (bench->dialog), (gpointer *) &bench->dialog);
  g_assert_true (desk_fault_bench_wait_for (bench, methods_loaded));
  bench->typed = g_strdup (PAY_NOTES);
  desk_payment_dialog_set_field (payment (bench), "amount", PAY_AMOUNT);
  desk_payment_dialog_set_field (payment (bench), "notes", bench->typed);
}

static void
act_payment (DeskFaultBench *bench)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (bench->dialog), "payment.take", NULL));
}

static gboolean
payment_settled (DeskFaultBench *bench)
{
  const char *now, *message;

  if (bench->dialog == NULL)
    return client_quiet (bench);

  now = desk_payment_dialog_get_state (payment (bench));
  message = desk_payment_dialog_get_message (payment (bench));
  return g_strcmp0 (now, "sending") != 0 && g_strcmp0 (now, "checking") != 0 &&
         client_quiet (bench) &&
         (message == NULL || desk_fault_find (GTK_WIDGET (bench->dialog), GTK_TYPE_LABEL, message) != NULL);
}

static char *
payment_message (DeskFaultBench *bench)
{
  const char *message;

  if (bench->dialog == NULL)
    return NULL;

  message = desk_payment_dialog_get_message (payment (bench));
  if (message != NULL)
    {
      static const char *ways[] = { "payment.check-again", "payment.send-again", "payment.take",
                                    "payment.cancel", NULL };

      assert_shown (GTK_WIDGET (bench->dialog), message);
      assert_action_in_view (GTK_WIDGET (bench->dialog), ways);
      /* Refused for too many requests, RepairDesk was reached: the message must not say
       * otherwise, only that nothing was recorded. */
      if (bench->fault == DESK_SANDBOX_FAULT_RATE_LIMIT_BODY ||
          bench->fault == DESK_SANDBOX_FAULT_RATE_LIMIT_HTTP)
        {
          g_assert_null (strstr (message, "could not be reached"));
          g_assert_nonnull (strstr (message, "nothing was recorded"));
        }
    }
  return g_strdup (message);
}

static void
check_payment_kept (DeskFaultBench *bench)
{
  if (bench->dialog == NULL)
    return;

  g_assert_cmpstr (desk_payment_dialog_get_field (payment (bench), "amount"), ==, PAY_AMOUNT);
  g_assert_cmpstr (desk_payment_dialog_get_field (payment (bench), "notes"), ==, bench->typed);
}

/* The dialog's own way on: Check Again after a check that could not be made, Send Again
 * once the payment is surely not there, Take Payment when nothing was sent. */
static void
retry_payment (DeskFaultBench *bench)
{
  for (guint step = 0; step < 4 && bench->dialog != NULL; step++)
    {
      const char *now = desk_payment_dialog_get_state (payment (bench));
      const char *action;

      if (g_str_equal (now, "check-failed"))
        action = "payment.check-again";
      else if (g_str_equal (now, "not-recorded"))
        action = "payment.send-again";
      else if (g_str_equal (now, "editing"))
        action = "payment.take";
      else
        break;

      g_test_message ("payment: %s, %s", now, action);
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (bench->dialog), action, NULL));
      g_assert_true (desk_fault_bench_wait_for (bench, payment_settled));
    }
}

static gboolean
payment_recovered (DeskFaultBench *bench)
{
  if (!client_quiet (bench))
    return FALSE;

  /* Closed when RepairDesk took it, or open saying that a check found it there. */
  return bench->dialog == NULL ||
         g_strcmp0 (desk_payment_dialog_get_state (payment (bench)), "recorded") == 0;
}

/* The payment is on the invoice once, whatever happened on the way. */
static void
check_payment_once (DeskFaultBench *bench)
{
  g_assert_cmpuint (count_payments (bench), ==, bench->count + 1);
}

/* --- A new invoice ---------------------------------------------------------------------- */

static DeskInvoiceEditor *
editor (DeskFaultBench *bench)
{
  return bench->dialog != NULL ? DESK_INVOICE_EDITOR (bench->dialog) : NULL;
}

static gboolean
editor_ready (DeskFaultBench *bench)
{
  return desk_invoice_editor_get_ready (editor (bench)) && client_quiet (bench);
}

static gboolean
editor_can_save (DeskFaultBench *bench)
{
  return desk_invoice_editor_get_can_save (editor (bench));
}

static void
prepare_form (DeskFaultBench *bench)
{
  DeskInvoiceEditor *form;

  prepare_list (bench);
  g_clear_pointer (&bench->typed, g_free);
  g_assert_cmpuint (count_invoices_of (bench, LINE_NAME), ==, 0);

  form = desk_invoice_editor_new (bench->context, 0);
  gtk_window_set_transient_for (GTK_WINDOW (form), bench->window);
  gtk_window_set_default_size (GTK_WINDOW (form), 900, 760);
  bench->dialog = GTK_WINDOW (form);
  g_object_add_weak_pointer (G_OBJECT (bench->dialog), (gpointer *) &bench->dialog);
  gtk_window_present (bench->dialog);
  g_assert_true (desk_fault_bench_wait_for (bench, editor_ready));

  bench->typed = g_strdup (LINE_NAME);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (form), "editor.walk-in", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (form), "editor.add-free-line", NULL));
  gtk_editable_set_text (desk_invoice_editor_get_line_field (form, 0, "name"), bench->typed);
  gtk_editable_set_text (desk_invoice_editor_get_line_field (form, 0, "price"), LINE_PRICE);
  g_assert_true (desk_fault_bench_wait_for (bench, editor_can_save));
}

static void
act_form (DeskFaultBench *bench)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (bench->dialog), "editor.save", NULL));
}

static gboolean
form_settled (DeskFaultBench *bench)
{
  const char *message;

  if (bench->dialog == NULL)
    return client_quiet (bench);

  /* Settled, and what it says is on screen. */
  message = desk_invoice_editor_get_message (editor (bench));
  return !desk_invoice_editor_get_busy (editor (bench)) && message != NULL && client_quiet (bench) &&
         desk_fault_find (GTK_WIDGET (bench->dialog), GTK_TYPE_LABEL, message) != NULL;
}

static char *
form_message (DeskFaultBench *bench)
{
  static const char *ways[] = { "editor.check-again", "editor.send-again", "editor.save", NULL };
  const char *message;

  if (bench->dialog == NULL)
    return NULL;

  message = desk_invoice_editor_get_message (editor (bench));
  assert_shown (GTK_WIDGET (bench->dialog), message);
  assert_action_in_view (GTK_WIDGET (bench->dialog), ways);
  return g_strdup (message);
}

static void
check_form_kept (DeskFaultBench *bench)
{
  if (bench->dialog == NULL)
    return;

  g_assert_cmpuint (desk_invoice_editor_get_n_lines (editor (bench)), ==, 1);
  g_assert_cmpstr (gtk_editable_get_text (desk_invoice_editor_get_line_field (editor (bench), 0, "name")),
                   ==, bench->typed);
  g_assert_cmpstr (gtk_editable_get_text (desk_invoice_editor_get_line_field (editor (bench), 0, "price")),
                   ==, LINE_PRICE);
  g_assert_true (desk_invoice_editor_get_walk_in (editor (bench)));
}

static gboolean
form_answered (DeskFaultBench *bench)
{
  return bench->dialog == NULL ||
         (!desk_invoice_editor_get_busy (editor (bench)) && client_quiet (bench));
}

/* The form's own way on: Create when it says nothing was sent, otherwise the button it
 * shows beside its message (Check Again, then Send Again once the invoice is surely not
 * there). */
static void
retry_form (DeskFaultBench *bench)
{
  g_assert_nonnull (bench->dialog);
  for (guint step = 0; step < 4 && bench->dialog != NULL; step++)
    {
      const char *action;

      if (desk_fault_find_action (GTK_WIDGET (bench->dialog), "editor.check-again") != NULL)
        action = "editor.check-again";
      else if (desk_fault_find_action (GTK_WIDGET (bench->dialog), "editor.send-again") != NULL)
        action = "editor.send-again";
      else if (desk_invoice_editor_get_can_save (editor (bench)))
        action = "editor.save";
      else
        break;

      g_test_message ("form: %s", action);
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (bench->dialog), action, NULL));
      g_assert_true (desk_fault_bench_wait_for (bench, form_answered));
    }
}

static gboolean
form_recovered (DeskFaultBench *bench)
{
  return bench->dialog == NULL && client_quiet (bench);
}

/* One invoice with the line, whatever happened on the way. */
static void
check_form_once (DeskFaultBench *bench)
{
  g_assert_cmpuint (count_invoices_of (bench, LINE_NAME), ==, 1);
}

static const DeskFaultScreen screens[] = {
  {
    .name = "invoices-list",
    .new_page = new_page,
    .prepare = prepare_list,
    .act = act_list,
    .settled = list_settled,
    .message = list_message,
    .check_kept = check_search_kept,
    .retry = retry_list,
    .recovered = list_recovered,
    .tolerates_types = TRUE,
  },
  {
    .name = "invoice-detail",
    .new_page = new_page,
    .prepare = prepare_detail,
    .act = act_detail,
    .settled = detail_settled,
    .message = detail_message,
    .check_kept = check_detail_kept,
    .retry = retry_detail,
    .recovered = detail_recovered,
    .tolerates_types = TRUE,
  },
  {
    .name = "invoice-payment",
    .new_page = new_page,
    .prepare = prepare_payment,
    .act = act_payment,
    .settled = payment_settled,
    .message = payment_message,
    .check_kept = check_payment_kept,
    .retry = retry_payment,
    .recovered = payment_recovered,
    .check_once = check_payment_once,
    .tolerates_types = TRUE,
  },
  {
    .name = "invoice-new",
    .new_page = new_page,
    .prepare = prepare_form,
    .act = act_form,
    .settled = form_settled,
    .message = form_message,
    .check_kept = check_form_kept,
    .retry = retry_form,
    .recovered = form_recovered,
    .check_once = check_form_once,
    .tolerates_types = TRUE,
  },
};

int
main (int   argc,
      char *argv[])
{
  return desk_fault_matrix_main (argc, argv, screens, G_N_ELEMENTS (screens));
}
