/* desk-payment-dialog.c
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "desk-payment-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "desk-accessible.h"
#include "desk-message-dialog.h"
#include "desk-payment-dialog.h"
#include "desk-spinner.h"

/* Take Payment: the amount (the amount due to start with), the method, the date and a
 * note; for cash, what the customer hands over and the change to give back.
 *
 * A payment is money, so it leaves once. The button is off from the press until the
 * writer settles the change. When the answer was lost (DESK_FATE_UNKNOWN) the invoice's
 * payments are read again and the clerk is told whether it is there: a payment that was
 * not there before, with the same amount, method, day and note. Only when it is surely
 * not there is Send Again offered, and that is a new change, a new decision. */

typedef enum
{
  STATE_EDITING,
  STATE_SENDING,
  STATE_CHECKING,
  STATE_CHECK_FAILED,
  STATE_NOT_RECORDED,
  STATE_RECORDED,
} State;

static const char * const state_names[] = {
  "editing", "sending", "checking", "check-failed", "not-recorded", "recorded",
};

struct _DeskPaymentDialog
{
  AdwWindow          parent_instance;

  /* children */
  AdwWindowTitle    *title;
  GtkWidget         *cancel_button;
  GtkWidget         *form_group;
  AdwEntryRow       *amount_row;
  AdwComboRow       *method_row;
  GtkMenuButton     *date_button;
  GtkCalendar       *calendar;
  AdwEntryRow       *notes_row;
  GtkWidget         *cash_group;
  AdwEntryRow       *tendered_row;
  GtkLabel          *change_label;
  GtkLabel          *message_label;
  GtkWidget         *take_button;
  GtkWidget         *check_button;
  GtkWidget         *send_again_button;
  DeskSpinner       *spinner;

  /* owned */
  DeskContext       *context;
  DeskInvoice       *invoice;
  GtkStringList     *methods;
  GCancellable      *cancellable;
  GArray            *known_ids;   /* the invoice's payments before the send */
  char              *sent_method;
  char              *sent_notes;
  char              *message;

  /* state */
  GtkWindow         *question;    /* weak */
  State              state;
  gint64             amount_due;
  gint64             date;
  gint64             sent_amount;
  gint64             sent_date;
};

G_DEFINE_FINAL_TYPE (DeskPaymentDialog, desk_payment_dialog, ADW_TYPE_WINDOW)

enum {
  PAID,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void send_payment (DeskPaymentDialog *self);

/* --- State ------------------------------------------------------------------------------ */

static const char *
currency (DeskPaymentDialog *self)
{
  return desk_record_get_currency (DESK_RECORD (self->invoice));
}

static char *
money (DeskPaymentDialog *self,
       gint64             cents)
{
  return desk_money_format (cents, currency (self));
}

static gboolean
read_amount (AdwEntryRow *row,
             gint64      *cents)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (row));

  *cents = 0;
  return text != NULL && *text != '\0' && desk_money_parse (text, cents, NULL);
}

static const char *
chosen_method (DeskPaymentDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->method_row);

  if (selected == GTK_INVALID_LIST_POSITION ||
      selected >= g_list_model_get_n_items (G_LIST_MODEL (self->methods)))
    return NULL;

  return gtk_string_list_get_string (self->methods, selected);
}

static gboolean
can_take (DeskPaymentDialog *self)
{
  gint64 amount;

  return self->state == STATE_EDITING && chosen_method (self) != NULL &&
         read_amount (self->amount_row, &amount) && amount > 0;
}

