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

/* The largest ink in an exported signature, in pixels: bigger ink (a signature made on a
 * large touch monitor) is scaled down to fit, keeping its shape. */
#define DESK_SIGNATURE_MAX_INK_WIDTH  600
#define DESK_SIGNATURE_MAX_INK_HEIGHT 200

/**
 * DeskSignaturePoint:
 * @x: where, in the units of the pad
 * @y: where, in the units of the pad
 * @pressure: from 0 to 1; 0.5 when the device gave none
 * @time: when, in milliseconds
 *
 * One sample of a stroke.
 */
typedef struct
{
  double x;
  double y;
  double pressure;
  gint64 time;
} DeskSignaturePoint;

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
gboolean       desk_signature_is_acceptable   (DeskSignature       *self,
                                               const char         **reason);
guint          desk_signature_get_n_strokes   (DeskSignature       *self);
const DeskSignaturePoint *
               desk_signature_get_stroke      (DeskSignature       *self,
                                               guint                index,
                                               guint               *n_points);
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
