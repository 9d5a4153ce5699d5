/* desk-part-line.h
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "desk-record.h"

G_BEGIN_DECLS

#define DESK_TYPE_PART_LINE (desk_part_line_get_type ())

G_DECLARE_FINAL_TYPE (DeskPartLine, desk_part_line, DESK, PART_LINE, DeskRecord)

DeskPartLine *desk_part_line_new             (void);
DeskPartLine *desk_part_line_new_from_json   (JsonNode      *node,
                                              GError       **error);
gint64        desk_part_line_get_product_id  (DeskPartLine  *self);
const char   *desk_part_line_get_name        (DeskPartLine  *self);
gint64        desk_part_line_get_quantity    (DeskPartLine  *self);
gint64        desk_part_line_get_price       (DeskPartLine  *self);

G_END_DECLS
