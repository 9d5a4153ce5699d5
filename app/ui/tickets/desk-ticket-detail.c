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
#include "desk-ticket-detail.h"
#include "desk-ticket-match.h"
#include "desk-ticket-sections.h"

/* Everything about one ticket, with what may be changed: each device's status,
 * technician, IMEI, serial, location and staff comments. A change is sent as a whole
 * ticket with `PUT /tickets/:id`, which the client reads back; what is shown afterwards
 * is what the server holds, and the user is told when that is not what was sent. */

struct _DeskTicketDetail
{
  GtkWidget       parent_instance;

  /* Template children */
  GtkWidget      *root_box;
  GtkWidget      *toolbar;
  GtkWidget      *toolbar_separator;
  GtkWidget      *back_button;
  AdwWindowTitle *title;
  GtkSpinner     *busy_spinner;
  GtkWidget      *convert_button;
  GtkStack       *stack;
  AdwStatusPage  *error_page;
  GtkBox         *content;

  /* owned */
  DeskApiClient  *client;
  DeskCatalog    *catalog;
  DeskTicket     *ticket;
  GCancellable   *cancellable;
  GCancellable   *write_cancellable;
  char           *sent_property;
  GValue          sent_value;

  /* state */
  gint64          sent_device_id;
  gint64          writing_id;     /* the ticket the change or conversion on its way is for */
  gboolean        busy;
  gboolean        filling;
  gboolean        converted;
};

enum {
  PROP_0,
  PROP_CLIENT,
  PROP_CATALOG,
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
static void send_change (DeskTicketDetail *self,
                         guint             position,
                         const char       *property,
                         const GValue     *value);

static void
say (DeskTicketDetail *self,
     const char       *text)
{
  g_signal_emit (self, signals[MESSAGE], 0, text);
}

/* A change or a conversion goes on when the user opens another ticket meanwhile: its
 * outcome is still said and the list row still updated, but only the ticket it was made
 * on takes its answer. */
static gboolean
shows_ticket (DeskTicketDetail *self,
              gint64            id)
{
  return self->ticket != NULL && desk_ticket_get_id (self->ticket) == id;
}

static gboolean
has_invoice (DeskTicketDetail *self)
{
  gboolean has_invoice = FALSE;
  gint64 invoice_id = 0;

  /* The detail says "isInvoice"; a list entry only names the invoice. */
  if (self->ticket != NULL)
    g_object_get (self->ticket, "has-invoice", &has_invoice, "invoice-id", &invoice_id, NULL);

  return has_invoice || invoice_id > 0 || self->converted;
}

/* Never twice: once converted the button stays off, whatever the server says. */
static gboolean
can_convert (DeskTicketDetail *self)
{
  return self->ticket != NULL && !has_invoice (self) && !self->busy;
}

static void
update_actions (DeskTicketDetail *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "detail.convert", can_convert (self));
  /* With no ticket open there is nothing to title or convert. */
  gtk_widget_set_visible (self->toolbar, self->ticket != NULL);
  gtk_widget_set_visible (self->toolbar_separator, self->ticket != NULL);
  gtk_button_set_label (GTK_BUTTON (self->convert_button),
                        has_invoice (self) ? _("Invoiced")
                                                       : _("Convert to _Invoice"));
}

static void
set_busy (DeskTicketDetail *self,
          gboolean          busy)
{
  if (self->busy == busy)
    return;

  self->busy = busy;
  gtk_spinner_set_spinning (self->busy_spinner, busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->content), !busy);
  update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
clear_content (DeskTicketDetail *self)
{
  GtkWidget *child;

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

/* --- Editable rows ---------------------------------------------------------------------- */

static guint
position_of_name (GListModel *model,
                  const char *name)
{
  for (guint i = 0; name != NULL && i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(DeskNamedItem) item = g_list_model_get_item (model, i);

      if (g_strcmp0 (desk_named_item_get_name (item), name) == 0)
        return i;
    }

  return GTK_INVALID_LIST_POSITION;
}

static void
combo_selected_cb (AdwComboRow      *row,
                   GParamSpec       *pspec,
                   DeskTicketDetail *self)
{
  DeskNamedItem *item = adw_combo_row_get_selected_item (row);
  const char *property = g_object_get_data (G_OBJECT (row), "property");
  guint position = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "position"));
  g_auto(GValue) value = G_VALUE_INIT;

  if (self->filling || item == NULL)
    return;

  if (g_str_equal (property, "status"))
    {
      g_value_init (&value, G_TYPE_STRING);
      g_value_set_string (&value, desk_named_item_get_name (item));
    }
  else
    {
      g_value_init (&value, G_TYPE_INT64);
      g_value_set_int64 (&value, desk_named_item_get_id (item));
    }

  desk_ticket_detail_change_device (self, position, property, &value);
}

