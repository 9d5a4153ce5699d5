/* desk-invoice-editor-save.c
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "desk-invoice-editor"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "desk-invoice-editor-private.h"

/* Sending the invoice form: once, through the context's DeskWriter. A refusal keeps the
 * form and says why in the clerk's words; an unknown fate is followed by a look at the
 * server (the same customer and lines, made since the press) before Send Again is
 * offered, a new decision; a saved change is shown as the server holds it. */

/* An invoice made by this press was made after it; the server's clock may be a little
 * behind this computer's. */
#define CLOCK_SLACK_S 300

/* --- Saving ------------------------------------------------------------------------------ */

static DeskInvoice *
invoice_from_form (DeskInvoiceEditor *self)
{
  DeskInvoice *invoice = desk_invoice_new ();
  gint64 customer_id = self->customer != NULL ? desk_customer_get_id (self->customer) : 0;
  gint64 created = self->loaded != NULL ? 0 : g_get_real_time () / G_USEC_PER_SEC;

  if (self->loaded != NULL)
    g_object_get (self->loaded, "created", &created, NULL);
  g_object_set (invoice, "id", self->invoice_id, "customer-id", customer_id,
                "due-on", self->due_on, "created", created, NULL);
  desk_invoice_editor_add_items_to (self, invoice);

  return invoice;
}

/* The words for the counter when RepairDesk refused the invoice. */
static char *
refusal (DeskInvoiceEditor *self,
         const GError      *error)
{
  const char *detail = desk_api_error_get_detail (error);
  g_autofree char *key = desk_change_refused_field (self->change, detail);
  const char *head = desk_invoice_editor_is_new (self) ? _("The invoice was not created.")
                                   : _("The changes were not saved.");

  /* RepairDesk names the customer it does not know in its own words. */
  if (g_strcmp0 (key, "customer_id") == 0 ||
      (detail != NULL && strstr (detail, "customer") != NULL && strstr (detail, "exist") != NULL))
    return g_strdup_printf ("%s %s", head,
                            _("RepairDesk does not know this customer. Choose the customer again."));
  if (detail != NULL && *detail != '\0')
    /* Translators: the server's own words follow, in quotes */
    return g_strdup_printf (_("%s RepairDesk said: “%s”"), head, detail);

  return g_strdup_printf ("%s %s", head, error->message);
}

static void submit (DeskInvoiceEditor *self);
static void look_for_invoice (DeskInvoiceEditor *self);

static void
finish_saved (DeskInvoiceEditor *self,
              DeskInvoice       *invoice)
{
  g_autofree char *difference = NULL;

  g_set_object (&self->saved, invoice);
  self->dirty = FALSE;
  if (!desk_invoice_editor_is_new (self))
    {
      /* The form shows what the server holds now, and says if that is not what was sent. */
      difference = desk_invoice_editor_compare (self, invoice);
      g_set_object (&self->loaded, invoice);
      desk_invoice_editor_fill (self, invoice);
      if (difference != NULL)
        {
          g_autofree char *message =
            g_strdup_printf (_("Saved, but RepairDesk holds something else: %s The form now shows what it holds."),
                             difference);

          desk_invoice_editor_show_message (self, message, "warning", FALSE);
          desk_invoice_editor_emit_saved (self, invoice);
          return;
        }
    }

  desk_invoice_editor_emit_saved (self, invoice);
  desk_invoice_editor_close (self);
}

static void
submitted_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(DeskInvoiceEditor) self = user_data;
  g_autoptr(DeskInvoice) invoice = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  DeskFate fate;

  fate = desk_writer_submit_finish (DESK_WRITER (object), result, (gpointer *) &invoice, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  switch (fate)
    {
    case DESK_FATE_SAVED:
      desk_invoice_editor_set_busy (self, FALSE);
      finish_saved (self, invoice);
      return;
    case DESK_FATE_UNKNOWN:
      look_for_invoice (self);
      return;
    case DESK_FATE_REFUSED:
      message = refusal (self, error);
      break;
    case DESK_FATE_NOT_SENT:
    case DESK_FATE_QUEUED: /* invoices are never kept to send later */
    default:
      message = g_strdup_printf ("%s %s", desk_invoice_editor_is_new (self) ? _("The invoice was not created.")
                                                         : _("The changes were not saved."),
                                 error != NULL ? error->message : "");
      break;
    }

  desk_invoice_editor_set_busy (self, FALSE);
  desk_invoice_editor_show_message (self, message, "error", FALSE);
}

static void
submit (DeskInvoiceEditor *self)
{
  g_autoptr(DeskInvoice) invoice = invoice_from_form (self);

  desk_invoice_editor_show_message (self, NULL, NULL, FALSE);
  self->offer_send_again = FALSE;
  self->check_failed = FALSE;
  desk_invoice_editor_set_busy (self, TRUE);
  self->pressed_at = g_get_real_time () / G_USEC_PER_SEC;
  g_clear_object (&self->change);
  self->change = desk_invoice_editor_is_new (self) ? desk_change_new_create_invoice (invoice)
                               : desk_change_new_update_invoice (invoice);

  /* The form is held until the answer comes, so that the answer has a form to go to. */
  desk_writer_submit_async (desk_context_get_writer (self->context), self->change,
                            self->cancellable, submitted_cb, g_object_ref (self));
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  DeskInvoiceEditor *self = DESK_INVOICE_EDITOR (widget);

  /* Ctrl+Return reaches here whatever the button's state. */
  if (!desk_invoice_editor_get_can_save (self))
    return;

  submit (self);
}

