/* desk-pattern-lock.h
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The fewest dots Android accepts in a pattern. */
#define DESK_PATTERN_LOCK_MIN_DOTS 4

/**
 * DeskPatternLock:
 * @dots: the dots in the order they were drawn, numbered 1 to 9 row by row
 * @n_dots: how many of @dots are used
 *
 * An Android pattern lock on the 3×3 grid, written the way a shop reads it: "1-5-9-6".
 */
typedef struct
{
  guint8 dots[9];
  guint  n_dots;
} DeskPatternLock;

void      desk_pattern_lock_init     (DeskPatternLock        *self);
gboolean  desk_pattern_lock_add_dot  (DeskPatternLock        *self,
                                      guint                   dot);
gboolean  desk_pattern_lock_validate (const DeskPatternLock  *self,
                                      GError                **error);
char     *desk_pattern_lock_format   (const DeskPatternLock  *self);
gboolean  desk_pattern_lock_parse    (const char             *text,
                                      DeskPatternLock        *self,
                                      GError                **error);

G_END_DECLS
