/* test-results-view.c
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "desk-results-view.h"
#include "desk-spinner.h"
#include "desk-sandbox.h"
#include "desk-test-utils.h"

/* 2026-01-15 12:00 UTC, so that "today" has the same tickets whenever the test runs. */
#define TEST_NOW G_GINT64_CONSTANT (1768478400)

typedef struct
{
  DeskSandbox     *sandbox;
  DeskApiClient   *client;
  DeskPagedList   *list;
  GtkWindow       *window;
  DeskResultsView *view;
} Fixture;

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  user_data)
{
  gtk_list_item_set_child (item, gtk_label_new ("Ticket"));
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  GtkListItemFactory *factory;
  GtkNoSelection *selection;
  GtkWidget *list_view;

  fixture->sandbox = g_object_new (DESK_TYPE_SANDBOX,
                                   "seed", 3, "n-customers", 40, "n-tickets", 400,
                                   "n-invoices", 20, "rate-limit", 0, "today", TEST_NOW, NULL);
  desk_sandbox_start (fixture->sandbox, 0, &error);
  g_assert_no_error (error);

  fixture->client = desk_api_client_new (desk_sandbox_get_url (fixture->sandbox),
                                         DESK_SANDBOX_DEMO_API_KEY);
  fixture->list = desk_paged_list_new (fixture->client, DESK_PAGED_LIST_TICKETS);

  /* A plain list of labels is enough: the view is about the states around the rows. */
  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), NULL);
  selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (fixture->list)));
  list_view = gtk_list_view_new (GTK_SELECTION_MODEL (selection), factory);

  fixture->view = DESK_RESULTS_VIEW (desk_results_view_new ());
  desk_results_view_set_child (fixture->view, list_view);
  desk_results_view_set_list (fixture->view, fixture->list);

  fixture->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (fixture->window, 480, 600);
  gtk_window_set_child (fixture->window, GTK_WIDGET (fixture->view));
  gtk_window_present (fixture->window);
}


static gboolean
is_null (gpointer data)
{
  return *(gpointer *) data == NULL;
}

/* The view lets go of the list: nothing but the test holds it once the window is gone. */
static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gpointer view = fixture->view;

  g_object_add_weak_pointer (view, &view);
  gtk_window_destroy (fixture->window);
  g_assert_true (desk_test_wait_for (is_null, &view, 10000));
  g_assert_finalize_object (fixture->list);
  fixture->list = NULL;
  g_clear_object (&fixture->client);
  desk_sandbox_stop (fixture->sandbox);
  g_clear_object (&fixture->sandbox);
}

static void
query (Fixture        *fixture,
       const char     *keyword,
       DeskListFilter  filter)
{
  g_autoptr(DeskListQuery) q = desk_list_query_new ();

  q->keyword = g_strdup (keyword);
  q->filter = filter;
  q->page_size = 10;
  desk_paged_list_set_query (fixture->list, q);
}

static gboolean
state_is (gpointer data)
{
  const char **want = data;
  Fixture *fixture = (gpointer) want[1];

  return g_strcmp0 (desk_results_view_get_state (fixture->view), want[0]) == 0 &&
         !desk_paged_list_get_loading (fixture->list);
}

static void
wait_for_state (Fixture    *fixture,
                const char *state)
{
  const char *want[] = { state, (const char *) fixture };

  g_assert_true (desk_test_wait_for (state_is, want, 10000));
  g_assert_cmpstr (desk_results_view_get_state (fixture->view), ==, state);
}

static void
screenshot (Fixture    *fixture,
            const char *name)
{
  g_autofree char *path = NULL;

  path = desk_test_save_screenshot (GTK_WIDGET (fixture->window), name);
  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));
}

/* Rows enough to fill the view, and no page on its way. */
static gboolean
view_filled (gpointer data)
{
  Fixture *fixture = data;

  return desk_paged_list_get_n_pages (fixture->list) >= 2 &&
         g_list_model_get_n_items (G_LIST_MODEL (fixture->list)) >= 20 &&
         !desk_paged_list_get_loading (fixture->list);
}

