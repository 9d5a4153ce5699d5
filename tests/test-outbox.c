/* test-outbox.c
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <sqlite3.h>

#include "desk-core.h"
#include "desk-sandbox.h"
#include "desk-test-client.h"

/* The outbox against the in-process sandbox, which is stopped to take RepairDesk away and
 * started again on the same port and store to bring it back: changes wait in order, go
 * once each, a lost answer is looked up before anything is sent again, a refusal stays, a
 * ticket for a customer still waiting gets the customer's id, and a change found "sending"
 * after a restart is checked, not resent. Every count is taken on the server. */

typedef struct
{
  DeskSandbox   *sandbox;
  guint16        port;
  DeskApiClient *client;
  DeskOutbox    *outbox;
  DeskWriter    *writer;
  char          *outbox_path;
  GPtrArray     *settled;   /* DeskChange, in the order they settled */
  GArray        *fates;
  GPtrArray     *records;   /* the record each settled with, or a placeholder */
  GString       *states;    /* the states an item went through, "sending checking ..." */
  gint64         device_id;
  gint64         task_type_id;
  char          *status;
  guint          faults_left;   /* sends that meet an HTTP 500 */
} Fixture;

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
  gint64 deadline = g_get_monotonic_time () + DESK_TEST_OUTER_BOUND;

  while (*slot == NULL)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
}

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
  g_ptr_array_add (fixture->records, record != NULL ? g_object_ref (record)
                                                    : g_object_new (G_TYPE_OBJECT, NULL));
}

static void
open_outbox (Fixture *fixture)
{
  fixture->outbox = desk_outbox_new (fixture->client, fixture->outbox_path);
  fixture->writer = desk_writer_new (fixture->client);
  desk_writer_set_outbox (fixture->writer, fixture->outbox);
  g_signal_connect (fixture->writer, "settled", G_CALLBACK (settled_cb), fixture);
}

static gboolean
outbox_loaded (Fixture *fixture)
{
  gint64 deadline = g_get_monotonic_time () + DESK_TEST_OUTER_BOUND;

  while (!desk_outbox_get_loaded (fixture->outbox) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);

  return desk_outbox_get_loaded (fixture->outbox);
}

/* What a kill or a quit leaves: the disk, nothing in memory. */
static void
close_outbox (Fixture *fixture)
{
  g_assert_finalize_object (g_steal_pointer (&fixture->writer));
  desk_test_finalize_soon (g_steal_pointer (&fixture->outbox));
}

static void
go_offline (Fixture *fixture)
{
  desk_sandbox_stop (fixture->sandbox);
}

static void
go_online (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (desk_sandbox_start (fixture->sandbox, fixture->port, &error));
  g_assert_no_error (error);
  if (fixture->outbox != NULL)
    desk_outbox_try_now (fixture->outbox);
}

static void
wait_idle (Fixture *fixture)
{
  gint64 deadline = g_get_monotonic_time () + DESK_TEST_OUTER_BOUND;

  while (!desk_outbox_get_idle (fixture->outbox))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
}

static DeskFate
submit (Fixture     *fixture,
        DeskChange  *change,
        GError     **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  desk_writer_submit_async (fixture->writer, change, NULL, result_cb, &result);
  iterate_until_set ((gpointer *) &result);

  return desk_writer_submit_finish (fixture->writer, result, NULL, error);
}

static void
assert_queued (Fixture    *fixture,
               DeskChange *change)
{
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (submit (fixture, change, &error), ==, DESK_FATE_QUEUED);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_PENDING);
}

static DeskTicket *
new_ticket (Fixture    *fixture,
            gint64      customer_id,
            const char *imei)
{
  DeskTicket *ticket = desk_ticket_new ();
  g_autoptr(DeskTicketDevice) device = desk_ticket_device_new ();

  g_object_set (device, "device-id", fixture->device_id, "imei", imei,
                "task-type-id", fixture->task_type_id, "status", fixture->status, NULL);
  desk_ticket_add_device (ticket, device);
  g_object_set (ticket, "customer-id", customer_id, NULL);

  return ticket;
}

static DeskChange *
new_ticket_change (Fixture    *fixture,
                   gint64      customer_id,
                   const char *imei)
{
  g_autoptr(DeskTicket) ticket = new_ticket (fixture, customer_id, imei);

  return desk_change_new_create_ticket (ticket);
}

