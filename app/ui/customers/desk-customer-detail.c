/* desk-customer-detail.c
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "desk-customer-detail"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "desk-accessible.h"
#include "desk-customer-check.h"
#include "desk-customer-detail.h"
#include "desk-spinner.h"

/* One customer: contact data with call and e-mail links, the business fields, and the
 * customer's tickets and invoices. RepairDesk has no "tickets of customer" query, so the
 * lists come from a keyword search for the customer's number (or name), kept to the rows
 * that really belong to this customer. A click on a ticket activates win.show-ticket with
 * its id, on an invoice win.show-invoice. */

#define RELATED_PAGE_SIZE 25

typedef struct
{
  GtkListBox         *box;
  GtkLabel           *status;
  GtkWidget          *more;
  DeskSpinner        *spinner;
  DeskPagedList      *list;       /* owned */
  GtkFilterListModel *filtered;   /* owned */
  const char         *action;     /* NULL: the rows only inform */
  const char         *empty_text;
} Related;

struct _DeskCustomerDetail
{
  GtkWidget       parent_instance;

  /* Template children */
  GtkWidget      *scrolled_window;
  GtkLabel       *name_label;
  GtkLabel       *subtitle_label;
  AdwActionRow   *phone_row;
  GtkLabel       *phone_link;
  AdwActionRow   *mobile_row;
  GtkLabel       *mobile_link;
  AdwActionRow   *email_row;
  GtkLabel       *email_link;
  AdwActionRow   *address_row;
  AdwActionRow   *organization_row;
  AdwActionRow   *contact_person_row;
  AdwActionRow   *tax_number_row;
  AdwActionRow   *driving_licence_row;
  AdwActionRow   *network_row;
  AdwActionRow   *referred_by_row;
  AdwActionRow   *group_row;
  Related         tickets;
  Related         invoices;

  /* owned */
  DeskApiClient  *client;
  DeskCustomer   *customer;
  GtkCustomFilter *filter;
};

enum {
  PROP_0,
  PROP_CLIENT,
  PROP_CUSTOMER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (DeskCustomerDetail, desk_customer_detail, GTK_TYPE_WIDGET)

static char *
get_text (DeskCustomer *customer,
          const char   *property)
{
  char *text = NULL;

  g_object_get (customer, property, &text, NULL);
  if (text != NULL)
    g_strstrip (text);

  return text;
}

/* The value is what the clerk reads: it becomes the row's title, and what it is (the
 * title the template gave) goes under it in small print. */
static void
show_value (AdwActionRow *row,
            const char   *text)
{
  if (g_object_get_data (G_OBJECT (row), "label") == NULL)
    g_object_set_data_full (G_OBJECT (row), "label",
                            g_strdup (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row))),
                            g_free);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), text != NULL ? text : "");
  adw_action_row_set_subtitle (row, g_object_get_data (G_OBJECT (row), "label"));
  adw_action_row_set_title_lines (row, 0);
  gtk_widget_set_visible (GTK_WIDGET (row), text != NULL && *text != '\0');
}

static void
show_property (DeskCustomerDetail *self,
               AdwActionRow       *row,
               const char         *property)
{
  g_autofree char *text = get_text (self->customer, property);
  g_autofree char *escaped = text != NULL ? g_markup_escape_text (text, -1) : NULL;

  show_value (row, escaped);
}

static void
show_link (AdwActionRow *row,
           GtkLabel     *label,
           const char   *scheme,
           const char   *text)
{
  g_autofree char *markup = desk_customer_link_markup (scheme, text);

  gtk_label_set_markup (label, markup != NULL ? markup : "");
  gtk_widget_set_visible (GTK_WIDGET (row), markup != NULL);
}

static char *
format_address (DeskCustomer *customer)
{
  const char *parts[] = { "address1", "address2", "city", "state", "postcode", "country" };
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) lines = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    {
      g_autofree char *text = get_text (customer, parts[i]);

      if (text != NULL && *text != '\0')
        g_strv_builder_add (builder, text);
    }

  lines = g_strv_builder_end (builder);
  return g_strjoinv (", ", lines);
}

