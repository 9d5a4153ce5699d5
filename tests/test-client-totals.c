/* test-client-totals.c
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "desk-core.h"
#include "desk-sandbox.h"
#include "desk-test-client.h"

/* Totals of an invoice and a ticket written through the client to the sandbox and read
 * back, against figures worked out by hand. The sandbox and the client both compute
 * their totals with desk-money, so comparing one with the other would prove nothing: a
 * tax truncated instead of rounded would agree with itself on both sides. The lines are
 * chosen so that their taxes fall on half a cent, where rounding and truncating part.
 *
 * The sandbox's tax classes: 7401 Sales Tax 8.75 %, 7402 Tax Exempt 0 %, 7403 Reduced
 * Rate 5 %. */

#define SECOND G_USEC_PER_SEC

typedef struct
{
  DeskClock     *clock;
  DeskSandbox   *sandbox;
  DeskApiClient *client;
  GAsyncResult  *result;
} Fixture;

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(DeskRateGovernor) governor = NULL;
  g_autoptr(GError) error = NULL;

  fixture->clock = desk_clock_new_manual (1000 * SECOND);
  fixture->sandbox = desk_sandbox_new ();
  g_object_set (fixture->sandbox,
                "seed", 5,
                "n-customers", 10,
                "n-tickets", 10,
                "n-invoices", 10,
                "clock", fixture->clock,
                NULL);
  g_assert_true (desk_sandbox_start (fixture->sandbox, 0, &error));
  g_assert_no_error (error);

  governor = desk_rate_governor_new (fixture->clock);
  fixture->client = g_object_new (DESK_TYPE_API_CLIENT,
                                  "base-url", desk_sandbox_get_url (fixture->sandbox),
                                  "api-key", DESK_SANDBOX_DEMO_API_KEY,
                                  "governor", governor,
                                  NULL);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  g_clear_object (&fixture->result);
  desk_test_finalize_soon (fixture->client);
  desk_sandbox_stop (fixture->sandbox);
  g_assert_finalize_object (fixture->sandbox);
  g_assert_finalize_object (fixture->clock);
}

static void
done_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  Fixture *fixture = user_data;

  fixture->result = g_object_ref (result);
}

static gpointer
start (Fixture *fixture)
{
  g_clear_object (&fixture->result);

  return fixture;
}

/* Runs the loop until the call is in; the rate limit's pauses pass on the manual clock. */
static GAsyncResult *
await (Fixture *fixture)
{
  DeskRateGovernor *governor = desk_api_client_get_governor (fixture->client);
  gint64 deadline = g_get_monotonic_time () + DESK_TEST_OUTER_BOUND;

  while (fixture->result == NULL)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);

      if (g_main_context_iteration (NULL, FALSE))
        continue;

      if (desk_api_client_get_n_active (fixture->client) == 0 &&
          desk_rate_governor_get_queued (governor) > 0)
        desk_clock_advance (fixture->clock, SECOND);
      else
        g_main_context_iteration (NULL, TRUE);
    }

  return fixture->result;
}

static void
add_item (DeskInvoice *invoice,
          const char  *name,
          gint64       price,
          gint64       quantity,
          gint64       discount,
          gint64       tax_class_id)
{
  g_autoptr(DeskInvoiceItem) item = desk_invoice_item_new ();

  g_object_set (item,
                "name", name,
                "price", price,
                "quantity", quantity,
                "line-discount", discount,
                "tax-class-id", tax_class_id,
                NULL);
  desk_invoice_add_item (invoice, item);
}

static void
test_invoice_totals (Fixture       *fixture,
                     gconstpointer  data)
{
  DeskApiClient *client = fixture->client;
  g_autoptr(DeskInvoice) draft = desk_invoice_new ();
  g_autoptr(DeskInvoice) created = NULL;
  g_autoptr(DeskInvoice) paid = NULL;
  g_autoptr(DeskInvoice) read_back = NULL;
  g_autoptr(GError) error = NULL;
  DeskTotals totals;
  gint64 due = 0;

  /* By hand:
   *   Screen film  1.10            at 5 %    = 0.055   -> 0.06 (a half cent, up)
   *   Cable        2 x 1.00 = 2.00 at 8.75 % = 0.175   -> 0.18 (a half cent, up)
   *   Case         2 x 10.00 - 1.00 = 19.00 at 8.75 % = 1.6625 -> 1.66 (down)
   *   Labour       20.00           exempt    = 0
   *   subtotal 43.10, discount 1.00, tax 1.90, total 44.00
   * Truncating the taxes would give 43.98. */
  add_item (draft, "Screen film", 110, 1, 0, 7403);
  add_item (draft, "Cable", 100, 2, 0, 7401);
  add_item (draft, "Case", 1000, 2, 100, 7401);
  add_item (draft, "Labour", 2000, 1, 0, 7402);
  g_object_set (draft, "customer-id", (gint64) 380001, NULL);

  desk_api_client_create_invoice_async (client, draft, NULL, done_cb, start (fixture));
  created = desk_api_client_create_invoice_finish (client, await (fixture), &error);
  g_assert_no_error (error);
  g_assert_cmpint (desk_invoice_get_total (created), ==, 4400);
  g_assert_cmpint (desk_invoice_get_amount_due (created), ==, 4400);

  desk_api_client_get_invoice_due_amount_async (client, desk_invoice_get_id (created), NULL,
                                                done_cb, start (fixture));
  g_assert_true (desk_api_client_get_invoice_due_amount_finish (client, await (fixture), &due,
                                                                &error));
  g_assert_no_error (error);
  g_assert_cmpint (due, ==, 4400);

  /* Half of it paid: 22.00 left. */
  desk_api_client_add_payment_async (client, desk_invoice_get_id (created), 2200, "Cash",
                                     1768478400, "", NULL, done_cb, start (fixture));
  paid = desk_api_client_add_payment_finish (client, await (fixture), &error);
  g_assert_no_error (error);
  g_assert_cmpint (desk_invoice_get_amount_paid (paid), ==, 2200);
  g_assert_cmpint (desk_invoice_get_amount_due (paid), ==, 2200);

  /* The client's own reading of the lines it got back comes to the same figures. */
  desk_api_client_get_invoice_async (client, desk_invoice_get_id (created), NULL, done_cb,
                                     start (fixture));
  read_back = desk_api_client_get_invoice_finish (client, await (fixture), &error);
  g_assert_no_error (error);
  g_assert_cmpint (desk_invoice_get_total (read_back), ==, 4400);
  g_assert_cmpint (desk_invoice_get_amount_due (read_back), ==, 2200);

  desk_invoice_compute_totals (read_back, &totals);
  g_assert_cmpint (totals.subtotal, ==, 4310);
  g_assert_cmpint (totals.discount, ==, 100);
  g_assert_cmpint (totals.tax, ==, 190);
  g_assert_cmpint (totals.total, ==, 4400);
  g_assert_cmpint (totals.paid, ==, 2200);
  g_assert_cmpint (totals.due, ==, 2200);
}

