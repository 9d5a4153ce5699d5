/* desk-invoices-page.c
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "desk-invoices-page"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <string.h>

#include "desk-accessible.h"
#include "desk-invoice-detail.h"
#include "desk-invoice-rows.h"
#include "desk-invoices-page.h"
#include "desk-results-view.h"
#include "desk-row-slots.h"
#include "desk-search-feedback.h"

/* The Invoices screen: the list with its status and date filters and the search, beside
 * one invoice's detail, in a leaflet that folds to one pane on a narrow window.
 *
 * The search is the shared DeskListSearch: the loaded rows narrow at once to the order
 * ids and customer names that hold what is typed, and after a pause the server is asked
 * across every date. The rows are DeskRowSlots (desk-row-slots.c): a keystroke that
 * narrows the list changes what the rows on screen show rather than rebuilding them, and
 * the filter is told when the new text only narrows or only widens the old. Every change the writer settles on an invoice (a payment, an edit,
 * a new invoice, a converted ticket) updates the row and the detail that show it. */

struct _DeskInvoicesPage
{
  DeskPage            parent_instance;

  /* Template children */
  AdwLeaflet         *leaflet;
  GtkWidget          *list_pane;
  GtkWidget          *detail_pane;
  GtkSearchEntry     *search_entry;
  GtkDropDown        *status_dropdown;
  GtkDropDown        *range_dropdown;
  GtkMenuButton      *custom_range_button;
  GtkCalendar        *from_calendar;
  GtkCalendar        *to_calendar;
  DeskResultsView    *results_view;
  GtkStack           *detail_stack;
  GtkWidget          *detail_box;

  /* owned */
  DeskListSearch     *search;
  GtkCustomFilter    *filter;
  GtkFilterListModel *filtered;
  DeskRowSlots       *slots;
  DeskInvoice        *selected_before;   /* while the rows change */
  GtkSingleSelection *selection;
  GCancellable       *cancellable;
  char               *local_needle;

  /* state */
  DeskInvoiceFilters  filters;
  DeskPagedList      *shown;
  DeskInvoiceDetail  *detail;
  GtkListView        *list_view;
  GtkLabel           *search_feedback;
  gint64              now;
  gboolean            filtering;
  gboolean            updating_controls;
};

enum {
  PROP_0,
  PROP_SEARCHING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (DeskInvoicesPage, desk_invoices_page, DESK_TYPE_PAGE)

/* --- Search and filters ----------------------------------------------------------------- */

static GDateTime *
now (DeskInvoicesPage *self)
{
  return self->now > 0 ? g_date_time_new_from_unix_local (self->now)
                       : g_date_time_new_now_local ();
}

static DeskListQuery *
make_query (const char *text,
            gpointer    user_data)
{
  DeskInvoicesPage *self = user_data;
  g_autoptr(GDateTime) when = now (self);

  return desk_invoice_filters_to_query (&self->filters, text, when);
}

static gboolean
local_match (gpointer item,
             gpointer user_data)
{
  DeskInvoicesPage *self = user_data;

  if (self->local_needle == NULL || !self->filtering)
    return TRUE;

  return desk_invoice_matches (item, self->local_needle);
}

static void
notify_searching (DeskInvoicesPage *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEARCHING]);
}

static void
search_list_changed_cb (DeskInvoicesPage *self)
{
  DeskPagedList *list = desk_list_search_get_list (self->search);
  gboolean filtering = desk_list_search_get_filtering (self->search);

  if (list != self->shown)
    {
      self->shown = list;
      self->filtering = filtering;
      gtk_filter_list_model_set_model (self->filtered, G_LIST_MODEL (list));
      desk_results_view_set_list (self->results_view, list);
    }
  else if (filtering != self->filtering)
    {
      self->filtering = filtering;
      gtk_filter_changed (GTK_FILTER (self->filter), filtering ? GTK_FILTER_CHANGE_MORE_STRICT
                                                               : GTK_FILTER_CHANGE_LESS_STRICT);
    }
  /* Paging on while the rows are the server's answer; the narrowed rows do not fill the
   * view, and would page the whole list in. */
  desk_results_view_set_fetch_more (self->results_view, !filtering);
  notify_searching (self);
}

