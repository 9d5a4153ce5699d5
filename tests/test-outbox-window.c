/* test-outbox-window.c
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <signal.h>

#include <sqlite3.h>

#include <adwaita.h>
#include <gio/gunixinputstream.h>

#include "customers/desk-customer-editor.h"
#include "desk-sandbox.h"
#include "desk-test-utils.h"
#include "desk-window.h"
#include "intake/desk-intake-device.h"
#include "intake/desk-intake-page.h"
#include "widgets/desk-outbox-banner.h"

/* Checking devices in while RepairDesk can't be reached, against a sandbox that is stopped
 * and started again on the same port and store: the window says so quietly and keeps
 * taking intakes, and each arrives once when the server is back. Then the same with a real
 * Front Desk process killed with SIGKILL while intakes wait and another is being typed:
 * the next start loses nothing and sends nothing twice. Every count is taken on the
 * server. */

#define WAIT_MS 30000
#define IMEI_A "356938035643809"
#define IMEI_B "356938035643817"
#define IMEI_C "356938035643825"
#define IMEI_DRAFT "356938035643833"
#define IMEI_SENDING "356938035643841"

typedef struct
{
  DeskSandbox    *sandbox;
  guint16         port;
  DeskApiClient  *client;
  DeskCatalog    *catalog;
  GSettings      *settings;
  DeskContext    *context;
  GtkWindow      *window;
  DeskIntakePage *page;
  GAsyncResult   *result;
} Fixture;

/* --- Helpers ------------------------------------------------------------------------------- */

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

static GAsyncResult *
wait_result (Fixture *fixture)
{
  g_assert_true (desk_test_wait_for (has_result, fixture, WAIT_MS));

  return fixture->result;
}

static void
start_sandbox (Fixture *fixture,
               guint16  port)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *db_path = g_build_filename (g_get_user_data_dir (), "store.sqlite", NULL);
  g_autoptr(GUri) uri = NULL;

  if (fixture->sandbox == NULL)
    {
      g_mkdir_with_parents (g_get_user_data_dir (), 0700);
      fixture->sandbox = g_object_new (DESK_TYPE_SANDBOX, "db-path", db_path,
                                       "seed", 7, "n-customers", 40, "n-tickets", 50,
                                       "n-invoices", 5, "rate-limit", 0, NULL);
    }
  g_assert_true (desk_sandbox_start (fixture->sandbox, port, &error));
  g_assert_no_error (error);
  uri = g_uri_parse (desk_sandbox_get_url (fixture->sandbox), G_URI_FLAGS_NONE, &error);
  g_assert_no_error (error);
  fixture->port = g_uri_get_port (uri);
}

static gboolean
catalog_loaded (gpointer data)
{
  Fixture *fixture = data;
  DeskCatalogKind kinds[] = { DESK_CATALOG_DEVICES, DESK_CATALOG_PROBLEMS, DESK_CATALOG_STATUSES,
                              DESK_CATALOG_EMPLOYEES, DESK_CATALOG_TAX_CLASSES,
                              DESK_CATALOG_SUPPLIES, DESK_CATALOG_TASK_TYPES,
                              DESK_CATALOG_PARTS };

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (!desk_catalog_is_loaded (fixture->catalog, kinds[i]))
      return FALSE;

  return TRUE;
}

static DeskCustomer *
some_customer (Fixture *fixture)
{
  DeskListQuery query = { .filter = DESK_LIST_FILTER_ALL };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) customers = NULL;

  g_clear_object (&fixture->result);
  desk_api_client_list_customers_async (fixture->client, &query, 0, NULL, result_cb, fixture);
  customers = desk_api_client_list_customers_finish (fixture->client, wait_result (fixture),
                                                     NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (customers->len, >, 0);

  return g_object_ref (g_ptr_array_index (customers, 0));
}

static guint
n_tickets_with_imei (Fixture    *fixture,
                     const char *imei)
{
  DeskListQuery query = { .keyword = (char *) imei, .filter = DESK_LIST_FILTER_ALL };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) tickets = NULL;

  g_clear_object (&fixture->result);
  desk_api_client_list_tickets_async (fixture->client, &query, 0, NULL, result_cb, fixture);
  tickets = desk_api_client_list_tickets_finish (fixture->client, wait_result (fixture), NULL,
                                                 &error);
  g_assert_no_error (error);

  return tickets->len;
}

static gpointer
first_item (DeskCatalog     *catalog,
            DeskCatalogKind  kind)
{
  GListModel *model = desk_catalog_get_model (catalog, kind);

  g_assert_cmpuint (g_list_model_get_n_items (model), >, 0);
  return g_list_model_get_item (model, 0);
}