static void
show_contact (DeskCustomerDetail *self)
{
  DeskCustomer *c = self->customer;
  g_autofree char *address = format_address (c);
  g_autofree char *escaped = g_markup_escape_text (address, -1);
  g_autofree char *organization = get_text (c, "organization");
  g_autofree char *name = desk_customer_tidy_name (desk_customer_get_full_name (c));

  gtk_label_set_label (self->name_label, name);
  gtk_label_set_label (self->subtitle_label, organization != NULL ? organization : "");
  gtk_widget_set_visible (GTK_WIDGET (self->subtitle_label),
                          organization != NULL && *organization != '\0');

  show_link (self->phone_row, self->phone_link, "tel", desk_customer_get_phone (c));
  show_link (self->mobile_row, self->mobile_link, "tel", desk_customer_get_mobile (c));
  show_link (self->email_row, self->email_link, "mailto", desk_customer_get_email (c));
  show_value (self->address_row, escaped);
  show_property (self, self->organization_row, "organization");
  show_property (self, self->contact_person_row, "contact-person");
  show_property (self, self->tax_number_row, "tax-number");
  show_property (self, self->driving_licence_row, "driving-licence");
  show_property (self, self->network_row, "network");
  show_property (self, self->referred_by_row, "referred-by");
  show_property (self, self->group_row, "group-name");
}

/* --- Tickets and invoices -------------------------------------------------------------- */

static gboolean
belongs_to_customer (gpointer item,
                     gpointer user_data)
{
  DeskCustomerDetail *self = user_data;
  gint64 customer_id = 0;

  if (self->customer == NULL)
    return FALSE;

  g_object_get (item, "customer-id", &customer_id, NULL);
  return customer_id == desk_customer_get_id (self->customer);
}

static char *
format_day (gint64 unix_time)
{
  return unix_time > 0 ? desk_format_date (unix_time) : g_strdup ("");
}

/* The day, the status and the total ("01/15/26 · Paid · $120.00"): what tells the rows of
 * one customer apart. */
static char *
related_subtitle (GObject *record)
{
  g_autofree char *status = NULL;
  g_autofree char *day = NULL;
  g_autofree char *total_text = NULL;
  gint64 created = 0, total = 0;

  if (g_object_class_find_property (G_OBJECT_GET_CLASS (record), "status") != NULL)
    g_object_get (record, "status", &status, NULL);
  g_object_get (record, "created", &created, "total", &total, NULL);
  day = format_day (created);
  total_text = desk_money_format (total, desk_record_get_currency (DESK_RECORD (record)));

  if (status != NULL && *status != '\0')
    return g_strdup_printf ("%s · %s · %s", day, status, total_text);

  return g_strdup_printf ("%s · %s", day, total_text);
}

static GtkWidget *
create_related_row (gpointer item,
                    gpointer user_data)
{
  g_autofree char *order_id = NULL;
  g_autofree char *subtitle = related_subtitle (item);
  g_autofree char *escaped = NULL;
  Related *r = user_data;
  GtkWidget *row = adw_action_row_new ();

  g_object_get (item, "order-id", &order_id, NULL);
  escaped = g_markup_escape_text (order_id != NULL ? order_id : "", -1);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), escaped);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  /* Rows of a list with no screen to show them inform and lead nowhere. */
  if (r->action != NULL)
    adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                               gtk_image_new_from_icon_name ("go-next-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), r->action != NULL);
  g_object_set_data_full (G_OBJECT (row), "record", g_object_ref (item), g_object_unref);

  return row;
}

static void
related_update (Related *r)
{
  gboolean loading = desk_paged_list_get_loading (r->list);
  const GError *error = desk_paged_list_get_error (r->list);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (r->filtered));
  const char *status = NULL;

  desk_spinner_set_spinning (r->spinner, loading);
  if (error != NULL)
    status = error->message;
  else if (loading && n == 0)
    status = _("Loading…");
  else if (n == 0 && !desk_paged_list_get_has_more (r->list))
    status = r->empty_text;

  gtk_label_set_label (r->status, status != NULL ? status : "");
  gtk_widget_set_visible (GTK_WIDGET (r->status), status != NULL);
  gtk_widget_set_visible (GTK_WIDGET (r->box), n > 0);
  gtk_widget_set_visible (r->more, !loading && (error != NULL || desk_paged_list_get_has_more (r->list)));
  gtk_button_set_label (GTK_BUTTON (r->more), error != NULL ? _("Retry") : _("Show More"));
}

static void
related_setup (DeskCustomerDetail *self,
               Related            *r,
               DeskPagedListKind   kind,
               const char         *action,
               const char         *empty_text)
{
  r->list = desk_paged_list_new (self->client, kind);
  r->filtered = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (r->list)),
                                           g_object_ref (GTK_FILTER (self->filter)));
  r->action = action;
  r->empty_text = empty_text;
  g_object_set_data (G_OBJECT (r->more), "related", r);
  gtk_list_box_bind_model (r->box, G_LIST_MODEL (r->filtered), create_related_row, r, NULL);
  g_signal_connect_swapped (r->list, "notify::loading", G_CALLBACK (related_update), r);
  g_signal_connect_swapped (r->list, "notify::error", G_CALLBACK (related_update), r);
  g_signal_connect_swapped (r->filtered, "items-changed", G_CALLBACK (related_update), r);
}

