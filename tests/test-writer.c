/* test-writer.c
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "desk-core.h"
#include "desk-sandbox.h"
#include "desk-test-client.h"

/* The write path on its own, against the in-process sandbox: every fate a change can
 * have, the record read back, the server's reason and the field it names, a change as
 * data, and that a change is sent once whatever happens. */

#define SECOND G_USEC_PER_SEC

typedef struct
{
  DeskSandbox   *sandbox;
  DeskApiClient *client;
  DeskWriter    *writer;
  GPtrArray     *settled;   /* DeskChange, in the order they settled */
  GArray        *fates;
} Fixture;

static void
settled_cb (DeskWriter *writer,
            DeskChange *change,
            DeskFate    fate,
            GObject    *record,
            GError     *error,
            Fixture    *fixture)
{
  g_assert_true ((fate == DESK_FATE_SAVED) == (record != NULL));
  g_assert_true ((fate == DESK_FATE_SAVED) == (error == NULL));
  g_ptr_array_add (fixture->settled, g_object_ref (change));
  g_array_append_val (fixture->fates, fate);
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->sandbox = g_object_new (DESK_TYPE_SANDBOX, "seed", 3, "n-customers", 20,
                                   "n-tickets", 40, "n-invoices", 10, "rate-limit", 0, NULL);
  g_assert_true (desk_sandbox_start (fixture->sandbox, 0, &error));
  g_assert_no_error (error);

  fixture->client = desk_api_client_new (desk_sandbox_get_url (fixture->sandbox),
                                         DESK_SANDBOX_DEMO_API_KEY);
  desk_api_client_set_max_retries (fixture->client, 0);
  fixture->writer = desk_writer_new (fixture->client);
  fixture->settled = g_ptr_array_new_with_free_func (g_object_unref);
  fixture->fates = g_array_new (FALSE, FALSE, sizeof (DeskFate));
  g_signal_connect (fixture->writer, "settled", G_CALLBACK (settled_cb), fixture);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  g_clear_pointer (&fixture->settled, g_ptr_array_unref);
  g_clear_pointer (&fixture->fates, g_array_unref);
  g_assert_finalize_object (fixture->writer);
  desk_test_finalize_soon (fixture->client);
  desk_sandbox_stop (fixture->sandbox);
  g_assert_finalize_object (fixture->sandbox);
}

/* --- Helpers ------------------------------------------------------------------------------ */

static void
result_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static void
iterate_until_set (gpointer *slot)
{
  gint64 deadline = g_get_monotonic_time () + 60 * SECOND;

  while (*slot == NULL)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
}

/* Submits @change and waits for its fate. */
static DeskFate
submit (Fixture     *fixture,
        DeskChange  *change,
        gpointer    *record,
        GError     **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  desk_writer_submit_async (fixture->writer, change, NULL, result_cb, &result);
  iterate_until_set ((gpointer *) &result);

  return desk_writer_submit_finish (fixture->writer, result, record, error);
}

static DeskTicket *
some_ticket (Fixture *fixture)
{
  g_autoptr(DeskListQuery) query = desk_list_query_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GPtrArray) tickets = NULL;
  g_autoptr(GError) error = NULL;
  DeskTicket *ticket = NULL;

  query->filter = DESK_LIST_FILTER_ALL;
  query->page_size = 25;
  desk_api_client_list_tickets_async (fixture->client, query, -1, NULL, result_cb, &result);
  iterate_until_set ((gpointer *) &result);
  tickets = desk_api_client_list_tickets_finish (fixture->client, result, NULL, &error);
  g_assert_no_error (error);

  /* One not yet invoiced, so that it can be converted too. */
  for (guint i = 0; i < tickets->len && ticket == NULL; i++)
    if (!desk_ticket_has_invoice (g_ptr_array_index (tickets, i)))
      ticket = g_ptr_array_index (tickets, i);
  g_assert_nonnull (ticket);
  g_clear_object (&result);

  desk_api_client_get_ticket_async (fixture->client, desk_ticket_get_id (ticket), NULL,
                                    result_cb, &result);
  iterate_until_set ((gpointer *) &result);
  ticket = desk_api_client_get_ticket_finish (fixture->client, result, &error);
  g_assert_no_error (error);

  return ticket;
}

