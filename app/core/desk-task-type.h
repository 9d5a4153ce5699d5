/* desk-task-type.h
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "desk-named-item.h"

G_BEGIN_DECLS

#define DESK_TYPE_TASK_TYPE (desk_task_type_get_type ())

G_DECLARE_FINAL_TYPE (DeskTaskType, desk_task_type, DESK, TASK_TYPE, DeskNamedItem)

DeskTaskType *desk_task_type_new_from_json (JsonNode  *node,
                                            GError   **error);

G_END_DECLS