static gint64
first_id (Fixture *fixture,
          void   (*list_async) (DeskApiClient *, GCancellable *, GAsyncReadyCallback, gpointer),
          GPtrArray *(*list_finish) (DeskApiClient *, GAsyncResult *, GError **))
{
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GError) error = NULL;

  list_async (fixture->client, NULL, done_cb, start (fixture));
  records = list_finish (fixture->client, await (fixture), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (records->len, >, 0);

  return desk_named_item_get_id (g_ptr_array_index (records, 0));
}

static void
add_device (Fixture    *fixture,
            DeskTicket *ticket,
            gint64      price,
            gint64      discount,
            gint64      tax_class_id)
{
  g_autoptr(DeskTicketDevice) device = desk_ticket_device_new ();

  g_object_set (device,
                "device-id", first_id (fixture, desk_api_client_list_devices_async,
                                       desk_api_client_list_devices_finish),
                "status", "Pending",
                "price", price,
                "line-discount", discount,
                "task-type-id", first_id (fixture, desk_api_client_list_task_types_async,
                                          desk_api_client_list_task_types_finish),
                "assigned-to-id", first_id (fixture, desk_api_client_list_employees_async,
                                            desk_api_client_list_employees_finish),
                "tax-class-id", tax_class_id,
                NULL);
  desk_ticket_add_device (ticket, device);
}

static void
test_ticket_totals (Fixture       *fixture,
                    gconstpointer  data)
{
  DeskApiClient *client = fixture->client;
  g_autoptr(DeskTicket) draft = desk_ticket_new ();
  g_autoptr(DeskTicket) created = NULL;
  g_autoptr(DeskTicket) shown = NULL;
  g_autoptr(DeskInvoice) invoice = NULL;
  g_autoptr(GError) error = NULL;

  /* By hand:
   *   a phone   116.36 - 6.36 = 110.00 at 8.75 % = 9.625 -> 9.63 (a half cent, up)
   *   a tablet  1.10                   at 5 %    = 0.055 -> 0.06 (a half cent, up)
   *   total 110.00 + 9.63 + 1.10 + 0.06 = 120.79; truncated taxes would give 120.77. */
  add_device (fixture, draft, 11636, 636, 7401);
  add_device (fixture, draft, 110, 0, 7403);
  g_object_set (draft, "customer-id", (gint64) 380001, NULL);

  desk_api_client_create_ticket_async (client, draft, NULL, done_cb, start (fixture));
  created = desk_api_client_create_ticket_finish (client, await (fixture), &error);
  g_assert_no_error (error);
  g_assert_cmpint (desk_ticket_get_total (created), ==, 12079);

  desk_api_client_get_ticket_async (client, desk_ticket_get_id (created), NULL, done_cb,
                                    start (fixture));
  shown = desk_api_client_get_ticket_finish (client, await (fixture), &error);
  g_assert_no_error (error);
  g_assert_cmpint (desk_ticket_get_total (shown), ==, 12079);

  /* Its invoice carries the same total, all of it due. */
  desk_api_client_convert_ticket_to_invoice_async (client, desk_ticket_get_id (shown), NULL,
                                                   done_cb, start (fixture));
  invoice = desk_api_client_convert_ticket_to_invoice_finish (client, await (fixture), &error);
  g_assert_no_error (error);
  g_assert_cmpint (desk_invoice_get_total (invoice), ==, 12079);
  g_assert_cmpint (desk_invoice_get_amount_due (invoice), ==, 12079);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add ("/client-totals/invoice", Fixture, NULL, fixture_setup, test_invoice_totals,
              fixture_teardown);
  g_test_add ("/client-totals/ticket", Fixture, NULL, fixture_setup, test_ticket_totals,
              fixture_teardown);

  return g_test_run ();
}
