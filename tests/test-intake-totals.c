/* test-intake-totals.c
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "desk-core.h"
#include "desk-intake-totals.h"
#include "desk-sandbox.h"
#include "desk-test-client.h"

/* The running totals of the intake form: worked out by hand, and then the same lines sent
 * to the sandbox, whose ticket must come back with the same totals. The rates are the
 * sandbox's tax classes: 8.75 %, 0 % and 5 %. */

#define RATE_A 8750
#define RATE_B 0
#define RATE_C 5000

/* Device 1: a screen at 20.00 less 10.00, taxed 87.5 cents, which rounds up to 88; two
 * cables at 5.25 taxed 52.5 cents, 53; a 19.99 part untaxed. Device 2: priced by its
 * problems, 39.99 + 25.00 = 64.99 at 5 % is 3.2495, 3.25; three 3.33 parts at 8.75 % is
 * 0.874125, 0.87. */
static const DeskIntakePart parts_1[] = {
  { 525, 2, RATE_C },
  { 1999, 1, RATE_B },
};
static const DeskIntakePart parts_2[] = {
  { 333, 3, RATE_A },
};
static const gint64 problems_2[] = { 3999, 2500 };

static void
fill_lines (DeskIntakeLine *lines)
{
  memset (lines, 0, 2 * sizeof *lines);
  lines[0] = (DeskIntakeLine) { TRUE, 2000, 1000, RATE_A, NULL, 0, parts_1, 2 };
  lines[1] = (DeskIntakeLine) { FALSE, 0, 0, RATE_C, problems_2, 2, parts_2, 1 };
}

static void
test_totals_by_hand (void)
{
  DeskIntakeLine lines[2];
  g_autoptr(GError) error = NULL;
  DeskTotals totals;
  gint64 price = -1;

  fill_lines (lines);
  g_assert_true (desk_intake_line_get_price (&lines[1], &price, &error));
  g_assert_no_error (error);
  g_assert_cmpint (price, ==, 6499);

  g_assert_true (desk_intake_totals_compute (lines, 2, &totals, &error));
  g_assert_no_error (error);
  /* 20.00 + 10.50 + 19.99 + 64.99 + 9.99 */
  g_assert_cmpint (totals.subtotal, ==, 12547);
  g_assert_cmpint (totals.discount, ==, 1000);
  /* 0.88 + 0.53 + 0 + 3.25 + 0.87 */
  g_assert_cmpint (totals.tax, ==, 553);
  g_assert_cmpint (totals.total, ==, 12100);
  g_assert_cmpint (totals.paid, ==, 0);
  g_assert_cmpint (totals.due, ==, 12100);

  /* A price set by hand wins over the problems'. */
  lines[1].has_price = TRUE;
  lines[1].price = 5000;
  g_assert_true (desk_intake_totals_compute (lines, 2, &totals, NULL));
  g_assert_cmpint (totals.subtotal, ==, 12547 - 6499 + 5000);
  g_assert_cmpint (totals.tax, ==, 88 + 53 + 250 + 87);

  /* No devices yet: all zero. */
  g_assert_true (desk_intake_totals_compute (NULL, 0, &totals, NULL));
  g_assert_cmpint (totals.total, ==, 0);
}

/* Half a cent rounds away from zero, per line, never on the sum. */
static void
test_totals_half_cents (void)
{
  const DeskIntakePart half[] = { { 10, 1, RATE_C } , { 10, 1, RATE_C } };
  DeskIntakeLine line = { TRUE, 0, 0, RATE_A, NULL, 0, half, 2 };
  DeskTotals totals;

  /* Each 0.10 part at 5 % is half a cent, rounded up to 1 cent: 2 cents, not 1. */
  g_assert_true (desk_intake_totals_compute (&line, 1, &totals, NULL));
  g_assert_cmpint (totals.tax, ==, 2);
  g_assert_cmpint (totals.total, ==, 22);

  /* Just under half rounds down: 0.09 at 5 % is 0.45 cent. */
  line.parts = (const DeskIntakePart[]) { { 9, 1, RATE_C } };
  line.n_parts = 1;
  g_assert_true (desk_intake_totals_compute (&line, 1, &totals, NULL));
  g_assert_cmpint (totals.tax, ==, 0);
}

