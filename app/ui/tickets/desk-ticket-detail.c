/* desk-ticket-detail.c
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "desk-ticket-detail"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "desk-accessible.h"
#include "desk-message-dialog.h"
#include "desk-out-of-view.h"
#include "desk-ticket-detail-private.h"
#include "desk-ticket-sections.h"
#include "desk-touch.h"

/* Everything about one ticket: loading it, showing it, and converting it to an invoice.
 * What may be changed on it, and how a change is sent and kept when it fails, is in
 * desk-ticket-detail-edits.c. */

enum {
  PROP_0,
  PROP_CLIENT,
  PROP_CATALOG,
  PROP_WRITER,
  PROP_TICKET,
  PROP_BUSY,
  PROP_FOLDED,
  N_PROPS
};

enum {
  MESSAGE,
  SAVED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (DeskTicketDetail, desk_ticket_detail, GTK_TYPE_WIDGET)

static void fetch (DeskTicketDetail *self);

void
desk_ticket_detail_say (DeskTicketDetail *self,
                        const char       *text)
{
  g_signal_emit (self, signals[MESSAGE], 0, text);
}

/* A change or a conversion goes on when the user opens another ticket meanwhile: its
 * outcome is still said and the list row still updated, but only the ticket it was made
 * on takes its answer. */
gboolean
desk_ticket_detail_shows_ticket (DeskTicketDetail *self,
                                 gint64            id)
{
  return self->ticket != NULL && desk_ticket_get_id (self->ticket) == id;
}

static gboolean
has_invoice (DeskTicketDetail *self)
{
  return self->converted || (self->ticket != NULL && desk_ticket_has_invoice (self->ticket));
}

/* Never twice: once converted the button stays off, whatever the server says. */
static gboolean
can_convert (DeskTicketDetail *self)
{
  return desk_ticket_can_convert (self->ticket, self->loaded) && !self->converted && !self->busy;
}

void
desk_ticket_detail_update_actions (DeskTicketDetail *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "detail.convert", can_convert (self));
  /* With no ticket open there is nothing to title or convert. */
  gtk_widget_set_visible (self->toolbar, self->ticket != NULL);
  gtk_widget_set_visible (self->toolbar_separator, self->ticket != NULL);
  gtk_button_set_label (GTK_BUTTON (self->convert_button),
                        has_invoice (self) ? _("Invoiced")
                                                       : _("Convert to _Invoice"));
}

void
desk_ticket_detail_set_busy (DeskTicketDetail *self,
                             gboolean          busy)
{
  if (self->busy == busy)
    return;

  self->busy = busy;
  desk_spinner_set_spinning (self->busy_spinner, busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->content), !busy);
  desk_ticket_detail_update_actions (self);
  if (!busy)
    desk_ticket_detail_restore_focus (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
clear_content (DeskTicketDetail *self)
{
  GtkWidget *child;

  g_hash_table_remove_all (self->rows);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->content))) != NULL)
    gtk_box_remove (self->content, child);
}

static void
append_group (DeskTicketDetail *self,
              GtkWidget        *group)
{
  if (group != NULL)
    gtk_box_append (self->content, group);
}

void
desk_ticket_detail_fill (DeskTicketDetail *self)
{
  GListModel *devices = desk_ticket_get_devices (self->ticket);
  DeskCustomer *customer = desk_ticket_get_customer (self->ticket);

  desk_ticket_detail_remember_focus (self);
  self->filling = TRUE;
  clear_content (self);
  adw_window_title_set_title (self->title, desk_ticket_get_order_id (self->ticket));
  adw_window_title_set_subtitle (self->title, customer != NULL ?
                                 desk_customer_get_full_name (customer) : NULL);

  append_group (self, desk_ticket_customer_group (self->ticket));
  for (guint i = 0; i < g_list_model_get_n_items (devices); i++)
    {
      g_autoptr(DeskTicketDevice) device = g_list_model_get_item (devices, i);

      append_group (self, desk_ticket_detail_device_group (self, device, i));
    }
  append_group (self, desk_ticket_totals_group (self->ticket));
  append_group (self, desk_ticket_signature_group (self->ticket));
  append_group (self, desk_ticket_history_group (self->ticket));
  append_group (self, desk_ticket_notes_group (self->ticket));

  desk_stack_show_child (self->stack, "ticket");
  desk_ticket_detail_update_actions (self);
  self->filling = FALSE;
  desk_ticket_detail_restore_edits (self);
  desk_ticket_detail_restore_focus (self);
}

