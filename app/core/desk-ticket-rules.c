/* desk-ticket-rules.c
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "desk-ticket-rules"

#include "config.h"

#include <string.h>

#include "desk-ticket-rules.h"

/* What may be done to a ticket from the counter. A screen offers an action only when these
 * say it makes sense, so that the rules hold on every screen that shows a ticket. */

/* The DeskTicketDevice properties a clerk may change on an open ticket; the rest (repairs,
 * parts, prices) are set at intake or on the invoice. */
static const char * const editable[] = {
  "status",
  "assigned-to-id",
  "imei",
  "serial",
  "location",
  "staff-comments",
  NULL
};

/**
 * desk_ticket_status_ends_repair:
 * @status: (nullable): a status name
 *
 * Returns: whether @status says the repair was called off: cancelled or closed
 */
gboolean
desk_ticket_status_ends_repair (const char *status)
{
  g_autofree char *folded = NULL;

  if (status == NULL)
    return FALSE;

  folded = g_utf8_casefold (status, -1);
  return strstr (folded, "cancel") != NULL || strstr (folded, "closed") != NULL;
}

/* Returns: whether every device of @ticket has a cancelled or closed status */
gboolean
desk_ticket_is_ended (DeskTicket *ticket)
{
  GListModel *devices;
  guint n;

  g_return_val_if_fail (DESK_IS_TICKET (ticket), FALSE);

  devices = desk_ticket_get_devices (ticket);
  n = g_list_model_get_n_items (devices);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(DeskTicketDevice) device = g_list_model_get_item (devices, i);

      if (!desk_ticket_status_ends_repair (desk_ticket_device_get_status (device)))
        return FALSE;
    }

  return n > 0;
}

/* Returns: whether @ticket has been invoiced. A detail says "isInvoice"; a list entry only
 * names the invoice. */
gboolean
desk_ticket_has_invoice (DeskTicket *ticket)
{
  gboolean has_invoice = FALSE;
  gint64 invoice_id = 0;

  g_return_val_if_fail (DESK_IS_TICKET (ticket), FALSE);

  g_object_get (ticket, "has-invoice", &has_invoice, "invoice-id", &invoice_id, NULL);
  return has_invoice || invoice_id > 0;
}

/**
 * desk_ticket_can_convert:
 * @ticket: (nullable): a ticket
 * @loaded: whether @ticket is the server's whole record, read just now (a list entry
 *   lacks what tells whether it was invoiced)
 *
 * Returns: whether converting @ticket to an invoice makes sense: it is loaded, has a
 *   device that is not cancelled or closed, and has no invoice yet
 */
gboolean
desk_ticket_can_convert (DeskTicket *ticket,
                         gboolean    loaded)
{
  if (ticket == NULL || !loaded)
    return FALSE;

  return g_list_model_get_n_items (desk_ticket_get_devices (ticket)) > 0 &&
         !desk_ticket_is_ended (ticket) && !desk_ticket_has_invoice (ticket);
}

/* Returns: whether the editable fields of @ticket may be changed: only once loaded, since
 * a change sends the whole ticket back */
gboolean
desk_ticket_can_edit (DeskTicket *ticket,
                      gboolean    loaded)
{
  return ticket != NULL && loaded && desk_ticket_get_id (ticket) > 0;
}

/* Returns: (transfer none): the editable device properties, %NULL-terminated */
const char * const *
desk_ticket_device_editable (void)
{
  return editable;
}

gboolean
desk_ticket_device_is_editable (const char *property)
{
  return property != NULL && g_strv_contains (editable, property);
}

/* Returns: whether RepairDesk takes @text in a ticket's text field */
gboolean
desk_ticket_device_text_fits (const char *text)
{
  return text == NULL || strlen (text) <= DESK_TICKET_TEXT_MAX_BYTES;
}
