/* desk-task-type.c
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "desk-task-type"

#include "config.h"

#include "desk-task-type.h"

/* Where a repair is done, like in-store or mail-in (GET /tasktypes). */

DESK_DEFINE_NAMED_ITEM (DeskTaskType, desk_task_type, DESK_TYPE_TASK_TYPE)
