/* test-api-lists.c
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <libsoup/soup.h>

#include "desk-core.h"
#include "desk-test-client.h"

/* DeskPagedList and DeskCatalog against a small SoupServer on 127.0.0.1 that pages its
 * lists in each of the ways RepairDesk servers have been seen to: pages counted from 0
 * or from 1, the old TotalRecords shape, a plain array, and a server that ignores the
 * page asked for. */

#define TEST_KEY  "lists-test-key"
#define PAGE_SIZE 3
#define N_RECORDS 7

typedef enum
{
  PAGING_FROM_ZERO,
  PAGING_FROM_ONE,
  PAGING_LEGACY,
  PAGING_IGNORED,
  PAGING_NONE,
} Paging;

typedef struct
{
  SoupServer    *server;
  DeskClock     *clock;
  DeskApiClient *client;
  char          *base_url;
  GHashTable    *hits;          /* "path?query" without the key -> count */
  Paging         paging;
  guint          n_statuses;
  guint          fail_next;     /* answer this many requests with HTTP 500 */
  char          *hold_keyword;  /* replies to this keyword wait in held */
  GPtrArray     *held;          /* SoupServerMessage*, paused with their reply set */
  guint          n_finished;    /* held replies the server has finished sending */
} Fixture;

/* The customers of the ticket list: the keyword "old" finds the even tickets, "new" the odd
 * ones, so that the reply to one query cannot pass for the reply to another. */
static const char *
ticket_customer (guint index)
{
  return index % 2 == 0 ? "Ann Oldham" : "Bo Newton";
}

static char *
ticket_json (guint index)
{
  guint id = 1000 + index;

  return g_strdup_printf ("{\"summary\":{\"id\":\"%u\",\"order_id\":\"T-%u\",\"total\":\"$10.00\","
                          "\"customer\":{\"fullName\":\"%s\",\"id\":\"%u\"}},"
                          "\"devices\":[]}", id, id, ticket_customer (index), 500 + id);
}

static gboolean
ticket_matches (guint       index,
                GHashTable *query)
{
  const char *keyword = query != NULL ? g_hash_table_lookup (query, "keyword") : NULL;
  g_autofree char *name = NULL;
  g_autofree char *word = NULL;

  if (keyword == NULL || *keyword == '\0')
    return TRUE;

  name = g_utf8_strdown (ticket_customer (index), -1);
  word = g_utf8_strdown (keyword, -1);

  return strstr (name, word) != NULL;
}

/* One page of the ticket list, in the fixture's paging style. */
static char *
tickets_page (Fixture    *fixture,
              GHashTable *query)
{
  const char *page_text = query != NULL ? g_hash_table_lookup (query, "page") : NULL;
  gint64 asked = page_text != NULL ? g_ascii_strtoll (page_text, NULL, 10) : -1;
  gint64 first_number = fixture->paging == PAGING_FROM_ONE ? 1 : 0;
  gint64 index = asked < 0 || fixture->paging == PAGING_IGNORED ? 0 : asked - first_number;
  g_autoptr(GString) records = g_string_new (NULL);
  guint n_matching = 0;
  guint total_pages;

  /* The records that match the keyword, paged. */
  for (guint i = 0; i < N_RECORDS; i++)
    {
      g_autofree char *record = NULL;

      if (!ticket_matches (i, query))
        continue;

      if (index >= 0 && n_matching >= index * PAGE_SIZE && n_matching < (index + 1) * PAGE_SIZE)
        {
          record = ticket_json (i);
          g_string_append_printf (records, "%s%s", records->len > 0 ? "," : "", record);
        }
      n_matching++;
    }
  total_pages = (n_matching + PAGE_SIZE - 1) / PAGE_SIZE;

  if (fixture->paging == PAGING_LEGACY)
    return g_strdup_printf ("{\"ticketData\":[%s],\"TotalRecords\":\"%u\",\"fromDate\":\"\"}",
                            records->str, n_matching);

  return g_strdup_printf ("{\"ticketData\":[%s],\"pagination\":{\"page\":%" G_GINT64_FORMAT ","
                          "\"per_page\":%u,\"total_records\":%u,\"total_pages\":%u,"
                          "\"next_page_exist\":%d,\"previous_page_exist\":%d}}",
                          records->str, index + first_number, PAGE_SIZE, n_matching, total_pages,
                          index + 1 < total_pages, index > 0);
}

static char *
customers_array (void)
{
  return g_strdup ("[{\"id\":\"1\",\"fullName\":\"Ann Example\"},"
                   "{\"id\":\"2\",\"fullName\":\"Bo Example\"}]");
}

