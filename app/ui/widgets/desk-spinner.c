/* desk-spinner.c
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "desk-spinner"

#include "config.h"

#include <math.h>

#include "desk-spinner.h"

/* A spinner that looks and behaves as GtkSpinner does with the Adwaita style (16 px, the
 * text colour, a turn a second, nothing drawn while it does not spin, half-faded while
 * insensitive), but draws its arc itself. GtkSpinner draws the theme's
 * process-working-symbolic icon, which Adwaita ships only as SVG: the first spinner shown
 * would load the SVG renderer and its XML parser, several MiB, into a process that draws
 * every other icon from PNG files.
 *
 * It animates only while it is asked to spin and is mapped: a spinner on a hidden page or
 * a folded-away pane costs no frames. */

#define SIZE 16         /* px, as -gtk-icon-size for GtkSpinner */
#define TURN_US 1000000 /* one turn a second, as the theme's animation */

struct _DeskSpinner
{
  GtkWidget parent_instance;

  gboolean  spinning;
  guint     tick_id;
};

enum {
  PROP_0,
  PROP_SPINNING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (DeskSpinner, desk_spinner, GTK_TYPE_WIDGET)

/* The outline of Adwaita's process-working-symbolic (a ring that thins away from a round
 * head at the top), on its 16 × 16 grid. */
typedef struct
{
  char  op;    /* 'M'ove, 'C'urve, 'L'ine, 'Z' close */
  float p[6];
} Step;

static const Step arc_outline[] = {
  { 'M', { 7.98047f, 1.05469f, 0.0f, 0.0f, 0.0f, 0.0f } },
  { 'C', { 7.88672f, 1.05469f, 7.79688f, 1.0625f, 7.71094f, 1.08203f } },
  { 'C', { 4.71094f, 1.23828f, 2.08203f, 3.30078f, 1.25781f, 6.21094f } },
  { 'C', { 0.496094f, 9.22656f, 1.82813f, 12.4414f, 4.5f, 14.0391f } },
  { 'C', { 7.21875f, 15.5547f, 10.668f, 15.1016f, 12.9023f, 12.9336f } },
  { 'C', { 15.0703f, 10.6992f, 15.5234f, 7.25f, 14.0078f, 4.53125f } },
  { 'C', { 15.5117f, 7.25781f, 15.0391f, 10.6953f, 12.8711f, 12.9023f } },
  { 'C', { 10.6445f, 15.0508f, 7.21875f, 15.4805f, 4.54297f, 13.9688f } },
  { 'C', { 1.92187f, 12.3906f, 0.625f, 9.23438f, 1.36328f, 6.29688f } },
  { 'C', { 0.652344f, 9.24219f, 1.98437f, 12.3672f, 4.58203f, 13.8984f } },
  { 'C', { 7.23437f, 15.3672f, 10.6094f, 14.9023f, 12.7578f, 12.7891f } },
  { 'C', { 14.8516f, 10.6211f, 15.2695f, 7.25781f, 13.793f, 4.65625f } },
  { 'C', { 15.2461f, 7.27344f, 14.7852f, 10.6094f, 12.6992f, 12.7305f } },
  { 'C', { 10.5586f, 14.7969f, 7.23437f, 15.2109f, 4.66406f, 13.7539f } },
  { 'C', { 2.14453f, 12.2461f, 0.886719f, 9.18359f, 1.60156f, 6.35937f } },
  { 'C', { 0.914062f, 9.1875f, 2.20312f, 12.2188f, 4.70312f, 13.6836f } },
  { 'C', { 7.25f, 15.1016f, 10.5234f, 14.6484f, 12.582f, 12.6133f } },
  { 'C', { 14.5977f, 10.5352f, 15.0039f, 7.27344f, 13.582f, 4.77734f } },
  { 'C', { 14.9805f, 7.28906f, 14.5312f, 10.5273f, 12.5234f, 12.5547f } },
  { 'C', { 10.4766f, 14.543f, 7.24609f, 14.9453f, 4.78906f, 13.543f } },
  { 'C', { 2.36719f, 12.0977f, 1.14844f, 9.125f, 1.83984f, 6.41797f } },
  { 'C', { 1.17578f, 9.13281f, 2.42578f, 12.0742f, 4.82812f, 13.4727f } },
  { 'C', { 7.26562f, 14.8359f, 10.4414f, 14.3945f, 12.4102f, 12.4414f } },
  { 'C', { 14.3438f, 10.4531f, 14.7383f, 7.28906f, 13.3672f, 4.89844f } },
  { 'C', { 14.7148f, 7.30078f, 14.2773f, 10.4414f, 12.3516f, 12.3828f } },
  { 'C', { 10.3906f, 14.2891f, 7.26172f, 14.6797f, 4.91016f, 13.3281f } },
  { 'C', { 2.58984f, 11.9492f, 1.41016f, 9.07031f, 2.07813f, 6.48047f } },
  { 'C', { 1.4375f, 9.07813f, 2.64844f, 11.9258f, 4.94922f, 13.2578f } },
  { 'C', { 7.28125f, 14.5664f, 10.3555f, 14.1406f, 12.2344f, 12.2656f } },
  { 'C', { 14.0898f, 10.3672f, 14.4688f, 7.30078f, 13.1562f, 5.02344f } },
  { 'C', { 14.4453f, 7.31641f, 14.0234f, 10.3594f, 12.1758f, 12.207f } },
  { 'C', { 10.3086f, 14.0352f, 7.27734f, 14.4141f, 5.03125f, 13.1172f } },
  { 'C', { 2.8125f, 11.8047f, 1.67188f, 9.01562f, 2.3125f, 6.54297f } },
  { 'C', { 1.69531f, 9.02344f, 2.87109f, 11.7773f, 5.07422f, 13.0469f } },
  { 'C', { 7.29688f, 14.3008f, 10.2734f, 13.8867f, 12.0625f, 12.0938f } },
  { 'C', { 13.8359f, 10.2852f, 14.2031f, 7.31641f, 12.9414f, 5.14453f } },
  { 'C', { 14.1797f, 7.33203f, 13.7695f, 10.2773f, 12.0039f, 12.0352f } },
  { 'C', { 10.2266f, 13.7812f, 7.29297f, 14.1484f, 5.15625f, 12.9023f } },
  { 'C', { 3.03516f, 11.6563f, 1.92969f, 8.96094f, 2.55078f, 6.60547f } },
  { 'C', { 1.95703f, 8.96875f, 3.09375f, 11.6328f, 5.19531f, 12.832f } },
  { 'C', { 7.3125f, 14.0352f, 10.1875f, 13.6328f, 11.8867f, 11.918f } },
  { 'C', { 13.582f, 10.1992f, 13.9375f, 7.33203f, 12.7305f, 5.26953f } },
  { 'C', { 13.9141f, 7.34766f, 13.5156f, 10.1914f, 11.8281f, 11.8594f } },
  { 'C', { 10.1406f, 13.5273f, 7.30859f, 13.8789f, 5.27734f, 12.6914f } },
  { 'C', { 3.25781f, 11.5117f, 2.19141f, 8.90234f, 2.78906f, 6.66406f } },
  { 'C', { 2.21875f, 8.91016f, 3.31641f, 11.4844f, 5.32031f, 12.6211f } },
  { 'C', { 7.32813f, 13.7695f, 10.1055f, 13.3789f, 11.7148f, 11.7461f } },
  { 'C', { 13.3281f, 10.1172f, 13.6719f, 7.34766f, 12.5156f, 5.39063f } },
  { 'C', { 13.6484f, 7.36328f, 13.2617f, 10.1094f, 11.6563f, 11.6875f } },
  { 'C', { 10.0586f, 13.2734f, 7.32422f, 13.6133f, 5.40234f, 12.4766f } },
  { 'C', { 3.48047f, 11.3633f, 2.45313f, 8.84766f, 3.02734f, 6.72656f } },
  { 'C', { 2.48047f, 8.85547f, 3.53906f, 11.3398f, 5.44141f, 12.4063f } },
  { 'C', { 7.33984f, 13.5f, 10.0234f, 13.125f, 11.5391f, 11.5703f } },
  { 'C', { 13.0742f, 10.0352f, 13.4023f, 7.36328f, 12.3047f, 5.51563f } },
  { 'C', { 13.3789f, 7.37891f, 13.0117f, 10.0234f, 11.4805f, 11.5117f } },
  { 'C', { 9.97266f, 13.0234f, 7.33984f, 13.3477f, 5.52344f, 12.2656f } },
  { 'C', { 3.70313f, 11.2148f, 2.71484f, 8.79297f, 3.26563f, 6.78906f } },
  { 'C', { 2.74219f, 8.80078f, 3.76172f, 11.1914f, 5.56641f, 12.1953f } },
  { 'C', { 7.35547f, 13.2344f, 9.9375f, 12.8711f, 11.3672f, 11.3984f } },
  { 'C', { 12.8242f, 9.94922f, 13.1367f, 7.37891f, 12.0898f, 5.63672f } },
  { 'C', { 13.1133f, 7.39453f, 12.7578f, 9.94141f, 11.3086f, 11.3398f } },
  { 'C', { 9.89063f, 12.7695f, 7.35156f, 13.082f, 5.64844f, 12.0508f } },
  { 'C', { 3.92578f, 11.0703f, 2.97656f, 8.73828f, 3.50391f, 6.84766f } },
  { 'C', { 3.0f, 8.74219f, 3.98828f, 11.0469f, 5.6875f, 11.9805f } },
  { 'C', { 7.37109f, 12.9688f, 9.85547f, 12.6211f, 11.1914f, 11.2227f } },
  { 'C', { 12.5703f, 9.86719f, 12.8711f, 7.39453f, 11.8789f, 5.76172f } },
  { 'C', { 12.8477f, 7.41016f, 12.5039f, 9.85547f, 11.1328f, 11.1641f } },
  { 'C', { 9.80469f, 12.5156f, 7.36719f, 12.8125f, 5.76953f, 11.8398f } },
  { 'C', { 4.14844f, 10.9219f, 3.23438f, 8.68359f, 3.74219f, 6.91016f } },
  { 'C', { 3.26172f, 8.69141f, 4.21094f, 10.8984f, 5.8125f, 11.7695f } },
  { 'C', { 7.38672f, 12.7031f, 9.76953f, 12.3672f, 11.0195f, 11.0508f } },
  { 'C', { 12.3164f, 9.78125f, 12.6055f, 7.41016f, 11.6641f, 5.88281f } },
  { 'C', { 12.582f, 7.42578f, 12.25f, 9.77344f, 10.9609f, 10.9922f } },
  { 'C', { 9.72266f, 12.2617f, 7.38281f, 12.5469f, 5.89453f, 11.625f } },
  { 'C', { 4.37109f, 10.7773f, 3.49609f, 8.625f, 3.98047f, 6.97266f } },
  { 'C', { 3.52344f, 8.63281f, 4.43359f, 10.75f, 5.93359f, 11.5547f } },
  { 'C', { 7.40234f, 12.4336f, 9.6875f, 12.1094f, 10.8438f, 10.875f } },
  { 'C', { 12.0586f, 9.69922f, 12.3359f, 7.42578f, 11.4492f, 6.00781f } },
  { 'C', { 12.3242f, 7.43359f, 12.0273f, 9.69141f, 10.8125f, 10.8437f } },
  { 'C', { 9.66406f, 12.0586f, 7.40234f, 12.3555f, 5.97656f, 11.4805f } },
  { 'C', { 4.50781f, 10.6836f, 3.63281f, 8.57422f, 4.10938f, 6.97266f } },
  { 'C', { 4.5f, 5.34766f, 6.30859f, 3.96094f, 7.98047f, 4.00391f } },
  { 'L', { 7.98047f, 4.0f, 0.0f, 0.0f, 0.0f, 0.0f } },
  { 'C', { 8.79297f, 4.0f, 9.45313f, 3.33984f, 9.45313f, 2.52734f } },
  { 'C', { 9.45313f, 1.71484f, 8.79297f, 1.05469f, 7.98047f, 1.05469f } },
  { 'Z', { 0.0f, 0.0f, 0.0f, 0.0f, 0.0f, 0.0f } },
};

static void
draw_arc (cairo_t       *cr,
          const GdkRGBA *color,
          double         size,
          double         angle)
{
  cairo_translate (cr, size / 2.0, size / 2.0);
  cairo_rotate (cr, angle);
  cairo_scale (cr, size / SIZE, size / SIZE);
  cairo_translate (cr, -SIZE / 2.0, -SIZE / 2.0);

  for (gsize i = 0; i < G_N_ELEMENTS (arc_outline); i++)
    {
      const float *p = arc_outline[i].p;

      switch (arc_outline[i].op)
        {
        case 'M':
          cairo_move_to (cr, p[0], p[1]);
          break;
        case 'L':
          cairo_line_to (cr, p[0], p[1]);
          break;
        case 'C':
          cairo_curve_to (cr, p[0], p[1], p[2], p[3], p[4], p[5]);
          break;
        default:
          cairo_close_path (cr);
          break;
        }
    }

  gdk_cairo_set_source_rgba (cr, color);
  cairo_fill (cr);
}

static gboolean
tick_cb (GtkWidget     *widget,
         GdkFrameClock *clock,
         gpointer       data)
{
  gtk_widget_queue_draw (widget);
  return G_SOURCE_CONTINUE;
}

/* Animates while spinning and mapped, and only then. */
static void
update_ticking (DeskSpinner *self)
{
  gboolean wanted = self->spinning && gtk_widget_get_mapped (GTK_WIDGET (self));

  if (wanted && self->tick_id == 0)
    self->tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), tick_cb, NULL, NULL);
  else if (!wanted && self->tick_id != 0)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->tick_id);
      self->tick_id = 0;
    }
}

