/* desk-api-error.c
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "desk-api-error"

#include "config.h"

#include <glib/gi18n.h>

#include "desk-api-error.h"

/* The server's own text travels with the error, as an extended error's private data, so
 * that a "Details" expander can show it while the message stays in words a shop assistant
 * understands. */
typedef struct
{
  char *detail;
} DeskApiErrorPrivate;

static void
desk_api_error_private_init (DeskApiErrorPrivate *priv)
{
  priv->detail = NULL;
}

static void
desk_api_error_private_copy (const DeskApiErrorPrivate *src,
                             DeskApiErrorPrivate       *dest)
{
  dest->detail = g_strdup (src->detail);
}

static void
desk_api_error_private_clear (DeskApiErrorPrivate *priv)
{
  g_clear_pointer (&priv->detail, g_free);
}

/* The macro reaches the private part through a byte pointer that GLib itself aligns;
 * clang's -Wcast-align cannot know that. */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wcast-align"
G_DEFINE_EXTENDED_ERROR (DeskApiError, desk_api_error)
#pragma GCC diagnostic pop

/**
 * desk_api_error_describe:
 * @code: a #DeskApiError
 *
 * Returns: (transfer none): the sentence shown to the user for @code
 */
const char *
desk_api_error_describe (DeskApiError code)
{
  switch (code)
    {
    case DESK_API_ERROR_NETWORK:
      return _("The RepairDesk server did not answer. Check the internet connection.");
    case DESK_API_ERROR_TIMEOUT:
      return _("The RepairDesk server took too long to answer. Try again in a moment.");
    case DESK_API_ERROR_UNAUTHORIZED:
      return _("RepairDesk did not accept the API key. Check it in Preferences.");
    case DESK_API_ERROR_NOT_FOUND:
      return _("RepairDesk could not find this record. It may have been removed.");
    case DESK_API_ERROR_RATE_LIMITED:
      return _("RepairDesk is busy with too many requests. Try again in a moment.");
    case DESK_API_ERROR_VALIDATION:
      return _("RepairDesk did not accept the data. Check the form and try again.");
    case DESK_API_ERROR_SERVER:
      return _("The RepairDesk server had a problem. Try again in a moment.");
    case DESK_API_ERROR_PROTOCOL:
      return _("RepairDesk's reply arrived incomplete or could not be read. Try again in a moment; if it keeps happening, check the server address in Preferences.");
    case DESK_API_ERROR_OUTCOME_UNKNOWN:
      return _("RepairDesk did not confirm whether the change was saved. Check the record before sending it again.");
    case DESK_API_ERROR_INSECURE_URL:
      return _("The server address is not valid. Front Desk only connects to RepairDesk over a secure https:// address.");
    case DESK_API_ERROR_REDIRECTED:
      return _("The RepairDesk server sent Front Desk on to a different address. Front Desk did not go there. Check the server address in Preferences.");
    case DESK_API_ERROR_UNTRUSTED:
      return _("The identity of the RepairDesk server could not be verified, so Front Desk did not connect. Check the server address, and the date and time of this computer.");
    case DESK_API_ERROR_STOPPED:
      return _("Front Desk stopped waiting for RepairDesk. Try again when the server answers.");
    default:
      return _("Something went wrong while talking to RepairDesk.");
    }
}

/**
 * desk_api_error_new:
 * @code: a #DeskApiError
 * @detail: (nullable): the server's or library's own text
 *
 * Returns: (transfer full): a new #GError in %DESK_API_ERROR
 */
GError *
desk_api_error_new (DeskApiError  code,
                    const char   *detail)
{
  GError *error = g_error_new_literal (DESK_API_ERROR, code, desk_api_error_describe (code));

  if (detail != NULL && *detail != '\0')
    desk_api_error_get_private (error)->detail = g_strdup (detail);

  return error;
}

/**
 * desk_api_error_get_detail:
 * @error: a #GError
 *
 * Returns: (nullable) (transfer none): the server's own text, if any was kept
 */
const char *
desk_api_error_get_detail (const GError *error)
{
  DeskApiErrorPrivate *priv;

  if (error == NULL || error->domain != DESK_API_ERROR)
    return NULL;

  priv = desk_api_error_get_private (error);
  return priv != NULL ? priv->detail : NULL;
}
