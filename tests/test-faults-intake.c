/* test-faults-intake.c
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "desk-test-faults.h"
#include "desk-test-utils.h"
#include "intake/desk-intake-device.h"
#include "intake/desk-intake-page.h"

/* The New Ticket screen against every fault of the sandbox: the customer search while it
 * asks the server, and Create. Each says what happened in words, keeps the search, the
 * form and the signature, and gets there once the fault is lifted: the customer found,
 * the ticket created exactly once. */

/* A valid IMEI (its Luhn check digit is right). */
#define GOOD_IMEI "490154203237518"

static DeskIntakePage *
intake (DeskFaultBench *bench)
{
  return DESK_INTAKE_PAGE (bench->page);
}

static DeskPage *
new_page (DeskFaultBench *bench)
{
  return DESK_PAGE (desk_intake_page_new (bench->context));
}

static gboolean
catalog_loaded (DeskFaultBench *bench)
{
  DeskCatalogKind kinds[] = { DESK_CATALOG_DEVICES, DESK_CATALOG_PROBLEMS, DESK_CATALOG_STATUSES,
                              DESK_CATALOG_EMPLOYEES, DESK_CATALOG_TAX_CLASSES,
                              DESK_CATALOG_SUPPLIES, DESK_CATALOG_TASK_TYPES,
                              DESK_CATALOG_PARTS };

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (!desk_catalog_is_loaded (bench->catalog, kinds[i]))
      return FALSE;

  return TRUE;
}

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

/* A customer with an e-mail address, as the server lists them. */
static DeskCustomer *
some_customer (DeskFaultBench *bench)
{
  DeskListQuery query = { .filter = DESK_LIST_FILTER_ALL };
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) found = NULL;

  desk_api_client_list_customers_async (bench->client, &query, 0, NULL, result_cb, &result);
  g_assert_true (desk_test_wait_for (has_result, &result, DESK_FAULT_WAIT_MS));
  found = desk_api_client_list_customers_finish (bench->client, result, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < found->len; i++)
    {
      DeskCustomer *customer = g_ptr_array_index (found, i);
      const char *email = desk_customer_get_email (customer);

      if (email != NULL && strchr (email, '@') != NULL)
        return g_object_ref (customer);
    }

  g_assert_not_reached ();
}

static GtkEditable *
search_entry (DeskFaultBench *bench)
{
  return GTK_EDITABLE (desk_fault_find (GTK_WIDGET (bench->page), GTK_TYPE_SEARCH_ENTRY, NULL));
}

static gboolean
not_busy (DeskFaultBench *bench)
{
  return !desk_intake_page_get_busy (intake (bench));
}

/* --- The customer search ------------------------------------------------------------- */

static void
prepare_search (DeskFaultBench *bench)
{
  g_assert_true (desk_fault_bench_wait_for (bench, catalog_loaded));
  bench->record = DESK_RECORD (some_customer (bench));
  bench->typed = g_strdup (desk_customer_get_email (DESK_CUSTOMER (bench->record)));
}

static void
act_search (DeskFaultBench *bench)
{
  gtk_editable_set_text (search_entry (bench), bench->typed);
  g_signal_emit_by_name (search_entry (bench), "activate");
}

/* The hint under the search: what the picker says instead of rows. */
static GtkWidget *
search_hint (DeskFaultBench *bench)
{
  GtkWidget *box = gtk_widget_get_parent (GTK_WIDGET (search_entry (bench)));

  while (box != NULL && desk_fault_find (box, GTK_TYPE_STACK, NULL) == NULL)
    box = gtk_widget_get_parent (box);
  g_assert_nonnull (box);

  return desk_fault_find (desk_fault_find (box, GTK_TYPE_STACK, NULL), GTK_TYPE_LABEL, NULL);
}

static gboolean
search_settled (DeskFaultBench *bench)
{
  GtkWidget *hint;

  if (desk_intake_page_get_customer (intake (bench)) != NULL)
    return TRUE;

  hint = search_hint (bench);
  return hint != NULL && !g_str_has_prefix (gtk_label_get_text (GTK_LABEL (hint)), "Looking for") &&
         desk_api_client_get_n_active (bench->client) == 0 &&
         desk_rate_governor_get_queued (desk_api_client_get_governor (bench->client)) == 0;
}

static char *
search_message (DeskFaultBench *bench)
{
  GtkWidget *hint;

  if (desk_intake_page_get_customer (intake (bench)) != NULL)
    return NULL;

  hint = search_hint (bench);
  if (hint == NULL)
    return NULL;

  /* The picker has no Retry button: its words say how to ask again. */
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (hint)), "Enter"));
  return g_strdup (gtk_label_get_text (GTK_LABEL (hint)));
}

static void
check_search_kept (DeskFaultBench *bench)
{
  if (desk_intake_page_get_customer (intake (bench)) == NULL)
    g_assert_cmpstr (gtk_editable_get_text (search_entry (bench)), ==, bench->typed);
}

/* The picker's own way: Enter asks again. */
static void
retry_search (DeskFaultBench *bench)
{
  g_signal_emit_by_name (search_entry (bench), "activate");
}

static gboolean
search_recovered (DeskFaultBench *bench)
{
  DeskCustomer *chosen = desk_intake_page_get_customer (intake (bench));

  return chosen != NULL &&
         desk_customer_get_id (chosen) == desk_customer_get_id (DESK_CUSTOMER (bench->record));
}