static void
desk_spinner_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (desk_spinner_parent_class)->map (widget);
  update_ticking (DESK_SPINNER (widget));
}

static void
desk_spinner_unmap (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (desk_spinner_parent_class)->unmap (widget);
  update_ticking (DESK_SPINNER (widget));
}

static void
desk_spinner_measure (GtkWidget      *widget,
                      GtkOrientation  orientation,
                      int             for_size,
                      int            *minimum,
                      int            *natural,
                      int            *minimum_baseline,
                      int            *natural_baseline)
{
  *minimum = *natural = SIZE;
}

static void
desk_spinner_snapshot (GtkWidget   *widget,
                       GtkSnapshot *snapshot)
{
  DeskSpinner *self = DESK_SPINNER (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  double size = floor (MIN (width, height));
  GdkFrameClock *clock;
  gint64 now;
  GdkRGBA color;
  cairo_t *cr;

  if (!self->spinning || size <= 0)
    return;

  clock = gtk_widget_get_frame_clock (widget);
  now = clock != NULL ? gdk_frame_clock_get_frame_time (clock) : g_get_monotonic_time ();

G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &color);
G_GNUC_END_IGNORE_DEPRECATIONS
  if (!gtk_widget_is_sensitive (widget))
    color.alpha *= 0.5f;

  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT ((float) ((width - size) / 2.0),
                                                          (float) ((height - size) / 2.0)));
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, (float) size, (float) size));
  draw_arc (cr, &color, size, 2 * G_PI * (double) (now % TURN_US) / TURN_US);
  cairo_destroy (cr);
  gtk_snapshot_restore (snapshot);
}

