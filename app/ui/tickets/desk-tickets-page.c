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

#include "desk-accessible.h"
#include "desk-out-of-view.h"
#include "desk-search-feedback.h"
#include "desk-tickets-page-private.h"
#include "desk-toast.h"

/* The ticket list with its filter bar and search, beside the open ticket. The filter bar
 * is in desk-tickets-page-filters.c, the actions and keys in desk-tickets-page-actions.c.
 *
 * The search is a DeskListSearch: the browsing list (the filter bar's query) or the
 * server's answer to the typed `keyword` with the same filters. Each keystroke filters
 * the rows already shown at once; after a short pause the server is asked, and its rows
 * replace the shown ones when they are in. */
/* The open ticket's width beside the list (its width-request), and the separator. */
#define DETAIL_WIDTH 361
/* Below this page width the list shows fewer columns: all of them fit beside the open
 * ticket from there on (1031 px, so a 1280 px window with the sidebar shows them). */
#define NARROW_WIDTH (desk_ticket_columns_get_wide_width () + DETAIL_WIDTH)
/* Below this page width the filters fold away behind their button. */
#define COMPACT_WIDTH 600

enum {
  PROP_0,
  PROP_SEARCHING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (DeskTicketsPage, desk_tickets_page, DESK_TYPE_PAGE)

/* --- What is shown ------------------------------------------------------------------------ */

static gboolean
searching (DeskTicketsPage *self)
{
  return desk_list_search_get_text (self->search) != NULL;
}

void
_desk_tickets_page_update_empty_text (DeskTicketsPage *self)
{
  gboolean other_filters = self->filters.status != NULL || self->filters.assigned_to > 0 ||
                           self->filters.created_by > 0;

  if (searching (self))
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
  return desk_list_search_get_filtering (self->search);
}

/* While only matching rows show, the view must not fetch pages by itself: it would load
 * every ticket looking for rows it then hides. The server search follows anyway.
 *
 * A keystroke that only narrows the text needs only the rows shown looked at again (and
 * one that only widens it, only the rows hidden): the filter is told which. A new list
 * was filtered whole when it was set. */
static void
refilter (DeskTicketsPage *self,
          gboolean         new_list)
{
  const char *needle = filtering (self) && self->folded_search != NULL ? self->folded_search : "";
  GtkFilterChange change = GTK_FILTER_CHANGE_DIFFERENT;

  desk_results_view_set_fetch_more (self->results, !filtering (self));

  if (!new_list && self->applied_search != NULL && !g_str_equal (self->applied_search, needle))
    {
      if (desk_ticket_match_narrows (self->applied_search, needle))
        change = GTK_FILTER_CHANGE_MORE_STRICT;
      else if (desk_ticket_match_narrows (needle, self->applied_search))
        change = GTK_FILTER_CHANGE_LESS_STRICT;
    }

  g_free (self->applied_search);
  self->applied_search = g_strdup (needle);
  if (!new_list)
    gtk_filter_changed (GTK_FILTER (self->filter), change);
}

static void
show_list (DeskTicketsPage *self,
           DeskPagedList   *list)
{
  gboolean new_list = self->shown != list;

  /* The filter reads the state of now: set it first, so the new list is filtered once. */
  if (new_list)
    {
      self->shown = list;
      desk_results_view_set_fetch_more (self->results, !filtering (self));
      gtk_filter_list_model_set_model (self->rows, G_LIST_MODEL (list));
      desk_results_view_set_list (self->results, list);
    }

  _desk_tickets_page_update_empty_text (self);
  refilter (self, new_list);
}

static gboolean
filter_func (gpointer item,
             gpointer user_data)
{
  DeskTicketsPage *self = user_data;

  return !filtering (self) || desk_ticket_matches (DESK_TICKET (item), self->folded_search);
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
          desk_row_slots_show_position (self->slots, i);
          gtk_single_selection_set_selected (self->selection, i);
          return;
        }
    }
}

/* The selection is a position among the slots, which stay while their tickets change: it
 * follows the selected ticket as GTK does for a list's own items, and is dropped when the
 * ticket is no longer shown. */