static void
update (DeskPaymentDialog *self)
{
  gboolean busy = self->state == STATE_SENDING || self->state == STATE_CHECKING;
  gboolean cash = chosen_method (self) != NULL &&
                  g_ascii_strcasecmp (chosen_method (self), "Cash") == 0;
  gint64 amount = 0, tendered = 0;
  g_autofree char *change = NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "payment.take", can_take (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "payment.send-again",
                                 self->state == STATE_NOT_RECORDED);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "payment.check-again",
                                 self->state == STATE_CHECK_FAILED);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "payment.cancel", !busy);
  gtk_widget_set_visible (self->check_button, self->state == STATE_CHECK_FAILED);
  gtk_widget_set_visible (self->send_again_button, self->state == STATE_NOT_RECORDED);
  gtk_widget_set_visible (self->take_button, self->state != STATE_NOT_RECORDED &&
                                             self->state != STATE_CHECK_FAILED &&
                                             self->state != STATE_RECORDED);
  gtk_button_set_label (GTK_BUTTON (self->cancel_button),
                        self->state == STATE_RECORDED ? _("_Close") : _("_Cancel"));
  desk_spinner_set_spinning (self->spinner, busy);

  /* What was sent stays as it was sent until its fate is known. */
  gtk_widget_set_sensitive (self->form_group, self->state == STATE_EDITING);

  gtk_widget_set_visible (self->cash_group, cash);
  if (cash && read_amount (self->amount_row, &amount) && read_amount (self->tendered_row, &tendered))
    {
      if (tendered >= amount)
        {
          g_autofree char *text = money (self, tendered - amount);

          change = g_strdup (text);
        }
      else
        change = g_strdup (_("Less than the amount"));
    }
  gtk_label_set_label (self->change_label, change != NULL ? change : "—");

  gtk_label_set_label (self->message_label, self->message != NULL ? self->message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->message_label), self->message != NULL);
}

static void
set_state (DeskPaymentDialog *self,
           State              state,
           const char        *message)
{
  self->state = state;
  g_free (self->message);
  self->message = g_strdup (message);
  update (self);
}

/* --- Sending ---------------------------------------------------------------------------- */

static void
checked_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(DeskInvoice) invoice = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *amount = NULL;
  g_autofree char *text = NULL;
  DeskPaymentDialog *self;
  DeskPayment *found;

  invoice = desk_api_client_get_invoice_finish (DESK_API_CLIENT (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self = DESK_PAYMENT_DIALOG (user_data);
  if (invoice == NULL)
    {
      set_state (self, STATE_CHECK_FAILED,
                 _("Front Desk could not check whether the payment was recorded, as RepairDesk "
                   "did not answer. Do not take it again: check again once RepairDesk answers."));
      return;
    }

  amount = money (self, self->sent_amount);
  found = desk_payment_find_new (desk_invoice_get_payments (invoice), self->known_ids,
                                 self->sent_amount, self->sent_method, self->sent_date,
                                 self->sent_notes);
  if (found != NULL)
    {
      /* Translators: %s is an amount, "$20.00" */
      text = g_strdup_printf (_("The payment of %s went through: it is on the invoice."), amount);
      g_set_object (&self->invoice, invoice);
      set_state (self, STATE_RECORDED, text);
      g_signal_emit (self, signals[PAID], 0, invoice);
      return;
    }

  g_set_object (&self->invoice, invoice);
  /* Translators: %s is an amount, "$20.00" */
  text = g_strdup_printf (_("The payment of %s was not recorded: it is not on the invoice. "
                            "Send it again if the customer still pays."), amount);
  set_state (self, STATE_NOT_RECORDED, text);
}

static void
check (DeskPaymentDialog *self)
{
  set_state (self, STATE_CHECKING, _("RepairDesk’s answer was lost. Checking whether the payment "
                                     "was recorded…"));
  desk_api_client_get_invoice_async (desk_context_get_client (self->context),
                                     desk_invoice_get_id (self->invoice), self->cancellable,
                                     checked_cb, self);
}

static void
submitted_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DeskInvoice) record = NULL;
  g_autofree char *text = NULL;
  DeskPaymentDialog *self;
  DeskFate fate;

  fate = desk_writer_submit_finish (DESK_WRITER (object), result, (gpointer *) &record, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self = DESK_PAYMENT_DIALOG (user_data);
  switch (fate)
    {
    case DESK_FATE_SAVED:
      set_state (self, STATE_RECORDED, NULL);
      g_signal_emit (self, signals[PAID], 0, record);
      gtk_window_close (GTK_WINDOW (self));
      break;
    case DESK_FATE_REFUSED:
      text = g_strdup_printf (_("RepairDesk did not take the payment: %s"), error->message);
      set_state (self, STATE_EDITING, text);
      break;
    case DESK_FATE_NOT_SENT:
    case DESK_FATE_QUEUED: /* payments are never kept to send later */
      /* The payment surely never left: say so, and why (unreachable, or asked to slow down). */
      if (g_error_matches (error, DESK_API_ERROR, DESK_API_ERROR_NETWORK))
        set_state (self, STATE_EDITING,
                   _("Taking a payment needs RepairDesk, and it could not be reached. Nothing was "
                     "recorded."));
      else
        {
          text = g_strdup_printf (_("The payment was not sent, so nothing was recorded. %s"),
                                  error != NULL ? error->message : "");
          set_state (self, STATE_EDITING, text);
        }
      break;
    case DESK_FATE_UNKNOWN:
    default:
      check (self);
      break;
    }
}