static DeskIntakeDevice *
device_section (Fixture *fixture)
{
  GListModel *devices = desk_intake_page_get_devices (fixture->page);
  g_autoptr(DeskIntakeDevice) device = g_list_model_get_item (devices, 0);

  g_assert_nonnull (device);
  return device;
}

/* A customer and one device with its model, IMEI and a problem. */
static void
fill_intake (Fixture      *fixture,
             DeskCustomer *customer,
             const char   *imei)
{
  g_autoptr(DeskDevice) model = first_item (fixture->catalog, DESK_CATALOG_DEVICES);
  g_autoptr(DeskProblem) problem = first_item (fixture->catalog, DESK_CATALOG_PROBLEMS);
  DeskIntakeDevice *device;

  desk_intake_page_set_customer (fixture->page, customer);
  device = device_section (fixture);
  desk_intake_device_select_model (device, desk_named_item_get_id (DESK_NAMED_ITEM (model)));
  gtk_editable_set_text (desk_intake_device_get_field (device, "imei"), imei);
  desk_intake_device_add_problem (device, problem);
  desk_intake_device_set_condition (device, "Screen", 0);
  g_assert_null (desk_intake_page_get_blocker (fixture->page));
}

static gboolean
not_busy (gpointer data)
{
  return !desk_intake_page_get_busy (((Fixture *) data)->page);
}

/* Create, while RepairDesk can't be reached: the intake waits, the form starts over. */
static void
create_queued (Fixture *fixture)
{
  gtk_widget_activate_action (GTK_WIDGET (fixture->page), "intake.create", NULL);
  g_assert_true (desk_test_wait_for (not_busy, fixture, WAIT_MS));
  g_assert_null (desk_intake_page_get_error (fixture->page));
  g_assert_null (desk_intake_page_get_created (fixture->page));
  g_assert_null (desk_intake_page_get_customer (fixture->page));
}

static GtkWidget *
find_type (GtkWidget *widget,
           GType      type)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type))
        return child;
      if ((found = find_type (child, type)) != NULL)
        return found;
    }

  return NULL;
}

typedef struct
{
  DeskOutboxBanner *banner;
  const char       *text;   /* NULL: hidden */
} BannerWanted;

static gboolean
banner_is (gpointer data)
{
  BannerWanted *wanted = data;

  if (wanted->text == NULL)
    return !desk_outbox_banner_get_shown (wanted->banner);

  return desk_outbox_banner_get_shown (wanted->banner) &&
         g_strcmp0 (desk_outbox_banner_get_text (wanted->banner), wanted->text) == 0;
}

static gboolean
outbox_idle (gpointer data)
{
  return desk_outbox_get_idle (data) && desk_outbox_get_n_items (data) == 0;
}

static void
screenshot (GtkWidget  *widget,
            const char *name)
{
  g_autofree char *path = NULL;

  g_assert_true (desk_test_wait_for_frames (widget, 2, WAIT_MS));
  path = desk_test_save_screenshot (widget, name);
  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));
}

/* --- The window ---------------------------------------------------------------------------- */

static void
window_set_up (Fixture       *fixture,
               gconstpointer  data)
{
  start_sandbox (fixture, 0);
  fixture->client = desk_api_client_new (desk_sandbox_get_url (fixture->sandbox),
                                         DESK_SANDBOX_DEMO_API_KEY);
  desk_api_client_set_max_retries (fixture->client, 0);
  fixture->settings = g_settings_new ("io.frontdesk.FrontDesk");
  g_settings_reset (fixture->settings, "intake-require-pre-conditions");
  fixture->context = desk_context_new_for_client (fixture->settings, fixture->client, NULL);
  fixture->catalog = g_object_ref (desk_context_get_catalog (fixture->context));
  desk_context_set_session_api_key (fixture->context, DESK_SANDBOX_DEMO_API_KEY);
  fixture->window = GTK_WINDOW (desk_window_new (NULL, fixture->context));
  gtk_window_set_default_size (fixture->window, 1100, 800);
  gtk_window_present (fixture->window);
}

static void
window_tear_down (Fixture       *fixture,
                  gconstpointer  data)
{
  gtk_window_destroy (fixture->window);
  desk_test_iterate (50);
  g_clear_object (&fixture->result);
  g_clear_object (&fixture->context);
  g_clear_object (&fixture->catalog);
  g_clear_object (&fixture->settings);
  g_clear_object (&fixture->client);
  desk_sandbox_stop (fixture->sandbox);
  g_clear_object (&fixture->sandbox);
}

