/* desk-test-client.h
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <libsoup/soup.h>

/* Small helpers shared by the client's tests; inline, so that each test executable links
 * only desk-core. */

/* The outer bound of every wait for a condition in the unit tests: far beyond what a
 * loaded machine under the sanitizers takes, there only so that a hang ends as a failure
 * of its own test. No test asserts on how long something took. */
#define DESK_TEST_OUTER_BOUND (120 * G_USEC_PER_SEC)

/* Listens on a free port of 127.0.0.1 and gives the API's base URL there. */
static inline char *
desk_test_listen_local (SoupServer *server)
{
  g_autoptr(GError) error = NULL;
  GSList *uris;
  char *base_url;

  soup_server_listen_local (server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error);
  g_assert_no_error (error);

  uris = soup_server_get_uris (server);
  base_url = g_strdup_printf ("http://127.0.0.1:%d/api/web/v1/", g_uri_get_port (uris->data));
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);

  return base_url;
}

/* Drops the last reference to @object. Work still on its way (a cancelled request being
 * wound up, a cache file being written) may hold it until its callback has run; then it
 * must go. */
static inline void
desk_test_finalize_soon (gpointer object)
{
  gint64 deadline = g_get_monotonic_time () + DESK_TEST_OUTER_BOUND;

  g_object_add_weak_pointer (object, &object);
  g_object_unref (object);

  while (object != NULL && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE);

  g_assert_null (object);
}
