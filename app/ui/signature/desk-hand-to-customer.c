/* desk-hand-to-customer.c
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "desk-hand-to-customer"

#include "config.h"

#include <glib/gi18n.h>

#include "desk-hand-to-customer.h"
#include "desk-monitor-choice.h"
#include "desk-signature-pad.h"

/* What the customer sees before signing, full screen on the monitor facing them (or on the
 * counter PC's own): the devices and repairs, the total in large type, the shop's terms,
 * and the pad. "I Agree" is off until the ink is a signature; it and "Give Back" (or
 * Escape, for the assistant) hand the screen back. The terms shown are kept, so that the
 * intake records what the customer agreed to. */

struct _DeskHandToCustomer
{
  AdwWindow      parent_instance;

  /* Template children */
  GtkListBox    *devices;
  GtkLabel      *total_label;
  GtkLabel      *terms_label;
  GtkWidget     *pad;
  GtkLabel      *reason_label;
  GtkWidget     *agree_button;

  /* owned */
  char          *terms;
  GdkMonitor    *monitor;
};

enum {
  AGREED,
  GIVEN_BACK,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (DeskHandToCustomer, desk_hand_to_customer, ADW_TYPE_WINDOW)

static void
update_agree (DeskHandToCustomer *self)
{
  DeskSignature *signature = desk_hand_to_customer_get_signature (self);
  const char *reason = NULL;
  gboolean acceptable = desk_signature_is_acceptable (signature, &reason);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "hand.agree", acceptable);
  gtk_label_set_text (self->reason_label, acceptable ? "" : reason);
}

static void
agree_cb (GtkWidget  *widget,
          const char *action_name,
          GVariant   *parameter)
{
  DeskHandToCustomer *self = DESK_HAND_TO_CUSTOMER (widget);

  if (!desk_signature_is_acceptable (desk_hand_to_customer_get_signature (self), NULL))
    return;

  g_signal_emit (self, signals[AGREED], 0);
  gtk_window_close (GTK_WINDOW (self));
}

static void
give_back_cb (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  g_signal_emit (widget, signals[GIVEN_BACK], 0);
  gtk_window_close (GTK_WINDOW (widget));
}

static void
desk_hand_to_customer_dispose (GObject *object)
{
  DeskHandToCustomer *self = DESK_HAND_TO_CUSTOMER (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), DESK_TYPE_HAND_TO_CUSTOMER);
  g_clear_object (&self->monitor);

  G_OBJECT_CLASS (desk_hand_to_customer_parent_class)->dispose (object);
}

static void
desk_hand_to_customer_finalize (GObject *object)
{
  DeskHandToCustomer *self = DESK_HAND_TO_CUSTOMER (object);

  g_free (self->terms);

  G_OBJECT_CLASS (desk_hand_to_customer_parent_class)->finalize (object);
}

