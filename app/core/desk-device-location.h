/* desk-device-location.h
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "desk-named-item.h"

G_BEGIN_DECLS

#define DESK_TYPE_DEVICE_LOCATION (desk_device_location_get_type ())

G_DECLARE_FINAL_TYPE (DeskDeviceLocation, desk_device_location, DESK, DEVICE_LOCATION, DeskNamedItem)

DeskDeviceLocation *desk_device_location_new_from_json (JsonNode  *node,
                                                        GError   **error);

G_END_DECLS