static void
send_payment (DeskPaymentDialog *self)
{
  g_autoptr(DeskChange) change = NULL;
  DeskWriter *writer = desk_context_get_writer (self->context);

  if (self->state != STATE_EDITING && self->state != STATE_NOT_RECORDED)
    return;
  if (!read_amount (self->amount_row, &self->sent_amount) || self->sent_amount <= 0 ||
      chosen_method (self) == NULL)
    return;

  g_free (self->sent_method);
  g_free (self->sent_notes);
  self->sent_method = g_strdup (chosen_method (self));
  self->sent_notes = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->notes_row))));
  self->sent_date = self->date;
  g_clear_pointer (&self->known_ids, g_array_unref);
  self->known_ids = desk_payment_ids (desk_invoice_get_payments (self->invoice));

  change = desk_change_new_add_payment (desk_invoice_get_id (self->invoice), self->sent_amount,
                                        self->sent_method, self->sent_date,
                                        *self->sent_notes != '\0' ? self->sent_notes : NULL);
  set_state (self, STATE_SENDING, _("Sending the payment to RepairDesk…"));
  desk_writer_submit_async (writer, change, self->cancellable, submitted_cb, self);
}

/* --- Overpayment ------------------------------------------------------------------------ */

static void
question_response_cb (DeskPaymentDialog *self,
                      const char        *response)
{
  if (g_strcmp0 (response, "overpay") == 0)
    send_payment (self);
}

static void
ask_overpayment (DeskPaymentDialog *self,
                 gint64             amount)
{
  g_autofree char *amount_text = money (self, amount);
  g_autofree char *due_text = money (self, self->amount_due);
  g_autofree char *more_text = money (self, amount - self->amount_due);
  g_autofree char *body = NULL;
  g_autofree char *take = NULL;
  AdwMessageDialog *dialog;

  /* Translators: amounts: the payment, what the invoice owes, and the difference */
  body = g_strdup_printf (_("The payment is %s, but the invoice owes %s: %s more than is due. "
                            "The invoice will show as overpaid."), amount_text, due_text, more_text);
  /* Translators: %s is an amount */
  take = g_strdup_printf (_("_Take %s"), amount_text);
  dialog = desk_message_dialog_ask (GTK_WINDOW (self), _("Take More Than Is Due?"), body,
                                    "overpay", take, ADW_RESPONSE_DESTRUCTIVE,
                                    G_CALLBACK (question_response_cb), self);
  adw_message_dialog_set_default_response (dialog, "cancel");
  g_set_weak_pointer (&self->question, GTK_WINDOW (dialog));
}

/* --- Actions ---------------------------------------------------------------------------- */

