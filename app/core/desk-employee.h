/* desk-employee.h
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "desk-named-item.h"

G_BEGIN_DECLS

#define DESK_TYPE_EMPLOYEE (desk_employee_get_type ())

G_DECLARE_FINAL_TYPE (DeskEmployee, desk_employee, DESK, EMPLOYEE, DeskNamedItem)

DeskEmployee *desk_employee_new_from_json (JsonNode  *node,
                                           GError   **error);

G_END_DECLS
