/* desk-history-entry.h
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "desk-record.h"

G_BEGIN_DECLS

#define DESK_TYPE_HISTORY_ENTRY (desk_history_entry_get_type ())

G_DECLARE_FINAL_TYPE (DeskHistoryEntry, desk_history_entry, DESK, HISTORY_ENTRY, DeskRecord)

DeskHistoryEntry *desk_history_entry_new_from_json    (JsonNode          *node,
                                                       GError           **error);
const char       *desk_history_entry_get_description  (DeskHistoryEntry  *self);
gint64            desk_history_entry_get_created      (DeskHistoryEntry  *self);

G_END_DECLS