static void
set_ticket (DeskTicketDetail *self,
            DeskTicket       *ticket)
{
  if (!g_set_object (&self->ticket, ticket))
    return;

  if (ticket != NULL)
    desk_ticket_detail_fill (self);
  else
    desk_stack_show_child (self->stack, "none");

  desk_ticket_detail_update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TICKET]);
}

/* The ticket as the server holds it, read just now. */
void
desk_ticket_detail_take_ticket (DeskTicketDetail *self,
                                DeskTicket       *ticket)
{
  self->loaded = TRUE;
  set_ticket (self, ticket);
  desk_ticket_detail_update_actions (self);
}

/* --- Loading ---------------------------------------------------------------------------- */

static void
fetched_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(DeskTicketDetail) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(DeskTicket) ticket = NULL;

  ticket = desk_api_client_get_ticket_finish (DESK_API_CLIENT (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  desk_ticket_detail_set_busy (self, FALSE);
  if (ticket == NULL)
    {
      self->loaded = FALSE;
      adw_status_page_set_description (self->error_page, error->message);
      desk_stack_show_child (self->stack, "error");
      desk_ticket_detail_update_actions (self);
      return;
    }

  desk_ticket_detail_take_ticket (self, ticket);
}

static void
fetch (DeskTicketDetail *self)
{
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  desk_ticket_detail_remember_focus (self);
  desk_ticket_detail_set_busy (self, TRUE);
  desk_api_client_get_ticket_async (self->client, desk_ticket_get_id (self->ticket),
                                    self->cancellable, fetched_cb, g_object_ref (self));
}

/* --- Converting --------------------------------------------------------------------------- */

static void
converted_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(DeskTicketDetail) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(DeskInvoice) invoice = NULL;
  g_autofree char *text = NULL;
  DeskFate fate;

  fate = desk_writer_submit_finish (DESK_WRITER (object), result, (gpointer *) &invoice, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (desk_ticket_detail_shows_ticket (self, self->writing_id))
    desk_ticket_detail_set_busy (self, FALSE);
  if (fate != DESK_FATE_SAVED)
    {
      text = g_strdup_printf (fate == DESK_FATE_UNKNOWN
                                ? _("The ticket may not have been converted: %s")
                                : _("The ticket was not converted: %s"), error->message);
      desk_ticket_detail_say (self, text);
      return;
    }

  /* The ticket, read again below, shows the invoice as a row that opens it. */
  text = g_strdup_printf (_("Invoice %s created"), desk_invoice_get_order_id (invoice));
  desk_ticket_detail_say (self, text);
  if (!desk_ticket_detail_shows_ticket (self, self->writing_id))
    return;

  self->converted = TRUE;
  fetch (self);
}

static void
convert_response_cb (DeskTicketDetail *self,
                     const char       *response)
{
  if (g_strcmp0 (response, "convert") == 0)
    desk_ticket_detail_convert (self);
}

/* An invoice bills the customer and cannot be taken back from here: the button asks. */
static void
convert_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  DeskTicketDetail *self = DESK_TICKET_DETAIL (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autofree char *heading = NULL;
  AdwMessageDialog *dialog;

  if (!can_convert (self))
    return;

  heading = g_strdup_printf (_("Convert %s to an Invoice?"),
                             desk_ticket_get_order_id (self->ticket));
  dialog = desk_message_dialog_ask (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, heading,
                                    _("The invoice bills the customer for the ticket’s repairs "
                                      "and parts."),
                                    "convert", _("_Convert"), ADW_RESPONSE_SUGGESTED,
                                    G_CALLBACK (convert_response_cb), self);
  adw_message_dialog_set_default_response (dialog, "cancel");
}

static void
reload_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  DeskTicketDetail *self = DESK_TICKET_DETAIL (widget);

  if (self->ticket != NULL)
    fetch (self);
}

