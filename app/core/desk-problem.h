/* desk-problem.h
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "desk-named-item.h"
#include "desk-tax-class.h"

G_BEGIN_DECLS

#define DESK_TYPE_PROBLEM (desk_problem_get_type ())

G_DECLARE_FINAL_TYPE (DeskProblem, desk_problem, DESK, PROBLEM, DeskNamedItem)

DeskProblem  *desk_problem_new_from_json  (JsonNode     *node,
                                           GError      **error);
gint64        desk_problem_get_device_id  (DeskProblem  *self);
gint64        desk_problem_get_price      (DeskProblem  *self);
DeskTaxClass *desk_problem_get_tax_class  (DeskProblem  *self);

G_END_DECLS