static gboolean
intake_shown (gpointer data)
{
  Fixture *fixture = data;

  fixture->page = DESK_INTAKE_PAGE (find_type (GTK_WIDGET (fixture->window), DESK_TYPE_INTAKE_PAGE));
  return fixture->page != NULL && gtk_widget_get_mapped (GTK_WIDGET (fixture->page));
}

/* RepairDesk away: the intake is kept, the banner says one change waits, the list says
 * where it stands; RepairDesk back: the ticket is on it once, and the banner goes. */
static void
test_banner_intake (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(DeskCustomer) customer = some_customer (fixture);
  DeskOutboxBanner *banner = DESK_OUTBOX_BANNER (find_type (GTK_WIDGET (fixture->window),
                                                            DESK_TYPE_OUTBOX_BANNER));
  BannerWanted offline = { banner, "RepairDesk can't be reached; 1 change waiting" };
  BannerWanted hidden = { banner, NULL };
  GtkListBoxRow *row;

  g_assert_nonnull (banner);
  g_assert_false (desk_outbox_banner_get_shown (banner));
  g_assert_true (desk_window_show_section (DESK_WINDOW (fixture->window), "intake"));
  g_assert_true (desk_test_wait_for (intake_shown, fixture, WAIT_MS));
  g_assert_true (desk_test_wait_for (catalog_loaded, fixture, WAIT_MS));

  desk_sandbox_stop (fixture->sandbox);
  fill_intake (fixture, customer, IMEI_A);
  create_queued (fixture);

  g_assert_true (desk_test_wait_for (banner_is, &offline, WAIT_MS));
  screenshot (GTK_WIDGET (fixture->window), "outbox-banner-offline");
  desk_outbox_banner_show_list (banner);
  row = gtk_list_box_get_row_at_index (desk_outbox_banner_get_list (banner), 0);
  g_assert_nonnull (row);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, "Waiting for RepairDesk");
  /* The popover is a surface of its own: its list is what is saved. */
  screenshot (GTK_WIDGET (desk_outbox_banner_get_list (banner)), "outbox-banner-list");

  /* The counter goes on: a second intake waits behind the first. */
  offline.text = "RepairDesk can't be reached; 2 changes waiting";
  fill_intake (fixture, customer, IMEI_B);
  create_queued (fixture);
  g_assert_true (desk_test_wait_for (banner_is, &offline, WAIT_MS));

  start_sandbox (fixture, fixture->port);
  desk_outbox_try_now (desk_outbox_banner_get_outbox (banner));
  g_assert_true (desk_test_wait_for (banner_is, &hidden, WAIT_MS));
  g_assert_true (desk_test_wait_for (outbox_idle, desk_outbox_banner_get_outbox (banner), WAIT_MS));
  g_assert_cmpuint (n_tickets_with_imei (fixture, IMEI_A), ==, 1);
  g_assert_cmpuint (n_tickets_with_imei (fixture, IMEI_B), ==, 1);
  screenshot (GTK_WIDGET (fixture->window), "outbox-banner-back");
}

/* --- The kill test ------------------------------------------------------------------------- */

static void
page_set_up (Fixture *fixture,
             const char *url)
{
  if (fixture->client == NULL)
    fixture->client = desk_api_client_new (url, DESK_SANDBOX_DEMO_API_KEY);
  desk_api_client_set_max_retries (fixture->client, 0);
  fixture->catalog = desk_catalog_new (fixture->client);
  fixture->settings = g_settings_new ("io.frontdesk.FrontDesk");
  g_settings_reset (fixture->settings, "intake-require-pre-conditions");
  fixture->context = desk_context_new_for_client (fixture->settings, fixture->client,
                                                  fixture->catalog);
  fixture->page = DESK_INTAKE_PAGE (desk_intake_page_new (fixture->context));
  fixture->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (fixture->window, 1000, 900);
  gtk_window_set_child (fixture->window, GTK_WIDGET (fixture->page));
  gtk_window_present (fixture->window);
}

typedef struct
{
  DeskDraftStore *store;
  GPtrArray      *drafts;
} Listing;

static void
listed_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  Listing *listing = user_data;
  g_autoptr(GError) error = NULL;

  listing->drafts = desk_draft_store_list_finish (DESK_DRAFT_STORE (object), result, &error);
  g_assert_no_error (error);
}

static gboolean
listing_done (gpointer data)
{
  return ((Listing *) data)->drafts != NULL;
}

