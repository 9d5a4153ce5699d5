/* desk-signature.c
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "desk-signature"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "desk-signature.h"

/* The customer's signature on a ticket: the strokes as they were drawn, so that the pad
 * on screen and the PNG sent to RepairDesk are drawn by the same code, at any scale. */

struct _DeskSignature
{
  GObject parent_instance;

  GPtrArray *strokes;       /* owned, of GArray of DeskSignaturePoint */
  GArray    *current;       /* the stroke being drawn, also the last of strokes */
  double     line_width;
  gboolean   acceptable;
};

/* What makes a signature, in pen widths: ink at least this long in all, spread at least
 * this far across or down. A dot, a few taps or a tick stay below it; any name does not. */
#define MIN_LENGTH 12.0
#define MIN_EXTENT 6.0

G_DEFINE_FINAL_TYPE (DeskSignature, desk_signature, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ACCEPTABLE,
  PROP_EMPTY,
  PROP_LINE_WIDTH,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* Mice and touch screens give no pressure; they draw at the middle width. */
static double
width_at (DeskSignature            *self,
          const DeskSignaturePoint *a,
          const DeskSignaturePoint *b)
{
  double pressure = (a->pressure + b->pressure) / 2.0;

  return self->line_width * (0.5 + CLAMP (pressure, 0.0, 1.0));
}

/* Ink grows only while strokes are added, so this runs over the points only until the
 * signature is acceptable, and again after an undo or a change of pen. */
static gboolean
measure_acceptable (DeskSignature *self)
{
  double length = 0;
  double x1 = G_MAXDOUBLE, y1 = G_MAXDOUBLE, x2 = -G_MAXDOUBLE, y2 = -G_MAXDOUBLE;

  for (guint i = 0; i < self->strokes->len; i++)
    {
      GArray *stroke = g_ptr_array_index (self->strokes, i);

      for (guint j = 0; j < stroke->len; j++)
        {
          const DeskSignaturePoint *p = &g_array_index (stroke, DeskSignaturePoint, j);

          if (j > 0)
            length += hypot (p->x - p[-1].x, p->y - p[-1].y);
          x1 = MIN (x1, p->x);
          y1 = MIN (y1, p->y);
          x2 = MAX (x2, p->x);
          y2 = MAX (y2, p->y);
        }
    }

  return length >= MIN_LENGTH * self->line_width &&
         MAX (x2 - x1, y2 - y1) >= MIN_EXTENT * self->line_width;
}

static void
update_acceptable (DeskSignature *self,
                   gboolean       grown)
{
  gboolean acceptable;

  if (grown && self->acceptable)
    return;

  acceptable = measure_acceptable (self);
  if (acceptable == self->acceptable)
    return;

  self->acceptable = acceptable;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACCEPTABLE]);
}

static void
emit_changed (DeskSignature *self,
              gboolean       was_empty)
{
  if (was_empty != desk_signature_is_empty (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EMPTY]);
  update_acceptable (self, FALSE);

  g_signal_emit (self, signals[CHANGED], 0);
}

static void
append_point (GArray *stroke,
              double  x,
              double  y,
              double  pressure,
              gint64  time)
{
  DeskSignaturePoint point = { x, y, pressure > 0 ? pressure : 0.5, time };

  g_array_append_val (stroke, point);
}

static void
draw_dot (DeskSignature            *self,
          cairo_t                  *cr,
          const DeskSignaturePoint *p)
{
  cairo_new_path (cr);
  cairo_arc (cr, p->x, p->y, width_at (self, p, p) / 2.0, 0, 2 * G_PI);
  cairo_fill (cr);
}

/* A quadratic Bézier from @from to @to bent towards @control, as a cairo cubic. */
static void
quad_to (cairo_t *cr,
         double   from_x,
         double   from_y,
         double   control_x,
         double   control_y,
         double   to_x,
         double   to_y)
{
  cairo_curve_to (cr,
                  from_x + 2.0 / 3.0 * (control_x - from_x),
                  from_y + 2.0 / 3.0 * (control_y - from_y),
                  to_x + 2.0 / 3.0 * (control_x - to_x),
                  to_y + 2.0 / 3.0 * (control_y - to_y),
                  to_x, to_y);
}

