/* desk-ticket-columns.c
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "desk-ticket-columns"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "desk-accessible.h"
#include "desk-row-slots.h"
#include "desk-table-row.h"
#include "desk-ticket-columns.h"
#include "desk-ticket-match.h"
#include "desk-ticket-sections.h"

/* The columns of the ticket list. A row is a DeskTableRow of labels filled from the
 * ticket, one a column in view; the titles above the list are one too. The row also
 * follows the ticket's first device, which the page updates after a change, so that its
 * status and technician show it without reloading the list.
 *
 * The list's items are DeskRowSlots (desk-row-slots.c): when a keystroke narrows the
 * list, a row keeps its widgets and its cells change their text to the ticket now in
 * their slot. */

typedef enum
{
  COLUMN_ORDER,
  COLUMN_CUSTOMER,
  COLUMN_DEVICES,
  COLUMN_STATUS,
  COLUMN_TECHNICIAN,
  COLUMN_DUE,
  COLUMN_TOTAL,
  N_COLUMNS
} ColumnKind;

typedef struct
{
  const char *title;
  int         fixed_width;   /* -1 to share the width left */
  gboolean    wide_only;     /* hidden when the list is narrow */
} ColumnInfo;

/* The widths are what the content needs ("T-10999", a status pill, a technician's first
 * name, a short date, "$1,234.56"): the page switches to all columns as soon as they fit
 * beside the open ticket (desk_ticket_columns_get_wide_width()). */
static const ColumnInfo columns[N_COLUMNS] = {
  [COLUMN_ORDER] = { N_("Order"), 80, FALSE },
  [COLUMN_CUSTOMER] = { N_("Customer"), -1, FALSE },
  [COLUMN_DEVICES] = { N_("Devices"), -1, TRUE },
  [COLUMN_STATUS] = { N_("Status"), 150, FALSE },
  [COLUMN_TECHNICIAN] = { N_("Technician"), 110, TRUE },
  [COLUMN_DUE] = { N_("Due"), 90, TRUE },
  [COLUMN_TOTAL] = { N_("Total"), 80, TRUE },
};

/* What a shared-width column (a name, a device) needs at least to be readable. */
#define FLEXIBLE_MIN_WIDTH 80

/* Cells and their row: the margins a data table's cell gives its text. */
#define CELL_MARGIN_X 6
#define CELL_MARGIN_Y 10

typedef struct
{
  DeskCatalog *catalog;   /* owned */
  gboolean     narrow;
} FactoryData;

static void
factory_data_free (FactoryData *data)
{
  g_object_unref (data->catalog);
  g_free (data);
}

/* The labels of one row, by column; a column out of view has none. */
typedef struct
{
  GtkLabel *labels[N_COLUMNS];
} RowCells;

static gboolean
in_view (ColumnKind kind,
         gboolean   narrow)
{
  return !(narrow && columns[kind].wide_only);
}

/* A row's cells, and the titles above them, one a column in view. */
static GtkWidget *
new_row (gboolean narrow)
{
  int widths[N_COLUMNS];
  guint n = 0;

  for (guint i = 0; i < N_COLUMNS; i++)
    if (in_view (i, narrow))
      widths[n++] = columns[i].fixed_width;

  return desk_table_row_new (widths, n, FLEXIBLE_MIN_WIDTH);
}

/* "Repaired & Collected" -> "status-repaired-collected" */
char *
desk_ticket_status_css_class (const char *status)
{
  GString *name = g_string_new ("status-");
  gboolean dash = FALSE;

  for (const char *p = status != NULL ? status : ""; *p != '\0'; p++)
    {
      if (g_ascii_isalnum (*p))
        {
          if (dash && name->len > strlen ("status-"))
            g_string_append_c (name, '-');
          g_string_append_c (name, g_ascii_tolower (*p));
          dash = FALSE;
        }
      else
        {
          dash = TRUE;
        }
    }

  return g_string_free (name, FALSE);
}

/* Dark text on light colours, light text on dark ones. */
static const char *
text_color_on (const GdkRGBA *background)
{
  double luminance = 0.2126 * background->red + 0.7152 * background->green +
                     0.0722 * background->blue;

  return luminance > 0.6 ? "rgba(0,0,0,0.8)" : "white";
}

