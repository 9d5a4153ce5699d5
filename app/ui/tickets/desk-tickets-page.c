/* desk-tickets-page.c
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "desk-tickets-page"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "desk-results-view.h"
#include "desk-ticket-columns.h"
#include "desk-ticket-match.h"
#include "desk-tickets-page.h"

/* The ticket list with its filter bar and search, beside the open ticket.
 *
 * Two lists: the browsing list (the filter bar's query) and the search list (the same
 * filters with the typed `keyword`). Each keystroke filters the rows already shown at
 * once; after a short pause the server is asked, and its rows replace the shown ones
 * when they are in. A new search cancels the previous one (DeskPagedList does). */

/* How long typing must pause before the server is asked. */
#define SEARCH_DELAY_MS 250
/* Below this page width the list shows fewer columns, and beside the detail. */
#define NARROW_WIDTH 1050
/* Below this page width the filters fold away behind their button. */
#define COMPACT_WIDTH 600

struct _DeskTicketsPage
{
  DeskPage           parent_instance;

  /* Template children */
  AdwToastOverlay    *toast_overlay;
  GtkSearchEntry     *search_entry;
  GtkDropDown        *range_dropdown;
  GtkMenuButton      *custom_range_button;
  GtkCalendar        *from_calendar;
  GtkCalendar        *to_calendar;
  GtkDropDown        *status_dropdown;
  GtkDropDown        *technician_dropdown;
  GtkDropDown        *creator_dropdown;
  GtkToggleButton    *filters_button;
  AdwLeaflet         *leaflet;
  DeskResultsView    *results;
  DeskTicketDetail   *detail;

  /* owned */
  DeskPagedList      *browse_list;
  DeskPagedList      *search_list;
  GtkFilterListModel *rows;
  GtkCustomFilter    *filter;
  GtkSingleSelection *selection;
  GtkCssProvider     *css;
  GCancellable       *cancellable;
  char               *search_text;
  char               *folded_search;

  /* state */
  GtkColumnView      *column_view;
  DeskPagedList      *shown;
  DeskTicketFilters   filters;
  guint               search_source;
  guint               narrow_source;
  gboolean            open_when_found;
  gboolean            updating_controls;
  gboolean            narrow;
  gboolean            compact;
};