/* The curve runs through the midpoints between samples, with each sample as the control
 * point, which smooths the corners of a fast stroke. Each piece is stroked on its own so
 * the width can follow the pressure; round caps join the pieces. */
static void
draw_stroke (DeskSignature *self,
             cairo_t       *cr,
             GArray        *stroke)
{
  const DeskSignaturePoint *p = (const DeskSignaturePoint *) (gpointer) stroke->data;
  double from_x, from_y;

  if (stroke->len == 1)
    {
      draw_dot (self, cr, &p[0]);
      return;
    }

  from_x = p[0].x;
  from_y = p[0].y;
  for (guint i = 1; i < stroke->len; i++)
    {
      gboolean last = i == stroke->len - 1;
      double to_x = last ? p[i].x : (p[i].x + p[i + 1].x) / 2.0;
      double to_y = last ? p[i].y : (p[i].y + p[i + 1].y) / 2.0;

      cairo_new_path (cr);
      cairo_move_to (cr, from_x, from_y);
      if (last)
        cairo_line_to (cr, to_x, to_y);
      else
        quad_to (cr, from_x, from_y, p[i].x, p[i].y, to_x, to_y);
      cairo_set_line_width (cr, width_at (self, &p[i - 1], &p[i]));
      cairo_stroke (cr);

      from_x = to_x;
      from_y = to_y;
    }
}

