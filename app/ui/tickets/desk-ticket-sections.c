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
  g_autoptr(GDateTime) date = NULL;

  if (unix_time <= 0)
    return g_strdup ("—");

  date = g_date_time_new_from_unix_local (unix_time);
  return date != NULL ? g_date_time_format (date, "%x") : g_strdup ("—");
}

GtkWidget *
desk_ticket_info_row (const char *title,
                      const char *value)
{
  GtkWidget *row = adw_action_row_new ();

  /* Values come from the server: never markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), value != NULL && *value != '\0' ? value : "—");
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  gtk_widget_add_css_class (row, "property");

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
  GtkWidget *button;

  if (value == NULL || *value == '\0')
    return row;

  uri = g_strconcat (scheme, value, NULL);
  button = gtk_link_button_new (uri);
  gtk_button_set_icon_name (GTK_BUTTON (button), icon_name);
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
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
  adw_preferences_group_add (group, desk_ticket_info_row (_("Due"), due_text));
  add_money_row (group, _("Price"), desk_ticket_device_get_price (device), currency);
  add_money_row (group, _("Tax"), gst, currency);
  add_money_row (group, _("Discount"), desk_ticket_device_get_line_discount (device), currency);
}

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
  add_money_row (g, _("Paid"), paid, currency);
  add_money_row (g, _("Due"), desk_ticket_get_amount_due (ticket), currency);

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

/* History entries come as HTML ("changed status to <b>Repaired</b>"); Pango's markup is
 * close enough for the few tags used, and anything it cannot read is shown as text. */
static GtkWidget *
history_row (gpointer item)
{
  DeskHistoryEntry *entry = item;
  const char *description = desk_history_entry_get_description (entry);
  g_autofree char *date = desk_ticket_format_date (desk_history_entry_get_created (entry));
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row),
                                      description != NULL &&
                                      pango_parse_markup (description, -1, 0, NULL, NULL,
                                                          NULL, NULL));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), description != NULL ? description : "");
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), date);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);

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
