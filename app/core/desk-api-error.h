/* desk-api-error.h
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define DESK_API_ERROR (desk_api_error_quark ())

/**
 * DeskApiError:
 * @DESK_API_ERROR_NETWORK: the server could not be reached
 * @DESK_API_ERROR_TIMEOUT: the server did not answer in time
 * @DESK_API_ERROR_UNAUTHORIZED: the API key was refused
 * @DESK_API_ERROR_NOT_FOUND: the record or route does not exist
 * @DESK_API_ERROR_RATE_LIMITED: too many requests for the key
 * @DESK_API_ERROR_VALIDATION: the server refused the data sent
 * @DESK_API_ERROR_SERVER: the server failed
 * @DESK_API_ERROR_PROTOCOL: the reply could not be read or was not what was expected
 * @DESK_API_ERROR_OUTCOME_UNKNOWN: a write may or may not have been applied
 * @DESK_API_ERROR_INSECURE_URL: the server address is not https:// (nor loopback) or not
 *   an address at all
 * @DESK_API_ERROR_REDIRECTED: the server answered with a redirect; Front Desk follows none,
 *   so the key never travels to another address (the detail names the target)
 * @DESK_API_ERROR_UNTRUSTED: the server's TLS certificate could not be verified; never
 *   retried
 * @DESK_API_ERROR_STOPPED: the user stopped waiting for the server
 *
 * Errors from the RepairDesk API. Each message is written for a person at a shop
 * counter; the server's own text is kept separately as detail.
 *
 * What a failed write means. A write (POST, PUT, and the GET that converts a ticket) is
 * sent by Front Desk alone, once: libsoup never sends it again (it goes out on a fresh
 * connection, so a dropped kept-alive connection cannot make libsoup restart it) and no
 * redirect is followed. Front Desk sends it again only when it certainly never left
 * (the name did not resolve, the connection was refused). Every other failure after it
 * left is %DESK_API_ERROR_OUTCOME_UNKNOWN: a dropped connection, a timeout, an HTTP 408,
 * 500, 502, 503 or 504 (the server or a gateway may have applied it before failing), a
 * reply that cannot be read, and a reply that says `success` but names no record.
 * The caller then checks the record before sending anything again. A refusal the server
 * explains (4xx, or `success: false` in the envelope) is a plain failure: nothing was
 * changed.
 */
typedef enum
{
  DESK_API_ERROR_NETWORK,
  DESK_API_ERROR_TIMEOUT,
  DESK_API_ERROR_UNAUTHORIZED,
  DESK_API_ERROR_NOT_FOUND,
  DESK_API_ERROR_RATE_LIMITED,
  DESK_API_ERROR_VALIDATION,
  DESK_API_ERROR_SERVER,
  DESK_API_ERROR_PROTOCOL,
  DESK_API_ERROR_OUTCOME_UNKNOWN,
  DESK_API_ERROR_INSECURE_URL,
  DESK_API_ERROR_REDIRECTED,
  DESK_API_ERROR_UNTRUSTED,
  DESK_API_ERROR_STOPPED,
} DeskApiError;

GQuark      desk_api_error_quark          (void);
const char *desk_api_error_describe       (DeskApiError  code);
GError     *desk_api_error_new            (DeskApiError  code,
                                           const char   *detail);
const char *desk_api_error_get_detail     (const GError *error);

G_END_DECLS
