/* desk-pattern-grid.c
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "desk-pattern-grid"

#include "config.h"

#include <glib/gi18n.h>

#include "desk-pattern-grid.h"
#include "desk-pattern-lock.h"

/* The 3x3 grid on which the customer (or the assistant) draws an Android unlock pattern.
 *
 * A finger or the mouse drags across the dots; a tap on a dot adds it too, for those who
 * find dragging hard; the keys 1 to 9 add dots and Backspace or Delete starts again.
 * DeskPatternLock applies the phone's rules (a line over an unvisited dot visits it), so
 * what is drawn here is what unlocks the phone, and its text ("1-5-9-6") is what the
 * ticket keeps. */

/* Each dot's cell is at least this large, so a finger hits the dot it aims at. */
#define CELL_SIZE 64
#define DOT_RADIUS 9
#define HIT_RADIUS 26

struct _DeskPatternGrid
{
  GtkWidget        parent_instance;

  /* state */
  DeskPatternLock  pattern;
  double           pointer_x;
  double           pointer_y;
  double           start_x;
  double           start_y;
  gboolean         dragging;
};

enum {
  PROP_0,
  PROP_PATTERN,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (DeskPatternGrid, desk_pattern_grid, GTK_TYPE_WIDGET)

static void
dot_center (DeskPatternGrid *self,
            guint            dot,
            double          *x,
            double          *y)
{
  double cell_w = gtk_widget_get_width (GTK_WIDGET (self)) / 3.0;
  double cell_h = gtk_widget_get_height (GTK_WIDGET (self)) / 3.0;

  *x = ((dot - 1) % 3 + 0.5) * cell_w;
  *y = ((dot - 1) / 3 + 0.5) * cell_h;
}

/* Returns: the dot under (@x, @y), or 0 */
static guint
dot_at (DeskPatternGrid *self,
        double           x,
        double           y)
{
  for (guint dot = 1; dot <= 9; dot++)
    {
      double cx, cy;

      dot_center (self, dot, &cx, &cy);
      if ((x - cx) * (x - cx) + (y - cy) * (y - cy) <= HIT_RADIUS * HIT_RADIUS)
        return dot;
    }

  return 0;
}

static void
pattern_changed (DeskPatternGrid *self)
{
  g_autofree char *text = desk_pattern_lock_format (&self->pattern);
  g_autofree char *description = NULL;

  description = self->pattern.n_dots > 0 ? g_strdup_printf (_("Pattern %s"), text)
                                         : g_strdup (_("No pattern drawn"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  description, -1);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PATTERN]);
}

static void
drag_begin_cb (GtkGestureDrag  *gesture,
               double           x,
               double           y,
               DeskPatternGrid *self)
{
  self->dragging = TRUE;
  self->start_x = self->pointer_x = x;
  self->start_y = self->pointer_y = y;
  gtk_widget_grab_focus (GTK_WIDGET (self));
  desk_pattern_grid_add_dot (self, dot_at (self, x, y));
}

