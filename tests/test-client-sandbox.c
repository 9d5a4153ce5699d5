/* test-client-sandbox.c
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <cairo.h>

#include "desk-core.h"
#include "desk-test-client.h"
#include "desk-sandbox.h"

/* The client against the in-process sandbox, in both of its modes (errors with HTTP 200
 * like the live server, and real HTTP statuses like newer ones): one whole counter story,
 * every endpoint, the rate limit and the faults. The sandbox and the client share one
 * manual clock, so that minutes of rate limit pass in no time. */

#define SECOND G_USEC_PER_SEC

typedef struct
{
  DeskClock     *clock;
  DeskSandbox   *sandbox;
  DeskApiClient *client;
} Fixture;

/* One async call at a time: start it with wait_cb and start (&w), finish it on await (&w). */
typedef struct
{
  Fixture      *fixture;
  GAsyncResult *result;
} Waiter;

static void
waiter_clear (Waiter *w)
{
  g_clear_object (&w->result);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Waiter, waiter_clear)

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  gboolean strict = GPOINTER_TO_INT (data);
  g_autoptr(DeskRateGovernor) governor = NULL;
  g_autoptr(GError) error = NULL;

  fixture->clock = desk_clock_new_manual (1000 * SECOND);
  fixture->sandbox = desk_sandbox_new ();
  g_object_set (fixture->sandbox,
                "seed", 11,
                "n-customers", 40,
                "n-tickets", 150,
                "n-invoices", 60,
                "clock", fixture->clock,
                "strict-http", strict,
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
  desk_test_finalize_soon (fixture->client);
  desk_sandbox_stop (fixture->sandbox);
  g_assert_finalize_object (fixture->sandbox);
  g_assert_finalize_object (fixture->clock);
}

/* Runs the loop until @condition holds. When nothing is on the wire and requests only
 * wait for the clock (the rate limit, a pause, a backoff), the shared clock jumps to where
 * they wait: never while a request travels, so the sandbox sees each request at the time
 * it was sent. */
static void
run_until (Fixture  *fixture,
           gboolean (*condition) (gpointer data),
           gpointer  data)
{
  DeskRateGovernor *governor = desk_api_client_get_governor (fixture->client);
  gint64 deadline = g_get_monotonic_time () + DESK_TEST_OUTER_BOUND;

  while (!condition (data))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);

      if (g_main_context_iteration (NULL, FALSE))
        continue;

      if (desk_api_client_get_n_active (fixture->client) == 0 &&
          desk_rate_governor_get_queued (governor) > 0)
        {
          gint64 resume = desk_rate_governor_get_resume_time (governor);
          gint64 now = desk_clock_get_time (fixture->clock);

          desk_clock_advance (fixture->clock, resume > now ? resume - now : SECOND);
          continue;
        }

      g_main_context_iteration (NULL, TRUE);
    }
}

static void
wait_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  Waiter *w = user_data;

  w->result = g_object_ref (result);
}

static gpointer
start (Waiter *w)
{
  g_clear_object (&w->result);

  return w;
}

static gboolean
has_result (gpointer user_data)
{
  return ((Waiter *) user_data)->result != NULL;
}

static GAsyncResult *
await (Waiter *w)
{
  run_until (w->fixture, has_result, w);

  return w->result;
}

static cairo_status_t
append_png_cb (void                *closure,
               const unsigned char *data,
               unsigned int         length)
{
  g_byte_array_append (closure, data, length);

  return CAIRO_STATUS_SUCCESS;
}

/* A customer's signature, as the signature pad exports it: an opaque PNG. */
static char *
signature_png_base64 (void)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 160, 60);
  cairo_t *cr = cairo_create (surface);
  g_autoptr(GByteArray) png = g_byte_array_new ();

  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_set_source_rgb (cr, 0, 0, 0.4);
  cairo_set_line_width (cr, 3);
  cairo_move_to (cr, 10, 40);
  cairo_curve_to (cr, 40, 5, 70, 55, 100, 20);
  cairo_line_to (cr, 150, 35);
  cairo_stroke (cr);
  cairo_destroy (cr);

  g_assert_cmpint (cairo_surface_write_to_png_stream (surface, append_png_cb, png), ==,
                   CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);

  return g_base64_encode (png->data, png->len);
}

