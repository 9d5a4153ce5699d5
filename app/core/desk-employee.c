/* desk-employee.c
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "desk-employee"

#include "config.h"

#include "desk-employee.h"

/* A member of staff (GET /employees). The access PIN the server sends is never read. */

DESK_DEFINE_NAMED_ITEM (DeskEmployee, desk_employee, DESK_TYPE_EMPLOYEE)