static void
selected_cb (DeskTicketsPage *self)
{
  DeskRowSlot *slot = gtk_single_selection_get_selected_item (self->selection);

  /* A row removed under the selection says nothing about the ticket selected. */
  if (self->rows_changing)
    return;

  g_set_object (&self->selected, desk_row_slot_get_item (slot));
}

/* Before the slots follow the rows. */
static void
rows_changing_cb (DeskTicketsPage *self)
{
  self->rows_changing = TRUE;
}

static void
rows_changed_cb (DeskTicketsPage *self)
{
  guint position = gtk_single_selection_get_selected (self->selection);
  g_autoptr(DeskTicket) there = NULL;
  g_autoptr(DeskTicket) selected = NULL;

  self->rows_changing = FALSE;
  if (self->selected == NULL)
    return;

  there = g_list_model_get_item (G_LIST_MODEL (self->rows), position);
  if (there == self->selected)
    return;

  selected = g_object_ref (self->selected);
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  select_ticket (self, selected);
}

void
_desk_tickets_page_close_detail (DeskTicketsPage *self)
{
  desk_ticket_detail_show_ticket (self->detail, NULL);
  adw_leaflet_set_visible_child (self->leaflet, GTK_WIDGET (self->results));
  gtk_widget_grab_focus (GTK_WIDGET (self->list_view));
}

static void
list_view_activate_cb (DeskTicketsPage *self,
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
  const char *text = desk_list_search_get_text (self->search);
  guint n_exact = 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(DeskTicket) ticket = g_list_model_get_item (rows, i);

      if (desk_ticket_matches_exactly (ticket, text) && n_exact++ == 0)
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
set_feedback (DeskTicketsPage *self,
              const char      *text)
{
  gtk_label_set_label (self->search_feedback, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->search_feedback), text != NULL);
}

static void
search_changed_cb (DeskTicketsPage *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  g_free (self->folded_search);
  self->folded_search = desk_ticket_match_fold (text);
  set_feedback (self, NULL);
  desk_list_search_set_text (self->search, text);
}

/* What the search holds now: the list and whether its rows are narrowed locally. */
static void
search_list_changed_cb (DeskTicketsPage *self)
{
  show_list (self, desk_list_search_get_list (self->search));
}

/* Enter found no single ticket: say so where the clerk looks, rather than nothing. */
static void
say_matches (DeskTicketsPage *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->rows));
  g_autofree char *text = NULL;

  if (n == 0)
    /* Translators: what Enter in the search found; %s is what was typed or scanned */
    text = g_strdup_printf (_("No ticket “%s”"), desk_list_search_get_text (self->search));
  else if (desk_paged_list_get_has_more (self->shown))
    /* Translators: Enter in the search found more tickets than are loaded */
    text = g_strdup_printf (_("More than %u tickets match"), n);
  else
    text = g_strdup_printf (ngettext ("%u ticket matches", "%u tickets match", n), n);

  set_feedback (self, text);
}

static void
search_answered_cb (DeskTicketsPage *self,
                    gboolean         answered)
{
  if (desk_paged_list_get_error (self->shown) != NULL)
    return;

  if (!open_single_match (self, answered))
    say_matches (self);
}

/* Enter, typed or sent by a barcode scanner after the code. The text of this moment is
 * what counts, whichever keystroke signal came first. */
static void
search_activate_cb (DeskTicketsPage *self)
{
  search_changed_cb (self);
  if (!searching (self))
    return;

  if (open_single_match (self, desk_list_search_get_answered (self->search) &&
                               !desk_paged_list_get_loading (self->shown)))
    return;

  /* A scanned ticket is rarely among the loaded rows: ask the server now. */
  desk_list_search_activate (self->search);
}

/* Escape closes the open ticket first, then clears the search, as the Shortcuts window
 * says, wherever the focus is. */
void
_desk_tickets_page_escape (DeskTicketsPage *self)
{
  if (desk_ticket_detail_get_ticket (self->detail) != NULL)
    _desk_tickets_page_close_detail (self);
  else if (searching (self))
    gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
}

