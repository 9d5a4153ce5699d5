/* desk-device.h
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "desk-named-item.h"

G_BEGIN_DECLS

#define DESK_TYPE_DEVICE (desk_device_get_type ())

G_DECLARE_FINAL_TYPE (DeskDevice, desk_device, DESK, DEVICE, DeskNamedItem)

DeskDevice *desk_device_new_from_json (JsonNode  *node,
                                       GError   **error);

G_END_DECLS
