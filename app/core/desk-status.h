/* desk-status.h
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "desk-named-item.h"

G_BEGIN_DECLS

#define DESK_TYPE_STATUS (desk_status_get_type ())

G_DECLARE_FINAL_TYPE (DeskStatus, desk_status, DESK, STATUS, DeskNamedItem)

DeskStatus *desk_status_new_from_json (JsonNode    *node,
                                       GError     **error);
const char *desk_status_get_color     (DeskStatus  *self);
const char *desk_status_get_kind      (DeskStatus  *self);

G_END_DECLS