static GtkWidget *
combo_row (DeskTicketDetail *self,
           const char       *title,
           DeskCatalogKind   kind,
           guint             position,
           const char       *property,
           const char       *current)
{
  GListModel *model = desk_catalog_get_model (self->catalog, kind);
  GtkWidget *row = adw_combo_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_combo_row_set_expression (ADW_COMBO_ROW (row),
                                gtk_property_expression_new (DESK_TYPE_NAMED_ITEM, NULL, "name"));
  adw_combo_row_set_model (ADW_COMBO_ROW (row), model);
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), position_of_name (model, current));
  if (current != NULL && adw_combo_row_get_selected (ADW_COMBO_ROW (row)) == GTK_INVALID_LIST_POSITION)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), current);

  g_object_set_data_full (G_OBJECT (row), "property", g_strdup (property), g_free);
  g_object_set_data (G_OBJECT (row), "position", GUINT_TO_POINTER (position));
  g_signal_connect (row, "notify::selected", G_CALLBACK (combo_selected_cb), self);
  desk_accessible_follow_combo_row (ADW_COMBO_ROW (row));

  return row;
}

static void
entry_apply_cb (AdwEntryRow      *row,
                DeskTicketDetail *self)
{
  const char *property = g_object_get_data (G_OBJECT (row), "property");
  guint position = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "position"));
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, gtk_editable_get_text (GTK_EDITABLE (row)));
  desk_ticket_detail_change_device (self, position, property, &value);
}

static GtkWidget *
entry_row (DeskTicketDetail *self,
           DeskTicketDevice *device,
           guint             position,
           const char       *title,
           const char       *property)
{
  GtkWidget *row = adw_entry_row_new ();
  g_autofree char *text = NULL;

  g_object_get (device, property, &text, NULL);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (row), TRUE);
  gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
  g_object_set_data_full (G_OBJECT (row), "property", g_strdup (property), g_free);
  g_object_set_data (G_OBJECT (row), "position", GUINT_TO_POINTER (position));
  g_signal_connect (row, "apply", G_CALLBACK (entry_apply_cb), self);

  return row;
}

static GtkWidget *
device_group (DeskTicketDetail *self,
              DeskTicketDevice *device,
              guint             position)
{
  GtkWidget *group = adw_preferences_group_new ();
  AdwPreferencesGroup *g = ADW_PREFERENCES_GROUP (group);
  g_autofree char *technician = NULL;
  const char *name = desk_ticket_device_get_device_name (device);

  g_object_get (device, "assigned-to-name", &technician, NULL);
  adw_preferences_group_set_title (g, name != NULL && *name != '\0' ? name : _("Device"));
  adw_preferences_group_add (g, combo_row (self, _("Status"), DESK_CATALOG_STATUSES, position,
                                           "status", desk_ticket_device_get_status (device)));
  adw_preferences_group_add (g, combo_row (self, _("Technician"), DESK_CATALOG_EMPLOYEES,
                                           position, "assigned-to-id", technician));
  adw_preferences_group_add (g, entry_row (self, device, position, _("IMEI"), "imei"));
  adw_preferences_group_add (g, entry_row (self, device, position, _("Serial Number"), "serial"));
  adw_preferences_group_add (g, entry_row (self, device, position, _("Location"), "location"));
  adw_preferences_group_add (g, entry_row (self, device, position, _("Staff Comments"),
                                           "staff-comments"));
  desk_ticket_add_device_rows (g, device, desk_record_get_currency (DESK_RECORD (self->ticket)));

  return group;
}