static void
related_clear (Related *r)
{
  if (r->list != NULL)
    g_signal_handlers_disconnect_by_data (r->list, r);
  if (r->filtered != NULL)
    g_signal_handlers_disconnect_by_data (r->filtered, r);
  if (r->box != NULL)
    gtk_list_box_bind_model (r->box, NULL, NULL, NULL, NULL);
  g_clear_object (&r->filtered);
  g_clear_object (&r->list);
}

/* The most telling thing to search for: a number is shared by few, a name by many. */
static const char *
customer_keyword (DeskCustomer *customer)
{
  const char *candidates[] = { desk_customer_get_mobile (customer),
                               desk_customer_get_phone (customer),
                               desk_customer_get_full_name (customer) };

  for (guint i = 0; i < G_N_ELEMENTS (candidates); i++)
    if (candidates[i] != NULL && *candidates[i] != '\0')
      return candidates[i];

  return NULL;
}

static void
load_related (DeskCustomerDetail *self)
{
  g_autoptr(DeskListQuery) query = desk_list_query_new ();

  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  if (self->customer == NULL || self->client == NULL)
    return;

  query->keyword = g_strdup (customer_keyword (self->customer));
  query->filter = DESK_LIST_FILTER_ALL;
  query->page_size = RELATED_PAGE_SIZE;
  desk_paged_list_set_query (self->tickets.list, query);
  desk_paged_list_set_query (self->invoices.list, query);
}

static void
activate_record (DeskCustomerDetail *self,
                 GObject            *record)
{
  Related *r = DESK_IS_TICKET (record) ? &self->tickets : &self->invoices;
  gint64 id = 0;

  if (r->action == NULL)
    return;

  g_object_get (record, "id", &id, NULL);
  gtk_widget_activate_action (GTK_WIDGET (self), r->action, "x", id);
}

static void
related_row_activated_cb (DeskCustomerDetail *self,
                          GtkListBoxRow      *row)
{
  activate_record (self, g_object_get_data (G_OBJECT (row), "record"));
}

static void
related_more_clicked_cb (DeskCustomerDetail *self,
                         GtkButton          *button)
{
  Related *r = g_object_get_data (G_OBJECT (button), "related");

  if (desk_paged_list_get_error (r->list) != NULL)
    desk_paged_list_reload (r->list);
  else
    desk_paged_list_load_more (r->list);
}

/* --- GObject --------------------------------------------------------------------------- */

static void
desk_customer_detail_constructed (GObject *object)
{
  DeskCustomerDetail *self = DESK_CUSTOMER_DETAIL (object);

  G_OBJECT_CLASS (desk_customer_detail_parent_class)->constructed (object);

  g_assert (DESK_IS_API_CLIENT (self->client));

  related_setup (self, &self->tickets, DESK_PAGED_LIST_TICKETS, "win.show-ticket",
                 _("No tickets for this customer."));
  related_setup (self, &self->invoices, DESK_PAGED_LIST_INVOICES, "win.show-invoice",
                 _("No invoices for this customer."));
  related_update (&self->tickets);
  related_update (&self->invoices);
}

static void
desk_customer_detail_dispose (GObject *object)
{
  DeskCustomerDetail *self = DESK_CUSTOMER_DETAIL (object);

  related_clear (&self->tickets);
  related_clear (&self->invoices);
  g_clear_object (&self->filter);
  g_clear_object (&self->customer);
  g_clear_object (&self->client);

  gtk_widget_dispose_template (GTK_WIDGET (object), DESK_TYPE_CUSTOMER_DETAIL);

  G_OBJECT_CLASS (desk_customer_detail_parent_class)->dispose (object);
}

