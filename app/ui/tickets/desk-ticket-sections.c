/* desk-ticket-sections.c
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "desk-ticket-sections"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "desk-ticket-sections.h"
#include "desk-touch.h"

/* Builders for what the ticket detail shows but does not edit. */

/* The properties read by name, in the order the builders below read them. */
static const char * const device_fields[] = { "task-type-name", "due-on", "gst" };
static const char * const total_fields[] = { "subtotal", "discount", "total-tax", "amount-paid" };

/* Fails at once when a property read by name does not exist: called at class init. */
void
desk_ticket_sections_check_properties (void)
{
  DESK_PROPERTIES_CHECK (DESK_TYPE_TICKET_DEVICE, device_fields);
  DESK_PROPERTIES_CHECK (DESK_TYPE_TICKET, total_fields);
}

/* Returns: (transfer full): a date for people, or an em dash for none */
char *
desk_ticket_format_date (gint64 unix_time)
{
  return desk_format_date (unix_time);
}

/* A fact of the ticket: the value is what the clerk reads, so it is the row's title, with
 * what it is in small print under it (libadwaita 1.2 has no "property" row style; with
 * one, the value would move to the subtitle and the style class turn it around). */
GtkWidget *
desk_ticket_info_row (const char *title,
                      const char *value)
{
  GtkWidget *row = adw_action_row_new ();

  /* Values come from the server: never markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                 value != NULL && *value != '\0' ? value : "—");
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), title);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
  g_object_set_data_full (G_OBJECT (row), "label", g_strdup (title), g_free);

  return row;
}

static GtkWidget *
group_new (const char *title)
{
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  return group;
}

static void
add_money_row (AdwPreferencesGroup *group,
               const char          *title,
               gint64               cents,
               const char          *currency)
{
  g_autofree char *text = desk_money_format (cents, currency);

  adw_preferences_group_add (group, desk_ticket_info_row (title, text));
}

/* A contact row with a button that hands the number or address to the phone or mail
 * application. */
static GtkWidget *
contact_row (const char *title,
             const char *value,
             const char *scheme,
             const char *icon_name,
             const char *tooltip)
{
  GtkWidget *row = desk_ticket_info_row (title, value);
  g_autofree char *uri = NULL;
  g_autofree char *name = NULL;
  GtkWidget *button;

  if (value == NULL || *value == '\0')
    return row;

  uri = g_strconcat (scheme, value, NULL);
  button = gtk_link_button_new (uri);
  gtk_button_set_icon_name (GTK_BUTTON (button), icon_name);
  gtk_widget_set_tooltip_text (button, tooltip);
  /* Read as "Call: 555 0100", not as the bare tel: link GTK takes for its name. */
  name = g_strdup_printf ("%s: %s", tooltip, value);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  /* A finger's width: a touch target is at least 44 px square. */
  gtk_widget_set_size_request (button, DESK_TOUCH_TARGET, DESK_TOUCH_TARGET);
  gtk_widget_add_css_class (button, "flat");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);

  return row;
}

GtkWidget *
desk_ticket_customer_group (DeskTicket *ticket)
{
  DeskCustomer *customer = desk_ticket_get_customer (ticket);
  GtkWidget *group = group_new (_("Customer"));
  AdwPreferencesGroup *g = ADW_PREFERENCES_GROUP (group);
  const char *phone;

  if (customer == NULL || desk_customer_is_walk_in (customer))
    {
      adw_preferences_group_add (g, desk_ticket_info_row (_("Name"), _("Walk-in customer")));
      return group;
    }

  phone = desk_customer_get_mobile (customer);
  if (phone == NULL || *phone == '\0')
    phone = desk_customer_get_phone (customer);

  adw_preferences_group_add (g, desk_ticket_info_row (_("Name"),
                                                      desk_customer_get_full_name (customer)));
  adw_preferences_group_add (g, contact_row (_("Phone"), phone, "tel:", "call-start-symbolic",
                                             _("Call")));
  adw_preferences_group_add (g, contact_row (_("Email"), desk_customer_get_email (customer),
                                             "mailto:", "mail-send-symbolic", _("Write an Email")));

  return group;
}

