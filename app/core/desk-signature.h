/* desk-signature.h
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <gio/gio.h>

G_BEGIN_DECLS

/* The blank border around the ink in an exported signature, in pixels. */
#define DESK_SIGNATURE_MARGIN 16

#define DESK_TYPE_SIGNATURE (desk_signature_get_type ())

G_DECLARE_FINAL_TYPE (DeskSignature, desk_signature, DESK, SIGNATURE, GObject)

DeskSignature *desk_signature_new             (void);
void           desk_signature_begin_stroke    (DeskSignature       *self,
                                               double               x,
                                               double               y,
                                               double               pressure,
                                               gint64               time);
void           desk_signature_add_point       (DeskSignature       *self,
                                               double               x,
                                               double               y,
                                               double               pressure,
                                               gint64               time);
void           desk_signature_end_stroke      (DeskSignature       *self);
void           desk_signature_undo            (DeskSignature       *self);
void           desk_signature_clear           (DeskSignature       *self);
gboolean       desk_signature_is_empty        (DeskSignature       *self);
guint          desk_signature_get_n_strokes   (DeskSignature       *self);
double         desk_signature_get_line_width  (DeskSignature       *self);
void           desk_signature_set_line_width  (DeskSignature       *self,
                                               double               line_width);
gboolean       desk_signature_get_ink_bounds  (DeskSignature       *self,
                                               cairo_rectangle_t   *bounds);
void           desk_signature_draw            (DeskSignature       *self,
                                               cairo_t             *cr,
                                               double               scale);
GBytes        *desk_signature_to_png          (DeskSignature       *self,
                                               GError             **error);
char          *desk_signature_to_base64       (DeskSignature       *self,
                                               GError             **error);

G_END_DECLS