enum {
  PROP_0,
  PROP_SEARCHING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (DeskTicketsPage, desk_tickets_page, DESK_TYPE_PAGE)

static void start_server_search (DeskTicketsPage *self);

/* --- What is shown ------------------------------------------------------------------------ */

static gboolean
searching (DeskTicketsPage *self)
{
  return self->search_text != NULL && *self->search_text != '\0';
}

/* Whether the search list holds the server's answer to what is typed now. */
static gboolean
search_is_current (DeskTicketsPage *self)
{
  const DeskListQuery *query = desk_paged_list_get_query (self->search_list);

  return searching (self) && query != NULL && g_strcmp0 (query->keyword, self->search_text) == 0;
}

static void
update_empty_text (DeskTicketsPage *self)
{
  gboolean other_filters = self->filters.status != NULL || self->filters.assigned_to > 0 ||
                           self->filters.created_by > 0;

  if (self->shown == self->search_list)
    desk_results_view_set_empty_text (self->results, _("No Tickets Found"),
                                      _("Try the order number, the customer’s name or phone "
                                        "number, or an IMEI."));
  else if (self->filters.range == DESK_TICKET_RANGE_TODAY && !other_filters)
    desk_results_view_set_empty_text (self->results, _("No Tickets Today"),
                                      _("Try another date range."));
  else
    desk_results_view_set_empty_text (self->results, _("No Tickets Found"),
                                      _("Try another date range or other filters."));
}

/* The server's answer to the current text is shown whole: it matches more fields. */
static gboolean
filtering (DeskTicketsPage *self)
{
  return searching (self) && !(self->shown == self->search_list && search_is_current (self));
}

/* While only matching rows show, the view must not fetch pages by itself: it would load
 * every ticket looking for rows it then hides. The server search follows anyway. */
static void
refilter (DeskTicketsPage *self)
{
  desk_results_view_set_fetch_more (self->results, !filtering (self));
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

static void
show_list (DeskTicketsPage *self,
           DeskPagedList   *list)
{
  if (self->shown != list)
    {
      self->shown = list;
      gtk_filter_list_model_set_model (self->rows, G_LIST_MODEL (list));
      desk_results_view_set_list (self->results, list);
    }

  update_empty_text (self);
  refilter (self);
}

static gboolean
filter_func (gpointer item,
             gpointer user_data)
{
  DeskTicketsPage *self = user_data;

  return !filtering (self) || desk_ticket_matches (DESK_TICKET (item), self->folded_search);
}

/* --- Filters -------------------------------------------------------------------------------- */

static void
save_filters (DeskTicketsPage *self)
{
  if (desk_page_get_settings (DESK_PAGE (self)) != NULL)
    g_settings_set_value (desk_page_get_settings (DESK_PAGE (self)), "ticket-filters",
                          desk_ticket_filters_save (&self->filters));
}

static void
apply_filters (DeskTicketsPage *self)
{
  g_autoptr(DeskListQuery) query = desk_ticket_filters_to_query (&self->filters, NULL);

  save_filters (self);
  desk_paged_list_set_query (self->browse_list, query);
  update_empty_text (self);

  if (searching (self))
    start_server_search (self);
}

/* The dropdowns hold "any" first, then the catalog's items in the catalog's order. */
static gint64
employee_at (DeskTicketsPage *self,
             guint            selected)
{
  GListModel *employees = desk_page_get_list (DESK_PAGE (self), DESK_CATALOG_EMPLOYEES);
  g_autoptr(DeskNamedItem) item = NULL;

  if (selected == 0 || selected == GTK_INVALID_LIST_POSITION)
    return 0;

  item = g_list_model_get_item (employees, selected - 1);
  return item != NULL ? desk_named_item_get_id (item) : 0;
}

static guint
employee_position (DeskTicketsPage *self,
                   gint64           id)
{
  GListModel *employees = desk_page_get_list (DESK_PAGE (self), DESK_CATALOG_EMPLOYEES);

  for (guint i = 0; id > 0 && i < g_list_model_get_n_items (employees); i++)
    {
      g_autoptr(DeskNamedItem) item = g_list_model_get_item (employees, i);

      if (desk_named_item_get_id (item) == id)
        return i + 1;
    }

  return 0;
}

static guint
status_position (DeskTicketsPage *self,
                 const char      *name)
{
  GListModel *statuses = desk_page_get_list (DESK_PAGE (self), DESK_CATALOG_STATUSES);

  for (guint i = 0; name != NULL && i < g_list_model_get_n_items (statuses); i++)
    {
      g_autoptr(DeskNamedItem) item = g_list_model_get_item (statuses, i);

      if (g_strcmp0 (desk_named_item_get_name (item), name) == 0)
        return i + 1;
    }

  return 0;
}

static void
update_custom_range_label (DeskTicketsPage *self)
{
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autofree char *label = NULL;
  g_autoptr(GDateTime) from_date = g_date_time_new_from_unix_local (self->filters.from_date);
  g_autoptr(GDateTime) to_date = g_date_time_new_from_unix_local (self->filters.to_date);

  /* The flow box's own child, or it leaves a gap. */
  gtk_widget_set_visible (gtk_widget_get_parent (GTK_WIDGET (self->custom_range_button)),
                          self->filters.range == DESK_TICKET_RANGE_CUSTOM);
  if (self->filters.from_date <= 0 || from_date == NULL || to_date == NULL)
    {
      gtk_menu_button_set_label (self->custom_range_button, _("Choose Dates"));
      return;
    }

  from = g_date_time_format (from_date, "%x");
  to = g_date_time_format (to_date, "%x");
  /* Translators: a date range, first and last day */
  label = g_strdup_printf (_("%s – %s"), from, to);
  gtk_menu_button_set_label (self->custom_range_button, label);
}

/* Shows the filters in the controls, without taking the change for the user's. */
static void
controls_from_filters (DeskTicketsPage *self)
{
  self->updating_controls = TRUE;
  gtk_drop_down_set_selected (self->range_dropdown, self->filters.range);
  gtk_drop_down_set_selected (self->status_dropdown, status_position (self, self->filters.status));
  gtk_drop_down_set_selected (self->technician_dropdown,
                              employee_position (self, self->filters.assigned_to));
  gtk_drop_down_set_selected (self->creator_dropdown,
                              employee_position (self, self->filters.created_by));
  update_custom_range_label (self);
  self->updating_controls = FALSE;
}

static void
filter_changed_cb (DeskTicketsPage *self)
{
  GListModel *statuses;
  guint status = gtk_drop_down_get_selected (self->status_dropdown);
  g_autoptr(DeskNamedItem) item = NULL;

  if (self->updating_controls || self->browse_list == NULL)
    return;

  statuses = desk_page_get_list (DESK_PAGE (self), DESK_CATALOG_STATUSES);
  if (status > 0 && status != GTK_INVALID_LIST_POSITION)
    item = g_list_model_get_item (statuses, status - 1);
  g_free (self->filters.status);
  self->filters.status = item != NULL ? g_strdup (desk_named_item_get_name (item)) : NULL;
  self->filters.assigned_to = employee_at (self, gtk_drop_down_get_selected (self->technician_dropdown));
  self->filters.created_by = employee_at (self, gtk_drop_down_get_selected (self->creator_dropdown));
  self->filters.range = MIN (gtk_drop_down_get_selected (self->range_dropdown),
                             DESK_TICKET_RANGE_CUSTOM);

  update_custom_range_label (self);
  /* A custom range is listed once its dates are chosen. */
  if (self->filters.range == DESK_TICKET_RANGE_CUSTOM && self->filters.from_date <= 0)
    {
      gtk_menu_button_popup (self->custom_range_button);
      return;
    }

  apply_filters (self);
}

static gint64
calendar_day (GtkCalendar *calendar,
              gboolean     end_of_day)
{
  g_autoptr(GDateTime) date = gtk_calendar_get_date (calendar);
  g_autoptr(GDateTime) start = g_date_time_new_local (g_date_time_get_year (date),
                                                      g_date_time_get_month (date),
                                                      g_date_time_get_day_of_month (date),
                                                      0, 0, 0);

  return g_date_time_to_unix (start) + (end_of_day ? 24 * 60 * 60 - 1 : 0);
}

static void
apply_custom_range_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  DeskTicketsPage *self = DESK_TICKETS_PAGE (widget);
  gint64 from = calendar_day (self->from_calendar, FALSE);
  gint64 to = calendar_day (self->to_calendar, TRUE);

  self->filters.range = DESK_TICKET_RANGE_CUSTOM;
  self->filters.from_date = MIN (from, to);
  self->filters.to_date = MAX (from, to);
  gtk_menu_button_popdown (self->custom_range_button);
  controls_from_filters (self);
  apply_filters (self);
}

/* --- Catalog ------------------------------------------------------------------------------ */

static GtkStringList *
names_with_any (GListModel *items,
                const char *any)
{
  GtkStringList *names = gtk_string_list_new (NULL);

  gtk_string_list_append (names, any);
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(DeskNamedItem) item = g_list_model_get_item (items, i);

      gtk_string_list_append (names, desk_named_item_get_name (item));
    }

