/* desk-spinner.h
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define DESK_TYPE_SPINNER (desk_spinner_get_type ())

G_DECLARE_FINAL_TYPE (DeskSpinner, desk_spinner, DESK, SPINNER, GtkWidget)

GtkWidget *desk_spinner_new           (void);
gboolean   desk_spinner_get_spinning  (DeskSpinner *self);
void       desk_spinner_set_spinning  (DeskSpinner *self,
                                       gboolean     spinning);
gboolean   desk_spinner_is_animating  (DeskSpinner *self);

G_END_DECLS
