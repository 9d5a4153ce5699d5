/* desk-intake-page-create.c
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "desk-intake-page"

#include "config.h"

#include <glib/gi18n.h>

#include "desk-intake-page-private.h"

/* Create sends the ticket once: the action is off from the press until the server's answer,
 * so a second press or a second Ctrl+Enter does nothing. A refusal keeps the form as it is
 * and says why in full.
 *
 * When the answer never came (DESK_API_ERROR_OUTCOME_UNKNOWN) the ticket may exist: it is
 * never sent again blindly. Front Desk looks for it on the server (today's tickets of the
 * same customer with the same device, IMEI and serial, created since the press) and either
 * takes it as created or says it is not there and offers Send Again. Until then Create
 * stays off. */

/* How far before the press a ticket found on the server may have been created: the
 * server's clock may be behind the counter PC's. */
#define CLOCK_SLACK_S 120

static void look_for_ticket (DeskIntakePage *self);
static void show_unknown    (DeskIntakePage *self,
                             const char     *text,
                             const char     *button_action);

static void
created (DeskIntakePage *self,
         DeskTicket     *ticket,
         gboolean        found)
{
  /* Translators: %s is the new ticket's order id, "T-1234"; the second is said when it was
   * found on the server after the connection dropped. */
  g_autofree char *title = found ? g_strdup_printf (_("Ticket %s was created"),
                                                    desk_ticket_get_order_id (ticket))
                                 : g_strdup_printf (_("Ticket %s created"),
                                                    desk_ticket_get_order_id (ticket));
  AdwToast *toast = adw_toast_new (title);

  g_set_object (&self->created, ticket);
  self->unknown = FALSE;
  /* The ticket is there: what was said while looking for it is over. */
  show_unknown (self, NULL, NULL);
  adw_toast_set_button_label (toast, _("_Open Ticket"));
  adw_toast_set_action_name (toast, "win.show-ticket");
  adw_toast_set_action_target_value (toast, g_variant_new_int64 (desk_ticket_get_id (ticket)));
  adw_toast_set_timeout (toast, 10);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);

  desk_intake_page_delete_draft (self);
  desk_intake_page_start_over (self);
  desk_intake_page_refresh_waiting (self);
}

/* RepairDesk could not be reached: the intake waits in the outbox, and the counter goes on
 * with the next customer. */
static void
queued (DeskIntakePage *self,
        const char     *text)
{
  AdwToast *toast = adw_toast_new (text);

  adw_toast_set_timeout (toast, 10);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);

  desk_intake_page_delete_draft (self);
  desk_intake_page_start_over (self);
  desk_intake_page_refresh_waiting (self);
}

static void
show_unknown (DeskIntakePage *self,
              const char     *text,
              const char     *button_action)
{
  desk_intake_page_show_error (self, text);
  gtk_widget_set_visible (self->send_again_button, g_strcmp0 (button_action, "send") == 0);
  gtk_widget_set_visible (self->check_again_button, g_strcmp0 (button_action, "check") == 0);
}

static void
ticket_created_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  DeskIntakePage *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(DeskTicket) ticket = NULL;
  DeskFate fate;

  fate = desk_writer_submit_finish (DESK_WRITER (object), result, (gpointer *) &ticket, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  switch (fate)
    {
    case DESK_FATE_SAVED:
      desk_intake_page_set_busy (self, FALSE);
      created (self, ticket, FALSE);
      break;
    case DESK_FATE_UNKNOWN:
      self->unknown = TRUE;
      look_for_ticket (self);
      break;
    case DESK_FATE_QUEUED:
      desk_intake_page_set_busy (self, FALSE);
      queued (self, error->message);
      break;
    case DESK_FATE_REFUSED:
    case DESK_FATE_NOT_SENT:
    default:
      /* Refused, or it never left: nothing was created, and the form is as it was. */
      desk_intake_page_set_busy (self, FALSE);
      show_unknown (self, error->message, NULL);
      break;
    }
}

/* Every Create is a change of its own: the write path never sends one change twice, and a
 * Send Again is a new decision. */