static char *
statuses_array (Fixture *fixture)
{
  const char *names[] = { "Pending", "In Progress", "Repaired", "Collected" };
  g_autoptr(GString) out = g_string_new ("[");

  for (guint i = 0; i < fixture->n_statuses; i++)
    g_string_append_printf (out, "%s{\"name\":\"%s\",\"color\":\"#00aa%02u\",\"type\":\"Open\"}",
                            i > 0 ? "," : "", names[i], i);

  g_string_append (out, "]");

  return g_string_free (g_steal_pointer (&out), FALSE);
}

static char *
data_for (Fixture    *fixture,
          const char *path,
          GHashTable *query)
{
  if (g_str_equal (path, "tickets"))
    return tickets_page (fixture, query);
  if (g_str_equal (path, "customers"))
    return customers_array ();
  if (g_str_equal (path, "statuses"))
    return statuses_array (fixture);
  if (g_str_equal (path, "employees"))
    return g_strdup ("[{\"id\":\"7\",\"fullname\":\"Dee Example\",\"accesspin\":\"4321\"}]");
  if (g_str_equal (path, "problems/5"))
    return g_strdup ("[{\"id\":\"31\",\"name\":\"Screen\",\"device_id\":\"5\",\"price\":\"80.00\"}]");
  if (g_str_equal (path, "taxclasses"))
    return g_strdup ("[]");

  return NULL;
}

static char *
hit_key (const char *path,
         GHashTable *query)
{
  const char *page = query != NULL ? g_hash_table_lookup (query, "page") : NULL;

  return g_strdup_printf ("%s?page=%s", path, page != NULL ? page : "");
}

/* A held reply ends either sent or with the client gone; each is counted once. */
static void
held_finished_cb (SoupServerMessage *message,
                  Fixture           *fixture)
{
  if (g_object_get_data (G_OBJECT (message), "desk-test-finished") != NULL)
    return;

  g_object_set_data (G_OBJECT (message), "desk-test-finished", GINT_TO_POINTER (TRUE));
  fixture->n_finished++;
}

static void
server_cb (SoupServer        *server,
           SoupServerMessage *message,
           const char        *full_path,
           GHashTable        *query,
           gpointer           user_data)
{
  Fixture *fixture = user_data;
  const char *path = full_path + strlen ("/api/web/v1/");
  g_autofree char *key = hit_key (path, query);
  g_autofree char *data = NULL;
  g_autofree char *body = NULL;

  g_hash_table_insert (fixture->hits, g_strdup (key),
                       GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (fixture->hits, key)) + 1));

  data = data_for (fixture, path, query);

  if (fixture->fail_next > 0)
    {
      fixture->fail_next--;
      soup_server_message_set_status (message, 500, NULL);
      body = g_strdup ("{\"success\":false,\"statusCode\":500,\"message\":\"Server Error\",\"data\":[]}");
    }
  else if (data == NULL)
    {
      soup_server_message_set_status (message, 200, NULL);
      body = g_strdup ("{\"success\":false,\"statusCode\":404,\"message\":\"Not Found\",\"data\":"
                       "{\"name\":\"Not Found\",\"message\":\"Page not found.\",\"code\":0}}");
    }
  else
    {
      soup_server_message_set_status (message, 200, NULL);
      body = g_strdup_printf ("{\"success\":true,\"statusCode\":200,\"message\":\"OK\",\"data\":%s}", data);
    }

  soup_server_message_set_response (message, "application/json", SOUP_MEMORY_COPY, body, strlen (body));

  if (fixture->hold_keyword != NULL && query != NULL &&
      g_strcmp0 (g_hash_table_lookup (query, "keyword"), fixture->hold_keyword) == 0)
    {
      g_signal_connect (message, "finished", G_CALLBACK (held_finished_cb), fixture);
      g_signal_connect (message, "disconnected", G_CALLBACK (held_finished_cb), fixture);
      soup_server_message_pause (message);
      g_ptr_array_add (fixture->held, g_object_ref (message));
    }
}

/* Lets the held replies go out. */
static void
release_held (Fixture *fixture)
{
  for (guint i = 0; i < fixture->held->len; i++)
    soup_server_message_unpause (g_ptr_array_index (fixture->held, i));
  g_ptr_array_set_size (fixture->held, 0);
}

static guint
hits (Fixture    *fixture,
      const char *key)
{
  return GPOINTER_TO_UINT (g_hash_table_lookup (fixture->hits, key));
}