static DeskCustomer *
customer_named (const char *first_name)
{
  DeskCustomer *customer = desk_customer_new ();

  g_object_set (customer, "first-name", first_name, "last-name", "Okafor",
                "mobile", "+1 555 0100 222", NULL);
  return customer;
}

static guint
requests (Fixture *fixture)
{
  return desk_sandbox_get_request_count (fixture->sandbox);
}

/* --- Tests -------------------------------------------------------------------------------- */

static void
test_saved_reads_back (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(DeskCustomer) customer = customer_named ("Ada");
  g_autoptr(DeskChange) change = desk_change_new_create_customer (customer);
  g_autoptr(DeskCustomer) saved = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (submit (fixture, change, (gpointer *) &saved, &error), ==, DESK_FATE_SAVED);
  g_assert_no_error (error);
  g_assert_true (DESK_IS_CUSTOMER (saved));
  g_assert_cmpint (desk_customer_get_id (saved), >, 0);
  g_assert_cmpstr (desk_customer_get_first_name (saved), ==, "Ada");

  /* Listeners hear of it once, whoever submitted it. */
  g_assert_cmpuint (fixture->settled->len, ==, 1);
  g_assert_true (g_ptr_array_index (fixture->settled, 0) == change);
  g_assert_cmpint (g_array_index (fixture->fates, DeskFate, 0), ==, DESK_FATE_SAVED);
  g_assert_cmpuint (desk_writer_get_n_pending (fixture->writer), ==, 0);
}

static void
test_update_ticket (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(DeskTicket) ticket = some_ticket (fixture);
  g_autoptr(DeskTicketDevice) device = g_list_model_get_item (desk_ticket_get_devices (ticket), 0);
  g_autoptr(DeskChange) change = NULL;
  g_autoptr(DeskTicket) saved = NULL;
  g_autoptr(DeskTicketDevice) saved_device = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *serial = NULL;

  g_object_set (device, "serial", "F2LXK0QJHG7F", NULL);
  change = desk_change_new_update_ticket (ticket);
  g_assert_cmpint (desk_change_get_target_id (change), ==, desk_ticket_get_id (ticket));

  g_assert_cmpint (submit (fixture, change, (gpointer *) &saved, &error), ==, DESK_FATE_SAVED);
  g_assert_no_error (error);
  saved_device = g_list_model_get_item (desk_ticket_get_devices (saved), 0);
  g_object_get (saved_device, "serial", &serial, NULL);
  g_assert_cmpstr (serial, ==, "F2LXK0QJHG7F");
}

static void
test_refused_names_field (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autofree char *long_name = g_strnfill (500, 'a');
  g_autoptr(DeskCustomer) customer = customer_named (long_name);
  g_autoptr(DeskChange) change = desk_change_new_create_customer (customer);
  g_autoptr(DeskCustomer) saved = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *field = NULL;

  g_assert_cmpint (submit (fixture, change, (gpointer *) &saved, &error), ==, DESK_FATE_REFUSED);
  g_assert_null (saved);
  g_assert_error (error, DESK_API_ERROR, DESK_API_ERROR_VALIDATION);

  field = desk_change_refused_field (change, desk_api_error_get_detail (error));
  g_assert_cmpstr (field, ==, "first_name");
  g_assert_cmpint (g_array_index (fixture->fates, DeskFate, 0), ==, DESK_FATE_REFUSED);
}