static void
fill (DeskTicketDetail *self)
{
  GListModel *devices = desk_ticket_get_devices (self->ticket);
  DeskCustomer *customer = desk_ticket_get_customer (self->ticket);

  self->filling = TRUE;
  clear_content (self);
  adw_window_title_set_title (self->title, desk_ticket_get_order_id (self->ticket));
  adw_window_title_set_subtitle (self->title, customer != NULL ?
                                 desk_customer_get_full_name (customer) : NULL);

  append_group (self, desk_ticket_customer_group (self->ticket));
  for (guint i = 0; i < g_list_model_get_n_items (devices); i++)
    {
      g_autoptr(DeskTicketDevice) device = g_list_model_get_item (devices, i);

      append_group (self, device_group (self, device, i));
    }
  append_group (self, desk_ticket_totals_group (self->ticket));
  append_group (self, desk_ticket_signature_group (self->ticket));
  append_group (self, desk_ticket_history_group (self->ticket));
  append_group (self, desk_ticket_notes_group (self->ticket));

  gtk_stack_set_visible_child_name (self->stack, "ticket");
  update_actions (self);
  self->filling = FALSE;
}

static void
set_ticket (DeskTicketDetail *self,
            DeskTicket       *ticket)
{
  if (!g_set_object (&self->ticket, ticket))
    return;

  if (ticket != NULL)
    fill (self);
  else
    gtk_stack_set_visible_child_name (self->stack, "none");

  update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TICKET]);
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

  set_busy (self, FALSE);
  if (ticket == NULL)
    {
      adw_status_page_set_description (self->error_page, error->message);
      gtk_stack_set_visible_child_name (self->stack, "error");
      return;
    }

  set_ticket (self, ticket);
}

static void
fetch (DeskTicketDetail *self)
{
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  set_busy (self, TRUE);
  desk_api_client_get_ticket_async (self->client, desk_ticket_get_id (self->ticket),
                                    self->cancellable, fetched_cb, g_object_ref (self));
}

/* --- Changing --------------------------------------------------------------------------- */

/* A copy of the ticket for the PUT, with one value changed: the ticket on screen keeps
 * what the server last said until the server says otherwise. Each device goes through
 * its own body and back, which the mapping reads like a reply. */
static DeskTicket *
ticket_with_change (DeskTicket   *ticket,
                    guint         position,
                    const char   *property,
                    const GValue *value)
{
  GListModel *devices = desk_ticket_get_devices (ticket);
  DeskTicket *update = g_object_new (DESK_TYPE_TICKET,
                                     "id", desk_ticket_get_id (ticket),
                                     "customer-id", desk_ticket_get_customer_id (ticket),
                                     NULL);

  for (guint i = 0; i < g_list_model_get_n_items (devices); i++)
    {
      g_autoptr(DeskTicketDevice) device = g_list_model_get_item (devices, i);
      g_autoptr(JsonNode) body = desk_ticket_device_to_json (device);
      g_autoptr(DeskTicketDevice) copy = desk_ticket_device_new_from_json (body, NULL);

      if (copy == NULL)
        continue;
      if (i == position)
        g_object_set_property (G_OBJECT (copy), property, value);
      desk_ticket_add_device (update, copy);
    }

  return update;
}

static DeskTicketDevice *
find_device (DeskTicket *ticket,
             gint64      id)
{
  GListModel *devices = desk_ticket_get_devices (ticket);

  for (guint i = 0; i < g_list_model_get_n_items (devices); i++)
    {
      g_autoptr(DeskTicketDevice) device = g_list_model_get_item (devices, i);

      if (desk_ticket_device_get_id (device) == id)
        return device;
    }

  return NULL;
}

/* Texts are read back trimmed: spaces typed around an IMEI are no difference. */
static gboolean
same_value (GParamSpec   *pspec,
            const GValue *held,
            const GValue *sent)
{
  g_autofree char *held_text = NULL;
  g_autofree char *sent_text = NULL;

  if (!G_VALUE_HOLDS_STRING (held))
    return g_param_values_cmp (pspec, held, sent) == 0;

  held_text = g_strstrip (g_strdup (g_value_get_string (held) ? g_value_get_string (held) : ""));
  sent_text = g_strstrip (g_strdup (g_value_get_string (sent) ? g_value_get_string (sent) : ""));

  return g_str_equal (held_text, sent_text);
}