  return names;
}

static void
statuses_changed_cb (DeskTicketsPage *self)
{
  GListModel *statuses = desk_page_get_list (DESK_PAGE (self), DESK_CATALOG_STATUSES);
  g_autoptr(GtkStringList) names = names_with_any (statuses, _("Any Status"));
  g_autofree char *css = desk_ticket_status_css (statuses);

  gtk_css_provider_load_from_data (self->css, css, -1);
  self->updating_controls = TRUE;
  gtk_drop_down_set_model (self->status_dropdown, G_LIST_MODEL (names));
  self->updating_controls = FALSE;
  controls_from_filters (self);
}

static void
employees_changed_cb (DeskTicketsPage *self)
{
  GListModel *employees = desk_page_get_list (DESK_PAGE (self), DESK_CATALOG_EMPLOYEES);
  g_autoptr(GtkStringList) technicians = names_with_any (employees, _("Any Technician"));
  g_autoptr(GtkStringList) creators = names_with_any (employees, _("Created by Anyone"));

  self->updating_controls = TRUE;
  gtk_drop_down_set_model (self->technician_dropdown, G_LIST_MODEL (technicians));
  gtk_drop_down_set_model (self->creator_dropdown, G_LIST_MODEL (creators));
  self->updating_controls = FALSE;
  controls_from_filters (self);
}

