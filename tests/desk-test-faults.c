/* desk-test-faults.c
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "desk-test-faults.h"
#include "desk-test-utils.h"

/* The faults of the matrix, as the sandbox injects them, each in every request while it
 * holds. */
static const struct
{
  DeskSandboxFault  fault;
  const char       *name;
} faults[] = {
  { DESK_SANDBOX_FAULT_HTTP_500,        "http-500" },
  { DESK_SANDBOX_FAULT_HTML_502,        "html-502" },
  { DESK_SANDBOX_FAULT_TRUNCATED_JSON,  "truncated-json" },
  { DESK_SANDBOX_FAULT_DROP_MID_BODY,   "dropped-connection" },
  { DESK_SANDBOX_FAULT_NEVER_ANSWER,    "never-answers" },
  { DESK_SANDBOX_FAULT_RATE_LIMIT_BODY, "429-in-body" },
  { DESK_SANDBOX_FAULT_RATE_LIMIT_HTTP, "http-429" },
  { DESK_SANDBOX_FAULT_WRONG_TYPES,     "wrong-types" },
  { DESK_SANDBOX_FAULT_EMPTY_BODY,      "empty-body" },
};

typedef struct
{
  const DeskFaultScreen *screen;
  guint                  fault;   /* index into faults[] */
} Case;

/* --- The bench ------------------------------------------------------------------------ */

static void
bench_set_up (DeskFaultBench *bench,
              const Case     *c)
{
  g_autoptr(DeskRateGovernor) governor = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *overlay = adw_toast_overlay_new ();

  bench->screen = c->screen;
  bench->wire_since = -1;
  bench->fault = faults[c->fault].fault;
  bench->fault_name = faults[c->fault].name;

  bench->sandbox = g_object_new (DESK_TYPE_SANDBOX,
                                 "seed", 7, "n-customers", 40, "n-tickets", 60,
                                 "n-invoices", 5, "rate-limit", 0, NULL);
  desk_sandbox_start (bench->sandbox, 0, &error);
  g_assert_no_error (error);

  /* Retries and waits after refusals run on this clock: the test moves it while the
   * client waits to try again, so that no case waits for real seconds. */
  bench->clock = desk_clock_new_manual (0);
  governor = desk_rate_governor_new (bench->clock);
  desk_rate_governor_set_limit (governor, 100000);
  bench->client = g_object_new (DESK_TYPE_API_CLIENT,
                                "base-url", desk_sandbox_get_url (bench->sandbox),
                                "api-key", DESK_SANDBOX_DEMO_API_KEY,
                                "governor", governor, NULL);
  bench->catalog = desk_catalog_new (bench->client);
  bench->settings = g_settings_new (APP_ID);
  g_settings_reset (bench->settings, "ticket-filters");
  g_settings_reset (bench->settings, "customer-filters");
  g_settings_reset (bench->settings, "intake-require-pre-conditions");
  bench->context = desk_context_new_for_client (bench->settings, bench->client, bench->catalog);

  bench->page = bench->screen->new_page (bench);
  g_object_ref_sink (bench->page);
  bench->indicator = DESK_ACTIVITY_INDICATOR (desk_activity_indicator_new ());
  desk_activity_indicator_set_client (bench->indicator, bench->client);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), GTK_WIDGET (bench->indicator));
  gtk_box_append (GTK_BOX (box), header);
  gtk_widget_set_vexpand (GTK_WIDGET (bench->page), TRUE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (bench->page));
  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (overlay), box);

  bench->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (bench->window, 1100, 760);
  gtk_window_set_child (bench->window, overlay);
  gtk_window_present (bench->window);
}

static gboolean
is_null (gpointer data)
{
  return *(gpointer *) data == NULL;
}

static void
bench_tear_down (DeskFaultBench *bench)
{
  gpointer page = bench->page;

  desk_sandbox_set_fault (bench->sandbox, DESK_SANDBOX_FAULT_NONE, 0);
  if (bench->dialog != NULL)
    gtk_window_destroy (bench->dialog);
  g_object_add_weak_pointer (page, &page);
  g_object_unref (bench->page);
  gtk_window_destroy (bench->window);
  /* The page goes with its window, whatever its requests were doing. */
  g_assert_true (desk_test_wait_for (is_null, &page, DESK_FAULT_WAIT_MS));

  g_clear_object (&bench->record);
  g_clear_pointer (&bench->typed, g_free);
  g_clear_object (&bench->context);
  g_clear_object (&bench->settings);
  g_clear_object (&bench->catalog);
  g_clear_object (&bench->client);
  desk_sandbox_stop (bench->sandbox);
  g_clear_object (&bench->sandbox);
  g_clear_object (&bench->clock);
}

