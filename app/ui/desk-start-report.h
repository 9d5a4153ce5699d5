/* desk-start-report.h
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "desk-window.h"

G_BEGIN_DECLS

void desk_start_report_watch (DeskWindow *window);

G_END_DECLS
