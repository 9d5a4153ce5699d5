/* test-list-search.c
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "desk-core.h"
#include "desk-sandbox.h"

/* The search every list screen shares, on its own against the sandbox: the pause before
 * the server is asked, Enter, a newer text replacing an older one, and the list shown
 * always the one for the text of now. */

/* 2026-01-15 12:00 UTC, so that the store is the same whenever the test runs. */
#define TEST_NOW G_GINT64_CONSTANT (1768478400)
#define WAIT_US (20 * G_USEC_PER_SEC)

typedef struct
{
  DeskSandbox    *sandbox;
  DeskApiClient  *client;
  DeskListSearch *search;
  GPtrArray      *shown_keywords;
  guint           n_activated;
  gboolean        last_answered;
} Fixture;

static void
list_cb (DeskListSearch *search,
         GParamSpec     *pspec,
         Fixture        *fixture)
{
  const DeskListQuery *query = desk_paged_list_get_query (desk_list_search_get_list (search));

  g_ptr_array_add (fixture->shown_keywords, g_strdup (query != NULL && query->keyword != NULL
                                                      ? query->keyword : ""));
}

static void
activated_cb (DeskListSearch *search,
              gboolean        answered,
              Fixture        *fixture)
{
  fixture->n_activated++;
  fixture->last_answered = answered;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->sandbox = g_object_new (DESK_TYPE_SANDBOX,
                                   "seed", 11, "n-customers", 80, "n-tickets", 10,
                                   "n-invoices", 0, "rate-limit", 0, "today", TEST_NOW, NULL);
  desk_sandbox_start (fixture->sandbox, 0, &error);
  g_assert_no_error (error);
  fixture->client = desk_api_client_new (desk_sandbox_get_url (fixture->sandbox),
                                         DESK_SANDBOX_DEMO_API_KEY);
  fixture->search = desk_list_search_new (fixture->client, DESK_PAGED_LIST_CUSTOMERS);
  fixture->shown_keywords = g_ptr_array_new_with_free_func (g_free);
  g_signal_connect (fixture->search, "notify::list", G_CALLBACK (list_cb), fixture);
  g_signal_connect (fixture->search, "activated", G_CALLBACK (activated_cb), fixture);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_assert_finalize_object (fixture->search);
  g_clear_pointer (&fixture->shown_keywords, g_ptr_array_unref);
  g_clear_object (&fixture->client);
  desk_sandbox_stop (fixture->sandbox);
  g_clear_object (&fixture->sandbox);
}

static gboolean
settled (Fixture *fixture)
{
  return !desk_list_search_get_searching (fixture->search) &&
         !desk_paged_list_get_loading (desk_list_search_get_list (fixture->search)) &&
         desk_paged_list_get_n_pages (desk_list_search_get_list (fixture->search)) > 0;
}