static void
desk_hand_to_customer_class_init (DeskHandToCustomerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = desk_hand_to_customer_dispose;
  object_class->finalize = desk_hand_to_customer_finalize;

  /**
   * DeskHandToCustomer::agreed:
   *
   * The customer signed and agreed; the window closes after this.
   */
  signals[AGREED] = g_signal_new ("agreed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  /**
   * DeskHandToCustomer::given-back:
   *
   * The screen went back to the assistant without an agreement; the window closes after
   * this. The strokes made so far stay in the signature.
   */
  signals[GIVEN_BACK] = g_signal_new ("given-back", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                      0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  g_type_ensure (DESK_TYPE_SIGNATURE_PAD);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/frontdesk/FrontDesk/signature/desk-hand-to-customer.ui");
  gtk_widget_class_bind_template_child (widget_class, DeskHandToCustomer, devices);
  gtk_widget_class_bind_template_child (widget_class, DeskHandToCustomer, total_label);
  gtk_widget_class_bind_template_child (widget_class, DeskHandToCustomer, terms_label);
  gtk_widget_class_bind_template_child (widget_class, DeskHandToCustomer, pad);
  gtk_widget_class_bind_template_child (widget_class, DeskHandToCustomer, reason_label);
  gtk_widget_class_bind_template_child (widget_class, DeskHandToCustomer, agree_button);

  gtk_widget_class_install_action (widget_class, "hand.agree", NULL, agree_cb);
  gtk_widget_class_install_action (widget_class, "hand.give-back", NULL, give_back_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "hand.give-back", NULL);
}

static void
desk_hand_to_customer_init (DeskHandToCustomer *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect_object (self->pad, "notify::acceptable", G_CALLBACK (update_agree), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->pad, "notify::signature", G_CALLBACK (update_agree), self,
                           G_CONNECT_SWAPPED);
  update_agree (self);
}

/**
 * desk_hand_to_customer_new:
 * @signature: where the customer's strokes go; strokes already there stay
 * @terms: the shop's terms, shown as plain text
 *
 * Returns: (transfer full): a new #DeskHandToCustomer, to show with
 *   desk_hand_to_customer_present_on()
 */
DeskHandToCustomer *
desk_hand_to_customer_new (DeskSignature *signature,
                           const char    *terms)
{
  DeskHandToCustomer *self;

  g_return_val_if_fail (DESK_IS_SIGNATURE (signature), NULL);

  self = g_object_new (DESK_TYPE_HAND_TO_CUSTOMER, NULL);
  desk_signature_pad_set_signature (DESK_SIGNATURE_PAD (self->pad), signature);
  self->terms = g_strdup (terms != NULL ? terms : "");
  gtk_label_set_text (self->terms_label, self->terms);
  gtk_widget_set_visible (GTK_WIDGET (self->terms_label), *self->terms != '\0');

  return self;
}

/**
 * desk_hand_to_customer_add_device:
 * @self: a #DeskHandToCustomer
 * @device: the device, as "Apple iPhone 13"
 * @problems: (nullable): the repairs, as "Screen, Battery"
 * @price: (nullable): the device's price, formatted
 *
 * Adds a row for a device; all text is shown as it is, never as markup.
 */
void
desk_hand_to_customer_add_device (DeskHandToCustomer *self,
                                  const char         *device,
                                  const char         *problems,
                                  const char         *price)
{
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  GtkWidget *row;

  g_return_if_fail (DESK_IS_HAND_TO_CUSTOMER (self));
  g_return_if_fail (device != NULL);

  title = g_markup_escape_text (device, -1);
  subtitle = g_markup_escape_text (problems != NULL ? problems : "", -1);
  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  gtk_widget_add_css_class (row, "property");
  if (price != NULL)
    {
      GtkWidget *label = gtk_label_new (price);

      gtk_widget_add_css_class (label, "title-3");
      gtk_widget_add_css_class (label, "numeric");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
    }
  gtk_list_box_append (self->devices, row);
}

/**
 * desk_hand_to_customer_set_total:
 * @self: a #DeskHandToCustomer
 * @total: the total of the intake, formatted with its currency
 */
void
desk_hand_to_customer_set_total (DeskHandToCustomer *self,
                                 const char         *total)
{
  g_return_if_fail (DESK_IS_HAND_TO_CUSTOMER (self));

  gtk_label_set_text (self->total_label, total != NULL ? total : "");
}

/**
 * desk_hand_to_customer_get_terms:
 * @self: a #DeskHandToCustomer
 *
 * Returns: the terms shown, to keep with the intake
 */
const char *
desk_hand_to_customer_get_terms (DeskHandToCustomer *self)
{
  g_return_val_if_fail (DESK_IS_HAND_TO_CUSTOMER (self), NULL);

  return self->terms;
}

/**
 * desk_hand_to_customer_get_signature:
 * @self: a #DeskHandToCustomer
 *
 * Returns: (transfer none): the signature the pad draws into
 */
DeskSignature *
desk_hand_to_customer_get_signature (DeskHandToCustomer *self)
{
  g_return_val_if_fail (DESK_IS_HAND_TO_CUSTOMER (self), NULL);

  return desk_signature_pad_get_signature (DESK_SIGNATURE_PAD (self->pad));
}

/* The monitors as plain structs for desk_monitor_choose(); the connector strings stay
 * owned by the monitors, which the list model holds. */
static GArray *
describe_monitors (GListModel *monitors)
{
  guint n = g_list_model_get_n_items (monitors);
  GArray *infos = g_array_sized_new (FALSE, TRUE, sizeof (DeskMonitorInfo), n);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GdkMonitor) monitor = g_list_model_get_item (monitors, i);
      GdkRectangle geometry;
      DeskMonitorInfo info;

      gdk_monitor_get_geometry (monitor, &geometry);
      info = (DeskMonitorInfo) { gdk_monitor_get_connector (monitor), geometry.x, geometry.y,
                                 geometry.width, geometry.height };
      g_array_append_val (infos, info);
    }

  return infos;
}

static int
window_monitor (GListModel *monitors,
                GdkDisplay *display,
                GtkWindow  *parent)
{
  GdkSurface *surface;
  GdkMonitor *monitor;

  if (parent == NULL || !gtk_widget_get_realized (GTK_WIDGET (parent)))
    return -1;

  surface = gtk_native_get_surface (GTK_NATIVE (parent));
  monitor = gdk_display_get_monitor_at_surface (display, surface);
  for (guint i = 0; monitor != NULL && i < g_list_model_get_n_items (monitors); i++)
    {
      g_autoptr(GdkMonitor) item = g_list_model_get_item (monitors, i);

      if (item == monitor)
        return (int) i;
    }

  return -1;
}

/**
 * desk_hand_to_customer_present_on:
 * @self: a #DeskHandToCustomer
 * @parent: (nullable): the Front Desk window
 * @connector: (nullable): the customer's monitor chosen in Preferences, as "HDMI-1"
 *
 * Shows the window full screen on the chosen monitor when it is connected, otherwise on
 * the monitor @parent is on. While it is up, @parent waits.
 *
 * Returns: (transfer none) (nullable): the monitor used
 */
GdkMonitor *
desk_hand_to_customer_present_on (DeskHandToCustomer *self,
                                  GtkWindow          *parent,
                                  const char         *connector)
{
  GdkDisplay *display;
  GListModel *monitors;
  g_autoptr(GArray) infos = NULL;
  int chosen;

  g_return_val_if_fail (DESK_IS_HAND_TO_CUSTOMER (self), NULL);
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);

  display = parent != NULL ? gtk_widget_get_display (GTK_WIDGET (parent))
                           : gdk_display_get_default ();
  monitors = gdk_display_get_monitors (display);
  infos = describe_monitors (monitors);
  chosen = desk_monitor_choose ((const DeskMonitorInfo *) (gpointer) infos->data, infos->len,
                                connector, window_monitor (monitors, display, parent));

  gtk_window_set_transient_for (GTK_WINDOW (self), parent);
  gtk_window_set_modal (GTK_WINDOW (self), parent != NULL);
  g_clear_object (&self->monitor);
  if (chosen >= 0)
    {
      self->monitor = g_list_model_get_item (monitors, (guint) chosen);
      gtk_window_fullscreen_on_monitor (GTK_WINDOW (self), self->monitor);
    }
  else
    gtk_window_fullscreen (GTK_WINDOW (self));

  gtk_window_present (GTK_WINDOW (self));

  return self->monitor;
}
