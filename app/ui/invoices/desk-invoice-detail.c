/* desk-invoice-detail.c
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "desk-invoice-detail"

#include "config.h"

#include <glib/gi18n.h>

#include "desk-accessible.h"
#include "desk-invoice-detail.h"
#include "desk-payment-dialog.h"
#include "desk-spinner.h"

/* One invoice: who, which ticket, what was sold, the totals, the payments and what is
 * still due. The list entry shows at once; the invoice is then read in full, and its
 * amount due from `/invoices/:id/dueamount`, which is the figure a payment starts from. */

struct _DeskInvoiceDetail
{
  GtkWidget       parent_instance;

  /* children */
  GtkWidget      *box;
  GtkLabel       *title;
  GtkLabel       *subtitle;
  GtkWidget      *pay_button;
  GtkWidget      *edit_button;
  DeskSpinner    *spinner;
  GtkWidget      *error_box;
  GtkLabel       *error_label;
  GtkWidget      *content;

  /* owned */
  DeskContext    *context;
  DeskInvoice    *invoice;
  GCancellable   *cancellable;

  /* state */
  GtkWindow      *payment_dialog;   /* weak */
  const char     *state;
  gint64          amount_due;
  gboolean        due_known;
  gboolean        full;
  guint           pending;
};

G_DEFINE_FINAL_TYPE (DeskInvoiceDetail, desk_invoice_detail, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CONTEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  LOADED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* --- Rows ------------------------------------------------------------------------------- */

static char *
money (DeskInvoiceDetail *self,
       gint64             cents)
{
  return desk_money_format (cents, desk_record_get_currency (DESK_RECORD (self->invoice)));
}

static GtkWidget *
group_new (GtkWidget  *content,
           const char *title)
{
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  gtk_box_append (GTK_BOX (content), group);
  return group;
}

/* Text from the server is data: the row's title and subtitle are plain text. */
static GtkWidget *
row_new (GtkWidget  *group,
         const char *title,
         const char *subtitle,
         const char *value)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title != NULL ? title : "");
  if (subtitle != NULL && *subtitle != '\0')
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  if (value != NULL)
    {
      GtkWidget *label = gtk_label_new (value);

      gtk_label_set_selectable (GTK_LABEL (label), FALSE);
      gtk_widget_add_css_class (label, "numeric");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
    }
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  return row;
}

static void
money_row (DeskInvoiceDetail *self,
           GtkWidget         *group,
           const char        *title,
           gint64             cents)
{
  g_autofree char *text = money (self, cents);

  row_new (group, title, NULL, text);
}

static GtkWidget *
pill_new (DeskInvoiceStatus status)
{
  GtkWidget *pill = gtk_label_new (desk_invoice_status_label (status));

  gtk_widget_add_css_class (pill, "invoice-pill");
  gtk_widget_add_css_class (pill, desk_invoice_status_css_class (status));
  gtk_widget_set_valign (pill, GTK_ALIGN_CENTER);
  return pill;
}

static void
add_summary (DeskInvoiceDetail *self)
{
  GtkWidget *group = group_new (self->content, _("Invoice"));
  DeskCustomer *customer = desk_invoice_get_customer (self->invoice);
  DeskInvoiceStatus status = desk_invoice_status_from_text (desk_invoice_get_status (self->invoice));
  g_autofree char *ticket_order = NULL;
  g_autofree char *day = NULL;
  g_autofree char *ticket_title = NULL;
  gint64 created = 0, ticket_id = 0;
  GtkWidget *row;

  g_object_get (self->invoice, "created", &created, "ticket-id", &ticket_id,
                "ticket-order-id", &ticket_order, NULL);
  row = row_new (group, _("Status"), NULL, NULL);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), pill_new (status));
  day = desk_format_date (created);
  row_new (group, _("Date"), NULL, day);

  if (customer != NULL && desk_customer_get_full_name (customer) != NULL)
    {
      const char *phone = desk_customer_get_mobile (customer);

      if (phone == NULL || *phone == '\0')
        phone = desk_customer_get_phone (customer);
      row_new (group, desk_customer_get_full_name (customer), phone, NULL);
    }
  else
    row_new (group, _("Walk-in customer"), NULL, NULL);

  if (ticket_id <= 0)
    return;

  /* One click to the ticket, on the Tickets screen. */
  /* Translators: a ticket's number, "Ticket T-1042" */
  if (ticket_order != NULL && *ticket_order != '\0')
    ticket_title = g_strdup_printf (_("Ticket %s"), ticket_order);
  else
    ticket_title = g_strdup (_("Repair Ticket"));
  row = row_new (group, ticket_title, _("Open the repair ticket"), NULL);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  /* The target first: an action name with no target yet does not fit the action. */
  gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "x", ticket_id);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "win.show-ticket");
  gtk_widget_set_name (row, "ticket-row");
}