static void
desk_customer_detail_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  DeskCustomerDetail *self = DESK_CUSTOMER_DETAIL (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      g_value_set_object (value, self->client);
      break;
    case PROP_CUSTOMER:
      g_value_set_object (value, self->customer);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
desk_customer_detail_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  DeskCustomerDetail *self = DESK_CUSTOMER_DETAIL (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      self->client = g_value_dup_object (value);
      break;
    case PROP_CUSTOMER:
      desk_customer_detail_set_customer (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

#define BIND(name) gtk_widget_class_bind_template_child (widget_class, DeskCustomerDetail, name)
#define BIND_RELATED(which, member) \
  gtk_widget_class_bind_template_child_full (widget_class, #which "_" #member, FALSE, \
                                             G_STRUCT_OFFSET (DeskCustomerDetail, which.member))

static void
desk_customer_detail_class_init (DeskCustomerDetailClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = desk_customer_detail_constructed;
  object_class->dispose = desk_customer_detail_dispose;
  object_class->get_property = desk_customer_detail_get_property;
  object_class->set_property = desk_customer_detail_set_property;

  properties[PROP_CLIENT] =
    g_param_spec_object ("client", NULL, NULL, DESK_TYPE_API_CLIENT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CUSTOMER] =
    g_param_spec_object ("customer", NULL, NULL, DESK_TYPE_CUSTOMER,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (DESK_TYPE_SPINNER);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/frontdesk/FrontDesk/customers/desk-customer-detail.ui");
  BIND (scrolled_window);
  BIND (name_label);
  BIND (subtitle_label);
  BIND (phone_row);
  BIND (phone_link);
  BIND (mobile_row);
  BIND (mobile_link);
  BIND (email_row);
  BIND (email_link);
  BIND (address_row);
  BIND (organization_row);
  BIND (contact_person_row);
  BIND (tax_number_row);
  BIND (driving_licence_row);
  BIND (network_row);
  BIND (referred_by_row);
  BIND (group_row);
  BIND_RELATED (tickets, box);
  BIND_RELATED (tickets, status);
  BIND_RELATED (tickets, more);
  BIND_RELATED (tickets, spinner);
  BIND_RELATED (invoices, box);
  BIND_RELATED (invoices, status);
  BIND_RELATED (invoices, more);
  BIND_RELATED (invoices, spinner);
  gtk_widget_class_bind_template_callback (widget_class, related_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, related_more_clicked_cb);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
desk_customer_detail_init (DeskCustomerDetail *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  desk_accessible_tidy_mnemonics (GTK_WIDGET (self));

  self->filter = gtk_custom_filter_new (belongs_to_customer, self, NULL);
}

GtkWidget *
desk_customer_detail_new (void)
{
  return g_object_new (DESK_TYPE_CUSTOMER_DETAIL, NULL);
}

DeskCustomer *
desk_customer_detail_get_customer (DeskCustomerDetail *self)
{
  g_return_val_if_fail (DESK_IS_CUSTOMER_DETAIL (self), NULL);

  return self->customer;
}

void
desk_customer_detail_set_customer (DeskCustomerDetail *self,
                                   DeskCustomer       *customer)
{
  g_return_if_fail (DESK_IS_CUSTOMER_DETAIL (self));
  g_return_if_fail (customer == NULL || DESK_IS_CUSTOMER (customer));

  if (!g_set_object (&self->customer, customer))
    return;

  if (customer != NULL)
    show_contact (self);
  load_related (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CUSTOMER]);
}

/* The customer's tickets (DeskTicket) found so far. */
GListModel *
desk_customer_detail_get_tickets (DeskCustomerDetail *self)
{
  g_return_val_if_fail (DESK_IS_CUSTOMER_DETAIL (self), NULL);

  return G_LIST_MODEL (self->tickets.filtered);
}

/* The customer's invoices (DeskInvoice) found so far. */
GListModel *
desk_customer_detail_get_invoices (DeskCustomerDetail *self)
{
  g_return_val_if_fail (DESK_IS_CUSTOMER_DETAIL (self), NULL);

  return G_LIST_MODEL (self->invoices.filtered);
}

/* The markup of the "phone", "mobile" or "email" link. */
const char *
desk_customer_detail_get_link (DeskCustomerDetail *self,
                               const char         *property)
{
  g_return_val_if_fail (DESK_IS_CUSTOMER_DETAIL (self), NULL);

  if (g_str_equal (property, "phone"))
    return gtk_label_get_label (self->phone_link);
  if (g_str_equal (property, "mobile"))
    return gtk_label_get_label (self->mobile_link);
  if (g_str_equal (property, "email"))
    return gtk_label_get_label (self->email_link);

  return NULL;
}

/* What a click on a ticket or invoice row does: hands its id to the screen that shows it,
 * where there is one. */
void
desk_customer_detail_open_related (DeskCustomerDetail *self,
                                   GType               type,
                                   guint               position)
{
  Related *r;
  g_autoptr(GObject) item = NULL;

  g_return_if_fail (DESK_IS_CUSTOMER_DETAIL (self));

  r = type == DESK_TYPE_TICKET ? &self->tickets : &self->invoices;
  item = g_list_model_get_item (G_LIST_MODEL (r->filtered), position);
  g_return_if_fail (item != NULL);

  activate_record (self, item);
}
