/* desk-supply.h
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "desk-named-item.h"

G_BEGIN_DECLS

#define DESK_TYPE_SUPPLY (desk_supply_get_type ())

G_DECLARE_FINAL_TYPE (DeskSupply, desk_supply, DESK, SUPPLY, DeskNamedItem)

DeskSupply *desk_supply_new_from_json (JsonNode  *node,
                                       GError   **error);

G_END_DECLS