static char *
item_subtitle (DeskInvoiceDetail *self,
               DeskInvoiceItem   *item)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *price = money (self, desk_invoice_item_get_price (item));
  DeskTaxClass *tax_class = desk_invoice_item_get_tax_class (item);
  gint64 discount = desk_invoice_item_get_line_discount (item);
  g_autofree char *quantity = g_strdup_printf ("%" G_GINT64_FORMAT,
                                               desk_invoice_item_get_quantity (item));

  /* Translators: quantity and unit price, "2 × $10.00" */
  g_string_append_printf (text, _("%s × %s"), quantity, price);
  if (discount != 0)
    {
      g_autofree char *discount_text = money (self, discount);

      /* Translators: a line's discount */
      g_string_append_printf (text, _(" · Discount %s"), discount_text);
    }
  if (tax_class != NULL && desk_named_item_get_name (DESK_NAMED_ITEM (tax_class)) != NULL)
    /* Translators: a line's tax class, "Tax: VAT" */
    g_string_append_printf (text, _(" · Tax: %s"),
                            desk_named_item_get_name (DESK_NAMED_ITEM (tax_class)));

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
add_items (DeskInvoiceDetail *self)
{
  GListModel *items = desk_invoice_get_items (self->invoice);
  GtkWidget *group = group_new (self->content, _("Items"));

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(DeskInvoiceItem) item = g_list_model_get_item (items, i);
      g_autofree char *subtitle = item_subtitle (self, item);
      g_autofree char *total = money (self, desk_money_line_total (desk_invoice_item_get_price (item),
                                                                   desk_invoice_item_get_quantity (item),
                                                                   desk_invoice_item_get_line_discount (item)));

      row_new (group, desk_invoice_item_get_name (item), subtitle, total);
    }
  if (g_list_model_get_n_items (items) == 0)
    row_new (group, self->full ? _("No items") : _("Loading the items…"), NULL, NULL);
}

static void
add_totals (DeskInvoiceDetail *self)
{
  GtkWidget *group = group_new (self->content, _("Totals"));
  gint64 subtotal = 0, discount = 0, tax = 0;
  g_autofree char *due = NULL;

  g_object_get (self->invoice, "subtotal", &subtotal, "discount", &discount,
                "total-tax", &tax, NULL);
  money_row (self, group, _("Subtotal"), subtotal);
  money_row (self, group, _("Discount"), discount);
  money_row (self, group, _("Tax"), tax);
  money_row (self, group, _("Total"), desk_invoice_get_total (self->invoice));
  money_row (self, group, _("Paid"), desk_invoice_get_amount_paid (self->invoice));
  due = self->due_known ? money (self, self->amount_due) : g_strdup (_("Reading…"));
  gtk_widget_add_css_class (row_new (group, _("Amount Due"), NULL, due), "invoice-due");
}

static void
add_payments (DeskInvoiceDetail *self)
{
  GListModel *payments = desk_invoice_get_payments (self->invoice);
  GtkWidget *group = group_new (self->content, _("Payments"));

  for (guint i = 0; i < g_list_model_get_n_items (payments); i++)
    {
      g_autoptr(DeskPayment) payment = g_list_model_get_item (payments, i);
      g_autofree char *amount = money (self, desk_payment_get_amount (payment));
      g_autofree char *day = desk_format_date (desk_payment_get_date (payment));
      g_autofree char *notes = NULL;
      g_autofree char *subtitle = NULL;
      const char *method = desk_payment_get_method (payment);

      g_object_get (payment, "notes", &notes, NULL);
      subtitle = notes != NULL && *notes != '\0' ? g_strdup_printf ("%s · %s", day, notes)
                                                 : g_strdup (day);
      row_new (group, method != NULL && *method != '\0' ? method : _("Payment"), subtitle, amount);
    }
  if (g_list_model_get_n_items (payments) == 0)
    row_new (group, self->full ? _("No payments yet") : _("Loading the payments…"), NULL, NULL);
}