static void
catalog_loaded_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  /* The dropdowns follow the catalog's models; a failure leaves them at "any". */
  if (!desk_catalog_load_finish (DESK_CATALOG (object), result, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_debug ("Reference list not loaded: %s", error->message);
}

static void
watch_catalog (DeskTicketsPage *self)
{
  GListModel *statuses = desk_page_get_list (DESK_PAGE (self), DESK_CATALOG_STATUSES);
  GListModel *employees = desk_page_get_list (DESK_PAGE (self), DESK_CATALOG_EMPLOYEES);

  g_signal_connect_object (statuses, "items-changed", G_CALLBACK (statuses_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (employees, "items-changed", G_CALLBACK (employees_changed_cb), self,
                           G_CONNECT_SWAPPED);
  statuses_changed_cb (self);
  employees_changed_cb (self);

  desk_catalog_load_async (desk_page_get_catalog (DESK_PAGE (self)), DESK_CATALOG_STATUSES,
                           self->cancellable, catalog_loaded_cb, NULL);
  desk_catalog_load_async (desk_page_get_catalog (DESK_PAGE (self)), DESK_CATALOG_EMPLOYEES,
                           self->cancellable, catalog_loaded_cb, NULL);
}

/* --- Opening ------------------------------------------------------------------------------ */

static void
select_ticket (DeskTicketsPage *self,
               DeskTicket      *ticket)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->rows));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(DeskTicket) row = g_list_model_get_item (G_LIST_MODEL (self->rows), i);

      if (row == ticket)
        {
          gtk_single_selection_set_selected (self->selection, i);
          return;
        }
    }
}

static void
close_detail (DeskTicketsPage *self)
{
  desk_ticket_detail_show_ticket (self->detail, NULL);
  adw_leaflet_set_visible_child (self->leaflet, GTK_WIDGET (self->results));
  gtk_widget_grab_focus (GTK_WIDGET (self->column_view));
}

static void
column_view_activate_cb (DeskTicketsPage *self,
                         guint            position)
{
  g_autoptr(DeskTicket) ticket = g_list_model_get_item (G_LIST_MODEL (self->rows), position);

  if (ticket != NULL)
    desk_tickets_page_open (self, ticket);
}

/* Opens the one ticket that what was typed or scanned means, if there is one: the only
 * ticket that has it as its order id, IMEI, serial or phone number, or else the only
 * row the server found. */
static gboolean
open_single_match (DeskTicketsPage *self,
                   gboolean         server_answered)
{
  GListModel *rows = G_LIST_MODEL (self->rows);
  guint n = g_list_model_get_n_items (rows);
  g_autoptr(DeskTicket) exact = NULL;
  guint n_exact = 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(DeskTicket) ticket = g_list_model_get_item (rows, i);

      if (desk_ticket_matches_exactly (ticket, self->search_text) && n_exact++ == 0)
        exact = g_steal_pointer (&ticket);
    }

  if (n_exact == 1)
    {
      desk_tickets_page_open (self, exact);
      return TRUE;
    }

  if (server_answered && n == 1 && !desk_paged_list_get_has_more (self->shown))
    {
      g_autoptr(DeskTicket) only = g_list_model_get_item (rows, 0);

      desk_tickets_page_open (self, only);
      return TRUE;
    }

  return FALSE;
}

/* --- Search -------------------------------------------------------------------------------- */

static void
search_done (DeskTicketsPage *self)
{
  if (!search_is_current (self))
    return;

  show_list (self, self->search_list);
  if (self->open_when_found && desk_paged_list_get_error (self->search_list) == NULL)
    open_single_match (self, TRUE);
  self->open_when_found = FALSE;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEARCHING]);
}

static void
search_loading_cb (DeskTicketsPage *self)
{
  if (!desk_paged_list_get_loading (self->search_list))
    search_done (self);
}

static void
start_server_search (DeskTicketsPage *self)
{
  g_autoptr(DeskListQuery) query = desk_ticket_filters_to_query (&self->filters,
                                                                 self->search_text);

  g_clear_handle_id (&self->search_source, g_source_remove);
  desk_paged_list_set_query (self->search_list, query);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEARCHING]);

  /* The same query as before is not asked again: its answer is already there. */
  if (!desk_paged_list_get_loading (self->search_list))
    search_done (self);
}

static gboolean
search_timeout_cb (gpointer user_data)
{
  DeskTicketsPage *self = user_data;

  self->search_source = 0;
  start_server_search (self);

  return G_SOURCE_REMOVE;
}

static void
search_changed_cb (DeskTicketsPage *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  g_free (self->search_text);
  self->search_text = g_strstrip (g_strdup (text));
  g_free (self->folded_search);
  self->folded_search = desk_ticket_match_fold (self->search_text);
  self->open_when_found = FALSE;
  g_clear_handle_id (&self->search_source, g_source_remove);

  if (!searching (self))
    {
      show_list (self, self->browse_list);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEARCHING]);
      return;
    }

  /* At once from what is loaded; the server follows when typing pauses. */
  refilter (self);
  self->search_source = g_timeout_add (SEARCH_DELAY_MS, search_timeout_cb, self);
}