/* Returns: (transfer full): the names of the items of a list of named records */
static char *
join_names (GListModel *items,
            gboolean    conditions)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; items != NULL && i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (items, i);

      if (text->len > 0)
        g_string_append (text, conditions ? "\n" : ", ");

      if (DESK_IS_CONDITION (item))
        {
          DeskCondition *condition = DESK_CONDITION (item);

          /* Translators: a device condition checked at intake, and whether it was fine */
          g_string_append_printf (text, conditions ? _("%s: %s") : "%s",
                                  desk_condition_get_name (condition),
                                  desk_condition_get_result (condition) ? _("OK") : _("not OK"));
        }
      else
        {
          g_string_append (text, desk_named_item_get_name (DESK_NAMED_ITEM (item)));
        }
    }

  return g_string_free (text, FALSE);
}

static void
add_parts (AdwPreferencesGroup *group,
           GListModel          *parts,
           const char          *currency)
{
  for (guint i = 0; parts != NULL && i < g_list_model_get_n_items (parts); i++)
    {
      g_autoptr(DeskPartLine) part = g_list_model_get_item (parts, i);
      g_autofree char *price = desk_money_format (desk_part_line_get_price (part), currency);
      /* Translators: a part used in a repair, its quantity and its price */
      g_autofree char *text = g_strdup_printf (_("%s × %" G_GINT64_FORMAT ", %s"),
                                               desk_part_line_get_name (part),
                                               desk_part_line_get_quantity (part), price);

      adw_preferences_group_add (group, desk_ticket_info_row (_("Part"), text));
    }
}

/* The device's read-only facts; the editable ones are added by the detail itself. */
void
desk_ticket_add_device_rows (AdwPreferencesGroup *group,
                             DeskTicketDevice    *device,
                             const char          *currency)
{
  g_autofree char *repairs = join_names (desk_ticket_device_get_repair_items (device), FALSE);
  g_autofree char *pre = join_names (desk_ticket_device_get_pre_conditions (device), TRUE);
  g_autofree char *supplied = join_names (desk_ticket_device_get_supplied (device), FALSE);
  g_autofree char *task_type = NULL;
  g_autofree char *due_text = NULL;
  gint64 due = 0, gst = 0;

  g_object_get (device, device_fields[0], &task_type, device_fields[1], &due,
                device_fields[2], &gst, NULL);
  due_text = desk_ticket_format_date (due);

  adw_preferences_group_add (group, desk_ticket_info_row (_("Repairs"), repairs));
  adw_preferences_group_add (group, desk_ticket_info_row (_("Pre-Conditions"), pre));
  adw_preferences_group_add (group, desk_ticket_info_row (_("Accessories Handed In"), supplied));
  add_parts (group, desk_ticket_device_get_parts (device), currency);
  adw_preferences_group_add (group, desk_ticket_info_row (_("Task Type"), task_type));
  adw_preferences_group_add (group, desk_ticket_info_row (_("Due Date"), due_text));
  add_money_row (group, _("Price"), desk_ticket_device_get_price (device), currency);
  add_money_row (group, _("Tax"), gst, currency);
  add_money_row (group, _("Discount"), desk_ticket_device_get_line_discount (device), currency);
}

/* The ticket's invoice, one click away on the Invoices screen, where it is paid. */
static void
add_invoice_link (AdwPreferencesGroup *group,
                  DeskTicket          *ticket)
{
  GtkWidget *row;
  gint64 invoice_id = 0;

  g_object_get (ticket, "invoice-id", &invoice_id, NULL);
  if (invoice_id <= 0)
    return;

  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Invoice"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("Open it to see or take payments"));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "x", invoice_id);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "win.show-invoice");
  gtk_widget_set_name (row, "invoice-link");
  adw_preferences_group_add (group, row);
}

/* Paid and the amount due belong to an invoice: a ticket without one shows what it
 * costs, not what is owed. */
GtkWidget *
desk_ticket_totals_group (DeskTicket *ticket)
{
  GtkWidget *group = group_new (_("Totals"));
  AdwPreferencesGroup *g = ADW_PREFERENCES_GROUP (group);
  const char *currency = desk_record_get_currency (DESK_RECORD (ticket));
  gint64 subtotal = 0, discount = 0, tax = 0, paid = 0;

  g_object_get (ticket, total_fields[0], &subtotal, total_fields[1], &discount,
                total_fields[2], &tax, total_fields[3], &paid, NULL);
  add_money_row (g, _("Subtotal"), subtotal, currency);
  add_money_row (g, _("Discount"), discount, currency);
  add_money_row (g, _("Tax"), tax, currency);
  add_money_row (g, _("Total"), desk_ticket_get_total (ticket), currency);
  if (desk_ticket_has_invoice (ticket))
    {
      add_money_row (g, _("Paid"), paid, currency);
      add_money_row (g, _("Amount Due"), desk_ticket_get_amount_due (ticket), currency);
      add_invoice_link (g, ticket);
    }

  return group;
}