static guint
total_hits (Fixture *fixture)
{
  GHashTableIter iter;
  gpointer value;
  guint total = 0;

  g_hash_table_iter_init (&iter, fixture->hits);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    total += GPOINTER_TO_UINT (value);

  return total;
}

static DeskApiClient *
new_client (Fixture *fixture)
{
  g_autoptr(DeskRateGovernor) governor = desk_rate_governor_new (fixture->clock);

  return g_object_new (DESK_TYPE_API_CLIENT,
                       "base-url", fixture->base_url,
                       "api-key", TEST_KEY,
                       "governor", governor,
                       "max-retries", 0,
                       NULL);
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  fixture->hits = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  fixture->n_statuses = 2;
  fixture->held = g_ptr_array_new_with_free_func (g_object_unref);
  fixture->server = soup_server_new (NULL, NULL);
  soup_server_add_handler (fixture->server, "/api/web/v1/", server_cb, fixture, NULL);
  fixture->base_url = desk_test_listen_local (fixture->server);

  fixture->clock = desk_clock_new_manual (0);
  fixture->client = new_client (fixture);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  desk_test_finalize_soon (fixture->client);
  release_held (fixture);
  g_clear_pointer (&fixture->held, g_ptr_array_unref);
  g_free (fixture->hold_keyword);
  soup_server_disconnect (fixture->server);
  g_assert_finalize_object (fixture->server);
  g_assert_finalize_object (fixture->clock);
  g_hash_table_unref (fixture->hits);
  g_free (fixture->base_url);
}

static void
wait_until_idle (DeskPagedList *list)
{
  gint64 deadline = g_get_monotonic_time () + DESK_TEST_OUTER_BOUND;

  while (desk_paged_list_get_loading (list))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
}

static void
wait_until_held (Fixture *fixture,
                 guint    n_held)
{
  gint64 deadline = g_get_monotonic_time () + DESK_TEST_OUTER_BOUND;

  while (fixture->held->len < n_held)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
}

/* Waits until the server has sent (or given up on) @n_finished held replies, then runs
 * what the client has ready to run. */
static void
wait_until_finished (Fixture *fixture,
                     guint    n_finished)
{
  gint64 deadline = g_get_monotonic_time () + DESK_TEST_OUTER_BOUND;

  while (fixture->n_finished < n_finished)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static void
count_items_changed_cb (GListModel *model,
                        guint       position,
                        guint       removed,
                        guint       added,
                        gpointer    user_data)
{
  guint *count = user_data;

  (*count)++;
}

static guint
load_all (DeskPagedList *list)
{
  guint rounds = 0;

  while (desk_paged_list_load_more (list))
    {
      wait_until_idle (list);
      g_assert_cmpuint (++rounds, <, 20);
    }

  return rounds;
}

static void
assert_tickets_in_order (DeskPagedList *list,
                         guint          expected)
{
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, expected);

  for (guint i = 0; i < expected; i++)
    {
      g_autoptr(DeskTicket) ticket = g_list_model_get_item (G_LIST_MODEL (list), i);

      g_assert_cmpint (desk_ticket_get_id (ticket), ==, 1000 + i);
    }
}

#define OLD_TICKETS ((const gint64[]) { 1000, 1002, 1004, 1006, -1 })
#define NEW_TICKETS ((const gint64[]) { 1001, 1003, 1005, -1 })

/* The list shows exactly @ids (ended by -1), in that order. */
static void
assert_ticket_ids (DeskPagedList *list,
                   const gint64  *ids)
{
  guint n = 0;

  while (ids[n] >= 0)
    n++;

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, n);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(DeskTicket) ticket = g_list_model_get_item (G_LIST_MODEL (list), i);

      g_assert_cmpint (desk_ticket_get_id (ticket), ==, ids[i]);
    }
}

