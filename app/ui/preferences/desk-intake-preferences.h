/* desk-intake-preferences.h
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define DESK_TYPE_INTAKE_PREFERENCES (desk_intake_preferences_get_type ())

G_DECLARE_FINAL_TYPE (DeskIntakePreferences, desk_intake_preferences, DESK, INTAKE_PREFERENCES,
                      AdwPreferencesPage)

GtkWidget *desk_intake_preferences_new (GSettings *settings);

G_END_DECLS
