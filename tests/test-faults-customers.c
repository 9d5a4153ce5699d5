/* test-faults-customers.c
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "customers/desk-customer-editor.h"
#include "customers/desk-customers-page.h"
#include "desk-test-faults.h"
#include "desk-test-utils.h"
#include "widgets/desk-results-view.h"

/* The Customers screen against every fault of the sandbox: the list while a search goes
 * out, a customer's details while they are read, and the customer form while it saves.
 * Each says what happened in words, keeps what was typed, and comes back with Retry (the
 * form: Save again), the change landing on the server. */

#define NEW_CITY "Greenfield Heights"

static DeskCustomersPage *
customers (DeskFaultBench *bench)
{
  return DESK_CUSTOMERS_PAGE (bench->page);
}

static DeskPage *
new_page (DeskFaultBench *bench)
{
  return DESK_PAGE (desk_customers_page_new (bench->context));
}

static GtkEditable *
search_entry (DeskFaultBench *bench)
{
  return GTK_EDITABLE (desk_fault_find (GTK_WIDGET (bench->page), GTK_TYPE_SEARCH_ENTRY, NULL));
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
  return desk_customers_page_get_state (customers (bench));
}

static gboolean
list_shows_rows (DeskFaultBench *bench)
{
  return !desk_customers_page_get_searching (customers (bench)) &&
         g_strcmp0 (state (bench), "results") == 0 &&
         g_list_model_get_n_items (desk_customers_page_get_model (customers (bench))) > 0;
}

/* --- The list ------------------------------------------------------------------------- */

static void
prepare_list (DeskFaultBench *bench)
{
  g_autoptr(DeskCustomer) first = NULL;

  g_assert_true (desk_fault_bench_wait_for (bench, list_shows_rows));
  first = g_list_model_get_item (desk_customers_page_get_model (customers (bench)), 0);
  bench->record = DESK_RECORD (g_object_ref (first));
  /* A name the store holds, which the assistant types. */
  bench->typed = g_strdup (desk_customer_get_first_name (first));
  g_assert_nonnull (bench->typed);
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
  return !desk_customers_page_get_searching (customers (bench)) &&
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

static gboolean
list_recovered (DeskFaultBench *bench)
{
  GListModel *model = desk_customers_page_get_model (customers (bench));

  if (!list_shows_rows (bench))
    return FALSE;

  /* The rows are the answer to the search: the customer it was typed from is there. */
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(DeskCustomer) customer = g_list_model_get_item (model, i);

      if (desk_customer_get_id (customer) == desk_customer_get_id (DESK_CUSTOMER (bench->record)))
        return TRUE;
    }

  return FALSE;
}

/* --- The details ------------------------------------------------------------------------ */

static gboolean client_quiet (DeskFaultBench *bench);

/* The list answered, and nothing else of it still on its way (a customer the search opened,
 * say): a request for the same customer would join it rather than meet the fault. */
static gboolean
list_recovered_and_quiet (DeskFaultBench *bench)
{
  return list_recovered (bench) && client_quiet (bench);
}

static void
prepare_detail (DeskFaultBench *bench)
{
  prepare_list (bench);
  act_list (bench);
  g_assert_true (desk_fault_bench_wait_for (bench, list_recovered_and_quiet));
}

static void
act_detail (DeskFaultBench *bench)
{
  bench->count = desk_sandbox_get_request_count (bench->sandbox);
  desk_customers_page_show_customer (customers (bench), DESK_CUSTOMER (bench->record));
}

static gboolean
client_quiet (DeskFaultBench *bench)
{
  DeskRateGovernor *governor = desk_api_client_get_governor (bench->client);

  return desk_api_client_get_n_active (bench->client) == 0 &&
         desk_rate_governor_get_queued (governor) == 0;
}

static gboolean
detail_settled (DeskFaultBench *bench)
{
  DeskCustomer *shown = desk_customers_page_get_customer (customers (bench));

  return desk_sandbox_get_request_count (bench->sandbox) > bench->count && client_quiet (bench) &&
         (desk_fault_find_action (GTK_WIDGET (bench->page), "customers.reload-customer") != NULL ||
          shown != DESK_CUSTOMER (bench->record));
}