static void
run_paging (Fixture    *fixture,
            Paging      paging,
            const char *second_page,
            const char *third_page)
{
  g_autoptr(DeskPagedList) list = desk_paged_list_new (fixture->client, DESK_PAGED_LIST_TICKETS);
  g_autoptr(DeskListQuery) query = desk_list_query_new ();
  guint n_changed = 0;

  fixture->paging = paging;
  query->filter = DESK_LIST_FILTER_ALL;
  g_signal_connect (list, "items-changed", G_CALLBACK (count_items_changed_cb), &n_changed);

  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (list)) == DESK_TYPE_TICKET);
  desk_paged_list_set_query (list, query);
  g_assert_true (desk_paged_list_get_loading (list));
  wait_until_idle (list);

  g_assert_no_error (desk_paged_list_get_error (list));
  assert_tickets_in_order (list, PAGE_SIZE);
  g_assert_cmpint (desk_paged_list_get_n_total (list), ==, N_RECORDS);
  g_assert_true (desk_paged_list_get_has_more (list));

  load_all (list);

  assert_tickets_in_order (list, N_RECORDS);
  g_assert_false (desk_paged_list_get_has_more (list));
  g_assert_false (desk_paged_list_load_more (list));
  g_assert_cmpuint (desk_paged_list_get_n_pages (list), ==, 3);

  /* One splice a page, and no page asked for twice. */
  g_assert_cmpuint (n_changed, ==, 3);
  g_assert_cmpuint (hits (fixture, "tickets?page="), ==, 1);
  g_assert_cmpuint (hits (fixture, second_page), ==, 1);
  g_assert_cmpuint (hits (fixture, third_page), ==, 1);
  g_assert_cmpuint (total_hits (fixture), ==, 3);
}

static void
test_paging_from_zero (Fixture       *fixture,
                       gconstpointer  data)
{
  run_paging (fixture, PAGING_FROM_ZERO, "tickets?page=1", "tickets?page=2");
}

static void
test_paging_from_one (Fixture       *fixture,
                      gconstpointer  data)
{
  run_paging (fixture, PAGING_FROM_ONE, "tickets?page=2", "tickets?page=3");
}

static void
test_paging_legacy (Fixture       *fixture,
                    gconstpointer  data)
{
  run_paging (fixture, PAGING_LEGACY, "tickets?page=1", "tickets?page=2");
}

static void
test_paging_ignored (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(DeskPagedList) list = desk_paged_list_new (fixture->client, DESK_PAGED_LIST_TICKETS);
  g_autoptr(DeskListQuery) query = desk_list_query_new ();

  /* The server hands back its first page whatever is asked: the list must not loop. */
  fixture->paging = PAGING_IGNORED;
  desk_paged_list_set_query (list, query);
  wait_until_idle (list);
  load_all (list);

  assert_tickets_in_order (list, PAGE_SIZE);
  g_assert_false (desk_paged_list_get_has_more (list));
  g_assert_cmpuint (total_hits (fixture), ==, 2);
}

static void
test_unpaged (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(DeskPagedList) list = desk_paged_list_new (fixture->client, DESK_PAGED_LIST_CUSTOMERS);
  g_autoptr(DeskListQuery) query = desk_list_query_new ();
  g_autoptr(DeskCustomer) second = NULL;

  desk_paged_list_set_query (list, query);
  wait_until_idle (list);

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 2);
  second = g_list_model_get_item (G_LIST_MODEL (list), 1);
  g_assert_cmpstr (desk_customer_get_full_name (second), ==, "Bo Example");
  g_assert_false (desk_paged_list_get_has_more (list));
  g_assert_cmpint (desk_paged_list_get_n_total (list), ==, 2);
  g_assert_false (desk_paged_list_load_more (list));
  g_assert_cmpuint (total_hits (fixture), ==, 1);
}

static void
statuses_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  GPtrArray **statuses = user_data;
  g_autoptr(GError) error = NULL;

  *statuses = desk_api_client_list_statuses_finish (DESK_API_CLIENT (object), result, &error);
  g_assert_no_error (error);
}

/* One blocking iteration, within the outer bound of the whole test. */
static void
wait_one_iteration (void)
{
  static gint64 deadline;

  if (deadline == 0)
    deadline = g_get_monotonic_time () + DESK_TEST_OUTER_BOUND;
  g_assert_cmpint (g_get_monotonic_time (), <, deadline);
  g_main_context_iteration (NULL, TRUE);
}

static void
test_get_item_fetches_nothing (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(DeskPagedList) list = desk_paged_list_new (fixture->client, DESK_PAGED_LIST_TICKETS);
  g_autoptr(DeskListQuery) query = desk_list_query_new ();
  g_autoptr(GPtrArray) statuses = NULL;

  desk_paged_list_set_query (list, query);
  wait_until_idle (list);

  /* A list view asking for every row (and past the end) sends no request. */
  for (guint i = 0; i < 200; i++)
    {
      GObject *item = g_list_model_get_item (G_LIST_MODEL (list), i);

      g_clear_object (&item);
    }

  /* A request those calls had started would be ahead of this one at the rate governor:
   * once this one is answered, nothing else may be queued, on the wire or answered. */
  desk_api_client_list_statuses_async (fixture->client, NULL, statuses_cb, &statuses);
  while (statuses == NULL)
    wait_one_iteration ();
  g_assert_cmpuint (statuses->len, ==, 2);
  g_assert_cmpuint (desk_api_client_get_n_active (fixture->client), ==, 0);
  g_assert_cmpuint (desk_rate_governor_get_queued (desk_api_client_get_governor (fixture->client)), ==, 0);
  g_assert_false (desk_paged_list_get_loading (list));
  g_assert_cmpuint (hits (fixture, "statuses?page="), ==, 1);
  g_assert_cmpuint (total_hits (fixture), ==, 2);
}

