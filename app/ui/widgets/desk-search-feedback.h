/* desk-search-feedback.h
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

GtkLabel *desk_search_feedback_add (GtkSearchEntry *entry,
                                    const char     *name);

G_END_DECLS
