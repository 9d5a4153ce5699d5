/* desk-intake-page.c
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "desk-intake-page"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "signature/desk-hand-to-customer.h"
#include "signature/desk-signature-pad.h"
#include "desk-accessible.h"
#include "desk-intake-device.h"
#include "desk-intake-page-private.h"
#include "desk-intake-private.h"
#include "desk-out-of-view.h"

/* Checking a device in: who brings it, the devices, the job, the totals, and Create.
 *
 * Create sends the ticket once: the action is disabled from the press until the server's
 * answer, so a second press or a second Ctrl+Enter does nothing. A refusal keeps the form
 * as it is and says why in full; an answer that never came is said as such, since the
 * ticket may exist. */

enum {
  PROP_0,
  PROP_BUSY,
  PROP_BLOCKER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (DeskIntakePage, desk_intake_page, DESK_TYPE_PAGE)

/* --- Messages ------------------------------------------------------------------------------ */

void
desk_intake_page_show_error (DeskIntakePage *self,
                             const char     *text)
{
  g_free (self->error);
  self->error = g_strdup (text);
  gtk_label_set_text (self->error_label, text != NULL ? text : "");
  gtk_revealer_set_reveal_child (self->error_revealer, text != NULL);
}

static void
dismiss_error_cb (DeskIntakePage *self)
{
  desk_intake_page_show_error (self, NULL);
}

/* --- Devices ------------------------------------------------------------------------------- */

static void
renumber_devices (DeskIntakePage *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->devices));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(DeskIntakeDevice) device = g_list_model_get_item (G_LIST_MODEL (self->devices), i);

      desk_intake_device_set_number (device, i + 1, n > 1);
    }
}

static void
device_remove_cb (DeskIntakePage   *self,
                  DeskIntakeDevice *device)
{
  guint position;

  if (g_list_model_get_n_items (G_LIST_MODEL (self->devices)) < 2 ||
      !g_list_store_find (self->devices, device, &position))
    return;

  gtk_box_remove (self->devices_box, GTK_WIDGET (device));
  g_list_store_remove (self->devices, position);
  renumber_devices (self);
  desk_intake_page_update (self);
}

DeskIntakeDevice *
desk_intake_page_add_device (DeskIntakePage *self)
{
  GtkWidget *device = desk_intake_device_new (desk_page_get_catalog (DESK_PAGE (self)),
                                              desk_page_get_settings (DESK_PAGE (self)));

  g_signal_connect_object (device, "changed", G_CALLBACK (desk_intake_page_update), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (device, "remove", G_CALLBACK (device_remove_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_box_append (self->devices_box, device);
  g_list_store_append (self->devices, device);
  renumber_devices (self);
  desk_intake_page_update (self);

  return DESK_INTAKE_DEVICE (device);
}

static void
add_device_action_cb (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  DeskIntakeDevice *device = desk_intake_page_add_device (DESK_INTAKE_PAGE (widget));

  gtk_widget_grab_focus (GTK_WIDGET (device));
}

/* --- The job ------------------------------------------------------------------------------- */

GDateTime *
desk_intake_page_get_due (DeskIntakePage *self)
{
  g_autoptr(GDateTime) day = gtk_calendar_get_date (self->due_calendar);

  return g_date_time_new_local (g_date_time_get_year (day), g_date_time_get_month (day),
                                g_date_time_get_day_of_month (day),
                                gtk_spin_button_get_value_as_int (self->due_hour), 0, 0);
}

static void
due_changed_cb (DeskIntakePage *self)
{
  g_autoptr(GDateTime) due = desk_intake_page_get_due (self);
  g_autofree char *text = g_date_time_format (due, "%x %H:00");

  gtk_menu_button_set_label (self->due_button, text);
  desk_intake_page_update (self);
}

void
desk_intake_page_set_due (DeskIntakePage *self,
                          GDateTime      *due)
{
  gtk_calendar_select_day (self->due_calendar, due);
  gtk_spin_button_set_value (self->due_hour, g_date_time_get_hour (due));
  due_changed_cb (self);
}

/* Due: now plus the shop's usual turnaround, on the hour. */
static void
reset_due (DeskIntakePage *self)
{
  GSettings *settings = desk_page_get_settings (DESK_PAGE (self));
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) due = g_date_time_add_hours (now, g_settings_get_int (settings,
                                                                             "intake-turnaround-hours"));

  desk_intake_page_set_due (self, due);
}

/* Pending is where a new ticket starts unless the shop has no such status. */
static void
select_default_status (DeskIntakePage *self)
{
  GListModel *statuses = adw_combo_row_get_model (self->status_row);

  for (guint i = 0; statuses != NULL && i < g_list_model_get_n_items (statuses); i++)
    {
      g_autoptr(DeskNamedItem) status = g_list_model_get_item (statuses, i);

      if (g_ascii_strcasecmp (desk_named_item_get_name (status), "Pending") == 0)
        {
          adw_combo_row_set_selected (self->status_row, i);
          return;
        }
    }
}

static void
changed_cb (DeskIntakePage *self)
{
  desk_intake_page_update (self);
}

/* --- The signature ------------------------------------------------------------------------ */

static char *
device_problems (DeskTicketDevice *device)
{
  GListModel *items = desk_ticket_device_get_repair_items (device);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) names = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(DeskNamedItem) item = g_list_model_get_item (items, i);

      g_strv_builder_add (builder, desk_named_item_get_name (item));
    }
  names = g_strv_builder_end (builder);

  return g_strjoinv (", ", names);
}

