/* desk-invoice-rows.c
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "desk-invoices-page"

#include "config.h"

#include <glib/gi18n.h>

#include "desk-accessible.h"
#include "desk-core.h"
#include "desk-invoice-rows.h"
#include "desk-row-slots.h"

/* A row of the Invoices list: the order id, the customer and the status pill over the
 * date and the amounts. */

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  GtkWidget *top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *order = gtk_label_new (NULL);
  GtkWidget *customer = gtk_label_new (NULL);
  GtkWidget *pill = gtk_label_new (NULL);
  GtkWidget *amounts = gtk_label_new (NULL);

  gtk_widget_add_css_class (box, "invoice-row");
  gtk_widget_add_css_class (order, "heading");
  gtk_label_set_xalign (GTK_LABEL (customer), 0);
  gtk_label_set_ellipsize (GTK_LABEL (customer), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (customer, TRUE);
  gtk_widget_set_valign (pill, GTK_ALIGN_CENTER);
  gtk_label_set_xalign (GTK_LABEL (amounts), 0);
  gtk_label_set_ellipsize (GTK_LABEL (amounts), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (amounts, "caption");
  gtk_widget_add_css_class (amounts, "dim-label");
  gtk_widget_add_css_class (amounts, "numeric");
  gtk_box_append (GTK_BOX (top), order);
  gtk_box_append (GTK_BOX (top), customer);
  gtk_box_append (GTK_BOX (top), pill);
  gtk_box_append (GTK_BOX (box), top);
  gtk_box_append (GTK_BOX (box), amounts);
  gtk_list_item_set_child (item, box);
}

static void
fill_row (GtkListItem *item)
{
  DeskInvoice *invoice = desk_row_slots_item_of (item);
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *top = gtk_widget_get_first_child (box);
  GtkWidget *order = gtk_widget_get_first_child (top);
  GtkWidget *customer_label = gtk_widget_get_next_sibling (order);
  GtkWidget *pill = gtk_widget_get_next_sibling (customer_label);
  GtkWidget *amounts = gtk_widget_get_next_sibling (top);
  DeskCustomer *customer = desk_invoice_get_customer (invoice);
  DeskInvoiceStatus status = desk_invoice_status_from_text (desk_invoice_get_status (invoice));
  const char *currency = desk_record_get_currency (DESK_RECORD (invoice));
  const char *name = customer != NULL ? desk_customer_get_full_name (customer) : NULL;
  const char *order_id = desk_invoice_get_order_id (invoice) ?: "";
  const char *pill_classes[] = { "invoice-pill", desk_invoice_status_css_class (status), NULL };
  g_autofree char *day = NULL;
  g_autofree char *total = NULL;
  g_autofree char *paid = NULL;
  g_autofree char *due = NULL;
  g_autofree char *text = NULL;
  g_autofree char *description = NULL;
  gint64 created = 0;

  if (invoice == NULL)
    return;

  g_object_get (invoice, "created", &created, NULL);
  day = desk_format_date (created);
  total = desk_money_format (desk_invoice_get_total (invoice), currency);
  paid = desk_money_format (desk_invoice_get_amount_paid (invoice), currency);
  due = desk_money_format (desk_invoice_get_amount_due (invoice), currency);
  /* Translators: an invoice row: date, total, paid and due */
  text = g_strdup_printf (_("%s · %s · paid %s · due %s"), day, total, paid, due);

  if (name == NULL || *name == '\0')
    name = _("Walk-in customer");
  gtk_label_set_label (GTK_LABEL (order), order_id);
  gtk_label_set_label (GTK_LABEL (customer_label), name);
  gtk_label_set_label (GTK_LABEL (pill), desk_invoice_status_label (status));
  /* A new class restyles the pill: only when the status is another. */
  if (!gtk_widget_has_css_class (pill, pill_classes[1]))
    gtk_widget_set_css_classes (pill, pill_classes);
  gtk_label_set_label (GTK_LABEL (amounts), text);

  /* A screen reader reads the row by its number and what the row shows under it. */
  description = g_strdup_printf ("%s, %s, %s", name, desk_invoice_status_label (status), text);
  desk_accessible_label_row (box, order_id, description);
}

/* The invoice the row follows is remembered, so that it is let go of even after the
 * slot has moved on to another invoice (which holds it until then). A payment settled
 * elsewhere changes the entry in place; its row follows. */
static void
watch (GtkListItem *item)
{
  DeskInvoice *invoice = desk_row_slots_item_of (item);

  fill_row (item);
  if (invoice != NULL)
    g_signal_connect_object (invoice, "notify", G_CALLBACK (fill_row), item, G_CONNECT_SWAPPED);
  g_object_set_data (G_OBJECT (item), "watched-invoice", invoice);
}

static void
unwatch (GtkListItem *item)
{
  DeskInvoice *invoice = g_object_get_data (G_OBJECT (item), "watched-invoice");

  if (invoice != NULL)
    g_signal_handlers_disconnect_by_func (invoice, fill_row, item);
  g_object_set_data (G_OBJECT (item), "watched-invoice", NULL);
}

static void
slot_changed_cb (GtkListItem *item)
{
  unwatch (item);
  watch (item);
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             gpointer                  user_data)
{
  /* The row is freed after the frame that no longer shows it. */
  desk_row_slots_free_row_after_frame (item);
  watch (item);
  g_signal_connect_object (gtk_list_item_get_item (item), "notify::item",
                           G_CALLBACK (slot_changed_cb), item, G_CONNECT_SWAPPED);
}

static void
unbind_row_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  user_data)
{
  gpointer slot = gtk_list_item_get_item (item);

  if (slot != NULL)
    g_signal_handlers_disconnect_by_func (slot, slot_changed_cb, item);
  unwatch (item);
}

/**
 * desk_invoice_rows_factory_new:
 *
 * The rows of the Invoices list, for a list view over DeskRowSlots of DeskInvoices.
 *
 * Returns: (transfer full): a new factory
 */
GtkListItemFactory *
desk_invoice_rows_factory_new (void)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), NULL);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_row_cb), NULL);

  return factory;
}