/* Says so when the server holds something else than what was sent. */
static void
check_applied (DeskTicketDetail *self,
               DeskTicket       *held)
{
  DeskTicketDevice *device = find_device (held, self->sent_device_id);
  GParamSpec *pspec;
  g_auto(GValue) now = G_VALUE_INIT;

  if (device == NULL)
    {
      say (self, _("RepairDesk no longer lists this device on the ticket."));
      return;
    }

  pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (device), self->sent_property);
  g_value_init (&now, pspec->value_type);
  g_object_get_property (G_OBJECT (device), self->sent_property, &now);
  if (same_value (pspec, &now, &self->sent_value))
    say (self, _("Saved"));
  else
    say (self, _("RepairDesk answered that the change was saved, but it holds something else. "
                 "The ticket shows what RepairDesk holds."));
}

static void
updated_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(DeskTicketDetail) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(DeskTicket) held = NULL;

  held = desk_api_client_update_ticket_finish (DESK_API_CLIENT (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (held == NULL)
    {
      g_autofree char *text = g_strdup_printf (_("The change was not saved: %s"), error->message);

      say (self, text);
      /* Put the controls back to what the server last said. */
      if (shows_ticket (self, self->writing_id))
        {
          set_busy (self, FALSE);
          fill (self);
        }
      return;
    }

  g_signal_emit (self, signals[SAVED], 0, held);
  if (!shows_ticket (self, self->writing_id))
    {
      g_autofree char *text = g_strdup_printf (_("%s saved"), desk_ticket_get_order_id (held));

      say (self, text);
      return;
    }

  set_busy (self, FALSE);
  check_applied (self, held);
  set_ticket (self, held);
}

static void
send_change (DeskTicketDetail *self,
             guint             position,
             const char       *property,
             const GValue     *value)
{
  g_autoptr(DeskTicket) update = ticket_with_change (self->ticket, position, property, value);
  g_autoptr(DeskTicketDevice) device = g_list_model_get_item (desk_ticket_get_devices (self->ticket),
                                                              position);

  g_free (self->sent_property);
  self->sent_property = g_strdup (property);
  if (G_IS_VALUE (&self->sent_value))
    g_value_unset (&self->sent_value);
  g_value_init (&self->sent_value, G_VALUE_TYPE (value));
  g_value_copy (value, &self->sent_value);
  self->sent_device_id = desk_ticket_device_get_id (device);

  set_busy (self, TRUE);
  self->writing_id = desk_ticket_get_id (self->ticket);
  desk_api_client_update_ticket_async (self->client, update, self->write_cancellable, updated_cb,
                                       g_object_ref (self));
}

typedef struct
{
  DeskTicketDetail *self;      /* owned */
  char             *property;
  GValue            value;
  guint             position;
} PendingChange;

static void
pending_change_free (PendingChange *change)
{
  g_object_unref (change->self);
  g_free (change->property);
  g_value_unset (&change->value);
  g_free (change);
}

static void
confirm_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     PendingChange    *change)
{
  if (g_str_equal (response, "change") && change->self->ticket != NULL)
    send_change (change->self, change->position, change->property, &change->value);
  else if (change->self->ticket != NULL)
    fill (change->self);

  /* One answer only; dropping the handler frees the change. */
  g_signal_handlers_disconnect_by_func (dialog, confirm_response_cb, change);
}