static void
fill (DeskInvoiceDetail *self)
{
  DeskCustomer *customer;
  GtkWidget *child;
  g_autofree char *title = NULL;

  while ((child = gtk_widget_get_first_child (self->content)) != NULL)
    gtk_box_remove (GTK_BOX (self->content), child);
  if (self->invoice == NULL)
    return;

  customer = desk_invoice_get_customer (self->invoice);
  /* Translators: an invoice's number, "Invoice 1042" */
  title = g_strdup_printf (_("Invoice %s"), desk_invoice_get_order_id (self->invoice) ?: "");
  gtk_label_set_label (self->title, title);
  gtk_label_set_label (self->subtitle, customer != NULL && desk_customer_get_full_name (customer) != NULL
                                         ? desk_customer_get_full_name (customer)
                                         : _("Walk-in customer"));
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->edit_button), "x",
                                    desk_invoice_get_id (self->invoice));

  add_summary (self);
  add_items (self);
  add_totals (self);
  add_payments (self);
}

/* --- Loading ---------------------------------------------------------------------------- */

static void
update_state (DeskInvoiceDetail *self,
              const char        *error)
{
  if (error != NULL)
    self->state = "error";
  else if (self->invoice == NULL)
    self->state = "none";
  else if (self->pending > 0)
    self->state = "loading";
  else
    self->state = "loaded";

  desk_spinner_set_spinning (self->spinner, self->pending > 0);
  gtk_widget_set_visible (self->error_box, error != NULL);
  if (error != NULL)
    gtk_label_set_label (self->error_label, error);
  /* A payment starts from the amount due the server gives, and from the payments read. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "invoice.pay",
                                 self->invoice != NULL && self->full && self->due_known &&
                                 self->payment_dialog == NULL);
}

static void
due_cb (GObject      *object,
        GAsyncResult *result,
        gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  DeskInvoiceDetail *self;
  gint64 cents = 0;

  if (!desk_api_client_get_invoice_due_amount_finish (DESK_API_CLIENT (object), result, &cents,
                                                      &error) &&
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self = DESK_INVOICE_DETAIL (user_data);
  self->pending--;
  if (error == NULL)
    {
      self->amount_due = cents;
      self->due_known = TRUE;
      fill (self);
    }
  update_state (self, error != NULL ? error->message : NULL);
}

/* What the detail reply leaves out and the list entry had: the customer in some replies,
 * and always the ticket's number (the detail names the ticket by its id alone). */
static void
keep_from_entry (DeskInvoice *invoice,
                 DeskInvoice *entry)
{
  g_autofree char *ticket_order = NULL;
  g_autofree char *entry_ticket_order = NULL;

  if (desk_invoice_get_customer (invoice) == NULL && desk_invoice_get_customer (entry) != NULL)
    desk_invoice_set_customer (invoice, desk_invoice_get_customer (entry));

  g_object_get (invoice, "ticket-order-id", &ticket_order, NULL);
  g_object_get (entry, "ticket-order-id", &entry_ticket_order, NULL);
  if ((ticket_order == NULL || *ticket_order == '\0') && entry_ticket_order != NULL)
    g_object_set (invoice, "ticket-order-id", entry_ticket_order, NULL);
}

static void
invoice_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DeskInvoice) invoice = NULL;
  DeskInvoiceDetail *self;

  invoice = desk_api_client_get_invoice_finish (DESK_API_CLIENT (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self = DESK_INVOICE_DETAIL (user_data);
  self->pending--;
  if (invoice != NULL)
    {
      keep_from_entry (invoice, self->invoice);
      g_set_object (&self->invoice, invoice);
      self->full = TRUE;
      fill (self);
      g_signal_emit (self, signals[LOADED], 0, invoice);
    }
  update_state (self, error != NULL ? error->message : NULL);
}

static void
fetch (DeskInvoiceDetail *self)
{
  DeskApiClient *client = desk_context_get_client (self->context);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->pending = 0;
  if (self->invoice == NULL)
    {
      update_state (self, NULL);
      return;
    }

  self->cancellable = g_cancellable_new ();
  self->pending = 2;
  desk_api_client_get_invoice_async (client, desk_invoice_get_id (self->invoice),
                                     self->cancellable, invoice_cb, self);
  desk_api_client_get_invoice_due_amount_async (client, desk_invoice_get_id (self->invoice),
                                                self->cancellable, due_cb, self);
  update_state (self, NULL);
}

/* --- Payment ---------------------------------------------------------------------------- */

static void
paid_cb (DeskInvoiceDetail *self)
{
  fetch (self);
}

static void
payment_dialog_destroyed_cb (DeskInvoiceDetail *self)
{
  update_state (self, NULL);
}

static void
pay_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  DeskInvoiceDetail *self = DESK_INVOICE_DETAIL (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  DeskPaymentDialog *dialog;

  if (self->invoice == NULL || !self->full || !self->due_known || self->payment_dialog != NULL)
    return;

  dialog = desk_payment_dialog_new (self->context, self->invoice, self->amount_due);
  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (root));
  g_signal_connect_object (dialog, "paid", G_CALLBACK (paid_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (dialog, "destroy", G_CALLBACK (payment_dialog_destroyed_cb), self,
                           G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  g_set_weak_pointer (&self->payment_dialog, GTK_WINDOW (dialog));
  update_state (self, NULL);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
reload_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  fetch (DESK_INVOICE_DETAIL (widget));
}

/* --- Building --------------------------------------------------------------------------- */

static GtkWidget *
button_new (const char *mnemonic,
            const char *action)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (mnemonic);

  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  return button;
}

static GtkLabel *
title_label (GtkWidget  *box,
             const char *css_class)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (label, css_class);
  gtk_box_append (GTK_BOX (box), label);
  return GTK_LABEL (label);
}

static void
build (DeskInvoiceDetail *self)
{
  GtkWidget *toolbar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *retry = button_new (_("_Retry"), "invoice.reload");
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *titles = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));

  self->title = title_label (titles, "title-4");
  self->subtitle = title_label (titles, "dim-label");
  gtk_widget_set_hexpand (titles, TRUE);
  self->spinner = DESK_SPINNER (desk_spinner_new ());
  gtk_box_append (GTK_BOX (toolbar), titles);
  gtk_box_append (GTK_BOX (toolbar), GTK_WIDGET (self->spinner));

  /* Two buttons under the title: on a phone-wide window a title beside them has no room. */
  self->edit_button = button_new (_("_Edit"), NULL);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->edit_button), "x", (gint64) 0);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->edit_button), "win.edit-invoice");
  self->pay_button = button_new (_("Take _Payment"), "invoice.pay");
  gtk_widget_add_css_class (self->pay_button, "suggested-action");
  gtk_widget_set_hexpand (self->pay_button, TRUE);
  gtk_widget_set_halign (self->pay_button, GTK_ALIGN_END);
  gtk_box_append (GTK_BOX (buttons), self->edit_button);
  gtk_box_append (GTK_BOX (buttons), self->pay_button);

  gtk_box_append (GTK_BOX (header), toolbar);
  gtk_box_append (GTK_BOX (header), buttons);
  gtk_widget_set_margin_start (header, 12);
  gtk_widget_set_margin_end (header, 12);
  gtk_widget_set_margin_top (header, 6);
  gtk_widget_set_margin_bottom (header, 6);
  gtk_box_append (GTK_BOX (self->box), header);
  gtk_box_append (GTK_BOX (self->box), gtk_separator_new (GTK_ORIENTATION_HORIZONTAL));

  self->error_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  self->error_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->error_label, TRUE);
  gtk_label_set_xalign (self->error_label, 0);
  gtk_widget_set_hexpand (GTK_WIDGET (self->error_label), TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->error_label), "error");
  gtk_box_append (GTK_BOX (self->error_box), GTK_WIDGET (self->error_label));
  gtk_box_append (GTK_BOX (self->error_box), retry);
  gtk_widget_set_margin_start (self->error_box, 12);
  gtk_widget_set_margin_end (self->error_box, 12);
  gtk_widget_set_margin_top (self->error_box, 6);
  gtk_widget_set_visible (self->error_box, FALSE);
  gtk_box_append (GTK_BOX (self->box), self->error_box);

  self->content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
  gtk_widget_set_margin_top (self->content, 12);
  gtk_widget_set_margin_bottom (self->content, 12);
  gtk_widget_set_margin_start (self->content, 12);
  gtk_widget_set_margin_end (self->content, 12);
  adw_clamp_set_child (ADW_CLAMP (clamp), self->content);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (scrolled, TRUE);
  gtk_box_append (GTK_BOX (self->box), scrolled);
  desk_accessible_tidy_mnemonics (self->box);
}

