/* desk-server-url.c
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "desk-server-url"

#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n.h>

#include "desk-server-url.h"

G_DEFINE_QUARK (desk-server-url-error-quark, desk_server_url_error)

static gboolean
host_is_loopback (const char *host)
{
  g_autoptr(GInetAddress) address = NULL;

  if (g_ascii_strcasecmp (host, "localhost") == 0)
    return TRUE;

  address = g_inet_address_new_from_string (host);
  return address != NULL && g_inet_address_get_is_loopback (address);
}

/* The API key travels in every request, so anything a third party on the way could read
 * is refused; a server on this computer (a local test server) is the one exception. */
static gboolean
check_scheme (GUri    *uri,
              GError **error)
{
  const char *scheme = g_uri_get_scheme (uri);

  if (g_ascii_strcasecmp (scheme, "https") == 0)
    return TRUE;

  if (g_ascii_strcasecmp (scheme, "http") == 0 && host_is_loopback (g_uri_get_host (uri)))
    return TRUE;

  g_set_error_literal (error, DESK_SERVER_URL_ERROR, DESK_SERVER_URL_ERROR_INSECURE,
                       _("The address must start with https://. The API key is sent with "
                         "every request, and without https anyone on the way could read it. "
                         "Plain http is only accepted for a server on this computer."));
  return FALSE;
}

/**
 * desk_server_url_normalize:
 * @text: what the user typed
 * @error: return location for a #DESK_SERVER_URL_ERROR
 *
 * Checks a server URL and returns it trimmed, ending in a slash so that API paths can be
 * appended to it. Only https is accepted, or http when the host is loopback.
 *
 * Returns: (transfer full): the URL to store, or %NULL
 */
char *
desk_server_url_normalize (const char  *text,
                           GError     **error)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (text != NULL ? text : ""));
  g_autoptr(GUri) uri = g_uri_parse (trimmed, G_URI_FLAGS_NONE, NULL);
  const char *host = uri != NULL ? g_uri_get_host (uri) : NULL;

  if (host == NULL || *host == '\0' ||
      g_uri_get_query (uri) != NULL || g_uri_get_fragment (uri) != NULL)
    {
      g_set_error_literal (error, DESK_SERVER_URL_ERROR, DESK_SERVER_URL_ERROR_INVALID,
                           _("This is not a web address. It looks like "
                             "https://api.repairdesk.co/api/web/v1/."));
      return NULL;
    }

  if (!check_scheme (uri, error))
    return NULL;

  if (g_str_has_suffix (trimmed, "/"))
    return g_steal_pointer (&trimmed);

  return g_strconcat (trimmed, "/", NULL);
}