static void
test_results_fill_the_view (Fixture       *fixture,
                            gconstpointer  data)
{
  query (fixture, NULL, DESK_LIST_FILTER_ALL);
  wait_for_state (fixture, "results");
  g_assert_true (desk_test_wait_for (view_filled, fixture, 10000));
  wait_for_state (fixture, "results");

  /* Ten label rows do not fill 600 pixels: the view asks for more pages by itself. */
  g_assert_cmpuint (desk_paged_list_get_n_pages (fixture->list), >=, 2);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture->list)), >=, 20);
  screenshot (fixture, "results-view-results");
}

static void
test_results_empty (Fixture       *fixture,
                    gconstpointer  data)
{
  desk_results_view_set_empty_text (fixture->view, "No Tickets Found", "Try another search.");
  query (fixture, "no such ticket anywhere", DESK_LIST_FILTER_ALL);
  wait_for_state (fixture, "empty");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture->list)), ==, 0);
  screenshot (fixture, "results-view-empty");
}

static void
state_changed_cb (DeskResultsView *view,
                  GParamSpec      *pspec,
                  GPtrArray       *states)
{
  g_ptr_array_add (states, g_strdup (desk_results_view_get_state (view)));
}

/* A reload empties the list and asks for its first page again: the view goes from the
 * rows to the spinner, and shows no empty state (not even for the moment between the two,
 * which a crossfade would leave fading out over the spinner). */
static void
test_results_reload_not_empty (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(GPtrArray) states = g_ptr_array_new_with_free_func (g_free);
  gulong handler;

  query (fixture, NULL, DESK_LIST_FILTER_ALL);
  wait_for_state (fixture, "results");

  handler = g_signal_connect (fixture->view, "notify::state", G_CALLBACK (state_changed_cb),
                              states);
  desk_paged_list_reload (fixture->list);
  wait_for_state (fixture, "results");
  g_signal_handler_disconnect (fixture->view, handler);

  g_assert_cmpuint (states->len, >=, 2);
  g_assert_cmpstr (g_ptr_array_index (states, 0), ==, "loading");
  g_assert_cmpstr (g_ptr_array_index (states, states->len - 1), ==, "results");
  for (guint i = 0; i < states->len; i++)
    g_assert_cmpstr (g_ptr_array_index (states, i), !=, "empty");
}

static void
test_results_error_and_retry (Fixture       *fixture,
                              gconstpointer  data)
{
  desk_sandbox_set_fault (fixture->sandbox, DESK_SANDBOX_FAULT_HTTP_500, 1.0);
  query (fixture, NULL, DESK_LIST_FILTER_ALL);
  wait_for_state (fixture, "error");
  g_assert_nonnull (desk_paged_list_get_error (fixture->list));
  screenshot (fixture, "results-view-error");

  desk_sandbox_set_fault (fixture->sandbox, DESK_SANDBOX_FAULT_NONE, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "results.retry", NULL));
  wait_for_state (fixture, "results");
  g_assert_null (desk_paged_list_get_error (fixture->list));
}

static gboolean
waiting_with_rows (gpointer data)
{
  Fixture *fixture = data;
  DeskRateGovernor *governor = desk_api_client_get_governor (fixture->client);

  return desk_rate_governor_get_waiting (governor) && desk_paged_list_get_loading (fixture->list);
}