static void
send_again_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  DeskInvoiceEditor *self = DESK_INVOICE_EDITOR (widget);

  if (self->busy)
    return;

  /* A new change: a new decision, taken by the clerk who read that it did not arrive. */
  submit (self);
}

static void
check_again_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  DeskInvoiceEditor *self = DESK_INVOICE_EDITOR (widget);

  if (self->busy || !self->check_failed)
    return;

  self->check_failed = FALSE;
  desk_invoice_editor_set_busy (self, TRUE);
  look_for_invoice (self);
}

/* --- After an unknown fate: is it on the server? ------------------------------------------ */

/* Whether the first press arrived is not known, and could not be found out: sending again
 * could make the invoice twice, so only a new look is offered. */
static void
offer_check_again (DeskInvoiceEditor *self)
{
  desk_invoice_editor_set_busy (self, FALSE);
  self->check_failed = TRUE;
  desk_invoice_editor_update_actions (self);
  desk_invoice_editor_show_message (self, desk_invoice_editor_is_new (self)
                                          ? _("RepairDesk did not confirm the invoice, and Front Desk could not check whether it arrived. Do not create it again: check again once RepairDesk answers.")
                                          : _("RepairDesk did not confirm the changes, and Front Desk could not check what it holds. Check again once RepairDesk answers."),
                                    "warning", TRUE);
  gtk_button_set_label (self->send_again_button, _("Chec_k Again"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->send_again_button), "editor.check-again");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.send-again", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.check-again", TRUE);
}

static void
offer_send_again (DeskInvoiceEditor *self,
                  const char        *message)
{
  desk_invoice_editor_set_busy (self, FALSE);
  self->offer_send_again = TRUE;
  desk_invoice_editor_update_actions (self);
  desk_invoice_editor_show_message (self, message, "warning", TRUE);
}

static void
found_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(DeskInvoiceEditor) self = user_data;
  g_autoptr(DeskInvoice) invoice = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *difference = NULL;

  invoice = desk_api_client_get_invoice_finish (DESK_API_CLIENT (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (invoice == NULL)
    {
      offer_check_again (self);
      return;
    }

  difference = desk_invoice_editor_compare (self, invoice);
  if (difference == NULL && (desk_invoice_editor_is_new (self) || desk_invoice_get_id (invoice) == self->invoice_id))
    {
      desk_invoice_editor_set_busy (self, FALSE);
      finish_saved (self, invoice);
      return;
    }

  offer_send_again (self, desk_invoice_editor_is_new (self)
                          ? _("The invoice did not reach RepairDesk. Send it again?")
                          : _("The changes did not reach RepairDesk. Send them again?"));
}

/* An invoice list entry names its lines only: the same customer, made since the press,
 * with the same item names, is the one sent. It is then read whole to be sure. */
static gboolean
is_ours (DeskInvoiceEditor *self,
         DeskInvoice       *entry)
{
  gint64 customer_id = self->customer != NULL ? desk_customer_get_id (self->customer) : 0;
  gint64 created = 0;

  g_object_get (entry, "created", &created, NULL);

  return desk_invoice_get_customer_id (entry) == customer_id &&
         created >= self->pressed_at - CLOCK_SLACK_S &&
         desk_invoice_editor_same_names (self, desk_invoice_get_items (entry));
}

static void
listed_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(DeskInvoiceEditor) self = user_data;
  g_autoptr(GPtrArray) invoices = NULL;
  g_autoptr(GError) error = NULL;

  invoices = desk_api_client_list_invoices_finish (DESK_API_CLIENT (object), result, NULL, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (invoices == NULL)
    {
      offer_check_again (self);
      return;
    }

  for (guint i = 0; i < invoices->len; i++)
    {
      DeskInvoice *entry = g_ptr_array_index (invoices, i);

      if (is_ours (self, entry))
        {
          desk_api_client_get_invoice_async (DESK_API_CLIENT (object), desk_invoice_get_id (entry),
                                             self->cancellable, found_cb, g_object_ref (self));
          return;
        }
    }

  offer_send_again (self, _("The invoice did not reach RepairDesk. Send it again?"));
}

static void
look_for_invoice (DeskInvoiceEditor *self)
{
  DeskApiClient *client = desk_context_get_client (self->context);
  g_autoptr(DeskListQuery) query = NULL;

  desk_invoice_editor_show_message (self, desk_invoice_editor_is_new (self)
                                          ? _("RepairDesk did not confirm the invoice. Checking whether it arrived…")
                                          : _("RepairDesk did not confirm the changes. Checking what it holds…"),
                                    "info", FALSE);
  if (!desk_invoice_editor_is_new (self))
    {
      desk_api_client_get_invoice_async (client, self->invoice_id, self->cancellable, found_cb,
                                         g_object_ref (self));
      return;
    }

  query = desk_list_query_new ();
  query->from_date = self->pressed_at - CLOCK_SLACK_S;
  query->to_date = self->pressed_at + 24 * 60 * 60;
  query->filter = DESK_LIST_FILTER_ALL;
  query->page_size = 50;
  desk_api_client_list_invoices_async (client, query, 0, self->cancellable, listed_cb,
                                       g_object_ref (self));
}

void
desk_invoice_editor_class_add_saving (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "editor.send-again", NULL, send_again_action);
  gtk_widget_class_install_action (widget_class, "editor.check-again", NULL, check_again_action);
}