/* --- Waiting --------------------------------------------------------------------------- */

static gboolean
tick_cb (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

static gboolean
shows_cancel (DeskFaultBench *bench)
{
  GtkWidget *button = desk_fault_find (GTK_WIDGET (bench->indicator), GTK_TYPE_BUTTON, "_Cancel");

  return button != NULL && gtk_widget_get_mapped (button);
}

/* What time does while the test waits: requests waiting at the rate governor (a retry,
 * a wait after a refusal) get the clock moved on; a request held by a server that never
 * answers gets the clock moved until the header bar offers Cancel, which is pressed. */
static void
move_time (DeskFaultBench *bench)
{
  DeskRateGovernor *governor = desk_api_client_get_governor (bench->client);
  guint active = desk_api_client_get_n_active (bench->client);

  if (active > 0 && bench->fault == DESK_SANDBOX_FAULT_NEVER_ANSWER)
    {
      guint received = desk_sandbox_get_request_count (bench->sandbox);

      /* Time runs from the moment the server holds the latest request (a screen may
       * replace a request with another before either is answered). */
      if (received > bench->wire_count &&
          desk_api_client_get_waiting (bench->client) == DESK_API_WAIT_NONE)
        {
          bench->wire_count = received;
          bench->wire_since = desk_clock_get_time (bench->clock);
        }
      if (bench->wire_since < 0)
        return;

      if (desk_api_client_get_waiting (bench->client) != DESK_API_WAIT_NONE)
        {
          /* Within seconds of the request leaving, the client says it waits; the header
           * bar shows it at its next frame, and time stands still until then. */
          g_assert_cmpint (desk_clock_get_time (bench->clock) - bench->wire_since, <=,
                           4 * G_USEC_PER_SEC);
          if (!shows_cancel (bench))
            return;
          {
            g_autofree char *state = bench->n_cancelled == 0
                                     ? g_strdup ("waiting")
                                     : g_strdup_printf ("waiting-%u", bench->n_cancelled + 1);
            GtkWidget *cancel;

            desk_fault_bench_screenshot (bench, GTK_WIDGET (bench->window), state);
            /* The screenshot waits for frames, and the wait may have changed meanwhile:
             * press Cancel only if it is still there, else look again next time. */
            cancel = desk_fault_find (GTK_WIDGET (bench->indicator), GTK_TYPE_BUTTON, "_Cancel");
            if (cancel == NULL)
              return;
            bench->n_cancelled++;
            gtk_widget_activate (cancel);
          }
          bench->wire_since = -1;
          bench->wire_count = desk_sandbox_get_request_count (bench->sandbox);
        }
      else
        desk_clock_advance (bench->clock, G_USEC_PER_SEC / 2);
      return;
    }

  /* Refused for too many requests: the header bar says so while Front Desk waits. */
  if (!bench->shot_waiting &&
      desk_api_client_get_waiting (bench->client) == DESK_API_WAIT_RATE_LIMITED)
    {
      if (desk_fault_find (GTK_WIDGET (bench->indicator), GTK_TYPE_LABEL,
                           "RepairDesk asked to slow down") == NULL)
        return;
      desk_fault_bench_screenshot (bench, GTK_WIDGET (bench->window), "waiting");
      bench->shot_waiting = TRUE;
    }

  if (active == 0 && desk_rate_governor_get_queued (governor) > 0)
    desk_clock_advance (bench->clock, G_USEC_PER_SEC / 2);
}

/* Runs the loop until @condition holds, moving the client's clock as move_time() says. */
gboolean
desk_fault_bench_wait_for (DeskFaultBench  *bench,
                           gboolean       (*condition) (DeskFaultBench *bench))
{
  gint64 end = g_get_monotonic_time () + DESK_FAULT_WAIT_MS * (gint64) 1000;
  guint tick = g_timeout_add (20, tick_cb, NULL);
  gboolean met;

  while (!(met = condition (bench)) && g_get_monotonic_time () < end)
    {
      g_main_context_iteration (NULL, TRUE);
      while (g_main_context_iteration (NULL, FALSE))
        ;
      if (!condition (bench))
        move_time (bench);
    }

  g_source_remove (tick);
  return met;
}

void
desk_fault_bench_screenshot (DeskFaultBench *bench,
                             GtkWidget      *widget,
                             const char     *state)
{
  g_autofree char *name = g_strdup_printf ("faults-%s-%s-%s", bench->screen->name,
                                           bench->fault_name, state);
  g_autofree char *path = NULL;

  /* A screen named "group/screen" is saved as "group-screen". */
  g_strdelimit (name, "/", '-');
  path = desk_test_save_screenshot (widget, name);

  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));
}

