/* desk-supply.c
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "desk-supply"

#include "config.h"

#include "desk-supply.h"

/* An accessory a customer can hand in with a device, like a charger (GET /supplies). */

DESK_DEFINE_NAMED_ITEM (DeskSupply, desk_supply, DESK_TYPE_SUPPLY)
