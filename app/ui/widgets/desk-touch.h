/* desk-touch.h
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

/* The smallest a control that a finger presses may be, in pixels, each way: the counter's
 * screen is a touch screen too. */
#define DESK_TOUCH_TARGET 44
