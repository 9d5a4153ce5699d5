/* desk-out-of-view.h
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void desk_stack_show_child          (GtkStack    *stack,
                                     const char  *name);
void desk_revealer_hide_concealed   (GtkRevealer *revealer);

G_END_DECLS