/* The words beside the detail pane's Retry. */
static char *
detail_message (DeskFaultBench *bench)
{
  GtkWidget *retry = desk_fault_find_action (GTK_WIDGET (bench->page), "customers.reload-customer");
  GtkWidget *label;

  if (retry == NULL)
    return NULL;

  label = desk_fault_find (gtk_widget_get_parent (retry), GTK_TYPE_LABEL, NULL);
  g_assert_nonnull (label);
  return g_strdup (gtk_label_get_text (GTK_LABEL (label)));
}

static void
check_detail_kept (DeskFaultBench *bench)
{
  check_search_kept (bench);
  /* The list entry stays on screen while the full record cannot be had. */
  g_assert_cmpint (desk_customer_get_id (desk_customers_page_get_customer (customers (bench))), ==,
                   desk_customer_get_id (DESK_CUSTOMER (bench->record)));
}

static void
retry_detail (DeskFaultBench *bench)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (bench->page), "customers.reload-customer",
                                             NULL));
}

/* The full record is shown, and can be edited. */
static gboolean
detail_recovered (DeskFaultBench *bench)
{
  DeskCustomer *shown = desk_customers_page_get_customer (customers (bench));

  return shown != NULL && shown != DESK_CUSTOMER (bench->record) &&
         desk_customer_get_id (shown) == desk_customer_get_id (DESK_CUSTOMER (bench->record)) &&
         client_quiet (bench);
}

/* --- The form ------------------------------------------------------------------------- */

static DeskCustomerEditor *
editor (DeskFaultBench *bench)
{
  return bench->dialog != NULL ? DESK_CUSTOMER_EDITOR (bench->dialog) : NULL;
}

static void
prepare_form (DeskFaultBench *bench)
{
  prepare_detail (bench);
  act_detail (bench);
  g_assert_true (desk_fault_bench_wait_for (bench, detail_recovered));
  bench->count = desk_fault_bench_count_customers (bench, NULL);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (bench->page), "customers.edit", NULL));
  bench->dialog = desk_customers_page_get_editor (customers (bench));
  g_assert_nonnull (bench->dialog);
  g_object_add_weak_pointer (G_OBJECT (bench->dialog), (gpointer *) &bench->dialog);
  g_free (bench->typed);
  bench->typed = g_strdup (NEW_CITY);
  gtk_editable_set_text (desk_customer_editor_get_field (editor (bench), "city"), bench->typed);
}

static void
act_form (DeskFaultBench *bench)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (bench->dialog), "editor.save", NULL));
}

static gboolean
form_settled (DeskFaultBench *bench)
{
  const char *error;

  if (bench->dialog == NULL)
    return TRUE;

  /* Settled, and what it says is on screen. */
  error = desk_customer_editor_get_error (editor (bench));
  return !desk_customer_editor_get_busy (editor (bench)) && error != NULL && client_quiet (bench) &&
         desk_fault_find (GTK_WIDGET (bench->dialog), GTK_TYPE_LABEL, error) != NULL;
}

static char *
form_message (DeskFaultBench *bench)
{
  GtkWidget *label;
  const char *error;

  if (bench->dialog == NULL)
    return NULL;

  error = desk_customer_editor_get_error (editor (bench));
  /* What the form says is what it shows. */
  label = desk_fault_find (GTK_WIDGET (bench->dialog), GTK_TYPE_LABEL, error);
  if (label == NULL)
    {
      g_autofree char *shown = desk_fault_visible_text (GTK_WIDGET (bench->dialog));

      g_error ("The form holds “%s” but shows:\n%s", error, shown);
    }
  return g_strdup (error);
}

static void
check_form_kept (DeskFaultBench *bench)
{
  if (bench->dialog == NULL)
    return;

  g_assert_cmpstr (gtk_editable_get_text (desk_customer_editor_get_field (editor (bench), "city")),
                   ==, bench->typed);
  g_assert_cmpstr (gtk_editable_get_text (desk_customer_editor_get_field (editor (bench), "first-name")),
                   ==, desk_customer_get_first_name (DESK_CUSTOMER (bench->record)));
}

static void
retry_form (DeskFaultBench *bench)
{
  g_assert_nonnull (bench->dialog);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (bench->dialog), "editor.save", NULL));
}

