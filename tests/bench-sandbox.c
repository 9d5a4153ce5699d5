/* bench-sandbox.c
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <libsoup/soup.h>

#include "desk-sandbox.h"

/* Figures of the sandbox: how long seeding takes (the default demo store, in memory and in
 * a file, and a store of 100,000 tickets) and how many requests a second it serves with the
 * rate limit off. Run by `meson test -C build --benchmark`. */

#define N_REQUESTS 300

static DeskSandbox *
start (const char *db_path,
       guint       n_tickets,
       double     *seconds)
{
  DeskSandbox *sandbox = g_object_new (DESK_TYPE_SANDBOX, "db-path", db_path,
                                       "n-tickets", n_tickets, "rate-limit", 0, NULL);
  g_autoptr(GError) error = NULL;
  gint64 begin = g_get_monotonic_time ();

  if (!desk_sandbox_start (sandbox, 0, &error))
    g_error ("%s", error->message);
  *seconds = (g_get_monotonic_time () - begin) / 1e6;

  return sandbox;
}

static double
requests_per_second (SoupSession *session,
                     DeskSandbox *sandbox,
                     const char  *path)
{
  gint64 begin = g_get_monotonic_time ();

  for (guint i = 0; i < N_REQUESTS; i++)
    {
      g_autofree char *url = g_strdup_printf ("%s%s%sapi_key=%s", desk_sandbox_get_url (sandbox),
                                              path, strchr (path, '?') ? "&" : "?",
                                              DESK_SANDBOX_DEMO_API_KEY);
      g_autoptr(SoupMessage) msg = soup_message_new ("GET", url);
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) body = soup_session_send_and_read (session, msg, NULL, &error);

      if (body == NULL || soup_message_get_status (msg) != 200)
        g_error ("%s: %s", path, error ? error->message : "bad status");
    }

  return N_REQUESTS / ((g_get_monotonic_time () - begin) / 1e6);
}

/* --- The floor of the requests: a bare server ----------------------------------------------- */

/* A SoupServer on a thread of its own, as the sandbox's, that answers every request with
 * the same bytes: what serving costs without looking anything up. */
typedef struct
{
  GMainContext *context;
  GMainLoop    *loop;
  SoupServer   *server;
  GBytes       *body;
  char         *url;
  GMutex        lock;
  GCond         ready;
} Floor;

static void
floor_handler (SoupServer        *server,
               SoupServerMessage *msg,
               const char        *path,
               GHashTable        *query,
               gpointer           user_data)
{
  Floor *floor_server = user_data;

  soup_server_message_set_status (msg, 200, NULL);
  soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_COPY,
                                    g_bytes_get_data (floor_server->body, NULL),
                                    g_bytes_get_size (floor_server->body));
}

static gpointer
floor_thread (gpointer data)
{
  Floor *floor_server = data;
  g_autoptr(GError) error = NULL;
  GSList *uris;

  g_main_context_push_thread_default (floor_server->context);
  floor_server->server = soup_server_new (NULL, NULL);
  soup_server_add_handler (floor_server->server, NULL, floor_handler, floor_server, NULL);
  if (!soup_server_listen_local (floor_server->server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error))
    g_error ("%s", error->message);
  uris = soup_server_get_uris (floor_server->server);

  g_mutex_lock (&floor_server->lock);
  floor_server->url = g_uri_to_string (uris->data);
  g_cond_signal (&floor_server->ready);
  g_mutex_unlock (&floor_server->lock);
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);

  g_main_loop_run (floor_server->loop);
  g_clear_object (&floor_server->server);
  g_main_context_pop_thread_default (floor_server->context);

  return NULL;
}

/* The bytes the sandbox answers to @path: the floor answers the same. */
static GBytes *
fetch (SoupSession *session,
       DeskSandbox *sandbox,
       const char  *path)
{
  g_autofree char *url = g_strdup_printf ("%s%s%sapi_key=%s", desk_sandbox_get_url (sandbox),
                                          path, strchr (path, '?') ? "&" : "?",
                                          DESK_SANDBOX_DEMO_API_KEY);
  g_autoptr(SoupMessage) msg = soup_message_new ("GET", url);
  g_autoptr(GError) error = NULL;
  GBytes *body = soup_session_send_and_read (session, msg, NULL, &error);

  if (body == NULL)
    g_error ("%s: %s", path, error->message);

  return body;
}