static void
drag_update_cb (GtkGestureDrag  *gesture,
                double           dx,
                double           dy,
                DeskPatternGrid *self)
{
  self->pointer_x = self->start_x + dx;
  self->pointer_y = self->start_y + dy;
  if (!desk_pattern_grid_add_dot (self, dot_at (self, self->pointer_x, self->pointer_y)))
    gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
drag_end_cb (GtkGestureDrag  *gesture,
             double           dx,
             double           dy,
             DeskPatternGrid *self)
{
  self->dragging = FALSE;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static gboolean
key_pressed_cb (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                DeskPatternGrid       *self)
{
  guint digit = gdk_keyval_to_unicode (keyval);

  if (digit >= '1' && digit <= '9')
    {
      desk_pattern_grid_add_dot (self, digit - '0');
      return GDK_EVENT_STOP;
    }
  if (keyval == GDK_KEY_BackSpace || keyval == GDK_KEY_Delete)
    {
      desk_pattern_grid_clear (self);
      return GDK_EVENT_STOP;
    }

  return GDK_EVENT_PROPAGATE;
}

static void
desk_pattern_grid_snapshot (GtkWidget   *widget,
                            GtkSnapshot *snapshot)
{
  DeskPatternGrid *self = DESK_PATTERN_GRID (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  cairo_t *cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  GdkRGBA color;
  double x, y;

  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &color);
  gdk_cairo_set_source_rgba (cr, &color);

  /* The line through the dots drawn so far, and on to the finger while it drags. */
  cairo_set_line_width (cr, 4);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  for (guint i = 0; i < self->pattern.n_dots; i++)
    {
      dot_center (self, self->pattern.dots[i], &x, &y);
      if (i == 0)
        cairo_move_to (cr, x, y);
      else
        cairo_line_to (cr, x, y);
    }
  if (self->dragging && self->pattern.n_dots > 0)
    cairo_line_to (cr, self->pointer_x, self->pointer_y);
  cairo_stroke (cr);

  for (guint dot = 1; dot <= 9; dot++)
    {
      gboolean visited = FALSE;

      for (guint i = 0; i < self->pattern.n_dots; i++)
        visited |= self->pattern.dots[i] == dot;
      dot_center (self, dot, &x, &y);
      cairo_arc (cr, x, y, visited ? DOT_RADIUS * 1.5 : DOT_RADIUS, 0, 2 * G_PI);
      cairo_fill (cr);
    }

  cairo_destroy (cr);
}

static void
desk_pattern_grid_measure (GtkWidget      *widget,
                           GtkOrientation  orientation,
                           int             for_size,
                           int            *minimum,
                           int            *natural,
                           int            *minimum_baseline,
                           int            *natural_baseline)
{
  *minimum = *natural = 3 * CELL_SIZE;
}

static void
desk_pattern_grid_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  DeskPatternGrid *self = DESK_PATTERN_GRID (object);

  switch (prop_id)
    {
    case PROP_PATTERN:
      g_value_take_string (value, desk_pattern_grid_dup_pattern (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
desk_pattern_grid_class_init (DeskPatternGridClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = desk_pattern_grid_get_property;
  widget_class->snapshot = desk_pattern_grid_snapshot;
  widget_class->measure = desk_pattern_grid_measure;

  /**
   * DeskPatternGrid:pattern:
   *
   * The pattern as the shop writes it ("1-5-9-6"), empty while none is drawn.
   */
  properties[PROP_PATTERN] =
    g_param_spec_string ("pattern", NULL, NULL, "",
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "patterngrid");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
desk_pattern_grid_init (DeskPatternGrid *self)
{
  GtkGesture *drag = gtk_gesture_drag_new ();
  GtkEventController *keys = gtk_event_controller_key_new ();

  desk_pattern_lock_init (&self->pattern);
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_halign (GTK_WIDGET (self), GTK_ALIGN_CENTER);

  /* Touch and mouse alike; a tap without moving is a drag of length zero. */
  gtk_gesture_single_set_touch_only (GTK_GESTURE_SINGLE (drag), FALSE);
  g_signal_connect (drag, "drag-begin", G_CALLBACK (drag_begin_cb), self);
  g_signal_connect (drag, "drag-update", G_CALLBACK (drag_update_cb), self);
  g_signal_connect (drag, "drag-end", G_CALLBACK (drag_end_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drag));

  g_signal_connect (keys, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Pattern lock"),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, _("No pattern drawn"),
                                  -1);
}

GtkWidget *
desk_pattern_grid_new (void)
{
  return g_object_new (DESK_TYPE_PATTERN_GRID, NULL);
}

/* Returns: (transfer full): the pattern as the shop writes it, "" while none is drawn */
char *
desk_pattern_grid_dup_pattern (DeskPatternGrid *self)
{
  g_return_val_if_fail (DESK_IS_PATTERN_GRID (self), NULL);

  return desk_pattern_lock_format (&self->pattern);
}

/**
 * desk_pattern_grid_add_dot:
 * @self: a #DeskPatternGrid
 * @dot: 1 to 9, as on the phone's grid
 *
 * Adds a dot the way a finger drawing to it would.
 *
 * Returns: whether the pattern changed
 */
gboolean
desk_pattern_grid_add_dot (DeskPatternGrid *self,
                           guint            dot)
{
  g_return_val_if_fail (DESK_IS_PATTERN_GRID (self), FALSE);

  if (!desk_pattern_lock_add_dot (&self->pattern, dot))
    return FALSE;

  pattern_changed (self);
  return TRUE;
}

/* Returns: %FALSE, leaving the grid as it was, when @pattern is not a pattern a phone takes */
gboolean
desk_pattern_grid_set_pattern (DeskPatternGrid *self,
                               const char      *pattern)
{
  DeskPatternLock parsed;

  g_return_val_if_fail (DESK_IS_PATTERN_GRID (self), FALSE);

  if (pattern == NULL || *pattern == '\0')
    {
      desk_pattern_grid_clear (self);
      return TRUE;
    }
  if (!desk_pattern_lock_parse (pattern, &parsed, NULL))
    return FALSE;

  self->pattern = parsed;
  pattern_changed (self);
  return TRUE;
}

void
desk_pattern_grid_clear (DeskPatternGrid *self)
{
  g_return_if_fail (DESK_IS_PATTERN_GRID (self));

  if (self->pattern.n_dots == 0)
    return;

  desk_pattern_lock_init (&self->pattern);
  pattern_changed (self);
}

gboolean
desk_pattern_grid_get_empty (DeskPatternGrid *self)
{
  g_return_val_if_fail (DESK_IS_PATTERN_GRID (self), TRUE);

  return self->pattern.n_dots == 0;
}
