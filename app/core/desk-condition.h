/* desk-condition.h
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "desk-record.h"

G_BEGIN_DECLS

#define DESK_TYPE_CONDITION (desk_condition_get_type ())

G_DECLARE_FINAL_TYPE (DeskCondition, desk_condition, DESK, CONDITION, DeskRecord)

DeskCondition *desk_condition_new            (const char     *name,
                                              gboolean        result);
DeskCondition *desk_condition_new_from_json  (JsonNode       *node,
                                              GError        **error);
const char    *desk_condition_get_name       (DeskCondition  *self);
gboolean       desk_condition_get_result     (DeskCondition  *self);
void           desk_condition_set_result     (DeskCondition  *self,
                                              gboolean        result);

G_END_DECLS
