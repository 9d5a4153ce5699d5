/* desk-core.h
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

/* The umbrella header of desk-core: screens include this and nothing else from core. */

#include "desk-api-error.h"
#include "desk-clock.h"
#include "desk-money.h"

/* Data objects and their JSON mapping. */

/* The client. */
#include "desk-api-client.h"
#include "desk-rate-governor.h"