static void
take_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  DeskPaymentDialog *self = DESK_PAYMENT_DIALOG (widget);
  gint64 amount;

  if (!can_take (self) || !read_amount (self->amount_row, &amount))
    return;

  if (amount > self->amount_due)
    ask_overpayment (self, amount);
  else
    send_payment (self);
}

static void
send_again_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  send_payment (DESK_PAYMENT_DIALOG (widget));
}

static void
check_again_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  DeskPaymentDialog *self = DESK_PAYMENT_DIALOG (widget);

  if (self->state == STATE_CHECK_FAILED)
    check (self);
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  gtk_window_close (GTK_WINDOW (widget));
}

/* A payment on its way is followed to its end here, where its fate is shown. */
static gboolean
desk_payment_dialog_close_request (GtkWindow *window)
{
  DeskPaymentDialog *self = DESK_PAYMENT_DIALOG (window);

  if (self->state == STATE_SENDING || self->state == STATE_CHECKING)
    return TRUE;

  return GTK_WINDOW_CLASS (desk_payment_dialog_parent_class)->close_request (window);
}

/* --- Methods and date ------------------------------------------------------------------- */

static void
methods_changed_cb (DeskPaymentDialog *self)
{
  GListModel *model = desk_catalog_get_model (desk_context_get_catalog (self->context),
                                              DESK_CATALOG_PAYMENT_METHODS);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  guint cash = 0;

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(DeskNamedItem) item = g_list_model_get_item (model, i);
      const char *name = desk_named_item_get_name (item);

      if (name == NULL || *name == '\0')
        continue;
      if (g_ascii_strcasecmp (name, "Cash") == 0)
        cash = g_list_model_get_n_items (G_LIST_MODEL (names));
      gtk_string_list_append (names, name);
    }

  g_set_object (&self->methods, names);
  adw_combo_row_set_model (self->method_row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (self->method_row, cash);
  update (self);
}

static void
methods_loaded_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!desk_catalog_load_finish (DESK_CATALOG (object), result, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    set_state (DESK_PAYMENT_DIALOG (user_data), STATE_EDITING,
               _("The payment methods could not be read from RepairDesk. Close and try again."));
}

static void
show_date (DeskPaymentDialog *self)
{
  g_autofree char *text = desk_format_date (self->date);

  gtk_menu_button_set_label (self->date_button, text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->date_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);
}

/* Today's payment keeps the time it is taken; another day's is dated at noon of it. */
static void
day_selected_cb (DeskPaymentDialog *self)
{
  g_autoptr(GDateTime) day = gtk_calendar_get_date (self->calendar);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  if (g_date_time_get_year (day) == g_date_time_get_year (now) &&
      g_date_time_get_day_of_year (day) == g_date_time_get_day_of_year (now))
    self->date = g_date_time_to_unix (now);
  else
    {
      g_autoptr(GDateTime) noon = g_date_time_new_local (g_date_time_get_year (day),
                                                         g_date_time_get_month (day),
                                                         g_date_time_get_day_of_month (day),
                                                         12, 0, 0);
      self->date = g_date_time_to_unix (noon);
    }
  show_date (self);
}

static void
amount_activated_cb (DeskPaymentDialog *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "payment.take", NULL);
}

/* --- Building --------------------------------------------------------------------------- */

static AdwEntryRow *
entry_row (AdwPreferencesGroup *group,
           const char          *title)
{
  GtkWidget *row = adw_entry_row_new ();

  /* The title names the row for a screen reader; a label of its own would be read twice. */
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_group_add (group, row);
  return ADW_ENTRY_ROW (row);
}

/* The form, scrolled if the window is short, and under it, always in view, what the
 * dialog says and the buttons to go on with (@footer). */
