/* desk-part.h
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "desk-named-item.h"
#include "desk-tax-class.h"

G_BEGIN_DECLS

#define DESK_TYPE_PART (desk_part_get_type ())

G_DECLARE_FINAL_TYPE (DeskPart, desk_part, DESK, PART, DeskNamedItem)

DeskPart     *desk_part_new_from_json  (JsonNode  *node,
                                        GError   **error);
const char   *desk_part_get_sku        (DeskPart  *self);
gint64        desk_part_get_price      (DeskPart  *self);
gint64        desk_part_get_in_stock   (DeskPart  *self);
DeskTaxClass *desk_part_get_tax_class  (DeskPart  *self);

G_END_DECLS