static void
wait_settled (Fixture *fixture)
{
  gint64 deadline = g_get_monotonic_time () + WAIT_US;

  while (!settled (fixture) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (settled (fixture));
}

static const char *
shown_keyword (Fixture *fixture)
{
  const DeskListQuery *query = desk_paged_list_get_query (desk_list_search_get_list (fixture->search));

  return query != NULL ? query->keyword : NULL;
}

static char *
customer_name (Fixture *fixture,
               guint    position)
{
  g_autoptr(DeskCustomer) customer = g_list_model_get_item (G_LIST_MODEL (desk_list_search_get_list (fixture->search)),
                                                            position);
  g_autofree char *name = g_strdup (desk_customer_get_full_name (customer));

  return g_strdup (g_strstrip (name));
}

/* Keystrokes are narrowed locally at once; the server is asked once, after the pause,
 * for the text typed last. */
static void
test_pause (Fixture       *fixture,
            gconstpointer  data)
{
  g_autofree char *name = NULL;
  guint requests;

  desk_list_search_refresh (fixture->search);
  wait_settled (fixture);
  g_assert_false (desk_list_search_get_filtering (fixture->search));
  g_assert_null (shown_keyword (fixture));
  name = customer_name (fixture, 3);

  requests = desk_sandbox_get_request_count (fixture->sandbox);
  for (guint i = 1; i <= strlen (name); i++)
    {
      g_autofree char *prefix = g_strndup (name, i);

      desk_list_search_set_text (fixture->search, prefix);
      g_assert_true (desk_list_search_get_filtering (fixture->search));
      g_assert_true (desk_list_search_get_searching (fixture->search));
    }
  wait_settled (fixture);

  g_assert_cmpuint (desk_sandbox_get_request_count (fixture->sandbox), ==, requests + 1);
  g_assert_cmpstr (shown_keyword (fixture), ==, name);
  g_assert_false (desk_list_search_get_filtering (fixture->search));
  g_assert_true (desk_list_search_get_answered (fixture->search));
  g_assert_cmpuint (fixture->n_activated, ==, 0);

  /* Back to no text: the list without a search, at once and without a request. */
  desk_list_search_set_text (fixture->search, "  ");
  g_assert_null (desk_list_search_get_text (fixture->search));
  g_assert_null (shown_keyword (fixture));
  g_assert_false (desk_list_search_get_searching (fixture->search));
  g_assert_cmpuint (desk_sandbox_get_request_count (fixture->sandbox), ==, requests + 1);
}

/* Enter asks at once, however long the pause, and says so once the answer is shown. */
static void
test_enter (Fixture       *fixture,
            gconstpointer  data)
{
  g_autofree char *name = NULL;

  desk_list_search_refresh (fixture->search);
  wait_settled (fixture);
  name = customer_name (fixture, 5);
  desk_list_search_set_delay (fixture->search, 600 * 1000);

  desk_list_search_set_text (fixture->search, name);
  desk_list_search_activate (fixture->search);
  g_assert_cmpuint (fixture->n_activated, ==, 0);
  wait_settled (fixture);

  g_assert_cmpuint (fixture->n_activated, ==, 1);
  g_assert_true (fixture->last_answered);
  g_assert_cmpstr (shown_keyword (fixture), ==, name);

  /* Enter again on an answered text decides at once. */
  desk_list_search_activate (fixture->search);
  g_assert_cmpuint (fixture->n_activated, ==, 2);
}

/* A text typed while the answer to an earlier one is on its way: the earlier answer is
 * never shown, and the list ends on the text of now, whatever the order of events. */
static void
test_newer_text_wins (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;

  desk_list_search_refresh (fixture->search);
  wait_settled (fixture);
  first = customer_name (fixture, 1);
  second = customer_name (fixture, 2);

  desk_list_search_set_text (fixture->search, first);
  desk_list_search_activate (fixture->search);
  desk_list_search_set_text (fixture->search, second);
  wait_settled (fixture);

  g_assert_cmpstr (shown_keyword (fixture), ==, second);
  for (guint i = 0; i < fixture->shown_keywords->len; i++)
    g_assert_cmpstr (g_ptr_array_index (fixture->shown_keywords, i), !=, first);
  /* Enter was for the earlier text: the answer to another says nothing about it. */
  g_assert_cmpuint (fixture->n_activated, ==, 0);

  /* Back to a text already answered: shown again from what is there, without a request. */
  desk_list_search_set_text (fixture->search, first);
  wait_settled (fixture);
  g_assert_cmpstr (shown_keyword (fixture), ==, first);
}

/* New filters: the list without a search is fetched again for them, and the search too. */
static void
test_refresh (Fixture       *fixture,
              gconstpointer  data)
{
  g_autofree char *name = NULL;
  guint requests;

  desk_list_search_refresh (fixture->search);
  wait_settled (fixture);
  name = customer_name (fixture, 0);
  desk_list_search_set_text (fixture->search, name);
  desk_list_search_activate (fixture->search);
  wait_settled (fixture);

  requests = desk_sandbox_get_request_count (fixture->sandbox);
  desk_list_search_refresh (fixture->search);
  wait_settled (fixture);
  /* The same filters: nothing to ask again. */
  g_assert_cmpuint (desk_sandbox_get_request_count (fixture->sandbox), ==, requests);
  g_assert_cmpstr (shown_keyword (fixture), ==, name);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add ("/list-search/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("pause", test_pause);
  ADD ("enter", test_enter);
  ADD ("newer-text-wins", test_newer_text_wins);
  ADD ("refresh", test_refresh);

  return g_test_run ();
}