static DeskCustomer *
customer_named (const char *first_name,
                const char *mobile)
{
  DeskCustomer *customer = desk_customer_new ();

  g_object_set (customer, "first-name", first_name, "last-name", "Okafor", "mobile", mobile,
                NULL);
  return customer;
}

/* The tickets on the server holding a device with @imei. */
static GPtrArray *
tickets_with_imei (Fixture    *fixture,
                   const char *imei)
{
  DeskListQuery query = { .filter = DESK_LIST_FILTER_ALL, .keyword = (char *) imei };
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GPtrArray) tickets = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *found = g_ptr_array_new_with_free_func (g_object_unref);

  desk_api_client_list_tickets_async (fixture->client, &query, 0, NULL, result_cb, &result);
  iterate_until_set ((gpointer *) &result);
  tickets = desk_api_client_list_tickets_finish (fixture->client, result, NULL, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < tickets->len; i++)
    {
      DeskTicket *ticket = g_ptr_array_index (tickets, i);
      GListModel *devices = desk_ticket_get_devices (ticket);

      for (guint j = 0; j < g_list_model_get_n_items (devices); j++)
        {
          g_autoptr(DeskTicketDevice) device = g_list_model_get_item (devices, j);
          g_autofree char *device_imei = NULL;

          g_object_get (device, "imei", &device_imei, NULL);
          if (g_strcmp0 (device_imei, imei) == 0)
            {
              g_ptr_array_add (found, g_object_ref (ticket));
              break;
            }
        }
    }

  return found;
}

static guint
count_on_server (Fixture    *fixture,
                 const char *imei)
{
  g_autoptr(GPtrArray) tickets = tickets_with_imei (fixture, imei);

  return tickets->len;
}

static gint64
ticket_id_on_server (Fixture    *fixture,
                     const char *imei)
{
  g_autoptr(GPtrArray) tickets = tickets_with_imei (fixture, imei);

  g_assert_cmpuint (tickets->len, ==, 1);
  return desk_ticket_get_id (g_ptr_array_index (tickets, 0));
}

static DeskTicket *
create_directly (Fixture    *fixture,
                 gint64      customer_id,
                 const char *imei)
{
  g_autoptr(DeskTicket) ticket = new_ticket (fixture, customer_id, imei);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  DeskTicket *created;

  desk_api_client_create_ticket_async (fixture->client, ticket, NULL, result_cb, &result);
  iterate_until_set ((gpointer *) &result);
  created = desk_api_client_create_ticket_finish (fixture->client, result, &error);
  g_assert_no_error (error);

  return created;
}

/* Changes the row of @change as a Front Desk killed while sending it leaves it. */
static void
mark_sending_on_disk (Fixture    *fixture,
                      DeskChange *change)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_open (fixture->outbox_path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "UPDATE items SET state = ?, sent = ? WHERE uuid = ?",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_int (stmt, 1, DESK_OUTBOX_SENDING);
  sqlite3_bind_int64 (stmt, 2, g_get_real_time () / G_USEC_PER_SEC);
  sqlite3_bind_text (stmt, 3, desk_change_get_uuid (change), -1, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  g_assert_cmpint (sqlite3_changes (db), ==, 1);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
}

static gint64
first_id (GPtrArray *records)
{
  return desk_named_item_get_id (g_ptr_array_index (records, 0));
}

static void
fetch_reference (Fixture *fixture)
{
  DeskApiClient *client = fixture->client;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GPtrArray) devices = NULL;
  g_autoptr(GPtrArray) task_types = NULL;
  g_autoptr(GPtrArray) statuses = NULL;
  g_autoptr(GError) error = NULL;

  desk_api_client_list_devices_async (client, NULL, result_cb, &result);
  iterate_until_set ((gpointer *) &result);
  devices = desk_api_client_list_devices_finish (client, result, &error);
  g_assert_no_error (error);
  fixture->device_id = first_id (devices);
  g_clear_object (&result);

  desk_api_client_list_task_types_async (client, NULL, result_cb, &result);
  iterate_until_set ((gpointer *) &result);
  task_types = desk_api_client_list_task_types_finish (client, result, &error);
  g_assert_no_error (error);
  fixture->task_type_id = first_id (task_types);
  g_clear_object (&result);

  desk_api_client_list_statuses_async (client, NULL, result_cb, &result);
  iterate_until_set ((gpointer *) &result);
  statuses = desk_api_client_list_statuses_finish (client, result, &error);
  g_assert_no_error (error);
  fixture->status = g_strdup (desk_named_item_get_name (g_ptr_array_index (statuses, 0)));
}