/**
 * desk_ticket_status_css:
 * @statuses: the catalog's #DeskStatus list
 *
 * Colours come from the shop's own status list; only what GDK reads as a colour goes
 * into the style sheet.
 *
 * Returns: (transfer full): CSS for the status pills
 */
char *
desk_ticket_status_css (GListModel *statuses)
{
  GString *css = g_string_new (".status-pill { border-radius: 999px; padding: 2px 10px;"
                               " font-weight: bold; font-size: smaller;"
                               " background-color: alpha(currentColor, 0.1); }\n");

  for (guint i = 0; i < g_list_model_get_n_items (statuses); i++)
    {
      g_autoptr(DeskStatus) status = g_list_model_get_item (statuses, i);
      g_autofree char *klass = desk_ticket_status_css_class (desk_named_item_get_name (DESK_NAMED_ITEM (status)));
      g_autofree char *color = NULL;
      GdkRGBA rgba;

      if (desk_status_get_color (status) == NULL ||
          !gdk_rgba_parse (&rgba, desk_status_get_color (status)))
        continue;

      color = gdk_rgba_to_string (&rgba);
      g_string_append_printf (css, ".status-pill.%s { background-color: %s; color: %s; }\n",
                              klass, color, text_color_on (&rgba));
    }

  return g_string_free (css, FALSE);
}

static gboolean
status_is_closed (DeskCatalog *catalog,
                  const char  *name)
{
  GListModel *statuses = desk_catalog_get_model (catalog, DESK_CATALOG_STATUSES);

  for (guint i = 0; i < g_list_model_get_n_items (statuses); i++)
    {
      g_autoptr(DeskStatus) status = g_list_model_get_item (statuses, i);

      if (g_strcmp0 (desk_named_item_get_name (DESK_NAMED_ITEM (status)), name) == 0)
        return g_strcmp0 (desk_status_get_kind (status), "closed") == 0;
    }

  return FALSE;
}

static void
set_status_pill (GtkLabel   *label,
                 const char *status)
{
  g_autofree char *klass = desk_ticket_status_css_class (status);
  const char *classes[] = { "status-pill", klass, NULL };

  gtk_label_set_text (label, status != NULL ? status : "");
  /* New classes restyle the pill: only when the status is another. */
  if (status != NULL ? !gtk_widget_has_css_class (GTK_WIDGET (label), klass)
                     : gtk_widget_has_css_class (GTK_WIDGET (label), "status-pill"))
    gtk_widget_set_css_classes (GTK_WIDGET (label), status != NULL ? classes : NULL);
}

/* GTK 4.8 reads a row of the list by its type name. The status cell, shown at every width
 * and filled again when the status changes, names the whole row: the status in words
 * after the order and the customer, the devices as the description. */
static void
label_row (GtkLabel   *label,
           DeskTicket *ticket)
{
  DeskCustomer *customer = desk_ticket_get_customer (ticket);
  const char *status = desk_ticket_first_status (ticket);
  g_autofree char *devices = desk_ticket_device_names (ticket);
  /* Translators: a row of the ticket list: order number, customer, status */
  g_autofree char *text = g_strdup_printf (_("%s, %s, %s"), desk_ticket_get_order_id (ticket),
                                           customer != NULL
                                           ? desk_customer_get_full_name (customer) : "",
                                           status != NULL ? status : _("No Status"));

  desk_accessible_label_row (GTK_WIDGET (label), text,
                             devices != NULL && *devices != '\0' ? devices : NULL);
}

static void
set_due (GtkLabel    *label,
         DeskTicket  *ticket,
         DeskCatalog *catalog)
{
  gint64 due = desk_ticket_earliest_due (ticket);
  /* The date of today, not the client's clock: that one counts the rate limit's seconds
   * from an arbitrary start. */
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  g_autofree char *text = desk_ticket_format_date (due);
  gboolean overdue = due > 0 && due < now &&
                     !status_is_closed (catalog, desk_ticket_first_status (ticket));

  gtk_label_set_text (label, text);
  if (overdue)
    gtk_widget_add_css_class (GTK_WIDGET (label), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (label), "error");
}

/* An overdue date says so when the pointer rests on it. The tooltip is asked for then
 * rather than set with the date: GTK 4.8 asks the X server where the pointer is at every
 * tooltip set, a round trip per row when a list is filled. */
