/* desk-device-location.c
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "desk-device-location"

#include "config.h"

#include "desk-device-location.h"

/* A place in the shop where a device waits (GET /devicelocations). */

DESK_DEFINE_NAMED_ITEM (DeskDeviceLocation, desk_device_location, DESK_TYPE_DEVICE_LOCATION)