static void
set_feedback (DeskInvoicesPage *self,
              const char       *text)
{
  gtk_label_set_label (self->search_feedback, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->search_feedback), text != NULL);
}

static void
open_position (DeskInvoicesPage *self,
               guint             position)
{
  desk_row_slots_show_position (self->slots, position);
  gtk_single_selection_set_selected (self->selection, position);
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

/* Enter, once the server has answered: the one invoice opens; otherwise the clerk is
 * told what was found. */
static void
search_answered_cb (DeskInvoicesPage *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->filtered));
  g_autofree char *text = NULL;

  if (desk_paged_list_get_error (self->shown) != NULL)
    return;

  if (n == 1)
    {
      open_position (self, 0);
      return;
    }

  if (n == 0)
    /* Translators: what Enter in the search found; %s is what was typed */
    text = g_strdup_printf (_("No invoice “%s”"), desk_list_search_get_text (self->search));
  else
    text = g_strdup_printf (ngettext ("%u invoice matches", "%u invoices match", n), n);
  set_feedback (self, text);
}

/* A match holds the needle: a text that holds the old one can only hide rows (only the
 * rows shown need a look), and one the old text holds can only show rows again. */
static GtkFilterChange
needle_change (const char *old_needle,
               const char *new_needle)
{
  if (old_needle == NULL || new_needle == NULL)
    return GTK_FILTER_CHANGE_DIFFERENT;
  if (strstr (new_needle, old_needle) != NULL)
    return GTK_FILTER_CHANGE_MORE_STRICT;
  if (strstr (old_needle, new_needle) != NULL)
    return GTK_FILTER_CHANGE_LESS_STRICT;
  return GTK_FILTER_CHANGE_DIFFERENT;
}

static void
search_changed_cb (DeskInvoicesPage *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autofree char *stripped = g_strstrip (g_strdup (text));
  g_autofree char *old_needle = NULL;
  gboolean was_filtering;

  set_feedback (self, NULL);
  if (g_strcmp0 (*stripped != '\0' ? stripped : NULL, desk_list_search_get_text (self->search)) == 0)
    return;

  was_filtering = self->filtering;
  old_needle = g_steal_pointer (&self->local_needle);
  if (*stripped != '\0')
    self->local_needle = g_utf8_casefold (stripped, -1);
  desk_list_search_set_text (self->search, stripped);
  /* Filtering that starts with this key has just narrowed the rows by the new text; only
   * a text changed while filtering needs them looked at again. */
  if (self->filtering && was_filtering)
    gtk_filter_changed (GTK_FILTER (self->filter), needle_change (old_needle, self->local_needle));
}

static void
search_activate_cb (DeskInvoicesPage *self)
{
  search_changed_cb (self);
  desk_list_search_activate (self->search);
}

static void
update_custom_range (DeskInvoicesPage *self)
{
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autofree char *label = NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->custom_range_button),
                          self->filters.range == DESK_INVOICE_RANGE_CUSTOM);
  if (self->filters.from_date <= 0)
    {
      gtk_menu_button_set_label (self->custom_range_button, _("Choose Dates"));
      return;
    }

  from = desk_format_date (self->filters.from_date);
  to = desk_format_date (self->filters.to_date);
  /* Translators: a date range, first and last day */
  label = g_strdup_printf (_("%s – %s"), from, to);
  gtk_menu_button_set_label (self->custom_range_button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->custom_range_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

static void
controls_from_filters (DeskInvoicesPage *self)
{
  self->updating_controls = TRUE;
  gtk_drop_down_set_selected (self->status_dropdown, self->filters.status);
  gtk_drop_down_set_selected (self->range_dropdown, self->filters.range);
  update_custom_range (self);
  self->updating_controls = FALSE;
}

/* A new filter empties the list at once: rows of another filter would mislead. */
static void
apply_filters (DeskInvoicesPage *self)
{
  g_settings_set_value (desk_page_get_settings (DESK_PAGE (self)), "invoice-filters",
                        desk_invoice_filters_save (&self->filters));
  desk_list_search_refresh (self->search);
  notify_searching (self);
}

static void
filter_changed_cb (DeskInvoicesPage *self)
{
  if (self->updating_controls || self->search == NULL)
    return;

  self->filters.status = MIN (gtk_drop_down_get_selected (self->status_dropdown),
                              DESK_INVOICE_FILTER_PARTIAL);
  self->filters.range = MIN (gtk_drop_down_get_selected (self->range_dropdown),
                             DESK_INVOICE_RANGE_CUSTOM);
  update_custom_range (self);
  /* A custom range is listed once its dates are chosen. */
  if (self->filters.range == DESK_INVOICE_RANGE_CUSTOM && self->filters.from_date <= 0)
    {
      gtk_menu_button_popup (self->custom_range_button);
      return;
    }
  apply_filters (self);
}

static gint64
calendar_day (GtkCalendar *calendar)
{
  g_autoptr(GDateTime) date = gtk_calendar_get_date (calendar);

  return g_date_time_to_unix (date);
}

static void
apply_custom_range_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  DeskInvoicesPage *self = DESK_INVOICES_PAGE (widget);
  gint64 from = calendar_day (self->from_calendar);
  gint64 to = calendar_day (self->to_calendar);

  self->filters.range = DESK_INVOICE_RANGE_CUSTOM;
  self->filters.from_date = MIN (from, to);
  self->filters.to_date = MAX (from, to);
  gtk_menu_button_popdown (self->custom_range_button);
  controls_from_filters (self);
  apply_filters (self);
}

