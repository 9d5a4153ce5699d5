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
 *
 * Errors from the RepairDesk API. Each message is written for a person at a shop
 * counter; the server's own text is kept separately as detail.
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
} DeskApiError;

GQuark      desk_api_error_quark          (void);
const char *desk_api_error_describe       (DeskApiError  code);
GError     *desk_api_error_new            (DeskApiError  code,
                                           const char   *detail);
const char *desk_api_error_get_detail     (const GError *error);

G_END_DECLS