static GtkWidget *
build_form (DeskPaymentDialog  *self,
            GtkWidget         **footer)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *date_row = adw_action_row_new ();
  GtkWidget *change_row = adw_action_row_new ();
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *bottom = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);

  self->form_group = group;
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Payment"));
  self->amount_row = entry_row (ADW_PREFERENCES_GROUP (group), _("Amount"));
  gtk_editable_set_text (GTK_EDITABLE (self->amount_row), "");
  self->method_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->method_row), _("Method"));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->method_row));
  desk_accessible_follow_combo_row (self->method_row);

  self->date_button = GTK_MENU_BUTTON (gtk_menu_button_new ());
  gtk_widget_set_valign (GTK_WIDGET (self->date_button), GTK_ALIGN_CENTER);
  self->calendar = GTK_CALENDAR (gtk_calendar_new ());
  gtk_popover_set_child (GTK_POPOVER (popover), GTK_WIDGET (self->calendar));
  gtk_menu_button_set_popover (self->date_button, popover);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (date_row), _("Date"));
  adw_action_row_add_suffix (ADW_ACTION_ROW (date_row), GTK_WIDGET (self->date_button));
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (date_row), GTK_WIDGET (self->date_button));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), date_row);
  self->notes_row = entry_row (ADW_PREFERENCES_GROUP (group), _("Notes"));
  gtk_box_append (GTK_BOX (box), group);

  self->cash_group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self->cash_group), _("Cash"));
  self->tendered_row = entry_row (ADW_PREFERENCES_GROUP (self->cash_group), _("Cash Tendered"));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (change_row), _("Change to Give"));
  self->change_label = GTK_LABEL (gtk_label_new ("—"));
  gtk_widget_add_css_class (GTK_WIDGET (self->change_label), "title-3");
  adw_action_row_add_suffix (ADW_ACTION_ROW (change_row), GTK_WIDGET (self->change_label));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->cash_group), change_row);
  gtk_box_append (GTK_BOX (box), self->cash_group);

  self->message_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->message_label, TRUE);
  gtk_label_set_xalign (self->message_label, 0);
  gtk_box_append (GTK_BOX (bottom), GTK_WIDGET (self->message_label));

  self->spinner = DESK_SPINNER (desk_spinner_new ());
  gtk_widget_set_hexpand (GTK_WIDGET (self->spinner), TRUE);
  gtk_widget_set_halign (GTK_WIDGET (self->spinner), GTK_ALIGN_START);
  gtk_box_append (GTK_BOX (buttons), GTK_WIDGET (self->spinner));
  self->check_button = gtk_button_new_with_mnemonic (_("C_heck Again"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->check_button), "payment.check-again");
  gtk_box_append (GTK_BOX (buttons), self->check_button);
  self->send_again_button = gtk_button_new_with_mnemonic (_("_Send Again"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->send_again_button), "payment.send-again");
  gtk_widget_add_css_class (self->send_again_button, "suggested-action");
  gtk_box_append (GTK_BOX (buttons), self->send_again_button);
  self->take_button = gtk_button_new_with_mnemonic (_("_Take Payment"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->take_button), "payment.take");
  gtk_widget_add_css_class (self->take_button, "suggested-action");
  gtk_box_append (GTK_BOX (buttons), self->take_button);
  gtk_box_append (GTK_BOX (bottom), buttons);
  *footer = bottom;

  g_signal_connect_object (self->amount_row, "changed", G_CALLBACK (update), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->tendered_row, "changed", G_CALLBACK (update), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->method_row, "notify::selected", G_CALLBACK (update), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->calendar, "day-selected", G_CALLBACK (day_selected_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->amount_row, "entry-activated", G_CALLBACK (amount_activated_cb),
                           self, G_CONNECT_SWAPPED);

  return box;
}

