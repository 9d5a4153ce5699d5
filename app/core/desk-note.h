/* desk-note.h
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "desk-record.h"

G_BEGIN_DECLS

#define DESK_TYPE_NOTE (desk_note_get_type ())

G_DECLARE_FINAL_TYPE (DeskNote, desk_note, DESK, NOTE, DeskRecord)

DeskNote   *desk_note_new_from_json  (JsonNode   *node,
                                      GError    **error);
const char *desk_note_get_title      (DeskNote   *self);
const char *desk_note_get_text       (DeskNote   *self);
gint64      desk_note_get_created    (DeskNote   *self);

G_END_DECLS
