/* desk-intake-private.h
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

GListModel *desk_intake_list_with_none (GListModel *list,
                                        GType       item_type,
                                        const char *none_label);

void        desk_intake_move_on        (GtkWidget  *field);

G_END_DECLS
