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

#define N_REQUESTS 1000

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

static void
serve (const char *label,
       DeskSandbox *sandbox)
{
  g_autoptr(SoupSession) session = soup_session_new ();

  g_print ("%s: GET tickets?filter=0&pagesize=50: %.0f requests/s\n", label,
           requests_per_second (session, sandbox, "tickets?filter=0&pagesize=50"));
  g_print ("%s: GET tickets/150500: %.0f requests/s\n", label,
           requests_per_second (session, sandbox, "tickets/150500"));
  g_print ("%s: GET tickets (today only): %.0f requests/s\n", label,
           requests_per_second (session, sandbox, "tickets"));
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