static void
search_stop_cb (DeskTicketsPage *self)
{
  _desk_tickets_page_escape (self);
}

static void
searching_cb (DeskTicketsPage *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEARCHING]);
}

/* --- Detail ------------------------------------------------------------------------------ */

static void
detail_message_cb (DeskTicketsPage *self,
                   const char      *text)
{
  adw_toast_overlay_add_toast (self->toast_overlay, desk_toast_new (text));
}

/* What the detail may change on a device, copied into the list's rows after a save. */
static const char * const device_props[] = {
  "status", "assigned-to-id", "assigned-to-name", "imei", "serial", "location", "staff-comments",
};

static void
copy_device (DeskTicketDevice *to,
             DeskTicketDevice *from)
{
  for (guint i = 0; i < G_N_ELEMENTS (device_props); i++)
    {
      g_auto(GValue) value = G_VALUE_INIT;

      g_object_get_property (G_OBJECT (from), device_props[i], &value);
      g_object_set_property (G_OBJECT (to), device_props[i], &value);
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
  desk_list_search_foreach_list (self->search, (GFunc) update_rows_of, held);
}

static void
folded_changed_cb (DeskTicketsPage *self)
{
  g_object_set (self->detail, "folded", adw_leaflet_get_folded (self->leaflet), NULL);
}

/* --- Width ------------------------------------------------------------------------------ */

/* A narrow list builds the order, the customer and the status of each row, and nothing
 * for the other columns: its rows are built again, with every column, once it is wide. */
static void
set_narrow (DeskTicketsPage *self,
            gboolean         narrow)
{
  g_autoptr(GtkListItemFactory) factory = NULL;

  if (gtk_list_view_get_factory (self->list_view) != NULL && self->narrow == narrow)
    return;

  self->narrow = narrow;
  factory = desk_ticket_columns_new_factory (desk_page_get_catalog (DESK_PAGE (self)), narrow);
  gtk_list_view_set_factory (self->list_view, factory);
  desk_results_view_set_titles (self->results, desk_ticket_columns_new_titles (narrow));
}

static gboolean
apply_narrow_cb (gpointer user_data)
{
  DeskTicketsPage *self = user_data;

  int width = gtk_widget_get_width (GTK_WIDGET (self));
  gboolean compact = width < COMPACT_WIDTH;

  self->narrow_source = 0;
  set_narrow (self, width < NARROW_WIDTH);

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
  if (self->list_view != NULL)
    desk_row_slots_fit (self->slots, GTK_WIDGET (self->list_view));
}

/* The first rows come before the first layout: a screenful as the window holds. */
static void
desk_tickets_page_root (GtkWidget *widget)
{
  DeskTicketsPage *self = DESK_TICKETS_PAGE (widget);

  GTK_WIDGET_CLASS (desk_tickets_page_parent_class)->root (widget);
  if (self->list_view != NULL)
    desk_row_slots_fit (self->slots, GTK_WIDGET (self->list_view));
}

/* --- DeskPage ------------------------------------------------------------------------------ */

/* A ticket checked in at the counter (or on another screen) joins the list at once. */
static void
writer_settled_cb (DeskWriter      *writer,
                   DeskChange      *change,
                   int              fate,
                   GObject         *record,
                   GError          *error,
                   DeskTicketsPage *self)
{
  if (fate == DESK_FATE_SAVED && desk_change_get_kind (change) == DESK_CHANGE_CREATE_TICKET)
    desk_page_reload (DESK_PAGE (self));
}

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
  _desk_tickets_page_find_action (GTK_WIDGET (page), "tickets.find", NULL);
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
                "writer", desk_context_get_writer (desk_page_get_context (DESK_PAGE (self))),
                NULL);
  g_signal_connect_object (desk_context_get_writer (desk_page_get_context (DESK_PAGE (self))),
                           "settled", G_CALLBACK (writer_settled_cb), self, 0);

  self->search = desk_list_search_new (desk_page_get_client (DESK_PAGE (self)),
                                      DESK_PAGED_LIST_TICKETS);
  desk_list_search_set_query_func (self->search, _desk_tickets_page_make_query, self, NULL);
  g_signal_connect_object (self->search, "changed", G_CALLBACK (search_list_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->search, "activated", G_CALLBACK (search_answered_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->search, "notify::searching", G_CALLBACK (searching_cb),
                           self, G_CONNECT_SWAPPED);

  self->filter = gtk_custom_filter_new (filter_func, self, NULL);
  self->rows = gtk_filter_list_model_new (NULL, g_object_ref (GTK_FILTER (self->filter)));
  g_signal_connect_object (self->rows, "items-changed", G_CALLBACK (rows_changing_cb),
                           self, G_CONNECT_SWAPPED);
  self->slots = desk_row_slots_new (G_LIST_MODEL (self->rows));
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->slots)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect_object (self->selection, "notify::selected", G_CALLBACK (selected_cb),
                           self, G_CONNECT_SWAPPED);
  /* After the slots, which connected first. */
  g_signal_connect_object (self->rows, "items-changed", G_CALLBACK (rows_changed_cb),
                           self, G_CONNECT_SWAPPED);

  self->list_view = GTK_LIST_VIEW (gtk_list_view_new (g_object_ref (GTK_SELECTION_MODEL (self->selection)),
                                                      NULL));
  gtk_list_view_set_single_click_activate (self->list_view, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->list_view), "ticket-columns");
  /* Narrow until the page is known to be wide: a narrow list never stops the window from
   * growing, while a wide one would keep a phone-sized window from shrinking. */
  set_narrow (self, TRUE);
  g_signal_connect_object (self->list_view, "activate", G_CALLBACK (list_view_activate_cb),
                           self, G_CONNECT_SWAPPED);
  desk_results_view_set_child (self->results, GTK_WIDGET (self->list_view));
  desk_accessible_label_list (GTK_WIDGET (self->list_view), _("Tickets"));

  if (desk_page_get_settings (DESK_PAGE (self)) != NULL)
    saved = g_settings_get_value (desk_page_get_settings (DESK_PAGE (self)), "ticket-filters");
  desk_ticket_filters_load (&self->filters, saved);

  _desk_tickets_page_watch_catalog (self);
  show_list (self, desk_list_search_get_list (self->search));
  _desk_tickets_page_apply_filters (self);
}

