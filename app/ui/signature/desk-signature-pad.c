/* desk-signature-pad.c
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "desk-signature-pad"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "desk-signature-canvas.h"
#include "desk-signature-pad.h"

/* The signature pad of the intake and of Hand to Customer: the canvas, and Undo and Clear
 * below it as the actions signature.undo and signature.clear, big enough for a finger.
 * The actions are off while there is nothing to take back. */

struct _DeskSignaturePad
{
  GtkWidget      parent_instance;

  /* Template children */
  GtkWidget     *canvas;
  GtkWidget     *buttons;

  /* owned */
  DeskSignature *signature;
};

enum {
  PROP_0,
  PROP_SIGNATURE,
  PROP_ACCEPTABLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (DeskSignaturePad, desk_signature_pad, GTK_TYPE_WIDGET)

static void
update_actions (DeskSignaturePad *self)
{
  gboolean has_ink = !desk_signature_is_empty (self->signature);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "signature.undo", has_ink);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "signature.clear", has_ink);
}

static void
empty_changed_cb (DeskSignaturePad *self)
{
  update_actions (self);
}

static void
acceptable_changed_cb (DeskSignaturePad *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACCEPTABLE]);
}

static void
undo_cb (GtkWidget  *widget,
         const char *action_name,
         GVariant   *parameter)
{
  desk_signature_undo (DESK_SIGNATURE_PAD (widget)->signature);
}

static void
clear_cb (GtkWidget  *widget,
          const char *action_name,
          GVariant   *parameter)
{
  desk_signature_clear (DESK_SIGNATURE_PAD (widget)->signature);
}

/* Follows @signature, or a new empty one for %NULL. */
static void
set_signature (DeskSignaturePad *self,
               DeskSignature    *signature)
{
  g_autoptr(DeskSignature) fresh = signature == NULL ? desk_signature_new () : NULL;

  if (signature == NULL)
    signature = fresh;
  if (self->signature == signature)
    return;

  if (self->signature != NULL)
    g_signal_handlers_disconnect_by_data (self->signature, self);
  g_set_object (&self->signature, signature);
  desk_signature_canvas_set_signature (DESK_SIGNATURE_CANVAS (self->canvas), self->signature);
  g_signal_connect_object (self->signature, "notify::empty", G_CALLBACK (empty_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->signature, "notify::acceptable",
                           G_CALLBACK (acceptable_changed_cb), self, G_CONNECT_SWAPPED);
  update_actions (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SIGNATURE]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACCEPTABLE]);
}

static void
desk_signature_pad_dispose (GObject *object)
{
  DeskSignaturePad *self = DESK_SIGNATURE_PAD (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), DESK_TYPE_SIGNATURE_PAD);
  if (self->signature != NULL)
    g_signal_handlers_disconnect_by_data (self->signature, self);
  g_clear_object (&self->signature);

  G_OBJECT_CLASS (desk_signature_pad_parent_class)->dispose (object);
}

static void
desk_signature_pad_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  DeskSignaturePad *self = DESK_SIGNATURE_PAD (object);

  switch (prop_id)
    {
    case PROP_SIGNATURE:
      g_value_set_object (value, self->signature);
      break;
    case PROP_ACCEPTABLE:
      g_value_set_boolean (value, desk_signature_pad_get_acceptable (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
desk_signature_pad_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  DeskSignaturePad *self = DESK_SIGNATURE_PAD (object);

  switch (prop_id)
    {
    case PROP_SIGNATURE:
      set_signature (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
desk_signature_pad_class_init (DeskSignaturePadClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = desk_signature_pad_dispose;
  object_class->get_property = desk_signature_pad_get_property;
  object_class->set_property = desk_signature_pad_set_property;

  /**
   * DeskSignaturePad:signature:
   *
   * Where the strokes go; a new, empty signature when none is given.
   */
  properties[PROP_SIGNATURE] =
    g_param_spec_object ("signature", NULL, NULL, DESK_TYPE_SIGNATURE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * DeskSignaturePad:acceptable:
   *
   * Whether the ink makes a signature.
   */
  properties[PROP_ACCEPTABLE] =
    g_param_spec_boolean ("acceptable", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (DESK_TYPE_SIGNATURE_CANVAS);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/frontdesk/FrontDesk/signature/desk-signature-pad.ui");
  gtk_widget_class_bind_template_child (widget_class, DeskSignaturePad, canvas);
  gtk_widget_class_bind_template_child (widget_class, DeskSignaturePad, buttons);

  gtk_widget_class_install_action (widget_class, "signature.undo", NULL, undo_cb);
  gtk_widget_class_install_action (widget_class, "signature.clear", NULL, clear_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "signature-pad");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
desk_signature_pad_init (DeskSignaturePad *self)
{
  GtkLayoutManager *layout;

  gtk_widget_init_template (GTK_WIDGET (self));
  set_signature (self, NULL);

  layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));
  gtk_orientable_set_orientation (GTK_ORIENTABLE (layout), GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (layout), 12);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Customer's signature"),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  _("Sign in the box with a finger, a pen or the mouse. Undo "
                                    "takes back the last stroke, Clear starts again."),
                                  -1);
}

/**
 * desk_signature_pad_new:
 * @signature: (nullable): where the strokes go, or %NULL for a new signature
 *
 * Returns: (transfer floating): a new #DeskSignaturePad
 */
GtkWidget *
desk_signature_pad_new (DeskSignature *signature)
{
  return g_object_new (DESK_TYPE_SIGNATURE_PAD, "signature", signature, NULL);
}

DeskSignature *
desk_signature_pad_get_signature (DeskSignaturePad *self)
{
  g_return_val_if_fail (DESK_IS_SIGNATURE_PAD (self), NULL);

  return self->signature;
}

gboolean
desk_signature_pad_get_acceptable (DeskSignaturePad *self)
{
  g_return_val_if_fail (DESK_IS_SIGNATURE_PAD (self), FALSE);

  return desk_signature_is_acceptable (self->signature, NULL);
}

/**
 * desk_signature_pad_get_canvas:
 * @self: a #DeskSignaturePad
 *
 * Returns: (transfer none): the surface signed on
 */
/**
 * desk_signature_pad_set_signature:
 * @self: a #DeskSignaturePad
 * @signature: (nullable): where the strokes go, or %NULL for a new signature
 */
void
desk_signature_pad_set_signature (DeskSignaturePad *self,
                                  DeskSignature    *signature)
{
  g_return_if_fail (DESK_IS_SIGNATURE_PAD (self));
  g_return_if_fail (signature == NULL || DESK_IS_SIGNATURE (signature));

  set_signature (self, signature);
}

GtkWidget *
desk_signature_pad_get_canvas (DeskSignaturePad *self)
{
  g_return_val_if_fail (DESK_IS_SIGNATURE_PAD (self), NULL);

  return self->canvas;
}