/* The terms stand above the pad on the form too, so that whoever signs has seen them. */
static void
show_terms (DeskIntakePage *self)
{
  g_autofree char *terms = g_settings_get_string (desk_page_get_settings (DESK_PAGE (self)),
                                                  "intake-terms");

  adw_preferences_group_set_description (self->signature_group, terms);
}

/* The customer's screen: what is checked in and what it costs, the terms, and the pad on
 * the same strokes as the one on the form. */
static void
hand_to_customer_action_cb (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  DeskIntakePage *self = DESK_INTAKE_PAGE (widget);
  GSettings *settings = desk_page_get_settings (DESK_PAGE (self));
  g_autofree char *terms = g_settings_get_string (settings, "intake-terms");
  g_autofree char *monitor = g_settings_get_string (settings, "customer-monitor");
  g_autoptr(DeskTicket) ticket = desk_intake_page_build_ticket (self);
  GListModel *devices = desk_ticket_get_devices (ticket);
  DeskHandToCustomer *window = desk_hand_to_customer_new (self->signature, terms);
  g_autofree char *total = desk_money_format (self->totals.total, NULL);
  GtkRoot *root = gtk_widget_get_root (widget);

  for (guint i = 0; i < g_list_model_get_n_items (devices); i++)
    {
      g_autoptr(DeskTicketDevice) device = g_list_model_get_item (devices, i);
      g_autofree char *problems = device_problems (device);
      g_autofree char *price = desk_money_format (desk_ticket_device_get_price (device), NULL);
      const char *name = desk_ticket_device_get_device_name (device);

      desk_hand_to_customer_add_device (window, name != NULL ? name : _("Device"), problems, price);
    }
  desk_hand_to_customer_set_total (window, total);
  desk_hand_to_customer_present_on (window, GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                    monitor);
}

/* --- Totals and what blocks Create --------------------------------------------------------- */

static void
set_money (GtkLabel *label,
           gint64    cents)
{
  g_autofree char *text = desk_money_format (cents, NULL);

  gtk_label_set_text (label, text);
}

const char *
desk_intake_page_find_blocker (DeskIntakePage *self)
{
  GSettings *settings = desk_page_get_settings (DESK_PAGE (self));
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->devices));

  if (self->customer == NULL && !self->walk_in)
    return _("Choose the customer, or Walk-in.");

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(DeskIntakeDevice) device = g_list_model_get_item (G_LIST_MODEL (self->devices), i);
      const char *problem = desk_intake_device_get_problem (device);

      if (problem != NULL)
        return problem;
      if (g_settings_get_boolean (settings, "intake-require-pre-conditions") &&
          !desk_intake_device_get_conditions_complete (device))
        return _("Check every condition on arrival: this shop asks for all of them.");
    }

  if (g_settings_get_boolean (settings, "intake-require-signature") &&
      !desk_signature_is_acceptable (self->signature, NULL))
    return _("The customer has not signed yet: this shop asks for a signature.");

  return NULL;
}

