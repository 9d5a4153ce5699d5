/* desk-inventory-index.h
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "desk-inventory-item.h"

G_BEGIN_DECLS

typedef struct _DeskInventoryIndex DeskInventoryIndex;

DeskInventoryIndex *desk_inventory_index_new         (GPtrArray           *items);
void                desk_inventory_index_free        (DeskInventoryIndex  *self);
guint               desk_inventory_index_get_n_items (DeskInventoryIndex  *self);
guint               desk_inventory_index_search      (DeskInventoryIndex  *self,
                                                      const char          *text,
                                                      guint                max_matches,
                                                      GPtrArray           *matches);
DeskInventoryItem  *desk_inventory_index_find_sku    (DeskInventoryIndex  *self,
                                                      const char          *sku);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DeskInventoryIndex, desk_inventory_index_free)

G_END_DECLS