static GtkWidget *
find_label (GtkWidget  *widget,
            const char *prefix)
{
  if (GTK_IS_LABEL (widget) && g_str_has_prefix (gtk_label_get_label (GTK_LABEL (widget)), prefix))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_label (child, prefix);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static gboolean
note_shown (gpointer data)
{
  Fixture *fixture = data;
  GtkWidget *note = find_label (GTK_WIDGET (fixture->view), "Waiting for RepairDesk’s");

  return note != NULL && gtk_widget_get_visible (note);
}

/* While the rate limit holds the next page back, the rows already there stay in view,
 * with a note beside them that says why more do not come yet. */
static void
test_results_waiting_keeps_rows (Fixture       *fixture,
                                 gconstpointer  data)
{
  DeskRateGovernor *governor = desk_api_client_get_governor (fixture->client);
  GtkWidget *note;

  desk_results_view_set_fetch_more (fixture->view, FALSE);
  query (fixture, NULL, DESK_LIST_FILTER_ALL);
  wait_for_state (fixture, "results");
  note = find_label (GTK_WIDGET (fixture->view), "Waiting for RepairDesk’s");
  g_assert_nonnull (note);
  g_assert_false (gtk_widget_get_visible (note));

  /* No more requests this minute: the next page waits. */
  desk_rate_governor_set_limit (governor, 1);
  g_assert_true (desk_paged_list_load_more (fixture->list));
  g_assert_true (desk_test_wait_for (waiting_with_rows, fixture, 10000));
  g_assert_true (desk_test_wait_for (note_shown, fixture, 10000));

  g_assert_cmpstr (desk_results_view_get_state (fixture->view), ==, "results");
  g_assert_true (gtk_widget_get_visible (note));
  screenshot (fixture, "results-view-waiting-with-rows");

  /* The limit lifts: the page comes, and the note goes. */
  desk_rate_governor_set_limit (governor, 1000);
  wait_for_state (fixture, "results");
  g_assert_false (gtk_widget_get_visible (note));
}

/* How many of the states' status pages have been made: each is made, and is a visible
 * widget (whose style GTK works out), only from the first time its state is shown. */
static guint
n_status_pages (Fixture *fixture)
{
  g_autoptr(GPtrArray) pages = g_ptr_array_new ();

  desk_test_find_all (GTK_WIDGET (fixture->view), ADW_TYPE_STATUS_PAGE, pages);
  for (guint i = 0; i < pages->len; i++)
    g_assert_true (gtk_widget_get_visible (g_ptr_array_index (pages, i)));

  return pages->len;
}

static gboolean
is_waiting (gpointer data)
{
  Fixture *fixture = data;

  return g_strcmp0 (desk_results_view_get_state (fixture->view), "waiting") == 0;
}

/* A first page that the rate limit holds back: the waiting page, made then, says why, and
 * its spinner turns until the page comes. */
static void
test_results_waiting_page (Fixture       *fixture,
                           gconstpointer  data)
{
  DeskRateGovernor *governor = desk_api_client_get_governor (fixture->client);
  g_autoptr(GPtrArray) pages = g_ptr_array_new ();
  g_autoptr(GPtrArray) spinners = g_ptr_array_new ();
  GtkWidget *page;

  g_assert_cmpuint (n_status_pages (fixture), ==, 0);

  /* The limit's one request of the minute goes, so that the list's first page waits. */
  desk_rate_governor_set_limit (governor, 1);
  query (fixture, NULL, DESK_LIST_FILTER_ALL);
  wait_for_state (fixture, "results");
  query (fixture, "T-1", DESK_LIST_FILTER_ALL);
  g_assert_true (desk_test_wait_for (is_waiting, fixture, 10000));

  g_assert_cmpuint (n_status_pages (fixture), ==, 1);
  desk_test_find_all (GTK_WIDGET (fixture->view), ADW_TYPE_STATUS_PAGE, pages);
  page = g_ptr_array_index (pages, 0);
  g_assert_cmpstr (adw_status_page_get_title (ADW_STATUS_PAGE (page)), ==,
                   "Waiting for RepairDesk");
  desk_test_find_all (page, DESK_TYPE_SPINNER, spinners);
  g_assert_cmpuint (spinners->len, ==, 1);
  g_assert_true (desk_spinner_get_spinning (g_ptr_array_index (spinners, 0)));
  screenshot (fixture, "results-view-waiting");

  desk_rate_governor_set_limit (governor, 1000);
  wait_for_state (fixture, "results");
  g_assert_false (desk_spinner_get_spinning (g_ptr_array_index (spinners, 0)));
  g_assert_cmpuint (n_status_pages (fixture), ==, 1);
}

static gboolean
is_loading (gpointer data)
{
  Fixture *fixture = data;

  return g_strcmp0 (desk_results_view_get_state (fixture->view), "loading") == 0;
}

static void
test_results_loading (Fixture       *fixture,
                      gconstpointer  data)
{
  desk_sandbox_set_route_latency (fixture->sandbox, "tickets", 1500);
  query (fixture, NULL, DESK_LIST_FILTER_ALL);
  g_assert_true (desk_test_wait_for (is_loading, fixture, 1000));
  screenshot (fixture, "results-view-loading");
  wait_for_state (fixture, "results");
}

static int
natural_width (Fixture *fixture)
{
  int minimum, natural;

  gtk_widget_measure (GTK_WIDGET (fixture->view), GTK_ORIENTATION_HORIZONTAL, -1,
                      &minimum, &natural, NULL, NULL);
  g_assert_cmpint (minimum, <=, natural);

  return natural;
}

/* Only the page in view is measured, and the view stays as wide as its rows in every
 * state: a pane that takes its width from the view does not change width when the
 * spinner, the empty state or an error replaces the rows. A state's page is made only
 * the first time it is shown. */
static void
test_results_width_holds (Fixture       *fixture,
                          gconstpointer  data)
{
  GtkWidget *rows = gtk_label_new ("A row as wide as a ticket with its customer and status");
  int rows_width, width;

  desk_results_view_set_fetch_more (fixture->view, FALSE);
  desk_results_view_set_child (fixture->view, rows);
  gtk_widget_measure (rows, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &rows_width, NULL, NULL);

  desk_sandbox_set_route_latency (fixture->sandbox, "tickets", 1500);
  query (fixture, NULL, DESK_LIST_FILTER_ALL);
  g_assert_true (desk_test_wait_for (is_loading, fixture, 1000));
  width = natural_width (fixture);
  g_assert_cmpint (width, >=, rows_width);

  wait_for_state (fixture, "results");
  g_assert_cmpint (natural_width (fixture), ==, width);
  g_assert_cmpuint (n_status_pages (fixture), ==, 0);

  desk_sandbox_set_route_latency (fixture->sandbox, "tickets", 0);
  query (fixture, "no such ticket anywhere", DESK_LIST_FILTER_ALL);
  wait_for_state (fixture, "empty");
  g_assert_cmpint (natural_width (fixture), ==, width);
  g_assert_cmpuint (n_status_pages (fixture), ==, 1);

  desk_sandbox_set_fault (fixture->sandbox, DESK_SANDBOX_FAULT_HTTP_500, 1.0);
  query (fixture, "another", DESK_LIST_FILTER_ALL);
  wait_for_state (fixture, "error");
  g_assert_cmpint (natural_width (fixture), ==, width);
  g_assert_cmpuint (n_status_pages (fixture), ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  desk_test_init (&argc, &argv);

  g_test_add ("/results-view/fill", Fixture, NULL,
              fixture_set_up, test_results_fill_the_view, fixture_tear_down);
  g_test_add ("/results-view/waiting-page", Fixture, NULL,
              fixture_set_up, test_results_waiting_page, fixture_tear_down);
  g_test_add ("/results-view/empty", Fixture, NULL,
              fixture_set_up, test_results_empty, fixture_tear_down);
  g_test_add ("/results-view/error-and-retry", Fixture, NULL,
              fixture_set_up, test_results_error_and_retry, fixture_tear_down);
  g_test_add ("/results-view/reload-not-empty", Fixture, NULL,
              fixture_set_up, test_results_reload_not_empty, fixture_tear_down);
  g_test_add ("/results-view/loading", Fixture, NULL,
              fixture_set_up, test_results_loading, fixture_tear_down);
  g_test_add ("/results-view/width-holds", Fixture, NULL,
              fixture_set_up, test_results_width_holds, fixture_tear_down);
  g_test_add ("/results-view/waiting-keeps-rows", Fixture, NULL,
              fixture_set_up, test_results_waiting_keeps_rows, fixture_tear_down);

  return g_test_run ();
}