/* --- GObject ---------------------------------------------------------------------------- */

static void
desk_invoice_detail_dispose (GObject *object)
{
  DeskInvoiceDetail *self = DESK_INVOICE_DETAIL (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->payment_dialog != NULL)
    gtk_window_destroy (self->payment_dialog);
  g_clear_weak_pointer (&self->payment_dialog);
  g_clear_pointer (&self->box, gtk_widget_unparent);
  g_clear_object (&self->invoice);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (desk_invoice_detail_parent_class)->dispose (object);
}

static void
desk_invoice_detail_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  DeskInvoiceDetail *self = DESK_INVOICE_DETAIL (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
desk_invoice_detail_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  DeskInvoiceDetail *self = DESK_INVOICE_DETAIL (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
desk_invoice_detail_class_init (DeskInvoiceDetailClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = desk_invoice_detail_dispose;
  object_class->set_property = desk_invoice_detail_set_property;
  object_class->get_property = desk_invoice_detail_get_property;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, DESK_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * DeskInvoiceDetail::loaded:
   * @invoice: the invoice as read in full
   */
  signals[LOADED] = g_signal_new ("loaded", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                  NULL, NULL, NULL, G_TYPE_NONE, 1, DESK_TYPE_INVOICE);

  gtk_widget_class_install_action (widget_class, "invoice.pay", NULL, pay_action);
  gtk_widget_class_install_action (widget_class, "invoice.reload", NULL, reload_action);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
desk_invoice_detail_init (DeskInvoiceDetail *self)
{
  self->state = "none";
  build (self);
  update_state (self, NULL);
}

GtkWidget *
desk_invoice_detail_new (DeskContext *context)
{
  g_return_val_if_fail (DESK_IS_CONTEXT (context), NULL);

  return g_object_new (DESK_TYPE_INVOICE_DETAIL, "context", context, NULL);
}

DeskInvoice *
desk_invoice_detail_get_invoice (DeskInvoiceDetail *self)
{
  g_return_val_if_fail (DESK_IS_INVOICE_DETAIL (self), NULL);

  return self->invoice;
}

/* Shows @invoice (a list entry will do) at once, and reads it in full. */
void
desk_invoice_detail_set_invoice (DeskInvoiceDetail *self,
                                 DeskInvoice       *invoice)
{
  g_return_if_fail (DESK_IS_INVOICE_DETAIL (self));

  g_set_object (&self->invoice, invoice);
  self->full = FALSE;
  self->due_known = FALSE;
  fill (self);
  fetch (self);
}

void
desk_invoice_detail_reload (DeskInvoiceDetail *self)
{
  g_return_if_fail (DESK_IS_INVOICE_DETAIL (self));

  fetch (self);
}

/* "none", "loading", "loaded" or "error". */
const char *
desk_invoice_detail_get_state (DeskInvoiceDetail *self)
{
  g_return_val_if_fail (DESK_IS_INVOICE_DETAIL (self), NULL);

  return self->state;
}

/* The amount due as `/invoices/:id/dueamount` gave it; FALSE until it has. */
gboolean
desk_invoice_detail_get_amount_due (DeskInvoiceDetail *self,
                                    gint64            *cents)
{
  g_return_val_if_fail (DESK_IS_INVOICE_DETAIL (self), FALSE);

  *cents = self->amount_due;
  return self->due_known;
}

GtkWindow *
desk_invoice_detail_get_payment_dialog (DeskInvoiceDetail *self)
{
  g_return_val_if_fail (DESK_IS_INVOICE_DETAIL (self), NULL);

  return self->payment_dialog;
}

/* The groups of the invoice, for tests that read what is shown. */
GtkWidget *
desk_invoice_detail_get_content (DeskInvoiceDetail *self)
{
  g_return_val_if_fail (DESK_IS_INVOICE_DETAIL (self), NULL);

  return self->content;
}