/* --- Fixture ------------------------------------------------------------------------------ */

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *db_path = g_build_filename (g_get_user_data_dir (), "store.sqlite", NULL);
  g_autoptr(GUri) uri = NULL;

  g_mkdir_with_parents (g_get_user_data_dir (), 0700);
  fixture->sandbox = g_object_new (DESK_TYPE_SANDBOX, "db-path", db_path, "seed", 3,
                                   "n-customers", 20, "n-tickets", 30, "n-invoices", 5,
                                   "rate-limit", 0, NULL);
  g_assert_true (desk_sandbox_start (fixture->sandbox, 0, &error));
  g_assert_no_error (error);
  uri = g_uri_parse (desk_sandbox_get_url (fixture->sandbox), G_URI_FLAGS_NONE, &error);
  g_assert_no_error (error);
  fixture->port = g_uri_get_port (uri);

  fixture->client = desk_api_client_new (desk_sandbox_get_url (fixture->sandbox),
                                         DESK_SANDBOX_DEMO_API_KEY);
  desk_api_client_set_max_retries (fixture->client, 0);
  fixture->outbox_path = g_build_filename (g_get_user_data_dir (), "frontdesk", "outbox.sqlite",
                                           NULL);
  fixture->settled = g_ptr_array_new_with_free_func (g_object_unref);
  fixture->fates = g_array_new (FALSE, FALSE, sizeof (DeskFate));
  fixture->records = g_ptr_array_new_with_free_func (g_object_unref);
  fixture->states = g_string_new (NULL);
  fetch_reference (fixture);
  open_outbox (fixture);
  g_assert_true (outbox_loaded (fixture));
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  if (fixture->outbox != NULL)
    close_outbox (fixture);
  g_clear_pointer (&fixture->settled, g_ptr_array_unref);
  g_clear_pointer (&fixture->fates, g_array_unref);
  g_clear_pointer (&fixture->records, g_ptr_array_unref);
  g_string_free (fixture->states, TRUE);
  g_free (fixture->outbox_path);
  g_free (fixture->status);
  desk_test_finalize_soon (fixture->client);
  desk_sandbox_stop (fixture->sandbox);
  g_assert_finalize_object (fixture->sandbox);
}

/* --- Tests -------------------------------------------------------------------------------- */

/* Three intakes while RepairDesk is away: each waits, then each reaches it once, in the
 * order they were made. */
static void
test_order (Fixture       *fixture,
            gconstpointer  data)
{
  const char *imeis[] = { "356938035643801", "356938035643802", "356938035643803" };
  DeskChange *changes[G_N_ELEMENTS (imeis)];
  gint64 last_id = 0;

  go_offline (fixture);
  for (guint i = 0; i < G_N_ELEMENTS (imeis); i++)
    {
      changes[i] = new_ticket_change (fixture, 0, imeis[i]);
      assert_queued (fixture, changes[i]);
    }
  g_assert_cmpuint (desk_outbox_get_n_items (fixture->outbox), ==, 3);
  g_assert_false (desk_outbox_get_reachable (fixture->outbox));

  go_online (fixture);
  wait_idle (fixture);
  g_assert_cmpuint (desk_outbox_get_n_items (fixture->outbox), ==, 0);

  /* Queued three times, then saved three times, in order. */
  g_assert_cmpuint (fixture->settled->len, ==, 6);
  for (guint i = 0; i < 3; i++)
    {
      DeskTicket *saved = g_ptr_array_index (fixture->records, 3 + i);

      g_assert_cmpint (g_array_index (fixture->fates, DeskFate, i), ==, DESK_FATE_QUEUED);
      g_assert_true (g_ptr_array_index (fixture->settled, i) == changes[i]);
      g_assert_cmpint (g_array_index (fixture->fates, DeskFate, 3 + i), ==, DESK_FATE_SAVED);
      g_assert_cmpstr (desk_change_get_uuid (g_ptr_array_index (fixture->settled, 3 + i)), ==,
                       desk_change_get_uuid (changes[i]));
      g_assert_cmpint (desk_ticket_get_id (saved), >, last_id);
      last_id = desk_ticket_get_id (saved);
      g_assert_cmpint (ticket_id_on_server (fixture, imeis[i]), ==, last_id);
    }

  for (guint i = 0; i < G_N_ELEMENTS (imeis); i++)
    g_object_unref (changes[i]);
}