/* The totals the server will work out, or why they cannot be. */
static const char *
update_totals (DeskIntakePage *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->devices));
  g_autofree DeskIntakeLine *lines = g_new0 (DeskIntakeLine, MAX (n, 1));
  g_autoptr(GPtrArray) sections = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  DeskTotals totals;

  for (guint i = 0; i < n; i++)
    {
      DeskIntakeDevice *device = g_list_model_get_item (G_LIST_MODEL (self->devices), i);

      g_ptr_array_add (sections, device);
      desk_intake_device_get_line (device, &lines[i]);
    }

  desk_intake_totals_compute (lines, n, &totals, &error);
  self->totals = totals;
  set_money (self->subtotal_label, totals.subtotal);
  set_money (self->discount_label, totals.discount);
  set_money (self->tax_label, totals.tax);
  set_money (self->total_label, totals.total);

  g_free (self->totals_problem);
  self->totals_problem = error != NULL ? g_strdup (error->message) : NULL;

  return self->totals_problem;
}

void
desk_intake_page_update (DeskIntakePage *self)
{
  const char *blocker;

  if (self->updating || self->devices == NULL)
    return;

  blocker = desk_intake_page_find_blocker (self);
  if (blocker == NULL)
    blocker = update_totals (self);
  else
    update_totals (self);
  if (g_strcmp0 (blocker, self->blocker) != 0)
    {
      g_free (self->blocker);
      self->blocker = g_strdup (blocker);
      /* Above the bar, across its width: between its buttons it was squeezed to a word. */
      gtk_label_set_text (self->blocker_label, blocker != NULL ? blocker : "");
      gtk_widget_set_visible (GTK_WIDGET (self->blocker_label), blocker != NULL);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BLOCKER]);
    }

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "intake.create",
                                 blocker == NULL && !self->busy && !self->unknown);
  desk_intake_page_save_draft_soon (self);
}

void
desk_intake_page_set_busy (DeskIntakePage *self,
                           gboolean        busy)
{
  if (self->busy == busy)
    return;

  self->busy = busy;
  desk_spinner_set_spinning (self->busy_spinner, busy);
  gtk_widget_set_visible (GTK_WIDGET (self->busy_spinner), busy);
  desk_intake_page_update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

/* Empties the form, with no device; the draft it held is not touched. */
void
desk_intake_page_clear (DeskIntakePage *self)
{
  GtkWidget *child;

  self->updating = TRUE;
  g_clear_object (&self->customer);
  self->walk_in = FALSE;
  gtk_editable_set_text (desk_customer_picker_get_entry (self->customer_picker), "");
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->devices_box))) != NULL)
    gtk_box_remove (self->devices_box, child);
  g_list_store_remove_all (self->devices);
  gtk_editable_set_text (GTK_EDITABLE (self->staff_comments_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->public_comments_row), "");
  desk_signature_clear (self->signature);
  select_default_status (self);
  adw_combo_row_set_selected (self->technician_row, 0);
  reset_due (self);
  self->updating = FALSE;
  desk_intake_page_show_chosen (self);
}

/* A new intake on an empty form. */
void
desk_intake_page_start_over (DeskIntakePage *self)
{
  desk_intake_page_clear (self);
  desk_intake_page_add_device (self);
}

/* Emptying the form sets its intake aside for good, with a moment to take it back. */
static void
start_over_with_undo (DeskIntakePage *self)
{
  g_autoptr(DeskIntakeDraft) draft = NULL;

  desk_intake_page_save_draft (self);
  if (self->draft_saved)
    draft = g_object_ref (self->draft);

  desk_intake_page_new_draft (self);
  desk_intake_page_start_over (self);
  if (draft != NULL)
    desk_intake_page_discard_draft (self, draft);
}

static void
start_over_action_cb (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  DeskIntakePage *self = DESK_INTAKE_PAGE (widget);

  if (self->busy)
    return;

  desk_intake_page_show_error (self, NULL);
  start_over_with_undo (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->customer_picker));
}

/* --- GObject ------------------------------------------------------------------------------- */

static void
desk_intake_page_dispose (GObject *object)
{
  DeskIntakePage *self = DESK_INTAKE_PAGE (object);

  /* What was typed in the last moments is written before the screen goes. */
  if (self->devices != NULL)
    desk_intake_page_save_draft (self);
  g_cancellable_cancel (self->cancellable);
  g_cancellable_cancel (self->drafts_cancellable);

  gtk_widget_dispose_template (GTK_WIDGET (self), DESK_TYPE_INTAKE_PAGE);

  g_clear_object (&self->customer);
  g_clear_object (&self->queued_customer);
  g_clear_pointer (&self->queued_customer_change, g_free);
  g_clear_object (&self->draft);
  g_clear_object (&self->drafts_cancellable);
  g_clear_pointer (&self->waiting_rows, g_ptr_array_unref);
  g_clear_object (&self->created);
  g_clear_object (&self->signature);
  g_clear_object (&self->devices);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->blocker, g_free);
  g_clear_pointer (&self->error, g_free);
  g_clear_pointer (&self->totals_problem, g_free);

  G_OBJECT_CLASS (desk_intake_page_parent_class)->dispose (object);
}