/* One writer for every change the detail sends; a shared one when given. */
static void
set_client (DeskTicketDetail *self,
            DeskApiClient    *client)
{
  if (!g_set_object (&self->client, client))
    return;

  if (client != NULL && (self->writer == NULL || desk_writer_get_client (self->writer) != client))
    {
      g_clear_object (&self->writer);
      self->writer = desk_writer_new (client);
    }
}

/* --- GObject ------------------------------------------------------------------------------ */

static void
desk_ticket_detail_dispose (GObject *object)
{
  DeskTicketDetail *self = DESK_TICKET_DETAIL (object);

  g_cancellable_cancel (self->cancellable);
  g_cancellable_cancel (self->write_cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), DESK_TYPE_TICKET_DETAIL);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->write_cancellable);
  g_clear_object (&self->ticket);
  g_clear_object (&self->client);
  g_clear_object (&self->catalog);
  g_clear_object (&self->writer);
  g_hash_table_remove_all (self->rows);

  G_OBJECT_CLASS (desk_ticket_detail_parent_class)->dispose (object);
}

static void
desk_ticket_detail_finalize (GObject *object)
{
  DeskTicketDetail *self = DESK_TICKET_DETAIL (object);

  g_clear_pointer (&self->rows, g_hash_table_unref);
  g_clear_pointer (&self->edits, g_ptr_array_unref);
  g_clear_pointer (&self->sending, g_ptr_array_unref);
  g_clear_pointer (&self->stashed, g_hash_table_unref);
  g_free (self->unsaved_reason);
  g_free (self->focus_property);

  G_OBJECT_CLASS (desk_ticket_detail_parent_class)->finalize (object);
}