static GPtrArray *
drafts_on_disk (void)
{
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "frontdesk", "drafts.sqlite",
                                            NULL);
  Listing listing = { desk_draft_store_new (path), NULL };

  desk_draft_store_list_async (listing.store, NULL, listed_cb, &listing);
  g_assert_true (desk_test_wait_for (listing_done, &listing, WAIT_MS));
  g_object_unref (listing.store);

  return listing.drafts;
}

static gboolean
draft_saved (gpointer data)
{
  g_autoptr(GPtrArray) drafts = drafts_on_disk ();

  for (guint i = 0; i < drafts->len; i++)
    if (g_strcmp0 (desk_intake_draft_get_field (g_ptr_array_index (drafts, i), "device.0.imei"),
                   IMEI_DRAFT) == 0)
      return TRUE;

  return FALSE;
}

static gboolean
outbox_holds_two (gpointer data)
{
  return desk_outbox_get_n_items (data) == 2;
}

/* The child: the catalog loaded while the server answered, then the server goes (the
 * parent stops it); two intakes are created and wait in the outbox, a third is being typed
 * and its draft is on disk. It says so and waits to be killed. */
static int
run_child (const char *url)
{
  Fixture fixture = { 0, };
  g_autoptr(DeskCustomer) customer = NULL;
  g_autoptr(GDataInputStream) in = NULL;
  g_autofree char *line = NULL;
  DeskOutbox *outbox;

  gtk_init ();
  adw_init ();
  page_set_up (&fixture, url);
  customer = some_customer (&fixture);
  g_assert_true (desk_test_wait_for (catalog_loaded, &fixture, WAIT_MS));

  /* The parent takes the server away. */
  g_print ("LOADED\n");
  fflush (stdout);
  in = g_data_input_stream_new (g_unix_input_stream_new (0, FALSE));
  line = g_data_input_stream_read_line_utf8 (in, NULL, NULL, NULL);
  g_assert_cmpstr (line, ==, "OFFLINE");

  fill_intake (&fixture, customer, IMEI_A);
  create_queued (&fixture);
  fill_intake (&fixture, customer, IMEI_B);
  create_queued (&fixture);
  outbox = desk_context_get_outbox (fixture.context);
  g_assert_true (desk_test_wait_for (outbox_holds_two, outbox, WAIT_MS));

  fill_intake (&fixture, customer, IMEI_DRAFT);
  g_assert_true (desk_test_wait_for (draft_saved, NULL, WAIT_MS));

  g_print ("READY\n");
  fflush (stdout);
  for (;;)
    g_main_context_iteration (NULL, TRUE);

  return 0;
}

static char *
read_line (GDataInputStream *out)
{
  g_autoptr(GError) error = NULL;
  char *line = g_data_input_stream_read_line_utf8 (out, NULL, NULL, &error);

  g_assert_no_error (error);
  return line;
}

/* The changes the outbox file holds in @state, as a new start will read them. */
static guint
rows_on_disk (DeskOutboxState state)
{
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "frontdesk", "outbox.sqlite",
                                            NULL);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  guint n;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT count(*) FROM items WHERE state = ?", -1,
                                       &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_int (stmt, 1, state);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  return n;
}

static gboolean
outbox_loaded (gpointer data)
{
  return desk_outbox_get_loaded (data);
}

static gboolean
resumed (gpointer data)
{
  Fixture *fixture = data;
  GListModel *devices = desk_intake_page_get_devices (fixture->page);
  g_autoptr(DeskIntakeDevice) device = g_list_model_get_item (devices, 0);
  const char *imei;

  if (device == NULL)
    return FALSE;
  imei = gtk_editable_get_text (desk_intake_device_get_field (device, "imei"));
  return g_strcmp0 (imei, IMEI_DRAFT) == 0;
}

/* kill -9 of a real Front Desk process with two intakes in the outbox and a third being
 * typed: the next start has all three, sends the two once each, and offers the third. */
