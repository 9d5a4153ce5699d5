/* desk-signature-canvas.c
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "desk-signature-canvas"

#include "config.h"

#include <glib/gi18n.h>

#include "desk-signature-canvas.h"

/* The surface the customer signs on: a framed paper with a baseline and a "Sign here"
 * hint while it is empty. Ink follows a finger or the mouse through a GtkGestureDrag and a
 * pen through a GtkGestureStylus, which also gives its pressure; the points go into the
 * DeskSignature in the canvas's own pixels, and the ink is drawn by
 * desk_signature_draw() through cairo, the same code that draws the exported PNG. */

struct _DeskSignatureCanvas
{
  GtkWidget      parent_instance;

  /* owned */
  DeskSignature *signature;

  /* state */
  double         start_x;
  double         start_y;
  gboolean       drawing;
};

enum {
  PROP_0,
  PROP_SIGNATURE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (DeskSignatureCanvas, desk_signature_canvas, GTK_TYPE_WIDGET)

/* Where the baseline runs, as a share of the height. */
#define BASELINE 0.72

static guint32
event_time (GtkEventController *controller)
{
  return gtk_event_controller_get_current_event_time (controller);
}

/* Pens are the stylus gesture's: the drag leaves them alone so that a pen stroke is not
 * drawn twice. */
static gboolean
is_pen (GtkGesture *gesture)
{
  GdkEvent *event = gtk_event_controller_get_current_event (GTK_EVENT_CONTROLLER (gesture));
  GdkDeviceTool *tool = event != NULL ? gdk_event_get_device_tool (event) : NULL;

  return tool != NULL && gdk_device_tool_get_tool_type (tool) != GDK_DEVICE_TOOL_TYPE_UNKNOWN &&
         gdk_device_tool_get_tool_type (tool) != GDK_DEVICE_TOOL_TYPE_MOUSE;
}

/* A touch screen may report pressure too; a mouse never does. Some motion events carry no
 * axes at all (GTK 4.8 makes its own when a window appears under the pointer), and
 * gdk_event_get_axis() would read them through NULL. */
static double
event_pressure (GtkGesture *gesture)
{
  GdkEvent *event = gtk_event_controller_get_current_event (GTK_EVENT_CONTROLLER (gesture));
  double *axes = NULL;
  guint n_axes = 0;
  double pressure = 0;

  if (event == NULL || !gdk_event_get_axes (event, &axes, &n_axes) || axes == NULL ||
      !gdk_event_get_axis (event, GDK_AXIS_PRESSURE, &pressure))
    return 0;

  return pressure;
}

static void
drag_begin_cb (GtkGestureDrag      *gesture,
               double               x,
               double               y,
               DeskSignatureCanvas *self)
{
  if (is_pen (GTK_GESTURE (gesture)) || self->signature == NULL)
    {
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_DENIED);
      return;
    }

  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  self->start_x = x;
  self->start_y = y;
  self->drawing = TRUE;
  desk_signature_begin_stroke (self->signature, x, y, event_pressure (GTK_GESTURE (gesture)),
                               event_time (GTK_EVENT_CONTROLLER (gesture)));
}

static void
drag_update_cb (GtkGestureDrag      *gesture,
                double               offset_x,
                double               offset_y,
                DeskSignatureCanvas *self)
{
  if (!self->drawing)
    return;

  desk_signature_add_point (self->signature, self->start_x + offset_x, self->start_y + offset_y,
                            event_pressure (GTK_GESTURE (gesture)),
                            event_time (GTK_EVENT_CONTROLLER (gesture)));
}

static void
drag_end_cb (GtkGestureDrag      *gesture,
             double               offset_x,
             double               offset_y,
             DeskSignatureCanvas *self)
{
  if (!self->drawing)
    return;

  self->drawing = FALSE;
  desk_signature_end_stroke (self->signature);
}

static double
stylus_pressure (GtkGestureStylus *gesture)
{
  double pressure = 0;

  if (!gtk_gesture_stylus_get_axis (gesture, GDK_AXIS_PRESSURE, &pressure))
    return 0;

  /* A pen touching the screen never gives 0: that means "no pressure" to the signature. */
  return MAX (pressure, 0.01);
}

static void
stylus_down_cb (GtkGestureStylus    *gesture,
                double               x,
                double               y,
                DeskSignatureCanvas *self)
{
  if (self->signature == NULL)
    return;

  desk_signature_begin_stroke (self->signature, x, y, stylus_pressure (gesture),
                               event_time (GTK_EVENT_CONTROLLER (gesture)));
}

static void
stylus_motion_cb (GtkGestureStylus    *gesture,
                  double               x,
                  double               y,
                  DeskSignatureCanvas *self)
{
  if (self->signature == NULL)
    return;

  desk_signature_add_point (self->signature, x, y, stylus_pressure (gesture),
                            event_time (GTK_EVENT_CONTROLLER (gesture)));
}

static void
stylus_up_cb (GtkGestureStylus    *gesture,
              double               x,
              double               y,
              DeskSignatureCanvas *self)
{
  if (self->signature != NULL)
    desk_signature_end_stroke (self->signature);
}