/* --- Details ---------------------------------------------------------------------------- */

static void
show_invoice (DeskInvoicesPage *self,
              DeskInvoice      *invoice)
{
  desk_invoice_detail_set_invoice (self->detail, invoice);
  gtk_stack_set_visible_child_name (self->detail_stack, invoice != NULL ? "invoice" : "none");
}

static DeskInvoice *
selected_invoice (DeskInvoicesPage *self)
{
  return desk_row_slot_get_item (gtk_single_selection_get_selected_item (self->selection));
}

static void
selection_changed_cb (DeskInvoicesPage *self)
{
  DeskInvoice *invoice = selected_invoice (self);

  if (invoice != NULL && invoice != desk_invoice_detail_get_invoice (self->detail))
    show_invoice (self, invoice);
}

/* The selection follows the slots, which keep their places while the rows change: the
 * selected row goes where its invoice went, or is let go of when it is no longer shown,
 * as the selection of the rows themselves would. */
static void
rows_changing_cb (DeskInvoicesPage *self)
{
  g_set_object (&self->selected_before, selected_invoice (self));
}

static void
rows_changed_cb (DeskInvoicesPage *self)
{
  g_autoptr(DeskInvoice) invoice = g_steal_pointer (&self->selected_before);
  GListModel *rows = G_LIST_MODEL (self->filtered);
  guint found = GTK_INVALID_LIST_POSITION;

  if (invoice == NULL || selected_invoice (self) == invoice)
    return;

  for (guint i = 0; i < g_list_model_get_n_items (rows) && found == GTK_INVALID_LIST_POSITION; i++)
    {
      g_autoptr(DeskInvoice) there = g_list_model_get_item (rows, i);

      if (there == invoice)
        found = i;
    }
  desk_row_slots_show_position (self->slots, found);
  gtk_single_selection_set_selected (self->selection, found);
}

static void
list_activate_cb (DeskInvoicesPage *self,
                  guint             position)
{
  open_position (self, position);
  gtk_widget_child_focus (GTK_WIDGET (self->detail), GTK_DIR_TAB_FORWARD);
}

/* The list's own entry takes the amounts the server gives now: the row shows them. */
static void
update_entry (DeskInvoicesPage *self,
              DeskInvoice      *fresh)
{
  GListModel *list = G_LIST_MODEL (self->shown);
  g_autofree char *status = NULL;
  gint64 paid = 0, due = 0, total = 0;

  g_object_get (fresh, "amount-paid", &paid, "amount-due", &due, "total", &total,
                "status", &status, NULL);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(DeskInvoice) entry = g_list_model_get_item (list, i);

      if (entry == fresh || desk_invoice_get_id (entry) != desk_invoice_get_id (fresh))
        continue;
      g_object_freeze_notify (G_OBJECT (entry));
      g_object_set (entry, "amount-paid", paid, "amount-due", due, "total", total,
                    "status", status, NULL);
      g_object_thaw_notify (G_OBJECT (entry));
    }
}