static void
send (DeskIntakePage *self)
{
  g_autoptr(DeskTicket) ticket = desk_intake_page_build_ticket (self);
  g_autoptr(DeskChange) change = desk_change_new_create_ticket (ticket);

  if (self->customer != NULL && self->customer == self->queued_customer)
    desk_change_set_depends_on (change, self->queued_customer_change);

  show_unknown (self, NULL, NULL);
  self->sent_at = g_get_real_time () / G_USEC_PER_SEC;
  desk_intake_page_set_busy (self, TRUE);
  desk_writer_submit_async (desk_context_get_writer (desk_page_get_context (DESK_PAGE (self))),
                            change, self->cancellable, ticket_created_cb, self);
}

static void
create_action_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  DeskIntakePage *self = DESK_INTAKE_PAGE (widget);

  if (self->busy || self->unknown || desk_intake_page_find_blocker (self) != NULL)
    return;

  send (self);
}

/* The assistant's own decision, once Front Desk found the ticket is not on the server. */
static void
send_again_action_cb (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  DeskIntakePage *self = DESK_INTAKE_PAGE (widget);

  if (self->busy || !self->unknown || desk_intake_page_find_blocker (self) != NULL)
    return;

  self->unknown = FALSE;
  send (self);
}

static void
check_again_action_cb (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  DeskIntakePage *self = DESK_INTAKE_PAGE (widget);

  if (self->busy || !self->unknown)
    return;

  look_for_ticket (self);
}

/* --- Looking for a ticket that may have been created --------------------------------------- */

/* Whether @found is the intake in the form: the same customer, the same devices, created
 * since the press (the outbox looks so for the intakes it sends). */
static gboolean
is_this_intake (DeskIntakePage *self,
                DeskTicket     *found,
                DeskTicket     *sent)
{
  return desk_outbox_ticket_matches (found, sent, self->sent_at - CLOCK_SLACK_S);
}

static void
tickets_found_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  DeskIntakePage *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) tickets = NULL;
  g_autoptr(DeskTicket) sent = NULL;
  g_autofree char *text = NULL;

  tickets = desk_api_client_list_tickets_finish (DESK_API_CLIENT (object), result, NULL, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  desk_intake_page_set_busy (self, FALSE);
  if (error != NULL)
    {
      text = g_strdup_printf (_("RepairDesk did not answer whether the ticket was created, and "
                                "it could not be checked: %s Check again before sending it: "
                                "nothing you entered was lost."), error->message);
      show_unknown (self, text, "check");
      return;
    }

  sent = desk_intake_page_build_ticket (self);
  for (guint i = 0; i < tickets->len; i++)
    if (is_this_intake (self, g_ptr_array_index (tickets, i), sent))
      {
        created (self, g_ptr_array_index (tickets, i), TRUE);
        return;
      }

  show_unknown (self, _("RepairDesk did not answer, and the ticket is not on it: it was not "
                        "created. Send it again when the connection is back; nothing you "
                        "entered was lost."), "send");
}

/* Today's tickets with the first device's IMEI or serial (the server's search), else all of
 * today's: a new ticket is among them. */
static void
look_for_ticket (DeskIntakePage *self)
{
  g_autoptr(DeskTicket) sent = desk_intake_page_build_ticket (self);
  g_autoptr(DeskTicketDevice) first = g_list_model_get_item (desk_ticket_get_devices (sent), 0);
  g_autofree char *imei = NULL, *serial = NULL;
  DeskListQuery query = { .filter = DESK_LIST_FILTER_UNSET };

  if (first != NULL)
    g_object_get (first, "imei", &imei, "serial", &serial, NULL);
  query.keyword = imei != NULL && *imei != '\0' ? imei : serial != NULL && *serial != '\0' ? serial : NULL;

  desk_intake_page_set_busy (self, TRUE);
  show_unknown (self, _("RepairDesk did not answer. Checking whether the ticket was created…"),
                NULL);
  desk_api_client_list_tickets_async (desk_page_get_client (DESK_PAGE (self)), &query, 0,
                                      self->cancellable, tickets_found_cb, self);
}

void
desk_intake_page_class_add_create (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "intake.create", NULL, create_action_cb);
  gtk_widget_class_install_action (widget_class, "intake.send-again", NULL, send_again_action_cb);
  gtk_widget_class_install_action (widget_class, "intake.check-again", NULL, check_again_action_cb);
}
