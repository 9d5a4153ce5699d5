/* desk-pattern-grid.h
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define DESK_TYPE_PATTERN_GRID (desk_pattern_grid_get_type ())

G_DECLARE_FINAL_TYPE (DeskPatternGrid, desk_pattern_grid, DESK, PATTERN_GRID, GtkWidget)

GtkWidget  *desk_pattern_grid_new         (void);
char       *desk_pattern_grid_dup_pattern (DeskPatternGrid *self);
gboolean    desk_pattern_grid_set_pattern (DeskPatternGrid *self,
                                           const char      *pattern);
gboolean    desk_pattern_grid_add_dot     (DeskPatternGrid *self,
                                           guint            dot);
void        desk_pattern_grid_clear       (DeskPatternGrid *self);
gboolean    desk_pattern_grid_get_empty   (DeskPatternGrid *self);

G_END_DECLS
