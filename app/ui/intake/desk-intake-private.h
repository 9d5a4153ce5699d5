/* desk-intake-private.h
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

GListModel *desk_intake_list_with_none (GListModel *list,
                                        GType       item_type,
                                        const char *none_label);

G_END_DECLS