static void
test_refused_field_words (void)
{
  g_autoptr(DeskCustomer) customer = customer_named ("Bo");
  g_autoptr(DeskChange) change = NULL;
  g_autofree char *email = NULL;
  g_autofree char *address = NULL;
  g_autofree char *none = NULL;
  g_autofree char *org = desk_customer_property_of_key ("orgonization");
  g_autofree char *first = desk_customer_property_of_key ("first_name");

  /* The fields are those of the body sent: a form sends every one of them. */
  g_object_set (customer, "email", "bo@example.com", "address1", "1 Quay", NULL);
  change = desk_change_new_create_customer (customer);
  email = desk_change_refused_field (change, "email is not a valid email address.");
  address = desk_change_refused_field (change, "Data: address1 is too long");
  none = desk_change_refused_field (change, "Data Validation Failed.");
  g_assert_cmpstr (email, ==, "email");
  g_assert_cmpstr (address, ==, "address1");
  g_assert_null (none);
  g_assert_cmpstr (org, ==, "organization");
  g_assert_cmpstr (first, ==, "first-name");
}

/* However often it is submitted, a change leaves once. */
static void
test_never_twice (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(DeskCustomer) customer = customer_named ("Once");
  g_autoptr(DeskChange) change = desk_change_new_create_customer (customer);
  g_autoptr(DeskChange) retry = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) again_error = NULL;
  g_autoptr(GError) retry_error = NULL;
  guint before = requests (fixture);
  guint after_first;

  g_assert_cmpint (submit (fixture, change, NULL, &error), ==, DESK_FATE_SAVED);
  after_first = requests (fixture);
  g_assert_cmpuint (after_first, >, before);
  g_assert_true (desk_writer_was_submitted (fixture->writer, change));

  g_assert_cmpint (submit (fixture, change, NULL, &again_error), ==, DESK_FATE_NOT_SENT);
  g_assert_error (again_error, G_IO_ERROR, G_IO_ERROR_EXISTS);
  g_assert_cmpuint (requests (fixture), ==, after_first);
  /* A refusal to send twice is no fate of the change: it settled once. */
  g_assert_cmpuint (fixture->settled->len, ==, 1);

  /* Sending the same again is a new change, under a uuid of its own. */
  retry = desk_change_copy (change);
  g_assert_cmpstr (desk_change_get_uuid (retry), !=, desk_change_get_uuid (change));
  g_assert_cmpint (submit (fixture, retry, NULL, &retry_error), ==, DESK_FATE_SAVED);
  g_assert_cmpuint (requests (fixture), >, after_first);
}

/* The answer is lost on the way back: unknown, and the write was not sent again. */
static void
test_unknown_sent_once (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(DeskTicket) ticket = some_ticket (fixture);
  g_autoptr(DeskChange) change = desk_change_new_update_ticket (ticket);
  g_autoptr(DeskTicket) saved = NULL;
  g_autoptr(GError) error = NULL;
  guint before = requests (fixture);

  desk_sandbox_set_fault (fixture->sandbox, DESK_SANDBOX_FAULT_DROP_MID_BODY, 1.0);
  g_assert_cmpint (submit (fixture, change, (gpointer *) &saved, &error), ==, DESK_FATE_UNKNOWN);
  desk_sandbox_set_fault (fixture->sandbox, DESK_SANDBOX_FAULT_NONE, 0);

  g_assert_null (saved);
  g_assert_error (error, DESK_API_ERROR, DESK_API_ERROR_OUTCOME_UNKNOWN);
  g_assert_cmpuint (requests (fixture) - before, ==, 1);
}

/* A server error on a write may come after the change was applied: its fate is unknown,
 * and it is not sent again. */
static void
test_server_error_unknown (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(DeskCustomer) customer = customer_named ("Failed");
  g_autoptr(DeskChange) change = desk_change_new_create_customer (customer);
  g_autoptr(GError) error = NULL;
  guint before = requests (fixture);

  desk_sandbox_set_fault (fixture->sandbox, DESK_SANDBOX_FAULT_HTTP_500, 1.0);
  g_assert_cmpint (submit (fixture, change, NULL, &error), ==, DESK_FATE_UNKNOWN);
  desk_sandbox_set_fault (fixture->sandbox, DESK_SANDBOX_FAULT_NONE, 0);

  g_assert_error (error, DESK_API_ERROR, DESK_API_ERROR_OUTCOME_UNKNOWN);
  g_assert_cmpuint (requests (fixture) - before, ==, 1);
}