static void
test_kill (void)
{
  Fixture fixture = { 0, };
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                                                       G_SUBPROCESS_FLAGS_STDIN_PIPE);
  g_autoptr(GSubprocess) child = NULL;
  g_autoptr(GDataInputStream) out = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *loaded = NULL;
  g_autofree char *ready = NULL;
  g_autoptr(GPtrArray) drafts = NULL;
  GOutputStream *to_child;
  DeskOutbox *outbox;

  start_sandbox (&fixture, 0);
  g_subprocess_launcher_setenv (launcher, "XDG_DATA_HOME", g_get_user_data_dir (), TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_CACHE_HOME", g_get_user_cache_dir (), TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_CONFIG_HOME", g_get_user_config_dir (), TRUE);
  g_subprocess_launcher_setenv (launcher, "HOME", g_get_home_dir (), TRUE);
  /* The child's stdout says where it is; nothing else goes there. */
  g_subprocess_launcher_unsetenv (launcher, "G_MESSAGES_DEBUG");
  child = g_subprocess_launcher_spawn (launcher, &error,
                                       g_test_get_filename (G_TEST_BUILT, "test-outbox-window", NULL),
                                       "--outbox-child", desk_sandbox_get_url (fixture.sandbox),
                                       NULL);
  g_assert_no_error (error);

  /* Blocking reads are fine here: the child answers within seconds or the test fails. */
  out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (child));
  loaded = read_line (out);
  g_assert_cmpstr (loaded, ==, "LOADED");
  desk_sandbox_stop (fixture.sandbox);
  to_child = g_subprocess_get_stdin_pipe (child);
  g_assert_true (g_output_stream_write_all (to_child, "OFFLINE\n", 8, NULL, NULL, &error));
  g_assert_no_error (error);
  ready = read_line (out);
  g_assert_cmpstr (ready, ==, "READY");

  g_subprocess_force_exit (child);
  g_subprocess_wait (child, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_signaled (child));
  g_assert_cmpint (g_subprocess_get_term_sig (child), ==, SIGKILL);

  /* Nothing lost: the two intakes wait, the third is a draft. Still nothing on the server. */
  start_sandbox (&fixture, fixture.port);
  fixture.client = desk_api_client_new (desk_sandbox_get_url (fixture.sandbox),
                                        DESK_SANDBOX_DEMO_API_KEY);
  g_assert_cmpuint (n_tickets_with_imei (&fixture, IMEI_A), ==, 0);
  g_assert_cmpuint (n_tickets_with_imei (&fixture, IMEI_B), ==, 0);
  g_assert_cmpuint (rows_on_disk (DESK_OUTBOX_WAITING), ==, 2);
  drafts = drafts_on_disk ();
  g_assert_cmpuint (drafts->len, ==, 1);
  g_assert_cmpstr (desk_intake_draft_get_field (g_ptr_array_index (drafts, 0), "device.0.imei"),
                   ==, IMEI_DRAFT);

  /* The next start: sent, each once. */
  page_set_up (&fixture, desk_sandbox_get_url (fixture.sandbox));
  outbox = desk_writer_get_outbox (desk_context_get_writer (fixture.context));
  g_assert_true (desk_test_wait_for (outbox_loaded, outbox, WAIT_MS));
  g_assert_true (desk_test_wait_for (outbox_idle, outbox, WAIT_MS));
  g_assert_cmpuint (n_tickets_with_imei (&fixture, IMEI_A), ==, 1);
  g_assert_cmpuint (n_tickets_with_imei (&fixture, IMEI_B), ==, 1);
  g_assert_cmpuint (n_tickets_with_imei (&fixture, IMEI_DRAFT), ==, 0);
  g_assert_cmpuint (desk_outbox_get_n_items (outbox), ==, 0);

  /* The intake that was being typed comes back as it was. */
  desk_intake_page_resume (fixture.page, g_ptr_array_index (drafts, 0));
  g_assert_true (desk_test_wait_for (resumed, &fixture, WAIT_MS));

  window_tear_down (&fixture, NULL);
}

/* --- Killed while a change is on its way ------------------------------------------------- */

static gboolean
item_sending (gpointer data)
{
  g_autoptr(DeskOutboxItem) item = g_list_model_get_item (desk_outbox_get_items (data), 0);

  return item != NULL && desk_outbox_item_get_state (item) == DESK_OUTBOX_SENDING;
}

static char *
read_stdin_line (void)
{
  g_autoptr(GInputStream) raw = g_unix_input_stream_new (0, FALSE);
  g_autoptr(GDataInputStream) in = g_data_input_stream_new (raw);

  return g_data_input_stream_read_line_utf8 (in, NULL, NULL, NULL);
}

/* The child: an intake queued while the server is away; when told the server is back, it
 * sends it, says so once the change is marked sending on disk, and waits to be killed. */
static int
run_sending_child (const char *url)
{
  Fixture fixture = { 0, };
  g_autoptr(DeskCustomer) customer = NULL;
  g_autofree char *offline = NULL;
  g_autofree char *online = NULL;
  DeskOutbox *outbox;

  gtk_init ();
  adw_init ();
  page_set_up (&fixture, url);
  customer = some_customer (&fixture);
  g_assert_true (desk_test_wait_for (catalog_loaded, &fixture, WAIT_MS));
  g_print ("LOADED\n");
  fflush (stdout);
  offline = read_stdin_line ();
  g_assert_cmpstr (offline, ==, "OFFLINE");

  fill_intake (&fixture, customer, IMEI_SENDING);
  create_queued (&fixture);
  outbox = desk_context_get_outbox (fixture.context);
  g_print ("QUEUED\n");
  fflush (stdout);
  online = read_stdin_line ();
  g_assert_cmpstr (online, ==, "ONLINE");

  desk_outbox_try_now (outbox);
  g_assert_true (desk_test_wait_for (item_sending, outbox, WAIT_MS));
  g_print ("SENDING\n");
  fflush (stdout);
  for (;;)
    g_main_context_iteration (NULL, TRUE);

  return 0;
}