static gpointer
first_record (GPtrArray *records)
{
  g_assert_nonnull (records);
  g_assert_cmpuint (records->len, >, 0);

  return g_ptr_array_index (records, 0);
}

/* A status other than the first, to move a ticket on to. */
static const char *
later_status (GPtrArray *statuses)
{
  g_assert_cmpuint (statuses->len, >, 1);

  return desk_named_item_get_name (g_ptr_array_index (statuses, statuses->len > 3 ? 3 : 1));
}

static DeskCustomer *
create_customer (Fixture    *fixture,
                 const char *last_name)
{
  DeskApiClient *client = fixture->client;
  g_autoptr(DeskCustomer) customer = desk_customer_new ();
  g_auto(Waiter) w = { fixture };
  g_autoptr(GError) error = NULL;
  DeskCustomer *created;

  g_object_set (customer,
                "first-name", "Ada",
                "last-name", last_name,
                "phone", "+1 555-555-0142",
                "email", "ada.quill@example.com",
                NULL);
  desk_api_client_create_customer_async (client, customer, NULL, wait_cb, start (&w));
  created = desk_api_client_create_customer_finish (client, await (&w), &error);
  g_assert_no_error (error);

  return created;
}

static DeskTicket *
create_ticket (Fixture    *fixture,
               gint64      customer_id,
               const char  *status)
{
  DeskApiClient *client = fixture->client;
  g_autoptr(DeskTicket) ticket = desk_ticket_new ();
  g_autoptr(DeskTicketDevice) device = desk_ticket_device_new ();
  g_autoptr(GPtrArray) devices = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GPtrArray) task_types = NULL;
  g_autoptr(GPtrArray) employees = NULL;
  g_autoptr(GPtrArray) tax_classes = NULL;
  g_autofree char *signature = signature_png_base64 ();
  g_auto(Waiter) w = { fixture };
  g_autoptr(GError) error = NULL;
  gint64 device_id;
  DeskTicket *created;

  desk_api_client_list_devices_async (client, NULL, wait_cb, start (&w));
  devices = desk_api_client_list_devices_finish (client, await (&w), &error);
  g_assert_no_error (error);
  device_id = desk_named_item_get_id (first_record (devices));

  desk_api_client_list_task_types_async (client, NULL, wait_cb, start (&w));
  task_types = desk_api_client_list_task_types_finish (client, await (&w), &error);
  g_assert_no_error (error);
  desk_api_client_list_employees_async (client, NULL, wait_cb, start (&w));
  employees = desk_api_client_list_employees_finish (client, await (&w), &error);
  g_assert_no_error (error);
  desk_api_client_list_tax_classes_async (client, NULL, wait_cb, start (&w));
  tax_classes = desk_api_client_list_tax_classes_finish (client, await (&w), &error);
  g_assert_no_error (error);

  desk_api_client_list_device_problems_async (client, device_id, NULL, wait_cb, start (&w));
  problems = desk_api_client_list_device_problems_finish (client, await (&w), &error);
  g_assert_no_error (error);

  g_object_set (device,
                "device-id", device_id,
                "status", status,
                "price", (gint64) 8900,
                "imei", "356938035643809",
                "security-code", "1234",
                "task-type-id", desk_named_item_get_id (first_record (task_types)),
                "assigned-to-id", desk_named_item_get_id (first_record (employees)),
                "tax-class-id", desk_named_item_get_id (first_record (tax_classes)),
                NULL);
  if (problems->len > 0)
    {
      DeskNamedItem *problem = g_ptr_array_index (problems, 0);
      g_autoptr(DeskRepairItem) item = desk_repair_item_new (desk_named_item_get_id (problem),
                                                             desk_named_item_get_name (problem));

      desk_ticket_device_add_repair_item (device, item);
    }

  g_object_set (ticket, "customer-id", customer_id, "signature", signature, NULL);
  desk_ticket_add_device (ticket, device);

  desk_api_client_create_ticket_async (client, ticket, NULL, wait_cb, start (&w));
  created = desk_api_client_create_ticket_finish (client, await (&w), &error);
  g_assert_no_error (error);

  return created;
}