static void
desk_tickets_page_dispose (GObject *object)
{
  DeskTicketsPage *self = DESK_TICKETS_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->narrow_source, g_source_remove);
  g_clear_handle_id (&self->catalog_source, g_source_remove);
  if (self->css != NULL)
    gtk_style_context_remove_provider_for_display (gtk_widget_get_display (GTK_WIDGET (self)),
                                                   GTK_STYLE_PROVIDER (self->css));
  gtk_widget_dispose_template (GTK_WIDGET (self), DESK_TYPE_TICKETS_PAGE);
  self->list_view = NULL;
  self->shown = NULL;
  g_clear_object (&self->selection);
  g_clear_object (&self->selected);
  g_clear_object (&self->slots);
  g_clear_object (&self->rows);
  g_clear_object (&self->filter);
  if (self->search != NULL)
    g_signal_handlers_disconnect_by_data (self->search, self);
  g_clear_object (&self->search);
  g_clear_object (&self->css);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (desk_tickets_page_parent_class)->dispose (object);
}

static void
desk_tickets_page_finalize (GObject *object)
{
  DeskTicketsPage *self = DESK_TICKETS_PAGE (object);

  desk_ticket_filters_clear (&self->filters);
  g_free (self->folded_search);
  g_free (self->applied_search);

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
  widget_class->root = desk_tickets_page_root;
  page_class->reload = desk_tickets_page_reload;
  page_class->show_record = desk_tickets_page_show_record;
  page_class->focus_search = desk_tickets_page_focus_search;

  /* Whether a server search is waiting to be sent or on its way. */
  properties[PROP_SEARCHING] =
    g_param_spec_boolean ("searching", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  DESK_PROPERTIES_CHECK (DESK_TYPE_TICKET_DEVICE, device_props);
  desk_ticket_sections_check_properties ();

  g_type_ensure (DESK_TYPE_CHOICE_BUTTON);
  g_type_ensure (DESK_TYPE_RESULTS_VIEW);
  g_type_ensure (DESK_TYPE_TICKET_DETAIL);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/frontdesk/FrontDesk/tickets/desk-tickets-page.ui");
  gtk_widget_class_bind_template_child (widget_class, DeskTicketsPage, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, DeskTicketsPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, DeskTicketsPage, range_dropdown);
  gtk_widget_class_bind_template_child (widget_class, DeskTicketsPage, custom_range_button);
  gtk_widget_class_bind_template_child (widget_class, DeskTicketsPage, status_dropdown);
  gtk_widget_class_bind_template_child (widget_class, DeskTicketsPage, technician_dropdown);
  gtk_widget_class_bind_template_child (widget_class, DeskTicketsPage, creator_dropdown);
  gtk_widget_class_bind_template_child (widget_class, DeskTicketsPage, filters_button);
  gtk_widget_class_bind_template_child (widget_class, DeskTicketsPage, filters_revealer);
  gtk_widget_class_bind_template_child (widget_class, DeskTicketsPage, leaflet);
  gtk_widget_class_bind_template_child (widget_class, DeskTicketsPage, results);
  gtk_widget_class_bind_template_child (widget_class, DeskTicketsPage, detail);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_stop_cb);
  gtk_widget_class_bind_template_callback_full (widget_class, "filter_changed_cb",
                                                G_CALLBACK (_desk_tickets_page_filter_changed_cb));
  gtk_widget_class_bind_template_callback (widget_class, folded_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, detail_message_cb);
  gtk_widget_class_bind_template_callback (widget_class, detail_saved_cb);

  _desk_tickets_page_class_actions_init (widget_class);
}

