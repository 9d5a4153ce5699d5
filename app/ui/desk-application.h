/* desk-application.h
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "desk-context.h"

G_BEGIN_DECLS

#define DESK_TYPE_APPLICATION (desk_application_get_type ())

G_DECLARE_FINAL_TYPE (DeskApplication, desk_application, DESK, APPLICATION, AdwApplication)

void             desk_application_start_on_empty_theme (void);
DeskApplication *desk_application_new         (void);
DeskContext     *desk_application_get_context (DeskApplication *self);

G_END_DECLS