static DeskInvoice *
pay (Fixture     *fixture,
     DeskInvoice *invoice,
     gint64       amount,
     const char  *method)
{
  DeskApiClient *client = fixture->client;
  g_auto(Waiter) w = { fixture };
  g_autoptr(GError) error = NULL;
  DeskInvoice *paid;

  desk_api_client_add_payment_async (client, desk_invoice_get_id (invoice), amount, method,
                                     g_get_real_time () / SECOND, "At the counter",
                                     NULL, wait_cb, start (&w));
  paid = desk_api_client_add_payment_finish (client, await (&w), &error);
  g_assert_no_error (error);
  g_assert_cmpint (desk_invoice_get_id (paid), ==, desk_invoice_get_id (invoice));

  return paid;
}

static void
test_story (Fixture       *fixture,
            gconstpointer  data)
{
  DeskApiClient *client = fixture->client;
  g_auto(Waiter) w = { fixture };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) statuses = NULL;
  g_autoptr(GPtrArray) methods = NULL;
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(DeskListQuery) query = desk_list_query_new ();
  g_autoptr(DeskCustomer) customer = NULL;
  g_autoptr(DeskTicket) created = NULL;
  g_autoptr(DeskTicket) shown = NULL;
  g_autoptr(DeskTicket) updated = NULL;
  g_autoptr(DeskTicketDevice) line = NULL;
  g_autoptr(DeskInvoice) invoice = NULL;
  g_autoptr(DeskInvoice) again = NULL;
  g_autoptr(DeskInvoice) partly = NULL;
  g_autoptr(DeskInvoice) settled = NULL;
  g_autoptr(DeskInvoice) read_back = NULL;
  const char *method;
  gint64 total;
  gint64 due = 0;

  desk_api_client_list_statuses_async (client, NULL, wait_cb, start (&w));
  statuses = desk_api_client_list_statuses_finish (client, await (&w), &error);
  g_assert_no_error (error);
  desk_api_client_list_payment_methods_async (client, NULL, wait_cb, start (&w));
  methods = desk_api_client_list_payment_methods_finish (client, await (&w), &error);
  g_assert_no_error (error);
  method = desk_named_item_get_name (first_record (methods));

  /* A new customer at the counter, found again by name. */
  customer = create_customer (fixture, "Quillfeather");
  g_assert_cmpint (desk_customer_get_id (customer), >, 0);
  g_assert_cmpstr (desk_customer_get_last_name (customer), ==, "Quillfeather");

  query->keyword = g_strdup ("Quillfeather");
  desk_api_client_list_customers_async (client, query, -1, NULL, wait_cb, start (&w));
  found = desk_api_client_list_customers_finish (client, await (&w), NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (found->len, ==, 1);
  g_assert_cmpint (desk_customer_get_id (first_record (found)), ==, desk_customer_get_id (customer));

  /* Their phone in for repair, with their signature. */
  created = create_ticket (fixture, desk_customer_get_id (customer),
                           desk_named_item_get_name (first_record (statuses)));
  g_assert_cmpint (desk_ticket_get_id (created), >, 0);
  g_assert_cmpint (desk_ticket_get_customer_id (created), ==, desk_customer_get_id (customer));
  g_assert_cmpuint (g_list_model_get_n_items (desk_ticket_get_devices (created)), ==, 1);

  desk_api_client_get_ticket_async (client, desk_ticket_get_id (created), NULL, wait_cb, start (&w));
  shown = desk_api_client_get_ticket_finish (client, await (&w), &error);
  g_assert_no_error (error);
  g_assert_nonnull (desk_ticket_get_signature (shown));
  g_assert_true (g_str_has_prefix (desk_ticket_get_signature (shown), "iVBORw0KGgo"));
  /* 89.00 at the Sales Tax class's 8.75 % is 7.7875 of tax, rounded to 7.79. */
  total = desk_ticket_get_total (shown);
  g_assert_cmpint (total, ==, 9679);

  /* The repair moves on; what the server holds afterwards is what shows. */
  line = g_list_model_get_item (desk_ticket_get_devices (shown), 0);
  g_object_set (line, "status", later_status (statuses), NULL);
  desk_api_client_update_ticket_async (client, shown, NULL, wait_cb, start (&w));
  updated = desk_api_client_update_ticket_finish (client, await (&w), &error);
  g_assert_no_error (error);
  g_clear_object (&line);
  line = g_list_model_get_item (desk_ticket_get_devices (updated), 0);
  g_assert_cmpstr (desk_ticket_device_get_status (line), ==, later_status (statuses));
  g_assert_cmpuint (g_list_model_get_n_items (desk_ticket_get_history (updated)), >, 0);

  /* Invoiced, twice asked: one invoice. */
  desk_api_client_convert_ticket_to_invoice_async (client, desk_ticket_get_id (updated), NULL,
                                                   wait_cb, start (&w));
  invoice = desk_api_client_convert_ticket_to_invoice_finish (client, await (&w), &error);
  g_assert_no_error (error);
  g_assert_cmpint (desk_invoice_get_id (invoice), >, 0);
  g_assert_cmpint (desk_invoice_get_total (invoice), ==, total);
  g_assert_cmpint (desk_invoice_get_amount_due (invoice), ==, total);

  desk_api_client_convert_ticket_to_invoice_async (client, desk_ticket_get_id (updated), NULL,
                                                   wait_cb, start (&w));
  again = desk_api_client_convert_ticket_to_invoice_finish (client, await (&w), &error);
  g_assert_no_error (error);
  g_assert_cmpint (desk_invoice_get_id (again), ==, desk_invoice_get_id (invoice));

  /* A deposit, the amount still due, then the rest. */
  partly = pay (fixture, invoice, 4839, method);
  g_assert_cmpint (desk_invoice_get_amount_paid (partly), ==, 4839);
  g_assert_cmpstr (desk_invoice_get_status (partly), ==, "Partial");

  desk_api_client_get_invoice_due_amount_async (client, desk_invoice_get_id (invoice), NULL,
                                                wait_cb, start (&w));
  g_assert_true (desk_api_client_get_invoice_due_amount_finish (client, await (&w), &due, &error));
  g_assert_no_error (error);
  g_assert_cmpint (due, ==, 4840);

  settled = pay (fixture, invoice, due, method);
  g_assert_cmpint (desk_invoice_get_amount_due (settled), ==, 0);
  g_assert_cmpstr (desk_invoice_get_status (settled), ==, "Paid");

  desk_api_client_get_invoice_async (client, desk_invoice_get_id (invoice), NULL, wait_cb, start (&w));
  read_back = desk_api_client_get_invoice_finish (client, await (&w), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (desk_invoice_get_status (read_back), ==, "Paid");
  g_assert_cmpuint (g_list_model_get_n_items (desk_invoice_get_payments (read_back)), ==, 2);
}

typedef void       (*ListAsync)  (DeskApiClient *, GCancellable *, GAsyncReadyCallback, gpointer);
typedef GPtrArray *(*ListFinish) (DeskApiClient *, GAsyncResult *, GError **);

static void
test_reference_lists (Fixture       *fixture,
                      gconstpointer  data)
{
  const struct { const char *name; ListAsync list; ListFinish finish; } lists[] = {
#define LIST(noun) { #noun, desk_api_client_list_##noun##_async, desk_api_client_list_##noun##_finish }
    LIST (devices), LIST (problems), LIST (statuses), LIST (employees), LIST (networks),
    LIST (parts), LIST (tax_classes), LIST (device_locations), LIST (supplies),
    LIST (task_types), LIST (inventory), LIST (payment_methods),
#undef LIST
  };
  g_auto(Waiter) w = { fixture };

  for (guint i = 0; i < G_N_ELEMENTS (lists); i++)
    {
      g_autoptr(GPtrArray) records = NULL;
      g_autoptr(GError) error = NULL;

      lists[i].list (fixture->client, NULL, wait_cb, start (&w));
      records = lists[i].finish (fixture->client, await (&w), &error);
      g_assert_no_error (error);
      g_test_message ("%s: %u records", lists[i].name, records->len);
      g_assert_cmpuint (records->len, >, 0);
      g_assert_true (G_IS_OBJECT (first_record (records)));
    }
}

static void
test_records (Fixture       *fixture,
              gconstpointer  data)
{
  DeskApiClient *client = fixture->client;
  g_auto(Waiter) w = { fixture };
  g_autoptr(GError) error = NULL;
  g_autoptr(DeskListQuery) query = desk_list_query_new ();
  g_autoptr(GPtrArray) first_page = NULL;
  g_autoptr(GPtrArray) second_page = NULL;
  g_autoptr(GPtrArray) invoices = NULL;
  g_autoptr(DeskCustomer) customer = NULL;
  g_autoptr(DeskCustomer) changed = NULL;
  g_autoptr(DeskCustomer) shown = NULL;
  g_autoptr(DeskInvoice) draft = desk_invoice_new ();
  g_autoptr(DeskInvoiceItem) item = desk_invoice_item_new ();
  g_autoptr(DeskInvoice) invoice = NULL;
  g_autoptr(DeskInvoice) updated = NULL;
  g_autoptr(DeskTicket) missing = NULL;
  DeskPageInfo info = { 0 };
  gint64 due_on = g_get_real_time () / SECOND + 7 * 24 * 3600;

  /* A page of all tickets, then the next. */
  query->filter = DESK_LIST_FILTER_ALL;
  query->page_size = 10;
  desk_api_client_list_tickets_async (client, query, -1, NULL, wait_cb, start (&w));
  first_page = desk_api_client_list_tickets_finish (client, await (&w), &info, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (first_page->len, ==, 10);
  g_assert_true (info.paged);
  g_assert_true (info.has_next);
  g_assert_cmpint (info.total_records, ==, 150);

  desk_api_client_list_tickets_async (client, query, info.page + 1, NULL, wait_cb, start (&w));
  second_page = desk_api_client_list_tickets_finish (client, await (&w), &info, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (second_page->len, ==, 10);
  g_assert_cmpint (desk_ticket_get_id (first_record (first_page)), !=,
                   desk_ticket_get_id (first_record (second_page)));

  desk_api_client_list_invoices_async (client, query, -1, NULL, wait_cb, start (&w));
  invoices = desk_api_client_list_invoices_finish (client, await (&w), NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (invoices->len, >, 0);

  /* A customer read, changed, read again. */
  customer = create_customer (fixture, "Bellweather");
  desk_api_client_get_customer_async (client, desk_customer_get_id (customer), NULL, wait_cb, start (&w));
  shown = desk_api_client_get_customer_finish (client, await (&w), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (desk_customer_get_email (shown), ==, "ada.quill@example.com");

  g_object_set (shown, "phone", "+1 555-555-0199", NULL);
  desk_api_client_update_customer_async (client, shown, NULL, wait_cb, start (&w));
  changed = desk_api_client_update_customer_finish (client, await (&w), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (desk_customer_get_phone (changed), ==, "+1 555-555-0199");

  /* An invoice over the counter, without a ticket, and a change to it. */
  g_object_set (item, "name", "USB-C cable", "quantity", (gint64) 2, "price", (gint64) 1500, NULL);
  desk_invoice_add_item (draft, item);
  g_object_set (draft, "customer-id", desk_customer_get_id (customer), NULL);
  desk_api_client_create_invoice_async (client, draft, NULL, wait_cb, start (&w));
  invoice = desk_api_client_create_invoice_finish (client, await (&w), &error);
  g_assert_no_error (error);
  g_assert_cmpint (desk_invoice_get_id (invoice), >, 0);
  g_assert_cmpint (desk_invoice_get_total (invoice), ==, 3000);

  g_object_set (invoice, "due-on", due_on, NULL);
  desk_api_client_update_invoice_async (client, invoice, NULL, wait_cb, start (&w));
  updated = desk_api_client_update_invoice_finish (client, await (&w), &error);
  g_assert_no_error (error);
  g_assert_cmpint (desk_invoice_get_id (updated), ==, desk_invoice_get_id (invoice));

  /* A record that does not exist. */
  desk_api_client_get_ticket_async (client, 987654321, NULL, wait_cb, start (&w));
  missing = desk_api_client_get_ticket_finish (client, await (&w), &error);
  g_assert_null (missing);
  g_assert_error (error, DESK_API_ERROR, DESK_API_ERROR_NOT_FOUND);
}

static void
test_check_connection (Fixture       *fixture,
                       gconstpointer  data)
{
  g_auto(Waiter) w = { fixture };
  g_autoptr(GError) error = NULL;

  desk_api_client_check_connection_async (fixture->client, NULL, wait_cb, start (&w));
  g_assert_true (desk_api_client_check_connection_finish (fixture->client, await (&w), &error));
  g_assert_no_error (error);

  desk_api_client_set_api_key (fixture->client, "not-the-key");
  desk_api_client_check_connection_async (fixture->client, NULL, wait_cb, start (&w));
  g_assert_false (desk_api_client_check_connection_finish (fixture->client, await (&w), &error));
  g_assert_error (error, DESK_API_ERROR, DESK_API_ERROR_UNAUTHORIZED);
}

typedef struct _Burst Burst;

typedef struct
{
  Burst    *burst;
  int       priority;
  gint64    answered_at;
  GError   *error;
} Outcome;

struct _Burst
{
  Outcome *outcomes;
  guint    n;
  guint    n_done;
};

static void
burst_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  Outcome *outcome = user_data;
  g_autoptr(JsonNode) data = NULL;

  data = desk_api_client_request_finish (DESK_API_CLIENT (object), result, &outcome->error);
  outcome->answered_at = desk_clock_get_time (desk_api_client_get_clock (DESK_API_CLIENT (object)));
  outcome->burst->n_done++;
}

static gboolean
burst_done (gpointer user_data)
{
  Burst *burst = user_data;

  return burst->n_done == burst->n;
}

/* Queues @n different GETs at once, a tenth of them urgent and a third background. */
static void
run_burst (Fixture *fixture,
           Burst   *burst,
           guint    n)
{
  burst->n = n;
  burst->n_done = 0;
  burst->outcomes = g_new0 (Outcome, n);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *number = g_strdup_printf ("%u", i);
      const char * const query[] = { "n", number, NULL };
      Outcome *outcome = &burst->outcomes[i];

      outcome->burst = burst;
      outcome->priority = i % 10 == 0 ? DESK_API_PRIORITY_INTERACTIVE
                        : i % 3 == 0 ? DESK_API_PRIORITY_BACKGROUND
                        : DESK_API_PRIORITY_DEFAULT;
      desk_api_client_request_async (fixture->client, "GET", "statuses", query, NULL,
                                     DESK_API_REQUEST_LIST, outcome->priority, NULL,
                                     burst_cb, outcome);
    }

  run_until (fixture, burst_done, burst);

  for (guint i = 0; i < n; i++)
    g_assert_no_error (burst->outcomes[i].error);
}

static int
compare_outcomes (gconstpointer a,
                  gconstpointer b)
{
  const Outcome *oa = a;
  const Outcome *ob = b;

  if (oa->answered_at != ob->answered_at)
    return oa->answered_at < ob->answered_at ? -1 : 1;

  return oa->priority - ob->priority;
}

static void
test_rate_limit (Fixture       *fixture,
                 gconstpointer  data)
{
  DeskRateGovernor *governor = desk_api_client_get_governor (fixture->client);
  guint before = desk_sandbox_get_request_count (fixture->sandbox);
  gint64 start_time = desk_clock_get_time (fixture->clock);
  Burst burst = { 0 };
  guint n_windows = 1;

  run_burst (fixture, &burst, 200);

  /* Not one refusal: every request reached the sandbox once. */
  g_assert_cmpuint (desk_rate_governor_get_n_rate_limited (governor), ==, 0);
  g_assert_cmpuint (desk_sandbox_get_request_count (fixture->sandbox) - before, ==, 200);

  /* Sorted by answer time (the clock does not move while a request travels, so that is
   * also the time it was sent), no 60 s window holds more than the sandbox's limit, and
   * no request is answered in a later minute than one of lower priority. */
  qsort (burst.outcomes, burst.n, sizeof (Outcome), compare_outcomes);

  for (guint i = 0; i < burst.n; i++)
    {
      guint in_window = 0;

      for (guint j = i; j < burst.n && burst.outcomes[j].answered_at < burst.outcomes[i].answered_at + 60 * SECOND; j++)
        in_window++;

      g_assert_cmpuint (in_window, <=, 50);

      if (i > 0 && burst.outcomes[i].answered_at != burst.outcomes[i - 1].answered_at)
        {
          n_windows++;
          g_assert_cmpint (burst.outcomes[i - 1].priority, <=, burst.outcomes[i].priority);
        }
    }

  g_test_message ("200 requests in %u sending rounds over %" G_GINT64_FORMAT " s of clock time",
                  n_windows, (desk_clock_get_time (fixture->clock) - start_time) / SECOND);
  g_assert_cmpuint (n_windows, ==, (200 + DESK_RATE_GOVERNOR_DEFAULT_LIMIT - 1) / DESK_RATE_GOVERNOR_DEFAULT_LIMIT);
  g_free (burst.outcomes);
}

static void
test_rate_limited_retry (Fixture       *fixture,
                         gconstpointer  data)
{
  DeskRateGovernor *governor = desk_api_client_get_governor (fixture->client);
  guint before = desk_sandbox_get_request_count (fixture->sandbox);
  Burst burst = { 0 };

  /* As if another front-desk PC had spent the budget: the governor lets too many go, the
   * sandbox refuses some, and the callers still only see answers. */
  desk_rate_governor_set_limit (governor, 500);
  run_burst (fixture, &burst, 80);

  g_assert_cmpuint (desk_rate_governor_get_n_rate_limited (governor), >, 0);
  g_assert_cmpuint (desk_sandbox_get_request_count (fixture->sandbox) - before, >, 80);
  g_test_message ("80 requests: %u refusals retried, %u requests sent",
                  desk_rate_governor_get_n_rate_limited (governor),
                  desk_sandbox_get_request_count (fixture->sandbox) - before);
  g_free (burst.outcomes);
}

static GPtrArray *
list_tickets (Fixture  *fixture,
              GError  **error)
{
  g_autoptr(DeskListQuery) query = desk_list_query_new ();
  g_auto(Waiter) w = { fixture };

  query->filter = DESK_LIST_FILTER_ALL;
  query->page_size = 25;
  desk_api_client_list_tickets_async (fixture->client, query, -1, NULL, wait_cb, start (&w));

  return desk_api_client_list_tickets_finish (fixture->client, await (&w), NULL, error);
}

static void
assert_read_fails (Fixture          *fixture,
                   DeskSandboxFault  fault,
                   DeskApiError      code)
{
  g_autoptr(GPtrArray) tickets = NULL;
  g_autoptr(GError) error = NULL;

  desk_sandbox_set_fault (fixture->sandbox, fault, 1.0);
  tickets = list_tickets (fixture, &error);
  desk_sandbox_set_fault (fixture->sandbox, DESK_SANDBOX_FAULT_NONE, 0);

  g_assert_null (tickets);
  g_assert_error (error, DESK_API_ERROR, code);
  g_assert_cmpstr (error->message, ==, desk_api_error_describe (code));
}

/* A write whose answer is lost: reported as such, and sent once only. */
static void
assert_write_unknown (Fixture          *fixture,
                      DeskSandboxFault  fault)
{
  g_autoptr(DeskCustomer) customer = desk_customer_new ();
  g_auto(Waiter) w = { fixture };
  g_autoptr(GError) error = NULL;
  g_autoptr(DeskCustomer) created = NULL;
  guint before = desk_sandbox_get_request_count (fixture->sandbox);

  g_object_set (customer, "first-name", "Lost", "last-name", "Reply", NULL);
  desk_sandbox_set_fault (fixture->sandbox, fault, 1.0);
  desk_api_client_create_customer_async (fixture->client, customer, NULL, wait_cb, start (&w));
  created = desk_api_client_create_customer_finish (fixture->client, await (&w), &error);
  desk_sandbox_set_fault (fixture->sandbox, DESK_SANDBOX_FAULT_NONE, 0);

  g_assert_null (created);
  g_assert_error (error, DESK_API_ERROR, DESK_API_ERROR_OUTCOME_UNKNOWN);
  g_assert_cmpuint (desk_sandbox_get_request_count (fixture->sandbox) - before, ==, 1);
}

static void
test_faults (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GPtrArray) clean = NULL;
  g_autoptr(GPtrArray) mangled = NULL;
  g_autoptr(GPtrArray) statuses = NULL;
  g_autoptr(GPtrArray) huge = NULL;
  g_auto(Waiter) w = { fixture };
  g_autoptr(GError) error = NULL;
  gint64 started;

  desk_api_client_set_max_retries (fixture->client, 0);

  assert_read_fails (fixture, DESK_SANDBOX_FAULT_HTTP_500, DESK_API_ERROR_SERVER);
  assert_read_fails (fixture, DESK_SANDBOX_FAULT_HTML_502, DESK_API_ERROR_SERVER);
  assert_read_fails (fixture, DESK_SANDBOX_FAULT_DROP_MID_BODY, DESK_API_ERROR_NETWORK);
  assert_read_fails (fixture, DESK_SANDBOX_FAULT_TRUNCATED_JSON, DESK_API_ERROR_PROTOCOL);

  assert_write_unknown (fixture, DESK_SANDBOX_FAULT_DROP_MID_BODY);
  assert_write_unknown (fixture, DESK_SANDBOX_FAULT_TRUNCATED_JSON);

  /* Every value of another type: the same tickets all the same. */
  clean = list_tickets (fixture, &error);
  g_assert_no_error (error);
  desk_sandbox_set_fault (fixture->sandbox, DESK_SANDBOX_FAULT_WRONG_TYPES, 1.0);
  mangled = list_tickets (fixture, &error);
  desk_sandbox_set_fault (fixture->sandbox, DESK_SANDBOX_FAULT_NONE, 0);
  g_assert_no_error (error);
  g_assert_cmpuint (mangled->len, ==, clean->len);
  for (guint i = 0; i < clean->len; i++)
    {
      g_assert_cmpint (desk_ticket_get_id (g_ptr_array_index (mangled, i)), ==,
                       desk_ticket_get_id (g_ptr_array_index (clean, i)));
      g_assert_cmpint (desk_ticket_get_total (g_ptr_array_index (mangled, i)), ==,
                       desk_ticket_get_total (g_ptr_array_index (clean, i)));
    }

  /* Lists of megabytes: mapped away from the main loop, whole. */
  desk_sandbox_set_fault (fixture->sandbox, DESK_SANDBOX_FAULT_HUGE_LIST, 1.0);
  desk_api_client_list_statuses_async (fixture->client, NULL, wait_cb, start (&w));
  statuses = desk_api_client_list_statuses_finish (fixture->client, await (&w), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (statuses->len, >, 10000);

  started = g_get_monotonic_time ();
  huge = list_tickets (fixture, &error);
  g_assert_no_error (error);
  g_test_message ("huge lists: %u statuses; %u tickets read and mapped in %" G_GINT64_FORMAT " ms",
                  statuses->len, huge->len, (g_get_monotonic_time () - started) / 1000);
  g_assert_cmpuint (huge->len, >, 10000);
  desk_sandbox_set_fault (fixture->sandbox, DESK_SANDBOX_FAULT_NONE, 0);
}

static void
test_faults_retried (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GPtrArray) tickets = NULL;
  g_autoptr(GError) error = NULL;

  /* Half the replies fail: reads tried again come through. */
  desk_sandbox_set_fault (fixture->sandbox, DESK_SANDBOX_FAULT_HTTP_500, 0.5);
  desk_api_client_set_max_retries (fixture->client, 10);
  for (guint i = 0; i < 5; i++)
    {
      g_clear_pointer (&tickets, g_ptr_array_unref);
      tickets = list_tickets (fixture, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (tickets->len, ==, 25);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add ("/client-sandbox/default" path, Fixture, GINT_TO_POINTER (FALSE), \
              fixture_setup, func, fixture_teardown); \
  g_test_add ("/client-sandbox/strict-http" path, Fixture, GINT_TO_POINTER (TRUE), \
              fixture_setup, func, fixture_teardown)

  ADD ("/story", test_story);
  ADD ("/reference-lists", test_reference_lists);
  ADD ("/records", test_records);
  ADD ("/check-connection", test_check_connection);
  ADD ("/rate-limit", test_rate_limit);
  ADD ("/rate-limited-retry", test_rate_limited_retry);
  ADD ("/faults", test_faults);
  ADD ("/faults-retried", test_faults_retried);

#undef ADD

  return g_test_run ();
}