static double
floor_requests_per_second (SoupSession *session,
                           GBytes      *body)
{
  Floor floor_server = { 0, };
  GThread *thread;
  gint64 begin;
  double per_second;

  floor_server.context = g_main_context_new ();
  floor_server.loop = g_main_loop_new (floor_server.context, FALSE);
  floor_server.body = body;
  g_mutex_init (&floor_server.lock);
  g_cond_init (&floor_server.ready);

  g_mutex_lock (&floor_server.lock);
  thread = g_thread_new ("bench-floor", floor_thread, &floor_server);
  while (floor_server.url == NULL)
    g_cond_wait (&floor_server.ready, &floor_server.lock);
  g_mutex_unlock (&floor_server.lock);

  begin = g_get_monotonic_time ();
  for (guint i = 0; i < N_REQUESTS; i++)
    {
      g_autoptr(SoupMessage) msg = soup_message_new ("GET", floor_server.url);
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) answer = soup_session_send_and_read (session, msg, NULL, &error);

      if (answer == NULL || soup_message_get_status (msg) != 200)
        g_error ("floor: %s", error ? error->message : "bad status");
    }
  per_second = N_REQUESTS / ((g_get_monotonic_time () - begin) / 1e6);

  g_main_loop_quit (floor_server.loop);
  g_thread_join (thread);
  g_main_loop_unref (floor_server.loop);
  g_main_context_unref (floor_server.context);
  g_mutex_clear (&floor_server.lock);
  g_cond_clear (&floor_server.ready);
  g_free (floor_server.url);

  return per_second;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

#define N_ROUNDS 3

/* Rounds of the sandbox and of the bare server alternate; medians. The ratio is of the
 * time a request takes, sandbox over floor. */
static void
serve_one (const char  *label,
           SoupSession *session,
           DeskSandbox *sandbox,
           const char  *path)
{
  g_autoptr(GBytes) body = fetch (session, sandbox, path);
  double served[N_ROUNDS], floor_rate[N_ROUNDS];

  for (guint i = 0; i < N_ROUNDS; i++)
    {
      served[i] = requests_per_second (session, sandbox, path);
      floor_rate[i] = floor_requests_per_second (session, body);
    }
  qsort (served, N_ROUNDS, sizeof (double), compare_doubles);
  qsort (floor_rate, N_ROUNDS, sizeof (double), compare_doubles);

  g_print ("%s: GET %s: %.0f requests/s; floor, a bare server sending the same %" G_GSIZE_FORMAT
           " bytes, same run: %.0f requests/s; ratio %.2fx the time a request\n", label, path,
           served[N_ROUNDS / 2], g_bytes_get_size (body), floor_rate[N_ROUNDS / 2],
           floor_rate[N_ROUNDS / 2] / served[N_ROUNDS / 2]);
}

static void
serve (const char *label,
       DeskSandbox *sandbox)
{
  g_autoptr(SoupSession) session = soup_session_new ();

  serve_one (label, session, sandbox, "tickets?filter=0&pagesize=50");
  serve_one (label, session, sandbox, "tickets/150500");
  serve_one (label, session, sandbox, "tickets");
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *dir = g_dir_make_tmp ("bench-sandbox-XXXXXX", NULL);
  g_autofree char *file = g_build_filename (dir, "demo-store.sqlite", NULL);
  g_autofree char *wal = g_strconcat (file, "-wal", NULL);
  g_autofree char *shm = g_strconcat (file, "-shm", NULL);
  DeskSandbox *sandbox;
  double seconds;

  g_print ("# seeding and opening have no meaningful floor (nothing else makes this store);"
           " the requests' floor is a bare server sending the same bytes\n");
  sandbox = start (NULL, 10000, &seconds);
  g_print ("seed default store (2,000 customers, 10,000 tickets, 6,000 invoices), in memory: %.2f s\n",
           seconds);
  serve ("10,000 tickets", sandbox);
  g_object_unref (sandbox);

  sandbox = start (file, 10000, &seconds);
  g_print ("seed default store into a file (WAL): %.2f s\n", seconds);
  g_object_unref (sandbox);
  sandbox = start (file, 10000, &seconds);
  g_print ("open the seeded file store again: %.3f s\n", seconds);
  g_object_unref (sandbox);

  sandbox = start (NULL, 100000, &seconds);
  g_print ("seed 100,000 tickets, in memory: %.2f s\n", seconds);
  serve ("100,000 tickets", sandbox);
  g_object_unref (sandbox);

  g_unlink (file);
  g_unlink (wal);
  g_unlink (shm);
  g_rmdir (dir);

  return 0;
}
