/* desk-device.c
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "desk-device"

#include "config.h"

#include "desk-device.h"

/* A device model that can be repaired (GET /devices). */

DESK_DEFINE_NAMED_ITEM (DeskDevice, desk_device, DESK_TYPE_DEVICE)