/* The custom range's calendars are built the first time they are asked for: the first
 * frame has no use for them, and they are a good part of the screen's widgets. */
static void
create_range_popover_cb (GtkMenuButton *button,
                         gpointer       user_data)
{
  DeskTicketsPage *self = DESK_TICKETS_PAGE (user_data);
  g_autoptr(GtkBuilder) builder = NULL;

  if (gtk_menu_button_get_popover (button) != NULL)
    return;

  builder = gtk_builder_new_from_resource ("/io/frontdesk/FrontDesk/tickets/"
                                           "desk-tickets-range-popover.ui");
  self->from_calendar = GTK_CALENDAR (gtk_builder_get_object (builder, "from_calendar"));
  self->to_calendar = GTK_CALENDAR (gtk_builder_get_object (builder, "to_calendar"));
  gtk_menu_button_set_popover (button, GTK_WIDGET (gtk_builder_get_object (builder,
                                                                           "range_popover")));
}

static void
desk_tickets_page_init (DeskTicketsPage *self)
{
  g_autoptr(GtkStringList) ranges = _desk_tickets_page_range_names ();

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_menu_button_set_create_popup_func (self->custom_range_button, create_range_popover_cb,
                                         self, NULL);
  desk_revealer_hide_concealed (self->filters_revealer);
  desk_accessible_tidy_mnemonics (GTK_WIDGET (self));
  desk_accessible_label_dropdown (GTK_WIDGET (self->range_dropdown));
  desk_accessible_label_dropdown (GTK_WIDGET (self->status_dropdown));
  desk_accessible_label_dropdown (GTK_WIDGET (self->technician_dropdown));
  desk_accessible_label_dropdown (GTK_WIDGET (self->creator_dropdown));
  self->cancellable = g_cancellable_new ();
  self->css = gtk_css_provider_new ();
  gtk_style_context_add_provider_for_display (gtk_widget_get_display (GTK_WIDGET (self)),
                                              GTK_STYLE_PROVIDER (self->css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  desk_choice_button_set_model (self->range_dropdown, G_LIST_MODEL (ranges));
  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self));
  _desk_tickets_page_actions_init (self);
  self->search_feedback = desk_search_feedback_add (self->search_entry, _("Search Tickets"));
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
  _desk_tickets_page_controls_from_filters (self);
  _desk_tickets_page_apply_filters (self);
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

  return self->search != NULL && desk_list_search_get_searching (self->search);
}
