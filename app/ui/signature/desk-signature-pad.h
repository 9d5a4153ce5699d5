/* desk-signature-pad.h
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "desk-signature.h"

G_BEGIN_DECLS

#define DESK_TYPE_SIGNATURE_PAD (desk_signature_pad_get_type ())

G_DECLARE_FINAL_TYPE (DeskSignaturePad, desk_signature_pad, DESK, SIGNATURE_PAD, GtkWidget)

GtkWidget     *desk_signature_pad_new            (DeskSignature     *signature);
DeskSignature *desk_signature_pad_get_signature  (DeskSignaturePad  *self);
void           desk_signature_pad_set_signature  (DeskSignaturePad  *self,
                                                  DeskSignature     *signature);
gboolean       desk_signature_pad_get_acceptable (DeskSignaturePad  *self);
GtkWidget     *desk_signature_pad_get_canvas     (DeskSignaturePad  *self);

G_END_DECLS