typedef struct
{
  DeskSandbox *sandbox;
  guint        count;
} RequestsWanted;

static gboolean
requests_reached (gpointer data)
{
  RequestsWanted *wanted = data;

  return desk_sandbox_get_request_count (wanted->sandbox) >= wanted->count;
}

/* The sandbox counts on its own thread: nothing wakes this one's main loop for it, so the
 * count is looked at every few milliseconds, well within the two seconds the reply is
 * held back. */
static void
wait_for_requests (RequestsWanted *wanted)
{
  gint64 deadline = g_get_monotonic_time () + WAIT_MS * 1000;

  while (!requests_reached (wanted))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_usleep (5000);
    }
}

static gboolean
ticket_arrived (gpointer data)
{
  return n_tickets_with_imei (data, IMEI_SENDING) > 0;
}

/* kill -9 while an intake from the outbox is on its way and its answer not yet back: the
 * server takes it all the same, and the next start finds it there instead of sending it
 * again. */
static void
test_kill_while_sending (void)
{
  Fixture fixture = { 0, };
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                                                       G_SUBPROCESS_FLAGS_STDIN_PIPE);
  g_autoptr(GSubprocess) child = NULL;
  g_autoptr(GDataInputStream) out = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *loaded = NULL;
  g_autofree char *queued = NULL;
  g_autofree char *sending = NULL;
  GOutputStream *to_child;
  RequestsWanted wanted;
  DeskOutbox *outbox;

  start_sandbox (&fixture, 0);
  g_subprocess_launcher_setenv (launcher, "XDG_DATA_HOME", g_get_user_data_dir (), TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_CACHE_HOME", g_get_user_cache_dir (), TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_CONFIG_HOME", g_get_user_config_dir (), TRUE);
  g_subprocess_launcher_setenv (launcher, "HOME", g_get_home_dir (), TRUE);
  /* The child's stdout says where it is; nothing else goes there. */
  g_subprocess_launcher_unsetenv (launcher, "G_MESSAGES_DEBUG");
  child = g_subprocess_launcher_spawn (launcher, &error,
                                       g_test_get_filename (G_TEST_BUILT, "test-outbox-window", NULL),
                                       "--sending-child", desk_sandbox_get_url (fixture.sandbox),
                                       NULL);
  g_assert_no_error (error);
  out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (child));
  to_child = g_subprocess_get_stdin_pipe (child);

  loaded = read_line (out);
  g_assert_cmpstr (loaded, ==, "LOADED");
  desk_sandbox_stop (fixture.sandbox);
  g_assert_true (g_output_stream_write_all (to_child, "OFFLINE\n", 8, NULL, NULL, &error));
  queued = read_line (out);
  g_assert_cmpstr (queued, ==, "QUEUED");

  /* Back, but slow to answer a ticket: the reply cannot come before the kill. */
  start_sandbox (&fixture, fixture.port);
  desk_sandbox_set_route_latency (fixture.sandbox, "tickets", 2000);
  wanted.sandbox = fixture.sandbox;
  wanted.count = desk_sandbox_get_request_count (fixture.sandbox) + 2;  /* the probe, the POST */
  g_assert_true (g_output_stream_write_all (to_child, "ONLINE\n", 7, NULL, NULL, &error));
  sending = read_line (out);
  g_assert_cmpstr (sending, ==, "SENDING");
  wait_for_requests (&wanted);

  g_subprocess_force_exit (child);
  g_subprocess_wait (child, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_subprocess_get_term_sig (child), ==, SIGKILL);

  /* On disk, the change was on its way when Front Desk died. */
  g_assert_cmpuint (rows_on_disk (DESK_OUTBOX_SENDING), ==, 1);

  /* The server took it, its answer going nowhere. */
  fixture.client = desk_api_client_new (desk_sandbox_get_url (fixture.sandbox),
                                        DESK_SANDBOX_DEMO_API_KEY);
  g_assert_true (desk_test_wait_for (ticket_arrived, &fixture, WAIT_MS));
  desk_sandbox_set_route_latency (fixture.sandbox, "tickets", 0);

  /* The next start finds the change "sending", looks, finds it: not sent again. */
  page_set_up (&fixture, desk_sandbox_get_url (fixture.sandbox));
  outbox = desk_writer_get_outbox (desk_context_get_writer (fixture.context));
  g_assert_true (desk_test_wait_for (outbox_loaded, outbox, WAIT_MS));
  g_assert_true (desk_test_wait_for (outbox_idle, outbox, WAIT_MS));
  g_assert_cmpuint (n_tickets_with_imei (&fixture, IMEI_SENDING), ==, 1);

  window_tear_down (&fixture, NULL);
}