/* Returns: (transfer full) (nullable): the signature PNG, without a data: URI prefix */
static GdkTexture *
signature_texture (const char *base64)
{
  g_autoptr(GBytes) bytes = NULL;
  const char *comma;
  guchar *data;
  gsize len = 0;

  if (base64 == NULL || *base64 == '\0')
    return NULL;

  comma = strchr (base64, ',');
  if (g_str_has_prefix (base64, "data:") && comma != NULL)
    base64 = comma + 1;

  data = g_base64_decode (base64, &len);
  if (len == 0)
    {
      g_free (data);
      return NULL;
    }

  bytes = g_bytes_new_take (data, len);
  return gdk_texture_new_from_bytes (bytes, NULL);
}

GtkWidget *
desk_ticket_signature_group (DeskTicket *ticket)
{
  g_autoptr(GdkTexture) texture = signature_texture (desk_ticket_get_signature (ticket));
  GtkWidget *group;
  GtkWidget *picture;

  if (texture == NULL)
    return NULL;

  group = group_new (_("Signature"));
  picture = gtk_picture_new_for_paintable (GDK_PAINTABLE (texture));
  gtk_widget_set_size_request (picture, -1, 120);
  gtk_widget_add_css_class (picture, "card");
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), picture);

  return group;
}

/* Returns: (transfer full): bold where RepairDesk's markup says so */
static PangoAttrList *
bold_attributes (GArray *bold)
{
  PangoAttrList *attrs = pango_attr_list_new ();

  for (guint i = 0; i < bold->len; i++)
    {
      DeskTextRange *range = &g_array_index (bold, DeskTextRange, i);
      PangoAttribute *attr = pango_attr_weight_new (PANGO_WEIGHT_BOLD);

      attr->start_index = range->start;
      attr->end_index = range->end;
      pango_attr_list_insert (attrs, attr);
    }

  return attrs;
}

/* History entries come as RepairDesk's HTML ("changed status to <b>Repaired</b>"), read
 * by a parser that cannot fail: plain text with bold stretches, never markup. */
static GtkWidget *
history_row (gpointer item)
{
  DeskHistoryEntry *entry = item;
  g_autoptr(GArray) bold = NULL;
  g_autofree char *text = desk_history_text_parse (desk_history_entry_get_description (entry),
                                                   &bold);
  g_autofree char *date = desk_ticket_format_date (desk_history_entry_get_created (entry));
  g_autoptr(PangoAttrList) attrs = bold_attributes (bold);
  GtkWidget *row = adw_preferences_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  GtkWidget *label = gtk_label_new (text);
  GtkWidget *when = gtk_label_new (date);

  gtk_label_set_attributes (GTK_LABEL (label), attrs);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_xalign (GTK_LABEL (when), 0);
  gtk_widget_add_css_class (when, "dim-label");
  gtk_widget_add_css_class (when, "caption");
  gtk_widget_add_css_class (box, "history-entry");
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), when);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), text);
  /* A plain preferences row is not named by its title: say the entry and its date. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, text,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, date,
                                  -1);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);

  return row;
}

static GtkWidget *
note_row (gpointer item)
{
  DeskNote *note = item;
  g_autofree char *date = desk_ticket_format_date (desk_note_get_created (note));
  GtkWidget *row = adw_action_row_new ();
  const char *title = desk_note_get_title (note);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                 title != NULL && *title != '\0' ? title : date);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), desk_note_get_text (note));
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);

  return row;
}

/* A group with a row for each item, or NULL when there is none. */
static GtkWidget *
list_group (const char  *title,
            GListModel  *items,
            GtkWidget *(*make_row) (gpointer item))
{
  GtkWidget *group;

  if (items == NULL || g_list_model_get_n_items (items) == 0)
    return NULL;

  group = group_new (title);
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (items, i);

      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), make_row (item));
    }

  return group;
}

GtkWidget *
desk_ticket_history_group (DeskTicket *ticket)
{
  return list_group (_("History"), desk_ticket_get_history (ticket),
                     history_row);
}

GtkWidget *
desk_ticket_notes_group (DeskTicket *ticket)
{
  return list_group (_("Notes"), desk_ticket_get_notes (ticket),
                     note_row);
}
