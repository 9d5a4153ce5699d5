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

#include "desk-core.h"
#include "desk-server-url.h"

G_DEFINE_QUARK (desk-server-url-error-quark, desk_server_url_error)

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

  /* The API key travels in every request: the client's own rule decides what may carry
   * it, and the complaint here says why to the person typing the address. */
  if (!desk_api_client_check_base_url (trimmed, NULL))
    {
      g_set_error_literal (error, DESK_SERVER_URL_ERROR, DESK_SERVER_URL_ERROR_INSECURE,
                           _("The address must start with https://. The API key is sent with "
                             "every request, and without https anyone on the way could read "
                             "it. Plain http is only accepted for a server on this computer."));
      return NULL;
    }

  if (g_str_has_suffix (trimmed, "/"))
    return g_steal_pointer (&trimmed);

  return g_strconcat (trimmed, "/", NULL);
}