/* Enter, typed or sent by a barcode scanner after the code. */
static void
search_activate_cb (DeskTicketsPage *self)
{
  if (!searching (self))
    return;

  if (open_single_match (self, self->shown == self->search_list && search_is_current (self) &&
                               !desk_paged_list_get_loading (self->search_list)))
    return;

  /* A scanned ticket is rarely among the loaded rows: ask the server now. */
  self->open_when_found = TRUE;
  if (self->search_source != 0 || !search_is_current (self))
    start_server_search (self);
}

static void
escape (DeskTicketsPage *self)
{
  if (desk_ticket_detail_get_ticket (self->detail) != NULL)
    close_detail (self);
  else if (searching (self))
    gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
}

static void
search_stop_cb (DeskTicketsPage *self)
{
  if (searching (self))
    gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  else
    escape (self);
}

/* --- Detail ------------------------------------------------------------------------------ */

static void
detail_message_cb (DeskTicketsPage *self,
                   const char      *text)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (text));
}

static void
copy_device (DeskTicketDevice *to,
             DeskTicketDevice *from)
{
  static const char * const props[] = { "status", "assigned-to-id", "assigned-to-name", "imei",
                                        "serial", "location", "staff-comments" };

  for (guint i = 0; i < G_N_ELEMENTS (props); i++)
    {
      g_auto(GValue) value = G_VALUE_INIT;

      g_object_get_property (G_OBJECT (from), props[i], &value);
      g_object_set_property (G_OBJECT (to), props[i], &value);
    }
}

static void
update_rows_of (DeskPagedList *list,
                DeskTicket    *held)
{
  GListModel *model = G_LIST_MODEL (list);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(DeskTicket) row = g_list_model_get_item (model, i);
      GListModel *row_devices = desk_ticket_get_devices (row);
      GListModel *held_devices = desk_ticket_get_devices (held);

      if (desk_ticket_get_id (row) != desk_ticket_get_id (held))
        continue;

      for (guint j = 0; j < g_list_model_get_n_items (row_devices); j++)
        for (guint k = 0; k < g_list_model_get_n_items (held_devices); k++)
          {
            g_autoptr(DeskTicketDevice) a = g_list_model_get_item (row_devices, j);
            g_autoptr(DeskTicketDevice) b = g_list_model_get_item (held_devices, k);

            if (desk_ticket_device_get_id (a) == desk_ticket_device_get_id (b))
              copy_device (a, b);
          }
    }
}

/* The list rows show the change without reloading the list. */
static void
detail_saved_cb (DeskTicketsPage *self,
                 DeskTicket      *held)
{
  update_rows_of (self->browse_list, held);
  update_rows_of (self->search_list, held);
}

static void
folded_changed_cb (DeskTicketsPage *self)
{
  g_object_set (self->detail, "folded", adw_leaflet_get_folded (self->leaflet), NULL);
}

/* --- Actions ------------------------------------------------------------------------------ */

static void
find_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  DeskTicketsPage *self = DESK_TICKETS_PAGE (widget);

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
  gtk_editable_select_region (GTK_EDITABLE (self->search_entry), 0, -1);
}

static void
escape_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  escape (DESK_TICKETS_PAGE (widget));
}

static void
close_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  close_detail (DESK_TICKETS_PAGE (widget));
}

/* --- Width ------------------------------------------------------------------------------ */

static gboolean
apply_narrow_cb (gpointer user_data)
{
  DeskTicketsPage *self = user_data;

  int width = gtk_widget_get_width (GTK_WIDGET (self));
  gboolean compact = width < COMPACT_WIDTH;

  self->narrow_source = 0;
  self->narrow = width < NARROW_WIDTH;
  desk_ticket_columns_set_narrow (self->column_view, self->narrow);

  /* On a phone the filters would push the list off the screen; they are a tap away. */
  if (compact != self->compact)
    gtk_toggle_button_set_active (self->filters_button, !compact);
  self->compact = compact;

  return G_SOURCE_REMOVE;
}

static void
desk_tickets_page_measure (GtkWidget      *widget,
                           GtkOrientation  orientation,
                           int             for_size,
                           int            *minimum,
                           int            *natural,
                           int            *minimum_baseline,
                           int            *natural_baseline)
{
  DeskTicketsPage *self = DESK_TICKETS_PAGE (widget);

  gtk_widget_measure (GTK_WIDGET (self->toast_overlay), orientation, for_size, minimum, natural,
                      minimum_baseline, natural_baseline);
}