static void
test_new_query (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(DeskPagedList) list = desk_paged_list_new (fixture->client, DESK_PAGED_LIST_TICKETS);
  g_autoptr(DeskListQuery) first = desk_list_query_new ();
  g_autoptr(DeskListQuery) second = desk_list_query_new ();

  first->keyword = g_strdup ("old");
  second->keyword = g_strdup ("new");

  /* The first query's page is on its way when the second replaces it. */
  desk_paged_list_set_query (list, first);
  desk_paged_list_set_query (list, second);
  g_assert_true (desk_paged_list_get_loading (list));
  /* The client counts the list's page until its records are in, the replaced one no more. */
  g_assert_cmpuint (desk_api_client_get_n_loading_pages (fixture->client), ==, 1);
  wait_until_idle (list);
  g_assert_cmpuint (desk_api_client_get_n_loading_pages (fixture->client), ==, 0);

  g_assert_cmpstr (desk_paged_list_get_query (list)->keyword, ==, "new");
  assert_ticket_ids (list, NEW_TICKETS);

  /* The same query again changes nothing. */
  desk_paged_list_set_query (list, second);
  g_assert_false (desk_paged_list_get_loading (list));
  assert_ticket_ids (list, NEW_TICKETS);

  /* A list let go of while its page is on the way stops counting once the page is back. */
  desk_paged_list_set_query (list, first);
  g_assert_cmpuint (desk_api_client_get_n_loading_pages (fixture->client), ==, 1);
  g_clear_object (&list);
  while (desk_api_client_get_n_loading_pages (fixture->client) > 0)
    g_main_context_iteration (NULL, TRUE);
}

/* A reply to an earlier query that arrives after a new query was set never lands: the
 * list shows the new query's records only, whatever order the replies come in. */
static void
test_stale_reply (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(DeskPagedList) list = desk_paged_list_new (fixture->client, DESK_PAGED_LIST_TICKETS);
  g_autoptr(DeskListQuery) first = desk_list_query_new ();
  g_autoptr(DeskListQuery) second = desk_list_query_new ();

  first->keyword = g_strdup ("old");
  second->keyword = g_strdup ("new");

  /* The reply to "old" is on the wire, held by the server, when "new" is set. */
  fixture->hold_keyword = g_strdup ("old");
  desk_paged_list_set_query (list, first);
  wait_until_held (fixture, 1);

  desk_paged_list_set_query (list, second);
  wait_until_idle (list);
  assert_ticket_ids (list, NEW_TICKETS);

  release_held (fixture);
  wait_until_finished (fixture, 1);

  assert_ticket_ids (list, NEW_TICKETS);
  g_assert_cmpuint (desk_paged_list_get_n_pages (list), ==, 1);
  g_assert_cmpint (desk_paged_list_get_n_total (list), ==, 3);
  g_assert_no_error (desk_paged_list_get_error (list));
  g_assert_cmpuint (hits (fixture, "tickets?page="), ==, 2);
}

/* The same, the other way round: the earlier query's reply goes out first. */
static void
test_stale_reply_first (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(DeskPagedList) list = desk_paged_list_new (fixture->client, DESK_PAGED_LIST_TICKETS);
  g_autoptr(DeskListQuery) first = desk_list_query_new ();
  g_autoptr(DeskListQuery) second = desk_list_query_new ();

  first->keyword = g_strdup ("old");
  second->keyword = g_strdup ("new");

  fixture->hold_keyword = g_strdup ("old");
  desk_paged_list_set_query (list, first);
  wait_until_held (fixture, 1);

  /* Hold the new query's reply too, and let the old one out before it. */
  g_free (fixture->hold_keyword);
  fixture->hold_keyword = g_strdup ("new");
  desk_paged_list_set_query (list, second);
  wait_until_held (fixture, 2);
  soup_server_message_unpause (g_ptr_array_index (fixture->held, 0));
  g_ptr_array_remove_index (fixture->held, 0);
  wait_until_finished (fixture, 1);

  g_assert_true (desk_paged_list_get_loading (list));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 0);

  release_held (fixture);
  wait_until_idle (list);
  assert_ticket_ids (list, NEW_TICKETS);
  g_assert_cmpuint (desk_paged_list_get_n_pages (list), ==, 1);
}

