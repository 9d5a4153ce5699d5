/* desk-window.h
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "desk-application.h"
#include "desk-context.h"
#include "desk-page.h"

G_BEGIN_DECLS

#define DESK_TYPE_WINDOW (desk_window_get_type ())

G_DECLARE_FINAL_TYPE (DeskWindow, desk_window, DESK, WINDOW, AdwApplicationWindow)

DeskWindow  *desk_window_new          (DeskApplication *application,
                                       DeskContext     *context);
DeskContext *desk_window_get_context  (DeskWindow      *self);
void         desk_window_add_toast    (DeskWindow      *self,
                                       AdwToast        *toast);
gboolean     desk_window_show_section (DeskWindow      *self,
                                       const char      *name);
void         desk_window_search       (DeskWindow      *self);
DeskPage    *desk_window_get_page     (DeskWindow      *self,
                                       const char      *name);

G_END_DECLS