static void
build (DeskPaymentDialog *self)
{
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *footer = NULL;
  GtkWidget *form = build_form (self, &footer);

  self->title = ADW_WINDOW_TITLE (adw_window_title_new (_("Take Payment"), NULL));
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), GTK_WIDGET (self->title));
  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  self->cancel_button = gtk_button_new_with_mnemonic (_("_Cancel"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->cancel_button), "payment.cancel");
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), self->cancel_button);
  gtk_box_append (GTK_BOX (content), header);

  gtk_widget_set_margin_top (form, 12);
  gtk_widget_set_margin_bottom (form, 12);
  gtk_widget_set_margin_start (form, 12);
  gtk_widget_set_margin_end (form, 12);
  adw_clamp_set_child (ADW_CLAMP (clamp), form);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_widget_set_vexpand (scrolled, TRUE);
  gtk_box_append (GTK_BOX (content), scrolled);
  /* What the dialog says and its buttons stay in view under the form, however tall the
   * form grows (the cash group appears when the payment methods arrive). */
  gtk_widget_set_margin_top (footer, 6);
  gtk_widget_set_margin_bottom (footer, 12);
  gtk_widget_set_margin_start (footer, 12);
  gtk_widget_set_margin_end (footer, 12);
  clamp = adw_clamp_new ();
  adw_clamp_set_child (ADW_CLAMP (clamp), footer);
  gtk_box_append (GTK_BOX (content), clamp);
  adw_window_set_content (ADW_WINDOW (self), content);
}

/* --- GObject ---------------------------------------------------------------------------- */

static void
desk_payment_dialog_dispose (GObject *object)
{
  DeskPaymentDialog *self = DESK_PAYMENT_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->question != NULL)
    gtk_window_destroy (self->question);
  g_clear_weak_pointer (&self->question);
  g_clear_object (&self->methods);
  g_clear_object (&self->invoice);
  g_clear_object (&self->context);
  g_clear_pointer (&self->known_ids, g_array_unref);
  g_clear_pointer (&self->sent_method, g_free);
  g_clear_pointer (&self->sent_notes, g_free);
  g_clear_pointer (&self->message, g_free);

  G_OBJECT_CLASS (desk_payment_dialog_parent_class)->dispose (object);
}

static void
desk_payment_dialog_class_init (DeskPaymentDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = desk_payment_dialog_dispose;
  window_class->close_request = desk_payment_dialog_close_request;

  /**
   * DeskPaymentDialog::paid:
   * @invoice: (nullable): what RepairDesk answered about the invoice
   *
   * The payment is recorded on the invoice.
   */
  signals[PAID] = g_signal_new ("paid", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_OBJECT);

  gtk_widget_class_install_action (widget_class, "payment.take", NULL, take_action);
  gtk_widget_class_install_action (widget_class, "payment.send-again", NULL, send_again_action);
  gtk_widget_class_install_action (widget_class, "payment.check-again", NULL, check_again_action);
  gtk_widget_class_install_action (widget_class, "payment.cancel", NULL, cancel_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "payment.cancel", NULL);
}

static void
desk_payment_dialog_init (DeskPaymentDialog *self)
{
  self->cancellable = g_cancellable_new ();
  self->methods = gtk_string_list_new (NULL);
  self->date = g_get_real_time () / G_USEC_PER_SEC;
  gtk_window_set_modal (GTK_WINDOW (self), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (self), 440, -1);
  gtk_window_set_title (GTK_WINDOW (self), _("Take Payment"));
  build (self);
}

/**
 * desk_payment_dialog_new:
 * @context: the services
 * @invoice: the invoice as read in full (its payments are what a lost answer is checked
 *   against)
 * @amount_due: what it owes, the amount offered
 *
 * Returns: (transfer floating): the dialog, not yet shown
 */