/* A server nobody listens on: the change never left. */
static void
test_not_sent (void)
{
  g_autoptr(GSocketListener) listener = g_socket_listener_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(DeskApiClient) client = NULL;
  g_autoptr(DeskWriter) writer = NULL;
  g_autoptr(DeskCustomer) customer = customer_named ("Nowhere");
  g_autoptr(DeskChange) change = desk_change_new_create_customer (customer);
  g_autoptr(GAsyncResult) result = NULL;
  g_autofree char *url = NULL;
  guint16 port = g_socket_listener_add_any_inet_port (listener, NULL, &error);

  g_assert_no_error (error);
  /* The port was free a moment ago; closing the listener leaves nobody on it. */
  g_socket_listener_close (listener);
  url = g_strdup_printf ("http://127.0.0.1:%u/api/web/v1/", port);
  client = desk_api_client_new (url, "key");
  desk_api_client_set_max_retries (client, 0);
  writer = desk_writer_new (client);

  desk_writer_submit_async (writer, change, NULL, result_cb, &result);
  iterate_until_set ((gpointer *) &result);
  g_assert_cmpint (desk_writer_submit_finish (writer, result, NULL, &error), ==,
                   DESK_FATE_NOT_SENT);
  g_assert_error (error, DESK_API_ERROR, DESK_API_ERROR_NETWORK);
}

static void
test_cancelled_before_sent (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(DeskCustomer) customer = customer_named ("Cancelled");
  g_autoptr(DeskChange) change = desk_change_new_create_customer (customer);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  guint before = requests (fixture);

  g_cancellable_cancel (cancellable);
  desk_writer_submit_async (fixture->writer, change, cancellable, result_cb, &result);
  iterate_until_set ((gpointer *) &result);

  g_assert_cmpint (desk_writer_submit_finish (fixture->writer, result, NULL, &error), ==,
                   DESK_FATE_NOT_SENT);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (requests (fixture), ==, before);
}

/* The screen that sent a change goes away: the change is still seen to its end. */
static void
test_cancelled_after_sent (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(DeskCustomer) customer = customer_named ("Persistent");
  g_autoptr(DeskChange) change = desk_change_new_create_customer (customer);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  desk_writer_submit_async (fixture->writer, change, cancellable, result_cb, &result);
  g_assert_cmpuint (desk_writer_get_n_pending (fixture->writer), ==, 1);
  g_cancellable_cancel (cancellable);
  iterate_until_set ((gpointer *) &result);

  g_assert_cmpint (desk_writer_submit_finish (fixture->writer, result, NULL, &error), ==,
                   DESK_FATE_SAVED);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (fixture->settled->len, ==, 1);
  g_assert_cmpint (g_array_index (fixture->fates, DeskFate, 0), ==, DESK_FATE_SAVED);
}