static cairo_status_t
append_png_cb (void                *closure,
               const unsigned char *data,
               unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

static void
desk_signature_finalize (GObject *object)
{
  DeskSignature *self = DESK_SIGNATURE (object);

  g_clear_pointer (&self->strokes, g_ptr_array_unref);

  G_OBJECT_CLASS (desk_signature_parent_class)->finalize (object);
}

static void
desk_signature_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  DeskSignature *self = DESK_SIGNATURE (object);

  switch (prop_id)
    {
    case PROP_ACCEPTABLE:
      g_value_set_boolean (value, self->acceptable);
      break;
    case PROP_EMPTY:
      g_value_set_boolean (value, desk_signature_is_empty (self));
      break;
    case PROP_LINE_WIDTH:
      g_value_set_double (value, self->line_width);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
desk_signature_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  DeskSignature *self = DESK_SIGNATURE (object);

  switch (prop_id)
    {
    case PROP_LINE_WIDTH:
      desk_signature_set_line_width (self, g_value_get_double (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
desk_signature_class_init (DeskSignatureClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = desk_signature_finalize;
  object_class->get_property = desk_signature_get_property;
  object_class->set_property = desk_signature_set_property;

  /**
   * DeskSignature:acceptable:
   *
   * Whether the ink makes a signature: not empty, not a dot. See
   * desk_signature_is_acceptable().
   */
  properties[PROP_ACCEPTABLE] =
    g_param_spec_boolean ("acceptable", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * DeskSignature:empty:
   *
   * Whether there is no ink yet: the intake form cannot be sent without a signature.
   */
  properties[PROP_EMPTY] =
    g_param_spec_boolean ("empty", NULL, NULL, TRUE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * DeskSignature:line-width:
   *
   * The pen width at middle pressure, in the units of the points.
   */
  properties[PROP_LINE_WIDTH] =
    g_param_spec_double ("line-width", NULL, NULL, 0.5, 50.0, 3.0,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * DeskSignature::changed:
   *
   * Emitted when the ink changes, so the pad redraws.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
desk_signature_init (DeskSignature *self)
{
  self->strokes = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  self->line_width = 3.0;
}

/**
 * desk_signature_new:
 *
 * Returns: (transfer full): a new, empty signature
 */
DeskSignature *
desk_signature_new (void)
{
  return g_object_new (DESK_TYPE_SIGNATURE, NULL);
}

/**
 * desk_signature_begin_stroke:
 * @self: a #DeskSignature
 * @x: where the pen went down
 * @y: where the pen went down
 * @pressure: from 0 to 1; 0 or less when the device gives none
 * @time: when, in milliseconds
 */
void
desk_signature_begin_stroke (DeskSignature *self,
                             double         x,
                             double         y,
                             double         pressure,
                             gint64         time)
{
  gboolean was_empty;

  g_return_if_fail (DESK_IS_SIGNATURE (self));

  was_empty = desk_signature_is_empty (self);
  self->current = g_array_new (FALSE, FALSE, sizeof (DeskSignaturePoint));
  g_ptr_array_add (self->strokes, self->current);
  append_point (self->current, x, y, pressure, time);

  emit_changed (self, was_empty);
}

/**
 * desk_signature_add_point:
 * @self: a #DeskSignature
 * @x: where the pen moved to
 * @y: where the pen moved to
 * @pressure: from 0 to 1; 0 or less when the device gives none
 * @time: when, in milliseconds
 *
 * Adds a point to the stroke begun with desk_signature_begin_stroke(); without one, the
 * point begins a stroke.
 */
void
desk_signature_add_point (DeskSignature *self,
                          double         x,
                          double         y,
                          double         pressure,
                          gint64         time)
{
  g_return_if_fail (DESK_IS_SIGNATURE (self));

  if (self->current == NULL)
    {
      desk_signature_begin_stroke (self, x, y, pressure, time);
      return;
    }

  append_point (self->current, x, y, pressure, time);
  update_acceptable (self, TRUE);
  g_signal_emit (self, signals[CHANGED], 0);
}

/**
 * desk_signature_end_stroke:
 * @self: a #DeskSignature
 *
 * Ends the stroke being drawn: the pen was lifted.
 */
void
desk_signature_end_stroke (DeskSignature *self)
{
  g_return_if_fail (DESK_IS_SIGNATURE (self));

  self->current = NULL;
}

/**
 * desk_signature_undo:
 * @self: a #DeskSignature
 *
 * Removes the last stroke.
 */
void
desk_signature_undo (DeskSignature *self)
{
  g_return_if_fail (DESK_IS_SIGNATURE (self));

  if (self->strokes->len == 0)
    return;

  self->current = NULL;
  g_ptr_array_set_size (self->strokes, self->strokes->len - 1);
  emit_changed (self, FALSE);
}

/**
 * desk_signature_clear:
 * @self: a #DeskSignature
 *
 * Removes all strokes.
 */
void
desk_signature_clear (DeskSignature *self)
{
  g_return_if_fail (DESK_IS_SIGNATURE (self));

  if (self->strokes->len == 0)
    return;

  self->current = NULL;
  g_ptr_array_set_size (self->strokes, 0);
  emit_changed (self, FALSE);
}

/**
 * desk_signature_is_empty:
 * @self: a #DeskSignature
 *
 * Returns: %TRUE if nothing has been drawn
 */
gboolean
desk_signature_is_empty (DeskSignature *self)
{
  g_return_val_if_fail (DESK_IS_SIGNATURE (self), TRUE);

  return self->strokes->len == 0;
}

/**
 * desk_signature_is_acceptable:
 * @self: a #DeskSignature
 * @reason: (out) (optional) (transfer none): why not, in words for the counter
 *
 * An empty pad, a dot, a few taps or a tick is not a signature: the ink must run at least
 * twelve pen widths in all and spread at least six across or down.
 *
 * Returns: %TRUE if the ink can be taken as the customer's signature
 */
gboolean
desk_signature_is_acceptable (DeskSignature  *self,
                              const char    **reason)
{
  g_return_val_if_fail (DESK_IS_SIGNATURE (self), FALSE);

  if (reason != NULL)
    {
      if (desk_signature_is_empty (self))
        *reason = _("The customer has not signed yet.");
      else if (!self->acceptable)
        *reason = _("This is too small to be a signature: ask the customer to sign in full.");
      else
        *reason = NULL;
    }

  return self->acceptable;
}

/**
 * desk_signature_get_n_strokes:
 * @self: a #DeskSignature
 *
 * Returns: the number of strokes
 */
guint
desk_signature_get_n_strokes (DeskSignature *self)
{
  g_return_val_if_fail (DESK_IS_SIGNATURE (self), 0);

  return self->strokes->len;
}

/**
 * desk_signature_get_stroke:
 * @self: a #DeskSignature
 * @index: which stroke, from 0
 * @n_points: (out): how many points it has
 *
 * Gives the points of a stroke, so that a draft can keep them and replay them.
 *
 * Returns: (array length=n_points) (transfer none): the points, valid until the
 *   signature changes
 */
const DeskSignaturePoint *
desk_signature_get_stroke (DeskSignature *self,
                           guint          index,
                           guint         *n_points)
{
  GArray *stroke;

  g_return_val_if_fail (DESK_IS_SIGNATURE (self), NULL);
  g_return_val_if_fail (index < self->strokes->len, NULL);
  g_return_val_if_fail (n_points != NULL, NULL);

  stroke = g_ptr_array_index (self->strokes, index);
  *n_points = stroke->len;

  return (const DeskSignaturePoint *) (gpointer) stroke->data;
}

/**
 * desk_signature_get_line_width:
 * @self: a #DeskSignature
 *
 * Returns: the pen width at middle pressure
 */
double
desk_signature_get_line_width (DeskSignature *self)
{
  g_return_val_if_fail (DESK_IS_SIGNATURE (self), 0);

  return self->line_width;
}

/**
 * desk_signature_set_line_width:
 * @self: a #DeskSignature
 * @line_width: the pen width at middle pressure
 */
void
desk_signature_set_line_width (DeskSignature *self,
                               double         line_width)
{
  g_return_if_fail (DESK_IS_SIGNATURE (self));

  line_width = CLAMP (line_width, 0.5, 50.0);
  if (self->line_width == line_width)
    return;

  self->line_width = line_width;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LINE_WIDTH]);
  update_acceptable (self, FALSE);
  g_signal_emit (self, signals[CHANGED], 0);
}

/**
 * desk_signature_get_ink_bounds:
 * @self: a #DeskSignature
 * @bounds: (out): the area the ink may cover, pen width included
 *
 * Returns: %FALSE if the signature is empty
 */
gboolean
desk_signature_get_ink_bounds (DeskSignature     *self,
                               cairo_rectangle_t *bounds)
{
  double x1 = G_MAXDOUBLE, y1 = G_MAXDOUBLE, x2 = -G_MAXDOUBLE, y2 = -G_MAXDOUBLE;

  g_return_val_if_fail (DESK_IS_SIGNATURE (self), FALSE);

  if (desk_signature_is_empty (self))
    return FALSE;

  for (guint i = 0; i < self->strokes->len; i++)
    {
      GArray *stroke = g_ptr_array_index (self->strokes, i);

      for (guint j = 0; j < stroke->len; j++)
        {
          /* Curves stay within the hull of their points, and a piece is never wider
           * than the wider of its ends. */
          const DeskSignaturePoint *p = &g_array_index (stroke, DeskSignaturePoint, j);
          double w = width_at (self, p, p) / 2.0;

          x1 = MIN (x1, p->x - w);
          y1 = MIN (y1, p->y - w);
          x2 = MAX (x2, p->x + w);
          y2 = MAX (y2, p->y + w);
        }
    }

  bounds->x = x1;
  bounds->y = y1;
  bounds->width = x2 - x1;
  bounds->height = y2 - y1;
  return TRUE;
}

/**
 * desk_signature_draw:
 * @self: a #DeskSignature
 * @cr: where to draw, with the source colour already set
 * @scale: the factor from signature units to @cr units
 *
 * Draws the strokes as smooth curves. The pad widget and the PNG export both draw
 * through here.
 */
void
desk_signature_draw (DeskSignature *self,
                     cairo_t       *cr,
                     double         scale)
{
  g_return_if_fail (DESK_IS_SIGNATURE (self));
  g_return_if_fail (cr != NULL);

  cairo_save (cr);
  cairo_scale (cr, scale, scale);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);

  for (guint i = 0; i < self->strokes->len; i++)
    draw_stroke (self, cr, g_ptr_array_index (self->strokes, i));

  cairo_restore (cr);
}

/* The factor that brings ink of @width × @height within the largest exported size;
 * smaller ink stays as it was drawn. */
static double
export_scale (double width,
              double height)
{
  return MIN (1.0, MIN (DESK_SIGNATURE_MAX_INK_WIDTH / MAX (width, 1.0),
                        DESK_SIGNATURE_MAX_INK_HEIGHT / MAX (height, 1.0)));
}

/**
 * desk_signature_to_png:
 * @self: a #DeskSignature
 * @error: return location for a #GError
 *
 * Renders the signature black on an opaque white background (receipts print it), cropped
 * to the ink with a margin of %DESK_SIGNATURE_MARGIN pixels, the ink scaled down to fit
 * %DESK_SIGNATURE_MAX_INK_WIDTH × %DESK_SIGNATURE_MAX_INK_HEIGHT when it is bigger.
 *
 * The image is 8-bit grayscale: drawn into an A8 surface, which cairo writes as a gray
 * PNG, where paper is full coverage (white) and the ink clears it to black. One byte a
 * pixel instead of three makes a file under half the size of an RGB one, looking the
 * same on paper.
 *
 * Returns: (transfer full): the PNG file, or %NULL with %G_IO_ERROR_INVALID_DATA if the
 *   signature is empty or %G_IO_ERROR_FAILED if it could not be rendered
 */
GBytes *
desk_signature_to_png (DeskSignature  *self,
                       GError        **error)
{
  g_autoptr(GByteArray) png = NULL;
  cairo_rectangle_t ink;
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  double scale;
  int width, height;

  g_return_val_if_fail (DESK_IS_SIGNATURE (self), NULL);

  if (!desk_signature_get_ink_bounds (self, &ink))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           _("The customer has not signed yet."));
      return NULL;
    }

  scale = export_scale (ink.width, ink.height);
  width = (int) ceil (ink.width * scale) + 2 * DESK_SIGNATURE_MARGIN;
  height = (int) ceil (ink.height * scale) + 2 * DESK_SIGNATURE_MARGIN;
  surface = cairo_image_surface_create (CAIRO_FORMAT_A8, width, height);
  cr = cairo_create (surface);

  cairo_set_operator (cr, CAIRO_OPERATOR_SOURCE);
  cairo_set_source_rgba (cr, 0, 0, 0, 1);
  cairo_paint (cr);
  cairo_set_operator (cr, CAIRO_OPERATOR_CLEAR);
  cairo_translate (cr, DESK_SIGNATURE_MARGIN - ink.x * scale,
                   DESK_SIGNATURE_MARGIN - ink.y * scale);
  desk_signature_draw (self, cr, scale);
  status = cairo_status (cr);
  cairo_destroy (cr);

  png = g_byte_array_new ();
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_write_to_png_stream (surface, append_png_cb, png);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_warning ("Signature export: %s", cairo_status_to_string (status));
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                           _("The signature could not be saved. Ask the customer to sign "
                             "again."));
      return NULL;
    }

  return g_byte_array_free_to_bytes (g_steal_pointer (&png));
}

/**
 * desk_signature_to_base64:
 * @self: a #DeskSignature
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the PNG of desk_signature_to_png() in base64, as the ticket
 *   body's `signature` expects it, or %NULL with the same errors
 */
char *
desk_signature_to_base64 (DeskSignature  *self,
                          GError        **error)
{
  g_autoptr(GBytes) png = desk_signature_to_png (self, error);
  gsize len = 0;
  const guchar *data;

  if (png == NULL)
    return NULL;

  data = g_bytes_get_data (png, &len);
  return g_base64_encode (data, len);
}