static void
state_cb (DeskOutboxItem *item,
          GParamSpec     *pspec,
          Fixture        *fixture)
{
  DeskOutboxState state = desk_outbox_item_get_state (item);

  g_string_append_printf (fixture->states, "%s ", desk_outbox_state_to_string (state));
  /* The request leaves after its state is on disk, the look-up after "checking" is: the
   * fault hits the change and nothing else. */
  if (state == DESK_OUTBOX_SENDING && fixture->faults_left > 0)
    {
      fixture->faults_left--;
      desk_sandbox_set_fault (fixture->sandbox, DESK_SANDBOX_FAULT_HTTP_500, 1.0);
    }
  else
    desk_sandbox_set_fault (fixture->sandbox, DESK_SANDBOX_FAULT_NONE, 0.0);
}

static void
watch_first_item (Fixture *fixture)
{
  g_autoptr(DeskOutboxItem) item = g_list_model_get_item (desk_outbox_get_items (fixture->outbox), 0);

  g_signal_connect (item, "notify::state", G_CALLBACK (state_cb), fixture);
}

/* The server took the ticket but its answer was lost (an HTTP 500 after the write): the
 * outbox finds it on the server and does not send it again. */
static void
test_unknown_applied (Fixture       *fixture,
                      gconstpointer  data)
{
  const char *imei = "356938035643811";
  g_autoptr(DeskChange) change = new_ticket_change (fixture, 0, imei);
  g_autoptr(DeskTicket) arrived = NULL;
  DeskTicket *saved;

  go_offline (fixture);
  assert_queued (fixture, change);
  watch_first_item (fixture);

  /* What the lost answer stands for: the ticket is there. */
  g_assert_true (desk_sandbox_start (fixture->sandbox, fixture->port, NULL));
  arrived = create_directly (fixture, 0, imei);

  fixture->faults_left = 1;
  desk_outbox_try_now (fixture->outbox);
  wait_idle (fixture);

  g_assert_cmpstr (fixture->states->str, ==, "sending checking saved ");
  g_assert_cmpuint (count_on_server (fixture, imei), ==, 1);
  g_assert_cmpuint (fixture->settled->len, ==, 2);
  g_assert_cmpint (g_array_index (fixture->fates, DeskFate, 1), ==, DESK_FATE_SAVED);
  saved = g_ptr_array_index (fixture->records, 1);
  g_assert_cmpint (desk_ticket_get_id (saved), ==, desk_ticket_get_id (arrived));
}

/* The answer was lost and the ticket is not there: only after the look-up is it sent
 * again, and it is then on the server once. */
static void
test_unknown_not_applied (Fixture       *fixture,
                          gconstpointer  data)
{
  const char *imei = "356938035643812";
  g_autoptr(DeskChange) change = new_ticket_change (fixture, 0, imei);

  go_offline (fixture);
  assert_queued (fixture, change);
  watch_first_item (fixture);

  fixture->faults_left = 1;
  go_online (fixture);
  wait_idle (fixture);

  g_assert_cmpstr (fixture->states->str, ==, "sending checking waiting sending saved ");
  g_assert_cmpuint (count_on_server (fixture, imei), ==, 1);
  g_assert_cmpint (g_array_index (fixture->fates, DeskFate, 1), ==, DESK_FATE_SAVED);
}

static void
discarded_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

/* A refused change stays, with the server's reason, and does not hold up the others; once
 * discarded it is gone from the disk too. */
