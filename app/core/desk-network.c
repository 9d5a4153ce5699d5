/* desk-network.c
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "desk-network"

#include "config.h"

#include "desk-network.h"

/* A mobile network a device is locked to (GET /networks). */

DESK_DEFINE_NAMED_ITEM (DeskNetwork, desk_network, DESK_TYPE_NETWORK)