/* A change survives being written down and read again, uuid and all: an outbox can keep it. */
static void
test_as_data (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(DeskTicket) ticket = some_ticket (fixture);
  g_autoptr(DeskTicketDevice) device = g_list_model_get_item (desk_ticket_get_devices (ticket), 0);
  g_autoptr(DeskChange) change = NULL;
  g_autoptr(DeskChange) restored = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(JsonNode) reparsed = NULL;
  g_autoptr(DeskTicket) saved = NULL;
  g_autoptr(DeskTicketDevice) saved_device = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *imei = NULL;

  g_object_set (device, "imei", "356938035643809", NULL);
  change = desk_change_new_update_ticket (ticket);
  node = desk_change_to_json (change);
  text = json_to_string (node, FALSE);
  reparsed = json_from_string (text, &error);
  g_assert_no_error (error);

  restored = desk_change_new_from_json (reparsed, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (desk_change_get_uuid (restored), ==, desk_change_get_uuid (change));
  g_assert_cmpint (desk_change_get_kind (restored), ==, DESK_CHANGE_UPDATE_TICKET);
  g_assert_cmpint (desk_change_get_target_id (restored), ==, desk_ticket_get_id (ticket));

  g_assert_cmpint (submit (fixture, restored, (gpointer *) &saved, &error), ==, DESK_FATE_SAVED);
  g_assert_no_error (error);
  saved_device = g_list_model_get_item (desk_ticket_get_devices (saved), 0);
  g_object_get (saved_device, "imei", &imei, NULL);
  g_assert_cmpstr (imei, ==, "356938035643809");
}

static void
test_payment_as_data (void)
{
  g_autoptr(DeskChange) change = desk_change_new_add_payment (7, 3050, "Cash", 1472122800, "Deposit");
  g_autoptr(JsonNode) node = desk_change_to_json (change);
  g_autoptr(DeskChange) restored = NULL;
  g_autoptr(JsonNode) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) junk = json_from_string ("{\"kind\": \"create-customer\"}", NULL);
  g_autoptr(DeskChange) refused = NULL;
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;

  restored = desk_change_new_from_json (node, &error);
  g_assert_no_error (error);
  again = desk_change_to_json (restored);
  a = json_to_string (node, FALSE);
  b = json_to_string (again, FALSE);
  g_assert_cmpstr (a, ==, b);

  refused = desk_change_new_from_json (junk, &error);
  g_assert_null (refused);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
}

static void
test_convert_and_pay (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(DeskTicket) ticket = some_ticket (fixture);
  g_autoptr(DeskChange) convert = desk_change_new_convert_ticket (desk_ticket_get_id (ticket));
  g_autoptr(DeskChange) pay = NULL;
  g_autoptr(DeskInvoice) invoice = NULL;
  g_autoptr(DeskInvoice) paid = NULL;
  g_autoptr(GError) error = NULL;
  gint64 invoice_id = 0;
  gint64 amount_paid = 0;

  g_assert_cmpint (submit (fixture, convert, (gpointer *) &invoice, &error), ==, DESK_FATE_SAVED);
  g_assert_no_error (error);
  g_assert_true (DESK_IS_INVOICE (invoice));
  g_object_get (invoice, "id", &invoice_id, NULL);
  g_assert_cmpint (invoice_id, >, 0);

  pay = desk_change_new_add_payment (invoice_id, 1000, "Cash", 1768478400, NULL);
  g_assert_cmpint (submit (fixture, pay, (gpointer *) &paid, &error), ==, DESK_FATE_SAVED);
  g_assert_no_error (error);
  g_object_get (paid, "amount-paid", &amount_paid, NULL);
  g_assert_cmpint (amount_paid, ==, 1000);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("/writer/saved-reads-back", test_saved_reads_back);
  ADD ("/writer/update-ticket", test_update_ticket);
  ADD ("/writer/refused-names-field", test_refused_names_field);
  g_test_add_func ("/writer/refused-field-words", test_refused_field_words);
  ADD ("/writer/never-twice", test_never_twice);
  ADD ("/writer/unknown-sent-once", test_unknown_sent_once);
  ADD ("/writer/server-error-unknown", test_server_error_unknown);
  g_test_add_func ("/writer/not-sent", test_not_sent);
  ADD ("/writer/cancelled-before-sent", test_cancelled_before_sent);
  ADD ("/writer/cancelled-after-sent", test_cancelled_after_sent);
  ADD ("/writer/as-data", test_as_data);
  g_test_add_func ("/writer/payment-as-data", test_payment_as_data);
  ADD ("/writer/convert-and-pay", test_convert_and_pay);

  return g_test_run ();
}