static void
test_refused_stays (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *long_name = g_strnfill (500, 'a');
  g_autoptr(DeskCustomer) customer = customer_named (long_name, "+1 555 0100 901");
  g_autoptr(DeskChange) refused = desk_change_new_create_customer (customer);
  g_autoptr(DeskChange) ticket = new_ticket_change (fixture, 0, "356938035643821");
  g_autoptr(DeskOutboxItem) item = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  go_offline (fixture);
  assert_queued (fixture, refused);
  assert_queued (fixture, ticket);
  go_online (fixture);
  wait_idle (fixture);

  g_assert_cmpuint (count_on_server (fixture, "356938035643821"), ==, 1);
  g_assert_cmpuint (desk_outbox_get_n_items (fixture->outbox), ==, 1);
  item = g_list_model_get_item (desk_outbox_get_items (fixture->outbox), 0);
  g_assert_true (desk_outbox_item_get_change (item) == refused);
  g_assert_cmpint (desk_outbox_item_get_state (item), ==, DESK_OUTBOX_REFUSED);
  g_assert_nonnull (strstr (desk_outbox_item_get_reason (item), "first_name"));
  g_assert_cmpint (g_array_index (fixture->fates, DeskFate, 2), ==, DESK_FATE_REFUSED);

  /* It stays across a restart. */
  close_outbox (fixture);
  open_outbox (fixture);
  g_assert_true (outbox_loaded (fixture));
  wait_idle (fixture);
  g_assert_cmpuint (desk_outbox_get_n_items (fixture->outbox), ==, 1);
  g_clear_object (&item);
  item = g_list_model_get_item (desk_outbox_get_items (fixture->outbox), 0);
  g_assert_cmpint (desk_outbox_item_get_state (item), ==, DESK_OUTBOX_REFUSED);
  g_assert_nonnull (strstr (desk_outbox_item_get_reason (item), "first_name"));

  desk_outbox_discard_async (fixture->outbox, desk_change_get_uuid (refused), NULL,
                             discarded_cb, &result);
  iterate_until_set ((gpointer *) &result);
  g_assert_true (desk_outbox_discard_finish (fixture->outbox, result, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (desk_outbox_get_n_items (fixture->outbox), ==, 0);

  g_clear_object (&item);
  g_clear_object (&result);
  close_outbox (fixture);
  open_outbox (fixture);
  g_assert_true (outbox_loaded (fixture));
  g_assert_cmpuint (desk_outbox_get_n_items (fixture->outbox), ==, 0);
}

/* A new customer, then an intake for them, both while RepairDesk is away: the intake
 * names the customer's change, and goes with the id the server gave the customer. */
static void
test_dependency (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(DeskCustomer) customer = customer_named ("Linked", "+1 555 0100 733");
  g_autoptr(DeskChange) create_customer = desk_change_new_create_customer (customer);
  g_autoptr(DeskChange) intake = new_ticket_change (fixture, 0, "356938035643831");
  g_autoptr(DeskChange) later = new_ticket_change (fixture, 0, "356938035643832");
  g_autoptr(GPtrArray) later_tickets = NULL;
  g_autoptr(GPtrArray) tickets = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(DeskChange) read = NULL;
  DeskCustomer *saved_customer;

  desk_change_set_depends_on (intake, desk_change_get_uuid (create_customer));
  node = desk_change_to_json (intake);
  read = desk_change_new_from_json (node, NULL);
  g_assert_cmpstr (desk_change_get_depends_on (read), ==, desk_change_get_uuid (create_customer));

  go_offline (fixture);
  assert_queued (fixture, create_customer);
  assert_queued (fixture, intake);
  /* Even with RepairDesk back, a change naming a customer still waiting is never sent on
   * its own. */
  g_assert_true (desk_outbox_should_queue (fixture->outbox, intake));

  go_online (fixture);
  wait_idle (fixture);
  g_assert_cmpuint (desk_outbox_get_n_items (fixture->outbox), ==, 0);

  g_assert_cmpint (g_array_index (fixture->fates, DeskFate, 2), ==, DESK_FATE_SAVED);
  g_assert_true (g_ptr_array_index (fixture->settled, 2) == create_customer);
  saved_customer = g_ptr_array_index (fixture->records, 2);
  g_assert_cmpint (desk_customer_get_id (saved_customer), >, 0);

  tickets = tickets_with_imei (fixture, "356938035643831");
  g_assert_cmpuint (tickets->len, ==, 1);
  g_assert_cmpint (desk_ticket_get_customer_id (g_ptr_array_index (tickets, 0)), ==,
                   desk_customer_get_id (saved_customer));

  /* An intake made later for the same new customer goes straight, with the id. */
  desk_change_set_depends_on (later, desk_change_get_uuid (create_customer));
  g_assert_cmpint (submit (fixture, later, NULL), ==, DESK_FATE_SAVED);
  later_tickets = tickets_with_imei (fixture, "356938035643832");
  g_assert_cmpuint (later_tickets->len, ==, 1);
  g_assert_cmpint (desk_ticket_get_customer_id (g_ptr_array_index (later_tickets, 0)), ==,
                   desk_customer_get_id (saved_customer));
}

/* Front Desk stopped while a change was on its way: the next start looks for it before
 * anything is sent. Not there: sent, once. There: taken as saved, not sent. */
static void
test_restart_sending (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(DeskChange) lost = new_ticket_change (fixture, 0, "356938035643841");
  g_autoptr(DeskChange) arrived = new_ticket_change (fixture, 0, "356938035643842");
  g_autoptr(DeskTicket) on_server = NULL;

  go_offline (fixture);
  assert_queued (fixture, lost);
  close_outbox (fixture);
  mark_sending_on_disk (fixture, lost);

  go_online (fixture);
  open_outbox (fixture);
  wait_idle (fixture);
  g_assert_cmpuint (count_on_server (fixture, "356938035643841"), ==, 1);
  g_assert_cmpuint (desk_outbox_get_n_items (fixture->outbox), ==, 0);

  go_offline (fixture);
  assert_queued (fixture, arrived);
  close_outbox (fixture);
  mark_sending_on_disk (fixture, arrived);
  go_online (fixture);
  on_server = create_directly (fixture, 0, "356938035643842");

  open_outbox (fixture);
  wait_idle (fixture);
  g_assert_cmpuint (count_on_server (fixture, "356938035643842"), ==, 1);
  g_assert_cmpuint (count_on_server (fixture, "356938035643841"), ==, 1);
  g_assert_cmpuint (desk_outbox_get_n_items (fixture->outbox), ==, 0);
  g_assert_cmpint (g_array_index (fixture->fates, DeskFate, fixture->fates->len - 1), ==,
                   DESK_FATE_SAVED);
  g_assert_cmpint (desk_ticket_get_id (g_ptr_array_index (fixture->records,
                                                          fixture->records->len - 1)), ==,
                   desk_ticket_get_id (on_server));
}

/* Taking a payment or making an invoice needs the server: never queued, and the reason
 * says so. */
static void
test_payment_not_queued (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(DeskChange) payment = desk_change_new_add_payment (1, 1000, "Cash", 1767225600, NULL);
  g_autoptr(DeskChange) convert = desk_change_new_convert_ticket (1);
  g_autoptr(GError) payment_error = NULL;
  g_autoptr(GError) convert_error = NULL;

  go_offline (fixture);
  g_assert_cmpint (submit (fixture, payment, &payment_error), ==, DESK_FATE_NOT_SENT);
  g_assert_nonnull (strstr (payment_error->message, "payment needs RepairDesk"));
  g_assert_cmpint (submit (fixture, convert, &convert_error), ==, DESK_FATE_NOT_SENT);
  g_assert_nonnull (strstr (convert_error->message, "needs RepairDesk"));
  g_assert_cmpuint (desk_outbox_get_n_items (fixture->outbox), ==, 0);
  g_assert_false (desk_outbox_get_reachable (fixture->outbox));
  go_online (fixture);
}

/* An update whose answer was lost is read back: what the server holds decides. */
static void
test_record_holds (void)
{
  g_autoptr(DeskCustomer) sent = customer_named ("Held", "+1 555 0100 100");
  g_autoptr(DeskCustomer) found = customer_named ("Held", "+1 555 0100 100");
  g_autoptr(DeskCustomer) other = customer_named ("Other", "+1 555 0100 100");
  g_autoptr(DeskCustomer) same_number = customer_named ("HELD ", "(555) 0100-100");

  g_object_set (found, "id", (gint64) 12, "email", "held@example.com", NULL);
  g_assert_true (desk_outbox_record_holds (found, sent));
  g_assert_false (desk_outbox_record_holds (other, sent));
  g_assert_true (desk_outbox_customer_matches (found, sent));
  g_assert_false (desk_outbox_customer_matches (other, sent));
  g_object_set (same_number, "mobile", "+1 (555) 0100 100", NULL);
  g_assert_true (desk_outbox_customer_matches (same_number, sent));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add ("/outbox/order", Fixture, NULL, fixture_setup, test_order, fixture_teardown);
  g_test_add ("/outbox/unknown-applied", Fixture, NULL, fixture_setup, test_unknown_applied,
              fixture_teardown);
  g_test_add ("/outbox/unknown-not-applied", Fixture, NULL, fixture_setup,
              test_unknown_not_applied, fixture_teardown);
  g_test_add ("/outbox/refused-stays", Fixture, NULL, fixture_setup, test_refused_stays,
              fixture_teardown);
  g_test_add ("/outbox/dependency", Fixture, NULL, fixture_setup, test_dependency,
              fixture_teardown);
  g_test_add ("/outbox/restart-sending", Fixture, NULL, fixture_setup, test_restart_sending,
              fixture_teardown);
  g_test_add ("/outbox/payment-not-queued", Fixture, NULL, fixture_setup,
              test_payment_not_queued, fixture_teardown);
  g_test_add_func ("/outbox/record-holds", test_record_holds);

  return g_test_run ();
}
