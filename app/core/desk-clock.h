/* desk-clock.h
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define DESK_TYPE_CLOCK (desk_clock_get_type ())

G_DECLARE_FINAL_TYPE (DeskClock, desk_clock, DESK, CLOCK, GObject)

DeskClock *desk_clock_new_system  (void);
DeskClock *desk_clock_new_manual  (gint64     start_usec);
gboolean   desk_clock_is_manual   (DeskClock *self);
gint64     desk_clock_get_time    (DeskClock *self);
void       desk_clock_advance     (DeskClock *self,
                                   gint64     usec);

G_END_DECLS