/* Reload empties the list at once and fetches the first page of the same query again;
 * the next page then follows from the new first page, and nothing is doubled. */
static void
test_reload (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(DeskPagedList) list = desk_paged_list_new (fixture->client, DESK_PAGED_LIST_TICKETS);
  g_autoptr(DeskListQuery) query = desk_list_query_new ();
  guint n_changed = 0;

  query->keyword = g_strdup ("old");
  desk_paged_list_set_query (list, query);
  wait_until_idle (list);
  load_all (list);
  assert_ticket_ids (list, OLD_TICKETS);
  g_assert_cmpuint (desk_paged_list_get_n_pages (list), ==, 2);

  g_signal_connect (list, "items-changed", G_CALLBACK (count_items_changed_cb), &n_changed);
  desk_paged_list_reload (list);
  g_assert_true (desk_paged_list_get_loading (list));
  g_assert_true (desk_paged_list_get_has_more (list));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 0);
  g_assert_cmpuint (desk_paged_list_get_n_pages (list), ==, 0);
  g_assert_cmpuint (n_changed, ==, 1);

  wait_until_idle (list);
  g_assert_cmpuint (hits (fixture, "tickets?page="), ==, 2);
  g_assert_cmpuint (desk_paged_list_get_n_pages (list), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, PAGE_SIZE);
  g_assert_true (desk_paged_list_get_has_more (list));

  load_all (list);
  assert_ticket_ids (list, OLD_TICKETS);
  g_assert_cmpuint (hits (fixture, "tickets?page=1"), ==, 2);
  g_assert_cmpuint (n_changed, ==, 3);
}

/* A reload while a page is on its way cancels it: the late page never lands. */
static void
test_reload_cancels (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(DeskPagedList) list = desk_paged_list_new (fixture->client, DESK_PAGED_LIST_TICKETS);
  g_autoptr(DeskListQuery) query = desk_list_query_new ();

  query->keyword = g_strdup ("old");
  desk_paged_list_set_query (list, query);
  wait_until_idle (list);

  /* The second page is held on the server when the list reloads. */
  fixture->hold_keyword = g_strdup ("old");
  g_assert_true (desk_paged_list_load_more (list));
  wait_until_held (fixture, 1);
  g_clear_pointer (&fixture->hold_keyword, g_free);

  desk_paged_list_reload (list);
  wait_until_idle (list);
  release_held (fixture);
  wait_until_finished (fixture, 1);

  /* Only the new first page: the held second page of before did not land. */
  g_assert_cmpuint (desk_paged_list_get_n_pages (list), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, PAGE_SIZE);
  g_assert_no_error (desk_paged_list_get_error (list));
  g_assert_true (desk_paged_list_get_has_more (list));

  /* The next page is asked for again, for this round of the list. */
  load_all (list);
  assert_ticket_ids (list, OLD_TICKETS);
  g_assert_cmpuint (hits (fixture, "tickets?page=1"), ==, 2);
}

static void
test_error_and_retry (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(DeskPagedList) list = desk_paged_list_new (fixture->client, DESK_PAGED_LIST_TICKETS);
  g_autoptr(DeskListQuery) query = desk_list_query_new ();

  desk_paged_list_set_query (list, query);
  wait_until_idle (list);

  fixture->fail_next = 1;
  g_assert_true (desk_paged_list_load_more (list));
  wait_until_idle (list);
  g_assert_error (desk_paged_list_get_error (list), DESK_API_ERROR, DESK_API_ERROR_SERVER);
  g_assert_true (desk_paged_list_get_has_more (list));
  assert_tickets_in_order (list, PAGE_SIZE);

  /* Asking again fetches the same page, and clears the error. */
  g_assert_true (desk_paged_list_load_more (list));
  wait_until_idle (list);
  g_assert_no_error (desk_paged_list_get_error (list));
  assert_tickets_in_order (list, 2 * PAGE_SIZE);
  g_assert_cmpuint (hits (fixture, "tickets?page=1"), ==, 2);
}

/* --- Catalog ------------------------------------------------------------------------- */

typedef struct
{
  gboolean done;
  GError  *error;
} Done;

static void
catalog_done_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  Done *done = user_data;

  if (g_task_get_source_tag (G_TASK (result)) == desk_catalog_refresh_async)
    desk_catalog_refresh_finish (DESK_CATALOG (object), result, &done->error);
  else
    desk_catalog_load_finish (DESK_CATALOG (object), result, &done->error);
  done->done = TRUE;
}