static gboolean
due_query_tooltip_cb (GtkWidget  *label,
                      int         x,
                      int         y,
                      gboolean    keyboard_mode,
                      GtkTooltip *tooltip)
{
  if (!gtk_widget_has_css_class (label, "error"))
    return FALSE;

  gtk_tooltip_set_text (tooltip, _("Overdue"));
  return TRUE;
}

/* A cell read the same way as before is not told again. */
static void
set_accessible_label (GtkLabel   *label,
                      const char *text)
{
  if (g_strcmp0 (g_object_get_data (G_OBJECT (label), "desk-accessible-label"), text) == 0)
    return;

  g_object_set_data_full (G_OBJECT (label), "desk-accessible-label", g_strdup (text), g_free);
  gtk_accessible_update_property (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_PROPERTY_LABEL, text,
                                  -1);
}

static void
fill_cell (GtkLabel    *label,
           ColumnKind   kind,
           DeskTicket  *ticket,
           DeskCatalog *catalog)
{
  DeskCustomer *customer = desk_ticket_get_customer (ticket);
  g_autofree char *text = NULL;

  switch (kind)
    {
    case COLUMN_ORDER:
      gtk_label_set_text (label, desk_ticket_get_order_id (ticket));
      /* What a screen reader says for the row, which GTK 4.8 cannot name itself. */
      /* Translators: a ticket's row for screen readers: order number, customer's name */
      text = g_strdup_printf (_("Ticket %s, %s"), desk_ticket_get_order_id (ticket),
                              customer != NULL ? desk_customer_get_full_name (customer) : "");
      set_accessible_label (label, text);
      break;
    case COLUMN_CUSTOMER:
      gtk_label_set_text (label, customer != NULL ? desk_customer_get_full_name (customer) : "");
      break;
    case COLUMN_DEVICES:
      text = desk_ticket_device_names (ticket);
      gtk_label_set_text (label, text);
      break;
    case COLUMN_STATUS:
      set_status_pill (label, desk_ticket_first_status (ticket));
      label_row (label, ticket);
      break;
    case COLUMN_TECHNICIAN:
      text = desk_ticket_technician (ticket);
      gtk_label_set_text (label, text != NULL ? text : "");
      break;
    case COLUMN_DUE:
      set_due (label, ticket, catalog);
      break;
    case COLUMN_TOTAL:
      text = desk_money_format (desk_ticket_get_total (ticket),
                                desk_record_get_currency (DESK_RECORD (ticket)));
      gtk_label_set_text (label, text);
      break;
    case N_COLUMNS:
    default:
      g_assert_not_reached ();
    }
}

static void
fill_row (GtkListItem *item)
{
  FactoryData *data = g_object_get_data (G_OBJECT (item), "factory-data");
  RowCells *cells = g_object_get_data (G_OBJECT (item), "row-cells");
  DeskTicket *ticket = desk_row_slots_item_of (item);

  if (ticket == NULL)
    return;

  for (guint i = 0; i < N_COLUMNS; i++)
    if (cells->labels[i] != NULL)
      fill_cell (cells->labels[i], i, ticket, data->catalog);
}

static GtkWidget *
new_cell_label (ColumnKind kind)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (label), kind == COLUMN_TOTAL ? 1.0 : 0.0);
  gtk_widget_set_margin_start (label, CELL_MARGIN_X);
  gtk_widget_set_margin_end (label, CELL_MARGIN_X);

  return label;
}

static void
setup_cb (GtkSignalListItemFactory *factory,
          GtkListItem              *item,
          FactoryData              *data)
{
  GtkWidget *row = new_row (data->narrow);
  RowCells *cells = g_new0 (RowCells, 1);

  for (guint i = 0; i < N_COLUMNS; i++)
    {
      GtkWidget *label;

      if (!in_view (i, data->narrow))
        continue;

      label = new_cell_label (i);
      if (i == COLUMN_STATUS)
        gtk_widget_set_halign (label, GTK_ALIGN_START);
      if (i == COLUMN_DUE)
        {
          gtk_widget_set_has_tooltip (label, TRUE);
          g_signal_connect (label, "query-tooltip", G_CALLBACK (due_query_tooltip_cb), NULL);
        }
      /* Rows tall enough for a finger. */
      gtk_widget_set_margin_top (label, CELL_MARGIN_Y);
      gtk_widget_set_margin_bottom (label, CELL_MARGIN_Y);
      desk_table_row_append (DESK_TABLE_ROW (row), label);
      cells->labels[i] = GTK_LABEL (label);
    }

  gtk_list_item_set_child (item, row);
  g_object_set_data (G_OBJECT (item), "factory-data", data);
  g_object_set_data_full (G_OBJECT (item), "row-cells", cells, g_free);
}