static gboolean
form_recovered (DeskFaultBench *bench)
{
  g_autoptr(DeskCustomer) stored = NULL;
  g_autofree char *city = NULL;

  if (bench->dialog != NULL || !client_quiet (bench))
    return FALSE;

  stored = desk_fault_bench_read_customer (bench, desk_customer_get_id (DESK_CUSTOMER (bench->record)));
  g_object_get (stored, "city", &city, NULL);
  return g_strcmp0 (city, NEW_CITY) == 0;
}

/* The save changed the customer and made no other. */
static void
check_form_once (DeskFaultBench *bench)
{
  g_assert_cmpuint (desk_fault_bench_count_customers (bench, NULL), ==, bench->count);
}

/* --- A new customer ------------------------------------------------------------------- */

#define NEW_EMAIL "fault.matrix@example.org"

static void
prepare_new (DeskFaultBench *bench)
{
  prepare_list (bench);
  g_assert_cmpuint (desk_fault_bench_count_customers (bench, NEW_EMAIL), ==, 0);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (bench->page), "customers.new", NULL));
  bench->dialog = desk_customers_page_get_editor (customers (bench));
  g_assert_nonnull (bench->dialog);
  g_object_add_weak_pointer (G_OBJECT (bench->dialog), (gpointer *) &bench->dialog);
  g_free (bench->typed);
  bench->typed = g_strdup (NEW_EMAIL);
  gtk_editable_set_text (desk_customer_editor_get_field (editor (bench), "first-name"), "Fault");
  gtk_editable_set_text (desk_customer_editor_get_field (editor (bench), "last-name"), "Matrix");
  gtk_editable_set_text (desk_customer_editor_get_field (editor (bench), "email"), bench->typed);
}

static void
check_new_kept (DeskFaultBench *bench)
{
  if (bench->dialog == NULL)
    return;

  g_assert_cmpstr (gtk_editable_get_text (desk_customer_editor_get_field (editor (bench), "email")),
                   ==, bench->typed);
  g_assert_cmpstr (gtk_editable_get_text (desk_customer_editor_get_field (editor (bench), "first-name")),
                   ==, "Fault");
}

static gboolean
save_answered (DeskFaultBench *bench)
{
  return bench->dialog == NULL || desk_test_find_window (ADW_TYPE_MESSAGE_DIALOG) != NULL ||
         (!desk_customer_editor_get_busy (editor (bench)) && client_quiet (bench));
}

/* Save again; when the form finds the customer the first Save may have made, the
 * assistant opens that one. */
static void
retry_new (DeskFaultBench *bench)
{
  GtkWindow *question;

  g_assert_nonnull (bench->dialog);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (bench->dialog), "editor.save", NULL));
  g_assert_true (desk_fault_bench_wait_for (bench, save_answered));
  question = desk_test_find_window (ADW_TYPE_MESSAGE_DIALOG);
  if (question != NULL)
    {
      desk_fault_bench_screenshot (bench, GTK_WIDGET (question), "second-customer");
      adw_message_dialog_response (ADW_MESSAGE_DIALOG (question), "open");
    }
}

static gboolean
new_recovered (DeskFaultBench *bench)
{
  DeskCustomer *shown = desk_customers_page_get_customer (customers (bench));
  return bench->dialog == NULL && client_quiet (bench) && shown != NULL &&
         g_strcmp0 (desk_customer_get_email (shown), NEW_EMAIL) == 0;
}

/* One customer with the address, whatever happened on the way. */
static void
check_new_once (DeskFaultBench *bench)
{
  g_assert_cmpuint (desk_fault_bench_count_customers (bench, NEW_EMAIL), ==, 1);
}

static const DeskFaultScreen screens[] = {
  {
    .name = "customers-list",
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
    .name = "customer-detail",
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
    .name = "customer-form",
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
  {
    .name = "customer-new",
    .new_page = new_page,
    .prepare = prepare_new,
    .act = act_form,
    .settled = form_settled,
    .message = form_message,
    .check_kept = check_new_kept,
    .retry = retry_new,
    .recovered = new_recovered,
    .check_once = check_new_once,
    .tolerates_types = TRUE,
  },
};

int
main (int   argc,
      char *argv[])
{
  return desk_fault_matrix_main (argc, argv, screens, G_N_ELEMENTS (screens));
}
