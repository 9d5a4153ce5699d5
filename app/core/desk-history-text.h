/* desk-history-text.h
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A stretch of bold text, in bytes of the parsed text. */
typedef struct
{
  guint start;
  guint end;
} DeskTextRange;

char *desk_history_text_parse (const char  *markup,
                               GArray     **bold);

G_END_DECLS