/* --- Looking at widgets -------------------------------------------------------------- */

static const char *
widget_text (GtkWidget *widget)
{
  if (GTK_IS_LABEL (widget))
    return gtk_label_get_text (GTK_LABEL (widget));
  if (GTK_IS_BUTTON (widget))
    return gtk_button_get_label (GTK_BUTTON (widget));
  return NULL;
}

/* The first mapped widget of @type under @root, whose label is @name if that is set. */
GtkWidget *
desk_fault_find (GtkWidget  *root,
                 GType       type,
                 const char *name)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type) && gtk_widget_get_mapped (root) &&
      (name == NULL || g_strcmp0 (widget_text (root), name) == 0))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = desk_fault_find (child, type, name);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* The first mapped button under @root that activates @action_name. */
GtkWidget *
desk_fault_find_action (GtkWidget  *root,
                        const char *action_name)
{
  if (GTK_IS_BUTTON (root) && gtk_widget_get_mapped (root) &&
      g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (root)), action_name) == 0)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = desk_fault_find_action (child, action_name);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static void
collect_text (GtkWidget *widget,
              GString   *text)
{
  if (!gtk_widget_get_mapped (widget))
    return;

  if (GTK_IS_LABEL (widget) && *gtk_label_get_text (GTK_LABEL (widget)) != '\0')
    g_string_append_printf (text, "%s\n", gtk_label_get_text (GTK_LABEL (widget)));

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_text (child, text);
}

/* Every label on screen under @root, one a line. */
char *
desk_fault_visible_text (GtkWidget *root)
{
  GString *text = g_string_new (NULL);

  collect_text (root, text);
  return g_string_free (text, FALSE);
}

/* A sentence for the counter: no JSON, markup, C or HTTP in it. */
void
desk_fault_assert_words (const char *message)
{
  static const char * const raw[] = {
    "{", "}", "<", ">", "json", "null", "http", "html", "gerror", "soup", "errno",
    "statuscode", "_error", "(nil)", "%", "\\n", "0x",
  };
  g_autofree char *lower = NULL;

  g_assert_nonnull (message);
  g_assert_cmpuint (strlen (message), >, 10);
  lower = g_ascii_strdown (message, -1);
  for (guint i = 0; i < G_N_ELEMENTS (raw); i++)
    if (strstr (lower, raw[i]) != NULL)
      g_error ("“%s” shows “%s” to the assistant", message, raw[i]);
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

/* The customer as the server holds it now, asked on a client of its own. */
DeskCustomer *
desk_fault_bench_read_customer (DeskFaultBench *bench,
                                gint64          id)
{
  g_autoptr(DeskApiClient) client = desk_api_client_new (desk_sandbox_get_url (bench->sandbox),
                                                         DESK_SANDBOX_DEMO_API_KEY);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  DeskCustomer *customer;

  desk_api_client_get_customer_async (client, id, NULL, result_cb, &result);
  g_assert_true (desk_test_wait_for (has_result, &result, DESK_FAULT_WAIT_MS));
  customer = desk_api_client_get_customer_finish (client, result, &error);
  g_assert_no_error (error);

  return customer;
}

static guint
count (DeskFaultBench *bench,
       gboolean        tickets,
       const char     *keyword)
{
  g_autoptr(DeskApiClient) client = desk_api_client_new (desk_sandbox_get_url (bench->sandbox),
                                                         DESK_SANDBOX_DEMO_API_KEY);
  DeskListQuery query = { .keyword = (char *) keyword, .filter = DESK_LIST_FILTER_ALL };
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) found = NULL;

  if (tickets)
    desk_api_client_list_tickets_async (client, &query, 0, NULL, result_cb, &result);
  else
    desk_api_client_list_customers_async (client, &query, 0, NULL, result_cb, &result);
  g_assert_true (desk_test_wait_for (has_result, &result, DESK_FAULT_WAIT_MS));
  found = tickets ? desk_api_client_list_tickets_finish (client, result, NULL, &error)
                  : desk_api_client_list_customers_finish (client, result, NULL, &error);
  g_assert_no_error (error);

  return found->len;
}

/* How many tickets the server finds for @keyword. */
guint
desk_fault_bench_count_tickets (DeskFaultBench *bench,
                                const char     *keyword)
{
  return count (bench, TRUE, keyword);
}

guint
desk_fault_bench_count_customers (DeskFaultBench *bench,
                                  const char     *keyword)
{
  return count (bench, FALSE, keyword);
}

