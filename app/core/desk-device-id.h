/* desk-device-id.h
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define DESK_DEVICE_ID_ERROR (desk_device_id_error_quark ())

/**
 * DeskDeviceIdError:
 * @DESK_DEVICE_ID_ERROR_MISSING: neither an IMEI nor a serial number was given
 * @DESK_DEVICE_ID_ERROR_NOT_DIGITS: an IMEI holds something other than digits
 * @DESK_DEVICE_ID_ERROR_TOO_SHORT: an IMEI has fewer than 15 digits
 * @DESK_DEVICE_ID_ERROR_TOO_LONG: an IMEI has more than 15 digits
 * @DESK_DEVICE_ID_ERROR_CHECK_DIGIT: the last digit of an IMEI does not match the others
 * @DESK_DEVICE_ID_ERROR_SERIAL: a serial number holds characters no serial has
 */
typedef enum
{
  DESK_DEVICE_ID_ERROR_MISSING,
  DESK_DEVICE_ID_ERROR_NOT_DIGITS,
  DESK_DEVICE_ID_ERROR_TOO_SHORT,
  DESK_DEVICE_ID_ERROR_TOO_LONG,
  DESK_DEVICE_ID_ERROR_CHECK_DIGIT,
  DESK_DEVICE_ID_ERROR_SERIAL,
} DeskDeviceIdError;

/* The digits of an IMEI: 14 identify the device, the 15th checks them. */
#define DESK_IMEI_LENGTH 15

GQuark    desk_device_id_error_quark (void);
gboolean  desk_imei_check            (const char  *text,
                                      char       **imei,
                                      GError     **error);
gboolean  desk_serial_check          (const char  *text,
                                      char       **serial,
                                      GError     **error);
gboolean  desk_device_id_check       (const char  *imei,
                                      const char  *serial,
                                      GError     **error);

G_END_DECLS