static void
assert_refused (const DeskIntakeLine *line,
                const char           *words)
{
  g_autoptr(GError) error = NULL;
  DeskTotals totals = { 1, 1, 1, 1, 1, 1 };

  g_assert_false (desk_intake_totals_compute (line, 1, &totals, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  g_assert_nonnull (strstr (error->message, words));
  g_assert_cmpint (totals.total, ==, 0);
}

static void
test_totals_refused (void)
{
  const DeskIntakePart none[] = { { 500, 0, 0 } };
  const DeskIntakePart many[] = { { 500, 10001, 0 } };
  const gint64 huge[] = { G_MAXINT64 / 2, G_MAXINT64 / 2 };
  DeskIntakeLine line = { TRUE, 1000, 1500, RATE_A, NULL, 0, NULL, 0 };

  assert_refused (&line, "discount is more than the price");
  line.line_discount = -1;
  assert_refused (&line, "negative");
  line = (DeskIntakeLine) { TRUE, 1000, 0, RATE_A, NULL, 0, none, 1 };
  assert_refused (&line, "quantity");
  line.parts = many;
  assert_refused (&line, "quantity");
  line = (DeskIntakeLine) { FALSE, 0, 0, RATE_A, huge, 2, NULL, 0 };
  assert_refused (&line, "too large");
  line = (DeskIntakeLine) { TRUE, 1000, 0, -5, NULL, 0, NULL, 0 };
  assert_refused (&line, "tax rate");
}

/* --- Against the sandbox ------------------------------------------------------------------- */

typedef struct
{
  GAsyncResult *result;
} Waiter;

static void
wait_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  ((Waiter *) user_data)->result = g_object_ref (result);
}

static GAsyncResult *
await (Waiter *w)
{
  g_clear_object (&w->result);
  while (w->result == NULL)
    g_main_context_iteration (NULL, TRUE);

  return w->result;
}

static gint64
tax_class_with_rate (GPtrArray *classes,
                     gint64     millipercent)
{
  for (guint i = 0; i < classes->len; i++)
    if (desk_tax_class_get_tax_percent (g_ptr_array_index (classes, i)) == millipercent)
      return desk_named_item_get_id (g_ptr_array_index (classes, i));

  g_assert_not_reached ();
}

static DeskTicketDevice *
device_line (const DeskIntakeLine *line,
             GPtrArray            *classes,
             gint64                device_id,
             gint64                task_type,
             const char           *status,
             GPtrArray            *problems)
{
  DeskTicketDevice *device = desk_ticket_device_new ();
  gint64 price = 0;

  /* The form sends the price it shows, worked out from the problems when not typed. */
  g_assert_true (desk_intake_line_get_price (line, &price, NULL));
  g_object_set (device,
                "device-id", device_id,
                "status", status,
                "task-type-id", task_type,
                "price", price,
                "line-discount", line->line_discount,
                "tax-class-id", tax_class_with_rate (classes, line->millipercent),
                NULL);

  for (guint i = 0; problems != NULL && i < problems->len; i++)
    {
      DeskNamedItem *problem = g_ptr_array_index (problems, i);
      g_autoptr(DeskRepairItem) item = desk_repair_item_new (desk_named_item_get_id (problem),
                                                             desk_named_item_get_name (problem));

      desk_ticket_device_add_repair_item (device, item);
    }

  for (guint i = 0; i < line->n_parts; i++)
    {
      g_autoptr(DeskPartLine) part = desk_part_line_new ();
      g_autofree char *name = g_strdup_printf ("Part %u", i + 1);

      g_object_set (part,
                    "name", name,
                    "price", line->parts[i].price,
                    "quantity", line->parts[i].quantity,
                    "tax-class-id", tax_class_with_rate (classes, line->parts[i].millipercent),
                    NULL);
      desk_ticket_device_add_part (device, part);
    }

  return device;
}

static void
test_totals_sandbox (void)
{
  g_autoptr(DeskSandbox) sandbox = desk_sandbox_new ();
  g_autoptr(DeskApiClient) client = NULL;
  g_autoptr(GPtrArray) classes = NULL;
  g_autoptr(GPtrArray) devices = NULL;
  g_autoptr(GPtrArray) task_types = NULL;
  g_autoptr(GPtrArray) statuses = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GPtrArray) customers = NULL;
  g_autoptr(DeskTicket) ticket = desk_ticket_new ();
  g_autoptr(DeskTicket) created = NULL;
  g_autoptr(DeskTicket) read_back = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) problem_prices = g_array_new (FALSE, FALSE, sizeof (gint64));
  Waiter w = { NULL };
  DeskIntakeLine lines[2];
  DeskTotals expected;
  gint64 device_id, task_type, subtotal, discount, tax;
  const char *status;

  g_object_set (sandbox, "seed", 13, "n-customers", 5, "n-tickets", 5, "n-invoices", 0, NULL);
  g_assert_true (desk_sandbox_start (sandbox, 0, &error));
  g_assert_no_error (error);
  client = g_object_new (DESK_TYPE_API_CLIENT,
                         "base-url", desk_sandbox_get_url (sandbox),
                         "api-key", DESK_SANDBOX_DEMO_API_KEY,
                         NULL);

  desk_api_client_list_tax_classes_async (client, NULL, wait_cb, &w);
  classes = desk_api_client_list_tax_classes_finish (client, await (&w), &error);
  g_assert_no_error (error);
  desk_api_client_list_devices_async (client, NULL, wait_cb, &w);
  devices = desk_api_client_list_devices_finish (client, await (&w), &error);
  g_assert_no_error (error);
  device_id = desk_named_item_get_id (g_ptr_array_index (devices, 0));
  desk_api_client_list_task_types_async (client, NULL, wait_cb, &w);
  task_types = desk_api_client_list_task_types_finish (client, await (&w), &error);
  g_assert_no_error (error);
  task_type = desk_named_item_get_id (g_ptr_array_index (task_types, 0));
  desk_api_client_list_statuses_async (client, NULL, wait_cb, &w);
  statuses = desk_api_client_list_statuses_finish (client, await (&w), &error);
  g_assert_no_error (error);
  status = desk_named_item_get_name (g_ptr_array_index (statuses, 0));
  desk_api_client_list_device_problems_async (client, device_id, NULL, wait_cb, &w);
  problems = desk_api_client_list_device_problems_finish (client, await (&w), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, >=, 2);
  g_ptr_array_set_size (problems, 2);
  for (guint i = 0; i < problems->len; i++)
    {
      gint64 price = desk_problem_get_price (g_ptr_array_index (problems, i));

      g_array_append_val (problem_prices, price);
    }

  /* The lines worked out by hand above, the second priced by the sandbox's own problems. */
  fill_lines (lines);
  lines[1].problem_prices = (const gint64 *) (gpointer) problem_prices->data;
  g_assert_true (desk_intake_totals_compute (lines, 2, &expected, &error));
  g_assert_no_error (error);

  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(DeskTicketDevice) device =
        device_line (&lines[i], classes, device_id, task_type, status, i == 1 ? problems : NULL);

      desk_ticket_add_device (ticket, device);
    }

  desk_api_client_list_customers_async (client, NULL, -1, NULL, wait_cb, &w);
  customers = desk_api_client_list_customers_finish (client, await (&w), NULL, &error);
  g_assert_no_error (error);
  g_object_set (ticket, "customer-id",
                desk_customer_get_id (g_ptr_array_index (customers, 0)), NULL);

  desk_api_client_create_ticket_async (client, ticket, NULL, wait_cb, &w);
  created = desk_api_client_create_ticket_finish (client, await (&w), &error);
  g_assert_no_error (error);
  desk_api_client_get_ticket_async (client, desk_ticket_get_id (created), NULL, wait_cb, &w);
  read_back = desk_api_client_get_ticket_finish (client, await (&w), &error);
  g_assert_no_error (error);
  g_clear_object (&w.result);

  g_object_get (read_back, "subtotal", &subtotal, "discount", &discount, "total-tax", &tax, NULL);
  g_test_message ("sandbox: %" G_GINT64_FORMAT " - %" G_GINT64_FORMAT " + %" G_GINT64_FORMAT
                  " = %" G_GINT64_FORMAT, subtotal, discount, tax,
                  desk_ticket_get_total (read_back));
  g_assert_cmpint (subtotal, ==, expected.subtotal);
  g_assert_cmpint (discount, ==, expected.discount);
  g_assert_cmpint (tax, ==, expected.tax);
  g_assert_cmpint (desk_ticket_get_total (read_back), ==, expected.total);

  desk_test_finalize_soon (g_steal_pointer (&client));
  desk_sandbox_stop (sandbox);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/intake-totals/by-hand", test_totals_by_hand);
  g_test_add_func ("/intake-totals/half-cents", test_totals_half_cents);
  g_test_add_func ("/intake-totals/refused", test_totals_refused);
  g_test_add_func ("/intake-totals/sandbox", test_totals_sandbox);

  return g_test_run ();
}
