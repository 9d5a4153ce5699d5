/* desk-repair-item.h
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "desk-named-item.h"

G_BEGIN_DECLS

#define DESK_TYPE_REPAIR_ITEM (desk_repair_item_get_type ())

G_DECLARE_FINAL_TYPE (DeskRepairItem, desk_repair_item, DESK, REPAIR_ITEM, DeskNamedItem)

DeskRepairItem *desk_repair_item_new            (gint64       id,
                                                 const char  *name);
DeskRepairItem *desk_repair_item_new_from_json  (JsonNode    *node,
                                                 GError     **error);

G_END_DECLS