static void
confirm_change (DeskTicketDetail *self,
                guint             position,
                const char       *property,
                const GValue     *value)
{
  PendingChange *change = g_new0 (PendingChange, 1);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog;
  g_autofree char *heading = g_strdup_printf (_("Set the Status to “%s”?"),
                                              g_value_get_string (value));

  change->self = g_object_ref (self);
  change->property = g_strdup (property);
  change->position = position;
  g_value_init (&change->value, G_VALUE_TYPE (value));
  g_value_copy (value, &change->value);

  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, heading,
                                   _("This may send the customer a text message."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "change", _("_Change Status"),
                                    NULL);
  desk_accessible_tidy_mnemonics (dialog);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "change",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_data (dialog, "response", G_CALLBACK (confirm_response_cb), change,
                         (GClosureNotify) pending_change_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
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

  invoice = desk_api_client_convert_ticket_to_invoice_finish (DESK_API_CLIENT (object), result,
                                                              &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (shows_ticket (self, self->writing_id))
    set_busy (self, FALSE);
  if (invoice == NULL)
    {
      text = g_strdup_printf (_("The ticket was not converted: %s"), error->message);
      say (self, text);
      return;
    }

  /* The Invoices screen will open it; until then its number is what the user needs. */
  text = g_strdup_printf (_("Invoice %s created"), desk_invoice_get_order_id (invoice));
  say (self, text);
  if (!shows_ticket (self, self->writing_id))
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

  G_OBJECT_CLASS (desk_ticket_detail_parent_class)->dispose (object);
}

static void
desk_ticket_detail_finalize (GObject *object)
{
  DeskTicketDetail *self = DESK_TICKET_DETAIL (object);

  g_free (self->sent_property);
  if (G_IS_VALUE (&self->sent_value))
    g_value_unset (&self->sent_value);

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
      g_set_object (&self->client, g_value_get_object (value));
      break;
    case PROP_CATALOG:
      g_set_object (&self->catalog, g_value_get_object (value));
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

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/frontdesk/FrontDesk/tickets/desk-ticket-detail.ui");
  gtk_widget_class_bind_template_child (widget_class, DeskTicketDetail, root_box);
  gtk_widget_class_bind_template_child (widget_class, DeskTicketDetail, toolbar);
  gtk_widget_class_bind_template_child (widget_class, DeskTicketDetail, toolbar_separator);
  gtk_widget_class_bind_template_child (widget_class, DeskTicketDetail, back_button);
  gtk_widget_class_bind_template_child (widget_class, DeskTicketDetail, title);
  gtk_widget_class_bind_template_child (widget_class, DeskTicketDetail, busy_spinner);
  gtk_widget_class_bind_template_child (widget_class, DeskTicketDetail, convert_button);
  gtk_widget_class_bind_template_child (widget_class, DeskTicketDetail, stack);
  gtk_widget_class_bind_template_child (widget_class, DeskTicketDetail, error_page);
  gtk_widget_class_bind_template_child (widget_class, DeskTicketDetail, content);

  gtk_widget_class_install_action (widget_class, "detail.convert", NULL, convert_action);
  gtk_widget_class_install_action (widget_class, "detail.reload", NULL, reload_action);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
desk_ticket_detail_init (DeskTicketDetail *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  desk_accessible_tidy_mnemonics (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  self->write_cancellable = g_cancellable_new ();
  update_actions (self);
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
  set_busy (self, FALSE);
  self->converted = FALSE;
  set_ticket (self, ticket);
  if (ticket != NULL)
    fetch (self);
}

/**
 * desk_ticket_detail_change_device:
 * @self: a #DeskTicketDetail
 * @position: the device's position on the ticket
 * @property: the #DeskTicketDevice property to change
 * @value: its new value
 *
 * Sends the change, after asking when a status may text the customer.
 */
void
desk_ticket_detail_change_device (DeskTicketDetail *self,
                                  guint             position,
                                  const char       *property,
                                  const GValue     *value)
{
  g_return_if_fail (DESK_IS_TICKET_DETAIL (self));
  g_return_if_fail (self->ticket != NULL);
  g_return_if_fail (position < g_list_model_get_n_items (desk_ticket_get_devices (self->ticket)));

  if (g_str_equal (property, "status") && desk_ticket_status_notifies (g_value_get_string (value)))
    confirm_change (self, position, property, value);
  else
    send_change (self, position, property, value);
}

void
desk_ticket_detail_convert (DeskTicketDetail *self)
{
  g_return_if_fail (DESK_IS_TICKET_DETAIL (self));

  if (!can_convert (self))
    return;

  set_busy (self, TRUE);
  self->writing_id = desk_ticket_get_id (self->ticket);
  desk_api_client_convert_ticket_to_invoice_async (self->client, self->writing_id,
                                                   self->write_cancellable, converted_cb,
                                                   g_object_ref (self));
}