static void
wait_done (Done *done)
{
  gint64 deadline = g_get_monotonic_time () + DESK_TEST_OUTER_BOUND;

  while (!done->done)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
}

static void
load_kind (DeskCatalog     *catalog,
           DeskCatalogKind  kind)
{
  Done done = { 0 };

  desk_catalog_load_async (catalog, kind, NULL, catalog_done_cb, &done);
  wait_done (&done);
  g_assert_no_error (done.error);
}

static char *
wait_for_cache_file (const char *name)
{
  g_autofree char *folder = g_build_filename (g_get_user_cache_dir (), "frontdesk", "catalog", NULL);
  gint64 deadline = g_get_monotonic_time () + DESK_TEST_OUTER_BOUND;

  /* The file is written in the background; wait until it is complete. */
  while (g_get_monotonic_time () < deadline)
    {
      g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
      const char *entry = dir != NULL ? g_dir_read_name (dir) : NULL;

      if (entry != NULL)
        {
          g_autofree char *path = g_build_filename (folder, entry, name, NULL);
          g_autofree char *contents = NULL;

          /* A new file exists, empty, while it is being written. */
          if (g_file_get_contents (path, &contents, NULL, NULL) && g_str_has_suffix (contents, "}"))
            return g_steal_pointer (&path);
        }

      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }

  g_assert_not_reached ();
}

static void
test_catalog_load_once (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(DeskCatalog) catalog = desk_catalog_new (fixture->client);
  GListModel *statuses = desk_catalog_get_model (catalog, DESK_CATALOG_STATUSES);
  g_autoptr(DeskStatus) first = NULL;

  g_assert_true (g_list_model_get_item_type (statuses) == DESK_TYPE_STATUS);
  g_assert_true (desk_catalog_get_loading (catalog));
  load_kind (catalog, DESK_CATALOG_STATUSES);

  g_assert_true (desk_catalog_is_loaded (catalog, DESK_CATALOG_STATUSES));
  g_assert_false (desk_catalog_get_loading (catalog));
  g_assert_cmpuint (g_list_model_get_n_items (statuses), ==, 2);
  first = g_list_model_get_item (statuses, 0);
  g_assert_cmpstr (desk_named_item_get_name (DESK_NAMED_ITEM (first)), ==, "Pending");

  /* Asked for again: the same list, no request. */
  g_assert_true (desk_catalog_get_model (catalog, DESK_CATALOG_STATUSES) == statuses);
  load_kind (catalog, DESK_CATALOG_STATUSES);
  g_assert_cmpuint (hits (fixture, "statuses?page="), ==, 1);

  /* An empty list is loaded too. */
  load_kind (catalog, DESK_CATALOG_TAX_CLASSES);
  g_assert_cmpuint (g_list_model_get_n_items (desk_catalog_get_model (catalog, DESK_CATALOG_TAX_CLASSES)), ==, 0);
}

static void
test_catalog_cache (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(DeskCatalog) catalog = desk_catalog_new (fixture->client);
  g_autoptr(DeskCatalog) restarted = NULL;
  g_autoptr(DeskApiClient) client = NULL;
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  GListModel *employees;

  load_kind (catalog, DESK_CATALOG_STATUSES);
  load_kind (catalog, DESK_CATALOG_EMPLOYEES);
  g_free (wait_for_cache_file ("statuses.json"));
  path = wait_for_cache_file ("employees.json");

  /* The staff PIN is never kept. */
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_null (strstr (contents, "accesspin"));
  g_assert_null (strstr (contents, "4321"));
  g_assert_nonnull (strstr (contents, "Dee Example"));

  /* A restart: a new client and catalog for the same account cost no request. */
  client = new_client (fixture);
  restarted = desk_catalog_new (client);
  load_kind (restarted, DESK_CATALOG_STATUSES);
  load_kind (restarted, DESK_CATALOG_EMPLOYEES);
  g_assert_cmpuint (total_hits (fixture), ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (desk_catalog_get_model (restarted, DESK_CATALOG_STATUSES)), ==, 2);
  employees = desk_catalog_get_model (restarted, DESK_CATALOG_EMPLOYEES);
  g_assert_cmpuint (g_list_model_get_n_items (employees), ==, 1);

  /* Another key is another account, with a cache of its own. */
  desk_api_client_set_api_key (client, "another-key");
  g_clear_object (&restarted);
  restarted = desk_catalog_new (client);
  load_kind (restarted, DESK_CATALOG_STATUSES);
  g_assert_cmpuint (hits (fixture, "statuses?page="), ==, 2);
}