/* The columns follow the page's width, which does not depend on them, so showing or
 * hiding them cannot make the leaflet fold back and forth. */
static void
desk_tickets_page_size_allocate (GtkWidget *widget,
                                 int        width,
                                 int        height,
                                 int        baseline)
{
  DeskTicketsPage *self = DESK_TICKETS_PAGE (widget);

  if (((width < NARROW_WIDTH) != self->narrow || (width < COMPACT_WIDTH) != self->compact) &&
      self->narrow_source == 0)
    self->narrow_source = g_idle_add (apply_narrow_cb, self);

  gtk_widget_allocate (GTK_WIDGET (self->toast_overlay), width, height, baseline, NULL);
}

/* --- DeskPage ------------------------------------------------------------------------------ */

static void
desk_tickets_page_reload (DeskPage *page)
{
  DeskTicketsPage *self = DESK_TICKETS_PAGE (page);

  if (self->shown != NULL)
    desk_paged_list_reload (self->shown);
}

/* A ticket named elsewhere (a customer's tickets): a search typed earlier has nothing to
 * do with it, and would leave the list beside it saying something else. */
static gboolean
desk_tickets_page_show_record (DeskPage   *page,
                               DeskRecord *record)
{
  DeskTicketsPage *self = DESK_TICKETS_PAGE (page);

  if (!DESK_IS_TICKET (record))
    return FALSE;

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  desk_tickets_page_open (self, DESK_TICKET (record));

  return TRUE;
}

static void
desk_tickets_page_focus_search (DeskPage *page)
{
  find_action (GTK_WIDGET (page), "tickets.find", NULL);
}

/* --- GObject ------------------------------------------------------------------------------ */

static void
desk_tickets_page_constructed (GObject *object)
{
  DeskTicketsPage *self = DESK_TICKETS_PAGE (object);
  g_autoptr(GVariant) saved = NULL;

  G_OBJECT_CLASS (desk_tickets_page_parent_class)->constructed (object);

  /* gtk4-builder-tool builds the page bare to check its template. */
  if (desk_page_get_client (DESK_PAGE (self)) == NULL ||
      desk_page_get_catalog (DESK_PAGE (self)) == NULL)
    return;

  g_object_set (self->detail,
                "client", desk_page_get_client (DESK_PAGE (self)),
                "catalog", desk_page_get_catalog (DESK_PAGE (self)),
                NULL);

  self->browse_list = desk_paged_list_new (desk_page_get_client (DESK_PAGE (self)),
                                          DESK_PAGED_LIST_TICKETS);
  self->search_list = desk_paged_list_new (desk_page_get_client (DESK_PAGE (self)),
                                          DESK_PAGED_LIST_TICKETS);
  g_signal_connect_object (self->search_list, "notify::loading", G_CALLBACK (search_loading_cb),
                           self, G_CONNECT_SWAPPED);

  self->filter = gtk_custom_filter_new (filter_func, self, NULL);
  self->rows = gtk_filter_list_model_new (NULL, g_object_ref (GTK_FILTER (self->filter)));
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->rows)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);

  self->column_view = GTK_COLUMN_VIEW (gtk_column_view_new (g_object_ref (GTK_SELECTION_MODEL (self->selection))));
  gtk_column_view_set_single_click_activate (self->column_view, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->column_view), "data-table");
  desk_ticket_columns_add (self->column_view, desk_page_get_catalog (DESK_PAGE (self)));
  /* Narrow until the page is known to be wide: a narrow list never stops the window from
   * growing, while a wide one would keep a phone-sized window from shrinking. */
  self->narrow = TRUE;
  desk_ticket_columns_set_narrow (self->column_view, TRUE);
  g_signal_connect_object (self->column_view, "activate", G_CALLBACK (column_view_activate_cb),
                           self, G_CONNECT_SWAPPED);
  desk_results_view_set_child (self->results, GTK_WIDGET (self->column_view));

  if (desk_page_get_settings (DESK_PAGE (self)) != NULL)
    saved = g_settings_get_value (desk_page_get_settings (DESK_PAGE (self)), "ticket-filters");
  desk_ticket_filters_load (&self->filters, saved);

  watch_catalog (self);
  show_list (self, self->browse_list);
  apply_filters (self);
}