/* --- One case --------------------------------------------------------------------------- */

static void
run_case (gconstpointer data)
{
  const Case *c = data;
  const DeskFaultScreen *screen = c->screen;
  DeskFaultBench bench = { NULL };
  g_autofree char *message = NULL;
  gboolean tolerated = FALSE;

  bench_set_up (&bench, c);
  screen->prepare (&bench);

  desk_sandbox_set_fault (bench.sandbox, bench.fault, 1.0);
  bench.wire_count = desk_sandbox_get_request_count (bench.sandbox);
  screen->act (&bench);
  if (!desk_fault_bench_wait_for (&bench, screen->settled))
    {
      GtkWidget *root = GTK_WIDGET (bench.dialog != NULL ? bench.dialog : bench.window);
      g_autofree char *shown = desk_fault_visible_text (root);

      /* What the screen showed instead, for whoever reads the log. */
      g_test_message ("not settled: %u on the wire, %u queued, %u requests since the act; "
                      "on screen:\n%s", desk_api_client_get_n_active (bench.client),
                      desk_rate_governor_get_queued (desk_api_client_get_governor (bench.client)),
                      desk_sandbox_get_request_count (bench.sandbox) - bench.wire_count, shown);
      g_assert_not_reached ();
    }

  message = screen->message (&bench);
  desk_fault_bench_screenshot (&bench, GTK_WIDGET (bench.dialog != NULL ? bench.dialog
                                                                        : bench.window),
                               "fault");
  if (message == NULL && bench.fault == DESK_SANDBOX_FAULT_WRONG_TYPES &&
      screen->tolerates_types)
    {
      /* The types the live server is known to mix up are read as meant. */
      tolerated = screen->recovered (&bench);
      g_assert_true (tolerated);
    }
  else
    {
      g_test_message ("%s, %s: “%s”", screen->name, bench.fault_name, message);
      desk_fault_assert_words (message);
      /* The screen has settled: nothing is on its way, so nothing will be tried again
       * unless the assistant asks. */
      g_assert_null (strstr (message, "will try again"));
    }

  /* Front Desk is still there, and so is what was typed. */
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (bench.page)));
  screen->check_kept (&bench);

  desk_sandbox_set_fault (bench.sandbox, DESK_SANDBOX_FAULT_NONE, 0);
  if (!tolerated)
    {
      screen->retry (&bench);
      g_assert_true (desk_fault_bench_wait_for (&bench, screen->recovered));
      desk_fault_bench_screenshot (&bench, GTK_WIDGET (bench.dialog != NULL ? bench.dialog
                                                                            : bench.window),
                                   "recovered");
    }
  screen->check_kept (&bench);
  if (screen->check_once != NULL)
    screen->check_once (&bench);

  bench_tear_down (&bench);
}

/**
 * desk_fault_matrix_add:
 * @screens: the screens of the matrix
 * @n_screens: how many
 * @only: (nullable): the names of the screens to add, separated by commas; all if %NULL
 *
 * Adds /faults/SCREEN/FAULT for each screen and each fault of the sandbox.
 */
void
desk_fault_matrix_add (const DeskFaultScreen *screens,
                       guint                  n_screens,
                       const char            *only)
{
  g_auto(GStrv) names = only != NULL ? g_strsplit (only, ",", -1) : NULL;

  for (guint s = 0; s < n_screens; s++)
    for (guint f = 0; f < G_N_ELEMENTS (faults); f++)
      {
        g_autofree char *path = g_strdup_printf ("/faults/%s/%s", screens[s].name,
                                                 faults[f].name);
        Case *c;

        if (names != NULL && !g_strv_contains ((const char * const *) names, screens[s].name))
          continue;

        c = g_new0 (Case, 1);
        c->screen = &screens[s];
        c->fault = f;
        g_test_add_data_func_full (path, c, run_case, g_free);
      }
}

/**
 * desk_fault_matrix_main:
 *
 * The main () of a fault-matrix test: `--screens=a,b` (before the GTest options) runs
 * only those screens of the table, so that one file can be run as several tests.
 */
int
desk_fault_matrix_main (int                    argc,
                        char                 **argv,
                        const DeskFaultScreen *screens,
                        guint                  n_screens)
{
  g_autofree char *only = NULL;

  if (argc > 1 && g_str_has_prefix (argv[1], "--screens="))
    {
      only = g_strdup (argv[1] + strlen ("--screens="));
      argv[1] = argv[0];
      argv++;
      argc--;
    }

  desk_test_init (&argc, &argv);
  desk_fault_matrix_add (screens, n_screens, only);

  return g_test_run ();
}