static void
desk_intake_page_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  DeskIntakePage *self = DESK_INTAKE_PAGE (object);

  switch (prop_id)
    {
    case PROP_BUSY:
      g_value_set_boolean (value, self->busy);
      break;
    case PROP_BLOCKER:
      g_value_set_string (value, self->blocker);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
desk_intake_page_constructed (GObject *object)
{
  DeskIntakePage *self = DESK_INTAKE_PAGE (object);
  DeskPage *page = DESK_PAGE (self);
  GtkExpression *name;
  g_autoptr(GListModel) technicians = NULL;

  G_OBJECT_CLASS (desk_intake_page_parent_class)->constructed (object);

  /* Only a template check builds the screen without the store's services. */
  if (desk_page_get_catalog (page) == NULL)
    return;

  desk_intake_page_set_up_customer (self);
  name = gtk_property_expression_new (DESK_TYPE_NAMED_ITEM, NULL, "name");
  adw_combo_row_set_expression (self->status_row, name);
  adw_combo_row_set_expression (self->task_type_row, name);
  adw_combo_row_set_expression (self->technician_row, name);
  gtk_expression_unref (name);

  adw_combo_row_set_model (self->status_row, desk_page_get_list (page, DESK_CATALOG_STATUSES));
  adw_combo_row_set_model (self->task_type_row, desk_page_get_list (page, DESK_CATALOG_TASK_TYPES));
  technicians = desk_intake_list_with_none (desk_page_get_list (page, DESK_CATALOG_EMPLOYEES),
                                            DESK_TYPE_EMPLOYEE, _("Not Assigned"));
  adw_combo_row_set_model (self->technician_row, technicians);
  g_signal_connect_object (desk_page_get_settings (page), "changed::intake-require-pre-conditions",
                           G_CALLBACK (desk_intake_page_update), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (desk_page_get_settings (page), "changed::intake-require-signature",
                           G_CALLBACK (desk_intake_page_update), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (desk_page_get_settings (page), "changed::intake-terms",
                           G_CALLBACK (show_terms), self, G_CONNECT_SWAPPED);
  show_terms (self);
  g_signal_connect_object (desk_page_get_list (page, DESK_CATALOG_STATUSES), "items-changed",
                           G_CALLBACK (select_default_status), self, G_CONNECT_SWAPPED);

  desk_intake_page_new_draft (self);
  desk_intake_page_start_over (self);
  desk_intake_page_refresh_waiting (self);
}

/* The cursor goes where checking in starts: the customer, or the first device once the
 * customer is chosen. */
static void
desk_intake_page_focus_search (DeskPage *page)
{
  DeskIntakePage *self = DESK_INTAKE_PAGE (page);

  if (gtk_widget_get_visible (GTK_WIDGET (self->customer_picker)))
    gtk_widget_grab_focus (GTK_WIDGET (self->customer_picker));
  else
    gtk_widget_child_focus (GTK_WIDGET (self->devices_box), GTK_DIR_TAB_FORWARD);
}

static void
desk_intake_page_class_init (DeskIntakePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  DeskPageClass *page_class = DESK_PAGE_CLASS (klass);

  object_class->constructed = desk_intake_page_constructed;
  object_class->dispose = desk_intake_page_dispose;
  object_class->get_property = desk_intake_page_get_property;
  page_class->focus_search = desk_intake_page_focus_search;

  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BLOCKER] =
    g_param_spec_string ("blocker", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_action (widget_class, "intake.add-device", NULL, add_device_action_cb);
  gtk_widget_class_install_action (widget_class, "intake.start-over", NULL, start_over_action_cb);
  gtk_widget_class_install_action (widget_class, "intake.hand-to-customer", NULL,
                                   hand_to_customer_action_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK,
                                       "intake.create", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, GDK_CONTROL_MASK,
                                       "intake.create", NULL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  g_type_ensure (DESK_TYPE_SPINNER);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/frontdesk/FrontDesk/intake/desk-intake-page.ui");
  gtk_widget_class_bind_template_child (widget_class, DeskIntakePage, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, DeskIntakePage, error_revealer);
  gtk_widget_class_bind_template_child (widget_class, DeskIntakePage, error_label);
  gtk_widget_class_bind_template_child (widget_class, DeskIntakePage, customer_picker);
  gtk_widget_class_bind_template_child (widget_class, DeskIntakePage, chosen_list);
  gtk_widget_class_bind_template_child (widget_class, DeskIntakePage, chosen_row);
  gtk_widget_class_bind_template_child (widget_class, DeskIntakePage, devices_box);
  gtk_widget_class_bind_template_child (widget_class, DeskIntakePage, status_row);
  gtk_widget_class_bind_template_child (widget_class, DeskIntakePage, task_type_row);
  gtk_widget_class_bind_template_child (widget_class, DeskIntakePage, technician_row);
  gtk_widget_class_bind_template_child (widget_class, DeskIntakePage, due_button);
  gtk_widget_class_bind_template_child (widget_class, DeskIntakePage, due_calendar);
  gtk_widget_class_bind_template_child (widget_class, DeskIntakePage, due_hour);
  gtk_widget_class_bind_template_child (widget_class, DeskIntakePage, staff_comments_row);
  gtk_widget_class_bind_template_child (widget_class, DeskIntakePage, public_comments_row);
  gtk_widget_class_bind_template_child (widget_class, DeskIntakePage, subtotal_label);
  gtk_widget_class_bind_template_child (widget_class, DeskIntakePage, discount_label);
  gtk_widget_class_bind_template_child (widget_class, DeskIntakePage, tax_label);
  gtk_widget_class_bind_template_child (widget_class, DeskIntakePage, total_label);
  gtk_widget_class_bind_template_child (widget_class, DeskIntakePage, blocker_label);
  gtk_widget_class_bind_template_child (widget_class, DeskIntakePage, busy_spinner);
  gtk_widget_class_bind_template_child (widget_class, DeskIntakePage, signature_pad);
  gtk_widget_class_bind_template_child (widget_class, DeskIntakePage, signature_group);
  gtk_widget_class_bind_template_child (widget_class, DeskIntakePage, waiting_group);
  gtk_widget_class_bind_template_child (widget_class, DeskIntakePage, send_again_button);
  gtk_widget_class_bind_template_child (widget_class, DeskIntakePage, check_again_button);
  gtk_widget_class_bind_template_callback (widget_class, dismiss_error_cb);
  desk_intake_page_class_add_customer (widget_class);
  desk_intake_page_class_add_create (widget_class);
  gtk_widget_class_bind_template_callback (widget_class, due_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, desk_intake_move_on);
}

static void
desk_intake_page_init (DeskIntakePage *self)
{
  g_type_ensure (DESK_TYPE_CUSTOMER_PICKER);
  g_type_ensure (DESK_TYPE_INTAKE_DEVICE);
  g_type_ensure (DESK_TYPE_SIGNATURE_PAD);
  gtk_widget_init_template (GTK_WIDGET (self));
  desk_revealer_hide_concealed (self->error_revealer);
  desk_accessible_tidy_mnemonics (GTK_WIDGET (self));

  self->signature = desk_signature_new ();
  desk_signature_pad_set_signature (self->signature_pad, self->signature);
  g_signal_connect_object (self->signature, "changed", G_CALLBACK (desk_intake_page_save_draft_soon),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->signature, "notify::acceptable", G_CALLBACK (desk_intake_page_update), self,
                           G_CONNECT_SWAPPED);

  self->devices = g_list_store_new (DESK_TYPE_INTAKE_DEVICE);
  self->cancellable = g_cancellable_new ();
  self->drafts_cancellable = g_cancellable_new ();
  self->waiting_rows = g_ptr_array_new ();
}

/* --- Public API ---------------------------------------------------------------------------- */

GtkWidget *
desk_intake_page_new (DeskContext *context)
{
  g_return_val_if_fail (DESK_IS_CONTEXT (context), NULL);

  return g_object_new (DESK_TYPE_INTAKE_PAGE, "context", context, NULL);
}

void
desk_intake_page_set_customer (DeskIntakePage *self,
                               DeskCustomer   *customer)
{
  g_return_if_fail (DESK_IS_INTAKE_PAGE (self));
  g_return_if_fail (customer == NULL || DESK_IS_CUSTOMER (customer));

  g_set_object (&self->customer, customer);
  self->walk_in = FALSE;
  desk_intake_page_show_chosen (self);
  desk_intake_page_update (self);
}

/* Returns: (transfer none) (nullable): the customer picked, %NULL for none or a walk-in */
DeskCustomer *
desk_intake_page_get_customer (DeskIntakePage *self)
{
  g_return_val_if_fail (DESK_IS_INTAKE_PAGE (self), NULL);

  return self->customer;
}

gboolean
desk_intake_page_get_walk_in (DeskIntakePage *self)
{
  g_return_val_if_fail (DESK_IS_INTAKE_PAGE (self), FALSE);

  return self->walk_in;
}

/* Returns: (transfer none): the device sections, as #DeskIntakeDevice */
GListModel *
desk_intake_page_get_devices (DeskIntakePage *self)
{
  g_return_val_if_fail (DESK_IS_INTAKE_PAGE (self), NULL);

  return G_LIST_MODEL (self->devices);
}

static gint64
selected_id (AdwComboRow *row)
{
  DeskNamedItem *item = adw_combo_row_get_selected_item (row);

  return item != NULL ? desk_named_item_get_id (item) : 0;
}

static char *
row_text (AdwEntryRow *row)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
}

/* Returns: (transfer full): the ticket as entered so far */
DeskTicket *
desk_intake_page_build_ticket (DeskIntakePage *self)
{
  DeskTicket *ticket = desk_ticket_new ();
  DeskNamedItem *status = adw_combo_row_get_selected_item (self->status_row);
  g_autoptr(GDateTime) due = desk_intake_page_get_due (self);
  g_autofree char *staff = row_text (self->staff_comments_row);
  g_autofree char *public = row_text (self->public_comments_row);

  g_return_val_if_fail (DESK_IS_INTAKE_PAGE (self), ticket);

  if (self->customer != NULL)
    desk_ticket_set_customer (ticket, self->customer);
  if (desk_signature_is_acceptable (self->signature, NULL))
    {
      g_autofree char *png = desk_signature_to_base64 (self->signature, NULL);

      desk_ticket_set_signature (ticket, png);
    }

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->devices)); i++)
    {
      g_autoptr(DeskIntakeDevice) section = g_list_model_get_item (G_LIST_MODEL (self->devices), i);
      g_autoptr(DeskTicketDevice) device = desk_intake_device_get_device (section);

      g_object_set (device,
                    "status", status != NULL ? desk_named_item_get_name (status) : NULL,
                    "task-type-id", selected_id (self->task_type_row),
                    "assigned-to-id", selected_id (self->technician_row),
                    "due-on", g_date_time_to_unix (due),
                    "staff-comments", staff, "public-comments", public,
                    NULL);
      desk_ticket_add_device (ticket, device);
    }

  return ticket;
}