static void
detail_loaded_cb (DeskInvoicesPage *self,
                  DeskInvoice      *invoice)
{
  update_entry (self, invoice);
}

static void
entry_fetched_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(DeskInvoice) invoice = NULL;
  g_autoptr(GError) error = NULL;

  invoice = desk_api_client_get_invoice_finish (DESK_API_CLIENT (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (invoice == NULL)
    {
      g_debug ("Could not read invoice: %s", error->message);
      return;
    }

  update_entry (DESK_INVOICES_PAGE (user_data), invoice);
}

/* A change to an invoice, made here or anywhere: the list and the detail show what the
 * server holds now. A change of unknown fate may have been applied too. */
static void
writer_settled_cb (DeskInvoicesPage *self,
                   DeskChange       *change,
                   DeskFate          fate,
                   GObject          *record,
                   GError           *error)
{
  DeskInvoice *shown = desk_invoice_detail_get_invoice (self->detail);
  gint64 id = desk_change_get_target_id (change);

  if (fate != DESK_FATE_SAVED && fate != DESK_FATE_UNKNOWN)
    return;

  switch (desk_change_get_kind (change))
    {
    case DESK_CHANGE_CREATE_INVOICE:
    case DESK_CHANGE_CONVERT_TICKET:
      desk_paged_list_reload (self->shown);
      break;
    case DESK_CHANGE_UPDATE_INVOICE:
    case DESK_CHANGE_ADD_PAYMENT:
      if (shown != NULL && desk_invoice_get_id (shown) == id)
        desk_invoice_detail_reload (self->detail);
      else if (id > 0)
        desk_api_client_get_invoice_async (desk_page_get_client (DESK_PAGE (self)), id,
                                           self->cancellable, entry_fetched_cb, self);
      break;
    case DESK_CHANGE_CREATE_CUSTOMER:
    case DESK_CHANGE_UPDATE_CUSTOMER:
    case DESK_CHANGE_CREATE_TICKET:
    case DESK_CHANGE_UPDATE_TICKET:
    default:
      break;
    }
}

/* --- Actions ---------------------------------------------------------------------------- */

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  DeskInvoicesPage *self = DESK_INVOICES_PAGE (widget);

  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
  gtk_widget_grab_focus (GTK_WIDGET (self->list_view));
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  DeskInvoicesPage *self = DESK_INVOICES_PAGE (widget);

  adw_leaflet_set_visible_child (self->leaflet, self->list_pane);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/* Escape closes the open invoice before it clears the search, as on the other screens. */
static gboolean
escape (DeskInvoicesPage *self)
{
  if (desk_invoice_detail_get_invoice (self->detail) != NULL)
    {
      gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
      show_invoice (self, NULL);
      adw_leaflet_set_visible_child (self->leaflet, self->list_pane);
      return TRUE;
    }

  if (desk_list_search_get_text (self->search) != NULL)
    {
      gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
      return TRUE;
    }

  return FALSE;
}

static gboolean
escape_cb (GtkWidget *widget,
           GVariant  *args,
           gpointer   user_data)
{
  return escape (DESK_INVOICES_PAGE (widget));
}

static void
search_stop_cb (DeskInvoicesPage *self)
{
  escape (self);
}

/* --- DeskPage --------------------------------------------------------------------------- */

static void
desk_invoices_page_reload (DeskPage *page)
{
  DeskInvoicesPage *self = DESK_INVOICES_PAGE (page);

  desk_paged_list_reload (self->shown);
  if (desk_invoice_detail_get_invoice (self->detail) != NULL)
    desk_invoice_detail_reload (self->detail);
}

static gboolean
desk_invoices_page_show_record (DeskPage   *page,
                                DeskRecord *record)
{
  DeskInvoicesPage *self = DESK_INVOICES_PAGE (page);
  g_autoptr(DeskInvoice) entry = NULL;

  if (!DESK_IS_INVOICE (record))
    return FALSE;

  /* An invoice named by its id alone: the list's entry, when loaded, has what the detail
   * reply leaves out. */
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->shown)) && entry == NULL; i++)
    {
      g_autoptr(DeskInvoice) candidate = g_list_model_get_item (G_LIST_MODEL (self->shown), i);

      if (desk_invoice_get_id (candidate) == desk_invoice_get_id (DESK_INVOICE (record)))
        entry = g_steal_pointer (&candidate);
    }

  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  show_invoice (self, entry != NULL ? entry : DESK_INVOICE (record));
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
  return TRUE;
}