static void
desk_ticket_detail_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  DeskTicketDetail *self = DESK_TICKET_DETAIL (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      g_value_set_object (value, self->client);
      break;
    case PROP_CATALOG:
      g_value_set_object (value, self->catalog);
      break;
    case PROP_WRITER:
      g_value_set_object (value, self->writer);
      break;
    case PROP_TICKET:
      g_value_set_object (value, self->ticket);
      break;
    case PROP_BUSY:
      g_value_set_boolean (value, self->busy);
      break;
    case PROP_FOLDED:
      g_value_set_boolean (value, gtk_widget_get_visible (self->back_button));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
desk_ticket_detail_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  DeskTicketDetail *self = DESK_TICKET_DETAIL (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      set_client (self, g_value_get_object (value));
      break;
    case PROP_CATALOG:
      g_set_object (&self->catalog, g_value_get_object (value));
      break;
    case PROP_WRITER:
      if (g_value_get_object (value) != NULL)
        g_set_object (&self->writer, g_value_get_object (value));
      break;
    case PROP_FOLDED:
      gtk_widget_set_visible (self->back_button, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
desk_ticket_detail_class_init (DeskTicketDetailClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = desk_ticket_detail_dispose;
  object_class->finalize = desk_ticket_detail_finalize;
  object_class->get_property = desk_ticket_detail_get_property;
  object_class->set_property = desk_ticket_detail_set_property;

  properties[PROP_CLIENT] =
    g_param_spec_object ("client", NULL, NULL, DESK_TYPE_API_CLIENT,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  properties[PROP_CATALOG] =
    g_param_spec_object ("catalog", NULL, NULL, DESK_TYPE_CATALOG,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  /* Where changes are sent; one of the detail's own when none is given. */
  properties[PROP_WRITER] =
    g_param_spec_object ("writer", NULL, NULL, DESK_TYPE_WRITER,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  properties[PROP_TICKET] =
    g_param_spec_object ("ticket", NULL, NULL, DESK_TYPE_TICKET,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* Whether the detail stands alone in a folded leaflet, and so shows a back button. */
  properties[PROP_FOLDED] =
    g_param_spec_boolean ("folded", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* A line for a toast: a saved change, a refused one, a new invoice. */
  signals[MESSAGE] = g_signal_new ("message", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  /* The ticket as the server holds it after a change. */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 1, DESK_TYPE_TICKET);

  g_type_ensure (DESK_TYPE_SPINNER);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/frontdesk/FrontDesk/tickets/desk-ticket-detail.ui");
  gtk_widget_class_bind_template_child (widget_class, DeskTicketDetail, root_box);
  gtk_widget_class_bind_template_child (widget_class, DeskTicketDetail, toolbar);
  gtk_widget_class_bind_template_child (widget_class, DeskTicketDetail, toolbar_separator);
  gtk_widget_class_bind_template_child (widget_class, DeskTicketDetail, back_button);
  gtk_widget_class_bind_template_child (widget_class, DeskTicketDetail, title);
  gtk_widget_class_bind_template_child (widget_class, DeskTicketDetail, busy_spinner);
  gtk_widget_class_bind_template_child (widget_class, DeskTicketDetail, convert_button);
  gtk_widget_class_bind_template_child (widget_class, DeskTicketDetail, unsaved_revealer);
  gtk_widget_class_bind_template_child (widget_class, DeskTicketDetail, unsaved_label);
  gtk_widget_class_bind_template_child (widget_class, DeskTicketDetail, stack);
  gtk_widget_class_bind_template_child (widget_class, DeskTicketDetail, none_page);
  gtk_widget_class_bind_template_child (widget_class, DeskTicketDetail, error_page);
  gtk_widget_class_bind_template_child (widget_class, DeskTicketDetail, content);

  gtk_widget_class_install_action (widget_class, "detail.convert", NULL, convert_action);
  gtk_widget_class_install_action (widget_class, "detail.reload", NULL, reload_action);
  desk_ticket_detail_edits_class_init (widget_class);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
desk_ticket_detail_init (DeskTicketDetail *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  desk_status_icon_defer (self->none_page);
  desk_status_icon_defer (self->error_page);
  desk_revealer_hide_concealed (self->unsaved_revealer);
  desk_accessible_tidy_mnemonics (GTK_WIDGET (self));
  gtk_widget_set_size_request (self->back_button, DESK_TOUCH_TARGET, DESK_TOUCH_TARGET);
  self->cancellable = g_cancellable_new ();
  self->write_cancellable = g_cancellable_new ();
  self->rows = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->edits = g_ptr_array_new_with_free_func ((GDestroyNotify) desk_ticket_detail_edit_free);
  self->sending = g_ptr_array_new_with_free_func ((GDestroyNotify) desk_ticket_detail_edit_free);
  desk_ticket_detail_update_actions (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "detail.retry", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "detail.discard", FALSE);
}

/* --- Public API --------------------------------------------------------------------------- */

DeskTicket *
desk_ticket_detail_get_ticket (DeskTicketDetail *self)
{
  g_return_val_if_fail (DESK_IS_TICKET_DETAIL (self), NULL);

  return self->ticket;
}

gboolean
desk_ticket_detail_get_busy (DeskTicketDetail *self)
{
  g_return_val_if_fail (DESK_IS_TICKET_DETAIL (self), FALSE);

  return self->busy;
}

/**
 * desk_ticket_detail_show_ticket:
 * @self: a #DeskTicketDetail
 * @ticket: (nullable): a ticket of the list, or %NULL to close
 *
 * Shows what the list entry has at once, then reads the whole ticket.
 */
void
desk_ticket_detail_show_ticket (DeskTicketDetail *self,
                                DeskTicket       *ticket)
{
  g_return_if_fail (DESK_IS_TICKET_DETAIL (self));

  g_cancellable_cancel (self->cancellable);
  desk_ticket_detail_set_busy (self, FALSE);
  self->converted = FALSE;
  self->loaded = FALSE;
  /* What was not saved belongs to the ticket it was typed on, and waits for it. */
  desk_ticket_detail_switch_edits (self, self->ticket != NULL ? desk_ticket_get_id (self->ticket) : 0,
                                   ticket != NULL ? desk_ticket_get_id (ticket) : 0);
  set_ticket (self, ticket);
  if (ticket != NULL)
    fetch (self);
}

void
desk_ticket_detail_convert (DeskTicketDetail *self)
{
  g_autoptr(DeskChange) change = NULL;

  g_return_if_fail (DESK_IS_TICKET_DETAIL (self));

  if (!can_convert (self))
    return;

  change = desk_change_new_convert_ticket (desk_ticket_get_id (self->ticket));
  desk_ticket_detail_set_busy (self, TRUE);
  self->writing_id = desk_ticket_get_id (self->ticket);
  desk_writer_submit_async (self->writer, change, self->write_cancellable, converted_cb,
                            g_object_ref (self));
}