/* Returns: (nullable): why Create is not possible yet, or %NULL */
const char *
desk_intake_page_get_blocker (DeskIntakePage *self)
{
  g_return_val_if_fail (DESK_IS_INTAKE_PAGE (self), NULL);

  return self->blocker;
}

gboolean
desk_intake_page_get_busy (DeskIntakePage *self)
{
  g_return_val_if_fail (DESK_IS_INTAKE_PAGE (self), FALSE);

  return self->busy;
}

/* Returns: (transfer none) (nullable): the ticket the last Create made */
DeskTicket *
desk_intake_page_get_created (DeskIntakePage *self)
{
  g_return_val_if_fail (DESK_IS_INTAKE_PAGE (self), NULL);

  return self->created;
}

/* Returns: (nullable): the message shown above the form, if any */
const char *
desk_intake_page_get_error (DeskIntakePage *self)
{
  g_return_val_if_fail (DESK_IS_INTAKE_PAGE (self), NULL);

  return self->error;
}

/**
 * desk_intake_page_get_totals:
 * @self: a #DeskIntakePage
 * @totals: (out caller-allocates): the totals shown, as the server will work them out
 */
void
desk_intake_page_get_totals (DeskIntakePage *self,
                             DeskTotals     *totals)
{
  g_return_if_fail (DESK_IS_INTAKE_PAGE (self));

  *totals = self->totals;
}

/* Returns: (transfer none): the strokes the customer signed with */
DeskSignature *
desk_intake_page_get_signature (DeskIntakePage *self)
{
  g_return_val_if_fail (DESK_IS_INTAKE_PAGE (self), NULL);

  return self->signature;
}
