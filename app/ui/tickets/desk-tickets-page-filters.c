/* desk-tickets-page-filters.c
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "desk-tickets-page"

#include "config.h"

#include <glib/gi18n.h>

#include "desk-tickets-page-private.h"

/* The filter bar of the Tickets screen: the date range, status, technician and creator,
 * remembered in the settings, with the dropdowns filled from the catalog. */

/* --- Filters -------------------------------------------------------------------------------- */

static void
save_filters (DeskTicketsPage *self)
{
  if (desk_page_get_settings (DESK_PAGE (self)) != NULL)
    g_settings_set_value (desk_page_get_settings (DESK_PAGE (self)), "ticket-filters",
                          desk_ticket_filters_save (&self->filters));
}

void
_desk_tickets_page_apply_filters (DeskTicketsPage *self)
{
  save_filters (self);
  desk_list_search_refresh (self->search);
  _desk_tickets_page_update_empty_text (self);
}

DeskListQuery *
_desk_tickets_page_make_query (const char *text,
                               gpointer    user_data)
{
  DeskTicketsPage *self = user_data;

  return desk_ticket_filters_to_query (&self->filters, text);
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
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->custom_range_button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _("Choose the Dates"), -1);
      return;
    }

  from = g_date_time_format (from_date, "%x");
  to = g_date_time_format (to_date, "%x");
  /* Translators: a date range, first and last day */
  label = g_strdup_printf (_("%s – %s"), from, to);
  gtk_menu_button_set_label (self->custom_range_button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->custom_range_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

/* Shows the filters in the controls, without taking the change for the user's. */
void
_desk_tickets_page_controls_from_filters (DeskTicketsPage *self)
{
  self->updating_controls = TRUE;
  desk_choice_button_set_selected (self->range_dropdown, self->filters.range);
  desk_choice_button_set_selected (self->status_dropdown,
                                   status_position (self, self->filters.status));
  desk_choice_button_set_selected (self->technician_dropdown,
                                   employee_position (self, self->filters.assigned_to));
  desk_choice_button_set_selected (self->creator_dropdown,
                                   employee_position (self, self->filters.created_by));
  update_custom_range_label (self);
  self->updating_controls = FALSE;
}

void
_desk_tickets_page_filter_changed_cb (DeskTicketsPage *self)
{
  GListModel *statuses;
  guint status = desk_choice_button_get_selected (self->status_dropdown);
  g_autoptr(DeskNamedItem) item = NULL;

  if (self->updating_controls || self->search == NULL)
    return;

  statuses = desk_page_get_list (DESK_PAGE (self), DESK_CATALOG_STATUSES);
  if (status > 0 && status != GTK_INVALID_LIST_POSITION)
    item = g_list_model_get_item (statuses, status - 1);
  g_free (self->filters.status);
  self->filters.status = item != NULL ? g_strdup (desk_named_item_get_name (item)) : NULL;
  self->filters.assigned_to = employee_at (self,
                                           desk_choice_button_get_selected (self->technician_dropdown));
  self->filters.created_by = employee_at (self,
                                          desk_choice_button_get_selected (self->creator_dropdown));
  self->filters.range = MIN (desk_choice_button_get_selected (self->range_dropdown),
                             DESK_TICKET_RANGE_CUSTOM);

  update_custom_range_label (self);
  /* A custom range is listed once its dates are chosen. */
  if (self->filters.range == DESK_TICKET_RANGE_CUSTOM && self->filters.from_date <= 0)
    {
      gtk_menu_button_popup (self->custom_range_button);
      return;
    }

  _desk_tickets_page_apply_filters (self);
}

/* The start of the calendar's day, in local time. */
static gint64
calendar_day (GtkCalendar *calendar)
{
  g_autoptr(GDateTime) date = gtk_calendar_get_date (calendar);
  g_autoptr(GDateTime) start = g_date_time_new_local (g_date_time_get_year (date),
                                                      g_date_time_get_month (date),
                                                      g_date_time_get_day_of_month (date),
                                                      0, 0, 0);

  return g_date_time_to_unix (start);
}

/* From the start of the earlier day to the end of the later one, whichever calendar
 * holds which: both end days are whole. */
void
_desk_tickets_page_apply_custom_range_action (GtkWidget  *widget,
                                              const char *action_name,
                                              GVariant   *parameter)
{
  DeskTicketsPage *self = DESK_TICKETS_PAGE (widget);
  gint64 from = calendar_day (self->from_calendar);
  gint64 to = calendar_day (self->to_calendar);

  self->filters.range = DESK_TICKET_RANGE_CUSTOM;
  self->filters.from_date = MIN (from, to);
  self->filters.to_date = MAX (from, to) + 24 * 60 * 60 - 1;
  gtk_menu_button_popdown (self->custom_range_button);
  _desk_tickets_page_controls_from_filters (self);
  _desk_tickets_page_apply_filters (self);
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
  desk_choice_button_set_model (self->status_dropdown, G_LIST_MODEL (names));
  self->updating_controls = FALSE;
  _desk_tickets_page_controls_from_filters (self);
}

static void
employees_changed_cb (DeskTicketsPage *self)
{
  GListModel *employees = desk_page_get_list (DESK_PAGE (self), DESK_CATALOG_EMPLOYEES);
  g_autoptr(GtkStringList) technicians = names_with_any (employees, _("Any Technician"));
  g_autoptr(GtkStringList) creators = names_with_any (employees, _("Created by Anyone"));

  self->updating_controls = TRUE;
  desk_choice_button_set_model (self->technician_dropdown, G_LIST_MODEL (technicians));
  desk_choice_button_set_model (self->creator_dropdown, G_LIST_MODEL (creators));
  self->updating_controls = FALSE;
  _desk_tickets_page_controls_from_filters (self);
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

static gboolean
load_catalog_cb (gpointer user_data)
{
  DeskTicketsPage *self = user_data;

  self->catalog_source = 0;
  desk_catalog_load_async (desk_page_get_catalog (DESK_PAGE (self)), DESK_CATALOG_STATUSES,
                           self->cancellable, catalog_loaded_cb, NULL);
  desk_catalog_load_async (desk_page_get_catalog (DESK_PAGE (self)), DESK_CATALOG_EMPLOYEES,
                           self->cancellable, catalog_loaded_cb, NULL);

  return G_SOURCE_REMOVE;
}

/* The rows come first: the reference lists (the filters' choices, the statuses' colours)
 * are asked for once the list has answered, after the frame that draws its rows. On a
 * start they took a quarter of the work before the first rows. */
static void
browse_loading_cb (DeskTicketsPage *self,
                   GParamSpec      *pspec,
                   DeskPagedList   *browse)
{
  if (desk_paged_list_get_loading (browse) ||
      desk_paged_list_get_n_pages (browse) + (desk_paged_list_get_error (browse) != NULL) == 0)
    return;

  g_signal_handlers_disconnect_by_func (browse, browse_loading_cb, self);
  if (self->catalog_source == 0)
    self->catalog_source = g_idle_add_full (G_PRIORITY_LOW, load_catalog_cb, self, NULL);
}

void
_desk_tickets_page_watch_catalog (DeskTicketsPage *self)
{
  GListModel *statuses = desk_page_get_list (DESK_PAGE (self), DESK_CATALOG_STATUSES);
  GListModel *employees = desk_page_get_list (DESK_PAGE (self), DESK_CATALOG_EMPLOYEES);
  DeskPagedList *browse = desk_list_search_get_browse_list (self->search);

  g_signal_connect_object (statuses, "items-changed", G_CALLBACK (statuses_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (employees, "items-changed", G_CALLBACK (employees_changed_cb), self,
                           G_CONNECT_SWAPPED);
  statuses_changed_cb (self);
  employees_changed_cb (self);

  g_signal_connect_object (browse, "notify::loading", G_CALLBACK (browse_loading_cb), self,
                           G_CONNECT_SWAPPED);
}

GtkStringList *
_desk_tickets_page_range_names (void)
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
