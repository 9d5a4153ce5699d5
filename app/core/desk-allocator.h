/* desk-allocator.h
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

void desk_tune_allocator (void);

G_END_DECLS