static void
desk_spinner_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  DeskSpinner *self = DESK_SPINNER (object);

  switch (prop_id)
    {
    case PROP_SPINNING:
      g_value_set_boolean (value, self->spinning);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
desk_spinner_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  DeskSpinner *self = DESK_SPINNER (object);

  switch (prop_id)
    {
    case PROP_SPINNING:
      desk_spinner_set_spinning (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
desk_spinner_class_init (DeskSpinnerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = desk_spinner_get_property;
  object_class->set_property = desk_spinner_set_property;

  widget_class->map = desk_spinner_map;
  widget_class->unmap = desk_spinner_unmap;
  widget_class->measure = desk_spinner_measure;
  widget_class->snapshot = desk_spinner_snapshot;

  properties[PROP_SPINNING] =
    g_param_spec_boolean ("spinning", NULL, NULL,
                          FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "desk-spinner");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_PROGRESS_BAR);
}

static void
desk_spinner_init (DeskSpinner *self)
{
}

GtkWidget *
desk_spinner_new (void)
{
  return g_object_new (DESK_TYPE_SPINNER, NULL);
}

gboolean
desk_spinner_get_spinning (DeskSpinner *self)
{
  g_return_val_if_fail (DESK_IS_SPINNER (self), FALSE);

  return self->spinning;
}

/**
 * desk_spinner_set_spinning:
 * @self: a #DeskSpinner
 * @spinning: whether it spins
 *
 * A spinner that does not spin draws nothing, as GtkSpinner with the Adwaita style.
 */
void
desk_spinner_set_spinning (DeskSpinner *self,
                           gboolean     spinning)
{
  g_return_if_fail (DESK_IS_SPINNER (self));

  spinning = !!spinning;
  if (self->spinning == spinning)
    return;

  self->spinning = spinning;
  update_ticking (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SPINNING]);
}

/**
 * desk_spinner_is_animating:
 * @self: a #DeskSpinner
 *
 * Returns: whether it redraws itself each frame: it spins and is mapped
 */
gboolean
desk_spinner_is_animating (DeskSpinner *self)
{
  g_return_val_if_fail (DESK_IS_SPINNER (self), FALSE);

  return self->tick_id != 0;
}
