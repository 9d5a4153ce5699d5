/* desk-signature-canvas.h
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "desk-signature.h"

G_BEGIN_DECLS

#define DESK_TYPE_SIGNATURE_CANVAS (desk_signature_canvas_get_type ())

G_DECLARE_FINAL_TYPE (DeskSignatureCanvas, desk_signature_canvas, DESK, SIGNATURE_CANVAS, GtkWidget)

GtkWidget     *desk_signature_canvas_new           (DeskSignature        *signature);
DeskSignature *desk_signature_canvas_get_signature (DeskSignatureCanvas  *self);
void           desk_signature_canvas_set_signature (DeskSignatureCanvas  *self,
                                                    DeskSignature        *signature);

G_END_DECLS
