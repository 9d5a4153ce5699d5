/* desk-inventory-item.h
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "desk-named-item.h"
#include "desk-tax-class.h"

G_BEGIN_DECLS

#define DESK_TYPE_INVENTORY_ITEM (desk_inventory_item_get_type ())

G_DECLARE_FINAL_TYPE (DeskInventoryItem, desk_inventory_item, DESK, INVENTORY_ITEM, DeskNamedItem)

DeskInventoryItem *desk_inventory_item_new_from_json  (JsonNode           *node,
                                                       GError            **error);
const char        *desk_inventory_item_get_sku        (DeskInventoryItem  *self);
gint64             desk_inventory_item_get_price      (DeskInventoryItem  *self);
gint64             desk_inventory_item_get_in_stock   (DeskInventoryItem  *self);
DeskTaxClass      *desk_inventory_item_get_tax_class  (DeskInventoryItem  *self);

G_END_DECLS