DeskPaymentDialog *
desk_payment_dialog_new (DeskContext *context,
                         DeskInvoice *invoice,
                         gint64       amount_due)
{
  DeskPaymentDialog *self;
  g_autofree char *due = NULL;
  g_autofree char *subtitle = NULL;
  DeskCatalog *catalog;

  g_return_val_if_fail (DESK_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (DESK_IS_INVOICE (invoice), NULL);

  self = g_object_new (DESK_TYPE_PAYMENT_DIALOG, NULL);
  self->context = g_object_ref (context);
  self->invoice = g_object_ref (invoice);
  self->amount_due = amount_due;

  due = money (self, amount_due);
  /* Translators: the invoice's number and what it owes: "Invoice 1042 · Due $50.00" */
  subtitle = g_strdup_printf (_("Invoice %s · Due %s"), desk_invoice_get_order_id (invoice) ?: "",
                              due);
  adw_window_title_set_subtitle (self->title, subtitle);
  if (amount_due > 0)
    {
      g_autofree char *text = desk_money_to_api (amount_due);

      gtk_editable_set_text (GTK_EDITABLE (self->amount_row), text);
    }
  show_date (self);

  catalog = desk_context_get_catalog (context);
  g_signal_connect_object (desk_catalog_get_model (catalog, DESK_CATALOG_PAYMENT_METHODS),
                           "items-changed", G_CALLBACK (methods_changed_cb), self,
                           G_CONNECT_SWAPPED);
  methods_changed_cb (self);
  desk_catalog_load_async (catalog, DESK_CATALOG_PAYMENT_METHODS, self->cancellable,
                           methods_loaded_cb, self);
  desk_accessible_tidy_mnemonics (GTK_WIDGET (self));
  update (self);

  return self;
}

/* "editing", "sending", "checking", "check-failed", "not-recorded" or "recorded". */
const char *
desk_payment_dialog_get_state (DeskPaymentDialog *self)
{
  g_return_val_if_fail (DESK_IS_PAYMENT_DIALOG (self), NULL);

  return state_names[self->state];
}

/* What the dialog tells the clerk now, NULL for nothing. */
const char *
desk_payment_dialog_get_message (DeskPaymentDialog *self)
{
  g_return_val_if_fail (DESK_IS_PAYMENT_DIALOG (self), NULL);

  return self->message;
}

static GtkEditable *
field (DeskPaymentDialog *self,
       const char        *name)
{
  if (g_str_equal (name, "amount"))
    return GTK_EDITABLE (self->amount_row);
  if (g_str_equal (name, "notes"))
    return GTK_EDITABLE (self->notes_row);
  if (g_str_equal (name, "tendered"))
    return GTK_EDITABLE (self->tendered_row);
  if (g_str_equal (name, "change"))
    return NULL;

  g_return_val_if_reached (NULL);
}

/* Types into "amount", "notes" or "tendered". */
void
desk_payment_dialog_set_field (DeskPaymentDialog *self,
                               const char        *name,
                               const char        *text)
{
  g_return_if_fail (DESK_IS_PAYMENT_DIALOG (self));

  gtk_editable_set_text (field (self, name), text);
}

/* The text of "amount", "notes", "tendered", or "change" (the change to give). */
const char *
desk_payment_dialog_get_field (DeskPaymentDialog *self,
                               const char        *name)
{
  g_return_val_if_fail (DESK_IS_PAYMENT_DIALOG (self), NULL);

  if (g_str_equal (name, "change"))
    return gtk_label_get_label (self->change_label);

  return gtk_editable_get_text (field (self, name));
}

gboolean
desk_payment_dialog_set_method (DeskPaymentDialog *self,
                                const char        *method)
{
  g_return_val_if_fail (DESK_IS_PAYMENT_DIALOG (self), FALSE);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->methods)); i++)
    if (g_strcmp0 (gtk_string_list_get_string (self->methods, i), method) == 0)
      {
        adw_combo_row_set_selected (self->method_row, i);
        return TRUE;
      }

  return FALSE;
}

void
desk_payment_dialog_set_date (DeskPaymentDialog *self,
                              gint64             unix_time)
{
  g_return_if_fail (DESK_IS_PAYMENT_DIALOG (self));

  self->date = unix_time;
  show_date (self);
}

/* The overpayment question while it is open. */
GtkWindow *
desk_payment_dialog_get_question (DeskPaymentDialog *self)
{
  g_return_val_if_fail (DESK_IS_PAYMENT_DIALOG (self), NULL);

  return self->question;
}