/* --- A new customer and their intake, both waiting ---------------------------------------- */

static gboolean
editor_open (gpointer data)
{
  return desk_test_find_window (DESK_TYPE_CUSTOMER_EDITOR) != NULL;
}

static gboolean
editor_gone (gpointer data)
{
  return desk_test_find_window (DESK_TYPE_CUSTOMER_EDITOR) == NULL;
}

static gboolean
customer_chosen (gpointer data)
{
  return desk_intake_page_get_customer (data) != NULL;
}

/* While RepairDesk is away, the intake's New Customer is kept, the intake for them too;
 * back, the customer is created first and the ticket is theirs. */
static void
test_new_customer_offline (void)
{
  Fixture fixture = { 0, };
  DeskCustomerEditor *editor;
  DeskOutbox *outbox;
  DeskListQuery query = { .keyword = (char *) IMEI_C, .filter = DESK_LIST_FILTER_ALL };
  g_autoptr(GPtrArray) tickets = NULL;
  g_autoptr(DeskCustomer) customer = NULL;
  g_autoptr(GError) error = NULL;
  DeskProblem *problem;
  g_autoptr(DeskDevice) model = NULL;
  DeskIntakeDevice *section;

  start_sandbox (&fixture, 0);
  page_set_up (&fixture, desk_sandbox_get_url (fixture.sandbox));
  g_assert_true (desk_test_wait_for (catalog_loaded, &fixture, WAIT_MS));
  outbox = desk_context_get_outbox (fixture.context);
  desk_sandbox_stop (fixture.sandbox);

  gtk_widget_activate_action (GTK_WIDGET (fixture.page), "intake.new-customer", NULL);
  g_assert_true (desk_test_wait_for (editor_open, NULL, WAIT_MS));
  editor = DESK_CUSTOMER_EDITOR (desk_test_find_window (DESK_TYPE_CUSTOMER_EDITOR));
  gtk_editable_set_text (desk_customer_editor_get_field (editor, "first-name"), "Noor");
  gtk_editable_set_text (desk_customer_editor_get_field (editor, "last-name"), "Offline");
  gtk_editable_set_text (desk_customer_editor_get_field (editor, "phone"), "555 0199 77");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL));
  g_assert_true (desk_test_wait_for (editor_gone, NULL, WAIT_MS));
  g_assert_true (desk_test_wait_for (customer_chosen, fixture.page, WAIT_MS));
  g_assert_cmpint (desk_customer_get_id (desk_intake_page_get_customer (fixture.page)), ==, 0);
  g_assert_cmpuint (desk_outbox_get_n_items (outbox), ==, 1);

  model = first_item (fixture.catalog, DESK_CATALOG_DEVICES);
  problem = first_item (fixture.catalog, DESK_CATALOG_PROBLEMS);
  section = device_section (&fixture);
  desk_intake_device_select_model (section, desk_named_item_get_id (DESK_NAMED_ITEM (model)));
  gtk_editable_set_text (desk_intake_device_get_field (section, "imei"), IMEI_C);
  desk_intake_device_add_problem (section, problem);
  g_object_unref (problem);
  g_assert_null (desk_intake_page_get_blocker (fixture.page));
  create_queued (&fixture);
  g_assert_cmpuint (desk_outbox_get_n_items (outbox), ==, 2);

  start_sandbox (&fixture, fixture.port);
  desk_outbox_try_now (outbox);
  g_assert_true (desk_test_wait_for (outbox_idle, outbox, WAIT_MS));

  g_clear_object (&fixture.result);
  desk_api_client_list_tickets_async (fixture.client, &query, 0, NULL, result_cb, &fixture);
  tickets = desk_api_client_list_tickets_finish (fixture.client, wait_result (&fixture), NULL,
                                                 &error);
  g_assert_no_error (error);
  g_assert_cmpuint (tickets->len, ==, 1);
  g_clear_object (&fixture.result);
  desk_api_client_get_customer_async (fixture.client,
                                      desk_ticket_get_customer_id (g_ptr_array_index (tickets, 0)),
                                      NULL, result_cb, &fixture);
  customer = desk_api_client_get_customer_finish (fixture.client, wait_result (&fixture), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (desk_customer_get_last_name (customer), ==, "Offline");

  window_tear_down (&fixture, NULL);
}

