/* desk-window.h
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "desk-application.h"

G_BEGIN_DECLS

#define DESK_TYPE_WINDOW (desk_window_get_type ())

G_DECLARE_FINAL_TYPE (DeskWindow, desk_window, DESK, WINDOW, AdwApplicationWindow)

DeskWindow *desk_window_new (DeskApplication *application);

G_END_DECLS