static void
desk_invoices_page_focus_search (DeskPage *page)
{
  search_action (GTK_WIDGET (page), "invoices.search", NULL);
}

/* --- GObject ---------------------------------------------------------------------------- */

static void
build_list (DeskInvoicesPage *self)
{
  GtkListItemFactory *factory = desk_invoice_rows_factory_new ();
  GtkWidget *list_view;

  self->shown = desk_list_search_get_list (self->search);
  self->filter = gtk_custom_filter_new (local_match, self, NULL);
  self->filtered = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->shown)),
                                              g_object_ref (GTK_FILTER (self->filter)));
  g_signal_connect_object (self->filtered, "items-changed", G_CALLBACK (rows_changing_cb), self,
                           G_CONNECT_SWAPPED);
  self->slots = desk_row_slots_new (G_LIST_MODEL (self->filtered));
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->slots)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect_object (self->selection, "notify::selected-item",
                           G_CALLBACK (selection_changed_cb), self, G_CONNECT_SWAPPED);
  /* After the slots, which connected first. */
  g_signal_connect_object (self->filtered, "items-changed", G_CALLBACK (rows_changed_cb), self,
                           G_CONNECT_SWAPPED);

  list_view = gtk_list_view_new (g_object_ref (GTK_SELECTION_MODEL (self->selection)), factory);
  gtk_widget_add_css_class (list_view, "navigation-sidebar");
  g_signal_connect_object (list_view, "activate", G_CALLBACK (list_activate_cb), self,
                           G_CONNECT_SWAPPED);
  g_object_bind_property (self->leaflet, "folded", list_view, "single-click-activate",
                          G_BINDING_SYNC_CREATE);
  self->list_view = GTK_LIST_VIEW (list_view);
  desk_accessible_label_list (list_view, _("Invoices"));
  desk_results_view_set_child (self->results_view, list_view);
  desk_results_view_set_list (self->results_view, self->shown);
  desk_results_view_set_empty_text (self->results_view, _("No Invoices Found"),
                                    _("Try another number or name, another status, or more "
                                      "dates."));
}

static void
fill_dropdowns (DeskInvoicesPage *self)
{
  const char *statuses[] = { _("Any Status"), _("Paid"), _("Unpaid"), _("Refunded"),
                             _("Partly Paid"), NULL };
  const char *ranges[] = { _("Today"), _("Yesterday"), _("Last 7 Days"), _("Last 30 Days"),
                           _("All Dates"), _("Custom Dates"), NULL };
  g_autoptr(GtkStringList) status_list = gtk_string_list_new (statuses);
  g_autoptr(GtkStringList) range_list = gtk_string_list_new (ranges);

  self->updating_controls = TRUE;
  gtk_drop_down_set_model (self->status_dropdown, G_LIST_MODEL (status_list));
  gtk_drop_down_set_model (self->range_dropdown, G_LIST_MODEL (range_list));
  self->updating_controls = FALSE;
}