static void
desk_tickets_page_dispose (GObject *object)
{
  DeskTicketsPage *self = DESK_TICKETS_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->search_source, g_source_remove);
  g_clear_handle_id (&self->narrow_source, g_source_remove);
  if (self->css != NULL)
    gtk_style_context_remove_provider_for_display (gtk_widget_get_display (GTK_WIDGET (self)),
                                                   GTK_STYLE_PROVIDER (self->css));
  gtk_widget_dispose_template (GTK_WIDGET (self), DESK_TYPE_TICKETS_PAGE);
  self->column_view = NULL;
  self->shown = NULL;
  g_clear_object (&self->selection);
  g_clear_object (&self->rows);
  g_clear_object (&self->filter);
  g_clear_object (&self->browse_list);
  g_clear_object (&self->search_list);
  g_clear_object (&self->css);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (desk_tickets_page_parent_class)->dispose (object);
}

static void
desk_tickets_page_finalize (GObject *object)
{
  DeskTicketsPage *self = DESK_TICKETS_PAGE (object);

  desk_ticket_filters_clear (&self->filters);
  g_free (self->search_text);
  g_free (self->folded_search);

  G_OBJECT_CLASS (desk_tickets_page_parent_class)->finalize (object);
}

static void
desk_tickets_page_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  DeskTicketsPage *self = DESK_TICKETS_PAGE (object);

  switch (prop_id)
    {
    case PROP_SEARCHING:
      g_value_set_boolean (value, desk_tickets_page_get_searching (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
desk_tickets_page_class_init (DeskTicketsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  DeskPageClass *page_class = DESK_PAGE_CLASS (klass);

  object_class->constructed = desk_tickets_page_constructed;
  object_class->dispose = desk_tickets_page_dispose;
  object_class->finalize = desk_tickets_page_finalize;
  object_class->get_property = desk_tickets_page_get_property;
  widget_class->measure = desk_tickets_page_measure;
  widget_class->size_allocate = desk_tickets_page_size_allocate;
  page_class->reload = desk_tickets_page_reload;
  page_class->show_record = desk_tickets_page_show_record;
  page_class->focus_search = desk_tickets_page_focus_search;

  /* Whether a server search is waiting to be sent or on its way. */
  properties[PROP_SEARCHING] =
    g_param_spec_boolean ("searching", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (DESK_TYPE_RESULTS_VIEW);
  g_type_ensure (DESK_TYPE_TICKET_DETAIL);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/frontdesk/FrontDesk/tickets/desk-tickets-page.ui");
  gtk_widget_class_bind_template_child (widget_class, DeskTicketsPage, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, DeskTicketsPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, DeskTicketsPage, range_dropdown);
  gtk_widget_class_bind_template_child (widget_class, DeskTicketsPage, custom_range_button);
  gtk_widget_class_bind_template_child (widget_class, DeskTicketsPage, from_calendar);
  gtk_widget_class_bind_template_child (widget_class, DeskTicketsPage, to_calendar);
  gtk_widget_class_bind_template_child (widget_class, DeskTicketsPage, status_dropdown);
  gtk_widget_class_bind_template_child (widget_class, DeskTicketsPage, technician_dropdown);
  gtk_widget_class_bind_template_child (widget_class, DeskTicketsPage, creator_dropdown);
  gtk_widget_class_bind_template_child (widget_class, DeskTicketsPage, filters_button);
  gtk_widget_class_bind_template_child (widget_class, DeskTicketsPage, leaflet);
  gtk_widget_class_bind_template_child (widget_class, DeskTicketsPage, results);
  gtk_widget_class_bind_template_child (widget_class, DeskTicketsPage, detail);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_stop_cb);
  gtk_widget_class_bind_template_callback (widget_class, filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, folded_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, detail_message_cb);
  gtk_widget_class_bind_template_callback (widget_class, detail_saved_cb);

  gtk_widget_class_install_action (widget_class, "tickets.find", NULL, find_action);
  gtk_widget_class_install_action (widget_class, "tickets.escape", NULL, escape_action);
  gtk_widget_class_install_action (widget_class, "tickets.close", NULL, close_action);
  gtk_widget_class_install_action (widget_class, "tickets.apply-custom-range", NULL,
                                   apply_custom_range_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "tickets.escape", NULL);
}

static GtkStringList *
range_names (void)
{
  const char *names[] = {
    [DESK_TICKET_RANGE_TODAY] = _("Today"),
    [DESK_TICKET_RANGE_YESTERDAY] = _("Yesterday"),
    [DESK_TICKET_RANGE_LAST_WEEK] = _("Last 7 Days"),
    [DESK_TICKET_RANGE_LAST_MONTH] = _("Last 30 Days"),
    [DESK_TICKET_RANGE_ALL] = _("All Dates"),
    [DESK_TICKET_RANGE_CUSTOM] = _("Custom Range…"),
    [DESK_TICKET_N_RANGES] = NULL,
  };

  return gtk_string_list_new (names);
}

/* Ctrl+F reaches the page from anywhere in the window while the page is shown. */
static void
add_find_shortcut (DeskTicketsPage *self)
{
  GtkEventController *controller = gtk_shortcut_controller_new ();

  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (controller),
                                     GTK_SHORTCUT_SCOPE_MANAGED);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_f, GDK_CONTROL_MASK),
                                                          gtk_named_action_new ("tickets.find")));
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
}