static void
signature_changed_cb (DeskSignatureCanvas *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
snapshot_hint (DeskSignatureCanvas *self,
               GtkSnapshot         *snapshot,
               const GdkRGBA       *color,
               int                  width,
               double               baseline)
{
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (GTK_WIDGET (self),
                                                                 _("Sign here"));
  GdkRGBA dim = *color;
  int text_width, text_height;

  dim.alpha *= 0.45;
  pango_layout_get_pixel_size (layout, &text_width, &text_height);
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot,
                          &GRAPHENE_POINT_INIT ((width - text_width) / 2.0,
                                                baseline - text_height - 8));
  gtk_snapshot_append_layout (snapshot, layout, &dim);
  gtk_snapshot_restore (snapshot);
}

static void
desk_signature_canvas_snapshot (GtkWidget   *widget,
                                GtkSnapshot *snapshot)
{
  DeskSignatureCanvas *self = DESK_SIGNATURE_CANVAS (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  double baseline = floor (height * BASELINE);
  double inset = MIN (32.0, width * 0.06);
  GdkRGBA color, line;
  cairo_t *cr;

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &color);
  G_GNUC_END_IGNORE_DEPRECATIONS

  line = color;
  line.alpha *= 0.3;
  gtk_snapshot_append_color (snapshot, &line,
                             &GRAPHENE_RECT_INIT (inset, baseline, width - 2 * inset, 1));

  if (self->signature == NULL || desk_signature_is_empty (self->signature))
    {
      snapshot_hint (self, snapshot, &color, width, baseline);
      return;
    }

  /* The pieces of a stroke overlap at their round ends: drawn opaque and then faded as
   * one, a translucent theme colour shows no darker beads where they meet. */
  gtk_snapshot_push_opacity (snapshot, color.alpha);
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  cairo_set_source_rgb (cr, color.red, color.green, color.blue);
  desk_signature_draw (self->signature, cr, 1.0);
  cairo_destroy (cr);
  gtk_snapshot_pop (snapshot);
}

static void
desk_signature_canvas_dispose (GObject *object)
{
  DeskSignatureCanvas *self = DESK_SIGNATURE_CANVAS (object);

  desk_signature_canvas_set_signature (self, NULL);

  G_OBJECT_CLASS (desk_signature_canvas_parent_class)->dispose (object);
}

static void
desk_signature_canvas_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  DeskSignatureCanvas *self = DESK_SIGNATURE_CANVAS (object);

  switch (prop_id)
    {
    case PROP_SIGNATURE:
      g_value_set_object (value, self->signature);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
desk_signature_canvas_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  DeskSignatureCanvas *self = DESK_SIGNATURE_CANVAS (object);

  switch (prop_id)
    {
    case PROP_SIGNATURE:
      desk_signature_canvas_set_signature (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
desk_signature_canvas_class_init (DeskSignatureCanvasClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = desk_signature_canvas_dispose;
  object_class->get_property = desk_signature_canvas_get_property;
  object_class->set_property = desk_signature_canvas_set_property;

  widget_class->snapshot = desk_signature_canvas_snapshot;

  properties[PROP_SIGNATURE] =
    g_param_spec_object ("signature", NULL, NULL, DESK_TYPE_SIGNATURE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "signature-canvas");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
desk_signature_canvas_init (DeskSignatureCanvas *self)
{
  GtkGesture *drag = gtk_gesture_drag_new ();
  GtkGesture *stylus = gtk_gesture_stylus_new ();

  gtk_widget_add_css_class (GTK_WIDGET (self), "view");
  gtk_widget_add_css_class (GTK_WIDGET (self), "frame");
  gtk_widget_set_size_request (GTK_WIDGET (self), 240, 120);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);

  g_signal_connect (drag, "drag-begin", G_CALLBACK (drag_begin_cb), self);
  g_signal_connect (drag, "drag-update", G_CALLBACK (drag_update_cb), self);
  g_signal_connect (drag, "drag-end", G_CALLBACK (drag_end_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drag));

  g_signal_connect (stylus, "down", G_CALLBACK (stylus_down_cb), self);
  g_signal_connect (stylus, "motion", G_CALLBACK (stylus_motion_cb), self);
  g_signal_connect (stylus, "up", G_CALLBACK (stylus_up_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (stylus));

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Signature"),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  _("Sign with a finger, a pen or the mouse"),
                                  -1);
}

/**
 * desk_signature_canvas_new:
 * @signature: (nullable): where the strokes go
 *
 * Returns: (transfer floating): a new #DeskSignatureCanvas
 */
GtkWidget *
desk_signature_canvas_new (DeskSignature *signature)
{
  return g_object_new (DESK_TYPE_SIGNATURE_CANVAS, "signature", signature, NULL);
}

DeskSignature *
desk_signature_canvas_get_signature (DeskSignatureCanvas *self)
{
  g_return_val_if_fail (DESK_IS_SIGNATURE_CANVAS (self), NULL);

  return self->signature;
}

void
desk_signature_canvas_set_signature (DeskSignatureCanvas *self,
                                     DeskSignature       *signature)
{
  g_return_if_fail (DESK_IS_SIGNATURE_CANVAS (self));
  g_return_if_fail (signature == NULL || DESK_IS_SIGNATURE (signature));

  if (self->signature == signature)
    return;

  if (self->signature != NULL)
    g_signal_handlers_disconnect_by_func (self->signature, signature_changed_cb, self);
  g_set_object (&self->signature, signature);
  if (signature != NULL)
    g_signal_connect_swapped (signature, "changed", G_CALLBACK (signature_changed_cb), self);
  self->drawing = FALSE;

  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SIGNATURE]);
}