static void
desk_invoices_page_constructed (GObject *object)
{
  DeskInvoicesPage *self = DESK_INVOICES_PAGE (object);
  g_autoptr(GVariant) saved = NULL;

  G_OBJECT_CLASS (desk_invoices_page_parent_class)->constructed (object);

  /* gtk4-builder-tool builds the page bare to check its template. */
  if (desk_page_get_context (DESK_PAGE (self)) == NULL)
    return;

  self->cancellable = g_cancellable_new ();
  saved = g_settings_get_value (desk_page_get_settings (DESK_PAGE (self)), "invoice-filters");
  desk_invoice_filters_load (&self->filters, saved);
  fill_dropdowns (self);
  controls_from_filters (self);

  self->search = desk_list_search_new (desk_page_get_client (DESK_PAGE (self)),
                                       DESK_PAGED_LIST_INVOICES);
  desk_list_search_set_query_func (self->search, make_query, self, NULL);
  g_signal_connect_object (self->search, "changed", G_CALLBACK (search_list_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->search, "activated", G_CALLBACK (search_answered_cb), self,
                           G_CONNECT_SWAPPED);

  self->detail = DESK_INVOICE_DETAIL (desk_invoice_detail_new (desk_page_get_context (DESK_PAGE (self))));
  gtk_widget_set_hexpand (GTK_WIDGET (self->detail), TRUE);
  gtk_widget_set_vexpand (GTK_WIDGET (self->detail), TRUE);
  gtk_box_append (GTK_BOX (self->detail_box), GTK_WIDGET (self->detail));
  g_signal_connect_object (self->detail, "loaded", G_CALLBACK (detail_loaded_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (desk_context_get_writer (desk_page_get_context (DESK_PAGE (self))),
                           "settled", G_CALLBACK (writer_settled_cb), self, G_CONNECT_SWAPPED);

  build_list (self);
  desk_list_search_refresh (self->search);
}

static void
desk_invoices_page_dispose (GObject *object)
{
  DeskInvoicesPage *self = DESK_INVOICES_PAGE (object);

  if (self->search != NULL)
    g_signal_handlers_disconnect_by_data (self->search, self);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);

  gtk_widget_dispose_template (GTK_WIDGET (object), DESK_TYPE_INVOICES_PAGE);

  g_clear_object (&self->selection);
  g_clear_object (&self->slots);
  g_clear_object (&self->selected_before);
  g_clear_object (&self->filtered);
  g_clear_object (&self->filter);
  self->shown = NULL;
  g_clear_object (&self->search);
  g_clear_pointer (&self->local_needle, g_free);

  G_OBJECT_CLASS (desk_invoices_page_parent_class)->dispose (object);
}

static void
desk_invoices_page_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  DeskInvoicesPage *self = DESK_INVOICES_PAGE (object);

  switch (prop_id)
    {
    case PROP_SEARCHING:
      g_value_set_boolean (value, desk_invoices_page_get_searching (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
desk_invoices_page_class_init (DeskInvoicesPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  DeskPageClass *page_class = DESK_PAGE_CLASS (klass);

  object_class->constructed = desk_invoices_page_constructed;
  object_class->dispose = desk_invoices_page_dispose;
  object_class->get_property = desk_invoices_page_get_property;
  page_class->reload = desk_invoices_page_reload;
  page_class->show_record = desk_invoices_page_show_record;
  page_class->focus_search = desk_invoices_page_focus_search;

  /* Whether a server query is still to come or on its way for what is typed. */
  properties[PROP_SEARCHING] =
    g_param_spec_boolean ("searching", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/frontdesk/FrontDesk/invoices/desk-invoices-page.ui");
  gtk_widget_class_bind_template_child (widget_class, DeskInvoicesPage, leaflet);
  gtk_widget_class_bind_template_child (widget_class, DeskInvoicesPage, list_pane);
  gtk_widget_class_bind_template_child (widget_class, DeskInvoicesPage, detail_pane);
  gtk_widget_class_bind_template_child (widget_class, DeskInvoicesPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, DeskInvoicesPage, status_dropdown);
  gtk_widget_class_bind_template_child (widget_class, DeskInvoicesPage, range_dropdown);
  gtk_widget_class_bind_template_child (widget_class, DeskInvoicesPage, custom_range_button);
  gtk_widget_class_bind_template_child (widget_class, DeskInvoicesPage, from_calendar);
  gtk_widget_class_bind_template_child (widget_class, DeskInvoicesPage, to_calendar);
  gtk_widget_class_bind_template_child (widget_class, DeskInvoicesPage, results_view);
  gtk_widget_class_bind_template_child (widget_class, DeskInvoicesPage, detail_stack);
  gtk_widget_class_bind_template_child (widget_class, DeskInvoicesPage, detail_box);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_stop_cb);
  gtk_widget_class_bind_template_callback (widget_class, filter_changed_cb);

  gtk_widget_class_install_action (widget_class, "invoices.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "invoices.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "invoices.apply-custom-range", NULL,
                                   apply_custom_range_action);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Escape, 0, escape_cb, NULL);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
desk_invoices_page_init (DeskInvoicesPage *self)
{
  g_type_ensure (DESK_TYPE_RESULTS_VIEW);
  gtk_widget_init_template (GTK_WIDGET (self));
  desk_accessible_label_dropdown (GTK_WIDGET (self->status_dropdown));
  desk_accessible_label_dropdown (GTK_WIDGET (self->range_dropdown));
  desk_accessible_tidy_mnemonics (GTK_WIDGET (self));
  self->search_feedback = desk_search_feedback_add (self->search_entry, _("Search Invoices"));
}

GtkWidget *
desk_invoices_page_new (DeskContext *context)
{
  g_return_val_if_fail (DESK_IS_CONTEXT (context), NULL);

  return g_object_new (DESK_TYPE_INVOICES_PAGE, "context", context, NULL);
}

/* The rows on screen: the loaded invoices that match what is typed. */
GListModel *
desk_invoices_page_get_model (DeskInvoicesPage *self)
{
  g_return_val_if_fail (DESK_IS_INVOICES_PAGE (self), NULL);

  return G_LIST_MODEL (self->filtered);
}

DeskPagedList *
desk_invoices_page_get_list (DeskInvoicesPage *self)
{
  g_return_val_if_fail (DESK_IS_INVOICES_PAGE (self), NULL);

  return self->shown;
}

/* "loading", "waiting", "empty", "error" or "results", as DeskResultsView shows it. */
const char *
desk_invoices_page_get_state (DeskInvoicesPage *self)
{
  g_return_val_if_fail (DESK_IS_INVOICES_PAGE (self), NULL);

  return desk_results_view_get_state (self->results_view);
}

gboolean
desk_invoices_page_get_searching (DeskInvoicesPage *self)
{
  g_return_val_if_fail (DESK_IS_INVOICES_PAGE (self), FALSE);

  return desk_list_search_get_searching (self->search) || desk_paged_list_get_loading (self->shown);
}

GtkWidget *
desk_invoices_page_get_search_entry (DeskInvoicesPage *self)
{
  g_return_val_if_fail (DESK_IS_INVOICES_PAGE (self), NULL);

  return GTK_WIDGET (self->search_entry);
}

void
desk_invoices_page_set_search_text (DeskInvoicesPage *self,
                                    const char       *text)
{
  g_return_if_fail (DESK_IS_INVOICES_PAGE (self));

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text != NULL ? text : "");
}

void
desk_invoices_page_get_filters (DeskInvoicesPage   *self,
                                DeskInvoiceFilters *filters)
{
  g_return_if_fail (DESK_IS_INVOICES_PAGE (self));

  *filters = self->filters;
}

/* Shows the invoices of @filters, and remembers them. */
void
desk_invoices_page_set_filters (DeskInvoicesPage         *self,
                                const DeskInvoiceFilters *filters)
{
  g_return_if_fail (DESK_IS_INVOICES_PAGE (self));

  self->filters = *filters;
  controls_from_filters (self);
  apply_filters (self);
}

/* The moment the date presets count from; 0 for the clock's. */
void
desk_invoices_page_set_now (DeskInvoicesPage *self,
                            gint64            unix_time)
{
  g_return_if_fail (DESK_IS_INVOICES_PAGE (self));

  self->now = unix_time;
  apply_filters (self);
}

void
desk_invoices_page_open_position (DeskInvoicesPage *self,
                                  guint             position)
{
  g_return_if_fail (DESK_IS_INVOICES_PAGE (self));

  open_position (self, position);
}

/* Opens the invoice @id, read in full from the server. */
void
desk_invoices_page_show_invoice_id (DeskInvoicesPage *self,
                                    gint64            id)
{
  g_autoptr(DeskInvoice) invoice = desk_invoice_new ();

  g_return_if_fail (DESK_IS_INVOICES_PAGE (self));

  g_object_set (invoice, "id", id, NULL);
  desk_page_show_record (DESK_PAGE (self), DESK_RECORD (invoice));
}

GtkWidget *
desk_invoices_page_get_detail (DeskInvoicesPage *self)
{
  g_return_val_if_fail (DESK_IS_INVOICES_PAGE (self), NULL);

  return GTK_WIDGET (self->detail);
}
