/* desk-status-icon.h
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

void desk_status_icon_defer (AdwStatusPage *page);

G_END_DECLS