/* --- The demo store, unplugged ------------------------------------------------------------ */

static void
demo_started_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  Fixture *fixture = user_data;
  g_autoptr(GError) error = NULL;

  g_assert_true (desk_context_start_demo_finish (DESK_CONTEXT (object), result, &error));
  g_assert_no_error (error);
  fixture->client = g_object_ref (desk_context_get_client (DESK_CONTEXT (object)));
}

static gboolean
demo_started (gpointer data)
{
  return ((Fixture *) data)->client != NULL;
}

static gboolean
outbox_holds_one (gpointer data)
{
  return desk_outbox_get_n_items (data) == 1;
}

/* A new user on the demo store takes it offline, checks a device in, and plugs it back
 * in: the intake waits, then arrives once. */
static void
test_demo_offline (void)
{
  Fixture fixture = { 0, };
  g_autoptr(DeskCustomer) customer = NULL;
  g_autoptr(GError) error = NULL;
  DeskOutbox *outbox;

  fixture.settings = g_settings_new ("io.frontdesk.FrontDesk");
  g_settings_reset (fixture.settings, "intake-require-pre-conditions");
  fixture.context = desk_context_new (fixture.settings);
  desk_context_start_demo_async (fixture.context, NULL, demo_started_cb, &fixture);
  g_assert_true (desk_test_wait_for (demo_started, &fixture, WAIT_MS));
  g_assert_false (desk_context_get_demo_offline (fixture.context));
  fixture.catalog = g_object_ref (desk_context_get_catalog (fixture.context));
  fixture.page = DESK_INTAKE_PAGE (desk_intake_page_new (fixture.context));
  fixture.window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_child (fixture.window, GTK_WIDGET (fixture.page));
  gtk_window_present (fixture.window);
  customer = some_customer (&fixture);
  g_assert_true (desk_test_wait_for (catalog_loaded, &fixture, WAIT_MS));
  outbox = desk_context_get_outbox (fixture.context);
  g_assert_true (g_str_has_suffix (desk_outbox_get_path (outbox), "outbox-demo.sqlite"));

  g_assert_true (desk_context_set_demo_offline (fixture.context, TRUE, &error));
  g_assert_false (desk_outbox_get_reachable (outbox));
  fill_intake (&fixture, customer, IMEI_C);
  create_queued (&fixture);
  g_assert_true (desk_test_wait_for (outbox_holds_one, outbox, WAIT_MS));

  g_assert_true (desk_context_set_demo_offline (fixture.context, FALSE, &error));
  g_assert_no_error (error);
  g_assert_true (desk_test_wait_for (outbox_idle, outbox, WAIT_MS));
  g_assert_cmpuint (n_tickets_with_imei (&fixture, IMEI_C), ==, 1);

  gtk_window_destroy (fixture.window);
  desk_test_iterate (50);
  desk_context_leave_demo (fixture.context);
  /* The account's own outbox comes back: it is read before the test's folder goes. */
  g_assert_true (desk_test_wait_for (outbox_loaded, desk_context_get_outbox (fixture.context),
                                     WAIT_MS));
  g_assert_false (g_str_has_suffix (desk_outbox_get_path (desk_context_get_outbox (fixture.context)),
                                    "outbox-demo.sqlite"));
  g_clear_object (&fixture.result);
  g_clear_object (&fixture.context);
  g_clear_object (&fixture.catalog);
  g_clear_object (&fixture.settings);
  g_clear_object (&fixture.client);
}

int
main (int   argc,
      char *argv[])
{
  if (argc > 2 && g_str_equal (argv[1], "--outbox-child"))
    return run_child (argv[2]);
  if (argc > 2 && g_str_equal (argv[1], "--sending-child"))
    return run_sending_child (argv[2]);

  desk_test_init (&argc, &argv);

  g_test_add ("/outbox-window/banner-intake", Fixture, NULL, window_set_up, test_banner_intake,
              window_tear_down);
  g_test_add_func ("/outbox-window/kill", test_kill);
  g_test_add_func ("/outbox-window/kill-while-sending", test_kill_while_sending);
  g_test_add_func ("/outbox-window/demo-offline", test_demo_offline);
  g_test_add_func ("/outbox-window/new-customer-offline", test_new_customer_offline);

  return g_test_run ();
}