static void
desk_tickets_page_init (DeskTicketsPage *self)
{
  g_autoptr(GtkStringList) ranges = range_names ();

  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  self->css = gtk_css_provider_new ();
  gtk_style_context_add_provider_for_display (gtk_widget_get_display (GTK_WIDGET (self)),
                                              GTK_STYLE_PROVIDER (self->css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  gtk_drop_down_set_model (self->range_dropdown, G_LIST_MODEL (ranges));
  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self));
  add_find_shortcut (self);
}

/* --- Public API ---------------------------------------------------------------------------- */

GtkWidget *
desk_tickets_page_new (DeskContext *context)
{
  g_return_val_if_fail (DESK_IS_CONTEXT (context), NULL);

  return g_object_new (DESK_TYPE_TICKETS_PAGE, "context", context, NULL);
}

/* Returns: (transfer none): the rows shown, after the local match */
GListModel *
desk_tickets_page_get_rows (DeskTicketsPage *self)
{
  g_return_val_if_fail (DESK_IS_TICKETS_PAGE (self), NULL);

  return G_LIST_MODEL (self->rows);
}

/* Returns: (transfer none): the list shown: the browsing list or the search list */
DeskPagedList *
desk_tickets_page_get_list (DeskTicketsPage *self)
{
  g_return_val_if_fail (DESK_IS_TICKETS_PAGE (self), NULL);

  return self->shown;
}

DeskTicketDetail *
desk_tickets_page_get_detail (DeskTicketsPage *self)
{
  g_return_val_if_fail (DESK_IS_TICKETS_PAGE (self), NULL);

  return self->detail;
}

DeskResultsView *
desk_tickets_page_get_results (DeskTicketsPage *self)
{
  g_return_val_if_fail (DESK_IS_TICKETS_PAGE (self), NULL);

  return self->results;
}

GtkWidget *
desk_tickets_page_get_search_entry (DeskTicketsPage *self)
{
  g_return_val_if_fail (DESK_IS_TICKETS_PAGE (self), NULL);

  return GTK_WIDGET (self->search_entry);
}

const DeskTicketFilters *
desk_tickets_page_get_filters (DeskTicketsPage *self)
{
  g_return_val_if_fail (DESK_IS_TICKETS_PAGE (self), NULL);

  return &self->filters;
}

void
desk_tickets_page_set_filters (DeskTicketsPage         *self,
                               const DeskTicketFilters *filters)
{
  g_return_if_fail (DESK_IS_TICKETS_PAGE (self));

  desk_ticket_filters_clear (&self->filters);
  self->filters = *filters;
  self->filters.status = g_strdup (filters->status);
  controls_from_filters (self);
  apply_filters (self);
}

void
desk_tickets_page_open (DeskTicketsPage *self,
                        DeskTicket      *ticket)
{
  g_return_if_fail (DESK_IS_TICKETS_PAGE (self));
  g_return_if_fail (DESK_IS_TICKET (ticket));

  select_ticket (self, ticket);
  desk_ticket_detail_show_ticket (self->detail, ticket);
  adw_leaflet_set_visible_child (self->leaflet, GTK_WIDGET (self->detail));
}

/* Returns: whether a server search is pending or loading */
gboolean
desk_tickets_page_get_searching (DeskTicketsPage *self)
{
  g_return_val_if_fail (DESK_IS_TICKETS_PAGE (self), FALSE);

  return self->search_source != 0 ||
         (searching (self) && (!search_is_current (self) || self->shown != self->search_list ||
                               desk_paged_list_get_loading (self->search_list)));
}