static DeskTicketDevice *
watched_device (GtkListItem *item)
{
  DeskTicket *ticket = desk_row_slots_item_of (item);
  GListModel *devices;
  g_autoptr(DeskTicketDevice) device = NULL;

  if (ticket == NULL)
    return NULL;

  devices = desk_ticket_get_devices (ticket);
  if (g_list_model_get_n_items (devices) == 0)
    return NULL;

  /* The ticket holds its devices; the row only borrows one. */
  device = g_list_model_get_item (devices, 0);
  return device;
}

/* The device the row follows is remembered, so that it is let go of even after the slot
 * has moved on to another ticket (which holds it until then). */
static void
watch (GtkListItem *item)
{
  DeskTicketDevice *device = watched_device (item);

  fill_row (item);
  if (device != NULL)
    g_signal_connect_object (device, "notify", G_CALLBACK (fill_row), item, G_CONNECT_SWAPPED);
  g_object_set_data (G_OBJECT (item), "watched-device", device);
}

static void
unwatch (GtkListItem *item)
{
  DeskTicketDevice *device = g_object_get_data (G_OBJECT (item), "watched-device");

  if (device != NULL)
    g_signal_handlers_disconnect_by_func (device, fill_row, item);
  g_object_set_data (G_OBJECT (item), "watched-device", NULL);
}

static void
slot_changed_cb (GtkListItem *item)
{
  unwatch (item);
  watch (item);
}

static void
bind_cb (GtkSignalListItemFactory *factory,
         GtkListItem              *item,
         FactoryData              *data)
{
  /* The row and its cells are freed after the frame that no longer shows them. */
  desk_row_slots_free_row_after_frame (item);
  watch (item);
  g_signal_connect_object (gtk_list_item_get_item (item), "notify::item",
                           G_CALLBACK (slot_changed_cb), item, G_CONNECT_SWAPPED);
}

static void
unbind_cb (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           FactoryData              *data)
{
  g_signal_handlers_disconnect_by_func (gtk_list_item_get_item (item), slot_changed_cb, item);
  unwatch (item);
}

/**
 * desk_ticket_columns_new_factory:
 * @catalog: the catalog, for whether a status is closed
 * @narrow: whether the list shows only the order, the customer and the status
 *
 * The other columns are not built at all in a narrow list.
 *
 * Returns: (transfer full): a factory of rows for a list of DeskRowSlots of tickets
 */
GtkListItemFactory *
desk_ticket_columns_new_factory (DeskCatalog *catalog,
                                 gboolean     narrow)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  FactoryData *data = g_new0 (FactoryData, 1);

  data->catalog = g_object_ref (catalog);
  data->narrow = narrow;
  g_object_set_data_full (G_OBJECT (factory), "factory-data", data,
                          (GDestroyNotify) factory_data_free);
  g_signal_connect (factory, "setup", G_CALLBACK (setup_cb), data);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cb), data);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_cb), data);

  return factory;
}

/**
 * desk_ticket_columns_new_titles:
 * @narrow: as for desk_ticket_columns_new_factory ()
 *
 * Returns: (transfer floating): the titles of the columns, to show above the list
 */
GtkWidget *
desk_ticket_columns_new_titles (gboolean narrow)
{
  GtkWidget *titles = new_row (narrow);

  gtk_widget_add_css_class (titles, "ticket-columns-titles");
  for (guint i = 0; i < N_COLUMNS; i++)
    {
      GtkWidget *label;

      if (!in_view (i, narrow))
        continue;

      label = new_cell_label (i);
      gtk_label_set_text (GTK_LABEL (label), _(columns[i].title));
      desk_table_row_append (DESK_TABLE_ROW (titles), label);
    }

  return titles;
}

/* Returns: the width the list needs to show every column */
int
desk_ticket_columns_get_wide_width (void)
{
  int width = 0;

  for (guint i = 0; i < N_COLUMNS; i++)
    width += columns[i].fixed_width < 0 ? FLEXIBLE_MIN_WIDTH : columns[i].fixed_width;

  return width;
}