/* --- Create ----------------------------------------------------------------------------- */

static DeskIntakeDevice *
device_section (DeskFaultBench *bench)
{
  g_autoptr(DeskIntakeDevice) device = g_list_model_get_item (desk_intake_page_get_devices (intake (bench)), 0);

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

/* Two strokes, as the pad's gestures would send them. */
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

static void
prepare_create (DeskFaultBench *bench)
{
  g_autoptr(DeskDevice) model = NULL;
  g_autoptr(DeskProblem) problem = NULL;
  DeskIntakeDevice *device;

  prepare_search (bench);
  desk_intake_page_set_customer (intake (bench), DESK_CUSTOMER (bench->record));
  g_free (bench->typed);
  bench->typed = g_strdup (GOOD_IMEI);

  model = first_item (bench->catalog, DESK_CATALOG_DEVICES);
  problem = first_item (bench->catalog, DESK_CATALOG_PROBLEMS);
  device = device_section (bench);
  desk_intake_device_select_model (device, desk_named_item_get_id (DESK_NAMED_ITEM (model)));
  gtk_editable_set_text (desk_intake_device_get_field (device, "imei"), bench->typed);
  desk_intake_device_add_problem (device, problem);
  sign (desk_intake_page_get_signature (intake (bench)));
  g_assert_null (desk_intake_page_get_blocker (intake (bench)));
}

static void
act_create (DeskFaultBench *bench)
{
  gtk_widget_activate_action (GTK_WIDGET (bench->page), "intake.create", NULL);
}

static gboolean
create_settled (DeskFaultBench *bench)
{
  const char *error = desk_intake_page_get_error (intake (bench));

  if (desk_intake_page_get_created (intake (bench)) != NULL)
    return not_busy (bench);

  /* Settled, and its words on screen. */
  return not_busy (bench) && error != NULL && strstr (error, "Checking") == NULL &&
         desk_fault_find (GTK_WIDGET (bench->page), GTK_TYPE_LABEL, error) != NULL;
}

static char *
create_message (DeskFaultBench *bench)
{
  if (desk_intake_page_get_created (intake (bench)) != NULL)
    return NULL;

  return g_strdup (desk_intake_page_get_error (intake (bench)));
}

/* The form as it was typed: the customer, the device and the signature. */
static void
check_form_kept (DeskFaultBench *bench)
{
  DeskCustomer *chosen = desk_intake_page_get_customer (intake (bench));

  if (desk_intake_page_get_created (intake (bench)) != NULL)
    return;

  g_assert_nonnull (chosen);
  g_assert_cmpint (desk_customer_get_id (chosen), ==,
                   desk_customer_get_id (DESK_CUSTOMER (bench->record)));
  g_assert_cmpstr (gtk_editable_get_text (desk_intake_device_get_field (device_section (bench), "imei")),
                   ==, bench->typed);
  g_assert_cmpuint (desk_signature_get_n_strokes (desk_intake_page_get_signature (intake (bench))),
                    ==, 2);
}

static gboolean
offers (DeskFaultBench *bench,
        const char     *action)
{
  return desk_fault_find_action (GTK_WIDGET (bench->page), action) != NULL;
}

/* What the screen offers: Check Again when it could not tell whether the ticket was
 * made, then Send Again when it was not; Create when it surely was not sent. */
static void
retry_create (DeskFaultBench *bench)
{
  if (offers (bench, "intake.check-again"))
    {
      gtk_widget_activate_action (GTK_WIDGET (bench->page), "intake.check-again", NULL);
      g_assert_true (desk_fault_bench_wait_for (bench, create_settled));
      desk_fault_bench_screenshot (bench, GTK_WIDGET (bench->window), "checked");
    }
  if (desk_intake_page_get_created (intake (bench)) != NULL)
    return;

  if (offers (bench, "intake.send-again"))
    gtk_widget_activate_action (GTK_WIDGET (bench->page), "intake.send-again", NULL);
  else
    gtk_widget_activate_action (GTK_WIDGET (bench->page), "intake.create", NULL);
}

static gboolean
create_recovered (DeskFaultBench *bench)
{
  return desk_intake_page_get_created (intake (bench)) != NULL && not_busy (bench);
}

/* One ticket on the server for the device, whatever happened on the way; and the screen
 * no longer speaks of the trouble. */
static void
check_created_once (DeskFaultBench *bench)
{
  g_assert_cmpuint (desk_fault_bench_count_tickets (bench, GOOD_IMEI), ==, 1);
  g_assert_null (desk_intake_page_get_error (intake (bench)));
}

static const DeskFaultScreen screens[] = {
  {
    .name = "intake-search",
    .new_page = new_page,
    .prepare = prepare_search,
    .act = act_search,
    .settled = search_settled,
    .message = search_message,
    .check_kept = check_search_kept,
    .retry = retry_search,
    .recovered = search_recovered,
    .tolerates_types = TRUE,
  },
  {
    .name = "intake-create",
    .new_page = new_page,
    .prepare = prepare_create,
    .act = act_create,
    .settled = create_settled,
    .message = create_message,
    .check_kept = check_form_kept,
    .retry = retry_create,
    .recovered = create_recovered,
    .check_once = check_created_once,
    .tolerates_types = TRUE,
  },
};

int
main (int   argc,
      char *argv[])
{
  return desk_fault_matrix_main (argc, argv, screens, G_N_ELEMENTS (screens));
}