static void
test_catalog_refresh (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(DeskCatalog) catalog = desk_catalog_new (fixture->client);
  GListModel *statuses = desk_catalog_get_model (catalog, DESK_CATALOG_STATUSES);
  Done done = { 0 };
  guint n_changed = 0;

  load_kind (catalog, DESK_CATALOG_STATUSES);
  g_signal_connect (statuses, "items-changed", G_CALLBACK (count_items_changed_cb), &n_changed);

  fixture->n_statuses = 4;
  desk_catalog_refresh_async (catalog, DESK_CATALOG_STATUSES, NULL, catalog_done_cb, &done);
  wait_done (&done);
  g_assert_no_error (done.error);
  g_assert_cmpuint (g_list_model_get_n_items (statuses), ==, 4);
  g_assert_cmpuint (n_changed, ==, 1);

  /* A failed refresh keeps what the list had. */
  fixture->fail_next = 1;
  done = (Done) { 0 };
  desk_catalog_refresh_async (catalog, DESK_CATALOG_STATUSES, NULL, catalog_done_cb, &done);
  wait_done (&done);
  g_assert_error (done.error, DESK_API_ERROR, DESK_API_ERROR_SERVER);
  g_clear_error (&done.error);
  g_assert_cmpuint (g_list_model_get_n_items (statuses), ==, 4);
}

static void
test_catalog_device_problems (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(DeskCatalog) catalog = desk_catalog_new (fixture->client);
  GListModel *problems = desk_catalog_get_device_problems (catalog, 5);
  g_autoptr(DeskProblem) problem = NULL;
  Done done = { 0 };

  desk_catalog_load_device_problems_async (catalog, 5, NULL, catalog_done_cb, &done);
  wait_done (&done);
  g_assert_no_error (done.error);

  g_assert_cmpuint (g_list_model_get_n_items (problems), ==, 1);
  problem = g_list_model_get_item (problems, 0);
  g_assert_cmpint (desk_problem_get_price (problem), ==, 8000);
  g_assert_cmpuint (hits (fixture, "problems/5?page="), ==, 1);
}

static void
test_catalog_error (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(DeskCatalog) catalog = desk_catalog_new (fixture->client);
  Done done = { 0 };

  fixture->fail_next = 1;
  desk_catalog_load_async (catalog, DESK_CATALOG_NETWORKS, NULL, catalog_done_cb, &done);
  wait_done (&done);
  g_assert_error (done.error, DESK_API_ERROR, DESK_API_ERROR_SERVER);
  g_clear_error (&done.error);
  g_assert_false (desk_catalog_is_loaded (catalog, DESK_CATALOG_NETWORKS));
  g_assert_false (desk_catalog_get_loading (catalog));

  /* The route does not exist here: a second try asks again and reports that. */
  done = (Done) { 0 };
  desk_catalog_load_async (catalog, DESK_CATALOG_NETWORKS, NULL, catalog_done_cb, &done);
  wait_done (&done);
  g_assert_error (done.error, DESK_API_ERROR, DESK_API_ERROR_NOT_FOUND);
  g_clear_error (&done.error);
  g_assert_cmpuint (hits (fixture, "networks?page="), ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("/paged-list/from-zero", test_paging_from_zero);
  ADD ("/paged-list/from-one", test_paging_from_one);
  ADD ("/paged-list/legacy-total-records", test_paging_legacy);
  ADD ("/paged-list/page-ignored", test_paging_ignored);
  ADD ("/paged-list/unpaged", test_unpaged);
  ADD ("/paged-list/get-item-fetches-nothing", test_get_item_fetches_nothing);
  ADD ("/paged-list/new-query", test_new_query);
  ADD ("/paged-list/error-and-retry", test_error_and_retry);
  ADD ("/paged-list/stale-reply", test_stale_reply);
  ADD ("/paged-list/stale-reply-first", test_stale_reply_first);
  ADD ("/paged-list/reload", test_reload);
  ADD ("/paged-list/reload-cancels", test_reload_cancels);
  ADD ("/catalog/load-once", test_catalog_load_once);
  ADD ("/catalog/cache", test_catalog_cache);
  ADD ("/catalog/refresh", test_catalog_refresh);
  ADD ("/catalog/device-problems", test_catalog_device_problems);
  ADD ("/catalog/error", test_catalog_error);

#undef ADD

  return g_test_run ();
}
