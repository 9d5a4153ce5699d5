/* desk-tickets-page-private.h
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "desk-choice-button.h"
#include "desk-results-view.h"
#include "desk-row-slots.h"
#include "desk-ticket-columns.h"
#include "desk-ticket-match.h"
#include "desk-ticket-sections.h"
#include "desk-tickets-page.h"

G_BEGIN_DECLS

struct _DeskTicketsPage
{
  DeskPage           parent_instance;

  /* Template children */
  AdwToastOverlay    *toast_overlay;
  GtkSearchEntry     *search_entry;
  DeskChoiceButton   *range_dropdown;
  GtkMenuButton      *custom_range_button;
  GtkCalendar        *from_calendar;    /* in the custom range's popover, once built */
  GtkCalendar        *to_calendar;
  DeskChoiceButton   *status_dropdown;
  DeskChoiceButton   *technician_dropdown;
  DeskChoiceButton   *creator_dropdown;
  GtkToggleButton    *filters_button;
  GtkRevealer        *filters_revealer;
  GtkLabel           *search_feedback;
  AdwLeaflet         *leaflet;
  DeskResultsView    *results;
  DeskTicketDetail   *detail;

  /* owned */
  DeskListSearch     *search;
  GtkFilterListModel *rows;
  DeskRowSlots       *slots;            /* the rows as the view shows them */
  DeskTicket         *selected;         /* the ticket of the selected row, or NULL */
  GtkCustomFilter    *filter;
  GtkSingleSelection *selection;
  GtkCssProvider     *css;
  GCancellable       *cancellable;
  char               *folded_search;
  char               *applied_search;   /* what the filter last matched, "" for all */

  /* state */
  GtkListView        *list_view;
  DeskPagedList      *shown;
  DeskTicketFilters   filters;
  guint               narrow_source;
  guint               catalog_source;
  gboolean            updating_controls;
  gboolean            narrow;
  gboolean            compact;
  gboolean            rows_changing;
};

/* desk-tickets-page.c */
void           _desk_tickets_page_update_empty_text        (DeskTicketsPage *self);
void           _desk_tickets_page_escape                   (DeskTicketsPage *self);
void           _desk_tickets_page_close_detail             (DeskTicketsPage *self);

/* desk-tickets-page-filters.c */
void           _desk_tickets_page_apply_filters            (DeskTicketsPage *self);
void           _desk_tickets_page_controls_from_filters    (DeskTicketsPage *self);
DeskListQuery *_desk_tickets_page_make_query               (const char      *text,
                                                            gpointer         user_data);
void           _desk_tickets_page_filter_changed_cb        (DeskTicketsPage *self);
void           _desk_tickets_page_apply_custom_range_action (GtkWidget      *widget,
                                                            const char      *action_name,
                                                            GVariant        *parameter);
void           _desk_tickets_page_watch_catalog            (DeskTicketsPage *self);
GtkStringList *_desk_tickets_page_range_names              (void);

/* desk-tickets-page-actions.c */
void           _desk_tickets_page_find_action              (GtkWidget       *widget,
                                                            const char      *action_name,
                                                            GVariant        *parameter);
void           _desk_tickets_page_class_actions_init       (GtkWidgetClass  *widget_class);
void           _desk_tickets_page_actions_init             (DeskTicketsPage *self);

G_END_DECLS
