/* desk-intake-draft.h
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "desk-signature.h"

G_BEGIN_DECLS

#define DESK_TYPE_INTAKE_DRAFT (desk_intake_draft_get_type ())

G_DECLARE_FINAL_TYPE (DeskIntakeDraft, desk_intake_draft, DESK, INTAKE_DRAFT, GObject)

DeskIntakeDraft  *desk_intake_draft_new              (void);
DeskIntakeDraft  *desk_intake_draft_copy             (DeskIntakeDraft  *self);
const char       *desk_intake_draft_get_id           (DeskIntakeDraft  *self);
gint64            desk_intake_draft_get_created      (DeskIntakeDraft  *self);
gint64            desk_intake_draft_get_updated      (DeskIntakeDraft  *self);
const char       *desk_intake_draft_get_field        (DeskIntakeDraft  *self,
                                                      const char       *key);
void              desk_intake_draft_set_field        (DeskIntakeDraft  *self,
                                                      const char       *key,
                                                      const char       *value);
GStrv             desk_intake_draft_dup_keys         (DeskIntakeDraft  *self);
const char       *desk_intake_draft_get_terms        (DeskIntakeDraft  *self);
void              desk_intake_draft_set_terms        (DeskIntakeDraft  *self,
                                                      const char       *terms);
void              desk_intake_draft_set_strokes      (DeskIntakeDraft  *self,
                                                      DeskSignature    *signature);
void              desk_intake_draft_restore_strokes  (DeskIntakeDraft  *self,
                                                      DeskSignature    *signature);
guint             desk_intake_draft_get_n_strokes    (DeskIntakeDraft  *self);
gboolean          desk_intake_draft_equal            (DeskIntakeDraft  *a,
                                                      DeskIntakeDraft  *b);

G_END_DECLS
