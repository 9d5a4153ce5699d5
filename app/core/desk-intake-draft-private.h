/* desk-intake-draft-private.h
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "desk-intake-draft.h"

G_BEGIN_DECLS

/* What the draft store reads and writes: the fields and strokes as JSON text. */
char             *desk_intake_draft_fields_to_json   (DeskIntakeDraft  *self);
char             *desk_intake_draft_strokes_to_json  (DeskIntakeDraft  *self);
DeskIntakeDraft  *desk_intake_draft_new_from_row     (const char       *id,
                                                      gint64            created,
                                                      gint64            updated,
                                                      const char       *fields,
                                                      const char       *strokes,
                                                      const char       *terms,
                                                      GError          **error);

G_END_DECLS
